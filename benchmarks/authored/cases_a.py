"""Authored cases: Python, JavaScript/TypeScript, Go."""

from __future__ import annotations

from benchmarks.authored.noise import (
    GO_MODS,
    PY_PACKAGES,
    go_download,
    npm_ci,
    pip_install,
    pytest_dots,
    pytest_header,
    setup_go,
    setup_node,
    setup_python,
)
from benchmarks.authored.shapes import Log, Step, gha, gitlab, jenkins, travis

Case = tuple[str, str, str, Log, str, str]  # name, category, confidence, log, evidence, note
CASES: list[Case] = []


def case(name: str, category: str, confidence: str, log: Log, evidence: str, note: str = "") -> None:
    # Each case is written to logs/NAME.log: two batches written apart once chose one name.
    if any(name == known[0] for known in CASES):
        raise ValueError(f"two authored cases are named {name!r}")
    CASES.append((name, category, confidence, log, evidence, note))


PYFILES = [
    "tests/test_api.py",
    "tests/test_cli.py",
    "tests/test_config.py",
    "tests/test_models.py",
    "tests/test_parser.py",
    "tests/test_render.py",
    "tests/test_storage.py",
    "tests/test_utils.py",
]
PIP = Step("python -m pip install --upgrade pip\npip install -r requirements-dev.txt", pip_install(PY_PACKAGES))

# ---------------------------------------------------------------- Python

case(
    "py-pytest-assert-gha",
    "test.failure",
    "high",
    gha(
        "acme/ledger",
        "test (3.11)",
        [
            setup_python(),
            PIP,
            Step(
                "pytest -q --cov=ledger",
                pytest_header()
                + pytest_dots(PYFILES, fail_at="tests/test_parser.py")
                + """

§=================================== FAILURES ===================================
§___________________________ test_parse_negative_amount ___________________________
§
§    def test_parse_negative_amount():
§        entry = parse_line("2024-01-03  Coffee  -3.50 EUR")
§>       assert entry.amount == Decimal("-3.50")
§E       AssertionError: assert Decimal('3.50') == Decimal('-3.50')
§E        +  where Decimal('3.50') = Entry(date=datetime.date(2024, 1, 3), payee='Coffee', amount=Decimal('3.50'), currency='EUR').amount
§E        +  and   Decimal('-3.50') = Decimal('-3.50')
§
§tests/test_parser.py:58: AssertionError

---------- coverage: platform linux, python 3.11.9-final-0 -----------
Name                     Stmts   Miss  Cover
--------------------------------------------
ledger/__init__.py           4      0   100%
ledger/parser.py           118      9    92%
ledger/render.py            77      3    96%
--------------------------------------------
TOTAL                      199     12    94%

=========================== short test summary info ============================
FAILED tests/test_parser.py::test_parse_negative_amount - AssertionError: assert Decimal('3.50') == Decimal('-3.50')
1 failed, 213 passed in 4.87s""",
                code=1,
            ),
        ],
        actions=("actions/setup-python@v5",),
    ),
    "AssertionError: assert Decimal('3.50') == Decimal('-3.50')",
)

case(
    "py-unittest-travis",
    "test.failure",
    "high",
    travis(
        "oldcorp/confparse",
        "python",
        [
            Step("python --version", "Python 3.8.0"),
            Step(
                "pip --version",
                "pip 20.0.2 from /home/travis/virtualenv/python3.8.0/lib/python3.8/site-packages/pip (python 3.8)",
            ),
            Step("pip install -r requirements.txt", pip_install(PY_PACKAGES[6:]), name="install.1"),
            Step(
                "python -m unittest discover -v",
                """test_defaults (tests.test_cfg.DefaultsTest) ... ok
test_env_override (tests.test_cfg.DefaultsTest) ... ok
test_missing_file (tests.test_cfg.LoaderTest) ... ok
test_nested_sections (tests.test_cfg.LoaderTest) ... ok
test_include (tests.test_cfg.ParserTest) ... ok
test_interpolation (tests.test_cfg.ParserTest) ... FAIL
test_multiline (tests.test_cfg.ParserTest) ... ok
test_unicode_keys (tests.test_cfg.ParserTest) ... ok
test_roundtrip (tests.test_writer.WriterTest) ... ok

§======================================================================
§FAIL: test_interpolation (tests.test_cfg.ParserTest)
§----------------------------------------------------------------------
§Traceback (most recent call last):
§  File "/home/travis/build/oldcorp/confparse/tests/test_cfg.py", line 88, in test_interpolation
§    self.assertEqual(cfg.get("paths", "log"), "/var/log/app/app.log")
§AssertionError: '/var/log/app/${name}.log' != '/var/log/app/app.log'
§- /var/log/app/${name}.log
§?              ^^^^^^^
§+ /var/log/app/app.log
§?              ^^^
§
§
§----------------------------------------------------------------------
§Ran 9 tests in 0.031s
§
§FAILED (failures=1)""",
                code=1,
                name="",
            ),
        ],
    ),
    "FAIL: test_interpolation (tests.test_cfg.ParserTest)",
)

