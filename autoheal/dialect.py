"""Log dialects the read layer undoes, so the scan sees the lines a runner wrote.

A dialect is a shape the whole log is in, told once from its first lines (never guessed line by
line): ``gh run view --log`` output, whose lines each start with the job and the step
(``job<TAB>step<TAB>2024-05-02T14:03:11.1200000Z text``,
https://cli.github.com/manual/gh_run_view), a CI's stamp before each line (Jenkins' Timestamper,
GitLab's job log timestamps, TeamCity's export: stamps.py), and a log pasted under a common indent (a
fixture in a test file, a quoted block). Undoing one keeps every line where it was (one line in, one line out),
so line numbers stay the file's own, and never makes up or replaces a line. gh's job column is the
document's job; gh output of several jobs is read as one document per job (``per_job``). An
ordinary log costs one look at its head. (Which CI wrote a log is told by its marker lines:
``marks``, ``sections``.)
"""

from __future__ import annotations

import functools
import io
import itertools
import re
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

from autoheal import stamps

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

# What is looked at to tell the dialect: enough for several lines of any log.
HEAD_BYTES = 1 << 16
HEAD_LINES = stamps.HEAD_LINES
# An indent is only told from this many non-blank lines (a short snippet may be all indented text).
MIN_INDENTED = 8
# A line longer than this has its start undone and the rest passed through as it comes: a dialect is
# in a line's first bytes, and holding a whole line to its end made a 1 GB line cost memory and
# quadratic copying (every read joined the line so far to the new bytes).
LONG_LINE = HEAD_BYTES
MAX_JOBS = 64  # jobs of one gh output told apart: a run's matrix rarely has more
# gh's columns: the job's name, the step's name, then the runner's own timestamp. The step's name may hold a
# tab (an unnamed step is named ``Run <its command's first line>``, and a command may hold one: ``printf 'a\tb'``),
# so it runs to the first tab a timestamp follows; the job's is up to the first tab. The step's tabs are capped
# (_STEP_TABS): a line of tabs and no timestamp would otherwise be read to its end once per tab, per job.
_STAMPED = rb"(?:\xef\xbb\xbf)?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z"
_STEP_TABS = 8
_STEP = rb"([^\t\n]*(?:\t[^\t\n]*){0,%d}?)\t" % _STEP_TABS
_GH_LINE = re.compile(rb"([^\t\n]*)\t" + _STEP + rb"(?=" + _STAMPED + rb")")
_GH_TEXT = re.compile(
    r"^[^\t\n]*\t[^\t\n]*(?:\t[^\t\n]*){0,%d}?\t(?=" % _STEP_TABS + r"\ufeff?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)"
)

Undo = Callable[[list[bytes]], list[bytes]]


def wrap(opener: Callable[[], IO[bytes]], job: str | None = None) -> Callable[[], IO[bytes]]:
    """``opener`` whose stream has its log's dialect undone (the stream itself for an ordinary log).

    With ``job``, a ``gh run view --log`` stream keeps that job's lines only (the others blank, so
    every line stays where it was: ``jobs``).
    """

    def opened() -> IO[bytes]:
        stream = opener()
        try:
            head = stream.read(HEAD_BYTES)
        except BaseException:
            stream.close()  # (a zip member corrupt in its first bytes: its InputError, and no handle left open)
            raise
        undo = detect(head, eof=len(head) < HEAD_BYTES)
        if undo is None and stream.seekable():
            stream.seek(0)
            return stream
        if isinstance(undo, GhColumns):
            undo.job = job
        return io.BufferedReader(_Undone(stream, head, undo), 1 << 16)

    return opened


