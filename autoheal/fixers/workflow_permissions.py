"""Grant the GITHUB_TOKEN the one permission a job was refused.

Applies to ``Resource not accessible by integration`` (and a bot's refused
``git push`` or a missing OIDC token). The scope comes from the log, most
specific evidence first: the REST URL (``/repos/o/r/issues/1/comments``), the
documentation URL in the error, the octokit call (``github.rest.pulls.create``),
the GraphQL mutation ``gh`` names (``(addComment)``), and only then words in the
excerpt, which must point at one scope. The level is ``write`` unless the log
shows a GET. Declines when no scope can be told.

Where the permission goes: the failing job's ``permissions:`` block; else the
workflow's top-level block when no job has its own; else a new block on the
job. A new block sets every unlisted scope to ``none``, so it repeats the
top-level entries, or, when there are none, starts from what the job's steps
need (``contents: read`` for checkout, ``security-events: write`` and
``actions: read`` for CodeQL, ...: ``_STEP_NEEDS``)
(https://docs.github.com/actions/using-jobs/assigning-permissions-to-jobs).
``read`` is upgraded to ``write`` in place; nothing is ever downgraded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from autoheal.fixers import yamledit
from autoheal.fixers.base import FixContext, log_text
from autoheal.proposals import Change, FixDeclined, FixProposal

ID = "workflow-permissions"
# A registry refusing the token's push ("denied: installation not allowed to Create organization
# package") is triaged as credentials.
CATEGORIES = frozenset({"permission", "credentials"})
DOC: str = __doc__ or ""

SCOPES = frozenset(
    {
        "actions",
        "attestations",
        "checks",
        "contents",
        "deployments",
        "discussions",
        "id-token",
        "issues",
        "packages",
        "pages",
        "pull-requests",
        "repository-projects",
        "security-events",
        "statuses",
    }
)
_RANK = {"none": 0, "read": 1, "write": 2}

# Checked in order: more specific scopes first, so /deployments/1/statuses is deployments.
_KEYWORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (scope, re.compile(p, re.I))
    for scope, p in (
        ("id-token", r"\bid[-_ ]token\b|\boidc\b"),
        ("security-events", r"security[-_ ]events|code[-_ ]scanning|\bsarif\b"),
        ("pages", r"\bpages\b"),
        ("deployments", r"\bdeployments?\b|\benvironments?\b"),
        ("packages", r"\bpackages?\b"),
        ("checks", r"\bcheck[-_ ]?(?:runs?|suites?)\b|\bchecks\b"),
        ("statuses", r"\bstatuses\b|\bcommit[-_ ]?status\b"),
        ("pull-requests", r"\bpull[-_ ]?requests?\b|\bpulls\b|\breviews?\b"),
        ("discussions", r"\bdiscussions?\b"),
        ("issues", r"\bissues?\b|\bcomments?\b|\blabels?\b|\bmilestones?\b|\breactions?\b"),
        (
            "contents",
            r"\bcontents?\b|\bgit\b|\brefs?\b|\bpush\b|\breleases?\b|\btags?\b|\bcommits?\b"
            r"|\bdispatch(?:es)?\b|\bmerges?\b|\bbranch(?:es)?\b",
        ),
        ("actions", r"\bactions/(?:runs|workflows|artifacts|caches|jobs)\b|\bworkflow[-_ ]?runs?\b|\bartifacts?\b"),
    )
)
_TRIGGER = re.compile(r"Resource not accessible by integration", re.I)
_SPECIAL: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)"), "id-token"),
    (re.compile(r"Permission to \S+ denied to github-actions\[bot\]"), "contents"),
    (re.compile(r"permission_denied: write_package|not allowed to Create organization package", re.I), "packages"),
)
_REST_URL = re.compile(r"/repos/[\w.-]+/[\w.-]+/([\w./-]+)")
_DOCS_URL = re.compile(r"docs\.github\.com/(?:[a-z-]+/)?rest/(?:reference/)?([\w/#-]+)")
_OCTOKIT = re.compile(r"\b(?:rest|github)\.(\w+)\.(\w+)\(")
_GRAPHQL = re.compile(r"Resource not accessible by integration \((\w+)\)", re.I)
_GET = re.compile(r"\bGET\s+\S*/repos/|method:\s*['\"]GET['\"]|\b(?:rest|github)\.\w+\.(?:get|list)\w*\(")
_WRITE_METHOD = re.compile(
    r"\b(?:POST|PATCH|PUT|DELETE)\b|method:\s*['\"](?:POST|PATCH|PUT|DELETE)"
    r"|\b(?:rest|github)\.\w+\.(?!get|list)\w+\("
)
_CODE_PATH = re.compile(r"_actions/|node_modules/|\.js:\d")
# What well-known actions need from the token, from their READMEs: a new permissions block must keep them.
_STEP_NEEDS: dict[str, dict[str, str]] = {
    "actions/checkout": {"contents": "read"},
    "github/codeql-action/init": {"security-events": "write", "actions": "read"},
    "github/codeql-action/analyze": {"security-events": "write", "actions": "read"},
    "github/codeql-action/upload-sarif": {"security-events": "write"},
    "actions/labeler": {"contents": "read", "pull-requests": "write"},
    "actions/deploy-pages": {"pages": "write", "id-token": "write"},
    "peter-evans/create-pull-request": {"contents": "write", "pull-requests": "write"},
    "softprops/action-gh-release": {"contents": "write"},
    "actions/stale": {"issues": "write", "pull-requests": "write"},
}


def fix(ctx: FixContext) -> FixProposal | FixDeclined:
    text = log_text(ctx.diagnosis)
    scope = infer_scope(text, ctx.diagnosis.captures)
    if isinstance(scope, FixDeclined):
        return scope
    level = infer_level(text, scope)
    located = yamledit.locate_job(ctx)
    if isinstance(located, str):
        return FixDeclined(ID, located)
    workflow, job_id = located
    edited = _grant(workflow, job_id, scope, level)
    if isinstance(edited, str):
        return FixDeclined(ID, f"{workflow.path}, job {job_id!r}: {edited}")
    lines, where = edited
    change = Change(workflow.path, workflow.text, "".join(lines), f"grant {scope}: {level} to {where}")
    explanation = (
        f"The GITHUB_TOKEN of job {job_id!r} was refused a request. This grants "
        f"`{scope}: {level}` to {where}, the narrowest permission the log points at."
    )
    return FixProposal(ID, (change,), f"ci: grant {scope}: {level} to {where}", explanation)


def infer_scope(text: str, captures: Mapping[str, str]) -> str | FixDeclined:
    """The token permission the log shows was missing, or why it cannot be told."""
    captured = captures.get("permission", "").split(":")[0].strip().lower()
    if captured == "workflows" or "without `workflows` permission" in text:
        return FixDeclined(
            ID,
            "changing workflow files needs the `workflows` permission, which a "
            "GITHUB_TOKEN cannot get; push with a GitHub App token or a PAT instead",
        )
    if "Resource not accessible by personal access token" in text:
        return FixDeclined(
            ID, "the refused token is a personal access token, not the GITHUB_TOKEN; widen that token's scopes instead"
        )
    if captured in SCOPES:
        return captured
    for pattern, scope in _SPECIAL:
        if pattern.search(text):
            return scope
    if not _TRIGGER.search(text):
        return FixDeclined(ID, "the log does not show a GITHUB_TOKEN permission error", applies=False)
    return _scope_from_evidence(text) or FixDeclined(
        ID, "cannot tell which permission the token lacked (unknown scope); add it by hand"
    )


def _scope_from_evidence(text: str) -> str | None:
    snippets = [m.group(1) for m in _REST_URL.finditer(text)]
    snippets += [m.group(1) for m in _DOCS_URL.finditer(text)]
    snippets += [f"{m.group(1)} {_words(m.group(2))}" for m in _OCTOKIT.finditer(text)]
    snippets += [_words(m.group(1)) for m in _GRAPHQL.finditer(text)]
    for snippet in snippets:
        scope = _first_scope(snippet.replace("repos ", ""))
        if scope:
            return scope
    prose = " ".join(word for word in text.split() if not _CODE_PATH.search(word))  # stack frames are not evidence
    found = {scope for scope, pattern in _KEYWORDS if pattern.search(prose)}
    return found.pop() if len(found) == 1 else None


def _words(camel: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", camel)


def _first_scope(snippet: str) -> str | None:
    return next((scope for scope, pattern in _KEYWORDS if pattern.search(snippet)), None)


def infer_level(text: str, scope: str) -> str:
    """``read`` only when the refused call was clearly a read; id-token has only write."""
    if scope != "id-token" and _GET.search(text) and not _WRITE_METHOD.search(text):
        return "read"
    return "write"


def _grant(workflow: yamledit.Workflow, job_id: str, scope: str, level: str) -> tuple[list[str], str] | str:
    """The edited lines and what was edited, or why the permission cannot be added."""
    job = workflow.jobs[job_id]
    if not isinstance(job, Mapping):
        return "the job is not a mapping"
    lines = list(workflow.lines)
    top = workflow.data.get("permissions")
    others = any(isinstance(j, Mapping) and "permissions" in j for j in workflow.jobs.values())
    where = f"job {job_id}"
    if "permissions" in job:
        error = _edit_block(lines, job, scope, level)
    elif isinstance(top, Mapping) and top and not others:
        error, where = _edit_block(lines, workflow.data, scope, level), "the workflow"
    elif isinstance(top, str):
        error = f"the workflow sets permissions: {top}; autoheal does not expand it"
    else:
        inherited = dict(top) if isinstance(top, Mapping) else _steps_need(job)
        error = _new_block(lines, workflow, job_id, {**inherited, scope: _stronger(inherited.get(scope), level)})
    return error or (lines, where)


def _steps_need(job: Mapping[str, Any]) -> dict[str, str]:
    """The scopes the job's steps need, strongest level kept; ``contents: read`` at least."""
    needs: dict[str, str] = {"contents": "read"}
    for step in job.get("steps") or []:
        uses = step.get("uses") if isinstance(step, Mapping) else None
        action = uses.split("@")[0].lower() if isinstance(uses, str) else ""
        for scope, level in _STEP_NEEDS.get(action, {}).items():
            needs[scope] = _stronger(needs.get(scope), level)
    return needs


