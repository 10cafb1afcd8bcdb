"""Test runners' verdicts against the words inside test output (cause.py's root-cause choice).

A verdict (``--- FAIL``, ``2 failing``, a failing case's line) says a test failed; what a failing
test printed below it is its output: a trigger word there (a crash, a network error) that only names
a test or sits in a diff, or a compiler-like line a C test framework prints, is not the cause. A
specific cause shown by most failing tests explains them (``EXPLAINS``); one test's own timeout
among other failures does not, nor does a program's death or an assertion's panic a test reports. A
missing command or file, a permission, login, parse or connection error on a line of a failing test's
own output (``SHOWN``) is what the test ran or asserted on: there it loses to the verdict, and it is the
cause only when it explains most failures; a test reporter's annotation (one per failing test) is that
test's output, and repeats the error its output showed inline (the same test, not another). Time
limits (one test's among others, a step's after the tests failed) are timelimits.py's. A verdict repeated
word for word is a retry: the last one counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from autoheal import blocks, lazyre
from autoheal.scan import Hit

# Below this, a rule is too weak to be the cause its consequence's rule would otherwise win over.
MIN_CAUSE = 30
TEST = "test.failure"
COMPILE = "compile.error"
# Categories whose words also show inside test output as test data or noise.
TRIGGERS = frozenset(
    {"crash", "network", "timeout", "syntax.error", "command.not.found", "file.not.found", "permission", "credentials"}
)
# Causes a failing test's output shows that are why it failed wherever they sit (its own timeout, a
# crash, a missing module or method): they keep their rank there; correct it after (one_of_many, observed).
STAYS = frozenset({"timeout", "crash", "dependency.missing", "dependency.resolution"})
# Trigger words a failing test's own output shows as what it ran or asserted on: a command or file
# missing on purpose, a permission error it expects, a parse error in its message, a connection it
# retries while a service starts. On such a line every reading but the verdict's and STAYS' is test data.
SHOWN = TRIGGERS - STAYS
# Specific causes a failing test's own output may show (a timeout, a refused connection to the
# service under test, a crash, a missing module, method or data file): inside most failures they explain them.
EXPLAINS = STAYS | SHOWN
# How far below a verdict line a failing test's own output reaches.
TEST_OUTPUT = 20
# A test reporter's annotation, one per failing test (Vitest's, Jest's github-actions reporters, pytest's
# annotate-failures plugin): ``##[error]msg`` in the runner's log (``Hit.annotated``), raw ``::error file=x::msg``.
_ANNOTATION = lazyre.compile(r"^\s*::error(?:\s[^:]*)?::")
# From this priority a timeout is the platform's limit on a step or a job (rules.yaml), not a test's own.
PLATFORM = 90


def rank(hit: Hit) -> tuple[int, float, int]:
    # Highest priority first; then confidence; then the latest line.
    return (hit.rule.priority, hit.rule.confidence, hit.line)


def _names_a_test(hit: Hit, verdicts: dict[tuple[int, int], list[Hit]]) -> bool:
    """The trigger word is in the name of a test the runner reports on that line."""
    names = [v.captures.get("test", "") for v in verdicts.get((id(hit.doc), hit.line), [])]
    return any(name and hit.rule.match(name) is not None for name in names)


def _in_test_output(hit: Hit, verdicts: dict[tuple[int, int], list[Hit]]) -> bool:
    """The hit is a failing test's own output: a verdict that names a test sits just above it, in its section."""
    return any(
        v.section == hit.section and v.captures.get("test")
        for n in range(max(1, hit.line - TEST_OUTPUT), hit.line)
        for v in verdicts.get((id(hit.doc), n), ())
    )


def _between_verdicts(hit: Hit, tests: list[Hit]) -> bool:
    """The hit sits below a failing test's verdict and just above the run's verdict, in one section: the
    run printed it as a failure's output (rustdoc shows a doc example's compile error among the
    failures, below every test's line however many ran)."""
    mine = [v for v in tests if v.doc is hit.doc and v.section == hit.section]
    return any(v.line < hit.line and v.captures.get("test") for v in mine) and any(
        hit.line < v.line <= hit.line + TEST_OUTPUT for v in mine
    )


def _under_case(hit: Hit, tests: list[Hit]) -> bool:
    """The hit sits between a test's start line (go's ``=== RUN   TestX``) and, below, a verdict that
    names a test in its section: the runner printed the test's output before its verdict (``go test -v``)."""
    return any(
        v.doc is hit.doc
        and v.section == hit.section
        and v.captures.get("test")
        and 0 < v.line - hit.line <= TEST_OUTPUT
        for v in tests
    ) and any(blocks.case_start(t) for t in hit.before[-TEST_OUTPUT:])


