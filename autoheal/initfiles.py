"""The files ``autoheal init`` writes, as a plan of changes: nothing is written here.

Workflows come from the shipped examples (``workflows-examples/``, in the wheel as
``autoheal/workflows``): the report and heal workflows, and the one of every other action mode
the caller says exists and an example ships for (``stale``, ``health``... as they are added).
The report trigger gets the explicit, glob-escaped list of the repository's workflow names
(GitHub documents only exact names for ``workflow_run.workflows``; ``"*"`` is the opt-in).
A user's file is never replaced: ``force`` replaces only autoheal's workflows and tasks, and the
config, once written, is the user's. ``.vscode/tasks.json`` is spliced (``autoheal.vscodetasks``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from autoheal import repoinit, settings
from autoheal.errors import InputError
from autoheal.vscodetasks import TASKS_PATH, tasks_text

SOURCE_ROOT = Path(__file__).resolve().parents[1]
CONFIG_PATH = ".github/autoheal.yml"
ALL_WORKFLOWS = ["*"]
_WORKFLOWS_LINE = re.compile(r"^(?P<indent>\s*)workflows:(?P<value>.*)$")


def example_modes() -> list[str]:
    """The modes an example workflow ships for (``autoheal-MODE.yml``)."""
    return sorted(p.stem.removeprefix("autoheal-") for p in examples_dir().glob("autoheal-*.yml"))


def examples_dir() -> Path:
    packaged = Path(__file__).parent / "workflows"
    return packaged if packaged.is_dir() else SOURCE_ROOT / "workflows-examples"


@dataclass(frozen=True)
class Options:
    modes: tuple[str, ...]  # the action modes that exist (commands the caller registers)
    commands: tuple[str, ...]  # every CLI command (tasks are offered only for those that exist)
    force: bool = False
    all_workflows: bool = False
    update_workflow: bool = False  # also write the workflow that runs `init --update`


@dataclass(frozen=True)
class Planned:
    path: str
    old: str | None
    new: str | None  # None: left as it is
    note: str = ""

    @property
    def status(self) -> str:
        if self.new is None:
            return "kept" if self.old is not None else "skipped"
        if self.new == self.old:
            return "unchanged"
        return "create" if self.old is None else "update"


def _read(root: Path, rel: str) -> str | None:
    path = root / rel
    try:
        return path.read_text(encoding="utf-8") if path.is_file() else None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None


# -- workflows ---------------------------------------------------------------------------------
def workflow_list(names: Sequence[str]) -> str:
    """The flow sequence for ``workflows:``: JSON strings are YAML double-quoted scalars, so a
    name's quotes and the glob escapes' backslashes survive."""
    return "[" + ", ".join(json.dumps(repoinit.escape_glob(n), ensure_ascii=False) for n in names) + "]"


def set_workflows(text: str, value: str) -> str | None:
    """``text`` with the ``workflows:`` of its ``workflow_run`` trigger set to ``value`` (the key's
    line and any block items under it replaced, nothing else touched), or None without one."""
    lines = text.splitlines(keepends=True)
    in_trigger = False
    for index, line in enumerate(lines):
        in_trigger = in_trigger or line.strip().startswith("workflow_run:")
        found = _WORKFLOWS_LINE.match(line.rstrip("\r\n"))
        if not (in_trigger and found):
            continue
        indent = found["indent"]
        end = index + 1
        while end < len(lines) and _under(lines[end], indent):
            end += 1
        newline = "\r\n" if line.endswith("\r\n") else "\n"
        return "".join([*lines[:index], f"{indent}workflows: {value}{newline}", *lines[end:]])
    return None


def _under(line: str, indent: str) -> bool:
    """A line of the block value of a key at ``indent``: deeper, or a ``-`` item at the same depth."""
    stripped = line.strip()
    if not stripped:
        return False
    depth = len(line) - len(line.lstrip())
    return depth > len(indent) or (depth == len(indent) and stripped.startswith("- "))


def current_list(text: str) -> list[str] | None:
    """The trigger's ``workflows`` as written (None: no such key)."""
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    on = data.get("on", data.get(True)) if isinstance(data, dict) else None
    trigger = on.get("workflow_run") if isinstance(on, dict) else None
    value = trigger.get("workflows") if isinstance(trigger, dict) else None
    return [str(v) for v in value] if isinstance(value, list) else None


def report_workflow(names: Sequence[str], all_workflows: bool) -> str:
    template = (examples_dir() / "autoheal-report.yml").read_text(encoding="utf-8")
    template = template.replace(
        '    # "*" matches every workflow (a glob GitHub accepts but does not document), this one too:\n'
        "    # the job's `if:` excludes this workflow's own runs so it never reports itself.\n",
        "    # The exact names of the workflows to report, as GitHub documents them (glob characters\n"
        '    # escaped); `autoheal init --update` refreshes the list. ["*"] instead matches every\n'
        "    # workflow (a glob GitHub accepts but does not document): `autoheal init --all-workflows`.\n",
    )
    value = workflow_list(ALL_WORKFLOWS if all_workflows or not names else names)
    fresh = set_workflows(template, value)
    assert fresh is not None, "the shipped report workflow has a workflow_run trigger"
    return fresh if value != '["*"]' else fresh.replace(f"workflows: {value}", 'workflows: ["*"]')


# Modes that run on a schedule: (cron, the permissions their job needs). Used when the mode's
# command exists but ships no example workflow of its own (the example wins when there is one).
SCHEDULED: dict[str, tuple[str, dict[str, str]]] = {
    "stale": ("17 4 * * *", {"contents": "read", "issues": "write"}),
    "health": ("23 5 * * 1", {"actions": "read", "contents": "read", "issues": "write"}),
}


