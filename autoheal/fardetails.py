"""The details a verdict counts when its section printed them far above its tail (scanfar.py).

A run that goes on after a failure (Gradle's other modules, Maven's reactor, the
rest of a test suite) ends with a verdict (``Tests run: 124, Failures: 0, Errors: 30``)
whose details are thousands of lines up, out of the failed section's tail. When
the verdict holds none of its own and none are printed just above it
(``details.above``), the first error block the scan kept far above the tail that
holds a detail is what it counts: the first failure is the cause, and a test case's
verdict (``<<< FAILURE!``) says a block is a failure's, where an exception may be one a passing test logged.
"""

from __future__ import annotations

from autoheal import details
from autoheal.cause import Known, Scope
from autoheal.scanfar import FarBlock, far_lines
from autoheal.scanhits import FailedTails

Numbered = list[tuple[int, str]]


def _far(scope: Scope) -> tuple[tuple[FarBlock, ...], int] | None:
    """The section's far blocks and the first line of its tail proper: a failed section's (its exit line's
    tail), else, for the log's last lines (no section failed), the last section's above them."""
    tails = scope.scan.failed_tails
    if isinstance(tails, FailedTails) and scope.index in tails:
        return tails.far(scope.index), tails.near(scope.index)
    if scope.scan.far and scope.tail and scope.index == len(scope.scan.sections) - 1:
        return scope.scan.far, scope.scan.tail[0][0]
    return None


def tail(scope: Scope) -> Numbered:
    """The scope's last lines, with its far blocks' lines above them when they are the log's last lines (a
    failed section's tail holds its own already, scanhits.RawTail)."""
    far = _far(scope)
    if far is None or scope.index in scope.scan.failed_tails or scope.tail[0][0] != far[1]:
        return scope.tail
    return far_lines(far[0], scope.section.start, far[1]) + scope.tail


def above(scope: Scope, context: Numbered, at: int, known: Known) -> int:
    """``details.above``, reaching the section's far blocks when nothing in its tail holds a detail."""
    near = details.above(context, at, known)
    far = _far(scope)
    if near != at or far is None:
        return near
    texts = dict(context)
    verdict = [(n, t) for n, t in context if n >= at]
    blocks, first = far
    # A test case's verdict above the anchor, in the tail too; another opener's block only above the tail.
    for block in [b for b in blocks if b.verdict and b.opener < at] + [
        b for b in blocks if not b.verdict and b.opener < min(at, first)
    ]:
        opener = texts.get(block.opener)
        if opener is None or known(opener):
            continue  # outside the section's output, or a rule's hit (its own tier)
        lines = [(n, t) for n, t in context if block.opener <= n <= block.last]
        if details.above(lines + verdict, at, known) != at:
            return block.opener
    return near


def case_verdict(scope: Scope, at: int) -> bool:
    """Whether line ``at`` opens a far block that is a test case's verdict (``<<< FAILURE!``, ``x FAILED``)."""
    far = _far(scope)
    return far is not None and any(b.verdict and b.opener == at for b in far[0])
