"""A fix applied to a tree and verified there (``autoheal.changes``), on real files in ``tmp_path``."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from autoheal import changes, subproc
from autoheal.errors import AutohealError
from autoheal.proposals import Change

TOKEN = "ghs_fakeTOKEN0123456789abcdefABCDEF"


def test_apply_changes_writes_in_place_and_refuses_escapes(tmp_path: Path) -> None:
    (tmp_path / "req.txt").write_text("a\r\n", newline="")
    (tmp_path / "req.txt").chmod(0o755)
    changes.apply_changes(
        tmp_path, [Change("req.txt", "a\r\n", "a\r\nb\r\n", "add b"), Change("new/file.txt", None, "x\n", "new")]
    )
    assert (tmp_path / "req.txt").read_bytes() == b"a\r\nb\r\n"
    assert (tmp_path / "req.txt").stat().st_mode & 0o777 == 0o755
    assert (tmp_path / "new/file.txt").read_text() == "x\n"
    with pytest.raises(AutohealError, match="outside"):
        changes.apply_changes(tmp_path, [Change("../evil.txt", None, "x", "escape")])
    with pytest.raises(AutohealError, match="changed while"):
        changes.apply_changes(tmp_path, [Change("req.txt", "stale\n", "x\n", "stale")])


def test_verify_reports_the_tail_redacted_and_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTOHEAL_TOKEN", TOKEN)
    assert changes.run_verify("true", tmp_path) is None
    assert changes.run_verify(None, tmp_path) is None
    failed = changes.run_verify(
        f'seq 1 100; echo {TOKEN}; echo "[$AUTOHEAL_TOKEN]"; exit 3', tmp_path, secrets=(TOKEN,)
    )
    assert failed is not None and failed.code == 3 and failed.describe() == "exit code 3"
    assert failed.tail.splitlines()[-2:] == [subproc.REDACTED, "[]"]  # redacted; not even in its env
    assert len(failed.tail.splitlines()) == changes.VERIFY_TAIL_LINES
    slow = changes.run_verify("sleep 30", tmp_path, timeout=0.5)
    assert slow is not None and slow.code is None and slow.describe() == "timed out"


def test_verify_runs_in_the_tree_and_its_children_die_on_timeout(tmp_path: Path) -> None:
    (tmp_path / "marker").write_text("here")
    assert changes.run_verify("test -f marker", tmp_path) is None
    slow = changes.run_verify("(sleep 1; touch late) & sleep 30", tmp_path, timeout=0.3)
    assert slow is not None and slow.code is None
    time.sleep(1.5)  # the background child would have touched the file by now
    assert not (tmp_path / "late").exists()
