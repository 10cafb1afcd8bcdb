"""Authored cases, batch u: checkers, test runners and builders no rule of the catalogue knows, across
ecosystems (Elixir, Haskell, Swift, Kotlin, C++, Lua, Zig, Julia, OCaml, Perl, Crystal, Erlang, Raku, PHP,
Ruby, Python, JS/TS, .NET, JVM build plugins, Rust, IaC and container scanners), each in the message
format its own documentation shows and behind the invocation its documentation gives (``mix X``,
``bundle exec X``, ``vendor/bin/X``, ``npx X``, ``uvx X``, ``cargo X``, a Gradle task, a Maven goal).
Issue 8: with no rule, the category has to come from what the failing command is. Labelled before
triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import gradle_head, maven_head, setup_java, setup_node, setup_python, setup_rust
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, jenkins, travis

# ---------------------------------------------------------------- BEAM, Haskell, OCaml, Crystal, Raku

case(
    "u-elixir-dialyzer-gha",
    "lint.error",
    "high",
    gha(
        "acme/ledger-ex",
        "dialyzer",
        [
            Step("mix deps.get", "Resolving Hex dependencies...\nAll dependencies are up to date"),
            Step(
                "mix dialyzer --format short",
                f"""Finding suitable PLTs
Checking PLT...
[:compiler, :crypto, :decimal, :elixir, :kernel, :logger, :stdlib]
PLT is up to date!
Starting Dialyzer
[
  check_plt: false,
  init_plt: ~c"/home/runner/work/ledger-ex/ledger-ex/_build/dev/dialyxir_erlang-26.2_elixir-1.16.2_deps-dev.plt",
  files: [...],
  warnings: [:unknown]
]
Total errors: 2, Skipped: 0, Unnecessary Skips: 0
done in 0m4.12s
{MARK}lib/ledger/entry.ex:41:no_return Function post/2 has no local return.
{MARK}lib/ledger/entry.ex:58:call The function call will not succeed.
{MARK}done (warnings were emitted)
{MARK}Halting VM with exit status 2""",
                code=2,
            ),
        ],
    ),
    "lib/ledger/entry.ex:41:no_return Function post/2 has no local return.",
    "dialyzer through mix (dialyxir's short format): its findings and the halting line",
)

case(
    "u-erlang-elvis-gha",
    "lint.error",
    "high",
    gha(
        "acme/kvs-erl",
        "lint",
        [
            Step(
                "rebar3 compile", "===> Verifying dependencies...\n===> Analyzing applications...\n===> Compiling kvs"
            ),
            Step(
                "elvis rock --config elvis.config",
                f"""Loading files...
Loading src/kvs.erl
Loading src/kvs_store.erl
Applying rules...
# src/kvs.erl [OK]
{MARK}# src/kvs_store.erl [FAIL]
{MARK}  - line_length
{MARK}    - Line 42 is too long: "    {{ok, Value}} = gen_server:call(?MODULE, {{get, Key, Opts, erlang:system_time(millisecond)}}),".
{MARK}  - no_tabs
{MARK}    - Line 7 has a tab at column 1.""",
                code=1,
            ),
        ],
    ),
    "# src/kvs_store.erl [FAIL]",
    "elvis, Erlang's style reviewer: a file's FAIL header and the rules it broke",
)

case(
    "u-haskell-ormolu-check-travis",
    "lint.error",
    "high",
    travis(
        "acme/hs-parse",
        "haskell",
        [
            Step("cabal v2-update", "Downloading the latest package list from hackage.haskell.org"),
            Step(
                "ormolu --mode check $(git ls-files '*.hs')",
                f"""{MARK}src/Parse/Number.hs
{MARK}@@ -12,5 +12,4 @@
{MARK}   parseNumber :: Text -> Either String Double
{MARK}-  parseNumber s =
{MARK}-    readEither (unpack s)
{MARK}+  parseNumber s = readEither (unpack s)
{MARK}
{MARK}  Formatting is needed.""",
                code=100,
                name="script",
            ),
        ],
    ),
    "src/Parse/Number.hs",
    "ormolu's check mode: the file, the diff it would apply",
)

case(
    "u-ocaml-dune-fmt-gha",
    "lint.error",
    "high",
    gha(
        "acme/tomlkit-ml",
        "fmt",
        [
            Step("opam install . --deps-only --with-test", "Nothing to do."),
            Step(
                "opam exec -- dune build @fmt",
                f"""{MARK}File "lib/parser.ml", line 1, characters 0-0:
{MARK}diff --git a/_build/default/lib/parser.ml b/_build/default/lib/.formatted/parser.ml
{MARK}index 3a1b2c4..9d8e7f6 100644
{MARK}--- a/_build/default/lib/parser.ml
{MARK}+++ b/_build/default/lib/.formatted/parser.ml
{MARK}@@ -3,5 +3,4 @@
{MARK} open Types
{MARK}
{MARK}-let parse s =
{MARK}-  String.trim s |> tokens
{MARK}+let parse s = String.trim s |> tokens""",
                code=1,
            ),
        ],
    ),
    'File "lib/parser.ml", line 1, characters 0-0:',
    "dune's @fmt alias: a formatting diff, printed under a compiler-style location",
)

case(
    "u-ocaml-opam-lint-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/tomlkit-ml",
        "ocaml/opam:debian-12-ocaml-5.1",
        [
            Step(
                "opam lint tomlkit.opam",
                f"""{MARK}/builds/acme/tomlkit-ml/tomlkit.opam: Errors.
{MARK}             error 23: Missing field 'maintainer'
{MARK}           warning 25: Missing field 'authors'""",
                code=1,
            ),
        ],
    ),
    "error 23: Missing field 'maintainer'",
    "opam's own package-file linter, not an install",
)

case(
    "u-crystal-ameba-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/tomlkit-cr",
        "crystallang/crystal:1.12",
        [
            Step(
                "shards install",
                "Resolving dependencies\nFetching https://github.com/crystal-ameba/ameba.git\nInstalling ameba (1.6.1)",
            ),
            Step(
                "bin/ameba",
                f"""Inspecting 12 files

...F........

