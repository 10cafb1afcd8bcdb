"""What a marker line of a CI log says: a step or command opens, or a section ends with a status.

- GitHub Actions: ``##[group]Run <command>`` opens a step; a failing step
  prints ``##[error]Process completed with exit code N.`` (an action that
  fails prints its own ``##[error]`` line); the runner's own steps open with
  ``Post job cleanup.`` and ``Cleaning up orphan processes``. A step log file is one section.
- Travis CI: ``$ <command>`` opens a command (after ``travis_fold``/``travis_time``
  markers on the same line); ``The command "<command>" exited with N.`` closes it
  with its status; ``Done. Your build exited with N.`` ends the build.
- Jenkins freestyle: ``[workspace] $ <command>`` opens a build step; ``Build step
  '<name>' marked build as failure`` closes it, failed; what follows is the
  post-build actions (a section aside: never where the job failed);
  ``Finished: FAILURE`` ends the build. Before the first build step, the SCM
  checkout (``Cloning the remote Git repository``...) is a section that can fail:
  a checkout that fails ends the build with no build step. A publisher's first
  line (``Archiving artifacts``, ``Recording test results``, ``Performing Post
  build task...``) opens the post-build actions when no build step failed; a
  publisher's own ``ERROR: Step '<name>' failed`` fails them only then.
- Jenkins Pipeline: ``[Pipeline] { (<stage>)`` opens a stage; ``ERROR: script
  returned exit code N`` (printed at the end, once every stage has closed) fails
  the last stage that ran: not one ``skipped due to earlier failure(s)``, nor
  the post actions (``Declarative: Post Actions``, a stage's ``Post stage``).
- GitLab CI: ``section_start:<ts>:<name>`` opens a runner phase (``after_script``,
  artifact uploads and cleanup are aside) and ``$ <command>`` a command;
  ``ERROR: Job failed: exit code N``, printed after the cleanup, fails the last
  command that ran before the phases aside.
- Azure Pipelines: ``##[section]Starting: <task>`` opens a task;
  ``##[error]Bash exited with code '1'.`` fails it with its status, as a script's
  ``##vso[task.complete result=Failed]`` does (``##vso[task.logissue type=error]`` is an error).
- CircleCI: ``Exited with code exit status N`` (``CircleCI received exit code N``) fails the
  step (a step log is one section; ``#!/bin/bash -eo pipefail`` heads each ``run`` step).
- Buildkite: ``~~~ <name>`` opens a group and says the log is Buildkite's; then
  ``--- <name>`` and ``+++ <name>`` open groups too (elsewhere those are diff
  headers and Go verdicts); ``The command exited with status N`` fails the group.
  https://buildkite.com/docs/pipelines/managing-log-output
- Maven and plain logs: the whole log is one section, which failed.

Each marker says whose it is (``Marker.ci``: ``marks``); a log's head tells its CI,
and then only that CI's markers are read. ``marker`` reads one line;
``sections.Sectioner`` builds the sections from what the lines say. ``MARKER_BYTES`` is the byte regex of the lines that may
be markers: it joins the scanner's one pass (Hyperscan must accept it; the
disk cache is keyed on it).
"""

from __future__ import annotations

from collections.abc import Callable

from autoheal import lazyre
from autoheal.blocks import located
from autoheal.diffs import diff_file, hunk_counts, new_file
from autoheal.markerbytes import MARKER_BYTES as MARKER_BYTES
from autoheal.markerbytes import MARKER_LITERALS as MARKER_LITERALS
from autoheal.markerbytes import MARKER_STARTS as MARKER_STARTS
from autoheal.markertext import LazyText, Re2Groups, travis_command
from autoheal.marks import AZURE, BUILDKITE, CIRCLECI, GHA, GITLAB, HUNK, JENKINS, OLD_FILE, RUNNER, SHELL, TRAVIS, told
from autoheal.marks import Marker as Marker
from autoheal.normalize import unstamped

