"""Rows and registers of discharges without a plan, for the missed-plans tests."""

from __future__ import annotations

import csv
from pathlib import Path

from auditlib.missed.columns import COLUMN_NAMES

GOOD = {
    "udskrivning_id": "MU-01", "klynge": "Midtklyngen", "afdeling": "Ambulatorium for depression",
    "kommune": "Silkeborg", "udskrevet": "2025-05-26", "kvartal": "", "kontakttype": "ambulant",
    "diagnose": "DF32.1", "aldersgruppe": "40-49", "funktionstab_beskrevet": "ja",
    "behov_vurderet": "ja", "vurderet_af": "laege", "aarsag_ingen_plan": "afslaaet_af_patient",
    "aarsag_tekst": "Patienten ønskede ikke genoptræning i kommunen.", "bemaerkninger": "",
}


def row(**changes: str) -> dict[str, str]:
    out = dict(GOOD)
    out.update(changes)
    return out


def write_register(path: Path, rows: list[dict[str, str]], columns: list[str] | None = None,
                   sep: str = ";") -> Path:
    columns = columns or list(COLUMN_NAMES)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, delimiter=sep, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path
