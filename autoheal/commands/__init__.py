"""One module per CLI command and action mode, as pre-commit keeps its ``commands/``.

Each module has ``NAME``, ``add_parser(subparsers)`` (its own flags) and ``run(args) -> int``
(its own flow). Commands build on the core modules of ``autoheal``; the core never imports a
command, and commands do not import each other. The registry names the modules and imports
them on use: ``autoheal run`` (which wraps every command a user runs) must not pay for
PyGithub and Jinja before its command starts.
"""

from __future__ import annotations

import importlib
from types import ModuleType

NAMES = ("triage", "report", "heal", "run", "config", "capture", "rules", "docs", "init", "doctor")


def load() -> dict[str, ModuleType]:
    """Every command module by its ``NAME``, in the order ``autoheal --help`` lists them."""
    modules = [importlib.import_module(f"autoheal.commands.{name}") for name in NAMES]
    return {m.NAME: m for m in modules}
