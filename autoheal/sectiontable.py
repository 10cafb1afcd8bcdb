"""A document's sections as values: ``Section`` (one step or command), ``SubCommand`` (a traced
command or a failed make recipe inside one) and ``Sections``, the table ``sections.Sectioner``
builds, which keeps a hostile log's hundreds of thousands of sections in int columns.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from autoheal.marks import JENKINS

PASSED, FAILED, UNKNOWN = "passed", "failed", "unknown"
CLOSE_REACH = 32
DIFF = "diff"  # a ``SubCommand`` kind: a diff's ``+++ x`` header or added `` x`` line, shaped as a shell trace
_STATUSES = (PASSED, FAILED, UNKNOWN)
_STATUS_INDEX = {status: index for index, status in enumerate(_STATUSES)}
_NONE = -(1 << 63)  # None in an int column
_MAX = (1 << 63) - 1


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
    """A command inside section ``section``: a shell trace (its output follows) or a make recipe that failed;
    or a line of a diff the script printed that reads as a trace (``DIFF``): an echo of a file, no command."""

    line: int
    command: str
    kind: str  # "trace", "recipe" or DIFF
    section: int
    code: int | None = None

    @property
    def echoed(self) -> bool:
        """A line the log echoes (a trace, or a diff's trace-shaped line), not a make recipe that failed."""
        return self.kind != "recipe"


class Sections(Sequence[Section]):
    """A document's sections: the last ``CLOSE_REACH + 1`` as objects, the older ones frozen into int columns.

    Only those last ones can change (a marker's target is among them), and a
    1 GB log opens ~75k sections: as objects with their ints and strings they
    held ~15 MB. A frozen one is rebuilt (an equal ``Section``) when read.
    """

    def __init__(self, first: Section) -> None:
        self.live = [first]
        self.last = first  # self.live[-1]: read once per marker line
        self._frozen = 0
        self._ints = array("q")  # start, end, body, exit_line, exit_code per frozen section
        self._small = array("I")  # command, kind (indexes into _names), status, aside
        self._names: list[str] = []
        self._name_index: dict[str, int] = {}
        self.ci = 0  # the CI the log's head told (``marks``), 0 for none: set when the document is read

    def __len__(self) -> int:
        return self._frozen + len(self.live)

    @overload
    def __getitem__(self, index: int) -> Section: ...
    @overload
    def __getitem__(self, index: slice) -> list[Section]: ...
    def __getitem__(self, index: int | slice) -> Section | list[Section]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if index >= self._frozen:
            return self.live[index - self._frozen]  # IndexError past the end
        if index < 0:
            raise IndexError(index)
        return self._thaw(index)

    def _thaw(self, index: int) -> Section:
        ints, small = self._ints[5 * index : 5 * index + 5], self._small[4 * index : 4 * index + 4]
        return self._section(*ints, *small)

    def _section(
        self,
        start: int,
        end: int,
        body: int,
        exit_line: int,
        exit_code: int,
        command: int,
        kind: int,
        status: int,
        aside: int,
    ) -> Section:
        """A frozen section's columns back as the ``Section`` it was."""
        return Section(
            start,
            self._names[command],
            self._names[kind],
            end,
            bool(aside),
            _STATUSES[status],
            None if exit_line == _NONE else exit_line,
            None if exit_code == _NONE else exit_code,
            body,
        )

    def __iter__(self) -> Iterator[Section]:
        # One pass over the columns (iterators, not a slice per section): a hostile log freezes 500,000.
        ints, small = iter(self._ints), iter(self._small)
        for frozen in zip(zip(ints, ints, ints, ints, ints), zip(small, small, small, small)):
            yield self._section(*frozen[0], *frozen[1])
        yield from list(self.live)

    def append(self, section: Section) -> Section | None:
        """Add ``section``; return the one frozen to make room, if any."""
        self.live.append(section)
        self.last = section
        if len(self.live) <= CLOSE_REACH + 1:
            return None
        old = self.live.pop(0)
        self._ints.extend((old.start, old.end, old.body, _opt(old.exit_line), _opt(old.exit_code)))
        self._small.extend((self._name(old.command), self._name(old.kind), _STATUS_INDEX[old.status], old.aside))
        self._frozen += 1
        return old

    def status(self, index: int) -> str:
        if index >= self._frozen:
            return self.live[index - self._frozen].status
        return _STATUSES[self._small[4 * index + 2]]

    def settle(self, index: int, status: str) -> None:
        if index >= self._frozen:
            self.live[index - self._frozen].status = status
        else:
            self._small[4 * index + 2] = _STATUS_INDEX[status]

    def _name(self, name: str) -> int:
        found = self._name_index.get(name)
        if found is None:
            found = self._name_index[name] = len(self._names)
            self._names.append(name)
        return found


def _opt(value: int | None) -> int:
    # A log may print any number as an exit status ("exited with 99999999999999999999"): the
    # column holds 64 bits, so a larger one is kept as the largest it can hold.
    if value is None:
        return _NONE
    return value if _NONE < value <= _MAX else (_MAX if value > 0 else _NONE + 1)


def failing_command(commands: list[SubCommand], section: int, before: int | None) -> SubCommand | None:
    """What failed inside a section: the innermost make recipe that failed, else the last traced command
    (a diff's lines shaped as traces are none)."""
    mine = [c for c in commands if c.section == section and (before is None or c.line <= before)]
    recipe = next((c for c in mine if c.kind == "recipe"), None)
    traces = [c for c in mine if c.kind == "trace"]
    return recipe or (traces[-1] if traces else None)


def jenkins_lines(sections: Sequence[Section]) -> bool:
    """Whether a document's ``[Pipeline]`` lines are Jenkins' own: its head told Jenkins, or told no CI
    (sections a Sectioner did not read, a test's list, told none)."""
    return not isinstance(sections, Sections) or sections.ci in (0, JENKINS)
