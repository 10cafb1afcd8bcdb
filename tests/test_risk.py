"""Risk levels of proposals (issue 12)."""

from __future__ import annotations

from autoheal.proposals import Change, FixProposal
from autoheal.risk import assess
from tests.fixers.util import diagnosis


def _proposal(*changes: Change) -> FixProposal:
    return FixProposal("x", changes, "t", "e")


def test_one_line_outside_manifests_and_workflows_is_low() -> None:
    risk = assess(_proposal(Change(".nvmrc", "16\n", "18\n", "s")), diagnosis("x", "runtime.version"))
    assert risk.level == "low" and risk.label == "autoheal-risk:low"


def test_every_workflow_edit_is_at_least_medium() -> None:
    change = Change(".github/workflows/ci.yml", "a: 1\n", "a: 2\n", "s")
    risk = assess(_proposal(change), diagnosis("x", "timeout"))
    assert risk.level == "medium" and "workflow file" in risk.describe()


def test_manifests_are_medium_and_many_files_or_low_confidence_are_high() -> None:
    from dataclasses import replace

    manifest = Change("requirements.txt", "a\n", "a\nb\n", "s")
    assert assess(_proposal(manifest), diagnosis("x", "dependency.missing")).level == "medium"
    many = [Change(f"f{i}.txt", "a\n", "b\n", "s") for i in range(3)]
    assert assess(_proposal(*many), diagnosis("x", "x")).level == "high"
    unsure = replace(diagnosis("x", "x"), confidence=0.65)
    assert assess(_proposal(Change(".nvmrc", "16\n", "18\n", "s")), unsure).level == "high"
