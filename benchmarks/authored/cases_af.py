"""Authored cases, batch af: where the root-cause line sits among lines that look like it: a runner's live
progress that names the failing test above its own failure block (xUnit.net under ``dotnet test``), a TAP
``not ok`` point above the build driver's ``make: ***`` line, a passing BDD step with a source location
above the failing one, a tally of zero failures above the real finding, and a framework's own per-test time
limit as the failing test's error inside a block no rule reads. Labelled before triage ran on them (first
run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import dotnet_restore, setup_node, setup_python
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, jenkins, plain

# ---------------------------------------------------------------- a runner's live output above its failure block

case(
    "af-dotnet-xunit-live-gha",
    "test.failure",
    "high",
    gha(
        "acme/ledger",
        "test",
        [
            Step("dotnet restore", dotnet_restore()),
            Step(
                'dotnet test --no-restore --logger "console;verbosity=normal"',
                f"""Build started 12/02/2026 05:12:44.
  Ledger -> /home/runner/work/ledger/ledger/src/Ledger/bin/Debug/net8.0/Ledger.dll
  Ledger.Tests -> /home/runner/work/ledger/ledger/tests/Ledger.Tests/bin/Debug/net8.0/Ledger.Tests.dll
Test run for /home/runner/work/ledger/ledger/tests/Ledger.Tests/bin/Debug/net8.0/Ledger.Tests.dll (.NETCoreApp,Version=v8.0)
Starting test execution, please wait...
A total of 1 test files matched the specified pattern.
[xUnit.net 00:00:00.00] xUnit.net VSTest Adapter v2.5.7+8f2703126a (64-bit .NET 8.0.1)
[xUnit.net 00:00:00.31]   Discovering: Ledger.Tests
[xUnit.net 00:00:00.38]   Discovered:  Ledger.Tests
[xUnit.net 00:00:00.39]   Starting:    Ledger.Tests
[xUnit.net 00:00:00.71]     Ledger.Tests.BalanceTests.Carries_Negative_Balance [FAIL]
[xUnit.net 00:00:00.71]       Assert.Equal() Failure: Values differ
[xUnit.net 00:00:00.71]       Expected: -40.00
[xUnit.net 00:00:00.71]       Actual:   40.00
[xUnit.net 00:00:00.71]       Stack Trace:
[xUnit.net 00:00:00.71]         /home/runner/work/ledger/ledger/tests/Ledger.Tests/BalanceTests.cs(31,0): at Ledger.Tests.BalanceTests.Carries_Negative_Balance()
[xUnit.net 00:00:00.80]   Finished:    Ledger.Tests
  Passed Ledger.Tests.BalanceTests.Opens_At_Zero [2 ms]
{MARK}  Failed Ledger.Tests.BalanceTests.Carries_Negative_Balance [9 ms]
{MARK}  Error Message:
{MARK}   Assert.Equal() Failure: Values differ
{MARK}Expected: -40.00
{MARK}Actual:   40.00
{MARK}  Stack Trace:
{MARK}     at Ledger.Tests.BalanceTests.Carries_Negative_Balance() in /home/runner/work/ledger/ledger/tests/Ledger.Tests/BalanceTests.cs:line 31
  Passed Ledger.Tests.BalanceTests.Posts_Transfer [1 ms]

Test Run Failed.
Total tests: 3
     Passed: 2
     Failed: 1
 Total time: 1.1124 Seconds""",
                code=1,
            ),
        ],
    ),
    "Failed Ledger.Tests.BalanceTests.Carries_Negative_Balance [9 ms]",
    "xUnit.net's live [FAIL] lines, then VSTest's Failed block: the block is the failure",
)

# ---------------------------------------------------------------- a TAP verdict above the build driver's error

case(
    "af-jenkins-bats-make",
    "test.failure",
    "high",
    jenkins(
        "acme/deploy-tools",
        "deploy-tools/main",
        [
            Step("make lint", "shellcheck bin/*.sh lib/*.sh", name="Lint"),
            Step(
                "make test",
                f"""bats --tap test/
