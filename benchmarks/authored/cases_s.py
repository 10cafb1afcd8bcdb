"""Authored cases, batch s: tools no rule knows (an in-house checker, a less common test harness or
linter), whose error block is labelled whole, from its header to its end: findings followed by the
tool's verdict and the build driver's epilogue, a block longer than a screen of findings, a verdict
that quotes the lines above it, a failing case between passing ones, details under a summary that
only counts them. Several CI shapes and ecosystems. Labelled before triage ran on them (first run:
see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import gradle_head, setup_java, setup_node, setup_python
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, jenkins, plain, travis

# ---------------------------------------------------------------- findings, then a verdict that only counts them

case(
    "s-migration-check-script-plain",
    "lint.error",
    "high",
    plain(
        f"""$ ./scripts/check-migrations.sh
checking 43 migrations in db/migrations
0001_init.sql ... ok
0041_add_totals.sql ... ok
{MARK}0042_add_index.sql: no down migration (expected db/migrations/0042_add_index.down.sql)
{MARK}0043_rename_total.sql: down migration does not revert up
{MARK}  expected columns: id, total, created_at
{MARK}  actual columns:   id, amount, created_at
{MARK}2 of 43 migrations failed the check
check-migrations: FAILED""",
        name="orders-db",
    ),
    "0043_rename_total.sql: down migration does not revert up",
    "an in-house migration checker: its two findings and the count under them",
)

case(
    "s-crystal-spec-travis",
    "test.failure",
    "high",
    travis(
        "acme/tomlkit-cr",
        "crystal",
        [
            Step(
                "shards install",
                "Resolving dependencies\nFetching https://github.com/crystal-ameba/ameba.git\nInstalling ameba (1.6.1)",
            ),
            Step(
                "crystal spec",
                f"""........F.

{MARK}Failures:
{MARK}
{MARK}  1) Parser parses a bare integer
{MARK}     Failure/Error: parser.parse("n = 3")["n"].should eq 3
{MARK}
{MARK}       Expected: 3
{MARK}            got: "3"
{MARK}
{MARK}     # spec/parser_spec.cr:14

Finished in 4.21 milliseconds
10 examples, 1 failures, 0 errors, 0 pending

Failed examples:

crystal spec spec/parser_spec.cr:12 # Parser parses a bare integer""",
                code=1,
            ),
        ],
    ),
    "Failure/Error: parser.parse",
    "Crystal's spec runner: the failure's block from Failures:, not its rerun list",
)

case(
    "s-gradle-api-check-gha",
    "lint.error",
    "high",
    gha(
        "acme/kotlin-hashes",
        "check",
        [
            setup_java("17"),
            Step(
                "./gradlew apiCheck",
                f"""{gradle_head()}
> Task :core:compileKotlin
> Task :core:apiBuild
> Task :core:apiCheck FAILED
{MARK}API check failed for project core.
{MARK}--- /home/runner/work/kotlin-hashes/kotlin-hashes/core/api/core.api
{MARK}+++ /home/runner/work/kotlin-hashes/kotlin-hashes/core/build/api/core.api
{MARK}@@ -12,6 +12,8 @@
{MARK} public final class acme/hashes/Murmur3 {{
{MARK} 	public fun <init> ()V
{MARK} 	public final fun hash ([B)I
{MARK}+	public final fun hash ([BI)I
{MARK}+	public final fun seeded (I)Lacme/hashes/Murmur3;
{MARK} }}
{MARK}
{MARK} You can run :core:apiDump task to overwrite API declarations

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':core:apiCheck'.
> API check failed for project core.

* Try:
> Run with --stacktrace option to get the stack trace.

BUILD FAILED in 21s
4 actionable tasks: 4 executed""",
                code=1,
            ),
        ],
    ),
    "API check failed for project core.",
    "a binary-compatibility check: the diff of the public API is the finding, above Gradle's epilogue",
)

case(
    "s-vale-prose-lint-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/handbook",
        "jdkato/vale:v3.4.1",
        [
            Step(
                "vale --minAlertLevel=error docs/",
                f"""
{MARK} docs/onboarding.md
{MARK} 12:5   error  Use 'select' instead of 'click'.           Acme.Terms
{MARK} 40:18  error  Did you really mean 'recieve'?             Vale.Spelling
{MARK}
{MARK} docs/release.md
{MARK} 7:1    error  'Jenkins job' should be 'pipeline'.        Acme.Terms
{MARK}
{MARK}✖ 3 errors, 0 warnings and 0 suggestions in 14 files.""",
                code=1,
            ),
        ],
    ),
    "12:5   error  Use 'select' instead of 'click'.",
    "a prose linter: its findings per file and its count",
)

# ---------------------------------------------------------------- a long block of findings

