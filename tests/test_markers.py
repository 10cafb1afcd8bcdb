"""``marker`` tries a regex only where a literal it needs is in the line: the answers are those of every regex in turn."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autoheal import cimarkers as p
from autoheal import markers as m
from autoheal.markers import Marker, marker
from autoheal.markertext import travis_command
from autoheal.marks import (
    AZURE,
    BUILDKITE,
    CIRCLECI,
    GHA,
    GITLAB,
    HUNK,
    JENKINS,
    NEW_FILE,
    OLD_FILE,
    RUNNER,
    SHELL,
    TRAVIS,
)
from autoheal.normalize import STAMP_TEXT as _STAMP
from autoheal.normalize import normalize
from autoheal.redact import redact


def _platform(body: str) -> Marker | None:
    """``cimarkers.platform_marker`` as it read before its guards: every regex, in order."""
    if body[:1] == "[" or body[:1].isdigit():
        body = p._JENKINS_STAMP.sub("", body, count=1)
    if g := p._JENKINS_STEP.match(body):
        return Marker(opens=g["cmd"].strip(), kind="command", jenkins=True, ci=JENKINS)
    if g := p._JENKINS_FAILED.match(body):
        return Marker(code=1, then="post-build actions", ci=JENKINS)
    if g := p._JENKINS_FINISHED.match(body):
        failed = g["verdict"] != "SUCCESS"
        return Marker(code=int(failed), build=True, last_work=failed, ci=JENKINS)
    if g := p._PIPELINE_STAGE.match(body):
        post = g["name"].startswith("Declarative: Post Actions")
        return Marker(opens=g["name"].strip(), kind="step", aside=post, ci=JENKINS)
    if p._JENKINS_PUBLISHER.match(body):
        return Marker(code=1, aside=True, ci=JENKINS)
    if p._PIPELINE_SKIPPED.match(body):
        return Marker(aside=True, ci=JENKINS)
    if g := p._PIPELINE_EXIT.match(body):
        return Marker(code=int(g["code"]), last_work=True, ci=JENKINS)
    if body.rstrip() == "Post stage":
        return Marker(opens="Post stage", kind="step", aside=True, ci=JENKINS)
    if p._JENKINS_POST.match(body):
        return Marker(opens=p.POST_BUILD, kind="step", aside=True, ci=JENKINS)
    if p._JENKINS_SCM.match(body):
        return Marker(opens=p.SCM_CHECKOUT, kind="step", jenkins=True, ci=JENKINS)
    if g := p._GITLAB_SECTION.search(body):
        return Marker(opens=g["name"], kind="step", aside=g["name"].startswith(p._GITLAB_ASIDE), ci=GITLAB)
    if p._GITLAB_PHASE.match(body):
        return Marker(opens=body.strip(), kind="step", aside=True, ci=GITLAB)
    if g := p._GITLAB_FAILED.match(body):
        return Marker(code=int(g["code"]) if g["code"] else 1, last_work=True, ci=GITLAB)
    if g := p._AZURE_TASK.match(body):
        return Marker(opens=g["name"].strip(), kind="step", ci=AZURE)
    if g := p._AZURE_VSO.match(body):
        return Marker(code=1 if g["failed"] else None, error=True, ci=AZURE)
    if p._AZURE_OUTPUT.match(body):
        return Marker(body=True, ci=AZURE)
    if g := p._STEP_EXIT.match(body):
        return Marker(code=abs(int(g["code"])), ci=BUILDKITE if "The command exited with status " in body else CIRCLECI)
    for start, ci in p._TELLS:
        if body.startswith(start):
            return Marker(kind="tell", ci=ci)
    group = p.group(body)
    return group or (Marker(diff=OLD_FILE) if body.startswith("--- ") else None)


# The reference's own readings of a diff's file header and a linter's annotation, written from their shapes
# (a path alone after ``--- ``/``+++ ``, up to a tab; ``##[error]`` then ``file.ext:line[:col]: message``), not
# taken from the code under test. ``test_diff_headers_and_annotations_read_as_written`` pins both.
_DIFF_FILE = re.compile(r"(?:---|\+\+\+) \S*[/.]\S*[^\S\t]*(?:\t|\Z)")
_ANNOTATED = re.compile(r"##\[error\]\s*[\w./-]*\w\.\w{1,6}:\d+(?::\d+)?:\s+\S")
_HUNK = re.compile(r"@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@")


def _diff_file(text: str) -> bool:
    return bool(_DIFF_FILE.match(text))


def reference(raw: str, text: str) -> Marker | None:
    """``markers.marker`` as it read before its guards, through google-re2's public API."""
    travis_cmd, travis_end = m._TRAVIS_CMD.regex, m._TRAVIS_END.regex
    body = _STAMP.sub("", raw) if raw[:1].isdigit() or raw[:1] == "\ufeff" else raw
    shell = TRAVIS if "travis_" in body else SHELL
    if body[:1] in ("$", "+"):
        if g := travis_cmd.match(body.replace("\r", "")):
            return Marker(opens=g["cmd"].strip(), kind="command", ci=shell)
        if (g := m._TRACE.match(text)) and not _diff_file(text):
            group = p.group(body)
            opens, new = (group.opens if group else None), NEW_FILE if text.startswith("+++ ") else ""
            return Marker(traced=g["cmd"].strip(), opens=opens, kind="step", weak=bool(group), diff=new)
    if body.startswith("@@ -") and (g := _HUNK.match(text)):
        return Marker(diff=HUNK, hunk=int(g[1] or 1) + int(g[2] or 1))
    if g := m._GHA_STEP.match(body):
        return Marker(opens=g["cmd"].strip(), kind="step", ci=GHA)
    if m._GHA_ENDGROUP.match(body):
        return Marker(endgroup=True, ci=RUNNER)
    if g := m._GHA_EXIT.search(text):
        return Marker(code=int(g["code"]), error=True, ci=RUNNER)
    if (g := m._AZURE_EXIT.match(body)) and not _ANNOTATED.match(body):
        return Marker(code=int(g["code"]), error=True, ci=RUNNER)
    if m._GHA_ERROR.match(body) and not _ANNOTATED.match(body):
        return Marker(error=True, ci=RUNNER)
    if g := travis_end.search(text):
        return Marker(code=int(g["code"]), closes=g["cmd"], ci=TRAVIS)
    if g := m._TRAVIS_OPEN_END.search(text):
        return Marker(pending=g["cmd"], ci=TRAVIS)
    if g := m._TRAVIS_END_REST.search(text):
        return Marker(code=int(g["code"]), continued=True, ci=TRAVIS)
    if g := m._TRAVIS_DONE.search(text):
        return Marker(code=int(g["code"]), build=True, ci=TRAVIS)
    if g := travis_cmd.match(body.replace("\r", "")):
        return Marker(opens=g["cmd"].strip(), kind="command", ci=shell)
    if body.rstrip() == "Post job cleanup.":
        return Marker(opens="Post job cleanup", kind="step", aside=True, ci=GHA)
    if body.rstrip() == "Cleaning up orphan processes":
        return Marker(opens="Complete job", kind="step", aside=True, ci=GHA)
    if found := _platform(body):
        return found
    if g := m._RECIPE.search(text):
        return Marker(recipe=g["target"].strip(), code=int(g["code"]))
    if (g := m._TRACE.match(text)) and not _diff_file(text):
        return Marker(traced=g["cmd"].strip(), diff=NEW_FILE if text.startswith("+++ ") else "")
    return None


