"""What a log line is, from general signals: chatter, a block header, an error, a diagnostic.

No tool is named here: these shapes are shared by the test runners, compilers
and linters of most ecosystems (``file:line:col:`` diagnostics, stack frames,
expected/actual diffs, ``FAILURES``/``ERRORS``/``Results:`` headers), so they
hold on logs of tools no rule knows.
"""

from __future__ import annotations

from functools import lru_cache

from autoheal import asciitwin, linear

# Which CI's own lines are chatter depends on the log's CI: told once per log (``cilines``).
from autoheal.cilines import pipeline_chatter as pipeline_chatter
from autoheal.cilines import pipeline_step as pipeline_step
from autoheal.diffs import hunk_counts

# How a tool frames its report (a line prefix, a box, a pointer to more) has its own module too.
from autoheal.framing import box_end as box_end
from autoheal.framing import pointer as pointer
from autoheal.framing import prefix as prefix

# The first lines of failure blocks, as patterns, have their own module (heads.py).
from autoheal.heads import HEADER, TITLED_LINE
from autoheal.passlines import PASSING_LINES

# A case's progress line has its own module; blocks.progress and blocks.case_name stay what callers use.
from autoheal.progress import case_name as case_name
from autoheal.progress import progress as progress

# Every pattern here reads attacker-controlled lines of up to 4,000 characters: RE2 (linear.py), not re.
# A word boundary is written out (RE2 has no Unicode ``\b``): linear.py's, one definition for every module.
_B = linear.WORD_START
_E = linear.WORD_END

