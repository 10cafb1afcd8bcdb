"""Injected failures, matched by method and path regex, each good for ``count`` requests.

Kinds: an HTTP status (500, 502, 503, 404, 410, 422, 429) or one of
``secondary_rate_limit`` (403 + Retry-After), ``primary_rate_limit`` (403, remaining 0 + reset),
``issues_disabled`` (410), ``slow`` (answers normally after ``delay`` seconds; any fault
may carry a delay), ``reset`` (the connection is closed without an answer) and ``hold`` (the
request waits, unhandled, until the test calls ``release()``; ``arrived`` says it is waiting).

``hold`` is how a test forces one interleaving of concurrent clients instead of hoping a stress
loop hits it: each client's request reaches the server and stops there, and the test lets them
through in the order it wants. GitHub handles concurrent requests in whatever order they land,
so every order a test builds this way is one GitHub can produce.

With ``apply=True`` the request is first handled as usual (a write takes effect) and only then
is its answer replaced by the failure: the "GitHub applied it but the answer was lost" case
(a 5xx from a proxy, a timeout, a reset connection) that makes a blind retry create twice.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from .routing import DOCS, Reply, error_body

SECONDARY_MESSAGE = (
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
    "If you reach out to GitHub Support for help, please include the request ID {request_id}."
)
MESSAGES = {
    403: "Resource not accessible by integration",
    404: "Not Found",
    410: "Issues are disabled for this repo",
    422: "Validation Failed",
    429: SECONDARY_MESSAGE,
    500: "Server Error",
    502: "Server Error",
    503: "Service Unavailable",
}
KINDS = ("secondary_rate_limit", "primary_rate_limit", "issues_disabled", "slow", "reset", "hold")
HOLD_TIMEOUT = 60.0  # a held request that is never released is let through: a broken test fails, it does not hang
RATE_DOCS = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api"


@dataclass
class Fault:
    kind: str | int
    path: str = ""  # regex searched in the request path
    method: str | None = None
    count: int | None = 1  # None: every matching request
    delay: float = 0.0
    retry_after: int | None = None
    reset_in: int = 60  # primary rate limit: seconds until X-RateLimit-Reset
    message: str | None = None
    errors: list[dict[str, Any]] | None = None  # 422 error items
    body: Any = None  # replaces the JSON body (a str is sent as text, e.g. an HTML 502 page)
    apply: bool = False  # handle the request first (the write happens), then fail its answer
    hits: int = 0

    def __post_init__(self) -> None:
        if isinstance(self.kind, str) and self.kind.isdigit():
            self.kind = int(self.kind)
        if self.kind not in KINDS and self.kind not in MESSAGES:
            raise ValueError(f"unknown fault kind {self.kind!r}; expected one of {KINDS} or {sorted(MESSAGES)}")
        re.compile(self.path)
        # Not dataclass fields: the admin endpoints serialise faults with ``dataclasses.asdict``.
        self.arrived = threading.Event()
        self._released = threading.Event()

    def hold(self) -> None:
        """Wait here (a ``hold`` fault) until ``release``; ``arrived`` is set meanwhile."""
        self.arrived.set()
        self._released.wait(HOLD_TIMEOUT)

    def release(self) -> None:
        self._released.set()

    def wait_arrived(self, timeout: float = HOLD_TIMEOUT) -> None:
        """Block until a request is held here; AssertionError when none comes within ``timeout``."""
        if not self.arrived.wait(timeout):
            raise AssertionError(f"no {self.method or 'request'} {self.path!r} arrived within {timeout} s")

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method.upper() == method) and re.search(self.path, path) is not None

    def reply(self, request_id: str) -> Reply | None:
        """The failure to send, or None for ``slow`` and ``hold`` (handle normally after the wait).

        ``reset`` answers status 0: the server closes the connection without a response.
        """
        if self.kind in ("slow", "hold"):
            return None
        if self.kind == "reset":
            return Reply(0)
        status, headers = self._status_and_headers()
        default = MESSAGES.get(status, "")
        if self.kind == "secondary_rate_limit":
            default = SECONDARY_MESSAGE
        elif self.kind == "primary_rate_limit":
            default = "API rate limit exceeded for installation ID 1234567."
        message = (self.message or default).format(request_id=request_id)
        if self.body is not None:
            return Reply(status, self.body, headers)
        errors = self.errors
        if errors is None and status == 422:
            errors = [{"resource": "Issue", "code": "invalid", "field": "body"}]
        docs = RATE_DOCS if status in (403, 429) else DOCS
        return Reply(status, error_body(status, message, errors=errors, docs=docs), headers)

    def _status_and_headers(self) -> tuple[int, dict[str, str]]:
        if self.kind == "secondary_rate_limit":
            return 403, {"Retry-After": str(self.retry_after if self.retry_after is not None else 60)}
        if self.kind == "primary_rate_limit":
            reset = int(time.time()) + self.reset_in
            return 403, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)}
        if self.kind == "issues_disabled":
            return 410, {}
        status = int(self.kind)
        headers = {"Retry-After": str(self.retry_after)} if self.retry_after is not None else {}
        if status == 429 and not headers:
            headers["Retry-After"] = "60"
        return status, headers


@dataclass
class FaultQueue:
    faults: list[Fault] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, fault: Fault) -> Fault:
        with self.lock:
            self.faults.append(fault)
        return fault

    def take(self, method: str, path: str) -> Fault | None:
        """The first pending fault matching the request, consuming one of its uses."""
        with self.lock:
            for fault in self.faults:
                if fault.matches(method, path):
                    fault.hits += 1
                    if fault.count is not None and fault.hits >= fault.count:
                        self.faults.remove(fault)
                    return fault
        return None

    def clear(self) -> None:
        with self.lock:
            self.faults.clear()

    def pending(self) -> list[Fault]:
        with self.lock:
            return list(self.faults)
