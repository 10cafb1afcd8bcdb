"""The root cause's line: the failed section's generic error block when no rule explains it (a
trace is what ran, never the anchor), and nothing for a log without one."""

from __future__ import annotations

from pathlib import Path

from autoheal import rootcause
from autoheal.logsource import bytes_doc
from autoheal.models import Diagnosis
from autoheal.rules import RuleSet, compile_ruleset, default_ruleset
from autoheal.scan import scan_doc
from autoheal.triage import triage_path
from tests.helpers import gha_step, ruleset, triage_text

RS = ruleset()


def _triage(text: str) -> Diagnosis:
    return triage_text(text, RS)


def _never(_: str) -> bool:
    return False


def _found(text: str) -> rootcause.Found | None:
    return rootcause.find_cause([scan_doc(bytes_doc("", text.encode()), RS)], _never)


def _step(name: str, *body: str, code: int | None = None) -> str:
    return gha_step(name, *body, code=code)  # (here: no exit line unless asked)


def test_exit_line_alone_is_never_the_anchor_when_a_block_exists() -> None:
    text = (
        "##[group]Run ./ci/docs-audit\n##[endgroup]\nchecking 14 files\n"
        "docs/intro.md:3:1: heading level skipped\ndocs/api.md:9:4: broken reference 'Foo'\n"
        "2 problems\n##[error]Process completed with exit code 1.\n"
    )
    d = _triage(text)
    assert d.rule == "generic.error-block" and d.key_lines[0] == 4
    assert [e.line for e in d.excerpt] == [3, 4, 5, 6]  # the tool's output, not the step's header or exit line
    assert d.category == "unknown"  # no table names ./ci/docs-audit; the exit line never gives a category


def test_a_generic_block_is_the_tools_output_above_the_drivers_epilogue() -> None:
    text = (
        "##[group]Run npm run docs-check\n##[endgroup]\n> docs@1.0.0 docs-check\n> node check.js\n\n"
        "docs/a.md:3: error: dead link http://x.invalid\ndocs/b.md:9: error: dead link http://y.invalid\n"
        "found 2 problems\nnpm ERR! code ELIFECYCLE\nnpm ERR! errno 1\nnpm ERR! docs@1.0.0 docs-check: `node check.js`\n"
        "npm ERR! Exit status 1\nnpm ERR!\nnpm ERR! Failed at the docs@1.0.0 docs-check script.\n"
        "npm ERR! This is probably not a problem with npm. There is likely additional logging output above.\n"
        "##[error]Process completed with exit code 1.\n"
    )
    d = _triage(text)
    assert d.rule == "generic.error-block" and d.key_lines[0] == 6
    assert {6, 7, 8} <= {e.line for e in d.excerpt} and 14 not in {e.line for e in d.excerpt}


def _jenkins(stage: str, *lines: str, code: int) -> str:
    head = ["Started by user admin", "[Pipeline] node", "[Pipeline] {", "[Pipeline] stage", f"[Pipeline] {{ ({stage})"]
    tail = ["[Pipeline] }", "[Pipeline] // stage", "[Pipeline] }", "[Pipeline] // node", "[Pipeline] End of Pipeline"]
    return "\n".join([*head, "[Pipeline] sh", *lines, *tail, f"ERROR: script returned exit code {code}"]) + "\n"


