"""Excerpts made of blocks: from the block's header to its end, without chatter.

A block starts at its header (``FAILURES``, ``Results:``, ``--- FAIL:``, the
suite or case name) when one sits above the root cause, else a few lines of
what the tool printed above it; it ends where the tool's output stops being
about the failure (a run of blank, chatter or baseline lines, or the section's
end). Blank lines, runner/cache/upload chatter, passing tests and lines the
passing run also printed leave it. A block longer than ``MAX_EXCERPT`` keeps
its header, the first failure whole and its summary; the cut shows as a gap
in the line numbers (rendered as ``⋮``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from autoheal import blocks

MAX_EXCERPT = 40
HEADER_REACH = 40  # how far above the root cause a block header may be
ABOVE_WITHOUT_HEADER = 4
BREAK = 2  # this many lines of nothing in a row end a block...
LOOKAHEAD = 4  # ...unless errors resume this soon after
FIRST_FAILURE = 30  # lines kept from the root cause on, when a block is cut
SUMMARY = 9  # lines kept from the block's end, when it is cut

Numbered = Sequence[tuple[int, str]]
Known = Callable[[str], bool]


def _nothing(text: str, known: Known) -> bool:
    return blocks.blank(text) or blocks.chatter(text) or known(text)


def _start(lines: Numbered, at: int, known: Known) -> int:
    """Index where the block holding ``lines[at]`` starts."""
    empty, best = 0, None
    for i in range(at - 1, max(-1, at - HEADER_REACH - 1), -1):
        text = lines[i][1]
        if blocks.header(text):
            best = i
            break
        empty = empty + 1 if _nothing(text, known) else 0
        if empty >= BREAK:
            break
    if best is not None:
        return best
    # No header: the few lines the tool printed just above, across blank lines, not past chatter.
    start, taken = at, 0
    for i in range(at - 1, max(-1, at - 2 * ABOVE_WITHOUT_HEADER - 1), -1):
        text = lines[i][1]
        if blocks.chatter(text) or known(text) or taken == ABOVE_WITHOUT_HEADER:
            break
        if not blocks.blank(text):
            start, taken = i, taken + 1
    return start


def _resumes(lines: Numbered, i: int, known: Known) -> bool:
    """After a gap at ``i``, whether the block goes on: more errors or failures follow shortly."""
    for _, text in lines[i : i + LOOKAHEAD]:
        if not _nothing(text, known):
            return blocks.header(text) or blocks.error_score(text) >= 2
    return False


def _end(lines: Numbered, at: int, known: Known) -> int:
    """Index of the block's last line: before a run of nothing (blank, chatter, baseline
    lines) unless errors resume just after it."""
    end, empty = at, 0
    for i in range(at + 1, min(len(lines), at + MAX_EXCERPT * 3)):
        text = lines[i][1]
        if _nothing(text, known):
            empty += 1
            if empty >= BREAK and not _resumes(lines, i + 1, known):
                break
            continue
        empty = 0
        end = i
    return end


def _cut(kept: list[tuple[int, str]], anchor: int) -> list[tuple[int, str]]:
    """Header (and what leads to the root cause), the first failure whole, and the block's summary."""
    if len(kept) <= MAX_EXCERPT:
        return kept
    at = next((i for i, (n, _) in enumerate(kept) if n >= anchor), 0)
    head = kept[:at] if at <= ABOVE_WITHOUT_HEADER else kept[:1]
    first = kept[at : at + FIRST_FAILURE]
    room = MAX_EXCERPT - len(head) - len(first)
    summary = kept[max(at + FIRST_FAILURE, len(kept) - room) :] if room > 0 else []
    return head + first + summary


def block(lines: Numbered, anchor: int, known: Known) -> list[tuple[int, str]]:
    """The block holding line number ``anchor`` of ``lines`` (contiguous, numbered), cleaned and cut."""
    at = next((i for i, (n, _) in enumerate(lines) if n == anchor), None)
    if at is None:
        return [(n, t) for n, t in lines if n == anchor]
    start, end = _start(lines, at, known), _end(lines, at, known)
    kept = [(n, t) for i, (n, t) in enumerate(lines[start : end + 1], start) if _keep(lines, i, at, start, known)]
    return _cut(kept, anchor)


def _keep(lines: Numbered, i: int, at: int, start: int, known: Known) -> bool:
    """Blank and chatter lines leave; a baseline line stays only as context next to an error."""
    text = lines[i][1]
    if i in (at, start):
        return True
    if blocks.blank(text) or blocks.chatter(text):
        return False
    if not known(text):
        return True
    near = [lines[j][1] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return any(not known(t) and blocks.error_score(t) >= 2 for t in near)


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
