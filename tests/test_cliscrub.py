"""Redaction of a command-line capture (``autoheal.cliscrub``): secret values, token shapes, home."""

from __future__ import annotations

import os

import pytest

from autoheal.cliscrub import Scrubber, redact


def test_values_of_secret_named_variables_are_hidden_longest_first() -> None:
    scrub = Scrubber({"DEPLOY_TOKEN": "s3cr3t-value", "DB_PASSWORD": "s3cr3t", "SHORT_TOKEN": "abc", "USER": "alice"})
    assert scrub("login s3cr3t-value then s3cr3t as alice (abc)") == "login *** then *** as alice (abc)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("push with ghp_" + "a" * 36, "push with ***"),
        ("https://bob:hunter22@example.com/x", "https://bob:***@example.com/x"),
        ("--api-key=abcdef123", "--api-key=***"),
        ("Authorization: Bearer abcdefghijklmnop", "Authorization: Bearer ***"),
        ("nothing secret here", "nothing secret here"),
    ],
)
def test_token_shapes_are_hidden(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_home_shows_as_tilde_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/alice")
    path = os.path.join("/home/alice", "project")
    assert Scrubber({}, home=True)(path) == "~/project"
    assert Scrubber({})(path) == path
