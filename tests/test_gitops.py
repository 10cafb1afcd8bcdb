"""gitops against real git: a bare repository as ``origin`` and a clone, in ``tmp_path``."""

from __future__ import annotations

import base64
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from autoheal import gitops, subproc
from autoheal.errors import GitError
from tests.helpers import HUMAN, git, seed_origin

BRANCH = "autoheal/issue-1-dependency-missing-yaml"
TOKEN = "ghs_fakeTOKEN0123456789abcdefABCDEF"


pytestmark = pytest.mark.usefixtures("isolated_git")


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    return seed_origin(tmp_path, {"requirements.txt": "requests\n"})


@pytest.fixture
def work(origin: Path, tmp_path: Path) -> Path:
    clone = tmp_path / "work"
    git(tmp_path, "clone", "--quiet", str(origin), str(clone))
    return clone


def publish(work: Path, text: str, branch: str = BRANCH) -> gitops.BranchResult:
    with gitops.worktree(gitops.Git(work), "main") as tree:
        (tree.cwd / "requirements.txt").write_text(text)
        return gitops.create_or_update_branch(
            tree, branch, "main", "fix: add PyYAML (autoheal, #1)", ["requirements.txt"], protected=("main",)
        )


def show(origin: Path, rev: str) -> str:
    return git(origin, "show", f"{rev}:requirements.txt")


def test_create_then_same_then_different(work: Path, origin: Path) -> None:
    created = publish(work, "requests\nPyYAML\n")
    assert created.status == "created"
    assert git(origin, "rev-parse", BRANCH) == created.sha
    assert show(origin, BRANCH) == "requests\nPyYAML"
    assert git(origin, "log", "--format=%an <%ae>|%s", f"main..{BRANCH}") == (
        "autoheal[bot] <autoheal[bot]@users.noreply.github.com>|fix: add PyYAML (autoheal, #1)"
    )

    again = publish(work, "requests\nPyYAML\n")
    assert again.status == "not-updated"
    assert git(origin, "rev-parse", BRANCH) == created.sha

    changed = publish(work, "requests\npyyaml>=6\n")
    assert changed.status == "updated"
    assert show(origin, BRANCH) == "requests\npyyaml>=6"
    assert git(origin, "rev-list", "--count", f"main..{BRANCH}") == "1"  # replaced, not stacked


def test_the_users_checkout_is_untouched(work: Path) -> None:
    head = git(work, "rev-parse", "HEAD")
    publish(work, "requests\nPyYAML\n")
    assert git(work, "rev-parse", "HEAD") == head
    assert git(work, "status", "--porcelain") == ""
    assert len(git(work, "worktree", "list").splitlines()) == 1


def test_nothing_to_commit_is_none(work: Path, origin: Path) -> None:
    assert publish(work, "requests\n").status == "none"
    assert git(origin, "branch", "--list", BRANCH) == ""


def test_a_human_commit_is_never_overwritten(work: Path, origin: Path, tmp_path: Path) -> None:
    publish(work, "requests\nPyYAML\n")
    human = tmp_path / "human"
    git(tmp_path, "clone", "--quiet", "--branch", BRANCH, str(origin), str(human))
    (human / "requirements.txt").write_text("requests\nPyYAML==6.0.1\n")
    git(human, *HUMAN, "commit", "--quiet", "-am", "pin it")
    git(human, "push", "--quiet", "origin", BRANCH)
    theirs = git(origin, "rev-parse", BRANCH)

    result = publish(work, "requests\nPyYAML\n")
    assert result.status == "foreign"
    assert result.foreign_authors == ("human@example.com",)
    assert git(origin, "rev-parse", BRANCH) == theirs


def test_a_branch_moved_meanwhile_is_not_clobbered(work: Path, origin: Path, tmp_path: Path) -> None:
    publish(work, "requests\nPyYAML\n")
    with gitops.worktree(gitops.Git(work), "main") as tree:
        (tree.cwd / "requirements.txt").write_text("requests\nPyYAML>=6\n")
        git(tree.cwd, "add", ".")
        sha = tree.commit("fix", gitops.Identity())
        stale = git(work, "rev-parse", "main")  # the lease expects main's sha, which the branch is not
        with pytest.raises(GitError, match="stale info|rejected"):
            tree.push("origin", sha, BRANCH, stale)


@pytest.mark.parametrize("branch", ["main", "autoheal-base"])
def test_never_pushes_to_the_default_or_base_branch(work: Path, branch: str) -> None:
    with gitops.worktree(gitops.Git(work), "main") as tree:
        (tree.cwd / "requirements.txt").write_text("requests\nPyYAML\n")
        with pytest.raises(GitError, match="never pushes"):
            gitops.create_or_update_branch(
                tree, branch, "main" if branch == "main" else branch, "m", ["requirements.txt"], protected=("main",)
            )


