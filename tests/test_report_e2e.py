"""Report mode end to end: the real entrypoint in a subprocess, with the environment a runner
gives a Docker action (every input of action.yml, defaults filled in), against the GitHub double
(responses checked against the OpenAPI description). The API calls of each measured scenario
are named and checked against one budget, and printed as a table at the end of the session."""

from __future__ import annotations

import json
import re
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from autoheal import metadata
from tests.double import Double, timestamped
from tests.double.schema import shared_dir
from tests.helpers import parse_outputs, run_entrypoint, runner_env, split_fences

ROOT = Path(__file__).resolve().parents[1]
PAYLOADS = shared_dir() / "github" / "payloads"
pytestmark = pytest.mark.skipif(not PAYLOADS.exists(), reason="shared/github/payloads not present")
REPO = "octo-org/octo-repo"


def pytest_log(lines: list[str]) -> str:
    return timestamped(["##[group]Run pytest -q", *lines, "##[error]Process completed with exit code 1."])


MISSING_YAML = ["E   ModuleNotFoundError: No module named 'yaml'", "ERROR tests/test_config.py"]
MISSING_TOML = ["E   ModuleNotFoundError: No module named 'toml'"]


def seed_failure(double: Any, lines: list[str], **fields: Any) -> Any:
    jobs = fields.pop("jobs", None) or [
        {
            "name": "lint",
            "conclusion": "success",
            "steps": [{"name": "Run ruff", "log": timestamped(["All checks passed!"])}],
        },
        {
            "name": "test (3.11)",
            "conclusion": "failure",
            "steps": ["Set up job", {"name": "Run pytest -q", "conclusion": "failure", "log": pytest_log(lines)}],
        },
    ]
    return double.seed_run(jobs=jobs, head_branch="main", **fields)


def event_for(run: Any, tmp_path: Path, conclusion: str | None = None) -> Path:
    """The real workflow_run.completed payload, adapted to this run (and its conclusion, or ``conclusion``)."""
    payload = json.loads((PAYLOADS / "workflow_run.completed.json").read_text())
    wr = payload["workflow_run"]
    wr.update(
        id=run.id,
        workflow_id=run.workflow_id,
        name=run.name,
        path=run.path,
        head_branch=run.head_branch,
        head_sha=run.head_sha,
        run_attempt=run.run_attempt,
        conclusion=conclusion or run.latest.conclusion,
        status="completed",
        event=run.event,
        created_at=run.created_at,
        html_url=f"https://github.com/{REPO}/actions/runs/{run.id}",
    )
    wr["head_repository"]["full_name"] = run.head_repository
    wr["pull_requests"] = [{"number": n, "id": n} for n in run.pull_requests]
    payload["repository"]["default_branch"] = "main"
    path = tmp_path / f"event-{run.id}-{run.run_attempt}-{len(list(tmp_path.glob('event-*')))}.json"
    path.write_text(json.dumps(payload))
    return path


Runner = Callable[..., "Result"]


class Result:
    def __init__(self, proc: subprocess.CompletedProcess[str], out: Path, summary: Path) -> None:
        self.proc = proc
        self.outputs = parse_outputs(out.read_text() if out.exists() else "")
        self.summary = summary.read_text() if summary.exists() else ""


@pytest.fixture
def report(github_double: Any, tmp_path: Path) -> Runner:
    return make_runner(github_double, tmp_path)


def make_runner(github_double: Any, tmp_path: Path) -> Runner:
    counter = iter(range(1000))
    lock = threading.Lock()

    def run_report(run: Any, event_name: str = "workflow_run", **inputs: str) -> Result:
        with lock:
            n = next(counter)
            event_path = event_for(run, tmp_path)
        out, summary = tmp_path / f"out{n}", tmp_path / f"summary{n}"
        env = runner_env(
            tmp_path,
            github_double,
            event=event_path,
            event_name=event_name,
            out=out,
            summary=summary,
            mode="report",
            **inputs,
        )
        proc = run_entrypoint(env, tmp_path, timeout=120)
        return Result(proc, out, summary)

    return run_report


def api_calls(double: Any) -> list[str]:
    return [f"{c.method} {c.template or c.path}" for c in double.calls() if not c.path.startswith("/_blobs/")]


