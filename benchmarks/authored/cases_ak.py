"""Authored cases, batch ak: failures under a CI's per-line stamps (issue 8), several ecosystems and stamps.

Each log is one of the shapes' jobs (shapes.py) with every line behind the stamp its CI writes, as the
log is downloaded: Jenkins' Timestamper (``[2024-05-01T09:00:00.123Z] `` in a Pipeline, where the
``[Pipeline]`` lines carry none; ``09:00:00  `` system clock and ``00:00:01.234 `` elapsed time, every
line), GitLab's job log timestamps (``2024-07-05T13:36:14.123456Z 00O ``, ``01E ``, ``00O+``), TeamCity's
text export (``[09:00:00]i: ``) and Buildkite's APC times (``ESC _bk;t=<ms> BEL``). The last case is a
plain console whose tool prints its own ``HH:MM:SS`` on some lines only: no stamp to undo there.
Labelled before triage ran on them; first run on main (no stamp but GitHub's undone): see the commit.
"""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.authored.cases_a import case
from benchmarks.authored.shapes import MARK, Log, Step, gitlab, jenkins, plain


def _stamped(log: Log, stamp: Callable[[int, str], str]) -> Log:
    """``log`` with ``stamp(i, line)`` before each line (an empty stamp leaves the line as it is)."""
    out = Log()
    out.lines = [stamp(i, line) + line for i, line in enumerate(log.lines)]
    out.span = list(log.span)
    return out


def _clock(i: int) -> str:
    return f"09:{12 + i // 60:02d}:{i % 60:02d}"


def pipeline_iso(i: int, line: str) -> str:
    """Timestamper inside ``timestamps {}``: a Pipeline's own step lines carry no stamp."""
    return "" if line.startswith("[Pipeline]") else f"[2024-05-01T{_clock(i)}.{(i * 37) % 1000:03d}Z] "


def system_clock(i: int, line: str) -> str:
    return f"{_clock(i)}  "


def elapsed(i: int, line: str) -> str:
    return f"00:00:{i // 3:02d}.{(i * 211) % 1000:03d} "


def gitlab_ts(i: int, line: str) -> str:
    stream = "01E " if line.startswith(("npm ERR!", "npm error", "ERROR:", "error")) else "01O "
    if i < 22 or line.startswith(("Saving cache", "Creating cache", "Archive", "Created cache", "Cleaning")):
        stream = "00O+" if i % 7 == 3 else "00O "
    return f"2024-07-05T13:{36 + i // 60:02d}:{i % 60:02d}.{(i * 7919) % 1000000:06d}Z {stream}"


def teamcity(i: int, line: str) -> str:
    level = "E" if "error" in line.lower()[:12] else "i" if i % 9 == 0 else " "
    return f"[{_clock(i)}]{level}:\t\t "


def buildkite_apc(i: int, line: str) -> str:
    return f"\x1b_bk;t={1714554000000 + i * 173}\x07"


case(
    "ak-pytest-jenkins-iso",
    "test.failure",
    "high",
    _stamped(
        jenkins(
            "acme/shop",
            "shop/main",
            [
                Step("pip install -r requirements-dev.txt", "Successfully installed pytest-8.1.1", name="Install"),
                Step(
                    "python -m pytest -q tests",
                    f"""........F...............................                                 [100%]
=================================== FAILURES ===================================
_____________________________ test_total_with_tax ______________________________

    def test_total_with_tax():
        cart = Cart([Item("book", 10)])
>       assert cart.total(tax=0.2) == 12
{MARK}E       assert 12.000000000000002 == 12
{MARK}E        +  where 12.000000000000002 = <bound method Cart.total of <Cart 1 item>>(tax=0.2)

tests/test_cart.py:31: AssertionError
=========================== short test summary info ============================
FAILED tests/test_cart.py::test_total_with_tax - assert 12.000000000000002 == 12
1 failed, 40 passed in 1.92s""",
                    code=1,
                    name="Test",
                ),
            ],
        ),
        pipeline_iso,
    ),
    "E       assert 12.000000000000002 == 12",
    "pytest under Timestamper's ISO stamps inside timestamps {}: the [Pipeline] lines carry none",
)

