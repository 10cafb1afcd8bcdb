"""The cause a generic block's key lines say in words (a missing program, credentials, a permission, git's
workspace) outranks what the failing command is; words elsewhere, in a warning or in a test's output under
its runner's verdict, do not."""

from __future__ import annotations

import pytest

from autoheal import causewords
from autoheal.models import Diagnosis
from tests.helpers import bare_ruleset, gha_step, triage_text

BARE = bare_ruleset()  # no rule knows any of these tools: every block is generic


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("meson.build:9:0: ERROR: Program 'glslangValidator' not found or not executable", "command.not.found"),
        ("meson.build:1:0: ERROR: Unknown compiler(s): [['c++'], ['g++'], ['clang++']]", "command.not.found"),
        ("error: linker `x86_64-w64-mingw32-gcc` not found", "command.not.found"),
        ("configure: error: no acceptable C compiler found in $PATH", "command.not.found"),
        ("configure: error: The pkg-config script could not be found or is too old.", "command.not.found"),
        ('CMake Error: CMake was unable to find a build program corresponding to "Ninja".', "command.not.found"),
        ("CMake Error: CMAKE_Fortran_COMPILER not set, after EnableLanguage", "command.not.found"),
        ('xcrun: error: unable to find utility "xctrace", not a developer tool or in PATH', "command.not.found"),
        ("Unable to locate executable file: dotnet. Please verify either the file path exists", "command.not.found"),
        ('go: no such tool "vet"', "command.not.found"),
        ("error: no such command: `nextest`", "command.not.found"),
        ("error: 'clippy-driver' is not installed for the toolchain 'nightly-x86_64'", "command.not.found"),
        ('exec: "bash": executable file not found in $PATH', "command.not.found"),
        ("ERROR: JAVA_HOME is not set and no 'java' command could be found in your PATH.", "command.not.found"),
        ("gyp ERR! stack Error: not found: make", "command.not.found"),
        ("Error: spawn rsync ENOENT", "command.not.found"),
        ("make: g++: Command not found", "command.not.found"),
        ("g++: fatal error: cannot execute 'cc1plus': execvp: No such file or directory", "command.not.found"),
        ("error: command 'gcc' failed: No such file or directory", "command.not.found"),
        ("  error occurred: Failed to find tool. Is `cc` installed?", "command.not.found"),  # the cc crate's
        ("error: unable to invoke subcommand: /usr/bin/swift-build (No such file or directory)", "command.not.found"),
        (
            "Could not transfer artifact a:b:pom:1 from/to gh: status code: 401, reason phrase: Unauthorized (401)",
            "credentials",
        ),
        ("npm ERR! code E401", "credentials"),
        ("npm ERR! need auth This command requires you to be logged in to https://registry.npmjs.org/", "credentials"),
        ("fatal: could not read Username for 'https://github.com': terminal prompts disabled", "credentials"),
        ("remote: HTTP Basic: Access denied", "credentials"),  # GitLab's answer to a wrong token
        ("git@github.com: Permission denied (publickey).", "credentials"),  # a key, not a file's mode
        (
            'fatal: Unable to locate credentials. You can configure credentials by running "aws configure".',
            "credentials",
        ),
        ("Error: google: could not find default credentials.", "credentials"),
        ("Error response from daemon: Get https://reg.example/v2/: no basic auth credentials", "credentials"),
        ("An error occurred (ExpiredToken) when calling the GetObject operation", "credentials"),
        ("error: no token found, please run `cargo login`", "credentials"),
        ("Error: NPM_TOKEN is not set", "credentials"),
        ("[!] Invalid password passed via 'MATCH_PASSWORD'", "credentials"),
        ("An error occurred (AccessDenied) when calling the PutObject operation: Access Denied", "permission"),
        ("User: arn:aws:iam::1:user/ci is not authorized to perform: ecr:PutImage on resource", "permission"),
        ('pods is forbidden: User "system:serviceaccount:ci:deploy" cannot list resource "pods"', "permission"),
        ("HttpError: Resource not accessible by integration", "permission"),
        ("remote: Permission to acme/site.git denied to github-actions[bot].", "permission"),
        ("fatal: Unable to create '/w/app/.git/index.lock': File exists.", "infrastructure"),
        ("error: cannot lock ref 'refs/remotes/origin/a/b': 'refs/remotes/origin/a' exists", "infrastructure"),
        ("error: cannot pull with rebase: You have unstaged changes.", "infrastructure"),
        ("error: The following untracked working tree files would be overwritten by merge:", "infrastructure"),
        # Not the words of a cause.
        ("Program python3 found: YES (/usr/bin/python3)", None),
        ("Program glslc found: NO", None),
        ("FAILED tests/test_cli.py::test_missing_command - AssertionError", None),  # a test's name is one word
        ("warning: linker `lld` not found, falling back to `cc`", None),  # a warning did not fail the job
        ('  File "a.py", line 1\nSyntaxError: invalid token', None),  # a parser's token, not an access one
        ("ld: cannot find the linker script memory.ld", None),  # a file, not a program
        ("src/auth.c:40:5: error: 'token' undeclared (first use in this function)", None),
        ("  42 |     return unauthorized();", None),  # a code frame's word
        ("No credentials specified", None),  # Jenkins' git plugin on a public clone
        ("Received status code 4010 from server", None),  # a number that is no HTTP status
        (
            "[error] java.io.IOException: Access to URL https://h/a.jar was refused by the server: Unauthorized",
            "credentials",
        ),
        ("java.io.IOException: Access to URL https://h/a.jar was refused by the server: Forbidden", "permission"),
        ("warning: failed to find tool configuration in .toolrc, using defaults", None),
        ("error: failed to find tool configuration file .toolrc", None),  # a file, not a program
        ("error NU1301:   Response status code does not indicate success: 401 (Unauthorized).", "credentials"),
        ("Error response from daemon: unauthorized: authentication required", "credentials"),
        # A deploy or analysis CLI's words for a secret the job did not pass.
        ("error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions", "credentials"),
        ("✘ [ERROR] In a non-interactive environment, it's necessary to set a CLOUDFLARE_API_TOKEN", "credentials"),
        ("ERROR: Not authorized. Please check the user token in the property 'sonar.token'", "credentials"),
        ("AWS provider credentials not found. Learn how to set up AWS provider credentials", "credentials"),
        ("Error: No access token available. Please login with 'flyctl auth login'", "credentials"),
        ("You are not authorized to view this page", None),  # no secret named
        ("error: set the PATH variable to include /opt/bin", None),  # a variable, not a secret
        # A resolver that cannot satisfy the versions, or bits that do not match what was recorded.
        ('error: failed to select a version for the requirement `tokio = "^2.0"`', "dependency.resolution"),
        (
            "error: Dependencies could not be resolved because root depends on 'swift-nio' 2.40.0",
            "dependency.resolution",
        ),
        (
            "Because app depends on b ^2.0.0 which doesn't match any versions, version solving failed.",
            "dependency.resolution",
        ),
        ("       Stack failed to construct a build plan.", "dependency.resolution"),
        ("verifying github.com/acme/ratelimit@v1.2.3: checksum mismatch", "dependency.resolution"),
        ("error: hash mismatch in fixed-output derivation '/nix/store/x-source.drv':", "dependency.resolution"),
        ("npm ERR! code ERESOLVE", "dependency.resolution"),
        ("Resolving dependencies...", None),  # the resolver at work
        ("ERROR: LoadError: Unsatisfiable requirements detected for package CSV [336ed68f]:", "dependency.resolution"),
        ("Package required but not available: 'sf'", "dependency.missing"),
        ("Error: You may need to run `helm dependency build` to fetch missing dependencies", "dependency.missing"),
        ("gh: API rate limit exceeded for 20.42.11.7.", "rate.limit"),
        ('Upload failed: {"message":"Rate limit reached. Please upload with the token"}', "rate.limit"),
        (
            "PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes)",
            "resource.exhausted",
        ),
        ("c++: fatal error: Killed signal terminated program cc1plus", "resource.exhausted"),
        ("cabal: The program 'happy' version >=1.19.5 is required but it could not be", "command.not.found"),
        (
            "Error: browserType.launch: Executable doesn't exist at /home/runner/.cache/ms-playwright/chromium",
            "command.not.found",
        ),
        ("ERROR [launcher]: No binary for ChromeHeadless browser on your platform.", "command.not.found"),
        ("go: cannot find main module, but found .git/config in /w/app", "config.error"),
        ("Don't know how to build task 'spec' (See the list of available tasks with `rake --tasks`)", "config.error"),
        (
            'error: resource mapping not found: no matches for kind "Ingress" in version "extensions/v1beta1"',
            "config.error",
        ),
        ("error: externally-managed-environment", "config.error"),
        ("##[error]Unable to resolve action `actions/setup-node@v9`, unable to find version `v9`", "config.error"),
        ("validating docker-compose.ci.yml: services.api Additional property buildd is not allowed", "config.error"),
        ("Error: P1001: Can't reach database server at `localhost:5432`", "network"),
        ("Rate limiting is enabled for this endpoint", None),  # a setting, not a limit reached
    ],
)
def test_a_line_names_the_category_its_tools_documented_words_say(line: str, category: str | None) -> None:
    assert causewords.line_category(line) == category


