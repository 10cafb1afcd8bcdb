"""``autoheal docs --write|--check|--list``: the documents generated from the code (``autoheal.docsgen``)."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "docs"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from autoheal import docsgen

    p = sub.add_parser(
        NAME,
        help="regenerate or check the docs made from the code (rules, fixers, settings, config schema)",
        description=docsgen.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--write", action="store_true", help="rewrite every generated file")
    what.add_argument("--check", action="store_true", help="exit 1 when a generated file is stale")
    what.add_argument("--list", action="store_true", help="print the generated files")
    p.add_argument("--root", type=Path, default=docsgen.SOURCE_ROOT, help="the source checkout (default: this one)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from autoheal import docsgen

    if args.list:
        print("\n".join(docsgen.outputs(args.root)))
        return 0
    found = docsgen.stale(args.root, write=args.write)
    if args.write:
        print(f"rewrote {', '.join(found)}" if found else "every generated file is fresh")
        return 0
    if found:
        print(f"stale (run autoheal docs --write): {', '.join(found)}")
        return 1
    return 0
