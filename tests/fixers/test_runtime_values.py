"""Where a job sets its runtime version and raising it there: inputs, matrix entries, duplicates."""

from __future__ import annotations

from typing import Any

import pytest

from autoheal.fixers import runtime_values, yamledit

MATRIX_JOB = (
    "jobs:\n  t:\n    strategy:\n      matrix:\n        py: ['3.8', '3.9', '3.12']  # tested\n"
    "        include:\n          - py: '3.7'\n    steps:\n      - uses: actions/setup-python@v5\n"
    "        with:\n          python-version: ${{ matrix.py }}\n"
)


def _job(text: str) -> Any:
    return yamledit.parse(text)["jobs"]["t"]


def test_a_matrix_reference_yields_every_axis_entry_and_the_include() -> None:
    edits = runtime_values.setup_values(_job(MATRIX_JOB), "python-version")
    assert isinstance(edits, list) and len(edits) == 4  # three list items and the include entry


def test_raise_then_dedupe_keeps_quoting_comments_and_first_copies() -> None:
    job = _job(MATRIX_JOB)
    lines = MATRIX_JOB.splitlines(keepends=True)
    edits = runtime_values.setup_values(job, "python-version")
    assert isinstance(edits, list)
    written = runtime_values.raise_values(lines, edits, (3, 10), "python")
    assert written == {"3.10"}
    text = runtime_values.dedupe_matrix("".join(lines), job, "t", "python-version", written)
    assert "py: ['3.10', '3.12']  # tested\n" in text and "- py: '3.10'\n" in text


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("${{ inputs.python }}", "only follows matrix.X"),
        ("${{ matrix.py }}", "matrix.py is not defined"),
    ],
)
def test_values_autoheal_cannot_follow_are_reasons(value: str, reason: str) -> None:
    job = {"steps": [{"with": {"python-version": value}}]}
    result = runtime_values.setup_values(job, "python-version")
    assert isinstance(result, str) and reason in result


def test_a_version_file_input_is_found_relative_to_the_root() -> None:
    job = {"steps": [{"uses": "actions/setup-node@v4", "with": {"node-version-file": "./.nvmrc"}}]}
    assert runtime_values.version_file(job, "node-version") == ".nvmrc"
    assert runtime_values.version_file({"steps": [{"run": "x"}]}, "node-version") is None


@pytest.mark.parametrize(
    ("value", "low"),
    [("3.8", True), ("3.10", False), ("3.x", False), ("3.9-dev", True), ("lts/hydrogen", False), ("16.x", True)],
)
def test_too_low_reads_the_newest_release_a_value_names(value: str, low: bool) -> None:
    parts = runtime_values.VERSION_PREFIX.fullmatch(value)
    target = (18,) if value.startswith("16") else (3, 10)
    assert (parts is not None and runtime_values.too_low(parts, target)) == low
