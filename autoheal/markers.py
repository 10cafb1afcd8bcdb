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
and then only that CI's markers are read. ``marker`` reads one line (``cimarkers`` the lines of the
CIs after GitHub Actions and Travis CI);
``sections.Sectioner`` builds the sections from what the lines say. ``MARKER_BYTES`` is the byte regex of the lines that may
be markers: it joins the scanner's one pass (Hyperscan must accept it; the
disk cache is keyed on it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from autoheal import lazyre
from autoheal.blocks import located
from autoheal.cimarkers import group, platform_marker
from autoheal.diffs import diff_file, hunk_counts, new_file
from autoheal.markerbytes import MARKER_BYTES as MARKER_BYTES
from autoheal.markerbytes import MARKER_LITERALS as MARKER_LITERALS
from autoheal.markerbytes import MARKER_STARTS as MARKER_STARTS
from autoheal.markertext import LazyText, Re2Groups, travis_command
from autoheal.marks import GHA, HUNK, RUNNER, SHELL, TRAVIS
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
# A task's exit status in the runner's own ``##[error]`` line (Azure Pipelines' ``Bash exited with code '1'.``).
_AZURE_EXIT = lazyre.compile(r"^##\[error\].*?(?:exited with code|failed with exit code:?) '?(?P<code>\d+)")
# GNU make 4 names the makefile and line before the target: ``[Makefile:12: lint]``.
_RECIPE = lazyre.compile(r"g?make(?:\[\d+\])?: \*\*\* \[(?:[^\]]*: )?(?P<target>[^\]:]+)\] Error (?P<code>\d+)")


# The markers that say nothing but a flag, made once: a frozen Marker costs ~2 µs to build, per line.
_ENDGROUP = Marker(endgroup=True, ci=RUNNER)
_ERROR = Marker(error=True, ci=RUNNER)
# The runner's own steps of a GitHub Actions job open with no ``##[group]Run``: a post step (an action's
# cleanup) and the job's last step. They ran after the job's work. (Their first lines, as the runner
# prints them: https://github.com/actions/runner/blob/main/src/Runner.Worker/JobExtension.cs)
_RUNNER_STEPS = {
    "Post job cleanup.": Marker(opens="Post job cleanup", kind="step", aside=True, ci=GHA),
    "Cleaning up orphan processes": Marker(opens="Complete job", kind="step", aside=True, ci=GHA),
}


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
    if found := platform_marker(body):
        return found
    if ": *** [" in said() and (m := _RECIPE.search(said())):
        return Marker(recipe=m["target"].strip(), code=int(m["code"]))
    return None if command else _trace(body, said, command)  # (a command line's trace was read above)


def _trace(body: str, said: LazyText, command: bool) -> Marker | None:
    """A shell trace ``+ cmd``, not a diff's ``+++ file``; as written (``command``), ``+++ name`` also opens
    a Buildkite group, but a line that only reads as a trace once normalised (a colour) opens nothing."""
    if not (m := _TRACE.match(said())) or diff_file(said()):
        return None
    grouped = group(body) if command else None
    opens, kind = (grouped.opens if grouped else None), "step" if command else ""
    return Marker(traced=m["cmd"].strip(), opens=opens, kind=kind, weak=bool(grouped), diff=new_file(said()))


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
        cmd, ci = cmd.strip(), TRAVIS if "travis_" in body else SHELL
        return _opens(cmd, ci) if len(cmd) <= SHARED_COMMAND else Marker(opens=cmd, kind="command", ci=ci)
    return None


# The longest command whose marker is kept for the lines that run it again: at most 1,024 of them held.
SHARED_COMMAND = 200


@lru_cache(maxsize=1024)
def _opens(cmd: str, ci: int) -> Marker:
    """The marker of a command line, made once per command: a log runs its commands again (682 distinct of 3,028
    Travis command lines on 68 MB of real logs, each with its own fold and time ids), and a frozen Marker costs
    ~2 µs to build (frozen, it is the same value wherever it is shared)."""
    return Marker(opens=cmd, kind="command", ci=ci)
