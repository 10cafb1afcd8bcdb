"""Authored cases, batch aq: tools the rules catalogue (autoheal/rules.yaml) does not name at all, each checked by
grep before it was chosen, in its own output wording behind its usual invocation: Gleam, Lean's lake, Agda, Coq
under coq_makefile, Idris 2, Roc, GnuCOBOL, Chapel, Odin, V, fpm with test-drive, AUnit under gprbuild, ponytest,
plunit, tcltest, smalltalkCI, scalafmt under sbt, SwiftFormat, clang-format's `--Werror`, StyLua, selene, busted
after luacheck, textlint, htmlhint, djLint, vulture, deadnix, cue vet, dhall, reuse lint, cargo-udeps, mdbook test,
semgrep, osv-scanner, npm audit and safety; on CI shapes the batches before barely had (CircleCI, Buildkite, Drone,
Woodpecker, TeamCity, Azure Pipelines) and mixed with the hard shapes: trigger words in passing test output,
warnings before the real error, a runner's verdict as the only cause, and two failures of different kinds in one
step. Labelled and committed before triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import npm_ci, setup_node, setup_python
from benchmarks.authored.shapes import MARK, Log, Step, azure, gha, gitlab, jenkins, plain, travis

# ---------------------------------------------------------------- CI shapes the shapes module does not have

_CIRCLE_HEAD = """Build-agent version 1.0.229270-a8e5ef2f (2024-04-30T15:21:47+0000)
System information:
 Server Version: 24.0.9
 Storage Driver: overlay2
  Backing Filesystem: xfs
 Cgroup Driver: cgroupfs
 Cgroup Version: 1
 Kernel Version: 5.15.0-1057-aws
 Operating System: Ubuntu 20.04.6 LTS
 OSType: linux
 Architecture: x86_64

Starting container {image}
{image}:
  using image {image}@sha256:4b1f2c3d5e6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c
  pull stats: Image was already available so the image was not pulled
  time to create container: 61ms
Time to upload agent and config: 521.14ms
Time to start containers: 1.07s
#!/bin/bash -eo pipefail
if [ -e '/home/circleci/project/.git' ] ; then
  echo 'Fetching into existing repository'
  existing_repo='true'
  cd '/home/circleci/project'
  git remote set-url origin "$CIRCLE_REPOSITORY_URL" || true
else
  echo 'Cloning git repository'
  existing_repo='false'
  mkdir -p '/home/circleci/project'
  cd '/home/circleci/project'
  git clone --no-checkout "$CIRCLE_REPOSITORY_URL" .
fi
Cloning git repository
Cloning into '.'...
Warning: Permanently added the ECDSA host key for IP address '140.82.113.3' to the list of known hosts.
remote: Enumerating objects: 1822, done.
remote: Total 1822 (delta 0), reused 0 (delta 0), pack-reused 1822
Receiving objects: 100% (1822/1822), 611.40 KiB | 8.21 MiB/s, done.
Resolving deltas: 100% (1101/1101), done.
Checking out branch
Your branch is up to date with 'origin/main'.
HEAD is now at 9c8b7a6 Merge pull request #212 from acme/feature"""


def _circleci(image: str, text: str) -> Log:
    """A CircleCI job's steps as downloaded: the agent's system information, the checkout, each `run` step under
    its `#!/bin/bash -eo pipefail` line; the failing step's own exit line is in ``text``."""
    log = Log()
    log.add(_CIRCLE_HEAD.format(image=image))
    log.add(text)
    return log


_DRONE_CLONE = """+ git init
Initialized empty Git repository in /drone/src/.git/
+ git remote add origin https://github.com/{repo}.git
+ git fetch origin +refs/heads/main:
From https://github.com/{repo}
 * branch            main       -> FETCH_HEAD
 * [new branch]      main       -> origin/main
+ git checkout 5b4a3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b -b main
Already on 'main'"""


def _drone(repo: str, steps: list[Step]) -> Log:
    """A Drone (or Woodpecker) pipeline's log: the clone step, then each step's commands traced as ``+ cmd`` and
    their output; the server shows the exit code beside the step, not in the log."""
    log = Log()
    log.add(_DRONE_CLONE.format(repo=repo))
    for step in steps:
        for cmd in step.cmd.split("\n"):
            log.add(f"+ {cmd}")
        if step.out:
            log.add(step.out)
        if step.code:
            break
    return log


_WOODPECKER_CLONE = """+ git init --object-format sha1 -b main
Initialized empty Git repository in /woodpecker/src/codeberg.org/{repo}/.git/
+ git config --global --replace-all safe.directory /woodpecker/src/codeberg.org/{repo}
+ git remote add origin https://codeberg.org/{repo}.git
+ git fetch --no-tags --depth=1 --filter=tree:0 origin +2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4:
From https://codeberg.org/{repo}
 * branch            2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4 -> FETCH_HEAD
+ git reset --hard -q 2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4
+ git submodule update --init --recursive --depth=1 --recommend-shallow"""


def _woodpecker(repo: str, steps: list[Step]) -> Log:
    log = Log()
    log.add(_WOODPECKER_CLONE.format(repo=repo))
    for step in steps:
        for cmd in step.cmd.split("\n"):
            log.add(f"+ {cmd}")
        if step.out:
            log.add(step.out)
        if step.code:
            break
    return log


_TEAMCITY_HEAD = """[14:03:11]i: TeamCity server version is 2024.03.1 (build 156606), server timezone: UTC
[14:03:11] : The build is removed from the queue to be prepared for the start
[14:03:11] : Collecting changes in 1 VCS root
[14:03:11] :	 [Collecting changes in 1 VCS root] VCS Root details
[14:03:11] :		 [VCS Root details] "https://github.com/{repo}#refs/heads/main" {{instance id=12, parent internal id=4, parent id=Acme_GitHub, description: "https://github.com/{repo}#refs/heads/main"}}
[14:03:12] : Starting the build on the agent "linux-agent-04"
[14:03:12]i: The build is started by user teamcity-bot
[14:03:12] : Updating tools for build
[14:03:12] : Clearing temporary directory: /opt/buildagent/temp/buildTmp
[14:03:12] : Publishing internal artifacts
[14:03:13] : Using vcs information from agent file: 4b5c6d7e8f9a0b1c.xml
[14:03:13] : Checkout directory: /opt/buildagent/work/4b5c6d7e8f9a0b1c
[14:03:13] : Updating sources: auto checkout (on agent)
[14:03:13] :	 [Updating sources] Will use agent side checkout
[14:03:13] :	 [Updating sources] Using vcs information from agent file: 4b5c6d7e8f9a0b1c.xml
[14:03:14] :	 [Updating sources] Updating VCS root: https://github.com/{repo}#refs/heads/main
[14:03:14] :		 [Updating VCS root: https://github.com/{repo}#refs/heads/main] /usr/bin/git fetch --no-recurse-submodules --no-tags origin +refs/heads/main:refs/remotes/origin/main
[14:03:15] :		 [Updating VCS root: https://github.com/{repo}#refs/heads/main] /usr/bin/git checkout -q -f main"""


