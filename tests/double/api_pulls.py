"""Pull request operations, with GitHub's refusals: Actions not permitted (403), already exists
(422), drafts not supported (422, some private repositories)."""

from __future__ import annotations

import zlib
from typing import Any

from .api_issues import apply_issue_update
from .render import node_id
from .routing import ApiError, Ctx, Reply, Route, not_found, validation_failed
from .seed import fake_sha, new_issue
from .state import Issue, Pull, Repo

CREATE_DOCS = "https://docs.github.com/rest/pulls/pulls#create-a-pull-request"
BODY_MAX = 65536


def list_pulls(ctx: Ctx) -> Reply:
    """``head`` must be ``owner:branch``; like GitHub, a bare branch name filters nothing."""
    repo = ctx.repo()
    state = ctx.query.get("state", "open")
    if state not in ("open", "closed", "all"):
        raise validation_failed("PullRequest", "invalid", "state")
    head = ctx.query.get("head", "")
    pulls = [
        issue
        for issue in sorted(repo.issues.values(), key=lambda i: i.number, reverse=True)
        if issue.pull
        and state in ("all", issue.state)
        and (":" not in head or _head_label(issue.pull) == head)
        and ctx.query.get("base", issue.pull.base_ref) == issue.pull.base_ref
    ]
    return ctx.paged_list([ctx.render.pull(repo, issue, full=False) for issue in pulls])


def _head_label(pull: Pull) -> str:
    return f"{pull.head_repo.split('/')[0]}:{pull.head_ref}"


