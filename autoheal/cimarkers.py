"""The marker lines of Jenkins, GitLab CI, Azure Pipelines, CircleCI and Buildkite (``markers`` says what each
platform prints), and the lines only one CI prints at a log's head, which tell its CI (``marks``)."""

from __future__ import annotations

from autoheal import lazyre
from autoheal.diffs import diff_file
from autoheal.marks import AZURE, BUILDKITE, CIRCLECI, GHA, GITLAB, JENKINS, OLD_FILE, TRAVIS, told
from autoheal.marks import Marker as Marker

# Jenkins' Timestamper plugin stamps each line: ``[2024-05-06T09:00:00.123Z] `` or ``09:00:00 ``.
_JENKINS_STAMP = lazyre.compile(r"^(?:\[\d{4}-\d\d-\d\dT[\d:.]+Z\]|\d\d:\d\d:\d\d(?:\.\d+)?) +(?=\S)")
# Jenkins: a freestyle build step (``[workspace] $ /bin/sh -xe /tmp/jenkins1.sh``), its failure, the build's end.
_JENKINS_STEP = lazyre.compile(r"^\[[^\]]{1,200}\] \$ (?P<cmd>\S.*)")
_JENKINS_FAILED = lazyre.compile(r"^Build step .(?P<step>.+?). marked build as (?:failure|unstable)")
# A publisher's own failure (its exception or error, not a verdict on the build steps): Jenkins core's
# ``ERROR: Step 'Archive the artifacts' failed: No artifacts found ...`` (the quotes are typographic).
_JENKINS_PUBLISHER = lazyre.compile(r"^ERROR: Step .(?P<step>.+?). (?:failed|aborted due to exception)\b")
_JENKINS_FINISHED = lazyre.compile(r"^Finished: (?P<verdict>SUCCESS|FAILURE|UNSTABLE|ABORTED|NOT_BUILT)\s*$")
# The git plugin's first lines of a checkout: https://plugins.jenkins.io/git/ (console output).
_JENKINS_SCM = lazyre.compile(
    r"^(?:Cloning the remote Git repository|Fetching changes from the remote Git repository)\b"
)
# A publisher's (post-build action's) first line: core (archive, fingerprints, JUnit, upstream
# notification), Post Build Task, PostBuildScript (old and 2.x+), Mailer, Checks API, Text Finder,
# HTML Publisher, JaCoCo and Cobertura plugins.
_JENKINS_POST = lazyre.compile(
    r"^(?:Performing Post build task\.\.\.|Recording test results|Archiving artifacts|Recording fingerprints|"
    r"\[PostBuildScript\] - (?:\[INFO\] )?Executing post build scripts|Sending e-mails to:|\[Checks API\] |"
    r"Notifying upstream projects of job completion|\[Text Finder\] |\[htmlpublisher\] Archiving HTML reports|"
    r"\[JaCoCo plugin\] Collecting JaCoCo coverage data|\[Cobertura\] Publishing Cobertura coverage report)"
)
SCM_CHECKOUT, POST_BUILD = "SCM checkout", "post-build actions"
# The Text Finder plugin's search of workspace files (old: ``Checking <regex>``; new: ``[Text Finder] Looking
# for pattern '<regex>' in the files at '<set>'``), then each file's name and its matching lines: the build's own
# files quoted (a TAP report's ``not ok``), not a publisher's doing (https://plugins.jenkins.io/text-finder/).
TEXT_FINDER, QUOTE = "Text Finder", "quote"
_TEXT_FINDER = lazyre.compile(
    r"^(?:Checking (?!console output\s*$)\S|\[Text Finder\] Looking for pattern .* in the files at )"
)
_PIPELINE_STAGE = lazyre.compile(r"^\[Pipeline\] \{ \((?P<name>.+)\)\s*$")
# Declarative Pipeline prints this line before a stage's own ``post`` conditions (junit, archive, clean-up).
_PIPELINE_POST_STAGE = "Post stage"
_PIPELINE_SKIPPED = lazyre.compile(r"^Stage .(?P<name>.+). skipped due to earlier failure")
_PIPELINE_EXIT = lazyre.compile(r"^ERROR: script returned exit code (?P<code>\d+)")
# GitLab CI: a phase of the job (``\r`` and a header may follow the name), the job's end.
_GITLAB_SECTION = lazyre.compile(r"(?:^|\r)section_start:\d+:(?P<name>[\w.-]+)")
_GITLAB_FAILED = lazyre.compile(r"^ERROR: Job failed(?:: exit code (?P<code>\d+))?")
_GITLAB_ASIDE = ("after_script", "upload_artifacts", "archive_cache", "cleanup")
# The runner's own first line of after_script, as a log copied from the job page (or a trace with the
# ``section_start`` markers stripped) shows it: its commands' failures never fail the job (GitLab's
# ``after_script`` docs). (The cache, upload and cleanup phases run no command of the job's: their lines
# stay the failed command's chatter, as blocks.py reads them.)
_GITLAB_PHASE = lazyre.compile(r"^Running after script\.\.\.\s*$")
# Azure Pipelines: a task, its script's output, its failure.
_AZURE_TASK = lazyre.compile(r"^##\[section\]Starting: (?P<name>.+)")
_AZURE_OUTPUT = lazyre.compile(r"^=+ Starting Command Output =+\s*$")
# Azure Pipelines' logging commands a script prints: https://learn.microsoft.com/azure/devops/pipelines/scripts/logging-commands
_AZURE_VSO = lazyre.compile(r"^##vso\[task\.(?:logissue type=error|complete result=(?P<failed>Failed))\b")
# CircleCI (old and new agents) and Buildkite (``🚨 Error: ...``): the step's exit line.
_STEP_EXITS = ("Exited with code ", "CircleCI received exit code ", "The command exited with status ")
_STEP_EXIT = lazyre.compile(
    r"^(?:Exited with code (?:exit status )?|CircleCI received exit code |\W*(?:Error: )?The command exited with status )"
    r"(?P<code>-?\d+)"
)
# Buildkite groups: ``~~~`` only Buildkite prints; ``---`` and ``+++`` open groups once it has.
_BUILDKITE = lazyre.compile(r"^(?P<mark>~~~|---|\+\+\+) (?P<name>\S.*)")
# What a Buildkite group is not: a Go verdict, a diff header, a banner (``--- x ---``).
_NOT_GROUP = lazyre.compile(r"^(?:FAIL|PASS|SKIP)\b|^(?:a|b)/|^/|^(?:Expected|Actual)\b|\t|(?:---|\+\+\+)\s*$")