def _teamcity(repo: str, steps: list[Step]) -> Log:
    """A TeamCity build log as downloaded (``[HH:mm:ss]`` and a level letter, steps' lines nested under their
    ``[Step i/n]`` block), ending in the failed step's exit and failure lines."""
    log = Log()
    log.add(_TEAMCITY_HEAD.format(repo=repo))
    n = len(steps)
    for i, step in enumerate(steps, 1):
        clock = f"[14:0{3 + i}:{10 + i:02d}]"
        tag = f"[Step {i}/{n}]"
        log.add(f"{clock} : Step {i}/{n}: {step.name} (Command Line)")
        log.add(f"{clock} :\t {tag} Starting: /opt/buildagent/temp/agentTmp/custom_script{4410 + i}.sh")
        log.add(f"{clock} :\t {tag} in directory: /opt/buildagent/work/4b5c6d7e8f9a0b1c")
        for line in step.out.strip("\n").split("\n") if step.out else []:
            mark = MARK if line.startswith(MARK) else ""
            log.add(f"{mark}{clock} :\t {tag} {line[len(mark) :]}")
        if step.code:
            log.add(f"{clock}W:\t {tag} Process exited with code {step.code}")
            log.add(f"{clock}E:\t {tag} Process exited with code {step.code} (Step: {step.name} (Command Line))")
            log.add(f"{clock}E:\t {tag} Step {step.name} (Command Line) failed")
            for j in range(i + 1, n + 1):
                log.add(f"{clock} : Step {j}/{n}: {steps[j - 1].name} (Command Line) skipped: the build failed")
            break
        log.add(f"{clock} :\t {tag} Process exited with code 0")
    log.add("[14:09:40] : Publishing internal artifacts")
    log.add("[14:09:40] : Build finished")
    return log


# ---------------------------------------------------------------- compilers and provers (GitHub Actions)

case(
    "aq-gleam-type-mismatch-after-warnings-gha",
    "compile.error",
    "high",
    gha(
        "acme/shelf",
        "test",
        [
            Step(
                "",
                uses="erlef/setup-beam@v1",
                with_={"otp-version": "26.2", "gleam-version": "1.1.0", "rebar3-version": "3"},
                out="Installing Erlang/OTP 26.2 - built on ubuntu-22.04\nInstalled Erlang/OTP version\n"
                "Installing Gleam 1.1.0\nInstalled Gleam version\ngleam 1.1.0\nInstalling Rebar3 3\n"
                "Installed Rebar3 version\nrebar 3.23.0 on Erlang/OTP 26 Erts 14.2",
            ),
            Step("gleam deps download", "  Resolving versions\nDownloading packages\n Downloaded 4 packages in 0.09s"),
            Step(
                "gleam test",
                """  Compiling gleam_stdlib
  Compiling gleam_json
  Compiling gleeunit
  Compiling thoas
  Compiling shelf
warning: Unused imported module
  ┌─ /home/runner/work/shelf/shelf/src/shelf/store.gleam:3:1
  │
3 │ import gleam/io
  │ ^^^^^^^^^^^^^^^ This imported module is never used

Hint: You can safely remove it.

warning: Unused variable
   ┌─ /home/runner/work/shelf/shelf/src/shelf/store.gleam:28:7
   │
28 │   let previous = dict.get(shelf, key)
   │       ^^^^^^^^ This variable is never used

Hint: You can ignore it with an underscore: `_previous`.

§error: Type mismatch
§   ┌─ /home/runner/work/shelf/shelf/src/shelf/store.gleam:41:27
§   │
§41 │   dict.insert(shelf, key, count + 1)
§   │                           ^^^^^^^^^
§
§Expected type:
§
§    String
§
§Found type:
§
§    Int""",
                code=1,
            ),
        ],
        actions=("erlef/setup-beam@v1",),
    ),
    "error: Type mismatch",
    "gleam's type error after two warnings in the same file, with no summary line after it",
)

case(
    "aq-lean-lake-build-after-sorry-gha",
    "compile.error",
    "high",
    gha(
        "acme/tally-lean",
        "build",
        [
            Step(
                "",
                uses="leanprover/lean-action@v1",
                with_={"build": "false", "test": "false", "use-mathlib-cache": "false"},
                out="""Installing elan
info: downloading installer
info: syncing channel updates for 'leanprover/lean4:v4.9.0'
info: latest update on leanprover/lean4:v4.9.0, lean version v4.9.0
info: downloading component 'lean'
info: installing component 'lean'
info: default toolchain set to 'leanprover/lean4:v4.9.0'
lake --version
Lake version 5.0.0-c3f3b5f (Lean version 4.9.0)""",
            ),
            Step(
                "lake build",
                """info: batteries: cloning https://github.com/leanprover-community/batteries
info: batteries: checking out revision '8d6c853f11a5172efa0e96b9f2be1a83d861cdd9'
✔ [2/124] Built Batteries.Tactic.Alias
✔ [118/124] Built Batteries.Data.List.Lemmas
✔ [120/124] Built Tally.Basic
⚠ [121/124] Built Tally.Util
warning: ././././Tally/Util.lean:18:8: declaration uses 'sorry'
warning: ././././Tally/Util.lean:31:8: declaration uses 'sorry'
✖ [123/124] Building Tally.Count
trace: .> LEAN_PATH=././.lake/packages/batteries/.lake/build/lib:././.lake/build/lib LD_LIBRARY_PATH= /home/runner/.elan/toolchains/leanprover--lean4---v4.9.0/bin/lean ././././Tally/Count.lean -R ./././. -o ././.lake/build/lib/Tally/Count.olean -i ././.lake/build/lib/Tally/Count.ilean -c ././.lake/build/ir/Tally/Count.c
§error: ././././Tally/Count.lean:27:2: type mismatch
§  Nat.le_refl n
§has type
§  n ≤ n : Prop
§but is expected to have type
§  n ≤ n + 1 : Prop
§error: Lean exited with code 1
§Some required builds logged failures:
§- Tally.Count
§error: build failed""",
                code=1,
            ),
        ],
        actions=("leanprover/lean-action@v1",),
    ),
    "error: ././././Tally/Count.lean:27:2: type mismatch",
    "lake's build of a Lean module: `sorry` warnings in another module, then the type mismatch and lake's verdict",
)

case(
    "aq-agda-type-error-gha",
    "compile.error",
    "high",
    gha(
        "acme/vec-agda",
        "typecheck",
        [
            Step(
                "sudo apt-get install -y agda agda-stdlib",
                "Reading package lists...\nBuilding dependency tree...\nReading state information...\n"
                "The following NEW packages will be installed:\n  agda agda-bin agda-stdlib libghc-agda-dev\n"
                "Setting up agda-bin (2.6.4-1) ...\nSetting up agda-stdlib (1.7.3-1) ...\nSetting up agda (2.6.4-1) ...",
            ),
            Step(
                "agda --safe src/Everything.agda",
                """Checking Everything (/home/runner/work/vec-agda/vec-agda/src/Everything.agda).
 Checking Data.Vec.Extra.Base (/home/runner/work/vec-agda/vec-agda/src/Data/Vec/Extra/Base.agda).
 Checking Data.Vec.Extra (/home/runner/work/vec-agda/vec-agda/src/Data/Vec/Extra.agda).
§/home/runner/work/vec-agda/vec-agda/src/Data/Vec/Extra.agda:23,13-15
§suc n != n of type ℕ
§when checking that the expression xs has type Vec A (suc n)""",
                code=42,
            ),
        ],
    ),
    "suc n != n of type ℕ",
    "Agda's type error: a `path:line,col-col` location, the mismatch, and what it was checking (Agda exits 42)",
)

