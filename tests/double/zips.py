"""Build run-log zips laid out as GitHub serves them.

Layouts seen in real archives (shared/README.md, cli/cli's run_log.zip fixture):

- ``"jobs"``: one ``N_<job>.txt`` per job at the top level (N is the job's ordinal, not its id;
  older archives use ``-9999999999`` instead);
- ``"jobs+steps"``: the same plus ``<job>/<step.number>_<step>.txt`` per step;
- ``"steps"``: only the per-step files in job folders (as in cli/cli's fixture).

Job and step names are sanitised as GitHub does: ``/`` and ``:`` removed, then truncated to 90
UTF-16 code units; a surrogate pair cut in half becomes U+FFFD (see the emoji job name in
shared/github/logs/gh-cli-fixture-run_log.zip).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Literal

NAME_MAX_UTF16 = 90
LEGACY_ORDINAL = "-9999999999"
Layout = Literal["jobs", "jobs+steps", "steps"]


@dataclass(frozen=True)
class ZipStep:
    number: int
    name: str
    log: str


@dataclass(frozen=True)
class ZipJob:
    name: str
    log: str | None = None  # the job's whole log; defaults to its steps' logs joined
    steps: tuple[ZipStep, ...] = field(default_factory=tuple)

    def text(self) -> str:
        if self.log is not None:
            return self.log
        return "".join(step.log for step in self.steps)


def sanitize_name(name: str) -> str:
    """A job or step name as it appears in archive paths."""
    cleaned = name.replace("/", "").replace(":", "")
    units = cleaned.encode("utf-16-le")
    if len(units) <= NAME_MAX_UTF16 * 2:
        return cleaned
    return units[: NAME_MAX_UTF16 * 2].decode("utf-16-le", errors="replace")


def timestamped(lines: Iterable[str], start: datetime | None = None) -> str:
    """Prefix lines with runner timestamps (ISO-8601, 7 fractional digits, ``Z``, one space)."""
    moment = start or datetime(2024, 1, 1, tzinfo=timezone.utc)
    out = []
    for index, line in enumerate(lines):
        stamp = (moment + timedelta(milliseconds=index)).strftime("%Y-%m-%dT%H:%M:%S.%f")
        out.append(f"{stamp}0Z {line}\n")
    return "".join(out)


def build_run_zip(
    jobs: Sequence[ZipJob | Mapping[str, Any]],
    layout: Layout = "jobs",
    *,
    legacy_ordinals: bool = False,
    dir_entries: bool = False,
    macos_junk: bool = False,
) -> bytes:
    """Zip bytes for a run's logs; ``jobs`` are ZipJob or dicts with name/log/steps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for ordinal, job in enumerate((as_zip_job(j) for j in jobs), start=1):
            prefix = LEGACY_ORDINAL if legacy_ordinals else str(ordinal)
            folder = sanitize_name(job.name)
            if layout != "steps":
                archive.writestr(f"{prefix}_{folder}.txt", job.text())
            if layout == "jobs":
                continue
            if dir_entries:
                archive.writestr(f"{folder}/", b"")
            for step in job.steps:
                archive.writestr(f"{folder}/{step.number}_{sanitize_name(step.name)}.txt", step.log)
            if macos_junk:
                archive.writestr(f"{folder}/.DS_Store", b"\x00\x00\x00\x01Bud1")
                archive.writestr(f"__MACOSX/{folder}/._.DS_Store", b"\x00\x05\x16\x07")
    return buffer.getvalue()


def as_zip_job(job: ZipJob | Mapping[str, Any]) -> ZipJob:
    """Accept the dict form used by seeding (steps as dicts with name/log and optional number)."""
    if isinstance(job, ZipJob):
        return job
    steps = tuple(
        step if isinstance(step, ZipStep) else ZipStep(step.get("number", i), step["name"], step.get("log", ""))
        for i, step in enumerate(job.get("steps", ()), start=1)
        if isinstance(step, (ZipStep, Mapping))
    )
    return ZipJob(job["name"], job.get("log"), steps)
