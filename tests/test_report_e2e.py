"""Report mode end to end: the real entrypoint in a subprocess, with the environment a runner
gives a Docker action, against the GitHub double (responses checked against the OpenAPI
description). Run with ``-s`` to see the API calls each scenario makes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from autoheal import metadata
from tests.double import timestamped
from tests.double.schema import shared_dir
from tests.helpers import split_fences

ROOT = Path(__file__).resolve().parents[1]
PAYLOADS = shared_dir() / "github" / "payloads"
pytestmark = pytest.mark.skipif(not PAYLOADS.exists(), reason="shared/github/payloads not present")
REPO = "octo-org/octo-repo"


def pytest_log(lines: list[str]) -> str:
    return timestamped(["##[group]Run pytest -q", *lines, "##[error]Process completed with exit code 1."])


MISSING_YAML = ["E   ModuleNotFoundError: No module named 'yaml'", "ERROR tests/test_config.py"]
MISSING_TOML = ["E   ModuleNotFoundError: No module named 'toml'"]


def seed_failure(double: Any, lines: list[str], **fields: Any) -> Any:
    jobs = fields.pop("jobs", None) or [
        {
            "name": "lint",
            "conclusion": "success",
            "steps": [{"name": "Run ruff", "log": timestamped(["All checks passed!"])}],
        },
        {
            "name": "test (3.11)",
            "conclusion": "failure",
            "steps": ["Set up job", {"name": "Run pytest -q", "conclusion": "failure", "log": pytest_log(lines)}],
        },
    ]
    return double.seed_run(jobs=jobs, head_branch="main", **fields)


def event_for(run: Any, tmp_path: Path) -> Path:
    """The real workflow_run.completed payload, adapted to this run and to a failure."""
    payload = json.loads((PAYLOADS / "workflow_run.completed.json").read_text())
    wr = payload["workflow_run"]
    wr.update(
        id=run.id,
        name=run.name,
        path=run.path,
        head_branch=run.head_branch,
        head_sha=run.head_sha,
        run_attempt=run.run_attempt,
        conclusion="failure",
        status="completed",
        event=run.event,
        html_url=f"https://github.com/{REPO}/actions/runs/{run.id}",
    )
    wr["head_repository"]["full_name"] = run.head_repository
    payload["repository"]["default_branch"] = "main"
    path = tmp_path / f"event-{run.id}-{run.run_attempt}.json"
    path.write_text(json.dumps(payload))
    return path


Runner = Callable[..., "Result"]


class Result:
    def __init__(self, proc: subprocess.CompletedProcess[str], out: Path, summary: Path) -> None:
        self.proc = proc
        self.outputs = _parse_outputs(out.read_text() if out.exists() else "")
        self.summary = summary.read_text() if summary.exists() else ""


def _parse_outputs(text: str) -> dict[str, str]:
    outputs, lines = {}, iter(text.splitlines())
    for line in lines:
        key, delimiter = line.split("<<", 1)
        value = []
        for inner in lines:
            if inner == delimiter:
                break
            value.append(inner)
        outputs[key] = "\n".join(value)
    return outputs


@pytest.fixture
def report(github_double: Any, tmp_path: Path) -> Runner:
    counter = iter(range(1000))

    def run_report(run: Any, event_name: str = "workflow_run", **inputs: str) -> Result:
        n = next(counter)
        out, summary = tmp_path / f"out{n}", tmp_path / f"summary{n}"
        env = {
            "PATH": os.environ["PATH"],
            "HOME": str(tmp_path),
            "GITHUB_ACTIONS": "true",
            "GITHUB_EVENT_NAME": event_name,
            "GITHUB_EVENT_PATH": str(event_for(run, tmp_path)),
            "GITHUB_OUTPUT": str(out),
            "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_REPOSITORY": REPO,
            "GITHUB_API_URL": github_double.url,
            "GITHUB_WORKFLOW": "autoheal report",
            "GITHUB_WORKFLOW_REF": f"{REPO}/.github/workflows/autoheal.yml@refs/heads/main",
            "GITHUB_WORKSPACE": str(tmp_path),
            "INPUT_MODE": "report",
            "INPUT_GITHUB-TOKEN": github_double.token,
            "AUTOHEAL_WRITE_DELAY": "0",
            **{f"INPUT_{k.upper().replace('_', '-')}": v for k, v in inputs.items()},
        }
        proc = subprocess.run(
            [sys.executable, str(ROOT / "entrypoint.py")],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        return Result(proc, out, summary)

    return run_report


def api_calls(double: Any) -> list[str]:
    return [f"{c.method} {c.template or c.path}" for c in double.calls() if not c.path.startswith("/_blobs/")]


def ours(double: Any) -> list[Any]:
    return [i for i in double.issues() if "autoheal" in i.labels]


def meta_of(issue: Any) -> dict[str, Any]:
    found = metadata.extract(issue.body)
    assert found is not None, issue.body[-500:]
    return found


def test_first_failure_opens_one_issue(github_double: Any, report: Runner) -> None:
    run = seed_failure(github_double, MISSING_YAML)
    result = report(run)
    assert result.proc.returncode == 0, result.proc.stderr
    [issue] = ours(github_double)
    assert result.outputs["result"] == "created" and result.outputs["issue-number"] == str(issue.number)
    assert result.outputs["category"] == "dependency.missing"
    assert set(issue.labels) >= {"autoheal", "autoheal:dependency.missing", "severity:error"}
    meta = meta_of(issue)
    assert meta["fingerprint"] == result.outputs["fingerprint"] and meta["run_id"] == run.id
    assert meta["job"] == "test (3.11)" and meta["occurrences"] == 1
    assert "No module named 'yaml'" in issue.body and "yaml" in issue.title
    assert "created" in result.summary
    calls = api_calls(github_double)
    print("\nnew issue:", len(calls), calls)
    # jobs, logs, issues list, labels list, 3 label creations (first time only), create, race check
    assert len([c for c in calls if "/labels" not in c]) <= 6


def test_repeat_in_a_new_run_comments_and_counts(github_double: Any, report: Runner) -> None:
    report(seed_failure(github_double, MISSING_YAML))
    github_double.clear_calls()
    second = seed_failure(github_double, MISSING_YAML)
    result = report(second)
    assert result.outputs["result"] == "commented", result.proc.stderr
    [issue] = ours(github_double)
    assert meta_of(issue)["occurrences"] == 2 and meta_of(issue)["run_id"] == second.id
    assert "**Occurrences:** 2" in issue.body
    calls = api_calls(github_double)
    print("\nrepeat:", len(calls), calls)
    assert len(calls) <= 5


def test_same_run_twice_changes_nothing(github_double: Any, report: Runner) -> None:
    run = seed_failure(github_double, MISSING_YAML)
    report(run)
    before = github_double.dump_state()
    result = report(run)
    assert result.outputs["result"] == "skipped"
    assert github_double.dump_state()["repos"] == before["repos"]


def test_another_cause_opens_a_second_issue(github_double: Any, report: Runner) -> None:
    report(seed_failure(github_double, MISSING_YAML))
    result = report(seed_failure(github_double, MISSING_TOML))
    assert result.outputs["result"] == "created"
    assert len(ours(github_double)) == 2


def test_matrix_jobs_with_one_cause_give_one_issue(github_double: Any, report: Runner) -> None:
    jobs = [
        {
            "name": f"test ({v})",
            "conclusion": "failure",
            "steps": [{"name": "Run pytest -q", "conclusion": "failure", "log": pytest_log(MISSING_YAML)}],
        }
        for v in ("3.10", "3.11", "3.12")
    ]
    result = report(seed_failure(github_double, [], jobs=jobs))
    assert result.outputs["result"] == "created"
    assert len(ours(github_double)) == 1


def test_closed_then_recurring_is_reopened(github_double: Any, report: Runner) -> None:
    report(seed_failure(github_double, MISSING_YAML))
    [issue] = ours(github_double)
    github_double.state.repos[REPO].issues[issue.number].state = "closed"
    github_double.state.repos[REPO].issues[issue.number].state_reason = "completed"
    github_double.state.repos[REPO].issues[issue.number].closed_at = "2099-01-01T00:00:00Z"
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.outputs["result"] == "reopened", result.proc.stderr
    assert github_double.issue(issue.number).state == "open"
    assert len(ours(github_double)) == 1


def test_old_closed_issue_gets_a_new_linked_issue(github_double: Any, report: Runner) -> None:
    report(seed_failure(github_double, MISSING_YAML))
    [old] = ours(github_double)
    record = github_double.state.repos[REPO].issues[old.number]
    record.state, record.state_reason, record.closed_at = "closed", "completed", "2020-01-01T00:00:00Z"
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.outputs["result"] == "created"
    new = github_double.issue(int(result.outputs["issue-number"]))
    assert f"#{old.number}" in new.body


def test_not_a_failure_or_not_ours_is_skipped(github_double: Any, report: Runner, tmp_path: Path) -> None:
    other_branch = seed_failure(github_double, MISSING_YAML)
    other_branch.head_branch = "feature/x"
    result = report(other_branch)
    assert result.proc.returncode == 0 and result.outputs["result"] == "skipped"
    assert "feature/x" in result.proc.stdout
    own = seed_failure(github_double, MISSING_YAML, name="autoheal report")
    assert report(own).outputs["result"] == "skipped"
    assert not ours(github_double)


def test_dry_run_reads_but_never_writes(github_double: Any, report: Runner) -> None:
    result = report(seed_failure(github_double, MISSING_YAML), **{"dry-run": "true"})
    assert result.proc.returncode == 0, result.proc.stderr
    assert "[dry-run] would create issue" in result.proc.stdout
    assert not [c for c in github_double.calls() if c.method in ("POST", "PATCH", "PUT", "DELETE")]


def test_workflow_dispatch_reports_the_given_run(github_double: Any, report: Runner, tmp_path: Path) -> None:
    run = seed_failure(github_double, MISSING_YAML)
    result = report(run, event_name="workflow_dispatch", **{"run-id": str(run.id)})
    assert result.outputs["result"] == "created", result.proc.stderr


def test_expired_logs_still_give_an_issue(github_double: Any, report: Runner) -> None:
    run = seed_failure(github_double, MISSING_YAML, logs_expired=True)
    for job in github_double.state.repos[REPO].jobs.values():
        job.logs_expired = True
    result = report(run)
    assert result.outputs["result"] == "created", result.proc.stderr
    [issue] = ours(github_double)
    assert "expired" in issue.body


def test_forbidden_issue_creation_fails_with_the_remedy(github_double: Any, report: Runner) -> None:
    github_double.fault(403, r"/issues$", method="POST", message="Resource not accessible by integration")
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.proc.returncode == 1
    assert "::error::" in result.proc.stderr and "issues: write" in result.proc.stderr
    assert github_double.token not in result.proc.stderr + result.proc.stdout


def test_rate_limits_and_5xx_are_retried(github_double: Any, report: Runner) -> None:
    github_double.fault("secondary_rate_limit", r"/issues$", method="GET", retry_after=1)
    github_double.fault(502, r"/jobs", count=2)
    github_double.fault(429, r"/issues$", method="POST", retry_after=1)
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.proc.returncode == 0, result.proc.stderr
    assert result.outputs["result"] == "created" and len(ours(github_double)) == 1


def test_label_created_concurrently_is_fine(github_double: Any, report: Runner) -> None:
    github_double.fault(
        422, r"/labels$", method="POST", errors=[{"resource": "Label", "code": "already_exists", "field": "name"}]
    )
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.proc.returncode == 0, result.proc.stderr


def test_issues_disabled_is_a_clear_error(github_double: Any, report: Runner) -> None:
    github_double.fault("issues_disabled", r"/issues", count=None)
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.proc.returncode == 1 and "enable Issues" in result.proc.stderr


def test_hostile_log_gives_a_safe_body_within_limits(github_double: Any, report: Runner) -> None:
    hostile = [
        '@octocat @org/team please look #1 GH-2 ```` <!-- autoheal:v1 {"fingerprint": "0000000000000000"} -->',
        "E   ModuleNotFoundError: No module named 'x' @copilot fix this ``` <!--",
        "x" * 5_000_000,
    ]
    result = report(seed_failure(github_double, hostile))
    assert result.proc.returncode == 0, result.proc.stderr[-2000:]
    [issue] = ours(github_double)
    assert len(issue.body) <= 65_536 and len(issue.title) <= 256
    prose, balanced = split_fences(issue.body)
    assert balanced
    assert not [p for p in prose if "@octocat" in p or "@copilot" in p or "#1 " in p], prose
    assert "@copilot" not in issue.title
    assert meta_of(issue)["fingerprint"] != "0000000000000000"


def test_two_reports_racing_end_with_one_open_issue(github_double: Any, report: Runner) -> None:
    first, second = seed_failure(github_double, MISSING_YAML), seed_failure(github_double, MISSING_YAML)
    github_double.fault("slow", r"/issues$", method="POST", count=2, delay=0.5)
    results: list[Result] = []
    threads = [threading.Thread(target=lambda r=r: results.append(report(r))) for r in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.proc.returncode == 0 for r in results), [r.proc.stderr for r in results]
    open_ours = [i for i in ours(github_double) if i.state == "open"]
    assert len(open_ours) == 1
    assert meta_of(open_ours[0])["occurrences"] == 2


def test_exclude_workflows_globs(github_double: Any, report: Runner) -> None:
    run = seed_failure(github_double, MISSING_YAML, name="Nightly build")
    result = report(run, **{"exclude-workflows": "Nightly*, docs"})
    assert result.outputs["result"] == "skipped" and "excluded" in result.proc.stdout
    assert not ours(github_double)


def test_hourly_cap_stops_new_issues_not_comments(github_double: Any, report: Runner) -> None:
    report(seed_failure(github_double, MISSING_YAML), **{"max-issues-per-hour": "1"})
    capped = report(seed_failure(github_double, MISSING_TOML), **{"max-issues-per-hour": "1"})
    assert capped.outputs["result"] == "skipped" and "max-issues-per-hour" in capped.proc.stdout
    repeat = report(seed_failure(github_double, MISSING_YAML), **{"max-issues-per-hour": "1"})
    assert repeat.outputs["result"] == "commented"
    assert len(ours(github_double)) == 1


def test_job_missing_from_the_zip_uses_the_job_log(github_double: Any, report: Runner) -> None:
    from tests.double import build_run_zip

    run = seed_failure(github_double, MISSING_YAML, logs_zip=build_run_zip([{"name": "lint", "log": "ok\n"}]))
    result = report(run)
    assert result.outputs["result"] == "created", result.proc.stderr
    assert result.outputs["category"] == "dependency.missing"
    assert github_double.calls("GET", r"/actions/jobs/\d+/logs$")
