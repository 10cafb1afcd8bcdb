"""What the scanner keeps of a log: hits with their context, a bound on how many, and failed sections' tails.

The scanner (scan.py) finds; this module holds. Context is kept raw and
normalised on first use, or compressed in batches (Ripe) once a hit is kept for good; a failed
section's last lines are kept raw too, and normalised only when read.
"""

from __future__ import annotations

import zlib
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

from autoheal.buflines import chomp, split_lines
from autoheal.logsource import LogDoc
from autoheal.normalize import STAMP_BYTES
from autoheal.rules import Rule
from autoheal.scanfar import FarBlock, far_lines

# Hits kept per rule: the first few (root causes come early) and the last few.
KEEP_FIRST = 4
KEEP_LAST = 4


@dataclass
class Hit:
    """A rule matched ``text`` at 1-based ``line`` of ``doc``, with context lines.

    The context is kept raw and normalised on first use: most hits never reach
    an excerpt, and normalising 80 lines per hit was a third of the scan time.
    A hit kept for good has its context compressed in a batch (``packed``, see scan.PACK_AGE,
    ``Ripe`` and ``pack``): a 1 GB log's ~1,000 kept hits held ~13 MB of context.
    """

    rule: Rule
    line: int
    text: str
    captures: dict[str, str]
    doc: LogDoc
    step: str | None
    section: int = 0
    raw_before: bytes = b""
    raw_after: bytes = b""
    # Once packed: (blob, offset, length) of the before and the after context in zlib blobs that
    # nearby hits packed at the same time share (raw_before and raw_after are empty then).
    packed: tuple[tuple[bytes, int, int], tuple[bytes, int, int]] | None = None
    traced: bool = False  # the line is a shell trace (``+ cmd``): it says what ran, not what happened
    marked: bool = False  # the line is GitHub's ``##[error]`` annotation (its marker normalised away)
    stamped: bool = True  # the line starts with the runner's timestamp (a multi-line annotation's rest does not)

    def _context(self) -> tuple[bytes, bytes]:
        if self.packed is None:
            return self.raw_before, self.raw_after
        (blob_b, at_b, size_b), (blob_a, at_a, size_a) = self.packed
        both = zlib.decompress(blob_b) if blob_b else b""
        other = both if blob_a is blob_b else (zlib.decompress(blob_a) if blob_a else b"")
        return both[at_b : at_b + size_b], other[at_a : at_a + size_a]

    @cached_property
    def before(self) -> list[str]:
        return split_lines(self._context()[0])

    @cached_property
    def after(self) -> list[str]:
        return split_lines(self._context()[1])

    @cached_property
    def annotated(self) -> bool:
        """The line is an ``##[error]`` annotation or, unstamped, a line of one: the runner stamps only an
        annotation's first line (Vitest's multi-line annotations), so the nearest stamped line above says."""
        if self.marked or self.stamped:
            return self.marked
        for raw in reversed(self._context()[0].split(b"\n")):
            if STAMP_BYTES.match(raw):
                return b"##[error]" in raw
        return False


class Keeper:
    """Bounded store of hits: the first KEEP_FIRST and last KEEP_LAST per rule.

    The ids of the first hits are kept as they come: the scanner asks which hits
    are still kept once per region, and rebuilding that set each time cost 1% of a scan.
    """

    def __init__(self) -> None:
        self.first: dict[str, list[Hit]] = {}
        self.last: dict[str, deque[Hit]] = {}
        self.first_ids: set[int] = set()

    def add(self, hit: Hit) -> None:
        first = self.first.setdefault(hit.rule.id, [])
        if len(first) < KEEP_FIRST:
            first.append(hit)
            self.first_ids.add(id(hit))
        else:
            self.last.setdefault(hit.rule.id, deque(maxlen=KEEP_LAST)).append(hit)

    def kept(self) -> set[int]:
        """The ids of the hits kept so far (no sorting: asked once per region)."""
        out = set(self.first_ids)
        for hits in self.last.values():
            out.update(map(id, hits))
        return out

    def hits(self) -> list[Hit]:
        out = [h for hs in self.first.values() for h in hs]
        out += [h for hs in self.last.values() for h in hs]
        return sorted(out, key=lambda h: h.line)


