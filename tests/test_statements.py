"""Segmentation of free text into statements: a table of texts and expected statements."""

from __future__ import annotations

import pandas as pd
import pytest

from auditlib.statements import is_placeholder, split_statements, statements_of_plan

CASES = [
    # Danish abbreviations never end a sentence.
    ("Træning i f.eks. indkøb. Hun vil bl.a. gå i Netto.",
     ["Træning i f.eks. indkøb.", "Hun vil bl.a. gå i Netto."]),
    ("Støtte jf. serviceloven. Ca. 3 timer om ugen, evt. mere.",
     ["Støtte jf. serviceloven.", "Ca. 3 timer om ugen, evt. mere."]),
    ("Opstart kl. 9.30 mht. transport. Pt. er motiveret, dvs. klar.",
     ["Opstart kl. 9.30 mht. transport.", "Pt. er motiveret, dvs. klar."]),
    ("Træning inkl. bus ift. angst, nr. 2 på listen, stk. 2 gælder.",
     ["Træning inkl. bus ift. angst, nr. 2 på listen, stk. 2 gælder."]),
    ("Hjælp til indkøb, rengøring mv. Han ønsker mere. Tøjvask o.l. afklares.",
     ["Hjælp til indkøb, rengøring mv.", "Han ønsker mere.", "Tøjvask o.l. afklares."]),
    # Paragraph references, ordinals, dates and decimals.
    ("Bevilget efter SUL § 140 stk. 2 fra 3. marts. Opstart i 3. uge.",
     ["Bevilget efter SUL § 140 stk. 2 fra 3. marts.", "Opstart i 3. uge."]),
    ("Støtte efter § 85. Hun ønsker hjælp.", ["Støtte efter § 85.", "Hun ønsker hjælp."]),
    ("Efter § 85. stk. 2 gives støtte.", ["Efter § 85. stk. 2 gives støtte."]),
    ("Dosis øges til 2.5 mg. Kontrol om 4 uger.", ["Dosis øges til 2.5 mg.", "Kontrol om 4 uger."]),
    ("Møde d. 3. marts kl. 10. Herefter opfølgning.",
     ["Møde d. 3. marts kl. 10.", "Herefter opfølgning."]),
    ("Plan fra 12.05.2025 gælder.", ["Plan fra 12.05.2025 gælder."]),
    # Bullets, numbered items and line breaks.
    ("- Træning i at tage bussen\n- Struktur i hverdagen\n\n• Madlavning\n* Indkøb",
     ["Træning i at tage bussen", "Struktur i hverdagen", "Madlavning", "Indkøb"]),
    ("1. Træne indkøb\n2) Træne bus\na) Gå ture\n(b) Lave mad",
     ["Træne indkøb", "Træne bus", "Gå ture", "Lave mad"]),
    ("3. uge: øge tempo\n1. marts: opstart", ["3. uge: øge tempo", "1. marts: opstart"]),
    ("Mål: handle selv ind • gå tur • lave mad", ["Mål: handle selv ind", "gå tur", "lave mad"]),
    ("Første linje\r\nanden linje\rtredje linje", ["Første linje", "anden linje", "tredje linje"]),
    ("-Træning i bad\n–  Påklædning", ["Træning i bad", "Påklædning"]),
    ("Bostøtte 3-4 gange om ugen - men kun om formiddagen.",
     ["Bostøtte 3-4 gange om ugen - men kun om formiddagen."]),
    # Whitespace is cleaned; placeholders and empty lines are dropped.
    ("  Han   går\tud.   Hun bliver hjemme.  ", ["Han går ud.", "Hun bliver hjemme."]),
    ("-\ningen\nse journal\n...\nxx\n  Udfyldes  \nIkke relevant.", []),
    ("Træning 2 gange om ugen i 8 uger.Derefter status.",
     ["Træning 2 gange om ugen i 8 uger.", "Derefter status."]),
    ("Er det muligt? Ja! Hun vil gerne.", ["Er det muligt?", "Ja!", "Hun vil gerne."]),
    ("har angst. skal trænes i at tage bussen.", ["har angst.", "skal trænes i at tage bussen."]),
    ("", []),
    (None, []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_statements(text, expected):
    assert split_statements(text) == expected


def test_missing_values_give_no_statements():
    assert split_statements(pd.NA) == []
    assert split_statements(float("nan")) == []


@pytest.mark.parametrize("text", ["-", "ingen", "Ikke relevant.", "se journal", "xx", "...",
                                  "udfyldes", "  ", "?", "12"])
def test_placeholders(text):
    assert is_placeholder(text)


@pytest.mark.parametrize("text", ["Ingen sygdomsindsigt", "Ja.", "Se på bostøtte"])
def test_not_placeholders(text):
    assert not is_placeholder(text)


def test_statements_of_plan_numbers_per_field_in_order():
    row = pd.Series({"plan_id": "T-01", "genoptraeningsbehov": "- Træne bus\n- Træne indkøb",
                     "maal": "Handler selv. Tager bussen.", "hensyn": pd.NA, "bemaerkninger": "-"})
    assert statements_of_plan(row) == [
        ("genoptraeningsbehov", 1, "Træne bus"),
        ("genoptraeningsbehov", 2, "Træne indkøb"),
        ("maal", 1, "Handler selv."),
        ("maal", 2, "Tager bussen."),
    ]


def test_statements_of_plan_reads_dicts_and_only_free_text():
    row = {"plan_id": "Ikke. Et. Udsagn.", "oevrige_indsatser": "Samtaler i ambulatoriet."}
    assert statements_of_plan(row) == [("oevrige_indsatser", 1, "Samtaler i ambulatoriet.")]
