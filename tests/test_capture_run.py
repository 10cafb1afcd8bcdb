"""``autoheal run``, ``autoheal capture`` and the Python hooks end to end: real subprocesses, user
config and data directories in tmp (XDG_*), against the GitHub double over HTTP."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from autoheal import metadata
from autoheal.spool import Spool

ROOT = Path(__file__).resolve().parents[1]
REPO = "octo-org/octo-repo"
TRACEBACK = (
    "import sys; print('collecting'); sys.stderr.write('Traceback (most recent call last):\\n"
    '  File "app.py", line 1, in <module>\\n'
    "ModuleNotFoundError: No module named \\'yaml\\'\\n'); sys.exit(1)"
)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def drain(master: int) -> bytes:
    """All a pty's other end printed, until it closes (Linux says EIO once the child is gone)."""
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            return seen
        seen += chunk
    return seen


class Env:
    def __init__(self, double: Any, tmp: Path) -> None:
        self.double, self.tmp = double, tmp
        self.vars = {
            "PATH": os.environ["PATH"],
            "PYTHONPATH": str(ROOT),
            "HOME": str(tmp / "home"),
            "XDG_CONFIG_HOME": str(tmp / "config"),
            "XDG_DATA_HOME": str(tmp / "data"),
            "AUTOHEAL_ENABLED": "1",
            "AUTOHEAL_REPO": REPO,
            "AUTOHEAL_API_URL": double.url,
            "AUTOHEAL_TOKEN": double.token,
            "AUTOHEAL_WRITE_DELAY": "0",
        }
        (tmp / "home").mkdir()
        self.cwd = tmp

    def run(self, *args: str, stdout: Any = subprocess.PIPE, **env: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "autoheal", *args],
            env={**self.vars, **env},
            cwd=self.cwd,
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )

    def spool(self) -> Spool:
        return Spool(self.tmp / "data" / "autoheal" / "spool.sqlite3")

    def issues(self) -> list[Any]:
        return self.double.issues()


@pytest.fixture
def env(github_double: Any, tmp_path: Path) -> Env:
    return Env(github_double, tmp_path)


def last_line(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stderr.decode().rstrip("\n").rsplit("\n", 1)[-1]


def test_a_traceback_becomes_one_issue_with_its_category_and_labels(env: Env) -> None:
    proc = env.run("run", "--", sys.executable, "-c", TRACEBACK)
    assert proc.returncode == 1
    assert proc.stdout == b"collecting\n"  # passed through as printed
    (issue,) = env.issues()
    assert last_line(proc).startswith("autoheal: filed http") and last_line(proc).endswith(f"/issues/{issue.number}")
    assert sorted(issue.labels) == ["autoheal", "autoheal:dependency.missing", "cli-error", "severity:medium"]
    meta = metadata.extract(issue.body)
    assert meta and meta["source"] == "cli" and meta["category"] == "dependency.missing"
    assert meta["captures"] == {"module": "yaml"} and meta["occurrences"] == 1
    assert "ModuleNotFoundError: No module named 'yaml'" in issue.body and "**Exit:** status 1" in issue.body


def test_the_same_failure_again_counts_on_the_issue_once_per_bundle(env: Env) -> None:
    env.run("run", "--", sys.executable, "-c", TRACEBACK)
    env.double.clear_calls()
    again = env.run("run", "--", sys.executable, "-c", TRACEBACK)
    assert again.returncode == 1 and "seen again, 1 time(s) since the last update" in last_line(again)
    assert not [c for c in env.double.calls() if c.method != "GET"]  # bundled: nothing written
    (row,) = env.spool().rows()
    assert (row.count, row.pending) == (2, 1)
    flushed = env.run("capture", "flush")
    assert flushed.returncode == 0, flushed.stderr
    (issue,) = env.issues()  # no new issue: the counter moved
    assert metadata.extract(issue.body)["occurrences"] == 2  # type: ignore[index]
    assert "**Occurrences:** 2" in issue.body and "Seen again from the command line" in issue.comments[-1].body
    third = env.run("run", "--", sys.executable, "-c", TRACEBACK, AUTOHEAL_BUNDLE_MINUTES="0")
    assert last_line(third).startswith("autoheal: counted on http")
    assert metadata.extract(env.issues()[0].body)["occurrences"] == 3  # type: ignore[index]


def test_a_segfault_is_critical_and_its_status_is_passed_on(env: Env) -> None:
    code = "import os, signal; print('working', flush=True); os.kill(os.getpid(), signal.SIGSEGV)"
    proc = env.run("run", "--", sys.executable, "-c", code)
    assert proc.returncode == 128 + signal.SIGSEGV
    (issue,) = env.issues()
    assert "severity:critical" in issue.labels and "autoheal:crash" in issue.labels
    assert "killed by `SIGSEGV`" in issue.body


def test_a_success_files_nothing_and_passes_output_through_byte_for_byte(env: Env, tmp_path: Path) -> None:
    code = "import sys; sys.stdout.buffer.write(bytes(range(256)) + b'\\r\\nno newline'); sys.stderr.write('warn')"
    direct = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    proc = env.run("run", "--", sys.executable, "-c", code)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, direct.stdout, direct.stderr)
    assert env.double.calls() == [] and not (tmp_path / "data").exists()


