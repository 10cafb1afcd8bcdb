"""Build the scanner's prefilter from the literals each rule pattern requires.

One alternation of ~600 full patterns is too large for RE2's DFA cache, and RE2
then falls back to its NFA at a few MB/s. Every line a pattern matches must
contain one of the pattern's *required literals* (as in RE2's FilteredRE2),
and an alternation of plain literals stays a small DFA that scans at hundreds
of MB/s. Patterns without a usable literal join the prefilter as they are.
The exact per-rule match still runs on each candidate line afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from autoheal.prefilterpairs import merged_pairs
from autoheal.regex_core import _c, _score, confine, core, parse

MIN_LITERAL = 3
# Below this score a literal selects too many lines (``test``, ``warning``): the
# pattern itself then joins the prefilter, which RE2 handles for a few dozen.
WEAK_SCORE = 6
# Below this a literal alone still flags too many lines: it is paired with a second.
STRONG_SCORE = 10
# (literals, case-insensitive, a count follows them): any one literal of the set must occur in a matching line.
Need = tuple[frozenset[str], bool, bool]


def _best(needs: list[Need]) -> Need | None:
    """The alternative whose least selective literal is most selective."""
    return max(_usable(needs), key=lambda n: (_selectivity(n), -len(n[0])), default=None)


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


def _flatten(items: Iterable[tuple[Any, Any]]) -> Iterable[tuple[Any, Any]]:
    """Inline groups that change no flags: a capture does not change what is matched."""
    for op, arg in items:
        if op is _c.SUBPATTERN and not arg[1] and not arg[2]:
            yield from _flatten(arg[3])
        else:
            yield op, arg


def _sequence(items: Iterable[tuple[Any, Any]], icase: bool) -> Need | None:
    return _best(_needs(items, icase))


def _needs(items: Iterable[tuple[Any, Any]], icase: bool) -> list[Need]:
    """Every literal set the sequence requires, in the order a match contains them."""
    needs: list[Need] = []
    run: frozenset[str] = frozenset({""})

    def close() -> None:
        nonlocal run
        if all(run):
            needs.append((run, icase, False))
        run = frozenset({""})

    for op, arg in _flatten(items):
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


def _parse(pattern: str) -> tuple[list[Need], bool] | None:
    parsed = parse(pattern)
    if parsed is None:
        return None  # RE2-only syntax: the caller uses the pattern itself
    icase = bool(parsed.state.flags & re.I)
    return _needs(list(parsed), icase), icase


def required_literals(pattern: str) -> Need | None:
    """Literals one of which every match of ``pattern`` contains, or None."""
    parsed = _parse(pattern)
    return _best(parsed[0]) if parsed else None


_META = re.compile(r"([\\.+*?()|\[\]{}^$])")


def _literal(literal: str, icase: bool) -> str:
    escaped = _META.sub(r"\\\1", literal).replace("\n", r"\n").replace("\t", r"\t")
    return f"(?i:{escaped})" if icase else escaped


def _alternation(need: Need) -> str:
    return "|".join(_literal(lit, need[1]) for lit in sorted(need[0]))


def _usable(needs: list[Need]) -> list[Need]:
    return [n for n in needs if n[0] and min(len(x.encode()) for x in n[0]) >= MIN_LITERAL]


def _selectivity(need: Need) -> float:
    return min(map(_score, need[0]))


def _choice(pattern: str) -> Need | str | None:
    """A strong literal set stands alone (a Need); a middling one is paired (a regex); else None.

    A middling literal flags too many lines alone (``Node.js `` or ``is not
    supported`` each occur in every npm install), so it is paired with the
    pattern's next-best literal, in the order a match holds them, on one line.
    """
    parsed = _parse(pattern)
    if parsed is None:
        return None
    needs = _usable(parsed[0])
    best = _best(needs)
    score = _selectivity(best) if best is not None else 0.0
    if best is None or score < WEAK_SCORE:
        return None
    others = [n for n in needs if n is not best]
    # A count's label (``, Failures: \\d+``) is printed whatever the count: on every summary line,
    # passing or not. It flags the lines it names together with the pattern's next literal.
    if (score >= STRONG_SCORE and not best[2]) or not others:
        return best
    # The literal that says what the line is about rather than another label: ``<<< FAILURE!`` after the counts.
    second = max(others, key=lambda n: (not n[2], _selectivity(n)))
    first, last = sorted((best, second), key=needs.index)
    return f"(?:{_alternation(first)})[^\\n]*(?:{_alternation(last)})"


def prefilter_part(pattern: str) -> str | None:
    """What the prefilter looks for on behalf of ``pattern``; None when no literal will do."""
    choice = _choice(pattern)
    return _alternation(choice) if isinstance(choice, tuple) else choice


@dataclass(frozen=True)
class Parts:
    """What the prefilter looks for, before it is joined into regexes (and what is cached).

    ``exact`` and ``folded`` are plain literals (``folded`` matched without case),
    ``pairs`` and ``weak`` regexes. Each item alone matches on one line, so an engine that runs
    them as separate patterns (Hyperscan) flags the same lines. ``cores`` holds, for each weak
    pattern, its loop-free core (regex_core.py), or "" when it has none: RE2 runs the
    literals with the cores, then the pairs with the weak patterns that have no core.
    """

    exact: tuple[str, ...] = ()
    folded: tuple[str, ...] = ()
    pairs: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    cores: tuple[str, ...] = ()

    def to_json(self) -> dict[str, list[str]]:
        return {name: list(getattr(self, name)) for name in _FIELDS}

    @classmethod
    def from_json(cls, data: Any) -> Parts:
        if not isinstance(data, dict):
            raise ValueError("not a mapping")
        lists = {name: data.get(name, []) for name in _FIELDS}
        if not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in lists.values()):
            raise ValueError("not lists of strings")
        if len(lists["cores"]) != len(lists["weak"]):
            raise ValueError("a core for each weak pattern")
        return cls(**{name: tuple(v) for name, v in lists.items()})

    def sources(self) -> tuple[str, str]:
        """The two RE2 alternations: literals and cores, then pairs and the weak patterns without a core.

        Each pass costs ~1.3 ns a byte while its DFA fits its cache, but the
        pairs' ``[^\\n]*`` and the weak patterns' ``\\S+`` loops multiply the
        literals' DFA states where they share one: measured on 64 MB of real
        logs, literals and pairs together ran at 270 MB/s (and needed 20 MB
        more of DFA), each apart at 600 and 790 MB/s; the cores cost the
        literals' pass nothing measurable and saved the weak patterns' pass.
        Either is "" when it has nothing.
        """
        literals = [_literal(lit, False) for lit in self.exact]
        if self.folded:
            literals.append("(?i:" + "|".join(_literal(lit, False) for lit in self.folded) + ")")
        cores = dict(zip(self.weak, self.cores))
        literals += [c for c in self.cores if c]
        # Without the newline the loops stay inside a line too (their pass then runs anchored: rules.py).
        loops = list(self.pairs) + [confine(w) or w for w in self.weak if not cores.get(w)]
        return "|".join(literals), "|".join(loops)


_FIELDS = ("exact", "folded", "pairs", "weak", "cores")


def _minimal(literals: set[tuple[str, bool]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The literals (exact, case-folded) without those that contain another (it already flags the line).

    Fewer, and the case-insensitive ones in one group: the DFA is smaller and
    the literal pass ran 25% faster on the benchmark logs. Each literal is
    checked against a set of the shorter ones' substrings, not each of them:
    the pairwise check was most of a cold start.
    """
    folded: list[str] = []
    for lit in sorted({x.lower() for x, icase in literals if icase}, key=len):
        if not _holds_any(lit, folded):
            folded.append(lit)
    exact: list[str] = []
    for lit in sorted({x for x, icase in literals if not icase}, key=len):
        if not _holds_any(lit.lower(), folded) and not _holds_any(lit, exact):
            exact.append(lit)
    return tuple(sorted(exact)), tuple(sorted(folded))


def _holds_any(text: str, shorter: list[str]) -> bool:
    return any(s in text for s in shorter)


def prefilter_parts(patterns: Iterable[str], relax: Any) -> Parts:
    """What together matches (at least) every line any pattern matches; see ``Parts``."""
    singles: set[tuple[str, bool]] = set()
    pairs: set[str] = set()
    weak: dict[str, str] = {}  # weak pattern -> its core
    for pattern in patterns:
        choice = _choice(pattern)
        if choice is None:
            relaxed = relax(pattern)
            weak[f"(?:{relaxed})"] = core(relaxed) or ""
        elif isinstance(choice, str):
            pairs.add(choice)
        else:
            singles.update((lit, choice[1]) for lit in choice[0])
    exact, folded = _minimal(singles)
    weak_patterns = tuple(sorted(weak))
    joined = merged_pairs(tuple(sorted(pairs)), exact, folded)
    return Parts(exact, folded, joined, weak_patterns, tuple(weak[w] for w in weak_patterns))


def prefilter_sources(patterns: Iterable[str], relax: Any) -> tuple[str, ...]:
    """RE2 alternations that together match (at least) every line any pattern matches (``Parts.sources``)."""
    return tuple(source for source in prefilter_parts(patterns, relax).sources() if source)
