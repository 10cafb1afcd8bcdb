"""Minimal edits that make a workflow file parse again, one parser error at a time.

The workflow-yaml fixer's mechanics: :func:`yaml_problem` says where ruamel.yaml stops and
why (0-based line and column), :func:`attempt` tries the one edit for that kind of error and
keeps it only when the error is gone or moved further down. Lines keep their endings; nothing
is re-dumped, so comments and quoting elsewhere survive.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from autoheal.fixers import workflow_keys
from autoheal.fixers.yamledit import block_end, indent

MAX_CHARS = 200_000  # far above any real workflow file; bounds the time repairs may take
_ITEM = re.compile(r"^(?P<pad> *)(?P<dashes>(?:- +)+)(?P<rest>\S.*)$")
_KEY_LINE = re.compile(r"^(?P<pad> *)(?P<dashes>(?:- +)*)(?P<key>[\w.$-]+|'[^']*'|\"[^\"]*\"):(?P<rest> .*|)$")


@dataclass(frozen=True)
class YamlProblem:
    line: int  # 0-based, as ruamel counts
    column: int
    message: str
    kind: str  # tab | colon | duplicate | other


def load(lines: list[str]) -> Any:
    return YAML(typ="rt").load("".join(lines))


def yaml_problem(lines: list[str] | None) -> YamlProblem | None:
    if lines is None:
        return None
    try:
        load(lines)
    except DuplicateKeyError as error:
        mark = error.problem_mark
        return YamlProblem(mark.line, mark.column, str(error.problem or "duplicate key"), "duplicate")
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = str(error.problem or error.context or "YAML error")
        line, column = (mark.line, mark.column) if mark else (0, 0)
        kind = "tab" if "'\\t'" in message or "tab" in message else "other"
        if message.startswith("mapping values are not allowed"):
            kind = "colon"
        elif message.startswith("found undefined alias") or re.match(r"found character '[@%`]'", message):
            kind = "indicator"
        return YamlProblem(line, column, message, kind)
    except (YAMLError, ValueError) as error:
        return YamlProblem(0, 0, str(error).splitlines()[0], "other")
    return None


def attempt(
    lines: list[str], problem: YamlProblem, tabbed: dict[int, int], hint: int | None
) -> tuple[list[str], str] | None:
    if problem.kind == "tab":
        return _fix_tabs(lines, problem, tabbed)
    if problem.kind in ("colon", "indicator"):
        return _quote_value(lines, problem)
    if problem.kind == "duplicate":
        return _drop_duplicate(lines, problem)
    return _reindent(lines, problem, hint)


def _advances(before: YamlProblem, lines: list[str]) -> bool:
    """The edit fixed the error: the file parses, or the next error is further down."""
    after = yaml_problem(lines)
    return after is None or after.line > before.line


# -- tabs -------------------------------------------------------------------------------------
def _fix_tabs(lines: list[str], problem: YamlProblem, tabbed: dict[int, int]) -> tuple[list[str], str] | None:
    index = next((i for i in range(problem.line, len(lines)) if _leading(lines[i]).count("\t")), None)
    if index is None or index > problem.line + 1:
        return None
    body = lines[index].lstrip(" \t")
    width = len(_leading(lines[index]).expandtabs(8))
    prev = _previous(lines, index)
    target: int | None = None
    if prev is not None and prev in tabbed:  # nested as the tabs said, relative to the tab line above
        if width == tabbed[prev]:
            target = indent(lines[prev])
        elif width < tabbed[prev]:
            target = next((indent(lines[i]) for i in sorted(tabbed, reverse=True) if tabbed[i] == width), None)
    if target is None:
        target = _continuing_indent(lines, index, body)
    if target is None:
        return None
    fixed = list(lines)
    fixed[index] = " " * target + body
    if not _advances(problem, fixed):
        return None
    tabbed[index] = width
    return fixed, f"line {index + 1}: tabs in the indentation become spaces"


def _leading(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _previous(lines: list[str], index: int) -> int | None:
    return next(
        (i for i in range(index - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")), None
    )


def _content_col(line: str) -> int:
    """Where a line's key starts, after any ``- `` item markers."""
    match = _KEY_LINE.match(line.rstrip("\r\n"))
    return len(match["pad"]) + len(match["dashes"]) if match else indent(line)


