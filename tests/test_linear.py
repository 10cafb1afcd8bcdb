"""Python-style patterns run by RE2 keep Python's meaning (linear.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from autoheal import linear


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"^\s*x$", "\xa0\u2003x"),  # no-break and em spaces are Python's \s
        (r"^\w+$", "é_ž9"),  # letters of any script are Python's \w
        (r"^\d$", "٣"),  # an Arabic-Indic digit is Python's \d
        (r"^[\w.]+$", "naïve.py"),  # \w inside a class too
        (r"^[^\s]+$", "a\xa0b"),  # and \s inside a negated one
        (r"^x$", "x\n"),  # Python's $ also matches before a final newline
        (r"^\S+$", "a\u2003b"),
        (r"(?P<a>.*?)\.{2,}(?P<b>ok)$", "name ... ok"),
    ],
)
def test_a_pattern_means_what_it_means_in_python(pattern: str, text: str) -> None:
    ours, theirs = linear.compile(pattern).search(text), re.compile(pattern).search(text)
    assert bool(ours) == bool(theirs)
    if theirs is not None:
        assert ours.groups() == theirs.groups()


@pytest.mark.parametrize("pattern", [r"a(?=b)", r"(?<!a)b", r"\bword", r"(a)\1", r"[\S]"])
def test_what_re2_cannot_do_is_refused(pattern: str) -> None:
    with pytest.raises(ValueError):
        linear.translate(pattern)


def test_re2s_named_classes_pass_through() -> None:
    assert linear.translate(r"\p{Greek}+\pL") == r"\p{Greek}+\pL"
    assert linear.compile(r"^\P{Greek}\p{Greek}+$").search("aβγ")


def test_ignorecase() -> None:
    assert linear.compile("error", ignorecase=True).search("An ERROR")


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"^a{,2}$", "a"),  # Python's {,n} is 0..n; RE2 would read it as text
        (r"^a{,2}$", "aaa"),
        (r"^a{,}$", "aaaa"),
        (r"^a{}$", "a{}"),  # an empty brace is text in both
        (r"^a{x,1}$", "a{x,1}"),
        (r"x\Z", "x\n"),  # \Z is the very end: no final newline allowed
        (r"x\Z", "x"),
        (r"^\u00e9\U0001F600$", "é😀"),
        (r"^[\u0430-\u044f]+$", "тест"),
        (r"^\0[\101]\é\.$", "\x00Aé."),
        (r"^[\b]$", "\b"),  # a backspace inside a class
    ],
)
def test_python_only_syntax_keeps_its_meaning(pattern: str, text: str) -> None:
    ours, theirs = linear.compile(pattern).search(text), re.compile(pattern).search(text)
    assert bool(ours) == bool(theirs)
    if theirs is not None:
        assert ours.group(0) == theirs.group(0)


@pytest.mark.filterwarnings("ignore:Possible nested set:FutureWarning")
@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("^[[:alpha:]]$", "x"),  # Python: a class of "[:alph", then a "]" (RE2 alone: a POSIX class of letters)
        ("^[[:alpha:]]$", ":]"),
        ("^[^[:digit:]]+$", "12"),
        ("^[^[:digit:]]+$", "ab]"),
        ("[a[:space:]]", " "),
        ("[a[:space:]]", "s]"),
    ],
)
def test_a_bracket_inside_a_class_is_a_character_as_in_python(pattern: str, text: str) -> None:
    ours, theirs = linear.compile(pattern).search(text), re.compile(pattern).search(text)
    assert (ours is None) == (theirs is None)
    if theirs is not None:
        assert ours.group(0) == theirs.group(0)


@pytest.mark.parametrize("pattern", [r"\N{EM DASH}", "a\\", r"\q", r"a{2000}", r"(?#note)", r"(?P=x)"])
def test_what_cannot_be_translated_is_a_clear_value_error(pattern: str, capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match="RE2|\\\\|backslash"):
        linear.compile(pattern)
    assert capfd.readouterr().err == ""  # RE2 logs nothing of its own on stderr


# Atoms whose meaning a translation could change, and strings that tell them apart.
_ATOMS = ["a", "b", ".", r"\d", r"\s", r"\w", r"\W", "[ab]", "[^a]", r"[\s1]", r"\u00e9", r"\x41", r"\.", "é"]
_ATOMS += ["[a[]", "[]a]", "[^]a]"]  # a "]" first in a class is itself; any later one ends it
_ATOMS += ["[[:alpha:]]", "[^[:digit:]]"]  # a "[" in a class is itself (RE2 alone reads POSIX classes there)
_QUANTIFIERS = ["", "*", "+", "?", "*?", "{2}", "{,2}", "{1,}", "{0,1}", "{,}"]
_ANCHORS = ["", "^", r"\A"], ["", "$", r"\Z"]


@st.composite
def _patterns(draw: st.DrawFn) -> str:
    body = "".join(
        draw(st.sampled_from(_ATOMS)) + draw(st.sampled_from(_QUANTIFIERS)) for _ in range(draw(st.integers(1, 4)))
    )
    if draw(st.booleans()):
        body = f"(?:{body}|{draw(st.sampled_from(_ATOMS))})"
    return draw(st.sampled_from(_ANCHORS[0])) + body + draw(st.sampled_from(_ANCHORS[1]))


@pytest.mark.filterwarnings("ignore:Possible nested set:FutureWarning")
@settings(max_examples=300, deadline=None)
@example("[[]\\s", "[ ")
@example("[[:alpha:]]", "b")
@example("[a[]\\d", "a2")
@given(_patterns(), st.text(alphabet="ab1A. é\n\xa0٣_{},2[]:", max_size=8))
def test_linear_and_python_agree(pattern: str, text: str) -> None:
    ours, theirs = linear.compile(pattern).search(text), re.compile(pattern).search(text)
    assert (ours is None) == (theirs is None), (pattern, text)
    if theirs is not None and not pattern.endswith("$"):
        # Python's $ matches before a final newline without taking it; the translation takes it.
        assert ours.span() == theirs.span(), (pattern, text)


def test_a_lazy_pattern_refuses_at_once_and_compiles_once_on_first_use() -> None:
    with pytest.raises(ValueError):
        linear.lazy(r"(?<=a)b")  # refused by the translation, before any use
    pattern = linear.lazy(r"^\s*FAIL\w*", ignorecase=True)
    assert "search" not in vars(pattern)  # not compiled yet: import stays cheap
    found = pattern.search("  fail_fast: true")
    assert found is not None and found.group(0) == linear.compile(r"^\s*FAIL\w*", ignorecase=True).search(
        "  fail_fast: true"
    ).group(0)
    compiled = vars(pattern)["search"]
    assert pattern.search is compiled  # later calls go straight to the RE2 pattern
    assert pattern.sub("", "FAILED x") == " x" and pattern.fullmatch("nope") is None


def test_a_lazy_pattern_compiles_once_whatever_attribute_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = linear._compile

    def counting(pattern: str, translated: str) -> object:
        calls.append(pattern)
        return real(pattern, translated)

    monkeypatch.setattr(linear, "_compile", counting)
    pattern = linear.lazy(r"(?P<name>\w+)=(?P<value>\d+)")
    assert pattern.groupindex["value"] == 2 and pattern.groupindex["name"] == 1
    assert pattern.search("x=1") is not None and pattern.programsize > 0
    assert calls == [r"(?P<name>\w+)=(?P<value>\d+)"]
