"""Triage of Jenkins console logs: the cause is in the build's own work, never in the post-build actions."""

from __future__ import annotations

import pytest

from autoheal.models import Diagnosis
from autoheal.rules import default_ruleset
from tests.helpers import triage_text
from tests.test_sections_jenkins import FILES_SEARCH_FAILS, PUBLISHER_FAILS, SCM_FAILURE, STAGE_POST

RS = default_ruleset()


def _triage(text: str) -> Diagnosis:
    return triage_text(text, RS)


def test_a_failed_checkout_is_the_cause_not_the_post_build_task_that_ran_after_it() -> None:
    d = _triage(SCM_FAILURE).to_json()
    assert d["category"] == "network" and d["step"] == "SCM checkout"
    lines = {e["line"] for e in d["excerpt"]}
    assert {6, 9, 11, 12} <= lines and not lines & {16, 17, 18}  # the fetch error, none of the task's script
    assert all(n <= 12 for n in d["key_lines"])


def test_a_timestamped_checkout_failure_reads_the_same() -> None:
    stamped = "".join("10:00:00 " + line for line in SCM_FAILURE.splitlines(keepends=True))
    d = _triage(stamped).to_json()
    assert d["category"] == "network" and all(n <= 12 for n in d["key_lines"])


# The build step fails with output no rule knows; a publisher's upload then fails with a precise message.
BUILD_THEN_UPLOAD = """Started by user admin
[site] $ /bin/sh -xe /tmp/jenkins31.sh
+ ./render-site.sh
render-site: error: templates/index.tmpl:14: unbalanced block
Build step 'Execute shell' marked build as failure
[PostBuildScript] - Executing post build scripts.
[site] $ /bin/sh -xe /tmp/jenkins32.sh
+ aws s3 cp public/ s3://site-bucket/ --recursive
upload failed: public/index.html to s3://site-bucket/index.html Unable to locate credentials
Build step 'Execute a set of scripts' marked build as failure
Finished: FAILURE
"""


def test_an_upload_failing_in_the_post_build_actions_never_beats_the_failed_build_step() -> None:
    d = _triage(BUILD_THEN_UPLOAD).to_json()
    assert d["step"] == "/bin/sh -xe /tmp/jenkins31.sh"
    assert 4 in d["key_lines"] and not {e["line"] for e in d["excerpt"]} & {8, 9}
    assert d["category"] != "credentials"


# A Pipeline with Timestamper: the failing stage, then the post actions upload what was built.
PIPELINE = """[2026-03-02T10:00:00.000Z] [Pipeline] { (Build)
[2026-03-02T10:00:00.100Z] [Pipeline] sh
[2026-03-02T10:00:00.200Z] + cargo build
[2026-03-02T10:00:05.000Z] error[E0425]: cannot find value `cfg` in this scope
[2026-03-02T10:00:05.100Z] [Pipeline] }
[2026-03-02T10:00:05.200Z] [Pipeline] { (Declarative: Post Actions)
[2026-03-02T10:00:05.300Z] [Pipeline] sh
[2026-03-02T10:00:05.400Z] + aws s3 cp target/ s3://builds/ --recursive
[2026-03-02T10:00:05.500Z] upload failed: target/app.tar.gz to s3://builds/app.tar.gz Unable to locate credentials
[2026-03-02T10:00:05.600Z] [Pipeline] }
[2026-03-02T10:00:05.700Z] ERROR: script returned exit code 101
[2026-03-02T10:00:05.800Z] Finished: FAILURE
"""


def test_a_pipeline_stage_is_the_cause_and_its_post_actions_are_context() -> None:
    d = _triage(PIPELINE).to_json()
    assert d["category"] == "compile.error" and 4 in d["key_lines"]
    assert d["step"] == "Build" and not {e["line"] for e in d["excerpt"]} & {8, 9}


# TAP output of the build step, then a post-build task that repeats the failing lines it finds.
TAP_THEN_REPEAT = """[node-test] $ /bin/bash -ex /tmp/jenkins900.sh
+ make test-ci
ok 1 parallel/test-assert
not ok 2 parallel/test-net-connect
  ---
  duration_ms: 120.5
  severity: fail
  ...
ok 3 parallel/test-url
make: *** [Makefile:540: test-ci] Error 1
Build step 'Execute shell' marked build as failure
Performing Post build task...
Match found for :not ok : True
Logical operation result is TRUE
Running script  : grep '^not ok' test.tap
[node-test] $ /bin/sh -xe /tmp/jenkins901.sh
+ grep '^not ok' test.tap
not ok 2 parallel/test-net-connect
POST BUILD TASK : SUCCESS
Finished: FAILURE
"""


