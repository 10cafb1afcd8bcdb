"""What a tool said below its block, down to its command's exit line (autoheal/ends.py)."""

from __future__ import annotations

from collections.abc import Iterator

from autoheal import ends


def _numbered(*texts: str | None) -> list[tuple[int, str | None]]:
    return list(enumerate(texts, 10))


def test_a_tools_last_words_end_where_the_runners_work_starts_and_are_a_few_lines_or_none() -> None:
    said = _numbered("hint: run with --fix", "", "see CONTRIBUTING.md", "Saving cache for failed job", "x")
    assert ends.words_below(said) == [(10, "hint: run with --fix"), (11, ""), (12, "see CONTRIBUTING.md")]
    passing = _numbered("--- PASS: TestY (0.00s)", "ok")
    assert ends.words_below(passing) == passing  # a passing case is the runner's chatter, yet its words go on
    assert ends.words_below(_numbered(*(f"wrote page {i}" for i in range(ends.TAIL + 1)))) is None
    assert ends.words_below(_numbered("hint: run with --fix", None)) is None  # the kept lines do not reach


def test_a_tools_last_words_are_read_only_as_far_as_they_go() -> None:
    def endless() -> Iterator[tuple[int, str | None]]:
        yield 1, "hint: run with --fix"
        yield 2, "Uploading artifacts for failed job"
        raise AssertionError("read past the runner's work")

    assert ends.words_below(endless()) == [(1, "hint: run with --fix")]
