"""The transport under the GitHub adapter (``autoheal._github_http``): what it shows of itself."""

from __future__ import annotations

from autoheal import gitops
from autoheal.github_api import Client

TOKEN = "ghs_fakeTOKEN0123456789abcdefABCDEF"


def test_a_client_shown_in_a_traceback_or_a_log_hides_its_token() -> None:
    client = Client("octo-org/octo-repo", TOKEN, api_url="http://127.0.0.1:9")
    assert TOKEN not in repr(client) and TOKEN not in str(client)
    assert "octo-org/octo-repo" in repr(client)


def test_git_auth_hides_both_tokens() -> None:
    auth = gitops.Auth(TOKEN, workflow_token=TOKEN[::-1])
    assert TOKEN not in repr(auth) and TOKEN[::-1] not in repr(auth)
