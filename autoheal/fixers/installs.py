"""Where the failing job installs its Python dependencies from, read off its steps.

The install commands say which file and which section the job reads, so a new
requirement goes there (issue 12): ``pip install -r X`` and ``uv pip install
-r X`` (``X`` relative to the step's ``working-directory``), ``pip install -e
.[test]``, ``uv sync --extra dev`` / ``--group dev``, ``poetry install --with
test``, ``tox`` (the ``deps`` of ``tox.ini``) and ``nox`` (the ``-r`` files its
sessions install). Only the failing job's steps count when the job is known;
otherwise every job of every workflow does, in file order.
"""

from __future__ import annotations

import posixpath
import re
import shlex
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from autoheal.fixers import yamledit
from autoheal.fixers.base import FixContext, read_text, workflow_files

_PIP = re.compile(r"\b(?:pip[\d.]*|uv\s+pip)\s+install\b([^;&|\n]*)")
_UV_SYNC = re.compile(r"\buv\s+sync\b([^;&|\n]*)")
_POETRY = re.compile(r"\bpoetry\s+install\b([^;&|\n]*)")
_TOX = re.compile(r"(?:^|[\s;&|(])(?:python3? -m )?tox\b")
_NOX = re.compile(r"(?:^|[\s;&|(])(?:python3? -m )?nox\b")
_EXTRAS = re.compile(r"\.(?:/)?\[([\w,\s-]+)\]")
_NOX_REQ = re.compile(r"""session\.install\(\s*["'](?:-r|--requirement)["']\s*,\s*["']([^"']{1,200})["']""")


@dataclass(frozen=True)
class Install:
    """One source of dependencies a step installs.

    ``kind``: ``requirements`` (``path`` is the file), ``extra`` (a
    ``[project.optional-dependencies]`` group or setup.cfg extra of the project
    in ``path``'s folder), ``group`` (a PEP 735 ``[dependency-groups]`` group),
    ``poetry`` (a Poetry group; ``main`` for the main dependencies), ``tox``
    (``path`` is tox.ini). ``hashes`` is True for ``--require-hashes``.
    """

    kind: str
    path: str
    group: str | None = None
    hashes: bool = False


def installs(ctx: FixContext) -> list[Install]:
    """Every install of the failing job (or of all jobs when it is unknown), in step order."""
    found: list[Install] = []
    for run, folder in run_steps(ctx):
        found += list(_from_run(ctx, run, folder))
    return list(dict.fromkeys(found))


def run_steps(ctx: FixContext) -> Iterator[tuple[str, str]]:
    """(run text, working directory) of each step that runs a command."""
    located = yamledit.locate_job(ctx)
    if isinstance(located, tuple):
        jobs: list[Any] = [located[0].jobs[located[1]]]
    else:
        paths = [ctx.workflow_path] if ctx.workflow_path else workflow_files(ctx.workspace)
        loaded = [yamledit.load_workflow(ctx, p) for p in paths]
        jobs = [job for w in loaded if w for job in w.jobs.values()]
    for job in jobs:
        if isinstance(job, Mapping):
            yield from _job_runs(job)


def _job_runs(job: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    default = _working_directory(job.get("defaults"))
    for step in job.get("steps") or []:
        if isinstance(step, Mapping) and isinstance(step.get("run"), str):
            folder = step.get("working-directory")
            yield step["run"], _clean_dir(folder if isinstance(folder, str) else default)


def _working_directory(defaults: Any) -> str:
    run = defaults.get("run") if isinstance(defaults, Mapping) else None
    folder = run.get("working-directory") if isinstance(run, Mapping) else None
    return folder if isinstance(folder, str) else ""


def _clean_dir(folder: str) -> str:
    if not folder or "${{" in folder or folder.startswith("/"):
        return ""
    cleaned = posixpath.normpath(folder)
    return "" if cleaned in (".", "") or cleaned.startswith("..") else cleaned


def join(folder: str, rel: str) -> str:
    """``rel`` inside ``folder``, normalised (``requirements/../base.txt`` -> ``base.txt``)."""
    return posixpath.normpath(posixpath.join(folder, rel)) if folder else posixpath.normpath(rel)


def _tokens(args: str) -> list[str]:
    try:
        return shlex.split(args, comments=True)
    except ValueError:
        return []


def _from_run(ctx: FixContext, run: str, folder: str) -> Iterator[Install]:
    text = re.sub(r"\\\r?\n", " ", run)
    for match in _PIP.finditer(text):
        tokens = _tokens(match.group(1))
        hashes = "--require-hashes" in tokens
        for path in requirement_args(tokens):
            yield Install("requirements", join(folder, path), hashes=hashes)
        for extra in _extras(tokens):
            yield Install("extra", join(folder, "pyproject.toml"), extra)
    for match in _UV_SYNC.finditer(text):
        yield from _uv_sync(_tokens(match.group(1)), folder)
    for match in _POETRY.finditer(text):
        yield from _poetry(_tokens(match.group(1)), folder)
    if _TOX.search(text):
        yield Install("tox", join(folder, "tox.ini"))
    if _NOX.search(text):
        noxfile = read_text(ctx.workspace, join(folder, "noxfile.py")) or ""
        for path in _NOX_REQ.findall(noxfile):
            yield Install("requirements", join(folder, path))


def requirement_args(tokens: list[str]) -> list[str]:
    """The files of ``-r X``, ``-rX`` and ``--requirement[=]X`` (no variables)."""
    found = []
    for index, token in enumerate(tokens):
        if token in ("-r", "--requirement") and index + 1 < len(tokens):
            found.append(tokens[index + 1])
        elif token.startswith("--requirement="):
            found.append(token.partition("=")[2])
        elif token.startswith("-r") and len(token) > 2 and not token.startswith("-r-"):
            found.append(token[2:])
    return [f for f in found if f and "$" not in f]


def _extras(tokens: list[str]) -> list[str]:
    groups = [m.group(1) for t in tokens for m in [_EXTRAS.fullmatch(t)] if m]
    return [e.strip() for g in groups for e in g.split(",") if e.strip()]


def _option_values(tokens: list[str], *names: str) -> list[str]:
    values = []
    for index, token in enumerate(tokens):
        name, eq, value = token.partition("=")
        if name in names:
            value = value if eq else (tokens[index + 1] if index + 1 < len(tokens) else "")
            values += [v.strip() for v in value.split(",") if v.strip()]
    return values


def _uv_sync(tokens: list[str], folder: str) -> Iterator[Install]:
    pyproject = join(folder, "pyproject.toml")
    for extra in _option_values(tokens, "--extra"):
        yield Install("extra", pyproject, extra)
    for group in _option_values(tokens, "--group", "--only-group"):
        yield Install("group", pyproject, group)


def _poetry(tokens: list[str], folder: str) -> Iterator[Install]:
    pyproject = join(folder, "pyproject.toml")
    only = _option_values(tokens, "--only")
    for group in _option_values(tokens, "--with") + only:
        yield Install("poetry", pyproject, group)
    if not only:
        yield Install("poetry", pyproject, "main")
