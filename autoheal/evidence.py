"""Further evidence beside the root cause's block: the failure's siblings, and a second failure elsewhere.

A runner seldom reports one failure once. Go prints ``--- FAIL:`` for every
failing test and ``FAIL pkg`` for every package, pytest a FAILURES block and
then its short summary, Maven surefire's stack and then ``Tests in error:``, a
compiler one error per file, a retried step the same failure again. The root
cause's block (excerpt.py) shows the first failure whole; the room the excerpt
has left (of ``MAX_EXCERPT`` lines) is then shared among the rest:

1. a failure of another kind elsewhere in the log (a maintainer must not miss
   a second failure) gets a small block of its own, as do far reports of the
   chosen failure outside the failed sections;
2. every further failure in the failed sections (a line of the chosen rule,
   or, for a tool no rule knows, a line of the anchor's family; a hit of the
   same category; a specific cause such as a timeout shown in a failing test's
   output) shares the rest fairly: each gets its line before any gets a
   second, then the header just above it and its message just below, then,
   while room is left, the rest of its own block. One long failure never
   crowds out the list of the others; a failure repeating a line already shown
   (a retry, a summary of the failure above) is left out;
3. what room is still left goes to the rule's declared context around the
   root cause's block, the lines nearest it first.

Between 2. and 3., the tool's last words: what it printed between the root
cause's block and the CI runner's exit line of its section, when that is a few
lines (``last_words``).

Lines the passing run also printed (the baseline), warnings and chatter are
never evidence. Evidence comes only from the lines the scan kept (the windows
around its hits and the failed sections' last lines): no second pass over the log.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from autoheal import blocks, cause, ends, excerpt, extents, gaps, lazyre
from autoheal.baseline import template
from autoheal.scan import Hit
from autoheal.sectiontable import Section
from autoheal.siblings import Anchor, Siblings, context, evidence_line, find

Known = Callable[[str], bool]
Numbered = list[tuple[int, str]]

MAX_EXCERPT = excerpt.MAX_EXCERPT
# A hit elsewhere at or above this priority is a precise root cause (rules.yaml).
PRECISE = 60
# Blocks of further evidence: at most this many lines each, this many above their hit, and only
# while the excerpt has this much room left.
EVIDENCE_LINES = 15
EVIDENCE_ABOVE = 2
MIN_EVIDENCE = 3
# A sibling failure's compact block: at most this many lines, from a header at most this far above it.
SIBLING_LINES = 3
SIBLING_HEADER = 2
# A progress bar (a download's, an upload's): how far it got, not how it ended.
_BAR = lazyre.compile(r"\[[=#>. -]{8,}\]")


def _far_hits(anchor: Anchor, known: Known) -> list[Hit]:
    """Hits worth a block of their own, best first: a failure of another kind, the chosen rule's last report."""
    usable = [h for h in anchor.scan.hits if not known(h.text) and h.rule.priority > cause.SYMPTOM]
    usable = [h for h in usable if abs(h.line - anchor.line) > MAX_EXCERPT // 2]
    chosen = anchor.rule.id if anchor.rule else None
    mine = [h for h in usable if h.rule.id == chosen]
    other = [
        h
        for h in usable
        if h.rule.category != anchor.category
        and h.rule.priority >= PRECISE
        and all(abs(h.line - m.line) > MAX_EXCERPT // 2 for m in mine)
    ]
    kin = sorted((h for h in usable if h.rule.category == anchor.category and h.rule.id != chosen), key=cause.rank)
    picked = [cause.anchor_of(max(other, key=cause.rank), other)] if other else []
    return picked + mine[-1:] + kin[-1:] + mine[:1]


def _far_block(anchor: Anchor, hit: Hit, room: int, known: Known) -> Numbered:
    more = excerpt.block(context(anchor.scan, hit), hit.line, known, lead=False)
    at = next((i for i, (n, _) in enumerate(more) if n == hit.line), 0)
    # The whole block when it fits; else from its own start (its header) when the hit is near it,
    # else just above the hit.
    size = min(room, EVIDENCE_LINES)
    start = 0 if len(more) <= size or at < EVIDENCE_LINES // 2 else at - EVIDENCE_ABOVE
    return more[start : start + size]


def _header_above(line: int, pool: dict[int, str], starts: set[int], known: Known) -> int:
    """The header a line or two above ``line`` (blank lines between do not count), else ``line``."""
    seen = 0
    for n in range(line - 1, line - 2 * SIBLING_HEADER - 1, -1):
        text = pool.get(n)
        if text is None or n in starts or seen == SIBLING_HEADER:
            break
        if blocks.blank(text):
            continue
        if not evidence_line(text, known):
            break
        if blocks.header(text) and not blocks.symptom(text):
            return n
        seen += 1
    return line


def _compact(line: int, pool: dict[int, str], starts: set[int], known: Known) -> Numbered:
    """A sibling's own lines: the header just above it, the line, then the message lines just below it."""
    start = _header_above(line, pool, starts, known)
    out = [(start, pool[start])] if start != line else []
    out.append((line, pool[line]))
    n = line + 1
    while len(out) < SIBLING_LINES and n in pool and n not in starts:
        text = pool[n]
        if not evidence_line(text, known) or blocks.header(text) or blocks.symptom(text):
            break
        if not (text[:1] in (" ", "\t") or blocks.error_score(text) >= 1 or blocks.diff_line(text)):
            break
        out.append((n, text))
        n += 1
    return out


def _run(line: int, pool: dict[int, str], starts: set[int]) -> Numbered:
    """The contiguous lines of the pool around ``line``, not reaching another failure's line."""
    lo = line
    while lo - 1 in pool and lo - 1 not in starts and line - lo < EVIDENCE_LINES:
        lo -= 1
    hi = line
    while hi + 1 in pool and hi + 1 not in starts and hi - line < EVIDENCE_LINES:
        hi += 1
    return [(n, pool[n]) for n in range(lo, hi + 1)]


def _rest(line: int, pool: dict[int, str], starts: set[int], known: Known, have: set[int]) -> Numbered:
    """The rest of a sibling's own block, beyond its compact lines."""
    rest = excerpt.block(_run(line, pool, starts), line, known, lead=False)
    # The block's lines, the line naming whose output it is (go test's ``=== CONT X``), and a YAML document
    # under it whole (a further failing TAP point's details up to their closing ``...``, which reads as chatter).
    whole = extents.documents(rest, 0, len(rest) - 1)
    return [
        (n, t)
        for i, (n, t) in enumerate(rest)
        if n not in have and (i in whole or evidence_line(t, known) or _names_case(t, known))
    ]


def _names_case(text: str, known: Known) -> bool:
    return blocks.case_start(text) and not known(text)


def _share(items: Sequence[Numbered], room: int) -> Numbered:
    """Round-robin: every item's first line, then every item's second line... while there is room."""
    out: Numbered = []
    depth = 0
    while room > 0 and any(depth < len(item) for item in items):
        for item in items:
            if depth < len(item) and room > 0:
                out.append(item[depth])
                room -= 1
        depth += 1
    return out


def _share_siblings(sib: Siblings, lines: dict[int, str], known: Known) -> None:
    """Each further failure's compact lines, shared round-robin; then, while room is left, the rest of its block."""
    compact = {n: _compact(n, sib.pool, sib.starts - {n}, known) for n in sib.fit}
    ordered = [sorted(c, key=lambda nt: (nt[0] < n, nt[0])) for n, c in compact.items()]
    for n, t in _share([[x for x in item if x[0] not in lines] for item in ordered], MAX_EXCERPT - len(lines)):
        lines.setdefault(n, t)
    room = MAX_EXCERPT - len(lines)
    if room < 1:
        return
    have = {m for c in compact.values() for m, _ in c}
    rests = [_rest(n, sib.pool, sib.starts - {n}, known, have)[: EVIDENCE_LINES - len(compact[n])] for n in sib.fit]
    for n, t in _share([[x for x in item if x[0] not in lines] for item in rests], room):
        lines.setdefault(n, t)


def further(anchor: Anchor, kept: Numbered, known: Known, around: Callable[[], Numbered] | None = None) -> Numbered:
    """The root cause's block, then small blocks of further evidence while the excerpt has room.

    A far hit that is one of the further failures shares the room with them;
    one of another kind, or outside the failed sections, gets a block of its own first.
    ``around`` gives the block with the rule's declared context around it: the room
    the evidence leaves goes to that context, the lines nearest the root cause first.
    """
    lines = dict(kept)
    source = dict(kept)
    room = MAX_EXCERPT - len(lines)
    if room >= 1:
        source.update(_add_evidence(anchor, lines, known))
    tail = [nt for nt in last_words(anchor, kept, known) if nt[0] not in lines]
    if len(lines) + len(tail) <= MAX_EXCERPT:  # (all of them or none: a tool's last words cut read as its end)
        lines.update(tail)
        source.update(tail)
    if around is not None and len(lines) < MAX_EXCERPT:
        near = around()
        source.update(near)
        extra = sorted((nt for nt in near if nt[0] not in lines), key=lambda nt: abs(nt[0] - anchor.line))
        lines.update(extra[: MAX_EXCERPT - len(lines)])
    return gaps.bridge(sorted(lines.items()), source, known)


def last_words(anchor: Anchor, kept: Numbered, known: Known) -> Numbered:
    """What the tool printed between the root cause's block and its section's exit line, when those are its
    last words (ends.words_below): no blank, chatter, baseline or info lines.

    A run's verdict ends a block (ends.py), yet the tool often says more before it exits: dart's hint
    under ``Some tests failed.``, cabal's ``Test suite spec: FAIL`` under hspec's tally, zig's build
    runner's last error, nx's list of the targets that failed, go's last ``FAIL``. The exit line says the
    job failed; the lines just above it say how the tool ended. Read from the failed section's tail the
    scan kept: nothing when it does not reach the block.
    """
    if not kept:
        return []
    scan = anchor.scan
    index = section_of(scan.sections, anchor.line)
    if index is None:
        return []
    section = scan.sections[index]
    if section.exit_code is None or section.exit_line is None:
        return []
    pool = dict(scan.failed_tails.get(index, []))
    # Read from the kept tail only as far as the words go, never the whole gap: a line the tail does not
    # hold means the words do not reach the block.
    below = ((n, pool.get(n)) for n in range(max(n for n, _ in kept) + 1, section.exit_line))
    return [(n, t) for n, t in ends.words_below(below) or [] if _last_word(t, known)]


def section_of(sections: Sequence[Section], line: int) -> int | None:
    """The innermost section holding ``line``: the last one starting at or above it (a log's own section holds
    them all). Starts grow with the index, so a bisection: older sections are frozen (sectiontable.Sections),
    and reading each of a hostile log's 500k would cost a thaw apiece."""
    index = bisect.bisect_right(range(len(sections)), line, key=lambda i: sections[i].start) - 1
    return index if index >= 0 else None


def _last_word(text: str, known: Known) -> bool:
    """A line of a tool's last words worth showing: not the driver's word that the command failed (npm's
    ``ELIFECYCLE``, Gradle's ``BUILD FAILED in 4s``, make's ``*** [all] Error 2``: they say that it failed,
    never why), nor a progress bar, nor what a context line may not be."""
    return excerpt.context_line(text, known) and not (blocks.symptom(text) or _BAR.search(text))


def _add_evidence(anchor: Anchor, lines: dict[int, str], known: Known) -> dict[int, str]:
    """Add the further evidence to ``lines``; return the lines it was found among."""
    sib = find(anchor, lines, MAX_EXCERPT - len(lines), known)
    shown = {template(t) for t in lines.values()}
    for hit in _far_hits(anchor, known):
        room = MAX_EXCERPT - len(lines)
        if room < MIN_EVIDENCE or hit.line in lines or hit.line in sib.lines or template(hit.text) in shown:
            continue
        for n, t in _far_block(anchor, hit, room, known):
            lines.setdefault(n, t)
    _share_siblings(sib, lines, known)
    return sib.pool
