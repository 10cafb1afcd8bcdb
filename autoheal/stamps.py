"""Per-line stamps a CI puts before what a tool printed, told from a log's head and undone as it is read.

Rules and section markers are written against the tool's lines; a CI that stamps each line hides a
line's start from them. GitHub Actions' (and Azure Pipelines', the same ISO stamp) is read line by line
where it matters (normalize.STAMP: the scan's line cache and timing.py use it). The others are undone
by the read layer (dialect.py), each only when the log's head is in its shape (``detect``):

- Jenkins' Timestamper (https://plugins.jenkins.io/timestamper/): ``[2024-05-01T09:00:00.123Z] `` in a
  Pipeline's console text, ``21:51:15  `` (system clock) or ``00:00:01.234 `` (elapsed) in a freestyle
  job's. A Pipeline's own ``[Pipeline]`` lines and those before ``timestamps {}`` carry none: when its
  ``[Pipeline] timestamps`` step comes past the head's first lines (a checkout before it), the lines
  after it are looked at instead.
- GitLab's job log timestamps (``FF_TIMESTAMPS``, GitLab Runner 17.0:
  https://docs.gitlab.com/ee/ci/yaml/ci_job_log_timestamps.html): an RFC 3339 time, the stream's number
  (two hex digits) and type (``O``/``E``), and ``+`` on a line that continues the one before:
  ``2024-07-05T13:36:14.123456Z 00O `` (GitLab's own parser: ``[0-9a-f]{2}[EO][+ ]`` after the time).
- TeamCity's downloaded build log: ``[09:00:00]i: `` (``i``/``W``/``E``/``F``, or a space for a plain
  message), then a tab per level of nesting and a space.

A shape counts only when most of the head's lines are in it (MIN_SHARE of those that are not Jenkins'
``[Pipeline]`` lines, and MIN_STAMPED at least): a tool that prints its own ``HH:MM:SS`` on some lines
is not a Timestamper log, and its lines keep their times. Undoing one cuts the stamp from each line that
starts with it and keeps every line where it was (dialect.py), so line numbers stay the file's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from autoheal import lazyre

_ISO = rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?"
# The shapes, each at a line's start. GitLab's first: its time alone is GitHub's stamp (normalize.STAMP),
# which would leave the stream's ``00O `` before the tool's line.
SHAPES = (
    rb"(?:\xef\xbb\xbf)?" + _ISO + rb" [0-9a-f]{2}[EO][+ ]",  # GitLab
    rb"(?:\xef\xbb\xbf)?\[" + _ISO + rb"\] ",  # Timestamper in a Pipeline (ISO, in brackets)
    # Timestamper's clock or elapsed time, then two spaces (its documented console) or one: the head tells
    # which, so a tool's indent keeps its width.
    rb"(?:\xef\xbb\xbf)?\d\d:\d\d:\d\d(?:\.\d{1,3})?  ",
    rb"(?:\xef\xbb\xbf)?\d\d:\d\d:\d\d(?:\.\d{1,3})? ",
    rb"(?:\xef\xbb\xbf)?\[\d\d:\d\d:\d\d\][ iWEF]:\t* ?",  # TeamCity
)
_COMPILED = tuple(lazyre.compile(shape) for shape in SHAPES)  # a log that starts with none compiles none
_STARTS = frozenset(b"0123456789[\xef")  # the first bytes of a stamp
MIN_STAMPED = 3
MIN_SHARE = 0.5
_PIPELINE = b"[Pipeline] "
TIMESTAMPS_STEP = b"[Pipeline] timestamps"
HEAD_LINES = 40  # the written lines of a log's head its stamp is told from
LATE_LINES = 400  # how far into the head a ``[Pipeline] timestamps`` step is looked for


class Stamped:
    """Cut one shape's stamp from the start of each line that has it (``dialect.Undo``)."""

    def __init__(self, shape: bytes) -> None:
        self.shape = shape
        self._line = re.compile(shape)
        self.match = self._line.match  # (linetimes.py reads each stamp's time with it)
        # After a newline, not ``(?m)^``: a literal first lets Python's re skip ahead to each line (1.8x).
        self._lines = re.compile(rb"\n" + shape)

    def __call__(self, batch: list[bytes]) -> list[bytes]:
        match = self._line.match
        return [line[m.end() :] if (m := match(line)) else line for line in batch]

    def whole(self, data: bytes) -> bytes:
        """``data`` (whole lines) with each line's stamp cut: one pass of the regex, not one call a line."""
        return self._lines.sub(b"\n", b"\n" + data)[1:]


def detect(written: Sequence[bytes]) -> Stamped | None:
    """The stamp the head's non-blank lines (``written``, without their line ends) are in, if any: the first
    ``HEAD_LINES`` of them, or those after the Pipeline's ``[Pipeline] timestamps`` when it came later."""
    found = _detect(written[:HEAD_LINES])
    if found is None and (late := _after_timestamps_step(written)) is not None:
        found = _detect(late[:HEAD_LINES])
    return found


def _after_timestamps_step(written: Sequence[bytes]) -> Sequence[bytes] | None:
    """The lines after a ``timestamps {}`` block opened (https://www.jenkins.io/doc/pipeline/steps/timestamper/):
    what ran before it (checkout, library loading) carries no stamp and may fill the first lines."""
    for i, line in enumerate(written):
        if line.lstrip().startswith(TIMESTAMPS_STEP):
            return written[i + 1 :]
    return None


def _detect(written: Iterable[bytes]) -> Stamped | None:
    lines = [line for line in written if not line.lstrip().startswith(_PIPELINE)]
    need = max(MIN_STAMPED, int(len(lines) * MIN_SHARE) + 1)
    if sum(1 for line in lines if line[:1] and line[0] in _STARTS) < need:
        return None  # (most logs: no shape is compiled or tried)
    for i, (shape, regex) in enumerate(zip(SHAPES, _COMPILED, strict=True)):
        stamped = [line for line in lines if regex.match(line)]
        if len(stamped) >= need and not _narrower(i, stamped, lines):
            return Stamped(shape)
    return None


def _narrower(i: int, stamped: list[bytes], lines: list[bytes]) -> bool:
    """Timestamper's two-space shape is its one-space shape's (the next) when a line has it without the second
    space: the space was the tool's indent (the git plugin's `` > git fetch``), which the stamp must not take."""
    if i + 1 >= len(SHAPES) or SHAPES[i] != SHAPES[i + 1] + b" ":
        return False
    wider = _COMPILED[i + 1]
    return sum(1 for line in lines if wider.match(line)) > len(stamped)