def test_a_shell_trace_says_what_ran_so_it_is_context_never_the_generic_blocks_line() -> None:
    jenkins = _jenkins(
        "Critic",
        "+ perlcritic --severity 3 lib/",
        "lib/App/Tool.pm: Mixed high and low-precedence booleans at line 12, column 5.  (Severity: 4)",
        code=2,
    )
    gha = _step(
        "set -x; cargo machete",
        "+ cargo machete",
        "Analyzing dependencies of crates in this directory...",
        "cargo-machete found the following unused dependencies in this directory:",
        "tiles -- ./Cargo.toml:",
        "\tserde_json",
        code=1,
    )
    travis = (
        "$ set -x; mix hex.audit\n+ mix hex.audit\nDependency       Version  Retirement reason\n"
        "plug_cowboy      2.5.0    (security) CVE-2023-1\nFound retired packages\n"
        'The command "set -x; mix hex.audit" exited with 1.\n'
    )
    for log, trace, last in ((jenkins, 7, 8), (gha, 3, 7), (travis, 2, 5)):
        d = _triage(log)
        shown = [e.line for e in d.excerpt]
        assert d.rule == "generic.error-block" and not d.summary.startswith("+"), d.summary
        assert d.key_lines[0] > trace and trace in shown and last in shown, (d.key_lines, shown)


def test_a_generic_block_right_under_its_command_line_is_headed_by_it() -> None:
    # A tool no rule knows, its output right under Travis' or GitLab's ``$ cmd``: the command names what failed.
    travis = (
        "travis_fold:start:install\r\x1b[0K$ pip install -r requirements.txt\nok\ntravis_fold:end:install\n"
        "travis_time:start:0a1b2c\r\x1b[0K$ ./tools/check-headers.sh src\n"
        "src/app/core.py: missing license header\nsrc/app/io.py: missing license header\n"
        "travis_time:end:0a1b2c\r\x1b[0K\n"
        'The command "./tools/check-headers.sh src" exited with 1.\n'
    )
    gitlab = (
        "Running with gitlab-runner 16.9.0 (abc123)\n$ cd ui\n$ npx stylelint-ish 'src/**/*.css'\n"
        "src/button.css\n  3:5  unexpected unit 'pxx'\n"
        "Cleaning up project directory and file based variables\nERROR: Job failed: exit code 2\n"
    )
    for log, command in ((travis, 4), (gitlab, 3)):
        d = _triage(log)
        shown = [e.line for e in d.excerpt]
        assert d.rule == "generic.error-block" and shown[0] == command, (d.rule, shown)
        assert d.key_lines[0] > command  # the command heads the block, the cause is what it printed


def test_a_generic_block_below_its_commands_first_lines_gets_no_command_head() -> None:
    # The block starts well below the command's first output lines: they lead to it, the command is too far.
    log = (
        "$ ./tools/audit.sh\nscanning 120 packages\nresolving the lock file\nreading advisories\n"
        "checking licenses\nwriting the report\n\n"
        "lodash 4.17.20: prototype pollution (GHSA-1234) cannot be ignored\nFound 1 vulnerable package\n"
        'The command "./tools/audit.sh" exited with 1.\n'
    )
    shown = [e.line for e in _triage(log).excerpt]
    assert 1 not in shown and 8 in shown, shown


def test_with_no_rule_the_cause_is_the_failed_sections_own_error_line() -> None:
    found = _found(_step("./ci/docs-audit", "checking 2 files", "docs/intro.md:3:1: heading level skipped", code=1))
    assert found is not None and found.rule is None and (found.line, found.step) == (4, "./ci/docs-audit")


def test_a_log_without_an_error_has_no_cause() -> None:
    assert _found("") is None
    assert _found("all good\nDone.\n") is None


def _travis(cmd: str, *out: str, code: int = 1) -> str:
    return "\n".join([f"$ {cmd}", *out, "", f'The command "{cmd}" exited with {code}.', ""]) + "\n"


def test_a_test_target_whose_error_block_follows_a_checkers_command_line_failed_on_the_check() -> None:
    # make echoes each recipe line before running it; cpplint's findings have no rule.
    cpplint = _travis(
        "make check",
        "cpplint --recursive src",
        "src/a.cc:12:  Missing space before {  [whitespace/braces] [5]",
        "Total errors found: 1",
        "make: *** [check] Error 1",
    )
    assert (_triage(cpplint).category, _triage(cpplint).rule) == ("lint.error", "generic.error-block")
    # npm prints the script's body below its banner: the checker failed, the tests never ran.
    jshint = _travis(
        "npm test",
        "> acme@1.0.0 test",
        "> jshint lib && mocha",
        "",
        "lib/a.js: line 12, col 5, Missing semicolon.",
        "",
        "1 error",
        "npm ERR! Test failed.  See above for more details.",
    )
    assert _triage(jshint).category == "lint.error"


