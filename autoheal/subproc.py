"""The one subprocess helper: ``cmd_output`` returns ``(rc, stdout, stderr)`` and, on failure,
raises a GitError whose text shows the command and both streams (as pre-commit's ``cmd_output``).

Every text it returns in an error goes through ``hide_secrets`` first: a caller passes the secrets
its command may print (a token, its base64 form), and none of them reaches a log.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from autoheal.errors import GitError

REDACTED = "***"
OUTPUT_LIMIT = 4_000  # characters of each stream kept in an error message


def hide_secrets(text: str, secrets: Sequence[str]) -> str:
    """``text`` with each of the given secrets replaced by ``***`` (the values a caller knows it
    passed in; redact.redact finds secret shapes in text it knows nothing about)."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


def _clip(text: str) -> str:
    text = text.strip()
    return text if len(text) <= OUTPUT_LIMIT else "\u2026" + text[-OUTPUT_LIMIT:]


def cmd_output(
    args: Sequence[str],
    cwd: Path,
    env: Mapping[str, str] | None = None,
    *,
    secrets: Sequence[str] = (),
    check: bool = True,
    timeout: float = 600,
) -> tuple[int, str, str]:
    """Run a command; (rc, stdout, stderr). With ``check``, a non-zero rc raises GitError."""
    full_env = {**os.environ, **(env or {})}
    try:
        proc = subprocess.run(
            list(args),
            cwd=cwd,
            env=full_env,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError:
        if not Path(cwd).is_dir():
            raise GitError(f"{cwd} is not a directory (running {' '.join(args[:2])} in it)") from None
        raise GitError(f"{args[0]} is not installed (running {' '.join(args[:2])})") from None
    except OSError as exc:  # a directory that is a file, a program that may not run: not a bug of ours
        raise GitError(f"cannot run {' '.join(args[:2])} in {cwd}: {exc.strerror or exc}") from None
    except subprocess.TimeoutExpired:
        raise GitError(hide_secrets(f"command timed out after {timeout:g}s: {' '.join(args)}", secrets)) from None
    if check and proc.returncode != 0:
        raise GitError(
            hide_secrets(
                f"command failed: {' '.join(args)}\nreturn code: {proc.returncode}\n"
                f"stdout: {_clip(proc.stdout) or '(none)'}\nstderr: {_clip(proc.stderr) or '(none)'}",
                secrets,
            )
        )
    return proc.returncode, proc.stdout, proc.stderr