def _stronger(current: object, level: str) -> str:
    return level if _RANK.get(str(current), 0) < _RANK[level] else str(current)


def _edit_block(lines: list[str], owner: Any, scope: str, level: str) -> str | None:
    """Set ``scope: level`` in ``owner['permissions']``; an error text or None."""
    block = owner["permissions"]
    if not isinstance(block, Mapping):
        return f"permissions is {block!r}; autoheal does not expand it"
    if scope in block:
        return _upgrade(lines, block, scope, level)
    if not block or not yamledit.is_block(block):  # ruamel does not mark an empty {} as flow
        return _add_to_flow(lines, owner, scope, level)
    line, col = yamledit.key_pos(block, next(iter(block)))
    yamledit.insert_lines(lines, yamledit.block_end(lines, line, col), [f"{' ' * col}{scope}: {level}"])
    return None


def _upgrade(lines: list[str], block: Any, scope: str, level: str) -> str | None:
    current = str(block[scope])
    if _RANK.get(current, 2) >= _RANK[level]:
        return (
            f"it already grants {scope}: {current}; the token may be read-only for pull requests "
            "from forks or limited by the repository's Actions settings"
        )
    line, col = yamledit.value_pos(block, scope)
    replaced = yamledit.replace_scalar(lines[line], col, level)
    if replaced is None:
        return f"cannot edit the {scope} line"
    lines[line] = replaced
    return None


