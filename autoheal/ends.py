"""Where an excerpt's block ends, from the shape of its lines (where it starts: edges.py).

- End. A block ends where the tool's output stops being about the failure:
  after a few lines with no error signal (no error wording, no ``file:line:``
  diagnostic, no stack frame, no diff line, no indented continuation) unless
  errors resume right after them; at a run's verdict (``FAIL pkg``, ``2 failed
  in 0.3s``, ``Found 3 errors``), which belongs to it with the command's exit
  lines right after it (``exit status 1``, make's ``*** Error 1``); and after a
  blank line, a line with no error signal starts a new paragraph. A diff's hunk
  is whole to its last line, whatever its lines say; a pointer to more below a
  verdict (rustc's ``For more information ...``) closes the block with it.
- Depth. Once the first failure is whole and the block already holds ``SOFT``
  lines, the next failure's header at the same depth ends it (one failure in
  full says more than three cut short, and a second short one still fits); a
  header nested deeper (a subtest of the failing test) does not.
"""

from __future__ import annotations

from collections.abc import Iterable

from autoheal import asciitwin, banners, blocks, edges
from autoheal.diffs import hunk_end
from autoheal.tallies import tally

Numbered = edges.Numbered
SOFT = 25  # a block this long ends at the next failure's header
EPILOGUE = 3  # verdict and exit lines kept right after a block's end


WRAP = 60  # a line this long at least, with no sentence end, may be wrapped onto the next
# A wrapped line's start: a lower-case word going on with the sentence, not a record's own tag
# (``warning: ...``, ``npm ERR! ...``, ``make[1]: ...``, ``ok  pkg``).
_GOES_ON = asciitwin.lazy(r"^[a-z]+(?: [^\sA-Z]|,|$)")


def wrapped(prev: str, text: str) -> bool:
    """``text`` goes on with the message a tool wrapped from the line above it: ``prev`` is long and
    ends mid-sentence, ``text`` starts in lower case (mkmf's ``Could not create Makefile due to some
    reason, probably lack of necessary`` / ``libraries and/or headers.  Check the mkmf.log file for more
    details.``). What the wrapped part says is the message's, never an end of its own."""
    tail = prev.rstrip()
    return len(tail) >= WRAP and (tail[-1].isalnum() or tail[-1] == ",") and bool(_GOES_ON.match(text))


def _resumes(lines: Numbered, i: int) -> bool:
    """After a quiet run ending before ``i``, whether the block goes on: errors follow shortly, or a
    stack frame right after it (the quiet lines were an exception's message, its frames follow)."""
    for k, (_, text) in enumerate(lines[i : i + edges.LOOKAHEAD]):
        if edges.stop(text):
            return False
        if edges.strong(text) or (k == 0 and blocks.frame(text)):
            return True
    return False


VERDICT_REACH = 12  # how far below a quiet run the run's verdict may be, the quiet lines still the failure's


def _verdict_below(lines: Numbered, i: int) -> bool:
    """After a quiet run ending before ``i``, whether the run's verdict or tally follows soon with nothing
    between that starts something else (a header, a stop line): the quiet lines are the failure's own
    output (a failing test's log records, a message without error words) and the verdict closes its
    block. The cases that passed after the failing one (``3/4 Test #3: x ... Passed``, ``t/02.t .. ok``)
    start nothing: the run's tally below them still closes the failure's block."""
    for _, text in lines[i : i + VERDICT_REACH]:
        if banners.verdict(text) or tally(text):
            return True
        if edges.passed(text):
            continue
        if edges.stop(text) or blocks.header(text):
            return False
    return False


def _failing_case_next(lines: Numbered, i: int) -> bool:
    """Whether, past the passing cases and blank lines from ``i``, the next line (a few at most) is another
    failing case's (jest's ``✓`` between two ``✕`` of a suite's list): the list is one block."""
    for _, text in lines[i : i + edges.QUIET + 1]:
        if blocks.blank(text) or edges.passed(text):
            continue
        return blocks.progress(text) == "fail" or (blocks.header(text) and not blocks.symptom(text))
    return False


def find_end(lines: Numbered, at: int, start: int) -> tuple[int, bool]:
    """Index of the block's last line, and whether its end was seen (not the end of what is known).

    A run's verdict (``FAIL pkg``, ``2 failed in 0.3s``, ``Found 3 errors``) ends the block and
    belongs to it, and so do the command's exit lines right after it (``exit status 1``, make's
    ``*** Error 1``). The next failure's header ends a block already ``SOFT`` lines long, unless
    it is nested deeper than the block's first line (a subtest of the failing test).
    """
    end, quiet = at, 0
    base = blocks.indent(lines[start][1])
    limit = min(len(lines), at + edges.REACH_BELOW)
    tag = blocks.prefix(lines[at][1])
    hunk = max((max(hunk_end(lines, k), banners.section_end(lines, k)) for k in range(start, at + 1)), default=at)
    for i in range(at + 1, limit):
        text = lines[i][1]
        if i <= hunk:
            end, quiet = i, 0
            continue
        hunk = hunk_end(lines, i)
        if i == end + 1 and wrapped(lines[end][1], text):
            end, quiet = i, 0
            continue
        if tag and i == end + 1 and blocks.box_end(text):
            return i, True  # the corner closing the box the tool framed its report in
        if tag and blocks.prefix(text) == tag:
            # Every line the tool prefixes is of its block; its "it failed" line is the block's last.
            if blocks.blank(text):
                continue
            if edges.stop(text[text.index(tag) + len(tag) :]):
                return (i if i == end + 1 else end), True
            end, quiet = i, 0
            continue
        if banners.verdict(text):
            return _epilogue(lines, i), True
        if edges.passed(text) and (_verdict_below(lines, i) or _failing_case_next(lines, i)):
            quiet += 1  # a case that passed after the failing one, the run's tally or another failing case below
            continue
        if banners.elided(lines, i):
            end, quiet = i, 0  # a snippet's elided lines, between two of its gutter lines
            continue
        if edges.stop(text) and banners.output_below(lines, i):
            end, quiet = i, 0  # the failed process's captured output follows: the cause is in it
            continue
        if (edges.stop(text) and not edges.item_of_list(lines, i)) or (
            _next_failure(lines, i, start) and blocks.indent(text) <= base
        ):
            return _epilogue(lines, end), True
        if edges.strong(text) or edges.attached(text):
            end, quiet = i, 0
            continue
        quiet += 1
        if quiet >= edges.QUIET and not (_resumes(lines, i + 1) or _verdict_below(lines, i + 1)):
            return _epilogue(lines, end), True
        if not blocks.blank(text) and quiet < edges.QUIET and not blocks.blank(lines[i - 1][1]):
            end = i  # a line of the failure's own message, below it
    return end, limit < len(lines)


