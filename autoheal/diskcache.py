"""A small on-disk cache for what is derived from rule patterns (the prefilter, the Hyperscan database).

Deriving the prefilter from ~900 patterns takes a few hundred milliseconds, and
every ``autoheal`` run would pay for it; the result is a pure function of the
patterns, so it is stored under a hash of them in the user cache directory
(``platformdirs``; ``AUTOHEAL_CACHE_DIR`` overrides it, ``AUTOHEAL_CACHE_DIR=``
empty turns the cache off). Each entry carries a checksum of its payload: a
truncated or corrupted file is ignored and rebuilt, and a directory that is not
writable only means the work is redone in memory. Writes go to a temporary file
that is then renamed over the entry, so readers never see half a file.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

_MAGIC = b"autoheal-cache-1\n"
_DIGEST = hashlib.sha256().digest_size
# Entries per kind kept on disk: the catalogue's, and a few repositories' user rules.
MAX_ENTRIES = 8


def cache_dir() -> Path | None:
    """Where entries live, or None when caching is turned off."""
    override = os.environ.get("AUTOHEAL_CACHE_DIR")
    if override is not None:
        return Path(override) if override else None
    try:
        import platformdirs
    except ImportError:  # pragma: no cover - a dependency, but the cache is only an optimisation
        return None
    return Path(platformdirs.user_cache_dir("autoheal", appauthor=False))


def key(*parts: Iterable[str] | str) -> str:
    """A hex digest of strings (or lists of them); separators keep ``["ab"]`` apart from ``["a", "b"]``.

    Remembered per process: a start keys the same ~900 catalogue patterns for the prefilter, its
    matcher and both Hyperscan databases, and hashing them one by one was a few M instructions each
    time (issue 14). The strings' own hashes are cached by Python, so the lookup is cheap.
    """
    return _key(tuple(part if isinstance(part, str) else tuple(part) for part in parts))


@functools.lru_cache(maxsize=32)
def _key(parts: tuple[str | tuple[str, ...], ...]) -> str:
    chunks: list[bytes] = []
    for part in parts:
        for item in (part,) if isinstance(part, str) else part:
            data = item.encode("utf-8", "surrogatepass")
            chunks += (len(data).to_bytes(8, "little"), data)
        chunks.append(_END)
    return hashlib.sha256(b"".join(chunks)).hexdigest()


_END = b"\xff" * 8  # after each part


@functools.cache
def code_digests(paths: tuple[Path, ...]) -> tuple[str, ...]:
    """The hashes of the modules whose code derives an entry (part of its key, so an edit makes it stale),
    read once per process; where one cannot be read (a sourceless install, which nobody edits) the version
    autoheal was installed as stands for the code, so an upgrade still makes the entry stale.

    One definition, and one sourceless policy, for every kind of entry: the catalogue (ruleload), the
    prefilter (prefiltercache), the Hyperscan database (hsdb).
    """
    try:
        return tuple(hashlib.sha256(path.read_bytes()).hexdigest() for path in paths)
    except OSError:
        import autoheal  # read at call time: the version is the package's, not a copy taken at import

        return (f"sourceless {autoheal.__version__}",)


def _path(kind: str, digest: str) -> Path | None:
    root = cache_dir()
    return None if root is None else root / f"{kind}-{digest[:32]}.bin"


def load(kind: str, digest: str) -> bytes | None:
    """The payload stored for ``(kind, digest)``, or None when absent, unreadable or corrupted."""
    path = _path(kind, digest)
    if path is None:
        return None
    try:
        if not _trusted(path):
            return None
        data = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + _DIGEST
    if not data.startswith(_MAGIC) or len(data) < head:
        return None
    payload = data[head:]
    return payload if hashlib.sha256(payload).digest() == data[len(_MAGIC) : head] else None


def _trusted(path: Path) -> bool:
    """Whether an entry is only ours to have written: the file and its directory belong to this user and
    no one else may write them. An entry decides triage results, so a cache directory shared with other
    users (``AUTOHEAL_CACHE_DIR=/tmp/x``) is no cache; the checksum only catches accidental damage."""
    if not hasattr(os, "getuid"):  # Windows: the user's profile directory is private by default
        return True
    uid = os.getuid()
    return all(st.st_uid == uid and not st.st_mode & 0o022 for st in (path.parent.stat(), path.stat()))


def store(kind: str, digest: str, payload: bytes) -> bool:
    """Write the entry atomically; False (and nothing raised) when the directory is not writable."""
    path = _path(kind, digest)
    if path is None:
        return False
    import tempfile  # only a miss writes: a warm start does not import it

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(path.parent, kind)
    except OSError:
        return False
    return True


def _prune(root: Path, kind: str) -> None:
    """Drop the oldest entries of ``kind`` beyond MAX_ENTRIES (user rules change; entries pile up)."""
    try:
        entries = sorted(root.glob(f"{kind}-*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[MAX_ENTRIES:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned first


def cached(kind: str, digest: str, build: Callable[[], bytes]) -> bytes:
    """The stored payload, or ``build()`` stored for next time."""
    found = load(kind, digest)
    if found is not None:
        return found
    payload = build()
    store(kind, digest, payload)
    return payload
