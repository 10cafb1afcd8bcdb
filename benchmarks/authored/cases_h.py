"""Authored cases, batch h: excerpt shapes — failures far apart in long test logs, panics and
goroutine dumps, nested subtests, a build tool's summary beside its details, reactor summaries,
a script's own last words after a tool's output. Labelled before triage ran on them."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import (
    CRATES,
    GO_MODS,
    apt_install,
    bundle_install,
    cargo_fetch,
    cmake_configure,
    composer_install,
    dotnet_restore,
    go_download,
    gradle_head,
    maven_downloads,
    maven_head,
    npm_ci,
    setup_go,
    setup_java,
    setup_node,
    setup_python,
    setup_rust,
)
from benchmarks.authored.shapes import Step, gha, jenkins


def _go_ok(pkgs: list[str], module: str = "github.com/acme/fleet") -> str:
    return "\n".join(f"ok  \t{module}/{p}\t0.{(len(p) * 37) % 900 + 100:03d}s" for p in pkgs)


GO_PKGS = ["api", "auth", "cmd/fleetctl", "config", "internal/backoff", "internal/clock", "internal/ids", "metrics"]
GO_PKGS2 = ["node", "node/labels", "planner", "planner/score", "queue", "scheduler", "store", "store/etcd", "web"]

case(
    "go-failure-far-from-end-gha",
    "test.failure",
    "high",
    gha(
        "acme/fleet",
        "test",
        [
            setup_go(),
            Step(
                "go test -race ./...",
                go_download(GO_MODS)
                + "\n"
                + _go_ok(GO_PKGS)
                + """
§--- FAIL: TestBackoffCapsDelay (0.00s)
§    backoff_test.go:52: delay after 12 attempts = 1m4s, want at most 30s
§FAIL
§FAIL	github.com/acme/fleet/internal/retry	0.021s
"""
                + _go_ok(GO_PKGS2)
                + "\nFAIL",
                code=1,
            ),
        ],
    ),
    "--- FAIL: TestBackoffCapsDelay (0.00s)",
    "one failing package among many passing ones; go test's final FAIL is far below",
)

case(
    "go-nested-subtests-verbose-gha",
    "test.failure",
    "high",
    gha(
        "acme/gateway",
        "unit",
        [
            setup_go(),
            Step(
                "go test -v ./router/...",
                """=== RUN   TestRouter
=== RUN   TestRouter/GET_/users/:id
=== RUN   TestRouter/POST_/users
=== RUN   TestRouter/DELETE_/users/:id
=== RUN   TestRouter/GET_/health
§--- FAIL: TestRouter (0.01s)
§    --- FAIL: TestRouter/GET_/users/:id (0.00s)
§        router_test.go:88: GET /users/42: status = 404, want 200
§    --- FAIL: TestRouter/POST_/users (0.00s)
§        router_test.go:88: POST /users: status = 500, want 201
§        router_test.go:91: body = "internal error: nil store", want "{\\"id\\":43}"
§    --- PASS: TestRouter/DELETE_/users/:id (0.00s)
§    --- PASS: TestRouter/GET_/health (0.00s)
=== RUN   TestMiddlewareOrder
--- PASS: TestMiddlewareOrder (0.00s)
=== RUN   TestNotFoundHandler
--- PASS: TestNotFoundHandler (0.00s)
FAIL
FAIL	github.com/acme/gateway/router	0.034s
FAIL""",
                code=1,
            ),
        ],
    ),
    "router_test.go:88: GET /users/42: status = 404, want 200",
    "a table test's failing subtests nested under their parent; passing siblings between them",
)

_GOROUTINES = "\n".join(
    f"""
goroutine {n} [chan receive]:
github.com/acme/kv/replica.(*Follower).loop(0xc0001a{n:02x}00)
	/home/runner/work/kv/kv/replica/follower.go:{60 + n} +0x{n * 7:x}5
created by github.com/acme/kv/replica.Start in goroutine 1
	/home/runner/work/kv/kv/replica/replica.go:31 +0x1b4"""
    for n in range(8, 20)
)

case(
    "go-panic-goroutine-dump-gha",
    "test.failure",  # categories.md: ``panic:`` is a crash outside tests; this one is in a test (was crash)
    "high",
    gha(
        "acme/kv",
        "test",
        [
            setup_go(),
            Step(
                "go test ./...",
                _go_ok(["codec", "log", "raft"], "github.com/acme/kv")
                + """
§--- FAIL: TestCompactKeepsLatest (0.00s)
§panic: runtime error: index out of range [3] with length 3 [recovered]
§	panic: runtime error: index out of range [3] with length 3
§
§goroutine 7 [running]:
§testing.tRunner.func1.2({0x6b2a40, 0xc000018180})
§	/opt/hostedtoolcache/go/1.22.2/x64/src/testing/testing.go:1631 +0x24a
§testing.tRunner.func1()
§	/opt/hostedtoolcache/go/1.22.2/x64/src/testing/testing.go:1634 +0x377
§panic({0x6b2a40?, 0xc000018180?})
§	/opt/hostedtoolcache/go/1.22.2/x64/src/runtime/panic.go:770 +0x132
§github.com/acme/kv/store.(*Segment).compact(0xc00012e000)
§	/home/runner/work/kv/kv/store/segment.go:57 +0x2c5
§github.com/acme/kv/store.TestCompactKeepsLatest(0xc000102820)
§	/home/runner/work/kv/kv/store/segment_test.go:23 +0x8e
testing.tRunner(0xc000102820, 0x71c1b8)
	/opt/hostedtoolcache/go/1.22.2/x64/src/testing/testing.go:1689 +0xfb
created by testing.(*T).Run in goroutine 1
	/opt/hostedtoolcache/go/1.22.2/x64/src/testing/testing.go:1742 +0x390"""
                + _GOROUTINES
                + """
FAIL	github.com/acme/kv/store	0.019s
ok  	github.com/acme/kv/wire	0.011s
FAIL""",
                code=1,
            ),
        ],
    ),
    "panic: runtime error: index out of range [3] with length 3 [recovered]",
    "a panic in a test, then a long goroutine dump of the other goroutines",
)

_FRAMES = "\n".join(
    f"\tat org.junit.platform.engine.support.hierarchical.NodeTestTask.{m}(NodeTestTask.java:{n})"
    for m, n in [("lambda$executeRecursively$6", 151), ("executeRecursively", 141), ("execute", 95)] * 4
)

case(
    "maven-surefire-results-gha",
    "test.failure",
    "high",
    gha(
        "acme/billing",
        "build",
        [
            setup_java(),
            Step(
                "mvn -B verify",
                maven_head("billing")
                + "\n"
                + maven_downloads(6)
                + """