# The markers that say nothing but a flag, made once (a frozen Marker costs ~2 µs to build, per line).
_ASIDE = Marker(aside=True, ci=JENKINS)
_BODY = Marker(body=True, ci=AZURE)
_SCM = Marker(opens=SCM_CHECKOUT, kind="step", jenkins=True, ci=JENKINS)
_POST = Marker(opens=POST_BUILD, kind="step", aside=True, ci=JENKINS)
_QUOTE = Marker(opens=TEXT_FINDER, kind=QUOTE, aside=True, ci=JENKINS)
# The plugin's own words (``[Text Finder] Looking for pattern``), no build's tool's: a freestyle build's own line.
_SEARCH = Marker(opens=TEXT_FINDER, kind=QUOTE, aside=True, jenkins=True, ci=JENKINS)
_POST_STAGE = Marker(opens=_PIPELINE_POST_STAGE, kind="step", aside=True, ci=JENKINS)
# A status aside: the post-build action running failed (``sections`` fails it only if nothing failed before).
PUBLISHER_FAILED = Marker(code=1, aside=True, ci=JENKINS)
_OLD_FILE = Marker(diff=OLD_FILE)
_VSO_ERROR = Marker(error=True, ci=AZURE)
_VSO_FAILED = Marker(code=1, error=True, ci=AZURE)
# Lines only one CI prints at the head of its logs: the runner's or agent's banner, a Travis fold,
# the shell line CircleCI puts above each ``run`` step (its default shell:
# https://circleci.com/docs/configuration-reference/#default-shell-options).
_TELLS = (
    ("Current runner version", GHA),
    ("Running with gitlab-runner ", GITLAB),
    ("[Pipeline] Start of Pipeline", JENKINS),  # (a freestyle build tells it by its checkout or first step)
    ("travis_fold:start:", TRAVIS),
    ("#!/bin/bash -eo pipefail", CIRCLECI),
)
_TELL_STARTS = tuple(start for start, _ in _TELLS)


