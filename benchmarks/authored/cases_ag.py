"""Authored cases, batch ag: tools, ecosystems and CI shapes the earlier batches cover least, each in its
documentation's output behind its documented invocation (often a launcher with options of its own: ``npx
--no --``, ``uv run --frozen``, ``pnpm dlx``, ``bunx --bun``, ``go run pkg@version``): commit, secret and
coverage gates, uv, pnpm, mamba, stack, vcpkg and conan resolvers, Terraform, Gradle's
configuration cache and Spotless, Maven's JaCoCo, Prisma against a database that is not there,
Steep, fastlane match, elm-review, raco, PlatformIO, maturin, twine, semantic-release, knip, oxlint,
valgrind, testthat, alcotest, Swift Testing, Nim; and tricky shapes: a BuildKit ``RUN`` killed with 137, a
Gradle daemon out of heap, a ``|| true`` checker's error above the real failure, trigger words in passing
test names, a warning-only target before the failing one, a consequence in a later step after its cause.
Labelled before triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import npm_ci, setup_go, setup_java, setup_node, setup_python, setup_rust
from benchmarks.authored.shapes import Step, azure, gha, gitlab, jenkins, plain, travis

# ---------------------------------------------------------------- commit, secret and coverage gates

case(
    "ag-commitlint-npx-gha",
    "lint.error",
    "high",
    gha(
        "acme/widgets",
        "commitlint",
        [
            setup_node(),
            Step("npm ci", npm_ci(812)),
            Step(
                "npx --no -- commitlint --from ${{ github.event.pull_request.base.sha }} --to HEAD --verbose",
                """⧗   input: feat(API): Add bulk export endpoint
§✖   scope must be lower-case [scope-case]
§✖   subject must not be sentence-case, start-case, pascal-case, upper-case [subject-case]
§
§✖   found 2 problems, 0 warnings
ⓘ   Get help: https://github.com/conventional-changelog/commitlint/#what-is-commitlint

⧗   input: chore: bump deps
✔   found 0 problems, 0 warnings""",
                code=1,
            ),
        ],
    ),
    "✖   scope must be lower-case [scope-case]",
    "commitlint through npx with its own options: the first commit's two problems",
)

case(
    "ag-gitleaks-detect-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/billing",
        "billing/PR-212",
        [
            Step("make build", "go build -o bin/billing ./cmd/billing", name="Build"),
            Step(
                "gitleaks detect --source . --redact --verbose --exit-code 1",
                """
    ○
    │╲
    │ ○
    ○ ░
    ░    gitleaks

§Finding:     aws_secret_access_key = "REDACTED"
§Secret:      REDACTED
§RuleID:      aws-access-token
§Entropy:     3.640224
§File:        deploy/staging.env
§Line:        7
§Commit:      4e1d2c3b5a69788796a5b4c3d2e1f0a9b8c7d6e5
§Author:      Dana Smith
§Email:       dana@acme.dev
§Date:        2026-11-30T16:02:11Z
§Fingerprint: 4e1d2c3b5a69788796a5b4c3d2e1f0a9b8c7d6e5:deploy/staging.env:aws-access-token:7
§
§10:41AM INF 213 commits scanned.
§10:41AM INF scan completed in 1.02s
§10:41AM WRN leaks found: 1""",
                code=1,
                name="Secrets",
            ),
            Step("make test", "", name="Test"),
        ],
    ),
    "RuleID:      aws-access-token",
    "gitleaks' finding record and its leaks-found count in a Jenkins stage",
)

case(
    "ag-jacoco-check-maven-gha",
    "test.failure",
    "medium",
    gha(
        "acme/ledger-core",
        "build",
        [
            setup_java(),
            Step(
                "mvn -B verify",
                """[INFO] Scanning for projects...
[INFO]
[INFO] ----------------------< com.acme:ledger-core >-----------------------
[INFO] Building ledger-core 2.3.0-SNAPSHOT
[INFO] --------------------------------[ jar ]---------------------------------
[INFO] --- jacoco-maven-plugin:0.8.11:prepare-agent (default) @ ledger-core ---
[INFO] argLine set to -javaagent:/home/runner/.m2/repository/org/jacoco/org.jacoco.agent/0.8.11/org.jacoco.agent-0.8.11-runtime.jar=destfile=/home/runner/work/ledger-core/ledger-core/target/jacoco.exec
[INFO] --- maven-compiler-plugin:3.12.1:compile (default-compile) @ ledger-core ---
[INFO] Nothing to compile - all classes are up to date.
[INFO] --- maven-surefire-plugin:3.2.5:test (default-test) @ ledger-core ---
[INFO] -------------------------------------------------------
[INFO]  T E S T S
[INFO] -------------------------------------------------------
[INFO] Running com.acme.ledger.PostingTest
[INFO] Tests run: 14, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.412 s -- in com.acme.ledger.PostingTest
[INFO] Running com.acme.ledger.BalanceTest
[INFO] Tests run: 9, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.120 s -- in com.acme.ledger.BalanceTest
[INFO]
[INFO] Results:
[INFO]
[INFO] Tests run: 23, Failures: 0, Errors: 0, Skipped: 0
[INFO]
[INFO] --- jacoco-maven-plugin:0.8.11:report (report) @ ledger-core ---
[INFO] Loading execution data file /home/runner/work/ledger-core/ledger-core/target/jacoco.exec
[INFO] Analyzed bundle 'ledger-core' with 31 classes
[INFO] --- jacoco-maven-plugin:0.8.11:check (check) @ ledger-core ---
[INFO] Loading execution data file /home/runner/work/ledger-core/ledger-core/target/jacoco.exec
[INFO] Analyzed bundle 'ledger-core' with 31 classes
§[WARNING] Rule violated for bundle ledger-core: lines covered ratio is 0.71, but expected minimum is 0.80
§[INFO] ------------------------------------------------------------------------
§[INFO] BUILD FAILURE
§[INFO] ------------------------------------------------------------------------
§[INFO] Total time:  14.201 s
§[INFO] Finished at: 2026-12-01T10:12:44Z
§[INFO] ------------------------------------------------------------------------
§[ERROR] Failed to execute goal org.jacoco:jacoco-maven-plugin:0.8.11:check (check) on project ledger-core: Coverage checks have not been met. See log for details. -> [Help 1]
[ERROR]
[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
[ERROR] Re-run Maven using the -X switch to enable full debug logging.""",
                code=1,
            ),
        ],
    ),
    "[WARNING] Rule violated for bundle ledger-core: lines covered ratio is 0.71, but expected minimum is 0.80",
    "JaCoCo's coverage rule after every test passed: the coverage gate, as coverage-fail-under is labelled",
)

# ---------------------------------------------------------------- Python: uv, maturin, twine

case(
    "ag-uv-sync-locked-stale-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/pyrelay",
        "py-test",
        [
            Step(
                "",
                uses="astral-sh/setup-uv@v5",
                with_={"enable-cache": "true"},
                out='Downloading uv from "https://github.com/astral-sh/uv/releases/download/0.5.4/uv-x86_64-unknown-linux-gnu.tar.gz" ...\nAdded /opt/hostedtoolcache/uv/0.5.4/x86_64 to the path\nSuccessfully installed uv version 0.5.4\nCache hit for: setup-uv-1-x86_64-unknown-linux-gnu-3.12.3-8f1e2d3c',
            ),
            Step(
                "uv sync --locked --all-extras --dev",
                """Using CPython 3.12.3 interpreter at: /usr/bin/python3.12
Creating virtual environment at: .venv
Resolved 48 packages in 212ms
§error: The lockfile at `uv.lock` needs to be updated, but `--locked` was provided. To update the lockfile, run `uv lock`.""",
                code=2,
            ),
        ],
    ),
    "error: The lockfile at `uv.lock` needs to be updated, but `--locked` was provided.",
    "uv's stale lock under --locked: the lock and pyproject disagree, as poetry's stale lock is labelled",
)

case(
    "ag-uv-lock-no-solution-gitlab",
    "dependency.resolution",
    "high",
    gitlab(
        "acme/geo-tools",
        "ghcr.io/astral-sh/uv:python3.11-bookworm",
        [
            Step("uv --version", "uv 0.5.4"),
            Step(
                "uv lock --check",
                """Using CPython 3.11.10 interpreter at: /usr/local/bin/python3
§  × No solution found when resolving dependencies:
§  ╰─▶ Because only the following versions of shapely are available:
§          shapely<=2.0.6
§      and your project depends on shapely>=2.1, we can conclude that your project's requirements are unsatisfiable.""",
                code=1,
            ),
        ],
    ),
    "× No solution found when resolving dependencies:",
    "uv's resolver explains why the requirement cannot be met",
)

