"""The portable engine (see engine.py): the prefilter's RE2 alternations, then the section markers' regex."""

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
        from autoheal.rules import raw_searcher

        self.searches = [raw_searcher(p) for p in ruleset.prefilters]
        self.markers = markers_searcher()
        self.ruleset = ruleset

    def hits(self, text: str) -> list[tuple[Rule, dict[str, str]]]:
        return self.ruleset.hits(text)

    def scan(self, buf: bytes, start: int, end: int) -> tuple[list[int], set[int]]:
        markers = set(line_starts(self.markers, buf, start, end))
        found = [ls for search in self.searches for ls in line_starts(search, buf, start, end)]
        return sorted(set(found) | markers), markers
