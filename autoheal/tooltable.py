"""The tool table: each ecosystem's well-known tools by what a failure of theirs is (tools.py reads it).

Built from the tools each ecosystem documents as its standard ones (PyPA/PyCQA, npm, RubyGems, Go,
Cargo, Maven/Gradle, .NET, Xcode/SwiftPM, Hex, Cabal/Stack, PHP, CMake/Make, Nix, Bazel...), not from
the tools of any benchmark. One row per ecosystem or kind of tool reads better than one long list.
"""

from __future__ import annotations

from autoheal import lazyre


def _names(text: str) -> list[str]:
    """A table row: tool names separated by spaces (one line per ecosystem reads better than a list)."""
    return text.split()


LINT, TEST, COMPILE, DEPS = "lint.error", "test.failure", "compile.error", "dependency.resolution"
SYNTAX, CONFIG = "syntax.error", "config.error"

LINTERS = _names(
    "flake8 pylint ruff pycodestyle pep8 pyflakes pydocstyle pep257 bandit mypy pyright pytype black isort yapf "
    "autopep8 codespell yamllint shellcheck shfmt hadolint markdownlint markdownlint-cli2 mdl remark "
    "eslint tslint jshint jscs jslint stylelint prettier standard xo biome dprint rubocop reek scss-lint "
    "haml-lint erb_lint brakeman golint golangci-lint gofmt goimports staticcheck revive errcheck ineffassign "
    "gosec clippy-driver rustfmt ktlint detekt checkstyle spotless pmd spotbugs findbugs swiftlint swiftformat "
    "clang-format clang-tidy cppcheck cpplint iwyu phpcs php-cs-fixer phpstan psalm phpmd credo dialyzer elvis "
    "hlint ormolu fourmolu stylish-haskell luacheck vint editorconfig-checker eclint commitlint actionlint tflint "
    "ansible-lint kubeval kubeconform xmllint jsonlint htmlhint htmlproofer awesome_bot markdown-link-check lychee "
    "alex write-good proselint vale pre-commit lint-staged danger scalafmt scalastyle scalafix cljfmt clj-kondo "
    "eastwood kibit checkmake cmake-lint cmakelint buildifier protolint sqlfluff dotnet-format stylua selene "
    "elm-format elm-review mix-format licensee reuse typos misspell "
    # Size, API-compatibility, packaging and dependency-hygiene checkers (they fail like linters).
    "size-limit bundlesize bundlewatch api-extractor publint attw knip depcheck madge japicmp revapi "
    "cargo-semver-checks cargo-deny cargo-audit cargo-udeps cargo-machete twine check-manifest "
    "check-wheel-contents pyroma validate-pyproject addlicense license-checker linkinator "
    "markdown-link-check muffet liche "
    # Docstring and dead-code checkers, type checkers run as a check, formatters of further languages.
    "interrogate docstr-coverage darglint vulture deptry pylama prospector semgrep srb steep flow pyre "
    "ktfmt google-java-format swift-format nixfmt nixpkgs-fmt alejandra statix deadnix taplo yamlfmt perltidy "
    "perlcritic cspell textlint spectral kube-linter kube-score checkov tfsec terrascan conftest djlint "
    # Vulnerability and secret scanners (RustSec, the Go and PyPA advisory databases, OSV, containers).
    "govulncheck pip-audit safety osv-scanner trivy grype bundle-audit bundler-audit gitleaks trufflehog "
    "detect-secrets "
    # Further ecosystems' linters, formatters and static analysers (each one's documented checker).
    "markdownlint-cli standardrb erblint slim-lint rails_best_practices gofumpt golines gocritic nilaway "
    "deadcode gocyclo phpcbf rector phan deptrac composer-require-checker composer-normalize weeder stan "
    "cabal-fmt ocamlformat include-what-you-use scan-build codechecker infer flawfinder bashate checkbashisms "
    "terraform-docs cfn-lint cfn-nag zizmor dockerfilelint squawk api-linter license-eye gitlint check-jsonschema "
    "ajv rstcheck doc8 sphinx-lint pyupgrade autoflake docformatter blacken-docs mdformat nbqa radon xenon "
    "basedpyright svelte-check ember-template-lint oxlint eslint_d ts-standard jscpd lockfile-lint "
    "sort-package-json syncpack manypkg htmltest linkchecker ec "
    # Each ecosystem's further documented checkers (authored batch u found the first of them missing): BEAM,
    # Crystal, Swift, Kotlin, C/C++, Lua, Perl, Python's newer type checkers, PHP, Ruby, .NET, JS, IaC/images.
    "erlfmt ameba periphery diktat palantir-java-format iwyu_tool clazy oclint uncrustify astyle vera++ gersemi "
    "lua-language-server podchecker tidyall shellharden pyrefly ty refurb pydoclint slotscheck flynt pycln "
    "unimport pyproject-fmt check-sdist abi3audit pint ecs phpinsights composer-unused twigcs phpcpd phpmnd "
    "composer-dependency-analyser roave-backward-compatibility-check rufo stree rubycritic fasterer yard-junk "
    "csharpier roslynator rome sherif html-validate depcruise dependency-cruiser ts-prune type-coverage retire "
    "audit-ci better-npm-audit woke kics dockle polaris pluto kubesec kubeaudit regal cfn-guard cfn_nag_scan "
    "vacuum oasdiff snyk action-validator reviewdog lefthook prek qodana sonar-scanner ggshield talisman "
    "git-secrets gocognit dupl exhaustive unparam unconvert goconst errorlint prealloc fieldalignment cabal-gild "
    # (Doxygen fails a build on its WARN_AS_ERROR, a documentation check; Fantomas is F#'s formatter.)
    "brittany doxygen fantomas"
)
TESTERS = _names(
    "pytest py.test nosetests nose2 tox nox trial green ward unittest jest mocha karma jasmine ava tap tape vitest "
    "cypress playwright protractor qunit testem rspec minitest cucumber behat phpunit pest codecept paratest "
    "gotestsum ginkgo ctest prove busted bats shellspec xunit nunit vstest testthat julia-test tarpaulin "
    "grcov kaocha midje phpspec kahlan infection stryker mutmut robot pabot behave testcafe nightwatch wdio "
    "detox newman elm-test yath luaunit tsd c8 nyc uvu lab wtr web-test-runner richgo molecule kitchen "
    "container-structure-test vstest.console "
    # Further documented runners: Nim's testament, TypeScript type tests, HTTP/API and infrastructure tests,
    # shell and xUnit-style harnesses, .NET consoles, Common Test, Symfony's PHPUnit bridge.
    "testament tstyche hurl schemathesis dredd artillery bashunit shunit2 cucumber-js codeceptjs gtest-parallel "
    "stestr testr zope-testrunner elm-test-rs tparse simple-phpunit atoum inspec goss dgoss themis ct_run "
    "nunit3-console nunit-console xunit.console mstest patrol"
)
COMPILERS = _names(
    "gcc g++ clang clang++ cc c++ cl icc javac kotlinc scalac tsc babel webpack rollup esbuild parcel vite "
    "rustc ghc elm nim zig crystal erlc elixirc dune ocamlfind ocamlopt swiftc msbuild xcodebuild ninja cmake "
    "make gmake nmake bazel buck meson scons ant ng gulp grunt "
    # Further compilers, code generators and bundlers by their documented commands.
    "nvcc emcc em++ clang-cl protoc flatc thrift qmake xmake premake5 nix-build purs gfortran fpc dmd ldc2 "
    "vue-tsc tsgo glint tsup tsdown swc microbundle pkgroll ncc rspack rsbuild idris2 agda coqc lean odin chpl "
    "cobc gnatmake gprbuild ponyc haxe solc vyper "
    # TeX's engines and drivers, Typst, and static-site generators: they compile a document or a site.
    "latexmk pdflatex xelatex lualatex latex tectonic typst hugo zola jekyll"
)
PACKAGERS = _names(
    "pip pip3 pipenv poetry conda mamba micromamba uv pdm hatch npm yarn pnpm bower bundle bundler gem composer "
    "cargo-fetch nuget pod carthage apt apt-get yum dnf apk brew choco opam cpanm cpan luarocks cabal-install "
    "rosdep vcpkg conan shards carton cpm zef pip-compile pip-sync conda-lock pacman zypper tlmgr pear pecl spack"
)
SYNTAX_CHECKS = {
    *("php -l", "python -m py_compile", "python3 -m py_compile", "bash -n", "sh -n", "node --check", "ruby -c"),
    # perl's and luac's parse-only switches, the POSIX shells' -n, compileall's byte-compile of a tree.
    *("perl -c", "perl -wc", "luac -p", "zsh -n", "dash -n", "node -c"),
    *("python -m compileall", "python3 -m compileall"),
}
# (tool, first argument) pairs that settle what a multi-purpose tool did.
SUBCOMMANDS: dict[tuple[str, str], str] = {
    **{("go", a): c for a, c in (("test", TEST), ("vet", LINT), ("build", COMPILE), ("install", COMPILE))},
    **{("go", a): DEPS for a in ("get", "mod")},
    **{("cargo", a): c for a, c in (("test", TEST), ("nextest", TEST), ("clippy", LINT), ("fmt", LINT))},
    **{("cargo", a): LINT for a in ("semver-checks", "deny", "audit", "udeps", "machete", "outdated")},
    **{("cargo", a): COMPILE for a in ("build", "check", "doc", "run")},
    **{("cargo", a): DEPS for a in ("fetch", "update", "install")},
    **{("dotnet", a): c for a, c in (("test", TEST), ("build", COMPILE), ("restore", DEPS), ("format", LINT))},
    **{("dotnet", a): COMPILE for a in ("publish", "pack", "msbuild")},
    **{("swift", a): c for a, c in (("test", TEST), ("build", COMPILE), ("package", DEPS), ("format", LINT))},
    **{("mix", a): c for a, c in (("test", TEST), ("compile", COMPILE), ("deps.get", DEPS), ("format", LINT))},
    **{("mix", a): LINT for a in ("credo", "dialyzer", "sobelow", "hex.audit", "deps.audit")},
    **{("stack", a): c for a, c in (("test", TEST), ("build", COMPILE), ("setup", DEPS))},
    **{("cabal", a): c for a, c in (("test", TEST), ("build", COMPILE), ("install", DEPS))},
    **{("flutter", a): c for a, c in (("test", TEST), ("analyze", LINT), ("build", COMPILE), ("pub", DEPS))},
    **{("dart", a): c for a, c in (("test", TEST), ("analyze", LINT), ("format", LINT), ("compile", COMPILE))},
    **{("dart", a): c for a, c in (("pub", DEPS), ("fix", LINT))},
    # ``validate`` checks a tool's own configuration language (HCL: Terraform's, OpenTofu's, Packer's docs).
    **{(tf, a): c for tf in ("terraform", "tofu") for a, c in (("fmt", LINT), ("validate", CONFIG), ("init", DEPS))},
    **{("rebar3", a): c for a, c in (("eunit", TEST), ("ct", TEST), ("compile", COMPILE), ("dialyzer", LINT))},
    **{("lein", a): c for a, c in (("test", TEST), ("midje", TEST), ("compile", COMPILE), ("deps", DEPS))},
    **{("sbt", a): c for a, c in (("test", TEST), ("compile", COMPILE), ("scalafmtCheck", LINT))},
    **{("r", a): c for a, c in (("check", TEST), ("build", COMPILE), ("install", DEPS))},
    **{("bazel", a): c for a, c in (("test", TEST), ("coverage", TEST), ("build", COMPILE), ("fetch", DEPS))},
    **{("bazelisk", a): c for a, c in (("test", TEST), ("coverage", TEST), ("build", COMPILE))},
    **{("meson", a): c for a, c in (("test", TEST), ("compile", COMPILE), ("setup", COMPILE))},
    **{("buf", a): c for a, c in (("lint", LINT), ("breaking", LINT), ("format", LINT), ("generate", COMPILE))},
    **{("deno", a): c for a, c in (("test", TEST), ("lint", LINT), ("fmt", LINT), ("check", COMPILE))},
    **{("zig", a): c for a, c in (("test", TEST), ("fmt", LINT), ("build", COMPILE))},
    **{("gleam", a): c for a, c in (("test", TEST), ("format", LINT), ("build", COMPILE), ("deps", DEPS))},
    **{("helm", a): c for a, c in (("lint", LINT), ("dependency", DEPS))},
    **{("composer", a): LINT for a in ("audit", "validate")},
    **{(pm, "audit"): LINT for pm in ("npm", "yarn", "pnpm")},
    **{("crystal", "spec"): TEST, ("dune", "test"): TEST, ("dune", "runtest"): TEST, ("dune", "build"): COMPILE},
    **{("xcodebuild", a): c for a, c in (("test", TEST), ("analyze", LINT), ("build", COMPILE))},
    **{("ng", a): c for a, c in (("test", TEST), ("e2e", TEST), ("lint", LINT), ("build", COMPILE))},
    **{("react-scripts", a): c for a, c in (("test", TEST), ("build", COMPILE))},
    **{("next", a): c for a, c in (("lint", LINT), ("build", COMPILE))},
    **{("astro", a): c for a, c in (("check", LINT), ("build", COMPILE))},
    **{("rails", "test"): TEST, ("cabal", "check"): LINT, ("nimble", "test"): TEST, ("changeset", "status"): LINT},
    **{("rebar3", a): c for a, c in (("xref", LINT), ("fmt", LINT), ("lint", LINT), ("proper", TEST))},
    **{("ninja", a): TEST for a in ("test", "check")},
    **{("helm", "unittest"): TEST, ("opa", "test"): TEST, ("ct", "lint"): LINT, ("prototool", "lint"): LINT},
    **{("packer", "validate"): CONFIG, ("packer", "fmt"): LINT, ("cue", "fmt"): LINT, ("dhall", "format"): LINT},
    # Sphinx's link checker and spelling builders check the docs (``sphinx-build -b linkcheck``).
    **{("sphinx-build", a): LINT for a in ("linkcheck", "spelling")},
    **{("pod", a): LINT for a in ("lib lint", "spec lint")},
    **{("cargo", a): TEST for a in ("llvm-cov", "tarpaulin", "miri", "insta")},
    **{("cargo", a): LINT for a in ("sort", "spellcheck", "vet")},
    **{("cargo", a): COMPILE for a in ("hack", "minimal-versions")},
    # `git diff --exit-code` / `--quiet` fails only when the tree changed: a check that generated files are fresh.
    ("git", "diff"): LINT,
    # `nix flake check` evaluates the flake and runs its checks, its tests (nix manual); `nix build` builds.
    ("nix", "flake check"): TEST,
    ("nix", "build"): COMPILE,
    # Subcommands that change what a tool does (batch u's misses first; then each tool's documented ones).
    **{("dune", a): c for a, c in (("build @fmt", LINT), ("fmt", LINT), ("build @runtest", TEST))},
    **{("zig", "build test"): TEST, ("opam", "lint"): LINT, ("crystal", "tool format"): LINT, ("zef", "test"): TEST},
    ("swift", "package diagnose-api-breaking-changes"): LINT,
    **{("composer", a): LINT for a in ("normalize", "unused")},
    **{("dotnet", a): c for a, c in (("csharpier", LINT), ("fantomas", LINT), ("vstest", TEST), ("stryker", TEST))},
    # ``dotnet tool restore`` fetches tools; ``dotnet tool run X`` runs X, no install (.NET CLI docs).
    **{("dotnet", a): DEPS for a in ("workload", "tool restore", "tool install", "tool update")},
    **{("cabal", a): TEST for a in ("v2-test", "new-test")},
    **{("cabal", a): COMPILE for a in ("v2-build", "new-build")},
    **{("cabal", a): DEPS for a in ("update", "v2-update", "freeze", "v2-install")},
    **{("luarocks", a): c for a, c in (("test", TEST), ("lint", LINT), ("make", COMPILE))},
    **{("pants", a): c for a, c in (("test", TEST), ("lint", LINT), ("fmt", LINT), ("package", COMPILE))},
    **{("pants", a): LINT for a in ("tailor", "update-build-files")},
    **{("dub", a): c for a, c in (("test", TEST), ("build", COMPILE), ("lint", LINT))},
    **{("buck", "test"): TEST, ("xmake", "test"): TEST, ("nimble", "check"): LINT, ("go", "fmt"): LINT},
    **{("nix", "fmt"): LINT, ("bundle", "audit"): LINT, ("poetry", "check"): LINT, ("ct", "install"): TEST},
    **{("trunk", a): LINT for a in ("check", "fmt")},
    **{("deno", a): DEPS for a in ("install", "cache")},
    **{("mix", a): c for a, c in (("coveralls", TEST), ("xref", LINT))},
    **{("rye", a): DEPS for a in ("sync", "lock")},
    **{("goreleaser", a): c for a, c in (("check", LINT), ("build", COMPILE))},
    **{("cargo", a): c for a, c in (("binstall", DEPS), ("msrv", COMPILE), ("mutants", TEST))},
    **{("cargo", a): LINT for a in ("shear", "about", "dylint", "public-api", "rdme", "check-external-types")},
    **{("cargo", a): COMPILE for a in ("package", "zigbuild", "ndk")},  # publish's registry refusals: no compile
    **{(t, a): c for t in ("wasm-pack", "cross") for a, c in (("test", TEST), ("build", COMPILE))},
    **{("cross", a): c for a, c in (("check", COMPILE), ("clippy", LINT))},
    **{("fastlane", a): c for a, c in (("scan", TEST), ("gym", COMPILE))},
    # ``shards build`` compiles a shard's targets, ``patrol build`` the test apps; sbt's tasks by its docs.
    **{("shards", "build"): COMPILE, ("patrol", "build"): COMPILE, ("sbt", "update"): DEPS, ("flutter", "drive"): TEST},
    ("prisma", "validate"): LINT,
    # sbt's checking tasks (sbt-scalafix, sbt-scalafmt, sbt-header, scalastyle); ``alembic check`` fails when
    # autogenerate finds changes no migration has (Alembic's docs): a freshness check, as a stale generated file.
    **{("sbt", a): LINT for a in ("scalafix", "scalafixAll", "scalafmtCheckAll", "scalafmtSbtCheck", "scalastyle")},
    **{("sbt", "headerCheck"): LINT, ("sbt", "headerCheckAll"): LINT, ("alembic", "check"): LINT},
    **{("sbt", a): COMPILE for a in ("compileIncremental", "doc", "package")},
    # A browser runner's install downloads its browsers: a dependency step, not a test run.
    **{(t, "install"): DEPS for t in ("playwright", "cypress")},
    ("python", "-m"): "",
    ("carton", "exec"): "",  # runs X with the bundle's libraries (Carton's docs): X decides, as after python -m
    ("npx", ""): "",
}
# Maven/Gradle phases and tasks: the last one named decides.
BUILD_GOALS = {
    **dict.fromkeys(("test", "verify", "check", "integration-test", "connectedCheck", "jacocoTestReport"), TEST),
    **dict.fromkeys(("compile", "package", "install", "assemble", "build", "jar", "compileJava"), COMPILE),
    **dict.fromkeys(("checkstyle:check", "spotless:check", "spotlessCheck", "ktlintCheck", "detekt", "lint"), LINT),
    **dict.fromkeys(("dependency:resolve", "dependencies", "dependency:go-offline"), DEPS),
    # Checks named as analyses or by their plugin (OWASP dependency-check, Gradle's PMD and diktat plugins,
    # maven-dependency-plugin's analyze goals, the dependency-analysis plugin, Kover's verification).
    **dict.fromkeys(("dependencyCheckAnalyze", "dependencyCheckAggregate", "pmdMain", "pmdTest", "diktatCheck"), LINT),
    **dict.fromkeys(("dependency:analyze", "dependency:analyze-only", "dependency:analyze-dep-mgt"), LINT),
    **dict.fromkeys(("dependency:analyze-duplicate", "buildHealth", "projectHealth", "animalsnifferMain"), LINT),
    "koverVerify": TEST,
}
# Maven plugins by what their goals check (each plugin's documentation): ``mvn <prefix>:<goal>``.
MAVEN_PLUGINS = {
    **dict.fromkeys(("surefire", "failsafe", "surefire-report"), TEST),
    **dict.fromkeys(("compiler", "kotlin", "scala", "groovy", "gmavenplus", "antlr4", "protobuf"), COMPILE),
    **dict.fromkeys(
        _names(
            "checkstyle pmd spotbugs findbugs spotless enforcer apache-rat rat license javadoc animal-sniffer revapi "
            "japicmp fmt formatter sortpom impsort forbiddenapis dependency-check duplicate-finder modernizer "
            "ktlint detekt scalastyle scalafmt tidy editorconfig"
        ),
        LINT,
    ),
}
# Words of script and target names (make lint, npm run test:unit, script/build).
WORDS = (
    (
        lazyre.compile(
            r"(?i)lint|style|fmt|format|prettier|tidy|vet|typecheck|type-check|spell|codestyle|cs-check|"
            r"licen[cs]e|copyright|spdx|linkcheck|link-check|dead-?links|size-limit|semver|detekt|checkstyle|"
            r"spotless|spotbugs|api-?check|vulncheck|"
            # A check of something named (``check-generated``, ``docs_check``, ``check:links``) is a checker;
            # ``check`` alone, a check of tests (``check-unit``) or of a whole package (R CMD check, whose
            # ``check-r-package`` runs the package's tests) runs the tests.
            r"^(?!.*(?:test|spec|e2e|unit|integration|all\b|package|pkg)).*(?:\bcheck[-_:]\w|\w[-_:.]check(?:\.\w+)?$)"
        ),
        LINT,
    ),
    # A checkout (``git checkout``, ``actions/checkout``) fetches code: it checks nothing.
    (lazyre.compile(r"(?i)test|spec|check(?!out)|e2e|coverage|karma|jest|mocha"), TEST),
    (lazyre.compile(r"(?i)build|compile|dist|bundle|assemble|webpack"), COMPILE),
    (lazyre.compile(r"(?i)install|deps|bootstrap|setup|restore|vendor"), DEPS),
)
# Configuration languages' evaluators and converters: what they reject is the job's configuration, not code.
CONFIG_LANGUAGES = _names("dhall dhall-to-yaml dhall-to-yaml-ng dhall-to-json cue jsonnet jrsonnet nickel pkl kcl")
TABLE = {
    **dict.fromkeys(CONFIG_LANGUAGES, CONFIG),
    **dict.fromkeys(LINTERS, LINT),
    **dict.fromkeys(TESTERS, TEST),
    **dict.fromkeys(COMPILERS, COMPILE),
    **dict.fromkeys(PACKAGERS, DEPS),
}

