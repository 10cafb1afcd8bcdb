"""Declare a Python package that an import could not find.

Applies to ``ModuleNotFoundError: No module named 'x'``. The import name is
mapped to its PyPI distribution with a shipped table of names that differ
(``autoheal/data/import_names.json``: ``yaml`` -> PyYAML, ``cv2`` ->
opencv-python, longest dotted prefix first, so ``google.protobuf`` ->
protobuf); other names are their own distribution. Declines for the standard
library, for modules of the project itself (a ``x/`` or ``x.py`` at the root or
under ``src/``, or the project's own name), for namespace roots such as
``google`` without a known sub-package, and for names that are not identifiers.

The requirement goes, in this order, into: the requirements file the failing
workflow installs (``pip install -r X``, first one found); ``pyproject.toml``
``[project]`` (the optional-dependency group the workflow installs, as in
``pip install -e .[test]``, else ``dependencies``); ``setup.cfg``
``install_requires`` (or that ``extras_require`` group); ``requirements.txt``.
It is the bare name, without a version: autoheal cannot ask PyPI which release
works, so the PR asks a maintainer to pin it. Declines when the name is
already declared anywhere in that file (then the install step, not the
declaration, is what broke).
"""

from __future__ import annotations

import posixpath
import re
import shlex
import sys

from autoheal.fixers import python_manifests as manifests
from autoheal.fixers.base import FixContext, data_table, exists, find_in_log, pypi_name_ok, read_text
from autoheal.models import Change, FixDeclined, FixProposal

ID = "python-dependency"
CATEGORIES = frozenset({"dependency.missing"})
DOC: str = __doc__ or ""

_MISSING = (re.compile(r"No module named '([^']{1,200})'"), re.compile(r"No module named ([\w.]{1,200})"))
_GUARD = re.compile(r"No module named|ModuleNotFoundError")
# ASCII only: Python allows other letters in identifiers, PyPI does not in names, and a
# look-alike letter (Cyrillic "а" for "a") would name someone else's package.
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*", re.ASCII)
_PIP_INSTALL = re.compile(r"\bpip[\d.]*\s+install\b([^;&|\n]*)")
_EXTRAS = re.compile(r"\.(?:/)?\[([\w,\s-]+)\]")
# Removed from the standard library (PEP 594, 632) or Python 2 only: not a missing dependency.
_FORMER_STDLIB = frozenset(
    {
        "aifc",
        "asynchat",
        "asyncore",
        "audioop",
        "cgi",
        "cgitb",
        "chunk",
        "crypt",
        "imghdr",
        "imp",
        "lib2to3",
        "mailcap",
        "msilib",
        "nis",
        "nntplib",
        "ossaudiodev",
        "pipes",
        "smtpd",
        "sndhdr",
        "spwd",
        "sunau",
        "telnetlib",
        "uu",
        "xdrlib",
        "ConfigParser",
        "Queue",
        "StringIO",
        "Tkinter",
        "__builtin__",
        "cPickle",
        "cStringIO",
        "commands",
        "httplib",
        "urllib2",
        "urlparse",
        "HTMLParser",
        "SocketServer",
    }
)
_NAMESPACE_ROOTS = frozenset({"google", "azure", "opentelemetry", "jaraco", "zope", "sphinxcontrib", "backports"})
_SOURCE_ROOTS = ("", "src/")


def fix(ctx: FixContext) -> FixProposal | FixDeclined:
    module = find_in_log(ctx.diagnosis, ("module",), _GUARD, *_MISSING)
    if not module:
        return FixDeclined(ID, "the log does not name a missing Python module", applies=False)
    if not _IDENTIFIER.fullmatch(module):
        return FixDeclined(
            ID, f"{ascii(module[:80])} is not a Python module name of ASCII letters, digits and _ (as PyPI names are)"
        )
    distribution = distribution_for(module)
    if isinstance(distribution, str) and not pypi_name_ok(distribution):
        distribution = FixDeclined(ID, f"{ascii(distribution[:80])} is not a valid PyPI distribution name")
    if isinstance(distribution, str) and _is_first_party(ctx, module.split(".")[0]):
        distribution = FixDeclined(ID, f"{module!r} is part of this project (first-party), not a dependency")
    if isinstance(distribution, FixDeclined):
        return distribution
    return _declare(ctx, module, distribution)


