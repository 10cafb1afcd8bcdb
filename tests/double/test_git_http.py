"""The double as GitHub's git host and the behaviours heal meets on real GitHub: workflow-file
pushes refused without the permission, drafts refused, dispatches, the Copilot assignment."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import pytest
import requests

from tests.double import Double
from tests.helpers import git, git_proc, seed_origin

REPO = "/repos/octo-org/octo-repo"
PAT = "ghp_doublePAT0123456789"
ON_PUSH = "name: CI\non: push\njobs: {}\n"
DISPATCHABLE = "name: CI\non:\n  push:\n  workflow_dispatch:\njobs: {}\n"


pytestmark = pytest.mark.usefixtures("isolated_git")


@pytest.fixture
def served(github_double: Double, tmp_path: Path) -> tuple[Double, Path, Path]:
    bare = seed_origin(tmp_path, {".github/workflows/ci.yml": ON_PUSH, "README.md": "hi\n"})
    url = github_double.serve_git(bare)
    work = tmp_path / "work"
    git(tmp_path, "clone", "--quiet", url, str(work))
    git(work, "config", "user.name", "H")
    git(work, "config", "user.email", "h@example.com")
    return github_double, bare, work


def push(double: Double, work: Path, token: str | None, branch: str) -> subprocess.CompletedProcess[str]:
    args = ["-c", "credential.helper="]
    if token:
        basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
        args += ["-c", f"http.{double.url}/.extraheader=AUTHORIZATION: basic {basic}"]
    return git_proc(work, *args, "push", "--porcelain", "origin", f"HEAD:refs/heads/{branch}", check=False)


def commit(work: Path, path: str, text: str) -> None:
    (work / path).write_text(text)
    git(work, "add", path)
    git(work, "commit", "--quiet", "-m", f"edit {path}")


def test_pushes_need_a_token_and_update_the_states_refs(served: tuple[Double, Path, Path]) -> None:
    double, bare, work = served
    assert double.repo().refs["refs/heads/main"] == git(bare, "rev-parse", "main")
    commit(work, "README.md", "changed\n")
    refused = push(double, work, None, "docs")
    assert refused.returncode != 0
    assert "refs/heads/docs" not in double.repo().refs
    assert push(double, work, "ghp_wrong", "docs").returncode != 0
    assert push(double, work, double.token, "docs").returncode == 0
    assert double.repo().refs["refs/heads/docs"] == git(work, "rev-parse", "HEAD")


@pytest.mark.parametrize(
    ("kind", "workflows", "refusal"),
    [
        ("github-actions", False, "refusing to allow a GitHub App to create or update workflow "),
        ("app", False, "refusing to allow a GitHub App to create or update workflow "),
        ("pat", False, "refusing to allow a Personal Access Token to create or update workflow "),
        ("pat", True, None),
        ("app", True, None),
    ],
)
def test_workflow_files_need_the_workflows_permission(
    served: tuple[Double, Path, Path], kind: str, workflows: bool, refusal: str | None
) -> None:
    double, _, work = served
    token = double.token if kind == "github-actions" else PAT
    if kind != "github-actions":
        double.add_token(PAT, "alice", kind, workflows=workflows)
    commit(work, ".github/workflows/ci.yml", DISPATCHABLE)
    pushed = push(double, work, token, "fix")
    if refusal is None:
        assert pushed.returncode == 0, pushed.stderr
        assert "refs/heads/fix" in double.repo().refs
    else:
        assert pushed.returncode != 0 and "[remote rejected]" in pushed.stdout
        assert refusal + "`.github/workflows/ci.yml`" in pushed.stderr
        assert "refs/heads/fix" not in double.repo().refs


def test_dispatch_reads_the_workflow_at_the_ref(served: tuple[Double, Path, Path]) -> None:
    double, _, work = served
    double.seed_run(path=".github/workflows/ci.yml")
    http = requests.Session()
    http.headers["Authorization"] = f"token {double.token}"
    url = f"{double.url}{REPO}/actions/workflows/ci.yml/dispatches"
    refused = http.post(url, json={"ref": "main"})
    assert refused.status_code == 422 and "workflow_dispatch" in refused.json()["message"]
    assert http.post(url, json={"ref": "nope"}).json()["message"] == "No ref found for: nope"
    double.add_token(PAT, "alice", "pat", workflows=True)
    commit(work, ".github/workflows/ci.yml", DISPATCHABLE)
    assert push(double, work, PAT, "fix").returncode == 0
    assert http.post(url, json={"ref": "fix"}).status_code == 204
    answer = http.post(url, json={"ref": "fix", "return_run_details": True})
    assert answer.status_code == 200
    run = double.repo().runs[answer.json()["workflow_run_id"]]
    assert (run.event, run.head_branch, run.actor, run.latest.status) == (
        "workflow_dispatch",
        "fix",
        "github-actions[bot]",
        "queued",
    )
    assert answer.json()["html_url"].endswith(f"/actions/runs/{run.id}")


def test_drafts_can_be_unsupported(github_double: Double) -> None:
    github_double.seed_repo(draft_prs=False)
    github_double.seed_ref("heads/fix")
    http = requests.Session()
    http.headers["Authorization"] = f"token {github_double.token}"
    pull = {"title": "t", "head": "fix", "base": "main", "draft": True}
    refused = http.post(f"{github_double.url}{REPO}/pulls", json=pull)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["message"] == "Draft pull requests are not supported in this repository."
    created = http.post(f"{github_double.url}{REPO}/pulls", json={**pull, "draft": False})
    assert created.status_code == 201 and created.json()["user"]["login"] == "github-actions[bot]"


def test_copilot_is_assigned_only_with_a_user_token(github_double: Double) -> None:
    issue = github_double.seed_issue(title="CI failed")
    body = {
        "assignees": ["copilot-swe-agent[bot]"],
        "agent_assignment": {"target_repo": "octo-org/octo-repo", "base_branch": "main", "custom_instructions": "x"},
    }
    url = f"{github_double.url}{REPO}/issues/{issue.number}/assignees"
    ignored = requests.post(url, json=body, headers={"Authorization": f"token {github_double.token}"})
    assert ignored.status_code == 201 and ignored.json()["assignees"] == []
    github_double.add_token(PAT, "alice")
    bad = requests.post(
        url, json={**body, "agent_assignment": {"base_branch": "gone"}}, headers={"Authorization": f"token {PAT}"}
    )
    assert bad.status_code == 422
    done = requests.post(url, json=body, headers={"Authorization": f"token {PAT}"})
    assert [a["login"] for a in done.json()["assignees"]] == ["Copilot"]
    (task,) = github_double.issue(issue.number).agent_assignments
    assert task["base_branch"] == "main" and task["custom_instructions"] == "x"
