from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from autoheal import models
from autoheal.fixers import FIXERS, FixContext, propose, unified_diff
from autoheal.proposals import Change, FixDeclined, FixProposal
from tests.fixers.util import diagnosis


def test_registry_ids_match_modules_and_are_documented() -> None:
    for fixer_id, module in FIXERS.items():
        assert fixer_id == module.ID
        assert len(module.DOC) > 200, fixer_id
        assert module.CATEGORIES and set(models.CATEGORIES) >= module.CATEGORIES, fixer_id
        assert callable(module.fix)


def _fake(fixer_id: str, categories: set[str], result: str | None, applies: bool = True) -> SimpleNamespace:
    def fix(ctx: FixContext) -> FixProposal | FixDeclined:
        if result is None:
            return FixDeclined(fixer_id, f"{fixer_id} does not apply", applies)
        return FixProposal(fixer_id, (Change("f", "a", result, "s"),), "t", "e")

    return SimpleNamespace(ID=fixer_id, CATEGORIES=frozenset(categories), DOC="", fix=fix)


@pytest.mark.parametrize("fixer_id", list(FIXERS))
def test_a_log_that_is_not_the_fixers_kind_is_declined_as_not_applying(fixer_id: str, tmp_path: Path) -> None:
    fixer = FIXERS[fixer_id]
    for category in sorted(fixer.CATEGORIES):
        result = fixer.fix(FixContext(diagnosis("all tests passed\nnothing to see here", category), tmp_path))
        assert isinstance(result, FixDeclined) and result.applies is False, (category, result)


def test_propose_returns_the_first_proposal_in_registry_order(tmp_path: Path) -> None:
    fixers = {
        "a": _fake("a", {"timeout"}, None),
        "b": _fake("b", {"network"}, "never"),
        "c": _fake("c", {"timeout"}, "c wins"),
        "d": _fake("d", {"timeout"}, "too late"),
    }
    result = propose(FixContext(diagnosis("x", "timeout"), tmp_path), fixers)  # type: ignore[arg-type]
    assert isinstance(result, FixProposal) and result.fixer == "c"


def test_propose_aggregates_reasons(tmp_path: Path) -> None:
    fixers = {"a": _fake("a", {"timeout"}, None), "b": _fake("b", {"timeout"}, None)}
    result = propose(FixContext(diagnosis("x", "timeout"), tmp_path), fixers)  # type: ignore[arg-type]
    assert result == FixDeclined("autoheal", "a: a does not apply; b: b does not apply")


def test_a_refusal_is_shown_alone_over_fixers_the_failure_is_not_for(tmp_path: Path) -> None:
    fixers = {
        "a": _fake("a", {"timeout"}, None, applies=False),
        "b": _fake("b", {"timeout"}, None),
        "c": _fake("c", {"timeout"}, None, applies=False),
    }
    result = propose(FixContext(diagnosis("x", "timeout"), tmp_path), fixers)  # type: ignore[arg-type]
    assert result == FixDeclined("autoheal", "b: b does not apply", applies=True)


def test_when_no_fixer_recognises_the_failure_every_reason_is_given(tmp_path: Path) -> None:
    fixers = {"a": _fake("a", {"timeout"}, None, applies=False), "b": _fake("b", {"timeout"}, None, applies=False)}
    result = propose(FixContext(diagnosis("x", "timeout"), tmp_path), fixers)  # type: ignore[arg-type]
    assert result == FixDeclined("autoheal", "a: a does not apply; b: b does not apply", applies=False)


def test_propose_without_a_fixer_for_the_category(tmp_path: Path) -> None:
    result = propose(FixContext(diagnosis("x", "crash"), tmp_path), {})
    assert isinstance(result, FixDeclined) and "no fixer handles category 'crash'" in result.reason


def test_unified_diff_headers_and_hunks() -> None:
    diff = unified_diff([Change("req.txt", "a\nb\n", "a\nb\nc\n", "add c")])
    assert diff.splitlines()[:3] == ["--- a/req.txt", "+++ b/req.txt", "@@ -1,2 +1,3 @@"]
    assert diff.endswith("+c\n")


def test_unified_diff_marks_missing_final_newline_and_new_files() -> None:
    diff = unified_diff([Change("a.txt", "x", "x\ny", "s"), Change("new.txt", None, "hi\n", "s")])
    assert "-x\n\\ No newline at end of file\n+x\n+y\n\\ No newline at end of file\n" in diff
    assert "--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1 @@\n+hi\n" in diff


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_unified_diff_applies_with_git_for_odd_line_breaks(tmp_path: Path) -> None:
    old = "a\r\nform\x0cfeed\nlast"
    new = "a\r\nform\x0cfeed\nlast\nadded\n"
    (tmp_path / "f.txt").write_bytes(old.encode())
    (tmp_path / "p.diff").write_bytes(unified_diff([Change("f.txt", old, new, "s")]).encode())
    subprocess.run(["git", "apply", "p.diff"], cwd=tmp_path, check=True, capture_output=True)
    assert (tmp_path / "f.txt").read_bytes() == new.encode()


def test_importing_the_registry_reads_no_files() -> None:
    code = (
        "import builtins, io, sys; opened = []; real = io.open\n"
        "def spy(f, *a, **k):\n    opened.append(str(f)); return real(f, *a, **k)\n"
        "builtins.open = io.open = spy\n"
        "import autoheal.fixers\n"
        "print([f for f in opened if 'data' in f])"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"
