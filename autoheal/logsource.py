"""Turn what the user gave (file, run-logs zip, directory, stdin) into log documents.

A document is opened lazily and read as a byte stream, so a 1 GB log is never
held in memory whole.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING

from autoheal import dialect, lazyre
from autoheal.errors import InputError

if TYPE_CHECKING:
    import zipfile

# zipfile and tempfile (with zipsafe) are imported where a zip or stdin needs them: a plain log's triage
# skipped ~21 M instructions of their imports (issue 14).

# GitHub names job logs "N_<job>.txt" (older archives "-9999999999_<job>.txt")
# and step logs "<job>/<step.number>_<step>.txt".
_ORDINAL = lazyre.compile(r"^(-?\d+)_(.*)\.txt$")


@dataclass(frozen=True)
class LogDoc:
    """One log inside an input: ``name`` is the member/file shown as ``file`` in excerpts."""

    name: str
    opener: Callable[[], IO[bytes]]
    job: str | None = None
    step: str | None = None
    step_number: int | None = None
    failed_step: str | None = None  # gh output's name of the step that failed (dialect.columns)
    # The log's bytes as written, before ``opener``'s dialect undoing (dialect.wrap) cut a CI's stamps from
    # its lines: timing.py reads each line's time from them (linetimes.py). None: ``opener``'s are those bytes.
    raw: Callable[[], IO[bytes]] | None = None


def is_run_url(spec: str) -> bool:
    """A workflow run's URL (``autoheal.runfetch`` downloads it) rather than a local path."""
    return spec.startswith(("https://", "http://")) and "/actions/runs/" in spec


def _is_junk(name: str) -> bool:
    return name.startswith("__MACOSX/") or PurePosixPath(name).name.startswith(("._", ".DS_Store"))


def _ordinal(filename: str) -> tuple[int, str] | None:
    m = _ORDINAL.match(filename)
    return (int(m.group(1)), m.group(2)) if m else None


def zip_docs(archive: zipfile.ZipFile, label: str, every: bool = False) -> list[LogDoc]:
    """Job files when the zip has them (they hold every step), else the step files.

    With ``every``, both: report mode picks the failed step's file itself.
    """
    from autoheal.zipsafe import check_archive

    check_archive(archive, label)
    jobs: list[tuple[int, LogDoc]] = []
    steps: list[tuple[str, int, LogDoc]] = []
    others: list[LogDoc] = []
    for info in archive.infolist():
        name = info.filename
        if info.is_dir() or _is_junk(name):
            continue
        path = PurePosixPath(name)
        parsed = _ordinal(path.name)
        raw = _member_opener(archive, name, label)
        opener = dialect.wrap(raw)
        if len(path.parts) == 1 and parsed:
            jobs.append((parsed[0], LogDoc(name, opener, job=parsed[1], raw=raw)))
        elif len(path.parts) == 2 and parsed:
            doc = LogDoc(name, opener, job=path.parts[0], step=parsed[1], step_number=parsed[0], raw=raw)
            steps.append((path.parts[0], parsed[0], doc))
        else:
            others.append(LogDoc(name, opener, raw=raw))
    step_docs = [d for _, _, d in sorted(steps, key=lambda s: (s[0], s[1]))]
    if jobs:
        job_docs = [d for _, d in sorted(jobs, key=lambda j: j[0])]
        return job_docs + (step_docs if every else []) + others
    return step_docs + others


def _member_opener(archive: zipfile.ZipFile, name: str, label: str) -> Callable[[], IO[bytes]]:
    from autoheal.zipsafe import MEMBER_ERRORS, Member, member_error

    def opener() -> IO[bytes]:
        try:
            inner = archive.open(name)
        except MEMBER_ERRORS as exc:
            raise InputError(f"{label}: cannot read {name!r} from the zip: {member_error(exc)}") from None
        return io.BufferedReader(Member(inner, name, label), 1 << 16)

    return opener  # as written: zip_docs wraps it


def open_zip(source: Path | IO[bytes], label: str) -> list[LogDoc]:
    import zipfile

    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(
            f"{label}: not a readable zip, truncated or corrupt ({exc}); download the logs again"
        ) from None
    docs = zip_docs(archive, label)
    _test_small(archive, label)
    if not docs:
        raise InputError(f"{label}: the zip holds no log files")
    return docs


def _test_small(archive: zipfile.ZipFile, label: str) -> None:
    """Check every CRC of a small zip up front (a large one is checked as it is read)."""
    if sum(m.file_size for m in archive.infolist()) >= 64 << 20:
        return
    for member in archive.infolist():
        if not member.is_dir():
            with _member_opener(archive, member.filename, label)() as stream:  # its CRC: no dialect undone
                while stream.read(1 << 20):
                    pass


