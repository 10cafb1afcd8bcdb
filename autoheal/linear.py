"""Python-style patterns run by RE2: linear time on attacker-controlled lines, Python's meaning kept.

Python's backtracking engine is super-linear on some long lines for patterns
as plain as ``={3,}.*\\bFAILURES`` (a line of 4,000 ``=`` took tens of
milliseconds, and a line may be classified by a dozen of them). RE2 runs
in time linear in the line, with the same leftmost-first submatches as
Python. Two things differ, and are rewritten here:

- RE2's ``\\s``, ``\\d`` and ``\\w`` are ASCII; Python's are Unicode (a
  no-break space is ``\\s``, an ``é`` is ``\\w``): they become Unicode classes.
- ``$`` in Python also matches before a final newline; in RE2 only at the end.

RE2 has no lookaround, backreference or ``\\b``: a pattern holding one is
refused (its author writes the boundary out, e.g. with ``WORD``).
"""

from __future__ import annotations

from typing import Any

import re2

# Python's \w (str.isalnum() or "_") and \s (str.isspace()) as RE2 class items.
WORD = r"\pL\pN_"
_SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f\x85\p{Z}"
_OUTSIDE = {
    "s": f"[{_SPACE}]",
    "S": f"[^{_SPACE}]",
    "d": r"\p{Nd}",
    "D": r"\P{Nd}",
    "w": f"[{WORD}]",
    "W": f"[^{WORD}]",
}
_INSIDE = {"s": _SPACE, "d": r"\p{Nd}", "w": WORD}
_REFUSED = ("(?=", "(?!", "(?<=", "(?<!")


def translate(pattern: str) -> str:
    """``pattern`` (Python syntax) in RE2 syntax with Python's meaning; ValueError for what RE2 cannot do."""
    if any(x in pattern for x in _REFUSED):
        raise ValueError(f"lookaround in {pattern!r}")
    out: list[str] = []
    inside = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            e = pattern[i + 1]
            table = _INSIDE if inside else _OUTSIDE
            if e in table:
                out.append(table[e])
            elif not inside and (e in "bB" or (e.isdigit() and e != "0")):
                raise ValueError(f"\\{e} in {pattern!r}")
            elif inside and e in "SWD":
                raise ValueError(f"\\{e} inside a class in {pattern!r}")
            else:
                out.append(c + e)
            i += 2
            continue
        if inside:
            if c == "]" and not (out[-1] == "[" or out[-1] == "[^"):
                inside = False
            out.append(c)
        elif c == "[":
            inside = True
            if pattern.startswith("[^", i):
                out.append("[^")
                i += 2
                continue
            out.append(c)
        elif c == "$":
            out.append(r"(?:\n?$)")
        else:
            out.append(c)
        i += 1
    return "".join(out)


def compile(pattern: str, ignorecase: bool = False) -> Any:
    """``pattern`` (Python syntax) compiled by RE2."""
    return re2.compile(("(?i)" if ignorecase else "") + translate(pattern))
