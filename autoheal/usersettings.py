"""The user's capture settings (``autoheal config``), their environment overrides and the project default.

Each value comes from the first layer that sets it (``autoheal config status`` shows which):

1. the command line (``autoheal run --repo ... --labels ... --max-log-lines ...``)
2. the environment: ``AUTOHEAL_<KEY>`` with ``-`` as ``_`` (``AUTOHEAL_ENABLED``, ``AUTOHEAL_REPO``...)
3. the user's file, ``config.toml`` in the user config directory (``autoheal config set``)
4. the project's default, ``[tool.autoheal]`` in the nearest ``pyproject.toml`` at or above the cwd
5. detected: ``repo`` from ``$GITHUB_REPOSITORY`` or the checkout's GitHub ``origin``
6. the built-in default

The token is never stored: ``AUTOHEAL_TOKEN``, then ``GITHUB_TOKEN``, then ``gh auth token``.
Reading the settings is on the path of every ``autoheal run``, so it imports little.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from autoheal.errors import ConfigError, GitError

APP = "autoheal"
PRECEDENCE = ("flag", "environment", "user file", "project pyproject.toml", "detected", "default")
_REPO = re.compile(r"[\w.-]+/[\w.-]+")
_ORIGIN = re.compile(r"github\.com[:/]([\w.-]+/[\w.-]+?)(?:\.git)?/?$")
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


@dataclass(frozen=True)
class Key:
    name: str
    kind: type
    default: Any
    doc: str

    @property
    def env(self) -> str:
        return "AUTOHEAL_" + self.name.upper().replace("-", "_")


KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key("enabled", bool, False, "capture failures of `autoheal run` and of the Python hooks"),
        Key("repo", str, "", "OWNER/NAME the issues go to (default: the checkout's GitHub origin)"),
        Key("labels", list, [], "extra labels for new issues (autoheal and cli-error are always there)"),
        Key("max-log-lines", int, 200, "lines of output (or log records) kept for the report"),
        Key("bundle-minutes", int, 15, "at most one counter update per failure in this many minutes"),
        Key("max-issues-per-hour", int, 10, "cap on new issues per hour"),
        Key("api-url", str, "https://api.github.com", "REST API base URL (GitHub Enterprise Server)"),
        Key("spool-size", int, 500, "distinct failures the offline spool keeps (the oldest are dropped)"),
        Key("env", list, [], "more environment variable names whose values a report may show"),
    )
}


@dataclass(frozen=True)
class Settings:
    values: Mapping[str, Any]
    sources: Mapping[str, str]
    user_file: Path
    project_file: Path | None

    def __getitem__(self, key: str) -> Any:
        return self.values[key]


def config_dir() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP, appauthor=False))


def user_file() -> Path:
    return config_dir() / "config.toml"


def parse_value(key: str, raw: object, where: str) -> Any:
    """``raw`` (a string from the environment or the command line, or a TOML value) as ``key``'s type."""
    spec = KEYS.get(key)
    if spec is None:
        raise ConfigError(f"{where}: unknown setting {key!r} (known: {', '.join(KEYS)})")
    value = _coerce(spec, raw, where)
    if key == "repo" and value and not _REPO.fullmatch(value):
        raise ConfigError(f"{where}: repo must be OWNER/NAME, not {value!r}")
    if key == "api-url" and not str(value).startswith(("https://", "http://")):
        raise ConfigError(f"{where}: api-url must be an http(s) URL")
    return value


def _coerce(spec: Key, raw: object, where: str) -> Any:
    if spec.kind is bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in _TRUE + _FALSE:
            return raw.strip().lower() in _TRUE
    elif spec.kind is int:
        text = str(raw).strip() if isinstance(raw, (int, str)) and not isinstance(raw, bool) else ""
        if text.isdigit():
            return int(text)
    elif spec.kind is list:
        if isinstance(raw, str):
            return [v.strip() for v in raw.replace("\n", ",").split(",") if v.strip()]
        if isinstance(raw, list) and all(isinstance(v, str) for v in raw):
            return list(raw)
    elif isinstance(raw, str):
        return raw.strip()
    wanted = {bool: "true or false", int: "a whole number >= 0", list: "a comma-separated list"}.get(spec.kind, "text")
    raise ConfigError(f"{where}: {spec.name} must be {wanted}, not {raw!r}")


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a dict; {} when missing; ConfigError naming the file when unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    try:
        if sys.version_info >= (3, 11):
            import tomllib

            return tomllib.loads(text)
        import tomlkit

        return tomlkit.parse(text).unwrap()
    except ValueError as exc:  # tomllib.TOMLDecodeError and tomlkit's errors are ValueErrors
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _project_table(path: Path) -> dict[str, Any]:
    """``[tool.autoheal]`` of a pyproject.toml; most have none, so they are not parsed."""
    try:
        if b"tool.autoheal" not in path.read_bytes():
            return {}
    except OSError:
        return {}
    table = read_toml(path).get("tool", {}).get(APP, {})
    return table if isinstance(table, dict) else {}