case(
    "ak-maven-compile-jenkins-clock",
    "compile.error",
    "high",
    _stamped(
        jenkins(
            "acme/billing",
            "billing/main",
            [
                Step(
                    "mvn -B -ntp clean verify",
                    f"""[INFO] Scanning for projects...
[INFO]
[INFO] --------------------------< com.acme:billing >--------------------------
[INFO] Building billing 2.3.0-SNAPSHOT
[INFO] --------------------------------[ jar ]---------------------------------
[INFO] --- maven-compiler-plugin:3.11.0:compile (default-compile) @ billing ---
[INFO] Compiling 48 source files with javac [debug target 17] to target/classes
[INFO] -------------------------------------------------------------
[ERROR] COMPILATION ERROR :
[INFO] -------------------------------------------------------------
{MARK}[ERROR] /var/lib/jenkins/workspace/billing/src/main/java/com/acme/billing/Invoice.java:[57,24] cannot find symbol
{MARK}  symbol:   method roundHalfEven(java.math.BigDecimal)
{MARK}  location: class com.acme.billing.Money
[INFO] 1 error
[INFO] -------------------------------------------------------------
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  6.214 s
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile (default-compile) on project billing: Compilation failure
[ERROR] -> [Help 1]""",
                    code=1,
                    name="Build",
                ),
            ],
        ),
        system_clock,
    ),
    "Invoice.java:[57,24] cannot find symbol",
    "javac via Maven under Timestamper's system clock on every line, the [Pipeline] lines too",
)

case(
    "ak-gradle-test-jenkins-elapsed",
    "test.failure",
    "high",
    _stamped(
        jenkins(
            "acme/ledger",
            "ledger/PR-88",
            [
                Step(
                    "./gradlew test --no-daemon",
                    f"""> Task :compileJava
> Task :compileTestJava
> Task :test

{MARK}LedgerServiceTest > rejectsOverdraft() FAILED
{MARK}    org.opentest4j.AssertionFailedError: expected: <REJECTED> but was: <ACCEPTED>
{MARK}        at app//com.acme.ledger.LedgerServiceTest.rejectsOverdraft(LedgerServiceTest.java:64)

27 tests completed, 1 failed

> Task :test FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':test'.
> There were failing tests. See the report at: file:///var/lib/jenkins/workspace/ledger/build/reports/tests/test/index.html

BUILD FAILED in 41s""",
                    code=1,
                    name="Test",
                ),
            ],
        ),
        elapsed,
    ),
    "LedgerServiceTest > rejectsOverdraft() FAILED",
    "Gradle's JUnit failure under Timestamper's elapsed time (HH:mm:ss.SSS)",
)

case(
    "ak-npm-eresolve-gitlab-ts",
    "dependency.resolution",
    "high",
    _stamped(
        gitlab(
            "acme/storefront",
            "node:20",
            [
                Step(
                    "npm ci",
                    f"""{MARK}npm ERR! code ERESOLVE
{MARK}npm ERR! ERESOLVE could not resolve
{MARK}npm ERR!
{MARK}npm ERR! While resolving: react-date-range@1.4.0
{MARK}npm ERR! Found: date-fns@3.6.0
{MARK}npm ERR! node_modules/date-fns
{MARK}npm ERR!   date-fns@"^3.6.0" from the root project
{MARK}npm ERR!
{MARK}npm ERR! Could not resolve dependency:
{MARK}npm ERR! peer date-fns@"2.0.0-alpha.7 || >=2.0.0" from react-date-range@1.4.0
npm ERR!
npm ERR! Fix the upstream dependency conflict, or retry
npm ERR! this command with --force or --legacy-peer-deps
npm ERR!
npm ERR! A complete log of this run can be found in: /root/.npm/_logs/2024-07-05T13_36_40_118Z-debug-0.log""",
                    code=1,
                ),
            ],
        ),
        gitlab_ts,
    ),
    "npm ERR! code ERESOLVE",
    "npm's peer conflict under GitLab's job log timestamps (stream 01E, runner lines 00O and 00O+)",
)

