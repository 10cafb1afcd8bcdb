"""linetimes: each line's time in another CI's stamp, and where its stages, sections and build steps open."""

from __future__ import annotations

import io
from datetime import date

import pytest

from autoheal import stamps
from autoheal.linetimes import DAY, LineTimes, boundary, timer
from autoheal.logsource import LogDoc, bytes_doc
from autoheal.timing import read_timing

# Seconds from year 1 to 2024-05-01T09:00:00Z, the base GitHub's stamps are read in (runnerlines.second_of).
NINE = date(2024, 5, 1).toordinal() * DAY + 9 * 3600


def times(shape: int, *lines: bytes) -> list[tuple[float | None, bytes]]:
    split = LineTimes(stamps.Stamped(stamps.SHAPES[shape]))
    return [split(line) for line in lines]


def test_iso_stamps_keep_their_fraction_and_are_taken_to_utc() -> None:
    assert times(1, b"[2024-05-01T09:00:00.123Z] make", b"[2024-05-01T11:00:01,5+02:00] make -j2") == [
        (pytest.approx(NINE + 0.123), b"make"),
        (pytest.approx(NINE + 1.5), b"make -j2"),
    ]
    assert times(0, b"2024-05-01T09:00:02.123456Z 01E+tail", b"2024-05-01T04:00:02-0500 00O x") == [
        (pytest.approx(NINE + 2.123456), b"tail"),
        (pytest.approx(NINE + 2), b"x"),
    ]


def test_a_clock_passing_midnight_counts_a_day_and_a_writers_jitter_does_not() -> None:
    got = times(2, b"23:59:58  a", b"23:59:57  b", b"00:00:01  c", b"unstamped", b"00:00:03.250  d")
    assert got == [(86_398, b"a"), (86_397, b"b"), (DAY + 1, b"c"), (None, b"unstamped"), (DAY + 3.25, b"d")]


def test_elapsed_and_teamcity_times_are_seconds_from_their_start() -> None:
    assert times(3, b"00:00:01.234 x", b"25:00:00.000 y") == [(pytest.approx(1.234), b"x"), (90_000, b"y")]
    assert times(4, b"[09:00:00]i: Build started", b"[09:01:30] :\t go test")[1] == (9 * 3600 + 90, b"go test")


@pytest.mark.parametrize(
    ("line", "opened"),
    [
        (b"[Pipeline] { (Build)", ("stage", "Build")),
        (b"[Pipeline] { (Branch: unit)", ("stage", "Branch: unit")),
        (b"\x1b[0Ksection_start:1714554000:step_script\r\x1b[0KExecuting", ("section", "step_script")),
        (b"section_start:1714554000:deps[collapsed=true]\r\x1b[0KDeps", ("section", "deps")),
        (b"Step 2/3: Test (Command Line)", ("step", "Test (Command Line)")),
        (b"Step 1/5 : FROM python:3.12", None),  # docker build's own steps
        (b"[Pipeline] stage", None),
        (b"echo section_start:1:x", None),
    ],
)
def test_stages_sections_and_build_steps_open_a_step(line: bytes, opened: tuple[str, str] | None) -> None:
    assert boundary(line) == opened


def test_only_another_cis_stamps_are_read_from_the_log_as_written() -> None:
    github = b"".join(b"2024-05-01T09:00:0%dZ line %d\n" % (i, i) for i in range(6))
    jenkins = b"".join(b"[2024-05-01T09:00:0%dZ] line %d\n" % (i, i) for i in range(6))
    assert timer(bytes_doc("", github)) is None
    assert timer(LogDoc("", lambda: io.BytesIO(jenkins))) is None  # no bytes as written: read as the opener gives
    found = timer(bytes_doc("", jenkins))
    assert isinstance(found, LineTimes) and found(b"[2024-05-01T09:00:01Z] line 1") == (
        found(jenkins[:28])[0] + 1,
        b"line 1",
    )


def test_a_long_line_is_one_line_and_its_stamp_still_read() -> None:
    head = b"00:00:00  start\n00:00:00  go test ./...\n00:00:00  === RUN TestFetch\n"  # the head tells the shape
    log = head + b"00:00:01  " + b"x" * 300_000 + b"\n00:00:02  more\n00:05:00  panic: test timed out\n"
    timing = read_timing(bytes_doc("", log), fallback_line=6)
    assert timing is not None and timing.limit_line == 6 and timing.running_seconds == 300.0
    assert [line.line for line in timing.last_lines] == [1, 2, 3, 4, 5] and timing.quiet_after == 5


def test_a_date_no_calendar_has_is_no_time_for_github_stamps_or_others() -> None:
    github = b"2024-13-45T10:00:00.0000000Z ##[group]Run pytest\n2024-13-45T10:20:00.0000000Z ##[error]The operation was canceled.\n"
    assert read_timing(bytes_doc("", github)) is None
    assert times(1, b"[2024-02-30T09:00:00Z] x") == [(None, b"x")]


def test_a_gitlab_jobs_commands_open_steps_once_the_log_is_known_to_be_gitlabs() -> None:
    split = LineTimes(stamps.Stamped(stamps.SHAPES[0]))
    assert split.boundary(b"\x1b[32;1m$ make test\x1b[0;m") is None  # a shell prompt in any log
    assert split.boundary(b"\x1b[0Ksection_start:1714554000:step_script\r\x1b[0K") == ("section", "step_script")
    assert split.boundary(b"\x1b[32;1m$ make test\x1b[0;m") == ("command", "make test")
    assert split.boundary(b"$ ") is None and split.boundary(b"  $ indented") is None


def test_a_tools_own_step_lines_nested_under_a_teamcity_build_step_open_no_step() -> None:
    split = LineTimes(stamps.Stamped(stamps.SHAPES[4]))
    split(b"[09:01:35]i: Step 2/3: Test (Command Line)")
    assert split.boundary(b"Step 2/3: Test (Command Line)") == ("step", "Test (Command Line)")
    assert split(b"[09:01:36] :\t\t Step 1/2: fetching fixtures")[1] == b"Step 1/2: fetching fixtures"
    assert split.boundary(b"Step 1/2: fetching fixtures") is None


def test_a_gitlab_command_line_with_trailing_spaces_is_read_whole_and_fast() -> None:
    split = LineTimes(stamps.Stamped(stamps.SHAPES[0]))
    split.boundary(b"section_start:1714554000:step_script\r\x1b[0K")
    assert split.boundary(b"$ make test   ") == ("command", "make test")
    assert split.boundary(b"$ x" + b" " * 65_000 + b"y") is None  # (a lazy command then ``\s*$``: 0.1 s a line)
