"""The loop-free core of a prefilter pattern: a piece every match contains, cheap inside a DFA of literals.

The weak prefilter patterns (prefilter.py: no literal worth using alone) ran
as a pass of their own over every byte, because their open-ended loops
(``\\S+``, ``.*``, ``[\\w-]+``) keep a thread alive through most of a log and
multiply the literal DFA's states when the two share one. A contiguous run
of a pattern's top-level items matches inside every match of the pattern, so
the best run without such a loop (``\\.java:\\d+: error: `` of
``(?P<file>\\S+\\.java):\\d+: error: ``) flags every line the pattern flags,
and joins the literals' pass at almost no cost. Runs of digits or spaces are
short in logs, so ``\\d+`` and ``\\s*`` stay.

The run is written back as RE2 syntax from Python's parse of the pattern; a
construct this module does not render makes the pattern keep its own pass.
The parse and the literal score are regexparse.py's, shared with prefilter.py.
"""

from __future__ import annotations

import re
from typing import Any

# hsregex.py reads the parser handles here.
from autoheal.regexparse import _c as _c
from autoheal.regexparse import flatten, score
from autoheal.regexparse import parse as parse

# A core must say at least this much (about one literal character each) to flag few lines.
MIN_WEIGHT = 3.5
# Written without the newline (RE2's \\s is [\\t\\n\\f\\r ]): a core matches inside one line.
_CATEGORY = {
    _c.CATEGORY_DIGIT: "\\d",
    _c.CATEGORY_NOT_DIGIT: "[^\\d\\n]",
    _c.CATEGORY_SPACE: "[\\t\\f\\r ]",
    _c.CATEGORY_NOT_SPACE: "\\S",
    _c.CATEGORY_WORD: "\\w",
    _c.CATEGORY_NOT_WORD: "[^\\w\\n]",
}
_IN_CLASS = {
    _c.CATEGORY_DIGIT: "\\d",
    _c.CATEGORY_SPACE: "\\t\\f\\r ",
    _c.CATEGORY_NOT_SPACE: "\\S",
    _c.CATEGORY_WORD: "\\w",
}
_AT = {_c.AT_BOUNDARY: "\\b", _c.AT_NON_BOUNDARY: "\\B"}
# Atoms a run of which ends soon in a log: digits, spaces, one given character.
_NARROW = {_c.CATEGORY_DIGIT, _c.CATEGORY_SPACE}
_SPECIAL = set("\\.^$|?*+()[]{}-")


class _Unrendered(Exception):
    """A construct this module does not write back: the pattern keeps its own pass."""


def _char(code: int) -> str:
    ch = chr(code)
    if ch in _SPECIAL:
        return "\\" + ch
    if ch.isprintable():
        return ch
    return f"\\x{code:02x}" if code < 256 else f"\\x{{{code:x}}}"  # \\xHH: Python's parser reads it too


def _class(items: Any) -> str:
    """A class without the newline: a core matches inside one line (``line_confined``)."""
    out: list[str] = []
    negated = False
    for op, arg in items:
        if op is _c.NEGATE:
            negated = True
        elif op is _c.LITERAL and arg != 10:
            out.append(_char(arg))
        elif op is _c.RANGE and not arg[0] <= 10 <= arg[1]:
            out.append(f"{_char(arg[0])}-{_char(arg[1])}")
        elif op is _c.CATEGORY and arg in _IN_CLASS:
            out.append(_IN_CLASS[arg])
        else:
            raise _Unrendered(op)
    return "[^\\n" + "".join(out) + "]" if negated else "[" + "".join(out) + "]"


def _render(items: Any) -> str:
    return "".join(_render_item(op, arg) for op, arg in items)


def _render_item(op: Any, arg: Any) -> str:
    if op is _c.LITERAL and arg != 10:
        return _char(arg)
    if op is _c.NOT_LITERAL:
        return f"[^\\n{_char(arg)}]"
    if op is _c.ANY:
        return "."
    if op is _c.IN:
        return _class(arg)
    if op is _c.CATEGORY and arg in _CATEGORY:
        return _CATEGORY[arg]
    if op is _c.AT and arg in _AT:
        return _AT[arg]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, body = arg
        if high != _c.MAXREPEAT and high > 1000:
            raise _Unrendered(op)
        bound = "" if high == _c.MAXREPEAT else str(high)
        return f"(?:{_render(body)}){{{low},{bound}}}" if low != high else f"(?:{_render(body)}){{{low}}}"
    if op is _c.SUBPATTERN:
        _, add, remove, body = arg
        if (add | remove) & ~(re.I | re.U):
            raise _Unrendered(op)
        flags = ("i" if add & re.I else "") + ("-i" if remove & re.I else "")
        return f"(?{flags}:{_render(body)})"
    if op is _c.BRANCH:
        return "(?:" + "|".join(_render(b) for b in arg[1]) + ")"
    raise _Unrendered(op)


