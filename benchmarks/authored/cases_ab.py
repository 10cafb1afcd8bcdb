"""Authored cases, batch ab: a block that is one span, labelled whole from its first failure to the run's
verdict, with what the runner printed between its parts: passing cases between two failing ones (go test
-v, TAP, VSTest, cargo-nextest, CTest, Jest's suite list, prove's and tox's per-unit verdicts), a run of dots
between ExUnit's numbered failures, a linter's per-file ``OK`` lines above its total, and the run's
summary a few lines below the last failure. Several CI shapes and ecosystems. Labelled before triage ran on
them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import setup_go, setup_node, setup_python, setup_rust
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, jenkins, plain, travis

# ---------------------------------------------------------------- passing cases between two failing ones

case(
    "ab-go-verbose-five-passes-between-gha",
    "test.failure",
    "high",
    gha(
        "acme/ratelimit",
        "test",
        [
            setup_go("1.22"),
            Step(
                "go test -v -count=1 ./bucket/...",
                f"""=== RUN   TestNew
--- PASS: TestNew (0.00s)
=== RUN   TestTake
{MARK}    bucket_test.go:41: Take(3) = true, want false (only 2 tokens left)
{MARK}--- FAIL: TestTake (0.00s)
{MARK}=== RUN   TestTakeZero
{MARK}--- PASS: TestTakeZero (0.00s)
{MARK}=== RUN   TestRefill
{MARK}--- PASS: TestRefill (0.01s)
{MARK}=== RUN   TestRefillCap
{MARK}--- PASS: TestRefillCap (0.00s)
{MARK}=== RUN   TestWait
{MARK}    bucket_test.go:88: Wait took 212ms, want at most 120ms
{MARK}--- FAIL: TestWait (0.21s)
{MARK}FAIL
{MARK}FAIL	github.com/acme/ratelimit/bucket	0.241s
FAIL""",
                code=1,
            ),
        ],
    ),
    "bucket_test.go:41: Take(3) = true, want false",
    "go test -v: three passing tests between two failing ones of one package, then its verdict",
)

case(
    "ab-tap-node-test-passes-between-travis",
    "test.failure",
    "high",
    travis(
        "acme/slugify-js",
        "node_js",
        [
            Step("npm ci", "added 212 packages, and audited 213 packages in 3s\nfound 0 vulnerabilities"),
            Step(
                "node --test test/",
                f"""TAP version 13
# Subtest: lowercases
ok 1 - lowercases
  ---
  duration_ms: 0.412
  ...
{MARK}# Subtest: strips accents
{MARK}not ok 2 - strips accents
{MARK}  ---
{MARK}  duration_ms: 1.027
{MARK}  failureType: 'testCodeFailure'
{MARK}  error: |-
{MARK}    Expected values to be strictly equal:
{MARK}    'creme-brulee' !== 'crème-brulee'
{MARK}  code: 'ERR_ASSERTION'
{MARK}  ...
{MARK}# Subtest: joins words
{MARK}ok 3 - joins words
{MARK}  ---
{MARK}  duration_ms: 0.205
{MARK}  ...
{MARK}# Subtest: trims dashes
{MARK}not ok 4 - trims dashes
{MARK}  ---
{MARK}  duration_ms: 0.331
{MARK}  failureType: 'testCodeFailure'
{MARK}  error: |-
{MARK}    Expected values to be strictly equal:
{MARK}    '-a-b-' !== 'a-b'
{MARK}  code: 'ERR_ASSERTION'
{MARK}  ...
{MARK}1..4
{MARK}# tests 4
{MARK}# pass 2
{MARK}# fail 2""",
                code=1,
            ),
        ],
    ),
    "not ok 2 - strips accents",
    "node's test runner (TAP): a passing subtest with its YAML block between two failing ones, then the tally",
)

