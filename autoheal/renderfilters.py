"""The Jinja filters every template gets (``templating``): how log text reaches markdown.

Templates are markdown, so autoescaping (which is for HTML) is off; every
string that came from a log reaches the output through one of these filters:

=============  ==========================================================
``inline``     one line of escaped, mention-free markdown prose
``prose``      ``inline``, but `code spans` in the text stay code (rule hints)
``code``       an inline code span (job, step, rule, branch names)
``fence``      a code block nothing inside can break out of (cleaned, inert)
``numbered``   excerpt lines as numbered text, for ``fence``
``nomention``  ``sanitize.neutralize_mentions``
``inert``      ``sanitize.strip_html_comments_markers``
``uncounted``  keeps a log line from passing for the ``**Occurrences:**`` counter
``duration``   seconds as ``4 h 39 min``, ``12 min 5 s``, ``3.2 s``
``truncate_title``, ``percent``
=============  ==========================================================
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from autoheal import fences, sanitize
from autoheal.models import ExcerptLine
from autoheal.redact import redact

MAX_EXCERPT_LINE = 1_000  # characters of one log line shown; minified JS can be megabytes


def _clip_line(text: str, limit: int) -> str:
    text = redact(text)  # before the cut, which could leave a secret too short to recognise
    shown = sanitize.clean_control(text[:limit], keep_newlines=False)
    extra = len(text) - limit
    return shown + (f" \u2026 [{extra} more characters]" if extra > 0 else "")


def numbered(lines: Iterable[ExcerptLine], limit: int = MAX_EXCERPT_LINE, files: bool = True) -> str:
    """Excerpt lines as ``<n> | <text>``, a ``==> file <==`` header per file (unless not ``files``) and ``⋮`` at gaps."""
    excerpt = list(lines)
    width = max((len(str(e.line)) for e in excerpt), default=1)
    rows: list[str] = []
    previous: ExcerptLine | None = None
    for e in excerpt:
        if files and e.file and (previous is None or e.file != previous.file):
            rows.append(f"==> {_clip_line(e.file, 200)} <==")
        elif previous is not None and e.line != previous.line + 1:
            rows.append(f"{'⋮':>{width}}")
        rows.append(f"{e.line:>{width}} | {_clip_line(e.text, limit)}")
        previous = e
    return "\n".join(rows)


def _fence(text: object, lang: str = "") -> str:
    return fences.fence(sanitize.strip_html_comments_markers(sanitize.clean_control(str(text))), lang)


_COUNTER = re.compile(r"\*\*(Occurrences:)\*\*")


def _uncounted(text: object) -> str:
    # Report mode bumps the first "**Occurrences:** N" of a body; log text shown above
    # ours must not be that one. A word joiner keeps the text as it reads.
    return _COUNTER.sub("**\u2060\\1**", str(text))


def duration(seconds: float) -> str:
    """``3.2 s``, ``42 s``, ``12 min 5 s``, ``4 h 39 min``: as precise as a maintainer needs."""
    value = max(float(seconds), 0.0)
    if value < 10:
        return f"{value:.1f} s"
    whole = round(value)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60} s"
    return f"{whole // 3600} h {whole % 3600 // 60} min"


def _percent(value: float) -> str:
    return f"{round(float(value) * 100)}%"


def _on_str(function: Callable[[str], str]) -> Callable[[object], str]:
    return lambda value: function(str(value))


FILTERS: dict[str, Callable[..., str]] = {
    "fence": _fence,
    "inline": lambda value, limit=2_000: sanitize.inline_text(str(value), limit),
    "prose": lambda value, limit=2_000: sanitize.inline_markdown(str(value), limit),
    "code": lambda value, limit=500: sanitize.code_span(str(value), limit),
    "numbered": numbered,
    "nomention": _on_str(sanitize.neutralize_mentions),
    "inert": _on_str(sanitize.strip_html_comments_markers),
    "truncate_title": lambda value, limit=sanitize.TITLE_LIMIT: sanitize.truncate_title(str(value), limit),
    "percent": _percent,
    "uncounted": _uncounted,
    "duration": duration,
}
