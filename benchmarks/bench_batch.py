"""Speed-up of the papermill batch from parallel clusters.

Runs ``run_batch`` on the region demo register (every cluster) twice in the same process
run, with ``jobs=1`` and ``jobs=2`` (``force`` so nothing is skipped), into temporary
folders, and prints both times and their ratio. Target (issue 8): speed-up >= 1.6 on 2
cores. Each cluster starts its own kernel, so most of the time is kernel start-up and
imports, which parallelise well.

Run: python benchmarks/bench_batch.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditlib.batch import run_batch  # noqa: E402
from auditlib.demo import REGION_REGISTER  # noqa: E402
from benchmarks.machine import describe_machine  # noqa: E402


def timed(jobs: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        result = run_batch(REGION_REGISTER, tmp, jobs=jobs, force=True, progress=False)
        seconds = time.perf_counter() - started
    failed = {name: c["error"] for name, c in result["clusters"].items()
              if c["status"] != "faerdig"}
    assert not failed, failed
    return seconds, len(result["clusters"])


def main() -> None:
    print(describe_machine())
    one, clusters = timed(1)
    print(f"command: python benchmarks/bench_batch.py; register: {REGION_REGISTER.name} "
          f"({clusters} klynger)")
    print(f"--jobs 1: {one:.1f} s")
    two, _ = timed(2)
    print(f"--jobs 2: {two:.1f} s")
    print(f"speed-up: {one / two:.2f}x (target >= 1.6 on 2 cores)")


if __name__ == "__main__":
    main()
