"""``autoheal doctor``'s checks: what breaks autoheal in a repository, each with how to fix it.

Offline the files are checked (the workflows autoheal needs exist, listen to the right events
and ask for the permissions they use; the report trigger lists every workflow; the config is
valid). With a client the repository's settings are read too (Actions enabled, GITHUB_TOKEN's
default permissions and whether Actions may create pull requests, the labels) and what the token
may do is inferred, never tried: doctor writes nothing. A classic PAT's scopes come from the
``X-OAuth-Scopes`` answer header; GITHUB_TOKEN's rights from the job's ``permissions:``; a
fine-grained or App token's permissions cannot be read with the token, so doctor names them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from autoheal import repoinit, settings
from autoheal.errors import ConfigError, GitHubError

PASS, FAIL, WARN, SKIP = "pass", "fail", "warn", "skip"
ACTIONS_SETTINGS = "Settings > Actions > General"
_NEEDS = {
    "report": {"actions": "read", "issues": "write"},
    "heal": {"contents": "write", "issues": "write", "pull-requests": "write"},
}
_LEVEL = {"none": 0, "read": 1, "write": 2}


@dataclass(frozen=True)
class Check:
    id: str
    status: str  # pass | fail | warn | skip
    message: str
    fix: str = ""

    def to_json(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class Token:
    value: str
    source: str  # AUTOHEAL_TOKEN, GITHUB_TOKEN, gh auth token...
    in_actions: bool = False

    @property
    def kind(self) -> str:
        if self.value.startswith("ghs_"):
            return "GITHUB_TOKEN" if self.in_actions and self.source == "GITHUB_TOKEN" else "app"
        if self.value.startswith("github_pat_"):
            return "fine-grained"
        return "classic"  # ghp_, gho_, ghu_ and tokens of GHES versions without prefixes


# -- files ------------------------------------------------------------------------------------
def _with_mode(found: list[repoinit.Workflow], mode: str) -> list[repoinit.Workflow]:
    return [w for w in found if mode in w.autoheal_modes]


def _trigger(wf: repoinit.Workflow, event: str) -> Any:
    on = wf.data.get("on", wf.data.get(True))
    return on.get(event) if isinstance(on, dict) else None


def _types(wf: repoinit.Workflow, event: str) -> list[str]:
    trigger = _trigger(wf, event)
    types = trigger.get("types") if isinstance(trigger, dict) else None
    return [str(t) for t in types] if isinstance(types, list) else [str(types)] if types else []


def check_report_workflow(found: list[repoinit.Workflow]) -> Iterator[Check]:
    report = [w for w in _with_mode(found, "report") if "workflow_run" in w.events]
    if not report:
        yield Check(
            "workflows.report",
            FAIL,
            "no workflow reports failed runs (autoheal mode report on workflow_run)",
            "autoheal init",
        )
        return
    wf = report[0]
    types = _types(wf, "workflow_run")
    if types and "completed" not in types:
        yield Check(
            "workflows.report",
            FAIL,
            f"{wf.path} listens to workflow_run {types}, not completed",
            f"set on.workflow_run.types: [completed] in {wf.path}",
        )
    else:
        yield Check("workflows.report", PASS, f"{wf.path} reports failed runs (workflow_run: completed)")
    trigger = _trigger(wf, "workflow_run")
    listed = trigger.get("workflows") if isinstance(trigger, dict) else None
    listed = [str(x) for x in listed] if isinstance(listed, list) else []
    if listed == ["*"]:
        yield Check("workflows.report-list", PASS, f'{wf.path} listens to every workflow ("*")')
        return
    missing = [n for n in repoinit.reported_names(found) if repoinit.escape_glob(n) not in listed]
    if missing:
        yield Check(
            "workflows.report-list",
            FAIL,
            f"{wf.path} does not list {', '.join(missing)}: their failures are not reported",
            "autoheal init --update (GitHub's workflow_run matches exact workflow names)",
        )
    else:
        yield Check("workflows.report-list", PASS, f"{wf.path} lists every workflow of the repository")


def check_heal_workflow(found: list[repoinit.Workflow]) -> Iterator[Check]:
    heal = _with_mode(found, "heal")
    if not heal:
        yield Check("workflows.heal", FAIL, "no workflow runs heal (autoheal mode heal)", "autoheal init")
        return
    wf = heal[0]
    labeled = "issues" in wf.events and (not _types(wf, "issues") or "labeled" in _types(wf, "issues"))
    if labeled or "workflow_dispatch" in wf.events:
        events = " and ".join(
            e for e, ok in (("issues: labeled", labeled), ("workflow_dispatch", "workflow_dispatch" in wf.events)) if ok
        )
        yield Check("workflows.heal", PASS, f"{wf.path} heals on {events}")
    else:
        yield Check(
            "workflows.heal",
            FAIL,
            f"{wf.path} listens to neither issues: labeled nor workflow_dispatch",
            f"add on.issues.types: [labeled] to {wf.path}",
        )


def _granted(wf: repoinit.Workflow) -> dict[str, str] | None:
    """The permissions autoheal's job gets (the job's, else the workflow's), None when neither sets them."""
    jobs = wf.data.get("jobs")
    for job in jobs.values() if isinstance(jobs, dict) else ():
        if isinstance(job, dict) and "permissions" in job:
            return _permission_map(job["permissions"])
    return _permission_map(wf.data["permissions"]) if "permissions" in wf.data else None


