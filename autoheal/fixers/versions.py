"""Just enough of PEP 440 specifiers and npm semver ranges to pick a runtime version.

Candidates are whole release lines as ``setup-python``/``setup-node`` install
them: ``3.9`` means the newest 3.9.x, ``18`` the newest 18.x. A line satisfies a
lower bound when its newest release does (``3.9`` satisfies ``>=3.9.2``) and an
upper bound when its first does. Exact pins (``==3.9.1``, ``===``) are not
supported: they return None, and the fixer declines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

Version = tuple[int, ...]
Check = Callable[[Version], bool]

PYTHON_LINES: tuple[Version, ...] = tuple((3, minor) for minor in range(6, 15))
NODE_LINES: tuple[Version, ...] = tuple((major,) for major in range(10, 25))
_HUGE = 10**6
_PEP440 = re.compile(r"\s*(~=|===|==|!=|<=|>=|<|>)\s*(\d+(?:\.\d+)*)(\.\*)?\s*")
_SEMVER = re.compile(r"(\^|~|>=|<=|>|<|=)?v?(\d+)(?:\.(\d+|x|X|\*))?(?:\.(\d+|x|X|\*))?(?:-[\w.]+)?")


def parse(text: str) -> Version | None:
    """``3.8.18`` -> (3, 8, 18); ``v16.20.2`` -> (16, 20, 2); None when it does not start with a number."""
    match = re.match(r"v?(\d+(?:\.\d+)*)", text.strip())
    return tuple(int(part) for part in match.group(1).split(".")) if match else None


def newest(line: Version) -> Version:
    return line + (_HUGE,) * (3 - len(line))


def oldest(line: Version) -> Version:
    return line + (0,) * (3 - len(line))


def minimal_line(spec: str, lines: Sequence[Version], pep440: bool, poetry: bool = False) -> Version | None:
    """The lowest release line satisfying ``spec``, or None (unsupported or unsatisfiable)."""
    if len(spec) > 200:  # specs come from logs; real ones are short
        return None
    checks = poetry_checks(spec) if poetry else pep440_checks(spec) if pep440 else semver_checks(spec)
    if checks is None:
        return None
    return next((line for line in lines if any(all(c(line) for c in group) for group in checks)), None)


def pep440_checks(spec: str) -> list[list[Check]] | None:
    checks: list[Check] = []
    for clause in spec.split(","):
        match = _PEP440.fullmatch(clause)
        if (
            not match
            or match.group(1) == "==="
            or (match.group(1) == "==" and not match.group(3) and len(match.group(2).split(".")) > 2)
        ):
            return None
        checks.append(_pep440_check(match.group(1), parse(match.group(2)) or (), bool(match.group(3))))
    return [checks]


def _pep440_check(op: str, bound: Version, star: bool) -> Check:
    if op in ("==", "!=") or (star and op):

        def prefix(line: Version) -> bool:
            return newest(line)[: len(bound)] == bound if len(bound) <= len(line) else False

        return prefix if op == "==" else (lambda line: not prefix(line))
    if op == "~=":
        return lambda line: newest(line) >= bound and newest(line)[: len(bound) - 1] == bound[:-1]
    return _compare(op, bound)


def _compare(op: str, bound: Version) -> Check:
    """Lower bounds hold if a line's newest release meets them, upper bounds if its oldest does."""
    padded = oldest(bound)
    return {
        ">=": lambda line: newest(line) >= padded,
        ">": lambda line: newest(line) > padded,
        "<=": lambda line: oldest(line)[: len(bound)] <= bound,
        "<": lambda line: oldest(line) < padded,
    }[op]


def poetry_checks(spec: str) -> list[list[Check]] | None:
    """Poetry's constraints (``[tool.poetry.dependencies] python``): ``^3.9``, ``~3.9``, ``>=3.9,<4``,
    ``>=3.9 <4``, ``3.9.*``, ``^2.7 || ^3.6`` (https://python-poetry.org/docs/dependency-specification/)."""
    groups: list[list[Check]] = []
    for alternative in spec.split("||"):
        checks: list[Check] = []
        for token in re.sub(r"([<>=!~^]+)\s+", r"\1", alternative).replace(",", " ").split():
            if token.startswith(("^", "~")) and not token.startswith("~="):
                bound = parse(token.lstrip("^~"))
                if not bound:
                    return None
                upper = _poetry_upper(bound, token[0])
                checks += [_compare(">=", bound), _compare("<", upper)]
                continue
            clause = pep440_checks(token if token[0] in "<>=!~" else f"=={token}")
            if clause is None:
                return None
            checks += clause[0]
        groups.append(checks)
    return groups


def _poetry_upper(bound: Version, op: str) -> Version:
    """``^3.9`` < 4, ``^0.2`` < 0.3; ``~3.9`` < 3.10, ``~3`` < 4."""
    if op == "~":
        return (bound[0] + 1,) if len(bound) == 1 else (bound[0], bound[1] + 1)
    first = next((i for i, part in enumerate(bound) if part), len(bound) - 1)
    return bound[:first] + (bound[first] + 1,)


def semver_checks(spec: str) -> list[list[Check]] | None:
    """npm ranges: ``>=18``, ``^18.17.0 || >=20``, ``18.x``, ``16 - 20``."""
    groups: list[list[Check]] = []
    for alternative in spec.split("||"):
        text = re.sub(r"(\S+)\s+-\s+(\S+)", r">=\1 <=\2", alternative.strip())
        checks: list[Check] = []
        for token in re.sub(r"([<>=^~]+)\s+", r"\1", text).split():
            check = _semver_check(token)
            if check is None:
                return None
            checks.append(check)
        groups.append(checks)
    return groups


def _semver_check(token: str) -> Check | None:
    if token in ("*", "x", "X"):
        return lambda line: True
    match = _SEMVER.fullmatch(token)
    if not match:
        return None
    op = match.group(1) or "="
    bound = tuple(int(p) for p in match.group(2, 3, 4) if p and p.isdigit())
    if op in ("^", "~", "="):
        return lambda line: line[0] == bound[0] and newest(line) >= oldest(bound)
    return _compare(op, bound)