def detect(head: bytes, eof: bool = False) -> Undo | None:
    """The undoing of the dialect ``head`` (a log's first bytes) is in, or None for an ordinary log."""
    lines = head.split(b"\n")
    if not eof:
        lines = lines[:-1]  # the last one may be cut short
    # The first HEAD_LINES written lines, not all the head's (this runs at each open of every log); more only
    # where a Pipeline's ``timestamps {}`` step opens in the head (stamps.detect looks past it).
    count = stamps.LATE_LINES if stamps.TIMESTAMPS_STEP in head else HEAD_LINES
    written = [line.rstrip(b"\r") for line in itertools.islice(filter(bytes.strip, lines), count)]
    if written and all(_GH_LINE.match(line) for line in written[:5]):
        return GhColumns()
    if stamped := stamps.detect(written):
        return stamped
    written = written[:HEAD_LINES]
    if len(written) >= HEAD_LINES or (eof and len(written) >= MIN_INDENTED):
        indent = min(len(line) - len(line.lstrip(b" ")) for line in written)
        if indent >= 2:
            return lambda batch: [line[min(indent, len(line) - len(line.lstrip(b" "))) :] for line in batch]
    return None


class GhColumns:
    """Drop gh's job and step columns: each line becomes the runner's line, text and all.

    Where one step ends and the next begins is then told as in the job's own log (``##[group]Run``,
    a runner step's first line: ``markers``); no line is made up or replaced, so key lines, links
    and excerpts are the file's own. With ``job`` set, another job's lines are left blank.
    """

    def __init__(self) -> None:
        self.job: str | None = None
        self.column = b""  # the job column seen last, and whether it is ``job``'s
        self.mine = True

    def __call__(self, batch: list[bytes]) -> list[bytes]:
        if self.job is None:
            return [_drop_columns(line) for line in batch]
        return [self._line(line) for line in batch]

    def _line(self, line: bytes) -> bytes:
        m = _GH_LINE.match(line)
        if m is None:  # a line gh did not write: it goes with the job before it
            return line if self.mine else b""
        if m[1] != self.column:
            self.column, self.mine = m[1], _name(m[1]) == self.job
        return line[m.end() :] if self.mine else b""


def _drop_columns(line: bytes) -> bytes:
    m = _GH_LINE.match(line)
    return line if m is None else line[m.end() :]


def _name(column: bytes) -> str:
    return column.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace").strip()


def job(head: bytes) -> str | None:
    """The job gh's first column names, for a log (its first ``HEAD_BYTES``, or all of it) in gh's shape."""
    if not isinstance(detect(head, eof=len(head) < HEAD_BYTES), GhColumns):
        return None
    first = next(line for line in head.split(b"\n") if line.strip())
    m = _GH_LINE.match(first.rstrip(b"\r"))
    return (_name(m[1]) if m else "") or None


# The runner's verdict on the step that failed, with gh's job and step columns before it: the step column names
# that step (``Run ruff linter``, ``Unit Tests``; an unnamed step's ``Run <command>``), which no ``##[group]Run``
# line may name when the log holds only that step's last lines (``gh run view --log-failed`` cut short).
_VERDICT = b"##[error]Process completed with exit code"
_FAILED_STEP = re.compile(rb"\n(?:\xef\xbb\xbf)?([^\t\n]*)\t" + _STEP + _STAMPED + rb"\s?" + re.escape(_VERDICT))


def columns(head: bytes, opener: Callable[[], IO[bytes]]) -> tuple[list[str], dict[str, str]]:
    """Of ``gh run view --log`` output (``head``, then all of it from ``opener``): its jobs, as gh printed them
    one after another (``--log`` prints every job of the run, ``--log-failed`` each failed one), and each job's
    failed step (the step column of its last ``Process completed with exit code`` line, without gh's ``Run ``
    before an unnamed step's command); ([], {})
    for another log. One pass over the bytes: a line's job is only looked at where it is not the one before,
    and the verdict is found with ``bytes.find``, the columns' regex tried on its lines only."""
    first = job(head)
    if first is None:
        return [], {}
    found, current, carry = [first], b"", b"\n"
    failed: dict[str, str] = {}
    with opener() as stream:
        while chunk := stream.read(1 << 20):
            data = carry + chunk  # (``carry`` starts with the newline before the line it holds)
            end, at = data.rfind(b"\n") + 1, 0
            while len(found) < MAX_JOBS and (m := _other_job(current).search(data, at, end)):
                current, at = m[1], m.end()
                if (name := _name(current)) and name not in found:
                    found.append(name)
            _failed_steps(data, end, failed)
            carry = data[end - 1 :][:LONG_LINE]  # a line's columns are at its start: a long one's start will do
    return found[:MAX_JOBS], failed