{MARK}src/tomlkit/parser.cr:14:7 [W] Lint/UselessAssign: Useless assignment to variable `tmp`
{MARK}> tmp = input.strip
{MARK}  ^-^
{MARK}
{MARK}Finished in 152.74 milliseconds
{MARK}12 inspected, 1 failure""",
                code=1,
            ),
        ],
    ),
    "Lint/UselessAssign: Useless assignment to variable `tmp`",
    "ameba, Crystal's linter: a finding with its code frame and the count",
)

case(
    "u-raku-zef-test-travis",
    "test.failure",
    "high",
    travis(
        "acme/raku-parse",
        "generic",
        [
            Step(
                "zef install --deps-only .",
                "===> Searching for missing dependencies: Test::META\n===> Installing: Test::META:ver<0.0.19>",
            ),
            Step(
                "zef test .",
                f"""===> Testing: Acme::Parse:ver<0.3.0>
[Acme::Parse] ok 1 - parses integers
{MARK}[Acme::Parse] not ok 2 - parses exponents
{MARK}[Acme::Parse] # Failed test 'parses exponents'
{MARK}[Acme::Parse] # at t/01-parse.rakutest line 9
{MARK}[Acme::Parse] # expected: '1000'
{MARK}[Acme::Parse] #      got: '1'
[Acme::Parse] # You failed 1 test of 4
===> Testing [FAIL]: Acme::Parse:ver<0.3.0>""",
                code=1,
                name="script",
            ),
        ],
    ),
    "# Failed test 'parses exponents'",
    "Raku's zef running the distribution's tests",
)

# ---------------------------------------------------------------- Swift, Kotlin, C++, Lua, Zig, Julia, Perl

case(
    "u-swift-periphery-gha",
    "lint.error",
    "high",
    gha(
        "acme/ios-cart",
        "unused-code",
        [
            Step(
                "periphery scan --strict --quiet",
                f"""{MARK}/Users/runner/work/ios-cart/ios-cart/Sources/Cart/Cache.swift:14:10: warning: Function 'evictAll()' is unused
{MARK}/Users/runner/work/ios-cart/ios-cart/Sources/Cart/Order.swift:3:8: warning: Property 'legacyID' is assigned, but never used""",
                code=1,
            ),
        ],
    ),
    "Function 'evictAll()' is unused",
    "periphery, Swift's unused-code checker: --strict fails on its warnings",
)

case(
    "u-swift-api-breakage-gha",
    "lint.error",
    "high",
    gha(
        "acme/swift-money",
        "api",
        [
            Step(
                "swift package diagnose-api-breaking-changes 1.4.0",
                f"""Fetching https://github.com/apple/swift-numerics.git
Computing version for https://github.com/apple/swift-numerics.git
Building for debugging...
Build complete! (21.42s)
Checking for API breakages in Money since 1.4.0...
{MARK}2 breaking changes detected in Money:
{MARK}  💔 API breakage: func Money.rounded(_:) has been removed
{MARK}  💔 API breakage: var Money.amount has changed type from Swift.Double to Foundation.Decimal""",
                code=1,
            ),
        ],
    ),
    "2 breaking changes detected in Money:",
    "SwiftPM's API-compatibility check: a check, not a package resolution",
)

case(
    "u-kotlin-diktat-gradle-gha",
    "lint.error",
    "high",
    gha(
        "acme/kotlin-orders",
        "check",
        [
            setup_java("17"),
            Step(
                "./gradlew diktatCheck",
                f"""{gradle_head()}
> Task :diktatCheck FAILED
{MARK}/home/runner/work/kotlin-orders/kotlin-orders/src/main/kotlin/acme/Order.kt:12:5: [MISSING_KDOC_ON_FUNCTION] all public, internal and protected functions should have Kdoc with proper tags: total (diktat-ruleset:kdoc-methods)
{MARK}/home/runner/work/kotlin-orders/kotlin-orders/src/main/kotlin/acme/Order.kt:30:1: [TOO_LONG_FUNCTION] function is too long: split it or make more primitive, max length is 30, but function has 41 lines (diktat-ruleset:too-long-function)

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':diktatCheck'.
> There are 2 lint errors