# Pieces of the marker lines of every CI system the module reads, and what may surround them.
PIECES = [
    "##[group]Run npm test",
    "##[endgroup]",
    "##[error]",
    "##[error]Bash exited with code '3'.",
    "Process completed with exit code 2.",
    'The command "make all" exited with 3.',
    'The command "',
    '" failed and exited with 1',
    "Done. Your build exited with 0.",
    "$ ls",
    "+ ls -la",
    "++ x",
    "+++ b/file",
    "##[error]a.go:3:5: unused x (unused)",
    "##[error]src/app.ts:12: ",
    "+++ notes",
    "@@ -3,5 +3,6 @@",
    "@@ -1 +1 @@ def f():",
    "+++ a.sh\t",
    "--- a/file",
    "~~~ Running tests",
    "[workspace] $ /bin/sh -xe /tmp/j.sh",
    "Build step 'Execute shell' marked build as failure",
    "Finished: FAILURE",
    "ERROR: Step \u2018Archive the artifacts\u2019 failed: No artifacts found",
    "ERROR: Step 'Publish JUnit test result report' aborted due to exception: ",
    "Finished: SUCCESS ",
    "Finished: ABORTED",
    "Archiving artifacts",
    "Recording test results",
    "Post stage",
    "Performing Post build task...",
    "[PostBuildScript] - Executing post build scripts.",
    "[PostBuildScript] - [INFO] Executing post build scripts.",
    "Recording fingerprints",
    "[htmlpublisher] Archiving HTML reports...",
    "[JaCoCo plugin] Collecting JaCoCo coverage data...",
    "[Cobertura] Publishing Cobertura coverage report...",
    "Sending e-mails to: dev@example.org",
    "[Checks API] No suitable checks publisher found.",
    "[Text Finder] Scanning console output...",
    "Notifying upstream projects of job completion",
    "Cloning the remote Git repository",
    "Fetching changes from the remote Git repository",
    "[Pipeline] { (Build)",
    "Stage 'Deploy' skipped due to earlier failure(s)",
    "ERROR: script returned exit code 4",
    "section_start:1700000000:build_script\r",
    "ERROR: Job failed: exit code 9",
    "ERROR: Job failed",
    "##[section]Starting: Bash",
    "===== Starting Command Output =====",
    "Exited with code exit status 5",
    "CircleCI received exit code 3",
    "Post job cleanup.",
    "Cleaning up orphan processes",
    "Current runner version: '2.316.1'",
    "Running with gitlab-runner 16.9.0",
    "[Pipeline] Start of Pipeline",
    "#!/bin/bash -eo pipefail",
    "##vso[task.logissue type=error]boom",
    "##vso[task.complete result=Failed;]",
    "^^^ +++",
    "The command exited with status -2",
    "make[1]: *** [Makefile:3: all] Error 2",
    "travis_fold:start:install\r",
    "travis_time:start:0a1b\r$ bundle install",
    "[2024-05-06T09:00:00.123Z] ",
    "09:00:00 ",
    "2024-05-06T09:00:00.1234567Z ",
    "\ufeff",
    "\r",
    " ",
    '"',
    "x",
    "\x1b[31m",
    "[31m",
    "é",
    "✓ ",
    "\t",
    "$",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5), st.text(max_size=6))
