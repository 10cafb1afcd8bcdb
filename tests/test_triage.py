"""Root cause selection, excerpts and the unknown fallback."""

from __future__ import annotations

from autoheal.logsource import bytes_doc
from autoheal.models import Diagnosis
from autoheal.rules import build_rule, compile_ruleset, default_ruleset
from autoheal.triage import MAX_EXCERPT, triage_docs
from tests.helpers import ruleset, triage_text

RS = ruleset()
BUILTIN = default_ruleset()


def _triage(text: str) -> Diagnosis:
    return triage_text(text, RS)


def test_root_cause_beats_its_symptoms() -> None:
    d = _triage(
        "FAILED tests/a.py::x\nModuleNotFoundError: No module named 'yaml'\nProcess completed with exit code 1.\n"
    )
    assert (d.category, d.rule, d.captures) == ("dependency.missing", "python.module-not-found", {"module": "yaml"})
    assert {a.rule for a in d.alternatives} == {"pytest.failed", "generic.exit-code"}
    assert d.hint == "Add `yaml` to the dependencies."


def test_a_user_hint_takes_plain_capture_fields_only() -> None:
    hints = {"Check {host}.": "Check db.", "Check {host.nope} {host:>99999999}.": None, "Check {other} {": None}
    for hint, shown in hints.items():
        rule = build_rule({"id": "u", "category": "network", "patterns": [r"boom (?P<host>\S+)"], "hint": hint}, "u")
        d = triage_text("boom db\nProcess completed with exit code 1.\n", compile_ruleset([rule]))
        assert d.hint == (shown or hint)


def test_generic_line_never_wins_over_specific() -> None:
    d = _triage("Process completed with exit code 1.\nFAILED tests/a.py::x\n")
    assert d.rule == "pytest.failed"


def test_excerpt_is_the_block_from_its_header_without_chatter() -> None:
    lines = [f"tests/test_{i}.py::test_ok PASSED" for i in range(30)]
    lines += ["", "=================================== FAILURES ===================================", ""]
    lines += ["_____________________________ test_load _____________________________", "    def test_load():"]
    lines += ["        import yaml", "E       ModuleNotFoundError: No module named 'yaml'", ""]
    lines += ["tests/test_load.py:2: ModuleNotFoundError", "", ""] + [f"Uploading cache part {i}" for i in range(20)]
    d = _triage("\n".join(lines) + "\n")
    texts = [e.text for e in d.excerpt]
    words = [t for t in texts if t.strip()]
    assert "FAILURES" in words[0] and words[1].startswith("_____") and "test_load" in words[1]  # stacked headers
    assert "tests/test_load.py:2: ModuleNotFoundError" in texts
    assert not any("PASSED" in t or "Uploading" in t for t in texts)
    assert texts[-1].strip() and not any(not a.strip() and not b.strip() for a, b in zip(texts, texts[1:]))
    assert d.key_lines[0] == 37 and d.excerpt[[e.line for e in d.excerpt].index(37)].text.startswith("E ")


def test_the_first_hit_of_the_chosen_rule_anchors_the_excerpt() -> None:
    text = (
        "ModuleNotFoundError: No module named 'yaml'\n" + "x\n" * 100 + "ModuleNotFoundError: No module named 'yaml'\n"
    )
    d = _triage(text)
    assert d.key_lines[0] == 1 and d.excerpt[0].line == 1


def test_a_long_block_keeps_its_header_first_failure_and_summary_and_shows_the_cut() -> None:
    lines = ["Failures:"] + [f"  spec {i} failed: expected 1 got 2" for i in range(1, 46)]
    lines += ["45 examples, 45 failures", "", "", "Done. Your build exited with 1."]
    rs = ruleset(extra=[{"id": "spec", "category": "test.failure", "patterns": [r"^  spec 9 "], "priority": 48}])
    d = triage_docs([bytes_doc("", ("\n".join(lines) + "\n").encode())], rs, "log.txt")
    numbers = [e.line for e in d.excerpt]
    assert len(numbers) <= MAX_EXCERPT and numbers[0] == 1 and 10 in numbers  # the header, the root cause on
    assert numbers[-1] == 47  # the block's summary: its end was seen
    assert any(b - a > 1 for a, b in zip(numbers, numbers[1:]))  # the cut, rendered as a gap


