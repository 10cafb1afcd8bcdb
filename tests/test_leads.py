"""Where the root cause's own block starts (leads.py). Synthetic logs written for these tests."""

from __future__ import annotations

from autoheal import leads


def _never(_text: str) -> bool:
    return False


def _numbered(lines: list[str]) -> list[tuple[int, str]]:
    return list(enumerate(lines, start=1))


def test_a_step_announced_and_never_closed_heads_the_failure_below_it() -> None:
    # R CMD check: the check that failed, its indented progress, its `` ERROR``, then the report.
    lines = ["* checking examples ... OK", "* checking tests ...", "  Running 'testthat.R'", " ERROR"]
    lines += ["Running the tests in 'tests/testthat.R' failed.", "Last 13 lines of output:"]
    assert leads.opener(_numbered(lines), 4, _never) == 1


def test_a_step_closed_with_its_result_stays_out() -> None:
    # A check that passed (``... OK``) above the failure's opener is no heading of it.
    lines = ["* checking examples ... OK", " ERROR", "Running the tests in 'tests/testthat.R' failed."]
    assert leads.opener(_numbered(lines), 2, _never) == 1
