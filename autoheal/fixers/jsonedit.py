"""Insert one member into a JSON object without rewriting the file.

``json.dumps`` would reflow hand-formatted arrays and lose the file's layout,
so edits splice text at positions found by a small scanner. The scanner only
runs on text ``json.loads`` accepted, so it can trust the syntax.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from autoheal.fixers.base import newline_of

_WS = re.compile(r"[ \t\r\n]*")
_LITERAL = re.compile(r"[^,\]\}\s]+")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


@dataclass(frozen=True)
class Member:
    """``"key": value`` in an object: where the key starts and the value's span."""

    key: str
    key_start: int
    value_start: int
    value_end: int


def members(text: str, start: int) -> list[Member]:
    """The members of the object whose ``{`` is at ``start``."""
    found: list[Member] = []
    i = _skip(text, start + 1)
    while text[i] != "}":
        key_end = _STRING.match(text, i).end()  # type: ignore[union-attr]
        value_start = _skip(text, _skip(text, key_end) + 1)
        value_end = value_end_at(text, value_start)
        found.append(Member(json.loads(text[i:key_end]), i, value_start, value_end))
        i = _skip(text, value_end)
        i = _skip(text, i + 1) if text[i] == "," else i
    return found


def value_end_at(text: str, i: int) -> int:
    if text[i] == '"':
        return _STRING.match(text, i).end()  # type: ignore[union-attr]
    if text[i] not in "{[":
        return _LITERAL.match(text, i).end()  # type: ignore[union-attr]
    depth = 0
    while True:
        if text[i] == '"':
            i = _STRING.match(text, i).end()  # type: ignore[union-attr]
            continue
        depth += {"{": 1, "[": 1, "}": -1, "]": -1}.get(text[i], 0)
        i += 1
        if depth == 0:
            return i


def _skip(text: str, i: int) -> int:
    return _WS.match(text, i).end()  # type: ignore[union-attr]


def detect_indent(text: str) -> str:
    """The file's indentation unit: the leading whitespace of the first indented member."""
    match = re.search(r'^([ \t]+)"', text, re.M)
    return match.group(1) if match else "  "


def _line_indent(text: str, position: int) -> str:
    line_start = text.rfind("\n", 0, position) + 1
    return re.match(r"[ \t]*", text[line_start:]).group()  # type: ignore[union-attr]


def add_to_object(text: str, block: str, key: str, value: str) -> str:
    """Add ``"key": value`` to the top-level object's ``block`` member, creating it if absent.

    In a block whose keys are sorted the new key goes in order, otherwise last.
    """
    top = _skip(text, 0)
    entry = f"{json.dumps(key)}: {json.dumps(value)}"
    nl = newline_of(text)
    outer = members(text, top)
    target = next((m for m in outer if m.key == block), None)
    unit = detect_indent(text)
    if target is None:
        indent = _line_indent(text, outer[-1].key_start) if outer else unit
        new = f",{nl}{indent}{json.dumps(block)}: {{{nl}{indent}{unit}{entry}{nl}{indent}}}"
        return text[: outer[-1].value_end] + new + text[outer[-1].value_end :]
    return _insert_member(text, target, entry, key, unit, nl)


def _insert_member(text: str, target: Member, entry: str, key: str, unit: str, nl: str) -> str:
    inner = members(text, target.value_start)
    if not inner:
        outer = _line_indent(text, target.key_start)
        new = f"{{{nl}{outer}{unit}{entry}{nl}{outer}}}"
        return text[: target.value_start] + new + text[target.value_end :]
    multiline = "\n" in text[target.value_start : inner[0].key_start]
    keys = [m.key for m in inner]
    after = next((m for m in inner if m.key > key), None) if keys == sorted(keys) else None
    if multiline and after is not None:
        indent = _line_indent(text, after.key_start)
        return text[: after.key_start] + f"{entry},{nl}{indent}" + text[after.key_start :]
    last = inner[-1]
    separator = f",{nl}{_line_indent(text, last.key_start)}" if multiline else ", "
    if not multiline and after is not None:
        return text[: after.key_start] + f"{entry}, " + text[after.key_start :]
    return text[: last.value_end] + separator + entry + text[last.value_end :]
