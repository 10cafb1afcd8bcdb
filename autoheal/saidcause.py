"""A rule's hit that only says what failed, named by the cause its own block says in words.

A rule names a failure by the shape of its line: node-gyp's ``gyp ERR! build error`` and pip's
``subprocess-exited-with-error`` are a dependency's build that failed, Maven's ``Could not transfer
artifact`` a download that failed, cargo's ``failed to run custom build command`` a crate's build. Those
lines say what failed, not why; when the block they open says why in the words of a cause
(causewords.py: ``Error: not found: make``, ``command 'gcc' failed: No such file or directory``,
``status code: 401, reason phrase: Unauthorized``), that cause is what a maintainer fixes: the program
the image lacks, the registry's credentials (issue 8: a consequence must not beat its cause).

Only a small table of what follows from what (``LEADS_TO``) lets the words rename a hit: a missing
program fails a dependency's build or a compile; a refused login or permission fails a download or a
resolution. A rule whose category is no such consequence (a test's failure, a syntax error, a crash)
keeps its name whatever words its block holds: a test that checks how a missing program is reported and
fails on an assertion is a test failure. Under a test runner's verdict the words are one test's output
and rename nothing. The words are read where a cause of the hit's line is printed: on the line itself and
its block's error lines below it (causewords.said_at), or on the error lines just above it in its paragraph
(ccache's ``Permission denied`` over the compiler's follow-on error); the line that says it is the anchor.
A test's verdict over the runtime's own crash report in that test's output is the crash (testcrash.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from autoheal import blocks, causewords, failingcmd, testcrash, verdicts
from autoheal.scan import Hit

# A cause said in words -> the categories of the failures it is known to lead to (a rule's hit of one of
# these, in the same block, only says what failed). Kept small: each row is a documented chain.
LEADS_TO: dict[str, frozenset[str]] = {
    # A build program, compiler or linker is not installed: the dependency's native build (node-gyp,
    # pip's wheel build, cargo's build script) or the compile that needed it fails.
    "command.not.found": frozenset({"dependency.resolution", "compile.error"}),
    # A registry refused the job's login or access: the download or resolution that needed it fails
    # (Maven's ``Could not transfer artifact ... 401``), which a rule reads as a network or resolution error.
    "credentials": frozenset({"network", "dependency.missing", "dependency.resolution"}),
    "permission": frozenset({"network", "dependency.missing", "dependency.resolution"}),
}
# How many lines above the hit, in its paragraph (no blank line between), may say its cause.
ABOVE = 3


def _above(context: Sequence[tuple[int, str]], line: int) -> list[tuple[int, str]]:
    """The error lines just above ``line`` in its paragraph, nearest first."""
    before = [(n, t) for n, t in context if n < line][::-1][:ABOVE]
    out: list[tuple[int, str]] = []
    for n, text in before:
        if blocks.blank(text):
            break
        if blocks.error_score(text) >= 2:
            out.append((n, text))
    return out


def said(
    category: str, context: Sequence[tuple[int, str]], line: int, hits: Sequence[Hit] = ()
) -> tuple[str, int] | None:
    """The cause a hit of ``category`` on ``line`` only follows from, as its block says it in words: the
    cause's category and the line that says it, the anchor (the excerpt and title then show the cause); None
    when the words name none, the same category, or one that does not lead to ``category``, or when a test
    runner's verdict among the section's ``hits`` or its tally in the context makes them one test's output."""
    report = testcrash.crashed(category, context, line, hits)
    if report is not None:
        return "crash", report  # the runtime's crash report under a failing test's verdict
    below = [(n, t) for n, t in context if n >= line]
    if not below or failingcmd.tests_verdict(hits) or verdicts.tests_failed(t for _, t in context):
        return None
    worded = [*(below[i] for i in causewords.said_at([t for _, t in below])), *_above(context, line)]
    words, at = next(((c, n) for n, t in worded if (c := causewords.line_category(t))), (None, line))
    if words is None or words == category or category not in LEADS_TO.get(words, frozenset()):
        return None
    return words, at
