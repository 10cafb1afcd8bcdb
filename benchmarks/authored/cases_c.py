"""Authored cases: shell, checkers, docker, platform and environment failures."""

from __future__ import annotations

from benchmarks.authored.cases_a import PIP, case
from benchmarks.authored.noise import (
    PY_PACKAGES,
    apt_install,
    npm_ci,
    pip_install,
    pytest_dots,
    pytest_header,
    setup_node,
    setup_python,
)
from benchmarks.authored.shapes import Step, gha, gitlab, jenkins, plain, travis

PYFILES = ["tests/test_a.py", "tests/test_b.py", "tests/test_c.py", "tests/test_d.py"]

case(
    "sh-shellcheck-gha",
    "lint.error",
    "high",
    gha(
        "acme/dotfiles",
        "shellcheck",
        [
            Step("sudo apt-get install -y shellcheck", apt_install("shellcheck")),
            Step(
                "shellcheck -S warning scripts/*.sh",
                """
§In scripts/deploy.sh line 12:
§rm -rf $TARGET_DIR/*
§       ^---------^ SC2115 (warning): Use "${var:?}" to ensure this never expands to /* .
§
§
§In scripts/backup.sh line 7:
§for f in $(ls /var/backups); do
§         ^----------------^ SC2045 (error): Iterating over ls output is fragile. Use globs.
§
§For more information:
§  https://www.shellcheck.net/wiki/SC2045 -- Iterating over ls output is fragi...
§  https://www.shellcheck.net/wiki/SC2115 -- Use "${var:?}" to ensure this nev...""",
                code=1,
            ),
        ],
    ),
    'SC2115 (warning): Use "${var:?}" to ensure this never expands to /* .',
    "shellcheck's findings carry (warning)/(error) severities; they fail the check",
)

case(
    "make-check-lint-after-tests-travis",
    "lint.error",
    "high",
    travis(
        "oldcorp/geoparse",
        "python",
        [
            Step(
                "pip install -e .[dev]",
                pip_install(PY_PACKAGES[:6] + [("flake8", "3.9.2"), ("pyflakes", "2.3.1")]),
                name="install",
            ),
            Step(
                "make check",
                """python -m pytest -q tests
"""
                + pytest_dots(PYFILES)
                + """
57 passed in 2.04s
flake8 geoparse tests
§geoparse/wkt.py:88:1: E302 expected 2 blank lines, found 1
§geoparse/wkt.py:140:17: W605 invalid escape sequence '\\d'
§tests/test_wkt.py:9:1: F401 'pytest' imported but unused
§make: *** [Makefile:14: lint] Error 1""",
                code=2,
            ),
        ],
    ),
    "geoparse/wkt.py:88:1: E302 expected 2 blank lines, found 1",
    "tests pass, then the lint target of `make check` fails",
)

case(
    "py-test-step-runs-lint-gha",
    "lint.error",
    "high",
    gha(
        "acme/ratelimit",
        "test",
        [
            setup_python(),
            PIP,
            Step(
                "pytest -q\nisort --check-only --diff .",
                """........................................................................ [ 76%]
......................                                                   [100%]
94 passed in 1.88s
§ERROR: /home/runner/work/ratelimit/ratelimit/ratelimit/bucket.py Imports are incorrectly sorted and/or formatted.
§--- /home/runner/work/ratelimit/ratelimit/ratelimit/bucket.py:before	2024-05-02 14:05:11.421112
§+++ /home/runner/work/ratelimit/ratelimit/ratelimit/bucket.py:after	2024-05-02 14:05:12.101881
§@@ -1,5 +1,5 @@
§+import threading
§ import time
§-import threading
§ from dataclasses import dataclass""",
                code=1,
            ),
        ],
    ),
    "ERROR: ... bucket.py Imports are incorrectly sorted and/or formatted.",
    "a step named test whose second command is an import-order check",
)

