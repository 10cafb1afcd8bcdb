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

import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import ModuleType
from typing import Any, AnyStr, Protocol, cast

# What is copied onto the stand-in on first use (the methods the code calls per line).
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn")


class Deferred:
    """An object ``build()`` makes on the first attribute read; after it, the ``methods`` named are the
    built object's own, set on the stand-in, so later calls cost one attribute read and no Python frame.
    Python ``re`` patterns here, RE2 ones in linear.Lazy."""

    def __init__(self, build: Callable[[], Any], methods: tuple[str, ...]) -> None:
        self._build = build
        self._methods = methods
        self._compiled: Any = None

    def __getattr__(self, name: str) -> Any:
        # Called only for what the instance lacks: the first read of a method, or an attribute the
        # instance does not copy (``groupindex``, ``pattern``...), read from the one built object.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def compiled(self) -> Any:
        """The built object (built now if it was not yet)."""
        if self._compiled is None:
            self._compiled = self._build()
            for method in self._methods:
                setattr(self, method, getattr(self._compiled, method))
        return self._compiled


class LazyPattern(Deferred):
    """``re.compile(pattern, flags)`` on the first attribute read; after it, the pattern's own methods."""

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        super().__init__(functools.partial(re.compile, pattern, flags), _METHODS)
        self._source = (pattern, flags)

    def __repr__(self) -> str:
        return f"lazyre.compile({self._source[0]!r}, {self._source[1]!r})"


class Pattern(Protocol[AnyStr]):
    """What a lazy pattern offers: ``re.Pattern``'s methods, not the type itself, so mypy refuses one where
    an ``re.Pattern`` must go (``re.sub(p, ...)`` would fail at run time)."""

    @property
    def pattern(self) -> AnyStr: ...
    @property
    def groupindex(self) -> Mapping[str, int]: ...
    def search(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[AnyStr] | None: ...
    def match(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[AnyStr] | None: ...
    def fullmatch(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[AnyStr] | None: ...
    def finditer(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[AnyStr]]: ...
    def findall(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]: ...
    def split(self, string: AnyStr, maxsplit: int = 0) -> list[AnyStr | Any]: ...
    def sub(self, repl: AnyStr | Callable[[re.Match[AnyStr]], AnyStr], string: AnyStr, count: int = 0) -> AnyStr: ...
    def subn(
        self, repl: AnyStr | Callable[[re.Match[AnyStr]], AnyStr], string: AnyStr, count: int = 0
    ) -> tuple[AnyStr, int]: ...


def compile(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> Pattern[AnyStr]:
    """What ``re.compile`` returns, compiled on first use."""
    return cast("Pattern[AnyStr]", LazyPattern(pattern, int(flags)))


def compile_all(module: ModuleType) -> int:
    """Compile every lazy pattern ``module`` holds at its top level (in tuples, lists and dicts too), RE2's
    (linear.Lazy) as well; how many. A test's way to keep a bad pattern from hiding until the log that needs it."""
    found = [p for value in vars(module).values() for p in _lazy_in(value, 2)]
    for pattern in found:
        pattern.compiled()
    return len(found)


def _lazy_in(value: object, depth: int) -> Iterable[Deferred]:
    if isinstance(value, Deferred):
        yield value
    elif depth and isinstance(value, (tuple, list)):
        for item in value:
            yield from _lazy_in(item, depth - 1)
    elif depth and isinstance(value, dict):
        for item in value.values():
            yield from _lazy_in(item, depth - 1)
