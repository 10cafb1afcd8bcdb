"""Authored cases, batch r: tools no rule of the catalogue knows, whose category must come from what the
failing command is: a checker, test runner, compiler or package manager named in the step's script, a
``+ cmd`` trace, a ``$ cmd`` line, a make recipe's echo, an npm script's ``> cmd`` body, a tox/nox
session's command line or a ``docker build``'s RUN, often behind a wrapper (make, npm, just, tox, nox,
a Gradle task, a shell script). Several ecosystems and CI shapes. Labelled before triage ran on them
(first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import setup_go, setup_node, setup_python, setup_rust
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, jenkins, travis

# ---------------------------------------------------------------- checkers behind wrappers

case(
    "r-vale-behind-make",
    "lint.error",
    "high",
    gha(
        "acme/handbook",
        "docs",
        [
            Step(
                "make docs-lint",
                f"""vale --config .vale.ini docs/
{MARK} docs/install.md
{MARK} 12:5   error    Use 'select' instead of 'click'.  Vocab.Click
{MARK} 40:17  warning  Avoid using 'simply'.              Style.Simply
{MARK}
{MARK}✖ 1 error, 1 warning and 0 suggestions in 14 files.
make: *** [Makefile:31: docs-lint] Error 1""",
                code=2,
            ),
        ],
    ),
    "docs/install.md 12:5 error Use 'select' instead of 'click'",
)

case(
    "r-size-limit-npm-script",
    "lint.error",
    "high",
    gha(
        "acme/tinyui",
        "size",
        [
            setup_node("20"),
            Step("npm ci", "added 233 packages, and audited 234 packages in 4s"),
            Step(
                "npm run size",
                f"""
> tinyui@3.1.0 size
> size-limit

{MARK}  dist/index.js
{MARK}  Package size limit has exceeded by 1.31 kB
{MARK}  Size limit: 10 kB
{MARK}  Size:       11.31 kB with all dependencies, minified and brotlied
""",
                code=1,
            ),
        ],
    ),
    "Package size limit has exceeded by 1.31 kB",
)

case(
    "r-interrogate-tox-env",
    "lint.error",
    "high",
    gha(
        "acme/pydocs-kit",
        "docs-coverage",
        [
            setup_python("3.12"),
            Step("pip install tox", "Successfully installed tox-4.15.0"),
            Step(
                "tox -e docstrings",
                f"""docstrings: install_deps> python -I -m pip install interrogate
