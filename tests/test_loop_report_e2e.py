"""Closing the loop in report mode, end to end: re-runs of transient failures, flaky
occurrences, recovery on green runs, and verification of fix PRs (issue 11)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from autoheal import metadata
from tests.double import timestamped
from tests.loop_harness import MISSING_YAML, NETWORK, PAYLOADS, ago, run_mode, seed_run
from tests.test_report_e2e import event_for

pytestmark = [
    pytest.mark.skipif(not PAYLOADS.exists(), reason="shared/github/payloads not present"),
    pytest.mark.usefixtures("calls_table"),
]


def report(double: Any, tmp_path: Path, run: Any, scenario: str = "", **inputs: str) -> Any:
    result = run_mode(double, tmp_path, "report", event_for(run, tmp_path), scenario, **inputs)
    assert result.proc.returncode == 0, result.proc.stderr
    return result


def ours(double: Any) -> list[Any]:
    return [i for i in double.issues() if "autoheal" in i.labels]


def reruns(double: Any) -> list[Any]:
    return double.calls("POST", r"/rerun-failed-jobs$")


# -- re-runs ----------------------------------------------------------------------------------
def test_transient_failure_is_rerun_before_any_issue(github_double: Any, tmp_path: Path) -> None:
    run = seed_run(github_double, NETWORK)
    result = report(github_double, tmp_path, run, "rerun before report", rerun="true", rerun_before_report="true")
    assert result.outputs["result"] == "rerun" and result.outputs["rerun"] == "true", result.proc.stdout
    assert len(reruns(github_double)) == 1 and ours(github_double) == []
    assert github_double.repo().runs[run.id].run_attempt == 2
    # The re-run fails too: now the issue is opened, and no second re-run (max-reruns 1).
    github_double.finish_attempt(run.id, conclusion="failure", job_logs={"test": timestamped(NETWORK)})
    again = report(github_double, tmp_path, github_double.repo().runs[run.id], rerun="true", rerun_before_report="true")
    assert again.outputs["result"] == "created" and reruns(github_double) == []
    assert "max-reruns" in again.proc.stdout


def test_rerun_is_said_on_the_issue_and_a_passing_rerun_is_flaky(github_double: Any, tmp_path: Path) -> None:
    run = seed_run(github_double, NETWORK)
    result = report(github_double, tmp_path, run, rerun="true")
    assert result.outputs["result"] == "created" and result.outputs["rerun"] == "true"
    [issue] = ours(github_double)
    assert any("re-ran the failed jobs" in c.body for c in issue.comments)
    github_double.finish_attempt(run.id, conclusion="success")
    green = report(github_double, tmp_path, github_double.repo().runs[run.id], "flaky re-run passes")
    assert green.outputs["result"] == "recovered", green.proc.stdout
    issue = github_double.issue(issue.number)
    assert "flaky" in issue.labels and metadata.extract(issue.body)["flaky"] == 1  # type: ignore[index]


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ({"head_repository": "someone/fork", "event": "pull_request"}, "forks"),
        ({"created_at": ago(days=31)}, "30 days"),
    ],
)
def test_never_rerun_forks_or_old_runs(github_double: Any, tmp_path: Path, fields: dict[str, Any], why: str) -> None:
    run = seed_run(github_double, NETWORK, head_branch="main", **fields)
    result = report(github_double, tmp_path, run, rerun="true", branches="*")
    assert reruns(github_double) == [] and why in result.proc.stdout, result.proc.stdout


def test_not_transient_or_rerun_off_is_not_rerun(github_double: Any, tmp_path: Path) -> None:
    missing = report(github_double, tmp_path, seed_run(github_double, MISSING_YAML), rerun="true")
    report(github_double, tmp_path, seed_run(github_double, NETWORK))
    assert reruns(github_double) == []
    assert "not every failure is transient (dependency.missing)" in missing.proc.stdout, missing.proc.stdout


def test_hourly_rerun_cap(github_double: Any, tmp_path: Path) -> None:
    for _ in range(2):
        seed_run(github_double, NETWORK, run_attempt=2)  # re-runs started in the last hour
    result = report(github_double, tmp_path, seed_run(github_double, NETWORK), rerun="true", max_reruns_per_hour="2")
    assert reruns(github_double) == [] and "max-reruns-per-hour (2)" in result.proc.stdout


# -- recovery ---------------------------------------------------------------------------------
def test_green_again_comments_once_then_closes_after_the_streak(github_double: Any, tmp_path: Path) -> None:
    report(github_double, tmp_path, seed_run(github_double, MISSING_YAML))
    [issue] = ours(github_double)
    before = len(issue.comments)
    first = report(github_double, tmp_path, seed_run(github_double, None, "success"), "green: recovery noticed")
    assert first.outputs["result"] == "recovered"
    comments = github_double.issue(issue.number).comments[before:]
    assert len(comments) == 1 and "passing again" in comments[0].body
    second = seed_run(github_double, None, "success")
    assert report(github_double, tmp_path, second, close_after_green="3").outputs["result"] == "green"
    assert report(github_double, tmp_path, second, close_after_green="3").outputs["result"] == "skipped"  # re-delivery
    assert len(github_double.issue(issue.number).comments) == before + 1  # no comment per green run
    third = report(github_double, tmp_path, seed_run(github_double, None, "success"), close_after_green="3")
    closed = github_double.issue(issue.number)
    assert third.outputs["result"] == "closed" and closed.state == "closed" and closed.state_reason == "completed"
    assert metadata.extract(closed.body)["green_streak"] == 3  # type: ignore[index]


def test_a_failure_resets_the_streak(github_double: Any, tmp_path: Path) -> None:
    report(github_double, tmp_path, seed_run(github_double, MISSING_YAML))
    report(github_double, tmp_path, seed_run(github_double, None, "success"))
    report(github_double, tmp_path, seed_run(github_double, MISSING_YAML))
    [issue] = ours(github_double)
    meta = metadata.extract(issue.body) or {}
    assert "green_streak" not in meta and "passing_since" not in meta and meta["occurrences"] == 2


def test_green_run_without_an_issue_costs_one_call(github_double: Any, tmp_path: Path) -> None:
    report(github_double, tmp_path, seed_run(github_double, MISSING_YAML))
    other = seed_run(github_double, None, "success", name="Docs", path=".github/workflows/docs.yml")
    started = time.monotonic()
    result = report(github_double, tmp_path, other, "green: no matching issue")
    print(f"green run, no matching issue: {time.monotonic() - started:.2f} s")
    assert time.monotonic() - started < 10
    assert result.outputs["result"] == "skipped"
    assert [c.method + " " + c.template for c in github_double.calls()] == ["GET /repos/{owner}/{repo}/issues"]
    on_branch = seed_run(github_double, None, "success", head_branch="feature")
    assert report(github_double, tmp_path, on_branch, branches="*").outputs["result"] == "skipped"


# -- verifying fix PRs ------------------------------------------------------------------------
def fix_pull(double: Any, fingerprint: str, issue: int = 1) -> Any:
    body = metadata.replace("The fix.", {"fingerprint": fingerprint, "category": "dependency.missing", "rule": "r"})
    return double.seed_pull(head=f"autoheal/issue-{issue}-dependency-missing-yaml", body=body, draft=True)


def test_green_fix_run_verifies_and_marks_ready(github_double: Any, tmp_path: Path) -> None:
    report(github_double, tmp_path, seed_run(github_double, MISSING_YAML))
    [issue] = ours(github_double)
    pull = fix_pull(github_double, metadata.extract(issue.body)["fingerprint"], issue.number)  # type: ignore[index]
    run = seed_run(github_double, None, "success", head_branch=pull.pull.head_ref, event="workflow_dispatch")
    result = report(github_double, tmp_path, run, "fix verified (green)", ready_when_green="true")
    assert result.outputs["result"] == "verified", result.proc.stdout
    pr = github_double.issue(pull.number)
    assert "autoheal-verified" in pr.labels and pr.pull.draft is False
    assert any(f"/actions/runs/{run.id}" in c.body for c in pr.comments)
    assert any(f"#{pull.number}" in c.body for c in github_double.issue(issue.number).comments)
    assert len(github_double.calls("POST", r"/graphql$")) == 1
    again = report(github_double, tmp_path, run, ready_when_green="true")  # re-delivered
    assert again.outputs["result"] == "skipped" and len(github_double.issue(pull.number).comments) == 1


def test_red_fix_run_same_failure_counts_as_failed_fix(github_double: Any, tmp_path: Path) -> None:
    report(github_double, tmp_path, seed_run(github_double, MISSING_YAML))
    [issue] = ours(github_double)
    pull = fix_pull(github_double, metadata.extract(issue.body)["fingerprint"], issue.number)  # type: ignore[index]
    run = seed_run(github_double, MISSING_YAML, head_branch=pull.pull.head_ref)
    result = report(github_double, tmp_path, run, "fix failed (same fingerprint)")
    assert result.outputs["result"] == "fix-failed", result.proc.stdout
    assert "autoheal-fix-failed" in github_double.issue(pull.number).labels
    from autoheal.github_api import Client
    from autoheal.heal import closed_attempts

    client = Client(repo="octo-org/octo-repo", token=github_double.token, api_url=github_double.url)
    assert closed_attempts(client.list_pulls(state="all"), result.outputs["fingerprint"]) == 1


def test_red_fix_run_another_failure_gives_the_new_diagnosis(github_double: Any, tmp_path: Path) -> None:
    pull = fix_pull(github_double, "0123456789abcdef")
    run = seed_run(github_double, NETWORK, head_branch=pull.pull.head_ref)
    result = report(github_double, tmp_path, run)
    assert result.outputs["result"] == "fix-new-failure" and result.outputs["category"] == "network"
    [comment] = github_double.issue(pull.number).comments
    assert "another way" in comment.body and "network" in comment.body
    assert "autoheal-fix-failed" not in github_double.issue(pull.number).labels


def test_dry_run_in_the_loop_writes_nothing(github_double: Any, tmp_path: Path) -> None:
    report(github_double, tmp_path, seed_run(github_double, MISSING_YAML))
    [issue] = ours(github_double)
    pull = fix_pull(github_double, metadata.extract(issue.body)["fingerprint"], issue.number)  # type: ignore[index]
    runs = [
        seed_run(github_double, None, "success"),  # recovery
        seed_run(github_double, None, "success", head_branch=pull.pull.head_ref),  # verification
        seed_run(github_double, NETWORK),  # re-run
    ]
    for run in runs:
        result = report(github_double, tmp_path, run, dry_run="true", rerun="true", ready_when_green="true")
        assert "[dry-run] would" in result.proc.stdout, result.proc.stdout
        assert [c for c in github_double.calls() if c.method != "GET"] == []
