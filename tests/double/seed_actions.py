"""Seeding for Actions: workflows, runs with attempts, jobs with steps and logs, re-runs."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from copy import deepcopy
from pathlib import Path
from typing import Any

from .seed import ensure_repo, fake_sha
from .state import DEFAULT_REPO, Attempt, Job, Run, State, Step, Workflow, now_iso
from .zips import as_zip_job, build_run_zip

LogsZip = bytes | str | Path | None


def seed_workflow(world: State, repo: str = DEFAULT_REPO, *, path: str, name: str = "CI") -> Workflow:
    target = ensure_repo(world, repo)
    found = next((w for w in target.workflows.values() if w.path == path), None)
    if found is None:
        found = Workflow(world.new_id(), name, path, created_at=now_iso())
        target.workflows[found.id] = found
    return found


def seed_run(
    world: State,
    repo: str = DEFAULT_REPO,
    *,
    name: str = "CI",
    path: str = ".github/workflows/ci.yml",
    head_branch: str | None = "main",
    head_sha: str | None = None,
    event: str = "push",
    status: str = "completed",
    conclusion: str | None = "failure",
    run_attempt: int = 1,
    head_repository: str | None = None,
    actor: str = "octocat",
    display_title: str | None = None,
    pull_requests: Sequence[int] = (),
    artifacts: Sequence[Mapping[str, Any]] = (),
    jobs: Sequence[Mapping[str, Any]] = (),
    logs_zip: LogsZip = None,
    logs_layout: str = "jobs",
    logs_expired: bool = False,
    id: int | None = None,
    created_at: str | None = None,
) -> Run:
    """A workflow run with ``run_attempt`` attempts (earlier ones share ``conclusion``).

    ``jobs`` items are ``seed_job`` keyword dicts (default attempt: the latest). Without
    ``logs_zip``, the latest attempt's zip is built from its jobs' logs, if any.
    """
    target = ensure_repo(world, repo)
    workflow = seed_workflow(world, repo, path=path, name=name)
    run_id = id or world.new_id()
    created = created_at or now_iso()
    run = Run(
        id=run_id,
        repo=target.full_name,
        workflow_id=workflow.id,
        name=name,
        path=path,
        run_number=len(target.runs) + 1,
        head_branch=head_branch,
        head_sha=head_sha or fake_sha(repo, run_id),
        event=event,
        display_title=display_title or f"{name} #{len(target.runs) + 1}",
        head_repository=head_repository or target.full_name,
        actor=actor,
        created_at=created,
        pull_requests=list(pull_requests),
        artifacts=[dict(a) for a in artifacts],
    )
    for number in range(1, run_attempt + 1):
        run.attempts[number] = Attempt(number, status, conclusion, created, created)
    target.runs[run_id] = run
    world.user_id(actor)
    for job in jobs:
        seed_job(world, repo, run_id=run_id, **job)
    for number, attempt in run.attempts.items():
        items = [j for j in jobs if j.get("attempt", run_attempt) == number]
        given = logs_zip if number == run_attempt else None
        zipped = given if given is not None else _zip_from(items, logs_layout)
        attempt.log_blob = world.add_blob(zipped, "application/zip") if zipped is not None else None
    run.latest.logs_expired = logs_expired
    return run


def _zip_from(jobs: Sequence[Mapping[str, Any]], layout: str) -> bytes | None:
    zip_jobs = [as_zip_job({**job, "steps": _step_dicts(job.get("steps", ()))}) for job in jobs]
    if not any(job.text() for job in zip_jobs):
        return None
    return build_run_zip(zip_jobs, layout)  # type: ignore[arg-type]


def _step_dicts(steps: Sequence[str | Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{"name": s} if isinstance(s, str) else dict(s) for s in steps]


def seed_job(
    world: State,
    repo: str = DEFAULT_REPO,
    *,
    run_id: int,
    name: str,
    attempt: int | None = None,
    status: str = "completed",
    conclusion: str | None = "success",
    steps: Sequence[str | Mapping[str, Any]] = (),
    log: str | None = None,
    logs_expired: bool = False,
    annotations: Sequence[Mapping[str, Any]] = (),
    labels: Sequence[str] = ("ubuntu-latest",),
    runner_name: str | None = "GitHub Actions 2",
    id: int | None = None,
) -> Job:
    """A job of one attempt; ``steps`` are names or dicts with name/conclusion/status/log."""
    target = ensure_repo(world, repo)
    run = target.runs[run_id]
    step_dicts = _step_dicts(steps)
    text = as_zip_job({"name": name, "log": log, "steps": step_dicts}).text()
    job = Job(
        id=id or world.new_id(),
        run_id=run_id,
        run_attempt=attempt or run.run_attempt,
        name=name,
        status=status,
        conclusion=conclusion,
        started_at=run.created_at,
        completed_at=now_iso() if status == "completed" else None,
        steps=[_step(i, s, run.created_at) for i, s in enumerate(step_dicts, start=1)],
        runner_name=runner_name,
        labels=list(labels),
        logs_expired=logs_expired,
        annotations=[dict(a) for a in annotations],
    )
    job.log_blob = world.add_blob(text.encode(), "text/plain; charset=utf-8") if text else None
    target.jobs[job.id] = job
    return job


def _step(number: int, step: Mapping[str, Any], started: str) -> Step:
    status = step.get("status", "completed")
    return Step(
        number=step.get("number", number),
        name=step["name"],
        status=status,
        conclusion=step.get("conclusion", "success" if status == "completed" else None),
        started_at=started,
        completed_at=started if status == "completed" else None,
    )


def set_attempt_logs(
    world: State,
    repo: str,
    run_id: int,
    *,
    attempt: int | None = None,
    logs_zip: LogsZip = None,
    expired: bool = False,
) -> Attempt:
    """Store an attempt's log zip (bytes, or a file path); None builds it from the job logs."""
    run = ensure_repo(world, repo).runs[run_id]
    target = run.attempts[attempt or run.run_attempt]
    target.logs_expired = expired
    if logs_zip is None:
        jobs = [_zip_job(world, j) for j in _attempt_jobs(world, repo, run_id, target.number)]
        logs_zip = _zip_from(jobs, "jobs")
    if logs_zip is not None:
        target.log_blob = world.add_blob(logs_zip, "application/zip")
    return target


