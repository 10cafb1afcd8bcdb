from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from autoheal.fixers import job_timeout as fixer
from autoheal.fixers import yamledit
from autoheal.proposals import FixDeclined
from tests.fixers.util import context, only_change

LOG = "##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of {} minutes."
WF = ".github/workflows/ci.yml"


def run(tmp_path: Path, workflow: str, minutes: int = 10, **kw: object) -> object:
    return fixer.fix(context(tmp_path, {WF: workflow}, LOG.format(minutes), "timeout", **kw))  # type: ignore[arg-type]


# ---------------------------------------------------------------- yamledit helpers

JOBS = yamledit.parse(
    "jobs:\n  build:\n    name: Build\n  test:\n    name: Test ${{ matrix.os }} / py${{ matrix.py }}\n"
    "  deploy:\n    uses: ./.github/workflows/deploy.yml\n"
)["jobs"]


@pytest.mark.parametrize(
    ("wanted", "job"),
    [
        ("build", "build"),
        ("Build", "build"),
        ("Build (ubuntu-latest, 3.12)", "build"),
        ("Test ubuntu-latest / py3.12", "test"),
        ("deploy / Deploy to prod", "deploy"),
        ("nope", None),
        (None, None),
    ],
)
def test_find_job(wanted: str | None, job: str | None) -> None:
    assert yamledit.find_job(JOBS, wanted) == job


def test_find_job_uses_the_only_job() -> None:
    only = yamledit.parse("jobs:\n  x:\n    runs-on: a\n")["jobs"]
    assert yamledit.find_job(only, "whatever") == "x"
    assert yamledit.find_job(only, "whatever", single=False) is None


@pytest.mark.parametrize(
    ("line", "col", "value", "expected"),
    [
        ("    timeout-minutes: 30  # c\n", 21, "45", "    timeout-minutes: 45  # c\n"),
        ("    timeout-minutes: '30'\n", 21, "45", "    timeout-minutes: '45'\n"),
        ('  x: "it\\"s"  # c\n', 5, "y", '  x: "y"  # c\n'),
        ("  x: 'it''s'\n", 5, "y", "  x: 'y'\n"),
        ("  xs: [3.8, '3.9']\n", 7, "3.10", "  xs: [3.10, '3.9']\n"),
        ("  xs: [3.8, '3.9']\n", 12, "3.10", "  xs: [3.8, '3.10']\n"),
    ],
)
def test_replace_scalar(line: str, col: int, value: str, expected: str) -> None:
    assert yamledit.replace_scalar(line, col, value) == expected


def test_block_end_skips_nested_lines_comments_and_trailing_blanks() -> None:
    lines = ["    runs-on:\n", "      group: x\n", "      # c\n", "\n", "      labels: y\n", "\n", "    steps:\n"]
    assert yamledit.block_end(lines, 0, 4) == 5
    assert yamledit.block_end(["    runs-on: x\n", "    steps:\n"], 0, 4) == 1


def test_exotic_line_breaks_are_refused() -> None:
    assert yamledit.split_lines("a\rb") is None
    assert yamledit.split_lines("a\u2028b") is None
    assert yamledit.split_lines("a\r\nb\n") == ["a\r\n", "b\n"]


# ---------------------------------------------------------------- fix()


def test_flow_style_job_is_edited_in_place(tmp_path: Path) -> None:
    workflow = "jobs:\n  build: {runs-on: ubuntu-latest, timeout-minutes: 10, steps: [{run: make}]}\n"
    assert only_change(run(tmp_path, workflow)).new == workflow.replace("10,", "15,")


@pytest.mark.parametrize(
    ("workflow", "reason"),
    [
        ("jobs:\n  build: {runs-on: ubuntu-latest, steps: [{run: make}]}\n", "flow mapping"),
        ("jobs:\n  call:\n    uses: ./.github/workflows/r.yml\n", "reusable workflow"),
        ("jobs:\n  a:\n    runs-on: x\n  b:\n    runs-on: x\n", "no job 'c'"),
        ("jobs: [\n", "cannot read"),
    ],
)
def test_declines(tmp_path: Path, workflow: str, reason: str) -> None:
    result = run(tmp_path, workflow, job="c", workflow_path=WF)
    assert isinstance(result, FixDeclined) and reason in result.reason


@pytest.mark.parametrize("options", [{"timeout_factor": 1}, {"timeout_factor": "fast"}, {"timeout_cap": 0}])
def test_bad_options_decline(tmp_path: Path, options: dict[str, object]) -> None:
    result = run(tmp_path, "jobs:\n  a:\n    runs-on: x\n    timeout-minutes: 10\n", options=options)
    assert isinstance(result, FixDeclined) and "options" in result.reason


