"""Authored cases, batch ah: excerpt edges (issue 8), one class of incomplete excerpt at a time, several
ecosystems each. Labelled before triage ran on them, by the hands that then changed the edges, so each
class's first run is a floor, not an unseen check.

1. A tool no rule knows, run as Travis' or GitLab's ``$ cmd`` with its output right below: the command line
   names what failed (the block's head, as a suite's name heads its failures), and the labels take it.
   Two cases first written for it were replaced after their first run, for a category miss outside this
   class: i18n-tasks' ``Missing translations`` table (read as dependency.resolution) and Django's
   ``makemigrations --check`` (no error word: unknown). Both are left to a category batch.
2. A checker's tally in words no verdict pattern knows (ECS's ``[ERROR] Found 2 errors that can be fixed``)
   under a report longer than one cause's reach: the tally closes the whole report, from its first header.
"""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.shapes import MARK, Step, gitlab, travis

# ---------------------------------------------------------------- 1. the command line heads a generic block

case(
    "ah-phpcpd-travis",
    "lint.error",
    "high",
    travis(
        "acme/invoicing",
        "php",
        [
            Step("composer install --no-interaction --prefer-dist", "Generating optimized autoload files"),
            Step(
                "vendor/bin/phpcpd --min-lines 10 src/",
                f"""{MARK}phpcpd 6.0.3 by Sebastian Bergmann.
{MARK}
{MARK}Found 1 clones with 24 duplicated lines in 2 files:
{MARK}
{MARK}  - src/Export/CsvWriter.php:18-42 (24 lines)
{MARK}    src/Export/XlsxWriter.php:21-45
{MARK}
{MARK}1.12% duplicated lines out of 2143 total lines of code.""",
                code=1,
                name="script.1",
                headed=True,
            ),
        ],
        cache="/home/travis/.composer/cache",
    ),
    "Found 1 clones with 24 duplicated lines in 2 files:",
    "phpcpd: a copy-paste clone across two files, the report right under the command",
)

case(
    "ah-go-licenses-check-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/ingest",
        "golang:1.22",
        [
            Step(
                "go install github.com/google/go-licenses@v1.6.0",
                "go: downloading github.com/google/go-licenses v1.6.0",
            ),
            Step(
                "go-licenses check ./... --disallowed_types=forbidden,restricted",
                f"""{MARK}E0412 09:14:03.118204    4711 library.go:117] Package github.com/acme/ingest/vendored/gpltool is licensed under GPL-3.0, which is forbidden
{MARK}F0412 09:14:03.118390    4711 main.go:77] forbidden license type GPL-3.0 for library github.com/acme/ingest/vendored/gpltool""",
                code=1,
                headed=True,
            ),
        ],
    ),
    "forbidden license type GPL-3.0 for library github.com/acme/ingest/vendored/gpltool",
    "go-licenses: a forbidden licence, in glog's records right under the command",
)

case(
    "ah-buf-breaking-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/orders-api",
        "bufbuild/buf:1.30.1",
        [
            Step(
                "buf breaking --against '.git#branch=main'",
                f"""{MARK}proto/orders/v1/orders.proto:14:3:Field "3" with name "total" on message "Order" changed type from "string" to "int64".
{MARK}proto/orders/v1/orders.proto:22:1:Previously present field "7" with name "coupon" on message "Order" was deleted.""",
                code=100,
                headed=True,
            ),
        ],
    ),
    'proto/orders/v1/orders.proto:14:3:Field "3" with name "total" on message "Order" changed type from "string" to "int64".',
    "buf breaking: two breaking changes against main, located, right under the command",
)

case(
    "ah-ktlint-travis",
    "lint.error",
    "high",
    travis(
        "acme/notes-android",
        "android",
        [
            Step("curl -sSLO https://github.com/pinterest/ktlint/releases/download/1.2.1/ktlint && chmod a+x ktlint"),
            Step(
                "./ktlint 'app/src/**/*.kt'",
                f"""{MARK}app/src/main/kotlin/com/acme/notes/NoteList.kt:14:1: Unexpected blank line(s) before "}}" (standard:no-blank-line-before-rbrace)
{MARK}app/src/main/kotlin/com/acme/notes/Store.kt:58:34: Missing spacing after ":" (standard:colon-spacing)
{MARK}
{MARK}Summary error count (descending) by rule:
{MARK}  standard:colon-spacing: 1
{MARK}  standard:no-blank-line-before-rbrace: 1""",
                code=1,
                name="script.1",
                headed=True,
            ),
        ],
        cache="/home/travis/.gradle/caches",
    ),
    'app/src/main/kotlin/com/acme/notes/NoteList.kt:14:1: Unexpected blank line(s) before "}" (standard:no-blank-line-before-rbrace)',
    "ktlint run as a downloaded binary: its findings and its summary by rule",
)


# ---------------------------------------------------------------- 2. a tally's report starts at its first header

case(
    "ah-php-ecs-two-files-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/invoicing",
        "php:8.3",
        [
            Step("composer install --no-interaction --prefer-dist", "Generating optimized autoload files"),
            Step(
                "vendor/bin/ecs check src",
                f"""{MARK}1) src/Invoice.php
{MARK}
{MARK}    ---------- begin diff ----------
{MARK}@@ @@
{MARK}-    public function total() {{
{MARK}+    public function total()
{MARK}+    {{
{MARK}    ----------- end diff -----------
{MARK}
{MARK}2) src/Order.php
{MARK}
{MARK}    ---------- begin diff ----------
{MARK}@@ @@
{MARK}-use App\\Money;
{MARK}-use App\\Invoice;
{MARK}+use App\\Invoice;
{MARK}+use App\\Money;
{MARK}    ----------- end diff -----------
{MARK}
{MARK}Applied checkers:
{MARK}
{MARK} * PhpCsFixer\\Fixer\\Basic\\BracesPositionFixer
{MARK} * PhpCsFixer\\Fixer\\Import\\OrderedImportsFixer
{MARK}
{MARK}
{MARK} [ERROR] Found 2 errors that can be fixed with "--fix" option""",
                code=1,
            ),
        ],
    ),
    ' [ERROR] Found 2 errors that can be fixed with "--fix" option',
    "ECS: two files' diffs, the checkers applied, then its tally of errors",
)
