"""A failure captured on the command line (``autoheal run``, ``autoheal.capture``) as a report-mode issue.

The captured output is redacted (the environment's secret values by ``cliscrub``, the secret
patterns by triage, as for a CI log), triaged and described (``clifacts``), recorded in the spool,
and sent with every other due report (``clisend``); ``capture_failure`` does all of it and
returns the one line to show, ``preview`` is the same without writing anything.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from autoheal import usersettings
from autoheal.clifacts import Failure, diagnose, facts, severity
from autoheal.clisend import Sent, context, diagnosis_of, flush, options
from autoheal.errors import ConfigError
from autoheal.spool import Row, Spool


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


def preview(report: Mapping[str, Any], settings: usersettings.Settings) -> str:
    """``--dry-run``: the issue that would be filed, as text; nothing is written or sent."""
    from autoheal.issues import issue_labels
    from autoheal.render import render_issue

    diagnosis = diagnosis_of(report, 1)
    rendered = render_issue(diagnosis, context(report, report["repo"], 1))
    labels = issue_labels(diagnosis, options(settings))
    where = report["repo"] or "(no repository set)"
    return f"[dry-run] would file on {where} with labels {labels} (or count it on the open issue):\n# {rendered.title}\n\n{rendered.body}"


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
