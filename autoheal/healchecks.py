"""Heal's preflight: everything that may stop a heal before a worktree is made.

In order: the sender's permission (``heal.check_trust``), the issue being an open issue, the
re-triage's confidence, the circuit breaker (max-attempts closed-unmerged PRs), the rule's fix
success rate and max-prs-per-hour. A stop is a ``HealResult`` (the issue already says why); a
pass is ``Cleared``, which carries what the checks learned for the rest of the flow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from autoheal import healdecline
from autoheal.ghtypes import Pull
from autoheal.heal import (
    HealResult,
    Sender,
    branch_name,
    check_trust,
    closed_attempts,
    confidence_problem,
    fix_success_problem,
    hour_ago,
    opened_since,
)
from autoheal.healevidence import Found, diagnose_issue
from autoheal.healstate import HealRun, open_pull
from autoheal.models import Diagnosis
from autoheal.outcomes import ours


@dataclass(frozen=True)
class Cleared:
    """Preflight passed: the re-triaged issue, our pull requests, and the fix branch's name."""

    found: Found
    pulls: Sequence[Pull]
    branch: str


def preflight(run: HealRun, number: int, sender: Sender | None) -> HealResult | Cleared:
    refusal = check_trust(run.client, sender, run.opts.allowed_bots)
    if refusal is not None:
        return healdecline.refuse(run, number, sender, refusal)
    issue = run.client.get_issue(number)
    if issue.is_pull_request or issue.state != "open":
        return HealResult("declined", f"#{number} is {'a pull request' if issue.is_pull_request else 'closed'}")
    found = diagnose_issue(run.client, issue.body, run.ruleset)
    problem = confidence_problem(found.diagnosis, run.opts)
    if problem:
        return healdecline.decline(run, number, found.diagnosis, problem)
    pulls = ours(run.client.list_pulls(state="all"), run.client.repo)
    branch = branch_name(number, found.diagnosis)
    stop = circuit(run, number, found.diagnosis, pulls, branch)
    return stop or Cleared(found, pulls, branch)


def circuit(run: HealRun, number: int, d: Diagnosis, pulls: Sequence[Pull], branch: str) -> HealResult | None:
    """The guard rails that read our past pull requests; None lets the heal go on."""
    attempts = closed_attempts(pulls, d.fingerprint)
    if attempts >= run.opts.max_attempts:
        return healdecline.give_up(run, number, d, attempts)
    learned = fix_success_problem(pulls, d, run.opts)
    if learned:
        return healdecline.decline(run, number, d, learned)
    busy = opened_since(pulls, hour_ago()) >= run.opts.max_prs_per_hour
    if busy and open_pull(pulls, branch) is None:
        run.comment(number, "heal_rate_limited.md.j2", limit=run.opts.max_prs_per_hour, label=run.opts.label)
        return run.result("declined", d, f"max-prs-per-hour ({run.opts.max_prs_per_hour}) reached")
    return None