def test_the_words_are_read_on_the_first_line_and_the_error_lines_within_reach() -> None:
    block = ["ERROR: build failed", "  while running step 3", "error: linker `cc` not found", "fatal: gave up", "x"]
    assert causewords.said_at(block) == [0, 2, 3]
    assert causewords.category(block) == "command.not.found"
    # A report that says why deep in it: the fourth error line, under the code, path and command.
    npm = ["npm error code 1", "npm error path /w/node_modules/sharp", "npm error command failed"]
    deep = [*npm, "npm error gyp ERR! configure error", "npm error gyp ERR! stack Error: not found: make"]
    assert causewords.category(deep) == "command.not.found"
    # Beyond the reach: another block's words.
    assert (
        causewords.category(["error: build failed", *[""] * causewords.REACH, "error: linker `cc` not found"]) is None
    )
    # Words on a line that is no error line of the block are not its cause.
    assert causewords.category(["error: build failed", "  Unauthorized users are listed in docs/access.md"]) is None
    assert causewords.category([]) is None


def _gha(command: str, *body: str, code: int = 1) -> Diagnosis:
    return triage_text(gha_step(command, *body, code=code), BARE)


def test_a_missing_program_beats_the_compiler_that_failed() -> None:
    meson = _gha(
        "meson setup build",
        "The Meson build system",
        "Project name: viewer",
        "C compiler for the host machine: cc (gcc 13.2.0)",
        "meson.build:14:0: ERROR: Program 'glslc' not found or not executable",
        "",
        "A full log can be found at /w/viewer/build/meson-logs/meson-log.txt",
    )
    cargo = _gha(
        "cargo build --target x86_64-pc-windows-gnu",
        "   Compiling libc v0.2.155",
        "error: linker `x86_64-w64-mingw32-gcc` not found",
        "  |",
        "  = note: No such file or directory (os error 2)",
        "",
        "error: could not compile `libc` (build script) due to 1 previous error",
        code=101,
    )
    assert (meson.rule, meson.category) == ("generic.error-block", "command.not.found")
    assert (cargo.rule, cargo.category) == ("generic.error-block", "command.not.found")


