"""Authored cases, batch n: excerpt edges in the block shapes of Travis-era and other ecosystems' test
runners, compilers and linters (prove's ``Test Summary Report``, googletest's ``[ RUN ]`` ...
``[  FAILED  ]`` list, lein test, PHPUnit's ``There was 1 failure:``, sbt's ``[error]`` block, GHC's
code frame, nose, rebar3, CTest, xcodebuild, R CMD check, tox and dart test). Each is labelled whole
(the block's header, the failure, the verdict that names it) before triage ran on them (first run:
see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import bundle_install, cmake_configure, composer_install, pip_install, setup_python
from benchmarks.authored.shapes import MARK, Step, gha, jenkins, travis

M = MARK

# ---------------------------------------------------------------- Perl: prove's report

case(
    "n-perl-prove-summary-travis",
    "test.failure",
    "high",
    travis(
        "acme/Text-Tabulate",
        "perl",
        [
            Step("cpanm --quiet --installdeps --notest .", "--> Working on .\nConfiguring Text-Tabulate-0.12 ... OK"),
            Step(
                "prove -lr t",
                f"""t/00-load.t ........ ok
t/01-basic.t ....... 1/7
{M}#   Failed test 'pads short columns'
{M}#   at t/01-basic.t line 31.
{M}#          got: 'ab |c'
{M}#     expected: 'ab | c'
{M}# Looks like you failed 1 test of 7.
{M}t/01-basic.t ....... Dubious, test returned 1 (wstat 256, 0x100)
{M}Failed 1/7 subtests
{M}t/02-unicode.t ..... ok
{M}t/03-width.t ....... ok
{M}
{M}Test Summary Report
{M}-------------------
{M}t/01-basic.t     (Wstat: 256 (exited 1) Tests: 7 Failed: 1)
{M}  Failed test:  5
{M}  Non-zero exit status: 1
{M}Files=4, Tests=31,  1 wallclock secs ( 0.03 usr  0.01 sys +  0.31 cusr  0.04 csys =  0.39 CPU)
{M}Result: FAIL""",
                code=1,
            ),
        ],
        cache="/home/travis/perl5",
    ),
    "Failed test 'pads short columns'",
)

# ---------------------------------------------------------------- C++: googletest

case(
    "n-cpp-gtest-failed-list-travis",
    "test.failure",
    "high",
    travis(
        "acme/geomkit",
        "cpp",
        [
            Step("cmake -S . -B build -DCMAKE_BUILD_TYPE=Release", cmake_configure("geomkit")),
            Step(
                "cmake --build build -j2",
                "[ 50%] Building CXX object CMakeFiles/geom.dir/src/hull.cc.o\n"
                "[100%] Linking CXX executable geom_tests\n[100%] Built target geom_tests",
            ),
            Step(
                "./build/geom_tests",
                f"""[==========] Running 12 tests from 3 test suites.
[----------] Global test environment set-up.
[----------] 5 tests from Hull
[ RUN      ] Hull.Empty
[       OK ] Hull.Empty (0 ms)
[ RUN      ] Hull.Square
[       OK ] Hull.Square (0 ms)
{M}[ RUN      ] Hull.Collinear
{M}/home/travis/build/acme/geomkit/tests/hull_test.cc:48: Failure
{M}Expected equality of these values:
{M}  hull.size()
{M}    Which is: 3
{M}  2u
{M}    Which is: 2
{M}[  FAILED  ] Hull.Collinear (0 ms)
[ RUN      ] Hull.Triangle
[       OK ] Hull.Triangle (0 ms)
[ RUN      ] Hull.Random
[       OK ] Hull.Random (3 ms)
[----------] 5 tests from Hull (3 ms total)

[----------] 4 tests from Area
[ RUN      ] Area.Unit
[       OK ] Area.Unit (0 ms)
[ RUN      ] Area.Negative
[       OK ] Area.Negative (0 ms)
[ RUN      ] Area.Big
[       OK ] Area.Big (0 ms)
[ RUN      ] Area.Zero
[       OK ] Area.Zero (0 ms)
[----------] 4 tests from Area (0 ms total)

