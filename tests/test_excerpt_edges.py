"""Where an excerpt's block starts and ends, from the shape of the lines (several ecosystems).

Synthetic logs written for these tests; each names the edge rule it checks.
"""

from __future__ import annotations

from autoheal import blocks, excerpt
from autoheal.logsource import bytes_doc
from autoheal.triage import triage_docs
from tests.helpers import never as _never
from tests.helpers import numbered as _numbered
from tests.helpers import ruleset

RS = ruleset()


def _shown(lines: list[str], anchor: int, least: tuple[int, int] = (0, 0)) -> list[int]:
    return [n for n, _ in excerpt.block(_numbered(lines), anchor, _never, least)]


def test_go_subtests_nested_under_the_failing_test_stay_in_its_block() -> None:
    lines = ["ok  \texample.com/app/util\t0.012s", "--- FAIL: TestConfig (0.00s)"]
    for i in range(14):
        lines += [f"    --- FAIL: TestConfig/case_{i} (0.00s)", f"        config_test.go:{40 + i}: missing token"]
    lines += ["--- FAIL: TestOther (0.00s)", "    other_test.go:9: boom", "FAIL", "FAIL\texample.com/app\t0.5s"]
    lines += ["ok  \texample.com/app/cli\t0.3s"]
    shown = _shown(lines, 2)
    assert shown[0] == 2 and set(range(2, 31)) <= set(shown)  # every nested subtest of TestConfig
    assert 31 not in shown  # the next top-level failure starts another block


def test_a_runs_verdict_ends_the_block_and_belongs_to_it() -> None:
    # A Go panic trace longer than the soft limit: the package verdict below it is its end, not a new failure.
    lines = ["ok  \texample.com/svc/db\t0.2s", "--- FAIL: TestApply (0.00s)", "panic: nil map [recovered]", ""]
    lines += ["goroutine 7 [running]:"]
    for i in range(9):
        lines += [f"example.com/svc.apply{i}(0xc000)", f"\t/home/runner/work/svc/apply.go:{10 + i} +0x2f"]
    lines += ["FAIL\texample.com/svc\t0.03s", "ok  \texample.com/svc/http\t1.1s"]
    shown = _shown(lines, 2)
    assert shown == list(range(2, 25))


def test_a_summary_line_closes_the_block_before_unrelated_errors() -> None:
    # mypy's total ends its block: what the next command prints is not part of it.
    lines = ["$ mypy src", "src/a.py:3: error: Incompatible types in assignment  [assignment]"]
    lines += [
        'src/b.py:7: error: Name "x" is not defined  [name-defined]',
        "Found 2 errors in 2 files (checked 5 source files)",
    ]
    lines += ["curl: (22) The requested URL returned error: 404", "Error: could not upload the coverage report"]
    shown = _shown(lines, 2)
    assert 4 in shown and 5 not in shown and 6 not in shown


def test_a_commands_exit_lines_right_after_its_block_are_its_end() -> None:
    # make around a C compiler: the failed targets close the block; the runner's exit line stays out.
    lines = [
        "gcc -Wall -c src/parse.c -o parse.o",
        "src/parse.c:12:5: error: 'tokn' undeclared (first use in this function)",
    ]
    lines += ["   12 |     tokn = next();", "      |     ^~~~", "make[1]: *** [Makefile:20: parse.o] Error 1"]
    lines += ["make: *** [Makefile:8: all] Error 2", "Process completed with exit code 2.", "Post job cleanup."]
    shown = _shown(lines, 2)
    assert shown == [1, 2, 3, 4, 5, 6]


def test_a_linters_exit_status_is_shown_with_its_findings_through_triage() -> None:
    log = "\n".join(
        [
            "##[group]Run make lint",
            "make lint",
            "##[endgroup]",
            "golangci-lint run ./...",
            "internal/api/handler.go:31:2: ineffectual assignment to err (ineffassign)",
            "internal/api/server.go:88:9: Error return value of `conn.Close` is not checked (errcheck)",
            "exit status 1",
            "make: *** [Makefile:39: lint] Error 1",
            "##[error]Process completed with exit code 2.",
            "Post job cleanup.",
        ]
    )
    d = triage_docs([bytes_doc("", (log + "\n").encode())], RS, "log.txt")
    numbers = [e.line for e in d.excerpt]
    assert {5, 6, 7, 8} <= set(numbers) and 9 not in numbers and 10 not in numbers


