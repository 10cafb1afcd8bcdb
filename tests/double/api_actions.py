"""Actions operations: workflows, runs, attempts, jobs, logs (302 to /_blobs/), re-runs."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import yaml

from . import git_http, render_actions
from .render import WEB
from .routing import ApiError, Ctx, Reply, Route, not_found
from .seed_actions import new_attempt, seed_run
from .state import Job, Repo, Run, Workflow

RUN_FILTERS = ("branch", "event", "actor", "head_sha")


def list_workflows(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    items = [
        render_actions.workflow_json(ctx.render, repo, w) for w in sorted(repo.workflows.values(), key=lambda w: w.id)
    ]
    return ctx.paged_wrapped("workflows", items)


def get_workflow(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    return Reply(200, render_actions.workflow_json(ctx.render, repo, _workflow(ctx, repo)))


def _workflow(ctx: Ctx, repo: Repo) -> Workflow:
    """``workflow_id`` is an id or the workflow's file name, as GitHub accepts both."""
    key = ctx.params["workflow_id"]
    for workflow in repo.workflows.values():
        if key == str(workflow.id) or key == workflow.path.rsplit("/", 1)[-1]:
            return workflow
    raise not_found()


def list_runs(ctx: Ctx) -> Reply:
    return _runs_reply(ctx, ctx.repo(), None)