def _failed_steps(data: bytes, end: int, failed: dict[str, str]) -> None:
    """Note in ``failed`` the job and step columns of each runner verdict in ``data[:end]``."""
    at = data.find(_VERDICT, 0, end)
    while at >= 0:
        if m := _FAILED_STEP.match(data, data.rfind(b"\n", 0, at)):
            failed[_name(m[1])] = _name(m[2]).removeprefix("Run ")  # an unnamed step's ``Run <command>``
        at = data.find(_VERDICT, at + len(_VERDICT), end)


Doc = tuple[str | None, Callable[[], IO[bytes]], str | None]  # a job, its lines' opener, its failed step


def per_job(head: bytes, opener: Callable[[], IO[bytes]]) -> list[Doc]:
    """The documents one log (``head`` its first bytes) is read as, each with its job and the step gh's columns
    say failed: the log itself, or for gh output of several jobs one per job, whose lines are that job's
    (``wrap``) and numbered as in the file, so a failure is told in its own job and a passing job's errors are
    no part of it."""
    found, failed = columns(head, opener)
    if len(found) <= 1:
        name = found[0] if found else None
        return [(name, wrap(opener), failed.get(name or ""))]
    return [(name, wrap(opener, name), failed.get(name)) for name in found]


@functools.lru_cache(maxsize=MAX_JOBS)
def _other_job(column: bytes) -> re.Pattern[bytes]:
    """A line of gh's output whose job column is not ``column``: where another job's lines begin."""
    return re.compile(rb"\n(?!" + re.escape(column) + rb"\t)(?:\xef\xbb\xbf)?([^\t\n]*)\t" + _STEP + _STAMPED)


def without_columns(text: str) -> str:
    """``text`` (one decoded line) without gh's job and step columns, when it has them."""
    return _GH_TEXT.sub("", text, count=1)


def _undone_lines(undo: Undo, data: bytes) -> bytes:
    """``data`` (whole lines, the last one without its newline at the end of the log) with ``undo`` applied."""
    if not data:
        return b""
    if isinstance(undo, stamps.Stamped):
        return undo.whole(data)
    lines = data.split(b"\n")
    last = lines.pop() if not data.endswith(b"\n") else None
    done = undo(lines[:-1] if last is None else lines)
    text = b"\n".join(done) + b"\n" if done else b""
    return text + b"".join(undo([last])) if last is not None else text


class _Undone(io.RawIOBase):
    """``inner`` (whose first bytes ``head`` were read already) with ``undo`` applied to each line."""

    def __init__(self, inner: IO[bytes], head: bytes, undo: Undo | None) -> None:
        self._inner, self._undo = inner, undo
        self._partial = b""  # a line not ended yet
        self._passing = False  # inside a long line whose start was undone: the rest goes through as it is
        self._blanked = False  # ... or, when its start was left blank (another job's line), is left out too
        self._out = self._apply(head, eof=False) if head else b""
        self._eof = not head

    def readable(self) -> bool:
        return True

    def _apply(self, data: bytes, eof: bool) -> bytes:
        if self._undo is None:
            return data
        passed = b""
        if self._passing:
            nl = data.find(b"\n")
            if nl < 0:
                return b"" if self._blanked else data
            passed, data, self._passing = b"\n" if self._blanked else data[: nl + 1], data[nl + 1 :], False
        data = self._partial + data
        end = len(data) if eof else data.rfind(b"\n") + 1
        self._partial = data[end:]
        if len(self._partial) > LONG_LINE:
            (start,) = self._undo([self._partial])
            self._partial, self._passing, self._blanked = b"", True, not start
            return passed + _undone_lines(self._undo, data[:end]) + start
        return passed + _undone_lines(self._undo, data[:end])

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        while not self._out and not self._eof:
            data = self._inner.read(max(len(view), 1 << 16))
            self._eof = not data
            self._out = self._apply(data, eof=self._eof)
        size = min(len(view), len(self._out))
        view[:size] = self._out[:size]
        self._out = self._out[size:]
        return size

    def close(self) -> None:
        self._inner.close()
        super().close()
