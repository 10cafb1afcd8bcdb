"""A failure captured on the command line (``autoheal run``, ``autoheal.capture``) as a report-mode issue.

The captured output is redacted, triaged by the same engine as a CI log (so the same failure
has the same fingerprint locally and in CI), recorded in the spool, and filed through
``autoheal.issuefiling.file_issue`` exactly as report mode files a run: found by fingerprint among
the ``autoheal`` issues, counted, reopened, capped per hour. A ``RunContext`` carrying ``cli``
facts selects the ``cli_*`` templates. Sending never raises for GitHub's sake: what cannot be
sent stays in the spool.
"""

from __future__ import annotations

import contextlib
import logging
import os
import platform
import re
import shlex
import signal
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from autoheal import usersettings
from autoheal.errors import ConfigError, GitHubError
from autoheal.models import Alternative, Diagnosis, ExcerptLine
from autoheal.spool import Row, Spool

BASE_LABELS = ("autoheal", "cli-error")  # "autoheal" first: report mode finds its issues by it
ENV_ALLOWED = (
    "CI",
    "GITHUB_ACTIONS",
    "GITHUB_WORKFLOW",
    "GITHUB_JOB",
    "GITHUB_RUN_ID",
    "GITHUB_REF_NAME",
    "RUNNER_OS",
    "TERM",
    "SHELL",
    "LANG",
    "LC_ALL",
    "TZ",
    "VIRTUAL_ENV",
    "CONDA_DEFAULT_ENV",
    "PYTHONHASHSEED",
    "PYTHONIOENCODING",
    "NODE_ENV",
)
SECRET_NAME = re.compile(r"TOKEN|SECRET|PASS(?:WORD|WD)?\b|PASSWD|API_?KEY|PRIVATE|CREDENTIAL|AUTH", re.I)
MIN_SECRET = 6
CRASH_SIGNALS = frozenset(
    getattr(signal, n) for n in ("SIGSEGV", "SIGBUS", "SIGILL", "SIGFPE", "SIGABRT", "SIGSYS") if hasattr(signal, n)
)
SEVERITIES = ("low", "medium", "high", "critical")
_CATEGORY_SEVERITY = {
    "crash": "high",
    "resource.exhausted": "high",
    "credentials": "high",
    "test.failure": "low",
    "lint.error": "low",
    "network": "low",
    "rate.limit": "low",
    "infrastructure": "low",
}
REPEAT_STEPS = (10, 100)  # each threshold of local repeats raises the severity one level

# Stand-in for ``autoheal.redact`` (being written): swap ``redact`` for it, nothing else calls these.
_SECRETS = (
    (re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})"), "***"),
    (re.compile(r"\bAKIA[0-9A-Z]{16}\b"), "***"),
    (re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"), "***"),
    (re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"), "***"),
    (re.compile(r"(?i)\b(bearer|token|basic)(\s+)[A-Za-z0-9._~+/=-]{12,}"), r"\1\2***"),
    (
        re.compile(
            r"(?i)(\b[\w.-]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key)[\w.-]*\s*[=:]\s*)"
            r"(\"[^\"]*\"|'[^']*'|[^\s&\"',;]+)"
        ),
        r"\1***",
    ),
    (re.compile(r"(?i)(--[\w-]*(?:password|passwd|token|secret|api-key|apikey)[\w-]*[= ])(\S+)"), r"\1***"),
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s/:@]+:)[^\s/@]+@"), r"\1***@"),
)


def redact(text: str) -> str:
    """``text`` with the secrets it shows replaced by ``***``."""
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


@dataclass(frozen=True)
class Failure:
    """What was captured: the command, how it ended, and the last lines it printed."""

    command: tuple[str, ...]
    output: bytes
    status: int = 1
    signal: int | None = None
    duration: float | None = None
    cwd: str = ""
    version: str = ""
    source: str = "cli"


