"""Root causes of several ecosystems' tools, on small synthetic logs (shapes as the tools print them)."""

from __future__ import annotations

import pytest

from autoheal.rules import default_ruleset
from tests.helpers import triage_text

RS = default_ruleset()


def _triage(text: str) -> tuple[str, int]:
    d = triage_text(text, RS, "job.txt", name="job.txt")
    return d.category, d.key_lines[0] if d.key_lines else 0


CHECKSTYLE = """[INFO] --- checkstyle:3.3.1:check (default-cli) @ util ---
[ERROR] src/main/java/com/acme/Strings.java:[14,8] (imports) UnusedImports: Unused import - java.util.List.
[INFO] BUILD FAILURE
"""
CMAKE_REQUIRED = """-- Could NOT find ZLIB (missing: ZLIB_LIBRARY) (found version "1.2")
-- Found PkgConfig: /usr/bin/pkg-config
CMake Error at /usr/share/cmake/Modules/FindPackageHandleStandardArgs.cmake:230 (message):
  Could NOT find OpenSSL, try to set the path to OpenSSL root folder in the
  system variable OPENSSL_ROOT_DIR (missing: OPENSSL_CRYPTO_LIBRARY)
-- Configuring incomplete, errors occurred!
"""
JENKINS_TIMEOUT = """[Pipeline] sh
+ ./gradlew integrationTest
com.acme.ClusterIT > survivesNodeLoss() STARTED
Cancelling nested steps due to timeout
Sending interrupt signal to process
script returned exit code 143
Finished: FAILURE
"""
DOCKER_SOCKET = """+ docker build -t acme/api .
ERROR: permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Head "http://%2Fvar%2Frun%2Fdocker.sock/_ping": dial unix /var/run/docker.sock: connect: permission denied
script returned exit code 1
"""
XARGS = """+ find scripts -name '*.sh' -print0
+ xargs -0 shellcheck
xargs: shellcheck: No such file or directory
+ exit 127
"""
COMPOSE = """##[group]Run docker compose -f docker-compose.ci.yml up -d
##[endgroup]
validating /w/docker-compose.ci.yml: services.api Additional property buildd is not allowed
##[error]Process completed with exit code 15.
"""
DISK = """9d3c2a1b0e4f: Download complete
failed to register layer: write /usr/lib/libtorch_cuda.so: no space left on device
##[error]Process completed with exit code 1.
"""


@pytest.mark.parametrize(
    ("log", "category", "line"),
    [
        (CHECKSTYLE, "lint.error", 2),  # checkstyle's [line,col] (group) Check: findings are not javac's
        (CMAKE_REQUIRED, "dependency.missing", 4),  # a REQUIRED package, not the optional one above
        (JENKINS_TIMEOUT, "timeout", 4),
        (DOCKER_SOCKET, "permission", 2),
        (XARGS, "command.not.found", 3),
        (COMPOSE, "config.error", 3),
        (DISK, "resource.exhausted", 2),
    ],
)
def test_root_cause(log: str, category: str, line: int) -> None:
    assert _triage(log) == (category, line)


WEBPACK = """$ webpack --mode production
ERROR in ./src/charts/line.js 3:0-39
Module not found: Error: Can't resolve 'lodash-es' in '/build/src/charts'
webpack 5.91.0 compiled with 1 error in 8214 ms
"""
GRADLE = """> Task :app:dataBindingMergeDependencyArtifactsDebug FAILED
* What went wrong:
Execution failed for task ':app:dataBindingMergeDependencyArtifactsDebug'.
> Could not resolve all files for configuration ':app:debugCompileClasspath'.
   > Could not find com.acme.design:tokens:3.2.0.
BUILD FAILED in 41s
"""
PIP_DNS = """##[group]Run pip install -r requirements.txt
##[endgroup]
WARNING: Retrying (Retry(total=1, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError(': Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/requests/
WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError(': Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/requests/
ERROR: Could not find a version that satisfies the requirement requests==2.31.0 (from versions: none)
ERROR: No matching distribution found for requests==2.31.0
##[error]Process completed with exit code 1.
"""


@pytest.mark.parametrize(
    ("log", "category", "line"),
    [
        (WEBPACK, "dependency.missing", 3),  # a block's header does not win over its detail
        (GRADLE, "dependency.missing", 5),  # nor an umbrella line over the detail indented under it
        (PIP_DNS, "network", 3),  # warnings that name a cause, then its consequence: the cause
    ],
)
def test_the_cause_among_header_detail_and_warnings(log: str, category: str, line: int) -> None:
    assert _triage(log) == (category, line)


