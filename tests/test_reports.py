"""A build tool's own report of a failed build, read to its verdict as one block (reports.py): Gradle's
numbered parts to ``BUILD FAILED``, Maven's goal failure with what the goal said above the report.

Synthetic logs written for these tests (Gradle with javac, Kotlin and lint; Maven with JaCoCo, the
compiler and surefire).
"""

from __future__ import annotations

from autoheal import excerpt, reports
from autoheal.rules import default_ruleset
from tests.helpers import block_shown as _shown
from tests.helpers import numbered as _numbered
from tests.helpers import triage_text

RS = default_ruleset()


_TRY = [
    "",
    "* Try:",
    "> Run with --stacktrace option to get the stack trace.",
    "> Get more help at https://help.gradle.org",
]


def _part(k: int, task: str) -> list[str]:
    return [
        f"{k}: Task failed with an exception.",
        "-----------",
        "* What went wrong:",
        f"Execution failed for task '{task}'.",
    ]


def _gradle(parts: list[tuple[str, list[str]]]) -> list[str]:
    log = ["> Task :core:compileJava", "/w/core/src/Store.java:41: error: cannot find symbol", "    flowOf();"]
    log += [
        "1 error",
        "",
        "> Task :core:compileJava FAILED",
        "",
        f"FAILURE: Build completed with {len(parts)} failures.",
        "",
    ]
    for k, (task, said) in enumerate(parts, 1):
        log += _part(k, task) + said + _TRY + ["=" * 78, ""]
    return log + ["BUILD FAILED in 12s", "9 actionable tasks: 9 executed"]


def test_a_report_of_two_failures_is_read_to_its_verdict_without_its_advice() -> None:
    # ``--continue``: the compile failure and a lint failure; the first part's ``* Try:`` ended the block.
    log = _gradle(
        [
            (":core:compileJava", ["> Compilation failed; see the compiler error output for details."]),
            (
                ":app:lintDebug",
                ["> Lint found 2 errors. First failure:", "  res/layout/main.xml:12: Error: Hardcoded text"],
            ),
        ]
    )
    shown = _shown(log, 2)
    texts = [log[n - 1] for n in shown]
    assert "Execution failed for task ':app:lintDebug'." in texts and texts[-1].startswith(("BUILD FAILED", "9 act"))
    assert not any(t.startswith(("* Try:", "> Run with", "> Get more help")) for t in texts)


def test_a_report_of_one_numbered_failure_below_the_block_joins_it_when_it_says_more() -> None:
    log = _gradle([(":core:compileJava", ["> Compilation failed; see the compiler error output for details."])])
    texts = [log[n - 1] for n in _shown(log, 2)]
    assert "BUILD FAILED in 12s" in texts and "* Try:" not in texts
    # Saying only that the tests failed, it adds nothing to the block above it.
    log = _gradle([(":web:test", ["> There were failing tests. See the report at: file:///w/web/index.html"])])
    assert "BUILD FAILED in 12s" not in [log[n - 1] for n in _shown(log, 2)]


def test_a_report_longer_than_the_excerpt_is_cut_with_its_head_and_first_failure_kept() -> None:
    said = [f"> detail {j}: the task said this" for j in range(9)]
    log = _gradle([(":core:compileJava", said), (":web:test", said), (":docs:javadoc", said)])
    shown = _shown(log, 2)
    assert len(shown) <= excerpt.MAX_EXCERPT and shown[0] == 1
    texts = [log[n - 1] for n in shown]
    assert (
        "Execution failed for task ':core:compileJava'." in texts and texts.count("> detail 8: the task said this") >= 1
    )
    assert "BUILD FAILED in 12s" in texts  # its summary
    assert any(b - a > 1 for a, b in zip(shown, shown[1:]))  # the cut shows as a gap


def test_a_multi_part_report_right_below_a_test_run_joins_its_block() -> None:
    run = ["> Task :test", "", "FeedTest > reads() FAILED", "    java.lang.AssertionError at FeedTest.java:9", ""]
    run += [
        "3 tests completed, 1 failed",
        "",
        "> Task :test FAILED",
        "",
        "FAILURE: Build completed with 2 failures.",
        "",
    ]
    run += _part(1, ":test") + ["> There were failing tests."] + _TRY + ["=" * 78, ""]
    run += _part(2, ":javadoc") + ["> Javadoc generation failed: Feed.java:3: error: unknown tag: todo"]
    run += _TRY + ["=" * 78, "", "BUILD FAILED in 4s"]
    texts = [run[n - 1] for n in _shown(run, 3)]
    assert (
        "> Javadoc generation failed: Feed.java:3: error: unknown tag: todo" in texts and "BUILD FAILED in 4s" in texts
    )


