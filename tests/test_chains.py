"""What follows from what (autoheal/chains.py): a failure the job went on past did not fail it."""

from __future__ import annotations

from autoheal.chains import where_only
from autoheal.models import Diagnosis
from autoheal.rules import default_ruleset
from tests.helpers import triage_text

RS = default_ruleset()
UPLOAD = "upload failed: - to s3://ci-cache/docker/a9e2 Unable to locate credentials"


def _triage(*lines: str) -> Diagnosis:
    return triage_text(lines, RS)


def test_a_failure_a_tools_success_follows_is_not_what_failed_the_job() -> None:
    fmt = ("fmt check", "Diff in /checkout/src/style.rs at line 385:", "-    err(x)", "+    err(", "+        x,")
    d = _triage(UPLOAD, "    Finished release [optimized] target(s) in 13.04s", *fmt)
    assert d.category == "lint.error"
    gradle = ("BUILD SUCCESSFUL in 48s", "> Task :test FAILED", "", "FooTest > bar() FAILED")
    assert _triage(UPLOAD, *gradle, "    org.opentest4j.AssertionFailedError: x").category == "test.failure"


def test_without_a_success_between_or_when_the_later_failure_follows_from_it_the_first_stays() -> None:
    # Nothing says the job went on: the earlier, precise cause stays.
    assert _triage(UPLOAD, "fmt check", "Diff in /checkout/src/style.rs at line 385:").category == "credentials"
    # A missing module, an install of other packages that succeeded, then the tests that needed it.
    d = _triage(
        "ModuleNotFoundError: No module named 'yaml'",
        "Successfully installed pytest-8.2.0 pluggy-1.5.0",
        "FAILED tests/test_cfg.py::test_load - AssertionError: assert None == {}",
        "1 failed, 3 passed in 0.12s",
    )
    assert d.category == "dependency.missing"


CONFIGURE_FAILED = ("", "-- Configuring incomplete, errors occurred!")


def test_under_a_header_that_only_says_where_the_message_says_what_is_missing() -> None:
    missing = ("CMake Error at docs/CMakeLists.txt:7 (message):", "  Doxygen is required but was not found.")
    d = _triage("-- Found Threads: TRUE", *missing, "  Set BUILD_DOCS=OFF to skip the manual.", *CONFIGURE_FAILED)
    assert (d.category, d.rule) == ("dependency.missing", "message.requires-missing")
    old = ("CMake Error at CMakeLists.txt:20 (message):", "  geokit requires Python 3.10 or later (found 3.8.18).")
    assert _triage(*old, *CONFIGURE_FAILED).category == "runtime.version"


def test_a_header_that_only_says_where_is_a_severity_a_location_and_at_most_a_command() -> None:
    # Whatever CMake command raised it (message, find_package, include), at configure or generate time.
    for where in (
        "CMake Error at CMakeLists.txt:18 (find_package):",
        "CMake Error at /src/cmake/Deps.cmake:4 (include):",
        "CMake Error in src/CMakeLists.txt:",
        "src/io.c:12:3: error:",
    ):
        assert where_only(where), where
    for said in (
        "CMake Error at CMakeLists.txt:18 (find_package):  Could not find fmt",
        "CMake Warning at CMakeLists.txt:3 (message):",
        "Traceback (most recent call last):",
        "Failures:",
        "error:",
        "Error: Cannot find module 'x':",
    ):
        assert not where_only(said), said


def test_a_header_with_one_huge_token_is_read_in_one_pass() -> None:
    # Each location pattern is tried from a token's start only: from each character, a 64 KB token took
    # about 75 s (16 KB: 4.6 s), and a log's lines are whatever the attacker printed.
    assert where_only("CMake Error at /" + "a" * 65_000 + "/CMakeLists.txt:3 (find_package):")
    assert not where_only("CMake Error at " + "a" * 65_000 + ":")
    assert not where_only("error " + "a:" * 32_000 + "x:")
    assert not where_only("CMake Error at " + ":1" * 32_000 + "x:")  # (a ``(?::\d+)*`` rescanned at each colon)


def test_a_message_no_rule_reads_leaves_the_header_s_category() -> None:
    d = _triage("CMake Error at CMakeLists.txt:9 (message):", "  Unsupported platform: sunos", *CONFIGURE_FAILED)
    assert d.category == "config.error"


def test_the_project_s_words_outside_such_a_header_do_not_outrank_a_tool_s_verdict() -> None:
    # The prose rule is weak alone: a header that says what failed (a test run) keeps it.
    lines = ("  Doxygen is required but was not found.", "FAILED tests/test_a.py::test_b - assert 1 == 2")
    assert _triage(*lines, "1 failed, 3 passed in 0.12s").category == "test.failure"


