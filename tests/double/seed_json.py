"""The JSON seeding format of ``POST /_double/seed`` and ``Double.seed``: each list item holds
the keyword arguments of the matching seeding function."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .seed import (
    seed_collaborator,
    seed_comment,
    seed_file,
    seed_issue,
    seed_label,
    seed_pull,
    seed_ref,
    seed_repo,
)
from .seed_actions import seed_job, seed_run, seed_workflow
from .state import Issue, Repo, State

SEEDERS: dict[str, Any] = {
    "repos": seed_repo,
    "workflows": seed_workflow,
    "runs": seed_run,
    "jobs": seed_job,
    "issues": seed_issue,
    "pulls": seed_pull,
    "comments": seed_comment,
    "labels": seed_label,
    "collaborators": seed_collaborator,
    "refs": seed_ref,
    "files": seed_file,
}


def apply_seed(world: State, payload: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Seed from JSON: ``{"settings": {...}, "runs": [{...}], "issues": [{...}], ...}``.

    Run items take ``logs_zip_b64`` (base64 zip) or ``logs_zip_path`` instead of ``logs_zip``.
    """
    unknown = set(payload) - set(SEEDERS) - {"settings"}
    if unknown:
        raise ValueError(f"unknown seed keys {sorted(unknown)}; expected {sorted(SEEDERS)} or settings")
    for key, value in payload.get("settings", {}).items():
        if not hasattr(world.settings, key):
            raise ValueError(f"unknown setting {key!r}")
        setattr(world.settings, key, value)
    created: dict[str, list[Any]] = {}
    for key, seeder in SEEDERS.items():
        for item in payload.get(key, ()):
            result = seeder(world, **_decode_zip(item))
            created.setdefault(key, []).append(_identity(result))
    return created


def _decode_zip(item: Mapping[str, Any]) -> dict[str, Any]:
    fields = dict(item)
    if "logs_zip_b64" in fields:
        fields["logs_zip"] = base64.b64decode(fields.pop("logs_zip_b64"))
    if "logs_zip_path" in fields:
        fields["logs_zip"] = Path(fields.pop("logs_zip_path"))
    return fields


def _identity(result: Any) -> Any:
    if isinstance(result, Issue):
        return result.number
    if isinstance(result, Repo):
        return result.full_name
    return getattr(result, "id", result)
