"""How a simple command's words are read (tools.py): the shell's assignments, keywords and wrappers
before it skipped, and each word's tool name (without path, extension, version, scope or tag)."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from autoheal import lazyre
from autoheal.tooltable import SUBCOMMANDS, TABLE

_ENV = lazyre.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
# Wrappers and launchers that run the command after their options (and a duration or niceness), each with
# its options whose value is a word apart: coreutils' ``timeout``, ``nohup``, ``stdbuf``, ``ionice``,
# ``env -i``; moreutils' ``chronic``; ``eatmydata``, ``fakeroot``, ``dbus-run-session``; the shell's
# ``time -p``, ``exec``, ``command``; Xcode's ``xcrun --sdk macosx swift-format`` (``man xcrun``).
_NONE: frozenset[str] = frozenset()
# The options whose value is the next word, from each one's man page: sudo(8), timeout(1), env(1),
# ionice(1), nice(1), stdbuf(1), GNU time(1), xvfb-run(1), xcrun(1). Not env's ``-S``: its value is the command.
_RUNS_AFTER: dict[str, frozenset[str]] = {
    **dict.fromkeys(("nohup", "chronic", "eatmydata", "fakeroot", "dbus-run-session", "command"), _NONE),
    **dict.fromkeys(("unbuffer", "catchsegv", "exec"), _NONE),
    "sudo": frozenset({"-u", "--user", "-g", "--group", "-C", "--close-from", "-D", "--chdir", "-h", "--host"})
    | frozenset({"-p", "--prompt", "-U", "--other-user", "-r", "--role", "-t", "--type", "-T", "--command-timeout"})
    | frozenset({"-R", "--chroot"}),
    "timeout": frozenset({"-s", "--signal", "-k", "--kill-after"}),
    "env": frozenset({"-u", "--unset", "-C", "--chdir"}),
    "xvfb-run": frozenset({"-e", "--error-file", "-f", "--auth-file", "-n", "--server-num", "-p", "--xauth-protocol"})
    | frozenset({"-s", "--server-args", "-w", "--wait"}),
    "ionice": frozenset({"-c", "--class", "-n", "--classdata", "-p", "--pid", "-P", "--pgid", "-u", "--uid"}),
    "nice": frozenset({"-n", "--adjustment"}),
    "stdbuf": frozenset({"-i", "-o", "-e"}),
    "time": frozenset({"-o", "--output", "-f", "--format"}),
    "xcrun": frozenset({"--sdk", "-sdk", "--toolchain", "-toolchain"}),
}
# env(1)'s ``-S STRING``: the string is split into the command and its arguments.
_SPLITS = frozenset({"-S", "--split-string"})
WRAPPERS = frozenset(_RUNS_AFTER)
# Words before the command proper: those wrappers, and a shell's keywords (``if [ -n "$(gofmt -l .)" ]``).
_PREFIXES = WRAPPERS | {"if", "then", "elif", "while", "until", "do", "!"}


def command_words(segment: str) -> list[str]:
    """The words of one simple command from its tool on: assignments, keywords and wrappers (``timeout 5m``) go."""
    try:
        words = shlex.split(segment, posix=True)
    except ValueError:
        words = segment.split()
    while words and (_ENV.match(words[0]) or words[0] in _PREFIXES):
        first = words.pop(0)
        while first in _RUNS_AFTER and words and words[0].startswith("-"):
            option = words.pop(0)
            if option in _RUNS_AFTER[first] and words:
                words.pop(0)
            elif option in _SPLITS and words:
                words[:1] = words[0].split()  # env -S 'cmd args': the string is the command's words
        # One duration or niceness after the options (``timeout 600``, ``nice 10``), not the command's words.
        if first in _RUNS_AFTER and len(words) > 1 and words[0][:1].isdigit():
            words.pop(0)
    # A rustup toolchain override (``cargo +nightly fmt``) is not the subcommand.
    return [w for i, w in enumerate(words) if not (i == 1 and w.startswith("+") and tool_name(words[0]) == "cargo")]


def _unversioned(name: str) -> str:
    return re.sub(r"(?:\.(?:exe|cmd|bat|sh|py|js)|[0-9.]+)$", "", name) or name


# Tools whose name ends in a digit that is no version (flake8, nose2, doc8, rebar3): stripping it named
# a tool no table knows. Not pip3: pip is the tool.
_DIGIT_NAMED = frozenset(
    n for n in {*TABLE, *(t for t, _ in SUBCOMMANDS)} if n[-1:].isdigit() and _unversioned(n) not in TABLE
)


def package_name(word: str) -> str:
    """A package word without its npm scope's ``@`` or its ``@version`` (``@biomejs/biome@1.8``:
    ``biomejs/biome``; ``example.com/cmd/x@v1``: ``example.com/cmd/x``)."""
    return word.lstrip("@").split("@", 1)[0]


def tool_name(word: str) -> str:
    """A command word's tool: its base name without extension or version; for a GitHub Action
    (``owner/name-action@v1``) or an image (``registry/owner/name:tag``), the tool it wraps; for a scoped npm
    package (``@biomejs/biome@1.8``), its name after the scope."""
    name = package_name(word).rsplit("/", 1)[-1].lower()
    name = re.sub(r"[-_]action$|:[\w.-]+$", "", name)
    # A .NET tool's command is often ``dotnet-<tool>`` (``dotnet-csharpier``): the tool is its name after it.
    if name.startswith("dotnet-") and name not in TABLE and name[7:] in TABLE:
        name = name[7:]
    return name if name in _DIGIT_NAMED else _unversioned(name)


# Package launchers and environment runners: each finds or fetches a tool and runs it after options of its
# own (``npx -y eslint``, ``uv run --frozen pytest``, ``pnpm dlx knip``, ``bunx --bun oxlint``), keyed by their
# words, with the options whose value is the next word, from each one's documentation: npm-exec(1), pnpm's
# dlx and exec, yarn dlx, bunx, uv's run and tool run, pipx run, poetry/pdm/pipenv/rye/hatch run, conda's and
# pixi's run, opam exec, bundle exec, go run's build flags.
_UV = frozenset({"--with", "--with-editable", "--with-requirements", "-p", "--python", "--package", "--extra"})
_UV |= {"--group", "--only-group", "--no-group", "--env-file", "--index", "--default-index", "-i", "--index-url"}
_UV |= {"--extra-index-url", "-f", "--find-links", "--directory", "--project", "--config-file", "--cache-dir"}
_UV |= {"--from", "--python-preference", "--resolution", "--prerelease", "--exclude-newer", "--link-mode"}
_NODE_PACKAGE = frozenset({"-p", "--package", "-w", "--workspace", "--prefix", "-C", "--dir", "-F", "--filter"})
_CONDA = frozenset({"-n", "--name", "-p", "--prefix", "--cwd", "-e", "--environment", "--manifest-path"})
_GO_BUILD = frozenset({"-C", "-tags", "-ldflags", "-gcflags", "-asmflags", "-mod", "-modfile", "-exec", "-p"})
_GO_BUILD |= {"-overlay", "-pgo", "-pkgdir", "-toolexec", "-compiler", "-installsuffix"}


@dataclass(frozen=True)
class _Launch:
    """How a launcher's own words end and its command's begin."""

    valued: frozenset[str] = _NONE  # its options whose value is the next word
    ends: tuple[str, ...] = ()  # words after which its command follows, wherever they are
    place: bool = False  # a directory comes first (``direnv exec DIR cmd``)


# Environment managers run a command inside their environment (``opam exec -- dune build``, ``stack exec
# --package hlint -- hlint``): after their options and a leading ``--``, so a ``--`` of the command's own
# (``conda run -n env pytest -- -k x``) stays the command's. mise's and asdf's tool specs come before their
# ``--`` (``mise exec node@20 -- npm test``), so theirs ends the launcher's words wherever it is; nix's
# ``-c``/``--command`` ends an installable's words.
_ENVIRONMENT = _Launch(_CONDA | {"--env", "--switch", "--package"})
_TOOL_SPECS = _Launch(_ENVIRONMENT.valued, ("--",))
_LAUNCHES: dict[tuple[str, ...], _Launch] = {
    **dict.fromkeys((("npx",), ("pnpx",), ("bunx",), ("npm", "exec"), ("npm", "x")), _Launch(_NODE_PACKAGE)),
    **dict.fromkeys((("pnpm", "dlx"), ("pnpm", "exec"), ("yarn", "dlx"), ("yarn", "exec")), _Launch(_NODE_PACKAGE)),
    ("bun", "x"): _Launch(_NODE_PACKAGE),
    **dict.fromkeys((("uvx",), ("uv", "run"), ("uv", "tool", "run")), _Launch(_UV)),
    ("pipx", "run"): _Launch(frozenset({"--spec", "--python", "--index-url", "--pip-args"})),
    **dict.fromkeys(
        (("poetry", "run"), ("pdm", "run")), _Launch(frozenset({"-C", "--directory", "-P", "--project", "-p"}))
    ),
    **dict.fromkeys((("pipenv", "run"), ("rye", "run"), ("hatch", "run"), ("bundle", "exec")), _Launch()),
    **dict.fromkeys((("pixi", "run"), ("pixi", "exec")), _Launch(_CONDA)),
    ("go", "run"): _Launch(_GO_BUILD),
    **dict.fromkeys((("conda", "run"), ("mamba", "run"), ("micromamba", "run"), ("opam", "exec")), _ENVIRONMENT),
    **dict.fromkeys((("stack", "exec"), ("cabal", "exec")), _ENVIRONMENT),
    **dict.fromkeys((("mise", "exec"), ("asdf", "exec")), _TOOL_SPECS),
    **dict.fromkeys((("devbox", "run"), ("flox", "run"), ("carton", "exec")), _ENVIRONMENT),
    **dict.fromkeys((("nix", "develop"), ("nix", "shell")), _Launch(_ENVIRONMENT.valued, ("--", "-c", "--command"))),
    ("direnv", "exec"): _Launch(place=True),
    # Launchers of a tool named after them, each as its documentation shows: ``go tool buf lint`` (Go 1.24's
    # tool directives and the toolchain's own tools), ``mint run owner/Package@1.2 [exe] args`` (Mint),
    # ``dotnet tool run dotnet-csharpier`` (a .NET local tool by its command name).
    **dict.fromkeys((("go", "tool"), ("mint", "run"), ("dotnet", "tool", "run")), _Launch()),
    # ``nix run nixpkgs#deadnix -- --fail .`` runs the flake output's program, named after its attribute.
    ("nix", "run"): _Launch(_ENVIRONMENT.valued),
}
LAUNCHERS = frozenset(words[0] for words in _LAUNCHES)


# npm-exec's ``-c 'eslint .'``: the command to run is this option's value, a shell string (npm-exec(1)).
_CALL = frozenset({"-c", "--call"})


def _after_options(words: list[str], launch: _Launch) -> list[str]:
    """The words after a launcher's options, their values and ``--`` (or after one of its ``ends`` anywhere,
    past its directory); a node launcher's ``--call`` its command."""
    if end := next((w for w in words if w in launch.ends), None):
        return words[words.index(end) + 1 :]
    rest = list(words)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option == "--":
            break
        if option in _CALL and launch.valued is _NODE_PACKAGE and rest:
            return command_words(rest[0])
        if option in launch.valued and rest:
            rest.pop(0)
    return rest[1:] if launch.place else rest


def launched(words: list[str]) -> list[str] | None:
    """The command a package launcher runs (``npx --no -- commitlint --from x``: ``commitlint --from x``), its
    options, their values and ``--`` skipped; None when the words are no launcher's or it names no command."""
    for size in (3, 2, 1):
        key = tuple([tool_name(words[0]), *words[1:size]]) if len(words) > size else ()
        if key in _LAUNCHES:
            rest = _after_options(words[size:], _LAUNCHES[key])
            if key == ("nix", "run") and rest:
                rest = [rest[0].rpartition("#")[2], *(w for w in rest[1:] if w != "--")]
            # ``go run ./cmd/gen`` runs the project's own package: only a module at a version is a tool.
            return rest if rest and (key != ("go", "run") or "@" in rest[0]) else None
    return None
