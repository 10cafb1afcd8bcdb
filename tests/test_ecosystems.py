"""Root causes of several ecosystems' tools, on small synthetic logs (shapes as the tools print them)."""

from __future__ import annotations

import pytest

from autoheal.logsource import bytes_doc
from autoheal.rules import default_ruleset
from autoheal.triage import triage_docs

RS = default_ruleset()


def _triage(text: str) -> tuple[str, int]:
    d = triage_docs([bytes_doc("job.txt", text.encode())], RS, "job.txt")
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
