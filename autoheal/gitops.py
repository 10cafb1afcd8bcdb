"""The working tree for heal mode: a typed git wrapper with one method per
verb over the one subprocess helper (``subproc``), the create-or-update-branch algorithm of
peter-evans/create-pull-request written against it. What is done inside a worktree (applying a fix's changes, verifying them) is ``changes``.

Credentials never reach argv: the token travels as an ``http.<server>/.extraheader``
entry in ``GIT_CONFIG_COUNT``/``GIT_CONFIG_KEY_n``/``GIT_CONFIG_VALUE_n``, preceded by an
empty entry for the same key, which clears the header actions/checkout persisted (two
``Authorization`` headers make GitHub answer 400). ``safe.directory`` is set the same way,
because a container's uid differs from the owner of the runner's checkout
(https://github.blog/2022-04-12-git-security-vulnerability-announced/). Every error text
goes through ``subproc.hide_secrets``, so neither the token nor its base64 form can leak into a log.

GitHub refuses a push that creates, changes or deletes a file under ``.github/workflows/``
unless its token may write workflows ("refusing to allow a GitHub App to create or update
workflow ... without `workflows` permission"): ``GITHUB_TOKEN`` never may, a PAT needs the
``workflow`` scope, an App ``workflows: write``
(https://docs.github.com/actions/security-for-github-actions/security-guides/automatic-token-authentication).
So such a push goes with ``Auth.workflow_token``, and only such a push.
"""

from __future__ import annotations

import base64
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from autoheal.errors import GitError
from autoheal.settings import BOT_EMAIL as BOT_EMAIL
from autoheal.settings import BOT_NAME as BOT_NAME
from autoheal.subproc import cmd_output

DEFAULT_SERVER = "https://github.com"
WORKFLOWS_DIR = ".github/workflows/"
_WORKFLOW_REFUSAL = re.compile(r"refusing to allow [^\n]*?workflow[^\n]*?(?:permission|scope)", re.I)


@dataclass(frozen=True)
class Identity:
    """Who commits: the configurable bot identity."""

    name: str = BOT_NAME
    email: str = BOT_EMAIL


@dataclass(frozen=True)
class Auth:
    """The token git fetches and pushes with, the server it is for, and the token that may
    push workflow files (empty: none may)."""

    token: str = field(default="", repr=False)  # as the workflow token: never shown
    server_url: str = DEFAULT_SERVER
    workflow_token: str = field(default="", repr=False)

    def for_paths(self, paths: Sequence[str]) -> Auth:
        """The auth a push of ``paths`` needs: the workflow token when one is a workflow file."""
        return replace(self, token=self.workflow_token) if touches_workflows(paths) else self

    @property
    def header(self) -> str:
        return f"AUTHORIZATION: basic {_basic(self.token)}"

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every form of both tokens an error could show (raw, basic credentials, base64), longest first:
        replacing a shorter one first could break a longer one that contains it."""
        forms: list[str] = []
        for token in {self.token, self.workflow_token} - {""}:
            forms += [token, _basic(token), base64.b64encode(token.encode()).decode()]
        return tuple(sorted(forms, key=len, reverse=True))


def _basic(token: str) -> str:
    """HTTP basic credentials as git sends a token over HTTPS."""
    return base64.b64encode(f"x-access-token:{token}".encode()).decode()


def origin_url(cwd: Path) -> str:
    """The URL of ``cwd``'s ``origin`` remote; "" when there is no checkout, git or such remote."""
    try:
        rc, out, _ = cmd_output(
            ["git", "-C", str(cwd), "remote", "get-url", "origin"], Path.cwd(), check=False, timeout=5
        )
    except GitError:
        return ""
    return out.strip() if rc == 0 else ""


def touches_workflows(paths: Sequence[str]) -> bool:
    return any(p.replace("\\", "/").removeprefix("./").startswith(WORKFLOWS_DIR) for p in paths)


def workflow_refusal(error: str) -> str | None:
    """GitHub's reason when it refused a push for touching workflow files, else None."""
    found = _WORKFLOW_REFUSAL.search(error)
    return found.group(0) if found else None


@dataclass(frozen=True)
class BranchResult:
    """``created | updated | not-updated | none`` as in create-pull-request, or ``foreign``."""

    status: str
    sha: str = ""
    foreign_authors: tuple[str, ...] = ()


