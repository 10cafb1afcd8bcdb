"""Notice when a failure heals by itself: a green run of a workflow with an open autoheal issue.

Green runs are the common case, so the check is one API call (the open issues with our label,
which the caller reads once) and nothing more when no issue matches. An issue matches a green
run of the workflow it names, on the branch it failed on (issues written before the branch was
kept match any branch). It gets one comment, "passing again since run N", however many green
runs follow: the streak lives in the metadata block (``passing_since``, ``green_streak``,
``last_green``; a new failure clears them, see ``issues._seen``). With ``close-after-green: N``
the issue is closed as completed after N green runs in a row. A green re-run (attempt > 1) of
a run the issue counted is a flaky occurrence: ``flaky`` in the metadata and the ``flaky`` label.

The body is written before the comment: a re-delivered event finds ``last_green`` already set
and does nothing, so there is at most one comment per run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from autoheal import metadata, occurrences
from autoheal.ghtypes import Issue
from autoheal.issuebody import updated_body
from autoheal.issues import Outcome
from autoheal.issuesink import IssueSink
from autoheal.sanitize import code_span, inline_text

FLAKY_LABEL = "flaky"


@dataclass(frozen=True)
class Green:
    run_id: int
    attempt: int
    workflow: str
    branch: str
    url: str

    @property
    def key(self) -> str:
        return f"{self.run_id}.{self.attempt}"


def green(run: Mapping[str, Any]) -> Green:
    return Green(
        int(run["id"]),
        int(run.get("run_attempt") or 1),
        str(run.get("name") or ""),
        str(run.get("head_branch") or ""),
        str(run.get("html_url") or ""),
    )


def matching(issues: Sequence[Issue], run: Green) -> list[tuple[Issue, dict[str, Any]]]:
    """Open autoheal issues about this workflow on this branch."""
    found = []
    for issue in issues:
        meta = metadata.extract(issue.body)
        if issue.state != "open" or issue.is_pull_request or meta is None or meta.get("source") == "cli":
            continue
        if meta.get("workflow") == run.workflow and meta.get("branch") in (None, run.branch):
            found.append((issue, meta))
    return found


def heal_noticed(sink: IssueSink, issue: Issue, meta: dict[str, Any], run: Green, close_after: int) -> Outcome:
    fingerprint, category = str(meta["fingerprint"]), str(meta["category"])
    if meta.get("last_green") == run.key:
        return Outcome("skipped", fingerprint, category, issue.number, issue.html_url, f"run {run.key} already counted")
    flaky = run.attempt > 1 and f"{run.run_id}.{run.attempt - 1}" in occurrences.counted_runs(meta)
    first = meta.get("passing_since") is None
    streak = 1 if first else int(meta.get("green_streak") or 0) + 1
    fresh = {**meta, "last_green": run.key, "green_streak": streak, "passing_since": meta.get("passing_since")}
    if first:
        fresh["passing_since"] = run.run_id
        fresh["passing_at"] = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if flaky:
        fresh["flaky"] = int(meta.get("flaky") or 0) + 1
    closing = close_after > 0 and streak >= close_after
    comments = int(first) + int(closing)
    if comments and occurrences.in_sync(meta, issue.comments) and meta.get("synced") is not None:
        fresh["synced"] = issue.comments + comments  # our comments are no occurrences: keep the fast path
    fields: dict[str, Any] = {"body": updated_body(issue.body, fresh)}
    if closing:
        fields.update(state="closed", state_reason="completed")
    sink.update(issue.number, **fields)
    if flaky and sink.dry_run:
        sink.say(f"[dry-run] would label #{issue.number} {FLAKY_LABEL}")
    elif flaky:
        sink.client.add_labels(issue.number, [FLAKY_LABEL])
    link = f"[run {run.run_id}]({run.url})" if run.url else f"run {run.run_id}"
    if first:
        why = " (a re-run passed: this was a flaky failure)" if flaky else ""
        what = f"{inline_text(run.workflow, 100)} is passing again on {code_span(run.branch, 200)} since {link}{why}."
        sink.comment(issue.number, what + "\n")
    if closing:
        sink.comment(issue.number, f"Closing: {streak} green runs in a row (close-after-green: {close_after}).\n")
    result = "closed" if closing else ("recovered" if first else "green")
    reason = f"green streak {streak}" + (", flaky occurrence recorded" if flaky else "")
    return Outcome(result, fingerprint, category, issue.number, issue.html_url, reason)


def on_green(sink: IssueSink, issues: Sequence[Issue], run: Mapping[str, Any], close_after: int) -> list[Outcome]:
    g = green(run)
    return [heal_noticed(sink, issue, meta, g, close_after) for issue, meta in matching(issues, g)]
