"""Which line is the root cause: a rule's hit in the failed section, a precise one elsewhere, the
failed section's generic error block (generic.py) when no rule explains it, named from what the failing
command is (failingcmd.py: a checker whose command line the block follows, under a test target), or the error a silent
failed step followed; ``cause`` ranks the hits, this module picks among the tiers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from autoheal import (
    blocks,
    cause,
    causewords,
    counted,
    cues,
    depkind,
    diffs,
    evidence,
    failingcmd,
    fardetails,
    fetches,
    generic,
    lazyre,
    saidcause,
    siblings,
    timelimits,
    tools,
    unbuilt,
    verdicts,
)
from autoheal.cause import Scope
from autoheal.logsource import LogDoc
from autoheal.rules import Rule
from autoheal.scan import DocScan, Hit


@dataclass(frozen=True)
class Found:
    """The root cause: a line, its category and rule, and the lines around it."""

    line: int
    text: str
    category: str
    rule: Rule | None
    context: list[tuple[int, str]]
    doc: LogDoc
    step: str | None
    captures: dict[str, str]
    # The rule's hit was named by the cause its block says in words (saidcause.py): its hint is another failure's.
    reworded: bool = False


def _from_hit(scans: Sequence[DocScan], hit: Hit) -> Found:
    scan = next(s for s in scans if s.doc is hit.doc)
    step, context = cause.step_of(scan, hit), siblings.context(scan, hit)
    return Found(hit.line, hit.text, hit.rule.category, hit.rule, context, hit.doc, step, hit.captures)


def _scope_category(scope: Scope, hits: Sequence[Hit], category: str | None, checked: bool = False) -> str:
    """What the failing command is (``category``); else what its symptom lines say (make, npm, a test target).
    A test target whose error block follows a checker's command line (``checked``) failed on that check."""
    if checked and category in (tools.TEST, None):
        return tools.LINT
    if category:
        return category
    symptoms = [h for h in hits if h.rule.category != "unknown"]
    return max(symptoms, key=cause.rank).rule.category if symptoms else "unknown"


def _cued(category: str, block: list[str], symptoms: Sequence[Hit], code: int | None = None) -> str:
    """The category the block's own words name over the command's name: what its key lines say the cause is
    (causewords.py: a missing program, credentials, a permission, git's workspace), else its cue lines (cues.py:
    an errno text, a fatal signal, an HTTP status, a time limit), else what the section's exit status (``code``)
    means; a test runner's verdict in the section keeps the tests' failure, the words then being one test's output."""
    # Under a test runner, a quoted span is a test's name (``scenario 'invalid credentials' failed``).
    words = causewords.category(block, unquoted=category == tools.TEST) or cues.category(block[: generic.EPILOGUE])
    cued = words or causewords.exit_category(code)
    if cued is None:
        return category
    if category != tools.TEST or not (failingcmd.tests_verdict(symptoms) or verdicts.tests_failed(block)):
        return cued
    # The framework's own per-test limit for most failing tests is a timeout, as for a rule's hit (cause.py).
    tests = [h for h in symptoms if h.rule.category == tools.TEST]
    return "timeout" if cued == "timeout" and timelimits.block_timed_out(block, tests) else category


def _output(scope: Scope, tail: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Of the failed section's last lines (``tail``, its output's), the failing sub-command's output when
    one is known: after its ``+ cmd`` trace, or up to its make recipe's failure line."""
    sub = scope.command
    if sub is None:
        return tail
    if sub.kind == "trace":
        after = [(n, t) for n, t in tail if n > sub.line]
        return after if len(after) > 1 else tail
    own = [(n, t) for n, t in tail if n <= sub.line]
    return own if len(own) > 2 else tail


def _traced(scope: Scope) -> frozenset[int]:
    """The lines of the section's ``+ cmd`` shell traces (``set -x``, Jenkins' ``sh``), and of a diff's lines of their shape."""
    return frozenset(c.line for c in scope.scan.commands if c.echoed and c.section == scope.index)