def test_cap_option_and_current_value_at_cap(tmp_path: Path) -> None:
    workflow = "jobs:\n  a:\n    runs-on: x\n    timeout-minutes: 100\n"
    capped = run(tmp_path / "a", workflow, minutes=100, options={"timeout_cap": 120})
    at_cap = run(tmp_path / "b", workflow.replace("100", "120"), minutes=100, options={"timeout_cap": 120})
    assert "timeout-minutes: 120\n" in only_change(capped).new
    assert isinstance(at_cap, FixDeclined) and "already at the 120-minute cap" in at_cap.reason


def test_workflow_found_by_job_when_the_path_is_unknown(tmp_path: Path) -> None:
    files = {
        ".github/workflows/a.yml": "jobs:\n  lint:\n    runs-on: x\n",
        ".github/workflows/b.yml": "jobs:\n  e2e:\n    runs-on: x\n    timeout-minutes: 10\n",
    }
    ctx = context(tmp_path, files, LOG.format(10), "timeout", job="e2e")
    assert only_change(fixer.fix(ctx)).path == ".github/workflows/b.yml"
    ambiguous = fixer.fix(context(tmp_path, files, LOG.format(10), "timeout", job=None))
    assert isinstance(ambiguous, FixDeclined) and "unknown" in ambiguous.reason


def test_capture_is_used_when_the_number_was_cut_off(tmp_path: Path) -> None:
    ctx = context(
        tmp_path,
        {WF: "jobs:\n  a:\n    runs-on: x\n"},
        "The job has exceeded the maximum execution time of",
        "timeout",
        captures={"minutes": "40"},
    )
    assert "timeout-minutes: 60\n" in only_change(fixer.fix(ctx)).new


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 359),
    st.sampled_from(["", "'", '"']),
    st.sampled_from(["", "  # why", " #x"]),
    st.sampled_from([1.5, 2, 1.1]),
)
def test_only_the_timeout_changes(
    tmp_path_factory: pytest.TempPathFactory, minutes: int, quote: str, comment: str, factor: float
) -> None:
    workflow = (
        f"# top\nname: ci\njobs:\n  build:\n    runs-on: ubuntu-latest  # runner\n"
        f"    timeout-minutes: {quote}{minutes}{quote}{comment}\n    steps:\n      - run: make\n"
    )
    result = run(tmp_path_factory.mktemp("w"), workflow, minutes, options={"timeout_factor": factor})

    new = min(math.ceil(minutes * factor), 360)
    if new <= minutes:
        assert isinstance(result, FixDeclined)
        return
    text = only_change(result).new
    assert text == workflow.replace(f"{quote}{minutes}{quote}{comment}", f"{quote}{new}{quote}{comment}")
    assert int(YAML(typ="safe").load(text)["jobs"]["build"]["timeout-minutes"]) == new


@pytest.mark.parametrize(
    ("name", "wanted", "matches"),
    [
        ("Test ${{ matrix.os }}", "Test ubuntu", True),
        ("Test ${{ matrix.os }}", "Test ", True),
        ("${{ a }}-${{ b }}", "x-y", True),
        ("${{ a }}-${{ b }}", "xy", False),
        ("a${{ x }}a", "a", False),
        ("Build ${{", "Build ${{", True),
        ("Deploy", "deploy", False),
    ],
)
def test_job_names_with_expressions(name: str, wanted: str, matches: bool) -> None:
    jobs = yamledit.parse(f"jobs:\n  j:\n    name: '{name}'\n  other:\n    name: o\n")["jobs"]
    assert (yamledit.find_job(jobs, wanted) == "j") is matches


def test_crafted_names_and_logs_stay_fast() -> None:
    import time

    from autoheal.fixers import deprecated_actions, workflow_permissions

    start = time.monotonic()
    name = "a${{ x }}" * 200 + "b"
    jobs = yamledit.parse(f"jobs:\n  j:\n    name: '{name}'\n  k:\n    name: c\n")["jobs"]
    assert yamledit.find_job(jobs, "a" * 5000) is None
    log = "x" * 50_000 + "/" + "y" * 50_000 + " " + "z/" * 20_000
    deprecated_actions._MENTION.findall(log)
    workflow_permissions.infer_scope("Resource not accessible by integration " + log, {})
    assert time.monotonic() - start < 2