# Lines a maintainer never needs: runner and CI bookkeeping, caches, uploads; passing tests are passlines.py's.
_CHATTER = asciitwin.lazy(
    r"^\s*(?:travis_(?:fold|time)|Done\. Your build exited|Process completed with exit code|"
    r"The command \".*\" (?:failed and )?exited with|\$ travis_|##\[(?:group|endgroup)\]|"
    r"Post job cleanup|Cleaning up orphan processes|section_(?:start|end):\d+:|Cache (?:saved|restored|not found)|"
    # GitLab's runner after a job's script: ``Saving cache for failed job``, ``Uploading artifacts for failed job``.
    r"(?:Saving cache|Uploading artifacts) for (?:successful|failed) job|"
    # make's own bookkeeping as it recurses (``make[1]: Leaving directory '/w/app'``).
    r"\S*make(?:\[\d+\])?: (?:Entering|Leaving) directory|"
    r"(?:store|Setting up|Uploading|Downloading|Downloaded|Checking|Nothing to|Skipping) "
    r"(?:build )?cache|Uploading|Downloading|Downloaded from|Progress \(\d+\)|"
    r"go: downloading|Collecting |Requirement already|Using cached|"
    # Turborepo's cache, before a task's lines (``@acme/ui:test: cache miss, executing 8b1c2d3e4f5a6b7c``).
    r"(?:\S+:\S+: )?cache (?:hit|miss|bypass)(?: \([^)]*\))?, (?:replaying logs|executing|force executing) [0-9a-f]+$|"
    # A build tool's fixed advice after its verdict, the same in every failed build (Maven's and Gradle's).
    r"(?:\[ERROR\] )?(?:-> \[Help \d+\]|To see the full stack trace of the errors|Re-run Maven using the -X|"
    r"For more information about the errors and possible solutions|\[Help \d+\] https?://|"
    r"Please refer to \S+ for the individual test results|Please refer to dump files|"
    r"After correcting the problems, you can resume the build|\s*mvn <args> -rf )|"
    r"> Run with --(?:stacktrace|info|debug|scan)|> Get more help at https://help\.gradle\.org|\* Try:$|"
    r"Deprecated Gradle features were used|You can use '--warning-mode all'|For more on this, please refer to https://docs\.gradle|"
    + PASSING_LINES
    + ")",
)
# A passing word ends the line, but not as a value: ``right: :ok`` (an Elixir atom), ``status=ok``, ``"ok"``.
_PASSING = asciitwin.lazy(
    r"(?:^|[^\pL\pN_:='\"`])(?:PASS(?:ED)?|passed|ok|OK)\s*(?:\(\d+(?:\.\d+)?\s*m?s\)|\[\s*\d+%\])?\s*$"
)
_WARNING = asciitwin.lazy(
    r"^\s*(?:\[?(?:WARN(?:ING)?|INFO|DEBUG|NOTICE)\]?[: ]|warning[:\[]|note:|hint:|npm (?:WARN|notice))",
    ignorecase=True,
)
_ERROR = asciitwin.lazy(
    r"(?i)(?:^|[^\pL\pN_-])(?:error|errors|fatal|failed|failure|failures|fail|exception|traceback|panic|abort(?:ed)?|"
    r"segmentation fault|cannot|can't|could not|couldn't|unable to|not found|no such|undefined|unexpected|"
    r"invalid|denied|refused|missing|mismatch|expected|timed out|killed)(?:[^\pL\pN_-]|$)"
)
_NO_ERRORS = asciitwin.lazy(
    "(?i)" + _B + "(?:0 (?:errors?|failures?|failed)|(?:errors?|failures?|failed)[:=] ?0|no errors)" + _E
)
_DIAGNOSTIC = asciitwin.lazy(
    r"^\s*\S+?\.\w{1,6}[:(]\d+(?:[:,]\d+)?\)?:?\s|^\s*[\w./-]*[A-Za-z][\w.-]*:\d+$|\(\d+,\d+\): (?:error|warning)|^\s*File \".+\", line \d+|"
    r"^\s*(?:Expected|Actual|expected|actual|got|want|Received)" + _E + r"|^\s*E\s{2,}\S|"
    # The location a compiler's message points at, on the line below it (rustc's ``  --> src/a.rs:3:5``); an
    # exception raised by its module path's ``exceptions`` class (``vyper.exceptions.UndeclaredDefinition: x``).
    r"^\s*--> \S+:\d+:\d+\s*$|^\s*(?:[a-z_]\w*\.)+exceptions?\.[A-Z]\w*: \S"
)
# Stack frames and indented continuations of a message: part of a block, not a failure alone.
# A tool may prefix every line it prints ("= ", "| ", "> "): the frame follows the prefix.
_FRAME = asciitwin.lazy(
    r"^(?:[=|>:]\s*)?(?:\s+(?:at \S|#\d+ |\S+\.\w{1,6}:\d+|\(\S+\) \S+:\d+|from \S+:\d+)|#\d+\s+0x[0-9a-f]+ in |"
    # Ruby's backtrace as rake and minitest print it, unindented: ``/app/lib/x.rb:12:in `parse'``, ``bin/rake:25:in `load'``.
    r"\s*\S+:\d+:in [`'‘])"
)
# A command's own "it failed" line: says that, not what failed (the exit line is never the cause).
_SYMPTOM = asciitwin.lazy(
    r"(?i)exit(?:ed)? (?:with )?(?:code |status )?\d+\.?\s*$|exit (?:code|status):? ?\d+|see above|"
    r"complete log of this run|not a problem with npm|ELIFECYCLE|Command failed with exit code|"
    r"\*\*\* \[.*\] Error \d+|errno \d+\s*$|^\s*(?:npm ERR!|error)\s*$|BUILD FAILURE|"
    r"Failed at the .+ script|run `?\S+ --help|for more (?:details|information)|--stacktrace|--debug|--info|"
    # A build driver's epilogue: it says that a task, goal or target failed, not why.
    r"^\s*(?:npm ERR! )?Test failed\.|FAILURE: Build failed|BUILD FAILED|Execution failed for task|"
    r"There were failing tests|Failed to execute goal|recipe for target .* failed|ERROR: Job failed|"
    # yarn's ``error Command failed with exit code 1.`` (npm 10's ``npm error command failed`` opens its report).
    r"error Command failed with |Tests? failed\.?\s*$|"
    # A CI server's own verdict on the build (Jenkins): that it failed, never why.
    r"^Finished: (?:FAILURE|ABORTED|UNSTABLE)\s*$|^Build step '.*' marked build as failure"
)
# A run's or tool's verdict, printed once its failures are shown: the end of their block.
# (go's package verdict, pytest/unittest/cargo/jest/rspec/phpunit/gradle/dotnet counts,
# mypy/tsc/eslint/rubocop/gcc/javac error totals.) Mocha's "N failing" comes before the
# failures it counts, and a Surefire class line with "<<<" before its test: headers, not ends.
_SUMMARY = asciitwin.lazy(
    r"^\s*(?:FAIL\s+\S+\s+(?:\d+(?:\.\d+)?s|\[(?:build|setup) failed\])$|FAIL$|"
    r"=+ (?:.*[^\pL\pN_])?[1-9]\d* (?:failed|errors?)(?:[^\pL\pN_].*)? in [\d.]+\s*m?s(?:[^\pL\pN_].*)?=+$|"
    r"FAILED \((?:failures|errors)=\d+|test result: FAILED\.|"
    r"Tests?:\s+\d+ failed|Test Suites:\s+\d+ failed|\d+ examples?, [1-9]\d* failures?|"
    r"Tests: \d+, Assertions: \d+|\d+ tests? completed, \d+ failed|Failed!\s+-\s+Failed:|"
    r"(?:\[ERROR\] )?Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+\s*$|"
    r"Found [1-9]\d* errors? in \d+ files?|[1-9]\d* (?:issues?|problems?|errors?|findings?) found"
    + _E
    + r"|Found [1-9]\d* errors?\.|[✖×] \d+ problems? \(|"
    r"\d+ files? inspected, \d+ offenses? detected|[1-9]\d* errors? generated\.|[1-9]\d* errors?$|"
    r"error: aborting due to|Detected (?:problems|errors) in [1-9]\d* modules?\.|"
    # A dependency scanner's count of what it found (npm audit's ``2 high severity vulnerabilities``, Safety's
    # ``2 vulnerabilities found``; not npm install's routine ``found 6 vulnerabilities (2 moderate, 4 high)``).
    r"[1-9]\d* (?:(?:critical|high|moderate|medium|low) severity vulnerabilit(?:y|ies)|vulnerabilit(?:y|ies) found)(?:[^\pL\pN_]|$))"
)
# What a command prints as it exits after its block (go's "exit status 1", make's "*** [x] Error 1").
_TERMINATOR = asciitwin.lazy(
    r"^\s*(?:exit status \d+|script returned exit code \d+|\S*make(?:\[\d+\])?: \*\*\* .*Error \d+)\s*$"
)
# A diff's own lines: changed lines, and its file headers (``--- a/x``, ``+++ b/x``, ``index 3f2a1c0..9b1c7d2``;
# ``diff -u``'s ``--- x<TAB>2024-05-06 ...``); its hunk headers (``@@ -5,6 +5,7 @@``) are diffs.py's.
_DIFF = asciitwin.lazy(
    r"^\s*(?:[-+<>](?:\s|$)|[-+][^-+\s])|^(?:---|\+\+\+) (?:a/|b/|/dev/null|\S+\t\d{4}-)|"
    r"^index [0-9a-f]{7,}\.\.[0-9a-f]{7,}"
)

