"""Declining and hand-off (``autoheal.healdecline``) against the GitHub double over HTTP: what
the issue says and which label it gets when heal opens no pull request."""

from __future__ import annotations

from typing import Any

import pytest

from autoheal import healdecline, risk
from autoheal.heal import NEEDS_MANUAL
from autoheal.healstate import Plan
from tests.helpers import diagnosis, heal_run, proposal


@pytest.fixture(autouse=True)
def _no_write_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTOHEAL_WRITE_DELAY", "0")


def test_a_decline_explains_and_labels(github_double: Any) -> None:
    issue = github_double.seed_issue(title="CI failed")
    result = healdecline.decline(heal_run(github_double), issue.number, diagnosis(), "no fixer applies")
    assert (result.result, result.reason, result.category) == ("declined", "no fixer applies", "dependency.missing")
    seen = github_double.issue(issue.number)
    assert NEEDS_MANUAL in seen.labels and "no fixer applies" in seen.comments[0].body


def test_a_decline_hands_off_to_the_configured_agent(github_double: Any) -> None:
    issue = github_double.seed_issue(title="CI failed")
    healdecline.decline(heal_run(github_double, agent_mention="@some-agent"), issue.number, diagnosis(), "why")
    assert "@some-agent" in github_double.issue(issue.number).comments[0].body


def test_a_workflow_fix_without_workflow_token_puts_the_patch_on_the_issue(github_double: Any) -> None:
    issue = github_double.seed_issue(title="CI failed")
    change = proposal(path=".github/workflows/ci.yml")
    plan = Plan(issue.number, "autoheal/issue-1-x", "main", "main")
    result = healdecline.needs_workflow_token(heal_run(github_double), plan, diagnosis(), change, None)
    assert "set workflow-token" in result.reason
    seen = github_double.issue(issue.number)
    assert healdecline.NEEDS_WORKFLOW_TOKEN in seen.labels
    assert "```diff" in seen.comments[0].body and "+pyyaml" in seen.comments[0].body


def test_a_patch_too_long_for_a_comment_is_not_pasted(github_double: Any) -> None:
    issue = github_double.seed_issue(title="CI failed")
    huge = proposal(new="x = 1\n" * (healdecline.PATCH_LIMIT // 5))
    plan = Plan(issue.number, "autoheal/issue-1-x", "main", "main")
    gate = risk.Gate("protected", "requirements.txt matches protected-paths", ("requirements.txt",))
    result = healdecline.held(heal_run(github_double), plan, diagnosis(), huge, gate)
    assert result.reason.endswith("(the patch is on the issue)")
    body = github_double.issue(issue.number).comments[0].body
    assert "too long for a comment" in body and "x = 1" not in body
