"""A failure in several parts stays whole in its excerpt (several ecosystems).

Synthetic logs written for these tests; each names the mechanism it checks.
"""

from __future__ import annotations

from autoheal import blocks, cut, excerpt
from autoheal.logsource import bytes_doc
from autoheal.triage import triage_docs
from tests.helpers import block_shown as _shown
from tests.helpers import ruleset

Numbered = list[tuple[int, str]]


def test_a_value_ending_in_ok_is_no_passing_verdict() -> None:
    # ExUnit prints ``right: :ok`` in an assertion's details: an atom, not a passing case.
    assert not blocks.chatter("     right: :ok")
    assert not blocks.chatter('     code:  assert Queue.push(q, 1) == "ok"')
    assert blocks.chatter("test parses_empty ... ok") and blocks.chatter("tests/a.py::t PASSED")


def test_a_count_of_none_failed_inside_an_assertion_is_the_failures_line() -> None:
    assert not blocks.chatter("E        +  where 3 = Report(copied=3, failed=0).copied")
    assert blocks.chatter("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0")


def test_a_counted_list_of_failures_heads_its_block() -> None:
    # The JUnit console launcher's ``Failures (2):`` as Maven's ``Failures:``.
    assert blocks.header("Failures (2):") and blocks.header("[ERROR] Errors (1):")


PYTEST_CAPTURED = [
    "tests/test_sync.py F.                                       [100%]",
    "=================================== FAILURES ===================================",
    "____________________________ test_sync ____________________________",
    "",
    "    def test_sync(store):",
    ">       assert sync(store).copied == 4",
    "E       assert 2 == 4",
    "",
    "tests/test_sync.py:12: AssertionError",
    "------------------------------ Captured log call -------------------------------",
    "INFO     app.sync:sync.py:20 listing: 4 objects",
    *(f"WARNING  app.sync:sync.py:31 etag match, skipping a/{i}" for i in range(1, 9)),
    "INFO     app.sync:sync.py:40 copied 2",
    "=========================== short test summary info ============================",
    "FAILED tests/test_sync.py::test_sync - assert 2 == 4",
    "========================= 1 failed, 1 passed in 0.41s ==========================",
    "##[error]Process completed with exit code 1.",
]


def test_a_banners_section_runs_to_the_next_banner_whatever_its_lines_say() -> None:
    # pytest's captured log (INFO and WARNING records, read alone no failure) is the failure's own, up to
    # the next ``=====`` banner; the short summary and the verdict follow.
    assert _shown(PYTEST_CAPTURED, 7) == list(range(2, 24))


def test_a_banner_with_no_twin_below_is_its_line_alone() -> None:
    lines = ["=========== FAILURES ===========", "E   assert 1 == 2", "", "", "", "INFO x", "INFO y", "INFO z"]
    assert _shown(lines, 2) == [1, 2]


def test_a_list_of_failed_suites_shows_every_failing_case_of_the_run_above_it() -> None:
    # ScalaTest: three failures in two suites, then sbt's list naming the suites only.
    lines = [
        "[info] ParserSpec:",
        "[info] - parses a root path",
        "[info] - parses a wildcard *** FAILED ***",
        "[info]   Left(ParseError(2)) was not an instance of Right (ParserSpec.scala:21)",
        "[info] - parses a filter *** FAILED ***",
        "[info]   List(a) did not equal List(b) (ParserSpec.scala:34)",
        "[info] EvalSpec:",
        "[info] - evaluates a slice *** FAILED ***",
        "[info]   java.lang.IndexOutOfBoundsException: 5 is out of bounds (min 0, max 3)",
        "[info] Run completed in 1 second, 204 milliseconds.",
        "[info] Tests: succeeded 15, failed 3, canceled 0, ignored 0, pending 0",
        "[info] *** 3 TESTS FAILED ***",
        "[error] Failed tests:",
        "[error] \tcom.acme.ParserSpec",
        "[error] \tcom.acme.EvalSpec",
        "[error] (Test / test) sbt.TestsFailedException: Tests unsuccessful",
    ]
    shown = _shown(lines, 13)
    assert set(range(3, 17)) <= set(shown)


