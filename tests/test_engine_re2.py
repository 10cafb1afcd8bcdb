"""The portable engine's first pass flags exactly the lines its parts match, whichever pass holds them."""

from __future__ import annotations

import re2

from autoheal.blockopeners import OPENER, OPENER_WIDE
from autoheal.engine_re2 import Re2Engine, flagged, line_starts
from autoheal.rules import Rule, RuleSet, build_rule, compile_ruleset, default_ruleset
from autoheal.sections import MARKER_BYTES

RULESET = default_ruleset()

# Several CI systems and ecosystems: marker lines that are markers only, marker lines a
# literal flags, marker lines only a loop (pair or weak pattern) flags, plain candidates, noise.
LOG = b"\n".join(
    [
        b"2024-05-06T09:04:11.1234567Z ##[group]Run make",
        b"##[endgroup]",
        b"+ make test",
        b"$ cargo fmt -- --check Diff in src/lib.rs",
        b"+ echo E   AssertionError: x",
        b"section_start:1714986251:build_script",
        b"[Pipeline] { (Build)",
        b"  Downloading numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.whl (18.3 MB)",
        b"E   ModuleNotFoundError: No module named 'yaml'",
        b"Tests:       1 failed, 2 passed, 3 total",
        b"src/app.c:12:5: error: unknown type name 'foo'",
        b"npm ERR! code E404",
        b'The command "npm test" exited with 1.',
        b"##[error]Process completed with exit code 1.",
        b"Done. Your build exited with 1.",
        b"ok   github.com/acme/widgets/internal/store  0.412s",
        b"\xff\xfe not UTF-8, then Segmentation fault (core dumped)",
        b"tail without a newline: Permission denied",
    ]
)


