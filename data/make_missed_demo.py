"""Writes ``data/anonymized/missed-demo.csv``: invented discharges without a plan, no real person.

    python data/make_missed_demo.py

80 discharges from four clusters over the four quarters of 2025, drawn with a fixed
random seed so that the file is byte-identical on every run. The mix follows the regional
notat's finding: for most discharges without a plan the need was never assessed, and
the reasons given are often not valid ones (the diagnosis, "kommunen sørger for det").
Some cells use the natural spellings coordinators write ("Ja", "Læge og ergoterapeut",
"Kommunen sørger for det", "2025 K3") to show that the loader normalises them.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "anonymized" / "missed-demo.csv"
SEED = 19
N = 80

COLUMNS = ["udskrivning_id", "klynge", "afdeling", "kommune", "udskrevet", "kvartal",
           "kontakttype", "diagnose", "aldersgruppe", "funktionstab_beskrevet",
           "behov_vurderet", "vurderet_af", "aarsag_ingen_plan", "aarsag_tekst", "bemaerkninger"]
CLUSTERS = {
    "Midtklyngen": ("MU", ["Silkeborg", "Viborg", "Skive", "Favrskov"]),
    "Vestklyngen": ("VU", ["Herning", "Holstebro", "Ringkøbing-Skjern", "Lemvig"]),
    "Nordklyngen": ("NU", ["Randers", "Norddjurs", "Syddjurs"]),
    "Østklyngen": ("OU", ["Aarhus", "Samsø", "Odder", "Skanderborg"]),
}
UNITS = [
    ("Psykiatrisk afdeling, sengeafsnit for affektive lidelser", "indlaeggelse"),
    ("Psykiatrisk afdeling, åbent sengeafsnit", "Indlagt"),
    ("Psykiatrisk ambulatorium for angst og OCD", "ambulant"),
    ("Ambulatorium for depression", "Ambulant forløb"),
    ("Psykiatrisk akutmodtagelse", "akut"),
]
DIAGNOSES = ["DF32.1", "DF32.2", "DF33.1", "DF41.1", "DF40.1", "DF20.0", "DF43.1", "DF60.3",
             "F32.1; F41.1"]
AGES = ["18-29", "30-39", "40-49", "50-59", "60-69", "70+"]
# (reason as written, free text), weighted towards the notat's picture.
REASONS_WRITTEN = [
    ("Ikke kendt", ""),
    ("ikke_kendt", ""),
    ("", ""),
    ("Kommunen sørger for det", "Kommunen er orienteret og tager over efter udskrivning."),
    ("diagnosegruppe", "Der laves ikke genoptræningsplaner ved angst og depression her."),
    ("Diagnosen giver ikke plan", ""),
    ("pakkeforløb", "Pakkeforløbet er afsluttet; opfølgning hos egen læge."),
    ("Patienten takkede nej", "Patienten ønskede ikke genoptræning i kommunen."),
    ("afslaaet_af_patient", ""),
    ("Intet funktionstab", ""),
    ("klarer_sig_selv", "Vurderet at kunne genoptage hverdagen uden støtte."),
    ("Anden kommunal indsats", "Har bostøtte efter servicelovens § 85, som dækker behovet."),
    ("mangler_potentiale", "Ikke motiveret for træning på udskrivningstidspunktet."),
    ("andet", "Overflyttet til andet sygehus før udskrivning."),
]
ASSESSORS_WRITTEN = ["Læge", "laege; ergoterapeut", "Læge og ergoterapeut", "ergoterapeut",
                     "fysioterapeut", "sygeplejerske", "Overlæge", ""]


def _discharge(rng: random.Random, cluster: str, prefix: str, towns: list[str],
               number: int) -> dict[str, str]:
    unit, contact = rng.choice(UNITS)
    day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(365))
    quarter = f"{day.year}-K{(day.month - 1) // 3 + 1}"
    reason, text = rng.choice(REASONS_WRITTEN)
    loss = rng.random() < 0.7
    assessed = rng.random() < (0.8 if reason in ("klarer_sig_selv", "Anden kommunal indsats",
                                                 "mangler_potentiale") else 0.3)
    row = {
        "udskrivning_id": f"{prefix}-2025-{number:03d}",
        "klynge": cluster,
        "afdeling": unit,
        "kommune": rng.choice(towns),
        # About a third give only the quarter, as some registers may not hold dates.
        "udskrevet": "" if number % 3 == 0 else day.isoformat(),
        "kvartal": (quarter.replace("-", " ") if number % 3 == 0 else ""),
        "kontakttype": contact,
        "diagnose": rng.choice(DIAGNOSES),
        "aldersgruppe": rng.choice(AGES),
        "funktionstab_beskrevet": ("Ja" if loss else "nej") if rng.random() < 0.9 else "",
        "behov_vurderet": "ja" if assessed else ("nej" if rng.random() < 0.7 else ""),
        "vurderet_af": rng.choice(ASSESSORS_WRITTEN) if assessed else "",
        "aarsag_ingen_plan": reason,
        "aarsag_tekst": text,
        "bemaerkninger": "",
    }
    if reason == "Intet funktionstab":
        row["funktionstab_beskrevet"] = "nej"
    return row


def build_rows(seed: int = SEED, n: int = N) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows = []
    names = list(CLUSTERS)
    for number in range(1, n + 1):
        cluster = names[(number - 1) % len(names)]
        prefix, towns = CLUSTERS[cluster]
        rows.append(_discharge(rng, cluster, prefix, towns, number))
    return rows


def main(path: Path = OUT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter=";", lineterminator="\n")
        writer.writeheader()
        writer.writerows(build_rows())
    return path


if __name__ == "__main__":
    print(main())
