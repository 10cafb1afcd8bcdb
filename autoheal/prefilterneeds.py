"""The literals every match of a pattern contains (as RE2's FilteredRE2 finds them), read from its parse.

A match of ``Tests run: \\d+, Failures: [1-9]`` holds ``Tests run: `` and one of
``, Failures: 1`` ... ``, Failures: 9``: each such set is a ``Need``, and prefilter.py
keeps the most selective (``most_selective``) of a pattern's, or pairs two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from autoheal.regexparse import _c, flatten, parse, score

MIN_LITERAL = 3
# (literals, case-insensitive, a count follows them): any one literal of the set must occur in a matching line.
Need = tuple[frozenset[str], bool, bool]


def most_selective(needs: list[Need]) -> Need | None:
    """The alternative whose least selective literal is most selective."""
    return max(usable(needs), key=lambda n: (selectivity(n), -len(n[0])), default=None)


MAX_SET = 32


def _cross(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    out = frozenset(a + b for a in left for b in right)
    return out if len(out) <= MAX_SET else None


def _pure(op: Any, arg: Any) -> frozenset[str] | None:
    """The finite set of strings one item matches, when it is that simple (a, [Ss], (x|y), y?)."""
    if op is _c.LITERAL:
        return frozenset({chr(arg)})
    if op is _c.SUBPATTERN:
        return _pure_seq(arg[3])
    if op is _c.BRANCH:
        parts = [_pure_seq(b) for b in arg[1]]
        if any(p is None for p in parts):
            return None
        joined = frozenset(x for p in parts if p is not None for x in p)
        return joined if len(joined) <= MAX_SET else None
    if op is _c.IN and len(arg) <= 4 and all(o is _c.LITERAL for o, _ in arg):
        return frozenset(chr(a) for _, a in arg)
    if op is _c.IN and len(arg) == 1 and arg[0][0] is _c.RANGE and 48 <= arg[0][1][0] <= arg[0][1][1] <= 57:
        # Some digits (``[1-9]``: a count that is not zero): the literal before them says so too.
        return frozenset(chr(c) for c in range(arg[0][1][0], arg[0][1][1] + 1))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] == 0 and arg[1] == 1:
        body = _pure_seq(arg[2])
        return None if body is None else body | {""}
    return None


def _pure_seq(items: Any) -> frozenset[str] | None:
    out: frozenset[str] | None = frozenset({""})
    for op, arg in items:
        part = _pure(op, arg)
        if part is None or out is None:
            return None
        out = _cross(out, part)
    return out


def _sequence(items: Iterable[tuple[Any, Any]], icase: bool) -> Need | None:
    return most_selective(_needs(items, icase))


def _needs(items: Iterable[tuple[Any, Any]], icase: bool) -> list[Need]:
    """Every literal set the sequence requires, in the order a match contains them."""
    needs: list[Need] = []
    run: frozenset[str] = frozenset({""})

    def close() -> None:
        nonlocal run
        if all(run):
            needs.append((run, icase, False))
        run = frozenset({""})

    for op, arg in flatten(items):
        part = _pure(op, arg)
        if part is not None:
            crossed = _cross(run, part)
            if crossed is None:
                close()
                crossed = part
            run = crossed
            continue
        if _count(op, arg) and all(run):
            needs.append((run, icase, True))  # a label before a count (see _choice)
            run = frozenset({""})
            continue
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1 and _single_literal(arg[2]):
            # x{3,} starts with "xxx" right after the run; what follows may come after more x.
            run = _cross(run, frozenset({chr(list(arg[2])[0][1]) * min(arg[0], 8)})) or run
            if arg[1] != arg[0]:
                close()
            continue
        close()
        if op is _c.SUBPATTERN:
            add, remove, sub = arg[1], arg[2], arg[3]
            inner = (icase or bool(add & re.I)) and not bool(remove & re.I)
            found = _sequence(sub, inner)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1:
            found = _sequence(arg[2], icase)
        elif op is _c.BRANCH:
            found = _branches(arg[1], icase)
        else:
            found = None
        if found:
            needs.append(found)
    close()
    return needs


def _count(op: Any, arg: Any) -> bool:
    """A digit, or a run of them (``\\d+``, ``[0-9]{2}``): a count, when a literal comes right before it."""
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1 and len(list(arg[2])) == 1:
        op, arg = list(arg[2])[0]
    if op is not _c.IN or len(arg) != 1:
        return False
    kind, value = arg[0]
    return (kind is _c.CATEGORY and value is _c.CATEGORY_DIGIT) or (kind is _c.RANGE and tuple(value) == (48, 57))


def _single_literal(items: Any) -> bool:
    items = list(items)
    return len(items) == 1 and items[0][0] is _c.LITERAL


def _branches(branches: list[Any], icase: bool) -> Need | None:
    """Each branch must bring its own literal, else the alternation requires nothing."""
    found = [_sequence(b, icase) for b in branches]
    if any(f is None for f in found):
        return None
    literals = frozenset(lit for f in found if f for lit in f[0])
    return (literals, any(f[1] for f in found if f), all(f[2] for f in found if f))


def needs_of(pattern: str) -> tuple[list[Need], bool] | None:
    parsed = parse(pattern)
    if parsed is None:
        return None  # RE2-only syntax: the caller uses the pattern itself
    icase = bool(parsed.state.flags & re.I)
    return _needs(list(parsed), icase), icase


def required_literals(pattern: str) -> Need | None:
    """Literals one of which every match of ``pattern`` contains, or None."""
    parsed = needs_of(pattern)
    return most_selective(parsed[0]) if parsed else None


def usable(needs: list[Need]) -> list[Need]:
    return [n for n in needs if n[0] and min(len(x.encode()) for x in n[0]) >= MIN_LITERAL]


def selectivity(need: Need) -> float:
    return min(map(score, need[0]))
