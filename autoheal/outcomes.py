"""What became of autoheal's fix PRs, per rule and per fixer: merged or closed unmerged.

Read from the PRs themselves (their metadata block names the rule, the body's ``Fixer:`` line
the fixer), so no state is kept anywhere else. Heal's gate (``heal.fix_success_problem``) stops
fixing with a rule whose recent PRs were mostly closed unmerged; health shows the same figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from autoheal import metadata
from autoheal.ghtypes import Pull

BRANCH_PREFIX = "autoheal/"  # every fix PR's head branch starts so (heal names them, verify/stale/health find them)
FIX_FAILED = "autoheal-fix-failed"  # the label verify puts on a fix PR whose CI failed the same way again
_FIXER = re.compile(r"\*\*Fixer:\*\*\s*`([^`\n]{1,100})`")
WINDOW = 10  # the last N decided fix PRs of a rule are what counts
MIN_DECIDED = 3  # fewer decided PRs than this say nothing yet


@dataclass(frozen=True)
class FixRecord:
    number: int
    rule: str
    fixer: str
    state: str  # open | merged | closed (closed without merging)
    created_at: str
    closed_at: str


def is_fix_branch(run: Mapping[str, Any]) -> bool:
    """A workflow run of one of autoheal's fix branches."""
    return str(run.get("head_branch") or "").startswith(BRANCH_PREFIX)


def ours(pulls: Iterable[Pull], repo: str | None = None) -> list[Pull]:
    """autoheal's PRs: an ``autoheal/`` head in this repository (a fork may reuse the name)."""
    return [p for p in pulls if p.head.startswith(BRANCH_PREFIX) and (repo is None or p.head_repo == repo)]


def records(pulls: Iterable[Pull]) -> list[FixRecord]:
    found = []
    for p in ours(pulls):
        meta = metadata.extract(p.body) or {}
        fixer = _FIXER.search(p.body)
        state = "merged" if p.merged else p.state
        found.append(
            FixRecord(
                p.number,
                str(meta.get("rule") or "unknown"),
                fixer.group(1) if fixer else "unknown",
                state,
                p.created_at or "",
                p.closed_at or "",
            )
        )
    return found


@dataclass(frozen=True)
class Tally:
    opened: int = 0
    merged: int = 0
    closed: int = 0

    @property
    def success(self) -> float | None:
        decided = self.merged + self.closed
        return self.merged / decided if decided else None


def tally(found: Iterable[FixRecord], key: str) -> dict[str, Tally]:
    """``key`` is ``rule`` or ``fixer``."""
    out: dict[str, Tally] = {}
    for r in found:
        t = out.get(getattr(r, key), Tally())
        out[getattr(r, key)] = Tally(t.opened + 1, t.merged + (r.state == "merged"), t.closed + (r.state == "closed"))
    return out


def recent_success(found: Iterable[FixRecord], rule: str) -> tuple[int, int]:
    """(merged, decided) among the rule's last ``WINDOW`` decided fix PRs."""
    decided = sorted(
        (r for r in found if r.rule == rule and r.state in ("merged", "closed")),
        key=lambda r: (r.closed_at, r.number),
        reverse=True,
    )[:WINDOW]
    return sum(r.state == "merged" for r in decided), len(decided)


def rule_problem(pulls: Iterable[Pull], rule: str | None, min_success: float) -> str | None:
    """Why autoheal should stop fixing with ``rule``, or None."""
    if not rule or min_success <= 0:
        return None
    merged, decided = recent_success(records(pulls), rule)
    if decided < MIN_DECIDED or merged / decided >= min_success:
        return None
    return (
        f"only {merged} of the last {decided} fix PRs of rule {rule} were merged "
        f"({merged / decided:.0%}, below min-fix-success {min_success:.0%}): autoheal stops fixing with it"
    )
