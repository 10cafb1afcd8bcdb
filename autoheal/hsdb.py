"""The Hyperscan databases of a rule set (engine_hs.py scans with them): what goes in, compiled once, cached on disk.

The region database holds every prefilter part Hyperscan reads as RE2 does
(hsregex.py), the section markers (id 0; their literals SURE_MARKER_ID), the error blocks' openers
(OPENER_ID, blockopeners.OPENER_PARTS), and the few characters that make a line a candidate whatever it holds; the parts it
cannot read are left to RE2.
The line database holds every rule pattern and exclude, each as it is when
Hyperscan reads it as RE2 does, else as a literal each of its matches holds.

Both are serialised into the disk cache (diskcache.py) under the hash of the
patterns, the markers, this code and the library version: compiling them takes
~0.2 s, loading them 0.1 ms.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import hyperscan

from autoheal import diskcache, hsregex
from autoheal.blockopeners import OPENER_PARTS
from autoheal.hsregex import hyperscan_safe, parsed, required_literal, requires_wide, without_word_boundaries
from autoheal.markers import MARKER_LITERALS, MARKER_STARTS
from autoheal.prefilter import _literal
from autoheal.sections import MARKER_BYTES

if TYPE_CHECKING:
    from autoheal.rules import RuleSet

MARKER_ID = 0
# The markers' literal alternatives, when they are literals: a match of one lies inside the line RE2
# would flag for it, so those lines need no RE2 confirmation (above any part's id).
SURE_MARKER_ID = 1 << 30
OPENER_ID = SURE_MARKER_ID + 1  # the error blocks' openers (blockopeners.py): RE2 confirms each line
# The two non-ASCII characters RE2's case folding maps onto ASCII letters (Kelvin sign, long s).
FOLDED = ("\u212a", "\u017f")
# Lines holding these are always candidates: the folds above, and the vertical tab (in RE2's
# \S, Hyperscan's \s).
_TRIGGERS = (*FOLDED, "\x0b")


class Unavailable(Exception):
    """Hyperscan cannot run here (CPU without SSSE3, a database it rejects)."""


# (id, regex, Hyperscan flags)
Expr = tuple[int, str, int]


def region_exprs(ruleset: RuleSet) -> tuple[list[Expr], list[str]]:
    """The region pass: markers (id 0), openers and every prefilter part Hyperscan reads as RE2 does; the rest as regexes."""
    parts = ruleset.parts
    safe = all(hyperscan_safe(part) for part in OPENER_PARTS)
    exprs: list[Expr] = [(OPENER_ID, without_word_boundaries(part), 0) for part in OPENER_PARTS] if safe else []
    leftover: list[str] = []
    if hyperscan_safe(MARKER_BYTES.decode()):
        if _literals_only(MARKER_LITERALS):
            exprs += [(SURE_MARKER_ID, MARKER_LITERALS.decode(), 0), (MARKER_ID, MARKER_STARTS.decode(), 0)]
        else:
            exprs.append((MARKER_ID, MARKER_BYTES.decode(), 0))
    items = [(_literal(lit, False), 0) for lit in parts.exact]
    for lit in parts.folded:
        if lit.isascii():
            items.append((_literal(lit, False), hyperscan.HS_FLAG_CASELESS))
        else:
            leftover.append(_literal(lit, True))
    for regex in parts.pairs + parts.weak:
        if hyperscan_safe(regex):
            items.append((without_word_boundaries(regex), 0))
        else:
            leftover.append(regex)
    items += [("".join(f"\\x{b:02x}" for b in lit.encode()), 0) for lit in _TRIGGERS]
    exprs += [(index, regex, flags) for index, (regex, flags) in enumerate(items, start=1)]
    return exprs, leftover


def _literals_only(alternation: bytes) -> bool:
    """Whether each alternative of the regex is a literal without a newline (escapes aside)."""
    plain = re.sub(rb"\\[^A-Za-z0-9]", b"", alternation)  # ``\[``, ``\"``: an escaped punctuation character
    return not re.search(rb"[\\.^$*+?{}\[\]()\n]", plain)


def line_regexes(ruleset: RuleSet) -> list[str]:
    """The line pass's regexes by id: every rule pattern (its index in the RE2 set), then every exclude."""
    return [p for r in ruleset.rules for p in r.patterns] + [x for r in ruleset.rules for x in r.exclude]


