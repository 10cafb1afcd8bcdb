"""The failure in a maintainer's words: the key lines, and a title made from the first of them.

Triage picks the line that explains a failure (the anchor); this module says
it the way a maintainer would: without the prefixes tools and runners put in
front of a message (pytest's ``E   ``, ``npm ERR!``, ``##[error]``,
``[ERROR]``, timestamps, gutters) and with where it failed, as
``tests / pytest: ModuleNotFoundError: No module named 'yaml'``.

Pure functions of a Diagnosis; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import replace

from autoheal import blocks, cmdwords, dialect, lazyre
from autoheal.models import Diagnosis, ExcerptLine
from autoheal.normalize import strip_ansi

MAX_KEY_LINES = 3
MESSAGE_CHARS = 200
LABEL_CHARS = 60

# Prefixes that say who printed a line, not what failed. Applied repeatedly, in
# any order, so "2024-01-01T00:00:00Z ##[error]npm ERR! x" loses all three.
_PREFIXES = (
    re.compile(r"^\ufeff"),
    # ISO-8601 timestamps (the runner's 7 fractional digits and Z, or a zone), bracketed or not.
    re.compile(r"^\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]?\s*"),
    # Clock times: "[12:01:02] ", "12:01:02.123 ", a 12-hour clock's "[10:02:13 AM] ", fastlane's "[14:02:14]: ".
    # A 12-hour clock's hour may be one digit (toLocaleTimeString: "[5:10:00 AM] ").
    re.compile(r"^\[?\d{1,2}:\d\d:\d\d(?:[.,]\d+)?(?: ?[AaPp][Mm])?\]?:?\s+"),
    re.compile(r"^==\d+==\s*"),  # the process id valgrind and the sanitizers put before each line of a report
    # A runner's tag with its elapsed time (xUnit's VSTest adapter: "[xUnit.net 00:00:07.25] ").
    re.compile(r"^\[[A-Za-z][\w.+-]* \d+:\d\d:\d\d(?:[.,]\d+)?\]\s*"),
    re.compile(r"^##\[(?:error|warning|notice|debug|command|group|section)\]"),
    re.compile(r"^::(?:error|warning|notice)(?: [^:]*)?::"),  # workflow commands echoed raw
    re.compile(r"^E(?:\s{2,}|\s(?=\w+(?:Error|Exception|Exit)\b))"),  # pytest's failure gutter
    re.compile(r"^npm (?:ERR!|error)\s*"),
    re.compile(r"^(?:yarn|pnpm) (?:ERR!|error)\s+"),
    # A status mark before the message (esbuild's "✘ [ERROR]", ESLint's "✖", Jest's "●").
    re.compile(r"^[✘✖✗×❌●]\s+"),
    re.compile(r"^\[(?:ERROR|FATAL|error|fatal|ERR|E)\]\s*"),  # Maven, sbt, many loggers
    re.compile(r"^(?:ERROR|FATAL)(?::|\s+-)\s+(?=\S)"),  # pip's "ERROR: ...", log4j's "ERROR - ..."
    re.compile(r"^FAILED\s+(?=\S)"),  # pytest's short summary
    re.compile(r"^-{2,}\s+(?=FAIL)"),  # go test's "--- FAIL:"
    re.compile(r"^(?:>\s*)+"),  # quote and diff gutters, npm's "> script"
    re.compile(r"^\|\s+"),
    re.compile(r"^[│┃║]\s*"),  # a box-drawn frame's gutter (terraform's and cargo-deny's diagnostics)
    re.compile(r"^\s+"),
)
# "error: error: x" and "Error: Error: x": the same word twice says nothing more.
_DOUBLED = re.compile(r"^((?:error|Error|ERROR|fatal|warning)(?:\[[^\]]*\])?:\s+)(?=(?:error|Error|ERROR|fatal):)")
_SPACES = re.compile(r"\s+")
# The runner's checkout directory in front of a path says nothing: "/home/runner/work/app/app/src/x.py".
# https://docs.github.com/en/actions/reference/variables-reference (GITHUB_WORKSPACE)
_WORKSPACE = re.compile(r"(?:/home/runner/work|/Users/runner/work|[A-Za-z]:[\\/]a)[\\/]([^\\/\s]+)[\\/]\1[\\/]")


def clean_line(text: str) -> str:
    """A log line without tool and runner prefixes, on one line; the original when nothing is left."""
    line = dialect.without_columns(strip_ansi(text)).replace("\t", " ").strip()
    original = _SPACES.sub(" ", line)
    changed = True
    while changed and line:
        changed = False
        for prefix in (*_PREFIXES, _DOUBLED):
            stripped = prefix.sub("", line, count=1)
            if stripped != line:
                line, changed = stripped.strip(), True
    return _WORKSPACE.sub("", _SPACES.sub(" ", line)) or original


def _same(text: str, summary: str) -> bool:
    """Whether an excerpt line is the line ``summary`` was made from (triage shortens it with "…")."""
    line = " ".join(text.split())
    if summary.endswith("\u2026"):
        return bool(summary[:-1]) and line.startswith(summary[:-1].rstrip())
    return line == summary


def key_lines_for(diagnosis: Diagnosis) -> tuple[int, ...]:
    """The 1–3 excerpt lines that say what failed, the anchor first.

    Triage fills ``key_lines`` itself; until it does (or for a diagnosis made
    elsewhere) these are the excerpt lines the summary was taken from.
    """
    shown = {e.line for e in diagnosis.excerpt}
    if diagnosis.key_lines:
        return tuple(n for n in diagnosis.key_lines if n in shown)[:MAX_KEY_LINES]
    summary = " ".join(diagnosis.summary.split())
    found: list[int] = []
    for e in diagnosis.excerpt:
        if summary and _same(e.text, summary) and e.line not in found:
            found.append(e.line)
    return tuple(found[:1])


def with_key_lines(diagnosis: Diagnosis) -> Diagnosis:
    """The diagnosis with ``key_lines`` filled (by ``key_lines_for``) when triage left it empty."""
    if diagnosis.key_lines:
        return diagnosis
    return replace(diagnosis, key_lines=key_lines_for(diagnosis))


def key_excerpt(diagnosis: Diagnosis) -> tuple[ExcerptLine, ...]:
    """The excerpt entries of the key lines, the anchor first."""
    by_line: dict[int, ExcerptLine] = {}
    for e in diagnosis.excerpt:
        by_line.setdefault(e.line, e)
    return tuple(by_line[n] for n in key_lines_for(diagnosis) if n in by_line)


def in_log_order(lines: tuple[ExcerptLine, ...]) -> tuple[ExcerptLine, ...]:
    """Key lines as the log has them, for showing them together."""
    return tuple(sorted(lines, key=lambda e: (e.file, e.line)))


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _says_what(line: str) -> bool:
    """A line that says what failed: error wording or a diagnostic, not a header, verdict or exit line."""
    text = clean_line(line)
    return blocks.error_score(text) >= 2 and not (
        blocks.header(text) or blocks.summary(text) or blocks.symptom(text) or blocks.warning(text)
    )


def message(diagnosis: Diagnosis) -> str:
    """What failed, in the tool's words without its prefixes: the first key line, else the summary.

    A run's verdict (``test result: FAILED. 1 failed``, rustc's ``error: aborting due to previous
    error``) says how much failed, not what: when the first key line is one, the message is the first
    line above it in the excerpt that says what failed, if there is one.
    """
    keys = key_excerpt(diagnosis)
    if not keys:
        return _shorten(clean_line(diagnosis.summary) or diagnosis.category, MESSAGE_CHARS)
    first = keys[0]
    if blocks.summary(clean_line(first.text)):
        above = (e for e in diagnosis.excerpt if e.file == first.file and e.line < first.line and _says_what(e.text))
        first = next(above, first)
    return _shorten(clean_line(first.text) or diagnosis.category, MESSAGE_CHARS)


# Package runners that run another tool: the tool they run is the name to show. The shell's wrappers
# (``sudo -u app``, ``timeout -s KILL 600``) and their options are cmdwords' to skip, as tools.py does.
# Tools whose first word after the name is what they were asked to do ("go test", "npm run lint").
_SUBCOMMANDS = frozenset(
    {
        "go",
        "cargo",
        "npm",
        "yarn",
        "pnpm",
        "bun",
        "deno",
        "dotnet",
        "mvn",
        "mvnw",
        "gradle",
        "gradlew",
        "make",
        "docker",
        "git",
        "helm",
        "terraform",
        "swift",
        "flutter",
        "dart",
        "mix",
        "rake",
        "sbt",
        "tox",
        "nox",
        "composer",
        "gem",
        "pip",
        "pip3",
        "stack",
        "cabal",
        "zig",
        "bazel",
        "nx",
        "turbo",
    }
)
_SHELL_WORDS = frozenset(
    {"set", "cd", "export", "source", ".", "if", "for", "while", "case", "echo", "mkdir", "[", "[[", "{", "(", "#"}
    | {"pushd", "trap", "shopt", "ulimit", "umask", "eval", "declare", "local", "printf", "true", "cat", "ls"}
)
_SHELLS = frozenset({"bash", "sh", "zsh", "dash", "pwsh", "powershell", "node", "ruby", "perl"})
_PYTHONS = lazyre.compile(r"^python(?:\d(?:\.\d+)?)?$|^py$")
_COMMANDISH = lazyre.compile(r"(?:^|\s)--?[A-Za-z]|[/=|&;$]")


def _tool(words: list[str]) -> str:
    # A Windows path (``.\\build.ps1``) keeps its backslashes: a POSIX shell's reading would eat them.
    words = cmdwords.command_words(" ".join(words)) if not any("\\" in w for w in words) else words
    # A launcher's options are not the tool (``npx -y X``, ``uv run --frozen X``): the command it runs is, by
    # its package's name without scope or version (``bunx oxlint@0.11``, ``go run example.com/cmd/x@v1``).
    if (run := cmdwords.launched(words)) is not None:
        words = [cmdwords.package_name(run[0]), *run[1:]]
    if not words:
        return ""
    name = words[0].rsplit("/", 1)[-1]
    rest = words[1:]
    if _PYTHONS.match(name) and len(rest) >= 2 and rest[0] == "-m":
        return rest[1]
    if (name in _SHELLS or _PYTHONS.match(name)) and rest and not rest[0].startswith("-"):
        return rest[0].rsplit("/", 1)[-1]  # the script it runs
    if name.removesuffix(".bat") in _SUBCOMMANDS:
        subs = [w for w in rest if not w.startswith("-")]
        if name in ("npm", "pnpm", "yarn", "bun") and subs[:1] == ["run"]:
            return " ".join([name, *subs[:2]])
        return f"{name} {subs[0]}" if subs else name
    return name


# A first word that says a tool runs: one that takes a subcommand, a launcher, or a wrapper.
_KNOWN = _SUBCOMMANDS | cmdwords.LAUNCHERS | cmdwords.WRAPPERS


def step_label(step: str) -> str:
    """A step as a maintainer names it: its name, or for a command (``Run python -m pytest -q``) the tool."""
    text = " ".join(step.split())
    command = text[4:] if text.startswith("Run ") else text
    words = command.split(" ")
    if "@" in words[0]:  # an action, "actions/checkout@v4": its name is its reference
        return _shorten(command, LABEL_CHARS)
    if words[0] in _SHELL_WORDS:
        return ""  # a script's first line ("set -e", "cd src") does not say which tool ran
    known = words[0] in _KNOWN or _PYTHONS.match(words[0])
    if _COMMANDISH.search(command) or known:
        tool = _tool(words)
        if tool:
            return _shorten(tool, LABEL_CHARS)
    return _shorten(text, LABEL_CHARS)


def where(diagnosis: Diagnosis) -> str:
    """``job / step``, either alone when the other is unknown or the same, or ""."""
    step = (diagnosis.timing.running if diagnosis.timing else "") or diagnosis.step
    parts = [_shorten(" ".join((diagnosis.job or "").split()), LABEL_CHARS), step_label(step) if step else ""]
    parts = [p for p in parts if p]
    if len(parts) == 2 and parts[0] == parts[1]:
        parts = parts[:1]
    return " / ".join(parts)


def headline(diagnosis: Diagnosis) -> str:
    """``where: message``, the issue's default title (render.py sanitises and cuts it to 256)."""
    place = where(diagnosis)
    return f"{place}: {message(diagnosis)}" if place else message(diagnosis)
