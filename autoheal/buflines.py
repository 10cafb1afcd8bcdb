"""Line arithmetic on the scanner's buffer of raw bytes: lines back from an offset, the lines after one, a region's lines.

A line is what ends at a ``\n`` (or the buffer's end); offsets are line starts
unless said otherwise. Context lines are normalised here only when they are read.
"""

from __future__ import annotations

from autoheal.normalize import normalize_lines

# Bytes a log line takes, a generous guess: the window the line arithmetic searches first.
_GUESS = 160


def lines_back(buf: bytes, end: int, count: int) -> int:
    """Offset of the start of the line ``count`` lines before ``end``.

    That is one past the ``count``-th newline back from before ``end - 1`` (``end``
    is a line start: the newline ending the line before it is not counted), or 0.
    One ``rsplit`` of a window guessed from the count finds it: a Python loop of
    one ``rfind`` per line was 4% of a scan (each hit's 40 lines of context).
    """
    stop = end - 1 if end > 0 else 0
    window = count * _GUESS
    while count > 0 and stop > 0:
        lo = max(0, stop - window)
        pieces = buf[lo:stop].rsplit(b"\n", count)
        if len(pieces) > count:
            return lo + len(pieces[0]) + 1
        count -= len(pieces) - 1  # every newline of the window was one: look further back
        stop, window = lo, window * 4
    return end if count <= 0 else 0


def split_lines(region: bytes) -> list[str]:
    # Context lines are for people: 1,000 characters of one is plenty.
    if not region:
        return []
    return normalize_lines(region.split(b"\n"), 1000)


def chomp(region: bytes) -> bytes:
    """``region`` without its last newline only: blank lines before it are lines too, and count."""
    return region[:-1] if region.endswith(b"\n") else region


def after_region(buf: bytes, le: int, count: int) -> bytes:
    """The ``count`` lines after the line that ends at ``le`` (its newline), without trailing newlines."""
    if le >= len(buf):
        return b""
    start = le + 1
    window = count * _GUESS
    while True:
        hi = min(len(buf), start + window)
        pieces = buf[start:hi].split(b"\n", count)
        if len(pieces) > count:
            pos = hi - len(pieces[-1])  # one past the count-th newline
            break
        if hi == len(buf):
            pos = hi
            break
        window *= 4
    return buf[start:pos].rstrip(b"\n")
