"""Verdicts against the words inside test output (autoheal/verdicts.py): a crash a test observed."""

from __future__ import annotations

from autoheal import timelimits, verdicts
from autoheal.logsource import bytes_doc
from autoheal.models import Diagnosis
from autoheal.rules import default_ruleset
from autoheal.scan import Hit, scan_doc
from tests.helpers import triage_text

RS = default_ruleset()


def _triage(*lines: str) -> Diagnosis:
    return triage_text(lines, RS)


def test_a_programs_death_a_test_reports_and_the_runner_counts_is_the_tests_failure() -> None:
    # assert_cmd (Rust) reports the status of the program the test ran; libtest goes on and counts it.
    d = _triage(
        "running 3 tests",
        "test reads_stdin ... ok",
        "test handles_empty_file ... FAILED",
        "",
        "failures:",
        "",
        "---- handles_empty_file stdout ----",
        "thread 'handles_empty_file' panicked at tests/cli.rs:41:10:",
        "Unexpected failure.",
        'command=`"target/debug/tool" "empty.bin"`',
        "status: signal: 11 (SIGSEGV: invalid memory reference)",
        "",
        "failures:",
        "    handles_empty_file",
        "",
        "test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.22s",
    )
    assert d.category == "test.failure"
    assert d.rule.startswith("rust.test")


def test_an_assertions_panic_in_a_doc_tests_main_is_the_tests_failure() -> None:
    # A doc-test runs as its own program: its assertion panics in thread 'main'.
    d = _triage(
        "---- src/convert.rs - convert::to_celsius (line 9) stdout ----",
        "Test executable failed (exit status: 101).",
        "",
        "stderr:",
        "thread 'main' panicked at src/convert.rs:13:1:",
        "assertion `left == right` failed",
        "  left: 37.77778",
        " right: 37.8",
        "",
        "test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.52s",
    )
    assert d.category == "test.failure"


def test_a_crash_the_runner_did_not_outlive_or_no_test_observed_stays_a_crash() -> None:
    # No count follows: the run died with the program.
    died = _triage(
        "thread 'main' panicked at src/main.rs:3:5:",
        "assertion `left == right` failed",
        "error: process didn't exit successfully: `target/debug/app` (exit status: 101)",
    )
    assert died.category == "crash"
    # The code under test crashed (CTest counts the test binary's segfault): no assertion saw it.
    ctest = _triage(
        "    Start 2: parser_test",
        "2/3 Test #2: parser_test ......................***Exception: SegFault  0.02 sec",
        "",
        "67% tests passed, 1 tests failed out of 3",
        "The following tests FAILED:",
        "      2 - parser_test (SEGFAULT)",
        "Errors while running CTest",
    )
    assert ctest.category == "crash"


def test_a_programs_death_in_python_or_node_a_test_reports_is_its_failure() -> None:
    python = _triage(
        "_________________________ test_decoder_survives_garbage _________________________",
        "    def test_decoder_survives_garbage():",
        ">       subprocess.run([DECODER, 'garbage.bin'], check=True)",
        "E       subprocess.CalledProcessError: Command '['./decoder', 'garbage.bin']' died with <Signals.SIGSEGV: 11>.",
        "=========================== short test summary info ============================",
        "FAILED tests/test_cli.py::test_decoder_survives_garbage - subprocess.CalledProcessError: Command",
        "========================= 1 failed, 12 passed in 0.81s =========================",
    )
    assert python.category == "test.failure"


def test_a_missing_command_a_failing_test_ran_on_purpose_loses_to_its_verdict() -> None:
    # go test -v prints a test's log lines between its ``=== RUN`` and its ``--- FAIL``: the test looked
    # the command up on purpose and failed on the hint it wanted.
    d = _triage(
        "=== RUN   TestRunsFormatter",
        '    fmt_test.go:31: exec: "gizmo": executable file not found in $PATH',
        "    fmt_test.go:32: want a hint to install gizmo, got none",
        "--- FAIL: TestRunsFormatter (0.00s)",
        "FAIL",
        "FAIL\tgithub.com/acme/fmt\t0.012s",
    )
    assert d.category == "test.failure"


def test_a_parse_error_in_a_failing_tests_message_is_its_data() -> None:
    # PHPUnit's failure message quotes the parser's error the test expected in another shape.
    d = _triage(
        "There was 1 failure:",
        "",
        "1) App\\Tests\\LexerTest::testUnclosedString",
        "Failed asserting that 'Parse error: syntax error, unexpected end of file' contains \"column 7\".",
        "",
        "/app/tests/LexerTest.php:30",
        "",
        "FAILURES!",
        "Tests: 4, Assertions: 9, Failures: 1.",
    )
    assert d.category == "test.failure"


