"""A unified diff's own header lines, as the markers and an excerpt's end read them.

A check that fails by printing a diff (``git diff --exit-code``, ``shfmt -d``, ``black --diff``) prints
file headers (``--- a/x``, ``+++ b/x``) and hunk headers (``@@ -3,5 +3,6 @@``). Under ``set -x`` its
``+++ x`` header and an added `` x`` line look like shell traces (``Follower`` tells them, and the
Sectioner records them as the diff's, no command), and its hunk's lines may say anything (an excerpt's
end keeps a hunk whole: ``hunk_end``).
"""

from __future__ import annotations

from collections.abc import Sequence

from autoheal import asciitwin
from autoheal.marks import HUNK, NEW_FILE, OLD_FILE, Marker

# A hunk header says how many old and new lines its hunk holds (``@@ -3,5 +3,6 @@``).
_HUNK = asciitwin.lazy(r"^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@")  # RE2: lines are attacker-controlled


def hunk_counts(text: str) -> tuple[int, int] | None:
    """A hunk header's old and new line counts (``@@ -3,5 +3,6 @@``: 5 and 6; an omitted count is 1), else None."""
    m = _HUNK.match(text) if text[:4] == "@@ -" else None  # (most lines an excerpt's end reads are none)
    return None if m is None else (int(m[1]) if m[1] is not None else 1, int(m[2]) if m[2] is not None else 1)


def diff_file(text: str) -> bool:
    """A unified diff's file header (``+++ b/x``, shfmt's ``+++ a.sh``, ``+++ x<TAB>2024-05-06``): a path alone,
    never a shell trace nor a Buildkite group. (By hand: a regex backtracked over a long line of dots.)"""
    path = text[4:].split("\t", 1)[0].rstrip() if text[:4] in ("--- ", "+++ ") else ""
    return bool(path) and not any(c.isspace() for c in path) and ("/" in path or "." in path)


def opens_with_diff(block: Sequence[str], reach: int = 8) -> bool:
    """The block opens with a unified diff of files (a file header, then a hunk within ``reach`` lines): what a
    format or generated-code check prints (``black --diff``, ``gofmt -d``, ``git diff --exit-code``) as its
    finding; a test's expected-vs-actual diff names no file (``--- expected``)."""
    head = list(block[:reach])
    first = next((i for i, t in enumerate(head) if diff_file(t)), None)
    return first is not None and any(hunk_counts(t) for t in head[first:])


def new_file(text: str) -> str:
    """NEW_FILE for a trace that may be a diff's new-file header (``+++ x``: it is one right below a ``--- y``
    line, which the Sectioner sees), else ""."""
    return NEW_FILE if text[:4] == "+++ " else ""


def hunk_end(lines: Sequence[tuple[int, str]], i: int) -> int:
    """For a hunk header at ``i``, the index of its hunk's last line, else ``i``.

    A hunk's lines are the diff's, whatever they hold: a formatter's diff of a
    script shows its ``exit 1`` or ``fi`` as a context line, never the end of the
    block. The header's counts say where the hunk ends; a line of another shape
    ends it sooner.
    """
    counts = hunk_counts(lines[i][1])
    if counts is None:
        return i
    old, new = counts
    j = i
    while (old > 0 or new > 0) and j + 1 < len(lines):
        text = lines[j + 1][1]
        mark = text[:1]
        if mark == "\\":  # ``\ No newline at end of file``
            j += 1
            continue
        if mark not in (" ", "-", "+", ""):
            break
        old -= mark != "+"
        new -= mark != "-"
        j += 1
    return j


class Follower:
    """Follows the diffs a log prints from its marker lines alone (``@@``, ``--- x`` and trace-shaped lines):
    which trace-shaped lines are a diff's. A hunk reaches at most as many lines below its header as its
    counts say together (seeing every line, ``hunk_end`` counts them); a marker of any other shape (``$ cmd``, an
    exit line) ends it sooner."""

    def __init__(self) -> None:
        self.reach = 0  # the last line the current hunk may reach (0: no hunk)
        self.old_file = 0  # the line of the last ``--- x``

    def shown(self, line: int, found: Marker) -> bool:
        """Whether the marker at ``line`` is a diff's own line and nothing else: a hunk header, a trace-shaped
        line within a hunk's reach, a ``+++ x`` right below a ``--- y``, a ``--- x`` that opens no group."""
        if found.diff == HUNK:
            self.reach = line + found.hunk
            return True
        if found.traced is not None:
            return line <= self.reach or (found.diff == NEW_FILE and self.old_file == line - 1)
        if found.diff == OLD_FILE:
            self.old_file = line
            return found.opens is None
        self.reach = 0
        return False