BUILD FAILED in 14s""",
                code=1,
            ),
        ],
    ),
    "[MISSING_KDOC_ON_FUNCTION]",
    "diktat, a Kotlin style checker run as a Gradle task whose name ends in Check",
)

case(
    "u-cpp-iwyu-gha",
    "lint.error",
    "high",
    gha(
        "acme/cppkv",
        "iwyu",
        [
            Step(
                "cmake -S . -B build -DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
                "-- Configuring done (0.8s)\n-- Generating done (0.0s)\n-- Build files have been written to: /home/runner/work/cppkv/cppkv/build",
            ),
            Step(
                "iwyu_tool.py -p build src -- -Xiwyu --error",
                f"""{MARK}/home/runner/work/cppkv/cppkv/src/store.cc should add these lines:
{MARK}#include <string>  // for string
{MARK}
{MARK}/home/runner/work/cppkv/cppkv/src/store.cc should remove these lines:
{MARK}- #include <vector>  // lines 3-3
{MARK}
{MARK}The full include-list for /home/runner/work/cppkv/cppkv/src/store.cc:
{MARK}#include "store.h"
{MARK}#include <string>  // for string
{MARK}---""",
                code=1,
            ),
        ],
    ),
    "should add these lines:",
    "include-what-you-use through its driver script",
)

case(
    "u-lua-luacheck-travis",
    "lint.error",
    "high",
    travis(
        "acme/lua-router",
        "python",
        [
            Step(
                "luarocks install luacheck",
                "Installing https://luarocks.org/luacheck-1.1.2-1.src.rock\nluacheck 1.1.2-1 is now installed in /home/travis/.luarocks",
            ),
            Step(
                "luacheck src spec",
                f"""{MARK}Checking src/router/init.lua                      2 warnings
{MARK}
{MARK}    src/router/init.lua:14:7: unused variable 'tmp'
{MARK}    src/router/init.lua:31:1: setting non-standard global variable 'helper'
{MARK}
{MARK}Checking src/router/match.lua                     OK
{MARK}Checking spec/router_spec.lua                     OK
{MARK}
{MARK}Total: 2 warnings / 0 errors in 3 files""",
                code=1,
                name="script",
            ),
        ],
    ),
    "src/router/init.lua:14:7: unused variable 'tmp'",
    "luacheck: a file's warnings and the total",
)

case(
    "u-zig-build-test-gha",
    "test.failure",
    "high",
    gha(
        "acme/zjson",
        "test",
        [
            Step("", uses="mlugg/setup-zig@v1", with_={"version": "0.13.0"}, out="Installing Zig 0.13.0"),
            Step(
                "zig build test --summary all",
                f"""{MARK}test
{MARK}└─ run test 1/2 passed, 1 failed
{MARK}error: 'parser.test.parses exponents' failed: expected 1000, found 1
{MARK}/home/runner/work/zjson/zjson/src/parser.zig:41:5: 0x1039d1b in test.parses exponents (test)
{MARK}    try std.testing.expectEqual(@as(f64, 1000), v);
{MARK}    ^
{MARK}error: while executing test 'parser.test.parses exponents', the following command exited with code 1 (expected exited with code 0):
/home/runner/work/zjson/zjson/.zig-cache/o/1f2e3d4c/test --listen=-
Build Summary: 1/3 steps succeeded; 1 failed; 1/2 tests passed; 1 failed
test transitive failure
└─ run test 1/2 passed, 1 failed
error: the following build command failed with exit code 1:
/home/runner/work/zjson/zjson/.zig-cache/o/9a8b7c6d/build /opt/hostedtoolcache/zig/0.13.0/x64/zig /home/runner/work/zjson/zjson test --summary all""",
                code=1,
            ),
        ],
    ),
    "error: 'parser.test.parses exponents' failed: expected 1000, found 1",
    "zig build's test step: a test's failure, not a compile error",
)

case(
    "u-julia-pkg-test-gha",
    "test.failure",
    "high",
    gha(
        "acme/Ledger.jl",
        "test",
        [
            Step("", uses="julia-actions/setup-julia@v2", with_={"version": "1.10"}, out="Installed Julia 1.10.3"),
            Step(
                "julia --color=yes --project -e 'using Pkg; Pkg.test()'",
                f"""     Testing Ledger
      Status `/tmp/jl_Xk2p1a/Project.toml`
  [6e4b80f9] BenchmarkTools v1.5.0
     Testing Running tests...
{MARK}balance: Test Failed at /home/runner/work/Ledger.jl/Ledger.jl/test/runtests.jl:9
{MARK}  Expression: balance(acct) == 100.0
{MARK}   Evaluated: 99.5 == 100.0
{MARK}
{MARK}Stacktrace:
{MARK} [1] macro expansion
{MARK}   @ /opt/hostedtoolcache/julia/1.10.3/x64/share/julia/stdlib/v1.10/Test/src/Test.jl:672 [inlined]
{MARK}Test Summary: | Pass  Fail  Total  Time
{MARK}Ledger        |   11     1     12  1.2s
{MARK}ERROR: LoadError: Some tests did not pass: 11 passed, 1 failed, 0 errored, 0 broken.
in expression starting at /home/runner/work/Ledger.jl/Ledger.jl/test/runtests.jl:4
ERROR: Package Ledger errored during testing""",
                code=1,
            ),
        ],
    ),
    "balance: Test Failed at",
    "Julia's Pkg.test: a failed @test and the summary",
)

case(
    "u-perl-perlcritic-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/perl-billing",
        "perl-billing/main",
        [
            Step(
                "cpanm --quiet --notest --installdeps .",
                "Successfully installed Perl-Critic-1.152\n12 distributions installed",
            ),
            Step(
                "perlcritic --severity 4 lib",
                f"""lib/Billing/Util.pm source OK
{MARK}lib/Billing/Invoice.pm: Code before strictures are enabled at line 3, column 1.  See page 429 of PBP.  (Severity: 5)
{MARK}lib/Billing/Invoice.pm: "return" statement with explicit "undef" at line 22, column 5.  See page 199 of PBP.  (Severity: 5)""",
                code=2,
                name="Critic",
            ),
        ],
    ),
    "Code before strictures are enabled at line 3, column 1.",
    "perlcritic's default verbosity: file, policy text, PBP page, severity",
)

# ---------------------------------------------------------------- data, schema, IaC and container checkers

case(
    "u-sqlfluff-lint-gha",
    "lint.error",
    "high",
    gha(
        "acme/warehouse-dbt",
        "sql-lint",
        [
            setup_python("3.11"),
            Step("pip install sqlfluff==3.0.5", "Successfully installed sqlfluff-3.0.5"),
            Step(
                "sqlfluff lint models --dialect postgres",
                f"""{MARK}== [models/orders.sql] FAIL
{MARK}L:   3 | P:   5 | LT01 | Expected only single space before 'AS' keyword.
{MARK}                       | Found '  '. [layout.spacing]
{MARK}L:  12 | P:   1 | CP01 | Keywords must be consistently upper case.
{MARK}                       | [capitalisation.keywords]
All Finished 📜 🎉!""",
                code=1,
            ),
        ],
    ),
    "== [models/orders.sql] FAIL",
    "sqlfluff: a file's FAIL header and its findings",
)

case(
    "u-protolint-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/orders-proto",
        "yoheimuta/protolint:0.49",
        [
            Step(
                "protolint lint proto/",
                f"""{MARK}[proto/acme/v1/order.proto:12:3] Field name "orderID" must be underscore_separated_names like "order_id".
{MARK}[proto/acme/v1/order.proto:4:1] Found an incorrect indentation style "  ". "    " is correct.""",
                code=1,
            ),
        ],
    ),
    'Field name "orderID" must be underscore_separated_names',
    "protolint's plain reporter: [file:line:col] message",
)

case(
    "u-checkov-terraform-gha",
    "lint.error",
    "high",
    gha(
        "acme/infra-live",
        "iac-scan",
        [
            Step(
                "checkov -d terraform --framework terraform --compact",
                f"""terraform scan results:

Passed checks: 14, Failed checks: 1, Skipped checks: 0

{MARK}Check: CKV_AWS_20: "S3 Bucket has an ACL defined which allows public READ access."
{MARK}	FAILED for resource: aws_s3_bucket.assets
{MARK}	File: /main.tf:12-18
{MARK}	Guide: https://docs.prismacloud.io/en/enterprise-edition/policy-reference/aws-policies/s3-policies/s3-1-acl-read-permissions-everyone""",
                code=1,
            ),
        ],
    ),
    'Check: CKV_AWS_20: "S3 Bucket has an ACL defined which allows public READ access."',
    "checkov: a failed check for a resource",
)

case(
    "u-tflint-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/infra-live",
        "infra-live/main",
        [
            Step(
                "tflint --init",
                'Installing "aws" plugin...\nInstalled "aws" (source: github.com/terraform-linters/tflint-ruleset-aws, version: 0.31.0)',
            ),
            Step(
                "tflint --recursive --format compact",
                f"""{MARK}2 issue(s) found:
{MARK}
{MARK}modules/web/variables.tf:4:1: Warning - variable "region" is declared but not used (terraform_unused_declarations)
{MARK}modules/web/main.tf:9:19: Error - "t2.nanoo" is an invalid value as instance_type (aws_instance_invalid_type)""",
                code=2,
                name="TFLint",
            ),
        ],
    ),
    '"t2.nanoo" is an invalid value as instance_type (aws_instance_invalid_type)',
    "tflint's compact format: findings, an Error among them",
)