def test_disabled_it_is_a_pass_through(env: Env) -> None:
    proc = env.run("run", "--", sys.executable, "-c", TRACEBACK, AUTOHEAL_ENABLED="0")
    assert proc.returncode == 1 and env.double.calls() == []
    assert last_line(proc) == "ModuleNotFoundError: No module named 'yaml'"
    missing = env.run("run", "--", "no-such-command-xyz", AUTOHEAL_ENABLED="0")
    assert missing.returncode == 127 and b"command not found" in missing.stderr


def test_an_interrupt_the_user_typed_is_not_reported(env: Env) -> None:
    code = "import os, signal; os.kill(os.getpid(), signal.SIGINT)"
    proc = env.run("run", "--", sys.executable, "-c", code)
    assert proc.returncode in (130, 1)  # python turns SIGINT into KeyboardInterrupt, then exits
    assert env.issues() == []


def test_100_mb_of_output_keeps_memory_bounded(env: Env, tmp_path: Path) -> None:
    writer = (
        "import sys; line = b'x' * 1048575 + b'\\n'; part = b'y' * 1048576\n"
        "for _ in range(50): sys.stdout.buffer.write(line)\n"
        "for _ in range(50): sys.stdout.buffer.write(part)\n"
        "sys.exit(3)"  # 50 MB of lines, then 50 MB in one line
    )
    probe = textwrap.dedent(
        f"""
        import resource, subprocess, sys
        with open({str(tmp_path / "out.bin")!r}, "wb") as out:
            rc = subprocess.run([sys.executable, "-m", "autoheal", "run", "--", sys.executable, "-c", {writer!r}],
                                stdout=out).returncode
        print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], env=env.vars, cwd=tmp_path, capture_output=True, timeout=300, check=False
    )
    rc, peak_kb = proc.stdout.split()
    assert int(rc) == 3, proc.stderr
    assert (tmp_path / "out.bin").stat().st_size == 100 << 20  # everything passed through
    print(f"peak RSS of autoheal run (or the writer): {int(peak_kb) // 1024} MB")
    # Holding the output would take over 100 MB; streaming it measured 76-80 MB in a fresh CI venv, on this
    # session's code and on the previous session's alike, so 80 was a coin toss (CI failed at 80.2 MB).
    assert int(peak_kb) < 90 * 1024, f"peak RSS {int(peak_kb) // 1024} MB"
    (tmp_path / "out.bin").unlink()
    assert len(env.issues()) == 1


def test_offline_the_report_is_spooled_and_flush_files_it(env: Env) -> None:
    down = f"http://127.0.0.1:{closed_port()}"
    proc = env.run("run", "--", sys.executable, "-c", TRACEBACK, AUTOHEAL_API_URL=down)
    assert proc.returncode == 1 and "spooled, not sent" in last_line(proc)
    assert env.issues() == []
    listed = env.run("capture", "list", AUTOHEAL_API_URL=down)
    assert b"dependency.missing  seen 1x, 1 to send" in listed.stdout and b"network error" in listed.stdout
    env.double.fault(503, r"/issues", count=None)
    assert env.run("capture", "flush").returncode == 1  # a 5xx: still spooled
    env.double.clear_faults()
    flushed = env.run("capture", "flush")
    assert flushed.returncode == 0 and b"created http" in flushed.stdout
    assert len(env.issues()) == 1
    (row,) = env.spool().rows()
    assert row.pending == 0 and row.issue_url.endswith("/issues/1")
    assert env.run("capture", "clear").stdout == b"cleared 1 spooled failure(s)\n"


def test_no_token_spools_and_says_how_to_give_one(env: Env) -> None:
    bare = {k: v for k, v in env.vars.items() if k != "AUTOHEAL_TOKEN"}
    proc = subprocess.run(
        [sys.executable, "-m", "autoheal", "run", "--", sys.executable, "-c", TRACEBACK],
        env={**bare, "PATH": os.path.dirname(sys.executable)},  # no gh on PATH
        cwd=env.cwd,
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 1 and "no token" in last_line(proc) and env.issues() == []


def test_a_secret_in_the_output_or_command_is_redacted(env: Env) -> None:
    code = (
        "import os, sys; print('using', os.environ['MY_SERVICE_TOKEN']); "
        "print('auth header: Bearer abcdefghijklmnopqrstuvwxyz0123'); sys.exit(2)"
    )
    secret = "s3cr3t-value-42"
    pat = "ghp_" + "a" * 36
    env.run("run", "--", sys.executable, "-c", code, f"--token={pat}", MY_SERVICE_TOKEN=secret)
    (issue,) = env.issues()
    assert secret not in issue.body and pat not in issue.body and "abcdefghijklmnopqrstuvwxyz0123" not in issue.body
    # One mask wherever a secret was, the output's and the command's alike (they used to differ).
    assert "using [redacted]" in issue.body and "--token=[redacted]" in issue.body
    assert "***" not in issue.body and "\\*\\*\\*" not in issue.body
    assert "MY_SERVICE_TOKEN=" not in issue.body  # not allow-listed, and named like a secret


def test_dry_run_prints_the_issue_and_touches_nothing(env: Env, tmp_path: Path) -> None:
    proc = env.run(
        "run", "--dry-run", "--labels", "team-x", "--", sys.executable, "-c", TRACEBACK, AUTOHEAL_ENABLED="0"
    )
    assert proc.returncode == 1
    text = proc.stderr.decode()
    assert "[dry-run] would file on octo-org/octo-repo" in text and "'team-x'" in text and "<!-- autoheal:v1" in text
    assert env.double.calls() == [] and not (tmp_path / "data").exists()


def test_the_same_failure_in_ci_and_locally_lands_on_one_issue(env: Env) -> None:
    from autoheal import config
    from autoheal.github_api import Client
    from autoheal.issuefiling import file_issue
    from autoheal.issues import ReportOptions
    from autoheal.issuesink import IssueSink
    from autoheal.logsource import bytes_doc
    from autoheal.render import RunContext
    from autoheal.triage import triage_docs
    from tests.double import timestamped

    log = timestamped(["##[group]Run pytest", "E   ModuleNotFoundError: No module named 'yaml'", "##[error]exit 1"])
    diagnosis = triage_docs([bytes_doc("test.txt", log.encode(), job="test")], config.load(None).ruleset, "test")
    client = Client(REPO, env.double.token, env.double.url, retries=0)
    ci = file_issue(
        IssueSink(client, False, print), diagnosis, RunContext(repo=REPO, run_id=7, run_attempt=1), ReportOptions()
    )
    assert ci.result == "created"
    proc = env.run("run", "--", sys.executable, "-c", TRACEBACK)
    assert last_line(proc) == f"autoheal: counted on {ci.issue_url}"
    (issue,) = env.issues()
    meta = metadata.extract(issue.body)
    assert meta and meta["occurrences"] == 2 and meta["source"] == "cli" and meta["run_id"] == 7
    assert "from the command line" in issue.comments[-1].body


PYTHON_APP = """\
import logging, os, sys
from autoheal import capture
if os.environ.get("HOOK"): capture.install(version="2.5.0")
logging.warning("loading the config")
print("starting")
import yaml_missing_for_capture
"""


def test_the_python_hook_reports_and_changes_neither_status_nor_output(env: Env, tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(PYTHON_APP)
    plain = subprocess.run([sys.executable, str(app)], env=env.vars, cwd=tmp_path, capture_output=True, check=False)
    hooked = subprocess.run(
        [sys.executable, str(app)], env={**env.vars, "HOOK": "1"}, cwd=tmp_path, capture_output=True, check=False
    )
    assert (hooked.returncode, hooked.stdout, hooked.stderr) == (plain.returncode, plain.stdout, plain.stderr)
    assert plain.returncode == 1 and b"ModuleNotFoundError" in plain.stderr
    (issue,) = env.issues()
    assert "autoheal:dependency.missing" in issue.labels and "cli-error" in issue.labels
    assert "WARNING root: loading the config" in issue.body and "`2.5.0`" in issue.body


def test_the_python_api_decorator_and_block(env: Env, tmp_path: Path) -> None:
    app = tmp_path / "api.py"
    app.write_text(
        textwrap.dedent(
            """
            from autoheal import capture

            @capture.on_error
            def work():
                raise PermissionError("[Errno 13] Permission denied: '/etc/shadow'")

            try:
                work()
            except PermissionError:
                print("caught")
            try:
                with capture.errors(command="sync job"):
                    raise RuntimeError("sync failed: connection reset")
            except RuntimeError:
                print("caught again")
            print(capture.report(ValueError("by hand")).split(" ")[1])
            """
        )
    )
    proc = subprocess.run([sys.executable, str(app)], env=env.vars, cwd=tmp_path, capture_output=True, check=False)
    assert proc.returncode == 0 and proc.stdout.decode().splitlines() == ["caught", "caught again", "filed"]
    commands = sorted(i.body.split("**Command:** ")[1].split("\n")[0] for i in env.issues())
    assert len(commands) == 3 and "`sync job`" in commands


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")
def test_on_a_terminal_the_command_still_sees_a_tty(env: Env) -> None:
    import pty

    master, slave = pty.openpty()
    code = "import os, sys; print('tty', os.isatty(0), os.isatty(1)); sys.exit(4)"
    proc = subprocess.Popen(
        [sys.executable, "-m", "autoheal", "run", "--", sys.executable, "-c", code],
        env={**env.vars, "AUTOHEAL_ENABLED": "0"},
        cwd=env.cwd,
        stdin=slave,
        stdout=slave,
        stderr=slave,
    )
    os.close(slave)
    seen = drain(master)
    assert proc.wait(timeout=60) == 4 and b"tty True True" in seen
    os.close(master)
    # Enabled, on a pty of its own: still a terminal, output still arrives, the status passes on.
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "autoheal", "run", "--", sys.executable, "-c", code],
        env=env.vars,
        cwd=env.cwd,
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
    )
    os.close(slave)
    seen = drain(master)
    assert proc.wait(timeout=60) == 4 and b"tty False True" in seen
    os.close(master)
    (issue,) = env.issues()
    assert "tty False True" in issue.body


def test_config_commands_show_sources_and_never_the_token(env: Env) -> None:
    assert env.run("config", "disable").returncode == 0
    assert env.run("config", "set", "max-log-lines", "50").returncode == 0
    assert env.run("config", "get", "max-log-lines").stdout == b"50\n"
    status = env.run("config", "status", "--json", GITHUB_TOKEN="ghs_secretvalue123").stdout.decode()
    assert env.double.token not in status and "ghs_secretvalue123" not in status
    assert '"source": "AUTOHEAL_TOKEN"' in status and '"source": "environment"' in status  # AUTOHEAL_ENABLED=1
    text = env.run("config", "status", AUTOHEAL_ENABLED="").stdout.decode()
    assert text.startswith("capture: disabled (from user file") and "max-log-lines: 50  (user file" in text
    bad = env.run("config", "set", "max-log-lines", "many")
    assert bad.returncode == 2 and b"must be a whole number" in bad.stderr
    assert env.double.token not in (env.tmp / "config" / "autoheal" / "config.toml").read_text()
