"""The generic error block of a failed section: where the cause is when no rule knows the tool.

What a failing tool printed last is why it failed: the last cluster of lines
that read as errors (error wording, ``file:line:`` diagnostics, failure
headers, frames), above the build driver's epilogue (``npm ERR!`` lifecycle
lines, ``make: *** [x] Error 1``, Gradle's ``FAILURE:``), which only says that
the tool failed. The exit line itself is never the cause.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from autoheal import asciitwin, blocks, causewords, lazyre, tallies

Known = Callable[[str], bool]
# Lines just above the exit line shown when the failed section printed nothing that reads as an error.
LAST_WORDS = 6
# How far from a section's end a driver's epilogue ("npm ERR!", "make: ***", Gradle's "FAILURE:") reaches.
EPILOGUE = 30
GAP = 5  # lines without an error signal a block may span (a blank line, a path, "Found in:")
# A checker's findings, whatever severity it prints them at: a located line (``file:line[:col]``,
# hadolint's ``-:4``, dialyzer's short ``file:line:warning_name``), prettier's ``[warn] path``, a rule code with a severity (``SC2115 (warning)``).
# A linter run with --max-warnings 0 or a warning threshold fails on them, so when nothing in the
# failed section reads as an error, they are what it failed on (rather than its last words).
# The located file has an extension (``a/b.tsx``), is a well-known extension-less file, or is stdin
# (``-``): ``127.0.0.1:5000 GET /`` and ``localhost:8080 ready`` are not findings.
_FILE = r"(?:[\w./-]*\.[A-Za-z]\w{0,5}|[\w./-]*(?:Dockerfile|Containerfile|Makefile|Jenkinsfile|Gemfile|Rakefile)|-)"
_FINDING = lazyre.compile(
    rf"^\s*(?:{_FILE}:\d+(?::\d+)?(?::[a-z_]+)?:?\s+\S|\[warn(?:ing)?\]\s+[\w./-]+\.\w+\s*$)|"
    r"\b[A-Z]{1,4}\d{3,5}\b:? \(?(?:warning|info|style|note|error|convention)\b",
    re.I,
)


# A call's frame in a JVM or JavaScript trace: ``at pkg.Cls$Inner.m(Cls.java:12)``, ``(Native Method)``, a
# Spock feature's ``at pkg.Spec.a name with spaces(Spec.groovy:3)``, V8's ``at fn (/a/b.js:3:5)`` and ``at /a/b.js:3:5``.
_CALL_FRAME = asciitwin.lazy(
    r"^\s*at (?:[^()\n]+\((?:[^()\n]*\.\w+:\d+(?::\d+)?|Native Method|Unknown Source|native)\)|\S+\.\w+:\d+:\d+)\s*$"
)


# A row of a linter's "stylish" report, under the file's name: ``  36:25  error  Unexpected any  rule-id``
# (ESLint's default formatter, https://eslint.org/docs/latest/use/formatters/#stylish; stylelint's, textlint's and
# solhint's print the same rows, stylelint with ``✖``/``⚠`` for the severity). A compiler puts the file first.
_STYLISH_ROW = lazyre.compile(r"^\s+\d+:\d+\s+(?:error|warning|✖|⚠|×)\s+\S")
_RULE_ID = lazyre.compile(r"[@\w][\w@/.-]*")
# PHP_CodeSniffer's full report's rows, under ``FOUND 3 ERRORS AFFECTING 2 LINES``: `` 7 | ERROR | [x] msg``
# (https://github.com/PHPCSStandards/PHP_CodeSniffer/wiki/Reporting).
_TABLE_ROW = lazyre.compile(r"^\s*\d+ \| (?:ERROR|WARNING) \| ")
_ERROR_ROW = lazyre.compile(r"^\s*\d+(?::\d+\s+(?:error|✖|×)\s| \| ERROR \| )")


def linter_report(block: list[str], reach: int = 12) -> bool:
    """The block opens with rows of a linter's report (two at least, among its first ``reach`` lines), one of them
    an error's (warnings alone fail no job)."""
    rows = [text for text in block[:reach] if _stylish_row(text) or _TABLE_ROW.match(text)]
    return len(rows) >= 2 and any(_ERROR_ROW.search(text) for text in rows)


def _stylish_row(text: str) -> bool:
    """A row: its place and severity, then the message and, after two spaces or more, the rule's id."""
    message, _, rule = text.rstrip().rpartition("  ")
    return bool(message) and _STYLISH_ROW.match(text) is not None and _RULE_ID.fullmatch(rule.strip()) is not None


