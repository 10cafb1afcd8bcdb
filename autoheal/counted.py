"""Where a rule's hit gives way to the lines above it: the first report of an error it repeats, or the details
a verdict only counts (a checker's findings under its verdict, a compiler's errors under a build driver's
summary). The rule still names the failure; only its anchor moves (rootcause.py)."""

from __future__ import annotations

from autoheal import blocks, details
from autoheal.cause import Known
from autoheal.rules import Rule
from autoheal.tools import LINT

Numbered = list[tuple[int, str]]

# A checker's verdict may only count the findings it printed above it (a test runner's summary list, which
# the labels of real logs mark as the failure, stays the anchor: moving it lowered public2).
_COUNTED = frozenset({LINT})


def anchor(context: Numbered, line: int, rule: Rule | None, known: Known) -> int:
    """Where a hit's anchor goes: to the details a rule's verdict counts (``_details_first``), then, on a report
    that repeats an error printed earlier in its window, to the first report (details.original)."""
    if rule is not None:
        line = _details_first(context, line, rule, known)
    return details.original(context, line, known)


def _details_first(context: Numbered, line: int, rule: Rule, known: Known) -> int:
    """A rule's verdict that holds no detail of its own under findings printed just above it (Gradle's ``> 2 PMD
    rule violations were found`` under PMD's ``A.java:12: UnusedLocalVariable ...``), or a build driver's
    summary of a failed compile under the compiler's errors (Maven's ``Failed to execute goal
    ...maven-compiler-plugin`` under javac's ``A.java:[12,33] cannot find symbol``): the first cause wins over
    what counts it, so the details' first line is the anchor (details.above)."""
    if not (rule.category in _COUNTED or rule.summary):
        return line
    at = details.above(context, line, known, paragraph=True)
    if at == line:
        return line
    # Their block may open at a line that only says which task ran (Gradle's ``> Task :pmdMain FAILED``); an
    # error's own line above its indented location (rustc's ``error[E0425]: x`` over `` --> src/a.rs:3:5``) opens it.
    texts = dict(context)
    n = next((n for n, t in context if at <= n < line and details.detail(t)), at)
    if n > at and texts[n][:1].isspace() and blocks.error_score(texts.get(n - 1, "")) >= 2:
        n -= 1
    return n
