"""Load and validate rules: the built-in catalogue (rules.yaml) and a repository's user rules.

Every key is checked at load time (``unknown option "x"``, as yamllint's rules), and an
error names the file, rule and key that hold it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from autoheal import diskcache
from autoheal.errors import ConfigError
from autoheal.models import CATEGORIES
from autoheal.rule import Rule, config_error

BUILTIN_RULES = Path(__file__).with_name("rules.yaml")
SEVERITIES = ("error", "warning")
MAX_CONTEXT = 40
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
    "transient",
    "context",
    "examples",
}
# libyaml's loader reads the 245-rule catalogue in a tenth of the time; every
# CLI run pays for it, so use it where the wheel ships it.
YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _string_list(raw: Mapping[str, Any], key: str, source: str, rule_id: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise config_error(source, rule_id, key, "must be a string or a list of strings")
    return tuple(value)


def _number(raw: Mapping[str, Any], key: str, default: float, lo: float, hi: float, source: str, rule_id: str) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
        raise config_error(source, rule_id, key, f"must be a number from {lo:g} to {hi:g}")
    return float(value)


def _context(raw: Mapping[str, Any], source: str, rule_id: str, base: tuple[int, int]) -> tuple[int, int]:
    ctx = raw.get("context")
    if ctx is None:
        return base
    if not isinstance(ctx, dict) or set(ctx) - {"before", "after"}:
        raise config_error(source, rule_id, "context", "must be a mapping with 'before' and/or 'after'")
    before = int(_number(ctx, "before", base[0], 0, MAX_CONTEXT, source, rule_id))
    after = int(_number(ctx, "after", base[1], 0, MAX_CONTEXT, source, rule_id))
    return before, after


def _check_keys(raw: Mapping[str, Any], source: str, rule_id: str) -> None:
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        allowed = ", ".join(sorted(_RULE_KEYS))
        raise config_error(source, rule_id, unknown[0], f"unknown option (allowed: {allowed})")


def _rule_id(raw: Any, source: str) -> str:
    if not isinstance(raw, dict):
        raise config_error(source, None, None, "every rule must be a mapping")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id.strip():
        raise config_error(source, None, "id", "every rule needs a non-empty string id")
    _check_keys(raw, source, rule_id)
    return rule_id


def _choice(raw: Mapping[str, Any], key: str, default: Any, allowed: Iterable[str], source: str, rule_id: str) -> str:
    value = raw.get(key, default)
    if value not in allowed:
        raise config_error(source, rule_id, key, f"{value!r} is not one of: {', '.join(allowed)}")
    return str(value)


def _patterns(raw: Mapping[str, Any], key: str, base: tuple[str, ...], source: str, rule_id: str) -> tuple[str, ...]:
    return _string_list(raw, key, source, rule_id) if key in raw else base


def build_rule(raw: Any, source: str, base: Rule | None = None, check: bool = True) -> Rule:
    """Validate one rule mapping (merged over ``base`` when it overrides a rule).

    With ``check`` its patterns are compiled now, so a bad one is reported at load
    time; the built-in catalogue (tested) compiles each rule on first use.
    """
    rule_id = _rule_id(raw, source)
    category = _choice(raw, "category", base.category if base else None, CATEGORIES, source, rule_id)
    patterns = _patterns(raw, "patterns", base.patterns if base else (), source, rule_id)
    if not patterns:
        raise config_error(source, rule_id, "patterns", "a rule needs at least one pattern")
    defaults = base or Rule(id=rule_id, category=category, patterns=patterns)
    for key in ("doc", "hint"):
        if key in raw and not isinstance(raw[key], str):
            raise config_error(source, rule_id, key, "must be a string")
    before, after = _context(raw, source, rule_id, (defaults.context_before, defaults.context_after))
    transient = raw.get("transient", defaults.transient)
    if transient is not None and not isinstance(transient, bool):
        raise config_error(source, rule_id, "transient", "must be true or false (or left out: the category decides)")
    rule = Rule(
        id=rule_id,
        category=category,
        patterns=patterns,
        doc=raw.get("doc", defaults.doc),
        exclude=_patterns(raw, "exclude", defaults.exclude, source, rule_id),
        confidence=_number(raw, "confidence", defaults.confidence, 0, 1, source, rule_id),
        priority=int(_number(raw, "priority", defaults.priority, 0, 100, source, rule_id)),
        severity=_choice(raw, "severity", defaults.severity, SEVERITIES, source, rule_id),
        hint=raw.get("hint", defaults.hint),
        context_before=before,
        context_after=after,
        source=source,
        transient=transient,
    )
    if check:
        rule.compile_now()
    return rule


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
