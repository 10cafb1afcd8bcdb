"""The error a runner's summary lists for each failing test, read as their shared cause (autoheal/sharederror.py)."""

from __future__ import annotations

from autoheal.rules import default_ruleset
from tests.helpers import triage_text

RS = default_ruleset()
_PG = 'asyncpg.exceptions.InvalidPasswordError: password authentication failed for user "ci"'


def _pytest(*errors: str) -> str:
    summary = [f"ERROR tests/api/test_fed.py::test_case_{i} - {e}" for i, e in enumerate(errors)]
    tally = f"= 871 passed, 3 skipped, {len(errors)} errors in 78.53s (0:01:18) ="
    lines = ["$ pytest", "=========================== short test summary info ============================", *summary]
    return triage_text([*lines, tally, 'The command "pytest" exited with 1.'], RS).category


def test_a_cause_every_failing_tests_listed_error_says_explains_them() -> None:
    assert _pytest(_PG, _PG) == "credentials"
    assert _pytest("ConnectionRefusedError: [Errno 111] Connection refused", "OSError: Connection refused") == "network"


def test_one_tests_cause_among_assertions_or_errors_naming_no_cause_stays_the_tests_failure() -> None:
    assert _pytest(_PG, "AssertionError: assert 1 == 2", "AssertionError: assert 3 == 4") == "test.failure"
    assert _pytest("AssertionError: assert 1 == 2", "KeyError: 'id'") == "test.failure"


def test_a_test_files_own_output_saying_a_module_is_missing_names_the_run_with_no_rule_for_it() -> None:
    from autoheal.rules import compile_ruleset

    without = compile_ruleset(r for r in RS.rules if r.id != "python.module-not-found")
    lines = ["$ pytest", "==================================== ERRORS ====================================="]
    lines += ["___________________ ERROR collecting tests/test_loaders.py ____________________"]
    lines += [
        "ImportError while importing test module '/w/tests/test_loaders.py'.",
        "tests/test_loaders.py:3: in <module>",
    ]
    lines += ["    import yaml", "E   ModuleNotFoundError: No module named 'yaml'", "", "ERROR tests/test_loaders.py"]
    lines += ["!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!"]
    assert triage_text([*lines, 'The command "pytest" exited with 2.'], without).category == "dependency.missing"
    # A refused connection a test's output shows is what it may have checked: its verdict stays.
    refused = [*lines[:3], "E   ConnectionRefusedError: [Errno 111] Connection refused", "", *lines[8:]]
    assert triage_text([*refused, 'The command "pytest" exited with 2.'], without).category == "test.failure"
