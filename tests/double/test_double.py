"""The GitHub double through real HTTP: requests for wire details, PyGithub for parseability.

Every test runs with the double validating its responses against GitHub's OpenAPI description
(the ``github_double`` fixture fails the test on any violation); ``test_every_operation_*``
exercises the whole subset and checks coverage.
"""

from __future__ import annotations

import base64
import io
import json
import re
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
import requests
from github import Auth, Github, GithubException, GithubRetry, UnknownObjectException
from github.Requester import Requester

from tests.double import DEFAULT_REPO, Double, State, build_run_zip, sanitize_name, timestamped
from tests.double.render import Renderer
from tests.double.schema import OpenAPI, shared_dir, spec_missing_reason, spec_path, to_json_schema
from tests.double.server import ROUTES
from tests.double.zips import ZipJob, ZipStep

REPO = f"/repos/{DEFAULT_REPO}"
needs_spec = pytest.mark.skipif(spec_missing_reason() is not None, reason=spec_missing_reason() or "")


def http(double: Double) -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"token {double.token}"
    return session


def pygithub(double: Double, **options: Any) -> Github:
    # PyGithub throttles to 4 requests/s and 1 write/s by default; tests need no pacing.
    options.setdefault("retry", None)
    options.setdefault("lazy", True)
    return Github(
        base_url=double.url,
        auth=Auth.Token(double.token),
        seconds_between_requests=0,
        seconds_between_writes=0,
        **options,
    )


def failed_run(double: Double, **fields: Any) -> Any:
    jobs = [
        {"name": "lint", "conclusion": "success", "steps": ["Set up job", "Run ruff"], "log": "ok\n"},
        {
            "name": "test / py3.12",
            "conclusion": "failure",
            "steps": ["Set up job", {"name": "Run pytest", "conclusion": "failure", "log": "E   assert 1 == 2\n"}],
        },
    ]
    return double.seed_run(jobs=jobs, **fields)


# --- auth, rate-limit headers, errors ---------------------------------------------------------


def test_auth_is_required_and_both_schemes_work(github_double: Double) -> None:
    url = f"{github_double.url}{REPO}"
    missing = requests.get(url)
    wrong = requests.get(url, headers={"Authorization": "token nope"})
    assert (missing.status_code, missing.json()["message"]) == (401, "Requires authentication")
    assert (wrong.status_code, wrong.json()["message"]) == (401, "Bad credentials")
    for scheme in ("token", "Bearer"):
        assert requests.get(url, headers={"Authorization": f"{scheme} {github_double.token}"}).status_code == 200


def test_rate_limit_headers_count_per_resource(github_double: Double) -> None:
    session = http(github_double)
    first = session.get(f"{github_double.url}{REPO}").headers
    second = session.get(f"{github_double.url}{REPO}").headers
    search = session.get(f"{github_double.url}/search/issues", params={"q": "is:issue"}).headers
    assert int(first["X-RateLimit-Remaining"]) - int(second["X-RateLimit-Remaining"]) == 1
    assert (second["X-RateLimit-Limit"], second["X-RateLimit-Used"], second["X-RateLimit-Resource"]) == (
        "5000",
        "2",
        "core",
    )
    assert (search["X-RateLimit-Limit"], search["X-RateLimit-Resource"]) == ("30", "search")
    assert int(first["X-RateLimit-Reset"]) > time.time()
    overview = pygithub(github_double).get_rate_limit()
    assert overview.resources.core.remaining == 4998 and overview.resources.search.remaining == 29


def test_exhausted_primary_limit_answers_403_with_zero_remaining(github_double: Double) -> None:
    github_double.settings.core_limit = 2
    session = http(github_double)
    statuses = [session.get(f"{github_double.url}{REPO}").status_code for _ in range(3)]
    last = session.get(f"{github_double.url}{REPO}")
    assert statuses == [200, 200, 403]
    assert last.headers["X-RateLimit-Remaining"] == "0"
    assert Requester.isPrimaryRateLimitError(last.json()["message"])


def test_unknown_repo_is_githubs_not_found(github_double: Double) -> None:
    response = http(github_double).get(f"{github_double.url}/repos/nobody/nothing")
    assert response.status_code == 404
    assert response.json() == {
        "message": "Not Found",
        "documentation_url": "https://docs.github.com/rest",
        "status": "404",
    }
    with pytest.raises(UnknownObjectException):
        pygithub(github_double, lazy=False).get_repo("nobody/nothing")


def test_bad_json_is_400(github_double: Double) -> None:
    response = http(github_double).post(f"{github_double.url}{REPO}/issues", data=b"{nope")
    assert (response.status_code, response.json()["message"]) == (400, "Problems parsing JSON")


# --- actions: runs, attempts, jobs, logs --------------------------------------------------------


def test_run_attempts_and_jobs_through_pygithub(github_double: Double) -> None:
    run = failed_run(github_double, run_attempt=2, head_branch="feature", event="pull_request")
    repo = pygithub(github_double).get_repo(DEFAULT_REPO)
    got = repo.get_workflow_run(run.id)
    assert (got.conclusion, got.run_attempt, got.head_branch, got.event) == ("failure", 2, "feature", "pull_request")
    assert [(j.name, j.conclusion) for j in got.jobs()] == [("lint", "success"), ("test / py3.12", "failure")]
    failing = [j for j in got.jobs() if j.conclusion == "failure"][0]
    assert [(s.number, s.name, s.conclusion) for s in failing.steps] == [
        (1, "Set up job", "success"),
        (2, "Run pytest", "failure"),
    ]
    assert repo.get_workflow_run(run.id).previous_attempt_url.endswith(f"/runs/{run.id}/attempts/1")


def test_actions_objects_through_pygithub(github_double: Double) -> None:
    run = failed_run(github_double, artifacts=[{"name": "coverage", "size_in_bytes": 10}])
    repo = pygithub(github_double).get_repo(DEFAULT_REPO)
    workflow = repo.get_workflow("ci.yml")
    assert [w.path for w in repo.get_workflows()] == [".github/workflows/ci.yml"]
    assert [r.id for r in workflow.get_runs(branch="main")] == [run.id]
    assert [r.id for r in repo.get_workflow_runs(status="failure")] == [run.id]
    got = repo.get_workflow_run(run.id)
    assert [a.name for a in got.get_artifacts()] == ["coverage"]
    assert got.get_attempt(1).conclusion == "failure"
    assert got.rerun_failed_jobs() is True
    assert [j.status for j in repo.get_workflow_run(run.id).jobs("all")] == [
        "completed",
        "completed",
        "completed",
        "queued",
    ]
    assert repo.get_workflow_run(run.id).run_attempt == 2


def test_attempt_endpoints_and_job_filter(github_double: Double) -> None:
    run = failed_run(github_double)
    github_double.seed_job(run.id, name="late", conclusion="failure")
    session, base = http(github_double), f"{github_double.url}{REPO}/actions/runs/{run.id}"
    assert session.post(f"{base}/rerun-failed-jobs").status_code == 201
    latest = session.get(f"{base}/jobs").json()
    every = session.get(f"{base}/jobs", params={"filter": "all"}).json()
    first = session.get(f"{base}/attempts/1/jobs").json()
    assert latest["total_count"] == 3 and every["total_count"] == 6 and first["total_count"] == 3
    assert {j["name"]: j["status"] for j in latest["jobs"]} == {
        "lint": "completed",
        "test / py3.12": "queued",
        "late": "queued",
    }
    attempt = session.get(f"{base}/attempts/2").json()
    assert (attempt["run_attempt"], attempt["status"], attempt["conclusion"]) == (2, "queued", None)
    assert session.get(f"{base}/attempts/1").json()["conclusion"] == "failure"
    assert session.get(f"{base}/attempts/9").status_code == 404
    assert session.get(f"{base}/attempts/9/jobs").status_code == 404
    assert session.post(f"{base}/rerun-failed-jobs").status_code == 403  # still running
    github_double.finish_attempt(run.id, conclusion="success")
    assert session.get(base).json()["conclusion"] == "success"


