"""``autoheal report``: settings from flags, config and the runner; outputs back to it."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from autoheal import actions
from autoheal import config as config_mod
from autoheal.config import pick
from autoheal.errors import UsageError
from autoheal.flags import add_github_args, csv, make_client
from autoheal.github_api import Client
from autoheal.issues import DEFAULT_CONCLUSIONS, IssueSink, Outcome, ReportOptions
from autoheal.report import Skip, report

NAME = "report"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        NAME,
        help="open or update one issue per distinct failure of a workflow run",
        description="Triage a failed workflow run and file it as a deduplicated issue. "
        "The token is read from $GITHUB_TOKEN, never from the command line.",
    )
    add_github_args(p)
    p.add_argument(
        "--run-id", type=int, help="report this run (workflow_dispatch); default: the workflow_run event's run"
    )
    p.add_argument(
        "--labels", type=csv, help="comma-separated labels for new issues (first one finds ours; default autoheal)"
    )
    p.add_argument(
        "--conclusions", type=csv, help="run conclusions to report (default failure,timed_out,startup_failure)"
    )
    p.add_argument("--exclude-workflows", type=csv, help="comma-separated globs of workflow names or paths to ignore")
    p.add_argument("--branches", type=csv, help="comma-separated branch globs to report (default: the default branch)")
    p.add_argument("--max-issues-per-hour", type=int, help="cap on new issues per hour (default 10)")
    p.add_argument("--reopen-days", type=int, help="reopen a matching issue closed this recently (default 14)")
    p.add_argument("--auto-heal-label", action="store_true", default=None, help="also label new issues auto-heal")
    p.set_defaults(handler=run)


def options_from(args: argparse.Namespace, cfg: config_mod.Config) -> ReportOptions:
    sec = cfg.report
    templates = args.templates or cfg.templates
    opts = ReportOptions(
        labels=tuple(pick(args.labels, sec, "labels", ["autoheal"])),
        conclusions=tuple(pick(args.conclusions, sec, "conclusions", list(DEFAULT_CONCLUSIONS))),
        exclude_workflows=tuple(pick(args.exclude_workflows, sec, "exclude-workflows", [])),
        branches=tuple(pick(args.branches, sec, "branches", [])),
        max_issues_per_hour=int(pick(args.max_issues_per_hour, sec, "max-issues-per-hour", 10)),
        reopen_days=int(pick(args.reopen_days, sec, "reopen-days", 14)),
        auto_heal_label=bool(pick(args.auto_heal_label, sec, "auto-heal-label", False)),
        dry_run=bool(args.dry_run),
        templates=Path(templates) if templates else None,
    )
    if not opts.labels:
        raise UsageError("labels must name at least one label (the first one marks autoheal's issues)")
    if opts.max_issues_per_hour < 0 or opts.reopen_days < 0:
        raise UsageError("max-issues-per-hour and reopen-days must not be negative")
    return opts


def _summary(outcomes: Sequence[Outcome]) -> str:
    rows = ["### autoheal report", "", "| result | category | issue | fingerprint |", "|---|---|---|---|"]
    for o in outcomes:
        issue = f"[#{o.issue_number}]({o.issue_url})" if o.issue_number else "-"
        rows.append(f"| {o.result} | `{o.category}` | {issue} | `{o.fingerprint}` |")
    notes = [f"- {o.reason}" for o in outcomes if o.reason]
    return "\n".join(rows + ([""] + notes if notes else []))


def _emit(outcomes: Sequence[Outcome]) -> None:
    first = outcomes[0]
    actions.set_outputs(
        {
            "result": first.result,
            "issue-number": first.issue_number or "",
            "issue-url": first.issue_url,
            "category": first.category,
            "fingerprint": first.fingerprint,
            "issues": ",".join(str(o.issue_number) for o in outcomes if o.issue_number),
        }
    )
    actions.add_summary(_summary(outcomes))
    for o in outcomes:
        where = f" #{o.issue_number}" if o.issue_number else ""
        actions.notice(f"{o.result}{where}: {o.category} ({o.fingerprint}){' - ' + o.reason if o.reason else ''}")


_HEALABLE = ("created", "commented", "reopened")


def heal_inline(args: argparse.Namespace, cfg: config_mod.Config, client: Client, outcomes: Sequence[Outcome]) -> None:
    """``report.heal: true``: heal right away in this job.

    Issues and labels made with GITHUB_TOKEN start no workflow, so this is the
    chain that works with the default token. The workflow itself asked, so no
    labeller is checked; runs from forks are never healed.
    """
    from autoheal import gitops
    from autoheal.heal import options_from as heal_options
    from autoheal.healer import emit, heal_issue

    # Checked on the run that was reported, which --run-id fetches: the event may not hold it.
    if any(outcome.fork for outcome in outcomes):
        actions.notice("heal skipped: the run came from a fork")
        return
    flags = {
        k: None
        for k in (
            "base",
            "min_confidence",
            "max_changed_files",
            "max_attempts",
            "max_prs_per_hour",
            "verify_command",
            "agent_mention",
            "allowed_bots",
            "reviewers",
            "labels",
        )
    }
    opts = heal_options(argparse.Namespace(**flags, dry_run=args.dry_run, templates=args.templates), cfg)
    workspace = Path(os.environ.get("GITHUB_WORKSPACE") or ".")
    auth = gitops.Auth(client.token, os.environ.get("GITHUB_SERVER_URL") or gitops.DEFAULT_SERVER)
    for outcome in outcomes:
        if outcome.issue_number and outcome.result in _HEALABLE:
            healed = heal_issue(client, outcome.issue_number, cfg.ruleset, opts, workspace=workspace, auth=auth)
            emit(healed, outcome.issue_number, result_key="heal-result")


def run(args: argparse.Namespace) -> int:
    cfg = config_mod.load(args.config)
    opts = options_from(args, cfg)
    event = actions.load_event(args.event_path, args.event_name)
    client = make_client(args, event)
    result = report(client, IssueSink(client, opts.dry_run), event, cfg.ruleset, opts, args.run_id)
    if isinstance(result, Skip):
        actions.set_outputs(
            {"result": "skipped", "issue-number": "", "issue-url": "", "category": "", "fingerprint": ""}
        )
        actions.notice(f"skipped: {result.reason}")
        return 0
    _emit(result)
    if cfg.report.get("heal"):
        heal_inline(args, cfg, client, result)
    return 0
