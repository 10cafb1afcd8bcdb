"""The command -> category table (tools.py), table-driven."""

from __future__ import annotations

import pytest

from autoheal.tools import command_category, inner_commands, segment_category

CASES = [
    ("npm test", "test.failure"),
    ("npm run lint", "lint.error"),
    ("yarn install --frozen-lockfile", "dependency.resolution"),
    ("bundle exec rspec spec", "test.failure"),
    ("bundle exec rubocop", "lint.error"),
    ("go test ./...", "test.failure"),
    ("go vet ./...", "lint.error"),
    ("cargo clippy -- -D warnings", "lint.error"),
    ("cargo build --release", "compile.error"),
    ("python -m pytest -x", "test.failure"),
    ("python3 -m mypy src", "lint.error"),
    ("mvn -B verify", "test.failure"),
    ("./gradlew assemble", "compile.error"),
    ("pip install -r requirements.txt", "dependency.resolution"),
    ("php -l src/a.php", "syntax.error"),
    ("R CMD check pkg.tar.gz", "test.failure"),
    ("CC=clang make", "compile.error"),
    ("make fmt-check", "lint.error"),
    ("shellcheck scripts/*.sh", "lint.error"),
    ("dotnet test", "test.failure"),
    ("./run-something", None),
    # Checkers that fail like linters, by tool name, subcommand, script words, image or Action.
    ("npx size-limit", "lint.error"),
    ("cargo semver-checks check-release", "lint.error"),
    ("cargo deny check licenses", "lint.error"),
    ("python scripts/check_license_headers.py src/", "lint.error"),
    ("docker run --rm -i hadolint/hadolint", "lint.error"),
    ("docker run --rm -v /src:/src -w /src golang:1.22 go test ./...", "test.failure"),
    ("docker run --rm ghcr.io/acme/unknown-tool:1.2", None),
    ("golangci/golangci-lint-action@v6", "lint.error"),
    ("lycheeverse/lychee-action@v1", "lint.error"),
    # Gradle tasks by their names' words; tools with their test/lint subcommands; task runners' scripts.
    ("./gradlew :app:lintDebug", "lint.error"),
    ("./gradlew ktlintCheck detekt", "lint.error"),
    ("./gradlew connectedAndroidTest", "test.failure"),
    ("./gradlew assembleRelease", "compile.error"),
    ("meson test -C build --print-errorlogs", "test.failure"),
    ("bazel test //...", "test.failure"),
    ("bazel build //src/...", "compile.error"),
    ("nix flake check -L", "test.failure"),
    ("xcodebuild -scheme App -destination 'platform=iOS Simulator' test", "test.failure"),
    ("node --test test/", "test.failure"),
    ("composer test", "test.failure"),
    ("composer install --no-progress", "dependency.resolution"),
    ("just lint", "lint.error"),
    ("bundle exec srb tc", "lint.error"),
    ("govulncheck ./...", "lint.error"),
    ("npm audit --audit-level=high", "lint.error"),
    ("buf lint", "lint.error"),
    ("interrogate --fail-under 80 src", "lint.error"),
    ("cargo +nightly fmt -- --check", "lint.error"),
    ("sbt clean coverage test", "test.failure"),
    ("sbt ++2.13.12 scalafmtCheckAll", "lint.error"),
    ("python manage.py test", "test.failure"),
    ("python setup.py test", "test.failure"),
    ("php artisan test", "test.failure"),
    ("ng test --watch=false", "test.failure"),
    ("pod lib lint Acme.podspec", "lint.error"),
    # A check of what a command printed is that command's: Go's `test -z "$(gofmt -l .)"` idiom.
    ('test -z "$(golint ./... | tee /dev/stderr)"', "lint.error"),
    ('if [ -n "$(gofmt -l .)" ]; then exit 1; fi', "lint.error"),
    ("echo $(date)", None),
    ("grunt jshint", "lint.error"),
    ("gulp test", "test.failure"),
    ("git diff --exit-code", "lint.error"),
    # A launcher runs the tool its package path names.
    ("go run github.com/golangci/golangci-lint/cmd/golangci-lint@v1.57.2 run ./...", "lint.error"),
    ("go run golang.org/x/vuln/cmd/govulncheck@latest ./...", "lint.error"),
    ("pipx run black --check .", "lint.error"),
    ("uvx ruff check", "lint.error"),
    ("go run ./cmd/gen", None),
    # A checkout fetches code and tests nothing; the check targets around it keep their categories.
    ("checkout", None),
    ("git checkout main", None),
    ("script/checkout", None),
    ("make checkout-test", "test.failure"),
    ("make check", "test.failure"),
    ("npm run check", "test.failure"),
    ("cargo check", "compile.error"),
    ("checkstyle", "lint.error"),
    ("checkov -d .", "lint.error"),
]


