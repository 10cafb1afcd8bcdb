"""Authored cases, batch ap: tools and ecosystems the rules catalogue does not name, each in its own output
wording behind its usual invocation (ExUnit's timeout and `--warnings-as-errors`, dart test and flutter's golden
files, zig's never-mutated error, dune's expect-test diff and an OCaml type error under warnings, tasty under
cabal, Julia's resolver, R CMD check's unavailable package, prove's planned-but-not-run verdict, LuaRocks,
Scala 3 under sbt, XCTest on Linux, SwiftPM's resolver, terraform fmt and init, helm's missing chart, opa test,
hadolint, shellcheck's gcc format, markdownlint-cli2, editorconfig-checker, gitlint, Bazel, meson test, Crystal,
Elm, raco test, dotnet format, Haxe, ansible-lint, rebar3 xref, trivy's image gate); mixed with the issue's hard
shapes: trigger words inside test output that are not the cause (a passing test named for a segfault, an
expected-output diff holding "Parse error", a `Timeout:` tally of zero), retries while a service warms up, warnings
before the real error, a runner's verdict as the only cause, and mixed failures where one of several is a
timeout. Labelled before triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import setup_python
from benchmarks.authored.shapes import Step, gha, gitlab, jenkins, plain, travis

_BEAM = Step(
    "",
    uses="erlef/setup-beam@v1",
    with_={"elixir-version": "1.16.2", "otp-version": "26.2"},
    out="""Installing Erlang/OTP 26.2 - built on ubuntu-22.04
Installed Erlang/OTP version
Erlang/OTP 26 [erts-14.2] [source] [64-bit] [smp:4:4] [ds:4:4:10] [async-threads:1] [jit:ns]
Installing Elixir 1.16.2 (built for Erlang/OTP 26)
Installed Elixir version
Erlang/OTP 26 [erts-14.2] [source] [64-bit] [smp:4:4] [ds:4:4:10] [async-threads:1] [jit:ns]

Elixir 1.16.2 (compiled with Erlang/OTP 26)
Installing Hex
* creating /home/runner/.mix/archives/hex-2.0.6
Installing Rebar3
* creating /home/runner/.mix/elixir/1-16/rebar3""",
)

_MIX_DEPS = Step(
    "mix deps.get",
    """Resolving Hex dependencies...
Resolution completed in 0.112s
Unchanged:
  castore 1.0.6
  decimal 2.1.1
  jason 1.4.1
  mint 1.6.0
  nimble_options 1.1.0
  telemetry 1.2.1
* Getting castore (Hex package)
* Getting decimal (Hex package)
* Getting jason (Hex package)
* Getting mint (Hex package)
* Getting nimble_options (Hex package)
* Getting telemetry (Hex package)""",
)

# ---------------------------------------------------------------- Elixir

case(
    "ap-exunit-test-named-segfault-gha",
    "test.failure",
    "high",
    gha(
        "acme/porthole",
        "test (1.16 / 26)",
        [
            _BEAM,
            _MIX_DEPS,
            Step(
                "mix test --trace",
                """==> decimal
Compiling 4 files (.ex)
Generated decimal app
==> jason
Compiling 10 files (.ex)
Generated jason app
==> porthole
Compiling 18 files (.ex)
Generated porthole app
Running ExUnit with seed: 401877, max_cases: 1
Excluding tags: [:integration]

