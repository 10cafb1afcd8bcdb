"""The tool table's entries (tooltable.py): each command line, as its tool documents it, names the category
its failure has. Table-driven; every row failed before the table (or the scoped-package name) knew it."""

from __future__ import annotations

import pytest

from autoheal import tooltable
from autoheal.tools import command_category, inner_commands
from autoheal.tooltable import COMPILE, DEPS, LINT, SYNTAX, TEST

CASES = [
    # Tools the table did not know: by their bare name, a project-local binary or a launcher.
    ("bin/ameba", LINT),
    ("periphery scan --strict --quiet", LINT),
    ("iwyu_tool.py -p build src -- -Xiwyu --error", LINT),
    ("kics scan -p terraform --fail-on high", LINT),
    ("vendor/bin/pint --test", LINT),
    ("vendor/bin/ecs check --no-progress-bar", LINT),
    ("uvx ty check src", LINT),
    ("pyrefly check", LINT),
    ("snyk test --severity-threshold=high", LINT),
    ("dockle --exit-code 1 acme/web:ci", LINT),
    ("hurl --test api/*.hurl", TEST),
    ("vendor/bin/simple-phpunit", TEST),
    ("protoc -I proto --go_out=gen proto/a.proto", COMPILE),
    ("npx vue-tsc --noEmit", COMPILE),
    ("npx tsup", COMPILE),
    ("nvcc -o kernel kernel.cu", COMPILE),
    ("shards update", DEPS),
    ("carton bundle", DEPS),
    ("pip-compile --generate-hashes requirements.in", DEPS),
    # A scoped npm package is named after its scope (it read as an empty name).
    ("npx @biomejs/biome ci .", LINT),
    ("pnpm dlx @biomejs/biome@1.8.3 check", LINT),
    # Subcommands that change what a tool does.
    ("opam exec -- dune build @fmt", LINT),
    ("dune build @runtest", TEST),
    ("opam lint tomlkit.opam", LINT),
    ("zig build test --summary all", TEST),
    ("crystal tool format --check", LINT),
    ("swift package diagnose-api-breaking-changes 1.4.0", LINT),
    ("composer normalize --dry-run", LINT),
    ("dotnet csharpier --check .", LINT),
    ("dotnet tool restore", DEPS),
    ("cabal v2-update", DEPS),
    ("luarocks test", TEST),
    ("zef update", DEPS),
    ("pants package ::", COMPILE),
    ("pants tailor --check ::", LINT),
    ("buck2 test //...", TEST),
    ("bundle audit check --update", LINT),
    ("poetry check --lock", LINT),
    ("trunk check --ci", LINT),
    ("cross clippy --target aarch64-unknown-linux-gnu", LINT),
    ("cargo shear", LINT),
    ("npx playwright install --with-deps", DEPS),
    ("mix coveralls", TEST),
    # Build plugins' tasks and goals named as checks or analyses.
    ("./gradlew dependencyCheckAnalyze", LINT),
    ("./gradlew pmdMain", LINT),
    ("./gradlew diktatCheck", LINT),
    ("./gradlew koverVerify", TEST),
    ("mvn dependency:analyze-only", LINT),
    ("mvn tidy:check", LINT),
    # Parse-only switches.
    ("perl -c lib/Acme.pm", SYNTAX),
    ("luac -p src/*.lua", SYNTAX),
    ("python -m compileall -q src", SYNTAX),
]


@pytest.mark.parametrize(("command", "category"), CASES)
def test_command_names_its_category(command: str, category: str | None) -> None:
    assert command_category([command]) == category


def test_no_tool_has_two_categories() -> None:
    """A name in two rows would take the later row's category silently."""
    rows = [tooltable.LINTERS, tooltable.TESTERS, tooltable.COMPILERS, tooltable.PACKAGERS]
    seen: dict[str, int] = {}
    for i, row in enumerate(rows):
        for name in row:
            assert seen.setdefault(name, i) == i, f"{name} is in two rows"


DRIVER_CASES = [
    # A build driver's or task runner's own line names the command that failed under it.
    ('ERROR: failed to solve: process "/bin/sh -c golangci-lint run ./..." did not complete successfully', LINT),
    ("The command '/bin/sh -c npm test' returned a non-zero code: 1", TEST),
    ("Command failed with status (1): [bundle exec rubocop --parallel...]", LINT),
    ("error: Recipe `lint` failed on line 12 with exit code 1", LINT),
    ('task: Failed to run task "test": exit status 1', TEST),
    ('Error: running "golangci-lint run" failed with exit code 1', LINT),
    (" ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL  @acme/web@1.0.0 lint: `eslint . --max-warnings 0`", LINT),
    ("web#lint: command (/home/runner/work/m/m/apps/web) /usr/local/bin/pnpm run lint exited (1)", LINT),
    ("lerna ERR! npm run test exited 1 in '@acme/web'", TEST),
    (" NX   Running target lint for project web failed", LINT),
    (" NX   Running target test for 3 projects and 2 tasks it depends on failed", TEST),
    ("npm ERR! Lifecycle script `test:unit` failed with error:", TEST),
    ('App.csproj(41,5): error MSB3073: The command "npm run build" exited with code 1.', COMPILE),
    ("[error] (Compile / scalafmtCheck) 2 files must be formatted", LINT),
    ("[error] (core / Test / test) sbt.TestsFailedException: Tests unsuccessful", TEST),
]


@pytest.mark.parametrize(("line", "category"), DRIVER_CASES)
def test_driver_line_names_the_failed_command(line: str, category: str) -> None:
    assert command_category(inner_commands([line])) == category


def test_a_driver_line_in_a_wrapper_s_output_decides() -> None:
    # ``make ci`` names no category of its own; BuildKit's verdict names the RUN that failed, not the last one printed.
    output = [
        "#9 [test 3/4] RUN pytest -q",
        "#10 [lint 2/3] RUN ruff check .",
        'ERROR: failed to solve: process "/bin/sh -c pytest -q" did not complete successfully: exit code: 1',
    ]
    assert command_category(["docker buildx bake ci", *inner_commands(output)]) == TEST
