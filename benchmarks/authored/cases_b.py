"""Authored cases: Rust, JVM, Ruby, PHP, .NET, C/C++."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import (
    CRATES,
    bundle_install,
    cargo_fetch,
    cmake_configure,
    composer_install,
    dotnet_restore,
    gradle_head,
    maven_downloads,
    maven_head,
    setup_java,
    setup_rust,
)
from benchmarks.authored.shapes import Step, gha, gitlab, jenkins, plain, travis

# ---------------------------------------------------------------- Rust

case(
    "rust-cargo-test-gha",
    "test.failure",
    "high",
    gha(
        "acme/tomlish",
        "test",
        [
            setup_rust(),
            Step(
                "cargo test --all-features",
                cargo_fetch(CRATES)
                + """
   Compiling tomlish v0.4.2 (/home/runner/work/tomlish/tomlish)
    Finished `test` profile [unoptimized + debuginfo] target(s) in 14.12s
     Running unittests src/lib.rs (target/debug/deps/tomlish-4f1e2d3c4b5a6978)

running 42 tests
test lexer::tests::lexes_bare_keys ... ok
test lexer::tests::lexes_strings ... ok
test lexer::tests::lexes_dates ... ok
test parser::tests::parses_arrays ... ok
test parser::tests::parses_empty ... FAILED
test parser::tests::parses_inline_tables ... ok
test value::tests::display_roundtrip ... ok

failures:

§---- parser::tests::parses_empty stdout ----
§thread 'parser::tests::parses_empty' panicked at src/parser.rs:212:9:
§assertion `left == right` failed
§  left: 0
§ right: 1
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace


failures:
    parser::tests::parses_empty

test result: FAILED. 41 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.02s

error: test failed, to rerun pass `--lib`""",
                code=101,
            ),
        ],
        actions=("dtolnay/rust-toolchain@stable",),
    ),
    "thread 'parser::tests::parses_empty' panicked at src/parser.rs:212:9:",
)

case(
    "rust-clippy-gha",
    "lint.error",
    "high",
    gha(
        "acme/tomlish",
        "clippy",
        [
            setup_rust(),
            Step(
                "cargo clippy --all-targets -- -D warnings",
                cargo_fetch(CRATES[:6]).replace("   Compiling", "    Checking")
                + """
    Checking tomlish v0.4.2 (/home/runner/work/tomlish/tomlish)
§error: this `if` has identical blocks
§  --> src/value.rs:88:26
§   |
§88 |           if self.pretty {
§   |  __________________________^
§89 | |             write!(f, "{}", s)?;
§90 | |         } else {
§   | |_________^
§   |
§   = help: for further information visit https://rust-lang.github.io/rust-clippy/master/index.html#if_same_then_else
§   = note: `-D clippy::if-same-then-else` implied by `-D warnings`
§   = help: to override `-D warnings` add `#[allow(clippy::if_same_then_else)]`
§
§error: could not compile `tomlish` (lib) due to 1 previous error""",
                code=101,
            ),
        ],
    ),
    "error: this `if` has identical blocks",
)

case(
    "rust-fmt-check-gha",
    "lint.error",
    "high",
    gha(
        "acme/tomlish",
        "fmt",
        [
            setup_rust(),
            Step(
                "cargo fmt --all -- --check",
                """§Diff in /home/runner/work/tomlish/tomlish/src/lexer.rs at line 14:
§ use crate::error::Error;
§
§-pub fn lex( input:&str ) -> Result<Vec<Token>, Error> {
§+pub fn lex(input: &str) -> Result<Vec<Token>, Error> {
§     let mut out = Vec::new();""",
                code=1,
            ),
        ],
    ),
    "Diff in /home/runner/work/tomlish/tomlish/src/lexer.rs at line 14:",
)

case(
    "rust-compile-e0308-travis",
    "compile.error",
    "high",
    travis(
        "oldcorp/pkgfetch",
        "rust",
        [
            Step("rustc --version", "rustc 1.60.0 (7737e0b5c 2022-04-04)"),
            Step(
                "cargo build --verbose",
                cargo_fetch(CRATES)
                + """
   Compiling pkgfetch v0.2.0 (/home/travis/build/oldcorp/pkgfetch)
     Running `rustc --crate-name pkgfetch --edition=2021 src/main.rs --error-format=json --crate-type bin -C debuginfo=2`
§error[E0308]: mismatched types
§  --> src/config.rs:31:20
§   |
§31 |     let retries: u8 = env::var("RETRIES").unwrap_or(3);
§   |                  --   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ expected `u8`, found `Result<String, VarError>`
§   |                  |
§   |                  expected due to this
§
§For more information about this error, try `rustc --explain E0308`.
§error: could not compile `pkgfetch` due to previous error""",
                code=101,
            ),
        ],
        cache="/home/travis/.cargo",
    ),
    "error[E0308]: mismatched types",
)

case(
    "rust-oom-sigkill-gha",
    "resource.exhausted",
    "high",
    gha(
        "acme/bigcrate",
        "release-build",
        [
            setup_rust(),
            Step(
                "cargo build --release",
                cargo_fetch(CRATES)
                + """
   Compiling bigcrate-codegen v0.9.0 (/home/runner/work/bigcrate/bigcrate/codegen)
   Compiling bigcrate v0.9.0 (/home/runner/work/bigcrate/bigcrate)
§error: could not compile `bigcrate` (lib)
§
§Caused by:
§  process didn't exit successfully: `/home/runner/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/bin/rustc --crate-name bigcrate --edition=2021 src/lib.rs -C opt-level=3 -C lto=fat` (signal: 9, SIGKILL: kill)""",
                code=101,
            ),
        ],
    ),
    "(signal: 9, SIGKILL: kill)",
    "rustc killed by the kernel's OOM killer during a fat-LTO build",
)