def test_a_refused_connection_under_every_failures_header_explains_them() -> None:
    # Mocha counts the failures without naming them on a verdict line: each numbered header owns its output.
    d = _triage(
        "  0 passing (40ms)",
        "  2 failing",
        "",
        "  1) users",
        "       signs up:",
        "     Error: connect ECONNREFUSED 127.0.0.1:6379",
        "      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)",
        "",
        "  2) users",
        "       logs in:",
        "     Error: connect ECONNREFUSED 127.0.0.1:6379",
        "      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)",
    )
    assert d.category == "network"


def test_a_file_missing_in_every_failing_test_explains_them_but_in_one_of_two_does_not() -> None:
    both = [
        "_________________________________ test_load_a _________________________________",
        "E   FileNotFoundError: [Errno 2] No such file or directory: 'fixtures/a.csv'",
        "_________________________________ test_load_b _________________________________",
        "E   FileNotFoundError: [Errno 2] No such file or directory: 'fixtures/a.csv'",
        "=========================== short test summary info ============================",
        "FAILED tests/test_load.py::test_load_a - FileNotFoundError: [Errno 2] No such file or directory",
        "FAILED tests/test_load.py::test_load_b - FileNotFoundError: [Errno 2] No such file or directory",
        "2 failed in 0.05s",
    ]
    assert _triage(*both).category == "file.not.found"
    one = [*both[:3], "E   assert 3 == 4", *both[4:]]
    assert _triage(*one).category == "test.failure"


def _step(cmd: str, *out: str) -> tuple[str, ...]:
    return (f"##[group]Run {cmd}", cmd, "##[endgroup]", *out)


_JEST_HANG = (
    "Ran all test suites.",
    "Jest did not exit one second after the test run has completed.",
    "##[error]The action 'npx jest' has timed out after 20 minutes.",
)


def test_a_step_timeout_after_the_runners_failing_tally_is_the_tests_failure() -> None:
    # Jest's open handles kept it alive once the tests had failed: the hang follows from a finished, failed run.
    d = _triage(*_step("npx jest", "FAIL test/a.test.ts", "Tests:       1 failed, 9 passed, 10 total", *_JEST_HANG))
    assert d.category == "test.failure"


def test_a_step_timeout_after_every_test_passed_stays_a_timeout() -> None:
    d = _triage(*_step("npx jest", "PASS test/a.test.ts", "Tests:       10 passed, 10 total", *_JEST_HANG))
    assert d.category == "timeout"


def _vitest(*errors: str) -> Diagnosis:
    # Vitest's github-actions reporter: the run's tally, then one annotation per failing test.
    annotations = [line for e in errors for line in (f"##[error]{e}", " ❯ test/a.test.ts:12:5", "")]
    tally = f"      Tests  {len(errors)} failed | 20 passed ({20 + len(errors)})"
    return _triage(*_step("npx vitest run", " Test Files  1 failed | 4 passed (5)", tally, "", *annotations))


def test_a_credentials_error_in_one_of_three_test_annotations_loses_to_the_verdict() -> None:
    creds = "CredentialsProviderError: Could not load credentials from any providers"
    d = _vitest(creds, "AssertionError: expected 403 to be 200", "AssertionError: expected 1 to be 2")
    assert d.category == "test.failure"


def test_a_credentials_error_in_every_test_annotation_explains_them() -> None:
    d = _vitest(*["CredentialsProviderError: Could not load credentials from any providers"] * 3)
    assert d.category == "credentials"


def test_a_refused_connection_in_every_raw_test_annotation_explains_them() -> None:
    # Jest's github-actions reporter, raw (a log the runner did not parse), before the run's tally.
    d = _triage(
        "::error file=test/o.test.ts,line=4,title=orders › creates::Error: connect ECONNREFUSED 127.0.0.1:5432",
        "::error file=test/o.test.ts,line=9,title=orders › lists::Error: connect ECONNREFUSED 127.0.0.1:5432",
        "Tests:       2 failed, 11 passed, 13 total",
    )
    assert d.category == "network"


