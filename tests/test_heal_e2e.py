"""Heal mode end to end: the real ``entrypoint.py`` in a subprocess with the environment a runner
gives a Docker action (every input of action.yml as ``INPUT_*``, defaults filled in, the real
``issues.labeled`` payload, ``GITHUB_OUTPUT``), against the GitHub double. ``origin`` is a bare
repository the double serves over HTTP (``tests/double/git_http.py``), so pushes are
authenticated with the header gitops sends and meet GitHub's refusals. Run with ``-s`` to see
the API calls each scenario makes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from autoheal import config, metadata
from autoheal.logsource import bytes_doc
from autoheal.models import Diagnosis
from autoheal.render import RunContext, render_issue
from autoheal.triage import triage_docs
from tests.double import timestamped
from tests.double.schema import shared_dir
from tests.helpers import HUMAN, git, parse_outputs, run_entrypoint, runner_env, seed_origin

ROOT = Path(__file__).resolve().parents[1]
SHARED = shared_dir()
PAYLOAD = SHARED / "github" / "payloads" / "issues.labeled.json"
pytestmark = pytest.mark.skipif(not PAYLOAD.exists(), reason=f"{PAYLOAD} is missing (the shared/ folder is not here)")
REPO = "octo-org/octo-repo"
RULES = config.load(root=ROOT / "tests").ruleset
BOT = "autoheal[bot] <autoheal[bot]@users.noreply.github.com>"
CI_YML = """\
name: CI
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    timeout-minutes: 20  # keep this comment
    steps:
      - uses: actions/checkout@v4
      - run: pip install -r requirements.txt
      - run: pytest -q
