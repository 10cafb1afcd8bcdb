"""The double's world: plain mutable records that round-trip through JSON.

``State.to_json()`` / ``State.from_json()`` are the state-file format of the standalone server
(``GET /_double/state``). Records hold only what GitHub would store; ``render`` turns them into
API bodies.
"""

from __future__ import annotations

import base64
import dataclasses
import time
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

DEFAULT_REPO = "octo-org/octo-repo"
BOT_LOGIN = "github-actions[bot]"
BOT_ID = 41898282  # the real id of github-actions[bot]
ROLES = ("admin", "maintain", "write", "triage", "read", "none")

T = TypeVar("T")


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


@dataclass
class Settings:
    """Behaviour switches; every one is settable from Python, the seed JSON or the state file."""

    actor: str = BOT_LOGIN  # who the token belongs to (author of created issues, PRs, comments)
    search_lag_requests: int = 0  # a created issue is missed by this many later searches
    search_lag_seconds: float = 0.0  # ... and by searches during this many seconds
    # GitHub answers 422 to searches without is:issue / is:pull-request for some token kinds.
    search_requires_is_qualifier: bool = False
    require_head_ref: bool = False  # 422 when a PR's head branch has no refs/heads/<branch>
    core_limit: int = 5000
    search_limit: int = 30


@dataclass
class Token:
    """Who a token is and what GitHub lets it do (``State.tokens``; the double's own token is
    the workflow's ``GITHUB_TOKEN``).

    kind: ``github-actions`` (GITHUB_TOKEN: an installation token of the GitHub Actions app; it
    can never hold the ``workflows`` permission, and the events it causes start no workflow
    except ``workflow_dispatch``/``repository_dispatch``), ``app`` (another App's installation
    token) or ``pat`` (a user's token: personal access token, OAuth or App user-to-server).
    ``workflows``: the App ``workflows: write`` permission / the PAT ``workflow`` scope.
    """

    login: str
    kind: str = "pat"
    workflows: bool = False
    # A classic PAT's or OAuth token's scopes, sent back as X-OAuth-Scopes (None: not a classic token).
    scopes: str | None = None
    # May read the repository's Actions settings (fine-grained / App "Administration: read", or a
    # classic PAT with repo scope of an admin). GITHUB_TOKEN never may.
    administration: bool = False

    @property
    def user_token(self) -> bool:
        return self.kind == "pat"


@dataclass
class Blob:
    """Bytes served without auth at /_blobs/<id>: inline base64 or a file path."""

    content_type: str
    data_b64: str = ""
    path: str = ""

    def data(self) -> bytes:
        if self.path:
            return Path(self.path).read_bytes()
        return base64.b64decode(self.data_b64)


@dataclass
class Step:
    number: int
    name: str
    status: str = "completed"
    conclusion: str | None = "success"
    started_at: str | None = None
    completed_at: str | None = None


@dataclass
class Job:
    id: int
    run_id: int
    run_attempt: int
    name: str
    status: str = "completed"
    conclusion: str | None = "success"
    steps: list[Step] = field(default_factory=list)
    started_at: str = ""
    completed_at: str | None = None
    runner_name: str | None = "GitHub Actions 2"
    labels: list[str] = field(default_factory=lambda: ["ubuntu-latest"])
    log_blob: str | None = None
    logs_expired: bool = False
    annotations: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Attempt:
    number: int
    status: str = "completed"
    conclusion: str | None = "failure"
    created_at: str = ""
    updated_at: str = ""
    log_blob: str | None = None
    logs_expired: bool = False


@dataclass
class Run:
    id: int
    repo: str
    workflow_id: int
    name: str
    path: str
    run_number: int
    head_branch: str | None
    head_sha: str
    event: str
    display_title: str
    head_repository: str  # full name; differs from ``repo`` for runs from forks
    actor: str
    created_at: str
    attempts: dict[int, Attempt] = field(default_factory=dict)
    pull_requests: list[int] = field(default_factory=list)
    artifacts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def run_attempt(self) -> int:
        return max(self.attempts)

    @property
    def latest(self) -> Attempt:
        return self.attempts[self.run_attempt]


@dataclass
class Workflow:
    id: int
    name: str
    path: str
    state: str = "active"
    created_at: str = ""


@dataclass
class Label:
    id: int
    name: str
    color: str = "ededed"
    description: str | None = None
    default: bool = False


@dataclass
class Comment:
    id: int
    body: str
    user: str
    created_at: str
    updated_at: str


@dataclass
class Event:
    id: int
    event: str  # labeled, unlabeled, closed, reopened, renamed
    actor: str
    created_at: str
    label: str | None = None
    rename: dict[str, str] | None = None


