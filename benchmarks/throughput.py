"""Throughput and memory of ``autoheal triage`` on a large plain log, beside ``grep -c error``.

    python benchmarks/throughput.py [--size-mb 1024] [--dir /tmp] [--real DIR]

Builds a realistic build log of the given size (pip/pytest/compiler chatter
with occasional warnings, the failure near the end) -- or, with ``--real``,
the real CI logs under DIR concatenated until the size is reached -- then
runs, each in its own process: ``autoheal triage --format json`` and ``grep -c error``, reporting
wall time, MB/s and peak RSS; and ``autoheal --help`` start-up time.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

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


def make_log(path: Path, size: int) -> None:
    block = "".join(CHATTER * 64).encode()
    with path.open("wb") as fh:
        written = 0
        while written < size - len(FAILURE):
            fh.write(block)
            written += len(block)
        fh.write(FAILURE.encode())


def make_real_log(path: Path, size: int, source: Path) -> None:
    """Real logs back to back (varied text: a harder case for the scanner's DFA)."""
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


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and stdout of ``cmd`` run as a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr.strip()}")
    # ru_maxrss is the largest child so far; run the smaller tool last to read each one.
    return seconds, max(peak, before) / 1024, proc.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")))
    parser.add_argument("--keep", action="store_true", help="keep the generated log")
    parser.add_argument("--real", type=Path, help="build the log from the real CI logs under this directory")
    args = parser.parse_args(argv)
    autoheal = shutil.which("autoheal") or sys.exit("autoheal is not installed (pip install -e .)")
    kind = "real" if args.real else "synthetic"
    log = args.dir / f"autoheal-bench-{kind}-{args.size_mb}mb.log"
    if not log.exists():
        if args.real:
            make_real_log(log, args.size_mb << 20, args.real)
        else:
            make_log(log, args.size_mb << 20)
    size_mb = log.stat().st_size / 1e6
    try:
        t_ah, rss_ah, out = timed([autoheal, "triage", "--format", "json", str(log)])
        t_grep, _, count = timed(["grep", "-c", "error", str(log)])
        t_help = min(timed([autoheal, "--help"])[0] for _ in range(5))
    finally:
        if not args.keep:
            log.unlink(missing_ok=True)
    print(f"log: {size_mb:.0f} MB ({kind})")
    print(f"autoheal triage : {t_ah:6.2f} s  {size_mb / t_ah:7.1f} MB/s  peak RSS {rss_ah:6.1f} MB  -> {out[:80]}...")
    print(f"grep -c error   : {t_grep:6.2f} s  {size_mb / t_grep:7.1f} MB/s  ({count.strip()} lines)")
    print(f"autoheal --help : {t_help * 1000:6.0f} ms (best of 5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
