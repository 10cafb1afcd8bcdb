"""Authored cases, second batch: written and labelled after the first batch's fixes, before triage
ran on them, as a check that those fixes generalise (smaller ecosystems, more checkers, Azure)."""

from __future__ import annotations

from benchmarks.authored.cases_a import PIP, case
from benchmarks.authored.noise import (
    CRATES,
    GO_MODS,
    cargo_fetch,
    dotnet_restore,
    go_download,
    npm_ci,
    pytest_dots,
    pytest_header,
    setup_go,
    setup_node,
    setup_python,
    setup_rust,
)
from benchmarks.authored.shapes import Step, azure, gha, gitlab, plain, travis

SETUP_BEAM = Step(
    "",
    uses="erlef/setup-beam@v1",
    with_={"otp-version": "26.2", "elixir-version": "1.16.2"},
    out="""Installing Erlang/OTP 26.2 - built on ubuntu-22.04
  Downloading https://builds.hex.pm/builds/otp/ubuntu-22.04/OTP-26.2.tar.gz
  Installed Erlang/OTP version
Installing Elixir 1.16.2 (built for Erlang/OTP 26)
  Installed Elixir version
[command]/home/runner/work/_temp/.setup-beam/elixir/bin/mix local.rebar --force
* creating /home/runner/.mix/elixir/1-16/rebar3
[command]/home/runner/work/_temp/.setup-beam/elixir/bin/mix local.hex --force
* creating /home/runner/.mix/archives/hex-2.0.6""",
)
MIX_DEPS = Step(
    "mix deps.get",
    """Resolving Hex dependencies...
Resolution completed in 0.081s
Unchanged:
  decimal 2.1.1
  jason 1.4.1
  telemetry 1.2.1
  credo 1.7.6
  bunt 1.0.0
  file_system 1.0.0
* Getting decimal (Hex package)
* Getting jason (Hex package)
* Getting telemetry (Hex package)
* Getting credo (Hex package)""",
)

case(
    "swift-xcodebuild-test-gha",
    "test.failure",
    "high",
    gha(
        "acme/ios-app",
        "test (macos-14)",
        [
            Step(
                "xcodebuild test -scheme App -destination 'platform=iOS Simulator,name=iPhone 15' | xcpretty",
                """Command line invocation:
    /Applications/Xcode_15.3.app/Contents/Developer/usr/bin/xcodebuild test -scheme App -destination "platform=iOS Simulator,name=iPhone 15"

User defaults from command line:
    IDEPackageSupportUseBuiltinSCM = YES

Build settings from command line:
    SDKROOT = iphonesimulator17.4

▸ Compiling Parser.swift
▸ Compiling Client.swift
▸ Linking App
▸ Build Succeeded
Test Suite 'All tests' started at 2024-05-02 14:06:01.120
Test Suite 'AppTests.xctest' started at 2024-05-02 14:06:01.121
Test Suite 'ParserTests' started at 2024-05-02 14:06:01.121
Test Case '-[AppTests.ParserTests testDecodesEmptyList]' started.
Test Case '-[AppTests.ParserTests testDecodesEmptyList]' passed (0.003 seconds).
Test Case '-[AppTests.ParserTests testDecodesNestedObjects]' started.
§/Users/runner/work/ios-app/ios-app/Tests/AppTests/ParserTests.swift:41: error: -[AppTests.ParserTests testDecodesNestedObjects] : XCTAssertEqual failed: ("1") is not equal to ("2")
§Test Case '-[AppTests.ParserTests testDecodesNestedObjects]' failed (0.012 seconds).
Test Case '-[AppTests.ParserTests testRejectsTrailingComma]' started.
Test Case '-[AppTests.ParserTests testRejectsTrailingComma]' passed (0.001 seconds).
Test Suite 'ParserTests' failed at 2024-05-02 14:06:01.140.
\t Executed 3 tests, with 1 failure (0 unexpected) in 0.016 (0.019) seconds
Test Suite 'AppTests.xctest' failed at 2024-05-02 14:06:01.141.
\t Executed 27 tests, with 1 failure (0 unexpected) in 0.201 (0.213) seconds

Failing tests:
\tAppTests.ParserTests.testDecodesNestedObjects()

** TEST FAILED **""",
                code=65,
            ),
        ],
    ),
    'XCTAssertEqual failed: ("1") is not equal to ("2")',
)

