"""Jenkins console logs as sections: the SCM checkout can fail, post-build actions are aside, uploads are noise."""

from __future__ import annotations

import pytest

from autoheal.logsource import bytes_doc
from autoheal.scan import DocScan, scan_doc
from autoheal.sections import FAILED, PASSED, UNKNOWN
from tests.helpers import ruleset

RS = ruleset()

# A freestyle build whose checkout fails: no build step runs, the post-build task runs a script.
SCM_FAILURE = """Started by upstream project "api-ci" build number 77
Building remotely on worker-4 in workspace /home/ci/workspace/api
Fetching changes from the remote Git repository
 > git config remote.origin.url git@git.example.org:team/api.git # timeout=10
 > git fetch --tags --force --progress -- git@git.example.org:team/api.git +refs/heads/*:refs/remotes/origin/*
ERROR: Error fetching remote repo 'origin'
hudson.plugins.git.GitException: Failed to fetch from git@git.example.org:team/api.git
\tat hudson.plugins.git.GitSCM.fetchFrom(GitSCM.java:1003)
Caused by: hudson.plugins.git.GitException: Command "git fetch --tags --force --progress" returned status code 128:
stdout:
stderr: ssh: connect to host git.example.org port 22: Connection timed out
fatal: Could not read from remote repository.
Performing Post build task...
Match found for : : True
Running script  : ./collect-logs.sh
[api] $ /bin/bash -xe /tmp/jenkins5512.sh
+ ./collect-logs.sh
ERROR: cannot open logs/run.log: No such file or directory
POST BUILD TASK : FAILURE
Notifying upstream projects of job completion
Finished: FAILURE
"""


def _scan(text: str) -> DocScan:
    return scan_doc(bytes_doc("console.txt", text.encode()), RS)


def _stamped(text: str, iso: bool) -> str:
    stamp = "[2026-03-02T10:00:00.000Z] " if iso else "10:00:00 "
    return "".join(stamp + line for line in text.splitlines(keepends=True))


@pytest.mark.parametrize("form", ["plain", "iso", "clock"])
def test_a_failed_checkout_is_the_section_that_failed_and_the_post_build_task_is_aside(form: str) -> None:
    text = SCM_FAILURE if form == "plain" else _stamped(SCM_FAILURE, iso=form == "iso")
    scan = _scan(text)
    found = [(s.start, s.command, s.status, s.aside) for s in scan.sections]
    assert found[1] == (3, "SCM checkout", FAILED, False)
    # The task, its script and the notification: aside, and never the cause once the checkout failed.
    assert [(start, status, aside) for start, _, status, aside in found[2:]] == [
        (13, PASSED, True),
        (16, PASSED, True),
        (20, PASSED, True),
    ]
    checkout = scan.sections[1]
    assert checkout.end == 12 and checkout.exit_line == 21
    tail = scan.failed_tails[1]
    assert tail[-1][0] == 21 and (11, "stderr: ssh: connect to host git.example.org port 22: Connection timed out") in [
        (n, t.split("] ", 1)[-1] if form == "iso" else t.removeprefix("10:00:00 ")) for n, t in tail
    ]


def test_the_checkout_before_a_failed_build_step_passed_and_opens_no_section_inside_a_pipeline_stage() -> None:
    freestyle = (
        "Cloning the remote Git repository\n > git init /w\n[w] $ /bin/sh -xe /tmp/j1.sh\n+ make\n"
        "make: *** [all] Error 2\nBuild step 'Execute shell' marked build as failure\nFinished: FAILURE\n"
    )
    assert [(s.command, s.status) for s in _scan(freestyle).sections][1:] == [
        ("SCM checkout", PASSED),
        ("/bin/sh -xe /tmp/j1.sh", FAILED),
        ("post-build actions", PASSED),
    ]
    pipeline = "[Pipeline] { (Checkout)\n[Pipeline] checkout\nFetching changes from the remote Git repository\n"
    assert [s.command for s in _scan(pipeline).sections] == ["", "Checkout"]


# A build step fails; the publishers after it (test results, artifacts, mail) are context only.
FREESTYLE_PUBLISHERS = """[web] $ /bin/sh -xe /tmp/jenkins100.sh
+ npm test
not ok 3 - renders the header
# fail 1
Build step 'Execute shell' marked build as failure
Recording test results
ERROR: Step 'Publish JUnit test result report' failed: No test report files were found. Configuration error?
Archiving artifacts
[PostBuildScript] - Executing post build scripts.
[web] $ /bin/sh -xe /tmp/jenkins101.sh
+ aws s3 cp dist/ s3://bucket/ --recursive
upload failed: dist/app.js to s3://bucket/app.js Unable to locate credentials
Sending e-mails to: team@example.org
Finished: FAILURE
"""


