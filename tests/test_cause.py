"""Root cause choice (autoheal/cause.py): echoes and logger info lines are never events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from autoheal.logsource import bytes_doc
from autoheal.models import Diagnosis
from autoheal.rules import default_ruleset
from autoheal.triage import triage_docs
from tests.helpers import triage_cli, triage_text

RS = default_ruleset()


def _triage(*lines: str) -> Diagnosis:
    return triage_text(lines, RS)


def test_a_steps_script_echo_is_not_what_failed() -> None:
    d = _triage(
        "##[group]Run ./ci/test.sh  # dumps a core on Segmentation fault",
        "./ci/test.sh  # dumps a core on Segmentation fault",
        "shell: /usr/bin/bash -e {0}",
        "##[endgroup]",
        "FAIL src/sum.test.js",
        "  ● sum › adds",
        "    expect(received).toBe(expected)",
        "Tests:       1 failed, 3 passed, 4 total",
        "##[error]Process completed with exit code 1.",
    )
    assert d.category == "test.failure"


def test_a_shell_trace_and_a_tools_command_line_are_not_events() -> None:
    d = _triage(
        "$ ./run-tests.sh",
        "+ grep -q 'Segmentation fault' build/core.log",
        "[command]/usr/bin/docker run --rm app grep 'Segmentation fault' /var/log/app.log",
        "--- FAIL: TestParse (0.01s)",
        "    parse_test.go:12: got 1, want 2",
        "FAIL\texample.com/app\t0.02s",
        'The command "./run-tests.sh" exited with 1.',
    )
    assert d.category == "test.failure"


def test_a_loggers_info_or_debug_record_is_not_the_cause() -> None:
    d = _triage(
        "[main] INFO org.example.Launcher - Run: [java, -Xmx2048m, -jar, suite.jar, --on-oom, 'Cannot allocate memory']",
        "12:00:01.250 [pool-1] DEBUG o.e.Cache - Cannot allocate memory for the cache, using the disk",
        "18921 [INFO] Cannot allocate memory for a fork: running the tests in-process",
        "Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.2 sec <<< FAILURE!",
        "parses(org.example.ParserTest)  Time elapsed: 0.1 sec  <<< FAILURE!",
        "java.lang.AssertionError: expected:<1> but was:<2>",
    )
    assert d.category == "test.failure"


def test_a_test_named_after_an_error_is_not_that_error() -> None:
    d = _triage(
        "Parsing --class a.FailingTest --tests testAssertionError:testOutOfMemoryError",
        "Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.2 sec <<< FAILURE!",
        "testAssertionError(a.FailingTest)  Time elapsed: 0.1 sec  <<< FAILURE!",
        "java.lang.AssertionError: expected:<1> but was:<2>",
    )
    assert d.category == "test.failure"


def _mocha_attempt(where: str) -> list[str]:
    return [
        "  12 passing (1s)",
        "  1 failing",
        "",
        "  1) Worker",
        "       stops cleanly:",
        "     AssertionError [ERR_ASSERTION]: Failed",
        f"      at Context.<anonymous> (test/worker.js:{where})",
        "",
    ]


def test_a_retried_test_run_shows_the_last_attempt() -> None:
    first, last = _mocha_attempt("81:22"), _mocha_attempt("93:20")
    d = _triage(
        "$ node retry.js npm test",
        *first,
        "Retrying (2/2)...",
        *last,
        'The command "node retry.js npm test" exited with 1.',
    )
    assert d.category == "test.failure"
    assert d.key_lines[0] > len(first) + 2  # the second attempt's failures, not the first's
    assert any("93:20" in e.text for e in d.excerpt)


def _step(command: str, *body: str) -> list[str]:
    return [f"##[group]Run {command}", "shell: /usr/bin/bash -e {0}", "##[endgroup]", *body]


_UNPARSABLE = "[ERROR] templates/deployment.yaml: unable to parse YAML: error converting YAML to JSON: yaml: line 31: did not find expected key"


def test_a_checker_that_cannot_parse_a_file_it_checks_has_a_finding() -> None:
    exit_line = "##[error]Process completed with exit code 1."
    d = _triage(
        *_step("helm lint charts/*", "==> Linting charts/api", _UNPARSABLE, "Error: 1 chart(s) failed"), exit_line
    )
    assert d.category == "lint.error"
    # The same line from a command that is not a checker is a broken configuration.
    d = _triage(*_step("./deploy.sh charts/api", _UNPARSABLE), exit_line)
    assert d.category == "config.error"
    # A checker's own configuration that does not parse is not a finding either.
    own = "[ERROR] .chart-lint.yaml: unable to parse YAML: yaml: line 2: did not find expected key"
    d = _triage(*_step("helm lint charts/*", own), exit_line)
    assert d.category == "config.error"


def test_a_docs_build_failing_on_its_warnings_is_a_check() -> None:
    d = _triage(
        *_step("sphinx-build -W -b html docs docs/_build", "docs/guide.rst:41: WARNING: undefined label: 'auth'"),
        "build finished with problems, 1 warning (with warnings treated as errors).",
        "##[error]Process completed with exit code 1.",
    )
    assert d.category == "lint.error"


def test_a_service_that_never_got_healthy_is_infrastructure() -> None:
    d = _triage(
        *_step("docker compose up -d --wait", " Container stack-db-1  Healthy", " Container stack-api-1  Error"),
        "dependency failed to start: container stack-api-1 is unhealthy",
        "##[error]Process completed with exit code 1.",
    )
    assert d.category == "infrastructure"


def test_a_step_that_failed_silently_failed_on_what_the_step_before_it_left() -> None:
    d = _triage(
        *_step(
            "echo VERSION=$(git describe --tags) >> $GITHUB_ENV", "fatal: No names found, cannot describe anything."
        ),
        *_step('test -n "$VERSION"'),
        "##[error]Process completed with exit code 1.",
    )
    assert d.summary.startswith("fatal: No names found") and d.key_lines[0] == 4
    # A step that printed something failed on that, not on what came before.
    d = _triage(
        *_step("git describe --tags", "fatal: No names found, cannot describe anything."),
        *_step("./build.sh", "src/app.c:3:1: error: unknown type name 'foo'"),
        "##[error]Process completed with exit code 1.",
    )
    assert "unknown type name" in d.summary


def test_the_first_line_of_a_steps_own_log_is_output_not_a_header() -> None:
    d = triage_docs(
        [bytes_doc("1_Run tests.txt", b"ModuleNotFoundError: No module named 'yaml'\n", step="Run tests")], RS, "logs"
    )
    assert d.category == "dependency.missing"


def test_a_resolvers_summary_heads_its_indented_problem_list() -> None:
    # The summary says resolving failed; the problem listed under it, indented, says why.
    problem = "    - acme/pdf 3.1.0 requires ext-imagick * -> it is missing from your system. Install or enable it."
    summary = "Your requirements could not be resolved to an installable set of packages."
    d = _triage(summary, "", "  Problem 1", problem, "Process completed with exit code 2.")
    assert d.category == "dependency.missing" and "ext-imagick" in d.summary
    # A line at the summary's own level between them ends its block: the summary is a cause of its own.
    d = _triage(summary, "", "Loading composer repositories with package information", "  Problem 1", problem)
    assert d.category == "dependency.resolution"


def test_a_compiler_like_line_printed_by_a_failing_test_is_the_tests_output() -> None:
    failure = "tests/parser_test.c:88: error: Failure! expected 0, got -2"
    d = _triage("[ RUN      ] Parser.Inline", "[  FAILED  ] Parser.Inline", failure, "1 FAILED TEST")
    assert d.category == "test.failure"
    d = _triage("[ 40%] Building C object tests/parser_test.c.o", failure, "make: *** [all] Error 2")
    assert d.category == "compile.error"


def _mocha_failures(*errors: str) -> list[str]:
    out = ["  40 passing (2s)", f"  {len(errors)} failing", ""]
    for i, error in enumerate(errors, 1):
        out += [f"  {i}) Cache", f"       case {i}:", f"     {error}", ""]
    return out


def test_one_slow_test_among_failing_ones_is_a_test_failure_not_a_timeout() -> None:
    slow = 'Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called'
    wrong = "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:"
    assert _triage(*_mocha_failures(slow, wrong)).category == "test.failure"
    # The slow test alone, or most of the failing tests timing out, is a timeout.
    assert _triage(*_mocha_failures(slow)).category == "timeout"
    assert _triage(*_mocha_failures(slow, slow, wrong)).category == "timeout"


def test_a_linter_run_as_pytest_items_fails_as_lint() -> None:
    d = _triage(
        "============================= test session starts ==============================",
        "collected 41 items",
        "src/shop/cart.py F.                                                       [  4%]",
        "=================================== FAILURES ===================================",
        "_________________________________ FLAKE8-check _________________________________",
        "/w/src/shop/cart.py:12:1: E302 expected 2 blank lines, found 1",
        "=========================== short test summary info ============================",
        "FAILED src/shop/cart.py::FLAKE8",
        "1 failed, 40 passed in 1.21s",
    )
    assert d.category == "lint.error"


def test_a_syntax_error_in_an_installed_package_is_an_old_runtime() -> None:
    trace = [
        "Traceback (most recent call last):",
        '  File "setup.py", line 3, in <module>',
        "    import tomlkit",
    ]
    error = ["    print(f'{x=}')", "                ^", "SyntaxError: invalid syntax"]
    installed = '  File "/home/ci/venv/lib/python3.5/site-packages/tomlkit/api.py", line 12'
    assert _triage(*trace, installed, *error).category == "runtime.version"
    assert _triage(*trace, '  File "/home/ci/src/app/api.py", line 12', *error).category == "syntax.error"
    # Node prints the file, the line and a caret above the error.
    js = ["", "SyntaxError: Unexpected token '.'", "    at wrapSafe (internal/modules/cjs/loader.js:915:16)"]
    where = ["    const env = process?.env ?? {};", "                        ^"]
    assert _triage("/ci/app/node_modules/yargs/index.js:12", *where, *js).category == "runtime.version"
    assert _triage("/ci/app/src/index.js:12", *where, *js).category == "syntax.error"


def test_a_refused_login_deep_in_a_resolution_chain_is_its_cause() -> None:
    chain = [
        "* What went wrong:",
        "Execution failed for task ':app:compileKotlin'.",
        "> Could not resolve all files for configuration ':app:compileClasspath'.",
        "   > Could not resolve com.acme:kit:2.0.",
        "      > Could not GET 'https://maven.example.com/com/acme/kit/2.0/kit-2.0.pom'.",
        "         > Received status code 401 from server: Unauthorized",
    ]
    assert _triage(*chain, "BUILD FAILED in 9s").category == "credentials"
    # Outside the block it heads (a line at the header's level between), the 401 is not its cause.
    apart = [*chain[:3], "Downloading https://maven.example.com/a.pom", "Downloading https://maven.example.com/b.pom"]
    apart.append("   > Received status code 401 from server: Unauthorized")
    assert _triage(*apart, "BUILD FAILED in 9s").category == "dependency.resolution"


def test_a_sanitizer_report_in_the_only_failing_tests_output_is_a_crash() -> None:
    ctest = [
        "1/2 Test #1: ring ...........................***Failed    0.10 sec",
        "==311==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000014 at pc 0x55d1",
        "SUMMARY: AddressSanitizer: heap-buffer-overflow /w/src/ring.c:58 in ring_get",
        "50% tests passed, 1 tests failed out of 2",
    ]
    assert _triage(*ctest).category == "crash"
    # One crash among several failing tests is one failure of many: the verdict stays.
    more = [
        ctest[0],
        ctest[1],
        "2/3 Test #2: uart ***Failed",
        "3/3 Test #3: spi ***Failed",
        "0% tests passed, 3 tests failed out of 3",
    ]
    assert _triage(*more).category == "test.failure"


def _doc_tests(before: int, after: int) -> list[str]:
    """``cargo test`` whose doc-tests run ``before`` passing examples, a failing one, then ``after`` more."""
    passing = [f"test src/lib.rs - item_{i} (line {i * 10}) ... ok" for i in range(before)]
    more = [f"test src/lib.rs - more_{i} (line {i * 10 + 5}) ... ok" for i in range(after)]
    return [
        "   Compiling csvkit v0.5.0 (/work/csvkit)",
        "    Finished `test` profile [unoptimized + debuginfo] target(s) in 3.10s",
        "   Doc-tests csvkit",
        "",
        f"running {before + after + 1} tests",
        *passing,
        "test src/lib.rs - parse (line 12) ... FAILED",
        *more,
        "",
        "failures:",
        "",
        "---- src/lib.rs - parse (line 12) stdout ----",
        "error[E0425]: cannot find value `row` in this scope",
        " --> src/lib.rs:14:5",
        "",
        "error: aborting due to 1 previous error",
        "",
        "Couldn't compile the test.",
        "",
        "failures:",
        "    src/lib.rs - parse (line 12)",
        "",
        f"test result: FAILED. {before + after} passed; 1 failed; 0 ignored; 0 measured; 0 filtered out",
        "",
        "error: doctest failed, to rerun pass `--doc`",
    ]


def test_a_doc_example_that_does_not_compile_is_a_failing_test_not_a_broken_build() -> None:
    for before, after in ((1, 2), (3, 40)):
        d = _triage(*_doc_tests(before, after))
        assert (d.category, d.rule) == ("test.failure", "rust.test-failures"), (before, after, d.rule)
    # The crate itself not compiling is still a compile error, whatever test runs came before it.
    d = _triage("test tests::parses ... ok", "test result: ok. 1 passed", "error[E0308]: mismatched types")
    assert d.category == "compile.error"


def test_a_playbook_using_content_that_is_not_installed_is_a_missing_dependency() -> None:
    module = (
        "PLAY [web] *****",
        "ERROR! couldn't resolve module/action 'community.general.ufw'. This often indicates a misspelling, "
        "missing collection, or incorrect module path.",
        "",
        "The error appears to be in '/builds/infra/site.yml': line 8, column 7, but may",
    )
    role = ("ERROR! the role 'geerlingguy.docker' was not found in /builds/infra/roles:/root/.ansible/roles",)
    new_core = ("[ERROR]: couldn't resolve module/action 'ansible.posix.sysctl'. This often indicates a misspelling.",)
    for log, package in ((module, "community.general.ufw"), (role, "geerlingguy.docker"), (new_core, "ansible.posix")):
        d = _triage(*log, "Cleaning up project directory and file based variables", "ERROR: Job failed: exit code 1")
        assert (d.category, d.rule) == ("dependency.missing", "ansible.content-not-installed"), d.rule
        assert package in d.captures["package"]


def test_git_refusing_the_agents_checkout_is_the_platforms_failure() -> None:
    for refusal in (
        ["Cannot rebase: You have unstaged changes.", "Please commit or stash them."],
        [
            "error: Your local changes to the following files would be overwritten by checkout:",
            "\tyarn.lock",
            "Please commit your changes or stash them before you switch branches.",
            "Aborting",
        ],
        ["fatal: Unable to create '/builds/acme/api/.git/index.lock': File exists.", "", "Another git process"],
    ):
        d = _triage("+ git status --short", " M yarn.lock", "+ git rebase origin/main", *refusal, "Finished: FAILURE")
        assert (d.category, d.rule) == ("infrastructure", "git.checkout-state"), refusal


def test_a_configure_step_that_finds_no_compiler_or_tool_is_a_missing_command() -> None:
    for lines in (
        ["python3 ./configure", "ERROR: No acceptable C compiler found!", "make: *** [build-ci] Error 1"],
        ["checking for gcc... no", "configure: error: no acceptable C compiler found in $PATH"],
        ["meson.build:1:0: ERROR: Unknown compiler(s): [['cc'], ['gcc'], ['clang']]"],
        ["src/meson.build:12:8: ERROR: Program 'glib-compile-resources' not found or not executable"],
        [
            'CMake Error: CMake was unable to find a build program corresponding to "Ninja".  CMAKE_MAKE_PROGRAM is not set.',
            "CMake Error: CMAKE_C_COMPILER not set, after EnableLanguage",
            "-- Configuring incomplete, errors occurred!",
        ],
    ):
        d = _triage("$ ./build.sh", *lines, 'The command "./build.sh" exited with 1.')
        assert d.category == "command.not.found", lines


def test_a_tools_line_behind_buildkits_step_prefix_is_read_as_the_tool_printed_it() -> None:
    d = _triage(
        "#9 [test 4/4] RUN python -m pytest -q",
        "#9 2.816 =================================== FAILURES ===================================",
        "#9 2.817 E       AssertionError: assert 1 == 2",
        "#9 2.819 FAILED tests/test_codec.py::test_round_trip - AssertionError: assert 1 == 2",
        "#9 2.819 1 failed, 15 passed in 0.31s",
        '#9 ERROR: process "/bin/sh -c python -m pytest -q" did not complete successfully: exit code: 1',
    )
    assert d.category == "test.failure"
    assert d.rule.startswith("python.pytest")


def test_a_checker_no_rule_knows_is_named_by_its_drivers_failure_line() -> None:
    d = _triage(
        "tidy check",
        "tidy error: /checkout/src/ci/verify.sh:85: trailing whitespace",
        "some tidy checks failed",
        "",
        'command did not execute successfully: "/checkout/obj/build/stage0-tools-bin/rust-tidy" "/checkout"',
        "",
        "Build completed unsuccessfully in 0:00:10",
    )
    assert (d.category, d.rule) == ("lint.error", "generic.error-block")


def test_a_compile_error_under_libtests_failure_header_is_the_tests_output() -> None:
    # The run's own test lines were cut (a bot's excerpt): the header over the test's output says whose it is.
    d = _triage(
        "failures:",
        "",
        "---- src/result.rs - result::Result<T, E>::transpose (line 1250) stdout ----",
        "error[E0658]: use of unstable library feature 'transpose_err'",
        "error: aborting due to previous error",
        "Couldn't compile the test.",
        "",
        "error: test failed, to rerun pass '--doc'",
    )
    assert d.category == "test.failure"


def test_a_gitlab_job_limit_printed_after_the_cleanup_is_the_failed_commands_status() -> None:
    # A raw GitLab trace: the job's verdict follows the cleanup phase (aside), yet it is what failed the job.
    log = (
        "Running with gitlab-runner 16.9.1 (782c6ecb)\n"
        "section_start:1700000002:step_script\r\x1b[0KExecuting step_script stage\n"
        "$ cargo test --release\n"
        "test sim::long_run ... \n"
        "section_end:1700003602:step_script\r\x1b[0K\n"
        "section_start:1700003602:cleanup_file_variables\r\x1b[0KCleaning up project directory and file based variables\n"
        "section_end:1700003603:cleanup_file_variables\r\x1b[0K\n"
        "ERROR: Job failed: execution took longer than 1h0m0s seconds\n"
    )
    d = triage_text(log, RS)
    assert d.category == "timeout"  # (it read as the tests' failure: the verdict's section, aside, had passed)


def _gitlab_trace(script: list[str], verdict: str, stamped: bool) -> str:
    """A newer runner's raw trace: its cleanup in a section of its own, then its verdict (FF_TIMESTAMPS stamps or none)."""
    cleanup = "Cleaning up project directory and file based variables"
    rows = [
        "Running with gitlab-runner 17.1.0 (fe451d5a)",
        '\x1b[0Ksection_start:1720186574:step_script\r\x1b[0K\x1b[0K\x1b[36;1mExecuting "step_script" stage\x1b[0;m',
        *script,
        "\x1b[0Ksection_end:1720190174:step_script\r\x1b[0K",
        f"\x1b[0Ksection_start:1720190174:cleanup_file_variables\r\x1b[0K\x1b[0K\x1b[36;1m{cleanup}\x1b[0;m",
        "\x1b[0Ksection_end:1720190175:cleanup_file_variables\r\x1b[0K",
        f"\x1b[31;1mERROR: Job failed: {verdict}\x1b[0;m",
    ]
    return "".join(
        (f"2024-07-05T13:36:{14 + n % 40:02}.123456Z 00O " if stamped else "") + r + "\n" for n, r in enumerate(rows)
    )


