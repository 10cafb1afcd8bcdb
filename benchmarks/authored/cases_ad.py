"""Authored cases, batch ad: Jenkins section structure. Freestyle builds (SCM checkout, a build step
``[workspace] $ ...``, ``Build step '...' marked build as failure``, then the post-build actions: archive,
JUnit, e-mail, a publisher's own ``ERROR: Step '...' failed``) and Pipeline builds (stages, a
``Declarative: Post Actions`` stage whose steps print errors of their own, ``ERROR: script returned exit
code N``, ``Finished: FAILURE``). The cause sits in the build step or stage that failed; errors the
post-build actions print after it are consequences, except where a publisher itself failed a build
whose steps passed. Labelled before triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.shapes import Log, Step, jenkins

FREESTYLE_HEAD = """Started by an SCM change
Running as SYSTEM
Building remotely on linux-agent-3 (linux docker) in workspace /var/lib/jenkins/workspace/{job}
The recommended git tool is: NONE
No credentials specified
Cloning the remote Git repository
Cloning repository https://github.com/{repo}.git
 > git init /var/lib/jenkins/workspace/{job} # timeout=10
Fetching upstream changes from https://github.com/{repo}.git
 > git --version # timeout=10
 > git fetch --tags --progress -- https://github.com/{repo}.git +refs/heads/*:refs/remotes/origin/* # timeout=10
 > git rev-parse refs/remotes/origin/main^{{commit}} # timeout=10
Checking out Revision 4f1c2a9d8e7b6a5c4d3e2f1a0b9c8d7e6f5a4b3c (refs/remotes/origin/main)
 > git config core.sparsecheckout # timeout=10
 > git checkout -f 4f1c2a9d8e7b6a5c4d3e2f1a0b9c8d7e6f5a4b3c # timeout=10
Commit message: "Bump version"""


def freestyle(repo: str, job: str, steps: list[tuple[str, str]], post: str, verdict: str = "FAILURE") -> Log:
    """A freestyle build: its checkout, build steps (``[workspace] $ command`` and what it printed), then
    the post-build actions (``post``, printed as given: a build step's failure line goes first in it)."""
    log = Log()
    log.add(FREESTYLE_HEAD.format(repo=repo, job=job))
    for command, out in steps:
        log.add(f"[{job}] $ {command}")
        log.add(out)
    log.add(post)
    log.add(f"Finished: {verdict}")
    return log


# ---------------------------------------------------------------- freestyle: the step failed, publishers complain after

case(
    "ad-freestyle-maven-compile-junit-publisher",
    "compile.error",
    "high",
    freestyle(
        "acme/ledger-core",
        "ledger-core",
        [
            (
                "/bin/sh -xe /tmp/jenkins5120391822.sh",
                """+ mvn -B -q clean install
[INFO] Scanning for projects...
[INFO] Building ledger-core 2.4.0-SNAPSHOT
[INFO] --- maven-compiler-plugin:3.11.0:compile (default-compile) @ ledger-core ---
[INFO] Compiling 212 source files to /var/lib/jenkins/workspace/ledger-core/target/classes
[INFO] -------------------------------------------------------------
§[ERROR] COMPILATION ERROR :
§[INFO] -------------------------------------------------------------
§[ERROR] /var/lib/jenkins/workspace/ledger-core/src/main/java/com/acme/ledger/Posting.java:[48,31] cannot find symbol
§  symbol:   method amountMinor()
§  location: variable entry of type com.acme.ledger.Entry
§[INFO] 1 error
[INFO] -------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] Total time:  21.402 s
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile (default-compile) on project ledger-core: Compilation failure
[ERROR] -> [Help 1]""",
            )
        ],
        """Build step 'Execute shell' marked build as failure
Archiving artifacts
WARN: No artifacts found that match the file pattern "target/*.jar". Configuration error?
Recording test results
ERROR: Step 'Publish JUnit test result report' failed: No test report files were found. Configuration error?
Sending e-mails to: ledger-team@acme.example""",
    ),
    "Posting.java:[48,31] cannot find symbol",
    "the compile error of the build step; the JUnit publisher's error after it only follows from it",
)

case(
    "ad-freestyle-gradle-tests-archive-error",
    "test.failure",
    "high",
    freestyle(
        "acme/route-planner",
        "route-planner",
        [
            ("/bin/sh -xe /tmp/jenkins8812.sh", '+ java -version\nopenjdk version "17.0.9" 2023-10-17'),
            (
                "/bin/sh -xe /tmp/jenkins8813.sh",
                """+ ./gradlew --no-daemon test
> Task :compileJava
> Task :compileTestJava
> Task :test

§RouteSolverTest > shortestPathAvoidsClosedRoads() FAILED
§    org.opentest4j.AssertionFailedError: expected: <[A, C, D]> but was: <[A, B, D]>
§        at app//com.acme.route.RouteSolverTest.shortestPathAvoidsClosedRoads(RouteSolverTest.java:57)
§
§14 tests completed, 1 failed

> Task :test FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':test'.
> There were failing tests. See the report at: file:///var/lib/jenkins/workspace/route-planner/build/reports/tests/test/index.html

BUILD FAILED in 38s""",
            ),
        ],
        """Build step 'Execute shell' marked build as failure
Archiving artifacts
ERROR: No artifacts found that match the file pattern "build/libs/*.jar". Configuration error?
ERROR: Step 'Archive the artifacts' failed: No artifacts found that match the file pattern "build/libs/*.jar". Configuration error?
Recording test results
[Checks API] No suitable checks publisher found.""",
    ),
    "RouteSolverTest > shortestPathAvoidsClosedRoads() FAILED",
    "a failing test in the build step; the archiver finds no jar because the build stopped",
)

