"""The entrypoint's input -> flag mapping, driven by the table in ``autoheal/settings.py``, with
the FULL input set a runner sends (every input of action.yml, its default filled in).

Issue 9, items 1 and 3: an input left at its default must not beat the config file, an input
set explicitly must, and every setting is reachable as an input, a flag and a config key."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from autoheal import config, gitops, settings
from autoheal.cli import build_parser
from autoheal.commands import report as report_cmd
from autoheal.heal import options_from as heal_options
from tests import helpers
from tests.helpers import action_inputs, as_env

ROOT = Path(__file__).resolve().parents[1]
ACTIONS = (ROOT / "action.yml", ROOT / "docker" / "action.yml")
TOKEN = "ghs_0123456789abcdefghijklmnopqrstuvwxyz"

sys.path.insert(0, str(ROOT))
import entrypoint  # noqa: E402

sys.path.pop(0)


def argv_with(monkeypatch: pytest.MonkeyPatch, mode: str, action: Path = ACTIONS[0], **explicit: str) -> list[str]:
    for key in [k for k in os.environ if k.startswith("INPUT_")]:
        monkeypatch.delenv(key)
    for key, value in as_env(action_inputs(action, TOKEN, mode=mode, **explicit)).items():
        monkeypatch.setenv(key, value)
    return entrypoint.argv_for(mode)


def parsed(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)


# A value for every setting that differs from its default, in config form and in input form.
def _other(s: settings.Setting, salt: int) -> tuple[Any, str]:
    if s.kind is bool:
        value = not s.default
        return value, str(value).lower()
    if s.kind is int:
        return 40 + salt, str(40 + salt)
    if s.kind is float:
        return 0.25 + salt / 100, str(0.25 + salt / 100)
    if s.kind is list:
        return [f"v{salt}a", f"v{salt}b"], f"v{salt}a, v{salt}b"
    if s.name == "agent-mention":
        return f"@agent{salt}", f"@agent{salt}"
    return f"value-{salt}", f"value-{salt}"


CONFIGURABLE = [s for s in settings.SETTINGS if s.key is not None and s.section]


def _config(tmp_path: Path, salt: int) -> config.Config:
    data: dict[str, Any] = {}
    for s in CONFIGURABLE:
        data.setdefault(s.section, {})[s.key] = _other(s, salt)[0]
    return config.parse(data, "test.yml", tmp_path)


def _resolved(args: argparse.Namespace, cfg: config.Config) -> dict[str, dict[str, Any]]:
    return {
        section: settings.resolve(args, section, getattr(cfg, section))
        for section in ("report", "heal", "stale", "health")
    }


@pytest.mark.parametrize("mode", settings.MODES)
def test_inputs_left_at_their_defaults_pass_no_flag(monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    # Fails when action.yml carries a default: the runner would send it and it would beat the config.
    assert argv_with(monkeypatch, mode) == [mode]


@pytest.mark.parametrize("mode", settings.MODES)
def test_config_wins_over_inputs_left_at_their_defaults(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mode: str
) -> None:
    cfg = _config(tmp_path, salt=1)
    got = _resolved(parsed(argv_with(monkeypatch, mode)), cfg)
    for s in CONFIGURABLE:
        assert got[s.section][s.key] == _other(s, 1)[0], s.name


@pytest.mark.parametrize("mode", settings.MODES)
def test_inputs_set_explicitly_beat_the_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mode: str) -> None:
    cfg = _config(tmp_path, salt=1)
    takes = [s for s in CONFIGURABLE if mode in s.modes]
    # report's and heal's labels share one input: the report row's value is the one sent.
    explicit = {s.name: _other(settings.by_name(s.name), 2)[1] for s in takes}
    got = _resolved(parsed(argv_with(monkeypatch, mode, **explicit)), cfg)
    for s in takes:
        assert got[s.section][s.key] == _other(settings.by_name(s.name), 2)[0], s.name
    for s in [s for s in CONFIGURABLE if s.name not in explicit]:  # not this mode's: the config decides
        assert got[s.section][s.key] == _other(s, 1)[0], s.name


def test_defaults_apply_when_neither_input_nor_config_says(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cfg = config.parse({}, "<defaults>", tmp_path)
    got = _resolved(parsed(argv_with(monkeypatch, "report")), cfg)
    for s in CONFIGURABLE:
        assert got[s.section][s.key] == (list(s.default) if s.kind is list else s.default), s.name
    args = parsed(["report"])
    opts = report_cmd.options_from(args, cfg, settings.resolve(args, "report", cfg.report))
    assert opts.labels == ("autoheal",) and opts.max_issues_per_hour == 10 and opts.reopen_days == 14
    healed = heal_options(parsed(["heal"]), cfg)
    assert (healed.min_confidence, healed.max_changed_files, healed.max_attempts) == (0.6, 3, 3)
    assert healed.identity == gitops.Identity(gitops.BOT_NAME, gitops.BOT_EMAIL)


def test_an_explicit_false_beats_a_config_true(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cfg = config.parse({"report": {"auto-heal-label": True, "heal": True}}, "t.yml", tmp_path)
    args = parsed(argv_with(monkeypatch, "report", **{"auto-heal-label": "false", "inline-heal": "false"}))
    resolved = settings.resolve(args, "report", cfg.report)
    assert report_cmd.options_from(args, cfg, resolved).auto_heal_label is False
    assert resolved["heal"] is False


def test_inline_heal_takes_the_heal_inputs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """report.heal: true heals with the heal settings the inputs give, not only the config's."""
    cfg = config.parse({"report": {"heal": True}, "heal": {"min-confidence": 0.7}}, "t.yml", tmp_path)
    args = parsed(argv_with(monkeypatch, "report", **{"min-confidence": "0.95", "labels": "ci", "reviewers": "a,b"}))
    opts = heal_options(args, cfg)
    assert (opts.min_confidence, opts.labels, opts.reviewers) == (0.95, ("ci",), ("a", "b"))


