"""Make hostile log text safe to show in GitHub markdown, and fit GitHub's size limits.

A CI log is written by whatever ran in the job (a pull request's tests, a
dependency's install script), so every string taken from one is attacker
controlled. Placed in an issue it must not ping people, cross-reference other
issues, hide text in HTML comments, forge autoheal's metadata block, break out
of its code fence, or push the body past what the API accepts.

Lengths are counted in UTF-16 code units (``github_length``): GitHub's limits
are counted in characters, and this is the stricter of the two usual readings
(an emoji is one code point but two UTF-16 units), so it is safe under both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from autoheal import lazyre
from autoheal.errors import UsageError
from autoheal.fences import longest_backtick_run, open_fence
from autoheal.redact import redact

BODY_LIMIT = 65_536  # issue, comment and pull-request bodies
TITLE_LIMIT = 256
LABEL_LIMIT = 50

WORD_JOINER = "\u2060"
ELLIPSIS = "\u2026"
TRUNCATION_NOTE = "_\u2026 truncated {n} characters; see the run log._"

# autoheal's hidden metadata line starts with this (see ``autoheal.metadata``).
METADATA_PREFIX = "<!-- autoheal:"
# A maintainer may append a note below the block when editing; more than this
# much text after it means the line is not our block at the end of the body.
METADATA_TRAILER_MAX = 2_048

# Compiled on first use (lazyre): a triage renders a few lines, and most of these serve only the
# markdown bodies of report and heal.
_ANSI = lazyre.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
_SURROGATE = lazyre.compile("[\ud800-\udfff]")


def _control_table() -> dict[int, str]:
    # C0 controls become their visible "control pictures" (U+2400 block), so
    # a NUL or a stray carriage return shows up instead of vanishing. C1
    # controls and bidi overrides (Trojan Source, CVE-2021-42574) become U+FFFD.
    table = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
    table[0x7F] = "\u2421"
    table.update({c: "\ufffd" for c in range(0x80, 0xA0)})
    table.update({c: "\ufffd" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
    table.update({0x2028: " ", 0x2029: " "})
    return table


_CONTROL = _control_table()
_CONTROL_ONE_LINE = {**_CONTROL, 0x0A: "\u240a"}


def _terminal_table() -> dict[int, str]:
    # A terminal obeys C0/C1 controls (U+009B is CSI: a whole escape sequence in one
    # character) and reorders text at bidi controls; show each as an escape instead.
    table = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if c != 0x09}
    bidi = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029)
    table.update({c: f"\\u{c:04x}" for c in bidi})
    return table


_TERMINAL = _terminal_table()


def terminal_text(text: str) -> str:
    """One line for a terminal: controls, bidi overrides and lone surrogates escaped visibly (``\\x9b``)."""
    text = _SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
    return text.translate(_TERMINAL)


def github_length(text: str) -> int:
    """Length in UTF-16 code units, the unit this module measures GitHub's limits in."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def clean_control(text: str, *, keep_newlines: bool = True) -> str:
    """Drop ANSI escapes and secrets; make other control, bidi-override and lone-surrogate characters visible.

    Tabs stay; newlines stay unless ``keep_newlines`` is false (then they show as U+240A).
    Every filter that shows log text goes through here, so it is where rendering redacts
    (again: triage redacted the log already, but a template may show other text).
    """
    text = redact(_ANSI.sub("", text.replace("\r\n", "\n")))
    text = _SURROGATE.sub("\ufffd", text)
    return text.translate(_CONTROL if keep_newlines else _CONTROL_ONE_LINE)


# GitHub turns @user, @org/team (and bots such as @copilot) into notifying
# mentions, and #123, GH-123, owner/repo#123 and issue URLs into references
# that add a "mentioned this" event to the target issue, in any repository
# (docs.github.com: "Basic writing and formatting syntax" > Mentioning people
# and teams; "Autolinked references and URLs"). A WORD JOINER (U+2060) after
# the sigil is invisible but stops the match. Character references such as
# &#64; are broken too: markdown decodes them to "@" before mentions are found.
_NEUTRALIZE = (
    (lazyre.compile(r"@(?=[A-Za-z0-9_-])"), "@" + WORD_JOINER),
    (lazyre.compile(r"#(?=\d)"), "#" + WORD_JOINER),
    (lazyre.compile(r"(GH-)(?=\d)", re.IGNORECASE), r"\1" + WORD_JOINER),
    (
        lazyre.compile(r"(github\.com/[^/\s]+/[^/\s]+/(?:issues|pull|discussions)/)(?=\d)", re.IGNORECASE),
        r"\1" + WORD_JOINER,
    ),
    (lazyre.compile(r"&(?=#?[A-Za-z0-9]+;)"), "&" + WORD_JOINER),
)


def neutralize_mentions(text: str) -> str:
    """Stop @mentions, issue references and their entity-encoded forms from firing."""
    for pattern, replacement in _NEUTRALIZE:
        text = pattern.sub(replacement, text)
    return text


def strip_html_comments_markers(text: str) -> str:
    """Make ``<!--``, ``-->`` and ``--!>`` inert, so a log can neither hide text nor forge our block."""
    return (
        text.replace("<!--", "<!-" + WORD_JOINER + "-")
        .replace("-->", "-" + WORD_JOINER + "->")
        .replace("--!>", "-" + WORD_JOINER + "-!>")
    )