case(
    "docs-lychee-links-gha",
    "lint.error",
    "medium",
    gha(
        "acme/handbook",
        "links",
        [
            Step(
                "",
                uses="lycheeverse/lychee-action@v1",
                with_={"args": "--verbose --no-progress './**/*.md'", "fail": "true"},
                out="""Downloading lychee v0.15.1
Running lychee with args: --verbose --no-progress './**/*.md'
✔ [200] https://docs.github.com/en/actions
✔ [200] https://www.python.org/downloads/
✔ [200] https://github.com/acme/handbook/blob/main/CONTRIBUTING.md
§✗ [404] https://acme.example.com/old/onboarding.html | Failed: Network error: Not Found
§✗ [ERR] https://wiki.internal.acme.example/ | Failed: Network error: dns error: failed to lookup address information: Name or service not known
✔ [200] https://www.markdownguide.org/basic-syntax/

📝 Summary
---------------------
🔍 Total............118
✅ Successful.......116
⏳ Timeouts...........0
🔀 Redirected.........0
👻 Excluded...........0
❓ Unknown............0
🚫 Errors.............2""",
                code=2,
            ),
        ],
        actions=("lycheeverse/lychee-action@v1",),
    ),
    "✗ [404] https://acme.example.com/old/onboarding.html | Failed: Network error: Not Found",
    "a docs link checker finding dead links (alt network for the DNS one)",
)

case(
    "js-size-limit-gha",
    "lint.error",
    "medium",
    gha(
        "acme/tiny-store",
        "size",
        [
            setup_node(),
            Step("npm ci", npm_ci(402)),
            Step(
                "npx size-limit",
                """
  dist/index.js
  Size limit: 2 kB
§  Size:       2.31 kB with all dependencies, minified and brotlied
§  Package size limit has exceeded by 316 B
§  Try to reduce size or increase limit in "size-limit" section of package.json

  dist/react.js
  Size limit: 3 kB
  Size:       2.87 kB with all dependencies, minified and brotlied
""",
                code=1,
            ),
        ],
    ),
    "Package size limit has exceeded by 316 B",
    "a bundle-size checker: a check, like a linter",
)

case(
    "rust-semver-checks-gha",
    "lint.error",
    "medium",
    gha(
        "acme/tomlish",
        "semver",
        [
            Step(
                "cargo install cargo-semver-checks --locked",
                "    Updating crates.io index\n  Installing cargo-semver-checks v0.31.0\n   Compiling cargo-semver-checks v0.31.0\n    Finished `release` profile [optimized] target(s) in 2m 11s\n  Installing /home/runner/.cargo/bin/cargo-semver-checks",
            ),
            Step(
                "cargo semver-checks check-release",
                """    Building tomlish v0.4.2 (current)
       Built [   3.101s] (current)
     Parsing tomlish v0.4.2 (current)
      Parsed [   0.012s] (current)
    Building tomlish v0.4.1 (baseline)
       Built [   2.881s] (baseline)
     Parsing tomlish v0.4.1 (baseline)
      Parsed [   0.011s] (baseline)
    Checking tomlish v0.4.1 -> v0.4.2 (patch change)
     Checked [   0.021s] 78 checks: 77 pass, 1 fail, 0 warn, 0 skip

§--- failure function_missing: pub fn removed or renamed ---
§
§Description:
§A publicly-visible function cannot be imported by its prior path. A `pub use` may have been removed, or the function itself may have been renamed or removed entirely.
§        ref: https://doc.rust-lang.org/cargo/reference/semver.html#item-remove
§
§Failed in:
§  function tomlish::from_reader, previously in file /home/runner/work/tomlish/tomlish/src/lib.rs:61
§
§     Summary semver requires new major version: 1 major and 0 minor checks failed
     Finished [   6.119s] tomlish""",
                code=1,
            ),
        ],
    ),
    "--- failure function_missing: pub fn removed or renamed ---",
    "an API compatibility checker",
)

