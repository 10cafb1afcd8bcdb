"""Which issue a failure belongs to, and counting it there.

Issues are found by the fingerprint in their hidden metadata block, through the issues list
filtered by our label (the search index lags, so it is not relied upon). A repeat is counted
without loss however many land at once (``occurrences``): one comment carrying the run's
marker, then the counter rewritten from the markers until no comment lands in between.
Opening, reopening and racing creates are ``issuefiling``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from autoheal import metadata, occurrences
from autoheal.ghtypes import FAILED_CONCLUSIONS, Issue
from autoheal.github_api import Client
from autoheal.issuebody import seen, stamp, updated_body
from autoheal.issuesink import IssueSink
from autoheal.models import Diagnosis
from autoheal.render import RunContext, render_comment
from autoheal.sanitize import safe_labels

MAX_RECOUNTS = 30


@dataclass(frozen=True)
class ReportOptions:
    labels: tuple[str, ...] = ("autoheal",)
    conclusions: tuple[str, ...] = FAILED_CONCLUSIONS
    exclude_workflows: tuple[str, ...] = ()
    branches: tuple[str, ...] = ()  # empty: the repository's default branch only
    max_issues_per_hour: int = 10
    reopen_days: int = 14
    auto_heal_label: bool = False
    dry_run: bool = False
    templates: Path | None = None


@dataclass(frozen=True)
class Outcome:
    """What report mode did for one distinct failure (the action's outputs)."""

    result: str  # created | commented | reopened | skipped
    fingerprint: str
    category: str
    issue_number: int | None = None
    issue_url: str = ""
    reason: str = ""
    fork: bool = False  # the run came from a fork: never heal it with this job's token


def outcome(result: str, diagnosis: Diagnosis, issue: Issue | None = None, reason: str = "") -> Outcome:
    number, url = (issue.number, issue.html_url) if issue else (None, "")
    return Outcome(result, diagnosis.fingerprint, diagnosis.category, number, url, reason)


def issue_labels(diagnosis: Diagnosis, opts: ReportOptions) -> list[str]:
    labels = list(opts.labels) + [f"autoheal:{diagnosis.category}", f"severity:{diagnosis.severity}"]
    if opts.auto_heal_label:
        labels.append("auto-heal")
    return list(safe_labels(labels))


def with_fingerprint(issues: Iterable[Issue], fingerprint: str) -> list[tuple[Issue, dict[str, Any]]]:
    """The issues whose metadata block names ``fingerprint``, each with that metadata."""
    return [(i, m) for i in issues if (m := metadata.extract(i.body)) and m.get("fingerprint") == fingerprint]


def find_match(issues: list[Issue], fingerprint: str) -> tuple[Issue, dict[str, Any]] | None:
    """The open issue with this fingerprint, else the most recently closed one."""
    found = with_fingerprint(issues, fingerprint)
    found.sort(key=lambda pair: (pair[0].state != "open", -pair[0].number))
    return found[0] if found else None


def count_repeat(
    sink: IssueSink,
    issue: Issue,
    meta: dict[str, Any],
    diagnosis: Diagnosis,
    ctx: RunContext,
    reopen: bool,
    templates: Path | None,
) -> Outcome:
    """Count this run attempt (or command-line report) on ``issue``, losslessly (see ``occurrences``)."""
    key = occurrences.run_key(ctx)
    if key in occurrences.counted_runs(meta):
        return outcome(
            "skipped", diagnosis, issue, f"run {ctx.run_id} attempt {ctx.run_attempt} is already on #{issue.number}"
        )
    fresh = occurrences.bumped({**meta, **seen(diagnosis, ctx, stamp(), repeat=True)}, key, issue.comments)
    comment = render_comment(diagnosis, ctx, int(fresh["occurrences"]), templates, regression=reopen)
    sink.comment(issue.number, occurrences.with_marker(comment, key), key)
    if sink.dry_run or occurrences.in_sync(meta, issue.comments):
        fields: dict[str, Any] = {"body": updated_body(issue.body, fresh)}
        if reopen:
            fields["state"] = "open"
        written = sink.update(issue.number, **fields)
        if written is None or written.comments == issue.comments + 1:
            return outcome("reopened" if reopen else "commented", diagnosis, issue)
    # Behind the comments, no "+1" is written first: it would say it accounts for every comment
    # (synced == comments) while missing the uncounted ones, and a report reading it before our
    # recount lands would build its own +1 on it and drop them for good.
    recount(sink.client, issue.number, diagnosis, ctx, reopen)
    return outcome("reopened" if reopen else "commented", diagnosis, issue)


def recount(client: Client, number: int, diagnosis: Diagnosis, ctx: RunContext, reopen: bool) -> None:
    """Rewrite the counter from the markers until no comment lands between read and write."""
    for attempt in range(MAX_RECOUNTS):
        comments = client.comments(number)
        issue = client.get_issue(number)  # re-read right before the write
        meta = metadata.extract(issue.body)
        if meta is None:
            return  # someone removed the block: nothing of ours to keep in sync
        fresh = occurrences.recount({**meta, **seen(diagnosis, ctx, stamp(), repeat=True)}, comments, issue.user)
        fields: dict[str, Any] = {"body": updated_body(issue.body, fresh)}
        if reopen and issue.state != "open":
            fields["state"] = "open"
        if client.update_issue(number, **fields).comments == len(comments):
            return
        time.sleep(random.uniform(0.05, 0.3) * (attempt + 1))  # spread writers that keep colliding
