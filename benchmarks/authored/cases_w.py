"""Authored cases, batch w: (a) pytest ``-q``'s bare tally (``3 failed, 10 passed in 0.84s``, no ``=====``
border) as the run's verdict against an annotation or a time limit; (b) a step that is one ``&&`` chain
(``script/lint && script/build && script/test``): the link that failed is the one whose output the error
block is, not the chain's last command; (c) tools run through a launcher (``go tool X``, ``mint run X``,
``xcrun X``, ``clojure -M:alias``, ``dotnet tool run X``), each in its documentation's invocation; (d) a
console log with no CI markers whose verdict's details are printed far above its last lines. Labelled
before triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import setup_go, setup_node, setup_python
from benchmarks.authored.shapes import MARK, Log, Step, gha, travis

PIP = Step("pip install -e .[test]", "Successfully installed acme-ledger-2.1.0 pytest-8.2.0")

# ---------------------------------------------------------------- (a) pytest -q's bare tally

case(
    "w-pytest-q-annotations-credentials-minority-gha",
    "test.failure",
    "medium",
    gha(
        "acme/ledger-py",
        "py-test",
        [
            setup_python(),
            PIP,
            Step(
                "pytest -q --tb=no -rN -p github_actions_annotate_failures tests",
                f"""....F.....F...F.....                                                    [100%]
{MARK}##[error]tests/test_export.py:33: botocore.exceptions.NoCredentialsError: Unable to locate credentials
{MARK}##[error]tests/test_totals.py:18: AssertionError: assert Decimal('10.00') == Decimal('10.01')
{MARK}##[error]tests/test_totals.py:41: AssertionError: assert 3 == 4
{MARK}3 failed, 17 passed in 1.92s""",
                code=1,
            ),
        ],
    ),
    "3 failed, 17 passed in 1.92s",
    "pytest -q's bare tally is the verdict: one annotation's missing credentials among three failures",
)

case(
    "w-pytest-q-tally-then-job-timeout-gha",
    "test.failure",
    "high",
    gha(
        "acme/ledger-py",
        "py-test",
        [
            setup_python(),
            PIP,
            Step(
                "python -m pytest -q --tb=short tests/integration",
                f"""........................................F...........                   [100%]
{MARK}FAILED tests/integration/test_sync.py::test_sync_resumes - assert 'done' == 'paused'
{MARK}1 failed, 51 passed in 48.10s""",
                error="##[error]The job running on runner GitHub Actions 12 has exceeded the maximum execution time of 30 minutes.",
                code=1,
            ),
        ],
    ),
    "1 failed, 51 passed in 48.10s",
    "the tests failed, then a non-daemon thread kept pytest from exiting until the job's limit",
)

case(
    "w-pytest-q-bare-tally-annotation-permission-travis",
    "test.failure",
    "medium",
    travis(
        "acme/ledger-py",
        "python",
        [
            Step("pip install -e .[test]", "Successfully installed acme-ledger-2.1.0 pytest-8.2.0"),
            Step(
                "pytest -q --tb=no -rN",
                f"""..F..........F....                                                      [100%]
{MARK}::error file=tests/test_store.py,line=9::test_store_writes%0A%0APermissionError: [Errno 13] Permission denied: '/var/lib/ledger'
{MARK}::error file=tests/test_rounding.py,line=27::test_half_even%0A%0AAssertionError: assert 2 == 3
{MARK}2 failed, 16 passed in 0.61s""",
                code=1,
            ),
        ],
    ),
    "2 failed, 16 passed in 0.61s",
    "the bare tally under raw annotations: one permission error among two failures, on Travis",
)

# ---------------------------------------------------------------- (b) one && chain as a step

case(
    "w-chain-lint-link-findings-gha",
    "lint.error",
    "high",
    gha(
        "acme/billing-web",
        "ci",
        [
            setup_node(),
            Step("npm ci", "added 644 packages, and audited 645 packages in 9s\nfound 0 vulnerabilities"),
            Step(
                "script/lint && script/build && script/test",
                f"""{MARK}src/invoices/render.ts:1: missing license header (expected "SPDX-License-Identifier: MIT")
{MARK}src/invoices/totals.ts:1: missing license header (expected "SPDX-License-Identifier: MIT")
{MARK}2 of 118 files lack the license header""",
                code=1,
            ),
        ],
    ),
    "src/invoices/render.ts:1: missing license header",
    "the chain's first link, an in-house header checker, failed on its findings: build and tests never ran",
)

case(
    "w-chain-build-link-gha",
    "compile.error",
    "medium",
    gha(
        "acme/docs-site",
        "ci",
        [
            setup_node(),
            Step("npm ci", "added 311 packages, and audited 312 packages in 6s\nfound 0 vulnerabilities"),
            Step(
                "./scripts/lint.sh && ./scripts/build.sh && ./scripts/test.sh",
                f"""lint: 0 problems in 212 files
