"""Repair a workflow file GitHub refused to run ("Invalid workflow file").

A broken workflow gives a run with no job log: GitHub's message sits in the
run's annotations (``Invalid workflow file: .github/workflows/ci.yml#L12``,
``You have an error in your yaml syntax on line 12``, ``(Line: 6, Col: 5):
'runs-on' is already defined``). The fixer parses the named file itself, so
the line it edits is the one the YAML parser rejects, and fixes only the
mechanical errors, one line at a time, each checked by parsing again:

- tabs in indentation (YAML forbids them): the line gets the indentation of
  the block it continues;
- a line indented off by a few columns: it gets its neighbours' indentation;
- an unquoted ``: `` inside a value (``run: echo Deployed: $SHA``): the value
  is quoted;
- a key written twice in one mapping with the same value: the second is removed.

Everything else (a duplicated key with two different values, a key GitHub's
workflow schema does not know such as ``runs_on``, an expression error) is
declined with the line and the parser's or GitHub's message. The repaired file
must parse and use only keys GitHub's workflow syntax documents
(https://docs.github.com/actions/writing-workflows/workflow-syntax-for-github-actions).
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
from autoheal.fixers.base import FixContext, log_text, read_text, workflow_files
from autoheal.fixers.yamledit import block_end, indent, split_lines
from autoheal.models import Change, FixDeclined, FixProposal

ID = "workflow-yaml"
CATEGORIES = frozenset({"config.error"})
DOC: str = __doc__ or ""

_GUARD = re.compile(
    r"Invalid workflow file|The workflow is not valid|error in your yaml syntax|workflow file issue"
    r"|\(Line: \d+, Col: \d+\)"
)
_PATH = re.compile(r"(\.github/workflows/[\w.-]+\.ya?ml)")
_LOG_LINE = re.compile(r"#L(\d+)\b|\(Line: (\d+), Col: \d+\)|yaml syntax on line (\d+)")
_LOG_MESSAGE = re.compile(r"\(Line: \d+, Col: \d+\): (.{1,300})|(You have an error in your yaml syntax on line \d+)")
_KEY_LINE = re.compile(r"^(?P<pad> *)(?P<dashes>(?:- +)*)(?P<key>[\w.$-]+|'[^']*'|\"[^\"]*\"):(?P<rest> .*|)$")
_MAX_ROUNDS = 20


@dataclass(frozen=True)
class _Problem:
    line: int  # 0-based, as ruamel counts
    column: int
    message: str
    kind: str  # tab | colon | duplicate | other


def fix(ctx: FixContext) -> FixProposal | FixDeclined:
    text = log_text(ctx.diagnosis)
    if not _GUARD.search(text):
        return FixDeclined(ID, "the log is not GitHub refusing a workflow file", applies=False)
    path = _workflow_path(ctx, text)
    if path is None:
        return FixDeclined(ID, "cannot tell which workflow file GitHub refused")
    original = read_text(ctx.workspace, path)
    lines = split_lines(original) if original is not None else None
    if original is None or lines is None:
        return FixDeclined(ID, f"cannot read {path!r} inside the workspace")
    repaired, notes = _repair(lines, _logged_line(text))
    if isinstance(repaired, str):
        return FixDeclined(ID, f"{path} {repaired}")
    if not notes:
        return _schema_decline(path, original, text)
    new = "".join(repaired)
    summary = "; ".join(dict.fromkeys(notes))
    change = Change(path, original, new, f"fix the YAML of {path}: {summary}")
    explanation = (
        f"GitHub refused to run `{path}` because it is not valid YAML, so no job started. "
        f"This makes the smallest edit that lets it parse again: {summary}."
    )
    return FixProposal(ID, (change,), f"ci: fix the YAML syntax of {path}", explanation)


def _workflow_path(ctx: FixContext, text: str) -> str | None:
    named = _PATH.search(text)
    if named:
        return named.group(1)
    if ctx.workflow_path:
        return ctx.workflow_path
    files = workflow_files(ctx.workspace)
    broken = [p for p in files if _problem(split_lines(read_text(ctx.workspace, p) or ""))]
    return broken[0] if len(broken) == 1 else files[0] if len(files) == 1 else None


def _logged_line(log: str) -> int | None:
    """The 0-based line GitHub's message names, if any."""
    where = _LOG_LINE.search(log)
    number = next((int(g) for g in where.groups() if g), 0) if where else 0
    return number - 1 if number > 0 else None


