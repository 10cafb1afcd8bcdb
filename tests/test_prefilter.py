"""The literal prefilter must never hide a line a rule matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import re2
import yaml

import autoheal
from autoheal import scan
from autoheal.logsource import bytes_doc
from autoheal.prefilter import prefilter_part, prefilter_parts, prefilter_sources
from autoheal.prefiltercache import _relax
from autoheal.prefilterneeds import required_literals
from autoheal.prefilterpairs import merged_pairs
from autoheal.prefilterre2 import raw_searcher
from autoheal.rules import default_ruleset
from autoheal.scan import scan_doc

RULESET = default_ruleset()
CATALOGUE = yaml.safe_load((Path(autoheal.__file__).parent / "rules.yaml").read_text())["rules"]
EXAMPLES = [(r["id"], line) for r in CATALOGUE for line in r.get("examples", {}).get("match", [])]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("ModuleNotFoundError: No module named '(?P<m>\\w+)'", {"ModuleNotFoundError: No module named '"}),
        ("(?i)connection (refused|reset)", {"connection refused", "connection reset"}),
        ("^\\S+\\.pyi?:\\d+", {".py:", ".pyi:"}),
        ("^_{3,} (?P<t>\\w+) _{3,}$", {" ___"}),
        ("(?:a|\\d+)xyz", {"xyz"}),
        ("\\d+", None),
    ],
)
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    need = required_literals(pattern)
    assert (set(need[0]) if need else None) == expected


@pytest.mark.parametrize(("rule_id", "line"), EXAMPLES, ids=[f"{r}-{i}" for i, (r, _) in enumerate(EXAMPLES)])
def test_every_catalogue_example_survives_the_prefilter(rule_id: str, line: str) -> None:
    wrapped = f"2024-05-06T09:04:11.1234567Z \x1b[31m{line}\x1b[0m\r\n".encode()
    hits = scan_doc(bytes_doc("x", b"noise\n" + wrapped + b"more noise\n"), RULESET).hits
    assert rule_id in {h.rule.id for h in hits}


def test_a_strong_literal_stands_alone() -> None:
    assert (
        prefilter_part("ModuleNotFoundError: No module named '(?P<m>\\w+)'") == "ModuleNotFoundError: No module named '"
    )


def test_a_middling_literal_is_paired_with_the_next_in_match_order() -> None:
    part = prefilter_part("Node\\.js v?(?P<v>[\\d.]+) (is not supported|detected)")
    assert part is not None
    regex = re2.compile(part)
    assert regex.search("Node.js v12.1 is not supported by this package")
    # Either literal alone, or both in the wrong order, is not enough.
    assert not regex.search("npm WARN deprecated inflight@1.0.6: This module is not supported")
    assert not regex.search("is not supported on Node.js 12")


def test_a_label_before_a_count_is_paired_with_what_the_line_says_beyond_the_counts() -> None:
    # ``, Failures: `` is on every test summary line, passing or not: alone it flagged thousands.
    part = prefilter_part("Tests run: \\d+, Failures: \\d+, Errors: \\d+, Skipped: \\d+.*<<< (FAILURE|ERROR)!")
    assert part is not None
    regex = re2.compile(part)
    assert regex.search("[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 1 s <<< FAILURE!")
    assert not regex.search("[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 1 s - in a.BTest")
    # A label with nothing else to pair with stands alone.
    assert prefilter_part("Process completed with exit code (?P<code>\\d+)") == "Process completed with exit code "


def test_a_count_that_must_not_be_zero_joins_its_label() -> None:
    part = prefilter_part("^Tests run: \\d+, Errors: \\d+, Failures: [1-9]")
    assert part is not None
    regex = re2.compile(part)
    assert regex.search("Tests run: 9, Errors: 0, Failures: 2")
    assert not regex.search("Tests run: 9, Errors: 0, Failures: 0")
    assert not regex.search("[INFO] Tests run: 9, Failures: 0, Errors: 0, Skipped: 0")


def test_a_lone_middling_literal_gives_way_to_the_patterns_core() -> None:
    """``install `` alone flagged every ``/usr/bin/install`` line of a build; the words around it do not."""
    parts = prefilter_parts([r"(?:^\s*Please |[.!]\s+)[Ii]nstall (?P<pkg>[a-z][\w.+-]{2,})"], _relax)
    assert not parts.exact and parts.cores and parts.keys == (("Install ", "install "),)
    regex = re2.compile(parts.sources()[0])
    assert regex.search("Hint: Please install libfoo-dev") and regex.search("is missing.  Install zlib first")
    assert not regex.search("/usr/bin/install -c -m 644 ./Lib/a.py /usr/lib/python3")
    # A tool's own literal stays one: its core would cost the literals' pass more than it saves.
    assert prefilter_parts([r"error XY\d{4}: (?P<m>.+)"], _relax).exact == ("error XY",)


def test_patterns_without_a_usable_literal_are_left_to_the_weak_pass() -> None:
    assert prefilter_part("^\\d+ hints?$") is None
    assert prefilter_part("(?P<x") is None  # unparseable here: the pattern itself is used


@pytest.mark.parametrize("text", [b"", b"no match here\n", b"a\nNode.js v9 is not supported\nb\n", b"x" * 5000])
def test_the_fast_search_agrees_with_the_public_api(text: bytes) -> None:
    for prefilter in RULESET.prefilter.prefilters:
        fast = raw_searcher(prefilter)
        match = prefilter.search(text, 0, len(text))
        assert fast(text, 0, len(text)) == (match.start() if match else -1)


LINES_TEXT = (
    b"2024-05-06T09:04:11.1234567Z noise\n"
    b"+ make test\n"
    b"src/App.java:12: error: cannot find symbol\n"
    b"ok\n"
    b"npm ERR! code E404\n"
    b"  3:7  \xe2\x9c\x96  Missing semicolon  semi\n"
    b"\xff\xfe not UTF-8, then Segmentation fault (core dumped)\n"
    b"##[error]Process completed with exit code 1.\n"
    b"tail"
)


@pytest.mark.parametrize("private_api", [True, False])
def test_each_searcher_flags_the_lines_an_unanchored_search_flags(
    private_api: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first pass reads its match's end (no reverse DFA); the line it names is the match's."""
    from autoheal import prefilterre2, re2api
    from autoheal.rules import compile_ruleset

    if not private_api:
        monkeypatch.setattr(re2api, "ANCHOR_START", None)
        monkeypatch.setattr(re2api, "UNANCHORED", None)
    passes = compile_ruleset(RULESET.rules).prefilter
    assert passes.sources[0].startswith(prefilterre2.SKIP)  # the catalogue's first pass is line-confined
    flagged = []
    for regex, search in zip(passes.prefilters, passes.searchers):
        unanchored = prefilterre2.compile_prefilter(
            regex.pattern.removeprefix(prefilterre2.SKIP.encode()).decode(), 64 << 20
        )
        pos, lines, expected = 0, [], []
        while (at := search(LINES_TEXT, pos, len(LINES_TEXT))) >= 0:
            lines.append(LINES_TEXT.count(b"\n", 0, at))
            pos = LINES_TEXT.find(b"\n", at) + 1 or len(LINES_TEXT)
        pos = 0
        while m := unanchored.search(LINES_TEXT, pos):
            expected.append(LINES_TEXT.count(b"\n", 0, m.start()))
            pos = LINES_TEXT.find(b"\n", m.start()) + 1 or len(LINES_TEXT)
        assert lines == expected
        flagged += lines
    assert len(flagged) >= 4