case(
    "py-license-header-script-gitlab",
    "lint.error",
    "medium",
    gitlab(
        "acme/platform",
        "python:3.12-slim",
        [
            Step("pip install -q -r requirements-dev.txt", ""),
            Step(
                "python scripts/check_license_headers.py src/",
                """checking 212 files under src/
§src/platform/jobs/cron.py: missing SPDX-License-Identifier header
§src/platform/jobs/retry.py: missing SPDX-License-Identifier header
§2 of 212 files lack a license header""",
                code=1,
            ),
        ],
    ),
    "src/platform/jobs/cron.py: missing SPDX-License-Identifier header",
    "a project's own checker script",
)

case(
    "docker-build-go-compile-gha",
    "compile.error",
    "high",
    gha(
        "acme/gateway",
        "image",
        [
            Step(
                "",
                uses="docker/setup-buildx-action@v3",
                out="Docker info\nBuildx version\ngithub.com/docker/buildx v0.14.0 171fcbe\nCreating a new builder instance\n[command]/usr/bin/docker buildx create --name builder-3f2e --driver docker-container --buildkitd-flags --allow-insecure-entitlement security.insecure --allow-insecure-entitlement network.host --use\nbuilder-3f2e\nBooting builder",
            ),
            Step(
                "",
                uses="docker/build-push-action@v5",
                with_={"context": ".", "push": "false", "tags": "acme/gateway:ci"},
                out="""[command]/usr/bin/docker buildx build --iidfile /home/runner/work/_temp/docker-actions-toolkit-1a2b/iidfile --tag acme/gateway:ci .
#0 building with "builder-3f2e" instance using docker-container driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 612B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/golang:1.22-alpine
#2 DONE 1.1s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [builder 1/5] FROM docker.io/library/golang:1.22-alpine@sha256:cdc86d9f363e8786845bea2040312b4efa321b828acdeb26f393faa864d887b0
#4 resolve docker.io/library/golang:1.22-alpine@sha256:cdc86d9f363e8786845bea2040312b4efa321b828acdeb26f393faa864d887b0 done
#4 DONE 6.2s

#5 [builder 2/5] WORKDIR /src
#5 DONE 0.1s

#6 [builder 3/5] COPY go.mod go.sum ./
#6 DONE 0.0s

#7 [builder 4/5] RUN go mod download
#7 DONE 8.4s

#8 [builder 5/5] RUN CGO_ENABLED=0 go build -o /out/gateway ./cmd/gateway
§#8 4.112 # github.com/acme/gateway/cmd/gateway
§#8 4.112 cmd/gateway/main.go:19:2: "os" imported and not used
§#8 ERROR: process "/bin/sh -c CGO_ENABLED=0 go build -o /out/gateway ./cmd/gateway" did not complete successfully: exit code: 1
------
 > [builder 5/5] RUN CGO_ENABLED=0 go build -o /out/gateway ./cmd/gateway:
4.112 # github.com/acme/gateway/cmd/gateway
4.112 cmd/gateway/main.go:19:2: "os" imported and not used
------
Dockerfile:9
--------------------
   7 |     COPY . .
   8 |
   9 | >>> RUN CGO_ENABLED=0 go build -o /out/gateway ./cmd/gateway
  10 |
  11 |     FROM gcr.io/distroless/static
--------------------
ERROR: failed to solve: process "/bin/sh -c CGO_ENABLED=0 go build -o /out/gateway ./cmd/gateway" did not complete successfully: exit code: 1""",
                code=1,
                error='##[error]buildx failed with: ERROR: failed to solve: process "/bin/sh -c CGO_ENABLED=0 go build -o /out/gateway ./cmd/gateway" did not complete successfully: exit code: 1',
            ),
        ],
        actions=("docker/setup-buildx-action@v3", "docker/build-push-action@v5"),
    ),
    'cmd/gateway/main.go:19:2: "os" imported and not used',
)