def test_a_script_s_heading_that_names_a_package_is_no_missing_package() -> None:
    # ``Install <word>`` alone is a step a script announces; only after a sentence (``... not found.  Install
    # pytest``) or with a please does it say what is missing.
    d = _triage("##[group]Run ./ci.sh", "##[endgroup]", "Install dependencies", "Running tests", "Something went wrong")
    assert d.category != "dependency.missing"
    said = ("CMake Error at CMakeLists.txt:3 (message):", "  Please install doxygen", *CONFIGURE_FAILED)
    assert _triage(*said).rule == "message.requires-missing"


def test_a_file_missing_after_its_making_failed_follows_from_that_failure() -> None:
    # A shell script: the copy of a generated header was denied, then the compile that includes it fails.
    c = _triage(
        "+ cp templates/version.h.in out/gen/version.h",
        "cp: cannot create regular file 'out/gen/version.h': Permission denied",
        "+ gcc -Iout/gen -c src/main.c -o out/main.o",
        "src/main.c:3:10: fatal error: version.h: No such file or directory",
        "compilation terminated.",
    )
    assert (c.rule, c.category) == ("os.permission-denied", "permission")


def test_a_missing_file_another_failure_does_not_name_keeps_its_own_cause() -> None:
    # The denied copy is of another file: the header's absence is its own failure.
    other = _triage(
        "cp: cannot create regular file 'out/gen/build-info.txt': Permission denied",
        "src/main.c:3:10: fatal error: version.h: No such file or directory",
        "compilation terminated.",
    )
    # A file that only shares the name's ending is not that file.
    suffix = _triage(
        "cp: cannot create regular file 'out/gen/myversion.h': Permission denied",
        "src/main.c:3:10: fatal error: version.h: No such file or directory",
    )
    assert other.category == "compile.error"
    assert suffix.category == "compile.error"


def test_under_cmakes_header_a_file_the_configuration_names_and_lacks_is_a_missing_file() -> None:
    include = ("CMake Error at CMakeLists.txt:7 (include):", "  include could not find requested file:", "")
    d = _triage(*include, "    cmake/Warnings.cmake", *CONFIGURE_FAILED)
    assert (d.category, d.rule) == ("file.not.found", "c.cmake-file-missing")
    sub = (
        "CMake Error at CMakeLists.txt:12 (add_subdirectory):",
        '  add_subdirectory given source "third_party/fmt" which is not an existing',
        "  directory.",
    )
    assert _triage(*sub, *CONFIGURE_FAILED).category == "file.not.found"
    # A package CMake cannot find is a missing dependency's config, not a file of the checkout.
    package = (
        "CMake Error at CMakeLists.txt:9 (find_package):",
        '  By not providing "Findfmt.cmake" in CMAKE_MODULE_PATH',
    )
    assert _triage(*package, *CONFIGURE_FAILED).category != "file.not.found"


def _go_run(*tail: str) -> str:
    from autoheal.rules import default_ruleset
    from tests.helpers import triage_text

    stamp = "2026/08/07 06:03:50 "  # Go's log package before each line the wrapper logs
    run = ["=== RUN   chainsaw/apply", "    apply.go:41: assert status: field not found", "--- FAIL: chainsaw (0.00s)"]
    run += ["    --- FAIL: chainsaw/apply (1218.59s)"]
    lines = ["$ make uptest", *(stamp + t for t in run), *tail, 'The command "make uptest" exited with 2.']
    return triage_text(lines, default_ruleset()).category


def test_a_kill_after_the_run_ended_with_failing_tests_is_the_tests_failure() -> None:
    killed = "uptest: error: cannot wait for chainsaw: exit: signal: killed"
    assert _go_run("2026/08/07 06:03:50 FAIL", killed) == "test.failure"
    # Killed in the middle of the run (no verdict of its end above): the kill stays what stopped it.
    assert _go_run(killed) == "resource.exhausted"


def test_a_kill_right_below_a_per_test_tally_is_not_after_the_runs_end() -> None:
    from autoheal.rules import default_ruleset
    from tests.helpers import triage_text

    # Maven's per-class tally is a tally, but the run goes on: a kill right below it stays the kill.
    lines = [
        "$ mvn test",
        "Running com.acme.ATest",
        "Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 1 s",
    ]
    lines += ["Killed", 'The command "mvn test" exited with 137.']
    assert triage_text(lines, default_ruleset()).category == "resource.exhausted"
