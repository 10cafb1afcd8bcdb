"""``autoheal capture list|flush|clear``: the spool of failures captured on the command line.

``list`` shows each failure with its counts and what is still to send (and how many were
dropped when the spool was full); ``flush`` sends every pending report now, bundling window or
not; ``clear`` empties the spool.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime

from autoheal import clireport, clisend, usersettings
from autoheal.spool import Spool

NAME = "capture"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        NAME,
        help="list, send or clear the failures captured offline",
        description="The spool of captured failures (SQLite in the user data directory): one row per "
        "fingerprint with its count and latest report. Reports wait here when GitHub cannot be reached, "
        "and repeats wait for the next counter update (bundle-minutes).",
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="the spooled failures")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    actions.add_parser("flush", help="send every pending report now")
    actions.add_parser("clear", help="forget every spooled failure")
    p.set_defaults(handler=run)


def _when(stamp: float | None) -> str:
    return datetime.fromtimestamp(stamp).strftime("%Y-%m-%d %H:%M") if stamp else "never"


def list_rows(spool: Spool, as_json: bool) -> None:
    rows = spool.rows()
    for row in rows:
        d = row.report["diagnosis"]
        if as_json:
            print(
                json.dumps(
                    {
                        "fingerprint": row.fingerprint,
                        "category": d["category"],
                        "count": row.count,
                        "pending": row.pending,
                        "last_seen": row.last_seen,
                        "last_sent": row.last_sent,
                        "issue_url": row.issue_url,
                        "error": row.error,
                        "command": row.report["cli"]["command"],
                    }
                )
            )
            continue
        print(
            f"{row.fingerprint}  {d['category']}  seen {row.count}x, {row.pending} to send  {row.report['cli']['command']}"
        )
        print(
            f"    last seen {_when(row.last_seen)}, last sent {_when(row.last_sent)}  {row.issue_url or '(no issue yet)'}"
        )
        if row.error:
            print(f"    not sent: {row.error}")
    if not rows and not as_json:
        print("the spool is empty")
    dropped = spool.dropped()
    if dropped and not as_json:
        print(f"{dropped} older failure(s) were dropped: the spool keeps {spool.limit} (setting spool-size)")


def run(args: argparse.Namespace) -> int:
    settings = usersettings.load(detect=True)
    spool = clireport.open_spool(settings)
    try:
        if args.action == "list":
            list_rows(spool, args.json)
        elif args.action == "clear":
            print(f"cleared {spool.clear()} spooled failure(s)")
        else:
            results = clisend.flush(spool, settings, everything=True)
            for sent in results:
                where = sent.url or sent.reason
                print(f"{sent.row.fingerprint}: {sent.result} {where}".rstrip())
            if not results:
                print("nothing to send")
            return 1 if any(s.result == "spooled" for s in results) else 0
    finally:
        spool.close()
    return 0