case(
    "py-tox-flake8-gha",
    "lint.error",
    "high",
    gha(
        "acme/webhooks",
        "py-checks",
        [
            setup_python(),
            Step(
                "pip install tox", pip_install([("tox", "4.15.0"), ("virtualenv", "20.26.1"), ("filelock", "3.14.0")])
            ),
            Step(
                "tox -e py311",
                """py311: install_deps> python -I -m pip install -r requirements-dev.txt
py311: commands[0]> pytest -q
........................................................................ [ 58%]
...................................................                      [100%]
123 passed in 3.12s
  py311: OK (18.41=setup[14.02]+cmd[4.39] seconds)
  congratulations :) (18.52 seconds)""",
            ),
            Step(
                "tox -e lint",
                """lint: install_deps> python -I -m pip install flake8==7.0.0 flake8-bugbear==24.4.26
lint: commands[0]> flake8 src tests
§src/webhooks/dispatch.py:41:80: E501 line too long (97 > 79 characters)
§src/webhooks/dispatch.py:77:5: B006 Do not use mutable data structures for argument defaults.
§src/webhooks/signing.py:12:1: F401 'hashlib' imported but unused
§tests/test_dispatch.py:203:9: F841 local variable 'resp' is assigned to but never used
lint: exit 1 (0.61 seconds) /home/runner/work/webhooks/webhooks> flake8 src tests pid=2231
  lint: FAIL code 1 (6.02=setup[5.41]+cmd[0.61] seconds)
  evaluation failed :( (6.11 seconds)""",
                code=1,
            ),
        ],
    ),
    "src/webhooks/dispatch.py:41:80: E501 line too long (97 > 79 characters)",
)

case(
    "py-mypy-gha",
    "lint.error",
    "high",
    gha(
        "acme/inventory",
        "typecheck",
        [
            setup_python("3.12"),
            PIP,
            Step(
                "mypy src/",
                """§src/inventory/models.py:45: error: Incompatible return value type (got "str | None", expected "str")  [return-value]
§src/inventory/models.py:88: error: Argument 1 to "Sku" has incompatible type "int"; expected "str"  [arg-type]
§src/inventory/api/routes.py:17: error: Module "inventory.models" has no attribute "StockLevel"  [attr-defined]
§src/inventory/api/routes.py:17: note: See https://mypy.rtfd.io/en/stable/_refs.html#code-attr-defined for more info
§Found 3 errors in 2 files (checked 48 source files)""",
                code=1,
            ),
        ],
    ),
    'src/inventory/models.py:45: error: Incompatible return value type (got "str | None", expected "str")',
    "mypy run as a check: lint.error per categories.md (alt compile.error)",
)

case(
    "py-ruff-gha",
    "lint.error",
    "high",
    gha(
        "acme/notifier",
        "lint",
        [
            setup_python(),
            Step(
                "pip install ruff==0.4.4",
                "Collecting ruff==0.4.4\n  Downloading ruff-0.4.4-py3-none-manylinux_2_17_x86_64.whl (8.8 MB)\nInstalling collected packages: ruff\nSuccessfully installed ruff-0.4.4",
            ),
            Step(
                "ruff check --output-format=full .",
                """§notifier/channels/slack.py:3:8: F401 [*] `os` imported but unused
§  |
§1 | import json
§2 | import logging
§3 | import os
§  |        ^^ F401
§4 |
§5 | import httpx
§  |
§  = help: Remove unused import: `os`
§
§notifier/core.py:112:12: E721 Do not compare types, use `isinstance()`
§    |
§110 |     if msg is None:
§111 |         return
§112 |     if type(msg) == dict:
§    |        ^^^^^^^^^^^^^^^^^ E721
§113 |         msg = Message(**msg)
§    |
§
§Found 2 errors.
§[*] 1 fixable with the `--fix` option.""",
                code=1,
            ),
        ],
    ),
    "notifier/channels/slack.py:3:8: F401 [*] `os` imported but unused",
)

case(
    "py-black-check-travis",
    "lint.error",
    "high",
    travis(
        "oldcorp/tilemap",
        "python",
        [
            Step(
                "pip install black==22.3.0 pytest",
                pip_install([("black", "22.3.0"), ("click", "8.1.3"), ("pytest", "7.1.2")]),
                name="install",
            ),
            Step("pytest -q", "........................................................ [100%]\n56 passed in 1.91s"),
            Step(
                "black --check .",
                """§would reformat /home/travis/build/oldcorp/tilemap/tilemap/render.py
§would reformat /home/travis/build/oldcorp/tilemap/tests/test_render.py
§
§Oh no! 💥 💔 💥
§2 files would be reformatted, 31 files would be left unchanged.""",
                code=1,
            ),
        ],
    ),
    "would reformat /home/travis/build/oldcorp/tilemap/tilemap/render.py",
)

