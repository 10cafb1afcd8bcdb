"""The prefilter's RE2 passes over raw log bytes, and the fast searchers that run them.

``Parts`` (prefilter.py) says what to look for; ``Prefilters`` compiles it into one or two
RE2 regexes with the section markers and gives each a ``search(buf, pos, end)``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any

import re2

from autoheal import re2api
from autoheal.blockopeners import OPENER_WIDE
from autoheal.prefilter import Parts
from autoheal.prefiltercache import confined
from autoheal.sections import MARKER_BYTES


def raw_searcher(regex: Any) -> Callable[[bytes, int, int], int]:
    """``search(buf, pos, end)`` -> offset of the first match, or -1.

    The prefilters run once per candidate line: from the bare spans (re2api.py).
    """
    match = re2api.spans(regex)
    if match is not None:

        def fast(buf: bytes, pos: int, end: int) -> int:
            return int(match(buf, pos, end)[0][0])

        return fast

    def public(buf: bytes, pos: int, end: int) -> int:
        m = regex.search(buf, pos, end)
        return int(m.start()) if m else -1

    return public


SKIP = "\\C*?"  # any bytes, as few as can be


def _never(buf: bytes, pos: int, end: int) -> int:
    return -1


def end_searcher(regex: Any) -> Callable[[bytes, int, int], int]:
    """``search(buf, pos, end)`` -> the offset of the last byte of the match anchored at ``pos``, or -1.

    For a regex behind ``SKIP``: its match anchored at ``pos`` ends where the
    first unanchored match of the rest does.
    """
    match = re2api.spans(regex, anchored=True)
    if match is not None:

        def fast(buf: bytes, pos: int, end: int) -> int:
            stop = int(match(buf, pos, end)[0][1])
            return max(stop - 1, pos) if stop >= 0 else -1

        return fast

    def public(buf: bytes, pos: int, end: int) -> int:
        m = regex.match(buf, pos, end)
        return max(int(m.end()) - 1, pos) if m else -1

    return public


# RE2 memory budgets (program plus DFA caches): too little and RE2 keeps
# rebuilding DFA states or gives up on the DFA for its NFA (the literal pass ran
# at 415 MB/s with 16 MiB, 7 MB/s with 8 MiB); RE2 allocates states as it needs
# them, so a budget is a cap, not what it takes (the literal pass used 4 MB on
# real logs). On 256 MB of real logs the loops-and-markers pass ran at 410 MB/s with
# 16 MiB and 685 with 64 (8 MB more RSS), the literals' at 560 with 32 and 620 with 48.
# MATCHER_MEM is for a set of whole patterns (matcher.py, engine_hs's leftovers).
MATCHER_MEM = 64 << 20
PREFILTER_MEM = (48 << 20, 64 << 20)  # literals, loops and markers (Prefilters.prefilters)
LOOP_CHECK_MEM = 16 << 20  # the loops alone, run over marker lines only (Prefilters.loop_check)


def compile_prefilter(source: str, max_mem: int) -> Any:
    opts = re2api.options()
    opts.never_capture = True
    opts.max_mem = max_mem
    return re2.compile(source.encode("utf-8"), opts)


class Prefilters:
    """A rule set's prefilter passes, compiled on first use (40 ms): the Hyperscan engine rarely needs them."""

    def __init__(self, parts: Parts) -> None:
        self.parts = parts

    @cached_property
    def prefilters(self) -> tuple[Any, ...]:
        """Bytes regexes run over raw chunks; together a superset of every pattern and section marker.

        The first, the literals (and the weak patterns' cores), flags only lines a
        rule may hit. The second holds the loops (pairs, weak patterns without a core),
        the section markers and the error blocks' openers (blockopeners.py): their DFA
        is the small one, so markers and openers cost no pass of their own (a pass of
        the openers cost 13% of a scan), and the literals' pass asks nothing of the
        lines it flags (engine_re2.Re2Engine.scan). The first is left out when it has nothing.
        """
        return tuple(compile_prefilter(src, mem) for src, mem in zip(self.sources, PREFILTER_MEM) if src)

    @cached_property
    def sources(self) -> tuple[str, str]:
        literals, loops = self.parts.sources()
        second = "|".join(src for src in (loops, MARKER_BYTES.decode(), OPENER_WIDE) if src)
        # Where every match is inside one line, a search anchored at ``pos`` behind a lazy
        # run of any bytes (``\\C``: ``.`` stops at invalid UTF-8) ends where the
        # unanchored one does, without RE2's reverse DFA to find its start (its memory
        # and time); ``searchers`` reads the end.
        first, second = (SKIP + f"(?:{src})" if src and confined(src) else src for src in (literals, second))
        return first, second

    @cached_property
    def searchers(self) -> tuple[Callable[[bytes, int, int], int], ...]:
        """``prefilters`` as ``search(buf, pos, end)``: an offset inside the first match's line, or -1."""
        return tuple(
            end_searcher(regex) if regex.pattern.startswith(SKIP.encode()) else raw_searcher(regex)
            for regex in self.prefilters
        )

    @cached_property
    def passes(self) -> tuple[Callable[[bytes, int, int], int] | None, Callable[[bytes, int, int], int]]:
        """``searchers`` by role: the literals' (None when there are none), the loops' and markers'."""
        first = self.searchers[0] if self.sources[0] else None
        return first, self.searchers[-1]

    @cached_property
    def loop_check(self) -> Callable[[bytes, int, int], int] | None:
        """The second pass without the markers and openers, for one such line it flagged: may a rule's loop hit it?

        None where that pass's matches may span lines: each marker line is then a candidate.
        """
        loops = self.parts.sources()[1]
        if not self.sources[1].startswith(SKIP):
            return None
        if not loops:
            return _never
        return end_searcher(compile_prefilter(SKIP + f"(?:{loops})", LOOP_CHECK_MEM))
