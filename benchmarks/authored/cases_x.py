"""Authored cases, batch x: excerpts whose labelled block reaches past where a block's edges stop today.

Written from the classes of the 'all labelled lines present' misses on the readable sets (gha-dev's tune
half, pairs-dev, public to public4, the authored set): the block's last words just above the runner's exit
line (a runner's verdict, then its driver's), the details a few lines above a summary that only counts
them, a blank run and the build driver's chatter between a failure and its summary, a section title
just above a block of errors, a record whose first lines carry no error word. Tools and shapes none of the
dev sets has (Dart, Haskell's hspec under cabal, Zig, Vale, Bazel, Nx, a Pester run, a Helm lint).
Labelled before triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import setup_node
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, jenkins, travis

# ---------------------------------------------------------------- the block's last words above the exit line

case(
    "x-dart-test-tail-gha",
    "test.failure",
    "high",
    gha(
        "acme/units-dart",
        "test",
        [
            Step("dart pub get", "Resolving dependencies...\nGot dependencies!"),
            Step(
                "dart test",
                f"""00:00 +0: loading test/units_test.dart
00:01 +0: test/units_test.dart: converts metres
00:01 +1: test/units_test.dart: converts feet
{MARK}00:01 +1 -1: test/units_test.dart: converts feet [E]
{MARK}  Expected: <0.3048>
{MARK}    Actual: <3.048>
{MARK}
{MARK}  package:matcher                expect
{MARK}  test/units_test.dart 14:5      main.<fn>
{MARK}
{MARK}00:01 +2 -1: test/units_test.dart: converts inches
{MARK}00:02 +3 -1: Some tests failed.
{MARK}
{MARK}Consider enabling the flag chain-stack-traces to receive more detailed exceptions.
{MARK}For example, 'dart test --chain-stack-traces'.""",
                code=1,
            ),
        ],
    ),
    "Expected: <0.3048>",
    "dart test: the failing case, its tally and the runner's last words just above the exit line",
)

case(
    "x-cabal-hspec-tail-travis",
    "test.failure",
    "high",
    travis(
        "acme/tidy-hs",
        "haskell",
        [
            Step("cabal build --enable-tests", "Up to date"),
            Step(
                "cabal test",
                f"""Running 1 test suites...
Test suite spec: RUNNING...

Parser
  parse
    parses integers [✔]
    parses exponents [✘]

