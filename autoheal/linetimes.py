"""The time of each line of a log that another CI than GitHub stamped, and where its steps begin, for timing.py.

The read layer cuts Jenkins', GitLab's and TeamCity's stamps from every line (stamps.py, dialect.wrap), so
what every reader sees has no time left in it. timing.py reads such a log as written (``LogDoc.raw``),
told by the same look at its head (``dialect.detect``), and cuts each stamp here with the same regex,
keeping its time; a line keeps its number, as through the read layer. Each shape's time in seconds:

- with a date (GitLab's RFC 3339 time, Timestamper's ISO one): since year 1, its fraction kept, a
  ``Z`` or an offset taken to UTC (the base GitHub's stamps are read in: ``runnerlines.second_of``);
- a clock without one (Timestamper's ``21:51:15``, TeamCity's ``[09:00:00]``) or Timestamper's elapsed
  ``00:00:01.234``: seconds of a day, and a day more each time the clock goes back past midnight.

A GitLab log without FF_TIMESTAMPS has times only in the runner's section markers
(``section_start:UNIX_TIME:NAME``, ``section_end:…``; SectionTimes): its sections are timed by them, and
the moment a step was stopped is the next marker's time.

Where a step begins, besides GitHub's ``##[group]Run`` (timing.py): a Jenkins Pipeline stage (or a
parallel branch) opens with ``[Pipeline] { (NAME)`` (https://www.jenkins.io/doc/pipeline/steps/), a
GitLab section with ``section_start:UNIX_TIME:NAME`` (https://docs.gitlab.com/ci/jobs/job_logs/: the
runner's own, ``step_script`` and the others, and any a script prints), a TeamCity build step with
``Step 1/2: NAME (RUNNER)`` (at the build's own level, no tab before it); in a GitLab log, each
``$ command`` of the job's script too.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from autoheal import dialect, lazyre, stamps

if TYPE_CHECKING:
    from autoheal.logsource import LogDoc

DAY = 86_400
# A clock that goes back more than this has passed midnight; less is two writers' lines out of order.
WRAP = DAY // 2
_ISO = re.compile(rb"(\d{4}-\d\d-\d\d)T(\d\d):(\d\d):(\d\d)(?:[.,](\d+))?(?:Z|([+-])(\d\d):?(\d\d))?")
_CLOCK = re.compile(rb"(\d\d):(\d\d):(\d\d)(?:\.(\d+))?")
_STAGE = re.compile(rb"\[Pipeline\] \{ \((.{1,200})\)\s*$")
# The runner writes a section's end marker without a line end (``section_end:T:NAME\r`` and a clear), so the
# next section's start marker may follow it on the same line (cimarkers.py reads them the same way).
_SECTION = re.compile(rb"(?:^|\r)(?:\x1b\[0K)*section_start:\d+:([\w.-]{1,200})")
_MARKER = re.compile(rb"section_(?:start|end):(\d{1,12}):")
# The runner's own first sections (an unstamped line that opens one: a GitLab job log).
_RUNNER_SECTION = re.compile(
    rb"(?:^|\r)(?:\x1b\[0K)*section_start:\d{1,12}:(?:resolve_secrets|prepare_executor|prepare_script)"
)
EPOCH = 719_163 * DAY  # 1970-01-01 in seconds since year 1, the base every other time here is in
# GitLab's runner prints each line of a job's script, in green, before running it (markers.py reads the same).
# Matched on the line without its trailing spaces: a ``\s*$`` after the lazy command was tried at each of its
# lengths over the whole rest of the line (a hostile 64 KB line of spaces took 0.1 s).
_GITLAB_COMMAND = re.compile(rb"(?:\x1b\[[\d;]*m)*\$ (\S.{0,199}?)(?:\x1b\[0;m)?$")
_TEAMCITY_STEP = re.compile(rb"Step \d+/\d+: (.{1,200})")  # (docker build's is ``Step 1/5 : FROM``)
# Lines another CI prints where it stops a step for its time limit: the moment, as GitHub's are (timing._LIMIT).
# GitLab's runner says which step it stopped, then cleans up in sections of its own before the job's verdict
# (https://github.com/DataBiosphere/azul/issues/7026); Jenkins' timeout step and build-timeout plugin
# (https://plugins.jenkins.io/build-timeout/).
_STOPPED = lazyre.compile(
    rb"could not run to completion because the timeout was exceeded"
    rb"|^(?:Cancelling nested steps due to timeout|Timeout has been exceeded)|^Build timed out \(after \d+ minutes\)"
)
# Lines that are the CI's bookkeeping, not what the step printed: left out of its last lines.
_BOOKKEEPING = (b"[Pipeline] ", b"\x1b[0Ksection_", b"section_")


@functools.lru_cache(maxsize=64)
def day_start(date: bytes) -> int | None:
    """Seconds from year 1 to the day ``YYYY-MM-DD`` begins; None for a day no calendar has (``2024-13-45``)."""
    import datetime  # here: only a timeout reads times (its import cost every triage, issue 14)

    try:
        return datetime.date.fromisoformat(date.decode()).toordinal() * DAY
    except ValueError:
        return None


def timer(doc: LogDoc) -> LineTimes | None:
    """Another CI's stamped lines, read from ``doc`` as written (``doc.raw``: the read layer cuts the stamp),
    or None (an unstamped log, GitHub's stamps, gh's columns)."""
    if doc.raw is None:
        return None
    with doc.raw() as stream:
        head = stream.read(dialect.HEAD_BYTES)
    undo = dialect.detect(head, eof=len(head) < dialect.HEAD_BYTES)
    return LineTimes(undo) if isinstance(undo, stamps.Stamped) else None


def _fraction(digits: bytes | None) -> float:
    return float(b"0." + digits) if digits else 0.0


def _utc(iso: re.Match[bytes]) -> float | None:
    """Seconds since year 1, in UTC, of an ISO time with a date (None for a date no calendar has)."""
    date, hours, minutes, seconds, fraction, sign, off_h, off_m = iso.groups()
    day = day_start(date)
    if day is None:
        return None
    offset = (int(off_h) * 3600 + int(off_m) * 60) * (1 if sign == b"+" else -1) if sign else 0
    return day + int(hours) * 3600 + int(minutes) * 60 + int(seconds) + _fraction(fraction) - offset


class LineTimes:
    """Split a stamped line (as written, without its line end) into its time in seconds and the tool's line."""

    sparse = False  # each line has its time (a Pipeline's own lines came after the last stamped one)

    def __init__(self, shape: stamps.Stamped) -> None:
        self._match = shape.match
        self._gitlab = False  # a GitLab section was opened: each ``$ command`` line is a step of its own
        self._days = 0  # midnights a clock has passed
        self._clock: float | None = None  # the last clock time read, in seconds of its day
        self._nested = False  # the last stamp cut held TeamCity's nesting tabs

    def __call__(self, raw: bytes) -> tuple[float | None, bytes]:
        m = self._match(raw)
        if m is None:  # (a Pipeline's own lines, a line before ``timestamps {}``)
            return None, raw.removeprefix(b"\xef\xbb\xbf")
        self._nested = b"\t" in raw[: m.end()]
        return self._seconds(raw[: m.end()]), raw[m.end() :]

    def boundary(self, body: bytes) -> tuple[str, str] | None:
        """(kind, name) when a line opens a step: a stage, a section or a build step (``boundary``), and in a
        GitLab log each command of the job's script, as GitHub's steps are each a ``run:`` the user wrote (the
        runner's ``step_script`` phase holds them all)."""
        opened = boundary(body)
        if opened is not None and opened[0] == "step" and self._nested:
            return None  # TeamCity nests a build step's own output under tabs: a tool's ``Step 1/2:`` is none
        if opened is not None:
            self._gitlab = self._gitlab or opened[0] == "section"
        elif self._gitlab and b"$ " in body[:16] and (m := _GITLAB_COMMAND.match(body.rstrip())):
            return "command", m[1].decode("utf-8", "replace").strip()
        return opened

    def _seconds(self, stamp: bytes) -> float | None:
        if iso := _ISO.search(stamp):
            return _utc(iso)
        clock = _CLOCK.search(stamp)
        if clock is None:
            return None
        hours, minutes, seconds, fraction = clock.groups()
        at = int(hours) * 3600 + int(minutes) * 60 + int(seconds) + _fraction(fraction)
        if self._clock is not None and at < self._clock - WRAP:
            self._days += 1
        self._clock = at
        return self._days * DAY + at


