"""Further evidence beside the root cause's block: sibling failures far from it, the room shared fairly."""

from __future__ import annotations

from autoheal.baseline import Baseline
from autoheal.models import Diagnosis
from autoheal.rules import default_ruleset
from autoheal.triage import MAX_EXCERPT
from tests.helpers import triage_text

RS = default_ruleset()

_GO_STEP = ["##[group]Run go test ./...", "go test ./...", "shell: /usr/bin/bash -e {0}", "##[endgroup]"]


def _triage(lines: list[str], passing: list[str] | None = None) -> Diagnosis:
    baseline = Baseline.from_lines(passing) if passing is not None else None
    return triage_text(lines, RS, baseline=baseline)


def _at(lines: list[str], text: str, start: int = 0) -> int:
    """The 1-based line number of ``text`` in ``lines`` (its first occurrence from ``start``)."""
    return lines.index(text, start) + 1


def _go_failure(name: str, message: str) -> list[str]:
    return [f"--- FAIL: {name} (0.01s)", f"    {name.lower()}_test.go:12: {message}"]


def test_a_failing_test_far_below_the_first_shows_with_its_message_and_its_package_line() -> None:
    lines = _GO_STEP + [f"ok  \texample.com/app/pkg{i}\t0.1s" for i in range(12)]
    lines += ["--- FAIL: TestParse (0.01s)", "    parse_test.go:40: wrong tree", "        got:"]
    lines += [f"          node{i}" for i in range(12)] + ["        want:", "          root"]
    lines += ["FAIL", "FAIL\texample.com/app/parse\t0.412s"]
    lines += [f"ok  \texample.com/app/more{i}\t1.{i}s" for i in range(50)]
    lines += _go_failure("TestServe", "status 500, want 200") + ["FAIL", "FAIL\texample.com/app/serve\t2.301s"]
    lines += ["FAIL", "##[error]Process completed with exit code 1."]
    d = _triage(lines)
    numbers = [e.line for e in d.excerpt]
    assert d.key_lines[0] == _at(lines, "--- FAIL: TestParse (0.01s)")
    serve = _at(lines, "--- FAIL: TestServe (0.01s)")
    assert {serve, serve + 1, _at(lines, "FAIL\texample.com/app/serve\t2.301s")} <= set(numbers)
    assert _at(lines, "FAIL\texample.com/app/parse\t0.412s") in numbers
    assert numbers == sorted(numbers) and len(numbers) <= MAX_EXCERPT
    assert not any(e.text.startswith("ok ") for e in d.excerpt)


def test_many_further_failures_each_get_their_line_before_any_gets_its_details() -> None:
    lines = _GO_STEP + ["--- FAIL: TestFirst (0.20s)", "    first_test.go:9: mismatch"]
    lines += [f"        line {i} differs" for i in range(24)]
    for i in range(14):
        lines += [f"=== RUN   TestOk{i}", f"--- PASS: TestOk{i} (0.00s)"] * 3
        lines += [f"--- FAIL: TestCase{i} (0.00s)", f"    case_test.go:{i + 10}: case {i} returned nil"]
        lines += [f"        detail {j} of case {i}" for j in range(3)]
    lines += ["FAIL", "FAIL\texample.com/app/cases\t0.9s", "##[error]Process completed with exit code 1."]
    d = _triage(lines)
    numbers = {e.line for e in d.excerpt}
    cases = [_at(lines, f"--- FAIL: TestCase{i} (0.00s)") for i in range(14)]
    assert len(numbers) <= MAX_EXCERPT
    assert set(cases) <= numbers  # every failure named, in the room one long first failure left
    assert not any(f"detail 2 of case {i}" in e.text for e in d.excerpt for i in range(14))