def test_labels_reach_heal_mode(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cfg = config.parse({}, "t.yml", tmp_path)
    assert heal_options(parsed(argv_with(monkeypatch, "heal", labels="fix, bot")), cfg).labels == ("fix", "bot")


def test_labels_are_the_names_github_stores(tmp_path: Path) -> None:
    """The first label is also what autoheal searches its issues by: it must be the name GitHub
    stores (at most 50 characters), or no later run would find the issues it filed."""
    cfg = config.parse({"report": {"labels": ["x" * 80, "ci"]}, "heal": {"labels": ["y" * 60]}}, "t.yml", tmp_path)
    args = parsed(["report"])
    assert report_cmd.options_from(args, cfg, settings.resolve(args, "report", cfg.report)).labels == (
        "x" * 49 + "…",
        "ci",
    )
    assert heal_options(parsed(["heal"]), cfg).labels == ("y" * 49 + "…",)


def test_every_setting_is_an_input_a_flag_and_a_config_key() -> None:
    for s in settings.SETTINGS:
        if s.env or s.name == "mode":
            assert s.key is None and not s.flag, s.name  # secrets never in argv or the config
        elif s.key is None:  # per-run values only: which run, which issue, which config file, which output
            assert s.name in {"run-id", "issue-number", "config", "dry-run", "format", "svg"}, s.name
    declared = [set(yaml.safe_load(action.read_text())["inputs"]) for action in ACTIONS]
    assert declared[0] == declared[1] == set(settings.inputs())


@pytest.mark.parametrize("mode", settings.MODES)
def test_every_input_of_a_mode_is_a_flag_of_its_command(monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    explicit = {s.name: _other(s, 3)[1] for s in settings.for_mode(mode) if s.flag}
    argv = argv_with(monkeypatch, mode, **explicit)
    args = parsed(argv)
    for name in explicit:
        assert getattr(args, name.replace("-", "_")) is not None, name
    assert len(argv) == 1 + sum(1 if settings.by_name(n).kind is bool else 2 for n in explicit)
    assert TOKEN not in argv  # the token goes by $AUTOHEAL_TOKEN, never argv


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ({"mode": "report", "dry-run": "yes"}, "input 'dry-run' must be true or false (got 'yes')"),
        ({"mode": "report", "max-issues-per-hour": "ten"}, "input 'max-issues-per-hour' must be a whole number"),
        ({"mode": "heal", "min-confidence": "high"}, "input 'min-confidence' must be a number"),
        ({"mode": "fix-everything"}, "input 'mode' must be one of report, heal"),
    ],
)
def test_bad_inputs_exit_2_naming_the_input(tmp_path: Path, inputs: dict[str, str], message: str) -> None:
    proc = helpers.run_entrypoint(helpers.runner_env(tmp_path, **{"github-token": TOKEN, **inputs}), tmp_path, 60)
    assert proc.returncode == 2 and f"::error::{message}" in proc.stderr, proc.stderr


def test_without_a_token_it_says_what_to_do(tmp_path: Path) -> None:
    event = tmp_path / "event.json"
    event.write_text('{"action": "completed", "workflow_run": {"id": 1, "conclusion": "failure"}}')
    proc = helpers.run_entrypoint(helpers.runner_env(tmp_path, event=event, mode="report"), tmp_path, 60)
    assert proc.returncode == 1
    assert "no GitHub token" in proc.stderr and proc.stderr.startswith("::error::")


def test_a_new_setting_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """As a later issue adds one (a top-level list here): input, flag, config key and default at once."""
    row = settings._common("redact-patterns", list, (), "extra patterns to redact", key="redact")
    monkeypatch.setattr(settings, "SETTINGS", (*settings.SETTINGS, row))
    action = tmp_path / "action.yml"  # what python -m autoheal.settings --write makes of it
    action.write_text(settings.refresh(ACTIONS[0].read_text()))
    assert yaml.safe_load(action.read_text())["inputs"]["redact-patterns"]["default"] == ""
    cfg = config.parse({"redact": ["s3cr3t-[0-9]+"]}, "t.yml", tmp_path)
    for mode in settings.MODES:
        assert settings.resolve(parsed([mode]), "", cfg.section(""))["redact"] == ["s3cr3t-[0-9]+"]
        args = parsed(argv_with(monkeypatch, mode, action, **{"redact-patterns": "a, b"}))
        assert settings.resolve(args, "", cfg.section(""))["redact"] == ["a", "b"]
    assert settings.resolve(parsed(["report"]), "", {})["redact"] == []
    assert "`redact-patterns` | `redact`" in settings.markdown()