case(
    "ag-uv-run-frozen-pytest-gha",
    "test.failure",
    "high",
    gha(
        "acme/pyrelay",
        "py-test",
        [
            Step(
                "",
                uses="astral-sh/setup-uv@v5",
                with_={"enable-cache": "true"},
                out="Successfully installed uv version 0.5.4",
            ),
            Step(
                "uv sync --frozen",
                "Resolved 48 packages in 3ms\nPrepared 12 packages in 1.02s\nInstalled 48 packages in 88ms\n + pyrelay==0.9.1 (from file:///home/runner/work/pyrelay/pyrelay)\n + pytest==8.3.3",
            ),
            Step(
                "uv run --frozen pytest -q",
                """........................F.........                                      [100%]
§=================================== FAILURES ===================================
§_____________________________ test_relay_backoff ______________________________
§
§    def test_relay_backoff():
§        policy = Backoff(base=0.5, factor=2)
§>       assert [policy.delay(i) for i in range(3)] == [0.5, 1.0, 2.0]
§E       assert [0.5, 1.0, 4.0] == [0.5, 1.0, 2.0]
§E         At index 2 diff: 4.0 != 2.0
§
§tests/test_backoff.py:9: AssertionError
§=========================== short test summary info ============================
§FAILED tests/test_backoff.py::test_relay_backoff - assert [0.5, 1.0, 4.0] == [0.5, 1.0, 2.0]
§1 failed, 33 passed in 0.77s""",
                code=1,
            ),
        ],
    ),
    "FAILED tests/test_backoff.py::test_relay_backoff - assert [0.5, 1.0, 4.0] == [0.5, 1.0, 2.0]",
    "pytest through uv run --frozen: the tool is pytest, not the launcher's option",
)

case(
    "ag-maturin-build-rustc-error-gha",
    "compile.error",
    "high",
    gha(
        "acme/fastjson-py",
        "py-wheels",
        [
            setup_python("3.12"),
            setup_rust(),
            Step(
                "pip install maturin && maturin build --release --out dist",
                """Successfully installed maturin-1.7.4
🍹 Building a mixed python/rust project
🔗 Found pyo3 bindings with abi3 support for Python ≥ 3.8
🐍 Not using a specific python interpreter
   Compiling pyo3-build-config v0.22.2
   Compiling pyo3-macros-backend v0.22.2
   Compiling fastjson v0.4.0 (/home/runner/work/fastjson-py/fastjson-py)
§error[E0599]: no method named `as_str` found for struct `PyBackedStr` in the current scope
§  --> src/lib.rs:42:27
§   |
§42 |     let key = py_key.as_str();
§   |                      ^^^^^^ method not found in `PyBackedStr`
§
§For more information about this error, try `rustc --explain E0599`.
§error: could not compile `fastjson` (lib) due to 1 previous error
💥 maturin failed
  Caused by: Failed to build a native library through cargo
  Caused by: Cargo build finished with "exit status: 101": `env -u CARGO PYO3_ENVIRONMENT_SIGNATURE="cpython-3.12-64bit" PYO3_PYTHON="/opt/hostedtoolcache/Python/3.12.3/x64/bin/python" PYTHON_SYS_EXECUTABLE="/opt/hostedtoolcache/Python/3.12.3/x64/bin/python" "cargo" "rustc" "--release" "--lib" "--manifest-path" "/home/runner/work/fastjson-py/fastjson-py/Cargo.toml" "--" "-C" "link-arg=-s"`""",
                code=1,
            ),
        ],
    ),
    "error[E0599]: no method named `as_str` found for struct `PyBackedStr` in the current scope",
    "rustc's error under maturin's Caused-by chain: the compile error is the cause",
)

case(
    "ag-twine-upload-403-gha",
    "credentials",
    "high",
    gha(
        "acme/pyrelay",
        "py-publish",
        [
            setup_python(),
            Step(
                "python -m build",
                "* Building sdist...\n* Building wheel...\nSuccessfully built pyrelay-0.9.1.tar.gz and pyrelay-0.9.1-py3-none-any.whl",
            ),
            Step(
                "twine upload --non-interactive dist/*",
                """Uploading distributions to https://upload.pypi.org/legacy/
Uploading pyrelay-0.9.1-py3-none-any.whl
100% ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 21.4/21.4 kB • 00:00 • 32.1 MB/s
§WARNING  Error during upload. Retry with the --verbose option for more details.
§ERROR    HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/
§         Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth for more information.""",
                code=1,
            ),
        ],
    ),
    "ERROR    HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/",
    "PyPI rejects the upload's token: a 403 that says the authentication is invalid",
)

# ---------------------------------------------------------------- JS: pnpm, semantic-release, launchers

case(
    "ag-pnpm-no-matching-version-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/dashboard",
        "build",
        [
            setup_node(),
            Step("", uses="pnpm/action-setup@v4", with_={"version": "9"}, out="Installing pnpm@9.12.1\nDone in 2.1s"),
            Step(
                "pnpm install",
                """Lockfile is up to date, resolution step is skipped
Progress: resolved 1, reused 0, downloaded 0, added 0
Scope: all 4 workspace projects
Progress: resolved 212, reused 198, downloaded 0, added 0
§ ERR_PNPM_NO_MATCHING_VERSION  No matching version found for react-dom@^19.5.0
§
§This error happened while installing a direct dependency of /home/runner/work/dashboard/dashboard/apps/web
§
§The latest release of react-dom is "19.0.0".
§
§If you need the full list of all 412 published versions run "$ pnpm view react-dom versions".""",
                code=1,
            ),
        ],
    ),
    "ERR_PNPM_NO_MATCHING_VERSION  No matching version found for react-dom@^19.5.0",
    "pnpm cannot find a version in the range: the resolver's failure",
)

case(
    "ag-semantic-release-no-token-gha",
    "credentials",
    "high",
    gha(
        "acme/widgets",
        "release",
        [
            setup_node(),
            Step("npm ci", npm_ci(640)),
            Step(
                "npx semantic-release",
                """[10:02:11 AM] [semantic-release] › ℹ  Running semantic-release version 24.2.0
[10:02:11 AM] [semantic-release] › ✔  Loaded plugin "verifyConditions" from "@semantic-release/npm"
[10:02:11 AM] [semantic-release] › ✔  Loaded plugin "verifyConditions" from "@semantic-release/github"
[10:02:11 AM] [semantic-release] › ✔  Loaded plugin "publish" from "@semantic-release/npm"
[10:02:12 AM] [semantic-release] › ✔  Run automated release from branch main on repository https://github.com/acme/widgets
[10:02:12 AM] [semantic-release] › ✔  Allowed to push to the Git repository
[10:02:12 AM] [semantic-release] › ℹ  Start step "verifyConditions" of plugin "@semantic-release/npm"
[10:02:12 AM] [semantic-release] [@semantic-release/npm] › ℹ  Verify authentication for registry https://registry.npmjs.org/
[10:02:13 AM] [semantic-release] › ✔  Completed step "verifyConditions" of plugin "@semantic-release/npm"
[10:02:13 AM] [semantic-release] › ℹ  Start step "verifyConditions" of plugin "@semantic-release/github"
§[10:02:13 AM] [semantic-release] › ✘  Failed step "verifyConditions" of plugin "@semantic-release/github"
§[10:02:13 AM] [semantic-release] › ✘  An error occurred while running semantic-release: Error: No GitHub token specified.
§    at module.exports (/home/runner/work/widgets/widgets/node_modules/@semantic-release/github/lib/get-error.js:6:10)
§  code: 'ENOGHTOKEN',
§  details: 'A GitHub personal token must be created and set in the GH_TOKEN or GITHUB_TOKEN environment variable on your CI environment.'
§}
§AggregateError:
§    SemanticReleaseError: No GitHub token specified.
§        at module.exports (file:///home/runner/work/widgets/widgets/node_modules/@semantic-release/github/lib/get-error.js:6:10)
§        at verifyGitHub (file:///home/runner/work/widgets/widgets/node_modules/@semantic-release/github/lib/verify.js:89:19)""",
                code=1,
            ),
        ],
    ),
    "SemanticReleaseError: No GitHub token specified.",
    "semantic-release's ENOGHTOKEN: the token the release needs is not set",
)