Porthole.NifTest [test/porthole/nif_test.exs]
  * test segfault in the port driver is reported as {:error, :crashed} (3.1ms) [L#14]
  * test core dump files are not left behind (0.4ms) [L#27]
  * test a killed port is restarted (12.8ms) [L#35]

Porthole.ParserTest [test/porthole/parser_test.exs]
  * test parse/1 reads a two-field header (0.2ms) [L#8]
  * test parse/1 rejects trailing commas (1.1ms) [L#19]

§  1) test parse/1 rejects trailing commas (Porthole.ParserTest)
§     test/porthole/parser_test.exs:19
§     Assertion with == failed
§     code:  assert Parser.parse("a,b,") == {:error, :trailing_comma}
§     left:  {:ok, ["a", "b", ""]}
§     right: {:error, :trailing_comma}
§     stacktrace:
§       test/porthole/parser_test.exs:20: (test)
§
§  * test parse/1 handles quoted fields (0.3ms) [L#31]
§
§Finished in 0.4 seconds (0.00s async, 0.4s sync)
§22 tests, 1 failure

Randomized with seed 401877""",
                code=2,
            ),
        ],
        actions=("erlef/setup-beam@v1",),
    ),
    "1) test parse/1 rejects trailing commas (Porthole.ParserTest)",
    "passing tests named for a segfault, core dumps and a killed port above the one assertion failure",
)

case(
    "ap-exunit-timeout-only-gitlab",
    "timeout",
    "high",
    gitlab(
        "acme/relay",
        "hexpm/elixir:1.16.2-erlang-26.2.4-alpine-3.19.1",
        [
            Step(
                "mix local.hex --force && mix local.rebar --force",
                "* creating /root/.mix/archives/hex-2.0.6\n* creating /root/.mix/elixir/1-16/rebar3",
            ),
            Step(
                "mix deps.get --only test",
                "Resolving Hex dependencies...\nResolution completed in 0.091s\nAll dependencies are up to date",
            ),
            Step(
                "mix test",
                """Compiling 23 files (.ex)
Generated relay app
Running ExUnit with seed: 88214, max_cases: 8

..............................

§  1) test subscribe/2 delivers the backlog before live messages (Relay.StreamTest)
§     test/relay/stream_test.exs:57
§     ** (ExUnit.TimeoutError) test timed out after 60000ms. You can change the timeout:
§
§       1. per test by setting "@tag timeout: x" (accepts :infinity)
§       2. per test module by setting "@moduletag timeout: x" (accepts :infinity)
§       3. globally via "ExUnit.start(timeout: x)" configuration
§       4. by running "mix test --timeout x" which sets timeout
§       5. or by running "mix test --trace" which sets timeout to infinity
§          (useful when using IEx.pry/0)
§
§     where "x" is the timeout given as integer in milliseconds (defaults to 60_000).
§
§     code: assert_receive {:message, 1}, :infinity
§     stacktrace:
§       test/relay/stream_test.exs:63: (test)
§
§..........
§Finished in 61.2 seconds (1.1s async, 60.1s sync)
§41 tests, 1 failure

Randomized with seed 88214""",
                code=2,
            ),
        ],
    ),
    "** (ExUnit.TimeoutError) test timed out after 60000ms. You can change the timeout:",
    "the run's only failure is a test's own time limit; the tally says 1 failure",
)

case(
    "ap-mix-warnings-as-errors-gha",
    "compile.error",
    "high",
    gha(
        "acme/ledgerex",
        "build (1.16 / 26)",
        [
            _BEAM,
            _MIX_DEPS,
            Step(
                "mix compile --warnings-as-errors --force",
                """==> decimal
Compiling 4 files (.ex)
Generated decimal app
==> jason
Compiling 10 files (.ex)
Generated jason app
==> ledgerex
Compiling 31 files (.ex)
§    warning: variable "opts" is unused (if the variable is not meant to be used, prefix it with an underscore)
§    │
§ 42 │   def post(entry, opts) do
§    │                   ~~~~
§    │
§    └─ lib/ledgerex/journal.ex:42:19: Ledgerex.Journal.post/2
§
§    warning: Ledgerex.Money.round/1 is undefined or private. Did you mean:
§
§          * round/2
§
§    │
§ 88 │     |> Money.round()
§    │              ~
§    │
§    └─ lib/ledgerex/report.ex:88:14: Ledgerex.Report.totals/1
§
§Compilation failed due to warnings while using the --warnings-as-errors option""",
                code=1,
            ),
        ],
        actions=("erlef/setup-beam@v1",),
    ),
    "Compilation failed due to warnings while using the --warnings-as-errors option",
    "the warnings are the cause: --warnings-as-errors turns them into the compile's failure",
)

# ---------------------------------------------------------------- Dart / Flutter

case(
    "ap-dart-test-expect-parse-error-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/yaml_lite",
        "dart:3.3",
        [
            Step(
                "dart pub get",
                """Resolving dependencies...
Downloading packages...
  _fe_analyzer_shared 67.0.0 (68.0.0 available)
  analyzer 6.4.1 (6.5.0 available)
  test 1.25.2 (1.25.5 available)
Got dependencies!
3 packages have newer versions incompatible with dependency constraints.
Try `dart pub outdated` for more information.""",
            ),
            Step(
                "dart test --reporter expanded",
                """00:00 +0: loading test/loader_test.dart
00:01 +0: test/loader_test.dart: loads a flat map
00:01 +1: test/loader_test.dart: loads nested lists
00:01 +2: test/errors_test.dart: reports a tab in indentation
00:01 +3: test/errors_test.dart: reports an unclosed flow sequence
§00:01 +3 -1: test/errors_test.dart: reports an unclosed flow sequence [E]
§  Expected: 'Parse error at line 3, column 7: expected \\']\\''
§    Actual: 'Parse error at line 3, column 1: expected \\']\\''
§     Which: is different.
§            Expected: ... column 7: ex ...
§              Actual: ... column 1: ex ...
§                                ^
§             Differ at offset 29
§
§  package:matcher              expect
§  test/errors_test.dart 44:7   main.<fn>.<fn>

00:01 +3 -1: test/errors_test.dart: reports a duplicate key
00:02 +4 -1: test/dump_test.dart: dumps block scalars
00:02 +5 -1: test/dump_test.dart: round-trips anchors
00:02 +5 -1: Some tests failed.""",
                code=1,
            ),
        ],
    ),
    "00:01 +3 -1: test/errors_test.dart: reports an unclosed flow sequence [E]",
    "the expected and actual strings are both parse errors; the test's assertion on the column failed",
)

case(
    "ap-flutter-golden-mismatch-gha",
    "test.failure",
    "high",
    gha(
        "acme/tally_app",
        "flutter test",
        [
            Step(
                "",
                uses="subosito/flutter-action@v2",
                with_={"channel": "stable", "flutter-version": "3.19.6", "cache": "true"},
                out="""Run $GITHUB_ACTION_PATH/setup.sh -p -n '3.19.6' -a 'x64' stable
Restoring cache: flutter-linux-stable-3.19.6-x64
Cache restored successfully
Flutter 3.19.6 • channel stable • https://github.com/flutter/flutter.git
Framework • revision 54e66469a9 (4 weeks ago) • 2024-04-17 13:08:03 -0700
Engine • revision c4cd48e186
Tools • Dart 3.3.4 • DevTools 2.31.1""",
            ),
            Step(
                "flutter pub get",
                """Resolving dependencies...
Downloading packages...
  characters 1.3.0 (1.3.1 available)
  collection 1.18.0 (1.19.0 available)
  material_color_utilities 0.8.0 (0.11.1 available)
Got dependencies!
3 packages have newer versions incompatible with dependency constraints.""",
            ),
            Step(
                "flutter test",
                """00:04 +0: loading /home/runner/work/tally_app/tally_app/test/counter_test.dart
00:06 +3: /home/runner/work/tally_app/tally_app/test/counter_test.dart: increments and wraps at 99
00:07 +4: /home/runner/work/tally_app/tally_app/test/home_golden_test.dart: home screen matches golden
§══╡ EXCEPTION CAUGHT BY FLUTTER TEST FRAMEWORK ╞════════════════════════════════════════════════════
§The following assertion was thrown while running async test code:
§Golden "goldens/home_screen.png": Pixel test failed, 2.31%, 4829px diff detected.
§Failure feedback can be found at
§/home/runner/work/tally_app/tally_app/test/failures
§
§When the exception was thrown, this was the stack:
§#0      LocalFileComparator.compare (package:flutter_test/src/_goldens_io.dart:115:7)
§<asynchronous suspension>
§#1      matchesGoldenFile.<anonymous closure> (package:flutter_test/src/_matchers_io.dart:50:31)
§<asynchronous suspension>
§
§The exception was caught asynchronously.
§════════════════════════════════════════════════════════════════════════════════════════════════════
§00:07 +4 -1: /home/runner/work/tally_app/tally_app/test/home_golden_test.dart: home screen matches golden [E]
§  Test failed. See exception logs above.
§  The test description was: home screen matches golden

00:08 +7 -1: Some tests failed.""",
                code=1,
            ),
        ],
        actions=("subosito/flutter-action@v2",),
    ),
    'Golden "goldens/home_screen.png": Pixel test failed, 2.31%, 4829px diff detected.',
    "a golden-file comparison failed inside flutter_test; an 'EXCEPTION' banner around a test's failure",
)

# ---------------------------------------------------------------- Zig

case(
    "ap-zig-never-mutated-gha",
    "compile.error",
    "high",
    gha(
        "acme/zrle",
        "build (0.12.0)",
        [
            Step(
                "",
                uses="mlugg/setup-zig@v1",
                with_={"version": "0.12.0"},
                out="""Found cached Zig 0.12.0 at /opt/hostedtoolcache/zig/0.12.0/x64
Added /opt/hostedtoolcache/zig/0.12.0/x64 to the path
Restored cache key: setup-zig-cache-Linux-X64-0.12.0""",
            ),
            Step(
                "zig build -Doptimize=ReleaseSafe",
                """§install
§└─ install zrle
§   └─ zig build-exe zrle ReleaseSafe native 1 errors
§src/encode.zig:37:9: error: local variable is never mutated
§    var run_len: usize = 1;
§        ^~~~~~~
§src/encode.zig:37:9: note: consider using 'const'
error: the following command failed with 1 compilation errors:
/opt/hostedtoolcache/zig/0.12.0/x64/zig build-exe -OReleaseSafe -Mroot=/home/runner/work/zrle/zrle/src/main.zig --cache-dir /home/runner/work/zrle/zrle/.zig-cache --global-cache-dir /home/runner/.cache/zig --name zrle --listen=-
Build Summary: 0/3 steps succeeded; 1 failed (disable with --summary none)
install transitive failure
└─ install zrle transitive failure
   └─ zig build-exe zrle ReleaseSafe native 1 errors
error: the following build command failed with exit code 1:
/home/runner/work/zrle/zrle/.zig-cache/o/5b0f2e6a1c3d4e7f8091a2b3c4d5e6f7/build /opt/hostedtoolcache/zig/0.12.0/x64/zig /home/runner/work/zrle/zrle /home/runner/work/zrle/zrle/.zig-cache /home/runner/.cache/zig --seed 0x1f2e3d4c -Z4a5b6c7d8e9f0a1b -Doptimize=ReleaseSafe""",
                code=1,
            ),
        ],
        actions=("mlugg/setup-zig@v1",),
    ),
    "src/encode.zig:37:9: error: local variable is never mutated",
    "Zig 0.12's error for a var that is never mutated; the build runner's summary and failed-command lines follow",
)

# ---------------------------------------------------------------- OCaml

_OCAML = Step(
    "",
    uses="ocaml/setup-ocaml@v2",
    with_={"ocaml-compiler": "5.1", "dune-cache": "true"},
    out="""##[group]Installing opam
Cache restored successfully
Restored opam 2.1.5
##[endgroup]
##[group]Initialising opam
[command]/home/runner/.opam/opam init --bare --disable-sandboxing --auto-setup --enable-shell-hook
No configuration file found, using built-in defaults.
##[endgroup]
##[group]Installing dependencies
[command]/home/runner/.opam/opam install . --deps-only --with-test
The following actions will be performed:
  ∗ install ppx_expect 0.16.0
  ∗ install alcotest 1.7.0
===== ∗ 24 =====
Done.
##[endgroup]""",
)

case(
    "ap-dune-expect-diff-parse-error-gha",
    "test.failure",
    "high",
    gha(
        "acme/sexplite",
        "test (5.1)",
        [
            _OCAML,
            Step(
                "opam exec -- dune runtest",
                """§File "test/parser_test.ml", line 1, characters 0-0:
§------ test/parser_test.ml
§++++++ test/parser_test.ml.corrected
§File "test/parser_test.ml", line 18, characters 0-1:
§ |let%expect_test "unterminated list" =
§ |  print_result (parse "(a (b c)");
§ |  [%expect {|
§-|    Error: Parse error at 1:9: expected ')'
§+|    Error: Parse error at 1:8: expected ')'
§ |  |}]""",
                code=1,
            ),
        ],
        actions=("ocaml/setup-ocaml@v2",),
    ),
    "-|    Error: Parse error at 1:9: expected ')'",
    "a ppx_expect test's expected output differs; both sides of the diff are the parser's own error messages",
)

case(
    "ap-dune-warnings-then-type-error-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/route-planner",
        "ocaml/opam:ubuntu-22.04-ocaml-4.14",
        [
            Step(
                "opam install . --deps-only -y",
                "[NOTE] Package ocaml is already installed (current version is 4.14.2).\nNothing to do.",
            ),
            Step(
                "opam exec -- dune build --profile release @install",
                """File "lib/graph.ml", line 12, characters 4-12:
12 | let unused_h = Hashtbl.create 16
         ^^^^^^^^
Warning 32 [unused-value-declaration]: unused value unused_h.
File "lib/graph.ml", line 40, characters 8-9:
40 |     let k = 3 in
             ^
Warning 26 [unused-var]: unused variable k.
§File "lib/dijkstra.ml", line 27, characters 23-31:
§27 |   let dist = Array.make n max_int +. 0.0 in
§                            ^^^^^^^^
§Error: This expression has type int but an expression was expected of type
§         float""",
                code=1,
            ),
        ],
    ),
    "Error: This expression has type int but an expression was expected of type",
    "two non-fatal warnings (release profile) above the type error",
)

# ---------------------------------------------------------------- Haskell

