"""Authored cases, batch k: a failure in several parts, across ecosystems. A second error block of
the same failure, a stack trace's ``Caused by:`` chain, a compiler run's many errors with their code
frames, a failing test's captured output sections, Maven's ``Tests in error:`` list and its
``Results:`` block, multi-failure reports of JUnit, TestNG, Mocha, Jest, RSpec, Go, .NET, PHPUnit,
ExUnit, XCTest, ScalaTest, and a summary printed after the details. Each label is the whole failure
as a maintainer marks it (every error block, its header and its summary), written before triage ran
on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import (
    GO_MODS,
    PY_PACKAGES,
    bundle_install,
    composer_install,
    dotnet_restore,
    go_download,
    gradle_head,
    maven_downloads,
    maven_head,
    npm_ci,
    pip_install,
    pytest_dots,
    pytest_header,
    setup_go,
    setup_java,
    setup_node,
    setup_python,
    setup_rust,
)
from benchmarks.authored.shapes import Step, gha, jenkins, travis

PIP = Step("pip install -r requirements-dev.txt", pip_install(PY_PACKAGES))
PYF = ["tests/test_api.py", "tests/test_billing.py", "tests/test_cli.py", "tests/test_models.py", "tests/test_tax.py"]

# ---------------------------------------------------------------- Python

case(
    "py-pytest-two-failures-captured-gha",
    "test.failure",
    "high",
    gha(
        "acme/ledger",
        "test (py3.11)",
        [
            setup_python(),
            PIP,
            Step(
                "pytest -q",
                pytest_header()
                + pytest_dots(PYF, fail_at="tests/test_billing.py")
                + """
§=================================== FAILURES ===================================
§______________________ test_invoice_total_rounds_half_up _______________________
§
§    def test_invoice_total_rounds_half_up():
§        inv = Invoice(lines=[Line("a", Decimal("0.125"))])
§>       assert inv.total() == Decimal("0.13")
§E       AssertionError: assert Decimal('0.12') == Decimal('0.13')
§E        +  where Decimal('0.12') = total()
§
§tests/test_billing.py:41: AssertionError
§----------------------------- Captured stdout call -----------------------------
§rounding mode: ROUND_HALF_EVEN
§line a: 0.125 -> 0.12
§------------------------------ Captured log call -------------------------------
§WARNING  ledger.billing:billing.py:88 rounding mode taken from env LEDGER_ROUNDING
§_________________________ test_credit_note_negative __________________________
§
§    def test_credit_note_negative():
§        note = CreditNote(amount=Decimal("-5"))
§>       assert note.validate() is None
§
§tests/test_billing.py:57:
§_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _
§
§self = CreditNote(amount=Decimal('-5'))
§
§    def validate(self):
§        if self.amount < 0:
§>           raise ValueError(f"amount must be positive, got {self.amount}")
§E           ValueError: amount must be positive, got -5
§
§ledger/billing.py:112: ValueError
§=========================== short test summary info ============================
§FAILED tests/test_billing.py::test_invoice_total_rounds_half_up - AssertionError: assert Decimal('0.12') == Decimal('0.13')
§FAILED tests/test_billing.py::test_credit_note_negative - ValueError: amount must be positive, got -5
§======================== 2 failed, 212 passed in 4.87s =========================""",
                code=1,
            ),
        ],
    ),
    "FAILED tests/test_billing.py::test_credit_note_negative - ValueError: amount must be positive, got -5",
    "two failures of one file, the first with captured stdout and log sections, then the short summary",
)

case(
    "py-pytest-setup-error-and-failure-travis",
    "test.failure",
    "medium",
    travis(
        "acme/queueworker",
        "python",
        [
            Step("pip install -e .[test]", pip_install(PY_PACKAGES, target="-e ."), name="install"),
            Step(
                "pytest tests/",
                pytest_header("/home/travis/build/acme/queueworker")
                + pytest_dots(
                    ["tests/test_jobs.py", "tests/test_retry.py", "tests/test_worker.py"], "tests/test_worker.py"
                )
                + """
§==================================== ERRORS ====================================
§_________________ ERROR at setup of test_worker_drains_queue __________________
§
§    @pytest.fixture
§    def redis_queue():
§>       client = redis.Redis.from_url(os.environ["REDIS_URL"])
§E       KeyError: 'REDIS_URL'
§
§tests/conftest.py:18: KeyError
§=================================== FAILURES ===================================
§__________________________ test_retry_gives_up_after_5 __________________________
§
§    def test_retry_gives_up_after_5():
§        calls = []
§        with pytest.raises(GiveUp):
§            retry(lambda: calls.append(1) or fail(), attempts=5)
§>       assert len(calls) == 5
§E       assert 6 == 5
§E        +  where 6 = len([1, 1, 1, 1, 1, 1])
§
§tests/test_retry.py:33: AssertionError
§=========================== short test summary info ============================
§FAILED tests/test_retry.py::test_retry_gives_up_after_5 - assert 6 == 5
§ERROR tests/test_worker.py::test_worker_drains_queue - KeyError: 'REDIS_URL'
§==================== 1 failed, 61 passed, 1 error in 2.14s =====================""",
                code=1,
                name="script",
            ),
        ],
    ),
    "ERROR at setup of test_worker_drains_queue",
    "an ERRORS section (a fixture's setup) above the FAILURES one; alt config.error for the missing env var",
)

case(
    "py-unittest-chained-exception-gha",
    "test.failure",
    "high",
    gha(
        "acme/geocode",
        "tests (py3.12)",
        [
            setup_python("3.12"),
            Step(
                "python -m unittest discover -s tests -v",
                """test_forward_lookup (test_client.ClientTest.test_forward_lookup) ... ok
test_reverse_lookup (test_client.ClientTest.test_reverse_lookup) ... ERROR
test_cache_hit (test_cache.CacheTest.test_cache_hit) ... ok
test_cache_expiry (test_cache.CacheTest.test_cache_expiry) ... FAIL

§======================================================================
§ERROR: test_reverse_lookup (test_client.ClientTest.test_reverse_lookup)
§----------------------------------------------------------------------
§Traceback (most recent call last):
§  File "/home/runner/work/geocode/geocode/geocode/client.py", line 64, in reverse
§    return self._parse(payload)["features"][0]
§                       ~~~~~~~~~~~~~~~~~~~~^^^^^^^^^^^^
§KeyError: 'features'
§
§During handling of the above exception, another exception occurred:
§
§Traceback (most recent call last):
§  File "/home/runner/work/geocode/geocode/tests/test_client.py", line 29, in test_reverse_lookup
§    place = self.client.reverse(52.52, 13.40)
§            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
§  File "/home/runner/work/geocode/geocode/geocode/client.py", line 66, in reverse
§    raise LookupFailed(f"no place at {lat},{lon}") from None
§geocode.errors.LookupFailed: no place at 52.52,13.4
§
§======================================================================
§FAIL: test_cache_expiry (test_cache.CacheTest.test_cache_expiry)
§----------------------------------------------------------------------
§Traceback (most recent call last):
§  File "/home/runner/work/geocode/geocode/tests/test_cache.py", line 41, in test_cache_expiry
§    self.assertIsNone(cache.get("berlin"))
§AssertionError: {'lat': 52.52, 'lon': 13.4} is not None
§
§----------------------------------------------------------------------
§Ran 4 tests in 0.031s
§
§FAILED (failures=1, errors=1)""",
                code=1,
            ),
        ],
    ),
    "geocode.errors.LookupFailed: no place at 52.52,13.4",
    "an ERROR with a chained traceback, then a FAIL, then the verdict",
)

case(
    "py-pytest-many-failures-long-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/units",
        "units-ci",
        [
            Step("pip install -r requirements.txt", pip_install(PY_PACKAGES[:6]), name="Install"),
            Step(
                "pytest -p no:cacheprovider tests/test_convert.py",
                pytest_header("/var/lib/jenkins/workspace/units-ci")
                + "tests/test_convert.py ..FFFFF..                                           [100%]\n"
                + "§=================================== FAILURES ===================================\n"
                + "\n".join(
                    f"""§_____________________ test_convert[{u}-{v}] _____________________
§
§unit = '{u}', expected = {v}
§
§    @pytest.mark.parametrize("unit,expected", CASES)
§    def test_convert(unit, expected):
§>       assert convert(1, unit, "m") == pytest.approx(expected)
§E       AssertionError: assert {v * 10} == {v} ± 1.0e-06
§
§tests/test_convert.py:22: AssertionError"""
                    for u, v in (("cm", 0.01), ("mm", 0.001), ("km", 1000), ("in", 0.0254), ("ft", 0.3048))
                )
                + """