def annotated_hits(hits: Sequence[Hit], tests: list[Hit]) -> frozenset[int]:
    """The hits (by id) on a test reporter's annotation: an ``##[error]`` / ``::error`` line in a section where a
    test runner gave a verdict (one failing test's error; the platform's own time limit is none). Built once
    per decision: asked per hit, it read every verdict again (hits x verdicts, several times)."""
    sections = {(id(v.doc), v.section) for v in tests}
    return frozenset(
        id(h)
        for h in hits
        if (id(h.doc), h.section) in sections
        and not (h.rule.category == "timeout" and h.rule.priority >= PLATFORM)
        and (h.annotated or bool(_ANNOTATION.match(h.text)))
    )


def _in_output(
    hit: Hit, verdicts: dict[tuple[int, int], list[Hit]], tests: list[Hit], annotated: frozenset[int]
) -> bool:
    """The hit is a failing test's own output: below its verdict, between verdicts, above its verdict, or
    the test's annotation."""
    return (
        _in_test_output(hit, verdicts)
        or _between_verdicts(hit, tests)
        or _under_case(hit, tests)
        or id(hit) in annotated
    )


def verdict_filter(hits: list[Hit]) -> tuple[list[Hit], list[Hit]]:
    """The hits that may be the cause, and those a failing test's output showed (``explained`` weighs them).

    Trigger words that only name a test or sit in an expected/actual diff go, and so do compiler-like
    diagnostics printed by a failing test (a C test framework's ``test.c:41: error: Failure!``, a doc
    example's compile error): the tests ran, so the build had succeeded. A line of a failing test's output
    with a ``SHOWN`` trigger on it is what the test ran or asserted on: its readings go to the second list.
    """
    tests = [h for h in hits if h.rule.category == TEST]
    if not tests:
        return hits, []
    verdicts: dict[tuple[int, int], list[Hit]] = {}
    for h in tests:
        verdicts.setdefault((id(h.doc), h.line), []).append(h)
    annotated = annotated_hits(hits, tests)
    shown_lines = {
        (id(h.doc), h.line) for h in hits if h.rule.category in SHOWN and _in_output(h, verdicts, tests, annotated)
    }
    kept: list[Hit] = []
    shown: list[Hit] = []
    for h in hits:
        category = h.rule.category
        if category in TRIGGERS and (_names_a_test(h, verdicts) or blocks.diff_line(h.text)):
            continue
        if category == COMPILE and _in_output(h, verdicts, tests, annotated):
            continue
        # A reporter's annotation restates one failing test's error whatever it reads as (a module's
        # config too): it is that test's failure, the cause only when it explains most (``explained``).
        on_shown = (
            category != TEST and category not in STAYS and ((id(h.doc), h.line) in shown_lines or id(h) in annotated)
        )
        (shown if on_shown else kept).append(h)
    return kept, shown


def _owner(hit: Hit, verdicts: list[tuple[int, str]], annotated: frozenset[int]) -> str | None:
    """Whose output ``hit`` is: its own test's when it is a reporter's annotation (one per failing test);
    else the last verdict at or above it (within TEST_OUTPUT), or a failure's header between them (mocha's
    ``1) suite``, libtest's ``---- t stdout ----``), nearer, when the verdict is a count that names no test."""
    if id(hit) in annotated:
        return f"@{hit.line}"
    owner = next(((line, name) for line, name in reversed(verdicts) if line <= hit.line <= line + TEST_OUTPUT), None)
    if owner is None:
        return None
    between = hit.line - owner[0] - 1
    above = hit.before[-between:] if between > 0 else []
    for back, text in enumerate(reversed(above), 1):
        if blocks.header(text):
            return f"@{hit.line - back}"
    return owner[1]