def _repair(lines: list[str], hint: int | None) -> tuple[list[str] | str, list[str]]:
    """The lines with each mechanical error fixed in turn, or why not (``line N: ...``); and what changed.

    ``hint`` is the line GitHub named: for an indentation error the parser only notices a line
    later, so that line is the first one tried.
    """
    notes: list[str] = []
    tabbed: dict[int, int] = {}  # fixed line -> the width its tabs had, to nest the following tab lines alike
    for _ in range(_MAX_ROUNDS):
        problem = _problem(lines)
        if problem is None:
            schema = workflow_keys.unknown_keys(_load(lines))
            if notes and schema:
                return f"line {schema[0][0] + 1}: {schema[0][1]} (after the YAML fix)", notes
            return lines, notes
        attempt = _attempt(lines, problem, tabbed, hint if not notes else None)
        if attempt is None:
            return f"line {problem.line + 1}: {problem.message}; autoheal has no safe edit for this", notes
        lines, note = attempt
        notes.append(note)
    return "has too many YAML errors to repair one by one", notes


def _load(lines: list[str]) -> Any:
    return YAML(typ="rt").load("".join(lines))


def _problem(lines: list[str] | None) -> _Problem | None:
    if lines is None:
        return None
    try:
        _load(lines)
    except DuplicateKeyError as error:
        mark = error.problem_mark
        return _Problem(mark.line, mark.column, str(error.problem or "duplicate key"), "duplicate")
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = str(error.problem or error.context or "YAML error")
        line, column = (mark.line, mark.column) if mark else (0, 0)
        kind = "tab" if "'\\t'" in message or "tab" in message else "other"
        if message.startswith("mapping values are not allowed"):
            kind = "colon"
        return _Problem(line, column, message, kind)
    except (YAMLError, ValueError) as error:
        return _Problem(0, 0, str(error).splitlines()[0], "other")
    return None


def _attempt(
    lines: list[str], problem: _Problem, tabbed: dict[int, int], hint: int | None
) -> tuple[list[str], str] | None:
    if problem.kind == "tab":
        return _fix_tabs(lines, problem, tabbed)
    if problem.kind == "colon":
        return _quote_value(lines, problem)
    if problem.kind == "duplicate":
        return _drop_duplicate(lines, problem)
    return _reindent(lines, problem, hint)


def _advances(before: _Problem, lines: list[str]) -> bool:
    """The edit fixed the error: the file parses, or the next error is further down."""
    after = _problem(lines)
    return after is None or after.line > before.line


# -- tabs -------------------------------------------------------------------------------------
def _fix_tabs(lines: list[str], problem: _Problem, tabbed: dict[int, int]) -> tuple[list[str], str] | None:
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
def _quote_value(lines: list[str], problem: _Problem) -> tuple[list[str], str] | None:
    line = lines[problem.line]
    ending = line[len(line.rstrip("\r\n")) :]
    match = _KEY_LINE.match(line.rstrip("\r\n"))
    if not match or not match["rest"].strip():
        return None
    start = match.end("key") + 2  # after ": "
    value = line[start : len(line) - len(ending)]
    comment = ""
    cut = re.search(r"\s+#", value)
    if cut:
        value, comment = value[: cut.start()], value[cut.start() :]
    value = value.strip()
    if value[:1] in "'\"|>{[&*!%@`" or problem.column < start:
        return None
    if "'" not in value:
        quoted = "'" + value + "'"
    elif '"' not in value and "\\" not in value:
        quoted = '"' + value + '"'
    else:
        return None
    fixed = list(lines)
    fixed[problem.line] = line[:start] + quoted + comment + ending
    if not _advances(problem, fixed):
        return None
    return fixed, f"line {problem.line + 1}: the {_unquote(match['key'])} value holding ': ' is quoted"


def _unquote(key: str) -> str:
    return key[1:-1] if key[:1] in "'\"" else key


# -- a key written twice ------------------------------------------------------------------------
def _drop_duplicate(lines: list[str], problem: _Problem) -> tuple[list[str], str] | None:
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
    if not _advances(_Problem(second - 1, 0, "", "duplicate"), fixed):
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
def _reindent(lines: list[str], problem: _Problem, hint: int | None) -> tuple[list[str], str] | None:
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
        for width in dict.fromkeys(w for w in options if w != indent(line) and abs(w - indent(line)) <= 4):
            fixed = list(lines)
            fixed[index] = " " * width + line.lstrip(" ")
            if _problem(fixed) is None and not workflow_keys.unknown_keys(_load(fixed)):
                return fixed, f"line {index + 1}: the indentation matches its block"
    return None


# -- valid YAML that GitHub still refused -------------------------------------------------------
def _schema_decline(path: str, text: str, log: str) -> FixDeclined:
    unknown = workflow_keys.unknown_keys(YAML(typ="rt").load(text))
    if unknown:
        line, message = unknown[0]
        return FixDeclined(ID, f"{path} line {line + 1}: {message}; fix it by hand")
    where = _LOG_LINE.search(log)
    said = _LOG_MESSAGE.search(log)
    number = next((g for g in where.groups() if g), None) if where else None
    message = (said.group(1) or said.group(2)) if said else "GitHub refused it"
    at = f" line {number}" if number else ""
    return FixDeclined(ID, f"{path}{at}: {message.strip()}; the YAML parses, so this needs a change by hand")