§=========================== short test summary info ============================
§FAILED tests/test_convert.py::test_convert[cm-0.01] - AssertionError: assert 0.1 == 0.01 ± 1.0e-06
§FAILED tests/test_convert.py::test_convert[mm-0.001] - AssertionError: assert 0.01 == 0.001 ± 1.0e-06
§FAILED tests/test_convert.py::test_convert[km-1000] - AssertionError: assert 10000 == 1000 ± 1.0e-06
§FAILED tests/test_convert.py::test_convert[in-0.0254] - AssertionError: assert 0.254 == 0.0254 ± 1.0e-06
§FAILED tests/test_convert.py::test_convert[ft-0.3048] - AssertionError: assert 3.048 == 0.3048 ± 1.0e-06
§========================= 5 failed, 4 passed in 0.19s ==========================""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "FAILED tests/test_convert.py::test_convert[cm-0.01] - AssertionError: assert 0.1 == 0.01 ± 1.0e-06",
    "five parametrized failures: longer than the budget; the summary below names them all",
)

case(
    "py-mypy-many-files-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/orders",
        "orders-lint",
        [
            Step("pip install mypy==1.10.0", "Successfully installed mypy-1.10.0 mypy-extensions-1.0.0", name="Setup"),
            Step(
                "mypy src/",
                """§src/orders/models.py:14: error: Incompatible types in assignment (expression has type "None", variable has type "int")  [assignment]
§src/orders/models.py:31: error: Missing return statement  [return]
§src/orders/api.py:52: error: Argument 1 to "get_order" has incompatible type "str"; expected "int"  [arg-type]
§src/orders/api.py:88: error: Item "None" of "Order | None" has no attribute "total"  [union-attr]
§src/orders/api.py:88: note: Use "if x is not None" to narrow the type
§src/orders/tax.py:9: error: Module "decimal" has no attribute "ROUND_HALF_UPP"; maybe "ROUND_HALF_UP"?  [attr-defined]
§src/orders/tax.py:40: error: Unsupported operand types for * ("Decimal" and "float")  [operator]
§src/orders/tasks.py:17: error: Function is missing a return type annotation  [no-untyped-def]
§src/orders/tasks.py:17: note: Use "-> None" if function does not return a value
§src/orders/cli.py:61: error: Name "click_group" is not defined  [name-defined]
§Found 8 errors in 5 files (checked 42 source files)""",
                code=1,
                name="Typecheck",
            ),
        ],
    ),
    "src/orders/models.py:14: error: Incompatible types in assignment",
    "a type checker's findings across five files with notes, then its count",
)

# ---------------------------------------------------------------- JVM

