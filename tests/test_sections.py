"""Sections and the failed one, on small synthetic logs of several CI systems."""

from __future__ import annotations

from typing import Any

import pytest

from autoheal.logsource import bytes_doc
from autoheal.scan import scan_doc
from autoheal.sections import FAILED, PASSED, UNKNOWN, failing_command
from tests.helpers import ruleset

RS = ruleset()

GHA = """2024-05-06T09:00:00.0000000Z ##[group]Run actions/checkout@v4
2024-05-06T09:00:00.1000000Z ##[endgroup]
2024-05-06T09:00:01.0000000Z Syncing repository
2024-05-06T09:00:02.0000000Z ##[group]Run npm ci
2024-05-06T09:00:02.1000000Z \x1b[36;1mnpm ci\x1b[0m
2024-05-06T09:00:02.2000000Z shell: /usr/bin/bash -e {0}
2024-05-06T09:00:02.3000000Z ##[endgroup]
2024-05-06T09:00:03.0000000Z added 12 packages
2024-05-06T09:00:04.0000000Z ##[group]Run npm run lint
2024-05-06T09:00:04.1000000Z ##[endgroup]
2024-05-06T09:00:05.0000000Z src/a.js:1:1: unexpected var
2024-05-06T09:00:05.1000000Z ##[error]Process completed with exit code 1.
"""

TRAVIS = (
    "travis_fold:start:install\r\x1b[0Ktravis_time:start:0a1b\r\x1b[0K$ bundle install\n"
    "Bundle complete!\n"
    'travis_time:end:0a1b\r\x1b[0K\x1b[32;1mThe command "bundle install" exited with 0.\x1b[0m\n'
    "$ bundle exec rake spec\n"
    "1 example, 1 failure\n"
    'The command "bundle exec rake spec" exited with 1.\n'
    "$ cat log.txt\n"
    "\n"
    "Done. Your build exited with 1.\n"
)


def _sections(text: str):  # type: ignore[no-untyped-def]
    scan = scan_doc(bytes_doc("job.txt", text.encode()), RS)
    return scan, [(s.start, s.command, s.status) for s in scan.sections]


def test_github_actions_steps_and_the_failed_one() -> None:
    scan, found = _sections(GHA)
    assert found[1:] == [(1, "actions/checkout@v4", PASSED), (4, "npm ci", PASSED), (9, "npm run lint", FAILED)]
    failed = scan.sections[-1]
    assert failed.exit_line == 12 and failed.exit_code == 1 and failed.output_start == 11
    assert scan.sections[2].output_start == 8  # the script echo, shell and env lines are the step's header
    assert scan.failed_tails[len(scan.sections) - 1][-1] == (12, "Process completed with exit code 1.")


def test_travis_commands_close_by_name_and_the_build_line_only_names_a_failure_when_none_did() -> None:
    scan, found = _sections(TRAVIS)
    assert found[1:] == [
        (1, "bundle install", PASSED),
        (4, "bundle exec rake spec", FAILED),
        (7, "cat log.txt", UNKNOWN),
    ]


def test_a_travis_command_with_a_newline_closes_on_the_next_line() -> None:
    text = '$ make lint && make test\nlint failed\nThe command "make lint && make test\n" exited with 2.\n$ echo done\n'
    _, found = _sections(text)
    assert found[1] == (1, "make lint && make test", FAILED)


def test_a_plain_log_is_one_section_of_unknown_status() -> None:
    _, found = _sections("[INFO] Building\n[ERROR] BUILD FAILURE\n")
    assert found == [(1, "", UNKNOWN)]


