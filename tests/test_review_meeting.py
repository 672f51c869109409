"""The meeting workbook (issue 18): the plan sheet, Danish headings, the decision log and
the triage grades, each read back with every problem at once; the forum's good example
plans becoming the catalogue's part-1 examples, end to end on the demo run."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from auditlib.audit import run_audit, write_run
from auditlib.catalogue import build_catalogue, load_content, load_runs
from auditlib.demo import DEMO_REGISTER
from auditlib.errors import ReviewError
from auditlib.excel import MIN_PRINT_PT, chunk_text, prepare_for_print, wrapped_lines
from auditlib.register import load_register
from auditlib.review import export_review, import_review
from auditlib.review.export import (
    COLUMN_TITLES,
    CRITERIA_SHEET,
    LOG_SHEET,
    PLANS_SHEET,
    STATEMENTS_SHEET,
    TRIAGE_SHEET,
    plan_texts,
    shown_text,
)
from auditlib.review.importer import ReviewRowsError
from auditlib.review.triage import graded_plans, rerun_with_triage
from auditlib.rundir import (
    DECISION_COLUMNS,
    DECISIONS_FILE,
    TRIAGE_COLUMNS,
    VERDICT_COLUMNS,
    read_plans,
    read_run,
)
from tests.catalogue_runs import write_run_folder


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("meeting")
    run = folder / "koersel"
    write_run(run_audit(load_register(DEMO_REGISTER)), run)
    workbook = export_review(run, folder / "gennemgang.xlsx")
    return folder, run, workbook


@pytest.fixture
def fresh(demo, tmp_path):
    """A copy of the demo run folder this test may import into."""
    _, run, workbook = demo
    copy = tmp_path / "koersel"
    copy.mkdir()
    for path in run.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    return copy, workbook


def _keyed_rows(ws) -> dict[str, int]:
    return {str(ws.cell(row=r, column=1).value): r for r in range(1, ws.max_row + 1)
            if ws.cell(row=r, column=1).value}


def _columns(ws) -> dict[str, int]:
    keys = {title: key for key, title in COLUMN_TITLES.items()}
    return {keys.get(str(c.value), str(c.value)): c.column for c in ws[1] if c.value}


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


# -- the plan sheet ---------------------------------------------------------------------------
def test_run_folder_carries_the_plans_in_full(demo):
    _, run, _ = demo
    plans = read_plans(run)
    register = load_register(DEMO_REGISTER).frame
    assert sorted(plans["plan_id"]) == sorted(register["plan_id"])
    row = plans.set_index("plan_id").loc["MK-2025-01"]
    original = register.set_index("plan_id").loc["MK-2025-01"]
    for field in ("helhedsvurdering", "genoptraeningsbehov", "maal", "hensyn"):
        assert row[field] == original[field]
    assert row["udskrevet"][:4] == "2025"  # an ISO date, not a timestamp


def test_plan_sheet_has_one_block_per_plan_with_text_findings_and_inputs(demo):
    _, run, workbook = demo
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames[0] == PLANS_SHEET
    ws = wb[PLANS_SHEET]
    keys = _keyed_rows(ws)
    plan_ids = read_run(run).plan_ids
    assert [k[2:] for k in keys if k.startswith("H:")] == plan_ids
    # Every text field of every plan is in the sheet in full (bullets shown as '•').
    shown = "\n".join(str(c.value) for row in ws.iter_rows(min_col=3, max_col=3)
                      for c in row if c.value)
    texts = plan_texts(read_run(run))
    for plan_id in plan_ids:
        for field in ("helhedsvurdering", "funktionsevne", "genoptraeningsbehov", "maal"):
            text = str(texts.loc[plan_id, field]).strip()
            if text:
                assert shown_text(text) in shown, (plan_id, field)
    # Grey zones with the tool's suggestion and its uncertainty as a Danish percent.
    tool = [str(c.value) for row in ws.iter_rows(min_col=4, max_col=4) for c in row if c.value]
    assert any(t.startswith("Forslag: ") and " %" in t and "gråzone" in t for t in tool)
    # Six yellow, unlocked input cells per plan; dropdowns for the two choice fields.
    for plan_id in plan_ids:
        for key in ("hospital_view", "kommune_view", "actionable", "works", "strengthen",
                    "good_example"):
            cell = ws.cell(row=keys[f"V:{plan_id}:{key}"], column=3)
            assert not cell.protection.locked and cell.fill.fgColor.rgb.endswith("FFF2A8")
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"ja,delvist,nej"' in formulas and '"ja,nej"' in formulas
    assert ws.protection.sheet and ws.column_dimensions["A"].hidden
    # One plan per printed page.
    assert len(ws.row_breaks.brk) == len(plan_ids) - 1


def test_tabular_sheets_have_danish_headings(demo):
    _, _, workbook = demo
    wb = openpyxl.load_workbook(workbook)
    for name in (CRITERIA_SHEET, STATEMENTS_SHEET, LOG_SHEET):
        headings = [str(c.value) for c in wb[name][1] if c.value]
        assert not [h for h in headings if "_" in h], (name, headings)
    assert "Hospitalets vurdering" in [c.value for c in wb[CRITERIA_SHEET][1]]
    log = [c.value for c in wb[LOG_SHEET][1]]
    for title in ("Dato", "Møde", "Lov og paragraf", "Status",
                  "Hvordan gribes det an fremadrettet"):
        assert title in log


def test_plan_sheet_without_plans_csv_uses_the_statements(tmp_path: Path):
    run = write_run_folder(tmp_path / "run")
    wb = openpyxl.load_workbook(export_review(run, tmp_path / "g.xlsx"))
    shown = [str(c.value) for row in wb[PLANS_SHEET].iter_rows() for c in row if c.value]
    assert any("Træning i at strukturere dagen med ugeskema." in t for t in shown)


# -- reading it all back ------------------------------------------------------------------------
def _fill_meeting(path: Path, out: Path, *, verdicts: dict, log: list[dict] | None = None,
                  triage: dict | None = None, statements: dict | None = None) -> Path:
    wb = openpyxl.load_workbook(path)
    plans = wb[PLANS_SHEET]
    keys = _keyed_rows(plans)
    for (plan_id, key), value in verdicts.items():
        plans.cell(row=keys[f"V:{plan_id}:{key}"], column=3).value = value
    sheet = wb[STATEMENTS_SHEET]
    columns = _columns(sheet)
    for item_id, values in (statements or {}).items():
        row = next(r for r in range(2, sheet.max_row + 1)
                   if sheet.cell(row=r, column=1).value == item_id)
        for key, value in values.items():
            sheet.cell(row=row, column=columns[key]).value = value
    ws = wb[LOG_SHEET]
    columns = _columns(ws)
    for entry in log or []:
        if "item_id" in entry:
            row = next(r for r in range(2, ws.max_row + 1)
                       if ws.cell(row=r, column=1).value == entry["item_id"])
        else:
            row = next(r for r in range(2, ws.max_row + 1)
                       if ws.cell(row=r, column=1).value is None
                       and ws.cell(row=r, column=columns["plan_id"]).value is None)
        for key, value in entry.items():
            if key != "item_id":
                ws.cell(row=row, column=columns[key]).value = value
    grades = wb[TRIAGE_SHEET]
    for plan_id, values in (triage or {}).items():
        row = next(r for r in range(5, grades.max_row + 1)
                   if grades.cell(row=r, column=1).value == plan_id)
        for index, value in enumerate(values):
            grades.cell(row=row, column=3 + index).value = value
    wb.save(out)
    return out


def _grey_item(run: Path) -> str:
    statements = read_run(run).statements
    grey = statements[statements["greyzone"]].iloc[0]
    return f"U:{grey.plan_id}:{grey.field}:{int(grey.statement_no)}"


def test_every_bad_value_is_reported_with_plan_and_column_and_nothing_written(fresh,
                                                                              tmp_path):
    run, workbook = fresh
    before = _digests(run)
    grey = _grey_item(run)
    bad = _fill_meeting(workbook, tmp_path / "bad.xlsx", verdicts={
        ("MK-2025-01", "actionable"): "måske",
        ("MK-2025-02", "good_example"): "ja",            # no "hvad fungerer"
        ("MK-2025-03", "works"): "Ring til 20 30 40 50",  # looks like a phone number
    }, log=[
        {"item_id": grey, "status": "afgjort", "decided_on": "31-02-2026"},  # no decision
        {"plan_id": "MK-2025-04", "emne": "Q99", "status": "uafklaret"},
        {"plan_id": "XX-1", "emne": "K06", "status": "eskaleret"},
    ], triage={"MK-2025-05": [1, 2, 9, 2, 1, 2, 2]})
    with pytest.raises(ReviewRowsError) as caught:
        import_review(bad, run)
    where = {(p.plan_id, p.sheet, p.column) for p in caught.value.problems}
    grey_plan = grey.split(":")[1]
    assert ("MK-2025-01", PLANS_SHEET, "Kan der handles på planen? (ja / delvist / nej)") in where
    assert ("MK-2025-02", PLANS_SHEET, "Hvad fungerer") in where
    assert ("MK-2025-03", PLANS_SHEET, "Hvad fungerer") in where
    assert (grey_plan, LOG_SHEET, "Status") in where
    assert (grey_plan, LOG_SHEET, "Dato") in where
    assert ("MK-2025-04", LOG_SHEET, "Emne") in where
    assert ("", LOG_SHEET, "Plan-ID") in where  # an unknown plan id is never repeated
    assert ("MK-2025-05", TRIAGE_SHEET, "P3 (3 Motivation)") in where
    assert len(caught.value.problems) == 8
    text = "\n".join(str(p) for p in caught.value.problems)
    assert "måske" not in text and "20 30 40 50" not in text and "XX-1" not in text
    assert _digests(run) == before


def test_verdicts_decision_log_and_triage_are_written_to_the_run(fresh, tmp_path):
    run, workbook = fresh
    grey = _grey_item(run)
    grey_plan = grey.split(":")[1]
    filled = _fill_meeting(workbook, tmp_path / "ok.xlsx", verdicts={
        ("MK-2025-01", "actionable"): "Delvist",
        ("MK-2025-01", "hospital_view"): "Målene er konkrete.",
        ("MK-2025-01", "kommune_view"): "Behovet for struktur er tydeligt.",
        ("MK-2025-01", "strengthen"): "Hyppighed på målene.",
    }, statements={grey: {"forum_afgoerelse": "genoptraening",
                          "forum_begrundelse": "Træning af en navngiven funktion."}},
        log=[{"item_id": grey, "status": "afgjort", "decided_on": dt.date(2026, 3, 15),
              "meeting": "Forummøde marts", "law": "Sundhedsloven § 140",
              "way_forward": "Tages med i næste audit."},
             {"plan_id": "MK-2025-02", "emne": "Mål 1", "status": "eskaleret",
              "decided_on": "16-03-2026"}],
        triage={"MK-2025-01": [1, 2, 2, 2, 1, 2, 2]})
    result = import_review(filled, run)
    assert sorted(p.name for p in result.written) == ["decisions.csv", "triage.csv",
                                                       "verdicts.csv"]
    decisions = pd.read_csv(run / DECISIONS_FILE, dtype=str, keep_default_na=False)
    assert list(decisions.columns) == DECISION_COLUMNS
    decided = decisions[decisions["plan_id"].eq(grey_plan) & decisions["status"].eq("afgjort")]
    assert decided[["decision", "decided_on", "meeting", "law"]].values.tolist() == [
        ["genoptraening", "2026-03-15", "Forummøde marts", "Sundhedsloven § 140"]]
    escalated = decisions[decisions["status"].eq("eskaleret")].iloc[0]
    assert (escalated["plan_id"], escalated["field"], escalated["statement_no"],
            escalated["decision"], escalated["decided_on"]) == (
        "MK-2025-02", "maal", "1", "", "2026-03-16")
    verdicts = pd.read_csv(run / "verdicts.csv", dtype=str, keep_default_na=False)
    assert list(verdicts.columns) == VERDICT_COLUMNS
    assert verdicts.set_index("plan_id").loc["MK-2025-01", "actionable"] == "delvist"
    triage = pd.read_csv(run / "triage.csv", dtype=str, keep_default_na=False)
    assert list(triage.columns) == TRIAGE_COLUMNS
    assert triage.iloc[0].tolist() == ["MK-2025-01", "1", "2", "2", "2", "1", "2", "2"]

    graded = graded_plans(read_run(run))
    assert graded["p1_selvmordsrisiko"].tolist() == [1]
    assert str(graded["p7_aarsag"].dtype) == "Int64"
    rerun = rerun_with_triage(run)
    assert rerun[["plan_id", "criterion_id"]].values.tolist() == [["MK-2025-01", "Q06"]]
    assert rerun["result"].iloc[0] in ("opfyldt", "ikke_opfyldt", "kan_ikke_vurderes")
    assert rerun["result_before"].iloc[0] == read_run(run).criteria.set_index(
        ["plan_id", "criterion_id"]).loc[("MK-2025-01", "Q06"), "result"]


def test_old_decisions_without_the_log_columns_are_still_read(tmp_path: Path):
    run = write_run_folder(tmp_path / "run", decisions=True)
    frame = pd.read_csv(run / DECISIONS_FILE, dtype=str, keep_default_na=False)
    frame[DECISION_COLUMNS[:13]].to_csv(run / DECISIONS_FILE, index=False)
    decisions = read_run(run).decisions
    assert list(decisions.columns)[-5:] == ["decided_on", "meeting", "law", "status",
                                            "way_forward"]
    assert decisions["status"].eq("").all()


def test_missing_filled_workbook_is_named_without_an_export_hint(demo, tmp_path):
    _, run, _ = demo
    with pytest.raises(ReviewError) as caught:
        import_review(tmp_path / "udfyldt.xlsx", run)
    assert "udfyldt.xlsx" in caught.value.message and "findes ikke" in caught.value.message
    assert "export" not in caught.value.message


# -- god eksempelplan → catalogue part 1 ------------------------------------------------------
def test_good_example_plan_becomes_an_anonymised_catalogue_example(fresh, tmp_path):
    run, workbook = fresh
    filled = _fill_meeting(workbook, tmp_path / "eksempel.xlsx", verdicts={
        ("MK-2025-07", "good_example"): "ja",
        ("MK-2025-07", "works"): "Konkrete mål med hyppighed og tidsramme.",
        ("MK-2025-08", "good_example"): "nej",
    })
    import_review(filled, run)
    catalogue = build_catalogue(load_runs([run]), load_content())
    examples = catalogue.example_plans
    assert examples["eksempel"].tolist() == ["Eksempelplan 1"]
    example = examples.iloc[0]
    plan = read_plans(run).set_index("plan_id").loc["MK-2025-07"]
    assert example["genoptraeningsbehov"] == plan["genoptraeningsbehov"]
    assert example["maal"] == plan["maal"]
    assert example["hvad_fungerer"] == "Konkrete mål med hyppighed og tidsramme."
    assert "plan_id" not in examples.columns
    assert not examples.astype(str).apply(lambda c: c.str.contains("MK-2025")).any().any()

    # ... and it is published in part 1 of both files.
    from auditlib.catalogue import write_catalogue

    written = write_catalogue([run], tmp_path / "katalog")
    html = written["html"].read_text(encoding="utf-8")
    part1 = html.split('id="funktionstab"', 1)[1].split('id="snitflader"', 1)[0]
    assert "Eksempelplan 1" in part1 and "Konkrete mål med hyppighed og tidsramme." in part1
    sheet = openpyxl.load_workbook(written["xlsx"])["funktionstab"]
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    goal = plan["maal"].lstrip("- ").splitlines()[0]
    assert "Eksempelplan 1" in cells and any(goal in cell for cell in cells)


# -- print layout (what LibreOffice checks in test_print_pdf.py) -------------------------------
def test_wrapping_estimate_and_chunks():
    assert wrapped_lines("a b c", 10) == 1
    assert wrapped_lines("aaaa bbbb cccc", 9) == 2
    assert wrapped_lines("x\ny\n\nz", 10) == 4
    text = " ".join(["ordet"] * 2000)
    chunks = chunk_text(text, 74, 12)
    assert len(chunks) > 1 and " ".join(chunks) == text


def test_print_setup_keeps_text_at_8_pt_or_more():
    wb = openpyxl.Workbook()
    narrow, wide = wb.active, wb.create_sheet("bred")
    for ws, columns in ((narrow, 4), (wide, 40)):
        for index in range(1, columns + 1):
            ws.cell(row=1, column=index, value="Overskrift")
            ws.cell(row=2, column=index, value="tekst " * 30).alignment = \
                openpyxl.styles.Alignment(wrap_text=True)
            ws.column_dimensions[openpyxl.utils.get_column_letter(index)].width = 40
        prepare_for_print(ws, title_rows="1:1")
        assert ws.print_title_rows == "$1:$1"
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
        assert ws.row_dimensions[2].height > 15  # grown for the wrapped text
    assert narrow.sheet_properties.pageSetUpPr.fitToPage
    assert not wide.sheet_properties.pageSetUpPr.fitToPage
    assert wide.page_setup.scale / 100 * 11 >= MIN_PRINT_PT


def test_empty_template_has_a_print_area():
    from auditlib.register.template import build_template

    ws = build_template()["planer"]
    assert ws.print_area and ws.print_area.endswith("$26")


def test_a_workbook_of_the_first_format_still_imports(demo, tmp_path):
    """Format 1: keys as headings, no plan sheet and no decision log."""
    _, run, workbook = demo
    wb = openpyxl.load_workbook(workbook)
    for name in (PLANS_SHEET, LOG_SHEET):
        del wb[name]
    wb["_auditlib"].cell(row=1, column=2).value = "1"
    ws = wb[CRITERIA_SHEET]
    keys = {title: key for key, title in COLUMN_TITLES.items()}
    for cell in ws[1]:
        cell.value = keys.get(cell.value, cell.value)
    columns = {c.value: c.column for c in ws[1]}
    ws.cell(row=2, column=columns["hospital_vurdering"]).value = "enig"
    old = tmp_path / "format1.xlsx"
    wb.save(old)
    copy = tmp_path / "koersel"
    copy.mkdir()
    for path in run.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    result = import_review(old, copy)
    assert len(result.decisions) == 1 and result.decisions["hospital_value"].item() == "enig"
