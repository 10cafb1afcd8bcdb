"""The last green run as a baseline: what a passing log of the same job also printed.

A line of the failed log whose *template* (the line with what varies between
runs masked: timestamps, durations, numbers, hex ids, temporary and workspace
paths) also occurs in the passing log is chatter the job prints when it
succeeds. Such a line never anchors the root cause and leaves the excerpt
unless it is needed as context (CiDiff, ISSTA 2025, cuts the lines to inspect
this way). Counts stay apart from other numbers where it matters: ``Failures: 0``
in the passing log must not make ``Failures: 3`` look familiar.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from autoheal.logsource import LogDoc, open_input
from autoheal.normalize import decode, normalize

# A passing log bigger than this is read only this far: its start holds the
# set-up chatter, and a baseline must never cost more than the triage itself.
MAX_BASELINE_BYTES = 64 << 20
_MASKS = (
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I), "<uuid>"),
    (re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?"), "<time>"),
    (re.compile(r"\b\d\d:\d\d:\d\d(?:[.,]\d+)?\b"), "<time>"),
    (re.compile(r"(?:/tmp|/var/folders|/private/var)/[^\s'\":]*"), "<tmp>"),
    (re.compile(r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b", re.I), "<hex>"),
    (re.compile(r"0x[0-9a-f]+", re.I), "<addr>"),
    (re.compile(r"\b\d+(?:\.\d+)?\s?(?:ms|s|m|h|sec|secs|seconds|minutes|min)\b"), "<dur>"),
    (re.compile(r"\b\d+(?:[.,]\d+)*(?:\s?(?:[kKMG]i?B|B|%))?"), lambda m: "0" if m.group() == "0" else "#"),
    (re.compile(r"\s+"), " "),
)


def template(line: str) -> str:
    """``line`` (normalised) with what varies between runs of one job masked."""
    for pattern, placeholder in _MASKS:
        line = pattern.sub(placeholder, line)
    return line.strip()


@dataclass(frozen=True)
class Baseline:
    """The templates of a passing log's lines."""

    templates: frozenset[str] = field(default_factory=frozenset)

    def known(self, line: str) -> bool:
        """True when a normalised line of the failed log also shows in the passing log."""
        shape = template(line)
        return bool(shape) and shape in self.templates

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Baseline:
        return cls(frozenset(t for t in (template(normalize(x)) for x in lines) if t))

    @classmethod
    def from_docs(cls, docs: Iterable[LogDoc]) -> Baseline:
        shapes: set[str] = set()
        for doc in docs:
            with doc.opener() as stream:
                data = stream.read(MAX_BASELINE_BYTES)
            shapes.update(template(normalize(decode(raw))) for raw in data.split(b"\n"))
        shapes.discard("")
        return cls(frozenset(shapes))

    @classmethod
    def from_path(cls, spec: str) -> Baseline:
        """The baseline from a command-line input (file, zip, directory)."""
        return cls.from_docs(open_input(spec))
