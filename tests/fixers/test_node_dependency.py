from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from autoheal.fixers import jsonedit
from autoheal.fixers import node_dependency as fixer
from autoheal.proposals import FixDeclined
from tests.fixers.util import context, only_change


@pytest.mark.parametrize(
    ("specifier", "package"),
    [
        ("lodash", "lodash"),
        ("lodash/fp", "lodash"),
        ("@scope/pkg", "@scope/pkg"),
        ("@scope/pkg/dist/x.js", "@scope/pkg"),
        ("date-fns/locale", "date-fns"),
        ("@types/node", "@types/node"),
        ("lodash.merge", "lodash.merge"),
        ("socket.io-client/dist", "socket.io-client"),
    ],
)
def test_package_name(specifier: str, package: str) -> None:
    assert fixer.package_name(specifier) == package


@pytest.mark.parametrize(
    ("specifier", "reason"),
    [
        ("./config", "relative or absolute"),
        ("../lib/x", "relative or absolute"),
        ("/abs/x.js", "relative or absolute"),
        ("C:\\work\\x.js", "relative or absolute"),
        ("file:x", "relative or absolute"),
        ("~/x", "relative or absolute"),
        ("fs", "built-in"),
        ("node:fs", "built-in"),
        ("fs/promises", "built-in"),
        ("node:test", "built-in"),
        ("@/components/Button", "not an npm package name"),
        ("@scope", "not an npm package name"),
        ("has space", "not an npm package name"),
        ("_private", "not an npm package name"),
        ("a" * 215, "not an npm"),
        ("@s/" + "a" * 212, "not an npm"),
        # Look-alike letters (issue 9 #13): Cyrillic а, е, о; Greek ο; full-width letters.
        ("lod\u0430sh", "'lod\\u0430sh' is not an npm package name"),
        ("\u0435xpress", "not an npm package name"),
        ("@sc\u043epe/pkg", "not an npm package name"),
        ("re\u03bfct/jsx-runtime", "not an npm package name"),
        ("\uff4c\uff4f\uff44\uff41\uff53\uff48", "not an npm package name"),
        ("lod\u200bash", "not an npm package name"),  # a zero-width space
        # npm's own rules: lowercase (JSONStream is a legacy name npm no longer accepts), URL-safe.
        ("JSONStream", "not an npm package name"),
        ("Express", "not an npm package name"),
        ("left-pad!", "not an npm package name"),
        ("it's", "not an npm package name"),
        ("a%20b", "not an npm package name"),
        (".hidden", "relative or absolute"),
        ("@scope/.x", "not an npm package name"),
    ],
)
def test_package_name_declines(specifier: str, reason: str) -> None:
    result = fixer.package_name(specifier)
    assert isinstance(result, FixDeclined) and reason in result.reason


@pytest.mark.parametrize(
    ("step", "package", "dev"),
    [
        ("Run npm test", "x", True),
        ("Lint", "x", True),
        ("Type check", "x", True),
        ("Run e2e", "x", True),
        ("Build", "x", False),
        (None, "x", False),
        ("Build", "@types/node", True),
    ],
)
def test_dev_dependency_rule(step: str | None, package: str, dev: bool) -> None:
    assert fixer.dev_dependency(step, package) is dev


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ('{\n  "a": 1\n}\n', "  "),
        ('{\n    "a": 1\n}\n', "    "),
        ('{\n\t"a": 1\n}\n', "\t"),
        ('{"a": 1}', "  "),
    ],
)
def test_detect_indent(text: str, unit: str) -> None:
    assert jsonedit.detect_indent(text) == unit


SORTED = '{\n  "dependencies": {\n    "b": "1",\n    "d": "1"\n  }\n}\n'


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("a", '{\n  "dependencies": {\n    "a": "*",\n    "b": "1",\n    "d": "1"\n  }\n}\n'),
        ("c", '{\n  "dependencies": {\n    "b": "1",\n    "c": "*",\n    "d": "1"\n  }\n}\n'),
        ("e", '{\n  "dependencies": {\n    "b": "1",\n    "d": "1",\n    "e": "*"\n  }\n}\n'),
    ],
)
def test_sorted_blocks_stay_sorted(key: str, expected: str) -> None:
    assert jsonedit.add_to_object(SORTED, "dependencies", key, "*") == expected


def test_unsorted_block_appends() -> None:
    text = '{"dependencies": {\n  "z": "1",\n  "a": "1"\n}}'
    expected = '{"dependencies": {\n  "z": "1",\n  "a": "1",\n  "m": "*"\n}}'
    assert jsonedit.add_to_object(text, "dependencies", "m", "*") == expected


def test_empty_and_single_line_blocks() -> None:
    empty = '{\n  "name": "x",\n  "dependencies": {}\n}\n'
    inline = '{\n  "dependencies": {"b": "1", "d": "1"}\n}\n'
    assert (
        jsonedit.add_to_object(empty, "dependencies", "a", "*")
        == '{\n  "name": "x",\n  "dependencies": {\n    "a": "*"\n  }\n}\n'
    )
    assert (
        jsonedit.add_to_object(inline, "dependencies", "c", "*")
        == '{\n  "dependencies": {"b": "1", "c": "*", "d": "1"}\n}\n'
    )


def test_scanner_skips_braces_and_quotes_inside_strings() -> None:
    text = '{\n  "scripts": {"x": "echo \\"}\\" {"},\n  "tags": ["{", "]"],\n  "n": -1.5e3\n}\n'
    new = jsonedit.add_to_object(text, "devDependencies", "a", "*")
    assert json.loads(new)["devDependencies"] == {"a": "*"}
    assert new.startswith(text[:-3])


