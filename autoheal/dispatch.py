"""Getting CI to run on a fix pull request opened with ``GITHUB_TOKEN``.

Events caused by ``GITHUB_TOKEN`` start no workflow run, except ``workflow_dispatch`` and
``repository_dispatch`` (https://docs.github.com/actions/security-for-github-actions/security-guides/automatic-token-authentication#using-the-github_token-in-a-workflow),
so such a pull request shows no checks. When the failed workflow accepts ``workflow_dispatch``
at the base (the file the fix branch grew from), heal dispatches it on the fix branch and links
the run. It does so only when the pull request's author is ``github-actions[bot]`` — the one
sure sign the default token opened it: a PAT's or an App's pull request triggers CI by itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from autoheal.fixers.base import safe_path

ACTIONS_BOT = "github-actions[bot]"


def triggers(text: str) -> dict[str, Any]:
    """A workflow's ``on:`` as a mapping of event -> settings ({} when unreadable)."""
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    if not isinstance(document, dict):
        return {}
    on = document.get("on", document.get(True))  # YAML 1.1 (PyYAML) reads a bare `on` key as true
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {str(event): None for event in on}
    return {str(k): v for k, v in on.items()} if isinstance(on, dict) else {}


def accepts_dispatch(text: str) -> bool:
    """Whether a dispatch with no inputs can start this workflow (a required input without a
    default would make GitHub answer 422)."""
    on = triggers(text)
    if "workflow_dispatch" not in on:
        return False
    settings = on["workflow_dispatch"] or {}
    inputs = settings.get("inputs") if isinstance(settings, dict) else None
    if not isinstance(inputs, dict):
        return True
    return not any(
        isinstance(spec, dict) and spec.get("required") is True and spec.get("default") in (None, "")
        for spec in inputs.values()
    )


def dispatchable(root: Path, workflow_path: str | None) -> str | None:
    """The workflow's file name when its file under ``root`` accepts a dispatch, else None."""
    if not workflow_path:
        return None
    path = safe_path(root, workflow_path)
    if path is None or not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return path.name if accepts_dispatch(text) else None