[----------] Global test environment tear-down
[==========] 12 tests from 3 test suites ran. (4 ms total)
[  PASSED  ] 11 tests.
[  FAILED  ] 1 test, listed below:
[  FAILED  ] Hull.Collinear

 1 FAILED TEST""",
                code=1,
            ),
        ],
        cache="/home/travis/.ccache",
    ),
    "[  FAILED  ] Hull.Collinear",
    "labelled: the failing case from its [ RUN ] line to its [ FAILED ] line; the list below repeats its name",
)

# ---------------------------------------------------------------- Clojure: lein test

case(
    "n-clojure-lein-test-travis",
    "test.failure",
    "high",
    travis(
        "acme/tally",
        "clojure",
        [
            Step("lein deps", "Retrieving org/clojure/clojure/1.11.1/clojure-1.11.1.pom from central"),
            Step(
                "lein test",
                f"""
lein test tally.core-test

lein test tally.parse-test

{M}FAIL in (parse-duration-test) (parse_test.clj:14)
{M}parses minutes
{M}expected: (= 90 (parse-duration "1h30m"))
{M}  actual: (not (= 90 5400))
{M}
{M}Ran 9 tests containing 21 assertions.
{M}1 failures, 0 errors.
Tests failed.""",
                code=1,
            ),
        ],
        cache="/home/travis/.m2",
    ),
    "FAIL in (parse-duration-test) (parse_test.clj:14)",
)

# ---------------------------------------------------------------- PHP: PHPUnit

case(
    "n-php-phpunit-two-failures-travis",
    "test.failure",
    "high",
    travis(
        "acme/slugger",
        "php",
        [
            Step("composer install --no-interaction", composer_install()),
            Step(
                "vendor/bin/phpunit",
                f"""PHPUnit 9.6.19 by Sebastian Bergmann and contributors.

Runtime:       PHP 8.1.27
Configuration: /home/travis/build/acme/slugger/phpunit.xml

..........F.....F..                                               19 / 19 (100%)

Time: 00:00.081, Memory: 8.00 MB

{M}There were 2 failures:
{M}
{M}1) Acme\\Slugger\\Tests\\SluggerTest::testTransliteratesUmlauts
{M}Failed asserting that two strings are identical.
{M}--- Expected
{M}+++ Actual
{M}@@ @@
{M}-'ueber-alles'
{M}+'uber-alles'
{M}
{M}/home/travis/build/acme/slugger/tests/SluggerTest.php:42
{M}
{M}2) Acme\\Slugger\\Tests\\SluggerTest::testKeepsDigits
{M}Failed asserting that 'route-' is identical to 'route-66'.
{M}
{M}/home/travis/build/acme/slugger/tests/SluggerTest.php:57
{M}
{M}FAILURES!
{M}Tests: 19, Assertions: 31, Failures: 2.""",
                code=1,
            ),
        ],
        cache="/home/travis/.composer/cache",
    ),
    "1) Acme\\Slugger\\Tests\\SluggerTest::testTransliteratesUmlauts",
)

# ---------------------------------------------------------------- Scala: sbt compile

case(
    "n-scala-sbt-type-mismatch-travis",
    "compile.error",
    "high",
    travis(
        "acme/ledgerly",
        "scala",
        [
            Step(
                "sbt ++2.13.12 test",
                f"""[info] welcome to sbt 1.9.9 (Eclipse Adoptium Java 17.0.10)
[info] loading settings for project ledgerly-build from plugins.sbt ...
[info] loading project definition from /home/travis/build/acme/ledgerly/project
[info] loading settings for project root from build.sbt ...
[info] set current project to ledgerly (in build file:/home/travis/build/acme/ledgerly/)
[info] Setting Scala version to 2.13.12 on 1 projects.
[info] compiling 14 Scala sources to /home/travis/build/acme/ledgerly/target/scala-2.13/classes ...
{M}[error] /home/travis/build/acme/ledgerly/src/main/scala/ledgerly/Posting.scala:27:24: type mismatch;
{M}[error]  found   : String
{M}[error]  required: BigDecimal
{M}[error]     Posting(account, amount.trim)
{M}[error]                        ^
{M}[error] one error found
{M}[error] (Compile / compileIncremental) Compilation failed
[error] Total time: 21 s, completed May 2, 2024, 2:11:05 PM""",
                code=1,
            ),
        ],
        cache="/home/travis/.ivy2/cache",
    ),
    "type mismatch;",
)

# ---------------------------------------------------------------- Haskell: GHC code frame

case(
    "n-haskell-ghc-frame-travis",
    "compile.error",
    "high",
    travis(
        "acme/jsonpath-hs",
        "haskell",
        [
            Step(
                "stack --no-terminal build --test",
                f"""jsonpath-hs> configure (lib + test)
