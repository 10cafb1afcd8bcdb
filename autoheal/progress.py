"""A test case's progress line (``test x ... FAILED``): its verdict and the name worth looking for.

Split out of blocks.py, which re-exports both functions (callers use ``blocks.progress``).
"""

from __future__ import annotations

import re

from autoheal import linear

# A case's progress line in a run of them: its name, a leader (dots, ``...``, ``***``) and its verdict at
# the end, maybe with a duration (cargo's ``test x ... FAILED``, CTest's ``Test #3: x ....***Failed 0.02 sec``,
# pre-commit's ``hook....Failed``, ScalaTest's ``- x *** FAILED ***``, pytest -v's ``t.py::x FAILED [ 50%]``).
# A bare capitalised word needs a leader before it: "Build Failed" is a sentence, not a case.
_PROGRESS = linear.lazy(
    r"^(?P<name>.*?[\w)\]])(?:(?P<lead>\s*(?:\.{2,}\s*(?:\*{3})?|\*{3})\s*)|\s+)"
    r"(?P<v>FAILED|FAIL|ERROR|PASSED|Failed|Passed|passed|ok|OK|SKIPPED|Skipped|skipped|ignored|STANDARD_(?:OUT|ERROR))(?:\s*\*{3})?"
    r"(?:\s+\(?[\d.]+\s*(?:m?s|sec|seconds)\)?|\s+\[\s*\d+%\])?\s*$"
)
_FAILING = {"FAILED", "FAIL", "ERROR", "Failed"}


def progress(text: str) -> str | None:
    """A case's verdict line: ``"fail"``, ``"pass"`` (skips count as passes), ``"output"`` (Gradle's
    ``STANDARD_OUT`` line heading a case's output), else None."""
    m = _PROGRESS.match(text)
    if not m or (m["lead"] is None and not (m["v"].isupper() and re.search("[a-z]", m["name"]))):
        return None
    return "fail" if m["v"] in _FAILING else "output" if m["v"].startswith("STANDARD_") else "pass"


def case_name(text: str) -> str:
    """The most specific part of a failing progress line's case name (``parses_empty`` of
    ``test parser::tests::parses_empty ... FAILED``), or "" when it has none worth looking for."""
    m = _PROGRESS.match(text)
    if not m:
        return ""
    words = [w.strip("()[]:,'\"`") for w in re.sub(r"\[\w+\]", " ", m["name"]).split()]
    parts = [p for w in words for p in re.split(r"::|[./#]", w) if len(p) >= 4 and re.search(r"[A-Za-z]", p)]
    return max(parts, key=len) if parts else ""
