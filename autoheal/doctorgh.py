"""``autoheal doctor``'s online checks: the repository's settings and what the token may do.

Read, never tried: doctor writes nothing. Actions enabled and GITHUB_TOKEN's defaults (whether
Actions may create pull requests) need Administration: read, which GITHUB_TOKEN never has: then
the check says so and names the setting. A classic PAT's scopes come from GitHub's
``X-OAuth-Scopes`` answer header; GITHUB_TOKEN's rights from the heal job's ``permissions:``; a
fine-grained or App token's permissions cannot be read with the token itself, so they are named.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from autoheal import repoinit, settings
from autoheal.doctor import FAIL, PASS, SKIP, WARN, Check, Token, granted_permissions, with_mode
from autoheal.errors import ConfigError, GitHubError

ACTIONS_SETTINGS = "Settings > Actions > General"


def _admin(
    check_id: str, call: Callable[[], dict[str, Any]], setting: str
) -> tuple[dict[str, Any] | None, Check | None]:
    try:
        return call(), None
    except GitHubError as exc:
        if exc.status in (403, 404):
            return None, Check(
                check_id,
                SKIP,
                "the token may not read this (it needs Administration: read, which GITHUB_TOKEN never has)",
                f"look at {setting}, or run doctor with an admin's token",
            )
        raise


def check_actions(client: Any) -> Iterator[Check]:
    data, skipped = _admin("actions.enabled", client.actions_permissions, f"{ACTIONS_SETTINGS} > Actions permissions")
    if skipped:
        yield skipped
    elif data is not None and not data.get("enabled"):
        yield Check(
            "actions.enabled",
            FAIL,
            "GitHub Actions is disabled for this repository",
            f"{ACTIONS_SETTINGS} > Actions permissions: allow actions",
        )
    elif data is not None and data.get("allowed_actions") == "local_only":
        yield Check(
            "actions.enabled",
            FAIL,
            "only local actions may run: org/autoheal and actions/checkout are refused",
            f"{ACTIONS_SETTINGS} > Actions permissions: allow them",
        )
    elif data is not None:
        yield Check(
            "actions.enabled", PASS, f"Actions is enabled (allowed actions: {data.get('allowed_actions', 'all')})"
        )


def check_workflow_permissions(client: Any, heal_token_is_secret: bool) -> Iterator[Check]:
    data, skipped = _admin(
        "actions.pull-requests", client.workflow_permissions, f"{ACTIONS_SETTINGS} > Workflow permissions"
    )
    if skipped:
        yield skipped
        return
    assert data is not None
    yield Check(
        "actions.default-permissions",
        PASS,
        f"GITHUB_TOKEN's default permissions: {data.get('default_workflow_permissions')} (autoheal's workflows set their own)",
    )
    if data.get("can_approve_pull_request_reviews"):
        yield Check("actions.pull-requests", PASS, "GitHub Actions may create pull requests")
        return
    status = WARN if heal_token_is_secret else FAIL
    yield Check(
        "actions.pull-requests",
        status,
        "GitHub Actions may not create pull requests: heal with GITHUB_TOKEN gets 403"
        + (
            " (your heal workflow passes a secret as github-token: fine if it is a PAT or App token)"
            if heal_token_is_secret
            else ""
        ),
        f"{ACTIONS_SETTINGS} > Workflow permissions > Allow GitHub Actions to create and approve pull requests",
    )


def check_labels(client: Any, config_report: Mapping[str, Any], config_heal: Mapping[str, Any]) -> Iterator[Check]:
    have = {n.lower() for n in client.label_names()}
    report_label = (config_report.get("labels") or list(settings.by_name("labels").default))[0]
    heal_label = config_heal.get("label") or settings.by_name("heal-label").default
    if str(heal_label).lower() not in have:
        yield Check(
            "labels.heal",
            FAIL,
            f"no {heal_label!r} label: maintainers cannot ask heal to fix an issue",
            f"create the label {heal_label!r} (Issues > Labels > New label)",
        )
    else:
        yield Check("labels.heal", PASS, f"the {heal_label!r} label exists")
    if str(report_label).lower() not in have:
        yield Check("labels.report", WARN, f"no {report_label!r} label yet: GitHub creates it with the first issue")
    else:
        yield Check("labels.report", PASS, f"the {report_label!r} label exists")


def check_token(token: Token, oauth_scopes: str | None, found: list[repoinit.Workflow]) -> Iterator[Check]:
    """``oauth_scopes``: a classic token's scopes, from the answer to GET /repos (``repo_and_scopes``)."""
    if token.kind == "classic":
        yield from _classic_token(token, oauth_scopes)
    elif token.kind == "GITHUB_TOKEN":
        yield from _workflow_token(found)
    else:
        needs = "Contents: write, Pull requests: write, Issues: write (and Workflows: write to push workflow files)"
        what = "a fine-grained PAT" if token.kind == "fine-grained" else "an App installation token"
        yield Check(
            "token.permissions",
            SKIP,
            f"{token.source} is {what}: its permissions cannot be read with it",
            f"check it has {needs}",
        )