def test_rerun_refused_after_30_days_and_50_reruns(github_double: Double) -> None:
    session = http(github_double)
    old = github_double.seed_run(created_at="2020-01-01T00:00:00Z")
    answer = session.post(f"{github_double.url}{REPO}/actions/runs/{old.id}/rerun-failed-jobs")
    assert answer.status_code == 403 and "over a month ago" in answer.json()["message"]
    many = github_double.seed_run(run_attempt=51)
    answer = session.post(f"{github_double.url}{REPO}/actions/runs/{many.id}/rerun-failed-jobs")
    assert answer.status_code == 403 and "maximum of 50" in answer.json()["message"]


def test_graphql_ready_for_review_and_pins(github_double: Double) -> None:
    session, url = http(github_double), f"{github_double.url}/graphql"
    pull = github_double.seed_pull(head="autoheal/x", draft=True)
    node = session.get(f"{github_double.url}{REPO}/pulls/{pull.number}").json()["node_id"]
    ready = "mutation($id: ID!) { markPullRequestReadyForReview(input: {pullRequestId: $id}) { clientMutationId } }"
    answer = session.post(url, json={"query": ready, "variables": {"id": node}}).json()
    assert answer["data"]["markPullRequestReadyForReview"]["pullRequest"]["isDraft"] is False
    assert github_double.issue(pull.number).pull.draft is False
    pin = "mutation($id: ID!) { pinIssue(input: {issueId: $id}) { issue { number } } }"
    pinned = "query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { pinnedIssues(first: 3) { totalCount } } }"
    answers = []
    for n in range(4):
        issue = github_double.seed_issue(title=f"i{n}")
        node = session.get(f"{github_double.url}{REPO}/issues/{issue.number}").json()["node_id"]
        answers.append(session.post(url, json={"query": pin, "variables": {"id": node}}).json())
    assert [bool(a.get("errors")) for a in answers] == [False, False, False, True]
    count = session.post(url, json={"query": pinned, "variables": {"owner": "octo-org", "name": "octo-repo"}}).json()
    assert count["data"]["repository"]["pinnedIssues"]["totalCount"] == 3


def test_rerun_single_job(github_double: Double) -> None:
    run = failed_run(github_double)
    job = next(j for j in github_double.repo().jobs.values() if j.name == "lint")
    session = http(github_double)
    assert session.post(f"{github_double.url}{REPO}/actions/jobs/{job.id}/rerun").json() == {}
    jobs = session.get(f"{github_double.url}{REPO}/actions/runs/{run.id}/jobs").json()["jobs"]
    assert {j["name"]: j["status"] for j in jobs} == {"lint": "queued", "test / py3.12": "completed"}


