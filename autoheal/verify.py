"""Verify every fix PR: report mode on a completed run of an ``autoheal/`` branch.

Green: a comment on the PR and on its issue with the run's link, the ``autoheal-verified``
label, and with ``ready-when-green`` the draft marked ready for review (GraphQL
``markPullRequestReadyForReview``: REST cannot,
https://docs.github.com/graphql/reference/mutations#markpullrequestreadyforreview).
Red: the run is triaged; the PR's own fingerprint again means the fix did not work (comment,
``autoheal-fix-failed``, which ``heal.closed_attempts`` counts toward the circuit breaker);
another fingerprint is a new failure, said with its diagnosis. Each run attempt comments once:
the PR's comments are checked for its marker first, so a re-delivered event does nothing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from autoheal import metadata
from autoheal.ghtypes import FAILED_CONCLUSIONS, Pull
from autoheal.github_api import Client
from autoheal.issues import Outcome
from autoheal.models import Diagnosis
from autoheal.outcomes import BRANCH_PREFIX, FIX_FAILED
from autoheal.sanitize import code_span, inline_text

VERIFIED = "autoheal-verified"
_ISSUE = re.compile(re.escape(BRANCH_PREFIX) + r"issue-(\d+)-")
_READY = "mutation($id: ID!) { markPullRequestReadyForReview(input: {pullRequestId: $id}) { pullRequest { isDraft } } }"


def marker(run_id: int, attempt: int) -> str:
    return f"<!-- autoheal:verify {int(run_id)}.{int(attempt)} -->"


@dataclass
class Verifier:
    client: Client
    ready_when_green: bool
    dry_run: bool
    say: Callable[[str], None]  # what a dry run would write; the command passes it

    def _write(self, what: str, action: Callable[[], Any]) -> None:
        if self.dry_run:
            self.say(f"[dry-run] would {what}")
        else:
            action()

    def verify(self, run: Mapping[str, Any], diagnose: Callable[[], Sequence[Diagnosis]]) -> Outcome:
        branch = str(run.get("head_branch") or "")
        conclusion = str(run.get("conclusion") or "")
        pull = self.client.find_pull(branch, "open")
        if pull is None:
            return Outcome("skipped", "", "", reason=f"no open pull request for {branch}")
        meta = metadata.extract(pull.body) or {}
        fingerprint, category = str(meta.get("fingerprint") or ""), str(meta.get("category") or "")
        found = _ISSUE.match(branch)
        issue = int(found.group(1)) if found else None
        run_id, attempt = int(run["id"]), int(run.get("run_attempt") or 1)
        tag = marker(run_id, attempt)
        if conclusion != "success" and conclusion not in FAILED_CONCLUSIONS:
            return Outcome("skipped", fingerprint, category, issue, reason=f"fix run concluded {conclusion!r}")
        if any(tag in c.body for c in self.client.comments(pull.number)):
            return Outcome("skipped", fingerprint, category, issue, reason=f"run {run_id}.{attempt} already verified")
        link = f"[run {run_id}]({run.get('html_url')})" if run.get("html_url") else f"run {run_id}"
        if conclusion == "success":
            return self._green(pull, issue, link, tag, fingerprint, category)
        return self._red(pull, issue, link, tag, fingerprint, category, diagnose())

    def _comment(self, numbers: Sequence[int | None], text: str, tag: str) -> None:
        body = f"{text}\n\n{tag}\n"
        for number in [n for n in numbers if n]:
            self._write(f"comment on #{number}: {text}", functools.partial(self.client.comment, number, body))

    def _green(self, pull: Pull, issue: int | None, link: str, tag: str, fingerprint: str, category: str) -> Outcome:
        self._comment([pull.number, issue], f"CI passes on the fix in #{pull.number}: {link}.", tag)
        self._write(f"label #{pull.number} {VERIFIED}", lambda: self.client.add_labels(pull.number, [VERIFIED]))
        ready = self.ready_when_green and pull.draft
        if ready:
            what = f"mark draft #{pull.number} ready for review"
            self._write(what, lambda: self.client.graphql(_READY, {"id": pull.node_id}))
        reason = f"#{pull.number} passes" + (" and is ready for review" if ready else "")
        return Outcome("verified", fingerprint, category, issue, reason=reason)

    def _red(
        self,
        pull: Pull,
        issue: int | None,
        link: str,
        tag: str,
        fingerprint: str,
        category: str,
        found: Sequence[Diagnosis],
    ) -> Outcome:
        if fingerprint and any(d.fingerprint == fingerprint for d in found):
            text = f"The fix in #{pull.number} did not work: {link} fails with the same failure ({code_span(fingerprint)})."
            self._comment([pull.number, issue], text, tag)
            self._write(f"label #{pull.number} {FIX_FAILED}", lambda: self.client.add_labels(pull.number, [FIX_FAILED]))
            return Outcome("fix-failed", fingerprint, category, issue, reason=f"#{pull.number} fails the same way")
        lines = [f"The fix in #{pull.number} gets past the original failure, but {link} fails another way:", ""]
        for d in found[:5]:
            lines.append(f"- {code_span(d.category)} {inline_text(d.title, 200)} ({code_span(d.fingerprint)})")
        self._comment([pull.number], "\n".join(lines), tag)
        new = found[0] if found else None
        return Outcome(
            "fix-new-failure",
            new.fingerprint if new else fingerprint,
            new.category if new else category,
            issue,
            reason=f"#{pull.number} fails another way",
        )
