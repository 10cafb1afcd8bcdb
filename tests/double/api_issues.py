"""Issue operations: issues (pull requests included), comments, events, issue and repo labels."""

from __future__ import annotations

import re
import time
from typing import Any

from .routing import ApiError, Ctx, Reply, Route, not_found, validation_failed
from .seed import add_labels, new_issue
from .state import Comment, Event, Issue, Label, Repo, now_iso

BODY_MAX, TITLE_MAX, LABEL_NAME_MAX, LABEL_DESCRIPTION_MAX = 65536, 256, 50, 100
STATE_REASONS = (None, "completed", "not_planned", "reopened", "duplicate")
ISSUES_DOCS = "https://docs.github.com/rest/issues/issues"
COLOR = re.compile(r"^[0-9a-fA-F]{6}$")


def _gate(repo: Repo, issue: Issue | None = None) -> None:
    """Repositories with issues turned off answer 410 Gone (pull requests stay reachable)."""
    if not repo.issues_enabled and (issue is None or issue.pull is None):
        raise ApiError(410, "Issues are disabled for this repo", docs=ISSUES_DOCS)


def _issue(ctx: Ctx) -> tuple[Repo, Issue]:
    """The repository and the issue the path names, once the issues gate lets it through."""
    repo = ctx.repo()
    issue = ctx.issue(repo)
    _gate(repo, issue)
    return repo, issue


def list_issues(ctx: Ctx) -> Reply:
    """state=open|closed|all, labels=a,b (all required), sort/direction, creator; PRs included."""
    repo = ctx.repo()
    _gate(repo)
    state = ctx.query.get("state", "open")
    if state not in ("open", "closed", "all"):
        raise validation_failed("Issue", "invalid", "state")
    wanted = [name.strip().lower() for name in ctx.query.get("labels", "").split(",") if name.strip()]
    issues = [
        issue
        for issue in repo.issues.values()
        if state in ("all", issue.state)
        and all(name in {label.lower() for label in issue.labels} for name in wanted)
        and ctx.query.get("creator", issue.user) == issue.user
    ]
    key = {"updated": lambda i: i.updated_at, "comments": lambda i: len(i.comments)}.get(
        ctx.query.get("sort", "created"), lambda i: (i.created_at, i.number)
    )
    issues.sort(key=key, reverse=ctx.query.get("direction", "desc") == "desc")
    return ctx.paged_list([ctx.render.issue(repo, issue) for issue in issues])


