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
are confirmed with the markers' RE2 regex, but a line holding one of their
literals, which RE2 finds too. A second database holds every rule pattern and
exclude: on a candidate line it names the ones that may match, and RE2 searches
only those, for the hits and captures.

The databases are derived and cached in hsdb.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import hyperscan
import re2

from autoheal.blockopeners import OPENER
from autoheal.engine_re2 import Search, line_starts, markers_searcher, searcher
from autoheal.hsdb import (
    FOLDED,
    MARKER_ID,
    OPENER_ID,
    SURE_MARKER_ID,
    Unavailable,
    build_lines,
    build_region,
    cached,
    strings,
)

if TYPE_CHECKING:
    from autoheal.rules import Rule, RuleSet

__all__ = ["HyperscanEngine", "Unavailable"]


class HyperscanEngine:
    name = "hyperscan"

    def __init__(self, ruleset: RuleSet) -> None:
        from autoheal.prefilterre2 import MATCHER_MEM, raw_searcher

        self.ruleset = ruleset
        self.region_db, region = cached(ruleset, "hyperscan-region", lambda: build_region(ruleset))
        self.line_db, lines = cached(ruleset, "hyperscan-lines", lambda: build_lines(ruleset))
        try:
            leftover, self.markers_inside = strings(region["leftover"]), bool(region["markers"])
            self.openers_inside = bool(region["openers"])
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
        self.openers = searcher(OPENER)
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
        self._sure: list[int] = []
        self._opens: list[int] = []
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
        if MARKER_ID < pattern < SURE_MARKER_ID:  # a prefilter part: most matches
            self._ends.append(end)
        elif pattern == MARKER_ID:
            self._marks.append(end)
        elif pattern == SURE_MARKER_ID:
            self._sure.append(end)
        elif pattern == OPENER_ID:
            self._opens.append(end)

    def scan(self, buf: bytes, start: int, end: int) -> tuple[list[int], set[int], list[int]]:
        """Lines a rule may hit, marker lines and block openers: a line that is only a marker or an opener
        needs no rule test."""
        self._ends, self._marks, self._sure, self._opens = [], [], [], []
        if end > start and self.region_db is not None:
            view = memoryview(buf)[start:end]  # no copy of the region
            self.region_db.scan(view, match_event_handler=self._on_match, scratch=self.region_scratch)
        found = _lines_of(buf, start, self._ends)  # sorted, each line once
        if self.leftover is not None:
            found = sorted(set(found).union(line_starts(self.leftover, buf, start, end)))
        if self.openers_inside:
            opens = _confirmed(self.openers, buf, start, end, self._opens)
        else:
            opens = line_starts(self.openers, buf, start, end)
        return found, self._markers(buf, start, end), opens

    def _markers(self, buf: bytes, start: int, end: int) -> set[int]:
        if not self.markers_inside:
            return set(line_starts(self.markers, buf, start, end))
        # RE2 confirms each line, as the portable engine would have flagged it (markers are one line each),
        # but a line holding a marker literal: RE2's search from the line's start finds a match in it.
        markers = set(_lines_of(buf, start, self._sure))
        search, find, rfind = self.markers, buf.find, buf.rfind
        for ls in _lines_of(buf, start, self._marks):
            if ls in markers:
                continue
            le = find(b"\n", ls, end)
            at = search(buf, ls, end if le < 0 else le + 1)
            if at >= 0 and rfind(b"\n", 0, at) + 1 == ls:
                markers.add(ls)
        return markers

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
        if self.line_db is None or "\x0b" in text or (not ascii_only and any(c in text for c in FOLDED)):
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
    """Per rule: the id of its first pattern in the line pass (see hsdb.line_regexes), the ids of its
    excludes, and whether one of them is searched on every line (Hyperscan does not read it)."""
    out = []
    pattern, exclude = 0, len(ruleset.pattern_rule)
    for rule in ruleset.rules:
        ids = frozenset(range(exclude, exclude + len(rule.exclude)))
        out.append((pattern, ids, not ids.isdisjoint(unread)))
        pattern += len(rule.patterns)
        exclude += len(rule.exclude)
    return out


def _confirmed(search: Search, buf: bytes, start: int, end: int, ends: list[int]) -> list[int]:
    """The lines holding a match's end where RE2 finds a match too (a line's search reads that line alone)."""
    out = []
    find = buf.find
    for ls in _lines_of(buf, start, ends):
        le = find(b"\n", ls, end)
        if search(buf, ls, end if le < 0 else le + 1) >= 0:
            out.append(ls)
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
