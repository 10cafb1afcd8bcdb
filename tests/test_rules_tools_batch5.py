"""Rules from tools' documented messages (batch ao's classes: a browser the test runner cannot find, a build tool
cabal needs, maven-enforcer's convergence report, javac's dropped source level, automake's test harness, SpotBugs'
bug lines), on small synthetic logs of several ecosystems, and the lines that look like them but report nothing
wrong."""

from __future__ import annotations

import pytest

from autoheal.rules import default_ruleset
from tests.helpers import assert_named, hit_ids

RS = default_ruleset()

KARMA = """$ npm test
> karma start --single-run --browsers FirefoxHeadless
11 05 2021 09:00:01.200:INFO [launcher]: Launching browsers FirefoxHeadless with concurrency unlimited
11 05 2021 09:00:01.201:ERROR [launcher]: No binary for FirefoxHeadless browser on your platform.
  Please, set "FIREFOX_BIN" env variable.
The command "npm test" exited with 1.
"""
PLAYWRIGHT = """##[group]Run npx playwright test
##[endgroup]
  1) [webkit] › e2e/cart.spec.ts:9:3 › adds an item
    Error: browserType.launch: Executable doesn't exist at /home/runner/.cache/ms-playwright/webkit-2035/pw_run.sh
  1 failed
##[error]Process completed with exit code 1.
"""
CABAL = """+ cabal build exe:lexer
Configuring executable 'lexer' for lexer-0.3..
Setup: The program 'alex' version >=3.2 is required but it could not be found.
ERROR: script returned exit code 1
"""
ENFORCER = """[INFO] --- enforcer:3.4.1:enforce (upper-bounds) @ web ---
[WARNING]
Require upper bound dependencies error for org.slf4j:slf4j-api:1.7.25 paths to dependency are:
+-com.acme:web:2.0
  +-org.slf4j:slf4j-api:1.7.25
[WARNING] Rule 0: org.apache.maven.enforcer.rules.dependency.RequireUpperBoundDeps failed with message:
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin:3.4.1:enforce (upper-bounds) on project web: Some Enforcer rules have failed.
"""
JAVAC_LEVEL = """> Task :compileJava FAILED
error: Source option 7 is no longer supported. Use 8 or later.
FAILURE: Build failed with an exception.
"""
AUTOMAKE = """make  check-TESTS
PASS: tests/t-basic.sh
FAIL: tests/t-regex.sh
# TOTAL: 2
# PASS:  1
# FAIL:  1
See tests/test-suite.log
make[2]: *** [Makefile:1100: test-suite.log] Error 1
"""
SPOTBUGS = """[INFO] --- spotbugs:4.8.3.0:check (default) @ core ---
[INFO] BugInstance size is 1
[ERROR] High: Found reliance on default encoding in a.Io.read(String): new java.io.FileReader(String) [a.Io] At Io.java:[line 42] DM_DEFAULT_ENCODING
[INFO] BUILD FAILURE
"""


CASES = [
    (KARMA, "command.not.found", "node.browser-not-installed", 4),  # not the test run that exits
    (PLAYWRIGHT, "command.not.found", "node.browser-not-installed", 4),
    (CABAL, "command.not.found", "haskell.build-tool-missing", 3),
    (ENFORCER, "dependency.resolution", "maven.enforcer-convergence", 3),
    (JAVAC_LEVEL, "runtime.version", "jvm.unsupported-version", 2),  # not a compile error in the code
    (AUTOMAKE, "test.failure", "c.automake-test-suite", 3),  # not unittest's FAIL:
    (SPOTBUGS, "lint.error", "java.lint", 3),
]


@pytest.mark.parametrize(("log", "category", "rule", "line"), CASES)
def test_a_tools_documented_message_names_the_failure(log: str, category: str, rule: str, line: int) -> None:
    assert_named(log, RS, category, rule, line)


@pytest.mark.parametrize(
    "line",
    [
        "11 05 2021 09:00:01.200:INFO [launcher]: Launching browsers ChromeHeadless with concurrency unlimited",
        "Downloading Chromium 124.0.6367.29 (playwright build v1112) from https://playwright.azureedge.net/",
        "Configuring library for lang-frontend-0.1.0..",
        "[INFO] --- maven-enforcer-plugin:3.1.0:enforce (enforce) @ data-sync ---",
        "[INFO] Rule 0: org.apache.maven.enforcer.rules.dependency.DependencyConvergence passed",
        "warning: [options] source value 8 is obsolete and will be removed in a future release",
        "# FAIL:  0",
        "PASS: tests/t-basic.sh",
        "[INFO] BugInstance size is 0",
    ],
)
def test_lines_that_only_look_like_them_hit_none_of_them(line: str) -> None:
    assert not {rule for _, _, rule, _ in CASES} & hit_ids(RS, line)
