"""Lossless occurrence counting on one issue, with no lock and no conditional write.

GitHub has no compare-and-swap for issue bodies: two reports that read the counter, add one
and write it back lose one increment. So every repeat posts a comment ending in a marker
(``<!-- autoheal:occurrence <run id>.<attempt> -->``); comments are append-only, so the
markers are the durable record, and the counter in the body is a cache of them.

The body's metadata says how many of the issue's comments the counter accounts for
(``synced``). A report takes the fast path — comment, then write ``occurrences + 1`` and
``synced = comments + 1`` — only when ``synced`` equals the issue's comment count it read,
and keeps it only when the PATCH answer shows exactly one more comment (its own). Otherwise
it recounts: it lists the comments, re-reads the issue, writes ``base`` + the distinct markers,
and repeats while the PATCH answer shows comments it did not count.

What makes it exact is one invariant of every write at the moment it lands: when its
``synced`` equals the issue's comment count, its counter accounts for every one of those
comments. A recount write counted the comments it listed, and it cannot equal the count once
another comment landed; a fast write built on an in-sync read adds only its own comment, and
once another lands it stays below the count. A fast write built on a read that was behind would
break it (it looks in sync while missing comments, and a report reading it in the moment before
its writer's recount builds on it: a lost count seen under load), so a report that is behind
writes nothing before it recounts. The last write is then always complete: its writer's answer
showed no comment it did not count, or it would have written again. This holds when a PATCH is
retried after it was applied too (each application keeps the invariant). Each run attempt counts
once (markers are deduplicated); a re-run attempt is a new occurrence.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from autoheal.ghtypes import Comment
from autoheal.metadata import MAX_RUNS, RUN_KEY_PATTERN
from autoheal.render import RunContext
from autoheal.sanitize import BODY_LIMIT, truncate_body

_MARKER = re.compile(rf"<!-- autoheal:occurrence ({RUN_KEY_PATTERN}) -->\s*\Z")


def run_key(ctx: RunContext) -> str:
    """What one report counts as: a run attempt, or one command-line report (of N bundled)."""
    if ctx.cli is not None:
        key = f"cli-{ctx.occurrence_id or uuid.uuid4().hex[:16]}"
        return key if ctx.occurrences <= 1 else f"{key}*{int(ctx.occurrences)}"
    return f"{int(ctx.run_id or 0)}.{int(ctx.run_attempt or 1)}"


def weight(key: str) -> int:
    """How many occurrences a key stands for (``*N`` for bundled command-line repeats)."""
    return int(key.rpartition("*")[2]) if "*" in key else 1


def marker(key: str) -> str:
    return f"<!-- autoheal:occurrence {key} -->"


def with_marker(body: str, key: str) -> str:
    """The comment body with its marker as the last line, still within GitHub's limit."""
    line = marker(key)
    return truncate_body(body, BODY_LIMIT - len(line) - 2).rstrip() + "\n\n" + line + "\n"


def marker_of(body: str) -> str | None:
    found = _MARKER.search(body)
    return found.group(1) if found else None


def counted_runs(meta: Mapping[str, Any]) -> set[str]:
    runs = set(meta.get("runs") or [])
    if meta.get("first_run"):
        runs.add(str(meta["first_run"]))
    elif meta.get("run_id") is not None:  # issues written before run lists were kept
        runs.add(f"{meta['run_id']}.{meta.get('run_attempt') or 1}")
    return runs


def trusted(comment: Comment, author: str) -> bool:
    """Markers count only from the issue's author (the token autoheal runs with) or a bot."""
    return comment.user == author or comment.user.endswith("[bot]")


def recount(meta: Mapping[str, Any], comments: Iterable[Comment], author: str) -> dict[str, Any]:
    """``meta`` with occurrences, runs and synced rebuilt from the comments' markers."""
    listed = list(comments)
    first = meta.get("first_run")
    keys: list[str] = []
    for comment in listed:
        key = marker_of(comment.body) if trusted(comment, author) else None
        if key and key != first and key not in keys:
            keys.append(key)
    base = int(meta.get("base") or 1)
    runs = ([str(first)] if first else []) + keys
    return {
        **meta,
        "base": base,
        "occurrences": base + sum(weight(k) for k in keys),
        "runs": runs[-MAX_RUNS:],
        "synced": len(listed),
    }


def bumped(meta: Mapping[str, Any], key: str, comments_before: int) -> dict[str, Any]:
    """The fast path's metadata: one more occurrence, one more comment accounted for.

    Issues written before ``synced`` existed start counting from what they say.
    """
    occurrences = int(meta.get("occurrences") or 1)
    base = int(meta.get("base") or occurrences)
    runs = [*(meta.get("runs") or []), key][-MAX_RUNS:]
    return {**meta, "base": base, "occurrences": occurrences + weight(key), "runs": runs, "synced": comments_before + 1}


def in_sync(meta: Mapping[str, Any], comments: int) -> bool:
    """Whether the counter accounts for every comment the issue has (legacy issues: trusted once)."""
    synced = meta.get("synced")
    return synced is None or int(synced) == comments
