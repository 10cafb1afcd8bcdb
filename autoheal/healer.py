"""The heal flow: from an issue number to a pushed branch and a draft PR (``heal_issue``).

The decisions it strings together are in ``autoheal.heal``; the command line that maps flags,
config and the runner's event onto it is ``autoheal.commands.heal``. The steps: preflight
(``healchecks``), the fix made and verified in a worktree at ``origin/<base>`` (here), the
branch and PR (``healpr``), and, wherever it stops, the issue saying why (``healdecline``).
What real GitHub adds on top: workflow files need ``workflow-token`` to be pushed (``gitops``;
without one the issue gets the patch), and Copilot starts only when assigned (``agent``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from autoheal import changes, dispatch, gitops, healdecline, healpr, risk, settings
from autoheal.errors import GitError
from autoheal.fixers import FixContext, unified_diff
from autoheal.github_api import Client
from autoheal.heal import HealOptions, HealResult, Sender, checked_proposal, choose_base
from autoheal.heal_output import HealSink
from autoheal.heal_output import emit as emit  # re-exported: the commands emit through healer
from autoheal.healchecks import Cleared, preflight
from autoheal.healstate import HealRun, Plan
from autoheal.models import Diagnosis
from autoheal.proposals import FixProposal
from autoheal.registry import Offline, Resolver
from autoheal.rules import RuleSet

WORKFLOW_TOKEN_ENV = settings.by_name("workflow-token").env or ""
AGENT_TOKEN_ENV = settings.by_name("agent-token").env or ""


def credentials(
    client: Client,
    environ: Mapping[str, str],
    workflow_env: str = WORKFLOW_TOKEN_ENV,
    agent_env: str = AGENT_TOKEN_ENV,
) -> tuple[gitops.Auth, Client | None]:
    """What heal pushes with (the client's token; workflow files need ``workflow_env``'s) and the
    client Copilot is assigned with (only a user's token in ``agent_env`` may: ``agent``).

    Tokens come from the environment only, never argv (process listings, error messages)."""
    auth = gitops.Auth(
        client.token,
        environ.get("GITHUB_SERVER_URL") or gitops.DEFAULT_SERVER,
        workflow_token=environ.get(workflow_env, ""),
    )
    agent_token = environ.get(agent_env, "")
    return auth, Client(client.repo, agent_token, client.api_url) if agent_token else None


def heal_issue(
    client: Client,
    issue_number: int,
    ruleset: RuleSet,
    opts: HealOptions = HealOptions(),
    *,
    workspace: Path = Path("."),
    auth: gitops.Auth = gitops.Auth(),
    default_branch: str | None = None,
    sender: Sender | None = None,
    say: Callable[[str], None],
    agent_client: Client | None = None,
    resolver: Resolver | None = None,
) -> HealResult:
    """Heal one issue; ``workspace`` is a git checkout whose ``origin`` is the repository.

    ``resolver`` looks up the current release of a package a fixer adds (default: offline,
    the fixer writes ``*`` and says so). ``sender`` is whoever triggered heal, and is checked for write permission. None skips
    the check: it means the workflow itself asked (report mode's inline ``report.heal: true``,
    or a direct CLI call without an event), and whoever wrote that workflow or holds its
    token can write to the repository anyway.
    """
    sink = HealSink(client, opts.dry_run, say)
    run = HealRun(
        client, sink, ruleset, opts, workspace, auth, default_branch, say, agent_client, resolver or Offline()
    )
    cleared = preflight(run, issue_number, sender)
    return cleared if isinstance(cleared, HealResult) else _edit(run, issue_number, cleared)


def _edit(run: HealRun, number: int, cleared: Cleared) -> HealResult:
    """Make, verify and gate the fix in a worktree at ``origin/<base>``, then push it."""
    found, d = cleared.found, cleared.found.diagnosis
    default = run.default_branch or run.client.get_repo().default_branch
    base = choose_base(run.opts.base, found.run, run.client.repo, default)
    with gitops.worktree(gitops.Git(run.workspace.resolve(), run.auth), base) as tree:
        plan = Plan(number, cleared.branch, base, default, dispatch.dispatchable(tree.cwd, found.run.workflow_path))
        ctx = FixContext(d, tree.cwd, found.run.workflow_path, None, run.opts.fixer_options)
        outcome = checked_proposal(ctx, run.opts, run.resolver)
        if isinstance(outcome, str):
            return healdecline.decline(run, number, d, outcome)
        changes.apply_changes(tree.cwd, outcome.changes)
        run.say(unified_diff(outcome.changes).rstrip())
        stop = _verify_and_gate(run, tree, plan, d, outcome)
        if stop is not None:
            return stop
        try:
            pushed = healpr.push(run, tree, plan, outcome)
        except GitError as exc:
            refusal = gitops.workflow_refusal(str(exc))
            if refusal is None:
                raise
            return healdecline.needs_workflow_token(run, plan, d, outcome, refusal)
    return healpr.after_push(run, plan, d, outcome, pushed, cleared.pulls)


def _verify_and_gate(
    run: HealRun, tree: gitops.Git, plan: Plan, d: Diagnosis, proposal: FixProposal
) -> HealResult | None:
    """verify-command, the risk gate and the workflow-token check; None lets the push go on."""
    failure = changes.run_verify(run.opts.verify_command, tree.cwd, run.opts.verify_timeout, run.auth.secrets)
    if failure:
        return healdecline.decline(
            run,
            plan.number,
            d,
            f"verify-command failed ({failure.describe()})",
            "heal_verify_failed.md.j2",
            command=failure.command,
            outcome=failure.describe(),
            tail=failure.tail,
        )
    run.say(f"risk {risk.assess(proposal, d).describe()}")
    gate = risk.gate(proposal, d, run.opts.protected_paths, run.opts.allow_high_risk)
    if gate is not None:
        return healdecline.held(run, plan, d, proposal, gate)
    if gitops.touches_workflows([c.path for c in proposal.changes]) and not run.auth.workflow_token:
        return healdecline.needs_workflow_token(run, plan, d, proposal, None)
    return None