Configuring jsonpath-hs-0.3.0...
jsonpath-hs> build (lib + test)
Preprocessing library for jsonpath-hs-0.3.0..
Building library for jsonpath-hs-0.3.0..
[1 of 4] Compiling JsonPath.Types
[2 of 4] Compiling JsonPath.Parser
{M}
{M}/home/travis/build/acme/jsonpath-hs/src/JsonPath/Parser.hs:58:19: error:
{M}    • Couldn't match expected type ‘Text’ with actual type ‘String’
{M}    • In the first argument of ‘segment’, namely ‘name’
{M}      In the expression: segment name
{M}      In an equation for ‘key’: key = segment name
{M}   |
{M}58 |   key = segment name
{M}   |                 ^^^^
{M}

--  While building package jsonpath-hs-0.3.0 (scroll up to its section to see the error) using:
      /home/travis/.stack/setup-exe-cache/x86_64-linux/Cabal-simple_mPHDZzAJ_3.6.3.0_ghc-9.2.8 --builddir=.stack-work/dist/x86_64-linux/ghc-9.2.8 build lib:jsonpath-hs test:spec --ghc-options ""
    Process exited with code: ExitFailure 1""",
                code=1,
            ),
        ],
        cache="/home/travis/.stack",
    ),
    "Couldn't match expected type ‘Text’ with actual type ‘String’",
)

# ---------------------------------------------------------------- Python: nose on Travis

case(
    "n-py-nose-error-travis",
    "test.failure",
    "high",
    travis(
        "acme/feedparse",
        "python",
        [
            Step("pip install -r requirements.txt", pip_install([("feedparser", "6.0.11"), ("nose", "1.3.7")])),
            Step(
                "nosetests -v",
                f"""test_atom_title (tests.test_atom.AtomTest) ... ok
test_atom_updated (tests.test_atom.AtomTest) ... ok
test_rss_enclosure (tests.test_rss.RssTest) ... ERROR
test_rss_title (tests.test_rss.RssTest) ... ok

{M}======================================================================
{M}ERROR: test_rss_enclosure (tests.test_rss.RssTest)
{M}----------------------------------------------------------------------
{M}Traceback (most recent call last):
{M}  File "/home/travis/build/acme/feedparse/tests/test_rss.py", line 22, in test_rss_enclosure
{M}    self.assertEqual(item.enclosures[0].length, 1024)
{M}IndexError: list index out of range
{M}
{M}----------------------------------------------------------------------
{M}Ran 4 tests in 0.018s
{M}
{M}FAILED (errors=1)""",
                code=1,
            ),
        ],
    ),
    "IndexError: list index out of range",
)

# ---------------------------------------------------------------- Erlang: rebar3 eunit

case(
    "n-erlang-rebar3-eunit-travis",
    "test.failure",
    "high",
    travis(
        "acme/ringq",
        "erlang",
        [
            Step(
                "rebar3 eunit",
                f"""===> Verifying dependencies...
===> Analyzing applications...
===> Compiling ringq
===> Performing EUnit tests...
..F...
{M}Failures:
{M}
{M}  1) ringq_tests:wraps_test/0
{M}     Failure/Error: ?assertEqual([3,4],ringq:to_list(Q))
{M}       expected: [3,4]
{M}            got: [4]
{M}     %% /home/travis/build/acme/ringq/test/ringq_tests.erl:31:in `ringq_tests:-wraps_test/0-fun-0-/0`
{M}
{M}Finished in 0.042 seconds
{M}6 tests, 1 failures
{M}===> Error running tests""",
                code=1,
            ),
        ],
        cache="/home/travis/.cache/rebar3",
    ),
    "Failure/Error: ?assertEqual([3,4],ringq:to_list(Q))",
)

# ---------------------------------------------------------------- CTest: a failing test's output

case(
    "n-ctest-output-on-failure-gha",
    "test.failure",
    "high",
    gha(
        "acme/rasterlib",
        "build (ubuntu)",
        [
            Step("cmake -B build && cmake --build build", cmake_configure("rasterlib")),
            Step(
                "ctest --test-dir build --output-on-failure",
                f"""Internal ctest changing into directory: /home/runner/work/rasterlib/rasterlib/build
Test project /home/runner/work/rasterlib/rasterlib/build
    Start 1: test_pixel
