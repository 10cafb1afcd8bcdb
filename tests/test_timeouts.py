"""A test runner's own timeout is a ``timeout`` (categories.md), though the runner counts it a failed test."""

from __future__ import annotations

from pathlib import Path

import pytest

from autoheal.rules import default_ruleset
from autoheal.triage import triage_path

SUMMARY = {
    "vitest": (" FAIL  src/a.test.ts > a > syncs", "Error: Test timed out in 20000ms.", " Test Files  1 failed (1)"),
    "jasmine": ("Failures:", "Error: Timeout - Async function did not complete within 5000ms", "1 spec, 1 failure"),
    "playwright": ("  1) [chromium] › a.spec.ts:3:5 › loads", "    Test timeout of 30000ms exceeded.", "  1 failed"),
    "bun": ("(fail) sync > pulls [5001.20ms]", "  ^ this test timed out after 5000ms.", " 1 fail"),
    "nextest": (
        "        START             acme store::tests::load",
        "        TIMEOUT [  60.004s] acme store::tests::load",
        "error: test run failed",
    ),
    "exunit": (
        "  1) test syncs (SyncTest)",
        "     ** (ExUnit.TimeoutError) test timed out after 60000ms.",
        "1 test, 1 failure",
    ),
}


# The runner's own rule, not a generic one (``timeout.generic`` reads bun's ``timed out after`` too).
RULE = {"nextest": "rust.nextest-timeout", "exunit": "elixir.test-timeout"}


def _triage(tmp_path: Path, lines: tuple[str, ...]) -> tuple[str, str]:
    log = tmp_path / "job.log"
    body = ["##[group]Run make test", "##[endgroup]", *lines, "##[error]Process completed with exit code 1."]
    log.write_text("".join(f"2024-05-02T14:03:{i:02d}.1200000Z {line}\n" for i, line in enumerate(body)))
    d = triage_path(str(log), default_ruleset())
    return d.category, d.rule


@pytest.mark.parametrize("runner", sorted(SUMMARY))
def test_a_test_that_ran_out_of_time_is_a_timeout(runner: str, tmp_path: Path) -> None:
    assert _triage(tmp_path, SUMMARY[runner]) == ("timeout", RULE.get(runner, "node.test-timeout"))


def test_the_same_runner_s_assertion_is_a_test_failure(tmp_path: Path) -> None:
    lines = (" FAIL  src/a.test.ts > a > syncs", "AssertionError: expected 1 to be 2", " Test Files  1 failed (1)")
    assert _triage(tmp_path, lines)[0] == "test.failure"


@pytest.mark.parametrize(
    "said",
    ["##[error]Timeout of 3600000ms hit", "Error: Timeout of 120 seconds exceeded", "timeout of 90s reached"],
)
def test_an_action_s_own_time_limit_is_a_timeout_not_what_it_cancelled(said: str, tmp_path: Path) -> None:
    # What the cancelled tool printed (BuildKit's "context canceled") follows from the limit, whatever its wording.
    lines = ("#28 pushing layers 2.6s done", "#28 CANCELED", "ERROR: failed to solve: Canceled: context canceled", said)
    assert _triage(tmp_path, lines) == ("timeout", "timeout.generic")


@pytest.mark.parametrize(
    "said", ["timeout of 30s reached, retrying (1/5)", "WARN: Timeout of 5000ms exceeded for check"]
)
def test_a_limit_the_tool_retries_after_or_warns_of_is_no_timeout(said: str, tmp_path: Path) -> None:
    lines = (said, "FAILED tests/test_api.py::test_create - assert 500 == 201", "1 failed, 41 passed in 3.1s")
    assert _triage(tmp_path, lines)[0] == "test.failure"
