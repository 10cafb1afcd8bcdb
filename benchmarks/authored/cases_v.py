"""Authored cases, batch v: a test runner's verdict against what surrounds it. (a) The runner printed its
failing tally and then hung (open handles, a non-daemon thread, mocha without ``--exit``) until the step's
or the job's time limit: the tests failed, the timeout is what followed. A runner that hung with nothing
failed is a timeout. (b) A test reporter's annotations (``##[error]...`` / ``::error file=...::``), one per
failing test: an error one of them names is that test's failure, and the cause only when it explains most
failures. Labelled before triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import setup_go, setup_node, setup_python
from benchmarks.authored.shapes import MARK, Step, gha

NPM = Step("npm ci", "added 912 packages, and audited 913 packages in 14s\nfound 0 vulnerabilities")
PIP = Step("pip install -e .[test]", "Successfully installed acme-sync-0.4.0 pytest-8.2.0")

# ---------------------------------------------------------------- (a) the tally, then the hang

case(
    "v-jest-tally-then-step-timeout-gha",
    "test.failure",
    "high",
    gha(
        "acme/session-store",
        "test",
        [
            setup_node(),
            NPM,
            Step(
                "npx jest --ci --coverage",
                f"""PASS test/memory.test.ts
{MARK}FAIL test/redis.test.ts (12.4 s)
{MARK}  ● RedisStore › touch › extends the ttl
{MARK}
{MARK}    expect(received).toBe(expected) // Object.is equality
{MARK}
{MARK}    Expected: 3600
{MARK}    Received: 60
{MARK}
{MARK}      41 |     await store.touch('sid', session);
{MARK}      42 |     const ttl = await client.ttl('sess:sid');
{MARK}    > 43 |     expect(ttl).toBe(3600);
{MARK}         |                 ^
{MARK}
{MARK}      at Object.<anonymous> (test/redis.test.ts:43:17)
{MARK}
{MARK}Test Suites: 1 failed, 5 passed, 6 total
{MARK}Tests:       1 failed, 47 passed, 48 total
Snapshots:   0 total
Time:        21.82 s
Ran all test suites.
Jest did not exit one second after the test run has completed.

This usually means that there are asynchronous operations that weren't stopped in your tests. Consider running Jest with `--detectOpenHandles` to troubleshoot this issue.""",
                error="##[error]The action 'npx jest --ci --coverage' has timed out after 25 minutes.",
                code=1,
            ),
        ],
    ),
    "Tests:       1 failed, 47 passed, 48 total",
    "Jest failed a test, then hung on an open Redis handle until the step's timeout: the test failed",
)

case(
    "v-mocha-failing-then-job-timeout-gha",
    "test.failure",
    "high",
    gha(
        "acme/queue-worker",
        "unit",
        [
            setup_node("18"),
            NPM,
            Step(
                "npx mocha 'test/**/*.spec.js'",
                f"""  Worker
    ✔ acks a processed job
    ✔ retries a failed job (104ms)
    1) moves a job to the dead letter queue
    ✔ stops on SIGTERM

  3 passing (1s)
{MARK}  1 failing
{MARK}
{MARK}  1) Worker
{MARK}       moves a job to the dead letter queue:
{MARK}
{MARK}      AssertionError: expected 0 to equal 1
{MARK}      + expected - actual
{MARK}
{MARK}      -0
{MARK}      +1
{MARK}
{MARK}      at Context.<anonymous> (test/worker.spec.js:58:32)""",
                error="##[error]The job running on runner GitHub Actions 7 has exceeded the maximum execution time "
                "of 30 minutes.\n##[error]The operation was canceled.",
                code=1,
            ),
        ],
    ),
    "1 failing",
    "mocha without --exit waits on an open connection after its verdict: the job limit ended a failed run",
)