1/4 Test #1: test_pixel .......................   Passed    0.01 sec
    Start 2: test_blend
{M}2/4 Test #2: test_blend .......................***Failed    0.02 sec
{M}blend(0x80ff0000, 0x8000ff00) = 0xff7f8000
{M}expected                       0xff807f00
{M}test_blend.c:37: assertion failed: out == want
{M}    Start 3: test_scale
{M}3/4 Test #3: test_scale .......................   Passed    0.03 sec
{M}    Start 4: test_rotate
{M}4/4 Test #4: test_rotate ......................   Passed    0.02 sec
{M}
{M}75% tests passed, 1 tests failed out of 4
{M}
{M}Total Test time (real) =   0.09 sec
{M}
{M}The following tests FAILED:
{M}	  2 - test_blend (Failed)
Errors while running CTest""",
                code=8,
            ),
        ],
    ),
    "2/4 Test #2: test_blend ***Failed",
)

# ---------------------------------------------------------------- Swift: xcodebuild test on Travis

case(
    "n-swift-xctest-xcodebuild-travis",
    "test.failure",
    "high",
    travis(
        "acme/Tinter",
        "objective-c",
        [
            Step(
                "xcodebuild test -scheme Tinter -destination 'platform=iOS Simulator,name=iPhone 11' | xcpretty",
                f"""▸ Compiling Tinter.swift
▸ Compiling Palette.swift
▸ Linking Tinter
▸ Building Tinter/TinterTests [Debug]
▸ Running script 'SwiftLint'
All tests
Test Suite TinterTests.xctest started
PaletteTests
    ✓ testComplement (0.002 seconds)
{M}    ✗ testDarken, XCTAssertEqual failed: ("#7F0000") is not equal to ("#800000")
{M}    ✓ testLighten (0.001 seconds)
{M}
{M}
{M}TinterTests.PaletteTests
{M}  testDarken, XCTAssertEqual failed: ("#7F0000") is not equal to ("#800000")
{M}  /Users/travis/build/acme/Tinter/TinterTests/PaletteTests.swift:24
{M}  ```
{M}          let dark = Palette.darken(.red, by: 0.5)
{M}          XCTAssertEqual(dark.hex, "#800000")
{M}      }}
{M}  ```
{M}
{M}
{M}\t Executed 3 tests, with 1 failure (0 unexpected) in 0.006 (0.010) seconds""",
                code=65,
            ),
        ],
        cache="/Users/travis/Library/Caches",
    ),
    'testDarken, XCTAssertEqual failed: ("#7F0000") is not equal to ("#800000")',
)

# ---------------------------------------------------------------- R CMD check on Travis

case(
    "n-r-cmd-check-tests-travis",
    "test.failure",
    "high",
    travis(
        "acme/tidyclock",
        "r",
        [
            Step("R CMD build .", "* checking for file ‘./DESCRIPTION’ ... OK\n* building ‘tidyclock_0.2.0.tar.gz’"),
            Step(
                "R CMD check tidyclock_0.2.0.tar.gz --as-cran",
                f"""* using log directory ‘/home/travis/build/acme/tidyclock/tidyclock.Rcheck’
* using R version 4.3.2 (2023-10-31)
* checking for file ‘tidyclock/DESCRIPTION’ ... OK
* checking examples ... OK
* checking for unstated dependencies in ‘tests’ ... OK
{M}* checking tests ...
{M}  Running ‘testthat.R’
{M} ERROR
{M}Running the tests in ‘tests/testthat.R’ failed.
{M}Last 13 lines of output:
{M}  ══ Failed tests ════════════════════════════════════════════════════════════════
{M}  ── Failure ('test-round.R:9:3'): rounds to the quarter hour ────────────────────
{M}  round_time("10:08") (`actual`) not equal to "10:15" (`expected`).
{M}
{M}  `actual`:   "10:00"
{M}  `expected`: "10:15"
{M}
{M}  [ FAIL 1 | WARN 0 | SKIP 0 | PASS 23 ]
{M}  Error: Test failures
{M}  Execution halted
* checking PDF version of manual ... OK
* DONE

Status: 1 ERROR
See
  ‘/home/travis/build/acme/tidyclock/tidyclock.Rcheck/00check.log’
for details.""",
                code=1,
            ),
        ],
        cache="/home/travis/R/Library",
    ),
    "Failure ('test-round.R:9:3'): rounds to the quarter hour",
)

# ---------------------------------------------------------------- Ruby: RSpec with its rerun list

case(
    "n-ruby-rspec-failed-examples-travis",
    "test.failure",
    "high",
    travis(
        "acme/moneta-fmt",
        "ruby",
        [
            Step("bundle install --jobs=3 --retry=3", bundle_install()),
            Step(
                "bundle exec rspec",
                f"""
