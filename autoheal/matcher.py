"""Which rule patterns a normalised line matches: one RE2 call names them all.

Two RE2 structures give the same answer at different costs. An ``re2.Set``
of the whole patterns compiles in ~11 ms but builds its DFA as lines arrive
(0.2 s and 30-60 MB of peak RSS over the 18,000 candidate lines of 64 MB of
real logs); a FilteredRE2 (``re2.Filter``) compiles each pattern (~30 ms),
then runs an RE2 set of their literals ("atoms") over the line and only the
patterns whose atoms it holds (15 MB in all, 0.03 s warm for those lines).
A triage of a small log sees a few candidate lines, a big one thousands:
the set answers the first ``SWITCH_AFTER`` lines, the filter the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import re2

from autoheal import re2api

# Lines the set answers before the filter takes over. On the candidate lines of real logs the set
# took ~56 us a line (it builds DFA states for each new line), the filter ~6 us after a 38 ms
# compile: by ~500 lines the set has cost what the filter's compile would have (a rent-or-buy
# bound: at most twice the better choice for a log of any size); 1000 cost big logs 28 ms more.
SWITCH_AFTER = 500


class PatternMatcher:
    """``match(line)``: the sorted indices of the ``patterns`` that match ``line`` (str)."""

    def __init__(
        self, patterns: list[str], options: Callable[[], Any], set_mem: int, bad: Callable[[int], None]
    ) -> None:
        """``options()`` gives RE2 options, ``set_mem`` the set's budget; ``bad(i)`` raises for pattern i.

        The set needs a budget for hundreds of patterns: with too little its DFA
        fails and it reports no match at all.
        """
        self.patterns = patterns
        self.options = options
        self.bad = bad
        self.left = SWITCH_AFTER
        opts = options()
        opts.max_mem = set_mem
        self.set: Any = self._build(re2.Set.SearchSet(opts)) if patterns else None
        self.filter: Any = None
        self.filter_match: Callable[[str], Any] = _unset

    def _build(self, matcher: Any) -> Any:
        for index, pattern in enumerate(self.patterns):
            try:
                if isinstance(matcher, re2.Filter):
                    matcher.Add(pattern, self.options())
                else:
                    matcher.Add(pattern)
            except re2.error:
                self.bad(index)
                raise
        matcher.Compile()
        return matcher

    def match(self, line: str) -> list[int]:
        if self.set is None and self.filter is None:
            return []
        if self.left > 0:
            self.left -= 1
            found = self.set.Match(line)
        else:
            if self.filter is None:
                self.filter = self._build(re2.Filter())
                self.filter_match = re2api.filter_match(self.filter)
                self.set = None  # its DFA goes with it
            found = self.filter_match(line)
        return sorted(found) if found else []


def _unset(line: str) -> Any:
    raise AssertionError("the filter is not built yet")