case(
    "py-pip-resolver-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/scraper",
        "build",
        [
            setup_python(),
            Step(
                "pip install -r requirements.txt",
                """Collecting requests==2.31.0 (from -r requirements.txt (line 1))
  Downloading requests-2.31.0-py3-none-any.whl.metadata (4.6 kB)
Collecting urllib3==1.26.18 (from -r requirements.txt (line 2))
  Downloading urllib3-1.26.18-py2.py3-none-any.whl.metadata (48 kB)
Collecting botocore==1.34.100 (from -r requirements.txt (line 3))
  Downloading botocore-1.34.100-py3-none-any.whl.metadata (5.7 kB)
Collecting types-requests==2.31.0.20240406 (from -r requirements.txt (line 4))
  Downloading types_requests-2.31.0.20240406-py3-none-any.whl.metadata (1.8 kB)
INFO: pip is looking at multiple versions of types-requests to determine which version is compatible with other requirements. This could take a while.
§ERROR: Cannot install -r requirements.txt (line 2) and -r requirements.txt (line 4) because these package versions have conflicting dependencies.
§
§The conflict is caused by:
§    The user requested urllib3==1.26.18
§    types-requests 2.31.0.20240406 depends on urllib3>=2
§
§To fix this you could try to:
§1. loosen the range of package versions you've specified
§2. remove package versions to allow pip attempt to solve the dependency conflict
§
§ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts""",
                code=1,
            ),
        ],
    ),
    "ERROR: ResolutionImpossible",
)

case(
    "py-no-matching-dist-jenkins",
    "dependency.missing",
    "medium",
    jenkins(
        "acme/ml-pipeline",
        "ml-pipeline_main",
        [
            Step(
                "python3 -m venv .venv\n. .venv/bin/activate\npip install -r requirements.txt",
                """Collecting numpy==1.26.4
  Downloading numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (18.3 MB)
Collecting pandas==2.2.2
  Downloading pandas-2.2.2-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (13.0 MB)
§ERROR: Could not find a version that satisfies the requirement torch==1.13.1+cpu (from versions: 2.0.0, 2.0.1, 2.1.0, 2.1.1, 2.1.2, 2.2.0, 2.2.1, 2.2.2, 2.3.0)
§ERROR: No matching distribution found for torch==1.13.1+cpu""",
                code=1,
                name="Install",
            ),
            Step("pytest", name="Test"),
        ],
    ),
    "ERROR: No matching distribution found for torch==1.13.1+cpu",
    "the pinned version is not published for this Python (alt dependency.resolution, runtime.version)",
)

case(
    "py-collection-modulenotfound-gha",
    "dependency.missing",
    "high",
    gha(
        "acme/etl",
        "tests",
        [
            setup_python(),
            Step("pip install -e .[test]", pip_install(PY_PACKAGES[:6])),
            Step(
                "pytest",
                pytest_header().replace("collected 214 items", "collected 87 items / 1 error")
                + """
==================================== ERRORS ====================================
§___________________ ERROR collecting tests/test_loaders.py ____________________
§ImportError while importing test module '/home/runner/work/etl/etl/tests/test_loaders.py'.
§Hint: make sure your test modules/packages have valid Python names.
§Traceback:
§/opt/hostedtoolcache/Python/3.11.9/x64/lib/python3.11/importlib/__init__.py:126: in import_module
§    return _bootstrap._gcd_import(name[level:], package, level)
§tests/test_loaders.py:4: in <module>
§    from etl.loaders import load_yaml
§etl/loaders.py:7: in <module>
§    import yaml
§E   ModuleNotFoundError: No module named 'yaml'
=========================== short test summary info ============================
ERROR tests/test_loaders.py
!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!
=============================== 1 error in 0.84s ===============================""",
                code=2,
            ),
        ],
    ),
    "E   ModuleNotFoundError: No module named 'yaml'",
)

