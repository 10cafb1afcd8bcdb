"""What the scanner derives from one candidate line, kept for the lines that repeat.

A log repeats itself: retried commands, one warning per file, the same
``##[group]Run actions/checkout`` in every job. Timestamps aside (a GitHub
Actions runner stamps every line), about 40% of the candidate lines of the
shared real logs repeat one seen shortly before. The normalised text, the
marker a line says and its hits are functions of the line without its
timestamp, so a repeated line costs a dictionary look-up instead of a decode,
a normalisation, RE2 and Hyperscan calls.

Exact, not approximate: the key is the line's bytes after the timestamp, with
whether there was one, a byte-order mark, and the space after it (a secret
pattern's ``\\b`` could tell ``...Zsk-`` from ``...Z sk-`` in the raw line
a marker reads). Only with the built-in redaction patterns: a configured one
could match inside a timestamp. Lines longer than MAX_BYTES are not kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from autoheal import lazyre
from autoheal import redact as redact_mod
from autoheal.normalize import STAMP, decode, normalize
from autoheal.sections import Marker, marker

if TYPE_CHECKING:
    from autoheal.engine import Engine
    from autoheal.rules import Rule

# The runner timestamp as normalize reads it, and the rest of the line. Its groups are the key of a
# stamped line: (byte-order mark or None, the space or b"", the rest); one call that makes them cost
# 0.4 us a line less than a match, its end and a key joined from bytes.
_STAMP = lazyre.compile(STAMP.encode() + rb"(.*)", re.DOTALL)
MAX_LINES = 2048
MAX_BYTES = 1000  # with MAX_LINES, at most ~6 MB held (4096 lines kept 1 MB more at 64 MB of real logs, no faster)
_UNSET = Marker()  # a sentinel: no line says an empty Marker (``marker`` returns None then)


class Line:
    """One candidate line: its decoded text, and what is derived from it on first use."""

    __slots__ = ("_hits", "_said", "_text", "raw")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._text: str | None = None
        self._said: Marker | None = _UNSET
        self._hits: list[tuple[Rule, dict[str, str]]] | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = normalize(self.raw)
        return self._text

    def said(self) -> Marker | None:
        """The marker this line says, if any (``sections.marker``)."""
        if self._said is _UNSET:
            safe = redact_mod.redact(self.raw)  # step and command names leave the scan too: no secrets
            # The normalised text is made only where a check needs it (``markertext.LazyText``): a step's
            # group line, a Travis command, need none.
            self._said = marker(safe, lambda: self.text, self.raw)
        return self._said

    def hits(self, engine: Engine) -> list[tuple[Rule, dict[str, str]]]:
        if self._hits is None:
            self._hits = engine.hits(self.text)
        return self._hits


class Lines:
    """The lines of one scan seen last, by key (cleared when MAX_LINES are held)."""

    def __init__(self) -> None:
        self.seen: dict[bytes | tuple[bytes | None, ...], Line] = {}  # a line's bytes, or its stamp's groups
        self.on = redact_mod.builtin_only()

    def get(self, buf: bytes, ls: int, le: int) -> Line:
        if not self.on or le - ls > MAX_BYTES:
            return Line(decode(buf[ls:le]))
        stamp = _STAMP.match(buf, ls, le)
        key: bytes | tuple[bytes | None, ...] = buf[ls:le] if stamp is None else stamp.groups()
        line = self.seen.get(key)
        if line is None:
            if len(self.seen) >= MAX_LINES:
                self.seen.clear()
            line = self.seen[key] = Line(decode(buf[ls:le]))
        return line
