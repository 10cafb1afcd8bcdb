"""Strip what runners and CI sites add to a log line, keeping what the tool printed.

Rules are written against normalised lines, so every input format (GitHub
Actions job logs, Travis logs copied with their escape codes, CRLF files)
matches the same patterns.
"""

from __future__ import annotations

import re
from typing import cast

import re2

from autoheal import lazyre
from autoheal.redact import redact, redact_lines

# Runner timestamps: 2023-06-29T18:15:54.4601154Z (7 fractional digits), one space, a file's byte-order
# mark before the first. One pattern for every reader of raw lines: compiled here for text and, as UTF-8,
# for bytes (STAMP_BYTES; scanline.py, scanfar.py's RE2 and Hyperscan), with ASCII digits in each (as
# RE2's ``\d``). Its groups, the mark and the space, are part of a stamped line's key in scanline.py.
STAMP = "(\ufeff)?" + r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z( ?)"
# For a decoded line (scan.py reads hit lines with it: encoding one to match STAMP_BYTES cost a copy per hit).
STAMP_TEXT = lazyre.compile("^" + STAMP, re.ASCII)
STAMP_BYTES = lazyre.compile(STAMP.encode())
# CSI/OSC/APC escape sequences, and ESC-less colour remnants such as "[31m" in copied logs, with the
# caret form of the ESC before them when the log went through ``cat -v`` or a pager (``^[[31m``).
# Buildkite's agent starts each line with an APC holding its time (``\x1b_bk;t=1700000000000\x07``,
# https://buildkite.com/docs/agent/v3#experimental-features-ansi-timestamps).
_ESC_SEQ = r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[\]_][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]"
_BARE_CODE = r"\[\d{1,3}(?:;\d{1,3})*[mK]"  # a colour remnant: a code without its ESC
_CARET_ESC = r"\^\[(?=" + _BARE_CODE + ")"
_ANSI = lazyre.compile(_ESC_SEQ + "|" + _BARE_CODE + "|" + _CARET_ESC)
# _ANSI's sequences that start with an ESC: a line's remnants go after them (_unbare), as a chunk's do.
_ANSI_ESC = lazyre.compile(_ESC_SEQ)
# Two patterns, not one alternation: each starts with a literal, which lets
# Python's re skip ahead to it; the alternation ran at half the speed. Of the APCs only Buildkite's
# time (its line's start, which the section markers and block openers read) goes from the chunk.
_ESC_BYTES = lazyre.compile(rb"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|_bk;t=\d{1,16}\x07)")
_BARE_BYTES = lazyre.compile(_BARE_CODE.encode())
# The caret ESC of ``cat -v`` before a remnant, on its own: an optional prefix on _BARE ran 7x slower.
_CARET_BYTES = lazyre.compile(_CARET_ESC.encode())
_CARET = lazyre.compile(_CARET_ESC)
# RE2 tells whether a chunk holds a bare code ~10x faster than Python's re.
_HAS_BARE = re2.compile(_BARE_CODE.encode())
_BARE = lazyre.compile(_BARE_CODE)  # _ANSI's remnant branch, for lines without an ESC
# A reset, an erase or a cursor move without its ESC: a remnant only on a line with a _BARE_CODE (_unbare).
_REST = r"\[(?:[mK]|\d{1,3}[ABCDGJ]|\?\d{1,4}[hl])"
_BARE_REST = lazyre.compile(_REST)
_BARE_REST_BYTES = lazyre.compile(_REST.encode())
_HAS_REST = re2.compile(_REST.encode())