[INFO] --- surefire:3.2.5:test (default-test) @ billing ---
[INFO] Using auto detected provider org.apache.maven.surefire.junitplatform.JUnitPlatformProvider
[INFO]
[INFO] -------------------------------------------------------
[INFO]  T E S T S
[INFO] -------------------------------------------------------
[INFO] Running com.acme.billing.CurrencyTest
[INFO] Tests run: 9, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.088 s -- in com.acme.billing.CurrencyTest
[INFO] Running com.acme.billing.InvoiceServiceTest
[ERROR] Tests run: 5, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.412 s <<< FAILURE! -- in com.acme.billing.InvoiceServiceTest
[ERROR] com.acme.billing.InvoiceServiceTest.totalsIncludeTax -- Time elapsed: 0.031 s <<< FAILURE!
org.opentest4j.AssertionFailedError: expected: <107.00> but was: <100.00>
	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
	at org.junit.jupiter.api.AssertionFailureBuilder.buildAndThrow(AssertionFailureBuilder.java:132)
	at org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)
	at org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:1145)
	at com.acme.billing.InvoiceServiceTest.totalsIncludeTax(InvoiceServiceTest.java:48)
	at java.base/java.lang.reflect.Method.invoke(Method.java:580)
"""
                + _FRAMES
                + """
[INFO] Running com.acme.billing.TaxTableTest
[INFO] Tests run: 28, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.120 s -- in com.acme.billing.TaxTableTest
[INFO]
§[INFO] Results:
§[INFO]
§[ERROR] Failures:
§[ERROR]   InvoiceServiceTest.totalsIncludeTax:48 expected: <107.00> but was: <100.00>
§[INFO]
§[ERROR] Tests run: 42, Failures: 1, Errors: 0, Skipped: 0
[INFO]
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  14.203 s
[INFO] Finished at: 2024-05-06T09:14:31Z
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project billing: There are test failures.
[ERROR]
[ERROR] Please refer to /home/runner/work/billing/billing/target/surefire-reports for the individual test results.
[ERROR] -> [Help 1]""",
                code=1,
            ),
        ],
    ),
    "InvoiceServiceTest.totalsIncludeTax:48 expected: <107.00> but was: <100.00>",
    "Surefire's Results block names the failure; its long stack is far above",
)

case(
    "maven-reactor-compile-gha",
    "compile.error",
    "high",
    gha(
        "acme/shop",
        "build",
        [
            setup_java("21"),
            Step(
                "mvn -B -ntp package",
                """[INFO] Scanning for projects...
[INFO] ------------------------------------------------------------------------
[INFO] Reactor Build Order:
[INFO]
[INFO] shop                                                               [pom]
[INFO] shop-core                                                          [jar]
[INFO] shop-web                                                           [jar]
[INFO]
[INFO] --------------------------< com.acme:shop-core >--------------------------
[INFO] Building shop-core 2.3.0-SNAPSHOT                                   [2/3]
[INFO] --- compiler:3.13.0:compile (default-compile) @ shop-core ---
[INFO] Compiling 61 source files with javac [debug release 21] to target/classes
[INFO] -------------------------------------------------------------
§[ERROR] COMPILATION ERROR :
§[INFO] -------------------------------------------------------------
§[ERROR] /home/runner/work/shop/shop/core/src/main/java/com/acme/shop/Cart.java:[42,17] cannot find symbol
§  symbol:   method totl()
§  location: variable line of type com.acme.shop.LineItem
§[INFO] 1 error
[INFO] -------------------------------------------------------------
[INFO] ------------------------------------------------------------------------
[INFO] Reactor Summary for shop 2.3.0-SNAPSHOT:
[INFO]
[INFO] shop ............................................... SUCCESS [  0.412 s]
[INFO] shop-core .......................................... FAILURE [  3.101 s]
[INFO] shop-web ........................................... SKIPPED
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  4.870 s
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project shop-core: Compilation failure
[ERROR] /home/runner/work/shop/shop/core/src/main/java/com/acme/shop/Cart.java:[42,17] cannot find symbol
[ERROR]   symbol:   method totl()
[ERROR]   location: variable line of type com.acme.shop.LineItem
[ERROR]
[ERROR] -> [Help 1]
[ERROR]
[ERROR] After correcting the problems, you can resume the build with the command
[ERROR]   mvn <args> -rf :shop-core""",
                code=1,
            ),
        ],
    ),
    "Cart.java:[42,17] cannot find symbol",
    "javac's error under COMPILATION ERROR, then the reactor summary and Maven's repeat of it",
)

case(
    "gradle-test-failed-gha",
    "test.failure",
    "high",
    gha(
        "acme/calc",
        "check",
        [
            setup_java(),
            Step(
                "./gradlew check --no-daemon",
                gradle_head()
                + """
> Task :app:compileJava
> Task :app:classes
> Task :app:compileTestJava
> Task :app:testClasses

> Task :app:test

§CalculatorTest > dividesByZeroReturnsEmpty() FAILED
§    java.lang.ArithmeticException: / by zero
§        at com.acme.calc.Calculator.divide(Calculator.java:12)
§        at com.acme.calc.CalculatorTest.dividesByZeroReturnsEmpty(CalculatorTest.java:20)
§
§12 tests completed, 1 failed

> Task :app:test FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':app:test'.
> There were failing tests. See the report at: file:///home/runner/work/calc/calc/app/build/reports/tests/test/index.html

* Try:
> Run with --scan to get full insights.

BUILD FAILED in 41s
5 actionable tasks: 5 executed""",
                code=1,
            ),
        ],
    ),
    "CalculatorTest > dividesByZeroReturnsEmpty() FAILED",
)

case(
    "jest-two-suites-gha",
    "test.failure",
    "high",
    gha(
        "acme/cart",
        "test",
        [
            setup_node(),
            Step("npm ci", npm_ci(612)),
            Step(
                "npm test -- --ci",
                """
> cart@1.8.0 test
> jest --ci

PASS src/price.test.ts
PASS src/format.test.ts
§FAIL src/cart.test.ts
§  ● Cart › applies a percentage discount
§
§    expect(received).toBe(expected) // Object.is equality
§
§    Expected: 90
§    Received: 100
§
§      12 |     cart.add(item(100));
§      13 |     cart.discount(0.1);
§    > 14 |     expect(cart.total()).toBe(90);
§         |                          ^
§      15 |   });
§      16 |
§
§      at Object.<anonymous> (src/cart.test.ts:14:26)
PASS src/tax.test.ts

