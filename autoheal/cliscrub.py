"""Redaction of what a command-line capture sends: the values of variables named like secrets,
then the secret patterns of ``autoheal.redact`` (the one set and mask, as for CI logs and issue
bodies), and, in the facts the templates show, the home directory as ``~``. Which variables a
report may show at all is ``ENV_ALLOWED`` (plus the user's ``env``)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from autoheal.redact import REDACTED, redact

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


class Scrubber:
    """Redaction for one environment: known secret values (any variable named like a secret),
    then the patterns of ``autoheal.redact``, with its mask; with ``home``, the home directory
    shows as ``~`` (not in the output, whose paths the fingerprint masks as it does in CI logs)."""

    def __init__(self, environ: Mapping[str, str], home: bool = False) -> None:
        values = {v for k, v in environ.items() if SECRET_NAME.search(k) and len(v) >= MIN_SECRET}
        self._values = sorted(values, key=len, reverse=True)
        self._home = os.path.expanduser("~") if home else ""

    def values(self, text: str) -> str:
        """``text`` with the environment's secret values hidden, and nothing else: the captured
        output, which triage then redacts as it does a CI log (once, where lines leave the scan)."""
        for value in self._values:
            text = text.replace(value, REDACTED)
        return text

    def __call__(self, text: str) -> str:
        """A fact the templates show: the secret values, the secret patterns, the home directory."""
        text = redact(self.values(text))
        if len(self._home) > 1:
            text = re.sub(re.escape(self._home) + r"(?=[/\\]|\b|$)", "~", text)
        return text
