"""How a block longer than the excerpt's budget is cut (excerpt.py finds the block).

A block long for its stack frames is cut in its frames: every message line
stays (each chained cause's ``Caused by:``, ``... 30 more``, the verdict) and
each trace keeps its first frames. Any other long block keeps its header, the
root cause's own failure whole from its header (the lines above the root cause
when it sits near the block's end) and, when the block's end was seen, its
summary. The cut shows as a gap in the line numbers (rendered as ``⋮``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from autoheal import blocks, edges

T = TypeVar("T")

MAX_EXCERPT = edges.MAX_EXCERPT
SUMMARY = 8  # lines kept from the block's end, when it is cut
FRAMES = 3  # a run of stack frames longer than this is cut first when a block is too long
LONG_TRACE = 10  # a run of stack frames longer than this is cut to its first FRAMES, whatever the block's length
FAILURES = 3  # a block holding this many failures of one shape keeps the head of each when cut
EACH = 3  # ...at least this many lines of each


def cut(kept: list[tuple[int, str]], anchor: int, headed: bool, ended: bool) -> list[tuple[int, str]]:
    """Header, the first failure whole, and the block's summary when its end was seen; or, for a block
    long for its stack frames, every other line and the first frames of each trace (``thin``)."""
    if len(kept) <= MAX_EXCERPT:
        return kept
    thinned = thin(kept, anchor) or each_head(kept, anchor)
    if thinned is not None:
        return thinned
    at = next((i for i, (n, _) in enumerate(kept) if n >= anchor), 0)
    head = kept[:1] if headed and at > 0 else []
    summary = SUMMARY if ended else 0
    body = MAX_EXCERPT - len(head) - summary
    # From the root cause's own failure on (its header, a few lines up); for a run's verdict, the first
    # failure it counts (the block is its report); else, when the root cause sits near the block's end
    # (a summary line), the lines above it.
    own = next((i for i in range(at, max(len(head), at - edges.HEADER_REACH) - 1, -1) if blocks.header(kept[i][1])), at)
    if headed and blocks.summary(kept[at][1]):
        own = next((i for i in range(len(head), at) if blocks.header(kept[i][1])), own)
    lo = max(len(head), min(own, len(kept) - summary - body))
    first = kept[lo : lo + body]
    tail = kept[max(lo + len(first), len(kept) - summary) :] if summary else []
    return head + first + tail


def trim_frames(kept: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A block whose trace runs longer than ``LONG_TRACE`` frames, that trace cut to its first ``FRAMES``: the
    error line and the frames where it was raised say what failed; the framework's and the task runner's
    frames below (rake's and bundler's thirty) do not, however much room the block has."""
    drop = {i for run in _runs(kept, _flush_frame) if len(run) > LONG_TRACE for i in run[FRAMES:]}
    return [line for i, line in enumerate(kept) if i not in drop]


def _runs(kept: list[tuple[int, str]], test: Callable[[str], bool]) -> list[list[int]]:
    """The indexes of ``kept``'s runs of consecutive lines that pass ``test``, each run once."""
    runs: list[list[int]] = []
    for i, (_, text) in enumerate(kept):
        if not test(text):
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _flush_frame(text: str) -> bool:
    """A frame that is its file's location alone, flush left, as a backtrace a task runner dumps (rake's
    ``/app/x.rb:3:in `f'``). An indented trace under its exception (Java's ``\tat ...``) and a crash
    report's numbered or prefixed frames (a sanitizer's ``#3 0x4f2a in f``) are the failure's report, shown whole."""
    return (text[:1].isalnum() or text[:1] in "/.~") and blocks.frame(text)  # (a path's first character)