Test Suites: 1 failed, 3 passed, 4 total
Tests:       1 failed, 27 passed, 28 total
Snapshots:   0 total
Time:        3.412 s
Ran all test suites.""",
                code=1,
            ),
        ],
    ),
    "● Cart › applies a percentage discount",
)

case(
    "cargo-test-failure-gha",
    "test.failure",
    "high",
    gha(
        "acme/lexer",
        "test",
        [
            setup_rust(),
            Step(
                "cargo test --all-features",
                cargo_fetch(CRATES)
                + """
   Compiling lexer v0.4.0 (/home/runner/work/lexer/lexer)
    Finished `test` profile [unoptimized + debuginfo] target(s) in 21.40s
     Running unittests src/lib.rs (target/debug/deps/lexer-3f0c9a1b2d4e5f60)

running 12 tests
test parser::tests::parses_empty ... ok
test parser::tests::parses_ident ... ok
test parser::tests::rejects_tab ... FAILED
test parser::tests::parses_number ... ok
test span::tests::joins ... ok

failures:

§---- parser::tests::rejects_tab stdout ----
§thread 'parser::tests::rejects_tab' panicked at src/parser.rs:88:9:
§assertion `left == right` failed
§  left: Ok(Tab)
§ right: Err(UnexpectedTab { line: 1, col: 3 })
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace


failures:
    parser::tests::rejects_tab

test result: FAILED. 11 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s

error: test failed, to rerun pass `--lib`""",
                code=101,
            ),
        ],
    ),
    "thread 'parser::tests::rejects_tab' panicked at src/parser.rs:88:9:",
)

case(
    "eslint-many-findings-gha",
    "lint.error",
    "high",
    gha(
        "acme/web",
        "lint",
        [
            setup_node(),
            Step("npm ci", npm_ci(901)),
            Step(
                "npx eslint . --max-warnings 0",
                """
§/home/runner/work/web/web/src/app.ts
§   3:10  error  'useMemo' is defined but never used  @typescript-eslint/no-unused-vars
§  17:5   error  Unexpected console statement         no-console
§
§/home/runner/work/web/web/src/util.ts
§  8:1  warning  Missing return type on function  @typescript-eslint/explicit-function-return-type
§
§✖ 3 problems (2 errors, 1 warning)""",
                code=1,
            ),
        ],
    ),
    "3:10  error  'useMemo' is defined but never used  @typescript-eslint/no-unused-vars",
)

case(
    "go-mod-tidy-diff-gha",
    "lint.error",
    "medium",
    gha(
        "acme/agent",
        "tidy",
        [
            setup_go(),
            Step(
                "go mod tidy\ngit diff --exit-code -- go.mod go.sum",
                go_download(GO_MODS[:4])
                + """
§diff --git a/go.mod b/go.mod
§index 3f2a1c0..9b1c7d2 100644
§--- a/go.mod
§+++ b/go.mod
§@@ -5,6 +5,7 @@ go 1.22
§ require (
§ 	github.com/spf13/cobra v1.8.0
§+	golang.org/x/sync v0.7.0
§ )""",
                code=1,
            ),
        ],
    ),
    "+	golang.org/x/sync v0.7.0",
    "a tidiness check: the diff is the failure, no tool prints an error line",
)

case(
    "jenkins-generated-check-last-words",
    "lint.error",
    "medium",
    jenkins(
        "acme/protos",
        "protos/main",
        [
            Step(
                "make deps",
                "go: downloading google.golang.org/protobuf v1.34.1\ngo: downloading google.golang.org/grpc v1.63.2",
                name="Deps",
            ),
            Step(
                "./scripts/check-generated.sh",
                """Regenerating protobuf stubs with buf 1.31.0...
buf generate: wrote 14 files
§ M api/v1/service.pb.go
§ M api/v1/service_grpc.pb.go
§ERROR: generated files are out of date; run 'make generate' and commit the result""",
                code=1,
                name="Check generated",
            ),
        ],
    ),
    "ERROR: generated files are out of date; run 'make generate' and commit the result",
    "a script judges a tool's output and says so last; the files it names are above",
)

case(
    "pytest-two-failures-long-gha",
    "test.failure",
    "high",
    gha(
        "acme/etl",
        "tests (3.12)",
        [
            setup_python("3.12"),
            Step(
                "pytest -q",
                """........................................F.....F...........                   [100%]
=================================== FAILURES ===================================
§_____________________________ test_merge_keeps_order _____________________________
§
§    def test_merge_keeps_order():
§        left = [Row(1, "a"), Row(3, "c")]
§        right = [Row(2, "b")]
§>       assert merge(left, right) == [Row(1, "a"), Row(2, "b"), Row(3, "c")]
§E       AssertionError: assert [Row(id=1, name='a'), Row(id=3, name='c'), Row(id=2, name='b')] == [Row(id=1, name='a'), Row(id=2, name='b'), Row(id=3, name='c')]
§E         At index 1 diff: Row(id=3, name='c') != Row(id=2, name='b')
§E         Use -v to get more diff
§
§tests/test_merge.py:14: AssertionError
______________________________ test_sink_retries ______________________________

    def test_sink_retries():
        sink = Sink(FlakyStore(failures=2))
>       sink.write([Row(1, "a")])

tests/test_sink.py:22:
_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _
etl/sink.py:41: in write
    self._store.put(batch)
_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _

self = <tests.fakes.FlakyStore object at 0x7f3a2c1d9e50>, batch = [Row(id=1, name='a')]

    def put(self, batch):
        if self.failures:
            self.failures -= 1
>           raise ConnectionError("store unavailable")
E           ConnectionError: store unavailable

