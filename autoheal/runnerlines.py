"""GitHub's runner log lines, as timing.py reads them: each line's timestamp and where a step's log opens.

The runner stamps every line with an ISO-8601 time (7 fractional digits, ``Z``) and opens each step's
log with ``##[group]Run …``, a post step's with ``Post job cleanup.``, the job's last with ``Cleaning up
orphan processes`` (https://github.com/actions/runner/blob/main/src/Runner.Worker/JobExtension.cs).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import IO

from autoheal.linetimes import day_start
from autoheal.normalize import STAMP_BYTES, decode

READ = 64 << 10  # bytes of one line read at a time: a longer line is read in pieces, counted once
SETUP = "Set up job"
RUN = b"##[group]Run "
POST = (b"Post job cleanup.", b"Cleaning up orphan processes")


@functools.lru_cache(maxsize=4096)
def second_of(stamp: bytes) -> int | None:
    """Seconds since year 1 of ``YYYY-MM-DDTHH:MM:SS`` (lines of one second share it: cached); None for a
    date no calendar has (a log's text, not the runner's)."""
    day = day_start(stamp[:10])
    return None if day is None else day + int(stamp[11:13]) * 3600 + int(stamp[14:16]) * 60 + int(stamp[17:19])


def split(raw: bytes) -> tuple[float | None, bytes]:
    """The runner's timestamp in seconds (None without one) and the rest of the line."""
    m = STAMP_BYTES.match(raw)
    if not m:
        return None, raw.removeprefix(b"\xef\xbb\xbf")
    start = len(m[1] or b"")  # past the byte-order mark, at ``YYYY-MM-DDTHH:MM:SS``
    fraction = raw[start + 19 : m.end() - len(m[2]) - 1]  # ``.4601154`` or nothing, before the ``Z``
    second = second_of(raw[start : start + 19])
    return None if second is None else second + (float(fraction) if fraction else 0.0), raw[m.end() :]


def lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(1-based number, first READ bytes) of each line, as ``grep -n`` counts them."""
    number, partial = 0, False
    while chunk := stream.readline(READ):
        if not partial:
            number += 1
            yield number, chunk.rstrip(b"\r\n")
        partial = not chunk.endswith(b"\n")


def boundary(body: bytes) -> tuple[str, str] | None:
    """(kind, name) when a line opens a step's log."""
    if body.startswith(RUN):
        return "run", decode(body[len(RUN) :]).strip()
    if body.startswith(POST[0]):
        return "post", "Post job cleanup"
    if body.startswith(POST[1]):
        return "post", "Complete job"
    return None