rendering 212 pages
{MARK}Error: render pages: template "layouts/post.html" references undefined partial "share-buttons"
{MARK}  at page content/blog/2024-05-release.md
{MARK}build aborted after 37 pages""",
                code=1,
            ),
        ],
    ),
    'Error: render pages: template "layouts/post.html" references undefined partial "share-buttons"',
    "the lint link passed and said so; the build link's renderer failed; the tests never ran",
)

case(
    "w-chain-test-link-ran-gha",
    "test.failure",
    "medium",
    gha(
        "acme/billing-web",
        "ci",
        [
            setup_node(),
            Step(
                "script/lint && script/test",
                f"""lint: 0 problems in 118 files
running 24 scenarios against http://localhost:4000
  ok   invoices/create
  ok   invoices/list
{MARK}  FAIL invoices/void: expected status 204, got 409
{MARK}       body: {{"error": "invoice already paid"}}
{MARK}23 of 24 scenarios passed, 1 failed""",
                code=1,
            ),
        ],
    ),
    "FAIL invoices/void: expected status 204, got 409",
    "counter-case: the lint link passed, the test link's scenario harness ran and failed",
)

# ---------------------------------------------------------------- (c) launchers

case(
    "w-go-tool-buf-lint-gha",
    "lint.error",
    "high",
    gha(
        "acme/orders-proto",
        "lint",
        [
            setup_go("1.24"),
            Step(
                "go tool buf lint",
                f"""{MARK}proto/acme/orders/v1/order.proto:14:3:Field name "orderID" should be lower_snake_case, such as "order_id".
{MARK}proto/acme/orders/v1/order.proto:22:1:Enum value name "PAID" should be prefixed with "STATUS_".""",
                code=100,
            ),
        ],
    ),
    'proto/acme/orders/v1/order.proto:14:3:Field name "orderID" should be lower_snake_case',
    "Go 1.24's tool directive: `go tool buf` runs buf, whose lint findings fail the step",
)

case(
    "w-mint-run-swiftformat-lint-gha",
    "lint.error",
    "high",
    gha(
        "acme/ios-wallet",
        "lint",
        [
            Step(
                "brew install mint",
                "==> Pouring mint--0.17.5.arm64_sonoma.bottle.tar.gz\n🍺  /opt/homebrew/Cellar/mint/0.17.5",
            ),
            Step(
                "mint run nicklockwood/SwiftFormat@0.54.0 swiftformat --lint .",
                f"""🌱 Finding latest version of SwiftFormat
