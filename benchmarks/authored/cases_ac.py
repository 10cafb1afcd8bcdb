"""Authored cases, batch ac: where the root cause is anchored. A tool that prints its error twice (the details,
then a report or summary that repeats them: esbuild's error under tsup's thrown Error, an in-house checker's
summary table, meson's ``Summary of Failures:``, behave's ``Failing scenarios:``, stack's "scroll up" report);
a step's ``&&`` chain whose later link, a checker, failed after a build that passed (swift-format, clang-tidy,
go vet print compiler-shaped findings); a cause followed in the same step by what follows from it (a download's
503 then the archive it did not write, a resolver's conflict then the module it did not install, a compile
error then the artifact it did not build). Several CI shapes and ecosystems. Labelled before triage ran on
them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import setup_node
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, jenkins, plain, travis

# ---------------------------------------------------------------- the details, then a repeat of them

case(
    "ac-esbuild-under-tsup-repeat-gha",
    "dependency.missing",
    "high",
    gha(
        "acme/calendar-kit",
        "build",
        [
            setup_node("20"),
            Step("npm ci", "added 318 packages, and audited 319 packages in 7s\nfound 0 vulnerabilities"),
            Step(
                "npm run build",
                f"""
> calendar-kit@2.3.0 build
> tsup src/index.ts --format esm,cjs --dts

CLI Building entry: src/index.ts
CLI Using tsconfig: tsconfig.json
CLI tsup v8.0.2
CLI Target: es2020
ESM Build start
CJS Build start
{MARK}✘ [ERROR] Could not resolve "date-fns"
{MARK}
{MARK}    src/format.ts:1:23:
{MARK}      1 │ import {{ format }} from "date-fns";
{MARK}        ╵                        ~~~~~~~~~~
{MARK}
{MARK}  You can mark the path "date-fns" as external to exclude it from the bundle, which will remove this error.
ESM Build failed
Error: Build failed with 1 error:
src/format.ts:1:23: ERROR: Could not resolve "date-fns"
    at failureErrorWithLog (/home/runner/work/calendar-kit/calendar-kit/node_modules/esbuild/lib/main.js:1651:15)
    at /home/runner/work/calendar-kit/calendar-kit/node_modules/esbuild/lib/main.js:1059:25
    at runOnEndCallbacks (/home/runner/work/calendar-kit/calendar-kit/node_modules/esbuild/lib/main.js:1486:45)
CJS Build failed""",
                code=1,
            ),
        ],
    ),
    '✘ [ERROR] Could not resolve "date-fns"',
    "esbuild's own error with its code frame; tsup then throws it again as an Error with a stack",
)

case(
    "ac-i18n-check-summary-travis",
    "lint.error",
    "high",
    travis(
        "acme/storefront",
        "python",
        [
            Step("pip install -r requirements-dev.txt", "Successfully installed babel-2.14.0 polib-1.2.0"),
            Step(
                "python scripts/check_translations.py locales/",
                f"""reading catalogue locales/en.json (412 keys)
locales/fr.json: 412 of 412 keys
{MARK}locales/de.json: missing key "checkout.total" (used in templates/cart.html:88)
{MARK}locales/de.json: placeholder mismatch in "order.shipped": "{{{{date}}}}" in en, "{{{{datum}}}}" in de
locales/es.json: 412 of 412 keys

Summary
-------
  file             problem               key
  locales/de.json  missing key           checkout.total
  locales/de.json  placeholder mismatch  order.shipped