def test_run_logs_redirect_to_a_zip(github_double: Double) -> None:
    run = failed_run(github_double)
    session, base = http(github_double), f"{github_double.url}{REPO}/actions/runs/{run.id}"
    redirect = session.get(f"{base}/logs", allow_redirects=False)
    assert redirect.status_code == 302 and "/_blobs/" in redirect.headers["Location"]
    unauthenticated = requests.get(redirect.headers["Location"])
    followed = session.get(f"{base}/logs")
    assert followed.content == unauthenticated.content and followed.headers["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(followed.content)).namelist()
    assert names == ["1_lint.txt", "2_test  py3.12.txt"]
    assert session.get(f"{base}/attempts/1/logs").content == followed.content


def test_seeded_zip_file_and_steps_layout(github_double: Double, tmp_path: Path) -> None:
    real = shared_dir() / "github" / "logs" / "gh-cli-fixture-run_log.zip"
    if not real.exists():
        pytest.skip(f"{real} not found")
    run = github_double.seed_run(logs_zip=real)
    body = http(github_double).get(f"{github_double.url}{REPO}/actions/runs/{run.id}/logs").content
    assert body == real.read_bytes()
    layered = github_double.seed_run(
        logs_layout="jobs+steps",
        jobs=[
            {
                "name": "build",
                "conclusion": "failure",
                "steps": [{"name": "Run make", "log": "make: *** [all] Error 2\n"}],
            }
        ],
    )
    archive = zipfile.ZipFile(
        io.BytesIO(http(github_double).get(f"{github_double.url}{REPO}/actions/runs/{layered.id}/logs").content)
    )
    assert archive.namelist() == ["1_build.txt", "build/1_Run make.txt"]


def test_job_logs_and_expired_logs(github_double: Double) -> None:
    run = failed_run(github_double)
    failing = next(j for j in github_double.repo().jobs.values() if j.conclusion == "failure")
    session = http(github_double)
    assert session.get(f"{github_double.url}{REPO}/actions/jobs/{failing.id}/logs").text == "E   assert 1 == 2\n"
    job = pygithub(github_double).get_repo(DEFAULT_REPO).get_workflow_run(run.id).jobs()[1]
    assert "/_blobs/" in job.logs_url()
    github_double.set_attempt_logs(run.id, expired=True)
    expired = session.get(f"{github_double.url}{REPO}/actions/runs/{run.id}/logs", allow_redirects=False)
    assert expired.status_code == 404 and expired.json()["message"] == "Not Found"
    assert session.get(f"{github_double.url}/_blobs/missing").status_code == 404


def test_fork_run_and_pull_requests(github_double: Double) -> None:
    pull = github_double.seed_pull(head="patch-1", head_repo="forker/octo-repo")
    run = github_double.seed_run(head_repository="forker/octo-repo", event="pull_request", pull_requests=[pull.number])
    body = http(github_double).get(f"{github_double.url}{REPO}/actions/runs/{run.id}").json()
    assert body["head_repository"]["full_name"] == "forker/octo-repo" and body["head_repository"]["fork"] is True
    assert body["repository"]["full_name"] == DEFAULT_REPO
    assert body["pull_requests"][0]["number"] == pull.number


def test_workflows_runs_artifacts_annotations(github_double: Double) -> None:
    run = failed_run(github_double, artifacts=[{"name": "coverage"}])
    job = next(j for j in github_double.repo().jobs.values() if j.conclusion == "failure")
    job.annotations.append({"path": "tests/test_x.py", "start_line": 3, "end_line": 3, "message": "boom"})
    github_double.seed_run(path=".github/workflows/docs.yml", name="Docs", conclusion="success", head_branch="dev")
    session, base = http(github_double), f"{github_double.url}{REPO}/actions"
    workflows = session.get(f"{base}/workflows").json()
    assert [w["path"] for w in workflows["workflows"]] == [".github/workflows/ci.yml", ".github/workflows/docs.yml"]
    assert session.get(f"{base}/workflows/ci.yml").json()["id"] == run.workflow_id
    assert session.get(f"{base}/workflows/{run.workflow_id}/runs").json()["total_count"] == 1
    assert session.get(f"{base}/runs", params={"status": "failure"}).json()["total_count"] == 1
    assert session.get(f"{base}/runs", params={"branch": "dev"}).json()["workflow_runs"][0]["name"] == "Docs"
    assert session.get(f"{base}/runs/{run.id}/artifacts").json()["artifacts"][0]["name"] == "coverage"
    annotations = session.get(f"{github_double.url}{REPO}/check-runs/{job.id}/annotations").json()
    assert annotations[0]["message"] == "boom"
    assert session.get(f"{base}/workflows/nope.yml").status_code == 404


# --- issues, comments, labels --------------------------------------------------------------------


def test_issue_list_filters_labels_state_and_includes_pulls(github_double: Double) -> None:
    github_double.seed_issue(title="both", labels=["bug", "autoheal"])
    github_double.seed_issue(title="bug only", labels=["Bug"])
    github_double.seed_issue(title="closed", labels=["bug", "autoheal"], state="closed")
    github_double.seed_pull(head="fix", title="a pull", labels=["autoheal"])
    session, url = http(github_double), f"{github_double.url}{REPO}/issues"

    def titles(**query: str) -> list[str]:
        return [issue["title"] for issue in session.get(url, params=query).json()]

    assert titles(labels="bug,autoheal") == ["both"]
    assert titles(labels="BUG") == ["bug only", "both"]
    assert titles(labels="bug,autoheal", state="all") == ["closed", "both"]
    assert titles(state="closed") == ["closed"]
    listed = {i["title"]: i for i in session.get(url).json()}
    assert "pull_request" in listed["a pull"] and "pull_request" not in listed["both"]
    assert session.get(url, params={"state": "bogus"}).status_code == 422


def test_pagination_link_headers_and_pygithub_iteration(github_double: Double) -> None:
    for n in range(7):
        github_double.seed_issue(title=f"issue {n}", labels=["autoheal"])
    session, url = http(github_double), f"{github_double.url}{REPO}/issues"
    first = session.get(url, params={"labels": "autoheal", "per_page": "3"})
    assert [link["url"].split("page=")[-1] for link in first.links.values()] == ["2", "3"]
    assert set(first.links) == {"next", "last"} and "labels=autoheal" in first.links["next"]["url"]
    middle = session.get(first.links["next"]["url"])
    assert set(middle.links) == {"prev", "next", "last", "first"}
    last = session.get(first.links["last"]["url"])
    assert len(last.json()) == 1 and set(last.links) == {"prev", "first"}
    github_double.clear_calls()
    issues = pygithub(github_double, per_page=3).get_repo(DEFAULT_REPO).get_issues(labels=["autoheal"])
    assert len([i.title for i in issues]) == 7 and issues.totalCount == 7
    assert len(github_double.calls("GET", r"/issues$")) == 4  # 3 pages + 1 for totalCount


def test_issue_create_get_update_and_state_reason(github_double: Double) -> None:
    repo = pygithub(github_double).get_repo(DEFAULT_REPO)
    issue = repo.create_issue("Build broke", body="details", labels=["autoheal", "ci"])
    assert (issue.number, issue.user.login, issue.user.type) == (1, "github-actions[bot]", "Bot")
    assert sorted(label.name for label in repo.get_labels()) == ["autoheal", "ci"]
    issue.edit(state="closed", state_reason="not_planned")
    assert (issue.state, issue.state_reason, issue.closed_at is not None) == ("closed", "not_planned", True)
    issue.edit(state="open")
    assert (issue.state, issue.state_reason) == ("open", "reopened") and issue.closed_at is None
    issue.edit(title="Build broke again", body="new", labels=["ci"])
    fresh = repo.get_issue(issue.number)
    assert (fresh.title, fresh.body, [label.name for label in fresh.labels]) == ("Build broke again", "new", ["ci"])
    events = [(e.event, e.actor.login) for e in repo.get_issue(issue.number).get_events()]
    assert events == [
        ("closed", "github-actions[bot]"),
        ("reopened", "github-actions[bot]"),
        ("renamed", "github-actions[bot]"),
        ("unlabeled", "github-actions[bot]"),
    ]
    closed = http(github_double).patch(f"{github_double.url}{REPO}/issues/1", json={"state": "closed"}).json()
    assert closed["state_reason"] == "completed"


def test_issue_validation_errors(github_double: Double) -> None:
    session, url = http(github_double), f"{github_double.url}{REPO}/issues"
    missing = session.post(url, json={"body": "no title"})
    assert missing.status_code == 422 and "title" in missing.json()["message"]
    long_body = session.post(url, json={"title": "t", "body": "x" * 65537}).json()
    assert long_body["message"] == "Validation Failed"
    assert long_body["errors"][0]["message"] == "body is too long (maximum is 65536 characters)"
    assert session.post(url, json={"title": "x" * 257}).status_code == 422
    session.post(url, json={"title": "ok"})
    assert session.patch(f"{url}/1", json={"state_reason": "whatever"}).status_code == 422
    assert session.get(f"{url}/99").status_code == 404


def test_issues_disabled_is_410(github_double: Double) -> None:
    pull = github_double.seed_pull(head="fix")
    github_double.seed_repo(issues_enabled=False)
    session, url = http(github_double), f"{github_double.url}{REPO}/issues"
    created = session.post(url, json={"title": "t"})
    assert (created.status_code, created.json()["message"]) == (410, "Issues are disabled for this repo")
    assert session.get(f"{url}/{pull.number}").status_code == 200  # pull requests stay reachable
    with pytest.raises(GithubException) as caught:
        pygithub(github_double).get_repo(DEFAULT_REPO).create_issue("t")
    assert caught.value.status == 410


def test_comments_list_create_update(github_double: Double) -> None:
    seeded = github_double.seed_issue(title="t", comments=["first"])
    repo = pygithub(github_double).get_repo(DEFAULT_REPO)
    issue = repo.get_issue(seeded.number)
    comment = issue.create_comment("second")
    comment.edit("second, edited")
    assert [c.body for c in issue.get_comments()] == ["first", "second, edited"]
    assert comment.html_url.endswith(f"/issues/{seeded.number}#issuecomment-{comment.id}")
    session = http(github_double)
    too_long = session.post(f"{github_double.url}{REPO}/issues/{seeded.number}/comments", json={"body": "x" * 65537})
    assert too_long.status_code == 422 and "too long" in too_long.json()["errors"][0]["message"]
    assert session.patch(f"{github_double.url}{REPO}/issues/comments/1", json={"body": "x"}).status_code == 404
    assert session.get(f"{github_double.url}{REPO}/issues/77/comments").status_code == 404


def test_issue_labels_add_remove(github_double: Double) -> None:
    seeded = github_double.seed_issue(title="t", labels=["bug"])
    session, url = http(github_double), f"{github_double.url}{REPO}/issues/{seeded.number}/labels"
    added = session.post(url, json={"labels": ["autoheal", "needs triage"]}).json()
    assert [label["name"] for label in added] == ["bug", "autoheal", "needs triage"]
    remaining = session.delete(f"{url}/needs%20triage").json()
    assert [label["name"] for label in remaining] == ["bug", "autoheal"]
    missing = session.delete(f"{url}/nope")
    assert (missing.status_code, missing.json()["message"]) == (404, "Label does not exist")
    issue = pygithub(github_double).get_repo(DEFAULT_REPO).get_issue(seeded.number)
    issue.add_to_labels("area/ci")
    issue.remove_from_labels("bug")
    fresh = pygithub(github_double).get_repo(DEFAULT_REPO).get_issue(seeded.number)
    assert [label.name for label in fresh.labels] == ["autoheal", "area/ci"]


def test_repo_labels_and_duplicate_422(github_double: Double) -> None:
    session, url = http(github_double), f"{github_double.url}{REPO}/labels"
    created = session.post(url, json={"name": "autoheal", "color": "#B60205", "description": "by autoheal"})
    assert created.status_code == 201 and created.json()["color"] == "b60205"
    assert created.headers["Location"] == created.json()["url"]
    duplicate = session.post(url, json={"name": "AutoHeal", "color": "ffffff"})
    assert duplicate.status_code == 422
    assert duplicate.json()["message"] == "Validation Failed"
    assert duplicate.json()["errors"] == [{"resource": "Label", "code": "already_exists", "field": "name"}]
    assert session.post(url, json={"name": "x", "color": "red"}).status_code == 422
    assert session.post(url, json={"name": "x" * 51}).status_code == 422
    assert session.get(f"{url}/autoheal").json()["description"] == "by autoheal"
    assert session.get(f"{url}/missing").status_code == 404
    repo = pygithub(github_double).get_repo(DEFAULT_REPO)
    with pytest.raises(GithubException) as caught:
        repo.create_label("autoheal", "ffffff")
    assert caught.value.status == 422 and caught.value.data["errors"][0]["code"] == "already_exists"
    assert repo.get_label("autoheal").name == "autoheal"


def test_assignees(github_double: Double) -> None:
    seeded = github_double.seed_issue(title="t")
    body = http(github_double).post(
        f"{github_double.url}{REPO}/issues/{seeded.number}/assignees", json={"assignees": ["alice"]}
    )
    assert body.status_code == 201 and body.json()["assignee"]["login"] == "alice"


# --- search ------------------------------------------------------------------------------------


def test_search_qualifiers_and_quoted_text(github_double: Double) -> None:
    github_double.seed_issue(title="CI failure: ModuleNotFoundError", body="fingerprint: `abc123`", labels=["autoheal"])
    github_double.seed_issue(title="other", body="fingerprint: `zzz999`", labels=["autoheal"], state="closed")
    github_double.seed_issue(title="unlabelled", body="fingerprint: `abc123`")
    github_double.seed_pull(head="fix", body="fingerprint: `abc123`", labels=["autoheal"])
    session, url = http(github_double), f"{github_double.url}/search/issues"

    def titles(q: str) -> list[str]:
        return sorted(item["title"] for item in session.get(url, params={"q": q}).json()["items"])

    assert titles(f'repo:{DEFAULT_REPO} is:issue label:autoheal "fingerprint: `abc123`"') == [
        "CI failure: ModuleNotFoundError"
    ]
    assert titles(f"repo:{DEFAULT_REPO} is:issue is:open abc123") == ["CI failure: ModuleNotFoundError", "unlabelled"]
    assert titles(f"repo:{DEFAULT_REPO} is:issue is:closed label:autoheal") == ["other"]
    assert titles(f"repo:{DEFAULT_REPO} is:pr abc123") == ["Fix"]
    assert titles(f'repo:{DEFAULT_REPO} is:issue -label:autoheal "abc123"') == ["unlabelled"]
    assert titles(f'repo:{DEFAULT_REPO} "modulenotfounderror" in:title') == ["CI failure: ModuleNotFoundError"]
    assert titles("repo:someone/else is:issue abc123") == []
    results = pygithub(github_double).search_issues(
        "abc123", repo=DEFAULT_REPO, label="autoheal", state="open", type="issue"
    )
    assert results.totalCount == 1 and results[0].title == "CI failure: ModuleNotFoundError"
    assert session.get(url, params={"q": ""}).status_code == 422


def test_search_index_lag_by_requests_and_seconds(github_double: Double) -> None:
    session = http(github_double)
    query = {"q": f'repo:{DEFAULT_REPO} is:issue "fp-1"'}

    def search() -> int:
        return int(session.get(f"{github_double.url}/search/issues", params=query).json()["total_count"])

    github_double.set_search_lag(requests=2)
    session.post(f"{github_double.url}{REPO}/issues", json={"title": "t", "body": "fp-1"})
    assert [search(), search(), search()] == [0, 0, 1]
    github_double.set_search_lag(seconds=0.3)
    session.post(f"{github_double.url}{REPO}/issues", json={"title": "t2", "body": "fp-1"})
    assert search() == 1
    time.sleep(0.35)
    assert search() == 2


def test_search_can_require_is_qualifier(github_double: Double) -> None:
    github_double.settings.search_requires_is_qualifier = True
    response = http(github_double).get(f"{github_double.url}/search/issues", params={"q": f"repo:{DEFAULT_REPO} x"})
    assert response.status_code == 422 and "is:issue" in response.json()["errors"][0]["message"]


# --- collaborators -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "legacy"),
    [
        ("admin", "admin"),
        ("maintain", "write"),
        ("write", "write"),
        ("triage", "read"),
        ("read", "read"),
        ("none", "none"),
    ],
)
def test_collaborator_permission_roles(github_double: Double, role: str, legacy: str) -> None:
    github_double.seed_collaborator("alice", role)
    body = http(github_double).get(f"{github_double.url}{REPO}/collaborators/alice/permission").json()
    assert (body["permission"], body["role_name"], body["user"]["login"]) == (legacy, role, "alice")
    assert pygithub(github_double).get_repo(DEFAULT_REPO).get_collaborator_permission("alice") == legacy


