"""Authored cases, third batch: the classes the dev held half confuses (lint and timeouts read as
test failures), in CI shapes and tools the earlier batches lack. Labelled before triage ran."""

from __future__ import annotations

from benchmarks.authored.cases_a import PIP, case
from benchmarks.authored.noise import (
    gradle_head,
    npm_ci,
    pip_install,
    pytest_dots,
    setup_java,
    setup_node,
    setup_python,
)
from benchmarks.authored.shapes import Step, azure, gha, gitlab, plain, travis

PYFILES = ["tests/test_io.py", "tests/test_merge.py", "tests/test_schema.py"]

case(
    "gitlab-job-timeout",
    "timeout",
    "high",
    gitlab(
        "acme/simulator",
        "python:3.11",
        [
            Step("pip install -r requirements.txt", pip_install([("numpy", "1.26.4"), ("scipy", "1.13.0")])),
            Step(
                "pytest -v tests/long",
                "tests/long/test_runs.py::test_scenario[0] PASSED\ntests/long/test_runs.py::test_scenario[1] PASSED\n"
                "tests/long/test_runs.py::test_scenario[2]",
            ),
        ],
        end="§ERROR: Job failed: execution took longer than 1h0m0s seconds",
    ),
    "ERROR: Job failed: execution took longer than 1h0m0s seconds",
    "GitLab's job timeout",
)

case(
    "circleci-no-output-timeout",
    "timeout",
    "high",
    plain(
        """#!/bin/bash -eo pipefail
./gradlew connectedCheck
> Task :app:connectedDebugAndroidTest
Starting 41 tests on emulator-5554 - 14

§Too long with no output (exceeded 10m0s): context deadline exceeded""",
        name="android-app",
    ),
    "Too long with no output (exceeded 10m0s): context deadline exceeded",
)

case(
    "azure-job-timeout",
    "timeout",
    "high",
    azure(
        "acme/native-lib",
        "Job linux_tests",
        [
            Step(
                "ctest --output-on-failure",
                """Test project /home/vsts/work/1/s/build
    Start 1: unit_core
1/3 Test #1: unit_core ........................   Passed    2.11 sec
    Start 2: stress_alloc
§##[error]The job running on agent Azure Pipelines 5 ran longer than the maximum time of 60 minutes. For more information, see https://go.microsoft.com/fwlink/?linkid=2077134
§##[error]The operation was canceled.""",
                name="Test",
            ),
        ],
    ),
    "The job running on agent Azure Pipelines 5 ran longer than the maximum time of 60 minutes.",
)

case(
    "mocha-test-timeout-travis",
    "timeout",
    "medium",
    travis(
        "oldcorp/queue-client",
        "node_js",
        [
            Step("npm ci", npm_ci(211), name="install"),
            Step(
                "npm test",
                """
> queue-client@1.4.0 test
> mocha --timeout 2000


  Client
    ✓ connects
    ✓ publishes
    1) consumes with ack


  2 passing (2s)
  1 failing

§  1) Client
§       consumes with ack:
§     Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called; if returning a Promise, ensure it resolves. (/home/travis/build/oldcorp/queue-client/test/client.test.js)
§      at listOnTimeout (node:internal/timers:573:17)
§      at process.processTimers (node:internal/timers:514:7)""",
                code=1,
            ),
        ],
        cache="/home/travis/.npm",
    ),
    "Error: Timeout of 2000ms exceeded.",
    "a test framework's per-test timeout (alt test.failure)",
)

case(
    "travis-script-lint-after-test",
    "lint.error",
    "high",
    travis(
        "oldcorp/widgets",
        "node_js",
        [
            Step("npm ci", npm_ci(402), name="install"),
            Step(
                "npm test",
                "\n> widgets@0.9.0 test\n> jest\n\nPASS src/a.test.js\nPASS src/b.test.js\n\nTest Suites: 2 passed, 2 total\n"
                "Tests:       31 passed, 31 total\nSnapshots:   0 total\nTime:        3.1 s",
            ),
            Step(
                "npm run lint",
                """
> widgets@0.9.0 lint
> standard

§standard: Use JavaScript Standard Style (https://standardjs.com)
§  /home/travis/build/oldcorp/widgets/src/charts/line.js:14:3: Expected '===' and instead saw '=='. (eqeqeq)
§  /home/travis/build/oldcorp/widgets/src/charts/line.js:22:1: Extra semicolon. (semi)""",
                code=1,
            ),
        ],
        cache="/home/travis/.npm",
    ),
    "line.js:14:3: Expected '===' and instead saw '=='. (eqeqeq)",
    "the tests passed; the lint command after them failed",
)

