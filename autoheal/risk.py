"""How risky a proposed fix is: ``low``, ``medium`` or ``high``, and why (issue 12).

From the diagnosis's confidence, how many files and lines change, and what the
files are: a dependency manifest changes what gets installed, and a workflow
file changes what CI runs and with which token, so every workflow edit is at
least ``medium``. Shown in the PR body, as a label and by dry-run.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from autoheal.models import Diagnosis, FixProposal

LEVELS = ("low", "medium", "high")
LABEL_PREFIX = "autoheal-risk:"
_MANIFESTS = frozenset(
    {"pyproject.toml", "setup.cfg", "setup.py", "package.json", "tox.ini", "Pipfile", "environment.yml"}
)


@dataclass(frozen=True)
class Risk:
    level: str
    reasons: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{LABEL_PREFIX}{self.level}"

    def describe(self) -> str:
        return f"{self.level} ({'; '.join(self.reasons)})"


def is_workflow(path: str) -> bool:
    return path.startswith(".github/workflows/") or posixpath.basename(path) in ("action.yml", "action.yaml")


def is_manifest(path: str) -> bool:
    name = posixpath.basename(path)
    return name in _MANIFESTS or (name.startswith("requirements") and name.endswith((".txt", ".in")))


def changed_lines(proposal: FixProposal) -> int:
    total = 0
    for change in proposal.changes:
        old = (change.old or "").splitlines()
        new = change.new.splitlines()
        total += abs(len(new) - len(old)) + sum(a != b for a, b in zip(old, new))
    return total


def assess(proposal: FixProposal, diagnosis: Diagnosis) -> Risk:
    """The level is the highest any single reason gives."""
    scored: list[tuple[int, str]] = []
    if diagnosis.confidence < 0.75:
        scored.append((2, f"triage confidence {diagnosis.confidence:.0%} is low"))
    elif diagnosis.confidence < 0.9:
        scored.append((1, f"triage confidence {diagnosis.confidence:.0%}"))
    files = {c.path for c in proposal.changes}
    lines = changed_lines(proposal)
    if len(files) > 2 or lines > 20:
        scored.append((2, f"{len(files)} files and {lines} lines change"))
    elif len(files) > 1 or lines > 5:
        scored.append((1, f"{len(files)} files and {lines} lines change"))
    if any(is_workflow(p) for p in files):
        scored.append((1, "edits a workflow file (what CI runs, and with which token)"))
    if any(is_manifest(p) for p in files):
        scored.append((1, "edits a dependency manifest (what gets installed)"))
    if not scored:
        return Risk("low", (f"one small change, triage confidence {diagnosis.confidence:.0%}",))
    level = max(score for score, _ in scored)
    return Risk(LEVELS[level], tuple(reason for _, reason in scored))