tests/fakes.py:18: ConnectionError
=========================== short test summary info ============================
FAILED tests/test_merge.py::test_merge_keeps_order - AssertionError: assert [Row(id=1, name='a'), Row(id=3, name='c'), Row(id=2, name='b')] == [Row(...
FAILED tests/test_sink.py::test_sink_retries - ConnectionError: store unavailable
2 failed, 57 passed in 1.84s""",
                code=1,
            ),
        ],
    ),
    "AssertionError: assert [Row(id=1, name='a'), Row(id=3, name='c'), Row(id=2, name='b')] == [...]",
    "two failures; the first whole is what a maintainer reads first",
)


# Second look (written after the first look's one fix, before triage ran on these).

case(
    "go-parallel-name-lines-gha",
    "test.failure",
    "medium",
    gha(
        "acme/mirror",
        "test",
        [
            setup_go(),
            Step(
                "go test -v -race ./sync/...",
                """=== RUN   TestSync
=== RUN   TestSync/local
=== PAUSE TestSync/local
=== RUN   TestSync/remote
=== PAUSE TestSync/remote
=== CONT  TestSync/local
=== CONT  TestSync/remote
    sync_test.go:44: local mirror at /tmp/TestSynclocal1234/001
§=== NAME  TestSync/remote
§    sync_test.go:61: pull: dial tcp 127.0.0.1:7070: connect: connection refused
§--- FAIL: TestSync (0.02s)
§    --- FAIL: TestSync/remote (0.01s)
    --- PASS: TestSync/local (0.00s)
=== RUN   TestPrune
--- PASS: TestPrune (0.00s)
FAIL
FAIL	github.com/acme/mirror/sync	0.051s
FAIL""",
                code=1,
            ),
        ],
    ),
    "sync_test.go:61: pull: dial tcp 127.0.0.1:7070: connect: connection refused",
    "go 1.20+ -v names whose output follows with '=== NAME' after parallel subtests interleave",
)

case(
    "phpunit-two-failures-gha",
    "test.failure",
    "high",
    gha(
        "acme/shop-php",
        "tests",
        [
            Step("composer install --no-progress --prefer-dist", composer_install()),
            Step(
                "vendor/bin/phpunit",
                """PHPUnit 11.1.3 by Sebastian Bergmann and contributors.

Runtime:       PHP 8.3.6
Configuration: /home/runner/work/shop-php/shop-php/phpunit.xml

..F.....F..                                                       11 / 11 (100%)

Time: 00:00.081, Memory: 10.00 MB

§There were 2 failures:
§
§1) Tests\\Unit\\CartTest::testTotalIncludesTax
§Failed asserting that 100.0 matches expected 107.0.
§
§/home/runner/work/shop-php/shop-php/tests/Unit/CartTest.php:24
§
§2) Tests\\Unit\\PriceTest::testRoundsHalfUp
§Failed asserting that '1.00' is identical to '1.01'.
§
§/home/runner/work/shop-php/shop-php/tests/Unit/PriceTest.php:17

FAILURES!
Tests: 11, Assertions: 19, Failures: 2.""",
                code=1,
            ),
        ],
    ),
    "Failed asserting that 100.0 matches expected 107.0.",
)

case(
    "dotnet-test-two-failures-gha",
    "test.failure",
    "high",
    gha(
        "acme/shop-net",
        "test",
        [
            Step("dotnet restore", dotnet_restore()),
            Step(
                "dotnet test --no-restore",
                """  Shop -> /home/runner/work/shop-net/shop-net/src/Shop/bin/Debug/net8.0/Shop.dll
  Shop.Tests -> /home/runner/work/shop-net/shop-net/tests/Shop.Tests/bin/Debug/net8.0/Shop.Tests.dll
Test run for /home/runner/work/shop-net/shop-net/tests/Shop.Tests/bin/Debug/net8.0/Shop.Tests.dll (.NETCoreApp,Version=v8.0)
Microsoft (R) Test Execution Command Line Tool Version 17.9.0 (x64)
Copyright (c) Microsoft Corporation.  All rights reserved.

Starting test execution, please wait...
A total of 1 test files matched the specified pattern.
§  Failed Shop.Tests.CartTests.Total_IncludesTax [12 ms]
§  Error Message:
§   Assert.Equal() Failure: Values differ
§Expected: 107
§Actual:   100
§  Stack Trace:
§     at Shop.Tests.CartTests.Total_IncludesTax() in /home/runner/work/shop-net/shop-net/tests/Shop.Tests/CartTests.cs:line 21
   at System.RuntimeMethodHandle.InvokeMethod(Object target, Void** arguments, Signature sig, Boolean isConstructor)
   at System.Reflection.MethodBaseInvoker.InvokeWithNoArgs(Object obj, BindingFlags invokeAttr)
  Failed Shop.Tests.PriceTests.Rounds_HalfUp [1 ms]
  Error Message:
   Assert.Equal() Failure: Strings differ
           ↓ (pos 3)
Expected: "1.01"
Actual:   "1.00"
           ↑ (pos 3)
  Stack Trace:
     at Shop.Tests.PriceTests.Rounds_HalfUp() in /home/runner/work/shop-net/shop-net/tests/Shop.Tests/PriceTests.cs:line 15

Failed!  - Failed:     2, Passed:    39, Skipped:     0, Total:    41, Duration: 210 ms - Shop.Tests.dll (net8.0)""",
                code=1,
            ),
        ],
    ),
    "Failed Shop.Tests.CartTests.Total_IncludesTax [12 ms]",
)

case(
    "rspec-two-failures-gha",
    "test.failure",
    "high",
    gha(
        "acme/shop-rb",
        "rspec",
        [
            Step("bundle install --jobs 4", bundle_install()),
            Step(
                "bundle exec rspec",
                """
Randomized with seed 41027
.....F...F..

§Failures:
§
§  1) Cart#total includes tax
§     Failure/Error: expect(cart.total).to eq(107)
§
§       expected: 107
§            got: 100
§
§       (compared using ==)
§     # ./spec/cart_spec.rb:12:in `block (3 levels) in <top (required)>'

  2) Price.round rounds half up
     Failure/Error: expect(Price.round(1.005)).to eq(1.01)

       expected: 1.01
            got: 1.0

       (compared using ==)
     # ./spec/price_spec.rb:8:in `block (3 levels) in <top (required)>'

Finished in 0.04512 seconds (files took 0.31 seconds to load)
12 examples, 2 failures

Failed examples:

rspec ./spec/cart_spec.rb:10 # Cart#total includes tax
rspec ./spec/price_spec.rb:6 # Price.round rounds half up

Randomized with seed 41027""",
                code=1,
            ),
        ],
    ),
    "Failure/Error: expect(cart.total).to eq(107)",
)

case(
    "kotlin-compile-errors-gha",
    "compile.error",
    "high",
    gha(
        "acme/notes",
        "build",
        [
            setup_java(),
            Step(
                "./gradlew assemble",
                gradle_head()
                + """
> Task :app:compileKotlin FAILED
§e: file:///home/runner/work/notes/notes/app/src/main/kotlin/com/acme/notes/Store.kt:12:5 Unresolved reference 'flushAll'.
§e: file:///home/runner/work/notes/notes/app/src/main/kotlin/com/acme/notes/Store.kt:19:13 Argument type mismatch: actual type is 'String', but 'Int' was expected.

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':app:compileKotlin'.
> A failure occurred while executing org.jetbrains.kotlin.compilerRunner.GradleCompilerRunnerWithWorkers$GradleKotlinCompilerWorkAction
   > Compilation error. See log for more details

* Try:
> Run with --stacktrace option to get the stack trace.

BUILD FAILED in 38s""",
                code=1,
            ),
        ],
    ),
    "Store.kt:12:5 Unresolved reference 'flushAll'.",
)

case(
    "go-test-build-failed-gha",
    "compile.error",
    "high",
    gha(
        "acme/fleet",
        "test",
        [
            setup_go(),
            Step(
                "go test ./...",
                _go_ok(GO_PKGS[1:5])
                + """