def create_issue(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    _gate(repo)
    body = ctx.json_object()
    if body.get("title") in (None, ""):
        raise ApiError(422, 'Invalid request.\n\n"title" wasn\'t supplied.', docs=f"{ISSUES_DOCS}#create-an-issue")
    _check_text(body, "Issue")
    issue = new_issue(
        ctx.world,
        repo,
        title=str(body["title"]),
        body=body.get("body"),
        user=ctx.world.settings.actor,
        labels=_label_names(body.get("labels", [])),
    )
    issue.assignees = list(body.get("assignees", []))
    # GitHub's search index lags behind writes; see Settings.search_lag_*.
    issue.searchable_after_search = ctx.world.search_requests + ctx.world.settings.search_lag_requests
    issue.searchable_at = time.time() + ctx.world.settings.search_lag_seconds
    rendered = ctx.render.issue(repo, issue)
    return Reply(201, rendered, {"Location": rendered["url"]})


def _check_text(body: dict[str, Any], resource: str) -> None:
    if len(str(body.get("title") or "")) > TITLE_MAX:
        raise validation_failed(resource, "custom", "title", f"title is too long (maximum is {TITLE_MAX} characters)")
    if len(str(body.get("body") or "")) > BODY_MAX:
        raise validation_failed(resource, "custom", "body", f"body is too long (maximum is {BODY_MAX} characters)")


def _label_names(labels: Any) -> list[str]:
    if not isinstance(labels, list):
        raise validation_failed("Issue", "invalid", "labels")
    return [label["name"] if isinstance(label, dict) else str(label) for label in labels]


def get_issue(ctx: Ctx) -> Reply:
    repo, issue = _issue(ctx)
    return Reply(200, ctx.render.issue(repo, issue))


def update_issue(ctx: Ctx) -> Reply:
    repo, issue = _issue(ctx)
    body = ctx.json_object()
    _check_text(body, "Issue")
    if body.get("state", issue.state) not in ("open", "closed"):
        raise validation_failed("Issue", "invalid", "state")
    if body.get("state_reason") not in STATE_REASONS:
        raise validation_failed("Issue", "invalid", "state_reason")
    apply_issue_update(ctx, repo, issue, body)
    return Reply(200, ctx.render.issue(repo, issue))


def apply_issue_update(ctx: Ctx, repo: Repo, issue: Issue, body: dict[str, Any]) -> None:
    """Title/body/state/state_reason/labels/assignees edits shared with pull request updates."""
    actor, stamp = ctx.world.settings.actor, now_iso()
    if "title" in body and body["title"] != issue.title:
        issue.events.append(
            Event(ctx.world.new_id(), "renamed", actor, stamp, rename={"from": issue.title, "to": str(body["title"])})
        )
        issue.title = str(body["title"])
    if "body" in body:
        issue.body = body["body"]
    _apply_state(ctx, issue, body.get("state", issue.state), body.get("state_reason"))
    if "labels" in body:
        names = _label_names(body["labels"])
        for name in [n for n in issue.labels if n.lower() not in {m.lower() for m in names}]:
            _unlabel(ctx, issue, name)
        _label(ctx, repo, issue, names)
    if "assignees" in body:
        issue.assignees = list(body["assignees"])
    issue.updated_at = stamp


def _apply_state(ctx: Ctx, issue: Issue, state: str, reason: str | None) -> None:
    actor, stamp = ctx.world.settings.actor, now_iso()
    if state == "closed" and issue.state == "open":
        issue.state, issue.closed_at, issue.state_reason = "closed", stamp, reason or "completed"
        issue.events.append(Event(ctx.world.new_id(), "closed", actor, stamp))
    elif state == "open" and issue.state == "closed":
        issue.state, issue.closed_at, issue.state_reason = "open", None, "reopened"
        issue.events.append(Event(ctx.world.new_id(), "reopened", actor, stamp))
    elif reason is not None and issue.state == "closed":
        issue.state_reason = reason


def _label(ctx: Ctx, repo: Repo, issue: Issue, names: list[str]) -> None:
    before = set(issue.labels)
    add_labels(ctx.world, repo, issue, names)
    for name in issue.labels:
        if name not in before:
            issue.events.append(Event(ctx.world.new_id(), "labeled", ctx.world.settings.actor, now_iso(), label=name))


def _unlabel(ctx: Ctx, issue: Issue, name: str) -> None:
    issue.labels.remove(name)
    issue.events.append(Event(ctx.world.new_id(), "unlabeled", ctx.world.settings.actor, now_iso(), label=name))


COPILOT = "Copilot"  # how the coding agent shows as an assignee
COPILOT_NAMES = ("copilot-swe-agent[bot]", "copilot-swe-agent", "copilot")
AGENT_FIELDS = ("target_repo", "base_branch", "custom_instructions", "custom_agent", "model")


def add_assignees(ctx: Ctx) -> Reply:
    """Assignees GitHub cannot assign are silently ignored (the endpoint's documented rule).

    The Copilot coding agent (``copilot-swe-agent[bot]``) is assigned, and its task started
    with the ``agent_assignment`` options (target_repo, base_branch, custom_instructions,
    custom_agent, model; GitHub changelog 2025-12-03), only with a user token: with
    GITHUB_TOKEN or an App installation token it is ignored like any unassignable login.
    """
    repo, issue = _issue(ctx)
    body = ctx.json_object()
    for entry in body.get("assignees", []):
        login = str(entry.get("login") if isinstance(entry, dict) else entry)
        if login.lower() in COPILOT_NAMES:
            if ctx.token is None or not ctx.token.user_token:
                continue
            issue.agent_assignments.append(_agent_assignment(ctx, repo, body.get("agent_assignment")))
            login = COPILOT
        if login not in issue.assignees:
            issue.assignees.append(login)
    return Reply(201, ctx.render.issue(repo, issue))


def _agent_assignment(ctx: Ctx, repo: Repo, raw: Any) -> dict[str, Any]:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict) or any(not isinstance(raw.get(k, ""), str) for k in AGENT_FIELDS):
        raise validation_failed("Issue", "invalid", "agent_assignment")
    target = ctx.world.repo(raw.get("target_repo") or repo.full_name)
    base = raw.get("base_branch") or (target.default_branch if target else "")
    if target is None or f"refs/heads/{base}" not in target.refs:
        raise validation_failed("Issue", "invalid", "agent_assignment", "target_repo or base_branch does not exist")
    return {**{k: str(raw.get(k, "")) for k in AGENT_FIELDS}, "target_repo": target.full_name, "base_branch": base}


def list_comments(ctx: Ctx) -> Reply:
    repo, issue = _issue(ctx)
    return ctx.paged_list([ctx.render.comment(repo, issue, c) for c in issue.comments])


def create_comment(ctx: Ctx) -> Reply:
    repo, issue = _issue(ctx)
    text = _comment_body(ctx)
    stamp = now_iso()
    comment = Comment(ctx.world.new_id(), text, ctx.world.settings.actor, stamp, stamp)
    issue.comments.append(comment)
    issue.updated_at = stamp
    rendered = ctx.render.comment(repo, issue, comment)
    return Reply(201, rendered, {"Location": rendered["url"]})


