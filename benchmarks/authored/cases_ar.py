"""Authored cases, batch ar: tools neither the rules catalogue (autoheal/rules.yaml) nor the tool table
(autoheal/tooltable.py) names, each grepped for in both before it was chosen, in its own output wording behind its
usual invocation: jpm test (Janet), Fennel, Zeek, Ballerina, Motoko under dfx, Cairo's scarb test, Move under the
aptos CLI, clarinet check (Clarity), Foundry's forge test, Hardhat, Vyper, Nelua, Mojo, cram, sqlc, Atlas's
migrate lint, Redocly's lint and cmake-format's check; on GitHub Actions, GitLab, Jenkins, Travis, Azure and a plain
console, mixed with a few hard shapes (passing tests named for a revert, a time-out or a refused connection beside
the one that failed, warnings above the error). Labelled and committed before triage ran on them (first run: see
README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import npm_ci, setup_node
from benchmarks.authored.shapes import Step, azure, gha, gitlab, jenkins, plain, travis

# ---------------------------------------------------------------- smart-contract toolchains

case(
    "ar-forge-test-revert-gha",
    "test.failure",
    "high",
    gha(
        "acme/vault-sol",
        "test",
        [
            Step(
                "",
                uses="foundry-rs/foundry-toolchain@v1",
                with_={"version": "nightly"},
                out="Installing foundry (version nightly, tag nightly-5ac78a9cd4b94dc53d1fe5e0f42372b28b5a7559)\n"
                "Downloading foundry nightly for linux_amd64\nAdded /home/runner/.foundry/bin to the path\n"
                "forge 0.2.0 (5ac78a9 2024-05-01T00:18:33.127457918Z)",
            ),
            Step(
                "forge test -vvv",
                """[⠊] Compiling...
[⠒] Compiling 32 files with Solc 0.8.24
[⠢] Solc 0.8.24 finished in 2.41s
Compiler run successful!

Ran 4 tests for test/Vault.t.sol:VaultTest
[PASS] testDeposit() (gas: 53121)
[PASS] testRevertWhenTimeoutElapsed() (gas: 12044)
[PASS] testOwner() (gas: 7654)
[FAIL. Reason: revert: insufficient balance] testWithdraw() (gas: 31022)
Traces:
  [31022] VaultTest::testWithdraw()
    ├─ [2532] Vault::withdraw(100)
    │   └─ ← [Revert] revert: insufficient balance
    └─ ← [Revert] revert: insufficient balance

Suite result: FAILED. 3 passed; 1 failed; 0 skipped; finished in 1.42ms (812.30µs CPU time)

Ran 1 test suite in 4.11ms (1.42ms CPU time): 3 tests passed, 1 failed, 0 skipped (4 total tests)

§Failing tests:
§Encountered 1 failing test in test/Vault.t.sol:VaultTest
§[FAIL. Reason: revert: insufficient balance] testWithdraw() (gas: 31022)
§
§Encountered a total of 1 failing tests, 3 tests succeeded""",
                code=1,
            ),
        ],
        actions=("foundry-rs/foundry-toolchain@v1",),
    ),
    "[FAIL. Reason: revert: insufficient balance] testWithdraw() (gas: 31022)",
    "forge's failing test, its trace and its closing summary; a passing test is named for a time-out",
)

case(
    "ar-hardhat-parser-error-jenkins",
    "syntax.error",
    "high",
    jenkins(
        "acme/token-hh",
        "token-hh",
        [
            Step("npm ci", npm_ci(611), name="Install"),
            Step(
                "npx hardhat compile",
                """Downloading compiler 0.8.24
§Compiling 4 files with 0.8.24
§ParserError: Expected ';' but got '}'
§  --> contracts/Token.sol:22:5:
§   |
§22 |     }
§   |     ^
§
§
§Error HH600: Compilation failed
§
§For more info go to https://hardhat.org/HH600 or run Hardhat with --show-stack-traces""",
                code=1,
                name="Compile",
            ),
            Step("npx hardhat test", name="Test"),
        ],
    ),
    "ParserError: Expected ';' but got '}'",
    "solc's parser error relayed by hardhat, with its HH600 verdict",
)

