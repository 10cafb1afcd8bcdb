"""``autoheal rules list [--category C]|show ID|test ID LOG``: the rules in effect, for people writing them.

The rules are the built-in catalogue merged with ``.github/autoheal.yml`` (or ``--config``), as
triage uses them. ``test`` prints the lines of a log one rule hits, as the scanner sees them
(normalised: no timestamps or colours, secrets redacted), with the captures its hint can use.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from autoheal.errors import UsageError
from autoheal.flags import add_config_args
from autoheal.sanitize import terminal_text

NAME = "rules"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(NAME, help="list, show or try the triage rules", description=__doc__)
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every rule: id, category, priority, what it recognises")
    listing.add_argument("--category", help="only this category")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    show = actions.add_parser("show", help="one rule in full: patterns, hint, examples")
    show.add_argument("rule_id", metavar="ID")
    show.add_argument("--format", choices=("text", "json"), default="text")
    test = actions.add_parser("test", help="the lines of a log one rule matches")
    test.add_argument("rule_id", metavar="ID")
    test.add_argument("log", metavar="LOG", help="a log file, a run-logs zip, a directory, or - for stdin")
    for parser in (listing, show, test):
        add_config_args(parser)
    p.set_defaults(handler=run)


def _ruleset(args: argparse.Namespace) -> Any:
    from autoheal import config

    return config.load(args.config).ruleset


def _rule(args: argparse.Namespace) -> Any:
    rule = _ruleset(args).get(args.rule_id)
    if rule is None:
        raise UsageError(f"no rule {args.rule_id!r} (autoheal rules list shows them)")
    return rule


def _as_json(rule: Any) -> dict[str, Any]:
    return {
        "id": rule.id,
        "category": rule.category,
        "priority": rule.priority,
        "confidence": rule.confidence,
        "severity": rule.severity,
        "doc": rule.doc,
        "patterns": list(rule.patterns),
        "exclude": list(rule.exclude),
        "hint": rule.hint,
        "context": {"before": rule.context_before, "after": rule.context_after},
        "source": rule.source,
    }


def _examples(rule_id: str) -> dict[str, list[str]]:
    """A built-in rule's documented example lines (the loader keeps only what matching needs)."""
    from autoheal.ruleload import BUILTIN_RULES, load_rule_file

    raw = next((r for r in load_rule_file(BUILTIN_RULES) if isinstance(r, dict) and r.get("id") == rule_id), {})
    found = raw.get("examples")
    examples: dict[str, Any] = found if isinstance(found, dict) else {}
    return {k: [str(x) for x in examples.get(k) or []] for k in ("match", "miss") if examples.get(k)}


def list_rules(args: argparse.Namespace) -> int:
    from autoheal.models import CATEGORIES

    if args.category and args.category not in CATEGORIES:
        raise UsageError(f"unknown category {args.category!r}; one of: {', '.join(CATEGORIES)}")
    rules = [r for r in _ruleset(args).rules if not args.category or r.category == args.category]
    if args.format == "json":
        print(json.dumps([_as_json(r) for r in rules], indent=2))
        return 0
    width = max((len(r.id) for r in rules), default=2)
    for rule in sorted(rules, key=lambda r: (r.category, -r.priority, r.id)):
        doc = " ".join(rule.doc.split())
        print(terminal_text(f"{rule.id:<{width}}  {rule.category:<21} {rule.priority:>3}  {doc[:90]}"))
    return 0


def show_rule(args: argparse.Namespace) -> int:
    rule = _rule(args)
    data = _as_json(rule)
    if args.format == "json":
        print(json.dumps(data, indent=2))
        return 0
    lines = [
        f"{rule.id} ({rule.category}; priority {rule.priority}, confidence {rule.confidence:g}, from {rule.source})"
    ]
    lines += ["", " ".join(rule.doc.split()) or "(undocumented)", "", "patterns:"]
    lines += [f"  {p}" for p in rule.patterns]
    if rule.exclude:
        lines += ["exclude:", *[f"  {p}" for p in rule.exclude]]
    if rule.hint:
        lines += [f"hint: {rule.hint}"]
    lines.append(f"context: {rule.context_before} lines before, {rule.context_after} after")
    for kind, lines_of in _examples(rule.id).items():
        lines += [f"examples that {kind}:", *[f"  {line}" for line in lines_of]]
    print("\n".join(terminal_text(line) for line in lines))
    return 0


def test_rule(args: argparse.Namespace) -> int:
    """Exit 0 when the rule hits at least one line, 1 when it hits none."""
    from autoheal.logsource import open_input
    from autoheal.normalize import decode, normalize

    rule = _rule(args)
    hits = 0
    for doc in open_input(args.log):
        with doc.opener() as stream:  # line by line: a log may be larger than memory
            for number, raw in enumerate(stream, 1):
                hits += _show_hit(rule, doc.name or args.log, number, normalize(decode(raw)))
    print(f"{rule.id}: {hits} matching line{'s' if hits != 1 else ''}")
    return 0 if hits else 1


def _show_hit(rule: Any, name: str, number: int, line: str) -> int:
    captures = rule.match(line)
    if captures is None:
        return 0
    shown = f"{name}:{number}: {line}"
    if captures:
        shown += "  " + " ".join(f"{k}={v!r}" for k, v in sorted(captures.items()))
    print(terminal_text(shown))
    return 1


def run(args: argparse.Namespace) -> int:
    handlers = {"list": list_rules, "show": show_rule, "test": test_rule}
    return handlers[args.action](args)