case(
    "java-surefire2-tests-in-error-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/inventory",
        "inventory-build",
        [
            Step(
                "mvn -B test",
                maven_head("inventory")
                + "\n"
                + maven_downloads(6)
                + """
[INFO] --- maven-surefire-plugin:2.22.2:test (default-test) @ inventory ---
[INFO]
[INFO] -------------------------------------------------------
[INFO]  T E S T S
[INFO] -------------------------------------------------------
[INFO] Running com.acme.inventory.SkuTest
[INFO] Tests run: 14, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.112 s - in com.acme.inventory.SkuTest
[INFO] Running com.acme.inventory.StockServiceTest
§[ERROR] Tests run: 9, Failures: 1, Errors: 1, Skipped: 0, Time elapsed: 0.381 s <<< FAILURE! - in com.acme.inventory.StockServiceTest
§[ERROR] reserveMoreThanAvailable(com.acme.inventory.StockServiceTest)  Time elapsed: 0.021 s  <<< FAILURE!
§org.opentest4j.AssertionFailedError: Expected com.acme.inventory.OutOfStock to be thrown, but nothing was thrown.
§	at com.acme.inventory.StockServiceTest.reserveMoreThanAvailable(StockServiceTest.java:77)
§
§[ERROR] releaseUnknownSku(com.acme.inventory.StockServiceTest)  Time elapsed: 0.004 s  <<< ERROR!
§java.lang.NullPointerException: Cannot invoke "com.acme.inventory.Stock.release(int)" because "stock" is null
§	at com.acme.inventory.StockService.release(StockService.java:58)
§	at com.acme.inventory.StockServiceTest.releaseUnknownSku(StockServiceTest.java:92)
§
§[INFO]
§[INFO] Results:
§[INFO]
§[ERROR] Failures:
§[ERROR]   StockServiceTest.reserveMoreThanAvailable:77 Expected com.acme.inventory.OutOfStock to be thrown, but nothing was thrown.
§[ERROR] Errors:
§[ERROR]   StockServiceTest.releaseUnknownSku:92 NullPointer Cannot invoke "com.acme.inventory.Stock.release(int)" because "stock" is null
§[INFO]
§[ERROR] Tests run: 23, Failures: 1, Errors: 1, Skipped: 0
[INFO]
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  9.412 s
[INFO] Finished at: 2024-05-02T14:11:23Z
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:2.22.2:test (default-test) on project inventory: There are test failures.
[ERROR]
[ERROR] Please refer to /var/lib/jenkins/workspace/inventory-build/target/surefire-reports for the individual test results.
[ERROR] Please refer to dump files (if any exist) [date].dump, [date]-jvmRun[N].dump and [date].dumpstream.
[ERROR] -> [Help 1]""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "[ERROR] reserveMoreThanAvailable(com.acme.inventory.StockServiceTest)  Time elapsed: 0.021 s  <<< FAILURE!",
    "a failure and an error of one class with their traces, then the Results block listing both",
)

case(
    "java-surefire3-two-classes-gha",
    "test.failure",
    "high",
    gha(
        "acme/payments",
        "build",
        [
            setup_java(),
            Step(
                "mvn -B -ntp verify",
                maven_head("payments")
                + """
[INFO] --- surefire:3.2.5:test (default-test) @ payments ---
[INFO] Using auto detected provider org.apache.maven.surefire.junitplatform.JUnitPlatformProvider
[INFO]
[INFO] -------------------------------------------------------
[INFO]  T E S T S
[INFO] -------------------------------------------------------
[INFO] Running com.acme.payments.CurrencyTest
[INFO] Tests run: 11, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.093 s -- in com.acme.payments.CurrencyTest
[INFO] Running com.acme.payments.RefundTest
§[ERROR] Tests run: 6, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.214 s <<< FAILURE! -- in com.acme.payments.RefundTest
§[ERROR] com.acme.payments.RefundTest.partialRefundKeepsFee -- Time elapsed: 0.018 s <<< FAILURE!
§org.opentest4j.AssertionFailedError: expected: <2.50> but was: <0.00>
§	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
§	at org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:182)
§	at com.acme.payments.RefundTest.partialRefundKeepsFee(RefundTest.java:64)
§
§[INFO] Running com.acme.payments.WebhookTest
§[ERROR] Tests run: 4, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 0.552 s <<< FAILURE! -- in com.acme.payments.WebhookTest
§[ERROR] com.acme.payments.WebhookTest.rejectsBadSignature -- Time elapsed: 0.031 s <<< ERROR!
§java.lang.IllegalArgumentException: Illegal base64 character 2d
§	at java.base/java.util.Base64$Decoder.decode0(Base64.java:848)
§	at java.base/java.util.Base64$Decoder.decode(Base64.java:566)
§	at com.acme.payments.Webhook.verify(Webhook.java:33)
§	at com.acme.payments.WebhookTest.rejectsBadSignature(WebhookTest.java:41)
§
§[INFO]
§[INFO] Results:
§[INFO]
§[ERROR] Failures:
§[ERROR]   RefundTest.partialRefundKeepsFee:64 expected: <2.50> but was: <0.00>
§[ERROR] Errors:
§[ERROR]   WebhookTest.rejectsBadSignature:41 » IllegalArgument Illegal base64 character 2d
§[INFO]
§[ERROR] Tests run: 21, Failures: 1, Errors: 1, Skipped: 0
[INFO]
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project payments: There are test failures.""",
                code=1,
            ),
        ],
    ),
    "[ERROR] com.acme.payments.RefundTest.partialRefundKeepsFee -- Time elapsed: 0.018 s <<< FAILURE!",
    "two failing classes one after the other, each with its trace, then Results",
)

case(
    "java-spring-caused-by-chain-gha",
    "test.failure",
    "medium",
    gha(
        "acme/catalog",
        "test",
        [
            setup_java(),
            Step(
                "./mvnw -B test -Dtest=CatalogApplicationTests",
                """[INFO] Running com.acme.catalog.CatalogApplicationTests
14:11:02.412 [main] INFO org.springframework.test.context.support.AnnotationConfigContextLoaderUtils -- Could not detect default configuration classes
14:11:03.901 [main] INFO com.acme.catalog.CatalogApplicationTests -- Starting CatalogApplicationTests using Java 17.0.11
14:11:05.220 [main] WARN org.springframework.context.support.GenericApplicationContext -- Exception encountered during context initialization - cancelling refresh attempt
§[ERROR] Tests run: 1, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 4.812 s <<< FAILURE! -- in com.acme.catalog.CatalogApplicationTests
§[ERROR] com.acme.catalog.CatalogApplicationTests.contextLoads -- Time elapsed: 0.004 s <<< ERROR!
§java.lang.IllegalStateException: Failed to load ApplicationContext for [WebMergedContextConfiguration@5f2bd6d9 testClass = com.acme.catalog.CatalogApplicationTests]
§	at org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate.loadContext(DefaultCacheAwareContextLoaderDelegate.java:180)
§	at org.springframework.test.context.support.DefaultTestContext.getApplicationContext(DefaultTestContext.java:130)
§	at org.springframework.test.context.web.ServletTestExecutionListener.setUpRequestContextIfNecessary(ServletTestExecutionListener.java:191)
§	at org.junit.jupiter.engine.execution.InvocationInterceptorChain.proceed(InvocationInterceptorChain.java:64)
§	at java.base/java.util.ArrayList.forEach(ArrayList.java:1596)
§Caused by: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory' defined in class path resource [org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaConfiguration.class]: Unable to create requested service [org.hibernate.engine.jdbc.env.spi.JdbcEnvironment]
§	at org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1786)
§	at org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.doCreateBean(AbstractAutowireCapableBeanFactory.java:600)
§	at org.springframework.context.support.AbstractApplicationContext.refresh(AbstractApplicationContext.java:624)
§	... 71 more
§Caused by: org.hibernate.service.spi.ServiceException: Unable to create requested service [org.hibernate.engine.jdbc.env.spi.JdbcEnvironment]
§	at org.hibernate.service.internal.AbstractServiceRegistryImpl.createService(AbstractServiceRegistryImpl.java:276)
§	at org.hibernate.service.internal.AbstractServiceRegistryImpl.initializeService(AbstractServiceRegistryImpl.java:238)
§	... 86 more
§Caused by: org.hibernate.HibernateException: Unable to determine Dialect without JDBC metadata (please set 'jakarta.persistence.jdbc.url' for common cases or 'hibernate.dialect' when a custom Dialect implementation must be provided)
§	at org.hibernate.engine.jdbc.dialect.internal.DialectFactoryImpl.determineDialect(DialectFactoryImpl.java:190)
§	at org.hibernate.engine.jdbc.dialect.internal.DialectFactoryImpl.buildDialect(DialectFactoryImpl.java:87)
§	... 101 more
§
§[INFO]
§[INFO] Results:
§[INFO]
§[ERROR] Errors:
§[ERROR]   CatalogApplicationTests.contextLoads » IllegalState Failed to load ApplicationContext for [WebMergedContextConfiguration@5f2bd6d9 testClass = com.acme.catalog.CatalogApplicationTests]
§[INFO]
§[ERROR] Tests run: 1, Failures: 0, Errors: 1, Skipped: 0
[INFO]
[INFO] BUILD FAILURE""",
                code=1,
            ),
        ],
    ),
    "Caused by: org.hibernate.HibernateException: Unable to determine Dialect without JDBC metadata",
    "the context failure's Caused by chain: the last cause says what to fix; alt config.error",
)

case(
    "java-javac-multi-errors-maven-travis",
    "compile.error",
    "high",
    travis(
        "acme/router",
        "java",
        [
            Step(
                "mvn -B compile",
                maven_head("router")
                + """
§[INFO] -------------------------------------------------------------
§[ERROR] COMPILATION ERROR :
§[INFO] -------------------------------------------------------------
§[ERROR] /home/travis/build/acme/router/src/main/java/com/acme/router/Route.java:[12,8] cannot find symbol
§  symbol:   class PathPattern
§  location: package com.acme.router.match
§[ERROR] /home/travis/build/acme/router/src/main/java/com/acme/router/Route.java:[31,13] cannot find symbol
§  symbol:   class PathPattern
§  location: class com.acme.router.Route
§[ERROR] /home/travis/build/acme/router/src/main/java/com/acme/router/Router.java:[57,29] incompatible types: java.util.List<com.acme.router.Route> cannot be converted to java.util.Set<com.acme.router.Route>
§[ERROR] /home/travis/build/acme/router/src/main/java/com/acme/router/Handler.java:[22,5] method does not override or implement a method from a supertype
§[INFO] 4 errors
§[INFO] -------------------------------------------------------------
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  4.118 s
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project router: Compilation failure: Compilation failure:
[ERROR] /home/travis/build/acme/router/src/main/java/com/acme/router/Route.java:[12,8] cannot find symbol
[ERROR]   symbol:   class PathPattern
[ERROR]   location: package com.acme.router.match
[ERROR] -> [Help 1]""",
                code=1,
                name="script",
            ),
        ],
    ),
    "Route.java:[12,8] cannot find symbol",
    "javac's four errors in three files between Maven's rules, with their symbol/location details",
)

case(
    "gradle-two-failures-gha",
    "compile.error",
    "medium",
    gha(
        "acme/notes-android",
        "build",
        [
            setup_java(),
            Step(
                "./gradlew build --continue",
                gradle_head()
                + """
> Task :core:compileKotlin
§e: file:///home/runner/work/notes-android/notes-android/core/src/main/kotlin/com/acme/notes/Store.kt:41:17 Unresolved reference: flowOfNotes
§e: file:///home/runner/work/notes-android/notes-android/core/src/main/kotlin/com/acme/notes/Store.kt:58:9 Type mismatch: inferred type is String? but String was expected
§
§> Task :core:compileKotlin FAILED
§> Task :lint:lintDebug FAILED
§
§FAILURE: Build completed with 2 failures.
§
§1: Task failed with an exception.
§-----------
§* What went wrong:
§Execution failed for task ':core:compileKotlin'.
§> A failure occurred while executing org.jetbrains.kotlin.compilerRunner.GradleCompilerRunnerWithWorkers$GradleKotlinCompilerWorkAction
§   > Compilation error. See log for more details
§
§* Try:
§> Run with --stacktrace option to get the stack trace.
§==============================================================================
§
§2: Task failed with an exception.
§-----------
§* What went wrong:
§Execution failed for task ':lint:lintDebug'.
§> Lint found 3 errors, 1 warning. First failure:
§  /home/runner/work/notes-android/notes-android/app/src/main/res/layout/item_note.xml:12: Error: Hardcoded string "Delete", should use @string resource [HardcodedText]
§
§* Try:
§> Run with --stacktrace option to get the stack trace.
§==============================================================================
§
§BUILD FAILED in 1m 12s
42 actionable tasks: 40 executed, 2 up-to-date""",
                code=1,
            ),
        ],
    ),
    "e: file:///home/runner/work/notes-android/notes-android/core/src/main/kotlin/com/acme/notes/Store.kt:41:17 Unresolved reference: flowOfNotes",
    "--continue: a compile failure and a lint failure, both in Gradle's numbered report (its * Try: advice between them is in the span); alt lint.error",
)

case(
    "gradle-test-three-failed-travis",
    "test.failure",
    "high",
    travis(
        "acme/dates",
        "java",
        [
            Step(
                "./gradlew test",
                """> Task :compileJava
> Task :processResources NO-SOURCE
> Task :classes
> Task :compileTestJava
> Task :testClasses

> Task :test

§DateParserTest > parsesIsoWeek() FAILED
§    org.opentest4j.AssertionFailedError at DateParserTest.java:44
§
§DateParserTest > parsesOrdinalDate() FAILED
§    java.time.format.DateTimeParseException at DateParserTest.java:57
§        Caused by: java.time.DateTimeException at DateParserTest.java:57
§
§DurationFormatTest > formatsNegative() FAILED
§    org.opentest4j.AssertionFailedError at DurationFormatTest.java:23
§
§48 tests completed, 3 failed
§
§> Task :test FAILED
§
§FAILURE: Build failed with an exception.
§
§* What went wrong:
§Execution failed for task ':test'.
§> There were failing tests. See the report at: file:///home/travis/build/acme/dates/build/reports/tests/test/index.html

* Try:
> Run with --stacktrace option to get the stack trace.
> Run with --info or --debug option to get more log output.
> Run with --scan to get full insights.
> Get more help at https://help.gradle.org

BUILD FAILED in 21s""",
                code=1,
                name="script",
            ),
        ],
    ),
    "DateParserTest > parsesIsoWeek() FAILED",
    "Gradle's three failed tests, each with its exception line, then the count and the task's failure",
)

case(
    "junit5-console-launcher-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/shapes",
        "shapes",
        [
            Step(
                "java -jar junit-platform-console-standalone-1.10.2.jar -cp build/classes --scan-classpath",
                """
Thanks for using JUnit! Support its development at https://junit.org/sponsoring

╷
├─ JUnit Jupiter ✔
│  ├─ CircleTest ✔
│  │  ├─ area() ✔
│  │  └─ circumference() ✔
│  └─ PolygonTest ✔
│     ├─ triangleArea() ✘ expected: <6.0> but was: <12.0>
│     ├─ squareArea() ✔
│     └─ emptyPolygon() ✘ Polygon needs at least 3 points, got 0
└─ JUnit Vintage ✔

§Failures (2):
§  JUnit Jupiter:PolygonTest:triangleArea()
§    MethodSource [className = 'com.acme.shapes.PolygonTest', methodName = 'triangleArea', methodParameterTypes = '']
§    => org.opentest4j.AssertionFailedError: expected: <6.0> but was: <12.0>
§       org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
§       org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:70)
§       com.acme.shapes.PolygonTest.triangleArea(PolygonTest.java:18)
§  JUnit Jupiter:PolygonTest:emptyPolygon()
§    MethodSource [className = 'com.acme.shapes.PolygonTest', methodName = 'emptyPolygon', methodParameterTypes = '']
§    => java.lang.IllegalArgumentException: Polygon needs at least 3 points, got 0
§       com.acme.shapes.Polygon.<init>(Polygon.java:14)
§       com.acme.shapes.PolygonTest.emptyPolygon(PolygonTest.java:31)
§
§Test run finished after 142 ms
§[         5 containers found      ]
§[         0 containers skipped    ]
§[         5 containers started    ]
§[         0 containers aborted    ]
§[         5 containers successful ]
§[         0 containers failed     ]
§[         5 tests found           ]
§[         0 tests skipped         ]
§[         5 tests started         ]
§[         0 tests aborted         ]
§[         3 tests successful      ]
§[         2 tests failed          ]""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "=> org.opentest4j.AssertionFailedError: expected: <6.0> but was: <12.0>",
    "the console launcher's Failures (2) list with both traces, then its counts box",
)

