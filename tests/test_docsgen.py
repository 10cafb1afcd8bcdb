"""The generated documents are fresh, follow the code, and survive hostile text."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from autoheal import docsgen, ruleload
from autoheal.fixers import FIXERS

ROOT = Path(__file__).resolve().parents[1]


def test_every_generated_file_is_fresh() -> None:
    assert docsgen.stale(ROOT, write=False) == [], "run: autoheal docs --write"


def test_one_command_lists_every_generated_file() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "autoheal", "docs", "--list"], capture_output=True, text=True, check=True
    )
    assert set(proc.stdout.split()) == {
        "docs/rules.md",
        "docs/fixers.md",
        "autoheal/data/autoheal.schema.json",
        "README.md",
        "action.yml",
        "docker/action.yml",
    }


def test_a_new_rule_makes_the_docs_stale_and_write_fixes_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalogue = yaml.safe_load(ruleload.BUILTIN_RULES.read_text())
    catalogue["rules"].append(
        {
            "id": "zz.brand-new",
            "category": "network",
            "doc": "A rule added after the docs were written.",
            "patterns": ["BRAND ``` NEW"],
            "examples": {"match": ["BRAND ``` NEW"], "miss": ["old"]},
        }
    )
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(catalogue))
    monkeypatch.setattr(ruleload, "BUILTIN_RULES", path)
    root = tmp_path / "src"
    for name in ("docs", "tests/fixers/golden", "autoheal/data"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("README.md", "action.yml", "docker/action.yml"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, root / name)
    assert "docs/rules.md" in docsgen.stale(root, write=True)
    text = (root / "docs/rules.md").read_text()
    assert "### zz.brand-new" in text and f"{len(catalogue['rules'])} built-in rules" in text
    assert "````re2\nBRAND ``` NEW\n````" in text  # a backtick run in a pattern cannot close its fence
    assert "docs/rules.md" not in docsgen.stale(root, write=False)


def test_fixers_doc_has_every_fixer_with_a_golden_before_and_after() -> None:
    text = (ROOT / "docs" / "fixers.md").read_text()
    for fixer_id, module in FIXERS.items():
        section = text.split(f"\n## {fixer_id}\n", 1)[1].split("\n## ", 1)[0]
        assert module.DOC.strip().splitlines()[0] in section
        folder = ROOT / "tests/fixers/golden" / module.__name__.rsplit(".", 1)[-1]
        if any((c / "expected").is_dir() for c in folder.glob("*")):
            assert "```diff\n--- a/" in section or "```diff\n--- /dev/null" in section, fixer_id
        if any((c / "reason.txt").is_file() for c in folder.glob("*")):
            assert "Declines, for example:" in section, fixer_id


def test_check_fails_on_a_stale_file(tmp_path: Path) -> None:
    root = tmp_path / "src"
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "tests/fixers/golden", root / "tests/fixers/golden")
    for name in ("README.md", "action.yml", "docker/action.yml", "autoheal/data/autoheal.schema.json"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, root / name)
    (root / "docs/fixers.md").write_text("old\n")
    proc = subprocess.run(
        [sys.executable, "-m", "autoheal", "docs", "--check", "--root", str(root)], capture_output=True, text=True
    )
    assert proc.returncode == 1 and "docs/fixers.md" in proc.stdout
    # A settings block that lost its END line is the user's error to fix, named, not a traceback.
    action = root / "action.yml"
    action.write_text(
        "".join(ln for ln in action.read_text().splitlines(True) if "END autoheal.settings: env" not in ln)
    )
    proc = subprocess.run(
        [sys.executable, "-m", "autoheal", "docs", "--write", "--root", str(root)], capture_output=True, text=True
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "action.yml:" in proc.stderr and "'env' has no 'END autoheal.settings: env' line" in proc.stderr


def test_python_m_autoheal_settings_checks_and_rewrites_its_blocks(tmp_path: Path) -> None:
    """The table's own command (autoheal/settings.py run as a script, its generators in settingdocs)."""
    for name in ("README.md", "action.yml", "docker/action.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    readme = tmp_path / "README.md"
    readme.write_text(readme.read_text().replace("| `reopen-days` |", "| `reopen-dayz` |"))
    command = [sys.executable, "-m", "autoheal.settings"]
    check = subprocess.run([*command, "--check", str(tmp_path)], capture_output=True, text=True, check=False)
    assert check.returncode == 1 and f"stale (run python -m autoheal.settings --write .): {readme}" in check.stdout
    subprocess.run([*command, "--write", str(tmp_path)], check=True)
    assert readme.read_text() == (ROOT / "README.md").read_text()
    assert subprocess.run([*command, "--check", str(tmp_path)], check=False).returncode == 0
