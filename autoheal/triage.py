"""From scanned hits to one diagnosis: the root cause, its excerpt, key lines and fingerprint.

Data flows one way: scan (hits and sections) -> cause (which hit; or the
generic error block of the failed section, generic.py, when no rule explains
it) -> excerpt (the block around it) -> evidence (the further failures, sharing
the excerpt's room) -> fingerprint.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from autoheal import blocks, cause, evidence, excerpt, generic, headline, siblings, tools
from autoheal.baseline import Baseline
from autoheal.cause import Scope
from autoheal.fingerprint import fingerprint
from autoheal.logsource import LogDoc, open_input
from autoheal.models import Alternative, Diagnosis, ExcerptLine
from autoheal.rules import Rule, RuleSet
from autoheal.scan import DocScan, Hit, scan_doc

MAX_EXCERPT = excerpt.MAX_EXCERPT
MAX_ALTERNATIVES = 5
SUMMARY_CHARS = 200
TITLE_CHARS = 120
UNKNOWN_RULE = "none"
GENERIC_RULE = "generic.error-block"
GENERIC_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Found:
    """The root cause: a line, its category and rule, and the lines around it."""

    line: int
    text: str
    category: str
    rule: Rule | None
    context: list[tuple[int, str]]
    doc: LogDoc
    step: str | None
    captures: dict[str, str]


def _never(_: str) -> bool:
    return False


def _from_hit(scans: Sequence[DocScan], hit: Hit) -> Found:
    scan = next(s for s in scans if s.doc is hit.doc)
    return Found(
        hit.line, hit.text, hit.rule.category, hit.rule, siblings.context(scan, hit), hit.doc, hit.step, hit.captures
    )


def _command_category(scope: Scope) -> str | None:
    """What the failing command is, from its name (the step's, its inner commands', its sub-command's)."""
    sub = scope.command
    commands = [scope.section.command, *tools.inner_commands(t for _, t in scope.tail), *([sub.command] if sub else [])]
    return tools.command_category(commands)


def _scope_category(scope: Scope, hits: Sequence[Hit]) -> str:
    """What the failing command is; else what its symptom lines say (make, npm, a test target)."""
    category = _command_category(scope)
    if category:
        return category
    symptoms = [h for h in hits if h.rule.category != "unknown"]
    return max(symptoms, key=cause.rank).rule.category if symptoms else "unknown"


def _output(scope: Scope) -> list[tuple[int, str]]:
    """The failed section's last lines; of them, the failing sub-command's output when one is known:
    after its ``+ cmd`` trace, or up to its make recipe's failure line."""
    tail = [(n, t) for n, t in scope.tail if n >= scope.section.output_start]
    sub = scope.command
    if sub is None:
        return tail
    if sub.kind == "trace":
        after = [(n, t) for n, t in tail if n > sub.line]
        return after if len(after) > 1 else tail
    own = [(n, t) for n, t in tail if n <= sub.line]
    return own if len(own) > 2 else tail


def _traced(scope: Scope) -> frozenset[int]:
    """The lines of the section's ``+ cmd`` shell traces (``set -x``, Jenkins' ``sh``)."""
    return frozenset(c.line for c in scope.scan.commands if c.kind == "trace" and c.section == scope.index)


def _ran(scope: Scope, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``lines`` led by the failing command's trace when they follow it: what was running, as context."""
    sub = scope.command
    if sub is None or sub.kind != "trace" or not lines or lines[0][0] <= sub.line:
        return lines
    trace = [(n, t) for n, t in scope.tail if n == sub.line]
    return trace + lines


def _generic(scope: Scope, symptoms: Sequence[Hit], known: cause.Known) -> Found | None:
    """The section's generic error block, read from what its commands printed: a trace line says
    what ran, not what happened, so it is never the anchor (it stays in the excerpt as context)."""
    output = _output(scope)
    tail = [(n, t) for n, t in scope.tail if n >= scope.section.output_start]
    traced = _traced(scope)
    own = generic.anchor([(n, t) for n, t in output if n not in traced], known)
    anchor: tuple[int, bool] | None = own
    if own is not None and own[1]:
        context = _ran(scope, output)
    else:
        anchor, context = generic.anchor([(n, t) for n, t in tail if n not in traced], known) or own, tail
    if anchor is None:
        return None
    at, strong = anchor
    category = _scope_category(scope, symptoms)
    if not strong and category == "unknown":
        return None  # nothing reads as an error and nothing names the command: say so
    text = next(t for n, t in tail if n == at)
    step = scope.section.command or scope.scan.doc.step
    return Found(at, text, category, None, context, scope.scan.doc, step, {})


def _before_silence(scope: Scope, known: cause.Known) -> Found | None:
    """A step that failed without printing a word (``[ -n "$VERSION" ]``, ``test -f dist/app``) failed on
    what the steps before it left: the last error block they printed (a ``fatal:`` from ``git describe``
    that left the version empty), when the log's last lines still hold it. Only what reads as an error."""
    section, scan = scope.section, scope.scan
    if section.kind != "step" or any(
        not blocks.blank(t) for n, t in scope.tail if section.output_start <= n < (section.exit_line or n + 1)
    ):
        return None
    outputs = [(s.output_start, s.end or section.start - 1) for s in scan.sections if s.start < section.start]
    earlier = [(n, t) for n, t in scan.tail if n < section.start and any(a <= n <= b for a, b in outputs)]
    exit_line = next(((n, t) for n, t in scope.tail if n == section.exit_line), None)
    if not earlier or exit_line is None:
        return None
    anchor = generic.anchor([*earlier, exit_line], known)
    if anchor is None or not anchor[1]:
        return None
    text = next(t for n, t in earlier if n == anchor[0])
    return Found(anchor[0], text, "unknown", None, earlier, scan.doc, section.command or scan.doc.step, {})


# A checker (a linter, a template or schema checker) that says a file it checks cannot be parsed
# has a finding: the failure is the check's, not a broken configuration of the job. A located file
# opens the line (``[ERROR] templates/a.yaml: unable to parse YAML``, ``a.yml:3:1: syntax error``);
# a dotfile or a ``*config*`` file is the checker's own configuration, which stays a config error.
_PARSE_CATEGORIES = frozenset({"config.error", "syntax.error"})
_CHECKED_FILE = re.compile(r"^\s*(?:\[\w+\]\s*)?(?P<file>[\w./-]*[\w-]\.\w{1,6})(?::\d+)*:\s")


def _as_finding(scope: Scope | None, found: Found) -> Found:
    m = _CHECKED_FILE.match(found.text)
    if scope is None or found.category not in _PARSE_CATEGORIES or m is None:
        return found
    name = m["file"].rsplit("/", 1)[-1]
    if name.startswith(".") or "config" in name.lower() or _command_category(scope) != tools.LINT:
        return found
    return replace(found, category=tools.LINT)


# A hit elsewhere at or above this priority is a precise root cause (rules.yaml): it beats a
# generic block of the failed section, which only says that something there printed an error.
PRECISE = evidence.PRECISE


def find_cause(scans: Sequence[DocScan], known: cause.Known) -> Found | None:
    """The failed section's cause (a checker's parse error there is its finding); else a precise cause
    elsewhere, the generic block there, any cause, the error a silent failed step followed; else a symptom."""
    scope = cause.failed_scope(scans)
    tiers = cause.by_tier(scans, scope, known)
    hit = cause.best_cause(tiers[0])
    if hit is not None:
        return _as_finding(scope, _from_hit(scans, hit))
    elsewhere = cause.best_cause(tiers[1] + tiers[2])
    if elsewhere is not None and elsewhere.rule.priority >= PRECISE:
        return _from_hit(scans, elsewhere)
    if scope is not None and scope.tail:
        found = _generic(scope, tiers[0], known)
        if found is not None and (found.category != "unknown" or elsewhere is None):
            return found
    if elsewhere is not None:
        return _from_hit(scans, elsewhere)
    earlier = _before_silence(scope, known) if scope is not None else None
    if earlier is not None:
        return earlier
    symptoms = [h for t in (0, 1, 2) for h in tiers[t]]
    if symptoms:
        return _from_hit(scans, cause.anchor_of(max(symptoms, key=cause.rank), symptoms))
    return None


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
        return rule.hint.format_map(captures)
    except (KeyError, IndexError, ValueError):
        return rule.hint


def diagnose(scans: Sequence[DocScan], path: str, baseline: Baseline | None = None) -> Diagnosis:
    """Pick the root cause among every hit of every document of one input."""
    known = baseline.known if baseline is not None else _never
    found = find_cause(scans, known)
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
            hint=_hint(found.rule, found.captures),
            key_lines=excerpt.key_lines(kept, found.line, known),
        )
    )


def _telling(tail: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The line of the log's end that says most about the failure: the last of the most error-like,
    never a line that only says the build failed (Jenkins' ``Finished: FAILURE``) when another is there."""
    told = [(n, t) for n, t in tail if not blocks.symptom(t)] or tail
    return max(reversed(told), key=lambda line: blocks.error_score(line[1]), default=None)


def _unknown(scans: Sequence[DocScan], path: str) -> Diagnosis:
    """No rule matched and no error block: show the end of the log, where a failure usually is."""
    last = next((s for s in reversed(scans) if s.tail), scans[-1] if scans else None)
    tail = [(n, t) for n, t in (last.tail if last else []) if t.strip() and not blocks.chatter(t)]
    tail = tail[-MAX_EXCERPT:]
    excerpt_lines = tuple(ExcerptLine(n, t, last.doc.name if last else "") for n, t in tail)
    last_words = "\n".join(t for _, t in tail[-3:])
    said = _telling(tail)
    summary = _shorten(said[1], SUMMARY_CHARS) if said else "The log is empty."
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
