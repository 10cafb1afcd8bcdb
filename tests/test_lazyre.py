"""lazyre: the same results as ``re``, compiled only on first use, and no bad pattern hiding."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import autoheal
from autoheal import lazyre


def test_not_compiled_until_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda p, f=0: calls.append(p) or real(p, f))
    pattern = lazyre.compile(r"err(or)?", re.IGNORECASE)
    assert calls == []
    assert pattern.search("an ERROR here") is not None
    assert pattern.findall("error err") == ["or", ""]
    assert calls == [r"err(or)?"]  # once, whatever is called after


def test_same_results_and_attributes_as_re() -> None:
    source = r"(?P<word>\w+)-(\d+)"
    lazy, real = lazyre.compile(source), re.compile(source)
    text = "a-1 bb-22 c"
    assert lazy.sub(r"\2", text) == real.sub(r"\2", text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert (lazy.groupindex, lazy.groups, lazy.pattern, lazy.flags) == (
        real.groupindex,
        real.groups,
        real.pattern,
        real.flags,
    )
    assert lazyre.compile(rb"\d+").findall(b"a1b22") == [b"1", b"22"]


def test_methods_are_the_compiled_patterns_own_after_first_use() -> None:
    pattern = lazyre.compile("x")
    pattern.match("x")
    assert pattern.match == re.compile("x").match  # no Python frame between the caller and re


def test_a_bad_pattern_fails_at_first_use_and_compile_all_finds_it() -> None:
    module = type(re)("fake")
    module.BAD = (lazyre.compile("("), "replacement")
    with pytest.raises(re.error):
        lazyre.compile_all(module)


def test_every_lazy_pattern_of_the_package_compiles() -> None:
    # A typo in a pattern shows at first use: this compiles each one every module holds, now.
    total = 0
    for info in pkgutil.walk_packages(autoheal.__path__, "autoheal."):
        if info.name.endswith("__main__"):  # importing it runs the CLI
            continue
        total += lazyre.compile_all(importlib.import_module(info.name))
    assert total > 0
