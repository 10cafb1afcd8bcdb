"""One heal's shared state (``HealRun``) and what every step of the flow does with it: comment
on the issue (rendered, cut to GitHub's body limit) and turn a decision into a ``HealResult``
that carries the notes gathered on the way.

The flow is ``healer``; preflight checks are ``healchecks``, declining and hand-off
``healdecline``, branch and pull-request mechanics ``healpr``. Each takes a ``HealRun``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from autoheal import gitops, sanitize
from autoheal.ghtypes import Pull
from autoheal.github_api import Client
from autoheal.heal import HealOptions, HealResult
from autoheal.heal_output import HealSink
from autoheal.models import Diagnosis
from autoheal.registry import Offline, Resolver
from autoheal.rules import RuleSet
from autoheal.templating import render_template


@dataclass(frozen=True)
class Plan:
    """Where one fix goes: the issue it answers, its branch, the base it starts from."""

    number: int
    branch: str
    base: str
    default: str
    ci_workflow: str | None = None  # the failed workflow's file name when it accepts workflow_dispatch


@dataclass
class HealRun:
    client: Client
    sink: HealSink
    ruleset: RuleSet
    opts: HealOptions
    workspace: Path
    auth: gitops.Auth
    default_branch: str | None
    say: Callable[[str], None]
    agent_client: Client | None = None  # a user's token (agent-token): Copilot starts only for those
    resolver: Resolver = field(default_factory=Offline)
    notes: list[str] = field(default_factory=list)  # said in the job summary with the result

    def comment(self, number: int, template: str, **variables: Any) -> None:
        body = render_template(template, templates_dir=self.opts.templates, **variables)
        self.sink.comment(number, sanitize.truncate_body(body))

    def result(
        self, result: str, d: Diagnosis, reason: str = "", *, pull: Pull | None = None, branch: str = ""
    ) -> HealResult:
        reason = "; ".join([r for r in (reason, *self.notes) if r]) or ("dry-run" if self.opts.dry_run else "")
        return HealResult(
            result,
            reason,
            pull.number if pull else None,
            pull.html_url if pull else "",
            branch,
            d.category,
            d.fingerprint,
        )


def open_pull(pulls: Sequence[Pull], branch: str) -> Pull | None:
    """Our open pull request from ``branch``, if there is one."""
    return next((p for p in pulls if p.state == "open" and p.head == branch), None)


def branch_links(server: str, repo: str, branch: str, base: str) -> tuple[str, str]:
    """The branch's tree page and its compare page against ``base`` (which offers to open a PR)."""
    root = f"{server.rstrip('/')}/{repo}"
    return f"{root}/tree/{quote(branch)}", f"{root}/compare/{quote(base)}...{quote(branch)}?expand=1"
