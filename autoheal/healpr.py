"""Branch and pull-request mechanics: commit the verified fix to ``autoheal/issue-<N>-<slug>``
(``gitops.create_or_update_branch``), then open or update its draft PR.

What real GitHub adds: some repositories refuse drafts (a ready PR is opened and says so), a
create can meet "A pull request already exists" (that one is updated) or "not permitted to
create" (the issue gets the compare link), and a PR opened with ``GITHUB_TOKEN`` starts no
workflow, so the failed one is dispatched on the branch (``dispatch``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from autoheal import dispatch, gitops, metadata, risk, sanitize
from autoheal.errors import GitHubError
from autoheal.fixers import unified_diff
from autoheal.ghtypes import Pull
from autoheal.heal import HealResult, diff_stats, subject
from autoheal.healstate import HealRun, Plan, branch_links, open_pull
from autoheal.models import Diagnosis
from autoheal.proposals import FixProposal
from autoheal.templating import render_template

PR_TRUNCATION_NOTE = "_\u2026 truncated {n} characters; the Files changed tab has the whole change._"
_DRAFTS_UNSUPPORTED = "draft pull requests are not supported"
_RUN_URL = re.compile(r"https?://[^\s()<>\[\]]+")


def push(run: HealRun, tree: gitops.Git, plan: Plan, proposal: FixProposal) -> gitops.BranchResult:
    message = f"fix: {subject(proposal)} (autoheal, #{plan.number})\n\n{proposal.explanation}\n"
    if run.opts.dry_run:
        run.say(
            f"[dry-run] would commit {message.splitlines()[0]!r} and create or update {plan.branch} from {plan.base}"
        )
        return gitops.BranchResult("dry-run")
    return gitops.create_or_update_branch(
        tree,
        plan.branch,
        plan.base,
        message,
        [c.path for c in proposal.changes],
        identity=run.opts.identity,
        protected=(plan.default,),
        push_auth=run.auth.for_paths([c.path for c in proposal.changes]),
    )


def after_push(
    run: HealRun, plan: Plan, d: Diagnosis, proposal: FixProposal, pushed: gitops.BranchResult, pulls: Sequence[Pull]
) -> HealResult:
    run.say(f"branch {plan.branch}: {pushed.status}")
    if pushed.status == "foreign":
        url, _ = branch_links(run.auth.server_url, run.client.repo, plan.branch, plan.base)
        run.comment(
            plan.number,
            "heal_branch_foreign.md.j2",
            branch=plan.branch,
            branch_url=url,
            count=len(pushed.foreign_authors),
        )
        return run.result("declined", d, f"{plan.branch} has commits by others; left untouched", branch=plan.branch)
    if pushed.status == "none":
        return run.result("declined", d, f"{plan.base} already has this change")
    return publish(run, plan, d, proposal, pulls, pushed.status in ("created", "updated"))


def publish(
    run: HealRun, plan: Plan, d: Diagnosis, proposal: FixProposal, pulls: Sequence[Pull], moved: bool
) -> HealResult:
    title = f"fix: {sanitize.neutralize_mentions(subject(proposal))} (autoheal, #{plan.number})"
    body = pr_body(run, plan, d, proposal)
    existing = open_pull(pulls, plan.branch)
    if existing is not None:
        run_url = dispatch_ci(run, plan, existing) if moved else ""
        return update(run, existing, title, pr_body(run, plan, d, proposal, run_url) if run_url else body, d, plan)
    try:
        created = create(run, plan, d, proposal, title, body)
    except GitHubError as exc:
        return create_failed(run, exc, plan, d, title, body)
    if created is None:  # dry-run
        return run.result("opened", d, branch=plan.branch)
    run_url = dispatch_ci(run, plan, created)
    if run_url:  # the link goes into the body the PR was opened with
        run.sink.update_pull(created.number, title, pr_body(run, plan, d, proposal, run_url, not created.draft))
    labels = [*run.opts.labels, risk.assess(proposal, d).label]
    run.sink.add_labels(created.number, list(sanitize.safe_labels(labels)))
    run.sink.request_reviewers(created.number, list(run.opts.reviewers))
    return run.result("opened", d, pull=created, branch=plan.branch)


def create(run: HealRun, plan: Plan, d: Diagnosis, proposal: FixProposal, title: str, body: str) -> Pull | None:
    """A draft PR; where the repository does not support drafts, a ready one that says so."""
    try:
        return run.sink.create_pull(title, body, plan.branch, plan.base)
    except GitHubError as exc:
        if exc.status != 422 or _DRAFTS_UNSUPPORTED not in str(exc).lower():
            raise
    run.notes.append("opened ready for review: this repository does not support draft pull requests")
    ready = pr_body(run, plan, d, proposal, draft_unsupported=True)
    return run.sink.create_pull(title, ready, plan.branch, plan.base, draft=False)


def dispatch_ci(run: HealRun, plan: Plan, pull: Pull) -> str:
    """Start the failed workflow on the fix branch when GITHUB_TOKEN opened the PR (its events
    start no workflow) and the workflow accepts workflow_dispatch; the run's URL, or ""."""
    if pull.user != dispatch.ACTIONS_BOT or not plan.ci_workflow:
        return ""
    try:
        url = run.sink.dispatch(plan.ci_workflow, plan.branch)
    except GitHubError as exc:
        run.notes.append(f"could not start {plan.ci_workflow} on the fix branch ({exc})")
        return ""
    run.notes.append(f"started {plan.ci_workflow} on {plan.branch}: {url or 'see the Actions tab'}")
    if _RUN_URL.fullmatch(url):
        return url
    branch_runs = quote(f"branch:{plan.branch}")
    return f"{run.auth.server_url.rstrip('/')}/{run.client.repo}/actions/workflows/{quote(plan.ci_workflow)}?query={branch_runs}"


