"""The CLI as a user runs it: a subprocess, real files, exit codes and output formats."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import autoheal_cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "logs"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return autoheal_cli(*args, input=stdin.decode() if stdin else None, cwd=cwd or ROOT)


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("python-missing-module.log", "dependency.missing"),
        ("node-cannot-find-module.log", "dependency.missing"),
        ("job-timeout.log", "timeout"),
        ("deprecated-upload-artifact.log", "action.deprecated"),
        ("permission-issue-comment.log", "permission"),
        ("pytest-assertion.txt", "test.failure"),
        ("go-build-error.txt", "compile.error"),
    ],
)
def test_bundled_samples_are_classified(name: str, category: str) -> None:
    proc = run("triage", "--format", "json", str(EXAMPLES / name))
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["category"] == category, result
    assert result["path"] == str(EXAMPLES / name)
    assert 1 <= len(result["excerpt"]) <= 40


def test_json_contract_has_every_documented_key() -> None:
    proc = run("triage", "--format", "json", str(EXAMPLES / "python-missing-module.log"))
    result = json.loads(proc.stdout)
    assert set(result) == {
        "path",
        "category",
        "confidence",
        "rule",
        "transient",
        "fingerprint",
        "title",
        "summary",
        "excerpt",
        "key_lines",
        "captures",
        "job",
        "step",
        "alternatives",
    }
    assert result["captures"]["module"] == "yaml"
    # The key lines are excerpt lines, the one that says what failed first.
    shown = {e["line"]: e["text"] for e in result["excerpt"]}
    assert 1 <= len(result["key_lines"]) <= 3 and set(result["key_lines"]) <= set(shown)
    assert "No module named 'yaml'" in shown[result["key_lines"][0]]
    assert result["step"] == "pytest -q"
    line = next(e for e in result["excerpt"] if "No module named" in e["text"])
    grep = subprocess.run(
        ["grep", "-n", "No module named 'yaml'", str(EXAMPLES / "python-missing-module.log")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert line["line"] == int(grep.split(":", 1)[0])


def test_several_inputs_give_one_json_object_per_line() -> None:
    proc = run("triage", "--format", "json", str(EXAMPLES / "job-timeout.log"), str(EXAMPLES / "go-build-error.txt"))
    lines = proc.stdout.strip().splitlines()
    assert [json.loads(x)["category"] for x in lines] == ["timeout", "compile.error"]


def test_text_format_for_people() -> None:
    proc = run("triage", str(EXAMPLES / "python-missing-module.log"))
    assert proc.returncode == 0
    assert "dependency.missing" in proc.stdout and "No module named 'yaml'" in proc.stdout


def test_stdin() -> None:
    proc = run("triage", "--format", "json", "-", stdin=(EXAMPLES / "go-build-error.txt").read_bytes())
    assert json.loads(proc.stdout)["category"] == "compile.error"
    assert json.loads(proc.stdout)["path"] == "-"


def test_zip_input_reports_the_member(tmp_path: Path) -> None:
    archive = tmp_path / "logs.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("0_lint.txt", "all good\n")
        zf.write(EXAMPLES / "python-missing-module.log", "1_test (3.11).txt")
    result = json.loads(run("triage", "--format", "json", str(archive)).stdout)
    assert result["category"] == "dependency.missing"
    assert result["job"] == "test (3.11)"
    assert {e["file"] for e in result["excerpt"]} == {"1_test (3.11).txt"}


def test_unreadable_input_exits_2_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.zip"
    bad.write_bytes(b"PK\x03\x04 truncated")
    proc = run("triage", str(bad))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "broken.zip" in proc.stderr


def test_missing_file_and_bad_usage() -> None:
    assert run("triage", "/nonexistent/log.txt").returncode == 2
    assert run("triage").returncode == 2
    assert run("triage", "--format", "xml", "x").returncode == 2


def test_binary_input_is_triaged_not_crashed(tmp_path: Path) -> None:
    blob = tmp_path / "blob.bin"
    blob.write_bytes(bytes(range(256)) * 100 + b"\nSegmentation fault (core dumped)\n")
    proc = run("triage", "--format", "json", str(blob))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["category"] == "crash"


def test_bad_config_is_a_clear_error(tmp_path: Path) -> None:
    cfg = tmp_path / "autoheal.yml"
    cfg.write_text("rules:\n  - id: x\n    category: network\n    patterns: ['(?<=a)b']\n")
    proc = run("triage", "--config", str(cfg), str(EXAMPLES / "go-build-error.txt"))
    assert proc.returncode == 2
    assert "rule 'x', key 'patterns'" in proc.stderr and "Traceback" not in proc.stderr


def test_errors_are_annotations_inside_actions(tmp_path: Path) -> None:
    env_run = subprocess.run(
        [sys.executable, "-m", "autoheal", "triage", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        env={"GITHUB_ACTIONS": "true", "PATH": "/usr/bin"},
        cwd=ROOT,
        check=False,
    )
    assert env_run.stderr.startswith("::error::")


def test_help_and_version() -> None:
    assert run("--help").returncode == 0
    assert "autoheal" in run("--version").stdout


def test_the_top_level_help_lists_each_command_with_its_own_summary() -> None:
    import argparse

    from autoheal import commands
    from autoheal.cli import build_parser, summary_parser

    def listed(parser: argparse.ArgumentParser) -> dict[str, str | None]:
        [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        return {c.dest: c.help for c in sub._choices_actions}

    assert listed(summary_parser()) == listed(build_parser()) == commands.SUMMARIES
    assert summary_parser().format_help() == build_parser().format_help()


def test_help_and_a_triage_import_no_github_client(tmp_path: Path) -> None:
    """Nor git's wrapper and the subprocess machinery: a triage runs no command (start-up time)."""
    import subprocess
    import sys

    log = tmp_path / "small.log"
    log.write_text("E   ModuleNotFoundError: No module named 'yaml'\n##[error]Process completed with exit code 1.\n")
    code = (
        f"import os, sys; from autoheal import cli; os.chdir({str(tmp_path)!r})\n"
        f"for argv in (['--help'], ['triage', '--help'], ['triage', {str(log)!r}]):\n"
        "    try: cli.main(argv)\n"
        "    except SystemExit: pass\n"
        "print(sorted(m for m in ('github', 'jinja2', 'autoheal.github_api', 'autoheal.gitops', 'subprocess',\n"
        "    'autoheal.actions', 'autoheal.settings', 'autoheal.usersettings', 'secrets') if m in sys.modules))"
    )
    # The settings table, the token lookup and actions' error path only where a config file, a run to
    # download or an error needs them (issue 14): tmp_path holds no .github/autoheal.yml.
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_help_imports_no_more_than_its_parser() -> None:
    """--help lists commands from their summaries: no command, no error path (actions, traceback), no typing."""
    import subprocess
    import sys

    code = (
        "import sys; from autoheal import cli\n"
        "try: cli.main(['--help'])\n"
        "except SystemExit: pass\n"
        "print(sorted(m for m in ('autoheal.actions', 'traceback', 'typing', 'dataclasses', 'json') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_an_error_is_still_one_line_and_verbose_adds_the_traceback(tmp_path: Path) -> None:
    config = tmp_path / "autoheal.yml"
    config.write_text("rules:\n  - {id: x, category: test.failure, patterns: ['(unclosed']}\n")
    log = tmp_path / "x.log"
    log.write_text("error: x\n")
    quiet = run("triage", "--config", str(config), str(log))
    loud = run("--verbose", "triage", "--config", str(config), str(log))
    assert quiet.returncode == loud.returncode != 0
    assert "not valid RE2" in quiet.stderr
    assert "Traceback" not in quiet.stderr and "Traceback" in loud.stderr
    assert quiet.stderr.strip().splitlines()[-1] == loud.stderr.strip().splitlines()[-1]
