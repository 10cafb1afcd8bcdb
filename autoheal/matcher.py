"""Which rule patterns a normalised line matches: an RE2 set of their keys names the few to search.

Every match of a pattern holds one of its keys (``Parts.keys``, derived with the
prefilter and cached with it: the literals the pattern requires, or its loop-free
core; the pattern itself where it has neither). One RE2 set of every key (~2,000
literals, no open-ended loop, so its DFA stays small) names the patterns a line
may match, and only those are searched, each compiled on first need.

It replaced an ``re2.Set`` of the whole patterns, which built DFA states for every
new line (~0.6 M instructions a line), answering a log's first 500 candidate lines
before a FilteredRE2 (38 ms to build: it compiles every pattern) took over. On the
60,000 candidate lines of 256 MB of real logs the two named the same patterns; on
16 MB of real logs matching took 0.53 G instructions instead of 1.10 G, and the
set builds in 15 ms where the two took 11 and 38.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import re2

from autoheal import re2api
from autoheal.prefiltercache import keys_of


class PatternMatcher:
    """``match(line)``: the sorted indices of the ``patterns`` that match ``line`` (str)."""

    def __init__(
        self,
        patterns: list[str],
        options: Callable[[], Any],
        set_mem: int,
        bad: Callable[[int], None],
        keys: Sequence[tuple[str, ...]] | None = None,
    ) -> None:
        """``options()`` gives RE2 options, ``set_mem`` the set's budget; ``bad(i)`` raises for pattern i.

        ``keys`` (default: the cached prefilter's) has an entry per pattern. The set
        needs a budget for thousands of keys: with too little its DFA fails and it
        reports no match at all.
        """
        self.patterns = patterns
        self.options = options
        self.bad = bad
        if keys is None:
            keys = keys_of(patterns) if patterns else ()
        entries: dict[str, list[int]] = {}
        for index, pattern in enumerate(patterns):
            for key in (keys[index] if len(keys) == len(patterns) else ()) or (pattern,):
                entries.setdefault(key, []).append(index)
        opts = options()
        opts.max_mem = set_mem
        matcher = re2.Set.SearchSet(opts)
        self.named: list[tuple[int, ...]] = []
        for key, indices in entries.items():
            try:
                matcher.Add(key)
            except re2.error:
                # Derived keys are valid RE2, but they come from a cache: one that is not falls back to
                # its patterns as their own keys, and only a pattern RE2 refuses is an error.
                for index in indices:
                    self._add_own(matcher, index, key)
                continue
            self.named.append(tuple(indices))
        matcher.Compile()
        self.set_match = re2api.set_match(matcher) if entries else None
        self.search: list[Callable[[bytes], bool]] = [partial(self._first_search, i) for i in range(len(patterns))]

    def _add_own(self, matcher: Any, index: int, failed: str) -> None:
        pattern = self.patterns[index]
        try:
            if pattern == failed:
                raise re2.error(failed)
            matcher.Add(pattern)
        except re2.error:
            self.bad(index)
            raise
        self.named.append((index,))

    def match(self, line: str) -> list[int]:
        if self.set_match is None:
            return []
        data = line.encode()
        found = self.set_match(data)
        if not found:
            return []
        named = self.named
        candidates = named[found[0]] if len(found) == 1 else sorted({i for n in found for i in named[n]})
        search = self.search
        return [index for index in candidates if search[index](data)]

    def _first_search(self, index: int, data: bytes) -> bool:
        """Compile pattern ``index``, keep its search, and run it."""
        try:
            regex = re2.compile(self.patterns[index], self.options())
        except re2.error:
            self.bad(index)
            raise
        self.search[index] = search = _searcher(regex)
        return search(data)


def _searcher(regex: Any) -> Callable[[bytes], bool]:
    spans = re2api.spans(regex)
    if spans is not None:
        match = spans

        def fast(data: bytes) -> bool:
            return match(data, 0, len(data))[0][0] >= 0

        return fast

    def public(data: bytes) -> bool:
        return regex.search(data) is not None

    return public
