"""The fast engine: every prefilter part and the section markers in one Hyperscan database.

Hyperscan (``pip install autoheal[fast]``; the PyPI wheels ship the library)
matches a thousand literals and regexes in one pass over the bytes, and reports
each match by its end offset. A part matches within one line, so the line that
holds a match's last byte is the line RE2 flags for it; matches that span lines
flag a line more, never one less, and the scanner's RE2 test of each candidate
line decides. The scanner hands over whole lines (its regions start and end at
line starts, with the previous chunk's lines carried over), so a match across
a chunk boundary is found as RE2 finds it, and one block scan per region needs
no stream state.

Hyperscan reads bytes; RE2 reads UTF-8. A part goes to Hyperscan only when the
two agree on it: ASCII, and every "any character" atom (``.``, ``\\S``, ``[^x]``)
repeated without bound, where counting bytes and counting characters give the
same answer. The rest (a handful) stay one RE2 alternation. RE2's case folding
also maps the Kelvin sign to ``k`` and the long s to ``s``: lines holding either
are candidates. Marker lines are confirmed with the markers' RE2 regex.

The compiled database is serialised into the disk cache (diskcache.py) under
the hash of the patterns, the markers and the library version: compiling it
takes ~0.2 s, loading it 0.1 ms.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import hyperscan
import re2

from autoheal import diskcache
from autoheal.engine import line_starts, markers_searcher
from autoheal.prefilter import _c, _literal, _p
from autoheal.sections import MARKER_BYTES

if TYPE_CHECKING:
    from autoheal.rules import RuleSet

MARKER_ID = 0
# UTF-8 of the two non-ASCII characters RE2's case folding maps onto ASCII letters (K, s).
_FOLDS_TO_ASCII = (b"\xe2\x84\xaa", b"\xc5\xbf")
_WIDE = {_c.ANY, _c.NOT_LITERAL}
_NOT_CATEGORIES = {_c.CATEGORY_NOT_DIGIT, _c.CATEGORY_NOT_SPACE, _c.CATEGORY_NOT_WORD}


class Unavailable(Exception):
    """Hyperscan cannot run here (CPU without SSSE3, a database it rejects)."""


def _wide(op: Any, arg: Any) -> bool:
    """Does this atom match a character of any width (so bytes and characters differ)?"""
    if op in _WIDE:
        return True
    if op is _c.IN:
        return any(_class_item_wide(o, a) for o, a in arg)
    return op is _c.CATEGORY and arg in _NOT_CATEGORIES


def _class_item_wide(op: Any, arg: Any) -> bool:
    """A negated class, ``\\S`` in a class, or a non-ASCII member (Hyperscan would read its bytes apart)."""
    if op is _c.NEGATE or (op is _c.CATEGORY and arg in _NOT_CATEGORIES):
        return True
    return (op is _c.LITERAL and arg > 127) or (op is _c.RANGE and arg[1] > 127)


def _byte_safe(items: Any) -> bool:
    """True when no wide atom sits outside an unbounded repeat."""
    for op, arg in items:
        if _wide(op, arg):
            return False
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            body = list(arg[2])
            if arg[1] == _c.MAXREPEAT and len(body) == 1 and _wide(*body[0]):
                continue
            if not _byte_safe(body):
                return False
        elif op is _c.SUBPATTERN:
            if not _byte_safe(arg[3]):
                return False
        elif op is _c.BRANCH:
            if not all(_byte_safe(b) for b in arg[1]):
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT, _c.GROUPREF, _c.GROUPREF_EXISTS):
            return False
    return True


def hyperscan_safe(regex: str) -> bool:
    """Whether Hyperscan over bytes flags every line RE2 over UTF-8 flags for ``regex``.

    Non-ASCII is fine as a plain sequence of bytes, but not folded (RE2 folds
    ``É`` to ``é``, Hyperscan only ASCII) nor in a class.
    """
    if not regex.isascii() and "(?i" in regex:
        return False
    try:
        parsed = _p.parse(regex)
    except (re.error, OverflowError, RecursionError):
        return False
    if not regex.isascii() and parsed.state.flags & re.I:
        return False
    return _byte_safe(parsed)


def _expressions(ruleset: RuleSet) -> tuple[list[tuple[bytes, int]], list[str], bool]:
    """(Hyperscan expressions with flags, parts left to RE2, whether the markers are in the database)."""
    parts = ruleset.parts
    exprs: list[tuple[bytes, int]] = []
    markers = hyperscan_safe(MARKER_BYTES.decode())
    if markers:
        exprs.append((MARKER_BYTES, 0))
    leftover: list[str] = []
    exprs += [(_literal(lit, False).encode(), 0) for lit in parts.exact]
    for lit in parts.folded:
        if lit.isascii():
            exprs.append((_literal(lit, False).encode(), hyperscan.HS_FLAG_CASELESS))
        else:
            leftover.append(_literal(lit, True))
    for regex in parts.pairs + parts.weak:
        if hyperscan_safe(regex):
            exprs.append((regex.encode(), 0))
        else:
            leftover.append(regex)
    exprs += [(_literal(lit.decode(), False).encode(), 0) for lit in _FOLDS_TO_ASCII]
    return exprs, leftover, markers


def _compile(exprs: list[tuple[bytes, int]], first: int) -> Any:
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(
        expressions=[e for e, _ in exprs], ids=list(range(first, first + len(exprs))), flags=[f for _, f in exprs]
    )
    return db


def _accepted(expr: bytes, flags: int) -> bool:
    try:
        _compile([(expr, flags)], 1)
    except hyperscan.error:
        return False
    return True


def _compile_all(exprs: list[tuple[bytes, int]], leftover: list[str], markers: bool) -> tuple[Any, bool]:
    """The database; an expression Hyperscan rejects (one that can match empty, say) goes to ``leftover``."""
    try:
        return _compile(exprs, 0 if markers else 1), markers
    except hyperscan.error:
        pass
    kept: list[tuple[bytes, int]] = []
    for index, (expr, flags) in enumerate(exprs):
        if _accepted(expr, flags):
            kept.append((expr, flags))
        elif markers and index == 0:
            markers = False  # the portable engine's marker pass instead
        else:
            leftover.append(f"(?i:{expr.decode()})" if flags & hyperscan.HS_FLAG_CASELESS else expr.decode())
    try:
        return _compile(kept, 0 if markers else 1), markers
    except hyperscan.error as exc:
        raise Unavailable(str(exc)) from None


def _key(ruleset: RuleSet) -> str:
    from autoheal.rules import patterns_key

    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    version = str(getattr(hyperscan, "__version__", ""))
    return diskcache.key(
        [patterns_key(p for r in ruleset.rules for p in r.patterns), code, version], [MARKER_BYTES.hex()]
    )


def _load(digest: str) -> tuple[Any, list[str], bool] | None:
    payload = diskcache.load("hyperscan", digest)
    if payload is None or len(payload) < 4:
        return None
    size = int.from_bytes(payload[:4], "little")
    try:
        meta = json.loads(payload[4 : 4 + size])
        db = hyperscan.loadb(payload[4 + size :], hyperscan.HS_MODE_BLOCK)
        leftover, markers = meta["leftover"], meta["markers"]
    except (ValueError, KeyError, TypeError, hyperscan.error):
        return None  # damaged, or serialised by another build of the library: compile again
    if not isinstance(leftover, list) or not all(isinstance(x, str) for x in leftover):
        return None
    return db, leftover, bool(markers)


def database(ruleset: RuleSet) -> tuple[Any, list[str], bool]:
    """The compiled database, the parts left to RE2 and whether markers are in it (from the cache if there)."""
    digest = _key(ruleset)
    found = _load(digest)
    if found is not None:
        return found
    exprs, leftover, markers = _expressions(ruleset)
    db, markers = _compile_all(exprs, leftover, markers)
    meta = json.dumps({"leftover": leftover, "markers": markers}).encode()
    diskcache.store("hyperscan", digest, len(meta).to_bytes(4, "little") + meta + hyperscan.dumpb(db))
    return db, leftover, markers


class HyperscanEngine:
    name = "hyperscan"

    def __init__(self, ruleset: RuleSet) -> None:
        from autoheal.rules import raw_searcher

        self.db, leftover, self.markers_inside = database(ruleset)
        try:
            self.scratch = hyperscan.Scratch(self.db)
        except hyperscan.error as exc:
            raise Unavailable(str(exc)) from None
        opts = re2.Options()
        opts.never_capture = True
        opts.log_errors = False
        self.leftover = raw_searcher(re2.compile("|".join(leftover).encode(), opts)) if leftover else None
        self.markers = markers_searcher()
        self._ends: list[int] = []
        self._marks: list[int] = []

    def _on_match(self, pattern: int, start: int, end: int, flags: int, context: Any) -> None:
        (self._marks if pattern == MARKER_ID else self._ends).append(end)

    def scan(self, buf: bytes, start: int, end: int) -> tuple[list[int], set[int]]:
        self._ends, self._marks = [], []
        if end > start:
            self.db.scan(buf[start:end], match_event_handler=self._on_match, scratch=self.scratch)
        found = {_line_of(buf, start + e) for e in self._ends}
        if self.leftover is not None:
            found.update(line_starts(self.leftover, buf, start, end))
        if self.markers_inside:
            flagged = {_line_of(buf, start + e) for e in self._marks}
            markers = {ls for ls in flagged if self._is_marker(buf, ls, end)}
        else:
            markers = set(line_starts(self.markers, buf, start, end))
        return sorted(found | markers), markers

    def _is_marker(self, buf: bytes, ls: int, end: int) -> bool:
        """RE2 confirms the line, as the portable engine would have flagged it (markers are one line each)."""
        le = buf.find(b"\n", ls, end)
        stop = end if le < 0 else le + 1
        at = self.markers(buf, ls, stop)
        return at >= 0 and buf.rfind(b"\n", 0, at) + 1 == ls


def _line_of(buf: bytes, end: int) -> int:
    """Start of the line holding the byte before ``end`` (a match's last byte)."""
    return buf.rfind(b"\n", 0, max(end - 1, 0)) + 1
