"""Authored cases, batch ao: weighted to the judged kinds of log, Travis CI jobs (automake's test harness, PHP's
memory limit and ``php -l``, RubyGems' already-activated gem, karma without a browser, npm's recovered retry,
go's race detector, hspec under stack, sbt's unresolved module, scalastyle, cabal's missing build tool, R's
anticonf error, Perl's missing module, surefire's crashed fork, Ant's junit, nose's import error), Jenkins
console logs (freestyle shell steps, Maven-project jobs, Ant; Pipeline with Maven and Gradle: a missing mvn,
SpotBugs, javac under Ant, a 502 from the repository manager, tests named for timeouts, a recovered Maven
transfer before Checkstyle, the timeout step, dependency convergence, git's refused login, a JDK too new for
the source level) and a few GitHub Actions jobs; mixed with hard classes: trigger words in passing output, a
warning above the real error, a consequence after its cause, a flaky retry that recovered before the real
failure. Labelled before triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import gradle_head, maven_head, setup_node, setup_python
from benchmarks.authored.shapes import Log, Step, gha, jenkins, travis

# ---------------------------------------------------------------- Travis CI

case(
    "ao-automake-check-travis",
    "test.failure",
    "high",
    travis(
        "acme/libtoml-c",
        "c",
        [
            Step(
                "autoreconf -fi && ./configure --enable-werror",
                """checking for a BSD-compatible install... /usr/bin/install -c
checking whether build environment is sane... yes
checking for gcc... gcc
checking whether the C compiler works... yes
checking for C compiler default output file name... a.out
checking for suffix of executables...
checking for library containing clock_gettime... none required
configure: creating ./config.status
config.status: creating Makefile
config.status: creating tests/Makefile
config.status: creating config.h""",
                name="before_script",
            ),
            Step(
                "make -j2 check",
                """Making check in src
make[1]: Entering directory '/home/travis/build/acme/libtoml-c/src'
  CC       libtoml_la-parse.lo
  CC       libtoml_la-value.lo
  CCLD     libtoml.la
make[1]: Leaving directory '/home/travis/build/acme/libtoml-c/src'
Making check in tests
make[1]: Entering directory '/home/travis/build/acme/libtoml-c/tests'
make  test_basic test_parse test_error test_unicode test_timeout
  CC       test_parse.o
  CCLD     test_parse
make  check-TESTS
make[2]: Entering directory '/home/travis/build/acme/libtoml-c/tests'
PASS: test_basic
§FAIL: test_parse
§PASS: test_error
§PASS: test_unicode
§PASS: test_timeout
§============================================================================
§Testsuite summary for libtoml 0.9.2
§============================================================================
§# TOTAL: 5
§# PASS:  4
§# SKIP:  0
§# XFAIL: 0
§# FAIL:  1
§# XPASS: 0
§# ERROR: 0
§============================================================================
§See tests/test-suite.log
Please report to https://github.com/acme/libtoml-c/issues
============================================================================
make[3]: *** [Makefile:842: test-suite.log] Error 1
make[2]: *** [Makefile:950: check-TESTS] Error 2
make[1]: *** [Makefile:1126: check-am] Error 2
make: *** [Makefile:478: check-recursive] Error 1""",
                code=2,
                name="script",
            ),
        ],
        cache="/home/travis/.ccache",
    ),
    "FAIL: test_parse",
    "automake's parallel test harness: one FAIL: line, its summary and make's unwinding; test_error and"
    " test_timeout are passing tests' names",
)

case(
    "ao-php-memory-limit-travis",
    "resource.exhausted",
    "high",
    travis(
        "acme/report-builder",
        "php",
        [
            Step("phpenv config-rm xdebug.ini || true", "", name="before_install"),
            Step(
                "composer install --no-interaction --prefer-dist",
                """Loading composer repositories with package information
Installing dependencies (including require-dev) from lock file
Package operations: 48 installs, 0 updates, 0 removals
  - Installing doctrine/instantiator (1.3.0): Loading from cache
  - Installing phpunit/phpunit (8.5.8): Loading from cache
Generating optimized autoload files""",
                name="install",
            ),
            Step(
                "vendor/bin/phpunit --coverage-clover=coverage.xml",
                """PHPUnit 8.5.8 by Sebastian Bergmann and contributors.

Runtime:       PHP 7.3.21 with PCOV 1.0.6
Configuration: /home/travis/build/acme/report-builder/phpunit.xml.dist

...............................................................  63 / 412 ( 15%)
............................................................... 126 / 412 ( 30%)
..........................................S.................... 189 / 412 ( 45%)
§PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /home/travis/build/acme/report-builder/vendor/phpunit/php-code-coverage/src/CodeCoverage.php on line 388
§PHP Stack trace:
§PHP   1. {main}() /home/travis/build/acme/report-builder/vendor/phpunit/phpunit/phpunit:0
§PHP   2. PHPUnit\\TextUI\\Command::main() /home/travis/build/acme/report-builder/vendor/phpunit/phpunit/phpunit:61
§
§Fatal error: Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /home/travis/build/acme/report-builder/vendor/phpunit/php-code-coverage/src/CodeCoverage.php on line 388""",
                code=255,
                name="script",
            ),
        ],
        cache="/home/travis/.composer/cache",
    ),
    "PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes)",
    "PHP's memory_limit hit while collecting coverage, not a test's failure",
)

case(
    "ao-php-lint-parse-error-travis",
    "syntax.error",
    "high",
    travis(
        "acme/shop-core",
        "php",
        [
            Step("composer validate --strict", "./composer.json is valid", name="before_script"),
            Step(
                "find src tests -name '*.php' -print0 | xargs -0 -n1 -P4 php -l",
                """No syntax errors detected in src/Money.php
No syntax errors detected in src/Order/Line.php
No syntax errors detected in src/Order/Order.php
§PHP Parse error:  syntax error, unexpected '}', expecting ';' in src/Cart/Cart.php on line 41
§Errors parsing src/Cart/Cart.php
No syntax errors detected in src/Cart/Discount.php
No syntax errors detected in tests/CartTest.php
No syntax errors detected in tests/OrderTest.php""",
                code=123,
                name="script.1",
            ),
            Step("vendor/bin/phpunit", "", name="script.2"),
        ],
        cache="/home/travis/.composer/cache",
    ),
    "PHP Parse error:  syntax error, unexpected '}', expecting ';' in src/Cart/Cart.php on line 41",
    "php -l over every file through xargs (123: a command it ran failed); the passing files say 'No syntax errors'",
)

case(
    "ao-rake-already-activated-travis",
    "dependency.resolution",
    "high",
    travis(
        "acme/ledger-rails",
        "ruby",
        [
            Step(
                "gem install bundler -v 2.1.4",
                "Successfully installed bundler-2.1.4\n1 gem installed",
                name="before_install",
            ),
            Step(
                "bundle install --jobs=3 --retry=3 --deployment",
                """Fetching gem metadata from https://rubygems.org/..........
Using rake 13.0.1
Using concurrent-ruby 1.1.7
Using rails 6.0.3.4
Bundle complete! 31 Gemfile dependencies, 88 gems now installed.
Bundled gems are installed into `./vendor/bundle`""",
                name="install",
            ),
            Step(
                "rake db:setup spec",
                """§rake aborted!
