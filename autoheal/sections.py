"""Sections of a log: the steps or commands a CI job ran, and which one failed the job.

A section starts at a step or command marker and ends where the next one
starts:

- GitHub Actions steps, Travis CI commands, Jenkins freestyle build steps and
  Pipeline stages, GitLab CI phases and commands, Azure Pipelines tasks and
  Buildkite groups (``markers`` reads each platform's marker lines);
- a plain log (Maven, CircleCI's step logs) is one section.

A job's status printed after its end (Jenkins Pipeline's ``ERROR: script
returned exit code N``, GitLab's ``ERROR: Job failed``, a build's last line)
fails the last section that ran the job's work: sections aside (post-build
actions, a stage's ``Post stage``, ``after_script``, cleanup, a skipped stage)
are never where it failed, but for a Jenkins publisher's own ``ERROR: Step '<name>'
failed`` after build steps that all passed, or a Text Finder's search of the build's files
that failed it (``freestyle``).

Inside a section, two kinds of sub-command are recorded (``SubCommand``): a
shell trace ``+ <command>`` (``set -x``; ``++`` for a nested one) opens the
output of that command, and make's ``make: *** [<target>] Error N`` closes
the recipe of ``<target>``, which failed (the innermost recipe says so first).
They name what failed inside a step that runs a script or make, and bound
where its output is. A diff's lines shaped as traces (``+++ x``, an added `` x``) are the diff's (``DIFF``).

A log is from one CI: the first marker in its first ``HEAD_LINES`` lines that
only one CI prints tells which (``marks``), and from then on another CI's
markers are output, not read. A log whose head tells none is read with all.

The scanner finds marker lines in its own pass over the raw bytes
(``MARKER_BYTES`` joins its prefilter), so sectioning costs no second pass over lines.
"""

from __future__ import annotations

from autoheal import freestyle

# Re-exported: the scanner and the engines read the markers through this module, and the
# section values (``sectiontable``) with them.
from autoheal.cimarkers import QUOTE as QUOTE
from autoheal.dialect import HEAD_LINES
from autoheal.diffs import Follower
from autoheal.markers import MARKER_BYTES as MARKER_BYTES
from autoheal.markers import Marker as Marker
from autoheal.markers import marker as marker
from autoheal.marks import BUILDKITE, CI_NAMES, TELL
from autoheal.sectiontable import CLOSE_REACH as CLOSE_REACH
from autoheal.sectiontable import DIFF
from autoheal.sectiontable import FAILED as FAILED
from autoheal.sectiontable import PASSED as PASSED
from autoheal.sectiontable import UNKNOWN as UNKNOWN
from autoheal.sectiontable import Section as Section
from autoheal.sectiontable import Sections as Sections
from autoheal.sectiontable import SubCommand as SubCommand
from autoheal.sectiontable import failing_command as failing_command
from autoheal.sectiontable import jenkins_lines as jenkins_lines
from autoheal.uploads import is_upload

# Sections a document may open; later markers read as output of the last one. A real 1 GB log
# opens ~75k; a hostile one of ``$ a`` lines two million per 8 MB (56 bytes each, packed).
MAX_SECTIONS = 500_000
MAX_TRACES = 256  # per section: the last traced commands (the one before the exit line failed)
MAX_RECIPES = 16  # per section: the first failed make recipes (the innermost comes first)


