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

# The ASCII part of each class linear.py and blocks.py write, in Python's syntax (what linear.translate reads):
# Python's \w is str.isalnum() or "_", \s str.isspace(), \d a decimal digit; \pL letters, \pN and \p{Nd}
# digits, \p{Z} separators (of ASCII only the space). tests/test_asciitwin.py derives each from its definition.
_WORD = "A-Za-z0-9_"
_SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f "
_ITEMS = {
    "w": _WORD,
    "s": _SPACE,
    "d": "0-9",
    "pL": "A-Za-z",
    "pN": "0-9",
    "p{L}": "A-Za-z",
    "p{N}": "0-9",
    "p{Nd}": "0-9",
    "p{Z}": " ",
}
# Outside a class, the negated escapes too (inside one, linear.translate refuses \W, \S and \D).
_NEGATED = {"W": "w", "S": "s", "D": "d", "PL": "pL", "PN": "pN", "P{L}": "p{L}", "P{N}": "p{N}", "P{Nd}": "p{Nd}"}


# A pattern's pieces as ascii_part reads them: an escape (a class ``\\pL``/``\\p{Nd}`` whole), a bracket, or a run
# of anything else (read at once: the line-shape patterns are 6,000 characters, and this runs as each is first used).
_PIECE = re.compile(r"\\(?:[pP]\{[^}]*\}|[pP].|.)?|\[\^?|\]|[^\\\[\]]+", re.DOTALL)
# What may hold a Unicode class, checked at import: a pattern without one is its own twin.
_MAYBE_UNICODE = re.compile(r"\\[wsdWSDpP]")


def ascii_part(pattern: str) -> str:
    """``pattern`` (Python syntax) with each Unicode class cut down to its ASCII part: on an ASCII string
    it matches where ``pattern`` does, with the same groups. A class it does not know is kept as it is
    (still right, only not faster)."""
    out: list[str] = []
    inside = False
    opened = 0  # len(out) when the class opened
    for piece in _PIECE.findall(pattern):
        if piece[0] == "\\":
            out.append(_ascii_escape(piece[1:], inside))
        elif not inside:
            inside = piece[0] == "["
            out.append(piece)
            opened = len(out)
        else:  # where a class ends as linear.translate reads it
            inside = not linear.class_ends(piece, len(out) - opened)
            out.extend(piece)
    return "".join(out)


def _ascii_escape(escape: str, inside: bool) -> str:
    if escape in _ITEMS:
        return _ITEMS[escape] if inside else f"[{_ITEMS[escape]}]"
    if escape in _NEGATED and not inside:
        return f"[^{_ITEMS[_NEGATED[escape]]}]"
    return "\\" + escape


class Twin:
    """A pattern of linear.py (RE2, Python's meaning) whose calls on an ASCII line run its ASCII part.

    Both are compiled on first use, as ``linear.lazy``; the Unicode pattern is translated now, so a
    construct RE2 refuses still fails at import.
    """

    def __init__(self, pattern: str, ignorecase: bool = False) -> None:
        self._unicode = linear.lazy(pattern, ignorecase)
        self._source = (pattern, ignorecase)
        self._ascii: Any = None

    def _for(self, text: str) -> Any:
        if not text.isascii():
            return self._unicode
        if self._ascii is None:
            pattern, ignorecase = self._source
            self._ascii = linear.compile(ascii_part(pattern), ignorecase)
        return self._ascii

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
