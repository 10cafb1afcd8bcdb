"""Occurrence keys and counting: run attempts count once, command-line reports by their weight."""

from __future__ import annotations

from autoheal import metadata, occurrences
from autoheal.ghtypes import Comment
from autoheal.render import RunContext

CLI = {"command": "make test"}


def test_a_run_attempt_is_its_key() -> None:
    assert occurrences.run_key(RunContext(run_id=42, run_attempt=2)) == "42.2"


def test_a_command_line_report_has_its_own_key_with_its_bundled_weight() -> None:
    one = occurrences.run_key(RunContext(cli=CLI, occurrence_id="0123456789abcdef"))
    bundled = occurrences.run_key(RunContext(cli=CLI, occurrence_id="0123456789abcdef", occurrences=5))
    assert one == "cli-0123456789abcdef" and bundled == "cli-0123456789abcdef*5"
    assert occurrences.weight(one) == 1 and occurrences.weight(bundled) == 5
    assert metadata.RUN_KEY.fullmatch(bundled)
    # Two command-line reports never share a key (None == None was once "already counted").
    assert occurrences.run_key(RunContext(cli=CLI)) != occurrences.run_key(RunContext(cli=CLI))


def test_recount_adds_each_marker_by_its_weight_and_each_run_once() -> None:
    meta = {"first_run": "7.1", "base": 1, "occurrences": 1}
    bodies = ["run 8", "run 8 again", "bundled", "a person"]
    keys = ["8.1", "8.1", "cli-0123456789abcdef*5", None]
    comments = [
        Comment(i, occurrences.with_marker(b, k) if k else b, "bot[bot]") for i, (b, k) in enumerate(zip(bodies, keys))
    ]
    fresh = occurrences.recount(meta, comments, "bot[bot]")
    assert fresh["occurrences"] == 1 + 1 + 5
    assert fresh["runs"] == ["7.1", "8.1", "cli-0123456789abcdef*5"] and fresh["synced"] == 4


def test_the_fast_path_bumps_by_the_weight() -> None:
    meta = {"occurrences": 3, "base": 3, "runs": ["1.1"]}
    assert occurrences.bumped(meta, "cli-0123456789abcdef*4", 2)["occurrences"] == 7
