"""Declare a Python package that an import could not find.

Applies to ``ModuleNotFoundError: No module named 'x'``. The import name is
mapped to its PyPI distribution with a shipped table of names that differ
(``autoheal/data/import_names.json``: ``yaml`` -> PyYAML, ``cv2`` ->
opencv-python, longest dotted prefix first, so ``google.protobuf`` ->
protobuf); other names are their own distribution. Declines for the standard
library, for modules of the project itself (a ``x/`` or ``x.py`` at the root or
under ``src/``, or the project's own name), for namespace roots such as
``google`` without a known sub-package, and for names that are not identifiers.

Namespace packages: ``cannot import name 'storage' from 'google.cloud'
(unknown location)``, or ``No module named 'google.cloud'`` with the
traceback's ``from google.cloud import storage``, name ``google.cloud.storage``
(-> google-cloud-storage).

The requirement goes where the failing job installs its dependencies from
(``python_targets``: the requirements file, extra, dependency group, Poetry
group or tox deps its install commands read, hash-checked files declined or
their pip-tools ``.in`` edited), else the project's main dependencies. It is
the bare name, without a version: the PR asks a maintainer to pin it. Poetry
needs a constraint: ``^X.Y.Z`` of the current release when the heal flow could
look it up (``FixContext.releases``), else ``"*"``. Declines when the name is
already declared there, includes followed (then the install step, not the
declaration, is what broke).
"""

from __future__ import annotations

import re
import sys

from autoheal.fixers import python_manifests as manifests
from autoheal.fixers import python_targets
from autoheal.fixers.base import (
    FixContext,
    current_release,
    data_table,
    exists,
    find_in_log,
    log_text,
    pypi_name_ok,
    read_text,
)
from autoheal.proposals import Change, FixDeclined, FixProposal

ID = "python-dependency"
CATEGORIES = frozenset({"dependency.missing"})
DOC: str = __doc__ or ""

_MISSING = (re.compile(r"No module named '([^']{1,200})'"), re.compile(r"No module named ([\w.]{1,200})"))
_GUARD = re.compile(r"No module named|ModuleNotFoundError")
_UNKNOWN_LOCATION = re.compile(r"cannot import name '(\w{1,100})' from '([\w.]{1,200})' \(unknown location\)")
_IMPORT_LINE = re.compile(
    r"^\s*(?:from\s+([\w.]{1,200})\s+import\s+\(?\s*([\w, ]{1,200})|import\s+([\w.]{1,200}))", re.M
)
# ASCII only: Python allows other letters in identifiers, PyPI does not in names, and a
# look-alike letter (Cyrillic "а" for "a") would name someone else's package.
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*", re.ASCII)
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
    module = _missing_module(ctx)
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


def _missing_module(ctx: FixContext) -> str | None:
    """The module the log failed to import; under a namespace root, as deep as the import line says."""
    text = log_text(ctx.diagnosis)
    unknown = _UNKNOWN_LOCATION.search(text)
    module = f"{unknown.group(2)}.{unknown.group(1)}" if unknown else None
    module = module or find_in_log(ctx.diagnosis, ("module",), _GUARD, *_MISSING)
    if module and module.split(".")[0] in _NAMESPACE_ROOTS:
        module = _deeper_import(text, module) or module
    return module


def _deeper_import(text: str, module: str) -> str | None:
    """``from google.cloud import storage`` in the traceback names ``google.cloud.storage``."""
    for match in _IMPORT_LINE.finditer(text):
        base, names = match.group(1) or match.group(3), match.group(2)
        full = f"{base}.{names.split(',')[0].strip()}" if names else base
        if full.startswith(module + ".") or (full == module and names is None):
            return full
    return None


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
    return top.replace("_", "-")  # PEP 503 treats them alike; PyPI's names use hyphens


def _is_first_party(ctx: FixContext, top: str) -> bool:
    paths = [f"{root}{top}{suffix}" for root in _SOURCE_ROOTS for suffix in ("", ".py")]
    return any(exists(ctx.workspace, p) for p in paths) or manifests.normalize(top) in _project_names(ctx)


def _project_names(ctx: FixContext) -> set[str]:
    names = manifests.project_names(read_text(ctx.workspace, "pyproject.toml") or "")
    setup_cfg = read_text(ctx.workspace, "setup.cfg") or ""
    names.update(re.findall(r"(?m)^\[metadata\][^\[]*?^name\s*=\s*(\S+)", setup_cfg))
    return {manifests.normalize(n) for n in names}


def _declare(ctx: FixContext, module: str, distribution: str) -> FixProposal | FixDeclined:
    target = python_targets.choose(ctx, distribution)
    if target is None:
        return FixDeclined(ID, "no requirements file, pyproject.toml [project] or setup.cfg install_requires found")
    if isinstance(target, str):
        return FixDeclined(ID, target)
    manifest = target.manifest
    text = read_text(ctx.workspace, manifest.path) or ""
    if manifests.normalize(distribution) in manifests.declared(manifest.kind, text):
        return FixDeclined(
            ID, f"{distribution} is already declared in {manifest.path}; check that the failing step installs it"
        )
    entry, pinned = _entry(ctx, manifest, distribution)
    new = manifests.add(manifest, text, entry)
    if new is None:
        return FixDeclined(ID, f"cannot edit {manifest.path} without reformatting it")
    change = Change(manifest.path, text, new, f"add {distribution} to {manifest.describe()}")
    explanation = (
        f"The job failed importing {module!r}, which the {distribution} distribution provides. "
        f"This adds {distribution} to {manifest.describe()}, where the failing job installs its dependencies from. "
        + (pinned or "It is unpinned: pin the version your project supports before merging.")
        + (f" {target.note}." if target.note else "")
    )
    return FixProposal(ID, (change,), f"deps: add {distribution}", explanation)


def _entry(ctx: FixContext, manifest: manifests.Manifest, distribution: str) -> tuple[str, str]:
    """What to write (Poetry needs a constraint: ``^current`` as ``poetry add`` writes, else ``*``)."""
    if manifest.kind != "poetry":
        return distribution, ""
    release = current_release(ctx, "pypi", distribution)
    if release:
        return f"{distribution} ^{release}", f"The constraint ^{release} allows the current release and its updates."
    offline = "autoheal could not reach PyPI" if not ctx.online else "PyPI did not answer for it"
    return f"{distribution} *", f'It is "*" ({offline}): pin the version your project supports before merging.'


def wanted_releases(ctx: FixContext) -> list[tuple[str, str]]:
    """The PyPI name whose current release the heal flow may look up before ``fix`` (exactly the log's)."""
    module = _missing_module(ctx)
    distribution = distribution_for(module) if module and _IDENTIFIER.fullmatch(module) else None
    if not isinstance(distribution, str):
        return []
    target = python_targets.choose(ctx, distribution)
    poetry = isinstance(target, python_targets.Target) and target.manifest.kind == "poetry"
    return [("pypi", distribution)] if poetry else []  # only Poetry entries carry a version