# ---------------------------------------------------------------- JVM

case(
    "java-surefire-gha",
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
                + "\n"
                + maven_downloads()
                + """
[INFO]
[INFO] --- surefire:3.2.5:test (default-test) @ orders ---
[INFO] Using auto detected provider org.apache.maven.surefire.junitplatform.JUnitPlatformProvider
[INFO]
[INFO] -------------------------------------------------------
[INFO]  T E S T S
[INFO] -------------------------------------------------------
[INFO] Running com.acme.orders.CustomerServiceTest
[INFO] Tests run: 8, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.311 s -- in com.acme.orders.CustomerServiceTest
[INFO] Running com.acme.orders.OrderServiceTest
§[ERROR] Tests run: 12, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.420 s <<< FAILURE! -- in com.acme.orders.OrderServiceTest
§[ERROR] com.acme.orders.OrderServiceTest.totalIncludesShipping -- Time elapsed: 0.012 s <<< FAILURE!
§org.opentest4j.AssertionFailedError: expected: <42.50> but was: <37.50>
§	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
§	at org.junit.jupiter.api.AssertionFailureBuilder.buildAndThrow(AssertionFailureBuilder.java:132)
§	at org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)
§	at org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:1141)
§	at com.acme.orders.OrderServiceTest.totalIncludesShipping(OrderServiceTest.java:37)
§	at java.base/java.lang.reflect.Method.invoke(Method.java:568)
[INFO] Running com.acme.orders.PricingTest
[INFO] Tests run: 21, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.088 s -- in com.acme.orders.PricingTest
[INFO]
[INFO] Results:
[INFO]
[ERROR] Failures:
[ERROR]   OrderServiceTest.totalIncludesShipping:37 expected: <42.50> but was: <37.50>
[INFO]
[ERROR] Tests run: 41, Failures: 1, Errors: 0, Skipped: 0
[INFO]
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  21.412 s
[INFO] Finished at: 2024-05-02T14:06:44Z
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project orders: There are test failures.
[ERROR]
[ERROR] Please refer to /home/runner/work/orders/orders/target/surefire-reports for the individual test results.
[ERROR] -> [Help 1]""",
                code=1,
            ),
        ],
        actions=("actions/setup-java@v4",),
    ),
    "org.opentest4j.AssertionFailedError: expected: <42.50> but was: <37.50>",
)

