"""Line arithmetic on the scanner's buffer of raw bytes: lines back from an offset, the lines after one, a region's lines.

A line is what ends at a ``\n`` (or the buffer's end); offsets are line starts
unless said otherwise. Context lines are normalised here only when they are read.
"""

from __future__ import annotations

from autoheal.normalize import normalize_lines


def lines_back(buf: bytes, end: int, count: int) -> int:
    """Offset of the start of the line ``count`` lines before ``end``."""
    pos = end
    for _ in range(count):
        nl = buf.rfind(b"\n", 0, pos - 1 if pos > 0 else 0)
        if nl < 0:
            return 0
        pos = nl + 1
    return pos


def split_lines(region: bytes) -> list[str]:
    # Context lines are for people: 1,000 characters of one is plenty.
    if not region:
        return []
    return normalize_lines(region.split(b"\n"), 1000)


def chomp(region: bytes) -> bytes:
    """``region`` without its last newline only: blank lines before it are lines too, and count."""
    return region[:-1] if region.endswith(b"\n") else region


def lines_ahead(buf: bytes, pos: int, count: int) -> int:
    """The offset just past the ``count`` lines that start at ``pos`` (the buffer's end when it has fewer)."""
    for _ in range(count):
        nl = buf.find(b"\n", pos)
        if nl < 0:
            return len(buf)
        pos = nl + 1
    return pos


def after_region(buf: bytes, le: int, count: int) -> bytes:
    if le >= len(buf):
        return b""
    return buf[le + 1 : lines_ahead(buf, le + 1, count)].rstrip(b"\n")


# How many bytes a window of lines is first looked for in: lines of ~200 bytes.
LINE_SPAN = 200


def before_window(buf: bytes, ls: int, count: int) -> tuple[int, bytes]:
    """Where the ``count`` lines before the line at ``ls`` start, and those lines (without the newline before ``ls``).

    One split of the bytes just before, not a search per line: ``lines_back`` made
    ``count`` calls per window. Lines longer than the span are searched for one by one.
    """
    if not ls:
        return 0, b""
    low = max(ls - count * LINE_SPAN, 0)
    near = buf[low : ls - 1]
    lines = near.rsplit(b"\n", count)
    if len(lines) > count:
        cut = len(lines[0]) + 1
        return low + cut, near[cut:]
    if not low:  # the buffer's first lines
        return 0, near
    start = lines_back(buf, ls, count)
    return start, buf[start : ls - 1]


def after_window(buf: bytes, le: int, count: int) -> bytes:
    """``after_region(buf, le, count)``: the ``count`` lines after the line ending at ``le``, in one split."""
    if le >= len(buf):
        return b""
    span = count * LINE_SPAN
    near = buf[le + 1 : le + 1 + span]
    lines = near.split(b"\n", count)
    if len(lines) > count:
        return near[: len(near) - len(lines[-1])].rstrip(b"\n")
    if le + 1 + span >= len(buf):  # the buffer ends within the span
        return near.rstrip(b"\n")
    return after_region(buf, le, count)
