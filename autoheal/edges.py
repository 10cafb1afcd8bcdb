"""Where an excerpt's block starts, from the shape of its lines (where it ends: ends.py).

Edges come from the shape of the lines, never from a tool's name, so they hold
on tools no rule knows:

- Start. A block starts at its header (``FAILURES``, ``Results:``, ``--- FAIL:``,
  the suite or case name; the topmost of stacked ones, with the run's counts
  right above them) when one sits just above the root cause, else at the first
  of the error lines above it that belong to it and a line or two leading to
  them. Indented or attached lines carry the block up only to an error line
  above them; a run of them alone, or of located warnings, is another tool's
  output (unless the root cause is a warning or the verdict counting them);
  a code frame's gutter lines right above the message are its own, and a
  report framed between two identical rules starts at the upper one.
- Lead. The root cause's own block starts at the line that opens it (leads.py), and a goal's
  failure in Maven's report at what the goal said above the report (reports.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from autoheal import asciitwin, blocks, linear, tallies

MAX_EXCERPT = 40
HEADER_COUNTS = 4  # count lines kept right above a header
HEADER_REACH = 12  # how far above the root cause a block header may be
ABOVE_WITHOUT_HEADER = 2  # lines above the root cause that lead to it, when no header does
QUIET = 3  # this many lines without an error signal in a row end a block...
LOOKAHEAD = 6  # ...unless errors resume this soon after
REACH_BELOW = MAX_EXCERPT * 3
UP_REACH = MAX_EXCERPT * 3  # how far above the root cause its block may start, without a header
BODY_REACH = MAX_EXCERPT // 2  # how far above an indented block's start its unindented error line may be
REPORT_REACH = MAX_EXCERPT  # how far apart the failures of a run's report may start, above its verdict

Numbered = Sequence[tuple[int, str]]
# A rule across the line (Catch2's dots, a row of dashes): a separator inside a block, not its end.
SEPARATOR = re.compile(r"^\s*([-=~._*#])\1{4,}\s*$")
# A code frame's gutter (PowerShell's ``   4 |  $v = Get-Content x``, ``     | ~~~~``): the source lines
# a message below them points at.
GUTTER = asciitwin.lazy(r"^\s*(?:\d+\s*)?\|(?:\s|$)")  # RE2: lines are attacker-controlled
# A note a compiler attaches to its diagnostic (rustc's ``   = note: see issue #63010 <...> for more information``).
_NOTE = asciitwin.lazy(r"^\s*= (?:note|help):")
# The CI runner's own lines (GitHub's ``##[group]``, Travis' folds, GitLab's sections, Jenkins' steps).
_RUNNER = asciitwin.lazy(r"^\s*(?:##\[|travis_|section_(?:start|end):|Post job cleanup|Cleaning up)")
# A passing test's or step's word (``--- PASS: TestX``, ``test_x PASSED``, ``✓ parses``).
_PASSED = asciitwin.lazy("(?i)" + linear.WORD_START + "(?:pass(?:ed)?|ok|success(?:ful)?)" + linear.WORD_END + "|[✓✔√]")
FRAME_REACH = 4  # how far above a block's start the twin of a rule inside it may sit
Known = Callable[[str], bool]


def strong(text: str) -> bool:
    """A line that alone says something failed. A located warning does not: it may sit inside a
    block (a linter that fails on warnings lists them there) but a run of them never carries one."""
    if blocks.located(text) and blocks.symptom(text):
        return True  # a failure's message at a source location that quotes an exit status
    return blocks.header(text) or (blocks.error_score(text) >= 2 and not blocks.located_warning(text))


def attached(text: str) -> bool:
    """A line that continues the one above: an indented detail, a frame, a diff or diagnostic line."""
    if blocks.blank(text) or blocks.chatter(text) or blocks.symptom(text):
        return False
    return text[:1] in (" ", "\t") or blocks.diff_line(text) or blocks.error_score(text) >= 1


def stop(text: str) -> bool:
    """A line that is never part of a failure block: runner chatter or a command's "it failed" line.

    A tool's bare line prefix (``npm ERR!`` alone) is a blank line of its block, and a pointer to
    more (``For more information ...``) closes the block above it without ending it, and a message at
    a source location that quotes an exit status (a test's ``x_test.go:76: init failed: exit status 1``)
    is a failure's own line.
    """
    if blocks.chatter(text):
        return True
    return blocks.symptom(text) and not (
        blocks.header(text) or blocks.blank(text) or blocks.pointer(text) or blocks.located(text) or _NOTE.match(text)
    )


def item_of_list(lines: Numbered, i: int) -> bool:
    """A ``- key: value`` line under another: a detail of the list (pre-commit's ``- exit code: 1``)."""
    return i > 0 and lines[i][1].lstrip().startswith("- ") and lines[i - 1][1].lstrip().startswith("- ")


def _outer_header(lines: Numbered, i: int) -> int:
    """Headers stack (``Results:`` above ``Failures:``, unittest's ``FAIL: x`` above ``Traceback``): the
    topmost of those a blank line, a rule across the line or two apart, with a rule right above it.

    The run's counts right above a header belong to it (mocha's ``12 passing`` and ``1 pending``
    above ``2 failing``).
    """
    j = i
    while j > 0:
        above = [k for k in range(j - 1, max(-1, j - 4), -1) if not _spacer(lines[k][1])]
        if not above or not blocks.header(lines[above[0]][1]) or blocks.symptom(lines[above[0]][1]):
            break
        j = above[0]
    if j > 0 and SEPARATOR.match(lines[j - 1][1]):
        j -= 1  # the rule a runner draws above its failure's header (unittest's ``=====`` over ``FAIL: x``)
    while j > 0 and j - 1 >= i - HEADER_COUNTS and blocks.count_line(lines[j - 1][1]):
        j -= 1
    return j


def _spacer(text: str) -> bool:
    """A line between stacked headers: blank, or a rule across the line (unittest's ``-----``)."""
    return blocks.blank(text) or bool(SEPARATOR.match(text))


def find_start(lines: Numbered, at: int, known: Known) -> tuple[int, bool]:
    """Index where the block holding ``lines[at]`` starts, and whether a header starts it."""
    headed = _header_above(lines, at)
    if headed is not None:
        return headed, True
    start = _lead_in(lines, _errors_above(lines, at), known)
    start = _parent_error(lines, start)
    first = lines[start][1]
    if start > 0 and blocks.case_start(lines[start - 1][1]) and not (blocks.case_start(first) or blocks.header(first)):
        start -= 1  # the line naming whose output the block is (go test's ``=== CONT TestX/case``)
    return _framed(lines, start, at), False


def _header_above(lines: Numbered, at: int) -> int | None:
    """The header just above ``lines[at]`` that starts its block (the topmost of stacked ones), or None."""
    empty = 0
    # A run's verdict closes its whole report: the report's header may sit further up than a cause's. So
    # does a tally in words no verdict pattern knows (ECS's ``[ERROR] Found 1 error that can be fixed``).
    verdict = blocks.summary(lines[at][1]) or tallies.tally(lines[at][1])
    for i in range(at - 1, max(-1, at - (REPORT_REACH if verdict else HEADER_REACH) - 1), -1):
        text = lines[i][1]
        if at - i <= 2 and blocks.summary(text):
            break  # the root cause follows a verdict: it closes the block the verdict ends
        if at - i > HEADER_REACH and (stop(text) or blocks.summary(text)):
            break  # beyond a cause's reach only the verdict's own report: no other command's output
        if blocks.header(text) and not blocks.symptom(text):
            if verdict:
                i = first_of_report(lines, i)
            return _outer_header(lines, i)
        empty = empty + 1 if blocks.blank(text) or blocks.chatter(text) else 0
        if empty >= QUIET:
            break
    return None


def _errors_above(lines: Numbered, at: int) -> int:
    """With no header: the first of the error lines above ``lines[at]`` that belong to the same block.
    Indented or attached lines carry it up only to an error line above them (a run of them alone, a
    warning's source lines, is another tool's output); located warnings only when the root cause is
    one of them or the verdict counting them (a linter failing on warnings)."""
    start, quiet = at, 0
    verdict = blocks.summary(lines[at][1])
    warnings = blocks.located_warning(lines[at][1]) or verdict or blocks.counts_warnings(lines[at][1])
    for i in range(at - 1, max(-1, at - UP_REACH - 1), -1):
        text = lines[i][1]
        if stop(text) and not (SEPARATOR.match(text) or _chained(lines, i)):
            break  # (a rule across the line, Catch2's dots under a case's name, is inside a block: quiet)
        if strong(text) or blocks.summary(text) or (warnings and blocks.located_warning(text)):
            start, quiet = i, 0
            warnings = warnings or blocks.summary(text)
            continue
        if attached(text):
            quiet = 0
            if GUTTER.match(text) and start == i + 1:
                start = i  # the code frame right above the message is the message's own
            continue
        quiet += 1
        if quiet >= QUIET and not any(
            strong(t) or (warnings and blocks.located_warning(t)) for _, t in lines[max(0, i - LOOKAHEAD) : i]
        ):
            break
    return start


# A cause chain's bare head (cargo's and anyhow's ``Caused by:``): the indented lines under it are its links.
_CAUSED_BY = asciitwin.lazy(r"^\s*Caused by:\s*$")


def _chained(lines: Numbered, i: int) -> bool:
    """``lines[i]`` is an indented link right under a bare ``Caused by:`` (cargo's ``process didn't exit
    successfully: ... (exit status: 1)``): the chain's, though it quotes an exit status."""
    return i > 0 and blocks.indent(lines[i][1]) > 0 and bool(_CAUSED_BY.match(lines[i - 1][1]))


def _lead_in(lines: Numbered, start: int, known: Known) -> int:
    """``start`` moved up by a line or two leading to the block (``==> Checking static analysis...``),
    or to the progress line the block is indented under; never to a code frame across a blank line."""
    taken, empty = 0, 0
    for i in range(start - 1, -1, -1):
        text = lines[i][1]
        # The line right above stays even when the passing run printed it too (context the block needs).
        if not (taken or empty) and parent(text, lines[start][1]):
            return i  # the progress line the block is indented under says what failed (pip's ``Collecting x``)
        # (A code frame a blank line above closes another diagnostic, rustc's ``   |``: it leads to nothing.)
        if taken == ABOVE_WITHOUT_HEADER or stop(text) or (known(text) and taken) or (empty and GUTTER.match(text)):
            break
        if blocks.blank(text):
            empty += 1
            if empty >= QUIET:
                break
            continue
        start, taken, empty = i, taken + 1, 0
    return start


def _parent_error(lines: Numbered, start: int) -> int:
    """An indented block's start moved up to the unindented error line it is the body of, when every line
    between is indented or blank (nix's ``error: Cannot build '...'.`` over its ``Reason:`` and ``Last 25
    log lines:``, a compiler's message over its notes): the body says what went wrong only under its
    head. A CI runner's line or chatter between, or a head that is no error, leaves the start."""
    if not blocks.indent(lines[start][1]):
        return start
    for j in range(start - 1, max(-1, start - BODY_REACH - 1), -1):
        text = lines[j][1]
        if blocks.blank(text):
            continue
        if blocks.chatter(text):
            return start
        if blocks.indent(text):
            continue
        return j if strong(text) and not blocks.symptom(text) else start
    return start


def runner(text: str) -> bool:
    """The CI runner's own line (GitHub's ``##[group]``, Travis' folds, GitLab's sections, Jenkins' steps)."""
    return bool(_RUNNER.match(text)) or blocks.pipeline_step(text)


def passed(text: str) -> bool:
    """A passing case's or check's line of a tool's own (``t/02.t .. ok``, ``✓ parses``, CTest's ``Passed``,
    a runner's dots for the cases that passed: ExUnit's ``...``), never the CI runner's."""
    if not blocks.chatter(text) or runner(text):
        return False
    dots = text.strip()
    return blocks.progress(text) == "pass" or bool(_PASSED.search(text)) or (dots == "." * len(dots) and dots != "")


def parent(text: str, first: str) -> bool:
    """A tool's progress line right above a block indented under it: what the tool was doing when it
    failed (pip's ``Collecting foo==9.9`` over ``  Could not find a version ...``, a download's URL
    over curl's error). A passing test or the CI runner's own line is never one."""
    if not blocks.chatter(text) or blocks.indent(text) >= blocks.indent(first) or blocks.symptom(text):
        return False
    return not (runner(text) or _PASSED.search(text) or blocks.passing_summary(text))


def _framed(lines: Numbered, start: int, at: int) -> int:
    """A report a tool framed between two identical rules (go's race detector's ``==================``
    above ``WARNING: DATA RACE`` and below its stacks): when a rule between the block's start and the
    root cause has its twin a few lines above the start, with a title saying what went wrong between
    them, the block starts at the twin. (A table framed by rules, a coverage report's, is no title.)"""
    rules = {lines[k][1].strip() for k in range(start, at) if SEPARATOR.match(lines[k][1])}
    titled = False
    for j in range(start - 1, max(-1, start - FRAME_REACH - 1), -1):
        text = lines[j][1]
        if not rules or stop(text) or blocks.blank(text):
            break
        if text.strip() in rules:
            return j if titled else start
        titled = titled or blocks.warning(text) or blocks.error_score(text) >= 2
    return start


def first_of_report(lines: Numbered, i: int) -> int:
    """From the failure header nearest a run's verdict, the first of the failures the verdict counts.

    A verdict closes the run's whole report (RSpec's ``Failures:`` with ``1)`` and ``2)`` under it,
    go's ``--- FAIL:`` of every test of a package): its block starts at the report's first header, not
    at its last failure. Headers at most ``REPORT_REACH`` apart, ``UP_REACH`` in all; a stop line
    (chatter, an exit line) or another run's verdict above ends the report.
    """
    top = i
    for j in range(i - 1, max(-1, i - UP_REACH - 1), -1):
        text = lines[j][1]
        if top - j > REPORT_REACH or stop(text) or blocks.summary(text):
            break
        if blocks.header(text) and not blocks.symptom(text):
            top = j
    return top


def reach(lines: Numbered, at: int, count: int) -> int:
    """The index ``count`` lines from ``at`` (negative: above), not past a stop line."""
    step = 1 if count > 0 else -1
    i = at
    for _ in range(abs(count)):
        if not 0 <= i + step < len(lines) or stop(lines[i + step][1]):
            break
        i += step
    return i
