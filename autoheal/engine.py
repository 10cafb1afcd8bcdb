"""The scanner's first pass: which lines of a buffer may hold a hit, a section marker or an error block's opener.

Two engines answer it with the same result. ``engine_re2.Re2Engine`` runs the prefilter's
two RE2 alternations (prefilter.py), the second with the section markers and the
openers (blockopeners.py) in it; ``engine_hs.HyperscanEngine`` runs all of them in one Hyperscan pass
(``pip install autoheal[fast]``), about five times faster. Either way a
candidate line is only a candidate: the scanner then tests its normalised text
against every rule with RE2, so the hits are the same whichever engine flagged
the line. ``AUTOHEAL_ENGINE=re2|hyperscan`` forces one (default ``auto``: Hyperscan
where it is installed).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Protocol

from autoheal.errors import ConfigError

if TYPE_CHECKING:
    from autoheal.rules import Rule, RuleSet

ENGINES = ("auto", "re2", "hyperscan")


class Engine(Protocol):
    name: str

    def scan(self, buf: bytes, start: int, end: int) -> tuple[list[int], set[int], list[int]]:
        """Sorted starts of the lines in ``buf[start:end]`` a rule may hit, the starts of its marker lines,
        and the sorted starts of the lines that open an error block (blockopeners.OPENER, scanfar.py).

        ``start`` and ``end`` are line starts (or the end of ``buf``). A marker line
        or an opener missing from the first list is only that: no rule is tested on it (the
        prefilter flags every line a rule hits, so it has no hit). Listing it
        there too costs a rule test, nothing else.
        """
        ...

    def hits(self, text: str) -> list[tuple[Rule, dict[str, str]]]:
        """The rules a normalised line is a hit for, with their captures: ``RuleSet.hits``."""
        ...


def wanted() -> str:
    choice = os.environ.get("AUTOHEAL_ENGINE", "auto").strip().lower() or "auto"
    if choice not in ENGINES:
        raise ConfigError(f"AUTOHEAL_ENGINE={choice!r}: must be one of {', '.join(ENGINES)}")
    return choice


def for_ruleset(ruleset: RuleSet) -> Engine:
    """The engine for ``ruleset`` (built once per rule set and kept on it)."""
    choice = wanted()
    cache = ruleset.engines
    if choice not in cache:
        cache[choice] = _build(ruleset, choice)
    found: Engine = cache[choice]
    return found


def _build(ruleset: RuleSet, choice: str) -> Engine:
    from autoheal.engine_re2 import Re2Engine

    if choice == "re2":
        return Re2Engine(ruleset)
    try:
        from autoheal import engine_hs
    except ImportError:
        if choice == "hyperscan":
            raise ConfigError(
                "AUTOHEAL_ENGINE=hyperscan, but the hyperscan package is not installed: pip install 'autoheal[fast]'"
            ) from None
        return Re2Engine(ruleset)
    try:
        return engine_hs.HyperscanEngine(ruleset)
    except engine_hs.Unavailable as exc:
        if choice == "hyperscan":
            raise ConfigError(f"AUTOHEAL_ENGINE=hyperscan, but Hyperscan cannot run here: {exc}") from None
        return Re2Engine(ruleset)
