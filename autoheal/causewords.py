"""The cause a generic error block's own error lines say in words, whatever tool printed them.

When no rule knows the failing tool, the block's category comes from what the command is (tools.py):
a compiler's block is a compile error, a test runner's a test failure. But a tool that cannot start its
work says why in words of the same few shapes, whichever tool it is: a program it needs is absent
(meson's ``Program 'x' not found``, rustc's ``linker `cc` not found``, xcrun's ``unable to find utility``,
Go's ``no such tool``, autoconf's ``no acceptable C compiler found in $PATH``), it has no or bad
credentials (``401 Unauthorized``, npm's ``ENEEDAUTH``, git's ``could not read Username``, botocore's
``Unable to locate credentials``), it is not allowed (S3's ``AccessDenied``, GitHub's ``Resource not
accessible by integration``), its runtime is the wrong version (versionwords.py), the server it needs cannot be
reached (conda's ``HTTP 000 CONNECTION FAILED``), or git's workspace is not in a state to act on (``index.lock': File
exists``, ``cannot lock ref``, ``You have unstaged changes``). Those words name the cause; the command
only names who printed them, so they outrank it (``rootcause._generic``).

Only the block's lines that say what failed are read: its first line (its header or first error line) and its
error lines within REACH (said_at), never a passing line, a warning or the rest of the log. The vocabulary is each tool's documented wording, generalised to its shape; a test runner's
verdict in the section still keeps the tests' failure (the words are then one test's output). When the
block's words name nothing, a shell's exit status may: 127 is a command not found (``exit_category``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from autoheal import blocks, lazyre, versionwords

# How far into the block its error lines are read for the words of a cause (generic.EPILOGUE's reach).
REACH = 30

# A program's name as tools quote it: ``'cc'``, ```cc```, ``"simctl"``, or bare.
_NAME = r"""[`'"]?[\w.+/-]+[`'"]?"""
# (category, pattern), the first match of a line naming it: the credentials' wording comes before the
# permission's, so OpenSSH's ``Permission denied (publickey)`` and GitLab's ``HTTP Basic: Access denied``
# (a key or password the server did not accept) are credentials, not a missing permission.
_WORDS: tuple[tuple[str, str], ...] = (
    # A program the build runs is not there.
    # meson's ``Program 'x' not found or not executable``, rustc's ``linker `cc` not found``, ``compiler 'x' not found``.
    (
        "command.not.found",
        rf"(?i)\b(?:program|compiler|linker|tool|utility|executable|binary|interpreter)(?:\(s\))? {_NAME},? "
        r"(?:was |is )?not found\b",
    ),
    # xcrun's ``unable to find utility "simctl"``, @actions/io's ``Unable to locate executable file: pwsh``,
    # CMake's ``unable to find a build program corresponding to "Ninja"``, ``could not find a C compiler``, the cc
    # crate's ``Failed to find tool. Is `cc` installed?`` (a Rust build script's).
    (
        "command.not.found",
        r"(?i)\b(?:unable to|could not|couldn't|cannot|can't|failed to) (?:find|locate) (?:the |a |an |any )?"
        r"(?:[\w+-]+ ){0,2}(?:program|compiler|linker|utility|executable|interpreter)s?\b(?! script)|"
        r"\bfailed to find tool(?:[.:]| [`'\"])",
    ),
    # autoconf's ``no acceptable C compiler found in $PATH``, meson's ``Unknown compiler(s):``, CMake's
    # ``No CMAKE_CXX_COMPILER could be found``, ``CMAKE_C_COMPILER not set`` and ``CMAKE_MAKE_PROGRAM is not set``.
    (
        "command.not.found",
        r"(?i)\bno acceptable [\w +-]{1,30}? (?:could be )?found\b|\bUnknown compiler\(s\)|"
        r"\bNo CMAKE_\w+_COMPILER could be found\b|\bCMAKE_\w+_COMPILER not set\b|\bCMAKE_MAKE_PROGRAM is not set\b",
    ),
    # Go's ``go: no such tool "covdata"``, cargo's ``no such command: `fmt``` (older ``no such subcommand``),
    # rustup's ``'cargo-fmt' is not installed for the toolchain``, npm exec's ``could not determine executable to run``,
    # swift's ``unable to invoke subcommand: /usr/bin/swift-build`` (a toolchain without that tool).
    (
        "command.not.found",
        r"(?i)\bno such (?:tool|command|subcommand|utility|executable|program)\b|\bunable to invoke subcommand\b|"
        rf"(?<![\w.+/`'\"-]){_NAME} is not installed for the toolchain\b|\bcould not determine executable to run\b",
    ),
    # Go's os/exec ``executable file not found in $PATH`` (docker's exec), ``not found in PATH``, the Gradle and
    # Maven wrappers' ``no 'java' command could be found in your PATH``, GNU which's ``which: no gcc in (...)``.
    (
        "command.not.found",
        r"(?i)\bexecutable file not found in\b|\bnot (?:found |available )?(?:in|on) (?:your |the )?[$%]?PATH\b|"
        r"\bcommand could be found in your PATH\b|\bwhich: no [\w.+-]+ in \(",
    ),
    # The ``which`` package's ``Error: not found: make`` (node-gyp), Node's ``spawn git ENOENT``, make's and
    # csh's ``gcc: Command not found``; autoconf's ``The pkg-config script could not be found`` (the
    # ``*-config`` scripts its macros probe for: pkg-config, llvm-config, sdl2-config).
    (
        "command.not.found",
        r"\bError: not found: [\w.+-]+\s*$|\bspawn \S+ ENOENT\b|(?i::\s*Command not found\b)|"
        r"(?i:(?<![\w-])(?:[\w-]+-config script|program|executable|binary|utility) (?:could not|cannot|can't|couldn't) be found\b)",
    ),
    # gcc's ``cannot execute 'cc1plus': execvp: No such file or directory``, distutils' ``unable to execute
    # 'gcc': No such file or directory``, setuptools' ``command 'gcc' failed: No such file or directory``.
    (
        "command.not.found",
        rf"(?i)\b(?:cannot|unable to|error trying to) exec(?:ute)? {_NAME}: (?:execvp: )?No such file or directory|"
        r"\bcommand '[^']+' failed: No such file or directory",
    ),
    # No or bad credentials: HTTP 401 (``401 Unauthorized``, NuGet's ``401 (Unauthorized)``, a registry's
    # ``unauthorized: authentication required``, Maven resolver's ``status code: 401, reason phrase: Unauthorized``,
    # Ivy's (sbt's publish) ``was refused by the server: Unauthorized``),
    # npm's E401/ENEEDAUTH, an API's "authentication required".
    # A bare ``unauthorized`` is any code's word (a code frame's ``return unauthorized();``).
    (
        "credentials",
        r"(?i)\b401\W{1,3}Unauthori[sz]ed\b|\bstatus(?: code)?: 401\b|\b(?:reason phrase|server): Unauthori[sz]ed\b|\bunauthori[sz]ed: \w|\b(?:Error|HttpError|HTTPError): Unauthori[sz]ed\b|"
        r"\bE401\b|\bENEEDAUTH\b|\bneed auth\b|\bHTTP Basic: Access denied\b",
    ),
    (
        "credentials",
        r"(?i)\b(?:authentication (?:is )?(?:required|failed|failure)|(?:unable|failed) to authenticate|"
        r"could not authenticate|not authenticated|requires authentication|(?:login|logon) required|"
        r"(?:not|must be) logged in|requires you to be logged in|invalid or non-existent authentication)\b",
    ),
    # git's ``could not read Username for 'https://github.com': terminal prompts disabled``; OpenSSH's
    # ``Permission denied (publickey)``; GitHub's ``Bad credentials`` and ``Invalid username or password``.
    (
        "credentials",
        r"(?i)\bcould not read (?:Username|Password) for\b|\bterminal prompts disabled\b|"
        r"\bPermission denied \((?:publickey|password|keyboard-interactive)|\bBad credentials\b|"
        r"\b(?:invalid|incorrect|wrong) (?:username or )?(?:password|passphrase)\b|\bAccess denied for user\b",
    ),
    # botocore's ``Unable to locate credentials``, google-auth's ``could not find default credentials``,
    # Terraform's ``No valid credential sources found``, docker's ``no basic auth credentials``; AWS's codes.
    # (Jenkins' git plugin notes ``No credentials specified`` for every public clone: no cause.)
    (
        "credentials",
        r"(?i)\b(?:unable to locate|could not find default|no valid|no basic auth|missing|expired|invalid) "
        r"credentials?\b|\b(?:InvalidAccessKeyId|InvalidClientTokenId|SignatureDoesNotMatch|ExpiredToken|"
        r"UnrecognizedClientException|NoCredentialProviders|DefaultCredentialsError)\b",
    ),
    # A deploy or analysis CLI's own words for a secret the job did not pass: Wrangler's ``it's necessary to set a
    # CLOUDFLARE_API_TOKEN environment variable``, Serverless' ``AWS provider credentials not found``, SonarScanner's
    # ``Not authorized. Please check the user token``: the secret's name is the variable's, in capitals.
    (
        "credentials",
        r"\b(?:to|must|please|need to) (?:set|provide) (?:a |an |the )?[A-Z][A-Z0-9]*_(?:[A-Z0-9]+_)*(?:TOKEN|SECRET|PASSWORD|API_?KEY|"
        r"ACCESS_KEY|AUTH)\b|(?i:\bcredentials? (?:were |was |are |is )?(?:not found|not provided|not configured)\b|"
        r"\bnot authori[sz]ed\b.{0,60}\b(?:token|credentials?|log ?in|password)\b)",
    ),
    # semantic-release's ``No GitHub token specified``, cargo's ``no token found``, ``NPM_TOKEN is not set``. A
    # parser's ``invalid token`` is a syntax error: a bad token is an access, auth or API one.
    (
        "credentials",
        r"(?i)\bno (?:[\w-]+ )?token (?:was |is )?(?:specified|provided|found|given|set|configured|available)\b|"
        r"(?:\b|_)token (?:is )?(?:not set|not provided|not configured|required|expired|must be set)\b|"
        r"\b(?:invalid|expired|missing|bad) (?:[\w-]+ )?(?:access|auth|authentication|api|bearer|oauth) token\b",
    ),
    # Not allowed: S3's AccessDenied, AWS IAM's ``is not authorized to perform``, Azure's AuthorizationFailed,
    # gRPC's PERMISSION_DENIED (Google Cloud), Kubernetes RBAC's ``is forbidden: User``, Ivy's ``refused by the server: Forbidden``.
    (
        "permission",
        r"\bAccess ?Denied(?:Exception)?\b|\bAccess is denied\b|(?i:\bnot authori[sz]ed to (?:perform|access)\b)|\bAuthorizationFailed\b|"
        r"\bPERMISSION_DENIED\b|(?i:\bdoes not have (?:authorization|permissions?) to\b)|\bis forbidden: User\b|"
        r"(?i:\brefused by the server: Forbidden\b)",
    ),
    # GitHub's ``Resource not accessible by integration``, ``GitHub Actions is not permitted to create or
    # approve pull requests``, git push's ``Permission to o/r.git denied to x``; ``insufficient permissions``.
    (
        "permission",
        r"(?i)\bResource not accessible by (?:integration|personal access token)\b|\bis not permitted to\b|"
        r"\bPermission to \S+ denied to\b|\binsufficient (?:permissions?|privileges|scopes?)\b|"
        r"\bare you root\?|\brequires? (?:root|superuser|administrator|elevated) privileges\b",
    ),
    # conda's ``CondaHTTPError: HTTP 000 CONNECTION FAILED for url <...>`` (000: no response at all) and its 5xx
    # (``HTTP 502 BAD GATEWAY for url``): the channel could not be reached, whatever the command resolves.
    ("network", r"\bHTTP (?:000|5\d\d) [A-Z][A-Z ]{2,40} for url\b|\bCONNECTION FAILED for url\b"),
    # A formatter's check found files to rewrite, whichever formatter: Black's and Ruff's ``2 files would be
    # reformatted`` and ``would reformat x.py``, isort's ``Imports are incorrectly sorted``, clang-format's ``code should
    # be clang-formatted`` (Prettier's ``Code style issues found`` is printed as ``[warn]``: a warning is no cause).
    (
        "lint.error",
        r"(?i)\b\d+ files? would be reformatted\b|^would reformat:? \S|\bImports are incorrectly sorted\b|"
        r"\bcode should be clang-formatted\b",
    ),
    # What the build needs is not installed (categories.md's dependency.missing), in words no one tool owns: R CMD
    # check's ``Package required but not available: 'sf'``, Helm's ``run `helm dependency build` to fetch missing
    # dependencies``.
    ("dependency.missing", r"(?i)\bpackages? required but not available\b|\b(?:fetch|install) missing dependencies\b"),
    # A module the code imports is not installed, in each runtime's own words (categories.md's evidence):
    # Python's ModuleNotFoundError, Node's and webpack's, esbuild's, Perl's @INC, Ruby's LoadError. A relative
    # path (``Cannot find module './app'``) is the project's own file, not a dependency.
    (
        "dependency.missing",
        r"\bModuleNotFoundError: No module named\b|\bImportError: No module named\b|\bCannot find module '[^./'\s]|"
        r"\bModule not found: Error: Can't resolve '[^./'\s]|\bCould not resolve \"[^./\"\s]|\bCan't locate \S+\.pm in @INC\b|"
        r"\bcannot load such file -- [^./\s]",
    ),
    # A resolver that cannot satisfy the versions asked for, or a dependency whose bits do not match what was
    # recorded (categories.md's dependency.resolution): cargo's ``failed to select a version``, SwiftPM's
    # ``Dependencies could not be resolved``, pub's ``version solving failed``, Stack's ``failed to construct a
    # build plan``, Maven Enforcer's ``Dependency convergence error``, NuGet's ``Detected package downgrade``,
    # Go's and Nix's ``checksum mismatch`` / ``hash mismatch``, npm's ERESOLVE, pip's ResolutionImpossible.
    (
        "dependency.resolution",
        r"(?i)\bfailed to (?:select|resolve) a version\b|\bdependencies could not be resolved\b|"
        r"\bversion solving failed\b|\bfailed to construct a build plan\b|\bDependency convergence error\b|"
        r"\bDetected package downgrade\b|\b(?:checksum|hash|integrity) mismatch\b|\bERESOLVE\b|"
        r"\bResolutionImpossible\b|\bconflicting (?:requirements|dependencies)\b|\bunable to resolve dependency tree\b|"
        r"\bUnsatisfiable requirements\b|\bno versions left\b",
    ),
    # A service's rate limit, in its own words: GitHub's ``API rate limit exceeded for``, Codecov's ``Rate limit
    # reached``, an HTTP 429's reason phrase (cues.py reads the status).
    ("rate.limit", r"(?i)\b(?:API )?rate limit (?:exceeded|reached|hit)\b|\bsecondary rate limit\b"),
    # A runtime out of memory or a compiler killed for it: PHP's ``Allowed memory size of N bytes exhausted``,
    # gcc's ``Killed signal terminated program cc1plus``, V8's ``JavaScript heap out of memory``.
    (
        "resource.exhausted",
        r"\bAllowed memory size of \d+ bytes exhausted\b|\bKilled signal terminated program\b|"
        r"\bheap out of memory\b|\bReceived \"killed\" signal\b",
    ),
    # A program the build runs is not installed, in a build tool's or test runner's words: Cabal's ``The program
    # 'happy' ... is required but it could not be found``, Playwright's ``Executable doesn't exist at``, Karma's
    # ``No binary for ChromeHeadless browser``.
    (
        "command.not.found",
        r"\bThe program '[^']+'(?: version \S+)? is required but (?:it )?could not be\b|\bExecutable doesn't exist at /|"
        r"\bNo binary for \w+ browser\b",
    ),
    # The job points a tool at what is not there or not allowed (categories.md's config.error): Go's ``cannot
    # find main module``, Rake's ``Don't know how to build task``, kubectl's ``no matches for kind "X" in version``,
    # pip's ``externally-managed-environment``, the runner's ``Unable to resolve action``, Compose's schema check.
    (
        "config.error",
        r"\bcannot find main module\b|\bDon't know how to build task\b|\bno matches for kind \"[^\"]+\" in version\b|"
        r"\bexternally-managed-environment\b|\bUnable to resolve action\b|\bAdditional property \S+ is not allowed\b",
    ),
    # A database the tests need is not reachable (Prisma's ``P1001: Can't reach database server at``).
    ("network", r"\bCan't reach database server\b"),
    # The runtime or toolchain is the wrong version (versionwords.py).
    *(("runtime.version", pattern) for pattern in versionwords.WORDS),
    # git will not act on the workspace an earlier build left: a lock file, a ref it cannot lock, local
    # changes or untracked files a checkout would overwrite, a rebase or merge in progress.
    (
        "infrastructure",
        r"(?i)\.lock'?: File exists\b|\bcannot lock ref\b|\bcannot (?:rebase|pull with rebase)\b: You have\b|"
        r"\b(?:local changes|untracked working tree files) (?:to the following files )?would be (?:overwritten|removed)\b|"
        r"\byou need to resolve your current index first\b|\bthere is already a rebase-(?:merge|apply) directory\b",
    ),
)
_COMPILED = tuple((category, lazyre.compile(pattern)) for category, pattern in _WORDS)
# What a shell's exit status says alone: POSIX (Shell Command Language, 2.8.2) has a command that was not
# found exit 127, whatever the block above it says (bash's ``line 1: vendor/bin/phpcs: No such file or
# directory`` names a missing program or a redirect's missing directory, its status which one).
# And 137 is 128 + SIGKILL (9), the signal the kernel's OOM killer sends: on CI, most likely a job out of memory
# (a ``timeout -s KILL`` or a container's stop sends it too; words that say so name those first).
_EXIT = {127: "command.not.found", 137: "resource.exhausted"}


# A URL's words are its address, not a cause (a link checker's ``.../errors/401-unauthorized``).
_URL = lazyre.compile(r"\b[a-zA-Z][\w+.-]{0,15}://\S+")
# A cause is said in a message's first words; a line is read that far only, so a log of long lines costs
# ~15 searches of this much per line read, not of the whole line (a hostile 4,000-character line, times
# the 200 lines of a failed section's tail the epilogue walk may read).
LINE_CHARS = 512


# A quoted span: under a test runner, a test's or scenario's name (``scenario 'login with invalid
# credentials' failed``), which says what was tested, not why the run failed.
_QUOTED = lazyre.compile(r"'[^'\n]*'|\"[^\"\n]*\"")


# generic.anchor reads a section's tail twice (the failing command's output, then the whole tail) and
# rootcause the block's key lines again: each line's words are matched once.
@functools.lru_cache(maxsize=blocks.CACHE)
def line_category(text: str, unquoted: bool = False) -> str | None:
    """The category the line's words name, if any; a warning names none (it did not fail the job).
    ``unquoted``: its quoted spans are names, not words (a test runner's block)."""
    if blocks.warning(text):
        return None
    words = _URL.sub(" ", text[:LINE_CHARS])
    words = _QUOTED.sub(" ", words) if unquoted else words
    return next((category for category, pattern in _COMPILED if pattern.search(words)), None)


def exit_category(code: int | None) -> str | None:
    """The category a failed section's exit status names by itself, if any (127: a command not found)."""
    return _EXIT.get(code) if code is not None else None


def said_at(block: Sequence[str]) -> list[int]:
    """Where in the block its cause may be said: its first line, then its error lines (``blocks.error_score`` of
    2 or more) within REACH. Not only the first few: a tool's report says why deep in it (node-gyp's ``stack
    Error: Could not find any Python installation`` under ``npm error code 1``, ``path`` and ``command``)."""
    return [0, *(i for i in range(1, min(len(block), REACH)) if blocks.error_score(block[i]) >= 2)] if block else []


def category(block: Sequence[str], unquoted: bool = False) -> str | None:
    """The category the block's error lines name (said_at): the first one's that names one (``unquoted``: as
    line_category)."""
    return next((c for i in said_at(block) if (c := line_category(block[i], unquoted))), None)