§# github.com/acme/fleet/api [github.com/acme/fleet/api.test]
§api/handler.go:41:9: undefined: respond
§api/handler.go:57:2: declared and not used: ctx
§FAIL	github.com/acme/fleet/api [build failed]
"""
                + _go_ok(GO_PKGS2[:6])
                + "\nFAIL",
                code=1,
            ),
        ],
    ),
    "api/handler.go:41:9: undefined: respond",
    "a package that does not compile, among passing packages",
)


# Third look: GitHub Actions' own shapes around a tool's output (written before triage ran on them).

case(
    "tsc-problem-matcher-annotations-gha",
    "compile.error",
    "high",
    gha(
        "acme/dash",
        "typecheck",
        [
            setup_node(),
            Step("npm ci", npm_ci(744)),
            Step(
                "npx tsc --noEmit -p .",
                """§src/widgets/Chart.tsx(41,7): error TS2322: Type 'string' is not assignable to type 'number'.
§src/widgets/Chart.tsx(58,19): error TS2339: Property 'seriesName' does not exist on type 'Point'.
§src/api/client.ts(12,3): error TS2305: Module '"./types"' has no exported member 'Paged'.
##[error]src/widgets/Chart.tsx(41,7): error TS2322: Type 'string' is not assignable to type 'number'.
##[error]src/widgets/Chart.tsx(58,19): error TS2339: Property 'seriesName' does not exist on type 'Point'.
##[error]src/api/client.ts(12,3): error TS2305: Module '"./types"' has no exported member 'Paged'.""",
                code=2,
            ),
        ],
    ),
    "src/widgets/Chart.tsx(41,7): error TS2322: Type 'string' is not assignable to type 'number'.",
    "a problem matcher repeats each diagnostic as an annotation right below the tool's own output",
)

case(
    "earlier-step-errors-continue-on-error-gha",
    "test.failure",
    "high",
    gha(
        "acme/etl",
        "tests",
        [
            setup_python(),
            Step(
                "pip install -r requirements-dev.txt\npip check || true",
                """Requirement already satisfied: pip in /opt/hostedtoolcache/Python/3.11.9/x64/lib/python3.11/site-packages (24.0)
Successfully installed etl-0.9.0 pytest-8.2.0
ERROR: pandas 2.2.2 has requirement numpy>=1.23.2, but you have numpy 1.22.4.""",
            ),
            Step(
                "pytest -q tests",
                """.......F....                                                             [100%]
=================================== FAILURES ===================================
§_______________________________ test_load_dates _______________________________
§
§    def test_load_dates():
§        rows = load("tests/data/dates.csv")
§>       assert rows[0].day == date(2024, 2, 29)
§E       AssertionError: assert datetime.date(2024, 3, 1) == datetime.date(2024, 2, 29)
§
§tests/test_load.py:17: AssertionError
=========================== short test summary info ============================
FAILED tests/test_load.py::test_load_dates - AssertionError: assert datetime.date(2024, 3, 1) == datetime.date(2024, 2, 29)
1 failed, 11 passed in 0.92s""",
                code=1,
            ),
        ],
    ),
    "AssertionError: assert datetime.date(2024, 3, 1) == datetime.date(2024, 2, 29)",
    "an error in a step that went on (|| true) is context, the failed step holds the cause",
)

case(
    "set-x-trace-script-gha",
    "config.error",
    "medium",
    gha(
        "acme/release",
        "publish",
        [
            Step(
                "set -euxo pipefail\n./scripts/publish.sh",
                """+ ./scripts/publish.sh
+ VERSION=2.4.0
+ git tag --list v2.4.0
+ '[' -n v2.4.0 ']'
§+ echo 'error: tag v2.4.0 already exists; bump the version in pyproject.toml'
§error: tag v2.4.0 already exists; bump the version in pyproject.toml
+ exit 3""",
                code=3,
            ),
        ],
    ),
    "error: tag v2.4.0 already exists; bump the version in pyproject.toml",
    "a shell trace of the step's script: the script's own message before its exit",
)

case(
    "upload-artifact-no-files-gha",
    "file.not.found",
    "medium",
    gha(
        "acme/site",
        "build",
        [
            setup_node(),
            Step(
                "npm run build",
                "\n> site@1.0.0 build\n> vite build\n\nvite v5.2.10 building for production...\n✓ 212 modules transformed.\n✓ built in 3.41s",
            ),
            Step(
                "",
                uses="actions/upload-artifact@v4",
                with_={"name": "site", "path": "public/", "if-no-files-found": "error"},
                out="With the provided path, there will be 0 files uploaded",
                code=1,
                error="§##[error]No files were found with the provided path: public/. No artifacts will be uploaded.",
            ),
        ],
    ),
    "No files were found with the provided path: public/. No artifacts will be uploaded.",
    "an action's own error: the build wrote dist/, the upload looked in public/",
)

case(
    "go-vet-annotations-far-apart-gha",
    "lint.error",
    "high",
    gha(
        "acme/fleet",
        "vet",
        [
            setup_go(),
            Step(
                "go vet ./...",
                go_download(GO_MODS)
                + """
§# github.com/acme/fleet/scheduler
§##[error]scheduler/queue.go:88:3: printf: fmt.Sprintf format %d has arg name of wrong type string
§##[error]scheduler/queue.go:102:10: unreachable code
§# github.com/acme/fleet/store
§##[error]store/etcd.go:41:2: copylocks: assignment copies lock value to c: sync.Mutex""",
                code=1,
            ),
        ],
    ),
    "scheduler/queue.go:88:3: printf: fmt.Sprintf format %d has arg name of wrong type string",
    "go vet's findings as annotations, grouped under their packages",
)

case(
    "cancelled-after-timeout-gha",
    "timeout",
    "high",
    gha(
        "acme/kv",
        "integration",
        [
            setup_go(),
            Step(
                "go test -v -run Integration ./...",
                """=== RUN   TestIntegrationReplicate
    replicate_test.go:31: starting 3 nodes on ports 7101-7103
    replicate_test.go:44: waiting for leader election
§##[error]The job running on runner GitHub Actions 12 has exceeded the maximum execution time of 30 minutes.""",
                code=1,
                error="§##[error]The operation was canceled.",
            ),
        ],
    ),
    "The job running on runner GitHub Actions 12 has exceeded the maximum execution time of 30 minutes.",
    "the job's time limit: what the step printed last is the test that hung",
)


# Fourth look: the JVM and mocha shapes of GitHub Actions logs, with several failures and long stacks
# (written before triage ran on them).

