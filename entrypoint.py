#!/usr/bin/env python3
"""Action entrypoint: turn the runner's INPUT_* variables into autoheal's argv.

Both actions run it: the Docker one gets INPUT_* from the runner, the composite one (action.yml)
passes every input under the same names. Which input becomes which flag is the table in
``autoheal/settings.py``; this file only maps. An input left empty passes nothing, so the config
file and then the defaults in code decide (action.yml's defaults are empty for that reason).
Tokens go through the environment (``AUTOHEAL_TOKEN``...), never argv, so they cannot show up
in a process listing or an error message.
"""

from __future__ import annotations

import os
import sys

from autoheal import settings


class InputError(Exception):
    pass


def read_input(name: str) -> str:
    # Docker actions receive inputs as INPUT_<NAME> with the name upper-cased, hyphens kept.
    return os.environ.get(f"INPUT_{name.upper()}", "").strip()


def argv_for(mode: str) -> list[str]:
    if mode not in settings.MODES:
        raise InputError(f"input 'mode' must be one of {', '.join(settings.MODES)} (got {mode!r})")
    argv = [mode]
    for s in settings.for_mode(mode):
        value = read_input(s.name)
        if not value or not s.flag:
            continue
        problem = settings.check_input(s, value)
        if problem:
            raise InputError(problem)
        argv += settings.argv_for(s, value)
    return argv


def export_secrets() -> None:
    for s in settings.SETTINGS:
        value = read_input(s.name) if s.env else ""
        if s.env and value:
            os.environ[s.env] = value


def main() -> int:
    export_secrets()
    try:
        argv = argv_for(read_input("mode") or settings.by_name("mode").default)
    except InputError as exc:
        print(f"::error::{exc}", file=sys.stderr)
        return 2
    from autoheal.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
