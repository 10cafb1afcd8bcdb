"""The one configuration loader: `.github/autoheal.yml` or ``--config FILE``.

Everything is validated at load time, rules included (their patterns are
compiled with RE2 here), and every error names the file and key.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from autoheal import redact, ruleload
from autoheal.errors import ConfigError
from autoheal.rule import Rule
from autoheal.ruleload import build_rule, builtin_rules, merge_rules, yaml_loader
from autoheal.rules import RuleSet, compile_ruleset

DEFAULT_PATH = Path(".github/autoheal.yml")

# Allowed keys and the type each must have: the table of settings says (settings.config_schema,
# read per load so that a row added to the table is a key of the file at once).
_SECTIONS = ("report", "heal", "stale", "health")
# A problem of a config document: the path of the key that holds it, and the loader's error.
Problem = tuple[tuple[Any, ...], ConfigError]


@dataclass(frozen=True)
class Config:
    """Validated settings; ``ruleset`` already merges built-in and user rules."""

    ruleset: RuleSet
    source: str = "<defaults>"
    templates: Path | None = None
    report: Mapping[str, Any] = field(default_factory=dict)
    heal: Mapping[str, Any] = field(default_factory=dict)
    stale: Mapping[str, Any] = field(default_factory=dict)
    health: Mapping[str, Any] = field(default_factory=dict)
    top: Mapping[str, Any] = field(default_factory=dict)  # the table's top-level keys (settings section "")

    def section(self, name: str) -> Mapping[str, Any]:
        """The settings of one section of the table (``""``: the top level), for ``settings.resolve``."""
        return self.top if not name else dict(getattr(self, name))


def _type_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {"list": "a list", "int": "a whole number", "float": "a number", "bool": "true or false", "str": "a string"}
    return " or ".join(names.get(k.__name__, k.__name__) for k in kinds)


def _section(data: Mapping[str, Any], name: str, source: str, allowed: Mapping[str, Any]) -> Iterator[Problem]:
    raw = _given(data, name, {})
    if not isinstance(raw, dict):
        yield (name,), ConfigError(f"{source}: key {name!r} must be a mapping")
        return
    for key in raw:
        if key not in allowed:
            message = f"{source}: unknown option {key!r} in {name!r} (allowed: {', '.join(sorted(allowed))})"
            yield (name, key), ConfigError(message)
    yield from _checked({k: v for k, v in raw.items() if k in allowed}, allowed, name, source)


def _checked(raw: Mapping[str, Any], allowed: Mapping[str, Any], section: str, source: str) -> Iterator[Problem]:
    prefix = f"{section}." if section else ""
    for key, value in raw.items():
        kind = allowed[key]
        ok = isinstance(value, kind) and not (isinstance(value, bool) and kind in (int, (int, float)))
        path = (section, key) if section else (key,)
        if not ok:
            yield path, ConfigError(f"{source}: {prefix}{key} must be {_type_name(kind)}")
        elif kind is list and not all(isinstance(item, str) and item.strip() for item in value):
            # A blank or non-string label, branch or glob is never meant; GitHub rejects an empty label.
            yield path, ConfigError(f"{source}: {prefix}{key} must be a list of non-blank strings")


def _builtins() -> tuple[Rule, ...]:
    """The built-in rules, read once per version of the catalogue (validate checks many documents)."""
    path = ruleload.BUILTIN_RULES
    return _builtins_at(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=2)
def _builtins_at(path: Path, mtime: int) -> tuple[Rule, ...]:
    return tuple(builtin_rules())


def _given(data: Mapping[str, Any], key: str, empty: Any) -> Any:
    """The key's value; ``empty`` when it is absent or null (``rules:`` with nothing under it)."""
    value = data.get(key)
    return empty if value is None else value


def _settings() -> ModuleType:
    """The table of settings, imported when a document has keys to check: a triage without a config file
    (most runs) never reads it (issue 14)."""
    from autoheal import settings

    return settings


def top_keys() -> set[str]:
    """Every key the file's top level accepts."""
    settings = _settings()
    return {"rules", "disable_rules", "redact", *settings.config_schema().get("", {}), *_SECTIONS}