_GHA_STEP = lazyre.compile(r"^##\[group\]Run (?P<cmd>.+)")
_GHA_EXIT = lazyre.compile(r"Process completed with exit code (?P<code>\d+)")
_GHA_ERROR = lazyre.compile(r"^##\[error\]")
_GHA_ENDGROUP = lazyre.compile(r"^##\[endgroup\]")
# RE2, not re: both read attacker-controlled lines, and in Python's backtracking engine a long
# line of repeated ``travis_fold:`` or ``The command "`` took quadratic time (0.3 s for 28 KB).
# What ``markertext.travis_command`` reads, as a regex (the tests compare the two).
_TRAVIS_CMD = Re2Groups(r"^(?:.*?travis_(?:fold|time):\S*?)?\$ (?P<cmd>\S.*)", anchored=True)
_TRAVIS_END = Re2Groups(r"The command \"(?P<cmd>.*)\" (?:failed and )?exited with (?P<code>\d+)", anchored=False)
# A command with a newline in it ends its "The command" line on the next line.
_TRAVIS_OPEN_END = lazyre.compile(r"The command \"(?P<cmd>.*)$")
_TRAVIS_END_REST = lazyre.compile(r"^[^\"]*\" (?:failed and )?exited with (?P<code>\d+)")
_TRAVIS_DONE = lazyre.compile(r"Done\. Your build exited with (?P<code>\d+)")
_TRACE = lazyre.compile(r"^\+{1,3} (?P<cmd>\S.*)")
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
# Azure Pipelines: a task, its script's output, its failure.
_AZURE_TASK = lazyre.compile(r"^##\[section\]Starting: (?P<name>.+)")
_AZURE_OUTPUT = lazyre.compile(r"^=+ Starting Command Output =+\s*$")
_AZURE_EXIT = lazyre.compile(r"^##\[error\].*?(?:exited with code|failed with exit code:?) '?(?P<code>\d+)")
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
# GNU make 4 names the makefile and line before the target: ``[Makefile:12: lint]``.
_RECIPE = lazyre.compile(r"g?make(?:\[\d+\])?: \*\*\* \[(?:[^\]]*: )?(?P<target>[^\]:]+)\] Error (?P<code>\d+)")


# The markers that say nothing but a flag, made once: a frozen Marker costs ~2 µs to build, per line.
_ENDGROUP = Marker(endgroup=True, ci=RUNNER)
_ERROR = Marker(error=True, ci=RUNNER)
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
# The runner's own steps of a GitHub Actions job open with no ``##[group]Run``: a post step (an action's
# cleanup) and the job's last step. They ran after the job's work. (Their first lines, as the runner
# prints them: https://github.com/actions/runner/blob/main/src/Runner.Worker/JobExtension.cs)
_OLD_FILE = Marker(diff=OLD_FILE)
_VSO_ERROR = Marker(error=True, ci=AZURE)
_VSO_FAILED = Marker(code=1, error=True, ci=AZURE)
_RUNNER_STEPS = {
    "Post job cleanup.": Marker(opens="Post job cleanup", kind="step", aside=True, ci=GHA),
    "Cleaning up orphan processes": Marker(opens="Complete job", kind="step", aside=True, ci=GHA),
}
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


