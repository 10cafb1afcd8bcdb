"""Command-line interface: ``autoheal triage | report | heal``.

Heavy imports (PyGithub, Jinja) happen inside the commands so ``--help``
stays fast. Errors go through one handler: AutohealError -> its exit code and
a one-line message (an ``::error::`` line inside GitHub Actions), anything
else -> exit 3, Ctrl-C -> 130.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence

from autoheal import __version__
from autoheal.errors import AutohealError, InputError

Handler = Callable[[argparse.Namespace], int]


def _in_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def print_error(message: str) -> None:
    """One line on stderr; in Actions as an annotation the run page shows."""
    line = " ".join(message.split())
    if _in_actions():
        # Workflow commands end at a newline and treat % specially.
        print("::error::" + line.replace("%", "%25"), file=sys.stderr)
    else:
        print(f"autoheal: error: {line}", file=sys.stderr)


def _add_triage(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "triage",
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
    _add_config_args(p)
    p.set_defaults(handler=_triage)


def _format_text(d: dict[str, object]) -> str:
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


def _triage(args: argparse.Namespace) -> int:
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
            print(_format_text(diagnosis.to_json()))
        sys.stdout.flush()
    return 2 if failed else 0


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.replace("\n", ",").split(",") if v.strip()]


def _add_config_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", help="autoheal config file (default: .github/autoheal.yml if present)")
    p.add_argument("--templates", help="directory of templates overriding the defaults")


def _add_github_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--repo", help="owner/name (default: $GITHUB_REPOSITORY or the event's repository)")
    p.add_argument("--api-url", help="REST API base URL (default: $GITHUB_API_URL or https://api.github.com)")
    p.add_argument("--event-path", help="event JSON (default: $GITHUB_EVENT_PATH)")
    p.add_argument("--event-name", help="event name (default: $GITHUB_EVENT_NAME)")
    _add_config_args(p)
    p.add_argument("--dry-run", action="store_true", help="do every read, print every write instead of making it")


def _add_report(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "report",
        help="open or update one issue per distinct failure of a workflow run",
        description="Triage a failed workflow run and file it as a deduplicated issue. "
        "The token is read from $GITHUB_TOKEN, never from the command line.",
    )
    _add_github_args(p)
    p.add_argument(
        "--run-id", type=int, help="report this run (workflow_dispatch); default: the workflow_run event's run"
    )
    p.add_argument(
        "--labels", type=_csv, help="comma-separated labels for new issues (first one finds ours; default autoheal)"
    )
    p.add_argument(
        "--conclusions", type=_csv, help="run conclusions to report (default failure,timed_out,startup_failure)"
    )
    p.add_argument("--exclude-workflows", type=_csv, help="comma-separated globs of workflow names or paths to ignore")
    p.add_argument("--branches", type=_csv, help="comma-separated branch globs to report (default: the default branch)")
    p.add_argument("--max-issues-per-hour", type=int, help="cap on new issues per hour (default 10)")
    p.add_argument("--reopen-days", type=int, help="reopen a matching issue closed this recently (default 14)")
    p.add_argument("--auto-heal-label", action="store_true", default=None, help="also label new issues auto-heal")
    p.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    from autoheal.report_run import run_report

    return run_report(args)


def _add_heal(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "heal",
        help="open a draft pull request that fixes the failure an issue describes",
        description="Re-triage an issue labelled auto-heal, apply a deterministic fixer in a "
        "temporary worktree and open or update a draft pull request. The token is "
        "read from $GITHUB_TOKEN, never from the command line. With --dry-run and "
        "--log or --issue-body: print the diff offline (no token, no network).",
    )
    _add_github_args(p)
    p.add_argument("--issue-number", type=int, help="heal this issue (default: the labelled issue of the event)")
    p.add_argument("--base", help="branch the PR targets (default: the failed run's branch, else the default branch)")
    p.add_argument("--min-confidence", type=float, help="do not edit below this triage confidence (default 0.6)")
    p.add_argument("--max-changed-files", type=int, help="do not open a PR changing more files (default 3)")
    p.add_argument("--max-attempts", type=int, help="stop after this many closed-unmerged fix PRs (default 3)")
    p.add_argument("--max-prs-per-hour", type=int, help="cap on new fix PRs per hour (default 5)")
    p.add_argument("--verify-command", help="shell command run in the fixed tree; no PR if it fails")
    p.add_argument("--agent-mention", help="mention (e.g. @copilot) that a declined failure is handed to")
    p.add_argument("--allowed-bots", type=_csv, help="comma-separated bots that may trigger heal")
    p.add_argument("--reviewers", type=_csv, help="comma-separated reviewers to request on the PR")
    p.add_argument("--labels", type=_csv, help="comma-separated labels for the PR (default autoheal)")
    p.add_argument("--workspace", help="the repository checkout (default: $GITHUB_WORKSPACE, else .)")
    offline = p.add_argument_group("offline preview (with --dry-run)")
    source = offline.add_mutually_exclusive_group()
    source.add_argument("--log", help="triage this log and print the fix's diff")
    source.add_argument("--issue-body", help="triage this issue body (markdown file) and print the fix's diff")
    offline.add_argument("--workflow", help="path of the failing workflow file in the workspace")
    offline.add_argument("--job", help="name or id of the failing job")
    p.set_defaults(handler=_heal)


def _heal(args: argparse.Namespace) -> int:
    from autoheal.heal_run import run_heal

    return run_heal(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="autoheal", description="Self-healing CI for GitHub.")
    parser.add_argument("--version", action="version", version=f"autoheal {__version__}")
    parser.add_argument("--verbose", action="store_true", help="show tracebacks for errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_triage(sub)
    _add_report(sub)
    _add_heal(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except AutohealError as exc:
        if args.verbose:
            traceback.print_exc()
        print_error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        print_error("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if args.verbose:
            traceback.print_exc()
        print_error(f"unexpected {type(exc).__name__}: {exc} (this is a bug; re-run with --verbose and report it)")
        return 3