case(
    "py-pip-dns-network-gha",
    "network",
    "high",
    gha(
        "acme/etl",
        "tests",
        [
            setup_python(),
            Step(
                "pip install -r requirements.txt",
                """§WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f3a1c2b9d50>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/requests/
§WARNING: Retrying (Retry(total=3, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f3a1c2b9f10>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/requests/
§WARNING: Retrying (Retry(total=2, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f3a1c2ba0d0>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/requests/
§WARNING: Retrying (Retry(total=1, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f3a1c2ba290>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/requests/
§WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f3a1c2ba450>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/requests/
§ERROR: Could not find a version that satisfies the requirement requests==2.31.0 (from versions: none)
§ERROR: No matching distribution found for requests==2.31.0""",
                code=1,
            ),
        ],
    ),
    "Failed to establish a new connection: [Errno -3] Temporary failure in name resolution",
    "the resolver error is a consequence of DNS failing",
)

case(
    "git-submodule-dns-travis",
    "network",
    "high",
    travis(
        "oldcorp/firmware",
        "c",
        [
            Step(
                "git submodule update --init --recursive",
                """Submodule 'vendor/lwip' (https://git.savannah.nongnu.org/git/lwip.git) registered for path 'vendor/lwip'
Cloning into '/home/travis/build/oldcorp/firmware/vendor/lwip'...
§fatal: unable to access 'https://git.savannah.nongnu.org/git/lwip.git/': Could not resolve host: git.savannah.nongnu.org
§fatal: clone of 'https://git.savannah.nongnu.org/git/lwip.git' into submodule path '/home/travis/build/oldcorp/firmware/vendor/lwip' failed
Failed to clone 'vendor/lwip'. Retry scheduled""",
                code=1,
                name="git.submodule",
            ),
        ],
    ),
    "Could not resolve host: git.savannah.nongnu.org",
)

case(
    "npm-econnreset-gha",
    "network",
    "high",
    gha(
        "acme/dashboard",
        "e2e",
        [
            setup_node(),
            Step(
                "npm ci",
                """npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory. Do not use it.
§npm ERR! code ECONNRESET
§npm ERR! syscall read
§npm ERR! errno ECONNRESET
§npm ERR! network request to https://registry.npmjs.org/@playwright/test/-/test-1.44.0.tgz failed, reason: read ECONNRESET
§npm ERR! network This is a problem related to network connectivity.
§npm ERR! network In most cases you are behind a proxy or have bad network settings.
npm ERR! network
npm ERR! network If you are behind a proxy, please make sure that the
npm ERR! network 'proxy' config is set properly.  See: 'npm help config'

npm ERR! A complete log of this run can be found in: /home/runner/.npm/_logs/2024-05-02T14_04_44_781Z-debug-0.log""",
                code=1,
            ),
        ],
    ),
    "npm ERR! network request to https://registry.npmjs.org/... failed, reason: read ECONNRESET",
)

case(
    "travis-no-output-timeout",
    "timeout",
    "high",
    travis(
        "oldcorp/imgproc",
        "cpp",
        [
            Step("cmake . && make -j2", "[100%] Built target imgproc_tests", name="before_script"),
            Step(
                "./build/imgproc_tests --gtest_color=no",
                """[==========] Running 48 tests from 9 test suites.
[----------] Global test environment set-up.
[----------] 6 tests from Resize
[ RUN      ] Resize.Nearest
[       OK ] Resize.Nearest (3 ms)
[ RUN      ] Resize.Bilinear
[       OK ] Resize.Bilinear (5 ms)
[ RUN      ] Resize.Lanczos
[       OK ] Resize.Lanczos (12 ms)
[----------] 6 tests from Resize (41 ms total)
[----------] 4 tests from Pipeline
§[ RUN      ] Pipeline.ParallelStages
§
§No output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.
§Check the details on how to adjust your build configuration on: https://docs.travis-ci.com/user/common-build-problems/#build-times-out-because-no-output-was-received
§
§The build has been terminated""",
            ),
        ],
        cache="/home/travis/.ccache",
    ),
    "No output has been received in the last 10m0s",
)