# The same line is classified many times while a block's edges are found: remember the last few thousand.
CACHE = 2048

_EMPTY = asciitwin.lazy(r"^\s*(?:\[(?:INFO|ERROR|WARN(?:ING)?|DEBUG|info|error)\]|npm ERR!|npm error)?\s*$")


def blank(text: str) -> bool:
    """An empty line, or one with nothing after its log-level tag (Maven's ``[INFO] ``)."""
    return not text.strip() or bool(_EMPTY.match(text))


# (``Invalid: 2``: a schema validator's count of the documents that failed, kubeconform's and kubeval's summary.)
_COUNTS = asciitwin.lazy("(?i)" + _B + r"(?:failures?|errors?|failed|invalid)[:=] ?(\d+)")


def counts(text: str) -> list[int]:
    """The failure and error counts a line gives as ``key: N`` or ``key=N`` (``Failures: 0, Errors: 2``)."""
    return [int(c) for c in _COUNTS.findall(text)]


def passing_summary(text: str) -> bool:
    """A test class's or suite's count line with no failure or error in it (``Tests run: 4, Failures: 0, Errors: 0``)."""
    found = counts(text)
    return bool(found) and not any(found) and "<<<" not in text


def chatter(text: str) -> bool:
    """Runner/cache/upload bookkeeping or a passing test: never worth a maintainer's line."""
    return pipeline_step(text) or _chatter(text)


@lru_cache(maxsize=CACHE)
def _chatter(text: str) -> bool:
    if _CHATTER.match(text) or (_PASSING.search(text) and not _ERROR.search(text)):
        return True
    if passing_summary(text) and not _DIAGNOSTIC.search(text):
        return True  # (a count of none failed inside an assertion's message is the failure's: ``E  where failed=0``)
    return progress(text) == "pass"


# A test runner's line saying whose output follows (go test's ``=== RUN X`` / ``=== CONT X``, since go
# 1.20 ``=== NAME X`` when parallel tests' output interleaves; node's TAP ``# Subtest: X``): chatter alone,
# but right above a failure's first line it names the case that printed it.
# A test's start line: go's ``=== RUN   TestX``, TAP's ``# Subtest: x``, XCTest's ``Test Case 'X' started at ...``.
_CASE_START = asciitwin.lazy(r"^\s*(?:(?:=== (?:RUN|CONT|NAME)|# Subtest:)\s+\S|Test Case '[^']+' started )")


def case_start(text: str) -> bool:
    return bool(_CASE_START.match(text))


# A log record below warning level (``INFO ...``, ``[DEBUG] ...``, ``trace: ...``), its timestamp stripped.
_LOW_LEVEL = asciitwin.lazy(r"^\s*\[?(?:INFO|DEBUG|TRACE)\]?[: ]", ignorecase=True)