case(
    "swift-build-error-gha",
    "compile.error",
    "high",
    gha(
        "acme/swiftkit",
        "linux",
        [
            Step(
                "swift build -c release",
                """Fetching https://github.com/apple/swift-nio.git
Fetching https://github.com/apple/swift-log.git
Fetched https://github.com/apple/swift-log.git from cache (0.41s)
Fetched https://github.com/apple/swift-nio.git from cache (1.21s)
Computing version for https://github.com/apple/swift-log.git
Computed https://github.com/apple/swift-log.git at 1.5.4 (0.52s)
Computing version for https://github.com/apple/swift-nio.git
Computed https://github.com/apple/swift-nio.git at 2.65.0 (0.61s)
Creating working copy for https://github.com/apple/swift-nio.git
Working copy of https://github.com/apple/swift-nio.git resolved at 2.65.0
Building for production...
[1/48] Compiling CNIOAtomics src/c-atomics.c
[12/48] Compiling Logging Locks.swift
[30/48] Compiling NIOCore AddressedEnvelope.swift
§/home/runner/work/swiftkit/swiftkit/Sources/SwiftKit/Client.swift:12:20: error: cannot find 'URLSessionX' in scope
§        let session = URLSessionX(configuration: .default)
§                      ^~~~~~~~~~~
[47/48] Compiling SwiftKit Client.swift""",
                code=1,
            ),
        ],
    ),
    "Client.swift:12:20: error: cannot find 'URLSessionX' in scope",
)

case(
    "elixir-mix-test-gha",
    "test.failure",
    "high",
    gha(
        "acme/ledgerex",
        "test (26.2, 1.16.2)",
        [
            SETUP_BEAM,
            MIX_DEPS,
            Step(
                "mix test",
                """==> decimal
Compiling 4 files (.ex)
Generated decimal app
==> jason
Compiling 10 files (.ex)
Generated jason app
==> ledgerex
Compiling 18 files (.ex)
Generated ledgerex app
Running ExUnit with seed: 584120, max_cases: 8

...........

§  1) test parse/1 rejects impossible dates (Ledgerex.DateTest)
§     test/ledgerex/date_test.exs:12
§     Assertion with == failed
§     code:  assert Ledgerex.Date.parse("2024-02-30") == {:error, :invalid}
§     left:  {:ok, ~D[2024-03-01]}
§     right: {:error, :invalid}
§     stacktrace:
§       test/ledgerex/date_test.exs:13: (test)

.....................................
Finished in 0.3 seconds (0.1s async, 0.2s sync)
49 tests, 1 failure

Randomized with seed 584120""",
                code=2,
            ),
        ],
    ),
    "Assertion with == failed",
)

case(
    "elixir-credo-gha",
    "lint.error",
    "high",
    gha(
        "acme/ledgerex",
        "credo",
        [
            SETUP_BEAM,
            MIX_DEPS,
            Step(
                "mix credo --strict",
                """Checking 42 source files ...

  Code Readability
§┃
§┃ [R] → Modules should have a @moduledoc tag.
§┃       lib/ledgerex/worker.ex:1:11 #(Ledgerex.Worker)
§┃ [R] → Predicate function names should not start with 'is', and should end in a question mark.
§┃       lib/ledgerex/account.ex:31:7 #(Ledgerex.Account.is_open)

Please report incorrect results: https://github.com/rrrene/credo/issues

Analysis took 0.4 seconds (0.1s to load, 0.3s running 55 checks on 42 files)
131 mods/funs, found 2 code readability issues.

Showing priority issues: ↑ ↗ →  (use `mix credo explain` to explain issues, `mix credo --help` for options).""",
                code=8,
            ),
        ],
    ),
    "[R] → Modules should have a @moduledoc tag.",
)

case(
    "haskell-cabal-build-gha",
    "compile.error",
    "high",
    gha(
        "acme/hsparse",
        "ghc-9.6",
        [
            Step(
                "cabal build all",
                """Resolving dependencies...
Build profile: -w ghc-9.6.4 -O1
In order, the following will be built (use -v for more details):
 - hsparse-0.3.0.0 (lib) (first run)
 - hsparse-0.3.0.0 (test:spec) (first run)
Configuring library for hsparse-0.3.0.0..
Preprocessing library for hsparse-0.3.0.0..
Building library for hsparse-0.3.0.0..
[1 of 4] Compiling HsParse.Types    ( src/HsParse/Types.hs, dist-newstyle/build/x86_64-linux/ghc-9.6.4/hsparse-0.3.0.0/build/HsParse/Types.o )
[2 of 4] Compiling HsParse.Lexer    ( src/HsParse/Lexer.hs, dist-newstyle/build/x86_64-linux/ghc-9.6.4/hsparse-0.3.0.0/build/HsParse/Lexer.o )
§
§src/HsParse/Lexer.hs:47:18: error: [GHC-88464]
§    Variable not in scope: foldl'' :: (b0 -> Char -> b0) -> b0 -> String -> [Token]
§    Suggested fix:
§      Perhaps use one of these:
§        ‘foldl'’ (imported from Data.List), ‘foldl’ (imported from Prelude)
§   |
§47 |   lexAll input = foldl'' step [] input
§   |                  ^^^^^^
Error: cabal: Failed to build hsparse-0.3.0.0 (which is required by test:spec from hsparse-0.3.0.0).""",
                code=1,
            ),
        ],
    ),
    "src/HsParse/Lexer.hs:47:18: error: [GHC-88464] Variable not in scope: foldl''",
)

