"""A test framework's own time limit as the failing tests' error (autoheal/timelimits.py): with no rule
that knows the framework's timeout words, the verdict reads as a timeout when most failures are one."""

from __future__ import annotations

import pytest

from autoheal import timelimits
from autoheal.models import Diagnosis
from autoheal.rules import compile_ruleset, default_ruleset
from tests.helpers import triage_text

# The catalogue without its test-timeout rules and the generic one (which reads ``Timeout of 2000ms exceeded``
# too): what the engine does for a framework no rule knows.
_FULL = default_ruleset()
RS = compile_ruleset(
    r for r in _FULL.rules if not (r.category == "timeout" and ("test" in r.id or r.id == "timeout.generic"))
)


def _triage(*lines: str) -> Diagnosis:
    return triage_text(lines, RS)


@pytest.mark.parametrize(
    "line",
    [
        '     Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called',
        '    thrown: "Exceeded timeout of 5000 ms for a test.',
        " FAIL  src/a.test.ts > loads > Error: Test timed out in 5000ms.",
        "E       Failed: Timeout >1.0s",
        "panic: test timed out after 10m0s",
        "org.junit.runners.model.TestTimedOutException: test timed out after 100 milliseconds",
        "     ** (ExUnit.TimeoutError) test timed out after 60000ms. You can change the timeout:",
        "  1/3 Test #2: io_test ..........................***Timeout  10.01 sec",
        "        TIMEOUT [  60.002s] core::tests::slow_path",
    ],
)
def test_each_frameworks_own_words_for_a_test_past_its_limit(line: str) -> None:
    assert timelimits.own_limit(line)


def test_a_request_that_timed_out_is_no_frameworks_limit() -> None:
    assert not timelimits.own_limit("error: request timed out after 30s")
    assert not timelimits.own_limit("curl: (28) Connection timed out after 5001 milliseconds")


def test_the_one_failing_tests_own_timeout_makes_the_verdict_a_timeout() -> None:
    d = _triage(
        "  Queue",
        "    ✔ connects",
        "    1) drains on close",
        "",
        "  1 passing (2s)",
        "  1 failing",
        "",
        "  1) Queue",
        "       drains on close:",
        '     Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called.',
        "      at listOnTimeout (node:internal/timers:573:17)",
    )
    assert (d.category, d.rule) == ("timeout", "test.own-time-limit")


def test_one_slow_test_among_assertion_failures_stays_the_tests_failure() -> None:
    d = _triage(
        "  0 passing (6s)",
        "  3 failing",
        "",
        "  1) cart",
        "       totals:",
        "     AssertionError: expected 90 to equal 100",
        "",
        "  2) cart",
        "       rounds:",
        "     AssertionError: expected 1.5 to equal 2",
        "",
        "  3) cart",
        "       loads:",
        "     Error: Timeout of 2000ms exceeded.",
    )
    assert d.category == "test.failure"


def test_a_go_test_binary_past_its_deadline_is_a_timeout() -> None:
    d = _triage(
        "=== RUN   TestDrain",
        "panic: test timed out after 2m0s",
        "running tests:",
        "\tTestDrain (2m0s)",
        "",
        "goroutine 7 [chan receive]:",
        "FAIL\tgithub.com/acme/q\t120.012s",
        "FAIL",
    )
    assert d.category == "timeout"


def test_a_generic_blocks_own_time_limit_under_a_tally_is_a_timeout() -> None:
    # A runner no verdict rule reads (Playwright's list reporter): the block's cue is the framework's own
    # limit, printed twice under one failure header, for the one failing test of its tally.
    d = _triage(
        "$ npx playwright test",
        "  ✘  2 [chromium] › a.spec.ts:9:5 › exports (30.0s)",
        "",
        "  1) [chromium] › a.spec.ts:9:5 › exports ──────────",
        "",
        "    Test timeout of 30000ms exceeded.",
        "",
        "    Error: page.waitForResponse: Test timeout of 30000ms exceeded.",
        "",
        "  1 failed",
        "  23 passed (1.2m)",
    )
    assert (d.category, d.rule) == ("timeout", "generic.error-block")


def test_one_limit_among_three_failures_in_a_block_stays_a_test_failure() -> None:
    block = [
        "  1) a ──",
        "    Test timeout of 30000ms exceeded.",
        "    Error: Test timeout of 30000ms exceeded.",
        "  3 failed",
    ]
    assert not timelimits.block_timed_out(block, [])
    assert timelimits.block_timed_out([*block[:3], "  1 failed"], [])


def test_one_timeout_of_a_tallied_run_with_no_verdict_rule_is_one_failure_of_several() -> None:
    from autoheal.rules import compile_ruleset, default_ruleset
    from tests.helpers import triage_text

    without = compile_ruleset(r for r in default_ruleset().rules if r.id != "node.test-failures")
    lines = [
        "$ npx jest",
        "  ● coupon › rejects an expired code",
        "",
        '    Expected: "expired"',
        '    Received: "ok"',
        "",
    ]
    lines += ["  ● coupon › loads the remote catalogue", "", '    thrown: "Exceeded timeout of 5000 ms for a test.', ""]
    tally = ["Test Suites: 1 failed, 1 passed, 2 total", "Tests:       3 failed, 14 passed, 17 total"]
    done = ['The command "npx jest" exited with 1.']
    assert triage_text([*lines, *tally, *done], without).category == "test.failure"
    one = ["Test Suites: 1 failed, 1 passed, 2 total", "Tests:       1 failed, 14 passed, 15 total"]
    assert triage_text([*lines[6:], *one, *done], without).category == "timeout"
