"""Table-driven checks of the built-in rule catalogue (autoheal/rules.yaml).

Every rule documents itself with `examples`: lines it must recognise and lines it
must leave alone.  These tests run each example against the rule's own patterns
and excludes, so a rule's documentation and its behaviour cannot drift apart.
Examples are already-normalised lines (no timestamps, colours or ##[...] markers).
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest
import re2
import yaml

import autoheal
from autoheal.models import CATEGORIES
from autoheal.rules import default_ruleset
from tests.helpers import triage_text

RULES_PATH = Path(autoheal.__file__).parent / "rules.yaml"
CATALOGUE: dict[str, Any] = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
RULES: list[dict[str, Any]] = CATALOGUE["rules"]

# The capture names the engine understands (see the catalogue header).
CAPTURE_NAMES = {
    "module",
    "package",
    "command",
    "file",
    "minutes",
    "permission",
    "action",
    "version",
    "test",
    "symbol",
    "host",
    "signal",
}
ALLOWED_KEYS = {
    "id",
    "category",
    "doc",
    "patterns",
    "exclude",
    "confidence",
    "priority",
    "severity",
    "hint",
    "context",
    "examples",
    "transient",
    "summary",
}
ID_FORMAT = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)+$")


def _ids(rules: list[dict[str, Any]]) -> list[str]:
    return [str(rule.get("id")) for rule in rules]


def _compile(pattern: str) -> Any:
    return re2.compile(pattern)


def _hits(rule: dict[str, Any], line: str) -> bool:
    """True when `line` matches a pattern of `rule` and none of its excludes."""
    if any(_compile(p).search(line) for p in rule.get("exclude") or []):
        return False
    return any(_compile(p).search(line) for p in rule["patterns"])


def _examples(kind: str) -> list[tuple[str, str]]:
    return [(rule["id"], line) for rule in RULES for line in (rule.get("examples") or {}).get(kind) or []]


def _placeholders(hint: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(hint) if name}


def test_catalogue_header() -> None:
    assert CATALOGUE["version"] == 1
    assert isinstance(RULES, list) and RULES


def test_ids_are_unique() -> None:
    ids = _ids(RULES)
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates


def test_every_category_is_covered() -> None:
    covered = {rule["category"] for rule in RULES}
    missing = [c for c in CATEGORIES if c != "unknown" and c not in covered]
    assert not missing


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_rule_shape(rule: dict[str, Any]) -> None:
    assert set(rule) <= ALLOWED_KEYS, set(rule) - ALLOWED_KEYS
    assert ID_FORMAT.match(rule["id"]), "ids are lowercase and dotted: ecosystem.name"
    assert rule["category"] in CATEGORIES
    assert isinstance(rule.get("doc"), str) and rule["doc"].strip()
    assert isinstance(rule.get("hint"), str) and rule["hint"].strip()
    assert 0 <= rule["confidence"] <= 1
    assert isinstance(rule["priority"], int) and 0 <= rule["priority"] <= 100
    assert rule.get("severity", "error") in ("error", "warning")
    assert isinstance(rule["patterns"], list) and rule["patterns"]
    assert isinstance(rule.get("exclude", []), list)


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_patterns_compile_with_re2(rule: dict[str, Any]) -> None:
    for pattern in rule["patterns"] + (rule.get("exclude") or []):
        _compile(pattern)


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_rule_has_examples(rule: dict[str, Any]) -> None:
    examples = rule.get("examples") or {}
    assert examples.get("match"), "at least one line the rule recognises"
    assert examples.get("miss"), "at least one line the rule leaves alone"


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_captures_use_engine_names(rule: dict[str, Any]) -> None:
    for pattern in rule["patterns"]:
        assert set(_compile(pattern).groupindex) <= CAPTURE_NAMES, pattern


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_hint_placeholders_are_always_captured(rule: dict[str, Any]) -> None:
    # Every pattern must define the placeholder, so the hint renders whichever one hit.
    for name in _placeholders(rule["hint"]):
        for pattern in rule["patterns"]:
            assert name in _compile(pattern).groupindex, f"{{{name}}} not captured by {pattern!r}"


@pytest.mark.parametrize(("rule_id", "line"), _examples("match"))
def test_match_examples_hit(rule_id: str, line: str) -> None:
    rule = next(r for r in RULES if r["id"] == rule_id)
    assert _hits(rule, line)


@pytest.mark.parametrize(("rule_id", "line"), _examples("miss"))
def test_miss_examples_do_not_hit(rule_id: str, line: str) -> None:
    rule = next(r for r in RULES if r["id"] == rule_id)
    assert not _hits(rule, line)


@pytest.mark.parametrize(
    "rule", [r for r in RULES if r["priority"] <= 10], ids=_ids([r for r in RULES if r["priority"] <= 10])
)
def test_symptom_rules_are_weak(rule: dict[str, Any]) -> None:
    # Exit-code and "it failed" lines must never outrank a rule that names a cause.
    assert rule["confidence"] <= 0.6


ELVIS = """##[group]Run elvis rock --config elvis.config
shell: /usr/bin/bash -e {0}
##[endgroup]
Loading files...
# src/kvs.erl [OK]
# src/kvs_store.erl [FAIL]
  - no_tabs
    - Line 7 has a tab at column 1.
##[error]Process completed with exit code 1.
"""


def test_elvis_file_header_beats_the_dotnet_fail_verdict() -> None:
    # Its header also ends in `` [FAIL]``, the .NET runners' verdict on a test: the sharper rule names it.
    d = triage_text(ELVIS, default_ruleset())
    assert (d.rule, d.category) == ("erlang.elvis", "lint.error")
