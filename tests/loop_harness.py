"""The real entrypoint in a subprocess for every mode (report on any conclusion, stale, health),
with every input of action.yml, against the GitHub double; API calls are named per scenario and
printed in a table at the end of the session (like tests/test_report_e2e.py's)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from tests.double import timestamped
from tests.double.schema import shared_dir
from tests.helpers import run_entrypoint, runner_env
from tests.test_report_e2e import Result

ROOT = Path(__file__).resolve().parents[1]
PAYLOADS = shared_dir() / "github" / "payloads"
REPO = "octo-org/octo-repo"
# The API calls of each named scenario: CALLS the running test's (the ``calls_table`` fixture in
# conftest.py clears it before each test), TABLE the whole session's, printed after the last test.
CALLS: dict[str, list[str]] = {}
TABLE: dict[str, list[str]] = {}
NETWORK = [
    "WARNING: Retrying (Retry(total=4)) after connection broken by NewConnectionError: "
    "Failed to establish a new connection: [Errno 101] Network is unreachable",
    "curl: (6) Could not resolve host: example.com",
    "##[error]Process completed with exit code 6.",
]
MISSING_YAML = [
    "##[group]Run pytest -q",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "##[error]Process completed with exit code 1.",
]


def ago(**delta: float) -> str:
    return (datetime.now(timezone.utc) - timedelta(**delta)).strftime("%Y-%m-%dT%H:%M:%SZ")


def seed_run(double: Any, lines: list[str] | None, conclusion: str = "failure", **fields: Any) -> Any:
    job_conclusion = "success" if conclusion == "success" else "failure"
    log = timestamped(lines or ["ok"])
    step = {"name": "Run tests", "conclusion": job_conclusion, "log": log}
    jobs = [{"name": "test", "conclusion": job_conclusion, "steps": ["Set up job", step]}]
    fields.setdefault("head_branch", "main")
    return double.seed_run(jobs=jobs, conclusion=conclusion, **fields)


def run_mode(
    double: Any, tmp_path: Path, mode: str, event: Path | None = None, scenario: str = "", **inputs: str
) -> Result:
    n = len(list(tmp_path.glob("out*")))
    out, summary = tmp_path / f"out{n}", tmp_path / f"summary{n}"
    out.touch()
    if event is None:
        event = tmp_path / f"schedule-{n}.json"
        event.write_text(json.dumps({"schedule": "0 6 * * 1", "repository": {"full_name": REPO}}))
    name = "workflow_run" if "workflow_run" in event.read_text() else "schedule"
    env = runner_env(tmp_path, double, event=event, event_name=name, out=out, summary=summary, mode=mode, **inputs)
    double.clear_calls()
    proc = run_entrypoint(env, tmp_path, timeout=120)
    if scenario:
        CALLS[scenario] = [f"{c.method} {c.template or c.path}" for c in double.calls() if "/_blobs/" not in c.path]
    return Result(proc, out, summary)


def keep_calls() -> None:
    """Move the test's scenarios into the session's table: a name two tests use is a test bug."""
    twice = sorted(set(CALLS) & set(TABLE))
    assert not twice, f"scenario names used by two tests: {twice}"
    TABLE.update(CALLS)
    CALLS.clear()


def print_calls(capture: Any) -> None:
    if not TABLE:
        return
    lines = ["", "API calls per closing-the-loop scenario:"]
    for scenario, calls in TABLE.items():
        lines.append(f"  {scenario}: {len(calls)} calls  {', '.join(calls)}")
    with capture.global_and_fixture_disabled():
        print("\n".join(lines))