case(
    "v-pytest-summary-then-job-timeout-gha",
    "test.failure",
    "high",
    gha(
        "acme/sync-py",
        "py-test",
        [
            setup_python(),
            PIP,
            Step(
                "pytest -q tests",
                f"""........F.....................                                         [100%]
=================================== FAILURES ===================================
{MARK}_____________________________ test_merge_conflict ______________________________
{MARK}
{MARK}    def test_merge_conflict():
{MARK}        result = merge({{"a": 1}}, {{"a": 2}})
{MARK}>       assert result == {{"a": 2}}
{MARK}E       AssertionError: assert {{'a': 1}} == {{'a': 2}}
{MARK}
{MARK}tests/test_merge.py:12: AssertionError
{MARK}=========================== short test summary info ============================
{MARK}FAILED tests/test_merge.py::test_merge_conflict - AssertionError: assert {{'a': 1}} == {{'a': 2}}
{MARK}1 failed, 29 passed in 2.31s""",
                error="##[error]The job running on runner GitHub Actions 3 has exceeded the maximum execution time "
                "of 20 minutes.\n##[error]The operation was canceled.",
                code=1,
            ),
        ],
    ),
    "1 failed, 29 passed in 2.31s",
    "a non-daemon watcher thread kept the interpreter alive after pytest's failing summary",
)

case(
    "v-go-fail-then-step-timeout-gha",
    "test.failure",
    "medium",
    gha(
        "acme/ledger-go",
        "go-test",
        [
            setup_go(),
            Step(
                "go test -v ./...",
                f"""=== RUN   TestBalance
--- PASS: TestBalance (0.00s)
=== RUN   TestTransfer
{MARK}    transfer_test.go:31: got balance 90, want 100
{MARK}--- FAIL: TestTransfer (0.00s)
{MARK}FAIL
{MARK}FAIL	github.com/acme/ledger-go/ledger	0.014s
=== RUN   TestServe
2024/05/02 14:05:01 listening on 127.0.0.1:8089""",
                error="##[error]The action 'go test -v ./...' has timed out after 15 minutes.",
                code=1,
            ),
        ],
    ),
    "--- FAIL: TestTransfer (0.00s)",
    "a package failed its test, then another package's server test never returned",
)

case(
    "v-jest-all-pass-then-step-timeout-gha",
    "timeout",
    "high",
    gha(
        "acme/session-store",
        "test",
        [
            setup_node(),
            NPM,
            Step(
                "npx jest --ci",
                f"""PASS test/memory.test.ts
PASS test/redis.test.ts (12.4 s)
Test Suites: 6 passed, 6 total
Tests:       48 passed, 48 total
Snapshots:   0 total
Time:        21.82 s
Ran all test suites.
{MARK}Jest did not exit one second after the test run has completed.
{MARK}
{MARK}This usually means that there are asynchronous operations that weren't stopped in your tests. Consider running Jest with `--detectOpenHandles` to troubleshoot this issue.""",
                error=f"{MARK}##[error]The action 'npx jest --ci' has timed out after 25 minutes.",
                code=1,
            ),
        ],
    ),
    "The action 'npx jest --ci' has timed out after 25 minutes.",
    "every test passed and Jest hung on an open handle: the timeout is the failure",
)

# ---------------------------------------------------------------- (b) a reporter's annotations, one per failing test


def _vitest_annotations(errors: list[str]) -> str:
    return "\n".join(
        f"{MARK}##[error]{e}\n{MARK} ❯ test/{n}.test.ts:{10 + 7 * i}:{5 + i}\n{MARK}"
        for i, (n, e) in enumerate(zip(["s3", "signer", "proxy", "range", "head", "list"], errors, strict=False))
    )


