"""Authored cases, batch m: log shapes users hand us that the real public2 batch showed we had not
tuned on. ``gh run view --log`` output (``job<TAB>step<TAB>timestamp text``), lines behind a
monorepo task runner's prefix (turbo, pnpm ``-r``, yarn workspaces foreach, lerna/nx with scoped
names), test runners' own timeout wording, a generic tool header whose message says what is
missing, and a whole log under a common indent. Labelled before triage ran on them (first run:
see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import pytest_header, setup_go, setup_java, setup_node, setup_python, setup_rust
from benchmarks.authored.shapes import MARK, Log, Step, gha, travis


def gh_cli(log: Log, job: str, failed_only: bool = False) -> Log:
    """``log`` (a timestamped GitHub Actions job log) as ``gh run view --log`` prints it.

    Each line gets the job and the step it belongs to; ``failed_only`` keeps the failed step's lines
    only (``--log-failed``).
    """
    out, step, failed, kept = Log(), "Set up job", "", []
    for number, line in enumerate(log.lines, 1):
        body = line.split(" ", 1)[1] if " " in line else ""
        if body.startswith("##[group]Run "):
            step = body[len("##[group]") :][:60]
        elif body.startswith("Post job cleanup."):
            step = "Post Run actions/checkout@v4"
        elif body.startswith("Cleaning up orphan processes"):
            step = "Complete job"
        if body.startswith("##[error]"):
            failed = step
        kept.append((number, step, line))
    for number, name, line in kept:
        if failed_only and name != failed:
            continue
        if number in log.span:
            out.span.append(len(out.lines) + 1)
        out.lines.append(f"{job}\t{name}\t{line}")
    return out


def indented(log: Log, indent: str) -> Log:
    """``log`` pasted with a common indent (a fixture in a test file, a quoted block in a document)."""
    out = Log()
    out.lines = [indent + line if line else line for line in log.lines]
    out.span = log.span
    return out


# ---------------------------------------------------------------- gh run view --log

case(
    "m-ghcli-pytest-assert",
    "test.failure",
    "high",
    gh_cli(
        gha(
            "acme/ledger",
            "test (3.12)",
            [
                setup_python("3.12"),
                Step("pip install -e .[test]", "Successfully installed ledger-0.4.1 pytest-8.2.0"),
                Step(
                    "pytest -q",
                    f"""{pytest_header("/home/runner/work/ledger/ledger")}
..........F.....                                                         [100%]
=================================== FAILURES ===================================
______________________________ test_balance_rounds ______________________________

    def test_balance_rounds():
>       assert Ledger().balance(0.1 + 0.2) == 0.3
E       assert 0.30000000000000004 == 0.3