def test_maven_second_failing_class_far_below_shows_its_error_and_the_results_list() -> None:
    lines = ["[INFO] -------------------------------------------------------", "[INFO]  T E S T S"]
    lines += ["[INFO] Running com.example.ParserTest"]
    lines += [
        "[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.2 s <<< FAILURE! - in com.example.ParserTest",
        "[ERROR] parsesDates(com.example.ParserTest)  Time elapsed: 0.1 s  <<< FAILURE!",
        "org.opentest4j.AssertionFailedError: expected: <2024-01-01> but was: <null>",
        "\tat com.example.ParserTest.parsesDates(ParserTest.java:31)",
        "",
    ]
    for i in range(60):
        lines += [
            f"[INFO] Running com.example.Other{i}Test",
            f"[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.0{i % 10} s - in com.example.Other{i}Test",
        ]
    lines += [
        "[INFO] Running com.example.StoreTest",
        "[ERROR] Tests run: 4, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 0.3 s <<< FAILURE! - in com.example.StoreTest",
        "[ERROR] savesRows(com.example.StoreTest)  Time elapsed: 0.1 s  <<< ERROR!",
        "java.lang.IllegalStateException: connection pool closed",
        "\tat com.example.Store.save(Store.java:88)",
        "",
    ]
    for i in range(30):
        lines += [
            f"[INFO] Running com.example.Tail{i}Test",
            f"[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.01 s - in com.example.Tail{i}Test",
        ]
    lines += ["[INFO] ", "[INFO] Results:", "[INFO] ", "[ERROR] Failures: "]
    lines += ["[ERROR]   ParserTest.parsesDates:31 expected: <2024-01-01> but was: <null>", "[ERROR] Errors: "]
    lines += ["[ERROR]   StoreTest.savesRows:88 IllegalState connection pool closed", "[INFO] "]
    lines += ["[ERROR] Tests run: 187, Failures: 1, Errors: 1, Skipped: 0", "[INFO] BUILD FAILURE"]
    d = _triage(lines)
    numbers = {e.line for e in d.excerpt}
    assert _at(lines, "org.opentest4j.AssertionFailedError: expected: <2024-01-01> but was: <null>") in numbers
    assert _at(lines, "java.lang.IllegalStateException: connection pool closed") in numbers
    assert _at(lines, "[ERROR]   StoreTest.savesRows:88 IllegalState connection pool closed") in numbers
    assert len(numbers) <= MAX_EXCERPT and not any("Other1" in e.text for e in d.excerpt)


def test_compiler_errors_in_several_files_each_show_with_their_location() -> None:
    lines = ["$ cargo build --all-targets"]
    files = ["src/parse.rs", "src/store.rs", "src/net/client.rs", "src/cli.rs"]
    for i, path in enumerate(files):
        lines += [f"warning: unused variable: `v{i}{j}`" for j in range(25)]
        lines += [f"error[E0425]: cannot find value `item{i}` in this scope", f"  --> {path}:{10 + i}:9"]
        lines += ["   |", f"{10 + i} |     let x = item{i};", "   |             ^^^^^ not found in this scope", ""]
    lines += [
        "error: could not compile `app` due to 4 previous errors",
        "",
        'The command "cargo build" exited with 101.',
    ]
    d = _triage(lines)
    numbers = {e.line for e in d.excerpt}
    assert d.category == "compile.error"
    for i, path in enumerate(files):
        at = _at(lines, f"error[E0425]: cannot find value `item{i}` in this scope")
        assert {at, at + 1} <= numbers, path  # the error and where it is
    first = _at(lines, "error[E0425]: cannot find value `item1` in this scope")
    assert not any("warning" in e.text for e in d.excerpt if e.line > first - 5) and len(numbers) <= MAX_EXCERPT


