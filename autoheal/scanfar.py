"""Error blocks far above a failed section's end, found by their shape when no rule knows the tool.

A failed section's tail (its last FAIL_TAIL lines) is where the generic error
block is looked for, but a build that runs on after its first failure (Gradle's
other modules, Maven's reactor, a test run's remaining cases) prints the details
thousands of lines earlier: JUnit's ``FooTest > bar FAILED``, Surefire's
``<<< FAILURE!``, a compiler's ``file:line:col: error:``, a ``Traceback`` or
``Exception in thread``. Lines whose shape opens such a block are found in the
raw bytes by the engine's one pass over them (blockopeners.py: no tool named, the
same lines whatever the engine), and each section keeps its first FAR_FIRST and
last FAR_LAST with FAR_AFTER lines below: the failed section's tail is read with them above it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from autoheal.blockopeners import OPENER, VERDICT
from autoheal.buflines import chomp, lines_ahead, lines_back, split_lines
from autoheal.engine_re2 import line_starts, searcher

# Lines kept above an opener (the test's or command's name printed just before) and below it (the details).
FAR_BEFORE = 3
FAR_AFTER = 30
FAR_BYTES = 16 << 10  # a block of megabyte lines keeps this much of them
# Blocks kept per section: its first test-case verdicts (a run's first failure is its cause), its first
# other openers (a compiler's first error; also what a passing run logged), and its last (nearest its end).
FAR_FIRST = 4
FAR_LAST = 4
MAX_OPENERS = 1024  # per region
FAR_SECTIONS = 32  # sections holding blocks: the latest (a section's blocks are read when it fails)


def bounded(found: list[int]) -> list[int]:
    """The first and last MAX_OPENERS / 2 of a region's openers, by line start (a region of 1 MiB of
    ``error:`` lines held 150,000, a section keeps 12)."""
    return found if len(found) <= MAX_OPENERS else found[: MAX_OPENERS // 2] + found[-MAX_OPENERS // 2 :]


def openers(buf: bytes, start: int, end: int) -> list[int]:
    """What the engines' pass reports as openers (``Engine.scan``), by a search of its own: for the tests."""
    return bounded(line_starts(searcher(OPENER), buf, start, end))


@dataclass(frozen=True)
class FarBlock:
    """An opener (at line ``opener``) and the lines around it: ``raw`` (whole lines) starts at line ``first``."""

    first: int
    opener: int
    raw: bytes
    verdict: bool = False  # the opener is a test case's verdict (``blockopeners.VERDICT``)

    @property
    def last(self) -> int:
        return self.first + chomp(self.raw).count(b"\n")

    def lines(self) -> list[tuple[int, str]]:
        return list(enumerate(split_lines(chomp(self.raw)), self.first))


@dataclass
class _Kept:
    """One section's blocks: its first FAR_FIRST verdicts and others, its last FAR_LAST (see FAR_FIRST)."""

    verdicts: list[FarBlock] = field(default_factory=list)
    early: list[FarBlock] = field(default_factory=list)
    last: deque[FarBlock] = field(default_factory=lambda: deque(maxlen=FAR_LAST))
    opener: int = -FAR_AFTER  # the last opener kept: one within FAR_AFTER lines below it is in its block
    verdict: int = -FAR_AFTER  # the same, for verdicts (one inside another opener's block is a block too)


class FarBlocks:
    """The openers of the region being scanned (``note``), cut into blocks per section (``flush``)."""

    def __init__(self) -> None:
        self.pending: list[tuple[int, int, int]] = []  # (section, line number, line start in the buffer)
        self.by_section: dict[int, _Kept] = {}

    def note(self, section: int, line_no: int, ls: int) -> None:
        self.pending.append((section, line_no, ls))

    def flush(self, buf: bytes) -> None:
        """Cut the pending openers' blocks from ``buf``: per section the first ones, and its last FAR_LAST."""
        fresh: dict[int, tuple[_Kept, list[tuple[int, int]]]] = {}  # the section's store, held: one of
        # more than FAR_SECTIONS sections in one region may leave ``by_section`` before its openers are cut
        verdict = searcher(VERDICT)
        for section, line_no, ls in self.pending:
            kept = self._section(section)
            if len(kept.verdicts) < FAR_FIRST and line_no > kept.verdict + FAR_AFTER:
                le = buf.find(b"\n", ls)
                if verdict(buf, ls, len(buf) if le < 0 else le) >= 0:
                    kept.verdicts.append(_cut(buf, ls, line_no, verdict=True))
                    kept.verdict = kept.opener = line_no
                    continue
            if line_no <= kept.opener + FAR_AFTER:
                continue  # inside the block of the opener above
            kept.opener = line_no
            fresh.setdefault(section, (kept, []))[1].append((line_no, ls))
        self.pending = []
        for kept, openers in fresh.values():
            room = max(FAR_FIRST - len(kept.early), 0)
            kept.early.extend(_cut(buf, ls, n) for n, ls in openers[:room])
            kept.last.extend(_cut(buf, ls, n) for n, ls in openers[room:][-FAR_LAST:])

    def _section(self, section: int) -> _Kept:
        kept = self.by_section.get(section)
        if kept is None:
            if len(self.by_section) >= FAR_SECTIONS:
                del self.by_section[min(self.by_section)]
            kept = self.by_section[section] = _Kept()
        return kept

    def above(self, section: int, start: int, below: int) -> tuple[FarBlock, ...]:
        """The section's blocks that begin before line ``below`` and end at or after line ``start``, in
        order (sorted once here, the one place blocks are handed out)."""
        kept = self.by_section.get(section)
        blocks = [*kept.verdicts, *kept.early, *kept.last] if kept else []
        return tuple(sorted((b for b in blocks if b.first < below and b.last >= start), key=lambda b: b.first))


def _cut(buf: bytes, ls: int, line_no: int, verdict: bool = False) -> FarBlock:
    """The opener at ``ls`` with FAR_BEFORE lines above and FAR_AFTER below, at most FAR_BYTES."""
    start = lines_back(buf, ls, FAR_BEFORE)
    first = line_no - buf.count(b"\n", start, ls)
    raw = buf[start : lines_ahead(buf, ls, FAR_AFTER + 1)]
    if len(raw) > FAR_BYTES:
        raw = raw[: raw.rfind(b"\n", 0, FAR_BYTES) + 1] or raw[:FAR_BYTES]
    return FarBlock(first, line_no, raw, verdict)


def far_lines(blocks: tuple[FarBlock, ...], start: int, below: int) -> list[tuple[int, str]]:
    """The blocks' lines from ``start`` to before ``below``, each once, in order."""
    lines: dict[int, str] = {}
    for block in blocks:
        lines.update((n, t) for n, t in block.lines() if start <= n < below)
    return sorted(lines.items())
