"""How risky a proposed fix is: ``low``, ``medium`` or ``high``, and why (issue 12).

From the diagnosis's confidence, how many files and lines change, and what the
files are: a dependency manifest changes what gets installed, and a workflow
file changes what CI runs and with which token, so every workflow edit is at
least ``medium``. Shown in the PR body, as a label and by dry-run.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass

from autoheal.models import Diagnosis
from autoheal.proposals import FixProposal

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


@dataclass(frozen=True)
class Gate:
    """Why a proposal goes on the issue as a patch instead of a PR: ``kind`` is protected | high-risk."""

    kind: str
    reason: str
    paths: tuple[str, ...] = ()


def gate(
    proposal: FixProposal, diagnosis: Diagnosis, protected_globs: Sequence[str], allow_high_risk: bool
) -> Gate | None:
    """The protected-paths and allow-high-risk settings applied to a proposal (issue 12)."""
    hits = tuple(sorted({c.path for c in proposal.changes if protected(c.path, protected_globs)}))
    if hits:
        return Gate("protected", f"it edits protected paths ({', '.join(hits)})", hits)
    assessed = assess(proposal, diagnosis)
    if assessed.level == "high" and not allow_high_risk:
        return Gate("high-risk", f"its risk is {assessed.describe()} and allow-high-risk is false")
    return None


def protected(path: str, globs: Sequence[str]) -> bool:
    """Whether a repository-relative path matches one of the ``protected-paths`` globs.

    ``*`` and ``?`` stay inside one path segment, ``**`` spans any number of them, a glob
    ending in ``/`` covers everything below that folder, and a glob without ``/`` matches the
    file name in any folder, as a .gitignore line does (https://git-scm.com/docs/gitignore).
    """
    return any(_glob_regex(glob).fullmatch(path) for glob in globs if glob.strip())


@functools.lru_cache(maxsize=256)
def _glob_regex(glob: str) -> re.Pattern[str]:
    glob = glob.strip().removeprefix("./")
    if glob.endswith("/"):
        glob += "**"
    if "/" not in glob:
        glob = "**/" + glob
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out))
