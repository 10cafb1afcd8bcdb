"""An issue's metadata block and counter (``autoheal.issuebody``): pure functions, no GitHub."""

from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from autoheal import metadata
from autoheal.ghtypes import parse_time
from autoheal.issuebody import new_meta, seen, updated_body
from autoheal.render import RunContext
from tests.helpers import diagnosis

DIAGNOSIS = diagnosis()
CI = RunContext(repo="octo-org/octo-repo", run_id=42, run_attempt=2, workflow="CI", branch="main")


def test_a_new_issue_starts_counting_at_its_run_attempt() -> None:
    meta = new_meta(diagnosis(), CI)
    assert (meta["first_run"], meta["runs"], meta["occurrences"], meta["synced"]) == ("42.2", ["42.2"], 1, 0)
    assert meta["fingerprint"] == diagnosis().fingerprint and meta["first_seen"] == meta["last_seen"]


def test_a_ci_occurrence_ends_a_recovery_streak() -> None:
    latest = seen(diagnosis(), CI, "2024-01-01T00:00:00Z")
    assert (latest["run_id"], latest["branch"], latest["green_streak"], latest["passing_since"]) == (
        42,
        "main",
        None,
        None,
    )


def test_a_command_line_repeat_keeps_the_run_the_issue_came_from() -> None:
    cli = RunContext(repo="octo-org/octo-repo", cli={"command": "pytest -q", "exit_code": 1})
    latest = seen(diagnosis(), cli, "2024-01-01T00:00:00Z", repeat=True)
    assert latest["source"] == "cli" and "run_id" not in latest and "job" not in latest


def test_the_counter_and_the_block_move_and_human_edits_stay() -> None:
    meta = new_meta(diagnosis(), CI)
    body = metadata.replace("Edited by a human.\n\n**Occurrences:** 1\n\nLater: **Occurrences:** 1\n", meta)
    out = updated_body(body, {**meta, "occurrences": 4})
    assert out.startswith("Edited by a human.\n\n**Occurrences:** 4\n\nLater: **Occurrences:** 1\n")
    assert metadata.extract(out)["occurrences"] == 4  # type: ignore[index]


def test_github_times_are_read_and_junk_is_none() -> None:
    assert parse_time("2024-05-10T10:00:00Z") == datetime(2024, 5, 10, 10, tzinfo=timezone.utc)
    assert parse_time("yesterday") is None and parse_time(None) is None and parse_time("") is None


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=10**9))
def test_the_counter_shows_the_metadata_count(count: int) -> None:
    meta = {**new_meta(DIAGNOSIS, CI), "occurrences": count}
    assert f"**Occurrences:** {count}" in updated_body("**Occurrences:** 1", meta)
