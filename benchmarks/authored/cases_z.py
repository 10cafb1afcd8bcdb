"""Authored cases, batch z: a failure whose runner prints passing and neutral lines around it and between
its parts, labelled with the failure's block only (issue 8, "Excerpts made of blocks": no passing-test
lines in an excerpt).

Runs over many packages, crates, projects or modules, where the lines that say a unit passed or had
nothing to test sit right above, below and inside the failing unit's block: ``go test ./...`` (``?
pkg [no test files]``, ``ok pkg (cached)``, Go 1.22's coverage line for a package without tests, ``-v``'s
``--- PASS`` between two failures), ``cargo test --workspace --no-fail-fast`` (``test result: ok.`` of
the crates around the failing one), Jest projects (``PASS <project> path``, a passing suite's
``console.log``), ``dotnet test`` of a solution (VSTest's ``Passed!`` per test assembly), Gradle
multi-module builds (task outcomes ``UP-TO-DATE``, ``FROM-CACHE``, ``NO-SOURCE``; ``testLogging``'s
``PASSED`` events), a Maven reactor, tox environments, Turborepo's prefixed streams, CTest, an Elixir
umbrella. Each line's shape is the tool's documented output. GitHub Actions, GitLab, Jenkins and Travis
shapes. A label is one span (labels.jsonl's ``failure_lines``): the passing lines around the block stay
out of it, and the few a tool prints between two of the block's parts are in it. Labelled before triage
ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import dotnet_restore, go_download, setup_go, setup_java, setup_node, setup_rust
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, jenkins, travis

# ---------------------------------------------------------------- Go: many packages

case(
    "z-go-packages-cached-gha",
    "test.failure",
    "high",
    gha(
        "acme/relay",
        "test",
        [
            setup_go(),
            Step(
                "go test -race ./...",
                go_download(["github.com/google/go-cmp v0.6.0", "golang.org/x/net v0.25.0"])
                + f"""
?   	github.com/acme/relay/cmd/relay	[no test files]
ok  	github.com/acme/relay/internal/auth	(cached)
ok  	github.com/acme/relay/internal/config	(cached)
?   	github.com/acme/relay/internal/version	[no test files]
{MARK}--- FAIL: TestRouteMatch (0.00s)
{MARK}    --- FAIL: TestRouteMatch/trailing_slash (0.00s)
{MARK}        route_test.go:58: Match("/v1/users/") = false, want true
{MARK}FAIL
{MARK}FAIL	github.com/acme/relay/internal/route	0.031s
ok  	github.com/acme/relay/internal/store	1.204s
?   	github.com/acme/relay/internal/testutil	[no test files]
ok  	github.com/acme/relay/pkg/client	(cached)
FAIL""",
                code=1,
            ),
        ],
    ),
    "--- FAIL: TestRouteMatch (0.00s)",
    "go test over many packages: the failing package's block between (cached) and [no test files] lines",
)

case(
    "z-go-verbose-pass-between-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/ledger",
        "golang:1.22",
        [
            Step("go mod download"),
            Step(
                "go test -v -count=1 ./internal/...",
                f"""=== RUN   TestBalance
--- PASS: TestBalance (0.00s)
=== RUN   TestTransfer
{MARK}    transfer_test.go:33: Transfer(a, b, 50): balance of a = 100, want 50
{MARK}--- FAIL: TestTransfer (0.00s)
{MARK}=== RUN   TestTransferZero
{MARK}--- PASS: TestTransferZero (0.00s)
{MARK}=== RUN   TestTransferOverdraft
{MARK}    transfer_test.go:61: Transfer(a, b, 500): err = <nil>, want ErrInsufficientFunds
{MARK}--- FAIL: TestTransferOverdraft (0.00s)
{MARK}=== RUN   TestHistory
{MARK}--- PASS: TestHistory (0.01s)
{MARK}FAIL
{MARK}FAIL	github.com/acme/ledger/internal/account	0.019s
=== RUN   TestParseAmount
--- PASS: TestParseAmount (0.00s)
=== RUN   TestFormatAmount
--- PASS: TestFormatAmount (0.00s)
PASS
ok  	github.com/acme/ledger/internal/money	0.006s
testing: warning: no tests to run
PASS
ok  	github.com/acme/ledger/internal/migrate	0.004s [no tests to run]
FAIL""",
                code=1,
            ),
        ],
    ),
    "transfer_test.go:33: Transfer(a, b, 50)",
    "go test -v: two failing tests with passing ones between them, then passing packages",
)

case(
    "z-go-cover-no-tests-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/shipper",
        "shipper-ci",
        [
            Step("go version", "go version go1.22.3 linux/amd64", name="Setup"),
            Step(
                "go test -cover ./...",
                f"""	github.com/acme/shipper/cmd/shipper		coverage: 0.0% of statements