def test_an_echoed_checker_is_named_as_the_tool_table_names_any_command() -> None:
    # The command line's first word is read as tools.py reads a command: its path and extension say
    # nothing of which tool it is (a vendored ``./tools/cpplint.py`` is no script of the project's own).
    for cmd in ("./tools/cpplint.py --recursive src", "cpplint.exe --recursive src"):
        vendored = _travis(
            "make check",
            cmd,
            "src/a.cc:12:  Missing space before {  [whitespace/braces] [5]",
            "Total errors found: 1",
            "make: *** [check] Error 1",
        )
        assert _triage(vendored).category == "lint.error", cmd
    # A checker's own output line is no command line, though the table names its first word's tool.
    told = _travis(
        "make check",
        "Cpplint ended with exit code 1",
        "harness: case 3 went wrong: expected 4 got 5",
        "make: *** [check] Error 1",
    )
    assert _triage(told).category == "test.failure"


def test_an_echoed_check_that_cannot_fail_is_never_the_check_that_failed() -> None:
    # cpplint's findings are printed, but ``|| true`` kept them from failing the target: the tests did.
    for guard in ("|| true", "|| :", "|| exit 0"):
        guarded = _travis(
            "make check",
            f"cpplint --recursive src {guard}",
            "src/a.cc:12:  Missing space before {  [whitespace/braces] [5]",
            "Total errors found: 1",
            "make: *** [check] Error 1",
        )
        assert _triage(guarded).category == "test.failure", guard
    # A list after the guarded one is the command line's check (``pip install cpplint || true; cpplint``).
    after = _travis(
        "make check",
        "pip install -q cpplint || true; cpplint --recursive src",
        "src/a.cc:12:  Missing space before {  [whitespace/braces] [5]",
        "make: *** [check] Error 1",
    )
    assert _triage(after).category == "lint.error"


def test_a_diff_printed_under_set_x_is_no_traced_command() -> None:
    # shfmt's diff: ``+++ bin/backup.sh`` and an added `` rsync`` line look like traces; the last traced
    # command that ran is shfmt, the check (``ci/check.sh`` alone would read as the tests).
    text = _travis(
        "bash ci/check.sh",
        "+ shfmt -d -i 2 bin/",
        "--- bin/backup.sh.orig",
        "+++ bin/backup.sh",
        "@@ -3,5 +3,5 @@",
        " main() {",
        "-    rsync -a src dst",
        "+ rsync -a src dst",
        " }",
    )
    assert _triage(text).category == "lint.error"


def test_a_test_runner_echoed_after_the_check_and_output_words_name_no_check() -> None:
    # The check passed; the tests ran after it and printed what no rule knows.
    ran = _travis(
        "make test",
        "cpplint --recursive src",
        "Done processing src/a.cc",
        "ctest --output-on-failure",
        "custom_harness: case 3 went wrong: expected 4 got 5",
        "make: *** [test] Error 8",
    )
    assert _triage(ran).category == "test.failure"
    # An output line that only starts with a word ("building ...") is no command line.
    built = _travis(
        "make test",
        "building 'tests.drv'...",
        "harness: case 3 went wrong: expected 4 got 5",
        "make: *** [test] Error 8",
    )
    assert _triage(built).category == "test.failure"
    # A script of the project's own ran after the check: its output is below it.
    script = _travis(
        "make check",
        "shellcheck bin/*.sh",
        "./ci/run-cases.sh",
        "case 3 went wrong: expected 4 got 5",
        "make: *** [check] Error 1",
    )
    assert _triage(script).category == "test.failure"


