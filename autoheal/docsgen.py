"""Every document generated from the code, written and checked by one command.

``autoheal docs --write`` (``autoheal/commands/docs.py``) rewrites, from a source checkout: ``docs/rules.md`` (the rule catalogue, ``autoheal/rules.yaml``), ``docs/fixers.md``
(each fixer's docstring with a before/after from its golden test), the config's JSON Schema
(``autoheal.schema``) and the generated blocks of the README and both action files
(``autoheal.settings``). ``--check`` exits 1 naming what is stale; a test runs it.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from autoheal import settings

SOURCE_ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path("tests/fixers/golden")
_MAX_DIFF_LINES = 40


def fence(text: str, info: str = "text") -> str:
    """A fenced block no backtick run inside ``text`` can close."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    marks = "`" * max(3, longest + 1)
    return f"{marks}{info}\n{text.rstrip(chr(10))}\n{marks}"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


# -- docs/rules.md -----------------------------------------------------------------------------
def rules_markdown(raw_rules: Iterable[Mapping[str, Any]]) -> str:
    from autoheal.models import CATEGORIES

    rules = list(raw_rules)
    by_category: dict[str, list[Mapping[str, Any]]] = {}
    for rule in rules:
        by_category.setdefault(str(rule.get("category")), []).append(rule)
    order = [c for c in CATEGORIES if c in by_category] + sorted(set(by_category) - set(CATEGORIES))
    out = [
        "# Rules",
        "",
        "<!-- Generated from autoheal/rules.yaml by `autoheal docs --write`: edit the rules, not this file. -->",
        "",
        f"{len(rules)} built-in rules in {len(order)} categories. Each rule matches ONE normalised log line "
        "(no timestamps, colours or `##[error]` markers) with RE2 patterns; when several rules hit a log, "
        "the highest priority wins, then the higher confidence. Add, override or disable rules in "
        "`.github/autoheal.yml` (README, Configuration); try one on a log with `autoheal rules test ID LOG`.",
        "",
        "| category | rules |",
        "|---|---|",
    ]
    out += [f"| [`{c}`](#{_anchor(c)}) | {len(by_category[c])} |" for c in order]
    for category in order:
        out += ["", f"## {category}", ""]
        for rule in sorted(by_category[category], key=lambda r: (-_num(r.get("priority"), 50), str(r.get("id")))):
            out += _rule_section(rule)
    return "\n".join(out).rstrip("\n") + "\n"


def _anchor(title: str) -> str:
    return "".join(c for c in title.lower() if c.isalnum() or c in "-_ ").replace(" ", "-")


def _num(value: Any, default: float) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else default


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _rule_section(rule: Mapping[str, Any]) -> list[str]:
    facts = f"priority {_num(rule.get('priority'), 50):g}, confidence {_num(rule.get('confidence'), 0.7):g}"
    if rule.get("severity", "error") != "error":
        facts += f", severity {rule['severity']}"
    out = [f"### {rule.get('id')}", "", f"{_one_line(rule.get('doc') or '(undocumented)')}", "", f"*{facts}*", ""]
    out += ["Matches:", "", fence("\n".join(_as_list(rule.get("patterns"))), "re2"), ""]
    if rule.get("exclude"):
        out += ["Never on lines matching:", "", fence("\n".join(_as_list(rule["exclude"])), "re2"), ""]
    if rule.get("hint"):
        out += [f"Hint: {_one_line(rule['hint'])}", ""]
    raw_examples = rule.get("examples")
    examples: Mapping[str, Any] = raw_examples if isinstance(raw_examples, dict) else {}
    for kind, title in (("match", "Recognises"), ("miss", "Leaves alone")):
        lines = _as_list(examples.get(kind))
        if lines:
            out += [f"{title}:", "", fence("\n".join(lines)), ""]
    return out


