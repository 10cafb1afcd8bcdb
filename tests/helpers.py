"""Small builders shared by tests (not fixtures: plain functions)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
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


# Builders for the heal-step tests (test_healchecks, test_healdecline, test_healpr).
MISSING_MODULE_LOG = "E   ModuleNotFoundError: No module named 'yaml'\nProcess completed with exit code 1.\n"


def diagnosis(log: str = MISSING_MODULE_LOG) -> Any:
    from autoheal.logsource import bytes_doc
    from autoheal.triage import triage_docs

    return triage_docs([bytes_doc("test.txt", log.encode(), job="test")], ruleset(), "test")


def heal_run(double: Any, said: list[str] | None = None, **options: Any) -> Any:
    """A ``HealRun`` whose client talks to the GitHub double over HTTP."""
    from pathlib import Path

    from autoheal import gitops
    from autoheal.github_api import Client
    from autoheal.heal import HealOptions
    from autoheal.heal_output import HealSink
    from autoheal.healstate import HealRun

    say = (said if said is not None else []).append
    client = Client("octo-org/octo-repo", double.token, api_url=double.url, retries=0)
    opts = HealOptions(**options)
    auth = gitops.Auth(server_url="https://github.com")
    return HealRun(client, HealSink(client, opts.dry_run, say), ruleset(), opts, Path("."), auth, "main", say)


def proposal(new: str = "requests==2.31.0\npyyaml\n", path: str = "requirements.txt") -> Any:
    from autoheal.models import Change, FixProposal

    change = Change(path, "requests==2.31.0\n", new, "add pyyaml")
    return FixProposal("python_dependency", (change,), "add pyyaml", "The job imports yaml.")


ENTRYPOINT = Path(__file__).resolve().parents[1] / "entrypoint.py"


def run_entrypoint(env: dict[str, str], cwd: Path, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    """The action's real entrypoint in a process of its own, with the environment a runner gives it."""
    return subprocess.run(
        [sys.executable, str(ENTRYPOINT)],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
