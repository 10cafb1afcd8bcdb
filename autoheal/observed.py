"""A crash a test observed is that test's failure (cause.py's root-cause choice, after verdicts.py).

A test that ran a program and reports that it died of a signal, or a panic an assertion raised, is a
failing test the runner went on to count: the test failed, nothing of the job crashed.
"""

from __future__ import annotations

import re

from autoheal.scan import Hit
from autoheal.verdicts import TEST, TEST_OUTPUT

# A runner's count of what ran (libtest's "3 passed; 1 failed", jest's "30 passed", mocha's "12 passing").
_COUNTED = re.compile(r"(?i)\b\d+%? (?:tests? )?pass(?:ed|ing)\b")
# A program's end reported as a value, by the code that ran it: Rust's ExitStatus (``status: signal: 11
# (core dumped)``, assert_cmd's and compiletest's reports), Python's CalledProcessError (``died with
# <Signals.SIGSEGV: 11>``), Node's child_process error (``signal: 'SIGSEGV'``).
_STATUS = re.compile(
    r"\bstatus: signal: \d+\b|^\s*signal: \d+ \(SIG|died with <Signals\.SIG\w+: \d+>|^\s*signal: 'SIG\w+'"
)
# A panic whose message is an assertion's (Rust's ``assertion failed: x``, ``assertion `left == right`
# failed``, on the panic's line or the next): a check failed, nothing crashed.
_ASSERTION = re.compile(r"\bassertion (?:failed\b|`left [=!]= right` failed)")


def observed(best: Hit, hits: list[Hit]) -> Hit:
    """A crash a test observed is that test's failure: the test ran a program and reports that it died
    of a signal (``status: signal: 11``), or the "crash" is a panic raised by an assertion (a doc-test's
    ``thread 'main' panicked`` at ``assertion `left == right` failed``), and the runner goes on and
    counts the failure. What failed is the test: its verdict above (else the runner's count). A crash of
    the code under test (CTest's ``***Exception: SegFault``, Catch2's ``SIGSEGV``, a sanitizer's report,
    Go's ``panic: runtime error``) stays a crash (categories.md: a crash outside a test assertion)."""
    if best.rule.category != "crash":
        return best
    if not (_STATUS.search(best.text) or any(_ASSERTION.search(t) for t in [best.text, *best.after[:1]])):
        return best
    mine = [h for h in hits if h.doc is best.doc and h.section == best.section and h.rule.category == TEST]
    counts = [h for h in mine if h.line > best.line and _COUNTED.search(h.text)]
    if not counts:
        return best
    owners = [h for h in mine if best.line - TEST_OUTPUT <= h.line < best.line]
    return max(owners, key=lambda h: h.line) if owners else min(counts, key=lambda h: h.line)
