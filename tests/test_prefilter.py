"""The literal prefilter must never hide a line a rule matches."""
from __future__ import annotations

import pytest
import yaml

import autoheal
from pathlib import Path

from autoheal.logsource import bytes_doc
from autoheal.prefilter import required_literals
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
