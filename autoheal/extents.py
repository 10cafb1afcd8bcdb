"""What a block holds beyond where ends.py ends it: a failing TAP point's YAML document indented under it,
and the run's tally a line or three below it (excerpt.py shows the block).

Split out of excerpt.py (at its 300 lines).
"""

from __future__ import annotations

from autoheal import blocks, edges, ends, reports, tallies

MAX_EXCERPT = edges.MAX_EXCERPT
TALLY_REACH = 3  # how far below a block's end the run's tally may sit and still close it
Numbered = edges.Numbered


def block_end(lines: Numbered, at: int, start: int) -> tuple[int, bool]:
    """Where the block of the line ``at`` (its first line ``start``) ends, and whether it ended on a line
    of its own (ends.find_end): moved down to the verdict of the build tool's report it holds or runs
    into (reports.py), past a YAML document under it, onto the tool's last words (unless
    the block is cut anyway: then it keeps its own end) and down to the run's tally just below."""
    end, ended = ends.find_end(lines, at, start)
    end = document_end(lines, reports.report_end(lines, start, end))
    words = ends.last_words(lines, end)
    end = words if words - start < MAX_EXCERPT else end
    return tally_below(lines, end), ended


def tally_below(lines: Numbered, end: int) -> int:
    """The block's end moved down to the run's tally of failures a line or three below it (spago's ``1/2
    tests failed.`` under its ``Summary``, a harness's count after a blank line): what the block's failures
    add up to. A stop line, a header or another error line between starts something else, and a block its
    verdict closed already is whole: the end stays."""
    if blocks.summary(lines[end][1]) or tallies.tally(lines[end][1]):
        return end
    for j in range(end + 1, min(len(lines), end + 1 + TALLY_REACH)):
        text = lines[j][1]
        if tallies.tally(text):
            return j
        if edges.stop(text) or blocks.header(text) or edges.strong(text):
            break
    return end


def documents(lines: Numbered, start: int, end: int) -> set[int]:
    """Indexes of the YAML documents indented under a block's lines that are not chatter (a failing TAP
    point's diagnostics, bounds and timing included): the failure's own details, shown whole."""
    out: set[int] = set()
    for i in range(start, end):
        # (a document's opener first: the cheap test, on every line of every block)
        if lines[i + 1][1].strip() == "---" and i not in out and not blocks.chatter(lines[i][1]):
            out.update(range(i + 1, min(end, document_end(lines, i)) + 1))
    return out


def document_end(lines: Numbered, end: int) -> int:
    """The block's end moved past a YAML document indented right under its last line (TAP 13's diagnostics
    under a failing test point: ``  ---``, ``  error: ...``, ``  ...``), when it closes within the excerpt's
    reach: the failure's details, though a passing point's bounds alone read as chatter."""
    if end + 1 >= len(lines) or lines[end + 1][1].strip() != "---":
        return end
    depth = blocks.indent(lines[end + 1][1])
    if depth <= blocks.indent(lines[end][1]):
        return end
    for i in range(end + 2, min(len(lines), end + MAX_EXCERPT)):
        text = lines[i][1]
        if text.strip() == "..." and blocks.indent(text) == depth:
            return i
        if not blocks.blank(text) and blocks.indent(text) < depth:
            return end
    return end