case(
    "aq-roc-expect-failed-gha",
    "test.failure",
    "high",
    gha(
        "acme/csv-roc",
        "test",
        [
            Step(
                "curl -fsSL -o roc.tar.gz https://github.com/roc-lang/roc/releases/download/nightly/roc_nightly-linux_x86_64-latest.tar.gz\n"
                'tar -xzf roc.tar.gz && echo "$PWD/$(ls -d roc_nightly*/)" >> $GITHUB_PATH',
                "",
            ),
            Step(
                "roc test src/main.roc",
                """§── EXPECT FAILED in src/Parse.roc ──────────────────────────────────────────────
§
§This expectation failed:
§
§41│  expect parseRow "a,\\"b,c\\",d" == Ok ["a", "b,c", "d"]
§            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
§
§1 failed and 17 passed in 618 ms.""",
                code=1,
            ),
        ],
    ),
    "── EXPECT FAILED in src/Parse.roc ──────────────────────────────────────────────",
    "roc test's failed top-level expect, with its source frame, and the tally",
)

case(
    "aq-swiftformat-lint-gha",
    "lint.error",
    "high",
    gha(
        "acme/Pantry",
        "lint",
        [
            Step(
                "mint bootstrap",
                "🌱 Cloning SwiftFormat 0.53.8\n🌱 Resolving package\n🌱 Building package\n🌱 Installed SwiftFormat 0.53.8",
            ),
            Step(
                "mint run swiftformat --lint .",
                """Running SwiftFormat...
(lint mode - no files will be changed.)
Reading config file at /home/runner/work/Pantry/Pantry/.swiftformat
§/home/runner/work/Pantry/Pantry/Sources/Pantry/Store.swift:14:1: error: (indent) Indent code in accordance with the scope level.
§/home/runner/work/Pantry/Pantry/Sources/Pantry/Store.swift:52:1: error: (trailingSpace) Remove trailing space at end of a line.
§/home/runner/work/Pantry/Pantry/Sources/Pantry/Views/ListView.swift:8:1: error: (redundantSelf) Insert/remove explicit self where applicable.
§SwiftFormat completed in 0.31s.
§Source input did not pass lint check.
§2/38 files require formatting.""",
                code=1,
            ),
        ],
    ),
    "Source input did not pass lint check.",
    "SwiftFormat's lint findings are in a compiler's `file:line:col: error:` shape; its verdict names the check",
)

case(
    "aq-htmlhint-gha",
    "lint.error",
    "high",
    gha(
        "acme/site",
        "lint",
        [
            setup_node("20"),
            Step("npm ci", npm_ci(412)),
            Step(
                'npx htmlhint "public/**/*.html"',
                """
§   /home/runner/work/site/site/public/index.html
§      L12 |    <img src="/img/logo.png">
§                ^ An alt attribute must be present on <img> elements. (alt-require)
§      L40 |<div id="main"></div>
§               ^ The id value [ main ] must be unique. (id-unique)
§
§Scanned 8 files, found 2 errors in 1 files (18 ms)""",
                code=1,
            ),
        ],
        actions=("actions/setup-node@v4",),
    ),
    "Scanned 8 files, found 2 errors in 1 files (18 ms)",
    "htmlhint's findings under the file they are in, and its count",
)

case(
    "aq-textlint-stylish-gha",
    "lint.error",
    "high",
    gha(
        "acme/handbook",
        "docs",
        [
            setup_node("20"),
            Step("npm ci", npm_ci(188)),
            Step(
                "npx textlint 'docs/**/*.md'",
                """
§/home/runner/work/handbook/handbook/docs/guide/install.md
§  12:34  error  Found possibly misspelled word "recieve"                                    common-misspellings
§  40:1   error  Line 40 sentence length(112) exceeds the maximum sentence length of 100.
§Over 12 characters  max-sentence-length
§
§/home/runner/work/handbook/handbook/docs/ops/backup.md
§  7:15  error  "In order to" is redundant, use "to"  write-good
§
§✖ 3 problems (3 errors, 0 warnings)""",
                code=1,
            ),
        ],
        actions=("actions/setup-node@v4",),
    ),
    "✖ 3 problems (3 errors, 0 warnings)",
    "textlint in its stylish formatter, which reads like eslint's; a rule's message wraps onto its own line",
)

case(
    "aq-smalltalkci-pharo-failure-gha",
    "test.failure",
    "high",
    gha(
        "acme/Tally-Pharo",
        "Pharo64-12",
        [
            Step(
                "",
                uses="hpi-swt/setup-smalltalkCI@v1",
                with_={"smalltalk-image": "Pharo64-12"},
                out="Cloning smalltalkCI...\nsmalltalkCI installed at /home/runner/smalltalkCI-master",
            ),
            Step(
                "smalltalkci -s ${{ matrix.smalltalk }}",
                """smalltalkCI 2024-05-02 (CI: GitHub Actions)
Downloading Pharo64-12 image...
Downloading Pharo vm...
Preparing Pharo image and vm...
Loading project...
Loaded -> BaselineOfTally
Loaded -> Tally-Core
Loaded -> Tally-Tests

Running suite "Tally" with 42 tests...
 TallyCounterTest
  ✓ #testIncrement (1ms)
  ✓ #testDecrementBelowZeroRaisesError (1ms)
  ✗ #testIncrementOverflow (3ms)
  ✓ #testReset (0ms)

 Finished running suite "Tally" in 1.21s

§ Executed 42 Tests with 1 Failures and 0 Errors in 1.21s.
§
§####################################################################################################
§# 1 tests failed                                                                                    #
§####################################################################################################
§
§TallyCounterTest
§ ✗ #testIncrementOverflow
§   TestFailure: Assertion failed
§   TallyCounterTest(TestAsserter)>>assert:
§   TallyCounterTest>>testIncrementOverflow
§
§  Executed 42 Tests with 1 Failures and 0 Errors in 1.21s.""",
                code=1,
            ),
        ],
        actions=("hpi-swt/setup-smalltalkCI@v1",),
    ),
    "TestFailure: Assertion failed",
    "smalltalkCI's SUnit run: a passing test named for an error it raises, the failing test, its summary",
)

# ---------------------------------------------------------------- checkers (GitHub Actions)

case(
    "aq-semgrep-findings-gha",
    "lint.error",
    "high",
    gha(
        "acme/orders-web",
        "semgrep",
        [
            setup_python("3.12"),
            Step("pip install semgrep==1.70.0", "Successfully installed semgrep-1.70.0"),
            Step(
                "semgrep scan --config p/django --error --metrics=off",
                """

┌─────────────┐
│ Scan Status │
└─────────────┘
  Scanning 48 files tracked by git with 312 Code rules:

  Language      Rules   Files          Origin      Rules
 ─────────────────────────────        ───────────────────
  python          298      44          Community     312
  html             14       4


§┌─────────────────┐
§│ 2 Code Findings │
§└─────────────────┘
§
§    orders/views.py
§    ❯❯❱ python.django.security.injection.sql.sql-injection-using-db-cursor-execute.sql-injection-db-cursor-execute
§          User-controlled data from a request is passed to 'execute()'. This could lead to a SQL injection
§          and therefore protected information could be leaked. Instead, use django's QuerySets, which are
§          built with query parameterization and therefore not vulnerable to sql injection.
§          Details: https://sg.run/qx7y
§
§           42┆ cursor.execute("SELECT * FROM orders WHERE id = %s" % request.GET["id"])
§
§    orders/templates/orders/detail.html
§     ❯❱ python.django.security.audit.xss.template-autoescape-off.template-autoescape-off
§          Detected a template block where autoescaping is explicitly disabled with '{% autoescape off
§          %}'. This allows rendering of raw HTML in this segment.
§          Details: https://sg.run/Q5WZ
§
§           3┆ {% autoescape off %}

┌──────────────┐
│ Scan Summary │
└──────────────┘

Ran 312 rules on 48 files: 2 findings.""",
                code=1,
            ),
        ],
        actions=("actions/setup-python@v5",),
    ),
    "│ 2 Code Findings │",
    "semgrep's boxed findings with `--error`: a rule id per finding and its source line",
)

