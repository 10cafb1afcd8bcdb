"""A runtime's crash report inside a failing test's output: the code under test crashed (issue 8, class 5).

A test runner's verdict (go's ``--- FAIL: TestX``, CTest's ``***Failed``) says which test failed; when the
output right under it is the runtime's own crash report (a sanitizer's ``==PID==ERROR: AddressSanitizer:``,
Go's ``fatal error: concurrent map writes``, CPython's ``Fatal Python error:``; cues.CRASH_REPORTS), the test did not fail
an assertion: the code it ran crashed (categories.md: a crash outside a test assertion). The catalogue's
crash rules read the known reports; this reads them when no rule does (a runtime's report in a shape no rule
has, a rule taken out), from the documented vocabulary of those reports only, never a signal's name alone
(a test may be named ``segfault``), never words inside an expected-vs-actual diff (the report's lines
open the line), and never a report under a heading of the output the test captured from a program it ran. As for a rule's crash (verdicts.explained), the report explains the run when it is in the
output of at least half of the failing tests: one test's crash among several assertions stays their failure.
"""

from __future__ import annotations

from collections.abc import Sequence

from autoheal import lazyre, verdicts
from autoheal.scan import Hit

# The first line of a runtime's crash report (of cues.CRASH_REPORTS), where such a report opens its line: a
# test's message quoting one (``got error "a.lox:3:7: runtime error: ..."``) is its assertion's. Not UBSan's
# ``file:line:col: runtime error:``: by default it reports and runs on, so the test's own check failed it. Not
# Go's ``panic:``: categories.md counts a panic as a crash outside tests only, and one in a test is its failure.
_REPORT = lazyre.compile(
    r"^\s*(?:==\d+==\s?ERROR: \w*Sanitizer:|SUMMARY: \w*Sanitizer:|Fatal Python error: |"
    r"# A fatal error has been detected by the Java Runtime Environment|"
    r"fatal error: (?:all goroutines are asleep|concurrent map|unexpected signal)|Kernel pid terminated\b|"
    r"Crash dump is being written to\b|\{?\"?[Ii]nit terminating in do_boot\b|Runtime terminating during boot\b|"
    r"Error in process \S+ with exit value\b)"
)
# How far below a failing test's verdict its output is read for a crash report.
OUTPUT = 30
# A harness's heading over the output it captured from a program the test ran (compiletest's ``stderr:``,
# pytest's ``----- Captured stderr call -----``): a report below it is what the test checked (a test of a
# sanitizer's output, a program it expected to crash), not a crash of the test (observed.py's principle).
_CAPTURED = lazyre.compile(
    r"(?i)^[\s=-]*(?:captured\s+)?(?:stdout|stderr|output)(?:\s+call|\s+setup|\s+teardown)?[\s=:-]*$"
)


def crashed(category: str, context: Sequence[tuple[int, str]], line: int, hits: Sequence[Hit]) -> int | None:
    """The line of the crash report in the output of the failing test whose verdict (``category`` a test
    failure, on ``line``) was chosen, when a crash explains the run (see the module); else None. A crash a
    rule read is cause.py's to weigh (``hits`` hold it)."""
    if category != verdicts.TEST or any(h.rule.category == "crash" for h in hits):
        return None
    tests = [h for h in hits if h.rule.category == verdicts.TEST]
    later = [h.line for h in tests if h.line > line and h.captures.get("test")]
    end = min([line + OUTPUT, *later])
    output = [(n, t) for n, t in context if line < n <= end]
    report = next((n for n, t in output if _REPORT.match(t)), None)
    # One test's report explains at least half of the failing tests only when at most two failed.
    if report is None or verdicts.failing_count(tests) > 2:
        return None
    return None if any(n < report and _CAPTURED.match(t) for n, t in output) else report
