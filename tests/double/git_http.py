"""Git over smart HTTP, as github.com serves it, so pushes meet GitHub's refusals in tests.

``Double.serve_git(bare)`` serves a bare repository at ``<double.url>/<owner>/<name>.git``
through ``git http-backend`` (CGI), on the same port as the API (github.com and
api.github.com are one server here). The pusher is known the way GitHub knows it: from the
``Authorization: basic base64(x-access-token:<token>)`` header git sends (gitops puts it in
``http.<server>/.extraheader``); the token is looked up like an API token (``Token``).

GitHub's rule modelled: a push that creates, changes or deletes a file under
``.github/workflows/`` is refused unless its token may write workflows — GITHUB_TOKEN never
(https://docs.github.com/actions/security-for-github-actions/security-guides/automatic-token-authentication),
an App token only with ``workflows: write``, a PAT only with the ``workflow`` scope. A
pre-receive hook installed in the bare repository does it with GitHub's wording; git then
reports ``! [remote rejected] ... (pre-receive hook declined)`` where GitHub puts the reason in
the parentheses, so the reason arrives as a ``remote:`` line. Pushes made straight to the bare
path (test set-up, a "human" clone) carry no token and are not checked.

After every push the repository's ``refs/heads/*`` are copied into the double's state, so pull
requests see the real head and base shas.
"""

from __future__ import annotations

import base64
import os
import re
import subprocess
from collections.abc import Mapping
from pathlib import Path

from .state import Repo, Token

PATH = re.compile(r"^/(?P<owner>[^/]+)/(?P<name>[^/]+?)\.git(?P<rest>/.*)$")
HOOK = """#!/bin/sh
# Installed by tests/double/git_http.py: GitHub's refusal of workflow-file pushes.
[ -n "$DOUBLE_PUSHER_KIND" ] || exit 0
[ "$DOUBLE_PUSHER_WORKFLOWS" = 1 ] && exit 0
zero=0000000000000000000000000000000000000000
while read -r old new ref; do
  [ "$new" = "$zero" ] && continue
  if [ "$old" = "$zero" ]; then range="$new --not --all"; else range="$old..$new"; fi
  file=$(git log --format= --name-only --no-renames $range | grep '^\\.github/workflows/' | head -n 1)
  if [ -n "$file" ]; then
    if [ "$DOUBLE_PUSHER_KIND" = pat ]; then
      echo "refusing to allow a Personal Access Token to create or update workflow \\`$file\\` without \\`workflow\\` scope" >&2
    else
      echo "refusing to allow a GitHub App to create or update workflow \\`$file\\` without \\`workflows\\` permission" >&2
    fi
    exit 1
  fi
done
exit 0
"""


def serve(repo: Repo, bare: Path) -> None:
    """Serve ``bare`` as ``repo``'s git remote and install the workflow-permission hook."""
    hook = bare / "hooks" / "pre-receive"
    hook.parent.mkdir(exist_ok=True)
    hook.write_text(HOOK)
    hook.chmod(0o755)
    repo.git_path = str(bare.resolve())
    sync_refs(repo)


def _git(repo: Repo, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "--git-dir", repo.git_path, *args], capture_output=True, text=True, check=False, env=_base_env()
    )


def _base_env() -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent"}


def sync_refs(repo: Repo) -> None:
    """The bare repository's branches replace the state's (tags and other refs are kept)."""
    out = _git(repo, "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads/").stdout
    heads = dict(line.split(" ", 1) for line in out.splitlines() if line)
    repo.refs = {**{k: v for k, v in repo.refs.items() if not k.startswith("refs/heads/")}, **heads}


def read_file(repo: Repo, ref: str, path: str) -> str | None:
    """A file's text at ``ref`` in the served repository, or None (no repository, ref or file)."""
    if not repo.git_path:
        return None
    shown = _git(repo, "show", f"{ref}:{path}")
    return shown.stdout if shown.returncode == 0 else None


def pusher_token(headers: Mapping[str, str]) -> str | None:
    """The token of a ``Basic`` (git) or ``token``/``Bearer`` header, or None without one."""
    scheme, _, value = headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return value.strip() or None
    try:
        user, _, password = base64.b64decode(value.strip()).decode().partition(":")
    except ValueError:
        return ""
    return password or user


def handle(
    repo: Repo, method: str, rest: str, query: str, headers: Mapping[str, str], raw: bytes, pusher: Token | None
) -> tuple[int, dict[str, str], bytes]:
    """Run ``git http-backend`` for one request; (status, headers, body)."""
    env = {
        **_base_env(),
        "GIT_PROJECT_ROOT": str(Path(repo.git_path).parent),
        "PATH_INFO": f"/{Path(repo.git_path).name}{rest}",
        "GIT_HTTP_EXPORT_ALL": "1",
        "REQUEST_METHOD": method,
        "QUERY_STRING": query,
        "CONTENT_TYPE": headers.get("content-type", ""),
        "CONTENT_LENGTH": str(len(raw)),
        "REMOTE_ADDR": "127.0.0.1",
    }
    for name in ("content-encoding", "git-protocol"):
        if name in headers:
            env[f"HTTP_{name.upper().replace('-', '_')}"] = headers[name]
    if pusher is not None:
        env.update(
            REMOTE_USER=pusher.login,
            DOUBLE_PUSHER_KIND=pusher.kind,
            DOUBLE_PUSHER_WORKFLOWS="1" if pusher.workflows else "0",
        )
    proc = subprocess.run(["git", "http-backend"], input=raw, env=env, capture_output=True, check=False)
    head, _, body = proc.stdout.partition(b"\r\n\r\n")
    status, out_headers = 200, {}
    for line in head.decode("latin-1").split("\r\n"):
        key, _, value = line.partition(":")
        if key.lower() == "status":
            status = int(value.split()[0])
        elif key:
            out_headers[key.strip()] = value.strip()
    if rest.endswith("/git-receive-pack"):
        sync_refs(repo)
    return status, out_headers, body
