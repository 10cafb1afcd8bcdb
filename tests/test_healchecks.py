"""Heal's preflight (``autoheal.healchecks``) against the GitHub double over HTTP: each check
that stops a heal, what it leaves on the issue, and what a pass hands on."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from autoheal import metadata
from autoheal.heal import GAVE_UP, NEEDS_MANUAL, REFUSAL_MARKER, HealResult, Sender
from autoheal.healchecks import Cleared, preflight
from autoheal.render import RunContext, render_issue
from tests.helpers import diagnosis, heal_run

GENERIC_LOG = "something went wrong\nProcess completed with exit code 2\n"


@pytest.fixture(autouse=True)
def _no_write_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTOHEAL_WRITE_DELAY", "0")


def _issue(double: Any, log: str | None = None, **fields: Any) -> Any:
    d = diagnosis(log) if log else diagnosis()
    body = render_issue(d, RunContext(repo="octo-org/octo-repo", run_id=None, workflow="CI")).body
    return double.seed_issue(title="CI failed", body=body, **fields)


def _closed_attempt(double: Any, fingerprint: str, n: int) -> None:
    body = metadata.replace("Fixes #1", {"fingerprint": fingerprint, "category": "dependency.missing"})
    double.seed_pull(head=f"autoheal/issue-{n}-x", body=body, state="closed")


def test_an_untrusted_sender_is_told_once_and_nothing_else_is_written(github_double: Any) -> None:
    github_double.set_permission("mallory", "read")
    issue = _issue(github_double)
    run = heal_run(github_double)
    for _ in range(2):
        result = preflight(run, issue.number, Sender("mallory"))
        assert isinstance(result, HealResult) and result.result == "refused"
    (comment,) = github_double.issue(issue.number).comments
    assert REFUSAL_MARKER in comment.body
    assert github_double.issue(issue.number).labels == []


@pytest.mark.parametrize("kind", ["closed", "pull request"])
def test_only_an_open_issue_is_healed(github_double: Any, kind: str) -> None:
    number = (
        _issue(github_double, state="closed").number
        if kind == "closed"
        else github_double.seed_pull(head="feature").number
    )
    result = preflight(heal_run(github_double), number, None)
    assert isinstance(result, HealResult) and result.result == "declined" and kind in result.reason
    assert not github_double.calls("POST")


def test_low_confidence_declines_with_the_manual_label(github_double: Any) -> None:
    issue = _issue(github_double, GENERIC_LOG)
    result = preflight(heal_run(github_double), issue.number, None)
    assert isinstance(result, HealResult) and "below min-confidence" in result.reason
    assert NEEDS_MANUAL in github_double.issue(issue.number).labels


def test_the_circuit_breaker_gives_up_after_max_attempts(github_double: Any) -> None:
    issue = _issue(github_double)
    for n in range(2):
        _closed_attempt(github_double, diagnosis().fingerprint, n)
    result = preflight(heal_run(github_double, max_attempts=2), issue.number, None)
    assert isinstance(result, HealResult) and result.reason.startswith("gave up: 2 autoheal PRs")
    assert GAVE_UP in github_double.issue(issue.number).labels


def test_max_prs_per_hour_holds_a_new_branch(github_double: Any) -> None:
    issue = _issue(github_double)
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    github_double.seed_pull(head="autoheal/issue-99-other", created_at=now)
    result = preflight(heal_run(github_double, max_prs_per_hour=1), issue.number, None)
    assert isinstance(result, HealResult) and "max-prs-per-hour (1)" in result.reason


def test_a_pass_hands_on_the_diagnosis_our_pulls_and_the_branch(github_double: Any) -> None:
    issue = _issue(github_double)
    github_double.seed_pull(head="feature")  # not ours
    cleared = preflight(heal_run(github_double), issue.number, None)
    assert isinstance(cleared, Cleared)
    assert cleared.branch == f"autoheal/issue-{issue.number}-dependency-missing-yaml"
    assert cleared.found.diagnosis.fingerprint == diagnosis().fingerprint and cleared.pulls == []
    assert not github_double.calls("POST")
