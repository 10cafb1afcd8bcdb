"""A fix's changes applied to a working tree (``apply_changes``: atomic, mode kept, never outside
the tree, never over a file that changed meanwhile) and verified there (``run_verify``: the
user's verify-command, without our tokens, killed with its children on timeout)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from autoheal.errors import AutohealError
from autoheal.fixers.base import safe_path
from autoheal.proposals import Change
from autoheal.subproc import OUTPUT_LIMIT, hide_secrets

VERIFY_TAIL_LINES = 60
# Environment a verify command does not get: it runs the repository's code, which needs no token.
_SECRET_ENV = frozenset(
    {
        "AUTOHEAL_TOKEN",
        "GITHUB_TOKEN",
        "GH_TOKEN",
        "INPUT_GITHUB-TOKEN",
        "ACTIONS_RUNTIME_TOKEN",
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
    }
)


def apply_changes(root: Path, changes: Sequence[Change]) -> None:
    """Write each change (temp file + ``os.replace``, mode kept); refuse paths leaving ``root``."""
    for change in changes:
        path = safe_path(root, change.path)
        if path is None:
            raise AutohealError(f"refusing to write {change.path!r}: it is outside the repository")
        current = path.read_bytes().decode("utf-8", "replace") if path.is_file() else None  # line ends kept
        if current != change.old:
            raise AutohealError(f"{change.path} changed while the fix was prepared; run heal again")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.autoheal-tmp")
        tmp.write_bytes(change.new.encode("utf-8"))
        if current is not None:
            shutil.copymode(path, tmp)
        os.replace(tmp, path)


@dataclass(frozen=True)
class VerifyFailure:
    command: str
    code: int | None  # None: timed out
    tail: str

    def describe(self) -> str:
        return "timed out" if self.code is None else f"exit code {self.code}"


def _tail(text: str, secrets: Sequence[str]) -> str:
    lines = hide_secrets(text, secrets).rstrip().splitlines()[-VERIFY_TAIL_LINES:]
    return "\n".join(lines)[-OUTPUT_LIMIT:]


def run_verify(
    command: str | None, cwd: Path, timeout: float = 600, secrets: Sequence[str] = ()
) -> VerifyFailure | None:
    """Run ``command`` with the shell in ``cwd``; the failure with its output's tail, or None.

    Not ``cmd_output``: on timeout the shell's children must die with it (its process group),
    and stdout and stderr are interleaved as the user would see them in a terminal.
    """
    if not command:
        return None
    env = {k: v for k, v in os.environ.items() if k not in _SECRET_ENV}
    proc = subprocess.Popen(
        command,
        shell=True,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole group: the shell's children too
        out, _ = proc.communicate()
        return VerifyFailure(command, None, _tail(out, secrets))
    return None if proc.returncode == 0 else VerifyFailure(command, proc.returncode, _tail(out, secrets))
