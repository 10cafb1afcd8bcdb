"""The words a tool uses to say the language runtime or toolchain is the wrong version, whatever the tool.

A package manager, a build tool or a runtime that refuses to work with the interpreter, compiler or SDK it
found says so in a few shapes (causewords.py reads them on a block's error lines): a requirement on a named
runtime's version (pip's ``requires a different Python``, Gem's ``requires Ruby version >= 3.0``, cargo's
``requires rustc 1.70 or newer``, npm's ``requires at least Node.js 18``), a refused engine (yarn's ``The engine
"node" is incompatible with this module``, npm's ``EBADENGINE``), the current version named and rejected
(Poetry's ``The currently activated Python version 3.8.10 is not supported``, Composer's ``Your PHP version
(7.4.3) does not satisfy``, SwiftPM's ``but the installed version is``, CMake's ``3.20 or higher is required``),
or a binary built for another runtime (the JVM's ``Unsupported class file major version 65``, Node's ``compiled
against a different Node.js version``, the BEAM's ``compiled for a later version of the run-time system``).

Only a runtime's name with a version says it: a package's version conflict (``requires foo>=2``) is a
dependency's, and an old runtime's syntax error (``SyntaxError: Unexpected token '?'``) is left to the rules,
a syntax error being any code's.
"""

from __future__ import annotations

# Runtimes and toolchains by the names their tools print them.
_RUNTIME = (
    r"(?:Python|python|Ruby|ruby|Node(?:\.js)?|node(?:js)?|Java|java|JDK|JRE|JVM|Go|go|Rust|rustc|PHP|php|"
    r"Elixir|Erlang(?:/OTP)?|OTP|Dart|Flutter|Swift|\.NET(?: Core)?|Perl|perl|Julia|R|CMake|cmake|GCC|gcc|"
    r"Clang|clang|AppleClang|MSVC|Gradle|Maven|Kotlin|Scala|Deno|Bun|Zig|GHC|Xcode|Bazel|Lua)"
)
# A version as printed: ``3.9``, ``v18.0.0``, ``"~> 1.15"``, ``1.21``.
_VERSION = r"""["']?(?:[<>]=?|=|~>|\^|~)? ?v?\d+(?:\.\d+)*"""
# The flavours of a runtime's version: Swift's ``tools version``, Dart's ``SDK version``.
_KIND = r"(?: (?:tools|SDK|runtime))?(?: version)?"

WORDS: tuple[str, ...] = (
    # A floor on a named runtime: ``requires at least Node.js 18``, ``requires a minimum Swift tools version of 5.9``,
    # a comparator (``requires Ruby version >= 3.0``, ``requires go >= 1.21``, ``requires Elixir "~> 1.15"``), or
    # ``or newer`` after the version (``requires rustc 1.70 or newer``, ``requires go1.21 or later``).
    rf"\brequires? (?:at least|a minimum(?: of)?) {_RUNTIME}{_KIND}(?: of)? ?{_VERSION}",
    rf"""\brequires? {_RUNTIME}{_KIND} ?["']?(?:[<>]=?|~>|\^|≥) ?v?\d""",
    rf"\brequires? {_RUNTIME}{_KIND} ?v?\d+(?:\.\d+)*\+?(?:\)| \(found| or (?:newer|later|higher|above|greater)\b)",
    rf"\b{_RUNTIME} v?\d+(?:\.\d+)* or (?:higher|newer|later|greater) is required\b",
    # A different or refused runtime: pip's ``requires a different Python``, yarn's and npm's engine checks.
    rf"\brequires? a different {_RUNTIME}\b|\bThe engine \"[\w.-]+\" is incompatible\b|\bUnsupported engine\b|\bEBADENGINE\b",
    # The runtime found, named and rejected: ``The currently activated Python version 3.8.10 is not supported``,
    # ``Current Python version (3.8.10) is not allowed``, ``Your PHP version (7.4.3) does not satisfy``, ``Detected
    # JDK version 11.0.22 (JAVA_HOME=...) is not in the allowed range``, ``Node.js 16 is not supported``.
    rf"(?i:\b(?:current(?:ly activated)?|installed|running|detected|your)) {_RUNTIME}{_KIND} (?:is )?\(?v?\d[^\s)]*\)?"
    r"(?: \([^)]{0,200}\))? (?:is not|isn't|does not|doesn't)\b",
    rf"\b{_RUNTIME} v?\d+(?:\.\d+)* is (?:not|no longer) supported\b|\bYour {_RUNTIME} version is \S+, but\b",
    # The version a named runtime wants against the one found: SwiftPM's ``... tools version 5.10.0 but the installed
    # version is 5.9.2`` (a bare ``You are running version 1.2`` is as often an update notice, and ``requires version
    # 3 but the installed version is 1.0`` a package's conflict: without a runtime's name, neither counts).
    rf"\b{_RUNTIME}{_KIND} \S+ but the (?:installed|current) version is\b",
    # Built for another runtime: the JVM's class file versions (and javac's ``invalid target release: 17``),
    # Node's addons (``compiled against a different Node.js version``), Swift's modules, the BEAM's files.
    r"\bUnsupported class file major version\b|\bUnsupported major\.minor version\b|\bUnsupportedClassVersionError\b|"
    r"\binvalid (?:target|source) release\b|\brelease version \d+ not supported\b",
    r"\bcompiled (?:by|with|for) a (?:more recent|newer|later) version of\b|\bcompiled against a different \S+ version\b|"
    r"\bcompiled with \w+ \S+ cannot be imported by\b",
    # No runtime of the version asked for: tox's InterpreterNotFound, NETSDK1045 and .NET's host, Gradle's toolchains.
    r"\bInterpreterNotFound\b|\bdoes not support targeting\b|\bnot possible to find any compatible framework version\b|"
    r"\bNo (?:compatible|matching) toolchains found\b|\bcompatible (?:installed )?\.NET (?:Core )?SDK\b.{0,60}\bwas not found\b",
)
