"""Authored cases, batch am: a newer GitLab runner's raw trace, its cleanup in a section of its own.

Newer runners (16.x, 17.x) close ``step_script`` and print ``section_start:...:cleanup_file_variables``
/ ``section_end`` before the job's verdict, so the verdict sits after a phase aside that passed. A
verdict that names the limit the job hit (``execution took longer than 1h0m0s seconds``) is the cause;
a bare ``exit code 1`` there only says again what the script's own output said. The failure's trace has the
runner's FF_TIMESTAMPS stamps, the time limit's has none. Labelled before triage ran on them; first run: see the commit.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from benchmarks.authored.cases_a import case
from benchmarks.authored.shapes import MARK, Log

_START = datetime(2024, 7, 5, 13, 36, 14, 123456, tzinfo=timezone.utc)


def _sections(image: str, script: str, verdict: str, stamped: bool, took: int = 3598) -> Log:
    """A raw trace: the runner's sections (``\\r\\x1b[0K`` after each marker), each line stamped or not."""
    epoch = int(_START.timestamp())
    rows: list[tuple[int, str]] = [(0, "Running with gitlab-runner 17.1.0 (fe451d5a)")]

    def section(at: int, name: str, header: str, body: list[str], took: int = 2) -> None:
        rows.append((at, f"\x1b[0Ksection_start:{epoch + at}:{name}\r\x1b[0K\x1b[0K\x1b[36;1m{header}\x1b[0;m"))
        rows.extend((at + 1 + (took - 2) * n // max(len(body) - 1, 1), line) for n, line in enumerate(body))
        rows.append((at + took, f"\x1b[0Ksection_end:{epoch + at + took}:{name}\r\x1b[0K"))

    section(1, "prepare_executor", 'Preparing the "docker" executor', [f"Using docker image {image} ..."])
    section(5, "get_sources", "Getting source from Git repository", ["Checking out 5e4d3c2b as detached HEAD..."])
    body = script.strip("\n").split("\n")
    section(12, "step_script", 'Executing "step_script" stage of the job script', body, took)
    cleanup = "Cleaning up project directory and file based variables"
    section(12 + took, "cleanup_file_variables", cleanup, [])
    rows.append((14 + took, verdict))
    log = Log()
    for at, text in rows:
        marked = text.startswith(MARK)
        text = text[len(MARK) :] if marked else text
        stamp = (_START + timedelta(seconds=at)).strftime("%Y-%m-%dT%H:%M:%S.%fZ") + " 00O " if stamped else ""
        log.add(f"{MARK if marked else ''}{stamp}{text}")
    return log


_RSPEC = """\x1b[32;1m$ bundle exec rspec --format progress\x1b[0;m
Randomized with seed 40211
....................................................................
..............................................
WARNING: step_script could not run to completion because the timeout was exceeded. For more control over job and script timeouts see: https://docs.gitlab.com/ee/ci/runners/configure_runners.html#set-script-and-after_script-timeouts"""

case(
    "am-rspec-job-limit-after-cleanup-section-gitlab",
    "timeout",
    "high",
    _sections(
        "ruby:3.3",
        _RSPEC,
        f"{MARK}\x1b[31;1mERROR: Job failed: execution took longer than 1h0m0s seconds\x1b[0;m",
        stamped=False,
    ),
    "ERROR: Job failed: execution took longer than 1h0m0s seconds",
    "the job's time limit, its verdict after the cleanup section a newer runner prints",
)

case(
    "am-pytest-failure-then-cleanup-section-gitlab",
    "test.failure",
    "high",
    _sections(
        "python:3.12",
        f"""\x1b[32;1m$ pytest -q\x1b[0;m
........F...............................
=================================== FAILURES ===================================
{MARK}_________________________________ test_login _________________________________
{MARK}
{MARK}    def test_login():
{MARK}        resp = client.post("/login", json={{"user": "ada", "password": "pw"}})
{MARK}>       assert resp.status_code == 200
{MARK}E       assert 401 == 200
{MARK}E        +  where 401 = <Response [401]>.status_code
{MARK}
{MARK}tests/test_api.py:18: AssertionError
=========================== short test summary info ============================
FAILED tests/test_api.py::test_login - assert 401 == 200
1 failed, 39 passed in 2.87s""",
        "\x1b[31;1mERROR: Job failed: exit code 1\x1b[0;m",
        stamped=True,
        took=9,
    ),
    "E       assert 401 == 200",
    "pytest's failure; the bare exit-code verdict after the cleanup section only repeats it",
)
