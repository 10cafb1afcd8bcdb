"""``autoheal init`` against a real temporary git repository: what it writes passes actionlint and
GitHub's schema, the config validates, tasks.json keeps the user's bytes, a second run changes nothing."""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from autoheal import initfiles, jsonc, repoinit, schema
from tests.helpers import autoheal_cli

WORKFLOW = "name: {name}\non: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n"
USER_TASKS = """\
{
  // the user's own tasks: comments, order and formatting must survive
  "version": "2.0.0",
  "tasks": [
    {
      "label": "build",   /* aligned on purpose */
      "type": "shell",
      "command": "make",
    },
    {"label": "autoheal: triage a log", "type": "shell", "command": "my own version"}, // theirs now
  ],
}
"""


def _repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".github" / "workflows").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "trunk", str(root)], check=True)
    (root / ".github/workflows/ci.yml").write_text(WORKFLOW.format(name="CI"))
    (root / ".github/workflows/build.yaml").write_text(WORKFLOW.format(name='"Build [linux] *nightly* v1+2?!"'))
    (root / ".github/workflows/unnamed.yml").write_text(WORKFLOW.replace("name: {name}\n", ""))
    (root / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    return root


def _init(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return autoheal_cli("init", *args, cwd=root)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and ".git/" not in p.as_posix()
    }


def _tool(name: str) -> str:
    exe = shutil.which(name)
    if exe is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return exe


def test_init_writes_files_that_pass_actionlint_github_schema_and_our_schema(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    proc = _init(root, "--update-workflow")
    assert proc.returncode == 0, proc.stderr
    assert "default branch trunk" in proc.stdout and "ecosystems: python" in proc.stdout
    workflows = sorted((root / ".github/workflows").glob("autoheal-*.yml"))
    # The schedule workflows come with the stale and health commands (init writes what exists).
    expected = ["heal", "health", "init", "report", "stale"]
    assert [p.name for p in workflows] == [f"autoheal-{name}.yml" for name in expected]
    lint = subprocess.run([_tool("actionlint"), "-no-color"], cwd=root, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout
    github = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, workflows)],
        capture_output=True,
        text=True,
    )
    assert github.returncode == 0, github.stdout
    config_text = (root / ".github/autoheal.yml").read_text()
    assert config_text.startswith(f"# yaml-language-server: $schema={schema.SCHEMA_URL}\n")
    assert schema.validate_text(config_text, "autoheal.yml") == []
    jsonschema.validate(yaml.safe_load(config_text), json.loads(schema.SCHEMA_FILE.read_text()))
    tasks = json.loads((root / ".vscode/tasks.json").read_text())["tasks"]
    assert {t["label"] for t in tasks} >= {"autoheal: triage a log", "autoheal: preview a fix"}
    assert 'branches: ["trunk"]' in (root / ".github/workflows/autoheal-init.yml").read_text()


