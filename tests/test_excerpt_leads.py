"""How far an excerpt's block reaches at its head and its tail (several ecosystems).

Synthetic logs written for these tests; each names the mechanism it checks.
"""

from __future__ import annotations

from tests.helpers import block_shown as _shown


def test_the_line_that_opens_a_build_drivers_report_heads_its_block() -> None:
    # Gradle: the verdict line, a blank line, then the report's heading.
    gradle = ["> Task :app:compileJava", "FAILURE: Build failed with an exception.", "", "* What went wrong:"]
    gradle += ["Execution failed for task ':app:compileJava'.", "> Could not resolve all files for configuration."]
    gradle += ["   > Could not find org.acme:widgets:2.1.0.", "", "* Try:"]
    assert _shown(gradle, 7)[:3] == [2, 3, 4]
    # nix: the builder's failure introduces the build's last lines, indented under it.
    nix = [
        "building '/nix/store/abc-app.drv'...",
        "error: builder for '/nix/store/abc-app.drv' failed with exit code 2;",
    ]
    nix += [
        "       last 3 log lines:",
        "       > src/main.c:4:1: error: expected ';' before '}' token",
        "       > make: *** [all]",
    ]
    assert _shown(nix, 4)[0] == 2
    # R CMD check: the check's status word on its own line, above what failed.
    r = ["* checking tests ...", "  Running 'testthat.R'", " ERROR", "Running the tests in 'tests/testthat.R' failed."]
    r += ["Last 3 lines of output:", "  ── Failure ('test-io.R:4:3'): reads a file ──", "  `read(x)` not equal to 3."]
    assert _shown(r, 6)[0] == 1  # (and the check it announced above, leads._announced)
    # Without its lead (a block of further evidence) the block starts at its heading.
    assert _shown(gradle, 7, lead=False)[0] == 4


def test_a_commands_exit_line_or_the_runners_own_line_never_opens_the_next_block() -> None:
    # make's exit line closes the compiler's output above it; the next command's failure starts on its own.
    lines = ["make: *** [Makefile:12: build] Error 1", "Traceback (most recent call last):"]
    lines += ['  File "deploy.py", line 3, in <module>', "ImportError: cannot import name 'client'"]
    assert _shown(lines, 4)[0] == 2
    travis = ['The command "npm run build" exited with 1.', "FAIL src/app.test.js", "  ● renders the header"]
    travis += ["    expect(received).toBe(expected)"]
    assert _shown(travis, 3)[0] == 2
    go = ["--- FAIL: TestA (0.00s)", "    a_test.go:3: boom", "exit status 1", "--- FAIL: TestB (0.00s)"]
    go += ["    b_test.go:9: want 2, got 3"]
    assert _shown(go, 5)[0] == 4


def test_a_diffs_hunk_is_shown_to_its_last_line_whatever_the_lines_hold() -> None:
    # shfmt -d: the hunk's last context line is the script's own ``exit 1``, not the check's exit.
    shfmt = ["--- ci/release.sh.orig", "+++ ci/release.sh", "@@ -7,4 +7,4 @@", ' if [ -z "$TAG" ]; then']
    shfmt += ["-echo missing tag>&2", "+\techo missing tag >&2", "   exit 1", "Post job cleanup."]
    assert _shown(shfmt, 1) == [1, 2, 3, 4, 5, 6, 7]
    # gofmt -d: a context line calling os.Exit(2), then the next command's output is another block.
    gofmt = ["diff -u main.go.orig main.go", "--- main.go.orig", "+++ main.go", "@@ -10,3 +10,3 @@"]
    gofmt += ["-\tif err!=nil {", "+\tif err != nil {", " \t\tos.Exit(2)", "exit status 1", "Downloading go1.22"]
    shown = _shown(gofmt, 1)
    assert 7 in shown and 9 not in shown
    # A hunk header's counts bound it: a shorter hunk ends where its counts are spent.
    short = ["--- a/x.sh", "+++ b/x.sh", "@@ -1 +1 @@", "-exit  1", "+exit 1", " exit 0", "fi"]
    assert 6 not in _shown(short, 1)


def test_a_pointer_to_more_below_a_verdict_closes_the_block_with_the_line_after_it() -> None:
    # rustc: the verdict, a blank line, its pointer to the explanation, then cargo's own verdict.
    rust = ["error[E0308]: mismatched types", " --> src/lib.rs:4:5", "  |", '4 |     "x"', "  |     ^^^ expected `u32`"]
    rust += ["", "error: aborting due to 1 previous error", ""]
    rust += ["For more information about this error, try `rustc --explain E0308`."]
    rust += [
        "error: could not compile `app` (lib) due to 1 previous error",
        'The command "cargo build" exited with 101.',
    ]
    assert _shown(rust, 1) == list(range(1, 11))
    # Without a pointer the verdict ends the block: the next command's error is not its line.
    plain = rust[:7] + ["", "error: failed to upload coverage"]
    assert _shown(plain, 1)[-1] == 7


def test_a_code_frame_above_the_message_is_its_own_and_the_location_above_leads_it() -> None:
    # PowerShell: the command and script location, the frame's gutter lines, then the message.
    ps = ["Building installer", "Copy-Item: C:\\a\\src\\build.ps1:9", "Line |", "   9 |  Copy-Item dist/app.msi out/"]
    ps += [
        "     |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
        "     | Cannot find path 'C:\\a\\src\\dist\\app.msi' because it does not exist.",
    ]
    assert _shown(ps, 6)[0] == 2
    # Indented lines that are no frame still carry the block only up to an error line above them.
    gradle = ["> Task :compileJava", "Note: Some input files use unchecked operations.", "    private Store store;"]
    gradle += ["            ^", "> Task :test", "StoreTest > saves() FAILED"]
    assert _shown(gradle, 6)[0] >= 4


