"""Throughput, memory and start-up of ``autoheal triage``, each engine beside ``grep -c error``, in one run.

    python benchmarks/throughput.py [--size-mb 256] [--runs 3] [--real DIR] [--only real|synthetic] [--dir /tmp]

Two inputs of ``--size-mb`` each: the real CI logs under DIR (default: the
shared benchmark logs) back to back until the size is reached, and a synthetic
build log (pip/pytest/compiler chatter, the failure near the end). Each tool
runs in its own process, ``--runs`` times; the best wall time counts, with its
CPU time (user + system: the machine is shared, so CPU time is the steadier
figure) and the peak RSS of that process. Engines: ``re2`` always,
``hyperscan`` when it is installed (``pip install 'autoheal[fast]'``); their
JSON outputs must be identical. Start-up: a triage of a 3-line log, and
``autoheal --help``. The load average is printed before and after. autoheal runs with its bytecode
compiled, as an install has it (installed.py says why).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from installed import bytecode_env

CHATTER = [
    "2024-05-06T09:04:11.1234567Z   Downloading numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.whl (18.3 MB)\n",
    "2024-05-06T09:04:11.2234567Z tests/test_api.py::test_list_widgets[case-17] PASSED                [ 41%]\n",
    "2024-05-06T09:04:11.3234567Z gcc -O2 -Wall -fPIC -c src/parser.c -o build/parser.o\n",
    "2024-05-06T09:04:11.4234567Z [INFO] Compiling 212 source files to /home/runner/work/app/app/target/classes\n",
    "2024-05-06T09:04:11.5234567Z warning: unused variable 'tmp' [-Wunused-variable]\n",
    "2024-05-06T09:04:11.6234567Z npm WARN deprecated inflight@1.0.6: This module is not supported\n",
    "2024-05-06T09:04:11.7234567Z   Requirement already satisfied: six>=1.5 in /opt/hostedtoolcache/Python/3.11.9\n",
    "2024-05-06T09:04:11.8234567Z ok   github.com/acme/widgets/internal/store  0.412s\n",
]
FAILURE = (
    "2024-05-06T09:44:11.1234567Z E   ModuleNotFoundError: No module named 'yaml'\n"
    "2024-05-06T09:44:11.2234567Z ##[error]Process completed with exit code 1.\n"
)
SMALL_LOG = (
    "Collecting yaml\nE   ModuleNotFoundError: No module named 'yaml'\n##[error]Process completed with exit code 1.\n"
)


def _default_real() -> Path:
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "benchmarks").is_dir():
            return parent / "shared" / "benchmarks"
    return Path("/work/shared/benchmarks")


def make_log(path: Path, size: int) -> None:
    block = "".join(CHATTER * 64).encode()
    with path.open("wb") as fh:
        written = 0
        while written < size - len(FAILURE):
            fh.write(block)
            written += len(block)
        fh.write(FAILURE.encode())


def make_real_log(path: Path, size: int, source: Path) -> None:
    """Real logs back to back (varied text: a harder case for the scanner than the synthetic one)."""
    logs = sorted(p for p in source.rglob("*") if p.is_file() and p.suffix in (".log", ".txt"))
    if not logs:
        raise SystemExit(f"no .log or .txt files under {source}")
    with path.open("wb") as fh:
        written = 0
        while written < size:
            for log in logs:
                data = log.read_bytes()
                fh.write(data if data.endswith(b"\n") else data + b"\n")
                written += len(data) + 1
                if written >= size:
                    break


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float
    out: bytes


def run_once(cmd: list[str], env: dict[str, str]) -> Run:
    """One child process: wall and CPU seconds and peak RSS of that child alone (``wait4``)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read() if proc.stderr else b""
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode(errors='replace').strip()}")
        out.seek(0)
        return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read())


def best(cmd: list[str], env: dict[str, str], runs: int) -> Run:
    return min((run_once(cmd, env) for _ in range(runs)), key=lambda r: r.wall)


