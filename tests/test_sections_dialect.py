"""A log's head tells its CI once; then only that CI's marker lines open or close sections."""

from __future__ import annotations

import pytest

from autoheal.logsource import bytes_doc
from autoheal.marks import GHA, JENKINS, Marker
from autoheal.rules import default_ruleset
from autoheal.scan import DocScan, scan_doc
from autoheal.sections import FAILED, HEAD_LINES, PASSED, Sectioner

RS = default_ruleset()
STAMP = "2024-05-02T14:03:11.1200000Z "


def _scan(text: str) -> DocScan:
    return scan_doc(bytes_doc("job.txt", text.encode()), RS)


def _found(scan: DocScan) -> list[tuple[str, str]]:
    return [(s.command, s.status) for s in scan.sections[1:]]


# Test output that prints other CIs' marker lines: a test of a Jenkins plugin, a Travis-era script
# echo, a CircleCI and a Buildkite exit line quoted by a test's expected output.
OTHERS = [
    "[Pipeline] { (Deploy)",
    "$ ./gradlew publish",
    'The command "make" exited with 0.',
    "Exited with code exit status 0",
    "The command exited with status 0",
    "section_start:1700000000:build_script",
    "--- a/src/app.py",
    "~~~ Uploading",
]


def test_other_cis_markers_in_a_github_actions_job_s_output_open_and_close_nothing() -> None:
    lines = ["Current runner version: '2.316.1'", "##[group]Run ./gradlew test", "##[endgroup]", *OTHERS]
    lines += ["> Task :app:test FAILED", "##[error]Process completed with exit code 1.", "Post job cleanup."]
    scan = _scan("".join(STAMP + line + "\n" for line in lines))
    assert _found(scan) == [("./gradlew test", FAILED), ("Post job cleanup", PASSED)]


def test_a_jenkins_build_reads_no_github_actions_or_travis_marker() -> None:
    lines = ["Started by user admin", "[Pipeline] Start of Pipeline", "[Pipeline] { (Test)", "+ make test"]
    lines += ["##[group]Run make", "$ echo hi", "make: *** [test] Error 2", "[Pipeline] }"]
    lines += ["[Pipeline] { (Publish)", "Stage 'Publish' skipped due to earlier failure(s)", "[Pipeline] }"]
    lines += ["ERROR: script returned exit code 2", "Finished: FAILURE"]
    scan = _scan("\n".join(lines) + "\n")
    assert _found(scan) == [("Test", FAILED), ("Publish", PASSED)]


def test_a_plain_log_is_read_with_every_ci_s_markers() -> None:
    """A piece of a log (no head that tells a CI) may be any CI's: nothing is ruled out."""
    scan = _scan("compiling\n" * 3 + '$ make lint\nlint.c:3: error: x\nThe command "make lint" exited with 2.\n')
    assert _found(scan) == [("make lint", FAILED)]


def test_a_line_that_tells_a_ci_past_the_head_tells_nothing() -> None:
    sectioner = Sectioner(None)
    sectioner.feed(HEAD_LINES + 1, Marker(kind="tell", ci=JENKINS))
    assert sectioner.dialect == "plain"
    sectioner.feed(HEAD_LINES + 2, Marker(opens="npm test", kind="command", ci=GHA))
    assert sectioner.dialect == "plain" and sectioner.sections[-1].command == "npm test"


AZURE = """##[section]Starting: Initialize job
Agent name: 'Azure Pipelines 3'
##[section]Finishing: Initialize job
##[section]Starting: Build
========================== Starting Command Output ===========================
/usr/bin/bash --noprofile --norc /home/vsts/work/_temp/a1.sh
Build succeeded.
##[section]Finishing: Build
##[section]Starting: Check licences
##vso[task.logissue type=error]GPL-3.0 dependency: left-pad-gpl 1.0.0
##vso[task.complete result=Failed;]licence check failed
##[section]Finishing: Check licences
##[section]Starting: Finalize Job
"""


def test_azure_a_script_s_logging_command_fails_its_task() -> None:
    scan = _scan(AZURE)
    assert [(c, s) for c, s in _found(scan)][:2] == [("Initialize job", PASSED), ("Build", PASSED)]
    failed = scan.sections[3]
    assert (failed.command, failed.status, failed.exit_line) == ("Check licences", FAILED, 11)


BUILDKITE = """~~~ Preparing working directory
$ cd /buildkite/builds/agent-1/acme/api
--- :go: Running tests
--- FAIL: TestParse (0.00s)
^^^ +++
+++ :warning: Annotations
🚨 Error: The command exited with status 1
"""


def test_buildkite_s_head_tells_it_and_its_groups_open_but_not_the_expand_line_or_a_go_verdict() -> None:
    scan = _scan(BUILDKITE)
    commands = [c for c, _ in _found(scan)]
    assert commands == [
        "Preparing working directory",
        "cd /buildkite/builds/agent-1/acme/api",
        ":go: Running tests",
    ] + [":warning: Annotations"]
    assert scan.sections[-1].status == FAILED


CIRCLECI = """#!/bin/bash -eo pipefail
bundle exec rspec
$ rspec ./spec/cart_spec.rb:12
Failures:
  1) Cart totals the tax
Exited with code exit status 1
CircleCI received exit code 1
"""


@pytest.mark.parametrize("last", [6, 7])
def test_circleci_a_run_step_is_one_section_whose_exit_line_fails_it(last: int) -> None:
    text = "".join(line + "\n" for line in CIRCLECI.splitlines()[:last])
    scan = _scan(text)
    assert len(scan.sections) == 1  # ``$ rspec`` is the tool's output, not a command CircleCI echoes
    assert scan.sections[0].status == FAILED and scan.sections[0].exit_line == last