case(
    "py-pytest-timeout-gha",
    "timeout",
    "high",
    gha(
        "acme/queueworker",
        "integration",
        [
            setup_python(),
            PIP,
            Step(
                "pytest -v --timeout=120 tests/integration",
                pytest_header(plugins="timeout-2.3.1, cov-5.0.0").replace("collected 214 items", "collected 18 items")
                + """
tests/integration/test_queue.py::test_publish PASSED                     [  5%]
tests/integration/test_queue.py::test_consume PASSED                     [ 11%]
tests/integration/test_queue.py::test_ack PASSED                         [ 16%]
tests/integration/test_queue.py::test_redelivery FAILED                  [ 22%]
tests/integration/test_queue.py::test_dead_letter PASSED                 [ 27%]

=================================== FAILURES ===================================
§_______________________________ test_redelivery ________________________________
§
§    def test_redelivery(broker):
§        broker.publish("jobs", b"payload")
§>       msg = broker.consume("jobs", wait=True)
§
§tests/integration/test_queue.py:61:
§_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _
§queueworker/broker.py:140: in consume
§    frame = self._sock.recv(4096)
§E   Failed: Timeout >120.0s
=========================== short test summary info ============================
FAILED tests/integration/test_queue.py::test_redelivery - Failed: Timeout >120.0s
=================== 1 failed, 17 passed in 131.77s (0:02:11) ===================""",
                code=1,
            ),
        ],
    ),
    "E   Failed: Timeout >120.0s",
    "a pytest-timeout limit: timeout (alt test.failure)",
)

case(
    "py-gha-job-timeout",
    "timeout",
    "high",
    gha(
        "acme/simulator",
        "slow-tests",
        [
            setup_python(),
            PIP,
            Step(
                "pytest -v tests/slow",
                pytest_header().replace("collected 214 items", "collected 40 items")
                + "\n".join(
                    f"tests/slow/test_sim.py::test_scenario[{i}] PASSED".ljust(73) + f"[{int(100 * (i + 1) / 40):3d}%]"
                    for i in range(22)
                )
                + """
§tests/slow/test_sim.py::test_scenario[22]
§##[error]The job running on runner GitHub Actions 14 has exceeded the maximum execution time of 45 minutes.
§##[error]The operation was canceled.""",
            ),
        ],
    ),
    "The job running on runner GitHub Actions 14 has exceeded the maximum execution time of 45 minutes.",
)

case(
    "py-sphinx-warning-error-gha",
    "lint.error",
    "medium",
    gha(
        "acme/sdk",
        "docs",
        [
            setup_python(),
            Step(
                "pip install -r docs/requirements.txt",
                pip_install([("sphinx", "7.3.7"), ("furo", "2024.5.6"), ("myst-parser", "3.0.1")]),
            ),
            Step(
                "sphinx-build -W --keep-going -b html docs docs/_build/html",
                """Running Sphinx v7.3.7
loading translations [en]... done
making output directory... done
loading intersphinx inventory 'python' from https://docs.python.org/3/objects.inv...
building [mo]: targets for 0 po files that are out of date
writing output...
building [html]: targets for 24 source files that are out of date
updating environment: [new config] 24 added, 0 changed, 0 removed
reading sources... [ 50%] guide/install
reading sources... [100%] reference/client
looking for now-outdated files... none found
pickling environment... done
checking consistency... done
preparing documents... done
copying assets...
writing output... [ 50%] guide/install
writing output... [100%] reference/client
§/home/runner/work/sdk/sdk/docs/guide/quickstart.rst:41: WARNING: undefined label: 'auth-tokens'
§/home/runner/work/sdk/sdk/docs/reference/client.rst:12: WARNING: py:class reference target not found: sdk.Session
§generating indices... genindex py-modindex done
§writing additional pages... search done
§dumping search index in English (code: en)... done
§dumping object inventory... done
§build finished with problems, 2 warnings (with warnings treated as errors).""",
                code=1,
            ),
        ],
    ),
    "docs/guide/quickstart.rst:41: WARNING: undefined label: 'auth-tokens'",
    "docs build with -W: warnings are the errors (alt config.error / compile.error)",
)

# ---------------------------------------------------------------- JavaScript / TypeScript

NPM_CI = Step("npm ci", npm_ci())

case(
    "js-jest-gha",
    "test.failure",
    "high",
    gha(
        "acme/dashboard",
        "test",
        [
            setup_node(),
            NPM_CI,
            Step(
                "npm test -- --ci",
                """
> dashboard@3.4.0 test
> jest --ci

PASS src/api/client.test.ts
PASS src/hooks/useSession.test.ts
PASS src/components/Chart.test.tsx (5.112 s)
§FAIL src/utils/date.test.ts
§  ● formatDate › handles leap years
§
§    expect(received).toBe(expected) // Object.is equality
§
§    Expected: "29 Feb 2024"
§    Received: "1 Mar 2024"
§
§      14 |   it('handles leap years', () => {
§      15 |     const d = new Date(Date.UTC(2024, 1, 29));
§    > 16 |     expect(formatDate(d)).toBe('29 Feb 2024');
§         |                           ^
§      17 |   });
§      18 | });
§
§      at Object.toBe (src/utils/date.test.ts:16:27)
PASS src/components/Table.test.tsx
PASS src/store/reducers.test.ts

Test Suites: 1 failed, 5 passed, 6 total
Tests:       1 failed, 87 passed, 88 total
Snapshots:   12 passed, 12 total
Time:        9.874 s
Ran all test suites.""",
                code=1,
            ),
        ],
        actions=("actions/setup-node@v4",),
    ),
    "● formatDate › handles leap years",
)