case(
    "ak-go-test-gitlab-ts",
    "test.failure",
    "high",
    _stamped(
        gitlab(
            "acme/ratelimit",
            "golang:1.22",
            [
                Step("go mod download", ""),
                Step(
                    "go test ./...",
                    f"""ok  	github.com/acme/ratelimit/internal/clock	0.004s
{MARK}--- FAIL: TestBucketRefill (0.00s)
{MARK}    bucket_test.go:42: tokens after 1s = 9, want 10
FAIL
FAIL	github.com/acme/ratelimit/bucket	0.012s
FAIL""",
                    code=1,
                ),
            ],
        ),
        gitlab_ts,
    ),
    "--- FAIL: TestBucketRefill (0.00s)",
    "go test under GitLab's job log timestamps",
)

case(
    "ak-eslint-gitlab-ts",
    "lint.error",
    "high",
    _stamped(
        gitlab(
            "acme/dashboard",
            "node:20",
            [
                Step("npm ci --no-audit", "added 812 packages in 21s"),
                Step(
                    "npx eslint . --max-warnings 0",
                    f"""
{MARK}/builds/acme/dashboard/src/widgets/Chart.tsx
{MARK}  17:9   error  'series' is assigned a value but never used  @typescript-eslint/no-unused-vars
{MARK}  44:23  error  React Hook useEffect has a missing dependency: 'range'  react-hooks/exhaustive-deps
{MARK}
{MARK}✖ 2 problems (2 errors, 0 warnings)""",
                    code=1,
                ),
            ],
        ),
        gitlab_ts,
    ),
    "error  'series' is assigned a value but never used",
    "ESLint's report under GitLab's job log timestamps",
)

case(
    "ak-tsc-jenkins-iso",
    "compile.error",
    "high",
    _stamped(
        jenkins(
            "acme/portal",
            "portal/main",
            [
                Step("npm ci", "added 1204 packages in 33s", name="Install"),
                Step(
                    "npx tsc -p tsconfig.json --noEmit",
                    f"""{MARK}src/api/client.ts(88,17): error TS2345: Argument of type 'string | undefined' is not assignable to parameter of type 'string'.
{MARK}  Type 'undefined' is not assignable to type 'string'.""",
                    code=2,
                    name="Typecheck",
                ),
            ],
        ),
        pipeline_iso,
    ),
    "error TS2345: Argument of type 'string | undefined'",
    "tsc under Timestamper's ISO stamps inside timestamps {}",
)

case(
    "ak-pip-conflict-jenkins-clock",
    "dependency.resolution",
    "high",
    _stamped(
        jenkins(
            "acme/etl",
            "etl/main",
            [
                Step(
                    "pip install -r requirements.txt",
                    f"""Collecting apache-airflow==2.9.1
  Downloading apache_airflow-2.9.1-py3-none-any.whl (13.3 MB)
Collecting sqlalchemy==2.0.30
  Downloading SQLAlchemy-2.0.30-cp311-cp311-manylinux_2_17_x86_64.whl (3.2 MB)
INFO: pip is looking at multiple versions of apache-airflow to determine which version is compatible with other requirements. This could take a while.
{MARK}ERROR: Cannot install -r requirements.txt (line 1) and sqlalchemy==2.0.30 because these package versions have conflicting dependencies.
{MARK}
{MARK}The conflict is caused by:
{MARK}    The user requested sqlalchemy==2.0.30
{MARK}    apache-airflow 2.9.1 depends on sqlalchemy<2.0 and >=1.4.36

To fix this you could try to:
1. loosen the range of package versions you've specified
2. remove package versions to allow pip to attempt to solve the dependency conflict

ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts""",
                    code=1,
                    name="Install",
                ),
            ],
        ),
        system_clock,
    ),
    "because these package versions have conflicting dependencies",
    "pip's resolver conflict under Timestamper's system clock",
)

