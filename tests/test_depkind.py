"""A package manager's error block: a missing dependency or one that cannot be resolved (depkind.py)."""

from __future__ import annotations

from autoheal.depkind import dependency_kind


def test_a_package_managers_failure_is_missing_when_its_block_says_not_found() -> None:
    deps = "dependency.resolution"
    assert dependency_kind(deps, ["E: Unable to locate package libfoo-dev"]) == "dependency.missing"
    assert dependency_kind(deps, ["npm error 404 Not Found - GET https://registry.npmjs.org/left-padd"]) == (
        "dependency.missing"
    )
    assert dependency_kind(deps, ["ERROR: No matching distribution found for torch==9.0"]) == "dependency.missing"
    # Versions that cannot be reconciled are a resolution failure, even when a version is "not found".
    assert dependency_kind(deps, ["Could not find compatible versions for gem rails"]) == deps
    assert dependency_kind(deps, ["npm ERR! ERESOLVE unable to resolve dependency tree"]) == deps
    assert dependency_kind(deps, ["error: failed to build wheel"]) == deps
    assert dependency_kind("test.failure", ["AssertionError: x not found"]) == "test.failure"