case(
    "ab-dotnet-four-passed-between-gha",
    "test.failure",
    "high",
    gha(
        "acme/ledger-net",
        "test",
        [
            Step(
                "dotnet test --no-build --logger 'console;verbosity=normal'",
                f"""Starting test execution, please wait...
A total of 1 test files matched the specified pattern.
  Passed Ledger.Tests.PostingTests.Balances_debits [3 ms]
{MARK}  Failed Ledger.Tests.PostingTests.Rejects_unbalanced [9 ms]
{MARK}  Error Message:
{MARK}   Assert.Throws() Failure: No exception was thrown
{MARK}  Stack Trace:
{MARK}     at Ledger.Tests.PostingTests.Rejects_unbalanced() in /home/runner/work/ledger-net/ledger-net/tests/PostingTests.cs:line 31
{MARK}  Passed Ledger.Tests.PostingTests.Rounds_cents [1 ms]
{MARK}  Passed Ledger.Tests.AccountTests.Opens_account [< 1 ms]
{MARK}  Passed Ledger.Tests.AccountTests.Closes_account [2 ms]
{MARK}  Passed Ledger.Tests.AccountTests.Renames_account [1 ms]
{MARK}  Failed Ledger.Tests.AccountTests.Refuses_negative_opening [4 ms]
{MARK}  Error Message:
{MARK}   Expected account.Balance to be 0M, but found -5M.
{MARK}  Stack Trace:
{MARK}     at Ledger.Tests.AccountTests.Refuses_negative_opening() in /home/runner/work/ledger-net/ledger-net/tests/AccountTests.cs:line 47
{MARK}
{MARK}Test Run Failed.
{MARK}Total tests: 7
{MARK}     Passed: 5
{MARK}     Failed: 2
{MARK} Total time: 1.0412 Seconds""",
                code=1,
            ),
        ],
    ),
    "Failed Ledger.Tests.PostingTests.Rejects_unbalanced",
    "VSTest at normal verbosity: four passing cases between two failing ones, then the run's totals",
)

case(
    "ab-cargo-nextest-passes-between-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/tzparse",
        "rust:1.78",
        [
            Step(
                "cargo nextest run",
                f"""    Finished test [unoptimized + debuginfo] target(s) in 0.41s
    Starting 7 tests across 1 binary
        PASS [   0.004s] tzparse tests::parses_utc
{MARK}        FAIL [   0.006s] tzparse tests::parses_offset
{MARK}--- STDOUT:              tzparse tests::parses_offset ---
{MARK}running 1 test
{MARK}test tests::parses_offset ... FAILED
{MARK}--- STDERR:              tzparse tests::parses_offset ---
{MARK}thread 'tests::parses_offset' panicked at src/lib.rs:88:9:
{MARK}assertion `left == right` failed
{MARK}  left: Some(-18000)
{MARK} right: Some(18000)
{MARK}        PASS [   0.003s] tzparse tests::parses_zulu
{MARK}        PASS [   0.003s] tzparse tests::rejects_empty
{MARK}        PASS [   0.005s] tzparse tests::parses_named
{MARK}        PASS [   0.004s] tzparse tests::parses_abbrev
{MARK}        FAIL [   0.007s] tzparse tests::parses_half_hour
{MARK}--- STDOUT:              tzparse tests::parses_half_hour ---
{MARK}running 1 test
{MARK}test tests::parses_half_hour ... FAILED
{MARK}--- STDERR:              tzparse tests::parses_half_hour ---
{MARK}thread 'tests::parses_half_hour' panicked at src/lib.rs:102:9:
{MARK}called `Option::unwrap()` on a `None` value
{MARK}------------
{MARK}     Summary [   0.041s] 7 tests run: 5 passed, 2 failed, 0 skipped
{MARK}        FAIL [   0.006s] tzparse tests::parses_offset
{MARK}        FAIL [   0.007s] tzparse tests::parses_half_hour
error: test run failed""",
                code=100,
            ),
        ],
    ),
    "panicked at src/lib.rs:88:9",
    "cargo-nextest: four passing cases between two failing ones with their captured output, then its summary",
)

case(
    "ab-ctest-passed-between-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/ringbuf-c",
        "ringbuf-c/main",
        [
            Step(
                "ctest --test-dir build --output-on-failure",
                f"""Test project /var/lib/jenkins/workspace/ringbuf-c/build
    Start 1: init
1/6 Test #1: init .............................   Passed    0.01 sec
    Start 2: push_pop
{MARK}2/6 Test #2: push_pop .........................***Failed    0.01 sec
{MARK}test_push_pop.c:27: expected 4 got 3
{MARK}    Start 3: wrap
{MARK}3/6 Test #3: wrap .............................   Passed    0.01 sec
{MARK}    Start 4: full
{MARK}4/6 Test #4: full .............................   Passed    0.01 sec
{MARK}    Start 5: empty
{MARK}5/6 Test #5: empty ............................   Passed    0.00 sec
{MARK}    Start 6: resize
{MARK}6/6 Test #6: resize ...........................***Failed    0.02 sec
{MARK}test_resize.c:40: resize(8) returned -1 (ENOMEM)
{MARK}
{MARK}67% tests passed, 2 tests failed out of 6
{MARK}
{MARK}Total Test time (real) =   0.07 sec
{MARK}
{MARK}The following tests FAILED:
{MARK}	  2 - push_pop (Failed)
{MARK}	  6 - resize (Failed)
Errors while running CTest""",
                code=8,
            ),
        ],
    ),
    "test_push_pop.c:27: expected 4 got 3",
    "CTest with --output-on-failure: passing cases between two failing ones, the tally and the failed list",
)