def test_a_verdict_without_details_gives_way_to_the_details_just_above_it() -> None:
    # A checker no rule knows prints its findings (a location, expected/got), then its verdict; the last
    # block that reads as an error is the verdict, which says only that something failed.
    text = _step(
        "./ci/zcheck",
        "zcheck 2.1: 3 modules",
        "module core ... ok",
        "module parse:",
        "  src/parse.zz:41:7: value out of range",
        "  expected: 3",
        "  got: 7",
        "module io ... ok",
        "",
        "Result: 1 module FAILED",
        "Status: 1 ERROR",
        code=1,
    )
    d = _triage(text)
    shown = {e.line for e in d.excerpt}
    assert d.rule == "generic.error-block" and d.key_lines[0] in (5, 6)
    assert {6, 7, 8} <= shown


def test_a_verdict_with_its_own_details_stays_and_an_echo_is_no_detail() -> None:
    # The verdict's own location keeps the anchor; a builder quoting the lines above (its "last log
    # lines") is an echo of them, so the quoted lines are the cause.
    quiet = [f"link {i} ok" for i in range(8)]
    own = _step("./ci/zcheck", "src/a.zz:3:1: odd", *quiet, "FAILED: docs/b.md:7: dead link", code=1)
    assert _triage(own).key_lines[0] == 12
    echoed = _step(
        "./ci/bake app",
        "baking app",
        "src/app.zz:27:15: undefined: limit",
        *[f"step {i} done" for i in range(7)],
        "error: recipe for 'app' failed with exit code 1",
        "  last 1 log lines:",
        "  > src/app.zz:27:15: undefined: limit",
        "  For full logs, run 'bake log app'.",
        code=1,
    )
    assert _triage(echoed).key_lines[0] == 4


CONAN_MISSING = """##[group]Run conan install . --build=missing
conan install . --build=missing
##[endgroup]
======== Computing dependency graph ========
Graph root
    conanfile.py (app/1.0): /home/runner/work/app/app/conanfile.py
ERROR: Package 'zlibx/1.3' not found in remotes
##[error]Process completed with exit code 1.
"""


def test_a_package_managers_block_saying_a_package_is_not_there_is_a_missing_dependency() -> None:
    # No rule knows conan: the tool table names a package manager, its block says what is missing.
    d = triage_text(CONAN_MISSING, RS)
    assert (d.rule, d.category) == ("generic.error-block", "dependency.missing")
    conflict = CONAN_MISSING.replace("not found in remotes", "conflict with zlib/1.2 required by openssl/3.0")
    assert triage_text(conflict, RS).category == "dependency.resolution"


def test_a_checkers_findings_in_a_compilers_format_are_its_findings_not_a_compile_error() -> None:
    findings = (
        "Sources/App/Ledger.swift:8:1: error: [Indentation] replace leading whitespace with 4 spaces",
        "Sources/App/Ledger.swift:19:22: error: [NoBlockComments] replace this block comment with line comments",
    )
    rules = default_ruleset()  # with the compiler's rule (c.compiler-error), which reads them as its errors
    lint = _step("swift-format lint --strict -r Sources", *findings, code=1)
    assert triage_text(lint, rules).category == "lint.error"
    # The same lines from a compiler are its errors.
    assert (
        triage_text(_step("swiftc -c Sources/App/Ledger.swift", *findings, code=1), rules).category == "compile.error"
    )


def test_a_generic_blocks_own_errno_words_name_it_over_the_commands_name() -> None:
    # No rule knows the tool nor EROFS; the step is called "build", the OS said why it failed.
    text = _step(
        "./bin/sitegen build --out /opt/site",
        "rendering 212 pages ... done",
        "sitegen: cannot write /opt/site/index.html: Read-only file system",
        "sitegen: build aborted",
        code=1,
    )
    d = _triage(text)
    assert (d.rule, d.category) == ("generic.error-block", "permission")


