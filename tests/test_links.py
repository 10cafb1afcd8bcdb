"""Which link of a ``&&`` chain failed (autoheal/links.py), and the step it names (rootcause.py)."""

from __future__ import annotations

from autoheal.links import failing_link as _failing_link
from autoheal.rules import default_ruleset
from tests.helpers import triage_text

CHAIN = "script/lint && script/build && script/test"


def failing_link(command: str, output: list[str], block: list[str], tests_ran: bool) -> str:
    """The failing link's command, the output numbered from 1 and the block just below it."""
    numbered = list(enumerate(output, 1))
    return _failing_link(command, numbered, len(output) + 1, block, tests_ran).command


def test_a_checkers_findings_are_the_checker_links_the_tests_after_it_never_ran() -> None:
    block = ["src/a.ts:1: missing license header", "1 of 40 files lack the license header"]
    assert failing_link(CHAIN, [], block, tests_ran=False) == "script/lint"


def test_an_error_no_checker_prints_is_the_last_link_before_tests_that_never_ran() -> None:
    output = ["lint: 0 problems in 40 files"]
    block = ['Error: render pages: undefined partial "share"', "build aborted after 3 pages"]
    assert failing_link(CHAIN, output, block, tests_ran=False) == "script/build"


def test_a_test_run_in_the_output_keeps_the_chain_named_by_its_last_link() -> None:
    block = ["  FAIL orders/void: expected status 204, got 409", "23 of 24 scenarios passed, 1 failed"]
    assert failing_link(CHAIN, ["  ok   orders/create"], block, tests_ran=False) == CHAIN
    # A verdict a rule read says so too, and then a finding-shaped line is the tests' output, not a checker's.
    assert failing_link(CHAIN, [], ["tests/a.py:3: assert 1 == 2"], tests_ran=True) == CHAIN


def test_an_echoed_link_is_the_one_that_ran_last() -> None:
    output = ["+ script/lint", "0 problems", "$ script/build"]
    assert failing_link(CHAIN, output, ["src/a.ts:1: missing license header"], tests_ran=False) == "script/build"


def test_a_command_that_is_no_chain_of_several_kinds_is_itself() -> None:
    assert failing_link("npm ci && npm test", [], ["x.ts:1: y"], tests_ran=False) == "npm ci && npm test"
    assert failing_link("pytest -q", [], ["x.py:1: y"], tests_ran=False) == "pytest -q"
    assert failing_link("flake8 && pylint src", [], ["x.py:1: y"], tests_ran=False) == "flake8 && pylint src"


def test_the_failing_link_names_the_steps_category() -> None:
    step = [f"##[group]Run {CHAIN}", CHAIN, "##[endgroup]"]
    findings = ["src/a.ts:1: missing license header", "src/b.ts:1: missing license header", "2 files lack it"]
    exit_line = "##[error]Process completed with exit code 1."
    assert triage_text([*step, *findings, exit_line], default_ruleset()).category == "lint.error"


def test_a_long_chain_over_long_output_is_read_in_linear_time() -> None:
    """Chains and output are attacker-controlled: links x lines of work would be 16x the time for 4x both."""
    import time

    def cost(n: int) -> float:
        command = " && ".join(f"eslint src{i}" if i % 2 else f"pytest t{i}" for i in range(100 * n))
        output = [f"+ other{i} --flag" for i in range(2000 * n)]
        started = time.process_time()
        failing_link(command, output, ["Error: boom"], tests_ran=False)
        return time.process_time() - started

    small, large = cost(1), cost(4)
    assert large < 8 * small + 0.05


def test_a_checker_after_a_build_that_said_it_finished_failed_whatever_its_findings_wording() -> None:
    # The build link passed (cargo's own word), so the compiler-shaped, error-worded lines are clippy's.
    chain = "cargo build && cargo clippy -- -D warnings"
    output = ["   Compiling app v0.1.0 (/work/app)", "    Finished `dev` profile [unoptimized] target(s) in 4.1s"]
    block = ["error: this loop never actually loops", "  --> src/main.rs:3:5"]
    assert failing_link(chain, output, block, tests_ran=False) == "cargo clippy -- -D warnings"
    # With no such word, the error may be the first build's: the chain is named by its links as before.
    assert failing_link(chain, output[:1], block, tests_ran=False) == chain
    # A build after the checker: the code the first build compiled rarely fails to compile again.
    release = chain + " && cargo build --release"
    assert failing_link(release, output, block, tests_ran=False) == "cargo clippy -- -D warnings"


def test_an_install_or_an_images_success_is_no_build_that_finished() -> None:
    # The build link's recipe installs a package and tags an image: neither says the build finished.
    chain = "make build && mypy src"
    output = ["Successfully installed app-0.1.0", "Successfully tagged app:ci"]
    block = ["error: linker `cc` not found"]
    assert failing_link(chain, output, block, tests_ran=False) == chain


def test_a_builds_run_of_finished_targets_is_one_builds_word() -> None:
    chain = "cmake --build build && clang-tidy -p build src/a.cpp && cmake --build build --target install"
    output = ["[ 50%] Built target lib", "[100%] Built target app", "[100%] Built target tests"]
    block = ["src/a.cpp:3:5: error: use of undeclared identifier 'x' [clang-diagnostic-error]"]
    assert failing_link(chain, output, block, tests_ran=False) == "clang-tidy -p build src/a.cpp"