case(
    "ag-knip-pnpm-dlx-gha",
    "lint.error",
    "high",
    gha(
        "acme/dashboard",
        "lint",
        [
            setup_node(),
            Step(
                "pnpm install --frozen-lockfile",
                "Lockfile is up to date, resolution step is skipped\nPackages: +812\nDone in 6.2s",
            ),
            Step(
                "pnpm dlx knip --reporter compact",
                """Packages: +61
++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++
Progress: resolved 61, reused 0, downloaded 61, added 61, done
§Unused files (2)
§src/legacy/formatDate.ts
§src/utils/unusedHelpers.ts
§Unused dependencies (1)
§lodash.debounce  package.json
§Unused exports (1)
§src/api/client.ts: buildQuery""",
                code=1,
            ),
        ],
    ),
    "Unused files (2)",
    "knip through pnpm dlx: its findings, grouped by kind",
)

case(
    "ag-oxlint-bunx-gha",
    "lint.error",
    "high",
    gha(
        "acme/edge-api",
        "lint",
        [
            Step(
                "",
                uses="oven-sh/setup-bun@v2",
                with_={"bun-version": "latest"},
                out="Downloading a new version of Bun: https://bun.sh/download/1.1.34/linux/x64?avx2=true\n/home/runner/.bun/bin/bun --revision\n1.1.34+5e5e7c60f",
            ),
            Step(
                "bun install --frozen-lockfile",
                "bun install v1.1.34 (5e5e7c60)\n\n+ typescript@5.6.3\n\n214 packages installed [1.41s]",
            ),
            Step(
                "bunx --bun oxlint@0.11.0 --deny-warnings src",
                """
§  ⚠ eslint(no-unused-vars): Variable 'retries' is declared but never used.
§   ╭─[src/routes/upload.ts:18:9]
§ 17 │   const body = await req.arrayBuffer();
§ 18 │   const retries = 3;
§    ·         ───┬───
§    ·            ╰── 'retries' is declared here
§ 19 │   return store(body);
§    ╰────
§  help: Consider removing this declaration.
§
§  × eslint(no-debugger): `debugger` statement is not allowed
§   ╭─[src/routes/auth.ts:41:5]
§ 40 │   if (!token) {
§ 41 │     debugger;
§    ·     ─────────
§ 42 │     return unauthorized();
§    ╰────
§  help: Delete this code.
§
§Found 1 warning and 1 error.
Finished in 12ms on 48 files with 97 rules using 2 threads.""",
                code=1,
            ),
        ],
    ),
    "× eslint(no-debugger): `debugger` statement is not allowed",
    "oxlint through bunx --bun: its diagnostics and count",
)

case(
    "ag-elm-review-npx-travis",
    "lint.error",
    "high",
    travis(
        "acme/elm-shop",
        "node_js",
        [
            Step("npm ci", npm_ci(214)),
            Step("npx elm make src/Main.elm --output=/dev/null", "Success! Compiled 31 modules."),
            Step(
                "npx -y elm-review --fix-all-without-prompt=false",
                """§-- ELM-REVIEW ERROR ------------------------------------------- src/Cart.elm:24:1
§
§(fix) NoUnused.Variables: Top-level variable `formatLine` is not used
§
§23|
§24| formatLine : Item -> String
§    ^^^^^^^^^^
§25| formatLine item =
§
§You should either use this value somewhere, or remove it at the location I
§pointed at.
§
§I found 1 error in 1 file.""",
                code=1,
            ),
        ],
        cache="/home/travis/.elm",
    ),
    "(fix) NoUnused.Variables: Top-level variable `formatLine` is not used",
    "elm-review through npx -y: its error block and count",
)

# ---------------------------------------------------------------- conda, stack, vcpkg, conan resolvers

case(
    "ag-mamba-unsatisfiable-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/forecast",
        "py-env",
        [
            Step(
                "",
                uses="conda-incubator/setup-miniconda@v3",
                with_={"miniforge-version": "latest", "activate-environment": "forecast"},
                out="Gathering Inputs...\nCreating bootstrap condarc file in /home/runner/.condarc...\nInstalling Miniforge3 24.9.0-0...\nConfiguring conda package cache...",
            ),
            Step(
                "conda env update -n forecast -f environment.yml",
                """Channels:
 - conda-forge
Platform: linux-64
Collecting package metadata (repodata.json): ...working... done
Solving environment: ...working... failed

§LibMambaUnsatisfiableError: Encountered problems while solving:
§  - package tensorflow-2.15.0-cpu_py311h6ac8430_2 requires numpy >=1.23.5,<2.0a0, but none of the providers can be installed
§
§Could not solve for environment specs
§The following packages are incompatible
§├─ numpy 2.1**  is requested and can be installed;
§└─ tensorflow 2.15**  is not installable because it requires
§   └─ numpy >=1.23.5,<2.0a0 , which conflicts with any installable versions previously reported.""",
                code=1,
            ),
        ],
    ),
    "LibMambaUnsatisfiableError: Encountered problems while solving:",
    "conda's libmamba solver: two pins that cannot both hold",
)

case(
    "ag-stack-build-plan-gitlab",
    "dependency.resolution",
    "high",
    gitlab(
        "acme/hs-router",
        "haskell:9.6",
        [
            Step("stack --version", "Version 2.15.7, Git revision 4d2a... x86_64 hpack-0.36.0"),
            Step(
                "stack build --test --no-run-tests",
                """Writing the configuration file for the implicit global project to: /root/.stack/global-project/stack.yaml.
§Error: [S-4804]
§       Stack failed to construct a build plan.
§
§       While constructing the build plan, Stack encountered the following errors. The
§       'Stack configuration' refers to the set of package versions specified by the snapshot
§       (after any dropped packages, or pruned GHC boot packages; if a boot package is
§       replaced, Stack prunes all other such packages that depend on it) and any extra-deps:
§
§       In the dependencies for hs-router-0.3.0.0:
§         * aeson must match >=2.2, but aeson-2.1.2.1 is in the Stack configuration (latest
§           matching version is 2.2.3.0).
§       needed since hs-router is a build target.
§
§       Some different approaches to resolving some or all of this:
§
§         * Recommended action: try adding the following to your extra-deps in
§           /builds/acme/hs-router/stack.yaml (project-level configuration):
§
§           - aeson-2.2.3.0@sha256:8ad6f7b3c1e6f4d0,9302""",
                code=1,
            ),
        ],
    ),
    "Stack failed to construct a build plan.",
    "stack's build plan: the snapshot's aeson does not match the cabal bound",
)

