"""How a block is cut: a task runner's long backtrace keeps its first frames. Synthetic lines."""

from __future__ import annotations

from autoheal import blocks, cut, excerpt
from autoheal.generic import anchor


def _never(_: str) -> bool:
    return False


RAKE = [
    "** Execute db:migrate",
    "rake aborted!",
    "NameError: uninitialized constant Billing::Mailer",
    *[f"/app/vendor/gems/rake-13.2.1/lib/rake/task.rb:{200 + i}:in `step_{i}'" for i in range(20)],
    "bin/rake:4:in `<main>'",
    "Tasks: TOP => db:migrate",
    "Process completed with exit code 1.",
]


def test_a_ruby_backtrace_line_is_a_frame() -> None:
    assert blocks.frame("/app/lib/x.rb:12:in `parse'") and blocks.frame("bin/rake:25:in `load'")


def test_a_long_flush_left_backtrace_keeps_the_error_and_its_first_frames() -> None:
    lines = list(enumerate(RAKE, 1))
    shown = [n for n, _ in excerpt.block(lines, 2, _never)]
    assert shown[:6] == [1, 2, 3, 4, 5, 6] and 10 not in shown and 25 in shown  # then the task runner's line


def test_an_indented_or_numbered_trace_is_the_failures_own_report_and_stays_whole() -> None:
    for frame in ["\tat com.acme.Svc.run(Svc.java:{})", "    #{} 0x4f2a in step /src/a.c:3"]:
        kept = [(1, "java.lang.IllegalStateException: boom")] + [(i, frame.format(i)) for i in range(2, 22)]
        assert cut.trim_frames(kept) == kept


def test_a_backtraces_frames_are_no_findings_of_a_checker() -> None:
    # The frames below the error would read as located findings, printed last: the error anchors the block.
    assert anchor(list(enumerate(RAKE, 1)), _never) == (2, True)


def test_by_depth_shows_every_groups_first_before_any_groups_second() -> None:
    groups = [[1, 2, 3], [4], [5, 6]]
    assert cut.by_depth(groups, 4) == [1, 4, 5, 2]
    assert cut.by_depth(groups, 99) == [1, 4, 5, 2, 6, 3]
    assert cut.by_depth(groups, 0) == [] and cut.by_depth([], 3) == []


def test_a_long_run_of_frames_is_trimmed_in_linear_time() -> None:
    """A block's frames are the log's: each run is found once, never re-walked for every frame past the first few."""
    import time

    from autoheal.cut import trim_frames

    def cost(n: int) -> float:
        kept = [(i, f"/app/lib/m{i}.rb:{i}:in `f{i}'") for i in range(500 * n)]
        started = time.process_time()
        trim_frames(kept)
        return time.process_time() - started

    small, large = cost(1), cost(4)
    assert large < 8 * small + 0.05