case(
    "jenkins-timeout-abort",
    "timeout",
    "high",
    jenkins(
        "acme/search",
        "search_nightly",
        [
            Step(
                "./gradlew --no-daemon build -x test",
                "> Task :compileJava\n> Task :classes\n> Task :jar\n\nBUILD SUCCESSFUL in 48s\n5 actionable tasks: 5 executed",
                name="Build",
            ),
            Step(
                "./gradlew --no-daemon integrationTest",
                """> Task :integrationTest

com.acme.search.IndexIT > indexesDocuments() PASSED

com.acme.search.IndexIT > reindexesOnSchemaChange() PASSED

com.acme.search.ClusterIT > survivesNodeLoss() STARTED
§Cancelling nested steps due to timeout
§Sending interrupt signal to process
§Terminated
§script returned exit code 143""",
                code=143,
                name="Integration",
            ),
        ],
    ),
    "Cancelling nested steps due to timeout",
)

case(
    "gha-step-timeout-cancel",
    "timeout",
    "high",
    gha(
        "acme/ml-models",
        "train-smoke",
        [
            setup_python(),
            PIP,
            Step(
                "python -m train --config configs/smoke.yaml",
                """2024-05-02 14:06:01,221 INFO  loading dataset shards=8
2024-05-02 14:06:07,904 INFO  epoch 1/3 step 100 loss=2.311
2024-05-02 14:11:41,552 INFO  epoch 1/3 step 200 loss=1.982
2024-05-02 14:17:12,019 INFO  epoch 1/3 step 300 loss=1.774
§##[error]The action 'Smoke train' has timed out after 15 minutes.""",
            ),
        ],
    ),
    "The action 'Smoke train' has timed out after 15 minutes.",
)

case(
    "docker-pull-disk-full-gha",
    "resource.exhausted",
    "high",
    gha(
        "acme/ml-models",
        "gpu-image",
        [
            Step(
                "docker pull nvcr.io/nvidia/pytorch:24.04-py3",
                """24.04-py3: Pulling from nvidia/pytorch
a8b1c5f80c2d: Pulling fs layer
4f4fb700ef54: Pulling fs layer
9d3c2a1b0e4f: Pulling fs layer
a8b1c5f80c2d: Verifying Checksum
a8b1c5f80c2d: Download complete
a8b1c5f80c2d: Pull complete
4f4fb700ef54: Download complete
9d3c2a1b0e4f: Verifying Checksum
9d3c2a1b0e4f: Download complete
§failed to register layer: write /usr/local/lib/python3.10/dist-packages/torch/lib/libtorch_cuda.so: no space left on device""",
                code=1,
            ),
        ],
    ),
    "no space left on device",
)

case(
    "pytest-killed-oom-jenkins",
    "resource.exhausted",
    "medium",
    jenkins(
        "acme/imaging",
        "imaging_main",
        [
            Step(
                "python -m pytest -x tests/",
                pytest_header(root="/var/lib/jenkins/workspace/imaging_main")
                + pytest_dots(PYFILES[:2])
                + """
tests/test_c.py ........
§/var/lib/jenkins/workspace/imaging_main@tmp/durable-5a1e/script.sh: line 1:  4121 Killed                  python -m pytest -x tests/""",
                code=137,
                name="Test",
            ),
        ],
    ),
    "Killed python -m pytest -x tests/ (exit code 137)",
    "killed by the OOM killer (exit 137), no other message",
)

case(
    "docker-socket-permission-jenkins",
    "permission",
    "high",
    jenkins(
        "acme/api",
        "api_main",
        [
            Step(
                "make test",
                "go test ./...\nok  \tgithub.com/acme/api\t0.812s\nok  \tgithub.com/acme/api/store\t1.203s",
                name="Test",
            ),
            Step(
                "docker build -t acme/api:${GIT_COMMIT} .",
                """§ERROR: permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Head "http://%2Fvar%2Frun%2Fdocker.sock/_ping": dial unix /var/run/docker.sock: connect: permission denied""",
                code=1,
                name="Image",
            ),
        ],
    ),
    "permission denied while trying to connect to the Docker daemon socket",
)

