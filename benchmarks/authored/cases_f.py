"""Authored cases, fourth batch: package-manager guards, Windows and macOS runners, services and
deploy tools. Labelled before triage ran."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import npm_ci, setup_node, setup_python
from benchmarks.authored.shapes import Step, azure, gha, plain

case(
    "pnpm-outdated-lockfile-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/ui-kit",
        "install",
        [
            setup_node(),
            Step(
                "corepack enable\npnpm install --frozen-lockfile",
                """Scope: all 4 workspace projects
§ ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with <ROOT>/packages/core/package.json
§
§Note that in CI environments this setting is true by default. If you still need to run install in such cases, use "pnpm install --no-frozen-lockfile"
§
§    Failure reason:
§    specifiers in the lockfile ({"react":"^18.2.0"}) don't match specs in package.json ({"react":"^18.3.1"})""",
                code=1,
            ),
        ],
    ),
    'ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date',
)

case(
    "yarn-berry-immutable-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/storefront",
        "install",
        [
            setup_node(),
            Step(
                "yarn install --immutable",
                """➤ YN0000: ┌ Resolution step
➤ YN0085: │ + @acme/tokens@npm:3.2.0, and 4 more.
➤ YN0000: └ Completed in 1s 211ms
§➤ YN0028: The lockfile would have been modified by this install, which is explicitly forbidden.
➤ YN0000: · Failed with errors in 1s 318ms""",
                code=1,
            ),
        ],
    ),
    "YN0028: The lockfile would have been modified by this install, which is explicitly forbidden.",
)

case(
    "pip-externally-managed-gha",
    "config.error",
    "medium",
    gha(
        "acme/tools",
        "lint (ubuntu-24.04)",
        [
            Step(
                "pip install --user pre-commit",
                """§error: externally-managed-environment
§
§× This environment is externally managed
§╰─> To install Python packages system-wide, try apt install
§    python3-xyz, where xyz is the package you are trying to
§    install.
§
§    If you wish to install a non-Debian-packaged Python package,
§    create a virtual environment using python3 -m venv path/to/venv.
§
§note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.
hint: See PEP 668 for the detailed specification.""",
                code=1,
            ),
        ],
    ),
    "error: externally-managed-environment",
    "PEP 668 system Python refuses pip installs (alt runtime.version / permission)",
)

case(
    "gha-action-not-resolved",
    "config.error",
    "high",
    gha(
        "acme/site",
        "build",
        [
            Step(
                "",
                uses="actions/setup-node@v9",
                with_={"node-version": "20"},
                out="",
                code=1,
                error="§##[error]Unable to resolve action `actions/setup-node@v9`, unable to find version `v9`",
            ),
        ],
    ),
    "Unable to resolve action `actions/setup-node@v9`, unable to find version `v9`",
    "a workflow naming an action version that does not exist",
)

case(
    "pytest-fixture-not-found-gha",
    "test.failure",
    "high",
    gha(
        "acme/etl",
        "tests",
        [
            setup_python(),
            Step(
                "pytest -q tests/test_sink.py",
                """..E...                                                                   [100%]
==================================== ERRORS ====================================
§_________________________ ERROR at setup of test_flush __________________________
§file /home/runner/work/etl/etl/tests/test_sink.py, line 22
§  def test_flush(sink, tmp_db):
§E       fixture 'tmp_db' not found
§>       available fixtures: cache, capfd, capsys, caplog, monkeypatch, pytestconfig, sink, tmp_path, tmp_path_factory, tmpdir
§>       use 'pytest --fixtures [testpath]' for help on them.
§
§/home/runner/work/etl/etl/tests/test_sink.py:22
=========================== short test summary info ============================
ERROR tests/test_sink.py::test_flush
5 passed, 1 error in 0.31s""",
                code=1,
            ),
        ],
    ),
    "E       fixture 'tmp_db' not found",
)

case(
    "powershell-term-not-recognized-azure",
    "command.not.found",
    "high",
    azure(
        "acme/win-agent",
        "Job windows_build",
        [
            Step(
                "pwsh -File build.ps1",
                """Restoring tools...
§nuget : The term 'nuget' is not recognized as a name of a cmdlet, function, script file, or executable program.
§Check the spelling of the name, or if a path was included, verify that the path is correct and try again.
§At D:\\a\\1\\s\\build.ps1:14 char:1
§+ nuget restore Agent.sln
§+ ~~~~~
§    + CategoryInfo          : ObjectNotFound: (nuget:String) [], CommandNotFoundException
§    + FullyQualifiedErrorId : CommandNotFoundException""",
                code=1,
                name="Build",
                error="##[error]PowerShell exited with code '1'.",
            ),
        ],
    ),
    "The term 'nuget' is not recognized as a name of a cmdlet, function, script file, or executable program.",
)