def test_verdicts_of_common_runners_are_summaries_and_passing_ones_are_not() -> None:
    verdicts = [
        "FAIL\texample.com/x\t0.57s",
        "FAIL\texample.com/x [build failed]",
        "========================= 2 failed, 3 passed in 0.52s =========================",
        "FAILED (failures=1, errors=2)",
        "test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out",
        "Tests:       1 failed, 3 passed, 4 total",
        "3 examples, 1 failure",
        "Tests run: 12, Failures: 1, Errors: 0, Skipped: 0",
        "Found 2 errors in 1 file (checked 3 source files)",
        "Found 1 error.",
        "✖ 3 problems (3 errors, 0 warnings)",
        "4 files inspected, 2 offenses detected",
        "2 errors generated.",
    ]
    assert [v for v in verdicts if not blocks.summary(v)] == []
    passing = ["Tests run: 5, Failures: 0, Errors: 0, Skipped: 0", "ok  \texample.com/x\t0.1s", "  3 failing"]
    passing += ["==================== 5 passed in 0.31s ====================", "3 examples, 0 failures", "0 errors"]
    passing += ["Found 0 errors. Watching for file changes."]
    assert [p for p in passing if blocks.summary(p)] == []
    assert blocks.terminator("exit status 3") and blocks.terminator("make[2]: *** [all] Error 2")
    assert not blocks.terminator("Process completed with exit code 1.")


def test_indented_lines_alone_do_not_carry_a_block_up_into_another_tools_output() -> None:
    # Gradle: a compiler's notes and their source lines, then the task lines, then the failing test.
    lines = ["> Task :compileTestJava", "Note: Some input files use unchecked or unsafe operations."]
    lines += ["    private Client client;", "            ^", "    private Store store;", "            ^"]
    lines += ["> Task :test", "", "UserApiTest > getUser > returnsNotFound() FAILED"]
    lines += ["    java.lang.AssertionError at UserApiTest.java:82", "", "12 tests completed, 1 failed"]
    shown = _shown(lines, 9)
    assert shown[0] >= 6 and {9, 10, 12} <= set(shown)


def test_an_error_line_above_indented_lines_still_starts_the_block() -> None:
    # A C compiler's error, the source line and caret, then a note that anchors: the error above leads.
    lines = ["cc -c util.c", "util.c:8:3: error: implicit declaration of function 'strlcpy'"]
    lines += ["    8 |   strlcpy(buf, src, n);", "      |   ^~~~~~~", "util.c:8:3: note: include '<string.h>'"]
    assert _shown(lines, 5)[:2] == [1, 2]


def test_a_bare_location_line_is_part_of_a_framed_report() -> None:
    # BuildKit frames its report with rules; the Dockerfile location sits alone on a line.
    lines = [
        "#6 [2/3] RUN apk add git",
        "#6 ERROR: failed to fetch index: connection reset",
        "",
        "#7 [internal] load context",
    ]
    lines += ["#7 transferring context: 4MB done", "#7 CANCELED", "------", " > [2/3] RUN apk add git:", "------"]
    lines += ["Dockerfile:12", "--------------------", "  11 |", "  12 | >>> RUN apk add git", "--------------------"]
    lines += ["error: failed to solve: process did not complete successfully: exit code: 1", "Post job cleanup."]
    shown = _shown(lines, 15)
    assert shown[0] <= 2 and set(range(10, 16)) <= set(shown)


def test_the_next_failure_is_shown_whole_when_the_first_leaves_room() -> None:
    # pytest: the first failure with its captured output, then a second, shorter one at the same depth.
    lines = [
        "tests/test_api.py ..F.F",
        "",
        "=================================== FAILURES ===================================",
    ]
    lines += ["___________________________________ test_load ___________________________________", ""]
    lines += [
        "    def test_load():",
        "        cfg = load()",
        ">       assert cfg.port == 8080",
        "E       assert 80 == 8080",
    ]
    lines += ["E        +  where 80 = Config(port=80).port", "", "tests/test_api.py:12: AssertionError"]
    lines += ["----------------------------- Captured stdout call -----------------------------"]
    lines += ["reading /etc/app.yml", "using defaults for: port", "merged 3 sources", "", ""]
    lines += ["___________________________________ test_save ___________________________________", ""]
    lines += ["    def test_save():", ">       save(None)", "E       TypeError: save() needs a record", ""]
    lines += [
        "tests/test_api.py:20: TypeError",
        "",
        "=========================== short test summary info ============================",
    ]
    shown = _shown(lines, 9)
    assert shown[0] == 3 and {20, 23, 24, 26} <= set(shown)


def test_a_long_run_of_errors_fills_the_budget_up_to_the_root_cause() -> None:
    # A site generator's sixty broken references, no header: the run is one block, cut to the budget.
    lines = ["> hugo --cleanDestinationDir", ""]
    lines += [
        f'ERROR 2024/03/01 10:00:{i:02d} [en] REF_NOT_FOUND: Ref "/docs/page-{i}": page not found' for i in range(60)
    ]
    lines += ["Error: Error building site: logged 60 error(s)", "Total in 4120 ms"]
    shown = _shown(lines, 63)
    assert len(shown) == excerpt.MAX_EXCERPT and shown[-1] >= 63 and all(n >= 3 for n in shown)


