"""Which ``package.json`` a Node failure is about, and whether it is a dev dependency.

Most specific evidence first (issue 12): the paths in the log (the require
stack, ``imported from /home/runner/work/repo/repo/web/src/x.js``, a
TypeScript ``src/x.ts(1,2)`` location) lead to the nearest ``package.json``
above them; then the failing job's ``working-directory`` or ``--prefix`` /
``--cwd`` of its npm, yarn or pnpm steps; then the repository root.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from autoheal.fixers import installs
from autoheal.fixers.base import FixContext, log_text, read_text

# The checkout on GitHub's runners: /home/runner/work/<repo>/<repo>/ (Linux), /Users/runner/work (macOS),
# /__w/<repo>/<repo>/ (container jobs).
_CHECKOUT_PATH = re.compile(
    r"(?:/home/runner/work|/Users/runner/work|/__w)/[^/\s]{1,100}/[^/\s]{1,100}/([^\s'\"():,]{1,300})"
)
_TS_LOCATION = re.compile(r"(?m)^\s*([\w./-]{1,300}\.[cm]?tsx?)\(\d+,\d+\): error TS")
_NODE_TOOL = re.compile(r"\b(?:npm|npx|yarn|pnpm|node|bun|tsc|jest|vitest|mocha)\b")
_PREFIX = re.compile(r"(?:--prefix|--cwd|-C|--dir)[= ]([\w./-]{1,200})")
# Test files and the config files of dev tools (eslint.config.js, jest.config.ts, .eslintrc.cjs).
_DEV_PATH = re.compile(
    r"(?:^|/)(?:tests?|__tests__|spec|e2e|cypress)/|\.(?:test|spec)\.[cm]?[jt]sx?$"
    r"|(?:^|/)\.?(?:eslint|prettier|jest|vitest|vite|webpack|babel|rollup|playwright|cypress|stylelint"
    r"|commitlint|tailwind|postcss|karma)(?:\.config|rc)?(?:\.[\w-]+)?\.[cm]?[jt]s$"
)


def log_paths(ctx: FixContext) -> list[str]:
    """Repository-relative paths the log mentions, in order."""
    text = log_text(ctx.diagnosis)
    found = [m.group(1) for m in _CHECKOUT_PATH.finditer(text)] + _TS_LOCATION.findall(text)
    return [p for p in dict.fromkeys(posixpath.normpath(p) for p in found) if not p.startswith("..")]


def manifest_dir(ctx: FixContext) -> str | None:
    """The folder ("" for the root) of the package.json to edit, or None without one."""
    for path in log_paths(ctx):
        if "node_modules" in path.split("/"):
            continue
        folder = _nearest(ctx, posixpath.dirname(path))
        if folder is not None:
            return folder
    for folder in _step_folders(ctx):
        if read_text(ctx.workspace, installs.join(folder, "package.json")) is not None:
            return folder
    return "" if read_text(ctx.workspace, "package.json") is not None else None


def _nearest(ctx: FixContext, folder: str) -> str | None:
    while True:
        if read_text(ctx.workspace, installs.join(folder, "package.json")) is not None:
            return "" if folder in ("", ".") else folder
        if folder in ("", ".", "/"):
            return None
        folder = posixpath.dirname(folder)


def _step_folders(ctx: FixContext) -> Iterator[str]:
    for run, folder in installs.run_steps(ctx):
        if _NODE_TOOL.search(run):
            prefix = _PREFIX.search(run)
            yield installs.join(folder, prefix.group(1)) if prefix else folder


def step_runs(ctx: FixContext) -> list[str]:
    """The names and commands of the steps the log shows running (``Run npm test``)."""
    text = log_text(ctx.diagnosis)
    return re.findall(r"(?m)^(?:##\[group\])?Run (.{1,200})$", text)


def dev_evidence(ctx: FixContext) -> bool | None:
    """Whether the file that loaded the module (the log's first path) is a test file; None without one."""
    paths = [p for p in log_paths(ctx) if "node_modules" not in p.split("/")]
    return bool(_DEV_PATH.search(paths[0])) if paths else None
