"""Setup and passing output of common tools, to put realistic noise around a failure."""

from __future__ import annotations

from benchmarks.authored.shapes import Step


def setup_python(version: str = "3.11") -> Step:
    full = {"3.8": "3.8.18", "3.11": "3.11.9", "3.12": "3.12.3"}[version]
    return Step(
        "",
        uses="actions/setup-python@v5",
        with_={"python-version": version, "cache": "pip", "check-latest": "false", "update-environment": "true"},
        out=f"""Installed versions
Successfully set up CPython ({full})
##[group]Cache pip dependencies
Received 0 of 48211634 (0.0%), 0.0 MBs/sec
Received 48211634 of 48211634 (100.0%), 45.9 MBs/sec
Cache Size: ~46 MB (48211634 B)
[command]/usr/bin/tar -xf /home/runner/work/_temp/3c2b1a0f/cache.tzst -P -C /home/runner/work --use-compress-program unzstd
Cache restored successfully
Cache restored from key: setup-python-Linux-python-{full}-pip-8f1e2d3c4b5a69788796a5b4c3d2e1f0
##[endgroup]""",
    )


def setup_node(version: str = "20") -> Step:
    return Step(
        "",
        uses="actions/setup-node@v4",
        with_={"node-version": version, "cache": "npm", "always-auth": "false", "check-latest": "false"},
        out=f"""Found in cache @ /opt/hostedtoolcache/node/{version}.12.2/x64
##[group]Environment details
node: v{version}.12.2
npm: 10.5.0
yarn: 1.22.22
##[endgroup]
[command]/opt/hostedtoolcache/node/{version}.12.2/x64/bin/npm config get cache
/home/runner/.npm
Cache hit for: node-cache-Linux-x64-npm-4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b
Received 37748736 of 61822941 (61.1%), 36.0 MBs/sec
Received 61822941 of 61822941 (100.0%), 40.1 MBs/sec
Cache Size: ~59 MB (61822941 B)
Cache restored successfully""",
    )


def setup_go(version: str = "1.22") -> Step:
    return Step(
        "",
        uses="actions/setup-go@v5",
        with_={"go-version": version, "check-latest": "false", "cache": "true"},
        out=f"""Setup go version spec {version}
Found in cache @ /opt/hostedtoolcache/go/{version}.2/x64
Added go to the path
Successfully set up Go version {version}
[command]/opt/hostedtoolcache/go/{version}.2/x64/bin/go env GOMODCACHE
[command]/opt/hostedtoolcache/go/{version}.2/x64/bin/go env GOCACHE
/home/runner/go/pkg/mod
/home/runner/.cache/go-build
Cache is not found
go version go{version}.2 linux/amd64

##[group]go env
GO111MODULE=''
GOARCH='amd64'
GOCACHE='/home/runner/.cache/go-build'
GOMODCACHE='/home/runner/go/pkg/mod'
GOOS='linux'
GOPROXY='https://proxy.golang.org,direct'
##[endgroup]""",
    )


def setup_java(version: str = "17") -> Step:
    return Step(
        "",
        uses="actions/setup-java@v4",
        with_={"distribution": "temurin", "java-version": version, "cache": "maven"},
        out=f"""##[group]Installed distributions
Resolved Java {version}.0.11+9 from tool-cache
Setting Java {version}.0.11+9 as the default
Creating toolchains.xml for JDK version {version} from temurin
Writing to /home/runner/.m2/toolchains.xml

Java configuration:
  Distribution: temurin
  Version: {version}.0.11+9
  Path: /opt/hostedtoolcache/Java_Temurin-Hotspot_jdk/{version}.0.11-9/x64

##[endgroup]
Creating settings.xml with server-id: github
Writing to /home/runner/.m2/settings.xml
Cache restored successfully
Cache restored from key: setup-java-Linux-maven-5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a""",
    )