def _layer(data: Mapping[str, Any], where: str) -> dict[str, Any]:
    return {key: parse_value(key, value, f"{where}: {key}") for key, value in data.items()}


def _env_layer(environ: Mapping[str, str]) -> dict[str, Any]:
    # An empty variable counts as unset, as shells make it easy to leave one empty.
    return {k.name: parse_value(k.name, environ[k.env], k.env) for k in KEYS.values() if environ.get(k.env)}


def detect_repo(cwd: Path, environ: Mapping[str, str]) -> str:
    """$GITHUB_REPOSITORY, else the GitHub repository the checkout's ``origin`` points at, else ""."""
    from autoheal import gitops  # only when a report is built: capture's start-up stays light

    if _REPO.fullmatch(environ.get("GITHUB_REPOSITORY", "")):
        return environ["GITHUB_REPOSITORY"]
    match = _ORIGIN.search(gitops.origin_url(cwd))
    return match[1] if match else ""


def load(
    flags: Mapping[str, Any] | None = None,
    *,
    cwd: Path | None = None,
    environ: Mapping[str, str] | None = None,
    detect: bool = False,
) -> Settings:
    """Every setting with the layer it came from; ConfigError names the file or variable at fault."""
    environ = os.environ if environ is None else environ
    cwd = cwd or Path.cwd()
    path = user_file()
    project = find_pyproject(cwd)
    tool = _project_table(project) if project else {}
    layers: list[tuple[str, Callable[[], Mapping[str, Any]]]] = [
        ("flag", lambda: {k: v for k, v in (flags or {}).items() if v is not None}),
        ("environment", lambda: _env_layer(environ)),
        (f"user file {path}", lambda: _layer(read_toml(path), str(path))),
        (f"project {project}", lambda: _layer(tool, f"{project} [tool.autoheal]")),
        ("detected", lambda: {"repo": detect_repo(cwd, environ)} if detect else {}),
    ]
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for name, layer in layers:
        for key, value in layer().items():
            if key not in values and value not in ("", None):
                values[key], sources[key] = value, name
    for key, spec in KEYS.items():
        if key not in values:
            values[key], sources[key] = spec.default, "default"
    return Settings(values, sources, path, project)


def capture_state(environ: Mapping[str, str] | None = None) -> tuple[bool, str]:
    """Is capture on, and if a broken setting turned it off, the warning to show (else "").
    Cheap: the environment first, then the files."""
    environ = os.environ if environ is None else environ
    try:
        if environ.get(KEYS["enabled"].env):
            return bool(parse_value("enabled", environ[KEYS["enabled"].env], KEYS["enabled"].env)), ""
        return bool(load(environ=environ)["enabled"]), ""
    except ConfigError as exc:
        return False, f"autoheal: warning: capture is off: {exc}"


def write_setting(key: str, value: Any | None) -> Path:
    """Set (or, with None, remove) one key of the user's file, keeping its comments; atomic."""
    import tomlkit

    path = user_file()
    try:
        doc = tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else tomlkit.document()
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot update ({exc}); fix or delete the file") from None
    if value is None:
        doc.pop(key, None)
    else:
        doc[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(tomlkit.dumps(doc), encoding="utf-8")
    os.replace(tmp, path)
    return path


def token_source(environ: Mapping[str, str] | None = None) -> tuple[str, str]:
    """(token, where it came from) or ("", "none"). The token is read, never stored or shown."""
    environ = os.environ if environ is None else environ
    from autoheal.subproc import cmd_output  # only when asked: capture's start-up does not import subprocess

    for name in ("AUTOHEAL_TOKEN", "GITHUB_TOKEN"):
        if environ.get(name):
            return environ[name], name
    try:  # GitHub CLI's login, when there is one (https://cli.github.com/manual/gh_auth_token)
        rc, out, _ = cmd_output(["gh", "auth", "token"], Path.cwd(), check=False, timeout=10)
    except GitError:  # gh is not installed, or did not answer in time: no token from it
        return "", "none"
    token = out.strip()
    return (token, "gh auth token") if rc == 0 and token else ("", "none")
