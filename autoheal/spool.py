"""The local spool of captured failures: one SQLite row per fingerprint, in the user data directory.

A row holds how often the failure was seen here (``count``), how many of those GitHub has not
been told about yet (``pending``), the latest report (JSON) and when an update was last sent.
It serves two ends: reports that could not be sent (offline, no token, 5xx, rate limit) wait
here until ``autoheal capture flush`` or the next failure sends them, and repeats are bundled (at
most one counter update per fingerprint per ``bundle-minutes``; the rest are counted here and
sent with the next update). WAL mode and short ``BEGIN IMMEDIATE`` transactions let several
commands failing at once share the file; a row being sent is claimed so it is sent once.
The spool is bounded: past ``limit`` rows the least recently seen are dropped and counted.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CLAIM_SECONDS = 300  # a sender that died mid-send frees its rows after this
_SCHEMA = """
CREATE TABLE IF NOT EXISTS failures (
    fingerprint TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    pending INTEGER NOT NULL,
    first_seen REAL NOT NULL,
    last_seen REAL NOT NULL,
    last_sent REAL,
    claimed_at REAL,
    issue_url TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    report TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""
_COLUMNS = "fingerprint, count, pending, first_seen, last_seen, last_sent, issue_url, error, report"


@dataclass(frozen=True)
class Row:
    fingerprint: str
    count: int
    pending: int
    first_seen: float
    last_seen: float
    last_sent: float | None
    issue_url: str
    error: str
    report: dict[str, Any]


def _row(values: tuple[Any, ...]) -> Row:
    fingerprint, count, pending, first_seen, last_seen, last_sent, issue_url, error, report = values
    return Row(fingerprint, count, pending, first_seen, last_seen, last_sent, issue_url, error, json.loads(report))


class Spool:
    def __init__(self, path: Path, limit: int = 500) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.limit = max(limit, 1)
        self._db = sqlite3.connect(path, timeout=10, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def record(self, fingerprint: str, report: dict[str, Any], now: float | None = None) -> Row:
        """One more occurrence of ``fingerprint``; ``report`` becomes its latest report."""
        now = time.time() if now is None else now
        text = json.dumps(report, ensure_ascii=False, sort_keys=True)
        with self._transaction() as db:
            db.execute(
                "INSERT INTO failures (fingerprint, count, pending, first_seen, last_seen, report)"
                " VALUES (?, 1, 1, ?, ?, ?) ON CONFLICT(fingerprint) DO UPDATE SET"
                " count = count + 1, pending = pending + 1, last_seen = excluded.last_seen, report = excluded.report",
                (fingerprint, now, now, text),
            )
            self._bound(db)
        found = self.get(fingerprint)
        assert found is not None
        return found

    def _bound(self, db: sqlite3.Connection) -> None:
        (rows,) = db.execute("SELECT COUNT(*) FROM failures").fetchone()
        extra = rows - self.limit
        if extra > 0:
            db.execute(
                "DELETE FROM failures WHERE fingerprint IN"
                " (SELECT fingerprint FROM failures ORDER BY last_seen, fingerprint LIMIT ?)",
                (extra,),
            )
            db.execute(
                "INSERT INTO counters VALUES ('dropped', ?) ON CONFLICT(name) DO UPDATE SET value = value + ?",
                (extra, extra),
            )

    def get(self, fingerprint: str) -> Row | None:
        found = self._db.execute(f"SELECT {_COLUMNS} FROM failures WHERE fingerprint = ?", (fingerprint,)).fetchone()
        return _row(found) if found else None

    def rows(self) -> list[Row]:
        return [_row(r) for r in self._db.execute(f"SELECT {_COLUMNS} FROM failures ORDER BY last_seen DESC")]

    def dropped(self) -> int:
        found = self._db.execute("SELECT value FROM counters WHERE name = 'dropped'").fetchone()
        return int(found[0]) if found else 0

    def claim(self, bundle_seconds: float, now: float | None = None) -> list[Row]:
        """The rows with occurrences to send whose bundling window is over, claimed for this sender."""
        now = time.time() if now is None else now
        with self._transaction() as db:
            found = [
                _row(r)
                for r in db.execute(
                    f"SELECT {_COLUMNS} FROM failures WHERE pending > 0"
                    " AND (last_sent IS NULL OR last_sent <= ?) AND (claimed_at IS NULL OR claimed_at <= ?)"
                    " ORDER BY first_seen",
                    (now - bundle_seconds, now - CLAIM_SECONDS),
                )
            ]
            db.executemany(
                "UPDATE failures SET claimed_at = ? WHERE fingerprint = ?", [(now, r.fingerprint) for r in found]
            )
        return found

    def sent(self, row: Row, issue_url: str, now: float | None = None) -> None:
        """GitHub now knows the ``row.pending`` occurrences that were claimed with ``row``."""
        self._db.execute(
            "UPDATE failures SET pending = MAX(pending - ?, 0), last_sent = ?, claimed_at = NULL,"
            " issue_url = ?, error = '' WHERE fingerprint = ?",
            (row.pending, time.time() if now is None else now, issue_url or row.issue_url, row.fingerprint),
        )

    def release(self, row: Row, error: str) -> None:
        """Sending ``row`` failed: it stays pending, with why."""
        self._db.execute(
            "UPDATE failures SET claimed_at = NULL, error = ? WHERE fingerprint = ?", (error[:500], row.fingerprint)
        )

    def clear(self) -> int:
        with self._transaction() as db:
            (rows,) = db.execute("SELECT COUNT(*) FROM failures").fetchone()
            db.execute("DELETE FROM failures")
            db.execute("DELETE FROM counters")
        return int(rows)