"""
MISSING_YAML = [
    "##[group]Run pytest -q",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "##[error]Process completed with exit code 1.",
]
TIMEOUT = [
    "Running the integration suite",
    "##[error]The job running on runner GitHub Actions 3 has exceeded the maximum execution time of 20 minutes.",
    "##[error]The operation was canceled.",
]
TEST_FAILURE = [
    "FAILED tests/test_a.py::test_x - AssertionError: ping @octocat about #1",
    "##[error]Process completed with exit code 1.",
]
YAML_BRANCH = "autoheal/issue-{n}-dependency-missing-yaml"


class World:
    """origin (bare) + the runner's workspace (a clone) + the double, and a way to run heal."""

    def __init__(self, double: Any, tmp: Path) -> None:
        self.double, self.tmp, self.runs = double, tmp, 0
        self.origin, self.workspace = tmp / "origin.git", tmp / "workspace"
        seed_origin(tmp, {".github/workflows/ci.yml": CI_YML, "requirements.txt": "requests==2.31.0\n"})
        self.remote = double.serve_git(self.origin)
        git(tmp, "clone", "--quiet", self.remote, str(self.workspace))  # what actions/checkout does
        # Labels created implicitly by add-labels get description null, which the OpenAPI subset's
        # pull-request listing rejects; a real repository has them with descriptions anyway.
        for label in (
            "autoheal",
            "needs-manual-fix",
            "autoheal-gave-up",
            *(f"autoheal-risk:{r}" for r in ("low", "medium", "high")),
        ):
            double.seed_label(label, description=f"{label} (autoheal)")
        double.seed_collaborator("alice", "write")
        double.seed_collaborator("mallory", "read")
        self.calls: list[str] = []

    def file_issue(self, lines: list[str], job: str = "test") -> tuple[int, Diagnosis]:
        """What report mode would have filed for this log: a real triage, rendered."""
        run = self.double.seed_run(
            name="CI",
            path=".github/workflows/ci.yml",
            head_branch="main",
            jobs=[
                {
                    "name": job,
                    "conclusion": "failure",
                    "steps": [{"name": "Run", "conclusion": "failure", "log": timestamped(lines)}],
                }
            ],
        )
        diagnosis = triage_docs([bytes_doc(f"{job}.txt", timestamped(lines).encode(), job=job)], RULES, job)
        rendered = render_issue(diagnosis, RunContext(repo=REPO, run_id=run.id, run_attempt=1, workflow="CI"))
        issue = self.double.seed_issue(title=rendered.title, body=rendered.body, labels=["autoheal"])
        return issue.number, diagnosis

    def event(self, number: int, login: str, kind: str) -> Path:
        payload = json.loads(PAYLOAD.read_text())
        issue = self.double.issue(number)
        payload["label"]["name"] = "auto-heal"
        payload["issue"].update(number=number, title=issue.title, body=issue.body)
        payload["repository"].update(full_name=REPO, name="octo-repo", default_branch="main")
        payload["repository"]["owner"]["login"] = "octo-org"
        payload["sender"].update(login=login, type=kind)
        path = self.tmp / f"event{self.runs}.json"
        path.write_text(json.dumps(payload))
        return path

    def heal(self, number: int, login: str = "alice", kind: str = "User", **inputs: str) -> dict[str, str]:
        self.runs += 1
        out, summary = self.tmp / f"out{self.runs}", self.tmp / f"summary{self.runs}"
        event = self.event(number, login, kind)
        env = runner_env(
            self.tmp,
            self.double,
            event=event,
            event_name="issues",
            out=out,
            summary=summary,
            workspace=self.workspace,
            **{"mode": "heal", **inputs},
        )
        self.double.clear_calls()
        proc = run_entrypoint(env, self.workspace)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        self.stdout = proc.stdout
        self.calls = [f"{c.method} {c.template or c.path}" for c in self.double.calls()]
        outputs = parse_outputs(out.read_text())
        self.summary = summary.read_text()
        assert f"| {outputs['result']} |" in self.summary
        return outputs

    def report(self, scenario: str) -> None:
        print(f"\n[{scenario}] {len(self.calls)} API calls: " + ", ".join(self.calls))

    def commit_main(self, path: str, text: str) -> None:
        """Someone commits on main (straight to the bare origin, as the repository's owner)."""
        clone = self.tmp / f"main-{self.runs}-{len(path)}"
        git(self.tmp, "clone", "--quiet", str(self.origin), str(clone))
        (clone / path).parent.mkdir(parents=True, exist_ok=True)
        (clone / path).write_text(text)
        git(clone, "add", ".")
        git(clone, *HUMAN, "commit", "--quiet", "-m", f"edit {path}")
        git(clone, "push", "--quiet", "origin", "HEAD:main")

    # -- inspection -------------------------------------------------------------------------
    def branch_sha(self, branch: str) -> str | None:
        out = git(self.origin, "branch", "--list", branch, "--format=%(objectname)")
        return out or None

    def diff(self, branch: str) -> str:
        return git(self.origin, "diff", "main", branch)

    def pulls(self) -> list[Any]:
        return self.double.issues(pulls=True)

    def comments(self, number: int) -> list[str]:
        return [c.body for c in self.double.issue(number).comments]

    def writes(self) -> list[str]:
        return [c for c in self.calls if not c.startswith("GET ")]


def changed_lines(diff: str) -> list[str]:
    return [ln for ln in diff.splitlines() if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]


def test_python_dependency_fix_becomes_a_draft_pr(world: World) -> None:
    number, diagnosis = world.file_issue(MISSING_YAML)
    outputs = world.heal(number)
    world.report("python-dependency: opened")
    branch = YAML_BRANCH.format(n=number)
    assert outputs["result"] == "opened" and outputs["branch"] == branch
    (pr,) = world.pulls()
    assert outputs["pr-number"] == str(pr.number) and outputs["pr-url"].endswith(f"/pull/{pr.number}")
    assert pr.pull.draft and pr.pull.head_ref == branch and pr.pull.base_ref == "main"
    assert pr.title == f"fix: add PyYAML to requirements.txt (autoheal, #{number})"
    assert pr.labels == ["autoheal", "autoheal-risk:medium"]  # a dependency manifest changes
    assert "**Risk:** `medium`" in pr.body
    assert f"Fixes #{number}" in pr.body and "GITHUB_TOKEN" in pr.body and "close and reopen" in pr.body
    assert (metadata.extract(pr.body) or {}).get("fingerprint") == diagnosis.fingerprint
    # The branch holds exactly the fix, as one bot commit on main.
    assert changed_lines(world.diff(branch)) == ["+PyYAML"]
    assert "requirements.txt" in world.diff(branch).splitlines()[0]
    assert git(world.origin, "log", "--format=%an <%ae>", f"main..{branch}") == BOT
    # The runner's checkout is untouched.
    assert (
        git(world.workspace, "status", "--porcelain") == ""
        and git(world.workspace, "branch", "--show-current") == "main"
    )
    assert len(world.calls) <= 8, world.calls