case(
    "aq-osv-scanner-table-gha",
    "lint.error",
    "high",
    gha(
        "acme/beacon",
        "vulnerabilities",
        [
            Step(
                "curl -sSfL -o osv-scanner https://github.com/google/osv-scanner/releases/download/v1.7.2/osv-scanner_linux_amd64\n"
                "chmod +x osv-scanner",
                "",
            ),
            Step(
                "./osv-scanner --recursive .",
                """Scanning dir .
Scanned /home/runner/work/beacon/beacon/go.mod file and found 38 packages
Scanned /home/runner/work/beacon/beacon/web/package-lock.json file and found 611 packages
§╭─────────────────────────────────────┬──────┬───────────┬────────────────────────────┬─────────┬────────────────────────╮
§│ OSV URL                             │ CVSS │ ECOSYSTEM │ PACKAGE                    │ VERSION │ SOURCE                 │
§├─────────────────────────────────────┼──────┼───────────┼────────────────────────────┼─────────┼────────────────────────┤
§│ https://osv.dev/GHSA-4v7x-pqxf-cx7m │ 7.5  │ Go        │ golang.org/x/net           │ 0.17.0  │ go.mod                 │
§│ https://osv.dev/GO-2024-2687        │      │           │                            │         │                        │
§│ https://osv.dev/GHSA-8r3f-844c-mc37 │ 5.9  │ Go        │ google.golang.org/protobuf │ 1.31.0  │ go.mod                 │
§│ https://osv.dev/GHSA-grv7-fg5c-xmjg │ 7.5  │ npm       │ braces                     │ 3.0.2   │ web/package-lock.json  │
§╰─────────────────────────────────────┴──────┴───────────┴────────────────────────────┴─────────┴────────────────────────╯""",
                code=1,
            ),
        ],
    ),
    "│ https://osv.dev/GHSA-4v7x-pqxf-cx7m │ 7.5  │ Go        │ golang.org/x/net           │ 0.17.0  │ go.mod                 │",
    "osv-scanner's table of known vulnerabilities in the lockfiles it scanned, with no verdict line",
)

case(
    "aq-cargo-udeps-gha",
    "lint.error",
    "high",
    gha(
        "acme/beacon-rs",
        "udeps",
        [
            Step(
                "",
                uses="dtolnay/rust-toolchain@nightly",
                with_={"toolchain": "nightly"},
                out="  nightly-x86_64-unknown-linux-gnu installed - rustc 1.80.0-nightly (72fdf913c 2024-05-01)",
            ),
            Step(
                "cargo install cargo-udeps --locked",
                "  Installed package `cargo-udeps v0.1.47` (executable `cargo-udeps`)",
            ),
            Step(
                "cargo +nightly udeps --all-targets",
                """    Updating crates.io index
   Compiling proc-macro2 v1.0.81
   Compiling unicode-ident v1.0.12
   Compiling serde v1.0.200
    Checking itertools v0.12.1
    Checking beacon v0.3.1 (/home/runner/work/beacon-rs/beacon-rs)
    Finished `dev` profile [unoptimized + debuginfo] target(s) in 21.41s
info: Loading depinfo from "/home/runner/work/beacon-rs/beacon-rs/target/debug/deps/beacon-5d1e2f3a4b5c6d7e.d"
§unused dependencies:
§`beacon v0.3.1 (/home/runner/work/beacon-rs/beacon-rs)`
§├─── dependencies
§│    └─── "itertools"
§└─── dev-dependencies
§     └─── "pretty_assertions"
§Note: They might be false-positive.
§      For example, `cargo-udeps` cannot detect usage of crates that are only used in doc-tests.
§      To ignore some dependencies, write `package.metadata.cargo-udeps.ignore` in Cargo.toml.""",
                code=1,
            ),
        ],
        actions=("dtolnay/rust-toolchain@nightly",),
    ),
    "unused dependencies:",
    "cargo-udeps' tree of dependencies the crate declares and never uses: a checker's finding, not a build error",
)

case(
    "aq-mdbook-test-doc-panic-gha",
    "test.failure",
    "high",
    gha(
        "acme/parser-book",
        "book",
        [
            Step(
                "",
                uses="peaceiris/actions-mdbook@v2",
                with_={"mdbook-version": "0.4.37"},
                out="mdbook v0.4.37 installed",
            ),
            Step(
                "mdbook test -L target/debug/deps",
                """2024-05-02 14:03:22 [INFO] (mdbook::book): Testing chapter 'Introduction': "introduction.md"
2024-05-02 14:03:22 [INFO] (mdbook::book): Testing chapter 'Parsing': "parsing.md"
2024-05-02 14:03:23 [ERROR] (mdbook::book): rustdoc returned an error:

--- stdout

running 3 tests
test /tmp/mdbook-Hw3x9L/parsing.md - Parsing (line 12) ... ok
test /tmp/mdbook-Hw3x9L/parsing.md - Parsing::Errors (line 40) ... FAILED
test /tmp/mdbook-Hw3x9L/parsing.md - Parsing (line 25) ... ok

failures:

§---- /tmp/mdbook-Hw3x9L/parsing.md - Parsing::Errors (line 40) stdout ----
§Test executable failed (exit status: 101).
§
§stderr:
§thread 'main' panicked at /tmp/mdbook-Hw3x9L/parsing.md:45:1:
§assertion `left == right` failed
§  left: Err(UnexpectedEof)
§ right: Err(TrailingInput)
§note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
§
§
§
§failures:
§    /tmp/mdbook-Hw3x9L/parsing.md - Parsing::Errors (line 40)
§
§test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.41s


--- stderr

2024-05-02 14:03:23 [INFO] (mdbook::book): Testing chapter 'Printing': "printing.md"
2024-05-02 14:03:24 [ERROR] (mdbook::utils): Error: One or more tests failed""",
                code=101,
            ),
        ],
        actions=("peaceiris/actions-mdbook@v2",),
    ),
    "assertion `left == right` failed",
    "mdbook test runs a chapter's Rust snippets through rustdoc: one snippet's assertion fails",
)

case(
    "aq-deadnix-fail-gha",
    "lint.error",
    "high",
    gha(
        "acme/dotfiles-flake",
        "check",
        [
            Step(
                "",
                uses="cachix/install-nix-action@v26",
                with_={"nix_path": "nixpkgs=channel:nixos-unstable"},
                out="installing 'nix-2.21.2'\ncopying Nix to /nix/store...\nInstallation finished!",
            ),
            Step(
                "nix run nixpkgs#deadnix -- --fail .",
                """§Warning: Unused declarations were found.
§    ╭─[./flake.nix:5:27]
§    │
§  5 │   outputs = { self, nixpkgs, flake-utils }:
§    │                              ─────┬─────
§    │                                   ╰─────── Unused lambda pattern: flake-utils
§────╯
§Warning: Unused declarations were found.
§    ╭─[./nix/overlay.nix:1:1]
§    │
§  1 │ final: prev: {
§    │ ──┬──
§    │   ╰──── Unused lambda argument: final
§────╯""",
                code=1,
            ),
        ],
        actions=("cachix/install-nix-action@v26",),
    ),
    "Unused lambda pattern: flake-utils",
    "deadnix --fail: its findings are headed `Warning:` but fail the step",
)

