"""A minimal ``POST /graphql``: the three operations autoheal sends, recognised by name.

GitHub's GraphQL endpoint answers 200 with ``{"data": ...}`` or ``{"errors": [...]}``
(https://docs.github.com/graphql/guides/forming-calls-with-graphql). REST cannot mark a draft
ready for review or pin an issue, so autoheal uses these:

- ``markPullRequestReadyForReview(input: {pullRequestId})``
  (https://docs.github.com/graphql/reference/mutations#markpullrequestreadyforreview)
- ``pinIssue(input: {issueId})`` (https://docs.github.com/graphql/reference/mutations#pinissue);
  a repository holds at most three pinned issues
  (https://docs.github.com/issues/tracking-your-work-with-issues/administering-issues/pinning-an-issue-to-your-repository)
- ``repository(owner, name) { pinnedIssues(first: N) { totalCount nodes { issue { number } } } }``
  (https://docs.github.com/graphql/reference/objects#pinnedissue)

The query text is not parsed: the operation is recognised by the field name it contains and
its arguments are read from ``variables`` only (autoheal passes every argument that way).
"""

from __future__ import annotations

from typing import Any

from .render import node_id
from .routing import ApiError, Ctx, Reply, Route
from .state import Issue, Repo

MAX_PINNED = 3


def graphql(ctx: Ctx) -> Reply:
    body = ctx.json_object()
    query, variables = str(body.get("query") or ""), body.get("variables") or {}
    if not isinstance(variables, dict):
        raise ApiError(400, "Problems parsing JSON")
    if "markPullRequestReadyForReview" in query:
        return _ready(ctx, str(variables.get("id") or variables.get("pullRequestId") or ""))
    if "pinIssue" in query:
        return _pin(ctx, str(variables.get("id") or variables.get("issueId") or ""))
    if "pinnedIssues" in query:
        return _pinned(ctx, str(variables.get("owner") or ""), str(variables.get("name") or ""))
    return _errors(f"the double does not model this GraphQL operation: {query[:80]!r}")


def _errors(message: str, kind: str = "UNPROCESSABLE") -> Reply:
    return Reply(200, {"data": None, "errors": [{"type": kind, "message": message}]})


def _find(ctx: Ctx, wanted: str, kind: str) -> tuple[Repo, Issue] | None:
    for repo in ctx.world.repos.values():
        for issue in repo.issues.values():
            if kind == "PullRequest" and issue.pull and node_id(kind, issue.pull.id) == wanted:
                return repo, issue
            if kind == "Issue" and node_id(kind, issue.id) == wanted:
                return repo, issue
    return None


def _ready(ctx: Ctx, wanted: str) -> Reply:
    found = _find(ctx, wanted, "PullRequest")
    if found is None:
        return _errors(f"Could not resolve to a node with the global id of '{wanted}'", "NOT_FOUND")
    _, issue = found
    assert issue.pull is not None
    issue.pull.draft = False
    pull = {"number": issue.number, "isDraft": False}
    return Reply(200, {"data": {"markPullRequestReadyForReview": {"pullRequest": pull}}})


def _pin(ctx: Ctx, wanted: str) -> Reply:
    found = _find(ctx, wanted, "Issue")
    if found is None:
        return _errors(f"Could not resolve to a node with the global id of '{wanted}'", "NOT_FOUND")
    repo, issue = found
    if issue.number not in repo.pinned:
        if len(repo.pinned) >= MAX_PINNED:
            return _errors(f"Repository already has {MAX_PINNED} pinned issues")
        repo.pinned.append(issue.number)
    return Reply(200, {"data": {"pinIssue": {"issue": {"number": issue.number}}}})


def _pinned(ctx: Ctx, owner: str, name: str) -> Reply:
    repo = ctx.world.repos.get(f"{owner}/{name}")
    if repo is None:
        return _errors(f"Could not resolve to a Repository with the name '{owner}/{name}'.", "NOT_FOUND")
    nodes: list[dict[str, Any]] = [{"issue": {"number": n}} for n in repo.pinned]
    return Reply(200, {"data": {"repository": {"pinnedIssues": {"totalCount": len(nodes), "nodes": nodes}}}})


ROUTES = [Route("POST", "/graphql", graphql)]
