"""The one configuration loader: `.github/autoheal.yml` or ``--config FILE``.

Everything is validated at load time, rules included (their patterns are
compiled with RE2 here), and every error names the file and key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from autoheal import redact, settings
from autoheal.errors import ConfigError
from autoheal.rules import YAML_LOADER, RuleSet, builtin_rules, compile_ruleset, merge_rules

DEFAULT_PATH = Path(".github/autoheal.yml")

# Allowed keys and the type each must have: the table of settings says (settings.config_schema,
# read per load so that a row added to the table is a key of the file at once).
_SECTIONS = ("report", "heal", "stale", "health")


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


def _section(data: Mapping[str, Any], name: str, source: str, allowed: Mapping[str, Any]) -> dict[str, Any]:
    raw = data.get(name) or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: key {name!r} must be a mapping")
    for key in raw:
        if key not in allowed:
            raise ConfigError(f"{source}: unknown option {key!r} in {name!r} (allowed: {', '.join(sorted(allowed))})")
    return _checked(raw, allowed, f"{name}.", source)


def _checked(raw: Mapping[str, Any], allowed: Mapping[str, Any], prefix: str, source: str) -> dict[str, Any]:
    for key, value in raw.items():
        kind = allowed[key]
        ok = isinstance(value, kind) and not (isinstance(value, bool) and kind in (int, (int, float)))
        if not ok:
            raise ConfigError(f"{source}: {prefix}{key} must be {_type_name(kind)}")
    return dict(raw)


def parse(data: Any, source: str, base_dir: Path) -> Config:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: the file must be a mapping of options")
    schema = settings.config_schema()
    top_keys = {"rules", "disable_rules", "redact", *schema.get("", {}), *_SECTIONS}
    unknown = sorted(set(data) - top_keys)
    if unknown:
        raise ConfigError(f"{source}: unknown option {unknown[0]!r} (allowed: {', '.join(sorted(top_keys))})")
    rules = data.get("rules") or []
    disable = data.get("disable_rules") or []
    if not isinstance(rules, list):
        raise ConfigError(f"{source}: 'rules' must be a list of rules")
    if not isinstance(disable, list) or not all(isinstance(d, str) for d in disable):
        raise ConfigError(f"{source}: 'disable_rules' must be a list of rule ids")
    templates = data.get("templates")
    if templates is not None and not isinstance(templates, str):
        raise ConfigError(f"{source}: 'templates' must be a directory path")
    ruleset = compile_ruleset(merge_rules(builtin_rules(), rules, disable, source))
    # Extra secret patterns apply process-wide from here on: the scan and the renderer share them.
    redact.configure(redact.compile_patterns(data.get("redact") or [], source))
    return Config(
        ruleset=ruleset,
        source=source,
        templates=(base_dir / templates) if templates else None,
        report=_section(data, "report", source, schema.get("report", {})),
        heal=_section(data, "heal", source, schema.get("heal", {})),
        stale=_section(data, "stale", source, schema.get("stale", {})),
        health=_section(data, "health", source, schema.get("health", {})),
        top=_checked({k: v for k, v in data.items() if k in schema.get("", {})}, schema.get("", {}), "", source),
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
    try:
        data = yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML ({exc})") from None
    return parse(data, source, root)


def pick(flag: Any, section: Mapping[str, Any], key: str, default: Any) -> Any:
    """A command-line flag beats the config file, which beats the default (see ``settings.resolve``)."""
    return flag if flag is not None else section.get(key, default)