@pytest.mark.parametrize("stamped", [False, True])
def test_a_job_limit_after_a_newer_runners_cleanup_is_the_cause_through_the_cli(tmp_path: Path, stamped: bool) -> None:
    script = [
        "\x1b[32;1m$ bundle exec rspec\x1b[0;m",
        "...........",
        "WARNING: step_script could not run to completion because the timeout was exceeded.",
    ]
    (tmp_path / "job.log").write_text(_gitlab_trace(script, "execution took longer than 1h0m0s seconds", stamped))
    d = json.loads(triage_cli("job.log", cwd=tmp_path).stdout)
    assert (d["category"], d["rule"], d["step"], d["key_lines"]) == (
        "timeout",
        "gitlab.job-timeout",
        "bundle exec rspec",
        [9],
    )


@pytest.mark.parametrize("stamped", [False, True])
def test_a_bare_exit_code_after_the_cleanup_leaves_the_tests_failure(tmp_path: Path, stamped: bool) -> None:
    """Only a verdict that names a limit says why; ``exit code 1`` after the cleanup says again that pytest failed."""
    script = [
        "\x1b[32;1m$ pytest -q\x1b[0;m",
        "FAILED tests/test_api.py::test_login - AssertionError: assert 401 == 200",
        "1 failed, 41 passed in 3.20s",
    ]
    (tmp_path / "job.log").write_text(_gitlab_trace(script, "exit code 1", stamped))
    d = json.loads(triage_cli("job.log", cwd=tmp_path).stdout)
    assert (d["category"], d["step"]) == ("test.failure", "pytest -q")
