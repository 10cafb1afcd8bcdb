"""Install a well-known system command a step ran but the runner image lacks.

Applies to the shell's ``jq: command not found`` / ``xmllint: not found``.
Adds one step before the failing step (the first step of the failing job
whose ``run`` uses the command): ``sudo apt-get update && sudo apt-get install
-y PKG`` on Ubuntu runners, ``brew install PKG`` on macOS runners, with the
package from the shipped table ``autoheal/data/system_commands.json`` (only
commands whose package is certain: anything else is declined, never guessed).

Declines for self-hosted runners, ``runs-on`` lists, labels or expressions
it cannot tell the image of, Windows, and container jobs (their image, not
the runner, lacks the command), and when an earlier step already installs it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from autoheal.fixers import yamledit
from autoheal.fixers.base import FixContext, data_table, log_text
from autoheal.proposals import Change, FixDeclined, FixProposal

ID = "system-command"
CATEGORIES = frozenset({"command.not.found"})
DOC: str = __doc__ or ""

_NOT_FOUND = re.compile(r"(?:^|[\s:])([A-Za-z0-9][\w.+-]{0,60}): (?:command )?not found\b", re.M)
_MANAGERS = (("ubuntu-", "apt"), ("macos-", "brew"))
_INSTALL = {
    "apt": "sudo apt-get update && sudo apt-get install -y {package}",
    "brew": "brew install {package}",
}


def fix(ctx: FixContext) -> FixProposal | FixDeclined:
    command = ctx.diagnosis.captures.get("command") or _command_in_log(ctx)
    if not command or not re.fullmatch(r"[\w.+-]{1,60}", command):
        return FixDeclined(ID, "the log does not name a missing command", applies=False)
    packages = data_table("system_commands.json").get(command)
    if not isinstance(packages, Mapping):
        return FixDeclined(ID, f"{command!r} is not a well-known command autoheal knows the package of")
    located = yamledit.locate_job(ctx)
    if isinstance(located, str):
        return FixDeclined(ID, located)
    workflow, job_id = located
    job = workflow.jobs[job_id]
    manager = _manager(job)
    if isinstance(manager, FixDeclined):
        return manager
    package = packages.get(manager)
    if not isinstance(package, str):
        return FixDeclined(ID, f"autoheal does not know the {manager} package of {command!r}")
    return _insert(workflow, job_id, command, _INSTALL[manager].format(package=package), package)


def _command_in_log(ctx: FixContext) -> str | None:
    match = _NOT_FOUND.search(log_text(ctx.diagnosis))
    return match.group(1) if match else None


def _manager(job: Any) -> str | FixDeclined:
    if not isinstance(job, Mapping):
        return FixDeclined(ID, "the job is not a mapping")
    if "container" in job:
        return FixDeclined(ID, "the job runs in a container: install the command in its image instead")
    runs_on = job.get("runs-on")
    if not isinstance(runs_on, str) or "${{" in runs_on:
        label = "self-hosted" if "self-hosted" in str(runs_on) else "unknown"
        return FixDeclined(ID, f"the job runs on {label} runners (runs-on: {runs_on!r}); install the command there")
    manager = next((m for prefix, m in _MANAGERS if runs_on.startswith(prefix)), None)
    if manager is None:
        return FixDeclined(ID, f"autoheal installs commands only on GitHub's Ubuntu and macOS runners, not {runs_on!r}")
    return manager


def _insert(
    workflow: yamledit.Workflow, job_id: str, command: str, install: str, package: str
) -> FixProposal | FixDeclined:
    steps = workflow.jobs[job_id].get("steps")
    if not isinstance(steps, list) or not yamledit.is_block(steps):
        return FixDeclined(ID, f"job {job_id!r} has no block-style steps list")
    word = re.compile(rf"(?<![\w.-]){re.escape(command)}(?![\w.-])")
    runs = [(i, s) for i, s in enumerate(steps) if isinstance(s, Mapping) and isinstance(s.get("run"), str)]
    failing = next((i for i, s in runs if word.search(s["run"])), None)
    if failing is None:
        return FixDeclined(ID, f"no step of job {job_id!r} runs {command!r}")
    if any(re.search(rf"\binstall\b.*\b{re.escape(package)}\b", s["run"]) for i, s in runs if i < failing):
        return FixDeclined(
            ID, f"an earlier step already installs {package}; check why it did not put {command} on PATH"
        )
    lines = list(workflow.lines)
    line, col = steps.lc.item(failing)  # type: ignore[attr-defined]
    dash = lines[line].rfind("-", 0, col)
    if dash < 0 or lines[line][:dash].strip():
        return FixDeclined(ID, f"cannot tell the indentation of the steps of job {job_id!r}")
    pad = " " * dash
    yamledit.insert_lines(lines, line, [f"{pad}- name: Install {command}", f"{pad}{' ' * (col - dash)}run: {install}"])
    change = Change(
        workflow.path, workflow.text, "".join(lines), f"install {package} before the step that runs {command}"
    )
    explanation = (
        f"The job's runner image has no {command!r}. This adds a step that installs the {package} package "
        f"(`{install}`) right before the step that runs it."
    )
    return FixProposal(ID, (change,), f"ci: install {command} in job {job_id}", explanation)
