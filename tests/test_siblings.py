"""Finding the further failures beside a root cause among the lines the scan kept."""

from __future__ import annotations

from autoheal import siblings
from autoheal.logsource import bytes_doc
from autoheal.rules import default_ruleset
from autoheal.scan import DocScan, scan_doc

RS = default_ruleset()


def _never(_: str) -> bool:
    return False


def _scan(lines: list[str]) -> DocScan:
    return scan_doc(bytes_doc("", ("\n".join(lines) + "\n").encode()), RS)


def _anchor(scan: DocScan, line: int) -> siblings.Anchor:
    hit = next(h for h in scan.hits if h.line == line)
    return siblings.Anchor(scan, line, hit.rule, hit.rule.category)


def test_lines_of_the_rule_the_scan_did_not_keep_are_found_in_its_windows() -> None:
    lines = ["$ go test ./..."]
    for i in range(30):  # more than the scan keeps per rule
        lines += [f"--- FAIL: TestCase{i} (0.00s)", f"    case_test.go:{i + 1}: case {i} failed"]
    lines += ["FAIL", 'The command "go test ./..." exited with 1.']
    scan = _scan(lines)
    kept = {h.line for h in scan.hits if h.rule.id == "go.test-failures"}
    assert len(kept) < 30
    found = siblings.find(_anchor(scan, 2), {2: lines[1]}, 40, _never)
    assert {2 * i + 2 for i in range(1, 30)} <= found.lines  # every other failing test's line
    assert found.fit == sorted(found.fit) and len(found.fit) <= siblings.MAX_SIBLINGS


def test_the_closest_kin_fit_first_and_a_repeat_of_a_shown_line_is_left_out() -> None:
    lines = ["$ go test ./...", "--- FAIL: TestParse (0.00s)", "    parse_test.go:3: bad"]
    lines += [f"ok  \texample.com/p{i}\t0.1s" for i in range(10)]
    lines += ["--- FAIL: TestParse (0.01s)", "    parse_test.go:3: bad"]  # the same failure, run again
    lines += ["panic: runtime error: index out of range [3] with length 3", "--- FAIL: TestServe (0.00s)"]
    lines += ["FAIL", 'The command "go test ./..." exited with 1.']
    scan = _scan(lines)
    found = siblings.find(_anchor(scan, 2), {2: lines[1], 3: lines[2]}, 1, _never)
    serve = lines.index("--- FAIL: TestServe (0.00s)") + 1
    assert found.fit == [serve]  # one line of room: the same rule's failure, not the panic nor the repeat


def test_a_tool_no_rule_knows_has_further_errors_of_the_anchors_family() -> None:
    lines = ["$ ./check", "a.txt:1:2: misspelt word 'teh'", "reading b.txt", "b.txt:9:1: misspelt word 'recieve'"]
    lines += ["note: 2 words", "c.txt:3: trailing space", 'The command "./check" exited with 1.']
    scan = _scan(lines)
    anchor = siblings.Anchor(scan, 4, None, "lint.error")
    found = siblings.find(anchor, {4: lines[3]}, 10, _never)
    assert 2 in found.lines and 6 not in found.lines  # same family ("misspelt"), not another message


def test_a_travis_command_line_right_above_the_failure_may_head_the_excerpt() -> None:
    from autoheal.triage import triage_docs

    lines = [
        "$ bundle install --jobs=3",
        "Bundle complete! 12 Gemfile dependencies, 40 gems now installed.",
        'The command "bundle install --jobs=3" exited with 0.',
        "$ bundle exec rubocop",
        "lib/widget.rb:4:7: C: Style/StringLiterals: Prefer single-quoted strings.",
        "1 file inspected, 1 offense detected",
        'The command "bundle exec rubocop" exited with 1.',
    ]
    found = triage_docs([bytes_doc("job.log", ("\n".join(lines) + "\n").encode())], RS, "job.log")
    shown = [e.line for e in found.excerpt]
    assert 4 in shown and 5 in shown  # the command that printed the offence, then the offence
    assert 1 not in shown  # an earlier, passing command is not context