def test_an_inactivity_limit_in_a_generic_block_is_a_timeout() -> None:
    text = _step(
        "./e2e/run-browsers.sh",
        "Firefox 128: 212 specs passed",
        "Safari 17 ERROR",
        "  Disconnected, no output received for 60 seconds",
        code=1,
    )
    assert _triage(text).category == "timeout"


def test_a_test_runners_tally_keeps_its_failure_when_the_cue_is_one_tests_output() -> None:
    # testcafe is a test runner no rule reads: the test's own EROFS is its output, its tally the verdict.
    tally = _step(
        "npx testcafe chrome tests/",
        " Running tests in: Chrome 126",
        " Login",
        " × shows an error on a bad password",
        "   1) Error: EROFS: read-only file system, open '/app/shots/login.png'",
        "      at Screenshots.take (node_modules/testcafe/lib/screenshots.js:40:11)",
        "",
        " 1 failed",
        code=1,
    )
    assert _triage(tally).category == "test.failure"
    # Killed before any verdict: the shell's SIGKILL report says why the runner stopped.
    killed = _step(
        "npx testcafe chrome tests/",
        " Running tests in: Chrome 126",
        "/home/runner/work/_temp/a.sh: line 1:  2231 Killed                  npx testcafe chrome tests/",
        code=137,
    )
    assert _triage(killed).category == "resource.exhausted"


def test_a_drivers_tests_failed_epilogue_is_no_verdict_over_the_blocks_words() -> None:
    # npm's "Test failed." only says the script failed: the browser went silent before any test ran.
    text = _step(
        "npm test",
        "> app@1.0.0 test",
        "> karma start karma.conf.js",
        "Safari 17 ERROR",
        "  Disconnected, no output received for 60 seconds",
        "Safari 17: Executed 0 of 0 DISCONNECTED",
        "npm ERR! Test failed.  See above for more details.",
        code=1,
    )
    assert triage_text(text, default_ruleset()).category == "timeout"


def test_a_checkers_compiler_shaped_finding_is_named_by_the_chains_failing_link() -> None:
    # swift-format prints its findings as a compiler's diagnostics; the build link said it finished, so the
    # link that failed is the checker, though a build comes after it in the chain.
    chain = "swift build && swift-format lint --strict -r Sources && swift build -c release"
    findings = ["Sources/App/Server.swift:14:1: error: [Indentation] replace leading whitespace with 4 spaces"]
    linted = _step(chain, "Building for debugging...", "Build complete! (12.31s)", *findings, code=1)
    assert _triage(linted).category == "lint.error"
    # The first build's own error, before any word that it finished: a compile error.
    broken = ["Building for debugging...", "Sources/App/Server.swift:14:9: error: cannot find 'port' in scope"]
    assert _triage(_step(chain, *broken, code=1)).category == "compile.error"


def test_a_checkers_verdict_under_its_findings_anchors_at_the_findings() -> None:
    # Gradle's PMD task: the findings, then the verdict a rule reads, which only counts them.
    log = _step(
        "./gradlew pmdMain",
        "> Task :pmdMain FAILED",
        "/work/src/main/java/acme/Orders.java:31:\tUnusedPrivateField:\tAvoid unused private fields such as 'seen'.",
        "/work/src/main/java/acme/Orders.java:77:\tEmptyCatchBlock:\tAvoid empty catch blocks",
        "",
        "FAILURE: Build failed with an exception.",
        "",
        "* What went wrong:",
        "Execution failed for task ':pmdMain'.",
        "> 2 PMD rule violations were found. See the report at: file:///work/build/reports/pmd/main.html",
        "",
        "BUILD FAILED in 9s",
        code=1,
    )
    found = rootcause.find_cause([scan_doc(bytes_doc("", log.encode()), default_ruleset())], _never)
    assert found is not None and found.category == "lint.error"
    assert "UnusedPrivateField" in found.text
    assert found.rule is not None  # the rule that read the verdict still names it


