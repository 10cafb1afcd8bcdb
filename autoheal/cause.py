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
  an expected/actual diff, and so does a compiler-like line a failing test
  printed, or a missing command or file, a permission, login, parse or
  connection error on a line of a failing test's own output (what the test
  ran or asserted on), unless most failing tests show it; one test's own timeout among other failures is one failure of
  many, and a crash a test observed (a program's death it reports, an
  assertion's panic) that the runner went on to count is that test's
  failure (verdicts.py); a test reporter's ``##[error]`` / ``::error`` annotation
  is its failing test's output; the platform's step or job limit reached after a
  runner printed a failing verdict in that step is the tests' failure (the runner
  hung once they had failed);
- the first cause wins over what follows from it (``CONSEQUENCES``; a file
  missing just after a failure to make or fetch that very file, ``not_made``), but a
  block's header does not win over the detail just below it (webpack's
  ``ERROR in x`` over ``Module not found``, Gradle's ``Could not resolve all
  files`` over its indented ``Could not find g:a:v``) or further down in its
  indented block (Composer's summary over its ``Problem 1`` list): the
  detail says why; and a cause in that block (a 401 at the end of Gradle's
  ``> Could not resolve`` chain) wins over the header that follows from it
  (chains.py);
- a warning about a failure a tool retries (a connection's name-resolution
  error) is the cause when a consequence of it follows in the same section,
  soon (pip's retries, then ``from versions: none``);
- a specific cause (a timeout, a refused connection, a crash, a missing module
  or method) shown in the output of most failing tests explains them and wins
  over their verdict (``EXPLAINS``); a test framework's own time limit reported
  as most failing tests' error makes their verdict a timeout (timelimits.py);
  a program that panicked on a failed HTTP request died of that request (observed.py);
- a test run's verdict repeated word for word is a retry: the last attempt
  failed the job;
- a syntax error in an installed package's file (site-packages, node_modules)
  says the runtime is too old for the package, when a rule says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from autoheal import blocks, guards, lazyre
from autoheal.chains import (
    CONSEQUENCES,
    carried_on,
    first_cause,
    installed,
    killed_after,
    nested_cause,
    not_made,
    told_below,
)
from autoheal.innercmds import npm_banner
from autoheal.observed import observed
from autoheal.scan import DocScan, Hit
from autoheal.sections import FAILED, PASSED, QUOTE, Section, SubCommand, failing_command
from autoheal.sharederror import shared_error
from autoheal.timelimits import hung_after, one_of_many, timed_out
from autoheal.verdicts import (
    MIN_CAUSE,
    anchor_of,
    explained,
    last_attempt,
    rank,
    strongest,
    verdict_filter,
)

# rank, anchor_of and MIN_CAUSE live with the verdicts (verdicts.py); the choice's callers read them here.
__all__ = [
    "MIN_CAUSE",
    "SYMPTOM",
    "Known",
    "Scope",
    "anchor_of",
    "best_cause",
    "by_tier",
    "echoed",
    "eligible",
    "failed_scope",
    "quiet",
    "rank",
    "step_of",
    "tier",
]

# At or below this priority a rule matches a symptom ("exited with 1", "BUILD FAILURE"): never a cause alone.
SYMPTOM = 11
# How far below a warning that names a cause its consequence must follow to make it one.
WARNED = 30
# Causes a tool reports as warnings while it retries (pip, npm, Maven, curl --retry): when what
# follows from them ends the section, the warnings were the cause. Other warnings never win.
RETRIED = frozenset({"network", "rate.limit"})

Known = Callable[[str], bool]

# A logger's record below error level, after its timestamp and thread (log4j/slf4j/logback's
# ``[main] INFO a.B - msg``, ``12:00:01.5 INFO  x``, Maven's timed ``18921 [INFO] x``, logrus'
# ``level=info``): context, never the cause.
_LOGGED = lazyre.compile(
    r"^\s*(?:\d[\d:.,TZ/+-]*\s+){0,2}(?:\[[^\]]{1,60}\]\s+)?(?:INFO|DEBUG|TRACE|NOTICE|WARN(?:ING)?)\s+\S|"
    r"^\s*(?:\d[\d:.,TZ/+-]*\s+){1,2}\[(?:INFO|DEBUG|TRACE|NOTICE|WARN(?:ING)?)\]\s|"
    r"\blevel=(?:info|debug|trace|warn(?:ing)?)\b"
)
# A command line a tool or runner echoes before running it: GitHub's ``[command]/usr/bin/x``, a
# runner's ``Run: [java, ...]`` / ``Running: ...`` / ``Executing: ...``; npm's ``> pkg@1.0 script`` (innercmds).
_ECHO = lazyre.compile(
    r"^\s*(?:\[command\]\S|(?:Run|Running|Executing|Command|Exec)\s*:\s*[\[\"'`]?[\w./$-])"
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
    return hit.traced or hit.line in traces or bool(_ECHO.search(hit.text) or npm_banner(hit.text.lstrip()))


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


def _section(scan: DocScan, hit: Hit) -> Section | None:
    return scan.sections[hit.section] if hit.section < len(scan.sections) else None


def tier(scan: DocScan, hit: Hit, scope: Scope | None) -> int:
    """0: in the failed section; 1: another failed one; 2: status unknown; 3: a section that passed.

    A Jenkins Text Finder's quote of the workspace's files after the failed section is that section's: the
    files are what its build wrote (a TAP report's ``not ok``). So is the job's verdict that failed it, printed
    after the phases aside, when it names the limit the job hit (GitLab's ``ERROR: Job failed: execution took
    longer than 1h0m0s`` after its cleanup): that says why. A bare exit code there only says again that it failed."""
    section = _section(scan, hit)
    if scope is not None and scan is scope.scan and (hit.section == scope.index or _quoted(section, hit, scope)):
        return 0
    if scope is not None and scan is scope.scan and hit.line == scope.section.exit_line and _limit(hit):
        return 0
    status = section.status if section else ""
    return 1 if status == FAILED else 3 if status == PASSED else 2


def _limit(hit: Hit) -> bool:
    """The hit is a limit the platform enforced (a job's or step's time limit), not a bare exit status."""
    return hit.rule.category == "timeout"


def step_of(scan: DocScan, hit: Hit) -> str | None:
    """The step a verdict printed after the phases aside failed (GitLab's, past its cleanup: ``tier``), or the hit's."""
    failed = (scan.sections[i] for i in scan.failed_tails if i != hit.section)
    return next((s.command for s in failed if s.exit_line == hit.line and s.command), hit.step)


def _quoted(section: Section | None, hit: Hit, scope: Scope) -> bool:
    """The hit is in a Text Finder's quote of the workspace's files after the failed section."""
    return section is not None and section.kind == QUOTE and hit.section > scope.index


def eligible(scan: DocScan, hit: Hit, known: Known, traces: frozenset[int] = frozenset()) -> bool:
    """Whether a hit may be the root cause at all."""
    return not (hit.rule.severity == "warning" or quiet(hit.text)) and _unheeded(scan, hit, known, traces)


def best_cause(hits: list[Hit]) -> Hit | None:
    """The root cause among the eligible hits of one tier."""
    causes, shown = verdict_filter([h for h in hits if h.rule.priority > SYMPTOM])
    if not causes:
        return None
    best = told_below(nested_cause(carried_on(strongest(causes, causes[0]), causes), causes), causes)
    best = hung_after(one_of_many(not_made(first_cause(best, causes), causes), causes), causes)
    best = killed_after(best, causes)
    best = shared_error(timed_out(explained(best, causes + shown), causes), causes)
    return installed(last_attempt(observed(best, causes), causes), causes)


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
        traces = frozenset(c.line for c in scan.commands if c.echoed)  # a diff's traced lines too
        for hit in scan.hits:
            t = tier(scan, hit, scope)
            if t == 3:
                continue
            if eligible(scan, hit, known, traces):
                out[t].append(hit)
            elif _unheeded(scan, hit, known, traces):  # ineligible only as a warning
                warned[t].append(hit)
    for t, hits in out.items():
        # After the eligible hits: on a tie in rank, an eligible hit stays first.
        hits += _warned_causes(warned[t], [h for h in hits if h.rule.priority > SYMPTOM])
    return out


def _unheeded(scan: DocScan, hit: Hit, known: Known, traces: frozenset[int]) -> bool:
    """Not a line the passing run printed too, an echo, or the output of a command run with ``|| true``."""
    if known(hit.text) or echoed(scan, hit, traces):
        return False
    section = _section(scan, hit)
    return not (section and guards.guarded(section.command))
