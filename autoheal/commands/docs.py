"""``autoheal docs --write|--check|--list``: the documents generated from the code (``autoheal.docsgen``)."""

from __future__ import annotations

import argparse

NAME = "docs"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from autoheal import docsgen

    p = sub.add_parser(
        NAME,
        help="regenerate or check the docs made from the code (rules, fixers, settings, config schema)",
        description=docsgen.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    docsgen.add_arguments(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from autoheal import docsgen

    return docsgen.run(args)
