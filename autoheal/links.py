"""Which link of a ``&&`` chain failed (``script/lint && script/build && script/test`` as one step).

A chain stops at its first failing link: the links after it never ran and printed nothing. So the
failing command is not the chain's last but the last link that shows it ran: its command line echoed
above the error block (``+ script/build``, ``$ script/build``, a script that prints its own command line);
else the links that could have printed the block. A test runner that ran printed a run (its cases'
``ok`` / ``FAIL`` lines, a count of tests, passed or failing, an expected and an actual value): with none
in the section and no test runner's verdict, the trailing test links never ran (the link then named is a
checker or a build, never an install: its failure has rules of its own). A checker's findings
(``src/a.ts:1: missing license header``, no error wording) are the block of a checker among the links; a
build link that said it finished (``Build complete!``, ``Finished `dev` profile``) passed, so a checker after
it failed, whatever its findings' wording (swift-format's ``a.swift:3:1: error: [Indentation] ...``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from autoheal import linear
from autoheal.chains import compiled
from autoheal.generic import finding
from autoheal.tools import COMPILE, LINT, TEST, command_category

Numbered = Sequence[tuple[int, str]]

# Every pattern here reads attacker-controlled lines: RE2 (linear.py), the word boundaries written out.
_B, _E = linear.WORD_START, linear.WORD_END
# A test run's own lines: a case's result leading its line, a count of tests, passing words, an expected
# value against what came (worded as runners print them: TAP, go, mocha, Jest, RSpec, an HTTP test's check).
_TEST_RAN = linear.lazy(
    r"^\s*(?:ok|not ok|PASS|FAIL|✓|✔|✗|✘|×)(?:\s|:|$)|"
    rf"{_B}\d+ (?:tests?|specs?|examples?|scenarios?|cases?|assertions?){_E}|{_B}(?:passed|passing){_E}|"
    rf"{_B}expected{_E}.*{_B}(?:got|actual|received|but was){_E}",
    ignorecase=True,
)
# What precedes a command line a shell or a script echoes: ``set -x``'s ``+``, a prompt's ``$``, npm's ``>``.
_ECHO = linear.lazy(r"^\s*(?:\++|\$|>)\s+")
_ERROR_WORD = linear.lazy(rf"{_B}(?:error|fatal){_E}", ignorecase=True)


class Link(NamedTuple):
    """The command that failed (one link of a chain, or the whole command line) and what it is (tools.py)."""

    command: str
    category: str | None


def commands_above(output: Numbered, at: int) -> Iterator[tuple[int, str, str]]:
    """The lines of ``output`` above line ``at``, last first: each line's number, its text and the command line
    it would echo (without ``+``, ``$`` or npm's ``>``), the one walk every reader of echoed commands makes."""
    for n, text in reversed(output):
        if n < at:
            yield n, text, " ".join(_ECHO.sub("", text).split())


def _links(command: str) -> list[str]:
    """The links of a one-line ``&&`` chain (none for any other command line)."""
    if "\n" in command.strip() or "&&" not in command:
        return []
    return [link.strip() for link in command.split("&&") if link.strip()]


def _echoed(links: list[str], output: Numbered, at: int) -> int | None:
    """The index of the last link whose command line the output echoed."""
    # Each link normalised once (two links that read the same keep the later index), then one lookup
    # a line: the output can be long, so never links x lines of re-normalising.
    index = {" ".join(link.split()): i for i, link in enumerate(links)}
    return next((index[c] for _, _, c in commands_above(output, at) if c in index), None)


def _built(categories: list[str | None], output: Numbered) -> int:
    """How many links passed by the build links' own words that they finished (0: none said so): each
    build's word (cargo's ``Finished``, SwiftPM's ``Build complete!``) passes the build links in turn."""
    builds = [i for i, c in enumerate(categories) if c == COMPILE]
    # One build's words may be a run of lines (CMake's ``[100%] Built target x`` per final target): a run is one.
    marks = [compiled(t) for _, t in output]
    said = sum(1 for i, m in enumerate(marks) if m and not (i and marks[i - 1]))
    return builds[min(said, len(builds)) - 1] + 1 if builds and said else 0


def failing_link(command: str, output: Numbered, at: int, block: Sequence[str], tests_ran: bool) -> Link:
    """The link of ``command`` that failed, given the section's ``output`` above the error block at ``at`` and
    the ``block`` itself; ``tests_ran`` says a test runner's verdict was read in the section. Not a chain of
    links of several categories: ``command`` itself."""
    links = _links(command)
    categories = [command_category([link]) for link in links]
    whole = Link(command, next((c for c in reversed(categories) if c), None) if links else command_category([command]))
    if len(set(categories)) < 2:
        return whole
    echoed = _echoed(links, output, at)
    if echoed is not None:
        return Link(links[echoed], categories[echoed])
    ran = tests_ran or any(_TEST_RAN.search(t) for t in [*(t for _, t in output), *block])
    end = len(links)
    while not ran and end > 1 and categories[end - 1] == TEST:
        end -= 1
    # Once tests ran, every link before them passed: a checker among the links is one after them; so is one
    # after a build that said it finished, whatever its findings' wording.
    first = max((i + 1 for i in range(end) if categories[i] == TEST), default=0) if ran else 0
    built = _built(categories, output)
    checker = [i for i in range(max(first, built), end) if categories[i] == LINT]
    # A build after the checker could have failed instead (``... && swift build -c release``), but the code
    # the first build compiled rarely fails to compile again, and a checker's findings are common.
    if checker and (built or any(finding(t) and not _ERROR_WORD.search(t) for t in block)):
        return Link(links[checker[-1]], LINT)
    # Only a checker or a build is named so: an install's failure is read by its own rules (``npm ERR!``), and
    # an install's success is what it printed above a test tool no rule knows.
    dropped = end < len(links) and categories[end - 1] in (LINT, COMPILE)
    return Link(links[end - 1], categories[end - 1]) if dropped else whole
