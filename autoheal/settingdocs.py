"""How the settings table is written down: the README's settings table and the inputs, outputs
and env mapping of ``action.yml`` and ``docker/action.yml``, generated into their ``BEGIN
autoheal.settings:`` blocks (``python -m autoheal.settings --write .``, or ``python -m autoheal
docs --write``, which writes these and the other generated docs).

Only rendering: the table (``autoheal/settings.py``) is passed in, and this module imports
nothing of autoheal but its errors, so the table can import it (for ``shown_default`` in its flags' help and its
``--write`` command) without a circle.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from autoheal.errors import AutohealError, ConfigError


class Row(Protocol):
    """What the docs read of a ``settings.Setting``."""

    @property
    def name(self) -> str: ...
    @property
    def section(self) -> str: ...
    @property
    def key(self) -> str | None: ...
    @property
    def kind(self) -> type: ...
    @property
    def default(self) -> Any: ...
    @property
    def help(self) -> str: ...
    @property
    def modes(self) -> tuple[str, ...]: ...
    @property
    def env(self) -> str | None: ...
    @property
    def flag(self) -> bool: ...
    @property
    def shown(self) -> str | None: ...
    @property
    def action_default(self) -> str: ...
    @property
    def config_key(self) -> str: ...


R = TypeVar("R", bound=Row)

# The action's outputs, for both action files (the composite one forwards its step's).
OUTPUTS: dict[str, str] = {
    "result": (
        "report: created | commented | reopened | skipped | rerun (re-run first, no issue yet) | recovered | green | "
        "closed (a green run on an issue's workflow) | verified | fix-failed | fix-new-failure (a fix branch's run); "
        "heal: opened | updated | declined | refused; stale: warned | closed | none; health: written."
    ),
    "issue-number": "Number of the issue created or updated.",
    "issue-url": "URL of the issue created or updated.",
    "issues": "report: comma-separated numbers of every issue created or updated (one per distinct failure).",
    "category": "Failure category (see the README).",
    "fingerprint": "Fingerprint of the failure used for deduplication.",
    "pr-number": "Number of the fix pull request (heal).",
    "pr-url": "URL of the fix pull request (heal).",
    "branch": "Fix branch pushed (heal).",
    "rerun": "report: true when autoheal re-ran the run's failed jobs.",
    "warned": "stale: comma-separated numbers of fix PRs warned.",
    "closed": "stale: comma-separated numbers of fix PRs closed (their branches deleted).",
    "health-issue": "health: number of the health issue.",
    "api-calls": "health: API requests the report cost.",
    "heal-result": "report with inline heal: what the heal did (opened | updated | declined | refused).",
}


def by_input(rows: Iterable[R]) -> dict[str, list[R]]:
    """Every action input, in table order, with the rows it sets."""
    found: dict[str, list[R]] = {}
    for s in rows:
        found.setdefault(s.name, []).append(s)
    return found


_KIND_NAMES = {int: "a whole number", float: "a number", bool: "true or false", list: "a list", str: "text"}


def kind_name(kind: type) -> str:
    return _KIND_NAMES.get(kind, kind.__name__)


def shown_default(s: Row) -> str:
    if s.shown is not None:
        return s.shown
    if s.default is None or s.default == ():
        return "none"
    if isinstance(s.default, bool):
        return str(s.default).lower()
    if isinstance(s.default, tuple):
        return ",".join(s.default)
    return str(s.default)


def description(rows: Iterable[Row]) -> str:
    """An action input's description: what it sets, in every mode, with the default in code."""
    rows = list(rows)
    if len(rows) == 1:
        s = rows[0]
        return f"{s.help[0].upper()}{s.help[1:]}. Default: {shown_default(s).replace('`', '')}."
    parts = [f"{s.section or 'every mode'}: {s.help} (default {shown_default(s)})" for s in rows]
    return "; ".join(parts) + "."


