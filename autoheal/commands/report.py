"""``autoheal report``: settings from flags, config and the runner; outputs back to it."""

from __future__ import annotations

import argparse
import functools
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from autoheal import actions, repoconfig, settings
from autoheal import config as config_mod
from autoheal.errors import UsageError
from autoheal.flags import add_github_args, make_client
from autoheal.ghtypes import Issue
from autoheal.github_api import Client
from autoheal.issues import Outcome, ReportOptions
from autoheal.issuesink import IssueSink
from autoheal.outcomes import is_fix_branch
from autoheal.recovery import green, matching
from autoheal.report import LoopOptions, Skip, report
from autoheal.rerun import RerunOptions
from autoheal.sanitize import inline_text, safe_labels

NAME = "report"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        NAME,
        help="open or update one issue per distinct failure of a workflow run",
        description="Triage a failed workflow run and file it as a deduplicated issue. "
        "The token is read from $GITHUB_TOKEN, never from the command line.",
    )
    add_github_args(p)
    # Every setting's flag comes from the table; heal's are here for report.heal (inline heal).
    settings.add_flags(p, NAME)
    p.set_defaults(handler=run)


def options_from(args: argparse.Namespace, cfg: config_mod.Config, v: Mapping[str, Any]) -> ReportOptions:
    """``v``: the report settings, resolved once (``settings.resolve``) for every use in a run."""
    templates = args.templates or cfg.templates
    opts = ReportOptions(
        labels=safe_labels(v["labels"]),
        conclusions=tuple(v["conclusions"]),
        exclude_workflows=tuple(v["exclude-workflows"]),
        branches=tuple(v["branches"]),
        max_issues_per_hour=int(v["max-issues-per-hour"]),
        reopen_days=int(v["reopen-days"]),
        auto_heal_label=bool(v["auto-heal-label"]),
        dry_run=bool(args.dry_run),
        templates=Path(templates) if templates else None,
    )
    if not opts.labels:
        raise UsageError("labels must name at least one label (the first one marks autoheal's issues)")
    if opts.max_issues_per_hour < 0 or opts.reopen_days < 0:
        raise UsageError("max-issues-per-hour and reopen-days must not be negative")
    return opts


def loop_options(v: Mapping[str, Any]) -> LoopOptions:
    numbers = [v["rerun-min-confidence"], v["max-reruns"], v["max-reruns-per-hour"], v["close-after-green"]]
    if min(numbers) < 0 or v["rerun-min-confidence"] > 1:
        raise UsageError("rerun-min-confidence must be 0-1; max-reruns, max-reruns-per-hour, close-after-green >= 0")
    return LoopOptions(
        RerunOptions(
            bool(v["rerun"]),
            float(v["rerun-min-confidence"]),
            int(v["max-reruns"]),
            int(v["max-reruns-per-hour"]),
            bool(v["rerun-before-report"]),
        ),
        bool(v["ready-when-green"]),
        int(v["close-after-green"]),
    )


def _summary(outcomes: Sequence[Outcome], config_line: str) -> str:
    rows = [
        "### autoheal report",
        "",
        config_line,
        "",
        "| result | category | issue | fingerprint |",
        "|---|---|---|---|",
    ]
    for o in outcomes:
        issue = f"[#{o.issue_number}]({o.issue_url})" if o.issue_number else "-"
        rows.append(f"| {o.result} | `{o.category}` | {issue} | `{o.fingerprint}` |")
    notes = [f"- {o.reason}" for o in outcomes if o.reason]
    return "\n".join(rows + ([""] + notes if notes else []))


def _emit(outcomes: Sequence[Outcome], config_line: str) -> None:
    first = outcomes[0]
    actions.set_outputs(
        {
            "result": first.result,
            "issue-number": first.issue_number or "",
            "issue-url": first.issue_url,
            "category": first.category,
            "fingerprint": first.fingerprint,
            "issues": ",".join(str(o.issue_number) for o in outcomes if o.issue_number),
            "rerun": "true"
            if any(o.result == "rerun" or "re-ran the failed jobs" in o.reason for o in outcomes)
            else "",
        }
    )
    actions.add_summary(_summary(outcomes, config_line))
    for o in outcomes:
        where = f" #{o.issue_number}" if o.issue_number else ""
        actions.notice(f"{o.result}{where}: {o.category} ({o.fingerprint}){' - ' + o.reason if o.reason else ''}")


