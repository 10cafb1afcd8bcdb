"""Authored cases, batch j: kinds of logs the real public ones showed we had not tuned on. A crash
or a compile error a test runner printed as one test's failure (CTest, Catch2, libtest, rustdoc,
trybuild, Go), a checker no rule knows named by the driver's failing-command line, git refusing to
act on the agent's checkout, a configure step that finds no compiler or tool (autoconf, meson,
CMake, node-gyp), and tools' lines behind BuildKit's ``#N <seconds>`` step prefix. Labelled before
triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import setup_rust
from benchmarks.authored.shapes import Log, Step, gha, gitlab, jenkins, plain, travis


def freestyle(node: str, script: str, body: str, end: str = "") -> Log:
    """A Jenkins freestyle job's console: the agent, the SCM checkout, an ``Execute shell`` step."""
    log = Log()
    log.add(
        f"""Started by upstream project "acme-pipeline" build number 3120
originally caused by:
 Started by remote host 10.0.0.4
Building remotely on {node} in workspace /home/jenkins/workspace/acme-test
 > git rev-parse --is-inside-work-tree # timeout=10
Fetching changes from the remote Git repository
 > git config remote.origin.url https://github.com/acme/engine.git # timeout=10
Fetching upstream changes from https://github.com/acme/engine.git
 > git --version # timeout=10
 > git fetch --tags --progress https://github.com/acme/engine.git +refs/heads/*:refs/remotes/origin/*
Checking out Revision 5d1c0e2f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d (refs/remotes/origin/main)
 > git checkout -f 5d1c0e2f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d
Commit message: "Merge pull request #812 from acme/fix-queue"
[acme-test] $ /bin/sh -xe /tmp/jenkins4410912837731.sh"""
    )
    for cmd in script.split("\n"):
        log.add(f"+ {cmd}")
    log.add(body)
    log.add(
        end
        or """Build step 'Execute shell' marked build as failure
Recording test results
ERROR: Step 'Publish JUnit test result report' failed: No test report files were found. Configuration error?
Notifying upstream projects of job completion
Finished: FAILURE"""
    )
    return log


# ---------------------------------------------------------------- a crash a test runner counted as a failure

case(
    "ctest-segfault-counted-gha",
    "crash",
    "medium",
    gha(
        "acme/tinyparse",
        "build (ubuntu-latest)",
        [
            Step(
                "cmake -S . -B build -DCMAKE_BUILD_TYPE=Debug && cmake --build build -j4",
                "[100%] Built target tinyparse_tests",
            ),
            Step(
                "ctest --test-dir build --output-on-failure",
                """Internal ctest changing into directory: /home/runner/work/tinyparse/tinyparse/build
Test project /home/runner/work/tinyparse/tinyparse/build
    Start 1: lexer_test
1/3 Test #1: lexer_test .......................   Passed    0.01 sec
    Start 2: parser_test
§2/3 Test #2: parser_test ......................***Exception: SegFault  0.02 sec
[==========] Running 12 tests from 2 test suites.
[----------] 7 tests from Parser
[ RUN      ] Parser.EmptyInput
[       OK ] Parser.EmptyInput (0 ms)
[ RUN      ] Parser.NestedArrays

    Start 3: writer_test
3/3 Test #3: writer_test ......................   Passed    0.01 sec

67% tests passed, 1 tests failed out of 3

Total Test time (real) =   0.05 sec

The following tests FAILED:
      2 - parser_test (SEGFAULT)
Errors while running CTest""",
                code=8,
            ),
        ],
    ),
    "2/3 Test #2: parser_test ......................***Exception: SegFault  0.02 sec",
    "the test binary segfaulted outside any assertion (CTest counts it); alt test.failure. Relabelled after"
    " the first run (it was test.failure) to agree with c-asan-use-after-free-gha and categories.md",
)

