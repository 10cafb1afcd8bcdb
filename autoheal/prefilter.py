"""Build the scanner's prefilter from the literals each rule pattern requires.

One alternation of ~600 full patterns is too large for RE2's DFA cache, and RE2
then falls back to its NFA at a few MB/s. Every line a pattern matches must
contain one of the pattern's *required literals* (as in RE2's FilteredRE2),
and an alternation of plain literals stays a small DFA that scans at hundreds
of MB/s. Patterns without a usable literal join the prefilter as they are.
The exact per-rule match still runs on each candidate line afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from autoheal import lazyre
from autoheal.prefilterneeds import Need, most_selective, needs_of, selectivity, usable
from autoheal.prefilterpairs import merged_pairs
from autoheal.regex_core import confine, core

# Below this score a literal selects too many lines (``test``, ``warning``): the
# pattern itself then joins the prefilter, which RE2 handles for a few dozen.
WEAK_SCORE = 6
# Below this a literal alone still flags too many lines: it is paired with a second.
STRONG_SCORE = 10
_META = lazyre.compile(r"([\\.+*?()|\[\]{}^$])")


def _literal(literal: str, icase: bool) -> str:
    escaped = _META.sub(r"\\\1", literal).replace("\n", r"\n").replace("\t", r"\t")
    return f"(?i:{escaped})" if icase else escaped


def _alternation(need: Need) -> str:
    return "|".join(_literal(lit, need[1]) for lit in sorted(need[0]))


def _choice(pattern: str) -> tuple[Need | str | None, Need | None]:
    """A strong literal set stands alone (a Need); a middling one is paired (a regex); else None.

    With it, the literals one of which every match holds (``required_literals``, from the same parse).

    A middling literal flags too many lines alone (``Node.js `` or ``is not
    supported`` each occur in every npm install), so it is paired with the
    pattern's next-best literal, in the order a match holds them, on one line.
    """
    parsed = needs_of(pattern)
    if parsed is None:
        return None, None
    needs = usable(parsed[0])
    best = most_selective(needs)
    score = selectivity(best) if best is not None else 0.0
    if best is None or score < WEAK_SCORE:
        return None, best
    others = [n for n in needs if n is not best]
    # A count's label (``, Failures: \\d+``) is printed whatever the count: on every summary line,
    # passing or not. It flags the lines it names together with the pattern's next literal.
    if (score >= STRONG_SCORE and not best[2]) or not others:
        return best, best
    # The literal that says what the line is about rather than another label: ``<<< FAILURE!`` after the counts.
    second = max(others, key=lambda n: (not n[2], selectivity(n)))
    first, last = sorted((best, second), key=needs.index)
    return f"(?:{_alternation(first)})[^\\n]*(?:{_alternation(last)})", best


def prefilter_part(pattern: str) -> str | None:
    """What the prefilter looks for on behalf of ``pattern``; None when no literal will do."""
    choice = _choice(pattern)[0]
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
    # Per pattern, in the order given: regexes one of which each match of it holds (matcher.py); () for none.
    keys: tuple[tuple[str, ...], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {**{name: list(getattr(self, name)) for name in _FIELDS}, "keys": [list(k) for k in self.keys]}

    @classmethod
    def from_json(cls, data: Any) -> Parts:
        if not isinstance(data, dict):
            raise ValueError("not a mapping")
        lists = {name: data.get(name, []) for name in _FIELDS}
        if not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in lists.values()):
            raise ValueError("not lists of strings")
        if len(lists["cores"]) != len(lists["weak"]):
            raise ValueError("a core for each weak pattern")
        keys = data.get("keys", [])
        if not isinstance(keys, list) or not all(
            isinstance(k, list) and all(isinstance(x, str) for x in k) for k in keys
        ):
            raise ValueError("keys: not lists of strings")
        return cls(**{name: tuple(v) for name, v in lists.items()}, keys=tuple(tuple(k) for k in keys))

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


def _lone_core(choice: Need | str | None, pattern: str, relax: Any) -> str | None:
    """The loop-free core of a pattern whose one literal is a middling word, where the core says more.

    With no second literal to pair it with, a middling literal flags every line that holds it. A word
    is prose's too: ``install `` flagged each ``/usr/bin/install -c ...`` line of a build, two thirds
    of the candidate lines no rule hit on real logs; the core (``(?:Please |[.!]\\s+)[Ii]nstall [a-z]``)
    is what a weak pattern's is: every match holds it, within one line. A tool's own literal
    (``error TS``, ``<<< ERROR!``) flags few such lines, and the cores of the thirty in the catalogue
    made the literals' pass cost 15% more on real logs for 25 fewer candidates.
    """
    if not isinstance(choice, tuple) or selectivity(choice) >= STRONG_SCORE:
        return None
    if not all(lit.strip().isalpha() for lit in choice[0]):
        return None
    parsed = needs_of(pattern)
    if parsed is None or len(usable(parsed[0])) > 1:
        return None
    found = core(relax(pattern))
    if not found or found.replace("\\", "") == _alternation(choice).replace("\\", ""):
        return None
    return found


def prefilter_parts(patterns: Iterable[str], relax: Any) -> Parts:
    """What together matches (at least) every line any pattern matches; see ``Parts``."""
    singles: set[tuple[str, bool]] = set()
    pairs: set[str] = set()
    weak: dict[str, str] = {}  # weak pattern -> its core
    keys: list[tuple[str, ...]] = []
    for pattern in patterns:
        choice, need = _choice(pattern)
        lone = _lone_core(choice, pattern, relax)
        if lone is not None:
            weak[f"(?:{relax(pattern)})"] = lone  # its keys stay its literal's
        elif choice is None:
            relaxed = relax(pattern)
            weak[f"(?:{relaxed})"] = found = core(relaxed) or ""
            keys.append((found,) if found else ())
            continue
        elif isinstance(choice, str):
            pairs.add(choice)  # its key: the pair's more selective half (every match holds one of it)
        else:
            singles.update((lit, choice[1]) for lit in choice[0])
        keys.append(tuple(_literal(lit, need[1]) for lit in sorted(need[0])) if need else ())
    exact, folded = _minimal(singles)
    weak_patterns = tuple(sorted(weak))
    joined = merged_pairs(tuple(sorted(pairs)), exact, folded)
    return Parts(exact, folded, joined, weak_patterns, tuple(weak[w] for w in weak_patterns), tuple(keys))


def prefilter_sources(patterns: Iterable[str], relax: Any) -> tuple[str, ...]:
    """RE2 alternations that together match (at least) every line any pattern matches (``Parts.sources``)."""
    return tuple(source for source in prefilter_parts(patterns, relax).sources() if source)
