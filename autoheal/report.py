"""Report mode: turn a failed workflow run into one deduplicated issue per cause."""

from __future__ import annotations

import fnmatch
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from autoheal import recovery, rerun
from autoheal.actions import Event
from autoheal.baselinerun import Finder
from autoheal.errors import UsageError
from autoheal.ghtypes import Issue
from autoheal.github_api import Client
from autoheal.issuefiling import file_issue
from autoheal.issues import Outcome, ReportOptions
from autoheal.issuesink import IssueSink
from autoheal.models import Diagnosis
from autoheal.outcomes import is_fix_branch
from autoheal.render import RunContext
from autoheal.rules import RuleSet
from autoheal.runfetch import failed_jobs, job_logs
from autoheal.sanitize import inline_text
from autoheal.startup import startup_doc
from autoheal.timing import with_timing
from autoheal.triage import diagnose, triage_docs
from autoheal.verify import Verifier


@dataclass(frozen=True)
class LoopOptions:
    """Closing the loop (issue 11): re-runs, recovery, fix PR verification."""

    rerun: rerun.RerunOptions = rerun.RerunOptions()
    ready_when_green: bool = False
    close_after_green: int = 0


@dataclass(frozen=True)
class Skip:
    reason: str


def _matches(value: str, globs: Sequence[str]) -> bool:
    return any(fnmatch.fnmatchcase(value, g) for g in globs)


def skip_reason(run: Mapping[str, Any], default_branch: str, opts: ReportOptions, event: Event) -> str | None:
    """Why this run is not ours to report, or None when it is; ``event`` says which workflow
    autoheal itself runs in."""
    name, path = str(run.get("name") or ""), str(run.get("path") or "")
    if run.get("status") not in (None, "completed"):
        return f"run {run.get('id')} is {run.get('status')}, not completed"
    if run.get("conclusion") not in opts.conclusions:
        return f"run concluded {run.get('conclusion')!r}, not one of {', '.join(opts.conclusions)}"
    if event.is_own_run(run):
        return f"workflow {name!r} is autoheal's own (loop guard)"
    if _matches(name, opts.exclude_workflows) or _matches(path, opts.exclude_workflows):
        return f"workflow {name!r} is excluded by exclude-workflows"
    branch = str(run.get("head_branch") or "")
    allowed = opts.branches or (default_branch,)
    if not _matches(branch, allowed):
        return f"branch {branch!r} is not one of {', '.join(allowed)} (set branches to report it)"
    return None


def run_from_event(event: Event, client: Client, run_id: int | None) -> Mapping[str, Any] | Skip:
    if run_id:
        return client.get_run(run_id)
    if event.name == "workflow_run":
        if event.payload.get("action") not in (None, "completed"):
            return Skip(f"workflow_run action {event.payload.get('action')!r}, waiting for 'completed'")
        run = event.payload.get("workflow_run")
        if not isinstance(run, dict):
            raise UsageError("the workflow_run event has no workflow_run object")
        return run
    if event.name == "workflow_dispatch":
        raise UsageError("workflow_dispatch needs the run-id input: the id of the run to report")
    raise UsageError(f"report runs on workflow_run events or with --run-id (got event {event.name or 'none'!r})")


def run_context(run: Mapping[str, Any], repo: str, job_id: int | None = None) -> RunContext:
    return RunContext(
        repo=repo,
        run_id=int(run["id"]),
        run_attempt=int(run.get("run_attempt") or 1),
        run_url=str(run.get("html_url") or ""),
        workflow=str(run.get("name") or ""),
        branch=str(run.get("head_branch") or ""),
        sha=str(run.get("head_sha") or ""),
        job_id=job_id,
        event=str(run.get("event") or ""),
        actor=None,
    )


