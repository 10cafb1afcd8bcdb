"""One rule: its excludes drop a line, its named groups are the captures."""

from __future__ import annotations

from typing import Any

import pytest

from autoheal import re2api
from autoheal.errors import ConfigError
from autoheal.ruleload import build_rule


def _rule(**extra: Any) -> dict[str, Any]:
    return {"id": "my.rule", "category": "network", "patterns": ["Connection refused"], **extra}


def test_exclusions_and_captures() -> None:
    rule = build_rule(_rule(patterns=["connect to (?P<host>\\S+) refused"], exclude=["retrying"]), "t")
    assert rule.match("connect to db:5432 refused") == {"host": "db:5432"}
    assert rule.match("connect to db:5432 refused, retrying") is None


@pytest.mark.parametrize("private_api", [True, False])
def test_search_and_captures_name_one_patterns_groups(private_api: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """From google-re2's byte spans or, without them, its public API: the same groups, empty ones left out."""
    if not private_api:
        monkeypatch.setattr(re2api, "UNANCHORED", None)  # as if google-re2 renamed it
    rule = build_rule(_rule(patterns=["refused", "(?P<host>\\S+):(?P<port>\\d*) refused"]), "t")
    assert rule.search(1, "db: refused") == {"host": "db"}
    assert rule.search(1, "dé·ø:5432 refused") == {"host": "dé·ø", "port": "5432"}
    assert rule.search(1, "nothing here") is None
    assert rule.captures(0, "refused") == {}  # a pattern without groups
    split = build_rule(_rule(patterns=["x(?P<b>\\C)"]), "t")
    assert split.search(0, "xé") == split.match("xé")


def test_a_pattern_re2_rejects_names_its_rule_when_compiled() -> None:
    rule = build_rule(_rule(exclude=["a{2,1}"]), "user.yml", check=False)
    with pytest.raises(ConfigError, match="user.yml: rule 'my.rule', key 'exclude'"):
        rule.compile_now()