def marker(raw: str, text: str | Callable[[], str], read: str | None = None) -> Marker | None:
    """Classify a marker line: ``raw`` is decoded with runner markers, ``text`` normalised.

    Each regex is tried only where a literal it needs is in the line (the guards say no
    more than the regex does): most lines the scan hands over are none of them, and
    trying every regex cost ~10 µs a line, a fifth of a triage of real logs. ``text``
    may be the function that makes it, and ``read`` the line as read (before redaction):
    then it is made only where a check needs it (``markertext.LazyText.holds``).
    """
    body = unstamped(raw)
    said = LazyText(text, read)
    command = body[:1] in ("$", "+")
    if command:  # most marker lines: a command line, then the checks below are misses
        if found := _command(body):
            return found
        if found := _trace(body, said, command):
            return found
    if body[:4] == "@@ -" and (counts := hunk_counts(said())):
        return Marker(diff=HUNK, hunk=sum(counts))
    if found := _runner_marker(body, said):
        return found
    if said.holds('The command "'):
        if groups := _TRAVIS_END(said()):
            return Marker(code=int(str(groups["code"])), closes=groups["cmd"], ci=TRAVIS)
        if m := _TRAVIS_OPEN_END.search(said()):
            return Marker(pending=m["cmd"], ci=TRAVIS)
    if said.holds("exited with "):
        if '" ' in said() and (m := _TRAVIS_END_REST.search(said())):
            return Marker(code=int(m["code"]), continued=True, ci=TRAVIS)
        if m := _TRAVIS_DONE.search(said()):
            return Marker(code=int(m["code"]), build=True, ci=TRAVIS)
    if not command and (found := _command(body)):  # after Travis' fold and time markers
        return found
    if body[:1] in ("P", "C") and (step := _RUNNER_STEPS.get(body.rstrip())) is not None:
        return step
    if found := _platform_marker(body):
        return found
    if ": *** [" in said() and (m := _RECIPE.search(said())):
        return Marker(recipe=m["target"].strip(), code=int(m["code"]))
    return None if command else _trace(body, said, command)  # (a command line's trace was read above)


def _trace(body: str, said: LazyText, command: bool) -> Marker | None:
    """A shell trace ``+ cmd``, not a diff's ``+++ file``; as written (``command``), ``+++ name`` also opens
    a Buildkite group, but a line that only reads as a trace once normalised (a colour) opens nothing."""
    if not (m := _TRACE.match(said())) or diff_file(said()):
        return None
    group = _group(body) if command else None
    opens, kind = (group.opens if group else None), "step" if command else ""
    return Marker(traced=m["cmd"].strip(), opens=opens, kind=kind, weak=bool(group), diff=new_file(said()))


def _runner_marker(body: str, said: LazyText) -> Marker | None:
    """The GitHub Actions runner's own lines: a step's group, its exit line, an ``##[error]``."""
    if body.startswith("##["):  # the commonest marker lines: a step's group opening or ending (no text needed)
        if body.startswith("##[group]Run ") and (cmd := body[13:].partition("\n")[0]):  # _GHA_STEP
            return Marker(opens=cmd.strip(), kind="step", ci=GHA)
        if body.startswith("##[endgroup]"):  # _GHA_ENDGROUP
            return _ENDGROUP
    if said.holds("Process completed with exit code ") and (m := _GHA_EXIT.search(said())):
        return Marker(code=int(m["code"]), error=True, ci=RUNNER)
    # A linter's annotation at a location (golangci-lint's, ruff's ``##[error]a.go:3:5: msg``) is output.
    if body.startswith("##[error]") and not located(body[9:]):
        if m := _AZURE_EXIT.match(body):
            return Marker(code=int(m["code"]), error=True, ci=RUNNER)
        return _ERROR  # _GHA_ERROR
    return None


def _command(body: str) -> Marker | None:
    """A command line: ``$ cmd``, also after Travis' ``travis_fold:``/``travis_time:`` markers."""
    if "$" in body and (cmd := travis_command(body.replace("\r", ""))) is not None:
        return Marker(opens=cmd.strip(), kind="command", ci=TRAVIS if "travis_" in body else SHELL)
    return None


def _platform_marker(body: str) -> Marker | None:
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
        return _group(body) or _OLD_FILE
    return _group(body) if body[:4] in ("~~~ ", "+++ ") else None


def _group(body: str) -> Marker | None:
    """A Buildkite group line: ``~~~`` says the log is Buildkite's; ``---`` and ``+++`` open groups only there."""
    if (m := _BUILDKITE.match(body)) and not (_NOT_GROUP.search(m["name"]) or diff_file(body)):
        tilde, old = m["mark"] == "~~~", OLD_FILE if m["mark"] == "---" else ""
        return Marker(opens=m["name"].strip(), kind="step", weak=not tilde, buildkite=tilde, ci=BUILDKITE, diff=old)
    return None
