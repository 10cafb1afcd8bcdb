"""A test runner's lines for a unit that passed or had nothing to run are chatter; a failing unit's are not."""

from __future__ import annotations

import pytest

from autoheal import blocks, excerpt
from autoheal.passlines import passing_line

PASSING = [
    # go test over many packages
    "?   \tgithub.com/acme/app/cmd/app\t[no test files]",
    "ok  \tgithub.com/acme/app/internal/auth\t(cached)",
    "ok  \tgithub.com/acme/app/internal/db\t0.412s\tcoverage: 71.3% of statements",
    "\tgithub.com/acme/app/internal/mocks\t\tcoverage: 0.0% of statements",
    "--- SKIP: TestNeedsDocker (0.00s)",
    # libtest and cargo-nextest
    "test result: ok. 6 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s",
    "        PASS [   0.004s] core span::tests::merge",
    # Jest (with projects, and under Turborepo's prefix)
    "PASS src/api/client.test.ts",
    "PASS client src/components/Map.test.tsx (6.211 s)",
    "@acme/ui:test: PASS src/Button.test.tsx",
    # pytest: a tally with nothing failed, a skipped case, pytest-xdist's verdict
    "24 passed in 0.31s",
    "======================= 12 passed, 2 skipped in 3.40s ========================",
    "tests/test_io.py::test_s3 SKIPPED (needs credentials)                      [ 40%]",
    "[gw1] [ 12%] PASSED tests/test_api.py::test_get",
    # VSTest: an assembly that passed, its banners
    "Passed!  - Failed:     0, Passed:    64, Skipped:     0, Total:    64, Duration: 412 ms - Core.Tests.dll (net8.0)",
    "Starting test execution, please wait...",
    "A total of 1 test files matched the specified pattern.",
    # unittest, PHPUnit
    "OK (skipped=2)",
    "OK (skipped=1, expected failures=1)",
    "OK (12 tests, 30 assertions)",
    # tox, RSpec / ExUnit / minitest, a Maven module
    "  py311: OK (4.12=setup[3.60]+cmd[0.52] seconds)",
    "14 tests, 0 failures",
    "9 examples, 0 failures, 2 pending",
    "14 runs, 30 assertions, 0 failures, 0 errors, 0 skips",
    "[INFO] warehouse-model .................................... SUCCESS [  2.871 s]",
]

FAILING = [
    "FAIL\tgithub.com/acme/app/internal/route\t0.031s",
    "FAIL\tgithub.com/acme/app/api [build failed]",
    "coverage: 64.0% of statements",  # the failing package's own, printed inside its block
    "test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s",
    "        FAIL [   0.007s] core token::tests::numbers",
    "FAIL server src/routes/tiles.test.ts",
    "FAILED (failures=1, skipped=2)",
    "Tests: 12, Assertions: 30, Failures: 1.",
    "1 failed, 23 passed in 0.35s",
    "Failed!  - Failed:     1, Passed:    27, Skipped:     0, Total:    28, Duration: 1 s - Api.Tests.dll (net8.0)",
    "  py312: FAIL code 1 (4.31=setup[3.79]+cmd[0.52] seconds)",
    "9 tests, 1 failure",
    "14 runs, 30 assertions, 1 failures, 0 errors, 0 skips",
    "14 runs, 30 assertions, 0 failures, 1 errors, 0 skips",
    "14 tests, 0 failures, 1 invalid",
    "0 examples, 0 failures, 1 error occurred outside of examples",
    "[INFO] warehouse-service .................................. FAILURE [  3.402 s]",
    "> Task :api:test FAILED",
]


@pytest.mark.parametrize("line", PASSING)
def test_a_unit_that_passed_or_had_nothing_to_run_is_chatter(line: str) -> None:
    assert passing_line(line)
    assert blocks.chatter(line)
    assert blocks.error_score(line) == 0


@pytest.mark.parametrize("line", FAILING)
def test_a_failing_units_line_is_not(line: str) -> None:
    assert not passing_line(line)
    assert not blocks.chatter(line)


def test_passing_packages_around_a_failing_one_leave_its_excerpt() -> None:
    # go test ./...: the failing package's block between lines of packages that passed or have no tests.
    texts = [
        "?   \tgithub.com/acme/app/cmd\t[no test files]",
        "ok  \tgithub.com/acme/app/auth\t(cached)",
        "--- FAIL: TestRoute (0.00s)",
        '    route_test.go:58: Match("/v1/") = false, want true',
        "FAIL",
        "FAIL\tgithub.com/acme/app/route\t0.031s",
        "?   \tgithub.com/acme/app/testutil\t[no test files]",
        "ok  \tgithub.com/acme/app/client\t(cached)",
    ]
    lines = list(enumerate(texts, start=1))
    shown = [n for n, _ in excerpt.block(lines, 4, lambda _: False, least=(3, 3))]
    assert shown == [3, 4, 5, 6]
