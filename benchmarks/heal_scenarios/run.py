"""Heal scenarios: small repositories, failure logs, and the change a careful maintainer would make.

    python benchmarks/heal_scenarios/run.py [--misses] [--only SUBSTRING]

Each ``*.yml`` below this folder is one scenario, tried as a new user tries heal
(``autoheal heal --dry-run --log LOG --workspace DIR``): the log is triaged with
the shipped rules, then the fix is previewed on a copy of the repository.

    class: which class of failure (issue 12's list) it exercises
    log: |            the job log, as GitHub's runner prints it
    files:            the repository, path -> text
    expected:         path -> new text, for every file the fix must change (exactly these)
    decline: text     instead of ``expected``: heal must decline, with this in its reason
    versions:         optional, package -> current release, as an injected registry resolver
                      answers (without it the resolver is offline)

A scenario passes when the proposed change, applied, gives exactly ``expected``
(no other file touched), or when heal declines with ``decline`` in the reason.
Prints the share that pass, per class and overall.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from autoheal import heal, healevidence
from autoheal.fixers import FixContext
from autoheal.proposals import FixProposal
from autoheal.rules import default_ruleset
from autoheal.triage import triage_path

HERE = Path(__file__).resolve().parent


def load(path: Path) -> dict[str, Any]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and ("expected" in data) != ("decline" in data), path
    return data


def write_tree(root: Path, files: Mapping[str, str]) -> None:
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(str(text).encode("utf-8"))


def outcome(scenario: Mapping[str, Any], tmp: Path) -> FixProposal | str:
    """The proposal heal's offline preview makes for the scenario, or why it declined."""
    workspace = tmp / "repo"
    workspace.mkdir()
    write_tree(workspace, scenario.get("files") or {})
    log = tmp / "job.log"
    log.write_bytes(str(scenario["log"]).encode("utf-8"))
    diagnosis = triage_path(str(log), default_ruleset())
    diagnosis = healevidence.with_log_job(diagnosis, log.read_text(encoding="utf-8"))
    opts = heal.HealOptions(dry_run=True)
    ctx = FixContext(diagnosis, workspace, None, None, opts.fixer_options)
    return heal.checked_proposal(ctx, opts, _TableResolver(scenario.get("versions") or {}))


class _TableResolver:
    """A registry resolver answering from the scenario's ``versions`` table (None: unknown)."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self.table = dict(table)
        self.online = bool(table)

    def latest(self, ecosystem: str, name: str) -> str | None:
        return self.table.get(name)


def check(path: Path) -> tuple[bool, str]:
    scenario = load(path)
    with tempfile.TemporaryDirectory(prefix="heal-scenario-") as tmp:
        result = outcome(scenario, Path(tmp))
    if "decline" in scenario:
        if isinstance(result, str):
            ok = str(scenario["decline"]) in result
            return ok, "" if ok else f"declined, but: {result}"
        return False, f"proposed {[c.path for c in result.changes]}: {result.title}"
    if isinstance(result, str):
        return False, f"declined: {result}"
    expected = {k: str(v) for k, v in scenario["expected"].items()}
    got = {c.path: c.new for c in result.changes}
    if got == expected:
        return True, ""
    return False, "\n".join(_differences(expected, got))


def _differences(expected: Mapping[str, str], got: Mapping[str, str]) -> list[str]:
    import difflib

    lines = []
    for path in sorted(set(expected) | set(got)):
        if expected.get(path) != got.get(path):
            diff = difflib.unified_diff(
                (expected.get(path) or "").splitlines(),
                (got.get(path) or "").splitlines(),
                "expected",
                "got",
                lineterm="",
            )
            lines.append(f"  {path}:\n    " + "\n    ".join(diff))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="print why each failing scenario failed")
    parser.add_argument("--only", default="", help="run the scenarios whose path contains this")
    parser.add_argument("--min", type=float, default=0.0, help="exit 1 when the pass share is below this")
    args = parser.parse_args(argv)
    paths = sorted(p for p in HERE.rglob("*.yml") if args.only in str(p.relative_to(HERE)))
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in paths:
        cls = str(load(path).get("class", path.parent.name))
        ok, why = check(path)
        total[cls] += 1
        passed[cls] += ok
        if not ok and args.misses:
            print(f"MISS {path.relative_to(HERE)}\n  {why}")
    for cls in sorted(total):
        print(f"{cls:28} {passed[cls]:3}/{total[cls]:<3}")
    share = sum(passed.values()) / max(sum(total.values()), 1)
    print(f"{'all':28} {sum(passed.values()):3}/{sum(total.values()):<3} {share:.0%}")
    return 1 if share < args.min else 0


if __name__ == "__main__":
    sys.exit(main())