_TEAMCITY = """TeamCity server version is 2024.03.1 (build 156606), server timezone: UTC
The build is removed from the queue to be prepared for the start
Starting the build on the agent "linux-agent-04"
Updating sources: auto checkout (on agent)
Step 1/2: Build (Command Line)
Starting: /opt/buildagent/temp/agentTmp/custom_script1234.sh
in directory: /opt/buildagent/work/7c1d2e3f4a5b6c7d
   Compiling serde v1.0.203
   Compiling tokio v1.38.0
   Compiling geo-index v0.4.2 (/opt/buildagent/work/7c1d2e3f4a5b6c7d)
§error[E0308]: mismatched types
§  --> src/tree.rs:112:20
§   |
§112 |         self.depth = levels;
§   |                      ^^^^^^ expected `u8`, found `usize`
§
For more information about this error, try `rustc --explain E0308`.
error: could not compile `geo-index` (lib) due to 1 previous error
Process exited with code 101
Process exited with code 101 (Step: Build (Command Line))
Step Build (Command Line) failed
Step 2/2: Test (Command Line) skipped: the build failed
Build finished"""


def _teamcity_log() -> Log:
    log = Log()
    log.add(_TEAMCITY)
    return log


case(
    "ak-cargo-teamcity",
    "compile.error",
    "high",
    _stamped(_teamcity_log(), teamcity),
    "error[E0308]: mismatched types",
    "rustc via cargo in TeamCity's downloaded build log: [HH:mm:ss]i: and nesting tabs before each line",
)

case(
    "ak-rspec-buildkite-apc",
    "test.failure",
    "high",
    _stamped(
        plain(
            f"""$ bundle exec rspec
Randomized with seed 40412
..F.....

Failures:

{MARK}  1) Order#total applies the coupon once
{MARK}     Failure/Error: expect(order.total).to eq(90)
{MARK}
{MARK}       expected: 90
{MARK}            got: 80
{MARK}
{MARK}       (compared using ==)
     # ./spec/models/order_spec.rb:27:in `block (3 levels) in <top (required)>'

Finished in 0.41 seconds (files took 1.9 seconds to load)
8 examples, 1 failure

Failed examples:

rspec ./spec/models/order_spec.rb:22 # Order#total applies the coupon once""",
            name="orders",
        ),
        buildkite_apc,
    ),
    "expected: 90",
    "RSpec in a raw Buildkite log whose every line starts with the agent's APC time",
)

case(
    "ak-logback-own-times-plain",
    "test.failure",
    "high",
    plain(
        f"""$ ./mvnw -B test
[INFO] Running com.acme.orders.OrderRepositoryIT
09:41:02.118 [main] INFO  o.s.b.t.c.SpringBootTestContextBootstrapper - Loaded default TestExecutionListener class names
09:41:03.904 [main] INFO  com.zaxxer.hikari.HikariDataSource - HikariPool-1 - Starting...
09:41:04.377 [main] INFO  com.zaxxer.hikari.HikariDataSource - HikariPool-1 - Start completed.
[ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 3.112 s <<< FAILURE! -- in com.acme.orders.OrderRepositoryIT
{MARK}[ERROR] com.acme.orders.OrderRepositoryIT.findsOpenOrders -- Time elapsed: 0.204 s <<< FAILURE!
{MARK}org.opentest4j.AssertionFailedError: expected: <2> but was: <3>
	at com.acme.orders.OrderRepositoryIT.findsOpenOrders(OrderRepositoryIT.java:58)
[INFO]
[INFO] Results:
[INFO]
[ERROR] Failures:
[ERROR]   OrderRepositoryIT.findsOpenOrders:58 expected: <2> but was: <3>
[INFO]
[ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0
[INFO] BUILD FAILURE""",
        name="orders",
    ),
    "OrderRepositoryIT.findsOpenOrders -- Time elapsed: 0.204 s <<< FAILURE!",
    "Surefire with logback's own HH:mm:ss.SSS on some lines: no CI stamp, the tool's times stay",
)