@pytest.mark.parametrize(("command", "category"), CASES)
def test_command_category(command: str, category: str | None) -> None:
    assert command_category([command]) == category


@pytest.mark.parametrize(
    ("command", "category"),
    [
        # Wrappers that run a command: environment managers, coreutils' timeout, xvfb-run.
        ("opam exec -- dune build @install", "compile.error"),
        ("conda run -n ci pytest -x", "test.failure"),
        ("nix develop -c cargo clippy", "lint.error"),
        ("timeout 600 pytest -x", "test.failure"),
        ("xvfb-run -a npm test", "test.failure"),
        # The shell's and coreutils' own wrappers take options before the command too.
        ("time -p mypy src", "lint.error"),
        ("env -i PATH=/usr/bin flake8 src", "lint.error"),
        ("sudo -E nice -n 10 cargo clippy", "lint.error"),
        # Runners whose argument is a command of its own, and monorepo task runners.
        ("npx ng test --watch=false", "test.failure"),
        ("bundle exec rake test", "test.failure"),
        ("pnpm turbo run test", "test.failure"),
        ("yarn workspaces foreach -A run lint", "lint.error"),
        ("pnpm --filter ./apps/* run build", "compile.error"),
        ("lerna run test", "test.failure"),
        # tox's and nox's environment names; Ant's targets.
        ("tox -e lint", "lint.error"),
        ("nox --session=typecheck", "lint.error"),
        ("ant test", "test.failure"),
        # A path's directories name nothing (``/builds/...`` is no build).
        ("/builds/acme/shop/src/Cart.php", None),
    ],
)
def test_wrapped_commands(command: str, category: str | None) -> None:
    assert command_category([command]) == category


def test_the_last_recognised_command_decides_and_or_true_never_does() -> None:
    assert command_category(["npm ci && npm test"]) == "test.failure"
    assert command_category(["flake8 . || true"]) is None


def test_a_guard_keeps_only_its_own_list_from_failing() -> None:
    # ``|| :`` and ``|| exit 0`` guard as ``|| true`` does; the lists after or before a guarded one can fail.
    assert command_category(["flake8 . || exit 0"]) is None and command_category(["flake8 .||:"]) is None
    assert command_category(["pip check || true; pytest -q"]) == "test.failure"
    assert command_category(["pytest -q\nflake8 . || true"]) == "test.failure"
    # ``a && b || true`` guards both; a guard inside a list (``|| true && b``) guards nothing after it.
    assert command_category(["pytest && flake8 . || true"]) is None
    assert command_category(["flake8 . || true && pytest"]) == "test.failure"


def test_inner_commands_name_the_failing_script_target_or_docker_step() -> None:
    lines = [
        "> app@1.0.0 test:format /src",
        "npm ERR! Failed at the app@1.0.0 test:format script.",
        "make: *** [lint] Error 1",
        "Step 5/9 : RUN pip install -r requirements.txt",
    ]
    assert inner_commands(lines) == ["test:format", "test:format", "lint", "pip install -r requirements.txt"]
    assert command_category(["docker build .", *inner_commands(lines[-1:])]) == "dependency.resolution"
    assert command_category(["npm test", *inner_commands(lines[:2])]) == "lint.error"
    # grunt's and gulp's task banners name the task that ran.
    tasks = ['Running "jshint:all" (jshint) task', "[14:03:11] Starting 'test'..."]
    assert inner_commands(tasks) == ["jshint", "test"]
    assert command_category(["grunt", *inner_commands(tasks[:1])]) == "lint.error"


def test_a_steps_further_script_lines_are_its_commands() -> None:
    header = ["Run npm ci", "npx tsc --noEmit", "shell: /usr/bin/bash -e {0}", "src/a.ts(1,1): error TS1005"]
    assert inner_commands(header) == ["npx tsc --noEmit"]
    # "Run ..." without a shell: line closing it is output (minitest's "Run options:"), not a script.
    assert inner_commands(["Run options: --seed 1", "", "# Running:", "..F"]) == []


