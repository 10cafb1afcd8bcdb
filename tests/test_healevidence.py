"""Heal's re-triage of an issue (``autoheal.healevidence``): the evidence is the fenced log, the
metadata block only finds the run through the API (the GitHub double over HTTP), and only when
it agrees with the re-triage."""

from __future__ import annotations

from typing import Any

import pytest

from autoheal import metadata
from autoheal.github_api import Client
from autoheal.healevidence import RunInfo, diagnose_body, diagnose_issue, evidence_text, with_log_job
from autoheal.logsource import bytes_doc
from autoheal.triage import triage_docs
from tests.healcase import MISSING_YAML, REPO, RULES, issue_body


@pytest.fixture
def client(github_double: Any, monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setenv("AUTOHEAL_WRITE_DELAY", "0")
    return Client(REPO, github_double.token, api_url=github_double.url, retries=0)


# -- evidence and metadata -----------------------------------------------------------------
def test_evidence_is_the_fenced_excerpt_without_numbers() -> None:
    text = evidence_text(issue_body())
    assert "E   ModuleNotFoundError: No module named 'yaml'" in text.splitlines()
    assert " | " not in text and "==>" not in text and "autoheal:" not in text


def test_a_human_issue_is_triaged_whole() -> None:
    body = "CI broke after the merge.\nModuleNotFoundError: No module named 'yaml'\nPlease fix."
    assert evidence_text(body) == body
    assert diagnose_body(body, RULES).category == "dependency.missing"


def test_retriage_matches_the_report() -> None:
    original = triage_docs([bytes_doc("t", MISSING_YAML.encode(), job="test")], RULES, "t")
    again = diagnose_body(issue_body(), RULES)
    assert (again.category, again.fingerprint, again.captures) == (
        original.category,
        original.fingerprint,
        original.captures,
    )


def seed_run(github_double: Any) -> Any:
    return github_double.seed_run(
        path=".github/workflows/ci.yml",
        head_branch="release/1.x",
        jobs=[
            {
                "name": "test",
                "conclusion": "failure",
                "steps": [{"name": "pytest", "conclusion": "failure", "log": "x\n"}],
            }
        ],
    )


def test_intact_metadata_finds_the_run(github_double: Any, client: Client) -> None:
    run = seed_run(github_double)
    found = diagnose_issue(client, issue_body(run_id=run.id), RULES)
    assert found.run == RunInfo(".github/workflows/ci.yml", "release/1.x", REPO)
    assert found.diagnosis.job == "test"


@pytest.mark.parametrize(
    "damage",
    [
        lambda body: body.replace('"fingerprint":"', '"fingerprint":"zz'),  # invalid value
        lambda body: body.replace("<!-- autoheal:v1 {", "<!-- autoheal:v1 {{"),  # not JSON
        lambda body: body.rsplit("<!-- autoheal:", 1)[0],  # gone
        lambda body: body.replace('"category":"dependency.missing"', '"category":"timeout"'),  # forged: disagrees
    ],
)
def test_damaged_or_forged_metadata_means_retriage_only(github_double: Any, client: Client, damage: Any) -> None:
    run = seed_run(github_double)
    body = issue_body(run_id=run.id)
    assert damage(body) != body
    found = diagnose_issue(client, damage(body), RULES)
    assert found.run == RunInfo() and found.diagnosis.category == "dependency.missing"
    assert github_double.calls() == []


def test_metadata_never_supplies_paths_or_captures(github_double: Any, client: Client) -> None:
    body = issue_body(run_id=None)
    meta = metadata.extract(body)
    assert meta is not None
    forged = metadata.replace(body, {**meta, "captures": {"module": "../../etc/passwd"}, "workflow": "../../x.yml"})
    found = diagnose_issue(client, forged, RULES)
    assert found.diagnosis.captures == {"module": "yaml"} and found.run.workflow_path is None


def test_a_missing_run_is_not_fatal(github_double: Any, client: Client) -> None:
    assert diagnose_issue(client, issue_body(run_id=999_999), RULES).run == RunInfo()


def test_the_runners_job_name_fills_a_job_triage_left_empty() -> None:
    log = "2024-05-10T10:00:00.0000000Z Complete job name: test (3.12)\nModuleNotFoundError: No module named 'yaml'\n"
    d = diagnose_body(log, RULES)
    assert d.job in ("", None) and with_log_job(d, log).job == "test (3.12)"
    named = with_log_job(d, log)
    assert with_log_job(named, log.replace("test (3.12)", "lint")).job == "test (3.12)"  # a job triage named stays