def test_a_plain_line_after_a_blank_line_is_a_new_paragraph_not_the_failures_message() -> None:
    # Jest: the failure's diff, a blank line, then the tool's own bookkeeping.
    lines = ["FAIL src/sum.test.js", "  ● sum › adds numbers", "", "    expect(received).toBe(expected)", ""]
    lines += ["    Expected: 3", "    Received: 4", "", "Coverage report written to coverage/lcov.info", "Done in 3.2s"]
    shown = _shown(lines, 4)
    assert {1, 2, 4, 6, 7} <= set(shown) and 9 not in shown and 10 not in shown


def test_a_runs_counts_right_above_its_failures_header_belong_to_it() -> None:
    # Mocha: the passing and pending counts sit right above "N failing".
    lines = ["    ✓ parses the header (3ms)", "", "", "  41 passing (2s)", "  2 pending", "  1 failing", ""]
    lines += ["  1) Parser", "       rejects an empty body:", "     AssertionError: expected [] to be empty"]
    lines += ["      at Context.<anonymous> (test/parser.test.js:22:11)", "", ""]
    shown = _shown(lines, 10)
    assert shown[:3] == [4, 5, 6] and 10 in shown


def test_a_cut_block_keeps_the_root_causes_own_failure_from_its_header() -> None:
    # pytest: a failure whose captured log makes the block longer than the budget.
    lines = ["=================================== FAILURES ===================================", ""]
    lines += ["_________________________________ test_migrate _________________________________", ""]
    lines += [
        "    def test_migrate(db):",
        "        run_migrations(db)",
        ">       assert db.version == 7",
        "E       assert 6 == 7",
    ]
    lines += [
        "",
        "tests/test_db.py:31: AssertionError",
        "------------------------------ Captured log call -------------------------------",
    ]
    lines += [f"ERROR    migrate:runner.py:{40 + i} step {i} failed: lock timeout" for i in range(45)]
    lines += ["=========================== 1 failed, 12 passed in 9.81s ==========================="]
    shown = _shown(lines, 8)
    assert len(shown) <= excerpt.MAX_EXCERPT and {1, 3, 5, 6, 7, 8, 10} <= set(shown) and shown[-1] == len(lines)


def test_a_run_of_compiler_warnings_does_not_carry_a_test_failures_block_up() -> None:
    lines = ["> Task :compileTestJava"]
    for i in range(3):
        lines += [f"/ci/src/test/java/app/ApiTest{i}.java:35: warning: [deprecation] Client in app has been deprecated"]
        lines += ["    private Client client;", "            ^"]
    lines += [
        "3 warnings",
        "",
        "> Task :test",
        "",
        "ApiTest > getsUser() FAILED",
        "    java.lang.AssertionError at ApiTest.java:82",
    ]
    lines += ["", "12 tests completed, 1 failed"]
    shown = _shown(lines, 15)
    assert shown[0] >= 11 and {15, 16, 18} <= set(shown)


def test_a_linter_failing_on_warnings_shows_them_above_its_verdict() -> None:
    # ESLint with --max-warnings 0: the warnings are the failure; its last words anchor.
    lines = [
        "$ eslint --max-warnings 0 src",
        "",
        "/ci/app/src/app.js",
        "   3:1  warning  Unexpected console statement  no-console",
    ]
    lines += ["  10:5  warning  Unexpected console statement  no-console", "", "/ci/app/src/db.js"]
    lines += ["  7:3  warning  Unexpected alert  no-alert", "", "✖ 3 problems (0 errors, 3 warnings)", ""]
    lines += ["ESLint found too many warnings (maximum: 0).", "npm ERR! code ELIFECYCLE"]
    shown = _shown(lines, 12)
    assert {3, 4, 5, 7, 8, 10, 12} <= set(shown)


def test_cargo_tests_block_runs_from_its_failures_to_the_verdict() -> None:
    log = [
        "$ cargo test",
        "     Running unittests src/lib.rs (target/debug/deps/calc-1a2b3c)",
        "",
        "running 3 tests",
        "test tests::adds ... ok",
        "test tests::parses ... FAILED",
        "",
        "failures:",
        "",
        "---- tests::parses stdout ----",
        "thread 'tests::parses' panicked at 'assertion failed: `(left == right)`",
        "  left: `2`,",
        " right: `3`', src/lib.rs:14:9",
        "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
        "",
        "",
        "failures:",
        "    tests::parses",
        "",
        "test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s",
        "",
        "error: test failed, to rerun pass '--lib'",
        'The command "cargo test" exited with 101.',
    ]
    d = triage_docs([bytes_doc("", ("\n".join(log) + "\n").encode())], RS, "log.txt")
    numbers = [e.line for e in d.excerpt]
    assert numbers[0] in (6, 8) and {8, 11, 13, 18, 20} <= set(numbers)
    # Below the verdict, only cargo's last words before its exit line (how to rerun), never the exit line.
    assert numbers[-1] == 22


