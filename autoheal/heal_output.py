"""Heal's writes and what it tells the runner: ``HealSink`` (issue and pull-request writes,
printed instead in dry-run) and ``emit`` (the action's outputs and the job summary)."""

from __future__ import annotations

from autoheal import actions
from autoheal.ghtypes import Pull
from autoheal.heal import HealResult
from autoheal.issuesink import IssueSink


class HealSink(IssueSink):
    """Issue and pull-request writes; in dry-run each is printed instead."""

    def add_labels(self, number: int, labels: list[str]) -> None:
        if labels:
            self._write(f"add labels {labels} to #{number}", lambda: self.client.add_labels(number, labels))

    def create_pull(self, title: str, body: str, head: str, base: str, draft: bool = True) -> Pull | None:
        created: Pull | None = self._write(
            f"create {'draft ' if draft else ''}PR {head} -> {base}: {title!r}\n{body}",
            lambda: self.client.create_pull(title, body, head, base, draft=draft),
        )
        return created

    def dispatch(self, workflow: str, ref: str) -> str:
        """Start ``workflow`` on ``ref``; the run's URL ("" when GitHub does not say)."""
        url: str | None = self._write(
            f"dispatch {workflow} on {ref}", lambda: self.client.dispatch_workflow(workflow, ref)
        )
        return url or ""

    def update_pull(self, number: int, title: str, body: str) -> None:
        self._write(
            f"update PR #{number}: title {title!r}, body of {len(body)} characters",
            lambda: self.client.update_pull(number, title=title, body=body),
        )

    def request_reviewers(self, number: int, reviewers: list[str]) -> None:
        if reviewers:
            self._write(
                f"request reviewers {reviewers} on PR #{number}",
                lambda: self.client.request_reviewers(number, reviewers),
            )


def _summary(result: HealResult, number: int | None) -> str:
    issue = f"#{number}" if number else "-"
    pr = f"[#{result.pr_number}]({result.pr_url})" if result.pr_number else "-"
    rows = [
        "### autoheal heal",
        "",
        "| result | issue | pull request | branch | category |",
        "|---|---|---|---|---|",
        f"| {result.result} | {issue} | {pr} | `{result.branch or '-'}` | `{result.category or '-'}` |",
    ]
    return "\n".join(rows + (["", f"- {result.reason}"] if result.reason else []))


def emit(result: HealResult, number: int | None, result_key: str = "result") -> None:
    actions.set_outputs(
        {
            result_key: result.result,
            "pr-number": result.pr_number or "",
            "pr-url": result.pr_url,
            "branch": result.branch,
        }
    )
    actions.add_summary(_summary(result, number))
    where = f" #{number}" if number else ""
    actions.notice(f"heal{where}: {result.result}{' - ' + result.reason if result.reason else ''}")