case(
    "npm-publish-eneedauth-gha",
    "credentials",
    "high",
    gha(
        "acme/ui-kit",
        "release",
        [
            setup_node(),
            Step("npm ci", npm_ci(612)),
            Step(
                "npm run build",
                "\n> ui-kit@2.3.0 build\n> tsup src/index.ts --dts\n\nCLI Building entry: src/index.ts\nCLI tsup v8.0.2\nESM dist/index.mjs 41.22 KB\nESM ⚡️ Build success in 211ms\nDTS ⚡️ Build success in 1402ms",
            ),
            Step(
                "npm publish --access public",
                """npm notice
npm notice 📦  @acme/ui-kit@2.3.0
npm notice === Tarball Contents ===
npm notice 1.2kB README.md
npm notice 41.2kB dist/index.mjs
npm notice 812B package.json
npm notice === Tarball Details ===
npm notice name:          @acme/ui-kit
npm notice version:       2.3.0
npm notice total files:   4
npm notice
§npm ERR! code ENEEDAUTH
§npm ERR! need auth This command requires you to be logged in to https://registry.npmjs.org/
§npm ERR! need auth You need to authorize this machine using `npm adduser`

npm ERR! A complete log of this run can be found in: /home/runner/.npm/_logs/2024-05-02T14_07_02_101Z-debug-0.log""",
                code=1,
            ),
        ],
    ),
    "npm ERR! need auth This command requires you to be logged in",
)

case(
    "aws-s3-credentials-gitlab",
    "credentials",
    "high",
    gitlab(
        "acme/site",
        "amazon/aws-cli:2.15.40",
        [
            Step("aws --version", "aws-cli/2.15.40 Python/3.11.8 Linux/5.15.0-1057-aws exe/x86_64.amzn.2"),
            Step(
                "aws s3 sync public/ s3://acme-site-prod --delete",
                "§upload failed: public/index.html to s3://acme-site-prod/index.html An error occurred (InvalidAccessKeyId) when calling the PutObject operation: The AWS Access Key Id you provided does not exist in our records.",
                code=1,
            ),
        ],
    ),
    "An error occurred (InvalidAccessKeyId) ... The AWS Access Key Id you provided does not exist in our records.",
)

case(
    "shellcheck-not-installed-plain",
    "command.not.found",
    "high",
    plain(
        """+ set -euo pipefail
+ echo '--- lint shell scripts'
--- lint shell scripts
+ find scripts -name '*.sh' -print0
+ xargs -0 shellcheck
§xargs: shellcheck: No such file or directory
+ echo 'lint failed'
lint failed
+ exit 127"""
    ),
    "xargs: shellcheck: No such file or directory",
    "a Buildkite-style raw step with set -x traces",
)

case(
    "yarn-not-found-gha",
    "command.not.found",
    "high",
    gha(
        "acme/legacy-web",
        "build",
        [
            Step(
                "",
                uses="actions/setup-node@v4",
                with_={"node-version": "20"},
                out="Found in cache @ /opt/hostedtoolcache/node/20.12.2/x64",
            ),
            Step(
                "cd frontend\npnpm install\npnpm run build",
                "§/home/runner/work/_temp/2f3e4d5c-6b7a-4890-a1b2-c3d4e5f6a7b8.sh: line 2: pnpm: command not found",
                code=127,
            ),
        ],
    ),
    "pnpm: command not found",
)

