"""``autoheal init [--update] [--dry-run] [--force] [--all-workflows] [--update-workflow]``.

Sets a repository up in one command (``autoheal.initfiles`` plans the files, this writes them):
the report and heal workflows (and those of the other action modes that ship one), a commented
``.github/autoheal.yml`` and VS Code tasks. ``--update`` only refreshes the report trigger's
list of workflow names, for a workflow that runs it when workflows change
(``workflows-examples/autoheal-init.yml``). A second run changes nothing.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from autoheal.errors import UsageError
from autoheal.sanitize import terminal_text

if TYPE_CHECKING:  # initfiles is imported in run(): a command loads its core modules only when it runs
    from autoheal.initfiles import Planned

NAME = "init"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        NAME, help="set a repository up: workflows, a commented config, editor tasks", description=__doc__
    )
    p.add_argument("--root", type=Path, default=Path("."), help="the repository checkout (default: .)")
    p.add_argument("--update", action="store_true", help="only refresh the report trigger's list of workflow names")
    p.add_argument("--dry-run", action="store_true", help="print the files instead of writing them")
    p.add_argument("--force", action="store_true", help="replace autoheal's workflows and tasks (never a user's file)")
    p.add_argument(
        "--all-workflows",
        action="store_true",
        help='report every workflow ("*", undocumented by GitHub) instead of a list',
    )
    p.add_argument(
        "--update-workflow", action="store_true", help="also write autoheal-init.yml, which keeps the list fresh"
    )
    p.set_defaults(handler=run)


def _exists(command: str) -> bool:
    """Whether ``autoheal COMMAND`` exists, found without importing the other commands."""
    return importlib.util.find_spec(f"autoheal.commands.{command}") is not None


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _shown(planned: Planned, dry_run: bool) -> list[str]:
    lines = [f"  {planned.status:<9} {planned.path}" + (f"  ({planned.note})" if planned.note else "")]
    if dry_run and planned.status in ("create", "update") and planned.new is not None:
        old = (planned.old or "").splitlines(keepends=True)
        diff = difflib.unified_diff(
            old, planned.new.splitlines(keepends=True), f"a/{planned.path}", f"b/{planned.path}"
        )
        lines += [line.rstrip("\n") for line in diff]
    return lines


def _plan(args: argparse.Namespace, root: Path) -> list[Planned]:
    """Every file a first run writes. A mode gets its workflow when its command exists and an
    example ships for it (stale and health, once they are added); a task, when its command exists."""
    from autoheal import initfiles, vscodetasks

    candidates = sorted({*initfiles.example_modes(), *initfiles.SCHEDULED})
    modes = tuple(m for m in candidates if m != NAME and _exists(m))
    known = tuple(n for n in vscodetasks.TASK_COMMANDS if _exists(n))
    opts = initfiles.Options(modes, known, args.force, args.all_workflows, args.update_workflow)
    return initfiles.plan(root, opts)


def run(args: argparse.Namespace) -> int:
    from autoheal import initfiles, repoinit

    root: Path = args.root
    if not repoinit.is_repository(root):
        raise UsageError(
            f"{root.resolve()}: not the root of a git checkout (run autoheal init at the repository's root)"
        )
    planned = initfiles.update_plan(root) if args.update else _plan(args, root)
    if args.update and not planned:
        print("no report workflow listens to workflow_run here: run autoheal init first")
        return 1
    found = repoinit.workflows(root)
    listed = repoinit.reported_names(found)
    summary = (
        f"autoheal init: default branch {repoinit.default_branch(root)}; "
        f"ecosystems: {', '.join(repoinit.ecosystems(root)) or 'none found'}; "
        f"workflows reported: {', '.join(listed) or 'none yet'}"
    )
    print(terminal_text(summary))  # names come from the repository's files: they must not drive the terminal
    for wf in found:
        if wf.error:
            print(terminal_text(f"  note: {wf.path}: {wf.error} (not listed)"))
    for item in planned:
        print("\n".join(terminal_text(line) for line in _shown(item, args.dry_run)))
        if not args.dry_run and item.status in ("create", "update") and item.new is not None:
            _write(root / item.path, item.new)
    if args.dry_run:
        print("dry run: nothing written")
    elif not args.update:
        print("next: commit these files, then run autoheal doctor (with a token) to check the repository's settings")
    return 0
