"""The generic error block of a failed section, on small synthetic tails."""

from __future__ import annotations

from autoheal import excerpt
from autoheal.generic import anchor


def _never(_: str) -> bool:
    return False


def _numbered(*lines: str) -> list[tuple[int, str]]:
    return list(enumerate(lines, 1))


def test_the_last_error_cluster_wins_and_the_exit_line_is_never_it() -> None:
    tail = _numbered(
        "warning: optional cache missing",
        "error: first attempt failed, retrying",
        "compiling 3 files",
        "checking",
        "linking",
        "writing",
        "indexing",
        "packing",
        "lib/a.ml:3:5: Error: Unbound value foo",
        "lib/b.ml:9:1: Error: Syntax error",
        "Process completed with exit code 2.",
    )
    assert anchor(tail, _never) == (9, True)  # more than GAP quiet lines apart: a block of its own


def test_a_drivers_epilogue_is_not_the_cluster_and_its_tagged_lines_are_not_last_words() -> None:
    tail = _numbered(
        "Checking formatting...",
        "src/theme.css",
        "Code style issues found in the above file(s).",
        "npm ERR! code ELIFECYCLE",
        "npm ERR! errno 1",
        "npm ERR! app@1.0.0 format: `prettier --check src`",
        "npm ERR! Exit status 1",
        "npm ERR! Failed at the app@1.0.0 format script.",
        "Process completed with exit code 1.",
    )
    assert anchor(tail, _never) == (1, False)  # nothing reads as an error: the tool's own last lines


def test_a_baseline_line_is_no_error_signal() -> None:
    tail = _numbered("error: flaky mirror, retrying", "done", "Process completed with exit code 1.")
    assert anchor(tail, lambda t: t.startswith("error: flaky")) == (2, False)
    assert anchor(tail, _never) == (1, True)


def test_findings_at_any_severity_are_what_a_checker_failed_on() -> None:
    # hadolint and prettier print their findings as warnings: with no error block, they are it.
    tail = _numbered(
        "Status: Downloaded newer image for hadolint/hadolint:latest",
        "-:4 DL3008 warning: Pin versions in apt get install.",
        "-:11 DL3025 warning: Use arguments JSON notation for CMD and ENTRYPOINT arguments",
        "Process completed with exit code 1.",
    )
    assert anchor(tail, _never) == (2, False)
    tail = _numbered(
        "Checking formatting...", "[warn] src/app.tsx", "[warn] src/app.css", "[warn] Code style issues found"
    )
    assert anchor(tail, _never) == (2, False)


def test_findings_after_the_last_error_cluster_win_over_it() -> None:
    tail = _numbered(
        "Unable to find image 'hadolint/hadolint:latest' locally",
        "latest: Pulling from hadolint/hadolint",
        "Pull complete",
        "-:4 DL3008 warning: Pin versions in apt get install.",
        "Process completed with exit code 1.",
    )
    assert anchor(tail, _never) == (4, True)


def test_a_host_and_port_is_not_a_finding() -> None:
    tail = _numbered(
        "error: could not start worker", "127.0.0.1:5000 - GET /health 200", "localhost:8080 ready", "exit 1"
    )
    assert anchor(tail, _never) == (1, True)


def test_a_finding_may_name_its_warning_after_the_line_number() -> None:
    # dialyzer's short format (``file:line:warning_name message``), below its own count line.
    tail = _numbered(
        "Total errors: 1, Skipped: 0, Unnecessary Skips: 0",
        "done in 0m2.01s",
        "lib/shop/cart.ex:42:no_return Function total/1 has no local return.",
        "done (warnings were emitted)",
        "Process completed with exit code 2.",
    )
    assert anchor(tail, _never) == (3, True)


RUSTC = (
    "   Compiling app v0.1.0 (/w/app)",
    "error[E0425]: cannot find value `x` in this scope",
    "  --> src/main.rs:4:13",
    "   |",
    "4 |     let y = x;",
    "   |             ^ not found in this scope",
    "",
    "error: aborting due to 1 previous error",
    "",
    "For more information about this error, try `rustc --explain E0425`.",
    'error: could not compile `app` (bin "app") due to 1 previous error',
    "Process completed with exit code 101.",
)


