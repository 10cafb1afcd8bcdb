"""Bodies of the Actions API: workflows, workflow runs (per attempt), jobs, artifacts."""

from __future__ import annotations

import zlib
from typing import Any
from urllib.parse import quote

from .render import WEB, Renderer, node_id
from .state import Job, Repo, Run, Workflow


def workflow_json(r: Renderer, repo: Repo, workflow: Workflow) -> dict[str, Any]:
    return {
        "id": workflow.id,
        "node_id": node_id("Workflow", workflow.id),
        "name": workflow.name,
        "path": workflow.path,
        "state": workflow.state,
        "created_at": workflow.created_at,
        "updated_at": workflow.created_at,
        "url": f"{r.api}/repos/{repo.full_name}/actions/workflows/{workflow.id}",
        "html_url": f"{WEB}/{repo.full_name}/blob/{repo.default_branch}/{workflow.path}",
        "badge_url": f"{WEB}/{repo.full_name}/workflows/{quote(workflow.name)}/badge.svg",
    }


def run_json(r: Renderer, repo: Repo, run: Run, attempt_number: int | None = None) -> dict[str, Any]:
    attempt = run.attempts[attempt_number or run.run_attempt]
    url = f"{r.api}/repos/{repo.full_name}/actions/runs/{run.id}"
    previous = f"{url}/attempts/{attempt.number - 1}" if attempt.number > 1 else None
    head = r.repository(run.head_repository)
    return {
        "id": run.id,
        "name": run.name,
        "node_id": node_id("WorkflowRun", run.id),
        "head_branch": run.head_branch,
        "head_sha": run.head_sha,
        "path": run.path,
        "display_title": run.display_title,
        "run_number": run.run_number,
        "event": run.event,
        "status": attempt.status,
        "conclusion": attempt.conclusion,
        "workflow_id": run.workflow_id,
        "check_suite_id": run.id + 1,
        "check_suite_node_id": node_id("CheckSuite", run.id + 1),
        "url": url,
        "html_url": f"{WEB}/{repo.full_name}/actions/runs/{run.id}",
        "pull_requests": [_minimal_pull(r, repo, n) for n in run.pull_requests if n in repo.issues],
        "created_at": run.created_at,
        "updated_at": attempt.updated_at or run.created_at,
        "actor": r.user(run.actor),
        "triggering_actor": r.user(run.actor),
        "run_attempt": attempt.number,
        "referenced_workflows": [],
        "run_started_at": attempt.created_at or run.created_at,
        "jobs_url": f"{url}/jobs",
        "logs_url": f"{url}/logs",
        "check_suite_url": f"{r.api}/repos/{repo.full_name}/check-suites/{run.id + 1}",
        "artifacts_url": f"{url}/artifacts",
        "cancel_url": f"{url}/cancel",
        "rerun_url": f"{url}/rerun",
        "previous_attempt_url": previous,
        "workflow_url": f"{r.api}/repos/{repo.full_name}/actions/workflows/{run.workflow_id}",
        "head_commit": {
            "id": run.head_sha,
            "tree_id": run.head_sha[::-1],
            "message": run.display_title,
            "timestamp": run.created_at,
            "author": {"name": run.actor, "email": f"{run.actor}@users.noreply.github.com"},
            "committer": {"name": "GitHub", "email": "noreply@github.com"},
        },
        "repository": r.repository(repo.full_name),
        "head_repository": head,
        "head_repository_id": head["id"],
    }


def _minimal_pull(r: Renderer, repo: Repo, number: int) -> dict[str, Any]:
    issue = repo.issues[number]
    pr = issue.pull
    assert pr is not None
    repo_ref = {"id": repo.id, "url": f"{r.api}/repos/{repo.full_name}", "name": repo.name}
    return {
        "id": pr.id,
        "number": number,
        "url": f"{r.api}/repos/{repo.full_name}/pulls/{number}",
        "head": {"ref": pr.head_ref, "sha": pr.head_sha, "repo": repo_ref},
        "base": {"ref": pr.base_ref, "sha": pr.base_sha, "repo": repo_ref},
    }


def job_json(r: Renderer, repo: Repo, job: Job) -> dict[str, Any]:
    run = repo.runs[job.run_id]
    run_url = f"{r.api}/repos/{repo.full_name}/actions/runs/{run.id}"
    return {
        "id": job.id,
        "run_id": run.id,
        "run_url": run_url,
        "run_attempt": job.run_attempt,
        "node_id": node_id("CheckRun", job.id),
        "head_sha": run.head_sha,
        "url": f"{r.api}/repos/{repo.full_name}/actions/jobs/{job.id}",
        "html_url": f"{WEB}/{repo.full_name}/actions/runs/{run.id}/job/{job.id}",
        "status": job.status,
        "conclusion": job.conclusion,
        "created_at": job.started_at,
        "started_at": job.started_at,
        "completed_at": job.completed_at,
        "name": job.name,
        "steps": [step.__dict__.copy() for step in job.steps],
        "check_run_url": f"{r.api}/repos/{repo.full_name}/check-runs/{job.id}",
        "labels": list(job.labels),
        "runner_id": 1 if job.runner_name else None,
        "runner_name": job.runner_name,
        "runner_group_id": 1 if job.runner_name else None,
        "runner_group_name": "GitHub Actions" if job.runner_name else None,
        "workflow_name": run.name,
        "head_branch": run.head_branch,
    }


def artifact_json(r: Renderer, repo: Repo, run: Run, artifact: dict[str, Any]) -> dict[str, Any]:
    aid = int(artifact.get("id", zlib.crc32(f"{run.id}/{artifact['name']}".encode())))
    url = f"{r.api}/repos/{repo.full_name}/actions/artifacts/{aid}"
    return {
        "id": aid,
        "node_id": node_id("Artifact", aid),
        "name": artifact["name"],
        "size_in_bytes": int(artifact.get("size_in_bytes", 1024)),
        "url": url,
        "archive_download_url": f"{url}/zip",
        "expired": bool(artifact.get("expired", False)),
        "created_at": run.created_at,
        "expires_at": run.created_at,
        "updated_at": run.created_at,
        "digest": None,
        "workflow_run": {
            "id": run.id,
            "repository_id": repo.id,
            "head_repository_id": repo.id,
            "head_branch": run.head_branch,
            "head_sha": run.head_sha,
        },
    }
