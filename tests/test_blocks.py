"""Line shapes (blocks.py): linear time on hostile long lines."""

from __future__ import annotations

import time

from autoheal import blocks

# Every public classifier of a line.
CLASSIFIERS = (
    blocks.blank,
    blocks.chatter,
    blocks.header,
    blocks.summary,
    blocks.symptom,
    blocks.error_score,
    blocks.warning,
    blocks.progress,
    blocks.case_name,
    blocks.case_start,
    blocks.frame,
    blocks.diff_line,
    blocks.located,
    blocks.located_warning,
    blocks.counts_warnings,
    blocks.passing_summary,
    blocks.count_line,
    blocks.terminator,
    blocks.prefix,
    blocks.pointer,
    blocks.box_end,
)
# 16,000 characters: four times a normalised line's cap. Python's backtracking took 0.4 s on one
# 4,000-character line of the first shape (cubic: about 25 s at this size); linear code takes milliseconds.
SIZE = 16_000
SHAPES = ("= 1 failed in 1s ", "=", "\t", " ", "a", "a.b", "-a", "ok ", "a:1", "1", "_", "x.go:1:", "*** [a] Error ")


def _hostile() -> list[str]:
    lines = [(s * (SIZE // len(s) + 1))[: SIZE - 1] + "x" for s in SHAPES]
    return lines + ["ok" + " " * SIZE + "x", "===" + " " * SIZE + "x", "FAILED" + " " * SIZE + "x"]


def test_hostile_long_lines_are_classified_in_linear_time() -> None:
    lines = _hostile()
    started = time.process_time()
    for line in lines:
        for classify in CLASSIFIERS:
            classify(line)
    # Generous for a loaded machine: the linear code takes ~0.05 s here, the super-linear took minutes.
    assert time.process_time() - started < 5


def test_a_word_boundary_is_still_one() -> None:
    assert blocks.header("FAIL: test_x") and not blocks.header("FAILURE_MODE is set")
    assert blocks.error_score("build error: x") and not blocks.error_score("the errorless path")
    assert blocks.passing_summary("Tests run: 4, Failures: 0, Errors: 0") and not blocks.passing_summary(
        "subfailures=0"
    )
    assert blocks.summary("===== 2 failed, 1 passed in 0.31s =====") and not blocks.summary(
        "===== 2 failedx in 0.31s ====="
    )


def test_a_build_tools_fixed_advice_is_chatter_but_its_verdict_is_not() -> None:
    advice = [
        "[ERROR] -> [Help 1]",
        "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
        "[ERROR] Re-run Maven using the -X switch to enable full debug logging.",
        "[ERROR] For more information about the errors and possible solutions, please read the following articles:",
        "[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException",
        "[ERROR] Please refer to /w/app/target/surefire-reports for the individual test results.",
        "[ERROR]   mvn <args> -rf :app-core",
        "> Run with --stacktrace option to get the stack trace.",
        "> Get more help at https://help.gradle.org.",
        "* Try:",
    ]
    assert all(blocks.chatter(line) for line in advice)
    kept = [
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile on project app",
        "* What went wrong:",
        "> There were failing tests. See the report at: file:///w/app/build/reports/tests/test/index.html",
    ]
    assert not any(blocks.chatter(line) for line in kept)


def test_vstest_passed_cases_are_chatter_but_failed_ones_are_not() -> None:
    # ``dotnet test`` at normal verbosity prints one verdict line per case, with its duration.
    assert blocks.chatter("  Passed Shop.Tests.CartTests.Adds_item [26 ms]")
    assert blocks.chatter("  Passed Shop.Tests.CartTests.Total_is_zero_when_empty [< 1 ms]")
    assert blocks.chatter("  Passed Shop.Tests.Ui.MainFormTests.Shows_grid [1 s]")
    assert not blocks.chatter("  Failed Shop.Tests.CartTests.Removes_item [311 ms]")
    assert not blocks.chatter("Passed through the proxy, then failed: connection reset")


def test_tap_passing_points_and_makes_directory_bookkeeping_are_chatter() -> None:
    # TAP 13 (node's test runner, prove): passing points and their YAML block's bounds and timing.
    for line in ["ok 2207 parallel/test-abort-on-exit", "ok 3 - parses an empty file", "  ---", "  duration_ms: 0.412"]:
        assert blocks.chatter(line), line
    assert blocks.chatter("  ...") and blocks.chatter("make[1]: Leaving directory '/home/ci/app'")
    assert blocks.chatter("gmake: Entering directory `/w/src'")
    # A failing point, its YAML content and make's own error are not.
    for line in ["not ok 749 parallel/test-http-readable", "  message: 'timed out'", "make[1]: *** [test-ci] Error 1"]:
        assert not blocks.chatter(line), line
    assert blocks.error_score("ok 2303 abort/test-abort-backtrace") == 0  # a test named "abort" passed


def test_gitlabs_cache_and_artifact_lines_after_a_failed_script_are_chatter() -> None:
    for text in [
        "Saving cache for failed job",
        "Uploading artifacts for failed job",
        "Saving cache for successful job",
    ]:
        assert blocks.chatter(text) and blocks.error_score(text) == 0, text


def test_a_diffs_old_file_alone_on_its_line_heads_a_block() -> None:
    assert blocks.header("--- scripts/deploy.sh.orig") and blocks.header("--- /w/core/api/core.api")
    assert not blocks.header("--- a/src/x.go")  # (git's: its ``diff --git`` line above heads the block)
    for text in ["--- FAIL: TestX (0.00s)", "--- PASS: TestX (0.00s)", "--- ", "--- see: a.b"]:
        assert not blocks.header(text) or text.startswith("--- FAIL"), text


def test_a_diffs_lines_and_headers_are_diff_lines() -> None:
    for line in (
        "@@ -5,6 +5,7 @@ def main():",
        "@@ -1 +1 @@",
        "+++ b/x.py",
        "-    old",
        "+new",
        "index 3f2a1c0..9b1c7d2",
        "--- a/x.py",  # git's file headers, old and new, and a created or deleted file's
        "+++ /dev/null",
        "--- x.sh\t2024-05-06 10:00:00",  # ``diff -u``'s: a path, a tab, its time
        "-",  # an empty line removed
        "< old",  # ``diff``'s normal format
        "> new",
        "    + received",  # a test runner's diff, indented under its assertion
    ):
        assert blocks.diff_line(line), line
    for line in ("@@ -5,6 +5,7", "@@@ -1,2 -1,2 +1,3 @@@", "error: x", "--- FAIL: TestX (0.00s)"):
        assert not blocks.diff_line(line), line
    # Not git's ``index`` line: its object names are seven hex digits at least.
    assert not blocks.diff_line("index 0..9 is out of range")


def test_turborepos_cache_lines_before_a_tasks_output_are_chatter() -> None:
    for text in [
        "@acme/ui:test: cache miss, executing 8b1c2d3e4f5a6b7c",
        "@acme/utils:test: cache hit, replaying logs 4f2a9c1d7e3b5a60",
        "web:build: cache hit (outputs already on disk), replaying logs 0a1b2c3d",
    ]:
        assert blocks.chatter(text), text
    assert not blocks.chatter("@acme/cart:test: FAIL src/totals.test.ts")


def test_yarns_command_failed_is_a_symptom_npm_10s_opens_its_report() -> None:
    assert blocks.symptom("error Command failed with exit code 1.")
    assert blocks.symptom('error Command failed with signal "SIGTERM".')
    # npm 10's report of a failed install script: its header lines (code, path) sit right above.
    assert not blocks.symptom("npm error command failed")
    assert not blocks.symptom("npm ERR! command failed")


def test_a_validators_count_of_invalid_documents_is_a_failing_count() -> None:
    # kubeconform's and kubeval's summary: ``Errors: 0`` alone read it as a passing summary (chatter).
    summary = "Summary: 9 resources found parsing stdin - Valid: 7, Invalid: 2, Errors: 0, Skipped: 0"
    assert not blocks.passing_summary(summary) and not blocks.chatter(summary)
    assert blocks.passing_summary("Summary: 9 resources found parsing stdin - Valid: 9, Invalid: 0, Errors: 0")


def test_a_dependency_scanners_count_of_vulnerabilities_is_its_runs_verdict() -> None:
    assert blocks.summary("2 high severity vulnerabilities")
    assert blocks.summary("1 critical severity vulnerability") and blocks.summary("  2 vulnerabilities found")
    assert not blocks.summary("found 6 vulnerabilities (2 moderate, 4 high)")  # npm install's routine notice
    assert not blocks.summary("found 0 vulnerabilities")
    assert not blocks.summary("Scanning for known vulnerabilities in 42 packages")


def test_a_go_tests_located_log_line_is_no_stack_frame() -> None:
    assert blocks.frame("\t/usr/local/go/src/testing/testing.go:1595 +0x1d")  # a goroutine's frame
    assert blocks.frame("    at parse (src/a.js:3:1)")
    assert not blocks.frame("    validators.go:860: [489.721s] FAIL: units entered a failed state")


def test_a_formatters_diff_in_file_line_heads_its_block() -> None:
    assert blocks.header("Diff in src/inventory.lua:")  # StyLua --check
    assert blocks.header("Diff in /w/src/main.rs at line 3:")  # rustfmt --check
    assert not blocks.header("Diff in progress: 3 files")


def test_an_exception_raised_by_its_modules_exceptions_class_is_an_error_line() -> None:
    assert blocks.error_score("vyper.exceptions.UndeclaredDefinition: 'balanse' has not been declared.") >= 2
    assert blocks.error_score("requests.exceptions.HTTPError: 404 Client Error") >= 2
    assert blocks.error_score("See the docs for the exceptions module: it lists them") == 0
