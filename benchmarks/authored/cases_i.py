"""Authored cases, batch i: a tool's verdict behind a wrapper's prefix (docker compose services,
``nix build -L``, Stack), shell traces above a tool's own words, Ansible content not installed and
Rust doc-tests, in shapes the other batches lack. Labelled before triage ran on them."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import setup_go, setup_rust
from benchmarks.authored.shapes import Step, gha, gitlab, jenkins, travis

case(
    "compose-go-test-fail-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/shop",
        "docker:26",
        [
            Step("docker compose -f ci/compose.yml build", " api Built\n db Pulled"),
            Step(
                "docker compose -f ci/compose.yml up --abort-on-container-exit --exit-code-from api",
                """ Network ci_default  Created
 Container ci-db-1  Created
 Container ci-api-1  Created
Attaching to api-1, db-1
db-1   | 2024-05-02 14:03:40.123 UTC [1] LOG:  database system is ready to accept connections
api-1  | === RUN   TestOrders
api-1  | === RUN   TestOrders/list
§api-1  |     orders_test.go:41: got 3 orders, want 2
§api-1  | --- FAIL: TestOrders (0.02s)
§api-1  |     --- FAIL: TestOrders/list (0.01s)
§api-1  | FAIL
§api-1  | FAIL	example.com/shop/api	0.118s
api-1 exited with code 1
Aborting on container exit...
 Container ci-api-1  Stopping
 Container ci-db-1  Stopping""",
                code=1,
            ),
        ],
    ),
    "api-1  | --- FAIL: TestOrders (0.02s)",
)

case(
    "compose-pytest-missing-module-gha",
    "dependency.missing",
    "high",
    gha(
        "acme/relay",
        "integration",
        [
            Step(
                "docker compose up --build --exit-code-from tests tests",
                """#12 [tests 5/5] COPY . .
#12 DONE 0.1s
 Container relay-redis-1  Running
Attaching to tests-1
tests-1  | ============================= test session starts ==============================
tests-1  | platform linux -- Python 3.12.3, pytest-8.2.0, pluggy-1.5.0
tests-1  | collected 0 items / 1 error
tests-1  |
tests-1  | ==================================== ERRORS ====================================
tests-1  | ___________________ ERROR collecting tests/test_queue.py ___________________
tests-1  | ImportError while importing test module '/app/tests/test_queue.py'.
tests-1  | Traceback:
tests-1  | /usr/local/lib/python3.12/importlib/__init__.py:90: in import_module
tests-1  |     return _bootstrap._gcd_import(name[level:], package, level)
tests-1  | tests/test_queue.py:3: in <module>
tests-1  |     import redis
§tests-1  | E   ModuleNotFoundError: No module named 'redis'
tests-1  | =========================== short test summary info ============================
tests-1  | ERROR tests/test_queue.py
tests-1  | !!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!
tests-1  | =============================== 1 error in 0.21s ===============================
tests-1 exited with code 2
Aborting on container exit...""",
                code=2,
            ),
        ],
    ),
    "E   ModuleNotFoundError: No module named 'redis'",
)

case(
    "nix-go-build-error-gha",
    "compile.error",
    "high",
    gha(
        "acme/probe",
        "nix",
        [
            Step("", uses="cachix/install-nix-action@v26", out="installing 'nix-2.21.2'\nNix installed"),
            Step(
                "nix build -L .#probe",
                """probe-1.4.0> unpacking sources
probe-1.4.0> patching sources
probe-1.4.0> configuring
probe-1.4.0> building
probe-1.4.0> Building subPackage ./cmd/probe
probe-1.4.0> # example.com/probe/internal/check
§probe-1.4.0> internal/check/http.go:27:15: undefined: defaultTimeout
§probe-1.4.0> internal/check/http.go:31:2: declared and not used: started
error: builder for '/nix/store/q2x1k9d3v8b7a6s5d4f3g2h1j0k9l8m7-probe-1.4.0.drv' failed with exit code 1;
       last 3 log lines:
       > # example.com/probe/internal/check
       > internal/check/http.go:27:15: undefined: defaultTimeout
       > internal/check/http.go:31:2: declared and not used: started
       For full logs, run 'nix log /nix/store/q2x1k9d3v8b7a6s5d4f3g2h1j0k9l8m7-probe-1.4.0.drv'.""",
                code=1,
            ),
        ],
    ),
    "internal/check/http.go:27:15: undefined: defaultTimeout",
)

case(
    "ansible-role-missing-jenkins",
    "dependency.missing",
    "high",
    jenkins(
        "acme/infra",
        "infra_deploy",
        [
            Step("ansible --version", "ansible [core 2.16.6]\n  python version = 3.11.9", name="Tools"),
            Step(
                "ansible-playbook -i inventories/staging site.yml --check",
                """§ERROR! the role 'acme.nginx' was not found in /var/lib/jenkins/workspace/infra_deploy/roles:/var/lib/jenkins/.ansible/roles:/usr/share/ansible/roles:/etc/ansible/roles:/var/lib/jenkins/workspace/infra_deploy
