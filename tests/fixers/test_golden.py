"""Golden cases: every directory under golden/<fixer>/<case>/ is one test.

A case holds ``log.txt`` (the failing log's excerpt), ``diagnosis.json`` (the
category, captures, job and step triage reported, plus ``context`` for the
FixContext and ``fixer``, the id expected to answer) and ``input/`` (the
checkout). With ``expected/`` the fixers must propose changes that turn a copy
of ``input/`` into ``expected/`` byte for byte; without it they must decline
with a reason containing ``reason.txt``. Fixers must not touch the workspace.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from autoheal.fixers import FixContext, propose, unified_diff
from autoheal.models import Diagnosis, ExcerptLine
from autoheal.proposals import FixDeclined, FixProposal
from tests.fixers.util import fired_line

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p for p in GOLDEN.glob("*/*") if p.is_dir())


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def load_case(case: Path, workspace: Path) -> tuple[FixContext, dict[str, object]]:
    spec = json.loads((case / "diagnosis.json").read_text(encoding="utf-8"))
    log = (case / "log.txt").read_text(encoding="utf-8")
    diagnosis = Diagnosis(
        path="log.txt",
        category=spec["category"],
        confidence=0.9,
        rule=spec.get("rule", "golden"),
        fingerprint="0" * 16,
        title=spec.get("title", ""),
        summary=spec.get("summary", fired_line(log, spec.get("captures", {}))),
        excerpt=tuple(ExcerptLine(n, text) for n, text in enumerate(log.splitlines(), 1)),
        captures=spec.get("captures", {}),
        job=spec.get("job"),
        step=spec.get("step"),
    )
    context = spec.get("context", {})
    ctx = FixContext(
        diagnosis,
        workspace,
        workflow_path=context.get("workflow_path"),
        job=context.get("job"),
        options=context.get("options", {}),
    )
    return ctx, spec


def apply(workspace: Path, proposal: FixProposal) -> None:
    for change in proposal.changes:
        path = workspace / change.path
        current = path.read_bytes().decode("utf-8") if path.exists() else None
        assert current == change.old, f"{change.path}: Change.old is not the file's text"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(change.new.encode("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden(case: Path, tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    shutil.copytree(case / "input", workspace, symlinks=True)
    before = snapshot(workspace)
    ctx, spec = load_case(case, workspace)

    result = propose(ctx)

    assert snapshot(workspace) == before, "a fixer wrote to the workspace"
    assert snapshot(case / "input") == before
    if (case / "expected").is_dir():
        assert isinstance(result, FixProposal), f"declined: {getattr(result, 'reason', '')}"
        assert result.fixer == spec["fixer"]
        assert all(c.old != c.new for c in result.changes)
        apply(workspace, result)
        assert snapshot(workspace) == snapshot(case / "expected")
    else:
        assert isinstance(result, FixDeclined), f"proposed: {result}"
        expected = (case / "reason.txt").read_text(encoding="utf-8").strip()
        assert expected in result.reason


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize(
    "case", [c for c in CASES if (c / "expected").is_dir()], ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_golden_diff_applies_with_git(case: Path, tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    shutil.copytree(case / "input", workspace, symlinks=True)
    ctx, _ = load_case(case, workspace)
    result = propose(ctx)
    assert isinstance(result, FixProposal)
    patch = tmp_path / "fix.patch"
    patch.write_bytes(unified_diff(result.changes).encode("utf-8"))

    subprocess.run(["git", "apply", str(patch)], cwd=workspace, check=True, capture_output=True)

    assert snapshot(workspace) == snapshot(case / "expected")


def test_every_fixer_has_golden_cases() -> None:
    from autoheal.fixers import FIXERS

    for fixer_id in FIXERS:
        cases = [c for c in CASES if c.parent.name == fixer_id.replace("-", "_")]
        assert len(cases) >= 3, fixer_id
        assert any(not (c / "expected").exists() for c in cases), f"{fixer_id} has no decline case"


@pytest.mark.skipif(shutil.which("check-jsonschema") is None, reason="needs check-jsonschema (the test extra)")
def test_expected_workflows_are_valid_github_workflows() -> None:
    workflows = sorted(GOLDEN.glob("*/*/expected/.github/workflows/*.y*ml"))
    actions = sorted(GOLDEN.glob("*/*/expected/.github/actions/**/action.y*ml"))
    for schema, files in (("vendor.github-workflows", workflows), ("vendor.github-actions", actions)):
        proc = subprocess.run(
            ["check-jsonschema", "--builtin-schema", schema, *map(str, files)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize(
    "case", [c for c in CASES if (c / "expected").is_dir()], ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_yaml_comments_survive(case: Path) -> None:
    for before in (case / "input").rglob("*.y*ml"):
        after = (case / "expected" / before.relative_to(case / "input")).read_text(encoding="utf-8")
        comments = re.findall(r"#.*", before.read_text(encoding="utf-8"))
        assert comments, f"{before.name}: golden YAML should carry a comment"
        assert [c for c in comments if c not in after] == []
