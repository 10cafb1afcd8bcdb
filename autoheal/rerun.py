"""Re-run the failed jobs of a transient failure (report mode, ``report.rerun``).

A network blip, a rate limit or a lost runner is not worth an issue if the same jobs pass a
minute later. GitHub's limits decide what may be re-run: a run up to 30 days after it started,
at most 50 times (https://docs.github.com/actions/managing-workflow-runs/re-running-workflows-and-jobs).
On top, autoheal re-runs a run at most ``max-reruns`` times (attempt numbers count them), never
a run from a fork (its jobs would re-run with this repository's re-run rights), and at most
``max-reruns-per-hour`` times an hour, counted from the runs list (attempts > 1 started within
the hour, whoever started them), so no state is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from autoheal.errors import GitHubError
from autoheal.ghtypes import parse_time
from autoheal.github_api import Client
from autoheal.models import Diagnosis

GITHUB_RERUN_DAYS = 30
GITHUB_MAX_RERUNS = 50
RUNS_LOOKED_AT = 100  # one page of the runs list for the hourly cap


@dataclass(frozen=True)
class RerunOptions:
    enabled: bool = False
    min_confidence: float = 0.8
    max_reruns: int = 1
    per_hour: int = 5
    before_report: bool = False


@dataclass(frozen=True)
class Rerun:
    """What happened: ``started`` with the new attempt number, or why not (``reason``)."""

    started: bool
    reason: str
    attempt: int = 0


def eligibility(run: Mapping[str, Any], diagnoses: Sequence[Diagnosis], opts: RerunOptions, fork: bool) -> str | None:
    """Why this run must not be re-run, or None when it may be."""
    if not opts.enabled:
        return "rerun is off"
    if fork:
        return "runs from forks are never re-run"
    if not diagnoses or not all(d.transient for d in diagnoses):
        kinds = ", ".join(sorted({d.category for d in diagnoses if not d.transient})) or "none"
        return f"not every failure is transient ({kinds})"
    low = min(d.confidence for d in diagnoses)
    if low < opts.min_confidence:
        return f"triage confidence {low:.0%} is below rerun-min-confidence {opts.min_confidence:.0%}"
    attempt = int(run.get("run_attempt") or 1)
    if attempt > opts.max_reruns:
        return f"attempt {attempt} already re-ran it max-reruns ({opts.max_reruns}) times"
    if attempt > GITHUB_MAX_RERUNS:
        return f"GitHub re-runs a run at most {GITHUB_MAX_RERUNS} times"
    created = parse_time(run.get("created_at"))
    if created and datetime.now(timezone.utc) - created > timedelta(days=GITHUB_RERUN_DAYS):
        return f"GitHub re-runs a run only up to {GITHUB_RERUN_DAYS} days after it started"
    return None


def reruns_last_hour(runs: Iterable[Mapping[str, Any]]) -> int:
    cutoff = datetime.now(timezone.utc) - timedelta(hours=1)
    return sum(
        1
        for r in runs
        if int(r.get("run_attempt") or 1) > 1 and (t := parse_time(r.get("run_started_at"))) is not None and t >= cutoff
    )


def maybe_rerun(
    client: Client,
    run: Mapping[str, Any],
    diagnoses: Sequence[Diagnosis],
    opts: RerunOptions,
    fork: bool,
    dry_run: bool,
    say: Callable[[str], None],
) -> Rerun:
    why = eligibility(run, diagnoses, opts, fork)
    if why:
        return Rerun(False, why)
    recent = reruns_last_hour(client.list_runs({}, limit=RUNS_LOOKED_AT))
    if recent >= opts.per_hour:
        return Rerun(False, f"max-reruns-per-hour ({opts.per_hour}) reached")
    attempt = int(run.get("run_attempt") or 1) + 1
    if dry_run:
        say(f"[dry-run] would re-run the failed jobs of run {run.get('id')}")
        return Rerun(True, "dry-run", attempt)
    try:
        client.rerun_failed_jobs(int(run["id"]))
    except GitHubError as exc:
        return Rerun(False, f"GitHub refused the re-run: {exc}")
    return Rerun(True, f"re-ran the failed jobs (attempt {attempt}): the failure looks transient", attempt)


def note(run: Mapping[str, Any], rerun: Rerun) -> str:
    """The comment that says so on the issue (with a marker: one per run attempt)."""
    url = str(run.get("html_url") or "")
    link = f"[run {run.get('id')}]({url})" if url else f"run {run.get('id')}"
    text = (
        f"autoheal re-ran the failed jobs of {link} as attempt {rerun.attempt}: the failure looks transient. "
        "If the re-run passes, this issue records a flaky occurrence."
    )
    return f"{text}\n\n{marker(int(run['id']), rerun.attempt)}\n"


def marker(run_id: int, attempt: int) -> str:
    return f"<!-- autoheal:rerun {int(run_id)}.{int(attempt)} -->"