def markdown(table: Sequence[Row]) -> str:
    """The README's settings table."""
    lines = [
        "| input | config key | CLI flag | default | type | modes | meaning |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in table:
        key = f"`{s.config_key}`" if s.key else "—"
        flag = f"`--{s.name}`" if s.flag else (f"`${s.env}`" if s.env else "the command")
        default = shown_default(s)
        default = default if default.startswith("`") or " " in default or default == "none" else f"`{default}`"
        modes = ", ".join(s.modes)
        if s.section == "heal" and "report" in s.modes:
            modes = modes.replace("heal, report", "heal, report (inline heal)")
        lines.append(f"| `{s.name}` | {key} | {flag} | {default} | {kind_name(s.kind)} | {modes} | {s.help} |")
    return "\n".join(lines) + "\n"


# -- the generated blocks of README.md, action.yml and docker/action.yml ---------------------
GENERATED = ("README.md", "action.yml", "docker/action.yml")
_MARK = "autoheal.settings:"


def _input_lines(table: Sequence[Row]) -> list[str]:
    lines: list[str] = []
    for name, rows in by_input(table).items():
        default = rows[0].action_default
        lines += [f"{name}:", f"  description: {_quote(description(rows))}", "  required: false"]
        lines.append(f"  default: {_quote(default)}")
    return lines


def _quote(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar: no YAML special character can break it.
    return json.dumps(text, ensure_ascii=False)


def blocks(table: Sequence[Row]) -> dict[str, list[str]]:
    """Block name -> its lines, unindented."""
    outputs = [line for k, v in OUTPUTS.items() for line in (f"{k}:", f"  description: {_quote(v)}")]
    forwarded: list[str] = []
    for k, v in OUTPUTS.items():
        forwarded += [f"{k}:", f"  description: {_quote(v)}", f"  value: ${{{{ steps.run.outputs.{k} }}}}"]
    # A composite action gets no INPUT_* from the runner: it passes each input as a Docker action
    # gets it (INPUT_ + the name upper-cased, hyphens kept), so one entrypoint reads both.
    env = [f"INPUT_{name.upper()}: ${{{{ inputs.{name} }}}}" for name in by_input(table)]
    return {
        "inputs": _input_lines(table),
        "outputs": outputs,
        "outputs-composite": forwarded,
        "env": env,
        "table": markdown(table).splitlines(),
    }


def refresh(text: str, table: Sequence[Row], source: str = "the text") -> str:
    """``text`` with every generated block it marks rewritten from the table; ``source`` names
    the file in the error a broken marker raises."""
    out: list[str] = []
    lines = iter(enumerate(text.splitlines(keepends=True), 1))
    generated = blocks(table)
    for number, line in lines:
        out.append(line)
        stripped = line.strip()
        if f"BEGIN {_MARK}" not in stripped:
            continue
        name = (stripped.split(f"BEGIN {_MARK}", 1)[1].split() or [""])[0]
        if name not in generated:
            known = ", ".join(generated)
            raise ConfigError(
                f"{source}:{number}: unknown generated block {name!r} after 'BEGIN {_MARK}' (one of {known})"
            )
        end = next((ln for _, ln in lines if f"END {_MARK} {name}" in ln), None)
        if end is None:
            raise ConfigError(
                f"{source}:{number}: the generated block {name!r} has no 'END {_MARK} {name}' line: "
                "restore it where the block ends, then rerun python -m autoheal.settings --write ."
            )
        indent = line[: len(line) - len(line.lstrip())]
        out += [f"{indent}{body}\n" if body else "\n" for body in generated[name]]
        out.append(end)
    return "".join(out)


def main(argv: list[str] | None, table: Sequence[Row], description: str) -> int:
    """``python -m autoheal.settings``: print the table, or check or rewrite the generated blocks."""
    parser = argparse.ArgumentParser(prog="python -m autoheal.settings", description=description)
    parser.add_argument("--markdown", action="store_true", help="print the README's settings table")
    parser.add_argument("--write", metavar="ROOT", help=f"rewrite the generated blocks of {', '.join(GENERATED)}")
    parser.add_argument("--check", metavar="ROOT", help="exit 1 when a generated block is stale")
    args = parser.parse_args(argv)
    try:
        return _run(args, table)
    except AutohealError as exc:  # this module's own ``python -m`` entry point, outside autoheal's CLI handler
        print(f"autoheal.settings: error: {exc}", file=sys.stderr)
        return exc.exit_code


def _run(args: argparse.Namespace, table: Sequence[Row]) -> int:
    if args.markdown:
        print(markdown(table), end="")
    stale = []
    for root in filter(None, (args.write, args.check)):
        for name in GENERATED:
            path = Path(root) / name
            text = path.read_text(encoding="utf-8")
            fresh = refresh(text, table, str(path))
            if fresh != text:
                stale.append(str(path))
                if args.write:
                    path.write_text(fresh, encoding="utf-8")
    if args.check and stale:
        print(f"stale (run python -m autoheal.settings --write .): {', '.join(stale)}")
        return 1
    return 0
