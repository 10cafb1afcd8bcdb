"""Fingerprints: the same cause gives the same id across re-runs, another cause another id.

What varies between runs of one failure (timestamps, durations, temp paths,
hex ids, ports, PIDs, log line numbers) is masked before hashing; what names
the cause (the module, the test, the file, the rule) is kept.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

_MASKS = (
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I), "<uuid>"),
    (re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?"), "<time>"),
    (
        re.compile(r"(?:/tmp|/var/folders|/private/var|[A-Za-z]:\\Users\\[^\\]+\\AppData\\Local\\Temp)[/\\][^\s'\":]*"),
        "<tmp>",
    ),
    (
        re.compile(r"/home/runner/work/[^/\s]+/[^/\s]+/|[A-Za-z]:\\a\\[^\\\s]+\\[^\\\s]+\\|/__w/[^/\s]+/[^/\s]+/"),
        "<ws>/",
    ),
    (re.compile(r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b", re.I), "<hex>"),
    (re.compile(r"0x[0-9a-f]+", re.I), "<addr>"),
    (re.compile(r"\b\d+(?:\.\d+)*(?:ms|s|m|h|sec|secs|seconds|minutes)?\b"), "#"),
    (re.compile(r"\s+"), " "),
)
# Captures that measure rather than name a cause.
_NOISY_CAPTURES = frozenset({"minutes", "signal", "host"})


def mask(text: str) -> str:
    """Replace run-to-run noise in ``text`` with placeholders."""
    for pattern, placeholder in _MASKS:
        text = pattern.sub(placeholder, text)
    return text.strip()


def fingerprint(category: str, rule: str, captures: Mapping[str, str], evidence: str) -> str:
    """A 16-hex-digit id of the cause: category, rule and what names the cause."""
    named = sorted((k, mask(v)) for k, v in captures.items() if k not in _NOISY_CAPTURES)
    key = repr(named) if named else mask(evidence)
    digest = hashlib.sha256(f"{category}\0{rule}\0{key}".encode("utf-8", "replace"))
    return digest.hexdigest()[:16]
