"""Put repositories, issues, pull requests, labels, collaborators, refs and files into the world.

The same functions back ``Double.seed_*`` and ``POST /_double/seed`` (see seed_json.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .state import BOT_LOGIN, DEFAULT_REPO, ROLES, Comment, Issue, Label, Pull, Repo, State, now_iso


def fake_sha(*parts: object) -> str:
    return hashlib.sha1("/".join(map(str, parts)).encode()).hexdigest()


def seed_repo(world: State, full_name: str = DEFAULT_REPO, **fields: Any) -> Repo:
    """Create the repository or update its fields (default_branch, allow_pr_creation, ...)."""
    repo = world.repo(full_name)
    if repo is None:
        owner, name = full_name.split("/")
        repo = Repo(world.new_id(), owner, name, created_at=now_iso())
        world.repos[full_name] = repo
        world.user_id(owner)
    for key, value in fields.items():
        if not hasattr(repo, key):
            raise TypeError(f"unknown repository field {key!r}")
        setattr(repo, key, value)
    repo.refs.setdefault(f"refs/heads/{repo.default_branch}", fake_sha(full_name, repo.default_branch))
    return repo


def ensure_repo(world: State, full_name: str) -> Repo:
    return world.repo(full_name) or seed_repo(world, full_name)


def new_issue(
    world: State,
    repo: Repo,
    *,
    title: str,
    body: str | None,
    user: str,
    labels: Iterable[str] = (),
    pull: Pull | None = None,
    number: int | None = None,
) -> Issue:
    stamp = now_iso()
    issue = Issue(
        number=number or repo.next_number,
        id=world.new_id(),
        title=title,
        body=body,
        user=user,
        created_at=stamp,
        updated_at=stamp,
        pull=pull,
    )
    repo.next_number = max(repo.next_number, issue.number) + 1
    repo.issues[issue.number] = issue
    world.user_id(user)
    add_labels(world, repo, issue, labels)
    return issue


def add_labels(world: State, repo: Repo, issue: Issue, names: Iterable[str]) -> None:
    """Attach labels, creating missing ones as GitHub does for writers."""
    for name in names:
        label = repo.label(name) or seed_label(world, repo.full_name, name)
        if label.name not in issue.labels:
            issue.labels.append(label.name)


def seed_issue(
    world: State,
    repo: str = DEFAULT_REPO,
    *,
    title: str,
    body: str | None = "",
    labels: Sequence[str] = (),
    state: str = "open",
    state_reason: str | None = None,
    user: str = "octocat",
    comments: Sequence[str] = (),
    assignees: Sequence[str] = (),
    number: int | None = None,
    created_at: str | None = None,
) -> Issue:
    """An existing issue, searchable at once (only issues created through the API lag)."""
    target = ensure_repo(world, repo)
    issue = new_issue(world, target, title=title, body=body, user=user, labels=labels, number=number)
    issue.assignees = list(assignees)
    if created_at:
        issue.created_at = issue.updated_at = created_at
    if state == "closed":
        issue.state, issue.state_reason, issue.closed_at = "closed", state_reason or "completed", now_iso()
    for text in comments:
        seed_comment(world, repo, number=issue.number, body=text)
    return issue


def seed_pull(
    world: State,
    repo: str = DEFAULT_REPO,
    *,
    head: str,
    title: str = "Fix",
    body: str | None = "",
    base: str | None = None,
    draft: bool = False,
    state: str = "open",
    user: str = BOT_LOGIN,
    head_sha: str | None = None,
    head_repo: str | None = None,
    labels: Sequence[str] = (),
    number: int | None = None,
    merged: bool = False,
    commits: Sequence[Mapping[str, str]] = (),
    created_at: str | None = None,
    updated_at: str | None = None,
) -> Issue:
    """A pull request (an issue with ``pull``); ``head`` is a branch name. ``merged`` closes it
    merged; ``updated_at`` is its last activity (stale mode reads it)."""
    target = ensure_repo(world, repo)
    base_ref = base or target.default_branch
    pull = Pull(
        id=world.new_id(),
        head_ref=head,
        head_sha=head_sha or fake_sha(repo, head),
        head_repo=head_repo or target.full_name,
        base_ref=base_ref,
        base_sha=target.refs.get(f"refs/heads/{base_ref}", fake_sha(repo, base_ref)),
        draft=draft,
        merged=merged,
        commits=[dict(c) for c in commits],
    )
    issue = new_issue(world, target, title=title, body=body, user=user, labels=labels, pull=pull, number=number)
    if state == "closed" or merged:
        issue.state, issue.closed_at = "closed", now_iso()
    if created_at:
        issue.created_at = issue.updated_at = created_at
    if updated_at:
        issue.updated_at = updated_at
    return issue


def seed_comment(world: State, repo: str = DEFAULT_REPO, *, number: int, body: str, user: str = "octocat") -> Comment:
    issue = ensure_repo(world, repo).issues[number]
    stamp = now_iso()
    comment = Comment(world.new_id(), body, user, stamp, stamp)
    issue.comments.append(comment)
    world.user_id(user)
    return comment


def seed_label(
    world: State,
    repo: str = DEFAULT_REPO,
    name: str = "bug",
    *,
    color: str = "ededed",
    description: str | None = None,
) -> Label:
    target = ensure_repo(world, repo)
    label = target.label(name)
    if label is None:
        label = Label(world.new_id(), name, color, description)
        target.labels.append(label)
    return label


def set_permission(world: State, repo: str, login: str, permission: str | None) -> None:
    """Role of ``login`` (admin/maintain/write/triage/read/none); None removes the collaborator."""
    target = ensure_repo(world, repo)
    if permission is None:
        target.collaborators.pop(login, None)
        return
    if permission not in ROLES:
        raise ValueError(f"unknown permission {permission!r}; expected one of {ROLES}")
    target.collaborators[login] = permission
    world.user_id(login)


def seed_collaborator(world: State, repo: str = DEFAULT_REPO, login: str = "octocat", permission: str = "write") -> str:
    set_permission(world, repo, login, permission)
    return login


def seed_ref(world: State, repo: str = DEFAULT_REPO, ref: str = "heads/main", sha: str | None = None) -> str:
    full = ref if ref.startswith("refs/") else f"refs/{ref}"
    ensure_repo(world, repo).refs[full] = sha or fake_sha(repo, full)
    return full


def seed_file(world: State, repo: str = DEFAULT_REPO, path: str = "README.md", text: str = "") -> None:
    ensure_repo(world, repo).files[path.strip("/")] = text
