"""A download that answered an HTTP error status: the request a tool announced right above the error.

A tool that fetches what the job needs says so first (``Downloading binary https://...``, ``Installing
golangci-lint binary v1.65.0...``, wget's ``--2025-01-29 08:33:19--  https://...``), then reports the
answer when it is an error (``Unexpected HTTP response: 404``, ``ERROR 404: Not Found``). The request
is the failure's head: it says what could not be fetched, so the excerpt starts there (leads.py). A 404
or 410 (RFC 9110 15.5.5, 15.5.11: the server has no such resource) to an announced download is what the
job needs not existing at that address (a release, an asset, a version never published): a missing
dependency, whichever tool's step it is, not that tool's own failure (golangci-lint-action's download
never ran the linter). Other statuses keep their own reading (cues.py: 401, 403, 429, 5xx).
"""

from __future__ import annotations

from collections.abc import Sequence

from autoheal import blocks, lazyre

Numbered = Sequence[tuple[int, str]]

# An HTTP status in an error's words: ``HTTP response: 404``, ``HTTP Error 404``, ``status code 404``,
# curl's ``returned error: 404``, wget's ``ERROR 404: Not Found``, a reason phrase after the code.
_STATUS = lazyre.compile(
    r"(?i)\b(?:HTTP(?:/[\d.]+)?|response|status(?: code)?|returned error|error)\W{0,3}(?P<code>[45]\d\d)\b|"
    r"\b(?P<phrased>[45]\d\d):? (?:Not Found|Gone|Forbidden|Unauthori[sz]ed|Too Many Requests|Bad Gateway|"
    r"Service Unavailable|Internal Server Error|Gateway Time-?out)\b"
)
# A tool announcing the request it is about to make: a download, a fetch, an install that downloads.
_ANNOUNCES = lazyre.compile(
    r"^\s*(?:Downloading|Fetching|Retrieving|Installing|Requesting)\b|"
    r"^--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--\s+\S+://|^(?:Resolving|Connecting to) \S+|"
    r"^\s*HTTP request sent, awaiting response"
)
# An address on a line: a run of announcements is a request only when one of its lines names what it fetches.
_ADDRESS = lazyre.compile(r"\S+://\S")
# How many lines above the error a run of announcements may reach (wget's request, resolve and connect lines).
REACH = 6
# The statuses that say the resource does not exist at that address.
_ABSENT = frozenset({404, 410})


def status(text: str) -> int | None:
    """The HTTP error status (4xx, 5xx) the line reports, if any."""
    m = _STATUS.search(text)
    return int(m["code"] or m["phrased"]) if m else None


def announces(text: str) -> bool:
    """The line announces a request (a download, a fetch)."""
    return bool(_ANNOUNCES.search(text))


def head(lines: Numbered, at: int) -> int:
    """Where the failure at index ``at`` starts when it is an HTTP error answering a request announced right
    above it (one of them naming the address: ``Installing test fixtures...`` alone fetches nothing): the first
    line of that run of announcements; else ``at``."""
    if status(lines[at][1]) is None:
        return at
    top, addressed = at, False
    for k in range(at - 1, max(-1, at - 1 - REACH), -1):
        text = lines[k][1]
        if announces(text):
            top, addressed = k, addressed or bool(_ADDRESS.search(text))
        elif not (k == at - 1 and blocks.blank(text)):  # the group the request was made in closed above the error
            break
    return top if addressed else at


def absent(lines: Numbered, line: int) -> bool:
    """Line number ``line`` of ``lines`` says an announced download does not exist (404, 410)."""
    at = next((i for i, (n, _) in enumerate(lines) if n == line), None)
    return at is not None and status(lines[at][1]) in _ABSENT and head(lines, at) < at