# -- the API budget -------------------------------------------------------------------------
# One budget for every mode: a new issue costs at most 6 calls (+1 per missing label, the first
# time), a repeat at most 5. On top, each named extra has its own allowance.
BUDGET = {"new issue": 6, "repeat": 5}
EXTRAS = {
    "label create": None,  # one per label no listed issue carries yet (counted per scenario)
    "config": 1,  # .github/autoheal.yml through the contents API when there is no checkout
    "fork PR": 1,  # the PR of a fork run, by head sha (workflow_run.pull_requests is empty)
    "baseline": 2,  # the last successful run to compare with (triage issue)
    # The issues list again once the fingerprint's lock is held: a concurrent holder may have
    # created the issue and unlocked between the first list and our lock (lossless, item 8).
    "re-read under the lock": 1,
}
_NAMES = [
    ("GET", r"/attempts/\d+/jobs$", "jobs"),
    ("GET", r"/attempts/\d+/logs$", "run logs"),
    ("GET", r"/actions/jobs/\d+/logs$", "job log"),
    ("GET", r"/issues$", "issues list"),
    ("POST", r"/issues$", "issue create"),
    ("PATCH", r"/issues/\d+$", "issue update"),
    ("GET", r"/issues/\d+$", "issue read"),
    ("POST", r"/issues/\d+/comments$", "comment"),
    ("GET", r"/issues/\d+/comments$", "comments list"),
    ("GET", r"/labels/", "lock holder"),
    ("DELETE", r"/labels/", "unlock"),
    ("GET", r"/contents/", "config"),
    ("GET", r"/commits/[^/]+/pulls$", "fork PR"),
    ("GET", r"^/repos/[^/]+/[^/]+$", "repository"),
    ("GET", r"/actions/workflows/[^/]+/runs$", "baseline"),  # the workflow's newest successful runs
    ("GET", r"/actions/runs/\d+/logs$", "baseline"),  # the last green run's logs zip
]
TABLE: dict[str, list[str]] = {}


def call_name(call: Any) -> str:
    if call.method == "POST" and call.path.endswith("/labels"):
        name = str((call.body or {}).get("name", ""))
        return "lock" if name.startswith("autoheal-lock:") else "label create"
    return next((n for m, r, n in _NAMES if m == call.method and re.search(r, call.path)), f"{call.method} {call.path}")


def check_budget(double: Any, scenario: str, kind: str, missing_labels: int = 0, **allowed: int) -> list[str]:
    """Name every call since the last clear_calls, record them for the table, assert the budget."""
    names = [call_name(c) for c in double.calls() if not c.path.startswith("/_blobs/")]
    names = [
        "re-read under the lock" if n == "issues list" and i and names[i - 1] == "lock" else n
        for i, n in enumerate(names)
    ]
    TABLE[scenario] = names
    core = [n for n in names if n not in EXTRAS]
    assert len(core) <= BUDGET[kind], f"{scenario}: {len(core)} calls > {BUDGET[kind]}: {core}"
    assert names.count("label create") <= missing_labels, names
    for extra, limit in EXTRAS.items():
        if extra == "label create":
            continue
        # Every new issue may re-read under its lock, and every report look for its baseline
        # (report.baseline is on by default); the other extras only where the scenario says.
        default = limit if extra in ("re-read under the lock", "baseline") else 0
        allowance = min(allowed.get(extra.replace(" ", "_"), default), limit)
        assert names.count(extra) <= (allowance or 0), (extra, names)
    return names