case(
    "scala-sbt-test-travis",
    "test.failure",
    "high",
    travis(
        "oldcorp/calc",
        "scala",
        [
            Step(
                "sbt ++2.13.12 test",
                """[info] welcome to sbt 1.9.9 (Eclipse Adoptium Java 17.0.10)
[info] loading settings for project calc-build from plugins.sbt ...
[info] loading project definition from /home/travis/build/oldcorp/calc/project
[info] loading settings for project root from build.sbt ...
[info] set current project to calc (in build file:/home/travis/build/oldcorp/calc/)
[info] compiling 12 Scala sources to /home/travis/build/oldcorp/calc/target/scala-2.13/classes ...
[info] compiling 4 Scala sources to /home/travis/build/oldcorp/calc/target/scala-2.13/test-classes ...
[info] CalcSpec:
[info] Calc
[info] - should add numbers
§[info] - should divide with rounding *** FAILED ***
§[info]   3.33 did not equal 3.34 (CalcSpec.scala:21)
[info] - should reject division by zero
[info] ParserSpec:
[info] - should parse nested parentheses
[info] Run completed in 812 milliseconds.
[info] Total number of tests run: 14
[info] Suites: completed 2, aborted 0
[info] Tests: succeeded 13, failed 1, canceled 0, ignored 0, pending 0
[info] *** 1 TEST FAILED ***
[error] Failed tests:
[error] 	com.oldcorp.calc.CalcSpec
[error] (Test / test) sbt.TestsFailedException: Tests unsuccessful
[error] Total time: 41 s, completed May 2, 2024, 2:06:44 PM""",
                code=1,
            ),
        ],
        cache="/home/travis/.ivy2/cache",
    ),
    "3.33 did not equal 3.34 (CalcSpec.scala:21)",
)

case(
    "flutter-analyze-gha",
    "lint.error",
    "medium",
    gha(
        "acme/mobile",
        "analyze",
        [
            Step(
                "",
                uses="subosito/flutter-action@v2",
                with_={"channel": "stable", "flutter-version": "3.19.6"},
                out="Flutter 3.19.6 • channel stable • https://github.com/flutter/flutter.git\nDart 3.3.4 • DevTools 2.31.1",
            ),
            Step(
                "flutter pub get",
                "Resolving dependencies...\nGot dependencies!\n12 packages have newer versions incompatible with dependency constraints.",
            ),
            Step(
                "flutter analyze",
                """Analyzing mobile...

§  error • The method 'formatX' isn't defined for the type 'DateFormat' • lib/src/widgets/stamp.dart:12:29 • undefined_method
§   info • Use 'const' with the constructor to improve performance • lib/main.dart:8:12 • prefer_const_constructors
§
§2 issues found. (ran in 4.1s)""",
                code=1,
            ),
        ],
    ),
    "error • The method 'formatX' isn't defined for the type 'DateFormat'",
    "an analyzer run as a check (alt compile.error for the undefined method)",
)

case(
    "r-cmd-check-gha",
    "test.failure",
    "high",
    gha(
        "acme/tidyparse",
        "R-CMD-check (release)",
        [
            Step(
                "",
                uses="r-lib/actions/check-r-package@v2",
                out="""── R CMD check ─────────────────────────────────────────────────────────────────
* using log directory ‘/home/runner/work/tidyparse/tidyparse/check/tidyparse.Rcheck’
* using R version 4.4.0 (2024-04-24)
* checking for file ‘tidyparse/DESCRIPTION’ ... OK
* checking package dependencies ... OK
* checking whether package ‘tidyparse’ can be installed ... OK
* checking R code for possible problems ... OK
* checking Rd files ... OK
* checking examples ... OK
* checking tests ...
  Running ‘testthat.R’
§ ERROR
§Running the tests in ‘tests/testthat.R’ failed.
§Last 13 lines of output:
§  ══ Failed tests ════════════════════════════════════════════════════════════════
§  ── Failure ('test-parse.R:8:3'): parse_num handles NA ───────────────────────────
§  `parse_num(NA)` not equal to NA_real_.
§  Types not compatible: character is not double
§
§  [ FAIL 1 | WARN 0 | SKIP 2 | PASS 61 ]
§  Error: Test failures
§  Execution halted
* DONE

Status: 1 ERROR
See
  ‘/home/runner/work/tidyparse/tidyparse/check/tidyparse.Rcheck/00check.log’
for details.

Error: Error: R CMD check found ERRORs
Execution halted""",
                code=1,
                error="##[error]Process completed with exit code 1.",
            ),
        ],
        actions=("r-lib/actions/check-r-package@v2",),
    ),
    "── Failure ('test-parse.R:8:3'): parse_num handles NA",
)

