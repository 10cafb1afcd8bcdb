"""Root cause selection, excerpts and the unknown fallback."""

from __future__ import annotations

from autoheal.logsource import bytes_doc
from autoheal.triage import MAX_EXCERPT, triage_docs
from tests.helpers import ruleset

RS = ruleset()


def _triage(text: str):  # type: ignore[no-untyped-def]
    return triage_docs([bytes_doc("", text.encode())], RS, "log.txt")


def test_root_cause_beats_its_symptoms() -> None:
    d = _triage(
        "FAILED tests/a.py::x\nModuleNotFoundError: No module named 'yaml'\nProcess completed with exit code 1.\n"
    )
    assert (d.category, d.rule, d.captures) == ("dependency.missing", "python.module-not-found", {"module": "yaml"})
    assert {a.rule for a in d.alternatives} == {"pytest.failed", "generic.exit-code"}
    assert d.hint == "Add `yaml` to the dependencies."


def test_generic_line_never_wins_over_specific() -> None:
    d = _triage("Process completed with exit code 1.\nFAILED tests/a.py::x\n")
    assert d.rule == "pytest.failed"


def test_excerpt_is_one_block_around_the_cause_growing_downwards() -> None:
    lines = [f"line {i}" for i in range(1, 101)] + ["ModuleNotFoundError: No module named 'yaml'"]
    lines += [f"tail {i}" for i in range(1, 101)]
    d = _triage("\n".join(lines) + "\n")
    numbers = [e.line for e in d.excerpt]
    assert numbers == list(range(97, 137))  # the rule's 4 lines above, the rest below
    assert d.excerpt[4].text.startswith("ModuleNotFoundError")


def test_the_first_hit_of_the_chosen_rule_anchors_the_excerpt() -> None:
    text = (
        "ModuleNotFoundError: No module named 'yaml'\n" + "x\n" * 100 + "ModuleNotFoundError: No module named 'yaml'\n"
    )
    d = _triage(text)
    assert d.excerpt[0].line == 1 and d.excerpt[-1].line == 102


def test_a_summary_rule_shows_what_was_printed_above_it() -> None:
    rs = ruleset(
        extra=[
            {
                "id": "exit",
                "category": "unknown",
                "patterns": ["^the command exited with 1$"],
                "priority": 2,
                "context": {"before": 24, "after": 4},
            }
        ]
    )
    lines = [f"output {i}" for i in range(1, 61)] + ["the command exited with 1"] + [f"cleanup {i}" for i in range(30)]
    d = triage_docs([bytes_doc("", ("\n".join(lines) + "\n").encode())], rs, "log.txt")
    numbers = [e.line for e in d.excerpt]
    assert numbers[0] == 61 - 24 and 61 in numbers and len(numbers) == MAX_EXCERPT


def test_a_failure_of_another_kind_elsewhere_gets_a_block_of_its_own() -> None:
    lines = ["FAILED tests/a.py::x"] + [f"detail {i}" for i in range(200)]
    lines += ["ModuleNotFoundError: No module named 'yaml'"] + [f"trace {i}" for i in range(5)]
    lines += [f"more {i}" for i in range(100)]
    rs = ruleset(extra=[{"id": "disk", "category": "resource.exhausted", "patterns": ["^detail 150$"], "priority": 90}])
    d = triage_docs([bytes_doc("", ("\n".join(lines) + "\n").encode())], rs, "log.txt")
    numbers = {e.line for e in d.excerpt}
    assert d.rule == "disk" and 151 in numbers
    assert {202, 203, 207} <= numbers  # the missing module, with the lines after it
    assert len(numbers) <= MAX_EXCERPT


def test_no_second_block_for_a_symptom_next_to_the_cause() -> None:
    # A line of another kind just after the cause is the same failure: one block.
    rs = ruleset(extra=[{"id": "crash", "category": "crash", "patterns": ["^Aborted$"], "priority": 70}])
    text = "x\n" * 50 + "ModuleNotFoundError: No module named 'yaml'\n" + "y\n" * 5 + "Aborted\n" + "z\n" * 100
    d = triage_docs([bytes_doc("", text.encode())], rs, "log.txt")
    numbers = [e.line for e in d.excerpt]
    assert numbers == list(range(47, 87))


def test_excerpt_is_capped() -> None:
    text = "".join(f"FAILED tests/t.py::test_{i}\n" for i in range(500))
    d = _triage(text)
    assert 0 < len(d.excerpt) <= MAX_EXCERPT


def test_no_match_is_unknown_with_the_end_of_the_log() -> None:
    d = _triage("setup\nsomething odd happened\nbye\n\n")
    assert d.category == "unknown" and d.rule == "none" and d.confidence == 0
    assert [e.text for e in d.excerpt] == ["setup", "something odd happened", "bye"]
    assert d.summary == "bye"


def test_empty_log_still_gives_a_diagnosis() -> None:
    d = _triage("")
    assert d.category == "unknown" and d.excerpt == () and d.fingerprint


def test_transient_flag_follows_category() -> None:
    rs = ruleset(extra=[{"id": "net", "category": "network", "patterns": ["Connection refused"], "priority": 60}])
    d = triage_docs([bytes_doc("", b"curl: (7) Connection refused\n")], rs, "x")
    assert d.transient and d.to_json()["transient"] is True


def test_fingerprint_is_stable_across_runs_and_differs_per_cause() -> None:
    run1 = _triage("2024-01-01T00:00:01.0000000Z ModuleNotFoundError: No module named 'yaml'\n")
    run2 = _triage("noise\n" * 50 + "2025-02-02T10:00:01.1234567Z ModuleNotFoundError: No module named 'yaml'\n")
    other = _triage("ModuleNotFoundError: No module named 'toml'\n")
    assert run1.fingerprint == run2.fingerprint != other.fingerprint
