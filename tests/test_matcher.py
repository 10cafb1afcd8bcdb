"""The pattern matcher: the RE2 set and the FilteredRE2 that takes over name the same patterns."""

from __future__ import annotations

import pytest
import re2

from autoheal import matcher
from autoheal.matcher import PatternMatcher
from autoheal.prefilterre2 import MATCHER_MEM
from autoheal.prefilterre2 import options as _options
from autoheal.rules import default_ruleset

LINES = [
    "E   ModuleNotFoundError: No module named 'yaml'",
    "npm ERR! code E404",
    "src/app.py:3:1: E302 expected 2 blank lines",
    "error: could not compile `app` due to 2 previous errors",
    "##[error]Process completed with exit code 1.",
    "FAILED tests/test_a.py::test_b - AssertionError: assert 1 == 2",
    "fatal: unable to access 'https://github.com/o/r/': Could not resolve host: github.com",
    "nothing to see here",
    "",
]


def _never(index: int) -> None:
    raise AssertionError(index)


def test_the_filter_names_the_patterns_the_set_names(monkeypatch: pytest.MonkeyPatch) -> None:
    patterns = [p for rule in default_ruleset().rules for p in rule.patterns]
    monkeypatch.setattr(matcher, "SWITCH_AFTER", len(LINES))
    both = PatternMatcher(patterns, _options, MATCHER_MEM, _never)
    by_set = [both.match(line) for line in LINES]
    assert both.filter is None and both.set is not None
    by_filter = [both.match(line) for line in LINES]
    assert both.filter is not None and both.set is None
    assert by_set == by_filter
    assert sum(map(len, by_set)) >= 6  # the lines above hold hits
    for line, found in zip(LINES, by_set):
        assert found == [i for i, p in enumerate(patterns) if re2.search(p, line)], line


def test_no_patterns_match_nothing() -> None:
    assert PatternMatcher([], _options, MATCHER_MEM, _never).match("anything") == []


def test_a_pattern_re2_rejects_is_reported_by_index() -> None:
    seen: list[int] = []
    with pytest.raises(re2.error):
        PatternMatcher(["ok", "(a)\\1"], _options, MATCHER_MEM, seen.append)
    assert seen == [1]
