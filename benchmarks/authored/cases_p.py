"""Authored cases, batch p: a trigger word printed inside a failing test's own output (a missing command
the test ran on purpose, a permission or file error it asserts on, a parse error it expects, a retried
connection while a service warms up), where the runner's verdict says what failed; the same words
shared by every failing test, where they do explain the failures; and a header that only says where
(CMake's ``CMake Error at <file>:<line> (<command>):``) over the message that says what is wrong.
Several ecosystems each. Labelled before triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import (
    pytest_header,
    setup_go,
    setup_node,
    setup_python,
    setup_rust,
)
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, jenkins, travis

# ---------------------------------------------------------------- a trigger word inside one test's output

case(
    "p-pytest-missing-command-on-purpose",
    "test.failure",
    "high",
    gha(
        "acme/shellkit",
        "test",
        [
            setup_python("3.12"),
            Step("pip install -e .[test]", "Successfully installed shellkit-0.9.0 pytest-8.2.0"),
            Step(
                "pytest -q",
                f"""{pytest_header("/home/runner/work/shellkit/shellkit")}
.............F......                                                     [100%]
=================================== FAILURES ===================================
{MARK}_________________________ test_reports_missing_tool __________________________
{MARK}
{MARK}    def test_reports_missing_tool():
{MARK}        result = run_tool("frobnicate-not-installed", "--version")
{MARK}>       assert result.message == "frobnicate-not-installed is not installed"
{MARK}E       AssertionError: assert 'exit status 127' == 'frobnicate-not-installed is not installed'
{MARK}
{MARK}tests/test_run.py:58: AssertionError
{MARK}----------------------------- Captured stderr call -----------------------------
{MARK}/bin/sh: 1: frobnicate-not-installed: not found
{MARK}=========================== short test summary info ============================
{MARK}FAILED tests/test_run.py::test_reports_missing_tool - AssertionError: assert 'exit status 127' == 'frobnica...
1 failed, 19 passed in 0.61s""",
                code=1,
            ),
        ],
    ),
    "FAILED tests/test_run.py::test_reports_missing_tool - AssertionError",
    "the test runs a command that is missing on purpose and asserts on the message: the assertion failed",
)

case(
    "p-go-permission-asserted",
    "test.failure",
    "high",
    gha(
        "acme/vault-lite",
        "test",
        [
            setup_go("1.22"),
            Step(
                "go test ./...",
                f"""ok  	github.com/acme/vault-lite/crypto	0.112s
{MARK}--- FAIL: TestOpenReadOnlyDir (0.00s)
{MARK}    store_test.go:77: open /tmp/TestOpenReadOnlyDir1234/001/db: permission denied
{MARK}    store_test.go:78: expected ErrReadOnly, got *fs.PathError
{MARK}FAIL
{MARK}FAIL	github.com/acme/vault-lite/store	0.031s
ok  	github.com/acme/vault-lite/wire	0.087s
FAIL""",
                code=1,
            ),
        ],
    ),
    "--- FAIL: TestOpenReadOnlyDir ... expected ErrReadOnly, got *fs.PathError",
    "the test makes a directory read-only on purpose: the permission error is its input, the wrong error type the failure",
)

case(
    "p-rspec-command-not-found-on-purpose",
    "test.failure",
    "high",
    travis(
        "acme/runner-rb",
        "ruby",
        [
            Step(
                "bundle install --jobs=3 --retry=3", "Bundle complete! 14 Gemfile dependencies, 41 gems now installed."
            ),
            Step(
                "bundle exec rspec",
                f"""Randomized with seed 4242
..........F....

Failures:

{MARK}  1) Runner::Shell reports a missing executable with its name
{MARK}     Failure/Error: expect(result.error).to eq("nosuchtool: not installed")
{MARK}
{MARK}       expected: "nosuchtool: not installed"
{MARK}            got: "sh: 1: nosuchtool: command not found"
{MARK}
{MARK}       (compared using ==)
{MARK}     # ./spec/runner/shell_spec.rb:31:in `block (2 levels) in <top (required)>'

