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


def after_region(buf: bytes, le: int, count: int) -> bytes:
    if le >= len(buf):
        return b""
    pos = le + 1
    for _ in range(count):
        nl = buf.find(b"\n", pos)
        if nl < 0:
            pos = len(buf)
            break
        pos = nl + 1
    return buf[le + 1 : pos].rstrip(b"\n")