PAT = "ghp_e2eUserToken0123456789abcdef"
DISPATCHABLE_CI = CI_YML.replace("on: push", "on:\n  push:\n  workflow_dispatch:")
FENCED_DIFF = re.compile(r"^```diff\n(.*?)^```$", re.S | re.M)


def test_a_workflow_fix_without_a_workflow_token_comments_the_patch(world: World, tmp_path: Path) -> None:
    """GITHUB_TOKEN can never push .github/workflows/: autoheal does not try, it hands over the patch."""
    number, _ = world.file_issue(TIMEOUT)
    outputs = world.heal(number)
    world.report("job-timeout, no workflow-token: declined with the patch")
    branch = f"autoheal/issue-{number}-timeout"
    assert outputs["result"] == "declined" and world.branch_sha(branch) is None and world.pulls() == []
    assert "needs-workflow-token" in world.double.issue(number).labels
    (comment,) = world.comments(number)
    assert "workflows" in comment and "workflow-token" in comment and "git apply" in comment
    (patch,) = FENCED_DIFF.findall(comment)
    # The patch applies to the base as it is and makes exactly the fix.
    clone = tmp_path / "apply"
    git(tmp_path, "clone", "--quiet", str(world.origin), str(clone))
    (clone / "autoheal.patch").write_text(patch)
    git(clone, "apply", "autoheal.patch")
    assert "timeout-minutes: 30  # keep this comment" in (clone / ".github/workflows/ci.yml").read_text()
    assert "needs-workflow-token" in world.summary or "workflow-token" in world.summary
    assert not any(c.startswith("POST /repos/{owner}/{repo}/pulls") for c in world.calls)


def test_a_workflow_token_pushes_the_workflow_fix(world: World) -> None:
    world.double.add_token(PAT, "alice", "pat", workflows=True)
    number, _ = world.file_issue(TIMEOUT)
    outputs = world.heal(number, workflow_token=PAT)
    world.report("job-timeout with workflow-token: opened")
    assert outputs["result"] == "opened" and outputs["branch"] == f"autoheal/issue-{number}-timeout"
    assert changed_lines(world.diff(outputs["branch"])) == [
        "-    timeout-minutes: 20  # keep this comment",
        "+    timeout-minutes: 30  # keep this comment",
    ]
    (pr,) = world.pulls()
    assert pr.user == "github-actions[bot]"  # the PR itself is still opened with github-token
    assert PAT not in world.stdout


def test_a_refused_push_ends_in_the_patch_comment_not_a_crash(world: World) -> None:
    world.double.add_token(PAT, "alice", "pat", workflows=False)  # a PAT without the workflow scope
    number, _ = world.file_issue(TIMEOUT)
    outputs = world.heal(number, workflow_token=PAT)
    world.report("job-timeout, workflow-token lacks the scope: declined")
    assert outputs["result"] == "declined" and world.pulls() == []
    (comment,) = world.comments(number)
    assert "refusing to allow a Personal Access Token" in comment and "`workflow` scope" in comment
    assert len(FENCED_DIFF.findall(comment)) == 1
    assert "needs-workflow-token" in world.double.issue(number).labels


