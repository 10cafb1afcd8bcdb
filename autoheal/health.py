"""CI health over a window (``autoheal health``): per workflow runs, failure rate and its trend,
the top failures, time to recovery, fix PR outcomes per fixer and rule, re-runs.

Everything is read from the API with bounded pagination (at most ``MAX_RUNS`` runs over two
windows, ``MAX_ISSUES`` issues, ``MAX_PULLS`` PRs), so the cost is known before it starts and
is printed after. Rendering lives in ``healthreport``.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from autoheal import metadata, outcomes
from autoheal.ghtypes import FAILED_CONCLUSIONS, Issue, parse_time
from autoheal.github_api import Client

MAX_RUNS = 1000  # 10 pages
MAX_ISSUES = 500
MAX_PULLS = 300
BUCKETS = 10  # points of the chart and of each sparkline


@dataclass(frozen=True)
class WorkflowHealth:
    name: str
    runs: int
    failures: int
    previous_runs: int
    previous_failures: int
    series: tuple[float | None, ...]  # failure rate per bucket (None: no run in it)

    @property
    def rate(self) -> float:
        return self.failures / self.runs if self.runs else 0.0

    @property
    def previous_rate(self) -> float | None:
        return self.previous_failures / self.previous_runs if self.previous_runs else None


@dataclass(frozen=True)
class Failure:
    number: int
    title: str
    fingerprint: str
    category: str
    occurrences: int
    state: str
    flaky: int


@dataclass
class Health:
    repo: str
    days: int
    since: datetime
    until: datetime
    workflows: list[WorkflowHealth] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    recovery_hours: list[float] = field(default_factory=list)
    passing_again: int = 0
    reruns: int = 0
    reruns_passed: int = 0
    by_fixer: dict[str, outcomes.Tally] = field(default_factory=dict)
    by_rule: dict[str, outcomes.Tally] = field(default_factory=dict)
    rule_success: dict[str, tuple[int, int]] = field(default_factory=dict)  # last 10 decided per rule
    api_calls: int = 0

    @property
    def median_recovery_hours(self) -> float | None:
        return statistics.median(self.recovery_hours) if self.recovery_hours else None

    def to_json(self) -> dict[str, Any]:
        return {
            "repo": self.repo,
            "days": self.days,
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "workflows": [
                {
                    "name": w.name,
                    "runs": w.runs,
                    "failures": w.failures,
                    "failure_rate": round(w.rate, 4),
                    "previous_failure_rate": None if w.previous_rate is None else round(w.previous_rate, 4),
                    "series": list(w.series),
                }
                for w in self.workflows
            ],
            "top_failures": [f.__dict__ for f in self.failures],
            "time_to_recovery_hours": {"median": self.median_recovery_hours, "count": len(self.recovery_hours)},
            "passing_again_open": self.passing_again,
            "reruns": {"total": self.reruns, "passed": self.reruns_passed},
            "fix_prs": {
                "by_fixer": {k: t.__dict__ for k, t in self.by_fixer.items()},
                "by_rule": {k: t.__dict__ for k, t in self.by_rule.items()},
                "rule_recent_success": {k: {"merged": m, "decided": d} for k, (m, d) in self.rule_success.items()},
            },
            "api_calls": self.api_calls,
        }


def _bucket(t: datetime, since: datetime, span: timedelta) -> int:
    return min(BUCKETS - 1, max(0, int((t - since) / span * BUCKETS)))


def workflow_health(runs: Iterable[Mapping[str, Any]], since: datetime, until: datetime) -> list[WorkflowHealth]:
    span = until - since
    current: dict[str, list[tuple[datetime, bool]]] = defaultdict(list)
    previous: Counter[tuple[str, bool]] = Counter()
    for run in runs:
        t = parse_time(run.get("created_at"))
        if t is None or run.get("status") != "completed" or outcomes.is_fix_branch(run):
            continue
        name, red = str(run.get("name") or run.get("path") or "?"), run.get("conclusion") in FAILED_CONCLUSIONS
        if since <= t <= until:
            current[name].append((t, red))
        elif since - span <= t < since:
            previous[(name, red)] += 1
    found = []
    for name, seen in current.items():
        per: list[list[bool]] = [[] for _ in range(BUCKETS)]
        for t, red in seen:
            per[_bucket(t, since, span)].append(red)
        series = tuple(sum(b) / len(b) if b else None for b in per)
        failures = sum(red for _, red in seen)
        prev_f, prev_ok = previous[(name, True)], previous[(name, False)]
        found.append(WorkflowHealth(name, len(seen), failures, prev_f + prev_ok, prev_f, series))
    return sorted(found, key=lambda w: (-w.rate, w.name))


def _issue_figures(health: Health, issues: Iterable[Issue]) -> None:
    for issue in issues:
        meta = metadata.extract(issue.body)
        if meta is None:
            continue
        last = parse_time(meta.get("last_seen")) or parse_time(issue.created_at)
        # Recovered: green again (``passing_at``, kept while the issue stays open) or closed.
        ended = parse_time(meta.get("passing_at")) or parse_time(issue.closed_at)
        first = parse_time(meta.get("first_seen"))
        if ended and first and ended >= health.since:
            health.recovery_hours.append(round((ended - first).total_seconds() / 3600, 1))
        if issue.state == "open" and meta.get("passing_since"):
            health.passing_again += 1
        if last is None or last < health.since:
            continue
        health.failures.append(
            Failure(
                issue.number,
                issue.title,
                str(meta["fingerprint"]),
                str(meta["category"]),
                int(meta.get("occurrences") or 1),
                issue.state,
                int(meta.get("flaky") or 0),
            )
        )
    health.failures.sort(key=lambda f: (-f.occurrences, f.number))
    del health.failures[10:]


def gather(client: Client, days: int, label: str = "autoheal", now: datetime | None = None) -> Health:
    until = now or datetime.now(timezone.utc)
    since = until - timedelta(days=days)
    health = Health(client.repo, days, since, until)
    oldest = (since - timedelta(days=days)).strftime("%Y-%m-%d")
    # ``created`` narrows the list server-side; the dates are checked here again.
    runs = list(client.list_runs({"created": f">={oldest}"}, limit=MAX_RUNS))
    health.workflows = workflow_health(runs, since, until)
    window = [r for r in runs if (t := parse_time(r.get("run_started_at") or r.get("created_at"))) and t >= since]
    again = [r for r in window if int(r.get("run_attempt") or 1) > 1 and r.get("status") == "completed"]
    health.reruns, health.reruns_passed = len(again), sum(r.get("conclusion") == "success" for r in again)
    _issue_figures(
        health, (i for i in client.list_issues(label, state="all", limit=MAX_ISSUES) if not i.is_pull_request)
    )
    records = outcomes.records(client.list_pulls(state="all", limit=MAX_PULLS))
    recent = [r for r in records if (t := parse_time(r.created_at)) and t >= since]
    health.by_fixer, health.by_rule = outcomes.tally(recent, "fixer"), outcomes.tally(recent, "rule")
    health.rule_success = {rule: outcomes.recent_success(records, rule) for rule in {r.rule for r in records}}
    health.api_calls = client.calls
    return health