case(
    "u-kube-linter-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/deploy",
        "stackrox/kube-linter:v0.6.8-alpine",
        [
            Step(
                "kube-linter lint k8s/",
                f"""KubeLinter 0.6.8

{MARK}/builds/acme/deploy/k8s/api.yaml: (object: shop/api apps/v1, Kind=Deployment) container "api" does not have a read-only root file system (check: no-read-only-root-fs, remediation: Set readOnlyRootFilesystem to true in the container securityContext.)
{MARK}
{MARK}/builds/acme/deploy/k8s/api.yaml: (object: shop/api apps/v1, Kind=Deployment) container "api" has cpu limit 0 (check: unset-cpu-requirements, remediation: Set CPU requests and limits for your container based on its requirements.)
{MARK}
{MARK}Error: found 2 lint errors""",
                code=1,
            ),
        ],
    ),
    'container "api" does not have a read-only root file system',
    "kube-linter: findings per object and its count",
)

case(
    "u-dockle-image-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/web-image",
        "web-image/main",
        [
            Step(
                "docker build -t acme/web:ci .", "#9 naming to docker.io/acme/web:ci done\n#9 DONE 0.1s", name="Build"
            ),
            Step(
                "dockle --exit-code 1 --exit-level warn acme/web:ci",
                f"""{MARK}FATAL	- CIS-DI-0009: Use COPY instead of ADD in Dockerfile
{MARK}	* Use COPY : ADD app.tar.gz /srv/ # buildkit
{MARK}WARN	- CIS-DI-0001: Create a user for the container
{MARK}	* Last user should not be root
INFO	- CIS-DI-0005: Enable Content trust for Docker
	* export DOCKER_CONTENT_TRUST=1 before docker pull/build""",
                code=1,
                name="Image lint",
            ),
        ],
    ),
    "CIS-DI-0009: Use COPY instead of ADD in Dockerfile",
    "dockle, a container image linter, after a build that passed",
)

case(
    "u-kics-scan-gitlab",
    "lint.error",
    "medium",
    gitlab(
        "acme/infra-live",
        "checkmarx/kics:v1.7.13",
        [
            Step(
                "kics scan -p terraform --fail-on high --no-progress",
                f"""Scanning with Keeping Infrastructure as Code Secure v1.7.13

Files scanned: 9
Parsed files: 9
Queries loaded: 1122
Queries failed to execute: 0

------------------------------------

{MARK}S3 Bucket ACL Allows Read Or Write to All Users, Severity: HIGH, Results: 1
{MARK}Description: S3 Buckets should not be readable and writable to all users
{MARK}Platform: Terraform
{MARK}
{MARK}	[1]: ../../builds/acme/infra-live/terraform/main.tf:14
{MARK}
{MARK}		013:   bucket = "acme-assets"
{MARK}		014:   acl    = "public-read-write"
{MARK}		015: }}

Results Summary:
HIGH: 1
MEDIUM: 0
LOW: 0
INFO: 0
TOTAL: 1""",
                code=50,
            ),
        ],
    ),
    "S3 Bucket ACL Allows Read Or Write to All Users, Severity: HIGH, Results: 1",
    "KICS: a query's results and where, then its summary",
)

# ---------------------------------------------------------------- PHP and Ruby

case(
    "u-php-pint-test-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/shop-laravel",
        "php:8.3-cli",
        [
            Step(
                "composer install --no-interaction --prefer-dist",
                "Generating optimized autoload files\n> Illuminate\\Foundation\\ComposerScripts::postAutoloadDump",
            ),
            Step(
                "vendor/bin/pint --test",
                f"""
  ..⨯....⨯...................................

  ────────────────────────────────────────────────────────────── Laravel
{MARK}    FAIL   ........................................ 42 files, 2 style issues
{MARK}  ⨯ app/Http/Controllers/OrderController.php          braces_position, no_unused_imports
{MARK}  ⨯ app/Models/Order.php                                                single_quote""",
                code=1,
            ),
        ],
    ),
    "42 files, 2 style issues",
    "Laravel Pint's test mode: the files it would fix",
)

case(
    "u-php-ecs-check-gha",
    "lint.error",
    "high",
    gha(
        "acme/invoice-php",
        "coding-standard",
        [
            Step(
                "composer install --no-progress",
                "Generating autoload files\n41 packages you are using are looking for funding.",
            ),
            Step(
                "vendor/bin/ecs check --no-progress-bar",
                f"""{MARK}1) src/Invoice.php
{MARK}
{MARK}    ---------- begin diff ----------
{MARK}@@ @@
{MARK}-    public function total() {{
{MARK}+    public function total()
{MARK}+    {{
{MARK}    ----------- end diff -----------
{MARK}
{MARK}Applied checkers:
{MARK}
{MARK} * PhpCsFixer\\Fixer\\Basic\\BracesPositionFixer
{MARK}
{MARK}
{MARK} [ERROR] Found 1 error that can be fixed with "--fix" option""",
                code=1,
            ),
        ],
    ),
    'Found 1 error that can be fixed with "--fix" option',
    "Easy Coding Standard's check: a diff per file and its verdict",
)

case(
    "u-php-composer-normalize-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/invoice-php",
        "composer:2.7",
        [
            Step(
                "composer normalize --dry-run",
                f"""Running ergebnis/composer-normalize by Andreas Möller and contributors.
{MARK}./composer.json is not normalized.
{MARK}
{MARK}---------- begin diff ----------
{MARK}--- ./composer.json, original
{MARK}+++ ./composer.json, normalized
{MARK}@@ -8,8 +8,8 @@
{MARK}     "require": {{
{MARK}-        "psr/log": "^3.0",
{MARK}-        "php": "^8.2"
{MARK}+        "php": "^8.2",
{MARK}+        "psr/log": "^3.0"
{MARK}     }},
{MARK}----------- end diff -----------""",
                code=1,
            ),
        ],
    ),
    "./composer.json is not normalized.",
    "composer-normalize's dry run: a check of composer.json, not an install",
)