@pytest.fixture(scope="session", autouse=True)
def call_table(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if not TABLE:
        return
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    width = max(len(s) for s in TABLE)
    lines = ["", "API calls per report scenario (budget: new issue <= 6 + missing labels, repeat <= 5):"]
    for scenario, names in TABLE.items():
        extras = [n for n in names if n in EXTRAS]
        lines.append(f"  {scenario:<{width}}  {len(names) - len(extras):>2} + {len(extras)} extra  {', '.join(names)}")
    with capture.global_and_fixture_disabled():  # shown without -s, after the last test
        print("\n".join(lines))


def ours(double: Any) -> list[Any]:
    return [i for i in double.issues() if "autoheal" in i.labels]


def meta_of(issue: Any) -> dict[str, Any]:
    found = metadata.extract(issue.body)
    assert found is not None, issue.body[-500:]
    return found


def test_first_failure_opens_one_issue(github_double: Any, report: Runner) -> None:
    run = seed_failure(github_double, MISSING_YAML)
    result = report(run)
    assert result.proc.returncode == 0, result.proc.stderr
    [issue] = ours(github_double)
    assert result.outputs["result"] == "created" and result.outputs["issue-number"] == str(issue.number)
    assert result.outputs["category"] == "dependency.missing"
    assert set(issue.labels) >= {"autoheal", "autoheal:dependency.missing", "severity:error"}
    meta = meta_of(issue)
    assert meta["fingerprint"] == result.outputs["fingerprint"] and meta["run_id"] == run.id
    assert meta["job"] == "test (3.11)" and meta["occurrences"] == 1
    assert "No module named 'yaml'" in issue.body and "yaml" in issue.title
    assert "created" in result.summary
    # jobs, logs, issues list, lock, create, unlock; 3 labels made the first time; the config read
    names = check_budget(github_double, "new issue (first ever, no checkout)", "new issue", missing_labels=3, config=1)
    assert names.count("label create") == 3 and names.count("lock") == names.count("unlock") == 1


def test_repeat_in_a_new_run_comments_and_counts(github_double: Any, report: Runner) -> None:
    report(seed_failure(github_double, MISSING_YAML))
    github_double.clear_calls()
    second = seed_failure(github_double, MISSING_YAML)
    result = report(second)
    assert result.outputs["result"] == "commented", result.proc.stderr
    [issue] = ours(github_double)
    assert meta_of(issue)["occurrences"] == 2 and meta_of(issue)["run_id"] == second.id
    assert "**Occurrences:** 2" in issue.body
    check_budget(github_double, "repeat (no checkout)", "repeat", config=1)


def test_same_run_twice_changes_nothing(github_double: Any, report: Runner) -> None:
    run = seed_failure(github_double, MISSING_YAML)
    report(run)
    before = github_double.dump_state()
    result = report(run)
    assert result.outputs["result"] == "skipped"
    assert github_double.dump_state()["repos"] == before["repos"]


def test_another_cause_opens_a_second_issue(github_double: Any, report: Runner) -> None:
    report(seed_failure(github_double, MISSING_YAML))
    result = report(seed_failure(github_double, MISSING_TOML))
    assert result.outputs["result"] == "created"
    assert len(ours(github_double)) == 2


def test_matrix_jobs_with_one_cause_give_one_issue(github_double: Any, report: Runner) -> None:
    jobs = [
        {
            "name": f"test ({v})",
            "conclusion": "failure",
            "steps": [{"name": "Run pytest -q", "conclusion": "failure", "log": pytest_log(MISSING_YAML)}],
        }
        for v in ("3.10", "3.11", "3.12")
    ]
    result = report(seed_failure(github_double, [], jobs=jobs))
    assert result.outputs["result"] == "created"
    assert len(ours(github_double)) == 1


def test_closed_then_recurring_is_reopened(github_double: Any, report: Runner) -> None:
    report(seed_failure(github_double, MISSING_YAML))
    [issue] = ours(github_double)
    github_double.state.repos[REPO].issues[issue.number].state = "closed"
    github_double.state.repos[REPO].issues[issue.number].state_reason = "completed"
    github_double.state.repos[REPO].issues[issue.number].closed_at = "2099-01-01T00:00:00Z"
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.outputs["result"] == "reopened", result.proc.stderr
    assert github_double.issue(issue.number).state == "open"
    assert len(ours(github_double)) == 1


def test_old_closed_issue_gets_a_new_linked_issue(github_double: Any, report: Runner) -> None:
    report(seed_failure(github_double, MISSING_YAML))
    [old] = ours(github_double)
    record = github_double.state.repos[REPO].issues[old.number]
    record.state, record.state_reason, record.closed_at = "closed", "completed", "2020-01-01T00:00:00Z"
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.outputs["result"] == "created"
    new = github_double.issue(int(result.outputs["issue-number"]))
    assert f"#{old.number}" in new.body


def test_not_a_failure_or_not_ours_is_skipped(github_double: Any, report: Runner, tmp_path: Path) -> None:
    other_branch = seed_failure(github_double, MISSING_YAML)
    other_branch.head_branch = "feature/x"
    result = report(other_branch)
    assert result.proc.returncode == 0 and result.outputs["result"] == "skipped"
    assert "feature/x" in result.proc.stdout
    own = seed_failure(github_double, MISSING_YAML, name="autoheal report")
    assert report(own).outputs["result"] == "skipped"
    assert not ours(github_double)


def test_dry_run_reads_but_never_writes(github_double: Any, report: Runner) -> None:
    result = report(seed_failure(github_double, MISSING_YAML), **{"dry-run": "true"})
    assert result.proc.returncode == 0, result.proc.stderr
    assert "[dry-run] would create issue" in result.proc.stdout
    assert not [c for c in github_double.calls() if c.method in ("POST", "PATCH", "PUT", "DELETE")]


def test_workflow_dispatch_reports_the_given_run(github_double: Any, report: Runner, tmp_path: Path) -> None:
    run = seed_failure(github_double, MISSING_YAML)
    result = report(run, event_name="workflow_dispatch", **{"run-id": str(run.id)})
    assert result.outputs["result"] == "created", result.proc.stderr


def test_expired_logs_still_give_an_issue(github_double: Any, report: Runner) -> None:
    run = seed_failure(github_double, MISSING_YAML, logs_expired=True)
    for job in github_double.state.repos[REPO].jobs.values():
        job.logs_expired = True
    result = report(run)
    assert result.outputs["result"] == "created", result.proc.stderr
    [issue] = ours(github_double)
    assert "expired" in issue.body


def test_forbidden_issue_creation_fails_with_the_remedy(github_double: Any, report: Runner) -> None:
    github_double.fault(403, r"/issues$", method="POST", message="Resource not accessible by integration")
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.proc.returncode == 1
    assert "::error::" in result.proc.stderr and "issues: write" in result.proc.stderr
    assert github_double.token not in result.proc.stderr + result.proc.stdout


def test_rate_limits_and_5xx_are_retried(github_double: Any, report: Runner) -> None:
    github_double.fault("secondary_rate_limit", r"/issues$", method="GET", retry_after=1)
    github_double.fault(502, r"/jobs", count=2)
    github_double.fault(429, r"/issues$", method="POST", retry_after=1)
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.proc.returncode == 0, result.proc.stderr
    assert result.outputs["result"] == "created" and len(ours(github_double)) == 1


def test_label_created_concurrently_is_fine(github_double: Any, report: Runner) -> None:
    github_double.fault(
        422, r"/labels$", method="POST", errors=[{"resource": "Label", "code": "already_exists", "field": "name"}]
    )
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.proc.returncode == 0, result.proc.stderr


def test_issues_disabled_is_a_clear_error(github_double: Any, report: Runner) -> None:
    github_double.fault("issues_disabled", r"/issues", count=None)
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.proc.returncode == 1 and "enable Issues" in result.proc.stderr


def test_hostile_log_gives_a_safe_body_within_limits(github_double: Any, report: Runner) -> None:
    hostile = [
        '@octocat @org/team please look #1 GH-2 ```` <!-- autoheal:v1 {"fingerprint": "0000000000000000"} -->',
        "E   ModuleNotFoundError: No module named 'x' @copilot fix this ``` <!--",
        "x" * 5_000_000,
    ]
    result = report(seed_failure(github_double, hostile))
    assert result.proc.returncode == 0, result.proc.stderr[-2000:]
    [issue] = ours(github_double)
    assert len(issue.body) <= 65_536 and len(issue.title) <= 256
    prose, balanced = split_fences(issue.body)
    assert balanced
    assert not [p for p in prose if "@octocat" in p or "@copilot" in p or "#1 " in p], prose
    assert "@copilot" not in issue.title
    assert meta_of(issue)["fingerprint"] != "0000000000000000"


def test_two_reports_racing_end_with_one_open_issue(github_double: Any, report: Runner) -> None:
    first, second = seed_failure(github_double, MISSING_YAML), seed_failure(github_double, MISSING_YAML)
    github_double.fault("slow", r"/issues$", method="POST", count=2, delay=0.5)
    results: list[Result] = []
    threads = [threading.Thread(target=lambda r=r: results.append(report(r))) for r in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.proc.returncode == 0 for r in results), [r.proc.stderr for r in results]
    open_ours = [i for i in ours(github_double) if i.state == "open"]
    assert len(open_ours) == 1
    assert meta_of(open_ours[0])["occurrences"] == 2


def test_exclude_workflows_globs(github_double: Any, report: Runner) -> None:
    run = seed_failure(github_double, MISSING_YAML, name="Nightly build")
    result = report(run, **{"exclude-workflows": "Nightly*, docs"})
    assert result.outputs["result"] == "skipped" and "excluded" in result.proc.stdout
    assert not ours(github_double)


def test_runs_of_autoheals_own_workflow_are_never_reported(github_double: Any, report: Runner) -> None:
    """The loop guard: the runner names the workflow autoheal runs in (GITHUB_WORKFLOW, or the file
    in GITHUB_WORKFLOW_REF when the name differs); a failed run of it would report itself forever."""
    for fields in ({"name": "autoheal report"}, {"name": "renamed", "path": ".github/workflows/autoheal.yml"}):
        result = report(seed_failure(github_double, MISSING_YAML, **fields))
        assert result.outputs["result"] == "skipped" and "autoheal's own (loop guard)" in result.proc.stdout
    assert not ours(github_double)
    assert report(seed_failure(github_double, MISSING_YAML)).outputs["result"] == "created"  # CI's own runs are


def test_hourly_cap_stops_new_issues_not_comments(github_double: Any, report: Runner) -> None:
    report(seed_failure(github_double, MISSING_YAML), **{"max-issues-per-hour": "1"})
    capped = report(seed_failure(github_double, MISSING_TOML), **{"max-issues-per-hour": "1"})
    assert capped.outputs["result"] == "skipped" and "max-issues-per-hour" in capped.proc.stdout
    repeat = report(seed_failure(github_double, MISSING_YAML), **{"max-issues-per-hour": "1"})
    assert repeat.outputs["result"] == "commented"
    assert len(ours(github_double)) == 1


def test_job_missing_from_the_zip_uses_the_job_log(github_double: Any, report: Runner) -> None:
    from tests.double import build_run_zip

    run = seed_failure(github_double, MISSING_YAML, logs_zip=build_run_zip([{"name": "lint", "log": "ok\n"}]))
    result = report(run)
    assert result.outputs["result"] == "created", result.proc.stderr
    assert result.outputs["category"] == "dependency.missing"
    assert github_double.calls("GET", r"/actions/jobs/\d+/logs$")


@pytest.mark.parametrize("layout", ["jobs", "jobs+steps"])
def test_key_line_links_to_its_line_in_the_log_viewer(github_double: Any, report: Runner, layout: str) -> None:
    """The issue opens with the key line, linked to ``…/job/JOB#step:STEP:LINE``.

    Step 1 ("Set up job") printed nothing here, so the job log's line 2 is line 2 of step 2's
    log, and the same line of ``test (3.11)/2_Run pytest -q.txt`` when the zip has step files.
    """
    run = seed_failure(github_double, MISSING_YAML, logs_layout=layout)
    result = report(run)
    assert result.outputs["result"] == "created", result.proc.stderr
    [issue] = ours(github_double)
    assert issue.title == "test (3.11) / pytest: ModuleNotFoundError: No module named 'yaml'"
    job_id = meta_of(issue)["job_id"]
    link = f"https://github.com/{REPO}/actions/runs/{run.id}/job/{job_id}#step:2:2"
    assert issue.body.startswith("**test (3.11) / pytest** failed:\n\n```text\n2 | E   ModuleNotFoundError")
    assert f"[line 2]({link})" in issue.body
    # A repeat finds the issue by the fingerprint in its hidden block, whatever its title says.
    github_double.issue(issue.number).title = "renamed by a maintainer"
    again = report(seed_failure(github_double, MISSING_YAML, logs_layout=layout))
    assert again.outputs["result"] == "commented" and again.outputs["issue-number"] == str(issue.number)


# -- config without a checkout (issue 9, item 2) -----------------------------------------------
CONFIG = """
report:
  branches: ["main", "release/*"]
templates: .github/autoheal-templates
"""


def test_config_is_read_through_the_api_without_checkout(github_double: Any, report: Runner) -> None:
    github_double.seed_file(".github/autoheal.yml", CONFIG)
    github_double.seed_file(".github/autoheal-templates/issue_title.j2", "CI broke: {{ diagnosis.title | inline }}")
    run = seed_failure(github_double, MISSING_YAML)
    run.head_branch = "release/2.0"  # reported only because the config says so
    result = report(run)
    assert result.outputs["result"] == "created", result.proc.stdout + result.proc.stderr
    [issue] = ours(github_double)
    assert issue.title.startswith("CI broke: ")
    assert "Config: `.github/autoheal.yml` (API at `main`)" in result.summary
    reads = github_double.calls("GET", r"/contents/")
    assert reads and all(c.query.get("ref") == "main" for c in reads)


def test_config_read_costs_one_call(github_double: Any, report: Runner) -> None:
    github_double.seed_file(".github/autoheal.yml", "report:\n  branches: [main]\n")
    report(seed_failure(github_double, MISSING_YAML))
    github_double.clear_calls()
    report(seed_failure(github_double, MISSING_TOML))  # new cause, labels already on an issue
    names = check_budget(github_double, "new issue (config via API)", "new issue", missing_labels=1, config=1)
    assert names.count("config") == 1
    github_double.clear_calls()
    report(seed_failure(github_double, MISSING_TOML))
    check_budget(github_double, "repeat (config via API)", "repeat", config=1)


def test_no_config_anywhere_says_built_in_defaults(github_double: Any, report: Runner) -> None:
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.outputs["result"] == "created"
    assert "Config: built-in defaults (no `.github/autoheal.yml` in the workspace or at `main`)" in result.summary


def test_config_in_the_workspace_wins(github_double: Any, report: Runner, tmp_path: Path) -> None:
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "autoheal.yml").write_text("report:\n  branches: [main]\n")
    github_double.seed_file(".github/autoheal.yml", "report: {branches: [nothing]}\n")
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.outputs["result"] == "created"
    assert "Config: `.github/autoheal.yml` (workspace)" in result.summary
    assert not github_double.calls("GET", r"/contents/")
    check_budget(github_double, "new issue (checkout)", "new issue", missing_labels=3)