def setup_rust() -> Step:
    return Step(
        "",
        uses="dtolnay/rust-toolchain@stable",
        with_={"toolchain": "stable", "components": "clippy, rustfmt"},
        out="""##[group]rustup toolchain install stable --profile minimal --component clippy,rustfmt --no-self-update
info: syncing channel updates for 'stable-x86_64-unknown-linux-gnu'
info: latest update on 2024-05-02, rust version 1.78.0 (9b00956e5 2024-04-29)
info: downloading component 'cargo'
info: downloading component 'clippy'
info: downloading component 'rust-std'
info: downloading component 'rustc'
info: downloading component 'rustfmt'
info: installing component 'cargo'
info: installing component 'clippy'
info: installing component 'rust-std'
info: installing component 'rustc'
info: installing component 'rustfmt'

  stable-x86_64-unknown-linux-gnu installed - rustc 1.78.0 (9b00956e5 2024-04-29)

##[endgroup]
##[group]rustc --version --verbose
rustc 1.78.0 (9b00956e5 2024-04-29)
binary: rustc
host: x86_64-unknown-linux-gnu
release: 1.78.0
LLVM version: 18.1.2
##[endgroup]""",
    )


def pip_install(packages: list[tuple[str, str]], target: str = "-r requirements.txt") -> str:
    out = ["Obtaining file:///home/runner/work/app/app" if target == "-e ." else ""]
    for name, version in packages:
        out.append(f"Collecting {name}=={version} (from -r requirements.txt (line {len(out)}))")
        out.append(f"  Downloading {name.replace('-', '_')}-{version}-py3-none-any.whl.metadata (4.{len(name)} kB)")
    for name, version in packages:
        out.append(f"Downloading {name.replace('-', '_')}-{version}-py3-none-any.whl ({len(name) * 13} kB)")
        out.append(
            f"   ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ {len(name) * 13}.0/{len(name) * 13}.0 kB 21.4 MB/s eta 0:00:00"
        )
    out.append("Installing collected packages: " + ", ".join(n for n, _ in packages))
    out.append("Successfully installed " + " ".join(f"{n}-{v}" for n, v in packages))
    return "\n".join(o for o in out if o)


PY_PACKAGES = [
    ("pluggy", "1.5.0"),
    ("packaging", "24.0"),
    ("iniconfig", "2.0.0"),
    ("pytest", "8.2.0"),
    ("coverage", "7.5.1"),
    ("pytest-cov", "5.0.0"),
    ("requests", "2.31.0"),
    ("urllib3", "2.2.1"),
    ("idna", "3.7"),
    ("charset-normalizer", "3.3.2"),
    ("certifi", "2024.2.2"),
]


def pytest_header(root: str = "/home/runner/work/app/app", plugins: str = "cov-5.0.0") -> str:
    return f"""============================= test session starts ==============================
platform linux -- Python 3.11.9, pytest-8.2.0, pluggy-1.5.0
rootdir: {root}
configfile: pyproject.toml
plugins: {plugins}
collected 214 items
"""


def pytest_dots(files: list[str], fail_at: str | None = None) -> str:
    out = []
    for i, f in enumerate(files):
        dots = "." * (7 + (i * 5) % 23)
        mark = "F" if f == fail_at else ""
        pct = int(100 * (i + 1) / len(files))
        out.append(f"{f} {dots}{mark}{'.' * 3 if mark else ''}".ljust(70) + f" [{pct:3d}%]")
    return "\n".join(out)


def npm_ci(added: int = 1287) -> str:
    return f"""npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory. Do not use it.
npm WARN deprecated rimraf@3.0.2: Rimraf versions prior to v4 are no longer supported
npm WARN deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported
npm WARN deprecated @humanwhocodes/config-array@0.11.14: Use @eslint/config-array instead

added {added} packages, and audited {added + 1} packages in 21s

214 packages are looking for funding
  run `npm fund` for details

8 vulnerabilities (2 low, 5 moderate, 1 high)

To address issues that do not require attention, run:
  npm audit fix

Run `npm audit` for details."""


def go_download(mods: list[str]) -> str:
    return "\n".join(f"go: downloading {m}" for m in mods)


GO_MODS = [
    "github.com/stretchr/testify v1.9.0",
    "github.com/spf13/cobra v1.8.0",
    "github.com/spf13/pflag v1.0.5",
    "golang.org/x/sync v0.7.0",
    "github.com/davecgh/go-spew v1.1.1",
    "github.com/pmezard/go-difflib v1.0.0",
    "gopkg.in/yaml.v3 v3.0.1",
]


def cargo_fetch(crates: list[str]) -> str:
    out = ["    Updating crates.io index"]
    out += [f"  Downloaded {c}" for c in crates]
    out.append(f"  Downloaded {len(crates)} crates ({len(crates) * 97}.3 KB) in 1.04s")
    out += [f"   Compiling {c}" for c in crates]
    return "\n".join(out)