case(
    "perl-prove-travis",
    "test.failure",
    "high",
    travis(
        "oldcorp/text-csvlite",
        "perl",
        [
            Step(
                "cpanm --quiet --installdeps --notest .",
                "--> Working on .\nConfiguring Text-CSVLite-0.07 ... OK\n<== Installed dependencies for .. Finishing.",
                name="install",
            ),
            Step(
                "prove -lv t",
                """t/01-basic.t ....
ok 1 - use Text::CSVLite;
ok 2 - new()
1..2
ok
t/02-parse.t ....
ok 1 - parses simple row
ok 2 - parses empty fields
§not ok 3 - parses quoted strings
§
§#   Failed test 'parses quoted strings'
§#   at t/02-parse.t line 33.
§#          got: 'a b'
§#     expected: 'a"b'
ok 4 - parses CRLF
1..4
# Looks like you failed 1 test of 4.
Dubious, test returned 1 (wstat 256, 0x100)
Failed 1/4 subtests

Test Summary Report
-------------------
t/02-parse.t  (Wstat: 256 (exited 1) Tests: 4 Failed: 1)
  Failed test:  3
  Non-zero exit status: 1
Files=2, Tests=6,  0 wallclock secs ( 0.02 usr  0.00 sys +  0.09 cusr  0.01 csys =  0.12 CPU)
Result: FAIL""",
                code=1,
            ),
        ],
        cache="/home/travis/perl5",
    ),
    "#   Failed test 'parses quoted strings'",
)

case(
    "terraform-fmt-check-gha",
    "lint.error",
    "high",
    gha(
        "acme/infra",
        "terraform",
        [
            Step(
                "",
                uses="hashicorp/setup-terraform@v3",
                with_={"terraform_version": "1.8.2"},
                out="[command]/usr/bin/unzip -o -q /home/runner/work/_temp/terraform_1.8.2_linux_amd64.zip\nTerraform v1.8.2 on linux_amd64",
            ),
            Step(
                "terraform fmt -check -recursive",
                """§modules/network/main.tf
§environments/prod/variables.tf""",
                code=3,
            ),
        ],
        actions=("hashicorp/setup-terraform@v3",),
    ),
    "modules/network/main.tf",
    "terraform fmt -check lists the files it would reformat, nothing else",
)

case(
    "terraform-init-provider-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/infra",
        "plan",
        [
            Step(
                "terraform init -input=false",
                """Initializing the backend...

Successfully configured the backend "s3"! Terraform will automatically
use this backend unless the backend configuration changes.
Initializing modules...
- network in modules/network
Initializing provider plugins...
- Finding hashicorp/random versions matching "~> 3.6"...
- Finding hashicorp/aws versions matching ">= 6.0.0, ~> 5.40"...
- Installing hashicorp/random v3.6.1...
- Installed hashicorp/random v3.6.1 (signed by HashiCorp)
§╷
§│ Error: Failed to query available provider packages
§│
§│ Could not retrieve the list of available versions for provider
§│ hashicorp/aws: no available releases match the given constraints >=
§│ 6.0.0, ~> 5.40
§╵""",
                code=1,
            ),
        ],
    ),
    "no available releases match the given constraints >= 6.0.0, ~> 5.40",
)

case(
    "ansible-lint-gha",
    "lint.error",
    "high",
    gha(
        "acme/playbooks",
        "lint",
        [
            setup_python(),
            Step(
                "pip install ansible-lint==24.2.3",
                "Collecting ansible-lint==24.2.3\nSuccessfully installed ansible-core-2.16.6 ansible-lint-24.2.3",
            ),
            Step(
                "ansible-lint",
                """WARNING  Listing 2 violation(s) that are fatal
§name[missing]: All tasks should be named.
§roles/web/tasks/main.yml:12 Task/Handler: apt name=nginx state=present
§
§yaml[truthy]: Truthy value should be one of [false, true]
§playbook.yml:3

Read documentation for instructions on how to ignore specific rule violations.

                   Rule Violation Summary
 count tag           profile rule associated tags
     1 name[missing] basic   idiom
     1 yaml[truthy]  basic   formatting, yaml

Failed: 2 failure(s), 0 warning(s) on 14 files. Last profile that met the validation criteria was 'min'.""",
                code=2,
            ),
        ],
    ),
    "name[missing]: All tasks should be named.",
)

case(
    "actionlint-gha",
    "lint.error",
    "high",
    gha(
        "acme/infra",
        "actionlint",
        [
            Step(
                "bash <(curl -sSfL https://raw.githubusercontent.com/rhysd/actionlint/main/scripts/download-actionlint.bash)\n./actionlint -color",
                """Downloading actionlint 1.7.0 to /home/runner/work/infra/infra
Downloaded and extracted actionlint 1.7.0 to /home/runner/work/infra/infra/actionlint
Done: /home/runner/work/infra/infra/actionlint
§.github/workflows/ci.yml:24:28: property "node" is not defined in object type {os: string} [expression]
§   |
§24 |           node-version: ${{ matrix.node }}
§   |                            ^~~~~~~~~~~""",
                code=1,
            ),
        ],
    ),
    '.github/workflows/ci.yml:24:28: property "node" is not defined in object type {os: string}',
)

case(
    "codespell-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/handbook",
        "python:3.12-slim",
        [
            Step(
                "pip install codespell",
                "Collecting codespell\n  Downloading codespell-2.2.6-py3-none-any.whl (301 kB)\nSuccessfully installed codespell-2.2.6",
            ),
            Step(
                "codespell docs/ src/",
                """§docs/guide.md:12: recieve ==> receive
§docs/guide.md:40: occured ==> occurred
§src/app.py:88: seperate ==> separate""",
                code=65,
            ),
        ],
    ),
    "docs/guide.md:12: recieve ==> receive",
)