def _next_failure(lines: Numbered, i: int, start: int) -> bool:
    return blocks.header(lines[i][1]) and i - start >= SOFT and not blocks.header(lines[i - 1][1])


def _epilogue(lines: Numbered, end: int) -> int:
    """The block's end moved past the verdict and exit lines that directly follow it (a few at most),
    then past a pointer to more a blank line below them and the error line right after it (rustc's
    ``For more information about this error, try `rustc --explain E0599`.``, then rustdoc's
    ``Couldn't compile the test.`` or cargo's ``error: could not compile `app` ...``)."""
    j = end
    while j + 1 < len(lines) and j - end < EPILOGUE and _closing(lines[j + 1][1]):
        j += 1
    k = j + 2 if j + 2 < len(lines) and blocks.blank(lines[j + 1][1]) else j + 1
    if k >= len(lines) or not blocks.pointer(lines[k][1]):
        return j
    after = lines[k + 1][1] if k + 1 < len(lines) else ""
    return k + 1 if edges.strong(after) and not (edges.stop(after) or blocks.header(after)) else k


def _closing(text: str) -> bool:
    return banners.verdict(text) or blocks.terminator(text)


TAIL = 8  # lines a tool prints below its block's end before it exits (blank ones aside) that are still its last words


def words_below(lines: Iterable[tuple[int, str | None]]) -> list[tuple[int, str]] | None:
    """Of the lines below a block's end, down to its command's exit line, the tool's last words: those before the
    runner's own work starts (chatter that is no passing case: GitLab's cache and artifacts, a cleanup), when
    they are ``TAIL`` lines at most, blank ones aside. None when there are more (the tool went on: no last words)
    or when a line is not known (a text of None: what the scan kept does not reach the block).

    The one reading of what a tool said after its block: the block takes those words when they are its
    message's quiet continuation (``last_words``); else the excerpt shows them as evidence (evidence.py).
    ``lines`` is read only as far as the words go: a hostile log's gap may be millions of lines.
    """
    words: list[tuple[int, str]] = []
    said = 0
    for n, text in lines:
        if text is None:
            return None
        if blocks.chatter(text) and not edges.passed(text):
            break
        words.append((n, text))
        said += not blocks.blank(text)
        if said > TAIL:
            return None
    return words


def last_words(lines: Numbered, end: int) -> int:
    """The block's end moved down to the last line the tool printed before it exited, when that is near.

    A tool's error often goes on in words no error signal marks (git's ``Another git process seems to
    be running``, cargo's ``required by package ...``, black's ``2 files would be reformatted``, a
    table of the vulnerable packages under its title), down to the line above the command's exit line,
    which says it failed. When ``lines`` reach that exit line (a failed command's output, as the
    generic block reads it) and all the lines between are the tool's last words (``words_below``), the
    block runs to the tool's last line, unless a run's verdict closed it or a line between starts
    something else (a passing case, another failure's header, a progress line, a CI runner's line):
    then those words are evidence, not the block's.
    """
    last = len(lines) - 1
    exited = False
    while last > end and (
        blocks.blank(lines[last][1]) or blocks.chatter(lines[last][1]) or blocks.symptom(lines[last][1])
    ):
        exited = exited or blocks.symptom(lines[last][1])
        last -= 1
    if not exited or last <= end:
        return end
    if banners.verdict(lines[end][1]) or tally(lines[end][1]) or blocks.chatter(lines[end][1]):
        return end  # (a run's verdict closed the block: what follows is the driver's)
    words = words_below(lines[end + 1 : last + 1])
    if words is None or len(words) < last - end:
        return end  # more than a few lines, or the runner's work between: no last words of the block
    if any(_starts_something(t) for _, t in words):
        return end
    return _epilogue(lines, last)  # with the command's exit lines right after it, as any block's end


def _starts_something(text: str) -> bool:
    """A line that is not the message's quiet continuation: one that reads as an error of its own (a
    further failure, a driver's epilogue: evidence shows it), chatter (a coverage report, an upload),
    a log record, a verdict, a passing case."""
    return (
        blocks.error_score(text) >= 2
        or edges.stop(text)  # chatter too, and with it a passing case (edges.passed needs chatter)
        or bool(edges.SEPARATOR.match(text))
        or blocks.low_level(text)
        or banners.verdict(text)
        or tally(text)
        or edges.runner(text)
        or (blocks.header(text) and not blocks.symptom(text))
        or blocks.progress(text) is not None
        or blocks.case_start(text)
    )
