"""One module per CLI command and action mode, as pre-commit keeps its ``commands/``.

Each module has ``NAME``, ``add_parser(subparsers)`` (its own flags) and ``run(args) -> int``
(its own flow). Commands build on the core modules of ``autoheal``; the core never imports a
command, and commands do not import each other.
"""

from __future__ import annotations

from types import ModuleType

from autoheal.commands import heal, report, triage

COMMANDS: dict[str, ModuleType] = {m.NAME: m for m in (triage, report, heal)}
