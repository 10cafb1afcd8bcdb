"""Deterministic fixers: one module each, listed in ``FIXERS`` in the order they are tried.

A fixer is a module with ``ID``, ``CATEGORIES`` (the diagnosis categories it
may handle), ``DOC`` (its user documentation) and a pure
``fix(ctx) -> FixProposal | FixDeclined``. Fixers read the workspace and return
changes as data; they never write. Applying changes happens elsewhere.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Protocol

from autoheal.fixers import (
    deprecated_actions,
    job_timeout,
    node_dependency,
    python_dependency,
    runtime_version,
    system_command,
    workflow_permissions,
    workflow_yaml,
)
from autoheal.fixers.base import FixContext, lines_of
from autoheal.proposals import Change, FixDeclined, FixProposal

__all__ = ["FIXERS", "FixContext", "Fixer", "propose", "releases_wanted", "unified_diff"]


class Fixer(Protocol):
    """What a fixer module provides (modules satisfy this protocol structurally)."""

    @property
    def ID(self) -> str: ...

    @property
    def CATEGORIES(self) -> frozenset[str]: ...

    @property
    def DOC(self) -> str: ...

    def fix(self, ctx: FixContext) -> FixProposal | FixDeclined: ...


# Order matters: the first proposal wins. deprecated_actions accepts every
# category (GitHub's deprecation failures get triaged as many things), so it is last.
FIXERS: dict[str, Fixer] = {
    python_dependency.ID: python_dependency,
    node_dependency.ID: node_dependency,
    job_timeout.ID: job_timeout,
    workflow_permissions.ID: workflow_permissions,
    runtime_version.ID: runtime_version,
    system_command.ID: system_command,
    workflow_yaml.ID: workflow_yaml,
    deprecated_actions.ID: deprecated_actions,
}


def propose(ctx: FixContext, fixers: Mapping[str, Fixer] = FIXERS) -> FixProposal | FixDeclined:
    """The first proposal of the fixers for the diagnosis's category, else why none was made.

    The reasons of fixers that recognised their case and refused come first and
    alone: "yaml is already declared" says more than five "not my kind" lines.
    """
    category = ctx.diagnosis.category
    declined: list[FixDeclined] = []
    for fixer in fixers.values():
        if category not in fixer.CATEGORIES:
            continue
        result = fixer.fix(ctx)
        if isinstance(result, FixProposal):
            return result
        declined.append(result)
    if not declined:
        return FixDeclined("autoheal", f"no fixer handles category {category!r}", applies=False)
    refused = [d for d in declined if d.applies]
    shown = refused or declined
    return FixDeclined("autoheal", "; ".join(f"{d.fixer}: {d.reason}" for d in shown), applies=bool(refused))


def releases_wanted(ctx: FixContext, fixers: Mapping[str, Fixer] = FIXERS) -> list[tuple[str, str]]:
    """(ecosystem, name) pairs the fixers for this category may want the current release of.

    A fixer opts in with a module-level ``wanted_releases(ctx)``; the heal flow looks
    the names up before calling ``propose``, so the fixers themselves stay pure.
    """
    wanted: list[tuple[str, str]] = []
    for fixer in fixers.values():
        hook = getattr(fixer, "wanted_releases", None)
        if ctx.diagnosis.category in fixer.CATEGORIES and callable(hook):
            wanted += hook(ctx)
    return list(dict.fromkeys(wanted))


def unified_diff(changes: Iterable[Change]) -> str:
    """A ``git apply``-able unified diff of the changes (``--- a/path`` / ``+++ b/path``)."""
    return "".join(_diff_one(change) for change in changes)


def _diff_one(change: Change) -> str:
    old = lines_of(change.old or "")
    new = lines_of(change.new)
    before = f"a/{change.path}" if change.old is not None else "/dev/null"
    lines = difflib.unified_diff(old, new, fromfile=before, tofile=f"b/{change.path}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