ok  	github.com/acme/shipper/internal/carrier	0.044s	coverage: 71.3% of statements
	github.com/acme/shipper/internal/mocks		coverage: 0.0% of statements
{MARK}--- FAIL: TestQuoteWeight (0.00s)
{MARK}    quote_test.go:27:
{MARK}        	Error Trace:	/var/lib/jenkins/workspace/shipper-ci/internal/quote/quote_test.go:27
{MARK}        	Error:      	Not equal:
{MARK}        	            	expected: 12.5
{MARK}        	            	actual  : 1.25
{MARK}        	Test:       	TestQuoteWeight
{MARK}FAIL
{MARK}coverage: 64.0% of statements
{MARK}FAIL	github.com/acme/shipper/internal/quote	0.012s
ok  	github.com/acme/shipper/internal/track	0.101s	coverage: 88.9% of statements
FAIL""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "Error:      	Not equal:",
    "go test -cover (Go 1.22): packages without tests print a coverage line; testify's failure between them",
)

# ---------------------------------------------------------------- Rust: a cargo workspace

case(
    "z-cargo-workspace-no-fail-fast-gha",
    "test.failure",
    "high",
    gha(
        "acme/tessel",
        "test",
        [
            setup_rust(),
            Step(
                "cargo test --workspace --no-fail-fast",
                f"""   Compiling tessel-geom v0.3.0 (/home/runner/work/tessel/tessel/crates/geom)
   Compiling tessel-mesh v0.3.0 (/home/runner/work/tessel/tessel/crates/mesh)
   Compiling tessel-cli v0.3.0 (/home/runner/work/tessel/tessel/crates/cli)
    Finished `test` profile [unoptimized + debuginfo] target(s) in 31.07s
     Running unittests src/lib.rs (target/debug/deps/tessel_geom-3f1c2b9a8d7e6f50)

running 6 tests
test point::tests::adds ... ok
test point::tests::scales ... ok
test rect::tests::contains ... ok
test rect::tests::intersects ... ok
test rect::tests::union ... ok
test segment::tests::length ... ok

test result: ok. 6 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

     Running unittests src/lib.rs (target/debug/deps/tessel_mesh-9a8b7c6d5e4f3a21)

running 4 tests
test weld::tests::keeps_distinct ... ok
test triangulate::tests::square ... ok
test triangulate::tests::concave ... FAILED
test weld::tests::merges_close ... ok

{MARK}failures:
{MARK}
{MARK}---- triangulate::tests::concave stdout ----
{MARK}thread 'triangulate::tests::concave' panicked at crates/mesh/src/triangulate.rs:88:9:
{MARK}assertion `left == right` failed
{MARK}  left: 3
{MARK} right: 4
{MARK}note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
{MARK}
{MARK}
{MARK}failures:
{MARK}    triangulate::tests::concave
{MARK}
{MARK}test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s

     Running unittests src/main.rs (target/debug/deps/tessel-5e4d3c2b1a0f9e87)

running 2 tests
test args::tests::parses_size ... ok
test args::tests::rejects_zero ... ok

test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

   Doc-tests tessel_geom

running 1 test
test crates/geom/src/lib.rs - Point::new (line 12) ... ok

test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.21s

error: 1 target failed:
    `-p tessel-mesh --lib`""",
                code=101,
            ),
        ],
    ),
    "assertion `left == right` failed",
    "cargo test over a workspace with --no-fail-fast: the failing crate's report between passing crates",
)

