"""A rule's hit that only says what failed (a dependency's build, a download, a compile) is named by the cause
its own block says in words, when that cause is known to lead to it; a test's failure, a syntax error, or words
under a test runner's tally keep the rule's name."""

from __future__ import annotations

from autoheal import saidcause
from autoheal.models import Diagnosis
from tests.helpers import ruleset, triage_text

# Rules that name a failure by its shape only, as the catalogue's summary rules do.
SHAPES = ruleset(
    """
rules:
  - id: native.build-failed
    category: dependency.resolution
    patterns: ["gyp ERR! build error", "ERROR: Failed building wheel for (?P<package>\\\\S+)"]
    confidence: 0.85
    priority: 76
  - id: repo.transfer-failed
    category: network
    patterns: ["Could not transfer artifact \\\\S+"]
    confidence: 0.8
    priority: 70
  - id: build.could-not-compile
    category: compile.error
    patterns: ["^error: could not compile"]
    confidence: 0.6
    priority: 30
  - id: test.failed
    category: test.failure
    patterns: ["^FAILED (?P<test>\\\\S+)", "^\\\\s*\\\\d+\\\\) .+"]
    confidence: 0.8
    priority: 40
  - id: syntax.parse
    category: syntax.error
    patterns: ["SyntaxError: .+"]
    confidence: 0.9
    priority: 80
  - id: generic.exit-code
    category: unknown
    patterns: ["^Process completed with exit code (?P<code>\\\\d+)"]
    confidence: 0.1
    priority: 1
"""
)


def _gha(command: str, *body: str, code: int = 1) -> Diagnosis:
    lines = [f"##[group]Run {command}", "##[endgroup]", *body, f"##[error]Process completed with exit code {code}."]
    return triage_text(lines, SHAPES)


def _text(diagnosis: Diagnosis, line: int) -> str:
    return next(e.text for e in diagnosis.excerpt if e.line == line)


def test_a_missing_program_below_a_dependency_build_failure_names_it() -> None:
    gyp = _gha(
        "npm ci",
        "npm ERR! command sh -c node-gyp rebuild",
        "npm ERR! gyp info spawn make",
        "npm ERR! gyp ERR! build error",
        "npm ERR! gyp ERR! stack Error: not found: make",
        "npm ERR! gyp ERR! not ok",
    )
    wheel = _gha(
        "pip install -r requirements.txt",
        "  Building wheel for psycopg2 (setup.py): finished with status 'error'",
        "  ERROR: Failed building wheel for psycopg2",
        "  error: command 'gcc' failed: No such file or directory",
    )
    assert (gyp.rule, gyp.category) == ("native.build-failed", "command.not.found")
    assert (wheel.rule, wheel.category) == ("native.build-failed", "command.not.found")
    # The line that says the cause is the anchor (the title says it); the rule's hint (a native build) is not shown.
    assert _text(gyp, gyp.key_lines[0]) == "npm ERR! gyp ERR! stack Error: not found: make"
    assert gyp.title.endswith("Error: not found: make")
    assert gyp.hint == ""


def test_a_refused_login_on_a_transfer_line_is_credentials_not_network() -> None:
    maven = _gha(
        "mvn -B deploy",
        "[ERROR] Failed to execute goal on project billing: Could not transfer artifact com.acme:core:pom:1.2 "
        "from/to github (https://maven.pkg.github.com/acme/core): status code: 401, reason phrase: Unauthorized (401)",
    )
    assert (maven.rule, maven.category) == ("repo.transfer-failed", "credentials")


def test_a_cause_just_above_a_compile_summary_becomes_the_anchor() -> None:
    cargo = _gha(
        "cargo build",
        "   Compiling ring v0.17.8",
        "error: linker `cc` not found",
        "error: could not compile `ring` (build script) due to 1 previous error",
        code=101,
    )
    assert (cargo.rule, cargo.category) == ("build.could-not-compile", "command.not.found")
    assert _text(cargo, cargo.key_lines[0]) == "error: linker `cc` not found"


def test_a_test_that_checks_a_missing_program_or_a_denied_access_stays_a_test_failure() -> None:
    missing = _gha(
        "pytest",
        "FAILED tests/test_tools.py::test_reports_missing_make - AssertionError",
        "E   AssertionError: assert 'Error: not found: make' == 'make: command not found'",
    )
    denied = _gha(
        "npx mocha",
        "  1) upload refuses a read-only bucket",
        "     Error: expected 'AccessDenied' to equal 'Forbidden'",
        "     status code: 401, reason phrase: Unauthorized",
    )
    assert missing.category == "test.failure"
    assert denied.category == "test.failure"


def test_words_that_lead_to_no_such_failure_or_sit_under_a_tally_rename_nothing() -> None:
    # A syntax error does not follow from a refused login.
    parse = _gha("node build.js", "SyntaxError: Unexpected token '<'", "  at fetch: 401 Unauthorized")
    # A download the tests made: their tally says the words are one test's output.
    tallied = _gha(
        "./gradlew test",
        "Could not transfer artifact com.acme:fixture:jar:1.0 from/to local: status code: 401",
        "3 tests completed, 1 failed",
    )
    assert parse.category == "syntax.error"
    assert tallied.category == "network"


def test_said_reads_the_hit_line_and_its_block_then_the_error_lines_just_above() -> None:
    context = [
        (10, "   Compiling libc v0.2.153"),
        (11, "error: linker `cc` not found"),
        (12, "error: could not compile `libc`"),
        (13, "npm ERR! gyp ERR! stack Error: not found: make"),
    ]
    assert saidcause.said("compile.error", context, 12) == ("command.not.found", 13)  # below
    assert saidcause.said("compile.error", context[:3], 12) == ("command.not.found", 11)  # above
    assert saidcause.said("test.failure", context, 12) is None  # no such consequence
    assert saidcause.said("command.not.found", context, 12) is None  # the same category
    blank = [(9, "error: linker `cc` not found"), (10, ""), (11, "error: could not compile `libc`")]
    assert saidcause.said("compile.error", blank, 11) is None  # another paragraph's words
    assert saidcause.said("compile.error", [], 3) is None
