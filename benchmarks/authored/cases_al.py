"""Authored cases, batch al: a JVM build tool's own report of a failed build, read as one (issue 8).

Gradle's ``FAILURE: Build completed with N failures.`` (``--continue``) over its numbered parts, each
with ``* What went wrong:`` and its ``* Try:`` advice, down to ``BUILD FAILED in ...``; Maven's
``BUILD FAILURE`` report with what the goal said right above it, and ``mvn -fae``'s several
``Failed to execute goal`` lines. The labelled span runs from the first failure's own lines to the
report's last word on it, as the tool printed it (the advice inside the span is the report's, though
an excerpt may leave it out). Labelled before triage ran on them; first run: see the commit.
"""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import gradle_head, maven_head, setup_java
from benchmarks.authored.shapes import Step, gha, jenkins, travis

_TRY = """§
§* Try:
§> Run with --stacktrace option to get the stack trace.
§> Run with --info or --debug option to get more log output.
§> Run with --scan to get full insights.
§> Get more help at https://help.gradle.org.
§=============================================================================="""

case(
    "al-gradle-compile-and-javadoc-gha",
    "compile.error",
    "medium",
    gha(
        "acme/billing",
        "build",
        [
            setup_java(),
            Step(
                "./gradlew build --continue",
                gradle_head()
                + """
> Task :api:compileJava
§/home/runner/work/billing/billing/api/src/main/java/com/acme/billing/Invoice.java:58: error: incompatible types: possible lossy conversion from long to int
§        int cents = total.toCents();
§                                 ^
§1 error
§
§> Task :api:compileJava FAILED
§> Task :docs:javadoc FAILED
§
§FAILURE: Build completed with 2 failures.
§
§1: Task failed with an exception.
§-----------
§* What went wrong:
§Execution failed for task ':api:compileJava'.
§> Compilation failed; see the compiler error output for details.
"""
                + _TRY
                + """
§
§2: Task failed with an exception.
§-----------
§* What went wrong:
§Execution failed for task ':docs:javadoc'.
§> Javadoc generation failed. Generated Javadoc options file (useful for troubleshooting): '/home/runner/work/billing/billing/docs/build/tmp/javadoc/javadoc.options'
"""
                + _TRY
                + """
§
§BUILD FAILED in 41s
27 actionable tasks: 25 executed, 2 up-to-date""",
                code=1,
            ),
        ],
    ),
    "/home/runner/work/billing/billing/api/src/main/java/com/acme/billing/Invoice.java:58: error: incompatible types: possible lossy conversion from long to int",
    "--continue: javac's error and a javadoc failure, both in Gradle's numbered report down to BUILD FAILED",
)

case(
    "al-gradle-checkstyle-spotbugs-travis",
    "lint.error",
    "medium",
    travis(
        "acme/ledger",
        "java",
        [
            Step(
                "./gradlew check --continue",
                """> Task :core:compileJava
> Task :core:processResources NO-SOURCE
> Task :core:classes

> Task :core:checkstyleMain
§[ant:checkstyle] [ERROR] /home/travis/build/acme/ledger/core/src/main/java/com/acme/ledger/Entry.java:12:8: Unused import - java.util.Map. [UnusedImports]
§
§> Task :core:checkstyleMain FAILED
§
§> Task :core:spotbugsMain
§M D NP: Possible null pointer dereference of entry in com.acme.ledger.Book.post(Entry) on exception path  Dereferenced at Book.java:[line 77]
§
§> Task :core:spotbugsMain FAILED
§
§FAILURE: Build completed with 2 failures.
§
§1: Task failed with an exception.
§-----------
§* What went wrong:
§Execution failed for task ':core:checkstyleMain'.
§> Checkstyle rule violations were found. See the report at: file:///home/travis/build/acme/ledger/core/build/reports/checkstyle/main.html
§  Checkstyle files with violations: 1
§  Checkstyle violations by severity: [error:1]
"""
                + _TRY
                + """
§
§2: Task failed with an exception.
§-----------
§* What went wrong:
§Execution failed for task ':core:spotbugsMain'.
§> A failure occurred while executing com.github.spotbugs.snom.internal.SpotBugsRunnerForHybrid$SpotBugsExecutor
§   > Verification failed: SpotBugs ended with exit code 1. See the report at: file:///home/travis/build/acme/ledger/core/build/reports/spotbugs/main.html
"""
                + _TRY
                + """
§
§BUILD FAILED in 52s
11 actionable tasks: 11 executed""",
                code=1,
            ),
        ],
        cache="/home/travis/.gradle/caches",
    ),
    "[ant:checkstyle] [ERROR] /home/travis/build/acme/ledger/core/src/main/java/com/acme/ledger/Entry.java:12:8: Unused import - java.util.Map. [UnusedImports]",
    "--continue: checkstyle's and SpotBugs' failures, both in Gradle's numbered report",
)