def test_a_missing_tool_beats_the_checker_and_the_test_runner_that_needed_it() -> None:
    fmt = _gha(
        "cargo fmt --all -- --check",
        "error: 'cargo-fmt' is not installed for the toolchain 'stable-x86_64-unknown-linux-gnu'",
        "To install, run `rustup component add rustfmt`",
    )
    cover = _gha(
        "go test -cover ./...",
        "# example.com/svc/cmd/api",
        'go: no such tool "covdata"',
        "# example.com/svc/internal/db",
        'go: no such tool "covdata"',
    )
    assert fmt.category == "command.not.found"
    assert cover.category == "command.not.found"


def test_credentials_and_permissions_in_the_blocks_words() -> None:
    publish = _gha(
        "cargo publish",
        "    Updating crates.io index",
        "error: no token found, please run `cargo login`",
        "or use environment variable CARGO_REGISTRY_TOKEN",
        code=101,
    )
    deploy = _gha(
        "aws s3 sync public s3://acme-site --delete",
        "upload: public/index.html to s3://acme-site/index.html",
        "upload failed: public/app.js to s3://acme-site/app.js An error occurred (AccessDenied) when calling "
        "the PutObject operation: Access Denied",
    )
    clone = _gha(
        "git clone git@github.com:acme/private-fixtures.git",
        "Cloning into 'private-fixtures'...",
        "git@github.com: Permission denied (publickey).",
        "fatal: Could not read from remote repository.",
        code=128,
    )
    assert publish.category == "credentials"
    assert deploy.category == "permission"
    assert clone.category == "credentials"  # the key the server refused, not a file's permission (cues.py)


