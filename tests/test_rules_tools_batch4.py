"""Rules from tools' documented messages (batch an's classes: a Jenkins agent lost mid-build, a CLI with no
credentials for its service, Miri's undefined behaviour, k6's thresholds, Slither's findings), on small
synthetic logs of several ecosystems, and the lines that look like them but report nothing wrong."""

from __future__ import annotations

import pytest

from autoheal.rules import default_ruleset
from tests.helpers import assert_named, hit_ids

RS = default_ruleset()

JENKINS_LOST = """[Pipeline] sh
+ make test
go test ./...
ok  \texample.com/app/store\t0.41s
Cannot contact linux-agent-3: java.lang.InterruptedException
hudson.remoting.ChannelClosedException: Channel "hudson.remoting.Channel@1a2b:linux-agent-3": Remote call on linux-agent-3 failed. The channel is closing down or has closed down
\tat hudson.remoting.Channel.call(Channel.java:1105)
[Pipeline] }
ERROR: script returned exit code -1
Finished: FAILURE
"""
CDK = """$ npx cdk deploy --require-approval never
Bundling asset AppStack/Handler/Code/Stage...
Need to perform AWS calls for account 123456789012, but no credentials have been configured
ERROR: Job failed: exit code 1
"""
FIREBASE_TOKEN = """##[group]Run firebase deploy --only hosting
##[endgroup]
=== Deploying to 'acme-site'...
Error: No authentication token found; please log in first with firebase login
##[error]Process completed with exit code 1.
"""
MIRI = """     Running unittests src/lib.rs
running 2 tests
test ring::wraps ... ok
test ring::grows ... error: Undefined Behavior: Data race detected between (1) non-atomic write on thread `unnamed-1` and (2) non-atomic read on thread `main`
  --> src/ring.rs:40:9
error: aborting due to 1 previous error
error: test failed, to rerun pass `--lib`
"""
K6 = """     ✗ http_req_failed................: 12.00% ✓ 240  ✗ 1760
running (0m30.2s), 00/10 VUs, 2000 complete and 0 interrupted iterations
ERRO[0030] thresholds on metrics 'http_req_failed' have been crossed
##[error]Process completed with exit code 99.
"""
SLITHER = """+ slither . --fail-medium
INFO:Detectors:
Token.transfer(address,uint256) (contracts/Token.sol#20-26) ignores return value by token.transferFrom(msg.sender,to,amount) (contracts/Token.sol#24)
Reference: https://github.com/crytic/slither/wiki/Detector-Documentation#unchecked-transfer
INFO:Slither:. analyzed (3 contracts with 94 detectors), 1 result(s) found
ERROR: script returned exit code 1
"""


CASES = [
    (JENKINS_LOST, "infrastructure", "jenkins.agent-lost", 6),  # not the tests, which were passing
    (CDK, "credentials", "auth.login-required", 3),
    (FIREBASE_TOKEN, "credentials", "auth.login-required", 4),
    (MIRI, "crash", "rust.miri-undefined-behavior", 4),  # not cargo's compile summary under it
    (K6, "test.failure", "k6.thresholds-crossed", 3),  # the run's 0m30s is no time limit
    (SLITHER, "lint.error", "solidity.slither-findings", 4),
]


@pytest.mark.parametrize(("log", "category", "rule", "line"), CASES)
def test_a_tools_documented_message_names_the_failure(log: str, category: str, rule: str, line: int) -> None:
    assert_named(log, RS, category, rule, line)


@pytest.mark.parametrize(
    "line",
    [
        "WARN: No access token found, using anonymous access",
        "Credentials: Local, environment variables",
        "INFO:Slither:. analyzed (3 contracts with 94 detectors), 0 result(s) found",
        "Agent linux-agent-3 is provisioned from template Kubernetes Pod Template",
        "     ✓ http_req_duration..............: avg=81.4ms",
        # Jenkins says it once when a check on the agent is slow, and the build goes on.
        "Cannot contact linux-agent-3: java.lang.InterruptedException",
        # A test named for the case, a warning the tool goes on after.
        "  ✕ rejects the request when credentials are not provided (4 ms)",
        "  1) Session when no credentials were provided returns 401",
        "Warning: No API token found, skipping upload",
        "##[warning]No access token provided",
    ],
)
def test_lines_that_only_look_like_them_hit_none_of_them(line: str) -> None:
    assert not {rule for _, _, rule, _ in CASES} & hit_ids(RS, line)
