"""sanitize: hostile log text made safe for GitHub markdown, and GitHub's size limits."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autoheal import sanitize
from autoheal.errors import UsageError
from autoheal.fences import fence, open_fence
from autoheal.sanitize import (
    BODY_LIMIT,
    LABEL_LIMIT,
    TITLE_LIMIT,
    clean_control,
    code_span,
    escape_markdown,
    github_length,
    inline_markdown,
    inline_text,
    metadata_span,
    neutralize_mentions,
    safe_labels,
    strip_html_comments_markers,
    truncate_body,
    truncate_title,
)
from tests.helpers import LIVE_MENTION, LIVE_REFERENCE, hostile_strings, split_fences

WJ = "\u2060"
PROPERTY = settings(max_examples=60, deadline=None)

# --- an independent markdown checker (CommonMark top-level fences) -------------------------


def live_mentions(markdown: str) -> list[str]:
    outside, _ = split_fences(markdown)
    return [m for line in outside for m in LIVE_MENTION.findall(line)]


def assert_safe_markdown(markdown: str) -> None:
    outside, balanced = split_fences(markdown)
    assert balanced, "a code fence is left open"
    assert live_mentions(markdown) == []
    assert not any(LIVE_REFERENCE.search(line) for line in outside)


# --- hostile text ----------------------------------------------------------------------------

hostile_text = hostile_strings()


# --- neutralize_mentions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ping @octocat now", f"ping @{WJ}octocat now"),
        ("@org/team", f"@{WJ}org/team"),
        ("@copilot fix this", f"@{WJ}copilot fix this"),
        ("see #123", f"see #{WJ}123"),
        ("GH-123 and gh-7", f"GH-{WJ}123 and gh-{WJ}7"),
        ("octo/repo#9", f"octo/repo#{WJ}9"),
        ("octo/repo@abc123", f"octo/repo@{WJ}abc123"),
        ("https://github.com/o/r/issues/5", f"https://github.com/o/r/issues/{WJ}5"),
        ("https://github.com/o/r/pull/5", f"https://github.com/o/r/pull/{WJ}5"),
        ("&#64;user &#x40;user &commat;user", f"&#{WJ}64;user &{WJ}#x40;user &{WJ}commat;user"),
        ("# heading, C# and a lone @", "# heading, C# and a lone @"),
        ("nothing to do", "nothing to do"),
    ],
)
def test_neutralize_mentions(text: str, expected: str) -> None:
    assert neutralize_mentions(text) == expected


@PROPERTY
@given(hostile_text)
def test_neutralize_leaves_no_live_mention_and_is_idempotent(text: str) -> None:
    once = neutralize_mentions(text)
    assert not LIVE_MENTION.search(once)
    assert not LIVE_REFERENCE.search(once)
    assert neutralize_mentions(once) == once
    assert once.replace(WJ, "") == text.replace(WJ, "")


# --- HTML comment markers --------------------------------------------------------------------


@pytest.mark.parametrize("text", ["<!--", "-->", "--!>", "<!-- autoheal:v1 {} -->", "<!---->", "<!--->"])
def test_comment_markers_made_inert(text: str) -> None:
    inert = strip_html_comments_markers(text)
    assert "<!--" not in inert and "-->" not in inert and "--!>" not in inert
    assert inert.replace(WJ, "") == text
    assert strip_html_comments_markers(inert) == inert


# --- control characters ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\x00b", "a\u2400b"),
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b]8;;https://x\x07link\x1b]8;;\x07", "link"),
        ("line\r\nnext", "line\nnext"),
        ("50%\r100%", "50%\u240d100%"),
        ("tab\there", "tab\there"),
        ("del\x7f", "del\u2421"),
        ("nel\x85", "nel\ufffd"),
        ("evil\u202egnp.exe", "evil\ufffdgnp.exe"),
        ("iso\u2066late\u2069", "iso\ufffdlate\ufffd"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("sep\u2028arator", "sep arator"),
    ],
)
def test_clean_control(text: str, expected: str) -> None:
    assert clean_control(text) == expected


def test_clean_control_one_line_shows_newlines() -> None:
    assert clean_control("a\nb", keep_newlines=False) == "a\u240ab"


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@PROPERTY
@given(hostile_text)
def test_clean_control_leaves_no_control_characters(text: str) -> None:
    assert not CONTROL.search(clean_control(text))


# --- fences and inline code ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("plain", "", "```\nplain\n```"),
        ("plain\n", "text", "```text\nplain\n```"),
        ("a ``` b", "", "````\na ``` b\n````"),
        ("`````", "", "``````\n`````\n``````"),
        ("x", "py`thon {}", "```python\nx\n```"),
    ],
)
def test_fence(text: str, lang: str, expected: str) -> None:
    assert fence(text, lang) == expected


@PROPERTY
@given(hostile_text, st.text(max_size=10))
def test_nothing_breaks_out_of_a_fence(text: str, lang: str) -> None:
    fenced = fence(text, lang)
    outside, balanced = split_fences(fenced)
    assert balanced and outside == []
    assert open_fence(fenced) is None
    assert open_fence(fenced[: fenced.rindex("\n")]) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("build", "`build`"),
        ("a`b", "``a`b``"),
        ("`edge`", "`` `edge` ``"),
        ("two\nlines", "`two lines`"),
        ("@team", f"`@{WJ}team`"),
        ("", ""),
    ],
)
def test_code_span(text: str, expected: str) -> None:
    assert code_span(text) == expected


# --- prose -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**bold** _it_ [x](y) <img>", r"\*\*bold\*\* \_it\_ \[x\](y) \<img\>"),
        ("- item", r"\- item"),
        ("1. item", r"1\. item"),
        ("# title", r"\# title"),
        ("a & b | c ~ d", r"a \& b \| c \~ d"),
    ],
)
def test_escape_markdown(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


def test_inline_text_is_one_escaped_line() -> None:
    text = "Error:\n```\n@admin <!-- hide --> #1\x00"
    assert inline_text(text) == f"Error: \\`\\`\\` @{WJ}admin \\<!-{WJ}- hide --\\> \\#{WJ}1\u2400"


def test_inline_markdown_keeps_code_spans() -> None:
    hint = "Upgrade `actions/upload-artifact@v3`; ask @admin, see <b>#4</b>"
    assert inline_markdown(hint) == (
        f"Upgrade `actions/upload-artifact@{WJ}v3`; ask @{WJ}admin, see \\<b\\>\\#{WJ}4\\</b\\>"
    )


@PROPERTY
@given(hostile_text)
def test_inline_output_is_safe_one_line(text: str) -> None:
    for render in (inline_text, inline_markdown, code_span):
        out = render(text)
        assert "\n" not in out and "<!--" not in out and "-->" not in out
        assert_safe_markdown(out)


# --- titles and labels -----------------------------------------------------------------------


def test_truncate_title() -> None:
    assert truncate_title("  two\nlines\t here  ") == "two lines here"
    long = truncate_title("word " * 100)
    assert github_length(long) <= TITLE_LIMIT and long.endswith("\u2026")
    assert truncate_title("😀" * 300, 10) == "😀" * 4 + "\u2026"


@PROPERTY
@given(hostile_text, st.integers(1, 300))
def test_titles_fit(text: str, limit: int) -> None:
    title = truncate_title(text, limit)
    assert github_length(title) <= limit
    assert "\n" not in title and not CONTROL.search(title)


def test_safe_labels() -> None:
    assert safe_labels(["autoheal:dependency.missing"]) == ("autoheal:dependency.missing",)
    assert github_length(safe_labels(["x" * 80])[0]) == LABEL_LIMIT
    with pytest.raises(UsageError, match=r"label ' \\n ' is blank: give the labels setting"):
        safe_labels(["ok", " \n "])
    assert safe_labels(["autoheal", " autoheal\n", "y" * 80]) == ("autoheal", "y" * (LABEL_LIMIT - 1) + "…")


# --- finding the metadata line ---------------------------------------------------------------

BLOCK = "<!-- autoheal:v1 {} -->"


@pytest.mark.parametrize(
    ("body", "found"),
    [
        (f"text\n\n{BLOCK}\n", BLOCK),
        (f"text\r\n\r\n{BLOCK}\r\n", BLOCK),
        (BLOCK, BLOCK),
        (f"{BLOCK.replace('{}', '1')}\n{BLOCK}", BLOCK),
        (f"text\n\n{BLOCK}\n\nA maintainer's note.\n", BLOCK),
        (f"text\n\n{BLOCK}\n" + "x" * 5000, None),
        (f"text  {BLOCK}\n", None),
        (f"text\n {BLOCK}\n", None),
        ("no block", None),
    ],
)
def test_metadata_span(body: str, found: str | None) -> None:
    span = metadata_span(body)
    assert (body[span[0] : span[1]] if span else None) == found


# --- truncating bodies -----------------------------------------------------------------------


def test_short_body_unchanged() -> None:
    assert truncate_body("short\n") == "short\n"


def test_truncate_body_keeps_metadata_and_closes_fence() -> None:
    block = '<!-- autoheal:v1 {"fingerprint":"0123456789abcdef"} -->'
    body = "Intro\n\n````text\n" + "log line\n" * 20_000 + "````\n\nOutro\n\n" + block + "\n"
    out = truncate_body(body)
    assert github_length(out) <= BODY_LIMIT
    assert out.endswith(block + "\n")
    assert split_fences(out)[1]
    cut = int(re.search(r"truncated (\d+) characters", out)[1])  # type: ignore[index]
    assert 0 < cut < len(body) and "log line\n````\n\n_\u2026 truncated" in out


def test_truncate_body_single_huge_line() -> None:
    out = truncate_body("```\n" + "x" * 5_000_000 + "\n```\n", limit=1000, note="cut {n}")
    assert github_length(out) <= 1000 and split_fences(out)[1] and "cut " in out


def test_truncate_body_counts_utf16() -> None:
    out = truncate_body("😀" * 1000, limit=500)
    assert github_length(out) <= 500


@pytest.mark.parametrize("limit", [1, 5, 20, 60])
def test_truncate_body_with_tiny_limits(limit: int) -> None:
    assert github_length(truncate_body("```\n" + "line\n" * 100, limit)) <= limit


def test_truncate_body_gives_up_on_a_fence_too_long_to_close() -> None:
    body = "`" * 400 + "\n" + "x\n" * 1000
    out = truncate_body(body, limit=600)
    assert github_length(out) <= 600 and split_fences(out)[1]


markdown_piece = st.one_of(
    hostile_text,
    hostile_text.map(lambda t: fence(t, "text")),
    st.sampled_from(["\n", "\n\n", "# Heading\n", "- item\n"]),
)


@PROPERTY
@given(st.lists(markdown_piece, max_size=12), st.integers(120, 3000), st.booleans())
def test_truncated_bodies_fit_and_stay_balanced(pieces: list[str], limit: int, with_block: bool) -> None:
    body = "\n".join(pieces) + "\n"
    if not split_fences(body)[1]:
        body += f"\n{open_fence(body)}\n"
    block = '<!-- autoheal:v1 {"fingerprint":"0123456789abcdef"} -->'
    if with_block:
        body += "\n" + block + "\n"
    out = truncate_body(body, limit)
    assert github_length(out) <= limit
    assert split_fences(out)[1]
    if with_block:
        assert out.endswith(block + "\n")
    if github_length(body) <= limit:
        assert out == body


def test_huge_hostile_string_is_fast_and_safe() -> None:
    text = ("@admin ``` <!-- #1 \x00\u202e" * 400_000)[:5_000_000]
    assert_safe_markdown(inline_text(text))
    assert github_length(truncate_title(neutralize_mentions(text))) <= TITLE_LIMIT
    body = truncate_body(fence(strip_html_comments_markers(clean_control(text))))
    assert github_length(body) <= BODY_LIMIT
    assert_safe_markdown(body)


def test_constants_match_github_limits() -> None:
    assert (sanitize.BODY_LIMIT, sanitize.TITLE_LIMIT, sanitize.LABEL_LIMIT) == (65_536, 256, 50)


# -- the terminal (issue 9 #14) -----------------------------------------------------------------
_DRIVES_TERMINAL = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


@given(st.text())
def test_terminal_text_leaves_nothing_a_terminal_obeys(text: str) -> None:
    shown = sanitize.terminal_text(text)
    assert not _DRIVES_TERMINAL.search(shown)
    shown.encode("utf-8")  # printable on a UTF-8 stdout: no lone surrogate left


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\x9b31mb", "a\\x9b31mb"),
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),
        ("x\u2066y\u2069", "x\\u2066y\\u2069"),
        ("nul\x00", "nul\\x00"),
        ("esc\x1b[2J", "esc\\x1b[2J"),
        ("tab\tkept", "tab\tkept"),
        ("caf\u00e9 \u65e5\u672c", "caf\u00e9 \u65e5\u672c"),
    ],
)
def test_terminal_text(text: str, expected: str) -> None:
    assert sanitize.terminal_text(text) == expected


def test_triage_text_format_escapes_log_text_end_to_end(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    (logs / "build\u202e").mkdir(parents=True)
    log = "ModuleNotFoundError: No module named 'yaml' \u009b2J\u202eoops\u2067\n\u0085next \u009d0;title\u0007\n"
    (logs / "build\u202e" / "1_Run \u009btests.txt").write_text(log, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "autoheal", "triage", "--format", "text", str(logs)],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert not _DRIVES_TERMINAL.search(out.replace("\n", ""))
    assert "\\x9b2J\\u202eoops\\u2067" in out and "\\x85next \\x9d0;title" in out
    assert "build\\u202e / Run \\x9btests" in out
