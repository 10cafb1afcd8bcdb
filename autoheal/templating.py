"""The sandboxed Jinja environment every template renders in (``render_template``): the filters
of ``renderfilters``, and errors (``TemplateError``) that name the template file and line.

A user's templates directory overrides any file by name; the rest come from
``default_templates_dir()``. The sandbox keeps templates away from Python
internals, since they may come from the repository being reported on.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

import autoheal
from autoheal.errors import TemplateError
from autoheal.renderfilters import FILTERS

TemplatesDir = str | PathLike[str] | None


def default_templates_dir() -> Path:
    """Templates inside the package when installed from a wheel, else the repository's ``templates/``."""
    packaged = Path(autoheal.__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[1] / "templates"


def render_template(name: str, /, *, templates_dir: TemplatesDir = None, **variables: Any) -> str:
    """Any template by file name, as is (callers truncate bodies with ``sanitize.truncate_body``)."""
    return render_file(templates_dir, name, variables)


def _search_path(templates_dir: TemplatesDir) -> tuple[Path, ...]:
    default = default_templates_dir()
    if templates_dir is None:
        return (default,)
    user = Path(templates_dir).resolve()
    if not user.is_dir():
        raise TemplateError(f"templates directory {templates_dir} does not exist")
    return (user, default)


@functools.lru_cache(maxsize=8)
def _environment(search_path: tuple[Path, ...]) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(p) for p in search_path]),  # first match wins
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # markdown, not HTML: log text goes through the filters instead
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env


def render_file(templates_dir: TemplatesDir, name: str, variables: Mapping[str, Any]) -> str:
    search_path = _search_path(templates_dir)
    try:
        return _environment(search_path).get_template(name).render(variables)
    except jinja2.TemplateNotFound as exc:
        places = " or ".join(str(p) for p in search_path)
        raise TemplateError(f"template {exc.name!r} not found in {places}") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template {exc.filename or exc.name}, line {exc.lineno}: {exc.message}") from exc
    except Exception as exc:  # a template can fail in many ways; say which file and line
        raise TemplateError(f"template {_where(exc, search_path, name)}: {type(exc).__name__}: {exc}") from exc


def _where(exc: BaseException, search_path: tuple[Path, ...], name: str) -> str:
    # Jinja rewrites tracebacks so template frames carry the template's file and line.
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if any(Path(frame.filename).is_relative_to(p) for p in search_path):
            return f"{frame.filename}, line {frame.lineno}"
    return name
