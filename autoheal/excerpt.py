"""Excerpts made of blocks: from the block's header to its end, without chatter.

Its edges come from the shape of the lines (edges.py: its start and lead; ends.py: its end; reports.py:
a build tool's report of a failed build, read as one).

A failing case's progress line in a run of them (``test x ... FAILED``, ``Test #3
....***Failed``) holds what the case printed before the next case's line, else
its details printed later under its name; a list of the failed cases printed
after them (``Failed tests:``) shows the last failing case above it first.

The root cause's block starts at its paragraph's head when a blank line opens
the paragraph a line or three above (a record's first fields, a title over the
errors). The block is shown whole and in order: a single blank line inside it stays (it
separates a failure's parts), a run of them shrinks to one, and runner/cache/
upload chatter and passing tests leave.

A line the passing run also printed (the baseline) never anchors the root
cause. The block's own lines are found without the baseline, and a baseline
takes out of it only what cannot be its failure: the block's tail below its
last new line, and runs of passing cases between its failures that passed in
that run too (a frame or a message the passing run also printed may well be
needed, so other familiar lines stay); around the block, it takes the familiar
context (the lines leading to it and the rule's declared context beyond it).

A block longer than ``MAX_EXCERPT`` is cut (cut.py: in its stack frames when it
is long for them, else keeping its header, the root cause's own failure and its
summary); the cut shows as a gap in the line numbers (rendered as ``⋮``). A
shorter block leaves its room to the rule's declared context around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from autoheal import blocks, cut, edges, ends, extents, fetches, gaps, lazyre, leads, reports

MAX_EXCERPT = edges.MAX_EXCERPT
BLANK_RUN = gaps.BLANK_RUN
OWN_OUTPUT = 30  # a failing case's own output, up to the next case's progress line, is this long at most
PARAGRAPH = 3  # lines above a block's start, up to its paragraph's start, that are still the block's head
Numbered = edges.Numbered
Known = Callable[[str], bool]
# A list of the failed cases, printed after their failures: names only, their messages are above.
_LIST = re.compile(
    r"(?i)^\s*(?:\[\w+\]\s*)?(?:failed tests|failing tests|the following tests failed|tests in error)\s*:\s*$"
)


def _clean(lines: Numbered, start: int, end: int, at: int, known: Known) -> list[tuple[int, str]]:
    """The block's lines without chatter and none blank at its edges; a run of blank lines longer than
    ``BLANK_RUN`` shrinks to one (a shorter one is how a tool separates a failure's parts: deno's and
    unittest's double blank lines, shellcheck's between findings).

    A case or two that passed between two of the block's lines stay (between two failing ones, or
    between a failure and the run's tally): the block reads as the tool printed it. A longer run of
    them, and other chatter, leave; so do the passing cases the passing run printed as well (``known``)."""
    kept: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []
    details = extents.documents(lines, start, end)
    request = range(fetches.head(lines, at), at)  # a download's progress line is chatter, not when it failed
    for i in range(start, end + 1):
        n, text = lines[i]
        if blocks.blank(text) or (
            i != at
            and i not in details
            and i not in request
            and blocks.chatter(text)
            and not (edges.SEPARATOR.match(text) or (i == start and _heads(lines, start, end)))
        ):
            run.append((n, text))
            continue
        if kept and run:
            kept += _between(run, known)
        run = []
        kept.append((n, text))
    return kept


def _between(run: list[tuple[int, str]], known: Known) -> list[tuple[int, str]]:
    """What stays of a run of blank and chatter lines between two of a block's lines: the whole run when
    it is ``SANDWICH`` lines at most and its chatter is the test runner's own (cases that passed between
    two failing ones, go's ``=== RUN``, TAP's YAML bounds: the block reads as the runner printed it);
    else its blank lines, or one of them when more than ``BLANK_RUN``. A case the passing run also
    passed (gaps.unfamiliar) is not part of this failure: it leaves such a run."""
    if gaps.sandwich([t for _, t in run]):
        return gaps.unfamiliar(run, known)
    blank = [x for x in run if blocks.blank(x[1])]
    return blank if len(blank) <= BLANK_RUN else blank[:1]


def _heads(lines: Numbered, start: int, end: int) -> bool:
    """Whether the chatter line a block starts at heads it: go test's ``=== CONT TestX`` naming whose
    output follows, a progress line the block is indented under (pip's ``Collecting x``)."""
    text = lines[start][1]
    return blocks.case_start(text) or (start < end and edges.parent(text, lines[start + 1][1]))


def _context_lines(lines: Numbered, lo: int, hi: int, known: Known) -> list[tuple[int, str]]:
    """Lines ``lo``..``hi`` shown as context around a block: no chatter, blank or baseline lines, nor a
    program's own info or debug records (a service starting and stopping around a failed test)."""
    return [(n, t) for n, t in lines[lo : hi + 1] if context_line(t, known)]


def context_line(text: str, known: Known) -> bool:
    """Whether a line beyond a block may show as its context: no chatter, blank or baseline line, nor a
    program's own info or debug record."""
    return not (blocks.blank(text) or blocks.chatter(text) or known(text) or blocks.low_level(text))


def block(
    lines: Numbered, anchor: int, known: Known, least: tuple[int, int] = (0, 0), lead: bool = True
) -> list[tuple[int, str]]:
    """The block holding line number ``anchor`` of ``lines`` (contiguous, numbered), cleaned and cut.

    ``lead``: the root cause's block starts at the line that opens it (leads.opener: Gradle's
    ``FAILURE: Build failed with an exception.`` over ``* What went wrong:``); a block of further
    evidence does without it (it says again that the build failed).

    ``least`` is how many lines above and below the anchor to show at least (a rule's
    declared context: a rule that matches a summary line knows its details sit above it);
    lines beyond the block itself are context, and baseline lines leave them.
    """
    at = next((i for i, (n, _) in enumerate(lines) if n == anchor), None)
    if at is None:
        return [(n, t) for n, t in lines if n == anchor]
    pieces = _pieces(lines, at, anchor, known, least, lead)
    if lead:
        pieces = _paragraph_head(lines, pieces, known) + pieces
    return gaps.bridge(pieces, dict(lines), known)


def _paragraph_head(lines: Numbered, kept: list[tuple[int, str]], known: Known) -> list[tuple[int, str]]:
    """The ``PARAGRAPH`` lines at most between a blank line and the block's start, when they fit: a
    record's first fields (a link checker's ``URL`` and ``Name`` over its ``Result``), a title
    (``=== Pod Logs (proxy) ===``). Below a chatter, warning, info, baseline or progress line (``_edge``)
    they are more of the build's work: none then."""
    first = next((i for i, (n, _) in enumerate(lines) if kept and n == kept[0][0]), 0)
    i = first
    while i > 0 and first - i <= PARAGRAPH and not _edge(lines[i - 1][1], known):
        i -= 1
    head = lines[i:first]
    if i == 0 or not blocks.blank(lines[i - 1][1]) or len(head) > PARAGRAPH or len(head) + len(kept) > MAX_EXCERPT:
        return []
    return list(head)


# A build driver's progress: Gradle's ``> Task :x``, BuildKit's plain ``#5 [2/3] RUN ...``, a percentage done.
_WORK = lazyre.compile(r"^\s*(?:> Task :|#\d+ )|\b\d{1,3}(?:\.\d+)?\s?%")


def _edge(text: str, known: Known) -> bool:
    """Where a paragraph's head stops: what may not be context, a warning, or build progress."""
    return not context_line(text, known) or blocks.warning(text) or bool(_WORK.search(text))


def _own_output(lines: Numbered, at: int) -> int | None:
    """For a failing case's progress line, the index of the last line it printed before the next
    case's progress line (CTest's ``--output-on-failure``, a pre-commit hook's details); None when
    it printed nothing, or when no progress line follows soon (the normal block edges hold then)."""
    for i in range(at + 1, min(len(lines), at + OWN_OUTPUT)):
        text = lines[i][1]
        if blocks.progress(text):
            shown = [t for _, t in lines[at + 1 : i] if not (blocks.blank(t) or blocks.chatter(t))]
            return i - 1 if shown else None
        if edges.stop(text) and not (edges.SEPARATOR.match(text) or edges.item_of_list(lines, i)):
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
    for i in range(at + 1, min(len(lines), at + edges.REACH_BELOW)):
        text = lines[i][1]
        if blocks.progress(text) or blocks.blank(text) or blocks.chatter(text):
            continue
        if named.search(text):
            return i
        if edges.stop(text):
            return None
    return None


def _case_above(lines: Numbered, at: int, start: int) -> int | None:
    """For a list of the failed cases (``Failed tests:``), the index of the first failing case's
    progress line of the run above it, whose messages the list does not repeat (ScalaTest's
    ``*** FAILED ***``): the last one, then up the run while its lines are failing cases, their
    details and the suites' names; a passing case, chatter or a blank line ends the run."""
    if not _LIST.match(lines[at][1]):
        return None
    last = next((i for i in range(start - 1, max(-1, at - edges.UP_REACH - 1), -1) if _failing(lines, i)), None)
    if last is None:
        return None
    first = last
    for i in range(last - 1, max(-1, last - MAX_EXCERPT), -1):
        text = lines[i][1]
        if blocks.blank(text) or edges.stop(text) or blocks.progress(text) == "pass" or blocks.summary(text):
            break
        if _failing(lines, i):
            first = i
    return first


def _failing(lines: Numbered, i: int) -> bool:
    return blocks.progress(lines[i][1]) == "fail"


def _details_pieces(lines: Numbered, at: int, known: Known) -> list[tuple[int, str]] | None:
    """A failing case's progress line that printed nothing below it, then its details printed later."""
    found = _details(lines, at)
    if found is None:
        return None
    start, headed = edges.find_start(lines, found, known)
    start = max(start, at + 1)
    end, ended = ends.find_end(lines, found, start)
    head = _clean(lines, at, at, at, known)
    body = cut.cut(_clean(lines, start, end, found, known), lines[found][0], headed, ended)
    return head + body[: MAX_EXCERPT - len(head)]


def _familiar_tail(lines: Numbered, at: int, end: int, known: Known) -> int:
    """The block's end moved up past its last lines that the passing run printed as well (and blank lines
    among them): below the failure's last new line, they are the job going on as it does when it passes
    (a JVM's start-up notices, the next step's banner), the block's tail running past its end (issue 8)."""
    while end > at and (known(lines[end][1]) or blocks.blank(lines[end][1])):
        end -= 1
    return end


def _pieces(
    lines: Numbered, at: int, anchor: int, known: Known, least: tuple[int, int], lead: bool = False
) -> list[tuple[int, str]]:
    start, headed = edges.find_start(lines, at, known)
    end, ended = extents.block_end(lines, at, start)
    if lead:
        start = min(start, fetches.head(lines, at))  # the request an HTTP error answers (fetches.py)
        start = reports.report_start(lines, at, leads.opener(lines, start, known))
    if blocks.progress(lines[at][1]) == "fail":
        # A case's progress line: its block holds what the case printed up to the next case's line,
        # else, when it printed nothing, its details printed later.
        own = _own_output(lines, at)
        if own is None and end == at:
            case = _details_pieces(lines, at, known)
            if case is not None:
                return case
        end = max(end, own or end)
    end = _familiar_tail(lines, at, end, known)
    above = _case_above(lines, at, start)
    if above is not None:
        # The failing cases first, then the list that names them: the whole run when it fits, else the
        # first case's block and the list.
        first = _pieces(lines, above, lines[above][0], known, (0, 0))
        top = next(i for i, (n, _) in enumerate(lines) if n == first[0][0])
        merged = _clean(lines, top, end, at, known)
        if len(merged) > MAX_EXCERPT:
            merged = first + [x for x in _clean(lines, start, end, at, known) if x[0] > first[-1][0]]
        if len(merged) <= MAX_EXCERPT:
            return merged
    above, below = min(start, edges.reach(lines, at, -least[0])), max(end, edges.reach(lines, at, least[1]))
    core = cut.trim_frames(_clean(lines, start, end, at, known))
    if len(core) >= MAX_EXCERPT:
        return cut.cut(core, anchor, headed, ended)
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
