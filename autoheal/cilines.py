"""CI lines whose meaning depends on which CI wrote the log (told once per log: ``marks``, ``sections``).

Jenkins Pipeline's own step lines (``[Pipeline] sh``, ``[Pipeline] }``) are chatter in a Jenkins log and
in one whose head told no CI (a piece of one), but in another CI's log a line a tool tags ``[Pipeline]``
is its output (an in-house validator's ``[Pipeline] ERROR: ...``). blocks.py re-exports these functions.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from autoheal import asciitwin

_PIPELINE = asciitwin.lazy(r"^\s*\[Pipeline\] ")
_PIPELINE_CHATTER: ContextVar[bool] = ContextVar("pipeline_chatter", default=True)


@contextmanager
def pipeline_chatter(jenkins: bool) -> Iterator[None]:
    """Lines read inside are of a log whose ``[Pipeline]`` lines are Jenkins' own (``jenkins``) or a tool's."""
    token = _PIPELINE_CHATTER.set(jenkins)
    try:
        yield
    finally:
        _PIPELINE_CHATTER.reset(token)


def pipeline_step(text: str) -> bool:
    """Jenkins Pipeline's own step line, in a log whose ``[Pipeline]`` lines are Jenkins' (``pipeline_chatter``)."""
    return "[Pipeline] " in text and _PIPELINE_CHATTER.get() and bool(_PIPELINE.match(text))