Randomized with seed 41872
..........F...........

{M}Failures:
{M}
{M}  1) Moneta::Format#call with a negative amount puts the sign before the symbol
{M}     Failure/Error: expect(format.call(-1250)).to eq("-$12.50")
{M}
{M}       expected: "-$12.50"
{M}            got: "$-12.50"
{M}
{M}       (compared using ==)
{M}     # ./spec/moneta/format_spec.rb:33:in `block (4 levels) in <top (required)>'
{M}
{M}Finished in 0.04121 seconds (files took 0.21 seconds to load)
{M}22 examples, 1 failure
{M}
{M}Failed examples:
{M}
{M}rspec ./spec/moneta/format_spec.rb:31 # Moneta::Format#call with a negative amount puts the sign before the symbol

Randomized with seed 41872""",
                code=1,
            ),
        ],
        cache="/home/travis/build/acme/moneta-fmt/vendor/bundle",
    ),
    'Failure/Error: expect(format.call(-1250)).to eq("-$12.50")',
)

# ---------------------------------------------------------------- Python: tox around pytest (Jenkins)

case(
    "n-py-tox-pytest-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/geocode",
        "geocode-ci",
        [
            Step("python3 -m pip install tox", "Successfully installed tox-4.14.2", name="Setup"),
            Step(
                "tox -e py311",
                f"""py311: install_deps> python -I -m pip install pytest requests-mock
py311: commands[0]> pytest -q tests
.....F..                                                                 [100%]
{M}=================================== FAILURES ===================================
{M}_____________________________ test_reverse_lookup ______________________________
{M}
{M}requests_mock = <requests_mock.mocker.Mocker object at 0x7f2b1c0d3e50>
{M}
{M}    def test_reverse_lookup(requests_mock):
{M}        requests_mock.get(URL, json={{"results": []}})
{M}>       assert reverse(52.52, 13.40) == "Berlin"
{M}E       AssertionError: assert None == 'Berlin'
{M}E        +  where None = reverse(52.52, 13.4)
{M}
{M}tests/test_reverse.py:18: AssertionError
{M}=========================== short test summary info ============================
{M}FAILED tests/test_reverse.py::test_reverse_lookup - AssertionError: assert None == 'Berlin'
{M}1 failed, 7 passed in 0.31s
py311: exit 1 (0.84 seconds) /var/lib/jenkins/workspace/geocode-ci> pytest -q tests pid=4121
  py311: FAIL code 1 (6.12=setup[5.28]+cmd[0.84] seconds)
  evaluation failed :( (6.20 seconds)""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "FAILED tests/test_reverse.py::test_reverse_lookup",
)

# ---------------------------------------------------------------- Dart: dart test on GitHub Actions

case(
    "n-dart-test-expected-gha",
    "test.failure",
    "high",
    gha(
        "acme/units_dart",
        "test",
        [
            Step("dart pub get", "Resolving dependencies...\nGot dependencies!"),
            Step(
                "dart test",
                f"""00:00 +0: loading test/units_test.dart
00:01 +4: test/units_test.dart: converts inches
{M}00:01 +4 -1: test/units_test.dart: converts feet [E]
{M}  Expected: <0.3048>
{M}    Actual: <0.305>
{M}
{M}  package:matcher                expect
{M}  test/units_test.dart 21:5      main.<fn>
{M}
00:01 +9 -1: Some tests failed.

Consider enabling the flag chain-stack-traces to receive more detailed exceptions.
For example, 'dart test --chain-stack-traces'.""",
                code=1,
            ),
        ],
    ),
    "converts feet [E]",
)

# ---------------------------------------------------------------- Python: flake8 on GitHub Actions

case(
    "n-py-flake8-list-gha",
    "lint.error",
    "high",
    gha(
        "acme/mdsplit",
        "lint (py)",
        [
            setup_python("3.12"),
            Step("pip install flake8", "Successfully installed flake8-7.0.0 mccabe-0.7.0 pycodestyle-2.11.1"),
            Step(
                "flake8 mdsplit tests",
                f"""{M}mdsplit/cli.py:14:1: F401 'sys' imported but unused
{M}mdsplit/cli.py:88:80: E501 line too long (97 > 79 characters)
{M}mdsplit/split.py:41:5: E722 do not use bare 'except'
{M}tests/test_split.py:7:1: E302 expected 2 blank lines, found 1""",
                code=1,
            ),
        ],
    ),
    "mdsplit/cli.py:14:1: F401 'sys' imported but unused",
)