def pull_finder(client: Client, run: Mapping[str, Any]) -> Callable[[], int | None]:
    """The PR a pull-request run tested, looked up at most once and only when asked.

    ``workflow_run.pull_requests`` is empty for runs from forks
    (https://docs.github.com/webhooks/webhook-events-and-payloads#workflow_run), so those are
    found by head sha (``GET /repos/{o}/{r}/commits/{sha}/pulls``): one call, paid only when
    an issue is created for a fork run.
    """
    listed = [p for p in run.get("pull_requests") or [] if isinstance(p, dict) and p.get("number")]
    sha, head = str(run.get("head_sha") or ""), str((run.get("head_repository") or {}).get("full_name") or "")
    wanted = str(run.get("event") or "") in ("pull_request", "pull_request_target")

    @functools.cache
    def find() -> int | None:
        if listed:
            return int(listed[0]["number"])
        if not (wanted and sha and is_fork_run(run, client.repo)):
            return None
        pulls = [p for p in client.pulls_for_commit(sha) if not head or p.head_repo in ("", head)]
        pulls.sort(key=lambda p: (p.state != "open", -p.number))
        return pulls[0].number if pulls else None

    return find


def is_fork_run(run: Mapping[str, Any], repo: str) -> bool:
    head = run.get("head_repository") or {}
    return bool(head) and str(head.get("full_name") or repo) != repo


def diagnose_run(
    client: Client, run: Mapping[str, Any], ruleset: RuleSet, baseline: Finder | None = None
) -> list[tuple[int | None, Diagnosis]]:
    """Triage every failed job of the run's attempt: (job id, diagnosis) pairs; with ``baseline``,
    each job against the same job of the workflow's last green run."""
    run_id, attempt = int(run["id"]), int(run.get("run_attempt") or 1)
    failed = failed_jobs(client, run_id, attempt)
    found: list[tuple[int | None, Diagnosis]] = []
    for job, docs in job_logs(client, run_id, attempt, failed):
        if docs:
            known = baseline.for_job(job.name) if baseline is not None else None
            diagnosis = replace(triage_docs(docs, ruleset, job.name, known), job=job.name)
            found.append((job.id, with_timing(diagnosis, docs, job.steps)))  # key lines, links, timing
        else:
            found.append((job.id, _expired(job.name, run)))
    if not failed:
        startup = startup_doc(client, run)  # GitHub refused the workflow file: rebuild its message
        if startup is not None:
            found.append((None, triage_docs([startup], ruleset, str(run.get("name") or "workflow"))))
        else:
            found.append((None, _expired("", run, "the run has no failed job in attempt %d" % attempt)))
    return found


def _expired(job: str, run: Mapping[str, Any], why: str = "the logs have expired or were deleted") -> Diagnosis:
    name = str(run.get("name") or "workflow")
    diagnosis = diagnose([], f"{name}/{job}")
    note = f"Run {run.get('id')} failed, but {why}; only the run's metadata is known."
    return replace(
        diagnosis,
        summary=note,
        title=f"unknown: {name} failed ({why})"[:120],
        job=job or None,
        hint="Re-run the workflow to get fresh logs, or open the run page.",
    )


def dedupe_by_fingerprint(found: Sequence[tuple[int | None, Diagnosis]]) -> list[tuple[int | None, Diagnosis]]:
    """Matrix jobs failing for one cause give one issue, not one per job."""
    seen: dict[str, tuple[int | None, Diagnosis]] = {}
    for job_id, diagnosis in found:
        seen.setdefault(diagnosis.fingerprint, (job_id, diagnosis))
    return list(seen.values())


def _default_branch(event: Event, client: Client) -> Callable[[], str]:
    """The event's default branch, else the repository's (``GET /repos/{owner}/{repo}``)."""
    return lambda: event.default_branch or client.get_repo().default_branch


