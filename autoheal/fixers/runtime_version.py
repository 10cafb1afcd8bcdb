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
from dataclasses import dataclass

import tomlkit
from tomlkit.exceptions import TOMLKitError

from autoheal.fixers import runtime_values, versions, yamledit
from autoheal.fixers.base import FixContext, lines_of, log_text, read_text
from autoheal.fixers.runtime_values import VERSION_PREFIX, dotted, too_low
from autoheal.proposals import Change, FixDeclined, FixProposal

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
            f"{requirement.runtime} {dotted(requirement.current)} is not too old for "
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


def _propose(
    workflow: yamledit.Workflow,
    job_id: str,
    req: Requirement,
    target: versions.Version,
) -> FixProposal | FixDeclined:
    job = workflow.jobs[job_id]
    lines = list(workflow.lines)
    version_file = runtime_values.version_file(job, req.key)
    if version_file:
        return _edit_version_file(workflow, version_file, req, target)
    edits = runtime_values.setup_values(job, req.key)
    if isinstance(edits, str):
        return FixDeclined(ID, f"{workflow.path}, job {job_id!r}: {edits}")
    written = runtime_values.raise_values(lines, edits, target, req.runtime)
    if not written:
        return FixDeclined(ID, f"{workflow.path}, job {job_id!r}: no {req.key} below {dotted(target)}")
    minimum = dotted(target)
    summary = f"raise {req.key} of job {job_id!r} to {minimum}"
    text = runtime_values.dedupe_matrix("".join(lines), job, job_id, req.key, written)
    change = Change(workflow.path, workflow.text, text, summary)
    explanation = (
        f"A dependency needs {req.runtime} {req.spec} but job {job_id!r} ran "
        f"{dotted(req.current)}. This raises {req.key} to {minimum}, the lowest version "
        "that satisfies it; matrix entries below it are raised and duplicates dropped."
    )
    return FixProposal(ID, (change,), f"ci: raise {req.runtime} to {minimum} in job {job_id}", explanation)


def _edit_version_file(
    workflow: yamledit.Workflow, path: str, req: Requirement, target: versions.Version
) -> FixProposal | FixDeclined:
    """Versions live in .python-version / .nvmrc / .node-version: raise the one line there."""
    text = read_text(workflow.root, path) if workflow.root else None
    if text is None or "${{" in path or path.endswith((".toml", ".json")):
        return FixDeclined(
            ID, f"the version comes from {path}, which autoheal cannot edit; raise it to {dotted(target)}"
        )
    lines = lines_of(text)
    first = next((i for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")), None)
    parts = VERSION_PREFIX.fullmatch(lines[first].strip()) if first is not None else None
    if first is None or parts is None or not too_low(parts, target):
        return FixDeclined(ID, f"{path} does not hold a plain {req.runtime} version below {dotted(target)}")
    prefix = "v" if lines[first].strip().startswith("v") else ""
    lines[first] = lines[first].replace(lines[first].strip(), prefix + dotted(target), 1)
    change = Change(path, text, "".join(lines), f"raise {req.runtime} in {path} to {dotted(target)}")
    explanation = (
        f"A dependency needs {req.runtime} {req.spec} but the job ran {dotted(req.current)}, the version "
        f"{path} names. This raises it to {dotted(target)}, the lowest version that satisfies it."
    )
    return FixProposal(ID, (change,), f"ci: raise {req.runtime} to {dotted(target)} in {path}", explanation)
