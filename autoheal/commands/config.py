"""``autoheal config enable|disable|status [--json]|get KEY|set KEY VALUE|unset KEY|path|schema|validate [FILE]``.

``schema`` prints the JSON Schema of ``.github/autoheal.yml``; ``validate`` lists every problem of
that file with its line, in the words a run would stop on (``autoheal.schema``).

The user's capture settings (``autoheal.usersettings``): a TOML file in the user config
directory, overridden by ``AUTOHEAL_*`` variables, defaulting to the project's
``[tool.autoheal]``. ``status`` shows each value with the layer it came from, and which token
would be used; never the token itself, which is never written anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from autoheal import usersettings
from autoheal.errors import UsageError
from autoheal.sanitize import terminal_text

NAME = "config"
DEFAULT_REPO_CONFIG = Path(".github/autoheal.yml")  # config.DEFAULT_PATH, without importing RE2 for status


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        NAME,
        help="enable, disable or inspect capturing failures of commands (autoheal run, autoheal.capture)",
        description="Manage the user's capture settings. Precedence, highest first: "
        + ", ".join(usersettings.PRECEDENCE)
        + ". Keys: "
        + "; ".join(f"{k.name} ({k.env}): {k.doc}" for k in usersettings.KEYS.values())
        + ". The token is read from AUTOHEAL_TOKEN, GITHUB_TOKEN or `gh auth token`, never stored.",
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("enable", help="capture failures from now on")
    actions.add_parser("disable", help="stop capturing: autoheal run becomes a plain pass-through")
    status = actions.add_parser("status", help="every setting, where it comes from, and the token in use")
    status.add_argument("--json", action="store_true", help="one JSON object")
    actions.add_parser("get", help="print one setting").add_argument("key")
    setter = actions.add_parser("set", help="store one setting in the user's file")
    setter.add_argument("key")
    setter.add_argument("value")
    actions.add_parser("unset", help="remove one setting from the user's file").add_argument("key")
    actions.add_parser("path", help="print the user's settings file")
    actions.add_parser("schema", help="print the JSON Schema of .github/autoheal.yml (for editors, SchemaStore)")
    check = actions.add_parser("validate", help="every problem of a repository config, with file, line and key")
    check.add_argument("file", nargs="?", help="the config file (default: .github/autoheal.yml)")
    p.set_defaults(handler=run)


def _known(key: str) -> str:
    if key not in usersettings.KEYS:
        raise UsageError(f"unknown setting {key!r}; known: {', '.join(usersettings.KEYS)}")
    return key


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(value)
    return str(value)


def status(as_json: bool) -> str:
    settings = usersettings.load(detect=True)
    _, token_from = usersettings.token_source()
    report = {
        "settings": {k: {"value": settings[k], "source": settings.sources[k]} for k in usersettings.KEYS},
        "token": {"source": token_from},
        "files": {
            "user": str(settings.user_file),
            "project": str(settings.project_file) if settings.project_file else None,
            "spool": str(usersettings.data_dir() / "spool.sqlite3"),
        },
        "precedence": list(usersettings.PRECEDENCE),
        "repository_config": _repo_config(DEFAULT_REPO_CONFIG),
    }
    if as_json:
        return json.dumps(report, indent=2)
    state = "enabled" if settings["enabled"] else "disabled"
    lines = [f"capture: {state} (from {settings.sources['enabled']})"]
    lines += [
        f"  {k}: {_shown(settings[k]) or '-'}  ({settings.sources[k]})" for k in usersettings.KEYS if k != "enabled"
    ]
    lines.append(
        f"token: {token_from if token_from != 'none' else 'none found (set AUTOHEAL_TOKEN or GITHUB_TOKEN, or run gh auth login)'}"
    )
    lines.append(f"user file: {settings.user_file}{'' if settings.user_file.exists() else ' (not created yet)'}")
    lines.append(f"project default: {settings.project_file or 'no pyproject.toml here or above'}")
    lines.append(f"spool: {usersettings.data_dir() / 'spool.sqlite3'}")
    lines.append("precedence: " + " > ".join(usersettings.PRECEDENCE))
    repo = report["repository_config"]
    assert isinstance(repo, dict)
    lines.append(f"repository config: {repo['path']}: {repo['state']}")
    lines += [f"  {terminal_text(p)}" for p in repo["problems"]]
    return "\n".join(lines)


def _repo_config(path: Path) -> dict[str, Any]:
    """The repository config's state, for ``status``: missing, valid, or its problems."""
    from autoheal import schema

    if not path.exists():
        return {"path": str(path), "state": "missing (built-in defaults apply)", "problems": []}
    found = [str(f) for f in schema.validate_file(path)]
    return {"path": str(path), "state": "invalid" if found else "valid", "problems": found}


def validate(file: str | None) -> int:
    from autoheal import config as config_mod
    from autoheal import schema

    path = Path(file) if file else config_mod.DEFAULT_PATH
    if not path.exists():
        raise UsageError(f"{path}: config file not found" + ("" if file else " (run autoheal init to write one)"))
    found = schema.validate_file(path)
    for finding in found:
        print(terminal_text(str(finding)))
    if not found:
        print(f"{path}: valid")
    return 1 if found else 0


def run(args: argparse.Namespace) -> int:
    action = args.action
    if action == "schema":
        from autoheal import schema

        print(schema.text(), end="")
        return 0
    if action == "validate":
        return validate(args.file)
    if action in ("enable", "disable"):
        path = usersettings.write_setting("enabled", action == "enable")
        print(f"capture {action}d in {path}")
        env = usersettings.KEYS["enabled"].env
        if os.environ.get(env):
            print(f"note: {env}={os.environ[env]} in this environment overrides the file")
    elif action == "status":
        print(status(args.json))
    elif action == "get":
        print(_shown(usersettings.load(detect=True)[_known(args.key)]))
    elif action == "set":
        key = _known(args.key)
        value = usersettings.parse_value(key, args.value, f"config set {key}")
        print(f"{key} = {_shown(value)} in {usersettings.write_setting(key, value)}")
    elif action == "unset":
        print(f"{_known(args.key)} removed from {usersettings.write_setting(args.key, None)}")
    else:
        print(usersettings.user_file())
    return 0