def test_the_token_never_shows_in_errors(work: Path) -> None:
    auth = gitops.Auth(TOKEN, "http://127.0.0.1:9")
    forms = [TOKEN, base64.b64encode(f"x-access-token:{TOKEN}".encode()).decode()]
    repo = gitops.Git(work, auth)
    git(work, "remote", "add", "dead", "http://127.0.0.1:9/octo/repo.git")
    with pytest.raises(GitError) as pushed:
        repo.push("dead", git(work, "rev-parse", "HEAD"), BRANCH, None)
    # Even a command that carries the token itself (autoheal never does) is shown redacted.
    with pytest.raises(GitError) as in_argv:
        repo.run("push", f"http://x-access-token:{TOKEN}@127.0.0.1:9/octo/repo.git", "HEAD:refs/heads/x")
    for error in (pushed.value, in_argv.value):
        text = str(error)
        assert "command failed: git push" in text and "stderr:" in text
        assert not any(form in text for form in forms), text
    assert subproc.REDACTED in str(in_argv.value)


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.headers.get_all("Authorization") or [])
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Recorder.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_push_sends_only_our_header_even_after_checkout_persisted_one(work: Path, recorder: str) -> None:
    # actions/checkout leaves http.<server>/.extraheader in the local config; two Authorization
    # headers make GitHub answer 400, so ours must replace it, not join it.
    git(work, "config", f"http.{recorder}/.extraheader", "AUTHORIZATION: basic Y2hlY2tvdXQ=")
    git(work, "remote", "add", "served", f"{recorder}/octo/repo.git")
    auth = gitops.Auth(TOKEN, recorder)
    with pytest.raises(GitError):
        gitops.Git(work, auth).push("served", git(work, "rev-parse", "HEAD"), BRANCH, None)
    assert _Recorder.seen and all(headers == [auth.header.split(": ", 1)[1]] for headers in _Recorder.seen)
    assert TOKEN not in git(work, "config", "--list")  # nothing written to the user's config


def test_safe_directory_and_header_come_from_the_environment(work: Path) -> None:
    env = gitops.Git(work, gitops.Auth(TOKEN)).env()
    pairs = {(env[f"GIT_CONFIG_KEY_{i}"], env[f"GIT_CONFIG_VALUE_{i}"]) for i in range(int(env["GIT_CONFIG_COUNT"]))}
    assert ("safe.directory", str(work)) in pairs
    assert ("http.https://github.com/.extraheader", "") in pairs
    assert env["GIT_TERMINAL_PROMPT"] == "0"


def test_workflow_paths_pick_the_workflow_token_and_both_tokens_are_redacted() -> None:
    auth = gitops.Auth(TOKEN, workflow_token="ghp_workflowTOKEN0123456789")
    assert gitops.touches_workflows([".github/workflows/ci.yml"])
    assert gitops.touches_workflows(["./.github/workflows/a/b.yml", "x"])
    assert not gitops.touches_workflows(["requirements.txt", ".github/dependabot.yml", "github/workflows/x.yml"])
    assert auth.for_paths(["requirements.txt"]).token == TOKEN
    assert auth.for_paths([".github/workflows/ci.yml"]).token == "ghp_workflowTOKEN0123456789"
    text = f"{auth.header} {auth.for_paths(['.github/workflows/x']).header} ghp_workflowTOKEN0123456789"
    assert TOKEN not in subproc.hide_secrets(text, auth.secrets) and "workflowTOKEN" not in subproc.hide_secrets(
        text, auth.secrets
    )
    assert "workflowTOKEN" not in repr(auth)


def test_github_refusals_of_workflow_pushes_are_recognised() -> None:
    app = "remote: refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission\n"
    pat = "! [remote rejected] x -> x (refusing to allow a Personal Access Token to create or update workflow `.github/workflows/ci.yml` without `workflow` scope)"
    assert gitops.workflow_refusal(app) == app.strip().removeprefix("remote: ")
    assert (gitops.workflow_refusal(pat) or "").endswith("without `workflow` scope")
    assert gitops.workflow_refusal("! [remote rejected] x -> x (protected branch hook declined)") is None


def test_only_the_push_uses_the_workflow_token(github_double, tmp_path: Path, origin: Path) -> None:  # type: ignore[no-untyped-def]
    """Against the double's git host: the fetches go with the token, the push with the workflow token."""
    github_double.add_token("ghp_canPushWorkflows", "alice", "pat", workflows=True)
    url = github_double.serve_git(origin)
    clone = tmp_path / "http-clone"
    git(tmp_path, "clone", "--quiet", url, str(clone))
    auth = gitops.Auth(github_double.token, github_double.url, workflow_token="ghp_canPushWorkflows")
    with gitops.worktree(gitops.Git(clone, auth), "main") as tree:
        (tree.cwd / ".github/workflows").mkdir(parents=True)
        (tree.cwd / ".github/workflows/ci.yml").write_text("on: push\n")
        paths = [".github/workflows/ci.yml"]
        with pytest.raises(GitError, match="refusing to allow a GitHub App"):
            gitops.create_or_update_branch(tree, BRANCH, "main", "m", paths, protected=("main",))
        git(tree.cwd, "reset", "--quiet", "HEAD~1")
        result = gitops.create_or_update_branch(
            tree, BRANCH, "main", "m", paths, protected=("main",), push_auth=auth.for_paths(paths)
        )
    assert result.status == "created" and git(origin, "rev-parse", BRANCH) == result.sha


def test_origin_url_of_a_checkout_and_of_none(work: Path, origin: Path, tmp_path: Path) -> None:
    assert gitops.origin_url(work) == str(origin)
    git(work, "remote", "set-url", "origin", "git@github.com:octo-org/octo-repo.git")
    assert gitops.origin_url(work) == "git@github.com:octo-org/octo-repo.git"
    assert gitops.origin_url(tmp_path) == "" and gitops.origin_url(tmp_path / "missing") == ""