def test_every_line_a_tool_prefixes_stays_in_its_block() -> None:
    # npm prints its whole report behind "npm ERR!"; a bare prefix line is a blank of that report.
    lines = ["> npm ci", "npm ERR! code ERESOLVE", "npm ERR! ERESOLVE unable to resolve dependency tree", "npm ERR!"]
    lines += ["npm ERR! While resolving: web@1.0.0", "npm ERR! Found: vue@3.4.0", "npm ERR!"]
    lines += ["npm ERR! Could not resolve dependency:", 'npm ERR!   peer vue@"^2.6.0" from vue-router@3.6.5', ""]
    lines += ["npm ERR! A complete log of this run can be found in: /tmp/x.log", "Post job cleanup."]
    shown = _shown(lines, 2)
    assert set(range(2, 10)) <= set(shown) and 11 not in shown


def test_a_prefixed_failed_line_closes_the_prefixed_block() -> None:
    # buildx prefixes a step's output with "#N": its "did not complete successfully" line ends that step's block.
    lines = ["#9 [build 3/3] RUN cargo build --release", "#9 12.30 error[E0425]: cannot find value `cfg`"]
    lines += ['#9 ERROR: process "/bin/sh -c cargo build --release" did not complete successfully: exit code: 101']
    lines += ["------", " > [build 3/3] RUN cargo build --release:"]
    assert _shown(lines, 2) == [1, 2, 3]


def test_a_pointer_to_more_information_does_not_end_the_block() -> None:
    # rustc: "For more information ..." sits between the error and the crate's "could not compile".
    lines = ["   Compiling app v0.1.0", "error[E0599]: no method named `lenght` found", "  --> src/lib.rs:4:7", ""]
    lines += ["For more information about this error, try `rustc --explain E0599`."]
    lines += ["error: could not compile `app` (lib) due to 1 previous error", "Process completed with exit code 101."]
    assert _shown(lines, 2) == [1, 2, 3, 4, 5, 6]
    # shellcheck: the links under its pointer are the block's last lines.
    lines = ["In deploy.sh line 3:", "cd $DIR", "   ^--^ SC2086 (info): Double quote to prevent globbing.", ""]
    lines += ["For more information:", "  https://www.shellcheck.net/wiki/SC2086 -- Double quote to prevent ..."]
    lines += ["Process completed with exit code 1."]
    assert _shown(lines, 3) == [1, 2, 3, 4, 5, 6]


def test_a_list_items_exit_code_is_a_detail_not_the_end() -> None:
    # A hook's details list holds its exit code among other items.
    lines = ["black................................Passed", "mixed line ending....................Failed"]
    lines += ["- hook id: mixed-line-ending", "- exit code: 1", "- files were modified by this hook"]
    assert _shown(lines, 2)[-1] == 5


def test_a_case_line_whose_details_come_later_takes_its_details_block() -> None:
    # cargo test: the progress line says FAILED; the panic is printed after the run, under the case's name.
    lines = ["running 3 tests", "test io::tests::reads_header ... ok", "test io::tests::writes_footer ... FAILED"]
    lines += ["test io::tests::seeks ... ok", "", "failures:", "", "---- io::tests::writes_footer stdout ----"]
    lines += [
        "thread 'io::tests::writes_footer' panicked at src/io.rs:88:5:",
        'assertion failed: out.ends_with(b"\\n")',
    ]
    lines += ["", "failures:", "    io::tests::writes_footer", ""]
    lines += ["test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s"]
    shown = _shown(lines, 3)
    assert 3 in shown and {8, 9, 10} <= set(shown)
    # pytest -v: the FAILED line, then its section in FAILURES.
    lines = ["tests/test_api.py::test_get PASSED                 [ 50%]"]
    lines += ["tests/test_api.py::test_post FAILED                [100%]", ""]
    lines += ["=================================== FAILURES ===================================", ""]
    lines += ["__________________________________ test_post ___________________________________", ""]
    lines += ["    def test_post():", ">       assert post() == 201", "E       assert 500 == 201", ""]
    lines += ["tests/test_api.py:9: AssertionError"]
    shown = _shown(lines, 2)
    assert 2 in shown and {6, 8, 9, 10, 12} <= set(shown)


def test_a_case_line_holds_the_output_the_case_printed_before_the_next_case() -> None:
    # CTest --output-on-failure: the test's own output, with separators (a row of dots) in it, then the next test.
    lines = ["1/3 Test #1: unit_parse .......................   Passed    0.01 sec"]
    lines += ["2/3 Test #2: unit_eval ........................***Failed    0.02 sec", "Seed: 1234", ""]
    lines += ["-------------------------------------------------------------------------------", "eval of a sum"]
    lines += ["-------------------------------------------------------------------------------", "." * 79, "notes:"]
    lines += ["/src/tests/eval.cpp:30: FAILED:", '  CHECK( eval("1+1") == 3 )', "with expansion:", "  2 == 3"]
    lines += ["3/3 Test #3: unit_print .......................   Passed    0.01 sec"]
    shown = _shown(lines, 2)
    assert {2, 5, 8, 10, 11, 12, 13} <= set(shown) and 14 not in shown
    # pre-commit: a failed hook's details and the files it changed, up to the next hook's line.
    lines = ["check yaml...............................................................Passed"]
    lines += ["trailing whitespace......................................................Failed"]
    lines += ["- hook id: trailing-whitespace", "- exit code: 1", "- files were modified by this hook", ""]
    lines += ["Fixing src/app.py", "check toml...............................................................Passed"]
    shown = _shown(lines, 2)
    assert {2, 3, 4, 5, 7} <= set(shown) and 8 not in shown


