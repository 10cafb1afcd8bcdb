"""An issue's hidden metadata block and visible counter: what a new issue starts with
(``new_meta``), what each occurrence says about the failure (``seen``), and the body rewritten
with both (``updated_body``), leaving the rest of a human-edited body as it is."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from autoheal import metadata, occurrences
from autoheal.models import Diagnosis
from autoheal.render import RunContext

_COUNTER = re.compile(r"(\*\*Occurrences:\*\*\s*)(\d+)")


def now() -> datetime:
    return datetime.now(timezone.utc)


def stamp() -> str:
    """Now as GitHub writes times (``2024-05-10T10:00:00Z``)."""
    return now().strftime("%Y-%m-%dT%H:%M:%SZ")


def new_meta(diagnosis: Diagnosis, ctx: RunContext) -> dict[str, Any]:
    """The metadata of a new issue: this run attempt is its first occurrence."""
    first = stamp()
    key = occurrences.run_key(ctx)
    return {
        **seen(diagnosis, ctx, first),
        "fingerprint": diagnosis.fingerprint,
        "category": diagnosis.category,
        "occurrences": occurrences.weight(key),
        "base": occurrences.weight(key),
        "synced": 0,
        "first_run": key,
        "runs": [key],
        "first_seen": first,
    }


def seen(diagnosis: Diagnosis, ctx: RunContext, when: str, repeat: bool = False) -> dict[str, Any]:
    """What the latest occurrence says about the failure.

    A command-line repeat keeps the run the issue came from: heal follows that run's job.
    """
    latest: dict[str, Any] = {
        "rule": diagnosis.rule,
        "captures": dict(diagnosis.captures),
        "last_seen": when,
        "source": "cli" if ctx.cli is not None else None,
    }
    if repeat and ctx.cli is not None:
        return latest
    run = {"run_id": ctx.run_id, "run_attempt": ctx.run_attempt, "job_id": ctx.job_id, "workflow": ctx.workflow}
    # A new failure ends a recovery streak (``loop``): None drops the keys on write.
    recovery = {
        "branch": ctx.branch or None,
        "passing_since": None,
        "passing_at": None,
        "green_streak": None,
        "last_green": None,
    }
    return {**run, "job": diagnosis.job, "step": diagnosis.step, **latest, **recovery}


def updated_body(body: str, meta: dict[str, Any]) -> str:
    """Bump the visible counter and the hidden block; the rest of a human-edited body stays."""
    body = _COUNTER.sub(lambda m: f"{m.group(1)}{meta['occurrences']}", body, count=1)
    return metadata.replace(body, meta)
