"""Find each failed job's logs inside a run-logs zip.

GitHub names the zip's entries after the job with ``/`` and ``:`` removed and
the name cut to 90 characters; step files are numbered with the step's
``number`` from the jobs API, so the failed step can be read first.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Collection, Sequence

from autoheal.errors import InputError
from autoheal.ghtypes import Job
from autoheal.logsource import LogDoc, zip_docs

_UNSAFE = re.compile(r'[/:\\<>|*?"]')
MAX_NAME = 90


def zip_name(job_name: str) -> str:
    """The job's name as it appears in a run-logs zip."""
    return _UNSAFE.sub("", job_name)[:MAX_NAME].rstrip()


def job_docs(docs: Sequence[LogDoc], job_name: str, failed_steps: Collection[int] = ()) -> list[LogDoc]:
    """A job's files in a run-logs zip: its failed steps' files, else the whole-job file, else
    every step file there is (the failed step's file holds the error without the noise of the others)."""
    name = zip_name(job_name)
    mine = [d for d in docs if (d.job or "").rstrip() == name]
    failed = [d for d in mine if d.step_number in failed_steps]
    whole = [d for d in mine if d.step is None]
    return failed or whole or mine


def zip_entries(archive: bytes) -> list[LogDoc]:
    try:
        return zip_docs(zipfile.ZipFile(io.BytesIO(archive)), "run logs", every=True)
    except (zipfile.BadZipFile, InputError):
        return []  # a truncated download or a hostile archive: fall back to the per-job log endpoint


def failed_job_docs(jobs: Sequence[Job], archive: bytes | None) -> list[tuple[Job, list[LogDoc]]]:
    """Each failed job with its documents (empty when the zip lacks it)."""
    docs = zip_entries(archive) if archive else []
    return [(job, job_docs(docs, job.name, {s.number for s in job.steps if s.conclusion == "failure"})) for job in jobs]
