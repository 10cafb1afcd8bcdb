"""Where the time went, and where a line sits in GitHub's per-step log viewer.

Both read the raw log, before normalisation strips what they need: the runner's timestamp at the
start of every line (ISO-8601, 7 fractional digits, ``Z``) and the ``##[group]Run …`` line each step's
log opens with. Other CIs' times (Jenkins', GitLab's or TeamCity's stamps, GitLab's section markers)
and where their stages or sections open are told by linetimes.py.

``with_timing(diagnosis, docs, steps)`` is the one hook, called after triage by ``autoheal triage`` and by
report mode: it fills ``key_lines`` when triage left them empty (headline.py), ``timing`` for a timeout or
cancellation (the only time a log is read again here), and ``step_lines`` when the jobs API's steps are
given (report mode, for links to ``…/job/JOB#step:STEP:LINE``). Both stream the log with bounded memory.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from autoheal import lazyre, linetimes, runnerlines
from autoheal.dialect import HEAD_LINES
from autoheal.headline import key_excerpt, with_key_lines
from autoheal.linetimes import LineTimes, SectionTimes
from autoheal.logsource import LogDoc
from autoheal.models import Diagnosis, ExcerptLine, StepLine, StepTime, Timing
from autoheal.normalize import decode, normalize

if TYPE_CHECKING:  # the GitHub client's imports cost ~100 ms that an offline triage never needs
    from autoheal.ghtypes import Step

MAX_STEPS = 200
LAST_LINES = 8
# Lines the runner prints when it stops a step: a job or step timeout, or a cancel.
# https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idtimeout-minutes
_LIMIT = lazyre.compile(
    rb"has exceeded the maximum execution time|has timed out after \d+ minutes|The operation was canceled"
    rb"|The runner has received a shutdown signal|The job was canceled"
)
# What the runner prints first in a job's log ("Set up job"), on old and new runners.
_SETUP_LINES = (b"Current runner version", b"Requested labels:", b"Waiting for a runner", b"Job is waiting")


def needs_timing(diagnosis: Diagnosis) -> bool:
    """A timeout or a cancellation: the only diagnoses whose log is read again for its timestamps."""
    return diagnosis.category == "timeout" or "cancel" in diagnosis.rule


@dataclass
class _Section:
    name: str
    kind: str
    line: int
    first: float | None = None
    last: float | None = None


@dataclass
class _Snapshot:
    section: int
    line: int
    at: float | None
    quiet: float
    quiet_after: int
    lines: tuple[tuple[int, str], ...]


@dataclass
class _Reader:
    """One pass over a log: its step sections with times, and the moment the limit hit."""

    first_name: str
    fallback_line: int | None
    times: LineTimes | SectionTimes | None = None  # another CI's times (linetimes.py)
    sections: list[_Section] = field(default_factory=list)
    limit: _Snapshot | None = None
    fallback: _Snapshot | None = None
    recent: deque[tuple[int, bytes]] = field(default_factory=lambda: deque(maxlen=LAST_LINES))
    quiet: float = 0.0
    quiet_after: int = 0
    previous: tuple[int, float] | None = None
    in_header: bool = False  # inside the group a step opens with: its script, shell and env

    def feed(self, number: int, raw: bytes) -> None:
        stamp, body = self._read(number, raw)
        opened = runnerlines.boundary(body) or (self.times.boundary(body) if self.times else None)
        self._open(number, body, opened)
        if stamp is not None:
            self._timed(self.sections[-1], stamp)
        if self.limit is None and (_LIMIT.search(body) or (self.times and linetimes.stopped(body))):
            self.limit = self._snapshot(number, self._at(stamp))
        if self.fallback is None and number == self.fallback_line:
            self.fallback = self._snapshot(number, self._at(stamp))
        if body.startswith(b"##[endgroup]"):
            self.in_header = False
        elif body.strip() and not self.in_header and self._printed(body, opened):
            self.recent.append((number, body[:4000]))  # normalised only if shown
        if stamp is not None:
            self.previous = (number, stamp)

    def _read(self, number: int, raw: bytes) -> tuple[float | None, bytes]:
        """A line's time and text; an unstamped GitLab log is told at its runner's first section, near its start."""
        stamp, body = self.times(raw) if self.times else runnerlines.split(raw)
        if self.times is None and stamp is None and number <= HEAD_LINES and SectionTimes.opens(body):
            self.times = SectionTimes()
            stamp, body = self.times(raw)
        return stamp, body

    def _open(self, number: int, body: bytes, opened: tuple[str, str] | None) -> None:
        if opened and len(self.sections) < MAX_STEPS:
            self.sections.append(_Section(opened[1], opened[0], number))
            self.recent.clear()
            self.quiet, self.quiet_after, self.previous = 0.0, 0, None
            self.in_header = opened[0] == "run"
        elif not self.sections:
            # A job log opens with the runner's own step; a cut-out log, with whatever step was running.
            first = runnerlines.SETUP if body.startswith(_SETUP_LINES) else self.first_name
            self.sections.append(_Section(first, "setup", number))

    def _timed(self, section: _Section, stamp: float) -> None:
        section.first = stamp if section.first is None else section.first
        section.last = stamp
        if self.previous is not None and stamp - self.previous[1] > self.quiet:
            self.quiet, self.quiet_after = stamp - self.previous[1], self.previous[0]
        if self.times is not None and self.times.sparse:  # a stop line without a time: the next time known
            for shot in filter(None, (self.limit, self.fallback)):
                shot.at = stamp if shot.at is None else shot.at

    def _at(self, stamp: float | None) -> float | None:
        """When a line was written: another CI's unstamped line (a Pipeline's own) came after the last stamped one."""
        if stamp is None and self.times is not None and not self.times.sparse and self.previous is not None:
            return self.previous[1]
        return stamp

    def _printed(self, body: bytes, opened: tuple[str, str] | None) -> bool:
        """A line a step printed, not the CI's about its steps (GitHub's are in the group a step opens)."""
        if body.startswith(b"##[group]"):
            return False
        return self.times is None or (opened is None and not linetimes.bookkeeping(body))

    def _snapshot(self, number: int, stamp: float | None) -> _Snapshot:
        shown = tuple((n, normalize(decode(raw)).rstrip()[:1000]) for n, raw in self.recent)
        return _Snapshot(len(self.sections) - 1, number, stamp, self.quiet, self.quiet_after, shown)


def _durations(sections: Sequence[_Section]) -> tuple[StepTime, ...]:
    out = []
    for i, s in enumerate(sections):
        nxt = sections[i + 1].first if i + 1 < len(sections) else None
        end = nxt if nxt is not None else s.last
        if s.first is not None and end is not None:
            out.append(StepTime(s.name, max(end - s.first, 0.0), s.line))
    return tuple(out)


def read_timing(doc: LogDoc, fallback_line: int | None = None) -> Timing | None:
    """The timing of one log, or None when its lines carry no times.

    The running step is the one that printed the runner's timeout or cancel line, else the one holding
    ``fallback_line`` (the diagnosis's anchor). Another CI's stamped log is read as written (linetimes.py).
    """
    times = linetimes.timer(doc)
    reader = _Reader(doc.step or "", fallback_line, times)
    opener = doc.raw if times is not None and doc.raw is not None else doc.opener
    with opener() as stream:
        for number, raw in runnerlines.lines(stream):
            reader.feed(number, raw)
    shot = reader.limit or reader.fallback
    if shot is None or not reader.sections:
        return None
    running = reader.sections[shot.section]
    steps = _durations(reader.sections)
    if not steps or shot.at is None or running.first is None:
        return None
    return Timing(
        file=doc.name,
        steps=steps,
        running=running.name,
        running_line=running.line,
        running_seconds=max(shot.at - running.first, 0.0),
        limit_line=shot.line,
        quiet_seconds=shot.quiet,
        quiet_after=shot.quiet_after,
        last_lines=tuple(ExcerptLine(n, t, doc.name) for n, t in shot.lines),
    )


# --- lines in GitHub's log viewer ---------------------------------------------------------------


def step_starts(doc: LogDoc) -> list[tuple[int, str, str]]:
    """(first line, kind, name) of each step a job log holds after "Set up job", which starts at line 1."""
    starts: list[tuple[int, str, str]] = []
    with doc.opener() as stream:
        for number, raw in runnerlines.lines(stream):
            head = raw[:80]
            if runnerlines.RUN not in head and b"Post job cleanup." not in head and b"Cleaning up orphan" not in head:
                continue  # the cheap test first: most lines open no step
            opened = runnerlines.boundary(runnerlines.split(raw)[1])
            if opened:
                starts.append((number, *opened))
    return starts


def _api_step(index: int, name: str, executed: Sequence[Step]) -> Step | None:
    """The jobs-API step of the ``index``-th section of a job log, when that is certain enough.

    Skipped steps print nothing, so sections follow the steps that ran. A step that opens without a "Run"
    group (a container job's "Initialize containers") or a composite action's inner groups shift that
    count, so the step must also be the one that failed or carry the section's name; else None (the job).
    """
    named = [s for s in executed if s.name in (f"Run {name}", name)]
    if len(named) == 1 and index > 0:
        return named[0]
    if index < len(executed):
        step = executed[index]
        if step.conclusion in ("failure", "cancelled") or (index == 0 and step.name == runnerlines.SETUP):
            return step
    return None


def map_step_lines(doc: LogDoc, lines: Sequence[int], steps: Sequence[Step]) -> tuple[StepLine, ...]:
    """Where each of ``lines`` of ``doc`` is in the log viewer's per-step numbering.

    A step file of a run-logs zip is one step (its ``N_`` prefix is the step's number, its line 1 the
    viewer's line 1). A job log is cut at the lines each step opens with; lines after a post step are left
    out (their numbers are not knowable from the log), as is every line when ``steps`` is empty.
    """
    if doc.step_number is not None:
        return tuple(StepLine(doc.name, n, doc.step_number, n) for n in lines)
    if not steps or not lines:
        return ()
    executed = sorted((s for s in steps if s.conclusion not in ("skipped", None)), key=lambda s: s.number)
    starts = [(1, "setup", runnerlines.SETUP), *step_starts(doc)]
    found = []
    for n in lines:
        index = max(i for i, (first, _, _) in enumerate(starts) if first <= n)
        first, kind, name = starts[index]
        if any(k == "post" for _, k, _ in starts[: index + 1]):
            continue
        step = _api_step(index, name, executed)
        if step is not None:
            found.append(StepLine(doc.name, n, step.number, n - first + 1))
    return tuple(found)


def with_timing(diagnosis: Diagnosis, docs: Sequence[LogDoc], steps: Sequence[Step] = ()) -> Diagnosis:
    """The diagnosis with its key lines, its timing (timeouts and cancels) and, given the jobs API's
    ``steps``, where its key lines are in the log viewer. Reads a log only for what it needs."""
    diagnosis = with_key_lines(diagnosis)
    keys = key_excerpt(diagnosis)
    by_name = {d.name: d for d in docs}
    anchor_doc = by_name.get(keys[0].file) if keys else None
    timing, step_lines = diagnosis.timing, diagnosis.step_lines
    if needs_timing(diagnosis) and timing is None:
        doc = anchor_doc or (docs[-1] if docs and not keys else None)
        timing = read_timing(doc, keys[0].line if keys else None) if doc is not None else None
    if keys and not step_lines and (steps or any(d.step_number is not None for d in docs)):
        found: list[StepLine] = []
        for name in dict.fromkeys(k.file for k in keys):
            if name in by_name:
                found += map_step_lines(by_name[name], [k.line for k in keys if k.file == name], steps)
        step_lines = tuple(found)
    return replace(diagnosis, timing=timing, step_lines=step_lines)