case(
    "ab-jest-suite-list-passes-between-gha",
    "test.failure",
    "high",
    gha(
        "acme/cart-ui",
        "test",
        [
            setup_node("20"),
            Step(
                "npx jest src/cart",
                f"""{MARK}FAIL src/cart/cart.test.ts
{MARK}  Cart
{MARK}    ✓ starts empty (3 ms)
{MARK}    ✕ adds an item (6 ms)
{MARK}    ✓ removes an item (1 ms)
{MARK}    ✓ clears (1 ms)
{MARK}    ✓ counts items (1 ms)
{MARK}    ✓ keeps order (2 ms)
{MARK}    ✕ totals with tax (4 ms)
{MARK}
{MARK}  ● Cart › adds an item
{MARK}
{MARK}    expect(received).toHaveLength(expected)
{MARK}
{MARK}    Expected length: 1
{MARK}    Received length: 0
{MARK}
{MARK}      14 |     cart.add(book);
{MARK}    > 15 |     expect(cart.items).toHaveLength(1);
{MARK}         |                        ^
{MARK}
{MARK}      at Object.<anonymous> (src/cart/cart.test.ts:15:24)
{MARK}
{MARK}  ● Cart › totals with tax
{MARK}
{MARK}    expect(received).toBe(expected) // Object.is equality
{MARK}
{MARK}    Expected: 12.1
{MARK}    Received: 10
{MARK}
{MARK}      at Object.<anonymous> (src/cart/cart.test.ts:41:30)
{MARK}
{MARK}Test Suites: 1 failed, 1 total
{MARK}Tests:       2 failed, 5 passed, 7 total""",
                code=1,
            ),
        ],
    ),
    "● Cart › adds an item",
    "Jest: a suite's list with passing cases between its two failing ones, their details and the totals",
)

# ---------------------------------------------------------------- per-unit verdicts between failures and the summary

case(
    "ab-perl-prove-summary-below-travis",
    "test.failure",
    "high",
    travis(
        "acme/Text-Wrapper",
        "perl",
        [
            Step(
                "cpanm --installdeps --notest .",
                "--> Working on .\nConfiguring Text-Wrapper-0.12 ... OK\n<== Installed dependencies for .. Finishing.",
            ),
            Step(
                "prove -l t",
                f"""t/00-load.t ...... ok
{MARK}t/01-wrap.t ...... 1/6
{MARK}#   Failed test 'wraps at 20 columns'
{MARK}#   at t/01-wrap.t line 18.
{MARK}#          got: 'a long line that goes'
{MARK}#     expected: 'a long line that'
{MARK}# Looks like you failed 1 test of 6.
{MARK}t/01-wrap.t ...... Dubious, test returned 1 (wstat 256, 0x100)
{MARK}Failed 1/6 subtests
{MARK}t/02-indent.t .... ok
{MARK}t/03-unicode.t ... ok
{MARK}t/04-tabs.t ...... ok
{MARK}
{MARK}Test Summary Report
{MARK}-------------------
{MARK}t/01-wrap.t    (Wstat: 256 (exited 1) Tests: 6 Failed: 1)
{MARK}  Failed test:  4
{MARK}  Non-zero exit status: 1
{MARK}Files=5, Tests=23,  1 wallclock secs ( 0.03 usr  0.01 sys +  0.31 cusr  0.05 csys =  0.40 CPU)
{MARK}Result: FAIL""",
                code=1,
            ),
        ],
    ),
    "Failed test 'wraps at 20 columns'",
    "prove: a failing test file, the files that passed after it, then the summary report that names it",
)

case(
    "ab-exunit-dots-between-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/money_ex",
        "elixir:1.16",
        [
            Step("mix deps.get", "Resolving Hex dependencies...\nAll dependencies are up to date"),
            Step(
                "mix test",
                f"""Running ExUnit with seed: 40213, max_cases: 4

....
{MARK}  1) test add/2 keeps the currency (MoneyTest)
{MARK}     test/money_test.exs:12
{MARK}     Assertion with == failed
{MARK}     code:  assert Money.add(eur(1), eur(2)).currency == :EUR
{MARK}     left:  :USD
{MARK}     right: :EUR
{MARK}     stacktrace:
{MARK}       test/money_test.exs:13: (test)
{MARK}
{MARK}..........
{MARK}
{MARK}  2) test split/2 leaves no remainder (MoneyTest)
{MARK}     test/money_test.exs:30
{MARK}     Assertion with == failed
{MARK}     code:  assert Enum.sum(parts) == 100
{MARK}     left:  99
{MARK}     right: 100
{MARK}     stacktrace:
{MARK}       test/money_test.exs:32: (test)
{MARK}
{MARK}......
{MARK}Finished in 0.1 seconds (0.05s async, 0.05s sync)
{MARK}22 tests, 2 failures""",
                code=2,
            ),
        ],
    ),
    "Assertion with == failed",
    "ExUnit: dots of passing tests between two numbered failures, then the run's count",
)

