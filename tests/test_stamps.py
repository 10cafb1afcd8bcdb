"""A CI's per-line stamps are told from a log's head and undone as it is read; line numbers stay the file's."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from autoheal import dialect, stamps
from tests.helpers import triage_cli

PYTEST = [
    "+ python -m pytest -q tests",
    "........F.......                                                         [100%]",
    "=================================== FAILURES ===================================",
    "________________________________ test_refund _________________________________",
    "",
    "    def test_refund():",
    ">       assert refund(order(30), 0.1) == 27",
    "E       assert 27.000000000000004 == 27",
    "",
    "tests/test_refund.py:14: AssertionError",
    "=========================== short test summary info ============================",
    "FAILED tests/test_refund.py::test_refund - assert 27.000000000000004 == 27",
    "1 failed, 15 passed in 0.31s",
]
MAVEN = [
    "+ mvn -B -ntp verify",
    "[INFO] Scanning for projects...",
    "[INFO] Building orders 1.4.0-SNAPSHOT",
    "[INFO] --- maven-compiler-plugin:3.11.0:compile (default-compile) @ orders ---",
    "[INFO] Compiling 31 source files with javac [debug target 17] to target/classes",
    "[ERROR] COMPILATION ERROR :",
    "[ERROR] /ws/orders/src/main/java/com/acme/Order.java:[40,17] cannot find symbol",
    "  symbol:   variable TAX_RATE",
    "  location: class com.acme.Order",
    "[INFO] BUILD FAILURE",
    "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile"
    " (default-compile) on project orders: Compilation failure",
]
NPM = [
    "$ npm ci",
    "npm ERR! code ERESOLVE",
    "npm ERR! ERESOLVE could not resolve",
    "npm ERR! While resolving: react-modal@3.16.1",
    "npm ERR! Found: react@19.0.0",
    "npm ERR! Could not resolve dependency:",
    'npm ERR! peer react@"^0.14.0 || ^15.0.0 || ^16 || ^17 || ^18" from react-modal@3.16.1',
    "ERROR: Job failed: exit code 1",
]
GO = [
    "$ go test ./...",
    "--- FAIL: TestParseDuration (0.00s)",
    '    parse_test.go:19: ParseDuration("1h30") = 0, want 5400s',
    "FAIL",
    "FAIL\tgithub.com/acme/timeparse\t0.006s",
    "Process exited with code 1",
]


def _iso(i: int, line: str) -> str:
    return "" if line.startswith("[Pipeline]") else f"[2024-05-01T09:00:{i:02d}.{i * 7:03d}Z] {line}"


def _clock(i: int, line: str) -> str:
    return f"09:00:{i:02d}  {line}"


def _elapsed(i: int, line: str) -> str:
    return f"00:00:{i:02d}.{i * 13:03d} {line}"


def _gitlab(i: int, line: str) -> str:
    stream = "01E " if "ERR!" in line else "00O+" if i % 4 == 3 else "01O "
    return f"2024-07-05T13:36:{i:02d}.{i * 1111:06d}Z {stream}{line}"


def _teamcity(i: int, line: str) -> str:
    return f"[09:00:{i:02d}]{'E' if 'FAIL' in line else ' '}:\t\t {line}"


def _apc(i: int, line: str) -> str:
    return f"\x1b_bk;t={1714554000000 + i * 250}\x07{line}"


def _stamp(lines: list[str], stamp: object) -> str:
    assert callable(stamp)
    return "".join(stamp(i, line) + "\n" for i, line in enumerate(lines))


def _triage(tmp_path: Path, text: str) -> dict[str, object]:
    log = tmp_path / "job.log"
    log.write_text(text, encoding="utf-8")
    done = triage_cli(str(log), cwd=tmp_path)
    assert done.stdout, done.stderr
    out = json.loads(done.stdout)
    assert isinstance(out, dict)
    return out


CASES = [
    (
        "pytest, Timestamper's ISO in a Pipeline",
        PYTEST,
        _iso,
        "test.failure",
        "E       assert 27.000000000000004 == 27",
    ),
    ("maven, Timestamper's system clock", MAVEN, _clock, "compile.error", "Order.java:[40,17] cannot find symbol"),
    ("pytest, Timestamper's elapsed time", PYTEST, _elapsed, "test.failure", "E       assert 27.000000000000004 == 27"),
    ("npm, GitLab's job log timestamps", NPM, _gitlab, "dependency.resolution", "npm ERR! code ERESOLVE"),
    ("go, TeamCity's build log", GO, _teamcity, "test.failure", "--- FAIL: TestParseDuration (0.00s)"),
    ("go, Buildkite's APC times", GO, _apc, "test.failure", "--- FAIL: TestParseDuration (0.00s)"),
]


@pytest.mark.parametrize(("lines", "stamp", "category", "key"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_stamped_log_is_triaged_as_its_tool_printed_it(
    tmp_path: Path, lines: list[str], stamp: object, category: str, key: str
) -> None:
    stamped = _triage(tmp_path, _stamp(lines, stamp))
    plain = _triage(tmp_path, "".join(line + "\n" for line in lines))
    assert stamped["category"] == category
    excerpt = stamped["excerpt"]
    assert isinstance(excerpt, list)
    texts = {e["line"]: e["text"] for e in excerpt}
    assert any(key in text for text in texts.values())
    # The file's own line numbers, the tool's own text: each excerpt line is that line with its stamp cut.
    assert texts == {e["line"]: e["text"] for e in plain["excerpt"]}  # type: ignore[attr-defined]
    assert (stamped["key_lines"], stamped["title"]) == (plain["key_lines"], plain["title"])
    assert not any(text.startswith(("[2024-", "2024-", "09:00:", "00:00:", "_bk;")) for text in texts.values())


def test_a_tool_s_own_times_on_some_lines_are_no_stamp_and_stay() -> None:
    head = [
        b"$ ./gradlew test",
        b"> Task :test",
        b"09:41:02.118 [main] INFO  o.s.b.SpringApplication - Starting OrdersApplicationTests",
        b"09:41:03.904 [main] INFO  com.zaxxer.hikari.HikariDataSource - HikariPool-1 - Starting...",
        b"OrdersApplicationTests > findsOpenOrders() FAILED",
        b"    org.opentest4j.AssertionFailedError: expected: <2> but was: <3>",
        b"1 test completed, 1 failed",
    ]
    assert stamps.detect(head) is None
    assert dialect.detect(b"\n".join(head) + b"\n", eof=True) is None


def test_a_tool_s_own_times_keep_their_place_and_the_failure_is_still_found(tmp_path: Path) -> None:
    lines = [
        "$ ./gradlew test",
        "> Task :test",
        "09:41:02.118 [main] INFO  o.s.b.SpringApplication - Starting OrdersApplicationTests",
        "09:41:03 WARN  pool is at 90% of its size",
        "OrdersApplicationTests > findsOpenOrders() FAILED",
        "    org.opentest4j.AssertionFailedError: expected: <2> but was: <3>",
        "        at app//com.acme.OrdersApplicationTests.findsOpenOrders(OrdersApplicationTests.java:31)",
        "1 test completed, 1 failed",
        "> Task :test FAILED",
        "BUILD FAILED in 9s",
    ]
    out = _triage(tmp_path, "".join(line + "\n" for line in lines))
    assert out["category"] == "test.failure"
    excerpt = out["excerpt"]
    assert isinstance(excerpt, list)
    texts = {e["line"]: e["text"] for e in excerpt}
    assert texts.get(4, lines[3]) == lines[3]  # the tool's own time stays where it is shown


def test_pipeline_lines_without_a_stamp_do_not_count_against_the_stamped_ones() -> None:
    head = [b"Started by user admin", b"[Pipeline] node", b"[Pipeline] {", b"[Pipeline] timestamps"]
    head += [b"[2024-05-01T09:00:0%dZ] + make test" % i for i in range(3)]
    head += [b"[Pipeline] }"] * 6
    found = stamps.detect(head)
    assert found is not None and found.shape == stamps.SHAPES[1]


@pytest.mark.parametrize("text", ["09:00:01 ok\n", "09:00:01 ok\n09:00:02 ok\nplain\nplain\nplain\n"])
def test_too_few_stamped_lines_are_no_stamped_log(text: str) -> None:
    assert stamps.detect(text.encode().splitlines()) is None


def test_a_github_actions_log_is_left_to_the_runner_s_own_stamp() -> None:
    head = [b"2024-05-06T09:04:11.1234567Z ##[group]Run make", b"2024-05-06T09:04:12.1234567Z make: *** [all] Error 1"]
    assert stamps.detect(head * 4) is None


@pytest.mark.parametrize("chunk", [1 << 20, 5, 1])
def test_each_line_loses_its_stamp_and_keeps_its_place(chunk: int) -> None:
    data = "".join(_gitlab(i, line) + "\n" for i, line in enumerate(NPM)).encode() + b"no stamp here\n01O tail"
    stream = dialect.wrap(lambda: io.BytesIO(data))()
    out = b""
    while piece := stream.read(chunk):
        out += piece
    assert out.decode().split("\n") == [*NPM, "no stamp here", "01O tail"]


def test_a_stamped_log_is_read_in_bounded_memory() -> None:
    import tracemalloc

    line = b"[2024-05-01T09:00:00.123Z] tests/test_api.py::test_list[case-17] PASSED  [ 41%]\n"
    data = line * ((64 << 20) // len(line))
    stream = dialect.wrap(lambda: io.BytesIO(data))()
    tracemalloc.start()
    try:
        total, peak = 0, 0
        while piece := stream.read(1 << 20):
            total, peak = total + len(piece), max(peak, tracemalloc.get_traced_memory()[1])
    finally:
        tracemalloc.stop()
    assert total == len(data) - len(data) // len(line) * len("[2024-05-01T09:00:00.123Z] ")
    assert peak < 16 << 20  # a few chunks (the indent dialect's 11 MB, at any size), not the log


def test_an_azure_pipelines_log_keeps_the_runner_stamp_github_s_reading_cuts(tmp_path: Path) -> None:
    # Azure Pipelines writes GitHub's runner stamp (7 fractional digits, Z): normalize.STAMP reads it, not stamps.py.
    lines = [
        "##[section]Starting: Test",
        "Task         : Command line",
        *[line for line in PYTEST if not line.startswith("+")],
        "##[error]Bash exited with code '1'.",
        "##[section]Finishing: Test",
    ]
    text = "".join(f"2024-05-06T09:04:{i:02d}.1234567Z {line}\n" for i, line in enumerate(lines))
    assert stamps.detect(text.encode().splitlines()) is None
    out = _triage(tmp_path, text)
    assert out["category"] == "test.failure"
    excerpt = out["excerpt"]
    assert isinstance(excerpt, list)
    assert any(e["text"] == "E       assert 27.000000000000004 == 27" for e in excerpt)
    assert not any(e["text"].startswith("2024-") for e in excerpt)


def test_one_space_stamps_over_indented_lines_are_not_read_as_two_space_ones() -> None:
    # The git plugin indents its own lines (`` > git fetch``): under a one-space stamp they show two spaces.
    head = [b"00:00:01.000 Started by user admin"] + [b"00:00:0%d.000  > git rev-parse HEAD" % i for i in range(8)]
    head += [b"00:00:09.000 FAILURE: Build failed"]
    found = stamps.detect(head)
    assert found is not None and found.shape == stamps.SHAPES[3]
    assert found(head)[1] == b" > git rev-parse HEAD" and found(head)[-1] == b"FAILURE: Build failed"
    two = [b"09:00:0%d  + make test" % i for i in range(5)] + [b"09:00:09    indented by the tool"]
    found = stamps.detect(two)
    assert found is not None and found.shape == stamps.SHAPES[2]


def _checkout(n: int) -> list[bytes]:
    """A Pipeline's unstamped start: the SCM checkout before ``timestamps {}`` opened."""
    lines = [b"Started by an SCM change", b"Obtained Jenkinsfile from git https://git.example/acme/orders.git"]
    lines += [b"[Pipeline] Start of Pipeline", b"[Pipeline] node", b"Running on agent-7 in /ws/orders"]
    lines += [b" > git fetch --tags --force --progress -- origin +refs/heads/*:refs/remotes/origin/* # timeout=10"] * n
    return lines