case(
    "testng-two-failures-gha",
    "test.failure",
    "medium",
    gha(
        "acme/scheduler",
        "test",
        [
            setup_java("11"),
            Step(
                "mvn -B test",
                """[INFO] Running TestSuite
§[ERROR] Tests run: 12, Failures: 2, Errors: 0, Skipped: 1, Time elapsed: 1.327 s <<< FAILURE! - in TestSuite
§[ERROR] com.acme.scheduler.CronTest.nextFireAfterDst  Time elapsed: 0.011 s  <<< FAILURE!
§java.lang.AssertionError: expected [2024-03-31T03:00] but found [2024-03-31T02:00]
§	at org.testng.Assert.fail(Assert.java:111)
§	at org.testng.Assert.failNotEquals(Assert.java:1578)
§	at org.testng.Assert.assertEquals(Assert.java:150)
§	at com.acme.scheduler.CronTest.nextFireAfterDst(CronTest.java:48)
§
§[ERROR] com.acme.scheduler.QueueTest.drainsInOrder  Time elapsed: 0.005 s  <<< FAILURE!
§java.lang.AssertionError: Lists differ at element [1]: job-2 != job-3 expected [job-2] but found [job-3]
§	at org.testng.Assert.fail(Assert.java:111)
§	at org.testng.Assert.assertEquals(Assert.java:1245)
§	at com.acme.scheduler.QueueTest.drainsInOrder(QueueTest.java:30)
§
§[INFO]
§[INFO] Results:
§[INFO]
§[ERROR] Failures:
§[ERROR]   CronTest.nextFireAfterDst:48 expected [2024-03-31T03:00] but found [2024-03-31T02:00]
§[ERROR]   QueueTest.drainsInOrder:30 Lists differ at element [1]: job-2 != job-3 expected [job-2] but found [job-3]
§[INFO]
§[ERROR] Tests run: 12, Failures: 2, Errors: 0, Skipped: 1
[INFO]
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------""",
                code=1,
            ),
        ],
    ),
    "[ERROR] com.acme.scheduler.CronTest.nextFireAfterDst  Time elapsed: 0.011 s  <<< FAILURE!",
    "TestNG through surefire: two failures of the suite, then the Results block",
)

case(
    "scala-sbt-scalatest-failures-travis",
    "test.failure",
    "high",
    travis(
        "acme/jsonpath",
        "scala",
        [
            Step(
                "sbt ++2.13.14 test",
                """[info] welcome to sbt 1.9.9 (Eclipse Adoptium Java 17.0.11)
[info] loading settings for project jsonpath-build from plugins.sbt ...
[info] loading project definition from /home/travis/build/acme/jsonpath/project
[info] compiling 12 Scala sources to /home/travis/build/acme/jsonpath/target/scala-2.13/classes ...
[info] compiling 6 Scala sources to /home/travis/build/acme/jsonpath/target/scala-2.13/test-classes ...
[info] PathParserSpec:
[info] - parses a root path
[info] - parses a child path
§[info] - parses a wildcard *** FAILED ***
§[info]   Left(ParseError(unexpected '*' at 2)) was not an instance of scala.util.Right, but an instance of scala.util.Left (PathParserSpec.scala:21)
§[info] - parses a filter *** FAILED ***
§[info]   List(Child(a), Filter(b > 1)) did not equal List(Child(a), Filter(b >= 1)) (PathParserSpec.scala:34)
§[info]   Analysis:
§[info]   List(1: Filter(b > 1) -> Filter(b >= 1))
§[info] EvaluatorSpec:
§[info] - evaluates a slice *** FAILED ***
§[info]   java.lang.IndexOutOfBoundsException: 5 is out of bounds (min 0, max 3)
§[info]   at scala.collection.immutable.Vector.apply(Vector.scala:156)
§[info]   at com.acme.jsonpath.Evaluator.slice(Evaluator.scala:48)
§[info] Run completed in 1 second, 204 milliseconds.
§[info] Total number of tests run: 18
§[info] Suites: completed 2, aborted 0
§[info] Tests: succeeded 15, failed 3, canceled 0, ignored 0, pending 0
§[info] *** 3 TESTS FAILED ***
§[error] Failed tests:
§[error] 	com.acme.jsonpath.PathParserSpec
§[error] 	com.acme.jsonpath.EvaluatorSpec
§[error] (Test / test) sbt.TestsFailedException: Tests unsuccessful
[error] Total time: 38 s, completed May 2, 2024, 2:14:07 PM""",
                code=1,
                name="script",
            ),
        ],
    ),
    "[info] - parses a wildcard *** FAILED ***",
    "ScalaTest's three failures in two suites, then the run's counts and sbt's failed-tests list",
)

# ---------------------------------------------------------------- JavaScript / TypeScript

case(
    "js-mocha-three-failing-gha",
    "test.failure",
    "high",
    gha(
        "acme/slugify",
        "test (20)",
        [
            setup_node(),
            Step("npm ci", npm_ci(412)),
            Step(
                "npm test",
                """
> slugify@3.1.0 test
> mocha --reporter spec test/

  slugify
    ✔ lowercases
    ✔ replaces spaces
    1) strips accents
    2) keeps digits
  options
    ✔ custom separator
    3) max length

  3 passing (18ms)
§  3 failing
§
§  1) slugify
§       strips accents:
§
§      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
§
§'creme-brulee' !== 'crème-brûlée'
§
§      + expected - actual
§
§      -crème-brûlée
§      +creme-brulee
§
§      at Context.<anonymous> (test/slugify.test.js:14:12)
§      at process.processImmediate (node:internal/timers:478:21)
§
§  2) slugify
§       keeps digits:
§     TypeError: Cannot read properties of undefined (reading 'replace')
§      at slugify (lib/index.js:22:18)
§      at Context.<anonymous> (test/slugify.test.js:19:5)
§
§  3) options
§       max length:
§     Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called; if returning a Promise, ensure it resolves. (/home/runner/work/slugify/slugify/test/options.test.js)
§      at listOnTimeout (node:internal/timers:573:17)
§      at process.processTimers (node:internal/timers:514:7)""",
                code=3,
            ),
        ],
    ),
    "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:",
    "mocha's three failures after its counts: an assertion with a diff, a TypeError, a timeout",
)

case(
    "js-jest-two-suites-failing-travis",
    "test.failure",
    "high",
    travis(
        "acme/cartjs",
        "node_js",
        [
            Step("npm ci", npm_ci(903), name="install"),
            Step(
                "npx jest --ci",
                """PASS src/utils/money.test.ts
PASS src/components/Badge.test.tsx
§FAIL src/cart/cart.test.ts
§  ● Cart › applies percentage coupon
§
§    expect(received).toBe(expected) // Object.is equality
§
§    Expected: 90
§    Received: 100
§
§      21 |     const cart = new Cart([item(100)]);
§      22 |     cart.apply(coupon("10%"));
§    > 23 |     expect(cart.total()).toBe(90);
§         |                          ^
§      24 |   });
§
§      at Object.toBe (src/cart/cart.test.ts:23:26)
§
§FAIL src/checkout/checkout.test.ts
§  ● Test suite failed to run
§
§    Cannot find module '../api/client' from 'src/checkout/checkout.ts'
§
§    Require stack:
§      src/checkout/checkout.ts
§      src/checkout/checkout.test.ts
§
§      1 | import { Cart } from "../cart/cart";
§    > 2 | import { post } from "../api/client";
§        | ^
§
§      at Resolver._throwModNotFoundError (node_modules/jest-resolve/build/resolver.js:427:11)
§
§Test Suites: 2 failed, 2 passed, 4 total
§Tests:       1 failed, 23 passed, 24 total
§Snapshots:   0 total
§Time:        3.412 s
Ran all test suites.""",
                code=1,
                name="script",
            ),
        ],
    ),
    "● Cart › applies percentage coupon",
    "two failing suites: an assertion with its code frame, a suite that failed to run; alt dependency.missing",
)

