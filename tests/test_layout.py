"""The package's shape (STYLE.md): the core never imports a command, commands do not import each
other, and no module imports another that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "autoheal"


def _module(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


_ALL = {_module(p) for p in PKG.rglob("*.py")}


def _imports(path: Path) -> set[str]:
    """Every ``autoheal`` module a file imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("autoheal")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("autoheal"):
            # ``from autoheal.fixers import base`` imports the submodule; a name that is no
            # module (``from autoheal.fixers import propose``) comes from the package itself.
            subs = {f"{node.module}.{a.name}" for a in node.names}
            found |= subs if subs <= _ALL else {node.module} | subs
    return found


GRAPH = {_module(p): _imports(p) for p in PKG.rglob("*.py")}
MODULES = set(GRAPH)


def _edges(name: str) -> set[str]:
    return {m for m in GRAPH[name] if m in MODULES and m != name}


@pytest.mark.parametrize("name", sorted(m for m in MODULES if not m.startswith("autoheal.commands")))
def test_the_core_never_imports_a_command(name: str) -> None:
    if name == "autoheal.cli":  # the one place that lists the commands
        return
    assert not {m for m in _edges(name) if m.startswith("autoheal.commands")}


@pytest.mark.parametrize("name", sorted(m for m in MODULES if m.startswith("autoheal.commands.")))
def test_commands_do_not_import_each_other(name: str) -> None:
    assert not {m for m in _edges(name) if m.startswith("autoheal.commands") and m != name}


def test_no_import_circles() -> None:
    def reach(start: str) -> set[str]:
        seen: set[str] = set()
        todo = list(_edges(start))
        while todo:
            m = todo.pop()
            if m not in seen:
                seen.add(m)
                todo += _edges(m)
        return seen

    # A package's __init__ importing its submodules is not a circle of the code's own making.
    circles = sorted(m for m in MODULES if m in reach(m) and not (PKG / m.replace("autoheal.", "", 1)).is_dir())
    assert circles == []


MAX_LINES = 300  # STYLE.md: modules under ~300 lines


def test_no_module_is_over_the_size_guideline() -> None:
    sizes = {_module(p): len(p.read_text(encoding="utf-8").splitlines()) for p in PKG.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}
