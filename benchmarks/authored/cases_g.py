"""Authored cases, fifth batch: tools and ecosystems the corpus and the rules barely had (Rust's
supply-chain checkers, SwiftPM, NuGet, PHP static analysers, Elixir, Haskell, Dart, Kotlin/Android
lint, Bazel, Nix, Julia, Lua, Zig, Meson, Terraform, Kubernetes, data and schema linters). Written
as an unseen check of triage: categories and the § lines were labelled before triage ran on them."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import (
    CRATES,
    apt_install,
    cargo_fetch,
    composer_install,
    dotnet_restore,
    gradle_head,
    setup_go,
    setup_java,
    setup_node,
    setup_python,
    setup_rust,
)
from benchmarks.authored.shapes import Step, azure, gha, gitlab, jenkins, plain, travis

# ---------------------------------------------------------------- Rust

case(
    "rust-cargo-deny-advisory-gha",
    "lint.error",
    "high",
    gha(
        "acme/tiles",
        "deny",
        [
            setup_rust(),
            Step(
                "cargo install cargo-deny --locked",
                "    Updating crates.io index\n  Installing cargo-deny v0.14.21\n   Installed package `cargo-deny v0.14.21` (executable `cargo-deny`)",
            ),
            Step(
                "cargo deny --all-features check",
                """    Fetching advisory database from 'https://github.com/RustSec/advisory-db'
§error[vulnerability]: Potential segfault in the time crate
§    ┌─ /home/runner/work/tiles/tiles/Cargo.lock:201:1
§    │
§201 │ time 0.1.45 registry+https://github.com/rust-lang/crates.io-index
§    │ ----------------------------------------------------------------- security vulnerability detected
§    │
§    = ID: RUSTSEC-2020-0071
§    = Advisory: https://rustsec.org/advisories/RUSTSEC-2020-0071
§    = Solution: Upgrade to >=0.2.23 (try `cargo update -p time`)
    = time v0.1.45
      └── chrono v0.4.19
          └── tiles v0.8.0

advisories FAILED, bans ok, licenses ok, sources ok""",
                code=1,
            ),
        ],
    ),
    "error[vulnerability]: Potential segfault in the time crate",
    "an advisory checker's finding; the advisory's title says 'segfault'",
)

case(
    "rust-cargo-audit-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/ingest",
        "rust:1.78",
        [
            Step(
                "cargo install cargo-audit --locked",
                "  Installing cargo-audit v0.20.0\n   Installed package `cargo-audit v0.20.0`",
            ),
            Step(
                "cargo audit",
                """    Fetching advisory database from `https://github.com/RustSec/advisory-db.git`
      Loaded 612 security advisories (from /usr/local/cargo/advisory-db)
    Updating crates.io index
    Scanning Cargo.lock for vulnerabilities (287 crate dependencies)
§Crate:     h2
§Version:   0.3.24
§Title:     Degradation of service in h2 servers with CONTINUATION Flood
§Date:      2024-04-03
§ID:        RUSTSEC-2024-0332
§URL:       https://rustsec.org/advisories/RUSTSEC-2024-0332
§Solution:  Upgrade to ^0.3.26 OR >=0.4.4
Dependency tree:
h2 0.3.24
└── hyper 0.14.28
    └── ingest 0.3.0

error: 1 vulnerability found!""",
                code=1,
            ),
        ],
    ),
    "Crate:     h2 ... ID:        RUSTSEC-2024-0332",
)

case(
    "rust-nextest-panic-gha",
    "test.failure",
    "high",
    gha(
        "acme/csvkit-rs",
        "test",
        [
            setup_rust(),
            Step(
                "cargo nextest run --workspace",
                cargo_fetch(CRATES)
                + """
   Compiling csvkit v0.5.0 (/home/runner/work/csvkit-rs/csvkit-rs)
    Finished `test` profile [unoptimized + debuginfo] target(s) in 21.40s
    Starting 48 tests across 3 binaries
        PASS [   0.011s] csvkit config::tests::loads_defaults
        PASS [   0.012s] csvkit parser::tests::parses_empty
§        FAIL [   0.014s] csvkit parser::tests::rejects_trailing_comma
§--- STDOUT:              csvkit parser::tests::rejects_trailing_comma ---
§
§running 1 test
§test parser::tests::rejects_trailing_comma ... FAILED
§
§--- STDERR:              csvkit parser::tests::rejects_trailing_comma ---
§thread 'parser::tests::rejects_trailing_comma' panicked at src/parser.rs:212:9:
§assertion `left == right` failed
§  left: Ok([1, 2])
§ right: Err(TrailingComma)
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

        PASS [   0.010s] csvkit writer::tests::quotes_fields
------------
     Summary [   0.231s] 48 tests run: 47 passed, 1 failed, 0 skipped
        FAIL [   0.014s] csvkit parser::tests::rejects_trailing_comma
error: test run failed""",
                code=100,
            ),
        ],
    ),
    "thread 'parser::tests::rejects_trailing_comma' panicked at src/parser.rs:212:9:",
)

case(
    "rust-msrv-too-old-travis",
    "runtime.version",
    "high",
    travis(
        "oldcorp/tinyhttp",
        "rust",
        [
            Step(
                "rustup default 1.70.0",
                "info: using existing install for '1.70.0-x86_64-unknown-linux-gnu'\ninfo: default toolchain set to '1.70.0-x86_64-unknown-linux-gnu'",
            ),
            Step(
                "cargo build --verbose",
                """    Updating crates.io index
 Downloading crates ...
  Downloaded clap v4.5.4
  Downloaded clap_builder v4.5.2
§error: package `clap_builder v4.5.2` cannot be built because it requires rustc 1.74 or newer, while the currently active rustc version is 1.70.0
§Either upgrade to rustc 1.74 or newer, or use
§cargo update -p clap_builder@4.5.2 --precise ver
§where `ver` is the latest version of `clap_builder` supporting rustc 1.70.0""",
                code=101,
                name="script",
            ),
        ],
        cache="/home/travis/.cargo",
    ),
    "error: package `clap_builder v4.5.2` cannot be built because it requires rustc 1.74 or newer",
)

# ---------------------------------------------------------------- Swift / Xcode

case(
    "swift-swiftlint-strict-gha",
    "lint.error",
    "high",
    gha(
        "acme/FeedApp",
        "lint",
        [
            Step(
                "brew install swiftlint",
                "==> Downloading https://ghcr.io/v2/homebrew/core/swiftlint/manifests/0.54.0\n==> Pouring swiftlint--0.54.0.arm64_sonoma.bottle.tar.gz\n🍺  /opt/homebrew/Cellar/swiftlint/0.54.0: 6 files, 42.3MB",
            ),
            Step(
                "swiftlint lint --strict --reporter xcode",
                """Linting Swift files in current working directory
Linting 'AppDelegate.swift' (1/42)
Linting 'FeedView.swift' (2/42)
Linting 'FeedViewModel.swift' (3/42)
Linting 'SettingsView.swift' (4/42)
§/Users/runner/work/FeedApp/FeedApp/Sources/Feed/FeedViewModel.swift:48:1: error: Line Length Violation: Line should be 120 characters or less; currently it has 134 characters (line_length)
§/Users/runner/work/FeedApp/FeedApp/Sources/Feed/FeedView.swift:12:9: error: Force Cast Violation: Force casts should be avoided (force_cast)
Done linting! Found 2 violations, 2 serious in 42 files.""",
                code=2,
            ),
        ],
    ),
    "FeedViewModel.swift:48:1: error: Line Length Violation",
)

case(
    "swift-xcodebuild-test-build-failed-gha",
    "compile.error",
    "high",
    gha(
        "acme/FeedApp",
        "test (iOS 17)",
        [
            Step(
                "xcodebuild test -scheme FeedApp -destination 'platform=iOS Simulator,name=iPhone 15' | xcpretty",
                """Command line invocation:
    /Applications/Xcode_15.3.app/Contents/Developer/usr/bin/xcodebuild test -scheme FeedApp -destination "platform=iOS Simulator,name=iPhone 15"

User defaults from command line:
    IDETestRunOnlyIndexedTargets = YES

Resolve Package Graph

Resolved source packages:
  swift-collections: https://github.com/apple/swift-collections.git @ 1.1.0

▸ Compiling FeedViewModel.swift
▸ Compiling FeedView.swift
▸ Compiling FeedTests.swift
§/Users/runner/work/FeedApp/FeedApp/FeedAppTests/FeedTests.swift:31:22: error: cannot find 'MockClient' in scope
§        let client = MockClient()
§                     ^~~~~~~~~~

Testing failed:
	Cannot find 'MockClient' in scope
	Testing cancelled because the build failed.

** TEST FAILED **


The following build commands failed:
	SwiftCompile normal arm64 /Users/runner/work/FeedApp/FeedApp/FeedAppTests/FeedTests.swift (in target 'FeedAppTests' from project 'FeedApp')
(1 failure)""",
                code=65,
            ),
        ],
    ),
    "FeedTests.swift:31:22: error: cannot find 'MockClient' in scope",
    "the test target does not compile; the step and the verdict say test",
)

case(
    "swift-spm-resolution-jenkins",
    "dependency.resolution",
    "high",
    jenkins(
        "acme/server-kit",
        "server-kit_main",
        [
            Step(
                "swift build -c release",
                """Fetching https://github.com/vapor/vapor.git
Fetching https://github.com/apple/swift-nio.git
Fetched https://github.com/apple/swift-nio.git from cache (1.41s)
Fetched https://github.com/vapor/vapor.git from cache (1.62s)
Computing version for https://github.com/vapor/vapor.git
Computed https://github.com/vapor/vapor.git at 4.92.4 (0.51s)
§error: Dependencies could not be resolved because root depends on 'swift-nio' 2.40.0..<2.50.0 and 'vapor' >= 4.92.4 depends on 'swift-nio' 2.62.0..<3.0.0.""",
                code=1,
                name="Build",
            ),
            Step("swift test", name="Test"),
        ],
    ),
    "error: Dependencies could not be resolved because root depends on 'swift-nio' 2.40.0..<2.50.0",
)

# ---------------------------------------------------------------- .NET

case(
    "dotnet-nu1101-gha",
    "dependency.missing",
    "high",
    gha(
        "acme/orders-api",
        "build",
        [
            Step(
                "",
                uses="actions/setup-dotnet@v4",
                with_={"dotnet-version": "8.0.x"},
                out="[command]/home/runner/work/_actions/actions/setup-dotnet/v4/externals/install-dotnet.sh --skip-non-versioned-files --runtime dotnet --channel LTS\ndotnet-install: .NET Core Runtime with version '8.0.4' is already installed.",
            ),
            Step(
                "dotnet restore",
                """  Determining projects to restore...
§/home/runner/work/orders-api/orders-api/src/Orders.Api/Orders.Api.csproj : error NU1101: Unable to find package Acme.Telemetry. No packages exist with this id in source(s): nuget.org
  Failed to restore /home/runner/work/orders-api/orders-api/src/Orders.Api/Orders.Api.csproj (in 1.2 sec).
  Restored /home/runner/work/orders-api/orders-api/src/Orders.Core/Orders.Core.csproj (in 1.4 sec).""",
                code=1,
            ),
        ],
    ),
    "error NU1101: Unable to find package Acme.Telemetry. No packages exist with this id in source(s): nuget.org",
)

case(
    "dotnet-xunit-assert-azure",
    "test.failure",
    "high",
    azure(
        "acme/parsers",
        "Test",
        [
            Step(
                "dotnet build -c Release",
                "  Parsers -> D:\\a\\1\\s\\src\\Parsers\\bin\\Release\\net8.0\\Parsers.dll\n\nBuild succeeded.\n    0 Warning(s)\n    0 Error(s)",
            ),
            Step(
                "dotnet test -c Release --no-build",
                r"""Test run for D:\a\1\s\tests\Parsers.Tests\bin\Release\net8.0\Parsers.Tests.dll (.NETCoreApp,Version=v8.0)
Microsoft (R) Test Execution Command Line Tool Version 17.9.0 (x64)
Copyright (c) Microsoft Corporation.  All rights reserved.

Starting test execution, please wait...
A total of 1 test files matched the specified pattern.
§[xUnit.net 00:00:00.61]     Parsers.Tests.CsvTests.ParsesQuotedField [FAIL]
§  Failed Parsers.Tests.CsvTests.ParsesQuotedField [14 ms]
§  Error Message:
§   Assert.Equal() Failure: Strings differ
§           ↓ (pos 1)
§Expected: "a""b"
§Actual:   "ab"
§           ↑ (pos 1)
§  Stack Trace:
§     at Parsers.Tests.CsvTests.ParsesQuotedField() in D:\a\1\s\tests\Parsers.Tests\CsvTests.cs:line 42
   at System.RuntimeMethodHandle.InvokeMethod(Object target, Void** arguments, Signature sig, Boolean isConstructor)

Failed!  - Failed:     1, Passed:   118, Skipped:     0, Total:   119, Duration: 2 s - Parsers.Tests.dll (net8.0)""",
                code=1,
                name="dotnet test",
            ),
        ],
    ),
    "Failed Parsers.Tests.CsvTests.ParsesQuotedField [14 ms]",
)

case(
    "dotnet-format-verify-gha",
    "lint.error",
    "high",
    gha(
        "acme/orders-api",
        "format",
        [
            Step("dotnet restore", dotnet_restore()),
            Step(
                "dotnet format --verify-no-changes --verbosity minimal",
                """§/home/runner/work/orders-api/orders-api/src/Orders.Core/Cache.cs(12,1): error WHITESPACE: Fix whitespace formatting. Replace 10 characters with '\\n\\s\\s\\s\\s\\s\\s\\s\\s'. [/home/runner/work/orders-api/orders-api/src/Orders.Core/Orders.Core.csproj]
§/home/runner/work/orders-api/orders-api/src/Orders.Core/Cache.cs(3,1): error IMPORTS: Fix imports ordering. [/home/runner/work/orders-api/orders-api/src/Orders.Core/Orders.Core.csproj]""",
                code=2,
            ),
        ],
    ),
    "Cache.cs(12,1): error WHITESPACE: Fix whitespace formatting.",
    "formatter findings printed in the compiler's error format",
)

case(
    "dotnet-nuget-401-azure",
    "credentials",
    "high",
    azure(
        "acme/billing",
        "Build",
        [
            Step(
                "dotnet restore --configfile nuget.config",
                """  Determining projects to restore...
§D:\\a\\1\\s\\src\\Billing\\Billing.csproj : error NU1301: Unable to load the service index for source https://pkgs.dev.azure.com/acme/_packaging/internal/nuget/v3/index.json.
§D:\\a\\1\\s\\src\\Billing\\Billing.csproj : error NU1301:   Response status code does not indicate success: 401 (Unauthorized).
  Failed to restore D:\\a\\1\\s\\src\\Billing\\Billing.csproj (in 3.71 sec).""",
                code=1,
                name="dotnet restore",
            ),
        ],
    ),
    "error NU1301: Response status code does not indicate success: 401 (Unauthorized).",
    "a private feed without its credential provider / PAT",
)

# ---------------------------------------------------------------- PHP

case(
    "php-phpstan-gha",
    "lint.error",
    "high",
    gha(
        "acme/shop",
        "static-analysis",
        [
            Step("composer install --no-progress --prefer-dist", composer_install()),
            Step(
                "vendor/bin/phpstan analyse --no-progress --error-format=table",
                """Note: Using configuration file /home/runner/work/shop/shop/phpstan.neon.
§ ------ ----------------------------------------------------------------------
§  Line   src/Cart/CartService.php
§ ------ ----------------------------------------------------------------------
§  42     Method App\\Cart\\CartService::total() should return int but returns
§         float.
§  87     Call to an undefined method App\\Cart\\Item::getSku().
§ ------ ----------------------------------------------------------------------

 [ERROR] Found 2 errors""",
                code=1,
            ),
        ],
    ),
    "Call to an undefined method App\\Cart\\Item::getSku().",
)

case(
    "php-psalm-travis",
    "lint.error",
    "high",
    travis(
        "oldcorp/mailer",
        "php",
        [
            Step("composer install --no-interaction", composer_install(), name="install"),
            Step(
                "vendor/bin/psalm --no-cache --output-format=console",
                """Target PHP version: 8.1 (inferred from composer.json)
Scanning files...
Analyzing files...

░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░  60 / 112 (53%)
░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 112 / 112 (100%)

