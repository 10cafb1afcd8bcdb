"""Line arithmetic on the scan buffer: offsets of lines back, the lines after one, chomping one newline."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from autoheal import buflines
from autoheal.buflines import after_region, after_window, before_window, chomp, lines_back, split_lines

BUF = b"one\ntwo\n\nfour\nfive"


def test_lines_back_counts_blank_lines_and_stops_at_the_start() -> None:
    five = BUF.index(b"five")
    assert lines_back(BUF, five, 1) == BUF.index(b"four")
    assert lines_back(BUF, five, 2) == BUF.index(b"\n\n") + 1  # the blank line is a line
    assert lines_back(BUF, five, 3) == BUF.index(b"two")
    assert lines_back(BUF, five, 99) == 0


def test_after_region_gives_the_next_lines_without_trailing_newlines() -> None:
    end_of_one = BUF.index(b"\n")
    assert after_region(BUF, end_of_one, 3) == b"two\n\nfour"
    assert after_region(BUF, end_of_one, 2) == b"two"  # a blank line last is not context
    assert after_region(BUF, end_of_one, 99) == b"two\n\nfour\nfive"
    assert after_region(BUF, len(BUF), 3) == b""


def test_chomp_drops_one_newline_only() -> None:
    assert chomp(b"a\n\n") == b"a\n"
    assert chomp(b"a") == b"a"


def test_split_lines_normalises_each_line_and_caps_it() -> None:
    assert split_lines(b"2024-05-06T09:00:00.1Z \x1b[31mred\x1b[0m\n" + b"x" * 2000) == ["red", "x" * 1000]
    assert split_lines(b"") == []


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(st.sampled_from([b"\n", b"a", b"bb", b"c" * 90, b"d" * 700]), max_size=120),
    span=st.sampled_from([1, 2, buflines.LINE_SPAN]),
    count=st.sampled_from([3, 40]),
    pick=st.integers(min_value=0),
)
def test_a_window_is_the_lines_searches_would_find(pieces: list[bytes], span: int, count: int, pick: int) -> None:
    # A window is cut with one split around the line; long lines fall back to the line-by-line search.
    buf = b"".join(pieces)
    starts = [0] + [i + 1 for i, c in enumerate(buf) if c == 10]
    ls = starts[pick % len(starts)]
    le = buf.find(b"\n", ls)
    le = len(buf) if le < 0 else le
    saved, buflines.LINE_SPAN = buflines.LINE_SPAN, span
    try:
        start = lines_back(buf, ls, count) if ls else 0
        assert before_window(buf, ls, count) == (start, buf[start : ls - 1] if ls else b"")
        assert after_window(buf, le, count) == after_region(buf, le, count)
    finally:
        buflines.LINE_SPAN = saved
