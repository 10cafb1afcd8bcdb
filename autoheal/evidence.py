"""Further evidence beside the root cause's block: the failure's siblings, and a second failure elsewhere.

A runner seldom reports one failure once. Go prints ``--- FAIL:`` for every
failing test and ``FAIL pkg`` for every package, pytest a FAILURES block and
then its short summary, Maven surefire's stack and then ``Tests in error:``, a
compiler one error per file, a retried step the same failure again. The root
cause's block (excerpt.py) shows the first failure whole; the room the excerpt
has left is then shared among the rest:

1. a failure of another kind elsewhere in the log (a maintainer must not miss
   a second failure) gets a small block of its own, as does the last report
   of the chosen failure far below it (a runner's summary may be the one that
   says what failed);
2. every further failure in the failed sections (a line of the chosen rule, a
   hit of the same category, a specific cause such as a timeout shown in a
   failing test's output) gets a compact block: its line, the header just
   above it and the message lines just below. The room is shared fairly: each
   gets its first line before any gets a second, in log order, so one long
   failure never crowds out the list of the others.

Lines the passing run also printed (the baseline), warnings and chatter are
never evidence; evidence comes only from the lines the scan kept (the windows
around its hits and the failed sections' last lines), so it costs no second
pass over the log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from autoheal import blocks, cause, excerpt
from autoheal.baseline import template
from autoheal.rules import Rule
from autoheal.scan import DocScan, Hit
from autoheal.sections import FAILED

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
# How many siblings at most: beyond this many a list of failures says nothing new.
MAX_SIBLINGS = 30


@dataclass(frozen=True)
class Anchor:
    """The root cause the evidence is gathered around: its line, rule (None for a generic block) and category."""

    scan: DocScan
    line: int
    rule: Rule | None
    category: str


def context(scan: DocScan, hit: Hit) -> Numbered:
    """The hit and the lines the scanner kept around it, inside its section."""
    lines = [(hit.line - len(hit.before) + i, t) for i, t in enumerate(hit.before)]
    lines.append((hit.line, hit.text))
    lines += [(hit.line + 1 + i, t) for i, t in enumerate(hit.after)]
    section = scan.sections[hit.section] if hit.section < len(scan.sections) else None
    if section is None:
        return lines
    last = section.end or hit.line + len(hit.after)
    return [(n, t) for n, t in lines if section.output_start <= n <= last or n == hit.line]


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
    more = excerpt.block(context(anchor.scan, hit), hit.line, known)
    at = next((i for i, (n, _) in enumerate(more) if n == hit.line), 0)
    # From the block's own start (its header) when the hit is near it, else just above the hit.
    start = 0 if at < EVIDENCE_LINES // 2 else at - EVIDENCE_ABOVE
    return more[start : start + min(room, EVIDENCE_LINES)]


def _failed_sections(anchor: Anchor) -> set[int]:
    """The anchor's own section and every other section that failed: where further failures are."""
    scan = anchor.scan
    own = {h.section for h in scan.hits if h.line == anchor.line}
    own |= {i for i, s in enumerate(scan.sections) if s.start <= anchor.line <= (s.end or scan.lines)}
    return own | {i for i, s in enumerate(scan.sections) if s.status == FAILED}


def _pool(anchor: Anchor, sections: set[int]) -> dict[int, str]:
    """Every numbered line the scan kept inside those sections: its hits' windows and the failed tails."""
    scan = anchor.scan
    pool: dict[int, str] = {}
    for hit in scan.hits:
        if hit.section in sections:
            pool.update(context(scan, hit))
    for index in sections:
        pool.update(scan.failed_tails.get(index, []))
    ranges = [(scan.sections[i].output_start, scan.sections[i].end or scan.lines) for i in sections]
    return {n: t for n, t in pool.items() if any(lo <= n <= hi for lo, hi in ranges)}


def _is_sibling(anchor: Anchor, hit: Hit) -> int | None:
    """How close a hit is to the root cause's kind (0 its rule, 1 its category, 2 a specific cause), or None."""
    if anchor.rule is not None and hit.rule.id == anchor.rule.id:
        return 0
    if hit.rule.category == anchor.category and hit.rule.priority > cause.SYMPTOM:
        return 1
    if hit.rule.priority >= cause.MIN_CAUSE and hit.rule.severity != "warning":
        return 2
    return None