class Scrubber:
    """Redaction for one environment: known secret values (any variable named like a secret),
    then the patterns of ``redact``; with ``home``, the home directory shows as ``~`` (not in the
    output, whose paths the fingerprint masks as it does in CI logs)."""

    def __init__(self, environ: Mapping[str, str], home: bool = False) -> None:
        values = {v for k, v in environ.items() if SECRET_NAME.search(k) and len(v) >= MIN_SECRET}
        self._values = sorted(values, key=len, reverse=True)
        self._home = os.path.expanduser("~") if home else ""

    def __call__(self, text: str) -> str:
        for value in self._values:
            text = text.replace(value, "***")
        text = redact(text)
        if len(self._home) > 1:
            text = re.sub(re.escape(self._home) + r"(?=[/\\]|\b|$)", "~", text)
        return text


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def signal_line(program: str, number: int) -> str:
    """What a shell prints for a killed command, so the rules for crashes and kills see it."""
    described = signal.strsignal(number) if hasattr(signal, "strsignal") else None
    return f"{program}: killed by signal {number} ({described or signal_name(number)})"


def severity(category: str, signum: int | None, count: int) -> str:
    level = SEVERITIES.index(_CATEGORY_SEVERITY.get(category, "medium"))
    if signum in CRASH_SIGNALS:
        level = len(SEVERITIES) - 1
    elif signum is not None:
        level = max(level, SEVERITIES.index("high"))
    level += sum(count >= step for step in REPEAT_STEPS)
    return SEVERITIES[min(level, len(SEVERITIES) - 1)]


def facts(failure: Failure, settings: usersettings.Settings, environ: Mapping[str, str]) -> dict[str, Any]:
    """What the ``cli_*`` templates show, already redacted (the spool stores it as is)."""
    scrub = Scrubber(environ, home=True)
    names = list(dict.fromkeys((*ENV_ALLOWED, *settings["env"])))
    return {
        "program": scrub(os.path.basename(failure.command[0]) if failure.command else "python"),
        "command": scrub(shlex.join(failure.command)),
        "status": failure.status,
        "signal": signal_name(failure.signal) if failure.signal else "",
        "duration": f"{failure.duration:.2f} s" if failure.duration is not None else "unknown",
        "cwd": scrub(failure.cwd or os.getcwd()),
        "os": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "python": platform.python_version(),
        "version": scrub(failure.version),
        "env": [[n, scrub(environ[n])] for n in names if n in environ and not SECRET_NAME.search(n)],
        "source": failure.source,
        "bundled": 1,
    }


def diagnose(failure: Failure, ruleset: Any, environ: Mapping[str, str]) -> Diagnosis:
    from autoheal.logsource import bytes_doc
    from autoheal.triage import triage_docs

    text = Scrubber(environ)(failure.output.decode("utf-8", "replace"))
    if failure.signal:
        program = os.path.basename(failure.command[0]) if failure.command else "python"
        text = text.rstrip("\n") + "\n" + signal_line(program, failure.signal) + "\n"
    return triage_docs([bytes_doc("", text.encode("utf-8"))], ruleset, "output")


def diagnosis_from_json(data: Mapping[str, Any]) -> Diagnosis:
    """The inverse of ``Diagnosis.to_json`` (plus ``severity`` and ``hint``), for the spool."""
    return Diagnosis(
        path=str(data["path"]),
        category=str(data["category"]),
        confidence=float(data["confidence"]),
        rule=str(data["rule"]),
        fingerprint=str(data["fingerprint"]),
        title=str(data["title"]),
        summary=str(data["summary"]),
        excerpt=tuple(ExcerptLine(int(e["line"]), str(e["text"]), str(e.get("file") or "")) for e in data["excerpt"]),
        captures={str(k): str(v) for k, v in (data.get("captures") or {}).items()},
        alternatives=tuple(
            Alternative(str(a["rule"]), str(a["category"]), float(a["confidence"]), int(a["line"]))
            for a in data.get("alternatives") or []
        ),
        severity=str(data.get("severity") or "medium"),
        hint=str(data.get("hint") or ""),
    )


def _ruleset(cwd: Path) -> Any:
    from autoheal import config as config_mod

    try:
        return config_mod.load(None, root=cwd).ruleset  # the project's own rules when it has them
    except ConfigError:
        return config_mod.parse({}, "<defaults>", cwd).ruleset