case(
    "ap-cabal-tasty-fail-named-timeout-gha",
    "test.failure",
    "high",
    gha(
        "acme/hs-uri",
        "cabal test (9.6)",
        [
            Step(
                "",
                uses="haskell-actions/setup@v2",
                with_={"ghc-version": "9.6.5", "cabal-version": "3.10.3.0"},
                out="""Preparing to setup a Haskell environment
Attempting to install ghc 9.6.5 using ghcup
Found ghc 9.6.5 in cache at path /home/runner/.ghcup/bin. Setup successful.
Attempting to install cabal 3.10.3.0 using ghcup
Found cabal 3.10.3.0 in cache at path /home/runner/.ghcup/bin. Setup successful.""",
            ),
            Step(
                "cabal test all --test-show-details=direct",
                """Resolving dependencies...
Build profile: -w ghc-9.6.5 -O1
In order, the following will be built (use -v for more details):
 - hs-uri-0.3.0 (lib) (first run)
 - hs-uri-0.3.0 (test:spec) (first run)
Configuring library for hs-uri-0.3.0..
Preprocessing library for hs-uri-0.3.0..
Building library for hs-uri-0.3.0..
[1 of 3] Compiling Network.URI.Lite.Types ( src/Network/URI/Lite/Types.hs, dist-newstyle/build/x86_64-linux/ghc-9.6.5/hs-uri-0.3.0/build/Network/URI/Lite/Types.o )
[2 of 3] Compiling Network.URI.Lite.Parse ( src/Network/URI/Lite/Parse.hs, dist-newstyle/build/x86_64-linux/ghc-9.6.5/hs-uri-0.3.0/build/Network/URI/Lite/Parse.o )
[3 of 3] Compiling Network.URI.Lite ( src/Network/URI/Lite.hs, dist-newstyle/build/x86_64-linux/ghc-9.6.5/hs-uri-0.3.0/build/Network/URI/Lite.o )
Running 1 test suites...
Test suite spec: RUNNING...
Tests
  Parse
    scheme and host:          OK
§    percent escapes:          FAIL
§      test/Spec.hs:41:
§      expected: Right (URI {scheme = "http", host = "a b", path = "/"})
§       but got: Left (BadEscape 9)
§      Use -p '/percent escapes/' to rerun this test only.
  Timeout
    connect gives up after 2s: OK (2.01s)
    read deadline is honoured: OK (1.00s)

1 out of 14 tests failed (3.04s)
Test suite spec: FAIL
Test suite logged to:
/home/runner/work/hs-uri/hs-uri/dist-newstyle/build/x86_64-linux/ghc-9.6.5/hs-uri-0.3.0/t/spec/test/hs-uri-0.3.0-spec.log
0 of 1 test suites (0 of 1 test cases) passed.
Error: cabal: Tests failed for test:spec from hs-uri-0.3.0.""",
                code=1,
            ),
        ],
        actions=("haskell-actions/setup@v2",),
    ),
    "    percent escapes:          FAIL",
    "tasty's tree: the failing case, then a passing group named Timeout, then the tally and cabal's verdict",
)

# ---------------------------------------------------------------- Julia

case(
    "ap-julia-unsatisfiable-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/Tabular.jl",
        "Julia 1.10 - ubuntu-latest",
        [
            Step(
                "",
                uses="julia-actions/setup-julia@v2",
                with_={"version": "1.10", "arch": "x64"},
                out="""Installing Julia 1.10.3 for x64
Downloading https://julialang-s3.julialang.org/bin/linux/x64/1.10/julia-1.10.3-linux-x86_64.tar.gz
Extracting Julia
Julia 1.10.3 installed at /opt/hostedtoolcache/julia/1.10.3/x64""",
            ),
            Step(
                "",
                uses="julia-actions/julia-buildpkg@v1",
                out="""  Installing known registries into `~/.julia`
       Added `General` registry to ~/.julia/registries
   Resolving package versions...
§ERROR: LoadError: Unsatisfiable requirements detected for package CSV [336ed68f]:
§ CSV [336ed68f] log:
§ ├─possible versions are: 0.5.0-0.10.14 or uninstalled
§ ├─restricted to versions 0.10 by Tabular [8d3f2c1a], leaving only versions: 0.10.0-0.10.14
§ └─restricted by compatibility requirements with Parsers [69de0a69] to versions: 0.5.0-0.9.11 — no versions left
§   └─Parsers [69de0a69] log:
§     ├─possible versions are: 0.2.0-2.8.1 or uninstalled
§     └─restricted to versions 1 by Tabular [8d3f2c1a], leaving only versions: 1.0.0-1.1.2
Stacktrace:
  [1] propagate_constraints!(graph::Pkg.Resolve.Graph{Pkg.Resolve.GraphData}, sources::Set{Int64}; log_events::Bool)
    @ Pkg.Resolve /opt/hostedtoolcache/julia/1.10.3/x64/share/julia/stdlib/v1.10/Pkg/src/Resolve/graphtype.jl:1072
  [2] simplify_graph!(graph::Pkg.Resolve.Graph{Pkg.Resolve.GraphData}, sources::Set{Int64}; clean_graph::Bool)
    @ Pkg.Resolve /opt/hostedtoolcache/julia/1.10.3/x64/share/julia/stdlib/v1.10/Pkg/src/Resolve/graphtype.jl:1597
in expression starting at /home/runner/work/_actions/julia-actions/julia-buildpkg/v1/kwargs.jl:14""",
                code=1,
            ),
        ],
        actions=("julia-actions/setup-julia@v2", "julia-actions/julia-buildpkg@v1"),
    ),
    "ERROR: LoadError: Unsatisfiable requirements detected for package CSV [336ed68f]:",
    "Pkg's resolver: the project's compat bounds for CSV and Parsers leave no version",
)

# ---------------------------------------------------------------- R

case(
    "ap-r-cmd-check-pkg-unavailable-gha",
    "dependency.missing",
    "high",
    gha(
        "acme/geoclip",
        "ubuntu-latest (release)",
        [
            Step(
                "",
                uses="r-lib/actions/setup-r@v2",
                with_={"r-version": "release", "use-public-rspm": "true"},
                out="""Using R version 4.4.0
Installing R 4.4.0 from https://cdn.posit.co/r/ubuntu-2204/pkgs/r-4.4.0_1_amd64.deb
Setting up r-4.4.0 (1) ...
Using RSPM https://packagemanager.posit.co/cran/__linux__/jammy/latest""",
            ),
            Step(
                "R CMD build --no-build-vignettes . && R CMD check --no-manual --as-cran geoclip_0.2.1.tar.gz",
                """* checking for file ‘./DESCRIPTION’ ... OK
* preparing ‘geoclip’:
* checking DESCRIPTION meta-information ... OK
* checking for LF line-endings in source and make files and shell scripts
* checking for empty or unneeded directories
* building ‘geoclip_0.2.1.tar.gz’

* using log directory ‘/home/runner/work/geoclip/geoclip/geoclip.Rcheck’
* using R version 4.4.0 (2024-04-24)
* using platform: x86_64-pc-linux-gnu
* R was compiled by
    gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0
* running under: Ubuntu 22.04.4 LTS
* using session charset: UTF-8
* using option ‘--no-manual’
* using option ‘--as-cran’
* checking for file ‘geoclip/DESCRIPTION’ ... OK
* this is package ‘geoclip’ version ‘0.2.1’
* package encoding: UTF-8
§* checking package dependencies ... ERROR
§Package required but not available: ‘sf’
§
§See section ‘The DESCRIPTION file’ in the ‘Writing R Extensions’
§manual.
* DONE

Status: 1 ERROR
See
  ‘/home/runner/work/geoclip/geoclip/geoclip.Rcheck/00check.log’
for details.""",
                code=1,
            ),
        ],
        actions=("r-lib/actions/setup-r@v2",),
    ),
    "Package required but not available: ‘sf’",
    "R CMD check stops at the dependency check: sf was never installed on the runner",
)

# ---------------------------------------------------------------- Perl

