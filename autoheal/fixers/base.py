"""What every fixer receives, and the safe ways to read a checkout.

Captures come from logs an attacker can write to (a pull request's test output
is enough), so every path a fixer reads goes through :func:`safe_path`: it
refuses absolute paths, ``..`` parts, and symlinks that lead out of the
workspace. Fixers only read; one place applies the changes they return.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from autoheal.models import Diagnosis
from autoheal.normalize import strip_ansi

# Larger files are not source a fixer should edit (and reading them costs memory).
MAX_FILE_BYTES = 1_000_000
WORKFLOW_DIR = ".github/workflows"


@dataclass(frozen=True)
class FixContext:
    """A diagnosis and the checkout it is about; ``workspace`` is read only."""

    diagnosis: Diagnosis
    workspace: Path
    workflow_path: str | None = None
    job: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    # Current releases the heal flow looked up before the fixers ran ("npm:axios" -> "1.7.7"),
    # so fixers stay pure (issue 12); ``online`` is False when no registry could be asked.
    releases: Mapping[str, str] = field(default_factory=dict)
    online: bool = False

    @property
    def job_hint(self) -> str | None:
        """The failing job as the caller or triage named it."""
        return self.job or self.diagnosis.job


def current_release(ctx: FixContext, ecosystem: str, name: str) -> str | None:
    """The current release of ``name`` the heal flow looked up, or None (offline or unknown)."""
    return ctx.releases.get(f"{ecosystem}:{name}")


def safe_path(workspace: Path, rel: str) -> Path | None:
    """``workspace / rel`` when it stays inside the workspace, else None."""
    if not rel or "\0" in rel or "\\" in rel:
        return None
    parts = PurePosixPath(rel).parts
    if PurePosixPath(rel).is_absolute() or ".." in parts or re.match(r"[A-Za-z]:", rel):
        return None
    root = workspace.resolve()
    path = workspace.joinpath(*parts)
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # symlink loops
        return None
    return path if resolved == root or root in resolved.parents else None


def read_text(workspace: Path, rel: str) -> str | None:
    """A UTF-8 file's exact text (line endings kept), or None if unsafe or unreadable."""
    path = safe_path(workspace, rel)
    if path is None or not path.is_file():
        return None
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def exists(workspace: Path, rel: str) -> bool:
    path = safe_path(workspace, rel)
    return path is not None and path.exists()


def workflow_files(workspace: Path) -> list[str]:
    """Repo-relative paths of the workflow files, sorted."""
    folder = safe_path(workspace, WORKFLOW_DIR)
    if folder is None or not folder.is_dir():
        return []
    names = sorted(p.name for p in folder.iterdir() if p.suffix in (".yml", ".yaml"))
    return [f"{WORKFLOW_DIR}/{name}" for name in names if safe_path(workspace, f"{WORKFLOW_DIR}/{name}")]


def log_text(diagnosis: Diagnosis) -> str:
    """The excerpt, title and summary as one text without colour codes."""
    lines = [line.text for line in diagnosis.excerpt] + [diagnosis.title, diagnosis.summary]
    return strip_ansi("\n".join(lines))


def find_in_log(
    diagnosis: Diagnosis, names: tuple[str, ...], guard: re.Pattern[str], *patterns: re.Pattern[str]
) -> str | None:
    """A value the log states, when ``guard`` shows the log is the right kind.

    Triage's captures come from the rule that fired, on the root-cause line (the
    diagnosis's summary). The first of ``names`` it captured is the answer when
    ``guard`` matches that line; when it does not, the rule named a module of
    another kind (a Node rule's ``module`` for a Python fixer) and the failure is
    not this fixer's, whatever else the excerpt holds. Without such a capture,
    group 1 of the first pattern matching the root-cause line, then the excerpt.
    """
    root = strip_ansi(diagnosis.summary)
    captured = next((diagnosis.captures[n] for n in names if diagnosis.captures.get(n)), None)
    if captured:
        return captured if guard.search(root) else None
    text = log_text(diagnosis)
    if not guard.search(text):
        return None
    match = next((m for source in (root, text) for m in (p.search(source) for p in patterns) if m), None)
    return match.group(1) if match else None


# PEP 508 names (what PyPI accepts): ASCII letters and digits, with . _ - inside.
# https://packaging.python.org/en/latest/specifications/name-normalization/
_PYPI_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")
# npm names for new packages: lowercase, URL-safe, no leading . or _, at most 214 characters
# including the optional @scope/ (https://docs.npmjs.com/cli/v10/configuring-npm/package-json#name).
_NPM_NAME = re.compile(r"(?:@[a-z0-9-][a-z0-9._-]*/)?[a-z0-9-][a-z0-9._-]*")
NPM_NAME_MAX = 214


def pypi_name_ok(name: str) -> bool:
    """Whether PyPI could hold a distribution of this name (look-alike letters cannot)."""
    return bool(_PYPI_NAME.fullmatch(name))


def npm_name_ok(name: str) -> bool:
    """Whether npm accepts this name for a package published today."""
    return len(name) <= NPM_NAME_MAX and bool(_NPM_NAME.fullmatch(name))


def lines_of(text: str) -> list[str]:
    """Lines with their endings, split at ``\\n`` only (str.splitlines also splits at \\f, \\x1c...)."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def newline_of(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def option_number(ctx: FixContext, name: str, default: float) -> float | None:
    """A numeric option, or None when it is not a positive number."""
    value = ctx.options.get(name, default)
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if number > 0 else None


@functools.cache
def data_table(name: str) -> Mapping[str, Any]:
    """A JSON table shipped in ``autoheal/data`` (its ``_comment`` key documents it)."""
    text = (resources.files("autoheal") / "data" / name).read_text(encoding="utf-8")
    table = json.loads(text)
    return {key: value for key, value in table.items() if key != "_comment"}