case(
    "py-segfault-gha",
    "crash",
    "high",
    gha(
        "acme/fastgeo",
        "test (3.11)",
        [
            setup_python(),
            Step(
                "pip install -e . -v",
                "Building wheel for fastgeo (pyproject.toml): finished with status 'done'\nSuccessfully installed fastgeo-0.3.0",
            ),
            Step(
                "pytest -v tests/",
                pytest_header().replace("collected 214 items", "collected 31 items")
                + """
tests/test_distance.py::test_haversine PASSED                             [  3%]
tests/test_distance.py::test_vincenty PASSED                              [  6%]
tests/test_index.py::test_build_empty
§Fatal Python error: Segmentation fault
§
§Current thread 0x00007f2b3c4d5740 (most recent call first):
§  File "/home/runner/work/fastgeo/fastgeo/fastgeo/index.py", line 42 in build
§  File "/home/runner/work/fastgeo/fastgeo/tests/test_index.py", line 9 in test_build_empty
§  File "/opt/hostedtoolcache/Python/3.11.9/x64/lib/python3.11/site-packages/_pytest/python.py", line 162 in pytest_pyfunc_call
§
§Extension modules: fastgeo._native (total: 1)
§/home/runner/work/_temp/1a2b3c4d.sh: line 1:  2231 Segmentation fault      (core dumped) pytest -v tests/""",
                code=139,
            ),
        ],
    ),
    "Fatal Python error: Segmentation fault",
)

case(
    "compose-config-invalid-gha",
    "config.error",
    "high",
    gha(
        "acme/stack",
        "integration",
        [
            Step(
                "docker compose -f docker-compose.ci.yml up -d --wait",
                "§validating /home/runner/work/stack/stack/docker-compose.ci.yml: services.api Additional property buildd is not allowed",
                code=15,
            ),
        ],
    ),
    "services.api Additional property buildd is not allowed",
)

case(
    "cp-dist-missing-travis",
    "file.not.found",
    "medium",
    travis(
        "oldcorp/landing",
        "node_js",
        [
            Step("npm ci", npm_ci(220), name="install"),
            Step(
                "npm run build",
                "\n> landing@1.0.0 build\n> parcel build src/index.html --dist-dir build\n\n✨ Built in 3.41s\n\nbuild/index.html              1.12 KB    112ms\nbuild/index.4f1e2d3c.js      41.2 KB    610ms",
            ),
            Step(
                "cp dist/index.html dist/404.html",
                "§cp: cannot stat 'dist/index.html': No such file or directory",
                code=1,
            ),
        ],
        cache="/home/travis/.npm",
    ),
    "cp: cannot stat 'dist/index.html': No such file or directory",
    "the build writes to build/, the deploy script expects dist/",
)

case(
    "bash-syntax-error-gha",
    "syntax.error",
    "high",
    gha(
        "acme/release-tools",
        "release",
        [
            Step(
                "./scripts/release.sh --dry-run",
                """Preparing release 4.2.0 (dry run)
Collecting changes since v4.1.3
§./scripts/release.sh: line 44: syntax error near unexpected token `fi'
§./scripts/release.sh: line 44: `  fi'""",
                code=2,
            ),
        ],
    ),
    "./scripts/release.sh: line 44: syntax error near unexpected token `fi'",
)

case(
    "gh-api-rate-limit-gha",
    "rate.limit",
    "high",
    gha(
        "acme/release-tools",
        "changelog",
        [
            Step(
                "gh api repos/acme/release-tools/pulls --paginate --jq '.[].title' > prs.txt",
                "§gh: API rate limit exceeded for 20.42.11.7. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.) (HTTP 403)",
                code=1,
            ),
        ],
    ),
    "gh: API rate limit exceeded for 20.42.11.7.",
)

