"""From scanned hits to one diagnosis: the root cause, its excerpt and fingerprint."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from autoheal.baseline import Baseline
from autoheal.fingerprint import fingerprint
from autoheal.logsource import LogDoc, open_input
from autoheal.models import Alternative, Diagnosis, ExcerptLine
from autoheal.rules import Rule, RuleSet
from autoheal.scan import DocScan, Hit, scan_doc

MAX_EXCERPT = 40
MAX_ALTERNATIVES = 5
SUMMARY_CHARS = 200
TITLE_CHARS = 120
UNKNOWN_RULE = "none"


def _rank(hit: Hit) -> tuple[int, float, int]:
    # Highest priority first; then confidence; then the latest line: where two
    # rules tie, the one closest to the end of the log is what failed the job.
    return (hit.rule.priority, hit.rule.confidence, hit.line)


def _anchor(rule_id: str, hits: Sequence[Hit]) -> Hit:
    """The first hit of the chosen rule: the first error usually causes those after it."""
    return min((h for h in hits if h.rule.id == rule_id), key=lambda h: h.line)


# Further hits of the chosen rule or category far from its block: each shows itself and one line.
EXTRA_HITS = 3
# A failure of another category gets a block of its own: the error, 2 lines above, the rest below.
SECOND_BLOCK = 15
SECOND_ABOVE = 2
SECOND_MIN_PRIORITY = 60  # below this a rule is weak evidence or a symptom (see rules.yaml)


def _window(hit: Hit, before: int, after: int) -> list[ExcerptLine]:
    """The hit with ``before`` lines above and ``after`` below (what the scan kept)."""
    name = hit.doc.name
    above = hit.before[len(hit.before) - before :] if before > 0 else []
    below = hit.after[: max(after, 0)]
    lines = [ExcerptLine(hit.line - len(above) + i, t, name) for i, t in enumerate(above)]
    lines.append(ExcerptLine(hit.line, hit.text, name))
    lines += [ExcerptLine(hit.line + 1 + i, t, name) for i, t in enumerate(below)]
    return lines


def _trim_blank_edges(lines: list[ExcerptLine], keep: int) -> list[ExcerptLine]:
    """Drop blank lines at both ends, but never the hit line itself."""
    while lines and not lines[0].text.strip() and lines[0].line != keep:
        lines.pop(0)
    while lines and not lines[-1].text.strip() and lines[-1].line != keep:
        lines.pop()
    return lines


def _grown(chosen: Hit, room: int) -> tuple[int, int]:
    """Lines above and below the root-cause hit: the rule's context, then spare room.

    On the labelled benchmark logs the lines a maintainer needs sit mostly at
    and after the matched line (a failure header, then its details), so spare
    room goes below first, then above. Rules that match a summary line
    (``Process completed with exit code 1``) ask for more context above.
    """
    rule, above, below = chosen.rule, len(chosen.before), len(chosen.after)
    before = min(rule.context_before, above, room)
    after = min(rule.context_after, below, room - before)
    spare = room - before - after
    grow = min(spare, below - after)
    return before + min(spare - grow, above - before), after + grow


def build_excerpt(chosen: Hit, others: Sequence[Hit], second: Hit | None) -> tuple[ExcerptLine, ...]:
    """A contiguous block around the root cause, plus a few lines of further evidence.

    ``second`` is the strongest error of another kind elsewhere in the log: a
    block of its own keeps a maintainer from missing a second failure.
    """
    limit = MAX_EXCERPT
    far = [h for h in others if h.doc is not chosen.doc or abs(h.line - chosen.line) > limit]
    extra = far[:EXTRA_HITS]
    second_lines = _second_block(second) if second is not None else []
    room = limit - 1 - 2 * len(extra) - len(second_lines)
    before, after = _grown(chosen, room)
    picked = {(ln.file, ln.line): ln for ln in _trim_blank_edges(_window(chosen, before, after), chosen.line)}
    for ln in second_lines:
        picked.setdefault((ln.file, ln.line), ln)
    for hit in extra:
        for ln in _window(hit, 0, 1):
            if len(picked) < limit:
                picked.setdefault((ln.file, ln.line), ln)
    return tuple(sorted(picked.values(), key=lambda ln: (ln.file, ln.line)))


def _second_block(hit: Hit) -> list[ExcerptLine]:
    before = min(hit.rule.context_before, len(hit.before), SECOND_ABOVE)
    return _trim_blank_edges(_window(hit, before, SECOND_BLOCK - 1 - before), hit.line)


def _second(chosen: Hit, hits: Sequence[Hit]) -> Hit | None:
    """The best hit of another category, away from every hit of the chosen rule.

    Near a hit of the chosen rule it is more likely a symptom of the same failure.
    """
    mine = [h for h in hits if h.rule.id == chosen.rule.id]
    candidates = [
        h
        for h in hits
        if h.rule.category != chosen.rule.category
        and h.rule.priority >= SECOND_MIN_PRIORITY
        and all(h.doc is not m.doc or abs(h.line - m.line) > MAX_EXCERPT // 2 for m in mine)
    ]
    if not candidates:
        return None
    best = max(candidates, key=_rank)
    return _anchor(best.rule.id, candidates)


def _related(chosen: Hit, hits: Sequence[Hit]) -> list[Hit]:
    """More evidence for the excerpt: other hits of the chosen rule, then of its category."""
    same_rule = [h for h in hits if h is not chosen and h.rule.id == chosen.rule.id]
    same_cat = [h for h in hits if h.rule.id != chosen.rule.id and h.rule.category == chosen.rule.category]
    same_cat.sort(key=_rank, reverse=True)
    return same_rule + same_cat


def _alternatives(chosen: Hit, hits: Sequence[Hit]) -> tuple[Alternative, ...]:
    best: dict[str, Hit] = {}
    for hit in sorted(hits, key=_rank, reverse=True):
        if hit.rule.id != chosen.rule.id:
            best.setdefault(hit.rule.id, hit)
    ranked = list(best.values())[:MAX_ALTERNATIVES]
    return tuple(Alternative(h.rule.id, h.rule.category, h.rule.confidence, h.line) for h in ranked)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _hint(rule: Rule, captures: dict[str, str]) -> str:
    try:
        return rule.hint.format_map(captures)
    except (KeyError, IndexError, ValueError):
        return rule.hint


def diagnose(scans: Sequence[DocScan], path: str) -> Diagnosis:
    """Pick the root cause among every hit of every document of one input."""
    hits = [h for s in scans for h in s.hits]
    if not hits:
        return _unknown(scans, path)
    chosen = _anchor(max(hits, key=_rank).rule.id, hits)
    rule = chosen.rule
    summary = _shorten(chosen.text, SUMMARY_CHARS)
    return Diagnosis(
        path=path,
        category=rule.category,
        confidence=rule.confidence,
        rule=rule.id,
        fingerprint=fingerprint(rule.category, rule.id, chosen.captures, chosen.text),
        title=_shorten(f"{rule.category}: {chosen.text.strip()}", TITLE_CHARS),
        summary=summary,
        excerpt=build_excerpt(chosen, _related(chosen, hits), _second(chosen, hits)),
        captures=dict(chosen.captures),
        job=chosen.doc.job,
        step=chosen.step,
        alternatives=_alternatives(chosen, hits),
        severity=rule.severity,
        hint=_hint(rule, chosen.captures),
    )


def _unknown(scans: Sequence[DocScan], path: str) -> Diagnosis:
    """No rule matched: show the end of the log, where a failure usually is."""
    last = next((s for s in reversed(scans) if s.tail), scans[-1] if scans else None)
    tail = [(n, t) for n, t in (last.tail if last else []) if t.strip()]
    excerpt = tuple(ExcerptLine(n, t, last.doc.name if last else "") for n, t in tail[-MAX_EXCERPT:])
    evidence = "\n".join(t for _, t in tail[-3:])
    summary = _shorten(tail[-1][1], SUMMARY_CHARS) if tail else "The log is empty."
    return Diagnosis(
        path=path,
        category="unknown",
        confidence=0.0,
        rule=UNKNOWN_RULE,
        fingerprint=fingerprint("unknown", UNKNOWN_RULE, {}, evidence),
        title=_shorten(f"unknown: {summary}", TITLE_CHARS),
        summary=summary,
        excerpt=excerpt,
        job=last.doc.job if last else None,
        step=last.doc.step if last else None,
        hint="No rule recognised this failure; read the excerpt and the full log.",
    )


def triage_docs(docs: Iterable[LogDoc], ruleset: RuleSet, path: str, baseline: Baseline | None = None) -> Diagnosis:
    return diagnose([scan_doc(doc, ruleset) for doc in docs], path)


def triage_path(spec: str, ruleset: RuleSet, baseline: Baseline | None = None) -> Diagnosis:
    """Triage one command-line input (file, zip, directory or ``-``)."""
    return triage_docs(open_input(spec), ruleset, spec, baseline)
