"""Command lines guarded so that they cannot fail (``flake8 . || true``): whatever they ran never failed
the job (issue 8), so their output is never the cause (tools.py, cause.py, rootcause.py read it)."""

from __future__ import annotations

import re

# What separates the simple commands of a command line: lists (``&&``, ``||``, ``;``, lines) and pipes.
_SPLIT = re.compile(r"&&|\|\||;|\|(?!\|)|\n")
# A list guarded so that it cannot fail (``flake8 . || true``, ``|| :``, ``|| exit 0``). Only ``;`` and
# lines end a list here: ``a && b || true`` guards both.
_LISTS = re.compile(r";|\n")
_GUARD = re.compile(r"\|\|\s*(?:true|:|exit\s+0)[\s)]*$")


def split_guarded(command: str) -> tuple[list[str], list[str]]:
    """A command line's simple commands: those that can fail it, and those a guard keeps from failing."""
    can: list[str] = []
    cannot: list[str] = []
    for part in _LISTS.split(command):
        (cannot if _GUARD.search(part) else can).extend(_SPLIT.split(part))
    return can, cannot


def guarded(command: str) -> bool:
    """Whether a list of the command line is guarded so that it cannot fail (``pip check || true``)."""
    return any(_GUARD.search(part) for part in _LISTS.split(command))
