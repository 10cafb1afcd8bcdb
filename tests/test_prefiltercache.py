"""The disk cache of the derived prefilter (and of the Hyperscan databases built from it) is keyed on
the code that derives it: every module whose code runs while deriving must be hashed into the key."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import autoheal
from autoheal import prefiltercache
from autoheal.prefilter import prefilter_parts
from autoheal.regex_core import line_confined
from autoheal.rules import compile_ruleset, default_ruleset

PKG = Path(autoheal.__file__).resolve().parent
DERIVERS = {p.resolve() for p in prefiltercache._DERIVERS}


def _modules_run_by(work: Callable[[], object]) -> set[Path]:
    """The package's files whose Python functions ``work`` calls (a profile hook sees every call)."""
    seen: set[str] = set()

    def hook(frame: FrameType, event: str, _: Any) -> None:
        if event == "call":
            seen.add(frame.f_code.co_filename)

    sys.setprofile(hook)
    try:
        work()
    finally:
        sys.setprofile(None)
    files = {Path(f).resolve() for f in seen if f.endswith(".py")}
    return {f for f in files if f.is_relative_to(PKG)}


PATTERNS = [p for r in default_ruleset().rules for p in r.patterns]


def _derive() -> None:
    parts = prefilter_parts(PATTERNS, prefiltercache._relax)
    for source in parts.sources():
        line_confined(source)  # prefiltercache.confined caches this on the same key


def test_every_module_that_derives_the_prefilter_is_in_the_cache_key() -> None:
    ran = _modules_run_by(_derive)
    assert {f.name for f in ran - DERIVERS} == set()  # run but not hashed: an edit would reuse a stale cache
    assert {f.name for f in DERIVERS - ran} == set()  # hashed but not run: every edit would invalidate it for nothing
    assert {p.exists() for p in prefiltercache._DERIVERS} == {True}


def test_the_hyperscan_databases_key_covers_the_code_that_builds_their_expressions() -> None:
    hsdb = pytest.importorskip("autoheal.hsdb")
    ruleset = compile_ruleset(default_ruleset().rules)  # its prefilter derived (or loaded) before the trace
    ran = _modules_run_by(lambda: (hsdb.region_exprs(ruleset), hsdb.line_exprs(ruleset)))
    hashed = DERIVERS | {Path(hsdb.__file__).resolve(), Path(hsdb.hsregex.__file__).resolve()}  # hsdb._key
    assert {f.name for f in ran - hashed} == set()