def test_a_further_failure_the_passing_run_also_printed_stays_out() -> None:
    flaky = _go_failure("TestFlakyClock", "tick came late")
    lines = _GO_STEP + _go_failure("TestParse", "wrong tree") + [f"ok  \texample.com/app/p{i}\t0.1s" for i in range(40)]
    lines += flaky + [f"ok  \texample.com/app/q{i}\t0.1s" for i in range(40)]
    lines += _go_failure("TestServe", "status 500, want 200") + [f"ok  \texample.com/app/r{i}\t0.1s" for i in range(40)]
    lines += ["FAIL", "##[error]Process completed with exit code 1."]
    passing = _GO_STEP + flaky + ["ok  \texample.com/app/p1\t0.1s", "PASS"]
    without = {e.line for e in _triage(lines).excerpt}
    d = _triage(lines, passing)
    numbers = {e.line for e in d.excerpt}
    flaky_at, serve_at = _at(lines, flaky[0]), _at(lines, "--- FAIL: TestServe (0.01s)")
    assert {flaky_at, serve_at} <= without  # both are evidence without a baseline...
    assert serve_at in numbers and flaky_at not in numbers  # ...and the passing run's noise leaves with one


def test_a_retry_of_the_failure_already_shown_is_not_shown_again() -> None:
    first = _go_failure("TestParse", "wrong tree")
    lines = _GO_STEP + first + [f"ok  \texample.com/app/p{i}\t0.1s" for i in range(40)]
    lines += ["retrying failed tests (attempt 2)"] + first + [f"ok  \texample.com/app/q{i}\t0.1s" for i in range(40)]
    lines += _go_failure("TestServe", "status 500, want 200") + [f"ok  \texample.com/app/r{i}\t0.1s" for i in range(40)]
    lines += ["FAIL", "##[error]Process completed with exit code 1."]
    d = _triage(lines)
    numbers = {e.line for e in d.excerpt}
    retry = _at(lines, first[0], _at(lines, first[0]))
    assert d.key_lines[0] == _at(lines, first[0]) and retry not in numbers and retry + 1 not in numbers
    assert _at(lines, "--- FAIL: TestServe (0.01s)") in numbers


def test_a_tool_no_rule_knows_shows_each_of_its_errors_across_files() -> None:
    lines = ["##[group]Run ./tools/check-links", "./tools/check-links", "shell: /usr/bin/bash -e {0}", "##[endgroup]"]
    for i in range(4):
        lines += [f"scanning docs/page{i}{j}.md" for j in range(25)]
        lines += [f"docs/guide{i}.md:{12 + i}:3: broken link to ./missing{i}.md"]
    lines += [f"scanning docs/tail{j}.md" for j in range(5)]
    lines += ["4 problems in 104 files", "##[error]Process completed with exit code 1."]
    d = _triage(lines)
    numbers = {e.line for e in d.excerpt}
    assert d.rule == "generic.error-block"
    assert {_at(lines, f"docs/guide{i}.md:{12 + i}:3: broken link to ./missing{i}.md") for i in range(4)} <= numbers
    assert len(numbers) <= MAX_EXCERPT


def _jenkins_build(script_end: list[str]) -> list[str]:
    """A Jenkins freestyle build: a script step whose first command runs out of disk, then a long Maven run."""
    lines = ["Started by timer", "[site] $ /bin/bash -xe /tmp/jenkins811.sh", "+ ./prepare.sh"]
    lines += [f"cp: error writing 'cache/part{i}.bin': No space left on device" for i in range(3)]
    lines += [f"[INFO] Compiling module {i}" for i in range(60)]
    lines += ["[INFO] BUILD SUCCESS", "[INFO] Total time:  9.1 s"]
    return lines + script_end + ["Archiving artifacts", "Finished: FAILURE"]


def test_a_scripts_error_right_above_jenkins_exit_line_is_a_further_failure_the_exit_line_is_not() -> None:
    lines = _jenkins_build(["ERROR: no report generated, publishing has failed"])
    lines.insert(len(lines) - 2, "Build step 'Execute shell' marked build as failure")
    d = _triage(lines)
    shown = {e.line: e.text for e in d.excerpt}
    assert d.category == "resource.exhausted" and "No space left" in d.summary  # the root cause stays
    error = _at(lines, "ERROR: no report generated, publishing has failed")
    assert error in shown and error - 1 not in shown  # the Maven summary above it is not
    assert _at(lines, "Build step 'Execute shell' marked build as failure") not in shown
    assert _at(lines, "Archiving artifacts") not in shown


