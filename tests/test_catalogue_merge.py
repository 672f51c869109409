"""Merging audit runs into the catalogue: forum decisions override the tool, grey-zone
statements land under their final sector, fulfilment, plans, counts and change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from auditlib.catalogue import build_catalogue, load_content, load_runs
from auditlib.register import load_register
from tests.catalogue_runs import write_run_folder
from tests.conftest import make_row, write_csv


@pytest.fixture(scope="module")
def content():
    return load_content()


def test_forum_decisions_override_the_tool_and_keep_its_proposal(tmp_path: Path, content):
    run = write_run_folder(tmp_path / "run", decisions=True)
    catalogue = build_catalogue(load_runs([run]), content)

    decided = catalogue.greyzone[catalogue.greyzone["decided_by"].eq("forum")]
    assert len(decided) == 1
    row = decided.iloc[0]
    assert (row["plan_id"], row["tool_label"], row["forum_label"], row["final_label"]) == (
        "MK-2025-01", "social", "genoptraening", "genoptraening")
    assert row["decision_reason"] == "Tidsafgrænset træning af en navngiven funktion."
    # The same statement in other plans keeps the tool's label.
    others = catalogue.greyzone[catalogue.greyzone["statement"].eq(row["statement"])
                                & catalogue.greyzone["decided_by"].ne("forum")]
    assert set(others["final_label"]) == {"social"}

    k10 = catalogue.fulfilment.set_index("criterion_id").loc["K10"]
    assert (k10["opfyldt"], k10["ikke_opfyldt"], k10["forum_afgjort"]) == (4, 2, 1)
    plan = catalogue.plans.set_index("plan_id").loc["MK-2025-01"]
    assert plan["K10"] == "opfyldt"


def test_greyzone_statements_are_grouped_by_final_sector(tmp_path: Path, content):
    run = write_run_folder(tmp_path / "run")
    catalogue = build_catalogue(load_runs([run]), content)

    labels = list(dict.fromkeys(catalogue.greyzone["final_label"]))
    assert labels == ["genoptraening", "social", "beskaeftigelse", "civilsamfund"]
    assert not catalogue.greyzone["field"].eq("oevrige_indsatser").any()


def test_fulfilment_share_ignores_not_relevant(tmp_path: Path, content):
    run = write_run_folder(tmp_path / "run", n_plans=4, failing={"Q02": 1})
    catalogue = build_catalogue(load_runs([run]), content)
    table = catalogue.fulfilment.set_index("criterion_id")

    assert table.loc["Q02", "andel_opfyldt"] == pytest.approx(0.75)
    assert pd.isna(table.loc["K06", "andel_opfyldt"])  # never relevant: no share at all
    assert table.loc["K06", "ikke_relevant"] == 4


def test_plans_with_most_formal_failures_come_first(tmp_path: Path, content):
    run = write_run_folder(tmp_path / "run", failing={"K10": 2, "K02": 1, "Q02": 3})
    catalogue = build_catalogue(load_runs([run]), content)

    first = catalogue.plans.iloc[0]
    assert first["plan_id"] == "MK-2025-01"
    assert (first["formelle_mangler"], first["kvalitetsmangler"]) == (2, 1)
    assert first["mangler"] == "K02, K10, Q02"
    assert list(catalogue.plans["formelle_mangler"]) == sorted(
        catalogue.plans["formelle_mangler"], reverse=True)


def test_competence_needs_follow_failing_criteria_and_greyzones(tmp_path: Path, content):
    run = write_run_folder(tmp_path / "run", failing={"K11": 2})
    catalogue = build_catalogue(load_runs([run]), content)
    needs = catalogue.competence_needs.set_index("id")

    pointed = needs[needs["signaler"] > 0]
    for need_id, need in pointed.iterrows():
        assert need["peget_kriterier"] or need["peget_graazoner"], need_id
    k11 = [c.id for c in content.kompetencer.kompetencer if "K11" in c.kriterier]
    assert all("K11: 2 af 6 planer" in needs.loc[i, "peget_kriterier"] for i in k11)
    assert catalogue.competence_needs["signaler"].is_monotonic_decreasing


def test_counts_come_from_the_register_when_given(tmp_path: Path, content):
    rows = [make_row(plan_id=f"MK-2025-{i:02d}", udskrevet=date, plan_dato=date, plan_sendt=date,
                     kontakt_start="2025-01-02")
            for i, date in enumerate(["2025-02-10", "2025-03-01", "2025-05-05", "2025-05-06",
                                      "2025-08-01", "2025-09-09"], start=1)]
    register = load_register(write_csv(tmp_path / "planer.csv", rows))
    run = write_run_folder(tmp_path / "run")

    catalogue = build_catalogue(load_runs([run]), content, register=register)

    assert catalogue.counts_source == "register"
    assert catalogue.cover.period == "2025-K1 – 2025-K3"
    counts = catalogue.counts
    assert [c for c in counts.columns if c.startswith("2025")] == ["2025-K1", "2025-K2",
                                                                    "2025-K3"]
    total = counts[counts["opdeling"] == "Planer i alt"].iloc[0]
    # every published cell is suppressed alike, the totals per quarter included
    assert (total["2025-K1"], total["2025-K2"], total["2025-K3"], total["I alt"]) == \
        ("<5", "<5", "<5", "6")
    # breakdowns by municipality or diagnosis show small cells as "<5"
    municipality = counts[counts["opdeling"] == "Kommune"].iloc[0]
    assert (municipality["2025-K1"], municipality["I alt"]) == ("<5", "6")


def test_counts_from_run_json_or_per_cluster(tmp_path: Path, content):
    with_quarters = write_run_folder(tmp_path / "a", quarters={"2025-K1": 2, "2025-K2": 4})
    catalogue = build_catalogue(load_runs([with_quarters]), content)
    assert catalogue.counts_source == "run.json"
    # 2 and 4 are small; the cluster's 6 plans are known, so both stay hidden
    assert catalogue.counts["planer"].tolist() == ["<5", "<5"]
    assert catalogue.cover.period == "2025-K1 – 2025-K2"

    without = write_run_folder(tmp_path / "b")
    catalogue = build_catalogue(load_runs([without]), content)
    assert catalogue.counts_source == "koersler"
    assert catalogue.counts["planer"].tolist() == [6]
    assert catalogue.cover.period is None


def test_two_runs_of_a_cluster_give_the_change(tmp_path: Path, content):
    old = write_run_folder(tmp_path / "old", failing={"K10": 5}, started="2025-06-01T09:00:00")
    new = write_run_folder(tmp_path / "new", failing={"K10": 2}, started="2026-01-05T09:00:00")
    other = write_run_folder(tmp_path / "syd", cluster="Sydklyngen", prefix="SK", n_plans=3)

    catalogue = build_catalogue(load_runs([new, other, old]), content,
                                created=dt.date(2026, 1, 6))

    # The current run of Midtklyngen is the newest; the cover counts current runs only.
    assert catalogue.cover.clusters == ["Midtklyngen", "Sydklyngen"]
    assert catalogue.cover.n_plans == 9
    assert catalogue.change is not None
    if "aendring" in catalogue.change.columns:  # the built-in comparison
        k10 = catalogue.change.set_index("criterion_id").loc["K10"]
        assert k10["aendring"] == pytest.approx(50.0)
    assert set(catalogue.change["klynge"]) == {"Midtklyngen"}


def test_one_run_has_no_change(tmp_path: Path, content):
    run = write_run_folder(tmp_path / "run")
    assert build_catalogue(load_runs([run]), content).change is None
