"""A fixer's results: the file changes it proposes, or why it declines (heal only).

Apart from models.py, whose values a triage builds: the classes of a triage's import cost ~4 M
instructions each to create (issue 14), and a triage proposes no change.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """One file edit a fixer proposes: ``old`` is None for a new file."""

    path: str
    old: str | None
    new: str
    summary: str


@dataclass(frozen=True)
class FixProposal:
    """A fixer's result when it applies: the changes and why."""

    fixer: str
    changes: tuple[Change, ...]
    title: str
    explanation: str


@dataclass(frozen=True)
class FixDeclined:
    """A fixer's result when it makes no change, with the reason shown to users.

    ``applies`` is False when the failure is simply not the fixer's kind (the
    log names no missing module): that reason only matters when no fixer
    applied at all. True means the fixer recognised its case and refused.
    """

    fixer: str
    reason: str
    applies: bool = True
