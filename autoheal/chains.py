"""What follows from what: a cause over its consequences, a block's header over the detail below it.

The choice of the root cause (cause.py) ranks hits by rule priority, then corrects the ranking
with how failures follow from each other in a log: a failure that commonly follows from an
earlier one (``CONSEQUENCES``: a missing module, then a compile error) is not the cause; a
block's header is the same failure as the detail just below it, which says why; a cause inside
the indented block a header heads (Gradle's chain down to a 401) is why the header failed; a
syntax error in an installed package's file says the runtime is too old for it; a file missing just
after a failure to make or fetch that very file (a denied copy, a refused download) follows from it; a
process killed after its run had ended with failing tests (a wrapper stopping it) follows from them.
"""

from __future__ import annotations

from autoheal import blocks, lazyre, tallies
from autoheal.scan import Hit
from autoheal.verdicts import MIN_CAUSE, TEST, failing_above, strongest

# What commonly follows from a failure of each kind, later in the same section: the cause comes first.
CONSEQUENCES: dict[str, frozenset[str]] = {
    "network": frozenset({"dependency.missing", "dependency.resolution", "file.not.found", "command.not.found"}),
    "dependency.resolution": frozenset(
        {"dependency.missing", "compile.error", "command.not.found", "file.not.found", TEST}
    ),
    "dependency.missing": frozenset({"compile.error", "command.not.found", "file.not.found", TEST}),
    "runtime.version": frozenset({"dependency.resolution", "dependency.missing", "syntax.error", "compile.error"}),
    "compile.error": frozenset({"dependency.missing", "file.not.found", TEST}),
    "syntax.error": frozenset({"compile.error", TEST}),
    "command.not.found": frozenset({"file.not.found"}),
    # A refused login or permission on a registry: the resolution or download that needed it fails.
    "credentials": frozenset({"dependency.missing", "dependency.resolution", "file.not.found"}),
    "permission": frozenset({"dependency.missing", "dependency.resolution"}),
    TEST: frozenset({"file.not.found", "permission"}),
}

# How close below a block's header its detail line sits; how far, when the lines between are indented under it.
DETAIL = 2
BLOCK = 8


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" >"))


def detail_of(detail: Hit, header: Hit) -> bool:
    """``detail`` sits below ``header`` and details it: just below, when the header opens a block or the
    detail is indented under it; further down, when every line up to it is indented under the header
    (a resolver's summary and its ``Problem 1`` list). Then the header is the same failure, not an
    earlier cause."""
    gap = detail.line - header.line
    if not 0 < gap <= BLOCK or detail.doc is not header.doc:
        return False
    base = _indent(header.text)
    if gap <= DETAIL and (blocks.header(header.text) or _indent(detail.text) > base):
        return True
    between = header.after[: gap - 1]
    return (
        _indent(detail.text) > base
        and len(between) == gap - 1
        and all(blocks.blank(t) or _indent(t) > base for t in between)
    )


def nested_cause(best: Hit, hits: list[Hit]) -> Hit:
    """A cause inside the indented block the chosen hit heads (Gradle's ``> Could not resolve ...`` chain
    down to ``Received status code 401``): the block's header fails because of it, so it wins."""
    inner = [
        h
        for h in hits
        if h.doc is best.doc
        and h.line > best.line
        and h.rule.priority >= MIN_CAUSE
        and best.rule.category in CONSEQUENCES.get(h.rule.category, ())
        and detail_of(h, best)
    ]
    return strongest(inner, best)