def _lines(data: bytes) -> list[tuple[int, bytes]]:
    out, pos = [], 0
    for line in data.split(b"\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _matching(source: str, data: bytes) -> list[int]:
    """Starts of the lines ``source`` matches, one line at a time: what the passes must flag."""
    regex = re2.compile(source.encode() if source else b"[^\\x00-\\xff]")
    return [ls for ls, line in _lines(data) if regex.search(line)]


def _scan(ruleset: RuleSet, data: bytes) -> tuple[list[int], set[int], list[int]]:
    return Re2Engine(ruleset, small=0).scan(data, 0, len(data))  # the prefilter's passes, whatever the size


def test_candidates_are_the_lines_a_rule_part_matches_and_markers_the_lines_a_marker_matches() -> None:
    literals, loops = RULESET.parts.sources()
    found, markers, _ = _scan(RULESET, LOG)
    expected = sorted(set(_matching(literals, LOG)) | set(_matching(loops, LOG)))
    assert found == expected
    assert markers == set(_matching(MARKER_BYTES.decode(), LOG))
    marker_only = {ls for ls, line in _lines(LOG) if line in (b"##[endgroup]", b"+ make test", b"[Pipeline] { (Build)")}
    assert marker_only <= markers and not marker_only & set(found)  # no rule test for a line that is only a marker
    loop_markers = {ls for ls, line in _lines(LOG) if b"Diff in" in line or b"echo E" in line}
    assert loop_markers <= markers and loop_markers <= set(found)  # a loop flags them, not a literal


# Error blocks' openers (blockopeners.py): some no rule part flags, one after a vertical tab (RE2's \S),
# one after a character of two bytes, a byte-order mark and a timestamp before one; three that are none
# (the last only the second pass's wider shape flags).
OPENERS = [
    b"Caused by: widget exploded",
    b"[ERROR] boom",
    b"x\x0b.c:1: error",
    b"\xc3\xa9.c:1:2: error: x",
    b"com.acme.WidgetTest > rendersLabel FAILED",
    b"\xef\xbb\xbf2024-05-06T07:08:09.1234567Z [ERROR] boom",
    b" .c:1: error here",
    b"FAILED  ",
    b"retry(3) error budget spent",
]


def test_openers_are_found_in_the_second_pass_and_one_no_rule_may_hit_is_no_candidate() -> None:
    assert OPENER_WIDE in RULESET.prefilter.sources[1]  # no pass of their own
    data = LOG + b"\n" + b"\n".join(OPENERS) + b"\n"
    found, _, opens = _scan(RULESET, data)
    assert opens == _matching(OPENER, data)
    shaped = {line for ls, line in _lines(data) if ls in opens}
    assert set(OPENERS[:6]) <= shaped and not set(OPENERS[6:]) & shaped
    only = {ls for ls, line in _lines(data) if line in OPENERS[:2]}
    wide = {ls for ls, line in _lines(data) if line == OPENERS[-1]}  # flagged by the pass, but no opener
    assert only <= set(opens) and not (only | wide) & set(found)


def test_every_line_a_rule_hits_is_a_candidate() -> None:
    found = set(_scan(RULESET, LOG)[0])
    hit = {ls for ls, line in _lines(LOG) if RULESET.hits(line.decode("utf-8", "replace"))}
    assert hit and hit <= found


def test_a_region_is_scanned_as_the_whole_buffer_flags_it() -> None:
    data = (LOG + b"\n" + b"\n".join(OPENERS) + b"\n") * 3
    found, markers, opens = _scan(RULESET, data)
    cut = data.find(b"\n", len(data) // 2) + 1
    engine = Re2Engine(RULESET, small=0)
    left, right = engine.scan(data, 0, cut), engine.scan(data, cut, len(data))
    assert left[0] + right[0] == found
    assert left[1] | right[1] == markers
    assert left[2] + right[2] == opens


def _rule(rule_id: str, pattern: str) -> Rule:
    return build_rule({"id": rule_id, "category": "unknown", "patterns": [pattern]}, "test")


def test_where_a_loop_may_span_lines_every_marker_line_stays_a_candidate() -> None:
    """A pass that is not line-confined cannot be asked about one line: nothing is left out then."""
    ruleset = compile_ruleset([_rule("spans", "(?s)zq.+qz")])
    assert ruleset.prefilter.loop_check is None
    data = LOG + b"\nzq\nqz\n"
    found, markers, _ = _scan(ruleset, data)
    assert markers == set(_matching(MARKER_BYTES.decode(), LOG))
    assert markers <= set(found)
    assert data.index(b"\nzq\n") + 1 in found  # the line the match starts on


def test_a_ruleset_without_literals_or_loops_flags_markers_only() -> None:
    found, markers, opens = _scan(compile_ruleset([]), LOG)
    assert found == [] and markers == set(_matching(MARKER_BYTES.decode(), LOG))
    assert opens == _matching(OPENER, LOG)


def test_flagged_names_each_line_once_with_its_end() -> None:
    regex = re2.compile(b"a")
    data = b"xa a\nbbb\naa\nc a"

    def search(buf: bytes, pos: int, end: int) -> int:
        m = regex.search(buf, pos, end)
        return m.start() if m else -1

    assert list(flagged(search, data, 0, len(data))) == [(0, 5), (9, 12), (12, 15)]
    assert list(line_starts(search, data, 0, len(data))) == [0, 9, 12]


def test_a_small_region_is_scanned_without_the_prefilter_and_flags_every_line() -> None:
    engine = Re2Engine(RULESET)
    found, markers, opens = engine.scan(LOG, 0, len(LOG))
    assert engine.passes is None  # not compiled: a small log's start-up does without it
    assert found == [ls for ls, _ in _lines(LOG)]
    assert (markers, opens) == _scan(RULESET, LOG)[1:]  # the markers' and openers' own regexes decide


def test_the_prefilter_is_compiled_once_small_regions_add_up_to_the_budget() -> None:
    engine = Re2Engine(RULESET, small=2 * len(LOG))
    every = engine.scan(LOG, 0, len(LOG))
    assert engine.scan(LOG, 0, len(LOG)) == every and engine.passes is None
    assert engine.scan(LOG, 0, len(LOG)) == _scan(RULESET, LOG) and engine.passes is not None
