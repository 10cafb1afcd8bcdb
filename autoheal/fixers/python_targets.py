"""Choose the file and section a missing Python requirement belongs in.

The job's own install commands come first (``installs``): the requirements
file it installs (following ``-r`` includes: a file that only includes others
sends the entry to the first one it includes, and a name declared anywhere in
the includes is already declared), the extra, dependency group or Poetry group
it installs, tox's ``deps``. A test-only import (the log shows it failing
while collecting or importing tests) prefers a test/dev/ci file or group, a
runtime import the main one. Without install commands: ``pyproject.toml``
``[project] dependencies`` when the key exists, Poetry's main dependencies,
``setup.cfg``, ``requirements.txt``, then ``[project]`` without the key.

Hash-checked requirements (``--require-hashes`` or ``--hash=`` lines) cannot
take an unhashed line: the sibling ``.in`` file of a pip-tools layout is
edited instead (the lock must be recompiled), otherwise the fixer declines.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from autoheal.fixers import installs as installs_mod
from autoheal.fixers import python_manifests as manifests
from autoheal.fixers.base import FixContext, log_text, read_text
from autoheal.fixers.installs import Install

_TEST_IMPORT = re.compile(
    r"ERROR collecting|importing test module|while loading conftest|Failed to import test module"
    r"|(?:^|[\s/\"'])(?:tests?|testing)/[\w/.-]*\.py|[\s/\"']test_\w+\.py|_test\.py|conftest\.py",
    re.M,
)
_TESTISH = re.compile(r"test|dev|ci|check|lint", re.I)
_INCLUDE = re.compile(r"\s*(?:-r|--requirement)[\s=]*(\S+)")
MAX_INCLUDES = 20


@dataclass(frozen=True)
class Target:
    """Where to declare it; ``note`` is said in the PR (a lock to recompile)."""

    manifest: manifests.Manifest
    note: str = ""


def choose(ctx: FixContext, distribution: str) -> Target | str | None:
    """The target, a reason to decline (already declared, hash-locked), or None (nowhere to put it)."""
    testing = bool(_TEST_IMPORT.search(log_text(ctx.diagnosis)))
    found = installs_mod.installs(ctx)
    requirement_files = _ordered([i for i in found if i.kind == "requirements"], testing)
    for install in requirement_files:
        if read_text(ctx.workspace, install.path) is not None:
            return _requirements_target(ctx, install, distribution)
    for install in _ordered([i for i in found if i.kind != "requirements"], testing, group=True):
        target = _section_target(ctx, install, testing)
        if target is not None:
            return target
    return _fallback(ctx)


def _ordered(found: list[Install], testing: bool, group: bool = False) -> list[Install]:
    """Test-ish files or groups first for a test import, last for a runtime import."""
    names = [(i.group or "") if group else posixpath.basename(i.path) for i in found]
    testish = [i for i, n in zip(found, names) if _TESTISH.search(n)]
    other = [i for i in found if i not in testish]
    return testish + other if testing else other + testish


def closure(ctx: FixContext, path: str) -> list[str]:
    """``path`` and every requirements file it includes (``-r``), depth first, each once."""
    seen: list[str] = []
    stack = [path]
    while stack and len(seen) < MAX_INCLUDES:
        current = stack.pop(0)
        text = read_text(ctx.workspace, current)
        if current in seen or text is None:
            continue
        seen.append(current)
        stack += [
            installs_mod.join(posixpath.dirname(current), m.group(1))
            for m in map(_INCLUDE.match, text.splitlines())
            if m
        ]
    return seen


def _own_requirements(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith(("#", "-")) for line in text.splitlines())


def _requirements_target(ctx: FixContext, install: Install, distribution: str) -> Target | str:
    files = closure(ctx, install.path)
    for path in files:
        if manifests.normalize(distribution) in manifests.declared(
            "requirements", read_text(ctx.workspace, path) or ""
        ):
            return f"{distribution} is already declared in {path}; check that the failing step installs it"
    target = install.path
    text = read_text(ctx.workspace, target) or ""
    if not _own_requirements(text) and len(files) > 1:
        target = files[1]  # a file of includes only: the entry goes where the requirements are
        text = read_text(ctx.workspace, target) or ""
    if install.hashes or "--hash=" in text:
        return _hashed(ctx, target)
    return Target(manifests.Manifest(target, "requirements"))


def _hashed(ctx: FixContext, path: str) -> Target | str:
    source = re.sub(r"\.txt$", "", path) + ".in"
    if source != path and read_text(ctx.workspace, source) is not None:
        note = f"{path} is compiled from {source} with hashes: recompile it (pip-compile --generate-hashes {source})"
        return Target(manifests.Manifest(source, "requirements"), note)
    return (
        f"{path} is hash-checked (--require-hashes / --hash=): an unhashed line would break the install; "
        "add the requirement with its hashes (pip-compile --generate-hashes, or pip hash) by hand"
    )


def _section_target(ctx: FixContext, install: Install, testing: bool) -> Target | None:
    if install.kind == "extra":
        return _extra_target(ctx, install)
    text = read_text(ctx.workspace, install.path)
    if text is None:
        return None
    if install.kind == "group" and install.group in manifests.dependency_groups(text):
        return Target(manifests.Manifest(install.path, "dependency-group", install.group))
    if install.kind == "poetry" and install.group in (manifests.poetry_groups(text) or set()):
        if install.group == "main" and testing and _poetry_test_group(ctx, install):
            return None  # the test group the job also installs comes next
        return Target(manifests.Manifest(install.path, "poetry", install.group))
    if install.kind == "tox":
        return _tox_target(ctx, install.path, text)
    return None


def _poetry_test_group(ctx: FixContext, install: Install) -> bool:
    groups = manifests.poetry_groups(read_text(ctx.workspace, install.path) or "") or set()
    wanted = {i.group for i in installs_mod.installs(ctx) if i.kind == "poetry" and i.path == install.path}
    return any(_TESTISH.search(g or "") for g in (wanted & groups) - {"main"})


def _extra_target(ctx: FixContext, install: Install) -> Target | None:
    layout = manifests.pyproject_layout(read_text(ctx.workspace, install.path) or "")
    if layout is not None and install.group in layout[1]:
        return Target(manifests.Manifest(install.path, "pyproject", install.group))
    setup_cfg = installs_mod.join(posixpath.dirname(install.path), "setup.cfg")
    text = read_text(ctx.workspace, setup_cfg)
    if text is not None and install.group in manifests.setup_cfg_groups(text)[1]:
        return Target(manifests.Manifest(setup_cfg, "setup.cfg", install.group))
    return None


def _tox_target(ctx: FixContext, path: str, text: str) -> Target | None:
    deps = manifests.tox_deps(text)
    if deps is None:
        return None
    for line in deps:
        include = _INCLUDE.match(line)
        if include:
            rel = include.group(1).replace("{toxinidir}/", "")
            req = installs_mod.join(posixpath.dirname(path), rel)
            if read_text(ctx.workspace, req) is not None:
                return Target(manifests.Manifest(req, "requirements"))
    return Target(manifests.Manifest(path, "tox"))


def _fallback(ctx: FixContext) -> Target | None:
    pyproject = read_text(ctx.workspace, "pyproject.toml") or ""
    layout = manifests.pyproject_layout(pyproject)
    has_key = layout is not None and layout[0] and re.search(r"(?m)^dependencies\s*=", pyproject)
    candidates = [
        manifests.Manifest("pyproject.toml", "pyproject") if has_key else None,
        manifests.Manifest("pyproject.toml", "poetry", "main") if manifests.poetry_groups(pyproject) else None,
        _setup_cfg(ctx),
        manifests.Manifest("requirements.txt", "requirements")
        if read_text(ctx.workspace, "requirements.txt") is not None
        else None,
        manifests.Manifest("pyproject.toml", "pyproject") if layout is not None and layout[0] else None,
    ]
    chosen = next((c for c in candidates if c is not None), None)
    return Target(chosen) if chosen else None


def _setup_cfg(ctx: FixContext) -> manifests.Manifest | None:
    text = read_text(ctx.workspace, "setup.cfg")
    if text is None:
        return None
    has_main, _ = manifests.setup_cfg_groups(text)
    return manifests.Manifest("setup.cfg", "setup.cfg") if has_main else None
