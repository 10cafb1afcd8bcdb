"""The rule set: one matcher call names every rule a line hits; a bad pattern names its rule; the prefilter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from autoheal import re2api
from autoheal.errors import ConfigError
from autoheal.rules import build_rule, compile_ruleset


def _rule(**extra: Any) -> dict[str, Any]:
    return {"id": "my.rule", "category": "network", "patterns": ["Connection refused"], **extra}


@pytest.mark.parametrize("private_api", [True, False])
def test_a_rule_set_names_the_hits_rule_match_names(private_api: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """One matcher call answers for every rule: excludes, the first matching pattern's captures, catalogue order."""
    if not private_api:
        monkeypatch.setattr(re2api, "UNANCHORED", None)  # as if google-re2 renamed it
    rules = [
        build_rule(_rule(id="a", patterns=["connect to (?P<host>\\S+) refused"], exclude=["retrying"]), "t"),
        build_rule(_rule(id="b", patterns=["refused", "(?P<port>\\d+) refused"]), "t"),
        build_rule(_rule(id="c", patterns=["(?i)timed? out after (?P<secs>\\d+)s", "(?P<what>\\w+) timed out"]), "t"),
        build_rule(_rule(id="d", patterns=["^ERROR(?P<empty>x?) (?P<msg>.+)$"], exclude=["(?i)deprecat"]), "t"),
    ]
    ruleset = compile_ruleset(rules)
    lines = [
        "connect to db:5432 refused",
        "connect to dé·ø:5432 refused",
        "connect to db:5432 refused, retrying",
        "job timed out",
        "Timed out after 30s",
        "ERROR disk full",
        "ERROR deprecated flag",
        "nothing here",
        "",
    ]
    for line in lines:
        expected = [(r, m) for r in rules if (m := r.match(line)) is not None]
        assert ruleset.hits(line) == expected, line
    assert [r.id for r, _ in ruleset.hits("connect to db:5432 refused")] == ["a", "b"]
    assert ruleset.hits("ERROR disk full")[0][1] == {"msg": "disk full"}  # empty groups are left out
    assert ruleset.hits("connect to dé·ø:5432 refused")[0][1] == {"host": "dé·ø:5432"}
    # A byte pattern (\\C) may split a character: the captures are the public API's then.
    split = compile_ruleset([build_rule(_rule(id="e", patterns=["x(?P<b>\\C)"]), "t")])
    assert split.hits("xé") == [(split.rules[0], split.rules[0].match("xé"))]


def test_a_bad_catalogue_pattern_is_reported_with_its_rule_when_first_used() -> None:
    rule = build_rule(_rule(patterns=["ok", "(a)\\1"]), "rules.yaml", check=False)
    with pytest.raises(ConfigError, match="rules.yaml: rule 'my.rule', key 'patterns'"):
        compile_ruleset([rule]).hits("ok")


def test_prefilter_is_a_superset_of_anchored_patterns() -> None:
    rs = compile_ruleset([build_rule(_rule(patterns=["^FAILED (?P<test>\\S+)$"]), "t")])
    raw = b"2024-01-01T00:00:00.0000000Z FAILED tests/a.py::b\r"
    assert any(p.search(raw) for p in rs.prefilter.prefilters)


def test_whether_a_prefilter_stays_in_one_line_is_read_from_the_disk_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from autoheal import prefiltercache

    monkeypatch.setenv("AUTOHEAL_CACHE_DIR", str(tmp_path))
    build = [build_rule(_rule(id="a", patterns=["FAILED (?P<test>\\S+)", "error: \\w+ not found"]), "t")]
    first = compile_ruleset(build).prefilter.sources

    def parse_again(_: str) -> bool:
        raise AssertionError("parsed again")

    monkeypatch.setattr(prefiltercache, "line_confined", parse_again)
    assert compile_ruleset(build).prefilter.sources == first


def test_a_rules_own_transient_beats_its_categorys_and_decides_the_rerun() -> None:
    from dataclasses import replace

    from autoheal.models import Diagnosis
    from autoheal.rerun import RerunOptions, eligibility

    platform = Diagnosis("log", "infrastructure", 0.9, "runner.lost", "f" * 16, "t", "s", ())
    dirty = replace(platform, rule="git.checkout-state", rule_transient=False)
    flaky_test = replace(platform, category="test.failure", rule="jest.retry", rule_transient=True)
    assert (platform.transient, dirty.transient, flaky_test.transient) == (True, False, True)
    assert dirty.to_json()["transient"] is False
    run = {"id": 1, "run_attempt": 1}
    opts = RerunOptions(enabled=True)
    assert eligibility(run, [platform, flaky_test], opts, fork=False) is None
    assert eligibility(run, [platform, dirty], opts, fork=False) == "not every failure is transient (infrastructure)"
