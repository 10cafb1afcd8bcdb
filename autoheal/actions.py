"""What a GitHub Actions runner gives a container, and what it reads back.

Inputs arrive as ``INPUT_<NAME>`` (handled in ``entrypoint.py``), the event as
a JSON file at ``GITHUB_EVENT_PATH``; outputs go to ``GITHUB_OUTPUT`` and the
job summary to ``GITHUB_STEP_SUMMARY``. Outside Actions these are no-ops.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from autoheal.errors import InputError


def in_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def print_error(message: str) -> None:
    """One line on stderr; in Actions as an annotation the run page shows."""
    line = " ".join(message.split())
    if in_actions():
        # Workflow commands end at a newline and treat % specially.
        print("::error::" + line.replace("%", "%25"), file=sys.stderr)
    else:
        print(f"autoheal: error: {line}", file=sys.stderr)


@dataclass(frozen=True)
class Event:
    """The triggering event, and the workflow this step runs in (``GITHUB_WORKFLOW`` and
    ``GITHUB_WORKFLOW_REF``, https://docs.github.com/actions/reference/variables-reference):
    report's loop guard never reports a run of autoheal's own workflow."""

    name: str
    payload: Mapping[str, Any]
    workflow: str = ""  # its name (or its path, when the file names none)
    workflow_ref: str = ""  # owner/repo/.github/workflows/file.yml@ref

    def is_own_run(self, run: Mapping[str, Any]) -> bool:
        """Whether ``run`` is a run of the workflow this step runs in."""
        name, path = str(run.get("name") or ""), str(run.get("path") or "")
        return bool(name and name == self.workflow) or bool(path and path in self.workflow_ref)

    @property
    def repo(self) -> str | None:
        return self._repository("full_name") or None

    @property
    def default_branch(self) -> str:
        """The default branch the event's repository names ("" when it names none: ask the API)."""
        return self._repository("default_branch")

    def _repository(self, key: str) -> str:
        repo = self.payload.get("repository") or {}
        value = repo.get(key) if isinstance(repo, dict) else None
        return str(value) if value else ""


def load_event(path: str | None = None, name: str | None = None) -> Event:
    """The triggering event; an empty payload when not in Actions."""
    path = path or os.environ.get("GITHUB_EVENT_PATH")
    name = name or os.environ.get("GITHUB_EVENT_NAME", "")
    own = {"workflow": os.environ.get("GITHUB_WORKFLOW", ""), "workflow_ref": os.environ.get("GITHUB_WORKFLOW_REF", "")}
    if not path:
        return Event(name, {}, **own)
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the event file {path}: {exc}") from None
    if not isinstance(payload, dict):
        raise InputError(f"the event file {path} does not hold a JSON object")
    if not name:
        name = "workflow_run" if "workflow_run" in payload else "issues" if "issue" in payload else ""
    return Event(name, payload, **own)


def set_outputs(values: Mapping[str, object]) -> None:
    """Append outputs to ``$GITHUB_OUTPUT`` with a random heredoc delimiter (multiline-safe)."""
    target = os.environ.get("GITHUB_OUTPUT")
    if not target:
        return
    with open(target, "a", encoding="utf-8") as fh:
        for key, value in values.items():
            text = "" if value is None else str(value)
            delimiter = f"ghadelimiter_{secrets.token_hex(8)}"
            fh.write(f"{key}<<{delimiter}\n{text}\n{delimiter}\n")


def add_summary(markdown: str) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(markdown.rstrip() + "\n\n")


def notice(message: str) -> None:
    """A one-line status that shows as an annotation in Actions."""
    line = " ".join(message.split())
    prefix = "::notice::" if os.environ.get("GITHUB_ACTIONS") == "true" else "autoheal: "
    print(prefix + line, flush=True)
