"""JSONC splicing keeps every byte of the user's file but the ones it adds or replaces."""

from __future__ import annotations

import pytest

from autoheal import jsonc
from autoheal.errors import InputError

NEW = {"label": "autoheal: x"}


@pytest.mark.parametrize(
    "text",
    [
        '{\n  "version": "2.0.0",\n  "tasks": [\n    {"label": "a"} // mine\n  ]\n}\n',
        '{\n  "version": "2.0.0",\n  "tasks": [\n    {"label": "a"}, /* c */\n  ],\n}\n',
        '{\n  "version": "2.0.0", // no tasks yet\n}\n',
        '{\n  "tasks": []\n}\n',
        '{"tasks": [{"label": "a // not a comment", "x": "/* nor this */"}]}',
    ],
)
def test_added_items_keep_the_rest(text: str) -> None:
    out = jsonc.splice(text, "tasks", [NEW], {})
    value = jsonc.loads(out)
    assert value["tasks"][-1] == NEW
    old_tasks = (jsonc.loads(text) or {}).get("tasks", [])
    assert value["tasks"][:-1] == old_tasks
    for comment in ("// mine", "/* c */", "// no tasks yet"):
        assert (comment in text) == (comment in out)


def test_replace_touches_only_that_item() -> None:
    text = '{\n  // top\n  "tasks": [\n    {"label": "a"},\n    {"label": "b"} // b\n  ]\n}\n'
    out = jsonc.splice(text, "tasks", [], {1: {"label": "c"}})
    assert out.startswith('{\n  // top\n  "tasks": [\n    {"label": "a"},\n    {\n') and "// b" in out
    assert [t["label"] for t in jsonc.loads(out)["tasks"]] == ["a", "c"]


@pytest.mark.parametrize("text", ['{"tasks": [', '{"a": "b', "/* open", "[1]"])
def test_broken_files_are_an_input_error(text: str) -> None:
    with pytest.raises(InputError):
        jsonc.splice(text, "tasks", [NEW], {})
