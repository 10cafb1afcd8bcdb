"""A test command whose tests never ran: the build of what they test failed first (``go test`` on a package
that does not compile, ``zig build test``, ``nimble test``, ``cargo test``). For a tool no rule knows, the
command's name says tests (failingcmd.py), but what its block says is a compiler's errors: a compile error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from autoheal import failingcmd, lazyre
from autoheal.scan import Hit

# What a compiler prints when it fails, each from its documented output: a diagnostic at a source file's line
# and column with an error severity (gcc/clang/zig/swiftc ``a.c:3:5: error: x``, MSVC/Nim/tsc
# ``a.nim(42, 17) Error: x``), rustc's coded error (``error[E0425]: x``) and cargo's ``could not compile``,
# and Go's package verdict ``FAIL pkg [build failed]`` (``go help test``: its build failed, so no test ran). Not
# FileCheck's ``a.c:5:11: error: CHECK: expected string not found`` (lit's test verdict in a compiler's shape),
# nor Go's ``[setup failed]`` (a package that could not be loaded: a missing module, most often).
_BUILD_FAILED = lazyre.compile(
    r"^\s*\S+\.\w{1,6}(?::\d+:\d+:\s*|\(\d+,\s*\d+\)\s*:?\s*)(?:fatal\s+)?error\b(?!:\s+(?-i:[A-Z][A-Z0-9_-]*):)|"
    r"^\s*error\[E\d{4}\]:|^\s*error: could not compile\b|^FAIL\s+\S+\s+\[build failed\]",
    re.I,  # Nim's and MSVC's ``Error``
)
# How many lines of the block are read: its opening error and what follows it, never a later test's output.
_READ = 30
# A compiler's error in the codespan layout of rustc and the compilers that copy it (Gleam, Roc, Typst):
# ``error: Type mismatch`` with its source location on a line below (``   ┌─ src/a.gleam:41:27``, ``  --> a.rs:3:5``).
# A test tool that reports in the same layout titles its failure as an assertion (Hurl's ``error: Assert status code``).
_ERROR_HEAD = lazyre.compile(r"^error(?:\[\w+\])?: \S")
_ASSERTION = lazyre.compile(r"(?i)\bassert")
_SPAN = lazyre.compile(r"^\s*(?:┌─|-->) \S+:\d+:\d+\s*$")


def _spanned_error(block: Sequence[str]) -> bool:
    """An ``error:`` line that is no assertion, with a codespan location within the two lines below it."""
    return any(
        _ERROR_HEAD.match(t) and not _ASSERTION.search(t) and any(_SPAN.match(u) for u in block[i + 1 : i + 3])
        for i, t in enumerate(block)
    )


def never_built(block: Sequence[str], symptoms: Sequence[Hit]) -> bool:
    """The block is a failed build's, and no test runner gave a verdict in the section: the tests never ran."""
    if failingcmd.tests_verdict(symptoms):
        return False
    return any(_BUILD_FAILED.search(t) for t in block[:_READ]) or _spanned_error(block[:_READ])