def test_non_collaborator_is_404_and_owner_is_admin(github_double: Double) -> None:
    session = http(github_double)
    github_double.seed_collaborator("bob", "write")
    github_double.set_permission("bob", None)
    assert session.get(f"{github_double.url}{REPO}/collaborators/bob/permission").status_code == 404
    assert session.get(f"{github_double.url}{REPO}/collaborators/octo-org/permission").json()["permission"] == "admin"
    with pytest.raises(UnknownObjectException):
        pygithub(github_double).get_repo(DEFAULT_REPO).get_collaborator_permission("stranger")
    with pytest.raises(ValueError, match="unknown permission"):
        github_double.set_permission("carol", "superuser")


# --- pull requests ---------------------------------------------------------------------------


def test_pull_create_list_get_update(github_double: Double) -> None:
    github_double.seed_ref("heads/autoheal/fix-1", "1" * 40)
    repo = pygithub(github_double).get_repo(DEFAULT_REPO)
    pull = repo.create_pull(base="main", head="autoheal/fix-1", title="Fix CI", body="why", draft=True)
    assert (pull.number, pull.head.ref, pull.head.sha, pull.base.ref, pull.draft) == (
        1,
        "autoheal/fix-1",
        "1" * 40,
        "main",
        True,
    )
    assert [p.number for p in repo.get_pulls(state="open", head="octo-org:autoheal/fix-1")] == [1]
    assert [p.number for p in repo.get_pulls(head="octo-org:other")] == []
    assert [p.number for p in repo.get_pulls(head="autoheal/fix-1")] == [1]  # GitHub ignores a bare branch
    pull.edit(title="Fix CI (updated)", body="more", state="closed")
    fresh = repo.get_pull(1)
    assert (fresh.title, fresh.body, fresh.state) == ("Fix CI (updated)", "more", "closed")
    assert [p.number for p in repo.get_pulls(state="closed")] == [1]
    assert http(github_double).get(f"{github_double.url}{REPO}/pulls/99").status_code == 404


