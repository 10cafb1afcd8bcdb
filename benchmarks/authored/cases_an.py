"""Authored cases, batch an: tools and ecosystems no batch before had, each in its documentation's output behind
its documented invocation: Solidity (forge, hardhat, slither), Clojure's clj-kondo, hlint, detekt, Android's R8
and AAPT, MSVC and MSBuild, CocoaPods, tfsec, conftest, packer, Docker's missing tag, cspell, deptry, pytype,
Sorbet, reek, PHPMD, Infection, Stryker, cpplint, gfortran under fpm, Ada under alire, D under dub, PureScript,
ReScript, MATLAB's test runner, newman, k6, a Jenkins agent lost mid-build, SonarScanner, Serverless, flyctl,
GoReleaser, Yarn Berry, Flyway, Miri; mixed with hard classes: trigger words inside passing output (a test named
for a time-out, a ``# timeout`` column, a 500 the test asserts on), a warning above the real error (Node's
unsupported version, a cache service's 429), a consequence after its cause (MSBuild's MSB3073 after the missing
command, ninja's stop after pytype's findings). Labelled before triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import gradle_head, npm_ci, setup_go, setup_java, setup_node, setup_python, setup_rust
from benchmarks.authored.shapes import Step, azure, gha, gitlab, jenkins, travis

_FOUNDRY = Step(
    "",
    uses="foundry-rs/foundry-toolchain@v1",
    with_={"version": "nightly"},
    out="""Downloading Foundry nightly
Downloading from: https://github.com/foundry-rs/foundry/releases/download/nightly/foundry_nightly_linux_amd64.tar.gz
Extracting Foundry
Added /opt/hostedtoolcache/foundry/nightly/x64 to the path
Cache not found for input keys: foundry-chain-fork-Linux-ci""",
)

# ---------------------------------------------------------------- Solidity

case(
    "an-forge-test-fail-gha",
    "test.failure",
    "high",
    gha(
        "acme/vault-contracts",
        "forge-test",
        [
            _FOUNDRY,
            Step(
                "forge test -vvv",
                """[⠊] Compiling...
[⠒] Compiling 42 files with Solc 0.8.24
[⠢] Solc 0.8.24 finished in 3.12s
Compiler run successful with warnings:
Warning (2072): Unused local variable.
  --> test/Vault.t.sol:58:9:
   |
58 |         uint256 before = vault.totalAssets();
   |         ^^^^^^^^^^^^^^

Ran 6 tests for test/Vault.t.sol:VaultTest
[PASS] test_Deposit() (gas: 112034)
[PASS] test_RevertWhen_DeadlineTimedOut() (gas: 13412)
[PASS] test_RevertWhen_Unauthorized() (gas: 11290)
[FAIL: ERC4626: withdraw more than max] test_WithdrawAll() (gas: 98123)
Traces:
  [98123] VaultTest::test_WithdrawAll()
    ├─ [2390] Vault::maxWithdraw(VaultTest: [0x7FA9385bE102ac3EAc297483Dd6233D62b3e1496]) [staticcall]
    │   └─ ← [Return] 999999999999999999
    ├─ [1102] Vault::withdraw(1000000000000000000, VaultTest: [0x7FA9385bE102ac3EAc297483Dd6233D62b3e1496])
    │   └─ ← [Revert] revert: ERC4626: withdraw more than max
    └─ ← [Revert] revert: ERC4626: withdraw more than max

[PASS] test_Mint() (gas: 101220)
[PASS] testFuzz_Redeem(uint96) (runs: 256, μ: 88102, ~: 88190)
Suite result: FAILED. 5 passed; 1 failed; 0 skipped; finished in 14.21ms (12.02ms CPU time)

Ran 1 test suite in 15.41ms (14.21ms CPU time): 5 tests passed, 1 failed, 0 skipped (6 total tests)

§Failing tests:
§Encountered 1 failing test in test/Vault.t.sol:VaultTest
§[FAIL: ERC4626: withdraw more than max] test_WithdrawAll() (gas: 98123)
§
§Encountered a total of 1 failing tests, 5 tests succeeded""",
                code=1,
            ),
        ],
        actions=("foundry-rs/foundry-toolchain@v1",),
    ),
    "[FAIL: ERC4626: withdraw more than max] test_WithdrawAll() (gas: 98123)",
    "forge's failing-tests summary; a passing test is named for a time-out",
)

case(
    "an-forge-build-solc-error-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/token",
        "ghcr.io/foundry-rs/foundry:latest",
        [
            Step(
                "forge --version",
                "forge Version: 0.2.0-dev\nCommit SHA: 8d2e0b1f\nBuild Timestamp: 2024-05-01T00:18:04Z",
            ),
            Step(
                "forge build --sizes",
                """[⠊] Compiling...
[⠘] Compiling 38 files with Solc 0.8.24
[⠃] Solc 0.8.24 finished in 1.02s
§Error: Compiler run failed:
§Error (7576): Undeclared identifier. Did you mean "balanceOf" or "_balances"?
§  --> src/Token.sol:41:16:
§   |
§41 |         return balanceof[account];
§   |                ^^^^^^^^^""",
                code=1,
            ),
        ],
    ),
    'Error (7576): Undeclared identifier. Did you mean "balanceOf" or "_balances"?',
    "solc's error through forge build",
)

case(
    "an-hardhat-test-node-warning-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/vault-hh",
        "vault-hh/main",
        [
            Step("npm ci", npm_ci(1402), name="Install"),
            Step(
                "npx hardhat test",
                """WARNING: You are currently using Node.js v21.7.1, which is not supported by Hardhat. This can lead to unexpected behavior. See https://hardhat.org/nodejs-versions

Compiled 14 Solidity files successfully (evm target: paris).


  Vault
    deposit
      ✔ mints shares 1:1 on first deposit (88ms)
      ✔ reverts when paused
      ✔ emits Deposit
    withdraw
      1) burns shares and returns assets
      ✔ rejects a withdrawal past the deadline timeout


  4 passing (2s)
  1 failing

§  1) Vault
§       withdraw
§         burns shares and returns assets:
§     Error: Expected transaction NOT to be reverted, but it reverted with reason 'Vault: insufficient liquidity'
§      at processTicksAndRejections (node:internal/process/task_queues:95:5)
§      at async Context.<anonymous> (test/Vault.test.ts:61:5)""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "Error: Expected transaction NOT to be reverted, but it reverted with reason 'Vault: insufficient liquidity'",
    "mocha's failure under hardhat; its warning about Node's version above does not fail the run",
)

case(
    "an-slither-reentrancy-gha",
    "lint.error",
    "high",
    gha(
        "acme/vault-contracts",
        "slither",
        [
            _FOUNDRY,
            setup_python("3.11"),
            Step(
                "pip install slither-analyzer==0.10.1",
                "Successfully installed crytic-compile-0.3.5 slither-analyzer-0.10.1",
            ),
            Step(
                "slither . --fail-high --filter-paths lib/",
                """'forge clean' running (wd: /home/runner/work/vault-contracts/vault-contracts)
'forge config --json' running
'forge build --build-info --skip */test/** */script/** --force' running (wd: /home/runner/work/vault-contracts/vault-contracts)
§INFO:Detectors:
§Reentrancy in Vault.withdraw(uint256) (src/Vault.sol#42-55):
§	External calls:
§	- (ok,None) = msg.sender.call{value: amount}() (src/Vault.sol#48)
§	State variables written after the call(s):
§	- balances[msg.sender] -= amount (src/Vault.sol#51)
§	Vault.balances (src/Vault.sol#12) can be used in cross function reentrancies:
§	- Vault.deposit() (src/Vault.sol#30-33)
§Reference: https://github.com/crytic/slither/wiki/Detector-Documentation#reentrancy-vulnerabilities
§INFO:Detectors:
§Pragma version^0.8.20 (src/Vault.sol#2) necessitates a version too recent to be trusted. Consider deploying with 0.8.18.
§Reference: https://github.com/crytic/slither/wiki/Detector-Documentation#incorrect-versions-of-solidity
§INFO:Slither:. analyzed (14 contracts with 94 detectors), 2 result(s) found""",
                code=1,
            ),
        ],
        actions=("foundry-rs/foundry-toolchain@v1", "actions/setup-python@v5"),
    ),
    "Reentrancy in Vault.withdraw(uint256) (src/Vault.sol#42-55):",
    "slither's detector findings; a pragma finding says 'version' but is one more finding",
)

