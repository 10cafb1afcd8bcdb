"""The shapes of a line that opens an error block (scanfar.py keeps the blocks), as both engines search for them.

After a runner's timestamp and a tool's prefix (``> ``, ``| ``): an error or
failure word leading the line, an exception or traceback; anywhere in it, a
located error diagnostic (``file.c:12:7: error:``) or a test case's verdict
(``<<< FAILURE!``, ``FooTest > bar FAILED``; Go's ``--- FAIL:`` leads its line).

Each match lies inside one line (``[\\t\\f\\r ]`` is RE2's ``\\s`` but the newline:
a trailing ``\\s*$`` that crossed one also matched before it), so the engines
fold the search into their one pass over the raw bytes: RE2's pass of loops and
section markers (prefilterre2.py), Hyperscan's region database (hsdb.py), which
gets OPENER_WIDE, and RE2 confirms each line it flags.
"""

from __future__ import annotations

from autoheal.normalize import STAMP

_LEAD = f"^(?:{STAMP})?" + r"[ \t>|#*]*"
_LEADING = (
    r"\[(?:ERROR|FATAL)\]|(?:ERROR|FATAL|FAILED|FAIL|Error|error|fatal)(?:\[\w+\])?:|"
    r"Traceback \(most recent call last\)|Exception in thread |Caused by: |"
    r"(?:[\w$]+\.)+[\w$]*(?:Exception|Error)(?::|[\t\f\r ]*$)"
)
_LOCATED = r"\.[A-Za-z]\w{0,5}[:(]\d+(?:[:,]\d+)?\)?:? ?(?:fatal )?(?:error|Error|ERROR)\b"
# A test case's verdict: the block it opens is a failure's, not an error a passing run logged.
_GO_FAIL = "--- FAIL: "
_FAILURE = r"<<< (?:FAILURE|ERROR)!| FAILED[\t\f\r ]*$"


def _opener(before_located: str) -> str:
    return f"(?m:{_LEAD}(?:{_LEADING}|{_GO_FAIL})|{before_located}{_LOCATED}|{_FAILURE})"


OPENER = _opener(r"\S")
# For Hyperscan, without the character before a located error: its ``\S`` reads one byte, RE2's a
# character or a vertical tab (hsregex.py). It flags a few lines more, never fewer.
OPENER_WIDE = _opener("")
VERDICT = f"(?m:{_FAILURE}|{_GO_FAIL})"