def low_level(text: str) -> bool:
    """An info, debug or trace record: what a program says while it works, never what failed."""
    return bool(_LOW_LEVEL.match(text))


def warning(text: str) -> bool:
    """A warning, info or debug line: context at most, never the cause."""
    return bool(_WARNING.match(text))


def titled(text: str) -> bool:
    """A compiler's title over one problem's report (Elm's ``-- TYPE MISMATCH ---- src/Board.elm``)."""
    return bool(TITLED_LINE.match(text))


@lru_cache(maxsize=CACHE)
def header(text: str) -> bool:
    """The first line of a failure block (``FAILURES``, ``Results:``, a failing case)."""
    return bool(HEADER.match(text))


@lru_cache(maxsize=CACHE)
def summary(text: str) -> bool:
    """A run's verdict with its counts (``FAIL pkg 0.1s``, ``2 failed in 0.3s``, ``Found 3 errors``): a block's end."""
    return bool(_SUMMARY.match(text)) and not passing_summary(text)


def terminator(text: str) -> bool:
    """A command's own exit line right after its output (``exit status 1``, make's ``*** [all] Error 2``)."""
    return bool(_TERMINATOR.match(text))


def indent(text: str) -> int:
    """How deep a line is nested: its leading whitespace, a tab counting as four."""
    return len(text) - len(text.lstrip(" \t")) + 3 * text[: len(text) - len(text.lstrip(" \t"))].count("\t")


_COUNT = asciitwin.lazy(
    r"^\s*\d+ (?:passing|pending|skipped|failing|passed|failed|errors?|tests?|todo)(?: \([^)]*\))?\s*$"
)


def count_line(text: str) -> bool:
    """A run's count alone on its line (``12 passing (3s)``, ``1 pending``)."""
    return bool(_COUNT.match(text))


# A compiler's or linter's warning at a location (gcc/clang/javac/tsc/eslint shapes).
_LOCATED_WARNING = asciitwin.lazy(r"(?i)^\s*\S+?[:(]\d+(?:[:,]\d+)*\)?:?\s+warning" + _E + r"|^\s*\d+:\d+\s+warning\s")


_WARNING_COUNT = asciitwin.lazy("(?i)" + _B + r"[1-9]\d* warnings?" + _E)


def counts_warnings(text: str) -> bool:
    """A verdict that counts warnings (``build finished with problems, 2 warnings``): they are its block."""
    return bool(_WARNING_COUNT.search(text)) and not warning(text)


# A message at a source location (``parse_test.go:76: ...``, ``src/a.rs:3:1: ...``): a file with an extension.
_LOCATED = asciitwin.lazy(r"^\s*[\w./-]*\w\.\w{1,6}:\d+(?::\d+)?:\s+\S")


def located(text: str) -> bool:
    """A message printed at a source location (``parse_test.go:76: unexpected error: exit status 1``)."""
    return bool(_LOCATED.match(text))


def located_warning(text: str) -> bool:
    """A diagnostic whose severity is a warning (``a.c:3:5: warning: ...``, eslint's ``3:1  warning``)."""
    return bool(_LOCATED_WARNING.match(text))


def frame(text: str) -> bool:
    """A stack frame (``at x (y.js:3:1)``, ``  File "a.py", line 3``'s kin, ``#2 0x... in f``); not a message at
    a source location, indented as a frame is (a Go test's ``    x_test.go:46: got 3``)."""
    return bool(_FRAME.match(text)) and not located(text)


def diff_line(text: str) -> bool:
    """A line of an expected/actual diff: what it contains is test data, not a failure."""
    return bool(_DIFF.match(text)) or hunk_counts(text) is not None


@lru_cache(maxsize=CACHE)
def symptom(text: str) -> bool:
    """A line that only says a command failed (an exit status, "see above")."""
    return bool(_SYMPTOM.search(text))


def error_score(text: str) -> int:
    """How strongly a line alone says something failed: 0 (not at all) to 3."""
    return _score(text, pipeline_step(text))  # (remembered apart for a Jenkins log: its step lines are chatter)


@lru_cache(maxsize=CACHE)
def _score(text: str, _jenkins_step: bool) -> int:
    if blank(text) or chatter(text) or warning(text) or _NO_ERRORS.search(text) or symptom(text):
        return 0
    score = 2 if _ERROR.search(text) else 0
    if _DIAGNOSTIC.search(text):
        score += 1 if score else 2
    if header(text):
        score = max(score, 2) + 1
    if not score and _FRAME.match(text):
        score = 1
    return min(score, 3)
