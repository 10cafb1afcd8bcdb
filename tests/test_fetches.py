"""A download that answered an HTTP error status (autoheal/fetches.py): its request heads the failure."""

from __future__ import annotations

from autoheal import fetches
from autoheal.rules import default_ruleset
from tests.helpers import triage_text

RS = default_ruleset()


def _numbered(*lines: str) -> list[tuple[int, str]]:
    return list(enumerate(lines, 1))


def test_an_http_error_status_is_read_from_a_tools_words_and_a_reason_phrase() -> None:
    assert fetches.status("Error: Unexpected HTTP response: 404") == 404
    assert fetches.status("2025-01-29 08:33:19 ERROR 404: Not Found.") == 404
    assert fetches.status("curl: (22) The requested URL returned error: 410") == 410
    assert fetches.status("HTTP request sent, awaiting response... 503 Service Unavailable") == 503
    assert fetches.status("Downloaded 404 files in 3s") is None
    assert fetches.status("error: expected 3 arguments, found 404 bytes") is None


def test_the_run_of_announcements_right_above_the_error_heads_it() -> None:
    lines = _numbered(
        "Finding needed golangci-lint version...",
        "Installing golangci-lint binary v1.65.0...",
        "Downloading binary https://github.com/golangci/golangci-lint/releases/download/v1.65.0/x.tar.gz ...",
        "",
        "Failed to run: Error: Unexpected HTTP response: 404",
    )
    assert fetches.head(lines, 4) == 1
    assert fetches.absent(lines, 5)


def test_an_error_with_no_request_above_it_or_another_status_is_no_missing_download() -> None:
    unannounced = _numbered("Running checks", "", "Error: Unexpected HTTP response: 404")
    assert fetches.head(unannounced, 2) == 2
    assert not fetches.absent(unannounced, 3)
    # A server error is the remote's trouble (cues.py reads it), not a resource that does not exist.
    assert not fetches.absent(_numbered("Downloading https://example.com/a.tgz", "HTTP Error 503: Unavailable"), 2)
    # Two blank lines are more than a closed group: what stands above them is another part of the log.
    far = _numbered("Downloading https://example.com/a.tgz", "", "", "Error: HTTP response: 404")
    assert not fetches.absent(far, 4)


def _action(*out: str) -> tuple[str, ...]:
    head = ("##[group]Run golangci/golangci-lint-action@v6", "with:", "  version: v9.9.9", "##[endgroup]")
    return (*head, "##[group]prepare environment", *out)


def test_a_404_on_an_actions_download_is_a_missing_dependency_not_the_tools_failure() -> None:
    d = triage_text(
        _action(
            "Installing golangci-lint binary v9.9.9...",
            "Downloading binary https://github.com/golangci/golangci-lint/releases/download/v9.9.9/x.tar.gz ...",
            "##[endgroup]",
            "##[error]Failed to run: Error: Unexpected HTTP response: 404",
        ),
        RS,
    )
    assert d.category == "dependency.missing"
    assert any("Downloading binary" in x.text for x in d.excerpt)


def test_the_same_action_failing_on_its_findings_stays_the_linters() -> None:
    d = triage_text(
        _action(
            "Installing golangci-lint binary v9.9.9...",
            "##[endgroup]",
            "main.go:12:2: ineffectual assignment to err (ineffassign)",
            "##[error]issues found",
        ),
        RS,
    )
    assert d.category == "lint.error"


def test_wgets_request_resolve_and_connect_lines_head_its_404() -> None:
    url = "https://example.org/releases/tool-1.2.3.tar.gz"
    d = triage_text(
        (
            f"$ wget {url}",
            f"--2025-01-29 08:33:19--  {url}",
            "Resolving example.org (example.org)... 93.184.216.34",
            "Connecting to example.org (example.org)|93.184.216.34|:443... connected.",
            "HTTP request sent, awaiting response... 404 Not Found",
            "2025-01-29 08:33:19 ERROR 404: Not Found.",
            "",
            f'The command "wget {url}" failed and exited with 8 during .',
        ),
        RS,
    )
    assert d.category == "dependency.missing"
    assert [x.line for x in d.excerpt][:1] == [2]


def test_a_run_of_announcements_naming_no_address_fetches_nothing() -> None:
    # "Installing test fixtures..." then a mock server's 404: no download was announced.
    lines = _numbered("Installing test fixtures...", "Error: HTTP response: 404 from mock server")
    assert fetches.head(lines, 1) == 1 and not fetches.absent(lines, 2)