case(
    "catch2-sigsegv-counted-gitlab",
    "crash",
    "medium",
    gitlab(
        "acme/ringbuf",
        "gcc:13",
        [
            Step("cmake -B build && cmake --build build", "[100%] Built target tests"),
            Step(
                "./build/tests --reporter console",
                """
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
tests is a Catch2 v3.5.2 host application.
Run with -? for options

-------------------------------------------------------------------------------
§RingBuffer wraps around
§-------------------------------------------------------------------------------
§/builds/acme/ringbuf/tests/test_ring.cpp:41
§...............................................................................
§
§/builds/acme/ringbuf/tests/test_ring.cpp:48: FAILED:
§  {Unknown expression after the reported line}
§due to a fatal error condition:
§  SIGSEGV - Segmentation violation signal

===============================================================================
test cases:  14 |  13 passed | 1 failed
assertions: 102 | 101 passed | 1 failed
""",
                code=1,
            ),
        ],
    ),
    "SIGSEGV - Segmentation violation signal",
    "Catch2 reports the signal in the test's code as a failure ('Unknown expression': no assertion); alt"
    " test.failure. Relabelled after the first run (it was test.failure), as ctest-segfault-counted-gha",
)

case(
    "rust-assert-cmd-signal-gha",
    "test.failure",
    "medium",
    gha(
        "acme/blobcat",
        "test",
        [
            setup_rust(),
            Step(
                "cargo test --locked --all-targets",
                """   Compiling blobcat v0.4.1 (/home/runner/work/blobcat/blobcat)
    Finished `test` profile [unoptimized + debuginfo] target(s) in 14.82s
     Running unittests src/main.rs (target/debug/deps/blobcat-5a0c1f3e2d4b6a79)

running 9 tests
.........
test result: ok. 9 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s

     Running tests/cli.rs (target/debug/deps/cli-0f2e4d6c8b1a3957)

running 4 tests
test prints_help ... ok
test reads_stdin ... ok
test concatenates_two_files ... ok
test handles_empty_file ... FAILED

failures:

§---- handles_empty_file stdout ----
§thread 'handles_empty_file' panicked at tests/cli.rs:41:10:
§Unexpected failure.
§code=<interrupted>
§stderr=""
§command=`"/home/runner/work/blobcat/blobcat/target/debug/blobcat" "tests/data/empty.bin"`
§status: signal: 11 (SIGSEGV: invalid memory reference)
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace


failures:
    handles_empty_file

test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.22s

error: test failed, to rerun pass `--test cli`""",
                code=101,
            ),
        ],
    ),
    "---- handles_empty_file stdout ----",
    "an assert_cmd test saw the program it runs die of SIGSEGV; libtest counted one failure; alt crash",
)

case(
    "gtest-segfault-kills-run-travis",
    "crash",
    "high",
    travis(
        "acme/lru",
        "cpp",
        [
            Step("cmake . && make -j2", "[100%] Built target lru_test"),
            Step(
                "./lru_test",
                """[==========] Running 6 tests from 1 test suite.
[----------] Global test environment set-up.
[----------] 6 tests from Cache
[ RUN      ] Cache.InsertsAndFinds
[       OK ] Cache.InsertsAndFinds (0 ms)
[ RUN      ] Cache.EvictsOldest
§/home/travis/.travis/functions: line 109:  4121 Segmentation fault      (core dumped) ./lru_test""",
                code=139,
            ),
        ],
        cache="/home/travis/.ccache",
    ),
    "Segmentation fault      (core dumped) ./lru_test",
    "the test binary itself died: no runner survived to count it (guard: still a crash)",
)

# ---------------------------------------------------------------- a compile error printed as a test's failure

