"""GET /search/issues over the double's issues, with a configurable index lag.

Supported qualifiers: ``repo:``, ``is:issue|pr|pull-request|open|closed``, ``type:``, ``state:``,
``label:`` (repeatable, AND; ``-label:`` excludes), ``author:``, ``in:title|body|comments``.
Other words, quoted or not, must each occur (case-insensitively) in the searched fields.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from .routing import Ctx, Reply, Route, validation_failed
from .state import Issue, Repo

TOKEN = re.compile(r'(-?)([\w-]+):(?:"([^"]*)"|(\S+))|"([^"]*)"|(\S+)')
SEARCH_DOCS = "https://docs.github.com/rest/search/search#search-issues-and-pull-requests"


@dataclass
class Query:
    repos: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)  # "issue", "pr"
    states: set[str] = field(default_factory=set)
    labels: list[str] = field(default_factory=list)
    without_labels: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    fields: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)


def parse(q: str) -> Query:
    query = Query()
    for negate, key, quoted, bare, phrase, word in TOKEN.findall(q):
        if key:
            _qualifier(query, key.lower(), quoted or bare, bool(negate))
        elif phrase or word:
            query.words.append((phrase or word).lower())
    return query


def _qualifier(query: Query, key: str, value: str, negate: bool) -> None:
    lowered = value.lower()
    if key == "repo":
        query.repos.append(lowered)
    elif key in ("is", "type") and lowered in ("issue", "pr", "pull-request"):
        query.kinds.add("issue" if lowered == "issue" else "pr")
    elif key in ("is", "state") and lowered in ("open", "closed"):
        query.states.add(lowered)
    elif key == "label":
        (query.without_labels if negate else query.labels).append(lowered)
    elif key == "author":
        query.authors.append(lowered)
    elif key == "in":
        query.fields.update(lowered.split(","))


def matches(query: Query, repo: Repo, issue: Issue) -> bool:
    labels = {label.lower() for label in issue.labels}
    checks = (
        not query.repos or repo.full_name.lower() in query.repos,
        not query.kinds or ("pr" if issue.pull else "issue") in query.kinds,
        not query.states or issue.state in query.states,
        all(label in labels for label in query.labels),
        not any(label in labels for label in query.without_labels),
        not query.authors or issue.user.lower() in query.authors,
    )
    return all(checks) and all(word in _text(query, issue) for word in query.words)


def _text(query: Query, issue: Issue) -> str:
    fields = query.fields or {"title", "body", "comments"}
    parts = [issue.title if "title" in fields else "", (issue.body or "") if "body" in fields else ""]
    if "comments" in fields:
        parts += [comment.body for comment in issue.comments]
    return "\n".join(parts).lower()


def indexed(ctx: Ctx, issue: Issue) -> bool:
    return issue.searchable_after_search < ctx.world.search_requests and time.time() >= issue.searchable_at


def search_issues(ctx: Ctx) -> Reply:
    q = ctx.query.get("q", "").strip()
    if not q:
        raise validation_failed("Search", "missing", "q", docs=SEARCH_DOCS)
    query = parse(q)
    if ctx.world.settings.search_requires_is_qualifier and not query.kinds:
        raise validation_failed(
            "Search", "invalid", "q", "Query must include 'is:issue' or 'is:pull-request'", docs=SEARCH_DOCS
        )
    ctx.world.search_requests += 1
    found = [
        (repo, issue)
        for repo in ctx.world.repos.values()
        for issue in repo.issues.values()
        if indexed(ctx, issue) and matches(query, repo, issue)
    ]
    sort = ctx.query.get("sort")
    key = {
        "created": lambda p: p[1].created_at,
        "updated": lambda p: p[1].updated_at,
        "comments": lambda p: len(p[1].comments),
    }.get(sort or "", lambda p: p[1].id)
    found.sort(key=key, reverse=ctx.query.get("order", "desc") == "desc" or sort is None)
    items = [{**ctx.render.issue(repo, issue), "score": 1.0} for repo, issue in found]
    chunk, headers = ctx.page(items)
    body = {"total_count": len(items), "incomplete_results": False, "items": chunk, "search_type": "lexical"}
    return Reply(200, body, headers)


ROUTES = [Route("GET", "/search/issues", search_issues)]
