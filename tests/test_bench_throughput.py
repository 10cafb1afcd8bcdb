"""benchmarks/throughput.py: each run's environment is built from the one main passes down, nothing global."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def throughput(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCHMARKS))  # (its ``from installed import ...``, as a script has it)
    spec = importlib.util.spec_from_file_location("_autoheal_bench_throughput", BENCHMARKS / "throughput.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_a_runs_environment_is_the_base_passed_with_its_engine_and_this_checkout_first(
    throughput: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUTOHEAL_BENCH_NOT_PASSED", "1")
    base = {"PYTHONPYCACHEPREFIX": "/tmp/pyc", "PYTHONPATH": "/elsewhere"}
    env = throughput.engine_env(base, "re2")
    assert env["AUTOHEAL_ENGINE"] == "re2" and env["PYTHONPYCACHEPREFIX"] == "/tmp/pyc"
    assert env["PYTHONPATH"] == os.pathsep.join([str(BENCHMARKS.parent), "/elsewhere"])
    assert "AUTOHEAL_BENCH_NOT_PASSED" not in env  # only what main passed, not this process's environment
    assert base == {"PYTHONPYCACHEPREFIX": "/tmp/pyc", "PYTHONPATH": "/elsewhere"}  # left as it was
    assert not hasattr(throughput, "BASE_ENV")
