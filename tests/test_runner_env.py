"""The runner's environment the e2e tests give the real entrypoint (tests/helpers.runner_env):
every input the actions declare, so a new input of action.yml cannot be forgotten by a test."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT, runner_env

ACTIONS = (ROOT / "action.yml", ROOT / "docker" / "action.yml")


class FakeDouble:
    url, token = "http://127.0.0.1:9", "ghs_doubleToken0123456789"


@pytest.mark.parametrize("action", ACTIONS, ids=["composite", "docker"])
def test_every_declared_input_is_sent_with_its_default(tmp_path: Path, action: Path) -> None:
    declared = yaml.safe_load(action.read_text())["inputs"]
    env = runner_env(tmp_path, FakeDouble(), action=action)
    assert {k for k in env if k.startswith("INPUT_")} == {f"INPUT_{name.upper()}" for name in declared}
    for name, spec in declared.items():
        default = str(spec.get("default", ""))
        expected = FakeDouble.token if default == "${{ github.token }}" else default
        assert env[f"INPUT_{name.upper()}"] == expected, name
    assert env["INPUT_DRY-RUN"] == "" and env["GITHUB_API_URL"] == FakeDouble.url


def test_an_input_action_yml_gains_is_sent_without_touching_the_helper(tmp_path: Path) -> None:
    data = yaml.safe_load(ACTIONS[0].read_text())
    data["inputs"]["brand-new-input"] = {"description": "added later", "default": "7"}
    action = tmp_path / "action.yml"
    action.write_text(yaml.safe_dump(data))
    env = runner_env(tmp_path, action=action, mode="report", max_issues_per_hour="3")
    assert env["INPUT_BRAND-NEW-INPUT"] == "7"
    assert env["INPUT_MODE"] == "report" and env["INPUT_MAX-ISSUES-PER-HOUR"] == "3"


def test_an_input_no_action_declares_is_a_test_bug(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match="not inputs of .*no-such-input"):
        runner_env(tmp_path, no_such_input="x")


def test_a_composite_step_gets_the_github_variables_and_no_input(tmp_path: Path) -> None:
    env = runner_env(tmp_path, FakeDouble(), action=None, event=tmp_path / "event.json", event_name="issues")
    assert not [k for k in env if k.startswith("INPUT_")]
    assert (env["GITHUB_EVENT_NAME"], env["GITHUB_SERVER_URL"], env["HOME"]) == (
        "issues",
        FakeDouble.url,
        str(tmp_path),
    )