@pytest.mark.parametrize(
    ("driver", "category"),
    [
        # Rust's bootstrap names the tool it ran, quoted with its arguments.
        ('command did not execute successfully: "/build/stage0-tools-bin/rust-tidy" "/checkout"', "lint.error"),
        ('command did not execute successfully: "/build/stage0/bin/cargo" "test" "--doc"', "test.failure"),
        # Python's subprocess.run(check=True): the argument list's first element, or the string.
        (
            "subprocess.CalledProcessError: Command '['./tools/check-format.sh', 'src']' returned non-zero exit status 1.",
            "lint.error",
        ),
        ("subprocess.CalledProcessError: Command 'eslint .' returned non-zero exit status 1.", "lint.error"),
        # The list whole, not its first element: ``npm`` alone is an install, ``python`` alone nothing.
        ("subprocess.CalledProcessError: Command '['npm', 'test']' returned non-zero exit status 1.", "test.failure"),
        ("CalledProcessError: Command '['python', '-m', 'mypy', \"it's\"]' returned non-zero exit", "lint.error"),
        # Node's execSync, Ninja's failed phony target, Gradle's Exec task.
        ("Error: Command failed: node scripts/check-license-headers.js", "lint.error"),
        ("FAILED: CMakeFiles/check-format /src/build/CMakeFiles/check-format", "lint.error"),
        ("FAILED: [code=1] CMakeFiles/check-format", "lint.error"),  # ninja 1.12 adds the exit code
        ("Process 'command '/usr/bin/pytest'' finished with non-zero exit value 1", "test.failure"),
    ],
)
def test_a_drivers_failure_line_names_the_command_that_failed(driver: str, category: str) -> None:
    assert command_category(["./ci/run.sh", *inner_commands(["== step 3", driver])]) == category


def test_melos_names_the_command_it_ran_above_its_failed_status_not_the_packages() -> None:
    out = [
        "$ melos exec",
        "  └> flutter analyze --no-pub",
        "     └> FAILED (in 2 packages)",
        "        └> app_core (with exit code 1)",
        "        └> app_ui (with exit code 1)",
        "ScriptException: The script analyze failed to execute.",
    ]
    assert inner_commands(out) == ["flutter analyze --no-pub"]
    assert command_category(["melos run analyze", *inner_commands(out)]) == "lint.error"
    assert inner_commands(["  └> dart test", "     └> FAILED"]) == ["dart test"]


def test_a_ninja_edge_of_an_object_file_names_no_command() -> None:
    # An object file's edge is a compile whatever its path says (``test_x.cpp.o``): it is left to the rules.
    assert inner_commands(["FAILED: tests/CMakeFiles/t.dir/test_x.cpp.o", "ninja: build stopped"]) == []
    assert inner_commands(["FAILED: [code=1] tests/CMakeFiles/t.dir/test_x.cpp.o"]) == []  # not "[code=1]"


@pytest.mark.parametrize(
    ("command", "category"),
    [
        ("flake8 src", "lint.error"),
        ("nose2 -v", "test.failure"),
        ("rebar3 eunit", "test.failure"),
        ("pip3 install x", "dependency.resolution"),
    ],
)
def test_a_tool_whose_name_ends_in_a_digit_keeps_it(command: str, category: str) -> None:
    # ``flake8`` lost its 8 as if it were a version, and no table knows ``flake``.
    assert command_category([command]) == category


@pytest.mark.parametrize(
    ("command", "category"),
    [
        ("./scripts/check-generated.sh", "lint.error"),
        ("npm run check:links", "lint.error"),
        ("tox -e docs_check", "lint.error"),
        ("make check", "test.failure"),
        ("make check-unit", "test.failure"),
        ("r-lib/actions/check-r-package@v2", "test.failure"),
        # A tool a runner runs names itself before the words after its ``run``.
        ("pnpm vitest run", "test.failure"),
        ("npx cypress run --browser chrome", "test.failure"),
    ],
)
def test_a_check_of_a_checkers_subject_is_a_lint(command: str, category: str) -> None:
    assert command_category([command]) == category


