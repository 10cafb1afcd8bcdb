"""Raise the Python or Node version a job sets up to the lowest one a package accepts.

Applies to ``requires a different Python: 3.8.18 not in '>=3.9'`` (pip),
``The engine "node" is incompatible with this module. Expected version ">=18".
Got "16.20.2"`` (yarn) and npm's ``notsup``/``EBADENGINE`` reports. The new
version is the lowest release line that satisfies the requirement (``>=3.9`` ->
``3.9``, ``^18.17 || >=20`` -> ``18``); it is written where the failing job's
steps set ``python-version``/``node-version``.

When that value is ``${{ matrix.X }}``, every entry of matrix axis ``X`` (and of
``include:``) below the new minimum is raised to it, and duplicates the raise
creates are removed, first one kept, so ``["3.8", "3.9", "3.10"]`` becomes
``["3.9", "3.10"]``: the matrix keeps the versions the project still supports and
gains none it did not test. Entries above the minimum are never touched.
Quoting is kept; a plain ``3.10`` is written as ``"3.10"`` (YAML reads 3.10 as
the number 3.1). Declines for upper bounds (the package wants an older runtime),
exact pins, ``python-version-file`` and expressions other than ``matrix.X``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError

from autoheal.fixers import versions, yamledit
from autoheal.fixers.base import FixContext, lines_of, log_text, read_text
from autoheal.models import Change, FixDeclined, FixProposal

ID = "runtime-version"
CATEGORIES = frozenset({"runtime.version", "dependency.resolution"})
DOC: str = __doc__ or ""

_PYTHON = re.compile(r"requires a different Python: (\d[\d.]*) not in '([^']+)'")
# Poetry 1 and 2: "The currently activated Python version 3.8.18 is not supported by the project (^3.9)."
# and "Current Python version (3.8.18) is not allowed by the project (^3.9)."
_POETRY = re.compile(
    r"(?:currently activated|Current) Python version \(?(\d[\d.]*)\)? is not (?:supported|allowed) by the project"
    r"(?: \(([^()]{1,200})\))?"
)
_NODE = (
    re.compile(r'The engine "node" is incompatible with this module\. Expected version "([^"]+)"\. Got "v?(\d[\d.]*)"'),
    # npm's EBADENGINE report spans lines, each with a timestamp and "npm WARN EBADENGINE".
    re.compile(r"required: \{ node: '([^']+)' \},?[^{}]{0,120}?current: \{ node: 'v?(\d[\d.]*)'"),
)
_NPM_REQUIRED = re.compile(r'notsup Required: \{[^}]*"node":\s*"([^"]+)"')
_NPM_ACTUAL = re.compile(r'notsup Actual: +\{[^}]*"node":\s*"v?(\d[\d.]*)"')
_MATRIX_REF = re.compile(r"\$\{\{\s*matrix(?:\.([\w-]+)|\[\s*'([\w-]+)'\s*\])\s*\}\}")
_VERSION_PREFIX = re.compile(r"v?(\d+)((?:\.(?:\d+|x|\*))*)(.*)")


@dataclass(frozen=True)
class Requirement:
    """What the log says: the runtime, the version that ran, and the accepted range."""

    runtime: str  # "python" or "node"
    current: versions.Version
    spec: str
    poetry: bool = False  # the spec is a Poetry constraint (^3.9), not PEP 440

    @property
    def key(self) -> str:
        return f"{self.runtime}-version"


def fix(ctx: FixContext) -> FixProposal | FixDeclined:
    requirement = parse_requirement(log_text(ctx.diagnosis), ctx)
    if requirement is None:
        return FixDeclined(ID, "the log does not show a Python or Node version requirement", applies=False)
    lines = versions.PYTHON_LINES if requirement.runtime == "python" else versions.NODE_LINES
    target = versions.minimal_line(requirement.spec, lines, requirement.runtime == "python", requirement.poetry)
    if target is None:
        return FixDeclined(
            ID,
            f"no {requirement.runtime} release line satisfies {requirement.spec!r} "
            "(exact pins and unusual ranges are not raised automatically)",
        )
    if target <= requirement.current[: len(target)]:
        return FixDeclined(
            ID,
            f"{requirement.runtime} {_dotted(requirement.current)} is not too old for "
            f"{requirement.spec!r}; lowering or pinning a patch is left to a maintainer",
        )
    located = yamledit.locate_job(ctx)
    if isinstance(located, str):
        return FixDeclined(ID, located)
    return _propose(located[0], located[1], requirement, target)


def parse_requirement(text: str, ctx: FixContext | None = None) -> Requirement | None:
    match = _PYTHON.search(text)
    if match and versions.parse(match.group(1)):
        return Requirement("python", versions.parse(match.group(1)) or (), match.group(2))
    match = _POETRY.search(text)
    current = versions.parse(match.group(1)) if match else None
    if match and current:
        spec = match.group(2) or (_poetry_python(ctx) if ctx else None)
        return Requirement("python", current, spec.strip(), poetry=True) if spec else None
    for pattern in _NODE:
        match = pattern.search(text)
        if match and versions.parse(match.group(2)):
            return Requirement("node", versions.parse(match.group(2)) or (), match.group(1))
    required, actual = _NPM_REQUIRED.search(text), _NPM_ACTUAL.search(text)
    if required and actual:
        return Requirement("node", versions.parse(actual.group(1)) or (), required.group(1))
    return None


def _poetry_python(ctx: FixContext) -> str | None:
    """``[tool.poetry.dependencies] python`` (or ``[project] requires-python``) of the root pyproject.toml,
    for a Poetry message that does not repeat the constraint."""
    text = read_text(ctx.workspace, "pyproject.toml")
    try:
        data = tomlkit.parse(text).unwrap() if text else {}
    except TOMLKitError:
        return None
    poetry = data.get("tool", {}).get("poetry", {}).get("dependencies", {})
    value = poetry.get("python") if isinstance(poetry, dict) else None
    project = data.get("project", {})
    value = value or (project.get("requires-python") if isinstance(project, dict) else None)
    return value if isinstance(value, str) else None


def _dotted(version: versions.Version) -> str:
    return ".".join(map(str, version))


def _propose(
    workflow: yamledit.Workflow,
    job_id: str,
    req: Requirement,
    target: versions.Version,
) -> FixProposal | FixDeclined:
    job = workflow.jobs[job_id]
    lines = list(workflow.lines)
    version_file = _version_file(job, req.key)
    if version_file:
        return _edit_version_file(workflow, version_file, req, target)
    edits = _setup_values(job, req.key)
    if isinstance(edits, str):
        return FixDeclined(ID, f"{workflow.path}, job {job_id!r}: {edits}")
    # Right to left, so a longer value does not shift the columns of the entries after it.
    edits.sort(key=lambda edit: _position(*edit), reverse=True)
    written = {_raise_value(lines, owner, key, target, req.runtime) for owner, key in edits} - {None}
    if not written:
        return FixDeclined(ID, f"{workflow.path}, job {job_id!r}: no {req.key} below {_dotted(target)}")
    minimum = _dotted(target)
    summary = f"raise {req.key} of job {job_id!r} to {minimum}"
    text = _dedupe_matrix("".join(lines), job_id, _axes(job, req.key), written)
    change = Change(workflow.path, workflow.text, text, summary)
    explanation = (
        f"A dependency needs {req.runtime} {req.spec} but job {job_id!r} ran "
        f"{_dotted(req.current)}. This raises {req.key} to {minimum}, the lowest version "
        "that satisfies it; matrix entries below it are raised and duplicates dropped."
    )
    return FixProposal(ID, (change,), f"ci: raise {req.runtime} to {minimum} in job {job_id}", explanation)


def _version_file(job: Any, key: str) -> str | None:
    """The ``python-version-file`` / ``node-version-file`` a step of the job reads, if any."""
    for step in job.get("steps") or [] if isinstance(job, Mapping) else []:
        value = step.get("with", {}).get(f"{key}-file") if isinstance(step, Mapping) else None
        if isinstance(step, Mapping) and isinstance(step.get("with"), Mapping) and isinstance(value, str):
            return value.strip().removeprefix("./")
    return None


def _edit_version_file(
    workflow: yamledit.Workflow, path: str, req: Requirement, target: versions.Version
) -> FixProposal | FixDeclined:
    """Versions live in .python-version / .nvmrc / .node-version: raise the one line there."""
    text = read_text(workflow.root, path) if workflow.root else None
    if text is None or "${{" in path or path.endswith((".toml", ".json")):
        return FixDeclined(
            ID, f"the version comes from {path}, which autoheal cannot edit; raise it to {_dotted(target)}"
        )
    lines = lines_of(text)
    first = next((i for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")), None)
    parts = _VERSION_PREFIX.fullmatch(lines[first].strip()) if first is not None else None
    if first is None or parts is None or not _too_low(parts, target):
        return FixDeclined(ID, f"{path} does not hold a plain {req.runtime} version below {_dotted(target)}")
    prefix = "v" if lines[first].strip().startswith("v") else ""
    lines[first] = lines[first].replace(lines[first].strip(), prefix + _dotted(target), 1)
    change = Change(path, text, "".join(lines), f"raise {req.runtime} in {path} to {_dotted(target)}")
    explanation = (
        f"A dependency needs {req.runtime} {req.spec} but the job ran {_dotted(req.current)}, the version "
        f"{path} names. This raises it to {_dotted(target)}, the lowest version that satisfies it."
    )
    return FixProposal(ID, (change,), f"ci: raise {req.runtime} to {_dotted(target)} in {path}", explanation)


def _setup_values(job: Any, key: str) -> list[tuple[Any, Any]] | str:
    """(container, key) pairs holding the versions to raise: step inputs or matrix entries."""
    steps = job.get("steps") if isinstance(job, Mapping) else None
    inputs = [s["with"] for s in steps or [] if isinstance(s, Mapping) and isinstance(s.get("with"), Mapping)]
    if any(f"{key}-file" in w for w in inputs):
        return f"the version comes from {key}-file; edit that file instead"
    found = [w for w in inputs if key in w]
    if not found:
        return f"no step sets {key}"
    edits: list[tuple[Any, Any]] = []
    for with_map in found:
        value = str(with_map[key])
        axis = _MATRIX_REF.fullmatch(value.strip())
        if axis:
            matrix_edits = _matrix_values(job, axis.group(1) or axis.group(2))
            if isinstance(matrix_edits, str):
                return matrix_edits
            edits += matrix_edits
        elif "${{" in value:
            return f"{key} is an expression ({value}); autoheal only follows matrix.X"
        else:
            edits.append((with_map, key))
    return edits


def _matrix_values(job: Any, axis: str) -> list[tuple[Any, Any]] | str:
    strategy = job.get("strategy")
    matrix = strategy.get("matrix") if isinstance(strategy, Mapping) else None
    if not isinstance(matrix, Mapping):
        return f"matrix.{axis} is not defined in the job's strategy"
    edits: list[tuple[Any, Any]] = []
    values = matrix.get(axis)
    if isinstance(values, str) and "${{" in values:
        return f"matrix.{axis} is computed ({values}); autoheal edits literal lists only"
    if isinstance(values, list):
        edits += [(values, index) for index in range(len(values))]
    elif values is not None and not isinstance(values, Mapping):
        edits.append((matrix, axis))
    include = matrix.get("include")
    for entry in include if isinstance(include, list) else []:
        if isinstance(entry, Mapping) and axis in entry:
            edits.append((entry, axis))
    return edits or f"matrix.{axis} has no values"


def _position(owner: Any, key: Any) -> tuple[int, int]:
    if isinstance(owner, list):
        line, col = owner.lc.item(key)  # type: ignore[attr-defined]
        return int(line), int(col)
    return yamledit.value_pos(owner, key)


def _raise_value(lines: list[str], owner: Any, key: Any, target: versions.Version, runtime: str) -> str | None:
    """Raise one scalar below ``target``; the value written, or None when it was high enough."""
    line, col = _position(owner, key)
    current = yamledit.scalar_text(lines[line], col)
    parts = _VERSION_PREFIX.fullmatch(current[0]) if current else None
    if current is None or parts is None or not _too_low(parts, target):
        return None
    wildcard = ".x" if runtime == "node" and parts.group(2).endswith((".x", ".*")) else ""
    value = _dotted(target) + wildcard
    quote = current[1] or ('"' if re.fullmatch(r"\d+\.\d*0", value) else "")
    replaced = yamledit.replace_scalar(lines[line], col, value, quote)
    if replaced is None:
        return None
    lines[line] = replaced
    return value


def _too_low(parts: re.Match[str], target: versions.Version) -> bool:
    """True when even the newest release the value names is below ``target``."""
    if parts.group(3) and not parts.group(3).startswith("-"):
        return False  # "3.10-dev" is fine, "lts/hydrogen" or "3.8 # x" are not versions to raise
    numbers = [int(p) for p in (parts.group(1) + parts.group(2)).split(".") if p.isdigit()]
    return versions.newest(tuple(numbers)) < versions.oldest(target)


def _axes(job: Any, key: str) -> list[str]:
    """The matrix axes the job's ``key`` inputs refer to."""
    refs = [
        _MATRIX_REF.fullmatch(str(s["with"][key]).strip())
        for s in job.get("steps") or []
        if isinstance(s, Mapping) and isinstance(s.get("with"), Mapping) and key in s["with"]
    ]
    return list(dict.fromkeys(m.group(1) or m.group(2) for m in refs if m))