def test_post_build_actions_after_a_failed_build_step_are_aside_and_never_where_it_failed() -> None:
    scan = _scan(FREESTYLE_PUBLISHERS)
    failed = [s for s in scan.sections if s.status == FAILED]
    assert [s.command for s in failed] == ["/bin/sh -xe /tmp/jenkins100.sh"] and failed[0].exit_line == 5
    after = [s for s in scan.sections if s.start > 5]
    assert len(after) >= 5 and all(s.aside and s.status == PASSED for s in after)


# No build step failed: a Text Finder publisher found the failure in the console and failed the build.
TEXT_FINDER = """[app] $ /bin/sh -xe /tmp/jenkins7.sh
+ ./run-tests.sh || true
not ok 12 - parses dates
[Text Finder] Scanning console output...
not ok 12 - parses dates
[Text Finder] Finished looking for pattern '^not ok' in the console output
Build step 'Text Finder' marked build as failure
Finished: FAILURE
"""


def test_a_publisher_that_fails_the_build_points_back_at_the_last_build_step() -> None:
    scan = _scan(TEXT_FINDER)
    found = [(s.command, s.status) for s in scan.sections]
    assert found[1] == ("/bin/sh -xe /tmp/jenkins7.sh", FAILED)
    assert found[2] == ("post-build actions", UNKNOWN)  # the build failed there and nowhere else: still a candidate
    assert scan.sections[1].exit_line == 7
    assert (3, "not ok 12 - parses dates") in scan.failed_tails[1]


def test_a_failed_upload_followed_by_a_command_that_passed_is_noise() -> None:
    travis = (
        "$ aws s3 sync build/ s3://artifacts/\n"
        "upload failed: build/a.tgz to s3://artifacts/a.tgz Unable to locate credentials\n"
        'The command "aws s3 sync build/ s3://artifacts/" exited with 1.\n'
        "$ npm test\n"
        "2 passing\n"
        'The command "npm test" exited with 0.\n'
    )
    assert [(s.command, s.status) for s in _scan(travis).sections][1:] == [
        ("aws s3 sync build/ s3://artifacts/", PASSED),
        ("npm test", PASSED),
    ]
    # Alone (nothing ran after it), the upload is still where the job failed.
    alone = travis.split("$ npm test")[0]
    assert _scan(alone).sections[1].status == FAILED
    # A later failure is where the job failed, not the upload before it.
    later = travis.replace('"npm test" exited with 0', '"npm test" exited with 1')
    assert [s.status for s in _scan(later).sections][1:] == [PASSED, FAILED]


# Every build step passed; the archiver's own error failed the build (typographic quotes, as Jenkins prints them).
PUBLISHER_FAILS = """[docs] $ /bin/sh -xe /tmp/jenkins9.sh
+ make html
build succeeded.
Archiving artifacts
ERROR: No artifacts found that match the file pattern "site/*.html". Configuration error?
ERROR: Step \u2018Archive the artifacts\u2019 failed: No artifacts found that match the file pattern "site/*.html".
Finished: FAILURE
"""


def test_a_publishers_own_error_fails_its_section_when_every_build_step_passed() -> None:
    scan = _scan(PUBLISHER_FAILS)
    found = [(s.command, s.status, s.exit_line) for s in scan.sections]
    assert found[1:] == [("/bin/sh -xe /tmp/jenkins9.sh", PASSED, None), ("post-build actions", FAILED, 6)]


# Declarative Pipeline: the stage's own ``post`` (junit, clean-up) runs after its steps and prints errors of its own;
# the stage's error is no rule's, the post's is docker's.
STAGE_POST = """[Pipeline] { (Test)
[Pipeline] sh
+ ./render-site.sh
render-site: error: templates/index.tmpl:14: unbalanced block
[Pipeline] }
Post stage
[Pipeline] junit
Recording test results
[Pipeline] sh
+ docker compose down
Error response from daemon: No such container: db
[Pipeline] }
[Pipeline] // stage
[Pipeline] End of Pipeline
ERROR: script returned exit code 1
Finished: FAILURE
"""


def test_a_stages_post_is_aside_and_the_stage_is_where_the_pipeline_failed() -> None:
    scan = _scan(STAGE_POST)
    found = [(s.command, s.start, s.aside, s.status) for s in scan.sections]
    assert found[1:] == [("Test", 1, False, FAILED), ("Post stage", 6, True, PASSED)]
    assert scan.sections[1].exit_line == 15


def test_a_publishers_error_after_a_failed_checkout_follows_from_it() -> None:
    text = SCM_FAILURE.replace(
        "Notifying upstream projects of job completion\n",
        "Recording test results\nERROR: Step \u2018Publish JUnit test result report\u2019 failed: none of them are new\n",
    )
    assert [s.command for s in _scan(text).sections if s.status == FAILED] == ["SCM checkout"]


