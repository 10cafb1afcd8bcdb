"""Authored cases, batch aa: failures a general mechanism must name when the rule that knows the tool is
taken out (benchmarks/ruleout.py, issue 8's "a tool no rule knows"): a test framework's own time limit
reported as the failing test's error (Mocha, JUnit 4 under Surefire, ExUnit; and a counter-case where one
test of three timed out), a runtime's crash report (the Erlang VM's boot failure and crash dump, CPython's
``Fatal Python error``, AddressSanitizer and UndefinedBehaviorSanitizer reports) and a build tool's
documented "nothing to run here" message (rake's ``No Rakefile found``, npm's ``Missing script``, Maven's
``there is no POM in this directory``, CMake's ``does not appear to contain CMakeLists.txt``). Each line's
shape is the tool's documented output; several CI shapes and ecosystems. Labelled before triage ran on
them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import setup_node, setup_python
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, jenkins, travis

# ---------------------------------------------------------------- a test framework's own time limit

case(
    "aa-mocha-own-timeout-gha",
    "timeout",
    "high",
    gha(
        "acme/queue-client",
        "test",
        [
            setup_node("20"),
            Step("npm ci", "added 402 packages, and audited 403 packages in 9s"),
            Step(
                "npx mocha 'test/**/*.spec.js'",
                f"""

  Queue
    ✔ connects with defaults
    ✔ publishes a message (41ms)
    1) drains on close


  2 passing (2s)
  1 failing

{MARK}  1) Queue
{MARK}       drains on close:
{MARK}     Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called; if returning a Promise, ensure it resolves. (/home/runner/work/queue-client/queue-client/test/queue.spec.js)
      at listOnTimeout (node:internal/timers:573:17)
      at process.processTimers (node:internal/timers:514:7)
""",
                code=1,
            ),
        ],
    ),
    "Error: Timeout of 2000ms exceeded.",
    "the only failing test failed on Mocha's own per-test time limit",
)

case(
    "aa-junit4-timed-out-jenkins",
    "timeout",
    "high",
    jenkins(
        "acme/ledger-core",
        "ledger-core-ci",
        [
            Step("mvn -B -q dependency:go-offline", ""),
            Step(
                "mvn -B test",
                f"""[INFO] -------------------------------------------------------
[INFO]  T E S T S
[INFO] -------------------------------------------------------
[INFO] Running com.acme.ledger.BalanceTest
[INFO] Tests run: 6, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.214 s - in com.acme.ledger.BalanceTest
[INFO] Running com.acme.ledger.SettlementTest
{MARK}[ERROR] Tests run: 3, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 2.031 s <<< FAILURE! - in com.acme.ledger.SettlementTest
{MARK}[ERROR] settlesBatch(com.acme.ledger.SettlementTest)  Time elapsed: 2.005 s  <<< ERROR!
{MARK}org.junit.runners.model.TestTimedOutException: test timed out after 2000 milliseconds
	at java.base/java.lang.Object.wait(Native Method)
	at com.acme.ledger.Settlement.awaitAck(Settlement.java:88)
	at com.acme.ledger.SettlementTest.settlesBatch(SettlementTest.java:41)

[INFO]
[INFO] Results:
[INFO]
[ERROR] Errors:
[ERROR]   SettlementTest.settlesBatch:41 » TestTimedOut test timed out after 2000 milliseconds
[INFO]
[ERROR] Tests run: 9, Failures: 0, Errors: 1, Skipped: 0
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------""",
                code=1,
            ),
        ],
    ),
    "org.junit.runners.model.TestTimedOutException: test timed out after 2000 milliseconds",
    "JUnit 4's @Test(timeout=...) reported as the one failing test's error",
)

case(
    "aa-exunit-timeout-gitlab",
    "timeout",
    "high",
    gitlab(
        "acme/relay",
        "elixir:1.16",
        [
            Step("mix deps.get", "Resolving Hex dependencies...\nAll dependencies are up to date"),
            Step(
                "mix test",
                f"""Compiling 14 files (.ex)
Generated relay app
.......

{MARK}  1) test forwards a frame upstream (Relay.ForwarderTest)
{MARK}     test/relay/forwarder_test.exs:22
{MARK}     ** (ExUnit.TimeoutError) test timed out after 60000ms. You can change the timeout:
       1. per test by setting "@tag timeout: x" (accepts :infinity)
       2. per test module by setting "@moduletag timeout: x" (accepts :infinity)
       3. globally via "ExUnit.start(timeout: x)" configuration
       code: assert_receive {{:frame, _}}, :infinity
       stacktrace:
         test/relay/forwarder_test.exs:30: (test)

