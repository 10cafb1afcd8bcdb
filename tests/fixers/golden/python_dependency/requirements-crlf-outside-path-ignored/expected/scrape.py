from bs4 import BeautifulSoup