{MARK}Failures:
{MARK}
{MARK}  test/ParserSpec.hs:21:7:
{MARK}  1) Parser.parse parses exponents
{MARK}       expected: Right 1000.0
{MARK}        but got: Left "unexpected 'e'"
{MARK}
{MARK}  To rerun use: --match "/Parser/parse/parses exponents/"
{MARK}
{MARK}Randomized with seed 1583627710
{MARK}
{MARK}Finished in 0.0031 seconds
{MARK}2 examples, 1 failure
{MARK}Test suite spec: FAIL
{MARK}Test suite logged to: /home/travis/build/acme/tidy-hs/dist-newstyle/build/x86_64-linux/ghc-9.4.8/tidy-0.1.0/t/spec/test/tidy-0.1.0-spec.log
{MARK}0 of 1 test suites (0 of 1 test cases) passed.
{MARK}Error: cabal: Tests failed for test:spec from tidy-0.1.0.""",
                code=1,
            ),
        ],
    ),
    "but got: Left",
    "hspec under cabal: the failure, hspec's tally, then cabal's verdict lines just above the exit line",
)

case(
    "x-zig-build-test-tail-gha",
    "test.failure",
    "high",
    gha(
        "acme/ringbuf-zig",
        "test",
        [
            Step(
                "zig build test --summary failures",
                f"""{MARK}test
{MARK}+- run test 3/4 passed, 1 failed
{MARK}error: 'ring.test.wraps around' failed: expected 4, found 0
{MARK}/home/runner/work/ringbuf-zig/ringbuf-zig/src/ring.zig:58:5: 0x104b1c3 in test.wraps around (test)
{MARK}    try std.testing.expectEqual(@as(usize, 4), r.len());
{MARK}    ^
{MARK}error: while executing test 'ring.test.wraps around', the following command exited with code 1 (expected exited with code 0):
{MARK}/home/runner/work/ringbuf-zig/ringbuf-zig/.zig-cache/o/4f1c/test --seed=0x2b9c1d
{MARK}Build Summary: 3/5 steps succeeded; 1 failed; 3/4 tests passed; 1 failed
{MARK}test transitive failure
{MARK}+- run test 3/4 passed, 1 failed
{MARK}error: the following build command failed with exit code 1:
{MARK}/home/runner/work/ringbuf-zig/ringbuf-zig/.zig-cache/o/9a0e/build /opt/hostedtoolcache/zig/0.13.0/x64/zig /home/runner/work/ringbuf-zig/ringbuf-zig test --summary failures""",
                code=1,
            ),
        ],
    ),
    "expected 4, found 0",
    "zig build test: the failing test, the build summary and the build runner's last error line",
)

# ---------------------------------------------------------------- details a few lines above a summary that counts them

case(
    "x-vale-prose-lint-gha",
    "lint.error",
    "high",
    gha(
        "acme/handbook",
        "docs",
        [
            Step("vale sync", "SUCCESS  Synced 2 package(s) to '/home/runner/work/handbook/handbook/.github/styles'."),
            Step(
                "vale --minAlertLevel=error docs/",
                f"""
{MARK} docs/onboarding.md
{MARK} 12:34  error  Use 'for example' instead of     Microsoft.Foreign
{MARK}               'e.g.'.
{MARK} 40:1   error  Did you really mean 'reposoitory'? Vale.Spelling
{MARK}
{MARK} docs/releases.md
{MARK} 7:18   error  Use 'select' instead of 'click  Microsoft.Terms
{MARK}               on'.
{MARK}
{MARK}✖ 3 errors, 0 warnings and 0 suggestions in 14 files.""",
                code=1,
            ),
        ],
    ),
    "Did you really mean 'reposoitory'?",
    "Vale: every file's alerts above the count that only counts them",
)

case(
    "x-helm-lint-chart-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/charts",
        "alpine/helm:3.15.2",
        [
            Step(
                "helm lint charts/orders --strict",
                f"""==> Linting charts/orders
{MARK}[INFO] Chart.yaml: icon is recommended
{MARK}[ERROR] templates/deployment.yaml: unable to parse YAML: error converting YAML to JSON: yaml: line 31: did not find expected key
{MARK}[ERROR] templates/: template: orders/templates/service.yaml:9:22: executing "orders/templates/service.yaml" at <.Values.service.port>: nil pointer evaluating interface {{}}.port
{MARK}
{MARK}Error: 1 chart(s) linted, 1 chart(s) failed""",
                code=1,
            ),
        ],
    ),
    "did not find expected key",
    "helm lint: the chart's findings and the count under them",
)

# ---------------------------------------------------------------- a blank run and driver chatter before the summary

case(
    "x-bazel-test-summary-gap-gha",
    "test.failure",
    "high",
    gha(
        "acme/geo-bazel",
        "test",
        [
            Step(
                "bazel test //...",
                f"""INFO: Analyzed 14 targets (88 packages loaded, 2114 targets configured).