§ERROR: PossiblyNullReference - src/Mailer/Transport.php:58:23 - Cannot call method send on possibly null value (see https://psalm.dev/083)
§        return $this->client->send($message);
§
§
§ERROR: UndefinedClass - src/Mailer/Factory.php:14:20 - Class, interface or enum named App\\Mailer\\SmtpTransprt does not exist (see https://psalm.dev/019)
§        return new SmtpTransprt($dsn);


------------------------------
2 errors found
------------------------------

Checks took 4.12 seconds and used 210.442MB of memory
Psalm was able to infer types for 97.1234% of the codebase""",
                code=2,
                name="script",
            ),
        ],
        cache="/home/travis/.composer/cache",
    ),
    "ERROR: PossiblyNullReference - src/Mailer/Transport.php:58:23",
)

case(
    "php-cs-fixer-dry-run-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/shop",
        "php:8.3-cli",
        [
            Step("composer install --no-progress", composer_install()),
            Step(
                "vendor/bin/php-cs-fixer fix --dry-run --diff",
                """PHP CS Fixer 3.54.0 15 Keys Accelerate by Fabien Potencier, Dariusz Ruminski and contributors.
PHP runtime: 8.3.6
Loaded config default from "/builds/acme/shop/.php-cs-fixer.dist.php".
Using cache file ".php-cs-fixer.cache".
§   1) src/Cart/CartService.php (no_unused_imports, ordered_imports)
§      ---------- begin diff ----------
§--- /builds/acme/shop/src/Cart/CartService.php
§+++ /builds/acme/shop/src/Cart/CartService.php
§@@ -4,8 +4,7 @@
§ namespace App\\Cart;
§
§-use Psr\\Log\\LoggerInterface;
§-use App\\Money\\Money;
§+use App\\Money\\Money;
§
§      ----------- end diff -----------

Found 1 of 148 files that can be fixed in 0.812 seconds, 16.00 MB memory used""",
                code=8,
            ),
        ],
    ),
    "1) src/Cart/CartService.php (no_unused_imports, ordered_imports)",
)

case(
    "php-composer-ext-missing-gha",
    "dependency.missing",
    "high",
    gha(
        "acme/reports",
        "tests (8.2)",
        [
            Step(
                "",
                uses="shivammathur/setup-php@v2",
                with_={"php-version": "8.2", "coverage": "none"},
                out="==> Setup PHP\n✓ PHP Installed PHP 8.2.18\n==> Setup Tools\n✓ composer Added composer 2.7.4",
            ),
            Step(
                "composer install --no-progress --prefer-dist",
                """Installing dependencies from lock file (including require-dev)
Verifying lock file contents can be installed on current platform.
§Your lock file does not contain a compatible set of packages. Please run composer update.
§
§  Problem 1
§    - phpoffice/phpspreadsheet is locked to version 2.0.0 and an update of this package was not requested.
§    - phpoffice/phpspreadsheet 2.0.0 requires ext-gd * -> it is missing from your system. Install or enable PHP's gd extension.

To enable extensions, verify that they are enabled in your .ini files:
    - /etc/php/8.2/cli/php.ini
    - /etc/php/8.2/cli/conf.d/10-opcache.ini
You can also run `php --ini` in a terminal to see which files are used by PHP in CLI mode.
Alternatively, you can run Composer with `--ignore-platform-req=ext-gd` to temporarily ignore these required extensions.""",
                code=2,
            ),
        ],
    ),
    "phpoffice/phpspreadsheet 2.0.0 requires ext-gd * -> it is missing from your system.",
)

# ---------------------------------------------------------------- Elixir

case(
    "elixir-dialyzer-gha",
    "lint.error",
    "high",
    gha(
        "acme/billing_ex",
        "dialyzer",
        [
            Step(
                "mix dialyzer --format short",
                """Finding suitable PLTs
Checking PLT...
[:compiler, :crypto, :decimal, :elixir, :kernel, :logger, :stdlib]
Looking up modules in dialyxir_erlang-26.2.4_elixir-1.16.2_deps-dev.plt
Finding applications for dialyxir_erlang-26.2.4_elixir-1.16.2_deps-dev.plt
Finding modules for dialyxir_erlang-26.2.4_elixir-1.16.2_deps-dev.plt
Checking 412 modules in dialyxir_erlang-26.2.4_elixir-1.16.2_deps-dev.plt
Starting Dialyzer
[
  check_plt: false,
  init_plt: ~c"/home/runner/work/billing_ex/billing_ex/_build/dev/dialyxir_erlang-26.2.4_elixir-1.16.2_deps-dev.plt",
  files: [...],
  warnings: [:unknown]
]
Total errors: 2, Skipped: 0, Unnecessary Skips: 0
done in 0m4.21s
§lib/billing/charge.ex:42:no_return Function charge/2 has no local return.
§lib/billing/charge.ex:48:call The function call will not succeed.
done (warnings were emitted)
Halting VM with exit status 2""",
                code=2,
            ),
        ],
    ),
    "lib/billing/charge.ex:42:no_return Function charge/2 has no local return.",
)

case(
    "elixir-warnings-as-errors-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/notifier",
        "elixir:1.16",
        [
            Step(
                "mix deps.get",
                "Resolving Hex dependencies...\nResolution completed in 0.112s\nUnchanged:\n  jason 1.4.1\n  plug 1.15.3\nAll dependencies are up to date",
            ),
            Step(
                "mix compile --warnings-as-errors",
                """==> jason
Compiling 10 files (.ex)
Generated jason app
==> notifier
Compiling 42 files (.ex)
§    warning: variable "opts" is unused (if the variable is not meant to be used, prefix it with an underscore)
§    │
§ 12 │   def start(opts) do
§    │             ~~~~
§    │
§    └─ lib/notifier/worker.ex:12:13: Notifier.Worker.start/1
§
§Compilation failed due to warnings while using the --warnings-as-errors option""",
                code=1,
            ),
        ],
    ),
    "Compilation failed due to warnings while using the --warnings-as-errors option",
    "a warning is the failure here: --warnings-as-errors",
)

case(
    "elixir-hex-resolution-travis",
    "dependency.resolution",
    "high",
    travis(
        "oldcorp/phx_blog",
        "elixir",
        [
            Step(
                "mix deps.get",
                """Resolving Hex dependencies...
Resolution completed in 0.187s
§Because your app depends on phoenix ~> 1.7.11 which depends on plug ~> 1.15, plug ~> 1.15 is required.
§So, because your app depends on plug ~> 1.14.0, version solving failed.
§** (Mix) Hex dependency resolution failed""",
                code=1,
                name="install",
            ),
        ],
        cache="/home/travis/.hex",
    ),
    "So, because your app depends on plug ~> 1.14.0, version solving failed.",
)

# ---------------------------------------------------------------- Haskell

case(
    "haskell-stack-ghc-error-travis",
    "compile.error",
    "high",
    travis(
        "oldcorp/acme-core",
        "haskell",
        [
            Step(
                "stack --no-terminal setup",
                "Preparing to install GHC to an isolated location.\nGHC 9.4.8 already installed.",
                name="install",
            ),
            Step(
                "stack --no-terminal build --test --no-run-tests",
                """acme-core> configure (lib)
Configuring acme-core-0.4.0...
acme-core> build (lib)
Preprocessing library for acme-core-0.4.0..
Building library for acme-core-0.4.0..
[ 1 of 12] Compiling Acme.Types ( src/Acme/Types.hs, .stack-work/dist/x86_64-linux/ghc-9.4.8/build/Acme/Types.o )
[ 2 of 12] Compiling Acme.Lexer ( src/Acme/Lexer.hs, .stack-work/dist/x86_64-linux/ghc-9.4.8/build/Acme/Lexer.o )
[ 3 of 12] Compiling Acme.Parser ( src/Acme/Parser.hs, .stack-work/dist/x86_64-linux/ghc-9.4.8/build/Acme/Parser.o )

§src/Acme/Parser.hs:57:18: error: [GHC-83865]
§    • Couldn't match expected type ‘Text’ with actual type ‘String’
§    • In the first argument of ‘T.strip’, namely ‘raw’
§      In the expression: T.strip raw
§   |
§57 |   pure (T.strip raw)
§   |                 ^^^

Error: [S-7282]
       Stack failed to execute the build plan.

       While executing the build plan, Stack encountered the error:

       [S-7011]
       While building package acme-core-0.4.0 (scroll up to its section to see the error) using:
       /home/travis/.stack/setup-exe-cache/x86_64-linux/Cabal-simple_6HauvNHV_3.8.1.0_ghc-9.4.8 --verbose=1 --builddir=.stack-work/dist/x86_64-linux/ghc-9.4.8 build lib:acme-core --ghc-options ""
       Process exited with code: ExitFailure 1""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.stack",
    ),
    "src/Acme/Parser.hs:57:18: error: [GHC-83865] Couldn't match expected type ‘Text’ with actual type ‘String’",
)

case(
    "haskell-hlint-gha",
    "lint.error",
    "high",
    gha(
        "acme/acme-core",
        "hlint",
        [
            Step(
                "",
                uses="haskell-actions/hlint-setup@v2",
                with_={"version": "3.8"},
                out="Downloading hlint 3.8 from https://github.com/ndmitchell/hlint/releases/download/v3.8/hlint-3.8-x86_64-linux.tar.gz\nhlint 3.8 installed to /opt/hostedtoolcache/hlint/3.8/x64",
            ),
            Step(
                "hlint src/ test/",
                """§src/Acme/Render.hs:31:9-38: Warning: Use <$>
§Found:
§  fmap show xs
§Perhaps:
§  show <$> xs
§
§src/Acme/Parser.hs:88:1-24: Suggestion: Eta reduce
§Found:
§  parseAll s = many item s
§Perhaps:
§  parseAll = many item

2 hints""",
                code=1,
            ),
        ],
    ),
    "src/Acme/Render.hs:31:9-38: Warning: Use <$>",
)

case(
    "haskell-hspec-cabal-gha",
    "test.failure",
    "high",
    gha(
        "acme/acme-core",
        "test (ghc 9.6)",
        [
            Step(
                "cabal test --test-show-details=direct",
                """Resolving dependencies...
Build profile: -w ghc-9.6.4 -O1
In order, the following will be built (use -v for more details):
 - acme-core-0.4.0 (test:acme-test) (first run)
Preprocessing test suite 'acme-test' for acme-core-0.4.0..
Building test suite 'acme-test' for acme-core-0.4.0..
Running 1 test suites...
Test suite acme-test: RUNNING...

Acme.Parser
  parse
    parses a number [✔]
    parses a negative number [✘]
Acme.Render
  renders a table [✔]

Failures:

§  test/Acme/ParserSpec.hs:22:27:
§  1) Acme.Parser.parse parses a negative number
§       expected: Right (-3)
§        but got: Left "unexpected '-'"

  To rerun use: --match "/Acme.Parser/parse/parses a negative number/"

Randomized with seed 1234567

Finished in 0.0021 seconds
3 examples, 1 failure

Test suite acme-test: FAIL
Test suite logged to:
/home/runner/work/acme-core/acme-core/dist-newstyle/build/x86_64-linux/ghc-9.6.4/acme-core-0.4.0/t/acme-test/test/acme-core-0.4.0-acme-test.log
0 of 1 test suites (0 of 1 test cases) passed.
Error: cabal: Tests failed for test:acme-test from acme-core-0.4.0.""",
                code=1,
            ),
        ],
    ),
    "1) Acme.Parser.parse parses a negative number",
)

# ---------------------------------------------------------------- Dart / Flutter

case(
    "flutter-test-expect-gha",
    "test.failure",
    "high",
    gha(
        "acme/shop_app",
        "test",
        [
            Step(
                "",
                uses="subosito/flutter-action@v2",
                with_={"channel": "stable", "cache": "true"},
                out="Flutter 3.19.6 • channel stable • https://github.com/flutter/flutter.git\nFramework • revision 54e66469a9 • 2024-04-17\nEngine • revision c4cd48e186\nTools • Dart 3.3.4 • DevTools 2.31.1",
            ),
            Step(
                "flutter pub get",
                "Resolving dependencies...\nGot dependencies!\n12 packages have newer versions incompatible with dependency constraints.",
            ),
            Step(
                "flutter test --reporter expanded",
                """00:02 +0: loading /home/runner/work/shop_app/shop_app/test/cart_test.dart
00:03 +11: /home/runner/work/shop_app/shop_app/test/cart_test.dart: Cart adds an item
§00:04 +11 -1: /home/runner/work/shop_app/shop_app/test/cart_test.dart: Cart removes the last item [E]
§  Expected: <0>
§    Actual: <1>
§
§  package:matcher                                    expect
§  package:flutter_test/src/widget_tester.dart 474:18  expect
§  test/cart_test.dart 31:5                           main.<fn>.<fn>
§
00:04 +12 -1: /home/runner/work/shop_app/shop_app/test/checkout_test.dart: Checkout shows total
00:05 +40 -1: Some tests failed.""",
                code=1,
            ),
        ],
    ),
    "Cart removes the last item [E] Expected: <0> Actual: <1>",
)

case(
    "dart-pub-version-solving-gitlab",
    "dependency.resolution",
    "high",
    gitlab(
        "acme/shop_app",
        "ghcr.io/cirruslabs/flutter:3.19.6",
        [
            Step(
                "flutter pub get",
                """Resolving dependencies...
§Because shop_app depends on flutter_localizations from sdk which depends on intl 0.18.1, intl 0.18.1 is required.
§So, because shop_app depends on intl ^0.19.0, version solving failed.


You can try the following suggestion to make the pubspec resolve:
* Try upgrading your constraint on intl: flutter pub add intl:^0.18.1""",
                code=1,
            ),
        ],
    ),
    "So, because shop_app depends on intl ^0.19.0, version solving failed.",
)

case(
    "dart-format-check-gha",
    "lint.error",
    "high",
    gha(
        "acme/dart_csv",
        "analyze",
        [
            Step(
                "",
                uses="dart-lang/setup-dart@v1",
                with_={"sdk": "stable"},
                out="Installing Dart SDK version 3.3.4 from the stable channel on linux-x64\nDownloading https://storage.googleapis.com/dart-archive/channels/stable/release/3.3.4/sdk/dartsdk-linux-x64-release.zip...",
            ),
            Step("dart pub get", "Resolving dependencies...\nGot dependencies!"),
            Step(
                "dart format --output=none --set-exit-if-changed .",
                """§Changed lib/src/parser.dart
§Changed test/parser_test.dart
Formatted 48 files (2 changed) in 0.61 seconds.""",
                code=1,
            ),
        ],
    ),
    "Changed lib/src/parser.dart",
)

# ---------------------------------------------------------------- Kotlin / Android / Gradle

case(
    "kotlin-ktlint-gradle-gha",
    "lint.error",
    "high",
    gha(
        "acme/notes-android",
        "lint",
        [
            setup_java("17"),
            Step(
                "./gradlew ktlintCheck --no-daemon",
                gradle_head()
                + """
> Task :app:runKtlintCheckOverMainSourceSet
§> Task :app:ktlintMainSourceSetCheck FAILED
§/home/runner/work/notes-android/notes-android/app/src/main/kotlin/com/acme/notes/Feed.kt:14:1 Unexpected blank line(s) before "}" (standard:no-blank-line-before-rbrace)
§/home/runner/work/notes-android/notes-android/app/src/main/kotlin/com/acme/notes/Feed.kt:3:1 Imports must be ordered in lexicographic order without any empty lines in-between (standard:import-ordering)

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':app:ktlintMainSourceSetCheck'.
> A failure occurred while executing org.jlleitschuh.gradle.ktlint.worker.ConsoleReportWorkAction
   > KtLint found code style violations. Please see the following reports:
     - /home/runner/work/notes-android/notes-android/app/build/reports/ktlint/ktlintMainSourceSetCheck/ktlintMainSourceSetCheck.txt

* Try:
> Run with --stacktrace option to get the stack trace.
> Run with --info or --debug option to get more log output.
> Run with --scan to get full insights.
> Get more help at https://help.gradle.org.

BUILD FAILED in 41s
9 actionable tasks: 9 executed""",
                code=1,
            ),
        ],
    ),
    'Feed.kt:14:1 Unexpected blank line(s) before "}" (standard:no-blank-line-before-rbrace)',
)

case(
    "kotlin-detekt-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/payments-svc",
        "payments-svc_PR-311",
        [
            Step(
                "./gradlew detekt",
                """> Task :detekt FAILED
§complexity - 20min debt
§	LongMethod - 71/60 - [render] at /var/lib/jenkins/workspace/payments-svc_PR-311/src/main/kotlin/com/acme/pay/Screen.kt:42:9
§style - 10min debt
§	MagicNumber - [retry] at /var/lib/jenkins/workspace/payments-svc_PR-311/src/main/kotlin/com/acme/pay/Client.kt:88:31

Overall debt: 30min

build/reports/detekt/detekt.html

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':detekt'.
> Analysis failed with 2 weighted issues.

* Try:
> Run with --stacktrace option to get the stack trace.

BUILD FAILED in 18s""",
                code=1,
                name="Static analysis",
            ),
            Step("./gradlew test", name="Test"),
        ],
    ),
    "LongMethod - 71/60 - [render] at .../Screen.kt:42:9",
)

case(
    "android-lint-gha",
    "lint.error",
    "high",
    gha(
        "acme/notes-android",
        "android-lint",
        [
            setup_java("17"),
            Step(
                "./gradlew lintDebug",
                """> Task :app:preBuild UP-TO-DATE
> Task :app:generateDebugResValues
> Task :app:lintAnalyzeDebug
§> Task :app:lintDebug FAILED
§Lint found 1 errors, 12 warnings. First failure:
§/home/runner/work/notes-android/notes-android/app/src/main/res/layout/activity_main.xml:22: Error: Hardcoded string "Sign in", should use @string resource [HardcodedText]
§        android:text="Sign in"
§        ~~~~~~~~~~~~~~~~~~~~~~

The full lint text report is located at:
  /home/runner/work/notes-android/notes-android/app/build/intermediates/lint_intermediate_text_report/debug/lintReportDebug/lint-results-debug.txt

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':app:lintDebug'.
> Lint found errors in the project; aborting build.

  Fix the issues identified by lint, or create a baseline to see only new errors.

* Try:
> Run with --stacktrace option to get the stack trace.

BUILD FAILED in 1m 12s""",
                code=1,
            ),
        ],
    ),
    'activity_main.xml:22: Error: Hardcoded string "Sign in", should use @string resource [HardcodedText]',
)

case(
    "gradle-toolchain-missing-gha",
    "runtime.version",
    "high",
    gha(
        "acme/ledger-jvm",
        "build",
        [
            setup_java("17"),
            Step(
                "./gradlew build --no-daemon",
                gradle_head()
                + """
§FAILURE: Build failed with an exception.
§
§* What went wrong:
§Execution failed for task ':core:compileJava'.
§> Error while evaluating property 'javaCompiler' of task ':core:compileJava'.
§   > Failed to calculate the value of task ':core:compileJava' property 'javaCompiler'.
§      > Cannot find a Java installation on your machine matching this tasks requirements: {languageVersion=21, vendor=any, implementation=vendor-specific} for LINUX on x86_64.
§         > No locally installed toolchains match and toolchain download repositories have not been configured.

* Try:
> Learn more about toolchain auto-detection at https://docs.gradle.org/8.7/userguide/toolchains.html#sec:auto_detection.
> Run with --stacktrace option to get the stack trace.

BUILD FAILED in 9s""",
                code=1,
            ),
        ],
    ),
    "Cannot find a Java installation on your machine matching this tasks requirements: {languageVersion=21",
)

# ---------------------------------------------------------------- Bazel, Nix, Meson, Zig

case(
    "bazel-test-failed-gha",
    "test.failure",
    "high",
    gha(
        "acme/monorepo",
        "bazel test",
        [
            Step(
                "bazel test //... --test_output=errors",
                """Starting local Bazel server and connecting to it...
INFO: Invocation ID: 4f1e2d3c-5b6a-4789-8a9b-0c1d2e3f4a5b
Computing main repo mapping:
Loading: 188 packages loaded
Analyzing: 42 targets (188 packages loaded, 6021 targets configured)
INFO: Analyzed 42 targets (188 packages loaded, 6021 targets configured).
INFO: Found 30 targets and 12 test targets...
§FAIL: //pkg/parser:parser_test (see /home/runner/.cache/bazel/_bazel_runner/7f1e2d3c/execroot/_main/bazel-out/k8-fastbuild/testlogs/pkg/parser/parser_test/test.log)
§INFO: From Testing //pkg/parser:parser_test:
§==================== Test output for //pkg/parser:parser_test:
§--- FAIL: TestParseQuoted (0.00s)
§    parser_test.go:44: got "ab", want "a'b"
§FAIL
================================================================================
INFO: Elapsed time: 41.212s, Critical Path: 12.41s
INFO: 318 processes: 102 internal, 216 linux-sandbox.
INFO: Build completed, 1 test FAILED, 318 total actions
//pkg/config:config_test                                        PASSED in 0.3s
//pkg/lexer:lexer_test                                          PASSED in 0.2s
//pkg/parser:parser_test                                        FAILED in 0.4s
  /home/runner/.cache/bazel/_bazel_runner/7f1e2d3c/execroot/_main/bazel-out/k8-fastbuild/testlogs/pkg/parser/parser_test/test.log

Executed 12 out of 12 tests: 11 tests pass and 1 fails locally.
There were tests whose specified size is too big. Use the --test_verbose_timeout_warnings command line option to see which ones these are.""",
                code=3,
            ),
        ],
    ),
    "--- FAIL: TestParseQuoted (0.00s)",
)

