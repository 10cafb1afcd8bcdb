"""benchmarks/ruleout.py: a log is scored on the triage without the rule that named it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tests.helpers import ruleset

_SPEC = importlib.util.spec_from_file_location(
    "_autoheal_bench_ruleout", Path(__file__).resolve().parents[1] / "benchmarks" / "ruleout.py"
)
assert _SPEC is not None and _SPEC.loader is not None
ruleout = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = ruleout
_SPEC.loader.exec_module(ruleout)

LOG = "collecting ...\nE   ModuleNotFoundError: No module named 'yaml'\nFAILED tests/test_a.py::test_load - x\n"


def test_the_rule_that_named_the_log_is_taken_out_and_the_rest_decide(tmp_path: Path) -> None:
    path = tmp_path / "job.log"
    path.write_text(LOG)
    label = {"path": "job.log", "category": "dependency.missing", "failure_lines": [2, 2], "repo": "acme/x"}
    row = ruleout.rule_out_row(path, label, ruleout.Without(ruleset()))
    assert row.rule.endswith("(not python.module-not-found)")
    assert not row.rule.startswith("python.module-not-found")
    assert row.got != "dependency.missing"  # only the module rule knew; what is left reads another cause


def test_each_rule_set_without_one_rule_is_compiled_once() -> None:
    without = ruleout.Without(ruleset())
    first = without("python.module-not-found")
    assert without("python.module-not-found") is first
    assert "python.module-not-found" not in {r.id for r in first.rules}
    assert len(first.rules) == len(without.full.rules) - 1
