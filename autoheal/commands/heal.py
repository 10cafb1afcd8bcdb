"""``autoheal heal``: heal the issue an ``auto-heal`` label names, or preview a fix offline.

Settings come from flags, then the config's ``heal:`` section, then defaults
(``heal.options_from``); the issue and the sender from the runner's event. With
``--dry-run --log FILE`` (or ``--issue-body FILE``) it is an offline preview instead: no token,
no network, the diff on stdout. The flow is ``autoheal.healer``; the decisions ``autoheal.heal``.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from autoheal import actions, gitops
from autoheal import config as config_mod
from autoheal.errors import InputError, UsageError
from autoheal.flags import add_github_args, csv, make_client, token
from autoheal.heal import HealOptions, HealResult, Sender, diagnose_body, options_from, preview
from autoheal.healer import emit, heal_issue

NAME = "heal"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        NAME,
        help="open a draft pull request that fixes the failure an issue describes",
        description="Re-triage an issue labelled auto-heal, apply a deterministic fixer in a "
        "temporary worktree and open or update a draft pull request. The token is "
        "read from $GITHUB_TOKEN, never from the command line. With --dry-run and "
        "--log or --issue-body: print the diff offline (no token, no network).",
    )
    add_github_args(p)
    p.add_argument("--issue-number", type=int, help="heal this issue (default: the labelled issue of the event)")
    p.add_argument("--base", help="branch the PR targets (default: the failed run's branch, else the default branch)")
    p.add_argument("--min-confidence", type=float, help="do not edit below this triage confidence (default 0.6)")
    p.add_argument("--max-changed-files", type=int, help="do not open a PR changing more files (default 3)")
    p.add_argument("--max-attempts", type=int, help="stop after this many closed-unmerged fix PRs (default 3)")
    p.add_argument("--max-prs-per-hour", type=int, help="cap on new fix PRs per hour (default 5)")
    p.add_argument("--verify-command", help="shell command run in the fixed tree; no PR if it fails")
    p.add_argument("--agent-mention", help="mention (e.g. @copilot) that a declined failure is handed to")
    p.add_argument("--allowed-bots", type=csv, help="comma-separated bots that may trigger heal")
    p.add_argument("--reviewers", type=csv, help="comma-separated reviewers to request on the PR")
    p.add_argument("--labels", type=csv, help="comma-separated labels for the PR (default autoheal)")
    p.add_argument("--workspace", help="the repository checkout (default: $GITHUB_WORKSPACE, else .)")
    offline = p.add_argument_group("offline preview (with --dry-run)")
    source = offline.add_mutually_exclusive_group()
    source.add_argument("--log", help="triage this log and print the fix's diff")
    source.add_argument("--issue-body", help="triage this issue body (markdown file) and print the fix's diff")
    offline.add_argument("--workflow", help="path of the failing workflow file in the workspace")
    offline.add_argument("--job", help="name or id of the failing job")
    p.set_defaults(handler=run)


def _sender(payload: Mapping[str, Any]) -> Sender | None:
    raw = payload.get("sender")
    if not isinstance(raw, dict) or not raw.get("login"):
        return None
    return Sender(str(raw["login"]), str(raw.get("type") or "User"))


def target(event: actions.Event, issue_number: int | None, label: str) -> tuple[int, Sender | None] | str:
    """The issue to heal and who asked, or why this event is not for heal."""
    payload = event.payload
    if event.name == "issues":
        if payload.get("action") != "labeled":
            return f"issues event {payload.get('action')!r}, not 'labeled'"
        name = str((payload.get("label") or {}).get("name") or "")
        if name.lower() != label.lower():
            return f"label {name!r} is not the heal label {label!r}"
        issue_number = int((payload.get("issue") or {}).get("number") or 0) or None
    if not issue_number:
        raise UsageError("heal needs an issue: run it on an issues 'labeled' event or pass --issue-number")
    return issue_number, _sender(payload)


def run_offline(args: argparse.Namespace, cfg: config_mod.Config, opts: HealOptions, workspace: Path) -> int:
    """Preview the fix for a log or an issue body: the diff, or one line saying why there is none."""
    from autoheal.triage import triage_path

    if not args.dry_run:
        raise UsageError("--log and --issue-body preview a fix offline: add --dry-run")
    if args.log:
        diagnosis = triage_path(args.log, cfg.ruleset)
    else:
        try:
            diagnosis = diagnose_body(Path(args.issue_body).read_text(encoding="utf-8"), cfg.ruleset)
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{args.issue_body}: cannot read ({exc})") from None
    diff, why = preview(diagnosis, workspace, opts, args.workflow, args.job)
    print(diff if diff else f"autoheal: no fix: {' '.join(why.split())}", end="" if diff else "\n")
    return 0


def run(args: argparse.Namespace) -> int:
    workspace = Path(args.workspace or os.environ.get("GITHUB_WORKSPACE") or ".")
    cfg = config_mod.load(args.config, root=workspace)
    opts = options_from(args, cfg)
    if args.log or args.issue_body:
        return run_offline(args, cfg, opts, workspace)
    event = actions.load_event(args.event_path, args.event_name)
    picked = target(event, args.issue_number, opts.label)
    if isinstance(picked, str):
        emit(HealResult("declined", picked), None)
        return 0
    number, sender = picked
    repo_info = event.payload.get("repository")
    default = str(repo_info.get("default_branch") or "") if isinstance(repo_info, dict) else ""
    auth = gitops.Auth(
        token(),
        os.environ.get("GITHUB_SERVER_URL") or gitops.DEFAULT_SERVER,
    )
    result = heal_issue(
        make_client(args, event),
        number,
        cfg.ruleset,
        opts,
        workspace=workspace,
        auth=auth,
        default_branch=default or None,
        sender=sender,
    )
    emit(result, number)
    return 0