def _continuing_indent(lines: list[str], index: int, body: str) -> int | None:
    """The indentation ``body`` needs to continue the block of the line above it."""
    prev = _previous(lines, index)
    if prev is None:
        return 0
    above = _strip_comment(lines[prev].rstrip("\r\n"))
    item = body.startswith("- ")
    if above.endswith(":"):  # opens a block: one step deeper (sequences as the file writes them)
        return _content_col(lines[prev]) + (_sequence_offset(lines) if item else _step(lines))
    if not item:
        return _content_col(lines[prev])
    # another item: of the sequence whose ``-`` is nearest above, at or left of the line above
    for i in range(prev, -1, -1):
        stripped = lines[i].lstrip(" ")
        if stripped.startswith("- ") and indent(lines[i]) <= _content_col(lines[prev]):
            return indent(lines[i])
    return None


def _strip_comment(text: str) -> str:
    return re.sub(r"(^|\s)#.*$", "", text).rstrip()


def _step(lines: list[str]) -> int:
    """The file's indentation step: the most common increase after a line ending with ``:``."""
    steps = [
        indent(lines[i + 1]) - _content_col(lines[i])
        for i in range(len(lines) - 1)
        if _strip_comment(lines[i].rstrip("\r\n")).endswith(":") and not lines[i + 1].lstrip().startswith("-")
    ]
    positive = [s for s in steps if 0 < s <= 8]
    return max(set(positive), key=positive.count) if positive else 2


def _sequence_offset(lines: list[str]) -> int:
    """How far the file indents ``- `` items under their key (0 or the step)."""
    offsets = [
        indent(lines[i + 1]) - _content_col(lines[i])
        for i in range(len(lines) - 1)
        if _strip_comment(lines[i].rstrip("\r\n")).endswith(":") and lines[i + 1].lstrip().startswith("- ")
    ]
    valid = [o for o in offsets if 0 <= o <= 8]
    return max(set(valid), key=valid.count) if valid else _step(lines)


# -- a value with ": " --------------------------------------------------------------------------
def _quote_value(lines: list[str], problem: YamlProblem) -> tuple[list[str], str] | None:
    """Quote the plain value the parser stopped in: a ``: `` inside it, or a first character
    (``*`` ``@`` ``%`` `````) that cannot start a plain scalar. Single quotes, else double, else
    a block scalar on the next line when the value holds both."""
    line = lines[problem.line]
    ending = line[len(line.rstrip("\r\n")) :]
    found = _value_start(line.rstrip("\r\n"), problem)
    if found is None or problem.column < found[0]:
        return None
    start, what, key = found
    value, comment = _split_comment(line[start : len(line) - len(ending)])
    first = value[:1]
    if not value or first in "'\"|>{[&!" or (first in "*@%`" and problem.kind != "indicator"):
        return None
    fixed = list(lines)
    if "'" not in value:
        fixed[problem.line] = line[:start] + "'" + value + "'" + comment + ending
    elif '"' not in value and "\\" not in value:
        fixed[problem.line] = line[:start] + '"' + value + '"' + comment + ending
    elif key is not None:  # both quotes inside: a literal block keeps the text as it is
        block = "|" if key == "run" else "|-"
        pad = " " * (_content_col(line) + _step(lines))
        fixed[problem.line : problem.line + 1] = [
            line[:start] + block + comment + ending,
            pad + value + (ending or "\n"),
        ]
    else:
        return None
    return (fixed, f"line {problem.line + 1}: {what} is quoted") if _advances(problem, fixed) else None