case(
    "u-ruby-standardrb-travis",
    "lint.error",
    "high",
    travis(
        "acme/rb-orders",
        "ruby",
        [
            Step(
                "bundle install --jobs=3 --retry=3", "Bundle complete! 14 Gemfile dependencies, 61 gems now installed."
            ),
            Step(
                "bundle exec standardrb",
                f"""{MARK}standard: Use Ruby Standard Style (https://github.com/standardrb/standard)
{MARK}  app/models/order.rb:12:5: Lint/UselessAssignment: Useless assignment to variable - `tmp`.
{MARK}  app/models/order.rb:30:11: Style/StringLiterals: Prefer double-quoted strings unless you need single quotes to avoid extra backslashes for escaping.""",
                code=1,
                name="script",
            ),
        ],
    ),
    "app/models/order.rb:12:5: Lint/UselessAssignment",
    "standardrb: its banner and findings",
)

case(
    "u-ruby-brakeman-gha",
    "lint.error",
    "high",
    gha(
        "acme/rails-shop",
        "security",
        [
            Step(
                "bundle exec brakeman --no-pager --quiet",
                f"""== Brakeman Report ==

Application Path: /home/runner/work/rails-shop/rails-shop
Rails Version: 7.1.3
Brakeman Version: 6.1.2

== Warnings ==

{MARK}Confidence: High
{MARK}Category: SQL Injection
{MARK}Check: SQL
{MARK}Message: Possible SQL injection
{MARK}Code: Order.where("status = '#{{params[:status]}}'")
{MARK}File: app/controllers/orders_controller.rb
{MARK}Line: 9""",
                code=3,
            ),
        ],
    ),
    "Message: Possible SQL injection",
    "brakeman's text report: a warning's fields",
)

# ---------------------------------------------------------------- Python

case(
    "u-python-bandit-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/etl-tools",
        "python:3.12-slim",
        [
            Step("pip install bandit==1.7.8", "Successfully installed bandit-1.7.8 pbr-6.0.0 stevedore-5.2.0"),
            Step(
                "bandit -r etl -ll",
                f"""[main]	INFO	profile include tests: None
[main]	INFO	running on Python 3.12.3
Run started:2024-05-02 14:03:11.120000

Test results:
{MARK}>> Issue: [B602:subprocess_popen_with_shell_equals_true] subprocess call with shell=True identified, security issue.
{MARK}   Severity: High   Confidence: High
{MARK}   CWE: CWE-78 (https://cwe.mitre.org/data/definitions/78.html)
{MARK}   More Info: https://bandit.readthedocs.io/en/1.7.8/plugins/b602_subprocess_popen_with_shell_equals_true.html
{MARK}   Location: etl/extract.py:14:4
{MARK}13	    cmd = f"tar xzf {{path}}"
{MARK}14	    subprocess.call(cmd, shell=True)

--------------------------------------------------

Code scanned:
	Total lines of code: 1840
	Total lines skipped (#nosec): 0

Run metrics:
	Total issues (by severity):
		Undefined: 0
		Low: 0
		Medium: 0
		High: 1
Files skipped (0):""",
                code=1,
            ),
        ],
    ),
    ">> Issue: [B602:subprocess_popen_with_shell_equals_true]",
    "bandit's screen report: an issue with its location and code",
)

case(
    "u-python-ty-check-gha",
    "lint.error",
    "high",
    gha(
        "acme/py-cart",
        "types",
        [
            setup_python("3.12"),
            Step(
                "uvx ty check src",
                f"""{MARK}error[unresolved-attribute]: Type `Order` has no attribute `totl`
{MARK}  --> src/cart/checkout.py:14:12
{MARK}   |
{MARK}14 |     return order.totl
{MARK}   |            ^^^^^^^^^^
{MARK}   |
{MARK}info: rule `unresolved-attribute` is enabled by default
{MARK}
{MARK}Found 1 diagnostic""",
                code=1,
            ),
        ],
    ),
    "error[unresolved-attribute]: Type `Order` has no attribute `totl`",
    "Astral's ty type checker through uvx: a type check run as a check",
)

case(
    "u-python-pyrefly-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/py-cart",
        "py-cart/main",
        [
            Step("pip install pyrefly", "Successfully installed pyrefly-0.17.1", name="Install"),
            Step(
                "pyrefly check",
                f"""{MARK}ERROR Argument `Literal['3']` is not assignable to parameter `n` with type `int` in function `cart.util.repeat` [bad-argument-type]
{MARK}  --> src/cart/checkout.py:22:19
{MARK}   |
{MARK}22 |     return repeat("3")
{MARK}   |                   ^^^
{MARK}   |
{MARK} INFO 1 error shown, 0 errors ignored (use --summarize-errors to see counts for each error code)""",
                code=1,
                name="Types",
            ),
        ],
    ),
    "ERROR Argument `Literal['3']` is not assignable to parameter `n`",
    "pyrefly, a type checker: its check subcommand",
)

# ---------------------------------------------------------------- JS/TS, .NET

case(
    "u-js-biome-ci-gha",
    "lint.error",
    "high",
    gha(
        "acme/web-cart",
        "lint",
        [
            setup_node("20"),
            Step("npm ci", "added 212 packages in 6s"),
            Step(
                "npx @biomejs/biome ci .",
                f"""{MARK}src/cart.ts:14:7 lint/style/useConst  FIXABLE  ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
{MARK}
{MARK}  × This let declares a variable that is only assigned once.
{MARK}
{MARK}    12 │ export function total(items: Item[]) {{
{MARK}    13 │   let sum = 0
{MARK}  > 14 │   let rate = 0.2
{MARK}       │       ^^^^
{MARK}
{MARK}  i 'rate' is never reassigned.

ci ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

  × Some errors were emitted while running checks.

Checked 48 files in 21ms. No fixes applied.
Found 1 error.""",
                code=1,
            ),
        ],
    ),
    "lint/style/useConst",
    "biome ci through npx by its scoped package name",
)

case(
    "u-deno-lint-gha",
    "lint.error",
    "high",
    gha(
        "acme/kv-deno",
        "lint",
        [
            Step("", uses="denoland/setup-deno@v1", with_={"deno-version": "v1.x"}, out="Deno is installed."),
            Step(
                "deno lint",
                f"""{MARK}error[no-unused-vars]: `tmp` is never used
{MARK} --> /home/runner/work/kv-deno/kv-deno/src/store.ts:8:9
{MARK}  |
{MARK}8 |   const tmp = await kv.get(key);
{MARK}  |         ^^^
{MARK}  = hint: If this is intentional, prefix it with an underscore like `_tmp`
{MARK}
{MARK}  docs: https://docs.deno.com/lint/rules/no-unused-vars
{MARK}
{MARK}
{MARK}Found 1 problem
Checked 12 files""",
                code=1,
            ),
        ],
    ),
    "error[no-unused-vars]: `tmp` is never used",
    "deno lint: a rustc-like diagnostic from a linter",
)