def test_pull_already_exists_is_422(github_double: Double) -> None:
    github_double.seed_pull(head="autoheal/fix-1")
    response = http(github_double).post(
        f"{github_double.url}{REPO}/pulls", json={"title": "t", "head": "autoheal/fix-1", "base": "main"}
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "resource": "PullRequest",
            "code": "custom",
            "message": "A pull request already exists for octo-org:autoheal/fix-1.",
        }
    ]
    with pytest.raises(GithubException) as caught:
        pygithub(github_double).get_repo(DEFAULT_REPO).create_pull(
            base="main", head="octo-org:autoheal/fix-1", title="t"
        )
    assert caught.value.status == 422


def test_pull_creation_not_permitted_is_403(github_double: Double) -> None:
    github_double.seed_repo(allow_pr_creation=False)
    response = http(github_double).post(
        f"{github_double.url}{REPO}/pulls", json={"title": "t", "head": "x", "base": "main"}
    )
    assert response.status_code == 403
    assert response.json()["message"] == "GitHub Actions is not permitted to create or approve pull requests."


def test_pull_validation_errors(github_double: Double) -> None:
    session, url = http(github_double), f"{github_double.url}{REPO}/pulls"
    assert session.post(url, json={"head": "x", "base": "main"}).json()["errors"][0]["field"] == "title"
    assert session.post(url, json={"title": "t", "head": "x", "base": "nope"}).json()["errors"][0]["field"] == "base"
    same = session.post(url, json={"title": "t", "head": "main", "base": "main"}).json()
    assert same["errors"][0]["message"] == "No commits between main and main"
    github_double.settings.require_head_ref = True
    assert (
        session.post(url, json={"title": "t", "head": "ghost", "base": "main"}).json()["errors"][0]["field"] == "head"
    )
    assert session.get(url, params={"state": "bogus"}).status_code == 422


# --- git refs, branches, contents --------------------------------------------------------------


def test_git_refs_lifecycle(github_double: Double) -> None:
    repo = pygithub(github_double).get_repo(DEFAULT_REPO)
    ref = repo.create_git_ref("refs/heads/autoheal/x", "a" * 40)
    assert (ref.ref, ref.object.sha) == ("refs/heads/autoheal/x", "a" * 40)
    ref.edit("b" * 40, force=True)
    assert repo.get_git_ref("heads/autoheal/x").object.sha == "b" * 40
    assert repo.get_branch("autoheal/x").commit.sha == "b" * 40
    ref.delete()
    with pytest.raises(UnknownObjectException):
        repo.get_git_ref("heads/autoheal/x").object
    session, url = http(github_double), f"{github_double.url}{REPO}/git/refs"
    exists = session.post(url, json={"ref": "refs/heads/main", "sha": "c" * 40})
    assert (exists.status_code, exists.json()["message"]) == (422, "Reference already exists")
    assert session.post(url, json={"ref": "main", "sha": "c" * 40}).status_code == 422
    assert session.post(url, json={"ref": "refs/heads/y", "sha": "short"}).status_code == 422
    assert session.patch(f"{url}/heads/gone", json={"sha": "c" * 40}).json()["message"] == "Reference does not exist"
    assert session.delete(f"{url}/heads/gone").status_code == 422
    missing = session.get(f"{github_double.url}{REPO}/branches/gone")
    assert (missing.status_code, missing.json()["message"]) == (404, "Branch not found")


def test_contents(github_double: Double) -> None:
    github_double.seed_file(".github/workflows/ci.yml", "on: push\n")
    repo = pygithub(github_double).get_repo(DEFAULT_REPO)
    file = repo.get_contents(".github/workflows/ci.yml")
    folder = repo.get_contents(".github/workflows")
    assert not isinstance(file, list) and file.decoded_content == b"on: push\n"
    assert isinstance(folder, list) and [c.path for c in folder] == [".github/workflows/ci.yml"]
    assert http(github_double).get(f"{github_double.url}{REPO}/contents/nope").status_code == 404


# --- fault injection, request log ----------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503, 404, 410, 422])
def test_status_faults(github_double: Double, status: int) -> None:
    github_double.fault(status, r"/issues$", method="POST")
    session, url = http(github_double), f"{github_double.url}{REPO}/issues"
    assert session.get(url).status_code == 200  # method does not match
    failed = session.post(url, json={"title": "t"})
    assert failed.status_code == status and failed.json()["status"] == str(status)
    assert session.post(url, json={"title": "t"}).status_code == 201  # count=1 consumed


def test_secondary_rate_limit_and_429_carry_retry_after(github_double: Double) -> None:
    github_double.fault("secondary_rate_limit", "/search/", retry_after=7)
    github_double.fault(429, "/search/")
    session, url = http(github_double), f"{github_double.url}/search/issues"
    secondary = session.get(url, params={"q": "is:issue"})
    too_many = session.get(url, params={"q": "is:issue"})
    assert (secondary.status_code, secondary.headers["Retry-After"]) == (403, "7")
    assert secondary.json()["message"].startswith("You have exceeded a secondary rate limit")
    assert Requester.isSecondaryRateLimitError(secondary.json()["message"])
    assert (too_many.status_code, too_many.headers["Retry-After"]) == (429, "60")


def test_primary_rate_limit_fault(github_double: Double) -> None:
    github_double.fault("primary_rate_limit", reset_in=30)
    response = http(github_double).get(f"{github_double.url}{REPO}")
    assert response.status_code == 403 and response.headers["X-RateLimit-Remaining"] == "0"
    assert 0 < int(response.headers["X-RateLimit-Reset"]) - time.time() <= 31
    assert Requester.isPrimaryRateLimitError(response.json()["message"])


def test_issues_disabled_fault_slow_fault_and_html_body(github_double: Double) -> None:
    session, url = http(github_double), f"{github_double.url}{REPO}"
    github_double.fault("issues_disabled", "/issues")
    assert session.get(f"{url}/issues").json()["message"] == "Issues are disabled for this repo"
    github_double.fault("slow", delay=0.3, count=None, path=r"^/repos/[^/]+/[^/]+$")
    started = time.monotonic()
    assert session.get(url).status_code == 200
    assert time.monotonic() - started >= 0.3
    github_double.clear_faults()
    github_double.fault(502, body="<html>Unicorn!</html>")
    page = session.get(url)
    assert page.status_code == 502 and page.headers["Content-Type"].startswith("text/html")


def test_a_held_request_waits_for_release_while_others_are_answered(github_double: Double) -> None:
    github_double.seed_issue(title="t")
    held = github_double.fault("hold", r"/issues/1$", method="PATCH")
    answers: list[int] = []
    patch = threading.Thread(
        target=lambda: answers.append(
            http(github_double).patch(f"{github_double.url}{REPO}/issues/1", json={"body": "x"}).status_code
        )
    )
    patch.start()
    held.wait_arrived(timeout=10)
    assert http(github_double).get(f"{github_double.url}{REPO}/issues/1").json()["body"] != "x"  # not applied yet
    assert answers == []
    held.release()
    patch.join(10)
    assert answers == [200] and github_double.issue(1).body == "x"


def test_log_download_can_fail_too(github_double: Double) -> None:
    run = failed_run(github_double)
    github_double.fault(503, r"^/_blobs/")
    session, url = http(github_double), f"{github_double.url}{REPO}/actions/runs/{run.id}/logs"
    assert session.get(url).status_code == 503
    assert session.get(url).status_code == 200
    assert [c.status for c in github_double.calls(path_re="^/_blobs/")] == [503, 200]