def test_a_one_failure_report_saying_again_the_tests_failed_is_left_to_the_runs_verdict() -> None:
    # Gradle's ``Build failed with an exception.`` under a test run's tally says only that the task failed.
    run = ["> Task :test", "", "FeedTest > reads() FAILED", "    java.lang.AssertionError at FeedTest.java:9", ""]
    run += [
        "3 tests completed, 1 failed",
        "",
        "> Task :test FAILED",
        "",
        "FAILURE: Build failed with an exception.",
        "",
    ]
    run += ["* What went wrong:", "Execution failed for task ':test'.", "> There were failing tests.", *_TRY, ""]
    run += ["BUILD FAILED in 4s"]
    lines = _numbered(run)
    assert reports.report_end(lines, 2, 5) == 5
    assert "BUILD FAILED in 4s" not in [run[n - 1] for n in _shown(run, 3)]


def test_a_report_below_unrelated_output_or_a_runner_line_is_not_joined() -> None:
    lines = _numbered(["error: x", "", "Compiling docs", "more", "", "FAILURE: Build completed with 2 failures."])
    assert reports.report_end(lines, 0, 0) == 0
    # The CI runner's own line inside ends the report before any verdict.
    gha = ["FAILURE: Build completed with 2 failures.", "", "1: Task failed with an exception.", "* What went wrong:"]
    gha += ["Execution failed for task ':a'.", "> boom", "##[error]Process completed with exit code 1.", "BUILD FAILED"]
    assert reports.report_end(_numbered(gha), 0, 1) == 5


_MAVEN_REPORT = ["[INFO] " + "-" * 72, "[INFO] BUILD FAILURE", "[INFO] " + "-" * 72]
_MAVEN_REPORT += ["[INFO] Total time:  14.201 s", "[INFO] Finished at: 2026-12-01T10:12:44Z", "[INFO] " + "-" * 72]


def test_a_maven_goals_failure_starts_at_what_the_goal_said_above_the_report() -> None:
    # JaCoCo's check: its rule's verdict is a warning above the report; the goal's line only points back.
    log = ["[INFO] --- jacoco-maven-plugin:0.8.11:check (check) @ ledger ---", "[INFO] Analyzed bundle 'ledger'"]
    log += ["[WARNING] Rule violated for bundle ledger: lines covered ratio is 0.71, but expected minimum is 0.80"]
    log += _MAVEN_REPORT
    log += ["[ERROR] Failed to execute goal org.jacoco:jacoco-maven-plugin:0.8.11:check (check) on project ledger: "]
    log[-1] += "Coverage checks have not been met. See log for details. -> [Help 1]"
    log += ["[ERROR]", "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch."]
    assert reports.report_start(_numbered(log), 9, 9) == 2
    shown = _shown(log, 10)
    assert shown[0] == 3 and 10 in shown


def test_a_maven_report_with_nothing_said_above_it_or_another_line_keeps_its_start() -> None:
    plain = [
        "[INFO] Compiling 3 source files",
        *_MAVEN_REPORT,
        "[ERROR] Failed to execute goal x:y:1:z on project a: boom",
    ]
    assert reports.report_start(_numbered(plain), 7, 7) == 7
    # A goal failure far from any BUILD FAILURE, and a line that is no goal's failure.
    assert reports.report_start(_numbered(["[ERROR] x", "[ERROR] Failed to execute goal a:b:1:c: d"]), 1, 1) == 1
    assert reports.report_start(_numbered(["[ERROR] x", *_MAVEN_REPORT, "[ERROR] boom"]), 7, 7) == 7


def test_a_maven_fail_at_end_report_shows_every_goal_that_failed() -> None:
    # ``mvn -fae``: the compiler's and checkstyle's goals each get their ``Failed to execute goal`` line.
    log = ["[INFO] --- maven-compiler-plugin:3.11.0:compile (default-compile) @ api ---", "[ERROR] COMPILATION ERROR :"]
    log += ["[ERROR] /w/api/src/main/java/a/Cart.java:[14,8] cannot find symbol", "[INFO] 1 error", *_MAVEN_REPORT]
    log += [
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile on project api"
    ]
    log += ["[ERROR] /w/api/src/main/java/a/Cart.java:[14,8] cannot find symbol", "[ERROR] -> [Help 1]"]
    log += [
        "[ERROR] Failed to execute goal com.puppycrawl:checkstyle:3.3.1:check on project web: 1 violation -> [Help 2]"
    ]
    log += ["[ERROR]", "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch."]
    shown = {e.line for e in triage_text(log, RS).excerpt}
    assert {3, 11, 14} <= shown and 15 not in shown and 16 not in shown