def test_markers_across_chunk_boundaries_are_found(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import autoheal.scan as scan_module

    monkeypatch.setattr(scan_module, "CHUNK", 64)
    text = (
        "x\n" * 100
        + "##[group]Run make\n##[endgroup]\n"
        + "y\n" * 100
        + "##[error]Process completed with exit code 2.\n"
    )
    scan, found = _sections(text)
    assert found[-1] == (101, "make", FAILED) and scan.sections[-1].exit_line == 203


SCRIPT = """2024-05-06T09:00:00.0000000Z ##[group]Run ./ci/check.sh
2024-05-06T09:00:00.1000000Z ##[endgroup]
2024-05-06T09:00:01.0000000Z + ./ci/fetch-fixtures
2024-05-06T09:00:01.1000000Z error: optional fixture cache unavailable, continuing without it
2024-05-06T09:00:02.0000000Z + eclint check docs
2024-05-06T09:00:02.1000000Z docs/intro.md:3: trailing whitespace
2024-05-06T09:00:02.2000000Z docs/api.md:9: wrong indentation
2024-05-06T09:00:03.0000000Z ##[error]Process completed with exit code 1.
"""

MAKE = (
    "make -C src all\nmake[1]: Entering directory '/w/src'\ncc -c a.c\nsh ./audit-symbols a.o\n"
    "a.o: error: exported symbol 'tmp_hack' is not in the allow list\n"
    "make[1]: *** [Makefile:12: audit] Error 3\nmake[1]: Leaving directory '/w/src'\nmake: *** [all] Error 2\n"
)


def test_shell_traces_and_failed_make_recipes_are_recorded_as_sub_commands() -> None:
    scan, _ = _sections(SCRIPT)
    assert [(c.line, c.command, c.kind) for c in scan.commands] == [
        (3, "./ci/fetch-fixtures", "trace"),
        (5, "eclint check docs", "trace"),
    ]
    scan, _ = _sections(MAKE)
    assert [(c.line, c.command, c.kind, c.code) for c in scan.commands] == [
        (6, "audit", "recipe", 3),
        (8, "all", "recipe", 2),
    ]


def test_a_linters_located_annotations_are_its_steps_output_not_the_runners_error_line() -> None:
    # golangci-lint's GitHub output format: the findings, then the action's own ``##[error]`` line fails the step.
    log = "##[group]Run golangci/golangci-lint-action@v6\n##[endgroup]\nrun golangci-lint\n"
    log += "##[error]a/x.go:3:5: unused x (unused)\n##[error]b.go:9:1: ineffectual assignment (ineffassign)\n"
    log += "##[error]issues found\n"
    scan, found = _sections(log)
    assert found[-1] == (1, "golangci/golangci-lint-action@v6", FAILED) and scan.sections[-1].exit_line == 6
    assert {4, 5} <= {n for n, _ in scan.failed_tails.get(len(found) - 1, [])}  # the findings are its tail


def test_a_diffs_file_headers_in_a_traced_scripts_output_are_no_traces() -> None:
    # shfmt -d's and git diff's headers: ``+++ path`` alone is the diff's, ``+++ cmd args`` a nested trace.
    log = "+ shfmt -d scripts/\n--- scripts/a.sh.orig\n+++ scripts/a.sh\n@@ -1,2 +1,2 @@\n-  x\n+x\n y\nchecked\n"
    log += "+ git diff --exit-code\n--- a/gen/x.go\n+++ b/gen/x.go\n@@ -1 +1 @@\n-x\n+y\n+++ dirname /w/ci\n"
    scan, _ = _sections(log)
    assert [(c.line, c.command) for c in scan.commands if c.kind == "trace"] == [
        (1, "shfmt -d scripts/"),
        (9, "git diff --exit-code"),
        (15, "dirname /w/ci"),  # past its hunk's reach (1 old and 1 new line): a trace
    ]


def test_a_diffs_lines_shaped_as_traces_are_recorded_as_the_diffs_and_never_fail() -> None:
    # A header whose path holds a space (composer-normalize's) right below its ``---``; an added `` x`` line
    # within its hunk's reach. Both are the diff's (echoes, no command); a ``$ cmd`` ends the hunk.
    log = "$ ci/check.sh\n+ composer normalize --dry-run\n--- ./composer.json, original\n"
    log += "+++ ./composer.json, normalized\n@@ -8,2 +8,2 @@\n-  old\n+ rsync -a src dst\n }\n"
    log += "$ ci/lint.sh\n@@ -1,3 +1,3 @@\n+ echo added\n$ make\n+ cc -c a.c\n"
    scan, _ = _sections(log)
    assert [(c.line, c.kind) for c in scan.commands] == [
        (2, "trace"),
        (4, "diff"),
        (7, "diff"),
        (11, "diff"),
        (13, "trace"),  # the ``$ make`` line ended the hunk that would have reached it
    ]
    assert failing_command(scan.commands, 1, 8) == scan.commands[0]  # the check, not the diff's ``rsync``
    assert failing_command(scan.commands, 2, None) is None


def test_the_failing_traced_command_names_the_category_and_holds_the_block() -> None:
    from autoheal.triage import triage_docs

    d = triage_docs([bytes_doc("job.txt", SCRIPT.encode())], RS, "job.txt")
    assert d.category == "lint.error"  # eclint, from the trace: ./ci/check.sh names nothing
    assert d.key_lines[0] == 6 and 4 not in {e.line for e in d.excerpt}  # the earlier command's error is not it


def test_the_innermost_failed_recipe_bounds_a_generic_block() -> None:
    from autoheal.triage import triage_docs

    d = triage_docs([bytes_doc("build.log", MAKE.encode())], RS, "build.log")
    assert d.key_lines[0] == 5 and {4, 5} <= {e.line for e in d.excerpt}


@pytest.mark.parametrize(
    ("raw", "quick"),
    [
        ("2023-04-10T02:43:31.2457844Z ##[group]Run actions/checkout@v2", True),
        ("\ufeff2023-04-10T02:43:31.2457844Z ##[group]Run  npm test \r", True),
        ("##[group]Run ", False),
        ("##[group]Run x", True),
        ("##[group]Runner info", False),
        ("2023-04-10T02:43:29.4752328Z ##[endgroup]", True),
        ("##[endgroup] trailing", True),
        ("2023-04-10T02:45:34.2334144Z ##[error]Process completed with exit code 1.", False),
        ("$ make test", False),
        ("+ echo hi", False),
        ("x ##[group]Run y", False),
    ],
)
def test_a_step_group_line_is_read_without_its_normalised_text(raw: str, quick: bool) -> None:
    """The commonest marker lines: ``marker`` answers them from the line as read, as from its text."""
    from autoheal.normalize import normalize
    from autoheal.sections import marker

    made: list[str] = []

    def text() -> str:
        made.append(raw)
        return normalize(raw)

    found = marker(raw, text, raw)
    assert found == marker(raw, normalize(raw))
    if quick:
        assert found is not None and (found.opens is not None or found.endgroup) and not made


JENKINS_FREESTYLE = """Started by an SCM change
Building in workspace /var/lib/jenkins/workspace/shop
[shop] $ /bin/sh -xe /tmp/jenkins4471.sh
+ ./gradlew check
BUILD SUCCESSFUL in 12s
[shop] $ /bin/sh -xe /tmp/jenkins4472.sh
+ ./package.sh
ERROR: no manifest found, packaging has failed
Build step 'Execute shell' marked build as failure
Archiving artifacts
ERROR: Step 'Publish JUnit test result report' failed: no test report files were found
Finished: FAILURE
"""


def test_jenkins_freestyle_build_steps_the_failed_one_and_post_build_actions_aside() -> None:
    scan, found = _sections(JENKINS_FREESTYLE)
    assert found == [
        (1, "", PASSED),
        (3, "/bin/sh -xe /tmp/jenkins4471.sh", PASSED),
        (6, "/bin/sh -xe /tmp/jenkins4472.sh", FAILED),
        (10, "post-build actions", PASSED),  # aside after the failed step: context, never the cause
    ]  # (``Archiving artifacts`` on the line after opens no second, empty section)
    failed = scan.sections[2]
    assert failed.exit_line == 9 and failed.end == 9 and scan.sections[3].aside and len(scan.sections) == 4
    assert scan.failed_tails[2][-2:] == [
        (8, "ERROR: no manifest found, packaging has failed"),
        (9, "Build step 'Execute shell' marked build as failure"),
    ]


def test_jenkins_finished_failure_names_the_last_step_only_when_no_step_failed() -> None:
    text = "[app] $ /bin/sh -xe /tmp/j1.sh\n+ make\nERROR: Error cloning remote repo 'origin'\nFinished: FAILURE\n"
    scan, found = _sections(text)
    assert found[1] == (1, "/bin/sh -xe /tmp/j1.sh", FAILED)
    assert scan.sections[1].exit_line == 4
    _, passed = _sections("[app] $ /bin/sh -xe /tmp/j1.sh\n+ make\nFinished: SUCCESS\n")
    assert passed[1][2] != FAILED


JENKINS_PIPELINE = """[Pipeline] Start of Pipeline
[Pipeline] node
Running on agent-3 in /home/jenkins/workspace/api
[Pipeline] {
[Pipeline] stage
[Pipeline] { (Build)
[Pipeline] sh
+ make build
cc -o api main.c
[Pipeline] }
[Pipeline] // stage
[Pipeline] stage
[Pipeline] { (Test)
[Pipeline] sh
+ make test
test_parse ... FAIL
make: *** [Makefile:9: test] Error 1
[Pipeline] }
[Pipeline] // stage
[Pipeline] stage
[Pipeline] { (Deploy)
Stage "Deploy" skipped due to earlier failure(s)
[Pipeline] }
[Pipeline] // stage
[Pipeline] stage
[Pipeline] { (Declarative: Post Actions)
[Pipeline] junit
Recording test results
[Pipeline] }
[Pipeline] // stage
[Pipeline] }
[Pipeline] End of Pipeline
ERROR: script returned exit code 2
Finished: FAILURE
"""


def test_jenkins_pipeline_stages_the_exit_line_at_the_end_fails_the_last_stage_that_ran() -> None:
    scan, found = _sections(JENKINS_PIPELINE)
    assert [f[1:] for f in found[1:]] == [
        ("Build", PASSED),
        ("Test", FAILED),
        ("Deploy", PASSED),  # skipped, and the post actions: aside after the failure, never the cause
        ("Declarative: Post Actions", PASSED),
    ]
    index = [s.command for s in scan.sections].index("Test")
    test = scan.sections[index]
    assert test.exit_line == 33 and test.exit_code == 2 and scan.sections[index + 1].aside
    # The stage's own last lines, then the exit line printed at the end.
    tail = scan.failed_tails[index]
    assert tail[-1] == (33, "ERROR: script returned exit code 2")
    assert (17, "make: *** [Makefile:9: test] Error 1") in tail and all(n <= 20 for n, _ in tail[:-1])


GITLAB = (
    "Running with gitlab-runner 16.5.0\n"
    "section_start:1700000000:prepare_executor\r\x1b[0K\x1b[0K\x1b[36;1mPreparing the docker executor\x1b[0;m\n"
    "Using docker image ruby:3.2\n"
    "section_end:1700000001:prepare_executor\r\x1b[0Ksection_start:1700000001:get_sources\r\x1b[0KGetting source\n"
    "Fetching changes with git depth set to 20...\n"
    "section_end:1700000002:get_sources\r\x1b[0K\n"
    "section_start:1700000002:step_script\r\x1b[0K\x1b[0K\x1b[36;1mExecuting step_script stage\x1b[0;m\n"
    "\x1b[32;1m$ bundle install\x1b[0;m\n"
    "Bundle complete!\n"
    "\x1b[32;1m$ bundle exec rubocop\x1b[0;m\n"
    "app/models/user.rb:3:1: C: Layout/IndentationWidth: Use 2 (not 4) spaces for indentation.\n"
    "1 file inspected, 1 offense detected\n"
    "section_end:1700000003:step_script\r\x1b[0K\n"
    "section_start:1700000003:after_script\r\x1b[0K\x1b[0K\x1b[36;1mRunning after_script\x1b[0;m\n"
    "\x1b[32;1m$ echo cleanup\x1b[0;m\n"
    "cleanup\n"
    "section_end:1700000004:after_script\r\x1b[0K\n"
    "section_start:1700000004:cleanup_file_variables\r\x1b[0K\x1b[0K\x1b[36;1mCleaning up\x1b[0;m\n"
    "section_end:1700000005:cleanup_file_variables\r\x1b[0K\n"
    "\x1b[31;1mERROR: Job failed: exit code 1\n"
)


def test_gitlab_phases_and_commands_the_job_failure_fails_the_last_command_before_after_script() -> None:
    scan, found = _sections(GITLAB)
    commands = [(f[1], f[2]) for f in found[1:]]
    assert commands[:5] == [
        ("prepare_executor", PASSED),
        ("get_sources", PASSED),
        ("step_script", PASSED),
        ("bundle install", PASSED),
        ("bundle exec rubocop", FAILED),
    ]
    index = [s.command for s in scan.sections].index("bundle exec rubocop")
    assert all(s.aside for s in scan.sections[index + 1 :])  # after_script, its command, the cleanup
    assert scan.sections[index].exit_line == 20
    tail = scan.failed_tails[index]
    assert tail[-1] == (20, "ERROR: Job failed: exit code 1")
    assert (12, "1 file inspected, 1 offense detected") in tail and all(n <= 13 for n, _ in tail[:-1])


# A GitLab job log as its page shows it (no ``section_start`` markers): after_script's command failed too.
GITLAB_PAGE = """Running with gitlab-runner 16.9.1 (782c6ecb)
Executing "step_script" stage of the job script
$ go test ./...
--- FAIL: TestParse (0.00s)
    parse_test.go:12: got 2, want 3
FAIL
Running after_script
Running after script...
$ curl -sSf -o uploader https://uploader.example.org/latest/linux/uploader
curl: (22) The requested URL returned error: 404
WARNING: after_script failed, but job will continue unaffected: exit code 22
Uploading artifacts for failed job
ERROR: No files to upload
Cleaning up project directory and file based variables
ERROR: Job failed: exit code 1
"""


def test_gitlab_phases_after_the_script_are_aside_without_their_section_markers() -> None:
    scan, _ = _sections(GITLAB_PAGE)
    commands = [s.command for s in scan.sections]
    curl = commands.index("curl -sSf -o uploader https://uploader.example.org/latest/linux/uploader")
    assert all(s.aside for s in scan.sections[curl - 1 :])  # after_script and its command (the upload's in it)
    failed = [s.command for s in scan.sections if s.status == FAILED]
    assert failed == ["go test ./..."]  # the script's last command, not after_script's failed curl


AZURE = """2024-05-06T09:00:00.0000000Z ##[section]Starting: Checkout repo@main
2024-05-06T09:00:01.0000000Z Syncing repository
2024-05-06T09:00:02.0000000Z ##[section]Finishing: Checkout repo@main
2024-05-06T09:00:03.0000000Z ##[section]Starting: Run tests
2024-05-06T09:00:03.1000000Z ==============================================================================
2024-05-06T09:00:03.2000000Z Task         : Bash
2024-05-06T09:00:03.3000000Z ========================== Starting Command Output ===========================
2024-05-06T09:00:03.4000000Z /usr/bin/bash --noprofile --norc /home/vsts/work/_temp/a1.sh
2024-05-06T09:00:04.0000000Z FAILED tests/test_cart.py::test_total - assert 3 == 4
2024-05-06T09:00:05.0000000Z ##[error]Bash exited with code '1'.
2024-05-06T09:00:05.1000000Z ##[section]Finishing: Run tests
"""


def test_azure_pipelines_tasks_the_failed_one_with_its_status_and_output_start() -> None:
    scan, found = _sections(AZURE)
    assert found[1:] == [(1, "Checkout repo@main", PASSED), (4, "Run tests", FAILED)]
    failed = scan.sections[2]
    assert failed.exit_line == 10 and failed.exit_code == 1 and failed.output_start == 8


def test_circleci_and_buildkite_exit_lines_fail_the_step() -> None:
    scan, found = _sections("#!/bin/bash -eo pipefail\nnpm test\n1 failing\n\nExited with code exit status 1\n")
    assert found == [(1, "", FAILED)] and scan.sections[0].exit_code == 1
    scan, found = _sections("yarn lint\nsrc/a.ts: error\n🚨 Error: The command exited with status 2\n")
    assert found == [(1, "", FAILED)] and scan.sections[0].exit_code == 2


BUILDKITE = """~~~ Preparing working directory
$ git clone -v -- git@github.com:acme/api.git .
--- :go: Running tests
=== RUN   TestParse
--- FAIL: TestParse (0.00s)
    parse_test.go:12: mismatch
        --- Expected
        +++ Actual
--- a/parse.go
+++ :warning: Annotations
The command exited with status 1
"""


def test_buildkite_groups_open_only_in_a_buildkite_log_and_never_at_a_go_verdict_or_a_diff() -> None:
    scan, found = _sections(BUILDKITE)
    assert [f[1] for f in found[1:]] == [
        "Preparing working directory",
        "git clone -v -- git@github.com:acme/api.git .",
        ":go: Running tests",
        ":warning: Annotations",
    ]
    # Elsewhere, a diff's "--- a" and "+++ b" lines and a Go verdict open nothing.
    _, plain = _sections("--- FAIL: TestParse (0.00s)\n--- Expected\n+++ Actual\n--- Running tests\nFAIL\n")
    assert [f[1] for f in plain] == [""]


PLATFORM_LOGS = {
    "jenkins": JENKINS_FREESTYLE,
    "pipeline": JENKINS_PIPELINE,
    "gitlab": GITLAB,
    "gitlab-page": GITLAB_PAGE,
    "azure": AZURE,
    "buildkite": BUILDKITE,
}


def _platform_scan(text: str) -> tuple[object, ...]:
    got = scan_doc(bytes_doc("job.txt", text.encode()), RS)
    sections = [(s.start, s.end, s.command, s.status, s.exit_line, s.aside) for s in got.sections]
    return sections, got.failed_tails, [(h.rule.id, h.line) for h in got.hits]


@pytest.mark.parametrize("name", sorted(PLATFORM_LOGS))
def test_both_engines_find_the_same_sections_of_every_platform(name: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The markers stay in Hyperscan's one pass: both engines, small chunks or one, the same sections and tails."""
    from autoheal import scan
    from autoheal.hsdb import region_exprs as _region_exprs

    try:
        import hyperscan  # noqa: F401
    except ImportError:
        pytest.skip("hyperscan is not installed")
    assert any(i == 0 for i, _, _ in _region_exprs(RS)[0])  # the marker regex is Hyperscan's
    found = []
    for chunk in (scan.CHUNK, 53):
        monkeypatch.setattr(scan, "CHUNK", chunk)
        for which in ("re2", "hyperscan"):
            monkeypatch.setenv("AUTOHEAL_ENGINE", which)
            found.append(_platform_scan(PLATFORM_LOGS[name]))
    assert all(f == found[0] for f in found)


def test_jenkins_timestamper_stamps_do_not_hide_the_markers() -> None:
    stamped = "".join(
        f"[2024-05-06T09:00:{i:02d}.000Z] {line}\n" for i, line in enumerate(JENKINS_FREESTYLE.splitlines())
    )
    _, found = _sections(stamped)
    assert [f[1:] for f in found] == [f[1:] for f in _sections(JENKINS_FREESTYLE)[1]]
    elapsed = "".join(f"09:00:{i:02d}.1 {line}\n" for i, line in enumerate(JENKINS_PIPELINE.splitlines()[:22]))
    assert [f[1] for f in _sections(elapsed)[1][1:]] == ["Build", "Test", "Deploy"]


@pytest.mark.parametrize(
    ("name", "category", "cause"),
    [
        ("gitlab", "lint.error", "app/models/user.rb:3:1: C: Layout/IndentationWidth"),
        ("azure", "test.failure", "FAILED tests/test_cart.py::test_total - assert 3 == 4"),
        ("pipeline", "test.failure", "test_parse ... FAIL"),
    ],
)
def test_the_failed_sections_block_leaves_out_the_runners_lines_and_its_exit_line(
    name: str, category: str, cause: str
) -> None:
    from autoheal.rules import default_ruleset
    from autoheal.triage import triage_docs

    d = triage_docs([bytes_doc("", PLATFORM_LOGS[name].encode())], default_ruleset(), "job.txt")
    texts = [e.text for e in d.excerpt]
    assert d.category == category and any(t.startswith(cause) for t in texts)
    noise = ("[Pipeline]", "section_end:", "Finishing:", "exited with code", "Job failed", "script returned")
    assert not [t for t in texts if any(word in t for word in noise)]


def test_a_long_log_keeps_old_sections_frozen_and_each_reads_back_as_it_was() -> None:
    """Past CLOSE_REACH sections the older ones are frozen into columns: each reads back whole."""
    from autoheal.sections import CLOSE_REACH

    jobs = []
    for i in range(3 * CLOSE_REACH):
        jobs.append(f"$ step {i}\n+ tool{i} --check\nworking {i}\n")
        jobs.append(f'The command "step {i}" exited with {1 if i == 3 else 0}.\n')
    scan, found = _sections("".join(jobs) + "Done. Your build exited with 1.\n")
    assert len(found) == 1 + 3 * CLOSE_REACH and found[1] == (1, "step 0", PASSED)
    failed = scan.sections[4]
    assert (failed.start, failed.end, failed.command, failed.kind) == (13, 16, "step 3", "command")
    assert (failed.status, failed.exit_line, failed.exit_code) == (FAILED, 16, 1)
    assert [s.status for s in scan.sections[5:]] == [PASSED] * (3 * CLOSE_REACH - 4)
    assert scan.sections[-1].end == scan.lines and list(scan.sections)[2] == scan.sections[2]
    # Only a failed section's sub-commands (or the last one's) are ever read: those frozen passed are dropped.
    assert {c.section for c in scan.commands} == {4, *range(len(found) - CLOSE_REACH - 1, len(found))}
    assert [(c.line, c.command) for c in scan.commands if c.section == 4] == [(14, "tool3 --check")]


def test_an_exit_status_too_large_for_a_packed_section_does_not_break_the_scan() -> None:
    from autoheal.rules import default_ruleset

    lines = []
    for i in range(80):  # more sections than stay as objects: the old ones are packed into 64-bit columns
        lines += [f"$ step{i}", f'The command "step{i}" exited with {"9" * 30}.']
    found = scan_doc(bytes_doc("job.log", ("\n".join(lines) + "\n").encode()), default_ruleset())
    assert len(found.sections) >= 80
    assert all(s.exit_code is not None and s.exit_code > 0 for s in list(found.sections)[1:])


def test_a_log_opens_at_most_max_sections_and_the_rest_is_output_of_the_last(monkeypatch: pytest.MonkeyPatch) -> None:
    from autoheal import sections
    from autoheal.rules import default_ruleset

    monkeypatch.setattr(sections, "MAX_SECTIONS", 50)
    lines = [f"$ step{i}" for i in range(200)] + ["E   ModuleNotFoundError: No module named 'yaml'"]
    found = scan_doc(bytes_doc("job.log", ("\n".join(lines) + "\n").encode()), default_ruleset())
    assert len(found.sections) == 50
    assert found.sections[-1].end == 201 and found.hits[0].section == 49


def test_a_hostile_log_of_markers_costs_bounded_work_per_marker(monkeypatch: pytest.MonkeyPatch) -> None:
    """8 MB of ``$ a`` (two million Travis command markers) took 6.6 s: the work must stay constant
    per marker however many sections came before. Counted, not timed: sectioning builds one
    section per marker up to MAX_SECTIONS and reads none of the frozen ones back; a whole triage
    reads the table in a few passes, not once per marker or hit; the columns hold each name once."""
    from autoheal import sections, sectiontable
    from autoheal.rules import default_ruleset
    from autoheal.triage import triage_docs

    built = [0]

    class Counted(sections.Section):
        __slots__ = ()

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            built[0] += 1
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(sections, "Section", Counted)  # the sectioner's
    monkeypatch.setattr(sectiontable, "Section", Counted)  # the table's, thawing a frozen one
    monkeypatch.setattr(sections, "MAX_SECTIONS", 3_000)
    log = ("$ a\n" * 5_000 + "E   ModuleNotFoundError: No module named 'yaml'\n").encode()
    scan = scan_doc(bytes_doc("job.log", log), default_ruleset())
    assert (len(scan.sections), built[0]) == (3_000, 3_000)
    assert scan.sections._names == ["", "log", "a", "command"]
    built[0] = 0
    diagnosis = triage_docs([bytes_doc("job.log", log)], default_ruleset(), "job.log")
    assert diagnosis.category == "dependency.missing"
    assert 3_000 < built[0] <= 4 * 3_000
