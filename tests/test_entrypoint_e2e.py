"""Settings end to end: the real entrypoint in a subprocess with the FULL input set a runner sends
(every input of action.yml, its default filled in), against the GitHub double: a config value
wins over an input left at its default, an input set explicitly wins over the config (issue 9,
items 1 and 3). The same through the composite action's own step: its env mapping and script."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import action_inputs, as_env, parse_outputs, run_entrypoint, runner_env, shared_cache
from tests.test_heal_e2e import MISSING_YAML as HEAL_MISSING_YAML
from tests.test_heal_e2e import World
from tests.test_report_e2e import MISSING_YAML, PAYLOADS, Result, event_for, seed_failure

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not PAYLOADS.exists(), reason="shared/github/payloads not present")


def _report(double: Any, tmp_path: Path, config: str, **explicit: str) -> Result:
    (tmp_path / ".github").mkdir(exist_ok=True)
    (tmp_path / ".github" / "autoheal.yml").write_text(config)
    run = seed_failure(double, MISSING_YAML)
    env = runner_env(tmp_path, double, event=event_for(run, tmp_path), mode="report", **explicit)
    proc = run_entrypoint(env, tmp_path, timeout=120)
    return Result(proc, tmp_path / "out", tmp_path / "summary")


CONFIG = "report:\n  labels: [ci-failure]\n  conclusions: [failure]\n"


def test_report_config_beats_inputs_left_at_their_defaults(github_double: Any, tmp_path: Path) -> None:
    result = _report(github_double, tmp_path, CONFIG)
    assert result.outputs.get("result") == "created", result.proc.stdout + result.proc.stderr
    (issue,) = github_double.issues()
    assert "ci-failure" in issue.labels and "autoheal" not in issue.labels


def test_report_input_set_explicitly_beats_the_config(github_double: Any, tmp_path: Path) -> None:
    result = _report(github_double, tmp_path, CONFIG, labels="from-input")
    assert result.outputs.get("result") == "created", result.proc.stdout + result.proc.stderr
    (issue,) = github_double.issues()
    assert "from-input" in issue.labels and "ci-failure" not in issue.labels


def test_heal_config_beats_inputs_left_at_their_defaults(world: World) -> None:
    (world.workspace / ".github" / "autoheal.yml").write_text("heal:\n  min-confidence: 0.99\n")
    number, _ = world.file_issue(HEAL_MISSING_YAML)
    outputs = world.heal(number)
    assert outputs["result"] == "declined" and "below min-confidence" in world.comments(number)[0]


def test_heal_input_set_explicitly_beats_the_config(world: World) -> None:
    (world.workspace / ".github" / "autoheal.yml").write_text("heal:\n  min-confidence: 0.99\n  labels: [cfg]\n")
    number, _ = world.file_issue(HEAL_MISSING_YAML)
    outputs = world.heal(number, labels="fix-pr", **{"min-confidence": "0.5"})
    assert outputs["result"] == "opened", world.stdout
    (pr,) = world.pulls()
    assert "fix-pr" in pr.labels and "cfg" not in pr.labels  # labels reach heal mode now


def test_inline_heal_takes_the_heal_inputs(world: World, tmp_path: Path) -> None:
    """report.heal: true used to heal with a Namespace of Nones, ignoring every heal input."""
    (world.workspace / ".github" / "autoheal.yml").write_text("report:\n  heal: true\n")
    run = seed_failure(world.double, MISSING_YAML, name="CI", path=".github/workflows/ci.yml", jobs=None)
    event = event_for(run, tmp_path)
    env = runner_env(
        tmp_path, world.double, event=event, workspace=world.workspace, mode="report", **{"min-confidence": "0.99"}
    )
    proc = run_entrypoint(env, world.workspace)
    outputs = parse_outputs((tmp_path / "out").read_text())
    assert outputs["result"] == "created", proc.stdout + proc.stderr
    assert outputs["heal-result"] == "declined", proc.stdout + proc.stderr


# -- the composite action's own step --------------------------------------------------------------
_EXPR = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def composite_step(step_id: str) -> dict[str, Any]:
    steps = yaml.safe_load((ROOT / "action.yml").read_text())["runs"]["steps"]
    (step,) = [s for s in steps if s.get("id") == step_id]
    return dict(step)


def composite_env(step: dict[str, Any], inputs: dict[str, str], context: dict[str, str]) -> dict[str, str]:
    """Evaluate the step's env as the runner would: ``${{ inputs.x }}`` and the few contexts it uses."""
    values = {**{f"inputs.{k}": v for k, v in inputs.items()}, **context}

    def evaluate(text: str) -> str:
        return _EXPR.sub(lambda m: values[m[1]], text)

    return {name: evaluate(str(value)) for name, value in (step.get("env") or {}).items()}


def test_the_composite_step_maps_every_input_as_the_runner_would(github_double: Any, tmp_path: Path) -> None:
    """The composite gets no INPUT_* from the runner: its run step passes them. Run that step's
    own env mapping and script (with this Python for the venv's) and expect the Docker result."""
    step = composite_step("run")
    inputs = action_inputs(token=github_double.token, mode="report", labels="via-composite")
    context = {"steps.venv.outputs.python": sys.executable, "steps.venv.outputs.cache": shared_cache()}
    mapped = composite_env(step, inputs, context)
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "autoheal.yml").write_text(CONFIG)
    run = seed_failure(github_double, MISSING_YAML)
    event = event_for(run, tmp_path)
    env = {**runner_env(tmp_path, github_double, action=None, event=event), **mapped, "GITHUB_ACTION_PATH": str(ROOT)}
    assert {k for k in mapped if k.startswith("INPUT_")} == set(as_env(inputs))
    proc = subprocess.run(
        ["bash", "-e", "-c", step["run"]], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    result = Result(proc, tmp_path / "out", tmp_path / "summary")
    assert result.outputs.get("result") == "created", proc.stdout + proc.stderr
    (issue,) = github_double.issues()
    assert "via-composite" in issue.labels
    outputs = yaml.safe_load((ROOT / "action.yml").read_text())["outputs"]
    assert json.dumps(sorted(outputs)) and set(result.outputs) <= set(outputs)
