"""Python ``re`` patterns compiled on first use, for module-level patterns most logs never need.

``re.compile`` runs in Python (its parser and compiler are pure Python): the ~220 patterns the modules
of a triage compiled at import were ~150 M instructions, a sixth of a 3-line log's triage, and such a
log used half of them (issue 14). ``lazyre.compile`` takes the same arguments and returns a stand-in
that compiles on the first attribute read; the compiled pattern's methods then live on the stand-in,
so later calls cost what calling the compiled pattern's own methods does (one attribute read, no
Python frame between). What it cannot be is an ``re.Pattern`` instance: pass ``p.search``, not ``p``,
to ``re.sub`` and friends. A pattern's syntax error shows at first use, not at import:
``compile_all`` (tests/test_lazyre.py runs it over every module) compiles each one a module holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from types import ModuleType
from typing import Any, AnyStr, cast

# What is copied onto the stand-in on first use (the methods the code calls per line).
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn")


class LazyPattern:
    """``re.compile(pattern, flags)`` on the first attribute read; after it, the pattern's own methods."""

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[Any] | None = None

    def __getattr__(self, name: str) -> Any:
        # Called only for what the instance lacks: the first read of a method, or an attribute the
        # instance does not copy (``groupindex``, ``pattern``...), read from the one compiled pattern.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def compiled(self) -> re.Pattern[Any]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
            for method in _METHODS:
                setattr(self, method, getattr(self._compiled, method))
        return self._compiled

    def __repr__(self) -> str:
        return f"lazyre.compile({self._source[0]!r}, {self._source[1]!r})"


def compile(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """What ``re.compile`` returns, compiled on first use (typed as the pattern it stands for)."""
    return cast("re.Pattern[AnyStr]", LazyPattern(pattern, int(flags)))


def compile_all(module: ModuleType) -> int:
    """Compile every lazy pattern ``module`` holds at its top level (in tuples, lists and dicts too);
    how many. A test's way to keep a bad pattern from hiding until the log that needs it."""
    found = [p for value in vars(module).values() for p in _lazy_in(value, 2)]
    for pattern in found:
        pattern.compiled()
    return len(found)


def _lazy_in(value: object, depth: int) -> Iterable[LazyPattern]:
    if isinstance(value, LazyPattern):
        yield value
    elif depth and isinstance(value, (tuple, list)):
        for item in value:
            yield from _lazy_in(item, depth - 1)
    elif depth and isinstance(value, dict):
        for item in value.values():
            yield from _lazy_in(item, depth - 1)