def test_a_list_of_failed_cases_shows_the_failing_case_above_it() -> None:
    # ScalaTest via sbt: the "Failed tests:" list names the suite; the case and its message are above it.
    lines = [
        "[info] ListSpec:",
        "[info] - should append *** FAILED ***",
        "[info]   List(1) did not equal List(2) (ListSpec.scala:9)",
    ]
    lines += [
        "[info] - should prepend",
        "[info] Run completed in 301 milliseconds.",
        "[info] Total number of tests run: 2",
    ]
    lines += ["[info] Tests: succeeded 1, failed 1, canceled 0, ignored 0, pending 0", "[info] *** 1 TEST FAILED ***"]
    lines += [
        "[error] Failed tests:",
        "[error] \tcom.example.ListSpec",
        "[error] (Test / test) sbt.TestsFailedException",
    ]
    shown = _shown(lines, 9)
    assert {2, 3, 9, 10} <= set(shown)


def test_a_verdict_counting_warnings_takes_the_located_warnings_above_it() -> None:
    # A docs build failing on warnings: its verdict counts them, a few progress lines below them.
    lines = ["reading sources... [100%] index", "docs/api.rst:7: WARNING: unknown document: 'setup'"]
    lines += ["docs/faq.rst:3: WARNING: duplicate label faq", "generating indices... done"]
    lines += ["writing additional pages... done", "copying static files... done"]
    lines += ["build finished with problems, 2 warnings (with warnings treated as errors)."]
    assert {2, 3, 7} <= set(_shown(lines, 7))


def test_a_build_tools_what_went_wrong_heading_heads_its_block() -> None:
    lines = ["> Task :lib:compileJava", "", "FAILURE: Build failed with an exception.", "", "* What went wrong:"]
    lines += ["Execution failed for task ':lib:compileJava'.", "> Could not resolve all files for configuration"]
    lines += ["   > Could not find org.example:core:1.2.3.", "", "* Try:", "> Run with --stacktrace option."]
    shown = _shown(lines, 8)
    # The heading heads the block; the verdict line a blank line above it opens it (leads.opener).
    assert shown[0] == 3 and {3, 5, 6, 7, 8} <= set(shown) and 11 not in shown


def test_a_pipeline_scripts_exit_code_closes_its_block() -> None:
    lines = [
        "+ ./gradlew integrationTest",
        "Cancelling nested steps due to timeout",
        "Sending interrupt signal to process",
    ]
    lines += ["Terminated", "script returned exit code 143", "[Pipeline] }"]
    assert _shown(lines, 2)[-1] == 5


def test_a_short_blank_run_inside_a_block_stays_and_a_long_one_shrinks() -> None:
    # unittest: two blank lines between a failure's diff and the run's separator; the rule and the
    # ``FAIL: x`` header stacked above the traceback head the block.
    unittest = ["test_a (t.T) ... ok", "=" * 70, "FAIL: test_b (t.T)", "-" * 70, "Traceback (most recent call last):"]
    unittest += ['  File "t.py", line 9, in test_b', "AssertionError: 1 != 2", "", "", "-" * 70, "Ran 2 tests in 0.01s"]
    unittest += ["", "FAILED (failures=1)"]
    assert _shown(unittest, 7) == list(range(2, 14))
    # shellcheck: findings two blank lines apart; a longer run (another tool's gap) shrinks to one.
    lint = ["In a.sh line 3:", "rm -rf $D/*", "  ^-- SC2115 (warning): Use ${var:?}.", "", ""]
    lint += ["In b.sh line 7:", "for f in $(ls); do", "  ^-- SC2045 (error): Iterating over ls output is fragile."]
    lint += ["", "", "", "", "error: 2 findings in b.sh"]
    assert _shown(lint, 8) == [6, 7, 8, 9, 13]


def test_a_box_the_tool_framed_its_report_in_is_shown_to_its_closing_corner() -> None:
    # terraform: every line of its error report framed with "│", closed with "╵".
    lines = ["Initializing provider plugins...", "╷", "│ Error: Invalid provider configuration", "│"]
    lines += ['│ Provider "registry.terraform.io/acme/cloud" requires explicit configuration.', "│ Add a provider"]
    lines += ["│ block to the root module.", "╵", "Releasing state lock. This may take a few moments..."]
    assert _shown(lines, 3) == list(range(1, 9))


