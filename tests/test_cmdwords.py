"""How a simple command's words are read (autoheal/cmdwords.py)."""

from __future__ import annotations

import pytest

from autoheal.cmdwords import command_words, launched


@pytest.mark.parametrize(
    ("segment", "words"),
    [
        ("CI=true timeout 5m go test ./...", ["go", "test", "./..."]),
        # Each wrapper's options that take a value skip that value too (their man pages).
        ("timeout -s KILL 600 pytest -q", ["pytest", "-q"]),
        ("sudo -u app -E flake8 .", ["flake8", "."]),
        ("env -u CI -C web npm test", ["npm", "test"]),
        ("nice -n 10 ionice -c 3 make -j4", ["make", "-j4"]),
        ("time -o t.txt cargo build", ["cargo", "build"]),
        ("xcrun --sdk macosx swift-format lint .", ["swift-format", "lint", "."]),
        ("if [ -n x ]", ["[", "-n", "x", "]"]),
        ("cargo +nightly fmt --check", ["cargo", "fmt", "--check"]),
        ("timeout 600 2to3 -w .", ["2to3", "-w", "."]),  # one duration, then the command
        ("xvfb-run -e /dev/stdout npm test", ["npm", "test"]),
        ("sudo -R /srv/root make", ["make"]),
        ("env -S 'pytest -q'", ["pytest", "-q"]),  # -S's value is the command and its arguments
    ],
)
def test_command_words_skip_assignments_keywords_and_wrappers(segment: str, words: list[str]) -> None:
    assert command_words(segment) == words


@pytest.mark.parametrize(
    ("segment", "words"),
    [
        # Each launcher's own options go, with the value of those that take one (their documentation).
        ("npx --no -- commitlint --from HEAD~1", ["commitlint", "--from", "HEAD~1"]),
        ("npx -p @angular/cli ng lint", ["ng", "lint"]),
        ("npx -c 'eslint --max-warnings 0 .'", ["eslint", "--max-warnings", "0", "."]),
        ("npm exec --call 'tsc --noEmit'", ["tsc", "--noEmit"]),
        ("uv run --frozen --with pytest-cov pytest -q", ["pytest", "-q"]),
        ("uv tool run --from ruff==0.6.9 ruff check", ["ruff", "check"]),
        ("pnpm dlx knip --production", ["knip", "--production"]),
        ("bunx --bun oxlint src", ["oxlint", "src"]),
        ("pipx run --spec black==24.8.0 black .", ["black", "."]),
        ("micromamba run -n ci pytest", ["pytest"]),
        (
            "go run -tags tools golang.org/x/vuln/cmd/govulncheck@latest ./...",
            ["golang.org/x/vuln/cmd/govulncheck@latest", "./..."],
        ),
        # Environment managers: after their options and a leading ``--``; mise's ``--`` wherever it is, nix's
        # ``-c`` too, direnv's directory skipped. A ``--`` of the command's own stays the command's.
        ("stack exec --package hlint -- hlint src", ["hlint", "src"]),
        ("conda run -n env pytest -- -k foo", ["pytest", "--", "-k", "foo"]),
        (
            "micromamba run -n ci python -m pytest -x -- tests/a.py",
            ["python", "-m", "pytest", "-x", "--", "tests/a.py"],
        ),
        ("stack exec hlint -- src", ["hlint", "--", "src"]),
        ("mise exec node@20 -- npm test", ["npm", "test"]),
        ("opam exec --switch 4.14 -- dune runtest", ["dune", "runtest"]),
        ("nix develop .#ci -c make check", ["make", "check"]),
        ("direnv exec . pytest -q", ["pytest", "-q"]),
        ("asdf exec rubocop", ["rubocop"]),
        # Launchers of a tool named after them.
        ("go tool buf lint", ["buf", "lint"]),
        ("dotnet tool run dotnet-csharpier --check .", ["dotnet-csharpier", "--check", "."]),
        # Not a launcher, a launcher with nothing to run, or the project's own package under go run.
        ("npm test", None),
        ("npx --yes", None),
        ("go run ./cmd/gen", None),
    ],
)
def test_launched_is_the_command_after_a_launchers_options(segment: str, words: list[str] | None) -> None:
    assert launched(command_words(segment)) == words