case(
    "js-mocha-travis",
    "test.failure",
    "high",
    travis(
        "oldcorp/tinyrouter",
        "node_js",
        [
            Step(
                "nvm install 16", "Downloading and installing node v16.20.2...\nNow using node v16.20.2 (npm v8.19.4)"
            ),
            Step("npm ci", npm_ci(312), name="install"),
            Step(
                "npm test",
                """
> tinyrouter@2.1.0 test
> mocha --reporter spec test/


  Router
    ✓ matches static routes
    ✓ matches params (:id)
    ✓ decodes percent-encoded params
    1) should 404 on unknown route
    ✓ supports HEAD for GET routes

  Middleware
    ✓ runs in order
    ✓ stops on error
    ✓ passes errors to handlers


  7 passing (48ms)
  1 failing

§  1) Router
§       should 404 on unknown route:
§
§      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
§
§200 !== 404
§
§      + expected - actual
§
§      -200
§      +404
§
§      at Context.<anonymous> (test/router.test.js:41:12)
§      at process.processImmediate (node:internal/timers:476:21)""",
                code=1,
            ),
        ],
        cache="/home/travis/.npm",
    ),
    "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:",
)

case(
    "ts-vitest-gha",
    "test.failure",
    "high",
    gha(
        "acme/ui-kit",
        "unit",
        [
            setup_node(),
            Step(
                "corepack enable\npnpm install --frozen-lockfile",
                """Lockfile is up to date, resolution step is skipped
Progress: resolved 1, reused 0, downloaded 0, added 0
Packages: +612
++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++
Progress: resolved 612, reused 601, downloaded 11, added 612, done

dependencies:
+ react 18.3.1
+ react-dom 18.3.1

devDependencies:
+ vitest 1.6.0
+ typescript 5.4.5

Done in 6.2s""",
            ),
            Step(
                "pnpm vitest run",
                """
 RUN  v1.6.0 /home/runner/work/ui-kit/ui-kit

 ✓ src/components/Avatar.test.tsx  (4 tests) 38ms
 ✓ src/components/Modal.test.tsx  (9 tests) 121ms
 ❯ src/components/Button.test.tsx  (6 tests | 1 failed) 64ms
   × Button > renders the label from props
 ✓ src/hooks/useToggle.test.ts  (3 tests) 5ms

⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯

§ FAIL  src/components/Button.test.tsx > Button > renders the label from props
§AssertionError: expected 'Submit' to be 'Save' // Object.is equality
§
§- Expected
§+ Received
§
§- Save
§+ Submit
§
§ ❯ src/components/Button.test.tsx:22:41
§     20|   it('renders the label from props', () => {
§     21|     render(<Button label="Save" />);
§     22|     expect(screen.getByRole('button').textContent).toBe('Save');
§       |                                         ^
§     23|   });

⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/1]⎯

 Test Files  1 failed | 3 passed (4)
      Tests  1 failed | 21 passed (22)
   Start at  14:05:01
   Duration  2.31s (transform 412ms, setup 0ms, collect 1.20s, tests 228ms, environment 1.91s, prepare 610ms)
""",
                code=1,
            ),
        ],
    ),
    "AssertionError: expected 'Submit' to be 'Save'",
)

case(
    "ts-eslint-gha",
    "lint.error",
    "high",
    gha(
        "acme/portal",
        "lint",
        [
            setup_node(),
            NPM_CI,
            Step(
                "npm run lint",
                """
> portal@1.9.2 lint
> eslint . --ext .ts,.tsx --max-warnings 0

§/home/runner/work/portal/portal/src/pages/Settings.tsx
§  12:7   error    'unusedFlag' is assigned a value but never used  @typescript-eslint/no-unused-vars
§  48:5   warning  React Hook useEffect has a missing dependency: 'load'. Either include it or remove the dependency array  react-hooks/exhaustive-deps
§
§/home/runner/work/portal/portal/src/services/auth.ts
§  31:22  error  Unexpected any. Specify a different type  @typescript-eslint/no-explicit-any
§
§✖ 3 problems (2 errors, 1 warning)
""",
                code=1,
            ),
        ],
    ),
    "12:7   error    'unusedFlag' is assigned a value but never used",
)

case(
    "js-prettier-check-gha",
    "lint.error",
    "high",
    gha(
        "acme/marketing-site",
        "format",
        [
            setup_node(),
            NPM_CI,
            Step(
                "npx prettier --check .",
                """Checking formatting...
§[warn] src/pages/pricing.tsx
§[warn] src/styles/global.css
§[warn] Code style issues found in 2 files. Run Prettier with --write to fix.""",
                code=1,
            ),
        ],
    ),
    "[warn] Code style issues found in 2 files. Run Prettier with --write to fix.",
    "prettier reports its findings as [warn] lines; they are the failure",
)

