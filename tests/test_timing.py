"""timing: where a timeout's time went, and where a log line sits in GitHub's per-step log viewer."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from autoheal.ghtypes import Step
from autoheal.logsource import LogDoc, bytes_doc, open_zip
from autoheal.models import Diagnosis, ExcerptLine, StepLine
from autoheal.timing import map_step_lines, read_timing, with_timing
from autoheal.triage import triage_docs
from tests.double import timestamped
from tests.double.schema import shared_dir
from tests.helpers import ruleset

SHARED_ZIP = shared_dir() / "github" / "logs" / "gh-cli-fixture-run_log.zip"
START = datetime(2024, 5, 1, 10, 0, tzinfo=timezone.utc)


def at(seconds: float, *lines: str) -> str:
    return timestamped(lines, START + timedelta(seconds=seconds))


def job_timeout_log() -> str:
    """Set up job, checkout, a test step that hangs after test_two, then the runner's cancel and post steps."""
    return (
        at(0, "Current runner version: '2.317.0'", "##[group]Operating System", "Ubuntu", "##[endgroup]")  # 1-4
        + at(2, "##[group]Run actions/checkout@v4", "Syncing repository: octo/demo", "##[endgroup]")  # 5-7
        + at(5, "##[group]Run python -m pytest -q", "\x1b[36;1mpython -m pytest -q\x1b[0m", "##[endgroup]")  # 8-10
        + at(9, "tests/test_a.py::test_one PASSED", "tests/test_a.py::test_two PASSED")  # 11-12
        + at(11, "tests/test_net.py::test_fetch_remote ")  # 13
        + at(
            1205,
            "##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 20 minutes.",
            "##[error]The operation was canceled.",
        )  # 14-15
        + at(1206, "Post job cleanup.", "[command]/usr/bin/git version")  # 16-17
        + at(1207, "Cleaning up orphan processes")  # 18
    )


STEPS = (
    Step(1, "Set up job", "success"),
    Step(2, "Run actions/checkout@v4", "success"),
    Step(3, "Tests", "cancelled"),
    Step(4, "Post Run actions/checkout@v4", "success"),
    Step(5, "Complete job", "success"),
)


def test_job_timeout_says_which_step_ran_how_long_and_what_it_printed_last() -> None:
    timing = read_timing(bytes_doc("1_tests.txt", job_timeout_log().encode(), job="tests"))
    assert timing is not None
    assert [(s.name, s.line) for s in timing.steps] == [
        ("Set up job", 1),
        ("actions/checkout@v4", 5),
        ("python -m pytest -q", 8),
        ("Post job cleanup", 16),
        ("Complete job", 18),
    ]
    assert [round(s.seconds) for s in timing.steps] == [2, 3, 1201, 1, 0]
    assert (timing.running, timing.running_line, timing.limit_line) == ("python -m pytest -q", 8, 14)
    assert round(timing.running_seconds) == 1200
    assert round(timing.quiet_seconds) == 1194 and timing.quiet_after == 13
    # The step's own header (its script, echoed in cyan) is not what it printed.
    assert [e.line for e in timing.last_lines] == [11, 12, 13]
    assert timing.last_lines[-1].text == "tests/test_net.py::test_fetch_remote"
    assert {e.file for e in timing.last_lines} == {"1_tests.txt"}


def test_step_timeout_is_charged_to_the_step_that_printed_it() -> None:
    # A step's timeout-minutes: the runner prints the error, then the next step starts.
    log = (
        at(0, "##[group]Run make test", "##[endgroup]", "ok 1 - parses")
        + at(20, "ok 2 - connects")
        + at(21_600, "##[error]The action 'Test' has timed out after 360 minutes.")
        + at(21_601, "##[group]Run cp -R reports out/", "##[endgroup]")
    )
    timing = read_timing(bytes_doc("", log.encode()))
    assert timing is not None
    assert timing.running == "make test" and timing.limit_line == 5
    assert [s.name for s in timing.steps] == ["make test", "cp -R reports out/"]
    assert round(timing.running_seconds) == 21_600 and timing.quiet_after == 4
    assert [e.text for e in timing.last_lines] == ["ok 1 - parses", "ok 2 - connects"]


