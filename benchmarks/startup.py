"""Start-up of ``autoheal``: a triage of a 3-line log and ``--help``, beside ``python -c pass``.

    python benchmarks/startup.py [--runs 15] [--instructions] [--engine re2|hyperscan]

Each command runs ``--runs`` times in its own process, with the disk cache warm (one run first);
the best and median wall times count. On a shared machine wall time is noisy, so
``--instructions`` also counts each command's instructions once under callgrind (valgrind),
a figure that does not move with the load: compare it against another checkout in the same
minutes. Issue 14 asks ≤ 0.12 s for the triage and ≤ 50 ms for ``--help``.

autoheal runs with its bytecode compiled, as an install has it (installed.py says why).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import bytecode_env

SMALL_LOG = "step 1\nerror: boom\ndone\n"


def commands(log: Path) -> dict[str, list[str]]:
    python = sys.executable
    return {
        "python -c pass": [python, "-c", "pass"],
        "autoheal --help": [python, "-m", "autoheal", "--help"],
        "autoheal triage (3 lines)": [python, "-m", "autoheal", "triage", str(log)],
    }


def wall(argv: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Best and median wall seconds of ``runs`` runs."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def instructions(argv: list[str], scratch: Path, env: dict[str, str]) -> int | None:
    """Instructions callgrind counts for one run, or None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    out = scratch / "callgrind.out"
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
        env=env,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    return int(found.group(1)) if found else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--instructions", action="store_true", help="also count instructions (callgrind)")
    parser.add_argument("--engine", choices=("re2", "hyperscan"), help="AUTOHEAL_ENGINE for the runs")
    args = parser.parse_args()
    if args.engine:
        os.environ["AUTOHEAL_ENGINE"] = args.engine
    print(f"load average: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        log = scratch / "small.log"
        log.write_text(SMALL_LOG)
        env = bytecode_env(dict(os.environ), scratch / "pycache")
        for name, argv in commands(log).items():
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)  # warm the disk cache
            best, median = wall(argv, args.runs, env)
            line = f"{name:28} best {best * 1000:6.1f} ms  median {median * 1000:6.1f} ms"
            count = instructions(argv, scratch, env) if args.instructions else None
            print(line + (f"  {count / 1e6:8.1f} M instructions" if count else ""), flush=True)
    print(f"load average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
