"""Sending spooled command-line reports: each row is filed through
``autoheal.issuefiling.file_issue`` exactly as report mode files a run (found by fingerprint
among the ``autoheal`` issues, counted, reopened, capped per hour). A ``RunContext`` carrying
``cli`` facts selects the ``cli_*`` templates. Sending never raises for GitHub's sake: what
cannot be sent stays in the spool, and a network or rate-limit failure stops the batch."""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from autoheal import usersettings
from autoheal.clifacts import diagnosis_from_json, severity
from autoheal.errors import GitHubError
from autoheal.models import Diagnosis
from autoheal.spool import Row, Spool

BASE_LABELS = ("autoheal", "cli-error")  # "autoheal" first: report mode finds its issues by it
_LOG = logging.getLogger("autoheal.capture")  # capture's logger: silent unless the program configures logging


def context(report: Mapping[str, Any], repo: str, bundled: int) -> Any:
    """The ``RunContext`` that selects the ``cli_*`` templates, counting ``bundled`` repeats."""
    from autoheal.render import RunContext

    # One id per report: the lock, the create and a retry after a lost answer must agree on its key.
    return RunContext(
        repo=repo,
        cli={**report["cli"], "bundled": bundled},
        occurrences=max(bundled, 1),
        occurrence_id=uuid.uuid4().hex[:16],
    )


def diagnosis_of(report: Mapping[str, Any], count: int) -> Diagnosis:
    """A spooled report's diagnosis, its severity raised by how often it was seen."""
    d = diagnosis_from_json(report["diagnosis"])
    return replace(d, severity=severity(d.category, report.get("signal"), count))


def options(settings: usersettings.Settings, dry_run: bool = False) -> Any:
    """Report mode's options for a command-line report (its labels, the hourly cap)."""
    from autoheal.issues import ReportOptions

    labels = tuple(dict.fromkeys((*BASE_LABELS, *settings["labels"])))
    return ReportOptions(labels=labels, max_issues_per_hour=int(settings["max-issues-per-hour"]), dry_run=dry_run)


@dataclass(frozen=True)
class Sent:
    row: Row
    result: str  # created | commented | reopened | skipped | spooled
    url: str = ""
    reason: str = ""


def _retryable(exc: GitHubError) -> bool:
    """No network, 5xx, rate limits: stop sending for now (the next rows would fail alike)."""
    text = str(exc).lower()
    return exc.status is None or exc.status >= 500 or exc.status == 429 or "rate limit" in text


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """The HTTP libraries' retry warnings are not the program's output (a captured Python
    program may have configured logging to its own stderr)."""
    loggers = [logging.getLogger(name) for name in ("urllib3", "github", "requests")]
    before = [lg.disabled for lg in loggers]
    for lg in loggers:
        lg.disabled = True
    try:
        yield
    finally:
        for lg, was in zip(loggers, before):
            lg.disabled = was


def flush(
    spool: Spool, settings: usersettings.Settings, *, everything: bool = False, environ: Any = None
) -> list[Sent]:
    """Send the rows that are due (every pending row with ``everything``); failures stay spooled."""
    rows = spool.claim(0 if everything else float(settings["bundle-minutes"]) * 60)
    if not rows:
        return []
    token, _ = usersettings.token_source(environ)
    with _quiet():
        return _send_all(spool, rows, settings, token)


def _send_all(spool: Spool, rows: list[Row], settings: usersettings.Settings, token: str) -> list[Sent]:
    results: list[Sent] = []
    clients: dict[str, Any] = {}
    for index, row in enumerate(rows):
        try:
            results.append(_send(row, settings, token, clients))
        except GitHubError as exc:
            reason = str(exc)
            spool.release(row, reason)
            results.append(Sent(row, "spooled", row.issue_url, reason))
            if _retryable(exc) or exc.status is None:
                for rest in rows[index + 1 :]:
                    spool.release(rest, reason)
                    results.append(Sent(rest, "spooled", rest.issue_url, reason))
                break
            continue
        sent = results[-1]
        if sent.result == "skipped" and "max-issues-per-hour" in sent.reason:
            spool.release(row, sent.reason)
        else:
            spool.sent(row, sent.url)
    return results


def _send(row: Row, settings: usersettings.Settings, token: str, clients: dict[str, Any]) -> Sent:
    from autoheal.github_api import Client
    from autoheal.issuefiling import file_issue
    from autoheal.issuesink import IssueSink

    repo = row.report.get("repo") or settings["repo"]
    if not repo:
        raise GitHubError("no repository: run `autoheal config set repo OWNER/NAME` (or set AUTOHEAL_REPO)")
    if not token:
        raise GitHubError("no token: set AUTOHEAL_TOKEN or GITHUB_TOKEN, or log in with `gh auth login`")
    if repo not in clients:
        client = Client(repo, token, settings["api-url"], timeout=10, retries=1, backoff=0.2)
        clients[repo] = IssueSink(client, False, _LOG.info)  # never a dry run: clireport previews one
    ctx = context(row.report, repo, row.pending)
    outcome = file_issue(clients[repo], diagnosis_of(row.report, row.count), ctx, options(settings))
    return Sent(row, outcome.result, outcome.issue_url, outcome.reason)
