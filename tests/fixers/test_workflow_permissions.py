from __future__ import annotations

from pathlib import Path

import pytest

from autoheal.fixers import workflow_permissions as fixer
from autoheal.proposals import FixDeclined
from tests.fixers.util import context, only_change

RNAI = "Resource not accessible by integration"


@pytest.mark.parametrize(
    ("log", "scope"),
    [
        (f"HttpError: {RNAI}\n  url: 'https://api.github.com/repos/o/r/issues/1/comments'", "issues"),
        (f"HTTP 403: {RNAI} (https://api.github.com/repos/o/r/pulls/3/reviews)", "pull-requests"),
        (f"HTTP 403: {RNAI} (https://api.github.com/repos/o/r/git/refs)", "contents"),
        (f"HTTP 403: {RNAI} (https://api.github.com/repos/o/r/check-runs)", "checks"),
        (f"HTTP 403: {RNAI} (https://api.github.com/repos/o/r/statuses/abc123)", "statuses"),
        (f"HTTP 403: {RNAI} (https://api.github.com/repos/o/r/deployments/9/statuses)", "deployments"),
        (f"HTTP 403: {RNAI} (https://api.github.com/repos/o/r/pages)", "pages"),
        (f"HTTP 403: {RNAI} (https://api.github.com/repos/o/r/code-scanning/sarifs)", "security-events"),
        (f"HTTP 403: {RNAI} (https://api.github.com/repos/o/r/actions/runs/5/rerun)", "actions"),
        (f"HTTP 403: {RNAI} (https://api.github.com/repos/o/r/releases/1/assets)", "contents"),
        (
            f"{RNAI}\n  documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request'",
            "pull-requests",
        ),
        (f"{RNAI}\ndocumentation_url: https://docs.github.com/en/rest/checks/runs#create-a-check-run", "checks"),
        (f"await github.rest.repos.createCommitStatus({{sha}})\nError: {RNAI}", "statuses"),
        (f"await github.rest.repos.createRelease({{}})\nError: {RNAI}", "contents"),
        (f"const r = github.rest.pulls.requestReviewers({{}})\n{RNAI}", "pull-requests"),
        (f"GraphQL: {RNAI} (addComment)", "issues"),
        (f"GraphQL: {RNAI} (createPullRequest)", "pull-requests"),
        (f"GraphQL: {RNAI} (createRef)", "contents"),
        (f"Error: {RNAI} while creating a check run", "checks"),
        (f"Failed to add labels: {RNAI}", "issues"),
        ("Error: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable", "id-token"),
        ("remote: Permission to o/r.git denied to github-actions[bot].", "contents"),
        ("denied: permission_denied: write_package", "packages"),
    ],
)
def test_infer_scope(log: str, scope: str) -> None:
    assert fixer.infer_scope(log, {}) == scope


@pytest.mark.parametrize(
    ("log", "captures", "reason"),
    [
        (RNAI, {}, "unknown scope"),
        (f"{RNAI} while updating issues and pull requests", {}, "unknown scope"),  # two scopes: no guess
        ("Permission denied (publickey)", {}, "does not show a GITHUB_TOKEN permission error"),
        (
            "refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows`"
            " permission",
            {"permission": "workflows"},
            "cannot get",
        ),
        ("Resource not accessible by personal access token", {}, "personal access token"),
    ],
)
def test_infer_scope_declines(log: str, captures: dict[str, str], reason: str) -> None:
    result = fixer.infer_scope(log, captures)
    assert isinstance(result, FixDeclined) and reason in result.reason


def test_capture_names_the_scope() -> None:
    assert (
        fixer.infer_scope(
            "Ensure the GITHUB_TOKEN has pull-requests: write permission", {"permission": "pull-requests"}
        )
        == "pull-requests"
    )


def test_stack_trace_paths_are_not_evidence() -> None:
    log = f"Error: {RNAI}\n    at /home/runner/work/_actions/actions/upload-release/v1/dist/index.js:10:3"
    assert isinstance(fixer.infer_scope(log, {}), FixDeclined)