def update(run: HealRun, pull: Pull, title: str, body: str, d: Diagnosis, plan: Plan) -> HealResult:
    run.sink.update_pull(pull.number, title, body)
    return run.result("updated", d, pull=pull, branch=plan.branch)


def create_failed(run: HealRun, exc: GitHubError, plan: Plan, d: Diagnosis, title: str, body: str) -> HealResult:
    """A create GitHub refused: update the PR that already exists, or leave the compare link."""
    text = str(exc).lower()
    if exc.status == 422 and "already exists" in text:
        existing = run.client.find_pull(plan.branch, "open")
        if existing is not None:
            return update(run, existing, title, body, d, plan)
    if exc.status in (403, 422) and "not permitted to create" in text:
        tree_url, compare_url = branch_links(run.auth.server_url, run.client.repo, plan.branch, plan.base)
        run.comment(
            plan.number,
            "heal_pr_forbidden.md.j2",
            branch=plan.branch,
            base=plan.base,
            branch_url=tree_url,
            compare_url=compare_url,
        )
        return run.result("declined", d, "GitHub Actions may not create pull requests here", branch=plan.branch)
    raise exc


def pr_body(
    run: HealRun, plan: Plan, d: Diagnosis, proposal: FixProposal, run_url: str = "", draft_unsupported: bool = False
) -> str:
    body = render_template(
        "pr_body.md.j2",
        templates_dir=run.opts.templates,
        diagnosis=d,
        category=d.category,
        proposal=proposal,
        stats=diff_stats(proposal),
        diff=unified_diff(proposal.changes),
        issue_number=plan.number,
        branch=plan.branch,
        base=plan.base,
        max_attempts=run.opts.max_attempts,
        ci_run_url=run_url,
        ci_workflow=plan.ci_workflow or "",
        draft_unsupported=draft_unsupported,
        risk=risk.assess(proposal, d),
    )
    full = metadata.replace(body, {"fingerprint": d.fingerprint, "category": d.category, "rule": d.rule}, limit=None)
    if sanitize.github_length(full) > sanitize.BODY_LIMIT:
        run.say("warning: the pull request body is cut to GitHub's 65,536 characters")
    return sanitize.truncate_body(full, note=PR_TRUNCATION_NOTE)
