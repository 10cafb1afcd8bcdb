"""How an excerpt's pieces join (gaps.py): passing cases between two failing ones are the run as printed.

Synthetic logs written for these tests, of several ecosystems.
"""

from __future__ import annotations

from autoheal import excerpt, gaps
from autoheal.baseline import Baseline


def _never(_text: str) -> bool:
    return False


def _joined(texts: list[str], kept: list[int]) -> list[int]:
    source = dict(enumerate(texts, start=1))
    return [n for n, _ in gaps.bridge([(n, source[n]) for n in kept], source, _never)]


def test_go_passes_between_two_failing_tests_fill_the_gap() -> None:
    texts = ["    a_test.go:9: got 1, want 2", "--- FAIL: TestA (0.00s)", "=== RUN   TestB"]
    texts += ["--- PASS: TestB (0.00s)", "=== RUN   TestC", "--- PASS: TestC (0.01s)", "=== RUN   TestD"]
    texts += ["--- PASS: TestD (0.00s)", "    a_test.go:40: timed out", "--- FAIL: TestE (0.20s)"]
    assert _joined(texts, [1, 2, 9, 10]) == list(range(1, 11))


def test_vstest_and_jest_passed_cases_between_failures_fill_the_gap() -> None:
    dotnet = ["  Failed A.Tests.X [3 ms]", "  Passed A.Tests.Y [1 ms]", "  Passed A.Tests.Z [< 1 ms]"]
    dotnet += ["  Passed A.Tests.W [2 ms]", "  Passed A.Tests.V [1 ms]", "  Failed A.Tests.U [4 ms]"]
    assert _joined(dotnet, [1, 6]) == list(range(1, 7))
    jest = ["    ✕ adds (6 ms)", "    ✓ removes (1 ms)", "    ✓ clears (1 ms)", "    ✓ counts (1 ms)"]
    jest += ["    ✓ keeps order (2 ms)", "    ✕ totals (4 ms)"]
    assert _joined(jest, [1, 6]) == list(range(1, 7))


def test_a_gap_of_passes_longer_than_the_bound_stays_a_gap() -> None:
    texts = ["  Failed A.Tests.X [3 ms]"] + [f"  Passed A.Tests.P{i} [1 ms]" for i in range(gaps.SANDWICH + 1)]
    texts += ["  Failed A.Tests.U [4 ms]"]
    assert _joined(texts, [1, len(texts)]) == [1, len(texts)]


def test_ci_runner_or_cache_lines_in_a_gap_keep_it_a_gap() -> None:
    texts = ["--- FAIL: TestA (0.00s)", "--- PASS: TestB (0.00s)", "##[group]Run upload", "--- PASS: TestC (0.00s)"]
    texts += ["Uploading cache", "--- FAIL: TestE (0.20s)"]
    assert _joined(texts, [1, 6]) == [1, 6]


def test_passing_cases_inside_one_block_stay_when_more_than_three() -> None:
    # prove: a failing test file, three files that passed after it, a blank line, then the summary report.
    lines = ["t/01-wrap.t ...... 1/6", "#   Failed test 'wraps'", "#   at t/01-wrap.t line 18."]
    lines += ["t/01-wrap.t ...... Dubious, test returned 1 (wstat 256, 0x100)", "Failed 1/6 subtests"]
    lines += ["t/02-indent.t .... ok", "t/03-unicode.t ... ok", "t/04-tabs.t ...... ok", ""]
    lines += ["Test Summary Report", "-------------------", "t/01-wrap.t    (Wstat: 256 Tests: 6 Failed: 1)"]
    lines += ["  Failed test:  4", "Files=4, Tests=23,  1 wallclock secs", "Result: FAIL"]
    shown = [n for n, _ in excerpt.block(list(enumerate(lines, start=1)), 2, _never)]
    assert shown == list(range(1, len(lines) + 1))


def test_a_passing_tap_points_yaml_bounds_stay_chatter() -> None:
    from autoheal import blocks

    assert blocks.chatter("  ---") and blocks.chatter("  duration_ms: 0.4") and blocks.chatter("# Subtest: x")
    assert blocks.case_start("# Subtest: strips accents")


def test_indented_yaml_bounds_between_two_pieces_fill_the_gap_and_a_flush_rule_does_not() -> None:
    texts = ["not ok 4 - trims", "  ---", "  duration_ms: 0.3", "  failureType: 'testCodeFailure'"]
    assert _joined(texts, [1, 4]) == [1, 2, 3, 4]
    assert _joined(["failures:", "---", "test result: FAILED. 0 passed; 1 failed"], [1, 3]) == [1, 3]


def test_passing_cases_the_passing_run_also_passed_leave_the_gap_and_a_lone_one_stays() -> None:
    # dotnet test: two failures with cases between them that the passing run printed too (the baseline).
    texts = ["  Failed A.Tests.X [3 ms]", "  Passed A.Tests.Y [1 ms]", "  Passed A.Tests.Z [2 ms]"]
    texts += ["  Passed A.Tests.W [9 ms]", "  Failed A.Tests.U [4 ms]"]
    base = Baseline.from_lines(["  Passed A.Tests.Y [4 ms]", "  Passed A.Tests.Z [1 ms]", "  Passed A.Tests.U [1 ms]"])
    source = dict(enumerate(texts, start=1))
    joined = [n for n, _ in gaps.bridge([(1, texts[0]), (5, texts[4])], source, base.known)]
    assert joined == [1, 4, 5]  # W did not run in the passing log: it stays
    alone = Baseline.from_lines(["  Passed A.Tests.Y [4 ms]"])
    assert [n for n, _ in gaps.bridge([(1, texts[0]), (5, texts[4])], source, alone.known)] == [1, 2, 3, 4, 5]


def test_a_line_naming_the_case_whose_output_follows_stays_though_the_passing_run_printed_it() -> None:
    run = [(2, "=== CONT  TestB"), (3, "--- PASS: TestC (0.00s)"), (4, "--- PASS: TestD (0.00s)")]
    base = Baseline.from_lines(["=== CONT  TestB", "--- PASS: TestC (0.01s)", "--- PASS: TestD (0.02s)"])
    assert gaps.unfamiliar(run, base.known) == run[:1]


def test_blank_lines_left_between_familiar_cases_shrink_to_one() -> None:
    # ExUnit-like output: passing cases separated by blank lines, all of them in the passing run too.
    run = [(2, "  ✓ parses"), (3, ""), (4, "  ✓ renders"), (5, ""), (6, "  ✓ totals")]
    base = Baseline.from_lines(["  ✓ parses", "  ✓ renders", "  ✓ totals"])
    assert gaps.unfamiliar(run, base.known) == [(3, "")]