# ---------------------------------------------------------------- Clojure, Haskell, Kotlin

case(
    "an-clj-kondo-unresolved-gha",
    "lint.error",
    "high",
    gha(
        "acme/orders-clj",
        "lint",
        [
            setup_java("21"),
            Step(
                "",
                uses="DeLaGuardo/setup-clojure@12.5",
                with_={"cli": "1.11.3.1463", "clj-kondo": "2024.03.13"},
                out="Installing Clojure CLI 1.11.3.1463\nInstalling clj-kondo 2024.03.13\nAdded /opt/hostedtoolcache/clj-kondo/2024.03.13/x64 to the path",
            ),
            Step(
                "clj-kondo --lint src test --fail-level error",
                """§src/acme/orders.clj:14:5: error: Unresolved symbol: totl
§src/acme/orders.clj:3:14: warning: namespace clojure.string is required but never used
§test/acme/orders_test.clj:22:3: warning: unused binding resp
§linting took 412ms, errors: 1, warnings: 2""",
                code=3,
            ),
        ],
        actions=("actions/setup-java@v4", "DeLaGuardo/setup-clojure@12.5"),
    ),
    "src/acme/orders.clj:14:5: error: Unresolved symbol: totl",
    "clj-kondo's findings and tally: an unresolved symbol found by the linter, not a compiler",
)

case(
    "an-hlint-hints-travis",
    "lint.error",
    "high",
    travis(
        "acme/calc-hs",
        "haskell",
        [
            Step(
                "cabal update",
                "Downloading the latest package list from hackage.haskell.org\nPackage list of hackage.haskell.org has been updated.",
            ),
            Step(
                "cabal build all",
                """Resolving dependencies...
Build profile: -w ghc-9.4.8 -O1
In order, the following will be built (use -v for more details):
 - calc-0.3.0 (lib) (first run)
[1 of 3] Compiling Parser           ( src/Parser.hs, dist-newstyle/build/x86_64-linux/ghc-9.4.8/calc-0.3.0/build/Parser.o )

src/Parser.hs:5:1: warning: [-Wunused-imports]
    The import of ‘Data.List’ is redundant
      except perhaps to import instances from ‘Data.List’
    To import instances alone, use: import Data.List()
  |
5 | import Data.List
  | ^^^^^^^^^^^^^^^^
[2 of 3] Compiling Eval             ( src/Eval.hs, dist-newstyle/build/x86_64-linux/ghc-9.4.8/calc-0.3.0/build/Eval.o )
[3 of 3] Compiling Calc             ( src/Calc.hs, dist-newstyle/build/x86_64-linux/ghc-9.4.8/calc-0.3.0/build/Calc.o )""",
                name="install",
            ),
            Step(
                "hlint src test",
                """§src/Parser.hs:42:15-38: Warning: Use <$>
§Found:
§  fmap Token (many1 digit)
§Perhaps:
§  Token <$> many1 digit
§
§src/Eval.hs:17:1-40: Suggestion: Eta reduce
§Found:
§  evalAll env xs = map (eval env) xs
§Perhaps:
§  evalAll env = map (eval env)
§
§2 hints""",
                code=1,
                name="script",
                headed=True,
            ),
        ],
        cache="/home/travis/.cabal/packages",
    ),
    "src/Parser.hs:42:15-38: Warning: Use <$>",
    "hlint's hints under Travis' command line; GHC's unused-import warning above was the build's, which passed",
)

case(
    "an-detekt-gradle-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/android-orders",
        "android-orders/PR-77",
        [
            Step(
                "./gradlew --no-daemon detekt",
                gradle_head()
                + """
> Task :app:detekt
§/var/lib/jenkins/workspace/android-orders/app/src/main/kotlin/com/acme/orders/Orders.kt:42:5: The function process is too long (74). The maximum length is 60. [LongMethod]
§/var/lib/jenkins/workspace/android-orders/app/src/main/kotlin/com/acme/orders/Orders.kt:88:21: This expression contains a magic number. Consider defining it to a well named constant. [MagicNumber]
§
§> Task :app:detekt FAILED
§
§FAILURE: Build failed with an exception.
§
§* What went wrong:
§Execution failed for task ':app:detekt'.
§> Analysis failed with 2 weighted issues.

* Try:
> Run with --stacktrace option to get the stack trace.
> Run with --info or --debug option to get more log output.
> Run with --scan to get full insights.
> Get more help at https://help.gradle.org.

BUILD FAILED in 38s
4 actionable tasks: 2 executed, 2 up-to-date""",
                code=1,
                name="Static analysis",
            ),
            Step("./gradlew testDebugUnitTest", name="Unit tests"),
        ],
    ),
    "> Analysis failed with 2 weighted issues.",
    "detekt's findings and Gradle's verdict for its task",
)

# ---------------------------------------------------------------- Android

case(
    "an-r8-missing-class-gha",
    "compile.error",
    "high",
    gha(
        "acme/android-shop",
        "assemble-release",
        [
            setup_java("17"),
            Step(
                "./gradlew :app:assembleRelease --stacktrace=false",
                gradle_head()
                + """
> Task :app:preBuild UP-TO-DATE
> Task :app:compileReleaseKotlin
w: file:///home/runner/work/android-shop/android-shop/app/src/main/java/com/acme/shop/Cart.kt:31:13 'getter for adapterPosition: Int' is deprecated. Deprecated in Java
> Task :app:compileReleaseJavaWithJavac
> Task :app:dexBuilderRelease
§> Task :app:minifyReleaseWithR8 FAILED
§ERROR: Missing classes detected while running R8. Please add the missing classes or apply additional keep rules that are generated in /home/runner/work/android-shop/android-shop/app/build/outputs/mapping/release/missing_rules.txt.
§ERROR: R8: Missing class com.google.errorprone.annotations.Immutable (referenced from: com.google.crypto.tink.util.Bytes)
§Missing class javax.annotation.concurrent.GuardedBy (referenced from: com.google.crypto.tink.KeysetManager)
§
§FAILURE: Build failed with an exception.
§
§* What went wrong:
§Execution failed for task ':app:minifyReleaseWithR8'.
§> A failure occurred while executing com.android.build.gradle.internal.tasks.R8Task$R8Runnable
§   > Compilation failed to complete

* Try:
> Run with --info or --debug option to get more log output.
> Run with --scan to get full insights.
> Get more help at https://help.gradle.org.

BUILD FAILED in 2m 41s
38 actionable tasks: 38 executed""",
                code=1,
            ),
        ],
        actions=("actions/setup-java@v4",),
    ),
    "ERROR: R8: Missing class com.google.errorprone.annotations.Immutable (referenced from: com.google.crypto.tink.util.Bytes)",
    "R8 shrinking a release build: missing classes it needs keep rules for, a build-tool rejection",
)

case(
    "an-aapt-resource-not-found-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/android-notes",
        "cimg/android:2024.04.1",
        [
            Step("chmod +x ./gradlew"),
            Step(
                "./gradlew assembleDebug",
                gradle_head()
                + """
> Task :app:mergeDebugResources
> Task :app:processDebugMainManifest
§> Task :app:processDebugResources FAILED
§ERROR: /builds/acme/android-notes/app/src/main/res/layout/activity_main.xml:12: AAPT: error: resource color/brand_primary (aka com.acme.notes:color/brand_primary) not found.
§
§FAILURE: Build failed with an exception.
§
§* What went wrong:
§Execution failed for task ':app:processDebugResources'.
§> A failure occurred while executing com.android.build.gradle.internal.res.LinkApplicationAndroidResourcesTask$TaskAction
§   > Android resource linking failed
§     ERROR: /builds/acme/android-notes/app/src/main/res/layout/activity_main.xml:12: AAPT: error: resource color/brand_primary (aka com.acme.notes:color/brand_primary) not found.

* Try:
> Run with --stacktrace option to get the stack trace.

BUILD FAILED in 1m 12s
22 actionable tasks: 22 executed""",
                code=1,
            ),
        ],
    ),
    "AAPT: error: resource color/brand_primary (aka com.acme.notes:color/brand_primary) not found.",
    "AAPT's resource linking: a resource the layout names is not defined (a build error, not a missing file)",
)

