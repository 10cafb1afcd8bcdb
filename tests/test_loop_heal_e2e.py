"""Learn from outcomes, end to end: heal declines, and says why on the issue, when the rule's
recent fix PRs were mostly closed unmerged (issue 11). Uses test_heal_e2e's World."""

from __future__ import annotations

from autoheal import metadata
from tests.test_heal_e2e import MISSING_YAML, World


def seed_outcomes(w: World, rule: str | None, merged: int, closed: int) -> None:
    for n in range(merged + closed):
        body = metadata.replace(
            "- **Fixer:** `add_dependency`\n",
            {"fingerprint": f"{n + 1:016x}", "category": "dependency.missing", "rule": rule or "r"},
        )
        w.double.seed_pull(
            head=f"autoheal/issue-{900 + n}-dependency-missing-x",
            body=body,
            merged=n < merged,
            state="closed",
            created_at="2026-01-01T00:00:00Z",
        )


def test_a_rule_whose_fixes_get_closed_stops_fixing_and_says_why(world: World) -> None:
    number, diagnosis = world.file_issue(MISSING_YAML)
    seed_outcomes(world, diagnosis.rule, merged=1, closed=5)
    outputs = world.heal(number)
    world.report("learn from outcomes: declined")
    assert outputs["result"] == "declined" and "min-fix-success" in world.summary
    assert "only 1 of the last 6 fix PRs" in world.comments(number)[-1]
    assert [p for p in world.pulls() if p.state == "open"] == []


def test_a_rule_whose_fixes_get_merged_keeps_fixing(world: World) -> None:
    number, diagnosis = world.file_issue(MISSING_YAML)
    seed_outcomes(world, diagnosis.rule, merged=5, closed=1)
    assert world.heal(number)["result"] == "opened"