def _siblings(anchor: Anchor, pool: dict[int, str], sections: set[int], known: Known) -> list[tuple[int, int]]:
    """Lines of further failures as (kinship, line): the chosen rule's lines anywhere in the pool, then hits."""
    found: dict[int, int] = {}
    if anchor.rule is not None:
        for n, t in pool.items():
            if anchor.rule.match(t) is not None:
                found[n] = 0
    for hit in anchor.scan.hits:
        kin = _is_sibling(anchor, hit) if hit.section in sections else None
        if kin is not None and hit.line in pool:
            found[hit.line] = min(kin, found.get(hit.line, kin))
    usable = [(k, n) for n, k in sorted(found.items()) if _evidence_line(pool[n], known)]
    # A failure whose line repeats one already shown (a retry, the summary of a failure shown
    # above) says nothing new: the first of each shape stays.
    seen: set[str] = set()
    out = []
    for k, n in usable:
        shape = template(pool[n])
        if shape not in seen:
            seen.add(shape)
            out.append((k, n))
    return out


def _evidence_line(text: str, known: Known) -> bool:
    """A line that may show as evidence: not blank, chatter, a warning or info line (unless a block
    header: Maven's ``[INFO] Results:``), nor what the passing run also printed."""
    if blocks.blank(text) or blocks.chatter(text) or known(text):
        return False
    return not blocks.warning(text) or blocks.header(text)


def _header_above(line: int, pool: dict[int, str], starts: set[int], known: Known) -> int:
    """The header a line or two above ``line`` (blank lines between do not count), else ``line``."""
    seen = 0
    for n in range(line - 1, line - 2 * SIBLING_HEADER - 1, -1):
        text = pool.get(n)
        if text is None or n in starts or seen == SIBLING_HEADER:
            break
        if blocks.blank(text):
            continue
        if not _evidence_line(text, known):
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
        if not _evidence_line(text, known) or blocks.header(text) or blocks.symptom(text):
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


def _item(line: int, pool: dict[int, str], starts: set[int], known: Known) -> Numbered:
    """A sibling's lines, most telling first: its compact block, then the rest of its own block."""
    first = _compact(line, pool, starts, known)
    have = {n for n, _ in first}
    rest = excerpt.block(_run(line, pool, starts), line, known)
    rest = [(n, t) for n, t in rest if n not in have and _evidence_line(t, known)]
    ordered = sorted(first, key=lambda nt: (nt[0] < line, nt[0])) + rest
    return ordered[:EVIDENCE_LINES]


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


def _sibling_items(anchor: Anchor, lines: dict[int, str], room: int, known: Known) -> tuple[set[int], list[Numbered]]:
    """The further failures' lines, and the items of those that fit: each its lines, most telling first."""
    sections = _failed_sections(anchor)
    pool = _pool(anchor, sections)
    shown = {template(t) for t in lines.values()}
    sibs = [(k, n) for k, n in _siblings(anchor, pool, sections, known) if template(pool[n]) not in shown]
    # When not all fit: the closest kin first, the earliest of them first; shown in log order.
    fit = sorted(n for _, n in sorted(sibs)[: min(room, MAX_SIBLINGS)])
    starts = set(fit) | set(lines)
    items = [[(m, t) for m, t in _item(n, pool, starts - {n}, known) if m not in lines] for n in fit]
    return {n for _, n in sibs}, [item for item in items if item]


def further(anchor: Anchor, kept: Numbered, known: Known, around: Numbered | None = None) -> Numbered:
    """The root cause's block, then small blocks of further evidence while the excerpt has room.

    A far hit that is one of the further failures shares the room with them;
    one of another kind, or outside the failed sections, gets a block of its own first.
    ``around`` is the block with the rule's declared context around it: the room
    the evidence leaves goes to that context, the lines nearest the root cause first.
    """
    lines = dict(kept)
    room = MAX_EXCERPT - len(lines)
    if room >= 1:
        _add_evidence(anchor, lines, known)
    extra = sorted((nt for nt in around or [] if nt[0] not in lines), key=lambda nt: abs(nt[0] - anchor.line))
    lines.update(extra[: max(0, MAX_EXCERPT - len(lines))])
    return sorted(lines.items())


def _add_evidence(anchor: Anchor, lines: dict[int, str], known: Known) -> None:
    room = MAX_EXCERPT - len(lines)
    siblings, items = _sibling_items(anchor, lines, room, known)
    shown = {template(t) for t in lines.values()}
    for hit in _far_hits(anchor, known):
        room = MAX_EXCERPT - len(lines)
        if room < MIN_EVIDENCE or hit.line in lines or hit.line in siblings or template(hit.text) in shown:
            continue
        for n, t in _far_block(anchor, hit, room, known):
            lines.setdefault(n, t)
    room = MAX_EXCERPT - len(lines)
    for n, t in _share([[(n, t) for n, t in item if n not in lines] for item in items], room):
        lines.setdefault(n, t)
