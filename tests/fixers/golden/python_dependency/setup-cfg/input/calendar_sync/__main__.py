from dateutil import rrule