def test_without_draft_support_a_ready_pr_is_opened_and_says_so(world: World) -> None:
    world.double.seed_repo(REPO, draft_prs=False)
    number, _ = world.file_issue(MISSING_YAML)
    outputs = world.heal(number)
    world.report("drafts unsupported: opened as a normal PR")
    assert outputs["result"] == "opened"
    (pr,) = world.pulls()
    assert not pr.pull.draft and "not support draft pull requests" in pr.body
    assert "not support draft pull requests" in world.summary


def test_ci_is_dispatched_on_the_fix_branch_and_linked(world: World) -> None:
    world.commit_main(".github/workflows/ci.yml", DISPATCHABLE_CI)
    number, _ = world.file_issue(MISSING_YAML)
    outputs = world.heal(number)
    world.report("workflow accepts workflow_dispatch: opened + dispatched")
    branch = YAML_BRANCH.format(n=number)
    assert outputs["result"] == "opened"
    (run,) = [r for r in world.double.repo().runs.values() if r.event == "workflow_dispatch"]
    assert run.head_branch == branch and run.head_sha == world.branch_sha(branch)
    (pr,) = world.pulls()
    assert f"https://github.com/{REPO}/actions/runs/{run.id}" in pr.body
    # Re-labelling with nothing new pushes nothing and dispatches nothing more.
    world.heal(number)
    assert [r.id for r in world.double.repo().runs.values() if r.event == "workflow_dispatch"] == [run.id]


def test_no_dispatch_when_the_workflow_does_not_accept_it(world: World) -> None:
    number, _ = world.file_issue(MISSING_YAML)
    world.heal(number)
    assert not any("/dispatches" in c for c in world.calls)
    (pr,) = world.pulls()
    assert "workflow_dispatch" in pr.body and "empty commit" in pr.body


def test_no_dispatch_when_a_pat_opened_the_pr(world: World) -> None:
    world.commit_main(".github/workflows/ci.yml", DISPATCHABLE_CI)
    world.double.add_token(PAT, "alice", "pat")
    number, _ = world.file_issue(MISSING_YAML)
    outputs = world.heal(number, github_token=PAT)
    world.report("PR opened with a PAT: its events run CI, no dispatch")
    assert outputs["result"] == "opened" and not any("/dispatches" in c for c in world.calls)
    (pr,) = world.pulls()
    assert pr.user == "alice" and "/actions/runs/" not in pr.body


def test_copilot_is_assigned_with_an_agent_token(world: World) -> None:
    world.double.add_token(PAT, "alice", "pat")
    number, diagnosis = world.file_issue(TEST_FAILURE)
    outputs = world.heal(number, agent_token=PAT)
    world.report("no fixer, agent-token: declined, assigned to Copilot")
    assert outputs["result"] == "declined"
    issue = world.double.issue(number)
    assert issue.assignees == ["Copilot"]
    (task,) = issue.agent_assignments
    assert task["target_repo"] == REPO and task["base_branch"] == "main"
    assert diagnosis.category in task["custom_instructions"] and "@octocat" not in task["custom_instructions"]
    (comment,) = world.comments(number)
    assert "assigned" in comment and "Copilot" in comment
    assert PAT not in world.stdout


def test_copilot_without_a_token_gets_the_prompt_in_a_comment(world: World) -> None:
    number, _ = world.file_issue(TEST_FAILURE)
    world.heal(number, agent_mention="@copilot")
    world.report("no fixer, @copilot without agent-token: the prompt in a comment")
    assert world.double.issue(number).assignees == []
    (comment,) = world.comments(number)
    assert "agent-token" in comment and "Fix the CI failure" in comment
    assert not re.findall(r"(?<![\w`])@copilot", comment)  # a mention starts no agent: none is made


