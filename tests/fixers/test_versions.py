"""Release lines: the lowest one a PEP 440, Poetry or semver range accepts."""

from __future__ import annotations

import pytest

from autoheal.fixers import versions


@pytest.mark.parametrize(
    ("spec", "line"),
    [
        (">=3.9", (3, 9)),
        (">= 3.10", (3, 10)),
        (">=3.9.2", (3, 9)),
        (">3.8", (3, 8)),
        ("~=3.10", (3, 10)),
        ("~=3.9.2", (3, 9)),
        (">=3.9,<3.11", (3, 9)),
        ("<4,>=3.10", (3, 10)),
        ("==3.11.*", (3, 11)),
        ("!=3.9.*,>=3.9", (3, 10)),
        ("==3.12", (3, 12)),
        (">=3.8,!=3.8.1", (3, 8)),
        ("<=3.9.5,>=3.9", (3, 9)),
        ("===3.9", None),
        ("==3.9.1", None),
        (">=4", None),
        ("banana", None),
    ],
)
def test_minimal_python_line(spec: str, line: versions.Version | None) -> None:
    assert versions.minimal_line(spec, versions.PYTHON_LINES, pep440=True) == line


@pytest.mark.parametrize(
    ("spec", "line"),
    [
        (">=18", (18,)),
        (">= 18.12.0", (18,)),
        ("^18.17.0 || >=20", (18,)),
        ("^20.9.0 || >=22", (20,)),
        ("18.x || 20.x", (18,)),
        (">=16 <21", (16,)),
        ("16 - 20", (16,)),
        ("20", (20,)),
        ("=22.1.0", (22,)),
        ("~18.17", (18,)),
        (">=18.0.0-rc.1", (18,)),
        ("*", (10,)),
        ("lts/*", None),
        (">=99", None),
    ],
)
def test_minimal_node_line(spec: str, line: versions.Version | None) -> None:
    assert versions.minimal_line(spec, versions.NODE_LINES, pep440=False) == line


def test_long_specs_from_logs_are_refused_quickly() -> None:
    assert versions.minimal_line("a" * 100_000 + " - 1", versions.NODE_LINES, pep440=False) is None


@pytest.mark.parametrize(
    ("spec", "line"),
    [
        ("^3.9", (3, 9)),
        ("^3.9.1", (3, 9)),
        ("~3.10", (3, 10)),
        (">=3.9,<4", (3, 9)),
        (">=3.10 <4.0", (3, 10)),
        ("^2.7 || ^3.8", (3, 8)),
        ("3.11.*", (3, 11)),
        ("~3.9 || ^3.12", (3, 9)),
        ("^4.0", None),
        ("banana", None),
    ],
)
def test_minimal_line_for_poetry_constraints(spec: str, line: versions.Version | None) -> None:
    assert versions.minimal_line(spec, versions.PYTHON_LINES, pep440=True, poetry=True) == line