def distribution_for(module: str) -> str | FixDeclined:
    """The PyPI distribution that provides ``module``, or why autoheal will not say."""
    table = data_table("import_names.json")
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in table:
            return str(table[".".join(parts[:end])])
    top = parts[0]
    if top in sys.stdlib_module_names or top in _FORMER_STDLIB:
        return FixDeclined(
            ID,
            f"{module!r} is (or was) in the Python standard library; "
            "check the Python version rather than the dependencies",
        )
    if top in _NAMESPACE_ROOTS or top.startswith("_"):
        return FixDeclined(ID, f"cannot tell which distribution provides {module!r}")
    return top


def _is_first_party(ctx: FixContext, top: str) -> bool:
    paths = [f"{root}{top}{suffix}" for root in _SOURCE_ROOTS for suffix in ("", ".py")]
    return any(exists(ctx.workspace, p) for p in paths) or manifests.normalize(top) in _project_names(ctx)


def _project_names(ctx: FixContext) -> set[str]:
    names = manifests.project_names(read_text(ctx.workspace, "pyproject.toml") or "")
    setup_cfg = read_text(ctx.workspace, "setup.cfg") or ""
    names.update(re.findall(r"(?m)^\[metadata\][^\[]*?^name\s*=\s*(\S+)", setup_cfg))
    return {manifests.normalize(n) for n in names}


def _declare(ctx: FixContext, module: str, distribution: str) -> FixProposal | FixDeclined:
    requirement_files, extras = installs(read_text(ctx.workspace, ctx.workflow_path or "") or "")
    manifest = _choose_manifest(ctx, requirement_files, extras)
    if manifest is None:
        return FixDeclined(ID, "no requirements file, pyproject.toml [project] or setup.cfg install_requires found")
    text = read_text(ctx.workspace, manifest.path) or ""
    if manifests.normalize(distribution) in manifests.declared(manifest.kind, text):
        return FixDeclined(
            ID, f"{distribution} is already declared in {manifest.path}; check that the failing step installs it"
        )
    new = manifests.add(manifest, text, distribution)
    if new is None:
        return FixDeclined(ID, f"cannot edit {manifest.path} without reformatting it")
    change = Change(manifest.path, text, new, f"add {distribution} to {manifest.describe()}")
    explanation = (
        f"The job failed importing {module!r}, which the {distribution} distribution provides. "
        f"This adds {distribution} to {manifest.describe()}. It is unpinned: pin the version "
        "your project supports before merging."
    )
    return FixProposal(ID, (change,), f"deps: add {distribution}", explanation)


def installs(workflow_text: str) -> tuple[list[str], list[str]]:
    """Requirements files (``-r X``) and extras (``.[test]``) that pip installs in a workflow."""
    files: list[str] = []
    extras: list[str] = []
    for match in _PIP_INSTALL.finditer(re.sub(r"\\\r?\n", " ", workflow_text)):
        try:
            tokens = shlex.split(match.group(1), comments=True)
        except ValueError:
            continue
        files += _requirement_args(tokens)
        extras += [e.strip() for t in tokens for m in [_EXTRAS.fullmatch(t)] if m for e in m.group(1).split(",")]
    return list(dict.fromkeys(files)), list(dict.fromkeys(e for e in extras if e))


def _requirement_args(tokens: list[str]) -> list[str]:
    found = []
    for index, token in enumerate(tokens):
        if token in ("-r", "--requirement") and index + 1 < len(tokens):
            found.append(tokens[index + 1])
        elif token.startswith("--requirement="):
            found.append(token.partition("=")[2])
        elif token.startswith("-r") and len(token) > 2 and not token.startswith("-r-"):
            found.append(token[2:])
    return [posixpath.normpath(f) for f in found if f and "$" not in f]


def _choose_manifest(ctx: FixContext, files: list[str], extras: list[str]) -> manifests.Manifest | None:
    for path in files:
        if read_text(ctx.workspace, path) is not None:
            return manifests.Manifest(path, "requirements")
    layout = manifests.pyproject_layout(read_text(ctx.workspace, "pyproject.toml") or "")
    if layout is not None and (layout[0] or set(extras) & layout[1]):
        group = next((e for e in extras if e in layout[1]), None)
        return manifests.Manifest("pyproject.toml", "pyproject", group)
    setup_cfg = read_text(ctx.workspace, "setup.cfg")
    if setup_cfg is not None:
        has_main, groups = manifests.setup_cfg_groups(setup_cfg)
        group = next((e for e in extras if e in groups), None)
        if group or has_main:
            return manifests.Manifest("setup.cfg", "setup.cfg", group)
    if read_text(ctx.workspace, "requirements.txt") is not None:
        return manifests.Manifest("requirements.txt", "requirements")
    return None