def test_the_last_words_of_a_failed_gitlab_command_and_a_pipeline_stage_reach_the_excerpt() -> None:
    disk = [f"tar: cache/part{i}.bin: Cannot write: No space left on device" for i in range(3)]
    body = disk + [f"building page {i}" for i in range(60)] + ["Error: site index is empty, aborting"]
    gitlab = ["section_start:1700000002:step_script\r\x1b[0KExecuting step_script", "$ ./build-site.sh", *body]
    gitlab += ["section_end:1700000003:step_script\r\x1b[0K", "section_start:1700000003:cleanup_file_variables"]
    gitlab += ["section_end:1700000004:cleanup_file_variables", "ERROR: Job failed: exit code 1"]
    pipeline = ["[Pipeline] stage", "[Pipeline] { (Site)", "[Pipeline] sh", "+ ./build-site.sh", *body]
    pipeline += ["[Pipeline] }", "[Pipeline] // stage", "[Pipeline] End of Pipeline"]
    pipeline += ["ERROR: script returned exit code 1", "Finished: FAILURE"]
    for lines in (gitlab, pipeline):
        d = _triage(lines)
        shown = {e.line for e in d.excerpt}
        assert "No space left" in d.summary
        assert _at(lines, "Error: site index is empty, aborting") in shown
        assert not {_at(lines, "ERROR: Job failed: exit code 1") if lines is gitlab else 0} & shown


def test_a_jenkins_failure_no_rule_knows_anchors_on_the_scripts_error_never_on_the_exit_line() -> None:
    lines = ["[site] $ /bin/bash -xe /tmp/jenkins812.sh", "+ ./publish.sh", "uploading 12 pages"]
    lines += ["ERROR: publish target rejected the bundle", "Build step 'Execute shell' marked build as failure"]
    lines += ["Finished: FAILURE"]
    d = _triage(lines)
    assert "publish target rejected the bundle" in d.summary and "marked build" not in d.title
    assert "ERROR: publish target rejected the bundle" in [e.text for e in d.excerpt]


def test_a_blank_line_between_the_block_and_further_evidence_is_shown_not_left_a_gap() -> None:
    # composer: the lock file's verdict (a hit of its own), a blank line, then the problems block.
    lines = ["$ composer install --no-interaction", "Installing dependencies from lock file (including require-dev)"]
    lines += ["Verifying lock file contents can be installed on current platform."]
    lines += ["Your lock file does not contain a compatible set of packages. Please run composer update.", ""]
    lines += [
        "  Problem 1",
        "    - acme/http is locked to version v3.1.0 and an update of this package was not requested.",
    ]
    lines += [
        "    - acme/http v3.1.0 requires php >=8.3 -> your php version (8.1.2) does not satisfy that requirement."
    ]
    lines += ['The command "composer install --no-interaction" exited with 2.']
    numbers = [e.line for e in _triage(lines).excerpt]
    assert numbers == list(range(2, 9))


def test_a_gap_is_bridged_only_with_lines_known_and_never_with_chatter_or_a_blank_run() -> None:
    from autoheal import gaps

    source = {1: "error: a", 2: "", 3: "", 4: "error: b", 5: "Uploading cache", 6: "error: c", 8: "error: d"}
    kept = [(1, "error: a"), (4, "error: b"), (6, "error: c"), (9, "error: e")]
    shown = [n for n, _ in gaps.bridge(kept, source, lambda _t: False)]
    assert shown == [1, 2, 4, 6, 9]  # one blank, not the run, nor chatter; 7 is unknown: 6..9 stays a gap


def _shown(d: Diagnosis, lines: list[str]) -> list[str]:
    return [lines[e.line - 1] for e in d.excerpt]


_DOCS_CHECK = ["##[group]Run ./ci/check-docs", "./ci/check-docs", "##[endgroup]", "checking 14 files"]
_DOCS_CHECK += ["docs/api.md:12: error: broken anchor #install", "docs/api.md:40: error: broken anchor #usage"]
_DOCS_CHECK += ["Found 2 errors in 1 file"]


