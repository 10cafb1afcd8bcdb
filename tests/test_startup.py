from __future__ import annotations

from typing import Any

from autoheal.errors import GitHubError
from autoheal.startup import MAX_WORKFLOW_CHARS, startup_doc, startup_lines

WF = ".github/workflows/ci.yml"


def test_a_yaml_error_is_worded_as_github_words_it() -> None:
    text = "on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n\t- run: make\n"
    assert startup_lines(WF, text)[:2] == [
        f"Invalid workflow file: {WF}#L6",
        "You have an error in your yaml syntax on line 6",
    ]


def test_an_unknown_key_and_a_valid_file() -> None:
    unknown = startup_lines(WF, "on: push\njobs:\n  t:\n    runs_on: x\n    steps: []\n")
    assert unknown[0] == f"Invalid workflow file: {WF}#L4" and "'runs_on'" in unknown[1]
    valid = "on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: make\n"
    generic = [f"Invalid workflow file: {WF}", "This run likely failed because of a workflow file issue."]
    assert startup_lines(WF, valid) == generic
    assert startup_lines(WF, None) == generic and startup_lines(WF, "a: [" * MAX_WORKFLOW_CHARS) == generic


class _Client:
    def __init__(self, text: str | None, fail: bool = False) -> None:
        self.text, self.fail = text, fail
        self.asked: list[tuple[str, str]] = []

    def file_text(self, path: str, ref: str) -> str | None:
        self.asked.append((path, ref))
        if self.fail:
            raise GitHubError("GET contents: 500")
        return self.text


def _read(doc: Any) -> str:
    with doc.opener() as handle:
        return str(handle.read().decode("utf-8"))


def test_only_startup_failures_of_workflow_files_are_rebuilt() -> None:
    run = {"conclusion": "startup_failure", "path": WF, "head_sha": "a" * 40}
    client = _Client("on: push\njobs: [\n")
    doc = startup_doc(client, run)  # type: ignore[arg-type]
    assert doc is not None and _read(doc).startswith(f"Invalid workflow file: {WF}#L")
    assert client.asked == [(WF, "a" * 40)]
    assert startup_doc(client, {**run, "conclusion": "failure"}) is None  # type: ignore[arg-type]
    assert startup_doc(client, {**run, "path": "dynamic/pages/pages-build-deployment"}) is None  # type: ignore[arg-type]
    failing = startup_doc(_Client(None, fail=True), run)  # type: ignore[arg-type]
    assert failing is not None and "workflow file issue" in _read(failing)
