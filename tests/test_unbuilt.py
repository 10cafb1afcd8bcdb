"""A test command whose build failed first (autoheal/unbuilt.py): with no rule for the tool, a compile error."""

from __future__ import annotations

import pytest

from autoheal.rules import compile_ruleset
from tests.helpers import gha_step, triage_text

EMPTY = compile_ruleset([])  # a catalogue that knows no tool: the generic block and the tool table alone


@pytest.mark.parametrize(
    ("command", "body"),
    [
        (  # Go: the package does not compile, so its tests never ran
            "go test ./...",
            ["ok  \texample.com/app/auth\t0.2s", "# example.com/app/api", "api/h.go:41:9: undefined: respond"]
            + ["FAIL\texample.com/app/api [build failed]", "FAIL"],
        ),
        (  # Zig's build runner
            "zig build test",
            ["test", "└─ run test", "src/kv.zig:14:9: error: local variable is never mutated", "    var n = 0;"]
            + ["error: the following command failed with 1 compilation errors:"],
        ),
        (  # Nimble compiles the test file first
            "nimble test",
            ["  Compiling tests/test_kv", "src/kv.nim(42, 17) Error: type mismatch: got 'int'"]
            + ["       Error: Execution failed with exit code 1"],
        ),
        (  # cargo builds the test binary first
            "cargo test",
            ["   Compiling app v0.1.0 (/w)", "error[E0425]: cannot find value `port` in this scope"]
            + ["  --> src/lib.rs:3:5", "", "error: could not compile `app` (lib test) due to 1 previous error"],
        ),
        (  # Gleam builds the project first, reporting in the codespan layout
            "gleam test",
            ["  Compiling shelf", "error: Type mismatch", "   ┌─ /w/src/shelf/store.gleam:41:27", "   │"]
            + ["41 │   dict.insert(shelf, key, count + 1)", "", "Expected type:", "", "    String"],
        ),
    ],
)
def test_a_test_command_whose_build_failed_is_a_compile_error(command: str, body: list[str]) -> None:
    assert triage_text(gha_step(command, *body), EMPTY).category == "compile.error"


def test_a_runners_failing_test_located_without_a_column_stays_the_tests_failure() -> None:
    # XCTest and doctest locate a failed assertion at a line, no column: a test's failure, not a compiler's.
    xctest = ["Test Case '-[AppTests testSum]' started.", "/w/Tests/AppTests.swift:12: error: XCTAssertEqual failed"]
    assert triage_text(gha_step("swift test", *xctest), EMPTY).category == "test.failure"
    doctest = [
        '[doctest] run with "--help" for options',
        "tests/sum.cpp:9: ERROR: CHECK( sum(1, 2) == 4 ) is NOT correct!",
    ]
    assert triage_text(gha_step("ctest --output-on-failure", *doctest), EMPTY).category == "test.failure"


def test_a_test_verdict_in_a_compilers_shape_or_a_package_not_loaded_is_no_build_failure() -> None:
    # lit's FileCheck locates its failed check as a compiler would; Go's [setup failed] is a package not loaded.
    lit = [
        "FAIL: MyProj :: basic.c (1 of 20)",
        "/w/test/basic.c:5:11: error: CHECK: expected string not found in input",
    ]
    lit += ["Failed Tests (1):", "  MyProj :: basic.c", "Failed:  1"]
    assert triage_text(gha_step("lit -v test/", *lit), EMPTY).category != "compile.error"
    go = [
        "api/h.go:3:8: no required module provides package github.com/x/yaml",
        "FAIL\texample.com/app/api [setup failed]",
    ]
    assert triage_text(gha_step("go test ./...", *go), EMPTY).category != "compile.error"


def test_a_build_error_under_a_command_that_is_no_test_keeps_the_commands_name() -> None:
    body = ["src/kv.zig:14:9: error: local variable is never mutated"]
    assert triage_text(gha_step("zig build", *body), EMPTY).category == "compile.error"
    linted = triage_text(gha_step("clang-tidy src/a.c", "src/a.c:3:5: error: narrowing conversion [x]"), EMPTY)
    assert linted.category == "lint.error"


def test_a_test_tools_assertion_in_the_codespan_layout_stays_the_tests_failure() -> None:
    # Hurl reports a failed assertion as rustc reports an error: its title says it is an assertion.
    body = [
        "error: Assert status code",
        "  --> tests/orders.hurl:5:6",
        "   |",
        " 5 | HTTP 200",
        "   |      ^^^ actual value is <500>",
    ]
    assert triage_text(gha_step("hurl --test tests/*.hurl", *body), EMPTY).category != "compile.error"