def test_a_report_framed_between_two_identical_rules_starts_at_the_upper_one() -> None:
    # go's race detector: a rule, its title, the stacks, the same rule, then the failing test.
    race = [
        "=== RUN   TestCache",
        "==================",
        "WARNING: DATA RACE",
        "Write at 0x00c0000a4010 by goroutine 9:",
    ]
    race += [
        "  example.com/cache.(*Cache).Put()",
        "      /src/cache.go:40 +0x5c",
        "",
        "Previous read at 0x00c0000a4010:",
    ]
    race += [
        "  example.com/cache.(*Cache).Get()",
        "      /src/cache.go:31 +0x44",
        "==================",
        "--- FAIL: TestCache",
    ]
    race += ["    testing.go:1398: race detected during execution of test", "FAIL"]
    assert _shown(race, 12)[0] == 2
    # A table framed by rules, with no title saying what went wrong, is not taken up with the verdict.
    cov = ["Name      Stmts   Miss  Cover", "-" * 30, "app.py       40     9    78%", "-" * 30]
    cov += [
        "TOTAL        40     9    78%",
        "",
        "FAIL Required test coverage of 90% not reached. Total coverage: 78.00%",
    ]
    assert _shown(cov, 7)[0] >= 4


def test_a_message_a_tool_wrapped_goes_on_below_whatever_its_wrapped_part_says() -> None:
    # Ruby's mkmf: the wrapped part says "for more details", which alone reads as a pointer to elsewhere.
    mkmf = [
        "Installing pg 1.5.4 with native extensions",
        "Gem::Ext::BuildError: ERROR: Failed to build gem native extension.",
    ]
    mkmf += ["checking for pg_config... no", "*** extconf.rb failed ***"]
    mkmf += ["Could not create Makefile due to some reason, probably lack of necessary"]
    mkmf += ["libraries and/or headers.  Check the mkmf.log file for more details.  You may"]
    mkmf += ["need configuration options.", 'The command "bundle install" failed and exited with 5 during .']
    assert _shown(mkmf, 2)[-1] == 7
    # A new record after a long line is no wrapped part: npm's prefixed lines, a compiler's warning.
    npm = ["12 07 2024 10:00:01.123:ERROR [launcher]: Cannot start ChromeHeadless, it exited unexpectedly"]
    npm += ["npm ERR! code ELIFECYCLE", "npm ERR! errno 1"]
    assert _shown(npm, 1) == [1]
    cargo = ["error: could not compile `tomlish` (lib test) due to 1 previous error because of a missing name"]
    cargo += ["warning: build failed, waiting for other jobs to finish..."]
    assert _shown(cargo, 1) == [1]


def test_the_progress_line_a_block_is_indented_under_heads_it() -> None:
    # pip: the requirement being collected, its failure indented under it.
    pip = ["Collecting requests==2.31.0", "  Downloading requests-2.31.0-py3-none-any.whl (62 kB)"]
    pip += ["Collecting nosuchpkg==9.9 (from -r requirements.txt (line 4))"]
    pip += ["  Could not find a version that satisfies the requirement nosuchpkg==9.9 (from versions: 0.1)"]
    pip += ["ERROR: No matching distribution found for nosuchpkg==9.9"]
    assert _shown(pip, 4) == [3, 4, 5]
    # A download the error is indented under (a setup script fetching a tool).
    curl = ["Downloading https://example.com/tools/protoc-25.1-linux-x86_64.zip"]
    curl += ["  curl: (22) The requested URL returned error: 404", "  unzip:  cannot find or open protoc.zip"]
    assert _shown(curl, 2)[0] == 1
    # A passing test or the runner's own line above an indented error never heads it.
    go = ["--- PASS: TestParse (0.00s)", "    helpers_test.go:40: error: fixture missing, skipped"]
    assert _shown(go, 2)[0] == 2
    gha = ["##[endgroup]", "  Error: Unable to locate executable file: terraform"]
    assert _shown(gha, 2)[0] == 2


_RECORD = ["URL        `https://example.test/old`", "Name       `old page`"]
_RECORD += ["Parent URL file:///docs/index.html, line 12, col 4", "Result     Error: 404 Not Found"]


def test_a_blocks_paragraph_head_a_few_lines_above_it_heads_it() -> None:
    # A link checker's record: its first fields carry no error word; the blank line above opens it.
    lines = ["checking 412 links", "fetched 412 pages", "", *_RECORD, "", "That's it. 1 error found."]
    assert _shown(lines, 7)[0] == 4


def test_lines_above_a_block_with_no_blank_line_opening_them_soon_are_no_head() -> None:
    fetched = [f"fetched {n} pages" for n in range(100, 700, 100)]
    lines = ["checking 600 links", "", *fetched, *_RECORD[2:]]
    assert 3 not in _shown(lines, 10)
    # Nor the build's progress under a blank line: Gradle's tasks above a compiler's error.
    gradle = ["", "> Task :app:processResources", "> Task :app:kaptKotlin", "> Task :app:compileJava"]
    gradle += ["Foo.java:3: error: cannot find symbol", "  symbol: class Bar"]
    assert 2 not in _shown(gradle, 5)