_MD_SPECIAL = lazyre.compile(r"([\\`*_\[\]<>|~&#])")
_MD_LINE_START = lazyre.compile(r"^([-+=])|^(\d+)([.)])", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Backslash-escape what markdown would format: emphasis, links, HTML, code, lists."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def _one_line(text: str, limit: int | None = None) -> str:
    if limit is not None and len(text) > limit:
        text = redact(text)  # before the cut, which could leave a secret too short to recognise
        text = text[:limit] + ELLIPSIS
    return " ".join(clean_control(text).split())


def _escape_prose(text: str) -> str:
    return neutralize_mentions(strip_html_comments_markers(escape_markdown(text)))


def inline_text(text: str, limit: int | None = 2_000) -> str:
    """Log text as one line of markdown prose: escaped, mention-free, inert."""
    return _escape_prose(_one_line(text, limit))


_CODE_SPAN = lazyre.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")


def inline_markdown(text: str, limit: int | None = 2_000) -> str:
    """Like ``inline_text``, but `code spans` stay code spans (for rule hints that quote names)."""
    text = _one_line(text, limit)
    parts: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(text):
        parts += [_escape_prose(text[position : match.start()]), code_span(match[2], None)]
        position = match.end()
    return "".join(parts) + _escape_prose(text[position:])


def code_span(text: str, limit: int | None = 500) -> str:
    """Log text as one inline code span; "" for empty text."""
    text = neutralize_mentions(strip_html_comments_markers(_one_line(text, limit)))
    if not text:
        return ""
    ticks = "`" * (longest_backtick_run(text) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def metadata_span(body: str) -> tuple[int, int] | None:
    """Where the last line starting with METADATA_PREFIX is, if it ends the body.

    "Ends the body" allows METADATA_TRAILER_MAX characters of other text after
    it. Returns (start, end) of the line without its line break.
    """
    start = body.rfind("\n" + METADATA_PREFIX) + 1
    if start == 0 and not body.startswith(METADATA_PREFIX):
        return None
    end = body.find("\n", start)
    end = len(body) if end == -1 else end
    if len(body) - end > METADATA_TRAILER_MAX and len(body[end:].strip()) > METADATA_TRAILER_MAX:
        return None
    return start, end - 1 if body[start:end].endswith("\r") else end


def _clip_units(text: str, limit: int) -> str:
    if limit <= 0:
        return ""
    piece = text[:limit]
    while (excess := github_length(piece) - limit) > 0:
        piece = piece[: len(piece) - (excess + 1) // 2]
    return piece


def _cut_at_line(text: str, budget: int) -> str:
    piece = _clip_units(text, budget)
    if len(piece) == len(text):
        return text
    newline = piece.rfind("\n")
    # Prefer a line boundary, but not at the cost of dropping most of what fits.
    return piece[: newline + 1] if newline >= len(piece) // 2 else piece


def _split_tail(body: str, room: int) -> tuple[str, str]:
    span = metadata_span(body)
    if span is None or github_length(body[span[0] :]) > room:
        return body, ""
    return body[: span[0]], body[span[0] :]


def _assemble(kept: str, note: str, tail: str) -> str:
    if kept and not kept.endswith("\n"):
        kept += "\n"
    opener = open_fence(kept)
    closing = f"{opener}\n" if opener else ""
    return f"{kept}{closing}\n{note}\n" + (f"\n{tail}" if tail else "")


def truncate_body(body: str, limit: int = BODY_LIMIT, note: str = TRUNCATION_NOTE) -> str:
    """Fit ``body`` in ``limit``: cut at a line, close an open fence, add ``note``, keep the metadata block.

    ``{n}`` in ``note`` becomes the number of characters cut. The metadata
    line (and a short trailer after it) stays at the end.
    """
    if github_length(body) <= limit:
        return body
    widest_note = note.replace("{n}", str(len(body)))
    head, tail = _split_tail(body, limit - github_length(widest_note) - 8)
    budget = limit - github_length(widest_note) - github_length(tail) - 8
    for _ in range(32):  # each round cuts at least the overflow, so this ends in a few rounds
        kept = _cut_at_line(head, budget)
        text = _assemble(kept, note.replace("{n}", str(len(head) - len(kept))), tail)
        overflow = github_length(text) - limit
        if overflow <= 0:
            return text
        budget -= overflow
    return _clip_units(_assemble("", widest_note, tail), limit)


def truncate_title(title: str, limit: int = TITLE_LIMIT) -> str:
    """One line without control characters, cut with an ellipsis to ``limit``."""
    text = _one_line(title)
    if github_length(text) <= limit:
        return text
    return _clip_units(text, limit - 1).rstrip() + ELLIPSIS


def safe_labels(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` as GitHub stores them (one line, at most LABEL_LIMIT characters), each once. autoheal
    searches its issues by the first, so the options hold these names, checked before any write."""
    cleaned = {name: truncate_title(name, LABEL_LIMIT) for name in names}
    blank = next((name for name, label in cleaned.items() if not label), None)
    if blank is not None:
        raise UsageError(f"label {blank!r} is blank: give the labels setting names with visible characters")
    return tuple(dict.fromkeys(cleaned.values()))