Finished in 0.412 seconds (files took 0.201 seconds to load)
15 examples, 1 failure

Failed examples:

rspec ./spec/runner/shell_spec.rb:27 # Runner::Shell reports a missing executable with its name""",
                code=1,
            ),
        ],
    ),
    "1) Runner::Shell reports a missing executable ... expected/got",
)

case(
    "p-jest-enoent-expected-error",
    "test.failure",
    "high",
    gha(
        "acme/confload",
        "test",
        [
            setup_node("20"),
            Step("npm ci", "added 412 packages, and audited 413 packages in 6s"),
            Step(
                "npx jest",
                f"""PASS src/merge.test.js
FAIL src/load.test.js
{MARK}  ● load › falls back to defaults when the file is missing
{MARK}
{MARK}    expect(received).toEqual(expected) // deep equality
{MARK}
{MARK}    Expected: {{"port": 8080}}
{MARK}    Received: undefined
{MARK}
{MARK}      22 |     const cfg = await load("/nonexistent/app.json");
{MARK}    > 23 |     expect(cfg).toEqual({{ port: 8080 }});
{MARK}         |                 ^
{MARK}
{MARK}    console.error
{MARK}      Error: ENOENT: no such file or directory, open '/nonexistent/app.json'
{MARK}
{MARK}      at Object.<anonymous> (src/load.test.js:23:17)

Test Suites: 1 failed, 1 passed, 2 total
Tests:       1 failed, 11 passed, 12 total
Snapshots:   0 total
Time:        1.204 s
Ran all test suites.""",
                code=1,
            ),
        ],
    ),
    "● load › falls back to defaults when the file is missing: Expected/Received",
    "the file is missing on purpose (the test is about the fallback)",
)

case(
    "p-phpunit-parse-error-message",
    "test.failure",
    "high",
    gitlab(
        "acme/tmpl-php",
        "php:8.3",
        [
            Step("composer install --no-interaction", "Generating optimized autoload files"),
            Step(
                "vendor/bin/phpunit",
                f"""PHPUnit 11.1.3 by Sebastian Bergmann and contributors.

Runtime:       PHP 8.3.7

......F..                                                           9 / 9 (100%)

Time: 00:00.081, Memory: 8.00 MB

There was 1 failure:

{MARK}1) Tmpl\\Tests\\CompilerTest::testReportsLineOfBadTemplate
{MARK}Failed asserting that 'Parse error: syntax error, unexpected end of template' contains "on line 3".
{MARK}
{MARK}/builds/acme/tmpl-php/tests/CompilerTest.php:44

FAILURES!
Tests: 9, Assertions: 21, Failures: 1.""",
                code=1,
            ),
        ],
    ),
    "1) CompilerTest::testReportsLineOfBadTemplate Failed asserting that ... contains",
)

case(
    "p-cargo-test-connection-retry-one-test",
    "test.failure",
    "medium",
    gha(
        "acme/pgpool-rs",
        "test",
        [
            setup_rust(),
            Step(
                "cargo test --all",
                f"""    Finished `test` profile [unoptimized + debuginfo] target(s) in 41.20s
     Running unittests src/lib.rs (target/debug/deps/pgpool-3f1e2d)

running 14 tests
test pool::tests::reuses_idle ... ok
test pool::tests::reconnects_after_restart ... FAILED
test pool::tests::caps_size ... ok

failures:

---- pool::tests::reconnects_after_restart stdout ----
retry 1: Connection refused (os error 111)
retry 2: Connection refused (os error 111)
{MARK}thread 'pool::tests::reconnects_after_restart' panicked at src/pool.rs:211:9:
{MARK}assertion `left == right` failed: reconnected with a stale session
{MARK}  left: 2
{MARK} right: 1

failures:
    pool::tests::reconnects_after_restart

test result: FAILED. 13 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 2.31s""",
                code=101,
            ),
        ],
    ),
    "thread 'pool::tests::reconnects_after_restart' panicked ... assertion failed",
    "the test restarts the server on purpose: the refused connections are the retries it expects",
)

