"""The template filters (``autoheal.renderfilters``): table-driven, plus properties for the ones
that carry log text into markdown."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from autoheal.models import ExcerptLine
from autoheal.renderfilters import FILTERS, duration, numbered
from tests.helpers import split_fences


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(-1, "0.0 s"), (3.24, "3.2 s"), (42.4, "42 s"), (725, "12 min 5 s"), (16_740, "4 h 39 min")],
)
def test_duration(seconds: float, shown: str) -> None:
    assert duration(seconds) == shown


def test_numbered_marks_files_and_gaps() -> None:
    lines = [ExcerptLine(9, "a", "x.log"), ExcerptLine(10, "b", "x.log"), ExcerptLine(20, "c", "x.log")]
    assert numbered(lines).split("\n") == ["==> x.log <==", " 9 | a", "10 | b", " \u22ee", "20 | c"]
    assert numbered(lines, files=False).startswith(" 9 | a")


def test_a_long_line_is_cut_after_redaction_and_says_how_much() -> None:
    token = "ghp_" + "a" * 36
    shown = numbered([ExcerptLine(1, "xxxxx " + token)], limit=20)  # the cut falls inside the token
    assert "ghp_" not in shown and "aaaa" not in shown


def test_a_log_line_cannot_pass_for_the_counter() -> None:
    assert "**Occurrences:** 9" not in FILTERS["uncounted"]("**Occurrences:** 9")


@example("```\nnot code any more\n```")
@example("~~~~\n````")
@given(st.text())
def test_no_text_breaks_out_of_its_fence(text: str) -> None:
    fenced = FILTERS["fence"](text)
    outside, balanced = split_fences(fenced)
    assert balanced and outside == []


@given(st.text(max_size=300))
def test_inline_text_is_one_line_without_live_mentions(text: str) -> None:
    shown = FILTERS["inline"](text)
    assert "\n" not in shown and "<!--" not in shown
