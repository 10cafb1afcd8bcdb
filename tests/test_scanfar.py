"""Error blocks far above a failed section's tail: found by their shape, kept bounded, read above the tail."""

from __future__ import annotations

import pytest

from autoheal import scanfar
from autoheal.logsource import bytes_doc
from autoheal.scan import scan_doc
from tests.helpers import ruleset, triage_text

RS = ruleset()
NOISE = [f"> Task :mod{i}:compileJava UP-TO-DATE" for i in range(3000)]


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("com.example.WidgetTest > rendersLabel FAILED", True),
        ("[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 1 s <<< FAILURE! - in a.B", True),
        ("src/lib/parse.c:12:7: error: 'x' undeclared", True),
        ("2024-05-06T07:08:09.1234567Z error[E0425]: cannot find value `y`", True),
        ("Traceback (most recent call last):", True),
        ("java.lang.IllegalStateException: no session", True),
        ("\ufeff2024-05-06T07:08:09.1234567Z [ERROR] a file's first line", True),
        ("--- FAIL: TestParse (0.00s)", True),
        ("> Task :core:compileJava UP-TO-DATE", False),
        ("[INFO] Tests run: 7, Failures: 0, Errors: 0, Skipped: 0", False),
        ("reading error_codes.txt", False),
    ],
)
def test_an_opener_is_known_by_its_shape(line: str, opens: bool) -> None:
    buf = f"before\n{line}\nafter\n".encode()
    assert (scanfar.openers(buf, 0, len(buf)) == [7]) is opens


def _step(*body: str) -> str:
    lines = ["##[group]Run ./gradlew test", "##[endgroup]", *body, "##[error]Process completed with exit code 1."]
    return "\n".join(lines) + "\n"


FAILED_CASE = [
    "com.example.WidgetTest > rendersLabel FAILED",
    "    org.opentest4j.AssertionFailedError: expected: <ok> but was: <nope>",
    "        at app//com.example.WidgetTest.rendersLabel(WidgetTest.java:42)",
]


def test_a_failed_sections_tail_is_read_with_its_far_blocks_above_it() -> None:
    text = _step("> Task :core:test", *FAILED_CASE, *NOISE, "42 tests completed, 1 failed")
    scan = scan_doc(bytes_doc("", text.encode()), RS)
    (index,) = scan.failed_tails
    lines = dict(scan.failed_tails[index])
    assert lines[4] == FAILED_CASE[0] and lines[6] == FAILED_CASE[2]
    assert scan.failed_tails.near(index) > 2000  # the tail proper is the last lines


def test_a_verdict_without_details_counts_the_far_block_of_the_first_failure() -> None:
    text = _step("> Task :core:test", *FAILED_CASE, *NOISE, "42 tests completed, 1 failed")
    d = triage_text(text, RS)
    assert d.excerpt[0].line == 4 and d.excerpt[0].text == FAILED_CASE[0]


def test_a_test_cases_verdict_outranks_the_exceptions_a_passing_run_logged() -> None:
    logged = [f"java.lang.IllegalStateException: retry {i}" for i in range(10)]
    spaced = [line for e in logged for line in (e, *NOISE[:40])]
    text = _step(*spaced, *FAILED_CASE, *NOISE, "42 tests completed, 1 failed")
    d = triage_text(text, RS)
    assert d.excerpt[0].text == FAILED_CASE[0]


def test_blocks_kept_per_section_are_bounded() -> None:
    blocks = scanfar.FarBlocks()
    lines = [b"a.c:%d:1: error: x\n" % i for i in range(50_000)]
    at = 0
    for number, line in enumerate(lines, 1):
        blocks.note(1, number, at)
        at += len(line)
    blocks.flush(b"".join(lines))
    kept = blocks.above(1, 1, 10**9)
    assert len(kept) <= 2 * scanfar.FAR_FIRST + scanfar.FAR_LAST
    assert kept[-1].opener > 49_000  # the last ones are the section's last


def test_a_logs_first_section_beyond_the_bound_drops_the_oldest() -> None:
    blocks = scanfar.FarBlocks()
    buf = b"x.py:1: error: y\n"
    for section in range(scanfar.FAR_SECTIONS + 5):
        blocks.note(section, 1, 0)
        blocks.flush(buf)
    assert len(blocks.by_section) == scanfar.FAR_SECTIONS and 0 not in blocks.by_section


def test_a_region_of_openers_alone_offers_its_first_and_last_only() -> None:
    buf = b"error: x\n" * 100_000
    found = scanfar.openers(buf, 0, len(buf))
    assert len(found) == scanfar.MAX_OPENERS and found[0] == 0 and found[-1] == len(buf) - 9


def test_a_test_cases_verdict_in_the_tail_beyond_the_details_reach_is_counted_too() -> None:
    text = _step("> Task :core:test", *FAILED_CASE, *NOISE[:60], "42 tests completed, 1 failed")
    d = triage_text(text, RS)
    assert d.excerpt[0].text == FAILED_CASE[0]


def test_more_sections_than_the_bound_in_one_region_are_cut_without_error() -> None:
    blocks = scanfar.FarBlocks()
    buf = b"x.py:1: error: y\n"
    for section in range(scanfar.FAR_SECTIONS + 5):
        blocks.note(section, 1, 0)
    blocks.flush(buf)
    assert len(blocks.by_section) == scanfar.FAR_SECTIONS