def build_report(failure: Failure, settings: usersettings.Settings, environ: Mapping[str, str]) -> dict[str, Any]:
    diagnosis = diagnose(failure, _ruleset(Path(failure.cwd or ".")), environ)
    data = diagnosis.to_json()
    data.update(severity=severity(diagnosis.category, failure.signal, 1), hint=diagnosis.hint)
    return {
        "repo": settings["repo"],
        "signal": failure.signal,
        "diagnosis": data,
        "cli": facts(failure, settings, environ),
    }


def _context(report: Mapping[str, Any], repo: str, bundled: int) -> Any:
    from autoheal.render import RunContext

    # One id per report: the lock, the create and a retry after a lost answer must agree on its key.
    return RunContext(
        repo=repo,
        cli={**report["cli"], "bundled": bundled},
        occurrences=max(bundled, 1),
        occurrence_id=uuid.uuid4().hex[:16],
    )


def _diagnosis(report: Mapping[str, Any], count: int) -> Diagnosis:
    d = diagnosis_from_json(report["diagnosis"])
    return replace(d, severity=severity(d.category, report.get("signal"), count))


def _options(settings: usersettings.Settings, dry_run: bool = False) -> Any:
    from autoheal.issues import ReportOptions

    labels = tuple(dict.fromkeys((*BASE_LABELS, *settings["labels"])))
    return ReportOptions(labels=labels, max_issues_per_hour=int(settings["max-issues-per-hour"]), dry_run=dry_run)


def preview(report: Mapping[str, Any], settings: usersettings.Settings) -> str:
    """``--dry-run``: the issue that would be filed, as text; nothing is written or sent."""
    from autoheal.issues import issue_labels
    from autoheal.render import render_issue

    diagnosis = _diagnosis(report, 1)
    rendered = render_issue(diagnosis, _context(report, report["repo"], 1))
    labels = issue_labels(diagnosis, _options(settings))
    where = report["repo"] or "(no repository set)"
    return f"[dry-run] would file on {where} with labels {labels} (or count it on the open issue):\n# {rendered.title}\n\n{rendered.body}"


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
        clients[repo] = IssueSink(Client(repo, token, settings["api-url"], timeout=10, retries=1, backoff=0.2))
    ctx = _context(row.report, repo, row.pending)
    outcome = file_issue(clients[repo], _diagnosis(row.report, row.count), ctx, _options(settings))
    return Sent(row, outcome.result, outcome.issue_url, outcome.reason)


def _bundled_line(row: Row, bundle_minutes: float) -> str:
    due = datetime.fromtimestamp((row.last_sent or row.last_seen) + bundle_minutes * 60).strftime("%H:%M")
    where = row.issue_url or "its issue"
    return f"autoheal: seen again, {row.pending} time(s) since the last update of {where}; sent with the next update after {due}"


def message(fingerprint: str, results: Sequence[Sent], row: Row | None, settings: usersettings.Settings) -> str:
    """The one line ``autoheal run`` prints about this failure."""
    mine = next((s for s in results if s.row.fingerprint == fingerprint), None)
    if mine is None:
        return _bundled_line(row, float(settings["bundle-minutes"])) if row else "autoheal: nothing to send"
    if mine.result == "created":
        return f"autoheal: filed {mine.url}"
    if mine.result in ("commented", "reopened"):
        return f"autoheal: {'reopened' if mine.result == 'reopened' else 'counted on'} {mine.url}"
    if mine.result == "skipped":
        return f"autoheal: not filed: {mine.reason}"
    return f"autoheal: spooled, not sent ({mine.reason}); `autoheal capture flush` sends it"


def capture_failure(
    failure: Failure,
    settings: usersettings.Settings,
    *,
    dry_run: bool = False,
    environ: Mapping[str, str] | None = None,
) -> str:
    """Triage, spool, try to send every due report (this one included); the line to show."""
    environ = os.environ if environ is None else environ
    report = build_report(failure, settings, environ)
    if dry_run:
        return preview(report, settings)
    spool = open_spool(settings)
    try:
        fingerprint = report["diagnosis"]["fingerprint"]
        spool.record(fingerprint, report)
        results = flush(spool, settings, environ=environ)
        return message(fingerprint, results, spool.get(fingerprint), settings)
    finally:
        spool.close()


def open_spool(settings: usersettings.Settings) -> Spool:
    return Spool(usersettings.data_dir() / "spool.sqlite3", int(settings["spool-size"]))