case(
    "ts-tsc-many-errors-frames-gha",
    "compile.error",
    "high",
    gha(
        "acme/dashboard",
        "typecheck",
        [
            setup_node(),
            Step("npm ci", npm_ci(1502)),
            Step(
                "npx tsc --noEmit --pretty",
                """§src/api/client.ts:18:7 - error TS2322: Type 'string | undefined' is not assignable to type 'string'.
§  Type 'undefined' is not assignable to type 'string'.
§
§18 const base: string = process.env.API_URL;
§         ~~~~
§
§src/api/client.ts:44:22 - error TS2345: Argument of type 'number' is not assignable to parameter of type 'string'.
§
§44   return fetch(join(base, id), { headers });
§                        ~~
§
§src/charts/Line.tsx:9:10 - error TS2305: Module '"recharts"' has no exported member 'LineChartProps'.
§
§9 import { LineChartProps } from "recharts";
§           ~~~~~~~~~~~~~~
§
§src/charts/Line.tsx:31:5 - error TS2741: Property 'dataKey' is missing in type '{ stroke: string; }' but required in type 'LineProps'.
§
§31     <Line stroke="#8884d8" />
§       ~~~~
§
§  node_modules/recharts/types/cartesian/Line.d.ts:42:5
§    42     dataKey: DataKey<any>;
§           ~~~~~~~
§    'dataKey' is declared here.
§
§src/state/store.ts:12:3 - error TS7006: Parameter 'action' implicitly has an 'any' type.
§
§12   action,
§     ~~~~~~
§
§
§Found 5 errors in 3 files.
§
§Errors  Files
§     2  src/api/client.ts:18
§     2  src/charts/Line.tsx:9
§     1  src/state/store.ts:12""",
                code=2,
            ),
        ],
    ),
    "src/api/client.ts:18:7 - error TS2322: Type 'string | undefined' is not assignable to type 'string'.",
    "five tsc errors with code frames and a related location, then the count and the per-file table",
)

case(
    "js-eslint-multi-file-gha",
    "lint.error",
    "high",
    gha(
        "acme/widgets",
        "lint",
        [
            setup_node(),
            Step("npm ci", npm_ci(733)),
            Step(
                "npx eslint . --max-warnings 0",
                """
§/home/runner/work/widgets/widgets/src/Button.jsx
§   4:10  error    'useMemo' is defined but never used              no-unused-vars
§  17:5   warning  Unexpected console statement                     no-console
§  28:14  error    React Hook "useState" is called conditionally    react-hooks/rules-of-hooks
§
§/home/runner/work/widgets/widgets/src/Modal.jsx
§  12:1   error  Expected indentation of 2 spaces but found 4  indent
§  40:22  error  Missing "key" prop for element in iterator    react/jsx-key
§
§/home/runner/work/widgets/widgets/src/util/format.js
§  3:7  error  'DEFAULT' is assigned a value but never used  no-unused-vars
§
§✖ 6 problems (5 errors, 1 warning)
§  1 error and 0 warnings potentially fixable with the `--fix` option.""",
                code=1,
            ),
        ],
    ),
    '28:14  error    React Hook "useState" is called conditionally    react-hooks/rules-of-hooks',
    "eslint's findings in three files, then its count",
)

case(
    "deno-test-errors-and-failures-gha",
    "test.failure",
    "medium",
    gha(
        "acme/kvstore",
        "test",
        [
            Step(
                "",
                uses="denoland/setup-deno@v1",
                with_={"deno-version": "v1.x"},
                out="Going to use Deno version 1.43.1.\nDeno was added to the path.",
            ),
            Step(
                "deno test --allow-read",
                """Check file:///home/runner/work/kvstore/kvstore/store_test.ts
running 4 tests from ./store_test.ts
set and get ... ok (2ms)
delete ... ok (0ms)
§expire ... FAILED (12ms)
§ttl rounding ... FAILED (1ms)
§
§ ERRORS
§
§expire => ./store_test.ts:21:6
§error: AssertionError: Values are not equal.
§
§
§    [Diff] Actual / Expected
§
§
§-   "v"
§+   undefined
§
§  throw new AssertionError(message);
§        ^
§    at assertEquals (https://deno.land/std@0.224.0/assert/assert_equals.ts:52:9)
§    at file:///home/runner/work/kvstore/kvstore/store_test.ts:26:3
§
§ttl rounding => ./store_test.ts:30:6
§error: RangeError: Invalid time value
§    at Date.toISOString (<anonymous>)
§    at ttlOf (file:///home/runner/work/kvstore/kvstore/store.ts:71:30)
§    at file:///home/runner/work/kvstore/kvstore/store_test.ts:33:5
§
§ FAILURES
§
§expire => ./store_test.ts:21:6
§ttl rounding => ./store_test.ts:30:6
§
§FAILED | 2 passed | 2 failed (41ms)
§
§error: Test failed""",
                code=1,
            ),
        ],
    ),
    "error: AssertionError: Values are not equal.",
    "deno's ERRORS section with two failures, then FAILURES naming them and the verdict",
)

# ---------------------------------------------------------------- Go

case(
    "go-two-packages-adjacent-fail-gha",
    "test.failure",
    "high",
    gha(
        "acme/mesh",
        "test",
        [
            setup_go(),
            Step(
                "go test ./...",
                go_download(GO_MODS)
                + """
ok  	github.com/acme/mesh/api	0.118s
ok  	github.com/acme/mesh/discovery	0.402s
§--- FAIL: TestBalancerWeights (0.00s)
§    balancer_test.go:37: picks after 1000 rounds: a=712 b=288, want a≈500 b≈500
§--- FAIL: TestBalancerSkipsDown (0.00s)
§    balancer_test.go:58: picked down backend "b" 3 times
§FAIL
§FAIL	github.com/acme/mesh/lb	0.027s
§--- FAIL: TestProxyHeaders (0.01s)
§    proxy_test.go:81: X-Forwarded-For = "", want "10.0.0.9"
§    proxy_test.go:84: Via = "", want "1.1 mesh"
§FAIL
§FAIL	github.com/acme/mesh/proxy	0.054s
ok  	github.com/acme/mesh/retry	0.011s
ok  	github.com/acme/mesh/tls	0.266s
FAIL""",
                code=1,
            ),
        ],
    ),
    "--- FAIL: TestBalancerWeights (0.00s)",
    "two packages failing one after the other, each with its tests and verdict",
)

