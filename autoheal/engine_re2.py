"""The portable engine (see engine.py): the prefilter's RE2 alternations, the section markers and block openers within the second."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING

import re2

from autoheal import re2api
from autoheal.blockopeners import OPENER, OPENER_WIDE
from autoheal.sections import MARKER_BYTES

if TYPE_CHECKING:
    from autoheal.rules import Rule, RuleSet

Search = Callable[[bytes, int, int], int]
# Bytes scanned without the prefilter before it is compiled: compiling its 38 KB alternation was ~25 ms of
# a small log's triage (issue 14), more than testing each of 16 KiB of lines with the rules. A budget per
# engine, not a size per region: a run of many small logs compiles it once they add up. The prefilter only
# tells which lines no rule hits, so either way the hits are the same.
SMALL_REGION = 16 << 10


def flagged(search: Search, buf: bytes, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``(start, stop)`` of each line of ``buf[start:end]`` where ``search`` finds a match, in order.

    ``stop`` is the next line's start (or ``end``): a search of ``buf[start:stop]`` reads that line alone.
    """
    pos = start
    while pos < end:
        at = search(buf, pos, end)
        if at < 0:
            return
        le = buf.find(b"\n", at, end)
        stop = end if le < 0 else le + 1
        yield buf.rfind(b"\n", 0, at) + 1, stop
        pos = stop


def line_starts(search: Search, buf: bytes, start: int, end: int) -> list[int]:
    """Starts of the lines where ``search`` finds a match in ``buf[start:end]``, one per line, in order.

    ``flagged``'s loop without its generator: the literals' pass calls it for every candidate line.
    """
    out: list[int] = []
    find, rfind, pos = buf.find, buf.rfind, start
    while pos < end:
        at = search(buf, pos, end)
        if at < 0:
            break
        out.append(rfind(b"\n", 0, at) + 1)
        le = find(b"\n", at, end)
        pos = end if le < 0 else le + 1
    return out


def markers_searcher() -> Search:
    from autoheal.prefilterre2 import raw_searcher

    return raw_searcher(re2.compile(MARKER_BYTES))


@cache
def searcher(pattern: str) -> Search:
    """``search`` for one of the fixed regexes (blockopeners.py), compiled on first use: importing compiles nothing."""
    from autoheal.prefilterre2 import raw_searcher

    opts = re2api.options()
    opts.never_capture = True
    return raw_searcher(re2.compile(pattern.encode(), opts))


class Re2Engine:
    """The portable engine: google-re2 only."""

    name = "re2"

    def __init__(self, ruleset: RuleSet, small: int | None = None) -> None:
        self.passes: tuple[Search | None, Search] | None = None  # the prefilter's, compiled on first use
        self.unfiltered = SMALL_REGION if small is None else small  # what may be scanned without it still
        self.markers = markers_searcher()
        self.openers = searcher(OPENER)
        self.wide = searcher(OPENER_WIDE)  # the shape the second pass flags (blockopeners.py)
        self.ruleset = ruleset

    def hits(self, text: str) -> list[tuple[Rule, dict[str, str]]]:
        return self.ruleset.hits(text)

    def scan(self, buf: bytes, start: int, end: int) -> tuple[list[int], set[int], list[int]]:
        """The second pass flags marker lines and block openers among others: their own regexes confirm each.

        A marker or an opener is one line, so it matches within the line the pass
        flags, as it would in a pass of its own over the region (which cost five
        times as much for the markers, 13% more instructions for the openers). The
        pass looks for a wider shape than an opener's (blockopeners.OPENER_WIDE), so a
        line it flags is a candidate where the literals' pass flagged it or a loop
        matches it, as the Hyperscan engine reports it.
        """
        if self.passes is None:
            if end - start <= self.unfiltered:
                self.unfiltered -= end - start
                return self._every_line(buf, start, end)
            self.passes = self.ruleset.prefilter.passes  # see prefilterre2.Prefilters
        literals, loops = self.passes
        found = [] if literals is None else line_starts(literals, buf, start, end)
        markers: set[int] = set()
        more: list[int] = []
        opens: list[int] = []
        held: set[int] | None = None
        is_marker, is_opener = self.markers, self.openers
        for ls, stop in flagged(loops, buf, start, end):
            opener, marker = is_opener(buf, ls, stop) >= 0, is_marker(buf, ls, stop) >= 0
            if opener:
                opens.append(ls)
            if marker:
                markers.add(ls)
            elif not opener and self.wide(buf, ls, stop) < 0:
                more.append(ls)  # only a loop flags it: the loops' own check, and its compiling, is not needed
                continue
            held = set(found) if held is None else held
            if ls not in held and self._loop_may_hit(buf, ls, stop):
                more.append(ls)
        if more:
            found = sorted(set(found).union(more))
        return found, markers, opens

    def _every_line(self, buf: bytes, start: int, end: int) -> tuple[list[int], set[int], list[int]]:
        """``scan`` without the prefilter: every line is a candidate, markers and openers by their own regexes."""
        lines, find, pos = [], buf.find, start
        while pos < end:
            lines.append(pos)
            nl = find(b"\n", pos, end)
            pos = end if nl < 0 else nl + 1
        return lines, set(line_starts(self.markers, buf, start, end)), line_starts(self.openers, buf, start, end)

    def _loop_may_hit(self, buf: bytes, ls: int, stop: int) -> bool:
        """Whether a rule's loop may hit a line the second pass flagged (it also flags markers and openers)."""
        check = self.ruleset.prefilter.loop_check  # compiled on the first such line
        return check is None or check(buf, ls, stop) >= 0
