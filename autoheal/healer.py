"""The heal flow: from an issue number to a pushed branch and a draft PR (``heal_issue``).

The decisions it strings together are in ``autoheal.heal``; the command line that maps flags,
config and the runner's event onto it is ``autoheal.commands.heal``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from autoheal import actions, gitops, metadata, sanitize
from autoheal.errors import GitHubError
from autoheal.fixers import FixContext, unified_diff
from autoheal.github_api import Client, Pull
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
    hour_ago,
    opened_since,
    ours,
    subject,
)
from autoheal.issues import IssueSink
from autoheal.models import Diagnosis, FixProposal
from autoheal.render import render_template
from autoheal.rules import RuleSet

PR_TRUNCATION_NOTE = "_\u2026 truncated {n} characters; the Files changed tab has the whole change._"


class HealSink(IssueSink):
    """Issue and pull-request writes; in dry-run each is printed instead."""

    def add_labels(self, number: int, labels: list[str]) -> None:
        if labels:
            self._write(f"add labels {labels} to #{number}", lambda: self.client.add_labels(number, labels))

    def create_pull(self, title: str, body: str, head: str, base: str) -> Pull | None:
        created: Pull | None = self._write(
            f"create draft PR {head} -> {base}: {title!r}\n{body}",
            lambda: self.client.create_pull(title, body, head, base, draft=True),
        )
        return created

    def update_pull(self, number: int, title: str, body: str) -> None:
        self._write(
            f"update PR #{number}: title {title!r}, body of {len(body)} characters",
            lambda: self.client.update_pull(number, title=title, body=body),
        )

    def request_reviewers(self, number: int, reviewers: list[str]) -> None:
        if reviewers:
            self._write(
                f"request reviewers {reviewers} on PR #{number}",
                lambda: self.client.request_reviewers(number, reviewers),
            )


@dataclass(frozen=True)
class Plan:
    number: int
    branch: str
    base: str
    default: str


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
            number,
            template,
            diagnosis=d,
            category=d.category,
            reason=reason,
            agent=self.opts.agent_mention or "",
            **extra,
        )
        self.sink.add_labels(number, [NEEDS_MANUAL])
        return self._result("declined", d, reason)

    def _circuit(self, number: int, d: Diagnosis, pulls: Sequence[Pull], branch: str) -> HealResult | None:
        attempts = closed_attempts(pulls, d.fingerprint)
        if attempts >= self.opts.max_attempts:
            self._comment(
                number,
                "heal_gave_up.md.j2",
                diagnosis=d,
                attempts=attempts,
                max_attempts=self.opts.max_attempts,
                agent=self.opts.agent_mention or "",
            )
            self.sink.add_labels(number, [GAVE_UP])
            return self._result(
                "declined", d, f"gave up: {attempts} autoheal PRs for this failure were closed unmerged"
            )
        busy = opened_since(pulls, hour_ago()) >= self.opts.max_prs_per_hour
        if busy and _open_pull(pulls, branch) is None:
            self._comment(number, "heal_rate_limited.md.j2", limit=self.opts.max_prs_per_hour, label=self.opts.label)
            return self._result("declined", d, f"max-prs-per-hour ({self.opts.max_prs_per_hour}) reached")
        return None

    def _edit(self, number: int, found: Found, branch: str, pulls: Sequence[Pull]) -> HealResult:
        d = found.diagnosis
        default = self.default_branch or self.client.get_repo().default_branch
        plan = Plan(number, branch, choose_base(self.opts.base, found.run, self.client.repo, default), default)
        with gitops.worktree(gitops.Git(self.workspace.resolve(), self.auth), plan.base) as tree:
            ctx = FixContext(d, tree.cwd, found.run.workflow_path, None, self.opts.fixer_options)
            outcome = checked_proposal(ctx, self.opts)
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
            pushed = self._push(tree, plan, outcome)
        return self._after_push(plan, d, outcome, pushed, pulls)

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
        return self._publish(plan, d, proposal, pulls)

    def _publish(self, plan: Plan, d: Diagnosis, proposal: FixProposal, pulls: Sequence[Pull]) -> HealResult:
        title = f"fix: {sanitize.neutralize_mentions(subject(proposal))} (autoheal, #{plan.number})"
        body = self._pr_body(plan, d, proposal)
        existing = _open_pull(pulls, plan.branch)
        if existing is not None:
            return self._update(existing, title, body, d, plan)
        try:
            created = self.sink.create_pull(title, body, plan.branch, plan.base)
        except GitHubError as exc:
            return self._create_failed(exc, plan, d, title, body)
        if created is None:  # dry-run
            return self._result("opened", d, branch=plan.branch)
        self.sink.add_labels(created.number, [sanitize.safe_label(label) for label in self.opts.labels])
        self.sink.request_reviewers(created.number, list(self.opts.reviewers))
        return self._result("opened", d, pull=created, branch=plan.branch)

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

    def _pr_body(self, plan: Plan, d: Diagnosis, proposal: FixProposal) -> str:
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
        reason = reason or ("dry-run" if self.opts.dry_run else "")
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
) -> HealResult:
    """Heal one issue; ``workspace`` is a git checkout whose ``origin`` is the repository.

    ``sender`` is whoever triggered heal, and is checked for write permission. None skips
    the check: it means the workflow itself asked (report mode's inline ``report.heal: true``,
    or a direct CLI call without an event), and whoever wrote that workflow or holds its
    token can write to the repository anyway.
    """
    sink = HealSink(client, opts.dry_run, say)
    return Healer(client, sink, ruleset, opts, workspace, auth, default_branch, say).heal(issue_number, sender)


def _summary(result: HealResult, number: int | None) -> str:
    issue = f"#{number}" if number else "-"
    pr = f"[#{result.pr_number}]({result.pr_url})" if result.pr_number else "-"
    rows = [
        "### autoheal heal",
        "",
        "| result | issue | pull request | branch | category |",
        "|---|---|---|---|---|",
        f"| {result.result} | {issue} | {pr} | `{result.branch or '-'}` | `{result.category or '-'}` |",
    ]
    return "\n".join(rows + (["", f"- {result.reason}"] if result.reason else []))


def emit(result: HealResult, number: int | None, result_key: str = "result") -> None:
    actions.set_outputs(
        {
            result_key: result.result,
            "pr-number": result.pr_number or "",
            "pr-url": result.pr_url,
            "branch": result.branch,
        }
    )
    actions.add_summary(_summary(result, number))
    where = f" #{number}" if number else ""
    actions.notice(f"heal{where}: {result.result}{' - ' + result.reason if result.reason else ''}")