def test_rustcs_pointer_to_more_does_not_split_its_errors_from_cargos_verdict() -> None:
    # cargo's ``could not compile`` below rustc's pointer is the same failure: its first error[E...] anchors it.
    assert anchor(_numbered(*RUSTC), _never) == (2, True)


def test_rustcs_location_line_is_a_key_line_of_its_error() -> None:
    lines = _numbered(*RUSTC)
    kept = excerpt.block(lines, 2, _never)
    assert excerpt.key_lines(kept, 2, _never)[:2] == (2, 3)  # the error, then where it is


def test_the_details_above_a_count_only_summary_anchor_the_block() -> None:
    # A checker no rule knows prints its findings in its own shape, then counts them.
    tail = _numbered(
        "checking 12 manifests",
        "manifests/api.yaml: replicas must be a number",
        "manifests/web.yaml: image tag 'latest' is not allowed",
        "",
        "Found 2 errors.",
        "Process completed with exit code 1.",
    )
    assert anchor(tail, _never) == (2, True)
    counted = _numbered("checking 12 manifests", "", "", "", "Found 2 errors.", "Process completed with exit code 1.")
    assert anchor(counted, _never) == (5, True)  # nothing that says where above it: the count stays


def test_a_line_in_the_words_of_a_cause_is_an_error_line_and_no_epilogue() -> None:
    # npm's own lines say why it stopped, with no error word, under its tagged "complete log" epilogue.
    tail = _numbered(
        "npm notice 📦  @acme/ui@2.3.0",
        "npm ERR! code ENEEDAUTH",
        "npm ERR! need auth This command requires you to be logged in to https://registry.npmjs.org/",
        "",
        "npm ERR! A complete log of this run can be found in: /home/runner/.npm/_logs/x-debug-0.log",
        "Process completed with exit code 1.",
    )
    assert anchor(tail, _never) == (2, True)


def test_the_last_line_that_says_the_cause_is_no_exit_line() -> None:
    # An action's core.setFailed message is the section's last line: the cause, not an exit status.
    tail = _numbered(
        "Pushing pull request branch to 'origin/deps/update'",
        "Create or update the pull request",
        "GitHub Actions is not permitted to create or approve pull requests.",
    )
    assert anchor(tail, _never) == (3, True)
    assert anchor(_numbered("Create the release", "Release v2 done", "all good"), _never) == (1, False)
    # A message that reads as an error and is no runner's verdict is the action's own, with no cue word in it.
    download = ["Installing tool binary v1.65.0...", "Downloading binary https://example.com/tool.tar.gz ...", ""]
    assert anchor(_numbered(*download, "Failed to run: Error: Unexpected HTTP response: 404"), _never) == (4, True)
    # The runner's verdict is the exit line, however it reads.
    for verdict in ("Error: Process completed with exit code 1.", "ERROR: Job failed: exit code 1"):
        assert anchor(_numbered("fetching", "building", verdict), _never) == (1, False)


def test_the_words_of_a_cause_logged_mid_run_are_no_error_line() -> None:
    # A preview server's access log says "401 Unauthorized" after the checker's error, well above its last words.
    tail = _numbered(
        "site/a.md:3: error: broken link to /b",
        "rendering 12 pages",
        "writing sitemap",
        "copying assets",
        "hashing files",
        "indexing search",
        "compressing",
        "GET /admin 401 Unauthorized 2ms",
        "GET /b 304 1ms",
        "GET /c 304 1ms",
        "GET /d 304 1ms",
        "GET /e 304 1ms",
        "GET /f 304 1ms",
        "GET /g 304 1ms",
        "Process completed with exit code 1.",
    )
    assert anchor(tail, _never) == (1, True)


