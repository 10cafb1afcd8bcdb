"""stale and health modes end to end, and the learn-from-outcomes heal gate (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from autoheal import metadata, settings
from autoheal.healthreport import MARKER
from tests.loop_harness import MISSING_YAML, PAYLOADS, ago, run_mode, seed_run

pytestmark = [
    pytest.mark.skipif(not PAYLOADS.exists(), reason="shared/github/payloads not present"),
    pytest.mark.usefixtures("calls_table"),
]
BOT = {
    "author_name": settings.BOT_NAME,
    "author_email": settings.BOT_EMAIL,
    "committer_name": settings.BOT_NAME,
    "committer_email": settings.BOT_EMAIL,
}


def fix_pr(double: Any, n: int, idle_days: float, commits: list[dict[str, str]] | None = None, **kw: Any) -> Any:
    body = metadata.replace(
        "- **Fixer:** `add_dependency`\n", {"fingerprint": f"{n:016x}", "category": "dependency.missing", "rule": "r1"}
    )
    double.seed_ref(f"heads/autoheal/issue-{n}-fix")
    return double.seed_pull(
        head=f"autoheal/issue-{n}-fix",
        body=body,
        updated_at=ago(days=idle_days),
        created_at=ago(days=idle_days),
        commits=[{"sha": f"{n:040x}", "message": "fix", **BOT}] if commits is None else commits,
        **kw,
    )


# -- stale --------------------------------------------------------------------------------------
def test_stale_warns_then_closes_only_autoheal_branches(github_double: Any, tmp_path: Path) -> None:
    fresh = fix_pr(github_double, 1, idle_days=2)
    idle = fix_pr(github_double, 2, idle_days=15)
    warned = fix_pr(github_double, 3, idle_days=8, labels=["autoheal-stale"])
    human = {"sha": "f" * 40, "message": "wip", **BOT, "author_name": "alice", "author_email": "alice@example.com"}
    touched = fix_pr(github_double, 4, idle_days=30, labels=["autoheal-stale"], commits=[human])
    other = github_double.seed_pull(head="feature", updated_at=ago(days=90))
    result = run_mode(github_double, tmp_path, "stale", scenario="stale: warn 1, close 1, keep 1")
    assert result.proc.returncode == 0, result.proc.stderr
    assert result.outputs["warned"] == str(idle.number) and result.outputs["closed"] == str(warned.number)
    assert "autoheal-stale" in github_double.issue(idle.number).labels
    assert "no activity for 15 days" in github_double.issue(idle.number).comments[0].body
    assert github_double.issue(warned.number).state == "closed"
    assert "refs/heads/autoheal/issue-3-fix" not in github_double.repo().refs
    assert (
        github_double.issue(touched.number).state == "open"
        and "refs/heads/autoheal/issue-4-fix" in github_double.repo().refs
    )
    assert "commits autoheal did not make" in result.summary
    for pr in (fresh, other):
        assert github_double.issue(pr.number).comments == [] and github_double.issue(pr.number).state == "open"


def test_stale_dry_run_lists_and_writes_nothing(github_double: Any, tmp_path: Path) -> None:
    fix_pr(github_double, 1, idle_days=20)
    fix_pr(github_double, 2, idle_days=9, labels=["autoheal-stale"])
    result = run_mode(github_double, tmp_path, "stale", dry_run="true", stale_days="10")
    assert "[dry-run] would warn #1" in result.proc.stdout and "[dry-run] would close #2" in result.proc.stdout
    assert [c for c in github_double.calls() if c.method != "GET"] == []


# -- health -------------------------------------------------------------------------------------
def seed_history(double: Any) -> None:
    for day in range(1, 20):
        seed_run(
            double,
            MISSING_YAML if day % 4 == 0 else None,
            "failure" if day % 4 == 0 else "success",
            created_at=ago(days=day),
        )
    for day in range(31, 40, 2):  # the previous window: every run failed
        seed_run(double, MISSING_YAML, created_at=ago(days=day))
    seed_run(double, None, "success", name="Docs", path=".github/workflows/docs.yml", created_at=ago(days=3))
    seed_run(double, None, "success", run_attempt=2, created_at=ago(hours=5))
    meta = {
        "fingerprint": "a" * 16,
        "category": "dependency.missing",
        "occurrences": 4,
        "flaky": 1,
        "first_seen": ago(days=6),
        "last_seen": ago(days=2),
    }
    closed = {**meta, "fingerprint": "b" * 16, "occurrences": 2}
    meta["passing_at"] = ago(days=5)  # green again a day after its first failure
    double.seed_issue(title="dependency.missing: yaml", body=metadata.replace("x", meta), labels=["autoheal"])
    double.seed_issue(title="old", body=metadata.replace("y", closed), labels=["autoheal"], state="closed")
    fix_pr(double, 1, idle_days=3, merged=True)
    fix_pr(double, 2, idle_days=3, state="closed")


def test_health_writes_one_pinned_issue_updated_in_place(github_double: Any, tmp_path: Path) -> None:
    seed_history(github_double)
    first = run_mode(github_double, tmp_path, "health", scenario="health: first report")
    assert first.proc.returncode == 0, first.proc.stderr
    number = int(first.outputs["health-issue"])
    issue = github_double.issue(number)
    assert MARKER in issue.body and "```mermaid" in issue.body and "xychart-beta" in issue.body
    assert "| CI | 20 | 20% |" in issue.body and "↓" in issue.body  # 4 of 20 failed, down from 100%
    assert "median 84 h over 2" in first.summary  # 24 h (green again) and 144 h (closed)
    assert "#1 dependency.missing: yaml" in first.summary and "Re-runs: 1, 1 passed" in first.summary
    assert "fixer `add_dependency` | 2 | 1 | 1 |" in issue.body
    assert github_double.repo().pinned == [number]
    assert f"API calls in all: {first.outputs['api-calls']}." in first.summary
    assert int(first.outputs["api-calls"]) <= 9
    second = run_mode(github_double, tmp_path, "health", scenario="health: update in place")
    assert second.outputs["health-issue"] == str(number)
    assert len([i for i in github_double.issues() if MARKER in (i.body or "")]) == 1
    assert github_double.calls("POST", r"/repos/.*/issues$") == [] and github_double.repo().pinned == [number]


def test_health_pins_only_when_there_is_room(github_double: Any, tmp_path: Path) -> None:
    github_double.repo().pinned.extend([101, 102, 103])
    result = run_mode(github_double, tmp_path, "health")
    assert "already pins 3" in result.summary and len(github_double.repo().pinned) == 3


def test_health_json_and_svg(github_double: Any, tmp_path: Path) -> None:
    pytest.importorskip("pygal")
    seed_history(github_double)
    svg = tmp_path / "health.svg"
    result = run_mode(github_double, tmp_path, "health", format="json", svg=str(svg), dry_run="true")
    data = json.loads(result.proc.stdout)  # the dry run's note goes to stderr: stdout is the JSON alone
    assert "[dry-run] would create the health issue" in result.proc.stderr
    assert "Health issue: none (would create the health issue)" in result.summary
    ci = next(w for w in data["workflows"] if w["name"] == "CI")
    assert ci["runs"] == 20 and ci["failures"] == 4 and ci["previous_failure_rate"] == 1.0
    assert data["reruns"] == {"total": 1, "passed": 1} and data["fix_prs"]["by_rule"]["r1"]["merged"] == 1
    assert svg.read_text().startswith("<?xml") and "<svg" in svg.read_text()
    assert [c for c in github_double.calls() if c.method not in ("GET",)] == []


# -- learn from outcomes ---------------------------------------------------------------------
def test_rule_whose_fix_prs_are_mostly_closed_stops_fixing() -> None:
    from autoheal.ghtypes import Pull
    from autoheal.heal import HealOptions, fix_success_problem
    from autoheal.triage import diagnose

    d = diagnose([], "x")
    rule = d.rule or "r"

    def pr(n: int, merged: bool) -> Pull:
        body = metadata.replace("b", {"fingerprint": f"{n:016x}", "category": d.category, "rule": rule})
        return Pull(n, "", "closed", f"autoheal/issue-{n}-x", body, merged, closed_at=f"2026-01-{n:02d}T00:00:00Z")

    mostly_closed = [pr(n, merged=n % 4 == 0) for n in range(1, 11)]  # 2 of 10 merged
    problem = fix_success_problem(mostly_closed, d, HealOptions())
    assert problem and "2 of the last 10" in problem and "min-fix-success 70%" in problem
    assert fix_success_problem([pr(n, merged=n % 5 != 0) for n in range(1, 11)], d, HealOptions()) is None
    assert fix_success_problem(mostly_closed[:2], d, HealOptions()) is None  # too few to judge
    assert fix_success_problem(mostly_closed, d, HealOptions(min_fix_success=0)) is None


def test_the_cli_commands_outside_actions(github_double: Any, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    seed_history(github_double)
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
        "GITHUB_TOKEN": github_double.token,
        "GITHUB_API_URL": github_double.url,
    }

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "autoheal", *args],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )

    health = cli("health", "--repo", "octo-org/octo-repo", "--days", "7", "--format", "json", "--no-issue")
    assert health.returncode == 0, health.stderr
    data = json.loads(health.stdout)
    assert data["days"] == 7 and next(w for w in data["workflows"] if w["name"] == "CI")["runs"] == 7
    stale = cli("stale", "--repo", "octo-org/octo-repo", "--dry-run")
    assert stale.returncode == 0, stale.stderr
    bad = cli("health", "--repo", "octo-org/octo-repo", "--format", "xml")
    assert bad.returncode != 0 and "--format must be markdown or json" in bad.stderr
    assert [c for c in github_double.calls() if c.method != "GET"] == []
