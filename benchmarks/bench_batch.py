"""Speed-up of the papermill batch from parallel clusters.

Runs ``run_batch`` on a region register of 4 clusters (the first 4 clusters of the region
demo register, 20 plans each) with ``jobs=1`` and ``jobs=2`` (``force`` so nothing is
skipped), into temporary folders, and prints both times, their ratio and the ceiling the
cluster count allows (4 clusters on 2 jobs: 2 rounds instead of 4, so 2.0 x). Target
(issue 20): speed-up >= 1.6 on 2 cores. Each worker process keeps one kernel for its
clusters, so imports and the model load are paid once per job, not once per cluster.

With ``--repeat N`` the pair is run N times, alternating, and the median ratio is printed
too; the load average is printed with every pair, since the machine may be shared. With
``--plans N`` the register is instead ``varied_register(N)`` (varied free text, 4
clusters of about N/4 plans), to see the speed-up where a cluster has real work.

Run: python benchmarks/bench_batch.py [--clusters 4] [--repeat 1] [--plans N]
"""

from __future__ import annotations

import argparse
import csv
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditlib.batch import run_batch  # noqa: E402
from auditlib.demo import REGION_REGISTER  # noqa: E402
from benchmarks.machine import describe_machine, load_average  # noqa: E402


def region_subset(target: Path, n_clusters: int) -> tuple[Path, list[str]]:
    """The region demo register restricted to its first ``n_clusters`` clusters (sorted by
    name), written as a CSV of the same format."""
    with REGION_REGISTER.open(encoding="utf-8-sig", newline="") as source:
        reader = csv.reader(source, delimiter=";")
        header = next(reader)
        rows = list(reader)
    column = header.index("klynge")
    chosen = sorted({row[column] for row in rows if row and row[column].strip()})[:n_clusters]
    with target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(header)
        writer.writerows(row for row in rows if row and row[column] in chosen)
    return target, chosen


def timed(register: Path, jobs: int) -> tuple[float, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        result = run_batch(register, tmp, jobs=jobs, force=True, progress=False)
        seconds = time.perf_counter() - started
    failed = {name: c["error"] for name, c in result["clusters"].items()
              if c["status"] != "faerdig"}
    assert not failed, failed
    return seconds, result["clusters"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--plans", type=int, default=None)
    args = parser.parse_args()

    print(describe_machine())
    with tempfile.TemporaryDirectory() as tmp:
        if args.plans:
            from benchmarks.varied_register import varied_register

            frame = varied_register(args.plans, seed=1)
            register = Path(tmp) / f"varieret-{args.plans}.csv"
            frame.to_csv(register, index=False)
            clusters = sorted(frame["klynge"].unique())
            print(f"command: python benchmarks/bench_batch.py --plans {args.plans}; register: "
                  f"varied_register({args.plans}), {len(clusters)} klynger")
        else:
            register, clusters = region_subset(Path(tmp) / "region-4-klynger.csv",
                                               args.clusters)
            print(f"command: python benchmarks/bench_batch.py; register: "
                  f"{REGION_REGISTER.name} restricted to {len(clusters)} klynger "
                  f"({', '.join(clusters)})")
        n = len(clusters)
        rounds = math.ceil(n / 2)
        print(f"ceiling with 2 jobs: {n}/{rounds} = {n / rounds:.2f}x "
              f"({n} clusters in {rounds} rounds instead of {n})")
        ratios = []
        for number in range(1, args.repeat + 1):
            before = load_average()
            one, per_cluster = timed(register, 1)
            two, _ = timed(register, 2)
            ratios.append(one / two)
            seconds = ", ".join(f"{c['seconds']:.1f}" for c in per_cluster.values())
            print(f"pair {number}: --jobs 1: {one:.1f} s (per cluster, the first "
                  f"waiting for its kernel's warm-up: {seconds}); --jobs 2: {two:.1f} s; speed-up "
                  f"{one / two:.2f}x; load {before} -> {load_average()}")
        if len(ratios) > 1:
            print(f"median speed-up over {len(ratios)} pairs: "
                  f"{statistics.median(ratios):.2f}x")
        print(f"speed-up: {ratios[-1] if len(ratios) == 1 else statistics.median(ratios):.2f}x "
              f"(target >= 1.6 on 2 cores; ceiling {n / rounds:.2f}x)")


if __name__ == "__main__":
    main()
