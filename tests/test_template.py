"""The registration template: columns, dropdowns, help, and a filled-in round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from auditlib.cli import main
from auditlib.register import load_register
from auditlib.register.columns import CATEGORY_COLUMNS, COLUMN_NAMES, COLUMNS, DATE_COLUMNS


@pytest.fixture
def template(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "skabelon.xlsx"
    with pytest.raises(SystemExit) as info:
        main(["template", "--out", str(path)])
    assert info.value.code == 0
    assert "gemt" in capsys.readouterr().out
    return path


def test_template_sheets_and_header(template: Path) -> None:
    wb = load_workbook(template)
    assert wb.sheetnames == ["planer", "ark_vejledning"]
    ws = wb["planer"]
    assert [c.value for c in ws[1]] == list(COLUMN_NAMES)
    assert ws.freeze_panes == "B2"
    guide = "\n".join(str(c.value) for row in wb["ark_vejledning"].iter_rows() for c in row
                      if c.value)
    for name in COLUMN_NAMES:
        assert name in guide
    assert "anonymiserede" in guide


def test_template_validations(template: Path) -> None:
    ws = load_workbook(template)["planer"]
    validations = ws.data_validations.dataValidation
    by_column: dict[str, list] = {}
    for dv in validations:
        for cell_range in dv.sqref.ranges:
            letter = cell_range.coord.split(":")[0].rstrip("0123456789")
            by_column.setdefault(letter, []).append(dv)
    header = {c.value: c.column_letter for c in ws[1]}
    for name in CATEGORY_COLUMNS:
        dvs = by_column[header[name]]
        assert any(dv.type == "list" for dv in dvs), name
        allowed = next(c.allowed for c in COLUMNS if c.name == name)
        formula = next(dv.formula1 for dv in dvs if dv.type == "list")
        for value in allowed:
            assert value in formula
    for name in DATE_COLUMNS:
        assert any(dv.type == "date" for dv in by_column[header[name]]), name
    for name in COLUMN_NAMES:
        assert any(dv.prompt for dv in by_column[header[name]]), name


def test_filled_template_loads_without_problems(template: Path) -> None:
    wb = load_workbook(template)
    ws = wb["planer"]
    header = [c.value for c in ws[1]]
    rows = [
        {"plan_id": "MK-2025-01", "klynge": "Midtklyngen", "kommune": "Viborg",
         "aldersgruppe": "18-29", "koen": "m", "diagnose": "DF20.0", "kontakttype": "indlaeggelse",
         "kontakt_start": dt.date(2025, 1, 6), "udskrevet": dt.date(2025, 2, 14),
         "plan_dato": dt.date(2025, 2, 13), "plan_sendt": dt.date(2025, 2, 14),
         "niveau": "specialiseret", "laegefagligt_begrundet": "ja", "patient_inddraget": "ja",
         "funktionsevne": "Før indlæggelsen gik han selv til træning.",
         "genoptraeningsbehov": "- Træning af kondition.\n- Struktur i hverdagen."},
        {"plan_id": "MK-2025-02", "klynge": "Midtklyngen", "aldersgruppe": "0-17",
         "udskrevet": dt.date(2025, 3, 3), "niveau": "almen", "samtykke_egen_laege": "nej"},
    ]
    for r, row in enumerate(rows, start=2):
        for name, value in row.items():
            ws.cell(row=r, column=header.index(name) + 1, value=value)
    wb.save(template)
    loaded = load_register(template)
    assert loaded.problems == []
    assert list(loaded.frame["plan_id"]) == ["MK-2025-01", "MK-2025-02"]
    assert loaded.frame.at[1, "aldersgruppe"] == "0-17"


def test_template_refuses_wrong_suffix(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["template", "--out", str(tmp_path / "skabelon.csv")])
    assert info.value.code == 2
    assert ".xlsx" in capsys.readouterr().err


def test_helhedsvurdering_is_the_bek_2_stk_3_assessment_not_the_gate(template: Path) -> None:
    """K06's field: the overall function and need (BEK 918 §2 stk. 3), which the template
    must not call the gate assessment that decides whether a plan is made at all."""
    guide = "\n".join(str(c.value) for row in load_workbook(template)["ark_vejledning"]
                      .iter_rows() for c in row if c.value)
    line = next(text for text in guide.splitlines() if text.startswith("Helhedsvurdering"))
    assert "BEK 918 §2 stk. 3" in line and "K06" in line
    assert "Den samlede vurdering" not in line
    assert "p1_selvmordsrisiko" in guide and "7-parametermodellen" in guide
