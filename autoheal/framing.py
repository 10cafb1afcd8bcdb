"""How a tool frames the lines of its report: a prefix on every line, a box drawn around it, a pointer to more.

Split out of blocks.py, which re-exports these functions (callers use ``blocks.prefix``).
"""

from __future__ import annotations

from autoheal import asciitwin, linear

# What a tool writes before every line it prints (``npm ERR!``, ``[error]``, buildx's ``#8``): its
# lines stay one block, and a line holding the prefix alone is a blank line of that block.
# A box a tool draws around its report (terraform's ``╷`` ``│ Error: ...`` ``╵``) frames every line with ``│``.
_PREFIX = asciitwin.lazy(r"^\s*(?:npm (?:ERR!|error)|\[(?:error|ERROR)\]|#\d+|│)(?:\s|$)")


_BOX_END = asciitwin.lazy(r"^\s*[╵└╰┗][─━]*\s*$")


def box_end(text: str) -> bool:
    """The corner closing a box a tool drew around its report (terraform's ``╵``): the box's last line."""
    return bool(_BOX_END.match(text))


def prefix(text: str) -> str:
    """The tool's line prefix of an error block (``npm ERR!``, ``[error]``, ``#8``), or ""."""
    m = _PREFIX.match(text)
    return m.group(0).strip() if m else ""


# A line that says where more is to be read (rustc's ``For more information about this error, try ...``,
# shellcheck's ``For more information:`` with its links): the close of the block above, not a stop.
_POINTER = asciitwin.lazy(r"(?i)^\s*for more (?:details|information)" + linear.WORD_END)


def pointer(text: str) -> bool:
    return bool(_POINTER.match(text))
