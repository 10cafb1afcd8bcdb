"""The error a runner's summary lists for each failing test, read in the words of a cause (issue 8).

pytest's short summary (``ERROR tests/x.py::test_a - asyncpg.exceptions.InvalidPasswordError: password
authentication failed for user "ci"``), and runners that print a failing test's error after its name the same
way, say why each test failed on the verdict line itself. When the errors of most failing tests (two at least,
or one for a cause that is why a test failed wherever it shows: a missing module, a crash) say one cause in
causewords' or cues' vocabulary (a refused login, a refused connection, a missing program), that cause explains
the failures, as a rule's hit shown in most failures does (verdicts.explained); one test's error among others
stays that test's failure, and so does a test's message that names no cause (an assertion). With no message
on the line, a missing or unresolvable dependency its own output says is read (pytest's collection errors).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace

from autoheal import blocks, causewords, cues, lazyre
from autoheal.rules import Rule
from autoheal.scan import Hit
from autoheal.verdicts import EXPLAINS, STAYS, TEST, TEST_OUTPUT, failing_count, most

# The error after a failing test's name on its verdict line: pytest's ``FAILED x::t - Error: msg``.
_MESSAGE = lazyre.compile(r"^ - (?P<message>\S.*)$")
# What a failing test's own output may say that is why it failed, not what it checked.
_INSTALLED = frozenset({"dependency.missing", "dependency.resolution"})


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
    """The cause the error listed after the verdict's test name says, if any; else a missing or unresolvable
    dependency its own output says (pytest's ``ERROR collecting x.py`` over ``E   ModuleNotFoundError: ...``),
    up to the next failure's header: what a test prints of any other kind may be what it checked."""
    name = verdict.captures.get("test") or verdict.captures.get("file") or ""
    at = verdict.text.rfind(name) if name else -1  # (the name may show earlier on the line, in its path)
    m = _MESSAGE.match(verdict.text[at + len(name) :]) if at >= 0 else None
    if m:
        message = m["message"]
        category = causewords.line_category(message, unquoted=True) or cues.line_category(message)
        return category if category in EXPLAINS else None
    for text in verdict.after[:TEST_OUTPUT]:
        if blocks.header(text):
            break
        category = causewords.line_category(text, unquoted=True)
        if category in _INSTALLED:
            return category
    return None


def shared_error(best: Hit, hits: Sequence[Hit]) -> Hit:
    """The first verdict whose listed error says the cause most failing tests' errors say, read as that cause;
    otherwise ``best`` unchanged."""
    if best.rule.category != TEST:
        return best
    verdicts = [h for h in hits if h.doc is best.doc and h.rule.category == TEST]
    # A test's name, or the test file that failed as a whole (pytest's ``ERROR collecting tests/x.py``).
    by_test = {name: h for h in verdicts if (name := h.captures.get("test") or h.captures.get("file"))}
    said: dict[str, list[Hit]] = {}
    for verdict in by_test.values():
        category = _said(verdict)
        if category:
            said.setdefault(category, []).append(verdict)
    failing = max(failing_count(verdicts), 1)
    for category, shown in said.items():
        # A cause that is why a test failed wherever it shows (a missing module, a crash: verdicts.STAYS) needs no
        # second test; a refused login or connection in one test's error may be what that test checked.
        if len(shown) >= (1 if category in STAYS else 2) and most(len(shown), failing):
            return replace(min(shown, key=lambda h: h.line), rule=_rule(category))
    return best
