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

Lines the passing run also printed (the baseline), warnings and chatter are
never evidence. Evidence comes only from the lines the scan kept (the windows
around its hits and the failed sections' last lines): no second pass over the log.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import re2

from autoheal import blocks, cause, excerpt
from autoheal.baseline import template
from autoheal.rules import Rule
from autoheal.scan import DocScan, Hit
from autoheal.sections import FAILED

Known = Callable[[str], bool]
Numbered = list[tuple[int, str]]

MAX_EXCERPT = excerpt.MAX_EXCERPT
_NAMED = re.compile(r"\(\?P<\w+>")
_LOCATION = re.compile(r"^\s*\S+?\.\w{1,6}[:(]\d+(?:[:,]\d+)?\)?:?\s")
_WORD = re.compile(r"[A-Za-z]+")
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


def _covered(pool: dict[int, str], line: int) -> bool:
    return all(n in pool for n in range(line - EVIDENCE_LINES, line + EVIDENCE_LINES + 1))


def _widen(pool: dict[int, str], scan: DocScan, hits: Sequence[Hit]) -> None:
    """Add the windows of these hits, those whose neighbourhood the pool does not hold yet.

    A hit's window is decoded on first use (decoding every hit's was a third of a
    scan's time), so a hit whose neighbourhood is already known is not decoded.
    """
    for hit in hits:
        if not _covered(pool, hit.line):
            pool.update(context(scan, hit))


def _pool(anchor: Anchor, sections: set[int]) -> dict[int, str]:
    """The numbered lines the scan kept inside those sections: the failed tails, every hit's line and
    the windows of the hits of the root cause's kind (further lines of its rule hide there)."""
    scan = anchor.scan
    pool: dict[int, str] = {}
    for index in sections:
        pool.update(scan.failed_tails.get(index, []))
    mine = [h for h in scan.hits if h.section in sections]
    pool.update((h.line, h.text) for h in mine)
    _widen(pool, scan, [h for h in mine if _is_sibling(anchor, h) in (0, 1)])
    return pool


def _inside(scan: DocScan, sections: set[int], pool: dict[int, str]) -> dict[int, str]:
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
    rule = anchor.rule
    if rule is not None:
        quick = _any_pattern(rule.patterns)
        for n, t in pool.items():
            if (quick is None or quick.search(t)) and rule.match(t) is not None:
                found[n] = 0
    elif anchor.line in pool:
        # No rule knows the tool: its further errors are lines of the same family as the anchor.
        family = _family(pool[anchor.line])
        found.update((n, 0) for n, t in pool.items() if _family(t) == family and blocks.error_score(t) >= 2)
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


def _family(text: str) -> tuple[bool, str]:
    """What kind of error line a tool printed: a ``file:line:`` diagnostic or not, and the first word
    of its message (``error``, ``broken``, ``ERROR``), case aside."""
    m = _LOCATION.match(text)
    word = _WORD.search(text[m.end() :] if m else text)
    return bool(m), word.group().lower() if word else ""


@functools.lru_cache(maxsize=64)
def _any_pattern(patterns: tuple[str, ...]) -> Any:
    """A rule's patterns as one RE2 alternation (groups unnamed): a line it misses is no line of the rule.

    One search per line instead of one per pattern: the pool holds thousands of lines.
    """
    joined = "|".join(f"(?:{_NAMED.sub('(?:', p)})" for p in patterns)
    try:
        return re2.compile(joined)
    except re2.error:
        return None


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


def _rest(line: int, pool: dict[int, str], starts: set[int], known: Known, have: set[int]) -> Numbered:
    """The rest of a sibling's own block, beyond its compact lines."""
    rest = excerpt.block(_run(line, pool, starts), line, known)
    return [(n, t) for n, t in rest if n not in have and _evidence_line(t, known)]


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


@dataclass(frozen=True)
class _Siblings:
    """The further failures: every line found, those that fit, and the lines they were found among."""

    lines: set[int]
    fit: list[int]
    pool: dict[int, str]
    starts: set[int]


def _find_siblings(anchor: Anchor, lines: dict[int, str], room: int, known: Known) -> _Siblings:
    sections = _failed_sections(anchor)
    pool = _inside(anchor.scan, sections, _pool(anchor, sections))
    shown = {template(t) for t in lines.values()}
    sibs = [(k, n) for k, n in _siblings(anchor, pool, sections, known) if template(pool[n]) not in shown]
    # When not all fit: the closest kin first, the earliest of them first; shown in log order.
    fit = sorted(n for _, n in sorted(sibs)[: min(room, MAX_SIBLINGS)])
    chosen = set(fit)
    _widen(pool, anchor.scan, [h for h in anchor.scan.hits if h.line in chosen and h.section in sections])
    pool = _inside(anchor.scan, sections, pool)
    return _Siblings({n for _, n in sibs}, fit, pool, chosen | set(lines))


def _share_siblings(sib: _Siblings, lines: dict[int, str], known: Known) -> None:
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
    room = MAX_EXCERPT - len(lines)
    if room >= 1:
        _add_evidence(anchor, lines, known)
    if around is not None and len(lines) < MAX_EXCERPT:
        extra = sorted((nt for nt in around() if nt[0] not in lines), key=lambda nt: abs(nt[0] - anchor.line))
        lines.update(extra[: MAX_EXCERPT - len(lines)])
    return sorted(lines.items())


def _add_evidence(anchor: Anchor, lines: dict[int, str], known: Known) -> None:
    sib = _find_siblings(anchor, lines, MAX_EXCERPT - len(lines), known)
    shown = {template(t) for t in lines.values()}
    for hit in _far_hits(anchor, known):
        room = MAX_EXCERPT - len(lines)
        if room < MIN_EVIDENCE or hit.line in lines or hit.line in sib.lines or template(hit.text) in shown:
            continue
        for n, t in _far_block(anchor, hit, room, known):
            lines.setdefault(n, t)
    _share_siblings(sib, lines, known)
