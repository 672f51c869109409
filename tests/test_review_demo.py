"""The review round on the real demo run: fill, import (with an invalid value first),
agreement checked against scikit-learn, and the decision visible in the catalogue."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

from auditlib.audit import run_audit, write_run
from auditlib.catalogue import load_content
from auditlib.catalogue.merge import build_catalogue, load_runs
from auditlib.demo import DEMO_REGISTER
from auditlib.register import load_register
from auditlib.review import export_review, import_review
from auditlib.review.agreement import agreement_tables
from auditlib.review.export import COLUMN_TITLES, CRITERIA_SHEET, STATEMENTS_SHEET
from auditlib.review.importer import ReviewRowsError
from auditlib.rundir import read_run

# Hospital and municipality on K10 for the 25 demo plans: mostly agreeing with the tool.
HOSPITAL = ["enig"] * 18 + ["uenig"] * 4 + ["enig", "uenig", "enig"]
KOMMUNE = ["enig"] * 16 + ["uenig"] * 2 + ["uenig"] * 3 + ["enig"] * 4


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("review")
    run = folder / "koersel"
    write_run(run_audit(load_register(DEMO_REGISTER)), run)
    workbook = export_review(run, folder / "gennemgang.xlsx")
    return folder, run, workbook


def _header(sheet) -> dict[str, int]:
    """Column numbers by key (the sheets show Danish headings)."""
    keys = {title: key for key, title in COLUMN_TITLES.items()}
    return {keys.get(cell.value, cell.value): cell.column for cell in sheet[1]}


def _fill(workbook, out, invalid: bool):
    book = openpyxl.load_workbook(workbook)
    sheet = book[CRITERIA_SHEET]
    col = _header(sheet)
    k10 = [r for r in range(2, sheet.max_row + 1)
           if sheet.cell(row=r, column=col["criterion_id"]).value == "K10"]
    assert len(k10) == 25
    for row, hospital, kommune in zip(k10, HOSPITAL, KOMMUNE, strict=True):
        sheet.cell(row=row, column=col["hospital_vurdering"]).value = hospital
        sheet.cell(row=row, column=col["kommune_vurdering"]).value = kommune
        if hospital == "uenig":
            sheet.cell(row=row, column=col["hospital_begrundelse"]).value = "Dato fra journalen."
        if kommune == "uenig":
            sheet.cell(row=row, column=col["kommune_begrundelse"]).value = "Modtaget senere."
    if invalid:
        sheet.cell(row=k10[0], column=col["kommune_vurdering"]).value = "måske"
    statements = book[STATEMENTS_SHEET]
    scol = _header(statements)
    target = None
    for row in range(2, statements.max_row + 1):
        if (statements.cell(row=row, column=scol["plan_id"]).value == "MK-2025-09"
                and statements.cell(row=row, column=scol["felt" if "felt" in scol else "field"])
                .value == "Genoptræningsbehov"):
            target = row
    assert target is not None
    statements.cell(row=target, column=scol["forum_afgoerelse"]).value = "genoptraening"
    statements.cell(row=target, column=scol["forum_begrundelse"]).value = \
        "Forummet: træning i at håndtere post er tidsafgrænset genoptræning."
    book.save(out)
    return out


def test_review_round_on_the_demo_run(demo):
    folder, run, workbook = demo
    bad = _fill(workbook, folder / "med-fejl.xlsx", invalid=True)
    with pytest.raises(ReviewRowsError) as caught:
        import_review(bad, run)
    report = caught.value.message + " ".join(str(p) for p in caught.value.problems)
    assert "MK-2025-01" in report and "Kommunens vurdering" in report
    assert not (run / "decisions.csv").exists()

    good = _fill(workbook, folder / "udfyldt.xlsx", invalid=False)
    import_review(good, run)
    decisions = pd.read_csv(run / "decisions.csv", dtype=str, keep_default_na=False)
    k10 = decisions[decisions["criterion_id"] == "K10"].sort_values("plan_id")
    assert k10["hospital_value"].tolist() == HOSPITAL
    assert k10["kommune_value"].tolist() == KOMMUNE

    table = agreement_tables(read_run(run))["kriterier"]
    row = table[table["omraade"].astype(str).str.contains("K10")].iloc[0]
    assert int(row["n"]) == 25
    assert row["kappa"] == pytest.approx(cohen_kappa_score(HOSPITAL, KOMMUNE), abs=1e-3)
    agree = sum(h == k for h, k in zip(HOSPITAL, KOMMUNE, strict=True)) / 25
    assert float(str(row["enighed"]).rstrip("%")) / (100 if "%" in str(row["enighed"]) else 1) \
        == pytest.approx(agree, abs=1e-3)

    catalogue = build_catalogue(load_runs([run]), load_content())
    decided = catalogue.greyzone[catalogue.greyzone["decided_by"] == "forum"]
    assert len(decided) == 1
    assert decided["forum_label"].item() == "genoptraening"
    assert decided["tool_label"].item() == "social"
