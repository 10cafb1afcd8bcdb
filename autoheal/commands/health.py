"""``autoheal health``: how CI is doing, as markdown (step summary and one pinned issue) or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from autoheal import actions, repoconfig, settings
from autoheal.errors import UsageError
from autoheal.flags import add_github_args, make_client
from autoheal.health import gather
from autoheal.healthreport import markdown, publish, write_svg

NAME = "health"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        NAME,
        help="CI health over a window: failure rates, top failures, recovery, fix PR outcomes",
        description="Summarise the repository's CI over --days: per workflow failure rate and trend, top "
        "failures, time to recovery, fix PRs per fixer and rule, re-runs. Markdown goes to the step summary "
        "and to one pinned 'autoheal health' issue (not with --dry-run or --no-issue).",
    )
    add_github_args(p)
    settings.add_flags(p, NAME)
    p.add_argument("--no-issue", action="store_true", help="do not write the health issue")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    event = actions.load_event(args.event_path, args.event_name)
    client = make_client(args, event)
    cfg = repoconfig.load(client, args.config, lambda: client.get_repo().default_branch).config
    v = settings.resolve(args, "health", cfg.health)
    fmt = args.format or "markdown"
    if fmt not in ("markdown", "json"):
        raise UsageError(f"--format must be markdown or json (got {fmt!r})")
    if not 1 <= int(v["days"]) <= 400:
        raise UsageError("days must be between 1 and 400")
    label = (settings.resolve(args, "report", cfg.report)["labels"] or ["autoheal"])[0]
    health = gather(client, int(v["days"]), label)
    text = markdown(health)
    number, pin = None, "not written"
    if not args.no_issue:
        number, pin = publish(client, text, bool(args.dry_run))
        if args.dry_run:  # on stderr: stdout is the report alone, JSON a reader can parse as it is
            print(f"[dry-run] {pin}", file=sys.stderr)
    health.api_calls = client.calls
    if args.svg:
        write_svg(health, Path(args.svg))
    print(json.dumps(health.to_json(), indent=2) if fmt == "json" else text)
    actions.set_outputs({"result": "written", "health-issue": number or "", "api-calls": client.calls})
    where = f"#{number}" if number else "none"
    actions.add_summary(f"{text}\nHealth issue: {where} ({pin}); API calls in all: {client.calls}.")
    return 0
