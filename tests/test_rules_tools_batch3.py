"""Rules from tools' documented messages (Go's missing tool, Bazel's test summary, Terraform's registry,
template parsers, linkchecker's summary, R CMD check's examples), on small synthetic logs."""

from __future__ import annotations

import pytest

from autoheal.rules import default_ruleset
from tests.helpers import assert_named, triage_text

RS = default_ruleset()

GO_TOOL = """##[group]Run go test -coverprofile=cover.out ./...
##[endgroup]
# example.com/app/cmd/server
go: no such tool "covdata"
ok  \texample.com/app/internal/store\t0.412s\tcoverage: 81.0% of statements
##[error]Process completed with exit code 1.
"""
BAZEL = """INFO: Build completed, 1 test FAILED, 12 total actions
//lib/parse:parse_test                                  PASSED in 1.2s
//lib/render:render_test                                FAILED in 2 out of 2 in 0.9s
  /home/ci/.cache/bazel/out/k8-fastbuild/testlogs/lib/render/render_test/test.log

Executed 2 out of 2 tests: 1 test passes and 1 fails locally.
"""
TERRAFORM = """Initializing provider plugins...
- Finding hashicorp/aws versions matching "~> 5.0"...
╷
│ Error: Failed to query available provider packages
│
│ Could not retrieve the list of available versions for provider hashicorp/aws:
│ could not query provider registry for registry.terraform.io/hashicorp/aws: the
│ request failed after 2 attempts, please try again later: context deadline exceeded
╵
Error: Process completed with exit code 1.
"""
QUTE = """[INFO] --- quarkus:3.8.1:build (default) @ shop ---
[ERROR] Failed to execute goal io.quarkus.platform:quarkus-maven-plugin:3.8.1:build (default) on project shop: Failed to build quarkus application
[ERROR] \t[error]: Build step io.quarkus.qute.deployment.QuteProcessor#analyzeTemplates threw an exception: io.quarkus.qute.TemplateException: Parser error in template [CartResource/cart.html:12]: no section helper found for {#fi}
[ERROR] -> [Help 1]
"""
JINJA = """Traceback (most recent call last):
  File "render.py", line 9, in <module>
    env.get_template("index.html.j2")
jinja2.exceptions.TemplateSyntaxError: Unexpected end of template. Jinja was looking for 'endfor'.
"""
LINKCHECKER = """URL        `missing.html'
Parent URL file:///work/site/index.html, line 40, col 9
Result     Error: URLError: <urlopen error [Errno 2] No such file or directory>

Statistics:
That's it. 812 links in 790 URLs checked. 3 warnings found. 1 error found.
Stopped checking at 2026-01-01 10:00:00+000 (12 seconds)
"""
R_EXAMPLES = """* checking data for ASCII and uncompressed saves ... OK
* checking examples ... ERROR
Running examples in 'tidyx-Ex.R' failed
The error most likely occurred in:

> tidy_up(df2)
Error in tidy_up(df2) : object 'df2' not found
Execution halted
* DONE
Status: 1 ERROR
"""


@pytest.mark.parametrize(
    ("log", "category", "rule", "line"),
    [
        (GO_TOOL, "command.not.found", "go.tool-missing", 4),
        (BAZEL, "test.failure", "bazel.test-failed", 3),
        (TERRAFORM, "network", "terraform.registry-unreachable", 7),  # not the deadline's timeout
        (QUTE, "syntax.error", "template.parse-error", 3),
        (JINJA, "syntax.error", "template.parse-error", 4),
        (LINKCHECKER, "lint.error", "docs.link-checker", 3),  # the broken link, not only the count
        (R_EXAMPLES, "test.failure", "r.testthat", 2),
    ],
)
def test_a_tools_documented_message_names_the_failure(log: str, category: str, rule: str, line: int) -> None:
    assert_named(log, RS, category, rule, line)


def test_what_the_tools_print_when_all_is_well_is_no_failure() -> None:
    passing = (
        "//lib/render:render_test    PASSED in 0.9s\n"
        "Executed 1 out of 1 test: 1 test passes.\n"
        "That's it. 812 links in 790 URLs checked. 0 warnings found. 0 errors found.\n"
        "* checking examples ... OK\n"
    )
    d = triage_text(passing, RS, "job.txt", name="job.txt")
    assert d.rule not in {"bazel.test-failed", "docs.link-checker", "r.testthat"}


MELOS_ANALYZE = """$ melos exec
  └> dart analyze --fatal-infos
[app_core]: Analyzing app_core...
[app_core]:    info - lib/src/cart.dart:12:3 - Sort constructor declarations before other members. - sort_constructors_first
[app_core]: 1 issue found.
     └> FAILED (in 1 packages)
        └> app_core (with exit code 1)
ScriptException: The script analyze failed to execute.
"""
FLUTTER_ANALYZE = """Analyzing shop...

   info • Prefer const with constant constructors • lib/main.dart:9:12 • prefer_const_constructors

1 issue found. (ran in 4.1s)
Error: Process completed with exit code 1.
"""


@pytest.mark.parametrize(("log", "line"), [(MELOS_ANALYZE, 5), (FLUTTER_ANALYZE, 5)])  # the count says it failed
def test_the_dart_analyzers_findings_are_lint(log: str, line: int) -> None:
    d = triage_text(log, RS, "job.txt", name="job.txt")
    assert (d.category, d.rule) == ("lint.error", "dart.analyze-issues")
    assert line in d.key_lines


RSPEC_TIMEOUT = """Failures:

  1) Client#get gives up on a slow server
     Failure/Error: response = client.get("/slow")

     Timeout::Error:
       execution expired
     # ./spec/client_spec.rb:14:in `block (2 levels) in <top (required)>'

Finished in 5.02 seconds (files took 0.31 seconds to load)
1 example, 1 failure
"""


def test_rubys_timeout_error_inside_a_failing_example_is_a_timeout() -> None:
    d = triage_text(RSPEC_TIMEOUT, RS)
    assert (d.category, d.rule) == ("timeout", "ruby.timeout-error")
