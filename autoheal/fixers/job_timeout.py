"""Raise a job's ``timeout-minutes`` after it hit the limit.

Applies when the log says ``The job running on runner ... has exceeded the
maximum execution time of N minutes``. The failing job's ``timeout-minutes``
becomes ``ceil(current * timeout_factor)`` (option, default 1.5), at most
``timeout_cap`` (option, default 360, GitHub's limit for hosted runners:
https://docs.github.com/actions/reference/limits). When the job has no
``timeout-minutes`` the key is added after ``runs-on:`` with N as the base.
Declines when N already reached the cap, when the value is an expression, and
for jobs that call a reusable workflow (they cannot set a timeout).

A step's own limit (``The action 'Run tests' has timed out after N minutes``,
which the runner prints for a step's ``timeout-minutes``) raises that step's
``timeout-minutes`` the same way; the step is found by its display name
(``name:``, else ``Run <first line of run>`` or ``Run <uses>``).

Only the number on the ``timeout-minutes:`` line changes (or one line is
added), so comments and quoting survive. A timeout can also mean a hang; the
PR says so, and a maintainer should check the run got slower, not stuck.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from autoheal.fixers import yamledit
from autoheal.fixers.base import FixContext, log_text, option_number
from autoheal.proposals import Change, FixDeclined, FixProposal

ID = "job-timeout"
CATEGORIES = frozenset({"timeout"})
DOC: str = __doc__ or ""

_EXCEEDED = re.compile(r"exceeded the maximum execution time of (\d{1,6}) ?minutes?")
_STEP_TIMEOUT = re.compile(r"The action '([^'\n]{1,200})' has timed out after (\d{1,6}) minutes")


def fix(ctx: FixContext) -> FixProposal | FixDeclined:
    minutes = _minutes(ctx)
    step = _STEP_TIMEOUT.search(log_text(ctx.diagnosis))
    if minutes is None and step:
        return _step_timeout(ctx, step.group(1), int(step.group(2)))
    if minutes is None:
        return FixDeclined(ID, "the log does not say the job exceeded its maximum execution time", applies=False)
    options = _options(ctx)
    if isinstance(options, FixDeclined):
        return options
    factor, cap = options
    if minutes >= cap:
        return FixDeclined(ID, f"the job ran for {minutes} minutes, already at the {cap}-minute cap")
    located = yamledit.locate_job(ctx)
    if isinstance(located, str):
        return FixDeclined(ID, located)
    workflow, job_id = located
    return _raise_timeout(workflow, job_id, minutes, factor, cap)


def _options(ctx: FixContext) -> tuple[float, int] | FixDeclined:
    factor = option_number(ctx, "timeout_factor", 1.5)
    cap = option_number(ctx, "timeout_cap", 360)
    if factor is None or factor <= 1 or cap is None:
        return FixDeclined(ID, "options timeout_factor (> 1) and timeout_cap (> 0) must be numbers")
    return factor, int(cap)


def _step_timeout(ctx: FixContext, name: str, minutes: int) -> FixProposal | FixDeclined:
    options = _options(ctx)
    if isinstance(options, FixDeclined):
        return options
    factor, cap = options
    located = yamledit.locate_job(ctx)
    if isinstance(located, str):
        return FixDeclined(ID, located)
    workflow, job_id = located
    job = workflow.jobs[job_id]
    steps = [s for s in job.get("steps") or [] if isinstance(s, Mapping) and "timeout-minutes" in s]
    step = next((s for s in steps if name in yamledit.step_labels({"steps": [s]})), None)
    if step is None:
        return FixDeclined(ID, f"no step {name!r} with timeout-minutes in job {job_id!r} of {workflow.path}")
    lines = list(workflow.lines)
    edited = _edit_existing(lines, step, cap, factor)
    if isinstance(edited, str):
        return FixDeclined(ID, f"{workflow.path}, step {name!r}: {edited}")
    summary = f"raise timeout-minutes of step {name!r} in job {job_id!r} from {edited[0]} to {edited[1]}"
    explanation = (
        f"Step {name!r} of job {job_id!r} hit its {minutes}-minute limit. This raises its timeout-minutes by "
        f"{factor:g}x to {edited[1]} (capped at {cap}). If the step hangs rather than runs slowly, "
        "find the hang instead of merging this."
    )
    change = Change(workflow.path, workflow.text, "".join(lines), summary)
    return FixProposal(ID, (change,), f"ci: raise timeout of step {name} to {edited[1]} minutes", explanation)


def _minutes(ctx: FixContext) -> int | None:
    """N from the job-level timeout message; step timeouts and hangs say other things.

    The log's own number wins over the ``minutes`` capture, which other timeout
    rules (step timeouts, "no output for 10m") also fill.
    """
    text = log_text(ctx.diagnosis)
    match = _EXCEEDED.search(text)
    if match:
        return int(match.group(1))
    captured = ctx.diagnosis.captures.get("minutes", "")
    return int(captured) if "exceeded the maximum execution time" in text and captured.isdigit() else None


def _raise_timeout(
    workflow: yamledit.Workflow,
    job_id: str,
    minutes: int,
    factor: float,
    cap: int,
) -> FixProposal | FixDeclined:
    job = workflow.jobs[job_id]
    if not isinstance(job, Mapping) or "runs-on" not in job:
        return FixDeclined(
            ID, f"job {job_id!r} calls a reusable workflow or has no runs-on; it cannot set timeout-minutes"
        )
    lines = list(workflow.lines)
    if "timeout-minutes" in job:
        edited = _edit_existing(lines, job, cap, factor)
    else:
        edited = _insert_new(lines, job, min(math.ceil(minutes * factor), cap))
    if isinstance(edited, str):
        return FixDeclined(ID, f"{workflow.path}, job {job_id!r}: {edited}")
    old, new = edited
    summary = (
        f"set timeout-minutes of job {job_id!r} to {new}"
        if old == "unset"
        else f"raise timeout-minutes of job {job_id!r} from {old} to {new}"
    )
    change = Change(workflow.path, workflow.text, "".join(lines), summary)
    explanation = (
        f"Job {job_id!r} hit its {minutes}-minute limit. This raises timeout-minutes by "
        f"{factor:g}x to {new} (capped at {cap}). If the job hangs rather than runs slowly, "
        "find the hang instead of merging this."
    )
    return FixProposal(ID, (change,), f"ci: raise timeout of job {job_id} to {new} minutes", explanation)


def _edit_existing(lines: list[str], job: Any, cap: int, factor: float) -> tuple[str, int] | str:
    line, col = yamledit.value_pos(job, "timeout-minutes")
    current = yamledit.scalar_text(lines[line], col)
    if current is None or not current[0].isdigit():
        return "timeout-minutes is not a plain number (an expression?)"
    base = int(current[0])
    new = min(math.ceil(base * factor), cap)
    if new <= base:
        return f"timeout-minutes is {base}, already at the {cap}-minute cap"
    replaced = yamledit.replace_scalar(lines[line], col, str(new))
    if replaced is None:
        return "cannot edit the timeout-minutes line"
    lines[line] = replaced
    return str(base), new


def _insert_new(lines: list[str], job: Any, new: int) -> tuple[str, int] | str:
    if not yamledit.is_block(job):
        return "the job is written as a flow mapping ({...}); autoheal edits block style only"
    line, col = yamledit.key_pos(job, "runs-on")
    yamledit.insert_lines(lines, yamledit.block_end(lines, line, col), [f"{' ' * col}timeout-minutes: {new}"])
    return "unset", new