def platform_marker(body: str) -> Marker | None:
    """Jenkins, GitLab CI, Azure Pipelines, CircleCI and Buildkite marker lines, and the lines that tell a CI."""
    if body[:1] == "[" or body[:1].isdigit():
        body = _JENKINS_STAMP.sub("", body, count=1)
    lead = body[:1]
    if lead == "[":
        if "] $ " in body and (m := _JENKINS_STEP.match(body)):
            return Marker(opens=m["cmd"].strip(), kind="command", jenkins=True, ci=JENKINS)
        if m := _PIPELINE_STAGE.match(body):
            post = m["name"].startswith("Declarative: Post Actions")
            return Marker(opens=m["name"].strip(), kind="step", aside=post, ci=JENKINS)
    elif lead in ("B", "F", "S", "E"):
        if m := _JENKINS_FAILED.match(body):
            return Marker(code=1, then=POST_BUILD, ci=JENKINS)
        if m := _JENKINS_FINISHED.match(body):
            # The build's status, printed after the post-build actions: it fails the last section of the
            # build's own work (the checkout when no build step ran), and that section's last lines are its tail.
            failed = m["verdict"] != "SUCCESS"
            return Marker(code=int(failed), build=True, last_work=failed, ci=JENKINS)
        if _JENKINS_PUBLISHER.match(body):
            return PUBLISHER_FAILED
        if _PIPELINE_SKIPPED.match(body):
            return _ASIDE
        if m := _PIPELINE_EXIT.match(body):
            return Marker(code=int(m["code"]), last_work=True, ci=JENKINS)
    if lead == "P" and body.rstrip() == _PIPELINE_POST_STAGE:
        return _POST_STAGE
    if lead in ("C", "[") and _TEXT_FINDER.match(body):
        return _QUOTE if lead == "C" else _SEARCH
    if lead in ("[", "P", "R", "A", "S", "N") and _JENKINS_POST.match(body):
        return _POST
    if lead in ("C", "F") and _JENKINS_SCM.match(body):
        return _SCM
    if "section_start:" in body and (m := _GITLAB_SECTION.search(body)):
        return Marker(opens=m["name"], kind="step", aside=m["name"].startswith(_GITLAB_ASIDE), ci=GITLAB)
    if lead == "R" and _GITLAB_PHASE.match(body):
        return Marker(opens=body.strip(), kind="step", aside=True, ci=GITLAB)
    if lead == "E" and (m := _GITLAB_FAILED.match(body)):
        return Marker(code=int(m["code"]) if m["code"] else 1, last_work=True, ci=GITLAB)
    if lead == "#":
        if m := _AZURE_TASK.match(body):
            return Marker(opens=m["name"].strip(), kind="step", ci=AZURE)
        if m := _AZURE_VSO.match(body):  # a script's logging command: an error, or its task failed
            return _VSO_FAILED if m["failed"] else _VSO_ERROR
    if lead == "=" and _AZURE_OUTPUT.match(body):
        return _BODY
    exits = _STEP_EXITS
    if (exits[0] in body or exits[1] in body or exits[2] in body) and (m := _STEP_EXIT.match(body)):
        return Marker(code=abs(int(m["code"])), ci=BUILDKITE if _STEP_EXITS[2] in body else CIRCLECI)
    if body.startswith(_TELL_STARTS):
        return next(told(ci) for start, ci in _TELLS if body.startswith(start))
    if body[:4] == "--- ":  # a Buildkite group, or a diff's old-file header (the Sectioner pairs it with ``+++``)
        return group(body) or _OLD_FILE
    return group(body) if body[:4] in ("~~~ ", "+++ ") else None


def group(body: str) -> Marker | None:
    """A Buildkite group line: ``~~~`` says the log is Buildkite's; ``---`` and ``+++`` open groups only there."""
    if (m := _BUILDKITE.match(body)) and not (_NOT_GROUP.search(m["name"]) or diff_file(body)):
        tilde, old = m["mark"] == "~~~", OLD_FILE if m["mark"] == "---" else ""
        return Marker(opens=m["name"].strip(), kind="step", weak=not tilde, buildkite=tilde, ci=BUILDKITE, diff=old)
    return None