def _mode_workflow(mode: str) -> str | None:
    path = examples_dir() / f"autoheal-{mode}.yml"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    if mode not in SCHEDULED:
        return None
    cron, permissions = SCHEDULED[mode]
    lines = [
        f"# Run autoheal's {mode} mode on a schedule (written by autoheal init).",
        f"name: autoheal {mode}",
        "",
        "on:",
        "  schedule:",
        f'    - cron: "{cron}"',
        "  workflow_dispatch:",
        "",
        "permissions:",
        *[f"  {k}: {v}" for k, v in permissions.items()],
        "",
        "jobs:",
        f"  {mode}:",
        "    runs-on: ubuntu-latest",
        "    timeout-minutes: 10",
        "    steps:",
        "      - uses: org/autoheal@v1",
        "        with:",
        f"          mode: {mode}",
    ]
    return "\n".join(lines) + "\n"


def workflow_files(names: Sequence[str], opts: Options, branch: str = "main") -> dict[str, str]:
    """Path -> text of every workflow init writes."""
    files = {f"{repoinit.WORKFLOWS_DIR.as_posix()}/autoheal-report.yml": report_workflow(names, opts.all_workflows)}
    for mode in opts.modes:
        text = _mode_workflow(mode) if mode != "report" else None
        if text is not None:
            files[f"{repoinit.WORKFLOWS_DIR.as_posix()}/autoheal-{mode}.yml"] = text
    if opts.update_workflow:
        text = (examples_dir() / "autoheal-init.yml").read_text(encoding="utf-8")
        branches = f"    branches: [{json.dumps(branch, ensure_ascii=False)}]\n"
        files[f"{repoinit.WORKFLOWS_DIR.as_posix()}/autoheal-init.yml"] = text.replace(
            "    branches: [main]\n", branches
        )
    return files


# -- the config --------------------------------------------------------------------------------
def config_text(branch: str, ecosystems: Sequence[str]) -> str:
    """A commented config: every key of the settings table, commented out at its default."""
    from autoheal.schema import SCHEMA_URL

    lines = [
        f"# yaml-language-server: $schema={SCHEMA_URL}",
        "# autoheal's configuration. Every key is optional: uncomment one to change its default.",
        "# Check it with `autoheal config validate`; every key: `autoheal config schema`.",
        f"# Written by autoheal init (default branch {branch}; ecosystems: {', '.join(ecosystems) or 'none found'}).",
        "",
        "# Extra rules (autoheal rules list shows the built-in ones; docs/rules.md):",
        "# rules:",
        "#   - id: acme.db-unavailable",
        "#     category: infrastructure",
        "#     patterns: ['ACME-DB-UNAVAILABLE']",
        "# disable_rules: []",
        "# redact: []  # extra RE2 patterns of secrets",
    ]
    for section in ("report", "heal"):
        lines += ["", f"{section}:"]
        for s in settings.SETTINGS:
            if s.section == section and s.key:
                lines += [f"  # {s.help}", f"  # {s.key}: {_yaml_value(s)}"]
    return "\n".join(lines) + "\n"


def _yaml_value(s: settings.Setting) -> str:
    if s.default is None:
        return "null" if s.kind is not list else "[]"
    value: Any = list(s.default) if isinstance(s.default, tuple) else s.default
    return json.dumps(value, ensure_ascii=False)


# -- the plan ----------------------------------------------------------------------------------
def plan(root: Path, opts: Options) -> list[Planned]:
    found = repoinit.workflows(root)
    names = repoinit.reported_names(found)
    branch = repoinit.default_branch(root)
    out: list[Planned] = []
    for rel, text in workflow_files(names, opts, branch).items():
        old = _read(root, rel)
        mode = Path(rel).stem.removeprefix("autoheal-")
        other = next((w.path for w in found if mode in w.autoheal_modes and w.path != rel), None)
        if old is None and other is not None:  # the user's own workflow does it already: no second one
            out.append(Planned(rel, None, None, f"{other} already runs autoheal {mode}"))
            continue
        keep = old is not None and old != text and not opts.force
        out.append(Planned(rel, old, None if keep else text, _why_kept(old, text) if keep else ""))
    old_config = _read(root, CONFIG_PATH)
    out.append(
        Planned(
            CONFIG_PATH,
            old_config,
            old_config if old_config is not None else config_text(branch, repoinit.ecosystems(root)),
        )
    )
    old_tasks = _read(root, TASKS_PATH)
    out.append(Planned(TASKS_PATH, old_tasks, tasks_text(old_tasks, opts.commands, opts.force)))
    return out


def _why_kept(old: str | None, ours: str) -> str:
    line = next((m for m in map(_WORKFLOWS_LINE.match, ours.splitlines()) if m), None)
    if old is not None and line is not None and set_workflows(old, line["value"].strip()) == ours:
        return "its list of workflows is out of date: autoheal init --update refreshes it"
    return "differs from ours: --force replaces it"


def update_plan(root: Path) -> list[Planned]:
    """``init --update``: refresh the workflow list of every report workflow (ours or the user's)."""
    found = repoinit.workflows(root)
    names = repoinit.reported_names(found)
    out = []
    for wf in found:
        if "report" not in wf.autoheal_modes or "workflow_run" not in wf.events:
            continue
        old = _read(root, wf.path) or ""
        if current_list(old) == ALL_WORKFLOWS:
            out.append(Planned(wf.path, old, old, 'lists "*" (every workflow): left as chosen'))
            continue
        new = set_workflows(old, workflow_list(names))
        out.append(Planned(wf.path, old, new if new is not None else old, "" if new else "no workflows: key"))
    return out
