"""Load and validate rules: the built-in catalogue (rules.yaml) and a repository's user rules.

Every key is checked at load time (``unknown option "x"``, as yamllint's rules), and an
error names the file, rule and key that hold it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from autoheal import __version__, diskcache
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
    "summary",
    "context",
    "examples",
}
# The validated catalogue as stored on disk: each rule as a row of its fields, in this order.
_FIELDS = tuple(f.name for f in dataclasses.fields(Rule))


def yaml_loader() -> Any:
    """libyaml's loader where the wheel ships it (a tenth of the pure-Python one's time).

    PyYAML is imported here, not at module import: a triage whose catalogue comes
    from the cache and that has no user rules never parses YAML.
    """
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    summary = raw.get("summary", defaults.summary)
    if not isinstance(summary, bool):
        raise config_error(source, rule_id, "summary", "must be true or false")
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
        summary=summary,
    )
    if check:
        rule.compile_now()
    return rule


def load_rule_file(path: Path) -> list[Any]:
    """Read the ``rules`` list of a rules YAML file (the built-in catalogue's format)."""
    import yaml

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml_loader())
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


def builtin_rules() -> list[Rule]:
    """The catalogue's rules, validated: from the disk cache when rules.yaml and this code are unchanged.

    Parsing the YAML and validating 300 rules was most of what a small triage spent on
    rules; the validated rules are a pure function of rules.yaml and of the code that
    validates them, so they are stored under a hash of both. An entry that is damaged or
    from another layout is ignored and rebuilt (diskcache checksums it; ``_rows`` checks it).
    """
    try:
        text = BUILTIN_RULES.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{BUILTIN_RULES}: cannot read rules: {exc}") from None
    digest = _catalogue_key(text)
    found = diskcache.load("catalogue", digest)
    rows = _rows(found) if found is not None else None
    if rows is not None:
        return [Rule(*row) for row in rows]
    rules = _validated(BUILTIN_RULES)
    payload = json.dumps([[getattr(rule, name) for name in _FIELDS] for rule in rules]).encode()
    if _rows(payload) is not None:  # only what JSON keeps exactly
        diskcache.store("catalogue", digest, payload)
    return rules


def _catalogue_key(text: bytes) -> str:
    """The catalogue's cache key: its text, the code that validates it, and the stored layout."""
    code = diskcache.code_digests(_VALIDATORS)
    layout = [__version__, "json-1", *_FIELDS, *CATEGORIES, *SEVERITIES]
    return diskcache.key([hashlib.sha256(text).hexdigest()], code, layout)


# The modules whose code decides what a validated rule is: an edit to either makes the cached catalogue stale.
_VALIDATORS = tuple(Path(__file__).with_name(name) for name in ("ruleload.py", "rule.py"))
# Each field's type in a stored row, as ``_rows`` checks it (a tuple: the pattern lists, lists in JSON).
_ROW_TYPES: dict[str, tuple[type, ...]] = {
    "confidence": (float, int),
    "priority": (int,),
    "context_before": (int,),
    "context_after": (int,),
    "patterns": (list,),
    "exclude": (list,),
    "transient": (bool, type(None)),
    "summary": (bool,),
}


def _rows(payload: bytes) -> list[tuple[Any, ...]] | None:
    """The stored rows as Rule arguments, or None unless every row holds what ``build_rule`` lets through.

    JSON, not marshal: the cache directory is only as trusted as whoever can write it, and marshal
    is not safe on data it did not write (https://docs.python.org/3/library/marshal.html); a few
    bytes can make it allocate gigabytes. Values are checked too, not only types.
    """
    try:
        rows = json.loads(payload)
    except (ValueError, RecursionError):
        return None
    if not isinstance(rows, list):
        return None
    out = [_row(raw) for raw in rows]
    ids = [row[_AT["id"]] for row in out if row is not None]
    if any(row is None for row in out) or len(set(ids)) != len(ids):
        return None
    return [row for row in out if row is not None]


def _row(raw: Any) -> tuple[Any, ...] | None:
    # Once per cached rule on every start: indices and types are worked out at import, not per row.
    if type(raw) is not list or len(raw) != len(_TYPES):
        return None
    if not all(type(value) in allowed for value, allowed in zip(raw, _TYPES)):
        return None
    patterns, exclude = raw[_AT["patterns"]], raw[_AT["exclude"]]
    if not patterns or not all(type(v) is str for v in patterns) or not all(type(v) is str for v in exclude):
        return None
    if (
        raw[_AT["category"]] not in CATEGORIES
        or raw[_AT["severity"]] not in SEVERITIES
        or not 0 <= raw[_AT["confidence"]] <= 1
        or not 0 <= raw[_AT["context_before"]] <= MAX_CONTEXT
        or not 0 <= raw[_AT["context_after"]] <= MAX_CONTEXT
    ):
        return None
    row = list(raw)
    row[_AT["patterns"]], row[_AT["exclude"]] = tuple(patterns), tuple(exclude)
    row[_AT["confidence"]] = float(row[_AT["confidence"]])
    return tuple(row)


_TYPES = tuple(_ROW_TYPES.get(name, (str,)) for name in _FIELDS)
_AT = {name: index for index, name in enumerate(_FIELDS)}


def _validated(path: Path) -> list[Rule]:
    source = str(path.name)
    rules = [build_rule(raw, source, check=False) for raw in load_rule_file(path)]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise ConfigError(f"{source}: rule {rule.id!r} is defined twice")
        seen.add(rule.id)
    return rules
