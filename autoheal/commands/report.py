"""``autoheal report``: settings from flags, config and the runner; outputs back to it."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from autoheal import actions, repoconfig, settings
from autoheal import config as config_mod
from autoheal.errors import UsageError
from autoheal.flags import add_github_args, make_client
from autoheal.github_api import Client
from autoheal.issues import IssueSink, Outcome, ReportOptions
from autoheal.report import Skip, report
from autoheal.sanitize import inline_text

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


def options_from(args: argparse.Namespace, cfg: config_mod.Config) -> ReportOptions:
    v = settings.resolve(args, "report", cfg.report)
    templates = args.templates or cfg.templates
    opts = ReportOptions(
        labels=tuple(v["labels"]),
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
        }
    )
    actions.add_summary(_summary(outcomes, config_line))
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
    auth = gitops.Auth(
        client.token,
        os.environ.get("GITHUB_SERVER_URL") or gitops.DEFAULT_SERVER,
        workflow_token=_token_env("workflow-token"),
    )
    agent_token = _token_env("agent-token")
    agent_client = Client(client.repo, agent_token, client.api_url) if agent_token else None
    for outcome in outcomes:
        if outcome.issue_number and outcome.result in _HEALABLE:
            healed = heal_issue(
                client,
                outcome.issue_number,
                cfg.ruleset,
                opts,
                workspace=workspace,
                auth=auth,
                agent_client=agent_client,
                resolver=HttpResolver(),  # as heal mode: a new dependency gets ^current (issue 12)
            )
            emit(healed, outcome.issue_number, result_key="heal-result")


def _token_env(name: str) -> str:
    env = settings.by_name(name).env
    return os.environ.get(env, "") if env else ""


def _default_branch(event: actions.Event, client: Client) -> str:
    repo_info = event.payload.get("repository")
    named = repo_info.get("default_branch") if isinstance(repo_info, dict) else None
    return str(named) if named else client.get_repo().default_branch


def run(args: argparse.Namespace) -> int:
    event = actions.load_event(args.event_path, args.event_name)
    client = make_client(args, event)
    # No checkout in the report workflow: the config then comes through the API.
    loaded = repoconfig.load(client, args.config, lambda: _default_branch(event, client))
    cfg = loaded.config
    opts = options_from(args, cfg)
    result = report(client, IssueSink(client, opts.dry_run), event, cfg.ruleset, opts, args.run_id)
    if isinstance(result, Skip):
        actions.set_outputs(
            {"result": "skipped", "issue-number": "", "issue-url": "", "category": "", "fingerprint": ""}
        )
        actions.notice(f"skipped: {result.reason}")
        actions.add_summary(f"### autoheal report\n\n{loaded.summary}\n\nSkipped: {inline_text(result.reason)}")
        return 0
    _emit(result, loaded.summary)
    if settings.resolve(args, "report", cfg.report)["heal"]:
        heal_inline(args, cfg, client, result)
    return 0
