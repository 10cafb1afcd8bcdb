"""A run's tally with a failure in it (``1 tests failed out of 4``, ``Found 1 error that can be fixed``): where
the report of a run's failures ends (ends.py), and so a line whose report may start further up than one
cause's own block would (edges.py). Its own module: both read it, and ends.py reads edges.py."""

from __future__ import annotations

from autoheal import asciitwin, blocks, lazyre, linear

# A run's tally that counts some failures, in any runner's words (``75% tests passed, 1 tests failed out of 4``,
# ``Executed 3 tests, with 1 failure``, ``1 failures, 0 errors.``); a count given as ``key: N`` (prove's
# ``Tests: 7 Failed: 1``, ``errors=2``) is read as blocks reads a passing summary's.
_TALLY = asciitwin.lazy(
    "(?i)"
    + linear.WORD_START
    + r"[1-9]\d* (?:tests? |examples? |specs? |cases? )?(?:failed|failures?|errors?|failing)"
    + linear.WORD_END
)
# A number after one of these words says which try or step failed, not how many: ``Upload attempt 3 failed``,
# ``retry #2 failed``, ``Stage 2 failed`` are one failure each, not a run's tally (RE2 has no lookbehind).
_ORDINAL = lazyre.compile(r"(?i)(?:attempt|try|retry|round|iteration|stage|step|phase|pass|job|run)\s*(?:#\s*)?$")


def tally(text: str) -> bool:
    """A run's tally with a failure in it: where the report of a run's failures ends."""
    return (_counted(text) or any(blocks.counts(text))) and not blocks.chatter(text)


def _counted(text: str) -> bool:
    found = _TALLY.search(text)
    # The match starts at the character before the number (WORD_START) unless it is at the line's start.
    return bool(found) and not _ORDINAL.search(text, 0, found.start() + 1)