deps = st.dictionaries(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), st.just("^1.0.0"), max_size=6)


@given(
    deps,
    st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True),
    st.sampled_from([2, 4, "\t"]),
    st.booleans(),
    st.booleans(),
)
def test_add_to_object_only_adds_one_member(
    existing: dict[str, str], name: str, indent: int | str, sort: bool, crlf: bool
) -> None:
    assume(name not in existing)  # fix() declines for declared packages before editing
    block = dict(sorted(existing.items())) if sort else existing
    manifest = {"name": "pkg", "version": "1.0.0", "dependencies": block} if block else {"name": "pkg"}
    text = json.dumps(manifest, indent=indent) + "\n"
    text = text.replace("\n", "\r\n") if crlf else text

    new = jsonedit.add_to_object(text, "dependencies", name, "*")

    expected = dict(manifest, dependencies={**block, name: "*"})
    assert json.loads(new) == expected
    assert ("\r\n" in new) is crlf and new.endswith("\r\n" if crlf else "\n")
    assert sum(1 for _ in new.splitlines()) - sum(1 for _ in text.splitlines()) in (1, 3)
    if sort and block:
        assert list(json.loads(new)["dependencies"]) == sorted(expected["dependencies"])


PKG = '{\n  "name": "app",\n  "dependencies": {\n    "express": "^4.0.0"\n  }\n}\n'


def run(tmp_path: Path, files: dict[str, str], log: str, **kw: object) -> object:
    return fixer.fix(context(tmp_path, files, log, "dependency.missing", **kw))  # type: ignore[arg-type]


def test_package_named_like_the_project_or_a_local_folder_is_first_party(tmp_path: Path) -> None:
    own = run(tmp_path / "a", {"package.json": PKG}, "Error: Cannot find module 'app/lib'")
    alias = run(tmp_path / "b", {"package.json": PKG, "src/utils/x.ts": ""}, "Cannot find module 'utils/x'")
    for result in (own, alias):
        assert isinstance(result, FixDeclined) and "first-party" in result.reason


def test_missing_or_invalid_package_json_declines(tmp_path: Path) -> None:
    for files in ({}, {"package.json": "{not json"}, {"package.json": "[]"}, {"package.json": "{}"}):
        result = run(tmp_path, files, "Error: Cannot find module 'left-pad'")
        assert isinstance(result, FixDeclined) and "no package.json" in result.reason


def test_webpack_and_capture_forms(tmp_path: Path) -> None:
    webpack = "Module not found: Error: Can't resolve 'axios' in '/home/runner/work/a/a/src'"
    assert "axios" in only_change(run(tmp_path / "a", {"package.json": PKG}, webpack)).new
    captured = run(tmp_path / "b", {"package.json": PKG}, "Error: Cannot find module 'x'", captures={"package": "zod"})
    assert '"zod": "*"' in only_change(captured).new


def test_lockfile_option_must_be_true(tmp_path: Path) -> None:
    files = {"package.json": PKG, "pnpm-lock.yaml": "lockfileVersion: '9.0'\n"}
    log = "Error: Cannot find module 'zod'"
    declined = run(tmp_path, files, log, options={"node_allow_stale_lockfile": "yes"})
    allowed = run(tmp_path, files, log, options={"node_allow_stale_lockfile": True})
    assert isinstance(declined, FixDeclined) and "pnpm-lock.yaml" in declined.reason
    assert '"zod": "*"' in only_change(allowed).new


def test_a_python_rule_never_lends_its_capture_to_the_node_fixer(tmp_path: Path) -> None:
    log = "E   ModuleNotFoundError: No module named 'yaml'\nError: Cannot find module 'left-pad'"
    result = run(tmp_path, {"package.json": PKG}, log, captures={"module": "yaml"})
    assert isinstance(result, FixDeclined) and not result.applies


def test_a_looked_up_release_is_written_as_a_caret_range(tmp_path: Path) -> None:
    from dataclasses import replace

    from autoheal.fixers import node_dependency

    ctx = context(
        tmp_path,
        {"package.json": '{\n  "name": "app"\n}\n'},
        "Error: Cannot find module 'axios'\nRequire stack:\n- /home/runner/work/app/app/src/api.js",
        "dependency.missing",
    )
    result = node_dependency.fix(replace(ctx, releases={"npm:axios": "1.7.7"}, online=True))

    change = only_change(result)
    assert '"axios": "^1.7.7"' in change.new and '"dependencies"' in change.new
    assert "could not reach" not in getattr(result, "explanation", "")


def test_offline_the_pr_says_the_registry_was_not_asked(tmp_path: Path) -> None:
    from autoheal.fixers import node_dependency

    ctx = context(
        tmp_path, {"package.json": '{"name": "app"}\n'}, "Error: Cannot find module 'axios'", "dependency.missing"
    )
    result = node_dependency.fix(ctx)

    assert '"axios": "*"' in only_change(result).new
    assert "could not reach the npm registry" in getattr(result, "explanation", "")


def test_the_heal_flow_looks_up_only_the_name_the_log_states(tmp_path: Path) -> None:
    from autoheal import heal

    asked: list[tuple[str, str]] = []

    class Recorder:
        online = True

        def latest(self, ecosystem: str, name: str) -> str | None:
            asked.append((ecosystem, name))
            return "4.17.21"

    ctx = context(
        tmp_path, {"package.json": '{"name": "app"}\n'}, "Error: Cannot find module 'lodash/fp'", "dependency.missing"
    )
    resolved = heal.resolve_versions(ctx, Recorder())

    assert asked == [("npm", "lodash")]
    assert resolved.releases == {"npm:lodash": "4.17.21"} and resolved.online