def _value_start(line: str, problem: YamlProblem) -> tuple[int, str, str | None] | None:
    """Where the value starts (after ``key: `` or a list item's dash), what it is, and its key."""
    match = _KEY_LINE.match(line)
    if match and match["rest"].strip():
        key = _unquote(match["key"])
        return match.end("key") + 2, f"the {key} value", key
    item = _ITEM.match(line)
    if item and problem.kind == "indicator":
        return item.end("dashes"), "the list item", None
    return None


_COMMENT = re.compile(r"(?<=\s)#")


def _split_comment(value: str) -> tuple[str, str]:
    """The value without its trailing ``# comment``, and the comment with the space before it."""
    # The first ``#`` after a space, then back over the spaces: ``re.search(r"\s+#")`` retried its
    # ``\s+`` from every space of a long run, quadratic in a line a pushed workflow file controls.
    cut = _COMMENT.search(value)
    at = len(value[: cut.start()].rstrip()) if cut else len(value)
    return value[:at].strip(), value[at:]


def _unquote(key: str) -> str:
    return key[1:-1] if key[:1] in "'\"" else key


# -- a key written twice ------------------------------------------------------------------------
def _drop_duplicate(lines: list[str], problem: YamlProblem) -> tuple[list[str], str] | None:
    second = problem.line
    match = _KEY_LINE.match(lines[second].rstrip("\r\n"))
    if not match or match["dashes"]:
        return None
    key, col = match["key"], problem.column
    first = _earlier_key(lines, second, key, col)
    if first is None:
        return None
    if _value_of(lines, first, col) != _value_of(lines, second, col):
        return None
    fixed = list(lines)
    del fixed[second : block_end(lines, second, col)]
    if not _advances(YamlProblem(second - 1, 0, "", "duplicate"), fixed):
        return None
    return fixed, f"line {second + 1}: the second {_unquote(key)!r}, the same as line {first + 1}, is removed"


def _earlier_key(lines: list[str], second: int, key: str, col: int) -> int | None:
    for i in range(second - 1, -1, -1):
        match = _KEY_LINE.match(lines[i].rstrip("\r\n"))
        if not lines[i].strip() or lines[i].lstrip().startswith("#"):
            continue
        content = _content_col(lines[i])
        if match and content == col and match["key"] == key:
            return i
        if content < col or (match and match["dashes"] and content == col):
            return None  # the mapping started above or here without the key
    return None


def _value_of(lines: list[str], index: int, col: int) -> Any:
    block = [lines[index][col:]] + [
        line[col:] if len(line) > col else line.lstrip(" ") for line in lines[index + 1 : block_end(lines, index, col)]
    ]
    try:
        data = YAML(typ="safe").load("".join(block))
    except (YAMLError, ValueError):
        return object()  # never equal
    return list(data.values())[0] if isinstance(data, Mapping) and len(data) == 1 else object()


# -- a line indented off ------------------------------------------------------------------------
def _reindent(lines: list[str], problem: YamlProblem, hint: int | None) -> tuple[list[str], str] | None:
    tried = (hint, problem.line, problem.line - 1, problem.line - 2)
    candidates = dict.fromkeys(i for i in tried if i is not None and 0 <= i < len(lines))
    for index in candidates:
        line = lines[index]
        if not line.strip() or "\t" in _leading(line):
            continue
        before = _previous(lines, index)
        after = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
        options = [indent(lines[after])] if after is not None else []
        if before is not None:
            options += [indent(lines[before]), _content_col(lines[before]), _content_col(lines[before]) + _step(lines)]
        near = sorted(dict.fromkeys(options), key=lambda w: abs(w - indent(line)))  # stable: ties keep the order
        for width in (w for w in near if w != indent(line) and abs(w - indent(line)) <= 4):
            fixed = list(lines)
            fixed[index] = " " * width + line.lstrip(" ")
            if yaml_problem(fixed) is None and not workflow_keys.unknown_keys(load(fixed)):
                return fixed, f"line {index + 1}: the indentation matches its block"
    return None
