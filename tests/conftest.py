"""Shared test helpers: a good plan row and registers built from it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from auditlib.register.columns import COLUMN_NAMES

GOOD_ROW = {
    "plan_id": "T-01",
    "klynge": "Midtklyngen",
    "kommune": "Silkeborg",
    "afdeling": "Psykiatrisk Afdeling, ambulatorium",
    "aldersgruppe": "40-49",
    "koen": "k",
    "diagnose": "DF32.1",
    "kontakttype": "ambulant",
    "kontakt_start": "2025-03-03",
    "udskrevet": "2025-05-26",
    "plan_dato": "2025-05-26",
    "plan_sendt": "2025-05-27",
    "niveau": "almen",
    "opstart_senest": "",
    "opstart_begrundelse": "",
    "laegefagligt_begrundet": "ja",
    "patient_inddraget": "ja",
    "udleveret_patient": "ja",
    "kontakt_angivet": "ja",
    "samtykke_egen_laege": "nej",
    "helhedsvurdering": "Motiveret for træning og har selv formuleret sine mål.",
    "funktionsevne": "Før indlæggelsen klarede hun selv indkøb. Nu orker hun én aktivitet om dagen.",
    "genoptraeningsbehov": "- Træning i at strukturere dagen med ugeskema.\n- Gradvis eksponering for indkøb.",
    "maal": "- Handler selv ind to gange om ugen inden for 8 uger.",
    "ressourcer": "Godt netværk og god sygdomsindsigt.",
    "hensyn": "Bliver hurtigt træt; aftaler om formiddagen.",
    "oevrige_indsatser": "Fortsætter samtaler i ambulatoriet.",
    "bemaerkninger": "",
    # the optional 7-parameter grades (data-contract.md), blank = not graded
    **{c: "" for c in ("p1_selvmordsrisiko", "p2_indsigt", "p3_motivation",
                       "p4_symptommestring", "p5_tidligere_forloeb", "p6_affektregulering",
                       "p7_aarsag")},
}


def make_row(**changes: str) -> dict[str, str]:
    row = dict(GOOD_ROW)
    row.update(changes)
    return row


def write_csv(path: Path, rows: list[dict[str, str]], *, sep: str = ",",
              encoding: str = "utf-8", columns: list[str] | None = None) -> Path:
    columns = columns or list(COLUMN_NAMES)
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, delimiter=sep, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


@pytest.fixture
def good_csv(tmp_path: Path) -> Path:
    rows = [make_row(plan_id=f"T-{i:02d}") for i in range(1, 4)]
    return write_csv(tmp_path / "planer.csv", rows)
