"""One classification rule: its fields, and its RE2 patterns compiled on first use.

A pattern RE2 rejects is a ConfigError naming the file, rule and key that hold it
(``config_error``), whether it is compiled at load time or on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import re2

from autoheal import re2api
from autoheal.errors import ConfigError
from autoheal.prefilterre2 import raw_searcher
from autoheal.re2api import options as _options

DEFAULT_CONTEXT = (3, 12)
# A pattern compiled: the regex, its bare spans (None without google-re2's compiled object), its named groups.
_Compiled = tuple[Any, Callable[[bytes, int, int], re2api.Spans] | None, tuple[tuple[str, int], ...]]


@dataclass(frozen=True)
class Rule:
    """One classification rule; see rules.yaml for the documented fields."""

    id: str
    category: str
    patterns: tuple[str, ...]
    doc: str = ""
    exclude: tuple[str, ...] = ()
    confidence: float = 0.7
    priority: int = 50
    severity: str = "error"
    hint: str = ""
    context_before: int = DEFAULT_CONTEXT[0]
    context_after: int = DEFAULT_CONTEXT[1]
    source: str = ""
    # Whether re-running unchanged may pass; None: the category says (models.TRANSIENT_CATEGORIES).
    # A rule says so itself when its failure differs from its category's: a dirty reused checkout
    # is the platform's fault (infrastructure), yet a re-run on it fails the same way.
    transient: bool | None = None
    # A hit that only sums up errors printed above it (Maven's ``Failed to execute goal ...maven-compiler-plugin``,
    # cargo's ``could not compile``): the first of those errors is the anchor; the rule still names the failure.
    summary: bool = False

    # Compiled on first use: most rules never see a candidate line, and compiling
    # all 1,000 of the catalogue's was a fifth of a triage's start-up.
    @cached_property
    def _compiled(self) -> tuple[Any, ...]:
        return tuple(self._pattern(index)[0] for index in range(len(self.patterns)))

    @cached_property
    def _slots(self) -> list[_Compiled | None]:
        return [None] * len(self.patterns)

    def _pattern(self, index: int) -> _Compiled:
        """Pattern ``index`` compiled, with its bare spans and its named groups, on its own first use.

        The Hyperscan engine names the one pattern of a rule that may match a line (``search``): compiling
        all of the rule's then compiled 549 patterns where 218 were searched, on 68 MB of real logs.
        """
        slot = self._slots[index]
        if slot is None:
            regex = _compile(self.patterns[index], self.source, self.id, "patterns")
            slot = self._slots[index] = (regex, re2api.spans(regex), tuple(regex.groupindex.items()))
        return slot

    @cached_property
    def _excluded(self) -> tuple[Any, ...]:
        return tuple(_compile(p, self.source, self.id, "exclude") for p in self.exclude)

    @cached_property
    def _exclude_search(self) -> Callable[[bytes, int, int], int]:
        """The excludes as one regex (any one drops the line), searched without match objects."""
        joined = "|".join(f"(?:{x.pattern})" for x in self._excluded)  # each compiled alone first: errors name it
        return raw_searcher(_compile(joined, self.source, self.id, "exclude"))

    def compile_now(self) -> None:
        """Compile every pattern and exclude, so a bad one is an error at load time."""
        self._compiled, self._excluded  # noqa: B018 - the cached properties raise ConfigError

    def excluded(self, line: str, data: bytes | None = None) -> bool:
        """Does one of the rule's excludes match ``line`` (``data``: the line in UTF-8, when at hand)?"""
        data = line.encode() if data is None else data
        return self._exclude_search(data, 0, len(data)) >= 0

    def captures(self, index: int, line: str, data: bytes | None = None) -> dict[str, str]:
        """The named groups pattern ``index`` finds in ``line`` (which it matches), as ``match`` gives them."""
        if not self._pattern(index)[2]:
            return {}
        return self.search(index, line, data) or {}

    def search(self, index: int, line: str, data: bytes | None = None) -> dict[str, str] | None:
        """The named groups of pattern ``index``'s first match in ``line`` (as ``match`` gives them), or None.

        For an engine that knows which pattern may match (engine_hs): one search of that pattern only.
        From the bare byte spans of google-re2's compiled object where it has one:
        the public API's match object cost a few microseconds a hit.
        """
        regex, match, named = self._pattern(index)
        if match is not None:
            data = line.encode() if data is None else data
            spans = match(data, 0, len(data))
            if spans[0][0] < 0:
                return None
            try:
                return {
                    name: data[spans[g][0] : spans[g][1]].decode()
                    for name, g in named
                    if spans[g][1] > spans[g][0] >= 0
                }
            except UnicodeDecodeError:
                pass  # a user pattern's \C split a character: the public API's offsets
        m = regex.search(line)
        return {k: v for k, v in m.groupdict().items() if v} if m else None

    def match(self, line: str) -> dict[str, str] | None:
        """Return the named captures when ``line`` is a hit, else None."""
        if self.exclude and self.excluded(line):
            return None
        for regex in self._compiled:
            m = regex.search(line)
            if m:
                return {k: v for k, v in m.groupdict().items() if v}
        return None


def config_error(source: str, rule_id: str | None, key: str | None, message: str) -> ConfigError:
    """The error for a bad rule, naming its file, rule and key."""
    where = source
    if rule_id:
        where += f": rule {rule_id!r}"
    if key:
        where += f", key {key!r}"
    return ConfigError(f"{where}: {message}")


def _compile(pattern: Any, source: str, rule_id: str, key: str) -> Any:
    if not isinstance(pattern, str) or not pattern:
        raise config_error(source, rule_id, key, "patterns must be non-empty strings")
    try:
        return re2.compile(pattern, _options())
    except re2.error as exc:
        detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise config_error(source, rule_id, key, f"pattern {pattern!r} is not valid RE2 ({detail})") from None