case(
    "ad-freestyle-script-cause-then-own-verdict",
    "resource.exhausted",
    "high",
    freestyle(
        "acme/geo-tiles",
        "geo-tiles",
        [
            (
                "/bin/bash /tmp/jenkins33019.sh",
                """=== rendering tiles for zoom 0..6 ===
rendered zoom 0 (1 tiles)
rendered zoom 1 (4 tiles)
§render: cannot write /srv/tiles/z2/0_1.png: No space left on device
§render: cannot write /srv/tiles/z2/1_1.png: No space left on device
§tile rendering failed at zoom 2
=== packaging ===
ERROR: tiles missing, nothing to package""",
            )
        ],
        """Build step 'Execute shell' marked build as failure
Archiving artifacts
ERROR: Step 'Archive the artifacts' failed: No artifacts found that match the file pattern "out/*.tar.gz". Configuration error?
Sending e-mails to: maps@acme.example""",
    ),
    "No space left on device",
    "a script's own last error follows from the disk filling earlier in the step",
)

case(
    "ad-freestyle-publisher-fails-passing-build",
    "config.error",
    "medium",
    freestyle(
        "acme/docs-site",
        "docs-site",
        [
            (
                "/bin/sh -xe /tmp/jenkins7781.sh",
                """+ make html
sphinx-build -b html docs build/html
Running Sphinx v7.2.6
building [html]: targets for 42 source files that are out of date
build succeeded.
The HTML pages are in build/html.""",
            )
        ],
        """Archiving artifacts
§ERROR: No artifacts found that match the file pattern "site/**/*.html". Configuration error?
§ERROR: Step 'Archive the artifacts' failed: No artifacts found that match the file pattern "site/**/*.html". Configuration error?""",
    ),
    "No artifacts found that match the file pattern",
    "every build step passed: the archiver's own error failed the build",
)

# ---------------------------------------------------------------- Pipeline: a stage failed, post actions after

case(
    "ad-pipeline-npm-test-post-junit",
    "test.failure",
    "high",
    jenkins(
        "acme/cart-ui",
        "cart-ui",
        [
            Step("npm ci", "added 812 packages in 19s", name="Install"),
            Step(
                "npm test -- --ci",
                """> cart-ui@3.1.0 test
> jest --ci

PASS src/price.test.ts
§FAIL src/cart.test.ts
§  ● Cart › applies the coupon once
§
§    expect(received).toBe(expected) // Object.is equality
§
§    Expected: 90
§    Received: 81
§
§      at Object.<anonymous> (src/cart.test.ts:41:27)
§
§Tests:       1 failed, 23 passed, 24 total
Time:        4.12 s""",
                code=1,
                name="Test",
            ),
            Step("npm run build", "", name="Build"),
        ],
    ),
    "● Cart › applies the coupon once",
    "a failing stage, a skipped one, and the post actions' JUnit and clean-up",
)

case(
    "ad-pipeline-gradle-compile-post-sh-error",
    "compile.error",
    "high",
    jenkins(
        "acme/billing",
        "billing",
        [
            Step(
                "./gradlew --no-daemon compileJava",
                """> Task :compileJava FAILED
§/var/lib/jenkins/workspace/billing/src/main/java/com/acme/billing/Invoice.java:88: error: incompatible types: long cannot be converted to Money
§        return total;
§               ^
§1 error

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':compileJava'.
> Compilation failed; see the compiler error output for details.

BUILD FAILED in 12s""",
                code=1,
                name="Compile",
            ),
            Step("./gradlew test", "", name="Test"),
        ],
    ),
    "Invoice.java:88: error: incompatible types: long cannot be converted to Money",
    "a compile error in a stage; the stages after it skipped",
)

case(
    "ad-pipeline-pytest-stage-post-cleanup-errors",
    "test.failure",
    "high",
    jenkins(
        "acme/feeds",
        "feeds",
        [
            Step(
                "pip install -r requirements.txt", "Successfully installed feedparser-6.0.11 pytest-8.1.1", name="Deps"
            ),
            Step(
                "python -m pytest -q",
                """..........F...
§=================================== FAILURES ===================================
§_______________________________ test_parse_atom ________________________________
§
§    def test_parse_atom():
§        feed = parse(ATOM)
§>       assert feed.entries[0].title == "Release 2.0"
§E       AssertionError: assert 'Release 2.0 ' == 'Release 2.0'
§
§tests/test_parse.py:19: AssertionError
§=========================== short test summary info ============================
§FAILED tests/test_parse.py::test_parse_atom - AssertionError: assert 'Release 2.0 ' == 'Release 2.0'
§1 failed, 13 passed in 0.84s""",
                code=1,
                name="Unit tests",
            ),
        ],
    ),
    "FAILED tests/test_parse.py::test_parse_atom",
    "pytest in a Pipeline stage; the post actions record results and clean the workspace",
)

case(
    "ad-freestyle-two-steps-second-fails-cmd-not-found",
    "command.not.found",
    "high",
    freestyle(
        "acme/infra-lint",
        "infra-lint",
        [
            ("/bin/sh -xe /tmp/jenkins101.sh", "+ terraform fmt -check -recursive\n+ echo formatted\nformatted"),
            (
                "/bin/sh -xe /tmp/jenkins102.sh",
                """+ tflint --recursive
§/tmp/jenkins102.sh: 2: tflint: not found""",
            ),
        ],
        """Build step 'Execute shell' marked build as failure
Recording test results
ERROR: Step 'Publish JUnit test result report' failed: No test report files were found. Configuration error?""",
    ),
    "tflint: not found",
    "the second build step's shell cannot find the linter; the JUnit publisher finds no report after it",
)
