"""Where a job sets its runtime version, and raising it there: the setup steps' ``python-version`` /
``node-version`` inputs, the matrix axis entries they name, and the duplicates a raise creates.

Edits are line splices at ruamel.yaml's recorded positions, so comments, quoting and key
order survive (STYLE.md, minimal edits).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from autoheal.fixers import versions, yamledit
from autoheal.fixers.base import lines_of

_MATRIX_REF = re.compile(r"\$\{\{\s*matrix(?:\.([\w-]+)|\[\s*'([\w-]+)'\s*\])\s*\}\}")
VERSION_PREFIX = re.compile(r"v?(\d+)((?:\.(?:\d+|x|\*))*)(.*)")


def dotted(version: versions.Version) -> str:
    return ".".join(map(str, version))


def version_file(job: Any, key: str) -> str | None:
    """The ``python-version-file`` / ``node-version-file`` a step of the job reads, if any."""
    for step in job.get("steps") or [] if isinstance(job, Mapping) else []:
        value = step.get("with", {}).get(f"{key}-file") if isinstance(step, Mapping) else None
        if isinstance(step, Mapping) and isinstance(step.get("with"), Mapping) and isinstance(value, str):
            return value.strip().removeprefix("./")
    return None


def setup_values(job: Any, key: str) -> list[tuple[Any, Any]] | str:
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


def raise_values(lines: list[str], edits: list[tuple[Any, Any]], target: versions.Version, runtime: str) -> set[str]:
    """Raise every value of ``edits`` below ``target`` in ``lines``; the values written."""
    # Right to left, so a longer value does not shift the columns of the entries after it.
    ordered = sorted(edits, key=lambda edit: _position(*edit), reverse=True)
    return {value for owner, key in ordered if (value := _raise_value(lines, owner, key, target, runtime))}


def _raise_value(lines: list[str], owner: Any, key: Any, target: versions.Version, runtime: str) -> str | None:
    """Raise one scalar below ``target``; the value written, or None when it was high enough."""
    line, col = _position(owner, key)
    current = yamledit.scalar_text(lines[line], col)
    parts = VERSION_PREFIX.fullmatch(current[0]) if current else None
    if current is None or parts is None or not too_low(parts, target):
        return None
    wildcard = ".x" if runtime == "node" and parts.group(2).endswith((".x", ".*")) else ""
    value = dotted(target) + wildcard
    quote = current[1] or ('"' if re.fullmatch(r"\d+\.\d*0", value) else "")
    replaced = yamledit.replace_scalar(lines[line], col, value, quote)
    if replaced is None:
        return None
    lines[line] = replaced
    return value


def too_low(parts: re.Match[str], target: versions.Version) -> bool:
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


def dedupe_matrix(text: str, job: Any, job_id: str, key: str, written: set[str]) -> str:
    """Drop later copies of the raised values in each axis list ``key`` names (3.8 and 3.9 may both be 3.9 now)."""
    axes = _axes(job, key)
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


def _drop_duplicates(lines: list[str], values: Any, written: set[str]) -> None:
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
