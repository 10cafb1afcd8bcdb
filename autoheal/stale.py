"""Stale fix PRs (``autoheal stale``, for a schedule): warn, then close and delete the branch.

Only autoheal's own PRs are touched: an ``autoheal/`` head in this repository whose every commit
was authored and committed with autoheal's identity (``committer-name``/``committer-email``).
A PR with anyone else's commit is kept and said to be kept: someone built on it. Activity is
the PR's ``updated_at`` (comments, pushes, labels and reviews all move it). A PR idle for
``stale-days`` gets a warning comment and the ``autoheal-stale`` label; the warning itself moves
``updated_at``, so a warned PR idle for ``close-days`` more is closed and its branch deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from autoheal.ghtypes import CommitIdentity, Pull
from autoheal.github_api import Client
from autoheal.outcomes import ours
from autoheal.settings import BOT_EMAIL, BOT_NAME

STALE_LABEL = "autoheal-stale"
MARKER = "<!-- autoheal:stale -->"
MAX_PULLS = 300


@dataclass(frozen=True)
class StaleOptions:
    stale_days: int = 14
    close_days: int = 7
    identity: tuple[str, str] = (BOT_NAME, BOT_EMAIL)
    dry_run: bool = False


@dataclass(frozen=True)
class Decision:
    number: int
    branch: str
    action: str  # warn | close | keep | wait
    reason: str
    url: str = ""


def _age(pull: Pull, now: datetime) -> timedelta:
    stamp = pull.updated_at or pull.created_at
    if not stamp:
        return timedelta(0)
    return now - datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def decide(pull: Pull, now: datetime, opts: StaleOptions) -> Decision:
    """What the idle time alone says (the commits are checked only before a close)."""
    idle = _age(pull, now)
    days = idle.days
    if STALE_LABEL in pull.labels:
        if idle >= timedelta(days=opts.close_days):
            return Decision(
                pull.number, pull.head, "close", f"no activity for {days} days after the warning", pull.html_url
            )
        return Decision(
            pull.number, pull.head, "wait", f"warned; closes after {opts.close_days} idle days", pull.html_url
        )
    if idle >= timedelta(days=opts.stale_days):
        return Decision(pull.number, pull.head, "warn", f"no activity for {days} days", pull.html_url)
    return Decision(pull.number, pull.head, "wait", f"active {days} days ago", pull.html_url)


def foreign(commits: Sequence[CommitIdentity], identity: tuple[str, str]) -> list[str]:
    """Commits autoheal did not make (author or committer is not autoheal's identity)."""
    return [c.sha[:12] for c in commits if c.author != identity or c.committer != identity]


def warning(d: Decision, opts: StaleOptions) -> str:
    return (
        f"This autoheal fix has had {d.reason}. It will be closed and its branch "
        f"deleted after {opts.close_days} more days without activity; comment or push to keep it.\n\n{MARKER}\n"
    )


def run_stale(client: Client, opts: StaleOptions, say: Callable[[str], None]) -> list[Decision]:
    now = datetime.now(timezone.utc)
    decisions = []
    pulls = ours(client.list_pulls(state="open", limit=MAX_PULLS), client.repo)
    for pull in (p for p in pulls if p.state == "open"):
        d = decide(pull, now, opts)
        if d.action == "close":
            others = foreign(client.pull_commits(pull.number), opts.identity)
            if others:
                d = Decision(
                    d.number, d.branch, "keep", f"has commits autoheal did not make ({', '.join(others[:3])})", d.url
                )
        decisions.append(d)
        _apply(client, pull, d, opts, say)
    return decisions


def _apply(client: Client, pull: Pull, d: Decision, opts: StaleOptions, say: Callable[[str], None]) -> None:
    if d.action not in ("warn", "close"):
        return
    if opts.dry_run:
        say(f"[dry-run] would {d.action} #{d.number} ({d.branch}): {d.reason}")
        return
    if d.action == "warn":
        client.comment(pull.number, warning(d, opts))
        client.add_labels(pull.number, [STALE_LABEL])
        return
    client.comment(pull.number, f"Closing: {d.reason}. The branch `{d.branch}` is deleted; heal again to retry.\n")
    client.update_pull(pull.number, state="closed")
    client.delete_branch(pull.head)
