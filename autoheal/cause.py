"""Choose the root cause among the hits: the failed section first, verdicts over trigger words, causes over consequences.

Where a hit sits decides before which rule it is: a hit in the section that
failed the job outranks every hit elsewhere, and a hit in a section that
succeeded is never the cause. Within a section, rule priority ranks hits
(rules.yaml), with four general corrections:

- a warning, an info line (a logger's ``[main] INFO x.Y - ...`` too), a line
  the passing run also printed, or a command run with ``|| true`` never wins;
- an echo is not an event: a step's header (its script and env), a command
  line (``$ cmd``, ``+ cmd``, ``[command]...``, ``Run: [java, -Xmx2g, ...]``)
  says what was run, never what failed;
- a trigger word (a crash, a network or file error...) inside a test runner's
  output loses to the runner's verdict when it only names a test or sits in
  an expected/actual diff;
- the first cause wins over what follows from it (``CONSEQUENCES``), but a
  block's header does not win over the detail just below it (webpack's
  ``ERROR in x`` over ``Module not found``, Gradle's ``Could not resolve all
  files`` over its indented ``Could not find g:a:v``): the detail says why;
- a warning about a failure a tool retries (a connection's name-resolution
  error) is the cause when a consequence of it follows in the same section,
  soon (pip's retries, then ``from versions: none``);
- a specific cause (a timeout, a refused connection, a crash, a missing module
  or method) shown in the output of most failing tests explains them and wins
  over their verdict (``EXPLAINS``);
- a test run's verdict repeated word for word is a retry: the last attempt
  failed the job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from autoheal import blocks
from autoheal.scan import DocScan, Hit
from autoheal.sections import FAILED, PASSED, Section, SubCommand, failing_command

# At or below this priority a rule matches a symptom ("exited with 1", "BUILD FAILURE"): never a cause alone.
SYMPTOM = 11
# Below this, a rule is too weak to be the cause its consequence's rule would otherwise win over.
MIN_CAUSE = 30
TEST = "test.failure"
COMPILE = "compile.error"
# Categories whose words also show inside test output as test data or noise.
TRIGGERS = frozenset(
    {"crash", "network", "timeout", "syntax.error", "command.not.found", "file.not.found", "permission", "credentials"}
)
# What commonly follows from a failure of each kind, later in the same section: the cause comes first.
CONSEQUENCES: dict[str, frozenset[str]] = {
    "network": frozenset({"dependency.missing", "dependency.resolution", "file.not.found", "command.not.found"}),
    "dependency.resolution": frozenset(
        {"dependency.missing", "compile.error", "command.not.found", "file.not.found", TEST}
    ),
    "dependency.missing": frozenset({"compile.error", "command.not.found", "file.not.found", TEST}),
    "runtime.version": frozenset({"dependency.resolution", "dependency.missing", "syntax.error", "compile.error"}),
    "compile.error": frozenset({"dependency.missing", "file.not.found", TEST}),
    "syntax.error": frozenset({"compile.error", TEST}),
    "command.not.found": frozenset({"file.not.found"}),
    TEST: frozenset({"file.not.found", "permission"}),
}

# Specific causes a failing test's own output may show (a timeout, a refused connection to the
# service under test, a crash, a missing module or method): inside the failures they explain them.
EXPLAINS = frozenset({"timeout", "network", "crash", "dependency.missing", "dependency.resolution"})
# How far below a verdict line a failing test's own output reaches.
TEST_OUTPUT = 20
# How close below a block's header its detail line sits; how far, when the lines between are indented under it.
DETAIL = 2
BLOCK = 8
# How far below a warning that names a cause its consequence must follow to make it one.
WARNED = 30
# Causes a tool reports as warnings while it retries (pip, npm, Maven, curl --retry): when what
# follows from them ends the section, the warnings were the cause. Other warnings never win.
RETRIED = frozenset({"network", "rate.limit"})

Known = Callable[[str], bool]

# A logger's record below error level, after its timestamp and thread (log4j/slf4j/logback's
# ``[main] INFO a.B - msg``, ``12:00:01.5 INFO  x``, Maven's timed ``18921 [INFO] x``, logrus'
# ``level=info``): context, never the cause.
_LOGGED = re.compile(
    r"^\s*(?:\d[\d:.,TZ/+-]*\s+){0,2}(?:\[[^\]]{1,60}\]\s+)?(?:INFO|DEBUG|TRACE|NOTICE|WARN(?:ING)?)\s+\S|"
    r"^\s*(?:\d[\d:.,TZ/+-]*\s+){1,2}\[(?:INFO|DEBUG|TRACE|NOTICE|WARN(?:ING)?)\]\s|"
    r"\blevel=(?:info|debug|trace|warn(?:ing)?)\b"
)
# A command line a tool or runner echoes before running it: GitHub's ``[command]/usr/bin/x``, a
# runner's ``Run: [java, ...]`` / ``Running: ...`` / ``Executing: ...``, npm's ``> pkg@1.0 script``.
_ECHO = re.compile(
    r"^\s*(?:\[command\]\S|(?:Run|Running|Executing|Command|Exec)\s*:\s*[\[\"'`]?[\w./$-]|> \S+@\S* \S)"
    r"|\s-\s(?:Run|Running|Executing|Command)\s*:\s*[\[\"'`]?[\w./$-]"
)


def quiet(text: str) -> bool:
    """A warning, info or debug line, of a tool or of a logger: context at most, never the cause."""
    return blocks.warning(text) or bool(_LOGGED.match(text))


def echoed(scan: DocScan, hit: Hit, traces: frozenset[int]) -> bool:
    """The hit is on a line that says what was run, not what happened: a step's header (its marker,
    script and env echo), a shell trace (``traces``: their lines), or a command line a tool echoes."""
    section = _section(scan, hit)
    # The first section of a step's own log (a run-log zip's step file) opens at no marker: its first
    # line is output, unless a header group (``##[group]Run ...``) was seen there.
    if (
        section is not None
        and (hit.section > 0 or section.body > 0)
        and section.kind in ("step", "command")
        and section.start <= hit.line < section.output_start
    ):
        return True
    return hit.traced or hit.line in traces or bool(_ECHO.search(hit.text))


@dataclass(frozen=True)
class Scope:
    """Where the job failed: one section of one document (``tail`` = its last lines)."""

    scan: DocScan
    index: int
    tail: list[tuple[int, str]]

    @property
    def section(self) -> Section:
        return self.scan.sections[self.index]

    @property
    def command(self) -> SubCommand | None:
        """The sub-command that failed inside the section (a make recipe, the last traced command)."""
        return failing_command(self.scan.commands, self.index, self.section.exit_line)


def failed_scope(scans: Sequence[DocScan]) -> Scope | None:
    """The first section that failed the job; for a log without markers, the end of the log."""
    for scan in scans:
        for index, section in enumerate(scan.sections):
            if section.status == FAILED:
                return Scope(scan, index, scan.failed_tails.get(index, []))
    last = next((s for s in reversed(scans) if s.lines), None)
    if last is None or not last.sections:
        return None
    return Scope(last, len(last.sections) - 1, last.tail)


def rank(hit: Hit) -> tuple[int, float, int]:
    # Highest priority first; then confidence; then the latest line.
    return (hit.rule.priority, hit.rule.confidence, hit.line)


def _section(scan: DocScan, hit: Hit) -> Section | None:
    return scan.sections[hit.section] if hit.section < len(scan.sections) else None


def tier(scan: DocScan, hit: Hit, scope: Scope | None) -> int:
    """0: in the failed section; 1: another failed one; 2: status unknown; 3: a section that passed."""
    if scope is not None and scan is scope.scan and hit.section == scope.index:
        return 0
    section = _section(scan, hit)
    status = section.status if section else ""
    return 1 if status == FAILED else 3 if status == PASSED else 2


def eligible(scan: DocScan, hit: Hit, known: Known, traces: frozenset[int] = frozenset()) -> bool:
    """Whether a hit may be the root cause at all."""
    section = _section(scan, hit)
    if hit.rule.severity == "warning" or quiet(hit.text) or known(hit.text) or echoed(scan, hit, traces):
        return False
    return not (section and ("|| true" in section.command or "|| :" in section.command))


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


def _verdict_filter(hits: list[Hit]) -> list[Hit]:
    """Drop trigger words that only name a test or sit in an expected/actual diff, and compiler-like
    diagnostics printed by a failing test (a C test framework's ``test.c:41: error: Failure!``): the
    tests ran, so the build had succeeded."""
    verdicts: dict[tuple[int, int], list[Hit]] = {}
    for h in hits:
        if h.rule.category == TEST:
            verdicts.setdefault((id(h.doc), h.line), []).append(h)
    if not verdicts:
        return hits
    return [
        h
        for h in hits
        if not (h.rule.category in TRIGGERS and (_names_a_test(h, verdicts) or blocks.diff_line(h.text)))
        and not (h.rule.category == COMPILE and _in_test_output(h, verdicts))
    ]


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" >"))


def _detail_of(detail: Hit, header: Hit) -> bool:
    """``detail`` sits below ``header`` and details it: just below, when the header opens a block or the
    detail is indented under it; further down, when every line up to it is indented under the header
    (a resolver's summary and its ``Problem 1`` list). Then the header is the same failure, not an
    earlier cause."""
    gap = detail.line - header.line
    if not 0 < gap <= BLOCK or detail.doc is not header.doc:
        return False
    base = _indent(header.text)
    if gap <= DETAIL and (blocks.header(header.text) or _indent(detail.text) > base):
        return True
    between = header.after[: gap - 1]
    return (
        _indent(detail.text) > base
        and len(between) == gap - 1
        and all(blocks.blank(t) or _indent(t) > base for t in between)
    )


def _first_cause(best: Hit, hits: list[Hit]) -> Hit:
    """An earlier hit whose failure ``best`` commonly follows from, else ``best``."""
    seen = {id(best)}
    for _ in range(3):  # a short chain: resolution -> missing -> compile
        causes = [
            h
            for h in hits
            if h.doc is best.doc
            and h.line < best.line
            and id(h) not in seen
            and h.rule.priority >= MIN_CAUSE
            and best.rule.category in CONSEQUENCES.get(h.rule.category, ())
            and not _detail_of(best, h)
        ]
        if not causes:
            return best
        best = anchor_of(max(causes, key=rank), causes)
        seen.add(id(best))
    return best


def _explained(best: Hit, hits: list[Hit]) -> Hit:
    """A specific cause shown in the output of most failing tests (two at least) wins over their verdict.

    A timeout, a refused connection to the service under test or a missing method
    that recurs across the failures is why they failed; inside one test's output
    (a retry, a probe) it may be noise, and the verdict stays.
    """
    if best.rule.category != TEST:
        return best
    verdicts = sorted(
        (h.line, h.captures.get("test") or str(h.line)) for h in hits if h.doc is best.doc and h.rule.category == TEST
    )
    tests: dict[str, set[str]] = {}
    candidates = []
    for h in hits:
        if h.doc is not best.doc or h.rule.category not in EXPLAINS or h.rule.priority < MIN_CAUSE:
            continue
        owner = next((name for line, name in reversed(verdicts) if line <= h.line <= line + TEST_OUTPUT), None)
        if owner is not None:
            tests.setdefault(h.rule.id, set()).add(owner)
            candidates.append(h)
    # How many tests failed: the tests the verdicts name (pytest's summary, `--- FAIL: TestX`);
    # only when none is named, the verdict lines themselves (an `E   ...` line is not a test).
    named = {
        h.captures["test"] for h in hits if h.doc is best.doc and h.rule.category == TEST and h.captures.get("test")
    }
    failing = len(named) or len({name for _, name in verdicts})
    shared = [h for h in candidates if len(tests[h.rule.id]) >= max(2, (failing + 1) // 2)]
    return anchor_of(max(shared, key=rank), shared) if shared else best


# A test's own time limit (rules.yaml's per-test timeout band; the platform's job and step limits are 90+).
TEST_TIMEOUTS = range(50, 90)
# A runner's count of failing tests: mocha's "2 failing", jest's "Tests: 1 failed", "3 failures".
_FAILING = re.compile(r"(?i)\b([1-9]\d*) (?:failing|failed|failures?)\b")


def _one_of_many(best: Hit, hits: list[Hit]) -> Hit:
    """A test's own timeout shown by no more than half of the failing tests is one failure among others
    (an assertion failed in the rest): the run's verdict says what failed, not the one slow test."""
    if best.rule.category != "timeout" or best.rule.priority not in TEST_TIMEOUTS:
        return best
    verdicts = [h for h in hits if h.doc is best.doc and h.rule.category == TEST]
    named = {h.captures["test"] for h in verdicts if h.captures.get("test")}
    counted = [int(m[1]) for h in verdicts for m in [_FAILING.search(h.text)] if m]
    failing = max([len(named), *counted])
    slow = {
        h.line for h in hits if h.doc is best.doc and h.rule.category == "timeout" and h.rule.priority in TEST_TIMEOUTS
    }
    if failing < 2 or 2 * len(slow) > failing:
        return best
    return anchor_of(max(verdicts, key=rank), verdicts)


def anchor_of(best: Hit, hits: Sequence[Hit]) -> Hit:
    """The first hit of the chosen rule: the first error usually causes those after it."""
    return min((h for h in hits if h.rule.id == best.rule.id and h.doc is best.doc), key=lambda h: h.line)


def best_cause(hits: list[Hit]) -> Hit | None:
    """The root cause among the eligible hits of one tier."""
    causes = _verdict_filter([h for h in hits if h.rule.priority > SYMPTOM])
    if not causes:
        return None
    best = _one_of_many(_first_cause(anchor_of(max(causes, key=rank), causes), causes), causes)
    return _last_attempt(_explained(best, causes), causes)


def _last_attempt(best: Hit, hits: list[Hit]) -> Hit:
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


def _warned_causes(warned: list[Hit], chosen: list[Hit]) -> list[Hit]:
    """Warnings that name a cause whose consequence follows soon in the same section and document."""
    return [
        w
        for w in warned
        if w.rule.priority >= MIN_CAUSE
        and w.rule.category in RETRIED
        and any(
            h.doc is w.doc
            and h.section == w.section
            and 0 < h.line - w.line <= WARNED
            and h.rule.category in CONSEQUENCES.get(w.rule.category, ())
            for h in chosen
        )
    ]


def by_tier(scans: Sequence[DocScan], scope: Scope | None, known: Known) -> dict[int, list[Hit]]:
    """Eligible hits grouped by tier (the tier of a section that passed, 3, is left out)."""
    out: dict[int, list[Hit]] = {0: [], 1: [], 2: []}
    warned: dict[int, list[Hit]] = {0: [], 1: [], 2: []}
    for scan in scans:
        traces = frozenset(c.line for c in scan.commands if c.kind == "trace")
        for hit in scan.hits:
            t = tier(scan, hit, scope)
            if t == 3:
                continue
            if eligible(scan, hit, known, traces):
                out[t].append(hit)
            elif _warning_only(scan, hit, known, traces):
                warned[t].append(hit)
    for t, hits in out.items():
        # After the eligible hits: on a tie in rank, an eligible hit stays first.
        hits += _warned_causes(warned[t], [h for h in hits if h.rule.priority > SYMPTOM])
    return out


def _warning_only(scan: DocScan, hit: Hit, known: Known, traces: frozenset[int]) -> bool:
    """Ineligible only because the line is a warning (not a baseline line, an echo or an ``|| true`` command)."""
    if known(hit.text) or echoed(scan, hit, traces):
        return False
    section = _section(scan, hit)
    return not (section and ("|| true" in section.command or "|| :" in section.command))
