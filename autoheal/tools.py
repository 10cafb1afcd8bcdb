"""What a failing command is: its tool's category, from each ecosystem's well-known tools.

When no rule explains a failed section, its category comes from the command
that ran there: linters, formatters and checkers fail as ``lint.error``, test
runners as ``test.failure``, compilers and bundlers as ``compile.error``,
package managers as ``dependency.resolution``, syntax checkers as
``syntax.error``. The table (tooltable.py) lists the tools each ecosystem
documents as its standard ones, not the tools of any benchmark; this module
reads a command line against it (runners' scripts, subcommands, Gradle tasks).
A ``docker build`` is named by the ``RUN`` instruction that failed.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable

from autoheal.cmdwords import command_words, launched, tool_name
from autoheal.guards import split_guarded
from autoheal.innercmds import inner_commands
from autoheal.tooltable import (
    BUILD_GOALS,
    COMPILE,
    DEPS,
    LINT,
    MAVEN_PLUGINS,
    SUBCOMMANDS,
    SYNTAX,
    SYNTAX_CHECKS,
    TABLE,
    TEST,
    WORDS,
)

__all__ = [
    "COMPILE",
    "DEPS",
    "LINT",
    "SYNTAX",
    "TEST",
    "command_category",
    "inner_commands",
    "segment_category",
]

# Task runners: what they ran is named by the script, target or task after them.
_RUNNERS = {"npm", "yarn", "pnpm", "bun", "npx", "make", "gmake", "rake", "bundle", "poetry", "pipenv", "uv", "pdm"}
_RUNNERS |= {"composer", "just", "task", "mage", "invoke", "hatch", "grunt", "gulp"}
# Monorepo task runners (Turborepo, Nx, Lerna, Rush, moon, Lage): ``turbo run test`` runs each package's script.
_RUNNERS |= {"turbo", "nx", "lerna", "rush", "rushx", "moon", "lage", "wireit"}
_RUN_WORDS = {"run", "exec", "x", "-m", "run-script"}
# A runner's own install commands (the rest of its words name a script or a tool).
_INSTALLS = {
    **dict.fromkeys(("npm", "yarn", "pnpm", "bun"), ("install", "ci", "i", "add")),
    **dict.fromkeys(("bundle", "poetry", "pipenv", "uv", "pdm"), ("install", "lock", "sync")),
    "composer": ("install", "update", "require", "dump-autoload"),
}


# Shell built-ins and file utilities: their arguments are paths and words (``cd dist``, ``mkdir -p build``,
# ``cat test-results.xml``), which name no tool; read by their words they were a build or a test.
_FILE_UTILS = frozenset(
    [
        "cd",
        "pushd",
        "popd",
        "mv",
        "cp",
        "rm",
        "mkdir",
        "rmdir",
        "ls",
        "cat",
        "echo",
        "printf",
        "ln",
        "chmod",
        "chown",
        "touch",
        "rsync",
    ]
)
_INTERPRETERS = {"python", "python3", "py", "ruby", "node", "perl", "php", "bash", "sh", "pwsh", "powershell"}


# A command substitution: ``test -z "$(golint ./...)"`` checks what the command inside printed.
_SUBST = re.compile(r"\$\(([^()]*)\)|`([^`]*)`")
_CHECKS = {"test", "[", "[["}


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
    return inner or TABLE.get(tool_name(rest[i]))


def _goal(arg: str) -> str | None:
    """A Maven goal's or Gradle task's category (``:app:ktlintMainSourceSetCheck``, ``lintDebug``): a named
    goal, else its name's lint or test words (a build's other tasks compile, the default)."""
    task = arg.rsplit(":", 1)[-1]
    plugin = arg.split(":", 1)[0] if arg.count(":") == 1 else ""  # a Maven plugin's goal (``surefire:test``)
    found = BUILD_GOALS.get(arg) or MAVEN_PLUGINS.get(plugin) or BUILD_GOALS.get(task)
    if found:
        return found
    if re.match(r"compile|kapt|ksp", task, re.I):  # Gradle's compileTestJava, compileKotlin: compiling
        return COMPILE
    return next((category for pattern, category in WORDS[:2] if pattern.search(task)), None)


def _by_words(words: list[str]) -> str | None:
    for word in words:
        for pattern, category in WORDS:
            if pattern.search(word):
                return category
    return None


_BUILD_TOOLS = frozenset({"mvn", "mvnw", "gradle", "gradlew", "sbt", "xcodebuild", "ant"})


def _build_category(tool: str, args: list[str]) -> str:
    """A build tool's goals, tasks or actions decide (the last named one); building compiles otherwise."""
    if tool == "sbt":  # commands in order (``sbt clean coverage test``, ``+test``): the last named decides
        named = [SUBCOMMANDS.get((tool, a.lstrip("+;"))) or _goal(a.lstrip("+;")) for a in args]
    elif tool == "xcodebuild":  # its actions may follow or precede the options' values
        named = [SUBCOMMANDS.get((tool, a)) for a in args]
    else:
        named = [_goal(a) for a in args]
    return next((c for c in reversed(named) if c), COMPILE)


