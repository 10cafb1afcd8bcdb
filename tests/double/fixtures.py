"""The ``github_double`` pytest fixture; enable with ``pytest_plugins = ["tests.double.fixtures"]``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .double import Double
from .schema import spec_missing_reason


@pytest.fixture
def github_double() -> Iterator[Double]:
    """A running double on 127.0.0.1 (free port) that checks every response against GitHub's
    OpenAPI description when shared/ is present; recorded violations fail the test at teardown.
    A test that provokes violations on purpose clears ``double.schema_violations`` itself."""
    double = Double(validate=spec_missing_reason() is None).start()
    try:
        yield double
    finally:
        double.stop()
    double.assert_conforms()