def _add_to_flow(lines: list[str], owner: Any, scope: str, level: str) -> str | None:
    line, col = yamledit.value_pos(owner, "permissions")
    text = lines[line]
    close = text.find("}", col)
    if text[col : col + 1] != "{" or close < 0:
        return "the permissions mapping spans lines in flow style; autoheal edits it only on one line"
    end = len(text[:close].rstrip())
    separator = ", " if text[col + 1 : close].strip() else ""
    lines[line] = f"{text[:end]}{separator}{scope}: {level}{text[end:]}"
    return None


def _new_block(lines: list[str], workflow: yamledit.Workflow, job_id: str, entries: dict[str, Any]) -> str | None:
    job = workflow.jobs[job_id]
    if not yamledit.is_block(job):
        return "the job is written as a flow mapping ({...}); autoheal edits block style only"
    job_line, job_col = yamledit.key_pos(workflow.jobs, job_id)
    col = yamledit.key_pos(job, next(iter(job)))[1]
    step = max(col - job_col, 1)
    where = yamledit.block_end(lines, *yamledit.key_pos(job, "runs-on")) if "runs-on" in job else job_line + 1
    new = [f"{' ' * col}permissions:"] + [f"{' ' * (col + step)}{k}: {v}" for k, v in entries.items()]
    yamledit.insert_lines(lines, where, new)
    return None
