"""The issue heal's tests start from: a missing-module failure, triaged and rendered as report files it."""

from __future__ import annotations

from pathlib import Path

from autoheal import config
from autoheal.logsource import bytes_doc
from autoheal.render import RunContext, render_issue
from autoheal.triage import triage_docs
from tests.double import timestamped

REPO = "octo-org/octo-repo"
RULES = config.load(root=Path(__file__).resolve().parent).ruleset  # the built-in rules
MISSING_YAML = timestamped(
    [
        "##[group]Run pytest -q",
        "E   ModuleNotFoundError: No module named 'yaml'",
        "ERROR tests/test_config.py",
        "##[error]Process completed with exit code 1.",
    ]
)


def issue_body(log: str = MISSING_YAML, run_id: int | None = 7, job: str = "test") -> str:
    diagnosis = triage_docs([bytes_doc("test.txt", log.encode(), job=job)], RULES, "test")
    return render_issue(diagnosis, RunContext(repo=REPO, run_id=run_id, workflow="CI")).body
