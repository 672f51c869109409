"""The registration workbook coordinators fill in (``auditlib template``).

Sheet ``planer``: one column per contract column, dropdowns for categories,
date validation, an input message with help per column, frozen header.
Sheet ``ark_vejledning``: how to fill it in, in Danish (spec/cli.md).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from auditlib.atomic import write_with
from auditlib.excel import prepare_for_print
from auditlib.register.columns import COLUMNS, LEVEL_TITLES

TEMPLATE_ROWS = 500  # rows with validation; a forum audits 20-25 plans a quarter
PRINT_ROWS = 25  # the empty template prints one quarter's rows, not 500 formatted ones
GUIDE_SHEET = "ark_vejledning"

GUIDE = [
    ("Sådan udfylder du registret", ""),
    ("1.", "Skriv én plan pr. række i arket 'planer'. Overskrifterne i række 1 må ikke ændres."),
    ("2.", "plan_id er forummets egen nøgle, f.eks. MK-2025-07. Aldrig CPR-nummer, navn eller journalnummer."),
    ("3.", "Planerne skal være anonymiserede: fjern navne (også pårørendes), CPR-numre, adresser, "
           "telefonnumre, e-mails, arbejdspladser og skoler, og skriv aldersgruppe i stedet for alder."),
    ("4.", "Vælg kategorier fra rullelisterne (ja/nej, niveau, kontakttype, køn, aldersgruppe)."),
    ("5.", "Datoer skrives som datoer (ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ). Værktøjet bruger kun intervaller "
           "mellem datoer i samme plan og kvartalet for udskrivning, så datoer må gerne være forskudt."),
    ("6.", "Fritekst kopieres fra planen. Skriv punkter i genoptræningsbehov og mål på hver sin linje "
           "(Alt+Enter i Excel)."),
    ("7.", "Tomme felter betyder 'ikke angivet' – lad dem stå tomme frem for at skrive '-'."),
    ("8.", "Tjek filen med 'auditlib validate FIL.xlsx' og 'auditlib scan FIL.xlsx' før mødet."),
    ("9.", "Kolonnerne p1_selvmordsrisiko til p7_aarsag er valgfrie: hospitalets gradering 1-5 "
           "i 7-parametermodellen (5 = mest påvirket). Udfyldes de, bruger kriterium Q06 dem til "
           "at vurdere, om niveauet passer; tomme felter betyder 'ikke graderet'."),
    ("10.", "Klynge: står kommunen i klyngekortet (Region Midtjyllands fem klynger, eller "
            "regionens eget kort), udfyldes en tom klynge ud fra kommunen."),
    ("", ""),
    ("Niveauer", ""),
    *[(key, title) for key, title in LEVEL_TITLES.items()],
    ("", ""),
    ("Kolonner", ""),
]

HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
REQUIRED_FILL = PatternFill("solid", fgColor="833C0B")


def _validation_for(column) -> DataValidation | None:
    if column.kind == "category":
        values = ",".join(column.allowed)
        dv = DataValidation(type="list", formula1=f'"{values}"', allow_blank=True,
                            showDropDown=False)
        dv.error = "Vælg en værdi fra listen: " + ", ".join(column.allowed)
    elif column.kind == "date":
        dv = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)",
                            formula2="DATE(2100,12,31)", allow_blank=True)
        dv.error = "Skriv en gyldig dato (ÅÅÅÅ-MM-DD)."
    elif column.kind == "id":
        dv = DataValidation(type="textLength", operator="between", formula1="1", formula2="40",
                            allow_blank=True)
        dv.error = "plan_id: 1-40 tegn af A-Z, tal, '-' og '_'."
    else:
        dv = DataValidation(allow_blank=True)
    dv.errorTitle = "Ugyldig værdi"
    dv.showErrorMessage = column.kind in ("category", "date", "id")
    dv.promptTitle = column.title[:32]
    dv.prompt = column.help[:255]
    dv.showInputMessage = True
    return dv


def build_template(columns=COLUMNS, *, sheet: str = "planer", guide_rows=None) -> Workbook:
    """The workbook for ``columns`` (default: the plan register's) on sheet ``sheet``,
    with ``guide_rows`` (default: GUIDE) heading the guide sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index, value=column.name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = REQUIRED_FILL if column.required else HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = 45 if column.kind == "freetext" else max(
            14, len(column.name) + 4)
        dv = _validation_for(column)
        ws.add_data_validation(dv)
        dv.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
        if column.kind == "date":
            for row in range(2, TEMPLATE_ROWS + 2):
                ws.cell(row=row, column=index).number_format = "yyyy-mm-dd"
        elif column.kind in ("category", "id", "text", "quarter", "assessors"):
            for row in range(2, TEMPLATE_ROWS + 2):
                ws.cell(row=row, column=index).number_format = "@"  # text: "0-17" stays text
        if column.kind == "freetext":
            for row in range(2, TEMPLATE_ROWS + 2):
                ws.cell(row=row, column=index).alignment = Alignment(wrap_text=True,
                                                                     vertical="top")
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"

    guide = wb.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 28
    guide.column_dimensions["B"].width = 110
    rows = list(GUIDE if guide_rows is None else guide_rows)
    for column in columns:
        required = " (skal udfyldes)" if column.required else ""
        allowed = f" Tilladte værdier: {', '.join(column.allowed)}." if column.allowed else ""
        anchor = f" Hjemmel: {column.anchor}." if column.anchor else ""
        rows.append((column.name, f"{column.title}{required}: {column.help}{allowed}{anchor}"))
    for r, (a, b) in enumerate(rows, start=1):
        guide.cell(row=r, column=1, value=a)
        cell = guide.cell(row=r, column=2, value=b)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if a and not b or r == 1:
            guide.cell(row=r, column=1).font = Font(bold=True, size=13 if r == 1 else 11)
    last = get_column_letter(len(COLUMNS))
    prepare_for_print(ws, title_rows="1:1", title_columns="A:A",
                      print_area=f"A1:{last}{PRINT_ROWS + 1}")
    return wb


def write_template(path: str | Path, *, workbook: Workbook | None = None,
                   title: str = "Registreringsskabelon for genoptræningsplaner") -> Path:
    """Write the registration workbook (default: the plan register's) to ``path`` atomically."""
    path = Path(path)
    wb = build_template() if workbook is None else workbook
    from auditlib import __version__

    wb.properties.title = title
    wb.properties.creator = f"auditlib {__version__}"
    wb.properties.version = __version__
    guide = wb[GUIDE_SHEET]
    guide.cell(row=guide.max_row + 2, column=1).value = f"Lavet med auditlib {__version__}."
    prepare_for_print(guide, portrait=True)
    write_with(path, lambda tmp: wb.save(tmp))
    return path
