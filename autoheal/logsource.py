"""Turn what the user gave (file, run-logs zip, directory, stdin) into log documents.

A document is opened lazily and read as a byte stream, so a 1 GB log is never
held in memory whole.
"""

from __future__ import annotations

import io
import re
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from autoheal.errors import InputError

# GitHub names job logs "N_<job>.txt" (older archives "-9999999999_<job>.txt")
# and step logs "<job>/<step.number>_<step>.txt".
_ORDINAL = re.compile(r"^(-?\d+)_(.*)\.txt$")


@dataclass(frozen=True)
class LogDoc:
    """One log inside an input: ``name`` is the member/file shown as ``file`` in excerpts."""

    name: str
    opener: Callable[[], IO[bytes]]
    job: str | None = None
    step: str | None = None
    step_number: int | None = None


def _is_junk(name: str) -> bool:
    return name.startswith("__MACOSX/") or PurePosixPath(name).name.startswith(("._", ".DS_Store"))


def _ordinal(filename: str) -> tuple[int, str] | None:
    m = _ORDINAL.match(filename)
    return (int(m.group(1)), m.group(2)) if m else None


def zip_docs(archive: zipfile.ZipFile, label: str, every: bool = False) -> list[LogDoc]:
    """Job files when the zip has them (they hold every step), else the step files.

    With ``every``, both: report mode picks the failed step's file itself.
    """
    jobs: list[tuple[int, LogDoc]] = []
    steps: list[tuple[str, int, LogDoc]] = []
    others: list[LogDoc] = []
    for info in archive.infolist():
        name = info.filename
        if info.is_dir() or _is_junk(name):
            continue
        path = PurePosixPath(name)
        parsed = _ordinal(path.name)
        opener = _member_opener(archive, name, label)
        if len(path.parts) == 1 and parsed:
            jobs.append((parsed[0], LogDoc(name, opener, job=parsed[1])))
        elif len(path.parts) == 2 and parsed:
            doc = LogDoc(name, opener, job=path.parts[0], step=parsed[1], step_number=parsed[0])
            steps.append((path.parts[0], parsed[0], doc))
        else:
            others.append(LogDoc(name, opener))
    step_docs = [d for _, _, d in sorted(steps, key=lambda s: (s[0], s[1]))]
    if jobs:
        job_docs = [d for _, d in sorted(jobs, key=lambda j: j[0])]
        return job_docs + (step_docs if every else []) + others
    return step_docs + others


def _member_opener(archive: zipfile.ZipFile, name: str, label: str) -> Callable[[], IO[bytes]]:
    def opener() -> IO[bytes]:
        try:
            return archive.open(name)
        except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
            raise InputError(f"{label}: cannot read {name!r} from the zip ({exc})") from None

    return opener


def open_zip(path: Path, label: str) -> list[LogDoc]:
    try:
        archive = zipfile.ZipFile(path)
        bad = archive.testzip() if path.stat().st_size < (64 << 20) else None
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(
            f"{label}: not a readable zip, truncated or corrupt ({exc}); download the logs again"
        ) from None
    if bad:
        raise InputError(f"{label}: zip member {bad!r} is corrupt (CRC mismatch); download the logs again")
    docs = zip_docs(archive, label)
    if not docs:
        raise InputError(f"{label}: the zip holds no log files")
    return docs


def _file_opener(path: Path) -> Callable[[], IO[bytes]]:
    def opener() -> IO[bytes]:
        try:
            return path.open("rb")
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None

    return opener


def dir_docs(root: Path) -> list[LogDoc]:
    files = sorted(p for p in root.rglob("*") if p.is_file() and not _is_junk(p.relative_to(root).as_posix()))
    if not files:
        raise InputError(f"{root}: the directory holds no files")
    docs = []
    for p in files:
        rel = p.relative_to(root).as_posix()
        parsed = _ordinal(p.name)
        job = step = None
        if parsed and len(PurePosixPath(rel).parts) == 2:
            job, step = p.parent.name, parsed[1]
        elif parsed:
            job = parsed[1]
        docs.append(LogDoc(rel, _file_opener(p), job=job, step=step))
    return docs


def _spool_stdin() -> Path:
    """Stdin is read once; a zip needs seeking, so it is spooled to a temp file."""
    tmp = tempfile.NamedTemporaryFile(prefix="autoheal-stdin-", delete=False)
    with tmp:
        shutil.copyfileobj(sys.stdin.buffer, tmp, 1 << 20)
    return Path(tmp.name)


def open_input(spec: str) -> list[LogDoc]:
    """Documents for one command-line input; raise InputError with a reason when unreadable."""
    if spec == "-":
        path = _spool_stdin()
        return open_zip(path, "<stdin>") if zipfile.is_zipfile(path) else [LogDoc("", _file_opener(path))]
    path = Path(spec)
    if path.is_dir():
        return dir_docs(path)
    if not path.exists():
        raise InputError(f"{spec}: no such file or directory")
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise InputError(f"{spec}: cannot read ({exc.strerror})") from None
    if magic == b"PK\x03\x04" or (magic[:2] == b"PK" and zipfile.is_zipfile(path)):
        return open_zip(path, spec)
    return [LogDoc("", _file_opener(path))]


def bytes_doc(name: str, data: bytes, job: str | None = None, step: str | None = None) -> LogDoc:
    """A document over bytes already in memory (job logs fetched from the API, tests)."""
    return LogDoc(name, lambda: io.BytesIO(data), job=job, step=step)