def _file_opener(path: Path, undone: bool = True) -> Callable[[], IO[bytes]]:
    def opener() -> IO[bytes]:
        try:
            return path.open("rb")
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None

    return dialect.wrap(opener) if undone else opener


def _dir_files(root: Path) -> tuple[list[Path], int]:
    """Regular files under ``root``, and how many symlinks leading out of it were skipped.

    Symlinked directories are not entered (what they hold inside ``root`` is listed anyway).
    """
    inside, files, skipped = root.resolve(), [], 0
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if path.is_symlink() and not path.resolve().is_relative_to(inside):
                skipped += 1
            elif path.is_file() and not _is_junk(path.relative_to(root).as_posix()):
                files.append(path)
    return sorted(files), skipped


def dir_docs(root: Path) -> list[LogDoc]:
    files, skipped = _dir_files(root)
    if not files:
        outside = f" ({skipped} symlinks leading out of it were skipped)" if skipped else ""
        raise InputError(f"{root}: the directory holds no files{outside}")
    docs = []
    for p in files:
        rel = p.relative_to(root).as_posix()
        parsed = _ordinal(p.name)
        job = step = None
        if parsed and len(PurePosixPath(rel).parts) == 2:
            job, step = p.parent.name, parsed[1]
        elif parsed:
            job = parsed[1]
        docs.append(LogDoc(rel, _file_opener(p), job=job, step=step, raw=_file_opener(p, undone=False)))
    return docs


def _spool_stdin() -> IO[bytes]:
    """Stdin is read once; a zip needs seeking, so it is spooled to a temporary file.

    The file has no name (POSIX unlinks it at once; Windows deletes it on close, also
    when the process dies), so no copy of the log is left behind, whatever happens.
    """
    import tempfile

    tmp = tempfile.TemporaryFile(prefix="autoheal-stdin-")
    try:
        shutil.copyfileobj(sys.stdin.buffer, tmp, 1 << 20)
    except BaseException:
        tmp.close()
        raise
    tmp.seek(0)
    return tmp


def _spool_opener(spool: IO[bytes]) -> Callable[[], IO[bytes]]:
    def opener() -> IO[bytes]:
        # Each reader gets its own handle, so closing it keeps the spool for the next one.
        stream = os.fdopen(os.dup(spool.fileno()), "rb")
        stream.seek(0)
        return stream

    return opener  # dialect.per_job wraps each job's reader


def _is_zip(magic: bytes, source: Path | IO[bytes]) -> bool:
    """A zip by its first bytes: a local header is one (a truncated one is then an error, not a log);
    an empty archive or a self-extractor is one when its directory says so."""
    if magic[:2] != b"PK":
        return False
    import zipfile

    return magic == b"PK\x03\x04" or zipfile.is_zipfile(source)


def _stdin_docs() -> list[LogDoc]:
    spool = _spool_stdin()
    head = spool.read(dialect.HEAD_BYTES)
    if _is_zip(head[:4], spool):
        spool.seek(0)
        return open_zip(spool, "<stdin>")
    return _per_job(head, _spool_opener(spool))


def open_input(spec: str) -> list[LogDoc]:
    """Documents for one command-line input; raise InputError with a reason when unreadable."""
    if spec == "-":
        return _stdin_docs()
    path = Path(spec)
    if path.is_dir():
        return dir_docs(path)
    if not path.exists():
        raise InputError(f"{spec}: no such file or directory")
    try:
        with path.open("rb") as fh:
            head = fh.read(dialect.HEAD_BYTES)  # a zip's magic, or the head that tells gh's job column
    except OSError as exc:
        raise InputError(f"{spec}: cannot read ({exc.strerror})") from None
    if _is_zip(head[:4], path):
        return open_zip(path, spec)
    return _per_job(head, _file_opener(path, undone=False))


def _per_job(head: bytes, raw: Callable[[], IO[bytes]]) -> list[LogDoc]:
    """One log's documents (one per job of gh output), each with the step gh's columns say failed."""
    return [LogDoc("", opener, job=job, failed_step=step, raw=raw) for job, opener, step in dialect.per_job(head, raw)]


def bytes_doc(name: str, data: bytes, job: str | None = None, step: str | None = None) -> LogDoc:
    """A document over bytes already in memory (job logs fetched from the API, tests)."""
    raw = functools.partial(io.BytesIO, data)
    return LogDoc(name, dialect.wrap(raw), job=job, step=step, raw=raw)