§Gem::LoadError: You have already activated rake 12.3.3, but your Gemfile requires rake 13.0.1. Prepending `bundle exec` to your command may solve this.
§/home/travis/build/acme/ledger-rails/vendor/bundle/ruby/2.6.0/gems/bundler-2.1.4/lib/bundler/runtime.rb:312:in `check_for_activated_spec!'
§/home/travis/build/acme/ledger-rails/vendor/bundle/ruby/2.6.0/gems/bundler-2.1.4/lib/bundler/runtime.rb:31:in `block in setup'
§/home/travis/build/acme/ledger-rails/config/boot.rb:3:in `<top (required)>'
§/home/travis/build/acme/ledger-rails/Rakefile:4:in `<top (required)>'
§(See full trace by running task with --trace)""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/build/acme/ledger-rails/vendor/bundle",
    ),
    "Gem::LoadError: You have already activated rake 12.3.3, but your Gemfile requires rake 13.0.1.",
    "the system rake against the bundle's: a gem version conflict, not a missing gem",
)

case(
    "ao-karma-no-chrome-travis",
    "command.not.found",
    "high",
    travis(
        "acme/widgets-ui",
        "node_js",
        [
            Step("npm ci", """added 1184 packages in 24.512s""", name="install"),
            Step(
                "npm test",
                """
> widgets-ui@3.2.0 test /home/travis/build/acme/widgets-ui
> karma start karma.conf.js --single-run --browsers ChromeHeadless

03 12 2020 10:02:11.412:INFO [karma-server]: Karma v5.2.3 server started at http://localhost:9876/
03 12 2020 10:02:11.414:INFO [launcher]: Launching browsers ChromeHeadless with concurrency unlimited
§03 12 2020 10:02:11.416:ERROR [launcher]: No binary for ChromeHeadless browser on your platform.
§  Please, set "CHROME_BIN" env variable.
npm ERR! Test failed.  See above for more details.""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.npm",
    ),
    "ERROR [launcher]: No binary for ChromeHeadless browser on your platform.",
    "the job has no Chrome (no `addons: chrome: stable`): karma finds no browser executable to launch",
)

case(
    "ao-npm-retry-then-mocha-travis",
    "test.failure",
    "high",
    travis(
        "acme/queue-lib",
        "node_js",
        [
            Step(
                "npm install",
                """npm WARN registry Unexpected warning for https://registry.npmjs.org/: Miscellaneous Warning EAI_AGAIN: request to https://registry.npmjs.org/debug failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org
npm WARN registry Using stale data from https://registry.npmjs.org/ due to a request error during revalidation.
npm WARN retry will retry, error on last attempt: Error: getaddrinfo EAI_AGAIN registry.npmjs.org
npm WARN deprecated request@2.88.2: request has been deprecated, see https://github.com/request/request/issues/3142

> fsevents@1.2.13 install skipped (platform linux)
added 412 packages from 301 contributors and audited 413 packages in 18.204s
found 0 vulnerabilities""",
                name="install",
            ),
            Step(
                "npm test",
                """
> queue-lib@2.0.1 test /home/travis/build/acme/queue-lib
> mocha --reporter spec test/

  Queue
    push
      ✓ appends to the tail
      ✓ emits drain when emptied
    retry
      ✓ retries after ECONNREFUSED from the broker (104ms)
      1) gives up after maxAttempts
      ✓ backs off exponentially


  4 passing (312ms)
  1 failing

§  1) Queue
§       retry
§         gives up after maxAttempts:
§
§      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
§
§3 !== 4
§
§      + expected - actual
§
§      -3
§      +4
§
§      at Context.<anonymous> (test/retry.test.js:48:14)
§      at processImmediate (internal/timers.js:461:21)

npm ERR! Test failed.  See above for more details.""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.npm",
    ),
    "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:",
    "npm's EAI_AGAIN retry recovered (the install ended with 'added 412 packages'); the failure is mocha's assertion",
)

