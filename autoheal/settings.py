"""The one table of settings: for each, its action input, config key, CLI flag, default and meaning.

Everything that maps a setting reads this table: ``entrypoint.py`` (input -> flag), the commands'
flags (``add_flags``), the config loader's schema (``config_schema``), the resolution with its
precedence (``resolve``: flag or input > config file > default, the default applied here and only
here), and the generated docs (``python -m autoheal.settings --markdown``; ``--write`` refreshes
the README table and the inputs of ``action.yml`` and ``docker/action.yml``; the rendering is
``autoheal/settingdocs.py``, which this module hands the table).

Adding a setting is one line in ``SETTINGS`` (then ``python -m autoheal.settings --write``).
Why action.yml's defaults are empty: the runner sends every input, filling in its default, so a
non-empty default would always beat the config file (issue 9, item 1).
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from autoheal import settingdocs

# Re-exported: how the docs (and the flags' help) say a setting's type, default and outputs.
from autoheal.settingdocs import GENERATED as GENERATED
from autoheal.settingdocs import OUTPUTS as OUTPUTS
from autoheal.settingdocs import kind_name as kind_name
from autoheal.settingdocs import shown_default as shown_default

# The committer's defaults, defined here (gitops takes them from here): every command loads the settings,
# and importing gitops for them loaded git's wrapper and subprocess into each triage's start-up.
BOT_NAME = "autoheal[bot]"
BOT_EMAIL = "autoheal[bot]@users.noreply.github.com"
MODES = ("report", "heal", "stale", "health")
# Flags that autoheal.flags defines for every command (triage too); add_flags adds the others.
DEFINED_BY_FLAGS = frozenset({"config", "templates", "dry-run"})
Kind = type  # str, int, float, bool or list (comma- or newline-separated in inputs and flags)


@dataclass(frozen=True)
class Setting:
    """One row of the table. ``name`` is the action input and the CLI flag ``--name``."""

    name: str
    section: str  # the config file's section: "report", "heal", or "" for the top level
    key: str | None  # key in that section; None: not in the config (per-run values, tokens)
    kind: Kind
    default: Any  # a tuple for lists (frozen rows); ``resolve`` hands out lists
    help: str
    modes: tuple[str, ...]  # action modes whose command takes it ("report" takes heal's for report.heal)
    env: str | None = None  # secrets go by this environment variable, never argv or the config
    flag: bool = True  # False: no CLI flag (mode is the command; tokens go by env)
    shown: str | None = None  # the default as the docs say it, when the value alone does not tell
    action_default: str = ""  # default in action.yml: empty, except an expression only the runner knows

    @property
    def dest(self) -> str:
        return self.name.replace("-", "_")

    @property
    def config_key(self) -> str:
        return f"{self.section}.{self.key}" if self.section and self.key else (self.key or "")


def _common(name: str, kind: Kind, default: Any, help: str, key: str | None = None, **kw: Any) -> Setting:
    return Setting(name, "", key, kind, default, help, MODES, **kw)


def _token(name: str, env: str, help: str, **kw: Any) -> Setting:
    return Setting(name, "", None, str, "", help, MODES, env=env, flag=False, **kw)


def _report(name: str, kind: Kind, default: Any, help: str, key: str | None = "", **kw: Any) -> Setting:
    return Setting(name, "report", name if key == "" else key, kind, default, help, ("report",), **kw)


def _stale(name: str, kind: Kind, default: Any, help: str, key: str | None = "", **kw: Any) -> Setting:
    return Setting(name, "stale", name if key == "" else key, kind, default, help, ("stale",), **kw)


def _health(name: str, kind: Kind, default: Any, help: str, key: str | None = "", **kw: Any) -> Setting:
    return Setting(name, "health", name if key == "" else key, kind, default, help, ("health",), **kw)


def _heal(name: str, kind: Kind, default: Any, help: str, key: str | None = "", **kw: Any) -> Setting:
    key = name if key == "" else key
    # Report mode heals inline (report.heal: true), so it takes every heal setting of the config too.
    return Setting(name, "heal", key, kind, default, help, ("heal", "report") if key else ("heal",), **kw)


_WITH_STALE = ("heal", "report", "stale")

SETTINGS: tuple[Setting, ...] = (
    _common(
        "mode",
        str,
        "report",
        "report (file a failed run as an issue), heal (fix an issue), stale (close old fix PRs) or health",
        flag=False,
    ),
    _token(
        "github-token",
        "AUTOHEAL_TOKEN",
        "token for the API and pushes (never printed)",
        shown="`github.token`",
        action_default="${{ github.token }}",
    ),  # fmt: skip
    _token(
        "workflow-token",
        "AUTOHEAL_WORKFLOW_TOKEN",
        "token that may push workflow files (a PAT with the workflow scope or an App token with "
        "workflows: write), used only for such pushes; without it such fixes are posted as a patch",
    ),
    _token(
        "agent-token",
        "AUTOHEAL_AGENT_TOKEN",
        "a user's token: with it a failure no fixer applies to is assigned to Copilot coding agent",
    ),
    _common("config", str, None, "config file (rules, report and heal settings)", shown="`.github/autoheal.yml`"),
    _common("templates", str, None, "directory of templates overriding the defaults", key="templates"),
    _common("dry-run", bool, False, "do every read, print every write instead of making it"),
    _report("run-id", int, None, "report this run (workflow_dispatch)", key=None, shown="the event's run"),
    _report("labels", list, ("autoheal",), "labels of new issues; the first one marks autoheal's issues"),
    _report("conclusions", list, ("failure", "timed_out", "startup_failure"), "run conclusions to report"),
    _report("exclude-workflows", list, (), "globs of workflow names or paths never to report"),
    _report("branches", list, (), "branch globs to report", shown="the default branch"),
    _report("max-issues-per-hour", int, 10, "cap on new issues per hour (a flood guard)"),
    _report("reopen-days", int, 14, "a matching issue closed as completed this recently is reopened"),
    _report("auto-heal-label", bool, False, "also label new issues auto-heal, so heal mode picks them up"),
    _report(
        "baseline",
        bool,
        True,
        "triage each failed job against the same job of the workflow's last green run: lines it also printed "
        "are noise (2 API calls)",
    ),
    # Closing the loop (issue 11): re-runs of transient failures, recovery, fix PR verification.
    _report("rerun", bool, False, "re-run the failed jobs of a transient failure (network, rate limit, runner)"),
    _report("rerun-min-confidence", float, 0.8, "re-run only at or above this triage confidence (0-1)"),
    _report("max-reruns", int, 1, "re-run a run at most this many times"),
    _report("max-reruns-per-hour", int, 5, "cap on re-runs started per hour (counted from the runs list)"),
    _report("rerun-before-report", bool, False, "open no issue for a re-run failure until the re-run fails too"),
    _report("ready-when-green", bool, False, "mark a draft fix PR ready for review when its CI passes"),
    _report("close-after-green", int, 0, "close an issue as completed after this many green runs (0: never)"),
    _report("inline-heal", bool, False, "heal each new or updated issue in the same job", key="heal"),
    _heal("issue-number", int, None, "heal this issue (workflow_dispatch)", key=None, shown="the labelled issue"),
    _heal("heal-label", str, "auto-heal", "the label that asks heal to fix an issue", key="label"),
    _heal("base", str, None, "branch fix PRs target", shown="the failed run's branch, else the default branch"),
    _heal("min-confidence", float, 0.6, "do not edit below this triage confidence (0-1); comment instead"),
    _heal("max-changed-files", int, 3, "do not open a PR that changes more files than this"),
    _heal("max-attempts", int, 3, "stop after this many fix PRs for one failure were closed unmerged"),
    _heal("min-fix-success", float, 0.7, "stop fixing with a rule whose last 10 fix PRs were merged less often"),
    _heal("max-prs-per-hour", int, 5, "cap on new fix PRs per hour"),
    # The job-timeout fixer's own options: None leaves its default (autoheal/fixers/job_timeout.py).
    _heal("timeout-factor", float, None, "the job-timeout fixer multiplies timeout-minutes by this", shown="1.5"),
    _heal("timeout-cap", int, None, "the job-timeout fixer never goes above this many minutes", shown="360"),
    _heal("verify-command", str, None, "command run in the fixed tree; no PR if it fails"),
    _heal("agent-mention", str, None, "mention (e.g. @copilot) that a failure no fixer applies to is handed to"),
    _heal("allowed-bots", list, (), "bots (besides people with write access) that may trigger heal"),
    _heal("protected-paths", list, (), "globs of files heal never edits: a fix touching one is posted on the issue"),
    _heal("allow-high-risk", bool, False, "open PRs for high-risk fixes too (otherwise the patch goes on the issue)"),
    _heal("reviewers", list, (), "reviewers to request on fix PRs"),
    _heal("labels", list, ("autoheal",), "labels of fix PRs"),
    # stale takes the committer too: the only commits it treats as autoheal's carry this identity.
    Setting("committer-name", "heal", "committer-name", str, BOT_NAME, "name on fix commits", _WITH_STALE),
    Setting("committer-email", "heal", "committer-email", str, BOT_EMAIL, "email on fix commits", _WITH_STALE),
    _stale("stale-days", int, 14, "a fix PR with no activity for this many days gets a warning"),
    _stale("close-days", int, 7, "a warned fix PR with no activity for this many more days is closed"),
    _health("days", int, 30, "the window health looks at, in days"),
    _health("format", str, "markdown", "markdown or json (printed; the summary is always markdown)", key=None),
    _health("svg", str, None, "also write the failure-rate chart to this SVG file (needs pygal)", key=None),
)


def for_mode(mode: str) -> list[Setting]:
    """The settings mode's command takes, one per input name (report's ``labels`` before heal's)."""
    seen: dict[str, Setting] = {}
    for s in SETTINGS:
        if mode in s.modes:
            seen.setdefault(s.name, s)
    return list(seen.values())