def test_a_rules_hit_on_a_repeated_report_anchors_at_the_first_report() -> None:
    log = _step(
        "npm run bundle",
        '✘ [ERROR] Could not resolve "left-pad-ng"',
        "",
        "    src/pad.ts:1:20:",
        '      1 │ import pad from "left-pad-ng";',
        "",
        "Error: Build failed with 1 error:",
        'src/pad.ts:1:20: ERROR: Could not resolve "left-pad-ng"',
        "    at failureErrorWithLog (/app/node_modules/esbuild/lib/main.js:1651:15)",
        code=1,
    )
    found = rootcause.find_cause([scan_doc(bytes_doc("", log.encode()), default_ruleset())], _never)
    assert found is not None and found.rule is not None
    assert found.text.startswith("✘ [ERROR]")


def _gh_log(tmp_path: Path, step: str, *texts: str) -> str:
    """gh run view --log-failed output cut short: no ``##[group]Run`` line names the step, gh's column does."""
    lines = [*texts, "##[error]Process completed with exit code 1."]
    path = tmp_path / "run.log"
    path.write_text("".join(f"build\t{step}\t2025-01-02T03:04:05.0000000Z {t}\n" for t in lines))
    return str(path)


def test_a_cut_short_gh_log_is_named_by_its_failed_steps_name(tmp_path: Path) -> None:
    block = ("src/app/widget.rb:3:1: unexpected spacing", "lib/tool.go:9:4: value never read", "2 problems found")
    linted = triage_path(_gh_log(tmp_path, "Run ruff linter", *block), RS)
    assert linted.category == "lint.error" and linted.step == "ruff linter"  # the step is named where it failed
    assert triage_path(_gh_log(tmp_path, "Unit Tests", *block), RS).category == "test.failure"
    assert triage_path(_gh_log(tmp_path, "Run mvn -B package", *block), RS).category == "compile.error"


def test_a_build_tools_summary_under_a_checker_is_the_checkers_finding() -> None:
    summary = {"id": "x.summary", "category": "compile.error", "patterns": ["^error: could not build"], "priority": 30}
    rules = ruleset(extra=[{**summary, "doc": "d", "hint": "h", "confidence": 0.6}])
    body = ("warning: value never read", " --> src/a.rs:3:9", "error: could not build `app`")
    checked = triage_text(_step("cargo clippy -- -D warnings", *body, code=101), rules)
    assert (checked.rule, checked.category) == ("x.summary", "lint.error")
    assert triage_text(_step("cargo build", *body, code=101), rules).category == "compile.error"
    # Over the summary priority a rule names what failed, whatever the command.
    precise = ruleset(extra=[{**summary, "doc": "d", "hint": "h", "confidence": 0.9, "priority": 60}])
    assert triage_text(_step("cargo clippy", *body, code=101), precise).category == "compile.error"


def test_with_no_rule_a_runners_tally_above_the_block_names_the_tests_failure() -> None:
    # A catalogue without rules (a runner none knows): the tally is printed above the failures' details
    # (mocha's order), by a project script neither the tool table nor its name names.
    bare = compile_ruleset([])
    body = ["  41 passing", "  2 failing", "", "checkout totals", "error: totals differ: 3 != 4"]
    assert triage_text(_step("./ci/orders.sh", *body, code=1), bare).category == "test.failure"
    # The same block without a tally names nothing: it stays unknown rather than guessed.
    assert triage_text(_step("./ci/orders.sh", *body[3:], code=1), bare).category == "unknown"
    # A tally at the end (rspec's order, here in a Go-style runner's words) counts too.
    ginkgo = [
        "• [FAILED] store saves the order",
        "  Expected <int>: 3 to equal <int>: 4",
        "Ran 9 of 9 Specs",
        "3 Failed",
    ]
    assert triage_text(_step("./ci/orders.sh", *ginkgo, code=1), bare).category == "test.failure"