case(
    "ag-vcpkg-port-build-failed-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/imgtool",
        "build-linux",
        [
            Step("", uses="lukka/get-cmake@latest", out="Using cmake 3.30.5 and ninja 1.12.1"),
            Step(
                "cmake --preset ci -DCMAKE_TOOLCHAIN_FILE=$VCPKG_INSTALLATION_ROOT/scripts/buildsystems/vcpkg.cmake",
                """-- Running vcpkg install
Detecting compiler hash for triplet x64-linux...
Compiler found: /usr/bin/c++
The following packages will be built and installed:
    libjpeg-turbo:x64-linux@3.0.4
    libpng:x64-linux@1.6.44
    libwebp[core,libwebpmux,nearlossless,simd]:x64-linux@1.4.0
  * zlib:x64-linux@1.3.1
Restored 2 package(s) from /home/runner/.cache/vcpkg/archives in 61 ms.
Installing 3/4 libjpeg-turbo:x64-linux@3.0.4...
Building libjpeg-turbo:x64-linux@3.0.4...
-- Downloading https://github.com/libjpeg-turbo/libjpeg-turbo/archive/3.0.4.tar.gz -> libjpeg-turbo-libjpeg-turbo-3.0.4.tar.gz...
-- Extracting source /usr/local/share/vcpkg/downloads/libjpeg-turbo-libjpeg-turbo-3.0.4.tar.gz
-- Configuring x64-linux
§CMake Error at scripts/cmake/vcpkg_execute_required_process.cmake:127 (message):
§    Command failed: /usr/local/bin/cmake /usr/local/share/vcpkg/buildtrees/libjpeg-turbo/src/3.0.4-0f5b2a.clean -G Ninja -DCMAKE_BUILD_TYPE=Release
§    Working Directory: /usr/local/share/vcpkg/buildtrees/libjpeg-turbo/x64-linux-rel
§    Error code: 1
§    See logs for more information:
§      /usr/local/share/vcpkg/buildtrees/libjpeg-turbo/config-x64-linux-rel-CMakeCache.txt.log
§      /usr/local/share/vcpkg/buildtrees/libjpeg-turbo/config-x64-linux-out.log
§
§error: building libjpeg-turbo:x64-linux failed with: BUILD_FAILED
§See https://learn.microsoft.com/vcpkg/troubleshoot/build-failures?WT.mc_id=vcpkg_inproductlink for more information.
Elapsed time to handle libjpeg-turbo:x64-linux: 4.2 s
-- Running vcpkg install - failed
CMake Error at /usr/local/share/vcpkg/scripts/buildsystems/vcpkg.cmake:904 (message):
  vcpkg install failed.  See logs for more information:
  /home/runner/work/imgtool/imgtool/build/vcpkg-manifest-install.log
-- Configuring incomplete, errors occurred!""",
                code=1,
            ),
        ],
    ),
    "error: building libjpeg-turbo:x64-linux failed with: BUILD_FAILED",
    "a vcpkg port's own build fails during configure: a dependency's build, not the project's",
)

case(
    "ag-conan-version-conflict-jenkins",
    "dependency.resolution",
    "high",
    jenkins(
        "acme/telemetry-agent",
        "telemetry-agent/main",
        [
            Step(
                "conan profile detect --force",
                "detect_api: Found gcc 12\nSaving detected profile to /home/jenkins/.conan2/profiles/default",
                name="Profile",
            ),
            Step(
                "conan install . --output-folder=build --build=missing",
                """
======== Input profiles ========
Profile host:
[settings]
arch=x86_64
build_type=Release
compiler=gcc
compiler.version=12
os=Linux

======== Computing dependency graph ========
Graph root
    conanfile.py (telemetry-agent/1.4.0): /var/lib/jenkins/workspace/telemetry-agent/main/conanfile.py
Requirements
    openssl/3.3.2#9ce0e8e8ba8d92a0f8b2d7d2f1f5e3a1 - Cache
    protobuf/5.27.0#f1e2d3c4b5a69788796a5b4c3d2e1f0a - Cache
§ERROR: Version conflict: Conflict between zlib/1.2.13 and zlib/1.3.1 in the graph.
§Conflict originates from protobuf/5.27.0""",
                code=1,
                name="Dependencies",
            ),
            Step("cmake --build build", "", name="Build"),
        ],
    ),
    "ERROR: Version conflict: Conflict between zlib/1.2.13 and zlib/1.3.1 in the graph.",
    "conan 2's graph: two versions of one package required",
)

# ---------------------------------------------------------------- Terraform, Go, JVM build configuration

case(
    "ag-terraform-validate-gha",
    "config.error",
    "high",
    gha(
        "acme/infra",
        "validate",
        [
            Step(
                "",
                uses="hashicorp/setup-terraform@v3",
                with_={"terraform_version": "1.9.8"},
                out="Downloading Terraform CLI from https://releases.hashicorp.com/terraform/1.9.8/terraform_1.9.8_linux_amd64.zip\nAdding Terraform to path",
            ),
            Step(
                "terraform init -backend=false",
                """Initializing the backend...
Initializing modules...
- logs in modules/logs
Initializing provider plugins...
- Finding hashicorp/aws versions matching "~> 5.70"...
- Installing hashicorp/aws v5.76.0...
- Installed hashicorp/aws v5.76.0 (signed by HashiCorp)

Terraform has been successfully initialized!""",
            ),
            Step(
                "terraform validate -no-color",
                """
§Error: Unsupported argument
§
§  on modules/logs/main.tf line 14, in resource "aws_s3_bucket" "logs":
§  14:   acl    = "private"
§
§An argument named "acl" is not expected here.""",
                code=1,
            ),
        ],
    ),
    "Error: Unsupported argument",
    "terraform validate rejects an argument the provider no longer has",
)

case(
    "ag-staticcheck-go-run-gha",
    "lint.error",
    "high",
    gha(
        "acme/queue",
        "lint",
        [
            setup_go(),
            Step("go build ./...", ""),
            Step(
                "go run honnef.co/go/tools/cmd/staticcheck@2024.1.1 ./...",
                """go: downloading honnef.co/go/tools v0.5.1
go: downloading golang.org/x/tools v0.21.1-0.20240531212143-b6235391adb3
go: downloading github.com/BurntSushi/toml v1.4.1-0.20240526193622-a339e1f7089c
§internal/broker/consumer.go:88:3: the surrounding loop is unconditionally terminated (SA4004)
§internal/broker/producer.go:41:9: should use strings.Contains(topic, ".") instead (S1003)
§pkg/wire/frame.go:17:2: field checksum is unused (U1000)""",
                code=1,
            ),
        ],
    ),
    "internal/broker/consumer.go:88:3: the surrounding loop is unconditionally terminated (SA4004)",
    "staticcheck through go run pkg@version: its findings with check ids",
)

case(
    "ag-gradle-configuration-cache-gha",
    "config.error",
    "medium",
    gha(
        "acme/android-notes",
        "build",
        [
            setup_java(),
            Step(
                "./gradlew assembleDebug --configuration-cache",
                """Downloading https://services.gradle.org/distributions/gradle-8.10.2-bin.zip
.............10%.............20%.............30%.............40%.............50%.............60%.............70%.............80%.............90%.............100%
Starting a Gradle Daemon (subsequent builds will be faster)
Calculating task graph as no cached configuration is available for tasks: assembleDebug
> Task :app:preBuild UP-TO-DATE
> Task :app:generateBuildInfo

§FAILURE: Build failed with an exception.
§
§* What went wrong:
§Configuration cache problems found in this build.
§
§1 problem was found storing the configuration cache.
§- Task `:app:generateBuildInfo` of type `BuildInfoTask`: invocation of 'Task.project' at execution time is unsupported.
§  See https://docs.gradle.org/8.10.2/userguide/configuration_cache.html#config_cache:requirements:use_project_during_execution

See the complete report at file:///home/runner/work/android-notes/android-notes/build/reports/configuration-cache/4k2x/9f1e/configuration-cache-report.html
> Invocation of 'Task.project' by task ':app:generateBuildInfo' at execution time is unsupported.

* Try:
> Run with --stacktrace option to get the stack trace.
> Run with --info or --debug option to get more log output.
> Run with --scan to get full insights.
> Get more help at https://help.gradle.org.

BUILD FAILED in 48s
12 actionable tasks: 12 executed
Configuration cache entry discarded with 1 problem.""",
                code=1,
            ),
        ],
    ),
    "Configuration cache problems found in this build.",
    "Gradle's configuration cache: a build script's task reads the project at execution time",
)