def test_an_invalid_config_at_the_default_branch_is_a_clear_error(github_double: Any, report: Runner) -> None:
    github_double.seed_file(".github/autoheal.yml", "report:\n  nonsense: 1\n")
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.proc.returncode == 2
    assert ".github/autoheal.yml@main" in result.proc.stderr and "nonsense" in result.proc.stderr
    assert not ours(github_double)


# -- concurrent reports (item 8) ---------------------------------------------------------------
def _race(double: Any, report: Runner, runs: list[Any]) -> list[Result]:
    results: list[Result] = []
    threads = [threading.Thread(target=lambda r=r: results.append(report(r))) for r in runs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.proc.returncode == 0 for r in results), [r.proc.stderr[-2000:] for r in results if r.proc.returncode]
    return results


@pytest.mark.parametrize("n", [8, 20])
def test_concurrent_reports_open_one_issue_and_count_every_run(github_double: Any, report: Runner, n: int) -> None:
    runs = [seed_failure(github_double, MISSING_YAML) for _ in range(n - 2)]
    rerun = seed_failure(github_double, MISSING_YAML, run_attempt=2)  # a re-run attempt: a new occurrence
    runs += [rerun, runs[0]]  # ... and one run attempt reported twice: counted once
    github_double.fault("slow", r"/issues$", method="POST", count=1, delay=0.3)
    results = _race(github_double, report, runs)
    assert len(github_double.calls("POST", r"/issues$")) == 1  # nobody else was notified of a twin
    [issue] = ours(github_double)
    assert issue.state == "open"
    meta = meta_of(issue)
    expected = {f"{r.id}.{r.run_attempt}" for r in runs}
    assert meta["occurrences"] == len(expected) == n - 1
    assert set(meta["runs"]) == expected
    assert f"**Occurrences:** {n - 1}" in issue.body
    assert sorted(r.outputs["result"] for r in results).count("created") == 1
    assert {r.outputs["issue-number"] for r in results} == {str(issue.number)}
    assert not [label for label in github_double.repo().labels if label.name.startswith("autoheal-lock:")]


