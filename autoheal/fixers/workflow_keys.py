"""The keys GitHub's workflow syntax allows at the top, in a job and in a step.

A small table written from GitHub's reference
(https://docs.github.com/actions/writing-workflows/workflow-syntax-for-github-actions),
not a copy of a JSON schema: it answers the one question the workflow-yaml
fixer asks (does a repaired file put a key where GitHub rejects it, "Unexpected
value 'x'"), and needs no schema validator or licensed schema file at run time.
tests/fixers/test_workflow_yaml.py compares it with SchemaStore's github-workflow
schema (which check-jsonschema, a test dependency, vendors) so the two cannot drift.
Line numbers are 0-based, as ruamel counts.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

TOP = frozenset({"name", "run-name", "on", "permissions", "env", "defaults", "concurrency", "jobs", "cache-mode"})
JOB = frozenset(
    {
        "name",
        "permissions",
        "needs",
        "if",
        "runs-on",
        "environment",
        "concurrency",
        "outputs",
        "env",
        "defaults",
        "steps",
        "timeout-minutes",
        "strategy",
        "continue-on-error",
        "container",
        "services",
        "uses",
        "with",
        "secrets",
        "cache-mode",
        "snapshot",
    }
)
STEP = frozenset(
    {
        "id",
        "if",
        "name",
        "uses",
        "run",
        "working-directory",
        "shell",
        "with",
        "env",
        "continue-on-error",
        "timeout-minutes",
        # background steps and step-level waits, as the schema GitHub's editors validate with has them
        "background",
        "cancel",
        "parallel",
        "wait",
        "wait-all",
    }
)


def unknown_keys(data: Any) -> list[tuple[int, str]]:
    """(line, message) for each key GitHub would reject, in file order; [] for anything not a workflow."""
    if not isinstance(data, Mapping) or "jobs" not in data:
        return []
    found = _check(data, TOP, "workflow")
    jobs = data.get("jobs")
    for job_id, job in jobs.items() if isinstance(jobs, Mapping) else []:
        if not isinstance(job, Mapping):
            continue
        found += _check(job, JOB, f"job {job_id!r}")
        steps = job.get("steps")
        for number, step in enumerate(steps if isinstance(steps, list) else [], 1):
            if isinstance(step, Mapping):
                found += _check(step, STEP, f"step {number} of job {job_id!r}")
    return sorted(found)


def _check(mapping: Mapping[str, Any], allowed: frozenset[str], where: str) -> list[tuple[int, str]]:
    found = []
    for key in mapping:
        if isinstance(key, str) and key in allowed:
            continue
        close = difflib.get_close_matches(str(key), sorted(allowed), n=1, cutoff=0.75)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        line = mapping.lc.key(key)[0] if hasattr(mapping, "lc") else 0
        found.append((int(line), f"{where} has a key GitHub does not allow here: {key!r}{hint}"))
    return found
