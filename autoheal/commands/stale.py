"""``autoheal stale``: warn about, then close, autoheal's fix PRs nobody touched (for a schedule)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from autoheal import actions, repoconfig, settings
from autoheal.errors import UsageError
from autoheal.flags import add_github_args, make_client
from autoheal.stale import Decision, StaleOptions, run_stale

NAME = "stale"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        NAME,
        help="warn about, then close, stale autoheal fix PRs",
        description="Fix PRs of autoheal with no activity for stale-days get a warning; after close-days more "
        "they are closed and their branch deleted (only branches with autoheal's commits alone).",
    )
    add_github_args(p)
    settings.add_flags(p, NAME)
    p.set_defaults(handler=run)


def _summary(decisions: Sequence[Decision], opts: StaleOptions, calls: int) -> str:
    rows = [
        "### autoheal stale",
        "",
        f"stale-days {opts.stale_days}, close-days {opts.close_days}{' (dry run)' if opts.dry_run else ''}; "
        f"API calls: {calls}.",
        "",
        "| PR | branch | action | why |",
        "|---|---|---|---|",
    ]
    rows += [f"| #{d.number} | `{d.branch}` | {d.action} | {d.reason} |" for d in decisions]
    return "\n".join(rows if decisions else rows[:4] + ["No open autoheal fix PR."])


def run(args: argparse.Namespace) -> int:
    event = actions.load_event(args.event_path, args.event_name)
    client = make_client(args, event)
    cfg = repoconfig.load(client, args.config, lambda: client.get_repo().default_branch).config
    v = settings.resolve(args, "stale", cfg.stale)
    heal = settings.resolve(args, "heal", cfg.heal)
    if v["stale-days"] < 1 or v["close-days"] < 0:
        raise UsageError("stale-days must be at least 1 and close-days must not be negative")
    opts = StaleOptions(
        int(v["stale-days"]),
        int(v["close-days"]),
        (str(heal["committer-name"]), str(heal["committer-email"])),
        bool(args.dry_run),
    )
    decisions = run_stale(client, opts, print)
    warned = [d.number for d in decisions if d.action == "warn"]
    closed = [d.number for d in decisions if d.action == "close"]
    result = "closed" if closed else "warned" if warned else "none"
    actions.set_outputs({"result": result, "warned": ",".join(map(str, warned)), "closed": ",".join(map(str, closed))})
    actions.add_summary(_summary(decisions, opts, client.calls))
    for d in decisions:
        if d.action in ("warn", "close", "keep"):
            actions.notice(f"#{d.number} {d.action}: {d.reason}")
    return 0