def test_a_calls_frame_is_never_the_error_though_its_method_is_named_so() -> None:
    tail = _numbered(
        "* Exception is:",
        "org.gradle.api.tasks.TaskExecutionException: Execution failed for task ':test'.",
        "\tat org.gradle.internal.Try$Failure.ifSuccessfulOrElse(Try.java:282)",
        "\tat org.gradle.api.internal.ErrorHandlingExecuter.execute(ErrorHandlingExecuter.java:49)",
        "    at Object.<anonymous> (/w/app/src/error.test.js:3:5)",
        "    at /w/app/src/errors.js:3:5",
        "\tat jdk.internal.reflect.FailingAccessor.invoke0(Native Method)",
        "Process completed with exit code 1.",
    )
    # (the task's exception only says a task failed: a symptom; the frames' method names are no error)
    assert anchor(tail, _never) == (1, True)


def test_a_line_that_only_starts_with_at_is_read_for_its_words() -> None:
    tail = _numbered("building", "  at least one error occurred in module a (see log)", "exit status 1")
    assert anchor(tail, _never) == (2, True)


def test_a_tally_that_counts_no_failure_is_not_the_error_a_finding_below_it_is() -> None:
    # KICS prints its run's counters first: "failed to execute: 0" says nothing failed; the finding does.
    tail = _numbered(
        "Files scanned: 9",
        "Queries failed to execute: 0",
        "",
        "S3 Bucket ACL Allows Read Or Write to All Users, Severity: HIGH, Results: 1",
        "Description: S3 Buckets should not be readable and writable to all users",
        "",
        "\t[1]: ../../builds/acme/infra/terraform/main.tf:14",
        "",
        '\t\t014:   acl    = "public-read-write"',
        "",
        "Results Summary:",
        "HIGH: 1",
        "ERROR: Job failed: exit code 50",
    )
    found = anchor(tail, _never)
    assert found is not None and found[0] >= 4
    # A count of some failures still is one.
    counted = _numbered("Files scanned: 9", "Queries failed to execute: 3", "ERROR: Job failed: exit code 1")
    assert anchor(counted, _never) == (2, True)


def test_among_a_tests_located_log_lines_the_anchor_is_the_one_that_says_it_failed() -> None:
    # A Go e2e test's t.Log lines: each has a source location; a check that agreed, a check skipped for a
    # reason with error words, then the failure.
    tail = _numbered(
        "    validation.go:46: [479.182s] Ethtool setting rx for NIC eth0: expected=1024, actual=1024",
        "    validation.go:47: [479.782s] No critical kernel issues found",
        "    validation.go:50: [479.902s] Skipping node-exporter validation: sentinel file /etc/x not found",
        "    validators.go:860: [489.721s] FAIL: the following systemd units have entered a failed state: [kms]",
        "    panic.go:636: [489.721s] validating VM failed (29.6s)",
        "",
        "DONE 147 tests, 127 skipped, 13 failures in 549.009s",
        "##[error]Script failed with exit code: 1",
    )
    assert anchor(tail, _never) == (4, True)
    # A comparison that did not agree is the failure.
    differs = _numbered("    validation.go:46: rx for NIC eth0: expected=1024, actual=512", "FAIL", "exit status 1")
    assert anchor(differs, _never) == (1, True)


def test_a_located_assertion_without_an_error_word_stays_the_first_error() -> None:
    tail = _numbered(
        "    x_test.go:46: got 3, want 4", "    x_test.go:50: unexpected error: EOF", "--- FAIL: TestX", "FAIL"
    )
    assert anchor(tail, _never) == (1, True)


def test_a_tally_that_only_counts_the_findings_above_it_gives_way_to_their_first_line() -> None:
    # htmlhint: a file's findings, with no error word, then its count (no verdict's shape at the line's start).
    tail = _numbered(
        "   /w/site/public/index.html",
        '      L12 |    <img src="/img/logo.png">',
        "                ^ An alt attribute must be present on <img> elements. (alt-require)",
        "",
        "Scanned 8 files, found 2 errors in 1 files (18 ms)",
        "##[error]Process completed with exit code 1.",
    )
    assert anchor(tail, _never) == (1, True)
