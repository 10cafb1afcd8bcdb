"""Filing (``autoheal.issuefiling.file_issue``) against the GitHub double over HTTP: create,
count, reopen, or skip, by what the fingerprint's issue says and how many were opened lately."""

from __future__ import annotations

from typing import Any

import pytest

from autoheal import metadata
from autoheal.github_api import Client
from autoheal.issuefiling import file_issue
from autoheal.issues import ReportOptions
from autoheal.issuesink import IssueSink
from autoheal.render import RunContext
from tests.helpers import diagnosis

REPO = "octo-org/octo-repo"


@pytest.fixture(autouse=True)
def _no_write_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTOHEAL_WRITE_DELAY", "0")


def _file(double: Any, run_id: int, opts: ReportOptions = ReportOptions(), said: list[str] | None = None) -> Any:
    client = Client(REPO, double.token, api_url=double.url, retries=0)
    sink = IssueSink(client, opts.dry_run, (said if said is not None else []).append)
    return file_issue(sink, diagnosis(), RunContext(repo=REPO, run_id=run_id, workflow="CI"), opts)


def _close(double: Any, number: int, reason: str = "completed", at: str | None = None) -> None:
    issue = double.issue(number)
    issue.state, issue.state_reason = "closed", reason
    issue.closed_at = at or issue.updated_at


def test_one_issue_per_failure_counted_once_per_run(github_double: Any) -> None:
    first = _file(github_double, 1)
    assert first.result == "created"
    assert [_file(github_double, 2).result, _file(github_double, 2).result] == ["commented", "skipped"]
    (issue,) = github_double.issues()
    assert issue.number == first.issue_number and metadata.extract(issue.body)["occurrences"] == 2
    assert {"autoheal", f"autoheal:{diagnosis().category}"} <= set(issue.labels)


def test_a_recently_closed_issue_is_reopened(github_double: Any) -> None:
    number = _file(github_double, 1).issue_number
    _close(github_double, number)
    out = _file(github_double, 2)
    assert (out.result, out.issue_number) == ("reopened", number)
    assert github_double.issue(number).state == "open"


def test_an_issue_closed_as_not_planned_is_left_closed(github_double: Any) -> None:
    number = _file(github_double, 1).issue_number
    _close(github_double, number, "not_planned")
    out = _file(github_double, 2)
    assert out.result == "skipped" and "not planned" in out.reason
    assert len(github_double.issues()) == 1


def test_an_issue_closed_long_ago_gets_a_successor(github_double: Any) -> None:
    number = _file(github_double, 1).issue_number
    _close(github_double, number, at="2020-01-01T00:00:00Z")
    out = _file(github_double, 2)
    assert out.result == "created" and out.issue_number != number
    assert github_double.issue(number).state == "closed"


def test_max_issues_per_hour_holds_a_new_issue(github_double: Any) -> None:
    github_double.seed_issue(title="other failure", labels=["autoheal"])
    out = _file(github_double, 1, ReportOptions(max_issues_per_hour=1))
    assert out.result == "skipped" and "max-issues-per-hour (1)" in out.reason
    assert len(github_double.issues()) == 1


def test_dry_run_files_nothing_and_says_what_it_would(github_double: Any) -> None:
    said: list[str] = []
    out = _file(github_double, 1, ReportOptions(dry_run=True), said)
    assert (out.result, out.reason) == ("created", "dry-run")
    assert github_double.issues() == [] and any(line.startswith("[dry-run] would create issue") for line in said)