2 problems in 3 catalogues""",
                code=1,
                name="script",
            ),
        ],
    ),
    'locales/de.json: missing key "checkout.total"',
    "an in-house catalogue checker: its findings, then a summary table that repeats them",
)

case(
    "ac-meson-test-summary-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/libtoml-c",
        "gcc:13",
        [
            Step(
                "meson setup build",
                "The Meson build system\nVersion: 1.3.1\nBuild type: native build\nFound ninja-1.11.1",
            ),
            Step(
                "meson test -C build --print-errorlogs",
                f"""ninja: Entering directory `/builds/acme/libtoml-c/build'
ninja: no work to do.
1/4 parse-basic     OK              0.01s
{MARK}2/4 parse-escape    FAIL            0.02s   exit status 1
{MARK}>>> MALLOC_PERTURB_=91 /builds/acme/libtoml-c/build/tests/parse-escape
{MARK}――――――――――――――――――――――――――――――――――――― ✀  ―――――――――――――――――――――――――――――――――――――
{MARK}stdout:
{MARK}parse-escape.c:41: expected "tab\\there", got "tab\\\\there"
{MARK}――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――
3/4 parse-array     OK              0.01s
4/4 parse-table     OK              0.01s

Summary of Failures:

2/4 parse-escape FAIL            0.02s   exit status 1

Ok:                 3
Expected Fail:      0
Fail:               1
Unexpected Pass:    0
Skipped:            0
Timeout:            0

Full log written to /builds/acme/libtoml-c/build/meson-logs/testlog.txt""",
                code=1,
            ),
        ],
    ),
    "parse-escape.c:41: expected",
    "meson's failing test with its log, not the summary of failures that repeats its line",
)

case(
    "ac-behave-failing-scenarios-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/booking-bdd",
        "booking-bdd/main",
        [
            Step(
                "behave --no-capture features/",
                f"""Feature: Cart # features/cart.feature:1

  Scenario: Add an item                  # features/cart.feature:3
    Given an empty cart                  # features/steps/cart.py:8 0.001s
    When I add "lamp" to the cart        # features/steps/cart.py:14 0.001s
    Then the cart holds 1 item           # features/steps/cart.py:22 0.000s

  Scenario: Remove an item               # features/cart.feature:12
    Given a cart holding "lamp"          # features/steps/cart.py:30 0.001s
    When I remove "lamp" from the cart   # features/steps/cart.py:36 0.001s
{MARK}    Then the cart is empty               # features/steps/cart.py:42 0.000s
{MARK}      Assertion Failed: expected 0 items, got 1
{MARK}

Failing scenarios:
  features/cart.feature:12  Remove an item

0 features passed, 1 failed, 0 skipped
1 scenario passed, 1 failed, 0 skipped
5 steps passed, 1 failed, 0 skipped, 0 undefined
Took 0m0.004s""",
                code=1,
                name="BDD",
            ),
        ],
    ),
    "Assertion Failed: expected 0 items, got 1",
    "behave's failing step and its assertion, not the list of failing scenarios below",
)

case(
    "ac-stack-ghc-scroll-up-gha",
    "compile.error",
    "high",
    gha(
        "acme/hs-ledger",
        "build",
        [
            Step(
                "stack build --test --no-run-tests",
                f"""ledger> configure (lib)
ledger> Configuring ledger-0.2.0...
ledger> build (lib)
ledger> Preprocessing library for ledger-0.2.0..
ledger> Building library for ledger-0.2.0..
ledger> [3 of 7] Compiling Ledger.Posting
{MARK}ledger> /home/runner/work/hs-ledger/hs-ledger/src/Ledger/Posting.hs:27:14: error: [GHC-83865]
{MARK}ledger>     • Couldn't match type ‘Integer’ with ‘Rational’
{MARK}ledger>       Expected: Rational
{MARK}ledger>         Actual: Integer
{MARK}ledger>     • In the first argument of ‘Amount’, namely ‘cents’
{MARK}ledger>    |
{MARK}ledger> 27 |   in Amount cents
{MARK}ledger>    |             ^^^^^
Error: [S-7282]
       Stack failed to execute the build plan.

       While executing the build plan, Stack encountered the error:

       [S-7011]
       While building package ledger-0.2.0 (scroll up to its section to see the error) using:
       /home/runner/.stack/setup-exe-cache/x86_64-linux/Cabal-simple_6HauvNHV_3.10.1.0_ghc-9.6.4 --verbose=1 --builddir=.stack-work/dist/x86_64-linux/ghc-9.6.4 build lib:ledger --ghc-options ""
       Process exited with code: ExitFailure 1""",
                code=1,
            ),
        ],
    ),
    "Couldn't match type ‘Integer’ with ‘Rational’",
    "GHC's error in its package's section; stack's report below only points up to it",
)

# ---------------------------------------------------------------- a chain whose checker link failed after its build

case(
    "ac-swift-build-then-format-gha",
    "lint.error",
    "high",
    gha(
        "acme/swift-router",
        "lint",
        [
            Step(
                "swift build && swift-format lint --strict --recursive Sources",
                f"""Fetching https://github.com/apple/swift-nio.git from cache
Fetched https://github.com/apple/swift-nio.git from cache (1.21s)
Computing version for https://github.com/apple/swift-nio.git
Computed https://github.com/apple/swift-nio.git at 2.62.0 (0.52s)
Building for debugging...
[312/312] Compiling Router Router.swift
Build complete! (48.12s)
{MARK}Sources/Router/Router.swift:14:1: error: [Indentation] replace leading whitespace with 4 spaces
{MARK}Sources/Router/Router.swift:30:101: error: [LineLength] line is too long
{MARK}Sources/Router/Match.swift:8:5: error: [OrderedImports] sort import statements lexicographically""",
                code=1,
            ),
        ],
    ),
    "Sources/Router/Router.swift:14:1: error: [Indentation]",
    "swift-format's findings in a compiler's shape, after the build link of the chain passed",
)

case(
    "ac-cmake-build-then-clang-tidy-travis",
    "lint.error",
    "high",
    travis(
        "acme/geo-cpp",
        "cpp",
        [
            Step(
                "cmake -S . -B build -DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
                "-- Configuring done (0.4s)\n-- Generating done (0.0s)\n-- Build files have been written to: /home/travis/build/acme/geo-cpp/build",
            ),
            Step(
                "cmake --build build && clang-tidy -p build --warnings-as-errors='*' src/ring.cpp src/poly.cpp",
                f"""[ 33%] Building CXX object CMakeFiles/geo.dir/src/ring.cpp.o
[ 66%] Building CXX object CMakeFiles/geo.dir/src/poly.cpp.o
[100%] Linking CXX static library libgeo.a
[100%] Built target geo
2 warnings generated.
{MARK}/home/travis/build/acme/geo-cpp/src/ring.cpp:14:9: error: variable 'n' is not initialized [cppcoreguidelines-init-variables,-warnings-as-errors]
{MARK}   14 |     int n;
{MARK}      |         ^
{MARK}      |           = 0
{MARK}/home/travis/build/acme/geo-cpp/src/poly.cpp:52:5: error: use 'auto' when initializing with a cast to avoid duplicating the type name [modernize-use-auto,-warnings-as-errors]
{MARK}   52 |     Ring* r = static_cast<Ring*>(p);
{MARK}      |     ^~~~~
{MARK}      |     auto
{MARK}2 warnings treated as errors""",
                code=1,
                name="script",
            ),
        ],
    ),
    "error: variable 'n' is not initialized [cppcoreguidelines-init-variables,-warnings-as-errors]",
    "clang-tidy's findings as errors after the chain's build link passed",
)

case(
    "ac-go-build-then-vet-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/kvstore",
        "golang:1.22",
        [
            Step("go mod download", ""),
            Step(
                "go build ./... && go vet ./...",
                f"""{MARK}# acme/kvstore/store
{MARK}store/store.go:41:2: fmt.Printf format %d has arg key of wrong type string
{MARK}store/compact.go:17:3: unreachable code""",
                code=1,
            ),
        ],
    ),
    "store/store.go:41:2: fmt.Printf format %d has arg key of wrong type string",
    "go vet's findings after the chain's build link passed silently",
)

# ---------------------------------------------------------------- a cause, then what follows from it in the same step

case(
    "ac-curl-503-then-tar-gitlab",
    "network",
    "high",
    gitlab(
        "acme/charts",
        "alpine:3.19",
        [
            Step("apk add --no-cache curl tar", "OK: 12 MiB in 24 packages"),
            Step(
                "curl -fsSLo /tmp/helm.tgz https://get.helm.sh/helm-v3.14.2-linux-amd64.tar.gz; tar -xzf /tmp/helm.tgz -C /tmp",
                f"""{MARK}curl: (22) The requested URL returned error: 503
{MARK}tar: can't open '/tmp/helm.tgz': No such file or directory""",
                code=1,
            ),
        ],
    ),
    "curl: (22) The requested URL returned error: 503",
    "a download's 5xx, then the archive it never wrote: the missing file follows from the download",
)

case(
    "ac-pip-conflict-then-module-missing-plain",
    "dependency.resolution",
    "high",
    plain(
        f"""$ pip install -r requirements-test.txt ; pytest -q tests/
Collecting acme-client==2.1.0
  Downloading acme_client-2.1.0-py3-none-any.whl (41 kB)
Collecting httpx==0.27.0
  Downloading httpx-0.27.0-py3-none-any.whl (75 kB)
{MARK}ERROR: Cannot install -r requirements-test.txt (line 1) and httpx==0.27.0 because these package versions have conflicting dependencies.
{MARK}
{MARK}The conflict is caused by:
{MARK}    The user requested httpx==0.27.0
{MARK}    acme-client 2.1.0 depends on httpx<0.25
{MARK}
{MARK}To fix this you could try to:
{MARK}1. loosen the range of package versions you've specified
{MARK}2. remove package versions to allow pip to attempt to solve the dependency conflict
{MARK}
{MARK}ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts
==================================== ERRORS ====================================
___________________ ERROR collecting tests/test_client.py ______________________
ImportError while importing test module '/var/lib/buildkite-agent/builds/agent-3/acme/api-client/tests/test_client.py'.
tests/test_client.py:3: in <module>
    import httpx
E   ModuleNotFoundError: No module named 'httpx'
=========================== short test summary info ============================
ERROR tests/test_client.py
!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!
1 error in 0.21s""",
        name="api-client",
    ),
    "ERROR: ResolutionImpossible",
    "pip's conflict, then the tests that could not import what it did not install",
)

case(
    "ac-compile-then-artifact-missing-gha",
    "compile.error",
    "high",
    gha(
        "acme/rs-cli",
        "release",
        [
            Step(
                "cargo build --release --locked; cp target/release/rscli dist/",
                f"""   Compiling libc v0.2.153
   Compiling rscli v0.9.0 (/home/runner/work/rs-cli/rs-cli)
{MARK}error[E0425]: cannot find value `verbose` in this scope
{MARK}  --> src/main.rs:22:8
{MARK}   |
{MARK}22 |     if verbose {{
{MARK}   |        ^^^^^^^ not found in this scope
{MARK}
{MARK}For more information about this error, try `rustc --explain E0425`.
{MARK}error: could not compile `rscli` (bin "rscli") due to 1 previous error
cp: cannot stat 'target/release/rscli': No such file or directory""",
                code=1,
            ),
        ],
    ),
    "error[E0425]: cannot find value `verbose` in this scope",
    "a compile error, then the copy of the binary it never built",
)