def test_a_line_of_a_multi_line_annotation_is_the_failing_tests_output() -> None:
    # The runner stamps only an annotation's first line: the unstamped lines below it are the same test's error.
    stamp = "2025-06-15T16:17:32.5270809Z "
    annotation = (
        f"{stamp}##[error]Error: require() of ES Module dist/index.js from dist/index.cjs not supported.",
        " ❯ test/imports.test.ts:6:21",
        "Serialized Error: { code: 'ERR_REQUIRE_ESM' }",
        f"{stamp}",
    )
    tally = (" Test Files  1 failed | 4 passed (5)", "      Tests  1 failed | 20 passed (21)", "")
    lines = _step("npx vitest run", *tally, *annotation, "##[error]AssertionError: expected 1 to be 2", "")
    d = _triage(*(line if line.startswith((stamp, " ❯", "Serialized")) else stamp + line for line in lines))
    assert d.category == "test.failure"


def _vitest_listed(*errors: str) -> Diagnosis:
    # Vitest's default reporter lists each failure inline, then its github-actions reporter annotates each again.
    inline = [line for i, e in enumerate(errors) for line in (f" FAIL  test/t{i}.test.ts > case {i}", e, "")]
    annotations = [line for e in errors for line in (f"##[error]{e}", " ❯ test/t.test.ts:12:5", "")]
    tally = (
        f" Test Files  {len(errors)} failed | 20 passed ({20 + len(errors)})",
        f"      Tests  {len(errors)} failed",
    )
    return _triage(*_step("npx vitest run", f"⎯⎯⎯ Failed Tests {len(errors)} ⎯⎯⎯", *inline, *tally, "", *annotations))


def test_one_timeout_shown_inline_and_again_as_its_annotation_is_one_failure_of_three() -> None:
    # The annotation repeats the test's inline error: counted as a second test, one slow test looked like most.
    db = 'DatabaseError: Failed to open table "chunks"'
    assert _vitest_listed(db, db, "Error: Test timed out in 30000ms.").category == "test.failure"


def test_timeouts_of_every_listed_test_inline_and_annotated_stay_a_timeout() -> None:
    assert _vitest_listed(*["Error: Test timed out in 30000ms."] * 3).category == "timeout"


def _hits(*lines: str) -> list[Hit]:
    return scan_doc(bytes_doc("log", "".join(f"{line}\n" for line in lines).encode()), RS).hits


def test_hung_after_names_a_failing_verdict_above_the_platforms_limit_in_its_own_step_only() -> None:
    limit = "##[error]The action 'npx jest' has timed out after 20 minutes."
    tally = "Tests:       1 failed, 9 passed, 10 total"
    same = _hits(*_step("npx jest", "FAIL test/a.test.ts", tally, "Ran all test suites.", limit))
    timeout = next(h for h in same if h.rule.category == "timeout" and h.rule.priority >= verdicts.PLATFORM)
    assert timelimits.hung_after(timeout, same).rule.category == "test.failure"
    # The failing tally was an earlier step's (it failed, the job went on): this step's hang is its own.
    ended = "##[error]Process completed with exit code 1."
    other = _hits(*_step("npx jest", "FAIL test/a.test.ts", tally, ended), *_step("npx jest", "Ran all.", limit))
    timeout = next(h for h in other if h.rule.category == "timeout" and h.rule.priority >= verdicts.PLATFORM)
    assert timelimits.hung_after(timeout, other) is timeout
    # A test's own time limit (below the platform's band) is no hang after the run: hung_after leaves it.
    own = next(h for h in same if h.rule.category == "timeout" and h.rule.priority < verdicts.PLATFORM)
    assert timelimits.hung_after(own, same) is own
    # Only a failing verdict above the limit: a passing tally (every test passed, then the run hung), a
    # failing one printed after the limit, or one in another log's same step leaves the hang the cause.
    passed = _hits(*_step("npx jest", "Tests:       0 failed, 10 passed, 10 total", "Ran all test suites.", limit))
    late = _hits(*_step("npx jest", "Ran all test suites.", limit, "FAIL test/a.test.ts", tally))
    elsewhere = _hits(*_step("npx jest", "Ran all.", "", "", "", limit))
    elsewhere += _hits(*_step("npx jest", "FAIL test/a.test.ts", tally))
    for hits in (passed, late, elsewhere):
        timeout = next(h for h in hits if h.rule.category == "timeout" and h.rule.priority >= verdicts.PLATFORM)
        assert any(h.rule.category == "test.failure" for h in hits)
        assert timelimits.hung_after(timeout, hits) is timeout


