"""A failure's block among the cases of its run: passing cases between failures and the run's tally, an
indented body under its error line, a rule inside a case's header (several ecosystems).

Synthetic logs written for these tests; each names the edge rule it checks.
"""

from __future__ import annotations

from autoheal import blocks, edges, excerpt, tallies
from autoheal.baseline import Baseline
from tests.helpers import block_shown as _shown
from tests.helpers import never as _never
from tests.helpers import numbered as _numbered


def test_passing_cases_between_a_failure_and_the_runs_tally_keep_one_block() -> None:
    # CTest --output-on-failure: the failing case's output, two cases that passed, then the run's tally.
    lines = ["Test project /w/build", "    Start 1: pixel", "1/4 Test #1: pixel ........   Passed    0.01 sec"]
    lines += ["    Start 2: blend", "2/4 Test #2: blend ........***Failed    0.02 sec", "blend() = 0xff7f8000"]
    lines += ["blend_test.c:37: assertion failed: out == want", "    Start 3: scale"]
    lines += ["3/4 Test #3: scale ........   Passed    0.03 sec", "    Start 4: rotate"]
    lines += ["4/4 Test #4: rotate .......   Passed    0.02 sec", "", "75% tests passed, 1 tests failed out of 4"]
    lines += ["", "The following tests FAILED:", "\t  2 - blend (Failed)", "Errors while running CTest"]
    lines += ['The command "ctest --output-on-failure" exited with 8.']
    shown = _shown(lines, 7)
    assert set(range(5, 18)) <= set(shown) and 18 not in shown
    assert 3 not in shown  # a case that passed before the failure is not its block's


def test_passing_cases_with_no_tally_below_still_end_the_block() -> None:
    # prove: the failing file's report, then passing files and another command: the block ends at its report.
    lines = ["t/00-load.t .. ok", "t/01-basic.t .. 1/7", "#   Failed test 'pads short columns'"]
    lines += ["#   at t/01-basic.t line 31.", "t/02-wide.t .. ok", "t/03-utf.t .. ok", "t/04-rtl.t .. ok"]
    lines += ["t/05-bidi.t .. ok"] * 12
    assert _shown(lines, 3)[-1] == 4


def test_a_passing_case_between_two_failing_ones_of_a_suites_list_is_in_the_block() -> None:
    # jest: a suite's list of cases, ✕ failing and ✓ passing, then each failure's details and the tally.
    lines = ["$ jest src", " FAIL  src/sum.test.js", "  ✕ adds two numbers (10ms)", "  ✓ adds many (2ms)"]
    lines += ["  ✕ is consistent (1ms)", "", "  ● adds two numbers", "", "    expect(received).toBe(expected)"]
    lines += ["", "    Expected: 5", "    Received: 4", "", "Tests:       2 failed, 1 passed, 3 total"]
    assert blocks.header("  ✕ adds two numbers (10ms)")
    shown = _shown(lines, 2)
    assert set(range(2, 13)) <= set(shown)


def test_a_tally_is_a_count_of_failures_in_any_runners_words() -> None:
    for text in ["75% tests passed, 1 tests failed out of 4", "Executed 3 tests, with 1 failure (0 unexpected)"]:
        assert tallies.tally(text), text
    for text in ["1 failures, 0 errors.", "t/01.t (Wstat: 256 Tests: 7 Failed: 1)", "Status: 1 ERROR"]:
        assert tallies.tally(text), text
    for text in ["100% tests passed, 0 tests failed out of 4", "Tests: 7 Failed: 0", "Ran 9 tests in 0.3s"]:
        assert not tallies.tally(text), text


def test_a_tally_and_a_passing_summary_read_the_same_key_value_counts() -> None:
    # One reading of ``Failures: N`` / ``errors=N``: a line is a passing summary exactly when it is no tally.
    for text in ["Tests run: 4, Failures: 0, Errors: 2", "failed=1 passed=3", "Failures: 0, Errors: 0", "errors=0"]:
        assert tallies.tally(text) == (not blocks.passing_summary(text)) == any(blocks.counts(text)), text