case(
    "ar-vyper-undeclared-travis",
    "compile.error",
    "high",
    travis(
        "acme/vault-vy",
        "python",
        [
            Step("pip install vyper==0.3.10", "Successfully installed cbor2-5.6.2 vyper-0.3.10", name="install"),
            Step(
                "vyper contracts/Vault.vy",
                """§vyper.exceptions.UndeclaredDefinition: 'balanse' has not been declared.
§
§  contract "contracts/Vault.vy:18", function "withdraw", line 18:11
§       17 def withdraw(amount: uint256):
§  ---> 18     assert self.balanse[msg.sender] >= amount
§  ------------------^
§       19     self.balances[msg.sender] -= amount""",
                code=1,
                name="script",
            ),
        ],
    ),
    "vyper.exceptions.UndeclaredDefinition: 'balanse' has not been declared.",
    "Vyper's exception class names the error; its contract/function frame under it",
)

case(
    "ar-aptos-move-test-abort-gha",
    "test.failure",
    "high",
    gha(
        "acme/vault-move",
        "test",
        [
            Step(
                "curl -fsSL https://aptos.dev/scripts/install_cli.py | python3",
                "Latest CLI release: 3.3.1\nCurrently installed CLI: None\nDownloading...\n"
                "Execution of the aptos CLI installer completed successfully.",
            ),
            Step(
                "aptos move test --named-addresses vault=0xcafe",
                """INCLUDING DEPENDENCY AptosFramework
INCLUDING DEPENDENCY AptosStdlib
INCLUDING DEPENDENCY MoveStdlib
BUILDING vault
Running Move unit tests
[ PASS    ] 0xcafe::vault::test_deposit
§[ FAIL    ] 0xcafe::vault::test_withdraw
§
§Test failures:
§
§Failures in 0xcafe::vault:
§
§┌── test_withdraw ──────
§│ error[E11001]: test failure
§│    ┌─ /home/runner/work/vault-move/vault-move/sources/vault.move:41:9
§│    │
§│ 38 │     public entry fun withdraw(account: &signer, amount: u64) acquires Vault {
§│    │                      -------- In this function in 0xcafe::vault
§│    ·
§│ 41 │         assert!(vault.balance >= amount, E_INSUFFICIENT);
§│    │         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ Test was not expected to error, but it aborted with code 2 originating in the module 0000000000000000000000000000000000000000000000000000000000cafe::vault rooted here
§│
§│
§└──────────────────
§
§Test result: FAILED. Total tests: 2; passed: 1; failed: 1
§{
§  "Error": "Move unit tests failed"
§}""",
                code=1,
            ),
        ],
    ),
    "error[E11001]: test failure",
    "a Move unit test that aborted, in a compiler's codespan frame (`error[E11001]`), with the CLI's JSON verdict",
)

case(
    "ar-scarb-cairo-test-travis",
    "test.failure",
    "high",
    travis(
        "acme/counter-cairo",
        "generic",
        [
            Step(
                "curl --proto '=https' --tlsv1.2 -sSf https://docs.swmansion.com/scarb/install.sh | sh -s -- -v 2.6.3",
                "scarb: installed scarb 2.6.3 (e6f921dfd 2024-03-13)",
                name="install",
            ),
            Step(
                "scarb test",
                """     Running cairo-test counter
   Compiling test(counter_unittest) counter v0.1.0 (/home/travis/build/acme/counter-cairo/Scarb.toml)
    Finished release target(s) in 2 seconds
testing counter ...
running 3 tests
test counter::tests::test_increment ... ok (gas usage est.: 38920)
§test counter::tests::test_decrement ... fail (gas usage est.: 41230)
§test counter::tests::test_reset ... ok (gas usage est.: 21010)
§failures:
§   counter::tests::test_decrement - Panicked with "assertion failed: `counter.get() == 4`.".
§
§Error: test result: FAILED. 2 passed; 1 failed; 0 ignored""",
                code=1,
                name="script",
            ),
        ],
    ),
    'counter::tests::test_decrement - Panicked with "assertion failed: `counter.get() == 4`.".',
    "cairo-test under scarb: a test that panicked on its assertion, and the tally",
)

case(
    "ar-clarinet-check-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/stx-token",
        "hirosystems/clarinet:2.4.1",
        [
            Step("clarinet --version", "clarinet-cli 2.4.1"),
            Step(
                "clarinet check",
                """§error: use of unresolved function 'get-balanse'
§--> contracts/token.clar:18:5
§    (get-balanse tx-sender)
§    ^~~~~~~~~~~
§x 1 error detected""",
                code=1,
            ),
        ],
    ),
    "error: use of unresolved function 'get-balanse'",
    "clarinet's analysis of a Clarity contract: an unresolved function and its count",
)

