"""The loop-free core of a pattern: matched inside every match of the pattern, with no open-ended broad loop."""

from __future__ import annotations

from pathlib import Path

import pytest
import re2
import yaml

import autoheal
from autoheal.prefilter import Parts
from autoheal.prefiltercache import _relax
from autoheal.regex_core import confine, core, line_confined

CATALOGUE = yaml.safe_load((Path(autoheal.__file__).parent / "rules.yaml").read_text())["rules"]


@pytest.mark.parametrize(
    ("pattern", "matching", "other"),
    [
        ("(?P<file>\\S+\\.java):\\d+: error: ", "src/App.java:12: error: x", "App.java:12: warning: x"),
        ("(?P<file>[^\\s:]+\\.pyi?):\\d+:(\\d+:)? error: .*\\[[\\w-]+\\]", "a/b.py:3:1: error: bad [x]", "a.py: ok"),
        ("(?i)\\b(xunit|nunit)\\b.*\\bfailed\\b", "NUnit run: 2 tests FAILED", "3 tests failed"),
        ("\\s*\\d+:\\d+\\s+(error|✖)\\s+.+\\s{2,}[@\\w/.-]+", "  3:7  ✖  Missing semicolon  semi", "3:7 ok"),
        ("^not ok \\d+ ", "not ok 12 - adds", "ok 12 - adds"),
    ],
)
def test_the_core_matches_inside_every_match_and_is_loop_free(pattern: str, matching: str, other: str) -> None:
    found = core(pattern)
    assert found is not None
    assert re2.search(pattern, matching) and re2.search(found, matching)
    assert not re2.search(found, other)
    for loop in ("\\S+", ".*", ".+", "[\\w-]+", "{1,}", "{0,}"):
        assert loop not in found.replace("[\\d]){1,}", "").replace("[\\t\\f\\r ]){1,}", ""), found


def test_a_common_word_is_not_a_core_when_the_pattern_has_better() -> None:
    # "failed" is on every other line of a test log: the runner's name flags fewer.
    assert core("(?i)\\b(xunit|nunit|mstest|vstest)\\b.*\\bfailed\\b") == "(?i:(?:xunit|nunit|mstest|vstest))"


@pytest.mark.parametrize(
    "pattern",
    [
        "\\d+\\) (?P<test>[\\w\\\\]+::\\w+)",  # nothing between the loops says enough
        "(?m)x+y+z+ abcdef",  # flags other than case folding
        "\\pL+ abcdefgh",  # RE2-only syntax
        "ab\\Acdefgh",  # an anchor this module does not write back
    ],
)
def test_no_core_when_nothing_loop_free_says_enough_or_it_cannot_be_written(pattern: str) -> None:
    assert core(pattern) is None


def test_every_catalogue_example_line_holds_its_patterns_cores() -> None:
    """The core of every catalogue pattern (weak or not) matches each example line the pattern matches."""
    checked = 0
    for rule in CATALOGUE:
        lines = rule.get("examples", {}).get("match", [])
        for pattern in rule["patterns"]:
            found = core(_relax(pattern))
            if found is None:
                continue
            for line in lines:
                if re2.search(pattern, line):
                    assert re2.search(found, line), (rule["id"], pattern, found, line)
                    checked += 1
    assert checked > 200


def test_a_cached_prefilter_without_a_core_for_each_weak_pattern_is_rejected() -> None:
    with pytest.raises(ValueError, match="a core for each weak pattern"):
        Parts.from_json({"weak": ["(?:x+y)"], "cores": []})
    parts = Parts.from_json({"exact": ["abc"], "weak": ["(?:\\S+\\.java:\\d+)", "(?:a.*b)"], "cores": ["\\.java:", ""]})
    assert parts.sources() == ("abc|\\.java:", "a(?:.){0,}b")  # the weak pattern without a core, confined to a line


@pytest.mark.parametrize(
    ("pattern", "confined"),
    [
        ("abc", True),
        ("a[^\\nx]b|\\S+|[\\d:.]+Z|(?m:^)\\$ ", True),
        ("a\\sb", False),  # RE2's \\s holds the newline
        ("a[^x]b", False),
        ("\\D", False),
        ("(?s:a.b)", False),
        ("x*", False),  # may match empty
        ("\\pL", False),  # not read here: assumed not
    ],
)
def test_line_confined(pattern: str, confined: bool) -> None:
    assert line_confined(pattern) is confined


def test_cores_stay_inside_a_line() -> None:
    patterns = [p for r in CATALOGUE for p in r["patterns"]] + ["(?P<f>\\S+\\.go):\\d+:\\s?[^x]\\D\\W\\s+FAIL\\b"]
    cores = [c for p in patterns if (c := core(_relax(p)))]
    assert len(cores) > 500
    assert all(line_confined(c) for c in cores), [c for c in cores if not line_confined(c)]


def test_a_confined_pattern_matches_inside_a_line_what_the_pattern_matches() -> None:
    assert confine("E\\s+(x|[^y]+)") == "E(?:[\\t\\f\\r ]){1,}(?:(?:x|(?:[^\\ny]){1,}))"
    assert confine("(?m)^x") is None  # flags it does not write back
    checked = 0
    for rule in CATALOGUE:
        for pattern in rule["patterns"]:
            confined = confine(_relax(pattern))
            if confined is None:
                continue
            assert line_confined(confined), confined
            for line in rule.get("examples", {}).get("match", []):
                if re2.search(pattern, line):
                    assert re2.search(confined, line), (rule["id"], confined, line)
                    checked += 1
    assert checked > 300
