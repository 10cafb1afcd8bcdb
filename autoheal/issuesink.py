"""Issue reads and writes for one report run (``IssueSink``), printed instead in dry-run, and
the labels autoheal creates on the way, each with its colour and description."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from autoheal import occurrences
from autoheal.errors import GitHubError
from autoheal.ghtypes import Issue
from autoheal.github_api import Client

LABEL_COLOURS = {
    "autoheal": ("5319e7", "A CI failure reported by autoheal"),
    "auto-heal": ("0e8a16", "autoheal may try to fix this failure"),
}
CATEGORY_COLOUR = "c5def5"
SEVERITY_COLOUR = "fbca04"


class IssueSink:
    """Issue reads and writes for one run; in dry-run every write is printed instead.

    Creates are never retried blindly (see ``github_api``): when the answer is lost, ``find``
    looks for what the first try may have made before trying again.
    """

    def __init__(self, client: Client, dry_run: bool, say: Callable[[str], None]) -> None:
        # ``say`` shows what a dry run would write; the command passes it (core modules do not print).
        self.client = client
        self.dry_run = dry_run
        self.say = say
        self._ours: list[Issue] | None = None

    def ours(self, label: str, fresh: bool = False) -> list[Issue]:
        if self._ours is None or fresh:
            self._ours = [i for i in self.client.list_issues(label, state="all") if not i.is_pull_request]
        return self._ours

    def ensure_labels(self, labels: list[str], label: str) -> None:
        """Create (with colours) the labels that none of our listed issues carries yet.

        The issues list is read anyway, so a label seen on one of them needs no call; an
        unseen one is created, and 422 (it exists) is fine. A repository's first issues pay
        one call per label, later ones only for a new category.
        """
        seen = {name.lower() for issue in self.ours(label) for name in issue.labels}
        for name in labels:
            if name.lower() not in seen:
                self._create_label(name)

    def _create_label(self, name: str) -> None:
        colour, description = _label_style(name)
        self._write(f"create label {name!r}", lambda: self.client.create_label(name, colour, description))

    def create(self, title: str, body: str, labels: list[str], find: Callable[[], Issue | None]) -> Issue | None:
        created: Issue | None = self._once(
            f"create issue {title!r} with labels {labels}\n{body}",
            lambda: self.client.create_issue(title, body, labels),
            find,
        )
        return created

    def update(self, number: int, **fields: Any) -> Issue | None:
        shown = {k: (v if k != "body" else f"<{len(v)} characters>") for k, v in fields.items()}
        updated: Issue | None = self._write(
            f"update issue #{number}: {shown}", lambda: self.client.update_issue(number, **fields)
        )
        return updated

    def comment(self, number: int, body: str, key: str | None = None) -> None:
        """Comment; with ``key`` a lost answer is resolved by looking for the comment's marker."""

        def find() -> bool | None:
            if key is None:
                return None
            return any(occurrences.marker_of(c.body) == key for c in self.client.comments(number)) or None

        self._once(f"comment on issue #{number}:\n{body}", lambda: self.client.comment(number, body), find)

    def _once(self, what: str, action: Callable[[], Any], find: Callable[[], Any]) -> Any:
        if self.dry_run:
            self.say(f"[dry-run] would {what}")
            return None
        for attempt in range(self.client.retries + 1):
            try:
                return action()
            except GitHubError as exc:
                if not exc.ambiguous or attempt == self.client.retries:
                    raise
            found = find()
            if found is not None:
                return found
            time.sleep(self.client.backoff * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _write(self, what: str, action: Callable[[], Any]) -> Any:
        if self.dry_run:
            self.say(f"[dry-run] would {what}")
            return None
        return action()


def _label_style(name: str) -> tuple[str, str]:
    if name in LABEL_COLOURS:
        return LABEL_COLOURS[name]
    if name.startswith("severity:"):
        return SEVERITY_COLOUR, "Severity of a failure reported by autoheal"
    return CATEGORY_COLOUR, f"autoheal failure category {name.split(':', 1)[-1]}"[:100]