def test_pygithub_retries_injected_server_errors(github_double: Double) -> None:
    github_double.fault(502, count=2)
    github_double.fault("secondary_rate_limit", retry_after=0)
    repo = pygithub(github_double, retry=GithubRetry(total=5, backoff_factor=0), lazy=False).get_repo(DEFAULT_REPO)
    assert repo.full_name == DEFAULT_REPO
    assert [c.status for c in github_double.calls("GET")] == [502, 502, 403, 200]


def test_request_log_filters(github_double: Double) -> None:
    session = http(github_double)
    session.get(f"{github_double.url}{REPO}")
    session.post(f"{github_double.url}{REPO}/issues", json={"title": "t"})
    session.get(f"{github_double.url}{REPO}/issues", params={"state": "all"})
    assert len(github_double.calls()) == 3
    assert [(c.method, c.status) for c in github_double.calls(path_re=r"/issues")] == [("POST", 201), ("GET", 200)]
    assert github_double.calls("post")[0].body == {"title": "t"}
    assert github_double.calls("GET", r"/issues$")[0].query == {"state": "all"}
    assert github_double.calls("GET", r"/issues$")[0].template == "/repos/{owner}/{repo}/issues"
    with pytest.raises(re.error):
        github_double.fault(500, "(")


# --- state, admin endpoints, standalone ----------------------------------------------------------


def test_state_round_trips_through_json(github_double: Double, tmp_path: Path) -> None:
    run = failed_run(github_double)
    github_double.seed_pull(head="fix")
    github_double.seed_issue(title="t", comments=["c"], labels=["bug"])
    github_double.seed_collaborator("alice", "triage")
    path = tmp_path / "state.json"
    github_double.save_state(path)
    restored = State.from_json(json.loads(path.read_text()))
    assert restored.to_json() == github_double.dump_state()
    assert restored.repo(DEFAULT_REPO).runs[run.id].attempts[1].conclusion == "failure"  # type: ignore[union-attr]
    with Double(restored, token="other") as second:
        got = requests.get(f"{second.url}{REPO}/actions/runs/{run.id}/logs", headers={"Authorization": "Bearer other"})
        assert zipfile.ZipFile(io.BytesIO(got.content)).namelist() == ["1_lint.txt", "2_test  py3.12.txt"]


def test_admin_endpoints(github_double: Double) -> None:
    admin = f"{github_double.url}/_double"
    logs = base64.b64encode(build_run_zip([ZipJob("build", "E: boom\n")])).decode()
    seeded = requests.post(
        f"{admin}/seed",
        json={
            "settings": {"search_lag_requests": 1},
            "runs": [
                {
                    "name": "CI",
                    "conclusion": "failure",
                    "logs_zip_b64": logs,
                    "jobs": [{"name": "build", "conclusion": "failure"}],
                }
            ],
            "issues": [{"title": "seeded", "labels": ["autoheal"]}],
            "collaborators": [{"login": "alice", "permission": "maintain"}],
        },
    ).json()["created"]
    run_id = seeded["runs"][0]
    assert seeded["issues"] == [1] and github_double.settings.search_lag_requests == 1
    session = http(github_double)
    zipped = session.get(f"{github_double.url}{REPO}/actions/runs/{run_id}/logs").content
    assert zipfile.ZipFile(io.BytesIO(zipped)).read("1_build.txt") == b"E: boom\n"
    assert requests.post(f"{admin}/faults", json={"kind": 503, "path": "/pulls", "count": 2}).status_code == 200
    assert [f["kind"] for f in requests.get(f"{admin}/faults").json()] == [503]
    assert session.get(f"{github_double.url}{REPO}/pulls").status_code == 503
    assert requests.delete(f"{admin}/faults").status_code == 200
    assert session.get(f"{github_double.url}{REPO}/pulls").status_code == 200
    logged = requests.get(f"{admin}/requests").json()
    assert [c["status"] for c in logged][-2:] == [503, 200] and not any(
        c["path"].startswith("/_double") for c in logged
    )
    state = requests.get(f"{admin}/state").json()
    assert state["repos"][DEFAULT_REPO]["collaborators"] == {"alice": "maintain"}
    assert requests.put(f"{admin}/state", json=state).json() == {"loaded": True}
    assert requests.get(f"{admin}/violations").json() == []
    assert requests.post(f"{admin}/seed", json={"bogus": []}).status_code == 400
    assert requests.post(f"{admin}/faults", json={"kind": "meteor"}).status_code == 400
    assert requests.post(f"{admin}/save").status_code == 400  # started without a state file
    assert requests.get(f"{admin}/nothing").status_code == 404


def test_standalone_server(tmp_path: Path) -> None:
    state_file = tmp_path / "state.json"
    with Double() as seeded:
        seeded.seed_issue(title="from file")
        seeded.save_state(state_file)
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.double", "--port", "0", "--state", str(state_file), "--token", "T"],
        cwd=root,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url)
        issues = requests.get(f"{url}{REPO}/issues", headers={"Authorization": "token T"}, timeout=5).json()
        assert [i["title"] for i in issues] == ["from file"]
        requests.post(f"{url}/_double/seed", json={"issues": [{"title": "added"}]}, timeout=5)
        assert requests.post(f"{url}/_double/save", timeout=5).json() == {"saved": str(state_file)}
        assert len(json.loads(state_file.read_text())["repos"][DEFAULT_REPO]["issues"]) == 2
    finally:
        process.terminate()
        process.wait(timeout=5)


# --- zips --------------------------------------------------------------------------------------


def test_sanitize_name_matches_githubs_archive_names() -> None:
    assert sanitize_name("cool job / with slash") == "cool job  with slash"
    assert sanitize_name("cool job : with colon") == "cool job  with colon"
    assert sanitize_name("thisisnineteenchars_" * 5) == ("thisisnineteenchars_" * 5)[:90]
    emoji = sanitize_name("Emoji Test " + "😅" * 50)
    assert emoji == "Emoji Test " + "😅" * 39 + "\ufffd"
    real = shared_dir() / "github" / "logs" / "gh-cli-fixture-run_log.zip"
    if real.exists():
        folders = {name.split("/")[0] for name in zipfile.ZipFile(real).namelist()}
        assert {emoji, sanitize_name("thisisnineteenchars_" * 5), "cool job  with slash"} <= folders


def test_build_run_zip_layouts() -> None:
    job = ZipJob("test: unit/fast", steps=(ZipStep(1, "Set up job", "a\n"), ZipStep(3, "Run: pytest", "b\n")))
    jobs_only = zipfile.ZipFile(io.BytesIO(build_run_zip([job, {"name": "lint", "log": "ok\n"}])))
    assert jobs_only.namelist() == ["1_test unitfast.txt", "2_lint.txt"]
    assert jobs_only.read("1_test unitfast.txt") == b"a\nb\n"
    both = zipfile.ZipFile(io.BytesIO(build_run_zip([job], "jobs+steps", dir_entries=True)))
    assert both.namelist() == [
        "1_test unitfast.txt",
        "test unitfast/",
        "test unitfast/1_Set up job.txt",
        "test unitfast/3_Run pytest.txt",
    ]
    steps = zipfile.ZipFile(io.BytesIO(build_run_zip([job], "steps", macos_junk=True)))
    assert "test unitfast/.DS_Store" in steps.namelist() and "1_test unitfast.txt" not in steps.namelist()
    legacy = zipfile.ZipFile(io.BytesIO(build_run_zip([job], legacy_ordinals=True)))
    assert legacy.namelist() == ["-9999999999_test unitfast.txt"]


