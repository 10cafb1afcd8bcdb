"""The streaming scanner: hits, line numbers and context across chunk boundaries."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autoheal import scan, scanhits
from autoheal.logsource import bytes_doc
from autoheal.scan import scan_doc
from tests.helpers import ruleset

RS = ruleset()


def _log(before: int, after: int) -> bytes:
    lines = [f"noise {i}" for i in range(before)] + ["ModuleNotFoundError: No module named 'yaml'"]
    lines += [f"after {i}" for i in range(after)]
    return ("\n".join(lines) + "\n").encode()


def _hit_lines(data: bytes) -> list[tuple[int, str]]:
    return [(h.line, h.rule.id) for h in scan_doc(bytes_doc("x", data), RS).hits]


@pytest.mark.parametrize("chunk", [7, 64, 333, 4096, 1 << 20])
def test_line_numbers_and_context_survive_any_chunk_size(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    monkeypatch.setattr(scan, "CHUNK", chunk)
    result = scan_doc(bytes_doc("x", _log(500, 10)), RS)
    [hit] = result.hits
    assert hit.line == 501
    assert hit.captures == {"module": "yaml"}
    assert hit.before == [f"noise {i}" for i in range(500 - scan.WINDOW, 500)]
    assert hit.after == [f"after {i}" for i in range(10)]
    assert result.lines == 511


def test_counts_lines_like_grep_n() -> None:
    data = b"a\r\nb\r\nFAILED tests/t.py::x\r\nc"  # CRLF and no final newline
    result = scan_doc(bytes_doc("x", data), RS)
    assert [(h.line, h.text) for h in result.hits] == [(3, "FAILED tests/t.py::x")]
    assert result.lines == 4
    assert result.tail[-1] == (4, "c")


def test_blank_lines_before_an_exit_line_or_at_the_end_keep_the_numbering() -> None:
    lines = ["$ make test", "compiling", "error: boom", "", "", 'The command "make test" exited with 2.', "", ""]
    result = scan_doc(bytes_doc("x", ("\n".join(lines) + "\n").encode()), RS)
    [tail] = result.failed_tails.values()
    assert all(lines[n - 1] == t for n, t in tail) and tail[-1][0] == 6
    assert all(lines[n - 1] == t for n, t in result.tail) and result.tail[0] == (1, "$ make test")


def test_steps_are_tracked_from_group_markers() -> None:
    data = (
        b"2024-01-01T00:00:00.0000000Z ##[group]Run pip install .\n"
        b"2024-01-01T00:00:00.0000000Z ok\n"
        b"2024-01-01T00:00:00.0000000Z ##[group]Run pytest\n"
        b"2024-01-01T00:00:00.0000000Z ModuleNotFoundError: No module named 'yaml'\n"
    )
    [hit] = scan_doc(bytes_doc("x", data), RS).hits
    assert hit.step == "pytest"


def test_each_hit_gets_the_step_it_ran_in_across_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan, "CHUNK", 1 << 12)  # many chunks: markers fall out of the buffer
    parts = []
    for step in ("lint", "build", "pytest"):
        parts.append(f"##[group]Run {step}\n" + "chatter\n" * 900)
        parts.append(f"FAILED tests/{step}.py::x\n" + "more chatter\n" * 900)
    hits = scan_doc(bytes_doc("x", "".join(parts).encode()), RS).hits
    assert [(h.text, h.step) for h in hits] == [
        ("FAILED tests/lint.py::x", "lint"),
        ("FAILED tests/build.py::x", "build"),
        ("FAILED tests/pytest.py::x", "pytest"),
    ]


def test_binary_garbage_and_huge_lines_do_not_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan, "CHUNK", 1 << 16)
    monkeypatch.setattr(scan, "MAX_CARRY", 1 << 16)
    data = b"\x00\xff\xfe" * 1000 + b"x" * 500_000 + b"\nModuleNotFoundError: No module named 'a'\n" + b"\x80" * 10
    hits = scan_doc(bytes_doc("x", data), RS).hits
    assert [(h.line, h.captures["module"]) for h in hits] == [(2, "a")]


def test_hits_per_rule_are_bounded() -> None:
    data = ("FAILED tests/t.py::x\n" * 10_000).encode()
    hits = scan_doc(bytes_doc("x", data), RS).hits
    assert len(hits) == scan.KEEP_FIRST + scan.KEEP_LAST
    assert hits[0].line == 1 and hits[-1].line == 10_000


def test_colour_codes_inside_a_line_do_not_hide_a_match() -> None:
    data = b"\x1b[31mModuleNotFoundError\x1b[0m: No module named 'yaml'\n"
    assert _hit_lines(data) == [(1, "python.module-not-found")]


@pytest.mark.parametrize("chunk", [2, 3, 5, 8, 13])
def test_a_colour_code_split_between_two_reads_is_stripped(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    # Each read ends somewhere inside an escape sequence, as a pipe's reads may.
    monkeypatch.setattr(scan, "CHUNK", chunk)
    data = b"ok\n\x1b[31mModuleNotFoundError\x1b[0m: No module named 'yaml'\n\x1b[1mdone\x1b[0m"
    assert _hit_lines(data) == [(2, "python.module-not-found")]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000), st.integers(min_value=1, max_value=200))
def test_scanner_never_crashes(data: bytes, chunk: int) -> None:
    original = scan.CHUNK
    scan.CHUNK = chunk
    try:
        result = scan_doc(bytes_doc("x", data), RS)
    finally:
        scan.CHUNK = original
    assert result.lines == data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def test_reads_a_file_as_a_stream(tmp_path: Path) -> None:
    path = tmp_path / "big.log"
    path.write_bytes(_log(100_000, 3))
    from autoheal.logsource import open_input

    [doc] = open_input(str(path))
    with doc.opener() as fh:
        assert isinstance(fh, io.BufferedReader)
    [hit] = scan_doc(doc, RS).hits
    assert hit.line == 100_001


def test_a_hit_kept_past_its_region_keeps_its_context_compressed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan, "CHUNK", 4096)
    monkeypatch.setattr(scan, "PACK_BUDGET", 0)  # compressed as soon as it may be
    found = scan_doc(bytes_doc("x", _log(60, 2000)), RS).hits
    hit = next(h for h in found if h.line == 61)
    assert hit.packed is not None and not hit.raw_before and not hit.raw_after
    assert hit.before == [f"noise {i}" for i in range(20, 60)] and hit.after == [f"after {i}" for i in range(40)]


def test_a_set_x_loop_keeps_a_bounded_number_of_traces_and_its_last_trace_still_failed() -> None:
    from autoheal import cause
    from autoheal.rules import default_ruleset
    from autoheal.sections import MAX_TRACES, failing_command

    lines = ["##[group]Run ./build.sh", "##[endgroup]", '+ echo "No space left on device"']
    lines += [f"+ step {i}" for i in range(20000)]  # a set -x loop
    lines += ["+ make install", "make: *** No rule to make target 'install'.  Stop."]
    lines += ["##[error]Process completed with exit code 2."]
    found = scan_doc(bytes_doc("build.log", ("\n".join(lines) + "\n").encode()), default_ruleset())
    assert len(found.commands) <= 2 * MAX_TRACES  # not one record per trace
    failed = next(i for i, s in enumerate(found.sections) if s.status == "failed")
    last = failing_command(found.commands, failed, found.sections[failed].exit_line)
    assert last is not None and last.command == "make install"
    echo = [h for h in found.hits if h.line == 3]
    # The trace record of line 3 was dropped long ago; the hit still knows it is an echo.
    assert echo and all(h.traced and cause.echoed(found, h, frozenset()) for h in echo)


@pytest.mark.parametrize("chunk", [4096, 8192])
def test_hits_a_few_lines_apart_share_one_packed_run_and_keep_their_own_context(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(scan, "CHUNK", chunk)  # a first hit is packed at the end of a later region
    monkeypatch.setattr(scan, "PACK_BUDGET", 0)
    lines = [f"noise {i}" for i in range(3000)]
    for at, module in ((50, "yaml"), (53, "toml"), (70, "lxml")):
        lines[at] = f"ModuleNotFoundError: No module named '{module}'"
    lines[60] = "npm ERR! code ENOENT"
    data = ("\n".join(lines) + "\n").encode()
    found = scan_doc(bytes_doc("x", data), RS).hits
    assert {h.line for h in found} >= {51, 54, 71}
    for hit in found:
        assert hit.packed is not None
        index = hit.line - 1
        assert hit.before == lines[max(0, index - scan.WINDOW) : index]
        assert hit.after == lines[index + 1 : index + 1 + scan.WINDOW]
    blobs = {id(piece[0]) for h in found for piece in h.packed or ()}
    assert len(blobs) == 1  # the three error lines' context overlaps: compressed once


@pytest.mark.parametrize("budget", [1 << 20, 2_000])
def test_context_waits_raw_until_the_budget_is_passed_and_reads_the_same(
    monkeypatch: pytest.MonkeyPatch, budget: int
) -> None:
    monkeypatch.setattr(scan, "CHUNK", 4096)
    monkeypatch.setattr(scan, "PACK_BUDGET", budget)
    lines = [f"noise {i}" for i in range(6000)]
    for at in range(100, 6000, 500):  # the same rule, again and again: its last hits are pushed out as they come
        lines[at] = f"ModuleNotFoundError: No module named 'm{at}'"
    found = scan_doc(bytes_doc("x", ("\n".join(lines) + "\n").encode()), RS).hits
    assert len(found) == scan.KEEP_FIRST + scan.KEEP_LAST
    # ~800 bytes of context a hit: with 1 MiB nothing is compressed, with 2 kB the hits that wait once more than that does.
    assert any(h.packed is not None for h in found) == (budget < 100_000)
    for hit in found:
        index = hit.line - 1
        assert hit.before == lines[max(0, index - scan.WINDOW) : index]
        assert hit.after == lines[index + 1 : index + 1 + scan.WINDOW]


def test_packing_joins_only_overlapping_context() -> None:
    hits = [scan.Hit(RS.rules[0], n, "", {}, bytes_doc("x", b""), None) for n in range(3)]
    hits[0].raw_before, hits[0].raw_after = b"abc", b"def"  # stream offsets 0 and 4
    hits[1].raw_before, hits[1].raw_after = b"cXd", b""  # 2: the stream holds abcXdef from 0
    hits[2].raw_before, hits[2].raw_after = b"xyz", b"!"  # 100 and 104: a run of their own each
    scanhits.pack([([hits[0]], 0, 4), ([hits[1]], 2, 7), ([hits[2]], 100, 104)])
    assert [h._context() for h in hits] == [(b"abc", b"def"), (b"cXd", b""), (b"xyz", b"!")]
    assert hits[0].packed is not None and hits[1].packed is not None and hits[2].packed is not None
    assert hits[0].packed[0][0] is hits[1].packed[0][0] is hits[0].packed[1][0]
    assert hits[2].packed[0][0] is not hits[2].packed[1][0]


@pytest.mark.parametrize("chunk", range(2000, 4000, 97))
def test_the_last_line_of_a_hits_context_is_whole_where_a_chunk_ends_inside_it(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    # A chunk often ends inside a line: a hit's 40th line after must not be cut there (a token cut
    # short is no longer one the redaction recognises).
    monkeypatch.setattr(scan, "CHUNK", chunk)
    lines = [f"noise line number {i} with some padding" for i in range(1200)]
    for at in range(20, 1150):
        lines[at] = f"ModuleNotFoundError: No module named 'mod{at}'"
    data = ("\n".join(lines) + "\n").encode()
    found = scan_doc(bytes_doc("x", data), RS).hits
    assert len(found) >= 4
    for hit in found:
        index = hit.line - 1
        assert hit.before == lines[max(0, index - scan.WINDOW) : index]
        assert hit.after == lines[index + 1 : index + 1 + scan.WINDOW], hit.line


def test_a_failed_sections_tail_starts_at_the_buffers_first_line_numbered_right(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Long lines: the buffer holds fewer than FAIL_TAIL lines above the exit line, and says which."""
    monkeypatch.setattr(scan, "CHUNK", 4096)
    monkeypatch.setattr(scan, "MAX_CARRY", 4096)
    body = [f"line {n} " + "x" * 90 for n in range(2, 600)]
    data = "\n".join(["##[group]Run make", *body, "##[error]Process completed with exit code 2.", ""]).encode()
    tails = scan_doc(bytes_doc("x", data), RS).failed_tails
    [(index, tail)] = tails.items()
    lines = [(n, text) for n, text in tail if n < 600]
    assert 10 < len(lines) < scan.FAIL_TAIL and lines[-1][0] == 599
    # The first may be the end of a line: the carry is cut MAX_CARRY + CHUNK bytes back, not at a line start.
    assert all(text.startswith(f"line {n} ") for n, text in lines[1:]) and lines[0][1].endswith("x" * 10)