# A header that says only where the message below it comes from, not what is wrong: a severity word
# (after a tool's name), a location and at most the command that raised it, then a colon. CMake's
# ``CMake Error at <file>:<line> (<command>):`` over a message(FATAL_ERROR), find_package or include
# message (https://cmake.org/cmake/help/latest/command/message.html), its generate-time
# ``CMake Error in <file>:``, a compiler's bare ``a.c:3:1: error:``.
# A token's locations are tried from its start only (``(?<!\S)``): tried at each of its characters, ``\S+``
# ran to the token's end every time, so one 16 KB token took 4.6 s (a log's line is the attacker's).
# (``\S+`` takes a location's further ``:col`` too: a ``(?::\d+)*`` after it scanned the token again at each colon.)
_LOCATION = lazyre.compile(r"(?<!\S)\S+:\d+:?(?=\s|$)|(?<!\S)\S*\w\.\w+$|\([\w.-]*\)|\bline \d+\b")
_SEVERITY = lazyre.compile(r"(?i)^(?:\w+ )?(?:error|fatal error|fatal|failure)(?: (?:at|in|from|on))?$")


def where_only(text: str) -> bool:
    """The line is a header that only says where: take its locations away and a severity word is left."""
    line = text.strip()
    if not line.endswith(":"):
        return False
    rest, found = _LOCATION.subn(" ", line[:-1].rstrip())
    return found > 0 and bool(_SEVERITY.match(" ".join(rest.split())))


def told_below(best: Hit, hits: list[Hit]) -> Hit:
    """A header that only says where: the cause a rule finds in the message it heads wins, whatever its
    rank (the header's own category is a guess; the words under it say what is wrong)."""
    if not where_only(best.text):
        return best
    return strongest([h for h in hits if h.rule.category != best.rule.category and detail_of(h, best)], best)


def first_cause(best: Hit, hits: list[Hit]) -> Hit:
    """An earlier hit whose failure ``best`` commonly follows from, else ``best``."""
    seen = {id(best)}
    for _ in range(3):  # a short chain: resolution -> missing -> compile
        causes = [
            h
            for h in hits
            if h.doc is best.doc
            and h.line < best.line
            and id(h) not in seen
            and h.rule.priority >= MIN_CAUSE
            and best.rule.category in CONSEQUENCES.get(h.rule.category, ())
            and not detail_of(best, h)
        ]
        if not causes:
            return best
        best = strongest(causes, best)
        seen.add(id(best))
    return best


# An installed package's file (site-packages, node_modules, a gem, a Go or Cargo module cache).
_INSTALLED = lazyre.compile(
    r"[/\\](?:site-packages|dist-packages|node_modules|gems|\.cargo[/\\]registry|pkg[/\\]mod)[/\\]"
)
# How far above a syntax error the file it names sits (Python: ``File "...", line N``, the code, the caret).
_WHERE = 4


def installed(best: Hit, hits: list[Hit]) -> Hit:
    """A syntax error in an installed package's file is not the project's: the runtime is older than the
    package needs (f-strings under Python 3.5, optional chaining under Node 12), when a rule says so."""
    if best.rule.category != "syntax.error" or not any(
        _INSTALLED.search(t) for t in [*best.before[-_WHERE:], best.text]
    ):
        return best
    return next(
        (h for h in hits if h.doc is best.doc and h.line == best.line and h.rule.category == "runtime.version"), best
    )


# A compiler's or build system's own word that the build finished: cargo's ``Finished `release` profile [...]
# target(s) in 3s`` (older: ``Finished release [optimized] target(s)``), Gradle's and Maven's ``BUILD
# SUCCESS(FUL)``, SwiftPM's ``Build complete! (12.3s)``, MSBuild's ``Build succeeded.``, CMake's makefiles'
# ``[100%] Built target x``: what says a build link passed.
_BUILT = (
    r"^\s*Finished\s+(?:`\w+` profile|release|dev|test|debug)\b.*\btarget\(s\) in\b|"
    r"^\s*(?:\[INFO\] )?BUILD SUCCESS(?:FUL)?\b|^\s*Build (?:complete!|succeeded\.)|^\s*\[100%\] Built target \S"
)
_COMPILED = lazyre.compile(_BUILT)
# Any tool's own word that it finished what it was run for: a build's, or docker's ``Successfully built`` /
# ``Successfully tagged``, pip's ``Successfully installed``.
_SUCCEEDED = lazyre.compile(_BUILT + r"|^\s*Successfully (?:built|tagged|installed) \S")