case(
    "kotlin-gradle-compile-gha",
    "compile.error",
    "high",
    gha(
        "acme/android-app",
        "assemble",
        [
            setup_java(),
            Step(
                "./gradlew assembleDebug --no-daemon",
                gradle_head()
                + """
> Task :app:compileDebugKotlin FAILED
§e: file:///home/runner/work/android-app/android-app/app/src/main/kotlin/com/acme/app/net/Api.kt:23:17 Unresolved reference: HttpClientX
§e: file:///home/runner/work/android-app/android-app/app/src/main/kotlin/com/acme/app/net/Api.kt:41:9 Unresolved reference: install

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':app:compileDebugKotlin'.
> A failure occurred while executing org.jetbrains.kotlin.compilerRunner.GradleCompilerRunnerWithWorkers$GradleKotlinCompilerWorkAction
   > Compilation error. See log for more details

* Try:
> Run with --stacktrace option to get the stack trace.
> Run with --info or --debug option to get more log output.
> Run with --scan to get full insights.
> Get more help at https://help.gradle.org.

BUILD FAILED in 1m 12s
24 actionable tasks: 24 executed""",
                code=1,
            ),
        ],
    ),
    "e: file:///.../Api.kt:23:17 Unresolved reference: HttpClientX",
)

case(
    "java-checkstyle-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/util",
        "util_PR-88",
        [
            Step(
                "mvn -B -ntp checkstyle:check",
                maven_head("util").split("[INFO] --- resources")[0]
                + """[INFO] --- checkstyle:3.3.1:check (default-cli) @ util ---
[INFO] Starting audit...
§[ERROR] src/main/java/com/acme/util/Strings.java:[14,8] (imports) UnusedImports: Unused import - java.util.List.
§[ERROR] src/main/java/com/acme/util/Strings.java:[52,5] (coding) MissingSwitchDefault: switch without "default" clause.
Audit done.
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  3.118 s
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-checkstyle-plugin:3.3.1:check (default-cli) on project util: You have 2 Checkstyle violations. -> [Help 1]
[ERROR]
[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.""",
                code=1,
                name="Checkstyle",
            ),
            Step("mvn -B test", name="Test"),
        ],
    ),
    "[ERROR] src/main/java/com/acme/util/Strings.java:[14,8] (imports) UnusedImports",
)

case(
    "java-javac-symbol-travis",
    "compile.error",
    "high",
    travis(
        "oldcorp/feedreader",
        "java",
        [
            Step(
                "jdk_switcher use openjdk11",
                "Switching to OpenJDK11 (java-1.11.0-openjdk-amd64), JAVA_HOME will be set to /usr/lib/jvm/java-11-openjdk-amd64",
            ),
            Step(
                "mvn install -DskipTests=true -Dmaven.javadoc.skip=true -B -V",
                maven_head("feedreader", "2.0.1")
                + """
§[ERROR] COMPILATION ERROR :
§[INFO] -------------------------------------------------------------
§[ERROR] /home/travis/build/oldcorp/feedreader/src/main/java/org/feedreader/Fetcher.java:[12,33] cannot find symbol
§  symbol:   class Optionals
§  location: package com.google.common.base
§[ERROR] /home/travis/build/oldcorp/feedreader/src/main/java/org/feedreader/Fetcher.java:[58,16] cannot find symbol
§  symbol:   variable Optionals
§  location: class org.feedreader.Fetcher
[INFO] 2 errors
[INFO] -------------------------------------------------------------
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project feedreader: Compilation failure: Compilation failure:
[ERROR] /home/travis/build/oldcorp/feedreader/src/main/java/org/feedreader/Fetcher.java:[12,33] cannot find symbol
[ERROR]   symbol:   class Optionals""",
                code=1,
                name="install",
            ),
        ],
        cache="/home/travis/.m2",
    ),
    "Fetcher.java:[12,33] cannot find symbol",
)

