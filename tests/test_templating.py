"""The template sandbox (``autoheal.templating``): a user's directory over the defaults, and errors
that name the file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from autoheal.errors import TemplateError
from autoheal.templating import default_templates_dir, render_template


def test_a_users_file_overrides_the_default_by_name(tmp_path: Path) -> None:
    (tmp_path / "duplicate_comment.md.j2").write_text("Twin of {{ winner }}; see {{ 'x' | code }}\n")
    assert render_template("duplicate_comment.md.j2", templates_dir=tmp_path, winner=3) == "Twin of 3; see `x`\n"
    default = render_template("duplicate_comment.md.j2", winner=3)
    assert default.startswith("Closing as a duplicate of #3")
    assert (default_templates_dir() / "duplicate_comment.md.j2").is_file()


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ("ok\n{{ nothing }}\n", 2, "nothing"),
        ("{{ ''.__class__.__mro__ }}", 1, "__class__"),  # the sandbox keeps templates off Python internals
        ("x\n{% if %}\n", 2, "Expected an expression"),
    ],
)
def test_errors_name_the_file_and_line(tmp_path: Path, source: str, line: int, message: str) -> None:
    (tmp_path / "t.j2").write_text(source)
    with pytest.raises(TemplateError, match=re.escape(message)) as info:
        render_template("t.j2", templates_dir=tmp_path)
    assert f"{tmp_path / 't.j2'}, line {line}" in str(info.value)


def test_a_missing_directory_or_template_is_named() -> None:
    with pytest.raises(TemplateError, match="does not exist"):
        render_template("x.j2", templates_dir="/nonexistent/templates")
    with pytest.raises(TemplateError, match="'nope.j2' not found in"):
        render_template("nope.j2")
