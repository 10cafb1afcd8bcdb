"""Which RE2 regexes Hyperscan may read over bytes, and what it gets for the rest (see engine_hs).

Hyperscan reads bytes; RE2 reads UTF-8. A regex goes to Hyperscan as it is
when Hyperscan then flags every line RE2 flags: ASCII when case-folded, and
every "any character" atom (``.``, ``\\S``, ``[^x]``) repeated without bound,
right before such a repeat, or ending the regex. For the rest, Hyperscan gets
a literal every match holds, or nothing: a regex that needs a non-ASCII
character is tested by RE2 on lines holding one only.
"""

from __future__ import annotations

import re
from typing import Any

from autoheal import lazyre
from autoheal.regex_core import _c, parse

_WIDE = {_c.ANY, _c.NOT_LITERAL}
_NOT_CATEGORIES = {_c.CATEGORY_NOT_DIGIT, _c.CATEGORY_NOT_SPACE, _c.CATEGORY_NOT_WORD}
_INLINE_FLAGS = lazyre.compile(r"(?<!\\)\(\?[imsU]+\)")


def parsed(regex: str) -> Any:
    """Python's parse tree of an RE2 regex, or None where Python cannot read it.

    RE2 takes ``(?i)`` inside a group (to the group's end); Python's parser only
    at the start. Dropping it changes no atom's width, and a folded regex must be
    ASCII anyway (see hyperscan_safe).
    """
    return parse(_INLINE_FLAGS.sub("", regex) if regex.isascii() else regex)


def _wide(op: Any, arg: Any) -> bool:
    """Does this atom match a character of any width (so bytes and characters differ)?"""
    if op in _WIDE:
        return True
    if op is _c.IN:
        return any(_class_item_wide(o, a) for o, a in arg)
    return op is _c.CATEGORY and arg in _NOT_CATEGORIES


def _class_item_wide(op: Any, arg: Any) -> bool:
    """A negated class, ``\\S`` in a class, or a non-ASCII member (Hyperscan would read its bytes apart)."""
    if op is _c.NEGATE or (op is _c.CATEGORY and arg in _NOT_CATEGORIES):
        return True
    return (op is _c.LITERAL and arg > 127) or (op is _c.RANGE and arg[1] > 127)


def _unbounded_wide(op: Any, arg: Any) -> bool:
    """An unbounded repeat of one wide atom: over bytes it also eats a character's continuation bytes."""
    if op not in (_c.MAX_REPEAT, _c.MIN_REPEAT) or arg[1] != _c.MAXREPEAT:
        return False
    body = list(arg[2])
    return len(body) == 1 and _wide(*body[0])


def _byte_safe(items: Any, tail: bool = True) -> bool:
    """True when every wide atom sits in an unbounded repeat, right before one, or ends the pattern.

    ``\\S[^:]*`` over bytes: ``\\S`` takes a character's first byte and the repeat
    its continuation bytes, so Hyperscan matches wherever RE2 does. A wide atom
    that ends the pattern takes the first byte only: Hyperscan's match ends a few
    bytes early, in the same line, and still flags the line and the pattern.
    """
    items = list(items)
    last = len(items) - 1
    for at, (op, arg) in enumerate(items):
        ends = tail and at == last
        if _wide(op, arg):
            if ends or (at < last and _unbounded_wide(*items[at + 1])):
                continue
            return False
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            body = list(arg[2])
            if arg[1] == _c.MAXREPEAT and len(body) == 1 and _wide(*body[0]):
                continue
            if not _byte_safe(body, False):
                return False
        elif op is _c.SUBPATTERN:
            if not _byte_safe(arg[3], ends):
                return False
        elif op is _c.BRANCH:
            if not all(_byte_safe(b, ends) for b in arg[1]):
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT, _c.GROUPREF, _c.GROUPREF_EXISTS):
            return False
    return True


def hyperscan_safe(regex: str) -> bool:
    """Whether Hyperscan over bytes flags every line RE2 over UTF-8 flags for ``regex``.

    Non-ASCII is fine as a plain sequence of bytes, but not folded (RE2 folds
    ``É`` to ``é``, Hyperscan only ASCII) nor in a class.
    """
    if not regex.isascii() and "(?i" in regex:
        return False
    tree = parsed(regex)
    if tree is None:
        return False
    if not regex.isascii() and tree.state.flags & re.I:
        return False
    return _byte_safe(tree)


def requires_wide(items: Any) -> bool:
    """Can the regex match only text holding a non-ASCII character (a literal it cannot do without)?"""
    for op, arg in items:
        if op is _c.LITERAL and arg > 127:
            return True
        if op is _c.IN and all((o is _c.LITERAL and a > 127) or (o is _c.RANGE and a[0] > 127) for o, a in arg):
            return True
        if op is _c.SUBPATTERN and requires_wide(arg[3]):
            return True
        if op is _c.BRANCH and all(requires_wide(b) for b in arg[1]):
            return True
    return False


def required_literal(regex: str) -> tuple[str, bool] | None:
    """A Hyperscan literal every match of ``regex`` holds (its longest run of plain characters), if 3+ long.

    Python's parser reads ``[[:digit:]]x`` as a class and the literal ``]x``: no literal then.
    """
    tree = None if "[:" in regex else parsed(regex)
    if tree is None:
        return None
    best: list[int] = []
    run: list[int] = []
    for op, arg in [*tree, (None, None)]:
        if op is _c.LITERAL:
            run.append(arg)
            continue
        best, run = max(best, run, key=len), []
    folded = "(?i" in regex or bool(tree.state.flags & re.I)
    if len(best) < 3 or (folded and any(c > 127 for c in best)):
        return None
    literal = "".join(f"\\x{b:02x}" for b in "".join(map(chr, best)).encode())
    return literal, folded


def without_word_boundaries(regex: str) -> str:
    """``regex`` with its ``\\b`` and ``\\B`` assertions dropped: it matches wherever ``regex`` does, ending there too.

    The region pass only flags lines (RE2 decides each), so a wider regex loses
    no line; Hyperscan ran the region pass ~10% faster on real logs without the
    five word boundaries of the catalogue's prefilter regexes, flagging no more lines.
    Inside a class ``\\b`` is no assertion and stays.
    """
    out: list[str] = []
    at, in_class = 0, False
    while at < len(regex):
        ch = regex[at]
        if ch == "\\" and at + 1 < len(regex):
            pair = regex[at : at + 2]
            if in_class or pair not in ("\\b", "\\B"):
                out.append(pair)
            at += 2
            continue
        if not in_class and ch == "[":
            in_class = True
            out.append(ch)
            at += 1
            # A ``]`` first in a class (after an optional ``^``) is a member, not its end.
            for lead in ("^", "]"):
                if regex.startswith(lead, at):
                    out.append(lead)
                    at += 1
            continue
        if in_class and regex.startswith("[:", at):
            close = regex.find(":]", at + 2)
            if close > 0:
                out.append(regex[at : close + 2])
                at = close + 2
                continue
        if in_class and ch == "]":
            in_class = False
        out.append(ch)
        at += 1
    return "".join(out)