case(
    "gradle-dependency-missing-gha",
    "dependency.missing",
    "high",
    gha(
        "acme/android-app",
        "unit-tests",
        [
            setup_java(),
            Step(
                "./gradlew testDebugUnitTest",
                gradle_head()
                + """
> Task :app:dataBindingMergeDependencyArtifactsDebug FAILED

FAILURE: Build failed with an exception.

§* What went wrong:
§Execution failed for task ':app:dataBindingMergeDependencyArtifactsDebug'.
§> Could not resolve all files for configuration ':app:debugCompileClasspath'.
§   > Could not find com.acme.design:tokens:3.2.0.
§     Searched in the following locations:
§       - https://dl.google.com/dl/android/maven2/com/acme/design/tokens/3.2.0/tokens-3.2.0.pom
§       - https://repo.maven.apache.org/maven2/com/acme/design/tokens/3.2.0/tokens-3.2.0.pom
§     Required by:
§         project :app

* Try:
> Run with --stacktrace option to get the stack trace.
> Run with --info or --debug option to get more log output.

BUILD FAILED in 41s""",
                code=1,
            ),
        ],
    ),
    "> Could not find com.acme.design:tokens:3.2.0.",
)

# ---------------------------------------------------------------- Ruby

case(
    "ruby-rspec-travis",
    "test.failure",
    "high",
    travis(
        "oldcorp/accounts",
        "ruby",
        [
            Step("rvm use 3.0.6 --install --binary --fuzzy", "Using /home/travis/.rvm/gems/ruby-3.0.6"),
            Step("bundle install --jobs=3 --retry=3 --deployment", bundle_install(), name="install.bundler"),
            Step(
                "bundle exec rspec",
                """Randomized with seed 40417
..........................................F.............................
..............................................

§Failures:
§
§  1) User#full_name joins first and last name
§     Failure/Error: expect(user.full_name).to eq("Ada Lovelace")
§
§       expected: "Ada Lovelace"
§            got: "Ada  Lovelace"
§
§       (compared using ==)
§     # ./spec/models/user_spec.rb:14:in `block (3 levels) in <top (required)>'

Finished in 2.31 seconds (files took 1.12 seconds to load)
118 examples, 1 failure

Failed examples:

rspec ./spec/models/user_spec.rb:12 # User#full_name joins first and last name

Randomized with seed 40417""",
                code=1,
            ),
        ],
        cache="/home/travis/build/oldcorp/accounts/vendor/bundle",
    ),
    'Failure/Error: expect(user.full_name).to eq("Ada Lovelace")',
)

case(
    "ruby-rubocop-gha",
    "lint.error",
    "high",
    gha(
        "acme/storeapp",
        "rubocop",
        [
            Step(
                "",
                uses="ruby/setup-ruby@v1",
                with_={"ruby-version": "3.3", "bundler-cache": "true"},
                out="Using Ruby 3.3.1\n[command]/opt/hostedtoolcache/Ruby/3.3.1/x64/bin/bundle install --jobs 4\n"
                + bundle_install(),
            ),
            Step(
                "bundle exec rubocop --parallel",
                """Inspecting 84 files
.....C..........................W...........................C.......................

§Offenses:
§
§app/models/order.rb:12:5: C: [Correctable] Style/GuardClause: Use a guard clause (return unless paid?) instead of wrapping the code inside a conditional expression.
§    if paid?
§    ^^
§app/services/refund.rb:31:7: W: Lint/UselessAssignment: Useless assignment to variable - amount.
§      amount = order.total
§      ^^^^^^
§lib/tasks/cleanup.rake:4:81: C: Layout/LineLength: Line is too long. [96/80]
§
§84 files inspected, 3 offenses detected, 1 offense autocorrectable""",
                code=1,
            ),
        ],
    ),
    "app/models/order.rb:12:5: C: [Correctable] Style/GuardClause",
)