# ---------------------------------------------------------------- the same words in every failing test

case(
    "p-pytest-fixture-file-missing-all",
    "file.not.found",
    "medium",
    gha(
        "acme/geoparse",
        "test",
        [
            setup_python("3.11"),
            Step(
                "pytest -q tests/test_regions.py",
                f"""{pytest_header("/home/runner/work/geoparse/geoparse")}
FFF                                                                      [100%]
=================================== FAILURES ===================================
_______________________________ test_parse_eu ________________________________
{MARK}tests/test_regions.py:9: in test_parse_eu
{MARK}    data = load("tests/data/regions.geojson")
{MARK}E   FileNotFoundError: [Errno 2] No such file or directory: 'tests/data/regions.geojson'
_______________________________ test_parse_us ________________________________
tests/test_regions.py:14: in test_parse_us
    data = load("tests/data/regions.geojson")
E   FileNotFoundError: [Errno 2] No such file or directory: 'tests/data/regions.geojson'
______________________________ test_parse_apac _______________________________
tests/test_regions.py:19: in test_parse_apac
    data = load("tests/data/regions.geojson")
E   FileNotFoundError: [Errno 2] No such file or directory: 'tests/data/regions.geojson'
=========================== short test summary info ============================
FAILED tests/test_regions.py::test_parse_eu - FileNotFoundError: [Errno 2] No such file or directory: 'tes...
FAILED tests/test_regions.py::test_parse_us - FileNotFoundError: [Errno 2] No such file or directory: 'tes...
FAILED tests/test_regions.py::test_parse_apac - FileNotFoundError: [Errno 2] No such file or directory: 'te...
3 failed in 0.12s""",
                code=1,
            ),
        ],
    ),
    "FileNotFoundError: ... 'tests/data/regions.geojson' in every failing test",
    "a data file every test needs is not in the checkout (git-lfs not pulled)",
)

case(
    "p-mocha-service-refused-all",
    "network",
    "medium",
    jenkins(
        "acme/orders-api",
        "orders-api/main",
        [
            Step("npm ci", "added 803 packages in 14s"),
            Step(
                "npm test",
                f"""
> orders-api@2.3.0 test
> mocha test/**/*.spec.js

  orders
    1) creates an order
    2) lists orders
    3) cancels an order


  0 passing (63ms)
  3 failing

  1) orders
       creates an order:
{MARK}     Error: connect ECONNREFUSED 127.0.0.1:5432
{MARK}      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)

  2) orders
       lists orders:
     Error: connect ECONNREFUSED 127.0.0.1:5432
      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)

  3) orders
       cancels an order:
     Error: connect ECONNREFUSED 127.0.0.1:5432
      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)
""",
                code=3,
            ),
        ],
    ),
    "Error: connect ECONNREFUSED 127.0.0.1:5432 in every failing test",
    "the database service the tests need was not started",
)

# ---------------------------------------------------------------- a header that only says where

case(
    "p-cmake-find-package-config",
    "dependency.missing",
    "high",
    gha(
        "acme/logfmt-cpp",
        "build",
        [
            Step(
                "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release",
                f"""-- The CXX compiler identification is GNU 11.4.0
-- Detecting CXX compiler ABI info - done
-- Check for working CXX compiler: /usr/bin/c++ - skipped
-- Found Threads: TRUE
{MARK}CMake Error at CMakeLists.txt:18 (find_package):
{MARK}  By not providing "Findfmt.cmake" in CMAKE_MODULE_PATH this project has
{MARK}  asked CMake to find a package configuration file provided by "fmt", but
{MARK}  CMake did not find one.
{MARK}
{MARK}  Could not find a package configuration file provided by "fmt" with any of
{MARK}  the following names:
{MARK}
{MARK}    fmtConfig.cmake
{MARK}    fmt-config.cmake

-- Configuring incomplete, errors occurred!""",
                code=1,
            ),
        ],
    ),
    'Could not find a package configuration file provided by "fmt"',
)

