"""One issue per distinct failure: find, comment, reopen or create, and never spam.

Issues are found by the fingerprint in their hidden metadata block, through
the issues list filtered by our label (the search index lags, so it is not
relied upon). Two reports racing on one new fingerprint both create an issue;
each then lists again and the higher-numbered one closes itself as a
duplicate of the lowest, so one open issue remains.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from autoheal import metadata
from autoheal.github_api import Client, Issue
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
    """Issue reads and writes for one run; in dry-run every write is printed instead."""

    def __init__(self, client: Client, dry_run: bool = False, say: Callable[[str], None] = print) -> None:
        self.client = client
        self.dry_run = dry_run
        self.say = say
        self._ours: list[Issue] | None = None
        self._labels: set[str] | None = None

    def ours(self, label: str, fresh: bool = False) -> list[Issue]:
        if self._ours is None or fresh:
            self._ours = [i for i in self.client.list_issues(label, state="all") if not i.is_pull_request]
        return self._ours

    def ensure_labels(self, labels: list[str]) -> None:
        if self._labels is None:
            self._labels = self.client.label_names()
        for name in labels:
            if name in self._labels:
                continue
            self._create_label(name)
            self._labels.add(name)

    def _create_label(self, name: str) -> None:
        colour, description = _label_style(name)
        self._write(f"create label {name!r}", lambda: self.client.create_label(name, colour, description))

    def create(self, title: str, body: str, labels: list[str]) -> Issue | None:
        created: Issue | None = self._write(
            f"create issue {title!r} with labels {labels}\n{body}",
            lambda: self.client.create_issue(title, body, labels),
        )
        return created

    def update(self, number: int, **fields: Any) -> None:
        shown = {k: (v if k != "body" else f"<{len(v)} characters>") for k, v in fields.items()}
        self._write(f"update issue #{number}: {shown}", lambda: self.client.update_issue(number, **fields))

    def comment(self, number: int, body: str) -> None:
        self._write(f"comment on issue #{number}:\n{body}", lambda: self.client.comment(number, body))

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


def new_meta(diagnosis: Diagnosis, ctx: RunContext, previous: dict[str, Any] | None = None) -> dict[str, Any]:
    stamp = _now().strftime("%Y-%m-%dT%H:%M:%SZ")
    count = int(previous.get("occurrences") or 1) + 1 if previous else 1
    return {
        "fingerprint": diagnosis.fingerprint,
        "category": diagnosis.category,
        "rule": diagnosis.rule,
        "captures": dict(diagnosis.captures),
        "run_id": ctx.run_id,
        "run_attempt": ctx.run_attempt,
        "job_id": ctx.job_id,
        "job": diagnosis.job,
        "step": diagnosis.step,
        "workflow": ctx.workflow,
        "occurrences": count,
        "first_seen": (previous or {}).get("first_seen") or stamp,
        "last_seen": stamp,
    }


def updated_body(body: str, meta: dict[str, Any]) -> str:
    """Bump the visible counter and the hidden block; the rest of a human-edited body stays."""
    body = _COUNTER.sub(lambda m: f"{m.group(1)}{meta['occurrences']}", body, count=1)
    return metadata.replace(body, meta)


def _repeat(
    sink: IssueSink,
    issue: Issue,
    meta: dict[str, Any],
    diagnosis: Diagnosis,
    ctx: RunContext,
    reopen: bool,
    templates: Path | None,
) -> Outcome:
    if meta.get("run_id") == ctx.run_id and meta.get("run_attempt") == ctx.run_attempt:
        return Outcome(
            "skipped",
            diagnosis.fingerprint,
            diagnosis.category,
            issue.number,
            issue.html_url,
            f"run {ctx.run_id} attempt {ctx.run_attempt} is already on #{issue.number}",
        )
    fresh = new_meta(diagnosis, ctx, meta)
    sink.comment(issue.number, render_comment(diagnosis, ctx, int(fresh["occurrences"]), templates, regression=reopen))
    fields: dict[str, Any] = {"body": updated_body(issue.body, fresh)}
    if reopen:
        fields["state"] = "open"
    sink.update(issue.number, **fields)
    result = "reopened" if reopen else "commented"
    return Outcome(result, diagnosis.fingerprint, diagnosis.category, issue.number, issue.html_url)


def _created_last_hour(issues: list[Issue]) -> int:
    cutoff = _now() - timedelta(hours=1)
    return sum(1 for i in issues if (t := _parse_time(i.created_at)) and t >= cutoff)


def file_issue(
    sink: IssueSink, diagnosis: Diagnosis, ctx: RunContext, opts: ReportOptions, fork: bool = False
) -> Outcome:
    label = opts.labels[0] if opts.labels else "autoheal"
    issues = sink.ours(label)
    match = find_match(issues, diagnosis.fingerprint)
    previous: Issue | None = None
    if match:
        issue, meta = match
        if issue.state == "open":
            return _repeat(sink, issue, meta, diagnosis, ctx, reopen=False, templates=opts.templates)
        if issue.state_reason == "not_planned":
            return Outcome(
                "skipped",
                diagnosis.fingerprint,
                diagnosis.category,
                issue.number,
                issue.html_url,
                f"#{issue.number} with this fingerprint was closed as not planned",
            )
        closed = _parse_time(issue.closed_at)
        if closed and _now() - closed <= timedelta(days=opts.reopen_days):
            return _repeat(sink, issue, meta, diagnosis, ctx, reopen=True, templates=opts.templates)
        previous = issue
    if _created_last_hour(issues) >= opts.max_issues_per_hour:
        return Outcome(
            "skipped",
            diagnosis.fingerprint,
            diagnosis.category,
            reason=f"max-issues-per-hour ({opts.max_issues_per_hour}) reached",
        )
    return _create(sink, diagnosis, ctx, opts, label, previous, fork)


def _create(
    sink: IssueSink,
    diagnosis: Diagnosis,
    ctx: RunContext,
    opts: ReportOptions,
    label: str,
    previous: Issue | None,
    fork: bool,
) -> Outcome:
    labels = issue_labels(diagnosis, opts)
    sink.ensure_labels(labels)
    meta = new_meta(diagnosis, ctx)
    rendered = render_issue(
        diagnosis, ctx, opts.templates, meta=meta, previous=previous.number if previous else None, fork=fork
    )
    created = sink.create(rendered.title, rendered.body, labels)
    if created is None:  # dry-run
        return Outcome("created", diagnosis.fingerprint, diagnosis.category, reason="dry-run")
    return _settle_race(sink, created, diagnosis, ctx, label, opts.templates)


def _settle_race(
    sink: IssueSink, created: Issue, diagnosis: Diagnosis, ctx: RunContext, label: str, templates: Path | None
) -> Outcome:
    """If another report created the same fingerprint meanwhile, the lowest number wins."""
    twins = [
        (i, m) for i, m in with_fingerprint(sink.ours(label, fresh=True), diagnosis.fingerprint) if i.state == "open"
    ]
    winner, winner_meta = min(twins, key=lambda pair: pair[0].number, default=(created, {}))
    if winner.number >= created.number:
        return Outcome("created", diagnosis.fingerprint, diagnosis.category, created.number, created.html_url)
    sink.comment(
        created.number, render_template("duplicate_comment.md.j2", templates_dir=templates, winner=winner.number)
    )
    sink.update(created.number, state="closed", state_reason="not_planned")
    outcome = _repeat(sink, winner, winner_meta, diagnosis, ctx, reopen=False, templates=templates)
    return Outcome(
        outcome.result,
        outcome.fingerprint,
        outcome.category,
        winner.number,
        winner.html_url,
        f"a concurrent report opened #{winner.number} first",
    )