case(
    "bazel-cc-compile-error-jenkins",
    "compile.error",
    "high",
    jenkins(
        "acme/engine",
        "engine_main",
        [
            Step(
                "bazel build //src/...",
                """INFO: Analyzed 64 targets (112 packages loaded, 2410 targets configured).
INFO: Found 64 targets...
ERROR: /var/lib/jenkins/workspace/engine_main/src/core/BUILD.bazel:12:11: Compiling src/core/cache.cc failed: (Exit 1): gcc failed: error executing CppCompile command (from target //src/core:core) /usr/bin/gcc -U_FORTIFY_SOURCE -fstack-protector -Wall -Wunused-but-set-parameter -Wno-free-nonheap-object -fno-omit-frame-pointer '-std=c++17' -MD -MF ... (remaining 21 arguments skipped)
§src/core/cache.cc: In member function 'void core::Cache::put(const std::string&, core::Value)':
§src/core/cache.cc:41:10: error: 'lock_guard' is not a member of 'std'
§   41 |     std::lock_guard<std::mutex> g(mu_);
§      |          ^~~~~~~~~~
Target //src/core:core failed to build
Use --verbose_failures to see the command lines of failed build steps.
INFO: Elapsed time: 22.104s, Critical Path: 9.31s
INFO: 88 processes: 12 internal, 76 linux-sandbox.
FAILED: Build did NOT complete successfully""",
                code=1,
                name="Build",
            ),
        ],
    ),
    "src/core/cache.cc:41:10: error: 'lock_guard' is not a member of 'std'",
)

case(
    "nix-check-pytest-gha",
    "test.failure",
    "high",
    gha(
        "acme/pyflake",
        "nix flake check",
        [
            Step(
                "",
                uses="cachix/install-nix-action@v26",
                with_={"nix_path": "nixpkgs=channel:nixos-unstable"},
                out="Installing Nix\nnix (Nix) 2.21.2",
            ),
            Step(
                "nix flake check -L",
                """warning: Git tree '/home/runner/work/pyflake/pyflake' is dirty
evaluating flake...
checking flake output 'checks'...
checking derivation checks.x86_64-linux.tests...
building '/nix/store/7f1e2d3c4b5a69788796a5b4c3d2e1f0-pyflake-tests-0.1.0.drv'...
pyflake-tests> Sourcing pytest-check-hook
pyflake-tests> Executing pytestCheckPhase
pyflake-tests> ============================= test session starts ==============================
pyflake-tests> platform linux -- Python 3.11.9, pytest-8.1.1, pluggy-1.4.0
pyflake-tests> collected 12 items
pyflake-tests> tests/test_api.py ......F.....                                          [100%]
§error: builder for '/nix/store/7f1e2d3c4b5a69788796a5b4c3d2e1f0-pyflake-tests-0.1.0.drv' failed with exit code 1;
§       last 4 log lines:
§       > tests/test_api.py ......F.....                                          [100%]
§       > FAILED tests/test_api.py::test_pagination - assert 20 == 25
§       > ========================= 1 failed, 11 passed in 0.41s =========================
       For full logs, run 'nix log /nix/store/7f1e2d3c4b5a69788796a5b4c3d2e1f0-pyflake-tests-0.1.0.drv'.""",
                code=1,
            ),
        ],
    ),
    "FAILED tests/test_api.py::test_pagination - assert 20 == 25",
)

case(
    "nix-hash-mismatch-gha",
    "dependency.resolution",
    "medium",
    gha(
        "acme/tool-nix",
        "build",
        [
            Step(
                "",
                uses="cachix/install-nix-action@v26",
                with_={"nix_path": "nixpkgs=channel:nixos-unstable"},
                out="Installing Nix\nnix (Nix) 2.21.2",
            ),
            Step(
                "nix build .#default -L",
                """these 2 derivations will be built:
  /nix/store/1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d-source.drv
  /nix/store/9f8e7d6c5b4a39281706f5e4d3c2b1a0-tool-1.4.0.drv
building '/nix/store/1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d-source.drv'...

trying https://github.com/acme/libfmt/archive/v2.1.0.tar.gz
  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
                                 Dload  Upload   Total   Spent    Left  Speed
100  412k    0  412k    0     0  1811k      0 --:--:-- --:--:-- --:--:-- 1811k
unpacking source archive /build/download.tar.gz
§error: hash mismatch in fixed-output derivation '/nix/store/1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d-source.drv':
§         specified: sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
§            got:    sha256-q1Zp0wYq8c4J1M3dUc2x8mYb8iE8oV0XQqQzqS6bF3k=
error: 1 dependencies of derivation '/nix/store/9f8e7d6c5b4a39281706f5e4d3c2b1a0-tool-1.4.0.drv' failed to build""",
                code=1,
            ),
        ],
    ),
    "error: hash mismatch in fixed-output derivation",
    "a pinned source's hash no longer matches what is fetched (alt config.error)",
)

case(
    "meson-test-fail-gha",
    "test.failure",
    "high",
    gha(
        "acme/libtoml",
        "test",
        [
            Step(
                "sudo apt-get install -y meson ninja-build", apt_install("meson ninja-build python3-mesonpy libcmocka0")
            ),
            Step(
                "meson setup build",
                'The Meson build system\nVersion: 1.3.2\nSource dir: /home/runner/work/libtoml/libtoml\nBuild dir: /home/runner/work/libtoml/libtoml/build\nBuild type: native build\nProject name: libtoml\nC compiler for the host machine: cc (gcc 11.4.0 "cc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0")\nFound ninja-1.11.1 at /usr/bin/ninja',
            ),
            Step(
                "meson test -C build --print-errorlogs",
                """ninja: Entering directory `/home/runner/work/libtoml/libtoml/build'
[14/14] Linking target tests/test_parser
 1/6 libtoml:unit / lexer          OK              0.02s
 2/6 libtoml:unit / strings        OK              0.02s
§ 3/6 libtoml:unit / parser         FAIL            0.03s   exit status 1
§>>> MALLOC_PERTURB_=188 /home/runner/work/libtoml/libtoml/build/tests/test_parser
§――――――――――――――――――――――――――――――――――――― ✀  ―――――――――――――――――――――――――――――――――――――
§stderr:
§[  FAILED  ] test_parse_inline_table
§test_parser.c:41: error: Failure! parse_inline("{a = 1}") returned -2, expected 0
 4/6 libtoml:unit / datetime       OK              0.01s
 5/6 libtoml:unit / arrays         OK              0.01s
 6/6 libtoml:unit / writer         OK              0.02s

Summary of Failures:

3/6 libtoml:unit / parser FAIL            0.03s   exit status 1

Ok:                 5
Expected Fail:      0
Fail:               1
Unexpected Pass:    0
Skipped:            0
Timeout:            0

Full log written to /home/runner/work/libtoml/libtoml/build/meson-logs/testlog.txt""",
                code=1,
            ),
        ],
    ),
    "3/6 libtoml:unit / parser FAIL 0.03s exit status 1",
    "meson is a build system; `meson test` runs tests",
)

case(
    "zig-build-error-gha",
    "compile.error",
    "high",
    gha(
        "acme/zkv",
        "build",
        [
            Step(
                "",
                uses="mlugg/setup-zig@v1",
                with_={"version": "0.12.0"},
                out="Fetching https://ziglang.org/download/0.12.0/zig-linux-x86_64-0.12.0.tar.xz\nAdded zig 0.12.0 to the path",
            ),
            Step(
                "zig build test",
                """test
└─ run test
   └─ zig test Debug native 1 errors
§src/store.zig:14:9: error: local variable is never mutated
§    var n: usize = 0;
§        ^
§src/store.zig:14:9: note: consider using 'const'
error: the following command failed with 1 compilation errors:
/opt/hostedtoolcache/zig/0.12.0/x64/zig test -ODebug -Mroot=/home/runner/work/zkv/zkv/src/store.zig --cache-dir /home/runner/work/zkv/zkv/zig-cache --global-cache-dir /home/runner/.cache/zig --name test --listen=-
Build Summary: 0/3 steps succeeded; 1 failed (disable with --summary none)
test transitive failure
└─ run test transitive failure
   └─ zig test Debug native 1 errors
error: the following build command failed with exit code 1:
/home/runner/work/zkv/zkv/zig-cache/o/4f1e2d3c/build /opt/hostedtoolcache/zig/0.12.0/x64/zig /home/runner/work/zkv/zkv /home/runner/work/zkv/zkv/zig-cache /home/runner/.cache/zig --seed 0x1a2b3c4d test""",
                code=1,
            ),
        ],
    ),
    "src/store.zig:14:9: error: local variable is never mutated",
    "`zig build test` fails at compiling the test binary",
)

# ---------------------------------------------------------------- R, Julia, Lua

case(
    "r-xml2-sysreq-gha",
    "dependency.missing",
    "medium",
    gha(
        "acme/rscrape",
        "R-CMD-check (release)",
        [
            Step(
                "Rscript -e 'install.packages(c(\"remotes\")); remotes::install_deps(dependencies = TRUE)'",
                """Installing 3 packages: xml2, httr, rvest
trying URL 'https://cloud.r-project.org/src/contrib/xml2_1.3.6.tar.gz'
Content type 'application/x-gzip' length 300115 bytes (293 KB)
==================================================
downloaded 293 KB

* installing *source* package ‘xml2’ ...
** package ‘xml2’ successfully unpacked and MD5 sums checked
** using staged installation
Using PKG_CFLAGS=
Using PKG_LIBS=-lxml2
§------------------------- ANTICONF ERROR ---------------------------
§Configuration failed because libxml-2.0 was not found. Try installing:
§ * deb: libxml2-dev (Debian, Ubuntu, etc)
§ * rpm: libxml2-devel (Fedora, CentOS, RHEL)
§ * csw: libxml2_dev (Solaris)
§If libxml-2.0 is already installed, check that 'pkg-config' is in your
§PATH and PKG_CONFIG_PATH contains a libxml-2.0.pc file. If pkg-config
§is unavailable you can set INCLUDE_DIR and LIB_DIR manually via:
§R CMD INSTALL --configure-vars='INCLUDE_DIR=... LIB_DIR=...'
§--------------------------------------------------------------------
ERROR: configuration failed for package ‘xml2’
* removing ‘/home/runner/work/_temp/Library/xml2’
ERROR: dependency ‘xml2’ is not available for package ‘rvest’
* removing ‘/home/runner/work/_temp/Library/rvest’
Warning messages:
1: In i.p(...) : installation of package ‘xml2’ had non-zero exit status
2: In i.p(...) : installation of package ‘rvest’ had non-zero exit status
Error: Failed to install 'unknown package' from CRAN""",
                code=1,
            ),
        ],
    ),
    "Configuration failed because libxml-2.0 was not found.",
    "a system library an R package needs is missing (alt dependency.resolution)",
)

case(
    "julia-pkg-test-gha",
    "test.failure",
    "high",
    gha(
        "acme/Serde.jl",
        "Julia 1.10 - ubuntu-latest",
        [
            Step(
                "",
                uses="julia-actions/setup-julia@v2",
                with_={"version": "1.10"},
                out="Installing Julia 1.10.2 for x64\nJulia 1.10.2 installed at /opt/hostedtoolcache/julia/1.10.2/x64",
            ),
            Step(
                "julia --color=yes --project -e 'using Pkg; Pkg.test(coverage=true)'",
                """     Testing Serde
      Status `/tmp/jl_8Yq1Ls/Project.toml`
  [a1b2c3d4] Serde v0.3.0 `~/work/Serde.jl/Serde.jl`
  [8dfed614] Test `@stdlib/Test`
     Testing Running tests...
Test Summary: | Pass  Total  Time
parsing       |   14     14  0.4s
§serialize: Test Failed at /home/runner/work/Serde.jl/Serde.jl/test/serialize.jl:18
§  Expression: roundtrip(x) == x
§   Evaluated: Dict("a" => 2) == Dict("a" => 1)
§
§Stacktrace:
§ [1] macro expansion
§   @ /opt/hostedtoolcache/julia/1.10.2/x64/share/julia/stdlib/v1.10/Test/src/Test.jl:672 [inlined]
§ [2] macro expansion
§   @ ~/work/Serde.jl/Serde.jl/test/serialize.jl:18 [inlined]
Test Summary: | Pass  Fail  Total  Time
serialize     |    6     1      7  0.9s
ERROR: LoadError: Some tests did not pass: 6 passed, 1 failed, 0 errored, 0 broken.
in expression starting at /home/runner/work/Serde.jl/Serde.jl/test/runtests.jl:5
ERROR: Package Serde errored during testing
Stacktrace:
 [1] pkgerror(msg::String)
   @ Pkg.Types /opt/hostedtoolcache/julia/1.10.2/x64/share/julia/stdlib/v1.10/Pkg/src/Types.jl:70""",
                code=1,
            ),
        ],
    ),
    "serialize: Test Failed at .../test/serialize.jl:18",
)