def _comment_body(ctx: Ctx) -> str:
    text = ctx.json_object().get("body")
    if not isinstance(text, str) or not text:
        raise validation_failed("IssueComment", "missing_field", "body")
    if len(text) > BODY_MAX:
        raise validation_failed(
            "IssueComment", "unprocessable", "data", f"Body is too long (maximum is {BODY_MAX} characters)"
        )
    return text


def update_comment(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    found = repo.comment(ctx.int_param("comment_id"))
    if found is None:
        raise not_found()
    issue, comment = found
    comment.body, comment.updated_at = _comment_body(ctx), now_iso()
    return Reply(200, ctx.render.comment(repo, issue, comment))


def list_events(ctx: Ctx) -> Reply:
    repo, issue = _issue(ctx)
    return ctx.paged_list([ctx.render.event(repo, issue, e) for e in issue.events])


def add_issue_labels(ctx: Ctx) -> Reply:
    """Body ``{"labels": [...]}`` or a bare list; unknown labels are created. Returns all labels."""
    repo, issue = _issue(ctx)
    labels = ctx.body.get("labels") if isinstance(ctx.body, dict) else ctx.body
    names = _label_names(labels)
    if not names:
        raise validation_failed("Label", "missing_field", "labels")
    _label(ctx, repo, issue, names)
    issue.updated_at = now_iso()
    return Reply(200, ctx.render.issue_labels(repo, issue))


def remove_issue_label(ctx: Ctx) -> Reply:
    repo, issue = _issue(ctx)
    name = next((n for n in issue.labels if n.lower() == ctx.params["name"].lower()), None)
    if name is None:
        raise ApiError(
            404, "Label does not exist", docs="https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue"
        )
    _unlabel(ctx, issue, name)
    return Reply(200, ctx.render.issue_labels(repo, issue))


def list_labels(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    return ctx.paged_list([ctx.render.label(repo, label) for label in repo.labels])


def get_label(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    label = repo.label(ctx.params["name"])
    if label is None:
        raise not_found()
    return Reply(200, ctx.render.label(repo, label))


def create_label(ctx: Ctx) -> Reply:
    """422 ``already_exists`` for a duplicate name (case-insensitive), as GitHub answers."""
    repo = ctx.repo()
    body = ctx.json_object()
    name = body.get("name")
    color = str(body.get("color", "ededed")).lstrip("#")
    if not isinstance(name, str) or not name:
        raise validation_failed("Label", "missing_field", "name")
    if len(name) > LABEL_NAME_MAX:
        raise validation_failed("Label", "custom", "name", f"name is too long (maximum is {LABEL_NAME_MAX} characters)")
    if len(str(body.get("description") or "")) > LABEL_DESCRIPTION_MAX:
        raise validation_failed(
            "Label", "custom", "description", f"description is too long (maximum is {LABEL_DESCRIPTION_MAX} characters)"
        )
    if not COLOR.match(color):
        raise validation_failed("Label", "invalid", "color")
    if repo.label(name):
        raise validation_failed(
            "Label", "already_exists", "name", docs="https://docs.github.com/rest/issues/labels#create-a-label"
        )
    label = Label(ctx.world.new_id(), name, color.lower(), body.get("description"))
    repo.labels.append(label)
    rendered = ctx.render.label(repo, label)
    return Reply(201, rendered, {"Location": rendered["url"]})


def delete_label(ctx: Ctx) -> Reply:
    """204, and the label leaves every issue that carried it; 404 when there is none."""
    repo = ctx.repo()
    label = repo.label(ctx.params["name"])
    if label is None:
        raise not_found()
    repo.labels.remove(label)
    for issue in repo.issues.values():
        issue.labels = [name for name in issue.labels if name.lower() != label.name.lower()]
    return Reply(204)


ISSUE = "/repos/{owner}/{repo}/issues/{issue_number}"
ROUTES = [
    Route("GET", "/repos/{owner}/{repo}/issues", list_issues),
    Route("POST", "/repos/{owner}/{repo}/issues", create_issue),
    Route("PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}", update_comment),
    Route("GET", ISSUE, get_issue),
    Route("PATCH", ISSUE, update_issue),
    Route("POST", f"{ISSUE}/assignees", add_assignees),
    Route("GET", f"{ISSUE}/comments", list_comments),
    Route("POST", f"{ISSUE}/comments", create_comment),
    Route("GET", f"{ISSUE}/events", list_events),
    Route("POST", f"{ISSUE}/labels", add_issue_labels),
    Route("DELETE", f"{ISSUE}/labels/{{name}}", remove_issue_label),
    Route("GET", "/repos/{owner}/{repo}/labels", list_labels),
    Route("POST", "/repos/{owner}/{repo}/labels", create_label),
    Route("GET", "/repos/{owner}/{repo}/labels/{name}", get_label),
    Route("DELETE", "/repos/{owner}/{repo}/labels/{name}", delete_label),
]
