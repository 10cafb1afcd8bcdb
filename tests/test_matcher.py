"""The pattern matcher: an RE2 set of the patterns' keys names the candidates; it answers as every pattern searched."""

from __future__ import annotations

import pytest
import re2

from autoheal.matcher import PatternMatcher
from autoheal.prefilterre2 import MATCHER_MEM
from autoheal.re2api import options as _options
from autoheal.rules import default_ruleset

LINES = [
    "E   ModuleNotFoundError: No module named 'yaml'",
    "npm ERR! code E404",
    "src/app.py:3:1: E302 expected 2 blank lines",
    "error: could not compile `app` due to 2 previous errors",
    "##[error]Process completed with exit code 1.",
    "FAILED tests/test_a.py::test_b - AssertionError: assert 1 == 2",
    "fatal: unable to access 'https://github.com/o/r/': Could not resolve host: github.com",
    "Tests run: 9, Failures: 2, Errors: 0, Skipped: 0",
    "tests/test_x.py:12: in test_y    E       assert 1 == 2",
    "  3:7  \u2716  Missing semicolon  semi",
    "ERROR: Could not find a version that satisfies the requirement n\u00e9o==1.0",
    "nothing to see here",
    "",
]


def _never(index: int) -> None:
    raise AssertionError(index)


def _expected(patterns: list[str], line: str) -> list[int]:
    return [i for i, p in enumerate(patterns) if re2.search(p, line)]


def test_the_catalogue_matcher_names_the_patterns_that_match() -> None:
    patterns = [p for rule in default_ruleset().rules for p in rule.patterns]
    matcher = PatternMatcher(patterns, _options, MATCHER_MEM, _never)
    found = [matcher.match(line) for line in LINES]
    assert sum(map(len, found)) >= 8  # the lines above hold hits
    for line, names in zip(LINES, found):
        assert names == _expected(patterns, line), line
    assert [matcher.match(line) for line in LINES] == found  # the patterns compiled on first need answer the same


def test_keys_only_narrow_the_search_so_wrong_keys_cost_answers_a_whole_pattern_gives() -> None:
    """A pattern with no key is its own; a key names candidates, which are then searched."""
    patterns = ["connect to (?P<host>\\S+) refused", "timed? out", "^x\\d+$"]
    keys = [("connect to ",), ("out",), ()]
    matcher = PatternMatcher(patterns, _options, MATCHER_MEM, _never, keys)
    for line in ["connect to db:5432 refused", "connect to db", "job timed out", "x12", "ax12", "lockout"]:
        assert matcher.match(line) == _expected(patterns, line), line
    # Keys that do not line up with the patterns are not used: each pattern is its own key.
    assert PatternMatcher(patterns, _options, MATCHER_MEM, _never, [("zzz",)]).match("x12") == [2]


def test_no_patterns_match_nothing() -> None:
    assert PatternMatcher([], _options, MATCHER_MEM, _never).match("anything") == []


def test_a_pattern_re2_rejects_is_reported_by_index() -> None:
    seen: list[int] = []
    with pytest.raises(re2.error):
        PatternMatcher(["ok", "(a)\\1"], _options, MATCHER_MEM, seen.append)
    assert seen == [1]


def test_a_keyed_pattern_re2_rejects_is_reported_when_first_searched() -> None:
    seen: list[int] = []
    matcher = PatternMatcher(["ok", "(a)\\1 refused"], _options, MATCHER_MEM, seen.append, [(), ("refused",)])
    assert matcher.match("ok") == [0]
    with pytest.raises(re2.error):
        matcher.match("a refused")
    assert seen == [1]


def test_a_key_re2_refuses_falls_back_to_its_pattern() -> None:
    """Keys come from a cache: a broken one costs speed, never an error or an answer."""
    patterns = ["foo(?P<n>\\d+)", "bar"]
    matcher = PatternMatcher(patterns, _options, MATCHER_MEM, _never, [("(",), ("(",)])
    for line in ["foo12", "a bar", "foo", "nothing"]:
        assert matcher.match(line) == _expected(patterns, line), line