case(
    "ag-spotless-check-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/payments",
        "payments/PR-88",
        [
            Step(
                "./gradlew --no-daemon spotlessCheck",
                """> Task :buildSrc:compileKotlin UP-TO-DATE
> Task :core:spotlessJava
> Task :core:spotlessJavaCheck FAILED

§FAILURE: Build failed with an exception.
§
§* What went wrong:
§Execution failed for task ':core:spotlessJavaCheck'.
§> The following files had format violations:
§      src/main/java/com/acme/payments/Refund.java
§          @@ -12,7 +12,8 @@
§           public·final·class·Refund·{
§          -····private·final·Money·amount;private·final·String·reason;
§          +····private·final·Money·amount;
§          +····private·final·String·reason;
§  Run './gradlew :core:spotlessApply' to fix these violations.

* Try:
> Run with --stacktrace option to get the stack trace.

BUILD FAILED in 22s
4 actionable tasks: 2 executed, 2 up-to-date""",
                code=1,
                name="Format",
            ),
            Step("./gradlew --no-daemon test", "", name="Test"),
        ],
    ),
    "Execution failed for task ':core:spotlessJavaCheck'.",
    "Spotless' check task as a Gradle failure: the format violations",
)

case(
    "ag-gradle-daemon-heap-jenkins",
    "resource.exhausted",
    "high",
    jenkins(
        "acme/monolith",
        "monolith/main",
        [
            Step(
                "./gradlew build",
                """> Task :services:orders:compileJava
> Task :services:orders:processResources
> Task :services:billing:compileKotlin
§Expiring Daemon because JVM heap space is exhausted
§Daemon will be stopped at the end of the build after running out of JVM memory
§> Task :services:billing:compileKotlin FAILED
§
§FAILURE: Build failed with an exception.
§
§* What went wrong:
§Execution failed for task ':services:billing:compileKotlin'.
§> Java heap space

* Try:
> Run with --stacktrace option to get the stack trace.

BUILD FAILED in 6m 12s
214 actionable tasks: 61 executed, 153 up-to-date""",
                code=1,
                name="Build",
            ),
        ],
    ),
    "Expiring Daemon because JVM heap space is exhausted",
    "the Gradle daemon ran out of heap inside the Kotlin compile: memory, not the code",
)

# ---------------------------------------------------------------- Ruby, Apple, Racket, embedded, native

case(
    "ag-steep-check-gha",
    "lint.error",
    "high",
    gha(
        "acme/ledger-rb",
        "typecheck",
        [
            Step(
                "",
                uses="ruby/setup-ruby@v1",
                with_={"ruby-version": "3.3", "bundler-cache": "true"},
                out="Using Ruby 3.3.6\nbundle install --jobs 4\nBundle complete! 18 Gemfile dependencies, 61 gems now installed.",
            ),
            Step(
                "bundle exec steep check",
                """# Type checking files:

...........................................F.........

§lib/ledger/posting.rb:27:6: [error] Cannot find compatible overloading of method `+` of type `::Integer`
§│ Method types:
§│   def +: (::Integer) -> ::Integer
§│        | (::Float) -> ::Float
§│
§│ Diagnostic ID: Ruby::UnresolvedOverloading
§│
§└     total + entry.amount
§            ~~~~~~~~~~~~~~
§
§Detected 1 problem from 1 file""",
                code=1,
            ),
        ],
    ),
    "lib/ledger/posting.rb:27:6: [error] Cannot find compatible overloading of method `+` of type `::Integer`",
    "Steep's type check run as a check: its diagnostic and count",
)

case(
    "ag-fastlane-match-password-travis",
    "credentials",
    "high",
    travis(
        "acme/ios-notes",
        "objective-c",
        [
            Step("bundle install", "Bundle complete! 4 Gemfile dependencies, 87 gems now installed."),
            Step(
                "bundle exec fastlane ios beta",
                """[14:02:11]: ------------------------------
[14:02:11]: --- Step: default_platform ---
[14:02:11]: ------------------------------
[14:02:11]: Driving the lane 'ios beta' 🚀
[14:02:11]: -------------------
[14:02:11]: --- Step: match ---
[14:02:11]: -------------------
[14:02:12]: Cloning remote git repo...
[14:02:12]: If cloning the repo takes too long, you can use the `clone_branch_directly` option in match.
[14:02:14]: Checking out branch master...
§[14:02:14]: Couldn't decrypt the repo, please make sure you enter the right password!
§+-------------------------------+
§|       Lane Context            |
§+-------------------------------+
§| DEFAULT_PLATFORM | ios        |
§| PLATFORM_NAME    | ios        |
§| LANE_NAME        | ios beta   |
§+-------------------------------+
§[14:02:14]: Invalid password passed via 'MATCH_PASSWORD'

+------+------------------+-------------+
|           fastlane summary            |
+------+------------------+-------------+
| Step | Action           | Time (in s) |
+------+------------------+-------------+
| 1    | default_platform | 0           |
| 💥   | match            | 2           |
+------+------------------+-------------+

[14:02:14]: fastlane finished with errors

[!] Invalid password passed via 'MATCH_PASSWORD'""",
                code=1,
            ),
        ],
        cache="/Users/travis/.fastlane",
    ),
    "[14:02:14]: Invalid password passed via 'MATCH_PASSWORD'",
    "fastlane match cannot decrypt the certificates repo: the secret is wrong",
)

case(
    "ag-raco-test-travis",
    "test.failure",
    "high",
    travis(
        "acme/rkt-parse",
        "generic",
        [
            Step("raco pkg install --auto --batch", 'Resolving "rkt-parse" via link\nRunning setup...'),
            Step(
                "raco test -x -p rkt-parse",
                """raco test: "tests/lexer.rkt"
raco test: "tests/parser.rkt"
§--------------------
§parser: nested lists
§FAILURE
§name:       check-equal?
§location:   tests/parser.rkt:31:4
§actual:     '(list 1 (list 2))
§expected:   '(list 1 (list 2 3))
§--------------------
§raco test: "tests/printer.rkt"
§1/47 test failures""",
                code=1,
            ),
        ],
        cache="/home/travis/.racket",
    ),
    "FAILURE",
    "rackunit's failure record under raco test, and raco's count",
)

case(
    "ag-platformio-run-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/sensor-fw",
        "python:3.12",
        [
            Step("pip install -U platformio", "Successfully installed platformio-6.1.16"),
            Step(
                "pio run -e esp32dev",
                """Processing esp32dev (platform: espressif32; board: esp32dev; framework: arduino)
--------------------------------------------------------------------------------
Verbose mode can be enabled via `-v, --verbose` option
CONFIGURATION: https://docs.platformio.org/page/boards/espressif32/esp32dev.html
PLATFORM: Espressif 32 (6.9.0) > Espressif ESP32 Dev Module
HARDWARE: ESP32 240MHz, 320KB RAM, 4MB Flash
LDF: Library Dependency Finder -> https://bit.ly/configure-pio-ldf
Found 34 compatible libraries
Scanning dependencies...
Dependency Graph
|-- PubSubClient @ 2.8.0
|-- WiFi @ 2.0.0
Building in release mode
Compiling .pio/build/esp32dev/src/main.cpp.o
§src/main.cpp: In function 'void loop()':
§src/main.cpp:48:5: error: 'publishReading' was not declared in this scope; did you mean 'publishReadings'?
§   48 |     publishReading(value);
§      |     ^~~~~~~~~~~~~~
§      |     publishReadings
§*** [.pio/build/esp32dev/src/main.cpp.o] Error 1
========================= [FAILED] Took 6.21 seconds =========================

Environment    Status    Duration
-------------  --------  ------------
esp32dev       FAILED    00:00:06.211
==================== 1 failed, 0 succeeded in 00:00:06.211 ====================""",
                code=1,
            ),
        ],
    ),
    "src/main.cpp:48:5: error: 'publishReading' was not declared in this scope; did you mean 'publishReadings'?",
    "g++ under PlatformIO's SCons: the compile error above its environment table",
)

