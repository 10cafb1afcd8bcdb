"""Colour codes inside keywords and markers, and codes cut by a chunk boundary: both engines read them alike."""

from __future__ import annotations

import json

import pytest

from autoheal import scan
from autoheal.logsource import bytes_doc
from autoheal.scan import scan_doc
from autoheal.triage import triage_docs
from tests.test_engine import RULESET, _scan_json, needs_hs

# Lines of several ecosystems, coloured the way tools colour them: codes around and inside the
# words the rules look for, before the runner markers, ESC-less remnants of copied logs, OSC titles.
COLOURED = [
    b"2024-05-06T09:04:11.1234567Z ##[group]Run pytest -q",
    b"\x1b[36;1mpytest -q\x1b[0m",
    b"\x1b[31mE   Module\x1b[1mNotFound\x1b[22mError\x1b[0m: No module named '\x1b[33myaml\x1b[0m'",
    b"\x1b[1m\x1b[31mnpm\x1b[39m \x1b[31mERR!\x1b[39m\x1b[22m code E404",
    b"src/app.c:12:5: \x1b[01;31m\x1b[Kerror: \x1b[m\x1b[Kunknown type name '\x1b[01m\x1b[Kfoo\x1b[m\x1b[K'",
    b"[31mFAILED[0m tests/test_api.py::test_list - AssertionError: assert 1 == 2",
    b"\x1b]0;build\x07--- FAIL: TestParse (0.00s)",
    b"\x1b[32m$ make test\x1b[0m",
    b'\x1b[31;1mThe command "make test" exited with 2.\x1b[0m',
    b"[\x1b[1;31mERROR\x1b[m] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.8.1:compile",
    b"\x1b[0m2024-05-06T09:04:12.1234567Z ##[error]Process completed with exit code 1.",
    b"2024-05-06T09:04:12.2234567Z \x1b[31mError\x1b[0m: Cannot find module 'left-pad'",
    b"\x1b[1;31mSegmentation\x1b[0m fault (core dumped)",
]


def _coloured_log(repeat: int = 60) -> bytes:
    out, filler = [], 0
    for i in range(repeat * len(COLOURED)):
        filler = (filler * 7 + 13) % 89
        out.append(b"\x1b[2m" + b"y" * filler + b"\x1b[0m" if i % 3 else b"y" * filler)
        out.append(COLOURED[i % len(COLOURED)])
    return b"\n".join(out) + b"\n"


def _both(monkeypatch: pytest.MonkeyPatch, data: bytes) -> dict[str, tuple[str, str]]:
    found = {}
    for name in ("re2", "hyperscan"):
        monkeypatch.setenv("AUTOHEAL_ENGINE", name)
        doc = bytes_doc("coloured.log", data)
        found[name] = (
            _scan_json(scan_doc(doc, RULESET)),
            json.dumps(triage_docs([doc], RULESET, "coloured.log").to_json(), sort_keys=True),
        )
    return found


@needs_hs
@pytest.mark.parametrize("chunk", [37, 509, 4096, 1 << 20])
def test_both_engines_agree_on_colour_codes_inside_keywords_and_across_chunks(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan, "CHUNK", chunk)
    found = _both(monkeypatch, _coloured_log())
    assert found["re2"] == found["hyperscan"]


@needs_hs
def test_a_keyword_broken_by_colour_codes_is_still_a_hit_on_both_engines(monkeypatch: pytest.MonkeyPatch) -> None:
    found = _both(monkeypatch, _coloured_log(repeat=1))
    assert found["re2"] == found["hyperscan"]
    hits = json.loads(found["re2"][0])[0]
    texts = [text for _rule, _line, text, *_ in hits]
    assert "E   ModuleNotFoundError: No module named 'yaml'" in texts
    assert "Error: Cannot find module 'left-pad'" in texts
    assert "src/app.c:12:5: error: unknown type name 'foo'" in texts
    assert any(t.startswith("[ERROR] Failed to execute goal") for t in texts)
    sections = json.loads(found["re2"][0])[3]
    # The log's head names GitHub Actions, so Travis' `$ make test` pair is output there; the step's
    # `##[error]` behind a colour reset is still read as its exit.
    assert any(s["command"] == "pytest -q" and s["status"] == "failed" and s["exit_code"] == 1 for s in sections)