def test_a_log_cut_out_mid_step_does_not_call_its_start_set_up_job() -> None:
    log = at(0, "test_one PASSED") + at(600, "##[error]The operation was canceled.") + at(601, "##[group]Run cleanup")
    timing = read_timing(bytes_doc("", log.encode(), job="tests"))
    assert timing is not None and timing.running == "" and [s.name for s in timing.steps] == ["", "cleanup"]


def test_without_a_runner_line_the_anchor_marks_the_moment() -> None:
    log = at(0, "##[group]Run mvn -B verify", "##[endgroup]", "Running FooIT") + at(
        300, "java.util.concurrent.TimeoutException: testFoo() timed out after 5 minutes"
    )
    assert read_timing(bytes_doc("", log.encode())) is None
    timing = read_timing(bytes_doc("", log.encode()), fallback_line=4)
    assert timing is not None and timing.limit_line == 4 and round(timing.running_seconds) == 300


def test_a_log_without_timestamps_has_no_timing() -> None:
    log = b"##[group]Run pytest\n##[error]The operation was canceled.\n"
    assert read_timing(bytes_doc("", log)) is None


def test_lines_are_counted_as_grep_does_whatever_their_length() -> None:
    # A 3 MB line is read in pieces but counted once; CRLF and a BOM change nothing.
    huge = "x" * (3 << 20)
    log = (
        "\ufeff"
        + at(0, "##[group]Run ./build.sh", "##[endgroup]", huge).replace("\n", "\r\n")
        + at(60, "The operation was canceled.")
    )
    doc = bytes_doc("", log.encode())
    timing = read_timing(doc)
    assert timing is not None and timing.limit_line == 4 == log.count("\n")
    assert timing.last_lines[-1].text == "x" * 1000


def test_step_file_lines_are_the_viewers_lines() -> None:
    doc = LogDoc("test/4_Run tests.txt", lambda: io.BytesIO(b""), job="test", step="Run tests", step_number=4)
    assert map_step_lines(doc, [1, 37], ()) == (
        StepLine("test/4_Run tests.txt", 1, 4, 1),
        StepLine("test/4_Run tests.txt", 37, 4, 37),
    )


def test_job_log_lines_map_to_the_step_and_its_own_line() -> None:
    doc = bytes_doc("1_tests.txt", job_timeout_log().encode())
    # Line 14 is line 7 of step 3's log (which opens at line 8 with its "Run" group).
    assert map_step_lines(doc, [14], STEPS) == (StepLine("1_tests.txt", 14, 3, 7),)
    # Set up job is step 1 from line 1 on; lines after a post step opens are not knowable.
    assert map_step_lines(doc, [2, 17], STEPS) == (StepLine("1_tests.txt", 2, 1, 2),)
    assert map_step_lines(doc, [14], ()) == ()


def test_skipped_steps_print_nothing_but_keep_their_number() -> None:
    log = (
        at(0, "Current runner version: '2.317.0'")
        + at(1, "##[group]Run actions/checkout@v4", "##[endgroup]")
        + at(2, "##[group]Run npm test", "##[endgroup]", 'npm ERR! Missing script: "test"')
    )
    steps = (
        Step(1, "Set up job", "success"),
        Step(2, "Run actions/checkout@v4", "success"),
        Step(3, "Cache node modules", "skipped"),
        Step(4, "Unit tests", "failure"),
    )
    assert map_step_lines(bytes_doc("", log.encode()), [6], steps) == (StepLine("", 6, 4, 3),)


def test_an_uncertain_step_gets_no_line() -> None:
    # A container job's "Initialize containers" opens without a "Run" group: counting groups
    # would point one step early, at a step that passed, so the line is left to the job link.
    log = (
        at(0, "Current runner version: '2.317.0'")
        + at(1, "##[group]Checking docker version", "##[endgroup]")
        + at(2, "##[group]Run make lint", "##[endgroup]", "lint.go:3: unused variable")
    )
    steps = (
        Step(1, "Set up job", "success"),
        Step(2, "Initialize containers", "success"),
        Step(3, "Lint", "failure"),
    )
    assert map_step_lines(bytes_doc("", log.encode()), [6], steps) == ()


