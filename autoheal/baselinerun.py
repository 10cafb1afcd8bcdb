"""The last green run of a failed run's workflow, as the baseline of each failed job's triage.

Two API calls at most, whatever the number of failed jobs: the newest successful runs of the
workflow (one page), and that run's logs zip, which holds every job (matched by name as in
``autoheal.runlogs``). The branch is chosen from that one page (the failed run's branch first,
then a run of this repository, then any), not with a second ``branch=`` query: a query per
fallback would cost a call more exactly when there is nothing to compare with. The zip is
streamed and given up past ``MAX_ZIP_BYTES``. Nothing here ever fails a triage: each way to
have no baseline is a note (``note``) and the job is triaged without one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from autoheal.baseline import Baseline
from autoheal.errors import GitHubError
from autoheal.github_api import Client
from autoheal.logsource import LogDoc
from autoheal.runlogs import job_docs, zip_entries

MAX_ZIP_BYTES = 20 << 20
RUNS_PAGE = 30  # one page of successful runs to find the failed run's branch among


def pick(runs: Sequence[Mapping[str, Any]], failed: Mapping[str, Any], repo: str) -> Mapping[str, Any] | None:
    """The newest green run on the failed run's branch, else of this repository, else any."""
    others = [r for r in runs if r.get("id") != failed.get("id") and r.get("conclusion") == "success"]
    branch = failed.get("head_branch")
    same = [r for r in others if branch and r.get("head_branch") == branch]
    own = [r for r in others if str((r.get("head_repository") or {}).get("full_name") or repo) == repo]
    first = same or own or others
    return first[0] if first else None


@dataclass
class Finder:
    """Fetches the baseline run once, on the first job that asks; ``notes`` say what happened."""

    client: Client
    run: Mapping[str, Any]
    notes: list[str] = field(default_factory=list)
    _fetched: bool = False
    _green: Mapping[str, Any] | None = None
    _docs: list[LogDoc] = field(default_factory=list)

    def for_job(self, job_name: str) -> Baseline | None:
        if not self._fetched:
            self._fetched = True
            self._fetch()
        if self._green is None:
            return None
        docs = job_docs(self._docs, job_name)
        if not docs:
            self.notes.append(f"no baseline for job {job_name!r}: run {self._green.get('id')} has no job of that name")
            return None
        return Baseline.from_docs(docs)

    def _fetch(self) -> None:
        workflow_id = self.run.get("workflow_id")
        if not workflow_id:
            self.notes.append("no baseline: the run does not say its workflow")
            return
        try:
            green = pick(self.client.successful_runs(int(workflow_id), RUNS_PAGE), self.run, self.client.repo)
            if green is None:
                self.notes.append(
                    f"no baseline: workflow {self.run.get('name')!r} has no successful run to compare with"
                )
                return
            archive = self.client.latest_run_logs(int(green["id"]), MAX_ZIP_BYTES)
        except GitHubError as exc:
            self.notes.append(f"no baseline: {exc}")
            return
        if archive is None:
            self.notes.append(f"no baseline: the logs of run {green['id']} have expired or were deleted")
            return
        self._docs = zip_entries(archive)
        if not self._docs:
            self.notes.append(f"no baseline: the logs of run {green['id']} are not a readable zip")
            return
        self._green = green
        self.notes.append(f"baseline: run {green['id']} (branch {green.get('head_branch') or '-'}), the last green run")
