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
    # Syd: 3 assessed is below 5, so the count is hidden and so is every share built on it.
    assert table.loc["Syd"].tolist()[:5] == [12, 12, "<5", "<5", "<5"]
    # With 'Alle' shown, Midt's 6 would give Syd's 3 away (9 - 6): hidden as well.
    assert table.loc["Midt"].tolist()[:5] == [14, 12, "x", "x", "x"]
    assert pd.isna(table.at["Midt", "andel_vurderet"])
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


def test_a_single_hidden_part_of_a_published_total_gets_company():
    frame = discharges([
        ("Midt", 12, "ja", "ja", "laege", "klarer_sig_selv"),
        ("Nord", 7, "ja", "ja", "laege", "kommunen_soerger"),
        ("Syd", 9, "ja", "ja", "ergoterapeut", "kommunen_soerger"),
        ("Vest", 3, "ja", "ja", "laege", "ikke_kendt"),
    ])
    table = assessment_table(frame, "klynge", min_count=5).set_index("klynge")
    # Vest's 3 assessed is hidden; with 'Alle' = 31 shown it could be worked out, so the
    # smallest other cluster (Nord, 7) is hidden too.
    assert table.at["Vest", "vurderet"] == "<5" and table.at["Nord", "vurderet"] == "x"
    assert table.at["Midt", "vurderet"] == 12 and table.at["Alle", "vurderet"] == 31
    assert pd.isna(table.at["Nord", "andel_vurderet"])
    reasons = reason_table(frame, min_count=5).set_index("aarsag")
    shown = reasons["antal"]
    # Several reasons are 0 (hidden), so no single hidden reason: nothing more to hide.
    assert shown["Kommunen sørger for det"] == 16 and shown["Kan klare sig lige så godt selv"] == 12


def test_reasons_hide_a_second_cell_when_only_one_is_hidden():
    from auditlib.missed.summary import _suppressed

    table = pd.DataFrame({"aarsag": ["a", "b", "c"], "antal": [3, 9, 7],
                          "andel": [3 / 19, 9 / 19, 7 / 19]})
    out = _suppressed(table, ["antal"], {"andel": ("antal",)}, 5, sums_to={"antal": 19})
    assert out["antal"].tolist() == ["<5", 9, "x"]
    assert out["andel"].isna().tolist() == [True, False, True]


def test_criteria_rows_hide_a_second_result_when_only_one_is_hidden():
    from auditlib.missed.summary import criteria_table

    results = pd.DataFrame({"udskrivning_id": [f"X-{i}" for i in range(20)],
                            "criterion_id": "M01",
                            "result": ["opfyldt"] * 9 + ["ikke_opfyldt"] * 8 + ["ikke_relevant"] * 3})
    row = criteria_table(results, min_count=5).set_index("criterion_id").loc["M01"]
    # ikke_relevant 3, kan_ikke_vurderes 0 and tjekfejl 0 are hidden: three cells, no more.
    assert [row[c] for c in ("opfyldt", "ikke_opfyldt", "ikke_relevant")] == [9, 8, "<5"]
