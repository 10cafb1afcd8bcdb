"""JSON with comments (VS Code's ``tasks.json``): read it, and add or replace array items by splicing.

VS Code's files allow ``//`` and ``/* */`` comments and trailing commas. A user's file must keep
its comments and formatting, so nothing is ever re-serialised: ``items`` finds where the
elements of a top-level key's array are in the text, and ``splice`` inserts or replaces
elements there, touching no other byte (as pre-commit's autoupdate rewrites only its line).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from autoheal.errors import InputError


@dataclass(frozen=True)
class Token:
    kind: str  # one of {}[]:, or "string" / "scalar"
    start: int
    end: int


def tokens(text: str, source: str = "<jsonc>") -> Iterator[Token]:
    """The structural tokens of ``text``, comments and whitespace skipped."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in " \t\r\n\ufeff":
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise InputError(f"{source}: unterminated /* comment")
            i = end + 2
        elif ch == '"':
            end = _string_end(text, i, source)
            yield Token("string", i, end)
            i = end
        elif ch in "{}[]:,":
            yield Token(ch, i, i + 1)
            i += 1
        else:
            start = i
            while i < n and text[i] not in ' \t\r\n{}[]:,"/':
                i += 1
            yield Token("scalar", start, i)


def _string_end(text: str, start: int, source: str) -> int:
    i = start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text[i] == '"':
            return i + 1
        elif text[i] == "\n":
            break
        else:
            i += 1
    raise InputError(f"{source}: unterminated string at offset {start}")


def loads(text: str, source: str = "<jsonc>") -> Any:
    """The value of a JSONC text (comments and trailing commas dropped)."""
    parts: list[str] = []
    toks = list(tokens(text, source))
    for index, tok in enumerate(toks):
        following = toks[index + 1].kind if index + 1 < len(toks) else ""
        if tok.kind == "," and following in ("]", "}"):
            continue
        parts.append(text[tok.start : tok.end])
    try:
        return json.loads(" ".join(parts)) if parts else None
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: not valid JSON with comments ({exc.msg})") from None


@dataclass(frozen=True)
class ArraySpan:
    open: int  # offset of "["
    close: int  # offset of "]"
    items: tuple[tuple[int, int], ...]  # (start, end) of each element


def _skip_value(toks: Sequence[Token], i: int) -> int:
    """Index of the token after the value starting at ``toks[i]``."""
    depth = 0
    while i < len(toks):
        kind = toks[i].kind
        depth += kind in "[{"
        depth -= kind in "]}"
        i += 1
        if depth == 0:
            return i
    return i


def top_level(text: str, key: str, source: str = "<jsonc>") -> tuple[ArraySpan | None, int]:
    """The array under the top-level ``key`` (None when absent) and the offset of the object's ``}``."""
    toks = list(tokens(text, source))
    if not toks or toks[0].kind != "{":
        raise InputError(f"{source}: expected a JSON object")
    i, found = 1, None
    while i < len(toks) and toks[i].kind != "}":
        if toks[i].kind == "string" and i + 2 < len(toks) and toks[i + 1].kind == ":":
            name = json.loads(text[toks[i].start : toks[i].end])
            value_at = i + 2
            after = _skip_value(toks, value_at)
            if name == key and toks[value_at].kind == "[":
                found = _array(toks, value_at, after)
            i = after
        else:
            i += 1
    if i >= len(toks):
        raise InputError(f"{source}: the top-level object is not closed")
    return found, toks[i].start


def _array(toks: Sequence[Token], open_at: int, after: int) -> ArraySpan:
    items, i = [], open_at + 1
    while i < after - 1:
        if toks[i].kind == ",":
            i += 1
            continue
        end = _skip_value(toks, i)
        items.append((toks[i].start, toks[end - 1].end))
        i = end
    return ArraySpan(toks[open_at].start, toks[after - 1].start, tuple(items))


def _indent_at(text: str, offset: int) -> str:
    line_start = text.rfind("\n", 0, offset) + 1
    prefix = text[line_start:offset]
    return prefix if not prefix.strip() else ""


def _render(value: Any, indent: str) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + indent)


def splice(text: str, key: str, add: Sequence[Any], replace: dict[int, Any], source: str = "<jsonc>") -> str:
    """``text`` with ``replace`` (element index -> new value) swapped in and ``add`` appended to the
    top-level ``key`` array (created when missing); every other byte is kept."""
    span, close = top_level(text, key, source)
    if span is None:
        return _append(text, source, close, "  ", [f"{json.dumps(key)}: {_render(list(add), '  ')}"]) if add else text
    for index in sorted(replace, reverse=True):
        start, end = span.items[index]
        text = text[:start] + _render(replace[index], _indent_at(text, start)) + text[end:]
    if not add:
        return text
    span, _ = top_level(text, key, source)
    assert span is not None
    indent = (_indent_at(text, span.items[-1][0]) if span.items else "") or _indent_at(text, span.close) + "  "
    return _append(text, source, span.close, indent, [_render(v, indent) for v in add])


def _append(text: str, source: str, close: int, indent: str, entries: Sequence[str]) -> str:
    """Insert ``entries`` as the last members before the bracket at ``close``: a comma goes right
    after the last token, the entries on their own lines just above the bracket, so a comment
    after the last member stays where it was."""
    last = [t for t in tokens(text[:close], source)][-1]
    comma = "" if last.kind in "{[," else ","
    line_start = text.rfind("\n", 0, close) + 1
    at = line_start if not text[line_start:close].strip() and line_start > last.end else close
    lead = "" if at == line_start else "\n"
    body = lead + ",\n".join(f"{indent}{e}" for e in entries) + "\n"
    return text[: last.end] + comma + text[last.end : at] + body + text[at:]