class Sectioner:
    """Builds a document's sections from its marker lines, in order."""

    def __init__(self, name: str | None) -> None:
        self.sections = Sections(Section(1, name or "", "step" if name else "log"))
        self.pending: str | None = None
        # Per section: only a failed section's sub-commands (or the last one's) are ever read, so
        # those of a section frozen (out of reach) without failing are dropped.
        self.by_section: dict[int, list[SubCommand]] = {}
        self.traced_line = 0  # the line of the last shell trace (or diff line) fed: the scan marks a hit there an echo
        self.diffs = Follower()  # a diff's ``+++ x`` and added `` x`` lines read as traces: they are the diff's
        self.failed = 0  # how many sections have failed so far
        self.buildkite = False  # a ``~~~`` group was seen: ``---`` and ``+++`` lines open groups too
        self.aside = False  # in a phase aside (GitLab's after_script...): commands opened there are aside too
        self.closed: int | None = None  # the index of the section the last marker gave an exit line
        self.failed_at: list[int] = []  # the sections marked failed, by index (the first few)
        self.post_failed = False  # a post-build action failed the build: its sections stay candidates
        # A Jenkins freestyle build step or checkout was seen: only then does a publisher's first line
        # (``Archiving artifacts``) open the post-build actions; a Travis or GitLab ``$ cmd`` may print it.
        self.jenkins = False
        self.ci = 0  # the CI the log's head told (``marks``), 0 until then (and for good past the head)

    @property
    def dialect(self) -> str:
        """The CI the log is from, as its head told it, or "plain"."""
        return CI_NAMES.get(self.ci, "plain")

    @property
    def current(self) -> int:
        return len(self.sections) - 1

    @property
    def commands(self) -> list[SubCommand]:
        return [c for index in sorted(self.by_section) for c in self.by_section[index]]

    def _record(self, command: SubCommand) -> None:
        """Keep a section's first recipes and last traces: all that ``failing_command`` reads.

        Bounded because a ``set -x`` loop prints millions of traces (8 MB of ``+ a`` held 390 MB).
        """
        if command.echoed:
            self.traced_line = command.line
        mine = self.by_section.setdefault(command.section, [])
        if command.kind == "recipe" and sum(c.kind == "recipe" for c in mine) >= MAX_RECIPES:
            return
        mine.append(command)
        if len(mine) > 2 * MAX_TRACES:  # trim in batches: once per MAX_TRACES traces (a diff's lines with them)
            traces = [c for c in mine if c.echoed]
            drop = {id(c) for c in traces[: len(traces) - MAX_TRACES]}
            mine[:] = [c for c in mine if id(c) not in drop]

    def feed(self, line: int, found: Marker) -> None:
        if (found.diff or self.diffs.reach) and not (found.weak and self.buildkite) and self.diffs.shown(line, found):
            if found.traced is not None:  # a diff's line: an echo (in Buildkite, ``+++ x`` is a group)
                self._record(SubCommand(line, found.traced, DIFF, self.current))
            return
        if found.ci and not self._of_this_ci(line, found):
            return
        if not self._structure(line, found):
            self._status(line, found)

    def _of_this_ci(self, line: int, found: Marker) -> bool:
        """Whether a CI's marker is read: the log's own CI's, or any while the head told none (a line that
        only tells the CI says nothing more)."""
        if self.ci:
            return bool(found.ci & self.ci) and found.kind != TELL
        self._tell(line, found)
        return found.kind != TELL

    def _structure(self, line: int, found: Marker) -> bool:
        """A marker that opens a section, records a sub-command or marks where output starts; False for
        one that says a status."""
        if found.weak and found.opens is not None and self.buildkite:
            self._open(line, found)
        elif found.traced is not None or found.recipe is not None:
            kind = "trace" if found.traced is not None else "recipe"
            command = found.traced if found.traced is not None else found.recipe
            self._record(SubCommand(line, command or "", kind, self.current, found.code))
        elif found.opens is not None:
            self._open(line, found)  # (by what was seen before this line: ``freestyle.opens``)
            self.jenkins = self.jenkins or found.jenkins
        elif found.body:
            self.sections.last.body = self.sections.last.body or line + 1
        elif found.aside and found.code is None:
            self.sections.last.aside = True
        elif found.endgroup:
            current = self.sections.last
            if current.kind == "step" and not current.body:
                current.body = line + 1
        elif found.pending is not None:
            self.pending = found.pending
        else:
            return False
        return True

    def _status(self, line: int, found: Marker) -> None:
        """A marker that says a section's (or the job's) status: exit code, error annotation, verdict."""
        if found.continued:
            found, self.pending = Marker(code=found.code, closes=self.pending or ""), None
        if found.aside and found.code:  # a post-build action's own error
            if freestyle.publisher_fails(self.sections, self.failed):
                self._fail(self.sections.last, line, 1)
                self.post_failed = True
            return
        if found.then and self.sections.last.aside and not self.failed:  # a publisher marked the build failed
            found, self.post_failed = freestyle.marked_failed(self.sections, found), True
        target = self._target(found)
        if found.build and (not found.code or self.failed):
            return
        if found.last_work and found.code and self.failed:
            return  # the job's status repeats what a section said
        if found.code:
            self._fail(target, line, found.code)
        elif found.code is not None:
            self._set_status(target, PASSED)
        elif found.error and target.status == UNKNOWN:
            self._set_status(target, FAILED)
            target.exit_line = line
            self.closed = self._index(target)
        if found.then and found.code:
            self.jenkins = True  # "Build step '...' marked build as failure"
            self._open(line + 1, Marker(opens=found.then, kind="step", aside=True))

    def _fail(self, target: Section, line: int, code: int) -> None:  # the section the job closed at, so far
        self._set_status(target, FAILED)
        target.exit_line, target.exit_code = line, code
        self.closed = self._index(target)

    def _tell(self, line: int, found: Marker) -> None:
        """A marker only one CI prints, in the log's head, tells the log's CI, unless it is one that CI's
        lines may only look like (a Buildkite ``---`` group is a diff's header elsewhere)."""
        ci = found.ci
        # (A Text Finder's ``Checking <regex>`` is any tool's words too: twine's ``Checking dist/x: PASSED``.)
        if line <= HEAD_LINES and not ci & (ci - 1) and not found.weak and found.kind != QUOTE:
            self.ci = ci
            self.buildkite = self.buildkite or ci == BUILDKITE

    def _set_status(self, target: Section, status: str) -> None:
        self.failed += (status == FAILED) - (target.status == FAILED)
        if status == FAILED and target.status != FAILED and len(self.failed_at) < CLOSE_REACH:
            self.failed_at.append(self._index(target))
        target.status = status

    def _index(self, target: Section) -> int:
        live = self.sections.live
        return len(self.sections) - len(live) + next(i for i in range(len(live) - 1, -1, -1) if live[i] is target)

    def _open(self, line: int, found: Marker) -> None:
        full = len(self.sections) >= MAX_SECTIONS
        if (found.weak and not self.buildkite) or full or not freestyle.opens(self.sections, found, line, self.jenkins):
            return
        self.buildkite = self.buildkite or found.buildkite
        if found.kind == "step":
            self.aside = found.aside
        sections = self.sections
        sections.last.end = line - 1
        frozen = sections.append(Section(line, found.opens or "", found.kind, aside=found.aside or self.aside))
        if frozen is not None and frozen.status != FAILED:
            self.by_section.pop(len(sections) - len(sections.live) - 1, None)

    def _noise_uploads(self) -> None:
        """A failed upload (artifacts, a cache) is noise when another section failed, or one after it said
        it passed: the job went on, or had failed already."""
        sections = self.sections
        for index in self.failed_at:
            if sections.status(index) != FAILED or not self._uploads(index):
                continue
            others = [i for i in self.failed_at if i != index and sections.status(i) == FAILED]
            live = sections.live[max(0, index + 1 - (len(sections) - len(sections.live))) :]
            if others or any(s.status == PASSED for s in live):
                sections.settle(index, PASSED)
                self.failed -= 1

    def _uploads(self, index: int) -> bool:
        """Section ``index`` uploads: by its command, or the last command it traced (a post-build script's)."""
        traces = [c.command for c in self.by_section.get(index, ()) if c.kind == "trace"]
        return is_upload(self.sections[index].command) or bool(traces and is_upload(traces[-1]))

    def _target(self, found: Marker) -> Section:
        """Travis closes a command by name: the latest section running it, else the current one.

        A job's status printed after its end (Jenkins Pipeline, GitLab CI, a build's
        last line) goes to the last section that ran the job's work, not one aside.
        """
        if found.last_work or found.build:
            return next((s for s in reversed(self.sections.live[-CLOSE_REACH:]) if not s.aside), self.sections.last)
        if found.closes:
            # The command just run, or one a few spurious ``$ `` lines of its output ago: looking
            # further back would cost a pass over every section per marker on a long log.
            for section in reversed(self.sections.live[-CLOSE_REACH:]):
                if found.closes.startswith(section.command) or section.command.startswith(found.closes):
                    return section
        return self.sections.last

    def finish(self, total: int) -> Sections:
        """Close the last section; what ran before the first failure evidently passed.

        An upload that failed, followed by a section that then said its status, did not end the
        job: it passed as far as the job is concerned. Sections aside after the work that failed
        (post-build actions, after_script) are context, never the cause: they passed too, unless
        a post-build action is what failed the build.
        """
        sections = self.sections
        sections[-1].end = total
        sections.ci = self.ci
        self._noise_uploads()
        if self.failed and not self.post_failed:
            frozen = len(sections) - len(sections.live)
            failed = [i for i in self.failed_at if sections.status(i) == FAILED and not sections[i].aside]
            for offset, section in enumerate(sections.live):
                if section.aside and section.status == UNKNOWN and failed and frozen + offset > failed[0]:
                    section.status = PASSED
        first = next((i for i in range(len(sections)) if sections.status(i) == FAILED), None) if self.failed else None
        for index in range(first or 0):
            if sections.status(index) == UNKNOWN:
                sections.settle(index, PASSED)
        return sections