case(
    "u-js-cypress-run-gha",
    "test.failure",
    "high",
    gha(
        "acme/web-cart",
        "e2e",
        [
            setup_node("20"),
            Step(
                "npx cypress run --browser chrome",
                f"""====================================================================================================

  (Run Starting)

  ┌────────────────────────────────────────────────────────────────────────────────────────────────┐
  │ Cypress:        13.8.1                                                                         │
  │ Browser:        Chrome 124 (headless)                                                          │
  │ Specs:          2 found (cart.cy.ts, login.cy.ts)                                              │
  └────────────────────────────────────────────────────────────────────────────────────────────────┘

────────────────────────────────────────────────────────────────────────────────────────────────────

  Running:  login.cy.ts                                                                     (2 of 2)


  Login
    ✓ shows the form (412ms)
    1) signs in with valid credentials


  1 passing (6s)
  1 failing

{MARK}  1) Login
{MARK}       signs in with valid credentials:
{MARK}     AssertionError: Expected to find element: `[data-cy=welcome]`, but never found it.
{MARK}      at Context.eval (webpack://web-cart/./cypress/e2e/login.cy.ts:14:32)



  (Results)

  ┌────────────────────────────────────────────────────────────────────────────────────────────────┐
  │ Tests:        2                                                                                │
  │ Passing:      1                                                                                │
  │ Failing:      1                                                                                │
  └────────────────────────────────────────────────────────────────────────────────────────────────┘""",
                code=1,
            ),
        ],
    ),
    "AssertionError: Expected to find element: `[data-cy=welcome]`, but never found it.",
    "Cypress through npx: a failing spec's error under its numbered title",
)

case(
    "u-bun-test-gha",
    "test.failure",
    "high",
    gha(
        "acme/bun-cart",
        "test",
        [
            Step("", uses="oven-sh/setup-bun@v1", with_={"bun-version": "latest"}, out="Installed Bun 1.1.8"),
            Step("bun install --frozen-lockfile", "bun install v1.1.8\n 41 packages installed [612.00ms]"),
            Step(
                "bun test",
                f"""bun test v1.1.8

src/cart.test.ts:
✓ cart > adds items [0.41ms]
{MARK}12 |   test("applies discount", () => {{
{MARK}13 |     expect(total([10], 0.1)).toBe(9);
{MARK}                                  ^
{MARK}error: expect(received).toBe(expected)
{MARK}
{MARK}Expected: 9
{MARK}Received: 10
{MARK}
{MARK}      at /home/runner/work/bun-cart/bun-cart/src/cart.test.ts:13:30
{MARK}✗ cart > applies discount [0.62ms]

 1 pass
 1 fail
 2 expect() calls
Ran 2 tests across 1 files. [21.00ms]""",
                code=1,
            ),
        ],
    ),
    "error: expect(received).toBe(expected)",
    "bun's own test runner",
)

case(
    "u-dotnet-csharpier-gha",
    "lint.error",
    "high",
    gha(
        "acme/ShopApi",
        "format",
        [
            Step(
                "dotnet tool restore",
                "Tool 'csharpier' (version '0.28.2') was restored. Available commands: dotnet-csharpier",
            ),
            Step(
                "dotnet csharpier --check .",
                f"""{MARK}Error ./src/Shop/Order.cs - Was not formatted.
{MARK}  ----------------------------- Expected: Around Line 12 -----------------------------
{MARK}      public decimal Total()
{MARK}      {{
{MARK}          return Lines.Sum(l => l.Price);
{MARK}  ----------------------------- Actual: Around Line 12 -----------------------------
{MARK}      public decimal Total() {{ return Lines.Sum(l => l.Price); }}
{MARK}
{MARK}Checked 48 files in 1021ms.""",
                code=1,
            ),
        ],
    ),
    "Error ./src/Shop/Order.cs - Was not formatted.",
    "CSharpier's check as a dotnet tool",
)

# ---------------------------------------------------------------- JVM build plugins, Rust

case(
    "u-gradle-owasp-dependency-check-gha",
    "lint.error",
    "high",
    gha(
        "acme/kotlin-orders",
        "security",
        [
            setup_java("17"),
            Step(
                "./gradlew dependencyCheckAnalyze",
                f"""{gradle_head()}
> Task :dependencyCheckAnalyze
Verifying dependencies for project kotlin-orders
Checking for updates and analyzing dependencies for vulnerabilities
Generating report for project kotlin-orders
Found 2 vulnerabilities in project kotlin-orders


{MARK}One or more dependencies were identified with known vulnerabilities in kotlin-orders:
{MARK}
{MARK}jackson-databind-2.9.8.jar (pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.8, cpe:2.3:a:fasterxml:jackson-databind:2.9.8:*:*:*:*:*:*:*) : CVE-2019-12086, CVE-2019-12384
{MARK}
{MARK}
{MARK}See the dependency-check report for more details.

> Task :dependencyCheckAnalyze FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':dependencyCheckAnalyze'.
>
  Dependency-Analyze Failure:
  One or more dependencies were identified with vulnerabilities that have a CVSS score greater than '7.0': CVE-2019-12086, CVE-2019-12384
  See the dependency-check report for more details.

BUILD FAILED in 48s""",
                code=1,
            ),
        ],
    ),
    "One or more dependencies were identified with known vulnerabilities",
    "OWASP dependency-check's Gradle task: a vulnerability gate, not a test",
)

case(
    "u-maven-dependency-analyze-travis",
    "lint.error",
    "high",
    travis(
        "acme/java-ledger",
        "java",
        [
            Step(
                "mvn -B verify",
                f"""{maven_head("ledger")}
[INFO] --- dependency:3.6.1:analyze-only (analyze) @ ledger ---
{MARK}[WARNING] Used undeclared dependencies found:
{MARK}[WARNING]    org.slf4j:slf4j-api:jar:2.0.12:compile
{MARK}[WARNING] Unused declared dependencies found:
{MARK}[WARNING]    com.google.guava:guava:jar:33.1.0-jre:compile
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  21.412 s
[INFO] Finished at: 2024-05-02T14:05:40Z
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-dependency-plugin:3.6.1:analyze-only (analyze) on project ledger: Dependency problems found -> [Help 1]
[ERROR]
[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
[ERROR] Re-run Maven using the -X switch to enable full debug logging.""",
                code=1,
                name="script",
            ),
        ],
    ),
    "Unused declared dependencies found:",
    "maven-dependency-plugin's analyze goal failing the build on its findings",
)

