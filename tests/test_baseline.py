"""The last green run as a baseline: templates, and what triage does with known lines."""

from __future__ import annotations

from autoheal.baseline import Baseline, template
from autoheal.logsource import bytes_doc
from autoheal.triage import triage_docs
from tests.helpers import ruleset

RS = ruleset(extra=[{"id": "curl", "category": "network", "patterns": ["curl: \\(22\\)"], "priority": 70}])


def test_templates_mask_what_varies_between_runs_but_keep_zero_counts_apart() -> None:
    a = template("2024-01-01T10:00:00Z ok  github.com/x/y 0.412s pid 4411 at 0xdeadbeef in /tmp/abc123/x")
    b = template("2025-03-04T11:22:33Z ok  github.com/x/y 1.9s pid 17 at 0x1234 in /tmp/zz9/x")
    assert a == b
    assert template("Tests run: 5, Failures: 0") != template("Tests run: 5, Failures: 3")


def test_a_line_the_passing_run_printed_never_anchors_and_leaves_the_excerpt() -> None:
    passing = "setup\ncurl: (22) The requested URL returned error: 404 (cache miss 17)\nall good\n"
    failing = (
        "##[group]Run make\n##[endgroup]\nsetup\ncurl: (22) The requested URL returned error: 404 (cache miss 42)\n"
        + "".join(f"checking feature {i}\n" for i in range(10))
        + "compiling\nsrc/main.c:3:5: error: unknown type name 'foo'\n1 error generated.\n"
        "make: *** [all] Error 1\n"
    )
    base = Baseline.from_docs([bytes_doc("pass.txt", passing.encode())])
    without = triage_docs([bytes_doc("f.txt", failing.encode())], RS, "f")
    with_base = triage_docs([bytes_doc("f.txt", failing.encode())], RS, "f", baseline=base)
    assert without.rule == "curl"
    assert with_base.category == "compile.error" and with_base.key_lines[0] == 16  # named by the command: make
    assert 4 not in {e.line for e in with_base.excerpt}


def test_a_baseline_line_inside_the_failing_block_stays_as_context() -> None:
    passing = "Running suite\n  at Suite.run (runner.js:10:5)\nok\n"
    failing = (
        "Running suite\n1) parses the config\n  AssertionError: expected 2 to equal 3\n"
        "  at Suite.run (runner.js:10:5)\n  at check (test/config.js:4:9)\n"
    )
    rs = ruleset(extra=[{"id": "t", "category": "test.failure", "patterns": [r"AssertionError"], "priority": 48}])
    base = Baseline.from_docs([bytes_doc("pass.txt", passing.encode())])
    without = triage_docs([bytes_doc("f.txt", failing.encode())], rs, "f")
    with_base = triage_docs([bytes_doc("f.txt", failing.encode())], rs, "f", baseline=base)
    assert {e.line for e in without.excerpt} == {1, 2, 3, 4, 5}
    assert {e.line for e in with_base.excerpt} == {2, 3, 4, 5}  # context above leaves; the frame inside stays