def test_an_indented_body_starts_at_the_unindented_error_line_it_belongs_to() -> None:
    # nix: the builder's error line, then its reason and the build's last lines, indented under it.
    lines = ["building '/nix/store/x-app.drv'...", "error: Cannot build '/nix/store/x-app.drv'."]
    lines += ["       Reason: builder failed with exit code 1.", "       Last 25 log lines:"]
    lines += [f"       >   step {i} of the configure script" for i in range(10)]
    lines += ["       >   ccache: error: Permission denied", "       >   ninja: build stopped: subcommand failed."]
    start, _ = edges.find_start(_numbered(lines), 15, _never)
    assert start == 1  # (index of the error line)


def test_an_indented_body_under_a_line_that_is_no_error_keeps_its_start() -> None:
    # A tool's progress line over indented output: the body's own error lines start the block.
    lines = ["Resolving dependencies for app"] + [f"    dep-{i} 1.0" for i in range(8)]
    lines += ["    dep-x: version conflict: wants 2.0", "    required by app"]
    start, _ = edges.find_start(_numbered(lines), 9, _never)
    assert start > 1


def test_a_rule_under_a_cases_name_is_inside_the_block() -> None:
    # Catch2: the case's name framed by dashes, its location over a dotted rule, then the failure.
    lines = ["tests is a Catch2 v3 host application.", "", "-" * 60, "RingBuffer wraps around", "-" * 60]
    lines += ["/w/tests/test_ring.cpp:41", "." * 60, "", "/w/tests/test_ring.cpp:48: FAILED:"]
    lines += ["  {Unknown expression after the reported line}", "due to a fatal error condition:"]
    lines += ["  SIGSEGV - Segmentation violation signal"]
    shown = _shown(lines, 12)
    assert shown[0] <= 4 and 6 in shown


def test_a_short_run_of_blank_lines_inside_a_block_stays_whole() -> None:
    # minitest: three blank lines between the last failure and the run's counts.
    lines = ["Error:", "LinkTest#test_counts:", "ActiveRecord::StatementInvalid: no such column: links.visits"]
    lines += ["    app/controllers/links_controller.rb:7:in `show'", "", "", ""]
    lines += ["38 runs, 64 assertions, 1 failures, 1 errors, 0 skips"]
    assert _shown(lines, 3) == list(range(1, 9))


def test_a_runners_dots_between_two_failures_stay_in_the_block() -> None:
    # ExUnit: the dots of the cases that passed between two numbered failures, then the run's tally.
    lines = ["  1) test takes a token (BucketTest)", "     test/bucket_test.exs:12", "     Assertion with == failed"]
    lines += ["     left:  {:error, :empty}", "", "...", "", "  2) test refills (BucketTest)"]
    lines += ["     ** (ArithmeticError) bad argument in arithmetic expression", "", "16 tests, 2 failures"]
    assert edges.passed("...") and not edges.passed("##[group]...")
    assert set(range(1, 12)) <= set(_shown(lines, 3))


def test_a_tools_last_words_before_its_exit_line_are_its_block() -> None:
    # git's lock message and cargo's resolver explanation go on in words no error signal marks, down
    # to the command's exit line: the block runs to the tool's last line.
    git = ["$ git checkout -f 9a8b7c6", "fatal: Unable to create '/w/.git/index.lock': File exists.", ""]
    git += ["Another git process seems to be running in this repository, e.g.", "an editor opened by 'git commit'."]
    git += ["remove the file manually to continue.", "Error: The command exited with status 128"]
    assert _shown(git, 2) == [1, 2, 3, 4, 5, 6]  # (the command line heads it)
    cargo = ['error: failed to select a version for the requirement `tokio = "^2.0"`']
    cargo += ["candidate versions found which didn't match: 1.37.0, 1.36.0", "location searched: crates.io index"]
    cargo += ["required by package `tomlish v0.4.2 (/w/tomlish)`", "if you are looking for the prerelease package"]
    cargo += ['    tokio = { version = "1.0.0-alpha.1" }', "##[error]Process completed with exit code 101."]
    assert _shown(cargo, 1) == [1, 2, 3, 4, 5, 6]