@pytest.mark.skipif(not SHARED_ZIP.exists(), reason="shared/github fixture not present")
def test_real_run_log_zip_step_files_number_as_the_viewer() -> None:
    """cli/cli's run-log zip: ``job/N_step.txt`` is step N, and autoheal's line N is its line N."""
    docs = open_zip(SHARED_ZIP, "fixture")
    doc = next(d for d in docs if d.name == "cool job/2_barz the fob.txt")
    assert (doc.step_number, doc.step) == (2, "barz the fob")
    diagnosis = triage_docs([doc], ruleset(), "fixture")
    shown = {e.line: e.text for e in diagnosis.excerpt}
    with doc.opener() as fh:
        lines = fh.read().decode().splitlines()
    assert all(lines[n - 1] == text for n, text in shown.items())
    found = with_timing(diagnosis, [doc])
    assert found.key_lines and all(s.step == 2 and s.step_line == s.line for s in found.step_lines)


class CountingDoc:
    def __init__(self, data: bytes, name: str = "1_job.txt") -> None:
        self.opened = 0
        self.doc = LogDoc(name, self._open, job="job")
        self.data = data

    def _open(self) -> io.BytesIO:
        self.opened += 1
        return io.BytesIO(self.data)


def _diagnosis(category: str, rule: str, file: str = "1_job.txt") -> Diagnosis:
    return Diagnosis(
        path="x",
        category=category,
        confidence=0.9,
        rule=rule,
        fingerprint="0" * 16,
        title="",
        summary="The operation was canceled.",
        excerpt=(ExcerptLine(15, "The operation was canceled.", file),),
    )


def test_with_timing_reads_a_log_only_when_it_needs_to() -> None:
    counted = CountingDoc(job_timeout_log().encode())
    plain = with_timing(_diagnosis("test.failure", "pytest.failed"), [counted.doc])
    assert counted.opened == 0 and plain.timing is None and plain.key_lines == (15,)
    timed = with_timing(_diagnosis("timeout", "gha.operation-canceled"), [counted.doc])
    assert counted.opened == 1 and timed.timing is not None and timed.timing.running == "python -m pytest -q"
    linked = with_timing(_diagnosis("test.failure", "pytest.failed"), [counted.doc], STEPS)
    assert counted.opened == 2 and linked.step_lines == (StepLine("1_job.txt", 15, 3, 8),)


def test_cli_text_marks_key_lines_and_says_where_the_time_went(tmp_path: Path) -> None:
    log = tmp_path / "timeout.log"
    log.write_text(job_timeout_log())
    run = [sys.executable, "-m", "autoheal", "triage", str(log)]
    text = subprocess.run([*run, "--format", "text"], capture_output=True, text=True, check=True).stdout
    assert "  >     14 | The job running on runner GitHub Actions 2 has exceeded" in text
    assert "timing:      python -m pytest -q ran 20 min 0 s until line 14, silent for 19 min 54 s after line 13" in text
    assert re.search(r"^  >\s+20 min 1 s  python -m pytest -q$", text, re.MULTILINE)
    assert "13 | tests/test_net.py::test_fetch_remote" in text
    result = json.loads(subprocess.run([*run, "--format", "json"], capture_output=True, text=True, check=True).stdout)
    assert result["key_lines"][0] == 14 and "timing" not in result


# --- other CIs' stamps (linetimes.py), through the CLI as a user runs it --------------------------------------


def jenkins_pipeline_log() -> str:
    """Timestamper's ISO stamps in a Pipeline (its own lines unstamped): Checkout, then Test hangs 9.5 min."""

    def stamp(s: int, text: str) -> str:
        return f"[{(START + timedelta(seconds=s)).strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3]}Z] {text}"

    return "\n".join(
        ["Started by user admin", "[Pipeline] Start of Pipeline", stamp(0, "Running on agent-1")]
        + ["[Pipeline] stage", "[Pipeline] { (Checkout)", stamp(1, "+ git fetch origin"), stamp(20, "+ git checkout")]
        + ["[Pipeline] }", "[Pipeline] // stage", "[Pipeline] stage", "[Pipeline] { (Test)"]  # 8-11
        + [stamp(21, "+ pytest -x tests/"), stamp(25, "collected 120 items"), stamp(30, "tests/test_api.py ....")]
        + [stamp(600, "Build timed out (after 10 minutes). Marking the build as aborted.")]  # 15
        + [stamp(601, "Sending interrupt signal to process"), "[Pipeline] }", "[Pipeline] // stage"]
        + ["Finished: ABORTED", ""]
    )


