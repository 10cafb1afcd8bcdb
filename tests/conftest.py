"""Fixtures shared by the test modules (the GitHub double's come from tests/double/fixtures.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ["tests.double.fixtures"]


@pytest.fixture
def world(github_double: Any, tmp_path: Path) -> Any:
    """Heal's end-to-end world (tests/test_heal_e2e.py): a bare origin served by the double, the
    runner's checkout of it, and a way to run the real entrypoint in heal mode."""
    from tests.test_heal_e2e import World

    return World(github_double, tmp_path)


@pytest.fixture
def isolated_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git in this process sees no user or system config: ``HOME`` is the test's own."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


@pytest.fixture(scope="session")
def _loop_calls_printed(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    from tests import loop_harness

    loop_harness.print_calls(request.config.pluginmanager.get_plugin("capturemanager"))


@pytest.fixture
def calls_table(_loop_calls_printed: None) -> Iterator[None]:
    """Each test starts with no recorded scenario (tests/loop_harness.py CALLS) and adds its own to
    the table printed after the session (shown without -s)."""
    from tests import loop_harness

    loop_harness.CALLS.clear()
    yield
    loop_harness.keep_calls()