def test_the_report_trigger_lists_every_workflow_by_its_escaped_name(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    _init(root)
    report = yaml.safe_load((root / ".github/workflows/autoheal-report.yml").read_text())
    listed = report[True]["workflow_run"]["workflows"]
    assert listed == [".github/workflows/unnamed.yml", r"Build \[linux\] \*nightly\* v1\+2\?\!", "CI"]


def test_escape_glob() -> None:
    assert repoinit.escape_glob("a*b?c+d[e]f!g") == r"a\*b\?c\+d\[e\]f\!g"
    assert repoinit.escape_glob("CI / lint") == "CI / lint"


def test_a_second_run_changes_nothing_and_dry_run_writes_nothing(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    before = _snapshot(root)
    dry = _init(root, "--dry-run")
    assert dry.returncode == 0 and "+++ b/.github/workflows/autoheal-report.yml" in dry.stdout
    assert _snapshot(root) == before
    _init(root)
    first = _snapshot(root)
    again = _init(root)
    assert _snapshot(root) == first
    assert "create" not in again.stdout and "update" not in again.stdout.replace("--update", "")


def test_update_refreshes_the_list_and_keeps_an_opt_in_star(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    _init(root)
    (root / ".github/workflows/docs.yml").write_text(WORKFLOW.format(name="Docs"))
    assert "--update refreshes it" in _init(root).stdout  # plain init keeps the file and says why
    path = root / ".github/workflows/autoheal-report.yml"
    old = path.read_text()
    assert _init(root, "--update").returncode == 0
    new = path.read_text()
    changed = [line for line in difflib.ndiff(old.splitlines(), new.splitlines()) if line[:1] in "+-"]
    assert len(changed) == 2 and '"CI", "Docs"]' in changed[1]  # one line, nothing else touched
    path.write_text(new.replace('workflows: [".github', 'workflows: ["*"]\n    # was: [".github'))
    starred = path.read_text()
    _init(root, "--update")
    assert path.read_text() == starred


def test_update_rewrites_a_block_list_of_a_users_report_workflow(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    users = root / ".github/workflows/report-failures.yml"
    users.write_text(
        "name: report\non:\n  workflow_run:\n    workflows:\n      - CI\n      - Old name\n    types: [completed]\n"
        "permissions: {}\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: org/autoheal@v1\n"
    )
    assert _init(root, "--update").returncode == 0
    data = yaml.safe_load(users.read_text())
    assert data[True]["workflow_run"]["workflows"] == [
        ".github/workflows/unnamed.yml",
        r"Build \[linux\] \*nightly\* v1\+2\?\!",
        "CI",
    ]
    assert data[True]["workflow_run"]["types"] == ["completed"]


def test_tasks_are_spliced_into_a_users_jsonc_file(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    (root / ".vscode").mkdir()
    (root / ".vscode/tasks.json").write_text(USER_TASKS)
    assert _init(root).returncode == 0
    new = (root / ".vscode/tasks.json").read_text()
    ops = difflib.SequenceMatcher(None, USER_TASKS.splitlines(), new.splitlines()).get_opcodes()
    assert {op[0] for op in ops} <= {"equal", "insert"}, "a user's line was changed"
    tasks = jsonc.loads(new)["tasks"]
    assert tasks[0]["label"] == "build" and tasks[1]["command"] == "my own version"
    assert sum(t["label"] == "autoheal: triage a log" for t in tasks) == 1
    assert _init(root).returncode == 0 and (root / ".vscode/tasks.json").read_text() == new


def test_force_replaces_ours_only(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    _init(root)
    heal = root / ".github/workflows/autoheal-heal.yml"
    heal.write_text(heal.read_text() + "# edited\n")
    (root / ".github/autoheal.yml").write_text("report:\n  labels: [mine]\n")
    ci = (root / ".github/workflows/ci.yml").read_bytes()
    assert "differs from ours" in _init(root).stdout and heal.read_text().endswith("# edited\n")
    _init(root, "--force")
    assert not heal.read_text().endswith("# edited\n")
    assert (root / ".github/autoheal.yml").read_text() == "report:\n  labels: [mine]\n"
    assert (root / ".github/workflows/ci.yml").read_bytes() == ci


def test_not_a_repository(tmp_path: Path) -> None:
    proc = _init(tmp_path)
    assert proc.returncode == 2 and "not the root of a git checkout" in proc.stderr


def test_other_modes_get_their_workflow_only_when_they_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    examples = tmp_path / "examples"
    shutil.copytree(initfiles.examples_dir(), examples)
    (examples / "autoheal-stale.yml").write_text("name: autoheal stale\n")
    monkeypatch.setattr(initfiles, "examples_dir", lambda: examples)
    root = _repo(tmp_path)
    with_stale = initfiles.Options(("report", "heal", "stale"), ("triage",))
    without = initfiles.Options(("report", "heal"), ("triage",))
    assert ".github/workflows/autoheal-stale.yml" in {p.path for p in initfiles.plan(root, with_stale)}
    assert ".github/workflows/autoheal-stale.yml" not in {p.path for p in initfiles.plan(root, without)}


def test_a_users_own_autoheal_workflow_is_not_doubled(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    (root / ".github/workflows/fix.yml").write_text(
        "name: fix\non:\n  issues:\n    types: [labeled]\njobs:\n  h:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: org/autoheal@v1\n        with:\n          mode: heal\n"
    )
    proc = _init(root)
    assert (
        "skipped   .github/workflows/autoheal-heal.yml  (.github/workflows/fix.yml already runs autoheal heal)"
        in proc.stdout
    )
    assert not (root / ".github/workflows/autoheal-heal.yml").exists()
    assert (root / ".github/workflows/autoheal-report.yml").exists()


def test_a_scheduled_mode_without_an_example_gets_a_workflow_that_passes_actionlint(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    opts = initfiles.Options(("report", "heal", "stale", "health"), ("triage",))
    planned = {p.path: p.new for p in initfiles.plan(root, opts)}
    for mode in ("stale", "health"):
        text = planned[f".github/workflows/autoheal-{mode}.yml"]
        assert text is not None and f"mode: {mode}" in text and "schedule:" in text
        (root / f".github/workflows/autoheal-{mode}.yml").write_text(text)
    lint = subprocess.run([_tool("actionlint"), "-no-color"], cwd=root, capture_output=True, text=True)
    # actionlint checks org/autoheal's inputs only where it can read the action: the syntax is checked here
    assert lint.returncode == 0, lint.stdout
    github = subprocess.run(
        [
            _tool("check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, (root / ".github/workflows").glob("autoheal-*.yml")),
        ],
        capture_output=True,
        text=True,
    )
    assert github.returncode == 0, github.stdout
