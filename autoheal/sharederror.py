"""The error a runner's summary lists for each failing test, read in the words of a cause (issue 8).

pytest's short summary (``ERROR tests/x.py::test_a - asyncpg.exceptions.InvalidPasswordError: password
authentication failed for user "ci"``), and runners that print a failing test's error after its name the same
way, say why each test failed on the verdict line itself. When the errors of most failing tests (two at least)
say one cause in causewords' or cues' vocabulary (a refused login, a refused connection, a missing program), that cause
explains the failures, as a rule's hit shown in most failures does (verdicts.explained); one test's error among
others stays that test's failure, and so does a test's message that names no cause (an assertion).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace

from autoheal import causewords, cues, lazyre
from autoheal.rule import Rule
from autoheal.scan import Hit
from autoheal.verdicts import EXPLAINS, TEST, failing_count, most

# The error after a failing test's name on its verdict line: pytest's ``FAILED x::t - Error: msg``.
_MESSAGE = lazyre.compile(r"^ - (?P<message>\S.*)$")


@functools.cache
def _rule(category: str) -> Rule:
    """What a verdict reads as when most failing tests' listed errors say ``category``: no catalogue rule."""
    return Rule(
        id="test.shared-error",
        category=category,
        patterns=(),
        doc="Most failing tests failed on the same cause, as the runner's summary lists their errors.",
        confidence=0.6,
        priority=60,
        hint="The failing tests share one cause (see the excerpt): fix it, not the tests.",
    )


def _said(verdict: Hit) -> str | None:
    """The cause the error listed after the verdict's test name says, if any."""
    name = verdict.captures.get("test") or ""
    at = verdict.text.find(name) if name else -1
    m = _MESSAGE.match(verdict.text[at + len(name) :]) if at >= 0 else None
    message = m["message"] if m else ""
    category = (causewords.line_category(message, unquoted=True) or cues.line_category(message)) if m else None
    return category if category in EXPLAINS else None


def shared_error(best: Hit, hits: Sequence[Hit]) -> Hit:
    """The first verdict whose listed error says the cause most failing tests' errors say, read as that cause;
    otherwise ``best`` unchanged."""
    if best.rule.category != TEST:
        return best
    verdicts = [h for h in hits if h.doc is best.doc and h.rule.category == TEST]
    by_test = {h.captures["test"]: h for h in verdicts if h.captures.get("test")}
    said: dict[str, list[Hit]] = {}
    for verdict in by_test.values():
        category = _said(verdict)
        if category:
            said.setdefault(category, []).append(verdict)
    failing = max(failing_count(verdicts), 1)
    for category, shown in said.items():
        if len(shown) >= 2 and most(len(shown), failing):
            return replace(min(shown, key=lambda h: h.line), rule=_rule(category))
    return best
