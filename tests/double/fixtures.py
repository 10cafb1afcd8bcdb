"""The ``github_double`` pytest fixture; enable with ``pytest_plugins = ["tests.double.fixtures"]``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .double import Double
from .schema import spec_missing_reason


def _running(api_prefix: str = "") -> Iterator[Double]:
    double = Double(validate=spec_missing_reason() is None, api_prefix=api_prefix).start()
    try:
        yield double
    finally:
        double.stop()
    double.assert_conforms()


@pytest.fixture
def github_double() -> Iterator[Double]:
    """A running double on 127.0.0.1 (free port) that checks every response against GitHub's
    OpenAPI description when shared/ is present; recorded violations fail the test at teardown.
    A test that provokes violations on purpose clears ``double.schema_violations`` itself."""
    yield from _running()


@pytest.fixture
def ghes_double() -> Iterator[Double]:
    """The same as GitHub Enterprise Server lays it out: the REST API under ``/api/v3``."""
    yield from _running("/api/v3")