case(
    "z-cargo-nextest-travis",
    "test.failure",
    "high",
    travis(
        "acme/quill",
        "rust",
        [
            Step("cargo build --locked", "    Finished `dev` profile [unoptimized + debuginfo] target(s) in 12.40s"),
            Step(
                "cargo nextest run --workspace",
                f"""    Finished `test` profile [unoptimized + debuginfo] target(s) in 0.32s
    Starting 9 tests across 3 binaries
        PASS [   0.004s] quill-core span::tests::merge
        PASS [   0.004s] quill-core span::tests::split
        PASS [   0.006s] quill-core token::tests::idents
{MARK}        FAIL [   0.007s] quill-core token::tests::numbers
{MARK}
{MARK}--- STDOUT:              quill-core token::tests::numbers ---
{MARK}
{MARK}running 1 test
{MARK}test token::tests::numbers ... FAILED
{MARK}
{MARK}failures:
{MARK}
{MARK}failures:
{MARK}    token::tests::numbers
{MARK}
{MARK}test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 5 filtered out; finished in 0.00s
{MARK}
{MARK}
{MARK}--- STDERR:              quill-core token::tests::numbers ---
{MARK}thread 'token::tests::numbers' panicked at crates/core/src/token.rs:140:9:
{MARK}assertion `left == right` failed
{MARK}  left: [Int(1), Dot, Int(5)]
{MARK} right: [Float(1.5)]
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

        PASS [   0.005s] quill-core token::tests::strings
        PASS [   0.009s] quill-fmt tests::wraps
        PASS [   0.010s] quill-fmt tests::indents
        PASS [   0.012s] quill tests::cli_help
        PASS [   0.015s] quill tests::cli_version
------------
     Summary [   0.041s] 9 tests run: 8 passed, 1 failed, 0 skipped
        FAIL [   0.007s] quill-core token::tests::numbers
error: test run failed""",
                code=100,
            ),
        ],
        cache="/home/travis/.cargo",
    ),
    "assertion `left == right` failed",
    "cargo-nextest: one failing test's block among PASS lines, and its summary",
)

# ---------------------------------------------------------------- JavaScript: Jest projects, Turborepo

case(
    "z-jest-projects-gha",
    "test.failure",
    "high",
    gha(
        "acme/atlas",
        "test",
        [
            setup_node(),
            Step("npm ci", "added 1043 packages, and audited 1044 packages in 18s\n\nfound 0 vulnerabilities"),
            Step(
                "npx jest --ci",
                f"""PASS client src/components/Map.test.tsx (6.211 s)
PASS client src/components/Legend.test.tsx
PASS server src/routes/health.test.ts
  ● Console

    console.log
      listening on :0

      at Server.log (src/server.ts:41:13)

{MARK}FAIL server src/routes/tiles.test.ts
{MARK}  ● tiles › GET /tiles/:z/:x/:y › returns 404 outside the world
{MARK}
{MARK}    expect(received).toBe(expected) // Object.is equality
{MARK}
{MARK}    Expected: 404
{MARK}    Received: 500
{MARK}
{MARK}      37 |     const res = await request(app).get('/tiles/3/9/1');
{MARK}      38 |
{MARK}    > 39 |     expect(res.status).toBe(404);
{MARK}         |                        ^
{MARK}      40 |   }});
{MARK}      41 | }});
{MARK}
{MARK}      at Object.toBe (src/routes/tiles.test.ts:39:24)
PASS client src/hooks/useViewport.test.ts
PASS server src/tiles/cache.test.ts

Test Suites: 1 failed, 5 passed, 6 total
Tests:       1 failed, 41 passed, 42 total
Snapshots:   3 passed, 3 total
Time:        11.482 s
Ran all test suites in 2 projects.""",
                code=1,
            ),
        ],
        actions=("actions/setup-node@v4",),
    ),
    "● tiles › GET /tiles/:z/:x/:y › returns 404 outside the world",
    "jest with two projects: the failing suite between passing suites of both, one with console output",
)