def _attempt_jobs(world: State, repo: str, run_id: int, attempt: int) -> list[Job]:
    jobs = ensure_repo(world, repo).jobs.values()
    return sorted((j for j in jobs if j.run_id == run_id and j.run_attempt == attempt), key=lambda j: j.id)


def _zip_job(world: State, job: Job) -> dict[str, Any]:
    text = world.blobs[job.log_blob].data().decode() if job.log_blob else ""
    return {"name": job.name, "log": text, "steps": []}


def new_attempt(world: State, repo: str, run_id: int, rerun_job_ids: Iterable[int] | None) -> Attempt:
    """Start attempt n+1: jobs to re-run are queued, the others copied with their results."""
    target = ensure_repo(world, repo)
    run = target.runs[run_id]
    previous = _attempt_jobs(world, repo, run_id, run.run_attempt)
    rerun = {j.id for j in previous} if rerun_job_ids is None else set(rerun_job_ids)
    stamp = now_iso()
    attempt = Attempt(run.run_attempt + 1, "queued", None, stamp, stamp)
    run.attempts[attempt.number] = attempt
    for job in previous:
        copy = dataclasses.replace(deepcopy(job), id=world.new_id(), run_attempt=attempt.number)
        if job.id in rerun:
            copy.status, copy.conclusion, copy.steps, copy.log_blob = "queued", None, [], None
            copy.completed_at = None
        target.jobs[copy.id] = copy
    return attempt


def finish_attempt(
    world: State,
    repo: str,
    run_id: int,
    *,
    conclusion: str = "success",
    job_logs: Mapping[str, str] | None = None,
    logs_zip: LogsZip = None,
) -> Attempt:
    """Complete the latest attempt: its unfinished jobs take ``conclusion``; logs by job name."""
    run = ensure_repo(world, repo).runs[run_id]
    attempt = run.latest
    attempt.status, attempt.conclusion, attempt.updated_at = "completed", conclusion, now_iso()
    for job in _attempt_jobs(world, repo, run_id, attempt.number):
        if job.status != "completed":
            job.status, job.conclusion, job.completed_at = "completed", conclusion, attempt.updated_at
        if job_logs and job.name in job_logs:
            job.log_blob = world.add_blob(job_logs[job.name].encode(), "text/plain; charset=utf-8")
    return set_attempt_logs(world, repo, run_id, logs_zip=logs_zip)
