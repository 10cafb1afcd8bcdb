"""``autoheal triage RUN_URL`` and ``--run-id ID --repo R`` against the GitHub double, over HTTP."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from autoheal import runfetch
from autoheal.errors import UsageError
from tests.double import Double
from tests.helpers import triage_cli

REPO = "octo-org/octo-repo"
FAILING = [
    {
        "name": "test",
        "conclusion": "failure",
        "steps": [
            "Set up job",
            {"name": "Run pytest", "conclusion": "failure", "log": "E   ModuleNotFoundError: No module named 'yaml'\n"},
        ],
    },
    {"name": "lint", "conclusion": "success", "steps": [{"name": "Run ruff", "conclusion": "success", "log": "ok\n"}]},
]


_triage = triage_cli


def _url(double: Double, run_id: int, tail: str = "") -> str:
    return f"{double.base_url}/{REPO}/actions/runs/{run_id}{tail}"


def test_a_run_url_triages_each_failed_job(github_double: Any, tmp_path: Path) -> None:
    run = github_double.seed_run(jobs=FAILING)
    env = {"AUTOHEAL_TOKEN": github_double.token, "GITHUB_API_URL": github_double.url}
    proc = _triage(_url(github_double, run.id), cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    [found] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert found["category"] == "dependency.missing" and found["job"] == "test"
    assert github_double.calls("GET", rf"/actions/runs/{run.id}/attempts/1/logs$")


def test_a_job_url_and_run_id_flags(github_double: Any, tmp_path: Path) -> None:
    run = github_double.seed_run(jobs=FAILING)
    job = next(j for j in github_double.repo().jobs.values() if j.name == "lint")
    env = {"GITHUB_TOKEN": github_double.token, "GITHUB_API_URL": github_double.url}
    proc = _triage(_url(github_double, run.id, f"/job/{job.id}"), cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["job"] == "lint"
    proc = _triage("--run-id", str(run.id), "--repo", REPO, cwd=tmp_path, env=env)
    assert proc.returncode == 0 and json.loads(proc.stdout)["job"] == "test", proc.stderr


def test_ghes_api_is_derived_from_the_urls_host(ghes_double: Double, tmp_path: Path) -> None:
    run = ghes_double.seed_run(jobs=FAILING)
    proc = _triage(_url(ghes_double, run.id), cwd=tmp_path, env={"AUTOHEAL_TOKEN": ghes_double.token})
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["category"] == "dependency.missing"


@pytest.mark.parametrize(
    ("seed", "message"),
    [
        ({"status": "in_progress", "conclusion": None}, "is still in_progress"),
        # GitHub expires a run's zip and its jobs' logs together
        ({"logs_expired": True, "jobs": [{**FAILING[0], "logs_expired": True}]}, "have expired or were deleted"),
        ({"conclusion": "success", "jobs": [FAILING[1]]}, "has no failed job"),
    ],
)
def test_one_line_errors(github_double: Any, tmp_path: Path, seed: dict[str, Any], message: str) -> None:
    run = github_double.seed_run(**{"jobs": FAILING, **seed})
    env = {"AUTOHEAL_TOKEN": github_double.token, "GITHUB_API_URL": github_double.url}
    proc = _triage(_url(github_double, run.id), cwd=tmp_path, env=env)
    assert proc.returncode == 2 and message in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_no_token_and_no_access(github_double: Any, tmp_path: Path) -> None:
    run = github_double.seed_run(jobs=FAILING)
    proc = _triage(
        _url(github_double, run.id), cwd=tmp_path, env={"GITHUB_API_URL": github_double.url, "PATH": "/nonexistent"}
    )
    assert proc.returncode == 2 and "no token" in proc.stderr and "gh auth login" in proc.stderr
    env = {"AUTOHEAL_TOKEN": github_double.token, "GITHUB_API_URL": github_double.url}
    proc = _triage(f"{github_double.base_url}/octo-org/private/actions/runs/{run.id}", cwd=tmp_path, env=env)
    assert proc.returncode == 2 and "private repository" in proc.stderr, proc.stderr
    proc = _triage(_url(github_double, run.id), cwd=tmp_path, env={**env, "AUTOHEAL_TOKEN": "ghp_wrong"})
    assert proc.returncode == 2 and "refused (401)" in proc.stderr and "ghp_wrong" not in proc.stderr


def test_parse_url() -> None:
    ref = runfetch.parse_url("https://github.com/o/r/actions/runs/12/attempts/2/job/34")
    assert (ref.repo, ref.run_id, ref.attempt, ref.job_id) == ("o/r", 12, 2, 34)
    assert runfetch.api_url(ref, {}) == "https://api.github.com"
    assert (
        runfetch.api_url(runfetch.parse_url("https://ghe.acme.io/o/r/actions/runs/1"), {})
        == "https://ghe.acme.io/api/v3"
    )
    assert runfetch.api_url(ref, {"GITHUB_API_URL": "https://x/api/v3"}) == "https://x/api/v3"
    with pytest.raises(UsageError):
        runfetch.parse_url("https://github.com/o/r/pull/1/actions/runs/x")
