"""The rule set triage scans with: every rule's patterns behind one matcher and one prefilter.

Every pattern is compiled with RE2, so a user rule can never make triage super-linear
on a hostile log. One rule is ``autoheal.rule``; loading and validating rules is
``autoheal.ruleload`` (its names are re-exported here, where callers always found them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from autoheal.matcher import PatternMatcher
from autoheal.prefilter import Parts
from autoheal.prefiltercache import prefilter_of
from autoheal.prefilterre2 import MATCHER_MEM, Prefilters
from autoheal.re2api import options as _options
from autoheal.rule import Rule
from autoheal.ruleload import (
    BUILTIN_RULES,
    MAX_CONTEXT,
    SEVERITIES,
    build_rule,
    builtin_rules,
    load_rule_file,
    merge_rules,
)

__all__ = [
    "BUILTIN_RULES",
    "MAX_CONTEXT",
    "SEVERITIES",
    "Rule",
    "RuleSet",
    "build_rule",
    "builtin_rules",
    "compile_ruleset",
    "default_ruleset",
    "load_rule_file",
    "merge_rules",
]


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
        return PatternMatcher(
            patterns, _options, MATCHER_MEM, self._bad, self.parts.keys or None
        )  # keys: derived with the prefilter

    def _bad(self, index: int) -> None:
        """Raise the ConfigError that names the rule and pattern ``index`` (RE2 rejected it)."""
        self.rules[self.pattern_rule[index]].compile_now()

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


def compile_ruleset(rules: Iterable[Rule]) -> RuleSet:
    rules = tuple(rules)
    pattern_rule = tuple(index for index, rule in enumerate(rules) for _ in rule.patterns)
    parts = prefilter_of([p for r in rules for p in r.patterns])
    return RuleSet(rules=rules, pattern_rule=pattern_rule, parts=parts)


def default_ruleset() -> RuleSet:
    return compile_ruleset(builtin_rules())