def test_a_plugin_publishers_first_line_opens_the_post_build_actions_it_fails() -> None:
    text = PUBLISHER_FAILS.replace("Archiving artifacts\n", "[htmlpublisher] Archiving HTML reports...\n")
    found = [(s.command, s.status) for s in _scan(text).sections]
    assert found[1:] == [("/bin/sh -xe /tmp/jenkins9.sh", PASSED), ("post-build actions", FAILED)]


def test_a_text_finders_search_of_files_opens_a_quote_only_among_the_post_build_actions() -> None:
    jenkins = (
        "[w] $ /bin/sh -xe /tmp/j1.sh\n+ make check\nmake: *** [check] Error 1\n"
        "Build step 'Execute shell' marked build as failure\nChecking ^not ok\n/w/test.tap:\nnot ok 4 - parses\n"
        "Finished: FAILURE\n"
    )
    assert [(s.command, s.kind) for s in _scan(jenkins).sections][1:] == [
        ("/bin/sh -xe /tmp/j1.sh", "command"),
        ("post-build actions", "step"),
        ("Text Finder", "quote"),
    ]
    # Cargo's ``Checking crate`` and a script's ``Checking x`` in a GitHub Actions step open nothing.
    gha = "##[group]Run cargo clippy\n##[endgroup]\nChecking demo v0.1.0 (/w)\nerror: unused variable: `x`\n"
    assert [s.command for s in _scan(gha).sections] == ["", "cargo clippy"]
    # Nor does twine's ``Checking dist/x: PASSED`` at a log's head tell it is a Jenkins log.
    assert (
        _scan(
            "Checking dist/demo-1.0.tar.gz: PASSED\nUploading distributions to https://upload.pypi.org/\n"
        ).sections.ci
        == 0
    )


# The build steps pass (a test run under ``|| true``); the Text Finder's search of the files they wrote fails the build.
FILES_SEARCH_FAILS = """[node] $ /bin/sh -xe /tmp/jenkins40.sh
+ make test-ci || true
ok 11 parallel/test-url
[Text Finder] Looking for pattern '^not ok' in the files at 'out/*.tap'
/home/ci/workspace/node/out/test.tap:
not ok 7 parallel/test-http-keepalive
Build step 'Jenkins Text Finder' marked build as failure
Sending e-mails to: team@example.org
Finished: FAILURE
"""


@pytest.mark.parametrize(
    "text",
    [
        FILES_SEARCH_FAILS,
        # The plugin's older wording, after another publisher's first line.
        FILES_SEARCH_FAILS.replace(
            "[Text Finder] Looking for pattern '^not ok' in the files at 'out/*.tap'",
            "Archiving artifacts\nChecking ^not ok",
        ),
    ],
)
def test_a_text_finder_that_fails_the_build_on_its_search_of_files_is_where_it_failed(text: str) -> None:
    scan = _scan(text)
    found = [(s.command, s.kind, s.status) for s in scan.sections]
    assert ("/bin/sh -xe /tmp/jenkins40.sh", "command", PASSED) in found
    assert [(c, k) for c, k, status in found if status == FAILED] == [("Text Finder", "quote")]
    quote = next(s for s in scan.sections if s.kind == "quote")
    assert quote.exit_line == text.splitlines().index("Build step 'Jenkins Text Finder' marked build as failure") + 1


def test_a_text_finders_own_words_in_a_pipeline_stage_open_no_quote() -> None:
    # A Pipeline's ``findText`` runs as the stage's own work: the stage failed.
    text = (
        "[Pipeline] Start of Pipeline\n[Pipeline] { (Test)\n[Pipeline] findText\n"
        "[Text Finder] Looking for pattern '^not ok' in the files at 'out/*.tap'\nnot ok 2 - parses\n"
        "ERROR: script returned exit code 1\nFinished: FAILURE\n"
    )
    assert [(s.command, s.kind) for s in _scan(text).sections if s.status == FAILED] == [("Test", "step")]


def test_a_post_build_scripts_own_checking_line_opens_no_quote() -> None:
    # The script a publisher ran prints ``Checking ...`` itself: its output, not the Text Finder quoting files.
    text = (
        "[w] $ /bin/sh -xe /tmp/j1.sh\n+ make all\nmake: *** [all] Error 1\n"
        "Build step 'Execute shell' marked build as failure\n"
        "[PostBuildScript] - [INFO] Executing post build scripts.\n[w] $ /bin/sh -xe /tmp/j2.sh\n"
        "+ ./deploy-preview.sh\nChecking credentials for upload...\nupload failed: Access Denied\nFinished: FAILURE\n"
    )
    kinds = [s.kind for s in _scan(text).sections]
    assert "quote" not in kinds and [s.command for s in _scan(text).sections if s.status == FAILED][0] == (
        "/bin/sh -xe /tmp/j1.sh"
    )
