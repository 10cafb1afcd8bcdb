"""Python's parse of an RE2 pattern, and how rarely a literal occurs in logs: what the prefilter derives from.

prefilter.py reads a pattern's required literals and regex_core.py its loop-free
core from this parse, and both weigh literals with ``score``.
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

from autoheal import lazyre

# Python's own regex parser gives the pattern's structure; RE2 syntax is close
# enough for finding literals, and a pattern it rejects is used whole instead.
_NEW = sys.version_info >= (3, 11)
_p: Any = importlib.import_module("re._parser" if _NEW else "sre_parse")
_c: Any = importlib.import_module("re._constants" if _NEW else "sre_constants")

# RE2's POSIX classes ([[:space:]]): Python's parser reads them as a class of those letters.
POSIX_CLASS = lazyre.compile(r"\[:\^?[a-z]+:\]")


def parse(pattern: str) -> Any | None:
    """Python's parse of an RE2 pattern, or None where the two may read it apart (or Python cannot).

    RE2-only syntax (``\\pL``, ``\\z``, ``\\C``) fails Python's parser; a POSIX class
    does not, so it is refused here.
    """
    if POSIX_CLASS.search(pattern):
        return None
    try:
        return _p.parse(pattern)
    except (re.error, OverflowError, RecursionError):
        return None


def flatten(items: Any) -> list[tuple[Any, Any]]:
    """A parse's items with the groups that change no flags opened: a capture changes nothing matched."""
    out: list[tuple[Any, Any]] = []
    for op, arg in items:
        if op is _c.SUBPATTERN and not arg[1] and not arg[2]:
            out.extend(flatten(arg[3]))
        else:
            out.append((op, arg))
    return out


# Fragments so common in CI logs that a literal made of them selects almost every line.
_COMMON = frozenset(
    {
        "test",
        "tests",
        "error",
        "errors",
        "warning",
        "code",
        "type",
        "http",
        "https",
        "https://",
        "http://",
        "line",
        "body",
        "header",
        "status",
        "tatus",
        "update",
        "create",
        "after",
        "failed",
        "java",
        ".java",
        "empty",
        "generate",
        "generated",
        "parser",
        "build",
        "info",
        "debug",
        "file",
        "from",
        "with",
        "true",
    }
)


def score(literal: str) -> float:
    """How rarely a literal occurs in logs, roughly: long, varied, with rare punctuation or digits.

    Path characters (. / - _) and runs of one character (dotted leaders, rules)
    are everywhere in logs, so they earn nothing; common words earn a quarter.
    """
    letters = sum(c.isalnum() for c in literal)
    length = letters if len(set(literal)) > 2 else len(set(literal))
    rare = sum(2 for c in set(literal) if not c.isalnum() and c not in " ./-_")
    rare += sum(3 for c in literal if ord(c) > 127)
    base = length + rare + sum(c.isdigit() for c in literal)
    return base / 2 if literal.strip(" :.-_'\"") in _COMMON else base