docstrings: commands[0]> interrogate -v --fail-under 90 src/pydocs_kit
{MARK}RESULT: FAILED (minimum: 90.0%, actual: 84.6%)
docstrings: exit 1 (0.41 seconds) /home/runner/work/pydocs-kit/pydocs-kit> interrogate -v --fail-under 90 src/pydocs_kit pid=2211
  docstrings: FAIL code 1 (3.20=setup[2.79]+cmd[0.41] seconds)
  evaluation failed :( (3.27 seconds)""",
                code=1,
            ),
        ],
    ),
    "interrogate RESULT: FAILED (minimum: 90.0%, actual: 84.6%)",
)

case(
    "r-cargo-deny-licenses",
    "lint.error",
    "high",
    gha(
        "acme/ferrous-cache",
        "licenses",
        [
            setup_rust(),
            Step(
                "cargo deny check licenses",
                f"""{MARK}error[rejected]: failed to satisfy license requirements
{MARK}  ┌─ registry+https://github.com/rust-lang/crates.io-index#ring@0.16.20:4:12
{MARK}  │
{MARK}4 │ license = "LicenseRef-ring"
{MARK}  │            ━━━━━━━━━━━━━━━ rejected: license is not explicitly allowed
{MARK}  │
licenses FAILED""",
                code=1,
            ),
        ],
    ),
    "error[rejected]: failed to satisfy license requirements",
)

case(
    "r-ktfmt-gradle-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/droid-notes",
        "android-pr",
        [
            Step(
                "./gradlew ktfmtCheck --no-daemon",
                f"""> Task :app:ktfmtCheckMain FAILED
{MARK}[ktfmt] Invalid formatting for: /var/lib/jenkins/workspace/droid-notes/app/src/main/java/acme/notes/NoteList.kt
{MARK}[ktfmt] Invalid formatting for: /var/lib/jenkins/workspace/droid-notes/app/src/main/java/acme/notes/Sync.kt

BUILD FAILED in 41s
12 actionable tasks: 3 executed, 9 up-to-date""",
                code=1,
                name="Format",
            ),
        ],
    ),
    "[ktfmt] Invalid formatting for: .../NoteList.kt",
)

case(
    "r-taplo-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/workspace-tools",
        "rust:1.78",
        [
            Step("cargo install taplo-cli --locked", "  Installed package `taplo-cli v0.9.0` (executable `taplo`)"),
            Step(
                "taplo fmt --check",
                f"""{MARK} ERROR taplo:format_files: the file is not properly formatted path="/builds/acme/workspace-tools/Cargo.toml"
{MARK} ERROR taplo:format_files: the file is not properly formatted path="/builds/acme/workspace-tools/crates/core/Cargo.toml"
{MARK} ERROR operation failed error=some files were not properly formatted""",
                code=1,
            ),
        ],
    ),
    "taplo: the file is not properly formatted",
)

case(
    "r-shfmt-traced-script",
    "lint.error",
    "high",
    travis(
        "acme/dotfiles",
        "shell",
        [
            Step(
                "bash ci/check.sh",
                f"""+ shfmt -d -i 2 bin/
{MARK}--- bin/backup.sh.orig
{MARK}+++ bin/backup.sh
{MARK}@@ -3,5 +3,5 @@
{MARK} main() {{
{MARK}-    rsync -a "$SRC" "$DST"
{MARK}+  rsync -a "$SRC" "$DST"
{MARK} }}""",
                code=1,
                name="script",
            ),
        ],
    ),
    "shfmt diff of bin/backup.sh",
)

# ---------------------------------------------------------------- test runners no rule knows

case(
    "r-bats-travis",
    "test.failure",
    "high",
    travis(
        "acme/git-extras-lite",
        "bash",
        [
            Step(
                "bats test/",
                f"""1..6
ok 1 git-sync prints usage
ok 2 git-sync refuses a dirty tree
{MARK}not ok 3 git-sync rebases onto upstream
{MARK}# (in test file test/sync.bats, line 31)
{MARK}#   `[ "$status" -eq 0 ]' failed
ok 4 git-prune-merged lists merged branches
ok 5 git-prune-merged keeps main
ok 6 git-prune-merged --dry-run deletes nothing""",
                code=1,
                name="script",
            ),
        ],
    ),
    "not ok 3 git-sync rebases onto upstream",
)

case(
    "r-hurl-just-recipe",
    "test.failure",
    "high",
    gha(
        "acme/orders-api",
        "api-tests",
        [
            Step(
                "just api-test",
                f"""hurl --test --variable host=http://localhost:8080 tests/api/*.hurl
tests/api/health.hurl: Success (1 request(s) in 12 ms)
{MARK}error: Assert status code
{MARK}  --> tests/api/orders.hurl:14:6
{MARK}   |
{MARK}   | POST {{{{host}}}}/orders
{MARK}14 | HTTP 201
{MARK}   |      ^^^ actual value is <500>
{MARK}   |
{MARK}tests/api/orders.hurl: Failure (2 request(s) in 40 ms)
--------------------------------------------------------------------------------
Executed files:    2
Succeeded files:   1 (50.0%)
Failed files:      1 (50.0%)
error: Recipe `api-test` failed on line 12 with exit code 3""",
                code=3,
            ),
        ],
    ),
    "error: Assert status code --> tests/api/orders.hurl:14:6",
)

case(
    "r-nextest-nox-session",
    "test.failure",
    "high",
    gha(
        "acme/pyo3-tokens",
        "rust-tests",
        [
            setup_python("3.12"),
            Step(
                "pipx run nox -s rust",
                f"""nox > Running session rust
nox > cargo nextest run --workspace
    Starting 41 tests across 3 binaries
        PASS [   0.012s] tokens lexer::tests::empty
{MARK}        FAIL [   0.020s] tokens lexer::tests::unicode_escape
{MARK}--- STDERR:              tokens lexer::tests::unicode_escape ---
{MARK}thread 'lexer::tests::unicode_escape' panicked at src/lexer.rs:211:9:
{MARK}assertion `left == right` failed
{MARK}  left: Token::Invalid
{MARK} right: Token::Str("é")
     Summary [   0.310s] 41 tests run: 40 passed, 1 failed, 0 skipped
error: test run failed
nox > Command cargo nextest run --workspace failed with exit code 100
nox > Session rust failed.""",
                code=1,
            ),
        ],
    ),
    "FAIL tokens lexer::tests::unicode_escape: assertion `left == right` failed",
)

# ---------------------------------------------------------------- compilers and packagers

case(
    "r-gleam-build-docker",
    "compile.error",
    "high",
    gha(
        "acme/gleam-chat",
        "image",
        [
            Step(
                "docker build -t chat .",
                f"""#0 building with "default" instance using docker driver
#8 [build 4/5] RUN gleam export erlang-shipment
#8 0.512   Compiling chat
{MARK}#8 0.744 error: Unknown variable
{MARK}#8 0.744    ┌─ /app/src/chat/room.gleam:27:5
{MARK}#8 0.744    │
{MARK}#8 0.744 27 │     broadcst(room, msg)
{MARK}#8 0.744    │     ^^^^^^^^ Did you mean `broadcast`?
#8 ERROR: process "/bin/sh -c gleam export erlang-shipment" did not complete successfully: exit code: 1
------
Dockerfile:9
--------------------
ERROR: failed to solve: process "/bin/sh -c gleam export erlang-shipment" did not complete successfully: exit code: 1""",
                code=1,
            ),
        ],
    ),
    "error: Unknown variable /app/src/chat/room.gleam:27:5",
)

case(
    "r-pixi-install",
    "dependency.resolution",
    "high",
    gha(
        "acme/geo-notebooks",
        "env",
        [
            Step(
                "pixi install --locked",
                f"""{MARK}  × failed to solve the conda requirements of 'default' 'linux-64'
{MARK}  ╰─▶ Cannot solve the request because of: No candidates were found for gdal ==3.99.*.""",
                code=1,
            ),
        ],
    ),
    "failed to solve the conda requirements: No candidates were found for gdal ==3.99.*",
)

case(
    "r-go-generate-stale-make-gitlab",
    "lint.error",
    "medium",
    gitlab(
        "acme/protoapi",
        "golang:1.22",
        [
            Step(
                "make check-generated",
                f"""buf generate
git diff --exit-code -- gen/
{MARK}diff --git a/gen/api/v1/api.pb.go b/gen/api/v1/api.pb.go
{MARK}index 3f1c2aa..8e0b9d1 100644
{MARK}--- a/gen/api/v1/api.pb.go
{MARK}+++ b/gen/api/v1/api.pb.go
{MARK}@@ -118,7 +118,7 @@ type Order struct {{
{MARK}-	Id string `protobuf:"bytes,1,opt,name=id,proto3"`
{MARK}+	Id string `protobuf:"bytes,1,opt,name=id,proto3" json:"id,omitempty"`
make: *** [Makefile:22: check-generated] Error 1""",
                code=2,
            ),
        ],
    ),
    "git diff --exit-code: generated gen/api/v1/api.pb.go is stale",
)

case(
    "r-typos-gha-script",
    "lint.error",
    "high",
    gha(
        "acme/goscribe",
        "spelling",
        [
            setup_go("1.22"),
            Step("go install github.com/crate-ci/typos@latest", "go: downloading github.com/crate-ci/typos v1.21.0"),
            Step(
                "typos --format brief ./cmd ./docs",
                f"""{MARK}./docs/guide.md:14:9: `recieve` -> `receive`
{MARK}./cmd/root.go:31:15: `occurence` -> `occurrence`""",
                code=2,
            ),
        ],
    ),
    "./cmd/root.go:31:15: `occurence` -> `occurrence`",
)