case(
    "compose-healthcheck-unhealthy-gha",
    "infrastructure",
    "low",
    gha(
        "acme/stack",
        "integration",
        [
            Step(
                "docker compose up -d --wait",
                """ Network stack_default  Creating
 Network stack_default  Created
 Container stack-db-1  Creating
 Container stack-db-1  Created
 Container stack-api-1  Creating
 Container stack-api-1  Created
 Container stack-db-1  Starting
 Container stack-db-1  Started
 Container stack-api-1  Starting
 Container stack-api-1  Started
 Container stack-db-1  Waiting
 Container stack-api-1  Waiting
 Container stack-db-1  Healthy
§ Container stack-api-1  Error
§container stack-api-1 is unhealthy""",
                code=1,
            ),
        ],
    ),
    "container stack-api-1 is unhealthy",
    "the app container failed its health check; the cause is in its own logs (alt crash / config.error)",
)

case(
    "helm-lint-gha",
    "lint.error",
    "high",
    gha(
        "acme/charts",
        "lint",
        [
            Step(
                "",
                uses="azure/setup-helm@v4",
                with_={"version": "v3.14.4"},
                out="Downloading 'v3.14.4' from 'https://get.helm.sh'\nHelm tool version 'v3.14.4' has been cached at /opt/hostedtoolcache/helm/3.14.4/x64/linux-amd64/helm",
            ),
            Step(
                "helm lint charts/*",
                """==> Linting charts/api
[INFO] Chart.yaml: icon is recommended

==> Linting charts/worker
§[ERROR] templates/deployment.yaml: unable to parse YAML: error converting YAML to JSON: yaml: line 31: did not find expected key
§
§Error: 1 chart(s) linted, 1 chart(s) failed""",
                code=1,
            ),
        ],
    ),
    "[ERROR] templates/deployment.yaml: unable to parse YAML: ... yaml: line 31: did not find expected key",
    "helm lint finding an unparsable template (alt config.error)",
)

case(
    "python-importerror-name-gha",
    "dependency.resolution",
    "medium",
    gha(
        "acme/api",
        "smoke",
        [
            setup_python(),
            Step(
                "pip install -r requirements.txt", "Successfully installed Flask-3.0.3 Werkzeug-3.0.3 markupsafe-2.1.5"
            ),
            Step(
                "python -c 'import app; app.create_app()'",
                """§Traceback (most recent call last):
§  File "<string>", line 1, in <module>
§  File "/home/runner/work/api/api/app/__init__.py", line 3, in <module>
§    from flask_login import LoginManager
§  File "/opt/hostedtoolcache/Python/3.11.9/x64/lib/python3.11/site-packages/flask_login/__init__.py", line 12, in <module>
§    from .login_manager import LoginManager
§  File "/opt/hostedtoolcache/Python/3.11.9/x64/lib/python3.11/site-packages/flask_login/login_manager.py", line 33, in <module>
§    from werkzeug.urls import url_decode
§ImportError: cannot import name 'url_decode' from 'werkzeug.urls' (/opt/hostedtoolcache/Python/3.11.9/x64/lib/python3.11/site-packages/werkzeug/urls.py)""",
                code=1,
            ),
        ],
    ),
    "ImportError: cannot import name 'url_decode' from 'werkzeug.urls'",
    "an unpinned dependency's new major broke an import of another (alt dependency.missing)",
)

case(
    "brew-install-network-plain",
    "network",
    "high",
    plain(
        """$ brew install pkg-config openssl@3
==> Downloading https://ghcr.io/v2/homebrew/core/openssl/3/manifests/3.3.0
Already downloaded: /Users/distiller/Library/Caches/Homebrew/downloads/4f1e--openssl@3-3.3.0.bottle_manifest.json
==> Fetching openssl@3
==> Downloading https://ghcr.io/v2/homebrew/core/openssl/3/blobs/sha256:7f1e2d3c4b5a
§curl: (28) Failed to connect to ghcr.io port 443 after 75003 ms: Couldn't connect to server
§Error: openssl@3: Failed to download resource "openssl@3"
§Download failed: https://ghcr.io/v2/homebrew/core/openssl/3/blobs/sha256:7f1e2d3c4b5a
Exited with code exit status 1""",
        name="mac-app",
    ),
    "curl: (28) Failed to connect to ghcr.io port 443 after 75003 ms: Couldn't connect to server",
)

case(
    "jest-deep-equal-gha",
    "test.failure",
    "high",
    gha(
        "acme/dashboard",
        "test",
        [
            setup_node(),
            Step("npm ci", npm_ci()),
            Step(
                "npm test -- --ci",
                """
> dashboard@3.4.0 test
> jest --ci

PASS src/api/client.test.ts
§FAIL src/store/cart.test.ts
§  ● cart › removes the last item
§
§    expect(received).toEqual(expected) // deep equality
§
§    Expected: []
§    Received: [{"id": 3, "qty": 0}]
§
§      at Object.toEqual (src/store/cart.test.ts:44:30)

Test Suites: 1 failed, 1 passed, 2 total
Tests:       1 failed, 40 passed, 41 total""",
                code=1,
            ),
        ],
    ),
    "● cart › removes the last item",
)