case(
    "u-gradle-pmd-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/java-ledger",
        "java-ledger/main",
        [
            Step(
                "./gradlew pmdMain",
                f"""{gradle_head()}
> Task :compileJava
> Task :pmdMain FAILED
{MARK}/var/lib/jenkins/workspace/java-ledger/src/main/java/acme/Ledger.java:12:	UnusedLocalVariable:	Avoid unused local variables such as 'tmp'.
{MARK}/var/lib/jenkins/workspace/java-ledger/src/main/java/acme/Ledger.java:40:	EmptyCatchBlock:	Avoid empty catch blocks

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':pmdMain'.
> A failure occurred while executing org.gradle.api.plugins.quality.internal.PmdAction
   > 2 PMD rule violations were found. See the report at: file:///var/lib/jenkins/workspace/java-ledger/build/reports/pmd/main.html

BUILD FAILED in 19s""",
                code=1,
                name="PMD",
            ),
        ],
    ),
    "UnusedLocalVariable:	Avoid unused local variables such as 'tmp'.",
    "the Gradle PMD plugin's task for the main source set",
)

case(
    "u-rust-cargo-machete-gha",
    "lint.error",
    "high",
    gha(
        "acme/kv-store",
        "unused-deps",
        [
            setup_rust(),
            Step(
                "cargo machete",
                f"""Analyzing dependencies of crates in this directory...
{MARK}cargo-machete found the following unused dependencies in this directory:
{MARK}kv-store -- ./Cargo.toml:
{MARK}	serde_json
{MARK}	tokio-util

If you believe cargo-machete has detected an unused dependency incorrectly,
you can add the dependency to the list of dependencies to ignore in the
`[package.metadata.cargo-machete]` section of the appropriate Cargo.toml.
For example:

[package.metadata.cargo-machete]
ignored = ["prost"]

Done!""",
                code=1,
            ),
        ],
    ),
    "cargo-machete found the following unused dependencies in this directory:",
    "cargo machete: unused dependencies, a check, not a resolution",
)

case(
    "u-rust-wasm-pack-test-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/wasm-geo",
        "rust:1.78",
        [
            Step(
                "wasm-pack test --headless --firefox",
                f"""[INFO]: 🎯  Checking for the Wasm target...
    Finished `test` profile [unoptimized + debuginfo] target(s) in 0.21s
     Running unittests src/lib.rs (target/wasm32-unknown-unknown/debug/deps/wasm_geo-5e1f2d3c4b5a6978.wasm)
Set timeout to 20 seconds...
Running headless tests in Firefox on `http://127.0.0.1:41231/`
Try find `webdriver.json` for configure browser's capabilities:
Not found
running 2 tests

test wasm_geo::tests::distance_zero ... ok
test wasm_geo::tests::distance_known ... FAIL

failures:

{MARK}---- wasm_geo::tests::distance_known output ----
{MARK}    error output:
{MARK}        panicked at src/lib.rs:31:9:
{MARK}        assertion `left == right` failed
{MARK}          left: 111.19
{MARK}         right: 111.2

failures:

    wasm_geo::tests::distance_known

test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 filtered out; finished in 0.04s

Error: Running Wasm tests with wasm-bindgen-test failed
Caused by: Running Wasm tests with wasm-bindgen-test failed
Caused by: failed to execute `cargo test`: exited with exit status: 1""",
                code=1,
            ),
        ],
    ),
    "---- wasm_geo::tests::distance_known output ----",
    "wasm-pack's test command: wasm-bindgen-test's libtest-like report",
)

# ---------------------------------------------------------------- a check, written after the tool-table changes

# Further tools and wrappers, none of them among the 40 above: some the table learnt from their docs with
# the rest, some it does not know (spago); a task runner's and a monorepo runner's own failure lines.

case(
    "u-check-php-phpinsights-gha",
    "lint.error",
    "high",
    gha(
        "acme/invoice-php",
        "insights",
        [
            Step("composer install --no-progress", "Generating autoload files"),
            Step(
                "vendor/bin/phpinsights --no-interaction --min-quality=90 --format=console",
                f"""
 [CODE] 84.2 pts       [COMPLEXITY] 91.0 pts       [ARCHITECTURE] 88.2 pts       [STYLE] 95.1 pts

{MARK}• [Code] Unused variable:
{MARK}  src/Invoice.php:12: Unused variable $tmp.
{MARK}
{MARK}• [Style] Line length:
{MARK}  src/Invoice.php:40: Line exceeds 120 characters; contains 131 characters
{MARK}
{MARK} ✘ The code quality score is too low""",
                code=1,
            ),
        ],
    ),
    "The code quality score is too low",
    "PHP Insights' console report under a quality threshold",
)

case(
    "u-check-ruby-rufo-travis",
    "lint.error",
    "high",
    travis(
        "acme/rb-orders",
        "ruby",
        [
            Step("bundle install --jobs=3", "Bundle complete! 9 Gemfile dependencies, 31 gems now installed."),
            Step(
                "bundle exec rufo --check app lib",
                f"""{MARK}Formatting app/models/order.rb produced changes
{MARK}Formatting lib/orders/total.rb produced changes""",
                code=3,
                name="script",
            ),
        ],
    ),
    "Formatting app/models/order.rb produced changes",
    "rufo's check mode through bundle exec",
)

case(
    "u-check-go-gocognit-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/go-ledger",
        "golang:1.22",
        [
            Step(
                "go install github.com/uudashr/gocognit/cmd/gocognit@latest",
                "go: downloading github.com/uudashr/gocognit v1.1.2",
            ),
            Step(
                "gocognit -over 15 .",
                f"""{MARK}21 ledger (*Book).Post internal/ledger/book.go:44:1
{MARK}17 ledger reconcile internal/ledger/reconcile.go:12:1""",
                code=1,
            ),
        ],
    ),
    "21 ledger (*Book).Post internal/ledger/book.go:44:1",
    "gocognit: functions over the cognitive-complexity limit, one a line",
)

