"""What a failure captured on the command line says: the ``Failure`` itself, the redacted facts
the ``cli_*`` templates show, its triage (the same engine as a CI log, so the same failure has
the same fingerprint locally and in CI) and its severity; ``diagnosis_from_json`` reads one
back from the spool."""

from __future__ import annotations

import os
import platform
import shlex
import signal
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from autoheal import usersettings
from autoheal.cliscrub import ENV_ALLOWED, SECRET_NAME, Scrubber
from autoheal.models import Alternative, Diagnosis, ExcerptLine

CRASH_SIGNALS = frozenset(
    getattr(signal, n) for n in ("SIGSEGV", "SIGBUS", "SIGILL", "SIGFPE", "SIGABRT", "SIGSYS") if hasattr(signal, n)
)
SEVERITIES = ("low", "medium", "high", "critical")
_CATEGORY_SEVERITY = {
    "crash": "high",
    "resource.exhausted": "high",
    "credentials": "high",
    "test.failure": "low",
    "lint.error": "low",
    "network": "low",
    "rate.limit": "low",
    "infrastructure": "low",
}
REPEAT_STEPS = (10, 100)  # each threshold of local repeats raises the severity one level


@dataclass(frozen=True)
class Failure:
    """What was captured: the command, how it ended, and the last lines it printed."""

    command: tuple[str, ...]
    output: bytes
    status: int = 1
    signal: int | None = None
    duration: float | None = None
    cwd: str = ""
    version: str = ""
    source: str = "cli"


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def signal_line(program: str, number: int) -> str:
    """What a shell prints for a killed command, so the rules for crashes and kills see it."""
    described = signal.strsignal(number) if hasattr(signal, "strsignal") else None
    return f"{program}: killed by signal {number} ({described or signal_name(number)})"


def severity(category: str, signum: int | None, count: int) -> str:
    level = SEVERITIES.index(_CATEGORY_SEVERITY.get(category, "medium"))
    if signum in CRASH_SIGNALS:
        level = len(SEVERITIES) - 1
    elif signum is not None:
        level = max(level, SEVERITIES.index("high"))
    level += sum(count >= step for step in REPEAT_STEPS)
    return SEVERITIES[min(level, len(SEVERITIES) - 1)]


def facts(failure: Failure, settings: usersettings.Settings, environ: Mapping[str, str]) -> dict[str, Any]:
    """What the ``cli_*`` templates show, already redacted (the spool stores it as is)."""
    scrub = Scrubber(environ, home=True)
    names = list(dict.fromkeys((*ENV_ALLOWED, *settings["env"])))
    return {
        "program": scrub(os.path.basename(failure.command[0]) if failure.command else "python"),
        "command": scrub(shlex.join(failure.command)),
        "status": failure.status,
        "signal": signal_name(failure.signal) if failure.signal else "",
        "duration": f"{failure.duration:.2f} s" if failure.duration is not None else "unknown",
        "cwd": scrub(failure.cwd or os.getcwd()),
        "os": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "python": platform.python_version(),
        "version": scrub(failure.version),
        "env": [[n, scrub(environ[n])] for n in names if n in environ and not SECRET_NAME.search(n)],
        "source": failure.source,
        "bundled": 1,
    }


def diagnose(failure: Failure, ruleset: Any, environ: Mapping[str, str]) -> Diagnosis:
    from autoheal.logsource import bytes_doc
    from autoheal.triage import triage_docs

    text = Scrubber(environ).values(failure.output.decode("utf-8", "replace"))  # triage redacts the patterns
    if failure.signal:
        program = os.path.basename(failure.command[0]) if failure.command else "python"
        text = text.rstrip("\n") + "\n" + signal_line(program, failure.signal) + "\n"
    return triage_docs([bytes_doc("", text.encode("utf-8"))], ruleset, "output")


def diagnosis_from_json(data: Mapping[str, Any]) -> Diagnosis:
    """The inverse of ``Diagnosis.to_json`` (plus ``severity`` and ``hint``), for the spool."""
    return Diagnosis(
        path=str(data["path"]),
        category=str(data["category"]),
        confidence=float(data["confidence"]),
        rule=str(data["rule"]),
        fingerprint=str(data["fingerprint"]),
        title=str(data["title"]),
        summary=str(data["summary"]),
        excerpt=tuple(ExcerptLine(int(e["line"]), str(e["text"]), str(e.get("file") or "")) for e in data["excerpt"]),
        captures={str(k): str(v) for k, v in (data.get("captures") or {}).items()},
        alternatives=tuple(
            Alternative(str(a["rule"]), str(a["category"]), float(a["confidence"]), int(a["line"]))
            for a in data.get("alternatives") or []
        ),
        severity=str(data.get("severity") or "medium"),
        hint=str(data.get("hint") or ""),
        # The JSON holds the outcome (the rule's say or its category's): kept as is, it reads back the same.
        rule_transient=data["transient"] if isinstance(data.get("transient"), bool) else None,
    )
