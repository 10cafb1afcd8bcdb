"""The config's JSON Schema agrees with the loader, ships fresh, and ``config validate`` finds every problem."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from autoheal import config, schema, settings
from autoheal.errors import ConfigError
from autoheal.ruleload import _RULE_KEYS
from tests.helpers import autoheal_cli

ROOT = Path(__file__).resolve().parents[1]
VALIDATOR = jsonschema.Draft7Validator(json.loads(schema.SCHEMA_FILE.read_text()))
SAMPLES: dict[type, Any] = {list: ["a"], int: 2, float: 0.5, bool: True, str: "x"}
NEW_RULE = {"id": "acme.x", "category": "network", "patterns": ["ACME"]}


def _loader_accepts(doc: Any) -> bool:
    """What ``config.parse`` raises on (the agreement is checked on a sample below: parsing compiles every rule)."""
    return not config.problems(doc, "t.yml")


def _schema_accepts(doc: Any) -> bool:
    return VALIDATOR.is_valid(doc)


def _setting_docs() -> list[Any]:
    docs: list[Any] = []
    for s in settings.SETTINGS:
        if s.key is None:
            continue
        for value in [*SAMPLES.values(), None, {"a": 1}, 1.5, [" "], [1]]:
            docs.append({s.section: {s.key: value}} if s.section else {s.key: value})
    return docs


def _rule_docs() -> list[Any]:
    values: list[Any] = ["x", "", " ", 1, 0.5, 150, -1, True, None, [], ["ACME"], [""], [1], {"before": 2}]
    values += [{"before": 99}, {"after": "x"}, {"nope": 1}, "network", "warning", {"match": ["x"]}]
    docs = [{"rules": [{**NEW_RULE, key: value}]} for key in sorted(_RULE_KEYS) for value in values]
    docs += [{"rules": [{"id": "gha.job-timeout", key: value}]} for key in sorted(_RULE_KEYS) for value in values]
    docs += [{"rules": [{k: v for k, v in NEW_RULE.items() if k != drop}]} for drop in NEW_RULE]
    docs += [{"rules": [{**NEW_RULE, "colour": "red"}]}, {"rules": ["x"]}, {"rules": [None]}]
    return docs


def _top_docs() -> list[Any]:
    values: list[Any] = [None, [], {}, "x", 1, False, ["x"], [1], [""], [None], {"labels": ["a"]}, {"nope": 1}]
    docs: list[Any] = [{key: value} for key in sorted(config.top_keys()) for value in values]
    docs = [d for d in docs if d.get("disable_rules") not in (["x"], [""])]  # unknown ids: loader-only, below
    return [*docs, {"disable_rules": ["gha.job-timeout"]}, {"colour": "red"}, None, [], "x", {}]


@pytest.mark.parametrize("doc", _top_docs()[::9] + _rule_docs()[::40], ids=lambda d: json.dumps(d)[:80])
def test_parse_raises_exactly_on_the_problems(doc: Any) -> None:
    found = config.problems(doc, "t.yml")
    try:
        config.parse(doc, "t.yml", Path("."))
    except ConfigError as exc:
        assert found and str(exc) == str(found[0][1])
    else:
        assert not found


@pytest.mark.parametrize("doc", _setting_docs() + _rule_docs() + _top_docs(), ids=lambda d: json.dumps(d)[:80])
def test_loader_and_schema_agree(doc: Any) -> None:
    assert _loader_accepts(doc) == _schema_accepts(doc)


@pytest.mark.parametrize(
    "doc",
    [
        {"rules": [{**NEW_RULE, "patterns": ["(?<=a)b"]}]},  # lookbehind: not RE2
        {"redact": ["(?<=a)b"]},
        {"disable_rules": ["ghost.rule"]},
    ],
)
def test_only_the_loader_checks_re2_and_rule_ids(doc: Any) -> None:
    """JSON Schema cannot compile RE2 or know the rule ids a file defines: the loader (and validate) does."""
    assert _schema_accepts(doc) and not _loader_accepts(doc)
    assert schema.validate_text(yaml.safe_dump(doc), "t.yml")


def test_the_schema_file_is_fresh_and_a_valid_schema() -> None:
    assert schema.SCHEMA_FILE.read_text() == schema.text(), "stale: run autoheal docs --write"
    jsonschema.Draft7Validator.check_schema(json.loads(schema.text()))


def test_the_schema_follows_the_settings_table(monkeypatch: pytest.MonkeyPatch) -> None:
    row = settings.Setting("brand-new", "heal", "brand-new", int, 1, "new", ("heal",))
    monkeypatch.setattr(settings, "SETTINGS", (*settings.SETTINGS, row))
    assert "brand-new" in schema.build()["properties"]["heal"]["properties"]
    assert schema.text() != schema.SCHEMA_FILE.read_text()


def _readme_example() -> str:
    section = (ROOT / "README.md").read_text().split("## Configuration", 1)[1]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_shipped_examples_are_valid() -> None:
    example = yaml.safe_load(_readme_example())
    assert _schema_accepts(example) and _loader_accepts(example)
    assert schema.validate_text(_readme_example(), "README.md") == []


BROKEN = """\
report:
  labels: x
  nope: 1
rules:
  - id: acme.a
    patterns: ["(?<=x)"]
  - id: gha.job-timeout
    priority: 500
disable_rules: [ghost]
colour: red
redact: ["(?<=x)"]
"""


def test_validate_reports_every_problem_with_its_line_and_key() -> None:
    found = schema.validate_text(BROKEN, "a.yml")
    assert [(f.line, f.key) for f in found] == [
        (2, "report.labels"),
        (3, "report.nope"),
        (5, "rules[0]"),
        (7, "rules[1]"),
        (9, "disable_rules[0]"),
        (10, "colour"),
        (11, "redact"),
    ]
    for finding in found:  # the loader's own words: each is what a run stops on when it is the only problem
        alone = schema.validate_text(BROKEN, "a.yml")
        assert finding.message in {f.message for f in alone}
    with pytest.raises(ConfigError) as info:
        config.load_text(BROKEN, "a.yml")
    assert str(info.value) == f"a.yml: {found[5].message}"


def test_validate_names_a_yaml_error_line() -> None:
    [finding] = schema.validate_text("report:\n  labels: [a\n", "a.yml")
    assert finding.line >= 2 and "not valid YAML" in finding.message


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return autoheal_cli("config", *args, cwd=cwd)


def test_cli_validate_and_schema(tmp_path: Path) -> None:
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "autoheal.yml").write_text(BROKEN)
    proc = _cli("validate", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0] == ".github/autoheal.yml:2: report.labels must be a list"
    assert len(proc.stdout.splitlines()) == 7
    (tmp_path / "ok.yml").write_text("report:\n  labels: [ci]\n")
    proc = _cli("validate", "ok.yml", cwd=tmp_path)
    assert proc.returncode == 0 and "valid" in proc.stdout
    assert _cli("validate", "missing.yml", cwd=tmp_path).returncode == 2
    assert json.loads(_cli("schema", cwd=tmp_path).stdout) == schema.build()
    status = _cli("status", "--json", cwd=tmp_path)
    repo = json.loads(status.stdout)["repository_config"]
    assert repo["state"] == "invalid" and len(repo["problems"]) == 7
