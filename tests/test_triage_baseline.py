"""``autoheal triage FAILED --baseline PASSED`` offline, and ``--baseline auto`` against the GitHub double."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.helpers import triage_cli

REPO = "octo-org/octo-repo"
# A failing log and its passing twin (synthetic): the passing run also prints a refused
# connection of an optional probe and a cache warning; only the failing one has the compile error.
SHARED = [
    "+ ./ci.sh",
    "curl: (22) The requested URL returned error: 404",
    "warning: optional cache not found, building from scratch",
    "Traceback (most recent call last):",
    '  File "/opt/hostedtoolcache/probe.py", line 3, in <module>',
    "ConnectionRefusedError: [Errno 111] Connection refused",
    "checking 1",
    "checking 2",
]
FAILING = ["##[group]Run ./ci.sh", "##[endgroup]", *SHARED]
FAILING += ["src/lib.rs:10:5: the trait bound `Foo: Bar` is not satisfied", "Result: 1 problem found"]
FAILING += ["##[error]Process completed with exit code 1."]
PASSING = ["##[group]Run ./ci.sh", "##[endgroup]", *SHARED, "Result: no problems"]
REAL, NOISE, WARNING = 11, 8, 5  # line numbers in FAILING


_triage = triage_cli


def _files(tmp_path: Path) -> tuple[Path, Path]:
    failed, passed = tmp_path / "failed.log", tmp_path / "passed.log"
    failed.write_text("\n".join(FAILING) + "\n")
    passed.write_text("\n".join(PASSING) + "\n")
    return failed, passed


def test_a_line_the_passing_log_shares_neither_anchors_nor_enters_the_excerpt(tmp_path: Path) -> None:
    failed, passed = _files(tmp_path)
    without = _triage(str(failed), cwd=tmp_path)
    assert without.returncode == 0, without.stderr
    plain = json.loads(without.stdout)
    assert NOISE in plain["key_lines"] and WARNING in {e["line"] for e in plain["excerpt"]}  # the noise wins
    proc = _triage(str(failed), "--baseline", str(passed), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert found["key_lines"] == [REAL] and "trait bound" in found["summary"]
    assert WARNING not in {e["line"] for e in found["excerpt"]}
    # Any input triage takes: here the passing log on stdin.
    piped = subprocess.run(
        [sys.executable, "-m", "autoheal", "triage", "--format", "json", str(failed), "--baseline", "-"],
        input=passed.read_text(),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert json.loads(piped.stdout)["key_lines"] == [REAL], piped.stderr


def test_an_unreadable_baseline_is_one_line_and_auto_without_a_run_warns(tmp_path: Path) -> None:
    failed, _ = _files(tmp_path)
    proc = _triage(str(failed), "--baseline", str(tmp_path / "missing.log"), cwd=tmp_path)
    assert proc.returncode == 2 and not proc.stdout
    assert proc.stderr.count("\n") == 1 and "--baseline" in proc.stderr and "missing.log" in proc.stderr
    proc = _triage(str(failed), "--baseline", "auto", cwd=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.stdout)["key_lines"] != [REAL]
    assert "warning: --baseline auto needs a run URL or --run-id" in proc.stderr


def _timestamped(lines: list[str]) -> str:
    return "".join(f"2026-01-01T10:00:{i % 60:02d}.0000000Z {line}\n" for i, line in enumerate(lines))


def _job(conclusion: str, lines: list[str]) -> dict[str, Any]:
    step = {"name": "Run ./ci.sh", "conclusion": conclusion, "log": _timestamped(lines)}
    return {"name": "build", "conclusion": conclusion, "steps": ["Set up job", step]}


def test_auto_compares_with_the_last_green_run_of_the_same_workflow_and_job(github_double: Any, tmp_path: Path) -> None:
    github_double.seed_run(jobs=[_job("success", PASSING)], conclusion="success", head_branch="main")
    run = github_double.seed_run(jobs=[_job("failure", FAILING)], head_branch="main")
    env = {"AUTOHEAL_TOKEN": github_double.token, "GITHUB_API_URL": github_double.url}
    url = f"{github_double.base_url}/{REPO}/actions/runs/{run.id}"
    plain = _triage(url, cwd=tmp_path, env=env)
    assert "trait bound" not in json.loads(plain.stdout)["summary"], plain.stderr
    github_double.clear_calls()
    proc = _triage(url, "--baseline", "auto", cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "trait bound" in json.loads(proc.stdout)["summary"]
    assert "baseline: run" in proc.stderr
    extra = github_double.calls("GET", r"/actions/workflows/\d+/runs$") + github_double.calls(
        "GET", r"/actions/runs/\d+/logs$"
    )
    assert len(extra) == 2


def test_auto_without_a_green_run_warns_and_triages_anyway(github_double: Any, tmp_path: Path) -> None:
    run = github_double.seed_run(jobs=[_job("failure", FAILING)], head_branch="main")
    env = {"AUTOHEAL_TOKEN": github_double.token, "GITHUB_API_URL": github_double.url}
    proc = _triage("--run-id", str(run.id), "--repo", REPO, "--baseline", "auto", cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["job"] == "build"
    assert "warning:" in proc.stderr and "no successful run" in proc.stderr


def test_the_green_runs_logs_are_given_up_past_the_cap(github_double: Any) -> None:
    from autoheal.baselinerun import Finder
    from autoheal.errors import GitHubError
    from autoheal.github_api import Client

    green = github_double.seed_run(jobs=[_job("success", PASSING)], conclusion="success")
    client = Client(REPO, github_double.token, api_url=github_double.url, retries=0)
    assert client.latest_run_logs(green.id, 1 << 20)
    try:
        client.latest_run_logs(green.id, 64)
    except GitHubError as exc:
        assert "exceed the 64-byte cap" in str(exc)
    else:
        raise AssertionError("a zip over the cap was read")
    # A job the green run does not have: a note, no baseline, no exception.
    failed = github_double.seed_run(jobs=[_job("failure", FAILING)])
    finder = Finder(client, client.get_run(failed.id))
    assert finder.for_job("build") is not None and finder.for_job("deploy") is None
    assert any("no job of that name" in n for n in finder.notes)
