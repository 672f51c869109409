"""How the catalogue export scales with the number of plans (synthetic run folders).

Prints seconds per step for 25 plans (one cluster's audit), 250 and 2,500 plans, and the
ratio to 25 plans, so a change that makes the export grow faster than the data shows up.
Run: python benchmarks/bench_catalogue.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditlib.catalogue import build_catalogue, load_content, load_runs  # noqa: E402
from auditlib.catalogue.html import write_catalogue_html  # noqa: E402
from auditlib.catalogue.xlsx import write_catalogue_xlsx  # noqa: E402
from tests.catalogue_runs import write_run_folder  # noqa: E402

SIZES = (25, 250, 2500)


def main() -> None:
    content = load_content()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            run = write_run_folder(Path(folder) / f"run{size}", n_plans=size, decisions=True,
                                   failing={"K10": size // 3, "Q02": size // 2})
            runs = load_runs([run])
            start = time.perf_counter()
            catalogue = build_catalogue(runs, content)
            merge = time.perf_counter() - start
            start = time.perf_counter()
            write_catalogue_xlsx(catalogue, Path(folder) / f"k{size}.xlsx")
            xlsx = time.perf_counter() - start
            start = time.perf_counter()
            write_catalogue_html(catalogue, Path(folder) / f"k{size}.html")
            html = time.perf_counter() - start
            rows.append((size, merge, xlsx, html))
    base = sum(rows[0][1:])
    print(f"{'planer':>7} {'flet s':>8} {'excel s':>8} {'html s':>8} {'i alt s':>8} {'x 25':>6}")
    for size, merge, xlsx, html in rows:
        total = merge + xlsx + html
        print(f"{size:>7} {merge:>8.2f} {xlsx:>8.2f} {html:>8.2f} {total:>8.2f} "
              f"{total / base:>6.1f}")


if __name__ == "__main__":
    main()