def by_name(name: str) -> Setting:
    """The first row of input ``name``."""
    return inputs()[name][0]


def inputs() -> dict[str, list[Setting]]:
    """Every action input, in table order, with the rows it sets."""
    return settingdocs.by_input(SETTINGS)


def config_schema() -> dict[str, dict[str, type | tuple[type, ...]]]:
    """Config key -> allowed Python type(s), per section (``""`` is the top level)."""
    schema: dict[str, dict[str, type | tuple[type, ...]]] = {}
    for s in SETTINGS:
        if s.key is not None:
            schema.setdefault(s.section, {})[s.key] = (int, float) if s.kind is float else s.kind
    return schema


# -- values from inputs and flags ------------------------------------------------------------
def split_list(value: str) -> list[str]:
    """A comma- or newline-separated list, as action inputs and flags take them."""
    return [v.strip() for v in value.replace("\n", ",").split(",") if v.strip()]


def check_input(s: Setting, value: str) -> str | None:
    """Why ``value`` is not valid for input ``s``, or None."""
    if s.kind is bool:
        return None if value in ("true", "false") else f"input {s.name!r} must be true or false (got {value!r})"
    try:
        if s.kind in (int, float):
            s.kind(value)
    except ValueError:
        return f"input {s.name!r} must be {kind_name(s.kind)} (got {value!r})"
    return None