case(
    "rustdoc-doctest-compile-gha",
    "test.failure",
    "medium",
    gha(
        "acme/tomlette",
        "test",
        [
            setup_rust(),
            Step(
                "cargo test --doc",
                """   Compiling tomlette v0.2.0 (/home/runner/work/tomlette/tomlette)
    Finished `test` profile [unoptimized + debuginfo] target(s) in 3.10s
   Doc-tests tomlette

running 4 tests
test src/lib.rs - Table::get (line 88) ... ok
test src/lib.rs - parse (line 12) ... FAILED
test src/value.rs - Value::as_str (line 30) ... ok
test src/lib.rs - Table (line 61) ... ok

failures:

§---- src/lib.rs - parse (line 12) stdout ----
§error[E0425]: cannot find value `input` in this scope
§ --> src/lib.rs:15:25
§  |
§6 | let doc = tomlette::parse(input)?;
§  |                           ^^^^^ not found in this scope
§
§error: aborting due to 1 previous error
§
§For more information about this error, try `rustc --explain E0425`.
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
    "a doc example does not compile: the doc-test failed (alt compile.error)",
)

case(
    "trybuild-ui-mismatch-gha",
    "test.failure",
    "high",
    gha(
        "acme/derive-builder",
        "test",
        [
            setup_rust(),
            Step(
                "cargo test --test ui",
                """    Finished `test` profile [unoptimized + debuginfo] target(s) in 21.40s
     Running tests/ui.rs (target/debug/deps/ui-3d2c1b0a9f8e7d6c)

running 1 test
    Checking derive-builder-tests v0.0.0 (/home/runner/work/derive-builder/derive-builder/target/tests/trybuild/derive-builder)
    Finished `dev` profile [unoptimized + debuginfo] target(s) in 1.92s

test tests/ui/ok-basic.rs ... ok
§test tests/ui/missing-field.rs ... mismatch
§
§EXPECTED:
§┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈
§error: missing field `name`
§ --> tests/ui/missing-field.rs:8:13
§┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈
§
§ACTUAL OUTPUT:
§┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈
§error[E0063]: missing field `id` in initializer of `User`
§ --> tests/ui/missing-field.rs:8:13
§  |
§8 |     let u = User::builder().build();
§  |             ^^^^ missing `id`
§┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈
note: If the actual output is the correct output you can bless it by rerunning
      your test with the environment variable TRYBUILD=overwrite

test ui ... FAILED

failures:

---- ui stdout ----
thread 'ui' panicked at /home/runner/.cargo/registry/src/index.crates.io-6f17d22bba15001f/trybuild-1.0.96/src/run.rs:101:13:
1 of 2 tests failed


failures:
    ui

test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 23.61s

error: test failed, to rerun pass `--test ui`""",
                code=101,
            ),
        ],
    ),
    "test tests/ui/missing-field.rs ... mismatch",
    "a compile-fail test's expected and actual compiler output differ: the test failed",
)

case(
    "go-test-generated-build-fails-gha",
    "test.failure",
    "high",
    gha(
        "acme/schemagen",
        "test",
        [
            Step(
                "go test ./...",
                """ok  	github.com/acme/schemagen/internal/parse	0.014s
§--- FAIL: TestGenerateCompiles (0.87s)
§    gen_test.go:58: go build of the generated package failed: exit status 1
§        # example.com/out/model
§        out/model/types.go:12:2: undefined: Timestamp
§        out/model/types.go:19:9: cannot use v (variable of type string) as int value in return statement
FAIL
FAIL	github.com/acme/schemagen/internal/gen	0.912s
ok  	github.com/acme/schemagen/cmd/schemagen	0.031s
FAIL""",
                code=1,
            ),
        ],
    ),
    "--- FAIL: TestGenerateCompiles (0.87s)",
    "the test builds the code it generates and reports the compiler's words as its failure",
)

# ---------------------------------------------------------------- a checker named by the driver's failing-command line

case(
    "xpy-style-check-command-failed-gha",
    "lint.error",
    "high",
    gha(
        "acme/lang",
        "mingw-check",
        [
            Step(
                "python x.py test src/tools/style-check",
                """Building bootstrap
    Finished `dev` profile [unoptimized] target(s) in 0.05s
Building tool style-check (stage0)
    Finished `release` profile [optimized] target(s) in 6.12s
style-check: scanning 4120 files
§/checkout/compiler/parse/src/lexer.rs:212: line longer than 100 chars
§/checkout/library/core/src/fmt/mod.rs:77: tab character
style-check: 2 problems found


command did not execute successfully: "/checkout/obj/build/x86_64-unknown-linux-gnu/stage0-tools-bin/style-check" "/checkout" "--verbose"
expected success, got: exit status: 1


Build completed unsuccessfully in 0:00:08""",
                code=1,
            ),
        ],
    ),
    "/checkout/compiler/parse/src/lexer.rs:212: line longer than 100 chars",
    "a repository's own style checker (no rule knows it) run by its build driver",
)

case(
    "python-calledprocesserror-check-format-travis",
    "lint.error",
    "high",
    travis(
        "acme/docstore",
        "python",
        [
            Step("pip install -e .[dev]", "Successfully installed docstore-0.0.0"),
            Step(
                "python ci/run_checks.py",
                """== running ./tools/check-format.sh src tests
§src/docstore/index.c:88:1: wrong indentation (expected 4 spaces, found 2)
§src/docstore/index.c:102:17: missing space after keyword 'if'
2 files would be changed
Traceback (most recent call last):
  File "/home/travis/build/acme/docstore/ci/run_checks.py", line 31, in <module>
    main()
  File "/home/travis/build/acme/docstore/ci/run_checks.py", line 27, in main
    subprocess.run(cmd, check=True)
  File "/opt/python/3.10.14/lib/python3.10/subprocess.py", line 526, in run
    raise CalledProcessError(retcode, process.args,
subprocess.CalledProcessError: Command '['./tools/check-format.sh', 'src', 'tests']' returned non-zero exit status 1.""",
                code=1,
            ),
        ],
    ),
    "src/docstore/index.c:88:1: wrong indentation (expected 4 spaces, found 2)",
    "a format checker run by a Python driver script: the CalledProcessError names it",
)

case(
    "node-execsync-license-check-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/widgets",
        "node:20",
        [
            Step("npm ci", "added 812 packages, and audited 813 packages in 14s"),
            Step(
                "node scripts/release-checks.mjs",
                """checking changelog ... ok
checking package exports ... ok
§packages/chart/src/axis.ts: missing SPDX-License-Identifier header
§packages/chart/src/scale.ts: missing SPDX-License-Identifier header
node:child_process:966
    throw err;
    ^

Error: Command failed: node scripts/check-license-headers.js
    at checkExecSyncError (node:child_process:890:11)
    at execSync (node:child_process:962:15)
    at file:///builds/acme/widgets/scripts/release-checks.mjs:14:3 {
  status: 1,
  signal: null,
  output: [ null, null, null ],
  pid: 412,
  stdout: null,
  stderr: null
}

Node.js v20.12.2""",
                code=1,
            ),
        ],
    ),
    "packages/chart/src/axis.ts: missing SPDX-License-Identifier header",
    "Node's execSync error names the failing checker (licence headers)",
)

case(
    "ninja-failed-format-target-gha",
    "lint.error",
    "high",
    gha(
        "acme/vecmath",
        "format",
        [
            Step(
                "cmake -S . -B build -G Ninja && ninja -C build check-format",
                """-- Configuring done (0.4s)
-- Generating done (0.0s)
-- Build files have been written to: /home/runner/work/vecmath/vecmath/build
ninja: Entering directory `build'
[0/1] cd /home/runner/work/vecmath/vecmath && /usr/bin/run-fmt-diff --dry-run src include
§FAILED: CMakeFiles/check-format /home/runner/work/vecmath/vecmath/build/CMakeFiles/check-format
§cd /home/runner/work/vecmath/vecmath && /usr/bin/run-fmt-diff --dry-run src include
§src/mat4.cpp needs formatting
§include/vecmath/quat.hpp needs formatting
ninja: build stopped: subcommand failed.""",
                code=1,
            ),
        ],
    ),
    "FAILED: CMakeFiles/check-format",
    "ninja names the failed target (a format check)",
)

# ---------------------------------------------------------------- git refusing to act on the agent's checkout

case(
    "jenkins-git-rebase-unstaged-freestyle",
    "infrastructure",
    "medium",
    freestyle(
        "build-ubuntu2204-x64-3",
        'git status --short\ngit rebase --committer-date-is-author-date "$BASE_SHA"',
        """ M third_party/zlib/contrib/minizip/iowin32.c
?? out/
§error: cannot rebase: You have unstaged changes.
§error: Please commit or stash them.""",
    ),
    "error: cannot rebase: You have unstaged changes.",
    "the agent's workspace was left dirty by an earlier build; alt config.error",
)

case(
    "gitlab-checkout-overwritten-local-changes",
    "infrastructure",
    "medium",
    gitlab(
        "acme/portal",
        "alpine/git:2.43.0",
        [
            Step(
                "git fetch origin release/2.4",
                "From https://gitlab.com/acme/portal\n * branch            release/2.4 -> FETCH_HEAD",
            ),
            Step(
                "git checkout release/2.4",
                """§error: Your local changes to the following files would be overwritten by checkout:
§	package-lock.json
§	yarn.lock
§Please commit your changes or stash them before you switch branches.
§Aborting""",
                code=1,
            ),
        ],
    ),
    "error: Your local changes to the following files would be overwritten by checkout:",
    "a reused build directory holds modified files; alt config.error",
)

case(
    "buildkite-git-index-lock",
    "infrastructure",
    "high",
    plain(
        """$ git checkout -f 9a8b7c6d5e4f
§fatal: Unable to create '/var/lib/buildkite-agent/builds/agent-3/acme/api/.git/index.lock': File exists.
§
§Another git process seems to be running in this repository, e.g.
§an editor opened by 'git commit'. Please make sure all processes
§are terminated then try again. If it still fails, a git process
§may have crashed in this repository earlier:
§remove the file manually to continue.
🚨 Error: The command exited with status 128""",
        "api",
    ),
    "fatal: Unable to create '/var/lib/buildkite-agent/builds/agent-3/acme/api/.git/index.lock': File exists.",
    "a stale lock left in the agent's checkout by a killed git",
)

case(
    "jenkins-git-cannot-lock-ref",
    "infrastructure",
    "medium",
    jenkins(
        "acme/billing",
        "billing-ci",
        [
            Step(
                "git fetch --prune origin",
                """§error: cannot lock ref 'refs/remotes/origin/feature/tax': 'refs/remotes/origin/feature' exists; cannot create 'refs/remotes/origin/feature/tax'
§ ! [new branch]      feature/tax -> origin/feature/tax  (unable to update local ref)""",
                code=1,
                name="Fetch",
            ),
        ],
    ),
    "error: cannot lock ref 'refs/remotes/origin/feature/tax'",
    "the agent's clone holds a ref that blocks the new one (a stale workspace)",
)

# ---------------------------------------------------------------- a configure step finds no compiler or tool

case(
    "node-configure-no-c-compiler-freestyle",
    "command.not.found",
    "medium",
    freestyle(
        "test-macos11-x64-2",
        "make run-ci -j 4",
        """python3 ./configure --verbose
§WARNING: failed to autodetect C compiler version (CC=gcc)
§ERROR: No acceptable C compiler found!
§
§       Please make sure you have a C compiler installed on your system and/or
§       consider adjusting the CC environment variable if you installed
§       it in a non-standard prefix.
make: *** [Makefile:541: build-ci] Error 1""",
    ),
    "ERROR: No acceptable C compiler found!",
    "a configure script of its own words finds no compiler",
)

case(
    "meson-unknown-compiler-gha",
    "command.not.found",
    "high",
    gha(
        "acme/pixman-lite",
        "build",
        [
            Step(
                "meson setup builddir",
                """The Meson build system
Version: 1.4.0
Source dir: /home/runner/work/pixman-lite/pixman-lite
Build dir: /home/runner/work/pixman-lite/pixman-lite/builddir
Build type: native build
Project name: pixman-lite
Project version: 0.3.0

§meson.build:1:0: ERROR: Unknown compiler(s): [['cc'], ['gcc'], ['clang'], ['nvc'], ['pgcc'], ['icc'], ['icx']]
§The following exception(s) were encountered:
§Running `cc --version` gave "[Errno 2] No such file or directory: 'cc'"
§Running `gcc --version` gave "[Errno 2] No such file or directory: 'gcc'"
§Running `clang --version` gave "[Errno 2] No such file or directory: 'clang'"

A full log can be found at /home/runner/work/pixman-lite/pixman-lite/builddir/meson-logs/meson-log.txt""",
                code=1,
            ),
        ],
    ),
    "meson.build:1:0: ERROR: Unknown compiler(s): [['cc'], ['gcc'], ['clang'], ['nvc'], ['pgcc'], ['icc'], ['icx']]",
    "a container image without a C compiler",
)

case(
    "meson-program-not-found-gitlab",
    "command.not.found",
    "high",
    gitlab(
        "acme/gtk-notes",
        "fedora:40",
        [
            Step("dnf install -y meson gcc gtk4-devel", "Complete!"),
            Step(
                "meson setup _build",
                """The Meson build system
Version: 1.4.1
Project name: gtk-notes
C compiler for the host machine: cc (gcc 14.1.1 "cc (GCC) 14.1.1 20240522 (Red Hat 14.1.1-4)")
Run-time dependency gtk4 found: YES 4.14.4
§src/meson.build:12:8: ERROR: Program 'glib-compile-resources' not found or not executable

A full log can be found at /builds/acme/gtk-notes/_build/meson-logs/meson-log.txt""",
                code=1,
            ),
        ],
    ),
    "src/meson.build:12:8: ERROR: Program 'glib-compile-resources' not found or not executable",
    "a build tool the project's meson.build runs is not installed",
)

case(
    "cmake-no-ninja-program-gha",
    "command.not.found",
    "high",
    gha(
        "acme/geodesy",
        "build (windows)",
        [
            Step(
                "cmake -S . -B build -G Ninja",
                """§CMake Error: CMake was unable to find a build program corresponding to "Ninja".  CMAKE_MAKE_PROGRAM is not set.  You probably need to select a different build tool.
CMake Error: CMAKE_C_COMPILER not set, after EnableLanguage
CMake Error: CMAKE_CXX_COMPILER not set, after EnableLanguage
-- Configuring incomplete, errors occurred!""",
                code=1,
            ),
        ],
    ),
    'CMake Error: CMake was unable to find a build program corresponding to "Ninja".',
    "the generator's build program is not installed",
)

case(
    "autoconf-pkg-config-missing-travis",
    "command.not.found",
    "high",
    travis(
        "acme/libsieve",
        "c",
        [
            Step("autoreconf -fi", "libtoolize: putting auxiliary files in '.'."),
            Step(
                "./configure --enable-tests",
                """checking for a BSD-compatible install... /usr/bin/install -c
checking whether build environment is sane... yes
checking for gcc... gcc
checking whether the C compiler works... yes
checking for pkg-config... no
§configure: error: in `/home/travis/build/acme/libsieve':
§configure: error: The pkg-config script could not be found or is too old.  Make sure it
§is in your PATH or set the PKG_CONFIG environment variable to the full
§path to pkg-config.""",
                code=1,
            ),
        ],
        cache="/home/travis/.ccache",
    ),
    "configure: error: The pkg-config script could not be found or is too old.",
    "autoconf's PKG_CHECK_MODULES without pkg-config installed",
)

case(
    "node-gyp-make-not-found-gha",
    "command.not.found",
    "high",
    gha(
        "acme/native-hash",
        "build",
        [
            Step(
                "npm ci",
                """npm ERR! code 1
npm ERR! path /home/runner/work/native-hash/native-hash/node_modules/xxhash-addon
npm ERR! command failed
npm ERR! command sh -c node-gyp rebuild
npm ERR! gyp info it worked if it ends with ok
npm ERR! gyp info using node-gyp@10.1.0
npm ERR! gyp info using node@20.12.2 | linux | x64
npm ERR! gyp info find Python using Python version 3.12.3 found at "/usr/bin/python3"
npm ERR! gyp info spawn /usr/bin/python3
§npm ERR! gyp ERR! build error
§npm ERR! gyp ERR! stack Error: not found: make
npm ERR! gyp ERR! stack     at getNotFoundError (/usr/local/lib/node_modules/npm/node_modules/which/lib/index.js:16:17)
npm ERR! gyp ERR! System Linux 6.5.0-1018-azure
npm ERR! gyp ERR! node -v v20.12.2
npm ERR! gyp ERR! not ok

npm ERR! A complete log of this run can be found in: /home/runner/.npm/_logs/2024-05-02T14_03_40_123Z-debug-0.log""",
                code=1,
            ),
        ],
    ),
    "npm ERR! gyp ERR! stack Error: not found: make",
    "a native addon's build needs make, which the image lacks",
)

# ---------------------------------------------------------------- BuildKit's step prefix

case(
    "buildkit-pytest-fail-gha",
    "test.failure",
    "high",
    gha(
        "acme/quotes",
        "docker",
        [
            Step(
                "docker buildx build --target test -t quotes:test .",
                """#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 612B done
#1 DONE 0.0s

#9 [test 4/4] RUN python -m pytest -q
#9 2.815 ....F...........                                                   [100%]
#9 2.816 =================================== FAILURES ===================================
#9 2.816 _______________________________ test_round_trip ________________________________
#9 2.817
#9 2.817     def test_round_trip():
#9 2.817 >       assert decode(encode("é")) == "é"
#9 2.817 E       AssertionError: assert 'Ã©' == 'é'
#9 2.818
#9 2.818 tests/test_codec.py:9: AssertionError
#9 2.819 =========================== short test summary info ============================
§#9 2.819 FAILED tests/test_codec.py::test_round_trip - AssertionError: assert 'Ã©' == 'é'
§#9 2.819 1 failed, 15 passed in 0.31s
#9 ERROR: process "/bin/sh -c python -m pytest -q" did not complete successfully: exit code: 1
------
 > [test 4/4] RUN python -m pytest -q:
2.818 tests/test_codec.py:9: AssertionError
2.819 =========================== short test summary info ============================
2.819 FAILED tests/test_codec.py::test_round_trip - AssertionError: assert 'Ã©' == 'é'
2.819 1 failed, 15 passed in 0.31s
------
Dockerfile:14
--------------------
  12 |     FROM base AS test
  13 |     COPY tests/ tests/
  14 | >>> RUN python -m pytest -q
--------------------
ERROR: failed to solve: process "/bin/sh -c python -m pytest -q" did not complete successfully: exit code: 1""",
                code=1,
            ),
        ],
    ),
    "#9 2.819 FAILED tests/test_codec.py::test_round_trip",
    "pytest's failure lines behind BuildKit's step and time prefix",
)

case(
    "buildkit-apt-unable-to-locate-gitlab",
    "dependency.missing",
    "high",
    gitlab(
        "acme/imgproc",
        "docker:26",
        [
            Step(
                "docker build --progress=plain -t imgproc .",
                """#5 [2/6] RUN apt-get update && apt-get install -y --no-install-recommends libvips-dev libheif-devel
#5 0.412 Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]
#5 1.903 Reading package lists...
#5 2.731 Reading package lists...
#5 2.902 Building dependency tree...
#5 2.903 Reading state information...
§#5 2.911 E: Unable to locate package libheif-devel
#5 ERROR: process "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends libvips-dev libheif-devel" did not complete successfully: exit code: 100
------
 > [2/6] RUN apt-get update && apt-get install -y --no-install-recommends libvips-dev libheif-devel:
2.731 Reading package lists...
2.902 Building dependency tree...
2.903 Reading state information...
2.911 E: Unable to locate package libheif-devel
------
ERROR: failed to solve: process "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends libvips-dev libheif-devel" did not complete successfully: exit code: 100""",
                code=1,
            ),
        ],
    ),
    "#5 2.911 E: Unable to locate package libheif-devel",
    "a Debian package name that does not exist (Fedora's -devel spelling)",
)

case(
    "buildkit-cargo-linker-missing-jenkins",
    "command.not.found",
    "high",
    jenkins(
        "acme/edge-proxy",
        "edge-proxy-image",
        [
            Step(
                "docker buildx build --progress=plain -t edge-proxy:${GIT_COMMIT} .",
                """#11 [build 5/5] RUN cargo build --release --locked
#11 0.611     Updating crates.io index
#11 9.402    Compiling proc-macro2 v1.0.82
§#11 9.913 error: linker `cc` not found
§#11 9.913   |
§#11 9.913   = note: No such file or directory (os error 2)
#11 9.915
#11 9.915 error: could not compile `proc-macro2` (build script) due to 1 previous error
#11 ERROR: process "/bin/sh -c cargo build --release --locked" did not complete successfully: exit code: 101
ERROR: failed to solve: process "/bin/sh -c cargo build --release --locked" did not complete successfully: exit code: 101""",
                code=1,
                name="Image",
            ),
        ],
    ),
    "#11 9.913 error: linker `cc` not found",
    "a slim build image without a C toolchain for build scripts",
)

# ---------------------------------------------------------------- a failure the job went on past
# Written after the fix for rust-lang's fmt-check log (an s3 cache upload's "Unable to locate
# credentials", then cargo's Finished and rustfmt's diff), as a check that it generalises.

case(
    "carried-on-s3-cache-then-clippy-gha",
    "lint.error",
    "high",
    gha(
        "acme/shard",
        "lint",
        [
            setup_rust(),
            Step(
                "./ci/restore-cache.sh\ncargo clippy --all-targets -- -D warnings",
                """download failed: s3://acme-ci-cache/shard/target.tar.zst to ./target.tar.zst An error occurred (403) when calling the HeadObject operation: Forbidden
cache: no cache restored, building from scratch
   Compiling shard v0.9.0 (/home/runner/work/shard/shard)
    Finished `dev` profile [unoptimized + debuginfo] target(s) in 41.20s
    Checking shard v0.9.0 (/home/runner/work/shard/shard)
§error: this `if` has identical blocks
§  --> src/router.rs:88:24
§   |
§88 |       if key.is_empty() {
§   |  ________________________^
§   |
§   = help: for further information visit https://rust-lang.github.io/rust-clippy/master/index.html#if_same_then_else
§   = note: `-D clippy::if-same-then-else` implied by `-D warnings`
error: could not compile `shard` (lib) due to 1 previous error""",
                code=101,
            ),
        ],
    ),
    "error: this `if` has identical blocks",
    "the cache restore failed and the script went on; clippy failed the step",
)

case(
    "carried-on-cache-pull-denied-then-pytest-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/ingest",
        "docker:26",
        [
            Step(
                "./ci/build-and-test.sh",
                """pulling cache image registry.gitlab.com/acme/ingest/cache:main
Error response from daemon: pull access denied for registry.gitlab.com/acme/ingest/cache, repository does not exist or may require 'docker login': denied: requested access to the resource is denied
no cache image, building without --cache-from
Step 1/6 : FROM python:3.12-slim
 ---> 2b7c9f8e1d0a
Step 6/6 : COPY . .
 ---> 7e1f2a3b4c5d
Successfully built 7e1f2a3b4c5d
Successfully tagged ingest:ci
============================= test session starts ==============================
collected 38 items

tests/test_batch.py ......F.....                                         [ 31%]
tests/test_parse.py ..........................                           [100%]

=================================== FAILURES ===================================
______________________________ test_batch_splits _______________________________
§    def test_batch_splits():
§>       assert split([1, 2, 3], 2) == [[1, 2], [3]]
§E       assert [[1, 2]] == [[1, 2], [3]]
§E         Right contains one more item: [3]
§
§tests/test_batch.py:21: AssertionError
=========================== short test summary info ============================
FAILED tests/test_batch.py::test_batch_splits - assert [[1, 2]] == [[1, 2], [3]]
========================= 1 failed, 37 passed in 0.94s =========================""",
                code=1,
            ),
        ],
    ),
    "E       assert [[1, 2]] == [[1, 2], [3]]",
    "the optional cache pull was refused, the image built, the tests in it failed",
)

case(
    "carried-on-sccache-upload-then-gradle-test-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/ledger-svc",
        "ledger-svc-ci",
        [
            Step(
                "./ci/build.sh",
                """+ aws s3 cp build-cache.tar s3://acme-ci/ledger-svc/build-cache.tar
upload failed: ./build-cache.tar to s3://acme-ci/ledger-svc/build-cache.tar Unable to locate credentials
+ ./gradlew assemble
BUILD SUCCESSFUL in 48s
7 actionable tasks: 7 executed
+ ./gradlew test
> Task :test FAILED

§LedgerServiceTest > rejectsNegativeAmounts() FAILED
§    org.opentest4j.AssertionFailedError: expected: <true> but was: <false>
§        at app//org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:55)
§        at app//com.acme.ledger.LedgerServiceTest.rejectsNegativeAmounts(LedgerServiceTest.java:42)

24 tests completed, 1 failed

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':test'.
> There were failing tests. See the report at: file:///var/lib/jenkins/workspace/ledger-svc-ci/build/reports/tests/test/index.html

BUILD FAILED in 12s""",
                code=1,
                name="Build",
            ),
        ],
    ),
    "LedgerServiceTest > rejectsNegativeAmounts() FAILED",
    "a cache upload without credentials, then a build that succeeded, then the tests failed",
)
