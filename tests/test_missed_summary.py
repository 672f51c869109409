"""The missed-plans tables, cell by cell: counts, shares and small-cell suppression."""

from __future__ import annotations

import pandas as pd

from auditlib.missed.audit import DISCHARGE_COLUMNS
from auditlib.missed.summary import assessment_table, assessor_table, reason_table


def discharges(spec: list[tuple[str, int, str, str, str, str]]) -> pd.DataFrame:
    """(cluster, n, funktionstab, vurderet, vurderet_af, aarsag) -> n identical rows."""
    rows = []
    for cluster, n, loss, assessed, who, reason in spec:
        for _ in range(n):
            rows.append({"udskrivning_id": f"X-{len(rows)}", "klynge": cluster,
                         "afdeling": "A", "funktionstab_beskrevet": loss or None,
                         "behov_vurderet": assessed or None, "vurderet_af": who or None,
                         "aarsag_ingen_plan": reason or None})
    return pd.DataFrame(rows).reindex(columns=DISCHARGE_COLUMNS).astype("string")


FRAME = discharges([
    ("Midt", 6, "ja", "ja", "laege", "klarer_sig_selv"),
    ("Midt", 6, "ja", "nej", "", "kommunen_soerger"),
    ("Midt", 2, "nej", "", "", ""),
    ("Syd", 3, "ja", "ja", "ergoterapeut", "diagnosegruppe"),
    ("Syd", 9, "ja", "", "", "ikke_kendt"),
])


def test_assessment_per_cluster_cell_by_cell():
    table = assessment_table(FRAME, "klynge", min_count=5).set_index("klynge")
    assert table.loc["Midt"].tolist()[:5] == [14, 12, 6, 6, 6]
    assert table.at["Midt", "andel_vurderet"] == round(6 / 14, 3)
    assert table.at["Midt", "andel_vurderet_funktionstab"] == 0.5
    # Syd: 3 assessed is below 5, so the count is hidden and so is every share built on it.
    assert table.loc["Syd"].tolist()[:5] == [12, 12, "<5", "<5", "<5"]
    assert pd.isna(table.at["Syd", "andel_vurderet"])
    assert pd.isna(table.at["Syd", "andel_vurderet_funktionstab"])
    assert table.loc["Alle"].tolist()[:5] == [26, 24, 9, 9, 6]


def test_without_suppression_every_count_shows():
    table = assessment_table(FRAME, "klynge", min_count=None).set_index("klynge")
    assert table.at["Syd", "vurderet"] == 3 and table.at["Syd", "andel_vurderet"] == 0.25


def test_reasons_with_validity_and_suppression():
    table = reason_table(FRAME, min_count=5).set_index("aarsag")
    assert table.at["Kan klare sig lige så godt selv", "antal"] == 6
    assert table.at["Kan klare sig lige så godt selv", "gyldig"] == "ja"
    assert table.at["Kommunen sørger for det", "gyldig"] == "nej"
    assert table.at["Diagnosen giver ikke plan", "antal"] == "<5"
    assert pd.isna(table.at["Diagnosen giver ikke plan", "andel"])
    assert table.at["Ikke kendt / ikke overvejet", "andel"] == round(9 / 26, 3)
    assert table.at["Ikke angivet", "antal"] == "<5"
    assert table.at["Andet (se fritekst)", "gyldig"] == "forummet vurderer"
    # Zero is hidden too (a visible 0 next to '<5' and a total gives cells away).
    assert table.at["Afsluttet pakkeforløb", "antal"] == "<5"


def test_assessors_among_the_assessed():
    table = assessor_table(FRAME, min_count=5).set_index("vurderet_af")
    assert table.at["Læge", "antal"] == 6 and table.at["Læge", "andel"] == round(6 / 9, 3)
    assert table.at["Ergoterapeut", "antal"] == "<5"