tests/test_ledger.py:41: AssertionError
=========================== short test summary info ============================
{MARK}FAILED tests/test_ledger.py::test_balance_rounds - assert 0.30000000000000004 == 0.3
1 failed, 15 passed in 0.42s""",
                    code=1,
                ),
            ],
        ),
        "test (3.12)",
    ),
    "FAILED tests/test_ledger.py::test_balance_rounds",
)

case(
    "m-ghcli-rust-e0308",
    "compile.error",
    "high",
    gh_cli(
        gha(
            "acme/kvstore",
            "Build",
            [
                setup_rust(),
                Step(
                    "cargo build --locked",
                    f"""   Compiling libc v0.2.155
   Compiling serde v1.0.203
   Compiling kvstore v0.3.0 (/home/runner/work/kvstore/kvstore)
{MARK}error[E0308]: mismatched types
{MARK}  --> src/store.rs:88:20
{MARK}   |
{MARK}88 |         self.len = count;
{MARK}   |                    ^^^^^ expected `usize`, found `u32`
{MARK}   |
For more information about this error, try `rustc --explain E0308`.
error: could not compile `kvstore` (lib) due to 1 previous error""",
                    code=101,
                ),
            ],
        ),
        "Build",
    ),
    "error[E0308]: mismatched types",
)

case(
    "m-ghcli-go-test-failed-only",
    "test.failure",
    "high",
    gh_cli(
        gha(
            "acme/router",
            "unit",
            [
                setup_go("1.22"),
                Step(
                    "go test ./...",
                    f"""ok  	github.com/acme/router/internal/trie	0.012s
{MARK}--- FAIL: TestMatchWildcard (0.00s)
{MARK}    match_test.go:57: Match("/static/*") = false, want true
FAIL
FAIL	github.com/acme/router	0.021s
FAIL""",
                    code=1,
                ),
            ],
        ),
        "unit",
        failed_only=True,
    ),
    "--- FAIL: TestMatchWildcard",
)

case(
    "m-ghcli-eslint",
    "lint.error",
    "high",
    gh_cli(
        gha(
            "acme/dashboard",
            "lint",
            [
                setup_node("20"),
                Step("npm ci", "added 812 packages, and audited 813 packages in 14s"),
                Step(
                    "npx eslint . --max-warnings 0",
                    f"""
{MARK}/home/runner/work/dashboard/dashboard/src/charts/Bar.tsx
{MARK}  14:7  error  'width' is assigned a value but never used  @typescript-eslint/no-unused-vars
{MARK}  31:3  error  React Hook useEffect has a missing dependency: 'data'  react-hooks/exhaustive-deps
{MARK}
{MARK}✖ 2 problems (2 errors, 0 warnings)
""",
                    code=1,
                ),
            ],
        ),
        "lint",
    ),
    "eslint errors",
)

# ---------------------------------------------------------------- monorepo task runners' prefixes


def turbo(pkg: str, task: str, text: str) -> str:
    return "\n".join(
        (MARK if line.startswith(MARK) else "") + f"{pkg}:{task}: " + line.lstrip(MARK) for line in text.split("\n")
    )


def pnpm_r(path: str, script: str, text: str) -> str:
    return "\n".join(
        (MARK if line.startswith(MARK) else "") + f"{path} {script}: " + line.lstrip(MARK) for line in text.split("\n")
    )


def yarn_foreach(pkg: str, text: str) -> str:
    return "\n".join(
        (MARK if line.startswith(MARK) else "") + f"[{pkg}]: " + line.lstrip(MARK) for line in text.split("\n")
    )


def lerna(pkg: str, text: str) -> str:
    return "\n".join(
        (MARK if line.startswith(MARK) else "") + f"{pkg}: " + line.lstrip(MARK) for line in text.split("\n")
    )


case(
    "m-turbo-vitest-assert",
    "test.failure",
    "high",
    gha(
        "acme/shop",
        "test",
        [
            setup_node("20"),
            Step("pnpm install --frozen-lockfile", "Done in 9.1s"),
            Step(
                "pnpm turbo run test",
                """• Packages in scope: @acme/ui, web
• Running test in 2 packages
@acme/ui:test: cache miss, executing 3f2a9c1d0e8b7a66
"""
                + turbo("@acme/ui", "test", "> vitest run\n\n ✓ src/button.test.tsx (4 tests) 22ms")
                + "\nweb:test: cache miss, executing 9a8b7c6d5e4f3a21\n"
                + turbo(
                    "web",
                    "test",
                    f"""> vitest run

{MARK} FAIL  src/cart.test.ts > cart > applies the discount
{MARK}AssertionError: expected 90 to be 81 // Object.is equality
{MARK}
{MARK}- Expected
{MARK}+ Received
{MARK}
{MARK}- 81
{MARK}+ 90
{MARK}
{MARK} ❯ src/cart.test.ts:33:26
 Test Files  1 failed | 5 passed (6)
      Tests  1 failed | 41 passed (42)
 ELIFECYCLE  Test failed. See above for more details.""",
                )
                + """
web:test: ERROR: command finished with error: command (/home/runner/work/shop/shop/apps/web) /home/runner/setup-pnpm/node_modules/.bin/pnpm run test exited (1)
web#test: command (/home/runner/work/shop/shop/apps/web) /home/runner/setup-pnpm/node_modules/.bin/pnpm run test exited (1)

 Tasks:    1 successful, 2 total
Cached:    0 cached, 2 total
  Time:    6.214s
Failed:    web#test

 ERROR  run failed: command  exited (1)""",
                code=1,
            ),
        ],
    ),
    "FAIL src/cart.test.ts > cart > applies the discount",
)

case(
    "m-pnpm-recursive-tsc",
    "compile.error",
    "high",
    gha(
        "acme/platform",
        "build",
        [
            setup_node("20"),
            Step("pnpm install --frozen-lockfile", "Done in 12.4s"),
            Step(
                "pnpm -r run build",
                """Scope: 3 of 4 workspace projects
