from __future__ import annotations

import os
from pathlib import Path

import pytest

from autoheal.fixers import deprecated_actions as fixer
from autoheal.proposals import FixDeclined, FixProposal
from tests.fixers.util import context

LOG = "##[error]This request has been automatically failed because it uses a deprecated version of `{}: v3`."


@pytest.mark.parametrize(
    ("action", "major"),
    [
        ("actions/upload-artifact", 4),
        ("actions/download-artifact", 4),
        ("actions/cache", 4),
        ("actions/checkout", 4),
        ("actions/setup-python", 5),
        ("actions/setup-node", 4),
        ("actions/setup-java", 4),
        ("actions/setup-go", 5),
        ("actions/github-script", 7),
        ("actions/upload-pages-artifact", 3),
        ("actions/deploy-pages", 4),
        ("actions/configure-pages", 5),
        ("github/codeql-action", 3),
    ],
)
def test_table_has_at_least_these_majors(action: str, major: int) -> None:
    assert fixer.current_majors()[action] >= major


@pytest.mark.parametrize(
    ("action", "repo"),
    [
        ("actions/cache/restore", "actions/cache"),
        ("GitHub/CodeQL-Action/init", "github/codeql-action"),
        ("actions/checkout", "actions/checkout"),
    ],
)
def test_repo_of(action: str, repo: str) -> None:
    assert fixer.repo_of(action) == repo


def bump(
    tmp_path: Path, lines: str, log: str = LOG.format("actions/checkout"), category: str = "action.deprecated"
) -> FixProposal | FixDeclined:
    files = {".github/workflows/ci.yml": f"jobs:\n  a:\n    steps:\n{lines}"}
    return fixer.fix(context(tmp_path, files, log, category))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("      - uses: actions/checkout@v3\n", "      - uses: actions/checkout@v4\n"),
        ("      - uses: 'actions/checkout@v2'  # old\n", "      - uses: 'actions/checkout@v4'  # old\n"),
        ('        uses: "ACTIONS/Checkout@v1"\n', '        uses: "ACTIONS/Checkout@v4"\n'),
        ("      - {uses: actions/checkout@v3}\n", None),  # flow steps are left alone
        ("      # - uses: actions/checkout@v3\n", None),
        ("      - run: echo uses: actions/checkout@v3\n", None),
        ("      - uses: actions/checkout@main\n", None),
        ("      - uses: actions/checkout@v4\n", None),
        ("      - uses: actions/checkout@v5\n", None),  # never downgrade
        ("      - uses: docker://alpine:3\n", None),
    ],
)
def test_uses_lines(tmp_path: Path, before: str, after: str | None) -> None:
    result = bump(tmp_path, before)
    if after is None:
        assert isinstance(result, FixDeclined)
    else:
        assert isinstance(result, FixProposal) and result.changes[0].new.endswith(after)


def test_sub_actions_share_the_repository_major(tmp_path: Path) -> None:
    lines = "      - uses: github/codeql-action/init@v2\n      - uses: github/codeql-action/analyze@v2\n"
    result = bump(tmp_path, lines, "Please update: github/codeql-action/init@v2 is deprecated")
    assert isinstance(result, FixProposal)
    assert result.changes[0].new.endswith(lines.replace("@v2", "@v3"))


def test_upload_and_download_move_together(tmp_path: Path) -> None:
    lines = "      - uses: actions/download-artifact@v3\n      - uses: actions/checkout@v3\n"
    result = bump(tmp_path, lines, LOG.format("actions/upload-artifact"), category="unknown")
    assert isinstance(result, FixProposal)
    assert result.changes[0].new.endswith("download-artifact@v4\n      - uses: actions/checkout@v3\n")


def test_unknown_action_and_unnamed_deprecation_decline(tmp_path: Path) -> None:
    unknown = bump(tmp_path, "      - uses: acme/thing@v1\n", LOG.format("acme/thing"))
    unnamed = bump(tmp_path, "      - uses: actions/checkout@v3\n", "The `set-env` command is disabled.")
    assert isinstance(unknown, FixDeclined) and "does not know the current major of acme/thing" in unknown.reason
    assert isinstance(unnamed, FixDeclined) and "names no deprecated action" in unnamed.reason


def test_composite_actions_are_bumped_but_links_outside_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "action.yml").write_text("runs:\n  steps:\n    - uses: actions/checkout@v3\n")
    files = {".github/actions/setup/action.yaml": "runs:\n  steps:\n    - uses: actions/checkout@v3\n"}
    ctx = context(tmp_path / "ws", files, LOG.format("actions/checkout"), "action.deprecated")
    os.symlink(outside, tmp_path / "ws/.github/actions/evil")

    result = fixer.fix(ctx)

    assert isinstance(result, FixProposal)
    assert [c.path for c in result.changes] == [".github/actions/setup/action.yaml"]
