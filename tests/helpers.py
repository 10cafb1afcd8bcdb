"""Small builders shared by tests (not fixtures: plain functions)."""
from __future__ import annotations

from typing import Any

import yaml

from autoheal.rules import RuleSet, build_rule, compile_ruleset

RULES = """
rules:
  - id: python.module-not-found
    category: dependency.missing
    patterns: ["ModuleNotFoundError: No module named '(?P<module>[\\\\w.]+)'"]
    confidence: 0.95
    priority: 80
    hint: "Add `{module}` to the dependencies."
    context: {before: 4, after: 2}
  - id: pytest.failed
    category: test.failure
    patterns: ["^FAILED (?P<test>\\\\S+)"]
    confidence: 0.8
    priority: 40
  - id: generic.exit-code
    category: unknown
    patterns: ["^Process completed with exit code (?P<code>\\\\d+)"]
    confidence: 0.1
    priority: 1
"""


def ruleset(text: str = RULES, extra: list[dict[str, Any]] | None = None) -> RuleSet:
    raw = yaml.safe_load(text)["rules"] + (extra or [])
    return compile_ruleset(build_rule(r, "test.yaml") for r in raw)