def test_a_long_block_whose_end_is_not_known_is_shown_from_its_start_without_a_gap() -> None:
    lines = ["Failures:"] + [f"  {i}) spec {i} failed: expected 1 got 2" for i in range(1, 200)]
    rs = ruleset(extra=[{"id": "spec", "category": "test.failure", "patterns": [r"^  1\) spec"], "priority": 48}])
    d = triage_docs([bytes_doc("", ("\n".join(lines) + "\n").encode())], rs, "log.txt")
    assert [e.line for e in d.excerpt] == list(range(1, MAX_EXCERPT + 1))  # no made-up "summary" from mid-block


def test_a_block_keeps_its_inner_blank_lines_and_its_message_lines() -> None:
    text = (
        "  12 passing (3s)\n  1 failing\n\n  1) parser\n       reads the config:\n\n"
        "      AssertionError: expected [] to equal [ 'a' ]\n      + expected - actual\n\n      -[]\n      +[ 'a' ]\n\n"
        "      at Context.<anonymous> (test/parser.js:12:9)\n\n\n\nnpm ERR! Test failed.  See above for more details.\n"
    )
    rs = ruleset(extra=[{"id": "t", "category": "test.failure", "patterns": [r"^\s+1\) \w"], "priority": 48}])
    d = triage_docs([bytes_doc("", text.encode())], rs, "log.txt")
    numbers = [e.line for e in d.excerpt]
    assert numbers[0] <= 4 and 13 in numbers and all(n in numbers for n in range(4, 14))  # whole, blanks inside
    assert 14 not in numbers and 17 not in numbers  # no blank run at the end, no npm epilogue


def test_the_next_failure_header_ends_a_block_once_the_first_failure_is_whole() -> None:
    failure = ["", "      Error: boom", *(f"      at f{n} (x.js:{n}:1)" for n in range(20))]
    lines = ["  2 failing"]
    for i in (1, 2, 3):
        lines += [f"  {i}) suite", f"       case {i}:", *failure, "      at d (x.js:4:1)", "      at e (x.js:5:1)", ""]
    rs = ruleset(extra=[{"id": "t", "category": "test.failure", "patterns": [r"Error: boom"], "priority": 48}])
    d = triage_docs([bytes_doc("", ("\n".join(lines) + "\n").encode())], rs, "log.txt")
    numbers = [e.line for e in d.excerpt]
    second = lines.index("  2) suite") + 1
    assert numbers[0] <= 2 and all(n in numbers for n in range(2, second - 1)) and second not in numbers


def test_excerpt_is_capped() -> None:
    text = "".join(f"FAILED tests/t.py::test_{i}\n" for i in range(500))
    d = _triage(text)
    assert 0 < len(d.excerpt) <= MAX_EXCERPT


def test_no_match_is_unknown_with_the_end_of_the_log() -> None:
    d = _triage("setup\nsomething odd happened\nbye\n\n")
    assert d.category == "unknown" and d.rule == "none" and d.confidence == 0
    assert [e.text for e in d.excerpt] == ["setup", "something odd happened", "bye"]
    assert d.summary == "bye"


def test_binary_bytes_at_the_end_of_a_log_make_no_title_and_no_excerpt_line() -> None:
    junk = bytes(range(128, 256)) + b"PK\x03\x04\xff\xfe"
    d = triage_docs([bytes_doc("", b"unpacking release\nsomething odd happened\n" + junk + b"\n")], BUILTIN, "x")
    assert d.summary == "something odd happened" and [e.text for e in d.excerpt][-1] == "something odd happened"
    only = triage_docs([bytes_doc("", junk + b"\n*\n" + junk[::-1] + b"\ny\n" + junk + b"\n")], BUILTIN, "x")
    assert only.summary == "The log ends in binary bytes, not text." and only.excerpt == ()
    assert "\ufffd" not in only.title
    # Text in a legacy code page is nearly all U+FFFD too, but has its spaces: it stays.
    cp1251 = "Ошибка: не найден файл сборки".encode("cp1251")
    legacy = triage_docs([bytes_doc("", b"C:\\build> build.cmd\n" + cp1251 + b"\n")], BUILTIN, "x")
    assert len(legacy.excerpt) == 2 and not legacy.summary.startswith("The log ends in binary")
    # Junk in the middle of passing lines is not how the log ends.
    middle = triage_docs([bytes_doc("", b"test a ... ok\n" + junk + b"\ntest b ... ok\n")], BUILTIN, "x")
    assert not middle.summary.startswith("The log ends in binary")