# ---------------------------------------------------------------- Windows: MSVC, MSBuild

case(
    "an-msvc-c2065-warning-above-gha",
    "compile.error",
    "high",
    gha(
        "acme/fastparse",
        "windows-msvc",
        [
            Step(
                'cmake -S . -B build -G "Visual Studio 17 2022" -A x64',
                """-- Building for: Visual Studio 17 2022
-- Selecting Windows SDK version 10.0.22621.0 to target Windows 10.0.20348.
-- The CXX compiler identification is MSVC 19.39.33523.0
-- Detecting CXX compiler ABI info - done
-- Configuring done (4.1s)
-- Generating done (0.1s)
-- Build files have been written to: D:/a/fastparse/fastparse/build""",
            ),
            Step(
                "cmake --build build --config Release",
                """MSBuild version 17.9.8+b34f75857 for .NET Framework

  Checking Build System
  Building Custom Rule D:/a/fastparse/fastparse/CMakeLists.txt
  lexer.cpp
D:\\a\\fastparse\\fastparse\\src\\lexer.cpp(88,17): warning C4996: 'strncpy': This function or variable may be unsafe. Consider using strncpy_s instead. To disable deprecation, use _CRT_SECURE_NO_WARNINGS. See online help for details. [D:\\a\\fastparse\\fastparse\\build\\fastparse.vcxproj]
  parser.cpp
§D:\\a\\fastparse\\fastparse\\src\\parser.cpp(42,5): error C2065: 'ssize_t': undeclared identifier [D:\\a\\fastparse\\fastparse\\build\\fastparse.vcxproj]
§D:\\a\\fastparse\\fastparse\\src\\parser.cpp(42,13): error C2146: syntax error: missing ';' before identifier 'n' [D:\\a\\fastparse\\fastparse\\build\\fastparse.vcxproj]
§D:\\a\\fastparse\\fastparse\\src\\parser.cpp(43,9): error C2065: 'n': undeclared identifier [D:\\a\\fastparse\\fastparse\\build\\fastparse.vcxproj]""",
                code=1,
            ),
        ],
    ),
    "D:\\a\\fastparse\\fastparse\\src\\parser.cpp(42,5): error C2065: 'ssize_t': undeclared identifier",
    "MSVC's errors after a C4996 warning; C2146 says 'syntax error' but is the compiler's follow-on",
)

case(
    "an-msvc-lnk2019-azure",
    "compile.error",
    "high",
    azure(
        "acme/imgtool",
        "Build windows",
        [
            Step(
                "msbuild imgtool.sln /p:Configuration=Release /m",
                """MSBuild version 17.9.8+b34f75857 for .NET Framework
Build started 5/2/2024 2:04:11 PM.
Project "D:\\a\\1\\s\\imgtool.sln" on node 1 (default targets).
ValidateSolutionConfiguration:
  Building solution configuration "Release|x64".
ClCompile:
  main.cpp
  decode.cpp
Link:
§main.obj : error LNK2019: unresolved external symbol "int __cdecl png_decode(unsigned char const *,unsigned __int64)" (?png_decode@@YAHPEBE_K@Z) referenced in function main [D:\\a\\1\\s\\imgtool.vcxproj]
§D:\\a\\1\\s\\x64\\Release\\imgtool.exe : fatal error LNK1120: 1 unresolved externals [D:\\a\\1\\s\\imgtool.vcxproj]
Done Building Project "D:\\a\\1\\s\\imgtool.vcxproj" (default targets) -- FAILED.

Build FAILED.

"D:\\a\\1\\s\\imgtool.sln" (default target) (1) ->
"D:\\a\\1\\s\\imgtool.vcxproj" (default target) (2) ->
(Link target) ->
  main.obj : error LNK2019: unresolved external symbol "int __cdecl png_decode(unsigned char const *,unsigned __int64)" (?png_decode@@YAHPEBE_K@Z) referenced in function main [D:\\a\\1\\s\\imgtool.vcxproj]
  D:\\a\\1\\s\\x64\\Release\\imgtool.exe : fatal error LNK1120: 1 unresolved externals [D:\\a\\1\\s\\imgtool.vcxproj]

    0 Warning(s)
    2 Error(s)

Time Elapsed 00:00:12.41""",
                code=1,
                name="MSBuild",
            ),
        ],
    ),
    "main.obj : error LNK2019: unresolved external symbol",
    "MSVC's linker: an unresolved external, repeated in MSBuild's summary",
)

case(
    "an-msbuild-msb3073-not-recognized-azure",
    "command.not.found",
    "high",
    azure(
        "acme/portal",
        "Build portal",
        [
            Step(
                "dotnet publish src/Portal/Portal.csproj -c Release",
                """MSBuild version 17.9.8+b34f75857 for .NET
  Determining projects to restore...
  All projects are up-to-date for restore.
  Portal -> D:\\a\\1\\s\\src\\Portal\\bin\\Release\\net8.0\\Portal.dll

  > portal-client@0.4.0 build
  > vite build

§'vite' is not recognized as an internal or external command,
§operable program or batch file.
§D:\\a\\1\\s\\src\\Portal\\Portal.csproj(41,5): error MSB3073: The command "npm run build" exited with code 1.""",
                code=1,
                name="Publish",
            ),
        ],
    ),
    "'vite' is not recognized as an internal or external command,",
    "the npm script's program is not installed (no npm ci ran); MSBuild's MSB3073 only reports the exit",
)

# ---------------------------------------------------------------- Apple, infrastructure as code, containers

case(
    "an-cocoapods-incompatible-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/ios-shop",
        "ios-build",
        [
            Step(
                "cd ios && pod install",
                """Analyzing dependencies
§[!] CocoaPods could not find compatible versions for pod "FirebaseCore":
§  In snapshot (Podfile.lock):
§    FirebaseCore (= 10.22.0)
§
§  In Podfile:
§    FirebaseAnalytics (~> 10.24) was resolved to 10.24.0, which depends on
§      FirebaseCore (~> 10.0)
§
§    FirebaseCore (= 10.22.0)
§
§You have either:
§ * out-of-date source repos which you can update with `pod repo update` or with `pod install --repo-update`.
§ * changed the constraints of dependency `FirebaseCore` inside your development pod `ShopKit`.
§   You should run `pod update FirebaseCore` to apply changes you've made.""",
                code=1,
            ),
        ],
    ),
    '[!] CocoaPods could not find compatible versions for pod "FirebaseCore":',
    "CocoaPods' resolver: the lock and the Podfile disagree",
)

case(
    "an-tfsec-results-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/infra",
        "aquasec/tfsec-ci:v1.28",
        [
            Step("tfsec --version", "v1.28.5"),
            Step(
                "tfsec . --minimum-severity HIGH",
                """
§Result #1 HIGH Security group rule allows ingress from public internet.
§────────────────────────────────────────────────────────────────────────────────
§  modules/web/security.tf:14
§   via main.tf:22-30 (module.web)
§────────────────────────────────────────────────────────────────────────────────
§   10    resource "aws_security_group_rule" "http" {
§   11      type              = "ingress"
§   12      from_port         = 80
§   13      to_port           = 80
§   14  [   cidr_blocks       = ["0.0.0.0/0"]
§   15    }
§────────────────────────────────────────────────────────────────────────────────
§          ID aws-ec2-no-public-ingress-sgr
§      Impact Your port exposed to the internet
§  Resolution Set a more restrictive cidr range
§
§  More Information
§  - https://aquasecurity.github.io/tfsec/v1.28.5/checks/aws/ec2/no-public-ingress-sgr/
§────────────────────────────────────────────────────────────────────────────────
§
§
§  timings
§  ──────────────────────────────────────────
§  disk i/o             1.2ms
§  parsing              18.4ms
§  adaptation           0.9ms
§  checks               6.1ms
§  total                26.6ms
§
§  counts
§  ──────────────────────────────────────────
§  modules downloaded   0
§  modules processed    2
§  blocks processed     41
§  files read           7
§
§  results
§  ──────────────────────────────────────────
§  passed               38
§  ignored              0
§  critical             0
§  high                 1
§  medium               0
§  low                  0
§
§  38 passed, 1 potential problem(s) detected.""",
                code=1,
            ),
        ],
    ),
    "Result #1 HIGH Security group rule allows ingress from public internet.",
    "tfsec's finding and its results tally",
)

