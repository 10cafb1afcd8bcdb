"""How a simple command's words are read (autoheal/cmdwords.py)."""

from __future__ import annotations

import pytest

from autoheal.cmdwords import command_words


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
