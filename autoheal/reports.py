"""A build tool's own report of a failed build, read to its verdict as one block (issue 8).

A JVM build driver closes a failed build with a report that announces itself and its parts
(https://docs.gradle.org/current/userguide/command_line_interface.html, ``--continue``: every
failure is reported at the end of the build):

- Gradle's ``FAILURE: Build completed with 2 failures.`` over numbered parts (``1: Task failed with
  an exception.``, its ``-----------``, ``* What went wrong:``, ``* Try:`` and a ``=====`` ruler),
  down to its verdict ``BUILD FAILED in 1m 12s`` (google/nomulus runs its CI with ``--continue`` to
  see every failed test task). Its one-failure report (``FAILURE: Build failed with an exception.``
  over one ``* What went wrong:``) is one part: ends.py reads it to its advice, and its verdict only
  says again that the build failed.

- Maven's ``BUILD FAILURE`` between two rulers, its ``Total time:`` and ``Finished at:``, then
  ``[ERROR] Failed to execute goal ...`` for each goal that failed (``-> [Help 1]`` and the advice
  under them). The goal's line often only points back (JaCoCo's ``Coverage checks have not been
  met. See log for details.``): what the goal said sits right above the report's upper ruler, its
  last ``[WARNING]``/``[ERROR]`` lines (``Rule violated for bundle ...``). The block of a goal's
  line starts there (``report_start``).

Read line by line, the report's fixed advice (``* Try:``, ``> Run with --stacktrace option ...``:
chatter, the same in every failed build) says nothing of a failure, and ended the block at the first
part's advice: the second failure was lost although the whole report fits. Here the advice is a
line of the report, not its end; excerpt.py's cleaning still leaves it out of the excerpt. A report
longer than the excerpt is cut as any long block (cut.py: its header, the first failure whole and
its summary).
"""

from __future__ import annotations

from autoheal import asciitwin, blocks, edges

Numbered = edges.Numbered
GAP = 4  # lines between a block's end and the report that opens below it (a task's ``> Task :test FAILED``)
REACH = edges.MAX_EXCERPT * 2  # how far below its opening line a report's verdict may be
HEAD = 8  # how far above a goal's failure Maven's ``BUILD FAILURE`` may be (its rulers, time, date, memory)
SAID = 5  # a goal's own warning and error lines above the report, at most

# The line a build tool's report opens with when it announces how many parts follow.
_OPENS = asciitwin.lazy(r"^\s*FAILURE: Build completed with \d+ failures?\.\s*$")
# The report's verdict, its last line.
_VERDICT = asciitwin.lazy(r"^\s*BUILD FAILED(?: in \S.*)?\s*$")
# The heading of one of its numbered parts.
_PART = asciitwin.lazy(r"^\s*\d+: Task failed with an exception\.\s*$")
# Maven's report: a goal's failure, the build's verdict, the report's ``[INFO]`` lines and its rulers, and
# the warning and error lines a goal prints as it fails.
_GOAL = asciitwin.lazy(r"^\s*\[ERROR\] Failed to execute goal ")
_MAVEN_VERDICT = asciitwin.lazy(r"^\s*\[INFO\] BUILD FAILURE\s*$")
_INFO = asciitwin.lazy(r"^\s*\[INFO\]")
_INFO_RULER = asciitwin.lazy(r"^\s*\[INFO\] -{20,}\s*$")
_SAID = asciitwin.lazy(r"^\s*\[(?:WARNING|ERROR)\] \S")
_ERROR = asciitwin.lazy(r"^\s*\[ERROR\]")
_BARE = asciitwin.lazy(r"^\s*\[ERROR\]\s*$")
# The advice under the last goal, the same in every failed build: where the goals end.
_MAVEN_ADVICE = asciitwin.lazy(
    r"^\s*\[ERROR\] (?:To see the full stack trace|Re-run Maven using|For more information about)"
)
# Its fixed advice under each part (blocks.py's chatter too): ``* Try:`` and the ``> Run with ...`` lines under it.
_ADVICE = asciitwin.lazy(r"^\s*(?:\* Try:|> Run with --|> Get more help at )")


