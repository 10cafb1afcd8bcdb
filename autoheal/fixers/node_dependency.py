"""Declare an npm package that ``require``/``import`` could not find.

Applies to ``Cannot find module 'x'``, ``Cannot find package 'x'`` (ESM) and
webpack's ``Can't resolve 'x'``. Deep imports name their package
(``lodash/fp`` -> ``lodash``, ``@scope/pkg/sub`` -> ``@scope/pkg``). Declines for
relative and absolute paths, Node built-ins (``fs``, ``node:fs``), names that
are not npm names, path aliases that resolve in the repository (``src/x``,
``@/x``) and the package itself.

The package is added to the root ``package.json``: to ``devDependencies`` when
the failing step's name says it tests, lints, type-checks, formats or builds
docs, or the package is ``@types/*``; to ``dependencies`` otherwise. The version
is ``"*"``: autoheal cannot ask the registry for the current release, ``*``
installs it, and the PR asks a maintainer to pin (``npm install x`` writes
``^X.Y.Z``). The entry goes in alphabetical order when the block is sorted,
else last; indentation and line endings are the file's own.

When a lockfile (package-lock.json, npm-shrinkwrap.json, yarn.lock,
pnpm-lock.yaml, bun.lockb) exists, the fixer declines by default: ``npm ci``
and frozen-lockfile installs fail when package.json and the lockfile disagree,
and only a package manager can update the lockfile. Set option
``node_allow_stale_lockfile: true`` to get the package.json edit anyway.
"""

from __future__ import annotations

import json
import re

from autoheal.fixers import jsonedit
from autoheal.fixers.base import FixContext, exists, find_in_log, npm_name_ok, read_text
from autoheal.models import Change, FixDeclined, FixProposal

ID = "node-dependency"
CATEGORIES = frozenset({"dependency.missing"})
DOC: str = __doc__ or ""

_MISSING = (
    re.compile(r"Cannot find (?:module|package) '([^'\s]{1,300})'"),
    re.compile(r"Can't resolve '([^'\s]{1,300})'"),
)
_GUARD = re.compile(r"Cannot find (?:module|package) '|Can't resolve '|ERR_MODULE_NOT_FOUND")
_DEV_STEP = re.compile(r"test|lint|spec|e2e|check|coverage|type|format|prettier|storybook|docs", re.I)
_DEP_BLOCKS = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")
LOCKFILES = ("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb")
BUILTINS = frozenset(
    {
        "assert",
        "async_hooks",
        "buffer",
        "child_process",
        "cluster",
        "console",
        "constants",
        "crypto",
        "dgram",
        "diagnostics_channel",
        "dns",
        "domain",
        "events",
        "fs",
        "http",
        "http2",
        "https",
        "inspector",
        "module",
        "net",
        "os",
        "path",
        "perf_hooks",
        "process",
        "punycode",
        "querystring",
        "readline",
        "repl",
        "stream",
        "string_decoder",
        "sys",
        "timers",
        "tls",
        "trace_events",
        "tty",
        "url",
        "util",
        "v8",
        "vm",
        "wasi",
        "worker_threads",
        "zlib",
    }
)


def fix(ctx: FixContext) -> FixProposal | FixDeclined:
    specifier = find_in_log(ctx.diagnosis, ("package", "module"), _GUARD, *_MISSING)
    if not specifier:
        return FixDeclined(ID, "the log does not name a missing Node module", applies=False)
    package = package_name(specifier)
    if isinstance(package, FixDeclined):
        return package
    text = read_text(ctx.workspace, "package.json")
    manifest = _load_manifest(text)
    if text is None or manifest is None:
        return FixDeclined(ID, "no package.json (a non-empty JSON object) at the repository root")
    declined = _check_applies(ctx, package, manifest)
    if declined:
        return declined
    block = "devDependencies" if dev_dependency(ctx.diagnosis.step, package) else "dependencies"
    new = jsonedit.add_to_object(text, block, package, "*")
    change = Change("package.json", text, new, f"add {package} to {block}")
    explanation = (
        f"The job could not load {specifier!r} from the {package} package. This adds it to "
        f'{block} as "*" (any version): run `npm install {package}` to pin the current '
        "release and update the lockfile before merging."
    )
    return FixProposal(ID, (change,), f"deps: add {package} to {block}", explanation)


def package_name(specifier: str) -> str | FixDeclined:
    """The npm package a module specifier loads from, or why it is not one."""
    if specifier.startswith((".", "/", "\\", "file:", "~")) or re.match(r"[A-Za-z]:[\\/]", specifier):
        return FixDeclined(ID, f"{specifier[:80]!r} is a relative or absolute path, not a package")
    if specifier.startswith("node:") or specifier.split("/")[0] in BUILTINS:
        return FixDeclined(ID, f"{specifier!r} is a Node built-in module")
    name = "/".join(specifier.split("/")[: 2 if specifier.startswith("@") else 1])
    if not npm_name_ok(name):
        return FixDeclined(
            ID,
            f"{ascii(specifier[:80])} is not an npm package name (lowercase ASCII letters, digits and -._, "
            "at most 214 characters, optionally @scope/)",
        )
    return name


def dev_dependency(step: str | None, package: str) -> bool:
    """devDependencies for type packages and for failures in test/lint/check steps."""
    return package.startswith("@types/") or bool(step and _DEV_STEP.search(step))


def _load_manifest(text: str | None) -> dict[str, object] | None:
    try:
        data = json.loads(text) if text is not None else None
    except ValueError:
        return None
    return data if isinstance(data, dict) and data else None


def _check_applies(ctx: FixContext, package: str, manifest: dict[str, object]) -> FixDeclined | None:
    first = package.split("/")[0]
    if package == manifest.get("name") or any(exists(ctx.workspace, p) for p in (first, f"src/{first}")):
        return FixDeclined(ID, f"{package!r} is part of this repository (first-party), not a dependency")
    for block in _DEP_BLOCKS:
        deps = manifest.get(block)
        if isinstance(deps, dict) and package in deps:
            return FixDeclined(
                ID,
                f"{package} is already in package.json {block}; check that the failing step runs npm install/ci first",
            )
    lockfile = next((f for f in LOCKFILES if exists(ctx.workspace, f)), None)
    if lockfile and ctx.options.get("node_allow_stale_lockfile") is not True:
        return FixDeclined(
            ID,
            f"{lockfile} must change with package.json and autoheal cannot run a package "
            f"manager: run `npm install {package}` (or yarn/pnpm add) and commit both",
        )
    return None
