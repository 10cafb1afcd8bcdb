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

from autoheal import redact
from autoheal.errors import ConfigError
from autoheal.rules import YAML_LOADER, RuleSet, builtin_rules, compile_ruleset, merge_rules

DEFAULT_PATH = Path(".github/autoheal.yml")

# Allowed keys per section and the type each must have.
_SECTIONS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "report": {
        "labels": list,
        "conclusions": list,
        "exclude-workflows": list,
        "branches": list,
        "max-issues-per-hour": int,
        "reopen-days": int,
        "auto-heal-label": bool,
        "heal": bool,
    },
    "heal": {
        "label": str,
        "base": str,
        "min-confidence": (int, float),
        "max-changed-files": int,
        "max-attempts": int,
        "max-prs-per-hour": int,
        "timeout-factor": (int, float),
        "timeout-cap": int,
        "verify-command": str,
        "agent-mention": str,
        "allowed-bots": list,
        "reviewers": list,
        "labels": list,
        "committer-name": str,
        "committer-email": str,
    },
}
_TOP = {"rules", "disable_rules", "templates", "redact", *_SECTIONS}


@dataclass(frozen=True)
class Config:
    """Validated settings; ``ruleset`` already merges built-in and user rules."""

    ruleset: RuleSet
    source: str = "<defaults>"
    templates: Path | None = None
    report: Mapping[str, Any] = field(default_factory=dict)
    heal: Mapping[str, Any] = field(default_factory=dict)


def _type_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {"list": "a list", "int": "a whole number", "float": "a number", "bool": "true or false", "str": "a string"}
    return " or ".join(names.get(k.__name__, k.__name__) for k in kinds)


def _section(data: Mapping[str, Any], name: str, source: str) -> dict[str, Any]:
    raw = data.get(name) or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: key {name!r} must be a mapping")
    allowed = _SECTIONS[name]
    for key, value in raw.items():
        if key not in allowed:
            raise ConfigError(f"{source}: unknown option {key!r} in {name!r} (allowed: {', '.join(sorted(allowed))})")
        kind = allowed[key]
        ok = isinstance(value, kind) and not (isinstance(value, bool) and kind in (int, (int, float)))
        if not ok:
            raise ConfigError(f"{source}: {name}.{key} must be {_type_name(kind)}")
    return dict(raw)


def parse(data: Any, source: str, base_dir: Path) -> Config:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: the file must be a mapping of options")
    unknown = sorted(set(data) - _TOP)
    if unknown:
        raise ConfigError(f"{source}: unknown option {unknown[0]!r} (allowed: {', '.join(sorted(_TOP))})")
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
        report=_section(data, "report", source),
        heal=_section(data, "heal", source),
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
        data = yaml.load(target.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{target}: cannot read ({exc})") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{target}: not valid YAML ({exc})") from None
    # Relative template paths are relative to the repository root, not the config file.
    return parse(data, str(target), root)


def pick(flag: Any, section: Mapping[str, Any], key: str, default: Any) -> Any:
    """A command-line flag beats the config file, which beats the default."""
    return flag if flag is not None else section.get(key, default)
