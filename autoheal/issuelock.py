"""One issue per new failure, however many reports race: a per-fingerprint lock made of a label.

Creating a label is atomic on its name: the second ``POST /repos/{o}/{r}/labels`` with a name
answers 422 ``already_exists`` (https://docs.github.com/rest/issues/labels#create-a-label).
So the report that creates ``autoheal-lock:<fingerprint>:<slot>`` opens the issue; the others
wait for it to appear and count themselves on it. ``slot`` is the closed issue the new one
follows (0 for the first), so every issue ever opened for a fingerprint has its own lock name.

Why a label and not a ref (``POST /git/refs`` is atomic too): a label needs only
``issues: write``, which report mode has; a ref needs ``contents: write`` (a job that reads
attacker-controlled logs should not hold it) and an existing commit. The label lives for the
seconds between lock and create and is then deleted.

Stale locks: the description says until when the lock holds (``STALE_AFTER`` after it was
taken, far beyond the few calls between lock and create, rate-limit waits included) and who
holds it. A report that finds an expired lock and still no issue takes the next generation
(``...:<slot>~2``), which is again an atomic create, so one report wins the takeover too. A
holder whose answer was lost (5xx, reset) recognises its own lock by the holder in the
description.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from autoheal.errors import GitHubError
from autoheal.github_api import Client

PREFIX = "autoheal-lock:"
COLOUR = "d4c5f9"
STALE_AFTER = timedelta(minutes=5)
MAX_GENERATIONS = 5
_UNTIL = re.compile(r"until (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")


def now() -> datetime:
    return datetime.now(timezone.utc)


def lock_name(fingerprint: str, slot: int, generation: int = 1) -> str:
    name = f"{PREFIX}{fingerprint}:{int(slot)}"
    return name if generation == 1 else f"{name}~{generation}"


@dataclass
class Busy:
    """Another report holds the lock until ``until``."""

    until: datetime


@dataclass
class LabelLock:
    client: Client
    fingerprint: str
    slot: int
    run: str  # the run attempt taking the lock, for people reading the label
    generation: int = 1
    held: bool = False
    token: str = field(default_factory=lambda: secrets.token_hex(4))

    @property
    def name(self) -> str:
        return lock_name(self.fingerprint, self.slot, self.generation)

    @property
    def holder(self) -> str:
        return f"run {self.run} ({self.token})"

    def acquire(self) -> Busy | None:
        """Take the lock (None) or say who has it; a lost answer to our own create is ours."""
        until = (now() + STALE_AFTER).strftime("%Y-%m-%dT%H:%M:%SZ")
        description = f"autoheal lock until {until}, held by {self.holder}"
        try:
            self.held = self.client.create_label(self.name, COLOUR, description)
        except GitHubError as exc:
            if not exc.ambiguous:
                raise
        if self.held:
            return None
        seen = self.client.label_description(self.name)
        if seen is not None and self.holder in seen:
            self.held = True  # our create was applied, its answer lost
            return None
        # Gone already (its holder finished) or unreadable: wait a moment, then look again.
        found = _UNTIL.search(seen or "")
        expires = (
            datetime.strptime(found.group(1), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc) if found else now()
        )
        return Busy(expires)

    def take_over(self) -> bool:
        """Move to the next generation after a stale lock; False when there is none left."""
        if self.generation >= MAX_GENERATIONS:
            return False
        self.generation += 1
        return True

    def release(self) -> None:
        """Delete this lock and the stale generations it replaced; never fails the report."""
        if not self.held:
            return
        for generation in range(self.generation, 0, -1):
            # A lock left behind only ages: its issue exists, so its slot is used up.
            with contextlib.suppress(GitHubError):
                self.client.delete_label(lock_name(self.fingerprint, self.slot, generation))