case(
    "go-build-failed-packages-jenkins",
    "compile.error",
    "high",
    jenkins(
        "acme/billing-go",
        "billing-go",
        [
            Step(
                "go test ./...",
                go_download(GO_MODS[:4])
                + """
§# github.com/acme/billing/invoice [github.com/acme/billing/invoice.test]
§invoice/pdf.go:14:2: "github.com/acme/billing/render" imported and not used
§invoice/pdf.go:52:9: undefined: render.Page
§invoice/total.go:33:18: cannot use amount (variable of type float64) as decimal.Decimal value in argument to t.Add
§# github.com/acme/billing/tax
§tax/vat.go:20:6: rateFor redeclared in this block
§	tax/rates.go:11:6: other declaration of rateFor
§FAIL	github.com/acme/billing/invoice [build failed]
§FAIL	github.com/acme/billing/tax [build failed]
ok  	github.com/acme/billing/customer	0.033s
FAIL""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "invoice/pdf.go:52:9: undefined: render.Page",
    "go's compile errors of two packages, then a build-failed verdict for each",
)

# ---------------------------------------------------------------- Rust

case(
    "rust-rustc-three-errors-frames-gha",
    "compile.error",
    "high",
    gha(
        "acme/tomlq",
        "check",
        [
            setup_rust(),
            Step(
                "cargo build --locked",
                """   Compiling tomlq v0.3.0 (/home/runner/work/tomlq/tomlq)
§error[E0425]: cannot find value `cfg` in this scope
§  --> src/main.rs:27:20
§   |
§27 |     let doc = load(cfg.path)?;
§   |                    ^^^ not found in this scope
§
§error[E0308]: mismatched types
§  --> src/query.rs:41:16
§   |
§39 | pub fn select(doc: &Value, path: &str) -> Option<&Value> {
§   |                                          -------------- expected `Option<&toml::Value>` because of return type
§40 |     let parts = path.split('.');
§41 |     return doc.get(parts);
§   |                ^^^^^^^^^^ expected `Option<&Value>`, found `&Value`
§   |
§help: try wrapping the expression in `Some`
§   |
§41 |     return Some(doc.get(parts));
§   |            +++++              +
§
§error[E0599]: no method named `as_tbl` found for reference `&toml::Value` in the current scope
§  --> src/query.rs:58:14
§   |
§58 |         cur.as_tbl()?.get(p)
§   |             ^^^^^^ help: there is a method with a similar name: `as_table`
§
§Some errors have detailed explanations: E0308, E0425, E0599.
§For more information about an error, try `rustc --explain E0308`.
§error: could not compile `tomlq` (bin "tomlq") due to 3 previous errors""",
                code=101,
            ),
        ],
    ),
    "error[E0425]: cannot find value `cfg` in this scope",
    "rustc's three errors, each with its code frame and help, then the explanations and cargo's verdict",
)

case(
    "rust-cargo-test-two-failures-travis",
    "test.failure",
    "high",
    travis(
        "acme/semverx",
        "rust",
        [
            Step(
                "cargo test",
                """   Compiling semverx v1.2.0 (/home/travis/build/acme/semverx)
    Finished `test` profile [unoptimized + debuginfo] target(s) in 6.12s
     Running unittests src/lib.rs (target/debug/deps/semverx-1c2d3e4f5a6b7c8d)

running 12 tests
test parse::tests::plain ... ok
test parse::tests::prerelease ... FAILED
test range::tests::caret ... ok
test range::tests::tilde_zero ... FAILED
test range::tests::wildcard ... ok

§failures:
§
§---- parse::tests::prerelease stdout ----
§thread 'parse::tests::prerelease' panicked at src/parse.rs:88:9:
§assertion `left == right` failed
§  left: Some([Alpha("rc"), Numeric(1)])
§ right: Some([Alpha("rc.1")])
§
§---- range::tests::tilde_zero stdout ----
§thread 'range::tests::tilde_zero' panicked at src/range.rs:141:44:
§called `Result::unwrap()` on an `Err` value: UnexpectedEnd
§note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
§
§
§failures:
§    parse::tests::prerelease
§    range::tests::tilde_zero
§
§test result: FAILED. 10 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s
§
§error: test failed, to rerun pass `--lib`""",
                code=101,
                name="script",
            ),
        ],
    ),
    "---- parse::tests::prerelease stdout ----",
    "libtest's two failures' captured output, then its failures list and verdict",
)

# ---------------------------------------------------------------- .NET

case(
    "dotnet-test-three-failed-gha",
    "test.failure",
    "high",
    gha(
        "acme/shop",
        "test",
        [
            Step("dotnet restore", dotnet_restore()),
            Step(
                "dotnet test --no-restore --verbosity normal",
                """Test run for /home/runner/work/shop/shop/tests/Shop.Tests/bin/Debug/net8.0/Shop.Tests.dll (.NETCoreApp,Version=v8.0)
VSTest version 17.9.0 (x64)

Starting test execution, please wait...
A total of 1 test files matched the specified pattern.
  Passed Shop.Tests.PriceTests.RoundsToCents [3 ms]
§  Failed Shop.Tests.CartTests.AddsQuantity [12 ms]
§  Error Message:
§   Assert.Equal() Failure: Values differ
§Expected: 3
§Actual:   2
§  Stack Trace:
§     at Shop.Tests.CartTests.AddsQuantity() in /home/runner/work/shop/shop/tests/Shop.Tests/CartTests.cs:line 27
§   at System.RuntimeMethodHandle.InvokeMethod(Object target, Void** arguments, Signature sig, Boolean isConstructor)
§  Failed Shop.Tests.CartTests.RemovesLastItem [1 ms]
§  Error Message:
§   System.InvalidOperationException : Sequence contains no elements
§  Stack Trace:
§     at System.Linq.ThrowHelper.ThrowNoElementsException()
§   at Shop.Core.Cart.Remove(String sku) in /home/runner/work/shop/shop/src/Shop.Core/Cart.cs:line 61
§   at Shop.Tests.CartTests.RemovesLastItem() in /home/runner/work/shop/shop/tests/Shop.Tests/CartTests.cs:line 40
§  Failed Shop.Tests.CheckoutTests.ChargesTax(region: "DE") [4 ms]
§  Error Message:
§   Assert.Equal() Failure: Values differ
§Expected: 119.00
§Actual:   100.00
§  Stack Trace:
§     at Shop.Tests.CheckoutTests.ChargesTax(String region) in /home/runner/work/shop/shop/tests/Shop.Tests/CheckoutTests.cs:line 18
§
§Failed!  - Failed:     3, Passed:    41, Skipped:     0, Total:    44, Duration: 212 ms - Shop.Tests.dll (net8.0)""",
                code=1,
            ),
        ],
    ),
    "  Failed Shop.Tests.CartTests.AddsQuantity [12 ms]",
    "VSTest's three failed tests with messages and stacks, then its verdict",
)

case(
    "dotnet-build-errors-summary-jenkins",
    "compile.error",
    "high",
    jenkins(
        "acme/ledger-net",
        "ledger-net",
        [
            Step(
                "dotnet build -c Release",
                """MSBuild version 17.9.8+b34f75857 for .NET
  Determining projects to restore...
  All projects are up-to-date for restore.
  Ledger.Domain -> /var/lib/jenkins/workspace/ledger-net/src/Ledger.Domain/bin/Release/net8.0/Ledger.Domain.dll
§/var/lib/jenkins/workspace/ledger-net/src/Ledger.Api/Controllers/AccountsController.cs(34,27): error CS1061: 'IAccountStore' does not contain a definition for 'FindAsync' and no accessible extension method 'FindAsync' accepting a first argument of type 'IAccountStore' could be found (are you missing a using directive or an assembly reference?) [/var/lib/jenkins/workspace/ledger-net/src/Ledger.Api/Ledger.Api.csproj]
§/var/lib/jenkins/workspace/ledger-net/src/Ledger.Api/Program.cs(12,1): error CS0246: The type or namespace name 'AddLedgerAuth' could not be found (are you missing a using directive or an assembly reference?) [/var/lib/jenkins/workspace/ledger-net/src/Ledger.Api/Ledger.Api.csproj]
§
§Build FAILED.
§
§/var/lib/jenkins/workspace/ledger-net/src/Ledger.Api/Controllers/AccountsController.cs(34,27): error CS1061: 'IAccountStore' does not contain a definition for 'FindAsync' and no accessible extension method 'FindAsync' accepting a first argument of type 'IAccountStore' could be found (are you missing a using directive or an assembly reference?) [/var/lib/jenkins/workspace/ledger-net/src/Ledger.Api/Ledger.Api.csproj]
§/var/lib/jenkins/workspace/ledger-net/src/Ledger.Api/Program.cs(12,1): error CS0246: The type or namespace name 'AddLedgerAuth' could not be found (are you missing a using directive or an assembly reference?) [/var/lib/jenkins/workspace/ledger-net/src/Ledger.Api/Ledger.Api.csproj]
§    0 Warning(s)
§    2 Error(s)

Time Elapsed 00:00:07.31""",
                code=1,
                name="Build",
            ),
        ],
    ),
    "error CS1061: 'IAccountStore' does not contain a definition for 'FindAsync'",
    "MSBuild's errors, then Build FAILED repeating them and the counts",
)

# ---------------------------------------------------------------- Ruby, PHP, Elixir, Swift

case(
    "ruby-rspec-failures-rerun-list-travis",
    "test.failure",
    "high",
    travis(
        "acme/mailroom",
        "ruby",
        [
            Step("bundle install --jobs=3 --retry=3", bundle_install(), name="install"),
            Step(
                "bundle exec rspec",
                """
Randomized with seed 41207
..........F......F...F........

§Failures:
§
§  1) Mailroom::Parser extracts the reply-to address
§     Failure/Error: expect(mail.reply_to).to eq("help@acme.test")
§
§       expected: "help@acme.test"
§            got: nil
§
§       (compared using ==)
§     # ./spec/parser_spec.rb:22:in `block (2 levels) in <top (required)>'
§
§  2) Mailroom::Router routes by plus-address
§     Failure/Error: route = router.call(mail)
§
§     NoMethodError:
§       undefined method `local_part' for nil:NilClass
§     # ./lib/mailroom/router.rb:31:in `call'
§     # ./spec/router_spec.rb:14:in `block (2 levels) in <top (required)>'
§
§  3) Mailroom::Delivery retries on timeout
§     Failure/Error: expect(client).to have_received(:post).exactly(3).times
§
§       (Spy).post(*(any args))
§           expected: 3 times with any arguments
§           received: 1 time with any arguments
§     # ./spec/delivery_spec.rb:40:in `block (2 levels) in <top (required)>'
§
§Finished in 0.41233 seconds (files took 0.60128 seconds to load)
§30 examples, 3 failures
§
§Failed examples:
§
§rspec ./spec/parser_spec.rb:19 # Mailroom::Parser extracts the reply-to address
§rspec ./spec/router_spec.rb:11 # Mailroom::Router routes by plus-address
§rspec ./spec/delivery_spec.rb:36 # Mailroom::Delivery retries on timeout
§
§Randomized with seed 41207""",
                code=1,
                name="script",
            ),
        ],
    ),
    'Failure/Error: expect(mail.reply_to).to eq("help@acme.test")',
    "RSpec's three failures, the counts, and the list of examples to rerun below them",
)

case(
    "ruby-minitest-failure-and-error-gha",
    "test.failure",
    "high",
    gha(
        "acme/shorturl",
        "test",
        [
            Step(
                "",
                uses="ruby/setup-ruby@v1",
                with_={"ruby-version": "3.3", "bundler-cache": "true"},
                out="Using ruby-3.3.1\n" + bundle_install(),
            ),
            Step(
                "bin/rails test",
                """Running 38 tests in a single process (parallelization threshold is 50)
Run options: --seed 18830

# Running:

......F.........E.....................

§Failure:
§LinkTest#test_rejects_javascript_scheme [test/models/link_test.rb:17]:
§Expected true to be nil or false
§
§
§rails test test/models/link_test.rb:14
§
§Error:
§RedirectsControllerTest#test_counts_visit:
§ActiveRecord::StatementInvalid: SQLite3::SQLException: no such column: links.visits_count
§    app/controllers/redirects_controller.rb:7:in `show'
§    test/controllers/redirects_controller_test.rb:9:in `block in <class:RedirectsControllerTest>'
§
§rails test test/controllers/redirects_controller_test.rb:8
§
§
§
§Finished in 0.912314s, 41.6526 runs/s, 70.1513 assertions/s.
§38 runs, 64 assertions, 1 failures, 1 errors, 0 skips""",
                code=1,
            ),
        ],
    ),
    "LinkTest#test_rejects_javascript_scheme [test/models/link_test.rb:17]:",
    "Rails' minitest reporter: a failure and an error each with its rerun line, then the counts",
)

case(
    "php-phpunit-two-failures-gha",
    "test.failure",
    "high",
    gha(
        "acme/money-php",
        "tests (8.3)",
        [
            Step("composer install --no-progress", composer_install()),
            Step(
                "vendor/bin/phpunit",
                """PHPUnit 10.5.20 by Sebastian Bergmann and contributors.

Runtime:       PHP 8.3.6
Configuration: /home/runner/work/money-php/money-php/phpunit.xml

..F.......F..                                                     13 / 13 (100%)

Time: 00:00.041, Memory: 8.00 MB

§There were 2 failures:
§
§1) Acme\\Money\\Tests\\MoneyTest::testAllocateRemainder
§Failed asserting that two arrays are identical.
§--- Expected
§+++ Actual
§@@ @@
§ Array &0 [
§-    0 => 34,
§+    0 => 33,
§     1 => 33,
§-    2 => 33,
§+    2 => 34,
§ ]
§
§/home/runner/work/money-php/money-php/tests/MoneyTest.php:58
§
§2) Acme\\Money\\Tests\\CurrencyTest::testUnknownCodeThrows
§Failed asserting that exception of type "Acme\\Money\\UnknownCurrency" is thrown.
§
§FAILURES!
§Tests: 13, Assertions: 29, Failures: 2.""",
                code=1,
            ),
        ],
    ),
    "1) Acme\\Money\\Tests\\MoneyTest::testAllocateRemainder",
    "PHPUnit's two failures, one with an array diff, then its verdict",
)

case(
    "elixir-exunit-two-failures-gha",
    "test.failure",
    "high",
    gha(
        "acme/ratelimit",
        "test",
        [
            Step(
                "",
                uses="erlef/setup-beam@v1",
                with_={"otp-version": "26", "elixir-version": "1.16"},
                out="Installing Erlang/OTP 26.2.5\nInstalling Elixir 1.16.2-otp-26",
            ),
            Step(
                "mix test",
                """Compiling 9 files (.ex)
