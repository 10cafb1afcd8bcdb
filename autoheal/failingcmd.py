"""What the failing command is, from its name, for a root cause no rule named (rootcause.py): its inner
commands', its sub-command's or its step's name in the tool table, the link of an ``&&`` chain whose output
the error block is (links.py), and whether a checker's command line was echoed just above the block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from autoheal import blocks, cause, cmdwords, generic, guards, innercmds, links, tools
from autoheal.cause import Scope
from autoheal.scan import Hit
from autoheal.tooltable import SUBCOMMANDS, TABLE


def tests_verdict(hits: Sequence[Hit]) -> bool:
    """A test runner's verdict was read among the section's hits: a driver's "tests failed" epilogue (npm's
    ``Test failed.``, at symptom priority) is none. The one test of "the tests gave a verdict"."""
    return any(h.rule.category == tools.TEST and h.rule.priority > cause.SYMPTOM for h in hits)


def command_category(scope: Scope, hits: Sequence[Hit], context: list[tuple[int, str]], at: int) -> str | None:
    """What the failing command is, from its name: its inner commands', its sub-command's, else the step's, or
    of its ``&&`` chain the link whose output the error block at ``at`` is (links.py)."""
    sub = scope.command
    inner = tools.command_category([*tools.inner_commands(t for _, t in scope.tail), *([sub.command] if sub else [])])
    if inner:
        return inner
    output = [(n, t) for n, t in context if scope.section.output_start <= n < at]
    block = [t for n, t in context if n >= at][: generic.EPILOGUE]
    # A log with no step line of the failed step's own (gh's output cut short) has gh's name for it (``Run tests``).
    step = scope.scan.doc.failed_step or ""
    return links.failing_link(scope.section.command or step, output, at, block, tests_verdict(hits)).category


# How far above the error block the command line that printed it is looked for.
ECHOED = 30
# A command line running a script of the project's own (``./scripts/run-tests.sh``, ``ci/check.py``):
# a tool the table cannot name (a vendored ``./tools/cpplint.py`` it can), whose output the lines below are.
_SCRIPT = re.compile(r"^(?:\./\S|(?:\S+/)?[\w.-]+\.(?:sh|bash|py|rb|pl)(?:\s|$))")


def _named(segment: str) -> str | None:
    """The category of a command line whose first word is a tool the tool table names (``cpplint src``,
    ``go vet ./...``): an output line that only starts with a word (``building ...``) names none."""
    words = segment.split()
    if not words or words[0] != words[0].lower():
        return None  # a capitalised first word is prose (``SpotBugs ended with exit code 1``), not a command
    name = cmdwords.tool_name(words[0])
    return TABLE.get(name) or (SUBCOMMANDS.get((name, words[1])) if len(words) > 1 else None)


def echoed_check(output: list[tuple[int, str]], at: int) -> bool:
    """A checker's command line was printed last above the error block, after any test runner's or script's: make
    echoes each recipe line before it runs it (``cpplint --recursive src``), npm a script's body
    (``> jshint lib && mocha``, where the tests never ran: they printed no verdict a rule knows)."""
    for n, text, _ in links.commands_above(output, at):
        if at - n > ECHOED:
            return False
        # npm's body only: a prompt's ``$ x`` echoed by a script runner (pnpm) read as a checker's command
        # line lowered the measured accuracy (public2), so only make's and npm's echoes count here.
        line = innercmds.npm_body(text) or text
        if text[:1].isspace() or blocks.error_score(line) > 0:
            continue
        can, cannot = guards.split_guarded(line)
        named = [c for c in map(_named, can) if c]
        if (named and named[0] == tools.TEST) or (_SCRIPT.match(line) and _named(line) is None):
            return False
        if tools.LINT in named:
            return True
        if any(map(_named, cannot)):
            return False  # the block is the output of a tool that could not fail the job (``cpplint src || true``)
    return False
