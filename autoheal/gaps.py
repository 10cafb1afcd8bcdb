"""How the pieces of an excerpt join: a small gap between two of them is filled (excerpt.py finds them).

Split out of excerpt.py, which reads the blank runs a block keeps from here (``BLANK_RUN``).
"""

from __future__ import annotations

from collections.abc import Callable

from autoheal import blocks, edges, passlines

MAX_EXCERPT = edges.MAX_EXCERPT
BRIDGE = 3  # a gap this short between two pieces of an excerpt is filled
SANDWICH = 8  # a gap this short of cases that passed, between two pieces, is filled with them
# A run of blank lines this short inside a block stays (it separates a failure's parts), and a gap holding
# no longer run is filled.
BLANK_RUN = 3
Known = Callable[[str], bool]


def bridge(kept: list[tuple[int, str]], source: dict[int, str], known: Known) -> list[tuple[int, str]]:
    """The excerpt ``kept`` (in order) with its small gaps filled from ``source``: a line or three
    between two of its pieces, or up to ``SANDWICH`` lines of cases that passed between them.

    A gap that short is part of what the pieces show (a line between a block
    and its declared context or a sibling's lines, a blank line left out of the
    context); showing it costs a line or three of the budget and spares the
    reader a ``⋮``. Chatter, baseline lines and blank runs stay out, and a gap
    whose lines are not all known stays a gap. A gap of passing cases between two
    failing ones (go test -v's ``--- PASS``, VSTest's ``Passed``, Jest's ``✓``) is
    the run as the runner printed it: the two pieces read as one block then.
    """
    if not kept:
        return kept
    out: list[tuple[int, str]] = [kept[0]]
    room = MAX_EXCERPT - len(kept)
    for n, t in kept[1:]:
        size = n - out[-1][0] - 1
        gap = [(m, source[m]) for m in range(n - size, n) if m in source] if 0 < size <= min(SANDWICH, room) else []
        if gap and len(gap) == size:
            filled = _fill(gap, out[-1][1], known)
            out += filled
            room -= len(filled)
        out.append((n, t))
    return out


def _fill(gap: list[tuple[int, str]], before: str, known: Known) -> list[tuple[int, str]]:
    """What of a gap between two pieces shows: all of it when it is passing cases (``sandwich``), else the
    lines of a gap up to ``BRIDGE`` long that are not chatter, baseline or a second blank line."""
    if sandwich([t for _, t in gap]):
        return unfamiliar(gap, known)  # (its blank lines too, as inside a block: a run this short separates parts)
    if len(gap) > BRIDGE:
        return []
    out: list[tuple[int, str]] = []
    for x in gap:
        last = out[-1][1] if out else before
        if not (blocks.chatter(x[1]) or known(x[1]) or (blocks.blank(x[1]) and blocks.blank(last))):
            out.append(x)
    return out


def unfamiliar(run: list[tuple[int, str]], known: Known) -> list[tuple[int, str]]:
    """A sandwich (``run``) without the passing cases the passing run also printed (``known``: the
    baseline): a case that passed there and passes here says nothing of this failure (issue 8). A line
    naming a case whose output follows (go's ``=== CONT TestX``) stays: the output may be the failure's.
    A lone such case stays too: the gap it would leave shows as a line (``⋮``) all the same. Of blank
    lines left with nothing between them, one stays."""
    seen = {n for n, t in run if runner_line(t) and known(t) and not blocks.case_start(t)}
    if len(seen) < 2:
        return run
    rest = [x for x in run if x[0] not in seen]
    return rest if any(not blocks.blank(t) for _, t in rest) else rest[:1]


def sandwich(texts: list[str]) -> bool:
    """Lines between two of a block's pieces that are the test runner's for cases that passed or are starting
    (go's ``=== RUN X``, TAP's YAML bounds, a row of dots) and blank lines, ``SANDWICH`` at most: one of them a
    case or worded (go's ``=== NAME``), or all indented (a failing TAP point's YAML bounds). A lone ``---``
    flush left is a rule another tool drew, not a case's."""
    shown = [t for t in texts if not blocks.blank(t)]
    return (
        bool(shown)
        and len(texts) <= SANDWICH
        and all(runner_line(t) for t in shown)
        and (any(edges.passed(t) or _worded(t) for t in shown) or all(t[:1] in (" ", "\t") for t in shown))
        and _longest_blank_run(texts) <= BLANK_RUN
    )


def runner_line(text: str) -> bool:
    """A test runner's own line for a case that passed or is starting, never the CI runner's or a cache's."""
    return (passlines.passing_line(text) or edges.passed(text)) and not edges.runner(text)


def _longest_blank_run(texts: list[str]) -> int:
    longest = run = 0
    for t in texts:
        run = run + 1 if blocks.blank(t) else 0
        longest = max(longest, run)
    return longest


def _worded(text: str) -> bool:
    return any(c.isalnum() for c in text)
