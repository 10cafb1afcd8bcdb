"""The heal flow: from an issue number to a pushed branch and a draft PR (``heal_issue``).

The decisions it strings together are in ``autoheal.heal``; the command line that maps flags,
config and the runner's event onto it is ``autoheal.commands.heal``. What real GitHub adds on
top: workflow files need ``workflow-token`` to be pushed (``gitops``; without one the issue
gets the patch), some repositories refuse drafts (a ready PR is opened and says so), a PR
opened with ``GITHUB_TOKEN`` runs no CI (``dispatch``), and Copilot starts only when assigned
(``agent``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from autoheal import agent, dispatch, gitops, metadata, risk, sanitize
from autoheal.errors import GitError, GitHubError
from autoheal.fixers import FixContext, unified_diff
from autoheal.ghtypes import Pull
from autoheal.github_api import Client
from autoheal.heal import (
    GAVE_UP,
    NEEDS_MANUAL,
    REFUSAL_MARKER,
    Found,
    HealOptions,
    HealResult,
    Sender,
    branch_name,
    check_trust,
    checked_proposal,
    choose_base,
    closed_attempts,
    confidence_problem,
    diagnose_issue,
    diff_stats,
    fix_success_problem,
    hour_ago,
    opened_since,
    ours,
    subject,
)
from autoheal.heal_output import HealSink
from autoheal.heal_output import emit as emit  # re-exported: the commands emit through healer
from autoheal.models import Diagnosis, FixProposal
from autoheal.registry import Offline, Resolver
from autoheal.render import render_template
from autoheal.rules import RuleSet

PR_TRUNCATION_NOTE = "_\u2026 truncated {n} characters; the Files changed tab has the whole change._"
NEEDS_WORKFLOW_TOKEN = "needs-workflow-token"
PATCH_LIMIT = 50_000  # characters of diff a comment carries (GitHub's body limit is 65,536)
_DRAFTS_UNSUPPORTED = "draft pull requests are not supported"
_RUN_URL = re.compile(r"https?://[^\s()<>\[\]]+")


@dataclass(frozen=True)
class Plan:
    number: int
    branch: str
    base: str
    default: str
    ci_workflow: str | None = None  # the failed workflow's file name when it accepts workflow_dispatch


def branch_links(server: str, repo: str, branch: str, base: str) -> tuple[str, str]:
    root = f"{server.rstrip('/')}/{repo}"
    return f"{root}/tree/{quote(branch)}", f"{root}/compare/{quote(base)}...{quote(branch)}?expand=1"


@dataclass
class Healer:
    client: Client
    sink: HealSink
    ruleset: RuleSet
    opts: HealOptions
    workspace: Path
    auth: gitops.Auth
    default_branch: str | None
    say: Callable[[str], None]
    agent_client: Client | None = None  # a user's token (agent-token): Copilot starts only for those
    resolver: Resolver = field(default_factory=Offline)
    notes: list[str] = field(default_factory=list)  # said in the job summary with the result

    def heal(self, number: int, sender: Sender | None) -> HealResult:
        refusal = check_trust(self.client, sender, self.opts.allowed_bots)
        if refusal is not None:
            return self._refuse(number, sender, refusal)
        issue = self.client.get_issue(number)
        if issue.is_pull_request or issue.state != "open":
            return HealResult("declined", f"#{number} is {'a pull request' if issue.is_pull_request else 'closed'}")
        found = diagnose_issue(self.client, issue.body, self.ruleset)
        problem = confidence_problem(found.diagnosis, self.opts)
        if problem:
            return self._decline(number, found.diagnosis, problem)
        pulls = ours(self.client.list_pulls(state="all"), self.client.repo)
        branch = branch_name(number, found.diagnosis)
        stop = self._circuit(number, found.diagnosis, pulls, branch)
        return stop or self._edit(number, found, branch, pulls)

    def _refuse(self, number: int, sender: Sender | None, reason: str) -> HealResult:
        if not any(REFUSAL_MARKER in body for body in self.client.list_comments(number)):
            body = render_template(
                "heal_refused.md.j2",
                templates_dir=self.opts.templates,
                login=sender.login if sender else "",
                label=self.opts.label,
            )
            self.sink.comment(number, body if REFUSAL_MARKER in body else f"{body.rstrip()}\n\n{REFUSAL_MARKER}\n")
        return HealResult("refused", reason)

    def _comment(self, number: int, template: str, **variables: Any) -> None:
        body = render_template(template, templates_dir=self.opts.templates, **variables)
        self.sink.comment(number, sanitize.truncate_body(body))

    def _decline(
        self, number: int, d: Diagnosis, reason: str, template: str = "heal_declined.md.j2", **extra: Any
    ) -> HealResult:
        self._comment(
            number, template, diagnosis=d, category=d.category, reason=reason, handoff=self._handoff(number, d), **extra
        )
        self.sink.add_labels(number, [NEEDS_MANUAL])
        return self._result("declined", d, reason)

    def _handoff(self, number: int, d: Diagnosis) -> agent.Handoff:
        base = self.opts.base or self.default_branch
        handoff = agent.hand_off(
            self.opts.agent_mention,
            self.agent_client,
            number,
            d,
            base,
            self.opts.templates,
            self.opts.dry_run,
            self.say,
        )
        if handoff.kind == "copilot-assigned":
            self.notes.append("assigned to Copilot coding agent")
        elif handoff.kind == "copilot-prompt":
            self.notes.append(f"Copilot not started: {handoff.problem}")
        return handoff

    def _circuit(self, number: int, d: Diagnosis, pulls: Sequence[Pull], branch: str) -> HealResult | None:
        attempts = closed_attempts(pulls, d.fingerprint)
        if attempts >= self.opts.max_attempts:
            self._comment(
                number,
                "heal_gave_up.md.j2",
                diagnosis=d,
                attempts=attempts,
                max_attempts=self.opts.max_attempts,
                handoff=self._handoff(number, d),
            )
            self.sink.add_labels(number, [GAVE_UP])
            return self._result(
                "declined", d, f"gave up: {attempts} autoheal PRs for this failure were closed unmerged"
            )
        learned = fix_success_problem(pulls, d, self.opts)
        if learned:
            return self._decline(number, d, learned)
        busy = opened_since(pulls, hour_ago()) >= self.opts.max_prs_per_hour
        if busy and _open_pull(pulls, branch) is None:
            self._comment(number, "heal_rate_limited.md.j2", limit=self.opts.max_prs_per_hour, label=self.opts.label)
            return self._result("declined", d, f"max-prs-per-hour ({self.opts.max_prs_per_hour}) reached")
        return None

    def _edit(self, number: int, found: Found, branch: str, pulls: Sequence[Pull]) -> HealResult:
        d = found.diagnosis
        default = self.default_branch or self.client.get_repo().default_branch
        base = choose_base(self.opts.base, found.run, self.client.repo, default)
        with gitops.worktree(gitops.Git(self.workspace.resolve(), self.auth), base) as tree:
            plan = Plan(number, branch, base, default, dispatch.dispatchable(tree.cwd, found.run.workflow_path))
            ctx = FixContext(d, tree.cwd, found.run.workflow_path, None, self.opts.fixer_options)
            outcome = checked_proposal(ctx, self.opts, self.resolver)
            if isinstance(outcome, str):
                return self._decline(number, d, outcome)
            gitops.apply_changes(tree.cwd, outcome.changes)
            self.say(unified_diff(outcome.changes).rstrip())
            failure = gitops.run_verify(self.opts.verify_command, tree.cwd, self.opts.verify_timeout, self.auth.secrets)
            if failure:
                return self._decline(
                    number,
                    d,
                    f"verify-command failed ({failure.describe()})",
                    "heal_verify_failed.md.j2",
                    command=failure.command,
                    outcome=failure.describe(),
                    tail=failure.tail,
                )
            paths = [c.path for c in outcome.changes]
            self.say(f"risk {risk.assess(outcome, d).describe()}")
            held = risk.gate(outcome, d, self.opts.protected_paths, self.opts.allow_high_risk)
            if held is not None:
                return self._held(plan, d, outcome, held)
            if gitops.touches_workflows(paths) and not self.auth.workflow_token:
                return self._needs_workflow_token(plan, d, outcome, None)
            try:
                pushed = self._push(tree, plan, outcome)
            except GitError as exc:
                refusal = gitops.workflow_refusal(str(exc))
                if refusal is None:
                    raise
                return self._needs_workflow_token(plan, d, outcome, refusal)
        return self._after_push(plan, d, outcome, pushed, pulls)

    def _patch_comment(
        self, plan: Plan, d: Diagnosis, proposal: FixProposal, template: str, label: str, **extra: Any
    ) -> None:
        """The fix goes on the issue as a ``git apply``-able patch (when it fits), labelled ``label``."""
        diff = unified_diff(proposal.changes)
        too_long = len(diff) > PATCH_LIMIT
        self._comment(
            plan.number, template, diagnosis=d, diff=diff, diff_too_long=too_long, base=plan.base, label=label, **extra
        )
        self.sink.add_labels(plan.number, [label])

    def _needs_workflow_token(self, plan: Plan, d: Diagnosis, proposal: FixProposal, refusal: str | None) -> HealResult:
        """The fix touches workflow files no token here may push: the issue gets the patch."""
        files = sorted({c.path for c in proposal.changes if gitops.touches_workflows([c.path])})
        self._patch_comment(
            plan,
            d,
            proposal,
            "heal_needs_workflow_token.md.j2",
            NEEDS_WORKFLOW_TOKEN,
            files=files,
            refusal=refusal or "",
        )
        why = f"GitHub refused the push: {refusal}" if refusal else "the fix edits workflow files"
        return self._result("declined", d, f"{why}; set workflow-token (the patch is on the issue)")

    def _held(self, plan: Plan, d: Diagnosis, proposal: FixProposal, held: risk.Gate) -> HealResult:
        """protected-paths or allow-high-risk keep the fix from becoming a PR: the issue gets the patch."""
        assessed = risk.assess(proposal, d)
        self.say(f"{'[dry-run] ' if self.opts.dry_run else ''}commenting the patch instead of a PR: {held.reason}")
        self._patch_comment(
            plan,
            d,
            proposal,
            "heal_patch_only.md.j2",
            NEEDS_MANUAL,
            kind=held.kind,
            files=list(held.paths),
            risk=assessed,
        )
        return self._result("declined", d, f"{held.reason} (the patch is on the issue)")

    def _push(self, tree: gitops.Git, plan: Plan, proposal: FixProposal) -> gitops.BranchResult:
        message = f"fix: {subject(proposal)} (autoheal, #{plan.number})\n\n{proposal.explanation}\n"
        if self.opts.dry_run:
            self.say(
                f"[dry-run] would commit {message.splitlines()[0]!r} and create or update {plan.branch} "
                f"from {plan.base}"
            )
            return gitops.BranchResult("dry-run")
        return gitops.create_or_update_branch(
            tree,
            plan.branch,
            plan.base,
            message,
            [c.path for c in proposal.changes],
            identity=self.opts.identity,
            protected=(plan.default,),
            push_auth=self.auth.for_paths([c.path for c in proposal.changes]),
        )

    def _after_push(
        self, plan: Plan, d: Diagnosis, proposal: FixProposal, pushed: gitops.BranchResult, pulls: Sequence[Pull]
    ) -> HealResult:
        self.say(f"branch {plan.branch}: {pushed.status}")
        if pushed.status == "foreign":
            url, _ = branch_links(self.auth.server_url, self.client.repo, plan.branch, plan.base)
            self._comment(
                plan.number,
                "heal_branch_foreign.md.j2",
                branch=plan.branch,
                branch_url=url,
                count=len(pushed.foreign_authors),
            )
            return self._result(
                "declined", d, f"{plan.branch} has commits by others; left untouched", branch=plan.branch
            )
        if pushed.status == "none":
            return self._result("declined", d, f"{plan.base} already has this change")
        return self._publish(plan, d, proposal, pulls, pushed.status in ("created", "updated"))

    def _publish(
        self, plan: Plan, d: Diagnosis, proposal: FixProposal, pulls: Sequence[Pull], moved: bool
    ) -> HealResult:
        title = f"fix: {sanitize.neutralize_mentions(subject(proposal))} (autoheal, #{plan.number})"
        body = self._pr_body(plan, d, proposal)
        existing = _open_pull(pulls, plan.branch)
        if existing is not None:
            run_url = self._dispatch(plan, existing) if moved else ""
            return self._update(
                existing, title, self._pr_body(plan, d, proposal, run_url) if run_url else body, d, plan
            )
        try:
            created = self._create(plan, d, proposal, title, body)
        except GitHubError as exc:
            return self._create_failed(exc, plan, d, title, body)
        if created is None:  # dry-run
            return self._result("opened", d, branch=plan.branch)
        run_url = self._dispatch(plan, created)
        if run_url:  # the link goes into the body the PR was opened with
            self.sink.update_pull(created.number, title, self._pr_body(plan, d, proposal, run_url, not created.draft))
        labels = [*self.opts.labels, risk.assess(proposal, d).label]
        self.sink.add_labels(created.number, [sanitize.safe_label(label) for label in labels])
        self.sink.request_reviewers(created.number, list(self.opts.reviewers))
        return self._result("opened", d, pull=created, branch=plan.branch)

    def _create(self, plan: Plan, d: Diagnosis, proposal: FixProposal, title: str, body: str) -> Pull | None:
        """A draft PR; where the repository does not support drafts, a ready one that says so."""
        try:
            return self.sink.create_pull(title, body, plan.branch, plan.base)
        except GitHubError as exc:
            if exc.status != 422 or _DRAFTS_UNSUPPORTED not in str(exc).lower():
                raise
        self.notes.append("opened ready for review: this repository does not support draft pull requests")
        ready = self._pr_body(plan, d, proposal, draft_unsupported=True)
        return self.sink.create_pull(title, ready, plan.branch, plan.base, draft=False)

    def _dispatch(self, plan: Plan, pull: Pull) -> str:
        """Start the failed workflow on the fix branch when GITHUB_TOKEN opened the PR (its events
        start no workflow) and the workflow accepts workflow_dispatch; the run's URL, or ""."""
        if pull.user != dispatch.ACTIONS_BOT or not plan.ci_workflow:
            return ""
        try:
            url = self.sink.dispatch(plan.ci_workflow, plan.branch)
        except GitHubError as exc:
            self.notes.append(f"could not start {plan.ci_workflow} on the fix branch ({exc})")
            return ""
        self.notes.append(f"started {plan.ci_workflow} on {plan.branch}: {url or 'see the Actions tab'}")
        if _RUN_URL.fullmatch(url):
            return url
        branch_runs = quote(f"branch:{plan.branch}")
        return f"{self.auth.server_url.rstrip('/')}/{self.client.repo}/actions/workflows/{quote(plan.ci_workflow)}?query={branch_runs}"

    def _update(self, pull: Pull, title: str, body: str, d: Diagnosis, plan: Plan) -> HealResult:
        self.sink.update_pull(pull.number, title, body)
        return self._result("updated", d, pull=pull, branch=plan.branch)

    def _create_failed(self, exc: GitHubError, plan: Plan, d: Diagnosis, title: str, body: str) -> HealResult:
        text = str(exc).lower()
        if exc.status == 422 and "already exists" in text:
            existing = self.client.find_pull(plan.branch, "open")
            if existing is not None:
                return self._update(existing, title, body, d, plan)
        if exc.status in (403, 422) and "not permitted to create" in text:
            tree_url, compare_url = branch_links(self.auth.server_url, self.client.repo, plan.branch, plan.base)
            self._comment(
                plan.number,
                "heal_pr_forbidden.md.j2",
                branch=plan.branch,
                base=plan.base,
                branch_url=tree_url,
                compare_url=compare_url,
            )
            return self._result("declined", d, "GitHub Actions may not create pull requests here", branch=plan.branch)
        raise exc

    def _pr_body(
        self, plan: Plan, d: Diagnosis, proposal: FixProposal, run_url: str = "", draft_unsupported: bool = False
    ) -> str:
        body = render_template(
            "pr_body.md.j2",
            templates_dir=self.opts.templates,
            diagnosis=d,
            category=d.category,
            proposal=proposal,
            stats=diff_stats(proposal),
            diff=unified_diff(proposal.changes),
            issue_number=plan.number,
            branch=plan.branch,
            base=plan.base,
            max_attempts=self.opts.max_attempts,
            ci_run_url=run_url,
            ci_workflow=plan.ci_workflow or "",
            draft_unsupported=draft_unsupported,
            risk=risk.assess(proposal, d),
        )
        full = metadata.replace(
            body, {"fingerprint": d.fingerprint, "category": d.category, "rule": d.rule}, limit=None
        )
        if sanitize.github_length(full) > sanitize.BODY_LIMIT:
            self.say("warning: the pull request body is cut to GitHub's 65,536 characters")
        return sanitize.truncate_body(full, note=PR_TRUNCATION_NOTE)

    def _result(
        self, result: str, d: Diagnosis, reason: str = "", *, pull: Pull | None = None, branch: str = ""
    ) -> HealResult:
        reason = "; ".join([r for r in (reason, *self.notes) if r]) or ("dry-run" if self.opts.dry_run else "")
        return HealResult(
            result,
            reason,
            pull.number if pull else None,
            pull.html_url if pull else "",
            branch,
            d.category,
            d.fingerprint,
        )


def _open_pull(pulls: Sequence[Pull], branch: str) -> Pull | None:
    return next((p for p in pulls if p.state == "open" and p.head == branch), None)


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
    say: Callable[[str], None] = print,
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
    healer = Healer(
        client, sink, ruleset, opts, workspace, auth, default_branch, say, agent_client, resolver or Offline()
    )
    return healer.heal(issue_number, sender)