def test_guarded_marker_answers_as_every_regex_in_turn(pieces: list[str], noise: str) -> None:
    for raw in ("".join(pieces), "".join(pieces) + noise, noise + "".join(pieces)):
        text = normalize(raw)
        assert marker(raw, text) == reference(raw, text)


SECRET = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"  # a GitHub token's shape: redaction replaces it


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, SECRET]), max_size=6))
def test_the_text_made_on_first_need_gives_the_answers_of_the_text_made_first(pieces: list[str]) -> None:
    """``marker`` with the normalising function (and the line as read) answers as with the text itself."""
    raw = "".join(pieces)
    safe = redact(raw)
    assert marker(safe, partial(normalize, raw), raw) == marker(safe, normalize(raw)), raw


@pytest.mark.parametrize(
    "line",
    [
        "##[error]Process completed with exit code 2.",
        'The command "make test" exited with 1.',
        '" exited with 3.',
        "Done. Your build exited with 1.",
        'travis_time:end:0a\r$ echo The command "x" exited with 1',
    ],
)
@pytest.mark.parametrize("cut", ["\x1b[31m", "[0m", "\x01", "\x1b"])
def test_a_text_that_holds_a_literal_the_line_as_read_splits_is_made(line: str, cut: str) -> None:
    """Normalising removes a colour code or control character from inside a literal: the text is made then."""
    for at in range(1, len(line)):
        raw = line[:at] + cut + line[at:]
        assert marker(raw, partial(normalize, raw), raw) == marker(raw, normalize(raw)), raw


def test_a_command_run_again_says_the_same_and_a_long_one_says_all_of_itself() -> None:
    first, again = (marker(f"travis_time:start:{i}\r$ make test\r", "") for i in ("0a", "1b"))
    assert first == again == Marker(opens="make test", kind="command", ci=TRAVIS)
    long = "echo " + "x" * m.SHARED_COMMAND
    assert marker(f"$ {long}", "") == Marker(opens=long, kind="command", ci=SHELL)