case(
    "pre-commit-eof-gha",
    "lint.error",
    "high",
    gha(
        "acme/webhooks",
        "pre-commit",
        [
            setup_python(),
            Step(
                "",
                uses="pre-commit/action@v3.0.1",
                out="""##[group]Run pre-commit run --show-diff-on-failure --color=always --all-files
pre-commit run --show-diff-on-failure --color=always --all-files
shell: /usr/bin/bash --noprofile --norc -e -o pipefail {0}
##[endgroup]
[INFO] Initializing environment for https://github.com/pre-commit/pre-commit-hooks.
[INFO] Initializing environment for https://github.com/psf/black.
[INFO] Installing environment for https://github.com/pre-commit/pre-commit-hooks.
[INFO] Once installed this environment will be reused.
[INFO] This may take a few minutes...
trim trailing whitespace.................................................Passed
§fix end of files.........................................................Failed
§- hook id: end-of-file-fixer
§- exit code: 1
§- files were modified by this hook
§
§Fixing docs/index.md
check yaml...............................................................Passed
black....................................................................Passed
pre-commit hook(s) made changes.
If you are seeing this message in CI, reproduce locally with: `pre-commit run --all-files`.
To run `pre-commit` as part of git workflow, use `pre-commit install`.
All changes made by hooks:
diff --git a/docs/index.md b/docs/index.md
index 3b18e51..a9a8e1c 100644
--- a/docs/index.md
+++ b/docs/index.md
@@ -12,4 +12,4 @@ See the guide.
-Done.
\\ No newline at end of file
+Done.""",
                code=1,
            ),
        ],
        actions=("pre-commit/action@v3.0.1",),
    ),
    "fix end of files.........................................................Failed",
)

case(
    "deno-test-gha",
    "test.failure",
    "high",
    gha(
        "acme/urlkit",
        "deno",
        [
            Step(
                "",
                uses="denoland/setup-deno@v1",
                with_={"deno-version": "v1.x"},
                out="Going to install stable version 1.43.1.\nInstalling Deno from https://dl.deno.land/release/v1.43.1/deno-x86_64-unknown-linux-gnu.zip.\nInstalled deno 1.43.1.",
            ),
            Step(
                "deno test --allow-read",
                """Download https://deno.land/std@0.224.0/assert/mod.ts
Download https://deno.land/std@0.224.0/assert/assert_equals.ts
Check file:///home/runner/work/urlkit/urlkit/tests/url_test.ts
running 3 tests from ./tests/url_test.ts
parses relative ... ok (2ms)
resolves against base ... FAILED (4ms)
keeps query strings ... ok (1ms)

 ERRORS

§resolves against base => ./tests/url_test.ts:14:6
§error: AssertionError: Values are not equal.
§
§
§    [Diff] Actual / Expected
§
§
§-   "https://a.example/x"
§+   "https://a.example/base/x"
§
§  throw new AssertionError(message);
§        ^
§    at assertEquals (https://deno.land/std@0.224.0/assert/assert_equals.ts:52:9)
§    at file:///home/runner/work/urlkit/urlkit/tests/url_test.ts:16:3

 FAILURES

resolves against base => ./tests/url_test.ts:14:6

FAILED | 2 passed | 1 failed (12ms)

error: Test failed""",
                code=1,
            ),
        ],
    ),
    "error: AssertionError: Values are not equal.",
)

case(
    "playwright-expect-timeout-gha",
    "test.failure",
    "medium",
    gha(
        "acme/portal",
        "e2e",
        [
            setup_node(),
            Step("npm ci", npm_ci(840)),
            Step(
                "npx playwright install --with-deps chromium",
                "Downloading Chromium 124.0.6367.29 (playwright build v1112) from https://playwright.azureedge.net/builds/chromium/1112/chromium-linux.zip\n|■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■| 100% of 153.3 MiB\nChromium 124.0.6367.29 (playwright build v1112) downloaded to /home/runner/.cache/ms-playwright/chromium-1112",
            ),
            Step(
                "npx playwright test",
                """
Running 12 tests using 2 workers

  ✓   1 [chromium] › tests/home.spec.ts:5:5 › home › renders hero (1.2s)
  ✓   2 [chromium] › tests/home.spec.ts:11:5 › home › links to docs (812ms)
  ✘   3 [chromium] › tests/login.spec.ts:12:7 › login › shows error on bad password (5.4s)
  ✓   4 [chromium] › tests/login.spec.ts:22:7 › login › logs in (1.9s)

§  1) [chromium] › tests/login.spec.ts:12:7 › login › shows error on bad password ───────────────────
§
§    Error: Timed out 5000ms waiting for expect(locator).toBeVisible()
§
§    Locator: getByText('Invalid password')
§    Expected: visible
§    Received: <element(s) not found>
§    Call log:
§      - expect.toBeVisible with timeout 5000ms
§      - waiting for getByText('Invalid password')
§
§      13 |     await page.fill('#password', 'nope');
§      14 |     await page.click('button[type=submit]');
§    > 15 |     await expect(page.getByText('Invalid password')).toBeVisible();
§         |                                                      ^

  1 failed
    [chromium] › tests/login.spec.ts:12:7 › login › shows error on bad password ────────────────────
  11 passed (18.2s)""",
                code=1,
            ),
        ],
    ),
    "Error: Timed out 5000ms waiting for expect(locator).toBeVisible()",
    "an assertion that waited for an element that never appeared (alt timeout)",
)