def test_a_warning_far_from_the_failure_stays_context() -> None:
    log = PIP_DNS.replace(
        "ERROR: Could not find", "\n".join(f"Downloading pkg{i}-1.0.whl" for i in range(40)) + "\nERROR: Could not find"
    )
    assert _triage(log)[0] == "dependency.missing"


KILLED = """##[group]Run npx jest --ci
##[endgroup]
PASS src/a.test.ts
PASS src/b.test.ts (8.1 s)
##[error]Process completed with exit code 137.
"""
SCRIPT = """##[group]Run curl -sSfL https://example.com/install.sh | bash
./actionlint -color
shell: /usr/bin/bash -e {0}
##[endgroup]
Downloaded actionlint 1.7.0
.github/workflows/ci.yml:24:28: property "node" is not defined in object type {os: string} [expression]
##[error]Process completed with exit code 1.
"""
REFUSED = "\n".join(
    [
        "$ python -m pytest -q",
        "EEE.",
        "==================================== ERRORS ====================================",
    ]
    + [
        line
        for name in ("create", "delete", "rename")
        for line in (
            f"_____________ ERROR at setup of test_{name} _____________",
            ">       return psycopg2.connect(DSN)",
            'E       psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: '
            "Connection refused",
            "tests/conftest.py:21: OperationalError",
        )
    ]
    + [f"ERROR tests/test_users.py::test_{name} - psycopg2.OperationalError" for name in ("create", "delete", "rename")]
    + ["1 passed, 3 errors in 0.61s", 'The command "python -m pytest -q" exited with 1.']
)


# A release job publishing a version the registry already has: the refusal is the cause, not the
# uploader's exit or the HTTP status line above it.
TWINE_REUSE = """##[group]Run twine upload dist/*
twine upload dist/*
##[endgroup]
Uploading distributions to https://upload.pypi.org/legacy/
Uploading acme-1.2.0-py3-none-any.whl
100% ---------------------------------------- 12.3/12.3 kB • 00:00 • ?
WARNING  Error during upload. Retry with the --verbose option for more details.
ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/
         File already exists ('acme-1.2.0-py3-none-any.whl', with blake2_256 hash 'a1b2c3'). See https://pypi.org/help/#file-name-reuse for more information.
##[error]Process completed with exit code 1.
"""
CARGO_REUSE = """$ cargo publish -p acme-core
    Updating crates.io index
   Packaging acme-core v0.4.1 (/home/travis/build/acme/acme/core)
   Uploading acme-core v0.4.1 (/home/travis/build/acme/acme/core)
error: failed to publish to registry at https://crates.io

Caused by:
  the remote server responded with an error: crate version `0.4.1` is already uploaded
The command "cargo publish -p acme-core" exited with 101.
"""


@pytest.mark.parametrize(
    ("log", "category", "line"),
    [
        (TWINE_REUSE, "config.error", 9),
        (CARGO_REUSE, "config.error", 8),
        (KILLED, "resource.exhausted", 5),  # nothing reads as an error: the signal in the exit code says it
        (SCRIPT, "lint.error", 6),  # the step's further script lines name the tool (actionlint)
        (REFUSED, "network", 6),  # a local service refusing every failing test's setup explains them
    ],
)
def test_exit_codes_step_scripts_refused_services_and_registries(log: str, category: str, line: int) -> None:
    assert _triage(log) == (category, line)


GITLAB_TIMEOUT = """$ pytest -v tests/long
tests/long/test_runs.py::test_scenario[0] PASSED
tests/long/test_runs.py::test_scenario[1]
Cleaning up project directory and file based variables
ERROR: Job failed: execution took longer than 1h0m0s seconds
"""
GRADLE_CHECKSTYLE = """> Task :checkstyleMain
[ant:checkstyle] [ERROR] /w/src/main/java/com/acme/Index.java:88: Line is longer than 100 characters (found 112). [LineLength]
> Task :checkstyleMain FAILED
FAILURE: Build failed with an exception.
* What went wrong:
Execution failed for task ':checkstyleMain'.
> Checkstyle rule violations were found. See the report at: file:///w/build/reports/checkstyle/main.html
"""


@pytest.mark.parametrize(
    ("log", "category", "line"),
    [
        (GITLAB_TIMEOUT, "timeout", 5),  # other CI platforms' job timeouts, not the test that was running
        (GRADLE_CHECKSTYLE, "lint.error", 2),  # Gradle's Ant checkstyle prefix: the finding, not the epilogue
    ],
)
def test_platform_timeouts_and_prefixed_findings(log: str, category: str, line: int) -> None:
    assert _triage(log) == (category, line)
