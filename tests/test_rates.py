"""Plans per 100 discharges (issue 19's done-when): a two-quarter region register and a
discharge extract; rates, Wilson intervals and suppression checked cell by cell."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from auditlib.counts.breakdowns import ANXIETY, DEPRESSION, OTHER
from auditlib.counts.extract import load_discharge_extract, parse_quarter
from auditlib.counts.rates import (
    count_report,
    danish_number,
    danish_percent,
    rates_text_table,
    wilson_interval,
)
from auditlib.errors import ExtractInvalidError
from auditlib.privacy.suppress import SECONDARY_MARKER, recoverable_cells
from auditlib.register import load_register
from tests.rates_fixture import DISCHARGES, PLANS, UNITS, write_extract, write_register

GROUP_TITLES = {"depression": DEPRESSION, "angst": ANXIETY, "andre": OTHER}
HIDDEN = {"<5", SECONDARY_MARKER}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rates")
    register = load_register(write_register(folder / "region.csv"))
    assert register.ok, register.problems
    extract = load_discharge_extract(write_extract(folder / "udskrivninger.csv"))
    return count_report(register.frame, by=["afdeling", "diagnosegruppe"], extract=extract)


def wilson_by_hand(n: int, d: int) -> tuple[float, float]:
    # The roots of (p - n/d)^2 = z^2 p (1 - p) / d, independently of the implementation.
    z = 1.959963984540054
    a = 1 + z * z / d
    b = -(2 * n / d + z * z / d)
    c = (n / d) ** 2
    root = math.sqrt(b * b - 4 * a * c)
    return ((-b - root) / (2 * a), (-b + root) / (2 * a))


def row(report, category: str, quarter: str):
    rates = report.rates
    found = rates[(rates["kategori"] == category) & (rates["kvartal"] == quarter)]
    assert len(found) == 1, (category, quarter)
    return found.iloc[0]


def truth(unit=None, group=None, quarter=None, table=PLANS) -> int:
    return sum(n for (u, g, q), n in table.items()
               if unit in (None, u) and group in (None, g) and quarter in (None, q))


CELLS = [(u, g, q) for u in (None, "A", "B") for g in (None, "depression", "angst", "andre")
         for q in (None, "2025-K1", "2025-K2")]


def category_of(unit, group) -> str:
    if unit and group:
        return f"{UNITS[unit]} / {GROUP_TITLES[group]}"
    if unit:
        return UNITS[unit]
    if group:
        return GROUP_TITLES[group]
    return "Planer i alt"


@pytest.mark.parametrize("unit,group,quarter", CELLS)
def test_every_cell(report, unit, group, quarter):
    r = row(report, category_of(unit, group), quarter or "I alt")
    n, d = truth(unit, group, quarter), truth(unit, group, quarter, DISCHARGES)
    # a small count is never shown; a shown count is the true one
    if n < 5:
        assert r["planer"] == "<5"
    assert r["planer"] in HIDDEN or int(r["planer"]) == n
    if d < 5:
        assert r["udskrivninger"] == "<5"
    assert r["udskrivninger"] in HIDDEN or int(r["udskrivninger"]) == d
    if r["planer"] in HIDDEN or r["udskrivninger"] in HIDDEN:
        # a rate beside a shown denominator would give the hidden numerator away
        assert math.isnan(r["pr_100"]) and math.isnan(r["ki_lav"])
    else:
        assert r["pr_100"] == pytest.approx(100 * n / d)
        low, high = wilson_by_hand(n, d)
        assert (r["ki_lav"], r["ki_hoej"]) == pytest.approx((100 * low, 100 * high))
        assert r["ki_lav"] <= r["pr_100"] <= r["ki_hoej"]


def test_known_figures(report):
    total = row(report, "Planer i alt", "I alt")
    assert (total["planer"], total["udskrivninger"]) == ("71", "713")
    assert total["pr_100"] == pytest.approx(100 * 71 / 713)
    unit_b = row(report, UNITS["B"], "2025-K1")
    assert (unit_b["planer"], unit_b["udskrivninger"]) == ("12", "100")
    assert (unit_b["ki_lav"], unit_b["ki_hoej"]) == pytest.approx((6.9994, 19.8121), abs=1e-3)
    # the three small cells of the register and the one of the extract
    assert row(report, f"{UNITS['A']} / {ANXIETY}", "2025-K1")["planer"] == "<5"
    assert row(report, f"{UNITS['A']} / {ANXIETY}", "2025-K2")["planer"] == "<5"
    assert row(report, f"{UNITS['B']} / {OTHER}", "2025-K1")["planer"] == "<5"
    assert row(report, f"{UNITS['A']} / {ANXIETY}", "2025-K2")["udskrivninger"] == "<5"


def test_no_hidden_count_can_be_worked_out(report):
    # the reader check over the linked equations of every published table
    for tables, suppression in ((report.plan_tables, report.suppression),
                                (report.discharge_tables, report.discharge_suppression)):
        assert suppression.hidden
        assert not recoverable_cells(tables.values, tables.equations, suppression)
        for eq in tables.equations:
            cells = (eq.total, *eq.parts)
            assert sum(c in suppression.hidden for c in cells) != 1


def test_counts_agree_with_the_rates(report):
    # the breakdown tables and the rate tables show the same cells the same way
    counts = report.counts
    for _, r in report.rates.iterrows():
        same = counts[(counts["kategori"] == r["kategori"]) & (counts["kvartal"] == r["kvartal"])]
        for value in same["planer"]:
            assert value == r["planer"]


def test_text_table_uses_danish_numbers(report):
    text = rates_text_table(report.rates, report.kind)
    total = text[(text["kategori"] == "Planer i alt") & (text["kvartal"] == "I alt")].iloc[0]
    assert total["pr. 100"] == "10,0"
    assert total["95 %-KI"] == "8,0–12,4"
    assert danish_number(1234.5) == "1.234,5"
    assert danish_percent(0.96) == "96 %"
    assert danish_number(float("nan")) == "–"


def test_wilson_at_the_edges():
    assert wilson_interval(0, 10)[0] == 0.0
    assert wilson_interval(10, 10)[1] == pytest.approx(1.0)
    assert all(math.isnan(x) for x in wilson_interval(0, 0))
    assert wilson_interval(6, 60) == pytest.approx(wilson_by_hand(6, 60))


# -- the extract's own validation ------------------------------------------------------

@pytest.mark.parametrize("text,quarter", [("2025-K1", "2025-K1"), ("2025K3", "2025-K3"),
                                          ("2025 Q2", "2025-K2"), ("k4 2024", "2024-K4"),
                                          ("2025-K5", None), ("marts", None)])
def test_quarters(text, quarter):
    assert parse_quarter(text) == quarter


def test_bad_extract_reports_every_problem_at_once(tmp_path: Path):
    path = tmp_path / "udtraek.csv"
    path.write_text("kvartal;afdeling;diagnosegrupe;udskrivninger\n"
                    "2025-K1;A;depression;10\n", encoding="utf-8")
    with pytest.raises(ExtractInvalidError) as caught:
        load_discharge_extract(path)
    assert [p.column for p in caught.value.problems] == ["diagnosegrupe"]
    assert "diagnosegruppe" in caught.value.problems[0].message

    path.write_text("kvartal;afdeling;diagnosegruppe;udskrivninger\n"
                    "2025-K1;A;depression;10\n"
                    "2025-K9;A;angst;-3\n"
                    "2025-K1;;andre;4\n"
                    "2025-K1;A;hjerte;4\n"
                    "2025-K1;A;depression;12\n", encoding="utf-8")
    with pytest.raises(ExtractInvalidError) as caught:
        load_discharge_extract(path)
    found = [(p.row, p.column) for p in caught.value.problems]
    assert found == [(3, "kvartal"), (3, "udskrivninger"), (4, "afdeling"),
                     (5, "diagnosegruppe"), (6, "afdeling")]
    assert all(p.message for p in caught.value.problems)
    assert "hjerte" not in " ".join(p.message for p in caught.value.problems)


def test_extract_columns(tmp_path: Path):
    path = tmp_path / "u.csv"
    path.write_text("kvartal,afdeling,klynge,antal\n2025-K1,A,Syd,3\n", encoding="utf-8")
    with pytest.raises(ExtractInvalidError) as caught:
        load_discharge_extract(path)
    assert [p.column for p in caught.value.problems] == ["afdeling/klynge"]
    path.write_text("kvartal,klynge,kontakter,note\n2025-K1,Syd,1.234,x\n", encoding="utf-8")
    extract = load_discharge_extract(path)
    assert (extract.unit, extract.kind, extract.has_groups) == ("klynge", "kontakter", False)
    assert extract.frame["antal"].tolist() == [1234]
    assert extract.notices  # the unused column is listed once
    with pytest.raises(ExtractInvalidError):
        load_discharge_extract(tmp_path / "findes-ikke.csv")
    (tmp_path / "tom.csv").write_text("", encoding="utf-8")
    with pytest.raises(ExtractInvalidError):
        load_discharge_extract(tmp_path / "tom.csv")