def test_a_step_limit_reached_after_an_unread_tally_is_the_tests_failure() -> None:
    # Only the platform's rules: no rule reads jest's tally (the tool table names jest), the runner hung once its
    # tests failed.
    platform = compile_ruleset(r for r in default_ruleset().rules if r.id.startswith("gha."))
    limit = "##[error]The action 'npx jest --ci' has timed out after 25 minutes."
    tests = [
        "FAIL test/orders.test.ts",
        "  expect(total).toBe(4)",
        "  Received: 3",
        "Tests: 1 failed, 47 passed, 48 total",
    ]
    d = triage_text(_step("npx jest --ci", *tests, limit), platform)
    assert (d.category, d.rule) == ("test.failure", "generic.error-block")
    # Every test passed (no failing tally): the limit is why the step failed.
    passed = ["checkout totals", "Tests: 48 passed, 48 total", limit]
    assert triage_text(_step("npx jest --ci", *passed), platform).category == "timeout"


def test_with_nothing_naming_the_command_a_diff_of_files_it_printed_is_a_format_check() -> None:
    bare = compile_ruleset([])
    diff = [
        "--- src/app/main.py",
        "+++ src/app/main.py",
        "@@ -1,2 +1,3 @@",
        "-import os,sys",
        "+import os",
        "+import sys",
    ]
    assert triage_text(_step("./ci/run.sh", *diff, code=1), bare).category == "lint.error"
    git = ["diff --git a/lib/a.rb b/lib/a.rb", "index 1..2 100644", "--- a/lib/a.rb", "+++ b/lib/a.rb", "@@ -3 +3 @@"]
    assert (
        triage_text(_step("./ci/run.sh", *git, "-  def x( y )", "+  def x(y)", code=1), bare).category == "lint.error"
    )
    # A test's expected-vs-actual diff names no file: nothing to tell, it stays unknown.
    golden = ["--- expected", "+++ actual", "@@ -1 +1 @@", "-total: 4", "+total: 3"]
    assert triage_text(_step("./ci/run.sh", *golden, code=1), bare).category == "unknown"


def test_with_nothing_naming_the_command_a_linter_s_report_is_a_lint_error() -> None:
    bare = compile_ruleset([])
    eslint = ["/w/src/api.ts", "   12:7   error  'user' is never reassigned. Use 'const'  prefer-const"]
    eslint += ["   40:18  error  Unexpected any. Specify a different type  @typescript-eslint/no-explicit-any", ""]
    stylelint = ["src/app.css", "  3:5   ✖  Expected indentation of 2 spaces   indentation"]
    stylelint += [
        '  9:12  ✖  Unexpected unknown unit "pz"       unit-no-unknown',
        "",
        "2 problems (2 errors, 0 warnings)",
    ]
    phpcs = ["FILE: /w/src/Cart.php", "FOUND 2 ERRORS AFFECTING 2 LINES", "-" * 40]
    phpcs += [" 7 | ERROR | [x] Whitespace found at end of line", " 9 | ERROR | Missing doc comment for function"]
    for report in (eslint, stylelint, phpcs):
        assert triage_text(_step("./ci/run.sh", *report, code=1), bare).category == "lint.error"
    # Warnings alone fail no job; a compiler's located errors put the file first; a row without a rule's id
    # is no report's.
    warned_only = ["Error: deploy failed: bucket not configured", "  3:8  warning  'x' is unused  no-unused-vars"]
    warned_only += ["  9:1  warning  Missing return type  explicit-function-return-type"]
    cc = ["src/io.c:12:3: error: unknown type name 'size'  ", "src/io.c:14:9: error: 'n' undeclared  "]
    rows = ["  3:5  error  Unexpected token", "  4:1  error  Unexpected end of input"]
    assert triage_text(_step("./ci/run.sh", *warned_only, code=1), bare).category != "lint.error"
    for block in (cc, rows):
        assert triage_text(_step("./ci/run.sh", *block, code=1), bare).category != "lint.error"