def report_end(lines: Numbered, start: int, end: int) -> int:
    """The block's end (``start``..``end``) moved down to the verdict of the build tool's report that
    opens inside it or right below it, with only blank lines and a task's "it failed" line between
    (``> Task :test FAILED``); else ``end``. With no verdict within reach (a runner's line comes first:
    a Jenkins ``[Pipeline] }``), the report ends at its last line that is no chatter."""
    goal = next((i for i in range(start, end + 1) if _goal(lines[i][1])), None)
    if goal is not None:
        return _goals_end(lines, goal, end)
    opens = _opening(lines, start, end)
    if opens is None:
        return end
    last, new = opens, False
    for i in range(opens + 1, min(len(lines), opens + REACH)):
        text = lines[i][1]
        if _VERDICT.match(text):
            last = i
            break
        if edges.runner(text) or _opens(text) or (blocks.chatter(text) and not _advice(text)):
            break
        if not blocks.blank(text) and not _advice(text):
            last, new = i, new or _news(text)
    # A report below the block that only says again that the task failed (``Execution failed for task
    # ':test'.``, ``> There were failing tests.``) adds nothing to the run's verdict above it: not joined.
    return last if opens <= end or new else end


def _goals_end(lines: Numbered, goal: int, end: int) -> int:
    """For a block holding a goal's failure in Maven's report, its end moved down past the further goals
    that failed (``mvn -fae``: one ``[ERROR] Failed to execute goal ...`` each, with its messages) to the
    last before the report's general advice (``To see the full stack trace ...``); the ``-> [Help 1]``
    under a goal is advice, not the report's end."""
    last = end
    for i in range(goal + 1, min(len(lines), goal + REACH)):
        text = lines[i][1]
        if not _ERROR.match(text) or _MAVEN_ADVICE.match(text):
            break
        if _goal(text):
            last = i
        elif last > end and not (blocks.chatter(text) or _BARE.match(text)):
            last = i  # (a further goal's own messages: ``[ERROR] /w/A.java:[3,1] cannot find symbol``)
    return last


def _news(text: str) -> bool:
    """A line of a report that says more than that something failed: not its "it failed" lines, its
    headings (``* What went wrong:``, ``1: Task failed with an exception.``) or its rulers."""
    return not (blocks.symptom(text) or blocks.header(text) or edges.SEPARATOR.match(text) or _PART.match(text))


def report_start(lines: Numbered, at: int, start: int) -> int:
    """For a goal's failure in Maven's report (``[ERROR] Failed to execute goal``, the report's
    ``BUILD FAILURE`` a few ``[INFO]`` lines above it), ``start`` moved up to the goal's own last
    warning and error lines right above the report's upper ruler; else ``start``."""
    if not _goal(lines[at][1]):
        return start
    verdict = next((i for i in range(at - 1, max(-1, at - HEAD), -1) if _MAVEN_VERDICT.match(lines[i][1])), None)
    if verdict is None or not all(_INFO.match(t) for _, t in lines[verdict + 1 : at]):
        return start
    ruler = verdict - 1
    if ruler < 1 or not _INFO_RULER.match(lines[ruler][1]):
        return start
    top = ruler
    while top > 0 and ruler - top < SAID and _SAID.match(lines[top - 1][1]):
        top -= 1
    return min(start, top) if top < ruler else start


def _opening(lines: Numbered, start: int, end: int) -> int | None:
    """The index of the report's opening line inside the block or a few lines below it, else None."""
    for i in range(start, min(len(lines), end + GAP + 2)):
        text = lines[i][1]
        if _opens(text):
            return i
        if i > end and not (blocks.blank(text) or blocks.progress(text) == "fail"):
            return None
    return None


def _advice(text: str) -> bool:
    """A build tool's fixed advice inside its report (chatter to the excerpt, never the report's end)."""
    return bool(_ADVICE.match(text))


# (A literal first: every line of every block is asked, and few are a report's.)
def _goal(text: str) -> bool:
    return "Failed to execute goal " in text and bool(_GOAL.match(text))


def _opens(text: str) -> bool:
    return "FAILURE: Build completed" in text and bool(_OPENS.match(text))