case(
    "ab-tox-envs-ok-between-gha",
    "test.failure",
    "high",
    gha(
        "acme/ini-parse",
        "tox",
        [
            setup_python("3.12"),
            Step(
                "tox run -e py310,py311,py312,py313",
                f"""py310: commands[0]> pytest -q
{MARK}FAILED tests/test_parse.py::test_multiline - AssertionError: assert 'a' == 'a\\nb'
{MARK}1 failed, 40 passed in 0.52s
{MARK}py310: exit 1 (0.81 seconds) /home/runner/work/ini-parse/ini-parse> pytest -q pid=2114
{MARK}py311: commands[0]> pytest -q
{MARK}41 passed in 0.49s
{MARK}py311: OK ✔ in 2.1 seconds
{MARK}py312: commands[0]> pytest -q
{MARK}41 passed in 0.47s
{MARK}py312: OK ✔ in 2.0 seconds
{MARK}py313: commands[0]> pytest -q
{MARK}FAILED tests/test_parse.py::test_multiline - AssertionError: assert 'a' == 'a\\nb'
{MARK}1 failed, 40 passed in 0.50s
{MARK}py313: exit 1 (0.79 seconds) /home/runner/work/ini-parse/ini-parse> pytest -q pid=2190
{MARK}  py310: FAIL code 1 (2.44=setup[1.63]+cmd[0.81] seconds)
{MARK}  py311: OK (2.10=setup[1.61]+cmd[0.49] seconds)
{MARK}  py312: OK (2.00=setup[1.53]+cmd[0.47] seconds)
{MARK}  py313: FAIL code 1 (2.41=setup[1.62]+cmd[0.79] seconds)
{MARK}  evaluation failed :( (9.05 seconds)""",
                code=1,
            ),
        ],
    ),
    "FAILED tests/test_parse.py::test_multiline",
    "tox: two environments failing with the ones that passed between them, then tox's per-environment summary",
)

case(
    "ab-in-house-schema-check-ok-lines-plain",
    "lint.error",
    "high",
    plain(
        f"""$ ./tools/check-schemas --all
schemas/account.json ...... OK
{MARK}schemas/invoice.json ...... FAILED
{MARK}  /properties/total: "type" must be one of number, integer (got "money")
{MARK}schemas/ledger.json ...... OK
{MARK}schemas/payment.json ...... OK
{MARK}schemas/refund.json ...... OK
{MARK}schemas/tax.json ...... OK
{MARK}schemas/user.json ...... FAILED
{MARK}  /required/2: "emial" is not a property of this schema
{MARK}
{MARK}7 schemas checked, 2 invalid""",
        name="billing-schemas",
    ),
    "schemas/invoice.json ...... FAILED",
    "an in-house schema checker: passing files between two failing ones, then its count",
)

case(
    "ab-rust-setup-libtest-ok-between-gha",
    "test.failure",
    "high",
    gha(
        "acme/semverx",
        "test",
        [
            setup_rust(),
            Step(
                "cargo test --test compare -- --test-threads=1",
                f"""running 7 tests
test caret_major ... ok
{MARK}test caret_minor ... FAILED
{MARK}test caret_patch ... ok
{MARK}test tilde_major ... ok
{MARK}test tilde_minor ... ok
{MARK}test tilde_patch ... ok
{MARK}test wildcard ... FAILED
{MARK}
{MARK}failures:
{MARK}
{MARK}---- caret_minor stdout ----
{MARK}thread 'caret_minor' panicked at tests/compare.rs:21:5:
{MARK}^0.2.3 should not match 0.3.0
{MARK}
{MARK}---- wildcard stdout ----
{MARK}thread 'wildcard' panicked at tests/compare.rs:49:5:
{MARK}1.* should match 1.9.0
{MARK}
{MARK}
{MARK}failures:
{MARK}    caret_minor
{MARK}    wildcard
{MARK}
{MARK}test result: FAILED. 5 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s""",
                code=101,
            ),
        ],
    ),
    "panicked at tests/compare.rs:21:5",
    "libtest: the progress list with passing cases between two failing ones, their failures and the verdict",
)