def test_an_issues_found_count_is_the_verdict_closing_the_findings_above() -> None:
    # dart analyze / flutter analyze: findings, a blank line, then the count.
    lines = ["Analyzing app...", ""]
    lines += ["  error • Undefined name 'colr' • lib/theme.dart:4:9 • undefined_identifier"]
    lines += ["   info • Prefer const with constant constructors • lib/main.dart:8:12 • prefer_const_constructors"]
    lines += ["", "2 issues found. (ran in 3.2s)"]
    assert _shown(lines, 3)[-1] == 6


def test_plain_message_lines_followed_by_a_stack_frame_stay_in_the_block() -> None:
    # A JVM exception whose message runs over plain sentences before its frames (Spring, Gradle).
    lines = ["[INFO] Running com.acme.AppTest", "[ERROR] Tests run: 1, Failures: 0, Errors: 1, Skipped: 0 <<< FAILURE!"]
    lines += ["java.lang.IllegalStateException: context refused to start", "Check the settings below."]
    lines += ["Set app.mode to one of: local, cloud.", "See the reference guide for the full list."]
    lines += ["\tat com.acme.AppTest.setUp(AppTest.java:31)", "", "[INFO] Running com.acme.OtherTest"]
    lines += ["[INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0"]
    assert _shown(lines, 2) == list(range(1, 8))


def test_a_located_message_quoting_an_exit_status_is_the_failures_own_line() -> None:
    # Go: a test ran a command that failed; its message quotes the exit status, the stderr follows.
    lines = ["=== CONT  TestInstall/offline", "    install_test.go:51: unexpected install error: exit status 1"]
    lines += [
        "        stderr:",
        "        ╷",
        "        │ Error: Failed to download plugin",
        "        │",
        "        │ dial tcp: i/o timeout",
    ]
    lines += ["        ╵", "=== RUN   TestInstall/online"]
    assert 2 in _shown(lines, 7)


def test_the_line_naming_whose_output_follows_heads_the_block_but_not_above_a_verdict() -> None:
    # go test -v with parallel tests: "=== CONT X" says the lines below are X's output.
    lines = ["=== RUN   TestSync", "=== PAUSE TestSync", "=== CONT  TestSync/remote_gone"]
    lines += [
        "    sync_test.go:40: sync failed: connection refused",
        "        retried 3 times",
        "=== RUN   TestSync/local",
    ]
    lines += ["--- FAIL: TestSync (0.20s)", "    --- FAIL: TestSync/remote_gone (0.10s)", "FAIL"]
    assert _shown(lines, 4)[:2] == [3, 4]
    assert _shown(lines, 7)[0] == 7  # a verdict line heads its own block: the case line above is another's
    # go 1.20+ names it "=== NAME X" once parallel output interleaves; a passing case's name is chatter.
    named = ["=== CONT  TestSync/local", "    sync_test.go:12: local ok", "=== NAME  TestSync/remote"]
    named += [
        "    sync_test.go:61: pull: dial tcp 127.0.0.1:7070: connect: connection refused",
        "--- FAIL: TestSync (0.02s)",
    ]
    assert _shown(named, 4)[:2] == [3, 4] and 1 not in _shown(named, 4)
    assert blocks.chatter("=== NAME  TestSync/local")


def test_with_a_baseline_the_line_leading_into_the_block_stays_though_the_passing_run_printed_it() -> None:
    from autoheal.baseline import Baseline

    passing = ["==> Checking formatting...", "go generate ./...", "==> Checking static analysis..."]
    lines = [*passing, "##[error]internal/state_test.go:63:3: the goroutine calls T.Fatalf"]
    lines += ["##[error]\tinternal/state_test.go:67:5: call to T.Fatalf", "exit status 1"]
    lines += ["make: *** [Makefile:39: staticcheck] Error 1"]
    known = Baseline.from_lines(passing).known  # the passing run announced the same checks
    numbered = _numbered(lines)
    shown = [n for n, _ in excerpt.block(numbered, 4, known)]
    assert shown[0] == 3  # what was being checked when it failed
    assert 1 not in shown and 2 not in shown  # the passing run's other lines stay out


def test_a_diff_a_check_prints_is_one_block_from_its_file_header() -> None:
    # git diff --exit-code after a generator, black --diff, rustfmt --check: the diff is the failure.
    git = ["go: downloading golang.org/x/sync v0.7.0", "diff --git a/go.mod b/go.mod", "index 3f2a1c0..9b1c7d2 100644"]
    git += [
        "--- a/go.mod",
        "+++ b/go.mod",
        "@@ -5,6 +5,7 @@ go 1.22",
        " require (",
        "+\tgolang.org/x/sync v0.7.0",
        " )",
    ]
    assert _shown(git, 5) == list(range(2, 10))
    black = ["would reformat src/app/cli.py", "--- src/app/cli.py\t2024-05-06 09:00:00.000000+00:00"]
    black += ["+++ src/app/cli.py\t2024-05-06 09:00:01.000000+00:00", "@@ -1,3 +1,3 @@", "-x=1", "+x = 1", " y = 2"]
    black += ["", "Oh no! 💥 💔 💥", "1 file would be reformatted, 12 files would be left unchanged."]
    assert set(range(2, 8)) <= set(_shown(black, 5))
    rust = [
        "Diff in /home/runner/work/lexer/lexer/src/lib.rs at line 3:",
        " use std::fmt;",
        "-fn  main() {}",
        "+fn main() {}",
    ]
    assert _shown(rust, 3) == [1, 2, 3, 4]
    assert (
        blocks.diff_line("@@ -1,3 +1,4 @@") and blocks.diff_line("+++ b/x.py") and not blocks.diff_line("--- FAIL: T")
    )


