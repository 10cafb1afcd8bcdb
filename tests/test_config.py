from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from autoheal import config, redact, settings
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
        ("report: {labels: ['  ']}", "report.labels must be a list of non-blank strings"),
        ("heal: {reviewers: [octocat, 5]}", "heal.reviewers must be a list of non-blank strings"),
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


@pytest.mark.parametrize(
    "setting", [s for s in settings.SETTINGS if s.key and s.section], ids=lambda s: f"{s.section}.{s.key}"
)
def test_every_config_key_of_the_settings_table_is_checked(tmp_path: Path, setting: settings.Setting) -> None:
    """The loader's schema is the settings table: each key loads with its type and names itself when wrong."""
    good = {list: ["a"], int: 2, float: 0.5, bool: True, str: "x"}[setting.kind]
    _write(tmp_path, yaml.safe_dump({setting.section: {setting.key: good}}))
    assert getattr(config.load(root=tmp_path), setting.section) == {setting.key: good}
    bad = {"wrong": "type"}
    path = _write(tmp_path, yaml.safe_dump({setting.section: {setting.key: bad}}))
    with pytest.raises(ConfigError, match=rf"{setting.section}\.{setting.key} must be") as info:
        config.load(root=tmp_path)
    assert str(path) in str(info.value)


def test_a_config_without_redact_keeps_the_builtin_set_compiled_once(tmp_path: Path) -> None:
    """The built-in patterns compiled at import are reused: compiling the RE2 set again cost 7 ms a triage."""
    config.parse({}, "<defaults>", tmp_path)
    active = redact._active
    config.parse({}, "<defaults>", tmp_path)
    assert redact._active is active
    config.parse({"redact": ["hunter[0-9]"]}, "a.yml", tmp_path)
    assert redact.redact("pw hunter2") == f"pw {redact.REDACTED}"
    config.parse({}, "<defaults>", tmp_path)
    assert redact.builtin_only() and redact.redact("pw hunter2") == "pw hunter2"
