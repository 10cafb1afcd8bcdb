"""Command-line interface: ``autoheal COMMAND``, one module per command in ``autoheal.commands``.

Heavy imports (PyGithub, Jinja) happen inside the commands so ``--help``
stays fast; so do the error path's (``autoheal.actions``, ``traceback``: dataclasses,
pathlib, json and secrets were most of what ``--help`` imported). Errors go through one handler: AutohealError -> its exit code and
a one-line message (an ``::error::`` line inside GitHub Actions), anything
else -> exit 3, Ctrl-C -> 130.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from autoheal import __version__, commands
from autoheal.errors import AutohealError

# Annotations only (``from __future__``), so ``typing`` is not imported: --help never needed it.
Handler = Callable[[argparse.Namespace], int]


def _top() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction[argparse.ArgumentParser]]:
    parser = argparse.ArgumentParser(prog="autoheal", description="Self-healing CI for GitHub.")
    parser.add_argument("--version", action="version", version=f"autoheal {__version__}")
    parser.add_argument("--verbose", action="store_true", help="show tracebacks for errors")
    return parser, parser.add_subparsers(dest="command", required=True, metavar="COMMAND")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of command ``only`` (its module alone is imported)."""
    parser, sub = _top()
    for command in commands.load([only] if only else commands.NAMES).values():
        command.add_parser(sub)
    return parser


def summary_parser() -> argparse.ArgumentParser:
    """The top-level help (or a usage error): the commands' names and summaries, no command imported."""
    parser, sub = _top()
    for name, summary in commands.SUMMARIES.items():
        sub.add_parser(name, help=summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    if words[:1] == ["run"]:  # it wraps every command a user runs: start it without the rest
        from autoheal.commands import run

        return run.main(words[1:])
    # A command's own flags follow its name: only the top-level help needs every command.
    first = next((w for w in words if not w.startswith("-")), None)
    parser = build_parser(first) if first in commands.NAMES else summary_parser()
    args = parser.parse_args(words)
    handler: Handler = args.handler
    try:
        return handler(args)
    except AutohealError as exc:
        _fail(str(exc), args.verbose)
        return exc.exit_code
    except KeyboardInterrupt:
        _fail("interrupted", False)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        _fail(
            f"unexpected {type(exc).__name__}: {exc} (this is a bug; re-run with --verbose and report it)", args.verbose
        )
        return 3


def _fail(message: str, verbose: bool) -> None:
    """Print the one-line error (an ``::error::`` annotation inside Actions), after the traceback with --verbose."""
    from autoheal.actions import print_error

    if verbose:
        import traceback

        traceback.print_exc()
    print_error(message)
