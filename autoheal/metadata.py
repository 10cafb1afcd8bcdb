"""The hidden block by which autoheal recognises its own issues: ``<!-- autoheal:v1 {json} -->``.

It is the last line of every issue body autoheal writes. Report mode finds an
issue's fingerprint and occurrence count here, so ``extract`` trusts only the
last such line at the end of the body, parses it strictly and returns None for
anything damaged or forged. Log text in the body above it is made inert by
``sanitize``, so a log line cannot pose as the block.

Keys (all others are dropped on write and ignored on read):

==============  ====================================================
fingerprint     16 lowercase hex digits (required)
category        one of ``models.CATEGORIES`` (required)
rule            rule id, at most MAX_TEXT characters
captures        str -> str, at most MAX_CAPTURES entries, keys at most
                MAX_CAPTURE_KEY and values at most MAX_CAPTURE_VALUE
run_id, job_id  int >= 0
run_attempt     int >= 1
occurrences     int >= 1
job, step,      str, at most MAX_TEXT characters
workflow
source          ``cli`` when the latest occurrence was captured on the command line
first_seen,     ISO-8601 UTC/offset timestamp, e.g. 2024-05-01T12:00:00Z
last_seen
first_run       ``"<run id>.<attempt>"`` of the run that opened the issue
runs            the latest run attempts counted, ``"<run id>.<attempt>"``,
                at most MAX_RUNS, newest last
base            occurrences not backed by an occurrence comment (the
                opening run, and repeats counted before comments had
                markers), int >= 1
synced          how many of the issue's comments ``occurrences`` accounts
                for, int >= 0 (see ``issues``: lossless counting)
branch          the branch of the latest failed run (recovery is noticed there)
flaky           re-runs that passed (flaky occurrences), int >= 0
passing_since   the run id from which the workflow passes again (``recovery``)
passing_at      when that green run was seen (time to recovery), timestamp
green_streak    green runs since then, int >= 0
last_green      ``"<run id>.<attempt>"`` of the latest green run counted
==============  ====================================================
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from autoheal.models import CATEGORIES
from autoheal.sanitize import BODY_LIMIT, METADATA_PREFIX, metadata_span, truncate_body

PREFIX = METADATA_PREFIX + "v1 "
SUFFIX = " -->"
MAX_TEXT = 200
MAX_CAPTURES = 16
MAX_CAPTURE_KEY = 64
MAX_CAPTURE_VALUE = 200
MAX_ID = 2**63 - 1
MAX_COUNT = 2**31 - 1
MAX_RUNS = 50
# A workflow run attempt (``<run id>.<attempt>``), or one command-line report (``cli-<id>``);
# ``*N`` stands for N occurrences bundled into one report (autoheal run's bundling).
RUN_KEY_PATTERN = r"(?:\d{1,19}\.\d{1,10}|cli-[0-9a-f]{16})(?:\*\d{1,9})?"
RUN_KEY = re.compile(RUN_KEY_PATTERN)
# Every escaped character takes at most 6 (\uXXXX), so valid metadata encodes
# well under this; longer lines are refused before parsing.
MAX_BLOCK_CHARS = 32_768

_FINGERPRINT = re.compile(r"[0-9a-f]{16}")
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-]\d\d:\d\d)")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Inside the comment: no "--" (which could close it), no ">" or "<", no "@" or
# "#" (so nothing looks like a mention), no line separators. These appear only
# inside JSON strings, so escaping them in the whole text is safe.
_JSON_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in "<>@#&\x85\u2028\u2029"}


def _text(value: object, limit: int = MAX_TEXT) -> bool:
    return isinstance(value, str) and len(value) <= limit and not _SURROGATE.search(value)


def _int(low: int, high: int) -> Callable[[object], bool]:
    return lambda value: type(value) is int and low <= value <= high


def _captures(value: object) -> bool:
    return (
        isinstance(value, dict)
        and len(value) <= MAX_CAPTURES
        and all(_text(k, MAX_CAPTURE_KEY) and k != "" and _text(v, MAX_CAPTURE_VALUE) for k, v in value.items())
    )


def _run_key(value: object) -> bool:
    return isinstance(value, str) and RUN_KEY.fullmatch(value) is not None


def _runs(value: object) -> bool:
    return isinstance(value, list) and len(value) <= MAX_RUNS and all(_run_key(v) for v in value)


def _timestamp(value: object) -> bool:
    return isinstance(value, str) and _TIMESTAMP.fullmatch(value) is not None


_CHECKS: dict[str, Callable[[object], bool]] = {
    "fingerprint": lambda v: isinstance(v, str) and _FINGERPRINT.fullmatch(v) is not None,
    "category": lambda v: isinstance(v, str) and v in CATEGORIES,
    "rule": _text,
    "job": _text,
    "step": _text,
    "workflow": _text,
    "source": _text,
    "captures": _captures,
    "run_id": _int(0, MAX_ID),
    "job_id": _int(0, MAX_ID),
    "run_attempt": _int(1, MAX_COUNT),
    "occurrences": _int(1, MAX_COUNT),
    "first_seen": _timestamp,
    "last_seen": _timestamp,
    "first_run": _run_key,
    "runs": _runs,
    "base": _int(1, MAX_COUNT),
    "synced": _int(0, MAX_COUNT),
    "branch": _text,
    "flaky": _int(0, MAX_COUNT),
    "passing_since": _int(0, MAX_ID),
    "passing_at": _timestamp,
    "green_streak": _int(0, MAX_COUNT),
    "last_green": _run_key,
}
KEYS = tuple(sorted(_CHECKS))
REQUIRED = ("category", "fingerprint")


def problems(meta: Mapping[str, object]) -> list[str]:
    """What is wrong with ``meta`` (known keys only); empty when it is valid."""
    missing = [f"{key}: missing" for key in REQUIRED if key not in meta]
    return missing + [
        f"{key}: invalid value {meta[key]!r:.80}" for key in KEYS if key in meta and not _CHECKS[key](meta[key])
    ]


def _clip(value: object, limit: int) -> object:
    if not isinstance(value, str):
        return value
    return _SURROGATE.sub("\ufffd", value[:limit])


def _bounded_captures(captures: Mapping[object, object]) -> dict[object, object]:
    pairs = sorted(
        ((k, v) for k, v in captures.items() if isinstance(k, str) and 0 < len(k) <= MAX_CAPTURE_KEY),
        key=lambda pair: str(pair[0]),
    )
    return {k: _clip(v, MAX_CAPTURE_VALUE) for k, v in pairs[:MAX_CAPTURES]}


def normalize(meta: Mapping[str, object]) -> dict[str, Any]:
    """Known keys only, None values dropped, strings and captures clipped to their bounds.

    Types are not coerced: ``problems(normalize(m))`` still reports a wrong type.
    Valid metadata comes back unchanged.
    """
    result: dict[str, Any] = {}
    for key in KEYS:
        value = meta.get(key)
        if value is None:
            continue
        if key == "captures" and isinstance(value, Mapping):
            value = _bounded_captures(value)
        elif key == "runs" and isinstance(value, list):
            value = value[-MAX_RUNS:]
        elif key in ("rule", "job", "step", "workflow", "branch"):
            value = _clip(value, MAX_TEXT)
        result[key] = value
    return result


def encode(meta: Mapping[str, object]) -> str:
    """The block line for ``meta`` (normalized first); ValueError if it is still invalid."""
    data = normalize(meta)
    wrong = problems(data)
    if wrong:
        raise ValueError("invalid autoheal metadata: " + "; ".join(wrong))
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return PREFIX + payload.replace("--", "\\u002d\\u002d").translate(_JSON_ESCAPES) + SUFFIX


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate key")  # two readers could disagree on which one counts
    return dict(pairs)


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def extract(body: object) -> dict[str, Any] | None:
    """Our metadata from an issue body, or None when it is missing, damaged or forged. Never raises."""
    if not isinstance(body, str):
        return None
    span = metadata_span(body)
    if span is None:
        return None
    line = body[span[0] : span[1]].rstrip(" \t")
    if len(line) > MAX_BLOCK_CHARS or not (line.startswith(PREFIX) and line.endswith(SUFFIX)):
        return None
    try:
        data = json.loads(
            line[len(PREFIX) : -len(SUFFIX)], object_pairs_hook=_no_duplicates, parse_constant=_reject_constant
        )
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    known = {key: data[key] for key in KEYS if key in data}
    return None if problems(known) else known


def replace(body: str, meta: Mapping[str, object], *, limit: int | None = BODY_LIMIT) -> str:
    """``body`` with its block set to ``meta`` (appended if missing); the rest of the text is kept.

    With ``limit`` the result is passed through ``sanitize.truncate_body``.
    """
    block = encode(meta)
    span = metadata_span(body)
    if span is not None and body.startswith(PREFIX, span[0]):
        updated = body[: span[0]] + block + body[span[1] :]
    else:
        newline = "\r\n" if "\r\n" in body else "\n"
        updated = f"{body.rstrip()}{newline * 2}{block}{newline}" if body.strip() else block + newline
    return updated if limit is None else truncate_body(updated, limit)
