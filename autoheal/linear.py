"""Python-style patterns run by RE2: linear time on attacker-controlled lines, Python's meaning kept.

Python's backtracking engine is super-linear on some long lines for patterns
as plain as ``={3,}.*\\bFAILURES`` (a line of 4,000 ``=`` took tens of
milliseconds, and a line may be classified by a dozen of them). RE2 runs
in time linear in the line, with the same leftmost-first submatches as
Python. What differs is rewritten here:

- RE2's ``\\s``, ``\\d`` and ``\\w`` are ASCII; Python's are Unicode (a
  no-break space is ``\\s``, an ``é`` is ``\\w``): they become Unicode classes.
- ``$`` in Python also matches before a final newline; in RE2 only at the end.
- Python's ``{,n}`` is a repeat (RE2 reads it as text), its ``\\Z`` is RE2's ``\\z``,
  its ``\\uXXXX`` RE2's ``\\x{XXXX}``.
- A ``[`` inside a class is a character in Python (``[[:alpha:]]`` is a class of ``[:alph`` then a
  ``]``); RE2 reads ``[:alpha:]`` there as a POSIX class: it is escaped.

RE2 has no lookaround, backreference, ``\\N{name}`` or Unicode ``\\b``: a pattern
holding one is refused with a ValueError (its author writes the boundary out, e.g. with ``WORD``).
"""

from __future__ import annotations

import functools
from typing import Any

import re2

from autoheal import lazyre, re2api

# Python's \w (str.isalnum() or "_") and \s (str.isspace()) as RE2 class items.
WORD = r"\pL\pN_"
# A word's edges written out (RE2 has no Unicode ``\b``): a non-word character or the line's edge.
WORD_START = rf"(?:^|[^{WORD}])"
WORD_END = rf"(?:[^{WORD}]|$)"
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
# With ``ascii=True`` (asciitwin's twins) each class is its ASCII part, which on an ASCII line holds the same
# characters: Python's \w is str.isalnum() or "_", \s str.isspace(), \d a decimal digit; \pL letters, \pN
# and \p{Nd} digits, \p{Z} separators (of ASCII only the space). tests/test_asciitwin.py derives each.
ASCII_ITEMS = {
    "w": "A-Za-z0-9_",
    "s": r"\t\n\x0b\x0c\r\x1c-\x1f ",
    "d": "0-9",
    "pL": "A-Za-z",
    "pN": "0-9",
    "p{L}": "A-Za-z",
    "p{N}": "0-9",
    "p{Nd}": "0-9",
    "p{Z}": " ",
}
# Outside a class, the negated ones too (inside one, \W, \S and \D are refused; \PL... keep their meaning).
_ASCII_NEGATED = {"W": "w", "S": "s", "D": "d", "PL": "pL", "PN": "pN", "P{L}": "p{L}", "P{N}": "p{N}"}
_ASCII_NEGATED["P{Nd}"] = "p{Nd}"
_REFUSED = ("(?=", "(?!", "(?<=", "(?<!")
# Escapes that mean the same in both (``\p``/``\P`` are RE2's, written on purpose by blocks.py).
_SAME = frozenset("afnrtvxApP")
_OCTAL = "01234567"
_HEX = "0123456789abcdefABCDEF"


def translate(pattern: str, ascii: bool = False) -> str:
    """``pattern`` (Python syntax) in RE2 syntax with Python's meaning; ValueError for what RE2 cannot do.
    With ``ascii``, each Unicode class is cut down to its ASCII part: the same matches on an ASCII line."""
    if any(x in pattern for x in _REFUSED):
        raise ValueError(f"lookaround in {pattern!r}")
    out: list[str] = []
    inside = False
    opened = i = 0  # ``opened``: len(out) when the class opened
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            found = _ascii_escape(pattern, i, inside) if ascii else None
            piece, i = found or _escape(pattern, i, inside)
            out.append(piece)
            continue
        if inside:
            inside = not class_ends(c, len(out) - opened)
            out.append("\\[" if c == "[" else c)  # Python's "[" in a class is itself; RE2 reads "[:alpha:]" as POSIX's
        elif c == "[":
            inside = True
            out.append("[^" if pattern.startswith("[^", i) else "[")
            opened, i = len(out), i + len(out[-1])
            continue
        elif c == "$":
            out.append(r"(?:\n?$)")
        elif c == "{":
            piece, i = _brace(pattern, i)
            out.append(piece)
            continue
        else:
            out.append(c)
        i += 1
    return "".join(out)


def class_ends(c: str, items: int) -> bool:
    """Whether ``c`` ends a class that holds ``items`` so far: a "]" does, unless it is the first item
    (Python's rule: ``[]]`` and ``[^]]`` hold a "]"; ``[[]`` holds a "[" and ends there)."""
    return c == "]" and items > 0