def test_a_tools_last_words_under_its_verdict_and_above_the_exit_line_are_shown() -> None:
    # An in-house checker's tally ends its block; its hints below it are how it ended, above the job's exit line.
    lines = _DOCS_CHECK + ["hint: run ./ci/check-docs --fix to repair the anchors", "see docs/CONTRIBUTING.md"]
    lines += ["##[error]Process completed with exit code 1."]
    shown = _shown(_triage(lines), lines)
    assert shown[-3:] == ["Found 2 errors in 1 file", lines[-3], lines[-2]]


def test_a_travis_commands_last_words_above_its_exit_line_are_shown() -> None:
    lines = ["$ ./ci/check-docs", *_DOCS_CHECK[3:], "rerun with --fix to repair the anchors", ""]
    lines += ['The command "./ci/check-docs" exited with 1.']
    shown = _shown(_triage(lines), lines)
    assert shown[-1] == "rerun with --fix to repair the anchors"
    assert lines[-1] not in shown


def test_last_words_end_where_the_runners_own_work_starts_and_are_a_few_lines_or_none() -> None:
    exit_line = ["##[error]Process completed with exit code 1."]
    near = _DOCS_CHECK + ["hint: run ./ci/check-docs --fix", "Saving cache for failed job", "Created cache"]
    shown = _shown(_triage(near + exit_line), near + exit_line)
    assert "hint: run ./ci/check-docs --fix" in shown
    assert "Created cache" not in shown
    far = _DOCS_CHECK + [f"wrote page {i} of the report to site/" for i in range(12)] + exit_line
    assert not any(t.startswith("wrote page") for t in _shown(_triage(far), far))


def test_a_drivers_verdict_and_a_progress_bar_among_last_words_stay_out() -> None:
    lines = _DOCS_CHECK + ["hint: run ./ci/check-docs --fix", "uploading report [==========>---------] 52%"]
    lines += ["Command failed with exit code 1.", "##[error]Process completed with exit code 1."]
    shown = _shown(_triage(lines), lines)
    assert shown[-2:] == ["Found 2 errors in 1 file", "hint: run ./ci/check-docs --fix"]


def test_the_section_of_a_line_is_found_reading_a_few_sections_of_many() -> None:
    """A hostile log opens up to 500k sections and reading an old one thaws it: a bisection, not a walk."""
    from collections.abc import Sequence
    from types import SimpleNamespace
    from typing import Any

    from autoheal.evidence import section_of

    class Counted(Sequence[Any]):
        def __init__(self, starts: list[int]) -> None:
            self.starts, self.reads = starts, 0

        def __len__(self) -> int:
            return len(self.starts)

        def __getitem__(self, i: Any) -> Any:
            self.reads += 1
            return SimpleNamespace(start=self.starts[i])

    sections = Counted([1 + 3 * i for i in range(200_000)])
    assert section_of(sections, 3 * 150_000 + 2) == 150_000  # the last section starting at or above the line
    assert section_of(sections, 1) == 0 and section_of(sections, 10**9) == 199_999
    assert sections.reads <= 3 * 20
    assert section_of(Counted([5]), 4) is None


def test_a_further_failing_tap_point_keeps_its_yaml_document_to_its_closing_line() -> None:
    # tape: two failing points, each with its YAML diagnostics; the second's closing ``  ...`` is its end.
    lines = ["$ tape test/*.js", "TAP version 13", "ok 1 should parse a date", "not ok 2 should parse a zone"]
    lines += ["  ---", "    operator: equal", "    expected: '+02:00'", "    actual:   'Z'", "  ..."]
    lines += ["# format", "not ok 3 should pad the month", "  ---", "    operator: equal"]
    lines += ["    expected: '2024-03-01'", "    actual:   '2024-3-01'", "  ...", "", "1..3", "# tests 3"]
    lines += ["# pass  1", "# fail  2"]
    shown = [e.line for e in _triage(lines).excerpt]
    assert set(range(_at(lines, "not ok 3 should pad the month"), _at(lines, "  ...", 10) + 1)) <= set(shown)