def test_empty_log_still_gives_a_diagnosis() -> None:
    d = _triage("")
    assert d.category == "unknown" and d.excerpt == () and d.fingerprint
    assert d.summary == "The log is empty." and _triage("\n\n").summary == "The log is empty."
    assert _triage("test a ... ok\n").summary.startswith("The log's end shows only routine or passing lines")


def test_transient_flag_follows_category() -> None:
    rs = ruleset(extra=[{"id": "net", "category": "network", "patterns": ["Connection refused"], "priority": 60}])
    d = triage_docs([bytes_doc("", b"curl: (7) Connection refused\n")], rs, "x")
    assert d.transient and d.to_json()["transient"] is True


def test_a_rules_own_transient_overrides_its_category_in_the_diagnosis() -> None:
    # infrastructure is re-run by default, but a dirty reused checkout fails the same way again.
    dirty = triage_text("+ git pull --rebase\nerror: cannot pull with rebase: You have unstaged changes.\n", BUILTIN)
    lost = triage_text(
        "The runner has received a shutdown signal. This can happen when the runner service is stopped\n", BUILTIN
    )
    assert dirty.category == lost.category == "infrastructure"
    assert dirty.to_json()["transient"] is False and lost.to_json()["transient"] is True


def test_fingerprint_is_stable_across_runs_and_differs_per_cause() -> None:
    run1 = _triage("2024-01-01T00:00:01.0000000Z ModuleNotFoundError: No module named 'yaml'\n")
    run2 = _triage("noise\n" * 50 + "2025-02-02T10:00:01.1234567Z ModuleNotFoundError: No module named 'yaml'\n")
    other = _triage("ModuleNotFoundError: No module named 'toml'\n")
    assert run1.fingerprint == run2.fingerprint != other.fingerprint


def _step(name: str, *body: str, code: int | None = None) -> str:
    lines = [f"##[group]Run {name}", "##[endgroup]", *body]
    if code is not None:
        lines.append(f"##[error]Process completed with exit code {code}.")
    return "\n".join(lines) + "\n"


def test_an_error_in_a_step_that_passed_is_never_the_cause() -> None:
    text = _step("pip install -e .", "ModuleNotFoundError: No module named 'yaml'", "Installed")
    text += _step("./lint.sh", "src/app.py:3:1: E302 expected 2 blank lines", code=1)
    d = _triage(text)
    assert d.rule == "generic.error-block" and d.step == "./lint.sh" and d.key_lines[0] == 7


def test_the_failed_step_outranks_a_stronger_rule_elsewhere() -> None:
    rs = ruleset(
        extra=[{"id": "disk", "category": "resource.exhausted", "patterns": ["^disk warning"], "priority": 95}]
    )
    text = _step("pytest", "FAILED tests/a.py::test_x", code=1) + _step("upload", "disk warning")
    d = triage_docs([bytes_doc("", text.encode())], rs, "x")
    assert d.rule == "pytest.failed"


def test_warnings_and_or_true_commands_never_win() -> None:
    for guard in ("|| true", "|| :", "||exit 0"):
        text = _step(f"pip check {guard}", "ModuleNotFoundError: No module named 'six'")
        text += _step("pytest", "WARNING: ModuleNotFoundError: No module named 'yaml'", "FAILED tests/a.py::x", code=1)
        d = _triage(text)
        assert d.rule == "pytest.failed", guard
        # Where its own step is the one that failed, what the guarded command printed still never wins.
        alone = _step(f"pip check {guard}", "ModuleNotFoundError: No module named 'six'", code=1)
        assert _triage(alone).rule != "python.module-not-found", guard


