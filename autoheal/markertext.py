"""What the marker checks (markers.py) read: an RE2 match's groups from bare spans, a line's text on first need,
a Travis command line's command."""

from __future__ import annotations

from collections.abc import Callable

import re2

from autoheal import lazyre, re2api
from autoheal.normalize import CONTROL

_SPACE = "\t\n\f\r "  # RE2's \s (\v is in \S)
_SPACE_AT = lazyre.compile(r"[\t\n\f\r ]")


class Re2Groups:
    """An RE2 regex whose match is read from google-re2's bare byte spans, as a dict of its named groups.

    The public API's match object (a generator, then ``groupindex`` per group read)
    cost ~4 µs of every Travis command line; the spans (re2api.py) give the same groups.
    """

    def __init__(self, pattern: str, anchored: bool) -> None:
        self.regex = re2.compile(pattern)
        self.names = tuple(self.regex.groupindex.items())
        self.anchored = anchored
        self.spans = re2api.spans(self.regex, anchored)

    def __call__(self, text: str) -> dict[str, str | None] | None:
        if self.spans is not None and text.isascii():  # ASCII: byte offsets are character offsets
            data = text.encode()
            spans = self.spans(data, 0, len(data))
            if spans[0][0] < 0:
                return None
            return {name: text[spans[g][0] : spans[g][1]] if spans[g][0] >= 0 else None for name, g in self.names}
        m = self.regex.match(text) if self.anchored else self.regex.search(text)
        return m.groupdict() if m else None


class LazyText:
    """A marker line's normalised text, made on first need: most Travis command lines need none."""

    __slots__ = ("_make", "_plain", "_read", "_value")

    def __init__(self, text: str | Callable[[], str], read: str | None) -> None:
        self._value: str | None = text if isinstance(text, str) else None
        self._make: Callable[[], str] | None = None if isinstance(text, str) else text
        self._read = read
        self._plain: bool | None = None

    def __call__(self) -> str:
        if self._value is None:
            self._value = self._make() if self._make is not None else ""
        return self._value

    def holds(self, literal: str) -> bool:
        """``literal in text``, answered from the line as read where that can say no.

        Normalising a line (normalize.py) keeps one CR frame, cuts prefixes (a timestamp, a
        runner marker, a wrapper's), removes colour codes (each needs an ESC or a ``[``)
        and control characters, and replaces secrets with ``[redacted]``. A line as read
        with no ESC, ``[`` or control character thus has a text made of pieces of it
        and of ``[redacted]``: a literal without brackets that it lacks, its text lacks.
        """
        if self._value is None and self._read is not None and literal not in self._read:
            if self._plain is None:
                self._plain = "[" not in self._read and CONTROL.search(self._read) is None
            if self._plain:
                return False
        return literal in self()


def travis_command(body: str) -> str | None:
    """``markers._TRAVIS_CMD``'s ``cmd``: after ``$ `` at the start, or after the first ``travis_fold:`` or ``travis_time:``
    whose run of non-spaces ends in ``$ ``; a non-space must follow, and ``.`` stops at a newline. Read with
    ``find``: RE2 took ~6 µs to extract the group of each Travis command line, the commonest marker line there.
    """
    nl = body.find("\n")
    limit = len(body) if nl < 0 else nl
    at, run = body.find("travis_", 0, limit), -1
    while at >= 0:
        if body.startswith(("fold:", "time:"), at + 7):
            if run < at + 12:  # markers in one run of non-spaces share its end: find it once, or a line is quadratic
                space = _SPACE_AT.search(body, at + 12)  # the lazy ``\S*?`` ends where the run of non-spaces does
                run = space.start() if space else len(body)
            if run > at + 12 and body[run - 1] == "$" and body[run : run + 1] == " " and _leads(body, run + 1):
                return body[run + 1 : limit]
        at = body.find("travis_", at + 1, limit)
    return body[2:limit] if body.startswith("$ ") and _leads(body, 2) else None


def _leads(body: str, at: int) -> bool:
    """A command starts at ``at``: a non-space (RE2's ``\\S``) is there."""
    return at < len(body) and body[at] not in _SPACE
