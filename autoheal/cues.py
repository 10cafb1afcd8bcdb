"""Words of a generic error block that name its failure whatever tool printed them.

When no rule knows the failing tool, its category comes from what the command is (tooltable.py).
Some words say more than the command's name can: the OS's own error texts (errno names and their
strerror messages, from the Linux errno(3) and POSIX <errno.h> docs), a shell's report of a fatal
signal (signal(7): SIGSEGV "Segmentation fault", SIGABRT "Aborted", SIGKILL "Killed"), a shell's own
diagnostics (bash's "command not found" and "syntax error near unexpected token", cmd.exe's "is not
recognized as an internal or external command"), a runtime's own crash report (a sanitizer's, CPython's
faulthandler, HotSpot's, Go's or the Erlang VM's), a build tool's "nothing to run here" (no Rakefile, POM
or CMakeLists.txt, a missing npm script), an HTTP status line (RFC 9110) and the "timed out" / "deadline
exceeded" wording of a time limit. A block
whose cue lines all name one category is that category (``category``). The vocabularies are the
documented ones, not the dev logs' lines; an ambiguous one is left out: ENOENT ("No such file or
directory") says a file or an executable is missing, and a 404 a missing artifact, a stale index
or a wrong URL, so neither names a category alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from autoheal import blocks

# Time units as tools print them: ``30000 ms``, ``60 seconds``, ``10m0s``.
_UNIT = r"\d+(?:\.\d+)? ?(?:ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)(?![a-z])"
# A build tool's own words for "there is nothing to run here", its build file or the named script,
# task or target missing (rake, GNU make, npm/pnpm/yarn, Maven, Gradle, CMake, Ninja, Cargo, Go, Composer,
# Bundler, MSBuild): the job's configuration points the tool at the wrong place.
NOTHING_TO_RUN = (
    r"\bNo Rakefile found\b|\bNo targets specified and no makefile found\b|"
    # make's ``No rule to make target 'x'.  Stop.``; its ``..., needed by 'y'`` is a missing file (rules.yaml).
    r"\bNo rule to make target [`'][^`']*'\.|"
    r"\bMissing script: |\bERR_PNPM_NO_SCRIPT\b|\berror Command \S+ not found\.|"
    r"\bthere is no POM in this directory\b|\bUnknown lifecycle phase\b|"
    r"\bTask '[^']+' not found in (?:root )?project\b|\bdoes not contain a Gradle build\b|"
    r"\bdoes not appear to contain CMakeLists\.txt\b|\bninja: error: loading 'build\.ninja'|"
    r"\bcould not find `Cargo\.toml`|\bgo\.mod file not found in current directory\b|"
    r"\bComposer could not find a composer\.json\b|\bCould not locate Gemfile\b|\berror MSB1003:"
)
# A runtime's own crash report: the sanitizers' (clang/gcc docs: ``==PID==ERROR: AddressSanitizer:``,
# UBSan's ``file:line:col: runtime error:``, every sanitizer's ``SUMMARY: XSanitizer:``), CPython's
# faulthandler, HotSpot's fatal error log, Go's runtime panic, the Erlang VM's (erts' crash dump, the
# kernel or init process dying during boot, a process's exit report). Printed by the runtime of the
# process that died, never by a test's assertion (testcrash.py reads the ones that open a line inside a
# failing test's output).
CRASH_REPORTS = (
    r"==\d+==\s?ERROR: \w*Sanitizer:|\bSUMMARY: \w*Sanitizer:|:\d+:\d+: runtime error: ",
    r"^Fatal Python error: |# A fatal error has been detected by the Java Runtime Environment|\bhs_err_pid\d+",
    r"^panic: runtime error: |^fatal error: (?:all goroutines are asleep|concurrent map|unexpected signal)",
    r"\bKernel pid terminated\b|\bCrash dump is being written to\b|\b[Ii]nit terminating in do_boot\b|"
    r"\bRuntime terminating during boot\b|\bError in process \S+ with exit value\b",
)
# (category, pattern): a line's category is its first pattern's, so a connection's ETIMEDOUT
# ("Connection timed out") is network before the generic "timed out" is a timeout. strerror texts
# match in any case: Go's syscall errors print them in lower case (``connect: connection refused``).
_CUES: tuple[tuple[str, str], ...] = (
    # ENOSPC, EDQUOT, ENOMEM, EMFILE/ENFILE; the kernel's OOM killer and the shell's SIGKILL report.
    ("resource.exhausted", r"(?i)\bNo space left on device\b|\bENOSPC\b|\bDisk quota exceeded\b|\bEDQUOT\b"),
    ("resource.exhausted", r"(?i)\bCannot allocate memory\b|\bENOMEM\b|\bToo many open files\b|\bE[MN]FILE\b"),
    (
        "resource.exhausted",
        r"\bOut of memory\b|\bout of memory\b|\bOOM[- ]?kill|(?:^|:\s+(?:line \d+:\s+)?\d+ )Killed(?:\s|$)",
    ),
    # Fatal signals as a shell (and libc's abort) reports them, and their names.
    ("crash", r"\bSegmentation fault\b|\bBus error\b|\bIllegal instruction\b|\bFloating point exception\b"),
    ("crash", r"\bAborted \(core dumped\)|\(core dumped\)|\bAbort trap\b|\bSIG(?:SEGV|BUS|ILL|FPE|ABRT)\b"),
    # A runtime's own crash report (CRASH_REPORTS).
    *(("crash", pattern) for pattern in CRASH_REPORTS),
    # A build tool's documented "nothing to run here": no build file, no such script or target.
    ("config.error", NOTHING_TO_RUN),
    # EROFS, EACCES, EPERM; an HTTP 403.
    ("permission", r"(?i)\bRead-only file system\b|\bEROFS\b|\bPermission denied\b|\bEACCES\b"),
    ("permission", r"(?i)\bOperation not permitted\b|\bEPERM\b|\b403 Forbidden\b|\b(?:error|status|code):? 403\b"),
    # ECONNREFUSED, ECONNRESET, ENETUNREACH, EHOSTUNREACH, ETIMEDOUT; getaddrinfo's EAI texts; HTTP 5xx.
    ("network", r"(?i)\bConnection refused\b|\bECONNREFUSED\b|\bConnection reset by peer\b|\bECONNRESET\b"),
    ("network", r"(?i)\bNetwork is unreachable\b|\bNo route to host\b|\bE(?:NET|HOST)UNREACH\b|\bETIMEDOUT\b"),
    ("network", r"(?i)\bConnection timed out\b|\bTemporary failure in name resolution\b|\bName or service not known\b"),
    # Node's DNS and socket errors (getaddrinfo's EAI_AGAIN and ENOTFOUND, the request library's ESOCKETTIMEDOUT),
    # Go's net errors (``dial tcp x: i/o timeout``, ``lookup x: no such host``, ``net/http: TLS handshake timeout``).
    # (Not axios' ECONNABORTED: it is axios' code for its own timeouts and aborts.)
    ("network", r"\bEAI_AGAIN\b|\bgetaddrinfo ENOTFOUND\b|\bESOCKETTIMEDOUT\b"),
    # Zig's std.net and std.posix error names, as Zig programs print them (Bun's ``error: ConnectionRefused
    # downloading package manifest x``, ``error: FailedToOpenSocket``).
    (
        "network",
        r"\b(?:ConnectionRefused|ConnectionResetByPeer|ConnectionTimedOut|NetworkUnreachable|HostUnreachable|"
        r"FailedToOpenSocket|TemporaryNameServerFailure|UnknownHostName)\b",
    ),
    ("network", r"\bdial tcp \S+: i/o timeout\b|\blookup \S+(?: on \S+)?: no such host\b|\bTLS handshake timeout\b"),
    # curl's and libcurl's error texts (curl(1) EXIT CODES, curl_easy_strerror): CURLE_COULDNT_RESOLVE_HOST,
    # CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_SSL_CONNECT_ERROR, CURLE_RECV_ERROR; urllib3's
    # (Python requests) ``Max retries exceeded with url`` and ``Failed to establish a new connection``.
    (
        "network",
        r"(?i)\bCould(?: not|n't) resolve (?:host|proxy)\b|\bFailed to connect to \S+ port \d+|\bCouldn't connect to server\b",
    ),
    ("network", r"\bTimeout was reached\b|\bSSL connect error\b|\bFailure when receiving data from the peer\b"),
    ("rate.limit", r"\btoo many 429 error responses\b"),  # urllib3's retries that gave up on a rate limit
    ("network", r"\bMax retries exceeded with url\b|\bFailed to establish a new connection\b"),
    ("network", r"\b50[0234] (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b"),
    ("network", r"\b(?:ERROR|error|status|code):? 50[0234]\b"),
    # HTTP 429 and 401.
    ("rate.limit", r"\b429 Too Many Requests\b|\b(?:error|status|code):? 429\b"),
    ("credentials", r"\b401 Unauthorized\b|\b(?:error|status|code):? 401\b"),
    # A shell's own diagnostics (bash, dash, zsh; cmd.exe; PowerShell's CommandNotFoundException).
    (
        "command.not.found",
        r"(?:^|: )command not found\b|: not found$|is not recognized as an internal or external command",
    ),
    ("command.not.found", r"is not recognized as (?:the|a) name of a cmdlet"),
    # ENOENT names an executable when a launcher could not run a bare program name (coreutils' env,
    # xargs, nohup, timeout, nice; sudo): ``xargs: shellcheck: No such file or directory``.
    ("command.not.found", r"^(?:\S*/)?(?:xargs|env|nohup|timeout|nice|sudo): '?[\w.+-]+'?: No such file or directory"),
    # ENOENT names a file when the call that failed opens or stats a path: Go's os.PathError (``op path: err``,
    # errno in lower case) and Node's ``ENOENT: no such file or directory, open 'x'`` (an exec is neither).
    ("file.not.found", r"\b(?:open|stat|lstat|readlink|chdir) \S+: no such file or directory\b"),
    ("file.not.found", r"\bENOENT: no such file or directory, (?:open|stat|lstat|scandir|access|readlink) '"),
    ("syntax.error", r"\bsyntax error near unexpected token\b|\bsyntax error: unexpected end of file\b"),
    # A time limit's own words, and an inactivity limit's (``no output received for 60 seconds``).
    ("timeout", r"(?i)\btimed out\b|\bdeadline exceeded\b|\btimeout (?:of \S+ )?(?:exceeded|expired)\b"),
    (
        "timeout",
        rf"(?i)\bno (?:output|messages?|response|activity)\b[\w ,]{{0,30}}? (?:in|for|within) (?:the last )?{_UNIT}",
    ),
)
_COMPILED = tuple((category, re.compile(pattern)) for category, pattern in _CUES)


# A numbered line of a source frame a tool quotes (``44 |     description: not found``): the file's text, no cue.
_QUOTED_SOURCE = re.compile(r"^\s*\d+\s*[|│] ")


def line_category(text: str) -> str | None:
    """The category a line's cue names, if any; a warning names none (it did not fail the job), nor does a
    quoted source line."""
    if blocks.warning(text) or _QUOTED_SOURCE.match(text):
        return None
    return next((category for category, pattern in _COMPILED if pattern.search(text)), None)


def category(block: Iterable[str]) -> str | None:
    """The one category the block's cue lines name; None when none do or they disagree."""
    named = {c for c in map(line_category, block) if c}
    return named.pop() if len(named) == 1 else None
