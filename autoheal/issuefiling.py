"""One issue per distinct failure: count it on its issue, reopen a recently closed one, or
create one, and never spam (``file_issue``).

Reports racing on one new fingerprint open one issue between them: the one holding the
fingerprint's lock (``issuelock``) creates it, the others wait for it and count themselves on
it. Finding and counting are ``issues``; the body's metadata and counter ``issuebody``.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from autoheal.errors import GitHubError
from autoheal.ghtypes import Issue, parse_time
from autoheal.issuebody import new_meta, now
from autoheal.issuelock import LabelLock
from autoheal.issues import Outcome, ReportOptions, count_repeat, find_match, issue_labels, outcome, with_fingerprint
from autoheal.issuesink import IssueSink
from autoheal.models import Diagnosis
from autoheal.occurrences import run_key
from autoheal.render import RunContext, render_issue
from autoheal.templating import render_template


def file_issue(
    sink: IssueSink,
    diagnosis: Diagnosis,
    ctx: RunContext,
    opts: ReportOptions,
    fork: bool = False,
    find_pull: Callable[[], int | None] = lambda: None,
) -> Outcome:
    """Count this failure on its issue, or open one (``find_pull`` is asked only then)."""
    label = opts.labels[0] if opts.labels else "autoheal"
    issues = sink.ours(label)
    match = find_match(issues, diagnosis.fingerprint)
    previous: Issue | None = None
    if match:
        issue, meta = match
        if issue.state == "open":
            return count_repeat(sink, issue, meta, diagnosis, ctx, reopen=False, templates=opts.templates)
        if issue.state_reason == "not_planned":
            return outcome(
                "skipped", diagnosis, issue, f"#{issue.number} with this fingerprint was closed as not planned"
            )
        closed = parse_time(issue.closed_at)
        if closed and now() - closed <= timedelta(days=opts.reopen_days):
            return count_repeat(sink, issue, meta, diagnosis, ctx, reopen=True, templates=opts.templates)
        previous = issue
    if _created_last_hour(issues) >= opts.max_issues_per_hour:
        return outcome("skipped", diagnosis, reason=f"max-issues-per-hour ({opts.max_issues_per_hour}) reached")
    ctx = dataclasses.replace(ctx, pull_request=ctx.pull_request or find_pull())
    if sink.dry_run:
        _create(sink, diagnosis, ctx, opts, label, previous, fork)
        return outcome("created", diagnosis, reason="dry-run")
    return _create_locked(sink, diagnosis, ctx, opts, label, previous, fork)


def _created_last_hour(issues: list[Issue]) -> int:
    cutoff = now() - timedelta(hours=1)
    return sum(1 for i in issues if (t := parse_time(i.created_at)) and t >= cutoff)


def _create_locked(
    sink: IssueSink,
    diagnosis: Diagnosis,
    ctx: RunContext,
    opts: ReportOptions,
    label: str,
    previous: Issue | None,
    fork: bool,
) -> Outcome:
    """Create under the fingerprint's lock, or count on the issue the lock's holder opens."""
    lock = LabelLock(sink.client, diagnosis.fingerprint, previous.number if previous else 0, run_key(ctx))
    while (busy := lock.acquire()) is not None:
        found = _wait_for(sink, label, diagnosis.fingerprint, previous, busy.until)
        if found:
            issue, meta = found
            counted = count_repeat(sink, issue, meta, diagnosis, ctx, reopen=False, templates=opts.templates)
            return replace(counted, reason=f"a concurrent report opened #{issue.number} first")
        if not lock.take_over():
            raise GitHubError(f"label {lock.name!r} keeps being taken and no issue appears; delete it and re-run")
    # Re-read under the lock: a holder may have created the issue and unlocked between our first
    # list and our lock (seen with 20 concurrent reports on a loaded machine).
    found = _opened_since(find_match(sink.ours(label, fresh=True), diagnosis.fingerprint), previous)
    if found:
        lock.release()
        counted = count_repeat(sink, found[0], found[1], diagnosis, ctx, reopen=False, templates=opts.templates)
        return replace(counted, reason=f"a concurrent report opened #{found[0].number} first")
    try:
        created = _create(sink, diagnosis, ctx, opts, label, previous, fork)
        assert created is not None  # not a dry run
        if lock.generation > 1:  # a holder we thought dead may have created after all
            return _settle_race(sink, created, diagnosis, ctx, label, opts.templates)
        return outcome("created", diagnosis, created)
    finally:
        lock.release()


def _wait_for(
    sink: IssueSink, label: str, fingerprint: str, previous: Issue | None, until: datetime
) -> tuple[Issue, dict[str, Any]] | None:
    """The issue the lock's holder opens, polled until the lock goes stale."""
    delay = 0.2
    while True:
        time.sleep(delay)
        found = _opened_since(find_match(sink.ours(label, fresh=True), fingerprint), previous)
        if found:
            return found
        if now() > until:
            return None
        delay = min(delay * 2, 5.0)


def _opened_since(
    found: tuple[Issue, dict[str, Any]] | None, previous: Issue | None
) -> tuple[Issue, dict[str, Any]] | None:
    """The match when it is an open issue newer than ``previous`` (one a concurrent report opened)."""
    if found and found[0].state == "open" and (previous is None or found[0].number > previous.number):
        return found
    return None


def _create(
    sink: IssueSink,
    diagnosis: Diagnosis,
    ctx: RunContext,
    opts: ReportOptions,
    label: str,
    previous: Issue | None,
    fork: bool,
) -> Issue | None:
    labels = issue_labels(diagnosis, opts)
    sink.ensure_labels(labels, label)
    meta = new_meta(diagnosis, ctx)
    rendered = render_issue(
        diagnosis, ctx, opts.templates, meta=meta, previous=previous.number if previous else None, fork=fork
    )

    def find() -> Issue | None:  # our create applied, its answer lost: the issue carries our first run
        issues = with_fingerprint(sink.ours(label, fresh=True), diagnosis.fingerprint)
        return next((i for i, m in issues if m.get("first_run") == meta["first_run"]), None)

    return sink.create(rendered.title, rendered.body, labels, find)


def _settle_race(
    sink: IssueSink, created: Issue, diagnosis: Diagnosis, ctx: RunContext, label: str, templates: Path | None
) -> Outcome:
    """After a stale-lock takeover only: if a twin is open, the lowest number wins."""
    twins = [
        (i, m) for i, m in with_fingerprint(sink.ours(label, fresh=True), diagnosis.fingerprint) if i.state == "open"
    ]
    winner, winner_meta = min(twins, key=lambda pair: pair[0].number, default=(created, {}))
    if winner.number >= created.number:
        return outcome("created", diagnosis, created)
    sink.comment(
        created.number, render_template("duplicate_comment.md.j2", templates_dir=templates, winner=winner.number)
    )
    sink.update(created.number, state="closed", state_reason="not_planned")
    counted = count_repeat(sink, winner, winner_meta, diagnosis, ctx, reopen=False, templates=templates)
    return replace(counted, reason=f"a concurrent report opened #{winner.number} first")
