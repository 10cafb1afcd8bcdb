"""The request pipeline (auth, faults, routing, rate-limit headers, schema checks, request log)
and its HTTP adapter on ``http.server``."""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from . import api_actions, api_graphql, api_issues, api_pulls, api_repos, api_search, git_http
from .admin import admin
from .faults import RATE_DOCS, FaultQueue
from .render import Renderer
from .routing import ApiError, Ctx, Reply, Route, error_body, match
from .schema import OpenAPI, Violation
from .state import State, Token

ROUTES: list[Route] = [
    *api_repos.ROUTES,
    *api_actions.ROUTES,
    *api_issues.ROUTES,
    *api_pulls.ROUTES,
    *api_search.ROUTES,
    *api_graphql.ROUTES,
]
DEFAULT_TOKEN = "ghs_doubletoken"
API_VERSION = "2022-11-28"
WINDOWS = {"core": 3600, "search": 60}  # seconds until a rate-limit resource resets


@dataclass(frozen=True)
class Call:
    """One request the double answered (admin requests excluded)."""

    method: str
    path: str
    query: dict[str, str]
    status: int
    template: str | None
    body: Any
    at: float

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "status": self.status,
            "template": self.template,
            "body": self.body,
            "at": self.at,
        }


@dataclass(frozen=True)
class Response:
    status: int  # 0: close the connection without answering (a ``reset`` fault)
    headers: dict[str, str]
    payload: bytes