def compiled(text: str) -> bool:
    """A compiler's or build system's own word that the build finished (cargo, Gradle, Maven, SwiftPM, MSBuild, CMake)."""
    return bool(_COMPILED.search(text))


def succeeded(text: str) -> bool:
    """A tool's own word that it finished what it was run for (a build, an install, an image)."""
    return bool(_SUCCEEDED.search(text))


def carried_on(best: Hit, hits: list[Hit]) -> Hit:
    """A failure the job went on past did not fail it: when a tool says below it that it finished its
    work (a cache upload's ``Unable to locate credentials``, then cargo's ``Finished``) and a failure of
    another kind, not one that follows from it, comes after that in the same section, the job stopped
    there: the cause is among the failures after the success."""
    later = [
        h
        for h in hits
        if h.doc is best.doc
        and h.section == best.section
        and h.line > best.line
        and h.rule.priority >= MIN_CAUSE
        and h.rule.category != best.rule.category
        and h.rule.category not in CONSEQUENCES.get(best.rule.category, ())
    ]
    if not later:
        return best
    between = best.after[: min(h.line for h in later) - best.line - 1]
    done = [best.line + 1 + i for i, text in enumerate(between) if succeeded(text)]
    after = [h for h in later if done and h.line > done[-1]]
    return strongest(after, best)


# A failure to make or fetch a file: a later error that this very file is missing follows from it.
_MAKING = frozenset({"permission", "network", "resource.exhausted", "credentials"})
# What a missing file fails: a compile (a header), a file or module lookup, a program run.
_MISSING = frozenset({"compile.error", "file.not.found", "dependency.missing", "command.not.found"})
# How far above the missing file's error the failure to make it may sit.
MADE = 40


def _base(path: str) -> str:
    return path.strip("'\"`‘’").rstrip("/").rsplit("/", 1)[-1]


# What ends a path's last part on a line: a space, a separator, a quote, a bracket, a colon.
_PATH_END = lazyre.compile(r"[\s/'\"`‘’(),:]+")


def _names(text: str, base: str) -> bool:
    """``text`` names the file ``base`` as a whole path's last part (``gen/version.h``, ``'version.h'``)."""
    return base in _PATH_END.split(text)


def not_made(best: Hit, hits: list[Hit]) -> Hit:
    """A missing file whose making failed just above (``cp: cannot create regular file 'gen/version.h':
    Permission denied``, then ``fatal error: version.h: No such file or directory``; a download refused,
    then the archive not found): the failure to make it is the cause, the missing file its consequence."""
    base = _base(best.captures.get("file", "")) if best.rule.category in _MISSING else ""
    if len(base) < 3 or "." not in base:
        return best  # a name too short or bare to tell one file from another
    earlier = [
        h
        for h in hits
        if h.doc is best.doc
        and h.section == best.section
        and 0 < best.line - h.line <= MADE
        and h.rule.category in _MAKING
        and h.rule.priority >= MIN_CAUSE
        and _names(h.text, base)
    ]
    return strongest(earlier, best)


# The catalogue's rule for a process's SIGKILL as its parent or shell reports it (rules.yaml).
_KILLED = "os.killed"


def killed_after(best: Hit, hits: list[Hit]) -> Hit:
    """A process killed (SIGKILL) after the test run in its section had ended with failing tests (their
    verdicts, then the run's own verdict or tally: go's ``--- FAIL: x`` and ``FAIL``): the kill came once
    the tests had failed (a wrapper stopping what it ran, a teardown), so the tests are the failure. A kill
    in the middle of the run (no verdict of the run's end above it) stays what killed it."""
    if best.rule.id != _KILLED:
        return best
    failing = failing_above(best, hits)
    if not failing:
        return best
    # The lines after the last failing verdict (itself left out: a per-class tally is no run's end).
    gap = best.line - max(h.line for h in failing)
    between = best.before[len(best.before) - gap + 1 :] if gap <= len(best.before) else best.before
    ended = any(blocks.summary(t) or tallies.tally(t) for t in between)
    return strongest(failing, best) if ended else best
