"""A test framework's own time limit, reported as the failing tests' error (cause.py, after verdicts.py).

A runner's verdict (``1 failing``, ``--- FAIL``) says that tests failed; when the error it reports for most
of them is the framework's own per-test time limit (Mocha's ``Timeout of 2000ms exceeded``, Jest's
``Exceeded timeout of 5000 ms for a test``, JUnit's ``TestTimedOutException``...), the tests did not fail a
check, they ran out of time: the failure is a timeout (categories.md: "a test exceeded its time limit"),
whether or not a rule knows that framework's words. One slow test among failures of other kinds stays the
verdict's test failure (``one_of_many``), and a step's or job's time limit reached after a failing verdict
in that step is the tests' failure (``hung_after``). The words are each framework's documented ones.
"""

from __future__ import annotations

from dataclasses import replace

from autoheal import blocks, lazyre
from autoheal.rules import Rule
from autoheal.scan import Hit
from autoheal.verdicts import (
    PLATFORM,
    TEST,
    TEST_OUTPUT,
    annotated_hits,
    failing_above,
    failing_count,
    most,
    showing,
    strongest,
    tallied,
)

# Each framework's own words for a test (or hook) that outran its limit: Mocha; Jest; Vitest, Bun,
# node:test, Dart's test; Jasmine; Playwright; pytest-timeout; Go's testing; JUnit 4 and 5; TestNG;
# ExUnit; PHPUnit with php-invoker; MSTest, xUnit.net, NUnit; CTest; cargo-nextest.
_OWN_LIMIT = lazyre.compile(
    r"(?i:\bTimeout of \d+ ?ms exceeded)|\bExceeded timeout of \d+ ?ms for a (?:test|hook)\b|"
    r"\b(?:[Tt]est|[Hh]ook) timed out (?:in|after) \d|"
    r"\bTimeout - Async (?:function|callback) did not complete within \d+ ?ms|\bTest timeout of \d+ ?ms exceeded\b|"
    r"\bFailed: Timeout >\d|^\++ Timeout \++$|^panic: test timed out after \d|"
    r"\bTestTimedOutException\b|\bjava\.util\.concurrent\.TimeoutException: \S+ timed out after\b|"
    r"\bThreadTimeoutException\b|\bExUnit\.TimeoutError\b|\bExecution aborted after \d+ seconds?\b|"
    r"\bexceeded execution timeout period\b|\bTest execution timed out after \d|\bTest exceeded Timeout value\b|"
    r"\*\*\*Timeout\b|^\s*TIMEOUT \[\s*\d"
)

# What a promoted verdict reads as: no catalogue rule, the framework's words in the failing tests' output.
OWN_LIMIT = Rule(
    id="test.own-time-limit",
    category="timeout",
    patterns=(),
    doc="Most failing tests failed on their test framework's own per-test time limit.",
    confidence=0.6,
    priority=60,
    hint="The tests ran out of their framework's time limit: find the call that hangs or raise the test's timeout.",
)


# What a test's own timeout reads as when the runner's tally below it counts more failures than timeouts.
TALLIED = Rule(
    id="test.tallied-failures",
    category=TEST,
    patterns=(),
    doc="The runner's tally counts more failing tests than timed out: one slow test among other failures.",
    confidence=0.5,
    priority=48,
    hint="Several tests failed, one of them on its time limit: fix the failing assertions first.",
)
# How far below a test's timeout the runner's tally may be (the other failures' output is above it).
TALLY_BELOW = 12


def own_limit(text: str) -> bool:
    """A test framework's report that a test or hook outran its own time limit."""
    return bool(_OWN_LIMIT.search(text))


def _output(verdicts: list[Hit]) -> dict[int, str]:
    """The failing tests' output by line: each verdict's line and the lines around it, in its section."""
    lines: dict[int, str] = {}
    for v in verdicts:
        before = v.before[-TEST_OUTPUT:]
        lines.update((v.line - len(before) + i, t) for i, t in enumerate(before))
        lines[v.line] = v.text
        lines.update((v.line + 1 + i, t) for i, t in enumerate(v.after[:TEST_OUTPUT]))
    return lines


