"""``autoheal run [--repo R] [--labels L,...] [--dry-run] [--max-log-lines N] -- CMD [ARG...]``.

Runs CMD with its input and output passed through live and exits with CMD's own status
(128+N for signal N). When capture is enabled (``autoheal config enable``) and CMD fails (a
non-zero exit, or a signal other than an interrupt the user typed), its last lines are triaged
and filed or counted as an issue (``autoheal.clireport``); one line on stderr says where. A
failure to report is a warning, never another exit status. Disabled, it is a transparent
pass-through: CMD replaces this process (``exec``). ``cli.main`` dispatches here before
importing anything else, so this module imports only the standard library at the top.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from autoheal.usersettings import Settings

NAME = "run"
DESCRIPTION = (
    "Run CMD with its input and output passed through, and exit with its status. When capture "
    "is enabled (autoheal config enable) and CMD fails, its last lines are triaged and filed as a "
    "deduplicated issue (or counted on the open one); --dry-run prints that issue instead and "
    "sends nothing, even when capture is disabled."
)
_NOT_FAILURES = {getattr(signal, "SIGPIPE", -1)}  # `| head` closing the pipe is no failure


def add_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--repo", help="OWNER/NAME the issue goes to (default: settings, else the checkout's origin)")
    p.add_argument("--labels", help="comma-separated extra labels for a new issue")
    p.add_argument("--dry-run", action="store_true", help="print the issue it would file; send and store nothing")
    p.add_argument("--max-log-lines", type=int, metavar="N", help="lines of output kept for the report (default 200)")
    p.add_argument("command", nargs=argparse.REMAINDER, metavar="-- CMD [ARG...]", help="the command to run")


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(NAME, help="run a command and file its failure as an issue", description=DESCRIPTION)
    add_flags(p)
    p.set_defaults(handler=run)


def main(argv: Sequence[str]) -> int:
    """The fast path ``cli.main`` takes for ``autoheal run ...``."""
    parser = argparse.ArgumentParser(prog="autoheal run", description=DESCRIPTION)
    add_flags(parser)
    return run(parser.parse_args(list(argv)))


def _command(args: argparse.Namespace) -> list[str]:
    command = list(args.command)
    if command[:1] == ["--"]:
        command = command[1:]
    if not command:
        print("autoheal run: no command given: autoheal run [options] -- CMD [ARG...]", file=sys.stderr)
        raise SystemExit(2)
    return command


def exec_command(command: list[str]) -> int:
    """Capture off: become CMD (POSIX), or run it and pass its status on (Windows)."""
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        if os.name == "posix":
            os.execvp(command[0], command)
        return _wait_windows(command)
    except (FileNotFoundError, NotADirectoryError):
        print(f"autoheal: {command[0]}: command not found", file=sys.stderr)
        return 127
    except OSError as exc:
        print(f"autoheal: {command[0]}: cannot run ({exc.strerror})", file=sys.stderr)
        return 126


def _wait_windows(command: list[str]) -> int:
    import subprocess

    proc = subprocess.Popen(command)
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:  # Ctrl-C reaches the whole console; the command decides
            continue


def run(args: argparse.Namespace) -> int:
    from autoheal import usersettings
    from autoheal.errors import ConfigError

    command = _command(args)
    if not args.dry_run:
        on, warning = usersettings.capture_state()
        if warning:
            print(warning, file=sys.stderr)
        if not on:
            return exec_command(command)
    flags = {"repo": args.repo, "labels": args.labels, "max-log-lines": args.max_log_lines}
    try:
        flags = {k: usersettings.parse_value(k, v, f"--{k}") for k, v in flags.items() if v is not None}
        settings = usersettings.load(flags, detect=True)
    except ConfigError as exc:
        print(f"autoheal: warning: capture is off for this run: {exc}", file=sys.stderr)
        return exec_command(command)
    return capture(command, settings, args.dry_run)


def capture(command: list[str], settings: Settings, dry_run: bool) -> int:
    from autoheal import passthrough

    tail = passthrough.Tail(int(settings["max-log-lines"]))
    cwd = os.getcwd()
    finished = passthrough.run(command, tail)
    if finished.returncode == 0 or finished.interrupted or finished.signal in _NOT_FAILURES:
        return finished.status
    try:
        from autoheal import clifacts, clireport

        failure = clifacts.Failure(
            tuple(command), tail.text(), finished.status, finished.signal, finished.duration, cwd
        )
        line = clireport.capture_failure(failure, settings, dry_run=dry_run)
        print(line, file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        pass
    except Exception as exc:  # reporting must never change what the command did
        print(f"autoheal: warning: could not report this failure ({type(exc).__name__}: {exc})", file=sys.stderr)
    return finished.status