def test_without_the_private_api_the_public_search_is_used() -> None:
    search = raw_searcher(re.compile(b"needle"))  # no ``_regexp``: as if google-re2 renamed it
    assert search(b"hay\nneedle\n", 0, 11) == 4
    assert search(b"hay\nneedle\n", 5, 11) == -1


def test_a_literal_that_contains_another_is_left_out() -> None:
    # Any line holding "npm ERR! code E404" holds "code E404": one alternative does.
    [literals] = prefilter_sources(["code E404", "npm ERR! code E404", "(?i)fatal error"], lambda p: p)
    assert literals.split("|") == ["code E404", "(?i:fatal error)"]


def test_case_folded_literals_cover_exact_ones_but_not_the_reverse() -> None:
    patterns = ["(?i)timed out", "Job timed out after", "Segmentation fault", "(?i)segmentation fault: core"]
    [literals] = prefilter_sources(patterns, lambda p: p)
    # "Job timed out after" holds "timed out"; "SEGMENTATION FAULT: CORE" need not hold "Segmentation fault".
    assert literals.split("|") == ["Segmentation fault", "(?i:segmentation fault: core", "timed out)"]


BENCHMARKS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
REAL_LOGS = sorted(Path(autoheal.__file__).parents[1].joinpath("examples", "logs").iterdir())
REAL_LOGS += sorted(BENCHMARKS.glob("*/logs/**/*.log"))[::12] if BENCHMARKS.exists() else []


@pytest.mark.parametrize("path", REAL_LOGS, ids=[p.name for p in REAL_LOGS])
def test_the_scan_finds_every_hit_a_line_by_line_check_finds(path: Path) -> None:
    """On real logs, the prefilters hide no line that some rule matches."""
    from autoheal.normalize import decode, normalize, strip_ansi_bytes

    data = path.read_bytes()
    expected = set()
    for number, raw in enumerate(strip_ansi_bytes(data).split(b"\n"), start=1):
        expected |= {(number, rule.id) for rule, _ in RULESET.hits(normalize(decode(raw)))}
    found = {(h.line, h.rule.id) for h in scan_doc(bytes_doc(path.name, data), RULESET).hits}
    assert found <= expected
    # The scan keeps the first few and last few hits of each rule: the first ones must be there.
    for rule_id in {rule for _, rule in expected}:
        first = sorted(n for n, r in expected if r == rule_id)[: scan.KEEP_FIRST]
        assert {(n, rule_id) for n in first} <= found


@pytest.mark.parametrize("pattern", ["foo[[:space:]]+bar", "(?i)foo[[:^alpha:]]bar", "foo[[:space:]]"])
def test_a_posix_class_is_read_as_re2_reads_it(pattern: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Python's parser reads [[:space:]] as a class of letters: such a pattern is not taken apart."""
    from autoheal.rules import build_rule, compile_ruleset

    monkeypatch.setenv("AUTOHEAL_ENGINE", "re2")
    monkeypatch.setenv("AUTOHEAL_CACHE_DIR", "")
    rule = build_rule({"id": "posix", "category": "network", "patterns": [pattern]}, "user.yml")
    hits = scan_doc(bytes_doc("x", b"noise\nxx foo \t bar\nFOO-BAR\nmore\n"), compile_ruleset([rule])).hits
    assert [h.line for h in hits] == [
        n for n, t in enumerate(["noise", "xx foo \t bar", "FOO-BAR"], 1) if re2.search(pattern, t)
    ]
    assert hits


def test_merged_pairs_flag_the_lines_the_pairs_and_literals_flag() -> None:
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
