from __future__ import annotations

import time
from pathlib import Path

import pytest

from autoheal.fixers import workflow_keys, yamlrepair
from autoheal.fixers import workflow_yaml as fixer
from autoheal.fixers.yamledit import parse
from autoheal.proposals import FixDeclined
from tests.fixers.util import context, only_change

WF = ".github/workflows/ci.yml"
LOG = "Invalid workflow file: .github/workflows/ci.yml#L6\nYou have an error in your yaml syntax on line 6"


def run(tmp_path: Path, workflow: str, log: str = LOG) -> object:
    return fixer.fix(context(tmp_path, {WF: workflow}, log, "config.error"))


def test_other_config_errors_are_not_its_kind(tmp_path: Path) -> None:
    result = run(tmp_path, "on: push\n", "Error: unknown flag: --platforms")
    assert isinstance(result, FixDeclined) and not result.applies


def test_crlf_and_tabs_inside_a_block_scalar_are_kept(tmp_path: Path) -> None:
    workflow = "on: push\r\njobs:\r\n  t:\r\n    runs-on: x\r\n    steps:\r\n      - run: echo a: b\r\n"
    workflow += "      - run: |\r\n          printf 'a\\tb'\r\n          \tindented-by-tab-in-content\r\n"
    new = only_change(run(tmp_path, workflow)).new
    assert new == workflow.replace("run: echo a: b", "run: 'echo a: b'")


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("      - run: echo a: b  # why", "      - run: 'echo a: b'  # why"),
        ("      - run: echo it's a: b", '      - run: "echo it\'s a: b"'),
        ('      - run: echo "it\'s" a: b', '      - run: |\n          echo "it\'s" a: b'),
    ],
)
def test_a_value_with_a_colon_is_quoted_with_what_it_does_not_hold(tmp_path: Path, line: str, fixed: str) -> None:
    workflow = "on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n" + line + "\n"
    assert only_change(run(tmp_path, workflow)).new == workflow.replace(line, fixed)


def test_a_long_run_of_spaces_in_a_value_is_split_from_its_comment_in_linear_time() -> None:
    spaces = " " * 100_000  # quadratic, the split took seconds
    start = time.process_time()
    assert yamlrepair._split_comment(f"echo a: b{spaces}c \t # why") == (f"echo a: b{spaces}c", " \t # why")
    assert yamlrepair._split_comment("echo a#b: c") == ("echo a#b: c", "")
    assert time.process_time() - start < 1


def test_the_path_comes_from_the_run_when_the_log_does_not_name_it(tmp_path: Path) -> None:
    files = {
        WF: "on: push\n",
        ".github/workflows/b.yml": "on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n"
        "      - run: a\n       - run: b\n",
    }
    ctx = context(tmp_path, files, "You have an error in your yaml syntax on line 7", "config.error")
    change = only_change(fixer.fix(ctx))
    assert change.path == ".github/workflows/b.yml" and "\n      - run: b\n" in change.new


def test_unfixable_yaml_is_declined_with_the_line(tmp_path: Path) -> None:
    result = run(tmp_path, "on: push\njobs:\n  t:\n    runs-on: [x\n    steps: []\n")
    assert isinstance(result, FixDeclined) and result.applies and "line " in result.reason


def test_a_repair_that_moves_keys_where_github_rejects_them_is_refused(tmp_path: Path) -> None:
    # Re-indenting "with" under the step above would parse, but as a key of the job.
    workflow = "on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - uses: a/b@v1\n   with:\n        k: v\n"
    result = run(tmp_path, workflow, "You have an error in your yaml syntax on line 7")
    assert isinstance(result, FixDeclined)


def test_unknown_keys_name_the_line_and_a_close_key() -> None:
    data = parse("on: push\njobs:\n  t:\n    runs-on: x\n    timeout_minutes: 5\n    steps:\n      - run: a\n")
    assert workflow_keys.unknown_keys(data) == [
        (4, "job 't' has a key GitHub does not allow here: 'timeout_minutes' (did you mean 'timeout-minutes'?)")
    ]


def test_the_key_table_matches_the_vendored_github_workflow_schema() -> None:
    """check-jsonschema (the test extra) vendors SchemaStore's schema; the table must allow what it allows."""
    import json
    from importlib import resources

    pytest.importorskip("check_jsonschema")
    schema_file = resources.files("check_jsonschema") / "builtin_schemas" / "vendor" / "github-workflows.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    defs = schema["definitions"]
    jobs = set(defs["normalJob"]["properties"]) | set(defs["reusableWorkflowCallJob"]["properties"])
    assert set(schema["properties"]) == workflow_keys.TOP
    assert jobs == workflow_keys.JOB
    assert set(defs["step"]["properties"]) == workflow_keys.STEP
