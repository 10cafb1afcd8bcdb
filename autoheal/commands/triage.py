"""``autoheal triage PATH...``: classify CI logs offline (no network, no token)."""

from __future__ import annotations

import argparse
import json
import sys

from autoheal.actions import print_error
from autoheal.errors import InputError
from autoheal.flags import add_config_args
from autoheal.models import Timing
from autoheal.sanitize import terminal_text

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


def format_text(d: dict[str, object], timing: Timing | None = None) -> str:
    """The JSON object for people: key lines marked ``>`` in the gutter, then where a timeout's time went."""
    out = [
        f"{d['path']}: {d['category']} (confidence {d['confidence']}, rule {d['rule']})",
        f"  summary:     {d['summary']}",
    ]
    if d.get("job") or d.get("step"):
        out.append(f"  job/step:    {d.get('job') or '-'} / {d.get('step') or '-'}")
    out.append(f"  fingerprint: {d['fingerprint']}{'  (transient: a re-run may pass)' if d['transient'] else ''}")
    excerpt = d["excerpt"]
    assert isinstance(excerpt, list)
    keys = d.get("key_lines") or []
    assert isinstance(keys, list)
    out.append("  excerpt:")
    out += [f"  {'>' if e['line'] in keys else ' '} {e['line']:>6} | {e['text']}" for e in excerpt]
    if timing is not None:
        out += _format_timing(timing)
    return "\n".join(terminal_text(line) for line in out)  # log text must not drive the terminal


def _format_timing(timing: Timing) -> list[str]:
    from autoheal.render import duration

    running = timing.running or "the log's first step"
    out = [f"  timing:      {running} ran {duration(timing.running_seconds)} until line {timing.limit_line}"]
    if timing.quiet_seconds >= 60:
        out[0] += f", silent for {duration(timing.quiet_seconds)} after line {timing.quiet_after}"
    for step in timing.steps:
        mark = ">" if step.line == timing.running_line else " "
        out.append(f"  {mark} {duration(step.seconds):>13}  {step.name or '(start of the log)'}")
    out.append("  last lines before it stopped:")
    out += [f"    {e.line:>6} | {e.text}" for e in timing.last_lines]
    return out


def run(args: argparse.Namespace) -> int:
    from autoheal import config as config_mod
    from autoheal.logsource import open_input
    from autoheal.timing import with_timing
    from autoheal.triage import triage_docs

    cfg = config_mod.load(args.config)
    failed = False
    for spec in args.paths:
        try:
            docs = open_input(spec)
            diagnosis = with_timing(triage_docs(docs, cfg.ruleset, spec), docs)
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
            print(format_text(diagnosis.to_json(), diagnosis.timing))
        sys.stdout.flush()
    return 2 if failed else 0