@pytest.mark.parametrize(
    ("command", "category"),
    [
        # Go 1.24's tool directive and the toolchain's own tools (``go help tool``).
        ("go tool buf lint", "lint.error"),
        ("go tool golangci-lint run ./...", "lint.error"),
        ("go tool vet ./...", "lint.error"),
        # Mint: ``mint run <package>[@version] [executable] [args]``.
        ("mint run nicklockwood/SwiftFormat@0.54.0 swiftformat --lint .", "lint.error"),
        ("mint run swiftlint --strict", "lint.error"),
        # xcrun runs a developer tool after its options (``--sdk``, ``--toolchain`` take a value).
        ("xcrun --sdk macosx swift-format lint --strict -r Sources", "lint.error"),
        ("xcrun --sdk iphonesimulator clang -c a.c", "compile.error"),
        # The Clojure CLI: a main namespace (``-m``) names the tool, else the aliases (the last that names one).
        ("clojure -M:clj-kondo --lint src", "lint.error"),
        ("clojure -M:dev -m kaocha.runner", "test.failure"),
        ("clj -X:test", "test.failure"),
        ("clojure -M -m cognitect.test-runner", "test.failure"),
        # A .NET local tool by its command name (``dotnet tool run <command>``; ``dotnet-<tool>`` is the tool).
        ("dotnet tool run dotnet-csharpier --check .", "lint.error"),
        ("dotnet tool run csharpier check .", "lint.error"),
        ("dotnet tool restore", "dependency.resolution"),
    ],
)
def test_a_launcher_is_named_by_the_tool_it_runs(command: str, category: str) -> None:
    assert command_category([command]) == category


def test_a_script_named_after_an_install_command_is_the_script_not_the_install() -> None:
    assert segment_category("npm ci") == "dependency.resolution"
    assert segment_category("yarn install --frozen-lockfile") == "dependency.resolution"
    # ``run ci`` runs the project's ``ci`` script (npm, pnpm, Turborepo docs): what it is, its name cannot say.
    assert segment_category("npm run ci") is None
    assert segment_category("pnpm turbo run ci --filter=web") is None
    assert segment_category("yarn run ci:lint") == "lint.error"


@pytest.mark.parametrize(
    ("command", "category"),
    [
        ("pipx run --spec black==24.8.0 black --check .", "lint.error"),
        ("uvx --from ruff==0.6.9 ruff check", "lint.error"),
        ("go run -tags tools honnef.co/go/tools/cmd/staticcheck@2024.1.1 ./...", "lint.error"),
        ("npx -p typescript tsc --noEmit", "compile.error"),
        ("bunx --bun vitest run", "test.failure"),
        ("go run ./cmd/gen", None),  # the project's own package, not a tool at a version
    ],
)
def test_a_launchers_options_and_their_values_do_not_hide_the_tool_it_runs(command: str, category: str | None) -> None:
    assert segment_category(command) == category


@pytest.mark.parametrize(
    "command",
    ["cd dist", "mkdir -p build", "ls build/", "cat test-results.xml", "rm -rf target", "cp -r dist out", "echo test"],
)
def test_a_file_utility_names_no_tool_by_its_paths(command: str) -> None:
    assert segment_category(command) is None
    # The tool after it still decides; the utility before a build adds nothing.
    assert command_category([f"{command} && make"]) == "compile.error"
    assert command_category([f"cd build && pytest -q && {command}"]) == "test.failure"


def test_nix_run_names_the_flake_outputs_program() -> None:
    from autoheal import tools

    assert tools.command_category(["nix run nixpkgs#deadnix -- --fail ."]) == tools.LINT
    assert tools.command_category(["nix run .#app"]) is None  # the project's own app: no tool named


def test_a_configuration_languages_evaluator_fails_as_the_jobs_configuration() -> None:
    from autoheal import tools

    assert tools.command_category(["./bin/dhall-to-yaml --file deploy/config.dhall"]) == "config.error"
    assert tools.command_category(["cue vet ./..."]) == "config.error"
    assert tools.command_category(["cue fmt --check"]) == tools.LINT  # its formatter is a check


def test_compilers_and_provers_of_further_languages_fail_as_compiles() -> None:
    from autoheal import tools

    for command in ("idris2 --build tally.ipkg", "agda --safe src/Everything.agda", "coqc -Q theories X x.v"):
        assert tools.command_category([command]) == tools.COMPILE, command
