"""A run's tally: counts of failures in a runner's words, not a numbered try or step that failed."""

from __future__ import annotations

import pytest

from autoheal import tallies


@pytest.mark.parametrize(
    "text",
    [
        "75% tests passed, 1 tests failed out of 4",
        "Executed 3 tests, with 1 failure",
        "2 failed, 10 passed in 1.23s",
        "[ERROR] Found 1 error that can be fixed",
        "3 examples, 1 failure",
    ],
)
def test_counts_of_failures_are_tallies(text: str) -> None:
    assert tallies.tally(text)


@pytest.mark.parametrize(
    "text",
    [
        "Upload attempt 3 failed",
        "retry #2 failed, retrying in 5s",
        "Stage 2 failed",
        "Try 1 failed: connection reset",
        "All 12 tests passed",
    ],
)
def test_a_numbered_try_or_step_is_not_a_tally(text: str) -> None:
    assert not tallies.tally(text)
