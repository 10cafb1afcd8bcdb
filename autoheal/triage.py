"""From scanned hits to one diagnosis: the root cause, its excerpt, key lines and fingerprint.

Data flows one way: scan (hits and sections) -> rootcause (which hit; or the
generic error block of the failed section, generic.py, when no rule explains
it) -> excerpt (the block around it) -> evidence (the further failures, sharing
the excerpt's room) -> fingerprint.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence
from dataclasses import replace

from autoheal import blocks, cause, evidence, excerpt, headline, rootcause, sections, siblings
from autoheal.baseline import Baseline
from autoheal.fingerprint import fingerprint
from autoheal.logsource import LogDoc, open_input
from autoheal.models import Alternative, Diagnosis, ExcerptLine
from autoheal.normalize import binary
from autoheal.rootcause import Found
from autoheal.rules import Rule, RuleSet
from autoheal.scan import DocScan, Hit, scan_doc

MAX_EXCERPT = excerpt.MAX_EXCERPT
MAX_ALTERNATIVES = 5
SUMMARY_CHARS = 200
TITLE_CHARS = 120
UNKNOWN_RULE = "none"
GENERIC_RULE = "generic.error-block"
GENERIC_CONFIDENCE = 0.5


def _never(_: str) -> bool:
    return False


def _alternatives(found: Found, hits: Sequence[Hit]) -> tuple[Alternative, ...]:
    best: dict[str, Hit] = {}
    chosen = found.rule.id if found.rule else None
    for hit in sorted(hits, key=cause.rank, reverse=True):
        if hit.rule.id != chosen:
            best.setdefault(hit.rule.id, hit)
    ranked = list(best.values())[:MAX_ALTERNATIVES]
    return tuple(Alternative(h.rule.id, h.rule.category, h.rule.confidence, h.line) for h in ranked)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _hint(rule: Rule | None, captures: dict[str, str]) -> str:
    if rule is None:
        return "No rule knows this tool's output: the excerpt shows the error block of the step that failed."
    try:
        fields = list(string.Formatter().parse(rule.hint))
    except ValueError:  # an unmatched brace: the hint is text
        return rule.hint
    # Only plain ``{name}`` fields take a capture: a user rule's ``{host.x}`` raised AttributeError (exit 3),
    # and a width (``{host:>999999999}``) would build a string of that size.
    if any(f is not None and (spec or conv or not f.isidentifier()) for _, f, spec, conv in fields):
        return rule.hint
    try:
        return rule.hint.format_map(captures)
    except KeyError:
        return rule.hint


def diagnose(scans: Sequence[DocScan], path: str, baseline: Baseline | None = None) -> Diagnosis:
    """Pick the root cause among every hit of every document of one input."""
    # A tool's own ``[Pipeline]`` tag in a GitHub Actions log is its output; Jenkins' steps are chatter.
    with blocks.pipeline_chatter(any(sections.jenkins_lines(s.sections) for s in scans) or not scans):
        return _diagnose(scans, path, baseline)


def _diagnose(scans: Sequence[DocScan], path: str, baseline: Baseline | None) -> Diagnosis:
    known = baseline.known if baseline is not None else _never
    found = rootcause.find_cause(scans, known)
    if found is None:
        return _unknown(scans, path)
    least = (found.rule.context_before, found.rule.context_after) if found.rule else (0, 0)
    block = excerpt.block(found.context, found.line, known)
    scan = next(s for s in scans if s.doc is found.doc)
    anchor = siblings.Anchor(scan, found.line, found.rule, found.category)
    kept = evidence.further(anchor, block, known, lambda: excerpt.block(found.context, found.line, known, least))
    rule_id = found.rule.id if found.rule else GENERIC_RULE
    confidence = found.rule.confidence if found.rule else GENERIC_CONFIDENCE
    if found.category == "unknown":
        confidence = min(confidence, 0.3)
    hits = [h for s in scans for h in s.hits]
    return _worded(
        Diagnosis(
            path=path,
            category=found.category,
            confidence=confidence,
            rule=rule_id,
            fingerprint=fingerprint(found.category, rule_id, found.captures, found.text),
            title=_shorten(f"{found.category}: {found.text.strip()}", TITLE_CHARS),
            summary=_shorten(found.text, SUMMARY_CHARS),
            excerpt=tuple(ExcerptLine(n, t, found.doc.name) for n, t in kept),
            captures=dict(found.captures),
            job=found.doc.job,
            step=found.step,
            alternatives=_alternatives(found, hits),
            severity=found.rule.severity if found.rule else "error",
            hint="" if found.reworded else _hint(found.rule, found.captures),
            key_lines=excerpt.key_lines(kept, found.line, known),
            rule_transient=found.rule.transient if found.rule else None,
        )
    )


def _telling(tail: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The line of the log's end that says most about the failure: the last of the most error-like,
    never a line that only says the build failed (Jenkins' ``Finished: FAILURE``) when another is there."""
    told = [(n, t) for n, t in tail if not blocks.symptom(t)] or tail
    return max(reversed(told), key=lambda line: blocks.error_score(line[1]), default=None)