_GRADLE_FAILS = "\n".join(
    f"""§{cls}Test > {name}() FAILED
§    {exc}
§        at app//com.acme.ledger.{cls}Test.{name}({cls}Test.java:{line})
§"""
    for cls, name, exc, line in [
        ("Ledger", "postsDebitAndCredit", "org.opentest4j.AssertionFailedError: expected: <0> but was: <-40>", 51),
        (
            "Ledger",
            "rejectsUnbalancedEntry",
            "org.opentest4j.AssertionFailedError: Expected IllegalArgumentException to be thrown, but nothing was thrown.",
            77,
        ),
        ("Account", "closesWithZeroBalance", "java.lang.IllegalStateException: account 7 still has 2 open entries", 33),
        (
            "Statement",
            "rendersCurrency",
            "org.opentest4j.AssertionFailedError: expected: <€1,00> but was: <1.00 EUR>",
            19,
        ),
        (
            "Statement",
            "ordersByDate",
            'java.lang.NullPointerException: Cannot invoke "java.time.LocalDate.compareTo(java.time.chrono.ChronoLocalDate)" because "a" is null',
            42,
        ),
    ]
)

case(
    "gradle-five-failures-gha",
    "test.failure",
    "high",
    gha(
        "acme/ledger",
        "test",
        [
            setup_java(),
            Step(
                "./gradlew test --no-daemon",
                gradle_head()
                + """
> Task :app:compileJava
> Task :app:compileTestJava
> Task :app:test

"""
                + _GRADLE_FAILS
                + """§48 tests completed, 5 failed

> Task :app:test FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':app:test'.
> There were failing tests. See the report at: file:///home/runner/work/ledger/ledger/app/build/reports/tests/test/index.html

BUILD FAILED in 52s""",
                code=1,
            ),
        ],
    ),
    "LedgerTest > postsDebitAndCredit() FAILED",
    "five failing tests listed one after another, then the count",
)

_JUNIT_FRAMES = "\n".join(
    f"\tat org.junit.platform.engine.support.hierarchical.{c}.{m}({c}.java:{n})"
    for c, m, n in [
        ("NodeTestTask", "lambda$executeRecursively$6", 151),
        ("ThrowableCollector", "execute", 73),
        ("NodeTestTask", "lambda$executeRecursively$8", 141),
        ("Node", "around", 137),
        ("NodeTestTask", "executeRecursively", 139),
        ("NodeTestTask", "execute", 95),
    ]
)

case(
    "maven-errors-caused-by-gha",
    "test.failure",
    "high",
    gha(
        "acme/catalog",
        "build",
        [
            setup_java(),
            Step(
                "mvn -B test",
                maven_head("catalog")
                + """
[INFO] -------------------------------------------------------
[INFO]  T E S T S
[INFO] -------------------------------------------------------
[INFO] Running com.acme.catalog.SearchIndexTest
§[ERROR] Tests run: 4, Failures: 0, Errors: 2, Skipped: 0, Time elapsed: 0.054 s <<< FAILURE! - in com.acme.catalog.SearchIndexTest
§[ERROR] rebuildsAfterDelete(com.acme.catalog.SearchIndexTest)  Time elapsed: 0.021 s  <<< ERROR!
§java.lang.IllegalStateException: index is closed
§	at com.acme.catalog.SearchIndex.ensureOpen(SearchIndex.java:212)
§	at com.acme.catalog.SearchIndex.rebuild(SearchIndex.java:98)
§	at com.acme.catalog.SearchIndexTest.rebuildsAfterDelete(SearchIndexTest.java:57)
§"""
                + "\n".join("§" + f for f in _JUNIT_FRAMES.split("\n"))
                + """
§Caused by: java.lang.NullPointerException
§	at com.acme.catalog.SearchIndex.close(SearchIndex.java:230)
§	at com.acme.catalog.SearchIndexTest.setUp(SearchIndexTest.java:31)
	... 44 more

[ERROR] reindexesOnUpdate(com.acme.catalog.SearchIndexTest)  Time elapsed: 0.003 s  <<< ERROR!
java.lang.IllegalStateException: index is closed
	at com.acme.catalog.SearchIndex.ensureOpen(SearchIndex.java:212)
	at com.acme.catalog.SearchIndex.update(SearchIndex.java:141)
	at com.acme.catalog.SearchIndexTest.reindexesOnUpdate(SearchIndexTest.java:71)

[INFO]
[INFO] Results:
[INFO]
[ERROR] Errors:
[ERROR]   SearchIndexTest.rebuildsAfterDelete:57 » IllegalState index is closed
[ERROR]   SearchIndexTest.reindexesOnUpdate:71 » IllegalState index is closed
[INFO]
[ERROR] Tests run: 31, Failures: 0, Errors: 2, Skipped: 0
[INFO]
[INFO] BUILD FAILURE""",
                code=1,
            ),
        ],
    ),
    "java.lang.IllegalStateException: index is closed",
    "a test error's stack with a Caused by below it, a second error after it",
)

case(
    "mocha-two-failing-timeout-gha",
    "test.failure",
    "high",
    gha(
        "acme/api-client",
        "test",
        [
            setup_node(),
            Step("npm ci", npm_ci(388)),
            Step(
                "npm test",
                """
> api-client@3.1.0 test
> mocha --recursive test/

  Client
    ✔ sends the auth header
    ✔ parses JSON bodies
    1) retries on 503
    ✔ gives up after 3 attempts
  Pager
    ✔ follows next links
    2) stops at the last page


§  38 passing (4s)
§  1 pending
§  2 failing
§
§  1) Client
§       retries on 503:
§     Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called; if returning a Promise, ensure it resolves. (/home/runner/work/api-client/api-client/test/client.test.js)
§      at listOnTimeout (node:internal/timers:573:17)
§      at process.processTimers (node:internal/timers:514:7)

  2) Pager
       stops at the last page:

      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:

3 !== 2

      + expected - actual

      -3
      +2

      at Context.<anonymous> (test/pager.test.js:44:14)
      at process.processImmediate (node:internal/timers:478:21)
""",
                code=2,
            ),
        ],
    ),
    'Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called',
    "mocha's counts, then its numbered failures with their stacks",
)

