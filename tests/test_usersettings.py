"""User settings: precedence, validation, comment-keeping writes, and a token never stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from autoheal import usersettings
from autoheal.errors import ConfigError


@pytest.fixture(autouse=True)
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


def test_flag_beats_environment_beats_user_file_beats_project_beats_default(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    (project / "sub").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.autoheal]\nrepo = "p/p"\nlabels = ["p"]\nbundle-minutes = 5\n')
    usersettings.write_setting("repo", "u/u")
    usersettings.write_setting("labels", ["u"])
    env = {"AUTOHEAL_LABELS": "e1,e2", "AUTOHEAL_ENABLED": "yes"}
    s = usersettings.load({"repo": "f/f"}, cwd=project / "sub", environ=env)
    assert (s["repo"], s.sources["repo"]) == ("f/f", "flag")
    assert (s["labels"], s.sources["labels"]) == (["e1", "e2"], "environment")
    assert s["enabled"] is True and s["bundle-minutes"] == 5 and s.sources["bundle-minutes"].startswith("project")
    assert usersettings.load(cwd=project, environ={})["repo"] == "u/u"
    assert (s["max-log-lines"], s.sources["max-log-lines"]) == (200, "default")


def test_bad_values_name_where_they_came_from(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="AUTOHEAL_MAX_LOG_LINES: max-log-lines must be a whole number"):
        usersettings.load(cwd=tmp_path, environ={"AUTOHEAL_MAX_LOG_LINES": "lots"})
    with pytest.raises(ConfigError, match="repo must be OWNER/NAME"):
        usersettings.parse_value("repo", "nope", "config set repo")
    with pytest.raises(ConfigError, match="unknown setting 'tokn'"):
        usersettings.parse_value("tokn", "x", "config set")
    on, warning = usersettings.capture_state({"AUTOHEAL_ENABLED": "maybe"})  # broken means off, with a warning
    assert not on and warning.startswith("autoheal: warning: capture is off: AUTOHEAL_ENABLED: enabled must be")
    assert usersettings.capture_state({"AUTOHEAL_ENABLED": "true"}) == (True, "")


def test_writes_keep_comments_and_never_hold_a_token(tmp_path: Path) -> None:
    path = usersettings.user_file()
    path.parent.mkdir(parents=True)
    path.write_text('# mine\nrepo = "a/b"  # keep\n')
    usersettings.write_setting("enabled", True)
    usersettings.write_setting("repo", None)
    text = path.read_text()
    assert "# mine" in text and "enabled = true" in text and "repo" not in text
    token, source = usersettings.token_source({"GITHUB_TOKEN": "ghs_x", "AUTOHEAL_TOKEN": "ghs_y"})
    assert (token, source) == ("ghs_y", "AUTOHEAL_TOKEN") and "ghs" not in path.read_text()


def test_the_repository_is_detected_from_the_checkouts_origin(tmp_path: Path) -> None:
    import subprocess

    checkout = tmp_path / "checkout"
    subprocess.run(["git", "init", "-q", str(checkout)], check=True)
    subprocess.run(["git", "-C", str(checkout), "remote", "add", "origin", "https://github.com/o/r.git"], check=True)
    assert usersettings.detect_repo(checkout, {}) == "o/r"
    assert usersettings.detect_repo(checkout, {"GITHUB_REPOSITORY": "e/e"}) == "e/e"
    assert usersettings.detect_repo(tmp_path / "none", {}) == ""