case(
    "an-conftest-policy-gha",
    "lint.error",
    "medium",
    gha(
        "acme/deploy-manifests",
        "policy",
        [
            Step(
                "",
                uses="instrumenta/conftest-action@master",
                with_={"files": "k8s/"},
                out="",
            ),
            Step(
                "conftest test k8s/ --policy policy/",
                """§FAIL - k8s/api/deployment.yaml - main - Containers must not run as root in Deployment api
§FAIL - k8s/api/deployment.yaml - main - Deployment api must set resources.limits.memory
§
§12 tests, 10 passed, 0 warnings, 2 failures, 0 exceptions""",
                code=1,
            ),
        ],
    ),
    "FAIL - k8s/api/deployment.yaml - main - Containers must not run as root in Deployment api",
    "a policy checker's findings over manifests, counted as 'tests' and 'failures' by conftest",
)

case(
    "an-packer-validate-gha",
    "config.error",
    "high",
    gha(
        "acme/images",
        "packer",
        [
            Step(
                "",
                uses="hashicorp/setup-packer@main",
                with_={"version": "1.10.3"},
                out="Downloading Packer 1.10.3\nInstalled Packer 1.10.3 to /opt/hostedtoolcache/packer/1.10.3/x64",
            ),
            Step(
                "packer init . && packer validate .",
                """Installed plugin github.com/hashicorp/amazon v1.3.1 in "/home/runner/.config/packer/plugins/github.com/hashicorp/amazon/packer-plugin-amazon_v1.3.1_x5.0_linux_amd64"
§Error: Unsupported argument
§
§  on aws-ubuntu.pkr.hcl line 14:
§  (source code not available)
§
§An argument named "ami_nme" is not expected here. Did you mean "ami_name"?""",
                code=1,
            ),
        ],
        actions=("hashicorp/setup-packer@main",),
    ),
    'An argument named "ami_nme" is not expected here. Did you mean "ami_name"?',
    "packer validate: the template's HCL has an unknown argument, as terraform validate is labelled",
)

case(
    "an-docker-run-manifest-unknown-gha",
    "dependency.missing",
    "medium",
    gha(
        "acme/proto-gen",
        "generate",
        [
            Step(
                'docker run --rm -v "$PWD:/work" ghcr.io/acme/protoc-tools:3.2 buf generate',
                """§Unable to find image 'ghcr.io/acme/protoc-tools:3.2' locally
§docker: Error response from daemon: manifest for ghcr.io/acme/protoc-tools:3.2 not found: manifest unknown: manifest unknown.
§See 'docker run --help'.""",
                code=125,
            ),
        ],
    ),
    "docker: Error response from daemon: manifest for ghcr.io/acme/protoc-tools:3.2 not found: manifest unknown",
    "the image tag the job runs does not exist in its registry: the daemon reports the registry's answer",
)

# ---------------------------------------------------------------- checkers: spelling, dependencies, types

case(
    "an-cspell-unknown-words-gha",
    "lint.error",
    "high",
    gha(
        "acme/handbook",
        "spelling",
        [
            setup_node(),
            Step(
                'npx --yes cspell@8 --no-progress --show-suggestions "**/*.md"',
                """npm warn exec The following package was not found and will be installed: cspell@8.7.0
§docs/guide/install.md:12:5 - Unknown word (recieve) Suggestions: [receive, relieve, receiver]
§docs/guide/timeouts.md:40:22 - Unknown word (retryable) Suggestions: [retractable, rewritable]
§CSpell: Files checked: 42, Issues found: 2 in 2 files.""",
                code=1,
            ),
        ],
    ),
    "docs/guide/install.md:12:5 - Unknown word (recieve)",
    "cspell's unknown words; a file named for time-outs",
)

case(
    "an-deptry-missing-gha",
    "lint.error",
    "high",
    gha(
        "acme/relay",
        "py-deps",
        [
            setup_python("3.12"),
            Step(
                "pip install deptry==0.16.1 -e .",
                "Successfully installed deptry-0.16.1 relay-0.9.0 rich-13.7.1 requests-2.31.0",
            ),
            Step(
                "deptry .",
                """Scanning 34 files...

§src/relay/cli.py:3:8: DEP001 'rich' imported but missing from the dependency definitions
§src/relay/net.py:1:1: DEP002 'requests' defined as a dependency but not used in the codebase
§Found 2 dependency issues.

For more information, see the documentation: https://deptry.com/""",
                code=1,
            ),
        ],
    ),
    "src/relay/cli.py:3:8: DEP001 'rich' imported but missing from the dependency definitions",
    "deptry's findings: the checker's own words 'missing from the dependency definitions', nothing failed to import",
)

case(
    "an-pytype-ninja-gha",
    "lint.error",
    "high",
    gha(
        "acme/relay",
        "py-typecheck",
        [
            setup_python("3.11"),
            Step("pip install pytype==2024.4.11 -e .", "Successfully installed pytype-2024.4.11 relay-0.9.0"),
            Step(
                "pytype -j auto src/relay",
                """Computing dependencies
Analyzing 18 sources with 0 local dependencies
ninja: Entering directory `.pytype'
[1/18] check relay.config
[2/18] check relay.util
§FAILED: /home/runner/work/relay/relay/.pytype/pyi/relay/net.pyi
§/opt/hostedtoolcache/Python/3.11.9/x64/bin/python -m pytype.single --imports_info /home/runner/work/relay/relay/.pytype/imports/relay.net.imports --module-name relay.net --platform linux -V 3.11 -o /home/runner/work/relay/relay/.pytype/pyi/relay/net.pyi --analyze-annotated --nofail --quick /home/runner/work/relay/relay/src/relay/net.py
§File "/home/runner/work/relay/relay/src/relay/net.py", line 42, in fetch: Name 'Sessoin' is not defined [name-error]
§File "/home/runner/work/relay/relay/src/relay/net.py", line 57, in post: Function Session.request was called with the wrong arguments [wrong-arg-types]
§         Expected: (self, method: str, url: str, ...)
§  Actually passed: (self, method: str, url: int)
§
§For more details, see https://google.github.io/pytype/errors.html
§ninja: build stopped: subcommand failed.
Leaving directory '.pytype'""",
                code=1,
            ),
        ],
    ),
    "File \"/home/runner/work/relay/relay/src/relay/net.py\", line 42, in fetch: Name 'Sessoin' is not defined [name-error]",
    "pytype's errors; ninja, its driver, stops after them (a type checker run as a check)",
)

case(
    "an-sorbet-srb-tc-gha",
    "lint.error",
    "high",
    gha(
        "acme/storefront",
        "typecheck",
        [
            Step(
                "",
                uses="ruby/setup-ruby@v1",
                with_={"ruby-version": "3.3", "bundler-cache": "true"},
                out="Using Bundler 2.5.9 from Gemfile.lock BUNDLED WITH 2.5.9\n[command]/opt/hostedtoolcache/Ruby/3.3.1/x64/bin/bundle install --jobs 4\nBundle complete! 48 Gemfile dependencies, 131 gems now installed.",
            ),
            Step(
                "bundle exec srb tc",
                """§app/models/user.rb:12: Method `fullname` does not exist on `User` https://srb.help/7003
§    12 |    "#{fullname} <#{email}>"
§              ^^^^^^^^
§  Got `User` originating from:
§    app/models/user.rb:10:
§    10 |  def display_name
§          ^
§  Autocorrect: Done
§    app/models/user.rb:12: Replaced with `full_name`
§    12 |    "#{fullname} <#{email}>"
§              ^^^^^^^^
§Errors: 1""",
                code=1,
            ),
        ],
        actions=("ruby/setup-ruby@v1",),
    ),
    "app/models/user.rb:12: Method `fullname` does not exist on `User` https://srb.help/7003",
    "Sorbet's static check: a type checker run as a check",
)

