"""The words of a generic error block that name its failure: errno texts, fatal signals, HTTP status
lines, time limits; one category for a block only when its cue lines agree."""

from __future__ import annotations

import pytest

from autoheal import cues, verdicts


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("sitegen: cannot write /opt/site/a.html: Read-only file system", "permission"),
        ("open /var/cache/x: EROFS", "permission"),
        ("pack: write rootfs.img: Disk quota exceeded", "resource.exhausted"),
        ("tar: out.tar: Cannot write: No space left on device", "resource.exhausted"),
        ("ci.sh: line 3:  4121 Killed                  ./bin/render", "resource.exhausted"),
        ("Killed", "resource.exhausted"),
        ("run.sh: line 9: 77 Segmentation fault      (core dumped) ./vm", "crash"),
        ("Aborted (core dumped)", "crash"),
        ("dial tcp 10.0.0.5:5432: connect: connection refused", "network"),  # Go prints strerror in lower case
        ("psql: could not connect to server: Connection refused", "network"),
        ("curl: (7) Failed to connect: Connection timed out", "network"),
        ("2026-01-14 10:02:12 ERROR 503: Service Unavailable.", "network"),
        # Node's, Go's, curl's and urllib3's words for a connection that failed.
        ('error An unexpected error occurred: "https://registry.example/a.tgz: ESOCKETTIMEDOUT".', "network"),
        ("npm ERR! request to https://registry.example/x failed, reason: getaddrinfo EAI_AGAIN registry", "network"),
        ("Get https://proxy.example/mod/@v/list: dial tcp 10.1.2.3:443: i/o timeout", "network"),
        ("fetch failed: lookup proxy.example on 127.0.0.53:53: no such host", "network"),
        ("curl: (6) Could not resolve host: downloads.example.org", "network"),
        ("curl: (28) Failed to connect to ghcr.example port 443 after 75003 ms: Couldn't connect to server", "network"),
        (
            "[!] CDN: trunk URL couldn't be downloaded: https://cdn.example/x.txt Response: Timeout was reached",
            "network",
        ),
        (
            "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='x', port=443): Max retries exceeded with url: /",
            "network",
        ),
        ("fatal: unable to access 'https://x/': The requested URL returned error: 403", "permission"),
        ("HTTP/1.1 429 Too Many Requests", "rate.limit"),
        (
            "urllib3.exceptions.MaxRetryError: HTTPSConnectionPool(host='api.x', port=443): Max retries exceeded"
            " with url: /v1 (Caused by ResponseError('too many 429 error responses'))",
            "rate.limit",
        ),
        ("  code: 'ECONNABORTED',", None),  # axios' code for its own timeout (``timeout of 5000ms exceeded``)
        ("HTTP/1.1 401 Unauthorized", "credentials"),
        ("error: request timed out after 30s", "timeout"),
        ("rpc error: code = DeadlineExceeded desc = context deadline exceeded", "timeout"),
        ("  Disconnected, because no message in 30000 ms.", "timeout"),
        ("No output has been received in the last 10m0s", "timeout"),
        ("./ci.sh: line 4: shellcheck: command not found", "command.not.found"),
        ("'make' is not recognized as an internal or external command,", "command.not.found"),
        ("pwsh: The term 'nuget' is not recognized as a name of a cmdlet, function, script file", "command.not.found"),
        ("./release.sh: line 44: syntax error near unexpected token `fi'", "syntax.error"),
        # A runtime's own crash report.
        ("==812==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6020", "crash"),
        ("lib/q.c:40:9: runtime error: load of null pointer of type 'int'", "crash"),
        ("SUMMARY: ThreadSanitizer: data race lib/q.c:12 in push", "crash"),
        ("Fatal Python error: Aborted", "crash"),
        ("# A fatal error has been detected by the Java Runtime Environment:", "crash"),
        ("panic: runtime error: invalid memory address or nil pointer dereference", "crash"),
        ("fatal error: all goroutines are asleep - deadlock!", "crash"),
        ("Kernel pid terminated (application_controller) ({application_start_failure,app,x})", "crash"),
        ("Crash dump is being written to: erl_crash.dump...done", "crash"),
        ("Error in process <0.9.0> with exit value: {undef,[{m,f,[],[]}]}", "crash"),
        ("lib/q.c:1:10: fatal error: q.h: No such file or directory", None),  # a compiler's, not a runtime's
        ("panic: test timed out after 10m0s", "timeout"),  # Go's own test limit, not a crash
        # A build tool's "nothing to run here".
        ("No Rakefile found (looking for: rakefile, Rakefile, rakefile.rb, Rakefile.rb)", "config.error"),
        ('npm ERR! Missing script: "lint"', "config.error"),
        ("make: *** No targets specified and no makefile found.  Stop.", "config.error"),
        ("make: *** No rule to make target 'lint'.  Stop.", "config.error"),
        ("make: *** No rule to make target 'gen/api.h', needed by 'api.o'.  Stop.", None),  # a missing file
        (
            "[ERROR] The goal you specified requires a project to execute but there is no POM in this directory",
            "config.error",
        ),
        ("Task 'integrationTest' not found in root project 'app'.", "config.error"),
        ('CMake Error: The source directory "/src" does not appear to contain CMakeLists.txt.', "config.error"),
        ("error: could not find `Cargo.toml` in `/work` or any parent directory", "config.error"),
        ("WARNING: retrying: Connection refused", None),  # a warning did not fail the job
        ("xargs: shellcheck: No such file or directory", "command.not.found"),  # a launcher's program
        ("/usr/bin/env: 'node': No such file or directory", "command.not.found"),
        ("cp: cannot stat 'dist/app': No such file or directory", None),  # a file or an executable: ambiguous
        # An open or a stat of a path (Go's os.PathError, Node's fs errors) names a file.
        ("Error: load: open /src/overlays/prod/svc.yaml: no such file or directory", "file.not.found"),
        ("lstat charts/web/values-prod.yaml: no such file or directory", "file.not.found"),
        ("Error: ENOENT: no such file or directory, open '/w/app/tsconfig.build.json'", "file.not.found"),
        ("fork/exec /usr/local/bin/protoc: no such file or directory", None),  # an exec: the program
        ("GET /health 404 Not Found", None),  # a missing artifact, a stale index or a wrong URL
        ("compiling 3 modules", None),
        # Zig's error names, as Bun prints them.
        ("error: ConnectionRefused downloading package manifest typescript", "network"),
        ("error: FailedToOpenSocket downloading package manifest @types/node", "network"),
        ("const ConnectionRefusedHandler = makeHandler();", None),  # a name that only begins with one
        ("44 |           description: not found", None),  # a quoted source line's text
        ("  7 │ cmd: ./missing: command not found", None),
    ],
)
def test_a_line_names_the_category_of_its_documented_words(line: str, category: str | None) -> None:
    assert cues.line_category(line) == category


def test_a_block_is_named_only_when_its_cue_lines_agree() -> None:
    assert cues.category(["writing cache", "cache: Read-only file system", "gave up"]) == "permission"
    assert cues.category(["db: Connection refused", "worker: Segmentation fault"]) is None
    assert cues.category(["building", "done"]) is None


def test_a_tally_of_failing_tests_says_the_cue_above_it_is_one_tests_output() -> None:
    assert verdicts.tests_failed(["  Error: request timed out", "  1 failed", "  11 passed"])
    assert not verdicts.tests_failed(["0 failed", "12 passed"])


def test_a_runtimes_crash_report_is_a_crash_cue() -> None:
    assert cues.line_category("==12==ERROR: AddressSanitizer: heap-use-after-free on address 0x6020") == "crash"
    assert cues.line_category("Fatal Python error: Segmentation fault") == "crash"
    assert cues.line_category("SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior a.c:3:1") == "crash"
