"""``autoheal triage PATH...``: classify CI logs offline (no network, no token)."""

from __future__ import annotations

import argparse
import json
import sys

from autoheal.actions import print_error
from autoheal.errors import InputError
from autoheal.flags import add_config_args

NAME = "triage"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        NAME,
        help="classify CI logs offline (no network, no token)",
        description="Find the lines that explain a failed CI log and name the failure.",
    )
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="a log file, a GitHub run-logs zip, a directory, or - for stdin"
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text for people (default); json, one object per line; markdown, the issue as posted",
    )
    add_config_args(p)
    p.set_defaults(handler=run)


def format_text(d: dict[str, object]) -> str:
    out = [
        f"{d['path']}: {d['category']} (confidence {d['confidence']}, rule {d['rule']})",
        f"  summary:     {d['summary']}",
    ]
    if d.get("job") or d.get("step"):
        out.append(f"  job/step:    {d.get('job') or '-'} / {d.get('step') or '-'}")
    out.append(f"  fingerprint: {d['fingerprint']}{'  (transient: a re-run may pass)' if d['transient'] else ''}")
    excerpt = d["excerpt"]
    assert isinstance(excerpt, list)
    out.append("  excerpt:")
    out += [f"    {e['line']:>6} | {e['text']}" for e in excerpt]
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    from autoheal import config as config_mod
    from autoheal.triage import triage_path

    cfg = config_mod.load(args.config)
    failed = False
    for spec in args.paths:
        try:
            diagnosis = triage_path(spec, cfg.ruleset)
        except InputError as exc:
            print_error(str(exc))
            failed = True
            continue
        if args.format == "json":
            print(json.dumps(diagnosis.to_json(), ensure_ascii=False))
        elif args.format == "markdown":
            from autoheal.render import render_markdown

            templates = args.templates or cfg.templates
            print(render_markdown(diagnosis, templates_dir=templates))
        else:
            print(format_text(diagnosis.to_json()))
        sys.stdout.flush()
    return 2 if failed else 0