# Runners' lines naming a bare task (just, go-task, Nx, sbt): it reads as ``<runner> <task>``, as Gradle's failed
# task reads as ``gradle <task>``, so the runner's subcommands apply (sbt's ``update``; bare, it named no tool).
_JUST_RECIPE = r"^error: Recipe `(?P<cmd>[\w-]+)` failed"
_GO_TASK = r'^task: Failed to run task "(?P<cmd>[^"]+)"'
_NX = r"Running target (?P<cmd>[\w:-]+) for (?:project \S+|\d+ projects?)(?: and \d+ tasks? it depends on)? failed"
_SBT_TASK = r"^\[error\] \((?:[\w-]+ / )*(?P<cmd>\w+)\) \S"
DRIVER_RUNNERS = {_JUST_RECIPE: "just", _GO_TASK: "task", _NX: "nx", _SBT_TASK: "sbt"}

# A build driver's or a runtime's line naming the command that failed under it, as its documentation
# words it: the failing command is the tool whose failure it is (a checker of the repository's own,
# which no rule knows, is named by it: ``tidy``, ``check-format.sh``, ``check-license-headers.js``).
DRIVER_LINES = (
    # Rust's bootstrap (x.py): the tool and its arguments, quoted.
    r"^command did not execute successfully: (?P<cmd>.+)$",
    # Python's subprocess.run(check=True): the argument list (its repr, read by tools.inner_commands), or the string.
    r"CalledProcessError: Command '(?P<cmd>\[[^\]]*\]|[^',\]]+)",
    # Node's child_process.execSync / execFileSync.
    r"^Error: Command failed: (?P<cmd>.+)$",
    # Ninja's failed edge: a phony target by name (an object file's edge, with dots, is a compile);
    # ninja 1.12 puts the exit code first (``FAILED: [code=1] check-format``).
    r"^FAILED: (?:\[code=\d+\] )?(?P<cmd>[^\s.\[][^\s.]*)(?:\s|$)",
    # Gradle's Exec task.
    r"Process 'command '(?P<cmd>[^']+)'' finished with non-zero exit value",
    # Melos (Dart/Flutter monorepos): ``└> <command>`` above its ``└> FAILED`` status (package lines carry ``(``).
    # The command ends on a non-space, greedily: a lazy end tried ``\s*$`` from each space of a long run.
    r"^\s*└> (?P<cmd>(?!(?:FAILED|SUCCESS|RUNNING|SKIPPED)\b)[^(\s](?:[^(]*[^(\s])?)\s*$",
    # BuildKit's verdict on the RUN instruction that failed (the last RUN printed may be another stage's),
    # and the legacy builder's.
    r'failed to solve: process "(?:/bin/(?:ba)?sh -c )?(?P<cmd>[^"]+)" did not complete successfully',
    r"^The command '(?:/bin/(?:ba)?sh -c )?(?P<cmd>[^']+)' returned a non-zero code",
    # Task runners' own failure lines: Rake's ``sh``, just's recipe, go-task, mage's ``sh.Run``.
    r"^Command failed with status \(\d+\): \[(?P<cmd>[^\]]+)\]",
    _JUST_RECIPE,
    _GO_TASK,
    r'^Error: running "(?P<cmd>[^"]+)" failed with exit code',
    # Monorepo runners naming the failed package's script: pnpm, turbo, lerna, nx; npm 7+'s lifecycle line.
    r"ERR_PNPM_\w+\s+\S+ [\w:.-]+: `(?P<cmd>[^`]+)`",
    # turbo 2's ``pkg#task: command (dir) cmd exited (1)``, 1.x's ``pkg:task: ERROR: command finished with error: ...``
    # and bare line; anchored, as unanchored each ``command (`` of a line rescanned the rest of it (quadratic).
    r"^(?:[^\s#]+#\S+: |\S+: ERROR: command finished with error: )?command \([^)]*\) (?P<cmd>\S.*?) exited \(\d+\)",
    r"^lerna (?:ERR!|error) (?P<cmd>.+?) exited \d+ in '",
    _NX,
    r"Lifecycle script `(?P<cmd>[^`]+)` failed with error",
    # MSBuild's Exec task (a project's pre/post-build or npm step); sbt's failed task (``(Compile / scalafmtCheck)``).
    r'error MSB3073: The command "(?P<cmd>[^"]+)" exited with code',
    _SBT_TASK,
)