case(
    "v-vitest-annotation-creds-minority-gha",
    "test.failure",
    "medium",
    gha(
        "acme/s3-gateway",
        "test",
        [
            setup_node(),
            NPM,
            Step(
                "npx vitest run --reporter=default --reporter=github-actions",
                f""" ✓ test/config.test.ts (6 tests) 12ms
 ❯ test/proxy.test.ts (9 tests | 4 failed) 88ms
{MARK} Test Files  2 failed | 3 passed (5)
{MARK}      Tests  5 failed | 24 passed (29)
{MARK}   Start at  14:05:02
{MARK}   Duration  1.12s (transform 180ms, setup 0ms, collect 0.9s, tests 330ms)
{MARK}
"""
                + _vitest_annotations(
                    [
                        "CredentialsProviderError: Could not load credentials from any providers",
                        "AssertionError: expected 403 to be 200 // Object.is equality",
                        "AssertionError: expected 'bytes 0-9/100' to be 'bytes 0-10/100'",
                        "AssertionError: expected undefined to be 'text/plain'",
                        "AssertionError: expected [ 'a.txt' ] to deeply equal [ 'a.txt', 'b.txt' ]",
                    ]
                ).rstrip(MARK + "\n"),
                code=1,
            ),
        ],
    ),
    "Tests  5 failed | 24 passed (29)",
    "one of five failing tests could not load AWS credentials; four failed their assertions",
)

case(
    "v-vitest-annotation-creds-all-gha",
    "credentials",
    "high",
    gha(
        "acme/s3-gateway",
        "test",
        [
            setup_node(),
            NPM,
            Step(
                "npx vitest run --reporter=default --reporter=github-actions",
                """ ✓ test/config.test.ts (6 tests) 12ms
 ❯ test/proxy.test.ts (9 tests | 3 failed) 88ms
 Test Files  1 failed | 4 passed (5)
      Tests  3 failed | 26 passed (29)
   Start at  14:05:02
   Duration  1.12s (transform 180ms, setup 0ms, collect 0.9s, tests 330ms)

"""
                + _vitest_annotations(
                    ["CredentialsProviderError: Could not load credentials from any providers"] * 3
                ).rstrip(MARK + "\n"),
                code=1,
            ),
        ],
    ),
    "CredentialsProviderError: Could not load credentials from any providers",
    "every failing test failed to load AWS credentials: the credentials are the cause",
)

case(
    "v-pytest-raw-annotations-permission-minority-gha",
    "test.failure",
    "medium",
    gha(
        "acme/sync-py",
        "py-test",
        [
            setup_python(),
            PIP,
            Step(
                "pytest -q -p github_actions_annotate_failures tests",
                f"""..F...F..F...                                                           [100%]
{MARK}::error file=tests/test_io.py,line=21::test_write_config%0A%0APermissionError: [Errno 13] Permission denied: '/etc/acme/sync.conf'
{MARK}::error file=tests/test_merge.py,line=12::test_merge_conflict%0A%0AAssertionError: assert {{'a': 1}} == {{'a': 2}}
{MARK}::error file=tests/test_merge.py,line=30::test_merge_lists%0A%0AAssertionError: assert [1, 2] == [1, 2, 3]
{MARK}3 failed, 10 passed in 0.84s""",
                code=1,
            ),
        ],
        timestamps=False,
    ),
    "3 failed, 10 passed in 0.84s",
    "the annotate-failures plugin's raw annotations: one test's permission error among three failures",
)

case(
    "v-jest-raw-annotations-connrefused-all-gha",
    "network",
    "medium",
    gha(
        "acme/orders-api",
        "test",
        [
            setup_node(),
            NPM,
            Step(
                "npx jest --ci --reporters=default --reporters=github-actions",
                f"""{MARK}::error file=test/orders.test.ts,line=14,title=orders › creates an order::Error: connect ECONNREFUSED 127.0.0.1:5432
{MARK}::error file=test/orders.test.ts,line=27,title=orders › lists orders::Error: connect ECONNREFUSED 127.0.0.1:5432
FAIL test/orders.test.ts
Test Suites: 1 failed, 2 passed, 3 total
Tests:       2 failed, 11 passed, 13 total
Snapshots:   0 total
Time:        3.4 s""",
                code=1,
            ),
        ],
        timestamps=False,
    ),
    "Error: connect ECONNREFUSED 127.0.0.1:5432",
    "both failing tests could not reach the database the job never started: the connection is the cause",
)