.....
Finished in 61.2 seconds (0.1s async, 61.1s sync)
13 tests, 1 failure""",
                code=2,
            ),
        ],
    ),
    "** (ExUnit.TimeoutError) test timed out after 60000ms.",
    "ExUnit's per-test time limit, the one failure of the run",
)

case(
    "aa-jest-one-timeout-of-three-gha",
    "test.failure",
    "high",
    gha(
        "acme/checkout-web",
        "unit",
        [
            setup_node("20"),
            Step("npm ci", "added 1187 packages, and audited 1188 packages in 21s"),
            Step(
                "npx jest --ci",
                f"""PASS src/cart/total.test.ts
{MARK}FAIL src/cart/coupon.test.ts
{MARK}  ● coupon › rejects an expired code
{MARK}
{MARK}    expect(received).toBe(expected) // Object.is equality
{MARK}
{MARK}    Expected: "expired"
{MARK}    Received: "ok"
{MARK}
{MARK}      12 |     const r = apply(cart, "SPRING21");
{MARK}    > 13 |     expect(r.status).toBe("expired");
{MARK}         |                      ^
{MARK}
{MARK}  ● coupon › applies a percentage
{MARK}
{MARK}    expect(received).toBe(expected) // Object.is equality
{MARK}
{MARK}    Expected: 90
{MARK}    Received: 100
{MARK}
{MARK}  ● coupon › loads the remote catalogue
{MARK}
{MARK}    thrown: "Exceeded timeout of 5000 ms for a test.
{MARK}    Add a timeout value to this test to increase the timeout, if this is a long-running test. See https://jestjs.io/docs/api#testname-fn-timeout."

Test Suites: 1 failed, 1 passed, 2 total
Tests:       3 failed, 14 passed, 17 total
Snapshots:   0 total
Time:        7.912 s
Ran all test suites.""",
                code=1,
            ),
        ],
    ),
    "● coupon › rejects an expired code",
    "counter-case: one slow test among three failing ones; the assertions are the failure",
)

# ---------------------------------------------------------------- a runtime's crash report

case(
    "aa-erlang-release-boot-crash-travis",
    "crash",
    "high",
    travis(
        "acme/presence",
        "erlang",
        [
            Step(
                "rebar3 release",
                "===> Verifying dependencies...\n===> Release successfully assembled: _build/default/rel/presence",
            ),
            Step(
                "./ci/smoke.sh",
                f"""starting release _build/default/rel/presence
Exec: /home/travis/build/acme/presence/_build/default/rel/presence/erts-14.2/bin/erlexec -noshell -boot start
Root: /home/travis/build/acme/presence/_build/default/rel/presence
{MARK}{{"Kernel pid terminated",application_controller,"{{application_start_failure,presence,{{bad_return,{{{{presence_app,start,[normal,[]]}},{{'EXIT',{{undef,[{{presence_store,init,[],[]}}]}}}}}}}}}}}}"}}
{MARK}Kernel pid terminated (application_controller) ({{application_start_failure,presence,{{bad_return,{{{{presence_app,start,[normal,[]]}},{{'EXIT',{{undef,[{{presence_store,init,[],[]}}]}}}}}}}}}})
{MARK}
{MARK}Crash dump is being written to: erl_crash.dump...done
smoke: release did not come up""",
                code=1,
            ),
        ],
    ),
    "Kernel pid terminated (application_controller)",
    "the Erlang VM could not boot the release: its kernel process died and wrote a crash dump",
)

case(
    "aa-python-fatal-error-gha",
    "crash",
    "high",
    gha(
        "acme/tiles",
        "render",
        [
            setup_python("3.12"),
            Step(
                "python tools/render_tiles.py --zoom 4 data/world.gpkg",
                f"""render_tiles: 256 tiles to render at zoom 4
render_tiles: tile 0/0 ... ok
render_tiles: tile 0/1 ... ok
{MARK}Fatal Python error: Segmentation fault
{MARK}
{MARK}Current thread 0x00007f3b2d9ff740 (most recent call first):
{MARK}  File "/home/runner/work/tiles/tiles/tools/raster.py", line 57 in rasterize
{MARK}  File "/home/runner/work/tiles/tiles/tools/render_tiles.py", line 112 in render
{MARK}  File "/home/runner/work/tiles/tiles/tools/render_tiles.py", line 140 in main
{MARK}  File "/home/runner/work/tiles/tiles/tools/render_tiles.py", line 151 in <module>
{MARK}
{MARK}Extension modules: numpy.core._multiarray_umath, shapely.lib (total: 2)""",
                code=139,
            ),
        ],
    ),
    "Fatal Python error: Segmentation fault",
    "CPython's faulthandler report of a crash in an extension module, under a project script",
)

case(
    "aa-asan-use-after-free-gha",
    "crash",
    "high",
    gha(
        "acme/msgpackc",
        "asan",
        [
            Step(
                "cmake -B build -DCMAKE_C_FLAGS=-fsanitize=address && cmake --build build", "[100%] Built target unpack"
            ),
            Step(
                "./build/unpack-regress corpus/",
                f"""unpack-regress: 41 inputs
