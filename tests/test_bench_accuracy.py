"""benchmarks/accuracy.py: which labelled lines are the runner's own verdict on the job."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

# A name of its own, assigned (not setdefault): a module imported earlier as "accuracy" is never the one
# its dataclasses look up.
_SPEC = importlib.util.spec_from_file_location(
    "_autoheal_bench_accuracy", Path(__file__).resolve().parents[1] / "benchmarks" / "accuracy.py"
)
assert _SPEC is not None and _SPEC.loader is not None
accuracy = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = accuracy  # its dataclasses look their module up
_SPEC.loader.exec_module(accuracy)


def test_the_module_its_classes_name_is_the_one_loaded() -> None:
    assert all(
        sys.modules[c.__module__] is accuracy
        for c in vars(accuracy).values()
        if getattr(c, "__module__", "") == accuracy.__name__
    )
    assert sys.modules[accuracy.__name__] is accuracy


def test_the_runners_verdict_lines_are_found_in_every_ci_shape(tmp_path: Path) -> None:
    log = tmp_path / "job.log"
    lines = [
        "2024-05-06T09:00:00.1234567Z FAIL\tgithub.com/acme/x\t0.1s",  # 1: the test runner's verdict stays
        "2024-05-06T09:00:00.2234567Z ##[error]Process completed with exit code 1.\r",  # 2
        'The command "make test" exited with 2.',  # 3
        "Done. Your build exited with 1.",  # 4
        "Build step 'Execute shell' marked build as failure",  # 5
        "Finished: FAILURE",  # 6
        "ERROR: Job failed: exit code 1",  # 7
        "echo 'Process completed with exit code 1 is what the runner says'",  # 8: no ##[error]
    ]
    log.write_text("\n".join(lines) + "\n")
    assert accuracy.verdict_lines(log, set(range(1, 9)) | {99}) == {2, 3, 4, 5, 6, 7}


def test_public2_is_scored_as_its_own_set_after_public_and_outside_the_halves(
    tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    ours = tmp_path / "ours"
    for name, line in (
        ("public", "ModuleNotFoundError: No module named 'yaml'"),
        ("public2", "error: cannot find symbol"),
    ):
        (ours / name / "logs").mkdir(parents=True)
        (ours / name / "logs" / "job.log").write_text(f"$ make\n{line}\nmake: *** [all] Error 1\n")
        (ours / name / "labels.jsonl").write_text(
            '{"path": "logs/job.log", "repo": "acme/x", "category": "compile.error", '
            '"label_confidence": "high", "failure_lines": [2, 2]}\n'
        )
    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.setattr(accuracy, "AUTHORED_DATA", ours)
    out = tmp_path / "report.json"
    assert accuracy.main(["--data", str(shared), "--set", "public2", "--set", "public", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.index("== public:") < printed.index("== public2:")
    assert "leave-repositories-out" not in printed and "half (" not in printed
    report = json.loads(out.read_text())
    assert report["public2"]["logs"] == 1 and "halves" not in report["public2"]


def test_public4_to_public8_are_our_sets_read_from_the_benchmarks_folder_in_order(
    tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    # A set not among ours is looked for under --data (here empty): public4 to public8 must come from
    # AUTHORED_DATA, printed in batch order whatever order --set names them.
    ours = tmp_path / "ours"
    for name in ("public3", "public4", "public5", "public6", "public7", "public8"):
        (ours / name / "logs").mkdir(parents=True)
        (ours / name / "logs" / "job.log").write_text("$ make\nerror: cannot find symbol\nmake: *** [all] Error 1\n")
        (ours / name / "labels.jsonl").write_text(
            '{"path": "logs/job.log", "repo": "acme/y", "category": "compile.error", '
            '"label_confidence": "high", "failure_lines": [2, 2]}\n'
        )
    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.setattr(accuracy, "AUTHORED_DATA", ours)
    out = tmp_path / "report.json"
    sets = ["--set", "public8", "--set", "public7", "--set", "public6", "--set", "public5", "--set", "public4"]
    sets += ["--set", "public3"]
    assert accuracy.main(["--data", str(shared), *sets, "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.index("== public3:") < printed.index("== public4:") < printed.index("== public5:")
    assert printed.index("== public5:") < printed.index("== public6:") < printed.index("== public7:")
    assert printed.index("== public7:") < printed.index("== public8:")
    report = json.loads(out.read_text())
    for name in ("public4", "public5", "public6", "public7", "public8"):
        assert report[name]["logs"] == 1 and "halves" not in report[name]