Generated ratelimit app
Running ExUnit with seed: 550121, max_cases: 4

.......

§  1) test allows burst up to capacity (Ratelimit.BucketTest)
§     test/bucket_test.exs:12
§     Assertion with == failed
§     code:  assert Bucket.take(b, 5) == :ok
§     left:  {:error, :empty}
§     right: :ok
§     stacktrace:
§       test/bucket_test.exs:15: (test)
§
§...
§
§  2) test refills over time (Ratelimit.BucketTest)
§     test/bucket_test.exs:20
§     ** (ArithmeticError) bad argument in arithmetic expression
§     code: Bucket.refill(b, now)
§     stacktrace:
§       :erlang.-(nil, 1714658400)
§       (ratelimit 0.4.0) lib/ratelimit/bucket.ex:38: Ratelimit.Bucket.refill/2
§       test/bucket_test.exs:24: (test)
§
§....
§Finished in 0.1 seconds (0.00s async, 0.1s sync)
§16 tests, 2 failures
§
§Randomized with seed 550121""",
                code=2,
            ),
        ],
    ),
    "1) test allows burst up to capacity (Ratelimit.BucketTest)",
    "ExUnit's two failures printed as they happen between progress dots, then the counts",
)

case(
    "swift-xctest-linux-failures-gha",
    "test.failure",
    "high",
    gha(
        "acme/swift-csv",
        "linux",
        [
            Step(
                "swift test",
                """Building for debugging...
[42/42] Linking swift-csvPackageTests.xctest
Build complete! (18.21s)
Test Suite 'All tests' started at 2024-05-02 14:20:11.104
Test Suite 'debug.xctest' started at 2024-05-02 14:20:11.106
Test Suite 'ReaderTests' started at 2024-05-02 14:20:11.106
Test Case 'ReaderTests.testPlainRow' started at 2024-05-02 14:20:11.106
Test Case 'ReaderTests.testPlainRow' passed (0.001 seconds)
§Test Case 'ReaderTests.testQuotedComma' started at 2024-05-02 14:20:11.107
§/__w/swift-csv/swift-csv/Tests/CSVTests/ReaderTests.swift:24: error: ReaderTests.testQuotedComma : XCTAssertEqual failed: ("["a", "\\"b", "c\\""]") is not equal to ("["a", "b,c"]")
§Test Case 'ReaderTests.testQuotedComma' failed (0.003 seconds)
§Test Case 'ReaderTests.testCRLF' started at 2024-05-02 14:20:11.110
§/__w/swift-csv/swift-csv/Tests/CSVTests/ReaderTests.swift:33: error: ReaderTests.testCRLF : XCTAssertEqual failed: ("3") is not equal to ("2") - row count
§/__w/swift-csv/swift-csv/Tests/CSVTests/ReaderTests.swift:34: error: ReaderTests.testCRLF : XCTAssertEqual failed: ("["b\\r"]") is not equal to ("["b"]")
§Test Case 'ReaderTests.testCRLF' failed (0.002 seconds)
§Test Suite 'ReaderTests' failed at 2024-05-02 14:20:11.112
§\t Executed 3 tests, with 3 failures (0 unexpected) in 0.006 (0.006) seconds
Test Suite 'debug.xctest' failed at 2024-05-02 14:20:11.112
\t Executed 3 tests, with 3 failures (0 unexpected) in 0.006 (0.006) seconds
Test Suite 'All tests' failed at 2024-05-02 14:20:11.112
\t Executed 3 tests, with 3 failures (0 unexpected) in 0.006 (0.006) seconds""",
                code=1,
            ),
        ],
    ),
    "ReaderTests.swift:24: error: ReaderTests.testQuotedComma : XCTAssertEqual failed",
    "XCTest on Linux: two failing cases, one with two assertions, then the suite's verdict",
)

# ---------------------------------------------------------------- C / C++

case(
    "c-gcc-errors-two-files-travis",
    "compile.error",
    "high",
    travis(
        "acme/minihttp",
        "c",
        [
            Step(
                "make -j2",
                """gcc -Wall -Wextra -O2 -c src/buf.c -o build/buf.o
gcc -Wall -Wextra -O2 -c src/parse.c -o build/parse.o
gcc -Wall -Wextra -O2 -c src/server.c -o build/server.o
§src/parse.c: In function ‘parse_header’:
§src/parse.c:48:17: error: ‘MAX_HEADER’ undeclared (first use in this function); did you mean ‘MAX_HEADERS’?
§   48 |     if (len >= MAX_HEADER)
§      |                ^~~~~~~~~~
§      |                MAX_HEADERS
§src/parse.c:48:17: note: each undeclared identifier is reported only once for each function it appears in
§src/parse.c:61:12: error: too few arguments to function ‘buf_append’
§   61 |     return buf_append(req->raw, line);
§      |            ^~~~~~~~~~
§In file included from src/parse.c:3:
§src/buf.h:14:5: note: declared here
§   14 | int buf_append(struct buf *b, const char *s, size_t n);
§      |     ^~~~~~~~~~
§make: *** [Makefile:12: build/parse.o] Error 1
§src/server.c: In function ‘serve’:
§src/server.c:90:5: error: implicit declaration of function ‘accept4’; did you mean ‘accept’? [-Werror=implicit-function-declaration]
§   90 |     accept4(fd, NULL, NULL, SOCK_CLOEXEC);
§      |     ^~~~~~~
§      |     accept
§cc1: some warnings being treated as errors
§make: *** [Makefile:12: build/server.o] Error 1""",
                code=2,
                name="script",
            ),
        ],
    ),
    "src/parse.c:48:17: error: ‘MAX_HEADER’ undeclared (first use in this function); did you mean ‘MAX_HEADERS’?",
    "gcc's errors in two files built in parallel, each with caret frames and notes, make's line after each",
)

case(
    "cpp-ctest-two-failed-output-gha",
    "test.failure",
    "high",
    gha(
        "acme/geomlib",
        "test (ubuntu-latest)",
        [
            Step("cmake -B build && cmake --build build -j4", "[100%] Built target geom_tests"),
            Step(
                "ctest --test-dir build --output-on-failure",
                """Test project /home/runner/work/geomlib/geomlib/build
    Start 1: vec_test
