"""The Hyperscan databases are cached on disk; a damaged entry is compiled again, with the same results."""

from __future__ import annotations

from pathlib import Path

import pytest

from autoheal import engine
from autoheal.logsource import bytes_doc
from autoheal.rules import default_ruleset
from autoheal.scan import scan_doc
from tests.test_engine import _scan_json, _straddling_log, needs_hs


@needs_hs
def test_a_damaged_database_in_the_cache_is_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from autoheal import engine_hs

    monkeypatch.setenv("AUTOHEAL_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("AUTOHEAL_ENGINE", "hyperscan")
    data = _straddling_log()
    expected = _scan_json(scan_doc(bytes_doc("x.log", data), default_ruleset()))
    entries = sorted(tmp_path.glob("hyperscan-*.bin"))
    assert len(entries) == 2
    for entry in entries:
        blob = entry.read_bytes()
        entry.write_bytes(blob[: len(blob) // 2])
    fresh = default_ruleset()
    assert _scan_json(scan_doc(bytes_doc("x.log", data), fresh)) == expected
    assert isinstance(engine.for_ruleset(fresh), engine_hs.HyperscanEngine)


def test_merged_pairs_flag_the_lines_the_pairs_and_literals_flag() -> None:
    import re2

    from autoheal.hsdb import merged_pairs

    exact, folded = ("Killed", " FAILED"), ("error:",)
    pairs = (
        "(?:test )[^\\n]*(?: \\.\\.\\. FAILED)",  # holds the literal " FAILED": it adds no line
        "(?:line )[^\\n]*(?:oom)",
        "(?: spec, | specs, )[^\\n]*(?: failure| failures)",
        "(?:test, |tests, )[^\\n]*(?: failure| failures)",  # same second side: one pattern with the above
        "(?:npm ERR! )[^\\n]*(?:: `)",
        "(?:npm ERR! )[^\\n]*(?:lint|style)",  # same first side
        "(?:abc)[^\\n]*(?:xyz)",
        "(?:abcd)[^\\n]*(?:wxyz)",  # holds the one above's literals in order: it adds no line
        "(?:abc|abcd)[^\\n]*(?:xyz)",  # it and (?:abc)...(?:xyz) each cover the other: one stays
        "(?:(?i:password ))[^\\n]*(?:(?i:missing))",  # case-folded: kept as it is
        "(?:Make\\|)[^\\n]*(?:ERROR: x)",  # an escaped | inside a literal; ``error:`` folded covers it
    )
    merged = merged_pairs(pairs, exact, folded)
    assert len(merged) == 5
    lines = [
        "test a ... FAILED",
        "line 3 oom",
        "oom line",
        "1 spec, 2 failures",
        "3 tests, 1 failure",
        "npm ERR! code: `x`",
        "npm ERR! stylelint",
        "lint npm ERR! ",
        "abc..xyz",
        "abcd wxyz",
        "xyz abc",
        "PASSWORD is MISSING",
        "Make|ERROR: x",
        "Make|x",
        "nothing here",
    ]

    def flagged(patterns: tuple[str, ...]) -> list[bool]:
        literals = [re2.escape(x) for x in exact] + [f"(?i:{re2.escape(x)})" for x in folded]
        regex = re2.compile("|".join([*patterns, *literals]))
        return [regex.search(line) is not None for line in lines]

    assert flagged(merged) == flagged(pairs)
    assert flagged(merged).count(True) == 10