@pytest.mark.parametrize("checkout", [10, 14, 40])  # (the step at the head's lines 15-19 was once missed)
@pytest.mark.parametrize("shape", ["[2024-05-01T09:00:0%dZ] ", "09:00:0%d  "])
def test_stamps_that_begin_after_a_late_timestamps_step_are_still_told(shape: str, checkout: int) -> None:
    stamped = [(shape % (i % 10)).encode() + line.encode() for i, line in enumerate(MAVEN)]
    head = [*_checkout(checkout), b"[Pipeline] timestamps", b"[Pipeline] {", *stamped]
    found = stamps.detect(head)
    assert found is not None and found.match(stamped[0]) is not None
    assert stamps.detect(head[: -len(stamped)]) is None  # the step alone is no stamp


def test_a_tool_s_own_times_far_into_the_head_are_no_stamp_without_the_timestamps_step() -> None:
    spring = [b"09:41:%02d.118 [main] INFO  o.s.b.SpringApplication - Starting" % (i % 60) for i in range(60)]
    assert stamps.detect([*_checkout(40), *spring]) is None


def test_a_late_stamped_jenkins_log_is_triaged_as_its_tool_printed_it(tmp_path: Path) -> None:
    stamped = ["[2024-05-01T09:00:%02dZ] %s" % (i, line) for i, line in enumerate(MAVEN)]
    head = [line.decode() for line in _checkout(40)] + ["[Pipeline] timestamps", "[Pipeline] {"]
    out = _triage(tmp_path, "".join(line + "\n" for line in [*head, *stamped, "[Pipeline] }", "Finished: FAILURE"]))
    assert out["category"] == "compile.error"
    excerpt = out["excerpt"]
    assert isinstance(excerpt, list)
    assert any(e["text"] == MAVEN[6] for e in excerpt)  # the stamp cut, the tool's own line shown
