"""Current releases from package registries, looked up by the heal flow before the fixers run.

Fixers are pure and never touch the network; they read what was looked up from
``FixContext.releases`` (issue 12). Only names a fixer would add, exactly as the
log states them, are ever asked for: no search, no "did you mean".
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from typing import Protocol
from urllib.parse import quote

TIMEOUT = 5.0
_ENDPOINTS = {
    "npm": "https://registry.npmjs.org/{name}/latest",
    "pypi": "https://pypi.org/pypi/{name}/json",
}
_VERSION = re.compile(r"\d{1,9}(?:\.\d{1,9}){0,3}")  # a plain release: no pre-release or local part


class Resolver(Protocol):
    """Answers the current release of a package, or None."""

    @property
    def online(self) -> bool: ...

    def latest(self, ecosystem: str, name: str) -> str | None: ...


class Offline:
    """No registry (dry-run previews, tests): every answer is None."""

    online = False

    def latest(self, ecosystem: str, name: str) -> str | None:
        return None


class HttpResolver:
    """registry.npmjs.org and pypi.org over HTTPS; any failure is None (the fixer says so in the PR)."""

    online = True

    def __init__(self, timeout: float = TIMEOUT) -> None:
        self.timeout = timeout

    def latest(self, ecosystem: str, name: str) -> str | None:
        url = _ENDPOINTS.get(ecosystem)
        if url is None:
            return None
        request = urllib.request.Request(url.format(name=quote(name, safe="@")), headers={"Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data = json.loads(response.read(2_000_000))
        except (OSError, ValueError, urllib.error.URLError):
            return None
        version = data.get("version") if ecosystem == "npm" else (data.get("info") or {}).get("version")
        return version if isinstance(version, str) and _VERSION.fullmatch(version) else None
