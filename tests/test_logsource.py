"""Inputs: plain files, both run-log zip layouts, directories, stdin, broken input."""

from __future__ import annotations

import io
import os
import re
import signal
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from autoheal import zipsafe
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


def test_a_truncated_zip_on_stdin_is_the_same_clear_error(tmp_path: Path) -> None:
    # (zipfile.is_zipfile looks for the central directory at the end: a truncated zip has none, and its
    # compressed bytes were triaged as a log.)
    data = _zip(tmp_path / "logs.zip", {"1_build.txt": b"x" * 10_000}).read_bytes()
    proc = _cli("triage", "-", stdin=data[: len(data) // 2])
    assert proc.returncode == 2 and b"<stdin>: not a readable zip, truncated or corrupt" in proc.stderr, proc.stderr


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


# -- hostile input (issue 9 #12, #14) ---------------------------------------------------------
def _cli(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "autoheal", *args], input=stdin, capture_output=True, env=env, check=False, timeout=120
    )


def _read_all(spec: str) -> None:
    for doc in open_input(spec):
        with doc.opener() as fh:
            while fh.read(1 << 20):
                pass


def _central(data: bytes, index: int = 0) -> int:
    """Offset of the ``index``-th central directory header."""
    at = -1
    for _ in range(index + 1):
        at = data.index(b"PK\x01\x02", at + 1)
    return at


def _patch(path: Path, offset: int, fmt: str, value: int) -> None:
    data = bytearray(path.read_bytes())
    struct.pack_into(fmt, data, offset, value)
    path.write_bytes(bytes(data))


def _encrypted(path: Path) -> Path:
    """A member flagged as encrypted (zipfile cannot write real ZipCrypto, and need not)."""
    _zip(path, {"1_build.txt": b"secret log\n"})
    data = path.read_bytes()
    _patch(path, 6, "<H", 0x1)  # general purpose flags, local header
    _patch(path, _central(data) + 8, "<H", 0x1)
    return path


def _unsupported(path: Path, method: int = 99) -> Path:
    """A member compressed with a method zipfile lacks (99 is WinZip AES)."""
    _zip(path, {"1_build.txt": b"log\n"})
    data = path.read_bytes()
    _patch(path, 8, "<H", method)  # local header
    _patch(path, _central(data) + 10, "<H", method)
    return path


def _bad_crc(path: Path, size: int, method: int = zipfile.ZIP_DEFLATED) -> Path:
    line = b"2024-05-06T09:04:11.1234567Z ok   github.com/acme/widgets  0.412s\n"
    with zipfile.ZipFile(path, "w", method) as zf:
        zf.writestr("1_build.txt", line * (size // len(line) + 1))
    data = path.read_bytes()
    crc = struct.unpack_from("<I", data, _central(data) + 16)[0]
    _patch(path, _central(data) + 16, "<I", crc ^ 0xFFFF)
    return path


def _overlapping(path: Path, shared_offset: bool) -> Path:
    """Two entries over one stream: the second's header inside the first's data, or the very same offset."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("b.txt", b"payload\n" * 100)
    inner_bytes = inner.getvalue()
    local_b = inner_bytes[: _central(inner_bytes)]
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("a.txt", local_b)
    data = bytearray(path.read_bytes())
    central_a = data[_central(bytes(data)) : data.index(b"PK\x05\x06")]
    central_b = bytearray(inner_bytes[_central(inner_bytes) : inner_bytes.index(b"PK\x05\x06")])
    offset_b = 0 if shared_offset else 30 + len("a.txt")
    struct.pack_into("<I", central_b, 42, offset_b)
    start = _central(bytes(data))
    end = bytearray(data[data.index(b"PK\x05\x06") :])
    struct.pack_into("<HHII", end, 8, 2, 2, len(central_a) + len(central_b), start)
    path.write_bytes(bytes(data[:start]) + bytes(central_a) + bytes(central_b) + bytes(end))
    return path


@pytest.mark.parametrize(
    ("build", "reason"),
    [
        (_encrypted, "encrypted (password-protected)"),
        (_unsupported, "compression method autoheal cannot read"),
        (lambda p: _bad_crc(p, 1000), "corrupt (CRC mismatch)"),
        (lambda p: _overlapping(p, shared_offset=False), "overlap (a zip bomb?)"),
        (lambda p: _overlapping(p, shared_offset=True), "overlap (a zip bomb?)"),
    ],
)
def test_hostile_zips_are_input_errors_with_a_reason(tmp_path: Path, build: Any, reason: str) -> None:
    path = build(tmp_path / "logs.zip")
    with pytest.raises(InputError, match=re.escape(reason)):
        _read_all(str(path))


def test_overlapping_builder_really_overlaps(tmp_path: Path) -> None:
    # zipfile itself reads both entries: only autoheal's check stands between them and a bomb.
    with zipfile.ZipFile(_overlapping(tmp_path / "logs.zip", shared_offset=False)) as zf:
        assert zf.read("b.txt") == b"payload\n" * 100 and len(zf.read("a.txt")) > 30


def test_bad_crc_in_a_large_zip_exits_2_from_the_cli(tmp_path: Path) -> None:
    # Over 64 MiB, so it is not checked up front: the error comes mid-scan.
    path = _bad_crc(tmp_path / "logs.zip", 70 << 20, zipfile.ZIP_STORED)
    proc = _cli("triage", str(path))
    assert proc.returncode == 2, proc.stderr
    assert b"corrupt (CRC mismatch); download the logs again" in proc.stderr
    assert b"Traceback" not in proc.stderr


@pytest.mark.parametrize("build", [_encrypted, _unsupported])
def test_unreadable_members_exit_2_from_the_cli(tmp_path: Path, build: Any) -> None:
    proc = _cli("triage", str(build(tmp_path / "logs.zip")))
    assert (proc.returncode, proc.stdout) == (2, b""), proc.stderr
    assert proc.stderr.count(b"\n") == 1 and b"1_build.txt" in proc.stderr


def test_declared_sizes_over_the_caps_are_refused_before_reading(tmp_path: Path) -> None:
    path = _zip(tmp_path / "logs.zip", {"1_build.txt": b"x\n", "2_test.txt": b"y\n"})
    data = path.read_bytes()
    _patch(path, _central(data) + 24, "<I", 0xFFFF_FFF0)  # 4 GiB declared for one member
    with pytest.raises(InputError, match=r"'1_build.txt' unpacks to 4.0 GiB, over autoheal's limit of 2.0 GiB"):
        open_input(str(path))


def test_total_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipsafe, "MAX_TOTAL_BYTES", 1000)
    path = _zip(tmp_path / "logs.zip", {f"{i}_job.txt": b"z" * 400 for i in range(3)})
    with pytest.raises(InputError, match="the zip unpacks to 0.0 MiB, over autoheal's limit"):
        open_input(str(path))


def test_member_cap_holds_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _zip(tmp_path / "logs.zip", {"1_build.txt": b"z" * 5000})
    docs = open_input(str(path))
    monkeypatch.setattr(zipsafe, "MAX_MEMBER_BYTES", 1000)  # as if the declared size lied
    with pytest.raises(InputError, match="unpacks to more than"), docs[0].opener() as fh:
        fh.read()


def test_run_logs_with_a_bomb_fall_back_to_the_job_log_endpoint(tmp_path: Path) -> None:
    from autoheal.runlogs import zip_entries

    assert zip_entries(_overlapping(tmp_path / "logs.zip", shared_offset=True).read_bytes()) == []


def test_directory_input_does_not_follow_symlinks_out_of_it(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd").write_text("root:x:0:0\n")
    (outside / "nested").mkdir()
    (outside / "nested" / "1_x.txt").write_text("leak\n")
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "1_build.txt").write_text("ok\n")
    (logs / "link.txt").symlink_to(outside / "passwd")
    (logs / "dir").symlink_to(outside / "nested")
    (logs / "same.txt").symlink_to(logs / "1_build.txt")  # inside: fine
    assert sorted(d.name for d in open_input(str(logs))) == ["1_build.txt", "same.txt"]


def test_directory_of_outward_symlinks_says_so(tmp_path: Path) -> None:
    (tmp_path / "target.txt").write_text("x\n")
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "a.txt").symlink_to(tmp_path / "target.txt")
    with pytest.raises(InputError, match=r"holds no files \(1 symlinks leading out of it were skipped\)"):
        open_input(str(logs))


def _env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp)}


@pytest.mark.parametrize("kind", ["text", "zip", "bad-zip"])
def test_stdin_leaves_no_copy_behind(tmp_path: Path, kind: str) -> None:
    spool = tmp_path / "tmp"
    spool.mkdir()
    if kind == "text":
        data, code = b"ModuleNotFoundError: No module named 'yaml'\n", 0
    else:
        data = _zip(
            tmp_path / "logs.zip", {"1_build.txt": b"ModuleNotFoundError: No module named 'yaml'\n"}
        ).read_bytes()
        data, code = (data, 0) if kind == "zip" else (_encrypted(tmp_path / "enc.zip").read_bytes(), 2)
    proc = _cli("triage", "-", stdin=data, env=_env(spool))
    assert proc.returncode == code, proc.stderr
    assert list(spool.iterdir()) == []


def test_stdin_spool_has_no_name_even_while_reading(tmp_path: Path) -> None:
    # Interrupted mid-read: at no moment is there a file to leave behind.
    spool = tmp_path / "tmp"
    spool.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "autoheal", "triage", "-"],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(spool),
    )
    assert proc.stdin is not None
    proc.stdin.write(b"some log text\n" * 10_000)
    proc.stdin.flush()
    time.sleep(1.0)
    assert list(spool.iterdir()) == []
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert list(spool.iterdir()) == []


def test_a_plain_log_triage_imports_no_zip_temp_file_platform_date_or_fix_values(tmp_path: Path) -> None:
    """Those modules only for a zip, stdin, the Hyperscan cache key's machine, a timeout and heal (issue 14)."""
    log = tmp_path / "small.log"
    log.write_text("step 1\nerror: boom\ndone\n")
    code = (
        f"import os, sys; from autoheal import cli; os.chdir({str(tmp_path)!r})\n"
        f"cli.main(['triage', {str(log)!r}])\n"
        "print(sorted(m for m in ('zipfile', 'tempfile', 'platform', 'datetime', 'autoheal.proposals') if m in sys.modules))"
    )
    env = {**os.environ, "AUTOHEAL_ENGINE": "hyperscan", "AUTOHEAL_CACHE_DIR": str(tmp_path / "cache")}
    # The second run: the first fills the disk cache, whose writes use a temporary file.
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env).stdout
    assert out.strip().splitlines()[-1] == "[]"