def thin(kept: list[tuple[int, str]], anchor: int | None = None) -> list[tuple[int, str]] | None:
    """A block long for its stack frames, cut in its frames: every other line (the messages, each chained
    cause's ``Caused by:`` head, ``... 30 more``, the verdict), and of each run of frames its first
    ones, the first frame of every run before any run's second, while the budget allows. None when
    the other lines alone do not fit with a frame of each run, or when fewer than two runs, none long.

    A head-and-tail cut of a long trace showed its outer frames and the last few of its innermost
    cause, and lost the ``Caused by:`` lines between: what the failure was. The root cause's own line
    (``anchor``) is no frame to cut, whatever its shape (a Go test's ``validators.go:860: FAIL: ...`` log
    line, indented as a frame is).
    """
    at = next((i for i, (n, _) in enumerate(kept) if n == anchor), None)
    runs = [[i for i in run if i != at] for run in _runs(kept, blocks.frame)]
    runs = [run for run in runs if run]
    framed = sum(len(run) for run in runs)
    if len(runs) < 2 or not any(len(run) > FRAMES for run in runs) or len(kept) - framed + len(runs) > MAX_EXCERPT:
        return None  # (one trace alone: its head and the block's summary say more than its frames thinned)
    chosen = set(range(len(kept))) - {i for run in runs for i in run}
    chosen.update(by_depth(runs, MAX_EXCERPT - len(chosen)))  # (a block shorter than the budget: all of it)
    return [kept[i] for i in sorted(chosen)]


def each_head(kept: list[tuple[int, str]], anchor: int) -> list[tuple[int, str]] | None:
    """A long report of several failures of one shape (RSpec's ``1)`` ``2)``..., pytest's ``____ test_x
    ____``, go's ``--- FAIL:``), cut to the head of each: its lines before the first failure (when
    a few), the run's verdict with its paragraph and what follows (``SUMMARY`` lines at most), the root cause's own
    failure whole (the first, when the root cause is the verdict) and each other failure's first
    lines, the first line of every one before any one's second. None when fewer than ``FAILURES``
    share a shape, or when ``EACH`` lines of each do not fit with the root cause's.

    The head-and-tail cut showed the first failures whole and none of the others: a maintainer reads
    the list of what failed before the details of any one.
    """
    heads = _failure_heads(kept)
    if heads is None:
        return None
    verdict = next((i for i in range(heads[-1] + 1, len(kept)) if blocks.summary(kept[i][1])), len(kept))
    # The verdict's paragraph (RSpec's ``Finished in`` above its count, pytest's short summary) is its.
    while verdict - 1 > heads[-1] + EACH and not blocks.blank(kept[verdict - 1][1]) and len(kept) - verdict < SUMMARY:
        verdict -= 1
    tail = kept[verdict : verdict + SUMMARY]
    lead = kept[: heads[0]] if heads[0] <= EACH else kept[:1]
    room = MAX_EXCERPT - len(lead) - len(tail)
    if room < EACH * len(heads):
        return None
    parts = [kept[a:b] for a, b in zip(heads, [*heads[1:], verdict], strict=True)]
    own = next((k for k, part in enumerate(parts) if part[0][0] <= anchor <= part[-1][0]), 0)
    shown = parts.pop(own)
    if room - len(shown) < EACH * len(parts):
        return None
    return lead + sorted(shown + by_depth(parts, room - len(shown))) + tail


def _failure_heads(kept: list[tuple[int, str]]) -> list[int] | None:
    """Indices of the failures' headers of the most common shape (indent, and first character: a digit,
    a letter or that character), when ``FAILURES`` at least share it."""
    shapes: dict[tuple[int, str], list[int]] = {}
    for i, (_, text) in enumerate(kept):
        if blocks.header(text) and not (blocks.symptom(text) or blocks.summary(text)):
            first = text.strip()[:1]
            kind = "9" if first.isdigit() else "a" if first.isalpha() else first
            shapes.setdefault((blocks.indent(text), kind), []).append(i)
    heads = max(shapes.values(), key=len, default=[])
    return heads if len(heads) >= FAILURES else None


def by_depth(groups: Sequence[Sequence[T]], room: int) -> list[T]:
    """Up to ``room`` of the groups' items, the first of each, then the second of each...: every group shows
    its first before any shows its second (each trace's first frames, each failure's first lines)."""
    out: list[T] = []
    depth, longest = 0, max((len(group) for group in groups), default=0)
    while len(out) < room and depth < longest:
        out += [group[depth] for group in groups if depth < len(group)][: room - len(out)]
        depth += 1
    return out
