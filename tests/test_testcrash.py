"""A runtime's crash report in a failing test's output, when no rule reads it, is the crash of the code under
test; a signal's name, a diff's line, a report the test captured from a program it ran, or one crash among
several failing tests is not."""

from __future__ import annotations

from autoheal import testcrash
from autoheal.models import Diagnosis
from tests.helpers import ruleset, triage_text

# Only test runners' verdicts: no rule reads a crash report.
VERDICTS = ruleset(
    """
rules:
  - id: go.fail
    category: test.failure
    patterns: ["^--- FAIL: (?P<test>\\\\S+)", "^FAIL\\\\s+(?P<test>\\\\S+)\\\\s+[\\\\d.]+s$"]
    confidence: 0.9
    priority: 48
  - id: ctest.failed
    category: test.failure
    patterns: ["Test\\\\s+#\\\\d+: (?P<test>\\\\S+) \\\\.+\\\\*+Failed"]
    confidence: 0.85
    priority: 46
  - id: generic.exit-code
    category: unknown
    patterns: ["^Process completed with exit code (?P<code>\\\\d+)"]
    confidence: 0.1
    priority: 1
"""
)


def _gha(command: str, *body: str) -> Diagnosis:
    lines = [f"##[group]Run {command}", "##[endgroup]", *body, "##[error]Process completed with exit code 1."]
    return triage_text(lines, VERDICTS)


def _key(diagnosis: Diagnosis) -> str:
    return next(e.text for e in diagnosis.excerpt if e.line == diagnosis.key_lines[0])


def test_a_go_runtime_panic_under_the_failing_tests_verdict_is_the_tests_failure() -> None:
    # categories.md: ``panic:`` is a crash outside tests.
    go = _gha(
        "go test ./...",
        "--- FAIL: TestDrain (0.00s)",
        "panic: runtime error: index out of range [5] with length 4 [recovered]",
        "\tpanic: runtime error: index out of range [5] with length 4",
        "goroutine 7 [running]:",
        "FAIL\texample.com/q\t0.02s",
    )
    assert go.category == "test.failure"


def test_a_sanitizers_report_in_a_ctest_tests_output_is_a_crash() -> None:
    asan = _gha(
        "ctest --output-on-failure",
        "1/2 Test #1: decode_tests .....................***Failed    0.31 sec",
        "==4211==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000054",
        "    #0 0x55d1c3a4b2e0 in read_frame src/frame.cc:58",
        "SUMMARY: AddressSanitizer: heap-buffer-overflow src/frame.cc:58 in read_frame",
        "50% tests passed, 1 tests failed out of 2",
    )
    assert asan.category == "crash"


def test_a_signals_name_or_a_diffs_line_is_no_crash_report() -> None:
    named = _gha(
        "go test ./...",
        "--- FAIL: TestSegfaultHandler (0.00s)",
        "    handler_test.go:12: expected 'Segmentation fault' in the log, got nothing",
        "FAIL\texample.com/h\t0.01s",
    )
    diff = _gha(
        "go test ./...",
        "--- FAIL: TestGolden (0.00s)",
        "    golden_test.go:30: output differs:",
        "        -panic: runtime error: index out of range [1] with length 0",
        "        +panic: runtime error: index out of range [2] with length 0",
        "FAIL\texample.com/g\t0.01s",
    )
    assert named.category == "test.failure"
    assert diff.category == "test.failure"


def test_a_report_the_test_captured_from_a_program_it_ran_is_what_it_checked() -> None:
    ui = _gha(
        "ctest --output-on-failure",
        "1/1 Test #1: sanitizer_ui .....................***Failed    0.10 sec",
        "error pattern 'in function random' not found!",
        "stderr:",
        "==10866==WARNING: MemorySanitizer: use-of-uninitialized-value",
        "SUMMARY: MemorySanitizer: use-of-uninitialized-value (a+0x67b44)",
    )
    assert ui.category == "test.failure"


def test_one_crash_among_several_failing_tests_is_one_failure_of_many() -> None:
    many = _gha(
        "ctest --output-on-failure",
        "1/4 Test #1: decode_tests .....................***Failed    0.31 sec",
        "==4211==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000054",
        "2/4 Test #2: encode_tests .....................***Failed    0.02 sec",
        "encode_test.cc:9: Failure",
        "3/4 Test #3: frame_tests ......................***Failed    0.02 sec",
        "frame_test.cc:14: Failure",
        "25% tests passed, 3 tests failed out of 4",
    )
    assert many.category == "test.failure"


def test_a_tests_message_quoting_a_crash_report_is_its_assertion() -> None:
    quoted = _gha(
        "go test ./...",
        "--- FAIL: TestEvalErrors (0.00s)",
        '    eval_test.go:42: got error "prog.lox:3:7: runtime error: division by zero", want "divide by zero"',
        "FAIL\texample.com/lox/interp\t0.011s",
    )
    assert quoted.category == "test.failure"


def test_ubsans_report_under_a_failing_check_is_no_crash_it_runs_on() -> None:
    ubsan = _gha(
        "ctest --output-on-failure",
        "1/2 Test #1: codec_tests ......................***Failed    0.04 sec",
        "/w/src/varint.c:41:17: runtime error: left shift of 1 by 31 places cannot be represented in type 'int'",
        "truncated: expected -1, got 0",
        "50% tests passed, 1 tests failed out of 2",
    )
    assert ubsan.category == "test.failure"


def test_a_crash_report_opens_its_line_and_is_a_runtimes_own_not_a_signals_name() -> None:
    assert testcrash._REPORT.match("==12==ERROR: AddressSanitizer: heap-use-after-free on address 0x6020")
    assert testcrash._REPORT.match("Fatal Python error: Segmentation fault")
    assert not testcrash._REPORT.match("Segmentation fault (core dumped)")  # a shell's report of a signal
    assert not testcrash._REPORT.match("    -==12==ERROR: AddressSanitizer: x")  # a diff's line
    assert not testcrash._REPORT.match("panic: runtime error: index out of range [recovered]")  # a test's, in Go
