"""``autoheal rules list|show|test`` over the rules in effect (built-in plus the repository's config)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.helpers import autoheal_cli

ROOT = Path(__file__).resolve().parents[1]


def _rules(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return autoheal_cli("rules", *args, cwd=cwd)


def test_list_by_category() -> None:
    proc = _rules("list", "--category", "timeout", "--format", "json")
    found = json.loads(proc.stdout)
    assert found and {r["category"] for r in found} == {"timeout"}
    assert "gha.job-timeout" in {r["id"] for r in found}
    assert _rules("list", "--category", "nope").returncode == 2


def test_show_includes_examples() -> None:
    proc = _rules("show", "gha.job-timeout")
    assert proc.returncode == 0 and "patterns:" in proc.stdout and "examples that match:" in proc.stdout
    assert _rules("show", "no.such-rule").returncode == 2


def test_test_prints_the_lines_a_rule_hits_with_captures(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text(
        "2024-01-01T00:00:00.0000000Z Run pytest\n"
        "2024-01-01T00:00:01.0000000Z \x1b[31mE   ModuleNotFoundError: No module named 'yaml'\x1b[0m\n"
        "done\n"
    )
    proc = _rules("test", "python.module-not-found", str(log))
    assert proc.returncode == 0, proc.stderr
    assert "log.txt:2: E   ModuleNotFoundError: No module named 'yaml'  module='yaml'" in proc.stdout
    assert "1 matching line" in proc.stdout
    assert _rules("test", "gha.job-timeout", str(log)).returncode == 1


def test_rules_of_the_repository_config_are_listed(tmp_path: Path) -> None:
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "autoheal.yml").write_text(
        "rules:\n  - id: acme.db\n    category: infrastructure\n    patterns: ['ACME-DB-DOWN']\n"
    )
    (tmp_path / "log.txt").write_text("x\nACME-DB-DOWN now\n")
    assert "acme.db" in _rules("list", cwd=tmp_path).stdout
    assert "log.txt:2:" in _rules("test", "acme.db", "log.txt", cwd=tmp_path).stdout
