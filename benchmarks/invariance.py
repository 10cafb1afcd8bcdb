"""Whether triage's answer survives changes to a log's shape that do not change what failed.

    python benchmarks/invariance.py [--data ../shared/benchmarks] [--changed]

The same job's log reaches autoheal in many shapes: with CRLF line ends, with its colour codes or without,
with the runner's timestamps or after a tool stripped them, with a byte-order mark, copied from a web page
that dropped the ESC byte of each colour code (``[31m``). None of that says anything about the failure, so
the category, the key lines, the excerpt's lines and the title must not change (each transformation keeps
every line's number). A change is a brittleness a log from an unseen project would meet, found without a
label: this measures generalisation to log shapes, where accuracy.py measures it to tools.

Prints, per transformation and labelled set, the share of logs whose answer is unchanged. ``--changed``
lists the logs that changed, except those of the held half of the leave-repositories-out split (scored,
never looked into; see accuracy.py).
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

# accuracy.py is a script beside this one, not a package module (as ruleout.py loads it).
_SPEC = importlib.util.spec_from_file_location("_autoheal_invariance_accuracy", Path(__file__).with_name("accuracy.py"))
assert _SPEC is not None and _SPEC.loader is not None
accuracy = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = accuracy  # its dataclasses look their module up
_SPEC.loader.exec_module(accuracy)

from autoheal.models import Diagnosis  # noqa: E402
from autoheal.rules import RuleSet, default_ruleset  # noqa: E402
from autoheal.triage import triage_path  # noqa: E402

_STAMPED = re.compile(rb"^(\xef\xbb\xbf)?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?", re.M)
_GH_COLUMNS = re.compile(rb"^[^\t\n]*\t[^\n]*?\t\d{4}-\d\d-\d\dT", re.M)
_GH_JOB = b"build"
_ESC = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]")
_STAMP = b"2024-05-01T09:00:00.1234567Z "


def _crlf(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def _bare(data: bytes) -> bytes:
    """Colour codes without their ESC byte, as a log copied from a web page shows them."""
    return data.replace(b"\x1b[", b"[")


def _uncoloured(data: bytes) -> bytes:
    return _ESC.sub(b"", data)


def _unstamped(data: bytes) -> bytes:
    return _STAMPED.sub(rb"\1", data)  # a byte-order mark stays


def _gh_columns(data: bytes) -> bytes:
    """A stamped job log as ``gh run view --log`` prints it: the job's and the step's name before each line (a
    step opens at the runner's ``##[group]Run ...``; what comes before the first is ``Set up job``)."""
    if not _STAMPED.match(data) or _GH_COLUMNS.search(data):
        return data
    step, out = b"Set up job", []
    for line in data.split(b"\n"):
        body = _STAMPED.sub(b"", line, count=1)
        if body.startswith(b"##[group]Run "):
            step = body[len(b"##[group]") :].rstrip(b"\r")[:80]
        out.append(_GH_JOB + b"\t" + step + b"\t" + line if line else line)
    return b"\n".join(out)


def _prefixed(prefix: bytes) -> Callable[[bytes], bytes]:
    """Every line of the log, its runner's stamps taken off, after one CI's stamp (GitHub's or another's); the
    end of the file stays the end."""

    def transform(data: bytes) -> bytes:
        if _GH_COLUMNS.search(data):  # gh's job and step columns come before the stamp: a stamp there is no shape
            return data
        lines = _unstamped(data).split(b"\n")
        return b"\n".join([*(prefix + line for line in lines[:-1]), prefix + lines[-1] if lines[-1] else b""])

    return transform


def _bom(data: bytes) -> bytes:
    return data if data.startswith(b"\xef\xbb\xbf") else b"\xef\xbb\xbf" + data


TRANSFORMS: dict[str, Callable[[bytes], bytes]] = {
    "crlf": _crlf,
    "bare-colour": _bare,
    "no-colour": _uncoloured,
    "no-stamps": _unstamped,
    "stamps": _prefixed(_STAMP),
    "bom": _bom,
    "gh-columns": _gh_columns,
    # Jenkins' Timestamper (https://plugins.jenkins.io/timestamper/) and GitLab's job log timestamps
    # (https://docs.gitlab.com/ci/jobs/job_logs/#job-log-timestamps): a stream's ``00O`` after the time.
    "timestamper": _prefixed(b"[2024-05-01T09:00:00.123Z] "),
    "timestamper-clock": _prefixed(b"09:00:00  "),
    "gitlab-stamps": _prefixed(b"2024-05-01T09:00:00.123456Z 00O "),
}


# What is compared, field by field: a change of title alone is a smaller brittleness than a changed category
# (gh's columns add the job's name to a title on purpose).
FIELDS = ("category", "lines", "title")


def _answer(d: Diagnosis, kind: str = "") -> tuple[object, ...]:
    # gh's job column goes into the title on purpose, and moves where a long one is cut: not compared there.
    title = None if kind == "gh-columns" else d.title
    return d.category, (d.key_lines, tuple(sorted(e.line for e in d.excerpt))), title


def _logs(data: Path) -> Iterator[tuple[str, Path, bool]]:
    """(set, log, may be looked into) for every labelled log."""
    for name in ("gha-dev", "logchunks-dev"):
        for label in accuracy._labels(data, name):
            yield name, data / name / label["path"], accuracy.half(accuracy.repo_group(label)) == "tune"
    for label in accuracy._labels(data, accuracy.PAIRS):
        yield accuracy.PAIRS, data / accuracy.PAIRS / label["path"], True
    for name in accuracy.OURS:
        for label in accuracy._labels(accuracy.AUTHORED_DATA, name):
            yield name, accuracy.AUTHORED_DATA / name / label["path"], True


def _triage(path: Path, data: bytes, ruleset: RuleSet, tmp: Path) -> Diagnosis:
    # The same file name: a run-log zip's member names carry the job and step.
    copy = tmp / path.name
    copy.write_bytes(data)
    return triage_path(str(copy), ruleset)


def _share(rows: list[tuple[bool, ...]], field: int | None = None) -> str:
    hits = [all(r) if field is None else r[field] for r in rows]
    return f"{sum(hits) / len(hits):.3f}"


def _line(kind: str, sets: dict[str, list[tuple[bool, ...]]]) -> str:
    every = [r for rows in sets.values() for r in rows]
    fields = " ".join(f"{f} {_share(every, i)}" for i, f in enumerate(FIELDS))
    cells = ", ".join(f"{name} {_share(rows)}" for name, rows in sets.items())
    return f"{kind:12} unchanged {_share(every)} ({fields}; {cells})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=accuracy.DEFAULT_DATA)
    parser.add_argument("--changed", action="store_true", help="list changed logs (never the held half's)")
    args = parser.parse_args(argv)
    ruleset = default_ruleset()
    kept: dict[tuple[str, str], list[tuple[bool, ...]]] = {}
    changed: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, path, readable in _logs(args.data):
            data = path.read_bytes()
            diagnosis = triage_path(str(path), ruleset)
            for kind, transform in TRANSFORMS.items():
                after = _answer(_triage(path, transform(data), ruleset, Path(tmp)), kind)
                same = tuple(x == y for x, y in zip(_answer(diagnosis, kind), after, strict=True))
                kept.setdefault((kind, name), []).append(same)
                if not all(same) and readable:
                    fields = ",".join(f for f, kept_it in zip(FIELDS, same, strict=True) if not kept_it)
                    changed.append(f"{kind:12} {name:14} {fields:20} {path.name}")
    for kind in TRANSFORMS:
        print(_line(kind, {name: v for (k, name), v in kept.items() if k == kind}))
    if args.changed:
        print("\n".join(changed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