def _dedupe_matrix(text: str, job_id: str, axes: list[str], written: set[str | None]) -> str:
    """Drop later copies of the raised values in each axis list (3.8 and 3.9 may both be 3.9 now)."""
    if not axes:
        return text
    data = yamledit.parse(text)
    lines = lines_of(text)
    matrix = data["jobs"][job_id]["strategy"]["matrix"]
    for axis in axes:
        values = matrix.get(axis)
        if isinstance(values, list):
            _drop_duplicates(lines, values, written)
    return "".join(lines)


def _drop_duplicates(lines: list[str], values: Any, written: set[str | None]) -> None:
    seen: set[str] = set()
    drop: list[int] = []
    for index in range(len(values)):
        line, col = values.lc.item(index)
        token = yamledit.scalar_text(lines[line], col)
        if token and token[0] in seen and token[0] in written:
            drop.append(index)
        elif token:
            seen.add(token[0])
    for index in reversed(drop):
        _drop_item(lines, values, index)


def _drop_item(lines: list[str], values: Any, index: int) -> None:
    """Remove item ``index`` (never the first: dedupe keeps first occurrences)."""
    line, col = values.lc.item(index)
    if yamledit.is_block(values):
        span = yamledit.scalar_span(lines[line], col)
        comment = lines[line][span[1] :].strip() if span else ""
        if comment.startswith("#"):  # the entry goes, its comment stays
            lines[line] = " " * yamledit.indent(lines[line]) + comment + yamledit.line_ending(lines[line])
        else:
            del lines[line]
        return
    prev_line, prev_col = values.lc.item(index - 1)
    prev, span = yamledit.scalar_span(lines[prev_line], prev_col), yamledit.scalar_span(lines[line], col)
    if prev_line == line and prev and span:
        lines[line] = lines[line][: prev[1]] + lines[line][span[1] :]