def problems(data: Any, source: str) -> list[Problem]:
    """Every problem of a parsed config document, each as the error ``parse`` raises for it (the
    first one), with the path of the key that holds it: ``autoheal config validate`` lists them all."""
    if data is None:
        return []
    if not isinstance(data, dict):
        return [((), ConfigError(f"{source}: the file must be a mapping of options"))]
    return list(_problems(data, source)) if data else []


def _problems(data: Mapping[str, Any], source: str) -> Iterator[Problem]:
    schema = _settings().config_schema()
    allowed = top_keys()
    for key in sorted(set(data) - allowed, key=str):
        yield (key,), ConfigError(f"{source}: unknown option {key!r} (allowed: {', '.join(sorted(allowed))})")
    yield from _rule_problems(data, source)
    try:
        redact.compile_patterns(_given(data, "redact", []), source)
    except ConfigError as exc:
        yield ("redact",), exc
    for name in _SECTIONS:
        yield from _section(data, name, source, schema.get(name, {}))
    top = schema.get("", {})
    yield from _checked({k: v for k, v in data.items() if k in top}, top, "", source)


def _rule_problems(data: Mapping[str, Any], source: str) -> Iterator[Problem]:
    rules = _given(data, "rules", [])
    disable = _given(data, "disable_rules", [])
    if not isinstance(rules, list):
        yield ("rules",), ConfigError(f"{source}: 'rules' must be a list of rules")
        rules = []
    if not isinstance(disable, list) or not all(isinstance(d, str) for d in disable):
        yield ("disable_rules",), ConfigError(f"{source}: 'disable_rules' must be a list of rule ids")
        disable = []
    known = {r.id: r for r in _builtins()}
    for index, raw in enumerate(rules):
        rule_id = raw.get("id") if isinstance(raw, dict) else None
        try:
            rule = build_rule(raw, source, known.get(rule_id) if isinstance(rule_id, str) else None)
        except ConfigError as exc:
            yield ("rules", index), exc
            continue
        known[rule.id] = rule
    for index, rule_id in enumerate(disable):
        if rule_id not in known:
            yield ("disable_rules", index), ConfigError(f"{source}: disable_rules names unknown rule {rule_id!r}")


def parse(data: Any, source: str, base_dir: Path) -> Config:
    found = problems(data, source)
    if found:
        raise found[0][1]
    data = data or {}
    schema = _settings().config_schema() if data else {}
    ruleset = compile_ruleset(
        merge_rules(_builtins(), data.get("rules") or [], data.get("disable_rules") or [], source)
    )
    # Extra secret patterns apply process-wide from here on: the scan and the renderer share them.
    extra = redact.compile_patterns(data.get("redact") or [], source)
    redact.configure(extra)
    templates = data.get("templates")
    return Config(
        ruleset=ruleset,
        source=source,
        templates=(base_dir / templates) if templates else None,
        report=dict(data.get("report") or {}),
        heal=dict(data.get("heal") or {}),
        stale=dict(data.get("stale") or {}),
        health=dict(data.get("health") or {}),
        top={k: v for k, v in data.items() if k in schema.get("", {})},
    )


def load(path: str | Path | None = None, root: Path = Path(".")) -> Config:
    """Load ``path``; with None, ``.github/autoheal.yml`` under ``root`` when it exists."""
    explicit = path is not None
    target = Path(path) if path is not None else root / DEFAULT_PATH
    if not target.exists():
        if explicit:
            raise ConfigError(f"{target}: config file not found")
        return parse({}, "<defaults>", root)
    try:
        text = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{target}: cannot read ({exc})") from None
    # Relative template paths are relative to the repository root, not the config file.
    return load_text(text, str(target), root)


def load_text(text: str, source: str, root: Path = Path(".")) -> Config:
    """A config from its text (e.g. read through the API); ``source`` names it in errors."""
    import yaml  # here, not at import: a triage without a config file never parses YAML (issue 14)

    try:
        data = yaml.load(text, Loader=yaml_loader())
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML ({exc})") from None
    return parse(data, source, root)


def pick(flag: Any, section: Mapping[str, Any], key: str, default: Any) -> Any:
    """A command-line flag beats the config file, which beats the default (see ``settings.resolve``)."""
    return flag if flag is not None else section.get(key, default)
