"""Markdown code fences that hold hostile text (sanitize.py): a fence longer than any backtick run in it,
and the fence a cut body leaves open (CommonMark's rules), so a log line never breaks out of its block."""

from __future__ import annotations

from autoheal import lazyre

_BACKTICKS = lazyre.compile(r"`+")
_INFO_UNSAFE = lazyre.compile(r"[^A-Za-z0-9_+.-]")


def longest_backtick_run(text: str) -> int:
    return max((len(run) for run in _BACKTICKS.findall(text)), default=0)


def fence(text: str, lang: str = "") -> str:
    """Wrap ``text`` in a code fence longer than any backtick run inside it (at least 3)."""
    marker = "`" * max(3, longest_backtick_run(text) + 1)
    info = _INFO_UNSAFE.sub("", lang)[:32]  # a backtick in the info string would end the fence early
    body = text[:-1] if text.endswith("\n") else text
    return f"{marker}{info}\n{body}\n{marker}"


_FENCE_LINE = lazyre.compile(r" {0,3}(`{3,}|~{3,})(.*)")


def open_fence(markdown: str) -> str | None:
    """The fence (e.g. ``"````"``) left open at the end of ``markdown``, if any.

    Follows CommonMark for top-level fences: a closing fence uses the opener's
    character, is at least as long, and has nothing but spaces after it.
    """
    opener: str | None = None
    for line in markdown.split("\n"):
        match = _FENCE_LINE.match(line.rstrip("\r"))
        if not match:
            continue
        run, rest = match[1], match[2]
        if opener is None:
            if not (run[0] == "`" and "`" in rest):  # a backtick in the info string: not a fence
                opener = run
        elif run[0] == opener[0] and len(run) >= len(opener) and not rest.strip(" \t"):
            opener = None
    return opener
