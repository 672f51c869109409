"""A two-quarter region register and its discharge extract (issue 19's done-when)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import make_row, write_csv

CODES = {"depression": "DF32.1", "angst": "DF41.1", "andre": "DF20.0"}
UNITS = {"A": "Psykiatrisk afdeling A", "B": "Psykiatrisk afdeling B"}
DATES = {"2025-K1": "2025-02-10", "2025-K2": "2025-05-12"}
# (unit, group, quarter) -> plans
PLANS = {
    ("A", "depression", "2025-K1"): 6, ("A", "angst", "2025-K1"): 2,
    ("A", "andre", "2025-K1"): 10,
    ("A", "depression", "2025-K2"): 7, ("A", "angst", "2025-K2"): 0,
    ("A", "andre", "2025-K2"): 8,
    ("B", "depression", "2025-K1"): 5, ("B", "angst", "2025-K1"): 6,
    ("B", "andre", "2025-K1"): 1,
    ("B", "depression", "2025-K2"): 9, ("B", "angst", "2025-K2"): 5,
    ("B", "andre", "2025-K2"): 12,
}
DISCHARGES = {
    ("A", "depression", "2025-K1"): 60, ("A", "angst", "2025-K1"): 40,
    ("A", "andre", "2025-K1"): 100,
    ("A", "depression", "2025-K2"): 70, ("A", "angst", "2025-K2"): 3,
    ("A", "andre", "2025-K2"): 80,
    ("B", "depression", "2025-K1"): 50, ("B", "angst", "2025-K1"): 30,
    ("B", "andre", "2025-K1"): 20,
    ("B", "depression", "2025-K2"): 90, ("B", "angst", "2025-K2"): 50,
    ("B", "andre", "2025-K2"): 120,
}


def write_register(path: Path) -> Path:
    rows = []
    for (unit, group, quarter), n in PLANS.items():
        for i in range(n):
            date = DATES[quarter]
            rows.append(make_row(plan_id=f"R-{unit}-{group[:3]}-{quarter[-1]}-{i:02d}",
                                 afdeling=UNITS[unit], diagnose=CODES[group], udskrevet=date,
                                 plan_dato=date, plan_sendt=date, kontakt_start="2025-01-02"))
    return write_csv(path, rows, sep=";")


def write_extract(path: Path) -> Path:
    lines = ["kvartal;afdeling;diagnosegruppe;udskrivninger"]
    lines += [f"{q};{UNITS[u]};{g};{n}" for (u, g, q), n in DISCHARGES.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
