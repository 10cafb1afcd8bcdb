"""A startup failure as a log: GitHub refused the workflow file, so the run has no job and no log.

GitHub says why only on the run page (an annotation such as ``Invalid workflow file:
.github/workflows/ci.yml#L12`` / ``You have an error in your yaml syntax on line 12``); the
REST API gives such a run no job, no log and no check run
(https://docs.github.com/rest/actions/workflow-runs). So the message is rebuilt as GitHub words
it, from the run's workflow file at the run's commit (contents API): the first YAML error the
parser finds, else the first key GitHub's workflow syntax does not allow, else GitHub's generic
line. Triage then reads it like any log, and heal's workflow-yaml fixer finds the file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from autoheal.errors import GitHubError
from autoheal.fixers import workflow_keys
from autoheal.fixers.yamledit import parse, split_lines
from autoheal.fixers.yamlrepair import MAX_CHARS, yaml_problem
from autoheal.github_api import Client
from autoheal.logsource import LogDoc, bytes_doc

STARTUP_FAILURE = "startup_failure"
_WORKFLOWS = ".github/workflows/"
MAX_WORKFLOW_CHARS = MAX_CHARS


def startup_doc(client: Client, run: Mapping[str, Any]) -> LogDoc | None:
    """The rebuilt annotation of a ``startup_failure`` run, or None for any other run."""
    if run.get("conclusion") != STARTUP_FAILURE:
        return None
    path = str(run.get("path") or "").split("@", 1)[0]
    sha = str(run.get("head_sha") or "")
    if not path.startswith(_WORKFLOWS) or ".." in path or not sha:
        return None
    try:
        text = client.file_text(path, sha)
    except GitHubError:
        text = None
    lines = startup_lines(path, text)
    return bytes_doc("startup-failure.txt", "\n".join(lines).encode("utf-8") + b"\n")


def startup_lines(path: str, text: str | None) -> list[str]:
    """GitHub's wording for what is wrong with workflow file ``path`` holding ``text``."""
    generic = [f"Invalid workflow file: {path}", "This run likely failed because of a workflow file issue."]
    if text is None or len(text) > MAX_WORKFLOW_CHARS:
        return generic
    lines = split_lines(text)
    problem = yaml_problem(lines)
    if problem is not None:
        number = problem.line + 1
        return [
            f"Invalid workflow file: {path}#L{number}",
            f"You have an error in your yaml syntax on line {number}",
            f"{path} (Line: {number}, Col: {problem.column + 1}): {problem.message}",
        ]
    unknown = workflow_keys.unknown_keys(parse(text))
    if unknown:
        number, message = unknown[0][0] + 1, unknown[0][1]
        return [
            f"Invalid workflow file: {path}#L{number}",
            f"The workflow is not valid. {path} (Line: {number}, Col: 1): {message}",
        ]
    return generic
