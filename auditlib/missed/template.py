"""The workbook coordinators fill in for discharges without a plan (``auditlib missed template``).

The plan register's template machinery (``auditlib.register.template``) lays it out:
sheet ``udskrivninger`` with one column per contract column, dropdowns, date validation and
help per column; sheet ``ark_vejledning`` with this guide and the reasons' meaning.
"""

from __future__ import annotations

from pathlib import Path

from auditlib.missed.columns import ASSESSORS, COLUMNS, REASONS
from auditlib.register.template import build_template, write_template

SHEET = "udskrivninger"
LEGITIMATE = {True: "gyldig grund", False: "ikke en gyldig grund", None: "forummet vurderer"}

GUIDE = [
    ("Sådan udfylder du registret over udskrivninger uden plan", ""),
    ("Formål", "Blev behovet vurderet? Registret er en stikprøve af udskrivninger fra "
               "psykiatrien, hvor der IKKE blev lavet en genoptræningsplan. Retten til en plan "
               "gælder uanset diagnose og alder; den manglende vurdering er det regionale notats "
               "hovedfund."),
    ("1.", "Skriv én udskrivning pr. række i arket 'udskrivninger'. Overskrifterne i række 1 "
           "må ikke ændres."),
    ("2.", "udskrivning_id er forummets egen nøgle, f.eks. MU-2025-07. Aldrig CPR-nummer, navn "
           "eller journalnummer."),
    ("3.", "Udfyld udskrevet (dato) eller kvartal (f.eks. 2025-K2). Datoer må gerne være "
           "forskudt; kun kvartalet bruges."),
    ("4.", "funktionstab_beskrevet: står der i journalen et funktionstab relateret til kontakten? "
           "behov_vurderet: er det dokumenteret, at behovet for en plan blev vurderet?"),
    ("5.", "vurderet_af: hvem vurderede behovet. Flere adskilles med ';', f.eks. "
           "'laege; ergoterapeut'."),
    ("6.", "aarsag_ingen_plan: vælg årsagen fra listen nedenfor; skriv journalens begrundelse "
           "(anonymiseret) i aarsag_tekst. Ved 'andet' skal aarsag_tekst udfyldes."),
    ("7.", "Tomme felter betyder 'ikke angivet'. Tjek filen med 'auditlib missed validate "
           "FIL.xlsx' før mødet."),
    ("", ""),
    ("Årsager", ""),
    *[(r.key, f"{r.title} ({LEGITIMATE[r.legitimate]}): {r.why}") for r in REASONS],
    ("", ""),
    ("Vurderet af", ""),
    *[(a.key, a.title) for a in ASSESSORS],
    ("", ""),
    ("Kolonner", ""),
]


def write_missed_template(path: str | Path) -> Path:
    """Write the missed-plans registration workbook to ``path`` atomically."""
    workbook = build_template(COLUMNS, sheet=SHEET, guide_rows=GUIDE)
    return write_template(path, workbook=workbook,
                          title="Registreringsskabelon for udskrivninger uden genoptræningsplan")


__all__ = ["GUIDE", "SHEET", "write_missed_template"]