case(
    "gradle-long-stack-gha",
    "test.failure",
    "high",
    gha(
        "acme/importer",
        "test",
        [
            setup_java(),
            Step(
                "./gradlew :core:test --no-daemon",
                gradle_head()
                + """
> Task :core:test

§CsvImporterTest > importsQuotedNewlines() FAILED
§    com.fasterxml.jackson.core.JsonParseException: Unexpected character ('"' (code 34)): was expecting comma to separate Object entries
§     at [Source: (StringReader); line: 1, column: 18]
§        at app//com.fasterxml.jackson.core.JsonParser._constructError(JsonParser.java:2477)
§        at app//com.fasterxml.jackson.core.base.ParserMinimalBase._reportError(ParserMinimalBase.java:750)
§        at app//com.fasterxml.jackson.core.base.ParserMinimalBase._reportUnexpectedChar(ParserMinimalBase.java:674)
§        at app//com.fasterxml.jackson.core.json.ReaderBasedJsonParser.nextToken(ReaderBasedJsonParser.java:713)
§        at app//com.fasterxml.jackson.databind.deser.BeanDeserializer.vanillaDeserialize(BeanDeserializer.java:317)
§        at app//com.fasterxml.jackson.databind.deser.BeanDeserializer.deserialize(BeanDeserializer.java:177)
§        at app//com.fasterxml.jackson.databind.ObjectMapper._readMapAndClose(ObjectMapper.java:4825)
§        at app//com.fasterxml.jackson.databind.ObjectMapper.readValue(ObjectMapper.java:3772)
§        at app//com.acme.importer.CsvImporter.parseRow(CsvImporter.java:88)
§        at app//com.acme.importer.CsvImporter.importAll(CsvImporter.java:51)
§        at app//com.acme.importer.CsvImporterTest.importsQuotedNewlines(CsvImporterTest.java:36)

27 tests completed, 1 failed

> Task :core:test FAILED

FAILURE: Build failed with an exception.""",
                code=1,
            ),
        ],
    ),
    "com.fasterxml.jackson.core.JsonParseException: Unexpected character",
)


# Fifth look: ecosystems no authored case had yet (written before triage ran on them).

case(
    "googletest-failure-gha",
    "test.failure",
    "high",
    gha(
        "acme/geo",
        "test (ubuntu-latest)",
        [
            Step("cmake -S . -B build -DCMAKE_BUILD_TYPE=Debug && cmake --build build -j4", cmake_configure("geo")),
            Step(
                "ctest --test-dir build --output-on-failure",
                """Internal ctest changing into directory: /home/runner/work/geo/geo/build
Test project /home/runner/work/geo/geo/build
    Start 1: geo_tests
1/1 Test #1: geo_tests ........................***Failed    0.02 sec
[==========] Running 12 tests from 3 test suites.
[----------] Global test environment set-up.
[----------] 4 tests from ParserTest
[ RUN      ] ParserTest.ParsesEmpty
[       OK ] ParserTest.ParsesEmpty (0 ms)
[ RUN      ] ParserTest.RejectsTab
§/home/runner/work/geo/geo/tests/parser_test.cc:41: Failure
§Expected equality of these values:
§  parse("\\t").ok()
§    Which is: true
§  false
§[  FAILED  ] ParserTest.RejectsTab (0 ms)
[ RUN      ] ParserTest.ParsesPoint
[       OK ] ParserTest.ParsesPoint (0 ms)
[----------] 4 tests from ParserTest (0 ms total)

[----------] Global test environment tear-down
[==========] 12 tests from 3 test suites ran. (3 ms total)
[  PASSED  ] 11 tests.
[  FAILED  ] 1 test, listed below:
[  FAILED  ] ParserTest.RejectsTab

 1 FAILED TEST


0% tests passed, 1 tests failed out of 1

Total Test time (real) =   0.03 sec

The following tests FAILED:
\t  1 - geo_tests (Failed)
Errors while running CTest""",
                code=8,
            ),
        ],
    ),
    "/home/runner/work/geo/geo/tests/parser_test.cc:41: Failure",
)

case(
    "asan-heap-overflow-gha",
    "crash",
    "medium",
    gha(
        "acme/geo",
        "asan",
        [
            Step("cmake -S . -B build -DSANITIZE=address && cmake --build build -j4", cmake_configure("geo")),
            Step(
                "./build/geo_tests --gtest_filter=Ring*",
                """[==========] Running 3 tests from 1 test suite.
[ RUN      ] RingTest.WrapsAround
=================================================================
§==4127==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000054 at pc 0x55d1c2a3b1e4 bp 0x7ffd3c1a9f10 sp 0x7ffd3c1a9f00
§WRITE of size 4 at 0x602000000054 thread T0
§    #0 0x55d1c2a3b1e3 in geo::Ring::push(int) /home/runner/work/geo/geo/src/ring.cc:27
§    #1 0x55d1c2a3a0f7 in RingTest_WrapsAround_Test::TestBody() /home/runner/work/geo/geo/tests/ring_test.cc:15
§    #2 0x55d1c2ac4d5e in void testing::internal::HandleExceptionsInMethodIfSupported<testing::Test, void>(testing::Test*, void (testing::Test::*)(), char const*) (/home/runner/work/geo/geo/build/geo_tests+0x9fd5e)
    #3 0x55d1c2ab8c31 in testing::Test::Run() (/home/runner/work/geo/geo/build/geo_tests+0x93c31)
    #4 0x7f9b2a629d8f in __libc_start_call_main ../sysdeps/nptl/libc_start_call_main.h:58

0x602000000054 is located 0 bytes to the right of 4-byte region [0x602000000050,0x602000000054)
allocated by thread T0 here:
    #0 0x7f9b2aeb61e7 in operator new(unsigned long) ../../../../src/libsanitizer/asan/asan_new_delete.cpp:99
    #1 0x55d1c2a3b0a2 in geo::Ring::Ring(unsigned long) /home/runner/work/geo/geo/src/ring.cc:9

SUMMARY: AddressSanitizer: heap-buffer-overflow /home/runner/work/geo/geo/src/ring.cc:27 in geo::Ring::push(int)
Shadow bytes around the buggy address:
  0x601ffffffd80: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
  0x601ffffffe00: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
=>0x602000000000: fa fa 00 fa fa fa 00 fa fa fa[04]fa fa fa fa fa
  0x602000000080: fa fa fa fa fa fa fa fa fa fa fa fa fa fa fa fa
Shadow byte legend (one shadow byte represents 8 application bytes):
  Addressable:           00
  Heap left redzone:       fa
==4127==ABORTING""",
                code=1,
            ),
        ],
    ),
    "==4127==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000054",
    "a sanitizer's report: its error line and the first frames say what and where",
)

case(
    "pylint-findings-gha",
    "lint.error",
    "high",
    gha(
        "acme/etl",
        "lint (py3.11)",
        [
            setup_python(),
            Step(
                "pylint etl",
                """§************* Module etl.sink
§etl/sink.py:41:8: W0707: Consider explicitly re-raising using 'raise SinkError(exc) from exc' (raise-missing-from)
§etl/sink.py:57:0: C0116: Missing function or method docstring (missing-function-docstring)
§************* Module etl.load
§etl/load.py:12:0: E0401: Unable to import 'pyarrow' (import-error)
§etl/load.py:88:4: R1705: Unnecessary "else" after "return", remove the "else" and de-indent the code inside it (no-else-return)

------------------------------------------------------------------
Your code has been rated at 8.91/10 (previous run: 9.12/10, -0.21)
""",
                code=30,
            ),
        ],
    ),
    "etl/load.py:12:0: E0401: Unable to import 'pyarrow' (import-error)",
)