def engines() -> list[str]:
    return ["re2", "hyperscan"] if importlib.util.find_spec("hyperscan") else ["re2"]


def engine_env(base: dict[str, str], engine: str) -> dict[str, str]:
    """``base`` (main's environment, with the checkout's bytecode compiled) for a run of ``engine``."""
    env = dict(base, AUTOHEAL_ENGINE=engine)
    root = str(Path(__file__).resolve().parents[1])  # this checkout's autoheal, not another install
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


def _row(name: str, size_mb: float, r: Run) -> str:
    return (
        f"  {name:<22} {r.wall:7.2f} s  {size_mb / r.wall:7.0f} MB/s  cpu {r.cpu:6.2f} s "
        f"({size_mb / max(r.cpu, 1e-9):6.0f} MB/s)  peak RSS {r.rss_mb:6.1f} MB"
    )


def bench_input(label: str, log: Path, runs: int, base: dict[str, str]) -> None:
    size_mb = log.stat().st_size / 1e6
    print(f"{label}: {size_mb:.0f} MB, best of {runs}")
    outputs = {}
    for engine in engines():
        triage = [sys.executable, "-m", "autoheal", "triage", "--format", "json", str(log)]
        r = best(triage, engine_env(base, engine), runs)
        outputs[engine] = r.out
        print(_row(f"autoheal ({engine})", size_mb, r))
    grep = best(["grep", "-c", "error", str(log)], dict(os.environ), runs)
    print(_row("grep -c error", size_mb, grep) + f"  ({grep.out.decode().strip()} lines)")
    if len(set(outputs.values())) > 1:
        raise SystemExit(f"{label}: the engines disagree: {outputs}")
    print(f"  engines agree: {'yes' if len(outputs) > 1 else 'only re2 installed'}")


def bench_startup(runs: int, tmp: Path, base: dict[str, str]) -> None:
    small = tmp / "autoheal-bench-small.log"
    small.write_text(SMALL_LOG)
    print(f"start-up, best of {runs} (cache warm: the first run fills it)")
    for engine in engines():
        env = engine_env(base, engine)
        run_once([sys.executable, "-m", "autoheal", "triage", str(small)], env)
        r = best([sys.executable, "-m", "autoheal", "triage", str(small)], env, runs)
        print(f"  triage, 3 lines ({engine:<9}) {r.wall * 1000:6.0f} ms  cpu {r.cpu * 1000:5.0f} ms")
    r = best([sys.executable, "-m", "autoheal", "--help"], engine_env(base, "re2"), runs)
    print(f"  autoheal --help            {r.wall * 1000:6.0f} ms  cpu {r.cpu * 1000:5.0f} ms")
    small.unlink()


def _bench_kind(kind: str, args: argparse.Namespace, base: dict[str, str]) -> None:
    log = args.dir / f"autoheal-bench-{kind}-{args.size_mb}mb.log"
    if not log.exists():
        (make_real_log(log, args.size_mb << 20, args.real) if kind == "real" else make_log(log, args.size_mb << 20))
    try:
        bench_input(kind, log, args.runs, base)
    finally:
        if not args.keep:
            log.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=256)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")))
    parser.add_argument("--real", type=Path, default=_default_real(), help="directory of real CI logs")
    parser.add_argument("--only", choices=("real", "synthetic"))
    parser.add_argument("--keep", action="store_true", help="keep the generated logs")
    args = parser.parse_args(argv)
    if not shutil.which("grep"):
        raise SystemExit("grep is not on PATH")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; engines: {', '.join(engines())}")
    with tempfile.TemporaryDirectory() as pycache:
        base = bytecode_env(dict(os.environ), Path(pycache))
        bench_startup(max(args.runs, 5), args.dir, base)
        for kind in ("real", "synthetic"):
            if args.only in (None, kind):
                _bench_kind(kind, args, base)
    print(f"load average {os.getloadavg()[0]:.2f} after")
    return 0


if __name__ == "__main__":
    sys.exit(main())
