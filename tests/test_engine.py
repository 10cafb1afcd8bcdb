"""Both scan engines give the same result: on every shared log and across chunk boundaries."""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
from pathlib import Path
from typing import Any

import pytest

from autoheal import engine, scan
from autoheal.errors import ConfigError
from autoheal.logsource import bytes_doc
from autoheal.rules import build_rule, compile_ruleset, default_ruleset
from autoheal.scan import DocScan, scan_doc
from autoheal.triage import triage_path

RULESET = default_ruleset()
SHARED = Path(os.environ.get("AUTOHEAL_SHARED_DIR") or Path(__file__).resolve().parents[2] / "shared")
SHARED_LOGS = sorted(p for p in SHARED.glob("benchmarks/*/logs/**/*") if p.is_file())

try:
    import hyperscan  # noqa: F401

    HAVE_HS = True
except ImportError:  # the portable engine alone: the comparisons below need both
    HAVE_HS = False
needs_hs = pytest.mark.skipif(not HAVE_HS, reason="hyperscan is not installed (pip install 'autoheal[fast]')")


def _scan_json(found: DocScan) -> str:
    """Everything a scan yields, as text: hits with their context, sections, tails."""
    hits = [(h.rule.id, h.line, h.text, h.captures, h.step, h.section, h.before, h.after) for h in found.hits]
    sections = [dataclasses.asdict(s) for s in found.sections]
    tails = {str(k): v for k, v in found.failed_tails.items()}
    return json.dumps([hits, found.lines, found.tail, sections, tails], sort_keys=True, default=str)


