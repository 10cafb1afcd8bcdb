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
actions, ``after_script``, cleanup, a skipped stage) are never where it failed.

Inside a section, two kinds of sub-command are recorded (``SubCommand``): a
shell trace ``+ <command>`` (``set -x``; ``++`` for a nested one) opens the
output of that command, and make's ``make: *** [<target>] Error N`` closes
the recipe of ``<target>``, which failed (the innermost recipe says so first).
They name what failed inside a step that runs a script or make, and bound
where its output is.

The scanner finds marker lines in its own pass over the raw bytes
(``MARKER_BYTES`` joins its prefilter), so sectioning costs no second pass over lines.
"""

from __future__ import annotations

from dataclasses import dataclass

# Re-exported: the scanner and the engines read the markers through this module.
from autoheal.markers import MARKER_BYTES as MARKER_BYTES
from autoheal.markers import Marker as Marker
from autoheal.markers import marker as marker
from autoheal.markers import step_marker as step_marker

PASSED, FAILED, UNKNOWN = "passed", "failed", "unknown"
CLOSE_REACH = 32


@dataclass(slots=True)
class Section:
    """Lines ``start``..``end`` (1-based, inclusive) of one document: one step or command."""

    start: int
    command: str
    kind: str  # "step" (GitHub Actions, Azure, Buildkite, a Jenkins stage), "command" (Travis, GitLab), "log"
    end: int = 0
    aside: bool = False  # ran after the job's work (post-build actions, after_script, cleanup, a skipped stage)
    status: str = UNKNOWN
    exit_line: int | None = None  # the line that says the section failed
    exit_code: int | None = None
    body: int = 0  # the first line of output, after the step's header group (the script echo, shell, env)

    @property
    def output_start(self) -> int:
        return self.body or (self.start + 1 if self.kind in ("step", "command") else self.start)


@dataclass(frozen=True, slots=True)
class SubCommand:
    """A command inside section ``section``: a shell trace (its output follows) or a make recipe that failed."""

    line: int
    command: str
    kind: str  # "trace" or "recipe"
    section: int
    code: int | None = None


class Sectioner:
    """Builds a document's sections from its marker lines, in order."""

    def __init__(self, name: str | None) -> None:
        self.sections = [Section(1, name or "", "step" if name else "log")]
        self.pending: str | None = None
        self.commands: list[SubCommand] = []
        self.buildkite = False  # a ``~~~`` group was seen: ``---`` and ``+++`` lines open groups too
        self.aside = False  # in a phase aside (GitLab's after_script...): commands opened there are aside too
        self.closed: int | None = None  # the index of the section the last marker gave an exit line

    @property
    def current(self) -> int:
        return len(self.sections) - 1

    def feed(self, line: int, found: Marker) -> None:
        if found.weak and found.opens is not None and self.buildkite:
            self._open(line, found)
            return
        if found.traced is not None or found.recipe is not None:
            kind = "trace" if found.traced is not None else "recipe"
            command = found.traced if found.traced is not None else found.recipe
            self.commands.append(SubCommand(line, command or "", kind, self.current, found.code))
            return
        if found.opens is not None:
            self._open(line, found)
            return
        if found.body:
            self.sections[-1].body = self.sections[-1].body or line + 1
            return
        if found.aside and found.code is None:
            self.sections[-1].aside = True
            return
        if found.endgroup:
            current = self.sections[-1]
            if current.kind == "step" and not current.body:
                current.body = line + 1
            return
        if found.pending is not None:
            self.pending = found.pending
            return
        if found.continued:
            found, self.pending = Marker(code=found.code, closes=self.pending or ""), None
        target = self._target(found)
        if found.build and (not found.code or any(s.status == FAILED for s in self.sections)):
            return
        if found.last_work and found.code and any(s.status == FAILED for s in self.sections):
            return  # the job's status repeats what a section said
        if found.code is not None:
            target.status = FAILED if found.code else PASSED
            if found.code:
                target.exit_line, target.exit_code = line, found.code
                self.closed = self._index(target)
        elif found.error and target.status == UNKNOWN:
            target.status, target.exit_line = FAILED, line
            self.closed = self._index(target)
        if found.then and found.code:
            self._open(line + 1, Marker(opens=found.then, kind="step", aside=True))

    def _index(self, target: Section) -> int:
        return next(i for i in range(len(self.sections) - 1, -1, -1) if self.sections[i] is target)

    def _open(self, line: int, found: Marker) -> None:
        if found.weak and not self.buildkite:
            return
        self.buildkite = self.buildkite or found.buildkite
        if found.kind == "step":
            self.aside = found.aside
        self.sections[-1].end = line - 1
        self.sections.append(Section(line, found.opens or "", found.kind, aside=found.aside or self.aside))

    def _target(self, found: Marker) -> Section:
        """Travis closes a command by name: the latest section running it, else the current one.

        A job's status printed after its end (Jenkins Pipeline, GitLab CI, a build's
        last line) goes to the last section that ran the job's work, not one aside.
        """
        if found.last_work or found.build:
            return next((s for s in reversed(self.sections[-CLOSE_REACH:]) if not s.aside), self.sections[-1])
        if found.closes:
            # The command just run, or one a few spurious ``$ `` lines of its output ago: looking
            # further back would cost a pass over every section per marker on a long log.
            for section in reversed(self.sections[-CLOSE_REACH:]):
                if found.closes.startswith(section.command) or section.command.startswith(found.closes):
                    return section
        return self.sections[-1]

    def finish(self, total: int) -> list[Section]:
        """Close the last section; what ran before the first failure evidently passed."""
        self.sections[-1].end = total
        first = next((i for i, s in enumerate(self.sections) if s.status == FAILED), None)
        for section in self.sections[: first or 0]:
            if section.status == UNKNOWN:
                section.status = PASSED
        return self.sections


def failed_sections(sections: list[Section]) -> list[Section]:
    return [s for s in sections if s.status == FAILED]


def section_of(sections: list[Section], line: int) -> Section | None:
    for section in reversed(sections):
        if section.start <= line:
            return section
    return None


def failing_command(commands: list[SubCommand], section: int, before: int | None) -> SubCommand | None:
    """What failed inside a section: the innermost make recipe that failed, else the last traced command."""
    mine = [c for c in commands if c.section == section and (before is None or c.line <= before)]
    recipe = next((c for c in mine if c.kind == "recipe"), None)
    traces = [c for c in mine if c.kind == "trace"]
    return recipe or (traces[-1] if traces else None)


def job_has_steps(sections: list[Section]) -> bool:
    return any(s.kind in ("step", "command") for s in sections)
