"""Authored cases, batch aj: a consequence that beats its cause, a cause inside a failing test (issue 8,
classes 4 and 5), several ecosystems and CI shapes each. Labelled before triage ran on these logs, by the
hands that had just changed the engine for the classes (saidcause.py, chains.not_made, go.panic), after
probing similar shapes: each class's first run is a check of those changes, not an unseen one.

1. A rule's hit that only says what failed (a dependency's native build, a download, a build script) over
   the words of its cause in the same block: a program the image lacks, a registry's refused login.
2. A worded cause above the line a rule or the block anchors on: a denied or full write, then the compiler's
   or the tool's follow-on error about the file that was never written.
3. A crash of the code under test printed inside a failing test (a Go panic the testing package recovered
   to report, a sanitizer's report under CTest), and the negatives: a test that checks how a missing
   program or a denied access is reported and fails on its assertion is a test failure.
"""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, jenkins, travis

TAB = "\t"  # CTest indents its list of failed tests with a tab

# ---------------------------------------------------------------- 1. a summary over the words of its cause

case(
    "aj-node-gyp-python-missing-gitlab",
    "command.not.found",
    "high",
    gitlab(
        "acme/thumbnailer",
        "node:20-alpine",
        [
            Step(
                "npm ci",
                f"""npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory.
{MARK}npm error code 1
{MARK}npm error path /builds/acme/thumbnailer/node_modules/sharp
{MARK}npm error command failed
{MARK}npm error command sh -c (node install/libvips && node install/dll-copy && prebuild-install) || (node install/can-compile && node-gyp rebuild && node install/dll-copy)
{MARK}npm error gyp info it worked if it ends with ok
{MARK}npm error gyp info using node-gyp@10.0.1
{MARK}npm error gyp info using node@20.12.2 | linux | x64
{MARK}npm error gyp ERR! find Python
{MARK}npm error gyp ERR! find Python Python is not set from command line or npm configuration
{MARK}npm error gyp ERR! find Python checking if "python3" can be used
{MARK}npm error gyp ERR! find Python - "python3" is not in PATH or produced an error
{MARK}npm error gyp ERR! configure error
{MARK}npm error gyp ERR! stack Error: Could not find any Python installation to use
{MARK}npm error gyp ERR! not ok
npm error A complete log of this run can be found in: /root/.npm/_logs/2024-05-02T14_03_40_123Z-debug-0.log""",
                code=1,
            ),
        ],
    ),
    "npm error gyp ERR! stack Error: Could not find any Python installation to use",
    "node-gyp needs a Python the alpine image lacks: the configure error is its consequence",
)

case(
    "aj-pip-wheel-gcc-missing-gitlab",
    "command.not.found",
    "high",
    gitlab(
        "acme/reports",
        "python:3.12-slim",
        [
            Step(
                "pip install -r requirements.txt",
                f"""Collecting psycopg2==2.9.9 (from -r requirements.txt (line 4))
  Downloading psycopg2-2.9.9.tar.gz (384 kB)
  Preparing metadata (setup.py): started
  Preparing metadata (setup.py): finished with status 'done'
Building wheels for collected packages: psycopg2
  Building wheel for psycopg2 (setup.py): started
  Building wheel for psycopg2 (setup.py): finished with status 'error'
{MARK}  error: subprocess-exited-with-error
{MARK}
{MARK}  × python setup.py bdist_wheel did not run successfully.
{MARK}  │ exit code: 1
{MARK}  ╰─> [12 lines of output]
{MARK}      running bdist_wheel
{MARK}      running build
{MARK}      running build_py
{MARK}      running build_ext
{MARK}      building 'psycopg2._psycopg' extension
{MARK}      creating build/temp.linux-x86_64-cpython-312/psycopg
{MARK}      gcc -pthread -fno-strict-overflow -Wsign-compare -DNDEBUG -g -O3 -Wall -fPIC -DPSYCOPG_VERSION=2.9.9 -I/usr/include/postgresql -c psycopg/adapter_asis.c -o build/temp.linux-x86_64-cpython-312/psycopg/adapter_asis.o
{MARK}      error: command 'gcc' failed: No such file or directory
{MARK}      [end of output]
  note: This error originates from a subprocess, and is likely not a problem with pip.
  ERROR: Failed building wheel for psycopg2
  Running setup.py clean for psycopg2
Failed to build psycopg2
ERROR: Could not build wheels for psycopg2, which is required to install pyproject.toml-based projects""",
                code=1,
            ),
        ],
    ),
    "error: command 'gcc' failed: No such file or directory",
    "a source build of psycopg2 on a slim image without a compiler",
)

