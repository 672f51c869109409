"""Wall time of ``auditlib run`` (the whole demo) and where it goes.

Runs ``auditlib run --out <new temporary folder>`` N times as a new process each time
(imports included, as a user sees it) and prints every time with the load average beside
it and the median. Then one more run in a fresh process prints the steps of ``run_demo``
(seconds from its start at which each ended; the kernel's warm-up and this process's
register check overlap, and the catalogue is built while the kernel draws the charts).
Target (issue 20): warm <= 10 s, cold <= 30 s on 2 cores. For a cold figure, drop the page
cache first (``sync; echo 3 > /proc/sys/vm/drop_caches``) and take the first run.

Run: python benchmarks/bench_demo.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.machine import describe_machine, load_average  # noqa: E402

STEPS = """
import json, sys, time
started = time.perf_counter()
from auditlib.demo_run import run_demo
timings = {"imports": time.perf_counter() - started}
t0 = time.perf_counter()
run_demo(sys.argv[1], timings=timings)
timings = {k: (v if k == "imports" else v + t0 - started) for k, v in timings.items()}
print(json.dumps(timings))
"""

LABELS = {
    "imports": "imports in this process",
    "kernel_started": "kernel process started",
    "register_checked": "register checked here (while the kernel warms up)",
    "kernel_ready": "kernel warmed up (pandas, scikit-learn, model)",
    "catalogue": "catalogue built (while the kernel draws the charts)",
    "notebook": "audit notebook done",
    "report": "HTML report written",
    "done": "catalogue published, demo done",
}


def auditlib_command() -> list[str]:
    found = shutil.which("auditlib")
    return [found] if found else [sys.executable, "-m", "auditlib"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(describe_machine())
    print("command: auditlib run --out <new folder>")
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(1, args.runs + 1):
            before = load_average()
            started = time.perf_counter()
            subprocess.run([*auditlib_command(), "run", "--out", f"{tmp}/demo{number}"],
                           check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - started)
            print(f"run {number}: {times[-1]:.1f} s; load {before} -> {load_average()}")
        print(f"median of {len(times)} runs: {statistics.median(times):.1f} s "
              f"(target warm <= 10 s)")
        steps = subprocess.run([sys.executable, "-c", STEPS, f"{tmp}/steps"], check=True,
                               capture_output=True, text=True)
    timings = json.loads(steps.stdout.strip().splitlines()[-1])
    print(f"steps of one more run (seconds from process start), load {load_average()}:")
    for key, seconds in sorted(timings.items(), key=lambda item: item[1]):
        print(f"  {seconds:5.1f} s  {LABELS.get(key, key)}")


if __name__ == "__main__":
    main()
