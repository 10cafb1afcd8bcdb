"""google-re2's compiled objects called without its wrapper answer as its public API does, and so does the fallback."""

from __future__ import annotations

from typing import Any

import pytest
import re2

from autoheal import re2api

TEXTS = [b"", b"no match", b"db:5432 refused", b"x refused y refused", "d\xe9:1 refused".encode()]


class _PublicOnly:
    """A compiled object as a release that renamed the inner one would give it: its public methods alone."""

    def __init__(self, matcher: Any) -> None:
        self.Match = matcher.Match


@pytest.mark.parametrize("anchored", [False, True])
def test_spans_are_the_public_match_spans(anchored: bool) -> None:
    regex = re2.compile(rb"(?P<host>[^ :]+):(?P<port>\d*) refused|(?P<never>zzz)")
    match = re2api.spans(regex, anchored)
    assert match is not None
    for text in TEXTS:
        for pos in range(len(text) + 1):
            public = regex.match(text, pos) if anchored else regex.search(text, pos)
            got = match(text, pos, len(text))
            if public is None:
                assert got[0][0] < 0
            else:
                assert [tuple(s) for s in got] == [public.span(g) for g in range(regex.groups + 1)]


def test_without_the_compiled_object_or_its_constants_there_are_no_spans(monkeypatch: pytest.MonkeyPatch) -> None:
    assert re2api.spans(object()) is None  # a regex without ``_regexp``
    monkeypatch.setattr(re2api, "UNANCHORED", None)
    assert re2api.spans(re2.compile("x")) is None
    assert re2api.spans(re2.compile("x"), anchored=True) is not None


def _patterns() -> list[str]:
    return ["refused", r"\d+ refused", "^db", "(?i)NO MATCH", "never seen"]


def test_a_set_names_the_patterns_its_public_match_names() -> None:
    matcher = re2.Set.SearchSet(re2api.options())
    for pattern in _patterns():
        matcher.Add(pattern)
    matcher.Compile()
    fast, public = re2api.set_match(matcher), re2api.set_match(_PublicOnly(matcher))
    assert fast is not public
    for text in TEXTS:
        assert sorted(fast(text)) == sorted(public(text)) == sorted(matcher.Match(text) or [])
    assert sorted(fast(b"db:5432 refused")) == [0, 1, 2]


def test_options_keep_rejections_off_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(re2.error):
        re2.compile("a{2,1}", re2api.options())
    assert capfd.readouterr().err == ""
