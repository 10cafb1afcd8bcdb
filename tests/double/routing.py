"""Request context, replies, GitHub-shaped errors and pagination shared by the API handlers."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlencode

from .render import Renderer
from .state import Issue, Repo, State, Token

DOCS = "https://docs.github.com/rest"
MAX_PER_PAGE = 100


@dataclass
class Reply:
    status: int
    body: Any = None  # JSON value; bytes for blobs
    headers: dict[str, str] = field(default_factory=dict)


class ApiError(Exception):
    """Raised by handlers; becomes a GitHub error body."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        errors: Sequence[dict[str, Any]] | None = None,
        docs: str = DOCS,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.reply = Reply(status, error_body(status, message, errors=errors, docs=docs), headers or {})


def error_body(
    status: int, message: str, *, errors: Sequence[dict[str, Any]] | None = None, docs: str = DOCS
) -> dict[str, Any]:
    body: dict[str, Any] = {"message": message, "documentation_url": docs, "status": str(status)}
    if errors is not None:
        body["errors"] = list(errors)
    return body


def not_found() -> ApiError:
    return ApiError(404, "Not Found")


def validation_failed(
    resource: str, code: str, field_name: str | None = None, message: str | None = None, docs: str = DOCS
) -> ApiError:
    error: dict[str, Any] = {"resource": resource, "code": code}
    if field_name:
        error["field"] = field_name
    if message:
        error["message"] = message
    return ApiError(422, "Validation Failed", errors=[error], docs=docs)


@dataclass
class Ctx:
    world: State
    render: Renderer
    method: str
    path: str
    query: dict[str, str]
    params: dict[str, str]
    body: Any
    rates: dict[str, dict[str, int]] = field(default_factory=dict)  # resource -> limit/remaining/reset/used
    token: Token | None = None  # who is asking (server.Service.identity)

    @property
    def actor(self) -> str:
        """The login the request acts as: the token's, else the configured actor."""
        return self.token.login if self.token else self.world.settings.actor

    def repo(self) -> Repo:
        found = self.world.repo(f"{self.params['owner']}/{self.params['repo']}")
        if found is None:
            raise not_found()
        return found

    def int_param(self, name: str) -> int:
        try:
            return int(self.params[name])
        except ValueError:
            raise not_found() from None

    def issue(self, repo: Repo, name: str = "issue_number") -> Issue:
        issue = repo.issues.get(self.int_param(name))
        if issue is None:
            raise not_found()
        return issue

    def json_object(self) -> dict[str, Any]:
        if not isinstance(self.body, dict):
            raise ApiError(400, "Problems parsing JSON")
        return self.body

    def page(self, items: Sequence[Any]) -> tuple[list[Any], dict[str, str]]:
        """The requested page of ``items`` and its RFC 5988 Link header, as GitHub paginates."""
        per_page = min(max(_int(self.query.get("per_page"), 30), 1), MAX_PER_PAGE)
        page = max(_int(self.query.get("page"), 1), 1)
        last = max((len(items) + per_page - 1) // per_page, 1)
        chunk = list(items[(page - 1) * per_page : page * per_page])
        links = []
        if page < last:
            links += [f'<{self._page_url(page + 1)}>; rel="next"', f'<{self._page_url(last)}>; rel="last"']
        if page > 1:
            links = [f'<{self._page_url(page - 1)}>; rel="prev"', *links, f'<{self._page_url(1)}>; rel="first"']
        return chunk, ({"Link": ", ".join(links)} if links else {})

    def _page_url(self, page: int) -> str:
        query = {**self.query, "page": str(page)}
        return f"{self.render.api}{self.path}?{urlencode(query)}"

    def paged_list(self, items: Sequence[Any]) -> Reply:
        chunk, headers = self.page(items)
        return Reply(200, chunk, headers)

    def paged_wrapped(self, key: str, items: Sequence[Any]) -> Reply:
        chunk, headers = self.page(items)
        return Reply(200, {"total_count": len(items), key: chunk}, headers)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


Handler = Callable[[Ctx], Reply]


@dataclass(frozen=True)
class Route:
    """One operation: ``template`` is the OpenAPI path, used again for schema checks."""

    method: str
    template: str
    handler: Handler

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compile(self.template)


_WHOLE_REST = {"ref", "branch", "path", "name"}  # these may contain slashes (always last)


@functools.cache
def _compile(template: str) -> re.Pattern[str]:
    def group(match: re.Match[str]) -> str:
        name = match.group(1)
        return f"(?P<{name}>.+)" if name in _WHOLE_REST else f"(?P<{name}>[^/]+)"

    return re.compile(
        "^" + re.sub(r"\{(\w+)\}", group, re.escape(template).replace(r"\{", "{").replace(r"\}", "}")) + "$"
    )


def match(routes: Sequence[Route], method: str, path: str) -> tuple[Route, dict[str, str]] | None:
    for route in routes:
        found = route.pattern.match(path)
        if found and route.method == method:
            return route, {name: unquote(value) for name, value in found.groupdict().items()}
    return None
