"""A unified diff's header lines, and which trace-shaped lines of a log are a diff's (diffs.py)."""

from __future__ import annotations

import pytest

from autoheal.diffs import Follower, diff_file, hunk_counts, hunk_end, opens_with_diff
from autoheal.marks import HUNK, NEW_FILE, OLD_FILE, Marker


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("@@ -3,5 +3,6 @@", (5, 6)),
        ("@@ -1 +1 @@ def main():", (1, 1)),
        ("@@ -0,0 +1,12 @@", (0, 12)),
        ("@@ -3,5 +3,6", None),
        (" @@ -3,5 +3,6 @@", None),
        ("@@@ -1,2 -1,2 +1,3 @@@", None),  # a combined diff's header: not a unified hunk
    ],
)
def test_a_hunk_header_gives_its_counts(text: str, counts: tuple[int, int] | None) -> None:
    assert hunk_counts(text) == counts


@pytest.mark.parametrize(
    ("text", "header"),
    [("+++ b/x.py", True), ("--- a.sh\t2024-05-06", True), ("+++ Makefile", False), ("+++ echo a.b", False)],
)
def test_a_file_header_is_a_path_alone(text: str, header: bool) -> None:
    assert diff_file(text) is header


def test_a_hunk_reaches_as_many_lines_as_its_counts_and_ends_at_another_marker() -> None:
    follow = Follower()
    trace = Marker(traced="x")
    assert follow.shown(10, Marker(diff=HUNK, hunk=3))
    assert follow.shown(12, trace) and follow.shown(13, trace)
    assert not follow.shown(14, trace)  # past lines 11-13
    assert follow.shown(20, Marker(diff=HUNK, hunk=9))
    assert not follow.shown(21, Marker(opens="make", kind="command"))  # ``$ make``: the hunk has ended
    assert not follow.shown(22, trace)


def test_a_new_file_header_is_the_diffs_only_right_below_an_old_one() -> None:
    follow = Follower()
    new = Marker(traced="x, normalized", diff=NEW_FILE)
    assert follow.shown(4, Marker(diff=OLD_FILE))
    assert follow.shown(5, new)
    assert not follow.shown(7, new)  # not right below a ``--- y``: a trace three levels deep
    assert not follow.shown(8, Marker(traced="y", diff=OLD_FILE, opens="y", weak=True))  # a group's line too


def test_a_hunk_ends_where_its_counts_are_spent_or_at_a_line_of_another_shape() -> None:
    lines = list(enumerate(["@@ -1,2 +1,2 @@", " a", "-b", "\\ No newline at end of file", "+c", " exit 0"]))
    assert hunk_end(lines, 0) == 4  # a context line is one of each count; ``\ No newline`` is neither
    assert hunk_end(list(enumerate(["@@ -1,3 +1,3 @@", " a", "exit status 1", " b"])), 0) == 1
    assert hunk_end(lines, 1) == 1  # no header: the line itself


def test_a_block_opens_with_a_diff_of_files_only_with_a_file_header_then_a_hunk() -> None:
    assert opens_with_diff(["diff --git a/x.go b/x.go", "--- a/x.go", "+++ b/x.go", "@@ -1 +1 @@", "-a", "+b"])
    assert not opens_with_diff(["--- expected", "+++ actual", "@@ -1 +1 @@"])
    assert not opens_with_diff(["@@ -1 +1 @@", "--- a/x.go"])  # a hunk before any file header
    assert not opens_with_diff(["error: x", *["  at y"] * 8, "--- a/x.go", "+++ b/x.go", "@@ -1 +1 @@"])