packages/config build$ tsc -p tsconfig.build.json
packages/config build: Done
packages/core build$ tsc -p tsconfig.build.json
"""
                + pnpm_r(
                    "packages/core",
                    "build",
                    f"""{MARK}src/queue.ts(42,11): error TS2322: Type 'string | undefined' is not assignable to type 'string'.
{MARK}  Type 'undefined' is not assignable to type 'string'.
Failed""",
                )
                + """
/home/runner/work/platform/platform/packages/core:
 ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL  @acme/core@2.1.0 build: `tsc -p tsconfig.build.json`
Exit status 2""",
                code=2,
            ),
        ],
    ),
    "error TS2322",
)

case(
    "m-yarn-foreach-jest",
    "test.failure",
    "high",
    gha(
        "acme/services",
        "test",
        [
            setup_node("20"),
            Step(
                "yarn install --immutable",
                "➤ YN0000: ┌ Resolution step\n➤ YN0000: └ Completed\n➤ YN0000: Done in 7s 310ms",
            ),
            Step(
                "yarn workspaces foreach -A --verbose run test",
                yarn_foreach("@acme/auth", "PASS src/token.test.ts\nTests:       8 passed, 8 total")
                + "\n[@acme/auth]: Process exited (exit code 0), completed in 3s 120ms\n"
                + yarn_foreach(
                    "@acme/billing",
                    f"""FAIL src/invoice.test.ts
{MARK}  ● invoice › totals include tax
{MARK}
{MARK}    expect(received).toBe(expected) // Object.is equality
{MARK}
{MARK}    Expected: 119
{MARK}    Received: 100
{MARK}
{MARK}      at Object.<anonymous> (src/invoice.test.ts:27:24)
Tests:       1 failed, 11 passed, 12 total""",
                )
                + "\n[@acme/billing]: Process exited (exit code 1), completed in 4s 2ms\n➤ YN0000: The command failed in workspace @acme/billing@workspace:packages/billing with exit code 1\n➤ YN0000: Failed with errors in 7s 140ms",
                code=1,
            ),
        ],
    ),
    "● invoice › totals include tax",
)

case(
    "m-lerna-scoped-eslint",
    "lint.error",
    "high",
    gha(
        "acme/widgets",
        "lint",
        [
            setup_node("18"),
            Step("npm ci", "added 1034 packages in 21s"),
            Step(
                "npx lerna run lint --stream",
                """lerna notice cli v8.1.2
lerna info Executing command in 2 packages: "npm run lint"
"""
                + lerna("@acme/core", "> @acme/core@1.0.0 lint\n> eslint src\n")
                + "\n"
                + lerna(
                    "@acme/forms",
                    f"""> @acme/forms@1.0.0 lint
> eslint src

{MARK}/home/runner/work/widgets/widgets/packages/forms/src/field.js
{MARK}  9:10  error  'useState' is defined but never used  no-unused-vars
{MARK}
{MARK}✖ 1 problem (1 error, 0 warnings)""",
                )
                + """
lerna ERR! npm run lint exited 1 in '@acme/forms'""",
                code=1,
            ),
        ],
    ),
    "eslint no-unused-vars",
)

# ---------------------------------------------------------------- test runners' own timeout wording

case(
    "m-vitest-test-timeout",
    "timeout",
    "high",
    gha(
        "acme/sync",
        "test",
        [
            setup_node("20"),
            Step("npm ci", "added 402 packages in 8s"),
            Step(
                "npx vitest run",
                f""" RUN  v1.6.0 /home/runner/work/sync/sync

 ✓ src/diff.test.ts (12 tests) 31ms
 ❯ src/remote.test.ts (3 tests | 1 failed) 20042ms
   × remote > pulls the latest snapshot 20003ms
     → Test timed out in 20000ms.

⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯

{MARK} FAIL  src/remote.test.ts > remote > pulls the latest snapshot
{MARK}Error: Test timed out in 20000ms.
{MARK}If this is a long-running test, pass a timeout value as the last argument or configure it globally with "testTimeout".
 ❯ src/remote.test.ts:18:3

 Test Files  1 failed | 1 passed (2)
      Tests  1 failed | 14 passed (15)""",
                code=1,
            ),
        ],
    ),
    "Error: Test timed out in 20000ms.",
)

case(
    "m-jest-exceeded-timeout",
    "timeout",
    "high",
    gha(
        "acme/mailer",
        "test",
        [
            setup_node("18"),
            Step("npm ci", "added 655 packages in 11s"),
            Step(
                "npm test -- --ci",
                f"""> mailer@2.0.0 test
