"""Redaction of what a command-line capture sends: the values of variables named like secrets,
then known token shapes (``redact``), and, in the facts the templates show, the home directory
as ``~``. Which variables a report may show at all is ``ENV_ALLOWED`` (plus the user's ``env``)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

ENV_ALLOWED = (
    "CI",
    "GITHUB_ACTIONS",
    "GITHUB_WORKFLOW",
    "GITHUB_JOB",
    "GITHUB_RUN_ID",
    "GITHUB_REF_NAME",
    "RUNNER_OS",
    "TERM",
    "SHELL",
    "LANG",
    "LC_ALL",
    "TZ",
    "VIRTUAL_ENV",
    "CONDA_DEFAULT_ENV",
    "PYTHONHASHSEED",
    "PYTHONIOENCODING",
    "NODE_ENV",
)
SECRET_NAME = re.compile(r"TOKEN|SECRET|PASS(?:WORD|WD)?\b|PASSWD|API_?KEY|PRIVATE|CREDENTIAL|AUTH", re.I)
MIN_SECRET = 6

# Stand-in for ``autoheal.redact`` (being written): swap ``redact`` for it, nothing else calls these.
_SECRETS = (
    (re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})"), "***"),
    (re.compile(r"\bAKIA[0-9A-Z]{16}\b"), "***"),
    (re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"), "***"),
    (re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"), "***"),
    (re.compile(r"(?i)\b(bearer|token|basic)(\s+)[A-Za-z0-9._~+/=-]{12,}"), r"\1\2***"),
    (
        re.compile(
            r"(?i)(\b[\w.-]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key)[\w.-]*\s*[=:]\s*)"
            r"(\"[^\"]*\"|'[^']*'|[^\s&\"',;]+)"
        ),
        r"\1***",
    ),
    (re.compile(r"(?i)(--[\w-]*(?:password|passwd|token|secret|api-key|apikey)[\w-]*[= ])(\S+)"), r"\1***"),
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s/:@]+:)[^\s/@]+@"), r"\1***@"),
)


def redact(text: str) -> str:
    """``text`` with the secrets it shows replaced by ``***``."""
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


class Scrubber:
    """Redaction for one environment: known secret values (any variable named like a secret),
    then the patterns of ``redact``; with ``home``, the home directory shows as ``~`` (not in the
    output, whose paths the fingerprint masks as it does in CI logs)."""

    def __init__(self, environ: Mapping[str, str], home: bool = False) -> None:
        values = {v for k, v in environ.items() if SECRET_NAME.search(k) and len(v) >= MIN_SECRET}
        self._values = sorted(values, key=len, reverse=True)
        self._home = os.path.expanduser("~") if home else ""

    def __call__(self, text: str) -> str:
        for value in self._values:
            text = text.replace(value, "***")
        text = redact(text)
        if len(self._home) > 1:
            text = re.sub(re.escape(self._home) + r"(?=[/\\]|\b|$)", "~", text)
        return text
