"""The values the GitHub adapter (github_api.py) hands the core: plain frozen dataclasses.

Apart from the adapter so that code that only reads them (a triage's step timing,
the issue counter) does not import PyGithub and requests, ~100 ms of a triage's
start-up. ``*_of`` build them from the REST API's JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

# The conclusions of a run or job that failed (``cancelled``, ``skipped``, ``neutral``... did not).
# https://docs.github.com/rest/actions/workflow-runs#get-a-workflow-run
FAILED_CONCLUSIONS = ("failure", "timed_out", "startup_failure")


@dataclass(frozen=True)
class Step:
    number: int
    name: str
    conclusion: str | None


@dataclass(frozen=True)
class Job:
    id: int
    name: str
    conclusion: str | None
    steps: tuple[Step, ...] = ()
    html_url: str = ""


@dataclass(frozen=True)
class Issue:
    number: int
    title: str
    body: str
    state: str
    state_reason: str | None
    labels: tuple[str, ...]
    html_url: str
    closed_at: str | None = None
    created_at: str | None = None
    is_pull_request: bool = False
    comments: int = 0  # how many comments the issue has (the API's count)
    user: str = ""
    node_id: str = ""  # GraphQL id (pinIssue)
    updated_at: str | None = None


@dataclass(frozen=True)
class Comment:
    id: int
    body: str
    user: str


@dataclass(frozen=True)
class Pull:
    number: int
    html_url: str
    state: str
    head: str
    body: str = ""
    merged: bool = False
    created_at: str | None = None
    head_repo: str = ""  # owner/name the head branch lives in ("" when the fork is gone)
    user: str = ""  # who opened it: github-actions[bot] when it was GITHUB_TOKEN
    draft: bool = False
    node_id: str = ""  # GraphQL id (markPullRequestReadyForReview)
    updated_at: str | None = None  # last activity (stale)
    closed_at: str | None = None
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class CommitIdentity:
    """Who wrote and who committed one commit of a pull request (git's name and email)."""

    sha: str
    author: tuple[str, str]
    committer: tuple[str, str]


@dataclass(frozen=True)
class Repo:
    full_name: str
    default_branch: str
    html_url: str


def job_of(data: Mapping[str, Any]) -> Job:
    steps = tuple(
        Step(int(s.get("number", 0)), str(s.get("name", "")), s.get("conclusion")) for s in data.get("steps") or []
    )
    return Job(
        int(data["id"]), str(data.get("name", "")), data.get("conclusion"), steps, str(data.get("html_url") or "")
    )


def issue_of(data: Mapping[str, Any]) -> Issue:
    labels = tuple(str(lbl["name"]) if isinstance(lbl, dict) else str(lbl) for lbl in data.get("labels") or [])
    return Issue(
        int(data["number"]),
        str(data.get("title") or ""),
        str(data.get("body") or ""),
        str(data.get("state") or "open"),
        data.get("state_reason"),
        labels,
        str(data.get("html_url") or ""),
        data.get("closed_at"),
        data.get("created_at"),
        "pull_request" in data,
        int(data.get("comments") or 0),
        str((data.get("user") or {}).get("login") or ""),
        str(data.get("node_id") or ""),
        data.get("updated_at"),
    )


def pull_of(data: Mapping[str, Any]) -> Pull:
    head = data.get("head") or {}
    head_repo = head.get("repo") or {}
    return Pull(
        int(data["number"]),
        str(data.get("html_url") or ""),
        str(data.get("state") or "open"),
        str(head.get("ref") or ""),
        str(data.get("body") or ""),
        bool(data.get("merged_at")),
        data.get("created_at"),
        str(head_repo.get("full_name") or ""),
        str((data.get("user") or {}).get("login") or ""),
        bool(data.get("draft")),
        str(data.get("node_id") or ""),
        data.get("updated_at"),
        data.get("closed_at"),
        tuple(str(lbl.get("name")) for lbl in data.get("labels") or [] if isinstance(lbl, dict)),
    )


def parse_time(value: object) -> datetime | None:
    """A GitHub timestamp (``2024-05-06T09:00:00Z``), or None when missing or unreadable."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
