"""What a failing command is: its tool's category, from each ecosystem's well-known tools.

When no rule explains a failed section, its category comes from the command
that ran there: linters, formatters and checkers fail as ``lint.error``, test
runners as ``test.failure``, compilers and bundlers as ``compile.error``,
package managers as ``dependency.resolution``, syntax checkers as
``syntax.error``. The table lists the tools each ecosystem documents as its
standard ones (PyPA/PyCQA, npm, RubyGems, Go, Cargo, Maven/Gradle, .NET,
Xcode/SwiftPM, Hex, Cabal/Stack, PHP, CMake/Make...), not the tools of any
benchmark. A ``docker build`` is named by the ``RUN`` instruction that failed.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable


def _names(text: str) -> list[str]:
    """A table row: tool names separated by spaces (one line per ecosystem reads better than a list)."""
    return text.split()


LINT, TEST, COMPILE, DEPS, SYNTAX = (
    "lint.error",
    "test.failure",
    "compile.error",
    "dependency.resolution",
    "syntax.error",
)

_LINTERS = _names(
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
    "sort-package-json syncpack manypkg htmltest linkchecker ec"
)
_TESTERS = _names(
    "pytest py.test nosetests nose2 tox nox trial green ward unittest jest mocha karma jasmine ava tap tape vitest "
    "cypress playwright protractor qunit testem rspec minitest cucumber behat phpunit pest codecept paratest "
    "gotestsum ginkgo ctest prove busted bats shellspec xunit nunit vstest testthat julia-test tarpaulin "
    "grcov kaocha midje phpspec kahlan infection stryker mutmut robot pabot behave testcafe nightwatch wdio "
    "detox newman elm-test yath luaunit tsd c8 nyc uvu lab wtr web-test-runner richgo molecule kitchen "
    "container-structure-test vstest.console"
)
_COMPILERS = _names(
    "gcc g++ clang clang++ cc c++ cl icc javac kotlinc scalac tsc babel webpack rollup esbuild parcel vite "
    "rustc ghc elm nim zig crystal erlc elixirc dune ocamlfind ocamlopt swiftc msbuild xcodebuild ninja cmake "
    "make gmake nmake bazel buck meson scons ant ng gulp grunt"
)
_PACKAGERS = _names(
    "pip pip3 pipenv poetry conda mamba micromamba uv pdm hatch npm yarn pnpm bower bundle bundler gem composer "
    "cargo-fetch nuget pod carthage apt apt-get yum dnf apk brew choco opam cpanm cpan luarocks cabal-install "
    "rosdep vcpkg conan"
)
_SYNTAX = {"php -l", "python -m py_compile", "python3 -m py_compile", "bash -n", "sh -n", "node --check", "ruby -c"}
# (tool, first argument) pairs that settle what a multi-purpose tool did.
_SUBCOMMANDS: dict[tuple[str, str], str] = {
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
    **{(tf, a): c for tf in ("terraform", "tofu") for a, c in (("fmt", LINT), ("validate", LINT), ("init", DEPS))},
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
    **{("packer", a): LINT for a in ("validate", "fmt")},
    **{("pod", a): LINT for a in ("lib lint", "spec lint")},
    **{("cargo", a): TEST for a in ("llvm-cov", "tarpaulin", "miri", "insta")},
    **{("cargo", a): LINT for a in ("sort", "spellcheck", "vet")},
    **{("cargo", a): COMPILE for a in ("hack", "minimal-versions")},
    # `nix flake check` evaluates the flake and runs its checks, its tests (nix manual); `nix build` builds.
    ("nix", "flake check"): TEST,
    ("nix", "build"): COMPILE,
    ("python", "-m"): "",
    ("npx", ""): "",
}
# Maven/Gradle phases and tasks: the last one named decides.
_BUILD_GOALS = {
    **dict.fromkeys(("test", "verify", "check", "integration-test", "connectedCheck", "jacocoTestReport"), TEST),
    **dict.fromkeys(("compile", "package", "install", "assemble", "build", "jar", "compileJava"), COMPILE),
    **dict.fromkeys(("checkstyle:check", "spotless:check", "spotlessCheck", "ktlintCheck", "detekt", "lint"), LINT),
    **dict.fromkeys(("dependency:resolve", "dependencies", "dependency:go-offline"), DEPS),
}
# Words of script and target names (make lint, npm run test:unit, script/build).
_WORDS = (
    (
        re.compile(
            r"(?i)lint|style|fmt|format|prettier|tidy|vet|typecheck|type-check|spell|codestyle|cs-check|"
            r"licen[cs]e|copyright|spdx|linkcheck|link-check|dead-?links|size-limit|semver|detekt|checkstyle|"
            r"spotless|spotbugs|api-?check|audit|vulncheck"
        ),
        LINT,
    ),
    (re.compile(r"(?i)test|spec|check|e2e|coverage|karma|jest|mocha"), TEST),
    (re.compile(r"(?i)build|compile|dist|bundle|assemble|webpack"), COMPILE),
    (re.compile(r"(?i)install|deps|bootstrap|setup|restore|vendor"), DEPS),
)
_TABLE = {
    **dict.fromkeys(_LINTERS, LINT),
    **dict.fromkeys(_TESTERS, TEST),
    **dict.fromkeys(_COMPILERS, COMPILE),
    **dict.fromkeys(_PACKAGERS, DEPS),
}
_SPLIT = re.compile(r"&&|\|\||;|\|(?!\|)|\n")
_ENV = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
_DOCKER_RUN = re.compile(r"(?:Step \d+/\d+ : RUN|\[[^\]]*\d+/\d+\] RUN|^RUN) (?P<cmd>.+)")
# Task runners: what they ran is named by the script, target or task after them.
_RUNNERS = {"npm", "yarn", "pnpm", "bun", "npx", "make", "gmake", "rake", "bundle", "poetry", "pipenv", "uv", "pdm"}
_RUNNERS |= {"composer", "just", "task", "mage", "invoke", "hatch"}
_RUN_WORDS = {"run", "exec", "x", "-m", "run-script"}
# A runner's own install commands (the rest of its words name a script or a tool).
_INSTALLS = {
    **dict.fromkeys(("npm", "yarn", "pnpm", "bun"), ("install", "ci", "i", "add")),
    **dict.fromkeys(("bundle", "poetry", "pipenv", "uv", "pdm"), ("install", "lock", "sync")),
    "composer": ("install", "update", "require", "dump-autoload"),
}


_INTERPRETERS = {"python", "python3", "py", "ruby", "node", "perl", "php", "bash", "sh", "pwsh", "powershell"}


def _words(segment: str) -> list[str]:
    try:
        words = shlex.split(segment, posix=True)
    except ValueError:
        words = segment.split()
    while words and (_ENV.match(words[0]) or words[0] in ("sudo", "env", "time", "nice", "xvfb-run", "exec")):
        words.pop(0)
    # A rustup toolchain override (``cargo +nightly fmt``) is not the subcommand.
    return [w for i, w in enumerate(words) if not (i == 1 and w.startswith("+") and _tool(words[0]) == "cargo")]


def _tool(word: str) -> str:
    """A command word's tool: its base name without extension or version; for a GitHub Action
    (``owner/name-action@v1``) or an image (``registry/owner/name:tag``), the tool it wraps."""
    name = word.split("@", 1)[0].rsplit("/", 1)[-1].lower()
    name = re.sub(r"[-_]action$|:[\w.-]+$", "", name)
    return re.sub(r"(?:\.(?:exe|cmd|bat|sh|py|js)|[0-9.]+)$", "", name) or name


# ``docker run`` options that take a value: the image is the first word after the options.
_DOCKER_VALUED = set(["-v", "-e", "-w", "-u", "-p", "-h", "-l", "-m"]) | {
    "--volume",
    "--env",
    "--env-file",
    "--workdir",
    "--user",
    "--publish",
    "--name",
    "--network",
    "--entrypoint",
    "--platform",
    "--mount",
    "--hostname",
    "--label",
    "--memory",
    "--cpus",
    "--add-host",
    "--shm-size",
}


def _docker_run(words: list[str]) -> str | None:
    """``docker run [options] IMAGE [command]``: the command's category, else the image's tool's."""
    rest, i = words[2:], 0
    while i < len(rest) and rest[i].startswith("-"):
        i += 2 if rest[i] in _DOCKER_VALUED else 1
    if i >= len(rest):
        return None
    inner = segment_category(" ".join(rest[i + 1 :])) if rest[i + 1 :] else None
    return inner or _TABLE.get(_tool(rest[i]))


