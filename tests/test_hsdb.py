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


@needs_hs
def test_only_an_alternation_of_literals_lets_a_marker_line_skip_re2s_confirmation() -> None:
    from autoheal import hsdb
    from autoheal.markers import MARKER_LITERALS, MARKER_STARTS

    assert hsdb._literals_only(MARKER_LITERALS)
    assert hsdb._literals_only(rb"Job failed|\[Checks API\] |The command \"")
    for regex in (MARKER_STARTS, rb"a.b", rb"\d+ failed", rb"x|^y", rb"(?:a|b)", b"a\nb"):
        assert not hsdb._literals_only(regex), regex