_MARKER = lazyre.compile(r"^##\[(?:group|endgroup|error|warning|notice|debug|command|section)\]")
# A wrapper that runs a tool puts its own prefix before each line the tool prints; the tool's
# verdict follows it. Only prefixes no tool prints by itself: ``docker compose up``'s service and
# replica (``web-1  | ``, v1 ``web_1  | ``), the package name ``nix build -L`` and Stack put
# before a builder's lines (``pyflake-tests> ``, a dashed name), and BuildKit's step number and
# seconds since the step began (``#8 12.345 ``, plain progress of ``docker buildx build``). BuildKit's
# own lines keep their ``#8``: the step's header (``#8 [4/4] RUN ...``) and its verdict
# (``#8 ERROR: process ...``, ``#8 DONE 0.1s``) carry no seconds.
_NESTED = lazyre.compile(r"[a-z0-9][\w.-]*[-_]\d{1,3} +\| |[a-z][\w.+]*(?:-[\w.+]+)+> ")
_BUILDKIT = lazyre.compile(r"#\d{1,4} \d{1,6}\.\d{1,4}(?: |$)")
# Monorepo task runners put the package (and task) before each line of a package's script, in shapes
# no tool prints by itself: turbo's ``pkg:task: `` (https://turbo.build/repo/docs/reference/run#--log-prefix),
# pnpm -r's ``<dir> <script>: `` (https://pnpm.io/cli/run#--reporter-hide-prefix), yarn's
# ``workspaces foreach`` ``[pkg]: `` (also after ``➤ YN0000: ``), and lerna/nx ``--stream``'s package name
# when it is scoped (``@scope/pkg: ``; a bare ``name: `` is every tool's own). ``[vite]: `` and a
# level in brackets are a tool's own words.
_TASK_PREFIX = lazyre.compile(
    r"(?:@[a-z0-9][\w.-]*/)?[a-z0-9][\w.-]*:[a-z][\w:.-]*: |(?:\.|[a-z0-9@][\w@.-]*(?:/[\w@.-]+)+) [a-z][\w:.-]*: "
    r"|(?:➤ YN0000: )?\[(?!(?:vite|error|warn|warning|info|debug|notice|fatal)\])@?[a-z0-9][\w./-]*\]: "
    r"|@[a-z0-9][\w.-]*/[a-z0-9][\w.-]*: "
)
# Go's log package before each line a Go tool logs (``2026/08/07 06:03:50 --- FAIL: x``, log.LstdFlags, with
# log.Lmicroseconds' fraction: https://pkg.go.dev/log#pkg-constants): a program's own stamp, not its words.
_GO_LOG = lazyre.compile(r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})? ")
CONTROL = lazyre.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The longest line we keep; the rest of a multi-megabyte line is noise for triage.
MAX_LINE_CHARS = 4000


def decode(raw: bytes) -> str:
    """Decode one raw line; invalid UTF-8 becomes U+FFFD rather than an error."""
    return raw[: MAX_LINE_CHARS * 4].decode("utf-8", errors="replace")


def binary(text: str) -> bool:
    """Whether a decoded line is bytes rather than text: over an eighth of it is invalid UTF-8, decoded
    to U+FFFD, and it has almost no spaces. A text line with one stray Latin-1 byte stays text from 8
    characters on, and a legacy code page's text (cp1251, Shift JIS: nearly all U+FFFD) by its spaces."""
    size = len(text)
    return text.count("\ufffd") * 8 > size > 0 and text.count(" ") * 16 < size


def normalize(line: str) -> str:
    """Return the line as the tool printed it (no timestamp, colours, markers or CR), secrets redacted."""
    return redact(_clean(line))[:MAX_LINE_CHARS]


def normalize_lines(raws: list[bytes], limit: int = MAX_LINE_CHARS) -> list[str]:
    """Consecutive raw lines, normalised; a private key that spans them is redacted whole."""
    return [text[:limit] for text in redact_lines(_clean(decode(raw[:MAX_LINE_CHARS])) for raw in raws)]


def _clean(line: str) -> str:
    line = line.rstrip("\r\n")
    if "\r" in line:
        # A progress bar redraws with bare CRs; the terminal showed the last frame.
        frames = [f for f in line.split("\r") if f.strip()]
        line = frames[-1] if frames else ""
    # The guards skip a substitution that cannot apply: this runs on every candidate line. Each
    # anchored pattern matches once at most, so a match and a slice do what ``sub`` did, at half the cost.
    line = unstamped(line)
    if "\x1b" in line or "[" in line:
        # The sequences, then the ESC-less remnants after them, as strip_ansi_bytes takes them from a chunk: each
        # regex starts with a literal, which Python's re skips ahead to (an alternation is tried at every
        # character). A stamp stacked under each (the runner's over the tool's own) is cut after each pass.
        line = unstamped(_ANSI_ESC.sub("", line) if "\x1b" in line else line)
        line = unstamped(_unbare(_CARET.sub("", line) if "^[" in line else line))
    if line.startswith("##[") and (marker := _MARKER.match(line)):
        line = line[marker.end() :]
    if line[4:5] == "/" and (logged := _GO_LOG.match(line)):
        line = line[logged.end() :]
    if ("> " in line or "| " in line) and (nested := _NESTED.match(line)):
        line = line[nested.end() :]
    elif line[:1] == "#" and (step := _BUILDKIT.match(line)):
        line = line[step.end() :]
    elif ": " in line and (task := _TASK_PREFIX.match(line)):
        line = line[task.end() :]
    if not line.isprintable():
        line = CONTROL.sub("", line)
    return line


