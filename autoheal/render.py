"""Issue titles, bodies and comments from a Diagnosis, through sandboxed Jinja templates.

Every string that came from a log reaches the output through one of the filters of
``renderfilters``; templates render in the sandbox of ``templating``.

Variables of ``issue_title.j2``, ``issue_body.md.j2`` and ``occurrence_comment.md.j2``:
``diagnosis`` (models.Diagnosis), ``category``, ``context`` (RunContext, empty
fields when unknown), ``run_url``, ``job_url`` and ``commit_url`` (checked https
links or ""), ``meta`` (the metadata dict), ``occurrences``, ``headline`` (the
failure as ``job / step: message``, headline.py), ``message`` (what failed,
without tool prefixes), ``where`` (``job / step`` or ""), ``key_lines`` (the
1–3 excerpt lines that say what failed), ``key_links`` ((line number, link to
it in GitHub's log viewer) pairs, for the key lines whose step is known) and
``timing`` (models.Timing for a timeout or cancellation, else None). The issue templates also
get ``metadata`` (the hidden block; the body puts it last, and it is appended
if a template leaves it out), ``previous`` (number of an earlier closed issue
for this failure, or None) and ``fork``; the comment gets ``regression``.
``next_step.md.j2`` (included by the body) needs only ``category``.

Whatever a template produces, titles are then made one line, mention-free and
at most 256 characters, and bodies are cut to GitHub's 65,536 by
``sanitize.truncate_body`` with the metadata block kept last.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from autoheal import headline, metadata, sanitize
from autoheal.errors import TemplateError
from autoheal.models import Diagnosis
from autoheal.templating import TemplatesDir, render_file

ISSUE_TITLE = "issue_title.j2"
ISSUE_BODY = "issue_body.md.j2"
OCCURRENCE_COMMENT = "occurrence_comment.md.j2"
# A failure captured on the command line (``RunContext.cli``) has templates of its own.
CLI_TEMPLATES = {
    ISSUE_TITLE: "cli_issue_title.j2",
    ISSUE_BODY: "cli_issue_body.md.j2",
    OCCURRENCE_COMMENT: "cli_occurrence_comment.md.j2",
}


@dataclass(frozen=True)
class RunContext:
    """Where a failure was seen; every field is optional."""

    repo: str | None = None
    run_id: int | None = None
    run_attempt: int | None = None
    run_url: str | None = None
    workflow: str | None = None
    branch: str | None = None
    sha: str | None = None
    job_id: int | None = None
    event: str | None = None
    actor: str | None = None
    pull_request: int | None = None  # the PR the run tested (found by head sha for fork runs)
    # A failure captured outside a workflow (``autoheal run``, ``autoheal.capture``): the facts
    # its ``cli_*`` templates show (``autoheal.clifacts.facts``); None for a workflow run.
    cli: Mapping[str, Any] | None = None
    occurrences: int = 1  # how many occurrences this report stands for (bundled CLI repeats)
    occurrence_id: str | None = None  # one command-line report's id (16 hex digits), for its run key


@dataclass(frozen=True)
class RenderedIssue:
    title: str
    body: str


def issue_metadata(diagnosis: Diagnosis, context: RunContext | None = None, occurrences: int = 1) -> dict[str, Any]:
    """The metadata block's content for a diagnosis seen in ``context`` (no timestamps)."""
    ctx = context or RunContext()
    return metadata.normalize(
        {
            "fingerprint": diagnosis.fingerprint,
            "category": diagnosis.category,
            "rule": diagnosis.rule,
            "captures": dict(diagnosis.captures),
            "run_id": ctx.run_id,
            "run_attempt": ctx.run_attempt,
            "job_id": ctx.job_id,
            "job": diagnosis.job,
            "step": diagnosis.step,
            "workflow": ctx.workflow or None,
            "occurrences": occurrences,
            "source": "cli" if ctx.cli is not None else None,
        }
    )


def render_issue(
    diagnosis: Diagnosis,
    context: RunContext | None = None,
    templates_dir: TemplatesDir = None,
    *,
    meta: Mapping[str, Any] | None = None,
    previous: int | None = None,
    fork: bool = False,
) -> RenderedIssue:
    """Title and body of a new issue; ``meta`` defaults to ``issue_metadata(diagnosis, context)``."""
    ctx = context or RunContext()
    data = metadata.normalize(meta if meta is not None else issue_metadata(diagnosis, ctx))
    variables = _variables(diagnosis, ctx, data)
    variables.update(metadata=metadata.encode(data), previous=previous, fork=fork)
    raw_title = render_file(templates_dir, _name(ctx, ISSUE_TITLE), variables)
    title = sanitize.truncate_title(sanitize.neutralize_mentions(sanitize.strip_html_comments_markers(raw_title)))
    if not title:
        raise TemplateError(f"template {ISSUE_TITLE} rendered an empty title")
    body = metadata.replace(render_file(templates_dir, _name(ctx, ISSUE_BODY), variables), data, limit=None)
    return RenderedIssue(title, sanitize.truncate_body(body, note=_truncation_note(variables)))