def finding(text: str) -> bool:
    """A checker's finding (``src/a.ts:3:1: x``, ``[warn] a.md``, ``SC2115 (warning)``); a backtrace's frame
    (``/app/x.rb:3:in `f'``) is none."""
    return bool(_FINDING.search(text)) and not blocks.frame(text)


# A tally whose label says failure and whose value is nought (KICS' ``Queries failed to execute: 0``, a script's
# ``Number of errors in tests: 0``): a line of a report that says nothing failed.
_NOUGHT = lazyre.compile(r"(?i)^\s*(?:[\w ]{0,30}\W)?(?:errors?|failures?|failed)(?:[^\w:=][\w ]{0,30})?[:=] *0\s*$")


# A comparison a check logs as it goes: ``expected=1024, actual=1024``, ``expected: 3 got: 3``.
_COMPARED = lazyre.compile(r"(?i)\bexpected[=:] ?(?P<want>[^,;\s]+)[,;]? (?:actual|got|found)[=:] ?(?P<got>[^,;\s]+)")


# A notice that something is not done, by choice, with its reason (``validation.go:50: [479.9s] Skipping x:
# sentinel file /etc/x not found``): the reason's error words are why it was skipped, not a failure.
_SKIPPING = lazyre.compile(r"^\s*(?:\S+:\d+:\s+)?(?:\[[^\]]*\]\s+)?(?:Skipping|Skipped|Ignoring)\b")


def _agreed(text: str) -> bool:
    """The line logs a comparison whose expected and actual values are the same."""
    m = _COMPARED.search(text)
    return m is not None and m["want"] == m["got"]


def _score(text: str, last: bool) -> int:
    """A line's error score; among the tool's last words (``last``), a line in the words of a cause
    (causewords.py: ``need auth``, ``Resource not accessible by integration``) reads as an error even without
    an error word (a server's ``401 Unauthorized`` logged mid-run, above what failed, does not). A call's
    frame is part of a trace, never its error: the words are a method's name (``Try$Failure.get``)."""
    score = blocks.error_score(text)
    if score > 1 and _CALL_FRAME.match(text):
        return 1
    if score and _NOUGHT.match(text):
        return 0  # a tally that counts no failure says nothing failed
    if score and (_agreed(text) or _SKIPPING.match(text)):
        return 1  # a check that found what it expected, or one it chose not to run: a log line, not a failure
    return score if score >= 2 or not last or blocks.chatter(text) or not causewords.line_category(text) else 2


def _clusters(scored: list[tuple[int, str, int]]) -> list[list[tuple[int, str, int]]]:
    """Runs of error-signal lines, split by chatter, a symptom line or more than GAP quiet lines."""
    clusters: list[list[tuple[int, str, int]]] = []
    current: list[tuple[int, str, int]] = []
    quiet = 0
    for item in scored:
        if item[2] > 0:
            current.append(item)
            quiet = 0
            continue
        quiet += 1
        # A command's "it failed" line ends what it printed: the driver's epilogue is a block of its own. A
        # pointer to more (rustc's ``For more information about this error, try ...``) closes the block
        # above without ending it: cargo's ``error: could not compile`` below it is the same failure's.
        if current and (quiet > GAP or blocks.chatter(item[1]) or _ends_output(item[1])):
            clusters.append(current)
            current, quiet = [], 0
    return clusters + ([current] if current else [])


def _ends_output(text: str) -> bool:
    return blocks.symptom(text) and not blocks.pointer(text)


def _tag(text: str) -> str:
    """A line's leading tag: its first word, two when the first is short (``npm ERR!``, ``make[1]:``)."""
    words = text.split()
    return " ".join(words[:2]) if words and len(words[0]) <= 4 else (words[0] if words else "")