def test_a_long_chained_trace_is_cut_in_its_frames_and_keeps_every_cause() -> None:
    # Surefire's error with two ``Caused by:`` below 30 frames: the innermost cause says what failed.
    lines = ["[ERROR] loads(com.acme.FooTest)  Time elapsed: 0.1 s  <<< ERROR!"]
    lines += ["java.lang.IllegalStateException: Failed to load ApplicationContext"]
    lines += [f"\tat org.acme.Frame{i}.call(Frame{i}.java:{i + 10})" for i in range(30)]
    lines += ["Caused by: org.acme.BeanCreationException: Error creating bean 'db'"]
    lines += [f"\tat org.acme.Bean{i}.make(Bean{i}.java:{i + 10})" for i in range(20)]
    lines += ["\t... 30 more", "Caused by: java.net.ConnectException: Connection refused"]
    lines += [f"\tat java.net.Socket{i}.connect(Socket{i}.java:{i + 10})" for i in range(12)]
    lines += ["\t... 50 more", "", "[INFO] BUILD FAILURE"]
    shown = _shown(lines, 2)
    texts = [lines[n - 1] for n in shown]
    assert len(shown) == excerpt.MAX_EXCERPT
    assert [t for t in texts if not t.startswith("\tat ")] == [t for t in lines[:-2] if not t.startswith("\tat ")]
    assert (
        "\tat org.acme.Bean0.make(Bean0.java:10)" in texts and "\tat java.net.Socket0.connect(Socket0.java:10)" in texts
    )


def test_thinning_a_trace_shorter_than_the_budget_keeps_all_of_it() -> None:
    import threading

    trace = [
        "java.lang.IllegalStateException: boom",
        *["\tat a.B.c(B.java:1)"] * 6,
        "Caused by: java.io.IOException: x",
    ]
    kept = list(enumerate([*trace, *["\tat a.D.e(D.java:2)"] * 3], 1))
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(cut.thin(kept)), daemon=True)
    worker.start()
    worker.join(10)  # (it looped forever once every frame was chosen and the budget still had room)
    assert result == [kept]


def test_one_long_trace_keeps_its_head_and_the_blocks_end() -> None:
    # A single run of frames is cut as any long block: its head first, not thinned.
    lines = ["==1==ERROR: AddressSanitizer: heap-use-after-free on address 0x6020"]
    lines += [f"    #{i} 0x4{i:05x} in fn{i} /src/a.c:{i + 1}" for i in range(60)]
    shown = _shown(lines, 1)
    assert shown == list(range(1, excerpt.MAX_EXCERPT + 1))


def test_a_failures_own_output_runs_to_the_runs_verdict_below_it() -> None:
    # go test: a failing test's log lines carry no error word; FAIL and the package's verdict close them.
    lines = ["ok  \texample.com/app/a\t0.1s", "--- FAIL: TestSync (0.20s)", "    sync_test.go:40: copied = 2, want 4"]
    lines += [f"2024/05/02 14:00:01 skipping object a/{i}: etag match" for i in range(10)]
    lines += ["FAIL", "FAIL\texample.com/app/sync\t0.31s", "ok  \texample.com/app/web\t0.2s"]
    assert _shown(lines, 2) == list(range(2, 16))


def test_quiet_lines_with_no_verdict_below_end_the_block() -> None:
    lines = ["--- FAIL: TestSync (0.20s)", "    sync_test.go:40: copied = 2, want 4"]
    lines += [f"2024/05/02 14:00:01 skipping object a/{i}: etag match" for i in range(20)]
    lines += ["FAIL", "FAIL\texample.com/app/sync\t0.31s"]
    assert max(_shown(lines, 1)) < 10


def _rspec(failures: int) -> list[str]:
    lines = ["$ bundle exec rspec", "", "Randomized with seed 1", "....FF.F..F.F", "", "Failures:", ""]
    for i in range(1, failures + 1):
        lines += [f"  {i}) Shop::Cart case {i} totals", f"     Failure/Error: expect(cart.total).to eq({i}00)", ""]
        lines += [f"       expected: {i}00", f"            got: {i}10", "", "       (compared using ==)"]
        lines += [f"     # ./spec/cart_spec.rb:{i}2:in `block (2 levels) in <top (required)>'", ""]
    lines += ["Finished in 0.4 seconds (files took 0.6 seconds to load)", f"30 examples, {failures} failures", ""]
    lines += ["Failed examples:", ""] + [f"rspec ./spec/cart_spec.rb:{i}0 # Shop::Cart case {i}" for i in range(1, 6)]
    return lines + ["", 'The command "bundle exec rspec" exited with 1.', "", "Done. Your build exited with 1."]