case(
    "aj-cargo-build-script-cc-missing-gha",
    "command.not.found",
    "high",
    gha(
        "acme/edge-proxy",
        "build",
        [
            Step(
                "cargo build --release --locked",
                f"""    Updating crates.io index
 Downloading crates ...
  Downloaded ring v0.17.8
   Compiling cfg-if v1.0.0
   Compiling ring v0.17.8
{MARK}error: failed to run custom build command for `ring v0.17.8`
{MARK}
{MARK}Caused by:
{MARK}  process didn't exit successfully: `/home/runner/work/edge-proxy/edge-proxy/target/release/build/ring-6c3f1e0a9b2d4e57/build-script-build` (exit status: 1)
{MARK}  --- stdout
{MARK}  cargo:rerun-if-env-changed=RING_PREGENERATE_ASM
{MARK}  TARGET = Some("x86_64-unknown-linux-musl")
{MARK}  CC_x86_64-unknown-linux-musl = None
{MARK}
{MARK}  --- stderr
{MARK}
{MARK}  error occurred: Failed to find tool. Is `x86_64-linux-musl-gcc` installed?
warning: build failed, waiting for other jobs to finish...""",
                code=101,
            ),
        ],
    ),
    "error occurred: Failed to find tool. Is `x86_64-linux-musl-gcc` installed?",
    "ring's build script needs a musl cross compiler the runner does not have",
)

case(
    "aj-maven-deploy-401-jenkins",
    "credentials",
    "high",
    jenkins(
        "acme/ledger",
        "ledger/release",
        [
            Step("mvn -B -q verify", "[INFO] Tests run: 212, Failures: 0, Errors: 0, Skipped: 0", name="Verify"),
            Step(
                "mvn -B deploy -DskipTests",
                f"""[INFO] --- deploy:3.1.1:deploy (default-deploy) @ ledger-core ---
[INFO] Uploading to nexus: https://nexus.acme.dev/repository/releases/dev/acme/ledger-core/4.2.0/ledger-core-4.2.0.pom
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  6.114 s
{MARK}[ERROR] Failed to execute goal org.apache.maven.plugins:maven-deploy-plugin:3.1.1:deploy (default-deploy) on project ledger-core: Failed to deploy artifacts: Could not transfer artifact dev.acme:ledger-core:pom:4.2.0 from/to nexus (https://nexus.acme.dev/repository/releases): status code: 401, reason phrase: Unauthorized (401) -> [Help 1]
[ERROR]
[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.""",
                code=1,
                name="Deploy",
            ),
        ],
    ),
    "status code: 401, reason phrase: Unauthorized (401)",
    "the Nexus deploy credentials in settings.xml were rejected; the rule reads a transfer error",
)

# ---------------------------------------------------------------- 2. a worded cause above the follow-on error

case(
    "aj-cp-denied-then-header-missing-travis",
    "permission",
    "high",
    travis(
        "acme/tinyhttpd",
        "c",
        [
            Step(
                "./ci/build.sh",
                f"""+ mkdir -p out/gen
+ install -m 0644 templates/config.h.in out/gen/config.h
{MARK}install: cannot create regular file 'out/gen/config.h': Permission denied
{MARK}+ gcc -O2 -Wall -Iout/gen -c src/server.c -o out/server.o
{MARK}src/server.c:7:10: fatal error: config.h: No such file or directory
{MARK}    7 | #include "config.h"
{MARK}      |          ^~~~~~~~~~
{MARK}compilation terminated.""",
                code=1,
            ),
        ],
    ),
    "install: cannot create regular file 'out/gen/config.h': Permission denied",
    "out/gen came from a cache owned by root: the header was never written, the compile that needs it fails",
)

