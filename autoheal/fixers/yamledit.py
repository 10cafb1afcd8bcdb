"""Find things in a workflow file and edit its lines without re-dumping it.

ruamel.yaml only *locates* (``.lc`` line and column numbers); edits splice the
text line by line, so comments, quoting, key order and blank lines survive,
as pre-commit's ``autoupdate`` does. Line numbers here are 0-based, as ruamel
counts them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from autoheal.fixers.base import FixContext, lines_of, log_text, read_text, workflow_files

# ruamel also breaks lines at these; str.split("\n") would not, and line numbers would drift.
_EXOTIC_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
_MATRIX_SUFFIX = re.compile(r"\s*\([^()]*\)$")
_EXPRESSION = re.compile(r"\$\{\{.*?\}\}")


@dataclass(frozen=True)
class Workflow:
    """One workflow file: its text split into lines (ends kept) and its parsed mapping."""

    path: str
    text: str
    lines: tuple[str, ...]
    data: Any
    root: Path | None = None  # the workspace, to read files the workflow names

    @property
    def jobs(self) -> Mapping[str, Any]:
        jobs = self.data.get("jobs") if isinstance(self.data, Mapping) else None
        return jobs if isinstance(jobs, Mapping) else {}


def split_lines(text: str) -> list[str] | None:
    """Lines with their endings, or None when the text has breaks ruamel counts differently."""
    if _EXOTIC_BREAKS.search(text):
        return None
    return lines_of(text)


def load_workflow(ctx: FixContext, path: str) -> Workflow | None:
    text = read_text(ctx.workspace, path)
    if text is None:
        return None
    lines = split_lines(text)
    if lines is None:
        return None
    data = parse(text)
    return Workflow(path, text, tuple(lines), data, ctx.workspace) if isinstance(data, Mapping) else None


def parse(text: str) -> Any:
    """The round-trip parse of ``text`` (positions in ``.lc``), or None when it is not YAML."""
    try:
        return YAML(typ="rt").load(text)
    except (YAMLError, ValueError):
        return None


def locate_job(ctx: FixContext) -> tuple[Workflow, str] | str:
    """The failing workflow and job id, or the reason they cannot be told."""
    wanted = ctx.job_hint
    if ctx.workflow_path:
        workflow = load_workflow(ctx, ctx.workflow_path)
        if workflow is None:
            return f"cannot read {ctx.workflow_path!r} as a workflow file inside the workspace"
        job = find_job(workflow.jobs, wanted)
        return _called(ctx, workflow, job, wanted) if job else f"no job {wanted!r} in {workflow.path}"
    return _search_workflows(ctx, wanted)


def _called(ctx: FixContext, workflow: Workflow, job: str, wanted: str | None) -> tuple[Workflow, str]:
    """For ``caller / callee`` (a reusable workflow's job), the callee job in the called local file."""
    uses = workflow.jobs[job].get("uses") if isinstance(workflow.jobs[job], Mapping) else None
    if not (wanted and " / " in wanted and isinstance(uses, str) and uses.startswith("./")):
        return workflow, job
    called = load_workflow(ctx, uses[2:].split("@")[0])
    inner = find_job(called.jobs, wanted.split(" / ", 1)[1]) if called else None
    return (called, inner) if called and inner else (workflow, job)


_LOGGED_STEP = re.compile(r"(?m)^(?:\S+Z )?(?:##\[group\])?(Run .{1,200}?)\s*$")


def logged_steps(text: str) -> set[str]:
    """The step display names the log shows starting (``Run make docs``, ``Run actions/checkout@v4``)."""
    return {m.group(1) for m in _LOGGED_STEP.finditer(text)}


def step_labels(job: Any) -> set[str]:
    """How the runner names each step of ``job`` in the log: ``Run <name>``, ``Run <first line>``, ``Run <uses>``."""
    labels: set[str] = set()
    for step in job.get("steps") or [] if isinstance(job, Mapping) else []:
        if not isinstance(step, Mapping):
            continue
        for key in ("name", "run", "uses"):
            value = step.get(key)
            if isinstance(value, str) and value.strip():
                labels.add(f"Run {value.strip().splitlines()[0]}")
                labels.add(value.strip() if key == "name" else "")
    return labels - {""}


def _search_workflows(ctx: FixContext, wanted: str | None) -> tuple[Workflow, str] | str:
    workflows = [w for w in (load_workflow(ctx, p) for p in workflow_files(ctx.workspace)) if w]
    if len(workflows) == 1:
        job = find_job(workflows[0].jobs, wanted)
        return _called(ctx, workflows[0], job, wanted) if job else f"no job {wanted!r} in {workflows[0].path}"
    hits = [(w, j) for w in workflows if wanted for j in [find_job(w.jobs, wanted, single=False)] if j]
    if len(hits) > 1:  # the same job name in several workflows: the steps the log shows running decide
        shown = logged_steps(log_text(ctx.diagnosis))
        hits = [(w, j) for w, j in hits if shown & step_labels(w.jobs[j])] or hits
    if len(hits) == 1:
        return _called(ctx, *hits[0], wanted)
    if not workflows:
        return "no readable workflow files in .github/workflows"
    if not wanted:
        return "the failing workflow and job are unknown and there are several workflow files"
    return f"the failing workflow is unknown and {len(hits) or 'no'} workflow files have a job {wanted!r}"


def find_job(jobs: Mapping[str, Any], wanted: str | None, single: bool = True) -> str | None:
    """The id of the job called ``wanted`` (id, ``name:``, or name with a matrix suffix)."""
    if wanted:
        for candidate in dict.fromkeys([wanted, _MATRIX_SUFFIX.sub("", wanted), wanted.split(" / ")[0]]):
            job = _job_by_id_or_name(jobs, candidate)
            if job:
                return job
    return next(iter(jobs)) if single and len(jobs) == 1 else None


def _job_by_id_or_name(jobs: Mapping[str, Any], wanted: str) -> str | None:
    if wanted in jobs:
        return wanted
    for job_id, job in jobs.items():
        name = job.get("name") if isinstance(job, Mapping) else None
        if isinstance(name, str) and _name_matches(name, wanted):
            return str(job_id)
    return None


def _name_matches(name: str, wanted: str) -> bool:
    """``Test ${{ matrix.py }}`` matches the display name ``Test 3.12``.

    Expressions match any text, like ``*`` in a glob; matched greedily left to
    right (no regex, so a crafted name cannot make matching slow).
    """
    pieces = _EXPRESSION.split(name)
    if len(pieces) == 1:
        return name == wanted
    first, *middle, last = pieces
    if len(wanted) < len(first) + len(last) or not (wanted.startswith(first) and wanted.endswith(last)):
        return False
    position, end = len(first), len(wanted) - len(last)
    for piece in middle:
        found = wanted.find(piece, position, end)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def key_pos(mapping: Any, key: str) -> tuple[int, int]:
    line, col = mapping.lc.key(key)
    return int(line), int(col)


def value_pos(mapping: Any, key: str) -> tuple[int, int]:
    line, col = mapping.lc.value(key)
    return int(line), int(col)


def is_block(node: Any) -> bool:
    """True for a block-style (not ``{...}``/``[...]``) mapping or sequence."""
    return hasattr(node, "fa") and not node.fa.flow_style()


def block_end(lines: tuple[str, ...] | list[str], line: int, col: int) -> int:
    """Index of the line after the value of the key at (line, col), trailing blanks excluded."""
    end = line + 1
    last = line
    while end < len(lines):
        text = lines[end]
        stripped = text.strip()
        if stripped and indent(text) <= col:
            break
        if stripped and not stripped.startswith("#"):
            last = end
        end += 1
    return last + 1


def indent(text: str) -> int:
    """How many spaces the line starts with."""
    return len(text) - len(text.lstrip(" "))


_QUOTED = {"'": re.compile(r"'(?:[^']|'')*'"), '"': re.compile(r'"(?:[^"\\]|\\.)*"')}
_PLAIN = re.compile(r"[^\s,\]\}#]+(?:[ \t]+[^\s,\]\}#]+)*")


def scalar_span(line: str, col: int) -> tuple[int, int] | None:
    """Start and end of the scalar token at ``col`` (quotes included)."""
    pattern = _QUOTED.get(line[col : col + 1], _PLAIN)
    match = pattern.match(line, col)
    return (col, match.end()) if match else None


def scalar_text(line: str, col: int) -> tuple[str, str] | None:
    """The scalar at ``col`` without quotes, and its quote character ('' when plain)."""
    span = scalar_span(line, col)
    if span is None:
        return None
    token = line[span[0] : span[1]]
    quote = token[0] if token[0] in "'\"" else ""
    return (token[1:-1] if quote else token), quote


def replace_scalar(line: str, col: int, value: str, quote: str | None = None) -> str | None:
    """``line`` with the scalar at ``col`` set to ``value``, keeping its quote style."""
    current = scalar_text(line, col)
    span = scalar_span(line, col)
    if current is None or span is None:
        return None
    mark = current[1] if quote is None else quote
    return line[: span[0]] + f"{mark}{value}{mark}" + line[span[1] :]


def line_ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :] or "\n"


def insert_lines(lines: list[str], index: int, new: list[str]) -> None:
    """Insert ``new`` (lines without endings) before ``lines[index]``, matching line endings."""
    ending = line_ending(lines[index - 1]) if index else "\n"
    if index and not lines[index - 1].endswith("\n"):
        lines[index - 1] += ending
    lines[index:index] = [text + ending for text in new]
