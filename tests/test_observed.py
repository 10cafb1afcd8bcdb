"""A crash that died on a failed HTTP request is that request's failure (autoheal/observed.py)."""

from __future__ import annotations

import pytest

from autoheal.rules import compile_ruleset, default_ruleset
from tests.helpers import triage_text

# The catalogue without its download and HTTP-status rules: a fetching tool no rule knows.
_FULL = default_ruleset()
RS = compile_ruleset(r for r in _FULL.rules if not r.id.startswith(("net.", "http.")))


@pytest.mark.parametrize(
    ("status", "category"),
    [
        ("* Failure 404 Not Found", "dependency.missing"),
        ("* Failure 503 Service Unavailable", "network"),
        ("* Failure 401 Unauthorized", "credentials"),
    ],
)
def test_a_panic_just_below_a_failed_requests_status_is_that_requests_failure(status: str, category: str) -> None:
    d = triage_text(
        [
            "fetching 3 packages",
            "* Requesting https://pkg.acme.dev/x86_64/ipcd.tar.gz",
            status,
            "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: Custom { kind: Other }', src/main.rs:40:5",
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
        ],
        RS,
    )
    assert (d.category, d.rule) == (category, "crash.failed-request")


def test_a_panic_with_no_request_above_stays_a_crash() -> None:
    d = triage_text(
        [
            "fetching 3 packages",
            "unpacking ipcd.tar.gz",
            "thread 'main' panicked at 'index out of bounds: the len is 3 but the index is 7', src/unpack.rs:88:9",
        ],
        RS,
    )
    assert d.category == "crash"


@pytest.mark.parametrize(
    "above",
    [
        # A server's access log above a crash by a signal: the 404 is a request the server answered.
        ["[server] GET https://localhost:8080/favicon.ico 404 Not Found", "Segmentation fault (core dumped)"],
        # The status two lines up, another line between it and the panic: not what the panic says.
        [
            "* Failure 404 Not Found",
            "retrying with the cached index",
            "thread 'main' panicked at 'index out of bounds', src/a.rs:3:9",
        ],
        # A status with no request named anywhere near: a test's expected text, not a request it made.
        ["expected 404 Not Found", "thread 'main' panicked at 'index out of bounds', src/a.rs:3:9"],
    ],
)
def test_a_status_that_is_not_the_crashs_request_leaves_it_a_crash(above: list[str]) -> None:
    d = triage_text(["fetching 3 packages", *above], RS)
    assert d.rule != "crash.failed-request"


def _go_test(*body: str) -> list[str]:
    return [
        "##[group]Run go test ./...",
        "##[endgroup]",
        "ok  \texample.com/kv/codec\t0.2s",
        *body,
        "FAIL\texample.com/kv/store\t0.012s",
        "FAIL",
        "##[error]Process completed with exit code 1.",
    ]


def test_a_panic_under_a_go_test_the_testing_package_recovered_is_the_tests_failure() -> None:
    # categories.md counts ``panic:`` as a crash outside tests only: one testing.tRunner reports is the test's.
    log = _go_test(
        "--- FAIL: TestCompactKeepsLatest (0.00s)",
        "panic: runtime error: index out of range [3] with length 3 [recovered]",
        "\tpanic: runtime error: index out of range [3] with length 3",
        "",
        "goroutine 7 [running]:",
        "example.com/kv/store.(*Segment).compact(0xc00012e000)",
        "\t/w/kv/store/segment.go:57 +0x2c5",
    )
    found = triage_text(log, _FULL)
    assert found.category == "test.failure" and found.rule != "go.panic"


def test_a_go_test_that_asserts_on_a_recovered_panic_and_fails_is_a_test_failure() -> None:
    log = _go_test(
        "--- FAIL: TestRecoversFromPanic (0.00s)",
        '    store_test.go:31: expected the recovered panic "boom [recovered]", got <nil>',
    )
    assert triage_text(log, _FULL).category == "test.failure"