CRATES = [
    "proc-macro2 v1.0.81",
    "unicode-ident v1.0.12",
    "libc v0.2.154",
    "quote v1.0.36",
    "syn v2.0.60",
    "serde v1.0.200",
    "serde_derive v1.0.200",
    "memchr v2.7.2",
    "itoa v1.0.11",
    "ryu v1.0.17",
    "serde_json v1.0.116",
]


def maven_downloads(n: int = 10) -> str:
    arts = [
        "org/apache/maven/plugins/maven-surefire-plugin/3.2.5/maven-surefire-plugin-3.2.5.pom",
        "org/apache/maven/surefire/surefire/3.2.5/surefire-3.2.5.pom",
        "org/junit/jupiter/junit-jupiter-api/5.10.2/junit-jupiter-api-5.10.2.jar",
        "org/junit/jupiter/junit-jupiter-engine/5.10.2/junit-jupiter-engine-5.10.2.jar",
        "org/opentest4j/opentest4j/1.3.0/opentest4j-1.3.0.jar",
        "org/apiguardian/apiguardian-api/1.1.2/apiguardian-api-1.1.2.jar",
        "com/fasterxml/jackson/core/jackson-databind/2.17.0/jackson-databind-2.17.0.jar",
        "com/fasterxml/jackson/core/jackson-core/2.17.0/jackson-core-2.17.0.jar",
        "org/slf4j/slf4j-api/2.0.13/slf4j-api-2.0.13.jar",
        "com/google/guava/guava/33.1.0-jre/guava-33.1.0-jre.jar",
    ]
    out = []
    for a in arts[:n]:
        out.append(f"Downloading from central: https://repo.maven.apache.org/maven2/{a}")
        out.append(
            f"Downloaded from central: https://repo.maven.apache.org/maven2/{a} ({len(a)} kB at 1.{len(a) % 9} MB/s)"
        )
    return "\n".join(out)


def maven_head(project: str, version: str = "1.4.0-SNAPSHOT") -> str:
    return f"""[INFO] Scanning for projects...
[INFO]
[INFO] -----------------------< com.acme:{project} >------------------------
[INFO] Building {project} {version}
[INFO]   from pom.xml
[INFO] --------------------------------[ jar ]---------------------------------
[INFO]
[INFO] --- resources:3.3.1:resources (default-resources) @ {project} ---
[INFO] Copying 3 resources from src/main/resources to target/classes
[INFO]
[INFO] --- compiler:3.13.0:compile (default-compile) @ {project} ---
[INFO] Recompiling the module because of changed source code.
[INFO] Compiling 84 source files with javac [debug release 17] to target/classes"""


def gradle_head() -> str:
    return """Downloading https://services.gradle.org/distributions/gradle-8.7-bin.zip
............10%.............20%.............30%.............40%.............50%.............60%.............70%.............80%.............90%.............100%

Welcome to Gradle 8.7!

Here are the highlights of this release:
 - Compiling and testing with Java 22
 - Cacheable Groovy script compilation
 - New methods in lazy collection properties

For more details see https://docs.gradle.org/8.7/release-notes.html

Starting a Gradle Daemon (subsequent builds will be faster)
> Task :buildSrc:checkKotlinGradlePluginConfigurationErrors
> Task :buildSrc:generateExternalPluginSpecBuilders UP-TO-DATE
> Task :buildSrc:compileKotlin UP-TO-DATE
> Task :buildSrc:jar UP-TO-DATE
> Task :app:preBuild UP-TO-DATE
> Task :app:checkKotlinGradlePluginConfigurationErrors
> Task :app:processResources"""


def bundle_install() -> str:
    return """Fetching gem metadata from https://rubygems.org/.........
Resolving dependencies...
Fetching rake 13.2.1
Installing rake 13.2.1
Fetching concurrent-ruby 1.2.3
Fetching minitest 5.22.3
Fetching i18n 1.14.4
Installing minitest 5.22.3
Installing concurrent-ruby 1.2.3
Installing i18n 1.14.4
Fetching diff-lcs 1.5.1
Installing diff-lcs 1.5.1
Fetching rspec-support 3.13.1
Installing rspec-support 3.13.1
Fetching rspec-core 3.13.0
Fetching rspec-expectations 3.13.0
Fetching rspec-mocks 3.13.0
Installing rspec-core 3.13.0
Installing rspec-expectations 3.13.0
Installing rspec-mocks 3.13.0
Fetching rspec 3.13.0
Installing rspec 3.13.0
Bundle complete! 14 Gemfile dependencies, 52 gems now installed.
Bundled gems are installed into `./vendor/bundle`"""