def _wide_loop(op: Any, arg: Any) -> bool:
    """Is this item, or something inside it, an open-ended repeat of a broad atom?"""
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        body = list(arg[2])
        if arg[1] == _c.MAXREPEAT and not _narrow(body):
            return True
        return any(_wide_loop(o, a) for o, a in body)
    if op is _c.SUBPATTERN:
        return any(_wide_loop(o, a) for o, a in arg[3])
    if op is _c.BRANCH:
        return any(_wide_loop(o, a) for b in arg[1] for o, a in b)
    return False


def _narrow(body: list[Any]) -> bool:
    if len(body) != 1:
        return False
    op, arg = body[0]
    if op is _c.LITERAL or (op is _c.CATEGORY and arg in _NARROW):
        return True
    return op is _c.IN and all(o is _c.CATEGORY and a in _NARROW for o, a in arg)


def _weight(op: Any, arg: Any) -> float:
    """Roughly how many literal characters the item is worth: a class a third, an optional item nothing."""
    if op is _c.LITERAL:
        return 1.0 if arg < 128 else 4.0  # as in score: a non-ASCII character is rare in logs
    if op in (_c.IN, _c.CATEGORY, _c.NOT_LITERAL):
        return 0.34
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return float(min(arg[0], 8)) * sum(_weight(o, a) for o, a in arg[2])
    if op is _c.SUBPATTERN:
        return sum(_weight(o, a) for o, a in arg[3])
    if op is _c.BRANCH:
        return min(sum(_weight(o, a) for o, a in b) for b in arg[1])
    return 0.0


def _trim(run: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Without the items at either end that require nothing (``\\s*``, ``\\b``, an optional group)."""
    while run and _weight(*run[0]) == 0:
        run = run[1:]
    while run and _weight(*run[-1]) == 0:
        run = run[:-1]
    return run


def _run_weight(run: list[tuple[Any, Any]]) -> float:
    """A plain word is worth what the prefilter's score says (``failed`` is on every other line of a test log)."""
    if run and all(op is _c.LITERAL for op, _ in run):
        return score("".join(chr(arg) for _, arg in run))
    return sum(_weight(*item) for item in run)


def core(pattern: str) -> str | None:
    """The best loop-free run of ``pattern``'s items, as RE2 syntax; None when none says enough."""
    parsed = parse(pattern)
    if parsed is None:
        return None
    if parsed.state.flags & ~(re.I | re.U):
        return None
    runs: list[list[tuple[Any, Any]]] = [[]]
    for item in flatten(parsed):
        if _wide_loop(*item):
            runs.append([])
        else:
            runs[-1].append(item)
    best = max((_trim(run) for run in runs), key=_run_weight)
    if _run_weight(best) < MIN_WEIGHT:
        return None
    try:
        text = _render(best)
    except _Unrendered:
        return None
    return f"(?i:{text})" if parsed.state.flags & re.I else text


def confine(pattern: str) -> str | None:
    """``pattern`` written without the newline (``\\s`` as ``[\\t\\f\\r ]``...): it matches what the
    pattern matches inside one line, and never across lines; None when it cannot be written."""
    parsed = parse(pattern)
    if parsed is None or parsed.state.flags & ~(re.I | re.U):
        return None
    try:
        text = _render(list(parsed))
    except _Unrendered:
        return None
    return f"(?i:{text})" if parsed.state.flags & re.I else text


def line_confined(pattern: str) -> bool:
    """Does every match of ``pattern`` lie inside one line (no newline, never empty)?

    Then the byte before a match's end is on the line where the match starts,
    and a search need not run RE2's reverse DFA to find the start.
    """
    parsed = parse(pattern)
    if parsed is None:
        return False
    return parsed.getwidth()[0] > 0 and not _newline(list(parsed), bool(parsed.state.flags & re.S))


def _newline(items: list[tuple[Any, Any]], dotall: bool) -> bool:
    """Can one of ``items`` match a newline?"""
    return any(_item_newline(op, arg, dotall) for op, arg in items)


def _item_newline(op: Any, arg: Any, dotall: bool) -> bool:
    if op is _c.LITERAL:
        return bool(arg == 10)
    if op is _c.NOT_LITERAL:
        return bool(arg != 10)
    if op is _c.ANY:
        return dotall
    if op is _c.CATEGORY:
        return arg in _NEWLINE_CATEGORIES
    if op is _c.IN:
        held = any(_class_newline(o, a) for o, a in arg if o is not _c.NEGATE)
        return held != any(o is _c.NEGATE for o, _ in arg)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return _newline(list(arg[2]), dotall)
    if op is _c.SUBPATTERN:
        return _newline(list(arg[3]), (dotall or bool(arg[1] & re.S)) and not arg[2] & re.S)
    if op is _c.BRANCH:
        return any(_newline(list(b), dotall) for b in arg[1])
    return op is not _c.AT  # anything else: assume it might


def _class_newline(op: Any, arg: Any) -> bool:
    if op is _c.LITERAL:
        return bool(arg == 10)
    if op is _c.RANGE:
        return bool(arg[0] <= 10 <= arg[1])
    return op is not _c.CATEGORY or arg in _NEWLINE_CATEGORIES


_NEWLINE_CATEGORIES = {_c.CATEGORY_SPACE, _c.CATEGORY_NOT_DIGIT, _c.CATEGORY_NOT_WORD}
