"""``autoheal doctor``'s checks of the files, each with how to fix it (``doctorgh``: the online ones).

The workflows autoheal needs exist, listen to the right events and ask for the permissions they
use; the report trigger lists every workflow of the repository; the config is valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from autoheal import repoinit

PASS, FAIL, WARN, SKIP = "pass", "fail", "warn", "skip"
_NEEDS = {
    "report": {"actions": "read", "issues": "write"},
    "heal": {"contents": "write", "issues": "write", "pull-requests": "write"},
}
_LEVEL = {"none": 0, "read": 1, "write": 2}
_LABEL_TEST = re.compile(r"""label\.name\s*==\s*['"]([^'"]+)['"]""")


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
def with_mode(found: list[repoinit.Workflow], mode: str) -> list[repoinit.Workflow]:
    return [w for w in found if mode in w.autoheal_modes]


def _trigger(wf: repoinit.Workflow, event: str) -> Any:
    on = wf.data.get("on", wf.data.get(True))
    return on.get(event) if isinstance(on, dict) else None


def _types(wf: repoinit.Workflow, event: str) -> list[str]:
    trigger = _trigger(wf, event)
    types = trigger.get("types") if isinstance(trigger, dict) else None
    return [str(t) for t in types] if isinstance(types, list) else [str(types)] if types else []


def check_report_workflow(found: list[repoinit.Workflow]) -> Iterator[Check]:
    report = [w for w in with_mode(found, "report") if "workflow_run" in w.events]
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
    heal = with_mode(found, "heal")
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


def check_heal_label(found: list[repoinit.Workflow], label: str) -> Iterator[Check]:
    """The heal job's ``if:`` must wait for the label the config names, or heal never starts."""
    for wf in with_mode(found, "heal")[:1]:
        jobs = wf.data.get("jobs")
        conditions = (
            [str(j.get("if", "")) for j in jobs.values() if isinstance(j, dict)] if isinstance(jobs, dict) else []
        )
        named = {m for c in conditions for m in _LABEL_TEST.findall(c)}
        if named and label not in named:
            yield Check(
                "workflows.heal-label",
                FAIL,
                f"{wf.path} waits for the label {', '.join(sorted(named))}, the config names {label!r}",
                f"use one label: heal.label in .github/autoheal.yml or the if: of {wf.path}",
            )
        elif named:
            yield Check("workflows.heal-label", PASS, f"{wf.path} waits for the {label!r} label the config names")


def granted_permissions(wf: repoinit.Workflow) -> dict[str, str] | None:
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
        for wf in with_mode(found, mode)[:1]:
            granted = granted_permissions(wf)
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
    checks += check_heal_label(found, _heal_label(root))
    return checks + list(check_config(root))


def _heal_label(root: Path) -> str:
    from autoheal import config, settings
    from autoheal.errors import ConfigError

    try:
        label = config.load(root=root).heal.get("label")
    except ConfigError:  # check_config reports it; the default applies meanwhile
        label = None
    return str(label or settings.by_name("heal-label").default)
