"""Fetch a workflow run's logs: ``job_logs`` for report mode and ``autoheal triage URL`` (or
``--run-id ID --repo R``), which ``fetch`` serves.

A run URL is ``https://HOST/OWNER/REPO/actions/runs/ID[/attempts/N][/job/JOB]``. The API is
``GITHUB_API_URL`` when set, else api.github.com for github.com, else GitHub Enterprise Server's
``https://HOST/api/v3``. The run's failed jobs are triaged one by one (the failed step's log from
the run's zip, else the job's own log), or only the job the URL names. Every way this can fail
is one line that says what to do: no token, a private or unknown repository, a run still
going, logs expired.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from autoheal.errors import GitHubError, InputError, UsageError
from autoheal.ghtypes import FAILED_CONCLUSIONS, Job
from autoheal.github_api import DEFAULT_API_URL, Client
from autoheal.logsource import LogDoc, bytes_doc
from autoheal.runlogs import failed_job_docs

_RUN_PATH = re.compile(
    r"^/(?P<repo>[\w.-]+/[\w.-]+)/actions/runs/(?P<run>\d+)(?:/attempts/(?P<attempt>\d+))?(?:/jobs?/(?P<job>\d+))?/?$"
)
RETENTION = "GitHub keeps logs 90 days by default (Settings > Actions > General > Artifact and log retention)"


@dataclass(frozen=True)
class RunRef:
    repo: str
    run_id: int
    job_id: int | None = None
    attempt: int | None = None
    server: str = "https://github.com"  # where the URL pointed: the API is derived from it


@dataclass(frozen=True)
class FetchedJob:
    """One job's logs, with the run and job records a baseline lookup needs (``--baseline auto``:
    the last green run of ``run["workflow_id"]`` on its branch, same ``job.name``)."""

    label: str
    docs: list[LogDoc]
    job: Job
    run: Mapping[str, Any]


def parse_url(url: str) -> RunRef:
    parts = urlsplit(url)
    found = _RUN_PATH.match(parts.path)
    if parts.scheme not in ("http", "https") or not parts.netloc or found is None:
        raise UsageError(f"{url}: not a run URL (https://github.com/OWNER/REPO/actions/runs/ID[/job/JOB])")
    return RunRef(
        found["repo"],
        int(found["run"]),
        int(found["job"]) if found["job"] else None,
        int(found["attempt"]) if found["attempt"] else None,
        f"{parts.scheme}://{parts.netloc}",
    )


def api_url(ref: RunRef, environ: Mapping[str, str]) -> str:
    if environ.get("GITHUB_API_URL"):
        return environ["GITHUB_API_URL"]
    host = urlsplit(ref.server).netloc.lower()
    return DEFAULT_API_URL if host in ("github.com", "www.github.com") else f"{ref.server}/api/v3"


def client_for(ref: RunRef, token: str, environ: Mapping[str, str]) -> Client:
    if not token:
        raise InputError(
            f"{ref.repo}: no token to download run {ref.run_id}'s logs (GitHub requires one even for public "
            "repositories): set AUTOHEAL_TOKEN or GITHUB_TOKEN, or run gh auth login"
        )
    return Client(ref.repo, token, api_url=api_url(ref, environ), retries=2, backoff=0.5)


def _run(client: Client, ref: RunRef) -> dict[str, Any]:
    try:
        run = client.get_run(ref.run_id)
    except GitHubError as exc:
        if exc.status == 404:
            raise InputError(
                f"{ref.repo}: run {ref.run_id} not found: check the URL, and that the token can read the repository "
                "(a private repository answers 404 to a token without access)"
            ) from None
        if exc.status == 401:
            raise InputError(f"{ref.repo}: the token was refused (401): it is wrong or expired") from None
        raise
    if run.get("status") != "completed":
        raise InputError(
            f"{ref.repo}: run {ref.run_id} is still {run.get('status') or 'running'}: its logs are complete once "
            "it has finished (or triage one finished job by its URL .../job/ID)"
        )
    return run


def failed_jobs(client: Client, run_id: int, attempt: int) -> list[Job]:
    return [j for j in client.list_jobs(run_id, attempt) if j.conclusion in FAILED_CONCLUSIONS]


def job_logs(client: Client, run_id: int, attempt: int, jobs: Sequence[Job]) -> list[tuple[Job, list[LogDoc]]]:
    """Each job with its logs: from the attempt's zip (one download for every job), else the
    job's own log; no documents when GitHub has neither (expired or deleted)."""
    archive = client.run_logs(run_id, attempt) if jobs else None
    return [(job, docs or _job_log(client, job)) for job, docs in failed_job_docs(jobs, archive)]


def _job_log(client: Client, job: Job) -> list[LogDoc]:
    data = client.job_log(job.id)
    return [] if data is None else [bytes_doc(f"{job.name}.txt", data, job=job.name)]


def fetch(client: Client, ref: RunRef) -> list[FetchedJob]:
    """The logs of the job ``ref`` names, else of every failed job of the run's attempt."""
    run = _run(client, ref)
    attempt = ref.attempt or int(run.get("run_attempt") or 1)
    if ref.job_id is not None:
        jobs = client.list_jobs(ref.run_id, attempt)
        job = next((j for j in jobs if j.id == ref.job_id), None) or Job(ref.job_id, f"job {ref.job_id}", None)
        return [_fetched(ref, job, _job_log(client, job), run)]  # that job's own log: no zip of every job
    failed = failed_jobs(client, ref.run_id, attempt)
    if not failed:
        raise InputError(
            f"{ref.repo}: run {ref.run_id} (attempt {attempt}) has no failed job (conclusion: "
            f"{run.get('conclusion')}); give a job's URL to triage it anyway"
        )
    return [_fetched(ref, job, docs, run) for job, docs in job_logs(client, ref.run_id, attempt, failed)]


def _fetched(ref: RunRef, job: Job, docs: list[LogDoc], run: Mapping[str, Any]) -> FetchedJob:
    if not docs:
        raise InputError(
            f"{ref.repo}: the logs of run {ref.run_id}, job {job.name!r} have expired or were deleted ({RETENTION})"
        )
    return FetchedJob(f"{ref.repo} run {ref.run_id} / {job.name}", docs, job, run)