def config_env(pairs: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Command-scope git config through the environment (git >= 2.31), never argv."""
    env = {"GIT_CONFIG_COUNT": str(len(pairs)), "GIT_TERMINAL_PROMPT": "0"}
    for index, (key, value) in enumerate(pairs):
        env[f"GIT_CONFIG_KEY_{index}"] = key
        env[f"GIT_CONFIG_VALUE_{index}"] = value
    return env


@dataclass(frozen=True)
class Git:
    """git in one directory; ``safe`` are further directories to trust besides ``cwd``."""

    cwd: Path
    auth: Auth = field(default_factory=Auth)
    safe: tuple[str, ...] = ()

    def env(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        pairs = [("safe.directory", d) for d in dict.fromkeys((*self.safe, str(self.cwd)))]
        if self.auth.token:
            key = f"http.{self.auth.server_url.rstrip('/')}/.extraheader"
            pairs += [(key, ""), (key, self.auth.header)]  # the empty value clears checkout's header
        return {**config_env(pairs), **(extra or {})}

    def run(self, *args: str, check: bool = True, env: Mapping[str, str] | None = None) -> tuple[int, str, str]:
        return cmd_output(("git", *args), self.cwd, self.env(env), secrets=self.auth.secrets, check=check)

    def out(self, *args: str) -> str:
        return self.run(*args)[1].strip()

    def at(self, path: Path) -> Git:
        return replace(self, cwd=path, safe=(*self.safe, str(self.cwd)))

    # -- verbs ------------------------------------------------------------------
    def rev_parse(self, rev: str) -> str | None:
        rc, out, _ = self.run("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", check=False)
        return out.strip() if rc == 0 else None

    def tree(self, rev: str) -> str:
        return self.out("rev-parse", f"{rev}^{{tree}}")

    def is_shallow(self) -> bool:
        return self.out("rev-parse", "--is-shallow-repository") == "true"

    def fetch(self, remote: str, *refspecs: str, unshallow: bool = False) -> None:
        self.run("fetch", "--no-tags", "--force", *(["--unshallow"] if unshallow else []), remote, *refspecs)

    def remote_sha(self, remote: str, branch: str) -> str | None:
        out = self.out("ls-remote", "--heads", remote, f"refs/heads/{branch}")
        return out.split()[0] if out else None

    def merge_base(self, a: str, b: str) -> str | None:
        rc, out, _ = self.run("merge-base", a, b, check=False)
        return out.strip() if rc == 0 else None

    def author_emails(self, since: str, until: str) -> list[str]:
        return self.out("log", "--format=%ae", f"{since}..{until}").split()

    def add(self, paths: Sequence[str]) -> None:
        self.run("add", "--all", "--", *paths)

    def has_staged_changes(self) -> bool:
        return self.run("diff", "--cached", "--quiet", check=False)[0] != 0

    def commit(self, message: str, identity: Identity) -> str:
        people = {
            "GIT_AUTHOR_NAME": identity.name,
            "GIT_AUTHOR_EMAIL": identity.email,
            "GIT_COMMITTER_NAME": identity.name,
            "GIT_COMMITTER_EMAIL": identity.email,
        }
        self.run("-c", "commit.gpgsign=false", "commit", "--no-verify", "--quiet", "-m", message, env=people)
        return self.out("rev-parse", "HEAD")

    def push(self, remote: str, sha: str, branch: str, expect: str | None) -> None:
        """Push ``sha`` to ``branch`` only if the remote branch is still ``expect`` (None: absent)."""
        lease = f"--force-with-lease=refs/heads/{branch}:{expect or ''}"
        self.run("push", "--porcelain", lease, remote, f"{sha}:refs/heads/{branch}")


@contextmanager
def worktree(git: Git, base: str, remote: str = "origin") -> Iterator[Git]:
    """A detached worktree of ``remote/base`` in a temp dir; the user's checkout is untouched."""
    tracking = f"refs/remotes/{remote}/{base}"
    git.fetch(remote, f"+refs/heads/{base}:{tracking}")
    holder = Path(tempfile.mkdtemp(prefix="autoheal-"))
    path = holder / "tree"
    git.run("worktree", "add", "--detach", "--quiet", str(path), tracking)
    try:
        yield git.at(path)
    finally:
        git.run("worktree", "remove", "--force", str(path), check=False)
        shutil.rmtree(holder, ignore_errors=True)
        git.run("worktree", "prune", check=False)


def _ensure_history(git: Git, remote: str, base_ref: str, branch_ref: str, refspecs: Sequence[str]) -> bool:
    """Whether base and branch share history locally; a shallow checkout is deepened once."""
    if git.merge_base(base_ref, branch_ref):
        return True
    if git.is_shallow():
        git.fetch(remote, *refspecs, unshallow=True)
        return git.merge_base(base_ref, branch_ref) is not None
    return False


def _foreign(git: Git, remote: str, base: str, branch: str, identity: Identity) -> tuple[str, ...]:
    """Author emails on the remote branch beyond the base that are not the bot's."""
    base_ref, branch_ref = f"refs/remotes/{remote}/{base}", f"refs/remotes/{remote}/{branch}"
    refspecs = (f"+refs/heads/{base}:{base_ref}", f"+refs/heads/{branch}:{branch_ref}")
    git.fetch(remote, *refspecs)
    if not _ensure_history(git, remote, base_ref, branch_ref, refspecs):
        return ("(history unrelated to the base)",)
    emails = git.author_emails(base_ref, branch_ref)
    return tuple(dict.fromkeys(e for e in emails if e.lower() != identity.email.lower()))


def create_or_update_branch(
    git: Git,
    branch: str,
    base: str,
    message: str,
    paths: Sequence[str],
    *,
    identity: Identity = Identity(),
    protected: Sequence[str] = (),
    remote: str = "origin",
    push_auth: Auth | None = None,
) -> BranchResult:
    """Commit ``paths`` in the worktree ``git`` (at ``remote/base``) and publish them on ``branch``.

    created: the branch did not exist. updated: it held only our commits and a different tree,
    so it is replaced (force-with-lease on the sha seen). not-updated: same tree. none: nothing
    to commit. foreign: someone else committed on it; nothing is pushed. ``push_auth``: the
    auth of the push alone (the workflow token), when it is not ``git``'s.
    """
    if branch in protected or branch == base:
        raise GitError(f"refusing to push to {branch!r}: autoheal never pushes to the default or base branch")
    git.add(paths)
    if not git.has_staged_changes():
        return BranchResult("none")
    sha = git.commit(message, identity)
    pusher = replace(git, auth=push_auth) if push_auth is not None else git
    current = git.remote_sha(remote, branch)
    if current is None:
        pusher.push(remote, sha, branch, None)
        return BranchResult("created", sha)
    others = _foreign(git, remote, base, branch, identity)
    seen = git.rev_parse(f"refs/remotes/{remote}/{branch}") or current  # the lease: what we inspected
    if others:
        return BranchResult("foreign", seen, others)
    if git.tree(sha) == git.tree(seen):
        return BranchResult("not-updated", seen)
    pusher.push(remote, sha, branch, seen)
    return BranchResult("updated", sha)
