"""What a wrapper's output says it ran: the build step, session command or script body that failed."""

from __future__ import annotations

import pytest

from autoheal.innercmds import inner_commands
from autoheal.tools import command_category

WRAPPED = [
    # Maven names the plugin goal that failed, whatever phase the command line asked for.
    (
        "mvn -B install",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) "
        "on project core: There are test failures.",
        "test.failure",
    ),
    (
        "mvn -B verify",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-checkstyle-plugin:3.3.1:check (validate) on "
        "project api: You have 2 Checkstyle violations.",
        "lint.error",
    ),
    (
        "mvn -B test",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:testCompile "
        "(default-testCompile) on project api: Compilation failure",
        "compile.error",
    ),
    (
        "mvn verify",
        "[ERROR] Failed to execute goal com.diffplug.spotless:spotless-maven-plugin:2.43.0:check",
        "lint.error",
    ),
    # Gradle names the task that failed.
    ("./gradlew build", "Execution failed for task ':exporters:otlp:test'.", "test.failure"),
    ("./gradlew check", "Execution failed for task ':app:compileTestKotlin'.", "compile.error"),
    ("./gradlew build", "Execution failed for task ':app:lintDebug'.", "lint.error"),
    # tox 4 and tox 3 echo each command of an environment; nox each command of a session.
    ("tox", "lint: commands[0]> flake8 src tests", "lint.error"),
    ("tox", "docs run-test: commands[1] | sphinx-build -W -b linkcheck docs out", "lint.error"),
    ("nox", "nox > mypy --strict src", "lint.error"),
    ("nox -s tests", "nox > Command cargo nextest run failed with exit code 100", "test.failure"),
]


@pytest.mark.parametrize(("command", "line", "category"), WRAPPED)
def test_a_wrappers_output_names_the_tool_that_failed(command: str, line: str, category: str) -> None:
    assert command_category([command, *inner_commands([line])]) == category


def test_an_npm_scripts_body_is_the_line_below_its_banner_only() -> None:
    lines = ["> tinyui@3.1.0 size", "> size-limit", "", "  Package size limit has exceeded by 1.3 kB"]
    assert inner_commands(lines) == ["size", "size-limit"]
    assert command_category(["npm run size", *inner_commands(lines)]) == "lint.error"
    # npm 6's and pnpm's banner names the package's directory: the script, not the line below it.
    assert inner_commands(["> tinyui@3.1.0 size /home/runner/work/tinyui", "> size-limit"]) == ["size"]
    # Gradle's "> Task" lines and a "What went wrong" chain are not an npm script's body.
    assert inner_commands(["> Task :app:test", "> There were failing tests."]) == []


def test_nox_status_lines_are_not_commands() -> None:
    assert inner_commands(["nox > Running session lint", "nox > Session lint failed."]) == []


def test_a_task_runners_bare_task_is_named_with_its_runner() -> None:
    """sbt's ``[error] (Compile / update) ...`` names the task alone: it reads as ``sbt update``, a dependency step."""
    found = inner_commands(["[error] (update) sbt.librarymanagement.ResolveException: Error downloading x"])
    assert found == ["sbt update"]
    assert command_category(found) == "dependency.resolution"


@pytest.mark.parametrize(
    "line",
    ["make: *** [" * 1000, "[" + "1" * 4000, "Step 1/2 : RUN " + "[" * 4000, "> " + "@" * 4000],
)
def test_hostile_lines_are_read_in_linear_time(line: str) -> None:
    """Lines are attacker-controlled and these patterns run under Python re: 4x the input, not 16x the time."""
    import time

    def cost(n: int) -> float:
        lines = [line[: len(line) * n // 4]] * 50
        started = time.process_time()
        inner_commands(lines)
        return time.process_time() - started

    small, large = cost(1), cost(4)
    assert large < 8 * small + 0.05
