"""Rules: load, validate and compile the built-in catalogue and user rules.

Every pattern is compiled with RE2 at load time, so a user rule can never make
triage super-linear on a hostile log, and a bad pattern is reported with the
file, rule and key that hold it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import re2
import yaml

from autoheal import diskcache, prefilterre2
from autoheal.errors import ConfigError
from autoheal.matcher import PatternMatcher
from autoheal.models import CATEGORIES
from autoheal.prefilter import Parts
from autoheal.prefiltercache import prefilter_of
from autoheal.prefilterre2 import MATCHER_MEM, Prefilters, raw_searcher
from autoheal.prefilterre2 import options as _options

BUILTIN_RULES = Path(__file__).with_name("rules.yaml")
SEVERITIES = ("error", "warning")
_RULE_KEYS = {
    "id",
    "category",
    "doc",
    "patterns",
    "exclude",
    "confidence",
    "priority",
    "severity",
    "hint",
    "context",
    "examples",
}
# libyaml's loader reads the 245-rule catalogue in a tenth of the time; every
# CLI run pays for it, so use it where the wheel ships it.
YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DEFAULT_CONTEXT = (3, 12)
_MAX_CONTEXT = 40


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
    context_before: int = _DEFAULT_CONTEXT[0]
    context_after: int = _DEFAULT_CONTEXT[1]
    source: str = ""

    # Compiled on first use: most rules never see a candidate line, and compiling
    # all 1,000 of the catalogue's was a fifth of a triage's start-up.
    @cached_property
    def _compiled(self) -> tuple[Any, ...]:
        return tuple(_compile(p, self.source, self.id, "patterns") for p in self.patterns)

    @cached_property
    def _excluded(self) -> tuple[Any, ...]:
        return tuple(_compile(p, self.source, self.id, "exclude") for p in self.exclude)

    @cached_property
    def _exclude_search(self) -> Callable[[bytes, int, int], int]:
        """The excludes as one regex (any one drops the line), searched without match objects."""
        joined = "|".join(f"(?:{x.pattern})" for x in self._excluded)  # each compiled alone first: errors name it
        return raw_searcher(_compile(joined, self.source, self.id, "exclude"))

    @cached_property
    def _named(self) -> tuple[tuple[tuple[str, int], ...], ...]:
        return tuple(tuple(regex.groupindex.items()) for regex in self._compiled)

    def excluded(self, line: str, data: bytes | None = None) -> bool:
        """Does one of the rule's excludes match ``line`` (``data``: the line in UTF-8, when at hand)?"""
        data = line.encode() if data is None else data
        return self._exclude_search(data, 0, len(data)) >= 0

    def captures(self, index: int, line: str, data: bytes | None = None) -> dict[str, str]:
        """The named groups pattern ``index`` finds in ``line`` (which it matches), as ``match`` gives them.

        From the bare byte spans of google-re2's compiled object where it has one:
        the public API's match object cost a few microseconds a hit.
        """
        names = self._named[index]
        if not names:
            return {}
        regex = self._compiled[index]
        inner = getattr(regex, "_regexp", None)
        if inner is not None and prefilterre2.UNANCHORED is not None:
            data = line.encode() if data is None else data
            spans = inner.Match(prefilterre2.UNANCHORED, data, 0, len(data))
            try:
                return {
                    name: data[spans[g][0] : spans[g][1]].decode()
                    for name, g in names
                    if spans[g][1] > spans[g][0] >= 0
                }
            except UnicodeDecodeError:
                pass  # a user pattern's \C split a character: the public API's offsets
        m = regex.search(line)
        return {k: v for k, v in m.groupdict().items() if v} if m else {}

    def search(self, index: int, line: str, data: bytes | None = None) -> dict[str, str] | None:
        """The named groups of pattern ``index``'s first match in ``line`` (as ``match`` gives them), or None.

        For an engine that knows which pattern may match (engine_hs): one search of that pattern only.
        """
        regex = self._compiled[index]
        inner = getattr(regex, "_regexp", None)
        if inner is not None and prefilterre2.UNANCHORED is not None:
            data = line.encode() if data is None else data
            spans = inner.Match(prefilterre2.UNANCHORED, data, 0, len(data))
            if spans[0][0] < 0:
                return None
            try:
                return {
                    name: data[spans[g][0] : spans[g][1]].decode()
                    for name, g in self._named[index]
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


@dataclass(frozen=True)
class RuleSet:
    """Compiled rules plus the matchers the scanner uses."""

    rules: tuple[Rule, ...]
    pattern_rule: tuple[int, ...]  # pattern index (rules' patterns in order) -> rule index
    parts: Parts = field(default_factory=Parts, compare=False)  # what ``prefilter`` is built from
    engines: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # engine.for_ruleset's

    @cached_property
    def prefilter(self) -> Prefilters:
        """The RE2 passes over raw chunks, a superset of every pattern and section marker (Prefilters)."""
        return Prefilters(self.parts)

    @cached_property
    def _matcher(self) -> PatternMatcher:
        patterns = [p for rule in self.rules for p in rule.patterns]
        for index, pattern in enumerate(patterns):
            if not pattern:
                self._bad(index)
        return PatternMatcher(patterns, _options, MATCHER_MEM, self._bad)

    def _bad(self, index: int) -> None:
        """Raise the ConfigError that names the rule and pattern ``index`` (RE2 rejected it)."""
        rule = self.rules[self.pattern_rule[index]]
        rule._compiled  # noqa: B018 - compiling the rule's patterns raises it

    @cached_property
    def _first_pattern(self) -> tuple[int, ...]:
        """Rule index -> the pattern index of its first pattern."""
        firsts: list[int] = []
        for index, rule in enumerate(self.pattern_rule):
            if rule == len(firsts):
                firsts.append(index)
        return tuple(firsts)

    def hits(self, line: str) -> list[tuple[Rule, dict[str, str]]]:
        """The rules ``line`` (normalised) is a hit for, in catalogue order, with their captures: ``Rule.match``.

        One matcher call names every pattern the line matches; a rule's first one
        gives the captures, and its excludes are searched only then.
        """
        out = []
        decided = -1
        data: bytes | None = None
        for pattern in self._matcher.match(line):
            index = self.pattern_rule[pattern]
            if index != decided:
                decided = index
                rule = self.rules[index]
                data = line.encode() if data is None else data
                if not (rule.exclude and rule.excluded(line, data)):
                    out.append((rule, rule.captures(pattern - self._first_pattern[index], line, data)))
        return out

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def _fail(source: str, rule_id: str | None, key: str | None, message: str) -> ConfigError:
    where = source
    if rule_id:
        where += f": rule {rule_id!r}"
    if key:
        where += f", key {key!r}"
    return ConfigError(f"{where}: {message}")


def _compile(pattern: Any, source: str, rule_id: str, key: str) -> Any:
    if not isinstance(pattern, str) or not pattern:
        raise _fail(source, rule_id, key, "patterns must be non-empty strings")
    try:
        return re2.compile(pattern, _options())
    except re2.error as exc:
        detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise _fail(source, rule_id, key, f"pattern {pattern!r} is not valid RE2 ({detail})") from None


def _string_list(raw: Mapping[str, Any], key: str, source: str, rule_id: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(source, rule_id, key, "must be a string or a list of strings")
    return tuple(value)


def _number(raw: Mapping[str, Any], key: str, default: float, lo: float, hi: float, source: str, rule_id: str) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
        raise _fail(source, rule_id, key, f"must be a number from {lo:g} to {hi:g}")
    return float(value)


def _context(raw: Mapping[str, Any], source: str, rule_id: str, base: tuple[int, int]) -> tuple[int, int]:
    ctx = raw.get("context")
    if ctx is None:
        return base
    if not isinstance(ctx, dict) or set(ctx) - {"before", "after"}:
        raise _fail(source, rule_id, "context", "must be a mapping with 'before' and/or 'after'")
    before = int(_number(ctx, "before", base[0], 0, _MAX_CONTEXT, source, rule_id))
    after = int(_number(ctx, "after", base[1], 0, _MAX_CONTEXT, source, rule_id))
    return before, after


def _check_keys(raw: Mapping[str, Any], source: str, rule_id: str) -> None:
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        allowed = ", ".join(sorted(_RULE_KEYS))
        raise _fail(source, rule_id, unknown[0], f"unknown option (allowed: {allowed})")


def build_rule(raw: Any, source: str, base: Rule | None = None, check: bool = True) -> Rule:
    """Validate one rule mapping (merged over ``base`` when it overrides a rule).

    With ``check`` its patterns are compiled now, so a bad one is reported at load
    time; the built-in catalogue (tested) compiles each rule on first use.
    """
    if not isinstance(raw, dict):
        raise _fail(source, None, None, "every rule must be a mapping")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id.strip():
        raise _fail(source, None, "id", "every rule needs a non-empty string id")
    _check_keys(raw, source, rule_id)
    category = raw.get("category", base.category if base else None)
    if category not in CATEGORIES:
        raise _fail(source, rule_id, "category", f"{category!r} is not one of: {', '.join(CATEGORIES)}")
    patterns = _string_list(raw, "patterns", source, rule_id) if "patterns" in raw else (base.patterns if base else ())
    if not patterns:
        raise _fail(source, rule_id, "patterns", "a rule needs at least one pattern")
    exclude = _string_list(raw, "exclude", source, rule_id) if "exclude" in raw else (base.exclude if base else ())
    severity = raw.get("severity", base.severity if base else "error")
    if severity not in SEVERITIES:
        raise _fail(source, rule_id, "severity", f"must be one of {', '.join(SEVERITIES)}")
    defaults = base or Rule(id=rule_id, category=category, patterns=patterns)
    for key in ("doc", "hint"):
        if key in raw and not isinstance(raw[key], str):
            raise _fail(source, rule_id, key, "must be a string")
    before, after = _context(raw, source, rule_id, (defaults.context_before, defaults.context_after))
    rule = Rule(
        id=rule_id,
        category=category,
        patterns=patterns,
        doc=raw.get("doc", defaults.doc),
        exclude=exclude,
        confidence=_number(raw, "confidence", defaults.confidence, 0, 1, source, rule_id),
        priority=int(_number(raw, "priority", defaults.priority, 0, 100, source, rule_id)),
        severity=severity,
        hint=raw.get("hint", defaults.hint),
        context_before=before,
        context_after=after,
        source=source,
    )
    if check:
        rule._compiled, rule._excluded  # noqa: B018 - compiled now: a bad pattern is an error at load time
    return rule


def compile_ruleset(rules: Iterable[Rule]) -> RuleSet:
    rules = tuple(rules)
    pattern_rule = tuple(index for index, rule in enumerate(rules) for _ in rule.patterns)
    parts = prefilter_of([p for r in rules for p in r.patterns])
    return RuleSet(rules=rules, pattern_rule=pattern_rule, parts=parts)


def load_rule_file(path: Path) -> list[Any]:
    """Read the ``rules`` list of a rules YAML file (the built-in catalogue's format)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read rules: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ConfigError(f"{path}: expected a mapping with a 'rules' list")
    rules: list[Any] = data["rules"]
    return rules


def merge_rules(base: Iterable[Rule], overrides: Iterable[Any], disable: Iterable[str], source: str) -> list[Rule]:
    """Apply user rules over ``base``: same id overrides (field by field), new ids add."""
    merged = {r.id: r for r in base}
    for raw in overrides:
        rule_id = raw.get("id") if isinstance(raw, dict) else None
        rule = build_rule(raw, source, merged.get(rule_id) if isinstance(rule_id, str) else None)
        merged[rule.id] = rule
    for rule_id in disable:
        if rule_id not in merged:
            raise ConfigError(f"{source}: disable_rules names unknown rule {rule_id!r}")
        del merged[rule_id]
    return list(merged.values())


def _builtin_raw() -> list[Any]:
    """The catalogue's rule mappings; parsed once per catalogue and then read as JSON (10x faster than YAML)."""
    try:
        text = BUILTIN_RULES.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{BUILTIN_RULES}: cannot read rules: {exc}") from None
    digest = diskcache.key([hashlib.sha256(text).hexdigest()])
    found = diskcache.load("catalogue", digest)
    if found is not None:
        try:
            data = json.loads(found)
            if isinstance(data, list):
                return data
        except ValueError:
            pass  # damaged: parse the YAML again
    rules = load_rule_file(BUILTIN_RULES)
    payload = json.dumps(rules)
    if json.loads(payload) == rules:  # only what JSON keeps exactly (no dates, no integer keys)
        diskcache.store("catalogue", digest, payload.encode())
    return rules


def builtin_rules() -> list[Rule]:
    source = str(BUILTIN_RULES.name)
    rules = [build_rule(raw, source, check=False) for raw in _builtin_raw()]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise ConfigError(f"{source}: rule {rule.id!r} is defined twice")
        seen.add(rule.id)
    return rules


def default_ruleset() -> RuleSet:
    return compile_ruleset(builtin_rules())
