"""Values passed between autoheal's modules (frozen dataclasses, no behaviour)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Categories whose failures may pass when the run is retried unchanged
# (shared/benchmarks/categories.md).
TRANSIENT_CATEGORIES = frozenset({"timeout", "network", "rate.limit", "infrastructure"})

CATEGORIES = (
    "dependency.missing",
    "dependency.resolution",
    "compile.error",
    "syntax.error",
    "test.failure",
    "lint.error",
    "timeout",
    "network",
    "rate.limit",
    "permission",
    "credentials",
    "command.not.found",
    "file.not.found",
    "config.error",
    "runtime.version",
    "action.deprecated",
    "resource.exhausted",
    "crash",
    "infrastructure",
    "unknown",
)


@dataclass(frozen=True)
class ExcerptLine:
    """One log line shown to a maintainer; ``line`` is 1-based as ``grep -n`` counts."""

    line: int
    text: str
    file: str = ""


@dataclass(frozen=True)
class Alternative:
    """A rule that also matched but lost to the chosen root cause."""

    rule: str
    category: str
    confidence: float
    line: int


@dataclass(frozen=True)
class StepTime:
    """How long one step of a job log ran, from the runner's timestamps; ``line`` is where it starts."""

    name: str
    seconds: float
    line: int


@dataclass(frozen=True)
class Timing:
    """Where the time went in a job that timed out or was cancelled (``timing.py``).

    ``running`` is the step that was running when the limit hit (reported at
    ``limit_line``; the step starts at ``running_line``) and ``running_seconds``
    how long it had run by then;
    ``quiet_seconds`` is its longest stretch without output, after ``quiet_after``;
    ``last_lines`` what it printed last before the limit.
    """

    file: str
    steps: tuple[StepTime, ...]
    running: str
    running_line: int
    running_seconds: float
    limit_line: int
    quiet_seconds: float
    quiet_after: int
    last_lines: tuple[ExcerptLine, ...]


@dataclass(frozen=True)
class StepLine:
    """Where excerpt line ``line`` of ``file`` sits in GitHub's per-step log: step ``step``, line ``step_line``."""

    file: str
    line: int
    step: int
    step_line: int


@dataclass(frozen=True)
class Diagnosis:
    """What triage concluded about one log (the JSON contract of ``triage --format json``)."""

    path: str
    category: str
    confidence: float
    rule: str
    fingerprint: str
    title: str
    summary: str
    excerpt: tuple[ExcerptLine, ...]
    captures: Mapping[str, str] = field(default_factory=dict)
    # Presentation facts, added after triage and not part of the JSON contract (timing.py).
    timing: Timing | None = None
    step_lines: tuple[StepLine, ...] = ()
    job: str | None = None
    step: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    severity: str = "error"
    hint: str = ""
    # The 1-3 excerpt lines that say what failed, the root cause first.
    key_lines: tuple[int, ...] = ()
    # The rule's own ``transient:`` (rule.Rule.transient); None leaves it to the category.
    rule_transient: bool | None = None

    @property
    def transient(self) -> bool:
        """Whether re-running unchanged may pass: the rule's say, else its category's."""
        return self.category in TRANSIENT_CATEGORIES if self.rule_transient is None else self.rule_transient

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "category": self.category,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "transient": self.transient,
            "fingerprint": self.fingerprint,
            "title": self.title,
            "summary": self.summary,
            "excerpt": [{"line": e.line, "text": e.text, "file": e.file} for e in self.excerpt],
            "key_lines": list(self.key_lines),
            "captures": dict(self.captures),
            "job": self.job,
            "step": self.step,
            "alternatives": [
                {"rule": a.rule, "category": a.category, "confidence": round(a.confidence, 3), "line": a.line}
                for a in self.alternatives
            ],
        }
