"""Sections of a tool's report that run over lines which, read one by one, would end a block (ends.py).

A titled banner opens a section to its next banner of the same rule or the run's verdict (pytest's
``===== FAILURES =====``, Elm's ``-- TYPE MISMATCH ---- src/a.elm``); a failed process's captured output
follows the line that says it failed (cargo's ``--- stdout`` under ``process didn't exit successfully``);
a source snippet's elision (rustc's ``...``) sits between two of its gutter lines.
"""

from __future__ import annotations

from autoheal import asciitwin, blocks, edges

Numbered = edges.Numbered


# The rule a compiler's titled problem reports are drawn with, whatever characters draw them.
TITLED = "titled"


def verdict(text: str) -> bool:
    """The run's verdict (``2 failed in 0.3s``), not a passing summary's chatter."""
    return blocks.summary(text) and not blocks.chatter(text)


# A titled banner a runner draws across the line to open a section of its report (pytest's ``=====
# FAILURES =====``, ``===== ERRORS =====``): the section runs to its next banner drawn with the same rule.
_BANNER = asciitwin.lazy(r"^\s*(?:={3,}|#{3,}|\*{3,}) \S(?:.*\S)? (?:={3,}|#{3,}|\*{3,})\s*$")  # RE2: no backreference


def section_end(lines: Numbered, i: int) -> int:
    """For a titled banner at ``i``, the index of its section's last line (the line above the next banner of
    the same rule), else ``i``.

    Between two banners, everything is the section's: a failure's source lines, its captured stdout and log
    records (``INFO``, ``WARNING`` lines), a sub-banner of another rule (``---- Captured log call ----``).
    Read line by line they say nothing of a failure, and would end the block after a few of them; the
    banner below (``==== short test summary info ====``) or the run's verdict says where the section ends. The CI
    runner's own lines end it sooner, and with no banner below within reach the section is only its banner.
    """
    rule = _rule(lines[i][1])
    if not rule:
        return i
    for j in range(i + 1, min(len(lines), i + edges.REACH_BELOW)):
        text = lines[j][1]
        if _rule(text) == rule:
            return j - 1
        if verdict(text):
            return j - 1  # the run's verdict below closes the block as any verdict (``=== 2 failed in 0.3s ===``)
        if edges.runner(text):
            return i
    return i


def _rule(text: str) -> str:
    """The character a titled banner is drawn with (both its sides drawn with the same one), or "". Only a
    banner opening a report of failures counts (``FAILURES``, ``ERRORS``, ``short test summary``): a
    script's own ``===== Building docs =====`` and pytest's ``test session starts`` open no failure."""
    if blocks.titled(text):
        return TITLED  # one problem's report, to the next problem's title or the run's verdict
    ends = text.strip()
    return ends[0] if _BANNER.match(text) and ends[0] == ends[-1] and blocks.header(text) else ""


# The heading of a failed process's captured output, right below the line that says it failed: cargo's
# ``  --- stdout`` / ``  --- stderr`` under ``process didn't exit successfully: ... (exit status: 1)``.
_CAPTURED = asciitwin.lazy(r"^\s*-{2,5} ?(?:stdout|stderr) ?-{0,5}\s*$")


def output_below(lines: Numbered, i: int) -> bool:
    """The line below ``i`` heads the captured output of the process whose failure line ``i`` reports."""
    return i + 1 < len(lines) and bool(_CAPTURED.match(lines[i + 1][1]))


def elided(lines: Numbered, i: int) -> bool:
    """Line ``i`` is a source snippet's elision (rustc's ``...`` between ``242 | ...`` and ``314 | ...``), not a
    progress line's dots: a gutter line right above it and right below it."""
    return (
        lines[i][1].strip() in ("...", "\u2026")
        and 0 < i < len(lines) - 1
        and bool(edges.GUTTER.match(lines[i - 1][1]))
        and bool(edges.GUTTER.match(lines[i + 1][1]))
    )
