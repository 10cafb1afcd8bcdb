"""``Double``: the GitHub REST double running on a local port, with seeding and inspection helpers."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from . import git_http, seed, seed_actions, seed_json
from .faults import Fault
from .server import DEFAULT_TOKEN, Call, Service, make_server
from .state import DEFAULT_REPO, Attempt, Comment, Issue, Job, Label, Repo, Run, Settings, State, Token


class Double(Service):
    """Start with ``start()`` (or ``with Double() as double``); ``url`` is the API base URL.

    Without a state, the world holds one repository, ``octo-org/octo-repo`` (see DEFAULT_REPO).
    Seeding helpers take ``repo=`` to target another repository (created on first use).
    """

    def __init__(
        self,
        state: State | None = None,
        *,
        token: str = DEFAULT_TOKEN,
        validate: bool = False,
        host: str = "127.0.0.1",
        port: int = 0,
        state_file: Path | None = None,
        verbose: bool = False,
        api_prefix: str = "",
    ) -> None:
        if state is None:
            state = State()
            seed.seed_repo(state, DEFAULT_REPO)
        super().__init__(state, token=token, validate=validate, state_file=state_file, api_prefix=api_prefix)
        self._server = make_server(self, host, port, verbose)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The API base URL (``.../api/v3`` for a double started with ``api_prefix="/api/v3"``)."""
        return self.base_url + self.api_prefix

    def start(self) -> Double:
        # A short poll interval keeps stop() fast (shutdown waits for the serve loop to poll).
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.02,), name="github-double", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def __enter__(self) -> Double:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    # Seeding (all take repo=DEFAULT_REPO; keyword fields are those of tests.double.seed)
    def seed_repo(self, repo: str = DEFAULT_REPO, **fields: Any) -> Repo:
        with self.lock:
            return seed.seed_repo(self.state, repo, **fields)

    def seed_run(self, repo: str = DEFAULT_REPO, **fields: Any) -> Run:
        with self.lock:
            return seed_actions.seed_run(self.state, repo, **fields)

    def seed_job(self, run_id: int, *, repo: str = DEFAULT_REPO, **fields: Any) -> Job:
        with self.lock:
            return seed_actions.seed_job(self.state, repo, run_id=run_id, **fields)

    def set_attempt_logs(
        self,
        run_id: int,
        logs_zip: seed_actions.LogsZip = None,
        *,
        repo: str = DEFAULT_REPO,
        attempt: int | None = None,
        expired: bool = False,
    ) -> Attempt:
        with self.lock:
            return seed_actions.set_attempt_logs(
                self.state, repo, run_id, attempt=attempt, logs_zip=logs_zip, expired=expired
            )

    def finish_attempt(self, run_id: int, *, repo: str = DEFAULT_REPO, **fields: Any) -> Attempt:
        with self.lock:
            return seed_actions.finish_attempt(self.state, repo, run_id, **fields)

    def seed_issue(self, repo: str = DEFAULT_REPO, **fields: Any) -> Issue:
        with self.lock:
            return seed.seed_issue(self.state, repo, **fields)

    def seed_pull(self, repo: str = DEFAULT_REPO, **fields: Any) -> Issue:
        with self.lock:
            return seed.seed_pull(self.state, repo, **fields)

    def seed_comment(self, number: int, body: str, *, repo: str = DEFAULT_REPO, user: str = "octocat") -> Comment:
        with self.lock:
            return seed.seed_comment(self.state, repo, number=number, body=body, user=user)

    def seed_label(
        self, name: str, *, repo: str = DEFAULT_REPO, color: str = "ededed", description: str | None = None
    ) -> Label:
        with self.lock:
            return seed.seed_label(self.state, repo, name, color=color, description=description)

    def seed_collaborator(self, login: str, permission: str = "write", *, repo: str = DEFAULT_REPO) -> None:
        self.set_permission(login, permission, repo=repo)

    def set_permission(self, login: str, permission: str | None, *, repo: str = DEFAULT_REPO) -> None:
        with self.lock:
            seed.set_permission(self.state, repo, login, permission)

    def seed_ref(self, ref: str, sha: str | None = None, *, repo: str = DEFAULT_REPO) -> str:
        with self.lock:
            return seed.seed_ref(self.state, repo, ref, sha)

    def seed_file(self, path: str, text: str, *, repo: str = DEFAULT_REPO) -> None:
        with self.lock:
            seed.seed_file(self.state, repo, path, text)

    def add_token(
        self,
        token: str,
        login: str,
        kind: str = "pat",
        *,
        workflows: bool = False,
        scopes: str | None = None,
        administration: bool = False,
    ) -> Token:
        """Accept ``token`` too: ``kind`` pat (a user's token) or app (an installation token);
        ``workflows``: the PAT ``workflow`` scope / the App ``workflows: write`` permission;
        ``scopes``: a classic PAT's scopes (answered as ``X-OAuth-Scopes``); ``administration``:
        may read the repository's Actions settings."""
        if kind not in ("pat", "app", "github-actions"):
            raise ValueError(f"unknown token kind {kind!r}")
        with self.lock:
            self.state.tokens[token] = Token(login, kind, workflows, scopes, administration)
            self.state.user_id(login)
            return self.state.tokens[token]

    def serve_git(self, bare: Path, *, repo: str = DEFAULT_REPO) -> str:
        """Serve the bare repository ``bare`` at ``<url>/<repo>.git`` (git_http.py); its URL."""
        with self.lock:
            git_http.serve(seed.seed_repo(self.state, repo), bare)
        return f"{self.url}/{repo}.git"

    def seed(self, payload: dict[str, Any]) -> dict[str, list[Any]]:
        """Seed from the JSON form accepted by ``POST /_double/seed``."""
        with self.lock:
            return seed_json.apply_seed(self.state, payload)

    @property
    def settings(self) -> Settings:
        return self.state.settings

    def set_search_lag(self, requests: int = 0, seconds: float = 0.0) -> None:
        """Issues created through the API stay out of the next ``requests`` searches / ``seconds``."""
        self.settings.search_lag_requests = requests
        self.settings.search_lag_seconds = seconds

    # Inspection
    def repo(self, full_name: str = DEFAULT_REPO) -> Repo:
        found = self.state.repo(full_name)
        if found is None:
            raise KeyError(full_name)
        return found

    def issue(self, number: int, *, repo: str = DEFAULT_REPO) -> Issue:
        return self.repo(repo).issues[number]

    def issues(self, *, repo: str = DEFAULT_REPO, pulls: bool = False) -> list[Issue]:
        return [i for i in self.repo(repo).issues.values() if (i.pull is not None) == pulls]

    def fault(
        self, kind: str | int, path: str = "", *, method: str | None = None, count: int | None = 1, **options: Any
    ) -> Fault:
        """Queue a failure; options: delay, retry_after, reset_in, message, errors, body, apply.

        Kind ``hold`` keeps matching requests waiting until the returned fault's ``release()``."""
        return self.faults.add(Fault(kind, path, method, count, **options))

    def clear_faults(self) -> None:
        self.faults.clear()

    def calls(self, method: str | None = None, path_re: str | None = None) -> list[Call]:
        """Logged requests, filtered by method and by a regex searched in the path."""
        with self.lock:
            return [
                call
                for call in self.requests
                if (method is None or call.method == method.upper())
                and (path_re is None or re.search(path_re, call.path))
            ]

    def clear_calls(self) -> None:
        with self.lock:
            self.requests.clear()

    def dump_state(self) -> dict[str, Any]:
        with self.lock:
            return self.state.to_json()

    def load_state(self, source: dict[str, Any] | Path) -> None:
        data = json.loads(source.read_text(encoding="utf-8")) if isinstance(source, Path) else source
        with self.lock:
            self.state = State.from_json(data)

    def save_state(self, path: Path) -> None:
        path.write_text(json.dumps(self.dump_state(), indent=1), encoding="utf-8")

    def assert_conforms(self) -> None:
        """Fail with every recorded schema violation, if any."""
        if self.schema_violations:
            lines = "\n".join(f"  - {v}" for v in self.schema_violations)
            raise AssertionError(f"{len(self.schema_violations)} OpenAPI violation(s):\n{lines}")