case(
    "pytest-output-has-refused-gha",
    "test.failure",
    "high",
    gha(
        "acme/healthcheck",
        "test",
        [
            setup_python(),
            PIP,
            Step(
                "pytest -q",
                """.............F.................................                          [100%]
=================================== FAILURES ===================================
§______________________ test_reports_down_when_refused _______________________
§
§    def test_reports_down_when_refused(checker):
§        result = checker.probe("http://127.0.0.1:9")
§>       assert result.status == "down"
§E       AssertionError: assert 'unknown' == 'down'
§E         - down
§E         + unknown
§
§tests/test_probe.py:31: AssertionError
§----------------------------- Captured log call ------------------------------
§WARNING  healthcheck.probe:probe.py:54 probe failed: ConnectionRefusedError: [Errno 111] Connection refused
=========================== short test summary info ============================
FAILED tests/test_probe.py::test_reports_down_when_refused - AssertionError: assert 'unknown' == 'down'
1 failed, 46 passed in 0.91s""",
                code=1,
            ),
        ],
    ),
    "AssertionError: assert 'unknown' == 'down'",
    "the refused connection is the test's subject",
)

case(
    "jest-timeout-gha",
    "timeout",
    "medium",
    gha(
        "acme/dashboard",
        "integration",
        [
            setup_node(),
            Step("npm ci", npm_ci()),
            Step(
                "npx jest --runInBand test/integration",
                """PASS test/integration/login.test.ts
§FAIL test/integration/export.test.ts (12.331 s)
§  ● export › downloads a CSV of all orders
§
§    thrown: "Exceeded timeout of 5000 ms for a test.
§    Add a timeout value to this test to increase the timeout, if this is a long-running test. See https://jestjs.io/docs/api#testname-fn-timeout."
§
§      12 |   });
§      13 |
§    > 14 |   it('downloads a CSV of all orders', async () => {
§         |   ^
§      15 |     const file = await exportOrders(page);
§      16 |     expect(file).toMatch(/orders-\\d+\\.csv/);

Test Suites: 1 failed, 1 passed, 2 total
Tests:       1 failed, 7 passed, 8 total
Snapshots:   0 total
Time:        14.201 s
Ran all test suites matching /test\\/integration/i.""",
                code=1,
            ),
        ],
    ),
    'thrown: "Exceeded timeout of 5000 ms for a test.',
    "a test framework's own timeout (alt test.failure)",
)

case(
    "apt-package-missing-gha",
    "dependency.missing",
    "high",
    gha(
        "acme/netd",
        "build (ubuntu-24.04, clang)",
        [
            Step(
                "sudo apt-get update\nsudo apt-get install -y libssl-dev libboost-all-dev clang-14",
                """Hit:1 http://azure.archive.ubuntu.com/ubuntu noble InRelease
Get:2 http://azure.archive.ubuntu.com/ubuntu noble-updates InRelease [126 kB]
Get:3 http://azure.archive.ubuntu.com/ubuntu noble-backports InRelease [126 kB]
Get:4 http://azure.archive.ubuntu.com/ubuntu noble-security InRelease [126 kB]
Fetched 4310 kB in 1s (4893 kB/s)
Reading package lists...
Reading package lists...
Building dependency tree...
Reading state information...
§E: Unable to locate package clang-14""",
                code=100,
            ),
        ],
    ),
    "E: Unable to locate package clang-14",
)

case(
    "hadolint-gha",
    "lint.error",
    "high",
    gha(
        "acme/stack",
        "dockerfile-lint",
        [
            Step(
                "docker run --rm -i hadolint/hadolint < Dockerfile",
                """Unable to find image 'hadolint/hadolint:latest' locally
latest: Pulling from hadolint/hadolint
4f4fb700ef54: Pulling fs layer
4f4fb700ef54: Pull complete
Digest: sha256:fff226bdf9ebcc08db47fb90ee144dd770120b35c2b1cbbb46e932a650cfe232
Status: Downloaded newer image for hadolint/hadolint:latest
§-:4 DL3008 warning: Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`
§-:4 DL3009 info: Delete the apt-get lists after installing something
§-:11 DL3025 warning: Use arguments JSON notation for CMD and ENTRYPOINT arguments""",
                code=1,
            ),
        ],
    ),
    "-:4 DL3008 warning: Pin versions in apt get install.",
    "hadolint findings at warning/info level fail its default threshold",
)