case(
    "conda-unsatisfiable-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/ml-models",
        "conda",
        [
            Step(
                "",
                uses="conda-incubator/setup-miniconda@v3",
                with_={"environment-file": "environment.yml", "python-version": "3.11"},
                out="""##[group]Creating conda environment from environment.yml
[command]/usr/share/miniconda/condabin/conda env create --file /home/runner/work/ml-models/ml-models/environment.yml --name test
Channels:
 - conda-forge
 - pytorch
Platform: linux-64
Collecting package metadata (repodata.json): ...working... done
Solving environment: ...working... failed

§LibMambaUnsatisfiableError: Encountered problems while solving:
§  - package pytorch-2.3.0-py3.12_cpu_0 requires python >=3.12,<3.13.0a0, but none of the providers can be installed
§
§Could not solve for environment specs
§The following packages are incompatible
§├─ python 3.11**  is requested and can be installed;
§└─ pytorch 2.3.0 py3.12_cpu_0 is not installable because it requires
§   └─ python >=3.12,<3.13.0a0 , which conflicts with any installable versions previously reported.
##[endgroup]""",
                code=1,
                error="##[error]The process '/usr/share/miniconda/condabin/conda' failed with exit code 1",
            ),
        ],
        actions=("conda-incubator/setup-miniconda@v3",),
    ),
    "LibMambaUnsatisfiableError: Encountered problems while solving:",
)

case(
    "poetry-lock-stale-gha",
    "dependency.resolution",
    "medium",
    gha(
        "acme/notifier",
        "test",
        [
            setup_python(),
            Step(
                "pipx install poetry==1.8.2",
                "  installed package poetry 1.8.2, installed using Python 3.11.9\n  These apps are now globally available\n    - poetry\ndone! ✨ 🌟 ✨",
            ),
            Step(
                "poetry install --no-interaction",
                """Creating virtualenv notifier-Xk3v9sQ2-py3.11 in /home/runner/.cache/pypoetry/virtualenvs
Installing dependencies from lock file
§
§pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock [--no-update]` to fix the lock file.""",
                code=1,
            ),
        ],
    ),
    "pyproject.toml changed significantly since poetry.lock was last generated.",
    "a stale lock file (alt config.error)",
)

case(
    "gh-pages-push-403-gha",
    "permission",
    "high",
    gha(
        "acme/docs",
        "deploy",
        [
            Step(
                "npm ci && npm run build",
                npm_ci(512)
                + "\n\n> docs@1.0.0 build\n> vitepress build\n\n  vitepress v1.1.4\n\n✓ building client + server bundles...\n✓ rendering pages...\nbuild complete in 6.21s.",
            ),
            Step(
                "git config user.name github-actions\ngit add -f .vitepress/dist\ngit commit -m 'deploy'\ngit push origin HEAD:gh-pages",
                """[main 8c1d2e3] deploy
 41 files changed, 2310 insertions(+)
§remote: Permission to acme/docs.git denied to github-actions[bot].
§fatal: unable to access 'https://github.com/acme/docs/': The requested URL returned error: 403""",
                code=128,
            ),
        ],
    ),
    "remote: Permission to acme/docs.git denied to github-actions[bot].",
)

case(
    "azure-make-not-recognized",
    "command.not.found",
    "high",
    azure(
        "acme/native-lib",
        "Job windows",
        [
            Step(
                "choco install cmake --no-progress",
                "Chocolatey v2.2.2\nInstalling the following packages:\ncmake\ncmake v3.29.2 already installed.\nChocolatey installed 0/1 packages.",
                name="Install tools",
            ),
            Step(
                "make -C build all",
                """§'make' is not recognized as an internal or external command,
§operable program or batch file.""",
                code=1,
                name="Build",
            ),
        ],
    ),
    "'make' is not recognized as an internal or external command,",
)

