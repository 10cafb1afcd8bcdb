"""The spool: one row per fingerprint, bundling windows, claims, and its bound."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from autoheal.spool import Spool


def report(n: int = 0) -> dict[str, object]:
    return {"repo": "o/r", "n": n}


def test_repeats_share_a_row_with_the_latest_report(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "s.db")
    spool.record("a" * 16, report(1), now=100)
    row = spool.record("a" * 16, report(2), now=200)
    assert (row.count, row.pending, row.first_seen, row.last_seen, row.report) == (2, 2, 100, 200, report(2))
    assert sqlite3.connect(tmp_path / "s.db").execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_row_is_due_once_per_bundle_window_and_claimed_once(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "s.db")
    spool.record("f", report(), now=1000)
    (claimed,) = spool.claim(900, now=1000)  # never sent: due at once
    assert spool.claim(900, now=1000) == []  # claimed by the first sender
    spool.sent(claimed, "https://x/issues/1", now=1000)
    spool.record("f", report(), now=1100)
    assert spool.claim(900, now=1100) == []  # inside the window: counted locally
    (due,) = spool.claim(900, now=1900)
    assert due.pending == 1 and due.issue_url == "https://x/issues/1"
    spool.record("f", report(), now=1901)  # arrives while the update is being sent
    spool.sent(due, "", now=1902)
    assert spool.get("f").pending == 1  # type: ignore[union-attr]


def test_a_failed_send_keeps_the_row_pending_with_why(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "s.db")
    spool.record("f", report(), now=1)
    (row,) = spool.claim(0, now=1)
    spool.release(row, "network error")
    (again,) = spool.claim(0, now=2)
    assert again.pending == 1 and again.error == "network error"


def test_the_spool_is_bounded_and_says_how_many_it_dropped(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "s.db", limit=3)
    for i in range(5):
        spool.record(f"f{i}", report(i), now=i)
    assert [r.fingerprint for r in spool.rows()] == ["f4", "f3", "f2"] and spool.dropped() == 2
    assert spool.clear() == 3 and spool.rows() == [] and spool.dropped() == 0
