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
import platform
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import hyperscan
import re2

from autoheal import diskcache
from autoheal.engine_re2 import line_starts, markers_searcher
from autoheal.prefilter import _c, _literal, _p
from autoheal.sections import MARKER_BYTES

if TYPE_CHECKING:
    from autoheal.rules import Rule, RuleSet

MARKER_ID = 0
# The two non-ASCII characters RE2's case folding maps onto ASCII letters (Kelvin sign, long s).
_FOLDED = ("\u212a", "\u017f")
# Lines holding these are always candidates: the folds above, and the vertical tab (in RE2's
# \S, Hyperscan's \s).
_TRIGGERS = (*_FOLDED, "\x0b")
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


# (id, regex, Hyperscan flags)
Expr = tuple[int, str, int]


def _region_exprs(ruleset: RuleSet) -> tuple[list[Expr], list[str]]:
    """The region pass: markers (id 0) and every prefilter part Hyperscan reads as RE2 does; the rest as regexes."""
    parts = ruleset.parts
    exprs: list[Expr] = []
    leftover: list[str] = []
    if hyperscan_safe(MARKER_BYTES.decode()):
        exprs.append((MARKER_ID, MARKER_BYTES.decode(), 0))
    items = [(_literal(lit, False), 0) for lit in parts.exact]
    for lit in parts.folded:
        if lit.isascii():
            items.append((_literal(lit, False), hyperscan.HS_FLAG_CASELESS))
        else:
            leftover.append(_literal(lit, True))
    for regex in parts.pairs + parts.weak:
        if hyperscan_safe(regex):
            items.append((regex, 0))
        else:
            leftover.append(regex)
    items += [("".join(f"\\x{b:02x}" for b in lit.encode()), 0) for lit in _TRIGGERS]
    exprs += [(index, regex, flags) for index, (regex, flags) in enumerate(items, start=1)]
    return exprs, leftover


def _line_exprs(ruleset: RuleSet) -> tuple[list[Expr], list[int]]:
    """The line pass: each rule pattern (by its index in the RE2 set) Hyperscan reads as RE2 does; the rest by index."""
    patterns = [p for r in ruleset.rules for p in r.patterns]
    exprs = [(i, p, hyperscan.HS_FLAG_SINGLEMATCH) for i, p in enumerate(patterns) if hyperscan_safe(p)]
    return exprs, [i for i, p in enumerate(patterns) if not hyperscan_safe(p)]


def _compile(exprs: list[Expr]) -> Any:
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(
        expressions=[e.encode() for _, e, _ in exprs], ids=[i for i, _, _ in exprs], flags=[f for _, _, f in exprs]
    )
    return db


def _accepted(expr: Expr) -> bool:
    try:
        _compile([expr])
    except hyperscan.error:
        return False
    return True


def _compile_all(exprs: list[Expr]) -> tuple[Any, list[Expr]]:
    """The database of what Hyperscan accepts (None if nothing), and what it rejects (one that can match empty, say)."""
    try:
        return (_compile(exprs) if exprs else None), []
    except hyperscan.error:
        pass
    kept = [e for e in exprs if _accepted(e)]
    rejected = [e for e in exprs if e not in kept]
    try:
        return (_compile(kept) if kept else None), rejected
    except hyperscan.error as exc:
        raise Unavailable(str(exc)) from None


def _ignore(*_: object) -> None:
    """A match handler for the probe scan, which only checks that the database runs here."""


def _key(ruleset: RuleSet, kind: str) -> str:
    from autoheal.rules import patterns_key

    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    version = f"{getattr(hyperscan, '__version__', '')} {platform.machine()}"
    patterns = patterns_key(p for r in ruleset.rules for p in r.patterns)
    return diskcache.key([kind, patterns, code, version, MARKER_BYTES.hex()])


def _cached(ruleset: RuleSet, kind: str, build: Callable[[], tuple[Any, Any]]) -> tuple[Any, Any]:
    """(database or None, JSON-able rest) from the disk cache, else ``build()`` stored there."""
    digest = _key(ruleset, kind)
    payload = diskcache.load(kind, digest)
    if payload is not None and len(payload) >= 4:
        size = int.from_bytes(payload[:4], "little")
        try:
            rest = json.loads(payload[4 : 4 + size])
            blob = payload[4 + size :]
            db = hyperscan.loadb(blob, hyperscan.HS_MODE_BLOCK) if blob else None
            if db is not None:  # a database built for another CPU fails here, not in the middle of a log
                db.scan(b"probe\n", match_event_handler=_ignore, scratch=hyperscan.Scratch(db))
            return db, rest
        except (ValueError, hyperscan.error):
            pass  # damaged, or serialised by another build of the library or for another CPU: compile again
    db, rest = build()
    meta = json.dumps(rest).encode()
    blob = hyperscan.dumpb(db) if db is not None else b""
    diskcache.store(kind, digest, len(meta).to_bytes(4, "little") + meta + blob)
    return db, rest


