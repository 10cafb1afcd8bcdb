"""Capture a Python program's uncaught errors into autoheal issues: ``from autoheal import capture``.

::

    capture.install()                     # sys.excepthook and threading.excepthook
    @capture.on_error                     # a function's exceptions (re-raised)
    with capture.errors(command="sync"):  # a block's exceptions (re-raised)
    capture.report(exc)                   # one exception, by hand

A report holds the traceback and the last ``max-log-lines`` log records (a bounded ``logging``
handler on the root logger), and goes the way ``autoheal run`` sends one (``autoheal.clireport``:
same triage, same issues, same spool), only when capture is enabled (``autoheal config enable``
or ``AUTOHEAL_ENABLED=1``). The hooks never raise and never change the program's exit status or
output: the previous excepthook still prints the traceback, and what autoheal did is logged to
the ``autoheal.capture`` logger at INFO (not shown unless the program configures logging).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Any, TypeVar

log = logging.getLogger("autoheal.capture")
F = TypeVar("F", bound=Callable[..., Any])
_MARK = "_autoheal_reported"
_started = time.monotonic()


class RecentRecords(logging.Handler):
    """The last ``capacity`` log records, formatted when emitted; memory stays bounded.

    ``install`` feeds it every record; add it to a logger yourself to capture only that one's."""

    def __init__(self, capacity: int = 200) -> None:
        super().__init__()
        self.records: deque[str] = deque(maxlen=max(capacity, 1))
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(log.name):
            return
        with contextlib.suppress(Exception):  # a record that cannot be formatted is skipped, never raised
            self.records.append(self.format(record))


_state: dict[str, Any] = {"handler": None, "command": None, "version": "", "hooks": None}


def install(command: str | None = None, version: str = "", max_log_lines: int | None = None) -> None:
    """Report uncaught exceptions of the program (main thread and threads). Idempotent."""
    try:
        _state.update(command=command, version=version)
        if _state["handler"] is None:
            _state["handler"] = _feed_records(RecentRecords(max_log_lines or _configured_lines()))
        if _state["hooks"] is None:
            _state["hooks"] = (sys.excepthook, threading.excepthook)
            sys.excepthook = _excepthook
            threading.excepthook = _thread_excepthook
    except Exception as exc:  # installing runs in the user's program: a failure must not stop it
        log.info("autoheal: capture not installed: %s", exc)


def _feed_records(handler: RecentRecords) -> RecentRecords:
    """Every record the program logs also goes to ``handler``, through the record factory: a
    handler on the root logger would stop ``logging.warning`` from configuring its own output."""
    make = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make(*args, **kwargs)
        handler.handle(record)
        return record

    logging.setLogRecordFactory(factory)
    return handler


def _configured_lines() -> int:
    try:
        from autoheal import usersettings

        return int(usersettings.load()["max-log-lines"])
    except Exception:  # at install time, in the user's program: a broken file is reported when a report is sent
        return 200


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    previous = _state["hooks"][0] if _state["hooks"] else sys.__excepthook__
    try:
        previous(kind, value, tb)  # the traceback the user would have seen, first
    finally:
        if not issubclass(kind, KeyboardInterrupt):
            report(value)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    previous = _state["hooks"][1] if _state["hooks"] else threading.__excepthook__
    try:
        previous(args)
    finally:
        if args.exc_value is not None and not isinstance(args.exc_value, SystemExit):
            report(args.exc_value)


def on_error(function: F) -> F:
    """Decorator: report an exception escaping ``function``, then let it propagate unchanged."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with errors():
            return function(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


@contextlib.contextmanager
def errors(command: str | None = None) -> Iterator[None]:
    """Report an exception escaping the block (``command`` names it in the issue); it propagates."""
    try:
        yield
    except Exception as exc:
        report(exc, command=command)
        raise


def report(exc: BaseException, command: str | None = None) -> str:
    """File or count ``exc`` as an issue when capture is enabled; what happened, as one line.

    Never raises. An exception already reported (by a decorator, then the excepthook) is not
    reported again.
    """
    try:
        if getattr(exc, _MARK, False):
            return "already reported"
        with contextlib.suppress(Exception):  # some exceptions (__slots__, C types) take no attribute
            setattr(exc, _MARK, True)
        line = _send(exc, command)
    except Exception as error:  # never raise from a hook
        line = f"autoheal: could not report this failure ({type(error).__name__}: {error})"
    log.info("%s", line)
    return line


def _send(exc: BaseException, command: str | None) -> str:
    from autoheal import clifacts, clireport, usersettings

    on, warning = usersettings.capture_state()
    if warning:
        # The hook runs inside the user's program, with no command to show this: silently off,
        # a broken settings file would hide every report.
        print(warning, file=sys.stderr)
    if not on:
        return "autoheal: capture is disabled"
    settings = usersettings.load(detect=True)
    failure = clifacts.Failure(
        command=tuple(command.split() if command else _state["command"].split() if _state["command"] else _argv()),
        output=_output(exc, settings),
        status=1,
        duration=time.monotonic() - _started,
        cwd=os.getcwd(),
        version=_state["version"] or _main_version(),
    )
    return clireport.capture_failure(failure, settings)


def _argv() -> list[str]:
    return [os.path.basename(sys.executable), *sys.argv] if sys.argv and sys.argv[0] else ["python"]


def _output(exc: BaseException, settings: Any) -> bytes:
    handler: RecentRecords | None = _state["handler"]
    records = list(handler.records) if handler else []
    records = records[-int(settings["max-log-lines"]) :]
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return ("\n".join(records) + "\n" + text if records else text).encode("utf-8", "replace")


def _main_version() -> str:
    main = sys.modules.get("__main__")
    version = getattr(main, "__version__", "")
    return version if isinstance(version, str) else ""
