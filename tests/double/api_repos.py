"""Repository-level operations: the repo, branches, contents, collaborators, git refs, rate limit."""

from __future__ import annotations

import re
from typing import Any

from .routing import ApiError, Ctx, Reply, Route, not_found, validation_failed

# GitHub's "permission" keeps the legacy roles: maintain reads as write, triage as read.
LEGACY_PERMISSION = {
    "admin": "admin",
    "maintain": "write",
    "write": "write",
    "triage": "read",
    "read": "read",
    "none": "none",
}
ROLE_ORDER = ("none", "read", "triage", "write", "maintain", "admin")
SHA = re.compile(r"^[0-9a-f]{40}$")
REFS_DOCS = "https://docs.github.com/rest/git/refs"


def rate_limit(ctx: Ctx) -> Reply:
    resources = {name: dict(values) for name, values in ctx.rates.items()}
    return Reply(200, {"resources": resources, "rate": resources["core"]})


def get_repo(ctx: Ctx) -> Reply:
    return Reply(200, ctx.render.repository(ctx.repo().full_name))


ACTIONS_PERMISSIONS_DOCS = "https://docs.github.com/rest/actions/permissions"


def _administration(ctx: Ctx) -> None:
    """The Actions settings need Administration: read; GITHUB_TOKEN and most tokens lack it."""
    token = ctx.token
    if token is None or not token.administration:
        message = (
            "Resource not accessible by integration"
            if token is None or token.kind != "pat"
            else ("Resource not accessible by personal access token")
        )
        raise ApiError(403, message, docs=ACTIONS_PERMISSIONS_DOCS)


def actions_permissions(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    _administration(ctx)
    body: dict[str, Any] = {"enabled": repo.actions_enabled}
    if repo.actions_enabled:
        body["allowed_actions"] = repo.allowed_actions
    return Reply(200, body)


def workflow_permissions(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    _administration(ctx)
    return Reply(
        200,
        {
            "default_workflow_permissions": repo.default_workflow_permissions,
            "can_approve_pull_request_reviews": repo.allow_pr_creation,
        },
    )


def get_branch(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    sha = repo.refs.get(f"refs/heads/{ctx.params['branch']}")
    if sha is None:
        raise ApiError(404, "Branch not found", docs="https://docs.github.com/rest/branches/branches#get-a-branch")
    return Reply(200, ctx.render.branch(repo, ctx.params["branch"], sha))


def get_content(ctx: Ctx) -> Reply:
    """Files live on the default branch: ``ref`` may name it (or be absent) or be the commit of a
    seeded run (one tree serves every commit); another ref is 404."""
    repo = ctx.repo()
    ref = ctx.query.get("ref")
    commits = {run.head_sha for run in repo.runs.values()}
    if ref and ref not in (repo.default_branch, f"refs/heads/{repo.default_branch}") and ref not in commits:
        raise ApiError(404, f"No commit found for the ref {ref}", docs="https://docs.github.com/rest/repos/contents")
    path = ctx.params["path"].strip("/")
    if path in repo.files:
        return Reply(200, ctx.render.content(repo, path, repo.files[path]))
    children = sorted({f"{path}/{p[len(path) + 1 :].split('/')[0]}" for p in repo.files if p.startswith(f"{path}/")})
    if not children:
        raise not_found()
    return Reply(200, [ctx.render.content(repo, child, repo.files.get(child)) for child in children])


def collaborator_permission(ctx: Ctx) -> Reply:
    """404 for users who are not collaborators, as GitHub answers."""
    repo = ctx.repo()
    login = ctx.params["username"]
    role = "admin" if login == repo.owner else repo.collaborators.get(login)
    if role is None:
        raise not_found()
    rank = ROLE_ORDER.index(role)
    flags = {"pull": 1, "triage": 2, "push": 3, "maintain": 4, "admin": 5}
    user = {
        **ctx.render.user(login),
        "role_name": role,
        "permissions": {name: rank >= level for name, level in flags.items()},
    }
    return Reply(200, {"permission": LEGACY_PERMISSION[role], "role_name": role, "user": user})


def get_ref(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    full = f"refs/{ctx.params['ref']}"
    if full not in repo.refs:
        raise not_found()
    return Reply(200, ctx.render.ref(repo, full, repo.refs[full]))


def create_ref(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    body = ctx.json_object()
    ref, sha = body.get("ref"), body.get("sha")
    if not isinstance(ref, str) or not ref.startswith("refs/") or ref.count("/") < 2:
        raise ApiError(422, "Reference name must start with 'refs/' and contain at least two slashes.", docs=REFS_DOCS)
    _check_sha(sha)
    if ref in repo.refs:
        raise ApiError(422, "Reference already exists", docs=REFS_DOCS)
    repo.refs[ref] = str(sha)
    reply = ctx.render.ref(repo, ref, str(sha))
    return Reply(201, reply, {"Location": reply["url"]})


def update_ref(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    body = ctx.json_object()
    full = f"refs/{ctx.params['ref']}"
    if full not in repo.refs:
        raise ApiError(422, "Reference does not exist", docs=REFS_DOCS)
    _check_sha(body.get("sha"))
    repo.refs[full] = str(body["sha"])
    return Reply(200, ctx.render.ref(repo, full, repo.refs[full]))


def delete_ref(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    full = f"refs/{ctx.params['ref']}"
    if repo.refs.pop(full, None) is None:
        raise ApiError(422, "Reference does not exist", docs=REFS_DOCS)
    return Reply(204)


def commit_pulls(ctx: Ctx) -> Reply:
    """Pull requests whose head is the commit, newest first (fork heads included, unlike
    ``workflow_run.pull_requests``, which GitHub leaves empty for runs from forks)."""
    repo = ctx.repo()
    sha = ctx.params["commit_sha"]
    pulls = [
        issue
        for issue in sorted(repo.issues.values(), key=lambda i: i.number, reverse=True)
        if issue.pull and issue.pull.head_sha == sha
    ]
    return ctx.paged_list([ctx.render.pull(repo, issue, full=False) for issue in pulls])


def _check_sha(sha: Any) -> None:
    if not isinstance(sha, str) or not SHA.match(sha):
        raise validation_failed("Reference", "invalid", "sha", docs=REFS_DOCS)


ROUTES = [
    Route("GET", "/rate_limit", rate_limit),
    Route("GET", "/repos/{owner}/{repo}", get_repo),
    Route("GET", "/repos/{owner}/{repo}/branches/{branch}", get_branch),
    Route("GET", "/repos/{owner}/{repo}/actions/permissions", actions_permissions),
    Route("GET", "/repos/{owner}/{repo}/actions/permissions/workflow", workflow_permissions),
    Route("GET", "/repos/{owner}/{repo}/contents/{path}", get_content),
    Route("GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", collaborator_permission),
    Route("GET", "/repos/{owner}/{repo}/git/ref/{ref}", get_ref),
    Route("POST", "/repos/{owner}/{repo}/git/refs", create_ref),
    Route("PATCH", "/repos/{owner}/{repo}/git/refs/{ref}", update_ref),
    Route("DELETE", "/repos/{owner}/{repo}/git/refs/{ref}", delete_ref),
    Route("GET", "/repos/{owner}/{repo}/commits/{commit_sha}/pulls", commit_pulls),
]