case(
    "ruby-bundler-resolution-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/storeapp",
        "test",
        [
            Step(
                "",
                uses="ruby/setup-ruby@v1",
                with_={"ruby-version": "3.3", "bundler-cache": "true"},
                out="""Using Ruby 3.3.1
[command]/opt/hostedtoolcache/Ruby/3.3.1/x64/bin/bundle config --local path /home/runner/work/storeapp/storeapp/vendor/bundle
[command]/opt/hostedtoolcache/Ruby/3.3.1/x64/bin/bundle lock
Fetching gem metadata from https://rubygems.org/...........
Resolving dependencies...
§Could not find compatible versions
§
§Because every version of rails depends on activesupport = 7.1.3
§  and every version of paper_trail >= 15.0 depends on activesupport < 7.1,
§  every version of rails is incompatible with paper_trail >= 15.0.
§So, because Gemfile depends on rails ~> 7.1.0
§  and Gemfile depends on paper_trail ~> 15.1,
§  version solving has failed.
Took  2.41 seconds""",
                code=1,
                error="##[error]Error: The process '/opt/hostedtoolcache/Ruby/3.3.1/x64/bin/bundle' failed with exit code 6",
            ),
        ],
        actions=("ruby/setup-ruby@v1",),
    ),
    "version solving has failed.",
)

case(
    "ruby-minitest-rake-plain",
    "test.failure",
    "high",
    plain(
        """$ bundle exec rake test
/usr/local/bin/ruby -w -I"lib:test" /usr/local/bundle/gems/rake-13.2.1/lib/rake/rake_test_loader.rb "test/lexer_test.rb" "test/parser_test.rb" "test/printer_test.rb"
/usr/local/bundle/gems/json-2.7.2/lib/json/common.rb:3: warning: ostruct was loaded from the standard library, but will no longer be part of the default gems starting from Ruby 3.5.0.
Run options: --seed 18811

# Running:

..........................F.........................

Finished in 0.087132s, 596.7920 runs/s, 1377.2209 assertions/s.

§  1) Failure:
§ParserTest#test_handles_unicode_identifiers [test/parser_test.rb:33]:
§Expected: "é"
§  Actual: "e"
§
§52 runs, 120 assertions, 1 failures, 0 errors, 0 skips
rake aborted!
Command failed with status (1): [ruby -w -I"lib:test" /usr/local/bundle/gems/rake-13.2.1/lib/rake/rake_test_loader.rb "test/lexer_test.rb" "test/parser_test.rb" "test/printer_test.rb" ]
/usr/local/bundle/gems/rake-13.2.1/exe/rake:27:in `<top (required)>'
Tasks: TOP => test
(See full trace by running task with --trace)
Exited with code exit status 1"""
    ),
    "ParserTest#test_handles_unicode_identifiers [test/parser_test.rb:33]:",
    "CircleCI-style raw step output",
)

# ---------------------------------------------------------------- PHP

case(
    "php-phpunit-gha",
    "test.failure",
    "high",
    gha(
        "acme/shop",
        "phpunit (8.3)",
        [
            Step(
                "",
                uses="shivammathur/setup-php@v2",
                with_={"php-version": "8.3", "coverage": "none"},
                out="==> Setup PHP\n✓ PHP Installed PHP 8.3.6\n==> Setup Tools\n✓ composer Added composer 2.7.4",
            ),
            Step("composer install --no-interaction --prefer-dist", composer_install()),
            Step(
                "vendor/bin/phpunit",
                """PHPUnit 10.5.20 by Sebastian Bergmann and contributors.

Runtime:       PHP 8.3.6
Configuration: /home/runner/work/shop/shop/phpunit.xml

...............................F................................  64 / 64 (100%)

Time: 00:00.412, Memory: 16.00 MB

§There was 1 failure:
§
§1) Tests\\Unit\\CartTest::testDiscountAppliesToSubtotal
§Failed asserting that 90.0 matches expected 85.0.
§
§/home/runner/work/shop/shop/tests/Unit/CartTest.php:27
§
§FAILURES!
§Tests: 64, Assertions: 150, Failures: 1.""",
                code=1,
            ),
        ],
        actions=("shivammathur/setup-php@v2",),
    ),
    "Failed asserting that 90.0 matches expected 85.0.",
)