case(
    "ts-tsc-gha",
    "compile.error",
    "high",
    gha(
        "acme/billing-api",
        "build",
        [
            setup_node(),
            NPM_CI,
            Step(
                "npm run build",
                """
> billing-api@0.8.0 build
> tsc -p tsconfig.build.json

§src/invoices/service.ts(42,5): error TS2322: Type 'string' is not assignable to type 'number'.
§src/invoices/controller.ts(17,31): error TS2345: Argument of type 'InvoiceDto | undefined' is not assignable to parameter of type 'InvoiceDto'.
§  Type 'undefined' is not assignable to type 'InvoiceDto'.
npm notice
npm notice New minor version of npm available! 10.5.0 -> 10.7.0
npm notice Changelog: https://github.com/npm/cli/releases/tag/v10.7.0
npm notice Run npm install -g npm@10.7.0 to update!
npm notice""",
                code=2,
            ),
        ],
    ),
    "src/invoices/service.ts(42,5): error TS2322: Type 'string' is not assignable to type 'number'.",
)

case(
    "js-npm-eresolve-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/storefront",
        "build",
        [
            setup_node(),
            Step(
                "npm ci",
                """§npm ERR! code ERESOLVE
§npm ERR! ERESOLVE could not resolve
§npm ERR!
§npm ERR! While resolving: @storybook/react@7.6.17
§npm ERR! Found: react@18.3.1
§npm ERR! node_modules/react
§npm ERR!   react@"^18.3.1" from the root project
§npm ERR!
§npm ERR! Could not resolve dependency:
§npm ERR! peer react@"^16.8.0 || ^17.0.0" from @storybook/addon-knobs@6.4.0
§npm ERR! node_modules/@storybook/addon-knobs
§npm ERR!   dev @storybook/addon-knobs@"^6.4.0" from the root project
npm ERR!
npm ERR! Fix the upstream dependency conflict, or retry
npm ERR! this command with --force or --legacy-peer-deps
npm ERR! to accept an incorrect (and potentially broken) dependency resolution.
npm ERR!
npm ERR!
npm ERR! For a full report see:
npm ERR! /home/runner/.npm/_logs/2024-05-02T14_04_12_331Z-eresolve-report.txt

npm ERR! A complete log of this run can be found in: /home/runner/.npm/_logs/2024-05-02T14_04_12_331Z-debug-0.log""",
                code=1,
            ),
        ],
    ),
    "npm ERR! ERESOLVE could not resolve",
)

case(
    "js-webpack-module-not-found-travis",
    "dependency.missing",
    "high",
    travis(
        "oldcorp/widgets",
        "node_js",
        [
            Step(
                "yarn install --frozen-lockfile",
                """yarn install v1.22.19
[1/4] Resolving packages...
[2/4] Fetching packages...
[3/4] Linking dependencies...
warning " > react-hot-loader@4.13.1" has unmet peer dependency "@types/react@^15.0.0 || ^16.0.0 || ^17.0.0".
[4/4] Building fresh packages...
Done in 24.51s.""",
                name="install",
            ),
            Step(
                "yarn build",
                """yarn run v1.22.19
$ webpack --mode production
asset main.4f1e2d.js 212 KiB [emitted] [immutable] [minimized] (name: main) 1 related asset
asset index.html 412 bytes [emitted]
orphan modules 402 KiB [orphan] 71 modules
runtime modules 1.04 KiB 5 modules
cacheable modules 611 KiB
  modules by path ./src/ 188 KiB 41 modules
  modules by path ./node_modules/ 423 KiB 18 modules

§ERROR in ./src/charts/line.js 3:0-39
§Module not found: Error: Can't resolve 'lodash-es' in '/home/travis/build/oldcorp/widgets/src/charts'
§resolve 'lodash-es' in '/home/travis/build/oldcorp/widgets/src/charts'
§  Parsed request is a module
§  using description file: /home/travis/build/oldcorp/widgets/package.json (relative path: ./src/charts)
§    Field 'browser' doesn't contain a valid alias configuration

webpack 5.91.0 compiled with 1 error in 8214 ms
error Command failed with exit code 1.
info Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.""",
                code=1,
            ),
        ],
        cache="/home/travis/.cache/yarn",
    ),
    "Module not found: Error: Can't resolve 'lodash-es'",
)

