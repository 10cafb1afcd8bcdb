from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from autoheal.fixers import FixContext, base
from tests.fixers.util import diagnosis, workspace


@pytest.mark.parametrize(
    "rel",
    [
        "../outside.txt",
        "a/../../outside.txt",
        "/etc/passwd",
        "C:/Windows/win.ini",
        "a\\..\\b",
        "nul\0byte",
        "",
        "..",
    ],
)
def test_safe_path_rejects_escapes(tmp_path: Path, rel: str) -> None:
    assert base.safe_path(tmp_path, rel) is None


def test_safe_path_accepts_inside_paths(tmp_path: Path) -> None:
    assert base.safe_path(tmp_path, "a/b.txt") == tmp_path / "a" / "b.txt"
    assert base.safe_path(tmp_path, "./a/./b.txt") == tmp_path / "a" / "b.txt"


def test_safe_path_rejects_symlinks_leaving_the_workspace(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    outside = workspace(tmp_path / "outside", {"secret.txt": "token"})
    ws.mkdir()
    os.symlink(outside / "secret.txt", ws / "requirements.txt")
    os.symlink(outside, ws / "linked")
    os.symlink(ws / "real.txt", ws / "inside-link.txt")
    (ws / "real.txt").write_text("ok\n")

    assert base.safe_path(ws, "requirements.txt") is None
    assert base.read_text(ws, "linked/secret.txt") is None
    assert base.read_text(ws, "inside-link.txt") == "ok\n"


def test_safe_path_survives_symlink_loops(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b", tmp_path / "a")
    os.symlink(tmp_path / "a", tmp_path / "b")
    assert base.read_text(tmp_path, "a") is None


def test_read_text_keeps_line_endings_and_refuses_binary_and_huge(tmp_path: Path) -> None:
    (tmp_path / "crlf.txt").write_bytes(b"a\r\nb")
    (tmp_path / "bin").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "big").write_bytes(b"x" * (base.MAX_FILE_BYTES + 1))

    assert base.read_text(tmp_path, "crlf.txt") == "a\r\nb"
    assert base.read_text(tmp_path, "bin") is None
    assert base.read_text(tmp_path, "big") is None
    assert base.read_text(tmp_path, "missing") is None
    assert base.read_text(tmp_path, ".") is None


def test_workflow_files_lists_yaml_and_skips_escaping_links(tmp_path: Path) -> None:
    workspace(
        tmp_path / "ws",
        {".github/workflows/b.yaml": "", ".github/workflows/a.yml": "", ".github/workflows/notes.md": ""},
    )
    workspace(tmp_path, {"evil.yml": "jobs: {}\n"})
    os.symlink(tmp_path / "evil.yml", tmp_path / "ws/.github/workflows/c.yml")

    assert base.workflow_files(tmp_path / "ws") == [".github/workflows/a.yml", ".github/workflows/b.yaml"]
    assert base.workflow_files(tmp_path / "empty") == []


def test_log_text_strips_colour_and_includes_title() -> None:
    d = diagnosis("\x1b[31mError:\x1b[0m boom", "unknown")
    assert base.log_text(d).splitlines()[0] == "Error: boom"


GUARD = re.compile("No module named")
PATTERN = re.compile(r"No module named '(\w+)'")


def test_find_in_log_prefers_the_capture_when_the_guard_matches() -> None:
    d = diagnosis("ModuleNotFoundError: No module named 'yaml'", "dependency.missing", {"module": "ruamel.yaml"})
    assert base.find_in_log(d, ("module",), GUARD, PATTERN) == "ruamel.yaml"


def test_find_in_log_falls_back_to_patterns_and_respects_the_guard() -> None:
    python = diagnosis("E   ModuleNotFoundError: No module named 'yaml'", "dependency.missing")
    node = diagnosis("Error: Cannot find module 'express'", "dependency.missing", {"module": "express"})

    assert base.find_in_log(python, ("module",), GUARD, PATTERN) == "yaml"
    assert base.find_in_log(node, ("module",), GUARD, PATTERN) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, 1.5),
        (2, 2.0),
        ("3", 3.0),
        (0, None),
        (-1, None),
        ("x", None),
        (True, None),
        ([1], None),
    ],
)
def test_option_number(tmp_path: Path, value: object, expected: float | None) -> None:
    options = {} if value is None else {"timeout_factor": value}
    ctx = FixContext(diagnosis("x", "timeout"), tmp_path, options=options)
    assert base.option_number(ctx, "timeout_factor", 1.5) == expected


def test_job_hint_falls_back_to_the_diagnosis(tmp_path: Path) -> None:
    assert FixContext(diagnosis("x", "timeout", job="from-log"), tmp_path).job_hint == "from-log"
    assert FixContext(diagnosis("x", "timeout", job="from-log"), tmp_path, job="given").job_hint == "given"


def test_data_tables_drop_their_comment() -> None:
    table = base.data_table("action_majors.json")
    assert "_comment" not in table and table["actions/checkout"] >= 4