def test_a_workspace_git_left_is_the_agents_not_the_codes() -> None:
    jenkins = [
        "[Pipeline] sh",
        "+ git checkout release/2.4",
        "error: Your local changes to the following files would be overwritten by checkout:",
        "\tpackage-lock.json",
        "Please commit your changes or stash them before you switch branches.",
        "Aborting",
        "ERROR: script returned exit code 1",
        "Finished: FAILURE",
    ]
    assert triage_text(jenkins, BARE).category == "infrastructure"


def test_a_test_named_for_a_missing_command_that_fails_its_assertion_stays_a_test_failure() -> None:
    d = _gha(
        "pytest -q",
        "...F.",
        "FAILED tests/test_cli.py::test_missing_command - AssertionError: assert 'command not found' in ''",
        "1 failed, 4 passed in 0.31s",
    )
    assert d.category == "test.failure"


def test_a_tests_output_under_its_runners_verdict_stays_the_tests_failure() -> None:
    jest = _gha(
        "npx jest",
        "FAIL src/api.test.ts",
        "  ● client › refreshes an expired token",
        "    Error: Request failed: 401 Unauthorized",
        "Tests:       1 failed, 12 passed, 13 total",
    )
    assert jest.category == "test.failure"


def test_words_outside_the_block_or_in_a_warning_do_not_name_it() -> None:
    configure = _gha(
        "./configure && make",
        "checking for ccache... no",
        "Program glslc found: NO",  # meson's note of an optional program it will do without
        "checking for gcc... gcc",
        "src/parse.c:31:9: error: 'yylval' undeclared (first use in this function)",
        "make: *** [Makefile:40: src/parse.o] Error 1",
    )
    linted = _gha(
        "cargo clippy -- -D warnings",
        "warning: linker `lld` not found, falling back to `cc`",
        "error: this `if` has identical blocks",
        " --> src/main.rs:4:5",
        'error: could not compile `app` (bin "app") due to 1 previous error',
    )
    assert configure.category == "compile.error"
    assert linted.category == "lint.error"


def test_npms_own_words_for_missing_credentials_under_its_epilogue_name_the_block() -> None:
    d = _gha(
        "npm publish --access public",
        "npm notice Publishing to https://registry.npmjs.org/",
        "npm ERR! code ENEEDAUTH",
        "npm ERR! need auth This command requires you to be logged in to https://registry.npmjs.org/",
        "",
        "npm ERR! A complete log of this run can be found in: /home/runner/.npm/_logs/x-debug-0.log",
    )
    assert (d.rule, d.category, d.key_lines[0]) == ("generic.error-block", "credentials", 4)


def test_a_shells_exit_status_127_is_a_command_not_found_when_the_words_name_nothing() -> None:
    assert causewords.exit_category(127) == "command.not.found"
    assert causewords.exit_category(137) == "resource.exhausted"  # 128 + SIGKILL: the OOM killer's
    assert causewords.exit_category(1) is None and causewords.exit_category(None) is None
    phpcs = _gha(
        "vendor/bin/phpcs --standard=PSR12 src",
        "/home/runner/work/_temp/1f2e.sh: line 1: vendor/bin/phpcs: No such file or directory",
        code=127,
    )
    redirect = _gha(
        "./gen.sh > out/report.txt",
        "/home/runner/work/_temp/1f2e.sh: line 1: out/report.txt: No such file or directory",
    )
    assert phpcs.category == "command.not.found"
    assert redirect.category != "command.not.found"  # the same words under status 1: a missing directory


def test_a_test_runs_status_127_under_its_verdict_stays_the_tests_failure() -> None:
    d = _gha(
        "bats test/",
        "not ok 3 install prints usage",
        "# (in test file test/install.bats, line 12)",
        '#   `[ "$status" -eq 0 ]\' failed',
        "4 tests, 1 failure",
        code=127,
    )
    assert d.category == "test.failure"


def test_a_urls_words_are_its_address_not_a_cause() -> None:
    # A link checker's or a schema's link to a page about 401s says nothing about this job's credentials.
    assert (
        causewords.line_category("docs/setup.md:14: error: broken link https://example.com/docs/401-unauthorized")
        is None
    )
    assert causewords.line_category("  see https://docs.example.com/errors/401-unauthorized-responses") is None
    assert causewords.line_category("npm ERR! code E401 https://registry.npmjs.org/x") == "credentials"