_HEALABLE = ("created", "commented", "reopened")


def heal_inline(
    args: argparse.Namespace,
    cfg: config_mod.Config,
    client: Client,
    outcomes: Sequence[Outcome],
    default_branch: Callable[[], str],
) -> None:
    """``report.heal: true``: heal right away in this job.

    Issues and labels made with GITHUB_TOKEN start no workflow, so this is the
    chain that works with the default token. The workflow itself asked, so no
    labeller is checked; runs from forks are never healed.
    """
    from autoheal.heal import options_from as heal_options
    from autoheal.healer import credentials, emit, heal_issue
    from autoheal.registry import HttpResolver

    # Checked on the run that was reported, which --run-id fetches: the event may not hold it.
    if any(outcome.fork for outcome in outcomes):
        actions.notice("heal skipped: the run came from a fork")
        return
    # The heal flags (and inputs) are report's too: they beat the config's heal section here as well.
    opts = heal_options(args, cfg)
    workspace = Path(os.environ.get("GITHUB_WORKSPACE") or ".")
    # The same tokens as heal mode, from the same environment variables (the settings table's
    # rows): workflow fixes need workflow-token to be pushed, Copilot starts only for agent-token.
    auth, agent_client = credentials(client, os.environ)
    for outcome in outcomes:
        if outcome.issue_number and outcome.result in _HEALABLE:
            healed = heal_issue(
                client,
                outcome.issue_number,
                cfg.ruleset,
                opts,
                workspace=workspace,
                auth=auth,
                default_branch=default_branch(),  # once per run (cached), not per healed issue
                say=print,
                agent_client=agent_client,
                resolver=HttpResolver(),  # as heal mode: a new dependency gets ^current (issue 12)
            )
            emit(healed, outcome.issue_number, result_key="heal-result")


def _skipped(reason: str, config_line: str) -> int:
    actions.set_outputs({"result": "skipped", "issue-number": "", "issue-url": "", "category": "", "fingerprint": ""})
    actions.notice(f"skipped: {reason}")
    actions.add_summary(f"### autoheal report\n\n{config_line}\n\nSkipped: {inline_text(reason)}")
    return 0


def _green_precheck(args: argparse.Namespace, event: actions.Event, client: Client) -> list[Issue] | str | None:
    """A green run of a workflow (not a fix branch): the open issues, or why to stop right here.

    Green runs are the common case: one API call (the open issues with the first label, from the
    flag or input, else the default: the config is not read for this) and no more when none
    matches. None: not such a run.
    """
    run = event.payload.get("workflow_run") if event.name == "workflow_run" and not args.run_id else None
    if not isinstance(run, dict) or run.get("conclusion") != "success" or run.get("status") not in (None, "completed"):
        return None
    if is_fix_branch(run) or not run.get("id"):
        return None
    label = safe_labels(args.labels or settings.by_name("labels").default)[0]  # the name the issues carry
    issues = [i for i in client.list_issues(label, state="open") if not i.is_pull_request]
    if not matching(issues, green(run)):
        return f"run {run.get('id')} passed; no open autoheal issue is about {run.get('name')!r} on that branch"
    return issues


def run(args: argparse.Namespace) -> int:
    event = actions.load_event(args.event_path, args.event_name)
    client = make_client(args, event)
    pre = _green_precheck(args, event, client)
    if isinstance(pre, str):
        return _skipped(pre, f"API calls: {client.calls}")
    # No checkout in the report workflow: the config then comes through the API.
    # The event's, else one GET /repos at most, shared by the config lookup, the branch filter and every inline heal.
    default_branch = functools.cache(lambda: event.default_branch or client.get_repo().default_branch)
    loaded = repoconfig.load(client, args.config, default_branch)
    cfg = loaded.config
    resolved = settings.resolve(args, NAME, cfg.report)
    opts = options_from(args, cfg, resolved)
    sink = IssueSink(client, opts.dry_run, print)
    loop = loop_options(resolved)
    result = report(
        client, sink, event, cfg.ruleset, opts, args.run_id, loop, pre, bool(resolved["baseline"]), default_branch
    )
    if isinstance(result, Skip):
        return _skipped(result.reason, loaded.summary)
    _emit(result, f"{loaded.summary} API calls: {client.calls}.")
    if resolved["heal"]:
        heal_inline(args, cfg, client, result, default_branch)
    return 0