case(
    "ar-motoko-dfx-build-gha",
    "compile.error",
    "high",
    gha(
        "acme/ledger-icp",
        "build",
        [
            Step(
                "",
                uses="dfinity/setup-dfx@main",
                out="Installing dfx 0.20.1\ndfx 0.20.1",
            ),
            Step(
                "dfx start --background --clean\ndfx canister create --all\ndfx build",
                """Running dfx start for version 0.20.1
Using the default definition for the 'local' shared network because /home/runner/.config/dfx/networks.json does not exist.
Dashboard: http://localhost:34567/_/dashboard
Creating canister backend...
backend canister created with canister id: bkyz2-fmaaa-aaaaa-qaaaq-cai
Building canisters...
§Error: Failed while trying to build all canisters.
§Caused by: The build step failed for canister 'bkyz2-fmaaa-aaaaa-qaaaq-cai' (backend)
§Caused by: Failed to build Motoko canister 'backend'.
§Caused by: Failed to compile Motoko.
§Caused by: Failed to run 'moc'.
§Caused by: The command '"/home/runner/.cache/dfinity/versions/0.20.1/moc" "/home/runner/work/ledger-icp/ledger-icp/src/backend/main.mo" "-o" "/home/runner/work/ledger-icp/ledger-icp/.dfx/local/canisters/backend/backend.wasm" "-c" "--debug" "--idl" "--stable-types" "--public-metadata" "candid:service" "--actor-idl" "/home/runner/work/ledger-icp/ledger-icp/.dfx/local/canisters/idl/" "--package" "base" "/home/runner/.cache/dfinity/versions/0.20.1/base"' failed with exit status 'exit status: 1'.
§Stdout:
§
§Stderr:
§/home/runner/work/ledger-icp/ledger-icp/src/backend/main.mo:12.17-12.21: type error [M0057], unbound variable totl""",
                code=255,
            ),
        ],
        actions=("dfinity/setup-dfx@main",),
    ),
    "src/backend/main.mo:12.17-12.21: type error [M0057], unbound variable totl",
    "moc's type error at the bottom of dfx's chain of causes, after the chain's `Error:` head",
)

# ---------------------------------------------------------------- small languages

case(
    "ar-jpm-test-assert-gha",
    "test.failure",
    "high",
    gha(
        "acme/csv-janet",
        "test",
        [
            Step(
                "sudo apt-get install -y janet jpm",
                "Reading package lists...\nBuilding dependency tree...\nSetting up janet (1.27.0-1) ...\n"
                "Setting up jpm (1.1.0-1) ...",
            ),
            Step("jpm deps", "From https://github.com/janet-lang/spork\n * branch            HEAD       -> FETCH_HEAD"),
            Step(
                "jpm test",
                """generating executable c source build/csv.c from main.janet...
running test/test-format.janet ...
running test/test-parse.janet ...
§error: quoted field keeps its comma
§  in _thunk [test/test-parse.janet] (tailcall) on line 14, column 1
§non-zero exit code in test/test-parse.janet: 1
§Failing test scripts: 1""",
                code=1,
            ),
        ],
    ),
    "non-zero exit code in test/test-parse.janet: 1",
    "jpm test: an `assert` in one test script raised its message, then jpm's per-script and total verdicts",
)

case(
    "ar-fennel-compile-error-buildkite",
    "compile.error",
    "high",
    plain(
        """$ make build
fennel --compile src/util.fnl > build/util.lua
fennel --compile src/main.fnl > build/main.lua
§Compile error in src/main.fnl:12:3
§  unknown identifier: prnt
§
§  (prnt "starting" opts.port)
§   ^^^^
§* Try looking to see if there's a typo.
§* Try using the _G table instead, eg. _G.prnt if you really want a global.
§* Try moving this code to somewhere that prnt is in scope.
§* Try binding prnt as a local in the scope of this code.
§make: *** [Makefile:9: build/main.lua] Error 1""",
        name="relay-fnl",
    ),
    "Compile error in src/main.fnl:12:3",
    "Fennel's compile error with its suggestions, under make in a Buildkite step",
)