def _rspec(failures: int) -> list[str]:
    lines = ["Randomized with seed 41027", "..F..F", "", "Failures:", ""]
    for k in range(1, failures + 1):
        lines += [f"  {k}) Cart#total case {k}", f"     Failure/Error: expect(cart.total).to eq({k}07)", ""]
        lines += [f"       expected: {k}07", "            got: 100", "", "       (compared using ==)"]
        lines += [f"     # ./spec/cart_spec.rb:{10 + k}:in `block (3 levels) in <top (required)>'", ""]
    lines += ["Finished in 0.04 seconds (files took 0.3 seconds to load)", f"12 examples, {failures} failures"]
    return lines + ["", "Randomized with seed 41027", "Process completed with exit code 1."]


def test_a_runs_verdict_shows_the_report_it_closes_from_its_first_failure() -> None:
    # RSpec, anchored on its count: the report from "Failures:", not only the last failure above the count.
    lines = _rspec(2)
    verdict = lines.index("12 examples, 2 failures") + 1
    assert _shown(lines, verdict) == list(range(4, verdict + 1))
    # Go: the package verdict's report starts at the package's first failing test.
    go = ["ok  \tex.com/a\t0.1s", "--- FAIL: TestOne (0.00s)", "    one_test.go:9: got 1, want 2"]
    go += ["--- FAIL: TestTwo (0.00s)", "    two_test.go:4: got 3, want 4", "FAIL", "FAIL\tex.com/b\t0.2s"]
    assert _shown(go, 7) == [2, 3, 4, 5, 6, 7]
    # PHPUnit's count below its numbered failures.
    php = ["..F.F", "", "There were 2 failures:", "", "1) T::testA", "Failed asserting that 1 is 2.", "", "/w/T.php:9"]
    php += ["", "2) T::testB", "Failed asserting that 3 is 4.", "", "/w/T.php:12", "", "FAILURES!"]
    php += ["Tests: 5, Assertions: 9, Failures: 2."]
    assert _shown(php, 16)[0] == 3


def test_a_cut_report_keeps_its_header_first_failure_whole_and_verdict() -> None:
    lines = _rspec(6)  # 6 failures of 9 lines: longer than the budget
    verdict = lines.index("12 examples, 6 failures") + 1
    shown = _shown(lines, verdict)
    assert len(shown) <= excerpt.MAX_EXCERPT
    assert shown[0] == 4 and set(range(6, 14)) <= set(shown)  # "Failures:", then failure 1 whole
    assert verdict in shown and verdict - 1 in shown  # and the verdict


def test_a_programs_info_and_debug_records_are_no_context_but_a_note_is() -> None:
    # A rule declaring context around its block: a service's own INFO/DEBUG records there say nothing.
    lines = [" INFO 2211 --- [main] c.a.App : Started App in 2.1 seconds", "[DEBUG] pool size 8"]
    lines += [
        "______ test_create ______",
        "E   AssertionError: expected 201, got 500",
        "tests/test_api.py:12: AssertionError",
    ]
    lines += [
        "",
        "note: the server log is in build/server.log",
        "trace: closing connections",
        "[INFO] shutdown complete",
    ]
    shown = _shown(lines, 4, least=(3, 4))
    assert shown == [3, 4, 5, 6, 7]
    assert blocks.low_level(" INFO 2211 --- x") and blocks.low_level("trace: x") and not blocks.low_level("note: x")


def _compiletest_report() -> list[str]:
    """A libtest report (rustc's compiletest) whose failing case captured a sanitizer's report."""
    lines = [
        "running 121 tests",
        "test [ui] ui/io/reader.rs ... FAILED",
        "",
        "failures:",
        "",
        "---- [ui] ui/io/reader.rs stdout ----",
        "",
    ]
    lines += ["error: error pattern 'read past end' not found!", 'command: "/build/test/ui/io/reader/a"', "stdout:"]
    lines += ["-" * 42, "", "", "-" * 42, "stderr:", "-" * 42, "==42==WARNING: AddressSanitizer: heap-buffer-overflow"]
    lines += [
        "    #0 0x55d1c6 in read_chunk (/build/test/ui/io/reader/a+0x1b44)",
        "    #1 0x7f9316 in main (/build/a+0x91cd)",
        "",
    ]
    lines += ["  0x602000 is located 0 bytes to the right of 16-byte region", "    #0 0x55d1c0 in malloc", ""]
    lines += ["SUMMARY: AddressSanitizer: heap-buffer-overflow (/build/test/ui/io/reader/a+0x1b44)", "", "-" * 42, ""]
    lines += ["Some tests failed in compiletest suite=ui mode=ui", "---"]
    return lines + [
        "test result: FAILED. 120 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 9.1s"
    ]