case(
    "lua-busted-travis",
    "test.failure",
    "high",
    travis(
        "oldcorp/lua-csv",
        "generic",
        [
            Step(
                "luarocks install --local busted",
                "Installing https://luarocks.org/busted-2.2.0-1.src.rock\nbusted 2.2.0-1 is now installed in /home/travis/.luarocks (license: MIT <http://opensource.org/licenses/MIT>)",
                name="install",
            ),
            Step(
                "busted --output=plainTerminal spec/",
                """●●●●●●◼●●●
9 successes / 1 failure / 0 errors / 0 pending : 0.012345 seconds

§Failure → spec/parser_spec.lua @ 22
§parser parses quoted strings
§spec/parser_spec.lua:24: Expected objects to be the same.
§Passed in:
§(string) 'ab'
§Expected:
§(string) 'a"b'""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.luarocks",
    ),
    "Failure → spec/parser_spec.lua @ 22",
)

case(
    "lua-luacheck-gha",
    "lint.error",
    "high",
    gha(
        "acme/lua-csv",
        "lint",
        [
            Step("sudo apt-get install -y lua-check", apt_install("lua-check lua-argparse lua-filesystem lua5.1")),
            Step(
                "luacheck src/ spec/",
                """Checking src/csv/init.lua                        OK
§Checking src/csv/parser.lua                      2 warnings
§
§    src/csv/parser.lua:14:7: unused variable 'tmp'
§    src/csv/parser.lua:41:1: setting non-standard global variable 'helper'

Checking src/csv/writer.lua                      OK
Checking spec/parser_spec.lua                    OK

Total: 2 warnings / 0 errors in 4 files""",
                code=1,
            ),
        ],
    ),
    "src/csv/parser.lua:14:7: unused variable 'tmp'",
    "luacheck exits 1 on warnings",
)

# ---------------------------------------------------------------- Infrastructure as code, Kubernetes

case(
    "tflint-gha",
    "lint.error",
    "high",
    gha(
        "acme/infra",
        "tflint",
        [
            Step(
                "",
                uses="terraform-linters/setup-tflint@v4",
                with_={"tflint_version": "v0.50.3"},
                out="Finding release for TFLint version v0.50.3\nDownloading TFLint v0.50.3\nTFLint v0.50.3 installed",
            ),
            Step(
                "tflint --init",
                'Installing "aws" plugin...\nInstalled "aws" (source: github.com/terraform-linters/tflint-ruleset-aws, version: 0.30.0)',
            ),
            Step(
                "tflint --recursive --format compact",
                """§2 issue(s) found:
§
§modules/web/main.tf:12:19: Error - "t2.micor" is an invalid value as instance_type (aws_instance_invalid_type)
§modules/web/variables.tf:1:1: Warning - variable "region" is declared but not used (terraform_unused_declarations)""",
                code=2,
            ),
        ],
    ),
    'modules/web/main.tf:12:19: Error - "t2.micor" is an invalid value as instance_type',
)

case(
    "terraform-plan-aws-credentials-gitlab",
    "credentials",
    "high",
    gitlab(
        "acme/infra",
        "hashicorp/terraform:1.8",
        [
            Step(
                "terraform init -input=false",
                'Initializing the backend...\nInitializing provider plugins...\n- Finding hashicorp/aws versions matching "~> 5.40"...\n- Installing hashicorp/aws v5.47.0...\n- Installed hashicorp/aws v5.47.0 (signed by HashiCorp)\n\nTerraform has been successfully initialized!',
            ),
            Step(
                "terraform plan -input=false -out=plan.tfplan",
                """Planning failed. Terraform encountered an error while generating this plan.

§╷
§│ Error: No valid credential sources found
§│
§│   with provider["registry.terraform.io/hashicorp/aws"],
§│   on providers.tf line 10, in provider "aws":
§│   10: provider "aws" {
§│
§│ Please see https://registry.terraform.io/providers/hashicorp/aws
§│ for more information about providing credentials.
§│
§│ Error: failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, request canceled, context deadline exceeded
§╵""",
                code=1,
            ),
        ],
    ),
    "Error: No valid credential sources found",
    "the CI variables with the AWS keys are not exposed to this branch; the IMDS probe times out as a consequence",
)

case(
    "kubeconform-gha",
    "lint.error",
    "high",
    gha(
        "acme/platform-manifests",
        "validate",
        [
            Step(
                "curl -sSL https://github.com/yannh/kubeconform/releases/download/v0.6.4/kubeconform-linux-amd64.tar.gz | tar xz && sudo mv kubeconform /usr/local/bin",
                "",
            ),
            Step(
                "kubeconform -strict -summary -kubernetes-version 1.29.0 deploy/",
                """§deploy/web/deployment.yaml - Deployment web is invalid: problem validating schema. Check JSON formatting: jsonschema: '/spec/template/spec/containers/0/ports/0/containerPort' does not validate with https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.29.0-standalone-strict/deployment-apps-v1.json#/properties/spec/properties/template/properties/spec/properties/containers/items/properties/ports/items/properties/containerPort/type: expected integer, but got string
Summary: 14 resources found in 6 files - Valid: 13, Invalid: 1, Errors: 0, Skipped: 0""",
                code=1,
            ),
        ],
    ),
    "deploy/web/deployment.yaml - Deployment web is invalid: problem validating schema.",
)

# ---------------------------------------------------------------- data, schema and text linters

case(
    "yamllint-travis",
    "lint.error",
    "high",
    travis(
        "oldcorp/ansible-roles",
        "python",
        [
            Step(
                "pip install yamllint",
                "Collecting yamllint\n  Downloading yamllint-1.35.1-py3-none-any.whl (66 kB)\nSuccessfully installed pathspec-0.12.1 pyyaml-6.0.1 yamllint-1.35.1",
                name="install",
            ),
            Step(
                "yamllint -s .",
                """§./roles/web/tasks/main.yml
§  3:1       warning  truthy value should be one of [false, true]  (truthy)
§  14:81     error    line too long (97 > 80 characters)  (line-length)
§  22:5      error    wrong indentation: expected 6 but found 4  (indentation)
§
§./roles/db/defaults/main.yml
§  7:1       error    too many blank lines (2 > 0)  (empty-lines)""",
                code=1,
                name="script",
            ),
        ],
    ),
    "22:5 error wrong indentation: expected 6 but found 4 (indentation)",
)

case(
    "sqlfluff-lint-gha",
    "lint.error",
    "high",
    gha(
        "acme/warehouse-dbt",
        "sqlfluff",
        [
            setup_python("3.11"),
            Step(
                "pip install sqlfluff==3.0.5 sqlfluff-templater-dbt",
                "Successfully installed sqlfluff-3.0.5 sqlfluff-templater-dbt-3.0.5",
            ),
            Step(
                "sqlfluff lint models/ --dialect snowflake",
                """§== [models/marts/orders.sql] FAIL
§L:   3 | P:   5 | LT01 | Expected only single space before 'AS' keyword. Found '  '.
§                       | [layout.spacing]
§L:  12 | P:   1 | CP01 | Keywords must be consistently upper case.
§                       | [capitalisation.keywords]
All Finished 📜 🎉!""",
                code=1,
            ),
        ],
    ),
    "== [models/marts/orders.sql] FAIL",
)

case(
    "buf-lint-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/apis",
        "bufbuild/buf:1.31.0",
        [
            Step(
                "buf lint",
                """§proto/acme/orders/v1/orders.proto:12:3:Enum value name "PENDING" should be prefixed with "ORDER_STATUS_".
§proto/acme/orders/v1/orders.proto:21:9:Field name "orderID" should be lower_snake_case, such as "order_id".""",
                code=100,
            ),
        ],
    ),
    'proto/acme/orders/v1/orders.proto:12:3:Enum value name "PENDING" should be prefixed with "ORDER_STATUS_".',
)

case(
    "py-interrogate-docstrings-gha",
    "lint.error",
    "high",
    gha(
        "acme/sdk-py",
        "docs-coverage",
        [
            setup_python("3.12"),
            Step("pip install interrogate", "Successfully installed interrogate-1.7.0 py-1.11.0 tabulate-0.9.0"),
            Step(
                "interrogate -v --fail-under 80 src/",
                """================== Coverage for /home/runner/work/sdk-py/sdk-py/src/ ===================
------------------------------------ Summary ------------------------------------
| Name                               |   Total |   Miss |   Cover |   Cover% |
|------------------------------------|---------|--------|---------|----------|
| sdk/__init__.py                    |       1 |      0 |       1 |     100% |
| sdk/client.py                      |      24 |      9 |      15 |      62% |
| sdk/models.py                      |      18 |      3 |      15 |      83% |
|------------------------------------|---------|--------|---------|----------|
| TOTAL                              |      43 |     12 |      31 |    72.1% |
§-------------- RESULT: FAILED (minimum: 80.0%, actual: 72.1%) --------------""",
                code=1,
            ),
        ],
    ),
    "RESULT: FAILED (minimum: 80.0%, actual: 72.1%)",
)

case(
    "go-govulncheck-gha",
    "lint.error",
    "medium",
    gha(
        "acme/edge-proxy",
        "vulncheck",
        [
            setup_go("1.22"),
            Step(
                "go install golang.org/x/vuln/cmd/govulncheck@latest",
                "go: downloading golang.org/x/vuln v1.1.0\ngo: downloading golang.org/x/tools v0.20.0",
            ),
            Step(
                "govulncheck ./...",
                """Scanning your code and 214 packages across 31 dependent modules for known vulnerabilities...

=== Symbol Results ===

§Vulnerability #1: GO-2024-2687
§    HTTP/2 CONTINUATION flood in net/http
§  More info: https://pkg.go.dev/vuln/GO-2024-2687
§  Module: golang.org/x/net
§    Found in: golang.org/x/net@v0.21.0
§    Fixed in: golang.org/x/net@v0.23.0
§    Example traces found:
§      #1: internal/server/server.go:41:23: server.Serve calls http2.ConfigureServer

Your code is affected by 1 vulnerability from 1 module.
This scan also found 0 vulnerabilities in packages you import and 2
vulnerabilities in modules you require, but your code doesn't appear to call
these vulnerabilities.
Use '-show verbose' for more details.""",
                code=3,
            ),
        ],
    ),
    "Vulnerability #1: GO-2024-2687",
    "a vulnerability checker's finding (alt dependency.resolution: bump the module)",
)

case(
    "ruby-sorbet-tc-gha",
    "lint.error",
    "high",
    gha(
        "acme/storefront-rb",
        "typecheck",
        [
            Step(
                "",
                uses="ruby/setup-ruby@v1",
                with_={"ruby-version": "3.3", "bundler-cache": "true"},
                out="Using Ruby 3.3.1\nbundle install\nBundle complete! 48 Gemfile dependencies, 131 gems now installed.",
            ),
            Step(
                "bundle exec srb tc",
                """§app/models/order.rb:14: Method `totl` does not exist on `Order` https://srb.help/7003
§    14 |    totl * 1.2
§            ^^^^
§  Got `Order` originating from:
§    app/models/order.rb:12:
§    12 |  def with_tax
§          ^^^^^^^^^^^^
§  Autocorrect: Use `-a` to autocorrect
§    app/models/order.rb:14: Replace with `total`
§    14 |    totl * 1.2
§            ^^^^
Errors: 1""",
                code=1,
            ),
        ],
    ),
    "app/models/order.rb:14: Method `totl` does not exist on `Order` https://srb.help/7003",
    "a type checker run as a check",
)

case(
    "node-test-runner-gha",
    "test.failure",
    "high",
    gha(
        "acme/tiny-router",
        "test (20)",
        [
            setup_node("20"),
            Step("npm ci", "added 12 packages, and audited 13 packages in 1s\nfound 0 vulnerabilities"),
            Step(
                "node --test test/",
                """▶ router
  ✔ matches a static path (0.512ms)
  ✔ extracts params (0.301ms)
§  ✖ matches a trailing slash (1.204ms)
§    AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
§
§    null !== '/users'
§
§        at TestContext.<anonymous> (file:///home/runner/work/tiny-router/tiny-router/test/router.test.js:22:12)
§        at Test.runInAsyncScope (node:async_hooks:206:9)
§        at Test.run (node:internal/test_runner/test:631:25) {
§      generatedMessage: true,
§      code: 'ERR_ASSERTION',
§      actual: null,
§      expected: '/users',
§      operator: 'strictEqual'
§    }
§
▶ router (3.1ms)
ℹ tests 41
ℹ suites 6
ℹ pass 40
ℹ fail 1
ℹ cancelled 0
ℹ skipped 0
ℹ todo 0
ℹ duration_ms 412.51

✖ failing tests:

test at file:///home/runner/work/tiny-router/tiny-router/test/router.test.js:18:3
✖ matches a trailing slash (1.204ms)
  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:""",
                code=1,
            ),
        ],
    ),
    "✖ matches a trailing slash (1.204ms)",
)

case(
    "cocoapods-cdn-timeout-plain",
    "network",
    "high",
    plain(
        """$ bundle exec pod install --repo-update
Updating local specs repositories
Analyzing dependencies
§[!] CDN: trunk URL couldn't be downloaded: https://cdn.cocoapods.org/all_pods_versions_5_9_1.txt Response: Timeout was reached
Exited with code exit status 1""",
        name="ios-app",
    ),
    "[!] CDN: trunk URL couldn't be downloaded: https://cdn.cocoapods.org/... Response: Timeout was reached",
    "a network timeout fetching the spec index, not a job timeout",
)

case(
    "flutter-sdk-constraint-gha",
    "runtime.version",
    "high",
    gha(
        "acme/shop_app",
        "build-android",
        [
            Step(
                "",
                uses="subosito/flutter-action@v2",
                with_={"flutter-version": "3.13.9"},
                out="Flutter 3.13.9 • channel stable • https://github.com/flutter/flutter.git\nTools • Dart 3.1.5 • DevTools 2.25.0",
            ),
            Step(
                "flutter pub get",
                """Resolving dependencies...
§The current Dart SDK version is 3.1.5.
§
§Because shop_app requires SDK version >=3.3.0 <4.0.0, version solving failed.""",
                code=1,
            ),
        ],
    ),
    "Because shop_app requires SDK version >=3.3.0 <4.0.0, version solving failed.",
)

case(
    "elixir-ecto-db-refused-gha",
    "network",
    "medium",
    gha(
        "acme/notifier",
        "test",
        [
            Step(
                "",
                uses="erlef/setup-beam@v1",
                with_={"otp-version": "26.2", "elixir-version": "1.16.2"},
                out="Installing Erlang/OTP 26.2.4\nInstalling Elixir 1.16.2-otp-26",
            ),
            Step("mix deps.get", "Resolving Hex dependencies...\nAll dependencies are up to date"),
            Step(
                "mix test",
                """Compiling 42 files (.ex)
Generated notifier app
§18:22:41.204 [error] Postgrex.Protocol (#PID<0.312.0>) failed to connect: ** (DBConnection.ConnectionError) tcp connect (localhost:5432): connection refused - :econnrefused
§18:22:41.205 [error] Postgrex.Protocol (#PID<0.313.0>) failed to connect: ** (DBConnection.ConnectionError) tcp connect (localhost:5432): connection refused - :econnrefused
** (Mix) The database for Notifier.Repo couldn't be created: killed""",
                code=1,
            ),
        ],
    ),
    "tcp connect (localhost:5432): connection refused - :econnrefused",
    "the Postgres service container is not configured (alt infrastructure/config.error)",
)

# ================================================================ second check
# Written after the fixes the cases above led to, labelled before triage ran on them: does what was
# built for the first batch hold on tools it was not built from?

case(
    "ocaml-dune-build-error-gha",
    "compile.error",
    "high",
    gha(
        "acme/tomlml",
        "build (ocaml 5.1)",
        [
            Step(
                "",
                uses="ocaml/setup-ocaml@v2",
                with_={"ocaml-compiler": "5.1"},
                out="Installing OCaml 5.1.1\nopam init done",
            ),
            Step(
                "opam install . --deps-only --with-test",
                "The following actions will be performed:\n  - install dune 3.14.2\n  - install menhir 20231231\nDone.",
            ),
            Step(
                "opam exec -- dune build @install",
                """§File "lib/parser.ml", line 42, characters 10-19:
§42 |   let v = parse_val s in
§               ^^^^^^^^^
§Error: Unbound value parse_val
§Hint: Did you mean parse_value?""",
                code=1,
            ),
        ],
    ),
    "Error: Unbound value parse_val",
)

case(
    "erlang-rebar3-eunit-travis",
    "test.failure",
    "high",
    travis(
        "oldcorp/erl_csv",
        "erlang",
        [
            Step(
                "rebar3 compile",
                "===> Verifying dependencies...\n===> Analyzing applications...\n===> Compiling erl_csv",
                name="install",
            ),
            Step(
                "rebar3 eunit",
                """===> Verifying dependencies...
===> Analyzing applications...
===> Compiling erl_csv
===> Performing EUnit tests...
..F...
§Failures:
§
§  1) erl_csv_tests:quoted_field_test/0: module 'erl_csv_tests'
§     Failure/Error: ?assertEqual(<<"a\\"b">>, erl_csv:field(<<"\\"a\\"\\"b\\"">>))
§       expected: <<"a\\"b">>
§            got: <<"ab">>
§     %% /home/travis/build/oldcorp/erl_csv/test/erl_csv_tests.erl:14:in `erl_csv_tests:-quoted_field_test/0-fun-0-/0`
§     Output:
§
Finished in 0.061 seconds
6 tests, 1 failures
===> Error running tests""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.cache/rebar3",
    ),
    "1) erl_csv_tests:quoted_field_test/0: module 'erl_csv_tests'",
)

case(
    "py-pip-audit-gha",
    "lint.error",
    "high",
    gha(
        "acme/sdk-py",
        "audit",
        [
            setup_python("3.12"),
            Step(
                "pip install pip-audit",
                "Successfully installed pip-audit-2.7.3 pip-requirements-parser-32.0.1 cyclonedx-python-lib-6.4.4",
            ),
            Step(
                "pip-audit -r requirements.txt",
                """§Found 2 known vulnerabilities in 1 package
§Name     Version ID                  Fix Versions
§-------- ------- ------------------- ------------
§requests 2.31.0  GHSA-9wx4-h78v-vm56 2.32.0
§requests 2.31.0  PYSEC-2023-74       2.32.0""",
                code=1,
            ),
        ],
    ),
    "Found 2 known vulnerabilities in 1 package",
)

case(
    "elixir-mix-format-check-gha",
    "lint.error",
    "high",
    gha(
        "acme/notifier",
        "format",
        [
            Step(
                "",
                uses="erlef/setup-beam@v1",
                with_={"otp-version": "26.2", "elixir-version": "1.16.2"},
                out="Installing Erlang/OTP 26.2.4\nInstalling Elixir 1.16.2-otp-26",
            ),
            Step(
                "mix format --check-formatted",
                """§** (Mix) mix format failed due to --check-formatted.
§The following files are not formatted:
§
§  * lib/notifier/worker.ex
§  * test/notifier/worker_test.exs""",
                code=1,
            ),
        ],
    ),
    "** (Mix) mix format failed due to --check-formatted.",
)

case(
    "perl-perlcritic-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/text-csvlite",
        "text-csvlite_main",
        [
            Step(
                "cpanm --quiet --notest Perl::Critic",
                "Successfully installed Perl-Critic-1.152\n42 distributions installed",
                name="Deps",
            ),
            Step(
                "perlcritic --severity 4 lib/",
                """§lib/Text/CSVLite.pm: Code before strictures are enabled at line 3, column 1.  See page 429 of PBP.  (Severity: 5)
§lib/Text/CSVLite.pm: Subroutine "parse" does not end with "return" at line 40, column 1.  See page 197 of PBP.  (Severity: 4)""",
                code=2,
                name="Critic",
            ),
        ],
    ),
    "lib/Text/CSVLite.pm: Code before strictures are enabled at line 3, column 1.",
)

case(
    "scala-scalafmt-check-gha",
    "lint.error",
    "high",
    gha(
        "acme/streams",
        "fmt",
        [
            setup_java("17"),
            Step(
                "sbt scalafmtCheckAll scalafmtSbtCheck",
                """[info] welcome to sbt 1.9.9 (Eclipse Adoptium Java 17.0.11)
[info] loading settings for project streams-build from plugins.sbt ...
[info] loading project definition from /home/runner/work/streams/streams/project
[info] loading settings for project root from build.sbt ...
[info] set current project to streams (in build file:/home/runner/work/streams/streams/)
§[warn] /home/runner/work/streams/streams/core/src/main/scala/acme/Window.scala isn't formatted properly!
§[error] (core / Compile / scalafmtCheck) 1 files must be formatted
[error] Total time: 4 s, completed May 2, 2024, 2:04:11 PM""",
                code=1,
            ),
        ],
    ),
    "[error] (core / Compile / scalafmtCheck) 1 files must be formatted",
)

case(
    "crystal-spec-failure-gha",
    "test.failure",
    "high",
    gha(
        "acme/crcsv",
        "spec",
        [
            Step(
                "",
                uses="crystal-lang/install-crystal@v1",
                with_={"crystal": "1.12"},
                out="Installing Crystal 1.12.1\nshards 0.18.0",
            ),
            Step(
                "shards install",
                "Resolving dependencies\nFetching https://github.com/crystal-ameba/ameba.git\nInstalling ameba (1.6.1)",
            ),
            Step(
                "crystal spec",
                """.....F

§Failures:
§
§  1) Parser parses quoted fields
§     Failure/Error: parse(%("a""b")).should eq %(a"b)
§
§       Expected: "a\\"b"
§            got: "ab"
§
§     # spec/parser_spec.cr:12

Finished in 1.21 milliseconds
6 examples, 1 failures, 0 errors, 0 pending

Failed examples:

crystal spec spec/parser_spec.cr:10 # Parser parses quoted fields""",
                code=1,
            ),
        ],
    ),
    "1) Parser parses quoted fields",
)

case(
    "js-cspell-gha",
    "lint.error",
    "high",
    gha(
        "acme/docs-site",
        "spelling",
        [
            setup_node("20"),
            Step(
                'npx cspell --no-progress "docs/**/*.md" "src/**/*.ts"',
                """§docs/guide/install.md:12:18 - Unknown word (recieve)
§src/api/client.ts:88:9 - Unknown word (seperator)
CSpell: Files checked: 48, Issues found: 2 in 2 files""",
                code=1,
            ),
        ],
    ),
    "docs/guide/install.md:12:18 - Unknown word (recieve)",
)

case(
    "dotnet-nu1605-downgrade-azure",
    "dependency.resolution",
    "high",
    azure(
        "acme/billing",
        "Build",
        [
            Step(
                "dotnet build -c Release",
                r"""  Determining projects to restore...
§D:\a\1\s\src\Billing.Api\Billing.Api.csproj : error NU1605: Warning As Error: Detected package downgrade: Microsoft.Extensions.Logging from 8.0.0 to 7.0.0. Reference the package directly from the project to select a different version.
§D:\a\1\s\src\Billing.Api\Billing.Api.csproj : error NU1605:  Billing.Api -> Billing.Core -> Microsoft.Extensions.Logging (>= 8.0.0)
§D:\a\1\s\src\Billing.Api\Billing.Api.csproj : error NU1605:  Billing.Api -> Microsoft.Extensions.Logging (>= 7.0.0)
  Failed to restore D:\a\1\s\src\Billing.Api\Billing.Api.csproj (in 1.1 sec).

Build FAILED.""",
                code=1,
                name="dotnet build",
            ),
        ],
    ),
    "error NU1605: Warning As Error: Detected package downgrade: Microsoft.Extensions.Logging from 8.0.0 to 7.0.0.",
)

case(
    "clojure-clj-kondo-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/ledger-clj",
        "cljkondo/clj-kondo:2024.03.13",
        [
            Step(
                "clj-kondo --lint src test",
                """§src/ledger/core.clj:12:9: warning: unused binding amount
§src/ledger/parse.clj:40:3: error: Unresolved symbol: parse-dat
linting took 212ms, errors: 1, warnings: 1""",
                code=3,
            ),
        ],
    ),
    "src/ledger/parse.clj:40:3: error: Unresolved symbol: parse-dat",
)

# ================================================================ third check
# The issue's general classes (trigger words inside test output, consequences after their cause,
# noise around the failure, one slow test among failures) in several ecosystems; labelled before
# triage ran on them.

case(
    "go-test-named-segfault-gha",
    "test.failure",
    "high",
    gha(
        "acme/supervisor",
        "test",
        [
            setup_go("1.22"),
            Step(
                "go test ./...",
                """ok  	github.com/acme/supervisor/config	0.012s
§--- FAIL: TestRestartsAfterSegfault (0.01s)
§    restart_test.go:31: child exited with signal 11 (segmentation fault); want a restart, got none
FAIL
FAIL	github.com/acme/supervisor/restart	0.031s
ok  	github.com/acme/supervisor/state	0.008s
FAIL""",
                code=1,
            ),
        ],
    ),
    "--- FAIL: TestRestartsAfterSegfault (0.01s)",
    "the test is about segfaults; the assertion failed",
)

case(
    "ruby-rspec-refused-in-expectation-travis",
    "test.failure",
    "high",
    travis(
        "oldcorp/http-lite",
        "ruby",
        [
            Step(
                "bundle install --jobs=3 --retry=3",
                "Bundle complete! 9 Gemfile dependencies, 31 gems now installed.",
                name="install",
            ),
            Step(
                "bundle exec rspec",
                """..........F....

§Failures:
§
§  1) HttpLite::Client#get reports a refused connection
§     Failure/Error: expect(result.error).to eq("Connection refused - connect(2) for 127.0.0.1:9")
§
§       expected: "Connection refused - connect(2) for 127.0.0.1:9"
§            got: nil
§
§       (compared using ==)
§     # ./spec/client_spec.rb:41:in `block (3 levels) in <top (required)>'

Finished in 0.21 seconds (files took 0.33 seconds to load)
15 examples, 1 failure

Failed examples:

rspec ./spec/client_spec.rb:38 # HttpLite::Client#get reports a refused connection""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/build/oldcorp/http-lite/vendor/bundle",
    ),
    "1) HttpLite::Client#get reports a refused connection",
)

case(
    "go-mod-download-io-timeout-jenkins",
    "network",
    "high",
    jenkins(
        "acme/edge",
        "edge_main",
        [
            Step(
                "go mod download",
                """§go: github.com/prometheus/client_golang@v1.19.0: Get "https://proxy.golang.org/github.com/prometheus/client_golang/@v/v1.19.0.mod": dial tcp: lookup proxy.golang.org on 10.0.0.2:53: read udp 10.0.3.14:52011->10.0.0.2:53: i/o timeout""",
                code=1,
                name="Deps",
            ),
            Step("go build ./...", name="Build"),
        ],
    ),
    "dial tcp: lookup proxy.golang.org on 10.0.0.2:53: ... i/o timeout",
    "a DNS lookup that timed out: network, not a job timeout",
)

case(
    "c-autotools-pkgconfig-missing-travis",
    "dependency.missing",
    "high",
    travis(
        "oldcorp/fetchd",
        "c",
        [
            Step(
                "./autogen.sh",
                "libtoolize: putting auxiliary files in '.'.\nconfigure.ac:12: installing './compile'\nMakefile.am: installing './depcomp'",
                name="before_script",
            ),
            Step(
                "./configure && make",
                """checking for a BSD-compatible install... /usr/bin/install -c
checking whether build environment is sane... yes
checking for gcc... gcc
checking whether the C compiler works... yes
checking for pkg-config... /usr/bin/pkg-config
checking pkg-config is at least version 0.9.0... yes
checking for LIBCURL... no
§configure: error: Package requirements (libcurl >= 7.58) were not met:
§
§No package 'libcurl' found
§
§Consider adjusting the PKG_CONFIG_PATH environment variable if you
§installed software in a non-standard prefix.
make: *** No targets specified and no makefile found.  Stop.""",
                code=2,
                name="script",
            ),
        ],
        cache="/home/travis/.ccache",
    ),
    "No package 'libcurl' found",
    "configure failed; make's 'no makefile' follows from it",
)

case(
    "ruby-minitest-after-noise-gha",
    "test.failure",
    "high",
    gha(
        "acme/ledger-rb",
        "test (3.3)",
        [
            Step(
                "curl -fsS https://example.com/ci/extra-config.yml -o .ci.yml || true",
                "curl: (22) The requested URL returned error: 404",
            ),
            Step(
                "",
                uses="ruby/setup-ruby@v1",
                with_={"ruby-version": "3.3", "bundler-cache": "true"},
                out="Using Ruby 3.3.1\nWarning: the running version of Bundler (2.5.9) is older than the version that created the lockfile (2.5.10).\nBundle complete! 22 Gemfile dependencies, 64 gems now installed.",
            ),
            Step(
                "bin/rails test",
                """Running 212 tests in a single process (parallelization threshold is 50)
Run options: --seed 31337

# Running:

..........................................................F...........

§Failure:
§LedgerEntryTest#test_rounds_half_even [test/models/ledger_entry_test.rb:27]:
§Expected: 0.12e0
§  Actual: 0.13e0
§
§bin/rails test test/models/ledger_entry_test.rb:24

......................................................................

Finished in 3.412s, 62.1337 runs/s, 140.1 assertions/s.
212 runs, 478 assertions, 1 failures, 0 errors, 0 skips""",
                code=1,
            ),
        ],
    ),
    "LedgerEntryTest#test_rounds_half_even [test/models/ledger_entry_test.rb:27]:",
    "an ignored curl 404 and a Bundler warning before the failing test step",
)

case(
    "py-pytest-one-timeout-of-three-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/scheduler",
        "python:3.12",
        [
            Step("pip install -e .[test]", "Successfully installed pytest-8.2.0 pytest-timeout-2.3.1 scheduler-0.9.0"),
            Step(
                "pytest -q --timeout=30",
                """........F....F......F.....                                              [100%]
§=================================== FAILURES ===================================
§_____________________________ test_cron_next_run ______________________________
§
§    def test_cron_next_run():
§>       assert next_run("0 0 * * *", NOW) == NOW.replace(day=3, hour=0)
§E       AssertionError: assert datetime.datetime(2024, 5, 2, 0, 0) == datetime.datetime(2024, 5, 3, 0, 0)
§
§tests/test_cron.py:14: AssertionError
___________________________ test_queue_drains_slowly ___________________________

    def test_queue_drains_slowly():
        q = Queue()
>       q.join()
E       Failed: Timeout >30.0s

tests/test_queue.py:22: Failed
____________________________ test_weekday_parsing ______________________________

    def test_weekday_parsing():
>       assert parse_weekday("tue") == 1
E       AssertionError: assert 2 == 1

tests/test_cron.py:40: AssertionError
=========================== short test summary info ============================
FAILED tests/test_cron.py::test_cron_next_run - AssertionError: assert datetime.datetime(2024, 5, 2, 0, 0) == ...
FAILED tests/test_queue.py::test_queue_drains_slowly - Failed: Timeout >30.0s
FAILED tests/test_cron.py::test_weekday_parsing - AssertionError: assert 2 == 1
3 failed, 24 passed in 31.92s""",
                code=1,
            ),
        ],
    ),
    "_____ test_cron_next_run _____",
    "one test of three hit its time limit; two assertions failed",
)

case(
    "py-unittest-all-refused-gha",
    "network",
    "medium",
    gha(
        "acme/cachelib",
        "tests",
        [
            setup_python("3.11"),
            Step(
                "python -m unittest discover -s tests -v",
                """test_get (test_client.ClientTest.test_get) ... ERROR
test_set (test_client.ClientTest.test_set) ... ERROR
test_version (test_client.ClientTest.test_version) ... ok

§======================================================================
§ERROR: test_get (test_client.ClientTest.test_get)
§----------------------------------------------------------------------
§Traceback (most recent call last):
§  File "/home/runner/work/cachelib/cachelib/tests/test_client.py", line 12, in setUp
§    self.client = Client("localhost", 6379)
§  File "/home/runner/work/cachelib/cachelib/cachelib/client.py", line 30, in __init__
§    self.sock = socket.create_connection((host, port), timeout=2)
§ConnectionRefusedError: [Errno 111] Connection refused
§
======================================================================
ERROR: test_set (test_client.ClientTest.test_set)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "/home/runner/work/cachelib/cachelib/tests/test_client.py", line 12, in setUp
    self.client = Client("localhost", 6379)
  File "/home/runner/work/cachelib/cachelib/cachelib/client.py", line 30, in __init__
    self.sock = socket.create_connection((host, port), timeout=2)
ConnectionRefusedError: [Errno 111] Connection refused

----------------------------------------------------------------------
Ran 3 tests in 0.011s

FAILED (errors=2)""",
                code=1,
            ),
        ],
    ),
    "ConnectionRefusedError: [Errno 111] Connection refused",
    "every failing test could not reach the Redis service the job never started (alt infrastructure)",
)

case(
    "dotnet-test-named-filenotfound-gha",
    "test.failure",
    "high",
    gha(
        "acme/orders-api",
        "test",
        [
            Step("dotnet build -c Release", "Build succeeded.\n    0 Warning(s)\n    0 Error(s)"),
            Step(
                "dotnet test -c Release --no-build --logger 'console;verbosity=normal'",
                """Starting test execution, please wait...
A total of 1 test files matched the specified pattern.
  Passed Orders.Tests.ImportTests.Imports_Csv [4 ms]
§  Failed Orders.Tests.ImportTests.Missing_File_Throws_FileNotFoundException [3 ms]
§  Error Message:
§   Assert.Throws() Failure: No exception was thrown
§Expected: typeof(System.IO.FileNotFoundException)
§  Stack Trace:
§     at Orders.Tests.ImportTests.Missing_File_Throws_FileNotFoundException() in /home/runner/work/orders-api/orders-api/tests/Orders.Tests/ImportTests.cs:line 33

Failed!  - Failed:     1, Passed:    57, Skipped:     0, Total:    58, Duration: 412 ms - Orders.Tests.dll (net8.0)""",
                code=1,
            ),
        ],
    ),
    "Failed Orders.Tests.ImportTests.Missing_File_Throws_FileNotFoundException [3 ms]",
    "the test expects a FileNotFoundException; none was thrown",
)

case(
    "rust-cargo-git-dns-gitlab",
    "network",
    "high",
    gitlab(
        "acme/router-rs",
        "rust:1.78",
        [
            Step(
                "cargo build --locked",
                """    Updating git repository `https://github.com/acme/hyper-ext`
§error: failed to get `hyper-ext` as a dependency of package `router v0.4.0 (/builds/acme/router-rs)`
§
§Caused by:
§  failed to load source for dependency `hyper-ext`
§
§Caused by:
§  Unable to update https://github.com/acme/hyper-ext?rev=4f1e2d3
§
§Caused by:
§  failed to fetch into: /usr/local/cargo/git/db/hyper-ext-1a2b3c4d5e6f7a8b
§
§Caused by:
§  network failure seems to have happened
§  if a proxy or similar is necessary `net.git-fetch-with-cli` may help here
§  https://doc.rust-lang.org/cargo/reference/config.html#netgit-fetch-with-cli
§
§Caused by:
§  failed to resolve address for github.com: Temporary failure in name resolution; class=Net (12)""",
                code=101,
            ),
        ],
    ),
    "failed to resolve address for github.com: Temporary failure in name resolution; class=Net (12)",
)

case(
    "php-phpunit-diff-parse-error-gha",
    "test.failure",
    "high",
    gha(
        "acme/tpl",
        "tests (8.3)",
        [
            Step("composer install --no-progress", composer_install()),
            Step(
                "vendor/bin/phpunit --colors=never",
                """PHPUnit 10.5.20 by Sebastian Bergmann and contributors.

Runtime:       PHP 8.3.6
Configuration: /home/runner/work/tpl/tpl/phpunit.xml

.......F.....                                                     13 / 13 (100%)

Time: 00:00.041, Memory: 8.00 MB

§There was 1 failure:
§
§1) Tests\\CompilerTest::testReportsUnclosedBlock
§Failed asserting that two strings are identical.
§--- Expected
§+++ Actual
§@@ @@
§-'Parse error: unexpected "}" on line 3'
§+'OK'
§
§/home/runner/work/tpl/tpl/tests/CompilerTest.php:48

FAILURES!
Tests: 13, Assertions: 21, Failures: 1.""",
                code=1,
            ),
        ],
    ),
    "1) Tests\\CompilerTest::testReportsUnclosedBlock",
)

# ================================================================ fourth check
# Travis-era tools and idioms (grunt, nose, ant, bower, lein, cabal, Go's `test -z "$(golint)"`, Perl's
# make test, Julia, an old Node on a dependency's newer syntax); labelled before triage ran on them.

case(
    "js-grunt-jshint-travis",
    "lint.error",
    "high",
    travis(
        "oldcorp/widgets-js",
        "node_js",
        [
            Step(
                "npm install",
                "npm WARN deprecated graceful-fs@3.0.12: please upgrade\nadded 412 packages in 9.1s",
                name="install",
            ),
            Step(
                "grunt jshint",
                """Running "jshint:all" (jshint) task

§   src/widgets.js
§     12 |    var x = 1
§                     ^ Missing semicolon.
§     40 |if (a == null) {
§                ^ Use '===' to compare with 'null'.
§
§>> 2 errors in 14 files
Warning: Task "jshint:all" failed. Use --force to continue.

Aborted due to warnings.""",
                code=3,
                name="script",
            ),
        ],
        cache="/home/travis/build/oldcorp/widgets-js/node_modules",
    ),
    ">> 2 errors in 14 files",
)

case(
    "py-nosetests-travis",
    "test.failure",
    "high",
    travis(
        "oldcorp/csvtool",
        "python",
        [
            Step("pip install -r requirements.txt", "Successfully installed nose-1.3.7 six-1.16.0", name="install"),
            Step(
                "nosetests -v",
                """test_empty (tests.test_parser.ParserTest) ... ok
test_parse (tests.test_parser.ParserTest) ... FAIL
test_write (tests.test_writer.WriterTest) ... ok

§======================================================================
§FAIL: test_parse (tests.test_parser.ParserTest)
§----------------------------------------------------------------------
§Traceback (most recent call last):
§  File "/home/travis/build/oldcorp/csvtool/tests/test_parser.py", line 14, in test_parse
§    self.assertEqual(parse("a,b"), ["a", "b"])
§AssertionError: Lists differ: ['a,b'] != ['a', 'b']

----------------------------------------------------------------------
Ran 12 tests in 0.031s

FAILED (failures=1)""",
                code=1,
                name="script",
            ),
        ],
    ),
    "FAIL: test_parse (tests.test_parser.ParserTest)",
)

case(
    "java-ant-junit-travis",
    "test.failure",
    "high",
    travis(
        "oldcorp/feedparser-j",
        "java",
        [
            Step(
                "ant test",
                """Buildfile: /home/travis/build/oldcorp/feedparser-j/build.xml

compile:
    [javac] Compiling 42 source files to /home/travis/build/oldcorp/feedparser-j/build/classes

test:
    [junit] Running com.acme.feed.ParserTest
§    [junit] Tests run: 5, Failures: 1, Errors: 0, Time elapsed: 0.052 sec
§    [junit] Test com.acme.feed.ParserTest FAILED

BUILD FAILED
/home/travis/build/oldcorp/feedparser-j/build.xml:88: Test failures

Total time: 6 seconds""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.m2",
    ),
    "[junit] Test com.acme.feed.ParserTest FAILED",
)

case(
    "js-bower-econnreset-travis",
    "network",
    "high",
    travis(
        "oldcorp/dashboard-ng",
        "node_js",
        [
            Step(
                "npm install -g bower",
                "/home/travis/.nvm/versions/node/v6.17.1/bin/bower -> /home/travis/.nvm/versions/node/v6.17.1/lib/node_modules/bower/bin/bower\n+ bower@1.8.14",
                name="install",
            ),
            Step(
                "bower install",
                """bower angular#~1.5.8          cached https://github.com/angular/bower-angular.git#1.5.11
bower angular#~1.5.8        validate 1.5.11 against https://github.com/angular/bower-angular.git#~1.5.8
§bower jquery#~2.1          ECONNRESET Request to https://registry.bower.io/packages/jquery failed: socket hang up""",
                code=1,
                name="install",
            ),
        ],
    ),
    "bower jquery#~2.1 ECONNRESET Request to https://registry.bower.io/packages/jquery failed: socket hang up",
)

case(
    "clojure-lein-test-travis",
    "test.failure",
    "high",
    travis(
        "oldcorp/csv-clj",
        "clojure",
        [
            Step(
                "lein test",
                """Retrieving org/clojure/clojure/1.8.0/clojure-1.8.0.jar from central

lein test csv-clj.core-test

§lein test :only csv-clj.core-test/parse-test
§
§FAIL in (parse-test) (core_test.clj:9)
§expected: (= [1 2] (parse "1,2"))
§  actual: (not (= [1 2] [1]))

Ran 4 tests containing 7 assertions.
1 failures, 0 errors.
Tests failed.""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.m2",
    ),
    "FAIL in (parse-test) (core_test.clj:9)",
)

case(
    "haskell-cabal-old-resolve-travis",
    "dependency.resolution",
    "medium",
    travis(
        "oldcorp/acme-hs",
        "haskell",
        [
            Step(
                "cabal install --only-dependencies --enable-tests",
                """Resolving dependencies...
§cabal: Could not resolve dependencies:
§trying: acme-hs-0.1.0 (user goal)
§next goal: base (dependency of acme-hs-0.1.0)
§rejecting: base-4.9.1.0/installed-4.9... (conflict: acme-hs => base>=4.10 && <5)
§After searching the rest of the dependency tree exhaustively, these were the goals I've had most trouble fulfilling: base, acme-hs""",
                code=1,
                name="install",
            ),
        ],
        cache="/home/travis/.cabal",
    ),
    "cabal: Could not resolve dependencies:",
    "base is pinned by GHC: the job's GHC is too old (alt runtime.version)",
)

case(
    "go-test-z-golint-travis",
    "lint.error",
    "high",
    travis(
        "oldcorp/gofeed",
        "go",
        [
            Step("go get -u golang.org/x/lint/golint", "", name="install"),
            Step(
                "go test ./...",
                "ok  	github.com/oldcorp/gofeed	0.031s\nok  	github.com/oldcorp/gofeed/atom	0.012s",
                name="script",
            ),
            Step(
                'test -z "$(golint ./... | tee /dev/stderr)"',
                """§atom/parser.go:12:1: exported function Parse should have comment or be unexported
§rss/item.go:40:6: type name will be used as rss.RssItem by other packages, and that stutters; consider calling this Item""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/gopath/pkg",
    ),
    "atom/parser.go:12:1: exported function Parse should have comment or be unexported",
    "Go's test -z idiom: the step fails when golint prints anything",
)

case(
    "perl-make-test-travis",
    "test.failure",
    "high",
    travis(
        "oldcorp/text-tiny",
        "perl",
        [
            Step(
                "perl Makefile.PL && make",
                "Checking if your kit is complete...\nLooks good\nGenerating a Unix-style Makefile\nWriting Makefile for Text::Tiny",
                name="install",
            ),
            Step(
                "make test",
                """PERL_DL_NONLAZY=1 "/home/travis/perl5/perlbrew/perls/5.26/bin/perl" "-MExtUtils::Command::MM" "-MTest::Harness" "-e" "undef *Test::Harness::Switches; test_harness(0, 'blib/lib', 'blib/arch')" t/*.t
t/00-load.t ... ok
§t/01-parse.t .. 1/4
§#   Failed test 'parses quoted'
§#   at t/01-parse.t line 12.
§#          got: 'ab'
§#     expected: 'a"b'
# Looks like you failed 1 test of 4.
t/01-parse.t .. Dubious, test returned 1 (wstat 256, 0x100)
Failed 1/4 subtests

Test Summary Report
-------------------
t/01-parse.t (Wstat: 256 Tests: 4 Failed: 1)
  Failed test:  3
  Non-zero exit status: 1
Files=2, Tests=5,  0 wallclock secs ( 0.02 usr  0.01 sys +  0.05 cusr  0.01 csys =  0.09 CPU)
Result: FAIL
Failed 1/2 test programs. 1/5 subtests failed.
make: *** [test_dynamic] Error 255""",
                code=2,
                name="script",
            ),
        ],
    ),
    "#   Failed test 'parses quoted'",
)

case(
    "julia-package-not-found-travis",
    "dependency.missing",
    "high",
    travis(
        "oldcorp/Geo.jl",
        "julia",
        [
            Step(
                "julia --color=yes -e 'using Pkg; Pkg.build(); Pkg.test(coverage=true)'",
                """   Building Geo → `~/build/oldcorp/Geo.jl/deps/build.log`
     Testing Geo
§ERROR: LoadError: ArgumentError: Package Proj4 not found in current path:
§- Run `import Pkg; Pkg.add("Proj4")` to install the Proj4 package.
§
§Stacktrace:
§ [1] require(::Module, ::Symbol) at ./loading.jl:892
in expression starting at /home/travis/build/oldcorp/Geo.jl/test/runtests.jl:2
ERROR: Package Geo errored during testing""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.julia",
    ),
    "ERROR: LoadError: ArgumentError: Package Proj4 not found in current path:",
)

case(
    "js-old-node-optional-chaining-travis",
    "runtime.version",
    "high",
    travis(
        "oldcorp/cli-tool",
        "node_js",
        [
            Step("nvm install 12", "Now using node v12.22.12 (npm v6.14.16)", name="before_install"),
            Step("npm ci", "added 388 packages in 6.2s", name="install"),
            Step(
                "npm test",
                """
> cli-tool@2.1.0 test /home/travis/build/oldcorp/cli-tool
> mocha

§/home/travis/build/oldcorp/cli-tool/node_modules/yargs-parser/build/lib/index.js:12
§    const env = process?.env ?? {};
§                        ^
§
§SyntaxError: Unexpected token '.'
§    at wrapSafe (internal/modules/cjs/loader.js:915:16)
    at Module._compile (internal/modules/cjs/loader.js:963:1)
npm ERR! Test failed.  See above for more details.""",
                code=1,
                name="script",
            ),
        ],
    ),
    "SyntaxError: Unexpected token '.'",
    "a dependency's optional chaining under Node 12",
)

# ================================================================ fifth check
# Actions' own failures, deploy tools and runtime constraints in several build tools; labelled
# before triage ran on them.

case(
    "gha-codecov-rate-limit",
    "rate.limit",
    "high",
    gha(
        "acme/ledger",
        "coverage",
        [
            setup_python("3.12"),
            Step(
                "pytest -q --cov=ledger --cov-report=xml",
                "214 passed in 5.02s\nCoverage XML written to file coverage.xml",
            ),
            Step(
                "",
                uses="codecov/codecov-action@v4",
                with_={"files": "coverage.xml", "fail_ci_if_error": "true"},
                out="""==> linux OS detected
https://cli.codecov.io/latest/linux/codecov.SHA256SUM
gpg: Good signature from "Codecov Uploader (Codecov Uploader Verification Key) <security@codecov.io>" [unknown]
==> Uploader SHASUM verified (0f2e...  codecov)
info - 2024-05-02 14:09:12,118 -- ci service found: github-actions
info - 2024-05-02 14:09:12,402 -- Found 1 coverage files to report
§error - 2024-05-02 14:09:13,771 -- Upload failed: {"message":"Rate limit reached. Please upload with the Codecov repository upload token to resolve issue. Expected time to availability: 1211s."}""",
                code=1,
                error="##[error]Codecov: Failed to properly upload report: The process '/home/runner/work/_actions/codecov/codecov-action/v4/dist/codecov' failed with exit code 1",
            ),
        ],
    ),
    'Upload failed: {"message":"Rate limit reached. ...',
)

case(
    "docker-buildkit-npm-eresolve-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/storefront",
        "image",
        [
            Step(
                "",
                uses="docker/build-push-action@v5",
                with_={"context": ".", "push": "false", "tags": "acme/storefront:ci"},
                out="""#0 building with "builder-4f1e" instance using docker-container driver
#5 [build 2/6] WORKDIR /app
#5 DONE 0.1s
#6 [build 3/6] COPY package.json package-lock.json ./
#6 DONE 0.1s
#7 [build 4/6] RUN npm ci
§#7 3.211 npm ERR! code ERESOLVE
§#7 3.212 npm ERR! ERESOLVE could not resolve
§#7 3.212 npm ERR!
§#7 3.212 npm ERR! While resolving: @acme/ui@3.2.0
§#7 3.213 npm ERR! Found: react@18.3.1
§#7 3.213 npm ERR! Could not resolve dependency:
§#7 3.213 npm ERR! peer react@"^17.0.0" from @acme/ui@3.2.0
#7 ERROR: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1
------
 > [build 4/6] RUN npm ci:
------
Dockerfile:6
--------------------
   4 |     COPY package.json package-lock.json ./
   5 | >>> RUN npm ci
--------------------
ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1""",
                code=1,
                error='##[error]buildx failed with: ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
            ),
        ],
    ),
    "npm ERR! ERESOLVE could not resolve",
)

case(
    "gha-create-pr-not-permitted",
    "permission",
    "high",
    gha(
        "acme/deps-bot",
        "update",
        [
            Step("npm update && npm run build", "up to date, audited 412 packages in 2s"),
            Step(
                "",
                uses="peter-evans/create-pull-request@v6",
                with_={"title": "chore: update dependencies", "branch": "deps/update"},
                out="""Pushing pull request branch to 'origin/deps/update'
/usr/bin/git push --force-with-lease origin deps/update:refs/heads/deps/update
To https://github.com/acme/deps-bot
 * [new branch]      deps/update -> deps/update
Create or update the pull request""",
                code=1,
                error="§##[error]GitHub Actions is not permitted to create or approve pull requests.",
            ),
        ],
    ),
    "GitHub Actions is not permitted to create or approve pull requests.",
)

case(
    "gha-checkout-private-submodule",
    "credentials",
    "high",
    gha(
        "acme/firmware",
        "build",
        [
            Step(
                "git submodule update --init --recursive",
                """Submodule 'vendor/hal' (https://github.com/acme/hal-private.git) registered for path 'vendor/hal'
Cloning into '/home/runner/work/firmware/firmware/vendor/hal'...
§fatal: could not read Username for 'https://github.com': terminal prompts disabled
§fatal: clone of 'https://github.com/acme/hal-private.git' into submodule path '/home/runner/work/firmware/firmware/vendor/hal' failed
Failed to clone 'vendor/hal'. Retry scheduled""",
                code=1,
            ),
        ],
    ),
    "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
)

case(
    "go-golangci-timeout-gha",
    "timeout",
    "high",
    gha(
        "acme/edge-proxy",
        "lint",
        [
            setup_go("1.22"),
            Step(
                "golangci-lint run ./...",
                """level=info msg="[config_reader] Config search paths: [./ /home/runner/work/edge-proxy/edge-proxy /home/runner/work/edge-proxy /home/runner/work /home/runner /home /]"
level=info msg="[lintersdb] Active 14 linters: [errcheck gosimple govet ineffassign staticcheck unused gocritic]"
level=info msg="[loader] Go packages loading at mode 575 (types_sizes|compiled_files|deps|exports_file|files|imports|name) took 41.2s"
§level=error msg="Timeout exceeded: try increasing it by passing --timeout option"
level=info msg="Memory: 912 samples, avg is 2143.1MB, max is 3410.7MB"
level=info msg="Execution took 1m0.04s\"""",
                code=4,
            ),
        ],
    ),
    'level=error msg="Timeout exceeded: try increasing it by passing --timeout option"',
    "the linter's own time limit, not findings",
)

case(
    "java-maven-enforcer-jdk-jenkins",
    "runtime.version",
    "high",
    jenkins(
        "acme/billing-java",
        "billing-java_main",
        [
            Step(
                "mvn -B -ntp verify",
                """[INFO] Scanning for projects...
[INFO]
[INFO] -----------------------< com.acme:billing >-----------------------
[INFO] Building billing 2.4.0-SNAPSHOT
[INFO] --------------------------------[ jar ]---------------------------------
[INFO]
[INFO] --- enforcer:3.4.1:enforce (enforce-java) @ billing ---
§[WARNING] Rule 0: org.apache.maven.enforcer.rules.version.RequireJavaVersion failed with message:
§Detected JDK version 11.0.22 (JAVA_HOME=/usr/lib/jvm/java-11-openjdk-amd64) is not in the allowed range [17,).
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin:3.4.1:enforce (enforce-java) on project billing: Some Enforcer rules have failed. Look above for specific messages explaining why the rule failed. -> [Help 1]""",
                code=1,
                name="Build",
            ),
        ],
    ),
    "Detected JDK version 11.0.22 ... is not in the allowed range [17,).",
)

case(
    "gradle-github-packages-401-gha",
    "credentials",
    "high",
    gha(
        "acme/payments-android",
        "build",
        [
            setup_java("17"),
            Step(
                "./gradlew assembleDebug",
                gradle_head()
                + """

§FAILURE: Build failed with an exception.
§
§* What went wrong:
§Execution failed for task ':app:checkDebugAarMetadata'.
§> Could not resolve all files for configuration ':app:debugRuntimeClasspath'.
§   > Could not resolve com.acme:design-system:4.2.0.
§     Required by:
§         project :app
§      > Could not resolve com.acme:design-system:4.2.0.
§         > Could not get resource 'https://maven.pkg.github.com/acme/design-system/com/acme/design-system/4.2.0/design-system-4.2.0.pom'.
§            > Could not GET 'https://maven.pkg.github.com/acme/design-system/com/acme/design-system/4.2.0/design-system-4.2.0.pom'. Received status code 401 from server: Unauthorized

* Try:
> Run with --stacktrace option to get the stack trace.

BUILD FAILED in 21s""",
                code=1,
            ),
        ],
    ),
    "Could not GET '...design-system-4.2.0.pom'. Received status code 401 from server: Unauthorized",
)

case(
    "swift-tools-version-gha",
    "runtime.version",
    "high",
    gha(
        "acme/server-kit",
        "build (macos-13)",
        [
            Step(
                "swift build",
                """§error: 'server-kit': package 'server-kit' is using Swift tools version 5.10.0 but the installed version is 5.9.2""",
                code=1,
            ),
        ],
    ),
    "package 'server-kit' is using Swift tools version 5.10.0 but the installed version is 5.9.2",
)

case(
    "helm-cluster-unreachable-gitlab",
    "network",
    "high",
    gitlab(
        "acme/platform",
        "alpine/helm:3.14.4",
        [
            Step(
                "helm dependency build charts/api",
                "Saving 1 charts\nDownloading postgresql from repo https://charts.bitnami.com/bitnami\nDeleting outdated charts",
            ),
            Step(
                "helm upgrade --install api charts/api -n staging --wait --timeout 5m",
                """§Error: Kubernetes cluster unreachable: Get "https://10.20.0.4:6443/version": dial tcp 10.20.0.4:6443: i/o timeout""",
                code=1,
            ),
        ],
    ),
    'Error: Kubernetes cluster unreachable: Get "https://10.20.0.4:6443/version": dial tcp 10.20.0.4:6443: i/o timeout',
)

case(
    "aws-s3-access-denied-gha",
    "permission",
    "high",
    gha(
        "acme/site",
        "deploy",
        [
            Step(
                "",
                uses="aws-actions/configure-aws-credentials@v4",
                with_={"role-to-assume": "arn:aws:iam::123456789012:role/site-deploy", "aws-region": "eu-west-1"},
                out="Assuming role with OIDC\nAuthenticated as assumedRoleId AROA1234567890:GitHubActions",
            ),
            Step(
                "aws s3 sync public/ s3://acme-site-prod --delete",
                """upload: public/index.html to s3://acme-site-prod/index.html
§upload failed: public/app.js to s3://acme-site-prod/app.js An error occurred (AccessDenied) when calling the PutObject operation: Access Denied""",
                code=1,
            ),
        ],
    ),
    "An error occurred (AccessDenied) when calling the PutObject operation: Access Denied",
)

# ================================================================ sixth check
# More Travis-era logs across languages (setuptools test, checkstyle via Gradle, a linker error,
# RuboCop in rake, standard, a segfault in a C extension, travis_wait, tox, Go modules, rustup
# components); labelled before triage ran on them.

case(
    "py-setup-py-test-travis",
    "test.failure",
    "high",
    travis(
        "oldcorp/dateparse",
        "python",
        [
            Step("pip install -e .", "Successfully installed dateparse-0.4.1", name="install"),
            Step(
                "python setup.py test",
                """running test
running egg_info
writing dateparse.egg-info/PKG-INFO
running build_ext
test_iso (tests.test_parse.ParseTest) ... ok
test_relative (tests.test_parse.ParseTest) ... FAIL

§======================================================================
§FAIL: test_relative (tests.test_parse.ParseTest)
§----------------------------------------------------------------------
§Traceback (most recent call last):
§  File "/home/travis/build/oldcorp/dateparse/tests/test_parse.py", line 21, in test_relative
§    self.assertEqual(parse("2 days ago", now=NOW), NOW - timedelta(days=2))
§AssertionError: datetime.datetime(2020, 5, 1, 0, 0) != datetime.datetime(2020, 4, 29, 0, 0)

----------------------------------------------------------------------
Ran 8 tests in 0.012s

FAILED (failures=1)
Test failed: <unittest.runner.TextTestResult run=8 errors=0 failures=1>
error: Test failed: <unittest.runner.TextTestResult run=8 errors=0 failures=1>""",
                code=1,
                name="script",
            ),
        ],
    ),
    "FAIL: test_relative (tests.test_parse.ParseTest)",
)

case(
    "java-gradle-checkstyle-ant-travis",
    "lint.error",
    "high",
    travis(
        "oldcorp/jcsv",
        "java",
        [
            Step(
                "./gradlew check",
                """:compileJava
:processResources NO-SOURCE
:classes
:checkstyleMain
§[ant:checkstyle] [ERROR] /home/travis/build/oldcorp/jcsv/src/main/java/org/jcsv/Reader.java:48:9: 'if' is not followed by whitespace. [WhitespaceAround]
§[ant:checkstyle] [ERROR] /home/travis/build/oldcorp/jcsv/src/main/java/org/jcsv/Reader.java:91: Line is longer than 100 characters (found 117). [LineLength]
:checkstyleMain FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':checkstyleMain'.
> Checkstyle rule violations were found. See the report at: file:///home/travis/build/oldcorp/jcsv/build/reports/checkstyle/main.html

BUILD FAILED

Total time: 14.213 secs""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.gradle",
    ),
    "[ant:checkstyle] [ERROR] .../Reader.java:48:9: 'if' is not followed by whitespace. [WhitespaceAround]",
)

case(
    "cpp-linker-undefined-travis",
    "compile.error",
    "high",
    travis(
        "oldcorp/rtree",
        "cpp",
        [
            Step(
                "cmake -DCMAKE_BUILD_TYPE=Release ..",
                "-- The CXX compiler identification is GNU 5.4.0\n-- Configuring done\n-- Generating done\n-- Build files have been written to: /home/travis/build/oldcorp/rtree/build",
                name="before_script",
            ),
            Step(
                "make -j2",
                """Scanning dependencies of target rtree
[ 25%] Building CXX object CMakeFiles/rtree.dir/src/rtree.cpp.o
[ 50%] Building CXX object CMakeFiles/rtree.dir/src/node.cpp.o
[ 75%] Linking CXX executable rtree_bench
§CMakeFiles/rtree_bench.dir/bench/main.cpp.o: In function `main':
§main.cpp:(.text.startup+0x8d): undefined reference to `rtree::Tree::bulk_load(std::vector<rtree::Box, std::allocator<rtree::Box> > const&)'
§collect2: error: ld returned 1 exit status
CMakeFiles/rtree_bench.dir/build.make:97: recipe for target 'rtree_bench' failed
make[2]: *** [rtree_bench] Error 1
CMakeFiles/Makefile2:67: recipe for target 'CMakeFiles/rtree_bench.dir/all' failed
make[1]: *** [CMakeFiles/rtree_bench.dir/all] Error 2
Makefile:83: recipe for target 'all' failed
make: *** [all] Error 2""",
                code=2,
                name="script",
            ),
        ],
        cache="/home/travis/.ccache",
    ),
    "undefined reference to `rtree::Tree::bulk_load(...)'",
)

case(
    "ruby-rake-rubocop-travis",
    "lint.error",
    "high",
    travis(
        "oldcorp/slugger",
        "ruby",
        [
            Step(
                "bundle install --jobs=3 --retry=3 --deployment",
                "Bundle complete! 7 Gemfile dependencies, 28 gems now installed.",
                name="install",
            ),
            Step(
                "bundle exec rake",
                """Running RuboCop...
Inspecting 21 files
.......C.............

Offenses:

§lib/slugger/transliterate.rb:14:5: C: Style/GuardClause: Use a guard clause (return unless text) instead of wrapping the code inside a conditional expression.
§    if text
§    ^^

21 files inspected, 1 offense detected
RuboCop failed!""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/build/oldcorp/slugger/vendor/bundle",
    ),
    "lib/slugger/transliterate.rb:14:5: C: Style/GuardClause: Use a guard clause",
)

case(
    "js-standard-travis",
    "lint.error",
    "high",
    travis(
        "oldcorp/tiny-emitter",
        "node_js",
        [
            Step("npm install", "added 211 packages from 140 contributors in 5.41s", name="install"),
            Step(
                "npm run lint",
                """
> tiny-emitter@2.1.0 lint /home/travis/build/oldcorp/tiny-emitter
> standard

standard: Use JavaScript Standard Style (https://standardjs.com)
§  /home/travis/build/oldcorp/tiny-emitter/index.js:12:13: Expected '===' and instead saw '=='.
§  /home/travis/build/oldcorp/tiny-emitter/index.js:30:1: Expected indentation of 2 spaces but found 4.
npm ERR! code ELIFECYCLE
npm ERR! errno 1
npm ERR! tiny-emitter@2.1.0 lint: `standard`
npm ERR! Exit status 1""",
                code=1,
                name="script",
            ),
        ],
    ),
    "index.js:12:13: Expected '===' and instead saw '=='.",
)

case(
    "py-c-extension-segfault-travis",
    "crash",
    "high",
    travis(
        "oldcorp/fastgeo",
        "python",
        [
            Step(
                "pip install -e .[test]",
                "building 'fastgeo._ext' extension\nSuccessfully installed fastgeo-0.3.0",
                name="install",
            ),
            Step(
                "pytest -q tests",
                """........................
§Fatal Python error: Segmentation fault
§
§Current thread 0x00007f2c1b9f8740 (most recent call first):
§  File "/home/travis/build/oldcorp/fastgeo/fastgeo/index.py", line 88 in nearest
§  File "/home/travis/build/oldcorp/fastgeo/tests/test_index.py", line 41 in test_nearest_empty
§  File "/home/travis/virtualenv/python3.8.1/lib/python3.8/site-packages/_pytest/python.py", line 167 in pytest_pyfunc_call
/home/travis/.travis/functions: line 109:  4121 Segmentation fault      (core dumped) pytest -q tests""",
                code=139,
                name="script",
            ),
        ],
    ),
    "Fatal Python error: Segmentation fault",
)

case(
    "travis-wait-timeout",
    "timeout",
    "high",
    travis(
        "oldcorp/bigbuild",
        "java",
        [
            Step(
                "travis_wait 20 mvn -B install",
                """Still running (1 of 20): mvn -B install
Still running (2 of 20): mvn -B install
Still running (19 of 20): mvn -B install
§Timeout (20 minutes) reached. Terminating "mvn -B install"
[INFO] Scanning for projects...
[INFO] Building bigbuild 1.0-SNAPSHOT
[INFO] --- maven-surefire-plugin:2.22.2:test (default-test) @ bigbuild ---
[INFO] Running com.acme.big.SlowIntegrationTest""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.m2",
    ),
    'Timeout (20 minutes) reached. Terminating "mvn -B install"',
)

case(
    "py-tox-interpreter-not-found-travis",
    "runtime.version",
    "high",
    travis(
        "oldcorp/yamlish",
        "python",
        [
            Step("pip install tox", "Successfully installed tox-3.28.0 virtualenv-20.21.0", name="install"),
            Step(
                "tox -e py36",
                """GLOB sdist-make: /home/travis/build/oldcorp/yamlish/setup.py
§py36 create: /home/travis/build/oldcorp/yamlish/.tox/py36
§ERROR: InterpreterNotFound: python3.6
___________________________________ summary ____________________________________
ERROR:  py36: InterpreterNotFound: python3.6""",
                code=1,
                name="script",
            ),
        ],
    ),
    "ERROR: InterpreterNotFound: python3.6",
)

case(
    "go-no-main-module-travis",
    "config.error",
    "high",
    travis(
        "oldcorp/gowalk",
        "go",
        [
            Step(
                "go build ./...",
                """§go: cannot find main module, but found .git/config in /home/travis/gopath/src/github.com/oldcorp/gowalk
§	to create a module there, run:
§	go mod init""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/gopath/pkg",
    ),
    "go: cannot find main module, but found .git/config in ...",
    "the repository has no go.mod",
)

case(
    "rust-rustfmt-not-installed-travis",
    "command.not.found",
    "high",
    travis(
        "oldcorp/bitfield-rs",
        "rust",
        [
            Step(
                "rustup default 1.31.0",
                "info: default toolchain set to '1.31.0-x86_64-unknown-linux-gnu'",
                name="install",
            ),
            Step(
                "cargo fmt -- --check",
                """§error: 'cargo-fmt' is not installed for the toolchain '1.31.0-x86_64-unknown-linux-gnu'
§To install, run `rustup component add rustfmt --toolchain 1.31.0-x86_64-unknown-linux-gnu`""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.cargo",
    ),
    "error: 'cargo-fmt' is not installed for the toolchain '1.31.0-x86_64-unknown-linux-gnu'",
)

# ================================================================ seventh check
# Messages rather than tools: integrity checks, registry timeouts, a missing executable, a private
# image, a system library, a native module's runtime, a yanked gem, a go.sum mismatch, a missing make
# under a dependency's build; labelled before triage ran on them.

case(
    "py-pip-hash-mismatch-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/sdk-py",
        "test (3.12)",
        [
            setup_python("3.12"),
            Step(
                "pip install --require-hashes -r requirements.lock",
                """Collecting certifi==2024.2.2 (from -r requirements.lock (line 3))
  Downloading certifi-2024.2.2-py3-none-any.whl.metadata (2.2 kB)
§ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes. Otherwise, examine the package contents carefully; someone may have tampered with them.
§    certifi==2024.2.2 from https://files.pythonhosted.org/packages/ba/06/certifi-2024.2.2-py3-none-any.whl (from -r requirements.lock (line 3)):
§        Expected sha256 0b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d
§             Got        dc16ba2e2ab4b1d3eb0f3e6b7c8a9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c""",
                code=1,
            ),
        ],
    ),
    "ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE.",
)

case(
    "js-yarn-esockettimedout-travis",
    "network",
    "high",
    travis(
        "oldcorp/admin-ui",
        "node_js",
        [
            Step(
                "yarn install --frozen-lockfile",
                """yarn install v1.22.19
[1/4] Resolving packages...
[2/4] Fetching packages...
info There appears to be trouble with your network connection. Retrying...
§error An unexpected error occurred: "https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz: ESOCKETTIMEDOUT".
info If you think this is a bug, please open a bug report with the information provided in "/home/travis/build/oldcorp/admin-ui/yarn-error.log".
info Visit https://yarnpkg.com/en/docs/cli/install for documentation about this command.""",
                code=1,
                name="install",
            ),
        ],
    ),
    'error An unexpected error occurred: "https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz: ESOCKETTIMEDOUT".',
)

case(
    "java-maven-nexus-connect-timeout-jenkins",
    "network",
    "high",
    jenkins(
        "acme/api-java",
        "api-java_main",
        [
            Step(
                "mvn -B -ntp package",
                """[INFO] Scanning for projects...
[INFO] Building api 1.0.0-SNAPSHOT
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
§[ERROR] Failed to execute goal on project api: Could not resolve dependencies for project com.acme:api:jar:1.0.0-SNAPSHOT: Could not transfer artifact com.acme:core:jar:2.3.1 from/to nexus (https://nexus.acme.io/repository/maven-public/): Connect to nexus.acme.io:443 [nexus.acme.io/10.0.0.5] failed: Connect timed out -> [Help 1]
[ERROR]
[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.""",
                code=1,
                name="Build",
            ),
        ],
    ),
    "Could not transfer artifact ... Connect to nexus.acme.io:443 ... failed: Connect timed out",
)

case(
    "gha-pwsh-not-found",
    "command.not.found",
    "high",
    gha(
        "acme/tools",
        "release (ubuntu-latest)",
        [
            Step(
                "",
                uses="acme/sign-action@v2",
                with_={"shell": "pwsh"},
                out="",
                code=1,
                error="§##[error]Unable to locate executable file: pwsh. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.",
            ),
        ],
    ),
    "Unable to locate executable file: pwsh.",
)

case(
    "docker-pull-private-denied-gitlab",
    "credentials",
    "high",
    gitlab(
        "acme/platform",
        "docker:24",
        [
            Step(
                "docker run --rm acme/private-migrator:1.4 migrate up",
                """Unable to find image 'acme/private-migrator:1.4' locally
§docker: Error response from daemon: pull access denied for acme/private-migrator, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.
See 'docker run --help'.""",
                code=125,
            ),
        ],
    ),
    "pull access denied for acme/private-migrator, repository does not exist or may require 'docker login'",
)

case(
    "py-libgl-missing-gha",
    "dependency.missing",
    "high",
    gha(
        "acme/vision",
        "test",
        [
            setup_python("3.11"),
            Step(
                "pip install -r requirements.txt",
                "Successfully installed numpy-1.26.4 opencv-python-4.9.0.80 pytest-8.2.0",
            ),
            Step(
                "pytest -q",
                """==================================== ERRORS ====================================
____________________ ERROR collecting tests/test_detect.py _____________________
ImportError while importing test module '/home/runner/work/vision/vision/tests/test_detect.py'.
Hint: make sure your test modules/packages have valid Python names.
Traceback:
tests/test_detect.py:1: in <module>
    import cv2
§/opt/hostedtoolcache/Python/3.11.9/x64/lib/python3.11/site-packages/cv2/__init__.py:181: in bootstrap
§    import cv2
§E   ImportError: libGL.so.1: cannot open shared object file: No such file or directory
=========================== short test summary info ============================
ERROR tests/test_detect.py
!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!
1 error in 0.31s""",
                code=2,
            ),
        ],
    ),
    "ImportError: libGL.so.1: cannot open shared object file: No such file or directory",
    "a system library OpenCV needs (alt: use opencv-python-headless)",
)

case(
    "js-node-sass-runtime-travis",
    "runtime.version",
    "high",
    travis(
        "oldcorp/theme",
        "node_js",
        [
            Step("npm ci", "added 1102 packages in 21.4s", name="install"),
            Step(
                "npm run build",
                """
> theme@1.8.0 build /home/travis/build/oldcorp/theme
> webpack --mode production

§ERROR in ./src/styles/main.scss
§Module build failed (from ./node_modules/sass-loader/dist/cjs.js):
§Error: Node Sass does not yet support your current environment: Linux 64-bit with Unsupported runtime (108)
§For more information on which environments are supported please see:
§https://github.com/sass/node-sass/releases/tag/v4.14.1
npm ERR! code ELIFECYCLE
npm ERR! errno 2
npm ERR! theme@1.8.0 build: `webpack --mode production`""",
                code=2,
                name="script",
            ),
        ],
    ),
    "Error: Node Sass does not yet support your current environment: Linux 64-bit with Unsupported runtime (108)",
)

case(
    "ruby-yanked-gem-travis",
    "dependency.missing",
    "high",
    travis(
        "oldcorp/mailroom",
        "ruby",
        [
            Step(
                "bundle install --jobs=3 --retry=3 --deployment",
                """Fetching gem metadata from https://rubygems.org/.........
§Your bundle is locked to mimemagic (0.3.5) from rubygems repository https://rubygems.org/ or installed locally, but that version can no longer be found in that source. That means the author of mimemagic (0.3.5) has removed it. You'll need to update your bundle to a version other than mimemagic (0.3.5) that hasn't been removed in order to install.""",
                code=7,
                name="install",
            ),
        ],
        cache="/home/travis/build/oldcorp/mailroom/vendor/bundle",
    ),
    "Your bundle is locked to mimemagic (0.3.5) ... but that version can no longer be found in that source.",
)

case(
    "go-sum-checksum-mismatch-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/edge-proxy",
        "build",
        [
            setup_go("1.22"),
            Step(
                "go build ./...",
                """go: downloading github.com/acme/ratelimit v1.2.3
§verifying github.com/acme/ratelimit@v1.2.3: checksum mismatch
§	downloaded: h1:q1Zp0wYq8c4J1M3dUc2x8mYb8iE8oV0XQqQzqS6bF3k=
§	go.sum:     h1:AAAAwYq8c4J1M3dUc2x8mYb8iE8oV0XQqQzqS6bF3k=
§
§SECURITY ERROR
§This download does NOT match an earlier download recorded in go.sum.
§The bits may have been replaced on the origin server, or an attacker may
§have intercepted the download attempt.""",
                code=1,
            ),
        ],
    ),
    "verifying github.com/acme/ratelimit@v1.2.3: checksum mismatch",
)

case(
    "elixir-deps-make-not-found-gitlab",
    "command.not.found",
    "high",
    gitlab(
        "acme/auth-ex",
        "elixir:1.16-alpine",
        [
            Step("mix deps.get", "Resolving Hex dependencies...\nAll dependencies are up to date"),
            Step(
                "mix compile",
                """==> comeonin
Compiling 4 files (.ex)
Generated comeonin app
==> bcrypt_elixir
§sh: make: not found
§** (Mix) Could not compile dependency :bcrypt_elixir, "mix compile" failed. Errors may have been logged above. You can recompile this dependency with "mix deps.compile bcrypt_elixir --force", update it with "mix deps.update bcrypt_elixir" or clean it with "mix deps.clean bcrypt_elixir\"""",
                code=1,
            ),
        ],
    ),
    "sh: make: not found",
    "the alpine image has no build tools for a native dependency",
)

# ================================================================ eighth check
# Platforms and machines: a PowerShell path, an OOM-killed step, a full disk, Xcode's tools, an agent
# pool, a Windows wheel build, conda's HTTP error, a missing Gradle wrapper jar, a Kubernetes API
# version, generated files out of date; labelled before triage ran on them.

case(
    "azure-powershell-path-missing",
    "file.not.found",
    "high",
    azure(
        "acme/desktop",
        "Package",
        [
            Step(
                "pwsh -File build/package.ps1",
                r"""Packaging Acme Desktop
§Get-Content: D:\a\1\s\build\package.ps1:4
§Line |
§   4 |  $version = Get-Content build/version.txt
§     |             ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
§     | Cannot find path 'D:\a\1\s\build\version.txt' because it does not exist.""",
                code=1,
                name="Package",
                error="##[error]PowerShell exited with code '1'.",
            ),
        ],
    ),
    "Cannot find path 'D:\\a\\1\\s\\build\\version.txt' because it does not exist.",
)

case(
    "circleci-exit-137-plain",
    "resource.exhausted",
    "high",
    plain(
        """$ #!/bin/bash -eo pipefail
yarn jest --ci --maxWorkers=4
yarn run v1.22.19
$ jest --ci --maxWorkers=4
PASS src/utils/format.test.ts (5.12 s)
PASS src/api/client.test.ts (7.40 s)
§Received "killed" signal
Exited with code exit status 137""",
        name="web",
    ),
    'Received "killed" signal',
)

case(
    "gha-no-space-left",
    "resource.exhausted",
    "high",
    gha(
        "acme/ml-models",
        "build-image",
        [
            Step(
                "docker build -t acme/trainer:ci .",
                """#9 [4/6] RUN pip install -r requirements.txt
#9 41.21 Collecting torch==2.3.0
#9 41.22   Downloading torch-2.3.0-cp311-cp311-manylinux1_x86_64.whl (779.1 MB)
§#9 88.01 ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device
#9 ERROR: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 1
ERROR: failed to solve: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 1""",
                code=1,
            ),
        ],
    ),
    "ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device",
)

case(
    "xcode-simctl-missing-gha",
    "command.not.found",
    "high",
    gha(
        "acme/FeedApp",
        "ui-tests",
        [
            Step(
                "xcrun simctl boot 'iPhone 15'",
                """§xcrun: error: unable to find utility "simctl", not a developer tool or in PATH""",
                code=72,
            ),
        ],
    ),
    'xcrun: error: unable to find utility "simctl", not a developer tool or in PATH',
    "the selected developer directory is the Command Line Tools, not Xcode",
)

case(
    "azure-no-agent-demands",
    "infrastructure",
    "high",
    azure(
        "acme/legacy-erp",
        "Build",
        [
            Step(
                "mvn -B package",
                "",
                code=1,
                name="Build",
                error="§##[error]No agent found in pool Default which satisfies the specified demands: maven, Agent.Version -gtVersion 2.163.1",
            ),
        ],
    ),
    "No agent found in pool Default which satisfies the specified demands: maven",
)

case(
    "py-msvc-required-windows-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/geo-py",
        "test (windows-latest, 3.13)",
        [
            setup_python("3.12"),
            Step(
                "pip install -r requirements.txt",
                """Collecting pyproj==3.4.1
  Downloading pyproj-3.4.1.tar.gz (218 kB)
  Installing build dependencies: started
  Installing build dependencies: finished with status 'done'
Building wheels for collected packages: pyproj
  Building wheel for pyproj (pyproject.toml): started
  Building wheel for pyproj (pyproject.toml): finished with status 'error'
  error: subprocess-exited-with-error
§  × Building wheel for pyproj (pyproject.toml) did not run successfully.
§  │ exit code: 1
§  ╰─> [5 lines of output]
§      running build_ext
§      building 'pyproj._crs' extension
§      error: Microsoft Visual C++ 14.0 or greater is required. Get it with "Microsoft C++ Build Tools": https://visualstudio.microsoft.com/visual-cpp-build-tools/
      [end of output]
  note: This error originates from a subprocess, and is likely not a problem with pip.
  ERROR: Failed building wheel for pyproj
ERROR: Could not build wheels for pyproj, which is required to install pyproject.toml-based projects""",
                code=1,
            ),
        ],
    ),
    "error: Microsoft Visual C++ 14.0 or greater is required.",
    "no wheel of this old pyproj for the runner's Python: pip builds it from source (alt runtime.version)",
)

case(
    "conda-http-000-gitlab",
    "network",
    "high",
    gitlab(
        "acme/climate",
        "condaforge/miniforge3:24.3.0-0",
        [
            Step(
                "mamba env create -f environment.yml",
                """Channels:
 - conda-forge
Platform: linux-64
Collecting package metadata (repodata.json): failed

§CondaHTTPError: HTTP 000 CONNECTION FAILED for url <https://conda.anaconda.org/conda-forge/linux-64/repodata.json>
§Elapsed: -
§
§An HTTP error occurred when trying to retrieve this URL.
§HTTP errors are often intermittent, and a simple retry will get you on your way.""",
                code=1,
            ),
        ],
    ),
    "CondaHTTPError: HTTP 000 CONNECTION FAILED for url <https://conda.anaconda.org/conda-forge/linux-64/repodata.json>",
)

case(
    "gradle-wrapper-jar-missing-jenkins",
    "file.not.found",
    "medium",
    jenkins(
        "acme/inventory",
        "inventory_main",
        [
            Step(
                "./gradlew build",
                """§Error: Could not find or load main class org.gradle.wrapper.GradleWrapperMain
§Caused by: java.lang.ClassNotFoundException: org.gradle.wrapper.GradleWrapperMain""",
                code=1,
                name="Build",
            ),
        ],
    ),
    "Error: Could not find or load main class org.gradle.wrapper.GradleWrapperMain",
    "gradle/wrapper/gradle-wrapper.jar is not committed (alt dependency.missing)",
)

case(
    "kubectl-api-version-removed-gha",
    "config.error",
    "high",
    gha(
        "acme/platform-manifests",
        "deploy-staging",
        [
            Step(
                "kubectl apply -f k8s/",
                """deployment.apps/web configured
service/web unchanged
§error: resource mapping not found for name: "web" namespace: "" from "k8s/ingress.yaml": no matches for kind "Ingress" in version "extensions/v1beta1"
§ensure CRDs are installed first""",
                code=1,
            ),
        ],
    ),
    'no matches for kind "Ingress" in version "extensions/v1beta1"',
    "a manifest uses an API version the cluster no longer serves",
)

case(
    "generated-files-stale-gha",
    "lint.error",
    "high",
    gha(
        "acme/api-server",
        "codegen-check",
        [
            setup_go("1.22"),
            Step("go generate ./...", "generating api/openapi.gen.go"),
            Step(
                "git diff --exit-code",
                """§diff --git a/api/openapi.gen.go b/api/openapi.gen.go
§index 1a2b3c4..5d6e7f8 100644
§--- a/api/openapi.gen.go
§+++ b/api/openapi.gen.go
§@@ -41,6 +41,7 @@ type Order struct {
§ 	ID     string `json:"id"`
§ 	Total  int64  `json:"total"`
§+	Status string `json:"status"`
§ }""",
                code=1,
            ),
        ],
    ),
    "diff --git a/api/openapi.gen.go b/api/openapi.gen.go",
    "generated code not regenerated and committed",
)

# ================================================================ ninth check
# Test runners' and checkers' formats that look like something else (a race report, a sanitizer,
# snapshot and end-to-end failures, XCTest's "error:", Espresso, clang-tidy and cppcheck in the
# compiler's format) and a missing class at run time; labelled before triage ran on them.

case(
    "go-race-detected-gha",
    "test.failure",
    "high",
    gha(
        "acme/cachekit",
        "test (race)",
        [
            setup_go("1.22"),
            Step(
                "go test -race ./...",
                """§==================
§WARNING: DATA RACE
§Write at 0x00c0001a0018 by goroutine 8:
§  github.com/acme/cachekit.(*Cache).Set()
§      /home/runner/work/cachekit/cachekit/cache.go:41 +0x64
§
§Previous read at 0x00c0001a0018 by goroutine 7:
§  github.com/acme/cachekit.(*Cache).Get()
§      /home/runner/work/cachekit/cachekit/cache.go:30 +0x4c
§==================
§--- FAIL: TestConcurrentSetGet (0.01s)
§    testing.go:1398: race detected during execution of test
FAIL
FAIL	github.com/acme/cachekit	0.034s
FAIL""",
                code=1,
            ),
        ],
    ),
    "WARNING: DATA RACE ... --- FAIL: TestConcurrentSetGet",
)

case(
    "c-asan-use-after-free-gha",
    "crash",
    "high",
    gha(
        "acme/libtoml",
        "asan",
        [
            Step(
                "ctest --test-dir build --output-on-failure",
                """Test project /home/runner/work/libtoml/libtoml/build
    Start 1: parser
1/3 Test #1: parser ...........................***Failed    0.12 sec
§=================================================================
§==4121==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010 at pc 0x55d1c2a4b1e3 bp 0x7ffd6c1b2f40 sp 0x7ffd6c1b2f38
§READ of size 1 at 0x602000000010 thread T0
§    #0 0x55d1c2a4b1e2 in toml_free_table /home/runner/work/libtoml/libtoml/src/table.c:88
§    #1 0x55d1c2a4a0f1 in test_inline /home/runner/work/libtoml/libtoml/tests/test_parser.c:41
SUMMARY: AddressSanitizer: heap-use-after-free /home/runner/work/libtoml/libtoml/src/table.c:88 in toml_free_table

67% tests passed, 1 tests failed out of 3

The following tests FAILED:
      1 - parser (Failed)
Errors while running CTest""",
                code=8,
            ),
        ],
    ),
    "==4121==ERROR: AddressSanitizer: heap-use-after-free",
)

case(
    "java-noclassdef-at-runtime-jenkins",
    "dependency.missing",
    "high",
    jenkins(
        "acme/report-gen",
        "report-gen_nightly",
        [
            Step(
                "mvn -B -ntp package -DskipTests",
                "[INFO] Building jar: /var/lib/jenkins/workspace/report-gen_nightly/target/report-gen-1.2.0.jar\n[INFO] BUILD SUCCESS",
                name="Build",
            ),
            Step(
                "java -jar target/report-gen-1.2.0.jar --month 2024-04",
                """§Exception in thread "main" java.lang.NoClassDefFoundError: org/slf4j/LoggerFactory
§	at com.acme.report.Main.<clinit>(Main.java:14)
§Caused by: java.lang.ClassNotFoundException: org.slf4j.LoggerFactory
§	at java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(BuiltinClassLoader.java:641)""",
                code=1,
                name="Generate",
            ),
        ],
    ),
    'Exception in thread "main" java.lang.NoClassDefFoundError: org/slf4j/LoggerFactory',
    "the jar was built without its dependencies (no shading)",
)

case(
    "js-jest-snapshot-gha",
    "test.failure",
    "high",
    gha(
        "acme/dashboard",
        "test",
        [
            setup_node("20"),
            Step(
                "npx jest --ci",
                """PASS src/api/client.test.ts
§FAIL src/components/Badge.test.tsx
§  ● Badge › renders the count
§
§    expect(received).toMatchSnapshot()
§
§    Snapshot name: `Badge renders the count 1`
§
§    - Snapshot  - 1
§    + Received  + 1
§
§    - <span class="badge">3</span>
§    + <span class="badge badge--small">3</span>

 › 1 snapshot failed.
Snapshot Summary
 › 1 snapshot failed from 1 test suite. Inspect your code changes or run `npx jest -u` to update them.

Test Suites: 1 failed, 11 passed, 12 total
Tests:       1 failed, 87 passed, 88 total
Snapshots:   1 failed, 14 passed, 15 total""",
                code=1,
            ),
        ],
    ),
    "● Badge › renders the count",
)

case(
    "cypress-element-never-found-gha",
    "test.failure",
    "high",
    gha(
        "acme/storefront",
        "e2e",
        [
            setup_node("20"),
            Step(
                "npx cypress run --browser chrome",
                """  Running:  login.cy.ts                                                                     (1 of 3)

  Login
    1) signs in with email and password


  0 passing (6s)
  1 failing

§  1) Login
§       signs in with email and password:
§     AssertionError: Timed out retrying after 4000ms: Expected to find element: `[data-cy=submit]`, but never found it.
§      at Context.eval (webpack://storefront/./cypress/e2e/login.cy.ts:12:8)""",
                code=1,
            ),
        ],
    ),
    "AssertionError: Timed out retrying after 4000ms: Expected to find element: `[data-cy=submit]`",
    "Cypress's retry-until-timeout is how its assertions fail",
)

case(
    "swift-xctest-assert-gha",
    "test.failure",
    "high",
    gha(
        "acme/csvkit-swift",
        "test (macos-14)",
        [
            Step(
                "swift test",
                """Building for debugging...
Build complete! (12.41s)
Test Suite 'All tests' started at 2024-05-02 14:03:11.120.
Test Case '-[CSVKitTests.ParserTests testPlain]' passed (0.001 seconds).
§Test Case '-[CSVKitTests.ParserTests testQuoted]' started.
§/Users/runner/work/csvkit-swift/csvkit-swift/Tests/CSVKitTests/ParserTests.swift:21: error: -[CSVKitTests.ParserTests testQuoted] : XCTAssertEqual failed: ("ab") is not equal to ("a"b")
§Test Case '-[CSVKitTests.ParserTests testQuoted]' failed (0.002 seconds).
Test Suite 'ParserTests' failed at 2024-05-02 14:03:11.131.
	Executed 14 tests, with 1 failure (0 unexpected) in 0.011 (0.013) seconds""",
                code=1,
            ),
        ],
    ),
    "ParserTests.swift:21: error: -[CSVKitTests.ParserTests testQuoted] : XCTAssertEqual failed",
)

case(
    "android-espresso-gha",
    "test.failure",
    "high",
    gha(
        "acme/notes-android",
        "instrumented (api 33)",
        [
            setup_java("17"),
            Step(
                "./gradlew connectedDebugAndroidTest",
                """> Task :app:connectedDebugAndroidTest
Starting 12 tests on Pixel_6_API_33(AVD) - 13

§com.acme.notes.LoginTest > signIn[Pixel_6_API_33(AVD) - 13] FAILED
§	androidx.test.espresso.NoMatchingViewException: No views in hierarchy found matching: view.getId() is <2131230913/com.acme.notes:id/submit>
Tests on Pixel_6_API_33(AVD) - 13 failed: There was 1 failure(s).

> Task :app:connectedDebugAndroidTest FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':app:connectedDebugAndroidTest'.
> There were failing tests. See the report at: file:///home/runner/work/notes-android/notes-android/app/build/reports/androidTests/connected/debug/index.html""",
                code=1,
            ),
        ],
    ),
    "com.acme.notes.LoginTest > signIn[Pixel_6_API_33(AVD) - 13] FAILED",
)

case(
    "cpp-clang-tidy-werror-gha",
    "lint.error",
    "high",
    gha(
        "acme/engine",
        "clang-tidy",
        [
            Step(
                "cmake -S . -B build -DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
                "-- Configuring done (1.1s)\n-- Generating done (0.0s)\n-- Build files have been written to: /home/runner/work/engine/engine/build",
            ),
            Step(
                "run-clang-tidy -p build -warnings-as-errors='*' src/",
                """clang-tidy-17 -p=build -warnings-as-errors=* /home/runner/work/engine/engine/src/core/cache.cc
§/home/runner/work/engine/engine/src/core/cache.cc:41:16: error: use nullptr [modernize-use-nullptr,-warnings-as-errors]
§   41 |     Node* n = NULL;
§      |               ^~~~
§      |               nullptr
1 warning treated as error""",
                code=1,
            ),
        ],
    ),
    "cache.cc:41:16: error: use nullptr [modernize-use-nullptr,-warnings-as-errors]",
)

case(
    "c-cppcheck-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/fw-core",
        "ubuntu:24.04",
        [
            Step("apt-get update -qq && apt-get install -y -qq cppcheck", "Setting up cppcheck (2.13.0-2ubuntu3) ..."),
            Step(
                "cppcheck --enable=warning --error-exitcode=1 --inline-suppr src/",
                """Checking src/ring.c ...
§src/ring.c:58:12: error: Null pointer dereference: buf [nullPointer]
§    return buf->data[i];
§           ^
1/4 files checked 25% done
Checking src/uart.c ...
4/4 files checked 100% done""",
                code=1,
            ),
        ],
    ),
    "src/ring.c:58:12: error: Null pointer dereference: buf [nullPointer]",
)

case(
    "kotlin-junit5-gradle-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/ledger-kt",
        "gradle:8.7-jdk17",
        [
            Step(
                "gradle test --no-daemon",
                """> Task :compileKotlin
> Task :compileTestKotlin
> Task :test

§ParserTest > parses quoted fields() FAILED
§    org.opentest4j.AssertionFailedError: expected: <a"b> but was: <ab>
§        at app//org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
§        at app//com.acme.ledger.ParserTest.parses quoted fields(ParserTest.kt:21)

12 tests completed, 1 failed

> Task :test FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':test'.
> There were failing tests. See the report at: file:///builds/acme/ledger-kt/build/reports/tests/test/index.html""",
                code=1,
            ),
        ],
    ),
    "ParserTest > parses quoted fields() FAILED",
)

# ================================================================ tenth check
# A last mixed batch, measured once after every fix above and not fixed after: the project's own
# package not installed, a rake task, an Ansible collection, shfmt, Playwright, a Rust doc-test,
# npm E401, a Python 2.7 job, pyright, a Homebrew formula; labelled before triage ran on them.

case(
    "py-own-package-not-installed-gha",
    "dependency.missing",
    "high",
    gha(
        "acme/ledger",
        "test (3.12)",
        [
            setup_python("3.12"),
            Step("pip install -r requirements-dev.txt", "Successfully installed pytest-8.2.0 pytest-cov-5.0.0"),
            Step(
                "pytest -q",
                """==================================== ERRORS ====================================
_____________________ ERROR collecting tests/test_api.py ______________________
ImportError while importing test module '/home/runner/work/ledger/ledger/tests/test_api.py'.
Traceback:
tests/test_api.py:3: in <module>
    from ledger.api import app
§E   ModuleNotFoundError: No module named 'ledger'
=========================== short test summary info ============================
ERROR tests/test_api.py
!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!
1 error in 0.21s""",
                code=2,
            ),
        ],
    ),
    "E   ModuleNotFoundError: No module named 'ledger'",
    "the project itself was never installed (pip install -e .)",
)

case(
    "ruby-rake-unknown-task-travis",
    "config.error",
    "high",
    travis(
        "oldcorp/slugger",
        "ruby",
        [
            Step(
                "bundle exec rake spec",
                """§rake aborted!
§Don't know how to build task 'spec' (See the list of available tasks with `rake --tasks`)
§Did you mean?  test
(See full trace by running task with --trace)""",
                code=1,
                name="script",
            ),
        ],
    ),
    "Don't know how to build task 'spec'",
)

case(
    "ansible-collection-missing-gitlab",
    "dependency.missing",
    "high",
    gitlab(
        "acme/infra-ansible",
        "python:3.12",
        [
            Step("pip install ansible-core==2.16.6", "Successfully installed ansible-core-2.16.6 resolvelib-1.0.1"),
            Step(
                "ansible-playbook --syntax-check -i inventory/staging site.yml",
                """§ERROR! couldn't resolve module/action 'community.docker.docker_container'. This often indicates a misspelling, missing collection, or incorrect module path.
§
§The error appears to be in '/builds/acme/infra-ansible/roles/app/tasks/main.yml': line 12, column 3, but may
§be elsewhere in the file depending on the exact syntax problem.""",
                code=4,
            ),
        ],
    ),
    "ERROR! couldn't resolve module/action 'community.docker.docker_container'.",
    "the collection is not installed (ansible-galaxy collection install)",
)

case(
    "sh-shfmt-diff-gha",
    "lint.error",
    "high",
    gha(
        "acme/dotfiles",
        "lint",
        [
            Step(
                "shfmt -d -i 2 scripts/",
                """§--- scripts/deploy.sh.orig
§+++ scripts/deploy.sh
§@@ -3,5 +3,5 @@
§ set -eu
§-if [ -z "$TARGET" ];then
§+if [ -z "$TARGET" ]; then
§   echo "TARGET is not set" >&2
§   exit 1""",
                code=1,
            ),
        ],
    ),
    "--- scripts/deploy.sh.orig",
    "the diff's own 'exit 1' and 'not set' are content, not events",
)

case(
    "playwright-url-mismatch-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/portal",
        "portal_PR-58",
        [
            Step(
                "npx playwright test --reporter=list",
                """Running 24 tests using 4 workers

  ✓  1 [chromium] › home.spec.ts:5:5 › shows the hero (1.2s)
  ✘  2 [chromium] › login.spec.ts:12:5 › signs in (5.4s)

§  1) [chromium] › login.spec.ts:12:5 › signs in ──────────────────────────────────────────────────
§
§    Error: expect(page).toHaveURL(expected) failed
§
§    Expected string: "https://portal.local/dashboard"
§    Received string: "https://portal.local/login?error=1"
§
§      14 |   await page.getByRole('button', { name: 'Sign in' }).click();
§    > 15 |   await expect(page).toHaveURL('https://portal.local/dashboard');
§         |                      ^

  1 failed
    [chromium] › login.spec.ts:12:5 › signs in ───────────────────────────────────────────────────
  23 passed (18.2s)""",
                code=1,
                name="E2E",
            ),
        ],
    ),
    "1) [chromium] › login.spec.ts:12:5 › signs in",
)

case(
    "rust-doctest-compile-failure-gha",
    "test.failure",
    "high",
    gha(
        "acme/csvkit-rs",
        "doctest",
        [
            setup_rust(),
            Step(
                "cargo test --doc",
                """   Compiling csvkit v0.5.0 (/home/runner/work/csvkit-rs/csvkit-rs)
    Finished `test` profile [unoptimized + debuginfo] target(s) in 3.10s
   Doc-tests csvkit

running 4 tests
test src/lib.rs - (line 1) ... ok
test src/lib.rs - parse (line 12) ... FAILED

failures:

§---- src/lib.rs - parse (line 12) stdout ----
§error[E0425]: cannot find value `row` in this scope
§ --> src/lib.rs:14:5
§  |
§5 | assert_eq!(row.len(), 2);
§  |            ^^^ not found in this scope
§
§error: aborting due to 1 previous error
§
§Couldn't compile the test.

failures:
    src/lib.rs - parse (line 12)

test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.41s

error: doctest failed, to rerun pass `--doc`""",
                code=101,
            ),
        ],
    ),
    "---- src/lib.rs - parse (line 12) stdout ----",
    "a doc example that does not compile fails as a test",
)

case(
    "npm-e401-azure",
    "credentials",
    "high",
    azure(
        "acme/web-portal",
        "Build",
        [
            Step(
                "npm ci",
                """§npm ERR! code E401
§npm ERR! Unable to authenticate, your authentication token seems to be invalid.
§npm ERR! To correct this please try logging in again with:
§npm ERR!     npm login

npm ERR! A complete log of this run can be found in: C:\\npm\\cache\\_logs\\2024-05-02T14_03_11_120Z-debug-0.log""",
                code=1,
                name="npm ci",
            ),
        ],
    ),
    "npm ERR! Unable to authenticate, your authentication token seems to be invalid.",
)

case(
    "py27-requires-python-travis",
    "runtime.version",
    "high",
    travis(
        "oldcorp/markup",
        "python",
        [
            Step(
                "pip install .",
                """Processing /home/travis/build/oldcorp/markup
§ERROR: Package 'markup' requires a different Python: 2.7.18 not in '>=3.8'""",
                code=1,
                name="install",
            ),
        ],
    ),
    "ERROR: Package 'markup' requires a different Python: 2.7.18 not in '>=3.8'",
)

case(
    "py-pyright-gha",
    "lint.error",
    "high",
    gha(
        "acme/sdk-py",
        "typecheck",
        [
            setup_python("3.12"),
            Step("pip install -e .[dev]", "Successfully installed pyright-1.1.361 sdk-0.9.0"),
            Step(
                "pyright",
                """0 errors, 0 warnings, 0 informations in src/sdk/models.py
/home/runner/work/sdk-py/sdk-py/src/sdk/client.py
§  /home/runner/work/sdk-py/sdk-py/src/sdk/client.py:48:21 - error: Cannot access attribute "retries" for class "Session"
§    Attribute "retries" is unknown (reportAttributeAccessIssue)
1 error, 0 warnings, 0 informations""",
                code=1,
            ),
        ],
    ),
    'client.py:48:21 - error: Cannot access attribute "retries" for class "Session"',
)

case(
    "brew-formula-missing-gha",
    "dependency.missing",
    "high",
    gha(
        "acme/FeedApp",
        "build (macos-14)",
        [
            Step(
                "brew bundle --file=Brewfile",
                """Using swiftlint
Using xcbeautify
§Error: No available formula with the name "imagemagick@6". Did you mean imagemagick?
Installing imagemagick@6 has failed!
Homebrew Bundle failed! 1 Brewfile dependency failed to install.""",
                code=1,
            ),
        ],
    ),
    'Error: No available formula with the name "imagemagick@6".',
)
