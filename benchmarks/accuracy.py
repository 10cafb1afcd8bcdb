"""Accuracy of triage on labelled real CI logs (shared/benchmarks).

    python benchmarks/accuracy.py [--data ../shared/benchmarks] [--set gha-dev] [--misses] [--json OUT]

Prints, per set: category accuracy (all labels and high-confidence ones, and
per category), excerpt line recall and precision against the labelled
``failure_lines``, the share of logs whose labelled lines are all in the
excerpt, and throughput. For a labelled block longer than the 40-line
excerpt budget, recall and 'all present' count against 40 of its lines.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from autoheal.rules import default_ruleset
from autoheal.triage import MAX_EXCERPT, triage_path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"


@dataclass
class Row:
    path: str
    expected: str
    got: str
    confidence: str
    recall: float | None
    precision: float | None
    rule: str


def line_scores(excerpt_lines: set[int], span: list[int] | None) -> tuple[float | None, float | None]:
    if not span:
        return None, None
    labelled = set(range(span[0], span[1] + 1))
    found = len(labelled & excerpt_lines)
    recall = min(1.0, found / min(len(labelled), MAX_EXCERPT))
    precision = found / len(excerpt_lines) if excerpt_lines else 0.0
    return recall, precision


def evaluate(data: Path, name: str) -> tuple[list[Row], float, int]:
    ruleset = default_ruleset()
    rows, size, started = [], 0, time.perf_counter()
    for line in (data / name / "labels.jsonl").read_text().splitlines():
        label = json.loads(line)
        path = data / name / label["path"]
        size += path.stat().st_size
        d = triage_path(str(path), ruleset)
        recall, precision = line_scores({e.line for e in d.excerpt}, label.get("failure_lines"))
        rows.append(
            Row(
                label["path"],
                label["category"],
                d.category,
                label.get("label_confidence", ""),
                recall,
                precision,
                d.rule,
            )
        )
    return rows, time.perf_counter() - started, size


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def summarize(rows: list[Row], seconds: float, size: int) -> dict[str, Any]:
    high = [r for r in rows if r.confidence == "high"]
    scored = [r for r in rows if r.recall is not None]
    per_cat: dict[str, list[bool]] = defaultdict(list)
    for r in rows:
        per_cat[r.expected].append(r.got == r.expected)
    return {
        "logs": len(rows),
        "accuracy": _mean([r.got == r.expected for r in rows]),
        "accuracy_high": _mean([r.got == r.expected for r in high]),
        "line_recall": _mean([r.recall for r in scored if r.recall is not None]),
        "line_precision": _mean([r.precision for r in scored if r.precision is not None]),
        "all_present": _mean([r.recall == 1.0 for r in scored]),
        "per_category": {c: (_mean(v), len(v)) for c, v in sorted(per_cat.items(), key=lambda kv: -len(kv[1]))},
        "mb_per_s": size / 1e6 / seconds if seconds else 0.0,
        "seconds": seconds,
    }


def _print(name: str, s: dict[str, Any], rows: list[Row], misses: bool) -> None:
    print(f"== {name}: {s['logs']} logs, {s['seconds']:.2f}s ({s['mb_per_s']:.1f} MB/s)")
    print(f"   category accuracy   {s['accuracy']:.3f} (high-confidence labels {s['accuracy_high']:.3f})")
    print(
        f"   excerpt line recall {s['line_recall']:.3f}  precision {s['line_precision']:.3f}  "
        f"all lines present {s['all_present']:.3f}"
    )
    for cat, (acc, n) in s["per_category"].items():
        print(f"     {cat:<22} {acc:.2f}  (n={n})")
    if misses:
        for r in rows:
            if r.got != r.expected or (r.recall is not None and r.recall < 1):
                print(f"   MISS {r.path}: expected {r.expected}, got {r.got} via {r.rule}; recall {r.recall}")
    confusion = Counter((r.expected, r.got) for r in rows if r.got != r.expected)
    if confusion:
        print("   most confused: " + ", ".join(f"{e}->{g} x{n}" for (e, g), n in confusion.most_common(6)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--set", action="append", dest="sets", help="gha-dev, logchunks-dev (default: every set)")
    parser.add_argument("--misses", action="store_true", help="list every misclassified or partly excerpted log")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no benchmark data at {args.data} (pass --data)", file=sys.stderr)
        return 2
    sets = args.sets or sorted(p.name for p in args.data.iterdir() if (p / "labels.jsonl").exists())
    report = {}
    for name in sets:
        rows, seconds, size = evaluate(args.data, name)
        report[name] = summarize(rows, seconds, size)
        _print(name, report[name], rows, args.misses)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