def _before_epilogue(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines before a build driver's epilogue: from the end, its symptom lines and the lines that
    carry the same tag (``npm ERR! code ELIFECYCLE`` ... ``npm ERR! <script>: `<cmd>```) leave."""
    tags = {_tag(t) for _, t in body[-EPILOGUE:] if blocks.symptom(t)} - {""}
    end = len(body)
    while end > 0:
        text = body[end - 1][1]
        if not (blocks.blank(text) or blocks.chatter(text) or blocks.symptom(text) or _tag(text) in tags):
            break
        if causewords.line_category(text):
            break  # a line that says the cause (npm's ``npm ERR! code ENEEDAUTH``) is no epilogue
        end -= 1
    return body[:end] if end else body


def anchor(tail: list[tuple[int, str]], known: Known) -> tuple[int, bool] | None:
    """The first error line of the last error block of a failed section's last lines.

    What a failing tool printed last is why it failed; the exit line itself is not.
    False with the line when nothing reads as an error: then it is the first of
    the last few lines the tool printed.
    """
    # The last line is the exit line, unless it says the cause or reads as an error that is no runner's verdict
    # (an action's ``core.setFailed`` message: ``##[error]Failed to run: Error: Unexpected HTTP response: 404``).
    closing = tail[-1][1] if tail else ""
    own = causewords.line_category(closing) or (blocks.error_score(closing) >= 2 and not blocks.symptom(closing))
    exits = len(tail) > 1 and not own
    body = _before_epilogue(tail[:-1] if exits else tail)
    words = [(n, t) for n, t in body if not (blocks.blank(t) or blocks.chatter(t) or blocks.symptom(t) or known(t))]
    last = {n for n, _ in words[-LAST_WORDS:]}
    scored = [(n, t, 0 if known(t) else _score(t, n in last)) for n, t in body]
    strong = [c for c in _clusters(scored) if max(s for _, _, s in c) >= 2]
    findings = [(n, 1 if finding(t) else 0) for n, t in words]
    found = [n for n, f in findings if f]
    # Findings printed after the last error cluster are what the tool said last (the cluster is
    # setup: a pull's "Unable to find image locally", an install's error it recovered from).
    if strong and not (found and found[-1] > strong[-1][-1][0]):
        best = strong[-1]
        details = _details_above(words, best) if _count_only(best) else None
        return details or _first_error(best), True
    if found:
        return _last_run(findings), bool(strong)
    return (words[-LAST_WORDS:][0][0], False) if words else None


# A line that says where a finding is: a path with an extension (``manifests/api.yaml: replicas ...``).
_PATHLIKE = lazyre.compile(r"(?:^|\s)[\w./-]*\w\.[A-Za-z]\w{0,5}(?::|\s|$)")


# A located line that states a check's outcome is an assertion's message (``x_test.go:46: got 3, want 4``).
_ASSERTS = lazyre.compile(r"(?i)\b(?:got|want|wanted|expected|actual|received)\b")


def _first_error(cluster: list[tuple[int, str, int]]) -> int:
    """The cluster's first error line; when that is a message at a source location that says no error (a
    test's ``t.Log`` line, ``validation.go:47: No critical kernel issues found``: a diagnostic's shape alone),
    the first of the lines that also say one (``validators.go:860: FAIL: ...``)."""
    lines = [(n, t, s) for n, t, s in cluster if s >= 2 and not blocks.header(t)]
    if not lines:
        return cluster[0][0]
    n, text, score = lines[0]
    if score == 2 and blocks.located(text) and not _ASSERTS.search(text):
        return next((m for m, _, s in lines if s >= 3), n)
    return n


def _count_only(cluster: list[tuple[int, str, int]]) -> bool:
    """A cluster whose error lines only count what failed (``Found 2 errors.``, ``3 problems found``, htmlhint's
    ``Scanned 8 files, found 2 errors in 1 files``)."""
    return all(blocks.summary(t) or tallies.tally(t) for _, t, s in cluster if s > 0)


def _details_above(words: list[tuple[int, str]], cluster: list[tuple[int, str, int]]) -> int | None:
    """The first line that says where of the paragraph a count-only summary closes (a tool no rule knows
    prints its findings in its own shape, then counts them): the details, not the count, are the cause."""
    start = cluster[0][0]
    paragraph: list[tuple[int, str]] = []
    for n, text in reversed([w for w in words if w[0] < start]):
        if (paragraph[-1][0] if paragraph else start) - n > 2 or start - n > EPILOGUE:
            break  # a blank run (words hold none) ends the paragraph
        paragraph.append((n, text))
    located = [n for n, t in paragraph if finding(t) or _PATHLIKE.search(t) or blocks.error_score(t) > 0]
    return min(located) if located else None


def _last_run(marked: list[tuple[int, int]]) -> int:
    """The first line of the last run of marked lines (a run may skip GAP unmarked lines)."""
    found = [n for n, f in marked if f]
    start = found[-1]
    for n in reversed(found[:-1]):
        if start - n > GAP:
            break
        start = n
    return start
