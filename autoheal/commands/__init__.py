"""One module per CLI command and action mode, as pre-commit keeps its ``commands/``.

Each module has ``NAME``, ``add_parser(subparsers)`` (its own flags) and ``run(args) -> int``
(its own flow). Commands build on the core modules of ``autoheal``; the core never imports a
command, and commands do not import each other. The registry names the modules and imports
them on use: ``autoheal triage`` must not pay for PyGithub and Jinja (150 ms) before it starts,
and ``autoheal --help`` lists the commands from ``SUMMARIES`` without importing any
(tests/test_cli.py checks each summary is its module's own ``help``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from types import ModuleType

SUMMARIES = {
    "triage": "classify CI logs: files offline, or a run by its URL (with a token)",
    "report": "open or update one issue per distinct failure of a workflow run",
    "heal": "open a draft pull request that fixes the failure an issue describes",
    "stale": "warn about, then close, stale autoheal fix PRs",
    "health": "CI health over a window: failure rates, top failures, recovery, fix PR outcomes",
    "run": "run a command and file its failure as an issue",
    "config": "enable, disable or inspect capturing failures of commands (autoheal run, autoheal.capture)",
    "capture": "list, send or clear the failures captured offline",
    "rules": "list, show or try the triage rules",
    "docs": "regenerate or check the docs made from the code (rules, fixers, settings, config schema)",
    "init": "set a repository up: workflows, a commented config, editor tasks",
    "doctor": "check a repository's autoheal set-up and say how to fix each problem",
}
NAMES = tuple(SUMMARIES)


def load(names: Iterable[str] = NAMES) -> dict[str, ModuleType]:
    """The command modules by ``NAME`` (every one by default, in the order ``autoheal --help`` lists them)."""
    modules = [importlib.import_module(f"autoheal.commands.{name}") for name in names]
    return {m.NAME: m for m in modules}
