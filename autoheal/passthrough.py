"""Run a command with stdin, stdout and stderr passed through live, keeping only its last lines.

Output is copied as it arrives (``os.read``/``os.write``, no buffering) by one thread per stream,
which works on Windows too. When our stdout is a terminal on POSIX the command runs on a
pseudo-terminal instead, as ``script(1)`` does, so it still sees a TTY (colours, progress bars,
line buffering): it gets the pty as its controlling terminal, our terminal is put in raw mode
so keys (^C included) reach it unchanged, and window-size changes are forwarded (SIGWINCH).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

LINE_BYTES = 8192  # one kept line; a 100 MB line without a newline keeps only this much
CHUNK = 65536
NOT_FOUND, NOT_EXECUTABLE = 127, 126  # what a shell answers


class Tail:
    """The last ``lines`` lines of the output (streams interleaved as they arrive); bounded memory."""

    def __init__(self, lines: int) -> None:
        self._lines: deque[bytes] = deque(maxlen=max(lines, 1))
        self._partial: dict[int, bytes] = {}
        self._lock = threading.Lock()
        self.total = 0

    def feed(self, stream: int, chunk: bytes) -> None:
        with self._lock:
            self.total += len(chunk)
            parts = chunk.split(b"\n")
            head = (self._partial.get(stream, b"") + parts[0][:LINE_BYTES])[:LINE_BYTES]
            if len(parts) == 1:
                self._partial[stream] = head
                return
            self._lines.append(head)
            middle = parts[1:-1][-(self._lines.maxlen or 1) :]
            self._lines.extend(p[:LINE_BYTES] for p in middle)
            self._partial[stream] = parts[-1][:LINE_BYTES]

    def text(self) -> bytes:
        with self._lock:
            lines = list(self._lines) + [p for p in self._partial.values() if p]
        return b"\n".join(lines[-(self._lines.maxlen or 1) :]) + b"\n"


@dataclass(frozen=True)
class Finished:
    returncode: int  # as subprocess reports it: -N when signal N killed the command
    duration: float
    interrupted: bool  # the user typed ^C (we got SIGINT, or the command died of it)

    @property
    def signal(self) -> int | None:
        return -self.returncode if self.returncode < 0 else None

    @property
    def status(self) -> int:
        """The exit status a shell would report: 128+N for signal N."""
        return 128 - self.returncode if self.returncode < 0 else self.returncode


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _pump(source: IO[bytes] | int, target: int, tail: Tail | None, stream: int) -> None:
    """Copy ``source`` to ``target`` until EOF, feeding ``tail``. A reader gone (EPIPE) closes the
    source, so the command gets SIGPIPE as it would without autoheal in between."""
    fd = source if isinstance(source, int) else source.fileno()
    forwarding = True
    while True:
        try:
            data = os.read(fd, CHUNK)
        except OSError:  # EIO: the pty's other side is closed (Linux); EBADF: closed below
            break
        if not data:
            break
        if tail is not None:
            tail.feed(stream, data)
        if forwarding:
            try:
                _write_all(target, data)
            except OSError:
                forwarding = False
                if not isinstance(source, int):
                    source.close()
                    break


def _thread(target: Callable[..., None], *args: Any) -> threading.Thread:
    thread = threading.Thread(target=target, args=args, daemon=True)
    thread.start()
    return thread


@contextmanager
def _signals(proc: subprocess.Popen[bytes], interrupted: list[bool], forward_interrupt: bool) -> Iterator[None]:
    """While the command runs: ^C is the command's to handle (noted, forwarded only when it is not
    in our process group), SIGTERM and SIGHUP are passed on; our own handlers come back after."""

    def on_interrupt(signum: int, frame: object) -> None:
        interrupted.append(True)
        if forward_interrupt:
            proc.send_signal(signum)

    def forward(signum: int, frame: object) -> None:
        proc.send_signal(signum)

    wanted: dict[int, Callable[[int, Any], None]] = {signal.SIGINT: on_interrupt}
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            wanted[getattr(signal, name)] = forward
    saved = {}
    if threading.current_thread() is threading.main_thread():
        saved = {num: signal.signal(num, handler) for num, handler in wanted.items()}
    try:
        yield
    finally:
        for num, handler in saved.items():
            signal.signal(num, handler)


def _spawn(argv: Sequence[str], tail: Tail, **kwargs: Any) -> subprocess.Popen[bytes] | int:
    try:
        return subprocess.Popen(list(argv), bufsize=0, **kwargs)
    except (FileNotFoundError, NotADirectoryError):
        message, status = f"autoheal: {argv[0]}: command not found", NOT_FOUND
    except PermissionError:
        message, status = f"autoheal: {argv[0]}: permission denied", NOT_EXECUTABLE
    except OSError as exc:
        message, status = f"autoheal: {argv[0]}: cannot run ({exc.strerror})", NOT_EXECUTABLE
    sys.stderr.write(message + "\n")
    tail.feed(2, message.encode() + b"\n")
    return status


def run(argv: Sequence[str], tail: Tail) -> Finished:
    if os.name == "posix" and os.isatty(1):
        return _run_pty(argv, tail)
    return _run_pipes(argv, tail)


def _run_pipes(argv: Sequence[str], tail: Tail) -> Finished:
    start = time.monotonic()
    proc = _spawn(argv, tail, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if isinstance(proc, int):
        return Finished(proc, time.monotonic() - start, False)
    assert proc.stdout is not None and proc.stderr is not None
    interrupted: list[bool] = []
    with _signals(proc, interrupted, forward_interrupt=False):
        pumps = [_thread(_pump, proc.stdout, 1, tail, 1), _thread(_pump, proc.stderr, 2, tail, 2)]
        code = _wait(proc)
        for pump in pumps:
            pump.join()
    return _finished(code, start, interrupted)


def _wait(proc: subprocess.Popen[bytes]) -> int:
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:  # only when our handler could not be installed
            continue


def _finished(code: int, start: float, interrupted: list[bool]) -> Finished:
    died_of_interrupt = code in (-signal.SIGINT, 128 + signal.SIGINT)
    return Finished(code, time.monotonic() - start, bool(interrupted) or died_of_interrupt)


def _run_pty(argv: Sequence[str], tail: Tail) -> Finished:
    import pty
    import termios
    import tty

    start = time.monotonic()
    master, slave = pty.openpty()
    _copy_window_size(master)
    stdin_tty, stderr_tty = os.isatty(0), os.isatty(2)
    proc = _spawn(
        argv,
        tail,
        stdin=slave if stdin_tty else None,
        stdout=slave,
        stderr=slave if stderr_tty else subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_take_controlling_terminal,
    )
    os.close(slave)
    if isinstance(proc, int):
        os.close(master)
        return Finished(proc, time.monotonic() - start, False)
    saved = termios.tcgetattr(0) if stdin_tty else None
    interrupted: list[bool] = []
    old_winch = signal.signal(signal.SIGWINCH, lambda signum, frame: _copy_window_size(master))
    try:
        with _signals(proc, interrupted, forward_interrupt=True):
            if saved is not None:
                tty.setraw(0, termios.TCSANOW)
                _thread(_pump, 0, master, None, 0)  # keys to the command; ends with the process
            pumps = [_thread(_pump, master, 1, tail, 1)]
            if proc.stderr is not None:
                pumps.append(_thread(_pump, proc.stderr, 2, tail, 2))
            code = _wait(proc)
            for pump in pumps:
                pump.join()
    finally:
        signal.signal(signal.SIGWINCH, old_winch)
        if saved is not None:
            termios.tcsetattr(0, termios.TCSADRAIN, saved)
        os.close(master)
    return _finished(code, start, interrupted)


def _take_controlling_terminal() -> None:
    import fcntl
    import termios

    fcntl.ioctl(1, termios.TIOCSCTTY, 0)  # after setsid: the pty (our stdout here) is ours


def _copy_window_size(master: int) -> None:
    import fcntl
    import termios

    try:
        size = fcntl.ioctl(1, termios.TIOCGWINSZ, b"\0" * 8)
        fcntl.ioctl(master, termios.TIOCSWINSZ, size)
    except OSError:
        pass
