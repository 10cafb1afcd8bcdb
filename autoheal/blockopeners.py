"""The shapes of a line that opens an error block (scanfar.py keeps the blocks), as both engines search for them.

After a runner's timestamp and a tool's prefix (``> ``, ``| ``): an error or
failure word leading the line, an exception or traceback; anywhere in it, a
located error diagnostic (``file.c:12:7: error:``) or a test case's verdict
(``<<< FAILURE!``, ``FooTest > bar FAILED``; Go's ``--- FAIL:`` leads its line).

Each match lies inside one line (``[\\t\\f\\r ]`` is RE2's ``\\s`` but the newline:
a trailing ``\\s*$`` that crossed one also matched before it), so the engines
fold the search into their one pass over the raw bytes: RE2's pass of loops and
section markers (prefilterre2.py) with OPENER_WIDE, Hyperscan's region database
(hsdb.py) with OPENER_PARTS; RE2 confirms each line they flag.
"""

from __future__ import annotations

from autoheal.normalize import STAMP

_LEAD = f"^(?:{STAMP})?" + r"[ \t>|#*]*"
_WORDS = (
    r"\[(?:ERROR|FATAL)\]|(?:ERROR|FATAL|FAILED|FAIL|Error|error|fatal)(?:\[\w+\])?:|"
    r"Traceback \(most recent call last\)|Exception in thread |Caused by: |"
)
_THROWN = r"(?:Exception|Error)(?::|[\t\f\r ]*$)"
_LEADING = _WORDS + r"(?:[\w$]+\.)+[\w$]*" + _THROWN
# A located error: a file's name and extension, its line (and column), the word.
_AT_LINE = r"[:(]\d+(?:[:,]\d+)?\)?:? ?(?:fatal )?(?:error|Error|ERROR)"
_LOCATED = r"\S\.[A-Za-z]\w{0,5}" + _AT_LINE + r"\b"
# A test case's verdict: the block it opens is a failure's, not an error a passing run logged.
_GO_FAIL = "--- FAIL: "
_FAILURE = r"<<< (?:FAILURE|ERROR)!| FAILED[\t\f\r ]*$"


def _opener(located: str) -> str:
    return f"(?m:{_LEAD}(?:{_LEADING}|{_GO_FAIL})|{located}|{_FAILURE})"


OPENER = _opener(_LOCATED)
# What the engines' passes look for, and OPENER confirms on each line they flag: a located error
# without its file's name. RE2's DFA for ``\S\.[A-Za-z]\w{0,5}`` cost 5% of its scan of real logs
# (flagging no line more there), and Hyperscan's ``\S`` reads one byte where RE2's reads a character
# or a vertical tab (hsregex.py). It flags a few lines more, never fewer.
OPENER_WIDE = _opener(_AT_LINE)
VERDICT = f"(?m:{_FAILURE}|{_GO_FAIL})"
# Hyperscan's pieces of OPENER_WIDE, each unanchored and without the exception's package: each line
# OPENER matches holds a match of one. The anchored lead (an optional timestamp, then prefixes) made
# the opener half of the region database's scan of real logs; unanchored it is a quarter, and the
# ~2x lines it flags cost RE2 confirmations worth ~1% of the scan.
OPENER_PARTS = (f"(?m:{_WORDS}{_THROWN})", _GO_FAIL, _AT_LINE, f"(?m:{_FAILURE})")
