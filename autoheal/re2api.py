"""google-re2 as autoheal calls it: the options every pattern compiles with, and its compiled objects without their wrapper.

google-re2's Python API (https://github.com/google/re2/blob/main/python/re2/__init__.py)
wraps each compiled C++ object in Python: ``_Regexp.search`` runs a generator
(``_Regexp._match``) that builds a ``_Match`` per call, and ``Set.Match``
tests the argument's type and encodes it. The scanner calls them
once per candidate line (hundreds of thousands of times on a big log), where
that wrapper cost as much as the search: the prefilter's searches ran at half
the cost without it, the marker checks saved ~4 µs a line. The objects it
wraps (``_Regexp._regexp``, ``Set._set``) are what its
methods call, and give bare byte spans or indices. They are private: each
accessor here falls back to the public API where a release renames them, with
the same answers (tests/test_re2api.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, cast

import re2

# (start, end) byte offsets of the match, then of each group; (-1, -1) for one that did not take part.
Spans = Sequence[tuple[int, int]]


def options() -> Any:
    """The options of a pattern autoheal compiles: an invalid one is an error it raises, never text on stderr."""
    opts = re2.Options()
    opts.log_errors = False
    return opts


# The private anchor constants that ``_Regexp.search`` and ``match`` pass to the compiled object.
_ANCHOR = getattr(getattr(getattr(re2, "_re2", None), "RE2", None), "Anchor", None)
UNANCHORED = getattr(_ANCHOR, "UNANCHORED", None)
ANCHOR_START = getattr(_ANCHOR, "ANCHOR_START", None)


def spans(regex: Any, anchored: bool = False) -> Callable[[bytes, int, int], Spans] | None:
    """``match(data, pos, end)``: the spans of ``regex``'s first match in ``data[pos:end]`` (anchored at
    ``pos`` if ``anchored``), ``spans[0][0] < 0`` for none; None where google-re2 has no compiled object to call.

    Offsets are into the bytes: a caller with a str reads them as character offsets only when it is ASCII.
    """
    anchor = ANCHOR_START if anchored else UNANCHORED
    inner = getattr(getattr(regex, "_regexp", None), "Match", None)
    if anchor is None or inner is None:
        return None
    return partial(inner, anchor)  # a C-level partial: no Python frame per call


def set_match(matcher: Any) -> Callable[[bytes], list[int]]:
    """``match(data)``: the indices of the patterns of a compiled ``re2.Set`` that match ``data`` (UTF-8)."""
    inner = getattr(getattr(matcher, "_set", None), "Match", None)
    if inner is not None:
        return cast(Callable[[bytes], list[int]], inner)  # a list of indices, empty for none

    def public(data: bytes) -> list[int]:
        return list(matcher.Match(data) or [])

    return public