case(
    "an-reek-smells-travis",
    "lint.error",
    "high",
    travis(
        "acme/pricing",
        "ruby",
        [
            Step(
                "bundle install --jobs=3 --retry=3",
                "Bundle complete! 22 Gemfile dependencies, 61 gems now installed.",
                name="install",
            ),
            Step(
                "bundle exec rspec",
                """Randomized with seed 40211
..................................................

Finished in 1.42 seconds (files took 0.51 seconds to load)
50 examples, 0 failures""",
                name="script.1",
            ),
            Step(
                "bundle exec reek app lib",
                """§app/models/order.rb -- 2 warnings:
§  [14]:TooManyStatements: Order#total has approx 14 statements [https://github.com/troessner/reek/blob/v6.3.0/docs/Too-Many-Statements.md]
§  [21, 27]:DuplicateMethodCall: Order#total calls 'line_items.sum(&:amount)' 2 times [https://github.com/troessner/reek/blob/v6.3.0/docs/Duplicate-Method-Call.md]
§lib/pricing/tax.rb -- 1 warning:
§  [22]:UtilityFunction: Pricing::Tax#rate_for doesn't depend on instance state (maybe move it to another class?) [https://github.com/troessner/reek/blob/v6.3.0/docs/Utility-Function.md]
§3 total warnings""",
                code=2,
                name="script.2",
            ),
        ],
        cache="/home/travis/build/acme/pricing/vendor/bundle",
    ),
    "app/models/order.rb -- 2 warnings:",
    "reek's smells, which it calls warnings, fail the step after the specs passed",
)

case(
    "an-phpmd-text-gha",
    "lint.error",
    "high",
    gha(
        "acme/shop",
        "php-quality",
        [
            Step(
                "",
                uses="shivammathur/setup-php@v2",
                with_={"php-version": "8.3", "tools": "phpmd"},
                out="==> Setup PHP\n✓ PHP Installed PHP 8.3.6\n==> Setup Tools\n✓ phpmd Added phpmd 2.15.0",
            ),
            Step(
                "phpmd src text phpmd.xml",
                """§/home/runner/work/shop/shop/src/Cart/Checkout.php:48	CyclomaticComplexity	The method process() has a Cyclomatic Complexity of 14. The configured cyclomatic complexity threshold is 10.
§/home/runner/work/shop/shop/src/Cart/Checkout.php:112	UnusedLocalVariable	Avoid unused local variables such as '$total'.
§/home/runner/work/shop/shop/src/Cart/Coupon.php:20	BooleanArgumentFlag	The method apply has a boolean flag argument $force, which is a certain sign of a Single Responsibility Principle violation.""",
                code=2,
            ),
        ],
        actions=("shivammathur/setup-php@v2",),
    ),
    "/home/runner/work/shop/shop/src/Cart/Checkout.php:48	CyclomaticComplexity	The method process() has a Cyclomatic Complexity of 14.",
    "PHPMD's text report, tab-separated, no tally",
)

# ---------------------------------------------------------------- mutation gates, C++ lint

case(
    "an-infection-msi-gha",
    "test.failure",
    "medium",
    gha(
        "acme/shop",
        "mutation",
        [
            Step(
                "vendor/bin/infection --threads=4 --min-msi=70 --show-mutations=0",
                """    ____      ____          __  _
   /  _/___  / __/__  _____/ /_(_)___  ____
   / // __ \\/ /_/ _ \\/ ___/ __/ / __ \\/ __ \\
 _/ // / / / __/  __/ /__/ /_/ / /_/ / / / /
/___/_/ /_/_/  \\___/\\___/\\__/_/\\____/_/ /_/

Infection - PHP Mutation Testing Framework version 0.27.11

Running initial test suite...

PHPUnit version: 10.5.20

  212 [============================] < 1 sec

Generate mutants...

Processing source code files: 48/48
.: killed by tests, M: escaped, U: uncovered
E: fatal error, X: syntax error, T: timed out, S: skipped, I: ignored

..M..M.....MMU....T.......M...M..M......MM...    ( 45 / 120)
.....M...M.M...........MM....M..M..M......M..    ( 90 / 120)
..M.M....M...MM...U..M.....M..               (120 / 120)

120 mutations were generated:
      72 mutants were killed by Test Framework
       2 covered mutants were not detected
       1 mutants timed out
      43 covered mutants were not detected
       2 mutants were not covered by tests

Metrics:
§         Mutation Score Indicator (MSI): 62%
§         Mutation Code Coverage: 98%
§         Covered Code MSI: 63%
§
§Please note that some mutants will inevitably be harmless (i.e. false positives).
§ [ERROR] The minimum required MSI percentage should be 70%, but actual is 62%. Improve your tests!""",
                code=1,
            ),
        ],
    ),
    "[ERROR] The minimum required MSI percentage should be 70%, but actual is 62%. Improve your tests!",
    "a mutation-score gate under its threshold, as a coverage gate is labelled; 'timed out' is a mutant's status",
)

case(
    "an-stryker-break-threshold-gitlab",
    "test.failure",
    "medium",
    gitlab(
        "acme/cart-ts",
        "node:20",
        [
            Step("npm ci", npm_ci(733)),
            Step(
                "npx stryker run",
                """12:01:02 (2311) INFO ProjectReader Found 2 of 41 file(s) to be mutated.
12:01:03 (2311) INFO Instrumenter Instrumented 2 source file(s) with 65 mutant(s)
12:01:03 (2311) INFO ConcurrencyTokenProvider Creating 3 test runner process(es).
12:01:09 (2311) INFO DryRunExecutor Initial test run succeeded. Ran 88 tests in 4 seconds (net 1103 ms, overhead 2412 ms).
Mutation testing  [==================================================] 100% (elapsed: ~3m, remaining: n/a) 65/65 Mutants tested (25 survived, 0 timed out)

All tests
  ✓ All tests (covered 65)

§----------|---------|----------|-----------|------------|----------|----------|
§File      | % score | # killed | # timeout | # survived | # no cov | # errors |
§----------|---------|----------|-----------|------------|----------|----------|
§All files |   61.54 |       40 |         0 |         25 |        0 |        0 |
§ cart.ts  |   58.00 |       29 |         0 |         21 |        0 |        0 |
§ price.ts |   73.33 |       11 |         0 |          4 |        0 |        0 |
§----------|---------|----------|-----------|------------|----------|----------|
§12:04:11 (2311) ERROR MutationTestExecutor Final mutation score 61.54 under breaking threshold 70, setting exit code to 1 (failure).
12:04:11 (2311) INFO MutationTestExecutor Done in 3 minutes 12 seconds.""",
                code=1,
            ),
        ],
    ),
    "ERROR MutationTestExecutor Final mutation score 61.54 under breaking threshold 70, setting exit code to 1 (failure).",
    "Stryker's mutation-score gate; its table has a '# timeout' column and every test passed",
)

case(
    "an-cpplint-travis",
    "lint.error",
    "high",
    travis(
        "acme/ringbuf",
        "cpp",
        [
            Step("pip install --user cpplint==1.6.1", "Successfully installed cpplint-1.6.1", name="install"),
            Step(
                "cpplint --recursive --quiet src include",
                """§src/queue.cc:41:  Missing space before {  [whitespace/braces] [5]
§src/queue.cc:88:  Lines should be <= 80 characters long  [whitespace/line_length] [2]
§include/queue.h:0:  No #ifndef header guard found, suggested CPP variable is: INCLUDE_QUEUE_H_  [build/header_guard] [5]
§Total errors found: 3""",
                code=1,
                name="script",
            ),
        ],
        cache="/home/travis/.cache/pip",
    ),
    "src/queue.cc:41:  Missing space before {  [whitespace/braces] [5]",
    "cpplint's findings and its 'Total errors found' tally",
)

# ---------------------------------------------------------------- compilers of less common languages

