"""What a block holds beyond where ends.py ends it (extents.py): a failing TAP point's YAML document, the
run's tally just below.

Synthetic logs written for these tests, of several ecosystems.
"""

from __future__ import annotations

from autoheal import excerpt


def _never(_text: str) -> bool:
    return False


_TAP = ["TAP version 13", "# Subtest: lowercases", "ok 1 - lowercases", "  ---", "  duration_ms: 0.4", "  ..."]
_TAP += ["# Subtest: strips accents", "not ok 2 - strips accents", "  ---", "  duration_ms: 1.0"]
_TAP += ["  failureType: 'testCodeFailure'", "  error: |-", "    Expected values to be strictly equal:"]
_TAP += ["    'creme' !== 'crème'", "  code: 'ERR_ASSERTION'", "  ...", "1..2", "# fail 1"]


def test_a_failing_tap_points_yaml_diagnostics_are_its_block_whole() -> None:
    # node's test runner: the point's name above it, its YAML document (bounds and timing too) below it.
    shown = [n for n, _ in excerpt.block(list(enumerate(_TAP, start=1)), 8, _never, lead=False)]
    assert shown[0] == 7 and list(range(8, 17)) == [n for n in shown if 8 <= n <= 16]


def test_the_runs_tally_a_line_or_two_below_a_block_closes_it() -> None:
    # spago (PureScript): the failing case's message, ``Summary``, then the count; an unrelated error after
    # a verdict is not pulled in (mypy's total closes its block before curl's error).
    spago = ["Running tests...", "Parse", "  ✓︎ parses integers", "  ✗ parses exponents:", "", "  1.0 ≠ 1000.0", ""]
    spago += ["Summary", "1/2 tests failed.", "[error] Tests failed: exit code: 1"]
    shown = [n for n, _ in excerpt.block(list(enumerate(spago, start=1)), 4, _never)]
    assert 6 in shown and 9 in shown and 10 not in shown
    mypy = ["src/a.py:3: error: Incompatible types", "Found 1 error in 1 file (checked 5 source files)"]
    mypy += ["curl: (22) The requested URL returned error: 404"]
    assert [n for n, _ in excerpt.block(list(enumerate(mypy, start=1)), 1, _never)] == [1, 2]
