"""What one marker line says (``Marker``), and whose mark it is: the CI systems a log may come from.

Each CI prints its own marker lines, and a log comes from one CI: a line that looks like another
CI's marker (a ``[Pipeline] { (x)`` in a GitHub Actions job's test output, a ``$ cmd`` a script
echoes there) is output. A log tells its CI in its first lines, by a marker only that CI prints
(``sections.Sectioner`` reads it there, once); a marker of another CI after that is not read. A
log whose head tells no CI (a plain log, a pasted piece of one) is read with every CI's markers.
"""

from __future__ import annotations

from dataclasses import dataclass

# One bit per CI; a marker's ``ci`` is the CIs that print it (0: any log's, as shell traces and make recipes).
GHA, AZURE, TRAVIS, GITLAB, JENKINS, CIRCLECI, BUILDKITE = (1 << bit for bit in range(7))
CI_NAMES = {
    GHA: "github-actions",
    AZURE: "azure-pipelines",
    TRAVIS: "travis",
    GITLAB: "gitlab",
    JENKINS: "jenkins",
    CIRCLECI: "circleci",
    BUILDKITE: "buildkite",
}
RUNNER = GHA | AZURE  # the runner's ``##[...]`` lines: Azure's agent and GitHub's runner share them
SHELL = TRAVIS | GITLAB | BUILDKITE  # echo each command as ``$ <command>``


@dataclass(frozen=True, slots=True)
class Marker:
    """What one marker line says: a section opens, or the current one ends with ``code``."""

    opens: str | None = None  # the command of a new section
    kind: str = ""  # of the section it opens; TELL: a line that says nothing but the log's CI
    code: int | None = None  # an exit status for the current (or named) section
    closes: str | None = None  # Travis names the command it closes
    error: bool = False  # a GitHub Actions error annotation
    pending: str | None = None  # the first line of a "The command" line split by a newline
    continued: bool = False  # the rest of that line, with the status
    endgroup: bool = False
    build: bool = False  # the whole build's status: says which section failed only when none did
    traced: str | None = None  # a ``+ cmd`` shell trace
    recipe: str | None = None  # the target of a make recipe that failed
    aside: bool = False  # the section it opens (or the current one) ran after the job's work: never where it failed
    last_work: bool = False  # the status is the job's, printed after its end: it fails the last section that ran
    then: str | None = None  # after the status, a section aside opens (Jenkins' post-build actions)
    weak: bool = False  # a group only in a Buildkite log (elsewhere a diff header or a verdict)
    buildkite: bool = False
    body: bool = False  # the current section's output starts on the next line
    jenkins: bool = False  # a Jenkins freestyle build's own line (a build step, the SCM checkout)
    ci: int = 0  # the CIs whose marker this is (bits above); 0: any log's
    diff: str = ""  # a unified diff's shape: OLD_FILE (``--- x``), NEW_FILE (``+++ x``) or HUNK (``@@ ...``)
    hunk: int = 0  # of a HUNK header: the most lines its hunk may hold (its old and new counts together)


def told(ci: int) -> Marker:
    """The marker of a line that only tells the log's CI."""
    return _TOLD[ci]


OLD_FILE, NEW_FILE, HUNK = "---", "+++", "@@"  # a diff's file headers and hunk header (``Marker.diff``)
TELL = "tell"  # (a kind, not a field of its own: each field costs every Marker made, one per marker line)
_TOLD = {ci: Marker(kind=TELL, ci=ci) for ci in CI_NAMES}