case(
    "tox-envlist-flake8-travis",
    "lint.error",
    "high",
    travis(
        "oldcorp/confparse",
        "python",
        [
            Step("pip install tox", pip_install([("tox", "3.28.0"), ("py", "1.11.0")]), name="install"),
            Step(
                "tox",
                """GLOB sdist-make: /home/travis/build/oldcorp/confparse/setup.py
py38 create: /home/travis/build/oldcorp/confparse/.tox/py38
py38 installdeps: pytest
py38 inst: /home/travis/build/oldcorp/confparse/.tox/.tmp/package/1/confparse-1.2.0.zip
py38 run-test-pre: PYTHONHASHSEED='1804123'
py38 run-test: commands[0] | pytest -q
"""
                + pytest_dots(PYFILES)
                + """
41 passed in 0.88s
flake8 create: /home/travis/build/oldcorp/confparse/.tox/flake8
flake8 installdeps: flake8
flake8 run-test: commands[0] | flake8 confparse
§confparse/loader.py:31:1: E303 too many blank lines (3)
§confparse/loader.py:77:80: E501 line too long (88 > 79 characters)
§ERROR: InvocationError for command /home/travis/build/oldcorp/confparse/.tox/flake8/bin/flake8 confparse (exited with code 1)
___________________________________ summary ____________________________________
  py38: commands succeeded
ERROR:   flake8: commands failed""",
                code=1,
            ),
        ],
    ),
    "confparse/loader.py:31:1: E303 too many blank lines (3)",
    "tox runs the tests (pass) then flake8 (fails) in one command",
)

case(
    "gradle-check-checkstyle-gha",
    "lint.error",
    "high",
    gha(
        "acme/search",
        "check",
        [
            setup_java(),
            Step(
                "./gradlew check",
                gradle_head()
                + """
> Task :compileJava
> Task :classes
> Task :checkstyleMain
§[ant:checkstyle] [ERROR] /home/runner/work/search/search/src/main/java/com/acme/search/Index.java:41:5: 'method def modifier' has incorrect indentation level 4, expected level should be 2. [Indentation]
§[ant:checkstyle] [ERROR] /home/runner/work/search/search/src/main/java/com/acme/search/Index.java:88: Line is longer than 100 characters (found 112). [LineLength]

> Task :checkstyleMain FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':checkstyleMain'.
> Checkstyle rule violations were found. See the report at: file:///home/runner/work/search/search/build/reports/checkstyle/main.html
  Checkstyle files with violations: 1
  Checkstyle violations by severity: [error:2]

* Try:
> Run with --scan to get full insights.

BUILD FAILED in 38s""",
                code=1,
            ),
        ],
    ),
    "Index.java:41:5: 'method def modifier' has incorrect indentation level 4 [Indentation]",
)

case(
    "npm-test-runs-eslint-first-gha",
    "lint.error",
    "high",
    gha(
        "acme/cli-tool",
        "test",
        [
            setup_node(),
            Step("npm ci", npm_ci(301)),
            Step(
                "npm test",
                """
> cli-tool@2.0.1 pretest
> eslint src test

§/home/runner/work/cli-tool/cli-tool/src/args.js
§  9:10  error  'path' is defined but never used  no-unused-vars
§
§✖ 1 problem (1 error, 0 warnings)
""",
                code=1,
            ),
        ],
    ),
    "9:10  error  'path' is defined but never used  no-unused-vars",
    "npm's pretest script lints before the tests run",
)

case(
    "pytest-step-cancelled-gha",
    "timeout",
    "high",
    gha(
        "acme/crawler",
        "test",
        [
            setup_python(),
            PIP,
            Step(
                "pytest -v",
                """tests/test_fetch.py::test_get PASSED                                      [ 10%]
tests/test_fetch.py::test_redirect PASSED                                 [ 20%]
tests/test_fetch.py::test_retry_on_503 PASSED                             [ 30%]
§tests/test_crawl.py::test_follow_links
§##[error]The action 'Run tests' has timed out after 20 minutes.""",
            ),
        ],
    ),
    "The action 'Run tests' has timed out after 20 minutes.",
)