case(
    "z-turbo-interleaved-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/storefront",
        "node:20",
        [
            Step("pnpm install --frozen-lockfile", "Lockfile is up to date, resolution step is skipped\nDone in 6.2s"),
            Step(
                "pnpm turbo run test",
                f"""• Packages in scope: @acme/cart, @acme/ui, @acme/utils
• Running test in 3 packages
• Remote caching disabled
@acme/utils:test: cache hit, replaying logs 4f2a9c1d7e3b5a60
@acme/utils:test: PASS src/money.test.ts
@acme/utils:test: PASS src/slug.test.ts
@acme/ui:test: cache miss, executing 8b1c2d3e4f5a6b7c
@acme/cart:test: cache miss, executing 1d2e3f4a5b6c7d8e
@acme/ui:test: PASS src/Button.test.tsx
{MARK}@acme/cart:test: FAIL src/totals.test.ts
{MARK}@acme/cart:test:   ● totals › applies the coupon once
{MARK}@acme/cart:test:
{MARK}@acme/cart:test:     expect(received).toEqual(expected) // deep equality
{MARK}@acme/cart:test:
{MARK}@acme/cart:test:     Expected: 90
{MARK}@acme/cart:test:     Received: 81
{MARK}@acme/cart:test:
{MARK}@acme/cart:test:       at Object.toEqual (src/totals.test.ts:22:31)
@acme/ui:test: PASS src/Dialog.test.tsx
@acme/cart:test: PASS src/items.test.ts
@acme/cart:test:
@acme/cart:test: Test Suites: 1 failed, 1 passed, 2 total
@acme/cart:test: Tests:       1 failed, 14 passed, 15 total
@acme/cart:test: ELIFECYCLE  Test failed. See above for more details.
@acme/cart:test: ERROR: command finished with error: command (/builds/acme/storefront/packages/cart) /usr/local/bin/pnpm run test exited (1)
@acme/ui:test: Test Suites: 2 passed, 2 total
@acme/cart#test: command (/builds/acme/storefront/packages/cart) /usr/local/bin/pnpm run test exited (1)

 Tasks:    2 successful, 3 total
Cached:    1 cached, 3 total
  Time:    9.113s
Failed:    @acme/cart#test

 ERROR  run failed: command  exited (1)""",
                code=1,
            ),
        ],
    ),
    "● totals › applies the coupon once",
    "turbo's prefixed streams of three packages: the failing suite's lines with another package's between",
)

# ---------------------------------------------------------------- .NET: a solution's test projects

case(
    "z-dotnet-solution-gha",
    "test.failure",
    "high",
    gha(
        "acme/shop",
        "test",
        [
            Step("dotnet restore", dotnet_restore()),
            Step(
                "dotnet test --no-restore",
                f"""  Shop.Core -> /home/runner/work/shop/shop/src/Shop.Core/bin/Debug/net8.0/Shop.Core.dll
  Shop.Api -> /home/runner/work/shop/shop/src/Shop.Api/bin/Debug/net8.0/Shop.Api.dll
  Shop.Core.Tests -> /home/runner/work/shop/shop/tests/Shop.Core.Tests/bin/Debug/net8.0/Shop.Core.Tests.dll
  Shop.Api.Tests -> /home/runner/work/shop/shop/tests/Shop.Api.Tests/bin/Debug/net8.0/Shop.Api.Tests.dll
Test run for /home/runner/work/shop/shop/tests/Shop.Core.Tests/bin/Debug/net8.0/Shop.Core.Tests.dll (.NETCoreApp,Version=v8.0)
Test run for /home/runner/work/shop/shop/tests/Shop.Api.Tests/bin/Debug/net8.0/Shop.Api.Tests.dll (.NETCoreApp,Version=v8.0)
Microsoft (R) Test Execution Command Line Tool Version 17.9.0 (x64)
Copyright (c) Microsoft Corporation.  All rights reserved.

Starting test execution, please wait...
A total of 1 test files matched the specified pattern.
Microsoft (R) Test Execution Command Line Tool Version 17.9.0 (x64)
Copyright (c) Microsoft Corporation.  All rights reserved.

Starting test execution, please wait...
A total of 1 test files matched the specified pattern.

Passed!  - Failed:     0, Passed:    64, Skipped:     0, Total:    64, Duration: 412 ms - Shop.Core.Tests.dll (net8.0)
{MARK}  Failed Shop.Api.Tests.OrdersTests.Rejects_empty_cart [31 ms]
{MARK}  Error Message:
{MARK}   Assert.Equal() Failure: Values differ
{MARK}Expected: 400
{MARK}Actual:   200
{MARK}  Stack Trace:
{MARK}     at Shop.Api.Tests.OrdersTests.Rejects_empty_cart() in /home/runner/work/shop/shop/tests/Shop.Api.Tests/OrdersTests.cs:line 41
{MARK}--- End of stack trace from previous location ---
{MARK}
{MARK}Failed!  - Failed:     1, Passed:    27, Skipped:     0, Total:    28, Duration: 1 s - Shop.Api.Tests.dll (net8.0)""",
                code=1,
            ),
        ],
    ),
    "Assert.Equal() Failure: Values differ",
    "dotnet test of a solution: one test assembly's Passed! line just above the other's failure",
)