def _ran(scope: Scope, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``lines`` led by what was running when they follow it, as context: the failing command's trace
    (``+ cmd``), else the section's own command line right above them (Travis' and GitLab's ``$ cmd``; a
    rule's hit has it too, siblings.context). For a tool no rule knows, the command names what failed:
    the block's head, as a suite's name heads its failures (issue 8)."""
    sub = scope.command
    if sub is not None and sub.kind == "trace":
        head = sub.line if lines and lines[0][0] > sub.line else None
    else:
        command = scope.section.kind == "command" and bool(lines) and lines[0][0] == scope.section.start + 1
        head = scope.section.start if command else None
    return [(n, t) for n, t in scope.tail if n == head] + lines


def _generic(scope: Scope, symptoms: Sequence[Hit], known: cause.Known) -> Found | None:
    """The section's generic error block, read from what its commands printed: a trace line says
    what ran, not what happened, so it is never the anchor (it stays in the excerpt as context)."""
    tail = [(n, t) for n, t in fardetails.tail(scope) if n >= scope.section.output_start]
    output = _output(scope, tail)
    traced = _traced(scope)
    own = generic.anchor([(n, t) for n, t in output if n not in traced], known)
    anchor: tuple[int, bool] | None = own
    if own is not None and own[1]:
        context = _ran(scope, output)
    else:
        anchor, context = generic.anchor([(n, t) for n, t in tail if n not in traced], known) or own, _ran(scope, tail)
    if anchor is None:
        return None
    at, strong = anchor
    at = fardetails.above(scope, context, at, known)  # details.above, reaching far blocks
    block = [t for n, t in context if n >= at]
    named = failingcmd.command_category(scope, symptoms, context, at)
    category = _scope_category(scope, symptoms, named, failingcmd.echoed_check(tail, at))
    # A package manager's block that says what it needs is not there is a missing dependency, not a resolution.
    category = depkind.dependency_kind(category, block[:20])
    category = _cued(category, block, symptoms, scope.section.exit_code)
    if category != tools.TEST and fetches.absent(context, at):
        category = "dependency.missing"  # what the step needed is not at the address it fetched (fetches.py)
    if category == "unknown" and (fardetails.case_verdict(scope, at) or verdicts.tests_failed(t for _, t in context)):
        # Nothing names the command, but the block is a test case's failing verdict or the section's output
        # holds a runner's tally of failing tests (``2 failing``, ``Tests: 1 failed``, ``34 examples, 20 failures``).
        category = tools.TEST
    if category == tools.TEST and unbuilt.never_built(block, symptoms):
        category = tools.COMPILE  # the tests never ran: what they test did not build
    if category == "unknown" and (diffs.opens_with_diff(block) or generic.linter_report(block)):
        category = tools.LINT  # nothing names the command; what it printed is a diff of files or a linter's report
    if not strong and category == "unknown":
        return None  # nothing reads as an error and nothing names the command: say so
    text = next(t for n, t in tail if n == at)
    doc = scope.scan.doc  # a cut-short gh log names its failed step only in gh's column (failed_step)
    step = scope.section.command or doc.step or doc.failed_step
    return Found(at, text, category, None, context, doc, step, {})


def _before_silence(scope: Scope, known: cause.Known) -> Found | None:
    """A step that failed without printing a word (``[ -n "$VERSION" ]``, ``test -f dist/app``) failed on
    what the steps before it left: the last error block they printed (a ``fatal:`` from ``git describe``
    that left the version empty), when the log's last lines still hold it. Only what reads as an error."""
    section, scan = scope.section, scope.scan
    if section.kind != "step" or any(
        not blocks.blank(t) for n, t in scope.tail if section.output_start <= n < (section.exit_line or n + 1)
    ):
        return None
    outputs = [(s.output_start, s.end or section.start - 1) for s in scan.sections if s.start < section.start]
    earlier = [(n, t) for n, t in scan.tail if n < section.start and any(a <= n <= b for a, b in outputs)]
    exit_line = next(((n, t) for n, t in scope.tail if n == section.exit_line), None)
    if not earlier or exit_line is None:
        return None
    anchor = generic.anchor([*earlier, exit_line], known)
    if anchor is None or not anchor[1]:
        return None
    text = next(t for n, t in earlier if n == anchor[0])
    return Found(anchor[0], text, "unknown", None, earlier, scan.doc, section.command or scan.doc.step, {})


# A checker (a linter, a template or schema checker) that says a file it checks cannot be parsed, or
# prints its findings as a compiler's diagnostics (swift-format's ``a.swift:8:1: error: [Indentation] ...``),
# has a finding: the failure is the check's, not a broken configuration or build. A located file
# opens the line (``[ERROR] templates/a.yaml: unable to parse YAML``, ``a.yml:3:1: syntax error``);
# a dotfile or a ``*config*`` file is the checker's own configuration, which stays a config error.
_PARSE_CATEGORIES = frozenset({"config.error", "syntax.error", "compile.error"})
_CHECKED_FILE = lazyre.compile(r"^\s*(?:\[\w+\]\s*)?(?P<file>[\w./-]*[\w-]\.\w{1,6})(?::\d+)*:\s")


def _under_checker(scope: Scope, hits: Sequence[Hit], line: int) -> bool:
    """The command whose output ``line`` is (of a ``&&`` chain, its link) is a checker the tool table names."""
    return failingcmd.command_category(scope, hits, fardetails.tail(scope), line) == tools.LINT


def _as_finding(scope: Scope | None, found: Found, hits: Sequence[Hit]) -> Found:
    """A checker's parse error or compiler-shaped diagnostic is its finding, when the command that failed (of a
    ``&&`` chain, the link whose output it is) is a checker."""
    m = _CHECKED_FILE.match(found.text)
    if scope is None or found.category not in _PARSE_CATEGORIES or m is None:
        return found
    name = m["file"].rsplit("/", 1)[-1]
    if name.startswith(".") or "config" in name.lower():
        return found
    return replace(found, category=tools.LINT) if _under_checker(scope, hits, found.line) else found


# A build tool's summary of a failure it ran (cargo's ``could not compile``, MSBuild's ``error MSB...``), under
# this priority, says which category its driver has, not what failed: a checker it ran (``cargo clippy``,
# ``dotnet format``) failed on its findings, which its own rule (taken out, or none) would have named.
SUMMARY = 30


def _checker_summary(scope: Scope | None, found: Found, hits: Sequence[Hit]) -> Found:
    """A summary rule's compile error under a failing command the tool table names a checker is a finding."""
    rule = found.rule
    if scope is None or rule is None or found.category != tools.COMPILE or rule.priority > SUMMARY:
        return found
    return replace(found, category=tools.LINT) if _under_checker(scope, hits, found.line) else found


def _moved(found: Found, at: int) -> Found:
    """The rule's hit with its anchor moved to line ``at`` of its window (counted.py); the rule still names it."""
    return found if at == found.line else replace(found, line=at, text=dict(found.context)[at])


def _said_cause(found: Found, hits: Sequence[Hit]) -> Found:
    """A rule's hit that only says what failed (a dependency's build, a download), when its block says the
    cause in words that lead to it (saidcause.py): the cause names it, its line the anchor when above."""
    said = saidcause.said(found.category, found.context, found.line, hits) if found.rule else None
    if said is None:
        return found
    return replace(found, category=said[0], line=said[1], text=dict(found.context)[said[1]], reworded=True)


def _hung_after_tally(scope: Scope, hit: Hit | None) -> bool:
    """The platform's step or job time limit (``hit``) reached after the failed section printed a runner's
    tally of failing tests that no rule read (``timelimits.hung_after`` for a runner the catalogue does not
    know): the runner hung once its tests had failed, so the tests' failure is the cause."""
    if hit is None or hit.rule.category != "timeout" or hit.rule.priority < verdicts.PLATFORM:
        return False
    if hit.doc is not scope.scan.doc or hit.section != scope.index:
        return False
    if any(h.rule.category == tools.TEST for h in scope.scan.hits if h.section == scope.index and h.line < hit.line):
        return False  # a rule read the verdict: cause.py's hung_after decides
    return verdicts.tests_failed(t for n, t in scope.tail if n < hit.line)


# A hit elsewhere at or above this priority is a precise root cause (rules.yaml): it beats a
# generic block of the failed section, which only says that something there printed an error.
PRECISE = evidence.PRECISE


def find_cause(scans: Sequence[DocScan], known: cause.Known) -> Found | None:
    """The failed section's cause (a checker's parse error there is its finding); else a precise cause
    elsewhere, the generic block there, any cause, the error a silent failed step followed; else a symptom."""
    scope = cause.failed_scope(scans)
    tiers = cause.by_tier(scans, scope, known)
    hit = cause.best_cause(tiers[0])
    hung = _generic(scope, tiers[0], known) if scope and _hung_after_tally(scope, hit) else None
    if hit and hung and hung.category == tools.TEST and hung.line < hit.line:
        return hung  # the tests' generic block, above the limit the runner hung into once they failed
    if hit is not None:
        chosen = _checker_summary(scope, _as_finding(scope, _from_hit(scans, hit), tiers[0]), tiers[0])
        return _said_cause(_moved(chosen, counted.anchor(chosen.context, chosen.line, chosen.rule, known)), tiers[0])
    elsewhere = cause.best_cause(tiers[1] + tiers[2])
    if elsewhere is not None and elsewhere.rule.priority >= PRECISE:
        return _from_hit(scans, elsewhere)
    if scope is not None and scope.tail:
        found = _generic(scope, tiers[0], known)
        if found is not None and (found.category != "unknown" or elsewhere is None):
            return found
    if elsewhere is not None:
        return _from_hit(scans, elsewhere)
    earlier = _before_silence(scope, known) if scope is not None else None
    if earlier is not None:
        return earlier
    symptoms = [h for t in (0, 1, 2) for h in tiers[t]]
    if symptoms:
        return _from_hit(scans, cause.anchor_of(max(symptoms, key=cause.rank), symptoms))
    return None