case(
    "php-phpcs-gha",
    "lint.error",
    "high",
    gha(
        "acme/shop",
        "coding-standard",
        [
            Step("composer install --no-interaction --prefer-dist", composer_install()),
            Step(
                "vendor/bin/phpcs --standard=PSR12 src",
                """
§FILE: /home/runner/work/shop/shop/src/Controller/HomeController.php
§----------------------------------------------------------------------
§FOUND 2 ERRORS AFFECTING 2 LINES
§----------------------------------------------------------------------
§ 14 | ERROR | [x] Expected 1 space after FUNCTION keyword; 0 found
§ 31 | ERROR | [x] Opening brace should be on a new line
§----------------------------------------------------------------------
§PHPCBF CAN FIX THE 2 MARKED SNIFF VIOLATIONS AUTOMATICALLY
§----------------------------------------------------------------------

Time: 212ms; Memory: 10MB
""",
                code=2,
            ),
        ],
    ),
    "FOUND 2 ERRORS AFFECTING 2 LINES",
)

case(
    "php-composer-php-version-travis",
    "runtime.version",
    "medium",
    travis(
        "oldcorp/mailer",
        "php",
        [
            Step("phpenv global 8.1", "rbenv: version `8.1' not installed\n8.1.27"),
            Step(
                "composer install --prefer-dist --no-interaction",
                """Installing dependencies from lock file (including require-dev)
Verifying lock file contents can be installed on current platform.
§Your lock file does not contain a compatible set of packages. Please run composer update.
§
§  Problem 1
§    - symfony/mailer is locked to version v7.0.7 and an update of this package was not requested.
§    - symfony/mailer v7.0.7 requires php >=8.2 -> your php version (8.1.27) does not satisfy that requirement.
§  Problem 2
§    - symfony/mime v7.0.7 requires php >=8.2 -> your php version (8.1.27) does not satisfy that requirement.""",
                code=2,
                name="install",
            ),
        ],
        cache="/home/travis/.composer/cache",
    ),
    "symfony/mailer v7.0.7 requires php >=8.2 -> your php version (8.1.27) does not satisfy that requirement.",
    "alt dependency.resolution: the lock file's packages need a newer PHP",
)

# ---------------------------------------------------------------- .NET

case(
    "dotnet-test-gha",
    "test.failure",
    "high",
    gha(
        "acme/shop",
        "dotnet",
        [
            Step(
                "",
                uses="actions/setup-dotnet@v4",
                with_={"dotnet-version": "8.0.x"},
                out="[command]/home/runner/work/_temp/dotnet-install.sh --skip-non-versioned-files --runtime dotnet --channel LTS\ndotnet-install: .NET Core Runtime with version '8.0.4' is already installed.",
            ),
            Step("dotnet restore", dotnet_restore()),
            Step(
                "dotnet test --no-restore --verbosity normal",
                """  Shop.Core -> /home/runner/work/shop/shop/src/Shop.Core/bin/Debug/net8.0/Shop.Core.dll
  Shop.Tests -> /home/runner/work/shop/shop/tests/Shop.Tests/bin/Debug/net8.0/Shop.Tests.dll
Test run for /home/runner/work/shop/shop/tests/Shop.Tests/bin/Debug/net8.0/Shop.Tests.dll (.NETCoreApp,Version=v8.0)
Microsoft (R) Test Execution Command Line Tool Version 17.9.0 (x64)
Copyright (c) Microsoft Corporation.  All rights reserved.

Starting test execution, please wait...
A total of 1 test files matched the specified pattern.
§  Failed Shop.Tests.PriceTests.Rounds_half_up [12 ms]
§  Error Message:
§   Assert.Equal() Failure: Values differ
§Expected: 2.5
§Actual:   2.4
§  Stack Trace:
§     at Shop.Tests.PriceTests.Rounds_half_up() in /home/runner/work/shop/shop/tests/Shop.Tests/PriceTests.cs:line 19
§   at System.RuntimeMethodHandle.InvokeMethod(Object target, Void** arguments, Signature sig, Boolean isConstructor)

Failed!  - Failed:     1, Passed:   211, Skipped:     0, Total:   212, Duration: 3 s - Shop.Tests.dll (net8.0)""",
                code=1,
            ),
        ],
        actions=("actions/setup-dotnet@v4",),
    ),
    "Failed Shop.Tests.PriceTests.Rounds_half_up [12 ms]",
)