def test_a_line_is_read_for_a_cause_up_to_line_chars_only() -> None:
    # The cost of a hostile line of thousands of characters is bounded; a message's cause is in its first words.
    assert causewords.line_category("error: spawn git ENOENT " + "x" * 4000) == "command.not.found"
    assert causewords.line_category("x" * causewords.LINE_CHARS + " spawn git ENOENT") is None


def test_a_program_name_pattern_starts_once_per_word() -> None:
    # The name and ``*-config`` patterns are anchored at a word's start (no retry at each of its characters);
    # their documented wording still reads.
    assert (
        causewords.line_category("error: 'cargo-fmt' is not installed for the toolchain 'stable'")
        == "command.not.found"
    )
    assert causewords.line_category("sdl2-config script could not be found") == "command.not.found"
    assert causewords.line_category("aaaa-" * 800 + " is not installed for the toolchainx") is None


def test_a_quoted_test_name_under_a_test_runner_is_no_cause() -> None:
    # An unknown runner with no verdict the engine knows: the scenario's name is quoted, its words are a name.
    d = _gha(
        "./run-e2e.sh",
        "ERROR: scenario 'login with invalid credentials shows a message' failed",
        "  step 3: expected text 'Welcome' not visible",
    )
    assert d.category == "test.failure"
    assert causewords.line_category("error: 'invalid credentials' was rejected", unquoted=True) is None
    assert causewords.line_category("error: invalid credentials for 'deploy'", unquoted=True) == "credentials"


def test_a_channel_conda_could_not_reach_is_the_network_not_the_resolution() -> None:
    conda = _gha(
        "conda env create -f environment.yml",
        "Collecting package metadata (repodata.json): failed",
        "",
        "CondaHTTPError: HTTP 000 CONNECTION FAILED for url <https://conda.anaconda.org/bioconda/noarch/repodata.json>",
        "Elapsed: -",
    )
    mamba = _gha(
        "micromamba install -y numpy",
        "CondaHTTPError: HTTP 502 BAD GATEWAY for url <https://repo.anaconda.com/pkgs/main/linux-64/repodata.json>",
    )
    assert (conda.rule, conda.category) == ("generic.error-block", "network")
    assert mamba.category == "network"
    # A 404 is a missing channel or package, a lower-case status a test's text, a warning did not fail the job.
    assert causewords.line_category("CondaHTTPError: HTTP 404 NOT FOUND for url <https://x.invalid/r.json>") is None
    assert causewords.line_category("FAILED tests/test_http.py::test_connection_failed_for_url") is None
    assert causewords.line_category("WARNING: HTTP 000 CONNECTION FAILED for url <https://x.invalid>") is None


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("6 files would be reformatted, 20 files would be left unchanged.", "lint.error"),
        ("Would reformat: src/app/main.py", "lint.error"),
        ("would reformat /home/runner/work/app/setup.py", "lint.error"),
        ("ERROR: /w/app/cli.py Imports are incorrectly sorted and/or formatted.", "lint.error"),
        ("src/main.cc:3:1: error: code should be clang-formatted [-Wclang-format-violations]", "lint.error"),
        # Nothing to rewrite, a test's name, a formatter's warning.
        ("All done! 26 files would be left unchanged.", None),
        ("PASSED tests/test_fmt.py::test_would_reformat_reports_the_files", None),
        ("warning: 2 files would be reformatted (the check is advisory here)", None),
    ],
)
def test_a_formatters_check_that_found_files_to_rewrite_is_a_lint_error(line: str, category: str | None) -> None:
    assert causewords.line_category(line) == category


def test_a_formatters_summary_names_a_block_whose_command_is_unseen() -> None:
    # The log's head (the step's command) cut away: only the diff and the formatter's summary are left.
    black = triage_text(
        [
            "@@ -10,7 +10,5 @@",
            "-    total = len(a) + len(",
            "-        b",
            "-    )",
            "+    total = len(a) + len(b)",
            "Oh no! 💥 💔 💥",
            "2 files would be reformatted, 9 files would be left unchanged.",
            "##[error]Process completed with exit code 1.",
        ],
        BARE,
    )
    assert (black.rule, black.category) == ("generic.error-block", "lint.error")


def test_a_scripts_export_of_a_secret_is_no_missing_secret() -> None:
    assert causewords.line_category("+ export AWS_SECRET_ACCESS_KEY=***") is None
    assert causewords.line_category("export GITHUB_TOKEN=abc") is None
    assert causewords.line_category("cannot load such file -- ./lib/config (LoadError)") is None  # the project's own
