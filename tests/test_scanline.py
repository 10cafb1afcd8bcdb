"""Repeated lines are looked up, not derived again: the scan is the same as without the memo."""

from __future__ import annotations

import dataclasses
import json

import pytest

from autoheal import redact as redact_mod
from autoheal import scanline
from autoheal.logsource import bytes_doc
from autoheal.scan import DocScan, scan_doc
from tests.helpers import ruleset

RS = ruleset()
STAMPS = [
    "2024-05-06T09:00:00.1234567Z ",
    "2024-05-06T09:00:01Z ",
    "2024-05-06T09:00:02.5Z",
    "\ufeff2024-05-06T09:00:03.1Z ",
]
RESTS = [
    "##[group]Run npm test",
    "##[endgroup]",
    "npm ERR! code E404",
    "E   ModuleNotFoundError: No module named 'yaml'",
    "2024-05-06T09:00:00Z [31mError: boom",  # a second stamp: normalize strips it only after the colour code
    "2024-05-06T09:00:00Z 2024-05-06T09:00:00Z [x] ModuleNotFoundError: No module named 'z'",
    "progress 10%\rModuleNotFoundError: No module named 'cr'",
    " ModuleNotFoundError: No module named 'lead'",
    "sk-" + "a" * 40 + " ModuleNotFoundError: No module named 'key'",
    "+ make lint",
    "make: *** [Makefile:3: lint] Error 2",
    "##[error]Process completed with exit code 2.",
    'The command "make lint" exited with 2.',
]


def _digest(found: DocScan) -> str:
    hits = [(h.rule.id, h.line, h.text, h.captures, h.step, h.section, h.before, h.after) for h in found.hits]
    return json.dumps(
        [hits, found.lines, [dataclasses.asdict(s) for s in found.sections], dict(found.failed_tails)], default=str
    )


def _log() -> bytes:
    lines = [stamp + rest for _ in range(3) for rest in RESTS for stamp in ["", *STAMPS]]
    return ("\n".join(lines) + "\n").encode()


def test_a_scan_with_repeated_lines_is_the_scan_without_the_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _log()
    remembered = _digest(scan_doc(bytes_doc("x.log", data), RS))
    monkeypatch.setattr(scanline, "MAX_BYTES", -1)  # nothing is kept
    assert _digest(scan_doc(bytes_doc("x.log", data), RS)) == remembered


def test_lines_that_differ_only_in_their_timestamp_share_one_entry() -> None:
    lines = scanline.Lines()
    buf = b"2024-05-06T09:00:00.1Z npm ERR! x\n2024-05-06T10:11:12.987Z npm ERR! x\nnpm ERR! x\n"
    starts = [0, buf.index(b"\n") + 1, buf.rindex(b"npm")]
    first, second, third = (lines.get(buf, ls, buf.index(b"\n", ls)) for ls in starts)
    assert second is first
    assert third is not first  # no stamp: another key
    assert first.text == third.text == "npm ERR! x"


def test_configured_redaction_patterns_turn_the_memo_off() -> None:
    try:
        redact_mod.configure([("config-0", r"\d{4}-\d\d")])
        assert not scanline.Lines().on
    finally:
        redact_mod.configure()
    assert scanline.Lines().on