case(
    "dotnet-build-cs0246-gha",
    "compile.error",
    "medium",
    gha(
        "acme/api",
        "build",
        [
            Step("dotnet restore", dotnet_restore().replace("shop", "api")),
            Step(
                "dotnet build --no-restore -c Release",
                """MSBuild version 17.9.8+b34f75857 for .NET
  Shop.Core -> /home/runner/work/api/api/src/Shop.Core/bin/Release/net8.0/Shop.Core.dll
§/home/runner/work/api/api/src/Api/Program.cs(14,13): error CS0246: The type or namespace name 'Serilog' could not be found (are you missing a using directive or an assembly reference?) [/home/runner/work/api/api/src/Api/Api.csproj]
§/home/runner/work/api/api/src/Api/Logging.cs(3,7): error CS0246: The type or namespace name 'Serilog' could not be found (are you missing a using directive or an assembly reference?) [/home/runner/work/api/api/src/Api/Api.csproj]

Build FAILED.

/home/runner/work/api/api/src/Api/Program.cs(14,13): error CS0246: The type or namespace name 'Serilog' could not be found (are you missing a using directive or an assembly reference?) [/home/runner/work/api/api/src/Api/Api.csproj]
/home/runner/work/api/api/src/Api/Logging.cs(3,7): error CS0246: The type or namespace name 'Serilog' could not be found (are you missing a using directive or an assembly reference?) [/home/runner/work/api/api/src/Api/Api.csproj]
    0 Warning(s)
    2 Error(s)

Time Elapsed 00:00:07.41""",
                code=1,
            ),
        ],
    ),
    "error CS0246: The type or namespace name 'Serilog' could not be found",
    "alt dependency.missing (the package reference is missing)",
)

# ---------------------------------------------------------------- C / C++

case(
    "c-gcc-make-travis",
    "compile.error",
    "high",
    travis(
        "oldcorp/tinybuf",
        "c",
        [
            Step(
                "./autogen.sh && ./configure",
                """checking for gcc... gcc
checking whether the C compiler works... yes
checking for C compiler default output file name... a.out
checking for suffix of executables...
checking whether we are cross compiling... no
checking for suffix of object files... o
checking whether we are using the GNU C compiler... yes
checking for stdint.h... yes
configure: creating ./config.status
config.status: creating Makefile
config.status: creating config.h""",
                name="before_script",
            ),
            Step(
                "make -j2",
                """gcc -DHAVE_CONFIG_H -I. -Wall -Wextra -O2 -c -o src/main.o src/main.c
gcc -DHAVE_CONFIG_H -I. -Wall -Wextra -O2 -c -o src/buffer.o src/buffer.c
§src/buffer.c: In function 'buf_append':
§src/buffer.c:57:12: error: 'len' undeclared (first use in this function); did you mean 'lens'?
§   57 |     memcpy(b->data + b->used, src, len);
§      |                                    ^~~
§      |                                    lens
§src/buffer.c:57:12: note: each undeclared identifier is reported only once for each function it appears in
src/buffer.c:61:1: warning: control reaches end of non-void function [-Wreturn-type]
make: *** [Makefile:412: src/buffer.o] Error 1
make: *** Waiting for unfinished jobs....""",
                code=2,
            ),
        ],
        cache="/home/travis/.ccache",
    ),
    "src/buffer.c:57:12: error: 'len' undeclared (first use in this function)",
)

case(
    "cpp-cmake-linker-gha",
    "compile.error",
    "high",
    gha(
        "acme/netd",
        "build (ubuntu-22.04, gcc)",
        [
            Step("cmake -S . -B build -DCMAKE_BUILD_TYPE=Release", cmake_configure("netd")),
            Step(
                "cmake --build build -j 4",
                """[  9%] Building CXX object CMakeFiles/netcore.dir/src/net/socket.cpp.o
[ 18%] Building CXX object CMakeFiles/netcore.dir/src/net/resolver.cpp.o
[ 27%] Building CXX object CMakeFiles/netcore.dir/src/util/log.cpp.o
[ 36%] Linking CXX static library libnetcore.a
[ 36%] Built target netcore
[ 45%] Building CXX object CMakeFiles/netd.dir/src/main.cpp.o
[ 54%] Linking CXX executable netd
§/usr/bin/ld: CMakeFiles/netd.dir/src/main.cpp.o: in function `main':
§main.cpp:(.text.startup+0x2a): undefined reference to `net::connect(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> > const&, unsigned short)'
§collect2: error: ld returned 1 exit status
gmake[2]: *** [CMakeFiles/netd.dir/build.make:97: netd] Error 1
gmake[1]: *** [CMakeFiles/Makefile2:112: CMakeFiles/netd.dir/all] Error 2
gmake: *** [Makefile:136: all] Error 2""",
                code=2,
            ),
        ],
    ),
    "undefined reference to `net::connect(...)'",
)