case(
    "aj-curl-403-then-tar-missing-gha",
    "permission",
    "medium",
    gha(
        "acme/geo-tiles",
        "data",
        [
            Step(
                'curl -fsSLO "https://downloads.acme.dev/fixtures/tiles-v3.tar.gz"\ntar -xzf tiles-v3.tar.gz -C fixtures/',
                f"""{MARK}curl: (22) The requested URL returned error: 403
{MARK}tar (child): tiles-v3.tar.gz: Cannot open: No such file or directory
{MARK}tar (child): Error is not recoverable: exiting now
{MARK}tar: Child returned status 2
{MARK}tar: Error is not recoverable: exiting now""",
                code=2,
            ),
        ],
    ),
    "curl: (22) The requested URL returned error: 403",
    "the fixtures bucket refused the download; tar then finds no archive (403: permission, not network)",
)

case(
    "aj-disk-quota-assembler-jenkins",
    "resource.exhausted",
    "high",
    jenkins(
        "acme/physics",
        "physics/main",
        [
            Step(
                "make -j4 all",
                f"""g++ -std=c++17 -O2 -Iinclude -c src/solver.cpp -o obj/solver.o
g++ -std=c++17 -O2 -Iinclude -c src/mesh.cpp -o obj/mesh.o
{MARK}/tmp/ccQ1w2e3.s: Assembler messages:
{MARK}/tmp/ccQ1w2e3.s: Fatal error: can't write 512 bytes to section .text of obj/mesh.o: 'Disk quota exceeded'
{MARK}g++: error: obj/mesh.o: No such file or directory
{MARK}make: *** [Makefile:31: obj/mesh.o] Error 1
make: *** Waiting for unfinished jobs....""",
                code=2,
                name="Build",
            ),
        ],
    ),
    "Fatal error: can't write 512 bytes to section .text of obj/mesh.o: 'Disk quota exceeded'",
    "the agent's workspace quota ran out while writing an object file",
)

# ---------------------------------------------------------------- 3. a crash inside a failing test, and negatives

case(
    "aj-go-test-panic-recovered-gitlab",
    "test.failure",  # categories.md: ``panic:`` is a crash outside tests; this one is in a test (was crash)
    "high",
    gitlab(
        "acme/scheduler",
        "golang:1.22",
        [
            Step(
                "go test -race ./...",
                f"""ok  	gitlab.com/acme/scheduler/api	1.204s
ok  	gitlab.com/acme/scheduler/clock	0.318s
{MARK}--- FAIL: TestQueueDrainsInOrder (0.00s)
{MARK}panic: runtime error: slice bounds out of range [:5] with capacity 4 [recovered]
{MARK}	panic: runtime error: slice bounds out of range [:5] with capacity 4
{MARK}
{MARK}goroutine 21 [running]:
{MARK}testing.tRunner.func1.2({{0x7c5e20, 0xc0000b6030}})
{MARK}	/usr/local/go/src/testing/testing.go:1631 +0x3f7
{MARK}testing.tRunner.func1()
{MARK}	/usr/local/go/src/testing/testing.go:1634 +0x6b6
{MARK}panic({{0x7c5e20?, 0xc0000b6030?}})
{MARK}	/usr/local/go/src/runtime/panic.go:770 +0x132
{MARK}gitlab.com/acme/scheduler/queue.(*Ring).Drain(0xc0000a4180, 0x5)
{MARK}	/builds/acme/scheduler/queue/ring.go:88 +0x2d1
{MARK}gitlab.com/acme/scheduler/queue.TestQueueDrainsInOrder(0xc0000d2680)
{MARK}	/builds/acme/scheduler/queue/ring_test.go:41 +0x1b4
testing.tRunner(0xc0000d2680, 0x82a4f8)
	/usr/local/go/src/testing/testing.go:1689 +0x21f
created by testing.(*T).Run in goroutine 1
	/usr/local/go/src/testing/testing.go:1742 +0x826
FAIL	gitlab.com/acme/scheduler/queue	0.047s
ok  	gitlab.com/acme/scheduler/store	0.512s
FAIL""",
                code=1,
            ),
        ],
    ),
    "panic: runtime error: slice bounds out of range [:5] with capacity 4 [recovered]",
    "the code under test panics; the testing package recovers it to report, then the binary dies",
)