case(
    "ap-prove-planned-ran-fewer-jenkins",
    "test.failure",
    "medium",
    jenkins(
        "acme/p5-config-tiny-plus",
        "p5-config-tiny-plus_main",
        [
            Step(
                "cpanm --quiet --installdeps --notest .",
                "Successfully installed Test-Deep-1.204\nSuccessfully installed Path-Tiny-0.146\n2 distributions installed",
                name="Deps",
            ),
            Step(
                "prove -lr t",
                """t/00-load.t ......... ok
t/01-read.t ......... ok
§t/02-write.t ........ 1/13 # Looks like you planned 13 tests but ran 12.
§t/02-write.t ........ Dubious, test returned 255 (wstat 65280, 0xff00)
§Failed 1/13 subtests
t/03-segfault-guard.t .. ok
t/04-timeout.t ...... ok

Test Summary Report
-------------------
t/02-write.t      (Wstat: 65280 (exited 255) Tests: 12 Failed: 0)
  Non-zero exit status: 255
  Parse errors: Bad plan.  You planned 13 tests but ran 12.
Files=5, Tests=61,  2 wallclock secs ( 0.04 usr  0.01 sys +  0.81 cusr  0.09 csys =  0.95 CPU)
Result: FAIL""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "Failed 1/13 subtests",
    "no assertion failed: the test script stopped one test short of its plan, so the harness's verdict (and"
    " its 'Parse errors: Bad plan') is the cause; tests named for a segfault and a timeout passed",
)

# ---------------------------------------------------------------- Lua

case(
    "ap-luarocks-no-results-gitlab",
    "dependency.missing",
    "high",
    gitlab(
        "acme/lua-resty-ratelimit",
        "openresty/openresty:1.25.3.1-jammy",
        [
            Step(
                "luarocks --version",
                "/usr/local/openresty/luajit/bin/luarocks 3.9.2\nLuaRocks main command-line interface",
            ),
            Step(
                "luarocks install --only-deps lua-resty-ratelimit-0.4-1.rockspec",
                """Missing dependencies for lua-resty-ratelimit 0.4-1:
   lua-resty-redis-cluster >= 1.5 (not installed)
   busted >= 2.2 (not installed)

§lua-resty-ratelimit 0.4-1 depends on lua-resty-redis-cluster >= 1.5 (not installed)
§Error: No results matching query were found for Lua 5.1.
§To check if it is available for other Lua versions, use --check-lua-versions""",
                code=1,
            ),
        ],
    ),
    "Error: No results matching query were found for Lua 5.1.",
    "luarocks finds no lua-resty-redis-cluster >= 1.5 for LuaJIT's Lua 5.1",
)

# ---------------------------------------------------------------- Scala

case(
    "ap-sbt-scala3-mismatch-warn-above-jenkins",
    "compile.error",
    "high",
    jenkins(
        "acme/wire-codec",
        "wire-codec_PR-212",
        [
            Step(
                "sbt -batch -Dsbt.color=false clean +compile",
                """[info] welcome to sbt 1.9.9 (Eclipse Adoptium Java 17.0.11)
[info] loading settings for project wire-codec-build from plugins.sbt ...
[info] loading project definition from /var/lib/jenkins/workspace/wire-codec_PR-212/project
[info] loading settings for project root from build.sbt ...
[info] set current project to wire-codec (in build file:/var/lib/jenkins/workspace/wire-codec_PR-212/)
[success] Total time: 0 s, completed May 2, 2024, 2:04:51 PM
[info] Setting Scala version to 3.3.3 on 2 projects.
[info] compiling 27 Scala sources to /var/lib/jenkins/workspace/wire-codec_PR-212/core/target/scala-3.3.3/classes ...
[warn] -- Deprecation Warning: /var/lib/jenkins/workspace/wire-codec_PR-212/core/src/main/scala/acme/wire/Frame.scala:14:22
[warn] 14 |  import scala.collection.JavaConverters.*
[warn]    |                      ^^^^^^^^^^^^^^
[warn]    |object JavaConverters in package scala.collection is deprecated since 2.13.0: Use `scala.jdk.CollectionConverters` instead
§[error] -- [E007] Type Mismatch Error: /var/lib/jenkins/workspace/wire-codec_PR-212/core/src/main/scala/acme/wire/Codec.scala:41:18
§[error] 41 |    decode(bytes).toOption
§[error]    |    ^^^^^^^^^^^^^^^^^^^^^^
§[error]    |    Found:    Option[acme.wire.Message]
§[error]    |    Required: Either[acme.wire.DecodeError, acme.wire.Message]
§[error]    |
§[error]    | longer explanation available when compiling with `-explain`
§[warn] one warning found
§[error] one error found
§[error] (core / Compile / compileIncremental) Compilation failed
[error] Total time: 19 s, completed May 2, 2024, 2:05:11 PM""",
                code=1,
                name="Compile",
            ),
            Step("sbt -batch test", "", name="Test"),
        ],
    ),
    "[error] -- [E007] Type Mismatch Error: /var/lib/jenkins/workspace/wire-codec_PR-212/core/src/main/scala/acme/wire/Codec.scala:41:18",
    "a deprecation warning above the Scala 3 type mismatch; sbt's Compilation failed closes it",
)

# ---------------------------------------------------------------- Swift

_SWIFT = Step(
    "",
    uses="swift-actions/setup-swift@v2",
    with_={"swift-version": "5.10"},
    out="""Setting up Swift 5.10 for ubuntu 22.04
Downloading https://download.swift.org/swift-5.10-release/ubuntu2204/swift-5.10-RELEASE/swift-5.10-RELEASE-ubuntu22.04.tar.gz
Verifying signature
gpg: Good signature from "Swift Automatic Signing Key #4 <swift-infrastructure@forums.swift.org>" [unknown]
gpg: WARNING: This key is not certified with a trusted signature!
gpg:          There is no indication that the signature belongs to the owner.
Swift 5.10 installed at /opt/hostedtoolcache/swift-ubuntu/5.10.0/x64""",
)

case(
    "ap-swift-test-xctest-linux-gha",
    "test.failure",
    "high",
    gha(
        "acme/SemVerKit",
        "test (linux, 5.10)",
        [
            _SWIFT,
            Step(
                "swift test --parallel=false",
                """Fetching https://github.com/apple/swift-argument-parser from cache
Fetched https://github.com/apple/swift-argument-parser from cache (0.61s)
Computing version for https://github.com/apple/swift-argument-parser
Computed https://github.com/apple/swift-argument-parser at 1.3.1 (0.43s)
Building for debugging...
[1/14] Compiling SemVerKit Version.swift
[6/14] Compiling SemVerKitTests VersionTests.swift
[14/14] Linking SemVerKitPackageTests.xctest
Build complete! (18.41s)
Test Suite 'All tests' started at 2024-05-02 14:05:33.120
Test Suite 'SemVerKitPackageTests.xctest' started at 2024-05-02 14:05:33.121
Test Suite 'VersionTests' started at 2024-05-02 14:05:33.121
Test Case 'VersionTests.testCompareBuildMetadata' started at 2024-05-02 14:05:33.121
Test Case 'VersionTests.testCompareBuildMetadata' passed (0.001 seconds)
Test Case 'VersionTests.testParsePrerelease' started at 2024-05-02 14:05:33.122
§/home/runner/work/SemVerKit/SemVerKit/Tests/SemVerKitTests/VersionTests.swift:48: error: VersionTests.testParsePrerelease : XCTAssertEqual failed: ("["rc", "1"]") is not equal to ("["rc.1"]") - prerelease identifiers split on dots
§Test Case 'VersionTests.testParsePrerelease' failed (0.002 seconds)
Test Case 'VersionTests.testSorting' started at 2024-05-02 14:05:33.124
Test Case 'VersionTests.testSorting' passed (0.001 seconds)
Test Suite 'VersionTests' failed at 2024-05-02 14:05:33.125
\t Executed 23 tests, with 1 failure (0 unexpected) in 0.004 (0.004) seconds
Test Suite 'SemVerKitPackageTests.xctest' failed at 2024-05-02 14:05:33.125
\t Executed 23 tests, with 1 failure (0 unexpected) in 0.004 (0.004) seconds
Test Suite 'All tests' failed at 2024-05-02 14:05:33.125
\t Executed 23 tests, with 1 failure (0 unexpected) in 0.004 (0.004) seconds""",
                code=1,
            ),
        ],
        actions=("swift-actions/setup-swift@v2",),
    ),
    '/home/runner/work/SemVerKit/SemVerKit/Tests/SemVerKitTests/VersionTests.swift:48: error: VersionTests.testParsePrerelease : XCTAssertEqual failed: ("["rc", "1"]") is not equal to ("["rc.1"]") - prerelease identifiers split on dots',
    "XCTest on Linux writes an assertion failure in a compiler's `file:line: error:` shape",
)

case(
    "ap-swiftpm-resolve-conflict-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/HTTPMockServer",
        "build (linux, 5.10)",
        [
            _SWIFT,
            Step(
                "swift build",
                """Fetching https://github.com/apple/swift-nio.git
Fetching https://github.com/vapor/vapor.git
Fetched https://github.com/apple/swift-nio.git from cache (1.22s)
Fetched https://github.com/vapor/vapor.git from cache (1.87s)
Computing version for https://github.com/vapor/vapor.git
§error: Dependencies could not be resolved because root depends on 'swift-nio' 2.40.0..<2.50.0 and root depends on 'vapor' 4.92.0..<5.0.0.
§'vapor' >= 4.92.0 practically depends on 'swift-nio' 2.62.0..<3.0.0 because 'vapor' 4.92.0 depends on 'swift-nio' 2.62.0..<3.0.0 and no versions of 'vapor' match the requirement 4.92.1..<5.0.0.""",
                code=1,
            ),
        ],
        actions=("swift-actions/setup-swift@v2",),
    ),
    "error: Dependencies could not be resolved because root depends on 'swift-nio' 2.40.0..<2.50.0 and root depends on 'vapor' 4.92.0..<5.0.0.",
    "SwiftPM's resolver: the package pins swift-nio below what vapor needs",
)

# ---------------------------------------------------------------- Terraform / Helm / OPA

_TF_IMAGE = "hashicorp/terraform:1.8.2"

case(
    "ap-terraform-fmt-check-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/infra-live",
        _TF_IMAGE,
        [
            Step("terraform version", "Terraform v1.8.2\non linux_amd64"),
            Step(
                "terraform fmt -check -recursive -diff",
                """§modules/vpc/main.tf
§--- old/modules/vpc/main.tf
§+++ new/modules/vpc/main.tf
§@@ -12,7 +12,7 @@
§ resource "aws_subnet" "private" {
§   count             = length(var.private_cidrs)
§-  vpc_id = aws_vpc.this.id
§+  vpc_id            = aws_vpc.this.id
§   cidr_block        = var.private_cidrs[count.index]
§   availability_zone = var.azs[count.index]
§ }
§envs/prod/backend.tf""",
                code=3,
            ),
        ],
    ),
    "modules/vpc/main.tf",
    "terraform fmt -check lists the files it would rewrite (exit 3), with -diff their diff; no word says error",
)

case(
    "ap-terraform-init-registry-io-timeout-gitlab",
    "network",
    "high",
    gitlab(
        "acme/infra-live",
        _TF_IMAGE,
        [
            Step("cd envs/staging", ""),
            Step(
                "terraform init -input=false -backend-config=backend.hcl",
                """
Initializing the backend...

Successfully configured the backend "s3"! Terraform will automatically
use this backend unless the backend configuration changes.
Initializing modules...
- vpc in ../../modules/vpc
- eks in ../../modules/eks

Initializing provider plugins...
- Finding hashicorp/aws versions matching "~> 5.40"...
§╷
§│ Error: Failed to query available provider packages
§│
§│ Could not retrieve the list of available versions for provider hashicorp/aws: could not connect to
§│ registry.terraform.io: failed to request discovery document: Get
§│ "https://registry.terraform.io/.well-known/terraform.json": dial tcp: lookup registry.terraform.io on
§│ 10.0.0.2:53: read udp 172.17.0.3:41022->10.0.0.2:53: i/o timeout
§╵""",
                code=1,
            ),
        ],
    ),
    "│ Error: Failed to query available provider packages",
    "a DNS lookup of the registry timed out: network, though the last words are 'i/o timeout'",
)

case(
    "ap-helm-dependency-missing-gha",
    "dependency.missing",
    "high",
    gha(
        "acme/charts",
        "lint-and-template",
        [
            Step(
                "",
                uses="azure/setup-helm@v4",
                with_={"version": "v3.14.4"},
                out="""Downloading 'v3.14.4' from 'https://get.helm.sh'
Helm tool version 'v3.14.4' has been cached at /opt/hostedtoolcache/helm/3.14.4/x64/linux-amd64/helm""",
            ),
            Step(
                "helm template shop charts/shop --values charts/shop/ci/values-ci.yaml > /tmp/shop.yaml",
                """§Error: An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: postgresql, redis""",
                code=1,
            ),
        ],
        actions=("azure/setup-helm@v4",),
    ),
    "Error: An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: postgresql, redis",
    "the chart's subcharts were never fetched (no `helm dependency build` step)",
)

case(
    "ap-opa-test-fail-gha",
    "test.failure",
    "high",
    gha(
        "acme/k8s-policies",
        "policy-tests",
        [
            Step(
                "",
                uses="open-policy-agent/setup-opa@v2",
                with_={"version": "0.64.1"},
                out="Downloading OPA 0.64.1 from https://openpolicyagent.org/downloads/v0.64.1/opa_linux_amd64_static\nAdded /opt/hostedtoolcache/opa/0.64.1/x64 to the path",
            ),
            Step("opa fmt --list --fail policy/", ""),
            Step(
                "opa test policy/ -v",
                """policy/images_test.rego:
data.k8s.images_test.test_latest_tag_denied: PASS (1.21ms)
data.k8s.images_test.test_pinned_digest_allowed: PASS (0.88ms)
§policy/privileged_test.rego:
§data.k8s.privileged_test.test_privileged_container_denied: FAIL (1.02ms)
§
§  query:1                                                           Enter data.k8s.privileged_test.test_privileged_container_denied = _
§  policy/privileged_test.rego:5                                     | Enter data.k8s.privileged_test.test_privileged_container_denied
§  policy/privileged_test.rego:6                                     | | Fail count(data.k8s.privileged.deny) with input as {"kind": "Pod", "spec": {"containers": [{"name": "app", "securityContext": {"privileged": true}}]}} = 1
§  query:1                                                           | Fail data.k8s.privileged_test.test_privileged_container_denied = _
§data.k8s.privileged_test.test_host_network_denied: PASS (0.71ms)
§--------------------------------------------------------------------------------
§PASS: 11/12
§FAIL: 1/12""",
                code=2,
            ),
        ],
        actions=("open-policy-agent/setup-opa@v2",),
    ),
    "data.k8s.privileged_test.test_privileged_container_denied: FAIL (1.02ms)",
    "a Rego policy test failed (opa test -v prints its trace)",
)

# ---------------------------------------------------------------- Linters and checkers

case(
    "ap-hadolint-threshold-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/billing-api",
        "hadolint/hadolint:v2.12.0-debian",
        [
            Step("hadolint --version", "Haskell Dockerfile Linter 2.12.0"),
            Step(
                "hadolint --failure-threshold warning Dockerfile docker/worker.Dockerfile",
                """§Dockerfile:1 DL3006 warning: Always tag the version of an image explicitly
§Dockerfile:7 DL3008 warning: Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`
§Dockerfile:7 DL3015 info: Avoid additional packages by specifying `--no-install-recommends`
§Dockerfile:12 DL4006 warning: Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check
§docker/worker.Dockerfile:9 SC2086 info: Double quote to prevent globbing and word splitting.
§docker/worker.Dockerfile:14 DL3025 warning: Use arguments JSON notation for CMD and ENTRYPOINT arguments""",
                code=1,
            ),
        ],
    ),
    "Dockerfile:1 DL3006 warning: Always tag the version of an image explicitly",
    "every finding reads 'warning' or 'info'; --failure-threshold warning makes them fail the job",
)

case(
    "ap-shellcheck-gcc-format-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/release-scripts",
        "release-scripts_main",
        [
            Step(
                "shellcheck --version",
                "ShellCheck - shell script analysis tool\nversion: 0.9.0\nlicense: GNU General Public License, version 3\nwebsite: https://www.shellcheck.net",
                name="Tools",
            ),
            Step(
                "find scripts -name '*.sh' -print0 | xargs -0 shellcheck -f gcc -S warning",
                """§scripts/deploy.sh:14:11: warning: Quote this to prevent word splitting. [SC2046]
§scripts/deploy.sh:22:5: error: Couldn't parse this test expression. Fix to allow more checks. [SC1073]
§scripts/deploy.sh:22:9: error: Expected test to end here (don't wrap commands in []/[[]]). Fix any mentioned problems and try again. [SC1072]
§scripts/backup.sh:8:17: warning: Declare and assign separately to avoid masking return values. [SC2155]
§scripts/backup.sh:31:3: warning: In POSIX sh, 'local' is undefined. [SC3043]""",
                code=123,
                name="Lint",
            ),
            Step("./scripts/test-all.sh", "", name="Test"),
        ],
    ),
    "scripts/deploy.sh:14:11: warning: Quote this to prevent word splitting. [SC2046]",
    "shellcheck in gcc's `file:line:col: severity:` format, so its findings look like a compiler's; the parse"
    " errors it reports (SC1073) are its own findings about a script, not a syntax error in the job",
)

case(
    "ap-markdownlint-cli2-gha",
    "lint.error",
    "high",
    gha(
        "acme/handbook",
        "docs-lint",
        [
            Step(
                "",
                uses="DavidAnson/markdownlint-cli2-action@v16",
                with_={"globs": "**/*.md\n#node_modules"},
                out="""markdownlint-cli2 v0.13.0 (markdownlint v0.34.0)
Finding: **/*.md #node_modules
Linting: 41 file(s)
§Summary: 3 error(s)
§docs/onboarding.md:12:81 MD013/line-length Line length [Expected: 80; Actual: 117]
§docs/onboarding.md:40 MD032/blanks-around-lists Lists should be surrounded by blank lines [Context: "- Request VPN access"]
§README.md:1 MD041/first-line-heading/first-line-h1 First line in a file should be a top-level heading [Context: "[![CI](https://github.com/acm..."]""",
                code=1,
                error="##[error]Failed with exit code: 1",
            ),
        ],
        actions=("DavidAnson/markdownlint-cli2-action@v16",),
    ),
    "Summary: 3 error(s)",
    "markdownlint-cli2's action: the summary, then one line per rule violation",
)

case(
    "ap-editorconfig-checker-plain",
    "lint.error",
    "high",
    plain(
        """$ make check
ec -exclude '^(vendor|testdata)/'
§src/scheduler/queue.go:
§	41: Wrong indent style found (spaces instead of tabs)
§	88: Trailing whitespace
§Makefile:
§	17: Wrong indent style found (spaces instead of tabs)
§
§3 errors found
make: *** [Makefile:31: check] Error 1""",
        name="scheduler",
    ),
    "3 errors found",
    "editorconfig-checker (`ec`) behind make on a raw agent step: files, then line-numbered findings",
)

case(
    "ap-gitlint-commits-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/firmware",
        "python:3.12-slim",
        [
            Step(
                "pip install gitlint-core==0.19.1",
                "Collecting gitlint-core==0.19.1\nSuccessfully installed arrow-1.3.0 click-8.1.7 gitlint-core-0.19.1 sh-2.0.6",
            ),
            Step(
                'gitlint --commits "origin/${CI_MERGE_REQUEST_TARGET_BRANCH_NAME}..HEAD"',
                """§Commit 9e1f2a3b4c:
§1: T1 Title exceeds max length (84>72): "Fix the watchdog reset loop that happened when the flash write took too long"
§3: B6 Body message is missing
§
§Commit 4a5b6c7d8e:
§1: T3 Title has trailing punctuation (.): "wip."
§1: T5 Title contains the word 'WIP' (case-insensitive): "wip.\"""",
                code=4,
            ),
        ],
    ),
    "Commit 9e1f2a3b4c:",
    "gitlint's commit-message findings (exit code = number of violations)",
)

case(
    "ap-ansible-lint-profile-gha",
    "lint.error",
    "high",
    gha(
        "acme/fleet-ansible",
        "ansible-lint",
        [
            setup_python("3.12"),
            Step(
                "pip install ansible-core==2.16.6 ansible-lint==24.2.3",
                "Successfully installed ansible-core-2.16.6 ansible-lint-24.2.3 black-24.4.2 jsonschema-4.22.0",
            ),
            Step(
                "ansible-lint --profile production",
                """WARNING  Project directory /home/runner/.ansible cannot be used for caching as it is not writable.
WARNING  Using unique temporary directory /tmp/.ansible-9f3c for caching.
§WARNING  Listing 3 violation(s) that are fatal
§name[missing]: All tasks should be named.
§roles/web/tasks/main.yml:12 Task/Handler: shell systemctl restart nginx
§
§no-changed-when: Commands should not change things if nothing needs doing.
§roles/web/tasks/main.yml:12 Task/Handler: shell systemctl restart nginx
§
§fqcn[action-core]: Use FQCN for builtin module actions (copy).
§roles/web/tasks/main.yml:20 Use `ansible.builtin.copy` or `ansible.legacy.copy` instead.
§
§Read documentation for instructions on how to ignore specific rule violations.
§
§                     Rule Violation Summary
§ count tag                profile    rule associated tags
§     1 name[missing]      basic      idiom
§     1 fqcn[action-core]  production formatting
§     1 no-changed-when    shared     command-shell, idempotency
§
§Failed: 3 failure(s), 0 warning(s) on 27 files. Last profile that met the validation criteria was 'min'.""",
                code=2,
            ),
        ],
        actions=("actions/setup-python@v5",),
    ),
    "Failed: 3 failure(s), 0 warning(s) on 27 files. Last profile that met the validation criteria was 'min'.",
    "ansible-lint: two WARNING lines about its cache dir are noise; the third WARNING heads the fatal violations",
)

case(
    "ap-dotnet-format-verify-gha",
    "lint.error",
    "high",
    gha(
        "acme/shop",
        "format",
        [
            Step(
                "",
                uses="actions/setup-dotnet@v4",
                with_={"dotnet-version": "8.0.x"},
                out="""[command]/home/runner/work/_actions/actions/setup-dotnet/v4/externals/install-dotnet.sh --skip-non-versioned-files --runtime dotnet --channel LTS
dotnet-install: .NET Core Runtime with version '8.0.4' is already installed.
[command]/home/runner/work/_actions/actions/setup-dotnet/v4/externals/install-dotnet.sh --skip-non-versioned-files --channel 8.0
dotnet-install: .NET Core SDK with version '8.0.204' is already installed.""",
            ),
            Step(
                "dotnet format Shop.sln --verify-no-changes --verbosity minimal",
                """§/home/runner/work/shop/shop/src/Shop.Core/Orders/Order.cs(14,2): error WHITESPACE: Fix whitespace formatting. Replace 5 characters with '\\n\\s\\s\\s\\s'. [/home/runner/work/shop/shop/src/Shop.Core/Shop.Core.csproj]
§/home/runner/work/shop/shop/src/Shop.Core/Orders/Order.cs(31,38): error WHITESPACE: Fix whitespace formatting. Delete 1 characters. [/home/runner/work/shop/shop/src/Shop.Core/Shop.Core.csproj]
§/home/runner/work/shop/shop/src/Shop.Api/Program.cs(3,1): error IMPORTS: Fix imports ordering. [/home/runner/work/shop/shop/src/Shop.Api/Shop.Api.csproj]""",
                code=2,
            ),
        ],
        actions=("actions/setup-dotnet@v4",),
    ),
    "/home/runner/work/shop/shop/src/Shop.Core/Orders/Order.cs(14,2): error WHITESPACE: Fix whitespace formatting. Replace 5 characters with '\\n\\s\\s\\s\\s'. [/home/runner/work/shop/shop/src/Shop.Core/Shop.Core.csproj]",
    "dotnet format's findings in MSBuild's `file(line,col): error CODE:` shape; formatting, not a compile",
)

case(
    "ap-trivy-image-gate-gha",
    "lint.error",
    "high",
    gha(
        "acme/billing-api",
        "image-scan",
        [
            Step(
                "docker build -t billing-api:${{ github.sha }} .",
                '#0 building with "default" instance using docker driver\n#12 naming to docker.io/library/billing-api:3f9a1c2 done\n#12 DONE 0.4s',
            ),
            Step(
                "",
                uses="aquasecurity/trivy-action@0.20.0",
                with_={
                    "image-ref": "billing-api:3f9a1c2",
                    "exit-code": "1",
                    "severity": "CRITICAL,HIGH",
                    "ignore-unfixed": "true",
                },
                out="""Running trivy with options: trivy image billing-api:3f9a1c2
2024-05-02T14:06:01Z	INFO	Need to update DB
2024-05-02T14:06:01Z	INFO	Downloading DB...	repository="ghcr.io/aquasecurity/trivy-db:2"
2024-05-02T14:06:04Z	INFO	Vulnerability scanning is enabled
2024-05-02T14:06:04Z	INFO	Secret scanning is enabled
2024-05-02T14:06:07Z	INFO	Detected OS	family="alpine" version="3.19.1"
2024-05-02T14:06:07Z	INFO	[alpine] Detecting vulnerabilities...	os_version="3.19" repository="3.19" pkg_num=41
2024-05-02T14:06:07Z	INFO	Number of language-specific files	num=1
2024-05-02T14:06:07Z	INFO	[gomod] Detecting vulnerabilities...

§billing-api:3f9a1c2 (alpine 3.19.1)
§
§Total: 1 (HIGH: 1, CRITICAL: 0)
§
§┌────────────┬───────────────┬──────────┬────────┬───────────────────┬───────────────┬────────────────────────────────────────────────────────┐
§│  Library   │ Vulnerability │ Severity │ Status │ Installed Version │ Fixed Version │                         Title                          │
§├────────────┼───────────────┼──────────┼────────┼───────────────────┼───────────────┼────────────────────────────────────────────────────────┤
§│ libcrypto3 │ CVE-2024-2511 │ HIGH     │ fixed  │ 3.1.4-r5          │ 3.1.4-r6      │ openssl: Unbounded memory growth with session handling │
§│            │               │          │        │                   │               │ in TLSv1.3                                             │
§└────────────┴───────────────┴──────────┴────────┴───────────────────┴───────────────┴────────────────────────────────────────────────────────┘
§
§app/billing-api (gobinary)
§
§Total: 1 (HIGH: 0, CRITICAL: 1)
§
§┌──────────────────┬────────────────┬──────────┬────────┬───────────────────┬───────────────┬─────────────────────────────────────────────────┐
§│     Library      │ Vulnerability  │ Severity │ Status │ Installed Version │ Fixed Version │                      Title                      │
§├──────────────────┼────────────────┼──────────┼────────┼───────────────────┼───────────────┼─────────────────────────────────────────────────┤
§│ golang.org/x/net │ CVE-2023-45288 │ CRITICAL │ fixed  │ v0.19.0           │ 0.23.0        │ golang: net/http, x/net/http2: unlimited number │
§│                  │                │          │        │                   │               │ of CONTINUATION frames causes DoS               │
§└──────────────────┴────────────────┴──────────┴────────┴───────────────────┴───────────────┴─────────────────────────────────────────────────┘""",
                code=1,
            ),
        ],
        actions=("aquasecurity/trivy-action@0.20.0",),
    ),
    "│ golang.org/x/net │ CVE-2023-45288 │ CRITICAL │ fixed  │ v0.19.0           │ 0.23.0        │ golang: net/http, x/net/http2: unlimited number │",
    "trivy's image gate (exit-code 1 for HIGH and CRITICAL): a vulnerability table, not a crash or a network failure",
)

case(
    "ap-rebar3-xref-travis",
    "lint.error",
    "medium",
    travis(
        "acme/erl-mqtt-bridge",
        "erlang",
        [
            Step(
                "rebar3 compile",
                '===> Verifying dependencies...\n===> Fetching emqtt (from {git,"https://github.com/emqx/emqtt.git",{tag,"1.10.1"}})\n===> Analyzing applications...\n===> Compiling emqtt\n===> Compiling mqtt_bridge',
                name="install",
            ),
            Step(
                "rebar3 xref",
                """===> Verifying dependencies...
===> Analyzing applications...
===> Compiling mqtt_bridge
===> Running cross reference analysis...
§===> Warning: mqtt_bridge_sink:forward/2 calls undefined function emqtt:publish_async/4 (Xref)
§===> Warning: mqtt_bridge_app:start/2 calls undefined function bridge_metrics:init/0 (Xref)
§===> Xref failed""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.cache/rebar3",
    ),
    "===> Xref failed",
    "rebar3's cross-reference check: calls to functions that do not exist, reported as warnings, fail the check",
)

# ---------------------------------------------------------------- Build systems

case(
    "ap-bazel-fail-and-timeout-jenkins",
    "test.failure",
    "medium",
    jenkins(
        "acme/monorepo",
        "monorepo_main",
        [
            Step(
                "bazel test --config=ci --test_output=errors //...",
                """Extracting Bazel installation...
Starting local Bazel server and connecting to it...
INFO: Invocation ID: 5f2c1d9e-4b3a-4e6f-8a7b-0c1d2e3f4a5b
INFO: Analyzed 214 targets (512 packages loaded, 18342 targets configured).
INFO: Found 187 targets and 27 test targets...
§FAIL: //store:db_test (see /home/jenkins/.cache/bazel/_bazel_jenkins/1a2b3c4d/execroot/_main/bazel-out/k8-fastbuild/testlogs/store/db_test/test.log)
§INFO: From Testing //store:db_test:
§==================== Test output for //store:db_test:
§[==========] Running 9 tests from 1 test suite.
§[ RUN      ] DbTest.CompactsAfterDelete
§store/db_test.cc:77: Failure
§Expected equality of these values:
§  db.SizeOnDisk()
§    Which is: 8192
§  4096
§[  FAILED  ] DbTest.CompactsAfterDelete (3 ms)
§[==========] 9 tests from 1 test suite ran. (41 ms total)
§[  PASSED  ] 8 tests.
§[  FAILED  ] 1 test, listed below:
§[  FAILED  ] DbTest.CompactsAfterDelete
§================================================================================
§TIMEOUT: //net:client_test (Summary)
§      /home/jenkins/.cache/bazel/_bazel_jenkins/1a2b3c4d/execroot/_main/bazel-out/k8-fastbuild/testlogs/net/client_test/test.log
INFO: From Testing //net:client_test:
==================== Test output for //net:client_test:
[==========] Running 4 tests from 1 test suite.
[ RUN      ] ClientTest.ReconnectsAfterReset
-- Test timed out at 2024-05-02 14:12:41 UTC --
================================================================================
INFO: Elapsed time: 341.882s, Critical Path: 300.44s
INFO: 812 processes: 201 internal, 611 linux-sandbox.
INFO: Build completed, 2 tests FAILED, 812 total actions
//core:parser_test                                                       PASSED in 1.2s
//net:client_test                                                       TIMEOUT in 300.1s
  /home/jenkins/.cache/bazel/_bazel_jenkins/1a2b3c4d/execroot/_main/bazel-out/k8-fastbuild/testlogs/net/client_test/test.log
//store:db_test                                                          FAILED in 0.4s
  /home/jenkins/.cache/bazel/_bazel_jenkins/1a2b3c4d/execroot/_main/bazel-out/k8-fastbuild/testlogs/store/db_test/test.log

Executed 27 out of 27 tests: 25 tests pass and 2 fail locally.
There were tests whose specified size is too big. Use the --test_verbose_timeout_warnings command line option to see which ones these are.""",
                code=3,
                name="Test",
            ),
        ],
    ),
    "store/db_test.cc:77: Failure",
    "two test targets failed: one on an assertion, one on its time limit; the assertion is a code change,"
    " the timeout might be a retry (medium: either could be called the cause)",
)

case(
    "ap-meson-test-timeout-tally-gha",
    "test.failure",
    "high",
    gha(
        "acme/libtinyxml",
        "linux-gcc",
        [
            Step(
                "sudo apt-get install -y meson ninja-build",
                "meson is already the newest version (0.61.2-1).\nninja-build is already the newest version (1.10.1-1).\n0 upgraded, 0 newly installed, 0 to remove and 21 not upgraded.",
            ),
            Step(
                "meson setup build && meson test -C build --print-errorlogs",
                """The Meson build system
Version: 0.61.2
Source dir: /home/runner/work/libtinyxml/libtinyxml
Build dir: /home/runner/work/libtinyxml/libtinyxml/build
Build type: native build
Project name: libtinyxml
Project version: 2.1.0
C compiler for the host machine: cc (gcc 11.4.0 "cc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0")
C linker for the host machine: cc ld.bfd 2.38
Host machine cpu family: x86_64
Host machine cpu: x86_64
Build targets in project: 9

Found ninja-1.10.1 at /usr/bin/ninja
ninja: Entering directory `/home/runner/work/libtinyxml/libtinyxml/build'
[18/18] Linking target tests/test_timeout_reader
 1/6 parse_basic               OK              0.01s
 2/6 parse_entities            OK              0.01s
§ 3/6 parse_cdata               FAIL            0.02s   exit status 1
§>>> MALLOC_PERTURB_=117 /home/runner/work/libtinyxml/libtinyxml/build/tests/test_cdata
§――――――――――――――――――――――――――――――――――――― ✀  ―――――――――――――――――――――――――――――――――――――
§stdout:
§test_cdata.c:34: expected text "a]]b", got "a]]"
§――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――――
 4/6 writer_roundtrip          OK              0.03s
 5/6 timeout_reader            OK              2.01s
 6/6 segfault_on_null_regress  OK              0.01s

Summary of Failures:

3/6 parse_cdata     FAIL            0.02s   exit status 1

Ok:                 5
Expected Fail:      0
Fail:               1
Unexpected Pass:    0
Skipped:            0
Timeout:            0

Full log written to /home/runner/work/libtinyxml/libtinyxml/build/meson-logs/testlog.txt""",
                code=1,
            ),
        ],
    ),
    " 3/6 parse_cdata               FAIL            0.02s   exit status 1",
    "meson test: one FAIL, passing tests named for a timeout and a segfault, and a `Timeout: 0` tally line",
)

# ---------------------------------------------------------------- Crystal, Elm, Racket, Haxe

case(
    "ap-crystal-undefined-method-nil-gha",
    "compile.error",
    "high",
    gha(
        "acme/kemal-notes",
        "crystal build",
        [
            Step(
                "",
                uses="crystal-lang/install-crystal@v1",
                with_={"crystal": "1.12.1"},
                out="Installing Crystal 1.12.1\nCrystal 1.12.1 [4cea10199] (2024-04-11)\n\nLLVM: 15.0.7\nDefault target: x86_64-unknown-linux-gnu",
            ),
            Step(
                "shards install",
                "Resolving dependencies\nFetching https://github.com/kemalcr/kemal.git\nFetching https://github.com/luislavena/radix.git\nInstalling kemal (1.5.0)\nInstalling radix (0.4.1)\nInstalling exception_page (0.4.1)",
            ),
            Step(
                "crystal build src/notes.cr --no-debug -o bin/notes",
                """§Showing last frame. Use --error-trace for full trace.
§
§In src/notes/router.cr:41:12
§
§ 41 | note.owner.name
§           ^----
§Error: undefined method 'name' for Nil (compile-time type is (User | Nil))""",
                code=1,
            ),
        ],
        actions=("crystal-lang/install-crystal@v1",),
    ),
    "Error: undefined method 'name' for Nil (compile-time type is (User | Nil))",
    "Crystal's compile-time nil check; 'undefined method' is the compiler's, not a runtime error",
)

case(
    "ap-elm-make-type-mismatch-gha",
    "compile.error",
    "high",
    gha(
        "acme/kanban-elm",
        "build",
        [
            Step("npm ci", "added 12 packages, and audited 13 packages in 3s\nfound 0 vulnerabilities"),
            Step(
                "npx elm make src/Main.elm --optimize --output=dist/main.js",
                """Dependencies loaded from local cache.
Dependencies ready!
§Compiling ...-- TYPE MISMATCH ----------------------------------------------- src/Board.elm
§
§The 2nd argument to `viewColumn` is not what I expect:
§
§48|     viewColumn model.dragging column.cards
§                   ^^^^^^^^^^^^^^
§This `dragging` field is a:
§
§    Maybe CardId
§
§But `viewColumn` needs the 2nd argument to be:
§
§    Bool
§
§Hint: Use Maybe.withDefault to handle possible errors. Longer term, it is usually
§better to write out the full `case` though!
§
§
§
§Detected problems in 1 module.""",
                code=1,
            ),
        ],
    ),
    "Compiling ...-- TYPE MISMATCH ----------------------------------------------- src/Board.elm",
    "elm make's type error, its header glued to the 'Compiling ...' progress line",
)

case(
    "ap-raco-test-failure-plain",
    "test.failure",
    "high",
    plain(
        """$ raco pkg install --auto --no-docs --skip-installed
Resolving "rackunit-lib" via https://download.racket-lang.org/releases/8.12/catalog/
Resolving "json-pointer" via https://pkgs.racket-lang.org
Downloading https://github.com/acme/json-pointer/archive/v0.3.tar.gz
The following uninstalled packages were listed as dependencies
and they were automatically installed:
 dependencies of json-pointer:
   rackunit-lib
$ raco test -p json-pointer
raco test: (submod (file "/var/lib/buildkite-agent/builds/agent-3/acme/json-pointer/tests/parse.rkt") test)
§--------------------
§parse rejects a trailing slash
§FAILURE
§name:       check-equal?
§location:   tests/parse.rkt:22:2
§actual:     '("a" "")
§expected:   'error
§--------------------
§raco test: (submod (file "/var/lib/buildkite-agent/builds/agent-3/acme/json-pointer/tests/resolve.rkt") test)
§1/31 test failures""",
        name="json-pointer",
    ),
    "parse rejects a trailing slash",
    "rackunit's failure block under raco test, and its tally",
)

case(
    "ap-haxe-unknown-identifier-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/tilemap-hx",
        "haxe:4.3-alpine",
        [
            Step(
                "haxelib install build.hxml --always",
                "Installing all libraries from build.hxml:\nheaps: 1.10.0\n  Library heaps current version is now 1.10.0\nformat: 3.7.0\n  Library format current version is now 3.7.0",
            ),
            Step(
                "haxe build.hxml",
                """§src/tilemap/Renderer.hx:57: characters 9-14 : Unknown identifier : tiels
§src/tilemap/Renderer.hx:63: characters 20-31 : tilemap.Layer has no field drawOpacity (Suggestion: opacity)""",
                code=1,
            ),
        ],
    ),
    "src/tilemap/Renderer.hx:57: characters 9-14 : Unknown identifier : tiels",
    "the Haxe compiler's `file:line: characters a-b : message` shape, no word 'error'",
)

# ---------------------------------------------------------------- A service warming up, retries

case(
    "ap-pytest-db-warmup-retries-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/orders-svc",
        "python:3.12",
        [
            Step(
                "pip install -r requirements-test.txt",
                "Successfully installed psycopg2-binary-2.9.9 pytest-8.2.0 sqlalchemy-2.0.29 tenacity-8.2.3",
            ),
            Step(
                "python scripts/wait_for_db.py && pytest -q tests/",
                """waiting for postgres at postgres:5432 (attempt 1/30)
Traceback (most recent call last):
  File "/builds/acme/orders-svc/scripts/wait_for_db.py", line 14, in main
    conn = psycopg2.connect(DSN, connect_timeout=2)
  File "/usr/local/lib/python3.12/site-packages/psycopg2/__init__.py", line 122, in connect
    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)
psycopg2.OperationalError: connection to server at "postgres" (172.17.0.3), port 5432 failed: Connection refused
	Is the server running on that host and accepting TCP/IP connections?

waiting for postgres at postgres:5432 (attempt 2/30)
Traceback (most recent call last):
  File "/builds/acme/orders-svc/scripts/wait_for_db.py", line 14, in main
    conn = psycopg2.connect(DSN, connect_timeout=2)
  File "/usr/local/lib/python3.12/site-packages/psycopg2/__init__.py", line 122, in connect
    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)
psycopg2.OperationalError: connection to server at "postgres" (172.17.0.3), port 5432 failed: FATAL:  the database system is starting up

postgres is up after 2 attempts
........................F.............                                   [100%]
§=================================== FAILURES ===================================
§___________________________ test_cancel_refunds_once ___________________________
§
§db_session = <sqlalchemy.orm.session.Session object at 0x7f3a2c1d5e50>
§
§    def test_cancel_refunds_once(db_session):
§        order = make_order(db_session, total=1999)
§        cancel(db_session, order.id)
§        cancel(db_session, order.id)
§>       assert count_refunds(db_session, order.id) == 1
§E       assert 2 == 1
§E        +  where 2 = count_refunds(<sqlalchemy.orm.session.Session object at 0x7f3a2c1d5e50>, 41)
§
§tests/test_cancel.py:33: AssertionError
§=========================== short test summary info ============================
§FAILED tests/test_cancel.py::test_cancel_refunds_once - assert 2 == 1
§1 failed, 37 passed in 4.12s""",
                code=1,
            ),
        ],
    ),
    "FAILED tests/test_cancel.py::test_cancel_refunds_once - assert 2 == 1",
    "two refused-connection tracebacks from a wait loop while the postgres service starts; it came up and a test failed",
)

case(
    "ap-curl-warmup-then-cargo-e2e-gha",
    "test.failure",
    "high",
    gha(
        "acme/checkout-rs",
        "e2e",
        [
            Step(
                "docker compose up -d api",
                " Network checkout-rs_default  Creating\n Network checkout-rs_default  Created\n Container checkout-rs-api-1  Creating\n Container checkout-rs-api-1  Created\n Container checkout-rs-api-1  Starting\n Container checkout-rs-api-1  Started",
            ),
            Step(
                "for i in $(seq 1 20); do curl -fsS http://localhost:8080/healthz && break; sleep 3; done\ncargo test --test e2e -- --test-threads=1",
                """curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server
curl: (56) Recv failure: Connection reset by peer
curl: (22) The requested URL returned error: 503
{"status":"ok","db":"up"}
   Compiling checkout-rs v0.4.0 (/home/runner/work/checkout-rs/checkout-rs)
    Finished `test` profile [unoptimized + debuginfo] target(s) in 41.27s
     Running tests/e2e.rs (target/debug/deps/e2e-3c1d2e9f0a4b5c6d)

running 5 tests
test cart_survives_restart ... ok
test checkout_applies_coupon ... FAILED
test connection_reset_is_retried ... ok
test health_reports_db ... ok
test timeout_returns_504 ... ok

§failures:
§
§---- checkout_applies_coupon stdout ----
§thread 'checkout_applies_coupon' panicked at tests/e2e.rs:44:5:
§assertion `left == right` failed
§  left: 1999
§ right: 1799
§note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
§
§
§failures:
§    checkout_applies_coupon
§
§test result: FAILED. 4 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 2.31s
§
§error: test failed, to rerun pass `--test e2e`""",
                code=101,
            ),
        ],
    ),
    "thread 'checkout_applies_coupon' panicked at tests/e2e.rs:44:5:",
    "a health-check loop's refused, reset and 503 replies while the service starts, then one failing e2e test;"
    " passing tests are named for a reset and a timeout",
)

# ---------------------------------------------------------------- A runner's verdict as the cause; mixed failures

case(
    "ap-unittest-failed-errors-travis",
    "test.failure",
    "high",
    travis(
        "acme/csvkit-lite",
        "python",
        [
            Step(
                "pip install -e .",
                "Obtaining file:///home/travis/build/acme/csvkit-lite\nInstalling collected packages: csvkit-lite\n  Running setup.py develop for csvkit-lite\nSuccessfully installed csvkit-lite",
                name="install",
            ),
            Step(
                "python -m unittest discover -s tests -v",
                """test_dialect_sniffing (test_reader.ReaderTest.test_dialect_sniffing) ... ok
test_empty_file (test_reader.ReaderTest.test_empty_file) ... ok
test_parse_error_line_number (test_reader.ReaderTest.test_parse_error_line_number) ... ok
test_export (test_report.ReportTest.test_export) ... ERROR
test_summary (test_report.ReportTest.test_summary) ... ok

§======================================================================
§ERROR: test_export (test_report.ReportTest.test_export)
§----------------------------------------------------------------------
§Traceback (most recent call last):
§  File "/home/travis/build/acme/csvkit-lite/tests/test_report.py", line 31, in test_export
§    path = self.report.export(self.tmp)
§           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
§TypeError: Report.export() missing 1 required positional argument: 'fmt'
§
§----------------------------------------------------------------------
§Ran 12 tests in 0.231s
§
§FAILED (errors=1)""",
                code=1,
                name="script",
            ),
        ],
    ),
    "ERROR: test_export (test_report.ReportTest.test_export)",
    "unittest's ERROR (an exception in the test, not an assertion) and its verdict; a passing test is named"
    " for a parse error",
)

case(
    "ap-go-fail-and-timeout-panic-gha",
    "test.failure",
    "medium",
    gha(
        "acme/queue",
        "go test",
        [
            Step(
                "go test -race -timeout 2m ./...",
                """ok  	github.com/acme/queue/internal/codec	0.041s
§--- FAIL: TestAckRedelivers (0.01s)
§    broker_test.go:88: delivered 2 times, want 1
§--- FAIL: TestNackRequeuesAtTail (0.00s)
§    broker_test.go:121: order = [3 1 2], want [1 2 3]
§FAIL
§FAIL	github.com/acme/queue/broker	0.118s
panic: test timed out after 2m0s
running tests:
	TestConsumerDrainsOnClose (2m0s)

goroutine 41 [running]:
testing.(*M).startAlarm.func1()
	/opt/hostedtoolcache/go/1.22.2/x64/src/testing/testing.go:2366 +0x385
created by time.goFunc
	/opt/hostedtoolcache/go/1.22.2/x64/src/time/sleep.go:177 +0x2d

goroutine 1 [chan receive]:
testing.(*T).Run(0xc000138000, {0x6a1c2e?, 0x0?}, 0x6c3f10)
	/opt/hostedtoolcache/go/1.22.2/x64/src/testing/testing.go:1750 +0x3ab
FAIL	github.com/acme/queue/consumer	120.022s
ok  	github.com/acme/queue/store	0.512s
FAIL""",
                code=1,
            ),
        ],
    ),
    "--- FAIL: TestAckRedelivers (0.01s)",
    "two assertion failures in one package and a test time-out in another: the assertions are the code to fix"
    " (medium: the time-out is one failure of three)",
)

case(
    "ap-go-fail-no-message-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/mux",
        "golang:1.22",
        [
            Step("go mod download", ""),
            Step(
                "go test ./...",
                """ok  	gitlab.com/acme/mux	0.009s
§--- FAIL: TestRoutes (0.00s)
§    --- FAIL: TestRoutes/GET_/users/:id (0.00s)
§FAIL
§FAIL	gitlab.com/acme/mux/router	0.012s
ok  	gitlab.com/acme/mux/middleware	0.015s
FAIL""",
                code=1,
            ),
        ],
    ),
    "    --- FAIL: TestRoutes/GET_/users/:id (0.00s)",
    "a helper called t.Fail() with no message: the runner's `--- FAIL` lines are all there is",
)
