"""What a command-line capture says (``autoheal.clifacts``): facts, severity, triage, spool JSON."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from autoheal import usersettings
from autoheal.clifacts import Failure, diagnose, diagnosis_from_json, facts, severity
from tests.helpers import ruleset

SETTINGS = usersettings.Settings(
    {**{k: spec.default for k, spec in usersettings.KEYS.items()}, "env": ["MY_FLAG", "API_TOKEN"]}, {}, Path("x"), None
)


@pytest.mark.parametrize(
    ("category", "signum", "count", "expected"),
    [
        ("test.failure", None, 1, "low"),
        ("dependency.missing", None, 1, "medium"),
        ("test.failure", None, 10, "medium"),
        ("test.failure", None, 100, "high"),
        ("dependency.missing", int(signal.SIGTERM), 1, "high"),
        ("test.failure", int(signal.SIGSEGV), 1, "critical"),
        ("crash", None, 1000, "critical"),
    ],
)
def test_severity(category: str, signum: int | None, count: int, expected: str) -> None:
    assert severity(category, signum, count) == expected


def test_facts_show_allowed_variables_and_no_secret() -> None:
    environ = {"CI": "true", "MY_FLAG": "1", "OTHER": "x", "API_TOKEN": "tok-123456"}
    failure = Failure(("pytest", "--token=tok-123456"), b"", 2, None, 1.5, "/tmp/w", "1.0")
    shown = facts(failure, SETTINGS, environ)
    assert shown["env"] == [["CI", "true"], ["MY_FLAG", "1"]]
    assert "tok-123456" not in shown["command"] and shown["program"] == "pytest"
    assert (shown["status"], shown["duration"], shown["signal"]) == (2, "1.50 s", "")


def test_a_killed_command_is_triaged_with_the_line_a_shell_prints() -> None:
    failure = Failure(("./server",), b"starting\n", -11, int(signal.SIGSEGV), None, ".")
    d = diagnose(failure, ruleset(), {})
    assert [line.text for line in d.excerpt][-1] == "server: killed by signal 11 (Segmentation fault)"


def test_the_spool_json_reads_back_the_diagnosis() -> None:
    d = diagnose(Failure(("python", "app.py"), b"ModuleNotFoundError: No module named 'yaml'\n"), ruleset(), {})
    data = {**d.to_json(), "severity": "high", "hint": "add it"}
    back = diagnosis_from_json(data)
    assert (back.fingerprint, back.category, back.captures, back.excerpt) == (
        d.fingerprint,
        d.category,
        d.captures,
        d.excerpt,
    )
    assert (back.severity, back.hint) == ("high", "add it")
    assert diagnosis_from_json({**data, "category": "infrastructure", "transient": False}).transient is False