def _runner_category(tool: str, args: list[str]) -> str | None:
    """A package manager's run (``npm run lint``, ``bundle exec rspec``): an install, else what it runs."""
    # A tool it runs (``pnpm vitest run``, ``npx cypress run``) names itself; else the script after ``run``
    # (``yarn workspaces foreach -A run test``, ``pnpm --filter ./apps/* run lint``).
    if args and args[0] not in _RUN_WORDS and (named := segment_category(" ".join(args))):
        return named
    runs = [i for i, a in enumerate(args) if a in _RUN_WORDS]
    ran = bool(runs) and (runs[0] == 0 or args[runs[0]] == "run")
    rest = args[runs[0] + 1 :] if ran else args
    installs = _INSTALLS.get(tool, ())
    # After ``run`` a word is a script's name: ``pnpm run ci`` runs the project's ``ci`` script, no ``pnpm ci``.
    if installs and (rest[0] in installs and not ran if rest else tool != "bundle"):
        return DEPS
    if not rest:
        return TABLE.get(tool)
    # What it runs is a command of its own (``npx ng test``, ``bundle exec rake test``) or a script's name.
    return segment_category(" ".join(rest)) or _by_words(rest[:1])


def _clojure(args: list[str]) -> str | None:
    """The Clojure CLI's run (``clojure -M:test``, ``clj -M:dev -m kaocha.runner``, ``-X:lint``): the main
    namespace ``-m`` names (its first segment's tool, else its words), else its aliases' (the last that names one)."""
    main = _option(args, ("-m", "--main"))
    if main:
        first = main.split(".", 1)[0]
        return TABLE.get(first) or TABLE.get(main.rsplit(".", 1)[-1]) or _by_words([main])
    aliases = [a for w in args if w[:2] in ("-M", "-X", "-T", "-A") for a in w[2:].split(":") if a]
    named = [TABLE.get(a) or _by_words([a]) for a in aliases]
    return next((c for c in reversed(named) if c), None)


def _option(words: list[str], names: tuple[str, ...]) -> str | None:
    """The value of the first of ``names`` (``-e lint``, ``--session=lint``)."""
    for i, word in enumerate(words):
        key, _, value = word.partition("=")
        if key in names:
            return value or (words[i + 1] if i + 1 < len(words) else None)
    return None


def segment_category(segment: str) -> str | None:
    """The category of one simple command (no ``&&``/``;``/pipes), or None."""
    words = command_words(segment.strip())
    if not words:
        return None
    joined = " ".join(words[:3])
    if any(joined.startswith(s) for s in SYNTAX_CHECKS):
        return SYNTAX
    tool, args = tool_name(words[0]), [w for w in words[1:] if not w.startswith("-") or w == "-m"]
    if tool in ("docker", "podman") and len(words) > 2 and words[1] == "run":
        return _docker_run(words)
    if tool in ("python", "python3", "py") and len(words) > 2 and words[1] == "-m":
        return segment_category(" ".join(words[2:]))
    if tool == "r" and len(words) > 2 and words[1] == "CMD":  # R CMD check|build|INSTALL
        return SUBCOMMANDS.get(("r", words[2].lower()))
    if tool in _BUILD_TOOLS:
        return _build_category(tool, args)
    # A package launcher's or environment manager's command, its options and their values skipped
    # (cmdwords.launched, as titles read it): that command decides.
    if (run := launched(words)) is not None:
        return segment_category(shlex.join(run))
    if tool in ("clojure", "clj"):
        return _clojure(words[1:])
    if tool in ("tox", "nox") and (env := _option(words, ("-e", "-s", "--session", "--sessions"))):
        return _by_words([env]) or TABLE[tool]
    if tool in ("node", "bun", "deno") and "--test" in words:
        return TEST
    if len(args) > 1 and (tool, f"{args[0]} {args[1]}") in SUBCOMMANDS:
        return SUBCOMMANDS[(tool, f"{args[0]} {args[1]}")]
    if args and (tool, args[0]) in SUBCOMMANDS:
        return SUBCOMMANDS[(tool, args[0])] or segment_category(" ".join(args[1:] if tool == "python" else args))
    if tool in _RUNNERS:
        return _runner_category(tool, args)
    if tool in TABLE:
        return TABLE[tool]
    if tool in _FILE_UTILS:
        return None
    if tool in _INTERPRETERS:  # ``python manage.py test``, ``php artisan test``, ``bash ci/lint.sh``
        script = args[1:2] if args and args[0].endswith("setup.py") else args[:2]  # setup.py's command decides
        return _by_words(script)
    # A path's directories (``/builds/acme/...``, ``src/check/``) say nothing about what ran: its last name does.
    return _by_words([w.rstrip("/").rsplit("/", 1)[-1] for w in words if "/" in w or not w.startswith("-")][:2])


def command_category(commands: Iterable[str]) -> str | None:
    """The category of the last recognised simple command, skipping those that cannot fail (``|| true``)."""
    found: str | None = None
    for command in commands:
        inner = [a or b for a, b in _SUBST.findall(command)]
        for segment in split_guarded(_SUBST.sub("_", command))[0]:
            # Only a test with a command substitution needs the words here: segment_category splits them anyway.
            words = command_words(segment.strip()) if inner else []
            checks = bool(words) and words[0] in _CHECKS
            category = command_category(inner) if checks else segment_category(segment)
            found = category or found
    return found
