from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from autoheal import asciitwin, banners, blocks, cilines, edges, ends, framing, linear

ASCII = [chr(c) for c in range(128)]
# What each class means, from its definition (Python's docs for \w \s \d, Unicode's categories for \p).
DEFINITIONS = {
    "w": lambda c: c.isalnum() or c == "_",
    "s": str.isspace,
    "d": str.isdecimal,
    "pL": lambda c: unicodedata.category(c).startswith("L"),
    "pN": lambda c: unicodedata.category(c).startswith("N"),
    "p{L}": lambda c: unicodedata.category(c).startswith("L"),
    "p{N}": lambda c: unicodedata.category(c).startswith("N"),
    "p{Nd}": lambda c: unicodedata.category(c) == "Nd",
    "p{Z}": lambda c: unicodedata.category(c).startswith("Z"),
}
TWINS = {
    f"{module.__name__}.{name}": value
    for module in (banners, blocks, cilines, edges, ends, framing)
    for name, value in vars(module).items()
    if isinstance(value, asciitwin.Twin)
}
# Pieces of lines: the patterns' own words (so lines often match), and characters the classes split on.
SPECIALS = list(" \t:/.-_()[]=#*>|,'\"0123456789") + ["12", "  ", "..."]
UNICODE = ["é", "\u00a0", "✓", "│", "٣", "\u2028", "ß", "…", "日本"]


def _words(pattern: str) -> list[str]:
    words = re.findall(r"[A-Za-z]{2,}", pattern)
    return sorted({v for w in words for v in (w, w.lower(), w.upper(), w.capitalize())})


def _result(found: Any) -> Any:
    if found is None or isinstance(found, list):
        return found
    return found.span(), found.groups()


@pytest.mark.parametrize("item", sorted(linear.ASCII_ITEMS))
def test_each_ascii_part_is_its_class_on_ascii(item: str) -> None:
    assert [c for c in ASCII if re.fullmatch(f"[{linear.ASCII_ITEMS[item]}]", c)] == [
        c for c in ASCII if DEFINITIONS[item](c)
    ]


def test_the_line_shape_patterns_have_twins() -> None:
    assert {"autoheal.blocks.HEADER", "autoheal.blocks._DIAGNOSTIC", "autoheal.edges._PASSED"} <= set(TWINS)


@pytest.mark.parametrize("name", sorted(TWINS))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_twin_finds_what_its_unicode_pattern_finds(name: str, data: st.DataObject) -> None:
    twin = TWINS[name]
    pattern, ignorecase = twin._source
    words = _words(pattern) or ["x"]
    pieces = st.sampled_from(words) | st.sampled_from(SPECIALS)
    if data.draw(st.booleans(), "non-ASCII"):
        pieces |= st.sampled_from(UNICODE)
    line = "".join(data.draw(st.lists(pieces, max_size=12), "line"))
    python = _python(pattern, ignorecase)  # not linear's own pattern: on a non-ASCII line the twin runs that
    for method in ("search", "match", "findall"):
        assert _result(getattr(twin, method)(line)) == _result(getattr(python, method)(line)), (method, line)


def _python(pattern: str, ignorecase: bool) -> re.Pattern[str]:
    """``pattern`` as Python's ``re`` runs it: blocks.py writes Python's \\w as linear.WORD, which ``re`` lacks."""
    return re.compile(pattern.replace(linear.WORD, r"\w"), re.IGNORECASE if ignorecase else 0)


ATOMS = [r"\w", r"\W", r"\s", r"\S", r"\d", r"\D", r"\pL", r"\PL", r"\p{Nd}", r"\p{Z}", "[^\\pL\\pN_]", r"[\w.-]"]
# The characters where Python's classes and RE2's own ASCII ones part (\v, \x1c-\x1f are Python's \s).
EDGES = list("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f aZ09_.-:()")
ATOMS += [r"[\s\d]", "a", "A", ":", " ", "(", ")", "|", "[", "[^", "]", r"\\w", r"[\]\w]", r"\x41"]


@settings(max_examples=300, deadline=None)
@example(pieces=[("[x[]", ""), (r"\d", "")], line="x5", ignorecase=False)
@example(pieces=[("[]a]", ""), (r"\s", "")], line="] ", ignorecase=False)
@given(
    pieces=st.lists(st.tuples(st.sampled_from(ATOMS), st.sampled_from(["", "+", "*", "?", "{1,3}"])), max_size=6),
    line=st.text(st.sampled_from(EDGES) | st.characters(max_codepoint=127), max_size=20),
    ignorecase=st.booleans(),
)
def test_the_ascii_part_of_any_pattern_matches_alike_on_ascii(
    pieces: list[tuple[str, str]], line: str, ignorecase: bool
) -> None:
    pattern = "".join(a + (q if a not in ("(", ")", "|", "[", "[^") else "") for a, q in pieces)
    try:
        unicode = linear.compile(pattern, ignorecase)
    except ValueError:
        return  # unbalanced parentheses: not a pattern
    twin = linear.compile(pattern, ignorecase, ascii=True)
    assert _result(twin.search(line)) == _result(unicode.search(line))
    assert twin.findall(line) == unicode.findall(line)


def test_ascii_lines_never_compile_the_unicode_pattern() -> None:
    """The point of the twin: a log of ASCII lines pays only for ASCII classes (issue 14)."""
    twin = asciitwin.Twin(r"^\s*\w+: (\d+)")
    assert twin.match("  error: 12").group(1) == "12"
    assert twin._unicode._compiled is None
    assert twin.match("  érror: 12").group(1) == "12"
    assert twin._unicode._compiled is not None


def test_a_pattern_without_unicode_classes_is_its_own_twin() -> None:
    assert isinstance(asciitwin.lazy(r"^@@ -[0-9]+ @@"), linear.Lazy)
    assert isinstance(asciitwin.lazy(r"^\s*x"), asciitwin.Twin)


def test_a_refused_construct_still_fails_at_import() -> None:
    with pytest.raises(ValueError, match="lookaround"):
        asciitwin.lazy(r"\s(?=x)")


@pytest.mark.filterwarnings("ignore:Possible nested set:FutureWarning")
@pytest.mark.parametrize(
    ("pattern", "line"), [("[x[]\\d", "x5"), ("[[]\\d", "[5"), ("[[]\\s", "[ "), ("[]a]\\w", "]b"), ("[^]a]\\d", "b5")]
)
def test_a_bracket_first_in_a_class_is_read_as_python_reads_it(pattern: str, line: str) -> None:
    """Only a "]" first in a class is itself: ``[[]`` is a class of "[", and what follows is outside it."""
    expected = _result(re.compile(pattern).search(line))
    assert expected is not None
    assert _result(asciitwin.Twin(pattern).search(line)) == expected
    assert _result(linear.compile(pattern).search(line)) == expected
