from __future__ import annotations

from pathlib import Path

import pytest

from autoheal import config
from autoheal.errors import ConfigError


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ".github" / "autoheal.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_defaults_without_a_file(tmp_path: Path) -> None:
    cfg = config.load(root=tmp_path)
    assert cfg.source == "<defaults>" and cfg.ruleset.rules


def test_user_rule_is_added_and_used(tmp_path: Path) -> None:
    _write(
        tmp_path,
        """
rules:
  - id: acme.flaky-db
    category: infrastructure
    patterns: ["ACME-DB-UNAVAILABLE"]
    priority: 95
report:
  labels: [ci-failure]
  max-issues-per-hour: 3
""",
    )
    cfg = config.load(root=tmp_path)
    assert cfg.ruleset.get("acme.flaky-db") is not None
    assert cfg.report == {"labels": ["ci-failure"], "max-issues-per-hour": 3}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules: {a: 1}", "'rules' must be a list"),
        ("colour: red", "unknown option 'colour'"),
        ("report: {labels: x}", "report.labels must be a list"),
        ("report: {max-issues-per-hour: true}", "must be a whole number"),
        ("report: {nope: 1}", "unknown option 'nope' in 'report'"),
        ("rules: [{id: x, category: network, patterns: ['(?<=a)b']}]", "rule 'x', key 'patterns'"),
        ("disable_rules: [ghost.rule]", "unknown rule 'ghost.rule'"),
        ("a: [", "not valid YAML"),
        ("- 1\n- 2", "must be a mapping"),
    ],
)
def test_errors_name_the_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError, match=message) as info:
        config.load(root=tmp_path)
    assert str(path) in str(info.value)


def test_explicit_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        config.load(tmp_path / "nope.yml")