# -- docs/fixers.md ----------------------------------------------------------------------------
def fixers_markdown(fixers: Mapping[str, Any], golden: Path) -> str:
    out = [
        "# Fixers",
        "",
        "<!-- Generated from autoheal/fixers/ and tests/fixers/golden by `autoheal docs --write`. -->",
        "",
        "Heal tries these in order; the first that proposes a change wins. Each is a pure function of the "
        "checkout and the diagnosis, and declines (with the reason posted on the issue) rather than guess. "
        "The examples are golden tests: CI checks each one byte for byte.",
        "",
    ]
    out += [
        f"- [`{fid}`](#{_anchor(fid)}): {_one_line(m.DOC.split(chr(10) + chr(10))[0])}" for fid, m in fixers.items()
    ]
    for fid, module in fixers.items():
        out += ["", f"## {fid}", "", f"Categories: {', '.join(f'`{c}`' for c in sorted(module.CATEGORIES))}.", ""]
        out += [module.DOC.strip(), ""]
        out += _golden_sections(golden / module.__name__.rsplit(".", 1)[-1])
    return "\n".join(out).rstrip("\n") + "\n"


def _golden_sections(folder: Path) -> list[str]:
    cases = sorted(p for p in folder.glob("*") if p.is_dir()) if folder.is_dir() else []
    edits = [c for c in cases if (c / "expected").is_dir()]
    declines = [c for c in cases if not (c / "expected").is_dir() and (c / "reason.txt").is_file()]
    out: list[str] = []
    if edits:
        case = edits[0]
        out += [f"Example (`{case.name}`): the log says", "", fence(_fired(case)), "", "and the fix is", ""]
        out += [fence(_case_diff(case), "diff"), ""]
    if declines:
        out += ["Declines, for example:", ""]
        out += [f"- `{c.name}`: {_one_line((c / 'reason.txt').read_text(encoding='utf-8'))}" for c in declines]
        out.append("")
    return out


def _fired(case: Path) -> str:
    log = (case / "log.txt").read_text(encoding="utf-8").splitlines()
    return "\n".join(log[-6:])


def _files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _case_diff(case: Path) -> str:
    before, after = _files(case / "input"), _files(case / "expected")
    lines: list[str] = []
    for path in sorted(set(before) | set(after)):
        old, new = before.get(path, "").splitlines(), after.get(path, "").splitlines()
        if old != new:
            src = f"a/{path}" if path in before else "/dev/null"
            lines += difflib.unified_diff(old, new, src, f"b/{path}", lineterm="")
    if len(lines) > _MAX_DIFF_LINES:
        lines = [*lines[:_MAX_DIFF_LINES], f"... ({len(lines) - _MAX_DIFF_LINES} more lines in tests/fixers/golden)"]
    return "\n".join(lines)


# -- all of them -------------------------------------------------------------------------------
def outputs(root: Path) -> dict[str, Callable[[str | None], str]]:
    """Relative path -> a function from the file's current text (None: missing) to its fresh text."""
    from autoheal import schema
    from autoheal.fixers import FIXERS
    from autoheal.ruleload import BUILTIN_RULES, load_rule_file

    made: dict[str, Callable[[str | None], str]] = {
        "docs/rules.md": lambda _: rules_markdown(load_rule_file(BUILTIN_RULES)),
        "docs/fixers.md": lambda _: fixers_markdown(FIXERS, root / GOLDEN),
        schema.SCHEMA_FILE.relative_to(SOURCE_ROOT).as_posix(): lambda _: schema.text(),
    }
    for name in settings.GENERATED:
        made[name] = functools.partial(_settings_blocks, name)
    return made


def _settings_blocks(name: str, text: str | None) -> str:
    return settings.refresh(text or "", name)


def stale(root: Path, write: bool) -> list[str]:
    """The generated files under ``root`` that differ from the code; rewritten when ``write``."""
    found = []
    for name, fresh_of in outputs(root).items():
        path = root / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        fresh = fresh_of(current)
        if fresh != current:
            found.append(name)
            if write:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(fresh, encoding="utf-8")
    return found