def report(
    client: Client,
    sink: IssueSink,
    event: Event,
    ruleset: RuleSet,
    opts: ReportOptions,
    run_id: int | None = None,
    loop: LoopOptions = LoopOptions(),
    open_issues: list[Issue] | None = None,
    baseline: bool = True,
    default_branch: Callable[[], str] | None = None,
) -> list[Outcome] | Skip:
    """Report the failed run: an issue per distinct failure, or why not.

    ``default_branch`` gives the repository's default branch; the command passes the one it
    caches for the config lookup and inline heal, so a run makes at most one ``GET /repos``.
    """
    run = run_from_event(event, client, run_id)
    if isinstance(run, Skip):
        return run
    closed_loop = _close_loop(client, sink, event, run, ruleset, opts, loop, open_issues)
    if closed_loop is not None:
        return closed_loop
    skipped = None if run_id else _filtered(event, client, run, opts, default_branch)
    if skipped is not None:
        return skipped
    fork = is_fork_run(run, client.repo)
    find_pull = pull_finder(client, run)
    finder = Finder(client, run) if baseline else None
    found = dedupe_by_fingerprint(diagnose_run(client, run, ruleset, finder))
    rerun_done = _rerun(client, sink, run, [d for _, d in found], loop, fork)
    if rerun_done and rerun_done.started and loop.rerun.before_report:
        return [Outcome("rerun", d.fingerprint, d.category, reason=rerun_done.reason, fork=fork) for _, d in found]
    outcomes = []
    for job_id, diagnosis in found:
        ctx = run_context(run, client.repo, job_id)
        outcomes.append(replace(file_issue(sink, diagnosis, ctx, opts, fork=fork, find_pull=find_pull), fork=fork))
    if rerun_done and rerun_done.started:
        outcomes = _rerun_noted(sink, run, outcomes, rerun_done)
    if finder is not None and finder.notes:
        # The job summary lists each outcome's reason: which run was the baseline, or why none.
        outcomes = _noted(outcomes, "; ".join(inline_text(n, 300) for n in finder.notes))
    return outcomes


def _filtered(
    event: Event, client: Client, run: Mapping[str, Any], opts: ReportOptions, default_branch: Callable[[], str] | None
) -> Skip | None:
    """Why the automatic trigger skips ``run``, if it does; the default branch is needed for that alone."""
    branch = "" if opts.branches else (default_branch or _default_branch(event, client))()
    reason = skip_reason(run, branch, opts, event)
    return Skip(reason) if reason else None


def _noted(outcomes: Sequence[Outcome], reason: str) -> list[Outcome]:
    """The outcomes with ``reason`` added to each one's own."""
    return [replace(o, reason="; ".join(filter(None, (o.reason, reason)))) for o in outcomes]


def _rerun_noted(sink: IssueSink, run: Mapping[str, Any], outcomes: list[Outcome], done: rerun.Rerun) -> list[Outcome]:
    """Each filed issue says the run was re-run; each outcome's reason says why."""
    for o in outcomes:
        if o.issue_number and o.result != "skipped":
            sink.comment(o.issue_number, rerun.note(run, done))
    return _noted(outcomes, done.reason)


def _rerun(
    client: Client, sink: IssueSink, run: Mapping[str, Any], found: list[Diagnosis], loop: LoopOptions, fork: bool
) -> rerun.Rerun | None:
    if not loop.rerun.enabled:
        return None
    done = rerun.maybe_rerun(client, run, found, loop.rerun, fork, sink.dry_run, sink.say)
    if not done.started:
        sink.say(f"not re-run: {done.reason}")
    return done


def _close_loop(
    client: Client,
    sink: IssueSink,
    event: Event,
    run: Mapping[str, Any],
    ruleset: RuleSet,
    opts: ReportOptions,
    loop: LoopOptions,
    open_issues: list[Issue] | None,
) -> list[Outcome] | Skip | None:
    """Runs of our fix branches (verified whatever their conclusion) and green runs (recovery);
    None for a run the usual report path handles."""
    if run.get("status") not in (None, "completed"):
        return None
    every_conclusion = replace(opts, conclusions=(str(run.get("conclusion")),), branches=())
    own = skip_reason(run, str(run.get("head_branch") or ""), every_conclusion, event)
    if is_fix_branch(run):
        if own:
            return Skip(own)
        verifier = Verifier(client, loop.ready_when_green, sink.dry_run, sink.say)
        return [verifier.verify(run, lambda: [d for _, d in diagnose_run(client, run, ruleset)])]
    if run.get("conclusion") != "success" or "success" in opts.conclusions:
        return None
    label = opts.labels[0] if opts.labels else "autoheal"
    issues = open_issues if open_issues is not None else list(client.list_issues(label, state="open"))
    outcomes = recovery.on_green(sink, issues, run, loop.close_after_green)
    return outcomes or Skip(f"run {run.get('id')} passed; no open autoheal issue is about {run.get('name')!r} there")