def line_exprs(ruleset: RuleSet) -> tuple[list[Expr], list[int], list[int]]:
    """The line pass: each pattern and exclude Hyperscan reads as RE2 does, else a literal each match holds.

    Also by id: the rest, and those of the rest that only match a line holding non-ASCII.
    """
    exprs: list[Expr] = []
    residual: list[int] = []
    wide: list[int] = []
    for i, regex in enumerate(line_regexes(ruleset)):
        safe = hyperscan_safe(regex)
        literal = None if safe else required_literal(regex)
        tree = None if safe or literal else parsed(regex)
        if safe:
            exprs.append((i, regex, hyperscan.HS_FLAG_SINGLEMATCH))
        elif literal is not None:
            caseless = hyperscan.HS_FLAG_CASELESS if literal[1] else 0
            exprs.append((i, literal[0], hyperscan.HS_FLAG_SINGLEMATCH | caseless))
        elif tree is not None and requires_wide(tree):
            wide.append(i)
        else:
            residual.append(i)
    return exprs, residual, wide


def _compile(exprs: list[Expr]) -> Any:
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(
        expressions=[e.encode() for _, e, _ in exprs], ids=[i for i, _, _ in exprs], flags=[f for _, _, f in exprs]
    )
    return db


def _accepted(expr: Expr) -> bool:
    try:
        _compile([expr])
    except hyperscan.error:
        return False
    return True


def _compile_all(exprs: list[Expr]) -> tuple[Any, list[Expr]]:
    """The database of what Hyperscan accepts (None if nothing), and what it rejects (one that can match empty, say)."""
    try:
        return (_compile(exprs) if exprs else None), []
    except hyperscan.error:
        pass
    kept = [e for e in exprs if _accepted(e)]
    rejected = [e for e in exprs if e not in kept]
    try:
        return (_compile(kept) if kept else None), rejected
    except hyperscan.error as exc:
        raise Unavailable(str(exc)) from None


def _ignore(*_: object) -> None:
    """A match handler for the probe scan, which only checks that the database runs here."""


def _machine() -> str:
    """``platform.machine()`` without importing platform (~8 M instructions at start-up, issue 14):
    on POSIX it is ``os.uname().machine``."""
    if hasattr(os, "uname"):
        return os.uname().machine
    import platform

    return platform.machine()


def _key(ruleset: RuleSet, kind: str) -> str:
    from autoheal.prefiltercache import patterns_key

    code = diskcache.code_digests((Path(__file__), Path(hsregex.__file__)))
    version = f"{getattr(hyperscan, '__version__', '')} {_machine()}"
    patterns = patterns_key(line_regexes(ruleset))
    return diskcache.key([kind, patterns, version, MARKER_BYTES.hex(), *OPENER_PARTS], code)


def cached(ruleset: RuleSet, kind: str, build: Callable[[], tuple[Any, Any]]) -> tuple[Any, Any]:
    """(database or None, JSON-able rest) from the disk cache, else ``build()`` stored there."""
    digest = _key(ruleset, kind)
    payload = diskcache.load(kind, digest)
    if payload is not None and len(payload) >= 4:
        size = int.from_bytes(payload[:4], "little")
        try:
            rest = json.loads(payload[4 : 4 + size])
            blob = payload[4 + size :]
            db = hyperscan.loadb(blob, hyperscan.HS_MODE_BLOCK) if blob else None
            if db is not None:  # a database built for another CPU fails here, not in the middle of a log
                db.scan(b"probe\n", match_event_handler=_ignore, scratch=hyperscan.Scratch(db))
            return db, rest
        except (ValueError, hyperscan.error):
            pass  # damaged, or serialised by another build of the library or for another CPU: compile again
    db, rest = build()
    meta = json.dumps(rest).encode()
    blob = hyperscan.dumpb(db) if db is not None else b""
    diskcache.store(kind, digest, len(meta).to_bytes(4, "little") + meta + blob)
    return db, rest


def build_region(ruleset: RuleSet) -> tuple[Any, Any]:
    exprs, leftover = region_exprs(ruleset)
    db, rejected = _compile_all(exprs)
    ids = (MARKER_ID, SURE_MARKER_ID, OPENER_ID)
    markers = any(i == MARKER_ID for i, _, _ in exprs) and all(i not in ids[:2] for i, _, _ in rejected)
    openers = any(i == OPENER_ID for i, _, _ in exprs) and all(i != OPENER_ID for i, _, _ in rejected)
    leftover += [f"(?i:{e})" if f & hyperscan.HS_FLAG_CASELESS else e for i, e, f in rejected if i not in ids]
    return db, {"leftover": leftover, "markers": markers, "openers": openers}


def build_lines(ruleset: RuleSet) -> tuple[Any, Any]:
    exprs, residual, wide = line_exprs(ruleset)
    db, rejected = _compile_all(exprs)
    return db, {"residual": sorted(residual + [i for i, _, _ in rejected]), "wide": wide}


def strings(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise Unavailable("damaged cache entry")
    return value
