"""A crash a test observed is that test's failure (cause.py's root-cause choice, after verdicts.py).

A test that ran a program and reports that it died of a signal, or a panic an assertion raised, is a
failing test the runner went on to count: the test failed, nothing of the job crashed. A program that
panicked on a failed HTTP request (the status line just above its panic, or in its message) died of that
request's failure: a 404 is the missing file it fetched, a 5xx the network, a 401/403/429 their category.
"""

from __future__ import annotations

from dataclasses import replace

from autoheal import lazyre
from autoheal.rules import Rule
from autoheal.scan import Hit
from autoheal.verdicts import TEST, TEST_OUTPUT

# A runner's count of what ran (libtest's "3 passed; 1 failed", jest's "30 passed", mocha's "12 passing").
_COUNTED = lazyre.compile(r"(?i)\b\d+%? (?:tests? )?pass(?:ed|ing)\b")
# A program's end reported as a value, by the code that ran it: Rust's ExitStatus (``status: signal: 11
# (core dumped)``, assert_cmd's and compiletest's reports), Python's CalledProcessError (``died with
# <Signals.SIGSEGV: 11>``), Node's child_process error (``signal: 'SIGSEGV'``).
_STATUS = lazyre.compile(
    r"\bstatus: signal: \d+\b|^\s*signal: \d+ \(SIG|died with <Signals\.SIG\w+: \d+>|^\s*signal: 'SIG\w+'"
)
# A panic whose message is an assertion's (Rust's ``assertion failed: x``, ``assertion `left == right`
# failed``, on the panic's line or the next): a check failed, nothing crashed.
_ASSERTION = lazyre.compile(r"\bassertion (?:failed\b|`left [=!]= right` failed)")


# An HTTP response's status and reason phrase (RFC 9110), as clients print a failed request (curl's
# ``* Failure 404 Not Found``, Go's ``GET https://x: 404 Not Found``, ``HTTP Error 503: Service Unavailable``).
_STATUS_LINE = lazyre.compile(
    r"\b(?P<code>40[134]|429|50[0234])(?::| -)? (?:Not Found|Unauthorized|Forbidden|Too Many Requests|"
    r"Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b"
)
# What a failed request is by its status (categories.md; the catalogue reads a download's 404 the same way).
_BY_STATUS = {"404": "dependency.missing", "401": "credentials", "403": "permission", "429": "rate.limit"}
# A panic or fatal error that says why it died: its own line or the one just above holds the status, and
# the request it made (its URL) is named there or on the line above that (curl's ``* Requesting URL``).
_REASON = 2
_URL = lazyre.compile(r"\bhttps?://")
# A crash by a signal (the shell's ``Segmentation fault``, a runtime's ``SIGSEGV``) is no request's failure:
# a server's access log printed above it is not what killed the program.
_SIGNAL = lazyre.compile(r"\bSegmentation fault\b|\bSIG[A-Z]{2,}\b|\bsignal \d+\b|\bcore dumped\b")
DIED_ON_REQUEST = Rule(
    id="crash.failed-request",
    category="network",
    patterns=(),
    doc="A program panicked on an HTTP request that failed; the status says why.",
    confidence=0.6,
    priority=55,
    hint="The program died on a failed HTTP request: check the URL it fetched and the server's answer.",
)


def died_on_request(best: Hit) -> Hit:
    """A crash whose own line, or one just above it, is a failed HTTP request's status: that request's failure."""
    if best.rule.category != "crash" or _SIGNAL.search(best.text):
        return best
    m = next((m for t in [best.text, *best.before[-1:]] for m in [_STATUS_LINE.search(t)] if m), None)
    if m is None or not any(_URL.search(t) for t in [best.text, *best.before[-_REASON:]]):
        return best
    return replace(best, rule=replace(DIED_ON_REQUEST, category=_BY_STATUS.get(m["code"], "network")))


def observed(best: Hit, hits: list[Hit]) -> Hit:
    """A crash a test observed is that test's failure (``tests_failure``); one that died on a failed HTTP
    request is that request's failure (``died_on_request``)."""
    seen = tests_failure(best, hits)
    return seen if seen is not best else died_on_request(best)


def tests_failure(best: Hit, hits: list[Hit]) -> Hit:
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
