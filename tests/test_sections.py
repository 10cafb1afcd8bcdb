"""Sections and the failed one, on small synthetic logs of several CI systems."""

from __future__ import annotations

import pytest

from autoheal.logsource import bytes_doc
from autoheal.scan import scan_doc
from autoheal.sections import FAILED, PASSED, UNKNOWN
from tests.helpers import ruleset

RS = ruleset()

GHA = """2024-05-06T09:00:00.0000000Z ##[group]Run actions/checkout@v4
2024-05-06T09:00:00.1000000Z ##[endgroup]
2024-05-06T09:00:01.0000000Z Syncing repository
2024-05-06T09:00:02.0000000Z ##[group]Run npm ci
2024-05-06T09:00:02.1000000Z \x1b[36;1mnpm ci\x1b[0m
2024-05-06T09:00:02.2000000Z shell: /usr/bin/bash -e {0}
2024-05-06T09:00:02.3000000Z ##[endgroup]
2024-05-06T09:00:03.0000000Z added 12 packages
2024-05-06T09:00:04.0000000Z ##[group]Run npm run lint
2024-05-06T09:00:04.1000000Z ##[endgroup]
2024-05-06T09:00:05.0000000Z src/a.js:1:1: unexpected var
2024-05-06T09:00:05.1000000Z ##[error]Process completed with exit code 1.
"""

TRAVIS = (
    "travis_fold:start:install\r\x1b[0Ktravis_time:start:0a1b\r\x1b[0K$ bundle install\n"
    "Bundle complete!\n"
    'travis_time:end:0a1b\r\x1b[0K\x1b[32;1mThe command "bundle install" exited with 0.\x1b[0m\n'
    "$ bundle exec rake spec\n"
    "1 example, 1 failure\n"
    'The command "bundle exec rake spec" exited with 1.\n'
    "$ cat log.txt\n"
    "\n"
    "Done. Your build exited with 1.\n"
)


def _sections(text: str):  # type: ignore[no-untyped-def]
    scan = scan_doc(bytes_doc("job.txt", text.encode()), RS)
    return scan, [(s.start, s.command, s.status) for s in scan.sections]


def test_github_actions_steps_and_the_failed_one() -> None:
    scan, found = _sections(GHA)
    assert found[1:] == [(1, "actions/checkout@v4", PASSED), (4, "npm ci", PASSED), (9, "npm run lint", FAILED)]
    failed = scan.sections[-1]
    assert failed.exit_line == 12 and failed.exit_code == 1 and failed.output_start == 11
    assert scan.sections[2].output_start == 8  # the script echo, shell and env lines are the step's header
    assert scan.failed_tails[len(scan.sections) - 1][-1] == (12, "Process completed with exit code 1.")


def test_travis_commands_close_by_name_and_the_build_line_only_names_a_failure_when_none_did() -> None:
    scan, found = _sections(TRAVIS)
    assert found[1:] == [
        (1, "bundle install", PASSED),
        (4, "bundle exec rake spec", FAILED),
        (7, "cat log.txt", UNKNOWN),
    ]


def test_a_travis_command_with_a_newline_closes_on_the_next_line() -> None:
    text = '$ make lint && make test\nlint failed\nThe command "make lint && make test\n" exited with 2.\n$ echo done\n'
    _, found = _sections(text)
    assert found[1] == (1, "make lint && make test", FAILED)


def test_a_plain_log_is_one_section_of_unknown_status() -> None:
    _, found = _sections("[INFO] Building\n[ERROR] BUILD FAILURE\n")
    assert found == [(1, "", UNKNOWN)]


def test_markers_across_chunk_boundaries_are_found(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import autoheal.scan as scan_module

    monkeypatch.setattr(scan_module, "CHUNK", 64)
    text = (
        "x\n" * 100
        + "##[group]Run make\n##[endgroup]\n"
        + "y\n" * 100
        + "##[error]Process completed with exit code 2.\n"
    )
    scan, found = _sections(text)
    assert found[-1] == (101, "make", FAILED) and scan.sections[-1].exit_line == 203


SCRIPT = """2024-05-06T09:00:00.0000000Z ##[group]Run ./ci/check.sh
2024-05-06T09:00:00.1000000Z ##[endgroup]
2024-05-06T09:00:01.0000000Z + ./ci/fetch-fixtures
2024-05-06T09:00:01.1000000Z error: optional fixture cache unavailable, continuing without it
2024-05-06T09:00:02.0000000Z + eclint check docs
2024-05-06T09:00:02.1000000Z docs/intro.md:3: trailing whitespace
2024-05-06T09:00:02.2000000Z docs/api.md:9: wrong indentation
2024-05-06T09:00:03.0000000Z ##[error]Process completed with exit code 1.
"""

MAKE = (
    "make -C src all\nmake[1]: Entering directory '/w/src'\ncc -c a.c\nsh ./audit-symbols a.o\n"
    "a.o: error: exported symbol 'tmp_hack' is not in the allow list\n"
    "make[1]: *** [Makefile:12: audit] Error 3\nmake[1]: Leaving directory '/w/src'\nmake: *** [all] Error 2\n"
)


def test_shell_traces_and_failed_make_recipes_are_recorded_as_sub_commands() -> None:
    scan, _ = _sections(SCRIPT)
    assert [(c.line, c.command, c.kind) for c in scan.commands] == [
        (3, "./ci/fetch-fixtures", "trace"),
        (5, "eclint check docs", "trace"),
    ]
    scan, _ = _sections(MAKE)
    assert [(c.line, c.command, c.kind, c.code) for c in scan.commands] == [
        (6, "audit", "recipe", 3),
        (8, "all", "recipe", 2),
    ]


def test_the_failing_traced_command_names_the_category_and_holds_the_block() -> None:
    from autoheal.triage import triage_docs

    d = triage_docs([bytes_doc("job.txt", SCRIPT.encode())], RS, "job.txt")
    assert d.category == "lint.error"  # eclint, from the trace: ./ci/check.sh names nothing
    assert d.key_lines[0] == 6 and 4 not in {e.line for e in d.excerpt}  # the earlier command's error is not it


def test_the_innermost_failed_recipe_bounds_a_generic_block() -> None:
    from autoheal.triage import triage_docs

    d = triage_docs([bytes_doc("build.log", MAKE.encode())], RS, "build.log")
    assert d.key_lines[0] == 5 and {4, 5} <= {e.line for e in d.excerpt}


@pytest.mark.parametrize(
    ("raw", "quick"),
    [
        ("2023-04-10T02:43:31.2457844Z ##[group]Run actions/checkout@v2", True),
        ("\ufeff2023-04-10T02:43:31.2457844Z ##[group]Run  npm test \r", True),
        ("##[group]Run ", False),
        ("##[group]Run x", True),
        ("##[group]Runner info", False),
        ("2023-04-10T02:43:29.4752328Z ##[endgroup]", True),
        ("##[endgroup] trailing", True),
        ("2023-04-10T02:45:34.2334144Z ##[error]Process completed with exit code 1.", False),
        ("$ make test", False),
        ("+ echo hi", False),
        ("x ##[group]Run y", False),
    ],
)
def test_the_quick_step_marker_agrees_with_marker(raw: str, quick: bool) -> None:
    from autoheal.normalize import normalize
    from autoheal.sections import marker, step_marker

    found = step_marker(raw)
    assert (found is not None) is quick
    assert found is None or found == marker(raw, normalize(raw))