case(
    "an-gfortran-fpm-gha",
    "compile.error",
    "high",
    gha(
        "acme/linsolve",
        "fpm-build",
        [
            Step(
                "",
                uses="fortran-lang/setup-fpm@v5",
                with_={"github-token": "***"},
                out="Fetching fpm 0.10.1\nAdded /opt/hostedtoolcache/fpm/0.10.1/x64 to the path",
            ),
            Step(
                "fpm build --profile release",
                """ + mkdir -p build/dependencies
blas.f90                               done.
src/util.f90:18:27:

   18 |     real(dp) :: tmp
      |                           1
Warning: Unused variable 'tmp' declared at (1) [-Wunused-variable]
util.f90                               done.
§src/solver.f90:42:18:
§
§   42 |     y = matmul(a, xx)
§      |                  1
§Error: Symbol 'xx' at (1) has no IMPLICIT type
§compilation terminated due to -fmax-errors=1.
§solver.f90                             failed.
§[ 60%] Compiling...
§<ERROR> Compilation failed for object " src_solver.f90.o "
§<ERROR> stopping due to failed compilation
§STOP 1""",
                code=1,
            ),
        ],
        actions=("fortran-lang/setup-fpm@v5",),
    ),
    "Error: Symbol 'xx' at (1) has no IMPLICIT type",
    "gfortran's error under fpm, after a warning in another file",
)

case(
    "an-alire-gprbuild-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/ada-calc",
        "ghcr.io/alire-project/docker/gnat:ubuntu-lts",
        [
            Step("alr --version", "alr 2.0.1"),
            Step(
                "alr --non-interactive build",
                """ⓘ Building acme_calc=0.1.0-dev/acme_calc.gpr...
Setup
   [mkdir]        object directory for project Acme_Calc
Compile
   [Ada]          acme_calc.adb
   [Ada]          parser.adb
§parser.adb:27:07: error: "Put_Lin" is undefined
§parser.adb:27:07: error: possible misspelling of "Put_Line"
§   compilation of parser.adb failed
§
§gprbuild: *** compilation phase failed
§error: Command ["gprbuild", "-s", "-j0", "-p", "-P", "/builds/acme/ada-calc/acme_calc.gpr"] exited with code: 4
§error: Compilation failed.""",
                code=1,
            ),
        ],
    ),
    'parser.adb:27:07: error: "Put_Lin" is undefined',
    "GNAT's error under gprbuild under alire, each wrapper saying it failed",
)

case(
    "an-dub-dmd-gha",
    "compile.error",
    "high",
    gha(
        "acme/dcli",
        "dub-build",
        [
            Step(
                "",
                uses="dlang-community/setup-dlang@v1",
                with_={"compiler": "dmd-latest"},
                out="Installing dmd-2.108.0\nAdded /opt/hostedtoolcache/dc/dmd-2.108.0/x64/dmd2/linux/bin64 to the path",
            ),
            Step(
                "dub build --build=release",
                """    Fetching argsd 1.1.0
    Starting Performing "release" build using /opt/hostedtoolcache/dc/dmd-2.108.0/x64/dmd2/linux/bin64/dmd for x86_64.
    Building argsd 1.1.0: building configuration [library]
    Building dcli ~main: building configuration [application]
source/dcli/config.d(9,8): Deprecation: module `std.experimental.logger` is deprecated - Use std.logger instead
§source/app.d(14,5): Error: undefined identifier `writeln`
§source/app.d(22,18): Error: template instance `dcli.config.load!string` error instantiating
§Error /opt/hostedtoolcache/dc/dmd-2.108.0/x64/dmd2/linux/bin64/dmd failed with exit code 1.""",
                code=2,
            ),
        ],
        actions=("dlang-community/setup-dlang@v1",),
    ),
    "source/app.d(14,5): Error: undefined identifier `writeln`",
    "dmd's errors under dub, a deprecation above them",
)

case(
    "an-spago-purescript-gha",
    "compile.error",
    "high",
    gha(
        "acme/ps-cart",
        "build",
        [
            setup_node(),
            Step("npm ci", npm_ci(214)),
            Step(
                "npx spago build",
                """Reading Spago workspace configuration...

✓ Selecting package to build: ps-cart

Downloading dependencies...
Building...
[1 of 3] Compiling Data.Cart
[2 of 3] Compiling Data.Price
[3 of 3] Compiling Main
§[1/1 TypesDoNotUnify] src/Main.purs:12:15
§
§  12  main = log 42
§                     ^^
§
§  Could not match type
§
§    Int
§
§  with type
§
§    String
§
§  while checking that type Int
§    is at least as general as type String
§  while checking that expression 42
§    has type String
§  in value declaration main
§
§            Src   Lib   All
§Warnings     0     0     0
§Errors       1     0     1
§
§✘ Failed to build.""",
                code=1,
            ),
        ],
    ),
    "[1/1 TypesDoNotUnify] src/Main.purs:12:15",
    "the PureScript compiler's type error under spago",
)

case(
    "an-rescript-build-gha",
    "compile.error",
    "high",
    gha(
        "acme/rescript-shop",
        "build",
        [
            setup_node(),
            Step("npm ci", npm_ci(388)),
            Step(
                "npm run res:build",
                """
> rescript-shop@0.2.0 res:build
> rescript

rescript: [1/14] src/Cart.ast
rescript: [7/14] src/Cart.cmj
§FAILED: src/App.cmj
§
§  We've found a bug for you!
§  /home/runner/work/rescript-shop/rescript-shop/src/App.res:12:24-28
§
§  10 │ let make = () => {
§  11 │   let count = Cart.count()
§  12 │   <span> {React.string(count)} </span>
§  13 │ }
§
§  This has type: int
§  But it's expected to have type: string
§
§  You can convert int to string with Belt.Int.toString.
§
§FAILED: cannot make progress due to previous errors.""",
                code=1,
            ),
        ],
    ),
    "This has type: int",
    "the ReScript compiler's type error, behind ninja-style FAILED lines",
)

# ---------------------------------------------------------------- test runners: MATLAB, newman, k6

case(
    "an-matlab-run-tests-gha",
    "test.failure",
    "high",
    gha(
        "acme/signal-toolbox",
        "matlab-tests",
        [
            Step(
                "",
                uses="matlab-actions/setup-matlab@v2",
                with_={"release": "R2024a"},
                out="Setting up MATLAB R2024a\nDownloading mpm\nInstalling MATLAB\nMATLAB R2024a installed in /opt/hostedtoolcache/MATLAB/2024.1.999/x64",
            ),
            Step(
                "",
                uses="matlab-actions/run-tests@v2",
                with_={"source-folder": "src", "select-by-folder": "tests"},
                out="""Setting up MATLAB Runtime
Running FilterTest
..
================================================================================
§Verification failed in FilterTest/testLowpassGain.
§    ---------------------
§    Framework Diagnostic:
§    ---------------------
§    verifyEqual failed.
§    --> The numeric values are not equal using "isequaln".
§    --> Failure table:
§            Actual    Expected          Error               RelativeError
§            ______    ________    __________________    __________________
§
§            0.9812       1        -0.0188000000000001    -0.0188000000000001
§
§    Actual Value:
§       0.981200000000000
§    Expected Value:
§         1
§    ------------------
§    Stack Information:
§    ------------------
§    In /home/runner/work/signal-toolbox/signal-toolbox/tests/FilterTest.m (FilterTest.testLowpassGain) at 14
================================================================================
..
Done FilterTest
__________

Running TimeoutTest
...
Done TimeoutTest
__________

Failure Summary:

     Name                          Failed  Incomplete  Reason(s)
    ===========================================================================
     FilterTest/testLowpassGain      X                 Failed by verification.""",
                error="##[error]Failed tests were detected: 1 of 7 tests failed.",
                code=1,
            ),
        ],
        actions=("matlab-actions/setup-matlab@v2", "matlab-actions/run-tests@v2"),
    ),
    "Verification failed in FilterTest/testLowpassGain.",
    "MATLAB's test framework: a verification failure; a passing test class is named for a time-out",
)

