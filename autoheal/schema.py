"""The JSON Schema of ``.github/autoheal.yml`` and the check behind ``autoheal config validate``.

The schema is generated from what the loader accepts: the settings table (``autoheal.settings``)
for the ``report``/``heal``/``stale``/``health``/top-level keys, and the rule fields of ``autoheal.rules``. It ships as
``autoheal/data/autoheal.schema.json`` (draft-07, the draft SchemaStore lists schemas in) so an
editor can check the file as it is typed; ``autoheal docs --write`` regenerates it and
a test fails when it is stale. What JSON Schema cannot say (a pattern is valid RE2, a disabled
rule exists) only the loader checks; ``validate_text`` runs the loader's own checks, so its
messages are the ones a run would stop on, each with its line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from autoheal import config, settings
from autoheal.errors import ConfigError
from autoheal.models import CATEGORIES
from autoheal.ruleload import MAX_CONTEXT, SEVERITIES, builtin_rules, yaml_loader

SCHEMA_FILE = Path(__file__).parent / "data" / "autoheal.schema.json"
SCHEMA_URL = "https://raw.githubusercontent.com/org/autoheal/v1/autoheal/data/autoheal.schema.json"
_JSON_TYPES = {list: "array", int: "integer", float: "number", bool: "boolean", str: "string"}


def _setting(s: settings.Setting) -> dict[str, Any]:
    prop: dict[str, Any] = {
        "type": _JSON_TYPES[s.kind],
        "description": f"{s.help} (default: {settings.shown_default(s)})",
    }
    if s.kind is list:
        prop["items"] = {"type": "string", "pattern": "\\S"}  # as the loader: no blank entries
    if s.default is not None:
        prop["default"] = list(s.default) if isinstance(s.default, tuple) else s.default
    return prop


def _section(name: str, help: str) -> dict[str, Any]:
    rows = [s for s in settings.SETTINGS if s.section == name and s.key is not None]
    return {
        "type": ["object", "null"],
        "description": help,
        "properties": {s.key: _setting(s) for s in rows if s.key},
        "additionalProperties": False,
    }


def _patterns(min_items: int, help: str) -> dict[str, Any]:
    text = {"type": "string", "minLength": 1}
    return {"description": help, "oneOf": [text, {"type": "array", "items": text, "minItems": min_items}]}


def _rule() -> dict[str, Any]:
    limit = {"type": "number", "minimum": 0, "maximum": MAX_CONTEXT}
    return {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "string", "pattern": "\\S", "description": "a built-in rule's id overrides it"},
            "category": {"enum": list(CATEGORIES), "description": "the failure category a hit names"},
            "doc": {"type": "string", "description": "what the rule recognises, for people"},
            "patterns": _patterns(1, "RE2 patterns matched against one normalised log line"),
            "exclude": _patterns(0, "RE2 patterns: a line matching one is never a hit"),
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "priority": {"type": "number", "minimum": 0, "maximum": 100, "description": "root-cause rank"},
            "severity": {"enum": list(SEVERITIES)},
            "hint": {"type": "string", "description": "what to do; {capture} names a named group"},
            "transient": {
                "type": ["boolean", "null"],
                "description": "whether a re-run may pass (report.rerun); left out, the category decides",
            },
            "summary": {
                "type": "boolean",
                "description": "a hit only sums up errors printed above it: the first of them is the anchor",
            },
            "context": {
                "type": ["object", "null"],
                "properties": {"before": limit, "after": limit},
                "additionalProperties": False,
            },
            "examples": {"description": "lines the rule must match and miss (tests run them)"},
        },
        "additionalProperties": False,
        # A new rule needs a category and patterns; a rule named like a built-in one overrides it field by field.
        "if": {"properties": {"id": {"enum": sorted(r.id for r in builtin_rules())}}},
        "then": {},
        "else": {"required": ["id", "category", "patterns"]},
    }


def build() -> dict[str, Any]:
    """The schema, as a JSON-ready mapping."""
    top = {s.key: _setting(s) for s in settings.SETTINGS if s.section == "" and s.key}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_URL,
        "title": "autoheal configuration (.github/autoheal.yml)",
        "description": "Rules, redaction and the report and heal settings of the autoheal GitHub Action.",
        "type": ["object", "null"],
        "properties": {
            "rules": {"type": ["array", "null"], "items": _rule(), "description": "rules added or overridden"},
            "disable_rules": {"type": ["array", "null"], "items": {"type": "string"}, "description": "rule ids"},
            "redact": {
                "type": ["array", "null"],
                "items": {"type": "string", "minLength": 1},
                "description": "extra RE2 patterns of secrets to redact from logs",
            },
            **top,
            "report": _section("report", "report mode: filing failed runs as issues"),
            "heal": _section("heal", "heal mode: fix PRs for labelled issues"),
            "stale": _section("stale", "stale mode: warning about, then closing, idle fix PRs"),
            "health": _section("health", "health mode: the CI health report"),
        },
        "additionalProperties": False,
    }


def text() -> str:
    """The schema file's exact text."""
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


# -- validation with lines --------------------------------------------------------------------
@dataclass(frozen=True)
class Finding:
    source: str
    line: int
    key: str  # dotted path, e.g. report.labels or rules[2]
    message: str  # the loader's message, without the "source: " it starts with

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"


def validate_text(content: str, source: str) -> list[Finding]:
    """Every problem of a config file's text, as the loader words it, with its line and key."""
    try:
        data = yaml.load(content, Loader=yaml_loader())
        root = yaml.compose(content, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return [Finding(source, line, "", f"not valid YAML ({exc})")]
    found = [_finding(source, root, path, err) for path, err in config.problems(data, source)]
    return sorted(found, key=lambda f: f.line)


def _finding(source: str, root: Any, path: tuple[Any, ...], err: ConfigError) -> Finding:
    message = str(err)
    message = message[len(source) + 2 :] if message.startswith(f"{source}: ") else message
    key = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return Finding(source, _line(root, path), key, message)


def _line(node: Any, path: tuple[Any, ...]) -> int:
    """The 1-based line of the key (or list item) at ``path``; its parent's when it is not found."""
    line = node.start_mark.line + 1 if node is not None else 1
    for part in path:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def validate_file(path: Path) -> list[Finding]:
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [Finding(str(path), 1, "", f"cannot read ({exc})")]
    return validate_text(content, str(path))