INFO: Found 10 targets and 4 test targets...
{MARK}FAIL: //geo:distance_test (see /home/runner/.cache/bazel/_bazel_runner/4a1f/execroot/_main/bazel-out/k8-fastbuild/testlogs/geo/distance_test/test.log)
{MARK}==================== Test output for //geo:distance_test:
{MARK}[==========] Running 3 tests from 1 test suite.
{MARK}[ RUN      ] Distance.Haversine
{MARK}geo/distance_test.cc:22: Failure
{MARK}Expected equality of these values:
{MARK}  Haversine(kParis, kLondon)
{MARK}    Which is: 343.55
{MARK}  343.9
{MARK}[  FAILED  ] Distance.Haversine (0 ms)
{MARK}[==========] 3 tests from 1 test suite ran. (0 ms total)
{MARK}[  PASSED  ] 2 tests.
{MARK}[  FAILED  ] 1 test, listed below:
{MARK}[  FAILED  ] Distance.Haversine
{MARK}================================================================================
{MARK}
{MARK}
{MARK}
{MARK}
{MARK}INFO: Elapsed time: 41.902s, Critical Path: 12.03s
{MARK}INFO: 61 processes: 12 internal, 49 linux-sandbox.
{MARK}INFO: Build completed, 1 test FAILED, 61 total actions
{MARK}//geo:bearing_test                                              PASSED in 0.1s
{MARK}//geo:distance_test                                             FAILED in 0.2s
{MARK}
{MARK}Executed 2 out of 4 tests: 3 tests pass and 1 fails locally.""",
                code=3,
            ),
        ],
    ),
    "Expected equality of these values",
    "bazel test: the failing target's output, then a blank run and bazel's INFO lines before its test summary",
)

# ---------------------------------------------------------------- a title just above the errors; a record's first lines

case(
    "x-pester-title-above-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/psmodules",
        "psmodules-ci",
        [
            Step(
                "pwsh -c Invoke-Pester -Path tests -CI",
                f"""Pester v5.5.0

Starting discovery in 3 files.
Discovery found 21 tests in 412ms.
Running tests.
{MARK}[-] Get-Config.reads the default profile 38ms (35ms|3ms)
{MARK} Expected 'default', but got $null.
{MARK} at $cfg.Profile | Should -Be 'default', /var/lib/jenkins/workspace/psmodules/tests/Config.Tests.ps1:14
{MARK} at <ScriptBlock>, /var/lib/jenkins/workspace/psmodules/tests/Config.Tests.ps1:14
{MARK}Tests completed in 2.1s
{MARK}Tests Passed: 20, Failed: 1, Skipped: 0 NotRun: 0""",
                code=1,
            ),
        ],
    ),
    "Expected 'default', but got $null.",
    "Pester 5: the failing test's block and the run's tally",
)

case(
    "x-nx-affected-title-gha",
    "lint.error",
    "high",
    gha(
        "acme/shop-nx",
        "lint",
        [
            setup_node("20"),
            Step("npm ci", "added 1411 packages in 31s"),
            Step(
                "npx nx affected -t lint",
                f"""
   ✔  nx run ui:lint (3s)
   ✔  nx run api:lint (4s)

{MARK}> nx run checkout:lint
{MARK}
{MARK}/home/runner/work/shop-nx/shop-nx/libs/checkout/src/lib/cart.ts
{MARK}  14:7   error  'total' is assigned a value but never used  @typescript-eslint/no-unused-vars
{MARK}  31:12  error  Unexpected any. Specify a different type     @typescript-eslint/no-explicit-any
{MARK}
{MARK}✖ 2 problems (2 errors, 0 warnings)
{MARK}
{MARK}
{MARK}
{MARK} —————————————————————————————————————————————————————————————————————————————
{MARK}
{MARK} >  NX   Ran target lint for 3 projects (9s)
{MARK}
{MARK}    ✔  2/3 succeeded [0 read from cache]
{MARK}
{MARK}    ✖  1/3 targets failed, including the following:
{MARK}
{MARK}       - nx run checkout:lint""",
                code=1,
            ),
        ],
    ),
    "'total' is assigned a value but never used",
    "nx: the failing project's title line, its eslint findings, and nx's run summary after a blank run",
)

case(
    "x-markdown-link-check-record-gha",
    "lint.error",
    "high",
    gha(
        "acme/handbook",
        "links",
        [
            setup_node("20"),
            Step(
                "npx markdown-link-check --quiet docs/install.md",
                f"""
{MARK}FILE: docs/install.md
{MARK}  [✓] https://nodejs.org/en/download
{MARK}  [✖] https://example.com/old-page → Status: 404
{MARK}  [✓] ./usage.md
{MARK}
{MARK}  3 links checked.
{MARK}
{MARK}  ERROR: 1 dead links found!
{MARK}  [✖] https://example.com/old-page → Status: 404""",
                code=1,
            ),
        ],
    ),
    "[✖] https://example.com/old-page",
    "markdown-link-check: the file's record from its FILE: line, and the dead links it lists again",
)