🌱 Running swiftformat 0.54.0...
Running SwiftFormat...
(lint mode - no files will be changed.)
{MARK}/Users/runner/work/ios-wallet/ios-wallet/Sources/Wallet/CardView.swift:12:1: warning: (indent) Indent code in accordance with the scope level.
{MARK}/Users/runner/work/ios-wallet/ios-wallet/Sources/Wallet/CardView.swift:30:5: warning: (redundantSelf) Insert/remove explicit self where applicable.
{MARK}SwiftFormat completed in 0.41s.
{MARK}Source input did not pass lint check.
{MARK}1/48 files require formatting.""",
                code=1,
            ),
        ],
    ),
    "CardView.swift:12:1: warning: (indent) Indent code in accordance with the scope level.",
    "Mint runs a package's executable: `mint run owner/Package@version exe args`",
)

case(
    "w-xcrun-sdk-swift-format-gha",
    "lint.error",
    "high",
    gha(
        "acme/ios-wallet",
        "format",
        [
            Step(
                "xcrun --sdk macosx swift-format lint --strict --recursive Sources",
                f"""{MARK}Sources/Wallet/Ledger.swift:8:1: error: [Indentation] replace leading whitespace with 4 spaces
{MARK}Sources/Wallet/Ledger.swift:19:22: error: [NoBlockComments] replace this block comment with line comments""",
                code=1,
            ),
        ],
    ),
    "Sources/Wallet/Ledger.swift:8:1: error: [Indentation] replace leading whitespace with 4 spaces",
    "xcrun runs a developer tool after its options (--sdk): swift-format in --strict lint mode",
)

case(
    "w-clojure-alias-kondo-gha",
    "lint.error",
    "high",
    gha(
        "acme/ledger-clj",
        "lint",
        [
            Step(
                "",
                uses="DeLaGuardo/setup-clojure@12.5",
                with_={"cli": "1.11.3.1463"},
                out="Clojure CLI 1.11.3.1463 installed",
            ),
            Step(
                "clojure -M:clj-kondo --lint src test",
                f"""{MARK}src/acme/ledger/core.clj:12:9: warning: unused binding acct
{MARK}src/acme/ledger/post.clj:40:3: error: Unresolved symbol: balnce
{MARK}linting took 311ms, errors: 1, warnings: 1""",
                code=3,
            ),
        ],
    ),
    "src/acme/ledger/post.clj:40:3: error: Unresolved symbol: balnce",
    "the Clojure CLI runs an alias's main (-M:alias): the alias is clj-kondo",
)

case(
    "w-clojure-main-ns-kaocha-gha",
    "test.failure",
    "medium",
    gha(
        "acme/ledger-clj",
        "test",
        [
            Step(
                "clojure -M:dev -m kaocha.runner --reporter documentation",
                f"""--- unit (clojure.test) ---------------------------
acme.ledger.core-test
  posting
    balances an entry
{MARK}    rejects a negative amount FAIL
{MARK}
{MARK}Expected:
{MARK}  :rejected
{MARK}Actual:
{MARK}  -:rejected +:posted
{MARK}2 tests, 5 assertions, 1 failures.""",
                code=1,
            ),
        ],
    ),
    "rejects a negative amount FAIL",
    "`-m ns` names the main namespace the alias runs: kaocha's runner",
)

case(
    "w-dotnet-tool-run-csharpier-gha",
    "lint.error",
    "high",
    gha(
        "acme/payments-api",
        "format",
        [
            Step(
                "dotnet tool restore",
                "Tool 'csharpier' (version '0.28.2') was restored. Available commands: dotnet-csharpier",
            ),
            Step(
                "dotnet tool run dotnet-csharpier --check .",
                f"""{MARK}Error ./src/Payments.Api/Program.cs - Was not formatted.
{MARK}Error ./src/Payments.Api/Controllers/RefundsController.cs - Was not formatted.
{MARK}Checked 87 files in 1204ms.""",
                code=1,
            ),
        ],
    ),
    "Error ./src/Payments.Api/Program.cs - Was not formatted.",
    "a .NET local tool run by `dotnet tool run <command>`: dotnet-csharpier is CSharpier",
)

# ---------------------------------------------------------------- (d) far details, no CI markers


def _console(text: str) -> Log:
    """A console log as a local script or a bare agent prints it: no CI markers, no command line."""
    log = Log()
    log.add(text)
    return log


def _checks(n: int) -> str:
    """Other suites' passing checks printed after the first failure: n suites of five."""
    names = ("opens", "posts", "reverses", "closes", "exports")
    return "\n".join(f"[svc-{i:02d}] {name} ... ok" for i in range(n) for name in names)


case(
    "w-far-details-raw-console",
    "test.failure",
    "medium",
    _console(
        f"""ledger-check 2.3.0: 6 suites, 260 checks
[core] opens an account ... ok
{MARK}[core] rejects an overdraft ... FAILED
{MARK}    expected: REJECTED
{MARK}    actual:   POSTED
{MARK}    at checks/core/overdraft.check line 12
[core] posts a transfer ... ok
{_checks(50)}
260 checks, 1 failed""",
    ),
    "[core] rejects an overdraft ... FAILED",
    "a console log with no markers: the failing check's details are 250 lines above its tally",
)
