"""Issue reads and writes (``autoheal.issuesink``) against the GitHub double over HTTP: labels
made only when missing, a lost create answer resolved without a twin, dry-run writing nothing."""

from __future__ import annotations

from typing import Any

import pytest

from autoheal.github_api import Client
from autoheal.issuesink import CATEGORY_COLOUR, SEVERITY_COLOUR, IssueSink

REPO = "octo-org/octo-repo"


@pytest.fixture(autouse=True)
def _no_write_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTOHEAL_WRITE_DELAY", "0")


def _client(double: Any, retries: int = 0) -> Client:
    return Client(REPO, double.token, api_url=double.url, retries=retries, backoff=0.01)


def test_labels_seen_on_our_issues_cost_no_call(github_double: Any) -> None:
    github_double.seed_issue(title="old", labels=["autoheal", "autoheal:dependency.missing"])
    IssueSink(_client(github_double), False, print).ensure_labels(
        ["autoheal", "autoheal:dependency.missing", "severity:error", "autoheal:timeout"], "autoheal"
    )
    made = sorted(c.body["name"] for c in github_double.calls("POST", "/labels$"))
    assert made == ["autoheal:timeout", "severity:error"]
    colours = {label.name: label.color for label in github_double.repo().labels}
    assert (colours["severity:error"], colours["autoheal:timeout"]) == (SEVERITY_COLOUR, CATEGORY_COLOUR)


def test_a_lost_create_answer_finds_the_issue_instead_of_making_a_twin(github_double: Any) -> None:
    github_double.fault(502, "/issues$", method="POST", apply=True)
    sink = IssueSink(_client(github_double, retries=1), False, print)

    def find() -> Any:
        return next((i for i in sink.ours("autoheal", fresh=True) if i.title == "CI failed"), None)

    created = sink.create("CI failed", "body", ["autoheal"], find)
    assert created is not None and created.title == "CI failed"
    assert [i.title for i in github_double.issues()] == ["CI failed"]


def test_dry_run_says_each_write_and_makes_none(github_double: Any) -> None:
    issue = github_double.seed_issue(title="CI failed")
    said: list[str] = []
    sink = IssueSink(_client(github_double), dry_run=True, say=said.append)
    assert sink.create("t", "b", ["autoheal"], lambda: None) is None
    sink.comment(issue.number, "hello")
    sink.update(issue.number, body="x" * 10)
    assert not github_double.calls("POST") and not github_double.calls("PATCH")
    assert [line.split(":")[0] for line in said] == [
        "[dry-run] would create issue 't' with labels ['autoheal']\nb",
        f"[dry-run] would comment on issue #{issue.number}",
        f"[dry-run] would update issue #{issue.number}",
    ]
    assert "<10 characters>" in said[2]