def test_relabel_updates_the_same_pr(world: World, tmp_path: Path) -> None:
    number, _ = world.file_issue(MISSING_YAML)
    first = world.heal(number)
    sha = world.branch_sha(first["branch"])
    again = world.heal(number)
    world.report("re-label, nothing new: updated")
    assert again["result"] == "updated" and again["pr-number"] == first["pr-number"]
    assert world.branch_sha(first["branch"]) == sha  # not-updated: same tree, nothing pushed
    assert "branch " + first["branch"] + ": not-updated" in world.stdout
    # main moves on: the branch is rebuilt on it (force-with-lease), the PR is still the same one.
    other = tmp_path / "other"
    git(tmp_path, "clone", "--quiet", str(world.origin), str(other))
    (other / "README.md").write_text("hello\n")
    git(other, "add", ".")
    git(other, *HUMAN, "commit", "--quiet", "-m", "docs")
    git(other, "push", "--quiet", "origin", "main")
    third = world.heal(number)
    world.report("re-label after main moved: updated")
    assert third["result"] == "updated" and third["pr-number"] == first["pr-number"]
    assert world.branch_sha(first["branch"]) != sha and changed_lines(world.diff(first["branch"])) == ["+PyYAML"]
    assert len(world.pulls()) == 1


def test_a_human_commit_on_the_branch_is_left_alone(world: World, tmp_path: Path) -> None:
    number, _ = world.file_issue(MISSING_YAML)
    branch = world.heal(number)["branch"]
    human = tmp_path / "human"
    git(tmp_path, "clone", "--quiet", "--branch", branch, str(world.origin), str(human))
    (human / "requirements.txt").write_text("requests==2.31.0\nPyYAML==6.0.1\n")
    git(human, *HUMAN, "commit", "--quiet", "-am", "pin PyYAML")
    git(human, "push", "--quiet", "origin", branch)
    theirs = world.branch_sha(branch)
    outputs = world.heal(number)
    world.report("human commit on the branch: declined")
    assert outputs["result"] == "declined" and world.branch_sha(branch) == theirs
    assert "left the branch" in world.comments(number)[-1]
    assert not any(c.startswith("PATCH /repos/{owner}/{repo}/pulls") for c in world.calls)


def test_a_labeller_without_write_access_is_refused_once(world: World) -> None:
    number, _ = world.file_issue(MISSING_YAML)
    assert world.heal(number, login="mallory")["result"] == "refused"
    world.report("read-only labeller: refused")
    assert world.writes() == ["POST /repos/{owner}/{repo}/issues/{issue_number}/comments"]
    assert world.heal(number, login="mallory")["result"] == "refused"
    world.report("read-only labeller again: refused, no second comment")
    assert world.writes() == []
    (comment,) = world.comments(number)
    assert "`mallory`" in comment and "@mallory" not in comment
    assert world.pulls() == [] and world.branch_sha(YAML_BRANCH.format(n=number)) is None
    assert world.heal(number, login="ci-helper[bot]", kind="Bot")["result"] == "refused"


def test_no_fixer_comments_labels_and_hands_off(world: World) -> None:
    number, _ = world.file_issue(TEST_FAILURE)
    outputs = world.heal(number, agent_mention="@ci-agent")
    world.report("no fixer: declined")
    assert outputs["result"] == "declined" and outputs["pr-number"] == ""
    assert "needs-manual-fix" in world.double.issue(number).labels
    (comment,) = world.comments(number)
    assert "did not open a fix" in comment and "no fixer applies" in comment
    assert re.findall(r"(?<![\w`])@[A-Za-z0-9-]+", comment) == ["@ci-agent"]  # the log's @octocat stays inert
    assert not re.search(r"(?<![\w`])#1\b", comment)
    assert world.pulls() == []


def test_low_confidence_declines_before_any_edit(world: World) -> None:
    number, _ = world.file_issue(MISSING_YAML)
    outputs = world.heal(number, min_confidence="0.99")
    world.report("low confidence: declined")
    assert outputs["result"] == "declined" and "below min-confidence" in world.comments(number)[0]
    assert not any("/pulls" in c for c in world.calls)


