"""The one adapter over the GitHub REST API: typed calls to the endpoints autoheal uses.

Every call goes through the transport (``autoheal._github_http``, with this module the only
importers of PyGithub and requests) so that auth, base URL (GitHub Enterprise Server via
``GITHUB_API_URL``), timeouts and retries are shared; the core gets plain dataclasses back,
never PyGithub objects. Retries: 5xx, 429 and secondary rate limits (honouring ``Retry-After``
and the reset header), never other 4xx; a POST only when GitHub said it did nothing, so an
ambiguous failure is looked up before trying again (``create_pull``). The token is never put
in a message.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote

from autoheal._github_http import DEFAULT_API_URL, Transport
from autoheal.errors import GitHubError
from autoheal.ghtypes import Comment, CommitIdentity, Issue, Job, Pull, Repo, issue_of, job_of, pull_of

__all__ = ["DEFAULT_API_URL", "Client"]


class Client(Transport):
    """Narrow typed access to the REST endpoints autoheal uses."""

    # -- repository, runs, jobs, logs -----------------------------------------
    def get_repo(self) -> Repo:
        return self.repo_and_scopes()[0]

    def repo_and_scopes(self) -> tuple[Repo, str | None]:
        """The repository, and the token's scopes when it is a classic PAT or OAuth token (GitHub's
        ``X-OAuth-Scopes`` answer header), else None: fine-grained and installation tokens have none.
        https://docs.github.com/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps"""
        headers, data = self.request("GET", self._url(""))
        found = {k.lower(): v for k, v in headers.items()}.get("x-oauth-scopes")
        repo = Repo(data["full_name"], data.get("default_branch") or "main", data.get("html_url", ""))
        return repo, None if found is None else str(found)

    def actions_permissions(self) -> dict[str, Any]:
        """Whether Actions is enabled and which actions may run (needs Administration: read)."""
        return self.request("GET", self._url("/actions/permissions"))[1]  # type: ignore[no-any-return]

    def workflow_permissions(self) -> dict[str, Any]:
        """GITHUB_TOKEN's default permissions and whether Actions may create and approve pull
        requests (``can_approve_pull_request_reviews``; needs Administration: read)."""
        return self.request("GET", self._url("/actions/permissions/workflow"))[1]  # type: ignore[no-any-return]

    def get_run(self, run_id: int) -> dict[str, Any]:
        return self.request("GET", self._url(f"/actions/runs/{int(run_id)}"))[1]  # type: ignore[no-any-return]

    def list_jobs(self, run_id: int, attempt: int) -> list[Job]:
        path = f"/actions/runs/{int(run_id)}/attempts/{int(attempt)}/jobs"
        return [job_of(j) for j in self.paginate(path, {}, key="jobs")]

    def run_logs(self, run_id: int, attempt: int) -> bytes | None:
        return self._download(self._url(f"/actions/runs/{int(run_id)}/attempts/{int(attempt)}/logs"))

    def job_log(self, job_id: int) -> bytes | None:
        return self._download(self._url(f"/actions/jobs/{int(job_id)}/logs"))

    def latest_run_logs(self, run_id: int, limit: int) -> bytes | None:
        """The logs zip of the run's latest attempt, at most ``limit`` bytes (GitHubError past it).
        https://docs.github.com/rest/actions/workflow-runs#download-workflow-run-logs"""
        return self._download(self._url(f"/actions/runs/{int(run_id)}/logs"), limit)

    def successful_runs(self, workflow_id: int, per_page: int) -> list[dict[str, Any]]:
        """The newest successful runs of one workflow: ONE request, no pagination.
        https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow"""
        path = f"/actions/workflows/{int(workflow_id)}/runs"
        _, data = self.request("GET", self._url(path), {"status": "success", "per_page": int(per_page)})
        return list(data.get("workflow_runs") or [])

    # -- issues, comments, labels ----------------------------------------------
    def list_issues(self, label: str, state: str = "all", limit: int = 500) -> Iterator[Issue]:
        params = {"labels": label, "state": state, "sort": "created", "direction": "desc"}
        for item in self.paginate("/issues", params, limit=limit):
            yield issue_of(item)

    def get_issue(self, number: int) -> Issue:
        return issue_of(self.request("GET", self._url(f"/issues/{int(number)}"))[1])

    def create_issue(self, title: str, body: str, labels: list[str]) -> Issue:
        payload = {"title": title, "body": body, "labels": labels}
        return issue_of(self.request("POST", self._url("/issues"), body=payload)[1])

    def update_issue(self, number: int, **fields: Any) -> Issue:
        return issue_of(self.request("PATCH", self._url(f"/issues/{int(number)}"), body=fields)[1])

    def comment(self, number: int, body: str) -> str:
        data = self.request("POST", self._url(f"/issues/{int(number)}/comments"), body={"body": body})[1]
        return str(data.get("html_url", ""))

    def list_comments(self, number: int, limit: int = 300) -> list[str]:
        """Bodies of an issue's comments, oldest first."""
        return [c.body for c in self.comments(number, limit)]

    def comments(self, number: int, limit: int = 3000) -> list[Comment]:
        """An issue's comments with their authors, oldest first."""
        return [
            Comment(int(c["id"]), str(c.get("body") or ""), str((c.get("user") or {}).get("login") or ""))
            for c in self.paginate(f"/issues/{int(number)}/comments", {}, limit=limit)
        ]

    def add_labels(self, number: int, labels: list[str]) -> None:
        self.request("POST", self._url(f"/issues/{int(number)}/labels"), body={"labels": labels})

    def label_names(self) -> set[str]:
        return {str(item["name"]) for item in self.paginate("/labels", {})}

    def create_label(self, name: str, color: str, description: str) -> bool:
        """True when this call made the label, False when it exists (422 ``already_exists``).

        GitHub checks the name atomically, which is what makes a label usable as a lock.
        """
        body = {"name": name, "color": color, "description": description}
        return self.unless(422, "POST", self._url("/labels"), body=body)[0]  # 422: it exists (another run made it)

    def label_description(self, name: str) -> str | None:
        """The label's description ("" when it has none), or None when there is no such label."""
        found, data = self.unless(404, "GET", self._url(f"/labels/{quote(name, safe='')}"))
        return str(data.get("description") or "") if found else None

    def delete_label(self, name: str) -> None:
        """https://docs.github.com/rest/issues/labels#delete-a-label (a missing label is fine)."""
        self.unless(404, "DELETE", self._url(f"/labels/{quote(name, safe='')}"))

    # -- contents and commits --------------------------------------------------
    def file_text(self, path: str, ref: str) -> str | None:
        """A text file of the repository at ``ref`` through the contents API; None when absent."""
        data = self._contents(path, ref)
        if data is None or isinstance(data, list) or data.get("type") != "file":
            return None
        try:
            return base64.b64decode(str(data.get("content") or "")).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            raise GitHubError(f"{path} at {ref} is not UTF-8 text") from None

    def dir_files(self, path: str, ref: str) -> list[str] | None:
        """Paths of the files directly in a directory at ``ref``; None when it does not exist."""
        data = self._contents(path, ref)
        if not isinstance(data, list):
            return None
        return [str(item["path"]) for item in data if item.get("type") == "file"]

    def _contents(self, path: str, ref: str) -> Any:
        return self.unless(404, "GET", self._url(f"/contents/{quote(path.strip('/'))}"), {"ref": ref})[1]

    def pulls_for_commit(self, sha: str) -> list[Pull]:
        """Pull requests whose head is ``sha``, forks included (``workflow_run.pull_requests`` omits those)."""
        return [pull_of(item) for item in self.paginate(f"/commits/{quote(sha, safe='')}/pulls", {}, limit=100)]

    def permission(self, user: str) -> str:
        """The user's permission on the repository: admin, maintain, write, triage, read or none."""
        found, data = self.unless(404, "GET", self._url(f"/collaborators/{quote(user, safe='')}/permission"))
        return str(data.get("role_name") or data.get("permission") or "none") if found else "none"

    # -- pull requests ---------------------------------------------------------
    def find_pull(self, head_branch: str, state: str = "open") -> Pull | None:
        owner = self.repo.split("/")[0]
        for item in self.paginate("/pulls", {"head": f"{owner}:{head_branch}", "state": state}, limit=100):
            return pull_of(item)
        return None

    def list_pulls(self, state: str = "closed", limit: int = 300) -> Iterator[Pull]:
        for item in self.paginate("/pulls", {"state": state, "sort": "created", "direction": "desc"}, limit=limit):
            yield pull_of(item)

    def create_pull(self, title: str, body: str, head: str, base: str, draft: bool = True) -> Pull:
        """Open a PR; when the answer is lost, the PR of ``head`` is looked up before trying again."""
        payload = {"title": title, "body": body, "head": head, "base": base, "draft": draft}
        for attempt in range(self.retries + 1):
            try:
                return pull_of(self.request("POST", self._url("/pulls"), body=payload)[1])
            except GitHubError as exc:
                if not exc.ambiguous or attempt == self.retries:
                    raise
            found = self.find_pull(head)
            if found is not None:
                return found
            time.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def update_pull(self, number: int, **fields: Any) -> Pull:
        return pull_of(self.request("PATCH", self._url(f"/pulls/{int(number)}"), body=fields)[1])

    def request_reviewers(self, number: int, reviewers: list[str]) -> None:
        self.request("POST", self._url(f"/pulls/{int(number)}/requested_reviewers"), body={"reviewers": reviewers})

    def pull_commits(self, number: int, limit: int = 250) -> list[CommitIdentity]:
        """https://docs.github.com/rest/pulls/pulls#list-commits-on-a-pull-request (at most 250)."""
        found = []
        for item in self.paginate(f"/pulls/{int(number)}/commits", {}, limit=limit):
            commit = item.get("commit") or {}
            author, committer = commit.get("author") or {}, commit.get("committer") or {}
            found.append(
                CommitIdentity(
                    str(item.get("sha") or ""),
                    (str(author.get("name") or ""), str(author.get("email") or "")),
                    (str(committer.get("name") or ""), str(committer.get("email") or "")),
                )
            )
        return found

    def delete_branch(self, branch: str) -> None:
        """https://docs.github.com/rest/git/refs#delete-a-reference (a branch already gone is fine)."""
        self.unless(422, "DELETE", self._url(f"/git/refs/heads/{quote(branch)}"))  # 422 "Reference does not exist"

    # -- actions and agents ----------------------------------------------------
    def list_runs(self, params: Mapping[str, Any] | None = None, limit: int = 1000) -> Iterator[dict[str, Any]]:
        """Workflow runs, newest first (https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-repository)."""
        yield from self.paginate("/actions/runs", dict(params or {}), key="workflow_runs", limit=limit)

    def rerun_failed_jobs(self, run_id: int) -> None:
        """https://docs.github.com/rest/actions/workflow-runs#re-run-failed-jobs-from-a-workflow-run"""
        self.request("POST", self._url(f"/actions/runs/{int(run_id)}/rerun-failed-jobs"), body={})

    def graphql(self, query: str, variables: Mapping[str, Any]) -> dict[str, Any]:
        """One GraphQL call (what REST cannot do: ready for review, pins). Errors raise."""
        base = self.api_url.rstrip("/")
        # GHES serves REST at /api/v3 and GraphQL at /api/graphql.
        url = base[: -len("/v3")] + "/graphql" if base.endswith("/api/v3") else base + "/graphql"
        data = self.request("POST", url, body={"query": query, "variables": dict(variables)})[1]
        errors = data.get("errors") if isinstance(data, dict) else None
        if errors:
            first = errors[0] if isinstance(errors[0], dict) else {}
            raise GitHubError(f"GraphQL: {first.get('message') or errors[0]}", 422)
        return dict(data.get("data") or {})

    def dispatch_workflow(self, workflow: str, ref: str) -> str:
        """Start ``workflow`` (id or file name) on ``ref``; the run's html_url ("" on a 204)."""
        path = f"/actions/workflows/{quote(workflow, safe='')}/dispatches"
        data = self.request("POST", self._url(path), body={"ref": ref, "return_run_details": True})[1]
        return str(data.get("html_url") or "") if isinstance(data, dict) else ""

    def assign_agent(self, number: int, assignee: str, assignment: Mapping[str, str]) -> list[str]:
        """Assign a coding agent with its task options; the issue's assignees afterwards (GitHub
        silently ignores an assignee it cannot assign)."""
        body = {"assignees": [assignee], "agent_assignment": dict(assignment)}
        data = self.request("POST", self._url(f"/issues/{int(number)}/assignees"), body=body)[1]
        return [str(a.get("login") or "") for a in data.get("assignees") or [] if isinstance(a, dict)]