def test_a_plain_travis_command_line_is_not_normalised() -> None:
    made: list[str] = []

    def text(raw: str) -> Callable[[], str]:
        def make() -> str:
            made.append(raw)
            return normalize(raw)

        return make

    raw = "travis_time:start:0a1b\r$ bundle install --jobs=3\r"
    assert marker(raw, text(raw), raw) == Marker(opens="bundle install --jobs=3", kind="command", ci=TRAVIS)
    assert not made
    coloured = "travis_time:start:0a1b\r\x1b[0K$ echo 'The command \"x\" exited with 1'"
    assert marker(coloured, text(coloured), coloured) == marker(coloured, normalize(coloured))
    assert made == [coloured]  # a line with a colour code: its text could hold what the line as read does not


def test_each_piece_alone_and_stamped() -> None:
    for piece in PIECES:
        for raw in (piece, "2024-05-06T09:00:00.1234567Z " + piece, "09:00:00 " + piece):
            text = normalize(raw)
            assert marker(raw, text) == reference(raw, text), raw


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # A diff's file header is no trace nor group; a path needs a ``/`` or ``.``, and ends at a tab.
        ("+++ b/src/app.py", None),
        ("@@ -3,5 +3,6 @@ def main():", Marker(diff=HUNK, hunk=11)),
        ("@@ -1 +0,0 @@", Marker(diff=HUNK, hunk=1)),
        ("@@ -x +1 @@", None),
        ("+++ bin/backup.sh", None),
        ("+++ a.sh\t2024-05-06 10:00:00.000000000 +0000", None),
        ("--- a/src/app.py", Marker(diff=OLD_FILE)),
        # (``+++ x`` is a trace, or a Buildkite group once the log is told Buildkite's)
        ("+++ Makefile", Marker(traced="Makefile", opens="Makefile", kind="step", weak=True, diff=NEW_FILE)),
        ("+++ a b.txt", Marker(traced="a b.txt", opens="a b.txt", kind="step", weak=True, diff=NEW_FILE)),
        ("+ ./ci/check.sh", Marker(traced="./ci/check.sh", kind="step")),
        ("--- Running tests", Marker(opens="Running tests", kind="step", weak=True, ci=BUILDKITE, diff=OLD_FILE)),
        # A linter's annotation at a location is output; the runner's own ``##[error]`` is an error.
        ("##[error]a.go:3:5: unused x (unused)", None),
        ("##[error]src/app.ts:12: Type 'string' is not assignable", None),
        ("##[error]  lib/x.rb:4:1: C: Style/StringLiterals", None),
        ("##[error]src/app.ts:12: ", Marker(error=True, ci=RUNNER)),
        ("##[error]Process failed", Marker(error=True, ci=RUNNER)),
        ("##[error]Bash exited with code '3'.", Marker(code=3, error=True, ci=RUNNER)),
        ("##[error]a.go:3:5: Bash exited with code '3'.", None),
    ],
)
def test_diff_headers_and_annotations_read_as_written(line: str, expected: Marker | None) -> None:
    assert marker(line, normalize(line)) == expected
    assert reference(line, normalize(line)) == expected


def test_a_travis_command_with_non_ascii_reads_its_groups_through_the_public_api() -> None:
    found = marker("$ echo héllo", "$ echo héllo")
    assert found == Marker(opens="echo héllo", kind="command", ci=SHELL)
    assert marker('The command "échec" exited with 2.', 'The command "échec" exited with 2.') == Marker(
        code=2, closes="échec", ci=TRAVIS
    )


TRAVIS_PIECES = [
    "travis_fold:",
    "travis_time:",
    "travis_",
    "start:0a",
    "$",
    " ",
    "\t",
    "\n",
    "\x0b",
    "x",
    "é",
    "$ ",
    ":",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(TRAVIS_PIECES), max_size=8))
def test_the_travis_command_is_what_its_regex_captures(pieces: list[str]) -> None:
    body = "".join(pieces)
    found = m._TRAVIS_CMD.regex.match(body)
    assert travis_command(body) == (found["cmd"] if found else None), body


def _best_time(body: str) -> float:
    """The fastest of five reads of ``body``'s Travis command: the least noisy figure on a loaded machine."""
    import time

    times = []
    for _ in range(5):
        started = time.perf_counter()
        travis_command(body)
        times.append(time.perf_counter() - started)
    return min(times)


def test_a_line_of_many_travis_markers_is_read_in_linear_time() -> None:
    # Each marker once searched the rest of the line for its run's end: 4x the markers cost 16x the time.
    small, large = ("$ 1 " + "travis_fold:" * n for n in (800, 3200))
    assert _best_time(large) / _best_time(small) < 8