def _brace(pattern: str, i: int) -> tuple[str, int]:
    """The ``{`` at ``i`` read as Python reads it: a repeat (``{,n}`` is ``{0,n}``, which RE2 would take
    as text) or a literal brace; the RE2 text and the index after it."""
    j = i + 1
    lo = _digits(pattern, j)
    j += len(lo)
    comma = pattern.startswith(",", j)
    hi = _digits(pattern, j + 1) if comma else ""
    j += 1 + len(hi) if comma else 0
    if not (lo or comma) or not pattern.startswith("}", j):
        return r"\{", i + 1
    return "{" + (lo or "0") + ("," + hi if comma else "") + "}", j + 1


def _digits(pattern: str, j: int) -> str:
    k = j
    while k < len(pattern) and pattern[k] in "0123456789":
        k += 1
    return pattern[j:k]


def _ascii_escape(pattern: str, i: int, inside: bool) -> tuple[str, int] | None:
    """The class escape at ``i`` cut down to its ASCII part, and the index after it; None for any other."""
    name = pattern[i + 1 : i + 2]
    if name in "pP" and name:
        end = pattern.find("}", i) + 1 if pattern.startswith("{", i + 2) else i + 3
        name = pattern[i + 1 : end] if end > 0 else name
    if name in ASCII_ITEMS:
        items = ASCII_ITEMS[name]
        return (items if inside else f"[{items}]"), i + 1 + len(name)
    if name in _ASCII_NEGATED and not inside:
        return f"[^{ASCII_ITEMS[_ASCII_NEGATED[name]]}]", i + 1 + len(name)
    return None


def _escape(pattern: str, i: int, inside: bool) -> tuple[str, int]:
    """The escape at ``i`` in RE2 syntax with Python's meaning, and the index after it."""
    if i + 1 >= len(pattern):
        raise ValueError(f"a trailing backslash in {pattern!r}")
    e = pattern[i + 1]
    table = _INSIDE if inside else _OUTSIDE
    if e in table:
        return table[e], i + 2
    if e == "Z" and not inside:
        return r"\z", i + 2  # Python's \Z is the very end; RE2's \Z does not exist, its \z does
    if e in "uU":
        width = 4 if e == "u" else 8
        code = pattern[i + 2 : i + 2 + width]
        if len(code) != width or any(h not in _HEX for h in code):
            raise ValueError(f"\\{e} needs {width} hex digits in {pattern!r}")
        return _char(int(code, 16)), i + 2 + width
    if e in _OCTAL and (inside or e == "0"):
        k = i + 2
        while k < min(i + 4, len(pattern)) and pattern[k] in _OCTAL:
            k += 1
        return _char(int(pattern[i + 1 : k], 8)), k
    if e == "b" and inside:
        return _char(8), i + 2  # a backspace inside a class
    if e in "pP" and pattern.startswith("{", i + 2) and "}" in pattern[i + 2 :]:
        end = pattern.index("}", i + 2) + 1
        return pattern[i:end], end  # RE2's \p{Greek}: its braces name a class, they are no repeat
    if e in _SAME:
        return "\\" + e, i + 2
    if e.isascii() and (e.isalnum() or e == "_"):
        # Python's \N{name}, a backreference, \b/\B (RE2's are ASCII) or an unknown escape.
        raise ValueError(f"\\{e} cannot be run by RE2 with Python's meaning in {pattern!r}")
    if e.isascii() and e.isprintable() and e != " ":
        return "\\" + e, i + 2  # escaped punctuation is itself in both
    return _char(ord(e)), i + 2


def _char(code: int) -> str:
    return f"\\x{{{code:x}}}"


def compile(pattern: str, ignorecase: bool = False, ascii: bool = False) -> Any:
    """``pattern`` (Python syntax) compiled by RE2; ValueError (not a log line on stderr) if it cannot be."""
    return _compile(pattern, ("(?i)" if ignorecase else "") + translate(pattern, ascii))


def _compile(pattern: str, translated: str) -> Any:
    try:
        return re2.compile(translated, re2api.options())
    except re2.error as e:
        why = e.args[0].decode(errors="replace") if e.args and isinstance(e.args[0], bytes) else str(e)
        raise ValueError(f"RE2 cannot compile {pattern!r}: {why}") from None


class Lazy(lazyre.Deferred):
    """A pattern translated now (a refused construct fails at import) and compiled by RE2 on first use.

    Unicode classes make RE2's compile slow (``[\\pL\\pN_]{1,6}`` alone ~1 ms): blocks.py's two dozen
    patterns cost 22 ms at import, a sixth of a small log's whole triage, and a small log needs few of them.
    """

    def __init__(self, pattern: str, ignorecase: bool = False, ascii: bool = False) -> None:
        translated = ("(?i)" if ignorecase else "") + translate(pattern, ascii)
        super().__init__(functools.partial(_compile, pattern, translated), _METHODS)


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn", "pattern", "groups")


def lazy(pattern: str, ignorecase: bool = False) -> Lazy:
    """``compile`` deferred to first use; the translation (and its refusals) happens now."""
    return Lazy(pattern, ignorecase)