case(
    "aq-luacheck-and-busted-make-k-gha",
    "test.failure",
    "medium",
    gha(
        "acme/inventory-lua",
        "check",
        [
            Step(
                "",
                uses="leafo/gh-actions-lua@v10",
                with_={"luaVersion": "5.4"},
                out="Extracting Lua 5.4.6\nBuilding Lua 5.4.6\nInstalled Lua 5.4.6",
            ),
            Step(
                "luarocks install luacheck && luarocks install busted",
                "luacheck 1.1.2-1 is now installed in /home/runner/work/inventory-lua/inventory-lua/.lua\n"
                "busted 2.2.0-1 is now installed in /home/runner/work/inventory-lua/inventory-lua/.lua",
            ),
            Step(
                "make -k check",
                """luacheck src spec
§Checking src/inventory.lua                        2 warnings
§
§    src/inventory.lua:14:7: unused variable 'tmp'
§    src/inventory.lua:31:1: setting non-standard global variable 'helper'
§
§Checking spec/inventory_spec.lua                  OK
§
§Total: 2 warnings / 0 errors in 2 files
§make: *** [Makefile:8: lint] Error 1
§busted --output=utfTerminal spec
§●●●◼●●
§5 successes / 1 failure / 0 errors / 0 pending : 0.012 seconds
§
§Failure → spec/inventory_spec.lua @ 22
§inventory remove drops an item when its count reaches zero
§spec/inventory_spec.lua:26: Expected objects to be the same.
§Passed in:
§(nil)
§Expected:
§(table: 0x55d4c1a2b3c0) {
§  [count] = 0
§  [name] = 'rope' }
§make: *** [Makefile:11: test] Error 1
make: Target 'check' not remade because of errors.""",
                code=2,
            ),
        ],
        actions=("leafo/gh-actions-lua@v10",),
    ),
    "spec/inventory_spec.lua:26: Expected objects to be the same.",
    "`make -k check`: luacheck's warnings fail the lint target and busted's assertion the test target; both are"
    " labelled (medium: two independent failures, the failing spec is the one named)",
)

# ---------------------------------------------------------------- GitLab CI

case(
    "aq-coq-unify-after-warning-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/sortlib",
        "coqorg/coq:8.19",
        [
            Step("coq_makefile -f _CoqProject -o Makefile.coq", ""),
            Step(
                "make -j2",
                """make -f Makefile.coq all
make[1]: Entering directory '/builds/acme/sortlib'
COQDEP VFILES
COQC theories/Insert.v
COQC theories/Sort.v
File "./theories/Sort.v", line 12, characters 0-46:
Warning: Notation "_ <= _" was already used in scope nat_scope.
[notation-overridden,parsing,default]
§File "./theories/Sort.v", line 57, characters 2-11:
§Error:
§In environment
§x : nat
§l : list nat
§H : sorted l
§Unable to unify "length (insert x l)" with "S (length l)".
§
§make[1]: *** [Makefile.coq:820: theories/Sort.vo] Error 1
make[1]: Leaving directory '/builds/acme/sortlib'
make: *** [Makefile:14: all] Error 2""",
                code=2,
            ),
        ],
    ),
    'Unable to unify "length (insert x l)" with "S (length l)".',
    "coqc under coq_makefile: a notation warning in the same file, then the proof error",
)

case(
    "aq-idris2-mismatch-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/tally-idr",
        "ghcr.io/stefan-hoeck/idris2-pack:latest",
        [
            Step(
                "idris2 --build tally.ipkg",
                """1/3: Building Tally.Types (src/Tally/Types.idr)
2/3: Building Tally.Parse (src/Tally/Parse.idr)
§Error: While processing right hand side of parseCount. Can't solve constraint between: Nat and Integer.
§
§Tally.Parse:14:22--14:27
§ 10 | parseCount : String -> Maybe Nat
§ 11 | parseCount s = do
§ 12 |   n <- parseInteger s
§ 13 |   guard (n >= 0)
§ 14 |   pure (cast n + offset)
§                           ^^^^^""",
                code=1,
            ),
        ],
    ),
    "Error: While processing right hand side of parseCount. Can't solve constraint between: Nat and Integer.",
    "Idris 2's elaboration error and its source frame",
)

case(
    "aq-gnucobol-undefined-gitlab",
    "compile.error",
    "high",
    gitlab(
        "acme/payroll",
        "debian:bookworm-slim",
        [
            Step(
                "apt-get update -qq && apt-get install -y -qq gnucobol4 make",
                "Setting up libcob5:amd64 (4.0~early~20200606-6.1) ...\nSetting up gnucobol4 (4.0~early~20200606-6.1) ...",
            ),
            Step(
                "make",
                """cobc -x -free -Wall -o bin/payroll src/payroll.cob src/taxes.cob
src/taxes.cob:12: warning: line not terminated by a newline [-Wothers]
§src/payroll.cob:27: error: 'WS-TOTL' is not defined
§src/payroll.cob:31: error: 'WS-TOTL' is not defined
§make: *** [Makefile:6: bin/payroll] Error 1""",
                code=2,
            ),
        ],
    ),
    "src/payroll.cob:27: error: 'WS-TOTL' is not defined",
    "GnuCOBOL's cobc: a warning in another file, then two undefined data names",
)

case(
    "aq-npm-audit-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/storefront",
        "node:20-bookworm",
        [
            Step("npm ci", npm_ci(903)),
            Step(
                "npm audit --audit-level=high --omit=dev",
                """§# npm audit report
§
§braces  <3.0.3
§Severity: high
§Uncontrolled resource consumption in braces - https://github.com/advisories/GHSA-grv7-fg5c-xmjg
§fix available via `npm audit fix`
§node_modules/braces
§
§ws  8.0.0 - 8.17.0
§Severity: high
§ws affected by a DoS when handling a request with many HTTP headers - https://github.com/advisories/GHSA-3h5v-q93c-6h6q
§fix available via `npm audit fix`
§node_modules/ws
§
§2 high severity vulnerabilities

To address all issues, run:
  npm audit fix""",
                code=1,
            ),
        ],
    ),
    "2 high severity vulnerabilities",
    "npm audit as a gate: advisories at or above the level, and their count",
)

case(
    "aq-tcltest-refused-in-passing-gitlab",
    "test.failure",
    "high",
    gitlab(
        "acme/tcl-redis",
        "debian:bookworm-slim",
        [
            Step("apt-get update -qq && apt-get install -y -qq tcl tcllib", "Setting up tcl8.6 (8.6.13+dfsg-2) ..."),
            Step(
                "tclsh tests/all.tcl -verbose pe",
                """Tests running in interp:  /usr/bin/tclsh8.6
Tests located in:  /builds/acme/tcl-redis/tests
Tests running in:  /builds/acme/tcl-redis
Temporary files stored in /builds/acme/tcl-redis
Test files sourced into current interpreter
Running tests that match:  *
Skipping test files that match:  l.*.test
Only running test files that match:  *.test
Tests began at Thu May 02 14:03:22 UTC 2024
client.test
reconnect: connect to 127.0.0.1:6390 failed: connection refused, retrying in 50ms
reconnect: connect to 127.0.0.1:6390 failed: connection refused, retrying in 100ms
++++ client-2.1 PASSED
++++ client-2.2 PASSED
++++ client-2.3 PASSED
proto.test
++++ proto-3.1 PASSED

§==== proto-3.2 parse of a nested array FAILED
§==== Contents of test case:
§
§    redis::parse "*2\\r\\n*1\\r\\n:1\\r\\n\\$1\\r\\nx\\r\\n"
§
§---- Result was:
§{1} x
§---- Result should have been (exact matching):
§{{1} x}
§==== proto-3.2 FAILED
§
§++++ proto-3.3 PASSED
§timeout.test
§++++ timeout-1.1 PASSED
§++++ timeout-1.2 PASSED
§
§Tests ended at Thu May 02 14:03:24 UTC 2024
§all.tcl:	Total	48	Passed	47	Skipped	0	Failed	1
§Sourced 3 Test Files.
§Files with failing tests: proto.test""",
                code=1,
            ),
        ],
    ),
    "==== proto-3.2 parse of a nested array FAILED",
    "tcltest: a passing reconnect test prints refused connections; the failure is a result mismatch",
)