def test_the_first_cause_wins_over_what_follows_from_it() -> None:
    rs = ruleset(
        extra=[
            {
                "id": "resolve",
                "category": "dependency.resolution",
                "patterns": ["^ResolutionImpossible"],
                "priority": 70,
            },
        ]
    )
    text = "ResolutionImpossible: foo 1.0 needs bar<2\nModuleNotFoundError: No module named 'foo'\n"
    d = triage_docs([bytes_doc("", text.encode())], rs, "x")
    assert d.rule == "resolve"  # the missing module follows from the failed resolution


def test_a_trigger_word_in_a_failing_test_name_loses_to_the_verdict() -> None:
    rs = ruleset(extra=[{"id": "segv", "category": "crash", "patterns": ["(?i)segfault"], "priority": 70}])
    d = triage_docs([bytes_doc("", b"FAILED tests/test_segfault_handler.py::test_x\n")], rs, "x")
    assert d.rule == "pytest.failed"
    d = triage_docs([bytes_doc("", b"FAILED tests/a.py::test_x\nSegfault in worker 3\n")], rs, "x")
    assert d.rule == "segv"  # a crash the runner printed is not a test name


def test_json_carries_key_lines() -> None:
    d = _triage("FAILED tests/a.py::x\nModuleNotFoundError: No module named 'yaml'\n")
    assert d.to_json()["key_lines"] == [2]


def test_frames_behind_a_line_prefix_stay_in_the_block_and_ok_lines_are_chatter() -> None:
    lines = [f"[ RUN      ] suite case {i}: 3.1 ms OK" for i in range(5)]
    lines += ["= ==123==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000010"]
    lines += [f"=     #{i} 0x4{i}5083 in func_{i} /src/nvim/file_{i}.c:{i + 10}:3" for i in range(30)]
    lines += ["", "", "[ RUN      ] suite next: 1.0 ms OK"]
    rs = ruleset(extra=[{"id": "asan", "category": "crash", "patterns": [r"AddressSanitizer: SEGV"], "priority": 70}])
    d = triage_docs([bytes_doc("", ("\n".join(lines) + "\n").encode())], rs, "log.txt")
    assert [e.line for e in d.excerpt] == list(range(6, 37))  # the report and every frame, no passing tests


def test_a_far_report_of_the_same_failure_gets_a_block_of_its_own() -> None:
    lines = ["Running FooTest", "testBar(FooTest)  <<< FAILURE!", "java.lang.AssertionError: expected:<1> but was:<2>"]
    lines += ["\tat FooTest.testBar(FooTest.java:12)", ""] + [f"Running Other{i}Test" for i in range(80)]
    lines += ["", "Results:", "", "Failed tests:", "  FooTest.testBar:12 expected:<1> but was:<2>", "", "Tests run: 81"]
    rs = ruleset(
        extra=[{"id": "t", "category": "test.failure", "patterns": [r"expected:<\S+> but was"], "priority": 48}]
    )
    d = triage_docs([bytes_doc("", ("\n".join(lines) + "\n").encode())], rs, "log.txt")
    numbers = {e.line for e in d.excerpt}
    assert d.key_lines[0] == 3 and {2, 3, 4} <= numbers
    assert lines.index("  FooTest.testBar:12 expected:<1> but was:<2>") + 1 in numbers
    assert not any(f"Other{i}Test" in e.text for e in d.excerpt for i in range(10, 70))


_PROMOTE_RULES = [
    {"id": "t", "category": "test.failure", "patterns": [r"^FAIL: (?P<test>\w+)"], "priority": 48},
    {"id": "net", "category": "network", "patterns": [r"Connection refused"], "priority": 35},
]


def test_a_cause_in_most_failing_tests_output_is_promoted_over_their_verdict() -> None:
    text = "".join(
        f"FAIL: test_{name}\n  requests to http://localhost:8080/{name}\n  ConnectionError: [Errno 111] Connection refused\n\n"
        for name in ("login", "logout", "profile")
    )
    d = triage_docs([bytes_doc("", text.encode())], ruleset(extra=_PROMOTE_RULES), "log.txt")
    assert (d.category, d.rule, d.key_lines[0]) == ("network", "net", 3)


