"""A runtime or toolchain of the wrong version, in the words its tools print whatever the tool (versionwords.py),
names a generic block runtime.version; a package's version, a test's name or a warning does not."""

from __future__ import annotations

import pytest

from autoheal import causewords
from autoheal.models import Diagnosis
from tests.helpers import bare_ruleset, gha_step, triage_text

BARE = bare_ruleset()  # no rule knows any of these tools: every block is generic


@pytest.mark.parametrize(
    "line",
    [
        'error left-pad@2.0.1: The engine "node" is incompatible with this module. Expected version ">=20". Got "18.1.0"',
        "npm error code EBADENGINE",
        "ERROR: Package 'tinytool' requires a different Python: 3.7.17 not in '>=3.10'",
        "ERROR: gem install failed: nokogiri-1.16.0 requires Ruby version >= 3.0.",
        "error: package `clap_lex v0.7.1` cannot be built because it requires rustc 1.74 or newer",
        "go: go.mod requires go >= 1.22.1 (running go 1.21.6)",
        "Error: this package requires at least Node.js 20",
        'ERROR: phoenix requires Elixir "~> 1.15" but you are running on v1.14.5',
        "  CMake 3.25 or higher is required.  You are running version 3.22.1",
        "The currently activated Python version 3.8.10 is not supported by the project (>=3.9).",
        "Current Python version (3.8.10) is not allowed by the project (^3.10).",
        "    - Your PHP version (7.4.33) does not satisfy that requirement.",
        "Detected JDK version 11.0.22 (JAVA_HOME=/usr/lib/jvm/java-11) is not in the allowed range [17,).",
        "error: 'kit': package 'kit' is using Swift tools version 5.10.0 but the installed version is 5.9.2",
        "BUG! exception in phase 'semantic analysis' Unsupported class file major version 65",
        "error: invalid target release: 21",
        "Error: node_modules/bcrypt/lib/binding.node was compiled against a different Node.js version using",
        "ERROR:  py36: InterpreterNotFound: python3.6",
        "error NETSDK1045: The current .NET SDK does not support targeting .NET 8.0.",
    ],
)
def test_a_wrong_runtimes_words_name_runtime_version(line: str) -> None:
    assert causewords.line_category(line) == "runtime.version"


@pytest.mark.parametrize(
    "line",
    [
        # A package's version, not a runtime's.
        "ERROR: Cannot install requests>=2.31 because these package versions have conflicting dependencies.",
        'error: failed to select a version for the requirement `serde = "^2.0"`',
        # Metadata, a test's name, a version printed, a warning.
        "Requires-Python >=3.9",
        "PASSED tests/test_env.py::test_requires_python_3_9_or_newer",
        "Using Python 3.12.1 environment at: .venv",
        "npm warn EBADENGINE Unsupported engine {",
        "warning: this crate requires rustc 1.80 or newer for the `lazy` feature",
        # An update notice, a package's conflict worded with "installed version" or "you are running".
        "You are running version 1.2.0; a newer version (1.4.1) is available",
        "Error: foo 2.0 requires version 3 but the installed version is 1.0",
        "ERROR: bar requires baz>=2.1 but you are running 2.0",
        # An old runtime's syntax error is any code's syntax error.
        "SyntaxError: Unexpected token '?'",
    ],
)
def test_a_packages_version_a_name_or_a_warning_is_no_runtime_version(line: str) -> None:
    assert causewords.line_category(line) != "runtime.version"


def _gha(command: str, *body: str) -> Diagnosis:
    return triage_text(gha_step(command, *body), BARE)


def test_a_refused_runtime_beats_the_package_manager_that_refused_it() -> None:
    yarn = _gha(
        "yarn install --frozen-lockfile",
        "yarn install v1.22.22",
        "[1/4] Resolving packages...",
        "[2/4] Fetching packages...",
        'error astro@4.8.0: The engine "node" is incompatible with this module. Expected version ">=18.14.1". Got "16.20.2"',
        "error Found incompatible module.",
    )
    pip = _gha(
        "python -m pip install -e .",
        "Obtaining file:///home/runner/work/app",
        "ERROR: Package 'app' requires a different Python: 3.8.18 not in '>=3.10'",
    )
    gem = _gha(
        "bundle install --jobs 4",
        "Fetching gem metadata from https://rubygems.org/.........",
        "Installing zeitwerk 2.6.13",
        "Gem::RuntimeRequirementNotMetError: zeitwerk requires Ruby version >= 3.0. The current ruby version is 2.7.8.",
        "An error occurred while installing zeitwerk (2.6.13), and Bundler cannot continue.",
    )
    cargo = _gha(
        "cargo build --locked",
        "    Updating crates.io index",
        "error: package `clap_lex v0.7.1` cannot be built because it requires rustc 1.74 or newer, while the"
        " currently active rustc version is 1.70.0",
    )
    assert (yarn.rule, yarn.category) == ("generic.error-block", "runtime.version")
    assert (pip.rule, pip.category) == ("generic.error-block", "runtime.version")
    assert gem.category == "runtime.version"
    assert cargo.category == "runtime.version"