def test_failing_test_lines_a_post_build_task_repeats_point_back_at_the_build_steps_own() -> None:
    d = _triage(TAP_THEN_REPEAT).to_json()
    assert d["category"] == "test.failure" and d["step"] == "/bin/bash -ex /tmp/jenkins900.sh"
    assert 4 in d["key_lines"] and all(n < 12 for n in d["key_lines"])
    assert not {e["line"] for e in d["excerpt"]} & {16, 17, 18}


# A Travis or GitLab command that prints a Jenkins publisher's words (``Archiving artifacts``) runs no
# post-build action: the error after them is still the command's own.
def test_a_publishers_words_in_a_travis_or_gitlab_command_open_no_post_build_actions() -> None:
    body = [
        "$ make dist",
        "Archiving artifacts",
        "src/main.c:12:5: error: 'foo' undeclared (first use in this function)",
        "make: *** [Makefile:4: dist] Error 1",
    ]
    travis = body + ["Done. Your build exited with 1."]
    gitlab = (
        ["section_start:1700000000:build_script\r\x1b[0KExecuting step"] + body + ["ERROR: Job failed: exit code 1"]
    )
    for lines in (travis, gitlab):
        d = _triage("\n".join(lines) + "\n").to_json()
        assert d["category"] == "compile.error" and d["step"] == "make dist", d


def test_a_publisher_that_failed_a_passing_build_is_where_its_excerpt_is() -> None:
    d = _triage(PUBLISHER_FAILS).to_json()
    assert d["step"] == "post-build actions"
    assert {5, 6} <= {e["line"] for e in d["excerpt"]} and not {e["line"] for e in d["excerpt"]} & {1, 2, 3}


def test_an_error_in_a_stages_post_never_beats_the_stages_own_error() -> None:
    d = _triage(STAGE_POST).to_json()
    assert d["step"] == "Test"
    assert 4 in d["key_lines"] and 11 not in {e["line"] for e in d["excerpt"]}


# The build's make fails; the Text Finder then quotes the failing tests from the report files it wrote.
TAP_QUOTED = """[node] $ /bin/sh -xe /tmp/jenkins40.sh
+ make test-ci
ok 11 parallel/test-url
ok 12 parallel/test-zlib
make: *** [test-ci] Error 1
Build step 'Execute shell' marked build as failure
Checking ^not ok
/home/ci/workspace/node/test.tap:
not ok 7 parallel/test-http-keepalive
Sending e-mails to: team@example.org
Finished: FAILURE
"""
# The same with the plugin's newer wording, quoting pytest's short summary from a saved report.
PYTEST_QUOTED = """[api] $ /bin/sh -xe /tmp/jenkins41.sh
+ make check
tests/test_orders.py ..F.                                                 [100%]
make: *** [check] Error 1
Build step 'Execute shell' marked build as failure
[Text Finder] Looking for pattern '^FAILED' in the files at 'reports/*.txt'
/home/ci/workspace/api/reports/pytest.txt:
FAILED tests/test_orders.py::test_total_rounds - AssertionError: assert 10.01 == 10.0
Finished: FAILURE
"""


@pytest.mark.parametrize(("text", "failing"), [(TAP_QUOTED, 9), (PYTEST_QUOTED, 8)])
def test_the_failing_tests_a_text_finder_quotes_from_the_builds_files_are_the_cause(text: str, failing: int) -> None:
    d = _triage(text).to_json()
    assert d["category"] == "test.failure" and not d["rule"].startswith("make.")
    assert failing in {e["line"] for e in d["excerpt"]}


def test_a_text_finder_that_fails_the_build_on_its_search_of_files_is_the_failed_step() -> None:
    d = _triage(FILES_SEARCH_FAILS).to_json()
    assert (d["category"], d["step"]) == ("test.failure", "Text Finder")
    assert 6 in {e["line"] for e in d["excerpt"]}