case(
    "ag-valgrind-memcheck-gitlab",
    "crash",
    "medium",
    gitlab(
        "acme/tinyhash",
        "gcc:13",
        [
            Step(
                "make",
                "cc -O1 -g -Wall -c hash.c -o hash.o\ncc -O1 -g -Wall -c test_hash.c -o test_hash.o\ncc -o test_hash hash.o test_hash.o",
            ),
            Step(
                "valgrind --error-exitcode=1 --leak-check=full ./test_hash",
                """==412== Memcheck, a memory error detector
==412== Copyright (C) 2002-2022, and GNU GPL'd, by Julian Seward et al.
==412== Using Valgrind-3.21.0 and LibVEX; rerun with -h for copyright info
==412== Command: ./test_hash
==412==
test_insert ... ok
test_lookup ... ok
§==412== Invalid read of size 8
§==412==    at 0x109A2E: ht_resize (hash.c:88)
§==412==    by 0x109C41: ht_insert (hash.c:121)
§==412==    by 0x10A1F3: test_grow (test_hash.c:54)
§==412==    by 0x10A40B: main (test_hash.c:77)
§==412==  Address 0x4a8f0a8 is 8 bytes after a block of size 128 alloc'd
§==412==    at 0x4846828: malloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)
§==412==    by 0x1099B1: ht_resize (hash.c:80)
test_grow ... ok
==412==
==412== HEAP SUMMARY:
==412==     in use at exit: 0 bytes in 0 blocks
==412==   total heap usage: 41 allocs, 41 frees, 6,912 bytes allocated
==412==
==412== All heap blocks were freed -- no leaks are possible
==412==
==412== For lists of detected and suppressed errors, rerun with: -s
==412== ERROR SUMMARY: 1 errors from 1 contexts (suppressed: 0 from 0)""",
                code=1,
            ),
        ],
    ),
    "==412== Invalid read of size 8",
    "valgrind's invalid read in the code under test, its error summary failing the run, as ASan's reports are",
)

case(
    "ag-nimble-build-type-mismatch-gha",
    "compile.error",
    "high",
    gha(
        "acme/nim-kv",
        "test",
        [
            Step(
                "",
                uses="jiro4989/setup-nim-action@v2",
                with_={"nim-version": "2.2.0"},
                out="Nim 2.2.0 installed\nnimble v0.16.2 compiled at 2024-10-02",
            ),
            Step(
                "nimble test -y",
                """  Verifying dependencies for kv@0.4.0
      Info:  Dependency on unittest2@>= 0.2.2 already satisfied
  Compiling /home/runner/work/nim-kv/nim-kv/tests/test_store (from package kv) using c backend
Hint: used config file '/home/runner/.choosenim/toolchains/nim-2.2.0/config/nim.cfg' [Conf]
Hint: used config file '/home/runner/work/nim-kv/nim-kv/tests/config.nims' [Conf]
.........................................................................
§/home/runner/work/nim-kv/nim-kv/src/kv/store.nim(42, 17) Error: type mismatch: got 'int' for 'len(key)' but expected 'uint32 = uint32'
§       Error: Execution failed with exit code 1
§        ... Command: /home/runner/.nimble/bin/nim c --noNimblePath -d:NimblePkgVersion=0.4.0 -r /home/runner/work/nim-kv/nim-kv/tests/test_store""",
                code=1,
            ),
        ],
    ),
    "/home/runner/work/nim-kv/nim-kv/src/kv/store.nim(42, 17) Error: type mismatch: got 'int' for 'len(key)' but expected 'uint32 = uint32'",
    "Nim's compile error under nimble test: the tests never ran",
)

# ---------------------------------------------------------------- test runners the batches have least

case(
    "ag-r-testthat-devtools-gha",
    "test.failure",
    "high",
    gha(
        "acme/tidyparse",
        "R-CMD",
        [
            Step(
                "",
                uses="r-lib/actions/setup-r@v2",
                with_={"r-version": "release"},
                out='Installing R 4.4.2\nR version 4.4.2 (2024-10-31) -- "Pile of Leaves"',
            ),
            Step(
                "Rscript -e 'devtools::test(stop_on_failure = TRUE)'",
                """ℹ Testing tidyparse
✔ | F W  S  OK | Context
✔ |          12 | read
✖ | 1        8 | parse
§────────────────────────────────────────────────────────────────────────────────
§Failure (test-parse.R:21:3): parse_date handles two-digit years
§`parse_date("01/02/24")` (`actual`) not equal to as.Date("2024-02-01") (`expected`).
§
§`actual`:   "1924-02-01"
§`expected`: "2024-02-01"
§────────────────────────────────────────────────────────────────────────────────
✔ |      2    6 | write

══ Results ═════════════════════════════════════════════════════════════════════
Duration: 1.4 s

── Failed tests ────────────────────────────────────────────────────────────────
Failure (test-parse.R:21:3): parse_date handles two-digit years
`parse_date("01/02/24")` (`actual`) not equal to as.Date("2024-02-01") (`expected`).

`actual`:   "1924-02-01"
`expected`: "2024-02-01"

[ FAIL 1 | WARN 0 | SKIP 2 | PASS 26 ]
Error: Test failures
Execution halted""",
                code=1,
            ),
        ],
    ),
    "Failure (test-parse.R:21:3): parse_date handles two-digit years",
    "testthat under devtools::test: the failure block (repeated under Failed tests)",
)

case(
    "ag-dune-test-alcotest-gha",
    "test.failure",
    "high",
    gha(
        "acme/ocaml-lex",
        "build",
        [
            Step(
                "",
                uses="ocaml/setup-ocaml@v3",
                with_={"ocaml-compiler": "5.2"},
                out="Installing opam 2.2.1\nInitialising opam\nInstalling OCaml compiler 5.2.0\nCache restored from key: setup-ocaml-opam-5.2-ubuntu-latest",
            ),
            Step(
                "opam install . --deps-only --with-test",
                "Done.\n# Run eval $(opam env) to update the current shell environment",
            ),
            Step(
                "opam exec -- dune test",
                """Testing `lex'.
This run has ID `Q2M8LK1A'.

  [OK]          keywords          0   reserved words.
> [FAIL]        numbers           1   hex literals.
  [OK]          strings           0   escapes.

§┌──────────────────────────────────────────────────────────────────────────────┐
§│ [FAIL]        numbers           1   hex literals.                            │
§└──────────────────────────────────────────────────────────────────────────────┘
§ASSERT same tokens
§FAIL same tokens
§
§   Expected: `[INT 255]'
§   Received: `[IDENT "xff"]'
§
§Raised at Alcotest_engine__Test.check in file "src/alcotest-engine/test.ml", line 200, characters 4-261
§Called from Alcotest_engine__Core.Make.protect_test.(fun) in file "src/alcotest-engine/core.ml", line 181, characters 17-23
§
§Logs saved to `~/_build/default/test/_build/_tests/lex/numbers.001.output'.
§ ──────────────────────────────────────────────────────────────────────────────
§
§Full test results in `~/_build/default/test/_build/_tests/lex'.
§1 failure! in 0.002s. 3 tests run.
File "test/dune", line 2, characters 7-15:
2 |  (name test_lex)
           ^^^^^^^^""",
                code=1,
            ),
        ],
    ),
    "[FAIL]        numbers           1   hex literals.",
    "alcotest under dune test: its failure box, expected/received, and count",
)

