"""Speed and memory of the audit on a large register.

Two registers of N plans (default 100,000), each written as CSV and measured in this one run:

- varied free text (``benchmarks/varied_register.py``): plans composed from many
  fragments and paraphrases, so the number of distinct statements grows with the
  register, as in real plans. This is the figure that counts.
- recombined demo plans (each new plan takes its structured columns from one demo plan
  and each free-text field from another): few distinct texts, so the per-text caches do
  most of the work. Kept, labelled, to show what the caches give.

For each:

- ``pandas.read_csv`` of that CSV (the yardstick, best of three reads);
- the audit's own work, criteria and classification (``run_audit`` on the loaded
  register, privacy gate off), as a ratio to ``read_csv``; target <= 30;
- loading + validation, the privacy scan and writing the run folder, for information;
- the process's peak memory (max RSS); target < 4 GB;
- the 25-plan demo audited end to end without notebook start-up; target < 2 s.

Run: python benchmarks/bench_audit.py [N]
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditlib.audit import run_audit, write_run  # noqa: E402
from auditlib.config import load_config  # noqa: E402
from auditlib.demo import DEMO_REGISTER, REGION_REGISTER  # noqa: E402
from auditlib.register import load_register  # noqa: E402
from auditlib.register.columns import FREE_TEXT_COLUMNS  # noqa: E402
from benchmarks.machine import describe_machine, load_average  # noqa: E402
from benchmarks.varied_register import distinct_statements, varied_register  # noqa: E402


def recombined(n: int, seed: int = 0) -> pd.DataFrame:
    demo = pd.concat([pd.read_csv(REGION_REGISTER, sep=";", dtype=str, keep_default_na=False),
                      _demo_as_text()], ignore_index=True)
    rng = random.Random(seed)
    picks = [rng.randrange(len(demo)) for _ in range(n)]
    frame = demo.iloc[picks].reset_index(drop=True)
    for column in FREE_TEXT_COLUMNS:
        frame[column] = demo[column].iloc[[rng.randrange(len(demo)) for _ in range(n)]].to_numpy()
    frame["plan_id"] = [f"B-{i:06d}" for i in range(n)]
    return frame


def _demo_as_text() -> pd.DataFrame:
    frame = load_register(DEMO_REGISTER).frame
    out = frame.astype("string").fillna("")
    for column in ("kontakt_start", "udskrevet", "plan_dato", "plan_sendt", "opstart_senest"):
        out[column] = frame[column].dt.strftime("%Y-%m-%d").fillna("")
    return out


def peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024


def _seconds(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def measure(label: str, frame: pd.DataFrame, config) -> None:
    from auditlib.register import prepare_register

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stor.csv"
        frame.to_csv(path, index=False)
        size = path.stat().st_size / 1e6

        # The yardstick is the best of three reads: one read of a few MB takes tens of
        # milliseconds, where a busy machine's noise would swing the ratio most.
        read_seconds = min(_seconds(pd.read_csv, path) for _ in range(3))

        started = time.perf_counter()
        register = load_register(path)
        load_seconds = time.perf_counter() - started
        assert register.ok, register.problems[:3]

        started = time.perf_counter()
        prepared = prepare_register(register, config)
        gate_seconds = time.perf_counter() - started

        started = time.perf_counter()
        result = run_audit(prepared, config)
        audit_seconds = time.perf_counter() - started

        started = time.perf_counter()
        write_run(result, Path(tmp) / "koersel")
        write_seconds = time.perf_counter() - started

    distinct = distinct_statements(result.statements)
    print(f"\n[{label}] {len(frame):,} plans, {size:.0f} MB CSV, "
          f"{result.meta['n_statements']:,} statements of which {distinct:,} distinct")
    print(f"  pandas.read_csv: {read_seconds:.2f} s")
    print(f"  load + validate: {load_seconds:.1f} s ({load_seconds / read_seconds:.1f}x read_csv)")
    print(f"  privacy gate (every column): {gate_seconds:.1f} s "
          f"({gate_seconds / read_seconds:.1f}x read_csv)")
    print(f"  audit (criteria + classification): {audit_seconds:.1f} s = "
          f"{audit_seconds / read_seconds:.1f}x read_csv (target <= 30)")
    print(f"  write_run (criteria.csv, statements.csv, plans.csv, run.json): {write_seconds:.1f} s "
          f"({write_seconds / read_seconds:.1f}x read_csv)")
    print(f"  load average after: {load_average()}")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    config = load_config()
    print(describe_machine())
    print(f"command: python benchmarks/bench_audit.py {n}; plans: {n:,}")

    started = time.perf_counter()
    run_audit(load_register(DEMO_REGISTER), config)
    print(f"demo (25 plans) end to end incl. model load and privacy gate: "
          f"{time.perf_counter() - started:.2f} s (target < 2 s)")

    measure("varieret fritekst (varied_register)", varied_register(n, seed=1), config)
    measure("genbrugte demotekster (cachet vej)", recombined(n), config)
    print(f"\npeak memory (max RSS): {peak_gb():.2f} GB (target < 4 GB)")


if __name__ == "__main__":
    main()
