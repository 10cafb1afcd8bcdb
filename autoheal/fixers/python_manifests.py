"""Read and minimally edit Python dependency declarations.

The kinds: requirements files (one line appended), ``pyproject.toml``
(``[project]`` arrays, PEP 735 ``[dependency-groups]`` and Poetry's
``[tool.poetry.dependencies]`` / ``[tool.poetry.group.X.dependencies]`` tables,
edited with tomlkit so formatting and comments stay), ``setup.cfg`` (one
continuation line spliced under ``install_requires`` or an ``extras_require``
key) and ``tox.ini`` (one line under ``[testenv]`` ``deps``). Every edit adds
one entry and touches nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError

from autoheal.fixers.base import lines_of, newline_of

_NAME = re.compile(r"\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)")
_EGG = re.compile(r"#egg=([A-Za-z0-9][\w.-]*)")
_SECTION = re.compile(r"\[([^\]]+)\]")
_SETUP_KEYS = ("install_requires", "tests_require", "setup_requires")


def normalize(name: str) -> str:
    """PEP 503: ``Foo__Bar.baz`` -> ``foo-bar-baz``."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Manifest:
    """Where a dependency can be declared: a file and, for extras, the group."""

    path: str
    kind: str  # "requirements", "pyproject", "dependency-group", "poetry", "setup.cfg" or "tox"
    group: str | None = None

    def describe(self) -> str:
        if self.kind == "poetry":
            table = "tool.poetry.dependencies" if self.group in (None, "main") else self.poetry_table()
            return f"{self.path} [{table}]"
        if self.kind == "dependency-group":
            return f"{self.path} [dependency-groups] {self.group}"
        if self.kind == "tox":
            return f"{self.path} [testenv] deps"
        if self.kind == "pyproject":
            where = f"optional-dependencies.{self.group}" if self.group else "dependencies"
            return f"{self.path} [project] {where}"
        if self.kind == "setup.cfg":
            return f"{self.path} " + (f"extras_require {self.group}" if self.group else "install_requires")
        return self.path

    def poetry_table(self) -> str:
        return f"tool.poetry.group.{self.group}.dependencies"


def declared(kind: str, text: str) -> set[str]:
    """Normalised names of every requirement the file declares, in any group."""
    if kind in ("pyproject", "dependency-group", "poetry"):
        return {normalize(n) for n in _pyproject_names(text)}
    if kind == "tox":
        lines: Iterator[str] = iter(_key_lines(lines_of(text), "testenv", "deps"))
        return {normalize(name) for name in map(_requirement_name, lines) if name}
    lines = _setup_cfg_values(text) if kind == "setup.cfg" else iter(text.splitlines())
    return {normalize(name) for name in map(_requirement_name, lines) if name}


def _requirement_name(line: str) -> str | None:
    egg = _EGG.search(line)
    line = re.sub(r"(^|\s)#.*", "", line).strip()
    if egg:
        return egg.group(1)
    if not line or line.startswith("-"):
        return None
    match = _NAME.match(line)
    return match.group(1) if match else None


def _setup_cfg_values(text: str) -> Iterator[str]:
    """The lines of install_requires-like keys and of [options.extras_require]."""
    section, key = "", ""
    for line in text.splitlines():
        header = _SECTION.match(line)
        if header:
            section, key = header.group(1).strip(), ""
            continue
        if line[:1] not in (" ", "\t") and "=" in line:
            key, _, line = line.partition("=")
            key = key.strip().lower().replace("-", "_")
        if section == "options.extras_require" or (section == "options" and key in _SETUP_KEYS):
            yield line


def _pyproject_names(text: str) -> Iterator[str]:
    doc = _parse_toml(text) or {}
    project = doc.get("project", {})
    poetry = doc.get("tool", {}).get("poetry", {})
    groups = [
        project.get("dependencies", []),
        *project.get("optional-dependencies", {}).values(),
        *doc.get("dependency-groups", {}).values(),
    ]
    for group in groups:
        for item in group if isinstance(group, list) else []:
            name = _NAME.match(item) if isinstance(item, str) else None
            if name:
                yield name.group(1)
    yield from poetry.get("dependencies", {})
    yield from poetry.get("dev-dependencies", {})
    for group in poetry.get("group", {}).values():
        yield from group.get("dependencies", {}) if isinstance(group, Mapping) else ()


def _parse_toml(text: str) -> Any:
    try:
        return tomlkit.parse(text)
    except TOMLKitError:
        return None


def project_names(text: str) -> set[str]:
    """The names ``[project]`` and ``[tool.poetry]`` give the project."""
    doc = _parse_toml(text) or {}
    tables = [doc.get("project", {}), doc.get("tool", {}).get("poetry", {})]
    return {t["name"] for t in tables if isinstance(t, Mapping) and isinstance(t.get("name"), str)}


def pyproject_layout(text: str) -> tuple[bool, set[str]] | None:
    """(can add to [project].dependencies, optional-dependency groups), or None without [project]."""
    doc = _parse_toml(text)
    project = doc.get("project") if doc is not None else None
    if not isinstance(project, Mapping):
        return None
    dynamic = project.get("dynamic", [])
    groups = project.get("optional-dependencies", {})
    static = "dependencies" not in dynamic and isinstance(project.get("dependencies", []), list)
    return static, {g for g, deps in groups.items() if isinstance(deps, list)}