def test_a_long_report_of_failures_of_one_shape_keeps_the_head_of_each() -> None:
    lines = _rspec(5)
    kept = list(enumerate(lines, start=1))[5:56]
    shown = cut.cut(kept, 54, True, True)  # the verdict: failure 1 whole, the head of each other
    texts = [t for _, t in shown]
    assert len(shown) <= excerpt.MAX_EXCERPT and texts[0] == "Failures:"
    assert all(f"  {i}) Shop::Cart case {i} totals" in texts for i in range(1, 6))
    assert all(f"     Failure/Error: expect(cart.total).to eq({i}00)" in texts for i in range(1, 6))
    assert "30 examples, 5 failures" in texts


def test_two_failures_of_a_shape_are_cut_as_any_long_block() -> None:
    kept = [(1, "Failures:")] + [(n, f"  1) x\n{n}") for n in range(2, 3)] + [(n, "   detail") for n in range(3, 60)]
    assert cut.each_head(kept, 1) is None


def test_a_verdicts_report_longer_than_the_scans_window_starts_at_its_head() -> None:
    # RSpec's verdict is the root cause; its report (Failures: and five failures) is 48 lines above it,
    # further than the 40 lines the scan keeps around a hit: the failed section's tail holds the rest.
    log = "travis_fold:start:script\n" + "\n".join(_rspec(5)) + "\n"
    rspec = {
        "id": "ruby.test-failures",
        "category": "test.failure",
        "patterns": [r"^\d+ examples?, [1-9]\d* failures?"],
    }
    d = triage_docs([bytes_doc("", log.encode())], ruleset("rules: []", [rspec]), "log.txt")
    texts = [e.text for e in d.excerpt]
    assert d.rule == "ruby.test-failures" and "Failures:" in texts and "  1) Shop::Cart case 1 totals" in texts


def test_a_scripts_own_banner_opens_no_section() -> None:
    # ``===== Running migrations =====`` is a script's, not a report of failures: the block ends as usual.
    lines = ["========== Running migrations ==========", "ERROR: migration 0042 failed: lock timeout"]
    lines += [f"note {i}: retrying later" for i in range(8)] + ["========== Done =========="]
    assert max(_shown(lines, 2)) < 8


def _vstest(failures: int) -> list[str]:
    lines = ["Starting test execution, please wait...", "A total of 1 test files matched the specified pattern."]
    for i in range(1, failures + 1):
        lines += [f"  Failed Formats_case_{i} [{i}25 ms]", "  Error Message:"]
        lines += [
            "   System.IO.FileNotFoundException : Could not load file or assembly 'Vendor.Shell, Version=17.0.0.0'"
        ]
        lines += ["  Stack Trace:", f"     at Tests.FormatterTests.Formats_case_{i}()", ""]
    return lines + [f"Failed!  - Failed:     {failures}, Passed:     0, Skipped:     0, Total:     {failures}"]


def test_vstests_failed_line_heads_its_tests_report_when_a_long_run_is_cut() -> None:
    # VSTest's console logger: ``Failed <test> [N ms]`` and ``Error Message:`` over each failing test's error.
    assert blocks.header("  Failed Formats_case_1 [125 ms]") and blocks.header("  Failed T(a: 1) [< 1 ms]")
    assert not blocks.header("Failed to restore /w/app.csproj [3 ms]")  # MSBuild's words, not a test's report
    lines = _vstest(9)
    shown = _shown(lines, 5)  # the first test's error
    assert len(shown) <= excerpt.MAX_EXCERPT and shown[:3] == [3, 4, 5]


def _elm(*titles: str) -> list[str]:
    lines = ["Dependencies ready!"]
    for i, title in enumerate(titles):
        head = f"-- {title} ------------------------------------------ src/M{i}.elm"
        lines += [
            ("Compiling ..." + head) if i == 0 else head,
            "",
            f"The 2nd argument to `view{i}` is not what I expect:",
        ]
        lines += ["", f"48|     view{i} model.dragging", "              ^^^^^^^^^^^^^^", "This `dragging` field is a:"]
        lines += ["", "    Maybe CardId", "", "But it needs to be:", "", "    Bool", "", ""]
    return lines + [f"Detected problems in {len(titles)} modules.", "##[error]Process completed with exit code 1."]


