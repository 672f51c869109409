"""The catalogue workbook, read back with openpyxl: sheets, headers, frozen panes, tables
with filters, chart, colours, and no cell that a spreadsheet could run as a formula."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditlib.catalogue import build_catalogue, load_content, load_runs
from auditlib.catalogue.xlsx import FORMULA_TRIGGERS, put, safe_cell, write_catalogue_xlsx
from tests.catalogue_runs import write_run_folder

SHEETS = ["forside", "funktionstab", "snitflader", "graazoner", "anbefalinger", "kompetencer",
          "audit_kriterier", "audit_planer", "optaelling"]
EXTRA = [("genoptraeningsbehov", "\tTræning med tabulator foran.", "social", 0.5, True),
         ("maal", "-1 gang om ugen: handle ind alene.", "genoptraening", 0.5, True)]


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("katalog")
    run = write_run_folder(base / "run", decisions=True, extra_statements=EXTRA,
                           quarters={"2025-K1": 3, "2025-K2": 3})
    catalogue = build_catalogue(load_runs([run]), load_content())
    return write_catalogue_xlsx(catalogue, base / "ud" / "snitfladekatalog.xlsx")


@pytest.fixture(scope="module")
def workbook(workbook_path: Path):
    return openpyxl.load_workbook(workbook_path)


def test_sheets_in_order(workbook):
    assert workbook.sheetnames == SHEETS


@pytest.mark.parametrize("sheet, headers", [
    ("funktionstab", ["Domæne", "Punkt", "Titel", "Beskrivelse", "Eksempler", "Nøgleord"]),
    ("snitflader", ["Sektor", "Titel", "Udføres af", "Lovgrundlag"]),
    ("graazoner", ["Snitflade (forummets afgørelse, ellers værktøjets forslag)", "Udsagn",
                   "Forslag (værktøj)", "Sandsynlighed", "Afgjort (forum)", "Afgjort af"]),
    ("anbefalinger", ["Id", "Titel", "Anbefaling", "Målgruppe", "Kriterier"]),
    ("kompetencer", ["Id", "Side", "Titel", "Beskrivelse", "Forslag"]),
    ("audit_kriterier", ["Klynge", "Kriterium", "Titel", "Type", "Kilde", "Opfyldt",
                         "Ikke opfyldt"]),
    ("audit_planer", ["Plan-ID", "Klynge", "Formelle krav ikke opfyldt"]),
    ("optaelling", ["Kvartal", "Klynge", "Planer"]),
])
def test_headers_frozen_panes_and_filtered_tables(workbook, sheet, headers):
    ws = workbook[sheet]
    assert [ws.cell(row=4, column=i + 1).value for i in range(len(headers))] == headers
    assert ws.freeze_panes in ("A5", "B5")
    assert ws.cell(row=4, column=1).font.bold
    tables = list(ws.tables.values())
    assert tables, f"{sheet} has no Excel table"
    main = tables[0]
    assert main.ref.startswith("A4:")
    assert main.autoFilter is not None
    assert main.tableStyleInfo.name.startswith("TableStyle")
    assert ws.column_dimensions["A"].width > 8


def test_cover_has_cluster_period_plans_date_and_version(workbook):
    ws = workbook["forside"]
    values = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
              for r in range(1, ws.max_row + 1)}
    assert values["Klynge(r)"] == "Midtklyngen"
    assert values["Periode (kvartal for udskrivning)"] == "2025-K1 – 2025-K2"
    assert values["Antal auditerede planer"] == 6
    assert values["Dato"] is not None
    assert str(values["Version"]).startswith("auditlib ")


def test_fulfilment_chart_and_conditional_colours(workbook):
    ws = workbook["audit_kriterier"]
    assert len(ws._charts) == 1
    assert ws._charts[0].type == "bar"
    assert len(ws.conditional_formatting) >= 2
    assert len(workbook["audit_planer"].conditional_formatting) >= 1


def test_long_text_is_wrapped(workbook):
    ws = workbook["snitflader"]
    assert ws.cell(row=5, column=5).alignment.wrap_text


def test_no_cell_can_become_a_formula(workbook):
    seen_escaped = set()
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_TRIGGERS), \
                        f"{ws.title}!{cell.coordinate} starts unescaped"
                    if cell.value.startswith("'"):
                        seen_escaped.add(cell.value[1])
    # The plan statements that start with = + @ - and a tab were all written, escaped.
    assert {"=", "+", "@", "-", "\t"} <= seen_escaped


def test_forum_decision_and_bullet_statement_are_text(workbook):
    ws = workbook["graazoner"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
    decided = [r for r in rows if r[5] == "Forummet"]
    assert decided and decided[0][4] == "Genoptræning" and decided[0][2] == "Social indsats"
    bullets = [r for r in rows if isinstance(r[1], str) and r[1].startswith("'- Handler")]
    assert bullets


@pytest.mark.parametrize("text", ["=1+1", "+45", "-x", "@SUM(A1)", "\tx", "\rx",
                                  "=HYPERLINK(\"http://x\")"])
def test_safe_cell_escapes_formula_starts(text):
    assert safe_cell(text) == "'" + text


@given(st.text(max_size=40))
def test_safe_cell_never_returns_a_formula(text):
    wb = openpyxl.Workbook()
    cell = put(wb.active, 1, 1, text)
    value = cell.value
    if value is not None:
        assert cell.data_type == "s"
        assert not str(value).startswith(FORMULA_TRIGGERS)


def test_numbers_stay_numbers():
    assert safe_cell(3) == 3
    assert safe_cell(-2.5) == -2.5
    assert safe_cell(float("nan")) is None
