"""``auditlib counts``: breakdowns, suppression of everything printed, the extract on the
command line, reference figures and parallel plans."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from auditlib.cli import cli
from auditlib.counts import BREAKDOWNS, quarterly_counts
from auditlib.counts.parallel import NAMED_EFFORTS, efforts_overview, efforts_per_plan
from auditlib.counts.rates import count_report
from auditlib.counts.reference import reference_figures
from auditlib.privacy.suppress import SECONDARY_MARKER, recoverable_cells
from auditlib.register import load_register
from tests.conftest import make_row, write_csv
from tests.rates_fixture import write_extract, write_register

ROOT = Path(__file__).resolve().parents[1]
REGION = ROOT / "data" / "anonymized" / "region-demo.csv"
HIDDEN = {"<5", SECONDARY_MARKER}


@pytest.fixture(scope="module")
def region():
    return load_register(REGION).frame


def invoke(*args: str):
    return CliRunner().invoke(cli, ["counts", *args], catch_exceptions=False)


def test_the_region_demo_row_of_issue_16_cannot_be_worked_out(tmp_path: Path):
    # issue 16: "Kerteminde 5 | 0 | 0 | <5 | I alt 7" gave the hidden 2 away.
    plan = {"Kerteminde": [5, 0, 0, 2], "Odense": [6, 7, 8, 9], "Nyborg": [5, 6, 1, 7]}
    dates = ["2025-02-10", "2025-05-12", "2025-08-11", "2025-11-10"]
    rows = [make_row(plan_id=f"{m[:3]}-{q}-{i}", kommune=m, udskrevet=dates[q],
                     plan_dato=dates[q], plan_sendt=dates[q], kontakt_start="2025-01-02")
            for m, counts in plan.items() for q, n in enumerate(counts) for i in range(n)]
    frame = load_register(write_csv(tmp_path / "r.csv", rows)).frame
    for suppress_zero in (True, False):
        counts = quarterly_counts(frame, by=["kommune"], suppress_zero=suppress_zero)
        row = counts[(counts["opdeling"] == "Kommune") & (counts["kategori"] == "Kerteminde")]
        values = row.set_index("kvartal")["planer"]
        assert values["I alt"] == "7" and values["2025-K4"] == "<5"
        hidden = [k for k, v in values.items() if v in HIDDEN]
        shown = sum(int(v) for k, v in values.items() if k != "I alt" and v not in HIDDEN)
        assert len(hidden) >= 2 and shown < 7
        report = count_report(frame, by=["kommune"], suppress_zero=suppress_zero)
        assert not recoverable_cells(report.plan_tables.values, report.plan_tables.equations,
                                     report.suppression, suppress_zero=suppress_zero)


@pytest.mark.parametrize("suppress_zero,by", [(True, list(BREAKDOWNS)), (False, None)])
def test_no_printed_count_is_recoverable(region, suppress_zero, by):
    report = count_report(region, by=by, suppress_zero=suppress_zero)
    tables, suppression = report.plan_tables, report.suppression
    assert not recoverable_cells(tables.values, tables.equations, suppression,
                                 suppress_zero=suppress_zero)
    for equation in tables.equations:
        assert sum(c in suppression.hidden for c in (equation.total, *equation.parts)) != 1
    planer = report.counts["planer"]
    numbers = planer[~planer.isin(HIDDEN)].astype(int)
    assert not numbers[(numbers > 0)].lt(5).any()
    assert numbers.eq(0).any() != suppress_zero or not numbers.eq(0).any()


def test_every_breakdown_with_its_categories(region):
    counts = quarterly_counts(region, by=list(BREAKDOWNS))
    titles = list(dict.fromkeys(counts["opdeling"]))
    assert titles[0] == "Planer i alt"
    for name, (_dims, title) in BREAKDOWNS.items():
        assert title in titles, name
    contact = counts[counts["opdeling"] == "Kontakttype"]
    assert set(contact["kategori"]) == {"Indlæggelse", "Ambulant"}
    cross = counts[counts["opdeling"] == "Afdeling × kommune"]
    assert set(cross["kvartal"]) == {"I alt"}  # counted over the whole period
    n_units = region["afdeling"].nunique()
    n_municipalities = region["kommune"].nunique()
    assert len(cross) == n_units * n_municipalities  # zeros listed too (as <5)
    total = counts[(counts["opdeling"] == "Planer i alt") & (counts["kvartal"] == "I alt")]
    assert total["planer"].tolist() == [str(len(region))]


def test_blank_categories_are_not_stated(tmp_path: Path):
    rows = [make_row(plan_id=f"X-{i}", kommune="", afdeling="", kontakttype="")
            for i in range(6)]
    frame = load_register(write_csv(tmp_path / "r.csv", rows)).frame
    counts = quarterly_counts(frame)
    municipality = counts[(counts["opdeling"] == "Kommune") & (counts["kvartal"] == "I alt")]
    assert municipality["kategori"].tolist() == ["Ikke angivet"]
    assert municipality["planer"].tolist() == ["6"]


def test_cli_text_and_csv(tmp_path: Path):
    result = invoke(str(REGION), "--by", "kommune", "--by", "afdeling-kommune")
    assert result.exit_code == 0, result.output
    assert "Afdeling × kommune" in result.output and "'x'" in result.output
    csv = invoke(str(REGION), "--format", "csv")
    table = pd.read_csv(io.StringIO(csv.output), dtype=str)
    assert list(table.columns) == ["opdeling", "kategori", "kvartal", "planer"]
    assert set(table["opdeling"]) >= {"Klynge", "Afdeling", "Kontakttype", "Kommune"}


def test_cli_rates_from_an_extract(tmp_path: Path):
    register = write_register(tmp_path / "region.csv")
    extract = write_extract(tmp_path / "udskrivninger.csv")
    result = invoke(str(register), "--discharges", str(extract), "--by", "afdeling")
    assert result.exit_code == 0, result.output
    assert "Planer pr. 100 udskrivninger" in result.output
    assert "10,0  8,0–12,4" in result.output  # 71 plans per 713 discharges, Danish decimals
    csv = invoke(str(register), "--discharges", str(extract), "--format", "csv")
    table = pd.read_csv(io.StringIO(csv.output), dtype=str)
    assert {"udskrivninger", "pr_100", "ki_lav", "ki_hoej"} <= set(table.columns)
    total = table[(table["kategori"] == "Planer i alt") & (table["kvartal"] == "I alt")]
    assert float(total["pr_100"].iloc[0]) == pytest.approx(100 * 71 / 713)


def test_cli_bad_extract_exits_2_with_every_problem(tmp_path: Path):
    register = write_register(tmp_path / "region.csv")
    bad = tmp_path / "u.csv"
    bad.write_text("kvartal;afdeling;diagnosegruppe;udskrivninger\n"
                   "2025-K7;A;angst;3\n2025-K1;A;angst;tre\n", encoding="utf-8")
    before = bad.read_bytes()
    result = subprocess.run([sys.executable, "-m", "auditlib", "counts", str(register),
                             "--discharges", str(bad)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "række 2" in result.stderr and "række 3" in result.stderr
    assert "kvartal" in result.stderr and "udskrivninger" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert bad.read_bytes() == before


# -- reference figures ------------------------------------------------------------------

def test_reference_figures_carry_their_source(region):
    figures = reference_figures()
    assert len(figures) >= 8 and figures["kilde"].str.len().gt(0).all()
    report = count_report(region, reference=figures, label="Region")
    comparison = report.reference
    assert len(comparison) == len(figures)
    total = comparison[comparison["figur"] == "planer_fra_psykiatrien"]
    assert set(total["register_antal"]) == {str(len(region))}
    quarters = sorted(set(report.plan_tables.quarters))
    assert set(total["kvartaler"]) == {len(quarters)}
    assert set(total["periode"]) == {f"{quarters[0]} – {quarters[-1]}"}
    everything = {**report.plan_tables.values}
    assert not recoverable_cells(everything, report.plan_tables.equations, report.suppression)


# -- parallel plans ------------------------------------------------------------------------

@pytest.mark.parametrize("statement,efforts", [
    ("Modtager socialpædagogisk støtte efter SEL § 85 to gange om ugen.", {"sel85"}),
    ("Har bostøtte tirsdag og fredag.", {"bostoette"}),
    ("Jobcentret udarbejder en jobplan.", {"jobplan"}),
    ("Har en mentor fra jobcentret.", {"jobplan", "mentor"}),
    ("Skal i ressourceforløb med koordinerende sagsbehandler.", {"jobplan", "koordinerende"}),
    ("Der er tilknyttet en koordinerende kontaktperson.", {"koordinerende"}),
    ("Fortsætter i distriktspsykiatrien.", {"psykiatri"}),
    ("Går til fodbold i den lokale klub.", set()),
    ("Ingen mentorordning endnu, men mor hjælper.", set()),
    ("Har ikke længere bostøtte.", set()),
    ("Bostøtte er søgt, men ikke bevilget.", {"bostoette"}),
])
def test_named_efforts(statement, efforts):
    assert {e.id for e in NAMED_EFFORTS if e.matches(statement)} == efforts


def test_efforts_per_plan_and_overview():
    frame = pd.DataFrame({"plan_id": ["P1", "P2", "P3"]})
    statements = pd.DataFrame({
        "plan_id": ["P1", "P1", "P2"], "statement": ["a", "b", "c"],
        "label": ["social", "beskaeftigelse", "behandling"]})
    flags = {e.id: [False, False, False] for e in NAMED_EFFORTS}
    flags["sel85"] = [True, False, False]
    flags["bostoette"] = [True, False, False]
    flags["jobplan"] = [False, True, False]
    statements = statements.assign(**flags)
    per_plan = efforts_per_plan(frame, statements)
    assert per_plan["antal_indsatser"].tolist() == [2, 0, 0]  # bostøtte is § 85 support
    assert per_plan.loc[0, "sektorer"] == "Social indsats; Beskæftigelse og uddannelse"
    overview = efforts_overview(frame, statements, min_count=1)
    row = overview.set_index("indsats").loc["Jobplan / jobcenter"]
    assert row["planer"] == "1" and row["andel"] == pytest.approx(1 / 3)
    small = efforts_overview(frame, statements)  # everything below 5 is hidden
    assert set(small["planer"]) <= HIDDEN | {"3"}
    assert small["andel"].isna().sum() == (small["planer"] != "3").sum()


def test_cli_parallel_plans(region):
    result = invoke(str(REGION), "--by", "niveau", "--indsatser")
    assert result.exit_code == 0, result.output
    assert "plan på plan" in result.output and "Jobplan / jobcenter" in result.output
