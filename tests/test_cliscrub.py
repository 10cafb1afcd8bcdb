"""Redaction of a command-line capture (``autoheal.cliscrub``): secret values, then ``autoheal.redact``, home."""

from __future__ import annotations

import os

import pytest

from autoheal.cliscrub import Scrubber
from autoheal.redact import REDACTED


def test_values_of_secret_named_variables_are_hidden_longest_first() -> None:
    scrub = Scrubber({"DEPLOY_TOKEN": "s3cr3t-value", "DB_PASSWORD": "s3cr3t", "SHORT_TOKEN": "abc", "USER": "alice"})
    assert scrub("login s3cr3t-value then s3cr3t as alice (abc)") == f"login {REDACTED} then {REDACTED} as alice (abc)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("push with ghp_" + "a" * 36, "push with [redacted]"),
        ("https://bob:hunter22@example.com/x", "https://[redacted]@example.com/x"),
        ("--api-key=abcdef123", "--api-key=[redacted]"),
        ("mysql --password hunter22", "mysql --password [redacted]"),
        ("Authorization: Bearer abcdefghijklmnop", "Authorization: Bearer [redacted]"),
        ("nothing secret here", "nothing secret here"),
    ],
)
def test_token_shapes_are_hidden_with_the_one_mask(text: str, expected: str) -> None:
    """The patterns and the mask are autoheal.redact's: a capture's facts, a CI log and an issue body agree."""
    assert Scrubber({})(text) == expected


def test_values_alone_leave_the_patterns_to_triage() -> None:
    """The captured output is redacted once: its secret values here, its patterns by triage's normalize."""
    scrub = Scrubber({"DEPLOY_TOKEN": "s3cr3t-value"})
    assert scrub.values("s3cr3t-value password=hunter2") == f"{REDACTED} password=hunter2"


def test_home_shows_as_tilde_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/alice")
    path = os.path.join("/home/alice", "project")
    assert Scrubber({}, home=True)(path) == "~/project"
    assert Scrubber({})(path) == path
