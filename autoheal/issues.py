"""One issue per distinct failure: find, comment, reopen or create, and never spam.

Issues are found by the fingerprint in their hidden metadata block, through
the issues list filtered by our label (the search index lags, so it is not
relied upon). Reports racing on one new fingerprint open one issue between
them: the one holding the fingerprint's lock (``issuelock``) creates it, the
others wait for it and count themselves on it; repeats are counted without
loss however many land at once (``occurrences``).
"""

from __future__ import annotations

import dataclasses
import random
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from autoheal import metadata, occurrences
from autoheal.errors import GitHubError
from autoheal.ghtypes import Issue
from autoheal.github_api import Client
from autoheal.issuelock import LabelLock
from autoheal.models import Diagnosis
from autoheal.render import RunContext, render_comment, render_issue, render_template
from autoheal.sanitize import safe_label

LABEL_COLOURS = {
    "autoheal": ("5319e7", "A CI failure reported by autoheal"),
    "auto-heal": ("0e8a16", "autoheal may try to fix this failure"),
}
CATEGORY_COLOUR = "c5def5"
SEVERITY_COLOUR = "fbca04"
DEFAULT_CONCLUSIONS = ("failure", "timed_out", "startup_failure")
_COUNTER = re.compile(r"(\*\*Occurrences:\*\*\s*)(\d+)")
MAX_RECOUNTS = 30


@dataclass(frozen=True)
class ReportOptions:
    labels: tuple[str, ...] = ("autoheal",)
    conclusions: tuple[str, ...] = DEFAULT_CONCLUSIONS
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