case(
    "ao-go-race-travis",
    "test.failure",
    "medium",
    travis(
        "acme/metricsd",
        "go",
        [
            Step("go mod download", "", name="install"),
            Step(
                "go test -race ./...",
                """ok  	github.com/acme/metricsd/config	1.021s
==================
§WARNING: DATA RACE
§Write at 0x00c0001a0f18 by goroutine 9:
§  github.com/acme/metricsd/agg.(*Counter).Add()
§      /home/travis/gopath/src/github.com/acme/metricsd/agg/counter.go:22 +0x64
§  github.com/acme/metricsd/agg.TestCounterConcurrent.func1()
§      /home/travis/gopath/src/github.com/acme/metricsd/agg/counter_test.go:31 +0x4e
§
§Previous write at 0x00c0001a0f18 by goroutine 8:
§  github.com/acme/metricsd/agg.(*Counter).Add()
§      /home/travis/gopath/src/github.com/acme/metricsd/agg/counter.go:22 +0x64
§
§Goroutine 9 (running) created at:
§  github.com/acme/metricsd/agg.TestCounterConcurrent()
§      /home/travis/gopath/src/github.com/acme/metricsd/agg/counter_test.go:29 +0x9c
§==================
§--- FAIL: TestCounterConcurrent (0.01s)
§    testing.go:1038: race detected during execution of test
§FAIL
§FAIL	github.com/acme/metricsd/agg	0.043s
ok  	github.com/acme/metricsd/server	0.310s
FAIL""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/gopath/pkg/mod",
    ),
    "testing.go:1038: race detected during execution of test",
    "the race detector fails the test that raced; a fix in the code under test, told by the test run",
)

case(
    "ao-stack-hspec-travis",
    "test.failure",
    "high",
    travis(
        "acme/calc-expr",
        "haskell",
        [
            Step(
                "stack --no-terminal setup",
                "stack will use a sandboxed GHC it installed\nFor more information on paths, see 'stack path' and 'stack exec env'",
                name="install",
            ),
            Step(
                "stack --no-terminal test --haddock --no-haddock-deps",
                """calc-expr> configure (lib + test)
Configuring calc-expr-0.2.0.0...
calc-expr> build (lib + test)
Preprocessing library for calc-expr-0.2.0.0..
Building library for calc-expr-0.2.0.0..
[1 of 2] Compiling Calc.Parser
[2 of 2] Compiling Calc.Eval
calc-expr> test (suite: spec)

Calc.Eval
  eval
    adds literals [✔]
    reports a division by zero as an error [✔]
    times out on a non-terminating loop [✔]
Calc.Parser
  parseExpr
    parses negative numbers [✘]

§Failures:
§
§  test/Calc/ParserSpec.hs:23:7:
§  1) Calc.Parser.parseExpr parses negative numbers
§       expected: Right (Neg (Lit 3))
§        but got: Left "unexpected '-'"
§
§  To rerun use: --match "/Calc.Parser/parseExpr/parses negative numbers/"
§
§Randomized with seed 1409273611
§
§Finished in 0.0041 seconds
§4 examples, 1 failure

calc-expr> Test suite spec failed
Completed 2 action(s).
Test suite failure for package calc-expr-0.2.0.0
    spec:  exited with: ExitFailure 1
Logs printed to console""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.stack",
    ),
    "1) Calc.Parser.parseExpr parses negative numbers",
    "hspec's failure under stack; the passing examples name an error and a time-out",
)

case(
    "ao-sbt-unresolved-travis",
    "dependency.missing",
    "high",
    travis(
        "acme/json-tools",
        "scala",
        [
            Step(
                "sbt ++2.12.12 test",
                """[info] welcome to sbt 1.3.13 (AdoptOpenJDK Java 1.8.0_252)
[info] loading settings for project json-tools-build from plugins.sbt ...
[info] loading project definition from /home/travis/build/acme/json-tools/project
[info] loading settings for project root from build.sbt ...
[info] set current project to json-tools (in build file:/home/travis/build/acme/json-tools/)
[info] Setting Scala version to 2.12.12 on 2 projects.
[info] Updating
[info] Resolved  dependencies
§[warn]
§[warn] 	Note: Unresolved dependencies path:
§[error] sbt.librarymanagement.ResolveException: Error downloading com.acme:json-core_2.12:0.4.1
§[error]   Not found
§[error]   Not found
§[error]   not found: /home/travis/.ivy2/local/com.acme/json-core_2.12/0.4.1/ivys/ivy.xml
§[error]   not found: https://repo1.maven.org/maven2/com/acme/json-core_2.12/0.4.1/json-core_2.12-0.4.1.pom
§[error] 	at lmcoursier.CoursierDependencyResolution.unresolvedWarningOrThrow(CoursierDependencyResolution.scala:249)
§[error] 	at lmcoursier.CoursierDependencyResolution.$anonfun$update$34(CoursierDependencyResolution.scala:218)
§[error] (update) sbt.librarymanagement.ResolveException: Error downloading com.acme:json-core_2.12:0.4.1
§[error]   Not found
§[error]   Not found
§[error]   not found: /home/travis/.ivy2/local/com.acme/json-core_2.12/0.4.1/ivys/ivy.xml
§[error]   not found: https://repo1.maven.org/maven2/com/acme/json-core_2.12/0.4.1/json-core_2.12-0.4.1.pom
[error] Total time: 9 s, completed Nov 3, 2020 10:14:02 AM""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.cache/coursier",
    ),
    "[error] (update) sbt.librarymanagement.ResolveException: Error downloading com.acme:json-core_2.12:0.4.1",
    "coursier finds the module in no repository (an unpublished version): missing, not a conflict",
)

case(
    "ao-scalastyle-travis",
    "lint.error",
    "high",
    travis(
        "acme/stream-ops",
        "scala",
        [
            Step(
                "sbt scalastyle test:scalastyle",
                """[info] welcome to sbt 1.4.6 (AdoptOpenJDK Java 11.0.9)
[info] loading project definition from /home/travis/build/acme/stream-ops/project
[info] set current project to stream-ops (in build file:/home/travis/build/acme/stream-ops/)
[info] scalastyle using config /home/travis/build/acme/stream-ops/scalastyle-config.xml
§error file=/home/travis/build/acme/stream-ops/src/main/scala/acme/ops/Window.scala message=File line length exceeds 120 characters line=42
§error file=/home/travis/build/acme/stream-ops/src/main/scala/acme/ops/Window.scala message=Magic Number line=57 column=31
§[info] scalastyle Found 2 errors
§[info] scalastyle Found 0 warnings
§[info] scalastyle Found 0 infos
§[info] scalastyle Finished in 11 ms
§[success] created output: /home/travis/build/acme/stream-ops/target
§[error] (Compile / scalastyle) errors exist
[error] Total time: 3 s, completed Jan 12, 2021 9:41:15 AM""",
                code=1,
                name="script",
                headed=False,
            ),
        ],
        cache="/home/travis/.ivy2/cache",
    ),
    "[error] (Compile / scalastyle) errors exist",
    "scalastyle's errors through sbt; '[success] created output' is its report being written",
)

case(
    "ao-cabal-happy-missing-travis",
    "command.not.found",
    "high",
    travis(
        "acme/lang-frontend",
        "haskell",
        [
            Step("cabal v2-update", "Downloading the latest package list from hackage.haskell.org", name="install"),
            Step(
                "cabal v2-build --enable-tests",
                """Resolving dependencies...
Build profile: -w ghc-8.10.2 -O1
In order, the following will be built (use -v for more details):
 - lang-frontend-0.1.0 (lib) (first run)
Configuring library for lang-frontend-0.1.0..
§cabal: The program 'happy' version >=1.19.5 is required but it could not be
§found.
""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.cabal/packages",
    ),
    "cabal: The program 'happy' version >=1.19.5 is required but it could not be",
    "the parser generator a build-tool-depends needs is not on PATH",
)

case(
    "ao-r-anticonf-libxml-travis",
    "dependency.missing",
    "high",
    travis(
        "acme/feedr",
        "r",
        [
            Step(
                "Rscript -e 'install.packages(c(\"remotes\"));remotes::install_deps(dependencies = TRUE)'",
                """Installing 6 packages: xml2, roxygen2, httr, curl, openssl, testthat
* installing *source* package ‘xml2’ ...
** package ‘xml2’ successfully unpacked and MD5 sums checked
** using staged installation
§Package libxml-2.0 was not found in the pkg-config search path.
§Perhaps you should add the directory containing `libxml-2.0.pc'
§to the PKG_CONFIG_PATH environment variable
§No package 'libxml-2.0' found
§Using PKG_CFLAGS=
§Using PKG_LIBS=-lxml2
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
§ERROR: configuration failed for package ‘xml2’
* removing ‘/home/travis/R/Library/xml2’
ERROR: dependency ‘xml2’ is not available for package ‘roxygen2’
* removing ‘/home/travis/R/Library/roxygen2’
Warning messages:
1: In i.p(...) :
  installation of package ‘xml2’ had non-zero exit status
2: In i.p(...) :
  installation of package ‘roxygen2’ had non-zero exit status
Error in loadNamespace(x) : there is no package called ‘roxygen2’
Execution halted""",
                code=1,
                name="install",
            ),
        ],
        cache="/home/travis/R/Library",
    ),
    "Configuration failed because libxml-2.0 was not found. Try installing:",
    "the system library libxml2-dev is not installed; roxygen2's missing dependency follows from it",
)

case(
    "ao-perl-cant-locate-travis",
    "dependency.missing",
    "high",
    travis(
        "acme/Acme-Thing",
        "perl",
        [
            Step(
                "perl Makefile.PL && make",
                """Checking if your kit is complete...
Looks good
Warning: prerequisite Moo 2.003 not found.
Generating a Unix-style Makefile
Writing Makefile for Acme::Thing
Writing MYMETA.yml and MYMETA.json
cp lib/Acme/Thing.pm blib/lib/Acme/Thing.pm
Manifying 1 pod document""",
                name="before_script",
            ),
            Step(
                "make test",
                """PERL_DL_NONLAZY=1 "/home/travis/perl5/perlbrew/perls/5.30/bin/perl" "-MExtUtils::Command::MM" "-MTest::Harness" "-e" "undef *Test::Harness::Switches; test_harness(0, 'blib/lib', 'blib/arch')" t/*.t
§t/00-load.t ....... Can't locate Moo.pm in @INC (you may need to install the Moo module) (@INC contains: /home/travis/build/acme/Acme-Thing/blib/lib /home/travis/build/acme/Acme-Thing/blib/arch /home/travis/perl5/perlbrew/perls/5.30/lib/site_perl/5.30.3 /home/travis/perl5/perlbrew/perls/5.30/lib/5.30.3) at /home/travis/build/acme/Acme-Thing/blib/lib/Acme/Thing.pm line 3.
§BEGIN failed--compilation aborted at /home/travis/build/acme/Acme-Thing/blib/lib/Acme/Thing.pm line 3.
§Compilation failed in require at t/00-load.t line 4.
t/00-load.t ....... Dubious, test returned 2 (wstat 512, 0x200)
No subtests run
t/01-timeout.t .... ok

Test Summary Report
-------------------
t/00-load.t     (Wstat: 512 Tests: 0 Failed: 0)
  Non-zero exit status: 2
  Parse errors: No plan found in TAP output
Files=2, Tests=4,  0 wallclock secs ( 0.02 usr  0.00 sys +  0.09 cusr  0.01 csys =  0.12 cpu)
Result: FAIL
Failed 1/2 test programs. 0/4 subtests failed.
make: *** [Makefile:851: test_dynamic] Error 255""",
                code=2,
                name="script",
            ),
        ],
        cache="/home/travis/perl5",
    ),
    "Can't locate Moo.pm in @INC (you may need to install the Moo module)",
    "Makefile.PL's warning is the cause (no cpanm --installdeps step); the test's Can't locate follows from it",
)

case(
    "ao-surefire-fork-crash-travis",
    "crash",
    "medium",
    travis(
        "acme/index-engine",
        "java",
        [
            Step(
                "mvn install -DskipTests=true -Dmaven.javadoc.skip=true -B -V",
                """Apache Maven 3.6.3 (cecedd343002696d0abb50b32b541b8a6ba2883f)
Java version: 11.0.2, vendor: Oracle Corporation, runtime: /usr/local/lib/jvm/openjdk11
[INFO] BUILD SUCCESS""",
                name="install",
            ),
            Step(
                "mvn test -B",
                maven_head("index-engine", "2.1.0-SNAPSHOT")
                + """
[INFO] --- maven-surefire-plugin:2.22.2:test (default-test) @ index-engine ---
[INFO]
[INFO] -------------------------------------------------------
[INFO]  T E S T S
[INFO] -------------------------------------------------------
[INFO] Running com.acme.index.SegmentMergerTest
[INFO] Tests run: 14, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 3.412 s - in com.acme.index.SegmentMergerTest
[INFO] Running com.acme.index.NativeCodecTest
[INFO]
[INFO] Results:
[INFO]
[INFO] Tests run: 14, Failures: 0, Errors: 0, Skipped: 0
[INFO]
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  41.207 s
§[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:2.22.2:test (default-test) on project index-engine: There are test failures.
§[ERROR]
§[ERROR] Please refer to /home/travis/build/acme/index-engine/target/surefire-reports for the individual test results.
§[ERROR] Please refer to dump files (if any exist) [date].dump, [date]-jvmRun[N].dump and [date].dumpstream.
§[ERROR] The forked VM terminated without properly saying goodbye. VM crash or System.exit called?
§[ERROR] Command was /bin/sh -c cd /home/travis/build/acme/index-engine && /usr/local/lib/jvm/openjdk11/bin/java -jar /home/travis/build/acme/index-engine/target/surefire/surefirebooter1290342.jar /home/travis/build/acme/index-engine/target/surefire 2020-11-03T10-22-01_114-jvmRun1 surefire4470021tmp surefire_08113022tmp
§[ERROR] Error occurred in starting fork, check output in log
§[ERROR] Process Exit Code: 134
§[ERROR] Crashed tests:
§[ERROR] com.acme.index.NativeCodecTest
[ERROR] -> [Help 1]
[ERROR]
[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.m2",
    ),
    "[ERROR] The forked VM terminated without properly saying goodbye. VM crash or System.exit called?",
    "the test JVM aborted (exit 134) in a native codec test; surefire's 'There are test failures' is its wrapper",
)

case(
    "ao-ant-junit-travis",
    "test.failure",
    "high",
    travis(
        "acme/jtemplate",
        "java",
        [
            Step(
                "ant resolve",
                """Buildfile: /home/travis/build/acme/jtemplate/build.xml

resolve:
[ivy:retrieve] :: Apache Ivy 2.5.0 - 20191020104435 :: https://ant.apache.org/ivy/ ::
[ivy:retrieve] :: resolving dependencies :: com.acme#jtemplate;working@travis-job
[ivy:retrieve] 	confs: [default]
[ivy:retrieve] 	found junit#junit;4.13 in public
[ivy:retrieve] :: retrieving :: com.acme#jtemplate
[ivy:retrieve] 	0 artifacts copied, 2 already retrieved (0kB/6ms)

BUILD SUCCESSFUL
Total time: 2 seconds""",
                name="install",
            ),
            Step(
                "ant test",
                """Buildfile: /home/travis/build/acme/jtemplate/build.xml

compile:
    [mkdir] Created dir: /home/travis/build/acme/jtemplate/build/classes
    [javac] Compiling 38 source files to /home/travis/build/acme/jtemplate/build/classes
    [javac] Note: Some input files use unchecked or unsafe operations.
    [javac] Note: Recompile with -Xlint:unchecked for details.

compile-tests:
    [javac] Compiling 12 source files to /home/travis/build/acme/jtemplate/build/test-classes

test:
    [junit] Running com.acme.jtemplate.LexerTest
    [junit] Tests run: 21, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.112 sec
    [junit] Running com.acme.jtemplate.RendererTest
§    [junit] Tests run: 17, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.245 sec
§    [junit]
§    [junit] Testcase: testEscapesHtml(com.acme.jtemplate.RendererTest):	FAILED
§    [junit] expected:<&lt;b&gt;[&amp;]&lt;/b&gt;> but was:<&lt;b&gt;[&]&lt;/b&gt;>
§    [junit] junit.framework.ComparisonFailure: expected:<&lt;b&gt;[&amp;]&lt;/b&gt;> but was:<&lt;b&gt;[&]&lt;/b&gt;>
§    [junit] 	at com.acme.jtemplate.RendererTest.testEscapesHtml(RendererTest.java:58)
§    [junit]
§    [junit] Test com.acme.jtemplate.RendererTest FAILED

BUILD FAILED
/home/travis/build/acme/jtemplate/build.xml:71: Test failures in com.acme.jtemplate.RendererTest

Total time: 4 seconds""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.ivy2",
    ),
    "[junit] Testcase: testEscapesHtml(com.acme.jtemplate.RendererTest):	FAILED",
    "Ant's junit task with haltonfailure: one comparison failure, then BUILD FAILED naming it",
)

case(
    "ao-nose-import-error-travis",
    "dependency.missing",
    "high",
    travis(
        "acme/confmerge",
        "python",
        [
            Step(
                "pip install -e .",
                """Obtaining file:///home/travis/build/acme/confmerge
Collecting six>=1.10
  Downloading six-1.15.0-py2.py3-none-any.whl (10 kB)
Installing collected packages: six, confmerge
  Running setup.py develop for confmerge
Successfully installed confmerge six-1.15.0""",
                name="install",
            ),
            Step("pip install nose coverage", "Successfully installed coverage-5.3 nose-1.3.7", name="install.2"),
            Step(
                "nosetests --with-coverage --cover-package=confmerge",
                """.........E.....................
§======================================================================
§ERROR: Failure: ImportError (No module named yaml)
§----------------------------------------------------------------------
§Traceback (most recent call last):
§  File "/home/travis/virtualenv/python2.7.15/lib/python2.7/site-packages/nose/loader.py", line 418, in loadTestsFromName
§    addr.filename, addr.module)
§  File "/home/travis/virtualenv/python2.7.15/lib/python2.7/site-packages/nose/importer.py", line 47, in importFromPath
§    return self.importFromDir(dir_path, fqname)
§  File "/home/travis/build/acme/confmerge/tests/test_yaml_source.py", line 3, in <module>
§    from confmerge.sources import yaml_source
§  File "/home/travis/build/acme/confmerge/confmerge/sources/yaml_source.py", line 1, in <module>
§    import yaml
§ImportError: No module named yaml

Name                    Stmts   Miss  Cover
-------------------------------------------
confmerge/__init__.py       4      0   100%
confmerge/merge.py         88      6    93%
-------------------------------------------
TOTAL                      92      6    93%
----------------------------------------------------------------------
Ran 32 tests in 0.412s

FAILED (errors=1)""",
                code=1,
                name="script",
            ),
        ],
    ),
    "ImportError: No module named yaml",
    "PyYAML missing from install_requires: nose reports the import as a test error",
)

# ---------------------------------------------------------------- Jenkins

_FREESTYLE_HEAD = """Started by an SCM change
Running as SYSTEM
Building on build-agent-03 (linux docker) in workspace /var/lib/jenkins/workspace/{job}
The recommended git tool is: NONE
using credential jenkins-github
 > git rev-parse --resolve-git-dir /var/lib/jenkins/workspace/{job}/.git # timeout=10
Fetching changes from the remote Git repository
 > git config remote.origin.url https://github.com/{repo}.git # timeout=10
Fetching upstream changes from https://github.com/{repo}.git
 > git --version # timeout=10
 > git --version # 'git version 2.30.2'
using GIT_ASKPASS to set credentials jenkins-github
 > git fetch --tags --force --progress -- https://github.com/{repo}.git +refs/heads/*:refs/remotes/origin/* # timeout=10
 > git rev-parse refs/remotes/origin/master^{{commit}} # timeout=10
Checking out Revision 7c1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e (refs/remotes/origin/master)
 > git config core.sparsecheckout # timeout=10
 > git checkout -f 7c1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e # timeout=10
Commit message: "Merge pull request #412 from acme/feature"
 > git rev-list --no-walk 1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c # timeout=10"""

_FREESTYLE_TAIL = """Archiving artifacts
Recording test results
[Checks API] No suitable checks publisher found.
Sending e-mails to: dev-team@acme.example
Finished: {result}"""


def _freestyle(repo: str, job: str, body: str, result: str = "FAILURE") -> Log:
    """A Jenkins freestyle (or Maven-project) job's console: SCM checkout, the build steps' output, post-build."""
    log = Log()
    log.add(_FREESTYLE_HEAD.format(repo=repo, job=job))
    log.add(body)
    log.add(_FREESTYLE_TAIL.format(result=result))
    return log


case(
    "ao-freestyle-mvn-not-found-jenkins",
    "command.not.found",
    "high",
    _freestyle(
        "acme/billing",
        "billing",
        """[billing] $ /bin/sh -xe /tmp/jenkins4471902018337441822.sh
+ java -version
openjdk version "11.0.16" 2022-07-19
OpenJDK Runtime Environment (build 11.0.16+8-post-Debian-1deb11u1)
+ mvn -B -U clean verify
§/tmp/jenkins4471902018337441822.sh: 3: mvn: not found
Build step 'Execute shell' marked build as failure""",
    ),
    "/tmp/jenkins4471902018337441822.sh: 3: mvn: not found",
    "a new agent without Maven on PATH (no Maven tool installation configured for the step)",
)

case(
    "ao-maven-job-spotbugs-jenkins",
    "lint.error",
    "high",
    _freestyle(
        "acme/payments",
        "payments",
        """Parsing POMs
Established TCP socket on 41817
[payments] $ /usr/lib/jvm/java-17-openjdk-amd64/bin/java -cp /var/lib/jenkins/plugins/maven-plugin/WEB-INF/lib/maven35-agent-1.14.jar:/opt/maven/boot/plexus-classworlds-2.6.0.jar:/opt/maven/conf/logging jenkins.maven3.agent.Maven35Main /opt/maven /var/cache/jenkins/war/WEB-INF/lib/remoting-4.13.jar /var/lib/jenkins/plugins/maven-plugin/WEB-INF/lib/maven35-interceptor-1.14.jar /var/lib/jenkins/plugins/maven-plugin/WEB-INF/lib/maven3-interceptor-commons-1.14.jar 41817
<===[JENKINS REMOTING CAPACITY]===>channel started
Executing Maven:  -B -f /var/lib/jenkins/workspace/payments/pom.xml clean verify
"""
        + maven_head("payments", "3.4.0-SNAPSHOT")
        + """
[INFO] --- maven-surefire-plugin:3.0.0-M7:test (default-test) @ payments ---
[INFO] Tests run: 212, Failures: 0, Errors: 0, Skipped: 3
[JENKINS] Recording test results
[INFO]
[INFO] --- spotbugs-maven-plugin:4.7.3.0:check (spotbugs) @ payments ---
[INFO] BugInstance size is 2
[INFO] Error size is 0
§[INFO] Total bugs: 2
§[ERROR] Medium: Possible null pointer dereference of refund in com.acme.payments.RefundService.apply(Payment) on exception path [com.acme.payments.RefundService] Dereferenced at RefundService.java:[line 88] NP_NULL_ON_SOME_PATH_EXCEPTION
§[ERROR] Medium: com.acme.payments.Ledger.entries() may expose internal representation by returning Ledger.entries [com.acme.payments.Ledger] At Ledger.java:[line 41] EI_EXPOSE_REP
§[INFO]
§[INFO]
§[INFO] To see bug detail using the Spotbugs GUI, use the following command "mvn spotbugs:gui"
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  01:12 min
[INFO] Finished at: 2022-10-04T09:13:44Z
[INFO] ------------------------------------------------------------------------
[JENKINS] Archiving /var/lib/jenkins/workspace/payments/pom.xml to com.acme/payments/3.4.0-SNAPSHOT/payments-3.4.0-SNAPSHOT.pom
[ERROR] Failed to execute goal com.github.spotbugs:spotbugs-maven-plugin:4.7.3.0:check (spotbugs) on project payments: failed with 2 bugs and 0 errors -> [Help 1]
[ERROR]
[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
channel stopped""",
    ),
    "[ERROR] Medium: Possible null pointer dereference of refund in com.acme.payments.RefundService.apply(Payment)",
    "a Maven-project job: SpotBugs' check goal fails on two bugs after the tests passed",
)

case(
    "ao-ant-javac-freestyle-jenkins",
    "compile.error",
    "high",
    _freestyle(
        "acme/legacy-crm",
        "legacy-crm",
        """[legacy-crm] $ /opt/ant/bin/ant -file build.xml -Dbuild.number=812 clean dist
Buildfile: /var/lib/jenkins/workspace/legacy-crm/build.xml

clean:
   [delete] Deleting directory /var/lib/jenkins/workspace/legacy-crm/build

init:
    [mkdir] Created dir: /var/lib/jenkins/workspace/legacy-crm/build/classes

compile:
    [javac] Compiling 212 source files to /var/lib/jenkins/workspace/legacy-crm/build/classes
    [javac] warning: [options] bootstrap class path not set in conjunction with -source 8
§    [javac] /var/lib/jenkins/workspace/legacy-crm/src/com/acme/crm/CustomerDao.java:57: error: cannot find symbol
§    [javac]         return jdbc.queryForList(sql, CustomerRowMapper.INSTANCE);
§    [javac]                                       ^
§    [javac]   symbol:   variable CustomerRowMapper
§    [javac]   location: class CustomerDao
§    [javac] /var/lib/jenkins/workspace/legacy-crm/src/com/acme/crm/web/CustomerServlet.java:33: error: incompatible types: Optional<Customer> cannot be converted to Customer
§    [javac]         Customer c = dao.find(id);
§    [javac]                              ^
§    [javac] Note: Some input files use or override a deprecated API.
§    [javac] Note: Recompile with -Xlint:deprecation for details.
§    [javac] 2 errors
§    [javac] 1 warning

BUILD FAILED
/var/lib/jenkins/workspace/legacy-crm/build.xml:44: Compile failed; see the compiler error output for details.

Total time: 6 seconds
Build step 'Invoke Ant' marked build as failure""",
    ),
    "[javac] /var/lib/jenkins/workspace/legacy-crm/src/com/acme/crm/CustomerDao.java:57: error: cannot find symbol",
    "an Invoke Ant build step: javac's errors, then Ant's BUILD FAILED",
)

case(
    "ao-gradle-502-nexus-jenkins",
    "network",
    "high",
    jenkins(
        "acme/catalog-svc",
        "catalog-svc/main",
        [
            Step(
                "./gradlew --no-daemon build",
                gradle_head()
                + """
> Task :compileJava FAILED

§FAILURE: Build failed with an exception.
§
§* What went wrong:
§Execution failed for task ':compileJava'.
§> Could not resolve all files for configuration ':compileClasspath'.
§   > Could not resolve com.acme.platform:events-api:4.2.0.
§     Required by:
§         project :
§      > Could not resolve com.acme.platform:events-api:4.2.0.
§         > Could not get resource 'https://nexus.acme.internal/repository/maven-public/com/acme/platform/events-api/4.2.0/events-api-4.2.0.pom'.
§            > Could not GET 'https://nexus.acme.internal/repository/maven-public/com/acme/platform/events-api/4.2.0/events-api-4.2.0.pom'. Received status code 502 from server: Bad Gateway

* Try:
> Run with --stacktrace option to get the stack trace.
> Run with --info or --debug option to get more log output.
> Run with --scan to get full insights.

BUILD FAILED in 38s
1 actionable task: 1 executed""",
                code=1,
                name="Build",
            ),
            Step("./gradlew publish", name="Publish"),
        ],
    ),
    "Received status code 502 from server: Bad Gateway",
    "the repository manager answered 502: the artifact exists, the proxy was down",
)

case(
    "ao-maven-tests-named-timeouts-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/http-client",
        "http-client/PR-203",
        [
            Step(
                "mvn -B -ntp verify",
                maven_head("http-client", "5.0.0-SNAPSHOT")
                + """
[INFO] --- surefire:3.2.5:test (default-test) @ http-client ---
[INFO] Using auto detected provider org.apache.maven.surefire.junitplatform.JUnitPlatformProvider
[INFO]
[INFO] -------------------------------------------------------
[INFO]  T E S T S
[INFO] -------------------------------------------------------
[INFO] Running com.acme.http.ConnectTimeoutTest
[INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 2.114 s -- in com.acme.http.ConnectTimeoutTest
[INFO] Running com.acme.http.RetryOnConnectionRefusedTest
[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.904 s -- in com.acme.http.RetryOnConnectionRefusedTest
[INFO] Running com.acme.http.HeadersTest
§[ERROR] Tests run: 9, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.051 s <<< FAILURE! -- in com.acme.http.HeadersTest
§[ERROR] com.acme.http.HeadersTest.foldsDuplicateHeaders -- Time elapsed: 0.008 s <<< FAILURE!
§org.opentest4j.AssertionFailedError: expected: <a, b> but was: <a,b>
§	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
§	at org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:1145)
§	at com.acme.http.HeadersTest.foldsDuplicateHeaders(HeadersTest.java:77)
§
[INFO] Running com.acme.http.TlsHandshakeTest
[INFO] Tests run: 6, Failures: 0, Errors: 0, Skipped: 1, Time elapsed: 1.228 s -- in com.acme.http.TlsHandshakeTest
[INFO]
[INFO] Results:
[INFO]
[ERROR] Failures:
[ERROR]   HeadersTest.foldsDuplicateHeaders:77 expected: <a, b> but was: <a,b>
[INFO]
[ERROR] Tests run: 22, Failures: 1, Errors: 0, Skipped: 1
[INFO]
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project http-client: There are test failures.""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "org.opentest4j.AssertionFailedError: expected: <a, b> but was: <a,b>",
    "the passing test classes are named for connect timeouts and refused connections; one assertion fails",
)

case(
    "ao-maven-retry-then-checkstyle-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/orders-api",
        "orders-api/main",
        [
            Step(
                "mvn -B checkstyle:check",
                """[INFO] Scanning for projects...
[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/apache/maven/plugins/maven-checkstyle-plugin/3.1.2/maven-checkstyle-plugin-3.1.2.pom
[INFO] I/O exception (java.net.SocketException) caught when processing request to {s}->https://repo.maven.apache.org:443: Connection reset
[INFO] Retrying request to {s}->https://repo.maven.apache.org:443
[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/apache/maven/plugins/maven-checkstyle-plugin/3.1.2/maven-checkstyle-plugin-3.1.2.pom (14 kB at 41 kB/s)
[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/com/puppycrawl/tools/checkstyle/8.29/checkstyle-8.29.jar (1.3 MB at 6.2 MB/s)
[INFO]
[INFO] -----------------------< com.acme:orders-api >------------------------
[INFO] Building orders-api 1.9.0-SNAPSHOT
[INFO] --------------------------------[ jar ]---------------------------------
[INFO]
[INFO] --- maven-checkstyle-plugin:3.1.2:check (default-cli) @ orders-api ---
[INFO] There are 2 errors reported by Checkstyle 8.29 with google_checks.xml ruleset.
§[ERROR] src/main/java/com/acme/orders/OrderController.java:[14,8] (imports) UnusedImports: Unused import - java.util.Optional.
§[ERROR] src/main/java/com/acme/orders/OrderController.java:[62,101] (sizes) LineLength: Line is longer than 100 characters (found 117).
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  9.410 s
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-checkstyle-plugin:3.1.2:check (default-cli) on project orders-api: You have 2 Checkstyle violations. -> [Help 1]""",
                code=1,
                name="Lint",
            ),
        ],
    ),
    "[ERROR] src/main/java/com/acme/orders/OrderController.java:[14,8] (imports) UnusedImports: Unused import - java.util.Optional.",
    "the HTTP client's retry after a connection reset recovered (the pom downloaded); Checkstyle's violations fail it",
)


def _timed_out_pipeline() -> Log:
    log = jenkins(
        "acme/search-index",
        "search-index/main",
        [Step("./gradlew --no-daemon integrationTest", name="Integration tests")],
    )
    # The timeout step's own end: Jenkins aborts the step, prints why and finishes ABORTED, not FAILURE.
    body = (
        gradle_head()
        + """
> Task :compileTestJava
> Task :integrationTest

IndexRebuildIT > rebuildsFromSnapshot() PASSED

IndexRebuildIT > rebuildsUnderLoad() STARTED
§Cancelling nested steps due to timeout
§Sending interrupt signal to process
§
§> Task :integrationTest FAILED
§Terminated"""
    )
    at = log.lines.index("+ ./gradlew --no-daemon integrationTest") + 1
    tail = Log()
    tail.add(body)
    log.span = [at + n for n in tail.span]
    log.lines[at:at] = tail.lines
    end = log.lines.index("[Pipeline] End of Pipeline")
    log.lines[end + 1 :] = ["Timeout has been exceeded", "Finished: ABORTED"]
    return log


case(
    "ao-pipeline-timeout-step-jenkins",
    "timeout",
    "high",
    _timed_out_pipeline(),
    "Cancelling nested steps due to timeout",
    "the Pipeline's timeout(time: 45, unit: 'MINUTES') ended a hanging integration test; the build is ABORTED",
)

case(
    "ao-maven-dependency-convergence-jenkins",
    "dependency.resolution",
    "high",
    jenkins(
        "acme/data-sync",
        "data-sync/PR-88",
        [
            Step(
                "mvn -B -ntp validate",
                """[INFO] Scanning for projects...
[INFO]
[INFO] ------------------------< com.acme:data-sync >-------------------------
[INFO] Building data-sync 2.3.0-SNAPSHOT
[INFO] --------------------------------[ jar ]---------------------------------
[INFO]
[INFO] --- maven-enforcer-plugin:3.1.0:enforce (enforce) @ data-sync ---
§[WARNING]
§Dependency convergence error for com.fasterxml.jackson.core:jackson-databind:jar:2.13.4 paths to dependency are:
§+-com.acme:data-sync:jar:2.3.0-SNAPSHOT
§  +-com.acme:events-client:jar:1.8.0:compile
§    +-com.fasterxml.jackson.core:jackson-databind:jar:2.13.4:compile
§and
§+-com.acme:data-sync:jar:2.3.0-SNAPSHOT
§  +-io.confluent:kafka-avro-serializer:jar:7.2.1:compile
§    +-com.fasterxml.jackson.core:jackson-databind:jar:2.12.6.1:compile
§
§[WARNING] Rule 0: org.apache.maven.plugins.enforcer.DependencyConvergence failed with message:
§Failed while enforcing releasability. See above detailed error message.
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  3.127 s
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin:3.1.0:enforce (enforce) on project data-sync: Some Enforcer rules have failed. Look above for specific messages explaining why the rule failed. -> [Help 1]""",
                code=1,
                name="Validate",
            ),
        ],
    ),
    "Dependency convergence error for com.fasterxml.jackson.core:jackson-databind:jar:2.13.4 paths to dependency are:",
    "two paths bring two versions of jackson-databind: a version conflict the enforcer refuses",
)

_GIT_AUTH = """Started by timer
Running as SYSTEM
Building on build-agent-05 (linux) in workspace /var/lib/jenkins/workspace/nightly-reports
The recommended git tool is: NONE
using credential deploy-bot
Cloning the remote Git repository
Cloning repository https://github.com/acme/nightly-reports.git
 > git init /var/lib/jenkins/workspace/nightly-reports # timeout=10
Fetching upstream changes from https://github.com/acme/nightly-reports.git
 > git --version # timeout=10
 > git --version # 'git version 2.30.2'
using GIT_ASKPASS to set credentials deploy-bot
 > git fetch --tags --force --progress -- https://github.com/acme/nightly-reports.git +refs/heads/*:refs/remotes/origin/* # timeout=10
§ERROR: Error cloning remote repo 'origin'
§hudson.plugins.git.GitException: Command "git fetch --tags --force --progress -- https://github.com/acme/nightly-reports.git +refs/heads/*:refs/remotes/origin/*" returned status code 128:
§stdout:
§stderr: remote: Invalid username or password.
§fatal: Authentication failed for 'https://github.com/acme/nightly-reports.git/'

	at org.jenkinsci.plugins.gitclient.CliGitAPIImpl.launchCommandIn(CliGitAPIImpl.java:2734)
	at org.jenkinsci.plugins.gitclient.CliGitAPIImpl.launchCommandWithCredentials(CliGitAPIImpl.java:2111)
	at org.jenkinsci.plugins.gitclient.CliGitAPIImpl$1.execute(CliGitAPIImpl.java:623)
	at org.jenkinsci.plugins.gitclient.CliGitAPIImpl$2.execute(CliGitAPIImpl.java:852)
	at hudson.plugins.git.GitSCM.retrieveChanges(GitSCM.java:1222)
	at hudson.plugins.git.GitSCM.checkout(GitSCM.java:1302)
	at hudson.scm.SCM.checkout(SCM.java:540)
	at hudson.model.AbstractProject.checkout(AbstractProject.java:1215)
	at java.base/java.lang.Thread.run(Thread.java:829)
ERROR: Error cloning remote repo 'origin'
Sending e-mails to: reports@acme.example
Finished: FAILURE"""


def _git_auth() -> Log:
    log = Log()
    log.add(_GIT_AUTH)
    return log


case(
    "ao-git-auth-freestyle-jenkins",
    "credentials",
    "high",
    _git_auth(),
    "fatal: Authentication failed for 'https://github.com/acme/nightly-reports.git/'",
    "the job's stored credential (an expired token) is refused at checkout; nothing was built",
)

case(
    "ao-maven-source-option-jenkins",
    "runtime.version",
    "high",
    jenkins(
        "acme/old-soap-gateway",
        "old-soap-gateway/main",
        [
            Step(
                "mvn -B clean package",
                """[INFO] Scanning for projects...
[INFO]
[INFO] ------------------< com.acme:old-soap-gateway >------------------
[INFO] Building old-soap-gateway 1.12.3-SNAPSHOT
[INFO] --------------------------------[ war ]---------------------------------
[INFO]
[INFO] --- maven-resources-plugin:2.6:resources (default-resources) @ old-soap-gateway ---
[INFO] Copying 14 resources
[INFO]
[INFO] --- maven-compiler-plugin:3.1:compile (default-compile) @ old-soap-gateway ---
[INFO] Changes detected - recompiling the module!
[INFO] Compiling 96 source files to /var/lib/jenkins/workspace/old-soap-gateway/target/classes
[INFO] -------------------------------------------------------------
§[ERROR] COMPILATION ERROR :
§[INFO] -------------------------------------------------------------
§[ERROR] Source option 6 is no longer supported. Use 7 or later.
§[ERROR] Target option 6 is no longer supported. Use 7 or later.
[INFO] 2 errors
[INFO] -------------------------------------------------------------
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.1:compile (default-compile) on project old-soap-gateway: Compilation failure: Compilation failure:
[ERROR] Source option 6 is no longer supported. Use 7 or later.
[ERROR] Target option 6 is no longer supported. Use 7 or later.""",
                code=1,
                name="Build",
            ),
        ],
    ),
    "[ERROR] Source option 6 is no longer supported. Use 7 or later.",
    "the agent's JDK 11 no longer compiles for Java 6: the toolchain is too new for the pom's source level",
)

# ---------------------------------------------------------------- GitHub Actions

case(
    "ao-pip-retry-then-mypy-gha",
    "lint.error",
    "high",
    gha(
        "acme/geo-py",
        "typecheck",
        [
            setup_python("3.11"),
            Step(
                "pip install -e '.[typing]'",
                """Obtaining file:///home/runner/work/geo-py/geo-py
  Installing build dependencies: started
  Installing build dependencies: finished with status 'done'
WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError("HTTPSConnectionPool(host='pypi.org', port=443): Read timed out. (read timeout=15)")': /simple/shapely/
Collecting shapely>=2.0
  Downloading shapely-2.0.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (2.5 MB)
Collecting mypy==1.10.0
  Downloading mypy-1.10.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (12.6 MB)
Successfully installed geo-py-0.7.0 mypy-1.10.0 mypy-extensions-1.0.0 numpy-1.26.4 shapely-2.0.4 typing-extensions-4.11.0""",
            ),
            Step(
                "mypy src",
                """§src/geo/index.py:41: error: Argument 1 to "query" of "STRtree" has incompatible type "list[Point]"; expected "Geometry"  [arg-type]
§src/geo/index.py:58: error: Item "None" of "Polygon | None" has no attribute "area"  [union-attr]
§Found 2 errors in 1 file (checked 14 source files)""",
                code=1,
            ),
        ],
        actions=("actions/setup-python@v5",),
    ),
    'src/geo/index.py:41: error: Argument 1 to "query" of "STRtree" has incompatible type "list[Point]"; expected "Geometry"  [arg-type]',
    "pip's read-timeout retry recovered (everything installed); mypy's findings fail the job",
)

case(
    "ao-cc1plus-killed-gha",
    "resource.exhausted",
    "high",
    gha(
        "acme/mesh-solver",
        "build",
        [
            Step(
                "sudo apt-get install -y libeigen3-dev libboost-dev",
                "Reading package lists...\nSetting up libeigen3-dev (3.4.0-2ubuntu2) ...",
            ),
            Step(
                "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j 8",
                """-- The CXX compiler identification is GNU 11.4.0
-- Found Eigen3: /usr/include/eigen3 (Required is at least version "3.3")
-- Configuring done (1.2s)
-- Generating done (0.0s)
-- Build files have been written to: /home/runner/work/mesh-solver/mesh-solver/build
[  8%] Building CXX object CMakeFiles/solver.dir/src/assemble.cpp.o
[ 16%] Building CXX object CMakeFiles/solver.dir/src/sparse.cpp.o
[ 25%] Building CXX object CMakeFiles/solver.dir/src/kernels/tet10.cpp.o
In file included from /usr/include/eigen3/Eigen/Core:164,
                 from /home/runner/work/mesh-solver/mesh-solver/src/kernels/tet10.cpp:3:
/usr/include/eigen3/Eigen/src/Core/util/Meta.h:320:23: warning: 'struct std::unary_function<long int, bool>' is deprecated [-Wdeprecated-declarations]
§c++: fatal error: Killed signal terminated program cc1plus
§compilation terminated.
§gmake[2]: *** [CMakeFiles/solver.dir/build.make:104: CMakeFiles/solver.dir/src/kernels/tet10.cpp.o] Error 1
gmake[2]: *** Waiting for unfinished jobs....
[ 33%] Building CXX object CMakeFiles/solver.dir/src/io.cpp.o
gmake[1]: *** [CMakeFiles/Makefile2:111: CMakeFiles/solver.dir/all] Error 2
gmake: *** [Makefile:136: all] Error 2""",
                code=2,
            ),
        ],
    ),
    "c++: fatal error: Killed signal terminated program cc1plus",
    "eight template-heavy compilers at once: the OOM killer ends cc1plus; the Eigen warning above is noise",
)

case(
    "ao-docker-login-no-secret-gha",
    "credentials",
    "high",
    gha(
        "acme/edge-proxy",
        "publish",
        [
            Step(
                "",
                uses="docker/setup-buildx-action@v3",
                out="Docker info\nBuildx version\ngithub.com/docker/buildx v0.14.0\nCreating a new builder instance\nBooting builder",
            ),
            Step(
                "",
                uses="docker/login-action@v3",
                with_={"registry": "ghcr.io", "username": "", "password": "", "ecr": "auto", "logout": "true"},
                out="",
                code=1,
                error="§##[error]Username and password required",
            ),
        ],
        actions=("docker/setup-buildx-action@v3", "docker/login-action@v3"),
    ),
    "##[error]Username and password required",
    "a fork's pull request gets no secrets: the login action's inputs are empty",
)

case(
    "ao-setup-python-36-gha",
    "runtime.version",
    "high",
    gha(
        "acme/legacy-etl",
        "test (3.6)",
        [
            Step(
                "",
                uses="actions/setup-python@v5",
                with_={"python-version": "3.6", "check-latest": "false", "update-environment": "true"},
                out="""Installed versions
§Version 3.6 was not found in the local cache""",
                code=1,
                error="§##[error]The version '3.6' with architecture 'x64' was not found for Ubuntu 22.04.\n"
                "§The list of all available versions can be found here: "
                "https://raw.githubusercontent.com/actions/python-versions/main/versions-manifest.json",
            ),
        ],
        actions=("actions/setup-python@v5",),
    ),
    "##[error]The version '3.6' with architecture 'x64' was not found for Ubuntu 22.04.",
    "ubuntu-latest moved to 22.04, which has no Python 3.6 build",
)

case(
    "ao-playwright-no-browsers-gha",
    "command.not.found",
    "medium",
    gha(
        "acme/portal-web",
        "e2e",
        [
            setup_node("20"),
            Step(
                "npm ci",
                """npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory. Do not use it.
npm warn deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported

added 702 packages, and audited 703 packages in 14s
found 0 vulnerabilities""",
            ),
            Step(
                "npx playwright test --project=chromium",
                """
Running 12 tests using 2 workers

  ✘  1 [chromium] › tests/login.spec.ts:5:5 › logs in with valid credentials (12ms)
  ✘  2 [chromium] › tests/login.spec.ts:14:5 › rejects a bad password (9ms)

§  1) [chromium] › tests/login.spec.ts:5:5 › logs in with valid credentials ───────────────────────────
§
§    Error: browserType.launch: Executable doesn't exist at /home/runner/.cache/ms-playwright/chromium-1117/chrome-linux/chrome
§    ╔═════════════════════════════════════════════════════════════════════════╗
§    ║ Looks like Playwright Test or Playwright was just installed or updated. ║
§    ║ Please run the following command to download new browsers:              ║
§    ║                                                                         ║
§    ║     npx playwright install                                              ║
§    ║                                                                         ║
§    ║ <3 Playwright Team                                                      ║
§    ╚═════════════════════════════════════════════════════════════════════════╝

  2) [chromium] › tests/login.spec.ts:14:5 › rejects a bad password ────────────────────────────────

    Error: browserType.launch: Executable doesn't exist at /home/runner/.cache/ms-playwright/chromium-1117/chrome-linux/chrome

  12 failed
    [chromium] › tests/login.spec.ts:5:5 › logs in with valid credentials
    [chromium] › tests/login.spec.ts:14:5 › rejects a bad password""",
                code=1,
            ),
        ],
        actions=("actions/setup-node@v4",),
    ),
    "Error: browserType.launch: Executable doesn't exist at /home/runner/.cache/ms-playwright/chromium-1117/chrome-linux/chrome",
    "no `npx playwright install` step: every test fails to launch the browser it needs",
)
