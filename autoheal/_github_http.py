"""The transport under ``autoheal.github_api``: PyGithub's requester, the retry policy, pagination,
log downloads and GitHub's errors as ``GitHubError`` messages that say what to do.

Package-private: only ``github_api`` imports it (``Client`` is a ``Transport`` with the REST
endpoints autoheal uses), so the core still sees one narrow adapter. The token is never put in
a message.

A POST is not idempotent: when GitHub applied it but the answer was lost (a
5xx from a proxy, a timeout, a reset connection), sending it again creates a
second issue, comment or pull request. So POSTs are retried only on answers
that say nothing was done (429 and rate-limit 403s); any other failure
surfaces as a ``GitHubError`` whose ``ambiguous`` is true, and the caller
looks the object up (issue by fingerprint, comment by marker, pull request by
head branch) before trying again. GETs, PATCHes of whole fields, PUTs and
DELETEs are idempotent and keep the full retry policy.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import requests
from github import Auth, Github, GithubException, GithubRetry
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from autoheal.errors import GitHubError

DEFAULT_API_URL = "https://api.github.com"
_LINK_NEXT = re.compile(r'<([^>]+)>;\s*rel="next"')
_RETRY_STATUSES = [429, *range(500, 600)]
_IDEMPOTENT = Retry.DEFAULT_ALLOWED_METHODS | {"GET", "PATCH"}  # POST is not among them


class _Retry(GithubRetry):
    """GithubRetry that retries a POST only when GitHub said it did nothing (rate limits)."""

    def is_retry(self, method: str, status_code: int, has_retry_after: bool = False) -> bool:
        if method.upper() not in _IDEMPOTENT:
            # 403 goes on to GithubRetry.increment, which retries it only for a rate limit.
            return bool(self.total) and status_code in (403, 429)
        return bool(super().is_retry(method, status_code, has_retry_after))


@dataclass
class Transport:
    """Authenticated requests to one repository's REST API (``Client`` adds the endpoints)."""

    repo: str
    token: str = field(repr=False)  # a client in a traceback, a log or a failed assertion shows no token
    api_url: str = DEFAULT_API_URL
    timeout: int = 30
    retries: int = 4
    backoff: float = 1.0
    _gh: Any = field(default=None, repr=False)
    calls: int = 0  # API requests sent through this client (printed as the API cost)

    def __post_init__(self) -> None:
        if not self.token:
            raise GitHubError("no GitHub token: set the github-token input or GITHUB_TOKEN")
        if not re.fullmatch(r"[\w.-]+/[\w.-]+", self.repo):
            raise GitHubError(f"repository {self.repo!r} is not of the form owner/name")
        retry = _Retry(
            total=self.retries,
            backoff_factor=self.backoff,
            secondary_rate_wait=60,
            max_rate_limit_wait=300,
            status_forcelist=_RETRY_STATUSES,
            allowed_methods=_IDEMPOTENT,
        )
        # GitHub asks for a second between mutative requests, against its secondary rate limits
        # (https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#pause-between-mutative-requests).
        # AUTOHEAL_WRITE_DELAY is the tests' seam (the double has no secondary limits), not a
        # setting: nothing a user should tune, so it is not in the settings table.
        delay = float(os.environ.get("AUTOHEAL_WRITE_DELAY", "1.0"))
        self._gh = Github(
            base_url=self.api_url.rstrip("/"),
            auth=Auth.Token(self.token),
            timeout=self.timeout,
            retry=retry,
            seconds_between_requests=None,
            seconds_between_writes=delay or None,
            user_agent="autoheal",
        )

    # -- plumbing ---------------------------------------------------------
    def _url(self, path: str) -> str:
        return f"{self.api_url.rstrip('/')}/repos/{self.repo}{path}"

    def request(
        self, verb: str, url: str, params: Mapping[str, Any] | None = None, body: Any = None
    ) -> tuple[dict[str, Any], Any]:
        self.calls += 1
        try:
            headers, data = self._gh.requester.requestJsonAndCheck(verb, url, parameters=dict(params or {}), input=body)
        except GithubException as exc:
            raise _explain(verb, url, exc) from None
        except requests.RequestException as exc:
            raise GitHubError(f"{verb} {_path(url)}: network error ({type(exc).__name__})") from None
        return headers, data

    def unless(
        self, status: int, verb: str, url: str, params: Mapping[str, Any] | None = None, body: Any = None
    ) -> tuple[bool, Any]:
        """``(True, data)``, or ``(False, None)`` when GitHub answers ``status``: for the calls where
        that answer is an outcome (no such label, file or user; the label or branch exists or is gone)."""
        try:
            return True, self.request(verb, url, params, body)[1]
        except GitHubError as exc:
            if exc.status != status:
                raise
            return False, None

    def paginate(
        self, path: str, params: Mapping[str, Any], key: str | None = None, limit: int = 1000
    ) -> Iterator[Any]:
        url: str | None = self._url(path)
        query: Mapping[str, Any] | None = {"per_page": 100, **params}
        seen = 0
        while url and seen < limit:
            headers, data = self.request("GET", url, query)
            items = data.get(key, []) if key else data
            for item in items:
                seen += 1
                yield item
            match = _LINK_NEXT.search(headers.get("link", "") or headers.get("Link", ""))
            url, query = (match.group(1), None) if match else (None, None)

    def _download(self, url: str, limit: int | None = None) -> bytes | None:
        """GET a log (GitHub answers 302 to a blob store); None when logs are gone.

        With ``limit``, the body is streamed and a GitHubError raised once it grows past it."""
        session = requests.Session()
        retry = Retry(
            total=self.retries,
            backoff_factor=self.backoff,
            status_forcelist=_RETRY_STATUSES,
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        session.mount("http://", HTTPAdapter(max_retries=retry))
        session.mount("https://", HTTPAdapter(max_retries=retry))
        headers = {
            "Authorization": f"Bearer {self.token}",
            "Accept": "application/vnd.github+json",
            "User-Agent": "autoheal",
        }
        try:
            # requests drops Authorization when the redirect leaves the API host.
            resp = session.get(
                url, headers=headers, timeout=self.timeout, allow_redirects=True, stream=limit is not None
            )
            if resp.status_code in (404, 410):
                return None
            if resp.status_code >= 400:
                raise GitHubError(f"GET {_path(url)}: HTTP {resp.status_code} while downloading logs", resp.status_code)
            return resp.content if limit is None else _capped(resp, limit, url)
        except requests.RequestException as exc:
            raise GitHubError(f"GET {_path(url)}: network error ({type(exc).__name__})") from None


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url).split("?")[0]