def _summary_rules(summary: bool = True) -> tuple[dict[str, str | int | float | bool | list[str]], ...]:
    # Only the build drivers' summaries are known: the compiler's own error lines are a tool no rule knows.
    common = {"category": "compile.error", "priority": 40, "doc": "d", "hint": "h", "confidence": 0.6}
    common["summary"] = summary
    return (
        {**common, "id": "x.gradle-summary", "patterns": ["^Execution failed for task '.*:compile"]},
        {**common, "id": "x.maven-summary", "patterns": ["Failed to execute goal .*maven-compiler-plugin"]},
        {**common, "id": "x.cargo-summary", "patterns": ["^error: could not compile"], "priority": 30},
    )


def _anchor_text(command: str, body: list[str], rules: RuleSet) -> str:
    found = rootcause.find_cause([scan_doc(bytes_doc("", _step(command, *body).encode()), rules)], _never)
    assert found is not None
    return found.text


def test_a_drivers_compile_summary_anchors_at_the_compilers_errors_above_it() -> None:
    rules = ruleset(extra=list(_summary_rules()))
    filler = [f"> Task :app:step{i} UP-TO-DATE" for i in range(8)]
    kotlin = [
        *filler,
        "> Task :app:compileKotlin FAILED",
        "e: file:///w/app/src/main/kotlin/acme/Api.kt:23:17 Unresolved reference: HttpClientX",
        "",
        "FAILURE: Build failed with an exception.",
        "",
        "* What went wrong:",
        "Execution failed for task ':app:compileKotlin'.",
        "> Compilation error. See log for more details",
        "",
        "* Try:",
        "> Run with --stacktrace option to get the stack trace.",
        "",
        "BUILD FAILED in 9s",
    ]
    found = triage_text(_step("./gradlew assemble", *kotlin, code=1), rules)
    assert (found.rule, found.category) == ("x.gradle-summary", "compile.error")  # the rule still names it
    assert any("Api.kt:23" in e.text for e in found.excerpt)
    assert "Api.kt:23:17" in _anchor_text("./gradlew assemble", kotlin, rules)
    # javac under Maven: its locations are ``File.java:[line,col]``.
    maven = [
        "[INFO] --- compiler:3.13.0:compile (default-compile) @ app ---",
        "[ERROR] /w/src/main/java/acme/Fetcher.java:[12,33] cannot find symbol",
        "  symbol:   class Optionals",
        "[INFO] 1 error",
        "[INFO] BUILD FAILURE",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile on project app",
    ]
    assert "Fetcher.java:[12,33]" in _anchor_text("mvn -B package", maven, rules)
    # The rule's ``summary`` flag says so, not its category or priority: without it the summary is the anchor.
    plain = ruleset(extra=list(_summary_rules(summary=False)))
    assert "Failed to execute goal" in _anchor_text("mvn -B package", maven, plain)
    cargo = [
        "   Compiling app v0.1.0 (/w)",
        "error[E0425]: cannot find value `port` in this scope",
        " --> src/main.rs:3:5",
        "",
        'error: could not compile `app` (bin "app") due to 1 previous error',
    ]
    assert _anchor_text("cargo build", cargo, rules).startswith("error[E0425]")


def test_a_drivers_compile_summary_with_its_own_details_stays_the_anchor() -> None:
    rules = ruleset(extra=list(_summary_rules()))
    own = [
        "[INFO] BUILD FAILURE",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile on project app",
        "[ERROR] /w/src/main/java/acme/Fetcher.java:[12,33] cannot find symbol",
    ]
    assert "Failed to execute goal" in _anchor_text("mvn -B package", own, rules)
