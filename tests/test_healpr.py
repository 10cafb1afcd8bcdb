"""Branch and pull-request mechanics (``autoheal.healpr``) against the GitHub double over HTTP:
the refusals real GitHub gives a create, and the body limit."""

from __future__ import annotations

from typing import Any

import pytest

from autoheal import healpr, sanitize
from autoheal.healstate import Plan
from tests.helpers import diagnosis, heal_run, proposal

BRANCH = "autoheal/issue-1-dependency-missing-yaml"


@pytest.fixture(autouse=True)
def _no_write_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTOHEAL_WRITE_DELAY", "0")


def _plan(double: Any) -> Plan:
    issue = double.seed_issue(title="CI failed")
    double.seed_ref(f"heads/{BRANCH}")
    return Plan(issue.number, BRANCH, "main", "main")


def test_a_new_branch_gets_a_draft_pr_labelled_with_its_risk(github_double: Any) -> None:
    run, plan = heal_run(github_double, labels=("autoheal",)), _plan(github_double)
    result = healpr.publish(run, plan, diagnosis(), proposal(), [], moved=True)
    assert result.result == "opened" and result.branch == BRANCH
    pr = github_double.issue(result.pr_number)
    assert pr.pull.draft and pr.title.startswith("fix: ") and pr.title.endswith(f"(autoheal, #{plan.number})")
    assert "autoheal" in pr.labels and any(label.startswith("autoheal-risk:") for label in pr.labels)


def test_a_repository_without_drafts_gets_a_ready_pr_that_says_so(github_double: Any) -> None:
    github_double.seed_repo(draft_prs=False)
    run, plan = heal_run(github_double), _plan(github_double)
    result = healpr.publish(run, plan, diagnosis(), proposal(), [], moved=True)
    pr = github_double.issue(result.pr_number)
    assert result.result == "opened" and not pr.pull.draft
    assert "does not support draft pull requests" in pr.body
    assert "opened ready for review" in result.reason


def test_a_pr_github_says_already_exists_is_updated(github_double: Any) -> None:
    run, plan = heal_run(github_double), _plan(github_double)
    existing = github_double.seed_pull(head=BRANCH, title="old title", body="old body")
    # Our listing missed it (``pulls`` is empty), so the create meets GitHub's 422.
    result = healpr.publish(run, plan, diagnosis(), proposal(), [], moved=True)
    assert (result.result, result.pr_number) == ("updated", existing.number)
    assert github_double.issue(existing.number).title != "old title"
    assert not github_double.calls("POST", "/pulls$")[1:]  # one create, refused; no second try


def test_forbidden_creation_leaves_the_compare_link_on_the_issue(github_double: Any) -> None:
    github_double.seed_repo(allow_pr_creation=False)
    run, plan = heal_run(github_double), _plan(github_double)
    result = healpr.publish(run, plan, diagnosis(), proposal(), [], moved=True)
    assert result.result == "declined" and "may not create pull requests" in result.reason
    (comment,) = github_double.issue(plan.number).comments
    assert f"https://github.com/octo-org/octo-repo/compare/main...{BRANCH}?expand=1" in comment.body


def test_a_branch_with_foreign_commits_is_left_alone(github_double: Any) -> None:
    from autoheal import gitops

    run, plan = heal_run(github_double), _plan(github_double)
    pushed = gitops.BranchResult("foreign", foreign_authors=("Human <h@example.com>",))
    result = healpr.after_push(run, plan, diagnosis(), proposal(), pushed, [])
    assert result.result == "declined" and "commits by others" in result.reason
    assert not github_double.calls("POST", "/pulls$")
    assert len(github_double.issue(plan.number).comments) == 1


def test_a_body_over_githubs_limit_is_cut_with_a_warning(github_double: Any) -> None:
    said: list[str] = []
    run = heal_run(github_double, said)
    huge = proposal(new="x = 1\n" * 20_000)
    body = healpr.pr_body(run, Plan(1, BRANCH, "main", "main"), diagnosis(), huge)
    assert sanitize.github_length(body) <= sanitize.BODY_LIMIT
    assert "Files changed tab" in body and any("cut to GitHub's 65,536" in line for line in said)


def test_no_dispatch_unless_github_token_opened_the_pr(github_double: Any) -> None:
    run = heal_run(github_double)
    plan = Plan(1, BRANCH, "main", "main", ci_workflow="ci.yml")
    by_a_user = github_double.seed_pull(head="other", user="octocat")
    pull = next(p for p in run.client.list_pulls(state="all") if p.number == by_a_user.number)
    assert healpr.dispatch_ci(run, plan, pull) == ""
    assert not github_double.calls("POST", "dispatches")
