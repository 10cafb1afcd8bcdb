"""Inputs: plain files, both run-log zip layouts, directories, stdin, broken input."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from autoheal.errors import InputError
from autoheal.logsource import open_input

SHARED_ZIP = Path(__file__).resolve().parents[2] / "shared" / "github" / "logs" / "gh-cli-fixture-run_log.zip"


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_top_level_job_files_are_used_when_present(tmp_path: Path) -> None:
    z = _zip(
        tmp_path / "logs.zip",
        {
            "1_build.txt": b"a\n",
            "0_lint.txt": b"b\n",
            "build/1_Set up job.txt": b"a\n",
            "__MACOSX/._1_build.txt": b"junk",
        },
    )
    docs = open_input(str(z))
    assert [(d.name, d.job, d.step) for d in docs] == [("0_lint.txt", "lint", None), ("1_build.txt", "build", None)]


def test_step_files_only_layout(tmp_path: Path) -> None:
    z = _zip(
        tmp_path / "logs.zip",
        {"build/2_Run tests.txt": b"x\n", "build/1_Set up job.txt": b"y\n", "build/.DS_Store": b"\0\0"},
    )
    docs = open_input(str(z))
    assert [(d.job, d.step, d.step_number) for d in docs] == [("build", "Set up job", 1), ("build", "Run tests", 2)]


@pytest.mark.skipif(not SHARED_ZIP.exists(), reason="shared/github fixture not present")
def test_real_gh_cli_fixture_zip_skips_macos_junk() -> None:
    docs = open_input(str(SHARED_ZIP))
    assert docs and all("__MACOSX" not in d.name and ".DS_Store" not in d.name for d in docs)
    assert any(d.job and d.job.startswith("thisisnineteenchars") for d in docs)
    for doc in docs:
        with doc.opener() as fh:
            fh.read()


def test_old_archive_ordinal(tmp_path: Path) -> None:
    z = _zip(tmp_path / "logs.zip", {"-9999999999_build.txt": b"x\n"})
    assert [d.job for d in open_input(str(z))] == ["build"]


def test_truncated_zip_is_a_clear_error(tmp_path: Path) -> None:
    z = _zip(tmp_path / "logs.zip", {"1_build.txt": b"x" * 10_000})
    data = z.read_bytes()
    z.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="truncated or corrupt"):
        open_input(str(z))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        open_input(str(tmp_path / "nope.log"))


def test_directory_input(tmp_path: Path) -> None:
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "1_Run tests.txt").write_text("x\n")
    (tmp_path / "notes.log").write_text("y\n")
    docs = open_input(str(tmp_path))
    assert [(d.name, d.job, d.step) for d in docs] == [
        ("build/1_Run tests.txt", "build", "Run tests"),
        ("notes.log", None, None),
    ]


def test_stdin_plain_and_zip(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    class FakeStdin:
        def __init__(self, data: bytes) -> None:
            self.buffer = io.BytesIO(data)

    monkeypatch.setattr("sys.stdin", FakeStdin(b"hello\n"))
    [doc] = open_input("-")
    with doc.opener() as fh:
        assert fh.read() == b"hello\n"
    z = _zip(tmp_path / "l.zip", {"1_job.txt": b"x\n"})
    monkeypatch.setattr("sys.stdin", FakeStdin(z.read_bytes()))
    assert [d.job for d in open_input("-")] == ["job"]