def list_workflow_runs(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    return _runs_reply(ctx, repo, _workflow(ctx, repo).id)


def _runs_reply(ctx: Ctx, repo: Repo, workflow_id: int | None) -> Reply:
    runs = sorted(repo.runs.values(), key=lambda r: r.id, reverse=True)
    selected = [r for r in runs if (workflow_id is None or r.workflow_id == workflow_id) and _run_matches(ctx, r)]
    return ctx.paged_wrapped("workflow_runs", [render_actions.run_json(ctx.render, repo, r) for r in selected])


def _run_matches(ctx: Ctx, run: Run) -> bool:
    values = {"branch": run.head_branch, "event": run.event, "actor": run.actor, "head_sha": run.head_sha}
    if any(name in ctx.query and ctx.query[name] != values[name] for name in RUN_FILTERS):
        return False
    status = ctx.query.get("status")
    return status is None or status in (run.latest.status, run.latest.conclusion)


def get_run(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    return Reply(200, render_actions.run_json(ctx.render, repo, _run(ctx, repo)))


def get_attempt(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    run = _run(ctx, repo)
    return Reply(200, render_actions.run_json(ctx.render, repo, run, _attempt_number(ctx, run)))


def _run(ctx: Ctx, repo: Repo) -> Run:
    run = repo.runs.get(ctx.int_param("run_id"))
    if run is None:
        raise not_found()
    return run


def _attempt_number(ctx: Ctx, run: Run) -> int:
    number = ctx.int_param("attempt_number")
    if number not in run.attempts:
        raise not_found()
    return number


def list_jobs(ctx: Ctx) -> Reply:
    """``filter=latest`` (default) lists the latest attempt's jobs, ``all`` every attempt's."""
    repo = ctx.repo()
    run = _run(ctx, repo)
    which = ctx.query.get("filter", "latest")
    if which not in ("latest", "all"):
        raise ApiError(422, f"Invalid filter: {which}")
    attempt = None if which == "all" else run.run_attempt
    return _jobs_reply(ctx, repo, run, attempt)


def list_attempt_jobs(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    run = _run(ctx, repo)
    return _jobs_reply(ctx, repo, run, _attempt_number(ctx, run))


def _jobs_reply(ctx: Ctx, repo: Repo, run: Run, attempt: int | None) -> Reply:
    jobs = [j for j in repo.jobs.values() if j.run_id == run.id and attempt in (None, j.run_attempt)]
    jobs.sort(key=lambda j: (j.run_attempt, j.id))
    return ctx.paged_wrapped("jobs", [render_actions.job_json(ctx.render, repo, j) for j in jobs])


def get_job(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    return Reply(200, render_actions.job_json(ctx.render, repo, _job(ctx, repo)))


def _job(ctx: Ctx, repo: Repo) -> Job:
    job = repo.jobs.get(ctx.int_param("job_id"))
    if job is None:
        raise not_found()
    return job


def run_logs(ctx: Ctx) -> Reply:
    run = _run(ctx, ctx.repo())
    return _redirect(ctx, run.latest.log_blob, run.latest.logs_expired)


def attempt_logs(ctx: Ctx) -> Reply:
    run = _run(ctx, ctx.repo())
    attempt = run.attempts[_attempt_number(ctx, run)]
    return _redirect(ctx, attempt.log_blob, attempt.logs_expired)


def job_logs(ctx: Ctx) -> Reply:
    job = _job(ctx, ctx.repo())
    return _redirect(ctx, job.log_blob, job.logs_expired)


def _redirect(ctx: Ctx, blob: str | None, expired: bool) -> Reply:
    """Expired or missing logs answer 404 Not Found, as GitHub does after the retention period."""
    if blob is None or expired:
        raise not_found()
    # Like GitHub's signed storage URLs: another path, a query string, no auth needed.
    location = f"{ctx.render.api}/_blobs/{blob}?sig=double&expires=60"
    return Reply(302, None, {"Location": location})


def rerun_failed_jobs(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    run = _run(ctx, repo)
    _check_rerunnable(run)
    failed = [
        j.id
        for j in repo.jobs.values()
        if j.run_id == run.id
        and j.run_attempt == run.run_attempt
        and j.conclusion in ("failure", "cancelled", "timed_out")
    ]
    new_attempt(ctx.world, repo.full_name, run.id, failed)
    return Reply(201, {})


def rerun_job(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    job = _job(ctx, repo)
    run = repo.runs[job.run_id]
    _check_rerunnable(run)
    new_attempt(ctx.world, repo.full_name, run.id, [job.id])
    return Reply(201, {})


RERUN_DOCS = "https://docs.github.com/actions/managing-workflow-runs/re-running-workflows-and-jobs"
RERUN_DAYS = 30  # "up to 30 days after its initial run" (RERUN_DOCS)
MAX_RERUNS = 50  # "A workflow run can be re-run a maximum of 50 times" (RERUN_DOCS)


def _check_rerunnable(run: Run) -> None:
    if run.latest.status != "completed":
        raise ApiError(
            403,
            "This workflow is already running",
            docs="https://docs.github.com/rest/actions/workflow-runs#re-run-failed-jobs-from-a-workflow-run",
        )
    created = datetime.fromisoformat(run.created_at.replace("Z", "+00:00"))
    if datetime.now(timezone.utc) - created > timedelta(days=RERUN_DAYS):
        raise ApiError(
            403, "Unable to re-run this workflow run because it was created over a month ago", docs=RERUN_DOCS
        )
    if run.run_attempt > MAX_RERUNS:
        raise ApiError(403, f"This workflow run has reached the maximum of {MAX_RERUNS} re-runs", docs=RERUN_DOCS)


def list_artifacts(ctx: Ctx) -> Reply:
    repo = ctx.repo()
    run = _run(ctx, repo)
    return ctx.paged_wrapped(
        "artifacts", [render_actions.artifact_json(ctx.render, repo, run, a) for a in run.artifacts]
    )


def list_annotations(ctx: Ctx) -> Reply:
    """Annotations of a check run; a job's id is its check run id."""
    repo = ctx.repo()
    job = repo.jobs.get(ctx.int_param("check_run_id"))
    if job is None:
        raise not_found()
    blob = f"https://github.com/{repo.full_name}/blob/{repo.runs[job.run_id].head_sha}"
    items = [
        {
            "path": a.get("path", ".github"),
            "blob_href": f"{blob}/{a.get('path', '.github')}",
            "start_line": a.get("start_line", 1),
            "end_line": a.get("end_line", 1),
            "start_column": None,
            "end_column": None,
            "annotation_level": a.get("annotation_level", "failure"),
            "title": a.get("title", ""),
            "message": a.get("message", ""),
            "raw_details": a.get("raw_details", ""),
        }
        for a in job.annotations
    ]
    return ctx.paged_list(items)


PREFIX = "/repos/{owner}/{repo}/actions"
DISPATCH_DOCS = "https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event"


def dispatch_workflow(ctx: Ctx) -> Reply:
    """Start a ``workflow_dispatch`` run on ``ref`` when the workflow file *at that ref* accepts it.

    The file is read from the served git repository (git_http.py), else from the seeded files
    for the default branch. The run is queued and stays so (the double runs nothing); its actor
    is the token's login. ``return_run_details`` selects 200 with the run's ids over 204.
    """
    repo = ctx.repo()
    workflow = _workflow(ctx, repo)
    body = ctx.json_object()
    ref = str(body.get("ref") or "")
    if not ref:
        raise ApiError(422, 'Invalid request.\n\n"ref" wasn\'t supplied.', docs=DISPATCH_DOCS)
    branch = ref.removeprefix("refs/heads/")
    sha = repo.refs.get(f"refs/heads/{branch}")
    if sha is None:
        raise ApiError(422, f"No ref found for: {ref}", docs=DISPATCH_DOCS)
    text = git_http.read_file(repo, sha, workflow.path) if repo.git_path else None
    if text is None and branch == repo.default_branch:
        text = repo.files.get(workflow.path)
    if text is None or not _accepts_dispatch(text):
        raise ApiError(422, "Workflow does not have 'workflow_dispatch' trigger", docs=DISPATCH_DOCS)
    run = seed_run(
        ctx.world,
        repo.full_name,
        name=workflow.name,
        path=workflow.path,
        head_branch=branch,
        head_sha=sha,
        event="workflow_dispatch",
        status="queued",
        conclusion=None,
        actor=ctx.actor,
    )
    if not body.get("return_run_details"):
        return Reply(204)
    return Reply(
        200,
        {
            "workflow_run_id": run.id,
            "run_url": f"{ctx.render.api}/repos/{repo.full_name}/actions/runs/{run.id}",
            "html_url": f"{WEB}/{repo.full_name}/actions/runs/{run.id}",
        },
    )


def _accepts_dispatch(text: str) -> bool:
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    if not isinstance(document, dict):
        return False
    on: Any = document.get("on", document.get(True))  # YAML 1.1 reads a bare `on` key as true
    if isinstance(on, str):
        return on == "workflow_dispatch"
    return isinstance(on, (list, dict)) and "workflow_dispatch" in on


ROUTES = [
    Route("GET", f"{PREFIX}/workflows", list_workflows),
    Route("GET", f"{PREFIX}/workflows/{{workflow_id}}", get_workflow),
    Route("GET", f"{PREFIX}/workflows/{{workflow_id}}/runs", list_workflow_runs),
    Route("POST", f"{PREFIX}/workflows/{{workflow_id}}/dispatches", dispatch_workflow),
    Route("GET", f"{PREFIX}/runs", list_runs),
    Route("GET", f"{PREFIX}/runs/{{run_id}}", get_run),
    Route("GET", f"{PREFIX}/runs/{{run_id}}/attempts/{{attempt_number}}", get_attempt),
    Route("GET", f"{PREFIX}/runs/{{run_id}}/attempts/{{attempt_number}}/jobs", list_attempt_jobs),
    Route("GET", f"{PREFIX}/runs/{{run_id}}/attempts/{{attempt_number}}/logs", attempt_logs),
    Route("GET", f"{PREFIX}/runs/{{run_id}}/jobs", list_jobs),
    Route("GET", f"{PREFIX}/runs/{{run_id}}/logs", run_logs),
    Route("GET", f"{PREFIX}/runs/{{run_id}}/artifacts", list_artifacts),
    Route("POST", f"{PREFIX}/runs/{{run_id}}/rerun-failed-jobs", rerun_failed_jobs),
    Route("GET", f"{PREFIX}/jobs/{{job_id}}", get_job),
    Route("GET", f"{PREFIX}/jobs/{{job_id}}/logs", job_logs),
    Route("POST", f"{PREFIX}/jobs/{{job_id}}/rerun", rerun_job),
    Route("GET", "/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations", list_annotations),
]