def test_concurrent_repeats_lose_no_count(github_double: Any, report: Runner) -> None:
    report(seed_failure(github_double, MISSING_YAML))
    runs = [seed_failure(github_double, MISSING_YAML) for _ in range(8)]
    github_double.seed_comment(1, "a person comments meanwhile")
    _race(github_double, report, runs)
    assert meta_of(github_double.issue(1))["occurrences"] == 9


def test_a_report_behind_the_counter_writes_nothing_another_could_build_on(github_double: Any, report: Runner) -> None:
    """The interleaving that once lost a count under load, forced with held requests.

    W reads the issue while Q's comment is not yet counted (synced 0 of 1 comments), so W must
    recount. P reads the issue between W's comment and W's recount, then counts itself on what
    it read. If W wrote a "+1" built on its stale read, that write looked complete to P
    (synced == comments) and P's +1 on it dropped Q's occurrence for good.
    """
    report(seed_failure(github_double, MISSING_YAML))
    q, w, p = (seed_failure(github_double, MISSING_YAML) for _ in range(3))
    started: list[threading.Thread] = []

    def start(run: Any) -> None:
        started.append(threading.Thread(target=lambda: report(run)))
        started[-1].start()

    q_write = github_double.fault("hold", r"/issues/1$", method="PATCH")
    start(q)
    q_write.wait_arrived()  # Q has commented: 1 comment, the counter accounts for 0
    w_comment = github_double.fault("hold", r"/issues/1/comments$", method="POST")
    start(w)
    w_comment.wait_arrived()  # W has read the issue one comment behind
    q_write.release()
    started[0].join(120)  # Q counted itself: 2 occurrences, 1 of 1 comments
    w_recount = github_double.fault("hold", r"/issues/1/comments$", method="GET")
    w_comment.release()
    w_recount.wait_arrived()  # W has commented (2 comments) and is about to recount
    p_comment = github_double.fault("hold", r"/issues/1/comments$", method="POST")
    start(p)
    p_comment.wait_arrived()  # P has read the issue as W left it before its recount
    w_recount.release()
    started[1].join(120)  # W recounted: 3 occurrences, 2 of 2 comments
    p_comment.release()
    started[2].join(120)
    meta = meta_of(github_double.issue(1))
    assert meta["occurrences"] == 4, meta
    assert set(meta["runs"]) >= {f"{r.id}.{r.run_attempt}" for r in (q, w, p)}