case(
    "p-cmake-include-missing-file",
    "file.not.found",
    "medium",
    travis(
        "acme/rtaudio-ext",
        "cpp",
        [
            Step(
                "cmake -S . -B build",
                f"""-- The C compiler identification is GNU 9.4.0
-- The CXX compiler identification is GNU 9.4.0
{MARK}CMake Error at CMakeLists.txt:7 (include):
{MARK}  include could not find requested file:
{MARK}
{MARK}    cmake/Warnings.cmake

-- Configuring incomplete, errors occurred!
See also "/home/travis/build/acme/rtaudio-ext/build/CMakeFiles/CMakeOutput.log".""",
                code=1,
            ),
        ],
    ),
    "include could not find requested file: cmake/Warnings.cmake",
    "a file the build includes is not in the repository (not committed)",
)

# ---------------------------------------------------------------- a checker a test target runs first
# Written after the fix for this class (rootcause: a checker's command line above the error block), as a check.

case(
    "p-make-test-codespell-echo",
    "lint.error",
    "high",
    travis(
        "acme/docsite",
        "python",
        [
            Step("pip install -r requirements-dev.txt", "Successfully installed codespell-2.2.6 pytest-8.2.0"),
            Step(
                "make test",
                f"""codespell src docs
{MARK}src/render.py:48: recieve ==> receive
{MARK}docs/usage.md:112: seperate ==> separate
make: *** [Makefile:9: test] Error 65""",
                code=2,
            ),
        ],
    ),
    "codespell findings: recieve ==> receive",
)

case(
    "p-npm-test-stylelint-before-jest",
    "lint.error",
    "high",
    gha(
        "acme/widgets",
        "test",
        [
            setup_node("20"),
            Step("npm ci", "added 902 packages, and audited 903 packages in 11s"),
            Step(
                "npm test",
                f"""
> widgets@3.1.0 test
> stylelint "src/**/*.css" && jest

{MARK}src/button.css
{MARK}  14:3  ✖  Unexpected unknown property "colr"  property-no-unknown
{MARK}
{MARK}1 problem (1 error, 0 warnings)
""",
                code=2,
            ),
        ],
    ),
    'Unexpected unknown property "colr"  property-no-unknown',
)

case(
    "p-make-ci-mdl-echo",
    "lint.error",
    "medium",
    jenkins(
        "acme/handbook",
        "handbook/main",
        [
            Step(
                "make ci",
                f"""mdl --style .mdlrc.rb README.md docs/
{MARK}README.md:3: MD013 Line length
{MARK}docs/setup.md:27: MD040 Fenced code blocks should have a language specified
{MARK}
{MARK}A detailed description of the rules is available at https://github.com/markdownlint/markdownlint/blob/main/docs/RULES.md
make: *** [Makefile:4: ci] Error 1""",
                code=2,
            ),
        ],
    ),
    "README.md:3: MD013 Line length",
)

case(
    "p-make-check-harness-after-yamllint",
    "test.failure",
    "medium",
    gitlab(
        "acme/netcfg",
        "python:3.12",
        [
            Step(
                "make check",
                f"""yamllint -s config/
./scripts/run-tests.sh
running 24 cases
{MARK}case 17 (vlan-trunk): FAIL
{MARK}  want: mtu 9000
{MARK}  got:  mtu 1500
23 passed, 1 failed
make: *** [Makefile:6: check] Error 1""",
                code=2,
            ),
        ],
    ),
    "case 17 (vlan-trunk): FAIL",
    "the lint passed silently; the project's own harness failed a case",
)
