"""Repair a workflow file GitHub refused to run ("Invalid workflow file").

A broken workflow gives a run with no job log: GitHub's message sits in the
run's annotations (``Invalid workflow file: .github/workflows/ci.yml#L12``,
``You have an error in your yaml syntax on line 12``, ``(Line: 6, Col: 5):
'runs-on' is already defined``). The fixer parses the named file itself, so
the line it edits is the one the YAML parser rejects, and fixes only the
mechanical errors, one line at a time, each checked by parsing again:

- tabs in indentation (YAML forbids them): the line gets the indentation of
  the block it continues;
- a line indented off by a few columns: it gets its neighbours' indentation;
- an unquoted ``: `` inside a value (``run: echo Deployed: $SHA``): the value
  is quoted;
- a key written twice in one mapping with the same value: the second is removed.

Everything else (a duplicated key with two different values, a key GitHub's
workflow schema does not know such as ``runs_on``, an expression error) is
declined with the line and the parser's or GitHub's message. The repaired file
must parse and use only keys GitHub's workflow syntax documents
(https://docs.github.com/actions/writing-workflows/workflow-syntax-for-github-actions).
"""

from __future__ import annotations

import re

from ruamel.yaml import YAML

from autoheal.fixers import workflow_keys, yamlrepair
from autoheal.fixers.base import FixContext, log_text, read_text, workflow_files
from autoheal.fixers.yamledit import split_lines
from autoheal.proposals import Change, FixDeclined, FixProposal

ID = "workflow-yaml"
CATEGORIES = frozenset({"config.error"})
DOC: str = __doc__ or ""

_GUARD = re.compile(
    r"Invalid workflow file|The workflow is not valid|error in your yaml syntax|workflow file issue"
    r"|\(Line: \d+, Col: \d+\)"
)
_PATH = re.compile(r"(\.github/workflows/[\w.-]+\.ya?ml)")
_LOG_LINE = re.compile(r"#L(\d+)\b|\(Line: (\d+), Col: \d+\)|yaml syntax on line (\d+)")
_LOG_MESSAGE = re.compile(r"\(Line: \d+, Col: \d+\): (.{1,300})|(You have an error in your yaml syntax on line \d+)")
_MAX_ROUNDS = 10


def fix(ctx: FixContext) -> FixProposal | FixDeclined:
    text = log_text(ctx.diagnosis)
    if not _GUARD.search(text):
        return FixDeclined(ID, "the log is not GitHub refusing a workflow file", applies=False)
    path = _workflow_path(ctx, text)
    if path is None:
        return FixDeclined(ID, "cannot tell which workflow file GitHub refused")
    original = read_text(ctx.workspace, path)
    lines = split_lines(original) if original is not None else None
    if original is None or lines is None:
        return FixDeclined(ID, f"cannot read {path!r} inside the workspace")
    if len(original) > yamlrepair.MAX_CHARS:  # each repair round parses the whole file again
        return FixDeclined(ID, f"{path} is larger than autoheal repairs ({yamlrepair.MAX_CHARS:,} characters)")
    repaired, notes = _repair(lines, _logged_line(text))
    if isinstance(repaired, str):
        return FixDeclined(ID, f"{path} {repaired}")
    if not notes:
        return _schema_decline(path, original, text)
    new = "".join(repaired)
    summary = "; ".join(dict.fromkeys(notes))
    change = Change(path, original, new, f"fix the YAML of {path}: {summary}")
    explanation = (
        f"GitHub refused to run `{path}` because it is not valid YAML, so no job started. "
        f"This makes the smallest edit that lets it parse again: {summary}."
    )
    return FixProposal(ID, (change,), f"ci: fix the YAML syntax of {path}", explanation)


def _workflow_path(ctx: FixContext, text: str) -> str | None:
    named = _PATH.search(text)
    if named:
        return named.group(1)
    if ctx.workflow_path:
        return ctx.workflow_path
    files = workflow_files(ctx.workspace)
    broken = [p for p in files if yamlrepair.yaml_problem(split_lines(read_text(ctx.workspace, p) or ""))]
    return broken[0] if len(broken) == 1 else files[0] if len(files) == 1 else None


def _logged_line(log: str) -> int | None:
    """The 0-based line GitHub's message names, if any."""
    where = _LOG_LINE.search(log)
    number = next((int(g) for g in where.groups() if g), 0) if where else 0
    return number - 1 if number > 0 else None


def _repair(lines: list[str], hint: int | None) -> tuple[list[str] | str, list[str]]:
    """The lines with each mechanical error fixed in turn, or why not (``line N: ...``); and what changed.

    ``hint`` is the line GitHub named: for an indentation error the parser only notices a line
    later, so that line is the first one tried.
    """
    notes: list[str] = []
    tabbed: dict[int, int] = {}  # fixed line -> the width its tabs had, to nest the following tab lines alike
    for _ in range(_MAX_ROUNDS):
        problem = yamlrepair.yaml_problem(lines)
        if problem is None:
            schema = workflow_keys.unknown_keys(yamlrepair.load(lines))
            if notes and schema:
                return f"line {schema[0][0] + 1}: {schema[0][1]} (after the YAML fix)", notes
            return lines, notes
        attempt = yamlrepair.attempt(lines, problem, tabbed, hint if not notes else None)
        if attempt is None:
            return f"line {problem.line + 1}: {problem.message}; autoheal has no safe edit for this", notes
        lines, note = attempt
        notes.append(note)
    return "has too many YAML errors to repair one by one", notes


# -- valid YAML that GitHub still refused -------------------------------------------------------
def _schema_decline(path: str, text: str, log: str) -> FixDeclined:
    unknown = workflow_keys.unknown_keys(YAML(typ="rt").load(text))
    if unknown:
        line, message = unknown[0]
        return FixDeclined(ID, f"{path} line {line + 1}: {message}; fix it by hand")
    where = _LOG_LINE.search(log)
    said = _LOG_MESSAGE.search(log)
    number = next((g for g in where.groups() if g), None) if where else None
    message = (said.group(1) or said.group(2)) if said else "GitHub refused it"
    at = f" line {number}" if number else ""
    return FixDeclined(ID, f"{path}{at}: {message.strip()}; the YAML parses, so this needs a change by hand")
