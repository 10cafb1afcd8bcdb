"""The portable engine (see engine.py): the prefilter's RE2 alternations, the section markers within the first."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import re2

from autoheal.sections import MARKER_BYTES

if TYPE_CHECKING:
    from autoheal.rules import Rule, RuleSet

Search = Callable[[bytes, int, int], int]


def line_starts(search: Search, buf: bytes, start: int, end: int) -> Iterator[int]:
    """Starts of the lines where ``search`` finds a match in ``buf[start:end]``, one per line."""
    pos = start
    while pos < end:
        at = search(buf, pos, end)
        if at < 0:
            return
        yield buf.rfind(b"\n", 0, at) + 1
        le = buf.find(b"\n", at)
        pos = end if le < 0 else le + 1


def markers_searcher() -> Search:
    from autoheal.rules import raw_searcher

    return raw_searcher(re2.compile(MARKER_BYTES))


class Re2Engine:
    """The portable engine: google-re2 only."""

    name = "re2"

    def __init__(self, ruleset: RuleSet) -> None:
        first, *rest = ruleset.searchers
        self.first = first  # the literals and the section markers
        self.rest = rest
        self.markers = markers_searcher()
        self.ruleset = ruleset

    def hits(self, text: str) -> list[tuple[Rule, dict[str, str]]]:
        return self.ruleset.hits(text)

    def scan(self, buf: bytes, start: int, end: int) -> tuple[list[int], set[int]]:
        """The first pass flags marker lines among others: the markers' own regex confirms each flagged line.

        A marker is one line, so it matches within the line the first pass flags,
        as it would in a pass of its own over the region (which cost five times as much).
        """
        found: list[int] = []
        markers: set[int] = set()
        search, is_marker = self.first, self.markers
        pos = start
        while pos < end:
            at = search(buf, pos, end)
            if at < 0:
                break
            ls = buf.rfind(b"\n", 0, at) + 1
            le = buf.find(b"\n", at, end)
            pos = end if le < 0 else le + 1
            found.append(ls)
            if is_marker(buf, ls, pos) >= 0:
                markers.add(ls)
        for search in self.rest:
            found.extend(line_starts(search, buf, start, end))
        return sorted(set(found)), markers