1..5
ok 1 deploy prints usage without arguments
ok 2 deploy rejects an unknown environment
{MARK}not ok 3 deploy reads the region from the config
{MARK}# (in test file test/deploy.bats, line 27)
{MARK}#   `[ "$output" = "eu-west-1" ]' failed
{MARK}# region: us-east-1
ok 4 rollback needs a release id
ok 5 rollback lists releases
make: *** [Makefile:14: test] Error 1""",
                code=2,
                name="Test",
            ),
        ],
    ),
    "not ok 3 deploy reads the region from the config",
    "bats in TAP mode under make in Jenkins: the not ok point, not make's epilogue",
)

case(
    "af-gitlab-prove-make",
    "test.failure",
    "high",
    gitlab(
        "acme/mail-filter",
        "perl:5.38",
        [
            Step(
                "cpanm --installdeps --notest .",
                "--> Working on .\nConfiguring Mail-Filter-0.31 ... OK\n<== Installed dependencies for .. Finishing.",
            ),
            Step(
                "make test",
                f"""PERL_DL_NONLAZY=1 "/usr/local/bin/perl" "-MExtUtils::Command::MM" "-MTest::Harness" "-e" "undef *Test::Harness::Switches; test_harness(0, 'blib/lib', 'blib/arch')" t/*.t
t/00-load.t .... ok
t/10-parse.t ... 1/4
{MARK}#   Failed test 'subject header is decoded'
{MARK}#   at t/10-parse.t line 22.
{MARK}#          got: '=?UTF-8?B?w6lsw6k=?='
{MARK}#     expected: 'été'
{MARK}# Looks like you failed 1 test of 4.
{MARK}t/10-parse.t ... Dubious, test returned 1 (wstat 256, 0x100)
{MARK}Failed 1/4 subtests
t/20-rules.t ... ok

Test Summary Report
-------------------
t/10-parse.t (Wstat: 256 (exited 1) Tests: 4 Failed: 1)
  Failed test:  2
  Non-zero exit status: 1
Files=3, Tests=15,  1 wallclock secs ( 0.02 usr  0.01 sys +  0.31 cusr  0.04 csys =  0.38 CPU)
Result: FAIL
Failed 1/3 test programs. 1/15 subtests failed.
make: *** [Makefile:851: test_dynamic] Error 1""",
                code=2,
            ),
        ],
    ),
    "Failed test 'subject header is decoded'",
    "prove under make: Test::More's failed test, not make's epilogue",
)

# ---------------------------------------------------------------- a passing BDD step's location above the failing one

case(
    "af-behave-step-locations-gha",
    "test.failure",
    "high",
    gha(
        "acme/shopfront",
        "bdd",
        [
            setup_python("3.12"),
            Step(
                "behave --no-capture features/",
                f"""Feature: Checkout # features/checkout.feature:1

  Scenario: Paying with a voucher                     # features/checkout.feature:4
    Given a cart holding one "mug" at 8.00            # features/steps/checkout.py:12 0.001s
    And a voucher "TENOFF" worth 10 percent           # features/steps/checkout.py:19 0.000s
    When I pay with the voucher                       # features/steps/checkout.py:26 0.003s
{MARK}    Then the amount charged is 7.20                   # features/steps/checkout.py:40 0.000s
{MARK}      Assertion Failed: expected 7.20, charged 8.00
{MARK}
{MARK}Failing scenarios:
{MARK}  features/checkout.feature:4  Paying with a voucher

0 features passed, 1 failed, 0 skipped
2 scenarios passed, 1 failed, 0 skipped
11 steps passed, 1 failed, 0 skipped, 0 undefined
Took 0m0.018s""",
                code=1,
            ),
        ],
    ),
    "Then the amount charged is 7.20",
    "behave: the failing step and its assertion, not the passing steps' locations above",
)

# ---------------------------------------------------------------- a tally of zero is no error

case(
    "af-zero-tally-checker-plain",
    "lint.error",
    "high",
    plain(
        f"""$ ./ci/check-openapi.sh
openapi-check 2.3.0
spec: api/openapi.yaml
Schemas parsed: 41
Schemas failed to parse: 0
Errors: 0
{MARK}api/openapi.yaml:212: operation GET /orders/{{id}} has no 404 response
{MARK}api/openapi.yaml:388: operation POST /refunds is missing an operationId
{MARK}2 rule violations
check-openapi: FAILED""",
        name="orders-api",
    ),
    "api/openapi.yaml:212: operation GET /orders/{id} has no 404 response",
    "an in-house spec checker: zero parse failures and zero errors counted above its findings",
)

case(
    "af-trivy-config-zero-gitlab",
    "lint.error",
    "medium",
    gitlab(
        "acme/platform-charts",
        "aquasec/trivy:0.50.1",
        [
            Step(
                "trivy config --exit-code 1 --severity HIGH,CRITICAL charts/",
                f"""2026-12-02T05:20:11.204Z	INFO	Misconfiguration scanning is enabled
2026-12-02T05:20:12.881Z	INFO	Detected config files: 4

charts/api/templates/deployment.yaml (kubernetes)

Tests: 96 (SUCCESSES: 95, FAILURES: 1, EXCEPTIONS: 0)
Failures: 1 (HIGH: 1, CRITICAL: 0)

{MARK}HIGH: Container 'api' of Deployment 'api' should set 'securityContext.readOnlyRootFilesystem' to true
{MARK}════════════════════════════════════════
{MARK}An immutable root file system prevents applications from writing to their local disk.
{MARK}
{MARK}See https://avd.aquasec.com/misconfig/ksv014
{MARK}────────────────────────────────────────
{MARK} charts/api/templates/deployment.yaml:24-51""",
                code=1,
            ),
        ],
    ),
    "Container 'api' of Deployment 'api' should set 'securityContext.readOnlyRootFilesystem' to true",
    "trivy config: EXCEPTIONS: 0 and CRITICAL: 0 count nothing; the finding is the HIGH one",
)

# ---------------------------------------------------------------- the framework's own time limit in a block

case(
    "af-playwright-timeout-gitlab",
    "timeout",
    "high",
    gitlab(
        "acme/backoffice",
        "mcr.microsoft.com/playwright:v1.43.0-jammy",
        [
            Step("npm ci", "added 412 packages, and audited 413 packages in 9s"),
            Step(
                "npx playwright test --reporter=list",
                f"""Running 12 tests using 2 workers

  ✓  1 [chromium] › auth.spec.ts:4:3 › signs in (1.8s)
  ✘  2 [chromium] › invoices.spec.ts:11:3 › downloads an invoice PDF (15.0s)
  ✓  3 [chromium] › invoices.spec.ts:30:3 › lists invoices (2.2s)

  1) [chromium] › invoices.spec.ts:11:3 › downloads an invoice PDF ────────────────────────────

{MARK}    Test timeout of 15000ms exceeded.

    Error: page.waitForEvent: Test timeout of 15000ms exceeded.
    =========================== logs ===========================
    waiting for event "download"
    ============================================================

      16 |   await page.getByRole('link', {{ name: 'Download PDF' }}).click();
    > 17 |   const download = await page.waitForEvent('download');

  1 failed
    [chromium] › invoices.spec.ts:11:3 › downloads an invoice PDF
  11 passed (41.6s)""",
                code=1,
            ),
        ],
    ),
    "Test timeout of 15000ms exceeded.",
    "Playwright's own per-test limit as the one failing test's error",
)

case(
    "af-mocha-timeout-gha",
    "timeout",
    "high",
    gha(
        "acme/queue-client",
        "test",
        [
            setup_node("20"),
            Step("npm ci", "added 188 packages in 3s"),
            Step(
                "npx mocha --reporter spec",
                f"""

  Queue
    ✔ connects to the broker
    ✔ publishes a message (41ms)
    1) drains the queue on close


  2 passing (2s)
  1 failing

  1) Queue
       drains the queue on close:
{MARK}     Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called; if returning a Promise, ensure it resolves. (/home/runner/work/queue-client/queue-client/test/queue.test.js)
      at listOnTimeout (node:internal/timers:573:17)
      at process.processTimers (node:internal/timers:514:7)
""",
                code=1,
            ),
        ],
    ),
    "Error: Timeout of 2000ms exceeded.",
    "Mocha's own per-test limit as the one failing test's error",
)