def _goal(arg: str) -> str | None:
    """A Maven goal's or Gradle task's category (``:app:ktlintMainSourceSetCheck``, ``lintDebug``): a named
    goal, else its name's lint or test words (a build's other tasks compile, the default)."""
    task = arg.rsplit(":", 1)[-1]
    found = _BUILD_GOALS.get(arg) or _BUILD_GOALS.get(task)
    if found:
        return found
    return next((category for pattern, category in _WORDS[:2] if pattern.search(task)), None)


def _by_words(words: list[str]) -> str | None:
    for word in words:
        for pattern, category in _WORDS:
            if pattern.search(word):
                return category
    return None


def segment_category(segment: str) -> str | None:
    """The category of one simple command (no ``&&``/``;``/pipes), or None."""
    words = _words(segment.strip())
    if not words:
        return None
    joined = " ".join(words[:3])
    if any(joined.startswith(s) for s in _SYNTAX):
        return SYNTAX
    tool, args = _tool(words[0]), [w for w in words[1:] if not w.startswith("-") or w == "-m"]
    if tool in ("docker", "podman") and len(words) > 2 and words[1] == "run":
        return _docker_run(words)
    if tool in ("python", "python3", "py") and len(words) > 2 and words[1] == "-m":
        return segment_category(" ".join(words[2:]))
    if tool == "r" and len(words) > 2 and words[1] == "CMD":  # R CMD check|build|INSTALL
        return _SUBCOMMANDS.get(("r", words[2].lower()))
    if tool in ("mvn", "mvnw", "gradle", "gradlew"):
        goals = [g for g in (_goal(a) for a in args) if g]
        return goals[-1] if goals else COMPILE
    if tool == "sbt":  # commands in order (``sbt clean coverage test``, ``+test``): the last named decides
        named = [_SUBCOMMANDS.get((tool, a.lstrip("+;"))) or _goal(a.lstrip("+;")) for a in args]
        return next((c for c in reversed(named) if c), COMPILE)
    if tool == "xcodebuild":  # its actions may follow or precede the options' values
        actions = [c for c in (_SUBCOMMANDS.get((tool, a)) for a in args) if c]
        return actions[-1] if actions else COMPILE
    if tool in ("node", "bun", "deno") and "--test" in words:
        return TEST
    if len(args) > 1 and (tool, f"{args[0]} {args[1]}") in _SUBCOMMANDS:
        return _SUBCOMMANDS[(tool, f"{args[0]} {args[1]}")]
    if args and (tool, args[0]) in _SUBCOMMANDS:
        return _SUBCOMMANDS[(tool, args[0])] or segment_category(" ".join(args[1:] if tool == "python" else args))
    if tool in _RUNNERS:
        rest = args[1:] if args and args[0] in _RUN_WORDS else args
        installs = _INSTALLS.get(tool, ())
        if installs and (rest[0] in installs if rest else tool != "bundle"):
            return DEPS
        if not rest:
            return _TABLE.get(tool)
        return _TABLE.get(_tool(rest[0])) or _by_words(rest[:1])
    if tool in _TABLE:
        return _TABLE[tool]
    if tool in _INTERPRETERS:  # ``python manage.py test``, ``php artisan test``, ``bash ci/lint.sh``
        script = args[1:2] if args and args[0].endswith("setup.py") else args[:2]  # setup.py's command decides
        return _by_words(script)
    return _by_words([w for w in words if "/" in w or not w.startswith("-")][:2])


