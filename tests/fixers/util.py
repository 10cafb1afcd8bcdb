"""Builders for fixer tests: a workspace from a dict of files and a diagnosis from log lines."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from autoheal.fixers import FixContext
from autoheal.models import Diagnosis, ExcerptLine
from autoheal.proposals import Change


def diagnosis(
    log: str,
    category: str,
    captures: Mapping[str, str] | None = None,
    job: str | None = None,
    step: str | None = None,
    summary: str | None = None,
) -> Diagnosis:
    """As triage makes one; the summary defaults to ``fired_line(log, captures)``."""
    lines = tuple(ExcerptLine(n, text) for n, text in enumerate(log.strip("\n").splitlines(), 1))
    return Diagnosis(
        path="log.txt",
        category=category,
        confidence=0.9,
        rule="test",
        fingerprint="0" * 16,
        title="",
        summary=fired_line(log, captures or {}) if summary is None else summary,
        excerpt=lines,
        captures=dict(captures or {}),
        job=job,
        step=step,
    )


def fired_line(log: str, captures: Mapping[str, str]) -> str:
    """The line a rule fired on, as triage's summary: the last holding a capture (tracebacks name a module
    before the error does), else the first line."""
    lines = [line for line in log.strip("\n").splitlines() if line.strip()]
    held = [line for line in lines if any(v and v in line for v in captures.values())]
    return held[-1] if held else (lines or [""])[0]


def workspace(root: Path, files: Mapping[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return root


def context(
    root: Path,
    files: Mapping[str, str],
    log: str,
    category: str,
    *,
    captures: Mapping[str, str] | None = None,
    job: str | None = None,
    step: str | None = None,
    workflow_path: str | None = None,
    options: Mapping[str, Any] | None = None,
) -> FixContext:
    return FixContext(
        diagnosis(log, category, captures, job, step),
        workspace(root, files),
        workflow_path=workflow_path,
        job=job,
        options=options or {},
    )


def only_change(result: object) -> Change:
    changes = getattr(result, "changes", None)
    assert changes is not None and len(changes) == 1, result
    change: Change = changes[0]
    return change