def render_comment(
    diagnosis: Diagnosis,
    context: RunContext | None,
    occurrences: int,
    templates_dir: TemplatesDir = None,
    *,
    regression: bool = False,
) -> str:
    """The comment added to an open (or reopened, ``regression``) issue when the failure repeats."""
    ctx = context or RunContext()
    variables = _variables(diagnosis, ctx, issue_metadata(diagnosis, ctx, occurrences))
    variables["regression"] = regression
    body = render_file(templates_dir, _name(ctx, OCCURRENCE_COMMENT), variables)
    return sanitize.truncate_body(body, note=_truncation_note(variables))


def render_markdown(diagnosis: Diagnosis, context: RunContext | None = None, templates_dir: TemplatesDir = None) -> str:
    """What ``render_issue`` would post, as one document: ``# <title>``, a blank line, the body.

    The title is markdown-escaped for the heading; the body is exactly the
    issue body, hidden metadata block included.
    """
    issue = render_issue(diagnosis, context, templates_dir)
    return f"# {sanitize.escape_markdown(issue.title)}\n\n{issue.body}"


_SAFE_URL = re.compile(r"https://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9/._~%+=?#:-]*)?")
_SERVER = re.compile(r"https://[^/]+")
_REPO = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_SHA = re.compile(r"[0-9a-f]{7,64}")


def _server(ctx: RunContext) -> str:
    match = _SERVER.match(ctx.run_url or "") if _SAFE_URL.fullmatch(ctx.run_url or "") else None
    return match[0] if match else "https://github.com"


def _run_url(ctx: RunContext) -> str:
    if ctx.run_url and _SAFE_URL.fullmatch(ctx.run_url):
        return ctx.run_url
    if not (ctx.repo and _REPO.fullmatch(ctx.repo) and ctx.run_id):
        return ""
    attempt = f"/attempts/{ctx.run_attempt}" if ctx.run_attempt and ctx.run_attempt > 1 else ""
    return f"https://github.com/{ctx.repo}/actions/runs/{ctx.run_id}{attempt}"


def _commit_url(ctx: RunContext) -> str:
    if ctx.repo and _REPO.fullmatch(ctx.repo) and ctx.sha and _SHA.fullmatch(ctx.sha):
        return f"{_server(ctx)}/{ctx.repo}/commit/{ctx.sha}"
    return ""


def _job_url(ctx: RunContext) -> str:
    """The job's page in the log viewer: ``…/actions/runs/RUN/job/JOB`` (job ids are unique per attempt)."""
    if not (ctx.repo and _REPO.fullmatch(ctx.repo) and ctx.run_id and ctx.job_id):
        return ""
    return f"{_server(ctx)}/{ctx.repo}/actions/runs/{int(ctx.run_id)}/job/{int(ctx.job_id)}"


def key_links(diagnosis: Diagnosis, ctx: RunContext) -> list[tuple[int, str]]:
    """(line, link) for each key line whose step is known: ``…/job/JOB#step:STEP:LINE``.

    STEP is the jobs API's step number and LINE the line within that step's
    log (``timing.map_step_lines``); a key line whose step is not known gets
    no link of its own (the template links the job instead).
    """
    job = _job_url(ctx)
    if not job:
        return []
    where = {(s.file, s.line): s for s in diagnosis.step_lines}
    links = []
    for e in headline.key_excerpt(diagnosis):
        step = where.get((e.file, e.line))
        if step is not None and step.step > 0 and step.step_line > 0:
            links.append((e.line, f"{job}#step:{int(step.step)}:{int(step.step_line)}"))
    return links


def _name(ctx: RunContext, template: str) -> str:
    return CLI_TEMPLATES[template] if ctx.cli is not None else template


def _variables(diagnosis: Diagnosis, ctx: RunContext, meta: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "cli": dict(ctx.cli or {}),
        "diagnosis": diagnosis,
        "category": diagnosis.category,
        "context": ctx,
        "run_url": _run_url(ctx),
        "job_url": _job_url(ctx),
        "commit_url": _commit_url(ctx),
        "headline": headline.headline(diagnosis),
        "message": headline.message(diagnosis),
        "where": headline.where(diagnosis),
        "key_lines": headline.in_log_order(headline.key_excerpt(diagnosis)),
        "key_links": key_links(diagnosis, ctx),
        "timing": diagnosis.timing,
        "meta": dict(meta),
        "occurrences": meta.get("occurrences", 1),
    }


def _truncation_note(variables: Mapping[str, Any]) -> str:
    url = variables["run_url"]
    log = f"[the run log]({url})" if url else "the run log"
    return f"_\u2026 truncated {{n}} characters; see {log}._"