case(
    "z-dotnet-passed-between-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/billing",
        "billing-ci",
        [
            Step(
                "dotnet test Billing.sln --logger 'console;verbosity=normal'",
                f"""Test run for /var/lib/jenkins/workspace/billing-ci/tests/Billing.Tests/bin/Debug/net8.0/Billing.Tests.dll (.NETCoreApp,Version=v8.0)
VSTest version 17.10.0 (x64)

Starting test execution, please wait...
A total of 1 test files matched the specified pattern.
  Passed Billing.Tests.InvoiceTests.Totals_lines [4 ms]
  Passed Billing.Tests.InvoiceTests.Rounds_half_even [< 1 ms]
{MARK}  Failed Billing.Tests.InvoiceTests.Applies_vat [12 ms]
{MARK}  Error Message:
{MARK}   Expected invoice.Vat to be 21.00M, but found 2.10M.
{MARK}  Stack Trace:
{MARK}     at Billing.Tests.InvoiceTests.Applies_vat() in /var/lib/jenkins/workspace/billing-ci/tests/Billing.Tests/InvoiceTests.cs:line 58
{MARK}  Passed Billing.Tests.InvoiceTests.Formats_number [1 ms]
{MARK}  Passed Billing.Tests.CustomerTests.Validates_email [2 ms]
{MARK}  Failed Billing.Tests.CustomerTests.Rejects_blank_name [3 ms]
{MARK}  Error Message:
{MARK}   Expected result.IsValid to be false, but found True.
{MARK}  Stack Trace:
{MARK}     at Billing.Tests.CustomerTests.Rejects_blank_name() in /var/lib/jenkins/workspace/billing-ci/tests/Billing.Tests/CustomerTests.cs:line 23
{MARK}  Passed Billing.Tests.CustomerTests.Trims_name [< 1 ms]
{MARK}
{MARK}Test Run Failed.
{MARK}Total tests: 7
{MARK}     Passed: 5
{MARK}     Failed: 2
{MARK} Total time: 0.8123 Seconds""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "Expected invoice.Vat to be 21.00M, but found 2.10M.",
    "VSTest at normal verbosity: two failing tests between passing ones, then the run's totals",
)

# ---------------------------------------------------------------- JVM: Gradle modules, a Maven reactor

case(
    "z-gradle-modules-passed-events-gha",
    "test.failure",
    "high",
    gha(
        "acme/orders",
        "build",
        [
            setup_java("21"),
            Step(
                "./gradlew build --continue",
                f"""> Task :core:compileJava UP-TO-DATE
> Task :core:processResources NO-SOURCE
> Task :core:classes UP-TO-DATE
> Task :core:jar FROM-CACHE
> Task :core:compileTestJava FROM-CACHE
> Task :core:test FROM-CACHE
> Task :api:compileJava
> Task :api:processResources
> Task :api:classes
> Task :api:compileTestJava

> Task :api:test

OrderServiceTest > acceptsCart() PASSED

OrderServiceTest > totalsLines() PASSED

{MARK}OrderServiceTest > rejectsEmptyCart() FAILED
{MARK}    org.opentest4j.AssertionFailedError: expected: <400> but was: <200>
{MARK}        at app//org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
{MARK}        at app//org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:150)
{MARK}        at app//com.acme.orders.api.OrderServiceTest.rejectsEmptyCart(OrderServiceTest.java:41)
{MARK}
{MARK}OrderServiceTest > appliesCoupon() PASSED
{MARK}
{MARK}24 tests completed, 1 failed

> Task :api:test FAILED
> Task :web:compileJava
> Task :web:classes
> Task :web:compileTestJava NO-SOURCE
> Task :web:test NO-SOURCE

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':api:test'.
> There were failing tests. See the report at: file:///home/runner/work/orders/orders/api/build/reports/tests/test/index.html

* Try:
> Run with --scan to get full insights.

BUILD FAILED in 38s
17 actionable tasks: 9 executed, 3 from cache, 5 up-to-date""",
                code=1,
            ),
        ],
    ),
    "org.opentest4j.AssertionFailedError: expected: <400> but was: <200>",
    "gradle multi-module with passed events: the failing test between passing ones, task outcomes around",
)

case(
    "z-maven-reactor-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/warehouse",
        "warehouse-ci",
        [
            Step(
                "mvn -B verify",
                f"""[INFO] Reactor Build Order:
[INFO]
[INFO] warehouse-parent                                                   [pom]
[INFO] warehouse-model                                                    [jar]
[INFO] warehouse-service                                                  [jar]
[INFO] warehouse-web                                                      [jar]
[INFO]
[INFO] -------------------------------------------------------
[INFO]  T E S T S
[INFO] -------------------------------------------------------
[INFO] Running com.acme.warehouse.model.SkuTest
[INFO] Tests run: 9, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.041 s -- in com.acme.warehouse.model.SkuTest
[INFO] Running com.acme.warehouse.model.BinTest
[INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.012 s -- in com.acme.warehouse.model.BinTest
[INFO]
[INFO] Results:
[INFO]
[INFO] Tests run: 13, Failures: 0, Errors: 0, Skipped: 0
[INFO]
[INFO] -------------------------------------------------------
[INFO]  T E S T S
[INFO] -------------------------------------------------------
[INFO] Running com.acme.warehouse.service.StockServiceTest
{MARK}[ERROR] Tests run: 6, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.233 s <<< FAILURE! -- in com.acme.warehouse.service.StockServiceTest
{MARK}[ERROR] com.acme.warehouse.service.StockServiceTest.reservesStock -- Time elapsed: 0.018 s <<< FAILURE!
{MARK}org.opentest4j.AssertionFailedError: expected: <7> but was: <10>
{MARK}	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
{MARK}	at com.acme.warehouse.service.StockServiceTest.reservesStock(StockServiceTest.java:52)
{MARK}[INFO] Running com.acme.warehouse.service.PickListTest
{MARK}[INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.027 s -- in com.acme.warehouse.service.PickListTest
{MARK}[INFO]
{MARK}[INFO] Results:
{MARK}[INFO]
{MARK}[ERROR] Failures:
{MARK}[ERROR]   StockServiceTest.reservesStock:52 expected: <7> but was: <10>
{MARK}[INFO]
{MARK}[ERROR] Tests run: 11, Failures: 1, Errors: 0, Skipped: 0
[INFO]
[INFO] ------------------------------------------------------------------------
[INFO] Reactor Summary for warehouse-parent 2.3.0-SNAPSHOT:
[INFO]
[INFO] warehouse-parent ................................... SUCCESS [  0.214 s]
[INFO] warehouse-model .................................... SUCCESS [  2.871 s]
[INFO] warehouse-service .................................. FAILURE [  3.402 s]
[INFO] warehouse-web ...................................... SKIPPED
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  7.113 s
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project warehouse-service: There are test failures.""",
                code=1,
                name="Build",
            ),
        ],
    ),
    "org.opentest4j.AssertionFailedError: expected: <7> but was: <10>",
    "a Maven reactor: a passing module's Results block above the failing module's, and the reactor summary",
)

# ---------------------------------------------------------------- Python: tox environments; C++: CTest; Elixir

case(
    "z-tox-envs-travis",
    "test.failure",
    "high",
    travis(
        "acme/tinycsv",
        "python",
        [
            Step("pip install tox", "Successfully installed tox-4.15.0"),
            Step(
                "tox -e py311,py312",
                f"""py311: install_deps> python -I -m pip install pytest
py311: commands[0]> pytest -q
........................                                                 [100%]
24 passed in 0.31s
py312: install_deps> python -I -m pip install pytest
py312: commands[0]> pytest -q
.............F..........                                                 [100%]
{MARK}=================================== FAILURES ===================================
{MARK}_______________________________ test_dialect_sniff ______________________________
{MARK}
{MARK}    def test_dialect_sniff():
{MARK}>       assert sniff("a;b\\n1;2\\n").delimiter == ";"
{MARK}E       AssertionError: assert ',' == ';'
{MARK}
{MARK}tests/test_sniff.py:9: AssertionError
{MARK}=========================== short test summary info ============================
{MARK}FAILED tests/test_sniff.py::test_dialect_sniff - AssertionError: assert ',' == ';'
{MARK}1 failed, 23 passed in 0.35s
py312: exit 1 (0.52 seconds) /home/travis/build/acme/tinycsv> pytest -q pid=4121
  py311: OK (4.12=setup[3.60]+cmd[0.52] seconds)
  py312: FAIL code 1 (4.31=setup[3.79]+cmd[0.52] seconds)
  evaluation failed :( (8.51 seconds)""",
                code=1,
                name="script",
            ),
        ],
    ),
    "E       AssertionError: assert ',' == ';'",
    "tox over two environments: the passing one's tally above, its OK line under the failing one's report",
)

case(
    "z-ctest-parallel-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/rasterkit",
        "gcc:13",
        [
            Step(
                "cmake -S . -B build -G Ninja && cmake --build build", "[42/42] Linking CXX executable tests/blend_test"
            ),
            Step(
                "ctest --test-dir build --output-on-failure -j4",
                f"""Internal ctest changing into directory: /builds/acme/rasterkit/build
Test project /builds/acme/rasterkit/build
    Start 1: color_test
    Start 2: blend_test
    Start 3: scale_test
    Start 4: png_test
1/6 Test #1: color_test .......................   Passed    0.02 sec
    Start 5: clip_test
{MARK}2/6 Test #2: blend_test .......................***Failed    0.03 sec
{MARK}[==========] Running 3 tests from 1 test suite.
{MARK}[ RUN      ] Blend.Over
{MARK}[       OK ] Blend.Over (0 ms)
{MARK}[ RUN      ] Blend.Multiply
{MARK}/builds/acme/rasterkit/tests/blend_test.cpp:31: Failure
{MARK}Expected equality of these values:
{MARK}  multiply(px(200), px(100)).r
{MARK}    Which is: 78
{MARK}  80
{MARK}[  FAILED  ] Blend.Multiply (0 ms)
{MARK}[ RUN      ] Blend.Screen
{MARK}[       OK ] Blend.Screen (0 ms)
{MARK}[==========] 3 tests from 1 test suite ran. (0 ms total)
{MARK}[  PASSED  ] 2 tests.
{MARK}[  FAILED  ] 1 test, listed below:
{MARK}[  FAILED  ] Blend.Multiply
{MARK}
{MARK} 1 FAILED TEST
    Start 6: font_test
3/6 Test #3: scale_test .......................   Passed    0.05 sec
4/6 Test #4: png_test .........................   Passed    0.11 sec
5/6 Test #5: clip_test ........................   Passed    0.02 sec
6/6 Test #6: font_test ........................   Passed    0.09 sec

83% tests passed, 1 tests failed out of 6

Total Test time (real) =   0.14 sec

The following tests FAILED:
\t  2 - blend_test (Failed)
Errors while running CTest""",
                code=8,
            ),
        ],
    ),
    "/builds/acme/rasterkit/tests/blend_test.cpp:31: Failure",
    "ctest -j4 with --output-on-failure: a GoogleTest binary's output between CTest's passing lines",
)

case(
    "z-mix-umbrella-travis",
    "test.failure",
    "high",
    travis(
        "acme/herald",
        "elixir",
        [
            Step("mix deps.get", "Resolving Hex dependencies...\nAll dependencies are up to date"),
            Step(
                "mix test",
                f"""==> herald_core
Running ExUnit with seed: 481216, max_cases: 4

..............
Finished in 0.1 seconds (0.08s async, 0.02s sync)
14 tests, 0 failures
==> herald_web
Running ExUnit with seed: 481216, max_cases: 4

......

{MARK}  1) test POST /subscribe rejects a bad email (HeraldWeb.SubscribeControllerTest)
{MARK}     test/herald_web/controllers/subscribe_controller_test.exs:18
{MARK}     Assertion with == failed
{MARK}     code:  assert json_response(conn, 422)["errors"] == %{{"email" => ["is invalid"]}}
{MARK}     left:  %{{"email" => ["has invalid format"]}}
{MARK}     right: %{{"email" => ["is invalid"]}}
{MARK}     stacktrace:
{MARK}       test/herald_web/controllers/subscribe_controller_test.exs:21: (test)
{MARK}
{MARK}..
{MARK}Finished in 0.2 seconds (0.1s async, 0.1s sync)
{MARK}9 tests, 1 failure
==> herald_mailer
Running ExUnit with seed: 481216, max_cases: 4

....
Finished in 0.05 seconds (0.05s async, 0.00s sync)
4 tests, 0 failures""",
                code=2,
                name="script",
            ),
        ],
        cache="/home/travis/build/acme/herald/deps",
    ),
    "Assertion with == failed",
    "an Elixir umbrella: the failing app's report between two passing apps' tallies",
)