class SectionTimes:
    """An unstamped GitLab log's only times: the UNIX time the runner writes in each section's start and end
    marker. The lines between have none; a stop line's moment is the next time known (``sparse``)."""

    sparse = True

    @staticmethod
    def opens(body: bytes) -> bool:
        """The runner's first section on an unstamped line: a GitLab log whose markers tell the time."""
        return b"section_start:" in body and _RUNNER_SECTION.search(body) is not None

    def __call__(self, raw: bytes) -> tuple[float | None, bytes]:
        body = raw.removeprefix(b"\xef\xbb\xbf")
        times = _MARKER.findall(body) if b"section_" in body else ()
        return (EPOCH + int(times[-1]) if times else None), body  # (an end and a start: the later one)

    def boundary(self, body: bytes) -> tuple[str, str] | None:
        opened = boundary(body)
        return opened if opened is not None and opened[0] == "section" else None


def boundary(body: bytes) -> tuple[str, str] | None:
    """(kind, name) when a line (its stamp cut) opens a Jenkins stage, a GitLab section or a TeamCity step."""
    if body.startswith(b"[Pipeline] { (") and (m := _STAGE.match(body)):
        return "stage", m[1].decode("utf-8", "replace").strip()
    if b"section_start:" in body and (m := _SECTION.search(body)):
        return "section", m[1].decode("ascii")
    if body.startswith(b"Step ") and (m := _TEAMCITY_STEP.match(body)):
        return "step", m[1].decode("utf-8", "replace").strip()
    return None


def bookkeeping(body: bytes) -> bool:
    """A line the CI wrote about its steps (``[Pipeline] sh``, a GitLab section marker), not a step's output."""
    return body.startswith(_BOOKKEEPING)


def stopped(body: bytes) -> bool:
    """The line another CI prints where it stops a step that ran out of time."""
    return b"ime" in body and _STOPPED.search(body) is not None  # (each says "timeout" or "timed out")