def test_pytest_qs_bare_tally_is_the_verdict_an_annotation_of_one_failure_loses_to() -> None:
    # ``pytest -q`` prints its tally without the ``=====`` border; a reporter annotates each failing test.
    run = (
        "..F....F....                                                             [100%]",
        "::error file=tests/test_io.py,line=9::test_write%0A%0APermissionError: [Errno 13] Permission denied: '/srv'",
        "::error file=tests/test_sum.py,line=4::test_sum%0A%0AAssertionError: assert 2 == 3",
        "2 failed, 10 passed in 0.61s",
    )
    assert _triage(*_step("pytest -q", *run)).category == "test.failure"
    # Another tool's "2 failed" line is no pytest verdict: the permission error stays the cause.
    upload = ("PermissionError: [Errno 13] Permission denied: '/srv/out'", "upload: 2 failed, 10 passed in 0.61s")
    assert _triage(*_step("./ci/upload.sh", *upload)).category == "permission"


def test_a_runners_live_line_for_a_test_gives_way_to_its_report_of_it() -> None:
    d = _triage(
        "[xUnit.net 00:00:00.71]     Shop.Tests.CartTests.Adds_Tax [FAIL]",
        "[xUnit.net 00:00:00.71]       Assert.Equal() Failure: Values differ",
        "[xUnit.net 00:00:00.80]   Finished:    Shop.Tests",
        "  Failed Shop.Tests.CartTests.Adds_Tax [9 ms]",
        "  Error Message:",
        "   Assert.Equal() Failure: Values differ",
        "Test Run Failed.",
    )
    assert d.title.startswith("Failed Shop.Tests.CartTests.Adds_Tax"), d.title


def test_the_first_of_two_reports_naming_tests_stays_the_anchor() -> None:
    d = _triage(
        "  Failed Shop.Tests.CartTests.Adds_Tax [9 ms]",
        "  Error Message:",
        "   Assert.Equal() Failure: Values differ",
        "  Failed Shop.Tests.CartTests.Rounds [2 ms]",
        "Test Run Failed.",
    )
    assert d.title.startswith("Failed Shop.Tests.CartTests.Adds_Tax"), d.title


def test_a_runs_tests_tally_below_its_files_tally_counts_the_failing_tests() -> None:
    # vitest's summary: the files' tally, then the tests'. One slow test of three failing stays a test failure.
    log = [
        " ❯ src/cart.test.ts (3 tests | 3 failed) 5012ms",
        "   × cart > totals 3ms",
        "     → expected 90 to be 100",
        "   × cart > rounds 2ms",
        "     → expected 1.5 to be 2",
        "   × cart > loads 5001ms",
        "     → Test timed out in 5000ms.",
        "",
        " Test Files  1 failed (1)",
        "      Tests  3 failed (3)",
    ]
    assert triage_text(log, default_ruleset()).category == "test.failure"


def test_xctests_compiler_shaped_assertion_on_linux_is_its_failing_tests_output() -> None:
    # swift-corelibs-xctest prints an assertion as ``file:line: error: Suite.test : XCTAssert... failed``.
    case = "Test Case 'VersionTests.testParsePrerelease'"
    d = _triage(
        *_step(
            "swift test",
            "Build complete! (18.41s)",
            f"{case} started at 2024-05-02 14:05:33.122",
            "/w/Tests/VersionTests.swift:48: error: VersionTests.testParsePrerelease : XCTAssertEqual failed: (1) is not equal to (2)",
            f"{case} failed (0.002 seconds)",
            "\t Executed 23 tests, with 1 failure (0 unexpected) in 0.004 (0.004) seconds",
            "##[error]Process completed with exit code 1.",
        )
    )
    assert d.category == "test.failure"


def test_a_scripts_banner_shaped_like_tcltests_verdict_names_no_test() -> None:
    hits = _hits("==== BUILD FAILED", "==== proto-3.2 FAILED")
    assert [h.captures.get("test") for h in hits if h.rule.id == "tcl.tcltest-failures"] == ["proto-3.2"]


def test_a_failed_count_in_a_list_of_counts_is_a_runs_tally() -> None:
    assert verdicts.tallied(["Test result: FAILED. Total tests: 2; passed: 1; failed: 1"]) == 1  # the Move CLI
    assert verdicts.tallied(["Tests: 3 failed, 9 passed"]) == 3
    assert verdicts.tallied(["Upload failed: 404 Not Found"]) == 0  # a status, not a count of tests
    assert verdicts.tallied(["passed: 3, failed: 0"]) == 0