def test_the_circuit_breaker_stops_after_closed_attempts(world: World) -> None:
    number, diagnosis = world.file_issue(MISSING_YAML)
    body = metadata.replace("An earlier try.", {"fingerprint": diagnosis.fingerprint, "category": diagnosis.category})
    for _ in range(3):
        world.double.seed_pull(head=YAML_BRANCH.format(n=number), state="closed", body=body)
    outputs = world.heal(number)
    world.report("circuit breaker: declined")
    assert outputs["result"] == "declined"
    assert "autoheal-gave-up" in world.double.issue(number).labels
    assert "stopped trying" in world.comments(number)[-1]
    assert world.branch_sha(YAML_BRANCH.format(n=number)) is None


def test_the_hourly_cap_pauses_new_prs(world: World) -> None:
    number, _ = world.file_issue(MISSING_YAML)
    for i in range(5):
        world.double.seed_pull(head=f"autoheal/issue-{100 + i}-timeout")
    outputs = world.heal(number)
    world.report("max-prs-per-hour: declined")
    assert outputs["result"] == "declined" and "pausing" in world.comments(number)[-1]
    assert len(world.pulls()) == 5


def test_forbidden_pr_creation_falls_back_to_a_comment(world: World) -> None:
    world.double.seed_repo(REPO, allow_pr_creation=False)
    number, _ = world.file_issue(MISSING_YAML)
    outputs = world.heal(number)
    world.report("PR creation forbidden: declined")
    branch = YAML_BRANCH.format(n=number)
    assert outputs["result"] == "declined" and outputs["branch"] == branch
    assert world.branch_sha(branch) is not None and world.pulls() == []
    comment = world.comments(number)[-1]
    assert f"{world.double.url}/{REPO}/compare/main...{branch}?expand=1" in comment
    assert "Allow GitHub Actions to create and approve pull requests" in comment


def test_a_failing_verify_command_stops_the_pr(world: World) -> None:
    number, _ = world.file_issue(MISSING_YAML)
    outputs = world.heal(number, verify_command="echo checking; grep -q tomli requirements.txt")
    world.report("verify failed: declined")
    assert outputs["result"] == "declined" and world.pulls() == []
    comment = world.comments(number)[-1]
    assert "exit code 1" in comment and "```text\nchecking\n```" in comment
    assert world.branch_sha(YAML_BRANCH.format(n=number)) is None


def assert_patch_applies(world: World, tmp_path: Path, comment: str, path: str, line: str) -> None:
    (patch,) = FENCED_DIFF.findall(comment)
    clone = tmp_path / "apply"
    git(tmp_path, "clone", "--quiet", str(world.origin), str(clone))
    (clone / "autoheal.patch").write_text(patch)
    git(clone, "apply", "autoheal.patch")
    assert line in (clone / path).read_text().splitlines()


def test_protected_paths_are_never_edited_the_patch_goes_on_the_issue(world: World, tmp_path: Path) -> None:
    number, _ = world.file_issue(MISSING_YAML)
    outputs = world.heal(number, protected_paths="docs/\nrequirements*.txt")
    world.report("protected-paths: declined with the patch")
    assert outputs["result"] == "declined" and "protected paths (requirements.txt)" in world.summary
    assert world.branch_sha(YAML_BRANCH.format(n=number)) is None and world.pulls() == []
    assert not any(
        c.startswith(("POST /repos/{owner}/{repo}/pulls", "POST /repos/{owner}/{repo}/git")) for c in world.calls
    )
    (comment,) = world.comments(number)
    assert "`protected-paths`" in comment and "`requirements.txt`" in comment
    assert_patch_applies(world, tmp_path, comment, "requirements.txt", "PyYAML")
    assert "needs-manual-fix" in world.double.issue(number).labels


HIGH_RISK_RULE = """\
rules:
  - id: team.import-guess
    category: dependency.missing
    doc: A guess of ours, so heal should not open PRs from it on its own.
    patterns: ["No module named '(?P<module>[A-Za-z_.]+)'"]
    confidence: 0.7
    priority: 99
"""