def pack(groups: list[tuple[list[Hit], int, int]]) -> None:
    """Compress the context of hits kept for good, each run of overlapping context once.

    Hits a few lines apart (an error block that several rules hit) share most of
    their 80 lines: on real logs the union was half the sum, and zlib is most of
    the cost of packing. ``groups``: hits of one line, where their before and
    after context start in the stream (the bytes at a stream offset are the same
    in every buffer that holds it).
    """
    pieces: list[tuple[int, bytes, int]] = []  # (stream offset, bytes, 2 * group index + after)
    for index, (hits, at_before, at_after) in enumerate(groups):
        pieces.append((at_before, hits[0].raw_before, 2 * index))
        pieces.append((at_after, hits[0].raw_after, 2 * index + 1))
    placed: list[tuple[bytes, int, int]] = [(b"", 0, 0)] * len(pieces)
    run: list[bytes] = []
    members: list[tuple[int, int, int]] = []  # (slot, offset in the run, length)
    run_start = run_end = -1

    def close() -> None:
        blob = zlib.compress(b"".join(run), 1)
        for slot, offset, size in members:
            placed[slot] = (blob, offset, size)

    for start, data, slot in sorted((p for p in pieces if p[1]), key=lambda p: p[0]):
        end = start + len(data)
        if run and start <= run_end:
            if end > run_end:
                run.append(data[run_end - start :])
                run_end = end
        else:
            if run:
                close()
            run, members, run_start, run_end = [data], [], start, end
        members.append((slot, start - run_start, len(data)))
    if run:
        close()
    for index, (hits, _, _) in enumerate(groups):
        packed = (placed[2 * index], placed[2 * index + 1])
        for hit in hits:
            hit.packed, hit.raw_before, hit.raw_after = packed, b"", b""


class Ripe:
    """Context that may be compressed (``pack``), held raw until ``budget`` bytes of it wait, then packed at once.

    What is kept is bounded by the rules a log hits (KEEP_FIRST + KEEP_LAST hits each): the
    shared real logs' 612 kept hits at 64 MB held 7 MB of context, and compressing it
    as it came cost 6% of a Hyperscan scan. A log that keeps less never pays for zlib,
    and a hit pushed out while it waits is never compressed. The budget is peak RSS:
    4 MiB saved as much there as 8 MiB, which cost RE2 93 MB at 1 GB (of the 100 allowed).
    """

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.groups: list[tuple[list[Hit], int, int]] = []
        self.size = 0

    def add(self, groups: list[tuple[list[Hit], int, int]], kept: set[int]) -> None:
        """``pack``'s groups, packed once the budget is passed with the others still ``kept`` (by id)."""
        self.groups += groups
        # A hit pushed out of the keeper stays referenced here until the next flush: its own text counts
        # too, so hits with little context cannot pile up past the budget (a log of one long line per hit).
        self.size += sum(_held(hits) for hits, _, _ in groups)
        if self.size < self.budget:
            return
        waiting, self.groups, self.size = self.groups, [], 0
        alive = [([h for h in hits if id(h) in kept], before, after) for hits, before, after in waiting]
        if ready := [group for group in alive if group[0]]:
            pack(ready)


# What a Hit holds besides its text and context (its object, its captures' dict): an estimate.
HIT_BYTES = 256


def _held(hits: list[Hit]) -> int:
    """The bytes a group waiting in Ripe holds: its shared context and each hit's text."""
    return len(hits[0].raw_before) + len(hits[0].raw_after) + sum(len(h.text) + HIT_BYTES for h in hits)


@dataclass(frozen=True)
class RawTail:
    """A failed section's last lines as read from the buffer: ``region`` (whole lines) ends at line ``last``,
    then the exit line ``line_no`` (its normalised ``text``)."""

    region: bytes
    last: int
    line_no: int
    text: str
    far: tuple[FarBlock, ...] = ()  # the section's error blocks above the region (scanfar.py)
    start: int = 1  # the section's first line: far blocks' lines above it are another section's

    def lines(self) -> list[tuple[int, str]]:
        lines = split_lines(chomp(self.region))
        tail = [(self.last + 1 - len(lines) + i, t) for i, t in enumerate(lines)] if self.region else []
        above = far_lines(self.far, self.start, tail[0][0] if tail else self.line_no) if self.far else []
        return above + tail + [(self.line_no, self.text)]


class FailedTails(Mapping[int, list[tuple[int, str]]]):
    """Failed sections' tails by section index, each normalised on first read.

    A section's tail is read again when another exit line repeats its failure (the
    last one wins): normalising 200 lines at each read was 5% of a scan of real logs,
    and most tails are never read.
    """

    def __init__(self) -> None:
        self.raw: dict[int, RawTail] = {}
        self.done: dict[int, list[tuple[int, str]]] = {}

    def put(self, index: int, tail: RawTail) -> None:
        self.raw[index] = tail
        self.done.pop(index, None)

    def __getitem__(self, index: int) -> list[tuple[int, str]]:
        if index not in self.done:
            self.done[index] = self.raw[index].lines()
        return self.done[index]

    def far(self, index: int) -> tuple[FarBlock, ...]:
        """The section's error blocks above its tail proper (scanfar.py), in order."""
        return self.raw[index].far if index in self.raw else ()

    def near(self, index: int) -> int:
        """The first line of the section's tail proper: the lines above it are far blocks (scanfar.py)."""
        tail = self.raw[index]
        return tail.last + 1 - (chomp(tail.region).count(b"\n") + 1 if tail.region else 0)

    def __iter__(self) -> Iterator[int]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)
