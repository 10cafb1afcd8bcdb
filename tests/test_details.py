"""The details a verdict counts (autoheal/details.py): a line quoting one above is no detail of its own."""

from __future__ import annotations

import pytest

from autoheal import details


def _never(_: str) -> bool:
    return False


def _tail(located: int) -> list[tuple[int, str]]:
    lines = [f"src/mod{i}.zz:{i}:1: value {i} out of range" for i in range(located)]
    return list(enumerate([*lines, "Result: FAILED"], start=1))


def test_a_verdict_without_details_gives_way_to_the_located_lines_above_it() -> None:
    assert details.above(_tail(3), 4, _never) == 1


def test_a_line_quoting_one_above_is_no_detail_of_its_own() -> None:
    quoted = [
        (1, "src/a.zz:3:1: value out of range"),
        (2, "Result: FAILED"),
        (3, "  > src/a.zz:3:1: value out of range"),
    ]
    assert details.above(quoted, 2, _never) == 1  # the quote below the verdict is its echo, not its detail


def test_each_lines_core_is_computed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each line is compared with every line above it: its core is computed once per line, not per pair.
    calls = 0
    core = details._core

    def counted(text: str) -> str:
        nonlocal calls
        calls += 1
        return core(text)

    monkeypatch.setattr(details, "_core", counted)
    # A builder's verdict, then its summary quoting each located line above it (BuildKit's).
    located = [f"src/mod{i}.zz:{i}:1: value {i} out of range" for i in range(100)]
    tail = list(enumerate([*located, "Result: FAILED", *(f"  > {t}" for t in located)], start=1))
    assert details.above(tail, 101, _never) == 71  # the located block, as far up as details reach
    assert calls <= len(tail)


def test_a_report_that_repeats_an_error_gives_way_to_its_first_report() -> None:
    # esbuild's own report with its code frame, then the Error a wrapper throws with the same message.
    lines = list(
        enumerate(
            [
                '✘ [ERROR] Could not resolve "left-pad-ng"',
                "    src/pad.ts:1:20:",
                "Error: Build failed with 1 error:",
                'src/pad.ts:1:20: ERROR: Could not resolve "left-pad-ng"',
                "    at failureErrorWithLog (/app/node_modules/esbuild/lib/main.js:1651:15)",
            ],
            start=1,
        )
    )
    assert details.original(lines, 3, _never) == 1
    # A report of another error, or one the passing run printed too, is no first report of it.
    assert details.original(lines[2:], 3, _never) == 3
    assert details.original(lines, 3, lambda t: t.startswith("✘")) == 3


def test_a_message_the_tool_prints_again_below_the_hit_or_a_retry_is_no_first_report() -> None:
    plugin = "[plugin-meta] error: manifest cache is stale, rebuilding it"
    ts = "src/a.ts(1,20): error TS2307: Cannot find module './utils' or its corresponding type declarations."
    lines = list(enumerate([plugin, "> tsc -p .", ts, plugin], start=1))
    assert details.original(lines, 3, _never) == 3
    refused = "ERROR: Connection refused while fetching https://mirror.acme.dev/index"
    retried = list(enumerate([refused, "retrying in 5s (attempt 2 of 2)", refused], start=1))
    assert details.original(retried, 3, _never) == 3
    far = list(
        enumerate(['✘ [ERROR] Could not resolve "left-pad-ng"', *["building"] * 40, "Error: Build failed:"], start=1)
    )
    far.append((43, 'src/pad.ts:1:20: ERROR: Could not resolve "left-pad-ng"'))
    assert details.original(far, 42, _never) == 42


def test_passing_steps_locations_above_the_failing_one_are_walked_past() -> None:
    steps = [
        (1, "  Scenario: pays  # features/pay.feature:4"),
        (2, "    Given a cart  # features/steps/pay.py:12 0.001s"),
        (3, "    When I pay    # features/steps/pay.py:26 0.003s"),
        (4, "    Then it is 7  # features/steps/pay.py:40 0.000s"),
        (5, "      Assertion Failed: expected 7, charged 8"),
    ]
    assert details.above(steps, 5, _never) == 4  # the failing step, not the first that ran


def test_a_located_message_above_a_located_one_still_starts_the_details() -> None:
    lines = [(1, "src/a.zz:3:1: value out of range"), (2, "  in call # src/b.zz:9"), (3, "Result: FAILED")]
    assert details.above(lines, 3, _never) == 1


def test_a_kotlin_file_uri_and_a_maven_javac_location_are_details() -> None:
    assert details.detail("e: file:///w/app/src/Api.kt:23:17 Unresolved reference: X")
    assert details.detail("[ERROR] /w/src/main/java/a/Fetcher.java:[12,33] cannot find symbol")


def test_in_a_paragraph_the_next_reports_details_below_a_blank_line_are_not_the_verdicts_own() -> None:
    # Gradle's list of failures: the first one's verdict holds no detail, the second one's does.
    lines = list(
        enumerate(
            [
                "src/a.kt:3:1: unresolved reference",
                "",
                "* What went wrong:",
                "Execution failed for task ':compileKotlin'.",
                "",
                "* What went wrong:",
                "Execution failed for task ':lint'.",
                "  res/layout/main.xml:12: Hardcoded string",
            ],
            start=1,
        )
    )
    assert details.above(lines, 4, _never, paragraph=True) == 1
    assert details.above(lines, 4, _never) == 4  # a generic block reads every line below it as its own