_MAVEN_END = """§[INFO] ------------------------------------------------------------------------
§[INFO] BUILD FAILURE
§[INFO] ------------------------------------------------------------------------
§[INFO] Total time:  9.412 s
§[INFO] Finished at: 2026-12-02T08:41:07Z
§[INFO] ------------------------------------------------------------------------"""

case(
    "al-maven-checkstyle-check-gha",
    "lint.error",
    "high",
    gha(
        "acme/ledger",
        "verify",
        [
            setup_java(),
            Step(
                "mvn -B verify",
                maven_head("ledger")
                + """
[INFO]
[INFO] --- checkstyle:3.3.1:check (validate) @ ledger ---
§[INFO] There are 2 errors reported by Checkstyle 10.12.5 with checkstyle.xml ruleset.
§[ERROR] src/main/java/com/acme/ledger/Entry.java:[12,8] (imports) UnusedImports: Unused import - java.util.Map.
§[ERROR] src/main/java/com/acme/ledger/Book.java:[40] (sizes) LineLength: Line is longer than 120 characters (found 131).
"""
                + _MAVEN_END
                + """
§[ERROR] Failed to execute goal org.apache.maven.plugins:maven-checkstyle-plugin:3.3.1:check (validate) on project ledger: You have 2 Checkstyle violations. -> [Help 1]
[ERROR]
[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
[ERROR] Re-run Maven using the -X switch to enable full debug logging.
[ERROR]
[ERROR] For more information about the errors and possible solutions, please read the following articles:
[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException""",
                code=1,
            ),
        ],
    ),
    "[ERROR] src/main/java/com/acme/ledger/Entry.java:[12,8] (imports) UnusedImports: Unused import - java.util.Map.",
    "checkstyle's findings above Maven's BUILD FAILURE report, its goal's line below",
)

case(
    "al-maven-fail-at-end-two-goals-jenkins",
    "compile.error",
    "medium",
    jenkins(
        "acme/orders",
        "orders/main",
        [
            Step(
                "mvn -B -fae install",
                """[INFO] Reactor Build Order:
[INFO]
[INFO] orders-parent                                                      [pom]
[INFO] orders-api                                                         [jar]
[INFO] orders-cli                                                         [jar]
[INFO]
[INFO] --- compiler:3.13.0:compile (default-compile) @ orders-api ---
[INFO] Compiling 14 source files with javac [debug release 17] to target/classes
[INFO] -------------------------------------------------------------
§[ERROR] COMPILATION ERROR :
§[INFO] -------------------------------------------------------------
§[ERROR] /var/lib/jenkins/workspace/orders/orders-api/src/main/java/com/acme/orders/OrderService.java:[33,17] cannot find symbol
§  symbol:   method findAllByStatus(com.acme.orders.Status)
§  location: variable repo of type com.acme.orders.OrderRepository
§[INFO] 1 error
§[INFO] -------------------------------------------------------------
§[INFO]
§[INFO] --- enforcer:3.4.1:enforce (enforce-java) @ orders-cli ---
§[ERROR] Rule 0: org.apache.maven.enforcer.rules.version.RequireJavaVersion failed with message:
§[ERROR] Detected JDK version 17.0.11 (JAVA_HOME=/opt/java/openjdk) is not in the allowed range [21,).
§[INFO] ------------------------------------------------------------------------
§[INFO] Reactor Summary for orders-parent 3.1.0-SNAPSHOT:
§[INFO]
§[INFO] orders-parent ...................................... SUCCESS [  0.188 s]
§[INFO] orders-api ......................................... FAILURE [  2.904 s]
§[INFO] orders-cli ......................................... FAILURE [  0.311 s]
"""
                + _MAVEN_END
                + """
§[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project orders-api: Compilation failure
§[ERROR] /var/lib/jenkins/workspace/orders/orders-api/src/main/java/com/acme/orders/OrderService.java:[33,17] cannot find symbol
§[ERROR]   symbol:   method findAllByStatus(com.acme.orders.Status)
§[ERROR]   location: variable repo of type com.acme.orders.OrderRepository
§[ERROR] -> [Help 1]
§[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin:3.4.1:enforce (enforce-java) on project orders-cli: Rule 0: org.apache.maven.enforcer.rules.version.RequireJavaVersion failed with message:
§[ERROR] Detected JDK version 17.0.11 (JAVA_HOME=/opt/java/openjdk) is not in the allowed range [21,).
[ERROR] -> [Help 2]
[ERROR]
[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
[ERROR] Re-run Maven using the -X switch to enable full debug logging.
[ERROR]
[ERROR] For more information about the errors and possible solutions, please read the following articles:
[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException
[ERROR] [Help 2] http://cwiki.apache.org/confluence/display/MAVEN/MojoExecutionException""",
                code=1,
            ),
        ],
    ),
    "[ERROR] /var/lib/jenkins/workspace/orders/orders-api/src/main/java/com/acme/orders/OrderService.java:[33,17] cannot find symbol",
    "mvn -fae: a compile failure and an enforcer failure in two modules, both goals in Maven's report; alt config.error",
)