case(
    "ag-swift-testing-linux-gha",
    "test.failure",
    "high",
    gha(
        "acme/swift-csv",
        "linux",
        [
            Step(
                "swift build --build-tests",
                "Building for debugging...\n[41/41] Linking swift-csvPackageTests.xctest\nBuild complete! (22.41s)",
            ),
            Step(
                "swift test --skip-build",
                """Test Suite 'All tests' started at 2026-12-01 10:02:11.412
Test Suite 'All tests' passed at 2026-12-01 10:02:11.413
    Executed 0 tests, with 0 failures (0 unexpected) in 0.0 (0.0) seconds
􀟈  Test run started.
􀄵  Testing Library Version: 6.0.2 (e3d5a8b2c0f1e4d)
􀟈  Suite ParserTests started.
􀟈  Test "quoted fields keep commas" started.
􀟈  Test "parses header row" started.
􁁛  Test "quoted fields keep commas" passed after 0.001 seconds.
§􀢄  Test "parses header row" recorded an issue at ParserTests.swift:14:5: Expectation failed: (header.count → 3) == 4
§􀢄  Test "parses header row" failed after 0.002 seconds with 1 issue.
§􀢄  Suite ParserTests failed after 0.003 seconds with 1 issue.
§􀢄  Test run with 12 tests failed after 0.004 seconds with 1 issue.""",
                code=1,
            ),
        ],
    ),
    'Test "parses header row" recorded an issue at ParserTests.swift:14:5: Expectation failed: (header.count → 3) == 4',
    "Swift Testing's issue line and its run verdict, after XCTest's empty passing suite",
)

# ---------------------------------------------------------------- databases, containers, memory

case(
    "ag-prisma-p1001-gha",
    "network",
    "high",
    gha(
        "acme/shop-api",
        "test",
        [
            setup_node(),
            Step("npm ci", npm_ci(904)),
            Step(
                "npx prisma migrate deploy",
                """Environment variables loaded from .env
Prisma schema loaded from prisma/schema.prisma
Datasource "db": PostgreSQL database "shop", schema "public" at "localhost:5432"

§Error: P1001: Can't reach database server at `localhost:5432`
§
§Please make sure your database server is running at `localhost:5432`.""",
                code=1,
            ),
        ],
    ),
    "Error: P1001: Can't reach database server at `localhost:5432`",
    "Prisma cannot reach the database service: a connection failure",
)

case(
    "ag-buildx-run-oom-137-gha",
    "resource.exhausted",
    "high",
    gha(
        "acme/storefront",
        "image",
        [
            Step(
                "",
                uses="docker/setup-buildx-action@v3",
                out="Docker info\nBuildx version: github.com/docker/buildx v0.18.0\nCreating a new builder instance\nBooting builder",
            ),
            Step(
                "",
                uses="docker/build-push-action@v6",
                with_={"context": ".", "push": "false", "tags": "ghcr.io/acme/storefront:ci"},
                out="""#0 building with "builder-4c1d2e3f" instance using docker-container driver
#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 612B done
#1 DONE 0.0s
#5 [build 1/6] FROM docker.io/library/node:20-bookworm@sha256:6a3f0c1d2e
#5 DONE 8.1s
#8 [build 4/6] RUN npm ci
#8 22.41 added 1412 packages, and audited 1413 packages in 21s
#8 DONE 24.0s
#9 [build 5/6] COPY . .
#9 DONE 0.4s
#10 [build 6/6] RUN npm run build
#10 0.612
#10 0.612 > storefront@3.2.0 build
#10 0.612 > next build
#10 0.612
#10 2.014   ▲ Next.js 14.2.15
#10 2.101    Creating an optimized production build ...
§#10 94.20 Killed
§#10 ERROR: process "/bin/sh -c npm run build" did not complete successfully: exit code: 137
------
 > [build 6/6] RUN npm run build:
2.101    Creating an optimized production build ...
94.20 Killed
------
Dockerfile:14
--------------------
  12 |     RUN npm ci
  13 |     COPY . .
  14 | >>> RUN npm run build
  15 |
  16 |     FROM node:20-bookworm-slim AS run
--------------------
ERROR: failed to solve: process "/bin/sh -c npm run build" did not complete successfully: exit code: 137""",
                error='##[error]buildx failed with: ERROR: failed to solve: process "/bin/sh -c npm run build" did not complete successfully: exit code: 137',
                code=1,
            ),
        ],
    ),
    "#10 94.20 Killed",
    "the kernel killed a BuildKit RUN step (exit 137): out of memory, not the code",
)

# ---------------------------------------------------------------- tricky shapes

case(
    "ag-codespell-or-true-then-pytest-gha",
    "test.failure",
    "high",
    gha(
        "acme/pyrelay",
        "py-test",
        [
            setup_python(),
            Step(
                "pip install -e '.[test]' codespell",
                "Successfully installed codespell-2.3.0 pyrelay-0.9.1 pytest-8.3.3",
            ),
            Step(
                "codespell src/ docs/ || true",
                """docs/usage.rst:41: recieve ==> receive
src/pyrelay/queue.py:12: occured ==> occurred
ERROR: 2 misspellings found""",
            ),
            Step(
                "pytest -q tests/",
                """.......F..............                                                   [100%]
§=================================== FAILURES ===================================
§______________________________ test_queue_drains ______________________________
§
§    def test_queue_drains():
§        q = Queue(maxsize=2)
§        q.put(1); q.put(2)
§        q.drain()
§>       assert q.empty()
§E       assert False
§E        +  where False = <bound method Queue.empty of <pyrelay.queue.Queue object at 0x7f1e2d3c4b50>>()
§
§tests/test_queue.py:22: AssertionError
§=========================== short test summary info ============================
§FAILED tests/test_queue.py::test_queue_drains - assert False
§1 failed, 21 passed in 0.51s""",
                code=1,
            ),
        ],
    ),
    "FAILED tests/test_queue.py::test_queue_drains - assert False",
    "codespell's findings under `|| true` did not fail the job; the test step after it did",
)

case(
    "ag-cargo-test-trigger-names-pass-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/netpool",
        "rust:1.82",
        [
            Step(
                "cargo build --locked",
                "   Compiling netpool v0.7.2 (/builds/acme/netpool)\n    Finished `dev` profile [unoptimized + debuginfo] target(s) in 14.02s",
            ),
            Step(
                "cargo test --locked",
                """    Finished `test` profile [unoptimized + debuginfo] target(s) in 9.41s
     Running unittests src/lib.rs (target/debug/deps/netpool-4f1e2d3c4b5a6978)

running 9 tests
test dial::tests::connection_refused_is_retried ... ok
test dial::tests::dns_failure_is_reported ... ok
test dial::tests::permission_denied_is_not_retried ... ok
test pool::tests::checkout_timed_out_returns_error ... ok
test pool::tests::no_space_left_is_surfaced ... ok
test pool::tests::idle_connections_are_reaped ... FAILED
test pool::tests::max_size_is_respected ... ok
test tls::tests::bad_certificate_is_rejected ... ok
test tls::tests::handshake_timeout_is_reported ... ok

§failures:
§
§---- pool::tests::idle_connections_are_reaped stdout ----
§thread 'pool::tests::idle_connections_are_reaped' panicked at src/pool.rs:212:9:
§assertion `left == right` failed
§  left: 3
§ right: 1
§note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
§
§
§failures:
§    pool::tests::idle_connections_are_reaped
§
§test result: FAILED. 8 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.31s

error: test failed, to rerun pass `--lib`""",
                code=101,
            ),
        ],
    ),
    "thread 'pool::tests::idle_connections_are_reaped' panicked at src/pool.rs:212:9:",
    "passing tests named for refused connections, timeouts and full disks; one assertion failed",
)

