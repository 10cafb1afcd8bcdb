"""Which dependency failure a package manager's error block is: missing, or not resolvable.

A package manager's failure is a missing dependency when its error block says a package, version or
artifact does not exist (categories.md: "not installed / not found"); one that cannot reconcile versions,
or builds a dependency that fails, is a resolution failure, the package manager's default.
"""

from __future__ import annotations

from collections.abc import Iterable

from autoheal import lazyre
from autoheal.tooltable import DEPS

_MISSING = lazyre.compile(
    r"(?i)\bnot found\b|\bno matching (?:distribution|package|version)|\bunable to locate package|\b(?:E)?404\b|"
    r"\bdoes not exist\b|\bno such (?:package|module|gem|crate|formula|file or directory)|\bcould not find (?!compatible)|"
    r"\bnot in (?:the|this) \S* ?registry|\bunable to find (?:package|a version)|\bhas no installation candidate|"
    r"\b(?:is|was) yanked|\bno available formula|\bnot available\b|\bcannot find (?:module|package)"
)
_RESOLVING = lazyre.compile(
    r"(?i)\bconflict|\bcompatible|\bversion solving|\bresolutionimpossible|\bERESOLVE\b|\bsatisf"
)


def dependency_kind(category: str, block: Iterable[str]) -> str:
    """A package manager's category, ``dependency.missing`` when its error block says what it needs is not there."""
    if category != DEPS:
        return category
    texts = list(block)
    if any(_RESOLVING.search(t) for t in texts) or not any(_MISSING.search(t) for t in texts):
        return category
    return "dependency.missing"