§
§The error appears to be in '/var/lib/jenkins/workspace/infra_deploy/site.yml': line 5, column 7, but may
§be elsewhere in the file depending on the exact syntax problem.
§
§The offending line appears to be:
§
§  roles:
§    - acme.nginx
§      ^ here""",
                code=1,
                name="Deploy",
            ),
        ],
    ),
    "ERROR! the role 'acme.nginx' was not found in",
)

case(
    "rust-doctest-compile-fail-many-travis",
    "test.failure",
    "high",
    travis(
        "acme/geom",
        "rust",
        [
            Step("cargo build --verbose", "   Compiling geom v0.3.1 (/home/travis/build/acme/geom)\n    Finished dev"),
            Step(
                "cargo test --doc",
                "    Finished `test` profile [unoptimized + debuginfo] target(s) in 0.04s\n"
                "   Doc-tests geom\n\nrunning 26 tests\n"
                "test src/lib.rs - (line 1) ... ok\n"
                "test src/point.rs - point::Point::distance (line 18) ... FAILED\n"
                + "\n".join(f"test src/shape.rs - shape::Shape::area_{i} (line {20 + 9 * i}) ... ok" for i in range(24))
                + """

failures:

§---- src/point.rs - point::Point::distance (line 18) stdout ----
§error[E0599]: no method named `dist` found for struct `Point` in the current scope
§ --> src/point.rs:22:11
§  |
§6 | let d = a.dist(&b);
§  |           ^^^^ help: there is a method with a similar name: `distance`
§
§error: aborting due to 1 previous error
§
§For more information about this error, try `rustc --explain E0599`.
§Couldn't compile the test.

failures:
    src/point.rs - point::Point::distance (line 18)

test result: FAILED. 25 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.77s

error: doctest failed, to rerun pass `--doc`""",
                code=101,
            ),
        ],
        cache="/home/travis/.cargo",
    ),
    "---- src/point.rs - point::Point::distance (line 18) stdout ----",
)

case(
    "rust-doctest-panic-gha",
    "test.failure",
    "high",
    gha(
        "acme/units",
        "doc",
        [
            setup_rust(),
            Step(
                "cargo test --doc --all-features",
                """   Compiling units v1.2.0 (/home/runner/work/units/units)
    Finished `test` profile [unoptimized + debuginfo] target(s) in 2.71s
   Doc-tests units

running 3 tests
test src/lib.rs - (line 3) ... ok
test src/convert.rs - convert::to_celsius (line 9) ... FAILED
test src/convert.rs - convert::to_kelvin (line 21) ... ok

failures:

§---- src/convert.rs - convert::to_celsius (line 9) stdout ----
§Test executable failed (exit status: 101).
§
§stderr:
§thread 'main' panicked at src/convert.rs:13:1:
§assertion `left == right` failed
§  left: 37.77778
§ right: 37.8
§note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

failures:
    src/convert.rs - convert::to_celsius (line 9)

test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.52s

error: doctest failed, to rerun pass `--doc`""",
                code=101,
            ),
        ],
    ),
    "assertion `left == right` failed",
)

case(
    "set-x-golangci-lint-gha",
    "lint.error",
    "high",
    gha(
        "acme/relay-go",
        "lint",
        [
            setup_go("1.22"),
            Step(
                "set -x\ngo run github.com/golangci/golangci-lint/cmd/golangci-lint@v1.57.2 run --out-format=tab ./...",
                """+ go run github.com/golangci/golangci-lint/cmd/golangci-lint@v1.57.2 run --out-format=tab ./...
go: downloading github.com/golangci/golangci-lint v1.57.2
§internal/relay/conn.go:88:2     errcheck  Error return value of `c.Close` is not checked
§internal/relay/queue.go:14:6    unused    type `pending` is unused""",
                code=1,
            ),
        ],
    ),
    "internal/relay/conn.go:88:2     errcheck  Error return value of `c.Close` is not checked",
)

case(
    "set-x-mypy-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/ledger",
        "ledger_main",
        [
            Step("python3 -m pip install -q -r requirements-dev.txt", "", name="Deps"),
            Step(
                "python3 -m mypy --strict src/ledger",
                """§src/ledger/books.py:41: error: Returning Any from function declared to return "Decimal"  [no-any-return]
§src/ledger/books.py:77: error: Argument 1 to "post" has incompatible type "str"; expected "Entry"  [arg-type]
§Found 2 errors in 1 file (checked 14 source files)""",
                code=1,
                name="Types",
            ),
        ],
    ),
    'src/ledger/books.py:41: error: Returning Any from function declared to return "Decimal"  [no-any-return]',
)
