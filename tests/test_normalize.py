from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from autoheal.normalize import is_group_marker, normalize, strip_ansi_bytes


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-06-29T18:15:54.4601154Z hello", "hello"),
        ("\ufeff2023-06-29T18:15:54.4601154Z hello", "hello"),
        (
            "2023-06-29T18:15:54.4601154Z ##[error]Process completed with exit code 1.",
            "Process completed with exit code 1.",
        ),
        ("##[warning]careful", "careful"),
        ("\x1b[31mFAILED\x1b[0m tests/x.py", "FAILED tests/x.py"),
        ("[31mFAILED[0m tests/x.py", "FAILED tests/x.py"),  # ESC-less remnant in copied logs
        ("line\r\n", "line"),
        ("10%\r50%\r100% done", "100% done"),
        ("a\x00b\x07c", "abc"),
        ("array[m] stays", "array[m] stays"),
        # A wrapper's prefix before the tool's own line: docker compose's service, nix -L's and Stack's package.
        ("2024-05-02T14:03:41.4500000Z tests-1  | FAILED tests/a.py::t", "FAILED tests/a.py::t"),
        ("\x1b[36mweb_1  | \x1b[0mFAIL src/cart.test.js", "FAIL src/cart.test.js"),
        ("python3.11-acme-0.2> error: could not compile", "error: could not compile"),
        ("acme-core> src/Acme.hs:3:1: error:", "src/Acme.hs:3:1: error:"),
        # What a tool prints itself keeps its prefix: npm's and Gradle's echoes, a shell prompt, a table, conda.
        ("> app@1.0.0 test", "> app@1.0.0 test"),
        ("> Task :app:test FAILED", "> Task :app:test FAILED"),
        ("1> Testing tests.kernel_test", "1> Testing tests.kernel_test"),
        ("iex> Foo.bar()", "iex> Foo.bar()"),
        ("name | value", "name | value"),
        ("ca-certificates-2022 | 124 KB | 100%", "ca-certificates-2022 | 124 KB | 100%"),
        # BuildKit's step number and seconds before a RUN's output; its own lines (header, verdict) keep the ``#8``.
        ("#8 12.345 npm ERR! code ERESOLVE", "npm ERR! code ERESOLVE"),
        (
            "2024-05-02T14:03:41.4500000Z #12 3.2 E: Unable to locate package libfoo",
            "E: Unable to locate package libfoo",
        ),
        ("#9 2.817", ""),
        ("#9 [test 4/4] RUN python -m pytest -q", "#9 [test 4/4] RUN python -m pytest -q"),
        (
            '#9 ERROR: process "/bin/sh -c make" did not complete successfully',
            '#9 ERROR: process "/bin/sh -c make" did not complete successfully',
        ),
        ("#9 DONE 0.1s", "#9 DONE 0.1s"),
        ("#2 1.5x", "#2 1.5x"),  # a heading, not BuildKit: the seconds end in a space
        # A monorepo task runner's package (and task) before a script's line: turbo, pnpm -r, yarn foreach, lerna.
        ("2025-09-14T14:28:03.6301146Z web:test:  FAIL  src/a.test.ts > a", " FAIL  src/a.test.ts > a"),
        ("@acme/ui:build:test: src/x.ts(3,5): error TS2322: no", "src/x.ts(3,5): error TS2322: no"),
        ("packages/core build: src/q.ts(4,1): error TS1005", "src/q.ts(4,1): error TS1005"),
        (". test: FAIL tests/a.test.js", "FAIL tests/a.test.js"),
        ("[@acme/billing]:   \u25cf invoice \u203a totals", "  \u25cf invoice \u203a totals"),
        ("\u27a4 YN0000: [api]: Error: boom", "Error: boom"),
        ("@acme/forms:   9:10  error  'x' is defined", "  9:10  error  'x' is defined"),
        # ... and what tools print themselves keeps its words.
        ("error: could not compile `x`", "error: could not compile `x`"),
        ("src/app.py:12: error: Incompatible types", "src/app.py:12: error: Incompatible types"),
        ("main.c:12:5: error: expected ';'", "main.c:12:5: error: expected ';'"),
        (
            "error:0308010C:digital envelope routines::unsupported",
            "error:0308010C:digital envelope routines::unsupported",
        ),
        ("WARNING:root: low disk", "WARNING:root: low disk"),
        ("[vite]: Rollup failed to resolve import", "[vite]: Rollup failed to resolve import"),
        ("[error]: something", "[error]: something"),
        ("\u27a4 YN0000: Done in 7s", "\u27a4 YN0000: Done in 7s"),
        ("cargo:warning=no: x", "cargo:warning=no: x"),
        ("java.lang.IllegalStateException: boom", "java.lang.IllegalStateException: boom"),
        ("FAIL github.com/acme/x 0.1s: nope", "FAIL github.com/acme/x 0.1s: nope"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_group_marker_names_the_step() -> None:
    assert is_group_marker("2023-06-29T18:15:54.4601154Z ##[group]Run pytest -q") == "pytest -q"
    assert is_group_marker("##[group]Installed packages") is None


def test_strip_ansi_bytes_keeps_newlines() -> None:
    assert strip_ansi_bytes(b"\x1b[1ma\x1b[0m\nb\n") == b"a\nb\n"


def test_colour_codes_far_apart_go_as_a_whole_chunk_sub_removes_them() -> None:
    # Only the spans of lines holding an ESC are searched: codes further apart than a span reaches,
    # at a chunk's first and last byte, with runs of plain lines between, all go.
    from autoheal import normalize as mod

    filler = b"plain line\n" * (mod.ESC_REACH // 5)
    chunk = b"\x1b[31mred\x1b[0m\n" + filler + b"a \x1b[1mb\n\x1b[2Kc\n" + filler + b"end \x1b[0m"
    assert strip_ansi_bytes(chunk) == mod._ESC_BYTES.sub(b"", chunk)
    assert strip_ansi_bytes(chunk).count(b"\x1b") == 0 and strip_ansi_bytes(chunk).endswith(b"end ")


@given(st.binary(max_size=200), st.binary(max_size=200))
def test_a_chunk_stripped_after_the_buffer_is_the_buffer_then_the_chunk_stripped(before: bytes, data: bytes) -> None:
    # The scanner joins its stripped buffer and the next chunk in the strip's one copy: the buffer is
    # kept as it is (stripping it again could join a remnant across a removed code), the chunk stripped.
    chunk = data.replace(b"e", b"\x1b[").replace(b"n", b"\n").replace(b"b", b"[1;3")
    assert strip_ansi_bytes(chunk, before) == before + strip_ansi_bytes(chunk)


@given(st.binary(max_size=300), st.integers(0, 40))
def test_stripping_escapes_by_spans_is_the_whole_chunk_sub(data: bytes, reach: int) -> None:
    from autoheal import normalize as mod

    chunk = data.replace(b"e", b"\x1b[").replace(b"n", b"\n")
    old, mod.ESC_REACH = mod.ESC_REACH, reach
    try:
        assert mod._strip_esc(chunk) == mod._ESC_BYTES.sub(b"", chunk)
    finally:
        mod.ESC_REACH = old


def test_resets_and_cursor_moves_without_digits_go_only_on_a_line_with_a_remnant() -> None:
    # Maven's ``[INFO]`` copied without its ESCs; an erased line's ``[K``; a cursor shown again.
    assert normalize("[[1;34mINFO[m] BUILD FAILURE") == "[INFO] BUILD FAILURE"
    assert normalize("[32m✓ ok[K done[?25h") == "✓ ok done"
    # On their own they are an index or a type's parameters.
    assert normalize("val m: Map[K, V] = a[m]") == "val m: Map[K, V] = a[m]"
    chunk = b"[[1;31mERROR[m] Failed\nval m: Map[K, V]\n[1m[K x\n"
    assert strip_ansi_bytes(chunk) == b"[ERROR] Failed\nval m: Map[K, V]\n x\n"
    assert strip_ansi_bytes(b"x" * 100 + b"[K\n") == b"x" * 100 + b"[K\n"


def test_buildkites_time_escape_goes_from_a_line_as_from_a_chunk() -> None:
    line = "\x1b_bk;t=1714554000000\x07\x1b[31mnpm ERR! code ELIFECYCLE"
    assert normalize(line) == "npm ERR! code ELIFECYCLE" == strip_ansi_bytes(line.encode()).decode()


def test_a_colour_code_in_caret_notation_goes_whole() -> None:
    # A log saved through `cat -v` or a pager shows ESC as ``^[``: the code goes with its caret, other
    # carets stay (a regex in the log, a shell's ``^[`` typed as text).
    assert normalize("^[[31mFAIL^[[0m src/a.test.ts ^[[1;2m") == "FAIL src/a.test.ts "
    assert strip_ansi_bytes(b"^[[31mFAIL^[[0m a\n^[[x] ^[^[[2K\n") == b"FAIL a\n^[[x] ^[\n"
    assert normalize("grep '^[[:space:]]' f") == "grep '^[[:space:]]' f"


@given(st.text())
def test_normalize_never_crashes_and_is_single_line(text: str) -> None:
    out = normalize(text)
    assert "\n" not in out.rstrip("\n") or "\n" in text
    assert len(out) <= 4000


def _clean_by_substitution(line: str) -> str:
    """``normalize._clean`` as every substitution in turn, without its guards and shortcuts."""
    from autoheal import normalize as n

    line = line.rstrip("\r\n")
    if "\r" in line:
        frames = [f for f in line.split("\r") if f.strip()]
        line = frames[-1] if frames else ""
    line = n.STAMP_TEXT.sub("", line)
    if "[" in line or "\x1b" in line:
        line = n._CARET.sub("", n.STAMP_TEXT.sub("", n._ANSI_ESC.sub("", line)))
        line, remnants = n._BARE.subn("", line)
        line = n.STAMP_TEXT.sub("", n._BARE_REST.sub("", line) if remnants else line)
    line = n._MARKER.sub("", line)
    line = re.sub("^(?:" + n._GO_LOG.pattern + ")", "", line, count=1)
    nested = re.match("^(?:" + n._NESTED.pattern + ")", line)
    if nested:
        line = line[nested.end() :]
    elif buildkit := re.match("^(?:" + n._BUILDKIT.pattern + ")", line):
        line = line[buildkit.end() :]
    else:
        line = re.sub("^(?:" + n._TASK_PREFIX.pattern + ")", "", line, count=1)
    return n.CONTROL.sub("", line)


_PIECES = ["2024-05-06T09:00:00.1234567Z ", "2024-05-06T09:00:00Z", "\ufeff", "[31m", "[1;2m", "[K", "\x1b[0m", "\x1b["]
_PIECES += ["db-1  | ", "pkg-a> ", "> ", "| ", "-1 ", "a", "#8 ", "#", "12.5", "12.5 "]
_PIECES += ["web:test: ", "[web]: ", "pkgs/a b: ", ": ", ":"]
_PIECES += ["^[", "^", "^[[31m", "2026/08/07 06:03:50 ", "2026/08/07 06:03:50.123456 "]
_PIECES += ["\x1b]0;title\x07", "\x1b(B", "[", "##[error]", "##[group]", "\r", "\x07", "x", " ", "1", "é", "\u0663"]


@given(st.lists(st.sampled_from(_PIECES), max_size=7))
@example(pieces=["2024-05-06T09:00:00.1234567Z "] * 3 + ["[31m"])  # stacked stamps over a bare colour remnant
@example(pieces=["\x1b]0;title\x07"] + ["2024-05-06T09:00:00.1234567Z "] * 2)  # a terminal title over two stamps
def test_normalising_skips_only_substitutions_that_cannot_apply(pieces: list[str]) -> None:
    from autoheal.normalize import _clean

    line = "".join(pieces)
    assert _clean(line) == _clean_by_substitution(line)


@pytest.mark.parametrize(
    ("prefix", "lines", "rule"),
    [
        (
            "[@acme/billing]: ",
            ["FAIL src/invoice.test.ts", "  \u25cf invoice \u203a adds tax", "", "    Expected: 1"],
            "node.test-failures",
        ),
        ("api:test: ", ["test parse::empty ... FAILED", "", "failures:"], "rust.test-failures"),
        ("packages/core build: ", ["src/q.ts(4,1): error TS1005: ';' expected."], "node.typescript"),
    ],
)
def test_a_task_runner_s_prefix_does_not_hide_the_tool_s_verdict(prefix: str, lines: list[str], rule: str) -> None:
    from autoheal.rules import default_ruleset
    from tests.helpers import triage_text

    log = ["##[group]Run pnpm -r test", "##[endgroup]", *(prefix + line for line in lines)]
    d = triage_text([*log, "##[error]Process completed with exit code 1."], default_ruleset())
    assert d.rule == rule
    assert prefix not in d.title and not any(prefix in e.text for e in d.excerpt)  # (a rule may read past it)


def test_gos_log_stamp_before_a_tools_line_is_cut_as_a_runners_is() -> None:
    from autoheal.normalize import normalize

    assert normalize("2026/08/07 06:03:50 --- FAIL: chainsaw (0.00s)") == "--- FAIL: chainsaw (0.00s)"
    assert normalize("2026-08-07T06:03:50.2025764Z 2026/08/07 06:03:50.123456 FAIL") == "FAIL"
    assert normalize("2026/08/07 is the release date") == "2026/08/07 is the release date"
