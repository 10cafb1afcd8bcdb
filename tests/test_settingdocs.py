"""The generated blocks of action.yml and the README: a broken marker is a ConfigError naming the
file and line and what to do, from the library and from ``python -m autoheal.settings``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from autoheal import settings
from autoheal.errors import ConfigError

BEGIN = "  # BEGIN autoheal.settings: inputs\n"
END = "  # END autoheal.settings: inputs\n"


def test_a_block_is_rewritten_between_its_markers() -> None:
    fresh = settings.refresh(f"inputs:\n{BEGIN}  old-input: {{}}\n{END}tail\n")
    assert "old-input" not in fresh and "  mode:\n" in fresh and fresh.endswith(f"{END}tail\n")


def test_a_block_without_its_end_line_names_file_line_and_fix() -> None:
    with pytest.raises(ConfigError, match=r"^action\.yml:2: .*'inputs' has no 'END autoheal\.settings: inputs' line"):
        settings.refresh(f"inputs:\n{BEGIN}  mode: {{}}\n", "action.yml")


def test_an_unknown_block_name_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"^README\.md:1: unknown generated block 'input' .*inputs, outputs"):
        settings.refresh("# BEGIN autoheal.settings: input\n", "README.md")


def test_the_module_command_prints_the_error_and_exits_2(tmp_path: Path) -> None:
    for name in settings.GENERATED:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("nothing generated here\n")
    (tmp_path / "action.yml").write_text(f"inputs:\n{BEGIN}")
    done = subprocess.run(
        [sys.executable, "-m", "autoheal.settings", "--check", str(tmp_path)], capture_output=True, text=True
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert f"{tmp_path / 'action.yml'}:2: the generated block 'inputs'" in done.stderr
