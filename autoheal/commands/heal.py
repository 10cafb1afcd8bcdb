"""``autoheal heal``: heal the issue an ``auto-heal`` label names, or preview a fix offline.

Settings come from flags, then the config's ``heal:`` section, then defaults
(``heal.options_from``); the issue and the sender from the runner's event. With
``--dry-run --log FILE`` (or ``--issue-body FILE``) it is an offline preview instead: no token,
no network, the diff on stdout. The flow is ``autoheal.healer``; the decisions ``autoheal.heal``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from autoheal import actions, settings
from autoheal import config as config_mod
from autoheal.errors import InputError, UsageError
from autoheal.flags import add_github_args, make_client
from autoheal.heal import HealOptions, HealResult, Sender, options_from, preview
from autoheal.healer import AGENT_TOKEN_ENV, WORKFLOW_TOKEN_ENV, credentials, emit, heal_issue
from autoheal.healevidence import diagnose_body, with_log_job
from autoheal.registry import HttpResolver

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
    settings.add_flags(p, NAME)
    p.add_argument(
        "--workflow-token-env",
        default=WORKFLOW_TOKEN_ENV,
        metavar="VAR",
        help="environment variable holding a token that may push workflow files (a PAT with the workflow "
        f"scope or an App token with workflows: write), used only for such pushes (default {WORKFLOW_TOKEN_ENV})",
    )
    p.add_argument(
        "--agent-token-env",
        default=AGENT_TOKEN_ENV,
        metavar="VAR",
        help="environment variable holding a user's token; with it a declined failure is assigned to "
        f"Copilot coding agent (default {AGENT_TOKEN_ENV})",
    )
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
        diagnosis = with_log_job(triage_path(args.log, cfg.ruleset), _read_log(args.log))
    else:
        try:
            diagnosis = diagnose_body(Path(args.issue_body).read_text(encoding="utf-8"), cfg.ruleset)
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{args.issue_body}: cannot read ({exc})") from None
    diff, why = preview(diagnosis, workspace, opts, args.workflow, args.job)
    if diff:  # the diff alone on stdout (git apply-able); its risk level and why on stderr
        print(f"autoheal: {why}", file=sys.stderr)
    print(diff if diff else f"autoheal: no fix: {' '.join(why.split())}", end="" if diff else "\n")
    return 0


def _read_log(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return handle.read(200_000).decode("utf-8", "replace")
    except OSError:
        return ""  # a run-logs zip or folder: triage read it, the job name comes from its file names


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
    client = make_client(args, event)
    auth, agent_client = credentials(client, os.environ, args.workflow_token_env, args.agent_token_env)
    result = heal_issue(
        client,
        number,
        cfg.ruleset,
        opts,
        workspace=workspace,
        auth=auth,
        default_branch=event.default_branch or None,
        sender=sender,
        say=print,
        agent_client=agent_client,
        resolver=HttpResolver(),  # a new dependency gets ^current, as npm install writes it (issue 12)
    )
    emit(result, number)
    return 0
