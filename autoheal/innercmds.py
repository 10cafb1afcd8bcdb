"""What a failed section's output says it ran inside its command: the sub-command that failed.

A section's command is often a wrapper (``make check``, ``npm test``, ``tox -e lint``, ``mvn install``,
``./gradlew build``, ``docker build .``); the tool that failed is named by the lines the wrapper
prints as it runs it: npm's ``> script`` banner, make's failure line, tox's ``commands[0]> cmd``,
nox's ``nox > cmd``, Maven's ``Failed to execute goal <plugin>:<goal>``, Gradle's ``Execution failed
for task ':x:test'``, a docker build's ``RUN``, a driver's or runtime's ``Command failed: cmd`` (each
worded as its documentation shows). tools.py names the tool these lines give.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable

from autoheal import lazyre
from autoheal.tooltable import DRIVER_LINES, DRIVER_RUNNERS

# npm's banner as it runs a script, ``> pkg@1.0.0 test`` (npm 6 and pnpm add the package's directory),
# then the script's body, each of its lines under ``> ``. rootcause and cause read these too.
# The package is the first word, holding an ``@`` after its first character: written as ``\S+@\S*`` the two
# runs overlap and Python re backtracks quadratically on a hostile ``> @@@...`` line (final read, session 8).
_BANNER = lazyre.compile(r"^> (?P<pkg>\S+) (?P<cmd>\S+)(?P<dir>\s.*)?$")


def npm_banner(text: str) -> re.Match[str] | None:
    """npm's ``> pkg@1.0.0 script`` banner (groups ``pkg``, ``cmd``, ``dir``), or None."""
    m = _BANNER.match(text)
    return m if m is not None and "@" in m["pkg"][1:] else None


def _body(text: str) -> str | None:
    """The command on a ``> `` line (``> jshint lib && mocha``), whatever the line is."""
    return text[2:] if len(text) > 2 and text.startswith("> ") and not text[2].isspace() else None


def npm_body(text: str) -> str | None:
    """The command on a line of an npm script's body (``> jshint lib && mocha``): a ``> `` line, not the banner."""
    body = _body(text)
    return body if body is not None and npm_banner(text) is None else None


def _bare(banner: re.Match[str] | None) -> bool:
    """npm 7+'s banner, without a directory: the only one whose next line is read as the script's body
    here. Below npm 6's and pnpm's too, it lowered the measured accuracy (session 8), so they stay out."""
    return banner is not None and banner["dir"] is None


def _npm_script(banner: re.Match[str]) -> str | None:
    """The script a banner names, when it has a version and at most a one-word directory."""
    if banner["pkg"].endswith("@") or (banner["dir"] and len(banner["dir"].split()) > 1):
        return None
    return banner["cmd"]


# BuildKit's step ``[2/4] RUN``, ``[linux/amd64 stage 3/4] RUN``: at most two words before the count, so a
# hostile ``[1111...`` line is read in linear time (Python re, not RE2: review of session 8).
_DOCKER_RUN = re.compile(r"(?:Step \d+/\d+ : RUN|\[(?:[\w./-]+ ){0,2}\d+/\d+\] RUN|^RUN) (?P<cmd>.+)")