def _unbare(line: str) -> str:
    """``line`` without its ESC-less colour remnants; once it has one (``[1;34m``), its resets and cursor moves
    without digits are remnants too (Maven's ``[[1;34mINFO[m]``, an erased line's ``[K``): on their own, ``[m``
    and ``[K`` are as often an index (``a[m]``, ``Map[K, V]``)."""
    line, found = _BARE.subn("", line)
    return _BARE_REST.sub("", line) if found else line


def unstamped(line: str) -> str:
    """``line`` without the runner timestamp it starts with (``STAMP_TEXT`` needs a BOM or a digit first)."""
    if line[:1].isdigit() or line[:1] == "\ufeff":
        stamp = STAMP_TEXT.match(line)
        if stamp:
            return line[stamp.end() :]
    return line


def strip_ansi(text: str) -> str:
    """Text without colour or cursor codes (also the ESC-less remnants)."""
    return _ANSI.sub("", text)


# How far past an ESC the next ones are stripped in the same call: colour comes in runs of lines.
ESC_REACH = 8192


def strip_ansi_bytes(chunk: bytes, before: bytes = b"") -> bytes:
    """``before`` + ``chunk`` without the chunk's colour codes, so matches are not split by them.

    ``before`` is the scanner's buffer, stripped already: joined with the chunk's pieces, the buffer
    and the chunk are copied once, not four times (read, strip and join of 68 MB of real logs: 0.24 -> 0.21 s).
    A chunk with ESC-less remnants (``[[1;34mINFO[m]`` in a copied Maven log) is stripped again and the buffer
    copied a second time: rare, and the remnant pass must see the chunk's stripped text.
    """
    at = len(before)
    out = _strip_esc(chunk, before) if b"\x1b" in chunk else before + chunk
    if _HAS_BARE.search(out, at):  # rare once the ESCs are gone: the chunk's part alone, copied again
        chunk = out[at:]
        if b"^[[" in chunk:
            chunk = _CARET_BYTES.sub(b"", chunk)
        # Resets and cursor moves without digits go on the lines with a remnant only (``_unbare``): line by line.
        chunk = _unbare_lines(chunk) if _HAS_REST.search(chunk) else _BARE_BYTES.sub(b"", chunk)
        out = before + chunk
    return out


def _unbare_lines(chunk: bytes) -> bytes:
    """``_unbare`` on each line of ``chunk`` with a remnant: found by the remnants, each line read once (a
    pattern for "a line holding one" was tried from every byte of a line without: quadratic)."""
    find, rfind, pos = chunk.find, chunk.rfind, 0
    pieces: list[bytes] = []
    for remnant in _BARE_BYTES.finditer(chunk):
        if remnant.start() < pos:
            continue  # on a line already done
        start = rfind(b"\n", pos, remnant.start()) + 1 or pos
        end = find(b"\n", remnant.end())
        end = len(chunk) if end < 0 else end
        pieces += (chunk[pos:start], _BARE_REST_BYTES.sub(b"", _BARE_BYTES.sub(b"", chunk[start:end])))
        pos = end
    pieces.append(chunk[pos:])
    return b"".join(pieces)


def _strip_esc(chunk: bytes, before: bytes = b"") -> bytes:
    """``_ESC_BYTES.sub`` over the spans of lines holding an ESC (``memchr`` finds them), the rest as it is.

    A sequence holds no newline, so the lines around one are all it can change. Python's re
    read every byte of a chunk (4 instructions each): 3.6% of the bytes of the real logs are
    lines with an ESC, a third of them within the first and last ESC of a chunk.
    """
    find, rfind, pos = chunk.find, chunk.rfind, 0
    view = memoryview(chunk)  # its slices are not copies: the join is the one copy of the chunk
    pieces: list[bytes | memoryview] = [before]  # ``before`` as it is (strip_ansi_bytes)
    at = find(b"\x1b")
    while at >= 0:
        start = rfind(b"\n", pos, at) + 1 or pos
        end = find(b"\n", at + ESC_REACH)
        end = len(chunk) if end < 0 else end + 1
        pieces += (view[pos:start], _ESC_BYTES.sub(b"", cast(bytes, view[start:end])))  # re reads any buffer
        pos, at = end, find(b"\x1b", end)
    pieces.append(view[pos:])
    return b"".join(pieces)


def is_group_marker(line: str) -> str | None:
    """Return the step name when a raw runner line opens a step's group."""
    body = STAMP_TEXT.sub("", line.rstrip("\r\n"))
    if body.startswith("##[group]Run "):
        return redact(body[len("##[group]Run ") :].strip()) or None
    return None
