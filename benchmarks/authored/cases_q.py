"""Authored cases, batch q: each CI's own log shape, with lines in a job's output that look like
another CI's markers (a Jenkins plugin's test printing ``[Pipeline]`` lines inside a GitHub Actions
job, a GitLab job testing a GitHub Actions log parser, ``--- `` and ``+++ `` in Buildkite and in Go
output), Azure's ``##vso`` logging commands, Buildkite's ``^^^ +++``, CircleCI's run-step shell line
and exit lines, and ``gh run view --log`` and ``--log-failed`` output.
Labelled before triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.cases_m import gh_cli
from benchmarks.authored.noise import npm_ci, setup_go, setup_java, setup_node
from benchmarks.authored.shapes import MARK, Log, Step, azure, gha, gitlab, jenkins


def raw(text: str) -> Log:
    """A log written line by line as the CI prints it (``§`` marks the labelled lines)."""
    log = Log()
    log.add(text)
    return log


# ---------------------------------------------------------------- GitHub Actions, another CI's lines in its output

case(
    "q-gha-jenkins-plugin-test-prints-pipeline",
    "test.failure",
    "high",
    gha(
        "acme/pipeline-graph-plugin",
        "build",
        [
            setup_java("17"),
            Step(
                "mvn -B -ntp verify",
                f"""[INFO] Running io.acme.graph.StageGraphTest
[Pipeline] Start of Pipeline
[Pipeline] {{ (Build)
[Pipeline] echo
building
[Pipeline] }}
[Pipeline] {{ (Deploy)
Stage "Deploy" skipped due to earlier failure(s)
[Pipeline] End of Pipeline
ERROR: script returned exit code 1
Finished: FAILURE
{MARK}[ERROR] Tests run: 6, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 4.213 s <<< FAILURE! -- in io.acme.graph.StageGraphTest
{MARK}[ERROR] io.acme.graph.StageGraphTest.skippedStageIsGrey -- Time elapsed: 1.02 s <<< FAILURE!
{MARK}org.opentest4j.AssertionFailedError: expected: <NOT_EXECUTED> but was: <FAILURE>
	at io.acme.graph.StageGraphTest.skippedStageIsGrey(StageGraphTest.java:88)
[INFO]
[INFO] Results:
[INFO]
[ERROR] Failures:
[ERROR]   StageGraphTest.skippedStageIsGrey:88 expected: <NOT_EXECUTED> but was: <FAILURE>
[INFO]
[ERROR] Tests run: 41, Failures: 1, Errors: 0, Skipped: 0
[INFO] BUILD FAILURE""",
                code=1,
            ),
        ],
    ),
    "expected: <NOT_EXECUTED> but was: <FAILURE>",
    "the [Pipeline] lines and 'ERROR: script returned exit code 1' are a fixture's output inside a GitHub Actions job",
)

# ---------------------------------------------------------------- GitLab, GitHub Actions lines in a spec's output

case(
    "q-gitlab-rspec-prints-gha-annotations",
    "test.failure",
    "high",
    gitlab(
        "acme/log-lens",
        "ruby:3.3",
        [
            Step("bundle install --jobs 4", "Bundle complete! 21 Gemfile dependencies, 48 gems now installed."),
            Step(
                "bundle exec rspec",
                f"""Randomized with seed 40211
..........F...

Failures:

{MARK}  1) LogLens::Parser reads the exit line of a step
{MARK}     Failure/Error: expect(step.exit_code).to eq(2)
{MARK}
{MARK}       expected: 2
{MARK}            got: 1
     # ./spec/parser_spec.rb:31:in `block (2 levels) in <top (required)>'
     # fixture: ##[group]Run make test
     # fixture: ##[error]Process completed with exit code 2.

Finished in 0.218 seconds (files took 0.61 seconds to load)
14 examples, 1 failure

Failed examples:

rspec ./spec/parser_spec.rb:27 # LogLens::Parser reads the exit line of a step""",
                code=1,
            ),
        ],
    ),
    "Failure/Error: expect(step.exit_code).to eq(2)",
)

# ---------------------------------------------------------------- Jenkins pipeline, Go verdicts and diff headers

case(
    "q-jenkins-go-test-diff",
    "test.failure",
    "high",
    jenkins(
        "acme/router",
        "router/main",
        [
            Step("go mod download", "", name="Deps"),
            Step(
                "go test ./...",
                f"""ok  	github.com/acme/router/internal/cache	0.012s
=== RUN   TestRouteTable
{MARK}--- FAIL: TestRouteTable (0.00s)
{MARK}    table_test.go:44: routes differ:
{MARK}        --- want
{MARK}        +++ got
{MARK}        -/api/v1/users
{MARK}        +/api/v1/user
FAIL
FAIL	github.com/acme/router	0.019s
FAIL""",
                code=1,
                name="Test",
            ),
            Step("make release", "", name="Release"),
        ],
    ),
    "--- FAIL: TestRouteTable",
)

# ---------------------------------------------------------------- Azure Pipelines, a script's logging commands