def add(manifest: Manifest, text: str, requirement: str) -> str | None:
    """``text`` with ``requirement`` added to the manifest's group, or None if it cannot be edited."""
    if manifest.kind == "pyproject":
        return _add_pyproject(text, manifest.group, requirement)
    if manifest.kind in ("poetry", "dependency-group"):
        return _add_table(text, manifest, requirement)
    if manifest.kind == "tox":
        return _add_setup_cfg(text, "testenv", "deps", requirement)
    if manifest.kind == "setup.cfg":
        section = "options.extras_require" if manifest.group else "options"
        return _add_setup_cfg(text, section, manifest.group or "install_requires", requirement)
    if text and not text.endswith("\n"):
        text += newline_of(text)
    return f"{text}{requirement}{newline_of(text)}"


def _add_pyproject(text: str, group: str | None, requirement: str) -> str | None:
    doc = _parse_toml(text)
    if doc is None or tomlkit.dumps(doc) != text:
        return None  # tomlkit would not write the file back byte for byte
    project = doc["project"]
    if group:
        project["optional-dependencies"][group].append(requirement)
    elif "dependencies" in project:
        project["dependencies"].append(requirement)
    else:
        project["dependencies"] = [requirement]
    return tomlkit.dumps(doc)


def _add_table(text: str, manifest: Manifest, requirement: str) -> str | None:
    """Poetry: ``name = "constraint"`` (``requirement`` is ``name constraint``); PEP 735: append."""
    doc = _parse_toml(text)
    if doc is None or tomlkit.dumps(doc) != text:
        return None
    if manifest.kind == "dependency-group":
        doc["dependency-groups"][manifest.group].append(requirement)
        return tomlkit.dumps(doc)
    name, _, constraint = requirement.partition(" ")
    poetry = doc["tool"]["poetry"]
    if manifest.group in (None, "main"):
        table = poetry["dependencies"]
    elif manifest.group == "dev" and "dev-dependencies" in poetry and "dev" not in poetry.get("group", {}):
        table = poetry["dev-dependencies"]
    else:
        table = poetry["group"][manifest.group]["dependencies"]
    table[name] = constraint or "*"
    return tomlkit.dumps(doc)


def poetry_groups(text: str) -> set[str] | None:
    """Poetry's dependency groups (``main`` included), or None without ``[tool.poetry.dependencies]``."""
    doc = _parse_toml(text) or {}
    poetry = doc.get("tool", {}).get("poetry", {})
    if not isinstance(poetry, Mapping) or not isinstance(poetry.get("dependencies"), Mapping):
        return None
    groups = {g for g, v in poetry.get("group", {}).items() if isinstance(v, Mapping) and "dependencies" in v}
    return groups | {"main"} | ({"dev"} if "dev-dependencies" in poetry else set())


def dependency_groups(text: str) -> set[str]:
    """The PEP 735 ``[dependency-groups]`` that are plain lists."""
    groups = (_parse_toml(text) or {}).get("dependency-groups", {})
    return {g for g, v in groups.items() if isinstance(v, list)} if isinstance(groups, Mapping) else set()


def tox_deps(text: str) -> list[str] | None:
    """The ``[testenv]`` ``deps`` lines of a tox.ini, or None when it has none."""
    lines = lines_of(text)
    if _find_key(lines, "testenv", "deps") is None:
        return None
    return [line.strip() for line in _key_lines(lines, "testenv", "deps") if line.strip()]


def _key_lines(lines: list[str], section: str, key: str) -> list[str]:
    """The value of ``key`` in ``[section]``, its first line and continuation lines."""
    start = _find_key(lines, section, key)
    if start is None:
        return []
    values = [re.split(r"[=:]", lines[start], maxsplit=1)[1]]
    end = start + 1
    while end < len(lines) and lines[end][:1] in (" ", "\t") and lines[end].strip():
        values.append(lines[end])
        end += 1
    return values


def _add_setup_cfg(text: str, section: str, key: str, requirement: str) -> str | None:
    lines = lines_of(text)
    start = _find_key(lines, section, key)
    if start is None:
        return None
    end = start + 1
    while end < len(lines) and lines[end][:1] in (" ", "\t") and lines[end].strip():
        end += 1
    indent = re.match(r"[ \t]*", lines[end - 1]).group() if end > start + 1 else "    "  # type: ignore[union-attr]
    ending = newline_of(text)
    if not lines[end - 1].endswith("\n"):
        lines[end - 1] += ending
    lines.insert(end, f"{indent}{requirement}{ending}")
    return "".join(lines)


def _find_key(lines: list[str], section: str, key: str) -> int | None:
    current = ""
    for number, line in enumerate(lines):
        header = _SECTION.match(line)
        if header:
            current = header.group(1).strip()
        elif current == section and re.match(rf"{re.escape(key)}\s*[=:]", line, re.I):
            return number
    return None


def setup_cfg_groups(text: str) -> tuple[bool, set[str]]:
    """(has install_requires, extras_require keys) of a setup.cfg."""
    lines = lines_of(text)
    has_main = _find_key(lines, "options", "install_requires") is not None
    groups: set[str] = set()
    current = ""
    for line in lines:
        header = _SECTION.match(line)
        current = header.group(1).strip() if header else current
        key = re.match(r"([\w.-]+)\s*[=:]", line)
        if current == "options.extras_require" and key and not header:
            groups.add(key.group(1))
    return has_main, groups