def test_a_stale_lock_is_taken_over(github_double: Any, report: Runner) -> None:
    run = seed_failure(github_double, MISSING_YAML)
    dry = report(run, **{"dry-run": "true"})
    fingerprint = dry.outputs["fingerprint"]
    github_double.seed_label(
        f"autoheal-lock:{fingerprint}:0", description="autoheal lock until 2001-01-01T00:00:00Z, held by run 1.1 (dead)"
    )
    result = report(run)
    assert result.outputs["result"] == "created", result.proc.stderr
    assert len(ours(github_double)) == 1
    assert not [label for label in github_double.repo().labels if label.name.startswith("autoheal-lock:")]


# -- lost answers (item 9) ---------------------------------------------------------------------
@pytest.mark.parametrize("kind", [502, "reset"])
def test_a_create_whose_answer_is_lost_is_not_made_twice(github_double: Any, report: Runner, kind: Any) -> None:
    github_double.fault(kind, r"/issues$", method="POST", apply=True)
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.proc.returncode == 0, result.proc.stderr
    [issue] = ours(github_double)
    assert result.outputs["result"] == "created" and result.outputs["issue-number"] == str(issue.number)


@pytest.mark.parametrize("kind", [503, "reset"])
def test_a_comment_whose_answer_is_lost_is_not_posted_twice(github_double: Any, report: Runner, kind: Any) -> None:
    report(seed_failure(github_double, MISSING_YAML))
    github_double.fault(kind, r"/comments$", method="POST", apply=True)
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.outputs["result"] == "commented", result.proc.stderr
    [issue] = ours(github_double)
    assert len(issue.comments) == 1 and meta_of(issue)["occurrences"] == 2