def jenkins_clock_log() -> str:
    """A freestyle job's Timestamper clock, past midnight: 23:58:00 to 00:08:02."""
    clock = [(23 * 3600 + 58 * 60 + s) % 86_400 for s in (0, 1, 3, 30, 200, 602, 603)]
    texts = ["Started by timer", "Building in workspace /w", "+ make check", "Running test suite"]
    texts += ["test_slow_io ...", "Build timed out (after 10 minutes). Marking the build as aborted.", "Finished"]
    return "".join(f"{c // 3600:02}:{c // 60 % 60:02}:{c % 60:02}  {t}\n" for c, t in zip(clock, texts, strict=True))


def gitlab_log(cleanup_section: bool = True) -> str:
    """FF_TIMESTAMPS stamps and the runner's sections: step_script runs 1 h into the job's timeout, the runner says
    it stopped it, cleans up (in a section of its own, on a newer runner) and then gives its verdict."""
    epoch = int(START.timestamp())

    def stamp(s: int, text: str, stream: str = "00O") -> str:
        return f"{(START + timedelta(seconds=s)).strftime('%Y-%m-%dT%H:%M:%S.%fZ')} {stream} {text}\n"

    def section(s: int, name: str, header: str) -> str:
        return stamp(s, f"\x1b[0Ksection_start:{epoch + s}:{name}\r\x1b[0K{header}")

    cleanup = "Cleaning up project directory and file based variables"
    return (
        stamp(0, "Running with gitlab-runner 17.0.0")
        + section(1, "prepare_executor", 'Preparing the "docker" executor')
        + stamp(5, "Using docker image ruby:3.2")
        + stamp(9, f"\x1b[0Ksection_end:{epoch + 9}:prepare_executor\r\x1b[0K")
        + section(10, "step_script", 'Executing "step_script" stage of the job script')  # 5
        + stamp(11, "$ bundle exec rspec")
        + stamp(40, "..........", "01E")
        + stamp(3610, "WARNING: step_script could not run to completion because the timeout was exceeded.")  # 8
        + stamp(3610, f"\x1b[0Ksection_end:{epoch + 3610}:step_script\r\x1b[0K")
        + (section(3611, "cleanup_file_variables", cleanup) if cleanup_section else stamp(3611, cleanup))  # 10
        + stamp(3612, f"\x1b[0Ksection_end:{epoch + 3612}:cleanup_file_variables\r\x1b[0K" if cleanup_section else "")
        + stamp(3612, "ERROR: Job failed: execution took longer than 1h0m0s seconds")  # 12
    )


def older_gitlab_log() -> str:
    return gitlab_log(cleanup_section=False)


def unstamped_gitlab_log() -> str:
    """The same job without FF_TIMESTAMPS: only the runner's section markers carry a time. As the runner writes
    it, a section's end marker has no line end, so the next section's start follows it on the same line."""
    text = "".join(line.split(" ", 2)[2] + "\n" for line in gitlab_log().split("\n") if line)
    return text.replace("\r\x1b[0K\n\x1b[0Ksection_start", "\r\x1b[0K\x1b[0Ksection_start")


def teamcity_log() -> str:
    """A TeamCity build log's ``[HH:MM:SS]`` stamps and build steps: a Go test hangs in step 2."""
    rows = [(0, "i: Build started"), (1, " : Step 1/2: Compile (Gradle)"), (90, " :\t BUILD SUCCESSFUL")]
    rows += [(91, " : Step 2/2: Test (Command Line)"), (92, " :\t + go test ./..."), (95, " :\t === RUN   TestFetch")]
    rows += [(695, " :\t panic: test timed out after 10m0s"), (696, " :\t FAIL\texample.com/app/net\t600.012s")]
    return "".join(f"[09:{s // 60:02}:{s % 60:02}]{t}\n" for s, t in rows)