def _build_region(ruleset: RuleSet) -> tuple[Any, Any]:
    exprs, leftover = _region_exprs(ruleset)
    db, rejected = _compile_all(exprs)
    markers = any(i == MARKER_ID for i, _, _ in exprs) and all(i != MARKER_ID for i, _, _ in rejected)
    leftover += [f"(?i:{e})" if f & hyperscan.HS_FLAG_CASELESS else e for i, e, f in rejected if i != MARKER_ID]
    return db, {"leftover": leftover, "markers": markers}


def _build_lines(ruleset: RuleSet) -> tuple[Any, Any]:
    exprs, residual = _line_exprs(ruleset)
    db, rejected = _compile_all(exprs)
    return db, {"residual": sorted(residual + [i for i, _, _ in rejected])}


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise Unavailable("damaged cache entry")
    return value


class HyperscanEngine:
    name = "hyperscan"

    def __init__(self, ruleset: RuleSet) -> None:
        from autoheal.rules import MATCHER_MEM, raw_searcher

        self.ruleset = ruleset
        self.region_db, region = _cached(ruleset, "hyperscan-region", lambda: _build_region(ruleset))
        self.line_db, lines = _cached(ruleset, "hyperscan-lines", lambda: _build_lines(ruleset))
        try:
            leftover, self.markers_inside = _strings(region["leftover"]), bool(region["markers"])
            residual = [int(i) for i in lines["residual"]]
            self.region_scratch = hyperscan.Scratch(self.region_db) if self.region_db is not None else None
            self.line_scratch = hyperscan.Scratch(self.line_db) if self.line_db is not None else None
        except (KeyError, TypeError, ValueError, hyperscan.error) as exc:
            raise Unavailable(str(exc)) from None
        opts = re2.Options()
        opts.never_capture = True
        opts.log_errors = False
        self.leftover = raw_searcher(re2.compile("|".join(leftover).encode(), opts)) if leftover else None
        self.markers = markers_searcher()
        self.residual = self._residual_set(residual, MATCHER_MEM)
        self._ends: list[int] = []
        self._marks: list[int] = []
        self._patterns: list[int] = []

    def _residual_set(self, indices: list[int], max_mem: int) -> tuple[Any, list[int]] | None:
        """The rule patterns Hyperscan does not take, as a small RE2 set (and its index -> pattern index)."""
        if not indices:
            return None
        patterns = [p for r in self.ruleset.rules for p in r.patterns]
        opts = re2.Options()
        opts.log_errors = False
        opts.max_mem = max_mem
        matcher = re2.Set.SearchSet(opts)
        for i in indices:
            matcher.Add(patterns[i])
        matcher.Compile()
        return matcher, indices

    def _on_match(self, pattern: int, start: int, end: int, flags: int, context: Any) -> None:
        (self._marks if pattern == MARKER_ID else self._ends).append(end)

    def scan(self, buf: bytes, start: int, end: int) -> tuple[list[int], set[int]]:
        self._ends, self._marks = [], []
        if end > start and self.region_db is not None:
            self.region_db.scan(buf[start:end], match_event_handler=self._on_match, scratch=self.region_scratch)
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

    def _on_pattern(self, pattern: int, start: int, end: int, flags: int, context: Any) -> None:
        self._patterns.append(pattern)

    def hits(self, text: str) -> list[tuple[Rule, dict[str, str]]]:
        """``RuleSet.hits``, with Hyperscan naming the patterns that match instead of RE2's set."""
        ruleset = self.ruleset
        if self.line_db is None or "\x0b" in text or (not text.isascii() and any(c in text for c in _FOLDED)):
            return ruleset.hits(text)
        self._patterns = []
        self.line_db.scan(text.encode(), match_event_handler=self._on_pattern, scratch=self.line_scratch)
        found = self._patterns
        if self.residual is not None:
            matcher, indices = self.residual
            found = found + [indices[i] for i in matcher.Match(text) or ()]
        if not found:
            return []
        out = []
        for index in sorted({ruleset.pattern_rule[i] for i in found}):
            rule = ruleset.rules[index]
            captures = rule.match(text)
            if captures is not None:
                out.append((rule, captures))
        return out


def _line_of(buf: bytes, end: int) -> int:
    """Start of the line holding the byte before ``end`` (a match's last byte)."""
    return buf.rfind(b"\n", 0, max(end - 1, 0)) + 1
