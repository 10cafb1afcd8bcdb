"""Small builders shared by tests (not fixtures: plain functions)."""

from __future__ import annotations

import re
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


# Markdown safety checks shared by the rendering and report tests.
LIVE_MENTION = re.compile(r"(?<![\w`])@[A-Za-z0-9-]+")
LIVE_REFERENCE = re.compile(r"(?<![\w`])#\d|\bGH-\d", re.IGNORECASE)
FENCE_LINE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")


def split_fences(markdown: str) -> tuple[list[str], bool]:
    """Lines outside fenced code blocks, and whether every fence that opens also closes."""
    outside: list[str] = []
    opener: str | None = None
    for line in markdown.split("\n"):
        match = FENCE_LINE.fullmatch(line)
        if opener is None:
            if match and not (match[1][0] == "`" and "`" in match[2]):
                opener = match[1]
            else:
                outside.append(line)
        elif match and match[1][0] == opener[0] and len(match[1]) >= len(opener) and not match[2].strip(" \t"):
            opener = None
    return outside, opener is None
