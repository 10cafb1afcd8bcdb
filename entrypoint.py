#!/usr/bin/env python3
"""Docker action entrypoint: turn the runner's INPUT_* variables into autoheal's argv.

Everything the action does, the CLI does: this file only maps inputs to flags.
Tokens go through the environment (AUTOHEAL_TOKEN, AUTOHEAL_WORKFLOW_TOKEN,
AUTOHEAL_AGENT_TOKEN), never argv, so they cannot show up in a process listing or an
error message.
"""

from __future__ import annotations

import os
import sys

# input name -> (flag, kind); kind is "value" or "bool" (must be true/false). List inputs
# (comma- or newline-separated) pass through as they are: the CLI splits them.
COMMON = {
    "config": ("--config", "value"),
    "templates": ("--templates", "value"),
    "dry-run": ("--dry-run", "bool"),
}
MODES = {
    "report": {
        **COMMON,
        "run-id": ("--run-id", "value"),
        "labels": ("--labels", "value"),
        "conclusions": ("--conclusions", "value"),
        "exclude-workflows": ("--exclude-workflows", "value"),
        "branches": ("--branches", "value"),
        "max-issues-per-hour": ("--max-issues-per-hour", "value"),
        "reopen-days": ("--reopen-days", "value"),
        "auto-heal-label": ("--auto-heal-label", "bool"),
    },
    "heal": {
        **COMMON,
        "issue-number": ("--issue-number", "value"),
        "base": ("--base", "value"),
        "min-confidence": ("--min-confidence", "value"),
        "max-changed-files": ("--max-changed-files", "value"),
        "max-attempts": ("--max-attempts", "value"),
        "verify-command": ("--verify-command", "value"),
        "agent-mention": ("--agent-mention", "value"),
    },
}


# input name -> the environment variable the CLI reads it from (secrets never go to argv)
TOKENS = {
    "github-token": "AUTOHEAL_TOKEN",
    "workflow-token": "AUTOHEAL_WORKFLOW_TOKEN",
    "agent-token": "AUTOHEAL_AGENT_TOKEN",
}


class InputError(Exception):
    pass


def read_input(name: str) -> str:
    # Docker actions receive inputs as INPUT_<NAME> with the name upper-cased, hyphens kept.
    return os.environ.get(f"INPUT_{name.upper()}", "").strip()


def argv_for(mode: str) -> list[str]:
    if mode not in MODES:
        raise InputError(f"input 'mode' must be one of {', '.join(MODES)} (got {mode!r})")
    argv = [mode]
    for name, (flag, kind) in MODES[mode].items():
        value = read_input(name)
        if not value:
            continue
        if kind == "bool":
            if value not in ("true", "false"):
                raise InputError(f"input '{name}' must be true or false (got {value!r})")
            if value == "true":
                argv.append(flag)
        else:
            argv += [flag, value]
    return argv


def main() -> int:
    for name, variable in TOKENS.items():
        value = read_input(name)
        if value:
            os.environ[variable] = value
    try:
        argv = argv_for(read_input("mode") or "report")
    except InputError as exc:
        print(f"::error::{exc}", file=sys.stderr)
        return 2
    from autoheal.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
