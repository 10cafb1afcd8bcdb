"""The derived prefilter (prefilter.py), cached on disk keyed by the patterns and the deriving code."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from autoheal import diskcache
from autoheal.prefilter import Parts, prefilter_parts
from autoheal.regex_core import line_confined


def _relax(pattern: str) -> str:
    """Drop anchors so the prefilter also matches raw lines (timestamps, markers before them)."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif ch in "^$" and not in_class:
            continue
        out.append(ch)
    return "".join(out)


# What the derived prefilter (and so the Hyperscan databases, hsdb._key) depends on besides the
# patterns: every module whose code runs while deriving it. A module missing here would let an edit
# to it reuse a stale cache; tests/test_prefiltercache.py traces the derivation to check the list.
_DERIVERS = tuple(
    Path(__file__).with_name(name)
    for name in (
        "prefilter.py",
        "prefilterneeds.py",
        "prefilterpairs.py",
        "prefiltercache.py",
        "regex_core.py",
        "regexparse.py",
    )
)


def patterns_key(patterns: Iterable[str]) -> str:
    """The cache key of what is derived from ``patterns`` (and from the code deriving it)."""
    return diskcache.key(diskcache.code_digests(_DERIVERS), list(patterns))


def confined(source: str) -> bool:
    """``line_confined`` of a prefilter source, from the disk cache: parsing the catalogue's
    38 KB alternation with Python's parser took ~60 ms of every RE2 triage's start-up."""
    payload = diskcache.cached(
        "confined",
        diskcache.key(diskcache.code_digests(_DERIVERS), [source]),
        lambda: b"1" if line_confined(source) else b"0",
    )
    return payload == b"1" if payload in (b"0", b"1") else line_confined(source)


def prefilter_of(patterns: list[str]) -> Parts:
    """The prefilter of ``patterns``, from the disk cache when it was derived before (see diskcache)."""
    digest = patterns_key(patterns)
    parts = _load(digest)
    if parts is None:
        parts = prefilter_parts(patterns, _relax)
        diskcache.store("prefilter", digest, json.dumps(parts.to_json()).encode())
    if len(_LOADED) >= 4:
        _LOADED.clear()
    _LOADED[digest] = parts
    return parts


# The prefilters this process read or derived last, by key: the rule set asks for one, then its matcher its keys.
_LOADED: dict[str, Parts] = {}


def _load(digest: str) -> Parts | None:
    found = diskcache.load("prefilter", digest)
    if found is None:
        return None
    try:
        return Parts.from_json(json.loads(found))
    except ValueError:
        return None  # written by another version, or damaged: derive it again


def keys_of(patterns: list[str]) -> tuple[tuple[str, ...], ...]:
    """Per pattern, the regexes one of which each of its matches holds (``Parts.keys``)."""
    parts = _LOADED.get(patterns_key(patterns))
    return (parts or prefilter_of(patterns)).keys
