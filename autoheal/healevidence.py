"""Heal's re-triage of an issue: the evidence is the lines of its code fences (or the whole body
of a human-written issue), triaged again; the hidden metadata block only helps find the failed
run through the API (its branch, workflow file and head repository), and only when its
category agrees with the re-triage. Paths, commands and captures in it are never used.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from autoheal import metadata, sanitize
from autoheal.errors import GitHubError
from autoheal.github_api import Client
from autoheal.logsource import bytes_doc
from autoheal.models import Diagnosis
from autoheal.rules import RuleSet
from autoheal.triage import triage_docs

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_NUMBERED = re.compile(r"\s*\d+ \| ?(.*)")
_NOT_LOG = re.compile(r"\s*\u22ee\s*|==> .* <==")  # renderfilters.numbered's gap and file header lines


@dataclass(frozen=True)
class RunInfo:
    """What the API says about the failed run (never what the issue body says)."""

    workflow_path: str | None = None
    head_branch: str | None = None
    head_repo: str | None = None


@dataclass(frozen=True)
class Found:
    diagnosis: Diagnosis
    run: RunInfo = RunInfo()


def _fenced_lines(body: str) -> list[str] | None:
    """Lines inside top-level code fences (CommonMark closing rules), or None without any fence."""
    lines: list[str] = []
    opener: str | None = None
    seen = False
    for line in body.replace("\r\n", "\n").split("\n"):
        match = _FENCE.match(line)
        if opener is None:
            if match and not (match[1][0] == "`" and "`" in match[2]):
                opener, seen = match[1], True
        elif match and match[1][0] == opener[0] and len(match[1]) >= len(opener) and not match[2].strip():
            opener = None
        else:
            lines.append(line)
    return lines if seen else None


def evidence_text(body: str) -> str:
    """The log lines of the issue's code fences (line numbers dropped), else the whole body."""
    span = sanitize.metadata_span(body)
    text = body[: span[0]] if span else body
    fenced = _fenced_lines(text)
    if fenced is None:
        return text
    kept = [line for line in fenced if not _NOT_LOG.fullmatch(line)]
    return "\n".join(m[1] if (m := _NUMBERED.fullmatch(line)) else line for line in kept)


_COMPLETE_JOB = re.compile(r"(?m)^(?:\S+Z )?Complete job name: (.{1,200}?)\s*$")


def with_log_job(diagnosis: Diagnosis, log: str) -> Diagnosis:
    """The job the runner names in the log's set-up (``Complete job name: test (3.12)``), when
    triage did not name one: it tells multi-job and reusable workflows apart offline (issue 12)."""
    match = _COMPLETE_JOB.search(log[:200_000])
    return replace(diagnosis, job=match.group(1)) if match and not diagnosis.job else diagnosis


def diagnose_body(body: str, ruleset: RuleSet) -> Diagnosis:
    return triage_docs([bytes_doc("issue", evidence_text(body).encode("utf-8"))], ruleset, "issue")


def trusted_meta(body: str, diagnosis: Diagnosis) -> dict[str, Any] | None:
    """The metadata block when it is intact and about the failure the re-triage found."""
    meta = metadata.extract(body)
    return meta if meta and meta.get("category") == diagnosis.category else None


def run_info(client: Client, meta: Mapping[str, Any] | None) -> RunInfo:
    if not meta or not meta.get("run_id"):
        return RunInfo()
    try:
        run = client.get_run(int(meta["run_id"]))
    except GitHubError:
        return RunInfo()  # a deleted run or a forged id: the re-triage alone
    head = run.get("head_repository")
    head_repo = str(head.get("full_name") or "") if isinstance(head, dict) else ""
    return RunInfo(str(run.get("path") or "") or None, str(run.get("head_branch") or "") or None, head_repo or None)


def diagnose_issue(client: Client, body: str, ruleset: RuleSet) -> Found:
    diagnosis = diagnose_body(body, ruleset)
    meta = trusted_meta(body, diagnosis)
    if meta and meta.get("job"):
        diagnosis = replace(diagnosis, job=str(meta["job"]))  # a lookup key for fixers, not a path
    return Found(diagnosis, run_info(client, meta))