case(
    "ag-nx-lint-warnings-then-build-error-gha",
    "compile.error",
    "high",
    gha(
        "acme/platform",
        "ci",
        [
            setup_node(),
            Step("npm ci", npm_ci(1840)),
            Step(
                "npx nx run-many -t lint build --parallel=2",
                """
 NX   Running targets lint, build for 3 projects:

- web
- api
- shared

———————————————————————————————————————————————————————————————————————————————

> nx run shared:lint

/home/runner/work/platform/platform/libs/shared/src/lib/format.ts
  12:7  warning  'unusedLocale' is assigned a value but never used  @typescript-eslint/no-unused-vars

✖ 1 problem (0 errors, 1 warning)

> nx run web:lint  [existing outputs match the cache, left as is]

> nx run api:lint  [existing outputs match the cache, left as is]

> nx run shared:build

Compiling TypeScript files for project "shared"...
Done compiling TypeScript files for project "shared".

> nx run api:build

§apps/api/src/routes/orders.ts:31:18 - error TS2339: Property 'customerId' does not exist on type 'OrderInput'.
§
§31   const owner = input.customerId;
§                    ~~~~~~~~~~
§
§Found 1 error in apps/api/src/routes/orders.ts:31

Warning: command "tsc -p apps/api/tsconfig.app.json" exited with non-zero status code

> nx run web:build  [existing outputs match the cache, left as is]

———————————————————————————————————————————————————————————————————————————————

 NX   Ran targets lint, build for 3 projects (18s)

   ✔  5/6 succeeded [3 read from cache]

   ✖  1/6 targets failed, including the following:

      - nx run api:build""",
                code=1,
            ),
        ],
    ),
    "apps/api/src/routes/orders.ts:31:18 - error TS2339: Property 'customerId' does not exist on type 'OrderInput'.",
    "nx: a lint target with a warning only, then the build target's tsc error",
)

case(
    "ag-enospc-build-then-module-missing-travis",
    "resource.exhausted",
    "high",
    travis(
        "acme/docs-site",
        "node_js",
        [
            Step("npm ci", npm_ci(1102)),
            Step(
                "npm run build",
                """
> docs-site@1.8.0 build
> webpack --mode production

assets by status 3.1 MiB [cached] 41 assets
§[webpack-cli] Error: ENOSPC: no space left on device, write
§    at Object.writeSync (node:fs:936:3)
§    at Object.writeFileSync (node:fs:2351:26)
§    at /home/travis/build/acme/docs-site/node_modules/webpack/lib/Compiler.js:636:17 {
§  errno: -28,
§  syscall: 'write',
§  code: 'ENOSPC'
§}""",
                code=2,
            ),
            Step(
                "npm test",
                """
> docs-site@1.8.0 test
> node test/smoke.js

node:internal/modules/cjs/loader:1228
  throw err;
  ^

Error: Cannot find module '/home/travis/build/acme/docs-site/dist/server.js'
Require stack:
- /home/travis/build/acme/docs-site/test/smoke.js
    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15) {
  code: 'MODULE_NOT_FOUND',
  requireStack: [ '/home/travis/build/acme/docs-site/test/smoke.js' ]
}

Node.js v20.12.2""",
                code=1,
            ),
        ],
        cache="/home/travis/.npm",
    ),
    "[webpack-cli] Error: ENOSPC: no space left on device, write",
    "the build's full disk is the cause; the next command's missing dist file follows from it",
)

case(
    "ag-pip-resolver-warning-then-pytest-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/etl",
        "etl/main",
        [
            Step(
                "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt",
                """Collecting pandas==2.2.3
  Using cached pandas-2.2.3-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (13.1 MB)
Collecting pyarrow==15.0.2
  Using cached pyarrow-15.0.2-cp311-cp311-manylinux_2_28_x86_64.whl (38.3 MB)
Installing collected packages: pyarrow, pandas, etl
ERROR: pip's dependency resolver does not currently take into account all the packages that are installed. This behaviour is the source of the following dependency conflicts.
deltalake 0.21.0 requires pyarrow>=16, but you have pyarrow 15.0.2 which is incompatible.
Successfully installed etl-0.3.0 pandas-2.2.3 pyarrow-15.0.2""",
                name="Install",
            ),
            Step(
                ".venv/bin/pytest tests/ -p no:cacheprovider",
                """============================= test session starts ==============================
platform linux -- Python 3.11.2, pytest-8.3.3, pluggy-1.5.0
rootdir: /var/lib/jenkins/workspace/etl/main
collected 18 items

tests/test_extract.py ........                                           [ 44%]
tests/test_transform.py ...F......                                       [100%]

§=================================== FAILURES ===================================
§____________________________ test_dedupe_keeps_last ____________________________
§
§    def test_dedupe_keeps_last():
§        df = pd.DataFrame({"id": [1, 1, 2], "v": ["a", "b", "c"]})
§>       assert list(dedupe(df)["v"]) == ["b", "c"]
§E       AssertionError: assert ['a', 'c'] == ['b', 'c']
§E         At index 0 diff: 'a' != 'b'
§
§tests/test_transform.py:19: AssertionError
§=========================== short test summary info ============================
§FAILED tests/test_transform.py::test_dedupe_keeps_last - AssertionError: assert ['a', 'c'] == ['b', 'c']
§========================= 1 failed, 17 passed in 1.12s =========================""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "FAILED tests/test_transform.py::test_dedupe_keeps_last - AssertionError: assert ['a', 'c'] == ['b', 'c']",
    "pip's resolver ERROR that does not fail the install, then a failing test: the test",
)

case(
    "ag-pants-test-plain",
    "test.failure",
    "high",
    plain(
        """$ pants test ::
12:02:08.11 [INFO] Initializing scheduler...
12:02:10.41 [INFO] Scheduler initialized.
12:02:21.02 [INFO] Completed: Run Pytest - src/python/acme/util/dates_test.py:tests - succeeded.
§12:02:22.77 [ERROR] Completed: Run Pytest - src/python/acme/util/strings_test.py:tests - failed (exit code 1).
§============================= test session starts ==============================
§collected 4 items
§
§src/python/acme/util/strings_test.py ..F.                                [100%]
§
§=================================== FAILURES ===================================
§_______________________________ test_slugify_unicode _______________________________
§
§    def test_slugify_unicode() -> None:
§>       assert slugify("Ünïcode Title") == "unicode-title"
§E       AssertionError: assert 'nicode-title' == 'unicode-title'
§
§src/python/acme/util/strings_test.py:14: AssertionError
§=========================== short test summary info ============================
§FAILED src/python/acme/util/strings_test.py::test_slugify_unicode - AssertionError: assert 'nicode-title' == 'unicode-title'
§========================= 1 failed, 3 passed in 0.09s ==========================

✓ src/python/acme/util/dates_test.py:tests succeeded in 0.41s.
✕ src/python/acme/util/strings_test.py:tests failed in 0.52s.""",
        name="monorepo",
    ),
    "FAILED src/python/acme/util/strings_test.py::test_slugify_unicode - AssertionError: assert 'nicode-title' == 'unicode-title'",
    "pytest under Pants on a raw Buildkite step: the failing target's pytest output",
)

case(
    "ag-cfn-lint-azure",
    "lint.error",
    "high",
    azure(
        "acme/cloud-stacks",
        "lint",
        [
            Step("pip install cfn-lint==1.19.0", "Successfully installed cfn-lint-1.19.0", name="Install cfn-lint"),
            Step(
                "cfn-lint templates/*.yaml",
                """§E3002 Additional properties are not allowed ('BucketNam' was unexpected. Did you mean 'BucketName'?)
§templates\\storage.yaml:14:7
§
§W3005 Obsolete DependsOn on resource (LogGroup), dependency already enforced by a "Fn:GetAtt" at Resources/Function/Properties/LoggingConfig/LogGroup/Fn::GetAtt
§templates\\storage.yaml:31:7""",
                code=2,
                name="cfn-lint",
            ),
        ],
    ),
    "E3002 Additional properties are not allowed ('BucketNam' was unexpected. Did you mean 'BucketName'?)",
    "cfn-lint's findings on an Azure Pipelines agent (a Windows path)",
)