case(
    "an-newman-status-500-gha",
    "test.failure",
    "high",
    gha(
        "acme/orders-api",
        "api-tests",
        [
            setup_node(),
            Step(
                "docker compose up -d --wait api", " Container orders-db-1  Healthy\n Container orders-api-1  Healthy"
            ),
            Step(
                "npx newman run postman/orders.json -e postman/ci.json",
                """newman

orders-api

→ Create order
  POST http://localhost:8080/orders [500 Internal Server Error, 312B, 48ms]
  1. Status code is 201
  ✓  Response has an id

→ List orders
  GET http://localhost:8080/orders [200 OK, 1.2kB, 12ms]
  ✓  Status code is 200

┌─────────────────────────┬───────────────────┬──────────────────┐
│                         │          executed │           failed │
├─────────────────────────┼───────────────────┼──────────────────┤
│              iterations │                 1 │                0 │
├─────────────────────────┼───────────────────┼──────────────────┤
│                requests │                 2 │                0 │
├─────────────────────────┼───────────────────┼──────────────────┤
│            test-scripts │                 2 │                0 │
├─────────────────────────┼───────────────────┼──────────────────┤
│              assertions │                 3 │                1 │
├─────────────────────────┴───────────────────┴──────────────────┤
│ total run duration: 212ms                                      │
├────────────────────────────────────────────────────────────────┤
│ total data received: 1.31kB (approx)                           │
├────────────────────────────────────────────────────────────────┤
│ average response time: 30ms [min: 12ms, max: 48ms, s.d.: 18ms] │
└────────────────────────────────────────────────────────────────┘

§  #  failure         detail
§
§ 1.  AssertionError  Status code is 201
§                     expected response to have status code 201 but got 500
§                     at assertion:0 in test-script
§                     inside "Create order\"""",
                code=1,
            ),
        ],
    ),
    "expected response to have status code 201 but got 500",
    "newman's failed assertion: the API under test answered 500, which the test asserts on (not a remote's outage)",
)

case(
    "an-k6-thresholds-gha",
    "test.failure",
    "medium",
    gha(
        "acme/checkout",
        "load-test",
        [
            Step(
                "",
                uses="grafana/setup-k6-action@v1",
                with_={"k6-version": "0.50.0"},
                out="Installing k6 v0.50.0\nAdded /opt/hostedtoolcache/k6/0.50.0/x64 to the path",
            ),
            Step(
                "k6 run --quiet load/checkout.js",
                """     ✓ status is 200
     ✗ checkout under 300ms
      ↳  71% — ✓ 1420 / ✗ 580

     checks.........................: 85.50% ✓ 3420      ✗ 580
     data_received..................: 4.1 MB 68 kB/s
     data_sent......................: 312 kB 5.2 kB/s
§   ✗ http_req_duration..............: avg=281.4ms min=31.2ms med=242.1ms max=2.1s p(90)=512.3ms p(95)=688.9ms
§       { expected_response:true }...: avg=281.4ms min=31.2ms med=242.1ms max=2.1s p(90)=512.3ms p(95)=688.9ms
§     http_req_failed................: 0.00%  ✓ 0         ✗ 2000
§     http_reqs......................: 2000   33.1/s
§     iteration_duration.............: avg=602.1ms min=331.2ms med=561.9ms max=2.4s p(90)=811.2ms p(95)=990.1ms
§     iterations.....................: 2000   33.1/s
§     vus............................: 20     min=20      max=20
§
§
§running (1m00.4s), 00/20 VUs, 2000 complete and 0 interrupted iterations
§default ✓ [======================================] 20 VUs  1m0s
§time="2024-05-02T14:05:12Z" level=error msg="thresholds on metrics 'http_req_duration' have been crossed\"""",
                code=99,
            ),
        ],
        actions=("grafana/setup-k6-action@v1",),
    ),
    "level=error msg=\"thresholds on metrics 'http_req_duration' have been crossed\"",
    "k6's threshold on response times crossed: a performance test failed, not a time limit of the job",
)

# ---------------------------------------------------------------- platforms, deploy tools and their logins

case(
    "an-jenkins-agent-channel-closed",
    "infrastructure",
    "high",
    jenkins(
        "acme/ledger",
        "ledger/main",
        [
            Step(
                "./gradlew --no-daemon test",
                gradle_head()
                + """
> Task :core:compileJava
> Task :core:test

PostingTest > postsBalancedEntries() PASSED
PostingTest > rejectsUnbalanced() PASSED
§Cannot contact build-agent-07: java.lang.InterruptedException
§Could not connect to build-agent-07 to send interrupt signal to process
§FATAL: command execution failed
§hudson.remoting.ChannelClosedException: Channel "hudson.remoting.Channel@3b1f5c2e:build-agent-07": Remote call on build-agent-07 failed. The channel is closing down or has closed down
§	at hudson.remoting.Channel.call(Channel.java:1105)
§	at hudson.remoting.RemoteInvocationHandler.invoke(RemoteInvocationHandler.java:289)
§	at com.sun.proxy.$Proxy84.join(Unknown Source)
§Caused by: java.nio.channels.ClosedChannelException
§	at org.jenkinsci.remoting.protocol.NetworkLayer.onRecvClosed(NetworkLayer.java:155)""",
                code=1,
                name="Test",
            ),
            Step("./gradlew publish", name="Publish"),
        ],
    ),
    'hudson.remoting.ChannelClosedException: Channel "hudson.remoting.Channel@3b1f5c2e:build-agent-07"',
    "the Jenkins agent went away mid-build: the controller lost its channel, nothing the tests did",
)

case(
    "an-sonar-not-authorized-gha",
    "credentials",
    "high",
    gha(
        "acme/ledger",
        "sonar",
        [
            setup_java("17"),
            Step(
                "",
                uses="SonarSource/sonarqube-scan-action@v2",
                with_={"args": "-Dsonar.projectKey=acme_ledger"},
                out="""INFO: Scanner configuration file: /opt/sonar-scanner/conf/sonar-scanner.properties
INFO: Project root configuration file: /github/workspace/sonar-project.properties
INFO: SonarScanner 5.0.1.3006
INFO: Java 17.0.10 Eclipse Adoptium (64-bit)
INFO: Linux 6.5.0-1018-azure amd64
INFO: User cache: /opt/sonar-scanner/.sonar/cache
INFO: Analyzing on SonarQube server 10.4.1.88267
INFO: Default locale: "en_US", source code encoding: "UTF-8"
INFO: ------------------------------------------------------------------------
INFO: EXECUTION FAILURE
INFO: ------------------------------------------------------------------------
INFO: Total time: 1.112s
INFO: Final Memory: 5M/20M
INFO: ------------------------------------------------------------------------
§ERROR: Error during SonarScanner execution
§ERROR: Not authorized. Please check the user token in the property 'sonar.token' or the environment variable 'SONAR_TOKEN'.
ERROR:
ERROR: Re-run SonarScanner using the -X switch to enable full debug logging.""",
                code=2,
                error="##[error]Docker run failed with exit code 2",
            ),
        ],
        actions=("actions/setup-java@v4", "SonarSource/sonarqube-scan-action@v2"),
    ),
    "ERROR: Not authorized. Please check the user token in the property 'sonar.token' or the environment variable 'SONAR_TOKEN'.",
    "SonarScanner refused: its token is missing or wrong",
)

case(
    "an-serverless-aws-creds-gitlab",
    "credentials",
    "high",
    gitlab(
        "acme/orders-api",
        "node:20",
        [
            Step("npm ci", npm_ci(911)),
            Step(
                "npx serverless deploy --stage prod",
                """
Deploying orders-api to stage prod (us-east-1)

✖ Stack orders-api-prod failed to deploy (0s)
Environment: linux, node 20.12.2, framework 3.38.0 (local), plugin 7.2.3, SDK 4.5.1
Credentials: Local, none
Docs:        docs.serverless.com
Support:     forum.serverless.com
Bugs:        github.com/serverless/serverless/issues

§Error:
§AWS provider credentials not found. Learn how to set up AWS provider credentials in our docs here: <http://slss.io/aws-creds-setup>.""",
                code=1,
            ),
        ],
    ),
    "AWS provider credentials not found.",
    "the Serverless Framework finds no AWS credentials in the job (a protected variable on an unprotected branch)",
)

case(
    "an-flyctl-no-token-gha",
    "credentials",
    "high",
    gha(
        "acme/status-page",
        "deploy",
        [
            Step(
                "",
                uses="superfly/flyctl-actions/setup-flyctl@master",
                out="Installing flyctl 0.2.48\nAdded /opt/hostedtoolcache/flyctl/0.2.48/x64 to the path",
            ),
            Step(
                "flyctl deploy --remote-only",
                """==> Verifying app config
§Error: No access token available. Please login with 'flyctl auth login'""",
                code=1,
            ),
        ],
        actions=("superfly/flyctl-actions@master",),
    ),
    "Error: No access token available. Please login with 'flyctl auth login'",
    "flyctl without FLY_API_TOKEN in the step's env",
)