> jest --ci

PASS src/template.test.js
FAIL src/smtp.test.js (6.212 s)
{MARK}  ● smtp › delivers to the relay
{MARK}
{MARK}    thrown: "Exceeded timeout of 5000 ms for a test.
{MARK}    Add a timeout value to this test to increase the timeout, if this is a long-running test. See https://jestjs.io/docs/api#testname-fn-timeout."
{MARK}
{MARK}      12 |   it("delivers to the relay", async () => {{
{MARK}         |   ^

Test Suites: 1 failed, 1 passed, 2 total
Tests:       1 failed, 9 passed, 10 total""",
                code=1,
            ),
        ],
    ),
    "Exceeded timeout of 5000 ms for a test",
)

case(
    "m-mocha-timeout-travis",
    "timeout",
    "high",
    travis(
        "acme/queue",
        "node_js",
        [
            Step("npm install", "added 311 packages in 6.2s"),
            Step(
                "npm test",
                f"""> queue@1.3.0 test
> mocha --recursive

  Queue
    ✓ enqueues in order
    1) drains on shutdown

  1 passing (2s)
  1 failing

{MARK}  1) Queue
{MARK}       drains on shutdown:
{MARK}     Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called; if returning a Promise, ensure it resolves. (/home/travis/build/acme/queue/test/queue.test.js)
      at listOnTimeout (node:internal/timers:573:17)""",
                code=1,
            ),
        ],
    ),
    "Error: Timeout of 2000ms exceeded",
)

case(
    "m-pytest-timeout-plugin",
    "timeout",
    "high",
    gha(
        "acme/crawler",
        "test (3.11)",
        [
            setup_python("3.11"),
            Step("pip install -e .[test]", "Successfully installed crawler-1.0.0 pytest-timeout-2.3.1"),
            Step(
                "pytest --timeout=60",
                f"""{pytest_header("/home/runner/work/crawler/crawler", "timeout-2.3.1")}
timeout: 60.0s
timeout method: signal
tests/test_fetch.py ....F

=================================== FAILURES ===================================
_____________________________ test_fetch_retries _____________________________
    def test_fetch_retries():
>       assert fetch_with_retry("http://127.0.0.1:9/slow").ok
{MARK}E       Failed: Timeout >60.0s
{MARK}
{MARK}tests/test_fetch.py:30: Failed
{MARK}=========================== short test summary info ============================
{MARK}FAILED tests/test_fetch.py::test_fetch_retries - Failed: Timeout >60.0s
1 failed, 4 passed in 61.37s""",
                code=1,
            ),
        ],
    ),
    "Failed: Timeout >60.0s",
)

case(
    "m-go-test-timed-out",
    "timeout",
    "high",
    gha(
        "acme/raft",
        "test",
        [
            setup_go("1.22"),
            Step(
                "go test -timeout 10m ./...",
                f"""ok  	github.com/acme/raft/log	1.204s
{MARK}panic: test timed out after 10m0s
{MARK}	running tests:
{MARK}		TestElectionUnderPartition (9m58s)

goroutine 88 [running]:
testing.(*M).startAlarm.func1()
	/opt/hostedtoolcache/go/1.22.4/x64/src/testing/testing.go:2366 +0x385
FAIL	github.com/acme/raft	600.021s
FAIL""",
                code=1,
            ),
        ],
    ),
    "panic: test timed out after 10m0s",
)

# ---------------------------------------------------------------- a generic header, a specific message

case(
    "m-cmake-message-missing-tool",
    "dependency.missing",
    "high",
    gha(
        "acme/fastgeo",
        "build",
        [
            setup_python("3.12"),
            Step(
                "cmake -S . -B build -DBUILD_TESTING=ON",
                f"""-- The CXX compiler identification is GNU 13.2.0
-- Detecting CXX compiler ABI info - done
-- Found Python3: /opt/hostedtoolcache/Python/3.12.4/x64/bin/python3.12 (found version "3.12.4") found components: Interpreter
{MARK}CMake Error at cmake/PythonTests.cmake:19 (message):
{MARK}  The Python test suite requires pytest, which was not found for
{MARK}  /opt/hostedtoolcache/Python/3.12.4/x64/bin/python3.12.  Install pytest
{MARK}  (pip install pytest) or configure with -DBUILD_TESTING=OFF.
Call Stack (most recent call first):
  CMakeLists.txt:48 (include)


-- Configuring incomplete, errors occurred!""",
                code=1,
            ),
        ],
    ),
    "requires pytest ... Install pytest",
)

case(
    "m-cmake-message-old-compiler",
    "runtime.version",
    "medium",
    gha(
        "acme/simdkit",
        "build",
        [
            Step(
                "cmake -S . -B build",
                f"""-- The CXX compiler identification is GNU 9.4.0
-- Check for working CXX compiler: /usr/bin/c++ - skipped
{MARK}CMake Error at CMakeLists.txt:12 (message):
{MARK}  simdkit requires GCC 11 or newer (found 9.4.0): C++20 concepts are not
{MARK}  supported by this compiler version.
Call Stack (most recent call first):
  CMakeLists.txt:3 (project)


-- Configuring incomplete, errors occurred!""",
                code=1,
            ),
        ],
    ),
    "requires GCC 11 or newer (found 9.4.0)",
)

# ---------------------------------------------------------------- a whole log under a common indent

case(
    "m-indented-travis-jest",
    "test.failure",
    "high",
    indented(
        travis(
            "acme/calc",
            "node_js",
            [
                Step("npm ci", "added 480 packages in 9.3s"),
                Step(
                    "npm test",
                    f"""> calc@0.2.0 test
> jest

FAIL src/sum.test.js
{MARK}  ● sum › adds negative numbers
{MARK}
{MARK}    expect(received).toBe(expected) // Object.is equality
{MARK}
{MARK}    Expected: -3
{MARK}    Received: 3
{MARK}
{MARK}      at Object.<anonymous> (src/sum.test.js:9:25)

Tests:       1 failed, 3 passed, 4 total""",
                    code=1,
                ),
            ],
        ),
        "  ",
    ),
    "● sum › adds negative numbers",
)

case(
    "m-indented-gha-cargo",
    "compile.error",
    "high",
    indented(
        gha(
            "acme/tiles",
            "check",
            [
                setup_rust(),
                Step(
                    "cargo check --all-targets",
                    f"""    Checking tiles v0.1.0 (/home/runner/work/tiles/tiles)
{MARK}error[E0425]: cannot find value `zoom` in this scope
{MARK}  --> src/render.rs:17:9
{MARK}   |
{MARK}17 |     let z = zoom * 2;
{MARK}   |             ^^^^ not found in this scope
error: could not compile `tiles` (lib) due to 1 previous error""",
                    code=101,
                ),
            ],
        ),
        "    ",
    ),
    "error[E0425]",
)

# ---------------------------------------------------------------- a check, written after the fixes above

case(
    "m-check-ghcli-maven-surefire",
    "test.failure",
    "high",
    gh_cli(
        gha(
            "acme/billing-jvm",
            "verify",
            [
                setup_java("21"),
                Step(
                    "mvn -B verify",
                    f"""[INFO] -------------------------------------------------------
[INFO]  T E S T S
[INFO] -------------------------------------------------------
[INFO] Running com.acme.billing.InvoiceTest
{MARK}[ERROR] Tests run: 6, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.211 s <<< FAILURE! -- in com.acme.billing.InvoiceTest
{MARK}[ERROR] com.acme.billing.InvoiceTest.roundsHalfEven -- Time elapsed: 0.012 s <<< FAILURE!
{MARK}org.opentest4j.AssertionFailedError: expected: <10.02> but was: <10.03>
	at com.acme.billing.InvoiceTest.roundsHalfEven(InvoiceTest.java:48)
[INFO]
[INFO] Results:
[INFO]
[ERROR] Failures:
[ERROR]   InvoiceTest.roundsHalfEven:48 expected: <10.02> but was: <10.03>
[INFO]
[ERROR] Tests run: 31, Failures: 1, Errors: 0, Skipped: 0
[INFO] BUILD FAILURE""",
                    code=1,
                ),
            ],
        ),
        "verify",
        failed_only=True,
    ),
    "AssertionFailedError in InvoiceTest.roundsHalfEven",
)

case(
    "m-check-ghcli-mypy",
    "lint.error",
    "high",
    gh_cli(
        gha(
            "acme/etl",
            "typecheck",
            [
                setup_python("3.12"),
                Step("pip install -e .[dev]", "Successfully installed etl-0.9.0 mypy-1.10.0"),
                Step(
                    "mypy src",
                    f"""{MARK}src/etl/load.py:58: error: Argument 1 to "write_rows" has incompatible type "list[str]"; expected "list[Row]"  [arg-type]
{MARK}src/etl/extract.py:12: error: Missing return statement  [return]
{MARK}Found 2 errors in 2 files (checked 31 source files)""",
                    code=1,
                ),
            ],
        ),
        "typecheck",
    ),
    "mypy errors",
)

case(
    "m-check-pnpm-filter-eslint",
    "lint.error",
    "high",
    gha(
        "acme/storefront",
        "lint",
        [
            setup_node("20"),
            Step("pnpm install --frozen-lockfile", "Done in 10.2s"),
            Step(
                "pnpm --filter './apps/*' run lint",
                """apps/admin lint$ eslint .
apps/admin lint: Done
apps/shop lint$ eslint .
"""
                + pnpm_r(
                    "apps/shop",
                    "lint",
                    f"""{MARK}/home/runner/work/storefront/storefront/apps/shop/src/Cart.tsx
{MARK}  22:5  error  Unexpected console statement  no-console
{MARK}
{MARK}✖ 1 problem (1 error, 0 warnings)
Failed""",
                )
                + """
/home/runner/work/storefront/storefront/apps/shop:
 ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL  shop@0.0.0 lint: `eslint .`
Exit status 1""",
                code=1,
            ),
        ],
    ),
    "eslint no-console",
)

case(
    "m-check-turbo-go-test",
    "test.failure",
    "high",
    gha(
        "acme/polyglot",
        "test",
        [
            setup_go("1.22"),
            Step(
                "npx turbo run test --filter=gateway",
                "• Packages in scope: gateway\n• Running test in 1 packages\n"
                + turbo(
                    "gateway",
                    "test",
                    f"""cache miss, executing 0a1b2c3d4e5f6a7b
> go test ./...
ok  	github.com/acme/polyglot/gateway/auth	0.018s
{MARK}--- FAIL: TestRouteTimeout (0.05s)
{MARK}    route_test.go:33: status = 200, want 504
FAIL
FAIL	github.com/acme/polyglot/gateway	0.071s
FAIL""",
                )
                + "\ngateway:test: ERROR: command finished with error: command (/home/runner/work/polyglot/polyglot/gateway) npm run test exited (1)\n ERROR  run failed: command  exited (1)",
                code=1,
            ),
        ],
    ),
    "--- FAIL: TestRouteTimeout",
)

case(
    "m-check-playwright-timeout",
    "timeout",
    "high",
    gha(
        "acme/portal",
        "e2e",
        [
            setup_node("20"),
            Step("npm ci && npx playwright install --with-deps chromium", "added 233 packages in 5s"),
            Step(
                "npx playwright test",
                f"""Running 24 tests using 2 workers

  ✓  1 [chromium] › login.spec.ts:5:5 › logs in (2.1s)
  ✘  2 [chromium] › reports.spec.ts:9:5 › exports the monthly report (30.0s)

  1) [chromium] › reports.spec.ts:9:5 › exports the monthly report ─────────────────────────────

