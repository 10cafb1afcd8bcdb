"""Leave-one-rule-out: each labelled log triaged again without the rule that named it.

    python benchmarks/ruleout.py [--data ../shared/benchmarks] [--misses]

Issue 8's largest class of misses on unseen logs is a tool no rule knows. The dev sets cannot show it,
since the catalogue knows their tools; taking out, for each log, the one rule that explained it turns
every log into such a case, and scores what the engine's general mechanisms (sections, the failed
step, generic error blocks, the tool table) do when the catalogue is silent. A log whose rule was
already generic is scored as it is.

Printed the way benchmarks/accuracy.py prints (category accuracy, excerpt recall, precision, all
present) for the tune half, the held half (its aggregate only: never looked into) and our own sets.
``--misses`` lists the tune half's and our sets' misses, so this held-like figure can be read.

It compiles one rule set per rule taken out, so it runs the portable RE2 engine (the two engines give
identical results) with the disk cache off, and takes a few minutes.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path
from typing import Any

_SPEC = importlib.util.spec_from_file_location("_autoheal_ruleout_accuracy", Path(__file__).with_name("accuracy.py"))
assert _SPEC is not None and _SPEC.loader is not None
accuracy = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = accuracy  # its dataclasses look their module up
_SPEC.loader.exec_module(accuracy)

from autoheal.rules import RuleSet, compile_ruleset, default_ruleset  # noqa: E402
from autoheal.triage import triage_path  # noqa: E402

# Rules that already are what the engine does without the catalogue: nothing to take out.
GENERAL = frozenset({"generic.error-block", "none", "unknown"})


class Without:
    """Rule sets with one rule taken out, compiled once each."""

    def __init__(self, full: RuleSet) -> None:
        self.full = full
        self._cache: dict[str, RuleSet] = {}

    def __call__(self, rule_id: str) -> RuleSet:
        if rule_id not in self._cache:
            self._cache[rule_id] = compile_ruleset(r for r in self.full.rules if r.id != rule_id)
        return self._cache[rule_id]


def rule_out_row(path: Path, label: dict[str, Any], without: Without) -> Any:
    """The log's row scored on the triage without the rule the full catalogue chose."""
    d = triage_path(str(path), without.full)
    chosen = d.rule
    d = triage_path(str(path), without(chosen)) if chosen not in GENERAL else d
    recall, precision = accuracy.line_scores({e.line for e in d.excerpt}, accuracy._span(label))
    group = accuracy.repo_group(label)
    conf = label.get("label_confidence", "")
    return accuracy.Row(
        label["path"], group, label["category"], d.category, conf, recall, precision, f"{d.rule} (not {chosen})"
    )


def _rows(data: Path, name: str, without: Without) -> list[Any]:
    return [rule_out_row(data / name / label["path"], label, without) for label in accuracy._labels(data, name)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=accuracy.DEFAULT_DATA)
    parser.add_argument("--misses", action="store_true", help="list the tune half's and our sets' misses")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no benchmark data at {args.data} (pass --data)", file=sys.stderr)
        return 2
    without = Without(default_ruleset())
    dev = sorted(
        p.name for p in args.data.iterdir() if (p / "labels.jsonl").exists() and p.name not in (accuracy.PAIRS,)
    )
    pooled = [row for name in dev for row in _rows(args.data, name, without)]
    print(f"== leave-one-rule-out, {', '.join(dev)} pooled")
    accuracy._halves(pooled)
    if args.misses:
        accuracy._print_misses(pooled)
    for ours in accuracy.OURS:
        rows = _rows(accuracy.AUTHORED_DATA, ours, without)
        print(f"== leave-one-rule-out, {ours} ({len(rows)} logs): {accuracy._figures(accuracy.summarize(rows))}")
        if args.misses:
            accuracy._print_misses(rows, everyone=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("AUTOHEAL_ENGINE", "re2")
    os.environ.setdefault("AUTOHEAL_CACHE_DIR", "")  # empty: no cache entry per rule set taken apart
    sys.exit(main())