case(
    "an-goreleaser-403-gha",
    "permission",
    "high",
    gha(
        "acme/acmectl",
        "release",
        [
            setup_go("1.22"),
            Step(
                "",
                uses="goreleaser/goreleaser-action@v5",
                with_={"distribution": "goreleaser", "version": "latest", "args": "release --clean"},
                out="""Downloading https://github.com/goreleaser/goreleaser/releases/download/v1.25.1/goreleaser_Linux_x86_64.tar.gz
Extracting GoReleaser
/opt/hostedtoolcache/goreleaser-action/1.25.1/x64/goreleaser release --clean
  • starting release...
  • loading                                          path=.goreleaser.yaml
  • loading environment variables
    • using token from "$GITHUB_TOKEN"
  • getting and validating git state
    • git state                                      commit=5a4c3b2e branch=HEAD current_tag=v1.4.0 previous_tag=v1.3.2 dirty=false
  • parsing tag
  • setting defaults
  • running before hooks
    • running                                        hook=go mod tidy
  • checking distribution directory
  • loading go mod information
  • build prerequisites
  • writing effective config file
    • writing                                        config=dist/config.yaml
  • building binaries
    • building                                       binary=dist/acmectl_linux_amd64_v1/acmectl
    • building                                       binary=dist/acmectl_darwin_arm64/acmectl
  • archives
    • creating                                       archive=dist/acmectl_1.4.0_linux_amd64.tar.gz
    • creating                                       archive=dist/acmectl_1.4.0_darwin_arm64.tar.gz
  • calculating checksums
  • publishing
    • scm releases
      • creating or updating release                 tag=v1.4.0 repo=acme/acmectl
§  ⨯ release failed after 41s                         error=scm releases: failed to publish artifacts: could not release: POST https://api.github.com/repos/acme/acmectl/releases: 403 Resource not accessible by integration []""",
                code=1,
                error="##[error]The process '/opt/hostedtoolcache/goreleaser-action/1.25.1/x64/goreleaser' failed with exit code 1",
            ),
        ],
        actions=("actions/setup-go@v5", "goreleaser/goreleaser-action@v5"),
    ),
    "403 Resource not accessible by integration",
    "GoReleaser's release refused: the workflow's token lacks contents: write",
)

# ---------------------------------------------------------------- package managers, databases, sanitizers

case(
    "an-yarn-berry-immutable-gha",
    "dependency.resolution",
    "high",
    gha(
        "acme/design-system",
        "install",
        [
            setup_node(),
            Step("corepack enable", ""),
            Step(
                "yarn install --immutable",
                """➤ YN0000: · Yarn 4.1.1
➤ YN0000: ┌ Resolution step
➤ YN0085: │ + @acme/ui@workspace:packages/ui, react-aria@npm:3.33.0, and 12 more.
➤ YN0000: └ Completed in 1s 212ms
➤ YN0000: ┌ Post-resolution validation
§➤ YN0028: │ The lockfile would have been modified by this install, which is explicitly forbidden.
➤ YN0000: └ Completed
➤ YN0000: · Failed with errors in 1s 340ms""",
                code=1,
            ),
        ],
    ),
    "➤ YN0028: │ The lockfile would have been modified by this install, which is explicitly forbidden.",
    "Yarn Berry's immutable install: the lockfile is stale, as a frozen lockfile is labelled",
)

case(
    "an-flyway-connection-refused-jenkins",
    "network",
    "high",
    jenkins(
        "acme/orders-db",
        "orders-db/main",
        [
            Step("docker compose up -d db", " Container orders-db-1  Started", name="Database"),
            Step(
                "flyway -url=jdbc:postgresql://db:5432/orders -user=flyway -locations=filesystem:sql migrate",
                """Flyway OSS Edition 10.11.0 by Redgate

See release notes here: https://rd.gt/416ObMi
§ERROR: Unable to obtain connection from database (jdbc:postgresql://db:5432/orders) for user 'flyway': Connection to db:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.
§-------------------------------------------------------------------------------------------------------------------------------------------------------------
§SQL State  : 08001
§Error Code : 0
§Message    : Connection to db:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.
§
§Caused by: org.postgresql.util.PSQLException: Connection to db:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.
§Caused by: java.net.ConnectException: Connection refused""",
                code=1,
                name="Migrate",
            ),
        ],
    ),
    "ERROR: Unable to obtain connection from database (jdbc:postgresql://db:5432/orders) for user 'flyway'",
    "Flyway cannot reach the database the compose service has not yet opened",
)

case(
    "an-cache-429-warning-then-tsc-gha",
    "compile.error",
    "high",
    gha(
        "acme/dashboard",
        "build",
        [
            Step(
                "",
                uses="actions/setup-node@v4",
                with_={"node-version": "20", "cache": "npm"},
                out="""Found in cache @ /opt/hostedtoolcache/node/20.12.2/x64
[command]/opt/hostedtoolcache/node/20.12.2/x64/bin/npm config get cache
/home/runner/.npm
##[warning]Failed to restore: Cache service responded with 429
npm cache is not found""",
            ),
            Step("npm ci", npm_ci(1187)),
            Step(
                "npm run build",
                """
> dashboard@1.8.0 build
> tsc -p tsconfig.build.json

§src/widgets/Chart.tsx(31,7): error TS2322: Type 'string | undefined' is not assignable to type 'string'.
§  Type 'undefined' is not assignable to type 'string'.""",
                code=2,
            ),
        ],
    ),
    "src/widgets/Chart.tsx(31,7): error TS2322: Type 'string | undefined' is not assignable to type 'string'.",
    "tsc's error; the cache service's 429 warning at setup cost a cache, nothing more",
)

case(
    "an-miri-ub-gha",
    "crash",
    "medium",
    gha(
        "acme/arena",
        "miri",
        [
            setup_rust(),
            Step(
                "rustup toolchain install nightly --component miri && cargo +nightly miri setup",
                "Preparing a sysroot for Miri (target: x86_64-unknown-linux-gnu)... done",
            ),
            Step(
                "cargo +nightly miri test",
                """   Compiling arena v0.3.1 (/home/runner/work/arena/arena)
    Finished `test` profile [unoptimized + debuginfo] target(s) in 2.41s
     Running unittests src/lib.rs (target/miri/x86_64-unknown-linux-gnu/debug/deps/arena-4f1d2a3e9b8c4d7e)

running 4 tests
test tests::alloc_one ... ok
test tests::reset_clears ... ok
§test tests::grow_keeps_items ... error: Undefined Behavior: out-of-bounds pointer use: alloc1432 has been freed, so this pointer is dangling
§  --> src/lib.rs:58:18
§   |
§58 |         unsafe { &*self.ptr.add(i) }
§   |                  ^^^^^^^^^^^^^^^^^ out-of-bounds pointer use: alloc1432 has been freed, so this pointer is dangling
§   |
§   = help: this indicates a bug in the program: it performed an invalid operation, and caused Undefined Behavior
§   = help: see https://doc.rust-lang.org/nightly/reference/behavior-considered-undefined.html for further information
§   = note: BACKTRACE (of the first span) on thread `tests::grow_keeps_items`:
§   = note: inside `Arena::<u32>::get` at src/lib.rs:58:18: 58:35
§note: inside `tests::grow_keeps_items`
§  --> src/lib.rs:91:20
§   |
§91 |         assert_eq!(*a.get(0), 7);
§   |                    ^^^^^^^^
§
§error: aborting due to 1 previous error
§
§error: test failed, to rerun pass `--lib`
§
§Caused by:
§  process didn't exit successfully: `/home/runner/.rustup/toolchains/nightly-x86_64-unknown-linux-gnu/bin/cargo-miri runner /home/runner/work/arena/arena/target/miri/x86_64-unknown-linux-gnu/debug/deps/arena-4f1d2a3e9b8c4d7e` (exit status: 1)""",
                code=1,
            ),
        ],
    ),
    "error: Undefined Behavior: out-of-bounds pointer use: alloc1432 has been freed, so this pointer is dangling",
    "Miri's undefined behaviour in the code under test, as ASan's report inside a test is labelled crash",
)
