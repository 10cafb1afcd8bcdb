"""The tool table's entries (tooltable.py): each command line, as its tool documents it, names the category
its failure has. Table-driven; every row failed before the table (or the scoped-package name) knew it."""

from __future__ import annotations

import re
import time

import pytest

from autoheal import tooltable
from autoheal.tools import command_category, inner_commands
from autoheal.tooltable import COMPILE, CONFIG, DEPS, LINT, SYNTAX, TEST

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
    ("dotnet tool update --local csharpier", DEPS),
    # A subcommand that builds: of a package manager (Crystal's shards), of a test runner (Patrol).
    ("shards build --production", COMPILE),
    ("patrol build android --target integration_test", COMPILE),
    # A bundle's exec runs the command after it (it read as the install).
    ("carton exec prove -lr t", TEST),
    # sbt's documented tasks: ``update`` resolves the dependencies; ``compileIncremental`` is its compile.
    ("sbt update", DEPS),
    ("sbt compileIncremental", COMPILE),
    # Unlocking a dependency is no check of the lock file (only ``--check-unused`` is); publishing is no compile.
    ("mix deps.unlock phoenix", DEPS),
    ("cargo publish --token $TOKEN", None),
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
    # Documentation, TeX and site builders; F#'s formatter; sbt's checking tasks; a migration freshness check.
    ("doxygen docs/Doxyfile", LINT),
    ("dotnet fantomas --check src", LINT),
    ("latexmk -pdf paper.tex", COMPILE),
    ("typst compile main.typ", COMPILE),
    ("hugo --minify", COMPILE),
    ("sbt scalafix", LINT),
    ("sbt headerCheckAll", LINT),
    ("alembic check", LINT),
    ("alembic upgrade head", None),
    # ``validate`` checks a tool's own configuration language (HCL), its formatter's check is lint.
    ("terraform validate -no-color", CONFIG),
    ("tofu validate", CONFIG),
    ("packer validate -syntax-only .", CONFIG),
    ("packer fmt -check .", LINT),
    ("terraform fmt -check -recursive", LINT),
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
    ("@acme/web#test:unit: command (/w/apps/web) npm run test:unit exited (1)", TEST),
    ("web:lint: ERROR: command finished with error: command (/w/apps/web) npm run lint exited (1)", LINT),
    ("command (/w/apps/web) npm run test exited (1)", TEST),
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


def test_dotnet_tool_run_is_no_install() -> None:
    # ``dotnet tool run csharpier --check`` runs the checker (only restore/install/update fetch tools).
    assert command_category(["dotnet tool run csharpier --check"]) != DEPS


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("[error] (Compile / update) sbt.librarymanagement.ResolveException: Error downloading a:b:1.0", DEPS),
        ("[error] (Compile / compileIncremental) Compilation failed", COMPILE),
        (" NX   Running target build for project web failed", COMPILE),
        ("error: Recipe `lint` failed on line 3 with exit code 1", LINT),
    ],
)
def test_a_runner_s_bare_task_reads_as_the_runner_running_it(line: str, category: str) -> None:
    """sbt's ``update`` bare names no tool; as ``sbt update`` sbt's table applies (how innercmds reads it)."""
    [source] = [p for p in tooltable.DRIVER_RUNNERS if re.search(p, line)]
    match = re.search(source, line)
    assert match
    assert command_category([f"{tooltable.DRIVER_RUNNERS[source]} {match['cmd']}"]) == category


def test_a_driver_line_in_a_wrapper_s_output_decides() -> None:
    # ``make ci`` names no category of its own; BuildKit's verdict names the RUN that failed, not the last one printed.
    output = [
        "#9 [test 3/4] RUN pytest -q",
        "#10 [lint 2/3] RUN ruff check .",
        'ERROR: failed to solve: process "/bin/sh -c pytest -q" did not complete successfully: exit code: 1',
    ]
    assert command_category(["docker buildx bake ci", *inner_commands(output)]) == TEST


# Hostile lines for the driver-line patterns: each pattern's literal parts repeated (every ``command (`` of a
# line a new start), and long runs a lazy or overlapping quantifier would rescan from each of its positions.
_HOSTILE = [
    lambda n: ("command () x " * n)[:n],
    lambda n: ("a#b: command () x " * n)[:n],
    lambda n: ("a:b: ERROR: command finished with error: command () x " * n)[:n],
    lambda n: "└> a" + " " * n + "b",
    lambda n: "└> " + "a " * (n // 2) + "(",
    lambda n: "#" * n,
    lambda n: ("ERR_PNPM_A B c: `" * n)[:n],
    lambda n: "lerna ERR! " + "x exited 1 " * (n // 11),
    lambda n: ("Running target a for project b " * n)[:n],
    lambda n: "[error] (" + "a / " * (n // 4),
    lambda n: ("CalledProcessError: Command '[" * n)[:n],
    lambda n: "FAILED: " + "a" * n,
    lambda n: "command did not execute successfully: " + " " * n,
]


def _search_time(pattern: re.Pattern[str], lines: list[str]) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for line in lines:
            pattern.search(line)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("source", tooltable.DRIVER_LINES)
def test_driver_lines_take_linear_time_on_hostile_lines(source: str) -> None:
    """Python's re runs these (innercmds.py): a line 4x as long may take about 4x as long, not 16x."""
    pattern = re.compile(source)
    for hostile in _HOSTILE:
        small, large = (_search_time(pattern, [hostile(n)] * 10) for n in (1000, 4000))
        assert large < max(8 * small, 0.002), (hostile(40), small, large)