def create_pull(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    body = ctx.json_object()
    if not repo.allow_pr_creation:
        raise ApiError(403, "GitHub Actions is not permitted to create or approve pull requests.", docs=CREATE_DOCS)
    for name in ("head", "base", "title"):
        if not body.get(name):
            raise validation_failed("PullRequest", "missing_field", name, docs=CREATE_DOCS)
    if len(str(body.get("body") or "")) > BODY_MAX:
        raise validation_failed("PullRequest", "custom", "body", f"body is too long (maximum is {BODY_MAX} characters)")
    if body.get("draft") and not repo.draft_prs:
        # Drafts need a public repository or a paid plan: https://docs.github.com/get-started/learning-about-github/githubs-plans
        raise validation_failed(
            "PullRequest",
            "custom",
            message="Draft pull requests are not supported in this repository.",
            docs=CREATE_DOCS,
        )
    pull = _new_pull(ctx, repo, str(body["head"]), str(body["base"]), bool(body.get("draft", False)))
    issue = new_issue(ctx.world, repo, title=str(body["title"]), body=body.get("body"), user=ctx.actor, pull=pull)
    issue.pull.maintainer_can_modify = bool(body.get("maintainer_can_modify", True))  # type: ignore[union-attr]
    rendered = ctx.render.pull(repo, issue)
    return Reply(201, rendered, {"Location": rendered["url"]})


def _new_pull(ctx: Ctx, repo: Repo, head: str, base: str, draft: bool) -> Pull:
    owner, _, branch = head.rpartition(":")
    head_repo = repo.full_name if owner in ("", repo.owner) else f"{owner}/{repo.name}"
    base_sha = repo.refs.get(f"refs/heads/{base}")
    if base_sha is None:
        raise validation_failed("PullRequest", "invalid", "base", docs=CREATE_DOCS)
    head_sha = repo.refs.get(f"refs/heads/{branch}") if head_repo == repo.full_name else None
    if head_sha is None and ctx.world.settings.require_head_ref:
        raise validation_failed("PullRequest", "invalid", "head", docs=CREATE_DOCS)
    pull = Pull(ctx.world.new_id(), branch, head_sha or fake_sha(head_repo, branch), head_repo, base, base_sha, draft)
    _refuse_duplicate(repo, pull, None)
    if pull.head_sha == base_sha:
        raise validation_failed(
            "PullRequest", "custom", message=f"No commits between {base} and {branch}", docs=CREATE_DOCS
        )
    return pull


def _refuse_duplicate(repo: Repo, pull: Pull, number: int | None) -> None:
    for issue in repo.issues.values():
        other = issue.pull
        same = other is not None and (other.head_repo, other.head_ref, other.base_ref) == (
            pull.head_repo,
            pull.head_ref,
            pull.base_ref,
        )
        if same and issue.state == "open" and issue.number != number:
            message = f"A pull request already exists for {_head_label(pull)}."
            raise validation_failed("PullRequest", "custom", message=message, docs=CREATE_DOCS)


def get_pull(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    return Reply(200, ctx.render.pull(repo, _pull_issue(ctx, repo)))


def _pull_issue(ctx: Ctx, repo: Repo) -> Issue:
    issue = repo.issues.get(ctx.int_param("pull_number"))
    if issue is None or issue.pull is None:
        raise not_found()
    return issue


def update_pull(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    issue = _pull_issue(ctx, repo)
    assert issue.pull is not None
    body: dict[str, Any] = ctx.json_object()
    if body.get("state", issue.state) not in ("open", "closed"):
        raise validation_failed("PullRequest", "invalid", "state")
    if len(str(body.get("body") or "")) > BODY_MAX:
        raise validation_failed("PullRequest", "custom", "body", f"body is too long (maximum is {BODY_MAX} characters)")
    if body.get("state") == "open" and issue.state == "closed":
        _refuse_duplicate(repo, issue.pull, issue.number)
    if "base" in body:
        if f"refs/heads/{body['base']}" not in repo.refs:
            raise validation_failed("PullRequest", "invalid", "base")
        issue.pull.base_ref = str(body["base"])
    if "maintainer_can_modify" in body:
        issue.pull.maintainer_can_modify = bool(body["maintainer_can_modify"])
    fields: dict[str, Any] = {key: body[key] for key in ("title", "body", "state") if key in body}
    apply_issue_update(ctx, repo, issue, fields)
    if issue.state == "closed":
        issue.state_reason = None  # pull requests carry no state_reason
    return Reply(200, ctx.render.pull(repo, issue))


def list_pull_commits(ctx: Ctx) -> Reply:
    """The seeded commits (``seed_pull(commits=...)``), oldest first, as GitHub lists them."""
    repo = ctx.repo()
    issue = _pull_issue(ctx, repo)
    assert issue.pull is not None
    return ctx.paged_list([_commit_json(ctx, repo, c) for c in issue.pull.commits])


def _commit_json(ctx: Ctx, repo: Repo, commit: dict[str, str]) -> dict[str, Any]:
    sha = commit.get("sha") or fake_sha(repo.full_name, commit.get("message", ""))
    url = f"{ctx.render.api}/repos/{repo.full_name}/commits/{sha}"
    when = commit.get("date") or "2026-01-01T00:00:00Z"

    def who(kind: str) -> dict[str, str]:
        return {"name": commit.get(f"{kind}_name", ""), "email": commit.get(f"{kind}_email", ""), "date": when}

    return {
        "url": url,
        "sha": sha,
        "node_id": node_id("Commit", zlib.crc32(sha.encode())),
        "html_url": f"https://github.com/{repo.full_name}/commit/{sha}",
        "comments_url": f"{url}/comments",
        "commit": {
            "url": f"{ctx.render.api}/repos/{repo.full_name}/git/commits/{sha}",
            "author": who("author"),
            "committer": who("committer"),
            "message": commit.get("message", ""),
            "comment_count": 0,
            "tree": {"sha": fake_sha(repo.full_name, "tree" + sha), "url": url},
        },
        "author": None,
        "committer": None,
        "parents": [],
    }


ROUTES = [
    Route("GET", "/repos/{owner}/{repo}/pulls", list_pulls),
    Route("POST", "/repos/{owner}/{repo}/pulls", create_pull),
    Route("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", get_pull),
    Route("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}", update_pull),
    Route("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/commits", list_pull_commits),
]