def test_a_high_risk_fix_is_a_comment_unless_allow_high_risk(world: World, tmp_path: Path) -> None:
    (world.workspace / ".github" / "autoheal.yml").write_text(HIGH_RISK_RULE)
    number, _ = world.file_issue(MISSING_YAML)
    outputs = world.heal(number)
    world.report("high risk: declined with the patch")
    assert outputs["result"] == "declined" and world.pulls() == []
    assert "risk high (triage confidence 70% is low" in world.stdout
    (comment,) = world.comments(number)
    assert "`high`" in comment and "`allow-high-risk: true`" in comment
    assert_patch_applies(world, tmp_path, comment, "requirements.txt", "PyYAML")

    outputs = world.heal(number, allow_high_risk="true")
    world.report("high risk with allow-high-risk: opened")
    assert outputs["result"] == "opened"
    (pr,) = world.pulls()
    assert "autoheal-risk:high" in pr.labels and "**Risk:** `high`" in pr.body


def test_dry_run_says_it_would_comment_a_held_fix(world: World) -> None:
    number, _ = world.file_issue(MISSING_YAML)
    outputs = world.heal(number, dry_run="true", protected_paths="requirements.txt")
    assert outputs["result"] == "declined" and world.writes() == []
    assert "risk medium" in world.stdout
    assert "[dry-run] commenting the patch instead of a PR: it edits protected paths" in world.stdout


def test_dry_run_prints_the_diff_and_writes_nothing(world: World) -> None:
    number, _ = world.file_issue(MISSING_YAML)
    outputs = world.heal(number, dry_run="true")
    world.report("dry-run: nothing written")
    assert outputs["result"] == "opened" and outputs["pr-number"] == ""
    assert world.writes() == [] and world.branch_sha(YAML_BRANCH.format(n=number)) is None
    assert "+PyYAML" in world.stdout and "[dry-run] would create draft PR" in world.stdout


def report_inline(
    world: World, lines: list[str] | None, conclusion: str = "failure", **inputs: str
) -> tuple[dict[str, str], str]:
    """Report mode on a failed run's ``workflow_run`` event, with ``report.heal: true`` in the config.
    ``lines`` None: the run has no job (a startup failure)."""
    (world.workspace / ".github" / "autoheal.yml").write_text("report:\n  heal: true\n")
    job = {
        "name": "test",
        "conclusion": "failure",
        "steps": [{"name": "Run pytest -q", "conclusion": "failure", "log": timestamped(lines or [])}],
    }
    run = world.double.seed_run(
        name="CI",
        path=".github/workflows/ci.yml",
        head_branch="main",
        conclusion=conclusion,
        jobs=[job] if lines is not None else [],
    )
    payload = json.loads((SHARED / "github" / "payloads" / "workflow_run.completed.json").read_text())
    payload["workflow_run"].update(
        id=run.id,
        name="CI",
        path=run.path,
        head_branch="main",
        head_sha=run.head_sha,
        run_attempt=1,
        conclusion=conclusion,
    )
    payload["workflow_run"]["head_repository"]["full_name"] = REPO
    payload["repository"].update(full_name=REPO, default_branch="main")
    return run_report_entrypoint(world, "workflow_run", payload, inputs)


def run_report_entrypoint(
    world: World, event_name: str, payload: dict[str, Any], inputs: dict[str, str]
) -> tuple[dict[str, str], str]:
    """Report mode's real entrypoint with the runner's environment; its outputs and stdout."""
    event, out = world.tmp / f"{event_name}-event.json", world.tmp / f"{event_name}-out"
    event.write_text(json.dumps(payload))
    env = runner_env(
        world.tmp,
        world.double,
        event=event,
        event_name=event_name,
        out=out,
        workspace=world.workspace,
        **{"mode": "report", **inputs},
    )
    proc = run_entrypoint(env, world.workspace)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return parse_outputs(out.read_text()), proc.stdout


def test_report_with_heal_true_fixes_inline(world: World) -> None:
    """The chain that works with GITHUB_TOKEN: report files the issue and heals it in the same job."""
    outputs, stdout = report_inline(world, MISSING_YAML)
    assert outputs["result"] == "created" and outputs["heal-result"] == "opened", stdout
    number = int(outputs["issue-number"])
    assert changed_lines(world.diff(YAML_BRANCH.format(n=number))) == ["+PyYAML"]
    (pr,) = world.pulls()
    assert f"Fixes #{number}" in pr.body


