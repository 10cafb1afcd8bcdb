"""heal's decisions one at a time: trust, evidence and metadata, base, slug, circuit breaker,
options, and the offline ``autoheal heal --dry-run --log`` preview as a user runs it."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from autoheal import agent, config, dispatch, metadata
from autoheal.actions import Event
from autoheal.cli import build_parser
from autoheal.commands.heal import target
from autoheal.errors import UsageError
from autoheal.ghtypes import Pull
from autoheal.github_api import Client
from autoheal.heal import (
    HealOptions,
    Sender,
    branch_name,
    check_trust,
    choose_base,
    closed_attempts,
    opened_since,
    options_from,
    ours,
    slug,
)
from autoheal.healevidence import RunInfo, diagnose_body
from tests.double import timestamped
from tests.healcase import MISSING_YAML, REPO, RULES, issue_body
from tests.helpers import autoheal_cli


@pytest.fixture
def client(github_double: Any, monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setenv("AUTOHEAL_WRITE_DELAY", "0")
    return Client(REPO, github_double.token, api_url=github_double.url, retries=0)


# -- trust ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("role", "trusted"),
    [("admin", True), ("maintain", True), ("write", True), ("triage", False), ("read", False), (None, False)],
)
def test_only_writers_may_trigger(github_double: Any, client: Client, role: str | None, trusted: bool) -> None:
    github_double.set_permission("someone", role)
    refusal = check_trust(client, Sender("someone"), ())
    assert (refusal is None) == trusted, refusal


def test_bots_need_the_allow_list_and_no_api_call(github_double: Any, client: Client) -> None:
    assert check_trust(client, Sender("renovate[bot]", "Bot"), ["renovate"]) is None
    assert check_trust(client, Sender("dependabot[bot]", "Bot"), ["dependabot[bot]"]) is None
    assert "not in allowed-bots" in (check_trust(client, Sender("evil[bot]", "Bot"), ["renovate"]) or "")
    assert check_trust(client, None, ()) is None  # the workflow itself (report.heal: true)
    assert github_double.calls() == []


def test_event_targets() -> None:
    labeled = {
        "action": "labeled",
        "label": {"name": "Auto-Heal"},
        "issue": {"number": 4},
        "sender": {"login": "alice", "type": "User"},
    }
    assert target(Event("issues", labeled), None, "auto-heal") == (4, Sender("alice"))
    assert "not the heal label" in str(
        target(Event("issues", {**labeled, "label": {"name": "bug"}}), None, "auto-heal")
    )
    assert "not 'labeled'" in str(target(Event("issues", {**labeled, "action": "opened"}), None, "auto-heal"))
    dispatch = {"sender": {"login": "bob", "type": "User"}}
    assert target(Event("workflow_dispatch", dispatch), 9, "auto-heal") == (9, Sender("bob"))
    assert target(Event("", {}), 9, "auto-heal") == (9, None)
    with pytest.raises(UsageError, match="--issue-number"):
        target(Event("workflow_dispatch", dispatch), None, "auto-heal")


# -- base, branch ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("configured", "run", "expected"),
    [
        ("develop", RunInfo(None, "release/1.x", REPO), "develop"),
        (None, RunInfo(None, "release/1.x", REPO), "release/1.x"),
        (None, RunInfo(None, "patch-1", "someone/fork"), "main"),  # a fork's branch is not ours
        (None, RunInfo(None, "release/1.x", None), "main"),
        (None, RunInfo(), "main"),
        (None, RunInfo(None, "autoheal/issue-3-timeout", REPO), "main"),  # never stack on a fix branch
    ],
)
def test_base_selection(configured: str | None, run: RunInfo, expected: str) -> None:
    assert choose_base(configured, run, REPO, "main") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dependency.missing yaml", "dependency-missing-yaml"),
        ("Timeout!! ", "timeout"),
        ("", "fix"),
        ("action.deprecated actions/upload-artifact@v3 and a long tail", "action-deprecated-actions-upload"),
        ("x" * 60, "x" * 40),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


@given(st.text())
def test_slug_is_always_a_safe_ref_part(text: str) -> None:
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug(text)) and len(slug(text)) <= 40


def test_branch_name_is_stable_across_retriage() -> None:
    first, second = diagnose_body(issue_body(), RULES), diagnose_body(issue_body(run_id=None), RULES)
    assert branch_name(12, first) == branch_name(12, second) == "autoheal/issue-12-dependency-missing-yaml"


# -- circuit breaker and rate ----------------------------------------------------------------
def pull(
    number: int,
    fingerprint: str,
    state: str = "closed",
    merged: bool = False,
    head: str = "autoheal/issue-1-x",
    head_repo: str = REPO,
    created: datetime | None = None,
) -> Pull:
    body = metadata.replace("Fixes #1", {"fingerprint": fingerprint, "category": "timeout"})
    stamp = (created or datetime(2024, 1, 1, tzinfo=timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Pull(number, "", state, head, body, merged, stamp, head_repo)


def test_closed_attempts_count_only_unmerged_autoheal_prs_of_the_fingerprint() -> None:
    fp, other = "0123456789abcdef", "fedcba9876543210"
    pulls = [
        pull(1, fp),
        pull(2, fp),
        pull(3, fp, merged=True),
        pull(4, fp, state="open"),
        pull(5, other),
        pull(6, fp, head="feature/x"),
        replace(pull(7, fp), body="Fixes #1, no metadata"),
        pull(8, fp, head_repo="mallory/octo-repo"),
    ]
    assert closed_attempts(ours(pulls, REPO), fp) == 2
    assert closed_attempts(pulls, fp) == 3  # without the repository filter, a fork would count


def test_opened_in_the_last_hour() -> None:
    now = datetime.now(timezone.utc)
    pulls = [
        pull(1, "a" * 16, "open", created=now - timedelta(minutes=5)),
        pull(2, "a" * 16, created=now),
        pull(3, "a" * 16, created=now - timedelta(hours=2)),
        pull(4, "a" * 16, head="x", created=now),
    ]
    assert opened_since(pulls, now - timedelta(hours=1)) == 2


# -- options -----------------------------------------------------------------------------------
def heal_args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(["heal", *argv])


def test_flags_beat_config_which_beats_defaults(tmp_path: Path) -> None:
    (tmp_path / "autoheal.yml").write_text(
        "heal:\n  min-confidence: 0.8\n  max-attempts: 5\n  timeout-factor: 2\n  allowed-bots: [renovate]\n"
        "  committer-name: Fixer\n  committer-email: fixer@example.com\n  label: heal-me\n"
    )
    cfg = config.load(tmp_path / "autoheal.yml")
    opts = options_from(heal_args("--max-attempts", "1", "--agent-mention", "@copilot"), cfg)
    assert (opts.min_confidence, opts.max_attempts, opts.max_changed_files) == (0.8, 1, 3)
    assert opts.fixer_options == {"timeout_factor": 2} and opts.allowed_bots == ("renovate",)
    assert (opts.identity.name, opts.identity.email, opts.label) == ("Fixer", "fixer@example.com", "heal-me")
    assert opts.agent_mention == "@copilot" and opts.labels == ("autoheal",)


@pytest.mark.parametrize("mention", ["copilot", "@a b", "@x\n@y", "@org/team/extra"])
def test_agent_mention_must_be_one_handle(mention: str) -> None:
    with pytest.raises(UsageError, match="agent-mention"):
        HealOptions(agent_mention=mention)


# -- the offline preview, as a user runs it ----------------------------------------------------------
def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH passes through: a worktree's autoheal, not the editable install's, must answer.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"}}
    return autoheal_cli("heal", *args, cwd=cwd, env=env)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    (root / ".github/workflows").mkdir(parents=True)
    (root / "requirements.txt").write_text("requests==2.31.0\n")
    (root / ".github/workflows/ci.yml").write_text(
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install -r requirements.txt\n"
    )
    (tmp_path / "missing.log").write_text(MISSING_YAML)
    (tmp_path / "tests.log").write_text(timestamped(["FAILED tests/test_a.py::test_x - assert 1 == 2"]))
    return root


def test_offline_preview_prints_the_diff(workspace: Path) -> None:
    proc = run_cli("--dry-run", "--log", str(workspace.parent / "missing.log"), cwd=workspace)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (
        "--- a/requirements.txt\n+++ b/requirements.txt\n@@ -1 +1,2 @@\n requests==2.31.0\n+PyYAML\n"
    )
    assert (workspace / "requirements.txt").read_text() == "requests==2.31.0\n"  # a temp copy was edited


def test_offline_preview_from_an_issue_body_and_another_workspace(workspace: Path, tmp_path: Path) -> None:
    (tmp_path / "issue.md").write_text(issue_body())
    proc = run_cli("--dry-run", "--issue-body", str(tmp_path / "issue.md"), "--workspace", str(workspace), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "+PyYAML" in proc.stdout


def test_offline_preview_says_why_in_one_line(workspace: Path) -> None:
    proc = run_cli("--dry-run", "--log", str(workspace.parent / "tests.log"), cwd=workspace)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("\n") == 1 and proc.stdout.startswith("autoheal: no fix: no fixer applies")
    low = run_cli("--dry-run", "--min-confidence", "1", "--log", str(workspace.parent / "missing.log"), cwd=workspace)
    assert low.stdout.startswith("autoheal: no fix: triage confidence 95% is below min-confidence 100%")


def test_offline_preview_says_the_risk_and_when_it_would_comment_instead(workspace: Path) -> None:
    log = str(workspace.parent / "missing.log")
    plain = run_cli("--dry-run", "--log", log, cwd=workspace)
    assert "autoheal: risk medium (edits a dependency manifest" in plain.stderr and "would comment" not in plain.stderr
    held = run_cli("--dry-run", "--protected-paths", "requirements*.txt", "--log", log, cwd=workspace)
    assert held.returncode == 0, held.stderr
    assert "+PyYAML" in held.stdout  # the patch that would go on the issue
    assert (
        "would comment this patch on the issue instead of opening a PR: it edits protected paths (requirements.txt)"
        in held.stderr
    )


def test_risk_gate_globs() -> None:
    from autoheal.risk import protected

    assert protected(".github/workflows/ci.yml", [".github/"]) and protected("a/b/package.json", ["package.json"])
    assert protected("src/a/x.py", ["src/**/*.py"]) and protected("src/x.py", ["src/**/*.py"])
    assert not protected("src/a/x.py", ["src/*.py"]) and not protected("x.txt", ["*.py", ""])


def test_offline_preview_needs_dry_run(workspace: Path) -> None:
    proc = run_cli("--log", str(workspace.parent / "missing.log"), cwd=workspace)
    assert proc.returncode == 2 and "add --dry-run" in proc.stderr


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("on: workflow_dispatch\n", True),
        ("on: [push, workflow_dispatch]\n", True),
        ("on:\n  push:\n  workflow_dispatch:\n", True),
        ("'on':\n  workflow_dispatch:\n    inputs:\n      level: {required: true, default: info}\n", True),
        ("on:\n  workflow_dispatch:\n    inputs:\n      level: {required: true}\n", False),  # GitHub would 422
        ("on: push\n", False),
        ("on: [push, pull_request]\n", False),
        ("{{ not yaml\n", False),
        ("- a list\n", False),
    ],
)
def test_a_dispatch_needs_workflow_dispatch_without_required_inputs(text: str, accepted: bool) -> None:
    assert dispatch.accepts_dispatch(text) is accepted


def test_the_copilot_hand_off_without_a_token_gives_the_prompt() -> None:
    d = diagnose_body("```text\nFAILED tests/test_a.py::test_x - ping @octocat\n```\n", RULES)
    assert agent.hand_off(None, None, 1, d, "main", None, False, print).kind == ""
    mention = agent.hand_off("@ci-bot", None, 1, d, "main", None, False, print)
    assert mention.kind == "mention" and mention.agent == "@ci-bot"
    copilot = agent.hand_off("@Copilot", None, 1, d, "main", None, False, print)
    assert copilot.kind == "copilot-prompt" and "agent-token" in copilot.problem
    assert d.category in copilot.prompt and "@octocat" not in copilot.prompt