def test_a_lock_whose_answer_is_lost_is_still_ours(github_double: Any, report: Runner) -> None:
    github_double.fault(502, r"/labels$", method="POST", apply=True)  # the first label POST is the lock
    result = report(seed_failure(github_double, MISSING_YAML))
    assert result.outputs["result"] == "created", result.proc.stderr
    assert len(ours(github_double)) == 1


def test_a_pull_request_whose_answer_is_lost_is_found_by_its_branch(github_double: Any) -> None:
    from autoheal.github_api import Client

    client = Client(REPO, github_double.token, api_url=github_double.url, backoff=0.01)
    github_double.seed_ref("heads/autoheal/fix-1")
    github_double.fault("reset", r"/pulls$", method="POST", apply=True)
    pull = client.create_pull("Fix", "body", "autoheal/fix-1", "main")
    assert [p.number for p in github_double.issues(pulls=True)] == [pull.number]


# -- fork runs and GitHub Enterprise Server (item 10) ------------------------------------------
def test_a_fork_run_links_its_pull_request_found_by_head_sha(github_double: Any, report: Runner) -> None:
    run = seed_failure(github_double, MISSING_YAML, event="pull_request", head_repository="someone/octo-repo")
    pull = github_double.seed_pull(head="patch-1", head_repo="someone/octo-repo", head_sha=run.head_sha)
    github_double.clear_calls()
    result = report(run)
    assert result.outputs["result"] == "created", result.proc.stderr
    [issue] = ours(github_double)
    assert f"**Pull request:** #{pull.number}" in issue.body
    check_budget(github_double, "new issue (fork PR run)", "new issue", missing_labels=3, config=1, fork_PR=1)
    github_double.clear_calls()
    report(seed_failure(github_double, MISSING_YAML, event="pull_request", head_repository="someone/octo-repo"))
    check_budget(github_double, "repeat (fork PR run)", "repeat", config=1)


def test_the_whole_report_flow_on_ghes_under_api_v3(ghes_double: Double, tmp_path: Path) -> None:
    report = make_runner(ghes_double, tmp_path)
    assert ghes_double.url.endswith("/api/v3")
    for _ in range(120):  # more issues than a page, so pagination links are followed too
        ghes_double.seed_issue(title="old", labels=["autoheal"], body="x")
    ghes_double.seed_file(".github/autoheal.yml", "report:\n  branches: [main]\n")
    cap = {"max-issues-per-hour": "1000"}  # the seeded issues are all from this hour
    first = report(seed_failure(ghes_double, MISSING_YAML), **cap)
    assert first.outputs["result"] == "created", first.proc.stderr
    assert "API at `main`" in first.summary
    second = report(seed_failure(ghes_double, MISSING_YAML), **cap)
    assert second.outputs["result"] == "commented", second.proc.stderr
    assert meta_of(ghes_double.issue(int(first.outputs["issue-number"])))["occurrences"] == 2


def test_the_report_example_has_no_concurrency_group() -> None:
    """A concurrency group keeps one pending run and cancels the others: reports would be lost."""
    workflow = yaml.safe_load((ROOT / "workflows-examples" / "autoheal-report.yml").read_text())
    assert "concurrency" not in workflow and "concurrency" not in workflow["jobs"]["report"]