# Lines naming the sub-command that failed inside the section's command: an npm script
# (npm's banner and its failure line, npm-run-all), a make target, a docker build's RUN.
_INNER = (
    re.compile(r"Failed at the \S+ (?P<cmd>\S+) script"),
    re.compile(r"^ERROR: \"(?P<cmd>[^\"]+)\" exited with"),
    re.compile(
        r"make(?:\[\d+\])?: \*\*\* \[(?P<cmd>[^\]\[]+)\] Error"
    ),  # no ``[`` inside: linear on ``make: *** [`` * n
    re.compile(r'^Running "(?P<cmd>[\w-]+)(?::[^"]*)?" (?:\([\w-]+\) )?task$'),  # grunt's task banner
    re.compile(r"^\[\d\d:\d\d:\d\d\] Starting '(?P<cmd>[^']+)'\.\.\.$"),  # gulp's
    _DOCKER_RUN,
    *(re.compile(p) for p in DRIVER_LINES),
    # tox 4's ``env: commands[0]> cmd`` and tox 3's ``env run-test: commands[0] | cmd`` (tox docs).
    re.compile(r"^[\w.-]+: commands\[\d+\]> (?P<cmd>.+)$"),
    re.compile(r"^[\w.-]+ run-test: commands\[\d+\] \| (?P<cmd>.+)$"),
    # nox echoes each command of a session (``nox > pytest -q``) and names the one that failed.
    re.compile(r"^nox > Command (?P<cmd>.+) failed with exit code"),
    re.compile(r"^nox > (?P<cmd>(?!(?:Running|Session|Creating|Re-using|Skipping|Ran|Command|Error|Warning)\b)\S.*)$"),
)
# Maven's failed plugin goal (``groupId:artifactId:version:goal``, or ``prefix:goal``) and Gradle's
# failed task: the build tool ran them, so they read as ``mvn <prefix>:<goal>`` and ``gradle <task>``.
_MAVEN_GOAL = lazyre.compile(r"Failed to execute goal (?P<coords>[\w.-]+(?::[\w.${}-]+)*:[\w-]+)(?:\s|$)")
_GRADLE_TASK = lazyre.compile(r"Execution failed for task '(?P<task>:?[\w:.-]+)'")


def _build_step(text: str) -> str | None:
    m = _MAVEN_GOAL.search(text)
    if m:
        parts = m["coords"].split(":")
        artifact = parts[1] if len(parts) >= 3 else parts[0]
        return f"mvn {re.sub(r'^maven-|-maven-plugin$|-plugin$', '', artifact)}:{parts[-1]}"
    m = _GRADLE_TASK.search(text)
    return f"gradle {m['task']}" if m else None


# A GitHub Actions step's header group: ``Run <first line>``, the script's further lines, then
# ``shell: ...``. The further lines are commands of the step too (the first is its name).
_STEP_RUN = re.compile(r"^Run \S")
_STEP_SHELL = lazyre.compile(r"^shell: \S")
SCRIPT_LINES = 20


def _script(lines: list[str], start: int) -> list[str]:
    """The further script lines of a step header at ``start``, if a ``shell:`` line closes them soon."""
    for i in range(start + 1, min(len(lines), start + 1 + SCRIPT_LINES)):
        if _STEP_SHELL.match(lines[i]):
            return [t.strip() for t in lines[start + 1 : i] if t.strip()]
    return []


# One quoted element of a Python list's repr (``['npm', 'test']``; an element holding a ``'`` is in ``"``).
_REPR_ITEM = lazyre.compile(r"'([^']*)'|\"([^\"]*)\"")


def _argv_text(cmd: str) -> str:
    """A command as a shell line: an argument list's repr (``['npm', 'test']``) joined, else as it is.
    Its first element alone named ``npm`` (an install) for ``npm test``, ``python`` for ``python -m flake8``."""
    if not cmd.startswith("["):
        return cmd
    return shlex.join(a or b for a, b in _REPR_ITEM.findall(cmd)) or cmd


def _inner(pattern: str, cmd: str) -> str:
    """The command a driver line names: a task runner's bare task (sbt's ``update``) under its runner's name."""
    runner = DRIVER_RUNNERS.get(pattern)
    return f"{runner} {cmd}" if runner else _argv_text(cmd)


def inner_commands(lines: Iterable[str]) -> list[str]:
    """The sub-commands a section's output says it ran, in order (the failing one is last)."""
    found: list[str] = []
    texts = list(lines)
    above: re.Match[str] | None = None  # the npm banner on the line above (each line is matched once)
    for i, text in enumerate(texts):
        banner = npm_banner(text) if text.startswith("> ") else None
        after, above = above, banner
        if _STEP_RUN.match(text):
            found += _script(texts, i)
            continue
        # An npm script's command is on the line below its ``> pkg@1.0 script`` banner (``> size-limit``).
        body = _body(text) if _bare(after) and not _bare(banner) else None
        step = _build_step(text) if "Fail" in text or "fail" in text else body
        if step:
            found.append(step)
            continue
        if banner is not None and (script := _npm_script(banner)):
            found.append(script)
            continue
        for pattern in _INNER:
            m = pattern.search(text)
            if m:
                found.append(_inner(pattern.pattern, m["cmd"]))
                break
    return found