def test_timestamped_lines() -> None:
    text = timestamped(["##[group]Run pytest", "##[error]Process completed with exit code 1."])
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ##\[group\]Run pytest\n", text)
    assert text.count("\n") == 2


# --- OpenAPI conformance -----------------------------------------------------------------------


def test_nullable_conversion() -> None:
    assert to_json_schema({"type": "string", "nullable": True, "example": "x"}) == {"type": ["string", "null"]}
    assert to_json_schema({"type": "string", "enum": ["a"], "nullable": True}) == {
        "type": ["string", "null"],
        "enum": ["a", None],
    }
    assert to_json_schema({"allOf": [{"type": "object"}], "nullable": True, "x-github": {}}) == {
        "anyOf": [{"allOf": [{"type": "object"}]}, {"type": "null"}]
    }


@needs_spec
def test_routes_are_exactly_the_operations_of_the_subset() -> None:
    """Every operation of the subset is served; every route is described (subset, additions or local)."""
    routes = {(r.method, r.template) for r in ROUTES}
    subset = OpenAPI(json.loads(spec_path().read_text(encoding="utf-8")))
    assert set(subset.operations()) <= routes
    assert routes <= set(OpenAPI.load().operations())


@needs_spec
def test_validator_catches_broken_bodies(github_double: Double, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = OpenAPI.load()
    assert spec.validate_response("GET", "/repos/{owner}/{repo}/labels/{name}", 200, {"id": "x"})
    assert spec.validate_response("GET", "/repos/{owner}/{repo}/actions/runs/{run_id}/logs", 200, None)
    assert spec.validate_response("GET", "/repos/{owner}/{repo}/actions/runs/{run_id}/logs", 302, None, {}) == [
        "documented header Location is missing"
    ]
    original = Renderer.label
    monkeypatch.setattr(Renderer, "label", lambda self, repo, label: {**original(self, repo, label), "color": None})
    github_double.seed_label("bug")
    http(github_double).get(f"{github_double.url}{REPO}/labels/bug")
    http(github_double).get(f"{github_double.url}/not/an/endpoint")
    kinds = sorted(v.kind for v in github_double.schema_violations)
    github_double.schema_violations.clear()
    assert kinds == ["response", "unknown-endpoint"]


@needs_spec
def test_every_operation_conforms_to_the_openapi_description(github_double: Double) -> None:
    """Drive every operation through its happy and error paths; all answers must validate."""
    exercise_everything(github_double)
    operations = {(r.method, r.template) for r in ROUTES}  # the subset's and the extra ones served
    answered = {(method, template) for method, template, _ in github_double.exercised}
    assert operations - answered == set()
    assert github_double.schema_violations == []
    statuses = {(m, t): sorted(s for mm, tt, s in github_double.exercised if (mm, tt) == (m, t)) for m, t in operations}
    assert [op for op, codes in statuses.items() if not any(200 <= s < 400 for s in codes)] == []
    assert len(github_double.exercised) >= 80


def exercise_graphql(double: Double, s: Any, pull_number: int) -> None:
    pr = s.get(f"{double.url}{REPO}/pulls/{pull_number}").json()
    ready = "mutation($id: ID!) { markPullRequestReadyForReview(input: {pullRequestId: $id}) { clientMutationId } }"
    s.post(f"{double.url}/graphql", json={"query": ready, "variables": {"id": pr["node_id"]}})
    s.post(f"{double.url}/graphql", json={"query": ready, "variables": {"id": "nope"}})
    s.post(f"{double.url}/graphql", json={"query": "{ viewer { login } }"})


def exercise_everything(double: Double) -> None:
    run = failed_run(double, artifacts=[{"name": "report"}], run_attempt=2)
    job = next(j for j in double.repo().jobs.values() if j.conclusion == "failure" and j.run_attempt == 2)
    job.annotations.append({"path": "a.py", "message": "m"})
    double.seed_issue(title="old", labels=["autoheal"], comments=["hello"])
    double.seed_pull(head="existing")
    double.seed_collaborator("alice", "maintain")
    double.seed_file("README.md", "hi\n")
    s, api = http(double), f"{double.url}{REPO}"
    runs = f"{api}/actions/runs/{run.id}"
    for path in (
        "",
        "/branches/main",
        "/branches/none",
        "/contents/README.md",
        "/contents/none",
        "/collaborators/alice/permission",
        "/collaborators/zed/permission",
        "/git/ref/heads/main",
        "/git/ref/heads/none",
        "/actions/workflows",
        "/actions/workflows/ci.yml",
        "/actions/workflows/ci.yml/runs",
        "/actions/runs",
        f"/actions/runs/{run.id}",
        f"/actions/runs/{run.id}/attempts/1",
        f"/actions/runs/{run.id}/attempts/1/jobs",
        f"/actions/runs/{run.id}/attempts/5/jobs",
        f"/actions/runs/{run.id}/jobs?filter=all",
        f"/actions/runs/{run.id}/artifacts",
        f"/actions/jobs/{job.id}",
        f"/check-runs/{job.id}/annotations",
        "/issues?per_page=1",
        "/issues?state=bad",
        "/issues/1",
        "/issues/404",
        "/issues/1/comments",
        "/issues/1/events",
        "/labels",
        "/labels/autoheal",
        "/labels/none",
        "/pulls",
        "/pulls?state=bad",
        "/pulls/2",
        "/pulls/404",
        "/actions/permissions",  # 403: GITHUB_TOKEN may not read the Actions settings
        "/actions/permissions/workflow",
    ):
        s.get(f"{api}{path}", allow_redirects=False)
    double.add_token("ghp_exercise_admin", "alice", scopes="repo", administration=True)
    for path in ("/actions/permissions", "/actions/permissions/workflow"):
        s.get(f"{api}{path}", headers={"Authorization": "token ghp_exercise_admin"})
    for path in ("/logs", "/attempts/1/logs", "/attempts/2/logs"):
        s.get(f"{runs}{path}", allow_redirects=False)
    s.get(f"{api}/actions/jobs/{job.id}/logs", allow_redirects=False)
    s.get(f"{double.url}/rate_limit")
    s.get(f"{double.url}/search/issues", params={"q": "repo:octo-org/octo-repo is:issue old"})
    s.get(f"{double.url}/search/issues", params={"q": ""})
    s.post(f"{runs}/rerun-failed-jobs")
    s.post(f"{api}/actions/jobs/{job.id}/rerun")  # 403: the re-run is still going
    double.finish_attempt(run.id)
    s.post(f"{api}/actions/jobs/{job.id}/rerun")
    s.post(f"{api}/actions/workflows/ci.yml/dispatches", json={"ref": "main"})  # 422: no workflow_dispatch
    double.seed_file(".github/workflows/ci.yml", "on: [push, workflow_dispatch]\n")
    s.post(f"{api}/actions/workflows/ci.yml/dispatches", json={"ref": "main"})
    s.post(f"{api}/actions/workflows/ci.yml/dispatches", json={"ref": "main", "return_run_details": True})
    s.post(f"{api}/issues", json={"title": "new", "body": "b", "labels": ["autoheal"]})
    s.post(f"{api}/issues", json={"title": "t", "body": "x" * 70000})
    s.patch(f"{api}/issues/1", json={"state": "closed", "state_reason": "not_planned"})
    s.patch(f"{api}/issues/1", json={"state": "bad"})
    s.patch(f"{api}/issues/404", json={"state": "closed"})
    s.post(f"{api}/issues/1/assignees", json={"assignees": ["alice"]})
    comment = s.post(f"{api}/issues/1/comments", json={"body": "c"}).json()
    s.post(f"{api}/issues/1/comments", json={"body": ""})
    s.post(f"{api}/issues/404/comments", json={"body": "c"})
    s.patch(f"{api}/issues/comments/{comment['id']}", json={"body": "edited"})
    s.patch(f"{api}/issues/comments/{comment['id']}", json={"body": "x" * 70000})
    s.get(f"{api}/issues/404/comments")
    s.post(f"{api}/issues/1/labels", json={"labels": ["x"]})
    s.post(f"{api}/issues/1/labels", json={"labels": []})
    s.post(f"{api}/issues/404/labels", json={"labels": ["x"]})
    s.delete(f"{api}/issues/1/labels/x")
    s.delete(f"{api}/issues/1/labels/x")
    s.post(f"{api}/labels", json={"name": "fresh", "color": "00ff00"})
    s.post(f"{api}/labels", json={"name": "fresh", "color": "00ff00"})
    s.post(f"{api}/pulls", json={"title": "p", "head": "feature", "base": "main"})
    s.post(f"{api}/pulls", json={"title": "p", "head": "feature", "base": "main"})
    s.patch(f"{api}/pulls/2", json={"body": "updated", "state": "closed"})
    s.patch(f"{api}/pulls/2", json={"state": "bad"})
    s.post(f"{api}/git/refs", json={"ref": "refs/heads/new", "sha": "d" * 40})
    s.post(f"{api}/git/refs", json={"ref": "refs/heads/new", "sha": "d" * 40})
    s.patch(f"{api}/git/refs/heads/new", json={"sha": "e" * 40, "force": True})
    s.patch(f"{api}/git/refs/heads/none", json={"sha": "e" * 40})
    s.delete(f"{api}/git/refs/heads/new")
    s.delete(f"{api}/git/refs/heads/new")
    s.post(f"{api}/labels", json={"name": "gone", "color": "ededed"})
    s.delete(f"{api}/labels/gone")
    s.delete(f"{api}/labels/gone")
    s.get(f"{api}/commits/{'0' * 40}/pulls")
    commits = [{"message": "fix", "author_name": "a", "author_email": "a@x", "committer_name": "a"}]
    pull = double.seed_pull(head="with-commits", draft=True, commits=commits)
    s.get(f"{api}/pulls/{pull.number}/commits")
    s.get(f"{api}/pulls/404/commits")
    exercise_graphql(double, s, pull.number)
    old = double.seed_run(created_at="2020-01-01T00:00:00Z")
    s.post(f"{api}/actions/runs/{old.id}/rerun-failed-jobs")  # 403: over 30 days old
    double.seed_repo(allow_pr_creation=False, issues_enabled=False)
    s.post(f"{api}/pulls", json={"title": "p", "head": "other", "base": "main"})
    for path in ("/issues/1", "/issues/1/comments", "/issues/1/events"):
        s.get(f"{api}{path}")
    s.post(f"{api}/issues", json={"title": "t"})
    s.patch(f"{api}/issues/1", json={"title": "t"})
    for fault in (500, 502, 503, "secondary_rate_limit", 429, "primary_rate_limit"):
        double.fault(fault, r"/issues/1$")
        s.get(f"{api}/issues/1")
    requests.get(f"{api}/issues/1")


def test_applied_fault_makes_the_write_then_loses_the_answer(github_double: Double) -> None:
    session = http(github_double)
    github_double.fault(502, r"/issues$", method="POST", apply=True)
    assert session.post(f"{github_double.url}{REPO}/issues", json={"title": "t"}).status_code == 502
    assert len(github_double.issues()) == 1  # applied although the client saw a 502
    github_double.fault("reset", r"/comments$", method="POST", apply=True)
    with pytest.raises(requests.ConnectionError):
        session.post(f"{github_double.url}{REPO}/issues/1/comments", json={"body": "hi"})
    assert [c.body for c in github_double.issue(1).comments] == ["hi"]
    github_double.fault("reset", r"/issues$", method="POST")  # not applied: lost on the way in
    with pytest.raises(requests.ConnectionError):
        session.post(f"{github_double.url}{REPO}/issues", json={"title": "t"})
    assert len(github_double.issues()) == 1


def test_ghes_prefix_serves_the_api_under_api_v3() -> None:
    with Double(api_prefix="/api/v3") as double:
        session = http(double)
        assert double.url.endswith("/api/v3")
        double.seed_issue(title="a", labels=["autoheal"])
        double.seed_issue(title="b", labels=["autoheal"])
        page = session.get(f"{double.url}{REPO}/issues", params={"per_page": 1})
        assert page.status_code == 200 and f"{double.url}{REPO}/issues?" in page.headers["Link"]
        assert page.json()[0]["url"].startswith(f"{double.url}{REPO}/issues/")
        assert session.get(f"{double.base_url}{REPO}").status_code == 404  # not under the prefix


def test_labels_delete_and_contents_honour_ref(github_double: Double) -> None:
    session = http(github_double)
    github_double.seed_label("lock")
    github_double.seed_issue(title="a", labels=["lock", "autoheal"])
    assert session.delete(f"{github_double.url}{REPO}/labels/lock").status_code == 204
    assert github_double.issue(1).labels == ["autoheal"]
    assert session.delete(f"{github_double.url}{REPO}/labels/lock").status_code == 404
    github_double.seed_file(".github/autoheal.yml", "report: {}\n")
    url = f"{github_double.url}{REPO}/contents/.github/autoheal.yml"
    assert session.get(url, params={"ref": "main"}).status_code == 200
    assert session.get(url, params={"ref": "elsewhere"}).status_code == 404


def test_pulls_of_a_commit_include_fork_heads(github_double: Double) -> None:
    sha = "c" * 40
    github_double.seed_pull(head="patch-1", head_repo="someone/octo-repo", head_sha=sha)
    github_double.seed_pull(head="other")
    found = http(github_double).get(f"{github_double.url}{REPO}/commits/{sha}/pulls").json()
    assert [(p["number"], p["head"]["repo"]["full_name"]) for p in found] == [(1, "someone/octo-repo")]


def test_actions_settings_need_administration_and_classic_tokens_get_their_scopes(github_double: Double) -> None:
    github_double.seed_repo(DEFAULT_REPO, allow_pr_creation=False, actions_enabled=False)
    github_double.add_token("ghp_admin", "alice", scopes="repo, workflow", administration=True)
    api = f"{github_double.url}{REPO}"
    denied = http(github_double).get(f"{api}/actions/permissions/workflow")
    assert denied.status_code == 403 and denied.json()["message"] == "Resource not accessible by integration"
    assert "X-OAuth-Scopes" not in denied.headers
    admin = requests.Session()
    admin.headers["Authorization"] = "token ghp_admin"
    answer = admin.get(f"{api}/actions/permissions/workflow")
    assert answer.json() == {"default_workflow_permissions": "read", "can_approve_pull_request_reviews": False}
    assert answer.headers["X-OAuth-Scopes"] == "repo, workflow"
    assert admin.get(f"{api}/actions/permissions").json() == {"enabled": False}
