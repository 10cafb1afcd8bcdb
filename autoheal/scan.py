"""Stream a log through the rules and keep the hits with the lines around them.

The log is read in chunks of 1 MiB. The engine (engine.py: the prefilter,
in RE2 or Hyperscan) runs over each raw chunk at native speed; only the lines it flags are decoded,
normalised and tested rule by rule (a line repeating one seen shortly before,
timestamp aside, is looked up: scanline.py). Each chunk keeps ``WINDOW`` lines
of the previous one, and hits in its last ``WINDOW`` lines wait for the next
chunk, so every hit sees its context on both sides.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO

from autoheal import engine, scanfar
from autoheal.buflines import after_window, before_window, chomp, lines_back
from autoheal.logsource import LogDoc
from autoheal.normalize import STAMP_TEXT, normalize_lines, strip_ansi_bytes
from autoheal.rules import RuleSet
from autoheal.scanhits import KEEP_FIRST as KEEP_FIRST
from autoheal.scanhits import KEEP_LAST as KEEP_LAST
from autoheal.scanhits import FailedTails, Keeper, RawTail, Ripe
from autoheal.scanhits import Hit as Hit
from autoheal.scanline import Line, Lines
from autoheal.sections import Marker, Section, Sectioner, SubCommand

# 1 MiB: larger chunks ran no faster and cost 45 MB more peak RSS on real logs.
CHUNK = 1 << 20
WINDOW = 40
# Lines carried from one chunk to the next: a failed section's last lines are
# read from the buffer when its exit line arrives (generic error blocks).
CARRY = 200
FAIL_TAIL = 200
MAX_FAIL_TAILS = 20
# A section's tail is read again when another exit line repeats its failure (the last one wins),
# at most this often: a hostile log of exit lines alone made each one re-read 200 lines.
MAX_TAIL_READS = 8
# A log with no newline for this long is one giant line: scan it anyway.
MAX_CARRY = 1 << 20
# A kept hit's context may be compressed once the hit is among its rule's first (kept for good), or
# still kept this many regions on (compressing each of the last hits as it came cost 0.75 s per GB);
# it then waits raw in scanhits.Ripe until PACK_BUDGET bytes do, and is compressed in one batch.
PACK_AGE = 8
PACK_BUDGET = 4 << 20  # bytes of such context held raw before it is compressed (scanhits.Ripe)
TAIL_LINES = FAIL_TAIL


@dataclass
class DocScan:
    """What one document yielded: kept hits, the line count, its last lines and sections.

    ``failed_tails`` holds, per failed section (by index), its last lines up to
    and including the line that says it failed; ``commands`` the shell traces and
    failed make recipes seen inside sections.
    """

    doc: LogDoc
    hits: list[Hit]
    lines: int
    tail: list[tuple[int, str]]
    sections: Sequence[Section] = field(default_factory=list)
    failed_tails: Mapping[int, list[tuple[int, str]]] = field(default_factory=dict)
    commands: list[SubCommand] = field(default_factory=list)
    # The last section's error blocks above ``tail`` when no exit line gave it a tail of its own: with no failed
    # section, cause.failed_scope reads the log's last lines, and fardetails.py these blocks above them.
    far: tuple[scanfar.FarBlock, ...] = ()


class _Scanner:
    def __init__(self, doc: LogDoc, ruleset: RuleSet) -> None:
        self.doc = doc
        self.ruleset = ruleset
        self.keeper = Keeper()
        self.sectioner = Sectioner(doc.step)
        self.failed_tails = FailedTails()
        self.far = scanfar.FarBlocks()
        self.tail_reads: dict[int, int] = {}
        self.engine = engine.for_ruleset(ruleset)
        self.lines = Lines()
        # The hits of the region being scanned, with their line's offsets: context is sliced at its end.
        self.unsliced: list[tuple[list[Hit], int, int]] = []
        # The kept hits whose context is not packed yet, by line: the region they were found in, and
        # where their before and after context start in the stream (``base`` + an offset in the buffer).
        self.fresh: deque[tuple[int, list[Hit], int, int]] = deque()
        self.ripe = Ripe(PACK_BUDGET)
        self.region = 0
        self.base = 0  # the stream offset of the buffer's first byte
        # (offset in the buffer, number of its line): newlines are counted on from there, each once.
        self.mark = (0, 1)
        self.first = 1  # the number of the buffer's first line
        # The current section's index and command, for the hits found in it (a marker line clears it).
        self.step: tuple[int, str | None] | None = None

    def _line_at(self, buf: bytes, pos: int) -> int:
        """The number of the line ``pos`` is in (counting from the last position asked about)."""
        at, line = self.mark
        line = line + buf.count(b"\n", at, pos) if pos >= at else line - buf.count(b"\n", pos, at)
        self.mark = (pos, line)
        return line

    def run(self, stream: IO[bytes]) -> DocScan:
        buf, first_line, scan_from, pending = b"", 1, 0, b""
        while True:
            data = stream.read(CHUNK) or b""  # a non-blocking raw stream's None: no bytes now, read as the end
            eof = not data
            ready, pending = _whole_lines(pending, data, eof)
            buf = strip_ansi_bytes(ready, buf) if ready else buf  # one copy of the chunk (strip_ansi_bytes)
            # WINDOW whole lines after the region: the buffer's last line is cut where the chunk ended, and
            # a hit's last line of context cut short could hold a token too short for redaction to know.
            cut = len(buf) if eof else lines_back(buf, len(buf), WINDOW + 1)
            if not eof and cut <= scan_from and len(buf) > MAX_CARRY:
                cut = len(buf)  # one enormous line: scan what we have
            if cut > scan_from:
                self._scan_region(buf, scan_from, cut)
            if eof:
                break
            next_from = max(cut, scan_from)
            keep = max(lines_back(buf, next_from, CARRY), len(buf) - MAX_CARRY - CHUNK)
            keep = min(keep, next_from)
            first_line = self._line_at(buf, keep)
            self.mark = (0, first_line)
            self.first = first_line
            scan_from = next_from - keep
            self.base += keep
            buf = buf[keep:]
        total = first_line - 1 + buf.count(b"\n") + (1 if buf and not buf.endswith(b"\n") else 0)
        sections = self.sectioner.finish(total)
        tail = _tail(buf, total)
        last = len(sections) - 1  # the section whose tail ``tail`` is when none failed (DocScan.far)
        far = (
            ()
            if not tail or last < 0 or last in self.failed_tails
            else self.far.above(last, sections[last].start, tail[0][0])
        )
        hits, commands = self.keeper.hits(), self.sectioner.commands
        return DocScan(self.doc, hits, total, tail, sections, self.failed_tails, commands, far)

    def _scan_region(self, buf: bytes, start: int, end: int) -> None:
        tests, markers, found = self.engine.scan(buf, start, end)
        opens = set(scanfar.bounded(found))
        if markers or opens:
            tested = set(tests)
            lines = sorted(tested.union(markers, opens))
        else:
            tested, lines = None, tests
        # _line_at inlined: it ran once per candidate line.
        at, number = self.mark
        count, find, size, test, note = buf.count, buf.find, len(buf), self._test_line, self.far.note
        for ls in lines:
            number = number + count(b"\n", at, ls) if ls >= at else number - count(b"\n", ls, at)
            at = ls
            if ls in opens:  # noted before the line's own marker may change the section
                note(self.sectioner.current, number, ls)
            rules, is_marker = tested is None or ls in tested, ls in markers
            if rules or is_marker:
                le = find(b"\n", ls)
                test(buf, ls, size if le < 0 else le, number, is_marker, rules)
        self.mark = (at, number)
        if opens:
            self.far.flush(buf)
        self._slice_context(buf)

    def _section_marker(self, buf: bytes, ls: int, line_no: int, found: Marker, line: Line) -> None:
        self.step = None  # the current section may change
        sectioner = self.sectioner
        sectioner.closed = None
        if found.opens is not None or found.traced is not None or found.recipe is not None:
            sectioner.feed(line_no, found)  # a section opens or a command is recorded: no section ends here
            return
        before = sectioner.sections[-1].status
        sectioner.feed(line_no, found)
        index = sectioner.closed
        if index is None:
            return
        target = self.sectioner.sections[index]
        # Travis may close by name a command a few spurious ``$ `` lines of its output ago: no tail then
        # (one cut at those lines misled the generic block). A job's status printed after the
        # section's end (GitLab, Jenkins Pipeline) follows its last lines.
        if target.exit_line != line_no or (index != self.sectioner.current and not (found.last_work or found.then)):
            return
        if not (found.code is not None or before != target.status) or not self._may_read_tail(index):
            return
        last = line_no - 1 if index == self.sectioner.current else min(target.end, line_no - 1)
        # No line above the buffer's first: its number is kept, not counted (recounting cost 6% of a scan).
        first = max(target.start, last - FAIL_TAIL + 1, self.first)
        end = lines_back(buf, ls, line_no - 1 - last) if last < line_no - 1 else ls
        region = buf[lines_back(buf, end, last + 1 - first) : end] if last >= first else b""
        self.far.flush(buf)  # the openers noted above this line in the region
        far = self.far.above(index, target.start, line_no)  # a verdict's block in the tail counts too
        self.failed_tails.put(index, RawTail(region, last, line_no, line.text, far, target.start))

    def _may_read_tail(self, index: int) -> bool:
        """At most MAX_FAIL_TAILS sections get a tail, each read at most MAX_TAIL_READS times."""
        reads = self.tail_reads.get(index, 0)
        if len(self.failed_tails) >= MAX_FAIL_TAILS or reads >= MAX_TAIL_READS:
            return False
        self.tail_reads[index] = reads + 1
        return True

    def _test_line(self, buf: bytes, ls: int, le: int, line_no: int, is_marker: bool, rules: bool) -> None:
        line = self.lines.get(buf, ls, le)
        if is_marker:
            said = line.said()
            if said is not None:
                self._section_marker(buf, ls, line_no, said, line)
        if not rules:
            return
        found = line.hits(self.engine)
        if not found:
            return
        if self.step is None:
            current = self.sectioner.current
            self.step = (current, self.sectioner.sections[current].command or self.doc.step)
        section, step = self.step
        text = line.text
        traced = is_marker and self.sectioner.traced_line == line_no  # a shell trace: says what ran
        # A test reporter's annotation, or a line of one, is that test's output (verdicts.py).
        marked, stamped = "##[error]" in line.raw, STAMP_TEXT.match(line.raw) is not None
        hits = [
            Hit(
                rule,
                line_no,
                text,
                dict(captures),
                self.doc,
                step,
                section,
                traced=traced,
                marked=marked,
                stamped=stamped,
            )
            for rule, captures in found
        ]
        for hit in hits:
            self.keeper.add(hit)
        self.unsliced.append((hits, ls, le))

    def _slice_context(self, buf: bytes) -> None:
        """Give the region's hits that are still kept their context; most were pushed out already.

        Keep the whole window: the excerpt decides how much of it to show.
        """
        if not self.unsliced and not self.fresh:
            return
        firsts = self.keeper.first_ids
        kept = self.keeper.kept()
        self.region += 1
        ready: list[tuple[list[Hit], int, int]] = []
        for _ in range(len(self.fresh)):
            born, group, at_before, at_after = self.fresh.popleft()
            alive = [h for h in group if id(h) in kept]
            if not alive:
                continue
            if self.region - born < PACK_AGE and any(id(h) not in firsts for h in alive):
                self.fresh.append((born, alive, at_before, at_after))
                continue
            ready.append((alive, at_before, at_after))
        if ready:
            self.ripe.add(ready, kept)
        base = self.base
        for hits, ls, le in self.unsliced:
            alive = [h for h in hits if id(h) in kept]
            if alive:
                start, before = before_window(buf, ls, WINDOW)
                after = after_window(buf, le, WINDOW)
                for hit in alive:
                    hit.raw_before, hit.raw_after = before, after
                self.fresh.append((self.region, alive, base + start, base + le + 1))
        self.unsliced = []


# The longest partial line held back for the next read; past it, a line is stripped in pieces.
PARTIAL = 1 << 16


def _whole_lines(pending: bytes, data: bytes, eof: bool) -> tuple[bytes, bytes]:
    """What of ``pending`` + ``data`` (a read after the partial line held from the last) can have its colour
    codes stripped, and the partial last line held for the next read: a read may end inside ``ESC[31m`` (a
    pipe returns what it has), and a sequence holds no newline. The read is copied once (``pending`` holds none)."""
    nl = data.rfind(b"\n")
    if eof or len(data) - nl - 1 + (len(pending) if nl < 0 else 0) > PARTIAL:
        return pending + data, b""
    if nl < 0:
        return b"", pending + data
    return b"".join((pending, memoryview(data)[: nl + 1])), data[nl + 1 :]


def _tail(buf: bytes, total: int) -> list[tuple[int, str]]:
    """The last TAIL_LINES lines, numbered, for a log no rule matched."""
    lines = chomp(buf).split(b"\n")[-TAIL_LINES:] if buf else []
    start = total - len(lines) + 1
    return list(enumerate(normalize_lines(lines), start))


def scan_doc(doc: LogDoc, ruleset: RuleSet) -> DocScan:
    with doc.opener() as stream:
        return _Scanner(doc, ruleset).run(stream)
