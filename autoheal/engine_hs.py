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

Hyperscan reads bytes; RE2 reads UTF-8. A part or rule pattern goes to Hyperscan
when the two agree on it (hsregex.py), else as a literal each of its matches
holds; the few left are RE2's. RE2's case folding also maps the Kelvin sign to
``k`` and the long s to ``s``: lines holding either are candidates. Marker lines
are confirmed with the markers' RE2 regex. A second database holds every rule
pattern and exclude: on a candidate line it names the ones that may match, and
RE2 searches only those, for the hits and captures.

The compiled database is serialised into the disk cache (diskcache.py) under
the hash of the patterns, the markers and the library version: compiling it
takes ~0.2 s, loading it 0.1 ms.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import hyperscan
import re2

from autoheal import diskcache, hsregex
from autoheal.engine_re2 import line_starts, markers_searcher
from autoheal.hsregex import hyperscan_safe, parsed, required_literal, requires_wide, without_word_boundaries
from autoheal.prefilter import _literal
from autoheal.sections import MARKER_BYTES

if TYPE_CHECKING:
    from autoheal.rules import Rule, RuleSet

MARKER_ID = 0
# The two non-ASCII characters RE2's case folding maps onto ASCII letters (Kelvin sign, long s).
_FOLDED = ("\u212a", "\u017f")
# Lines holding these are always candidates: the folds above, and the vertical tab (in RE2's
# \S, Hyperscan's \s).
_TRIGGERS = (*_FOLDED, "\x0b")


class Unavailable(Exception):
    """Hyperscan cannot run here (CPU without SSSE3, a database it rejects)."""


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
            items.append((without_word_boundaries(regex), 0))
        else:
            leftover.append(regex)
    items += [("".join(f"\\x{b:02x}" for b in lit.encode()), 0) for lit in _TRIGGERS]
    exprs += [(index, regex, flags) for index, (regex, flags) in enumerate(items, start=1)]
    return exprs, leftover


def _line_regexes(ruleset: RuleSet) -> list[str]:
    """The line pass's regexes by id: every rule pattern (its index in the RE2 set), then every exclude."""
    return [p for r in ruleset.rules for p in r.patterns] + [x for r in ruleset.rules for x in r.exclude]