_FINDINGS = [
    ("paths./orders.get", "operation-operationId", "Operation must have an operationId."),
    ("paths./orders.post", "operation-tags", "Operation must have non-empty tags array."),
    ("paths./orders/{id}.get", "path-params", "Path parameter 'id' must be defined."),
    ("paths./orders/{id}.delete", "operation-description", "Operation must have a description."),
    ("paths./refunds.get", "operation-operationId", "Operation must have an operationId."),
    ("paths./refunds.post", "operation-success-response", "Operation must have a 2xx response."),
    ("components.schemas.Order", "schema-example", "Schema must have an example."),
    ("components.schemas.Refund", "schema-example", "Schema must have an example."),
    ("components.schemas.Money", "no-$ref-siblings", "$ref must not have sibling keys."),
    ("info.contact", "info-contact", "Info object must have a contact."),
    ("servers[0].url", "no-http-servers", "Server URL must use https."),
    ("paths./health.get", "operation-tags", "Operation must have non-empty tags array."),
]
_REPORT = "\n".join(
    f"{MARK}  {10 + 7 * i}:{5 + i % 3}  error  {rule:<28} {msg}  {where}"
    for i, (where, rule, msg) in enumerate(_FINDINGS)
)

case(
    "s-openapi-lint-long-gha",
    "lint.error",
    "high",
    gha(
        "acme/orders-api",
        "lint-api",
        [
            setup_node("20"),
            Step("npm ci", "added 212 packages in 6s"),
            Step(
                "npx apiguard lint openapi/orders.yaml",
                f"""apiguard 0.9.3 — 41 rules
{MARK}openapi/orders.yaml
{_REPORT}
{MARK}
{MARK}✖ 12 problems (12 errors, 0 warnings, 0 infos)""",
                code=1,
            ),
        ],
    ),
    "operation-operationId",
    "an API linter no rule knows: a findings block longer than a screen, from the file's header to the count",
)

# ---------------------------------------------------------------- a failing case between passing ones

case(
    "s-bats-shell-tests-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/dotfiles-installer",
        "dotfiles-installer/main",
        [
            Step(
                "bats test/",
                f"""1..6
ok 1 install prints usage without arguments
ok 2 install refuses an unknown profile
{MARK}not ok 3 install creates the config directory
{MARK}# (in test file test/install.bats, line 22)
{MARK}#   `[ -d "$HOME/.config/acme" ]' failed
{MARK}# Last output:
{MARK}# installing profile 'minimal' into /tmp/bats-run-41/home
{MARK}# warning: XDG_CONFIG_HOME unset, using ~/.acme
ok 4 install is idempotent
ok 5 uninstall removes links
ok 6 uninstall keeps user files""",
                code=1,
            ),
        ],
    ),
    "not ok 3 install creates the config directory",
    "bats: the failing case's block between passing cases",
)

case(
    "s-nim-unittest-gha",
    "test.failure",
    "high",
    gha(
        "acme/nimjson",
        "test",
        [
            Step("nimble install -y --depsOnly", "Success: Dependencies satisfied"),
            Step(
                "nimble test",
                f"""  Verifying dependencies for nimjson@0.4.2
  Compiling /home/runner/work/nimjson/nimjson/tests/tparse (from package nimjson) using c backend
[Suite] parse
  [OK] parses null
  [OK] parses true
{MARK}    /home/runner/work/nimjson/nimjson/tests/tparse.nim(31, 14): Check failed: parse("1e3").num == 1000.0
{MARK}    parse("1e3").num was 1.0
{MARK}  [FAILED] parses exponents
  [OK] parses nested arrays
       Error: execution of an external program failed: '/home/runner/work/nimjson/nimjson/tests/tparse'""",
                code=1,
            ),
        ],
    ),
    'Check failed: parse("1e3").num == 1000.0',
    "Nim's unittest: the check that failed and the case it failed in, above nimble's own error",
)

# ---------------------------------------------------------------- a verdict quoting the lines above it

case(
    "s-bazel-like-echo-travis",
    "compile.error",
    "high",
    travis(
        "acme/geo-c",
        "c",
        [
            Step(
                "./tools/build.py //geo:all",
                f"""[1 / 9] compiling geo/point.c
[2 / 9] compiling geo/poly.c
{MARK}geo/poly.c:88:12: error: 'struct ring' has no member named 'len'
{MARK}   88 |   if (r->len < 3) return 0;
{MARK}      |            ^~~
[3 / 9] compiling geo/grid.c
[4 / 9] compiling geo/hash.c
[5 / 9] compiling geo/io.c
[6 / 9] compiling geo/bbox.c
build.py: target //geo:poly failed (exit 1); last lines of its output:
    geo/poly.c:88:12: error: 'struct ring' has no member named 'len'
    1 error generated.
build.py: 1 of 9 actions failed""",
                code=1,
            ),
        ],
    ),
    "geo/poly.c:88:12: error: 'struct ring' has no member named 'len'",
    "a project's own build wrapper quotes the compiler's error in its verdict: the error itself is the block",
)

case(
    "s-python-license-gate-gha",
    "lint.error",
    "high",
    gha(
        "acme/ingest",
        "licenses",
        [
            setup_python("3.12"),
            Step("pip install -r requirements.txt", "Successfully installed ingest-deps"),
            Step(
                "python ci/license_gate.py",
                f"""scanning 87 installed distributions
{MARK}disallowed licenses:
{MARK}  package        version  license
{MARK}  chardet-ng     5.3.0    LGPL-2.1-or-later
{MARK}  pyqt-mini      0.3.1    GPL-3.0-only
{MARK}allowed: MIT, BSD-2-Clause, BSD-3-Clause, Apache-2.0, ISC, PSF-2.0
license gate: 2 distributions with disallowed licenses""",
                code=2,
            ),
        ],
    ),
    "pyqt-mini      0.3.1    GPL-3.0-only",
    "an in-house license gate: the table of offending packages under its header",
)
