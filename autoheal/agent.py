"""Handing a failure autoheal cannot fix over to a coding agent.

Copilot coding agent answers no mention: it starts when the issue is assigned to
``copilot-swe-agent[bot]``, through ``POST /repos/{owner}/{repo}/issues/{n}/assignees`` with an
``agent_assignment`` (target repository, base branch, custom instructions; GitHub changelog
2025-12-03, https://docs.github.com/copilot/how-tos/use-copilot-agents/coding-agent/create-a-pr),
and only with a user's token (PAT, OAuth or App user-to-server): GitHub ignores the assignee
for ``GITHUB_TOKEN`` and App installation tokens. That token is the ``agent-token`` input.
Agents that do answer mentions are named by ``agent-mention``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from autoheal.errors import GitHubError
from autoheal.github_api import Client
from autoheal.models import Diagnosis
from autoheal.templating import render_template

COPILOT_ASSIGNEE = "copilot-swe-agent[bot]"
_COPILOT_LOGINS = frozenset({"copilot", "copilot-swe-agent", "copilot-swe-agent[bot]"})
INSTRUCTIONS_LIMIT = 4000


@dataclass(frozen=True)
class Handoff:
    """What the comment says about the hand-off. kind: mention | copilot-assigned |
    copilot-prompt (no token, or the assignment did not take) | "" (none configured)."""

    kind: str = ""
    agent: str = ""
    prompt: str = ""
    problem: str = ""


def wants_copilot(mention: str | None, client: Client | None) -> bool:
    return client is not None or (mention or "").lower() == "@copilot"


def prompt(diagnosis: Diagnosis, templates: Path | None) -> str:
    text = render_template("heal_agent_prompt.md.j2", templates_dir=templates, diagnosis=diagnosis)
    return text.strip()[:INSTRUCTIONS_LIMIT]


def hand_off(
    mention: str | None,
    client: Client | None,
    number: int,
    diagnosis: Diagnosis,
    base: str | None,
    templates: Path | None,
    dry_run: bool,
    say: Callable[[str], None],
) -> Handoff:
    """Assign Copilot when there is an agent token, else say how; or mention the configured agent."""
    if not wants_copilot(mention, client):
        return Handoff("mention", mention or "", prompt(diagnosis, templates)) if mention else Handoff()
    text = prompt(diagnosis, templates)
    if client is None:
        return Handoff("copilot-prompt", prompt=text, problem="no agent-token is set")
    if dry_run:
        say(f"[dry-run] would assign #{number} to {COPILOT_ASSIGNEE} (base {base or 'the default branch'})")
        return Handoff("copilot-assigned", prompt=text)
    assignment = {"target_repo": client.repo, "custom_instructions": text}
    if base:
        assignment["base_branch"] = base
    try:
        assignees = client.assign_agent(number, COPILOT_ASSIGNEE, assignment)
    except GitHubError as exc:
        return Handoff("copilot-prompt", prompt=text, problem=str(exc))
    if not _COPILOT_LOGINS & {a.lower() for a in assignees}:
        problem = (
            "GitHub ignored the assignment (is Copilot coding agent enabled here, and agent-token a user's token?)"
        )
        return Handoff("copilot-prompt", prompt=text, problem=problem)
    return Handoff("copilot-assigned", prompt=text)
