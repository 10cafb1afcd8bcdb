"""What a job installs, read off its workflow steps (table-driven)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from autoheal.fixers.installs import Install, installs
from tests.fixers.util import context


def _workflow(run: str, job_extra: str = "", step_extra: str = "") -> str:
    return (
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
        + job_extra
        + "    steps:\n      - uses: actions/checkout@v4\n      - run: "
        + json.dumps(run)
        + "\n"
        + step_extra
    )


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        (
            "pip install -r requirements.txt -r dev.txt",
            [("requirements", "requirements.txt"), ("requirements", "dev.txt")],
        ),
        ("python -m pip install --requirement=ci/reqs.txt", [("requirements", "ci/reqs.txt")]),
        (
            "pip3 install -rreq.txt && pip install -r ./other.txt",
            [("requirements", "req.txt"), ("requirements", "other.txt")],
        ),
        ("uv pip install --system -r requirements/test.txt", [("requirements", "requirements/test.txt")]),
        ("pip install -e '.[test,docs]'", [("extra", "pyproject.toml", "test"), ("extra", "pyproject.toml", "docs")]),
        ("pip install .[dev]  # with extras", [("extra", "pyproject.toml", "dev")]),
        (
            "pip install \\\n  -r a.txt \\\n  -e .[lint]",
            [("requirements", "a.txt"), ("extra", "pyproject.toml", "lint")],
        ),
        ("pip install -r ${{ matrix.requirements }}", []),
        ("pip install 'unterminated", []),
        ("npm install -r x", []),
        ("uv sync --extra dev --group lint", [("extra", "pyproject.toml", "dev"), ("group", "pyproject.toml", "lint")]),
        (
            "poetry install --with test,docs",
            [
                ("poetry", "pyproject.toml", "test"),
                ("poetry", "pyproject.toml", "docs"),
                ("poetry", "pyproject.toml", "main"),
            ],
        ),
        ("poetry install --only=lint", [("poetry", "pyproject.toml", "lint")]),
        ("python -m tox -e py312", [("tox", "tox.ini")]),
        ("pip install --require-hashes -r req.txt", [("requirements", "req.txt", None, True)]),
    ],
)
def test_install_commands(tmp_path: Path, run: str, expected: list[tuple[object, ...]]) -> None:
    ctx = context(tmp_path, {".github/workflows/ci.yml": _workflow(run)}, "x", "dependency.missing")

    assert installs(ctx) == [Install(*e) for e in expected]  # type: ignore[arg-type]


def test_paths_are_relative_to_the_working_directory(tmp_path: Path) -> None:
    job = "    defaults:\n      run:\n        working-directory: ./backend\n"
    ctx = context(
        tmp_path, {".github/workflows/ci.yml": _workflow("pip install -r ../base.txt -r dev.txt", job)}, "x", "x"
    )

    assert installs(ctx) == [Install("requirements", "base.txt"), Install("requirements", "backend/dev.txt")]


def test_a_working_directory_outside_the_checkout_is_ignored(tmp_path: Path) -> None:
    job = "    defaults:\n      run:\n        working-directory: ../../etc\n"
    ctx = context(tmp_path, {".github/workflows/ci.yml": _workflow("pip install -r x.txt", job)}, "x", "x")

    assert installs(ctx) == [Install("requirements", "x.txt")]


def test_nox_sessions_name_their_requirements_files(tmp_path: Path) -> None:
    files = {
        ".github/workflows/ci.yml": _workflow("nox -s tests"),
        "noxfile.py": 'import nox\n\n@nox.session\ndef tests(session):\n    session.install("-r", "requirements-test.txt")\n',
    }
    ctx = context(tmp_path, files, "x", "x")

    assert installs(ctx) == [Install("requirements", "requirements-test.txt")]


def test_only_the_failing_job_counts_when_it_is_known(tmp_path: Path) -> None:
    workflow = (
        "on: push\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install -r docs.txt\n"
        "  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install -r test.txt\n"
    )
    ctx = context(tmp_path, {".github/workflows/ci.yml": workflow}, "x", "x", job="test")

    assert installs(ctx) == [Install("requirements", "test.txt")]