case(
    "js-yarn-engine-gha",
    "runtime.version",
    "high",
    gha(
        "acme/docs-site",
        "build",
        [
            setup_node("16"),
            Step(
                "yarn install --frozen-lockfile",
                """yarn install v1.22.22
[1/5] Validating package.json...
[2/5] Resolving packages...
[3/5] Fetching packages...
§error vite@5.2.11: The engine "node" is incompatible with this module. Expected version "^18.0.0 || >=20.0.0". Got "16.20.2"
§error Found incompatible module.
info Visit https://yarnpkg.com/en/docs/cli/install for documentation about this command.""",
                code=1,
            ),
        ],
    ),
    'error vite@5.2.11: The engine "node" is incompatible with this module.',
)

case(
    "js-npm-e404-gha",
    "dependency.missing",
    "medium",
    gha(
        "acme/checkout",
        "ci",
        [
            setup_node(),
            Step(
                "npm install",
                """npm WARN deprecated request@2.88.2: request has been deprecated, see https://github.com/request/request/issues/3142
§npm ERR! code E404
§npm ERR! 404 Not Found - GET https://registry.npmjs.org/@acme%2fpayments-sdk - Not found
§npm ERR! 404
§npm ERR! 404  '@acme/payments-sdk@^2.1.0' is not in this registry.
npm ERR! 404
npm ERR! 404 Note that you can also install from a
npm ERR! 404 tarball, folder, http url, or git url.

npm ERR! A complete log of this run can be found in: /home/runner/.npm/_logs/2024-05-02T14_03_59_120Z-debug-0.log""",
                code=1,
            ),
        ],
    ),
    "npm ERR! 404  '@acme/payments-sdk@^2.1.0' is not in this registry.",
    "a scoped private package without a registry config (alt credentials)",
)

case(
    "js-heap-oom-gha",
    "resource.exhausted",
    "high",
    gha(
        "acme/monorepo",
        "build-web",
        [
            setup_node(),
            NPM_CI,
            Step(
                "npm run build --workspace web",
                """
> web@0.0.0 build
> next build

  ▲ Next.js 14.2.3

   Creating an optimized production build ...

§<--- Last few GCs --->
§
§[2231:0x6a1b2c0]   181244 ms: Mark-Compact 4041.2 (4139.6) -> 4028.3 (4141.1) MB, 2911.40 / 0.00 ms  (average mu = 0.151, current mu = 0.043) allocation failure; scavenge might not succeed
§
§<--- JS stacktrace --->
§
§FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
§ 1: 0xb8a2a0 node::Abort() [node]
§ 2: 0xa9c7d8  [node]
§ 3: 0xd70c60 v8::Utils::ReportOOMFailure(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [node]
Aborted (core dumped)
npm ERR! Lifecycle script `build` failed with error:
npm ERR! Error: command failed
npm ERR!   in workspace: web@0.0.0
npm ERR!   at location: /home/runner/work/monorepo/monorepo/apps/web""",
                code=134,
            ),
        ],
    ),
    "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
)

# ---------------------------------------------------------------- Go

case(
    "go-test-fail-gha",
    "test.failure",
    "high",
    gha(
        "acme/tool",
        "test",
        [
            setup_go(),
            Step(
                "go test -race ./...",
                go_download(GO_MODS)
                + """
ok  	github.com/acme/tool/cmd/tool	0.041s
ok  	github.com/acme/tool/internal/config	0.118s
?   	github.com/acme/tool/internal/version	[no test files]
§--- FAIL: TestParseDuration (0.00s)
§    --- FAIL: TestParseDuration/hours_and_minutes (0.00s)
§        duration_test.go:41: ParseDuration("1h30m") = 1h0m0s, want 1h30m0s
§FAIL
§FAIL	github.com/acme/tool/internal/timeutil	0.012s
ok  	github.com/acme/tool/internal/store	1.207s
FAIL""",
                code=1,
            ),
        ],
    ),
    "--- FAIL: TestParseDuration (0.00s)",
)

case(
    "go-build-undefined-travis",
    "compile.error",
    "high",
    travis(
        "oldcorp/cachesvc",
        "go",
        [
            Step('eval "$(gimme 1.21)"', "go version go1.21.9 linux/amd64"),
            Step("go mod download", go_download(GO_MODS[:4]), name="install"),
            Step(
                "go build ./...",
                """§# github.com/oldcorp/cachesvc/pkg/store
§pkg/store/redis.go:88:15: undefined: redis.NewClusterClientX
§pkg/store/redis.go:102:9: cannot use opts (variable of type *Options) as redis.UniversalOptions value in argument to redis.NewUniversalClient""",
                code=1,
            ),
        ],
        cache="/home/travis/gopath/pkg/mod",
    ),
    "pkg/store/redis.go:88:15: undefined: redis.NewClusterClientX",
)