case(
    "ar-nelua-undeclared-travis",
    "compile.error",
    "high",
    travis(
        "acme/ring-nelua",
        "c",
        [
            Step(
                "git clone --depth 1 https://github.com/edubart/nelua-lang.git && make -C nelua-lang && sudo make -C nelua-lang install",
                "make: Leaving directory '/home/travis/build/acme/ring-nelua/nelua-lang'",
                name="install",
            ),
            Step(
                "nelua --script tests/ring_test.nelua",
                """§tests/ring_test.nelua:7:3: from: AST node Call
§  prnt('pushed', r:len())
§  ^~~~~~~~~~~~~~~~~~~~~~
§tests/ring_test.nelua:7:3: error: undeclared symbol 'prnt'
§  prnt('pushed', r:len())
§  ^~~~""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.cache",
    ),
    "tests/ring_test.nelua:7:3: error: undeclared symbol 'prnt'",
    "Nelua's compile-time error, after its `from: AST node` context line",
)

case(
    "ar-mojo-unknown-decl-gha",
    "compile.error",
    "high",
    gha(
        "acme/matmul-mojo",
        "build",
        [
            Step(
                'curl -ssL https://magic.modular.com/install | bash\necho "$HOME/.modular/bin" >> $GITHUB_PATH',
                "Installing magic 0.4.0\nmagic installed to /home/runner/.modular/bin/magic",
            ),
            Step(
                "magic run mojo build src/main.mojo -o build/matmul",
                """✔ The default environment has been installed.
§/home/runner/work/matmul-mojo/matmul-mojo/src/main.mojo:18:9: error: use of unknown declaration 'tile_sze'
§        for k in range(0, K, tile_sze):
§        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
§/home/runner/work/matmul-mojo/matmul-mojo/.magic/envs/default/bin/mojo: error: failed to parse the provided Mojo source module""",
                code=1,
            ),
        ],
    ),
    "src/main.mojo:18:9: error: use of unknown declaration 'tile_sze'",
    "the Mojo compiler's error and its `failed to parse the provided Mojo source module` verdict",
)

case(
    "ar-ballerina-build-jenkins",
    "compile.error",
    "high",
    jenkins(
        "acme/orders-bal",
        "orders-bal",
        [
            Step(
                "bal build",
                """Compiling source
	acme/orders:0.1.0
§ERROR [main.bal:(14:12,14:16)] undefined symbol 'ordr'
§ERROR [main.bal:(22:20,22:35)] incompatible types: expected 'int', found 'string'
§error: compilation contains errors""",
                code=1,
                name="Build",
            ),
            Step("bal test", name="Test"),
        ],
    ),
    "ERROR [main.bal:(14:12,14:16)] undefined symbol 'ordr'",
    "Ballerina's two compile errors with its `compilation contains errors` verdict",
)

case(
    "ar-zeek-unknown-identifier-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/zeek-detect",
        "zeek/zeek:6.2",
        [
            Step("zeek --version", "zeek version 6.2.0"),
            Step(
                "zeek -a scripts/__load__.zeek",
                """§warning in /builds/acme/zeek-detect/scripts/main.zeek, line 9: deprecated (Notice::ACTION_ALARM)
§error in /builds/acme/zeek-detect/scripts/main.zeek, line 31: unknown identifier Conn::Infoo, at or near "Conn::Infoo"
§error in /builds/acme/zeek-detect/scripts/main.zeek, line 31: unknown type (Conn::Infoo)""",
                code=1,
            ),
        ],
    ),
    'unknown identifier Conn::Infoo, at or near "Conn::Infoo"',
    "zeek's parse-only check (-a): a deprecation warning, then the unknown identifier and its follow-on error",
)

# ---------------------------------------------------------------- test harnesses and checkers

case(
    "ar-cram-diff-travis",
    "test.failure",
    "high",
    travis(
        "acme/greet",
        "python",
        [
            Step("pip install cram==0.7 .", "Successfully installed cram-0.7 greet-0.3.0", name="install"),
            Step(
                "cram tests/",
                """.
§!
§--- tests/cli.t
§+++ tests/cli.t.err
§@@ -4,5 +4,5 @@
§   $ greet --name World
§-  Hello, World!
§+  Hello World!
§   $ greet --shout
§   HELLO!
§
§.
§# Ran 3 tests, 0 skipped, 1 failed.""",
                code=1,
                name="script",
            ),
        ],
    ),
    "# Ran 3 tests, 0 skipped, 1 failed.",
    "cram's expected-output diff (`.t` against `.t.err`) between passing tests' dots, and its tally",
)