case(
    "azure-msbuild-cs1061",
    "compile.error",
    "high",
    azure(
        "acme/cachelib",
        "Job build",
        [
            Step(
                "dotnet restore",
                dotnet_restore().replace("/home/runner/work/shop/shop/", "D:\\a\\1\\s\\").replace("/", "\\"),
                name="Restore",
            ),
            Step(
                "dotnet build -c Release --no-restore",
                """MSBuild version 17.9.8+b34f75857 for .NET
  Cache.Abstractions -> D:\\a\\1\\s\\src\\Cache.Abstractions\\bin\\Release\\net8.0\\Cache.Abstractions.dll
§D:\\a\\1\\s\\src\\Cache\\MemoryStore.cs(41,17): error CS1061: 'IMemoryCache' does not contain a definition for 'GetOrCreateAsyncX' and no accessible extension method 'GetOrCreateAsyncX' accepting a first argument of type 'IMemoryCache' could be found (are you missing a using directive or an assembly reference?) [D:\\a\\1\\s\\src\\Cache\\Cache.csproj]

Build FAILED.

D:\\a\\1\\s\\src\\Cache\\MemoryStore.cs(41,17): error CS1061: 'IMemoryCache' does not contain a definition for 'GetOrCreateAsyncX' [D:\\a\\1\\s\\src\\Cache\\Cache.csproj]
    0 Warning(s)
    1 Error(s)

Time Elapsed 00:00:05.12""",
                code=1,
                name="Build",
            ),
        ],
    ),
    "MemoryStore.cs(41,17): error CS1061: 'IMemoryCache' does not contain a definition for 'GetOrCreateAsyncX'",
)

case(
    "jest-exit-137-gha",
    "resource.exhausted",
    "medium",
    gha(
        "acme/monorepo",
        "test-web",
        [
            setup_node(),
            Step("npm ci", npm_ci()),
            Step(
                "npx jest --ci --maxWorkers=4",
                """PASS apps/web/src/lib/format.test.ts
PASS apps/web/src/lib/money.test.ts
PASS apps/web/src/components/Cart.test.tsx (8.112 s)
PASS apps/web/src/components/Checkout.test.tsx (14.902 s)""",
                code=137,
                error="§##[error]Process completed with exit code 137.",
            ),
        ],
    ),
    "Process completed with exit code 137.",
    "killed (SIGKILL, 137) with no message: the runner's memory ran out (alt crash)",
)

case(
    "karma-chrome-gha",
    "test.failure",
    "high",
    gha(
        "acme/admin-ui",
        "test",
        [
            setup_node(),
            Step("npm ci", npm_ci(1510)),
            Step(
                "npx ng test --watch=false --browsers=ChromeHeadless",
                """- Generating browser application bundles (phase: setup)...
✔ Browser application bundle generation complete.
02 05 2024 14:06:11.420:INFO [karma-server]: Karma v6.4.3 server started at http://localhost:9876/
02 05 2024 14:06:11.421:INFO [launcher]: Launching browsers ChromeHeadless with concurrency unlimited
02 05 2024 14:06:11.430:INFO [launcher]: Starting browser ChromeHeadless
02 05 2024 14:06:13.112:INFO [Chrome Headless 124.0.6367.60 (Linux x86_64)]: Connected on socket 9yNQ with id 4120
§Chrome Headless 124.0.6367.60 (Linux x86_64) AuthService should report an expired token FAILED
§	Error: Expected 'expired' to be 'valid'.
§	    at <Jasmine>
§	    at UserContext.apply (src/app/auth/auth.service.spec.ts:41:27)
§	    at _ZoneDelegate.invoke (node_modules/zone.js/fesm2015/zone.js:368:26)
Chrome Headless 124.0.6367.60 (Linux x86_64): Executed 88 of 88 (1 FAILED) (1.203 secs / 1.101 secs)
TOTAL: 1 FAILED, 87 SUCCESS""",
                code=1,
            ),
        ],
    ),
    "Error: Expected 'expired' to be 'valid'.",
)

case(
    "go-mod-unknown-revision-gha",
    "dependency.missing",
    "high",
    gha(
        "acme/gateway",
        "build",
        [
            setup_go(),
            Step(
                "go build ./...",
                go_download(GO_MODS[:3])
                + """
§go: github.com/acme/authz@v1.2.0: reading https://proxy.golang.org/github.com/acme/authz/@v/v1.2.0.mod: 404 Not Found
§	server response: not found: github.com/acme/authz@v1.2.0: invalid version: unknown revision v1.2.0""",
                code=1,
            ),
        ],
    ),
    "go: github.com/acme/authz@v1.2.0: ... invalid version: unknown revision v1.2.0",
)

case(
    "cargo-select-version-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/tomlish",
        "msrv",
        [
            setup_rust(),
            Step(
                "cargo build --locked",
                """    Updating crates.io index
§error: failed to select a version for the requirement `tokio = "^2.0"`
§candidate versions found which didn't match: 1.37.0, 1.36.0, 1.35.1, ...
§location searched: crates.io index
§required by package `tomlish v0.4.2 (/home/runner/work/tomlish/tomlish)`
§if you are looking for the prerelease package it needs to be specified explicitly
§    tokio = { version = "1.0.0-alpha.1" }""",
                code=101,
            ),
        ],
    ),
    'error: failed to select a version for the requirement `tokio = "^2.0"`',
)

