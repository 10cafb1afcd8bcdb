"""benchmarks/invariance.py: shape changes keep every line's number, and triage's answer is compared field by field."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.helpers import ruleset

_SPEC = importlib.util.spec_from_file_location(
    "_autoheal_bench_invariance", Path(__file__).resolve().parents[1] / "benchmarks" / "invariance.py"
)
assert _SPEC is not None and _SPEC.loader is not None
invariance = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = invariance
_SPEC.loader.exec_module(invariance)

LOG = (
    b"2024-05-01T09:00:00.0000000Z ##[group]Run pytest\n"
    b"2024-05-01T09:00:00.1000000Z \x1b[31mE   ModuleNotFoundError: No module named 'yaml'\x1b[0m\n"
    b"2024-05-01T09:00:00.2000000Z FAILED tests/test_a.py::test_load - x\n"
    b"2024-05-01T09:00:00.3000000Z ##[error]Process completed with exit code 1.\n"
)


@pytest.mark.parametrize("kind", sorted(invariance.TRANSFORMS))
def test_a_transformation_keeps_every_line_where_it_was(kind: str) -> None:
    changed = invariance.TRANSFORMS[kind](LOG)
    assert changed.count(b"\n") == LOG.count(b"\n")
    assert changed.replace(b"\r", b"").split(b"\n")[2].endswith(b"FAILED tests/test_a.py::test_load - x")


def test_gh_columns_name_the_job_and_the_step_a_group_opened() -> None:
    lines = invariance.TRANSFORMS["gh-columns"](LOG).split(b"\n")
    assert lines[0].startswith(b"build\tRun pytest\t2024-05-01T09:00:00.0000000Z ##[group]Run pytest")
    assert lines[3].startswith(b"build\tRun pytest\t2024-05-01T09:00:00.3000000Z ##[error]")


def test_the_transformations_change_the_bytes() -> None:
    assert invariance.TRANSFORMS["no-stamps"](LOG).startswith(b"##[group]Run pytest\n")
    restamped = invariance.TRANSFORMS["stamps"](b"plain\n2024-01-01T00:00:00Z kept\n")
    assert restamped == invariance._STAMP + b"plain\n" + invariance._STAMP + b"kept\n"
    assert b"\x1b" not in invariance.TRANSFORMS["no-colour"](LOG)
    assert b"[31mE" in invariance.TRANSFORMS["bare-colour"](LOG)


@pytest.mark.parametrize("kind", sorted(invariance.TRANSFORMS))
def test_a_plain_pytest_failure_keeps_its_answer(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "job.log"
    path.write_bytes(LOG)
    before = invariance._answer(invariance.triage_path(str(path), ruleset()), kind)
    copy = tmp_path / "copy"
    copy.mkdir()
    after = invariance._answer(invariance._triage(path, invariance.TRANSFORMS[kind](LOG), ruleset(), copy), kind)
    assert before[0] == "dependency.missing"
    assert after == before
