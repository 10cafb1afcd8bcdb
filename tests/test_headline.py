"""headline: key lines, and titles in a maintainer's words (job / step: message without tool prefixes)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autoheal.headline import clean_line, headline, key_excerpt, key_lines_for, step_label, where, with_key_lines
from autoheal.models import Diagnosis, ExcerptLine
from autoheal.render import RunContext, render_issue
from autoheal.sanitize import TITLE_LIMIT, github_length
from tests.helpers import LIVE_MENTION, LIVE_REFERENCE


def diagnosis(summary: str, *lines: tuple[int, str], **changes: object) -> Diagnosis:
    base = Diagnosis(
        path="log.txt",
        category="dependency.missing",
        confidence=0.9,
        rule="python.module-not-found",
        fingerprint="0" * 16,
        title="",
        summary=summary,
        excerpt=tuple(ExcerptLine(n, t) for n, t in lines),
        job="tests",
        step="pytest -q",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "clean"),
    [
        ("E   ModuleNotFoundError: No module named 'yaml'", "ModuleNotFoundError: No module named 'yaml'"),
        ("E       assert 1 == 2", "assert 1 == 2"),
        ("FAILED tests/test_a.py::test_x - AssertionError: boom", "tests/test_a.py::test_x - AssertionError: boom"),
        ('npm ERR! Missing script: "lint"', 'Missing script: "lint"'),
        ("npm error code ERESOLVE", "code ERESOLVE"),
        ("##[error]Process completed with exit code 2.", "Process completed with exit code 2."),
        ("2024-05-01T10:00:00.1234567Z ##[error]npm ERR! boom", "boom"),
        ("[ERROR] Failed to execute goal on project core", "Failed to execute goal on project core"),
        ('✘ [ERROR] Could not resolve "date-fns"', 'Could not resolve "date-fns"'),
        ("● Cart › adds an item", "Cart › adds an item"),
        ("ERROR: Could not find a version that satisfies numpy==9", "Could not find a version that satisfies numpy==9"),
        ("error: error: linker `cc` not found", "error: linker `cc` not found"),
        ("--- FAIL: TestParse (0.00s)", "FAIL: TestParse (0.00s)"),
        ("> Task :app:compileJava FAILED", "Task :app:compileJava FAILED"),
        ("\x1b[31mTypeError: x is not a function\x1b[0m", "TypeError: x is not a function"),
        ("[31mE   KeyError: 'a'[0m", "KeyError: 'a'"),
        ("[12:01:02] Error: spawn ENOENT", "Error: spawn ENOENT"),
        ("/home/runner/work/app/app/src/x.go:3:1: undefined: y", "src/x.go:3:1: undefined: y"),
        ("D:\\a\\app\\app\\src\\x.cs(3,1): error CS0103", "src\\x.cs(3,1): error CS0103"),
        # `gh run view --log`: job, step and the runner's timestamp before the line.
        ("build\tRun tests\t2025-07-14T08:33:27.8566794Z ERROR: failed to build", "failed to build"),
        # A box-drawn diagnostic's gutter (terraform), behind colour codes saved in caret form.
        (
            "^[[31m│^[[0m ^[[0m^[[1m^[[31mError: ^[[0mFailed to query available provider packages",
            "Error: Failed to query available provider packages",
        ),
        (
            "│ hashicorp/google: could not query provider registry",
            "hashicorp/google: could not query provider registry",
        ),
        # A 12-hour clock (semantic-release), a clock with a colon (fastlane), a report's process id (valgrind, ASan).
        ("[10:02:13 AM] [semantic-release] › ✘  Failed step", "[semantic-release] › ✘ Failed step"),
        ("[5:10:00 AM] [semantic-release] › ✘  Failed step", "[semantic-release] › ✘ Failed step"),
        ("[14:02:14]: Invalid password passed via 'MATCH_PASSWORD'", "Invalid password passed via 'MATCH_PASSWORD'"),
        ("==412== Invalid read of size 8", "Invalid read of size 8"),
        ("==20623==ERROR: AddressSanitizer: heap-use-after-free", "AddressSanitizer: heap-use-after-free"),
        # What a tool said stays as it said it.
        ("TypeError: x is not a function", "TypeError: x is not a function"),
        ("error[E0425]: cannot find value `x`", "error[E0425]: cannot find value `x`"),
        ("Error: Cannot find module 'left-pad'", "Error: Cannot find module 'left-pad'"),
        # Nothing but a prefix: keep the line rather than show nothing.
        ("##[error]", "##[error]"),
        ("E", "E"),
    ],
)
def test_clean_line_drops_tool_prefixes(line: str, clean: str) -> None:
    assert clean_line(line) == clean


@pytest.mark.parametrize(
    ("step", "label"),
    [
        ("pytest -q", "pytest"),
        ("python -m pytest -q tests/", "pytest"),
        ("Run python3 -m mypy autoheal", "mypy"),
        ("poetry run pytest", "pytest"),
        ("CI=true npx jest --ci", "jest"),
        ("npm run lint -- --fix", "npm run lint"),
        ("npm test", "npm test"),
        ("go test -race ./...", "go test"),
        ("cargo test --all", "cargo test"),
        ("mvn -B verify --file pom.xml", "mvn verify"),
        ("./gradlew build --no-daemon", "gradlew build"),
        ("bash ./ci/test.sh", "test.sh"),
        ("actions/checkout@v4", "actions/checkout@v4"),
        ("Run tests", "Run tests"),  # a step's own name
        ("Build and publish", "Build and publish"),
        # A script's first line names no tool.
        ("set -euo pipefail", ""),
        ("cd frontend && npm ci", ""),
        # A wrapper's options and their values are not the tool (sudo(8), timeout(1), env(1)).
        ("Run timeout 600 pytest -q", "pytest"),
        ("Run timeout -s KILL 600 pytest -q", "pytest"),
        ("Run sudo -E make install", "make install"),
        ("Run sudo -u app flake8 .", "flake8"),
        ("Run env -u CI npm test", "npm test"),
        ("Run .\\build.ps1 -Configuration Release", ".\\build.ps1"),
        # A launcher's options and their values are not the tool: the command it runs is, by its package's name.
        ("Run npx --no -- commitlint --from HEAD~1", "commitlint"),
        ("Run npx -y elm-review", "elm-review"),
        ("Run npx -p typescript tsc --noEmit", "tsc"),
        ("Run uv run --frozen pytest -q", "pytest"),
        ("Run uv run --python 3.12 python -m mypy src", "mypy"),
        ("Run uvx --from ruff==0.6.9 ruff check", "ruff"),
        ("Run pnpm dlx knip", "knip"),
        ("Run bunx --bun oxlint@0.11.0 src", "oxlint"),
        ("Run npx --yes @biomejs/biome@1.8.3 ci .", "biome"),
        ("Run pipx run --spec black==24.8.0 black --check .", "black"),
        ("Run conda run -n docs sphinx-build -W docs out", "sphinx-build"),
        ("Run go run honnef.co/go/tools/cmd/staticcheck@2024.1.1 ./...", "staticcheck"),
        # An environment manager's or a tool launcher's command is the tool, as the category reads it.
        ("Run stack exec -- hlint src", "hlint"),
        ("Run mise exec node@20 -- npm test", "npm test"),
        ("Run go tool buf lint", "buf"),
        ("Run mint run nicklockwood/SwiftFormat@0.54.0 swiftformat --lint .", "SwiftFormat"),
        # The project's own package under go run, and a package manager's script, stay as they are.
        ("Run go run ./cmd/gen", "go run"),
        ("Run bun run test", "bun run test"),
    ],
)
def test_step_label_names_the_tool(step: str, label: str) -> None:
    assert step_label(step) == label


def test_key_lines_fallback_is_the_summary_line() -> None:
    d = diagnosis(
        "E   ModuleNotFoundError: No module named 'yaml'",
        (40, "    import yaml"),
        (41, "E   ModuleNotFoundError: No module named 'yaml'"),
        (60, "##[error]Process completed with exit code 1."),
    )
    assert key_lines_for(d) == (41,)
    assert with_key_lines(d).key_lines == (41,)
    assert headline(d) == "tests / pytest: ModuleNotFoundError: No module named 'yaml'"


def test_key_lines_match_a_shortened_summary() -> None:
    long = "AssertionError: " + "x" * 300
    d = diagnosis(long[:199] + "\u2026", (7, "before"), (8, long))
    assert key_lines_for(d) == (8,)


def test_key_lines_from_triage_win_and_must_be_shown() -> None:
    d = diagnosis(
        "unrelated", (3, "npm ERR! code E404"), (4, "npm ERR! 404 Not Found - left-pad"), key_lines=(4, 3, 99)
    )
    assert key_lines_for(d) == (4, 3)
    assert [e.line for e in key_excerpt(d)] == [4, 3]
    assert headline(d) == "tests / pytest: 404 Not Found - left-pad"


def test_no_key_line_falls_back_to_the_summary() -> None:
    d = diagnosis("##[error]Run 5 failed, but the logs have expired", job=None, step=None)
    assert key_lines_for(d) == ()
    assert headline(d) == "Run 5 failed, but the logs have expired"


def test_where_names_job_and_step() -> None:
    assert where(diagnosis("x", step="Run tests")) == "tests / Run tests"
    assert where(diagnosis("x", job=None)) == "pytest"
    assert where(diagnosis("x", step=None)) == "tests"
    assert where(diagnosis("x", job="pytest")) == "pytest"
    assert where(diagnosis("x", step="set -e")) == "tests"


hostile = st.lists(
    st.sampled_from([*"@#`<>!-_*[]()\\ \n\r\t\x00\u202eaZ09:/.", "GH-", "&#64;", "<!--", "-->", "E   ", "npm ERR! "]),
    max_size=300,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(summary=hostile, line=hostile, job=hostile, step=hostile)
def test_titles_fit_and_never_mention(summary: str, line: str, job: str, step: str) -> None:
    d = diagnosis(summary, (1, line), (2, summary), job=job or None, step=step or None, key_lines=(1,))
    title = render_issue(d, RunContext(repo="o/r", run_id=1, job_id=2)).title
    assert 0 < github_length(title) <= TITLE_LIMIT and "\n" not in title
    assert not LIVE_MENTION.search(title) and not LIVE_REFERENCE.search(title)


def test_a_verdict_key_line_titles_the_failure_from_the_error_above_it() -> None:
    # cargo/rustc: the anchor is the run's verdict; the line that says what failed sits above it.
    d = diagnosis(
        "error: aborting due to 1 previous error",
        (20, "   Compiling parser v0.3.0 (/w/parser)"),
        (21, "error[E0308]: mismatched types"),
        (22, "  --> src/lib.rs:8:5"),
        (23, "error: aborting due to 1 previous error"),
        key_lines=(23,),
        job="build",
        step="cargo build --locked",
    )
    assert headline(d) == "build / cargo build: error[E0308]: mismatched types"
    # libtest's report: headers ("failures:", "---- x stdout ----") are not what failed.
    t = diagnosis(
        "test result: FAILED. 3 passed; 1 failed",
        (5, "failures:"),
        (7, "---- parse::empty stdout ----"),
        (8, "thread 'parse::empty' panicked at src/parse.rs:41:9:"),
        (9, "assertion `left == right` failed"),
        (10, "test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s"),
        key_lines=(10,),
        step="",
        job="",
    )
    assert headline(t) == "assertion `left == right` failed"
    # A verdict with nothing above that says more stays the title.
    alone = diagnosis("2 failed", (3, "=== 2 failed, 5 passed in 0.31s ==="), key_lines=(3,), job="", step="")
    assert headline(alone) == "=== 2 failed, 5 passed in 0.31s ==="


def test_a_runners_elapsed_time_tag_is_a_prefix() -> None:
    line = "[xUnit.net 00:00:07.25]     Shop.Tests.CartTests.Removes_item [FAIL]"
    assert clean_line(line) == "Shop.Tests.CartTests.Removes_item [FAIL]"
    assert clean_line("[xUnit.net] Removes_item [FAIL]") == "[xUnit.net] Removes_item [FAIL]"  # a tag alone stays