def argv_for(s: Setting, value: str) -> list[str]:
    """The flags input ``s`` set to ``value`` (already checked) becomes."""
    if s.kind is bool:
        return [f"--{s.name}" if value == "true" else f"--no-{s.name}"]
    return [f"--{s.name}", value]


def add_flags(parser: argparse.ArgumentParser, mode: str, title: str | None = None) -> None:
    """One flag per setting ``mode`` takes from the config. Every default is None, so an unset
    flag leaves the choice to the config file; ``resolve`` applies the table's default."""
    group = parser.add_argument_group(title) if title else parser
    for s in for_mode(mode):
        if not s.flag or s.name in DEFINED_BY_FLAGS:
            continue
        help_text = f"{s.help} (default: {shown_default(s)})"
        if s.kind is bool:
            group.add_argument(f"--{s.name}", action=argparse.BooleanOptionalAction, default=None, help=help_text)
        else:
            kind: Any = split_list if s.kind is list else s.kind
            group.add_argument(f"--{s.name}", type=kind, default=None, help=help_text)


def resolve(args: argparse.Namespace, section: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Config key -> value for every setting of ``section``: the flag, else the config, else the default.

    ``values`` is that section of the config (``Config.section(name)``)."""
    out: dict[str, Any] = {}
    for s in SETTINGS:
        if s.section != section or s.key is None:
            continue
        flag = getattr(args, s.dest, None) if s.flag else None
        value = flag if flag is not None else values.get(s.key, s.default)
        out[s.key] = list(value) if isinstance(value, (list, tuple)) else value
    return out


# -- docs ------------------------------------------------------------------------------------
def markdown() -> str:
    """The README's settings table."""
    return settingdocs.markdown(SETTINGS)


def refresh(text: str, source: str = "the text") -> str:
    """``text`` with every generated block it marks rewritten from the table (``source`` names it in errors)."""
    return settingdocs.refresh(text, SETTINGS, source)


def main(argv: list[str] | None = None) -> int:
    return settingdocs.main(argv, SETTINGS, "The one table of settings: regenerate what it documents.")


if __name__ == "__main__":
    raise SystemExit(main())
