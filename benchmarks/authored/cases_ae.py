"""Authored cases, batch ae: where a block starts and ends when the lines around it look like it. A
previous tool's or finding's tail a blank line above a block with no header (it is not the block's
lead-in), a check tool's section heading over the failure it reports (R CMD check's ``* checking tests
...``), a ``begin diff`` head over a diff, a second failing TAP point up to its closing ``...``. Several
CI shapes and ecosystems. Labelled before triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, plain, travis

# ---------------------------------------------------------------- a blank line ends the lines leading to a block

case(
    "ae-clippy-warning-above-error-gha",
    "lint.error",
    "high",
    gha(
        "acme/ringbuf-rs",
        "lint",
        [
            Step(
                "cargo clippy --all-targets -- -D warnings",
                f"""    Checking ringbuf v0.4.2 (/home/runner/work/ringbuf-rs/ringbuf-rs)
note: the lint level is defined here
  --> src/lib.rs:3:9
   |
3  | #![warn(clippy::pedantic)]
   |         ^^^^^^^^^^^^^^^^
   = note: `#[warn(clippy::doc_markdown)]` implied by `#[warn(clippy::pedantic)]`

{MARK}error: this `if` has identical blocks
{MARK}  --> src/buffer.rs:88:21
{MARK}   |
{MARK}88 |           if self.head == self.tail {{
{MARK}   |  _____________________^
{MARK}89 | |             return None;
{MARK}90 | |         }} else {{
{MARK}   | |_________^
{MARK}   |
{MARK}   = help: for further information visit https://rust-lang.github.io/rust-clippy/master/index.html#if_same_then_else
{MARK}   = note: `-D clippy::if-same-then-else` implied by `-D warnings`
{MARK}
{MARK}error: could not compile `ringbuf` (lib) due to 1 previous error""",
                code=101,
            ),
        ],
    ),
    "error: this `if` has identical blocks",
    "clippy: the tail of a note's code frame a blank line above the error is not the error's lead-in",
)

case(
    "ae-shellcheck-after-other-file-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/deploy-scripts",
        "koalaman/shellcheck-alpine:stable",
        [
            Step(
                "shellcheck scripts/*.sh",
                f"""In scripts/backup.sh line 12:
  tar czf "$dest" $src
                  ^--^ SC2086 (info): Double quote to prevent globbing and word splitting.

{MARK}In scripts/deploy.sh line 40:
{MARK}  cd $APP_DIR
{MARK}  ^---------^ SC2164 (warning): Use 'cd ... || exit' or 'cd ... || return' in case cd fails.
{MARK}
{MARK}In scripts/deploy.sh line 41:
{MARK}  rm -rf "$BUILD"/
{MARK}         ^------^ SC2115 (error): Use "${{var:?}}" to ensure this never expands to / .
{MARK}
{MARK}For more information:
{MARK}  https://www.shellcheck.net/wiki/SC2115 -- Use "${{var:?}}" to ensure this n...""",
                code=1,
            ),
        ],
    ),
    'rm -rf "$BUILD"/',
    "shellcheck: findings of one file; an info finding of another file a blank line above is not the block's lead-in",
)

# ---------------------------------------------------------------- a check tool's section heading over its failure

case(
    "ae-r-cmd-check-tests-heading-gha",
    "test.failure",
    "high",
    gha(
        "acme/tidyspan",
        "R-CMD-check (ubuntu-latest, release)",
        [
            Step(
                "R CMD check --no-manual tidyspan_0.3.1.tar.gz",
                f"""* checking examples ... OK
* checking for unstated dependencies in 'tests' ... OK
{MARK}* checking tests ...
{MARK}  Running 'testthat.R'
{MARK} ERROR
{MARK}Running the tests in 'tests/testthat.R' failed.
{MARK}Last 13 lines of output:
{MARK}  [ FAIL 1 | WARN 0 | SKIP 0 | PASS 41 ]
{MARK}
{MARK}  == Failed tests ================================================================
{MARK}  -- Failure ('test-span.R:22:3'): spans merge when they overlap --------------
{MARK}  merge_spans(x) (`actual`) not equal to `expected`.
{MARK}
{MARK}  `actual`:   3
{MARK}  `expected`: 2
{MARK}
{MARK}  [ FAIL 1 | WARN 0 | SKIP 0 | PASS 41 ]
{MARK}  Error: Test failures
{MARK}  Execution halted
* checking PDF version of manual ... SKIPPED
* DONE

Status: 1 ERROR""",
                code=1,
            ),
        ],
    ),
    "merge_spans(x) (`actual`) not equal to `expected`.",
    "R CMD check: the failure under its `* checking tests ...` heading, from the heading to `Execution halted`",
)

# ---------------------------------------------------------------- a diff's head over the diff

case(
    "ae-generated-files-begin-diff-travis",
    "lint.error",
    "high",
    travis(
        "acme/protoc-gen-lite",
        "go",
        [
            Step("go generate ./...", "generating api/v1/types.pb.go"),
            Step(
                "./scripts/check-generated.sh",
                f"""checking that generated files are up to date
{MARK}generated files differ from the committed ones:
{MARK}--- begin diff ---
{MARK}diff --git a/api/v1/types.pb.go b/api/v1/types.pb.go
{MARK}--- a/api/v1/types.pb.go
{MARK}+++ b/api/v1/types.pb.go
{MARK}@@ -12,7 +12,7 @@ type Span struct {{
{MARK}-	Start int32 `protobuf:"varint,1,opt,name=start"`
{MARK}+	Start int64 `protobuf:"varint,1,opt,name=start"`
{MARK}--- end diff ---
{MARK}run 'go generate ./...' and commit the result""",
                code=1,
            ),
        ],
    ),
    "generated files differ from the committed ones:",
    "an in-house check: its verdict, the diff between `begin diff` and `end diff`, and what to do",
)

# ---------------------------------------------------------------- a further failure up to its own end

case(
    "ae-tap-two-failures-plain",
    "test.failure",
    "high",
    plain(
        f"""$ tape test/*.js | tee tap.out
TAP version 13
# parse
ok 1 should parse a date
{MARK}not ok 2 should parse a time zone
{MARK}  ---
{MARK}    operator: equal
{MARK}    expected: '+02:00'
{MARK}    actual:   'Z'
{MARK}    at: Test.<anonymous> (/src/test/parse.js:18:5)
{MARK}  ...
{MARK}# format
{MARK}not ok 3 should pad the month
{MARK}  ---
{MARK}    operator: equal
{MARK}    expected: '2024-03-01'
{MARK}    actual:   '2024-3-01'
{MARK}    at: Test.<anonymous> (/src/test/format.js:9:5)
{MARK}  ...
{MARK}
{MARK}1..3
{MARK}# tests 3
{MARK}# pass  1
{MARK}# fail  2""",
        name="datefmt",
    ),
    "not ok 2 should parse a time zone",
    "tape (TAP): two failing points, each up to its YAML block's closing `...`, then the tally",
)