@dataclass
class Pull:
    """What makes an issue a pull request (GitHub numbers both from one sequence)."""

    id: int
    head_ref: str
    head_sha: str
    head_repo: str  # full name of the head repository
    base_ref: str
    base_sha: str
    draft: bool = False
    merged: bool = False
    maintainer_can_modify: bool = True
    # Commits listed by GET /pulls/{n}/commits: dicts of sha, message, author_name, author_email,
    # committer_name, committer_email (seed_pull(commits=...)).
    commits: list[dict[str, str]] = field(default_factory=list)


@dataclass
class Issue:
    number: int
    id: int
    title: str
    body: str | None
    user: str
    created_at: str
    updated_at: str
    state: str = "open"
    state_reason: str | None = None
    closed_at: str | None = None
    labels: list[str] = field(default_factory=list)
    assignees: list[str] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    locked: bool = False
    pull: Pull | None = None
    agent_assignments: list[dict[str, Any]] = field(default_factory=list)  # accepted Copilot hand-offs
    # Search index lag: visible once this many searches happened and this epoch time passed.
    searchable_after_search: int = 0
    searchable_at: float = 0.0


@dataclass
class Repo:
    id: int
    owner: str
    name: str
    default_branch: str = "main"
    private: bool = False
    fork: bool = False
    allow_pr_creation: bool = True  # "Allow GitHub Actions to create and approve pull requests"
    actions_enabled: bool = True  # Settings > Actions > General > Actions permissions
    allowed_actions: str = "all"  # all | local_only | selected
    default_workflow_permissions: str = "read"  # GITHUB_TOKEN's default: read | write
    draft_prs: bool = True  # False: 422 "Draft pull requests are not supported in this repository."
    git_path: str = ""  # a bare repository served over smart HTTP at /<owner>/<name>.git (git_http.py)
    issues_enabled: bool = True
    description: str | None = None
    created_at: str = ""
    next_number: int = 1
    collaborators: dict[str, str] = field(default_factory=dict)  # login -> role
    refs: dict[str, str] = field(default_factory=dict)  # "refs/heads/main" -> sha
    files: dict[str, str] = field(default_factory=dict)  # path -> text (default branch)
    pinned: list[int] = field(default_factory=list)  # issue numbers pinned through GraphQL pinIssue
    labels: list[Label] = field(default_factory=list)
    workflows: dict[int, Workflow] = field(default_factory=dict)
    runs: dict[int, Run] = field(default_factory=dict)
    jobs: dict[int, Job] = field(default_factory=dict)
    issues: dict[int, Issue] = field(default_factory=dict)

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"

    def label(self, name: str) -> Label | None:
        return next((label for label in self.labels if label.name.lower() == name.lower()), None)

    def comment(self, comment_id: int) -> tuple[Issue, Comment] | None:
        for issue in self.issues.values():
            for comment in issue.comments:
                if comment.id == comment_id:
                    return issue, comment
        return None


@dataclass
class State:
    repos: dict[str, Repo] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=lambda: {BOT_LOGIN: BOT_ID})
    blobs: dict[str, Blob] = field(default_factory=dict)
    tokens: dict[str, Token] = field(default_factory=dict)  # further tokens the double accepts
    settings: Settings = field(default_factory=Settings)
    next_id: int = 1000
    search_requests: int = 0

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def repo(self, full_name: str) -> Repo | None:
        return next((r for key, r in self.repos.items() if key.lower() == full_name.lower()), None)

    def user_id(self, login: str) -> int:
        if login not in self.users:
            self.users[login] = self.new_id()
        return self.users[login]

    def add_blob(self, data: bytes | str | Path, content_type: str) -> str:
        blob_id = f"b{self.new_id()}"
        if isinstance(data, bytes):
            self.blobs[blob_id] = Blob(content_type, data_b64=base64.b64encode(data).decode("ascii"))
        else:
            self.blobs[blob_id] = Blob(content_type, path=str(data))
        return blob_id

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> State:
        return from_dict(cls, data)


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a dataclass tree from ``dataclasses.asdict`` output (JSON keys become ints where typed)."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {key: _convert(hints[key], value) for key, value in data.items() if key in names}
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if value is None:
        return None
    if origin in (typing.Union, types.UnionType):
        return _convert(next(a for a in args if a is not type(None)), value)
    if origin is list:
        return [_convert(args[0], item) for item in value]
    if origin is dict:
        key_type = args[0] if args[0] in (int, str) else str
        return {key_type(k): _convert(args[1], v) for k, v in value.items()}
    if dataclasses.is_dataclass(hint):
        return from_dict(hint, value)  # type: ignore[arg-type]
    return value