@pytest.mark.parametrize(
    ("log", "rule", "said", "last"),
    [
        (jenkins_pipeline_log, "jenkins.timeout", "Test ran 9 min 39 s until line 15", "14 | tests/test_api.py ...."),
        (jenkins_clock_log, "jenkins.timeout", "the log's first step ran 10 min 2 s until line 6", "5 | test_slow_io"),
        (gitlab_log, "gitlab.job-timeout", "bundle exec rspec ran 59 min 59 s until line 8", "7 | .........."),
        (older_gitlab_log, "gitlab.job-timeout", "bundle exec rspec ran 59 min 59 s until line 8", "7 | .........."),
        (unstamped_gitlab_log, "gitlab.job-timeout", "step_script ran 1 h 0 min until line 7", "6 | .........."),
        (teamcity_log, "go.test-timeout", "Test (Command Line) ran 10 min 4 s until line 7", "6 | === RUN"),
    ],
)
def test_another_cis_stamps_say_where_the_time_went(
    tmp_path: Path, log: Callable[[], str], rule: str, said: str, last: str
) -> None:
    path = tmp_path / "ci.log"
    path.write_text(log())
    run = [sys.executable, "-m", "autoheal", "triage", str(path)]
    result = json.loads(subprocess.run([*run, "--format", "json"], capture_output=True, text=True, check=True).stdout)
    assert result["category"] == "timeout" and result["rule"] == rule and "timing" not in result
    text = subprocess.run([*run, "--format", "text"], capture_output=True, text=True, check=True).stdout
    assert f"timing:      {said}" in text
    shown = text.split("last lines before it stopped:")[1]
    assert last in shown and "[Pipeline]" not in shown and "section_" not in shown and "Step 2/2" not in shown


def test_stages_sections_and_a_gitlab_jobs_commands_are_the_steps() -> None:
    pipeline = read_timing(bytes_doc("", jenkins_pipeline_log().encode()), fallback_line=15)
    assert pipeline is not None and [(s.name, s.seconds, s.line) for s in pipeline.steps] == [
        ("", 1.0, 1),
        ("Checkout", 20.0, 5),
        ("Test", 580.0, 11),
    ]
    gitlab = read_timing(bytes_doc("", gitlab_log().encode()), fallback_line=12)  # the verdict: the stop came first
    assert gitlab is not None and [(s.name, s.seconds) for s in gitlab.steps][1:] == [
        ("prepare_executor", 9.0),
        ("step_script", 1.0),
        ("bundle exec rspec", 3600.0),
        ("cleanup_file_variables", 1.0),
    ]
    assert gitlab.running == "bundle exec rspec" and gitlab.running_line == 6 and gitlab.limit_line == 8
    assert gitlab.quiet_seconds == 3570.0


def test_the_issue_says_which_stage_ran_how_long(tmp_path: Path) -> None:
    path = tmp_path / "jenkins.log"
    path.write_text(jenkins_pipeline_log())
    run = [sys.executable, "-m", "autoheal", "triage", str(path), "--format", "markdown"]
    body = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert "Step `Test` had run for 9 min 39 s when the runner stopped it (line 15)" in body
    assert "- `Test`: 9 min 40 s **(running when it stopped)**" in body


def test_an_unstamped_gitlab_log_times_its_sections_by_their_markers() -> None:
    gitlab = read_timing(bytes_doc("", unstamped_gitlab_log().encode()), fallback_line=10)
    assert gitlab is not None and [(s.name, s.seconds) for s in gitlab.steps] == [
        ("prepare_executor", 9.0),  # (the runner's first line has no time: no step before it is timed)
        ("step_script", 3601.0),  # its commands carry no time: the section is the step
        ("cleanup_file_variables", 1.0),
    ]
    assert gitlab.running == "step_script" and gitlab.limit_line == 7
    assert gitlab.running_seconds == 3601.0  # the next marker after the stop: its line ends one, opens the next


def test_section_markers_printed_in_a_github_log_are_no_times() -> None:
    # A step that prints them (a script made for GitLab, run here): the runner stamps each line it prints.
    github = job_timeout_log().splitlines(keepends=True)
    printed = [github[11][:29] + line + "\n" for line in unstamped_gitlab_log().split("\n") if line]
    log = "".join(github[:12] + printed + github[12:])
    plain, mixed = (read_timing(bytes_doc("", text.encode())) for text in (job_timeout_log(), log))
    assert plain is not None and mixed is not None  # GitHub's stamps tell the time, the printed markers none
    assert (mixed.running, mixed.running_seconds) == (plain.running, plain.running_seconds)
    assert [(s.name, s.seconds) for s in mixed.steps] == [(s.name, s.seconds) for s in plain.steps]
