"""The read layer undoes a whole log's dialect: ``gh run view --log`` columns, a common indent."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from autoheal import dialect
from autoheal.errors import InputError
from autoheal.rules import default_ruleset
from autoheal.triage import triage_path

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

STAMP = "2024-05-02T14:03:{:02d}.1200000Z"


def _gh(job: str, rows: list[tuple[str, str]]) -> bytes:
    return "".join(f"{job}\t{step}\t{STAMP.format(i)} {text}\n" for i, (step, text) in enumerate(rows)).encode()


def _read(data: bytes, chunk: int = 1 << 20) -> bytes:
    stream = dialect.wrap(lambda: io.BytesIO(data))()
    out = b""
    while piece := stream.read(chunk):
        out += piece
    return out


GH_ROWS = [
    ("Set up job", "Current runner version: '2.316.1'"),
    ("Run cargo test", "##[group]Run cargo test"),
    ("Run cargo test", "##[endgroup]"),
    ("Run cargo test", "test parse::empty ... FAILED"),
    ("Run cargo test", "##[error]Process completed with exit code 101."),
    ("Post Run actions/checkout@v4", "Post job cleanup."),
    ("Post Run actions/checkout@v4", "[command]/usr/bin/git version"),
    ("Set up job", "##[group]Operating System"),
]


@pytest.mark.parametrize("chunk", [1 << 20, 7, 1])
def test_gh_columns_are_dropped_and_each_line_stays_where_it_was(chunk: int) -> None:
    out = _read(_gh("test (ubuntu)", GH_ROWS), chunk).decode().split("\n")
    assert len(out) == len(GH_ROWS) + 1 and out[-1] == ""
    assert out[3] == f"{STAMP.format(3)} test parse::empty ... FAILED"
    assert "\t" not in "".join(out)


def test_every_line_keeps_its_own_text_where_a_runner_step_begins_too() -> None:
    out = _read(_gh("build", GH_ROWS)).decode().split("\n")
    assert out[:-1] == [f"{STAMP.format(i)} {text}" for i, (_, text) in enumerate(GH_ROWS)]


def test_a_runner_step_opens_its_own_section_by_its_first_line_and_ran_after_the_failed_one() -> None:
    from autoheal.logsource import bytes_doc
    from autoheal.scan import scan_doc

    scan = scan_doc(bytes_doc("run.log", _gh("build", GH_ROWS)), default_ruleset())
    found = [(s.start, s.command, s.status, s.aside) for s in scan.sections]
    assert found[1:] == [(2, "cargo test", "failed", False), (6, "Post job cleanup", "passed", True)]


def test_an_ordinary_log_is_the_stream_itself() -> None:
    data = b"2024-05-02T14:03:11.1200000Z ok\tcolumns\tinside\n" * 3
    raw = io.BytesIO(data)
    assert dialect.wrap(lambda: raw)() is raw
    assert raw.tell() == 0


def test_a_log_whose_first_lines_are_not_gh_output_is_left_alone_later() -> None:
    data = b"plain line\n" + _gh("j", GH_ROWS)
    assert _read(data) == data


def test_a_common_indent_is_dropped_and_deeper_lines_keep_the_rest() -> None:
    body = ["$ npm test", "FAIL src/sum.test.js", "  \u25cf sum \u203a adds", "", "    Expected: 3"] * 2
    data = "".join(f"  {line}\n" if line else "\n" for line in body).encode()
    assert _read(data, 5).decode().split("\n")[:5] == body[:5]


def test_a_short_indented_snippet_is_not_taken_for_an_indented_log() -> None:
    data = b"  error: one\n  error: two\n"
    assert _read(data) == data


def test_a_last_line_without_a_newline_is_undone_too() -> None:
    data = _gh("j", GH_ROWS[:4]).rstrip(b"\n")
    assert _read(data, 3).decode().endswith(f"{STAMP.format(3)} test parse::empty ... FAILED")


def test_gh_run_view_output_is_triaged_by_the_tool_s_rule_in_the_failed_step(tmp_path: Path) -> None:
    rows = [
        ("Set up job", "Current runner version: '2.316.1'"),
        ("Run go test ./...", "##[group]Run go test ./..."),
        ("Run go test ./...", "##[endgroup]"),
        ("Run go test ./...", "--- FAIL: TestMatch (0.00s)"),
        ("Run go test ./...", "    match_test.go:57: got false, want true"),
        ("Run go test ./...", "FAIL"),
        ("Run go test ./...", "FAIL\tgithub.com/acme/router\t0.021s"),
        ("Run go test ./...", "##[error]Process completed with exit code 1."),
        ("Post Run actions/checkout@v4", "Post job cleanup."),
        ("Complete job", "Cleaning up orphan processes"),
    ]
    log = tmp_path / "run.log"
    log.write_bytes(_gh("unit", rows))
    d = triage_path(str(log), default_ruleset())
    assert (d.rule, d.category, d.step) == ("go.test-failures", "test.failure", "go test ./...")
    assert 4 in {e.line for e in d.excerpt}  # the file's own line numbers


def test_a_zip_member_in_gh_s_shape_is_undone_too(tmp_path: Path) -> None:
    import zipfile

    from autoheal.logsource import open_input

    archive = tmp_path / "logs.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("0_unit.txt", _gh("unit", GH_ROWS))
    (doc,) = open_input(str(archive))
    with doc.opener() as stream:
        assert stream.read().decode().split("\n")[3] == f"{STAMP.format(3)} test parse::empty ... FAILED"


class _Endless(io.RawIOBase):
    """A gh log whose second line never ends (made as it is read, so it costs the test no memory)."""

    def __init__(self, size: int) -> None:
        self.data, self.left = _gh("j", GH_ROWS[:2]).rstrip(b"\n"), size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        if not self.data and self.left > 0:
            self.data, self.left = b"x" * min(self.left, len(view)), self.left - min(self.left, len(view))
        size = min(len(view), len(self.data))
        view[:size], self.data = self.data[:size], self.data[size:]
        return size


def test_a_long_line_is_undone_at_its_start_and_passed_through_in_bounded_memory() -> None:
    import tracemalloc

    size = 32 << 20
    stream = dialect.wrap(lambda: io.BufferedReader(_Endless(size)))()
    tracemalloc.start()
    try:
        first, total, peak = stream.read(1 << 20), 0, 0
        while piece := stream.read(1 << 20):
            total, peak = total + len(piece), max(peak, tracemalloc.get_traced_memory()[1])
    finally:
        tracemalloc.stop()
    line = f"{STAMP.format(1)} ##[group]Run cargo test".encode()
    assert first.split(b"\n")[1].startswith(line + b"x")
    assert len(first) + total == len(f"{STAMP.format(0)} Current runner version: '2.316.1'\n") + len(line) + size
    assert peak < 8 << 20  # a few chunks, not the line (it held the whole line so far, and copied it per read)


def test_a_runner_step_s_long_first_line_keeps_its_text() -> None:
    long = "x" * (dialect.LONG_LINE + 10)
    out = _read(_gh("j", [("Run make", "##[group]Run make"), ("Post make", long)]), 1 << 12).decode()
    assert out.split("\n")[1] == f"{STAMP.format(1)} {long}"


def test_a_stream_whose_head_cannot_be_read_is_closed() -> None:
    class Broken(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            raise InputError("corrupt")

    broken = Broken(b"")
    with pytest.raises(InputError):
        dialect.wrap(lambda: broken)()
    assert broken.closed


def test_lines_without_gh_s_columns_inside_gh_output_keep_their_text_and_their_place() -> None:
    rows = _gh("j", GH_ROWS[1:4] * 2).split(b"\n")  # gh's shape is told from its first lines
    data = b"\n".join([*rows[:6], b"a line gh did not write", b"j\tRun cargo test\tno stamp", *rows[6:]])
    out = _read(data, 5).split(b"\n")
    assert out[6:8] == [b"a line gh did not write", b"j\tRun cargo test\tno stamp"]
    assert out[5] == f"{STAMP.format(5)} test parse::empty ... FAILED".encode() and len(out) == len(data.split(b"\n"))


def test_a_bom_before_the_first_job_column_is_the_same_job_and_step() -> None:
    data = b"\xef\xbb\xbf" + _gh("unit", GH_ROWS[1:5])
    assert _read(data).decode().split("\n")[1:3] == [
        f"{STAMP.format(1)} ##[endgroup]",
        f"{STAMP.format(2)} test parse::empty ... FAILED",
    ]


def test_gh_s_job_column_is_the_job_and_the_title_says_it(tmp_path: Path) -> None:
    from autoheal.logsource import open_input

    rows = [
        ("Set up job", "Current runner version: '2.316.1'"),
        ("Run pytest -q", "##[group]Run pytest -q"),
        ("Run pytest -q", "##[endgroup]"),
        ("Run pytest -q", "FAILED tests/test_cart.py::test_total - AssertionError: assert 9 == 10"),
        ("Run pytest -q", "##[error]Process completed with exit code 1."),
        ("Post Run actions/checkout@v4", "Post job cleanup."),
        ("Post Run actions/checkout@v4", "##[error]fatal: could not remove the credentials helper"),
    ]
    log = tmp_path / "failed.log"
    log.write_bytes(_gh("tests", rows))
    (doc,) = open_input(str(log))
    assert doc.job == "tests"
    assert dialect.job(b"plain\tline\n") is None and dialect.job(_gh("", rows)) is None
    d = triage_path(str(log), default_ruleset())
    assert (d.job, d.step, d.rule) == ("tests", "pytest -q", "python.pytest-failures")
    assert d.key_lines == (4,)  # the file's own line: a link to line 4 of the log shows it


def test_gh_run_view_piped_into_triage_names_the_job_and_keeps_the_line_numbers() -> None:
    from tests.helpers import autoheal_cli

    rows = [
        ("Set up job", "Current runner version: '2.316.1'"),
        ("Run npm test", "##[group]Run npm test"),
        ("Run npm test", "##[endgroup]"),
        ("Run npm test", "FAIL src/cart.test.js"),
        ("Run npm test", "  \u25cf cart \u203a adds the tax"),
        ("Run npm test", "Tests:       1 failed, 12 passed, 13 total"),
        ("Run npm test", "##[error]Process completed with exit code 1."),
        ("Post Run actions/setup-node@v4", "Post job cleanup."),
        ("Complete job", "Cleaning up orphan processes"),
    ]
    proc = autoheal_cli("triage", "--format", "json", "-", input=_gh("web / unit", rows).decode())
    out = json.loads(proc.stdout)
    assert (out["job"], out["category"]) == ("web / unit", "test.failure")
    assert out["title"] == "web / unit / npm test: FAIL src/cart.test.js" and out["key_lines"] == [4, 6]
    texts = {e["line"]: e["text"] for e in out["excerpt"]}
    assert texts[4] == "FAIL src/cart.test.js"  # gh's columns gone, the line where the file has it


LINT_ROWS = [
    ("Set up job", "Current runner version: '2.316.1'"),
    ("Run ruff check .", "##[group]Run ruff check ."),
    ("Run ruff check .", "##[endgroup]"),
    ("Run ruff check .", "error: Failed to parse pyproject.toml (ignored: a warning of ruff's own)"),
    ("Run ruff check .", "All checks passed!"),
    ("Complete job", "Cleaning up orphan processes"),
]
TEST_ROWS = [
    ("Set up job", "Current runner version: '2.316.1'"),
    ("Run cargo test", "##[group]Run cargo test"),
    ("Run cargo test", "##[endgroup]"),
    ("Run cargo test", "test parse::empty ... FAILED"),
    ("Run cargo test", "test result: FAILED. 11 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out"),
    ("Run cargo test", "##[error]Process completed with exit code 101."),
]


def test_gh_output_of_several_jobs_is_one_document_per_job_with_the_file_s_line_numbers(tmp_path: Path) -> None:
    from autoheal.logsource import open_input

    log = tmp_path / "run.log"
    log.write_bytes(_gh("lint", LINT_ROWS) + _gh("test (ubuntu)", TEST_ROWS) + _gh("lint", LINT_ROWS[:1]))
    docs = open_input(str(log))
    assert [d.job for d in docs] == ["lint", "test (ubuntu)"]
    with docs[1].opener() as stream:
        lines = stream.read().decode().split("\n")
    assert len(lines) == len(LINT_ROWS) + len(TEST_ROWS) + 2  # every line where it was, another job's blank
    assert lines[:6] == [""] * 6 and lines[9].endswith("test parse::empty ... FAILED") and lines[12] == ""
    d = triage_path(str(log), default_ruleset())
    assert (d.job, d.step) == ("test (ubuntu)", "cargo test")
    assert 10 in d.key_lines or 10 in {e.line for e in d.excerpt}


def test_the_jobs_of_gh_output_are_told_across_reads_and_a_long_line() -> None:
    data = _gh("a", GH_ROWS) + b"a\tRun x\t" + STAMP.format(1).encode() + b" " + b"y" * (3 << 20) + b"\n"
    data += _gh("b", GH_ROWS[:2]) + b"no columns here\n" + _gh("c", GH_ROWS[:1])
    assert dialect.columns(data[: dialect.HEAD_BYTES], lambda: io.BytesIO(data))[0] == ["a", "b", "c"]
    assert dialect.columns(b"plain\n", lambda: io.BytesIO(b"plain\n")) == ([], {})
    assert [job for job, _, _ in dialect.per_job(data[:4096], lambda: io.BytesIO(data[:4096]))] == ["a"]


def test_another_job_s_long_line_is_left_out_whole_of_a_job_s_document() -> None:
    long = b"a\tRun x\t" + STAMP.format(1).encode() + b" " + b"y" * (dialect.LONG_LINE * 3) + b"\n"
    data = _gh("a", GH_ROWS[:2]) + long + _gh("b", GH_ROWS[:3])
    (_, first, _), (_, second, _) = dialect.per_job(data[: dialect.HEAD_BYTES], lambda: io.BytesIO(data))
    with second() as stream:
        out = stream.read().split(b"\n")
    assert out[:3] == [b"", b"", b""] and out[3].endswith(b"Current runner version: '2.316.1'") and len(out) == 7
    with first() as stream:
        assert len(stream.read()) > dialect.LONG_LINE * 3  # its own long line stays


def _gh_rows(job: str, step: str, *texts: str) -> bytes:
    return b"".join(f"{job}\t{step}\t2025-01-02T03:04:05.0000000Z {t}\n".encode() for t in texts)


def test_failed_steps_names_each_jobs_step_with_the_runners_failure_line() -> None:
    data = (
        _gh_rows("lint", "Set up job", "Runner version 2.3")
        + _gh_rows(
            "lint", "Run ruff linter", "a.py:1:1: E501 line too long", "##[error]Process completed with exit code 1."
        )
        + _gh_rows("unit (3.12)", "Unit Tests", "1 failed", "##[error]Process completed with exit code 2.")
        + _gh_rows("unit (3.12)", "Post Run actions/checkout@v4", "Cleaning up")
    )
    found, steps = dialect.columns(data, lambda: io.BytesIO(data))
    assert found == ["lint", "unit (3.12)"] and steps == {"lint": "ruff linter", "unit (3.12)": "Unit Tests"}
    docs = dialect.per_job(data, lambda: io.BytesIO(data))
    assert [(job, step) for job, _, step in docs] == [("lint", "ruff linter"), ("unit (3.12)", "Unit Tests")]


def test_failed_steps_of_a_log_without_gh_columns_is_empty() -> None:
    data = b"2025-01-02T03:04:05.0000000Z ##[error]Process completed with exit code 1.\n" * 3
    assert dialect.columns(data, lambda: io.BytesIO(data)) == ([], {})


def test_a_step_name_holding_a_tab_is_still_the_failed_step(tmp_path: Path) -> None:
    # An unnamed step is named ``Run <its command's first line>``, and a command may hold a tab.
    step = "Run printf 'a\\tb' && go\ttest ./..."
    rows = [
        ("Set up job", "Current runner version: '2.316.1'"),
        (step, "##[group]" + step),
        (step, "##[endgroup]"),
        (step, "--- FAIL: TestMatch (0.00s)"),
        (step, "    match_test.go:57: got false, want true"),
        (step, "FAIL"),
        (step, "##[error]Process completed with exit code 1."),
        ("Complete job", "Cleaning up orphan processes"),
    ]
    data = _gh("unit", rows)
    assert _read(data).decode().split("\n")[1] == f"{STAMP.format(1)} ##[group]{step}"
    (log := tmp_path / "run.log").write_bytes(data)
    d = triage_path(str(log), default_ruleset())
    assert (d.category, d.step) == ("test.failure", step.removeprefix("Run "))
    lint = _gh_rows("lint", "Run ruff\tcheck", "a.py:1:1: E501", "##[error]Process completed with exit code 1.")
    both = data + lint
    found, steps = dialect.columns(both, lambda: io.BytesIO(both))
    assert found == ["unit", "lint"] and steps == {"unit": step.removeprefix("Run "), "lint": "ruff\tcheck"}


def test_a_step_column_holds_at_most_step_tabs_tabs() -> None:
    # A line of tabs with no timestamp after them must not be read to its end once per tab (a hostile log):
    # past _STEP_TABS tabs the line is no gh row, and its text passes through unchanged.
    stamp = "2025-01-02T03:04:05.0000000Z"
    within = "job\t" + "a\t" * dialect._STEP_TABS + "b\t" + stamp + " x"
    beyond = "job\t" + "a\t" * (dialect._STEP_TABS + 1) + "b\t" + stamp + " x"
    assert dialect.without_columns(within) == stamp + " x"
    assert dialect.without_columns(beyond) == beyond