case(
    "q-azure-vso-licence-check",
    "lint.error",
    "medium",
    azure(
        "acme/widgets",
        "Job",
        [
            Step("npm ci", npm_ci(812), name="Install"),
            Step(
                "npx license-checker --production --failOn 'GPL-3.0'",
                f"""Checking licences of 812 packages
{MARK}##vso[task.logissue type=error]Found license defined by the --failOn flag: "GPL-3.0" in left-pad-gpl@1.3.0
##vso[task.complete result=Failed;]licence check failed""",
                name="Licence check",
            ),
        ],
    ),
    'Found license defined by the --failOn flag: "GPL-3.0"',
    "the task fails by its logging command, with no exit line: a licence checker is a checker (lint.error)",
)

case(
    "q-azure-npm-eresolve",
    "dependency.resolution",
    "high",
    azure(
        "acme/dashboard",
        "Build",
        [
            Step(
                "npm ci",
                f"""{MARK}npm ERR! code ERESOLVE
{MARK}npm ERR! ERESOLVE unable to resolve dependency tree
npm ERR!
npm ERR! While resolving: dashboard@2.4.0
npm ERR! Found: react@18.3.1
npm ERR! node_modules/react
npm ERR!   react@"^18.2.0" from the root project
npm ERR!
npm ERR! Could not resolve dependency:
npm ERR! peer react@"^17.0.0" from react-charts-lite@3.1.0
npm ERR! A complete log of this run can be found in: /home/vsts/.npm/_logs/2024-05-02T14_03_11_120Z-debug-0.log""",
                code=1,
                name="Install",
                error="##[error]Bash exited with code '1'.",
            ),
        ],
    ),
    "npm ERR! ERESOLVE unable to resolve dependency tree",
)

# ---------------------------------------------------------------- Buildkite, its groups and the expand line

case(
    "q-buildkite-ruff-expanded-group",
    "lint.error",
    "high",
    raw(
        f"""~~~ Running global environment hook
$ /buildkite/hooks/environment
~~~ Preparing working directory
$ cd /buildkite/builds/agent-2/acme/ingest
$ git fetch -v --prune -- origin 7c1d2e3f
--- :python: Installing
$ pip install -r requirements-dev.txt
Successfully installed ruff-0.4.4 pytest-8.2.0
--- :lint-roller: Lint
$ ruff check .
{MARK}ingest/reader.py:12:8: F401 [*] `os` imported but unused
{MARK}ingest/writer.py:40:5: E722 Do not use bare `except`
{MARK}Found 2 errors.
[*] 1 fixable with the `--fix` option.
^^^ +++
🚨 Error: The command exited with status 1
~~~ Running global pre-exit hook
$ /buildkite/hooks/pre-exit"""
    ),
    "F401 [*] `os` imported but unused",
)

# ---------------------------------------------------------------- CircleCI, a run step

case(
    "q-circleci-jest-received-exit",
    "test.failure",
    "high",
    raw(
        f"""#!/bin/bash -eo pipefail
yarn jest --ci --reporters=default
yarn run v1.22.19
$ jest --ci --reporters=default
PASS src/price.test.ts
{MARK}FAIL src/cart.test.ts
{MARK}  ● Cart › applies the discount once
{MARK}
{MARK}    expect(received).toBe(expected) // Object.is equality
{MARK}
{MARK}    Expected: 90
{MARK}    Received: 81

      at Object.<anonymous> (src/cart.test.ts:22:31)

Tests:       1 failed, 17 passed, 18 total
error Command failed with exit code 1.
info Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.

Exited with code exit status 1
CircleCI received exit code 1"""
    ),
    "FAIL src/cart.test.ts",
)

# ---------------------------------------------------------------- gh run view --log-failed

case(
    "q-ghcli-go-vet",
    "lint.error",
    "high",
    gh_cli(
        gha(
            "acme/queue",
            "lint / vet",
            [
                setup_go("1.22"),
                Step(
                    "go vet ./...",
                    f"""{MARK}# github.com/acme/queue/internal/broker
{MARK}internal/broker/ack.go:57:2: unreachable code
{MARK}internal/broker/ack.go:71:14: fmt.Sprintf format %d has arg id of wrong type string""",
                    code=1,
                ),
            ],
            actions=("actions/setup-go@v5",),
        ),
        "lint / vet",
    ),
    "internal/broker/ack.go:71:14: fmt.Sprintf format %d has arg id of wrong type string",
)

case(
    "q-ghcli-node-failed-only",
    "dependency.missing",
    "high",
    gh_cli(
        gha(
            "acme/storefront",
            "web / build",
            [
                setup_node("20"),
                Step("npm ci", npm_ci(640)),
                Step(
                    "npm run build",
                    f"""
> storefront@1.9.0 build
> vite build

vite v5.2.11 building for production...
transforming...
{MARK}[vite]: Rollup failed to resolve import "date-fns/locale" from "/home/runner/work/storefront/storefront/src/when.ts".
{MARK}This is most likely unintended because it can break your application at runtime.""",
                    code=1,
                ),
            ],
        ),
        "web / build",
        failed_only=True,
    ),
    'Rollup failed to resolve import "date-fns/locale"',
)