def test_report_with_heal_true_asks_no_default_branch_the_event_names(world: World) -> None:
    """The workflow_run event names the default branch: the inline heal used to GET the repository
    for it once per healed issue; now a run asks GitHub for it at most once, here never."""
    outputs, stdout = report_inline(world, MISSING_YAML)
    assert outputs["heal-result"] == "opened", stdout
    assert world.double.calls("GET", r"^/repos/[^/]+/[^/]+$") == []


def test_report_with_heal_true_pushes_a_workflow_fix_with_the_workflow_token(world: World) -> None:
    world.double.add_token(PAT, "alice", "pat", workflows=True)
    outputs, stdout = report_inline(world, TIMEOUT, workflow_token=PAT)
    assert outputs["heal-result"] == "opened", stdout
    number = int(outputs["issue-number"])
    assert "+    timeout-minutes: 30  # keep this comment" in changed_lines(
        world.diff(f"autoheal/issue-{number}-timeout")
    )
    assert PAT not in stdout


BROKEN_CI = CI_YML.replace(
    "      - run: pytest -q\n", "      - name: Test\n        run: echo Testing: now && pytest -q\n"
)


def test_a_startup_failure_is_reported_from_the_workflow_file_and_healed(world: World) -> None:
    """A refused workflow file gives a run with no job and no log: report rebuilds GitHub's message
    from the file at the run's commit, and the inline heal quotes the value the parser stopped at."""
    world.commit_main(".github/workflows/ci.yml", BROKEN_CI)
    world.double.seed_file(".github/workflows/ci.yml", BROKEN_CI, repo=REPO)
    git(world.workspace, "pull", "--quiet")
    world.double.add_token(PAT, "alice", "pat", workflows=True)
    outputs, stdout = report_inline(world, None, "startup_failure", workflow_token=PAT)
    assert outputs["result"] == "created" and outputs["category"] == "config.error", stdout
    number = int(outputs["issue-number"])
    body = world.double.issue(number).body
    assert "Invalid workflow file: .github/workflows/ci.yml#L11" in body, body
    assert outputs["heal-result"] == "opened", stdout
    assert changed_lines(world.diff(outputs["branch"])) == [
        "-        run: echo Testing: now && pytest -q",
        "+        run: 'echo Testing: now && pytest -q'",
    ]


def test_report_with_heal_true_hands_over_to_copilot_with_the_agent_token(world: World) -> None:
    world.double.add_token(PAT, "alice", "pat")
    outputs, stdout = report_inline(world, TEST_FAILURE, agent_token=PAT)
    assert outputs["heal-result"] == "declined", stdout
    assert world.double.issue(int(outputs["issue-number"])).assignees == ["Copilot"]
    assert PAT not in stdout


def test_report_with_heal_true_never_heals_a_fork_run_given_by_run_id(world: World) -> None:
    """workflow_dispatch with a run id: the event holds no run, the fetched run says it came from a fork."""
    (world.workspace / ".github" / "autoheal.yml").write_text("report:\n  heal: true\n")
    run = world.double.seed_run(
        name="CI",
        path=".github/workflows/ci.yml",
        head_branch="main",
        head_repository="mallory/app",
        jobs=[
            {
                "name": "test",
                "conclusion": "failure",
                "steps": [{"name": "Run pytest -q", "conclusion": "failure", "log": timestamped(MISSING_YAML)}],
            }
        ],
    )
    payload = {"inputs": {"run-id": str(run.id)}, "repository": {"full_name": REPO}}
    outputs, stdout = run_report_entrypoint(world, "workflow_dispatch", payload, {"run-id": str(run.id)})
    assert outputs["result"] == "created" and "heal-result" not in outputs, stdout
    assert "heal skipped: the run came from a fork" in stdout
    assert world.pulls() == []
