"""Excerpts made of blocks: from the block's header to its end, without chatter.

Edges come from the shape of the lines, never from a tool's name, so they hold
on tools no rule knows:

- Start. A block starts at its header (``FAILURES``, ``Results:``, ``--- FAIL:``,
  the suite or case name; the topmost of stacked ones, with the run's counts
  right above them) when one sits just above the root cause, else at the first
  of the error lines above it that belong to it and a line or two leading to
  them. Indented or attached lines carry the block up only to an error line
  above them; a run of them alone, or of located warnings, is another tool's
  output (unless the root cause is a warning or the verdict counting them).
- End. A block ends where the tool's output stops being about the failure:
  after a few lines with no error signal (no error wording, no ``file:line:``
  diagnostic, no stack frame, no diff line, no indented continuation) unless
  errors resume right after them; at a run's verdict (``FAIL pkg``, ``2 failed
  in 0.3s``, ``Found 3 errors``), which belongs to it with the command's exit
  lines right after it (``exit status 1``, make's ``*** Error 1``); and after a
  blank line, a line with no error signal starts a new paragraph.
- Depth. Once the first failure is whole and the block already holds ``SOFT``
  lines, the next failure's header at the same depth ends it (one failure in
  full says more than three cut short, and a second short one still fits); a
  header nested deeper (a subtest of the failing test) does not.

The block is shown whole and in order: a single blank line inside it stays (it
separates a failure's parts), a run of them shrinks to one, and runner/cache/
upload chatter and passing tests leave.

A line the passing run also printed (the baseline) never anchors the root
cause. The block's own lines are found without the baseline, so a baseline
never removes a line from inside the failing block (such a line may well be
needed there, a frame or a message the passing run also printed); it only
leaves the context around the block: the lines leading to it and the rule's
declared context beyond it.

A block longer than ``MAX_EXCERPT`` keeps its header, the root cause's own
failure whole from its header (the lines above the root cause when it sits
near the block's end: a long run of error lines fills the budget) and, when
the block's end was seen, its summary; the cut shows as a gap in the line
numbers (rendered as ``⋮``). A shorter block leaves its room to the rule's
declared context around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from autoheal import blocks

MAX_EXCERPT = 40
HEADER_COUNTS = 4  # count lines kept right above a header
HEADER_REACH = 12  # how far above the root cause a block header may be
ABOVE_WITHOUT_HEADER = 2  # lines above the root cause that lead to it, when no header does
QUIET = 3  # this many lines without an error signal in a row end a block...
LOOKAHEAD = 6  # ...unless errors resume this soon after
SOFT = 25  # a block this long ends at the next failure's header
SUMMARY = 8  # lines kept from the block's end, when it is cut
REACH_BELOW = MAX_EXCERPT * 3
EPILOGUE = 3  # verdict and exit lines kept right after a block's end
BRIDGE = 3  # a gap this short between two pieces of an excerpt is filled
UP_REACH = MAX_EXCERPT * 3  # how far above the root cause its block may start, without a header
OWN_OUTPUT = 30  # a failing case's own output, up to the next case's progress line, is this long at most

Numbered = Sequence[tuple[int, str]]
# A rule across the line (Catch2's dots, a row of dashes): a separator inside a block, not its end.
_SEPARATOR = re.compile(r"^\s*([-=~._*#])\1{4,}\s*$")
# A list of the failed cases, printed after their failures: names only, their messages are above.
_LIST = re.compile(
    r"(?i)^\s*(?:\[\w+\]\s*)?(?:failed tests|failing tests|the following tests failed|tests in error)\s*:\s*$"
)
Known = Callable[[str], bool]


def _strong(text: str) -> bool:
    """A line that alone says something failed. A located warning does not: it may sit inside a
    block (a linter that fails on warnings lists them there) but a run of them never carries one."""
    return blocks.header(text) or (blocks.error_score(text) >= 2 and not blocks.located_warning(text))


def _attached(text: str) -> bool:
    """A line that continues the one above: an indented detail, a frame, a diff or diagnostic line."""
    if blocks.blank(text) or blocks.chatter(text) or blocks.symptom(text):
        return False
    return text[:1] in (" ", "\t") or blocks.diff_line(text) or blocks.error_score(text) >= 1


def _stop(text: str) -> bool:
    """A line that is never part of a failure block: runner chatter or a command's "it failed" line.

    A tool's bare line prefix (``npm ERR!`` alone) is a blank line of its block, and a pointer to
    more (``For more information ...``) closes the block above it without ending it.
    """
    if blocks.chatter(text):
        return True
    return blocks.symptom(text) and not (blocks.header(text) or blocks.blank(text) or blocks.pointer(text))


def _item_of_list(lines: Numbered, i: int) -> bool:
    """A ``- key: value`` line under another: a detail of the list (pre-commit's ``- exit code: 1``)."""
    return i > 0 and lines[i][1].lstrip().startswith("- ") and lines[i - 1][1].lstrip().startswith("- ")


def _outer_header(lines: Numbered, i: int) -> int:
    """Headers stack (``Results:`` above ``Failures:``): the topmost of those a blank line or two apart.

    The run's counts right above a header belong to it (mocha's ``12 passing`` and ``1 pending``
    above ``2 failing``).
    """
    j = i
    while j > 0:
        above = [k for k in range(j - 1, max(-1, j - 4), -1) if not blocks.blank(lines[k][1])]
        if not above or not blocks.header(lines[above[0]][1]) or blocks.symptom(lines[above[0]][1]):
            break
        j = above[0]
    while j > 0 and j - 1 >= i - HEADER_COUNTS and blocks.count_line(lines[j - 1][1]):
        j -= 1
    return j


def _start(lines: Numbered, at: int, known: Known) -> tuple[int, bool]:
    """Index where the block holding ``lines[at]`` starts, and whether a header starts it."""
    empty = 0
    for i in range(at - 1, max(-1, at - HEADER_REACH - 1), -1):
        text = lines[i][1]
        if at - i <= 2 and blocks.summary(text):
            break  # the root cause follows a verdict: it closes the block the verdict ends
        if blocks.header(text) and not blocks.symptom(text):
            return _outer_header(lines, i), True
        empty = empty + 1 if blocks.blank(text) or blocks.chatter(text) else 0
        if empty >= QUIET:
            break
    # No header: the error lines above that belong to the same block, then a line or two leading to them.
    # Indented or attached lines only carry the block up to an error line above them: a run of
    # them alone (a warning's source lines, a build tool's task lines) is another tool's output.
    # Located warnings carry it only when the root cause is one of them or the verdict that counts
    # them (a linter failing on warnings).
    start, quiet = at, 0
    warnings = (
        blocks.located_warning(lines[at][1]) or blocks.summary(lines[at][1]) or blocks.counts_warnings(lines[at][1])
    )
    for i in range(at - 1, max(-1, at - UP_REACH - 1), -1):
        text = lines[i][1]
        if _stop(text):
            break
        if _strong(text) or blocks.summary(text) or (warnings and blocks.located_warning(text)):
            start, quiet = i, 0
            warnings = warnings or blocks.summary(text)
            continue
        if _attached(text):
            quiet = 0
            continue
        quiet += 1
        if quiet >= QUIET and not any(
            _strong(t) or (warnings and blocks.located_warning(t)) for _, t in lines[max(0, i - LOOKAHEAD) : i]
        ):
            break
    taken, empty = 0, 0
    for i in range(start - 1, -1, -1):
        text = lines[i][1]
        if taken == ABOVE_WITHOUT_HEADER or _stop(text) or known(text):
            break
        if blocks.blank(text):
            empty += 1
            if empty >= QUIET:
                break
            continue
        start, taken, empty = i, taken + 1, 0
    return start, False


def _resumes(lines: Numbered, i: int) -> bool:
    """After a quiet run ending before ``i``, whether the block goes on: errors follow shortly."""
    for _, text in lines[i : i + LOOKAHEAD]:
        if _stop(text):
            return False
        if _strong(text):
            return True
    return False


def _end(lines: Numbered, at: int, start: int) -> tuple[int, bool]:
    """Index of the block's last line, and whether its end was seen (not the end of what is known).

    A run's verdict (``FAIL pkg``, ``2 failed in 0.3s``, ``Found 3 errors``) ends the block and
    belongs to it, and so do the command's exit lines right after it (``exit status 1``, make's
    ``*** Error 1``). The next failure's header ends a block already ``SOFT`` lines long, unless
    it is nested deeper than the block's first line (a subtest of the failing test).
    """
    end, quiet = at, 0
    base = blocks.indent(lines[start][1])
    limit = min(len(lines), at + REACH_BELOW)
    tag = blocks.prefix(lines[at][1])
    for i in range(at + 1, limit):
        text = lines[i][1]
        if tag and blocks.prefix(text) == tag:
            # Every line the tool prefixes is of its block; its "it failed" line is the block's last.
            if blocks.blank(text):
                continue
            if _stop(text[text.index(tag) + len(tag) :]):
                return (i if i == end + 1 else end), True
            end, quiet = i, 0
            continue
        if blocks.summary(text) and not blocks.chatter(text):
            return _epilogue(lines, i), True
        if (_stop(text) and not _item_of_list(lines, i)) or (
            _next_failure(lines, i, start) and blocks.indent(text) <= base
        ):
            return _epilogue(lines, end), True
        if _strong(text) or _attached(text):
            end, quiet = i, 0
            continue
        quiet += 1
        if quiet >= QUIET and not _resumes(lines, i + 1):
            return _epilogue(lines, end), True
        if not blocks.blank(text) and quiet < QUIET and not blocks.blank(lines[i - 1][1]):
            end = i  # a line of the failure's own message, below it
    return end, limit < len(lines)


def _next_failure(lines: Numbered, i: int, start: int) -> bool:
    return blocks.header(lines[i][1]) and i - start >= SOFT and not blocks.header(lines[i - 1][1])


def _epilogue(lines: Numbered, end: int) -> int:
    """The block's end moved past the verdict and exit lines that directly follow it (a few at most)."""
    j = end
    while j + 1 < len(lines) and j - end < EPILOGUE and _closing(lines[j + 1][1]):
        j += 1
    return j


def _closing(text: str) -> bool:
    return (blocks.summary(text) and not blocks.chatter(text)) or blocks.terminator(text)


def _reach(lines: Numbered, at: int, count: int) -> int:
    """The index ``count`` lines from ``at`` (negative: above), not past a stop line."""
    step = 1 if count > 0 else -1
    i = at
    for _ in range(abs(count)):
        if not 0 <= i + step < len(lines) or _stop(lines[i + step][1]):
            break
        i += step
    return i


def _clean(lines: Numbered, start: int, end: int, at: int) -> list[tuple[int, str]]:
    """The block's lines without chatter, with blank runs shrunk to one and none at its edges."""
    kept: list[tuple[int, str]] = []
    for i in range(start, end + 1):
        n, text = lines[i]
        if i != at and blocks.chatter(text) and not _SEPARATOR.match(text):
            continue
        if blocks.blank(text) and (not kept or blocks.blank(kept[-1][1])):
            continue
        kept.append((n, text))
    while kept and blocks.blank(kept[-1][1]):
        kept.pop()
    return kept


def _context_lines(lines: Numbered, lo: int, hi: int, known: Known) -> list[tuple[int, str]]:
    """Lines ``lo``..``hi`` shown as context around a block: no chatter, blank or baseline lines."""
    return [(n, t) for n, t in lines[lo : hi + 1] if not (blocks.blank(t) or blocks.chatter(t) or known(t))]


def _cut(kept: list[tuple[int, str]], anchor: int, headed: bool, ended: bool) -> list[tuple[int, str]]:
    """Header, the first failure whole, and the block's summary when its end was seen."""
    if len(kept) <= MAX_EXCERPT:
        return kept
    at = next((i for i, (n, _) in enumerate(kept) if n >= anchor), 0)
    head = kept[:1] if headed and at > 0 else []
    summary = SUMMARY if ended else 0
    body = MAX_EXCERPT - len(head) - summary
    # From the root cause's own failure on (its header, a few lines up); when the root cause sits
    # near the block's end (a summary line), the lines above it.
    own = next((i for i in range(at, max(len(head), at - HEADER_REACH) - 1, -1) if blocks.header(kept[i][1])), at)
    lo = max(len(head), min(own, len(kept) - summary - body))
    first = kept[lo : lo + body]
    tail = kept[max(lo + len(first), len(kept) - summary) :] if summary else []
    return head + first + tail


def block(lines: Numbered, anchor: int, known: Known, least: tuple[int, int] = (0, 0)) -> list[tuple[int, str]]:
    """The block holding line number ``anchor`` of ``lines`` (contiguous, numbered), cleaned and cut.

    ``least`` is how many lines above and below the anchor to show at least (a rule's
    declared context: a rule that matches a summary line knows its details sit above it);
    lines beyond the block itself are context, and baseline lines leave them.
    """
    at = next((i for i, (n, _) in enumerate(lines) if n == anchor), None)
    if at is None:
        return [(n, t) for n, t in lines if n == anchor]
    return _bridged(lines, _pieces(lines, at, anchor, known, least), known)


def _bridged(lines: Numbered, kept: list[tuple[int, str]], known: Known) -> list[tuple[int, str]]:
    """The excerpt with its small gaps filled: a line or three between two of its pieces.

    A gap that short is part of what the pieces show (a line between a block
    and its declared context, a blank line left out of the context); showing
    it costs a line or three of the budget and spares the reader a ``⋮``.
    Chatter, baseline lines and blank runs stay out.
    """
    if not kept:
        return kept
    index = {n: i for i, (n, _) in enumerate(lines)}
    out: list[tuple[int, str]] = [kept[0]]
    room = MAX_EXCERPT - len(kept)
    for n, t in kept[1:]:
        prev, here = index.get(out[-1][0]), index.get(n)
        if prev is not None and here is not None and 1 < here - prev <= BRIDGE + 1 and here - prev - 1 <= room:
            for x in lines[prev + 1 : here]:
                if not (blocks.chatter(x[1]) or known(x[1]) or (blocks.blank(x[1]) and blocks.blank(out[-1][1]))):
                    out.append(x)
                    room -= 1
        out.append((n, t))
    return out


def _own_output(lines: Numbered, at: int) -> int | None:
    """For a failing case's progress line, the index of the last line it printed before the next
    case's progress line (CTest's ``--output-on-failure``, a pre-commit hook's details); None when
    it printed nothing, or when no progress line follows soon (the normal block edges hold then)."""
    for i in range(at + 1, min(len(lines), at + OWN_OUTPUT)):
        text = lines[i][1]
        if blocks.progress(text):
            shown = [t for _, t in lines[at + 1 : i] if not (blocks.blank(t) or blocks.chatter(t))]
            return i - 1 if shown else None
        if _stop(text) and not (_SEPARATOR.match(text) or _item_of_list(lines, i)):
            return None
    return None


def _details(lines: Numbered, at: int) -> int | None:
    """For a failing case's progress line with no output of its own, the index of its details below:
    the first line after the run of progress lines that names the case (cargo's ``---- name stdout
    ----``, pytest's ``____ name ____``)."""
    name = blocks.case_name(lines[at][1])
    if not name:
        return None
    named = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")
    for i in range(at + 1, min(len(lines), at + REACH_BELOW)):
        text = lines[i][1]
        if blocks.progress(text) or blocks.blank(text) or blocks.chatter(text):
            continue
        if named.search(text):
            return i
        if _stop(text):
            return None
    return None


def _case_above(lines: Numbered, at: int, start: int) -> int | None:
    """For a list of the failed cases (``Failed tests:``), the index of the last failing case's
    progress line above it, whose message the list does not repeat (ScalaTest's ``*** FAILED ***``)."""
    if not _LIST.match(lines[at][1]):
        return None
    for i in range(start - 1, max(-1, at - UP_REACH - 1), -1):
        if blocks.progress(lines[i][1]) == "fail":
            return i
    return None


def _details_pieces(lines: Numbered, at: int, known: Known) -> list[tuple[int, str]] | None:
    """A failing case's progress line that printed nothing below it, then its details printed later."""
    found = _details(lines, at)
    if found is None:
        return None
    start, headed = _start(lines, found, known)
    start = max(start, at + 1)
    end, ended = _end(lines, found, start)
    head = _clean(lines, at, at, at)
    return head + _cut(_clean(lines, start, end, found), lines[found][0], headed, ended)[: MAX_EXCERPT - len(head)]


def _pieces(lines: Numbered, at: int, anchor: int, known: Known, least: tuple[int, int]) -> list[tuple[int, str]]:
    start, headed = _start(lines, at, known)
    end, ended = _end(lines, at, start)
    if blocks.progress(lines[at][1]) == "fail":
        # A case's progress line: its block holds what the case printed up to the next case's line,
        # else, when it printed nothing, its details printed later.
        own = _own_output(lines, at)
        if own is None and end == at:
            case = _details_pieces(lines, at, known)
            if case is not None:
                return case
        end = max(end, own or end)
    above = _case_above(lines, at, start)
    if above is not None:
        # The failing case first, then the list that names it.
        first = _pieces(lines, above, lines[above][0], known, (0, 0))
        merged = first + [x for x in _clean(lines, start, end, at) if x[0] > first[-1][0]]
        if len(merged) <= MAX_EXCERPT:
            return merged
    above, below = min(start, _reach(lines, at, -least[0])), max(end, _reach(lines, at, least[1]))
    core = _clean(lines, start, end, at)
    if len(core) >= MAX_EXCERPT:
        return _cut(core, anchor, headed, ended)
    room = MAX_EXCERPT - len(core)
    before = _context_lines(lines, above, start - 1, known)[-room:] if room else []
    after = _context_lines(lines, end + 1, below, known)[: room - len(before)]
    return before + core + after


def key_lines(kept: Numbered, anchor: int, known: Known) -> tuple[int, ...]:
    """The root cause, then up to two more lines that say what failed (not repeats of it)."""
    keys = [anchor]
    shapes = {_shape(t) for n, t in kept if n == anchor}
    for n, t in kept:
        if len(keys) == 3:
            break
        if n <= anchor or known(t) or blocks.error_score(t) < 2 or _shape(t) in shapes:
            continue
        keys.append(n)
        shapes.add(_shape(t))
    return tuple(keys)


def _shape(text: str) -> str:
    return "".join(c for c in text if c.isalpha())[:40]
