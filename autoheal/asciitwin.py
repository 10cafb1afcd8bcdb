"""Line-shape patterns with an ASCII twin: RE2 compiles Unicode classes slowly, and most log lines are ASCII.

linear.py gives ``\\w``, ``\\s`` and ``\\d`` Python's Unicode meaning as RE2 classes (``[\\pL\\pN_]``...),
and blocks.py writes ``[^\\pL\\pN_]`` itself. RE2 builds each such class from hundreds of ranges: the
line-shape patterns of blocks, edges and ends took 1 to 35 ms each to compile, most of a small log's
triage (issue 14). On a line of ASCII characters only, a class and its ASCII part hold the same
characters of that line, so the pattern with each class cut down to its ASCII part finds the same
matches with the same groups (tests/test_asciitwin.py checks it with hypothesis), and compiles in a
fraction of the time. ``str.isascii()`` costs nothing in CPython (a string records its widest
character), so each call picks the twin for an ASCII line; the Unicode pattern is compiled only when
a line that is not ASCII comes.
"""

from __future__ import annotations

import re
from typing import Any

from autoheal import linear

# What may hold a Unicode class, checked at import: a pattern without one is its own twin.
_MAYBE_UNICODE = re.compile(r"\\[wsdWSDpP]")


class Twin:
    """A pattern of linear.py (RE2, Python's meaning) whose calls on an ASCII line run its ASCII part
    (``linear.Lazy`` with ``ascii=True``). Both are translated now, so a construct RE2 refuses still fails
    at import, and compiled on first use.
    """

    def __init__(self, pattern: str, ignorecase: bool = False) -> None:
        self._unicode = linear.lazy(pattern, ignorecase)
        self._ascii = linear.Lazy(pattern, ignorecase, ascii=True)
        self._source = (pattern, ignorecase)

    def _for(self, text: str) -> Any:
        return self._ascii if text.isascii() else self._unicode

    def search(self, text: str) -> Any:
        return self._for(text).search(text)

    def match(self, text: str) -> Any:
        return self._for(text).match(text)

    def findall(self, text: str) -> Any:
        return self._for(text).findall(text)


def lazy(pattern: str, ignorecase: bool = False) -> Twin | linear.Lazy:
    """``linear.lazy`` with an ASCII twin: the same results, and a small log compiles only ASCII classes.
    A pattern without a Unicode class is its own twin: ``linear.lazy`` alone, without the choice per call."""
    if not _MAYBE_UNICODE.search(pattern):
        return linear.lazy(pattern, ignorecase)
    return Twin(pattern, ignorecase)
