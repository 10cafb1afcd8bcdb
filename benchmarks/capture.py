"""What capturing costs: ``autoheal run -- true`` against ``true``, and a failure's work before the network.

    python benchmarks/capture.py [--runs 20]

1. Disabled (the default), ``autoheal run -- true`` against ``true``: the median wall time of
   each, each run its own process (target: at most 50 ms more).
2. Enabled, on a failure: triage of 200 captured lines, the report's facts and the issue's
   rendering, i.e. everything before the first request (target: at most 100 ms). Measured in a
   fresh process, so loading the rule catalogue is included, then again warm.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINES = [f"tests/test_api.py::test_list_widgets[case-{i}] PASSED                [ {i % 100}%]" for i in range(195)] + [
    "Traceback (most recent call last):",
    '  File "app/config.py", line 3, in <module>',
    "    import yaml",
    "ModuleNotFoundError: No module named 'yaml'",
    "ERROR: 1 error during collection",
]
FAILURE_WORK = """
import sys, time
t0 = time.perf_counter()
from autoheal import clifacts, clireport, usersettings
from autoheal.passthrough import Tail
tail = Tail(200)
tail.feed(1, sys.stdin.buffer.read())
settings = usersettings.load({"repo": "octo-org/octo-repo"})
failure = clifacts.Failure(("pytest", "-q"), tail.text(), 1, None, 2.5, ".")
report = clireport.build_report(failure, settings, {})
t1 = time.perf_counter()
clireport.preview(report, settings)
t2 = time.perf_counter()
report = clireport.build_report(failure, settings, {})
t3 = time.perf_counter()
print(f"{(t1 - t0) * 1000:.1f} {(t2 - t0) * 1000:.1f} {(t3 - t2) * 1000:.1f} {report['diagnosis']['category']}")
"""


def median_ms(argv: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "XDG_CONFIG_HOME": f"{tmp}/config",
            "XDG_DATA_HOME": f"{tmp}/data",
        }
        env.pop("AUTOHEAL_ENABLED", None)
        true = median_ms(["true"], env, args.runs)
        python = median_ms([sys.executable, "-c", "pass"], env, args.runs)
        wrapped = median_ms([sys.executable, "-m", "autoheal", "run", "--", "true"], env, args.runs)
        print(
            f"disabled: true {true:.1f} ms, autoheal run -- true {wrapped:.1f} ms: +{wrapped - true:.1f} ms "
            f"(of which the Python interpreter's own start-up, python -c pass: {python:.1f} ms)"
        )
        data = ("\n".join(LINES) + "\n").encode()
        out = (
            subprocess.run([sys.executable, "-c", FAILURE_WORK], input=data, env=env, capture_output=True, check=True)
            .stdout.decode()
            .split()
        )
        print(
            f"failure, 200 lines: capture+triage {out[0]} ms cold (imports and rule catalogue included), "
            f"with the rendered issue {out[1]} ms; again in the same process {out[2]} ms; category {out[3]}"
        )


if __name__ == "__main__":
    main()