case(
    "u-check-rego-regal-gha",
    "lint.error",
    "high",
    gha(
        "acme/authz-policies",
        "lint",
        [
            Step(
                "regal lint policy/",
                f"""{MARK}Rule:         	prefer-snake-case
{MARK}Description:  	Prefer snake_case for names
{MARK}Category:     	style
{MARK}Location:     	policy/authz.rego:12:1
{MARK}Text:         	allowedUsers := {{"alice"}}
{MARK}Documentation:	https://docs.styra.com/regal/rules/style/prefer-snake-case
{MARK}
{MARK}1 file linted. 1 violation found.""",
                code=3,
            ),
        ],
    ),
    "Rule:         	prefer-snake-case",
    "Regal, the Rego linter: a violation's fields and its count",
)

case(
    "u-check-oasdiff-breaking-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/orders-api",
        "tufin/oasdiff:v1.10",
        [
            Step(
                "oasdiff breaking openapi/base.yaml openapi/orders.yaml --fail-on ERR",
                f"""{MARK}1 changes: 1 error, 0 warning, 0 info
{MARK}error	[response-required-property-removed] at openapi/orders.yaml
{MARK}	in API GET /orders/{{id}}
{MARK}		removed the required property 'total' from the response with the '200' status""",
                code=1,
            ),
        ],
    ),
    "removed the required property 'total' from the response",
    "oasdiff: a breaking change between two OpenAPI documents",
)

case(
    "u-check-ggshield-secret-scan-jenkins",
    "lint.error",
    "medium",
    jenkins(
        "acme/payments",
        "payments/main",
        [
            Step(
                "ggshield secret scan ci",
                f"""{MARK}commit 5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d
{MARK}Author: octo-dev <octo@example.com>
{MARK}
{MARK}🛡️  ⚔  🛡️  1 incident has been found in file config/settings.py
{MARK}
{MARK}>>> Incident 1(Secrets detection): Generic High Entropy Secret (Validity: No Checker) (Ignore with SHA: 3f2e1d0c9b8a) (1 occurrence)
{MARK}12 | STRIPE_KEY = "sk_live_*****************************"
{MARK}                     |_______generic_high_entropy_secret____|""",
                code=1,
                name="Secrets",
            ),
        ],
    ),
    "1 incident has been found in file config/settings.py",
    "GitGuardian's CLI: a secret incident in a commit",
)

case(
    "u-check-hurl-test-gha",
    "test.failure",
    "high",
    gha(
        "acme/orders-api",
        "api-tests",
        [
            Step("docker compose up -d api", " Container orders-api-1  Started"),
            Step(
                "hurl --test --color tests/*.hurl",
                f"""{MARK}error: Assert status code
{MARK}  --> tests/orders.hurl:5:6
{MARK}   |
{MARK}   | GET http://localhost:8080/orders/42
{MARK} 5 | HTTP 200
{MARK}   |      ^^^ actual value is <500>
{MARK}   |
{MARK}
{MARK}tests/orders.hurl: Failure (1 request(s) in 12 ms)
--------------------------------------------------------------------------------
Executed files:    1
Executed requests: 1 (83.3/s)
Succeeded files:   0 (0.0%)
Failed files:      1 (100.0%)
Duration:          12 ms""",
                code=4,
            ),
        ],
    ),
    "error: Assert status code",
    "Hurl's test mode: an HTTP assertion that failed",
)

case(
    "u-check-purescript-spago-test-travis",
    "test.failure",
    "high",
    travis(
        "acme/purs-parse",
        "node_js",
        [
            Step("npm ci", "added 41 packages in 3s"),
            Step(
                "npx spago test",
                f"""[info] Build succeeded.
Running tests...
Parse
  ✓︎ parses integers
  ✗ parses exponents:

{MARK}  1.0 ≠ 1000.0
{MARK}
{MARK}Summary
{MARK}1/2 tests failed.
[error] Tests failed: exit code: 1""",
                code=1,
                name="script",
            ),
        ],
    ),
    "1.0 ≠ 1000.0",
    "spago, which the table does not know: its test subcommand names it",
)

case(
    "u-check-just-recipe-gha",
    "lint.error",
    "high",
    gha(
        "acme/kv-store",
        "ci",
        [
            setup_rust(),
            Step(
                "just ci",
                f"""cargo fmt --all -- --check
taplo format --check
{MARK}ERROR taplo:format_files: the file is not properly formatted path="/home/runner/work/kv-store/kv-store/Cargo.toml"
{MARK}ERROR operation failed error=some files were not properly formatted
error: Recipe `fmt-check` failed on line 14 with exit code 1""",
                code=1,
            ),
        ],
    ),
    "the file is not properly formatted",
    "a just recipe: the failing recipe's name, after a check that printed its findings",
)

case(
    "u-check-turbo-lint-gha",
    "lint.error",
    "high",
    gha(
        "acme/monorepo",
        "ci",
        [
            setup_node("20"),
            Step("pnpm install --frozen-lockfile", "Done in 8.2s"),
            Step(
                "pnpm turbo run ci --filter=web",
                f"""• Packages in scope: web
• Running ci in 1 packages
web:ci: cache miss, executing 4f1d2a3e9b8c4d7e
web:ci:
web:ci: > web@0.1.0 ci /home/runner/work/monorepo/monorepo/apps/web
web:ci: > node scripts/ci.mjs
web:ci:
{MARK}web:ci: /home/runner/work/monorepo/monorepo/apps/web/src/app.tsx
{MARK}web:ci:   14:7  error  'tmp' is assigned a value but never used  no-unused-vars
{MARK}web:ci:
{MARK}web:ci: ✖ 1 problem (1 error, 0 warnings)
web:ci: Error: Command failed: eslint src --max-warnings 0
web:ci:  ELIFECYCLE  Command failed with exit code 1.
web:ci: ERROR: command finished with error: command (/home/runner/work/monorepo/monorepo/apps/web) /home/runner/setup-pnpm/node_modules/.bin/pnpm run ci exited (1)
web#ci: command (/home/runner/work/monorepo/monorepo/apps/web) /home/runner/setup-pnpm/node_modules/.bin/pnpm run ci exited (1)

 Tasks:    0 successful, 1 total
Cached:    0 cached, 1 total
  Time:    4.112s
Failed:    web#ci

 ERROR  run failed: command  exited (1)""",
                code=1,
            ),
        ],
    ),
    "'tmp' is assigned a value but never used",
    "turbo running a package's ci script, whose node driver ran eslint (execSync's line names it)",
)