case(
    "aq-cue-vet-conflict-gitlab",
    "config.error",
    "medium",
    gitlab(
        "acme/deploy-config",
        "cuelang/cue:0.8.2",
        [
            Step(
                "cue vet -c ./schema/service.cue ./deploy/api.yaml ./deploy/worker.yaml",
                """§replicas: conflicting values "3" and int (mismatched types string and int):
§    ./deploy/api.yaml:6:11
§    ./schema/service.cue:9:12
§ports.0.port: invalid value 70000 (out of bound <=65535):
§    ./schema/service.cue:14:20
§    ./deploy/worker.yaml:11:13""",
                code=1,
            ),
        ],
    ),
    'replicas: conflicting values "3" and int (mismatched types string and int):',
    "cue vet checks deployment YAML against a schema: the YAML's values are the error (medium: a schema check of"
    " configuration could be read as a lint)",
)

case(
    "aq-reuse-lint-gitlab",
    "lint.error",
    "high",
    gitlab(
        "acme/firmware-tools",
        "fsfe/reuse:3",
        [
            Step(
                "reuse lint",
                """§# MISSING COPYRIGHT AND LICENSING INFORMATION
§
§The following files have no copyright and licensing information:
§* src/flash/erase.c
§* tools/gen_table.py
§
§
§# SUMMARY
§
§* Bad licenses: 0
§* Deprecated licenses: 0
§* Licenses without file extension: 0
§* Missing licenses: 0
§* Unused licenses: 0
§* Used licenses: Apache-2.0, CC0-1.0
§* Read errors: 0
§* Files with copyright information: 118 / 120
§* Files with license information: 118 / 120
§
§Unfortunately, your project is not compliant with version 3.0 of the REUSE Specification :-(""",
                code=1,
            ),
        ],
    ),
    "The following files have no copyright and licensing information:",
    "reuse lint: the files without licence headers, a summary, and its verdict",
)

# ---------------------------------------------------------------- Jenkins

case(
    "aq-sbt-scalafmt-check-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/ledger",
        "ledger",
        [
            Step(
                "sbt -batch scalafmtCheckAll scalafmtSbtCheck",
                """[info] welcome to sbt 1.9.9 (Eclipse Adoptium Java 17.0.11)
[info] loading settings for project ledger-build from plugins.sbt ...
[info] loading project definition from /var/lib/jenkins/workspace/ledger/project
[info] loading settings for project root from build.sbt ...
[info] set current project to ledger (in build file:/var/lib/jenkins/workspace/ledger/)
§[warn] /var/lib/jenkins/workspace/ledger/core/src/main/scala/ledger/Posting.scala isn't formatted properly!
§[warn] /var/lib/jenkins/workspace/ledger/core/src/main/scala/ledger/Journal.scala isn't formatted properly!
§[error] (core / Compile / scalafmtCheck) 2 files must be formatted
[error] Total time: 4 s, completed May 2, 2024, 2:03:40 PM""",
                code=1,
                name="Format",
            ),
            Step("sbt -batch test", name="Test"),
        ],
    ),
    "[error] (core / Compile / scalafmtCheck) 2 files must be formatted",
    "sbt-scalafmt's check: the files as [warn] lines, its verdict as sbt's [error]",
)

