"""``autoheal doctor [--offline] [--format text|json]``: check a repository's set-up, never writing.

Offline (or without a token) it checks the files; with a token (AUTOHEAL_TOKEN, GITHUB_TOKEN or
``gh auth token``; GHES through GITHUB_API_URL) also the repository's settings and what the
token may do (``autoheal.doctor``). Exit 0 when every check passes (warnings and checks the
token may not make included), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

from autoheal.sanitize import terminal_text

NAME = "doctor"
_REMOTE = re.compile(r"[:/]([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")
_MARK = {"pass": "ok  ", "fail": "FAIL", "warn": "warn", "skip": "skip"}


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        NAME, help="check a repository's autoheal set-up and say how to fix each problem", description=__doc__
    )
    p.add_argument("--root", type=Path, default=Path("."), help="the repository checkout (default: .)")
    p.add_argument("--repo", help="owner/name (default: $GITHUB_REPOSITORY, else the origin remote)")
    p.add_argument("--api-url", help="REST API base URL (default: $GITHUB_API_URL or https://api.github.com)")
    p.add_argument("--offline", action="store_true", help="check only the files, even with a token")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=run)


def repo_name(root: Path, given: str | None) -> str | None:
    if given or os.environ.get("GITHUB_REPOSITORY"):
        return given or os.environ["GITHUB_REPOSITORY"]
    from autoheal.errors import GitError
    from autoheal.subproc import cmd_output

    try:
        rc, out, _ = cmd_output(("git", "remote", "get-url", "origin"), root, check=False, timeout=30)
    except GitError:  # no git, or it hung: the repository is unknown, as outside a clone
        return None
    found = _REMOTE.search(out.strip()) if rc == 0 else None
    return f"{found[1]}/{found[2]}" if found else None


def run(args: argparse.Namespace) -> int:
    from autoheal import doctor, doctorgh, usersettings
    from autoheal.github_api import DEFAULT_API_URL, Client

    checks = doctor.offline(args.root)
    value, source = ("", "none") if args.offline else usersettings.token_source()
    repo = repo_name(args.root, args.repo)
    if args.offline:
        note = "offline: the repository's settings and the tokens were not checked"
    elif not value:
        note = "no token (AUTOHEAL_TOKEN, GITHUB_TOKEN or gh auth login): only the files were checked"
    elif not repo:
        note = "no repository (--repo owner/name): only the files were checked"
    else:
        note = ""
        token = doctor.Token(value, source, in_actions=os.environ.get("GITHUB_ACTIONS") == "true")
        api = args.api_url or os.environ.get("GITHUB_API_URL") or DEFAULT_API_URL
        checks += doctorgh.online(Client(repo, value, api_url=api, retries=1, backoff=0.1), token, args.root)
    failed = any(c.status == doctor.FAIL for c in checks)
    if args.format == "json":
        print(
            json.dumps(
                {"ok": not failed, "repository": repo, "note": note, "checks": [c.to_json() for c in checks]}, indent=2
            )
        )
    else:
        for c in checks:
            print(terminal_text(f"{_MARK[c.status]} {c.id}: {c.message}"))
            if c.fix and c.status != doctor.PASS:
                print(terminal_text(f"     fix: {c.fix}"))
        if note:
            print(f"note: {note}")
        print("all checks pass" if not failed else "some checks fail")
    return 1 if failed else 0
