"""Where the root cause's own block starts: at the line that opens it, right above its first line
(Gradle's ``FAILURE: Build failed ...``), and above that at the step the tool announced and never
closed (R CMD check's ``* checking tests ...``). Split from edges.py, which finds the block's start."""

from __future__ import annotations

from autoheal import blocks, edges
from autoheal.edges import Known, Numbered


def opener(lines: Numbered, start: int, known: Known) -> int:
    """``start`` moved up to the line that opens the block right above it, if one does: a build driver's
    "it failed" line introducing the report below it (Gradle's ``FAILURE: Build failed with an
    exception.`` a blank line above ``* What went wrong:``, nix's ``error: builder for '...' failed with
    exit code 1;`` over the build's last lines, R CMD check's `` ERROR`` under the check that failed).

    A command's exit line (``exit status 1``, make's ``*** Error 1``), a run's verdict and the CI's own
    lines close the output above them: never an opener.
    """
    j = start - 1
    if j > 0 and blocks.blank(lines[j][1]) and blocks.header(lines[start][1]):
        j -= 1  # a header may stand a blank line below the line that opens it
    if j < 0:
        return start
    text = lines[j][1]
    closes = blocks.chatter(text) or blocks.terminator(text) or blocks.summary(text) or blocks.pointer(text)
    return _announced(lines, j) if blocks.symptom(text) and not (closes or known(text)) else start


def _announced(lines: Numbered, j: int) -> int:
    """The step a tool announced and never closed, over the "it failed" line indented under it that opens
    a block (R CMD check's ``* checking tests ...`` over ``  Running 'testthat.R'`` and `` ERROR``). An
    announced step level with the opener is one of a run of them (nix's ``building '...'...``): no head."""
    depth = blocks.indent(lines[j][1])
    for k in range(j - 1, max(-1, j - 3), -1):
        text = lines[k][1]
        if blocks.blank(text) or not blocks.indent(text):
            announced = text.rstrip().endswith(("...", "\u2026")) and blocks.indent(text) < depth
            return k if announced and not edges.stop(text) else j
    return j