def _owner(line: int, lines: dict[int, str], named: dict[int, str]) -> str:
    """Whose error the line is: the test a verdict names on it or above it, else the failure header above."""
    for n in range(line, line - TEST_OUTPUT, -1):
        if n in named:
            return named[n]
        if n < line and n in lines and blocks.header(lines[n]):
            return f"@{n}"
    return f"@{line}"


def timed_out(best: Hit, hits: list[Hit]) -> Hit:
    """The verdict read as a timeout when more than half of the failing tests report their framework's own
    time limit as their error (one test of one too); otherwise ``best`` unchanged."""
    if best.rule.category != TEST:
        return best
    verdicts = [h for h in hits if h.doc is best.doc and h.section == best.section and h.rule.category == TEST]
    lines = _output(verdicts)
    named = {v.line: v.captures["test"] for v in verdicts if v.captures.get("test")}
    owners = {_owner(n, lines, named) for n, t in lines.items() if own_limit(t) and not blocks.warning(t)}
    failing = max(failing_count(verdicts), 1)
    if not owners or not most(len(owners), failing):
        return best
    return replace(best, rule=OWN_LIMIT)


def block_timed_out(block: list[str], verdicts: list[Hit]) -> bool:
    """An error block no rule reads (generic.py) under a test runner's verdict: more than half of the failing
    tests (the verdicts' count or the block's tally) report their framework's own time limit, each failure
    header above its words counted once (Playwright prints the limit twice for one test)."""
    owners: set[int] = set()
    owner = -1
    for i, text in enumerate(block):
        if blocks.header(text):
            owner = i
        if own_limit(text) and not blocks.warning(text):
            owners.add(owner)
    failing = max(failing_count(verdicts), tallied(block), 1)
    return bool(owners) and most(len(owners), failing)


# A test's own time limit (rules.yaml's per-test timeout band; the platform's job and step limits are 90+).
TEST_TIMEOUTS = range(50, PLATFORM)


def one_of_many(best: Hit, hits: list[Hit]) -> Hit:
    """A test's own timeout shown by no more than half of the failing tests is one failure among others
    (an assertion failed in the rest): the run's verdict says what failed, not the one slow test."""
    if best.rule.category != "timeout" or best.rule.priority not in TEST_TIMEOUTS:
        return best
    verdicts = [h for h in hits if h.doc is best.doc and h.rule.category == TEST]
    failing = failing_count(verdicts)
    timeouts = [
        h for h in hits if h.doc is best.doc and h.rule.category == "timeout" and h.rule.priority in TEST_TIMEOUTS
    ]
    # A reporter's annotation repeats a failing test's error at the end of the step (Vitest's ``##[error]Error:
    # Test timed out``): counted with the inline line, one slow test would count twice.
    annotated = annotated_hits(timeouts, verdicts)
    slow: tuple[set[int], set[int]] = (set(), set())
    for h in timeouts:
        slow[id(h) in annotated].add(h.line)
    if not verdicts:
        # No rule read the runner's verdict: its tally right below the failures still counts them (Jest's
        # ``Tests:       3 failed, 14 passed``), and the one slow test is one failure of that many.
        failing = tallied(best.after[:TALLY_BELOW])
        if failing >= 2 and not most(showing(slow), failing):
            return replace(best, rule=TALLIED)
        return best
    if failing < 2 or most(showing(slow), failing):
        return best
    return strongest(verdicts, best)


def hung_after(best: Hit, hits: list[Hit]) -> Hit:
    """The platform's time limit on a step or job, reached after a test runner in the same step printed a
    failing verdict (its tally, a failing test's line): the runner hung once the tests had failed (Jest's
    open handles, mocha without ``--exit``), so the tests are the failure. With no failing verdict above it
    (every test passed, or one never returned) the timeout stays."""
    if best.rule.category != "timeout" or best.rule.priority < PLATFORM:
        return best
    return strongest(failing_above(best, hits, counted=True), best)