def _classic_token(token: Token, oauth_scopes: str | None) -> Iterator[Check]:
    """A classic token's scopes are in GitHub's ``X-OAuth-Scopes`` answer: repo opens PRs, workflow pushes workflows."""
    scopes = {s.strip() for s in (oauth_scopes or "").split(",") if s.strip()}
    can_pr = bool(scopes & {"repo", "public_repo"})
    yield Check(
        "token.pull-requests",
        PASS if can_pr else FAIL,
        f"{token.source}: a classic token with scopes {', '.join(sorted(scopes)) or 'none'}",
        "" if can_pr else "give the token the repo (or public_repo) scope",
    )
    ok = "workflow" in scopes
    yield Check(
        "token.workflows",
        PASS if ok else WARN,
        f"{token.source} {'may' if ok else 'may not'} push workflow files (workflow scope)",
        "" if ok else "set AUTOHEAL_WORKFLOW_TOKEN to a token with the workflow scope for workflow-file fixes",
    )


def _workflow_token(found: list[repoinit.Workflow]) -> Iterator[Check]:
    """GITHUB_TOKEN has what the heal workflow's ``permissions:`` grant, and never the workflows permission."""
    heal = with_mode(found, "heal")[:1]
    granted = granted_permissions(heal[0]) if heal else None
    can_pr = granted is not None and granted.get("pull-requests") == "write" and granted.get("contents") == "write"
    yield Check(
        "token.pull-requests",
        PASS if can_pr else FAIL,
        "GITHUB_TOKEN: the heal job's permissions: "
        + (", ".join(f"{k}: {v}" for k, v in sorted((granted or {}).items())) or "the repository default"),
        "" if can_pr else "grant contents: write and pull-requests: write in the heal workflow",
    )
    yield Check(
        "token.workflows",
        WARN,
        "GITHUB_TOKEN may never push workflow files",
        "pass a PAT with the workflow scope or an App token with workflows: write as workflow-token",
    )


def online(client: Any, token: Token, root: Path) -> list[Check]:
    from autoheal import config

    try:
        repo, scopes = client.repo_and_scopes()  # one GET /repos: the scopes come with it
    except GitHubError as exc:
        return [Check("token.repository", FAIL, f"cannot read {client.repo}: {exc}", "check the token and --repo")]
    checks = [
        Check("token.repository", PASS, f"{token.source} reads {repo.full_name} (default branch {repo.default_branch})")
    ]
    found = repoinit.workflows(root)
    heal = with_mode(found, "heal")[:1]
    secret = bool(heal) and "secrets." in str(heal[0].data)
    checks += check_actions(client)
    checks += check_workflow_permissions(client, secret)
    try:
        cfg = config.load(root=root)
        report, heal_cfg = cfg.report, cfg.heal
    except ConfigError:  # an invalid config is reported by check_config; the defaults apply here
        report, heal_cfg = {}, {}
    checks += check_labels(client, report, heal_cfg)
    checks += check_token(token, scopes, found)
    return checks
