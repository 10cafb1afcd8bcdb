"""The one subprocess helper: (rc, out, err); a failure's text shows the command and both streams,
clipped and redacted; a missing program or a timeout is a GitError that says so."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from autoheal import subproc
from autoheal.errors import GitError

PY = sys.executable


def test_returns_rc_and_both_streams_without_check(tmp_path: Path) -> None:
    script = "import sys; print('out'); print('err', file=sys.stderr); sys.exit(3)"
    assert subproc.cmd_output((PY, "-c", script), tmp_path, check=False) == (3, "out\n", "err\n")


def test_a_failure_shows_the_command_and_both_streams_redacted(tmp_path: Path) -> None:
    script = "import sys; print('token s3cret'); print('bad s3cret', file=sys.stderr); sys.exit(1)"
    with pytest.raises(GitError) as failed:
        subproc.cmd_output((PY, "-c", script), tmp_path, secrets=("s3cret",))
    text = str(failed.value)
    assert "command failed:" in text and "return code: 1" in text
    assert "stdout: token ***" in text and "stderr: bad ***" in text and "s3cret" not in text


def test_a_long_stream_keeps_its_end(tmp_path: Path) -> None:
    script = f"import sys; print('x' * {subproc.OUTPUT_LIMIT * 2} + 'END'); sys.exit(1)"
    with pytest.raises(GitError) as failed:
        subproc.cmd_output((PY, "-c", script), tmp_path)
    assert len(str(failed.value)) < subproc.OUTPUT_LIMIT + 1_000 and "END" in str(failed.value)


def test_a_missing_program_says_it_is_not_installed(tmp_path: Path) -> None:
    with pytest.raises(GitError, match="no-such-program-xyz is not installed"):
        subproc.cmd_output(("no-such-program-xyz", "--version"), tmp_path)


def test_a_directory_that_is_missing_or_a_file_is_a_git_error_naming_it(tmp_path: Path) -> None:
    # ``doctor --root some-file`` ended in "unexpected NotADirectoryError ... this is a bug" (exit 3).
    (tmp_path / "file").write_text("")
    with pytest.raises(GitError, match="cannot run git --version in .*file: Not a directory"):
        subproc.cmd_output(("git", "--version"), tmp_path / "file")
    with pytest.raises(GitError, match="gone is not a directory"):
        subproc.cmd_output(("git", "--version"), tmp_path / "gone")


def test_a_timeout_names_the_command_redacted(tmp_path: Path) -> None:
    with pytest.raises(GitError, match=r"timed out after 0\.2s") as slow:
        subproc.cmd_output(
            (PY, "-c", "import time; time.sleep(5)", "s3cret"), tmp_path, secrets=("s3cret",), timeout=0.2
        )
    assert "s3cret" not in str(slow.value)


def test_the_environment_adds_to_the_callers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTOHEAL_KEPT", "kept")
    script = "import os; print(os.environ['AUTOHEAL_KEPT'], os.environ['AUTOHEAL_ADDED'])"
    assert subproc.cmd_output((PY, "-c", script), tmp_path, {"AUTOHEAL_ADDED": "added"})[1] == "kept added\n"