def _junk(lines: list[tuple[int, str]]) -> set[tuple[int, str]]:
    """The lines of a log's end that are binary bytes (a build artefact or core dump cat into the log),
    which make no title or excerpt line. Where they are most of it, the short fragments between the
    dump's stray newline bytes go with them, and any line with invalid UTF-8 in it."""
    binaries = {line for line in lines if binary(line[1])}
    if len(binaries) * 2 < len(lines):
        return binaries
    return binaries | {line for line in lines if len(line[1].strip()) < 8 or "\ufffd" in line[1]}


def _unsaid(lines: list[tuple[int, str]], junk: set[tuple[int, str]]) -> str:
    """The summary of a log whose end has no line to tell: why not."""
    if not lines:
        return "The log is empty."
    if lines[-1] in junk:
        return "The log ends in binary bytes, not text."
    return "The log's end shows only routine or passing lines, none that says what failed."


def _unknown(scans: Sequence[DocScan], path: str) -> Diagnosis:
    """No rule matched and no error block: show the end of the log, where a failure usually is."""
    last = next((s for s in reversed(scans) if s.tail), scans[-1] if scans else None)
    lines = [(n, t) for n, t in (last.tail if last else []) if t.strip()]
    junk = _junk(lines)
    tail = [(n, t) for n, t in lines if not blocks.chatter(t) and (n, t) not in junk][-MAX_EXCERPT:]
    excerpt_lines = tuple(ExcerptLine(n, t, last.doc.name if last else "") for n, t in tail)
    last_words = "\n".join(t for _, t in tail[-3:])
    said = _telling(tail)
    summary = _shorten(said[1], SUMMARY_CHARS) if said else _unsaid(lines, junk)
    return _worded(
        Diagnosis(
            path=path,
            category="unknown",
            confidence=0.0,
            rule=UNKNOWN_RULE,
            fingerprint=fingerprint("unknown", UNKNOWN_RULE, {}, last_words),
            title=_shorten(f"unknown: {summary}", TITLE_CHARS),
            summary=summary,
            excerpt=excerpt_lines,
            job=last.doc.job if last else None,
            step=last.doc.step if last else None,
            hint="No rule recognised this failure; read the excerpt and the full log.",
            key_lines=(said[0],) if said else (),
        )
    )


def _worded(d: Diagnosis) -> Diagnosis:
    """Title and summary in a maintainer's words: ``job / step: message``, without tool prefixes.

    The fingerprint was made before, from the category, rule and evidence: a
    title never changes which issue an occurrence counts on.
    """
    summary = _shorten(headline.message(d), SUMMARY_CHARS)
    return replace(d, title=_shorten(headline.headline(d), TITLE_CHARS), summary=summary)


def triage_docs(docs: Iterable[LogDoc], ruleset: RuleSet, path: str, baseline: Baseline | None = None) -> Diagnosis:
    return diagnose([scan_doc(doc, ruleset) for doc in docs], path, baseline)


def triage_path(spec: str, ruleset: RuleSet, baseline: Baseline | None = None) -> Diagnosis:
    """Triage one command-line input (file, zip, directory or ``-``)."""
    return triage_docs(open_input(spec), ruleset, spec, baseline)