def test_a_hit_knows_whether_its_line_carries_the_runner_timestamp() -> None:
    # The decoded line's text is matched: a byte-order mark before the first stamp counts, a date inside does not.
    lines = [
        "\ufeff2024-05-06T07:08:09.1234567Z ModuleNotFoundError: No module named 'a'",
        "2024-05-06T07:08:09Z ModuleNotFoundError: No module named 'b'",
        "x 2024-05-06T07:08:09.1Z ModuleNotFoundError: No module named 'c'",
    ]
    hits = scan_doc(bytes_doc("x", "\n".join(lines).encode()), RS).hits
    assert [(h.captures["module"], h.stamped) for h in hits] == [("a", True), ("b", True), ("c", False)]


def test_hits_pushed_out_while_waiting_count_toward_the_budget() -> None:
    # Hits with no context but long lines, pushed out of the keeper (not in ``kept``): what waits is bounded
    # by the budget, their text included, and a flush drops them without packing them.
    ripe = scanhits.Ripe(budget=10_000)
    for n in range(100):
        hit = scan.Hit(RS.rules[0], n, "x" * 1_000, {}, bytes_doc("x", b""), None)
        ripe.add([([hit], 0, 0)], kept=set())
        assert ripe.size < ripe.budget and len(ripe.groups) < 10
        assert hit.packed is None


@given(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"")), st.binary(max_size=80), st.booleans())
def test_a_read_is_cut_after_its_last_newline_the_rest_held_for_the_next(
    pending: bytes, data: bytes, eof: bool
) -> None:
    # What the scanner holds back is the partial last line (pending + data when the read has no newline),
    # unless the read is the last or the partial line is longer than PARTIAL: then it is stripped in pieces.
    joined = pending + data
    ready, held = scan._whole_lines(pending, data, eof)
    assert ready + held == joined and b"\n" not in held
    end = joined.rfind(b"\n") + 1
    whole = eof or len(joined) - end > scan.PARTIAL
    assert (ready, held) == ((joined, b"") if whole else (joined[:end], joined[end:]))


@pytest.mark.parametrize("chunk", [5, 7, 13])
def test_reads_that_end_inside_a_line_and_its_colour_codes_hit_as_one_read(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    data = b"ok\n\x1b[31mModuleNotFoundError\x1b[0m: No module named 'yaml'\n\x1b[1;31mnpm ERR! code E404\x1b[0m\n" * 3
    whole = _hit_lines(data)
    monkeypatch.setattr(scan, "CHUNK", chunk)
    assert _hit_lines(data) == whole and len(whole) == 3
