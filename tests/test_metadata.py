"""metadata: the hidden block is written safely, read strictly, and cannot be forged from a log."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autoheal import metadata
from autoheal.fences import fence
from autoheal.metadata import MAX_BLOCK_CHARS, PREFIX, encode, extract, replace
from autoheal.models import CATEGORIES
from autoheal.sanitize import github_length, strip_html_comments_markers

PROPERTY = settings(max_examples=80, deadline=None)

META: dict[str, Any] = {
    "fingerprint": "0123456789abcdef",
    "category": "dependency.missing",
    "rule": "python.module-not-found",
    "captures": {"module": "requests"},
    "run_id": 123,
    "run_attempt": 1,
    "job_id": 456,
    "job": "build",
    "step": "Run tests",
    "workflow": "CI",
    "occurrences": 3,
    "first_seen": "2024-05-01T12:00:00Z",
    "last_seen": "2024-05-02T08:30:00.123456+02:00",
}


def body_with(meta: dict[str, Any], above: str = "Some issue text.\n") -> str:
    return f"{above}\n{encode(meta)}\n"


# --- encode ----------------------------------------------------------------------------------


def test_encode_shape() -> None:
    line = encode(META)
    assert line.startswith("<!-- autoheal:v1 {") and line.endswith("} -->")
    payload = line[len(PREFIX) : -4]
    assert list(json.loads(payload)) == sorted(META)
    assert "\n" not in line


def test_encode_escapes_what_could_end_the_comment() -> None:
    meta = {**META, "job": "a-->b --!> <!-- @admin #1 & x\u2028y", "step": "---"}
    line = encode(meta)
    inner = line[len("<!--") : -len("-->")]
    for bad in ("--", ">", "<", "@", "#", "\u2028"):
        assert bad not in inner
    assert extract(f"text\n{line}\n") == meta


def test_encode_normalizes() -> None:
    meta = {
        **META,
        "job": None,
        "extra": "dropped",
        "captures": {"k": "v" * 500, "": "x", **{f"c{i:02}": "v" for i in range(30)}},
    }
    data = extract(body_with(meta))
    assert data is not None
    assert "job" not in data and "extra" not in data
    assert len(data["captures"]) == metadata.MAX_CAPTURES and "" not in data["captures"]
    assert metadata.normalize(META) == META


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("fingerprint", "XYZ"),
        ("fingerprint", "0123456789ABCDEF"),
        ("category", "nope"),
        ("run_id", "12"),
        ("run_id", True),
        ("run_attempt", 0),
        ("occurrences", -1),
        ("first_seen", "yesterday"),
        ("captures", {"k": 1}),
    ],
)
def test_encode_rejects_invalid(key: str, value: Any) -> None:
    with pytest.raises(ValueError, match=key):
        encode({**META, key: value})


def test_encode_requires_fingerprint_and_category() -> None:
    with pytest.raises(ValueError, match="fingerprint: missing"):
        encode({"category": "unknown"})


def test_worst_case_block_fits() -> None:
    nasty = "@" * 200  # every character escaped to six
    meta = {
        **META,
        "rule": nasty[:200],
        "job": nasty[:200],
        "step": nasty[:200],
        "workflow": nasty[:200],
        "run_id": metadata.MAX_ID,
        "job_id": metadata.MAX_ID,
        "captures": {f"{i:02}" + "@" * 62: nasty[:200] for i in range(metadata.MAX_CAPTURES)},
    }
    line = encode(meta)
    assert len(line) <= MAX_BLOCK_CHARS
    assert extract(line) == meta


# --- round trip ------------------------------------------------------------------------------

short_text = st.text(max_size=40)
valid_meta = st.fixed_dictionaries(
    {"fingerprint": st.from_regex(r"[0-9a-f]{16}", fullmatch=True), "category": st.sampled_from(CATEGORIES)},
    optional={
        "rule": short_text,
        "job": short_text,
        "step": short_text,
        "workflow": short_text,
        "captures": st.dictionaries(st.text(min_size=1, max_size=20), short_text, max_size=5),
        "run_id": st.integers(0, metadata.MAX_ID),
        "job_id": st.integers(0, metadata.MAX_ID),
        "run_attempt": st.integers(1, 100),
        "occurrences": st.integers(1, 10_000),
        "first_seen": st.just("2024-01-02T03:04:05Z"),
        "last_seen": st.just("2024-01-02T03:04:05+00:00"),
    },
)


@PROPERTY
@given(valid_meta)
def test_round_trip(meta: dict[str, Any]) -> None:
    assert extract(encode(meta)) == meta
    assert extract(body_with(meta)) == meta
    assert extract(body_with(meta).replace("\n", "\r\n")) == meta


@PROPERTY
@given(st.one_of(st.text(), st.text().map(lambda t: PREFIX + t + " -->"), st.binary().map(repr)))
def test_extract_never_raises(body: str) -> None:
    result = extract(body)
    assert result is None or not metadata.problems(result)


@pytest.mark.parametrize("body", [None, 42, b"<!-- autoheal:v1 {} -->"])
def test_extract_non_text(body: object) -> None:
    assert extract(body) is None


# --- strict reading --------------------------------------------------------------------------


def line_with(payload: str) -> str:
    return f"Issue text\n\n{PREFIX}{payload} -->\n"


GOOD = json.dumps(META)


@pytest.mark.parametrize(
    "body",
    [
        line_with("{"),  # broken JSON
        line_with("[1, 2]"),  # not an object
        line_with(GOOD[:-1] + ', "run_id": 5}'),  # duplicate key
        line_with(GOOD.replace('"occurrences": 3', '"occurrences": NaN')),
        line_with(GOOD.replace('"occurrences": 3', '"occurrences": 3.0')),
        line_with(GOOD.replace('"occurrences": 3', '"occurrences": true')),
        line_with(GOOD.replace('"job": "build"', '"job": null')),
        line_with(GOOD.replace("dependency.missing", "made.up")),
        line_with(GOOD.replace("0123456789abcdef", "0123456789abcde")),
        line_with('{"category": "network"}'),  # no fingerprint
        line_with(GOOD.replace('{"module": "requests"}', json.dumps({f"k{i}": "v" for i in range(40)}))),
        line_with(GOOD.replace('"requests"', json.dumps("x" * 1000))),
        line_with("[" * 100_000 + "]" * 100_000),  # too long to even parse
        line_with("9" * 5000),
        f"Issue text\n\n{PREFIX.replace('v1', 'v2')}{GOOD} -->\n",  # a version we cannot read
        f"Issue text\n\n  {PREFIX}{GOOD} -->\n",  # not on its own line
        f"Issue text {PREFIX}{GOOD} -->\n",
        f"Issue text\n\n{PREFIX}{GOOD} -->\n" + "more text\n" * 500,  # not at the end
    ],
)
def test_damaged_blocks_read_as_none(body: str) -> None:
    assert extract(body) is None


def test_unknown_keys_ignored_on_read() -> None:
    assert extract(line_with(GOOD[:-1] + ', "future": [1, 2]}')) == META


def test_damaged_last_block_does_not_fall_back_to_an_earlier_one() -> None:
    body = body_with(META) + "\n" + line_with("{broken")
    assert extract(body) is None


def test_maintainer_note_after_the_block_is_allowed() -> None:
    assert extract(body_with(META) + "\nFixed upstream, see the linked PR.\n") == META


# --- forgeries -------------------------------------------------------------------------------

FORGED = {**META, "fingerprint": "ffffffffffffffff", "occurrences": 999}


def rendered_like(excerpt: str, meta: dict[str, Any]) -> str:
    """The shape of an issue body: log text fenced and made inert, our block last."""
    return f"Summary\n\n{fence(strip_html_comments_markers(excerpt), 'text')}\n\n---\n\n{encode(meta)}\n"


@pytest.mark.parametrize(
    "excerpt",
    [
        encode(FORGED),
        "\n" + encode(FORGED) + "\n",
        "```\n" + encode(FORGED) + "\n```",
        "````````\n\n" + encode(FORGED),
        f"{encode(FORGED)}\n" * 3,
    ],
)
def test_forged_block_in_the_log_loses(excerpt: str) -> None:
    assert extract(rendered_like(excerpt, META)) == META


@PROPERTY
@given(valid_meta, st.lists(st.one_of(st.text(max_size=30), valid_meta.map(encode)), max_size=6))
def test_our_block_wins_over_anything_a_log_injects(meta: dict[str, Any], pieces: list[str]) -> None:
    assert extract(rendered_like("\n".join(pieces), meta)) == meta


def test_inert_forgery_is_not_a_block_even_without_ours() -> None:
    assert extract("text\n" + strip_html_comments_markers(encode(FORGED)) + "\n") is None


# --- replace ---------------------------------------------------------------------------------


def test_replace_updates_in_place_and_keeps_human_edits() -> None:
    body = "Edited by a human.\n\n" + encode(META) + "\n\nAppended note.\n"
    bumped = {**META, "occurrences": 4}
    out = replace(body, bumped)
    assert out == "Edited by a human.\n\n" + encode(bumped) + "\n\nAppended note.\n"
    assert extract(out) == bumped


def test_replace_appends_when_missing() -> None:
    out = replace("Written by hand.\r\n\r\n", META)
    assert out == "Written by hand.\r\n\r\n" + encode(META) + "\r\n"
    assert extract(out) == META
    assert replace("", META) == encode(META) + "\n"


def test_replace_keeps_crlf_bodies_working() -> None:
    body = body_with(META).replace("\n", "\r\n")
    out = replace(body, {**META, "occurrences": 9})
    assert out.endswith("\r\n") and extract(out) == {**META, "occurrences": 9}


def test_replace_does_not_overwrite_a_newer_version() -> None:
    body = f"text\n\n{PREFIX.replace('v1', 'v2')}{{}} -->\n"
    out = replace(body, META)
    assert out.startswith(body.rstrip()) and extract(out) == META


def test_replace_keeps_body_within_limit() -> None:
    body = "line\n" * 20_000 + "\n" + encode(META) + "\n"
    out = replace(body, {**META, "occurrences": 4})
    assert github_length(out) <= 65_536 and extract(out) == {**META, "occurrences": 4}
    assert replace(body, META, limit=None) == body