def _line_exprs(ruleset: RuleSet) -> tuple[list[Expr], list[int], list[int]]:
    """The line pass: each pattern and exclude Hyperscan reads as RE2 does, else a literal each match holds.

    Also by id: the rest, and those of the rest that only match a line holding non-ASCII.
    """
    exprs: list[Expr] = []
    residual: list[int] = []
    wide: list[int] = []
    for i, regex in enumerate(_line_regexes(ruleset)):
        safe = hyperscan_safe(regex)
        literal = None if safe else required_literal(regex)
        tree = None if safe or literal else parsed(regex)
        if safe:
            exprs.append((i, regex, hyperscan.HS_FLAG_SINGLEMATCH))
        elif literal is not None:
            caseless = hyperscan.HS_FLAG_CASELESS if literal[1] else 0
            exprs.append((i, literal[0], hyperscan.HS_FLAG_SINGLEMATCH | caseless))
        elif tree is not None and requires_wide(tree):
            wide.append(i)
        else:
            residual.append(i)
    return exprs, residual, wide


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

    code = hashlib.sha256(b"".join(Path(f).read_bytes() for f in (__file__, hsregex.__file__))).hexdigest()
    version = f"{getattr(hyperscan, '__version__', '')} {platform.machine()}"
    patterns = patterns_key(_line_regexes(ruleset))
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
    exprs, residual, wide = _line_exprs(ruleset)
    db, rejected = _compile_all(exprs)
    return db, {"residual": sorted(residual + [i for i, _, _ in rejected]), "wide": wide}


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
            wide = [int(i) for i in lines["wide"]]
            self.region_scratch = hyperscan.Scratch(self.region_db) if self.region_db is not None else None
            self.line_scratch = hyperscan.Scratch(self.line_db) if self.line_db is not None else None
        except (KeyError, TypeError, ValueError, hyperscan.error) as exc:
            raise Unavailable(str(exc)) from None
        opts = re2.Options()
        opts.never_capture = True
        opts.log_errors = False
        self.leftover = raw_searcher(re2.compile("|".join(leftover).encode(), opts)) if leftover else None
        self.markers = markers_searcher()
        count = len(ruleset.pattern_rule)
        self.residual = self._residual_set([i for i in residual if i < count], MATCHER_MEM)
        # Patterns only a line holding non-ASCII can match: RE2 tests them on such lines only.
        self.wide = self._residual_set([i for i in wide if i < count], MATCHER_MEM)
        # Excludes Hyperscan does not read as RE2 does: RE2 tests them on every candidate rule's line.
        self.unread = frozenset(i for i in residual if i >= count)
        self.wide_excludes = [i for i in wide if i >= count]
        self.layout = _layout(ruleset, self.unread)
        self.count = count
        self._ends: list[int] = []
        self._marks: list[int] = []
        self._found: set[int] = set()

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
        """Lines a rule may hit, and marker lines: a line that is only a marker needs no rule test."""
        self._ends, self._marks = [], []
        if end > start and self.region_db is not None:
            view = memoryview(buf)[start:end]  # no copy of the region
            self.region_db.scan(view, match_event_handler=self._on_match, scratch=self.region_scratch)
        found = set(_lines_of(buf, start, self._ends))
        if self.leftover is not None:
            found.update(line_starts(self.leftover, buf, start, end))
        if self.markers_inside:
            flagged = set(_lines_of(buf, start, self._marks))
            markers = {ls for ls in flagged if self._is_marker(buf, ls, end)}
        else:
            markers = set(line_starts(self.markers, buf, start, end))
        return sorted(found), markers

    def _is_marker(self, buf: bytes, ls: int, end: int) -> bool:
        """RE2 confirms the line, as the portable engine would have flagged it (markers are one line each)."""
        le = buf.find(b"\n", ls, end)
        stop = end if le < 0 else le + 1
        at = self.markers(buf, ls, stop)
        return at >= 0 and buf.rfind(b"\n", 0, at) + 1 == ls

    def _on_pattern(self, pattern: int, start: int, end: int, flags: int, context: Any) -> None:
        self._found.add(pattern)

    def hits(self, text: str) -> list[tuple[Rule, dict[str, str]]]:
        """``RuleSet.hits``, with Hyperscan naming the patterns and excludes that may match.

        RE2 still decides each one it names (Hyperscan flags a superset), in the
        rule's order, so the hits and captures are RE2's; the ones it does not
        name cannot match and are not searched. A rule with an exclude named is
        asked about all its excludes (one regex, ``Rule.excluded``): the others
        cannot match.
        """
        ruleset = self.ruleset
        ascii_only = text.isascii()
        if self.line_db is None or "\x0b" in text or (not ascii_only and any(c in text for c in _FOLDED)):
            return ruleset.hits(text)
        data = text.encode()
        found = self._found = set()
        self.line_db.scan(data, match_event_handler=self._on_pattern, scratch=self.line_scratch)
        if self.residual is not None:
            found.update(self._residual(self.residual, text))
        if not ascii_only:
            if self.wide is not None:
                found.update(self._residual(self.wide, text))
            found.update(self.wide_excludes)
        count = self.count
        pattern_rule, rules, layout = ruleset.pattern_rule, ruleset.rules, self.layout
        out = []
        for index in sorted({pattern_rule[i] for i in found if i < count}):
            rule = rules[index]
            first, excludes, always = layout[index]
            if (always or not found.isdisjoint(excludes)) and rule.excluded(text, data):
                continue
            for offset in range(len(rule.patterns)):
                if first + offset in found and (captures := rule.search(offset, text, data)) is not None:
                    out.append((rule, captures))
                    break
        return out

    @staticmethod
    def _residual(residual: tuple[Any, list[int]], text: str) -> list[int]:
        matcher, indices = residual
        return [indices[i] for i in matcher.Match(text) or ()]


def _layout(ruleset: RuleSet, unread: frozenset[int]) -> list[tuple[int, frozenset[int], bool]]:
    """Per rule: the id of its first pattern in the line pass (see _line_regexes), the ids of its
    excludes, and whether one of them is searched on every line (Hyperscan does not read it)."""
    out = []
    pattern, exclude = 0, len(ruleset.pattern_rule)
    for rule in ruleset.rules:
        ids = frozenset(range(exclude, exclude + len(rule.exclude)))
        out.append((pattern, ids, not ids.isdisjoint(unread)))
        pattern += len(rule.patterns)
        exclude += len(rule.exclude)
    return out


def _lines_of(buf: bytes, base: int, ends: list[int]) -> list[int]:
    """Starts of the lines holding each match's last byte (``buf[base + end - 1]``), each line once.

    One ``rfind`` and one ``find`` per line, not per match: a hostile line of one
    literal repeated (megabytes of ``The command "``) has a match every few bytes,
    and searching back to the line's start for each was quadratic.
    """
    out: list[int] = []
    line_end = -1  # the newline (or end) of the line found last; a '\n' belongs to the line it ends
    for end in sorted(ends):
        last = max(base + end - 1, 0)
        if last <= line_end:
            continue
        out.append(buf.rfind(b"\n", 0, last) + 1)
        nl = buf.find(b"\n", last)
        line_end = len(buf) if nl < 0 else nl
    return out
