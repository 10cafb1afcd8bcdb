"""``autoheal doctor``: offline against a temporary repository, online against the GitHub double."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import autoheal_cli
from tests.test_init import WORKFLOW, _init, _repo

REPO = "octo-org/octo-repo"


def _doctor(root: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    base = {k: v for k, v in os.environ.items() if k not in ("AUTOHEAL_TOKEN", "GITHUB_TOKEN", "GITHUB_ACTIONS")}
    base["PATH"] = os.environ.get("PATH", "")  # gh may be absent: then there is no token
    proc = autoheal_cli(
        "doctor",
        "--format",
        "json",
        *args,
        cwd=root,
        env={**base, "GH_CONFIG_DIR": str(root / ".no-gh"), **(env or {})},
    )
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def _status(report: dict[str, Any]) -> dict[str, str]:
    return {c["id"]: c["status"] for c in report["checks"]}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = _repo(tmp_path)
    assert _init(root).returncode == 0
    return root


def test_offline_passes_after_init(repo: Path) -> None:
    rc, report = _doctor(repo, "--offline")
    assert rc == 0 and report["ok"], report
    assert set(_status(report).values()) == {"pass"}
    assert "offline" in report["note"]


def test_offline_finds_each_broken_file(repo: Path) -> None:
    (repo / ".github/workflows/docs.yml").write_text(WORKFLOW.format(name="Docs"))
    (repo / ".github/workflows/autoheal-heal.yml").unlink()
    (repo / ".github/autoheal.yml").write_text("report:\n  labels: oops\n")
    report_wf = repo / ".github/workflows/autoheal-report.yml"
    report_wf.write_text(report_wf.read_text().replace("  issues: write\n", ""))
    rc, report = _doctor(repo, "--offline")
    status = _status(report)
    assert rc == 1
    assert status["workflows.report-list"] == "fail" and "Docs" in _message(report, "workflows.report-list")
    assert status["workflows.heal"] == "fail" and status["config"] == "fail"
    assert status["permissions.report"] == "fail" and "issues: write" in _message(report, "permissions.report")
    assert "autoheal init --update" in _fix(report, "workflows.report-list")


def test_the_heal_label_of_the_config_and_the_workflow_agree(repo: Path) -> None:
    (repo / ".github/autoheal.yml").write_text("heal:\n  label: fix-me\n")
    rc, report = _doctor(repo, "--offline")
    assert rc == 1 and _status(report)["workflows.heal-label"] == "fail"
    assert "auto-heal" in _message(report, "workflows.heal-label")


def _message(report: dict[str, Any], check: str) -> str:
    return next(str(c["message"]) for c in report["checks"] if c["id"] == check)


def _fix(report: dict[str, Any], check: str) -> str:
    return next(str(c["fix"]) for c in report["checks"] if c["id"] == check)


def test_without_a_token_only_files_are_checked(repo: Path) -> None:
    rc, report = _doctor(repo, "--repo", REPO)
    assert rc == 0 and "no token" in report["note"]


def _online(repo: Path, double: Any, token: str, **env: str) -> tuple[int, dict[str, Any]]:
    return _doctor(repo, "--repo", REPO, env={"AUTOHEAL_TOKEN": token, "GITHUB_API_URL": double.url, **env})


def test_github_token_cannot_read_the_settings_and_doctor_names_them(repo: Path, github_double: Any) -> None:
    github_double.seed_repo(REPO)
    github_double.seed_label("auto-heal")
    rc, report = _doctor(
        repo,
        "--repo",
        REPO,
        env={"GITHUB_TOKEN": github_double.token, "GITHUB_API_URL": github_double.url, "GITHUB_ACTIONS": "true"},
    )
    status = _status(report)
    assert status["token.repository"] == "pass"
    assert status["actions.enabled"] == "skip" and "Administration: read" in _message(report, "actions.enabled")
    assert "Settings > Actions > General" in _fix(report, "actions.pull-requests")
    assert status["token.pull-requests"] == "pass"  # the heal job grants contents and pull-requests: write
    assert status["token.workflows"] == "warn"
    assert status["labels.heal"] == "pass" and status["labels.report"] == "warn"
    assert rc == 0


def test_an_admin_pat_sees_disabled_pr_creation_and_missing_labels(repo: Path, github_double: Any) -> None:
    github_double.seed_repo(REPO, allow_pr_creation=False, default_workflow_permissions="write")
    github_double.add_token("ghp_admin", "alice", scopes="repo", administration=True)
    rc, report = _online(repo, github_double, "ghp_admin")
    status = _status(report)
    assert rc == 1
    assert status["actions.enabled"] == "pass"
    assert "write" in _message(report, "actions.default-permissions")
    # init's heal workflow passes secrets.AUTOHEAL_TOKEN as github-token: a warning, not a failure
    assert status["actions.pull-requests"] == "warn"
    assert status["labels.heal"] == "fail" and "auto-heal" in _fix(report, "labels.heal")
    assert status["token.pull-requests"] == "pass" and "repo" in _message(report, "token.pull-requests")
    assert status["token.workflows"] == "warn"
    assert github_double.calls("POST") == [] and github_double.calls("PATCH") == []  # doctor never writes
    assert len(github_double.calls("GET", r"^/repos/[^/]+/[^/]+$")) == 1  # the scopes came with the repository


def test_actions_disabled_and_workflow_scope(repo: Path, github_double: Any) -> None:
    github_double.seed_repo(REPO, actions_enabled=False)
    github_double.seed_label("auto-heal")
    github_double.add_token("ghp_wf", "bob", scopes="public_repo, workflow", administration=True)
    rc, report = _online(repo, github_double, "ghp_wf")
    status = _status(report)
    assert rc == 1 and status["actions.enabled"] == "fail"
    assert status["token.workflows"] == "pass"


def test_fine_grained_tokens_are_named_not_guessed(repo: Path, github_double: Any) -> None:
    github_double.seed_repo(REPO)
    github_double.seed_label("auto-heal")
    github_double.add_token("github_pat_x", "carol")
    rc, report = _online(repo, github_double, "github_pat_x")
    assert _status(report)["token.permissions"] == "skip"
    assert "Workflows: write" in _fix(report, "token.permissions")


def test_a_bad_token_fails_one_check(repo: Path, github_double: Any) -> None:
    rc, report = _online(repo, github_double, "ghp_wrong")
    assert rc == 1 and _status(report)["token.repository"] == "fail"
