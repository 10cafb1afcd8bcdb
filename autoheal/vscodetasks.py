"""The VS Code tasks ``autoheal init`` adds to ``.vscode/tasks.json``, spliced into the user's file.

The file is JSONC and the user's: tasks are added with ``autoheal.jsonc`` (no other byte
changes); a task whose label exists is never replaced, except autoheal's own with ``force``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from autoheal import jsonc
from autoheal.errors import InputError

TASKS_PATH = ".vscode/tasks.json"
TASK_PREFIX = "autoheal: "
TASK_COMMANDS = ("triage", "heal", "health")  # the commands autoheal's tasks run


def tasks(commands: Sequence[str]) -> list[dict[str, Any]]:
    """autoheal's tasks; one whose command does not exist in this version is left out."""
    wanted = [
        ("triage a log", "triage", 'autoheal triage "${file}"'),
        (
            "triage the last failed run",
            "triage",
            "autoheal triage \"$(gh run list --status failure --limit 1 --json url --jq '.[0].url')\"",
        ),
        ("preview a fix", "heal", 'autoheal heal --dry-run --log "${file}" --workspace "${workspaceFolder}"'),
        ("show CI health", "health", "autoheal health"),
    ]
    return [
        {
            "label": f"{TASK_PREFIX}{label}",
            "type": "shell",
            "command": command,
            "problemMatcher": [],
            "presentation": {"reveal": "always", "panel": "dedicated"},
        }
        for label, needs, command in wanted
        if needs in commands
    ]


def tasks_text(current: str | None, commands: Sequence[str], force: bool) -> str:
    ours = tasks(commands)
    if current is None:
        return json.dumps({"version": "2.0.0", "tasks": ours}, indent=2) + "\n"
    value = jsonc.loads(current, TASKS_PATH)
    existing = value.get("tasks") if isinstance(value, dict) else None
    if not isinstance(value, dict) or (existing is not None and not isinstance(existing, list)):
        raise InputError(f"{TASKS_PATH}: expected an object with a 'tasks' list")
    labels = [t.get("label") if isinstance(t, dict) else None for t in existing or []]
    replace = {labels.index(t["label"]): t for t in ours if force and t["label"] in labels}
    add = [t for t in ours if t["label"] not in labels]
    return jsonc.splice(current, "tasks", add, replace, TASKS_PATH)
