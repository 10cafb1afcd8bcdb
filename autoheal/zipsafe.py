"""Reading a zip of logs safely: caps on what it unpacks to, no overlapping members, errors a user can act on.

logsource.py opens the zip and lists its documents; this module decides whether
the archive and each member's stream may be read.
"""

from __future__ import annotations

import io
import lzma
import zipfile
import zlib
from typing import IO, TYPE_CHECKING

from autoheal.errors import InputError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

# What one input may decompress to. A run's logs are megabytes; these leave room for a
# runaway job while keeping a zip bomb from running for hours.
MAX_MEMBER_BYTES = 2 << 30
MAX_TOTAL_BYTES = 4 << 30
# What reading a zip member raises for a bad member (zipfile lets each codec's error through).
MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, RuntimeError, NotImplementedError)


def check_archive(archive: zipfile.ZipFile, label: str) -> None:
    """Refuse a zip that would decompress past the caps or whose members share bytes.

    An overlapping zip bomb points many entries at one compressed stream
    (https://www.bamsoftware.com/hacks/zipbomb/); in a real archive each member's
    local header and data come after the previous member's.
    """
    members = archive.infolist()
    big = next((m for m in members if m.file_size > MAX_MEMBER_BYTES), None)
    if big is not None:
        raise InputError(
            f"{label}: zip member {big.filename!r} unpacks to {_size(big.file_size)}, {_over(MAX_MEMBER_BYTES)}"
        )
    total = sum(m.file_size for m in members)
    if total > MAX_TOTAL_BYTES:
        raise InputError(f"{label}: the zip unpacks to {_size(total)}, {_over(MAX_TOTAL_BYTES)}")
    spans = sorted((m.header_offset, m.header_offset + 30 + m.compress_size, m.filename) for m in members)
    for (_, end, first), (start, _, second) in zip(spans, spans[1:]):
        if start < end:
            raise InputError(f"{label}: zip members {first!r} and {second!r} overlap (a zip bomb?); not reading it")


def _size(n: int) -> str:
    return f"{n / (1 << 30):.1f} GiB" if n >= 1 << 30 else f"{n / (1 << 20):.1f} MiB"


def _over(limit: int) -> str:
    return f"over autoheal's limit of {_size(limit)}; triage the job's own log instead"


def member_error(exc: BaseException) -> str:
    """Why a zip member cannot be read, in words a user can act on."""
    text = str(exc)
    if isinstance(exc, RuntimeError) and "encrypted" in text:
        return "it is encrypted (password-protected); give autoheal an unencrypted zip"
    if isinstance(exc, NotImplementedError):
        return f"it uses a compression method autoheal cannot read ({text}); re-zip it with deflate"
    if "CRC" in text:
        return "it is corrupt (CRC mismatch); download the logs again"
    return f"it is corrupt or truncated ({type(exc).__name__}: {text}); download the logs again"


class Member(io.RawIOBase):
    """A zip member's stream whose read errors are InputErrors and whose size is capped."""

    def __init__(self, inner: IO[bytes], name: str, label: str) -> None:
        self._inner, self._name, self._label, self._seen = inner, name, label, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        try:
            data = self._inner.read(len(view))
        except MEMBER_ERRORS as exc:
            raise InputError(f"{self._label}: cannot read {self._name!r} from the zip: {member_error(exc)}") from None
        self._seen += len(data)
        if self._seen > MAX_MEMBER_BYTES:  # zipfile stops at the declared size; this does not trust it
            raise InputError(f"{self._label}: zip member {self._name!r} unpacks to more than {_over(MAX_MEMBER_BYTES)}")
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._inner.close()
        super().close()
