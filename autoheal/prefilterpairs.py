"""Prefilter pairs (``(?:A)[^\\n]*(?:B)``, prefilter._choice) merged into fewer regexes that flag the same lines.

Part of deriving the prefilter: listed in prefiltercache._DERIVERS, whose hashes key the disk cache.
"""

from __future__ import annotations

import re

_PAIR = "(?:{})[^\\n]*(?:{})"
_SPLIT = ")[^\\n]*(?:"


def _alternatives(alternation: str) -> tuple[str, ...]:
    """A pair side's literals (``prefilter._literal``, which escapes every ``|`` inside one) in order."""
    out, start, at = [], 0, 0
    while at < len(alternation):
        if alternation[at] == "\\":
            at += 2
            continue
        if alternation[at] == "|":
            out.append(alternation[start:at])
            start = at + 1
        at += 1
    out.append(alternation[start:])
    return tuple(out)


def _unescaped(literal: str) -> str | None:
    """The text an escaped literal matches, or None for a case-folded ``(?i:...)`` one."""
    if literal.startswith("(?"):
        return None
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), literal)


def _texts(side: tuple[str, ...]) -> list[str] | None:
    texts = [_unescaped(literal) for literal in side]
    return None if None in texts else [t for t in texts if t is not None]


def _covered(side: tuple[str, ...], by: list[str], folded: tuple[str, ...] = ()) -> bool:
    """Every literal of ``side`` holds one of ``by`` (or of ``folded``, in any case): ``by`` flags where it does."""
    for literal in side:
        text = _unescaped(literal)
        # ASCII only for the folded ones: ``str.lower`` maps a few other letters (U+0130) as RE2 does not.
        if text is None or not (
            any(b in text for b in by) or (text.isascii() and any(f in text.lower() for f in folded))
        ):
            return False
    return True


def merged_pairs(pairs: tuple[str, ...], exact: tuple[str, ...], folded: tuple[str, ...]) -> tuple[str, ...]:
    """The pairs (``(?:A)[^\\n]*(?:B)``, prefilter._choice) as fewer patterns that flag the same lines.

    Each pair slowed the engines' passes (Hyperscan's region pass by ~7%, the 65 of the catalogue). A pair whose every first (or
    every second) literal holds a literal of the pass flags no line that literal
    does not, nor one whose literals each hold those of another pair (a line
    holding ``test `` then `` ... FAILED`` holds ``test`` then `` FAILED``).
    Pairs with the same first or second side become one: ``(?:A|A')[^\\n]*(?:B)``
    flags the lines either does. A regex not of that shape is kept as it is.
    """
    sides: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    kept: list[str] = []
    for pair in pairs:
        head, split, tail = pair.partition(_SPLIT)
        if not (split and head.startswith("(?:") and tail.endswith(")")) or _SPLIT in tail:
            kept.append(pair)
            continue
        first, second = _alternatives(head[3:]), _alternatives(tail[:-1])
        if _covered(first, list(exact), folded) or _covered(second, list(exact), folded):
            continue
        sides.append((first, second))
    # One at a time, against the pairs still kept: two pairs may each cover the other.
    texts = [(_texts(f), _texts(s)) for f, s in sides]
    dropped: set[int] = set()
    for i, (first, second) in enumerate(sides):
        for j, (g, t) in enumerate(texts):
            others = j != i and j not in dropped and g is not None and t is not None
            if others and _covered(first, g or []) and _covered(second, t or []):
                dropped.add(i)
                break
    sides = [side for i, side in enumerate(sides) if i not in dropped]
    by_second: dict[tuple[str, ...], set[str]] = {}
    for first, second in sides:
        by_second.setdefault(second, set()).update(first)
    by_first: dict[tuple[str, ...], set[str]] = {}
    for second, firsts in by_second.items():
        by_first.setdefault(tuple(sorted(firsts)), set()).update(second)
    merged = [_PAIR.format("|".join(f), "|".join(sorted(s))) for f, s in by_first.items()]
    return tuple(sorted(merged + kept))
