"""The details a verdict counts: where and why a failure happened, printed above the verdict.

The generic error block of a failed section is the last that reads as an error
(generic.py); when that is a verdict or an epilogue without details of its own,
the cause is the details just above it (rootcause.py asks ``above``).
"""

from __future__ import annotations

import re

from autoheal import blocks, lazyre
from autoheal.cause import Known

# How far above a verdict without details the details it counts are looked for.
DETAILS_REACH = 30
# What says where and why a failure happened, not only that it did: a location in a source file
# (``src/a.cpp:51``, ``'test-round.R:9:3'``, Perl's ``at t/a.t line 12``), a stack frame, a
# qualified exception (``java.lang.ArithmeticException``), an expected/actual pair (``got: 'ab'``).
_LOCATED_ANYWHERE = re.compile(
    r"(?:^|[\s('\"`\[]|file://)(?P<file>[\w./\\-]*[\w-]\.[A-Za-z]\w{0,5}):\[?\d+|\bat \S+\.\w{1,6} line \d+"
)
_EXCEPTION = re.compile(r"\b[a-z]\w*(?:\.\w+)+\.[A-Z]\w*(?:Exception|Error)\b")
_EXPECTED = re.compile(r"(?i)^[\s#>|*:-]*(?:expected|actual|got|want|received|but was)\b")
# A build definition's own location (``build.xml:88: Test failures``) says which step of the build
# failed, not why: the build driver's epilogue.
_BUILD_FILE = lazyre.compile(r"(?i)(?:^|/)(?:build\.xml|pom\.xml|build\.gradle(?:\.kts)?|CMakeLists\.txt)$")
_QUOTED = 12  # a line repeating an earlier one's last this-many characters at least repeats it
# What a diagnostic says after who printed it, where and how severe (``src/a.ts:1:2: ERROR: x``, ``✘ [ERROR] x``):
# the message two reports of one error share. Longer than a word or two, so a bare ``failed`` is none.
_MESSAGE = lazyre.compile(r"(?i)^.*?\b(?:error|fatal)\b\]?:?\s+(?P<message>\S.{15,})$")
# How many lines under a report's first line may repeat an earlier message (its header, then the message).
_REPORT = 2
_LOCATED = re.compile(r"^\S+?:\d+(?::\d+)?: ")


def detail(text: str) -> bool:
    """Whether a line says where or why a failure happened (not a warning's location)."""
    if blocks.blank(text) or blocks.warning(text) or blocks.located_warning(text):
        return False
    m = _LOCATED_ANYWHERE.search(text)
    if m is not None and not (m["file"] and _BUILD_FILE.search(m["file"])):
        return True
    return blocks.frame(text) or bool(_EXCEPTION.search(text) or _EXPECTED.match(text))


def _location_only(text: str) -> bool:
    """A line that is a detail only by a source location inside it, with no word of an error, frame,
    exception or expected/actual: what a runner prints for every step it ran, passing or not."""
    return (
        blocks.error_score(text) == 0
        and not blocks.frame(text)
        and not (_EXCEPTION.search(text) or _EXPECTED.match(text))
        and detail(text)
    )


def _repeats(cores: list[str], i: int) -> bool:
    """Whether line ``i`` quotes one printed above it, or ends as it does (a builder's ``last 3 log lines:
    > ...``, BuildKit's summary of the step that failed, each under its own prefix): the line above
    is the report, this its echo. ``cores``: every line's ``_core``, computed once for the whole tail."""
    core = cores[i]
    if len(core) < _QUOTED:
        return False
    return any(len(e) >= _QUOTED and (e.endswith(core) or core.endswith(e)) for e in cores[:i])


def _core(text: str) -> str:
    return text.strip().lstrip(">|").strip()


def _paragraph_end(texts: list[str], idx: int) -> int:
    """Where the verdict's paragraph ends: at its first blank line. Below it is the driver's next report
    (Gradle's ``2: Task failed with an exception.``), whose details are not this verdict's own."""
    return next((i for i in range(idx + 1, len(texts)) if blocks.blank(texts[i])), len(texts))


def above(lines: list[tuple[int, str]], at: int, known: Known, paragraph: bool = False) -> int:
    """The first line of the details a verdict counts, when the block at ``at`` has none of its own.

    A tool that found something prints its findings, then its verdict (CTest's
    ``1 tests failed out of 4``, prove's ``Result: FAIL``, Gradle's ``* What went
    wrong:``, R CMD check's ``Status: 1 ERROR``), and the build driver its
    epilogue; the generic block, the last that reads as an error, is then the
    verdict, which says that something failed, not where nor why. When it holds
    no detail of its own (a location, a frame, an exception, expected/actual;
    a line quoting one above does not count) and details were printed just
    above it, the cause is their block: the first cause wins over what counts it. With ``paragraph``, the
    verdict's own lines end at its paragraph (a rule's hit on one report of a driver's list of them).
    """
    idx = next((i for i, (n, _) in enumerate(lines) if n == at), None)
    if idx is None:
        return at
    texts = [t for _, t in lines]
    cores = [_core(t) for t in texts]
    own = _paragraph_end(texts, idx) if paragraph else len(texts)
    if any(detail(texts[i]) and not _repeats(cores, i) for i in range(idx, own)):
        return at
    found = next(
        (
            i
            for i in range(idx - 1, max(-1, idx - DETAILS_REACH - 1), -1)
            if detail(texts[i]) and not known(texts[i]) and not _repeats(cores, i)
        ),
        None,
    )
    if found is None:
        return at
    first, quiet = found, 0
    for i in range(found - 1, max(-1, found - DETAILS_REACH), -1):
        text = texts[i]
        if known(text) or blocks.chatter(text) or blocks.symptom(text):
            break
        if _location_only(text):
            continue  # a passing step's source location (behave's ``# steps/a.py:12``): walked past, never first
        if detail(text) or blocks.error_score(text) > 0:
            first, quiet = i, 0
        elif blocks.blank(text) and quiet == 0:
            quiet = 1
        else:
            break
    return lines[first][0]


def _message(text: str) -> str | None:
    m = _MESSAGE.match(text.strip())
    return m["message"].strip() if m else None


def original(lines: list[tuple[int, str]], at: int, known: Known) -> int:
    """The first report of the error the report at ``at`` repeats: a tool that prints an error twice (esbuild's
    ``✘ [ERROR] x`` with its code frame, then the ``Error: Build failed with 1 error:`` / ``a.ts:1:2: ERROR: x``
    it throws; a summary's line of a finding) said it first with its details; the first cause wins."""
    texts = dict(lines)
    hit = texts.get(at, "")
    # Below the hit only a located repeat (``a.ts:1:2: ERROR: x``) is the thrown report's own: any other
    # line there is the tool's next output, and a message it prints again says nothing of the hit.
    below = [t for n, t in lines if at < n <= at + _REPORT and _LOCATED.match(t.strip())]
    said = {m for m in map(_message, [hit, *below]) if m}
    if not said:
        return at
    # A word-for-word repeat is a retry (cause.last_attempt keeps the last attempt, which failed the job).
    earlier = (n for n, t in lines if at - DETAILS_REACH <= n < at and t.strip() != hit.strip())
    return next((n for n in earlier if _message(texts[n]) in said and not known(texts[n])), at)