@pytest.mark.parametrize(
    ("log", "scope", "level"),
    [
        ("GET /repos/o/r/pulls - 403", "pull-requests", "read"),
        ("request: { method: 'GET', url: '/repos/o/r/pulls' }", "pull-requests", "read"),
        ("github.rest.pulls.list({})", "pull-requests", "read"),
        ("POST /repos/o/r/pulls", "pull-requests", "write"),
        ("GET /repos/o/r/x then POST /repos/o/r/y", "pull-requests", "write"),
        ("GET /token", "id-token", "write"),
        ("github.rest.pulls.list({})\nawait github.rest.pulls.createReview({})", "pull-requests", "write"),
        ("const x = core.getInput('token')\nPOST failed", "pull-requests", "write"),
    ],
)
def test_infer_level(log: str, scope: str, level: str) -> None:
    assert fixer.infer_level(log, scope) == level


WF = ".github/workflows/ci.yml"
LOG = f"GraphQL: {RNAI} (addComment)"


def run(tmp_path: Path, workflow: str, job: str = "a") -> object:
    return fixer.fix(context(tmp_path, {WF: workflow}, LOG, "permission", job=job, workflow_path=WF))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("    permissions: {contents: read}\n", "    permissions: {contents: read, issues: write}\n"),
        ("    permissions: { contents: read }  # c\n", "    permissions: { contents: read, issues: write }  # c\n"),
        ("    permissions: {}\n", "    permissions: {issues: write}\n"),
        ("    permissions: {issues: none}\n", "    permissions: {issues: write}\n"),
        ("    permissions:\n      issues: 'read'\n", "    permissions:\n      issues: 'write'\n"),
    ],
)
def test_job_blocks(tmp_path: Path, before: str, after: str) -> None:
    workflow = f"jobs:\n  a:\n    runs-on: x\n{before}    steps: []\n"
    assert only_change(run(tmp_path, workflow)).new == workflow.replace(before, after)


def test_new_block_respects_the_files_indentation(tmp_path: Path) -> None:
    workflow = "jobs:\n    a:\n        runs-on: x\n        steps: []\n"
    expected = (
        "jobs:\n    a:\n        runs-on: x\n        permissions:\n            contents: read\n"
        "            issues: write\n        steps: []\n"
    )
    assert only_change(run(tmp_path, workflow)).new == expected


def test_top_level_empty_block_means_nothing_is_inherited(tmp_path: Path) -> None:
    workflow = "permissions: {}\njobs:\n  a:\n    runs-on: x\n"
    expected = "permissions: {}\njobs:\n  a:\n    runs-on: x\n    permissions:\n      issues: write\n"
    assert only_change(run(tmp_path, workflow)).new == expected


def test_reusable_workflow_call_gets_the_block_after_its_key(tmp_path: Path) -> None:
    workflow = "jobs:\n  a:\n    uses: ./.github/workflows/r.yml\n"
    expected = (
        "jobs:\n  a:\n    permissions:\n      contents: read\n      issues: write\n"
        "    uses: ./.github/workflows/r.yml\n"
    )
    assert only_change(run(tmp_path, workflow)).new == expected


@pytest.mark.parametrize(
    ("workflow", "reason"),
    [
        ("permissions: read-all\njobs:\n  a:\n    runs-on: x\n", "does not expand"),
        ("jobs:\n  a:\n    runs-on: x\n    permissions: write-all\n", "does not expand"),
        ("jobs:\n  a:\n    runs-on: x\n    permissions: {\n      contents: read}\n", "spans lines"),
        ("jobs:\n  a:\n    runs-on: x\n    permissions:\n      issues: write\n", "already grants issues: write"),
    ],
)
def test_declines(tmp_path: Path, workflow: str, reason: str) -> None:
    result = run(tmp_path, workflow)
    assert isinstance(result, FixDeclined) and reason in result.reason
