"""Declare an npm package that ``require``/``import`` could not find.

Applies to ``Cannot find module 'x'``, ``Cannot find package 'x'`` (ESM) and
webpack's ``Can't resolve 'x'``. Deep imports name their package
(``lodash/fp`` -> ``lodash``, ``@scope/pkg/sub`` -> ``@scope/pkg``). Declines for
relative and absolute paths, Node built-ins (``fs``, ``node:fs``), names that
are not npm names, path aliases that resolve in the repository (``src/x``,
``@/x``) and the package itself.

Also TypeScript's ``error TS2307: Cannot find module 'x'`` for a package name.
Only the name the log states is added, never a "did you mean" (typosquats).

The package is added to the ``package.json`` the failure is about
(``node_manifest``: the log's require stack or file paths, else the job's
``working-directory`` / ``--prefix``, else the root): to ``devDependencies``
when the failing step's name or command says it tests, lints, type-checks,
formats or builds docs, a test file loaded it, or the package is
``@types/*``; to ``dependencies`` otherwise. The version is ``^X.Y.Z`` of the
current release when the heal flow looked it up (``FixContext.releases``, what
``npm install x`` writes), else ``"*"``, and the PR says autoheal was offline. The entry goes in alphabetical order when the block is sorted,
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

from autoheal.fixers import installs, jsonedit, node_manifest
from autoheal.fixers.base import FixContext, current_release, exists, find_in_log, log_text, npm_name_ok, read_text
from autoheal.proposals import Change, FixDeclined, FixProposal

ID = "node-dependency"
# TypeScript's TS2307 for a package is triaged as a compile error; it is a missing dependency too.
CATEGORIES = frozenset({"dependency.missing", "compile.error"})
DOC: str = __doc__ or ""

_MISSING = (
    re.compile(r"error TS2307: Cannot find module '([^'\s]{1,300})'"),
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
    specifier = _specifier(ctx)
    if not specifier:
        return FixDeclined(ID, "the log does not name a missing Node module", applies=False)
    package = package_name(specifier)
    if isinstance(package, FixDeclined):
        return package
    folder = node_manifest.manifest_dir(ctx)
    path = installs.join(folder, "package.json") if folder else "package.json"
    text = read_text(ctx.workspace, path)
    manifest = _load_manifest(text)
    if text is None or manifest is None:
        return FixDeclined(ID, "no package.json (a non-empty JSON object) at the repository root or where the job runs")
    declined = _check_applies(ctx, package, manifest, folder or "", path)
    if declined:
        return declined
    dev = _dev_from_context(ctx, package)
    block = "devDependencies" if dev else "dependencies"
    version, how = _version(ctx, package)
    new = jsonedit.add_to_object(text, block, package, version)
    change = Change(path, text, new, f"add {package} to {block}")
    explanation = (
        f"The job could not load {specifier!r} from the {package} package. This adds it to {path} {block} {how}"
    )
    return FixProposal(ID, (change,), f"deps: add {package} to {block}", explanation)


def _specifier(ctx: FixContext) -> str | None:
    # TS2307 first: the capture of a compile-error rule is not a module name.
    ts = _MISSING[0].search(log_text(ctx.diagnosis))
    if ts:
        return ts.group(1)
    if ctx.diagnosis.category != "dependency.missing":
        return None
    return find_in_log(ctx.diagnosis, ("package", "module"), _GUARD, *_MISSING[1:])


def _version(ctx: FixContext, package: str) -> tuple[str, str]:
    """``^current`` when the heal flow looked the release up (``npm install`` writes the same), else ``*``."""
    release = current_release(ctx, "npm", package)
    if release:
        return f"^{release}", f"as ^{release}, the current release. Run `npm install` to update the lockfile."
    why = "autoheal could not reach the npm registry" if not ctx.online else "the npm registry did not answer for it"
    return "*", (
        f'as "*" (any version; {why}): run `npm install {package}` to pin the current '
        "release and update the lockfile before merging."
    )


def wanted_releases(ctx: FixContext) -> list[tuple[str, str]]:
    """The npm name whose current release the heal flow may look up before ``fix`` (exactly the log's)."""
    specifier = _specifier(ctx)
    package = package_name(specifier) if specifier else None
    return [("npm", package)] if isinstance(package, str) else []


def _dev_from_context(ctx: FixContext, package: str) -> bool:
    """Whether the file that loaded it is a test file; without a path, what the step says it does."""
    loaded_by_test = node_manifest.dev_evidence(ctx)
    if package.startswith("@types/") or loaded_by_test is not None:
        return package.startswith("@types/") or bool(loaded_by_test)
    runs = node_manifest.step_runs(ctx)[-1:]
    return dev_dependency(ctx.diagnosis.step, package) or any(_DEV_STEP.search(r) for r in runs)


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


def _check_applies(
    ctx: FixContext, package: str, manifest: dict[str, object], folder: str, path: str
) -> FixDeclined | None:
    first = package.split("/")[0]
    local = [installs.join(folder, p) if folder else p for p in (first, f"src/{first}")]
    if package == manifest.get("name") or any(exists(ctx.workspace, p) for p in local):
        return FixDeclined(ID, f"{package!r} is part of this repository (first-party), not a dependency")
    for block in _DEP_BLOCKS:
        deps = manifest.get(block)
        if isinstance(deps, dict) and package in deps:
            return FixDeclined(
                ID,
                f"{package} is already in {path} {block}; check that the failing step runs npm install/ci first",
            )
    lockfile = next((f for f in LOCKFILES if exists(ctx.workspace, installs.join(folder, f) if folder else f)), None)
    if lockfile and ctx.options.get("node_allow_stale_lockfile") is not True:
        return FixDeclined(
            ID,
            f"{lockfile} must change with package.json and autoheal cannot run a package "
            f"manager: run `npm install {package}` (or yarn/pnpm add) and commit both",
        )
    return None