case(
    "ar-sqlc-generate-column-gitlab",
    "compile.error",
    "medium",
    gitlab(
        "acme/accounts",
        "sqlc/sqlc:1.26.0",
        [
            Step(
                "sqlc generate",
                """§# package db
§db/query.sql:12:8: column "emial" does not exist
§db/query.sql:27:1: relation "account_roles" does not exist""",
                code=1,
            ),
        ],
    ),
    'db/query.sql:12:8: column "emial" does not exist',
    "sqlc's analysis rejecting queries against the schema (code generation fails); labelled like a compile error",
)

case(
    "ar-atlas-migrate-lint-gha",
    "lint.error",
    "high",
    gha(
        "acme/billing",
        "migrations",
        [
            Step(
                "curl -sSf https://atlasgo.sh | sh", "Installation complete. Run: atlas version\natlas version v0.22.0"
            ),
            Step(
                'atlas migrate lint --dir "file://migrations" --dev-url "docker://postgres/16/dev" --latest 1',
                """§Analyzing changes from version 20240301120000 to 20240412093000 (1 migration in total):
§
§  -- analyzing version 20240412093000
§    -- destructive changes detected:
§      -- L2: Dropping non-virtual column "legacy_id"
§         https://atlasgo.io/lint/analyzers#DS103
§  -- ok (1.2ms)
§
§  -------------------------
§  -- 42.118ms
§  -- 1 version with errors
§  -- 1 schema change
§  -- 1 diagnostic""",
                code=1,
            ),
        ],
    ),
    'Dropping non-virtual column "legacy_id"',
    "atlas migrate lint's destructive-change finding and its summary block",
)

case(
    "ar-redocly-lint-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/orders-api",
        "orders-api",
        [
            Step(
                "npx @redocly/cli@1.12.0 lint openapi.yaml",
                """validating openapi.yaml...
§[1] openapi.yaml:42:7 at #/paths/~1orders~1{id}/get/responses
§
§Operation must have at least one `2XX` response.
§
§40 |     get:
§41 |       operationId: getOrder
§42 |       responses:
§   |       ^^^^^^^^^
§43 |         '404':
§44 |           description: not found
§
§Error was generated by the operation-2xx-response rule.
§
§
§openapi.yaml: validated in 41ms
§
§❌ Validation failed with 1 error.
§run `redocly lint --generate-ignore-file` to add all problems to the ignore file.""",
                code=1,
                name="Lint API",
            ),
        ],
    ),
    "❌ Validation failed with 1 error.",
    "Redocly's lint problem with its source frame and rule, and its verdict",
)

case(
    "ar-cmake-format-check-azure",
    "lint.error",
    "high",
    azure(
        "acme/imgproc",
        "Lint",
        [
            Step("pip install cmakelang==0.6.13", "Successfully installed cmakelang-0.6.13 six-1.16.0"),
            Step(
                "cmake-format --check CMakeLists.txt src/CMakeLists.txt tests/CMakeLists.txt",
                "§ERROR __main__.py:618: Check failed: src/CMakeLists.txt",
                code=1,
            ),
        ],
    ),
    "ERROR __main__.py:618: Check failed: src/CMakeLists.txt",
    "cmake-format's check names the file that would be reformatted, and nothing else",
)

case(
    "ar-hardhat-test-refused-passing-gha",
    "test.failure",
    "high",
    gha(
        "acme/market-hh",
        "test",
        [
            setup_node("20"),
            Step("npm ci", npm_ci(702)),
            Step(
                "npx hardhat test",
                """Compiled 9 Solidity files successfully (evm target: paris).


  Market
    ✔ lists an item (64ms)
    ✔ reports ECONNREFUSED from the price oracle as stale
    1) settles a sale at the listed price
    ✔ times out an unsettled offer after 7 days


  3 passing (1s)
§  1 failing
§
§  1) Market
§       settles a sale at the listed price:
§
§      AssertionError: expected 1000000000000000000 to equal 900000000000000000. The numerical values of the given "bigint" and "bigint" inputs were compared, and they differed.
§      + expected - actual
§
§      -1000000000000000000
§      +900000000000000000
§
§      at Context.<anonymous> (test/Market.ts:48:33)""",
                code=1,
            ),
        ],
        actions=("actions/setup-node@v4",),
    ),
    "AssertionError: expected 1000000000000000000 to equal 900000000000000000. The numerical values of the given "
    '"bigint" and "bigint" inputs were compared, and they differed.',
    "hardhat's mocha run: one assertion failure among passing tests named for a refused connection and a time-out",
)