class IssueSink:
    """Issue reads and writes for one run; in dry-run every write is printed instead.

    Creates are never retried blindly (see ``github_api``): when the answer is lost, ``find``
    looks for what the first try may have made before trying again.
    """

    def __init__(self, client: Client, dry_run: bool = False, say: Callable[[str], None] = print) -> None:
        self.client = client
        self.dry_run = dry_run
        self.say = say
        self._ours: list[Issue] | None = None

    def ours(self, label: str, fresh: bool = False) -> list[Issue]:
        if self._ours is None or fresh:
            self._ours = [i for i in self.client.list_issues(label, state="all") if not i.is_pull_request]
        return self._ours

    def ensure_labels(self, labels: list[str], label: str) -> None:
        """Create (with colours) the labels that none of our listed issues carries yet.

        The issues list is read anyway, so a label seen on one of them needs no call; an
        unseen one is created, and 422 (it exists) is fine. A repository's first issues pay
        one call per label, later ones only for a new category.
        """
        seen = {name.lower() for issue in self.ours(label) for name in issue.labels}
        for name in labels:
            if name.lower() not in seen:
                self._create_label(name)

    def _create_label(self, name: str) -> None:
        colour, description = _label_style(name)
        self._write(f"create label {name!r}", lambda: self.client.create_label(name, colour, description))

    def create(self, title: str, body: str, labels: list[str], find: Callable[[], Issue | None]) -> Issue | None:
        created: Issue | None = self._once(
            f"create issue {title!r} with labels {labels}\n{body}",
            lambda: self.client.create_issue(title, body, labels),
            find,
        )
        return created

    def update(self, number: int, **fields: Any) -> Issue | None:
        shown = {k: (v if k != "body" else f"<{len(v)} characters>") for k, v in fields.items()}
        updated: Issue | None = self._write(
            f"update issue #{number}: {shown}", lambda: self.client.update_issue(number, **fields)
        )
        return updated

    def comment(self, number: int, body: str, key: str | None = None) -> None:
        """Comment; with ``key`` a lost answer is resolved by looking for the comment's marker."""

        def find() -> bool | None:
            if key is None:
                return None
            return any(occurrences.marker_of(c.body) == key for c in self.client.comments(number)) or None

        self._once(f"comment on issue #{number}:\n{body}", lambda: self.client.comment(number, body), find)

    def _once(self, what: str, action: Callable[[], Any], find: Callable[[], Any]) -> Any:
        if self.dry_run:
            self.say(f"[dry-run] would {what}")
            return None
        for attempt in range(self.client.retries + 1):
            try:
                return action()
            except GitHubError as exc:
                if not exc.ambiguous or attempt == self.client.retries:
                    raise
            found = find()
            if found is not None:
                return found
            time.sleep(self.client.backoff * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _write(self, what: str, action: Callable[[], Any]) -> Any:
        if self.dry_run:
            self.say(f"[dry-run] would {what}")
            return None
        return action()


def _label_style(name: str) -> tuple[str, str]:
    if name in LABEL_COLOURS:
        return LABEL_COLOURS[name]
    if name.startswith("severity:"):
        return SEVERITY_COLOUR, "Severity of a failure reported by autoheal"
    return CATEGORY_COLOUR, f"autoheal failure category {name.split(':', 1)[-1]}"[:100]


def issue_labels(diagnosis: Diagnosis, opts: ReportOptions) -> list[str]:
    labels = list(opts.labels) + [f"autoheal:{diagnosis.category}", f"severity:{diagnosis.severity}"]
    if opts.auto_heal_label:
        labels.append("auto-heal")
    return list(dict.fromkeys(safe_label(label) for label in labels))


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def with_fingerprint(issues: Iterable[Issue], fingerprint: str) -> list[tuple[Issue, dict[str, Any]]]:
    """The issues whose metadata block names ``fingerprint``, each with that metadata."""
    return [(i, m) for i in issues if (m := metadata.extract(i.body)) and m.get("fingerprint") == fingerprint]


def find_match(issues: list[Issue], fingerprint: str) -> tuple[Issue, dict[str, Any]] | None:
    """The open issue with this fingerprint, else the most recently closed one."""
    found = with_fingerprint(issues, fingerprint)
    found.sort(key=lambda pair: (pair[0].state != "open", -pair[0].number))
    return found[0] if found else None


def new_meta(diagnosis: Diagnosis, ctx: RunContext) -> dict[str, Any]:
    """The metadata of a new issue: this run attempt is its first occurrence."""
    stamp = _now().strftime("%Y-%m-%dT%H:%M:%SZ")
    key = occurrences.run_key(ctx)
    return {
        **_seen(diagnosis, ctx, stamp),
        "fingerprint": diagnosis.fingerprint,
        "category": diagnosis.category,
        "occurrences": occurrences.weight(key),
        "base": occurrences.weight(key),
        "synced": 0,
        "first_run": key,
        "runs": [key],
        "first_seen": stamp,
    }


def _seen(diagnosis: Diagnosis, ctx: RunContext, stamp: str, repeat: bool = False) -> dict[str, Any]:
    """What the latest occurrence says about the failure.

    A command-line repeat keeps the run the issue came from: heal follows that run's job.
    """
    seen: dict[str, Any] = {
        "rule": diagnosis.rule,
        "captures": dict(diagnosis.captures),
        "last_seen": stamp,
        "source": "cli" if ctx.cli is not None else None,
    }
    if repeat and ctx.cli is not None:
        return seen
    run = {"run_id": ctx.run_id, "run_attempt": ctx.run_attempt, "job_id": ctx.job_id, "workflow": ctx.workflow}
    # A new failure ends a recovery streak (``loop``): None drops the keys on write.
    recovery = {
        "branch": ctx.branch or None,
        "passing_since": None,
        "passing_at": None,
        "green_streak": None,
        "last_green": None,
    }
    return {**run, "job": diagnosis.job, "step": diagnosis.step, **seen, **recovery}


def updated_body(body: str, meta: dict[str, Any]) -> str:
    """Bump the visible counter and the hidden block; the rest of a human-edited body stays."""
    body = _COUNTER.sub(lambda m: f"{m.group(1)}{meta['occurrences']}", body, count=1)
    return metadata.replace(body, meta)


def _outcome(result: str, diagnosis: Diagnosis, issue: Issue | None = None, reason: str = "") -> Outcome:
    number, url = (issue.number, issue.html_url) if issue else (None, "")
    return Outcome(result, diagnosis.fingerprint, diagnosis.category, number, url, reason)


def _repeat(
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
        return _outcome(
            "skipped", diagnosis, issue, f"run {ctx.run_id} attempt {ctx.run_attempt} is already on #{issue.number}"
        )
    fresh = occurrences.bumped({**meta, **_seen(diagnosis, ctx, _stamp(), repeat=True)}, key, issue.comments)
    comment = render_comment(diagnosis, ctx, int(fresh["occurrences"]), templates, regression=reopen)
    sink.comment(issue.number, occurrences.with_marker(comment, key), key)
    fields: dict[str, Any] = {"body": updated_body(issue.body, fresh)}
    if reopen:
        fields["state"] = "open"
    written = sink.update(issue.number, **fields)
    if written is not None and not (
        occurrences.in_sync(meta, issue.comments) and written.comments == issue.comments + 1
    ):
        _recount(sink.client, issue.number, diagnosis, ctx, reopen)
    return _outcome("reopened" if reopen else "commented", diagnosis, issue)


def _recount(client: Client, number: int, diagnosis: Diagnosis, ctx: RunContext, reopen: bool) -> None:
    """Rewrite the counter from the markers until no comment lands between read and write."""
    for attempt in range(MAX_RECOUNTS):
        comments = client.comments(number)
        issue = client.get_issue(number)  # re-read right before the write
        meta = metadata.extract(issue.body)
        if meta is None:
            return  # someone removed the block: nothing of ours to keep in sync
        fresh = occurrences.recount({**meta, **_seen(diagnosis, ctx, _stamp(), repeat=True)}, comments, issue.user)
        fields: dict[str, Any] = {"body": updated_body(issue.body, fresh)}
        if reopen and issue.state != "open":
            fields["state"] = "open"
        if client.update_issue(number, **fields).comments == len(comments):
            return
        time.sleep(random.uniform(0.05, 0.3) * (attempt + 1))  # spread writers that keep colliding


def _stamp() -> str:
    return _now().strftime("%Y-%m-%dT%H:%M:%SZ")


def _created_last_hour(issues: list[Issue]) -> int:
    cutoff = _now() - timedelta(hours=1)
    return sum(1 for i in issues if (t := _parse_time(i.created_at)) and t >= cutoff)


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
            return _repeat(sink, issue, meta, diagnosis, ctx, reopen=False, templates=opts.templates)
        if issue.state_reason == "not_planned":
            return _outcome(
                "skipped", diagnosis, issue, f"#{issue.number} with this fingerprint was closed as not planned"
            )
        closed = _parse_time(issue.closed_at)
        if closed and _now() - closed <= timedelta(days=opts.reopen_days):
            return _repeat(sink, issue, meta, diagnosis, ctx, reopen=True, templates=opts.templates)
        previous = issue
    if _created_last_hour(issues) >= opts.max_issues_per_hour:
        return _outcome("skipped", diagnosis, reason=f"max-issues-per-hour ({opts.max_issues_per_hour}) reached")
    ctx = dataclasses.replace(ctx, pull_request=ctx.pull_request or find_pull())
    if sink.dry_run:
        _create(sink, diagnosis, ctx, opts, label, previous, fork)
        return _outcome("created", diagnosis, reason="dry-run")
    return _create_locked(sink, diagnosis, ctx, opts, label, previous, fork)


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
    lock = LabelLock(sink.client, diagnosis.fingerprint, previous.number if previous else 0, occurrences.run_key(ctx))
    while (busy := lock.acquire()) is not None:
        found = _wait_for(sink, label, diagnosis.fingerprint, previous, busy.until)
        if found:
            issue, meta = found
            outcome = _repeat(sink, issue, meta, diagnosis, ctx, reopen=False, templates=opts.templates)
            return replace(outcome, reason=f"a concurrent report opened #{issue.number} first")
        if not lock.take_over():
            raise GitHubError(f"label {lock.name!r} keeps being taken and no issue appears; delete it and re-run")
    # Re-read under the lock: a holder may have created the issue and unlocked between our first
    # list and our lock (seen with 20 concurrent reports on a loaded machine).
    found = find_match(sink.ours(label, fresh=True), diagnosis.fingerprint)
    if found and found[0].state == "open" and (previous is None or found[0].number > previous.number):
        lock.release()
        outcome = _repeat(sink, found[0], found[1], diagnosis, ctx, reopen=False, templates=opts.templates)
        return replace(outcome, reason=f"a concurrent report opened #{found[0].number} first")
    try:
        created = _create(sink, diagnosis, ctx, opts, label, previous, fork)
        assert created is not None  # not a dry run
        if lock.generation > 1:  # a holder we thought dead may have created after all
            return _settle_race(sink, created, diagnosis, ctx, label, opts.templates)
        return _outcome("created", diagnosis, created)
    finally:
        lock.release()


def _wait_for(
    sink: IssueSink, label: str, fingerprint: str, previous: Issue | None, until: datetime
) -> tuple[Issue, dict[str, Any]] | None:
    """The issue the lock's holder opens, polled until the lock goes stale."""
    delay = 0.2
    while True:
        time.sleep(delay)
        found = find_match(sink.ours(label, fresh=True), fingerprint)
        if found and found[0].state == "open" and (previous is None or found[0].number > previous.number):
            return found
        if _now() > until:
            return None
        delay = min(delay * 2, 5.0)


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
        return _outcome("created", diagnosis, created)
    sink.comment(
        created.number, render_template("duplicate_comment.md.j2", templates_dir=templates, winner=winner.number)
    )
    sink.update(created.number, state="closed", state_reason="not_planned")
    outcome = _repeat(sink, winner, winner_meta, diagnosis, ctx, reopen=False, templates=templates)
    return replace(outcome, reason=f"a concurrent report opened #{winner.number} first")