def _permission_map(value: Any) -> dict[str, str]:
    if value == "write-all":
        return {k: "write" for k in ("actions", "contents", "issues", "pull-requests")}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def check_permissions(found: list[repoinit.Workflow]) -> Iterator[Check]:
    for mode, needs in _NEEDS.items():
        for wf in _with_mode(found, mode)[:1]:
            granted = _granted(wf)
            if granted is None:
                yield Check(
                    f"permissions.{mode}",
                    WARN,
                    f"{wf.path} sets no permissions: GITHUB_TOKEN gets the repository default",
                    f"add permissions: {', '.join(f'{k}: {v}' for k, v in needs.items())}",
                )
                continue
            short = [f"{k}: {v}" for k, v in needs.items() if _LEVEL.get(granted.get(k, "none"), 0) < _LEVEL[v]]
            if short:
                yield Check(
                    f"permissions.{mode}",
                    FAIL,
                    f"{wf.path} does not grant {', '.join(short)}",
                    f"add them to the permissions: of {wf.path}",
                )
            else:
                yield Check(
                    f"permissions.{mode}", PASS, f"{wf.path} grants {', '.join(f'{k}: {v}' for k, v in needs.items())}"
                )


def check_config(root: Path) -> Iterator[Check]:
    from autoheal import schema

    path = root / ".github/autoheal.yml"
    if not path.exists():
        yield Check("config", PASS, ".github/autoheal.yml is absent: the defaults apply")
        return
    found = schema.validate_file(path)
    if found:
        yield Check(
            "config",
            FAIL,
            f"{len(found)} problem(s): " + "; ".join(str(f) for f in found[:5]),
            "autoheal config validate lists them all",
        )
    else:
        yield Check("config", PASS, ".github/autoheal.yml is valid")


def offline(root: Path) -> list[Check]:
    found = repoinit.workflows(root)
    checks = [Check("workflows.read", FAIL, f"{w.path}: {w.error}", "fix the YAML") for w in found if w.error]
    for make in (check_report_workflow, check_heal_workflow, check_permissions):
        checks += make(found)
    return checks + list(check_config(root))


# -- the repository's settings and the tokens ---------------------------------------------------
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


def check_token(client: Any, token: Token, found: list[repoinit.Workflow]) -> Iterator[Check]:
    if token.kind == "classic":
        scopes = {s.strip() for s in (client.token_scopes() or "").split(",") if s.strip()}
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
    elif token.kind == "GITHUB_TOKEN":
        heal = _with_mode(found, "heal")[:1]
        granted = _granted(heal[0]) if heal else None
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
    else:
        needs = "Contents: write, Pull requests: write, Issues: write (and Workflows: write to push workflow files)"
        what = "a fine-grained PAT" if token.kind == "fine-grained" else "an App installation token"
        yield Check(
            "token.permissions",
            SKIP,
            f"{token.source} is {what}: its permissions cannot be read with it",
            f"check it has {needs}",
        )


def online(client: Any, token: Token, root: Path) -> list[Check]:
    from autoheal import config

    try:
        repo = client.get_repo()
    except GitHubError as exc:
        return [Check("token.repository", FAIL, f"cannot read {client.repo}: {exc}", "check the token and --repo")]
    checks = [
        Check("token.repository", PASS, f"{token.source} reads {repo.full_name} (default branch {repo.default_branch})")
    ]
    found = repoinit.workflows(root)
    heal = _with_mode(found, "heal")[:1]
    secret = bool(heal) and "secrets." in str(heal[0].data)
    checks += check_actions(client)
    checks += check_workflow_permissions(client, secret)
    try:
        cfg = config.load(root=root)
        report, heal_cfg = cfg.report, cfg.heal
    except ConfigError:  # an invalid config is reported by check_config; the defaults apply here
        report, heal_cfg = {}, {}
    checks += check_labels(client, report, heal_cfg)
    checks += check_token(client, token, found)
    return checks