def test_last_words_stop_at_a_verdict_or_a_window_not_reaching_the_exit() -> None:
    # A run's verdict closed the block; and lines that do not reach the command's exit line (a rule's
    # window) say nothing of where the tool stopped.
    verdict = ["src/a.zz:3:1: odd", "zcheck: 1 error", "", "uploading report", "done", "exit status 1"]
    assert _shown(verdict, 1) == [1, 2]
    window = ["fatal: Unable to create '/w/.git/index.lock': File exists.", "", "", "", "Another git process"]
    window += ["remove the file manually to continue."]
    assert _shown(window, 1) == [1]


def test_a_code_frame_a_blank_line_above_a_block_is_another_diagnostics_tail() -> None:
    # rustc/clippy: one error's suggestion frame, a blank line, then the next error with no header above it.
    lines = ["help: try using the `strip_prefix` method", "     |", "12 ~     let rest = s.strip_prefix(x);", "     |"]
    lines += ["", "error: this `if` has identical blocks", "  --> src/buffer.rs:88:21", "   |"]
    lines += ["88 |     if a == b {", "   |     ^^^^^^", "   = note: `-D clippy::if-same-then-else` implied"]
    start, _ = edges.find_start(_numbered(lines), 5, _never)
    assert start == 5  # (index of the error line: the frame above the blank line stays out)


def test_passing_subtests_the_passing_run_also_passed_leave_a_failing_tests_block() -> None:
    # go test -v: a failing test, its failing subtest, four subtests that passed here and in the passing run.
    lines = ["=== RUN   TestTamper", "    tamper_test.go:76: unexpected init error: exit status 1"]
    lines += ["--- FAIL: TestTamper (14.05s)", "    --- FAIL: TestTamper/cache_gone (10.32s)"]
    lines += [f"    --- PASS: TestTamper/case_{c} (0.{i}1s)" for i, c in enumerate("abcd")]
    lines += ["FAIL", "FAIL\texample.com/tamper\t14.1s", "ok  \texample.com/other\t0.2s"]
    passing = ["--- PASS: TestTamper (3.05s)", "    --- PASS: TestTamper/cache_gone (1.3s)"]
    passing += [f"    --- PASS: TestTamper/case_{c} (0.{i}7s)" for i, c in enumerate("abcd")]
    known = Baseline.from_lines(passing).known
    shown = [n for n, _ in excerpt.block(_numbered(lines), 3, known)]
    assert {3, 4, 9, 10} <= set(shown) and not set(range(5, 9)) & set(shown)
    assert set(range(3, 11)) <= set(_shown(lines, 3))  # without the passing run: the run as go printed it


def test_a_blocks_last_lines_the_passing_run_printed_as_well_leave_it() -> None:
    # A shell script's error, then what the JVM says on every start (the passing run printed it too).
    lines = ["Inserting the plugin", "", "bash: line 169: pom.bak9.xml: No space left on device"]
    lines += ["bash: line 170: pom.bak10.xml: No space left on device", "mv: cannot stat 'pom.bak10.xml'"]
    lines += ["Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF8", "WARNING: An illegal reflective access operation"]
    known = Baseline.from_lines(["Inserting the plugin", *lines[5:]]).known
    assert [n for n, _ in excerpt.block(_numbered(lines), 3, known)][-3:] == [3, 4, 5]
    assert 6 in _shown(lines, 3)  # without the passing run, nothing says they are its every start
