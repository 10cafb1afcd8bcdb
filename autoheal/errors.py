"""One error hierarchy: every expected failure is an AutohealError.

The top-level handler in ``cli`` maps these to exit code ``exit_code`` and a
one-line message; anything else is a bug and exits 3.
"""

from __future__ import annotations


class AutohealError(Exception):
    """A failure autoheal expected and can explain to the user."""

    exit_code = 1


class UsageError(AutohealError):
    """Bad command-line usage or action inputs."""

    exit_code = 2


class InputError(AutohealError):
    """An input (log, zip, event file) cannot be read."""

    exit_code = 2


class ConfigError(AutohealError):
    """A configuration or rules file is invalid; the message names file, rule and key."""

    exit_code = 2


class TemplateError(AutohealError):
    """A user or default template failed to render."""


class GitHubError(AutohealError):
    """The GitHub API refused or failed a request; ``status`` is the HTTP status."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status

    @property
    def ambiguous(self) -> bool:
        """No answer, or a server error: a write may or may not have been applied."""
        return self.status is None or self.status >= 500


class GitError(AutohealError):
    """A git command failed; the message shows the command and its output."""