_REMEDIES = {
    "Resource not accessible by integration": (
        "the workflow token lacks a permission: add `permissions: {issues: write, actions: read, contents: read}` "
        "(plus `contents: write` and `pull-requests: write` for heal) to the workflow"
    ),
    "Bad credentials": "the token is invalid or expired: check the github-token input",
    "Issues are disabled": "enable Issues in the repository settings, or run with dry-run: true",
    "not permitted to create or approve pull requests": (
        "allow it in Settings > Actions > General > Workflow permissions "
        "('Allow GitHub Actions to create and approve pull requests'), or use a PAT / GitHub App token"
    ),
}


def _capped(resp: requests.Response, limit: int, url: str) -> bytes:
    body = bytearray()
    for chunk in resp.iter_content(1 << 16):
        body += chunk
        if len(body) > limit:
            resp.close()
            raise GitHubError(f"GET {_path(url)}: the logs exceed the {limit:,}-byte cap")
    return bytes(body)


def _explain(verb: str, url: str, exc: GithubException) -> GitHubError:
    data = exc.data if isinstance(exc.data, dict) else {}
    message = str(data.get("message") or exc.message or "request failed")
    errors = data.get("errors")
    if isinstance(errors, list) and errors:
        details = "; ".join(
            str(e.get("message") or e.get("code") or e) if isinstance(e, dict) else str(e) for e in errors[:3]
        )
        message += f" ({details})"
    text = f"{verb} {_path(url)}: HTTP {exc.status}: {message}"
    for needle, remedy in _REMEDIES.items():
        if needle.lower() in message.lower():
            text += f" — {remedy}"
            break
    return GitHubError(text, exc.status)
