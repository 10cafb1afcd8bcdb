"""Sending spooled command-line reports (``autoheal.clisend.flush``) to the GitHub double over
HTTP: a due row becomes an issue, a GitHub outage keeps the whole batch spooled, the hourly cap
keeps a row pending."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from autoheal import clireport, usersettings
from autoheal.clifacts import Failure
from autoheal.clisend import flush
from autoheal.spool import Spool

REPO = "octo-org/octo-repo"
MISSING = b"Traceback (most recent call last):\nModuleNotFoundError: No module named 'yaml'\n"
FAILED = b"FAILED tests/test_a.py::test_x - AssertionError\n"


@pytest.fixture(autouse=True)
def _no_write_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTOHEAL_WRITE_DELAY", "0")


def _settings(double: Any, **values: Any) -> usersettings.Settings:
    base = {k: spec.default for k, spec in usersettings.KEYS.items()}
    return usersettings.Settings({**base, "repo": REPO, "api-url": double.url, **values}, {}, Path("x"), None)


def _spooled(tmp_path: Path, settings: usersettings.Settings, *outputs: bytes) -> Spool:
    spool = Spool(tmp_path / "spool.sqlite3")
    for output in outputs:
        report = clireport.build_report(Failure(("python", "app.py"), output, cwd=str(tmp_path)), settings, {})
        spool.record(report["diagnosis"]["fingerprint"], report)
    return spool


def test_a_due_row_becomes_an_issue_and_is_marked_sent(github_double: Any, tmp_path: Path) -> None:
    settings = _settings(github_double)
    spool = _spooled(tmp_path, settings, MISSING)
    (sent,) = flush(spool, settings, everything=True, environ={"AUTOHEAL_TOKEN": github_double.token})
    (issue,) = github_double.issues()
    assert sent.result == "created" and sent.url.endswith(f"/issues/{issue.number}")
    assert {"autoheal", "cli-error"} <= set(issue.labels)
    (row,) = spool.rows()
    assert (row.pending, row.issue_url) == (0, sent.url)


def test_a_github_outage_keeps_the_whole_batch_spooled(github_double: Any, tmp_path: Path) -> None:
    settings = _settings(github_double)
    environ = {"AUTOHEAL_TOKEN": github_double.token}
    github_double.fault(503, "/issues", count=None)
    flush(_spooled(tmp_path / "one", settings, MISSING), settings, everything=True, environ=environ)
    one_row = len(github_double.calls())
    github_double.clear_calls()
    spool = _spooled(tmp_path / "two", settings, MISSING, FAILED)
    sent = flush(spool, settings, everything=True, environ=environ)
    assert [s.result for s in sent] == ["spooled", "spooled"]
    assert len(github_double.calls()) == one_row  # the second row is not tried against a GitHub that is down
    assert github_double.issues() == [] and all(r.pending == 1 and r.error for r in spool.rows())


def test_the_hourly_cap_keeps_the_row_pending(github_double: Any, tmp_path: Path) -> None:
    github_double.seed_issue(title="earlier", labels=["autoheal"])
    settings = _settings(github_double, **{"max-issues-per-hour": 1})
    spool = _spooled(tmp_path, settings, MISSING)
    (sent,) = flush(spool, settings, everything=True, environ={"AUTOHEAL_TOKEN": github_double.token})
    assert sent.result == "skipped" and "max-issues-per-hour" in sent.reason
    (row,) = spool.rows()
    assert row.pending == 1 and "max-issues-per-hour" in row.error