def composer_install() -> str:
    return """Installing dependencies from lock file (including require-dev)
Verifying lock file contents can be installed on current platform.
Package operations: 38 installs, 0 updates, 0 removals
  - Downloading symfony/polyfill-mbstring (v1.29.0)
  - Downloading sebastian/diff (5.1.1)
  - Downloading phpunit/phpunit (10.5.20)
  - Installing symfony/polyfill-mbstring (v1.29.0): Extracting archive
  - Installing sebastian/diff (5.1.1): Extracting archive
  - Installing phpunit/php-timer (6.0.0): Extracting archive
  - Installing phpunit/phpunit (10.5.20): Extracting archive
Generating optimized autoload files
28 packages you are using are looking for funding.
Use the `composer fund` command to find out more!"""


def dotnet_restore() -> str:
    return """  Determining projects to restore...
  Restored /home/runner/work/shop/shop/src/Shop.Core/Shop.Core.csproj (in 1.21 sec).
  Restored /home/runner/work/shop/shop/src/Shop.Api/Shop.Api.csproj (in 1.84 sec).
  Restored /home/runner/work/shop/shop/tests/Shop.Tests/Shop.Tests.csproj (in 2.02 sec).

Welcome to .NET 8.0!
---------------------
SDK Version: 8.0.204

Telemetry
---------
The .NET tools collect usage data in order to help us improve your experience. You can opt-out of telemetry by setting the DOTNET_CLI_TELEMETRY_OPTOUT environment variable to '1' or 'true' using your favorite shell."""


def apt_install(pkgs: str) -> str:
    return f"""Hit:1 http://azure.archive.ubuntu.com/ubuntu jammy InRelease
Get:2 http://azure.archive.ubuntu.com/ubuntu jammy-updates InRelease [128 kB]
Get:3 http://azure.archive.ubuntu.com/ubuntu jammy-backports InRelease [127 kB]
Get:4 http://azure.archive.ubuntu.com/ubuntu jammy-security InRelease [129 kB]
Fetched 2411 kB in 1s (3021 kB/s)
Reading package lists...
Reading package lists...
Building dependency tree...
Reading state information...
The following NEW packages will be installed:
  {pkgs}
0 upgraded, 4 newly installed, 0 to remove and 21 not upgraded.
Need to get 1534 kB of archives.
After this operation, 6211 kB of additional disk space will be used.
Get:1 http://azure.archive.ubuntu.com/ubuntu jammy/main amd64 {pkgs.split()[0]} amd64 1.2.11 [388 kB]
Fetched 1534 kB in 0s (9021 kB/s)
Selecting previously unselected package {pkgs.split()[0]}.
(Reading database ... 100%
(Reading database ... 231468 files and directories currently installed.)
Preparing to unpack .../{pkgs.split()[0]}_1.2.11_amd64.deb ...
Unpacking {pkgs.split()[0]} (1.2.11) ...
Setting up {pkgs.split()[0]} (1.2.11) ...
Processing triggers for man-db (2.10.2-1) ..."""


def cmake_configure(project: str) -> str:
    return f"""-- The C compiler identification is GNU 11.4.0
-- The CXX compiler identification is GNU 11.4.0
-- Detecting C compiler ABI info
-- Detecting C compiler ABI info - done
-- Check for working C compiler: /usr/bin/cc - skipped
-- Detecting C compile features
-- Detecting C compile features - done
-- Detecting CXX compiler ABI info
-- Detecting CXX compiler ABI info - done
-- Check for working CXX compiler: /usr/bin/c++ - skipped
-- Detecting CXX compile features
-- Detecting CXX compile features - done
-- Performing Test CMAKE_HAVE_LIBC_PTHREAD
-- Performing Test CMAKE_HAVE_LIBC_PTHREAD - Success
-- Found Threads: TRUE
-- Configuring done (1.2s)
-- Generating done (0.0s)
-- Build files have been written to: /home/runner/work/{project}/{project}/build"""
