"""Heal works on captured issues: a ModuleNotFoundError captured by ``autoheal run`` in a
repository checkout, labelled ``auto-heal``, becomes the dependency PR. There is no failed job
to follow, so the fixer works from the project's declared dependency files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from autoheal import metadata
from tests import test_heal_e2e
from tests.test_heal_e2e import World, changed_lines

SHARED = Path(os.environ.get("AUTOHEAL_SHARED_DIR") or test_heal_e2e.SHARED)
PAYLOAD = SHARED / "github" / "payloads" / "issues.labeled.json"
pytestmark = pytest.mark.skipif(not PAYLOAD.exists(), reason=f"{PAYLOAD} is missing")
APP = "import yaml\n"


def test_a_captured_missing_module_becomes_the_dependency_pr(
    github_double: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(test_heal_e2e, "PAYLOAD", PAYLOAD)
    world = World(github_double, tmp_path)
    (world.workspace / "app.py").write_text(APP)
    env = {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": str(test_heal_e2e.ROOT),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "AUTOHEAL_ENABLED": "1",
        "AUTOHEAL_REPO": test_heal_e2e.REPO,
        "AUTOHEAL_API_URL": github_double.url,
        "AUTOHEAL_TOKEN": github_double.token,
        "AUTOHEAL_WRITE_DELAY": "0",
    }
    # A python without PyYAML: -I ignores PYTHONPATH and user site, -S the venv's site-packages.
    proc = subprocess.run(
        [sys.executable, "-m", "autoheal", "run", "--", sys.executable, "-I", "-S", "app.py"],
        env=env,
        cwd=world.workspace,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1 and "autoheal: filed" in proc.stderr, proc.stderr
    (issue,) = github_double.issues()
    assert (metadata.extract(issue.body) or {}).get("source") == "cli"
    outputs = world.heal(issue.number)
    assert outputs["result"] == "opened", world.stdout
    (pr,) = world.pulls()
    assert pr.title == f"fix: add PyYAML to requirements.txt (autoheal, #{issue.number})"
    assert changed_lines(world.diff(pr.pull.head_ref)) == ["+PyYAML"]