{MARK}    Test timeout of 30000ms exceeded.

    Error: page.waitForResponse: Test timeout of 30000ms exceeded.

      12 |   await page.getByRole('button', {{ name: 'Export' }}).click();
    > 13 |   await page.waitForResponse('**/api/reports/export');

  1 failed
    [chromium] › reports.spec.ts:9:5 › exports the monthly report
  23 passed (1.2m)""",
                code=1,
            ),
        ],
    ),
    "Test timeout of 30000ms exceeded.",
)

case(
    "m-check-cmake-message-protoc",
    "dependency.missing",
    "high",
    gha(
        "acme/rpcgen",
        "build",
        [
            Step(
                "cmake -S . -B build -G Ninja",
                f"""-- The C compiler identification is GNU 13.2.0
-- The CXX compiler identification is GNU 13.2.0
-- Found Threads: TRUE
{MARK}CMake Error at cmake/Protobuf.cmake:30 (message):
{MARK}  Could not find protoc, the Protocol Buffers compiler.  Please install
{MARK}  protobuf-compiler (apt) or protobuf (brew), or set PROTOC_EXECUTABLE.
Call Stack (most recent call first):
  CMakeLists.txt:22 (include)


-- Configuring incomplete, errors occurred!""",
                code=1,
            ),
        ],
    ),
    "Could not find protoc ... Please install protobuf-compiler",
)