def test_a_cause_inside_one_failing_test_leaves_the_verdict_alone() -> None:
    text = (
        "FAIL: test_login\n  waiting for the service: Connection refused (retrying)\n  AssertionError: 401 != 200\n\n"
        "FAIL: test_logout\n  AssertionError: 500 != 200\n\nFAIL: test_profile\n  AssertionError: 404 != 200\n"
    )
    d = triage_docs([bytes_doc("", text.encode())], ruleset(extra=_PROMOTE_RULES), "log.txt")
    assert (d.category, d.rule) == ("test.failure", "t")


def test_a_long_maven_run_shows_the_first_failure_and_the_results_block_without_passing_classes() -> None:
    lines = ["[INFO]  T E S T S"]
    for i in range(200):
        lines += [
            f"[INFO] Running com.example.Suite{i}Test",
            f"[INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.1 s - in com.example.Suite{i}Test",
        ]
        if i == 50:
            lines += [
                "[INFO] Running com.example.FooTest",
                "[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.2 s <<< FAILURE! - in com.example.FooTest",
                "[ERROR] testBar(com.example.FooTest)  Time elapsed: 0.01 s  <<< FAILURE!",
                "java.lang.AssertionError: expected:<1> but was:<2>",
                "\tat com.example.FooTest.testBar(FooTest.java:42)",
            ]
    lines += [
        "[INFO] ",
        "[INFO] Results:",
        "[INFO] ",
        "[ERROR] Failures: ",
        "[ERROR]   FooTest.testBar:42 expected:<1> but was:<2>",
    ]
    lines += [
        "[INFO] ",
        "[ERROR] Tests run: 805, Failures: 1, Errors: 0, Skipped: 0",
        "[INFO] ",
        "[INFO] BUILD FAILURE",
    ]
    d = triage_docs([bytes_doc("", ("\n".join(lines) + "\n").encode())], default_ruleset(), "log.txt")
    texts = [e.text for e in d.excerpt]
    assert d.category == "test.failure" and "<<< FAILURE!" in texts[[e.line for e in d.excerpt].index(d.key_lines[0])]
    assert "[INFO] Results:" in texts and "[ERROR]   FooTest.testBar:42 expected:<1> but was:<2>" in texts
    assert "[ERROR] Tests run: 805, Failures: 1, Errors: 0, Skipped: 0" in texts
    assert not any("Failures: 0, Errors: 0" in t for t in texts)  # passing classes are chatter


def test_a_cut_block_fills_its_room_from_above_when_the_root_cause_sits_near_its_end() -> None:
    lines = [f"src/f{i}.c:{i}: error: bad thing {i}" for i in range(30)] + ["fatal: the build stopped here"]
    lines += [f"src/g{i}.c:{i}: error: other thing {i}" for i in range(14)] + [
        "",
        "",
        "Done. Your build exited with 1.",
    ]
    rs = ruleset(extra=[{"id": "x", "category": "compile.error", "patterns": [r"the build stopped"], "priority": 70}])
    d = triage_docs([bytes_doc("", ("\n".join(lines) + "\n").encode())], rs, "log.txt")
    numbers = [e.line for e in d.excerpt]
    assert len(numbers) == MAX_EXCERPT and 31 in numbers and numbers[-1] == 45  # the cause, then the block's end
    assert numbers[0] < 31 - 15  # the room left goes to the lines above it, not to nothing


def test_the_last_words_of_a_tool_are_above_its_drivers_epilogue() -> None:
    epilogue = "".join(
        f"npm ERR! code ELIFECYCLE\nnpm ERR! errno 1\nnpm ERR! app@1.0.0 {script}: `{cmd}`\nnpm ERR! Exit status 1\n"
        f"npm ERR! Failed at the app@1.0.0 {script} script.\nnpm ERR! A complete log of this run can be found in:\n"
        f"npm ERR!     /home/runner/.npm/_logs/{script}-debug.log\n"
        for script, cmd in (
            ("format:css", "prettier --check src"),
            ("format", "npm run format:css"),
            ("ci", "npm run format"),
        )
    )
    text = (
        "##[group]Run npm run ci\n##[endgroup]\nChecking formatting...\nsrc/theme.css\n"
        "Code style issues found in the above file(s). Forgot to run Prettier?\n"
        + epilogue
        + "##[error]Process completed with exit code 1.\n"
    )
    d = _triage(text)
    assert d.category == "lint.error" and d.key_lines[0] in (3, 4, 5) and {4, 5} <= {e.line for e in d.excerpt}


