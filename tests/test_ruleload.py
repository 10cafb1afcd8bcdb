"""The rules loader: validation errors name file, rule and key; user rules merge."""

from __future__ import annotations

from typing import Any

import pytest

from autoheal.errors import ConfigError
from autoheal.ruleload import build_rule, builtin_rules, merge_rules
from autoheal.rules import compile_ruleset


def _rule(**extra: Any) -> dict[str, Any]:
    return {"id": "my.rule", "category": "network", "patterns": ["Connection refused"], **extra}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (_rule(patterns=["(a)\\1"]), r"test.yaml: rule 'my.rule', key 'patterns': pattern .* is not valid RE2"),
        (_rule(patterns=["(?<=x)y"]), "not valid RE2"),
        (_rule(exclude=["a{2,1}"]), "key 'exclude'"),
        (_rule(category="nope"), "key 'category': 'nope' is not one of"),
        (_rule(confidence=2), "key 'confidence': must be a number from 0 to 1"),
        (_rule(priority="high"), "key 'priority'"),
        (_rule(severity="fatal"), "key 'severity'"),
        (_rule(patterns=[]), "at least one pattern"),
        (_rule(colour="red"), "key 'colour': unknown option"),
        (_rule(context={"before": 99}), "key 'before'|key 'context'"),
        (_rule(transient="no"), "key 'transient': must be true or false"),
        (_rule(summary=1), "key 'summary': must be true or false"),
        ({"category": "network", "patterns": ["x"]}, "non-empty string id"),
        ("just a string", "must be a mapping"),
    ],
)
def test_invalid_rules_are_load_errors(raw: Any, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build_rule(raw, "test.yaml")


def test_override_merges_fields_and_disable_removes() -> None:
    base = [build_rule(_rule(confidence=0.5), "builtin"), build_rule(_rule(id="other"), "builtin")]
    merged = merge_rules(base, [{"id": "my.rule", "confidence": 0.9}, _rule(id="new.one")], ["other"], "user.yml")
    by_id = {r.id: r for r in merged}
    assert set(by_id) == {"my.rule", "new.one"}
    assert by_id["my.rule"].confidence == 0.9 and by_id["my.rule"].patterns == ("Connection refused",)


def test_a_rule_may_say_whether_a_rerun_can_pass_and_an_override_keeps_it() -> None:
    base = [build_rule(_rule(), "builtin"), build_rule(_rule(id="dirty", category="infrastructure"), "builtin")]
    assert [r.transient for r in base] == [None, None]  # the category decides
    merged = {r.id: r for r in merge_rules(base, [{"id": "dirty", "transient": False}], [], "user.yml")}
    assert merged["dirty"].transient is False and merged["dirty"].category == "infrastructure"
    again = {r.id: r for r in merge_rules(list(merged.values()), [{"id": "dirty", "priority": 90}], [], "u.yml")}
    assert again["dirty"].transient is False  # an override of another field keeps it


def test_disabling_an_unknown_rule_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule 'ghost'"):
        merge_rules([], [], ["ghost"], "user.yml")


def test_builtin_catalogue_loads() -> None:
    rules = builtin_rules()
    assert len(rules) >= 50
    compile_ruleset(rules)