def command_category(commands: Iterable[str]) -> str | None:
    """The category of the last recognised simple command, skipping those that cannot fail (``|| true``)."""
    found: str | None = None
    for command in commands:
        if "|| true" in command or "|| :" in command:
            continue
        for segment in _SPLIT.split(command):
            category = segment_category(segment)
            found = category or found
    return found


# Lines naming the sub-command that failed inside the section's command: an npm script
# (npm's banner and its failure line, npm-run-all), a make target, a docker build's RUN.
_INNER = (
    re.compile(r"Failed at the \S+ (?P<cmd>\S+) script"),
    re.compile(r"^ERROR: \"(?P<cmd>[^\"]+)\" exited with"),
    re.compile(r"^> \S+@\S+ (?P<cmd>\S+)(?: \S+)?$"),
    re.compile(r"make(?:\[\d+\])?: \*\*\* \[(?P<cmd>[^\]]+)\] Error"),
    _DOCKER_RUN,
)


# A GitHub Actions step's header group: ``Run <first line>``, the script's further lines, then
# ``shell: ...``. The further lines are commands of the step too (the first is its name).
_STEP_RUN = re.compile(r"^Run \S")
_STEP_SHELL = re.compile(r"^shell: \S")
SCRIPT_LINES = 20


def _script(lines: list[str], start: int) -> list[str]:
    """The further script lines of a step header at ``start``, if a ``shell:`` line closes them soon."""
    for i in range(start + 1, min(len(lines), start + 1 + SCRIPT_LINES)):
        if _STEP_SHELL.match(lines[i]):
            return [t.strip() for t in lines[start + 1 : i] if t.strip()]
    return []


def inner_commands(lines: Iterable[str]) -> list[str]:
    """The sub-commands a section's output says it ran, in order (the failing one is last)."""
    found: list[str] = []
    texts = list(lines)
    for i, text in enumerate(texts):
        if _STEP_RUN.match(text):
            found += _script(texts, i)
            continue
        for pattern in _INNER:
            m = pattern.search(text)
            if m:
                found.append(m["cmd"])
                break
    return found