1/4 Test #1: vec_test .........................   Passed    0.01 sec
    Start 2: io_test
2/4 Test #2: io_test ..........................   Passed    0.01 sec
    Start 3: hull_test
§3/4 Test #3: hull_test ........................***Failed    0.02 sec
§[==========] Running 3 tests from 1 test suite.
§[ RUN      ] Hull.Collinear
§/home/runner/work/geomlib/geomlib/tests/hull_test.cpp:31: Failure
§Expected equality of these values:
§  hull.size()
§    Which is: 3
§  2u
§[  FAILED  ] Hull.Collinear (0 ms)
§[==========] 3 tests from 1 test suite ran. (0 ms total)
§[  PASSED  ] 2 tests.
§[  FAILED  ] 1 test, listed below:
§[  FAILED  ] Hull.Collinear
§
§    Start 4: clip_test
§4/4 Test #4: clip_test ........................***Failed    0.01 sec
§[==========] Running 2 tests from 1 test suite.
§[ RUN      ] Clip.EmptyPolygon
§/home/runner/work/geomlib/geomlib/tests/clip_test.cpp:12: Failure
§Value of: result.empty()
§  Actual: false
§Expected: true
§[  FAILED  ] Clip.EmptyPolygon (0 ms)
§[  FAILED  ] 1 test, listed below:
§[  FAILED  ] Clip.EmptyPolygon
§
§50% tests passed, 2 tests failed out of 4
§
§Total Test time (real) =   0.06 sec
§
§The following tests FAILED:
§	  3 - hull_test (Failed)
§	  4 - clip_test (Failed)
Errors while running CTest""",
                code=8,
            ),
        ],
    ),
    "3/4 Test #3: hull_test ........................***Failed    0.02 sec",
    "two CTest tests with their googletest output, then CTest's list",
)

# ---------------------------------------------------------------- more Python and JVM shapes

case(
    "py-pytest-captured-log-teardown-gha",
    "test.failure",
    "medium",
    gha(
        "acme/syncer",
        "integration (py3.11)",
        [
            setup_python(),
            PIP,
            Step(
                "pytest tests/integration -q",
                pytest_header()
                + "tests/integration/test_sync.py F.                                    [100%]\n"
                + """§=================================== FAILURES ===================================
§____________________________ test_sync_two_buckets _____________________________
§
§tmp_store = <Store /tmp/pytest-of-runner/pytest-0/test_sync_two_buckets0>
§
§    def test_sync_two_buckets(tmp_store):
§        report = sync(tmp_store, ["a", "b"])
§>       assert report.copied == 12
§E       assert 7 == 12
§E        +  where 7 = SyncReport(copied=7, skipped=5, failed=0).copied
§
§tests/integration/test_sync.py:44: AssertionError
§------------------------------ Captured log setup ------------------------------
§INFO     syncer.store:store.py:31 created bucket a
§INFO     syncer.store:store.py:31 created bucket b
§------------------------------ Captured log call -------------------------------
§INFO     syncer.sync:sync.py:58 listing a: 12 objects
§INFO     syncer.sync:sync.py:58 listing b: 5 objects
§WARNING  syncer.sync:sync.py:77 etag match, skipping a/img/1.png
§WARNING  syncer.sync:sync.py:77 etag match, skipping a/img/2.png
§WARNING  syncer.sync:sync.py:77 etag match, skipping a/img/3.png
§WARNING  syncer.sync:sync.py:77 etag match, skipping a/img/4.png
§WARNING  syncer.sync:sync.py:77 etag match, skipping a/img/5.png
§INFO     syncer.sync:sync.py:91 copied 7, skipped 5, failed 0
§---------------------------- Captured stderr teardown ---------------------------
§Exception ignored in: <function Store.__del__ at 0x7f3a2c1b0f40>
§ResourceWarning: unclosed <socket.socket fd=12, family=2, type=1, proto=6>
§=========================== short test summary info ============================
§FAILED tests/integration/test_sync.py::test_sync_two_buckets - assert 7 == 12
§========================= 1 failed, 1 passed in 1.02s ==========================""",
                code=1,
            ),
        ],
    ),
    "E       assert 7 == 12",
    "one failure whose captured log sections say why (five objects skipped on an etag match)",
)

case(
    "kotlin-gradle-junit-caused-by-jenkins",
    "test.failure",
    "medium",
    jenkins(
        "acme/feeds",
        "feeds",
        [
            Step(
                "./gradlew test --stacktrace",
                """> Task :compileKotlin UP-TO-DATE
> Task :compileTestKotlin
> Task :test

§FeedReaderTest > readsAtomFeed() FAILED
§    com.acme.feeds.FeedException: cannot read feed https://example.test/atom.xml
§        at com.acme.feeds.FeedReader.read(FeedReader.kt:42)
§        at com.acme.feeds.FeedReaderTest.readsAtomFeed(FeedReaderTest.kt:19)
§
§        Caused by:
§        com.fasterxml.jackson.dataformat.xml.JacksonXmlParseException: Unexpected character '&' (code 38) in content after '<' (malformed start element?).
§            at com.fasterxml.jackson.dataformat.xml.deser.FromXmlParser._constructError(FromXmlParser.java:1126)
§            at com.acme.feeds.FeedReader.parse(FeedReader.kt:57)
§            ... 2 more
§
§            Caused by:
§            com.ctc.wstx.exc.WstxUnexpectedCharException: Unexpected character '&' (code 38) in content after '<' (malformed start element?).
§             at [row,col {unknown-source}]: [3,14]
§                at com.ctc.wstx.sr.StreamScanner.throwUnexpectedChar(StreamScanner.java:666)
§                ... 4 more
§
§14 tests completed, 1 failed
§
§> Task :test FAILED
§
§FAILURE: Build failed with an exception.
§
§* What went wrong:
§Execution failed for task ':test'.
§> There were failing tests. See the report at: file:///var/lib/jenkins/workspace/feeds/build/reports/tests/test/index.html""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "com.ctc.wstx.exc.WstxUnexpectedCharException: Unexpected character '&' (code 38) in content after '<'",
    "Gradle's test report with its nested Caused by chain; the deepest cause says what is wrong",
)

case(
    "node-error-cause-chain-test-gha",
    "test.failure",
    "medium",
    gha(
        "acme/importer",
        "test",
        [
            setup_node(),
            Step(
                "node --test test/",
                """▶ importer
  ✔ reads a csv file (3.1ms)
§  ✖ imports rows into the store (8.2ms)
§    Error: import failed at row 3
§        at Importer.run (file:///home/runner/work/importer/importer/src/importer.js:44:13)
§        at async TestContext.<anonymous> (file:///home/runner/work/importer/importer/test/importer.test.js:18:5) {
§      [cause]: TypeError: Cannot convert "12,5" to a number
§          at toNumber (file:///home/runner/work/importer/importer/src/convert.js:9:11)
§          at Importer.row (file:///home/runner/work/importer/importer/src/importer.js:61:20)
§          at Importer.run (file:///home/runner/work/importer/importer/src/importer.js:40:24)
§    }
§
§▶ importer (12.9ms)
§ℹ tests 2
§ℹ suites 1
§ℹ pass 1
§ℹ fail 1
§ℹ cancelled 0
§ℹ skipped 0
§ℹ todo 0
§ℹ duration_ms 61.3
§
§✖ failing tests:
§
§test at test/importer.test.js:14:3
§✖ imports rows into the store (8.2ms)
§  Error: import failed at row 3
§      at Importer.run (file:///home/runner/work/importer/importer/src/importer.js:44:13) {
§    [cause]: TypeError: Cannot convert "12,5" to a number
§        at toNumber (file:///home/runner/work/importer/importer/src/convert.js:9:11)
§  }""",
                code=1,
            ),
        ],
    ),
    '[cause]: TypeError: Cannot convert "12,5" to a number',
    "node's test runner: an error with its [cause], the counts, then the failing tests repeated",
)