case(
    "stylelint-gha",
    "lint.error",
    "high",
    gha(
        "acme/marketing-site",
        "lint-css",
        [
            setup_node(),
            Step("npm ci", npm_ci(702)),
            Step(
                "npx stylelint 'src/**/*.scss'",
                """
§src/styles/main.scss
§  12:3  ✖  Expected indentation of 2 spaces            indentation
§  31:5  ✖  Unexpected unknown property "colr"         property-no-unknown
§
§✖ 2 problems (2 errors, 0 warnings)
""",
                code=2,
            ),
        ],
    ),
    'Unexpected unknown property "colr"',
)

case(
    "markdownlint-gha",
    "lint.error",
    "high",
    gha(
        "acme/handbook",
        "markdown",
        [
            setup_node(),
            Step(
                "npx markdownlint-cli2 '**/*.md' '#node_modules'",
                """markdownlint-cli2 v0.13.0 (markdownlint v0.34.0)
Finding: **/*.md !node_modules
Linting: 48 file(s)
Summary: 2 error(s)
§docs/setup.md:14 MD022/blanks-around-headings Headings should be surrounded by blank lines [Expected: 1; Actual: 0; Below] [Context: "## Install"]
§README.md:3:81 MD013/line-length Line length [Expected: 80; Actual: 112]""",
                code=1,
            ),
        ],
    ),
    "docs/setup.md:14 MD022/blanks-around-headings Headings should be surrounded by blank lines",
)

case(
    "pytest-db-refused-circleci",
    "network",
    "medium",
    plain(
        """#!/bin/bash -eo pipefail
python -m pytest -q tests/
"""
        + pytest_header(root="/home/circleci/project").replace("collected 214 items", "collected 6 items")
        + """EEEE..                                                                   [100%]
==================================== ERRORS ====================================
§_________________ ERROR at setup of test_create_user __________________
§
§    def _connect():
§>       return psycopg2.connect(DSN)
§E       psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused
§E       	Is the server running on that host and accepting TCP/IP connections?
§
§tests/conftest.py:21: OperationalError
_________________ ERROR at setup of test_delete_user __________________

    def _connect():
>       return psycopg2.connect(DSN)
E       psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused
E       	Is the server running on that host and accepting TCP/IP connections?

tests/conftest.py:21: OperationalError
_________________ ERROR at setup of test_list_users __________________

    def _connect():
>       return psycopg2.connect(DSN)
E       psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused
E       	Is the server running on that host and accepting TCP/IP connections?

tests/conftest.py:21: OperationalError
_________________ ERROR at setup of test_rename_user __________________

    def _connect():
>       return psycopg2.connect(DSN)
E       psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused
E       	Is the server running on that host and accepting TCP/IP connections?

tests/conftest.py:21: OperationalError
=========================== short test summary info ============================
ERROR tests/test_users.py::test_create_user - psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused
ERROR tests/test_users.py::test_delete_user - psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused
ERROR tests/test_users.py::test_list_users - psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused
ERROR tests/test_users.py::test_rename_user - psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused
2 passed, 4 errors in 0.61s

Exited with code exit status 1""",
        name="usersvc",
    ),
    'psycopg2.OperationalError: connection to server at "localhost" ... Connection refused',
    "the database service is not up: every test errors at setup (alt infrastructure)",
)

case(
    "coverage-fail-under-gha",
    "test.failure",
    "medium",
    gha(
        "acme/ledger",
        "coverage",
        [
            setup_python(),
            PIP,
            Step(
                "pytest --cov=ledger --cov-fail-under=90",
                pytest_header()
                + pytest_dots(["tests/test_api.py", "tests/test_parser.py", "tests/test_render.py"])
                + """

---------- coverage: platform linux, python 3.11.9-final-0 -----------
Name                     Stmts   Miss  Cover
--------------------------------------------
ledger/__init__.py           4      0   100%
ledger/parser.py           118     21    82%
ledger/render.py            77      3    96%
--------------------------------------------
TOTAL                      199     24    88%

§FAIL Required test coverage of 90% not reached. Total coverage: 87.94%
214 passed in 4.87s""",
                code=1,
            ),
        ],
    ),
    "FAIL Required test coverage of 90% not reached. Total coverage: 87.94%",
    "tests pass, the coverage gate fails (alt lint.error)",
)

case(
    "cargo-test-compile-error-gha",
    "compile.error",
    "high",
    gha(
        "acme/tomlish",
        "test",
        [
            setup_rust(),
            Step(
                "cargo test",
                cargo_fetch(CRATES[:5])
                + """
   Compiling tomlish v0.4.2 (/home/runner/work/tomlish/tomlish)
§error[E0425]: cannot find function `parse_table` in this scope
§   --> src/parser.rs:88:17
§    |
§88  |         let t = parse_table(&mut self.lexer)?;
§    |                 ^^^^^^^^^^^ not found in this scope
§
§For more information about this error, try `rustc --explain E0425`.
§error: could not compile `tomlish` (lib test) due to 1 previous error
warning: build failed, waiting for other jobs to finish...""",
                code=101,
            ),
        ],
    ),
    "error[E0425]: cannot find function `parse_table` in this scope",
    "the test step fails to compile the tests: compile.error, not test.failure",
)
