"""Report mode's config when the job has no checkout: read it through the contents API.

The shipped report workflow checks nothing out (report never runs the failed run's code), so
``.github/autoheal.yml`` is not on disk. It is then read at the default branch with
``GET /repos/{o}/{r}/contents/{path}?ref=`` (one call; 404 means no config) — the default
branch, not the run's commit, so a pull request cannot change how its own failure is reported.
A ``templates`` directory the config names is fetched the same way into a temporary
directory (one call for the listing, one per template file).
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from autoheal import config
from autoheal.errors import ConfigError
from autoheal.github_api import Client

_TEMPLATE_NAME = re.compile(r"[A-Za-z0-9_.-]+\.j2")


@dataclass(frozen=True)
class Loaded:
    config: config.Config
    origin: str  # for the job summary: which file, from where

    @property
    def summary(self) -> str:
        return f"Config: {self.origin}"


def load(client: Client, path: str | None, default_branch: Callable[[], str], root: Path = Path(".")) -> Loaded:
    """The config from the workspace when it is there, else from the API at the default branch."""
    target = Path(path) if path is not None else root / config.DEFAULT_PATH
    if target.exists():
        return Loaded(config.load(path, root), f"`{target.as_posix()}` (workspace)")
    relative = _repo_path(path if path is not None else config.DEFAULT_PATH.as_posix())
    ref = default_branch()
    text = client.file_text(relative, ref)
    if text is None:
        if path is not None:
            raise ConfigError(f"{path}: config file not found in the workspace nor in the repository at {ref}")
        return Loaded(config.load(None, root), f"built-in defaults (no `{relative}` in the workspace or at `{ref}`)")
    scratch = Path(tempfile.mkdtemp(prefix="autoheal-config-"))
    atexit.register(shutil.rmtree, scratch, True)
    cfg = config.load_text(text, f"{relative}@{ref}", scratch)
    origin = f"`{relative}` (API at `{ref}`)"
    if cfg.templates is not None:
        folder = cfg.templates.relative_to(scratch).as_posix()
        if not _fetch_templates(client, _repo_path(folder), ref, cfg.templates):
            cfg = replace(cfg, templates=None)
            origin += f"; its templates directory `{folder}` is not at `{ref}`, default templates used"
    return Loaded(cfg, origin)


def _repo_path(path: str) -> str:
    """A path inside the repository, or a ConfigError (no absolute paths, no ``..``)."""
    pure = PurePosixPath(path.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise ConfigError(f"{path}: must be a path inside the repository")
    return pure.as_posix()


def _fetch_templates(client: Client, folder: str, ref: str, into: Path) -> bool:
    files = client.dir_files(folder, ref)
    if files is None:
        return False
    into.mkdir(parents=True, exist_ok=True)
    for file in files:
        name = PurePosixPath(file).name
        if _TEMPLATE_NAME.fullmatch(name):  # only template files, never a path out of the folder
            text = client.file_text(file, ref)
            if text is not None:
                (into / name).write_text(text, encoding="utf-8")
    return True