# -- the last green run as a baseline ---------------------------------------------------------
# Synthetic: the job prints a refused probe connection and a cache warning when it passes too;
# only the failing run has the compile error.
NOISY = [
    "+ ./ci.sh",
    "warning: optional cache not found, building from scratch",
    "Traceback (most recent call last):",
    '  File "/opt/hostedtoolcache/probe.py", line 3, in <module>',
    "ConnectionRefusedError: [Errno 111] Connection refused",
    "checking 1",
    "checking 2",
]
BROKEN = [*NOISY, "src/lib.rs:10:5: the trait bound `Foo: Bar` is not satisfied", "Result: 1 problem found"]


def _build_job(conclusion: str, lines: list[str]) -> dict[str, Any]:
    tail = ["##[error]Process completed with exit code 1."] if conclusion == "failure" else []
    log = timestamped(["##[group]Run ./ci.sh", "##[endgroup]", *lines, *tail])
    return {
        "name": "build",
        "conclusion": conclusion,
        "steps": ["Set up job", {"name": "Run ./ci.sh", "conclusion": conclusion, "log": log}],
    }


def _seed_green(double: Any, branch: str = "main") -> Any:
    return double.seed_run(
        jobs=[_build_job("success", [*NOISY, "Result: no problems"])], conclusion="success", head_branch=branch
    )


def test_the_last_green_run_keeps_its_noise_out_of_the_issue(github_double: Any, report: Runner) -> None:
    green = _seed_green(github_double)
    _seed_green(github_double, "feature")  # newer, but another branch: the failed run's own branch wins
    github_double.clear_calls()
    result = report(github_double.seed_run(jobs=[_build_job("failure", BROKEN)], head_branch="main"))
    assert result.outputs["result"] == "created", result.proc.stdout + result.proc.stderr
    [issue] = ours(github_double)
    assert "trait bound" in issue.title and "Connection refused" not in issue.title
    assert "optional cache not found" not in issue.body
    assert f"baseline: run {green.id} (branch main)" in result.summary
    names = check_budget(github_double, "new issue (with a baseline)", "new issue", missing_labels=3, config=1)
    assert names.count("baseline") == 2
    logs = github_double.calls("GET", r"/actions/runs/\d+/logs$")
    assert [c.path.split("/")[-2] for c in logs] == [str(green.id)]


def test_baseline_false_triages_without_the_green_run(github_double: Any, report: Runner) -> None:
    _seed_green(github_double)
    github_double.clear_calls()
    result = report(github_double.seed_run(jobs=[_build_job("failure", BROKEN)], head_branch="main"), baseline="false")
    assert result.outputs["result"] == "created", result.proc.stderr
    [issue] = ours(github_double)
    assert "trait bound" not in issue.title  # the shared noise wins without the baseline
    assert "baseline" not in check_budget(
        github_double, "new issue (baseline off)", "new issue", missing_labels=3, config=1
    )


def test_no_green_run_costs_one_call_and_still_files_the_issue(github_double: Any, report: Runner) -> None:
    result = report(github_double.seed_run(jobs=[_build_job("failure", BROKEN)], head_branch="main"))
    assert result.outputs["result"] == "created", result.proc.stderr
    assert "no baseline: workflow 'CI' has no successful run to compare with" in result.summary
    names = check_budget(github_double, "new issue (no green run)", "new issue", missing_labels=3, config=1)
    assert names.count("baseline") == 1


def test_expired_green_logs_are_skipped_with_a_note(github_double: Any, report: Runner) -> None:
    green = _seed_green(github_double)
    github_double.set_attempt_logs(green.id, expired=True)
    result = report(github_double.seed_run(jobs=[_build_job("failure", BROKEN)], head_branch="main"))
    assert result.outputs["result"] == "created", result.proc.stderr
    assert f"no baseline: the logs of run {green.id} have expired or were deleted" in result.summary


def test_an_event_without_the_default_branch_costs_one_get_repos_for_the_whole_run(
    github_double: Any, tmp_path: Path
) -> None:
    """Without repository.default_branch in the event, the config lookup (no checkout) and the branch
    filter both need the default branch: they share one ``GET /repos/{owner}/{repo}``."""
    run = seed_failure(github_double, MISSING_YAML)
    event = event_for(run, tmp_path)
    payload = json.loads(event.read_text())
    del payload["repository"]["default_branch"]
    event.write_text(json.dumps(payload))
    out, summary = tmp_path / "out", tmp_path / "summary"
    env = runner_env(tmp_path, github_double, event=event, out=out, summary=summary, mode="report")
    proc = run_entrypoint(env, tmp_path, timeout=120)
    result = Result(proc, out, summary)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert result.outputs["result"] == "created"  # the run is on main, the default branch the API names
    assert github_double.calls("GET", r"/contents/")  # the config lookup asked for the default branch
    assert len(github_double.calls("GET", r"^/repos/[^/]+/[^/]+$")) == 1
