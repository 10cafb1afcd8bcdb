"""Declining and hand-off: when heal opens no pull request, the issue says why.

A refusal (an untrusted sender) is said once; a decline explains what autoheal found, labels
``needs-manual-fix`` and hands the failure to ``agent-mention`` (``agent``); a fix that may not
become a PR (protected paths, high risk, workflow files without ``workflow-token``) goes on the
issue as a ``git apply``-able patch.
"""

from __future__ import annotations

from typing import Any

from autoheal import agent, gitops, risk
from autoheal.fixers import unified_diff
from autoheal.heal import GAVE_UP, NEEDS_MANUAL, REFUSAL_MARKER, HealResult, Sender
from autoheal.healstate import HealRun, Plan
from autoheal.models import Diagnosis
from autoheal.proposals import FixProposal
from autoheal.templating import render_template

NEEDS_WORKFLOW_TOKEN = "needs-workflow-token"
PATCH_LIMIT = 50_000  # characters of diff a comment carries (GitHub's body limit is 65,536)


def refuse(run: HealRun, number: int, sender: Sender | None, reason: str) -> HealResult:
    """One polite comment per issue (its marker says it was made), and nothing else is written."""
    if not any(REFUSAL_MARKER in body for body in run.client.list_comments(number)):
        body = render_template(
            "heal_refused.md.j2",
            templates_dir=run.opts.templates,
            login=sender.login if sender else "",
            label=run.opts.label,
        )
        run.sink.comment(number, body if REFUSAL_MARKER in body else f"{body.rstrip()}\n\n{REFUSAL_MARKER}\n")
    return HealResult("refused", reason)


def decline(
    run: HealRun, number: int, d: Diagnosis, reason: str, template: str = "heal_declined.md.j2", **extra: Any
) -> HealResult:
    run.comment(
        number, template, diagnosis=d, category=d.category, reason=reason, handoff=hand_off(run, number, d), **extra
    )
    run.sink.add_labels(number, [NEEDS_MANUAL])
    return run.result("declined", d, reason)


def give_up(run: HealRun, number: int, d: Diagnosis, attempts: int) -> HealResult:
    """The circuit breaker tripped: say so once on the issue and label it ``autoheal-gave-up``."""
    run.comment(
        number,
        "heal_gave_up.md.j2",
        diagnosis=d,
        attempts=attempts,
        max_attempts=run.opts.max_attempts,
        handoff=hand_off(run, number, d),
    )
    run.sink.add_labels(number, [GAVE_UP])
    return run.result("declined", d, f"gave up: {attempts} autoheal PRs for this failure were closed unmerged")


def hand_off(run: HealRun, number: int, d: Diagnosis) -> agent.Handoff:
    base = run.opts.base or run.default_branch
    handoff = agent.hand_off(
        run.opts.agent_mention,
        run.agent_client,
        number,
        d,
        base,
        run.opts.templates,
        run.opts.dry_run,
        run.say,
    )
    if handoff.kind == "copilot-assigned":
        run.notes.append("assigned to Copilot coding agent")
    elif handoff.kind == "copilot-prompt":
        run.notes.append(f"Copilot not started: {handoff.problem}")
    return handoff


def patch_comment(
    run: HealRun, plan: Plan, d: Diagnosis, proposal: FixProposal, template: str, label: str, **extra: Any
) -> None:
    """The fix goes on the issue as a ``git apply``-able patch (when it fits), labelled ``label``."""
    diff = unified_diff(proposal.changes)
    too_long = len(diff) > PATCH_LIMIT
    run.comment(
        plan.number, template, diagnosis=d, diff=diff, diff_too_long=too_long, base=plan.base, label=label, **extra
    )
    run.sink.add_labels(plan.number, [label])


def needs_workflow_token(
    run: HealRun, plan: Plan, d: Diagnosis, proposal: FixProposal, refusal: str | None
) -> HealResult:
    """The fix touches workflow files no token here may push: the issue gets the patch."""
    files = sorted({c.path for c in proposal.changes if gitops.touches_workflows([c.path])})
    patch_comment(
        run,
        plan,
        d,
        proposal,
        "heal_needs_workflow_token.md.j2",
        NEEDS_WORKFLOW_TOKEN,
        files=files,
        refusal=refusal or "",
    )
    why = f"GitHub refused the push: {refusal}" if refusal else "the fix edits workflow files"
    return run.result("declined", d, f"{why}; set workflow-token (the patch is on the issue)")


def held(run: HealRun, plan: Plan, d: Diagnosis, proposal: FixProposal, gate: risk.Gate) -> HealResult:
    """protected-paths or allow-high-risk keep the fix from becoming a PR: the issue gets the patch."""
    assessed = risk.assess(proposal, d)
    run.say(f"{'[dry-run] ' if run.opts.dry_run else ''}commenting the patch instead of a PR: {gate.reason}")
    patch_comment(
        run,
        plan,
        d,
        proposal,
        "heal_patch_only.md.j2",
        NEEDS_MANUAL,
        kind=gate.kind,
        files=list(gate.paths),
        risk=assessed,
    )
    return run.result("declined", d, f"{gate.reason} (the patch is on the issue)")