case(
    "cpp-ctest-catch2-gha",
    "test.failure",
    "high",
    gha(
        "acme/codec",
        "test",
        [
            Step(
                "cmake -S . -B build && cmake --build build -j 4",
                cmake_configure("codec") + "\n[100%] Built target codec_tests",
            ),
            Step(
                "ctest --test-dir build --output-on-failure",
                """Internal ctest changing into directory: /home/runner/work/codec/codec/build
Test project /home/runner/work/codec/codec/build
    Start 1: test_bitreader
1/4 Test #1: test_bitreader ...................   Passed    0.01 sec
    Start 2: test_huffman
2/4 Test #2: test_huffman .....................   Passed    0.03 sec
    Start 3: test_decode
3/4 Test #3: test_decode ......................***Failed    0.02 sec
Randomness seeded to: 3471822911

~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
test_decode is a Catch2 v3.5.4 host application.
Run with -? for options

-------------------------------------------------------------------------------
§decode handles truncated input
§-------------------------------------------------------------------------------
§/home/runner/work/codec/codec/tests/test_decode.cpp:44
§...............................................................................
§
§/home/runner/work/codec/codec/tests/test_decode.cpp:51: FAILED:
§  REQUIRE( result.error == Error::Truncated )
§with expansion:
§  0 == 2
§
===============================================================================
test cases:  9 |  8 passed | 1 failed
assertions: 31 | 30 passed | 1 failed

    Start 4: test_encode
4/4 Test #4: test_encode ......................   Passed    0.02 sec

75% tests passed, 1 tests failed out of 4

Total Test time (real) =   0.09 sec

The following tests FAILED:
\t  3 - test_decode (Failed)
Errors while running CTest""",
                code=8,
            ),
        ],
    ),
    "REQUIRE( result.error == Error::Truncated )",
)

case(
    "cmake-find-package-gitlab",
    "dependency.missing",
    "high",
    gitlab(
        "acme/vaultd",
        "ubuntu:22.04",
        [
            Step(
                "apt-get update -qq && apt-get install -y -qq build-essential cmake",
                "Setting up cmake (3.22.1-1ubuntu1.22.04.2) ...\nProcessing triggers for libc-bin (2.35-0ubuntu3.7) ...",
            ),
            Step(
                "cmake -S . -B build",
                """-- The C compiler identification is GNU 11.4.0
-- The CXX compiler identification is GNU 11.4.0
-- Detecting C compiler ABI info
-- Detecting C compiler ABI info - done
-- Check for working C compiler: /usr/bin/cc - skipped
-- Detecting CXX compiler ABI info - done
-- Found PkgConfig: /usr/bin/pkg-config (found version "0.29.2")
§CMake Error at /usr/share/cmake-3.22/Modules/FindPackageHandleStandardArgs.cmake:230 (message):
§  Could NOT find OpenSSL, try to set the path to OpenSSL root folder in the
§  system variable OPENSSL_ROOT_DIR (missing: OPENSSL_CRYPTO_LIBRARY
§  OPENSSL_INCLUDE_DIR)
§Call Stack (most recent call first):
§  /usr/share/cmake-3.22/Modules/FindPackageHandleStandardArgs.cmake:594 (_FPHSA_FAILURE_MESSAGE)
§  /usr/share/cmake-3.22/Modules/FindOpenSSL.cmake:620 (find_package_handle_standard_args)
§  CMakeLists.txt:18 (find_package)
-- Configuring incomplete, errors occurred!
See also "/builds/acme/vaultd/build/CMakeFiles/CMakeOutput.log".""",
                code=1,
            ),
        ],
    ),
    "Could NOT find OpenSSL",
)