case(
    "aj-ctest-asan-overflow-gha",
    "crash",
    "high",
    gha(
        "acme/codec",
        "asan",
        [
            Step(
                "ctest --test-dir build --output-on-failure",
                f"""Test project /home/runner/work/codec/codec/build
    Start 1: test_header
1/3 Test #1: test_header ......................   Passed    0.02 sec
    Start 2: test_decode
2/3 Test #2: test_decode ......................***Failed    0.31 sec
[ RUN      ] Decode.ShortFrame
{MARK}=================================================================
{MARK}==4211==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000054 at pc 0x55d1c3a4b2e1 bp 0x7ffc8e1a2f10 sp 0x7ffc8e1a2f08
{MARK}READ of size 4 at 0x602000000054 thread T0
{MARK}    #0 0x55d1c3a4b2e0 in codec::read_frame(unsigned char const*, unsigned long) /home/runner/work/codec/codec/src/frame.cc:58
{MARK}    #1 0x55d1c3a3f9a1 in Decode_ShortFrame_Test::TestBody() /home/runner/work/codec/codec/tests/decode_test.cc:22
{MARK}
{MARK}SUMMARY: AddressSanitizer: heap-buffer-overflow /home/runner/work/codec/codec/src/frame.cc:58 in codec::read_frame(unsigned char const*, unsigned long)
==4211==ABORTING

    Start 3: test_encode
3/3 Test #3: test_encode ......................   Passed    0.05 sec

67% tests passed, 1 tests failed out of 3

The following tests FAILED:
{TAB}  2 - test_decode (Failed)
Errors while running CTest""",
                code=8,
            ),
        ],
    ),
    "==4211==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000054",
    "the sanitizer's report inside the failing test is why it failed",
)

case(
    "aj-pytest-permission-assert-gha",
    "test.failure",
    "high",
    gha(
        "acme/syncer",
        "py-tests",
        [
            Step(
                "pytest -q",
                f"""........F.....                                                           [100%]
=================================== FAILURES ===================================
{MARK}_______________________ test_readonly_target_is_reported _______________________
{MARK}
{MARK}tmp_path = PosixPath('/tmp/pytest-of-runner/pytest-0/test_readonly_target_is_r0')
{MARK}
{MARK}    def test_readonly_target_is_reported(tmp_path):
{MARK}        target = tmp_path / "out"
{MARK}        target.mkdir(mode=0o500)
{MARK}        result = sync("data/", target)
{MARK}>       assert result.error == f"{{target}}: Permission denied"
{MARK}E       AssertionError: assert None == '/tmp/pytest-of-runner/pytest-0/test_readonly_target_is_r0/out: Permission denied'
{MARK}E        +  where None = SyncResult(copied=3, error=None).error
{MARK}
{MARK}tests/test_sync.py:48: AssertionError
=========================== short test summary info ============================
FAILED tests/test_sync.py::test_readonly_target_is_reported - AssertionError: assert None == '/tmp/pytest-of-runner/pytest-0/test_readonly_target_is_r0/out: Permission denied'
1 failed, 13 passed in 0.41s""",
                code=1,
            ),
        ],
    ),
    "E       AssertionError: assert None == '/tmp/pytest-of-runner/pytest-0/test_readonly_target_is_r0/out: Permission denied'",
    "a test of how a denied write is reported, failing on its assertion (the runner as root can write)",
)

case(
    "aj-jest-missing-tool-message-travis",
    "test.failure",
    "high",
    travis(
        "acme/buildkit-js",
        "node_js",
        [
            Step(
                "npx jest --ci",
                f"""PASS test/config.test.js
{MARK}FAIL test/toolchain.test.js
{MARK}  ● toolchain › explains a missing make
{MARK}
{MARK}    expect(received).toContain(expected) // indexOf
{MARK}
{MARK}    Expected substring: "Install make with your package manager"
{MARK}    Received string:    "Error: not found: make"
{MARK}
{MARK}      18 |     const err = await findTool("make", {{ path: "" }}).catch((e) => e);
{MARK}      19 |     expect(err.message).toContain("Install make with your package manager");
{MARK}         |                         ^
{MARK}
{MARK}      at Object.toContain (test/toolchain.test.js:19:25)

Test Suites: 1 failed, 1 passed, 2 total
Tests:       1 failed, 11 passed, 12 total
Snapshots:   0 total
Time:        1.92 s""",
                code=1,
            ),
        ],
    ),
    'Received string:    "Error: not found: make"',
    "a test of the message for a missing program, failing on its expected text",
)
