"""Flags shared by several commands, and the GitHub client they build from flags and environment."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from autoheal.errors import UsageError

if TYPE_CHECKING:  # PyGithub costs 150 ms to import: ``autoheal triage`` never needs it
    from autoheal.actions import Event
    from autoheal.github_api import Client


def add_config_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", help="autoheal config file (default: .github/autoheal.yml if present)")
    p.add_argument("--templates", help="directory of templates overriding the defaults")


def add_github_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--repo", help="owner/name (default: $GITHUB_REPOSITORY or the event's repository)")
    p.add_argument("--api-url", help="REST API base URL (default: $GITHUB_API_URL or https://api.github.com)")
    p.add_argument("--event-path", help="event JSON (default: $GITHUB_EVENT_PATH)")
    p.add_argument("--event-name", help="event name (default: $GITHUB_EVENT_NAME)")
    add_config_args(p)
    # --no-dry-run too: the action passes every boolean input it was given, false included.
    p.add_argument(
        "--dry-run",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="do every read, print every write instead of making it",
    )


def token() -> str:
    """The token from the environment only: a flag would show it in process listings."""
    return os.environ.get("AUTOHEAL_TOKEN") or os.environ.get("GITHUB_TOKEN") or ""


def make_client(args: argparse.Namespace, event: Event) -> Client:
    from autoheal.github_api import DEFAULT_API_URL, Client

    repo = args.repo or os.environ.get("GITHUB_REPOSITORY") or event.repo
    if not repo:
        raise UsageError("no repository: pass --repo owner/name or set GITHUB_REPOSITORY")
    api_url = args.api_url or os.environ.get("GITHUB_API_URL") or DEFAULT_API_URL
    return Client(repo=repo, token=token(), api_url=api_url)
