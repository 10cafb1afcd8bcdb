"""What ``autoheal init`` and ``autoheal doctor`` read from a repository checkout.

The workflows (their names, which ones run autoheal and in which mode, the events they listen
to), the default branch, and the ecosystems present. Also the glob escaping of workflow names:
``on.workflow_run.workflows`` takes names as filter patterns, where ``* ? + [ ] !`` are special
and ``\\`` escapes them (https://docs.github.com/actions/writing-workflows/workflow-syntax-for-github-actions#filter-pattern-cheat-sheet),
so a workflow named ``Build [linux]`` must be listed as ``Build \\[linux\\]``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from autoheal.errors import GitError
from autoheal.subproc import cmd_output

WORKFLOWS_DIR = Path(".github/workflows")
GLOB_SPECIAL = "*?+[]!"
# The file a repository's ecosystem shows itself by (at the root).
ECOSYSTEMS: dict[str, tuple[str, ...]] = {
    "python": ("pyproject.toml", "setup.py", "setup.cfg", "requirements*.txt", "Pipfile", "tox.ini"),
    "node": ("package.json",),
    "go": ("go.mod",),
    "rust": ("Cargo.toml",),
    "java": ("pom.xml", "build.gradle", "build.gradle.kts"),
    "ruby": ("Gemfile",),
    "dotnet": ("*.sln", "*.csproj"),
}
_AUTOHEAL_ACTION = re.compile(r"^[\w.-]+/autoheal(?:/docker)?@")
_AUTOHEAL_INIT = re.compile(r"(?m)^\s*autoheal init\b")


def escape_glob(name: str) -> str:
    """``name`` as a filter pattern that matches exactly it."""
    return "".join(f"\\{c}" if c in GLOB_SPECIAL else c for c in name)


@dataclass(frozen=True)
class Workflow:
    path: str  # relative to the repository root, posix
    name: str  # what workflow_run matches: the `name:`, else the file's path (GitHub's display name)
    events: tuple[str, ...]
    autoheal_modes: tuple[str, ...]  # modes of the autoheal steps it runs
    data: Mapping[Any, Any]
    error: str | None = None  # why it could not be read


def _events(on: Any) -> tuple[str, ...]:
    if isinstance(on, str):
        return (on,)
    if isinstance(on, list):
        return tuple(str(e) for e in on)
    if isinstance(on, dict):
        return tuple(str(e) for e in on)
    return ()


def _modes(data: Mapping[str, Any]) -> tuple[str, ...]:
    modes: list[str] = []
    jobs = data.get("jobs")
    for job in jobs.values() if isinstance(jobs, dict) else ():
        steps = job.get("steps") if isinstance(job, dict) else None
        for step in steps if isinstance(steps, list) else ():
            uses = step.get("uses") if isinstance(step, dict) else None
            command = step.get("run") if isinstance(step, dict) else None
            if isinstance(command, str) and _AUTOHEAL_INIT.search(command):
                modes.append("init")
            if isinstance(uses, str) and _AUTOHEAL_ACTION.match(uses):
                given = step.get("with") if isinstance(step.get("with"), dict) else {}
                modes.append(str(given.get("mode", "report")))
    return tuple(modes)


def read_workflow(root: Path, path: Path) -> Workflow:
    rel = path.relative_to(root).as_posix()
    try:
        # The YAML 1.1 loader reads the key `on` as True: both spellings are looked up.
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return Workflow(rel, rel, (), (), {}, error=f"cannot read: {' '.join(str(exc).split())[:200]}")
    if not isinstance(data, dict):
        return Workflow(rel, rel, (), (), {}, error="not a mapping")
    name = data.get("name")
    on = data.get("on", data.get(True))
    return Workflow(rel, name if isinstance(name, str) and name else rel, _events(on), _modes(data), data)


def workflows(root: Path) -> list[Workflow]:
    folder = root / WORKFLOWS_DIR
    files = sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]) if folder.is_dir() else []
    return [read_workflow(root, p) for p in files if p.is_file()]


def reported_names(found: list[Workflow]) -> list[str]:
    """The names the report trigger lists: every workflow but autoheal's own, each once."""
    return sorted({w.name for w in found if not w.autoheal_modes and w.error is None})


def default_branch(root: Path) -> str:
    """origin's HEAD, else the checked-out branch, else git's init.defaultBranch, else main."""
    probes = (
        ("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"),
        ("branch", "--show-current"),
        ("config", "init.defaultBranch"),
    )
    for args in probes:
        try:
            rc, out, _ = cmd_output(("git", *args), root, check=False, timeout=30)
        except GitError:  # no git at all, or it hung: the fallback below
            break
        branch = out.strip().removeprefix("origin/")
        if rc == 0 and branch:
            return branch
    return "main"


def ecosystems(root: Path) -> list[str]:
    return [name for name, globs in ECOSYSTEMS.items() if any(any(root.glob(g)) for g in globs)]


def is_repository(root: Path) -> bool:
    return (root / ".git").exists()
