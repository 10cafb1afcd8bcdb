"""Python-style patterns run by RE2 keep Python's meaning (linear.py)."""

from __future__ import annotations

import re

import pytest

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


def test_ignorecase() -> None:
    assert linear.compile("error", ignorecase=True).search("An ERROR")
