from __future__ import annotations

from pathlib import Path

import pytest

from autoheal.fixers import runtime_version as fixer
from autoheal.fixers import versions
from autoheal.proposals import FixDeclined
from tests.fixers.util import context, only_change


@pytest.mark.parametrize(
    ("text", "runtime", "current", "spec"),
    [
        ("ERROR: Package 'x' requires a different Python: 3.8.18 not in '>=3.9'", "python", (3, 8, 18), ">=3.9"),
        (
            'error x@1: The engine "node" is incompatible with this module. Expected version ">=18". Got "16.20.2"',
            "node",
            (16, 20, 2),
            ">=18",
        ),
        (
            "npm WARN EBADENGINE   package: 'x@1.0.0',\n2024-01-01T00:00:00.0000000Z npm WARN EBADENGINE   "
            "required: { node: '>=18' },\n2024-01-01T00:00:00.0000000Z npm WARN EBADENGINE   current: "
            "{ node: 'v16.20.2', npm: '8.19.4' }",
            "node",
            (16, 20, 2),
            ">=18",
        ),
        (
            'npm ERR! notsup Required: {"node":">=20"}\nnpm ERR! notsup Actual:   {"npm":"9.1","node":"v18.19.0"}',
            "node",
            (18, 19, 0),
            ">=20",
        ),
    ],
)
def test_parse_requirement(text: str, runtime: str, current: versions.Version, spec: str) -> None:
    assert fixer.parse_requirement(text) == fixer.Requirement(runtime, current, spec)


PY_LOG = "ERROR: Package 'demo' requires a different Python: 3.8.18 not in '>=3.10'"
NODE_LOG = 'The engine "node" is incompatible with this module. Expected version ">=18". Got "14.21.3"'
WF = ".github/workflows/ci.yml"


def run(tmp_path: Path, workflow: str, log: str = PY_LOG) -> object:
    return fixer.fix(context(tmp_path, {WF: workflow}, log, "runtime.version", job="t", workflow_path=WF))


def steps(key: str, value: str) -> str:
    return f"    steps:\n      - uses: actions/setup-x@v5\n        with:\n          {key}: {value}\n"


@pytest.mark.parametrize(
    ("matrix", "expected"),
    [
        ('["3.8", "3.9", "3.10", "3.11"]', '["3.10", "3.11"]'),
        ("['3.9', '3.12']", "['3.10', '3.12']"),
        ("[3.8, 3.9]", '["3.10"]'),
        ('[ "3.7","3.8" , "3.12" ]', '[ "3.10" , "3.12" ]'),
        ('["3.x", "pypy-3.8", "3.8"]', '["3.x", "pypy-3.8", "3.10"]'),
        ('"3.8"', '"3.10"'),
    ],
)
def test_python_matrix_forms(tmp_path: Path, matrix: str, expected: str) -> None:
    head = "jobs:\n  t:\n    runs-on: x\n    strategy:\n      matrix:\n        py: "
    tail = "\n" + steps("python-version", "${{ matrix.py }}")
    assert only_change(run(tmp_path, head + matrix + tail)).new == head + expected + tail


def test_node_matrix_and_multiple_setup_steps(tmp_path: Path) -> None:
    workflow = (
        "jobs:\n  t:\n    strategy:\n      matrix:\n        node: [14, 16, 18, 20]\n"
        + steps("node-version", "${{ matrix['node'] }}")
        + "      - uses: actions/setup-node@v4\n        with:\n          node-version: 14.x\n"
    )
    expected = workflow.replace("[14, 16, 18, 20]", "[18, 20]").replace("node-version: 14.x", "node-version: 18.x")
    assert only_change(run(tmp_path, workflow, NODE_LOG)).new == expected


@pytest.mark.parametrize(
    ("workflow", "reason"),
    [
        ("jobs:\n  t:\n    runs-on: x\n    steps:\n      - run: python -V\n", "no step sets python-version"),
        ("jobs:\n  t:\n" + steps("python-version", "'3.12'"), "no python-version below 3.10"),
        ("jobs:\n  t:\n" + steps("python-version", "${{ matrix.py }}"), "matrix.py is not defined"),
        (
            "jobs:\n  t:\n    strategy:\n      matrix:\n        py: ${{ fromJSON(inputs.versions) }}\n"
            + steps("python-version", "${{ matrix.py }}"),
            "is computed",
        ),
        (
            "jobs:\n  t:\n    strategy:\n      matrix:\n        include: ${{ fromJSON(inputs.m) }}\n        py: "
            "${{ fromJSON(inputs.v) }}\n" + steps("python-version", "${{ matrix.py }}"),
            "computed",
        ),
    ],
)
def test_declines(tmp_path: Path, workflow: str, reason: str) -> None:
    result = run(tmp_path, workflow)
    assert isinstance(result, FixDeclined) and reason in result.reason


def test_unsatisfiable_or_exact_requirements_decline(tmp_path: Path) -> None:
    exact = run(tmp_path, "jobs: {}\n", "requires a different Python: 3.8.1 not in '==3.9.1'")
    assert isinstance(exact, FixDeclined) and "exact pins" in exact.reason


POETRY_LOG = "The currently activated Python version 3.8.18 is not supported by the project (^3.10)."
PY38 = "jobs:\n  t:\n" + steps("python-version", '"3.8"')


def test_poetry_message_raises_to_the_constraint(tmp_path: Path) -> None:
    assert only_change(run(tmp_path, PY38, POETRY_LOG)).new == PY38.replace('"3.8"', '"3.10"')


def test_poetry_message_without_constraint_reads_pyproject(tmp_path: Path) -> None:
    log = "Current Python version (3.8.18) is not allowed by the project."
    files = {WF: PY38, "pyproject.toml": '[tool.poetry.dependencies]\npython = ">=3.11,<4"\n'}
    result = fixer.fix(context(tmp_path, files, log, "runtime.version", job="t", workflow_path=WF))
    assert only_change(result).new == PY38.replace('"3.8"', '"3.11"')
    bare = fixer.fix(context(tmp_path / "bare", {WF: PY38}, log, "runtime.version", job="t", workflow_path=WF))
    assert isinstance(bare, FixDeclined) and not bare.applies