def _with(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("AUTOHEAL_ENGINE", name)


def test_the_engine_can_be_forced_and_a_bad_name_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _with(monkeypatch, "re2")
    assert engine.for_ruleset(RULESET).name == "re2"
    _with(monkeypatch, "grep")
    with pytest.raises(ConfigError, match="AUTOHEAL_ENGINE"):
        engine.for_ruleset(RULESET)


@pytest.mark.skipif(HAVE_HS, reason="hyperscan is installed")
def test_asking_for_hyperscan_without_it_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    _with(monkeypatch, "hyperscan")
    with pytest.raises(ConfigError, match=r"autoheal\[fast\]"):
        engine.for_ruleset(RULESET)


@needs_hs
def test_auto_picks_hyperscan_where_it_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    _with(monkeypatch, "auto")
    assert engine.for_ruleset(RULESET).name == "hyperscan"


@needs_hs
@pytest.mark.parametrize("path", SHARED_LOGS, ids=[f"{p.parent.parent.name}/{p.name}" for p in SHARED_LOGS])
def test_both_engines_triage_every_shared_log_alike(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    results: dict[str, Any] = {}
    for name in ("re2", "hyperscan"):
        _with(monkeypatch, name)
        data = path.read_bytes()
        results[name] = (
            json.dumps(triage_path(str(path), RULESET).to_json(), sort_keys=True),
            _scan_json(scan_doc(bytes_doc(path.name, data), RULESET)),
        )
    assert results["re2"] == results["hyperscan"]


def _straddling_log() -> bytes:
    """Failures, markers, colour codes and CRLFs at every offset modulo a small chunk size."""
    lines = [
        b"2024-05-06T09:04:11.1234567Z ##[group]Run pytest -q",
        b"\x1b[31mE   ModuleNotFoundError: No module named 'yaml'\x1b[0m",
        b"npm ERR! code E404\r",
        b"src/app.c:12:5: error: unknown type name 'foo'",
        b'The command "make test" exited with 2.',
        b"FAILED tests/test_api.py::test_list - AssertionError: assert 1 == 2",
        b"##[error]Process completed with exit code 1.",
        b"\xff\xfe not UTF-8, then Segmentation fault (core dumped)",
    ]
    out, filler = [], 0
    for i in range(400):
        filler = (filler * 7 + 13) % 97
        out.append(b"x" * filler)
        out.append(lines[i % len(lines)])
    return b"\n".join(out) + b"\n"


@needs_hs
@pytest.mark.parametrize("chunk", [61, 1000, 4096])
def test_both_engines_agree_when_hits_straddle_chunk_boundaries(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _straddling_log()
    whole = _scan_json(scan_doc(bytes_doc("x.log", data), RULESET))
    monkeypatch.setattr(scan, "CHUNK", chunk)
    found = {}
    for name in ("re2", "hyperscan"):
        _with(monkeypatch, name)
        found[name] = _scan_json(scan_doc(bytes_doc("x.log", data), RULESET))
    assert found["re2"] == found["hyperscan"]
    # Small chunks find the hits one big chunk finds.
    assert [h[:4] for h in json.loads(found["re2"])[0]] == [h[:4] for h in json.loads(whole)[0]]


@needs_hs
def test_both_engines_agree_on_a_line_longer_than_the_carry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan, "CHUNK", 256)
    monkeypatch.setattr(scan, "MAX_CARRY", 512)
    data = b"start\n" + (b"noise " * 300 + b"No module named 'yaml' ") * 3 + b"\nSegmentation fault\n"
    found = {}
    for name in ("re2", "hyperscan"):
        _with(monkeypatch, name)
        found[name] = _scan_json(scan_doc(bytes_doc("x.log", data), RULESET))
    assert found["re2"] == found["hyperscan"]
    assert "Segmentation" in found["re2"]


# Error blocks' openers (blockopeners.py) where Hyperscan's reading of bytes differs from RE2's: a vertical
# tab or a character of two bytes before a located error, a space (Hyperscan's wider shape flags it, RE2 does
# not), a byte-order mark, a verdict followed by blank lines, a last line without a newline.
OPENER_LINES = [
    b"x\x0b.c:1: error",
    b"\xc3\xa9.c:1:2: error: x",
    b" .c:1: error here",
    b"\xef\xbb\xbf2024-05-06T07:08:09.1234567Z [ERROR] boom",
    b"\xc3\xaf\xc2\xbb\xc2\xbf[ERROR] a byte-order mark read as Latin-1",
    b"com.acme.WidgetTest > rendersLabel FAILED \t",
    b"",
    b"  ",
    b"Caused by: widget exploded",
    b"java.lang.IllegalStateException",
]


@needs_hs
@pytest.mark.parametrize("cut", [0, 1, 3, 5])
def test_both_engines_report_the_openers_a_search_of_their_own_finds(cut: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from autoheal import hsdb, scanfar

    assert any(i == hsdb.OPENER_ID for i, _, _ in hsdb.region_exprs(RULESET)[0])  # in the one region pass
    data = b"\n".join(OPENER_LINES[cut:] + OPENER_LINES[:cut])
    expected = scanfar.openers(data, 0, len(data))
    assert len(expected) == 6  # neither the space nor the mark read as Latin-1 lead an opener
    for name in ("re2", "hyperscan"):
        _with(monkeypatch, name)
        assert engine.for_ruleset(RULESET).scan(data, 0, len(data))[2] == expected, name


@needs_hs
def test_hyperscan_flags_openers_unanchored_and_re2_confirms_each(monkeypatch: pytest.MonkeyPatch) -> None:
    from autoheal import hsdb

    ids = [regex for i, regex, _ in hsdb.region_exprs(RULESET)[0] if i == hsdb.OPENER_ID]
    assert ids and not any("^" in regex for regex in ids)  # a line's lead made the opener half the region pass
    data = b"see: error: not leading\nerror: leading\nlog says java.lang.IllegalStateException\n"
    _with(monkeypatch, "hyperscan")
    assert engine.for_ruleset(RULESET).scan(data, 0, len(data))[2] == [data.index(b"error: leading")]


# A Text Finder's ``Checking <regex>`` is a marker at a line's start only, past a runner's or Timestamper's stamp;
# inside a line (npm's, twine's words) it is output, no marker line for either engine.
TEXT_FINDER_LINES = [
    (b"Checking ERROR", True),
    (b"2024-05-06T09:00:00.1234567Z Checking FAIL", True),
    (b"\xef\xbb\xbf2024-05-06T09:00:00.1234567Z Checking FAIL", True),
    (b"[2024-05-06T09:00:00.123Z] Checking not ok", True),
    (b"09:00:00.5  Checking not ok", True),
    (b"npm WARN Checking peer dependencies", False),
    (b"  Checking dist/pkg-1.0.tar.gz: PASSED", False),
    (b"2024-05-06T09:00:00.1234567Z ==> Checking static analysis", False),
]


@needs_hs
def test_a_text_finder_marker_is_a_marker_line_at_the_line_start_only(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"\n".join(line for line, _ in TEXT_FINDER_LINES) + b"\n"
    starts = itertools.accumulate((len(line) + 1 for line, _ in TEXT_FINDER_LINES), initial=0)
    expected = {start for start, (_, leads) in zip(starts, TEXT_FINDER_LINES) if leads}
    for name in ("re2", "hyperscan"):
        _with(monkeypatch, name)
        assert engine.for_ruleset(RULESET).scan(data, 0, len(data))[1] == expected, name


# A byte-order mark before a log's first stamped line: a trace after it is a marker line for both engines; the
# mark's bytes read as Latin-1 and written again as UTF-8 (``\xc3\xaf\xc2\xbb\xc2\xbf``) are no mark.
BOM_LINES = [
    (b"\xef\xbb\xbf2024-05-06T09:00:00.1234567Z + make test", True),
    (b"\xef\xbb\xbf@@ -1,2 +1,3 @@", True),
    (b"\xc3\xaf\xc2\xbb\xc2\xbf+ make test", False),
    (b"\xc3\xaf\xc2\xbb\xc2\xbf2024-05-06T09:00:00.1234567Z Checking x", False),
    # A command line past a runner's stamp (Azure Pipelines stamps every line), as an unstamped one is.
    (b"2024-05-06T09:00:00.1234567Z $ npm test", True),
    (b"\xef\xbb\xbf2024-05-06T09:00:00.1234567Z $ npm test", True),
    (b"2024-05-06T09:00:00.1234567Z echo $ npm test", False),
]


@needs_hs
def test_a_byte_order_mark_before_a_line_start_marker_is_read_as_its_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    for line, marks in BOM_LINES:
        data = line + b"\n"
        for name in ("re2", "hyperscan"):
            _with(monkeypatch, name)
            assert engine.for_ruleset(RULESET).scan(data, 0, len(data))[1] == ({0} if marks else set()), (name, line)


def _example_lines() -> list[str]:
    import yaml

    import autoheal

    raw = yaml.safe_load((Path(autoheal.__file__).parent / "rules.yaml").read_text())["rules"]
    lines = [line for r in raw for line in r.get("examples", {}).get("match", [])]
    lines += [line for r in raw for line in r.get("examples", {}).get("no_match", [])]
    # RE2 folds the Kelvin sign into k and the long s into s; Hyperscan does not.
    lines += [line.replace("k", "\u212a").replace("s", "\u017f") for line in lines[:200]]
    return lines + ["caf\u00e9 \u00c9CHEC: \u2716 3 problems (3 errors)", "tab\x0bhere: error", ""]


@needs_hs
def test_the_hyperscan_line_pass_names_the_rules_re2_names(monkeypatch: pytest.MonkeyPatch) -> None:
    _with(monkeypatch, "hyperscan")
    fast = engine.for_ruleset(RULESET)
    for line in _example_lines():
        assert fast.hits(line) == RULESET.hits(line), line


@needs_hs
@pytest.mark.parametrize(
    ("regex", "safe"),
    [
        ("a.*b", True),
        ("a[^x]+b", True),
        ("\\S+\\.py:\\d+", True),
        ("a.b", False),  # "aéb": one character for RE2, two bytes for Hyperscan
        ("a[^x]{2}b", False),
        ("[\u2716x] problems", False),
        ("\u2716 \\d+ problems", True),
        ("(?i)\u00e9chec", False),
        ("\\s+\\S[^:]*: FAIL", True),  # \\S takes the first byte of a character, [^:]* the rest
        ("a\\S", True),  # Hyperscan's match ends at the character's first byte: the same line
        ("(?:a\\S|b)", True),
        ("a\\Sb", False),
        ("a\\S\\d*", False),
        ("a\\S{2}", False),
        ("(?:(?i)\\bxunit\\b.*\\bfailed\\b)", True),  # RE2 takes (?i) inside a group, Python's parser not
        ("a[[:space:]]+b", False),  # Python's parser misreads a POSIX class: RE2 keeps it
    ],
)
def test_only_patterns_hyperscan_reads_as_re2_does_go_to_it(regex: str, safe: bool) -> None:
    from autoheal.hsregex import hyperscan_safe

    assert hyperscan_safe(regex) is safe


@pytest.mark.parametrize(
    ("regex", "relaxed"),
    [
        ("\\bfoo\\b", "foo"),
        ("(?:(?i)\\bxunit\\b.*\\Bfailed)", "(?:(?i)xunit.*failed)"),
        ("a\\\\b", "a\\\\b"),  # an escaped backslash, then the letter b
        ("[\\b]x\\b", "[\\b]x"),  # inside a class \\b is no assertion
        ("[]\\b]y\\b", "[]\\b]y"),  # a ``]`` first in a class is a member
        ("[^]\\b]z", "[^]\\b]z"),
        ("[[:alpha:]\\b]+\\b", "[[:alpha:]\\b]+"),
    ],
)
def test_the_region_pass_drops_word_boundaries_only_where_they_are_assertions(regex: str, relaxed: str) -> None:
    from autoheal.hsregex import without_word_boundaries

    assert without_word_boundaries(regex) == relaxed


@needs_hs
def test_a_region_regex_without_its_word_boundaries_still_flags_the_line_re2_flags(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from autoheal import engine_hs, hsdb

    monkeypatch.setenv("AUTOHEAL_ENGINE", "hyperscan")
    rule = build_rule(
        {"id": "t.boundary", "category": "test.failure", "patterns": ["(?i)\\bxunit\\b.*\\bfailed\\b"]}, "t"
    )
    ruleset = compile_ruleset([rule])
    exprs, _ = hsdb.region_exprs(ruleset)
    assert all("\\b" not in regex for index, regex, _ in exprs if index)
    buf = b"noise\nxunitx failed\nrun: xUnit tests failed\nmore\n"
    hs = engine.for_ruleset(ruleset)
    assert isinstance(hs, engine_hs.HyperscanEngine)
    tests, _, _ = hs.scan(buf, 0, len(buf))
    line = buf.index(b"run:")
    assert line in tests
    assert [r.id for r, _ in hs.hits("run: xUnit tests failed")] == ["t.boundary"]
    assert hs.hits("xunitx failed") == []


@needs_hs
def test_the_hyperscan_line_pass_keeps_excludes_and_the_first_matching_patterns_captures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from autoheal.rules import build_rule, compile_ruleset

    _with(monkeypatch, "hyperscan")
    raw = [
        {
            "id": "py-missing",
            "category": "dependency.missing",
            "patterns": [r"No module named '(?P<module>[\w.]+)'", r"ModuleNotFoundError: (?P<what>.+)"],
            "exclude": [r"No module named 'optional_\w+'", r"(?i)ignore\S"],  # the second: RE2 only
        },
        {"id": "npm-404", "category": "network", "patterns": [r"npm ERR! 404 (?P<pkg>\S+)?"]},
    ]
    rules = compile_ruleset(build_rule(r, "test.yaml") for r in raw)
    fast = engine.for_ruleset(rules)
    lines = [
        "E   ModuleNotFoundError: No module named 'yaml'",
        "E   ModuleNotFoundError: No module named 'optional_extra'",
        "ModuleNotFoundError: something else",
        "No module named 'yaml' (IGNOREd)",
        "npm ERR! 404 ",
        "npm ERR! 404 left-pad",
        "nothing here",
        "No module named 'caf\u00e9'",
    ]
    for line in lines:
        assert fast.hits(line) == rules.hits(line), line
    assert [r.id for r, _ in fast.hits(lines[0])] == ["py-missing"]
    assert fast.hits(lines[0])[0][1] == {"module": "yaml"}
    assert fast.hits(lines[1]) == [] and fast.hits(lines[3]) == []
    assert fast.hits(lines[4])[0][1] == {} and fast.hits(lines[5])[0][1] == {"pkg": "left-pad"}


@needs_hs
@pytest.mark.parametrize(
    ("regex", "literal"),
    [
        ("unable to resolve host ['\u2018](?P<host>[^'\u2019]+)", "unable to resolve host "),
        ("(?i)could not load ['\u2018]x", "could not load "),
        ("a['\u2018]b", None),  # too short to be worth a literal
        ("[[:digit:]]abc['\u2018]", None),  # Python's parser misreads POSIX classes
        ("(?i)\u00e9chec ['\u2018]", None),  # RE2 folds \u00e9, Hyperscan would not
        ("(?:foo|bar)['\u2018]", None),
    ],
)
def test_a_pattern_hyperscan_cannot_read_gives_it_a_literal_every_match_holds(regex: str, literal: str | None) -> None:
    from autoheal.hsregex import required_literal

    found = required_literal(regex)
    assert (bytes.fromhex(found[0].replace("\\x", "")).decode() if found else None) == literal


@needs_hs
def test_patterns_that_need_a_non_ascii_character_are_tested_only_on_such_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from autoheal.rules import build_rule, compile_ruleset

    _with(monkeypatch, "hyperscan")
    raw = [
        {"id": "jest-fail", "category": "test.failure", "patterns": ["^\\s*(\u00d7|\u2715) .+ \\d+ ?ms$"]},
        {
            "id": "r-pkg",
            "category": "dependency.missing",
            "patterns": ["no package called ['\u2018](?P<p>[^'\u2019]+)['\u2019]"],
        },
    ]
    rules = compile_ruleset(build_rule(r, "test.yaml") for r in raw)
    fast = engine.for_ruleset(rules)
    assert fast.wide is not None and fast.residual is None
    for line in [
        "  \u2715 renders (12 ms)",
        "  x renders 12 ms",
        "  \u00d7 adds 3ms",
        "there is no package called 'zoo'",
        "there is no package called \u2018zoo\u2019",
        "no package called",
        "  \u2715 renders",
    ]:
        assert fast.hits(line) == rules.hits(line), line
    assert [r.id for r, _ in fast.hits("  \u2715 renders 12 ms")] == ["jest-fail"]
    assert fast.hits("there is no package called \u2018zoo\u2019")[0][1] == {"p": "zoo"}


class _CountingBytes(bytes):
    """Bytes that count the searches ``_lines_of`` makes (a complexity check, not a timing)."""

    searches = 0

    def rfind(self, *args: Any) -> int:  # type: ignore[override]
        type(self).searches += 1
        return super().rfind(*args)


def test_match_ends_are_turned_into_lines_with_one_search_back_per_line() -> None:
    from autoheal.engine_hs import _lines_of

    buf = _CountingBytes(b'The command "' * 5000 + b"\nok\n" + b"x" * 10 + b"\n")
    ends = list(range(13, 65000, 13)) + [65003, 65005, 65010]  # a match every 13 bytes of line 1
    assert _lines_of(buf, 0, ends) == [0, 65001, 65004]
    assert _CountingBytes.searches == 3
    # the same answer as looking each end up on its own, from any base
    naive = sorted({buf.rfind(b"\n", 0, max(e - 1, 0)) + 1 for e in ends})
    assert _lines_of(bytes(buf), 0, ends) == naive


@needs_hs
def test_a_configured_pattern_splitting_a_character_gives_the_same_captures_on_both_engines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from autoheal.rules import build_rule, compile_ruleset

    rule = {"id": "split", "category": "unknown", "patterns": ["x(?P<b>\\C)"]}
    ruleset = compile_ruleset([build_rule(rule, "t")])
    got = {}
    for name in ("re2", "hyperscan"):
        _with(monkeypatch, name)
        got[name] = engine.for_ruleset(ruleset).hits("xé")
    assert got["re2"] == got["hyperscan"] and got["re2"]


def _hostile_log(shrink: int) -> bytes:
    """Lines that made Python ``re`` or a windowed re-read quadratic; each dimension ``shrink`` times smaller."""
    lines = [f"$ {i} " + "travis_fold:" * (1300 // shrink) for i in range(64)]  # Python re: quadratic per line
    lines += ['The command "' * (80000 // shrink), "##[error]Process completed with exit code 1."]  # a match / 13 B
    lines += ["x"] * 300 + ["##[error]Process completed with exit code 1."] * (25000 // shrink)  # each re-reads 200
    return ("\n".join(lines) + "\n").encode()


def _scan_time(data: bytes) -> float:
    """The least CPU time of three scans of ``data``: one run's time varies by ~1.5x on a loaded machine."""
    import gc
    import time

    times = []
    for _ in range(3):
        gc.collect()
        started = time.process_time()
        scan_doc(bytes_doc("hostile.log", data), RULESET)
        times.append(time.process_time() - started)
    return min(times)


@pytest.mark.parametrize("name", ["re2", "hyperscan"])
def test_hostile_long_lines_are_triaged_in_linear_time(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if name == "hyperscan" and not HAVE_HS:
        pytest.skip("hyperscan is not installed")
    _with(monkeypatch, name)
    scan_doc(bytes_doc("warm.log", b"x\n"), RULESET)  # the engine's compile is not the scan's time
    # A ratio, not a budget (5 s flaked at 5.5 on a loaded machine): linear code takes ~4x the time of the
    # input 4x smaller (~0.75 s vs ~0.2 s), a quadratic line ~11-16x.
    assert _scan_time(_hostile_log(1)) < 8 * _scan_time(_hostile_log(4))


def test_a_small_log_triages_alike_with_and_without_the_prefilter(monkeypatch: pytest.MonkeyPatch) -> None:
    """The portable engine skips the prefilter on small regions (engine_re2.SMALL_REGION): it only tells which
    lines no rule hits, so testing every line finds the same hits, sections and tails."""
    from autoheal import engine_re2

    data = _straddling_log()
    _with(monkeypatch, "re2")
    found = {}
    for small in (0, len(data)):  # the prefilter's passes; every line tested
        monkeypatch.setattr(engine_re2, "SMALL_REGION", small)
        ruleset = compile_ruleset(RULESET.rules)  # its own engine, built with this SMALL_REGION
        found[small] = _scan_json(scan_doc(bytes_doc("x.log", data), ruleset))
        assert (engine.for_ruleset(ruleset).passes is None) == bool(small)  # type: ignore[attr-defined]
    assert found[0] == found[len(data)]