input 001-nil.bin ok
input 002-map16.bin ok
{MARK}=================================================================
{MARK}==4211==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000014 at pc 0x55d1c3a2b1f4 bp 0x7ffd0e8f2a30 sp 0x7ffd0e8f2a20
{MARK}READ of size 4 at 0x602000000014 thread T0
{MARK}    #0 0x55d1c3a2b1f3 in map_next src/unpack.c:212
{MARK}    #1 0x55d1c3a2c0e8 in unpack_map src/unpack.c:301
{MARK}    #2 0x55d1c3a29d51 in main tools/unpack_regress.c:48
{MARK}
{MARK}freed by thread T0 here:
{MARK}    #0 0x7f9e4c8b4537 in __interceptor_free ../../../../src/libsanitizer/asan/asan_malloc_linux.cpp:127
{MARK}    #1 0x55d1c3a2b0aa in map_grow src/unpack.c:188
{MARK}
{MARK}SUMMARY: AddressSanitizer: heap-use-after-free src/unpack.c:212 in map_next
==4211==ABORTING""",
                code=1,
            ),
        ],
    ),
    "==4211==ERROR: AddressSanitizer: heap-use-after-free on address",
    "AddressSanitizer's report from a regression driver no rule knows",
)

case(
    "aa-ubsan-runtime-error-gitlab",
    "crash",
    "medium",
    gitlab(
        "acme/fixedpoint",
        "gcc:13",
        [
            Step(
                "make CFLAGS='-O1 -fsanitize=undefined -fno-sanitize-recover=all'",
                "cc -c fx.c\ncc -o fxcheck fxcheck.c fx.o",
            ),
            Step(
                "./fxcheck vectors/*.txt",
                f"""fxcheck: 3 vector files
vectors/add.txt: 120 ok
{MARK}fx.c:88:17: runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in type 'int'
{MARK}SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior fx.c:88:17 in""",
                code=1,
            ),
        ],
    ),
    "fx.c:88:17: runtime error: signed integer overflow",
    "UBSan with recovery off stops the program at undefined behaviour: a crash report, not a compile error",
)

# ---------------------------------------------------------------- nothing to run here

case(
    "aa-rake-no-rakefile-travis",
    "config.error",
    "high",
    travis(
        "acme/dotfiles",
        "ruby",
        [
            Step("bundle install --jobs=3 --retry=3", "Bundle complete! 3 Gemfile dependencies, 9 gems now installed."),
            Step(
                "rake",
                f"""{MARK}rake aborted!
{MARK}No Rakefile found (looking for: rakefile, Rakefile, rakefile.rb, Rakefile.rb)
/home/travis/.rvm/gems/ruby-3.2.2/gems/rake-13.1.0/exe/rake:27:in `<top (required)>'
(See full trace by running task with --trace)""",
                code=1,
            ),
        ],
    ),
    "No Rakefile found (looking for: rakefile, Rakefile, rakefile.rb, Rakefile.rb)",
    "Travis' default Ruby script on a project without a Rakefile",
)

case(
    "aa-npm-missing-script-gha",
    "config.error",
    "high",
    gha(
        "acme/ui-kit",
        "lint",
        [
            setup_node("20"),
            Step("npm ci", "added 655 packages, and audited 656 packages in 12s"),
            Step(
                "npm run lint:css",
                f"""{MARK}npm error Missing script: "lint:css"
{MARK}npm error
{MARK}npm error To see a list of scripts, run:
{MARK}npm error   npm run
npm error A complete log of this run can be found in: /home/runner/.npm/_logs/2026-01-14T10_02_11_001Z-debug-0.log""",
                code=1,
            ),
        ],
    ),
    'npm error Missing script: "lint:css"',
    "the workflow runs a package.json script that does not exist",
)

case(
    "aa-maven-no-pom-jenkins",
    "config.error",
    "high",
    jenkins(
        "acme/billing",
        "billing-build",
        [
            Step(
                "mvn -B verify",
                f"""[INFO] Scanning for projects...
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  0.081 s
{MARK}[ERROR] The goal you specified requires a project to execute but there is no POM in this directory (/var/lib/jenkins/workspace/billing-build). Please verify you invoked Maven from the correct directory. -> [Help 1]
[ERROR]
[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
[ERROR] Re-run Maven using the -X switch to enable full debug logging.
[ERROR]
[ERROR] For more information about the errors and possible solutions, please read the following articles:
[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MissingProjectException""",
                code=1,
            ),
        ],
    ),
    "there is no POM in this directory",
    "Maven run in a directory with no pom.xml (a checkout into a subdirectory)",
)

case(
    "aa-cmake-no-cmakelists-gitlab",
    "config.error",
    "high",
    gitlab(
        "acme/sensor-fw",
        "registry.acme.dev/cmake:3.28",
        [
            Step(
                "cmake -S firmware -B build -G Ninja",
                f"""{MARK}CMake Error: The source directory "/builds/acme/sensor-fw/firmware" does not appear to contain CMakeLists.txt.
Specify --help for usage, or press the help button on the CMake GUI.""",
                code=1,
            ),
        ],
    ),
    "does not appear to contain CMakeLists.txt",
    "CMake pointed at a directory that holds no CMakeLists.txt",
)