case(
    "aq-gprbuild-aunit-failure-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/ledger-ada",
        "ledger-ada",
        [
            Step(
                "gprbuild -P tests/harness.gpr -p -q\n./tests/bin/test_runner",
                """Setup
   [mkdir]        object directory for project Harness
Compile
   [Ada]          test_runner.adb
   [Ada]          ledger-tests.adb
Bind
   [gprbind]      test_runner.bexch
   [Ada]          test_runner.ali
Link
   [link]         test_runner.adb
OK Ledger tests : Post balances a simple entry
OK Ledger tests : Reverse an entry

§FAIL Ledger tests : Rounding to cents
§    Expected 10.01, got 10.00
§    at ledger-tests.adb:58
§
§OK Ledger tests : Reject an unbalanced entry
§
§Total Tests Run:   4
§Successful Tests:  3
§Failed Assertions: 1
§Unexpected Errors: 0""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "FAIL Ledger tests : Rounding to cents",
    "AUnit's text reporter after gprbuild built the harness: one failed assertion and its totals",
)

case(
    "aq-fpm-test-drive-jenkins",
    "test.failure",
    "high",
    jenkins(
        "acme/tally-f",
        "tally-f",
        [
            Step(
                "fpm test --profile debug",
                """tally_parser.f90                       done.
tally.f90                              done.
libtally.a                             done.
test_parser.f90                        done.
main.f90                               done.
tester                                 done.
[100%] Project compiled successfully.
# Testing: parser
  Starting parse-integer ... (1/3)
       ... parse-integer [PASSED]
§  Starting parse-real ... (2/3)
§       ... parse-real [FAILED]
§  Message: Floating point value missmatch
§  Arguments: expected 2.00000000000000 but got 2.50000000000000
§  Starting parse-empty ... (3/3)
§       ... parse-empty [PASSED]
§1 test(s) failed!
§ERROR STOP
§
§Error termination. Backtrace:
§#0  0x7f3a1c2b4f1e in ???
§#1  0x55d1e2a3b4c5 in tester
§	at test/main.f90:31
§<ERROR> Execution for object " tester " returned exit code  1
§<ERROR> *cmd_run*:stopping due to failed executions
§STOP 1""",
                code=1,
                name="Test",
            ),
        ],
    ),
    "       ... parse-real [FAILED]",
    "test-drive under fpm: the failing check's message, its ERROR STOP and backtrace, fpm's verdict",
)

case(
    "aq-chapel-unresolved-call-jenkins",
    "compile.error",
    "high",
    jenkins(
        "acme/heat-sim",
        "heat-sim",
        [
            Step(
                "chpl --fast -o bin/sim src/Sim.chpl src/Grid.chpl",
                """§src/Sim.chpl:14: In function 'main':
§src/Sim.chpl:22: error: unresolved call 'step(Grid, int(64))'
§src/Grid.chpl:40: note: this candidate did not match: step(ref g: Grid, dt: real)
§src/Sim.chpl:22: note: because call actual argument #2 with type 'int(64)'
§src/Grid.chpl:40: note: is passed to formal 'dt: real(64)'""",
                code=1,
                name="Build",
            ),
            Step("./bin/sim --n=64 --steps=10", name="Smoke"),
        ],
    ),
    "src/Sim.chpl:22: error: unresolved call 'step(Grid, int(64))'",
    "chpl's unresolved call and its notes on the candidate",
)

case(
    "aq-clang-format-werror-jenkins",
    "lint.error",
    "high",
    jenkins(
        "acme/imgcodec",
        "imgcodec",
        [
            Step(
                "find src include -name '*.[ch]' | xargs clang-format-17 --dry-run --Werror",
                """§src/decode.c:42:11: error: code should be clang-formatted [-Wclang-format-violations]
§    if(len>0){
§          ^
§src/decode.c:57:2: error: code should be clang-formatted [-Wclang-format-violations]
§	return  rc;
§ ^
§include/codec.h:9:30: error: code should be clang-formatted [-Wclang-format-violations]
§int codec_open(const char*path,int flags);
§                             ^""",
                code=123,
                name="Format",
            ),
            Step("cmake --build build", name="Build"),
        ],
    ),
    "src/decode.c:42:11: error: code should be clang-formatted [-Wclang-format-violations]",
    "clang-format --Werror prints its findings in the compiler's diagnostic shape; xargs exits 123",
)

# ---------------------------------------------------------------- Travis CI

case(
    "aq-plunit-failed-travis",
    "test.failure",
    "high",
    travis(
        "acme/plkit",
        "prolog",
        [
            Step(
                "sudo apt-add-repository -y ppa:swi-prolog/stable && sudo apt-get install -y swi-prolog-nox",
                "Setting up swi-prolog-nox (9.2.4-1-g8a2b3c4d5-jammyppa2) ...",
                name="before_install",
            ),
            Step(
                "swipl -g run_tests -t halt tests/run.pl",
                """% PL-Unit: lists ..
§ERROR: /home/travis/build/acme/plkit/tests/lists.plt:14:
§	test split_at: failed
§
§. done
§% PL-Unit: strings .... done
§% 1 test failed
§% 9 tests passed""",
                code=1,
                name="script",
            ),
        ],
    ),
    "	test split_at: failed",
    "plunit under swipl: the failing test's location and name, and the run's tally",
)

case(
    "aq-dhall-unbound-travis",
    "config.error",
    "medium",
    travis(
        "acme/deploy-dhall",
        "haskell",
        [
            Step(
                "curl -fsSL https://github.com/dhall-lang/dhall-haskell/releases/download/1.42.1/dhall-yaml-1.2.12-x86_64-linux.tar.bz2 | tar -xj",
                "",
                name="install",
            ),
            Step(
                "./bin/dhall-to-yaml --file deploy/config.dhall --output deploy/config.yaml",
                """§dhall-to-yaml:
§Error: Unbound variable: enviroment
§
§4│   , env = enviroment
§
§/home/travis/build/acme/deploy-dhall/deploy/config.dhall:4:11""",
                code=1,
                name="script",
            ),
        ],
    ),
    "Error: Unbound variable: enviroment",
    "dhall-to-yaml rendering a config: a misspelt name in the Dhall file (medium: a config file, or a compile of one)",
)

case(
    "aq-ponytest-passing-timeout-name-travis",
    "test.failure",
    "high",
    travis(
        "acme/pony-queue",
        "c",
        [
            Step("corral fetch", "fetch:\n  git clone https://github.com/ponylang/ponytest.git", name="install"),
            Step(
                "corral run -- ponyc -o build test && ./build/test --sequential",
                """Building builtin -> /home/travis/.local/share/ponyup/ponyc-release-0.58.3-x86_64-linux-ubuntu22.04/packages/builtin
Building test -> /home/travis/build/acme/pony-queue/test
Building pony_test -> /home/travis/.local/share/ponyup/ponyc-release-0.58.3-x86_64-linux-ubuntu22.04/packages/pony_test
Building queue -> /home/travis/build/acme/pony-queue/queue
Generating
 Reachability
 Selector painting
 Data prototypes
 Data types
 Function prototypes
 Functions
 Descriptors
Optimising
Writing ./build/test.o
Linking ./build/test
1 test started, 0 complete: queue/push started
1 test started, 1 complete: queue/push complete
1 test started, 1 complete: queue/pop on a closed queue times out started
1 test started, 2 complete: queue/pop on a closed queue times out complete
1 test started, 2 complete: queue/connection reset drops the consumer started
1 test started, 3 complete: queue/connection reset drops the consumer complete
1 test started, 3 complete: queue/drain started
§**** FAILED: queue/drain
§Assert EQ failed. Expected (4) == (3)
§    /home/travis/build/acme/pony-queue/test/_test_queue.pony:48
§1 test started, 4 complete: queue/drain complete
§---- Passed: queue/push
§---- Passed: queue/pop on a closed queue times out
§---- Passed: queue/connection reset drops the consumer
§**** FAILED: queue/drain
§----
§---- 4 tests ran.
§---- Passed: 3
§**** FAILED: 1 test, listed below:
§**** FAILED: queue/drain""",
                code=1,
                name="script",
            ),
        ],
    ),
    "Assert EQ failed. Expected (4) == (3)",
    "ponytest: passing tests named for a time-out and a connection reset; one assertion fails",
)

# ---------------------------------------------------------------- Azure Pipelines

case(
    "aq-azure-job-max-time-verdict",
    "timeout",
    "high",
    azure(
        "acme/geo-engine",
        "Job",
        [
            Step("cmake --build build -j 4", "[412/412] Linking CXX executable bin/geo_tests", name="Build"),
            Step(
                "ctest --test-dir build --output-on-failure",
                """Test project D:/a/1/s/build
      Start  1: geo_unit
 1/42 Test  #1: geo_unit .........................   Passed    0.41 sec
      Start  2: geo_projection
 2/42 Test  #2: geo_projection ...................   Passed    1.92 sec
      Start  3: geo_index_bulk_load
 3/42 Test  #3: geo_index_bulk_load ..............   Passed  412.18 sec
      Start  4: geo_index_concurrent_queries""",
                code=1,
                name="Test",
                error="§##[error]The job running on agent Azure Pipelines 3 ran longer than the maximum time of 60 minutes."
                " For more information, see https://go.microsoft.com/fwlink/?linkid=2077134\n##[error]The operation was canceled.",
            ),
        ],
    ),
    "##[error]The job running on agent Azure Pipelines 3 ran longer than the maximum time of 60 minutes.",
    "the platform's time limit is the only cause: ctest had passed three tests and was running the fourth",
)

case(
    "aq-v-test-failed-azure",
    "test.failure",
    "high",
    azure(
        "acme/vcalc",
        "Windows",
        [
            Step("v -version", "V 0.4.5 b2c3d4e", name="V version"),
            Step(
                "v test .",
                """---- Testing... ----------------------------------------------------------------------------------
 OK    [1/4]   412.118 ms D:\\a\\1\\s\\src\\lexer_test.v
§ FAIL  [2/4]   398.204 ms D:\\a\\1\\s\\src\\parser_test.v
§D:\\a\\1\\s\\src\\parser_test.v:27: ✗ fn test_parse_nested_call
§   > assert p.parse('f(g(1))') == 'call(f, call(g, 1))'
§     Left value (len: 13): `call(f, g(1))`
§    Right value (len: 19): `call(f, call(g, 1))`
§
§ OK    [3/4]   401.775 ms D:\\a\\1\\s\\src\\printer_test.v
§ OK    [4/4]   399.010 ms D:\\a\\1\\s\\src\\scanner_test.v
§----------------------------------------------------------------------------------------------------
§Summary for all V _test.v files: 1 failed, 3 passed, 4 total. Elapsed time: 1612 ms, on 4 parallel jobs.""",
                code=1,
                name="v test",
            ),
        ],
    ),
    "D:\\a\\1\\s\\src\\parser_test.v:27: ✗ fn test_parse_nested_call",
    "v test on a Windows agent: the failing file, its assertion with both values, V's summary",
)

# ---------------------------------------------------------------- CircleCI

case(
    "aq-circleci-no-output-timeout",
    "timeout",
    "high",
    _circleci(
        "cimg/python:3.12",
        """#!/bin/bash -eo pipefail
make integration
docker compose -f tests/compose.yml up -d --wait
 Container tests-minio-1  Healthy
 Container tests-postgres-1  Healthy
python -m tests.integration --suite full
[integration] upload_small ... ok (0.42s)
[integration] upload_multipart ... ok (3.11s)
[integration] resume_after_connection_reset ... ok (5.07s)
[integration] download_range ... ok (0.38s)
[integration] replicate_bucket ...
§Too long with no output (exceeded 10m0s): context deadline exceeded""",
    ),
    "Too long with no output (exceeded 10m0s): context deadline exceeded",
    "CircleCI's no-output limit is the only verdict; a passing case above is named for a connection reset",
)

case(
    "aq-circleci-odin-vet",
    "compile.error",
    "high",
    _circleci(
        "cimg/base:2024.05",
        """#!/bin/bash -eo pipefail
curl -fsSL https://github.com/odin-lang/Odin/releases/download/dev-2024-05/odin-ubuntu-amd64-dev-2024-05.zip -o odin.zip && unzip -q odin.zip -d /tmp/odin
#!/bin/bash -eo pipefail
/tmp/odin/odin build src -out:bin/raycast -o:speed -vet -strict-style
§/home/circleci/project/src/render.odin(41:9) Error: Undeclared name: clamp_color
§	px := clamp_color(c * shade)
§	      ^~~~~~~~~~^
§/home/circleci/project/src/render.odin(3:2) Error: 'core:math/linalg' declared and not used
§	import "core:math/linalg"
§	^~~~~~~~~~~~~~~~~~~~~~~~^

Exited with code exit status 1""",
    ),
    "/home/circleci/project/src/render.odin(41:9) Error: Undeclared name: clamp_color",
    "odin build with -vet: an undeclared name and an unused import, each with its source line",
)

# ---------------------------------------------------------------- Buildkite

case(
    "aq-safety-check-buildkite",
    "lint.error",
    "high",
    plain(
        """$ pip install safety==2.3.5 && safety check -r requirements.txt --full-report
Successfully installed safety-2.3.5 dparse-0.6.3 ruamel.yaml-0.18.6
+==============================================================================+

                               /$$$$$$            /$$
                              /$$__  $$          | $$
           /$$$$$$$  /$$$$$$ | $$  \\__//$$$$$$  /$$$$$$   /$$   /$$
          /$$_____/ |____  $$| $$$$   /$$__  $$|_  $$_/  | $$  | $$
         |  $$$$$$   /$$$$$$$| $$_/  | $$$$$$$$  | $$    | $$  | $$
          \\____  $$ /$$__  $$| $$    | $$_____/  | $$ /$$| $$  | $$
          /$$$$$$$/|  $$$$$$$| $$    |  $$$$$$$  |  $$$$/|  $$$$$$$
         |_______/  \\_______/|__/     \\_______/   \\___/   \\____  $$
                                                          /$$  | $$
                                                         |  $$$$$$/
  by pyup.io                                              \\______/

+==============================================================================+

 REPORT

  Safety v2.3.5 is scanning for Vulnerabilities...
  Scanning dependencies in your files:

  -> requirements.txt

  Using non-commercial database
  Found and scanned 34 packages
  Timestamp 2024-05-02 14:03:22
§  2 vulnerabilities found
§  0 vulnerabilities ignored
§+==============================================================================+
§ VULNERABILITIES FOUND
§+==============================================================================+
§
§-> Vulnerability found in jinja2 version 3.1.2
§   Vulnerability ID: 64227
§   Affected spec: <3.1.3
§   ADVISORY: Jinja2 before 3.1.3 is vulnerable to XSS in the xmlattr filter.
§   CVE-2024-22195
§   For more information, visit https://data.safetycli.com/v/64227/97c
§
§-> Vulnerability found in urllib3 version 2.0.6
§   Vulnerability ID: 61893
§   Affected spec: <2.0.7
§   ADVISORY: urllib3 does not remove the body of a request on a 303 redirect.
§   CVE-2023-45803
§   For more information, visit https://data.safetycli.com/v/61893/97c
§
§+==============================================================================+""",
        name="intake-api",
    ),
    "-> Vulnerability found in jinja2 version 3.1.2",
    "safety's report on a raw Buildkite step: its banner, the count, each vulnerable requirement",
)

case(
    "aq-stylua-check-buildkite",
    "lint.error",
    "high",
    plain(
        """$ stylua --check src spec
§Diff in src/inventory.lua:
§1     |-local M = {items={}}
§    1 |+local M = { items = {} }
§2   2 |
§3     |-function M.add(name,count)
§    3 |+function M.add(name, count)
§4   4 |   M.items[name] = (M.items[name] or 0) + count
§Diff in spec/inventory_spec.lua:
§12    |-  assert.are.same({count=0,name='rope'}, got)
§   12 |+  assert.are.same({ count = 0, name = "rope" }, got)""",
        name="inventory-lua",
    ),
    "Diff in src/inventory.lua:",
    "StyLua's --check prints each file's diff and no verdict of its own",
)

# ---------------------------------------------------------------- Drone, Woodpecker, TeamCity

case(
    "aq-selene-drone",
    "lint.error",
    "high",
    _drone(
        "acme/game-scripts",
        [
            Step("selene --version", "selene 0.27.1"),
            Step(
                "selene src",
                """§error[undefined_variable]: `prnt` is not defined
§  ┌─ src/main.lua:4:5
§  │
§4 │     prnt("starting")
§  │     ^^^^
§
§warning[unused_variable]: tmp is assigned a value, but never used
§   ┌─ src/main.lua:11:11
§   │
§11 │     local tmp = queue:pop()
§   │           ^^^
§
§Results:
§1 errors
§1 warnings
§0 parse errors""",
                code=1,
            ),
        ],
    ),
    "error[undefined_variable]: `prnt` is not defined",
    "selene's findings in a compiler's codespan shape (`error[rule]:`), in a Drone step with no exit line",
)

case(
    "aq-djlint-woodpecker",
    "lint.error",
    "high",
    _woodpecker(
        "acme/booking",
        [
            Step("pip install djlint==1.34.1", "Successfully installed djlint-1.34.1 regex-2024.4.28 tqdm-4.66.4"),
            Step(
                "djlint booking/templates --lint",
                """Linting 12/12 files ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 00:00

§booking/templates/base.html
§───────────────────────────────────────────────────────────────────────────────
§H006 12:4 Img tag should have height and width attributes. <img src="{{ logo_url }}"
§H013 12:4 Img tag should have an alt attribute. <img src="{{ logo_url }}"
§
§booking/templates/booking/confirm.html
§───────────────────────────────────────────────────────────────────────────────
§T003 3:0 Endblock should have name. Ex: {% endblock body %}. {% endblock %}
§
§Linted 12 files, found 3 errors.""",
                code=1,
            ),
        ],
    ),
    "Linted 12 files, found 3 errors.",
    "djLint's findings per template in a Woodpecker step, and its count",
)

case(
    "aq-vulture-teamcity",
    "lint.error",
    "high",
    _teamcity(
        "acme/reporting",
        [
            Step("pip install -r requirements-dev.txt", "Successfully installed vulture-2.11", name="Install"),
            Step(
                "vulture src/ whitelist.py",
                """§src/reporting/export.py:41: unused function 'legacy_export' (60% confidence)
§src/reporting/util.py:3: unused import 'itertools' (90% confidence)
§src/reporting/util.py:57: unreachable code after 'return' (100% confidence)""",
                code=3,
                name="Dead code",
            ),
            Step("pytest", name="Tests"),
        ],
    ),
    "src/reporting/util.py:3: unused import 'itertools' (90% confidence)",
    "vulture's dead-code findings in TeamCity's downloaded log, every line under its [Step 2/3] block",
)