def explained(best: Hit, hits: list[Hit]) -> Hit:
    """A specific cause shown in the output of most failing tests (two at least) wins over their verdict.

    A timeout, a refused connection to the service under test or a missing method
    that recurs across the failures is why they failed; inside one test's output
    (a retry, a probe) it may be noise, and the verdict stays.
    """
    if best.rule.category != TEST:
        return best
    mine = [h for h in hits if h.doc is best.doc and h.rule.category == TEST]
    verdicts = sorted((h.line, h.captures.get("test") or str(h.line)) for h in mine)
    annotated = annotated_hits(hits, mine)
    # Per rule, the tests whose inline output shows it and the reporter's annotations that do (index 1).
    tests: dict[str, tuple[set[str], set[str]]] = {}
    candidates = []
    for h in hits:
        if h.doc is not best.doc or h.rule.category not in EXPLAINS or h.rule.priority < MIN_CAUSE:
            continue
        owner = _owner(h, verdicts, annotated)
        if owner is not None:
            tests.setdefault(h.rule.id, (set(), set()))[id(h) in annotated].add(owner)
            candidates.append(h)
    # How many tests failed: the tests the verdicts name (pytest's summary, `--- FAIL: TestX`); when
    # none is named, the runner's count ("1 tests failed out of 3"), else the verdict lines themselves.
    named = {h.captures["test"] for h in mine if h.captures.get("test")}
    failing = len(named) or tallied(h.text for h in mine) or len({name for _, name in verdicts})
    # A reporter annotates each failing test once: as many annotations, as many failures at least (the
    # tally the rules read may be the files' count, Vitest's ``Test Files  3 failed`` over ``Tests  13 failed``).
    failing = max(failing, len({h.line for h in hits if id(h) in annotated}))
    # A crash (a sanitizer's report, a segfault) is no retry or probe: in the one failing test's output it is why.
    shared = [
        h
        for h in candidates
        if showing(tests[h.rule.id]) >= max(1 if h.rule.category == "crash" else 2, (failing + 1) // 2)
    ]
    return strongest(shared, best)


_Owner = TypeVar("_Owner")


def showing(owners: tuple[set[_Owner], set[_Owner]]) -> int:
    """How many failing tests show a cause: a reporter annotates each failing test once at the end of the step
    and repeats the error its output showed inline, so the two counts are the same tests, not a sum."""
    return max(len(owners[0]), len(owners[1]))


# A runner's count of failing tests: mocha's "2 failing", jest's "Tests: 1 failed", "3 failures"; in a list of
# counts, the Move CLI's "Total tests: 2; passed: 1; failed: 1".
_FAILING = lazyre.compile(
    r"(?i)\b([1-9]\d*) (?:tests? )?(?:failing|failed|failures?)\b|[;,] ?(?:failed|failures?): ([1-9]\d*)\b"
)


def tests_failed(lines: Iterable[str]) -> bool:
    """A test run's tally of failing tests among the lines (a cue above it is one test's output, cues.py)."""
    return any(_FAILING.search(t) for t in lines)


def tallied(lines: Iterable[str]) -> int:
    """The largest tally of failing tests among the lines (``3 failed``), 0 without one."""
    return max([0, *(int(m[1] or m[2]) for t in lines for m in [_FAILING.search(t)] if m)])


# A summary's files' tally over its tests' (vitest's ``Test Files  1 failed (1)``, then ``Tests  3 failed (3)``).
_SUMMARY_LINES = 2


def most(part: int, failing: int) -> bool:
    """More than half of the failing tests: what makes their shared error the run's failure."""
    return 2 * part > failing


def failing_count(verdicts: Sequence[Hit]) -> int:
    """How many tests failed, by the verdicts: the tests they name, or the runner's largest tally."""
    named = {h.captures["test"] for h in verdicts if h.captures.get("test")}
    return max([len(named), *(tallied([h.text, *h.after[:_SUMMARY_LINES]]) for h in verdicts)])


def strongest(hits: Sequence[Hit], default: Hit) -> Hit:
    """The first hit of the best-ranked rule among ``hits``; ``default`` when there is none."""
    return anchor_of(max(hits, key=rank), hits) if hits else default


def anchor_of(best: Hit, hits: Sequence[Hit]) -> Hit:
    """The first hit of the chosen rule: the first error usually causes those after it; a runner's live line
    for a test (xUnit.net's ``X [FAIL]``, naming no test by capture) gives way to a later hit that names that
    test as its own (VSTest's ``Failed X [9 ms]`` block, with the error under it)."""
    mine = sorted((h for h in hits if h.rule.id == best.rule.id and h.doc is best.doc), key=lambda h: h.line)
    first = mine[0]
    named = [h for h in mine[1:] if not first.captures.get("test") and len(h.captures.get("test") or "") > 3]
    return next((h for h in named if h.captures["test"] in first.text), first)


def last_attempt(best: Hit, hits: list[Hit]) -> Hit:
    """A test run's verdict printed again, word for word, is the run again (a retry wrapper, a rerun of
    the failures): the last attempt is the one that failed the job, and its failures are the ones to show."""
    if best.rule.category != TEST or not (blocks.count_line(best.text) or blocks.summary(best.text)):
        return best
    again = [
        h
        for h in hits
        if h.doc is best.doc
        and h.rule.id == best.rule.id
        and h.line > best.line
        and h.text.strip() == best.text.strip()
    ]
    return max(again, key=lambda h: h.line) if again else best


def failing_above(best: Hit, hits: Sequence[Hit], counted: bool = False) -> list[Hit]:
    """The test runner's failing verdicts above ``best`` in its section that name a test, and with ``counted``
    its tallies of failing tests too (what a step's limit or a kill below them followed from)."""
    return [
        h
        for h in hits
        if h.doc is best.doc
        and h.section == best.section
        and h.rule.category == TEST
        and h.line < best.line
        and (h.captures.get("test") or (counted and tests_failed([h.text])))
    ]