case(
    "go-golangci-action-gha",
    "lint.error",
    "high",
    gha(
        "acme/gateway",
        "golangci",
        [
            setup_go(),
            Step(
                "",
                uses="golangci/golangci-lint-action@v6",
                with_={"version": "v1.58", "args": "--timeout=5m"},
                out="""prepare environment
  Finding needed golangci-lint version...
  Requested golangci-lint 'v1.58', using 'v1.58.1', calculation took 112ms
  Installing golangci-lint binary v1.58.1...
  Downloading binary https://github.com/golangci/golangci-lint/releases/download/v1.58.1/golangci-lint-1.58.1-linux-amd64.tar.gz ...
  [command]/usr/bin/tar xz --overwrite --warning=no-unknown-keyword --overwrite -C /home/runner -f /home/runner/work/_temp/7d8e9f0a
  Installed golangci-lint into /home/runner/golangci-lint-1.58.1-linux-amd64/golangci-lint in 512ms
  Prepared env in 701ms
run golangci-lint
  Running [/home/runner/golangci-lint-1.58.1-linux-amd64/golangci-lint run --out-format=github-actions --timeout=5m] in [/home/runner/work/gateway/gateway] ...
§##[error]internal/proxy/handler.go:57:12: Error return value of `w.Write` is not checked (errcheck)
§##[error]internal/proxy/pool.go:23:6: func `newIdlePool` is unused (unused)
§##[error]cmd/gateway/main.go:41:2: ineffectual assignment to err (ineffassign)
  Ran golangci-lint in 18422ms""",
                code=1,
                error="##[error]issues found",
            ),
        ],
        actions=("golangci/golangci-lint-action@v6",),
    ),
    "internal/proxy/handler.go:57:12: Error return value of `w.Write` is not checked (errcheck)",
)

case(
    "go-test-timeout-panic-gha",
    "timeout",
    "high",
    gha(
        "acme/watcher",
        "test",
        [
            setup_go(),
            Step(
                "go test -timeout 10m ./...",
                """ok  	github.com/acme/watcher/internal/fsnotify	0.233s
ok  	github.com/acme/watcher/internal/debounce	1.004s
§panic: test timed out after 10m0s
§running tests:
§	TestWatchReconnect (10m0s)
§
§goroutine 41 [running]:
§testing.(*M).startAlarm.func1()
§	/opt/hostedtoolcache/go/1.22.2/x64/src/testing/testing.go:2366 +0x385
§created by time.goFunc
§	/opt/hostedtoolcache/go/1.22.2/x64/src/time/sleep.go:177 +0x2d

goroutine 1 [chan receive, 10 minutes]:
testing.(*T).Run(0xc000102820, {0x6a1f2e, 0x12}, 0x6b9c10)
	/opt/hostedtoolcache/go/1.22.2/x64/src/testing/testing.go:1750 +0x3ab
testing.runTests.func1(0xc000102820)
	/opt/hostedtoolcache/go/1.22.2/x64/src/testing/testing.go:2161 +0x37

goroutine 18 [select, 9 minutes]:
github.com/acme/watcher.(*Client).reconnect(0xc0001a2000)
	/home/runner/work/watcher/watcher/client.go:212 +0x1f4
FAIL	github.com/acme/watcher	600.112s
FAIL""",
                code=1,
            ),
        ],
    ),
    "panic: test timed out after 10m0s",
)

case(
    "go-vet-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/cli",
        "golang:1.22",
        [
            Step("go version", "go version go1.22.2 linux/amd64"),
            Step("go mod download", ""),
            Step("go build ./...", ""),
            Step(
                "go vet ./...",
                """§# github.com/acme/cli/cmd
§cmd/root.go:77:3: fmt.Sprintf format %d has arg name of wrong type string
§cmd/export.go:30:14: unreachable code""",
                code=1,
            ),
        ],
    ),
    "cmd/root.go:77:3: fmt.Sprintf format %d has arg name of wrong type string",
)

case(
    "go-test-named-timeout-gha",
    "test.failure",
    "high",
    gha(
        "acme/httpretry",
        "test",
        [
            setup_go(),
            Step(
                "go test -v ./...",
                """=== RUN   TestBackoff
--- PASS: TestBackoff (0.00s)
=== RUN   TestRetryOnTimeout
§    client_test.go:88: after a timeout: expected 3 attempts, got 2
§--- FAIL: TestRetryOnTimeout (0.02s)
=== RUN   TestRetryOnConnectionRefused
    client_test.go:120: dial tcp 127.0.0.1:1: connect: connection refused (expected, retrying)
--- PASS: TestRetryOnConnectionRefused (0.31s)
=== RUN   TestGiveUp
--- PASS: TestGiveUp (0.05s)
FAIL
FAIL	github.com/acme/httpretry	0.412s
FAIL""",
                code=1,
            ),
        ],
    ),
    "--- FAIL: TestRetryOnTimeout (0.02s)",
    "timeout and connection refused are the subject of the tests, not the cause",
)