case(
    "bats-tap-failure-gha",
    "test.failure",
    "high",
    gha(
        "acme/installer",
        "test",
        [
            Step("sudo apt-get install -y bats", apt_install("bats")),
            Step(
                "bats test/",
                """1..6
ok 1 prints usage without arguments
ok 2 rejects unknown flags
§not ok 3 install creates the config directory
§# (in test file test/install.bats, line 14)
§#   `[ -d "$HOME/.config/acme" ]' failed
§# installing into /home/runner/.local/acme
§# warning: XDG_CONFIG_HOME is not set
ok 4 install is idempotent
ok 5 uninstall removes the binary
ok 6 uninstall keeps user data""",
                code=1,
            ),
        ],
    ),
    "not ok 3 install creates the config directory",
)

case(
    "zig-test-type-error-gha",
    "compile.error",
    "high",
    gha(
        "acme/pixie",
        "build",
        [
            Step(
                "",
                uses="mlugg/setup-zig@v1",
                with_={"version": "0.13.0"},
                out="Installing Zig 0.13.0\nAdded /home/runner/.cache/zig/0.13.0 to the path",
            ),
            Step(
                "zig build test",
                """test
└─ run test
   └─ zig test Debug native 1 errors
§src/image.zig:42:17: error: expected type 'u32', found 'i64'
§        return self.width * y + x;
§               ~~~~~~~~~~~^~~~~~~
§src/image.zig:40:38: note: parameter type declared here
§    pub fn index(self: Image, x: i64, y: i64) u32 {
§                                     ^~~
error: the following command failed with 1 compilation errors:
/home/runner/.cache/zig/0.13.0/zig test -ODebug -Mroot=/home/runner/work/pixie/pixie/src/root.zig --cache-dir /home/runner/work/pixie/pixie/.zig-cache --global-cache-dir /home/runner/.cache/zig --name test --listen=-
Build Summary: 0/3 steps succeeded; 1 failed (disable with --summary none)
test transitive failure
└─ run test transitive failure
   └─ zig test Debug native 1 errors""",
                code=1,
            ),
        ],
    ),
    "src/image.zig:42:17: error: expected type 'u32', found 'i64'",
)


# Sixth look: a JVM service's own log records interleaved with the test runner's report
# (written before triage ran on them).

_BOOT = "2024-05-06T09:12:0{s}.{ms:03d}Z {level:>5} 2211 --- [{thread:>15}] {logger:<40} : {msg}"


def _boot(s: int, ms: int, level: str, thread: str, logger: str, msg: str) -> str:
    return _BOOT.format(s=s, ms=ms, level=level, thread=thread, logger=logger, msg=msg)


case(
    "spring-maven-logs-around-failure-gha",
    "test.failure",
    "high",
    gha(
        "acme/orders",
        "build",
        [
            setup_java(),
            Step(
                "mvn -B verify",
                maven_head("orders")
                + "\n[INFO] Running com.acme.orders.OrderApiTest\n"
                + "\n".join(
                    _boot(1, 101 + i * 37, "INFO", "main", lg, m)
                    for i, (lg, m) in enumerate(
                        [
                            ("c.a.orders.OrderApiTest", "Starting OrderApiTest using Java 17.0.11 with PID 2211"),
                            ("o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port 0 (http)"),
                            ("com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed."),
                            (
                                "o.s.b.w.embedded.tomcat.TomcatWebServer",
                                "Tomcat started on port 41217 (http) with context path ''",
                            ),
                        ]
                    )
                )
                + "\n§"
                + _boot(
                    3,
                    902,
                    "ERROR",
                    "o-auto-1-exec-1",
                    "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                    "Servlet.service() for servlet [dispatcherServlet] threw exception",
                )
                + """
§java.lang.NullPointerException: Cannot invoke "com.acme.orders.Customer.id()" because "customer" is null
§	at com.acme.orders.OrderService.place(OrderService.java:44)
§	at com.acme.orders.OrderController.create(OrderController.java:31)
§[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 3.12 s <<< FAILURE! -- in com.acme.orders.OrderApiTest
§[ERROR] com.acme.orders.OrderApiTest.createsOrder -- Time elapsed: 0.41 s <<< FAILURE!
§org.opentest4j.AssertionFailedError: expected: <201 CREATED> but was: <500 INTERNAL_SERVER_ERROR>
§	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
§	at com.acme.orders.OrderApiTest.createsOrder(OrderApiTest.java:52)
"""
                + "\n".join(
                    _boot(4, 120 + i * 11, "INFO", "ionShutdownHook", lg, m)
                    for i, (lg, m) in enumerate(
                        [
                            (
                                "j.LocalContainerEntityManagerFactoryBean",
                                "Closing JPA EntityManagerFactory for persistence unit 'default'",
                            ),
                            ("com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Shutdown initiated..."),
                            ("com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Shutdown completed."),
                        ]
                    )
                )
                + """
[INFO]
[INFO] Results:
[INFO]
[ERROR] Failures:
[ERROR]   OrderApiTest.createsOrder:52 expected: <201 CREATED> but was: <500 INTERNAL_SERVER_ERROR>
[INFO]
[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0
[INFO]
[INFO] BUILD FAILURE""",
                code=1,
            ),
        ],
    ),
    'java.lang.NullPointerException: Cannot invoke "com.acme.orders.Customer.id()" because "customer" is null',
    "the service's own error record and stack explain the failed assertion below them",
)

case(
    "gradle-logs-between-failure-and-count-gha",
    "test.failure",
    "high",
    gha(
        "acme/orders",
        "test",
        [
            setup_java(),
            Step(
                "./gradlew test",
                gradle_head()
                + """
> Task :test

§OrderRepositoryTest > findsByStatus() FAILED
§    org.opentest4j.AssertionFailedError at OrderRepositoryTest.java:64
§"""
                + _boot(9, 4, "DEBUG", "ionShutdownHook", "o.h.internal.SessionFactoryImpl", "HHH000031: Closing")
                + "\n§"
                + _boot(
                    9,
                    10,
                    "INFO",
                    "ionShutdownHook",
                    "com.zaxxer.hikari.HikariDataSource",
                    "HikariPool-1 - Shutdown completed.",
                )
                + """
§
§212 tests completed, 1 failed
"""
                + _boot(
                    9,
                    20,
                    "DEBUG",
                    "ionShutdownHook",
                    "o.s.b.a.ApplicationAvailabilityBean",
                    "Application availability state ReadinessState changed",
                )
                + """

> Task :test FAILED

FAILURE: Build failed with an exception.""",
                code=1,
            ),
        ],
    ),
    "OrderRepositoryTest > findsByStatus() FAILED",
)
