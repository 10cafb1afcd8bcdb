"""Heal mode: from an issue labelled ``auto-heal`` to a draft pull request with a minimal fix.

1. Trust: the labeller needs write, maintain or admin permission; a bot must be in
   ``allowed-bots``. Anyone else gets one polite comment and nothing else is written.
2. Diagnosis: the issue's evidence (the lines of its code fences, or the whole body of a
   human-written issue) is triaged again. The hidden metadata block only helps find the failed
   run through the API (its branch, workflow file and head repository), and only when its
   category agrees with the re-triage; paths, commands and captures in it are never used.
3. Guard rails: min-confidence, a fixer must apply, max-changed-files, a circuit breaker after
   max-attempts autoheal PRs for the fingerprint were closed unmerged, max-prs-per-hour.
   Declining explains what autoheal found, labels ``needs-manual-fix`` and, when
   ``agent-mention`` is configured, hands the failure over to that agent.
4. The fix is made in a temporary worktree at ``origin/<base>`` and verified there; then
   ``autoheal/issue-<N>-<slug>`` is created or updated (``gitops``) and a draft PR opened or updated.

This module holds the decisions, each testable alone (the re-triage of step 2 is
``healevidence``); ``healer`` strings them together (``healer.heal_issue``) and
``commands.heal`` maps flags, config and the runner's event onto them.
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from autoheal import changes, gitops, metadata, outcomes, risk, sanitize, settings
from autoheal.config import Config
from autoheal.errors import UsageError
from autoheal.fixers import FixContext, propose, releases_wanted, unified_diff
from autoheal.ghtypes import Pull
from autoheal.github_api import Client
from autoheal.healevidence import RunInfo
from autoheal.models import Diagnosis
from autoheal.outcomes import BRANCH_PREFIX, FIX_FAILED, ours
from autoheal.proposals import FixProposal
from autoheal.registry import Resolver

WRITE_ROLES = frozenset({"admin", "maintain", "write"})
NEEDS_MANUAL = "needs-manual-fix"
GAVE_UP = "autoheal-gave-up"
REFUSAL_MARKER = "<!-- autoheal-heal: refused -->"
_AGENT = re.compile(r"@[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:/[A-Za-z0-9._-]{1,100})?")
_SLUG_CAPTURES = ("module", "package", "action", "command")


@dataclass(frozen=True)
class Sender:
    """Who triggered heal (the event's ``sender``)."""

    login: str
    type: str = "User"


@dataclass(frozen=True)
class HealOptions:
    label: str = "auto-heal"
    base: str | None = None
    min_confidence: float = 0.6
    max_changed_files: int = 3
    max_attempts: int = 3
    max_prs_per_hour: int = 5
    min_fix_success: float = 0.7
    fixer_options: Mapping[str, Any] = field(default_factory=dict)
    verify_command: str | None = None
    verify_timeout: float = 600
    agent_mention: str | None = None
    allowed_bots: tuple[str, ...] = ()
    reviewers: tuple[str, ...] = ()
    labels: tuple[str, ...] = ("autoheal",)
    identity: gitops.Identity = gitops.Identity()
    dry_run: bool = False
    templates: Path | None = None
    protected_paths: tuple[str, ...] = ()  # never edited: the patch goes on the issue instead
    allow_high_risk: bool = False  # False: a high-risk fix goes on the issue as a patch, not a PR

    def __post_init__(self) -> None:
        if self.agent_mention and not _AGENT.fullmatch(self.agent_mention):
            raise UsageError(f"agent-mention {self.agent_mention!r} must be one @user or @org/team")
        if not 0 <= self.min_confidence <= 1 or not 0 <= self.min_fix_success <= 1:
            raise UsageError("min-confidence and min-fix-success must be between 0 and 1")
        if min(self.max_changed_files, self.max_attempts, self.max_prs_per_hour) < 0:
            raise UsageError("max-changed-files, max-attempts and max-prs-per-hour must not be negative")


@dataclass(frozen=True)
class HealResult:
    """What heal did (the action's outputs): opened | updated | declined | refused."""

    result: str
    reason: str = ""
    pr_number: int | None = None
    pr_url: str = ""
    branch: str = ""
    category: str = ""
    fingerprint: str = ""


# -- the steps, each testable alone ------------------------------------------------------
def check_trust(client: Client, sender: Sender | None, allowed_bots: Sequence[str]) -> str | None:
    """Why ``sender`` may not trigger heal, or None. No sender: the workflow itself asked."""
    if sender is None:
        return None
    if sender.type == "Bot":
        allowed = {b.lower().removesuffix("[bot]") for b in allowed_bots}
        ok = sender.login.lower().removesuffix("[bot]") in allowed
        return None if ok else f"{sender.login} is a bot that is not in allowed-bots"
    role = client.permission(sender.login)
    return None if role in WRITE_ROLES else f"{sender.login} has {role} permission, not write"


def choose_base(configured: str | None, run: RunInfo, repo: str, default_branch: str) -> str:
    """The configured base, else the failed run's branch when in this repository, else the default."""
    if configured:
        return configured
    if run.head_branch and run.head_repo == repo and not run.head_branch.startswith(BRANCH_PREFIX):
        return run.head_branch
    return default_branch


def slug(text: str, limit: int = 40) -> str:
    """``[a-z0-9-]``, at most ``limit`` characters, cut at a hyphen when there is one."""
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(text) > limit:
        cut = text[:limit]
        text = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return text.strip("-") or "fix"


def branch_name(issue_number: int, diagnosis: Diagnosis) -> str:
    # The category and the captured name, not the summary: re-labelling must find the same branch.
    named = next((diagnosis.captures[k] for k in _SLUG_CAPTURES if diagnosis.captures.get(k)), "")
    return f"{BRANCH_PREFIX}issue-{int(issue_number)}-{slug(f'{diagnosis.category} {named}')}"


def closed_attempts(pulls: Iterable[Pull], fingerprint: str) -> int:
    """autoheal PRs for ``fingerprint`` (from their metadata block) closed without merging, or
    whose CI showed the same failure again (labelled ``autoheal-fix-failed`` by report mode)."""
    return sum(
        1
        for p in ours(pulls)
        if ((p.state == "closed" and not p.merged) or FIX_FAILED in p.labels)
        and (m := metadata.extract(p.body)) is not None
        and m.get("fingerprint") == fingerprint
    )


def fix_success_problem(pulls: Iterable[Pull], diagnosis: Diagnosis, opts: HealOptions) -> str | None:
    """Learn from outcomes: a rule whose recent fix PRs were mostly closed unmerged stops fixing."""
    return outcomes.rule_problem(ours(pulls), diagnosis.rule, opts.min_fix_success)


def opened_since(pulls: Iterable[Pull], since: datetime) -> int:
    return sum(
        1 for p in ours(pulls) if p.created_at and datetime.fromisoformat(p.created_at.replace("Z", "+00:00")) >= since
    )


def confidence_problem(diagnosis: Diagnosis, opts: HealOptions) -> str | None:
    if diagnosis.confidence >= opts.min_confidence:
        return None
    return f"triage confidence {diagnosis.confidence:.0%} is below min-confidence {opts.min_confidence:.0%}"


def checked_proposal(ctx: FixContext, opts: HealOptions, resolver: Resolver | None = None) -> FixProposal | str:
    """The fixers' proposal when it passes the guard rails, else why not."""
    problem = confidence_problem(ctx.diagnosis, opts)
    if problem:
        return problem
    outcome = propose(resolve_versions(ctx, resolver) if resolver else ctx)
    if not isinstance(outcome, FixProposal):
        return f"no fixer applies to this {ctx.diagnosis.category} failure ({outcome.reason})"
    files = {c.path for c in outcome.changes}
    if len(files) > opts.max_changed_files:
        return f"the fix would change {len(files)} files, more than max-changed-files ({opts.max_changed_files})"
    return outcome


def resolve_versions(ctx: FixContext, resolver: Resolver) -> FixContext:
    """``ctx`` with the current releases of the packages a fixer may add (issue 12: looked up
    here, before the fixers, so they stay pure; offline, fixers write ``*`` and say so)."""
    found = {f"{eco}:{name}": v for eco, name in releases_wanted(ctx) if (v := resolver.latest(eco, name))}
    return replace(ctx, releases=found, online=resolver.online)


def subject(proposal: FixProposal) -> str:
    summary = "; ".join(dict.fromkeys(c.summary for c in proposal.changes)) or proposal.title
    return sanitize.truncate_title(summary, 100)


def diff_stats(proposal: FixProposal) -> list[tuple[str, int, int]]:
    """(path, lines added, lines removed) per change."""
    stats = []
    for change in proposal.changes:
        lines = unified_diff([change]).splitlines()[2:]
        stats.append((change.path, sum(ln.startswith("+") for ln in lines), sum(ln.startswith("-") for ln in lines)))
    return stats


def hour_ago() -> datetime:
    return datetime.now(timezone.utc) - timedelta(hours=1)


_COPY_IGNORE = shutil.ignore_patterns(".git", "node_modules", ".venv", ".tox", "__pycache__")


def preview(
    diagnosis: Diagnosis, workspace: Path, opts: HealOptions, workflow_path: str | None = None, job: str | None = None
) -> tuple[str, str]:
    """Offline: (the diff, its risk and why) of the fix applied to a temp copy of ``workspace``,
    or ("", why there is none)."""
    with tempfile.TemporaryDirectory(prefix="autoheal-") as tmp:
        root = Path(tmp) / "workspace"
        shutil.copytree(workspace, root, symlinks=True, ignore=_COPY_IGNORE)
        outcome = checked_proposal(FixContext(diagnosis, root, workflow_path, job, opts.fixer_options), opts)
        if isinstance(outcome, str):
            return "", outcome
        changes.apply_changes(root, outcome.changes)
        failure = changes.run_verify(opts.verify_command, root, opts.verify_timeout)
        if failure:
            return "", f"verify-command failed ({failure.describe()}); its output ends with: {failure.tail[-300:]!r}"
        why = f"risk {risk.assess(outcome, diagnosis).describe()}"
        held = risk.gate(outcome, diagnosis, opts.protected_paths, opts.allow_high_risk)
        if held:
            why += f"; would comment this patch on the issue instead of opening a PR: {held.reason}"
        return unified_diff(outcome.changes), why


def options_from(args: argparse.Namespace, cfg: Config) -> HealOptions:
    v = settings.resolve(args, "heal", cfg.heal)
    templates = getattr(args, "templates", None) or cfg.templates
    return HealOptions(
        label=str(v["label"]),
        base=v["base"] or None,
        min_confidence=float(v["min-confidence"]),
        max_changed_files=int(v["max-changed-files"]),
        max_attempts=int(v["max-attempts"]),
        max_prs_per_hour=int(v["max-prs-per-hour"]),
        min_fix_success=float(v["min-fix-success"]),
        fixer_options={k.replace("-", "_"): v[k] for k in ("timeout-factor", "timeout-cap") if v[k] is not None},
        verify_command=v["verify-command"] or None,
        agent_mention=v["agent-mention"] or None,
        allowed_bots=tuple(v["allowed-bots"]),
        reviewers=tuple(v["reviewers"]),
        protected_paths=tuple(v["protected-paths"]),
        allow_high_risk=bool(v["allow-high-risk"]),
        labels=sanitize.safe_labels(v["labels"]),
        identity=gitops.Identity(str(v["committer-name"]), str(v["committer-email"])),
        dry_run=bool(args.dry_run),
        templates=Path(templates) if templates else None,
    )