def test_a_libtest_verdict_shows_its_report_from_failures_header_far_above() -> None:
    # Rust's libtest: "failures:" then "---- <test> stdout ----" head the report; the verdict closes it
    # even when the case's captured output puts the header further up than a cause's reach.
    lines = _compiletest_report()
    shown = _shown(lines, len(lines))
    elision = len(lines) - 1  # the "---" a log excerpter left between the report and its verdict: chatter
    assert shown == [n for n in range(lines.index("failures:") + 1, len(lines) + 1) if n != elision]
    # Beyond a cause's reach the report ends at another command's line: that header is not taken.
    other = ["failures:", "---- old::case stdout ----", "boom"] + ['The command "cargo build" exited with 0.']
    other += [f"compiling unit {i}" for i in range(14)] + ["error: 1 errors occurred comparing output."]
    other += ["test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.1s"]
    assert _shown(other, len(other))[0] > 4


def test_a_crash_inside_a_libtest_case_starts_at_the_cases_header() -> None:
    lines = ["test [ui] ui/abi/guard.rs ... FAILED", "", "failures:", "", "---- [ui] ui/abi/guard.rs stdout ----", ""]
    lines += ["error: test run failed!", "status: exit status: 101", "------------------------------------------"]
    lines += ["status: signal: 11 (core dumped)", "------------------------------------------", ""]
    lines += ["test result: FAILED. 9 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 2.0s"]
    shown = _shown(lines, lines.index("status: signal: 11 (core dumped)") + 1)
    assert shown[0] == 3 and 5 in shown and 7 in shown
    assert blocks.header("---- tests::parses stdout ----") and blocks.header("failures:")
    assert not blocks.header("---- a rule of dashes ----") and not blocks.header("---")


def test_a_tally_no_verdict_pattern_knows_reaches_its_reports_header_as_a_verdict_does() -> None:
    # The tally (ECS's, a docs checker's) closes the whole report: its header sits further up than a cause's
    # own reach, across the report's blank lines and words that say nothing of an error.
    ecs = [
        "1) src/Invoice.php",
        "",
        "    ---------- begin diff ----------",
        "@@ @@",
        "-    public function total() {",
        "+    public function total()",
        "+    {",
        "    ----------- end diff -----------",
        "",
        "Applied checkers:",
        "",
        " * PhpCsFixer\\Fixer\\Basic\\BracesPositionFixer",
        "",
        "",
        ' [ERROR] Found 1 error that can be fixed with "--fix" option',
    ]
    docs = [
        "FAIL docs/guide/install.md",
        "  line 14 links to ../setup.md",
        "",
        "  the page was moved to ../start/setup.md",
        "",
        "  pages linking to it:",
        "    docs/index.md",
        "    docs/guide/intro.md",
        "    docs/guide/upgrade.md",
        "",
        "  run with --fix to rewrite the links",
        "",
        "",
        "Checked 214 pages, 1 failure",
    ]
    for lines in (ecs, docs):
        assert _shown(lines, len(lines))[0] == 1, lines[0]


def test_a_tallys_reach_stops_at_another_commands_line() -> None:
    # Beyond a cause's reach, only the tally's own report: a stop line between (chatter) ends it.
    lines = [
        "FAIL docs/guide/install.md",
        "  line 14 links to ../setup.md",
        "Uploading artifacts for failed job",
        "  the page was moved to ../start/setup.md",
        "",
        "  pages linking to it:",
        "    docs/index.md",
        "    docs/guide/intro.md",
        "    docs/guide/upgrade.md",
        "",
        "  run with --fix to rewrite the links",
        "",
        "",
        "",
        "Checked 214 pages, 1 failure",
    ]
    assert 1 not in _shown(lines, len(lines))


def test_a_cause_chains_links_under_caused_by_carry_the_block_up_though_one_quotes_an_exit_status() -> None:
    # cargo: a build script's failure, its chain, then what the script printed; the anchor is its last words.
    lines = [
        "   Compiling openssl-sys v0.9.102",
        "error: failed to run custom build command for `openssl-sys v0.9.102`",
        "",
        "Caused by:",
        "  process didn't exit successfully: `/w/target/debug/build/openssl-sys-1/build-script-main` (exit status: 101)",
        "  --- stderr",
        "  Could not find directory of OpenSSL installation",
    ]
    assert _shown(lines, 7)[:2] == [1, 2]
    # Without the chain's head the quoted exit status is a command's "it failed" line: the block stops below it.
    bare = [lines[1], "make: *** [Makefile:4: all] Error 2", "  --- stderr", "  Could not find directory of OpenSSL"]
    assert _shown(bare, 4)[0] == 3
