"""A test runner's line for a unit that passed or had nothing to run: chatter, never a maintainer's line.

Issue 8 ("Excerpts made of blocks"): a run over many packages, crates, projects or modules prints such
lines right above, below and between the failing unit's block. Each shape is the runner's documented
output, the same in every run: a passing unit's verdict, a count of none failed, a banner. A failing
unit's lines never match (``FAIL``, ``Failed!``, a count with a failure in it). Split out of blocks.py,
whose ``chatter`` reads this table beside the CI runner's own lines.
"""

from __future__ import annotations

from autoheal import asciitwin

# The table's alternatives, each anchored after a line's leading whitespace (blocks.py joins them to its
# own chatter pattern: one match per line classified).
PASSING_LINES = (
    # TAP: a passing test point (``ok 12 - parses``; ``not ok`` is a failure) and the bounds and timing of
    # the YAML block under it (``  ---``, ``  duration_ms: 0.2``, ``  ...``; node's test runner).
    r"ok \d+(?:\s|$)|(?:---|\.\.\.|duration_ms: [\d.]+)$|"
    # node's test runner names each subtest above its test point (``# Subtest: parses``): whose lines follow.
    r"# Subtest: \S|"
    # VSTest (``dotnet test``): a case's verdict at normal verbosity (``  Passed X.Y.Z [12 ms]``), an
    # assembly's verdict with no failure (``Passed!  - Failed:     0, Passed:    64, ...``), its banners.
    r"Passed \S.* \[(?:< )?\d+(?:\.\d+)? (?:ms|s|m)\]$|Passed!\s+-\s+Failed:\s+0,|"
    r"Starting test execution, please wait\.\.\.$|A total of \d+ test files? matched the specified pattern\.$|"
    r"Microsoft \(R\) Test Execution Command Line Tool|VSTest version \d|Copyright \(c\) Microsoft Corporation\.|"
    # go test: a case starting or passing or skipped, a package that passed (``ok  pkg  0.12s``, ``ok  pkg
    # (cached)``), had no test files (``?  pkg  [no test files]``), or under ``-cover`` none (Go 1.22:
    # ``  pkg    coverage: 0.0% of statements``); a failing package's own coverage line has no package.
    r"=== (?:RUN|PAUSE|CONT|NAME)|--- (?:PASS|SKIP)|ok\s+\S+\s+(?:[\d.]+s|\(cached\))|PASS$|"
    r"\?\s+\S+\s+\[no test files\]$|\S+\s+coverage: \d+(?:\.\d+)?% of statements$|"
    # Rust: libtest's verdict of a test binary that passed, cargo-nextest's passing case.
    r"test result: ok\.|PASS \[\s*[\d.]+s\] \S|"
    # Jest's passing suite (``PASS src/a.test.ts (5.1 s)``, under projects ``PASS client src/a.test.ts``),
    # Turborepo's ``<package>:<task>: `` before it.
    r"(?:\S+:\S+: )?PASS\s+(?:\S+\s+)?\S+\.\w+(?:\s+\([\d.]+ m?s\))?$|"
    # pytest: a tally with nothing failed (``24 passed in 0.31s``, ``=== 3 passed, 1 skipped in 2.10s ===``),
    # a skipped case in -v, a case's verdict under pytest-xdist (``[gw1] [ 12%] PASSED t.py::x``).
    r"=*\s*\d+ passed(?:, \d+ (?:skipped|deselected|xfailed|xpassed|warnings?))* in [\d.]+s(?: \([\d:]+\))?\s*=*$|"
    r"\S+::\S+ (?:SKIPPED|XFAIL)(?: \(.*\))?(?:\s+\[\s*\d+%\])?$|\[gw\d+\] \[\s*\d+%\] (?:PASSED|SKIPPED|XFAIL) |"
    # unittest's and PHPUnit's verdict of a run that passed (``OK (skipped=2)``, ``OK (12 tests, 30 assertions)``).
    r"OK \((?:(?:skipped|expected failures)=\d+(?:, )?)+\)$|OK \(\d+ tests?, \d+ assertions?\)$|"
    # tox 4's verdict of an environment that passed (``  py311: OK (4.12=setup[3.60]+cmd[0.52] seconds)``).
    r"\S+: OK \(.*seconds\)$|congratulations :\)$|"
    # RSpec, ExUnit, minitest: a run's count with no failure (``14 tests, 0 failures``, ``9 examples, 0
    # failures, 2 pending``, ``14 runs, 30 assertions, 0 failures, 0 errors, 0 skips``); ExUnit's banner.
    # (ExUnit's ``1 invalid``, a setup that failed, and RSpec's ``1 error occurred outside of examples`` are failures.)
    r"(?:\d+ \w+, )+0 failures(?:, (?:0 errors|\d+ (?:excluded|skipped|skips|pending)))*$|Running ExUnit with seed: \d+|"
    # A Maven module that passed. (Gradle's task outcomes are the build's progress, not a test's: excerpt.py
    # reads ``> Task :`` lines as such; CTest's ``Start 3: name`` marks where a case's own output ends.)
    r"(?:\[INFO\] )?\S.* \.{2,} SUCCESS \[\s*[\d.:]+ \w+\]$|"
    # A passing case's line in a run of them (``t.py::x PASSED [ 10%]``, ``✓ parses``, a row of dots).
    r"\[\s*\d+%\]$|[-\w/.:\[\]]*\s(?:PASSED|passed|ok|OK)(?:\s+\[\s*\d+%\])?$|[✓✔√]|\.{5,}$"
)
_PASSING_LINE = asciitwin.lazy(r"^\s*(?:" + PASSING_LINES + ")")


def passing_line(text: str) -> bool:
    """A test runner's line for a unit that passed or had nothing to run (``ok pkg (cached)``, ``PASS x``)."""
    return bool(_PASSING_LINE.match(text))