class Service:
    """Everything but the socket: ``handle`` answers one request."""

    def __init__(
        self,
        state: State | None = None,
        *,
        token: str = DEFAULT_TOKEN,
        validate: bool = False,
        state_file: Path | None = None,
        api_prefix: str = "",
    ) -> None:
        self.state = state or State()
        # GitHub Enterprise Server serves the REST API under /api/v3: with a prefix, only paths
        # under it are the API (rendered URLs and Link headers carry it too).
        self.api_prefix = api_prefix.rstrip("/")
        self.token = token
        self.state_file = state_file
        self.lock = threading.RLock()
        self.faults = FaultQueue()
        self.requests: list[Call] = []
        self.schema_violations: list[Violation] = []
        self.exercised: set[tuple[str, str, int]] = set()  # (METHOD, template, status) answered
        self.openapi = OpenAPI.load() if validate else None
        self.base_url = ""
        self._used = {"core": 0, "search": 0}
        self._reset = {name: int(time.time()) + window for name, window in WINDOWS.items()}

    def handle(self, method: str, target: str, headers: dict[str, str], raw: bytes) -> Response:
        parts = urlsplit(target)
        path = parts.path
        query = {key: values[-1] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
        if path.startswith("/_double/"):
            status, body = admin(self, method, path, raw)
            return _encode(Reply(status, body), {})
        served = self._git(method, path, parts.query, headers, raw)
        if served is not None:
            return served
        prefixed = self.api_prefix and (path == self.api_prefix or path.startswith(self.api_prefix + "/"))
        if prefixed:
            path = path[len(self.api_prefix) :] or "/"
        found = match(ROUTES, method, path) if prefixed or not self.api_prefix else None
        template = found[0].template if found else ("/_blobs/{id}" if path.startswith("/_blobs/") else None)
        body = _parse(raw)
        reply, fault_body = self._answer(method, path, query, headers, body, found)
        extra = self._rate_headers(path) if template != "/_blobs/{id}" else {}
        extra.update(self._scope_headers(headers) if extra else {})
        response = _encode(reply, extra)
        self._record(Call(method, path, query, reply.status, template, body, time.time()), reply, response, fault_body)
        return response

    def _scope_headers(self, headers: dict[str, str]) -> dict[str, str]:
        """GitHub answers a classic PAT's or OAuth token's request with its scopes
        (https://docs.github.com/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps)."""
        who = self.identity(git_http.pusher_token(headers) or "")
        if who is None or who.scopes is None:
            return {}
        return {"X-OAuth-Scopes": who.scopes, "X-Accepted-OAuth-Scopes": "repo"}

    def _answer(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        headers: dict[str, str],
        body: Any,
        found: tuple[Route, dict[str, str]] | None,
    ) -> tuple[Reply, bool]:
        blob = path.startswith("/_blobs/")
        refused = None if blob else self._refusal(path, headers)
        if refused:
            return refused, False
        fault = self.faults.take(method, path)  # log downloads (/_blobs/) can fail too
        if fault:
            time.sleep(fault.delay)
            if fault.kind == "hold":
                fault.hold()  # outside Service.lock: every other request goes on meanwhile
            faulted = fault.reply(uuid.uuid4().hex[:8].upper())
            if faulted and fault.apply:
                self._handle(path, method, query, headers, body, blob, found)  # the write happens; its answer is lost
            if faulted:
                return faulted, fault.body is not None
        return self._handle(path, method, query, headers, body, blob, found), False

    def _handle(
        self,
        path: str,
        method: str,
        query: dict[str, str],
        headers: dict[str, str],
        body: Any,
        blob: bool,
        found: tuple[Route, dict[str, str]] | None,
    ) -> Reply:
        if blob:
            return self._blob(path.removeprefix("/_blobs/"))
        if found is None:
            return ApiError(404, "Not Found").reply
        if body is _INVALID:
            return ApiError(400, "Problems parsing JSON").reply
        route, params = found
        api = self.base_url + self.api_prefix
        with self.lock:
            ctx = Ctx(self.state, Renderer(api, self.state), method, path, query, params, body, self._rates())
            ctx.token = self.identity(git_http.pusher_token(headers) or "")
            try:
                return route.handler(ctx)
            except ApiError as error:
                return error.reply

    def _refusal(self, path: str, headers: dict[str, str]) -> Reply | None:
        denied = self._auth(headers)
        if denied is None and self._exhausted(path):
            return ApiError(403, "API rate limit exceeded for installation ID 1234567.", docs=RATE_DOCS).reply
        return denied

    def _auth(self, headers: dict[str, str]) -> Reply | None:
        value = headers.get("authorization", "")
        scheme, _, token = value.partition(" ")
        if not value:
            return ApiError(401, "Requires authentication").reply
        if scheme.lower() not in ("token", "bearer") or self.identity(token.strip()) is None:
            return ApiError(401, "Bad credentials").reply
        return None

    def identity(self, token: str) -> Token | None:
        """Who a token is: the double's own token is the workflow's GITHUB_TOKEN; others from
        ``state.tokens`` (``Double.add_token``)."""
        if token == self.token:
            return Token(self.state.settings.actor, "github-actions", workflows=False)
        return self.state.tokens.get(token) if token else None

    def _git(self, method: str, path: str, query: str, headers: dict[str, str], raw: bytes) -> Response | None:
        """Git smart HTTP for a repository served with ``Double.serve_git`` (see git_http.py)."""
        found = git_http.PATH.match(path)
        repo = self.state.repo(f"{found['owner']}/{found['name']}") if found else None
        if found is None or repo is None or not repo.git_path:
            return None
        token = git_http.pusher_token(headers)
        pusher = self.identity(token) if token else None
        push = found["rest"].endswith("/git-receive-pack") or "service=git-receive-pack" in query
        if (token and pusher is None) or (push and pusher is None):
            message = b"Invalid username or token. Password authentication is not supported for Git operations.\n"
            return Response(401, {"WWW-Authenticate": 'Basic realm="GitHub"'}, message)
        with self.lock:
            status, out, body = git_http.handle(repo, method, found["rest"], query, headers, raw, pusher)
        return Response(status, out, body)

    def _blob(self, name: str) -> Reply:
        with self.lock:
            blob = self.state.blobs.get(name)
            if blob is None:
                return Reply(404, error_body(404, "Not Found"))
            return Reply(200, blob.data(), {"Content-Type": blob.content_type})

    def _exhausted(self, path: str) -> bool:
        with self.lock:
            return path != "/rate_limit" and self._rates()[self._resource(path)]["remaining"] == 0

    def _resource(self, path: str) -> str:
        return "search" if path.startswith("/search/") else "core"

    def _rates(self) -> dict[str, dict[str, int]]:
        limits = {"core": self.state.settings.core_limit, "search": self.state.settings.search_limit}
        now = int(time.time())
        for name, window in WINDOWS.items():
            if now >= self._reset[name]:
                self._used[name], self._reset[name] = 0, now + window
        return {
            name: {
                "limit": limit,
                "remaining": max(limit - self._used[name], 0),
                "reset": self._reset[name],
                "used": self._used[name],
            }
            for name, limit in limits.items()
        }

    def _rate_headers(self, path: str) -> dict[str, str]:
        resource = self._resource(path)
        with self.lock:
            if path != "/rate_limit":  # GitHub does not count rate_limit calls
                self._used[resource] += 1
            rate = self._rates()[resource]
        return {
            "X-RateLimit-Limit": str(rate["limit"]),
            "X-RateLimit-Remaining": str(rate["remaining"]),
            "X-RateLimit-Reset": str(rate["reset"]),
            "X-RateLimit-Used": str(rate["used"]),
            "X-RateLimit-Resource": resource,
            "X-GitHub-Api-Version-Selected": API_VERSION,
            "X-GitHub-Request-Id": uuid.uuid4().hex[:16].upper(),
        }

    def _record(self, call: Call, reply: Reply, response: Response, custom_body: bool) -> None:
        with self.lock:
            self.requests.append(call)
            if call.template is None or call.template == "/_blobs/{id}":
                if call.template is None and self.openapi is not None:
                    self.schema_violations.append(
                        Violation(
                            "unknown-endpoint",
                            call.method,
                            call.path,
                            None,
                            call.status,
                            ("no operation of the OpenAPI subset matches this request",),
                        )
                    )
                return
            self.exercised.add((call.method, call.template, call.status))
            if self.openapi is None or custom_body or call.status == 0:
                return
            self._validate(call, reply, response)

    def _validate(self, call: Call, reply: Reply, response: Response) -> None:
        assert self.openapi is not None and call.template is not None
        errors = self.openapi.validate_response(call.method, call.template, call.status, reply.body, response.headers)
        if errors:
            self.schema_violations.append(
                Violation("response", call.method, call.path, call.template, call.status, tuple(errors))
            )
        if call.body not in (None, _INVALID) and call.status < 400:
            errors = self.openapi.validate_request(call.method, call.template, call.body)
            if errors:
                self.schema_violations.append(
                    Violation("request", call.method, call.path, call.template, call.status, tuple(errors))
                )


class _Invalid:
    def __repr__(self) -> str:
        return "<invalid JSON>"


_INVALID: Any = _Invalid()


def _parse(raw: bytes) -> Any:
    if not raw.strip():
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return _INVALID


def _encode(reply: Reply, extra: dict[str, str]) -> Response:
    headers = {**extra, **reply.headers}
    if isinstance(reply.body, bytes):
        payload = reply.body
    elif isinstance(reply.body, str):
        payload = reply.body.encode()
        headers.setdefault("Content-Type", "text/html; charset=utf-8")
    elif reply.body is None:
        payload = b""
    else:
        payload = json.dumps(reply.body).encode()
        headers.setdefault("Content-Type", "application/json; charset=utf-8")
    return Response(reply.status, headers, payload)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without TCP_NODELAY, Nagle's algorithm and
    # delayed ACKs add ~40 ms to every keep-alive response.
    disable_nagle_algorithm = True
    server: _Server

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":  # git sends packs over http.postBuffer so
            raw = self._chunked()
        headers = {key.lower(): value for key, value in self.headers.items()}
        response = self.server.service.handle(self.command, self.path, headers, raw)
        if response.status == 0:  # a reset fault: hang up without answering
            self.close_connection = True
            return
        self.send_response(response.status)
        for key, value in response.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(response.payload)))
        self.end_headers()
        self.wfile.write(response.payload)

    def _chunked(self) -> bytes:
        parts = []
        while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
            parts.append(self.rfile.read(size))
            self.rfile.readline()
        self.rfile.readline()  # the blank line after the last chunk (no trailers)
        return b"".join(parts)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    service: Service
    verbose: bool = False


def make_server(service: Service, host: str = "127.0.0.1", port: int = 0, verbose: bool = False) -> ThreadingHTTPServer:
    """Bind (port 0 picks a free port) and point the service's URLs at the bound address."""
    server = _Server((host, port), _Handler)
    server.service = service
    server.verbose = verbose
    service.base_url = f"http://{host}:{server.server_address[1]}"
    return server