def test_an_elm_problem_report_runs_from_its_title_over_blank_lines_to_the_next_title() -> None:
    # Elm separates a problem's parts with blank lines; its title opens it and the next title or verdict ends it.
    assert blocks.titled("Compiling ...-- TYPE MISMATCH ------------ src/Board.elm")
    assert blocks.titled("── NAMING ERROR ──────── main.roc") and not blocks.titled("-- installing deps --")
    assert blocks.summary("Detected problems in 1 module.")
    lines = _elm("TYPE MISMATCH")
    shown = _shown(lines, 2)
    assert shown[0] <= 2 and lines[shown[-1] - 1] == "Detected problems in 1 modules."
    two = _elm("TYPE MISMATCH", "NAMING ERROR")
    shown = _shown(two, 2)  # both problems, as the run's verdict counts them
    assert len(shown) <= excerpt.MAX_EXCERPT and two[shown[-1] - 1] == "Detected problems in 2 modules."


def test_a_failed_processs_captured_output_under_its_failure_line_is_the_blocks() -> None:
    # cargo: a build script's failure line, then its captured stdout, whose last line says why it failed.
    lines = ["   Compiling app v0.1.0 (/w/app)", "error: failed to run custom build command for `app v0.1.0 (/w/app)`"]
    lines += [
        "",
        "Caused by:",
        "  process didn't exit successfully: `/w/target/build/build-script-build` (exit status: 1)",
    ]
    lines += ["  --- stdout", "  cargo:rerun-if-env-changed=APP_CONFIG", "  cargo:rustc-cfg=desktop"]
    lines += [
        "  resource path `binaries/sidecar-x86_64` doesn't exist",
        "warning: build failed, waiting for other jobs",
    ]
    assert 9 in _shown(lines, 2)


def test_a_snippets_elided_lines_between_its_gutter_lines_are_no_progress_dots() -> None:
    # rustc elides a snippet's lines with ``...``, the shape of three passing tests' dots.
    lines = ["error[E0382]: use of moved value: `subject`", "   --> src/oracle.rs:325:39", "    |"]
    lines += ["242 |         subject: Address,", "    |         ------- move occurs because `subject` has type"]
    lines += ["...", "325 |             (feed_id, subject),", "    |                       ^^^^^^^ value used here"]
    lines += ["", "error: could not compile `sdk` (lib test) due to 1 previous error"]
    assert {6, 7, 8} <= set(_shown(lines, 1))
    assert blocks.chatter("...")  # on its own, a line of dots is still a run's progress


def test_a_compilers_attached_note_pointing_to_more_is_part_of_its_diagnostic() -> None:
    # rustc's ``= note: see issue #N <url> for more information`` ends in a pointer's words, inside the error.
    lines = ["   Compiling app v0.1.0", "error[E0658]: use of unstable library feature `by_handle`"]
    lines += ["  --> src/metrics.rs:40:10", "   |", "40 |         .volume_serial_number()", "   |          ^^^^^^^"]
    lines += [
        "   |",
        "   = note: see issue #63010 <https://github.com/rust-lang/rust/issues/63010> for more information",
        "",
    ]
    lines += ["error[E0658]: use of unstable library feature `by_handle`", "  --> src/metrics.rs:41:23", ""]
    lines += ["error: could not compile `app` (lib) due to 2 previous errors"]
    assert {8, 10, 11} <= set(_shown(lines, 2))


def test_a_thinned_trace_keeps_the_root_causes_own_line_whatever_its_shape() -> None:
    frames = [(n, f"    at f{n} (src/a.js:{n}:1)") for n in range(1, 60)]
    kept = [(0, "Error: boom"), *frames[:29], (30, "Caused by: Error: inner"), *frames[30:]]
    unanchored = cut.thin(kept)
    assert unanchored is not None and 55 not in [n for n, _ in unanchored]  # deep in the second trace: thinned
    shown = cut.thin(kept, 55)
    assert shown is not None and 55 in [n for n, _ in shown] and len(shown) <= excerpt.MAX_EXCERPT