def test_title_and_summary_say_where_and_what_without_tool_prefixes() -> None:
    step = "2024-01-01T00:00:00.0000000Z ##[group]Run python -m pytest -q\n"
    text = step + "E   ModuleNotFoundError: No module named 'yaml'\n##[error]Process completed with exit code 1.\n"
    d = triage_docs([bytes_doc("build.txt", text.encode(), job="build")], RS, "logs.zip")
    assert d.title == "build / pytest: ModuleNotFoundError: No module named 'yaml'"
    assert d.summary == "ModuleNotFoundError: No module named 'yaml'"
    # The fingerprint is the evidence's, not the title's: another job and step count on the same issue.
    other = triage_docs([bytes_doc("lint.txt", text.encode(), job="lint")], RS, "logs.zip")
    assert other.title != d.title and other.fingerprint == d.fingerprint


def test_a_small_gap_between_pieces_of_an_excerpt_is_filled_but_not_with_a_blank_run_or_baseline() -> None:
    from autoheal import excerpt

    texts = ["FAILED: foo", "  detail", "plain a", "plain b", "plain c", "", "", "plain d", "baseline e", "plain f"]
    lines = list(enumerate(texts, start=1))
    shown = excerpt.block(lines, 1, lambda t: t.startswith("baseline"), (0, 9))
    assert [n for n, _ in shown] == [1, 2, 3, 4, 5, 6, 8, 10]  # one blank bridges, not a run or a baseline line


def test_with_no_rule_the_summary_is_the_failures_line_not_the_ci_servers_verdict() -> None:
    log = "Started by user admin\n[workspace] $ ./deploy\nE404 artifact widget-1.2.tgz\n"
    log += "Build step 'Execute shell' marked build as failure\nFinished: FAILURE\n"
    found = triage_docs([bytes_doc("console.txt", log.encode())], default_ruleset(), "console.txt")
    assert found.category == "unknown"
    assert "widget-1.2.tgz" in found.summary and found.key_lines == (3,)


def test_a_tools_verdict_behind_a_wrappers_prefix_is_read_by_the_tools_rule() -> None:
    compose = _step(
        "docker compose up --exit-code-from tests",
        "db-1     | LOG:  database system is ready to accept connections",
        "tests-1  | tests/test_api.py .F.                                                     [100%]",
        "tests-1  | FAILED tests/test_api.py::test_orders - assert 404 == 200",
        "tests-1  | ========================= 1 failed, 2 passed in 0.52s =========================",
        "tests-1 exited with code 1",
        code=1,
    )
    compose_v1 = _step(
        "docker-compose run web npm test",
        "web_1  | FAIL src/cart.test.js",
        "web_1  |   ● cart › totals the lines",
        "web_1  |     expect(received).toBe(expected) // Object.is equality",
        "web_1  | Tests:       1 failed, 8 passed, 9 total",
        code=1,
    )
    nix = _step(
        "nix build -L .#tiles",
        "tiles-0.8> Running phase: buildPhase",
        "tiles-0.8> error[E0308]: mismatched types",
        "tiles-0.8>   --> src/grid.rs:7:5",
        "error: builder for '/nix/store/abc-tiles-0.8.drv' failed with exit code 101",
        code=1,
    )
    stack = (
        "$ stack build\nacme-core> configure (lib)\nacme-core> src/Acme/Core.hs:14:9: error:\n"
        "acme-core>     • Couldn't match expected type ‘Int’ with actual type ‘Text’\n"
        'The command "stack build" exited with 1.\n'
    )
    for log, category, line in ((compose, "test.failure", 5), (compose_v1, "test.failure", 3)) + (
        (nix, "compile.error", 4),
        (stack, "compile.error", 3),
    ):
        d = triage_docs([bytes_doc("", log.encode())], default_ruleset(), "log.txt")
        assert d.rule != "generic.error-block" and d.category == category, (d.rule, d.category)
        assert line in d.key_lines and "> " not in d.summary and "| " not in d.summary, d.summary
