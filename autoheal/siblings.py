"""Which further failures a log shows beside its root cause, found among the lines the scan kept.

A further failure is, in the failed sections (the root cause's own and every
other that failed): a line of the root cause's rule (``--- FAIL:`` after
``--- FAIL:``; the scan keeps only a rule's first and last hits, the others
are found again in the windows it kept around them), or, for a tool no rule
knows, a line of the anchor's family (a ``file:line:`` diagnostic or not, and
the first word of its message); a hit of the same category (a runner's
summary); or a specific cause of another kind (a timeout in a failing test's
output). A failure whose line repeats one already shown (a retry, a summary of
the failure above) says nothing new and is left out, as are warnings, chatter
and lines the passing run also printed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import re2

from autoheal import blocks, cause, lazyre
from autoheal.baseline import template
from autoheal.rules import Rule
from autoheal.scan import DocScan, Hit
from autoheal.sections import FAILED

Known = Callable[[str], bool]
Numbered = list[tuple[int, str]]

_NAMED = lazyre.compile(r"\(\?P<\w+>")
_LOCATION = lazyre.compile(r"^\s*\S+?\.\w{1,6}[:(]\d+(?:[:,]\d+)?\)?:?\s")
_WORD = lazyre.compile(r"[A-Za-z]+")
# A window is decoded only when the pool lacks this many lines on either side of a hit.
NEAR = 15
# How many siblings at most: beyond this many a list of failures says nothing new.
MAX_SIBLINGS = 30
# The kinship of a failed section's exit error (a script's ``ERROR: ...`` right above its exit line): as close as a
# hit of the root cause's category. (Not a tool's last words below its block: those are ends.words_below.)
EXIT_ERROR_KIN = 1
# How far from the root cause a script's exit error says something of its own (half the excerpt).
EXIT_ERROR_FAR = 20
# How many lines above the exit line a script's own error message may be (a line or two of output after it).
EXIT_ERROR_ABOVE = 2
# A line that says an error as a script says it before it exits: ``ERROR: ...``, ``Error: ...``, ``fatal: ...``
# (a tool's every line tagged ``[ERROR]`` is not one).
_SAYS_ERROR = lazyre.compile(r"^\s*(?:error|fatal)\b\s*[:!-]", re.I)


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
    # A summary's details are above it (a build driver's summary of a failed compile: the compiler's errors),
    # often further than its window.
    if blocks.summary(hit.text) or hit.rule.summary:
        lines = _with_tail(lines, scan.failed_tails.get(hit.section, []))
    last = section.end or hit.line + len(hit.after)
    if section.exit_code is not None and section.exit_line is not None and hit.line < section.exit_line <= last:
        # The runner's word that the section exited with a status, and its epilogue (Azure's "Finishing:
        # <task>"), are no part of the block (an action's own "##[error]<message>" is: it has no status).
        last = section.exit_line - 1
    # A Travis ``$ cmd`` line says which command printed the block: it may head the excerpt.
    first = section.start if section.kind == "command" else section.output_start
    return [(n, t) for n, t in lines if first <= n <= last or n == hit.line]


def _with_tail(lines: Numbered, tail: Numbered) -> Numbered:
    """The window around a run's verdict widened by its failed section's tail where they meet: a report
    longer than the window above its verdict (RSpec's ``Failures:`` over five failures) starts within
    the tail, and the block finding its start needs to see it. (Any other hit's block is found within
    its window.) Lines stay contiguous; a tail apart from the window adds nothing."""
    if not tail or not lines or tail[0][0] >= lines[0][0] or tail[-1][0] < lines[0][0] - 1:
        return lines
    first = lines[0][0]
    below = [(n, t) for n, t in tail if n > lines[-1][0]]
    if below and below[0][0] != lines[-1][0] + 1:
        below = []
    return [(n, t) for n, t in tail if n < first] + lines + below


def _failed_sections(anchor: Anchor) -> set[int]:
    """The anchor's own section and every other section that failed: where further failures are."""
    scan = anchor.scan
    own = {h.section for h in scan.hits if h.line == anchor.line}
    own |= {i for i, s in enumerate(scan.sections) if s.start <= anchor.line <= (s.end or scan.lines)}
    return own | {i for i, s in enumerate(scan.sections) if s.status == FAILED}


def _covered(pool: dict[int, str], line: int) -> bool:
    return all(n in pool for n in range(line - NEAR, line + NEAR + 1))


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
    """The pool's lines inside those sections, but their exit lines: the runner's word that they exited with a status."""
    ranges = [(scan.sections[i].output_start, scan.sections[i].end or scan.lines) for i in sections]
    exits = {scan.sections[i].exit_line for i in sections if scan.sections[i].exit_code is not None}
    return {n: t for n, t in pool.items() if n not in exits and any(lo <= n <= hi for lo, hi in ranges)}


def _is_sibling(anchor: Anchor, hit: Hit) -> int | None:
    """How close a hit is to the root cause's kind (0 its rule, 1 its category, 2 a specific cause), or None."""
    if anchor.rule is not None and hit.rule.id == anchor.rule.id:
        return 0
    if hit.rule.category == anchor.category and hit.rule.priority > cause.SYMPTOM:
        return 1
    if hit.rule.priority >= cause.MIN_CAUSE and hit.rule.severity != "warning":
        return 2
    return None


def _candidates(anchor: Anchor, pool: dict[int, str], sections: set[int], known: Known) -> list[tuple[int, int]]:
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
    for line in _exit_errors(anchor.scan, sections, known):
        # Near the root cause's block, the line is its driver's epilogue (cargo's "error: test failed").
        if line in pool and abs(line - anchor.line) > EXIT_ERROR_FAR:
            found[line] = min(EXIT_ERROR_KIN, found.get(line, EXIT_ERROR_KIN))
    usable = [(k, n) for n, k in sorted(found.items()) if evidence_line(pool[n], known)]
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


def _exit_errors(scan: DocScan, sections: set[int], known: Known) -> list[int]:
    """Per failed section, the line right above its exit line that says an error (a script's ``ERROR: ...``
    before it exits), blank lines and chatter aside (the runner's own lines between: GitLab's section ends,
    and in a Jenkins log its Pipeline's step and stage ends); never the exit line itself."""
    out = []
    for index in sorted(sections):
        tail = scan.failed_tails.get(index, [])
        above = [(n, t) for n, t in tail[:-1] if not (blocks.blank(t) or blocks.chatter(t))]
        above = above[-EXIT_ERROR_ABOVE:]
        for n, t in reversed(above):
            if _SAYS_ERROR.match(t) and not (blocks.symptom(t) or known(t)):
                out.append(n)
                break
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


def evidence_line(text: str, known: Known) -> bool:
    """A line that may show as evidence: not blank, chatter, a warning or info line (unless a block
    header: Maven's ``[INFO] Results:``), nor what the passing run also printed."""
    if blocks.blank(text) or blocks.chatter(text) or known(text):
        return False
    return not blocks.warning(text) or blocks.header(text)


@dataclass(frozen=True)
class Siblings:
    """The further failures: every line found, those that fit, and the lines they were found among."""

    lines: set[int]
    fit: list[int]
    pool: dict[int, str]
    starts: set[int]


def find(anchor: Anchor, lines: dict[int, str], room: int, known: Known) -> Siblings:
    """The further failures beside ``lines`` (the excerpt so far), at most ``room`` of them to show."""
    sections = _failed_sections(anchor)
    pool = _inside(anchor.scan, sections, _pool(anchor, sections))
    shown = {template(t) for t in lines.values()}
    sibs = [(k, n) for k, n in _candidates(anchor, pool, sections, known) if template(pool[n]) not in shown]
    # When not all fit: the closest kin first, the earliest of them first; shown in log order.
    fit = sorted(n for _, n in sorted(sibs)[: min(room, MAX_SIBLINGS)])
    chosen = set(fit)
    _widen(pool, anchor.scan, [h for h in anchor.scan.hits if h.line in chosen and h.section in sections])
    pool = _inside(anchor.scan, sections, pool)
    return Siblings({n for _, n in sibs}, fit, pool, chosen | set(lines))
