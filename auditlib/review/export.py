"""The forum's review workbook (spec/cli.md: ``auditlib review export``).

One row per plan and criterion (sheet ``kriterier``) and per statement worth a look
(sheet ``udsagn``), the tool's columns locked and the reviewer columns for hospital,
kommune and the forum open, with dropdowns. A hidden ``item_id`` column and a hidden
marker sheet let ``import_review`` match every row to the run. The sheet protection has
no password: it only guards against typing in the tool's columns by mistake.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from auditlib.atomic import guard_not_input, write_with
from auditlib.catalogue.xlsx import HEADER_FILL, NAVY, RED, put
from auditlib.rundir import Run, read_run
from auditlib.vocabulary import LABELS, RESULTS

# -- the workbook's contract with the importer ------------------------------------------
MARKER_SHEET = "_auditlib"
MARKER = "auditlib-review"
FORMAT_VERSION = "1"
CRITERIA_SHEET = "kriterier"
STATEMENTS_SHEET = "udsagn"
GUIDE_SHEET = "vejledning"
TRIAGE_SHEET = "triage"
HEADER_ROW = 1  # the header is row 1 so a filter or sort never moves it

AGREE = "enig"
DISAGREE = "uenig"
CANNOT = "kan_ikke_vurdere"
CRITERION_VERDICTS: tuple[str, ...] = (AGREE, DISAGREE, CANNOT)
STATEMENT_VERDICTS: tuple[str, ...] = (*LABELS, CANNOT)
# The forum decides a result a criterion can have; "tjekfejl" is the tool's own failure.
CRITERION_DECISIONS: tuple[str, ...] = tuple(r for r in RESULTS if r != "tjekfejl")
STATEMENT_DECISIONS: tuple[str, ...] = LABELS
# Fields whose every statement is shown (labels.md: the grey zone lives in these two).
REVIEW_FIELDS = ("genoptraeningsbehov", "maal")

ROLES = ("hospital", "kommune")
REVIEWER_COLUMNS = ("hospital_vurdering", "hospital_begrundelse", "kommune_vurdering",
                    "kommune_begrundelse", "forum_afgoerelse", "forum_begrundelse")


@dataclass(frozen=True)
class Col:
    key: str
    width: float
    reviewer: bool = False
    number_format: str | None = None


CRITERIA_LAYOUT: tuple[Col, ...] = (
    Col("item_id", 10), Col("plan_id", 16), Col("criterion_id", 10), Col("titel", 34),
    Col("vaerktoej_resultat", 18), Col("note", 50),
    Col("hospital_vurdering", 18, True), Col("hospital_begrundelse", 36, True),
    Col("kommune_vurdering", 18, True), Col("kommune_begrundelse", 36, True),
    Col("forum_afgoerelse", 20, True), Col("forum_begrundelse", 36, True),
)
STATEMENTS_LAYOUT: tuple[Col, ...] = (
    Col("item_id", 10), Col("plan_id", 16), Col("felt", 20), Col("udsagn_nr", 9),
    Col("udsagn", 60), Col("vaerktoej_label", 18), Col("sandsynlighed", 13, number_format="0%"),
    Col("graazone", 10),
    Col("hospital_vurdering", 18, True), Col("hospital_begrundelse", 36, True),
    Col("kommune_vurdering", 18, True), Col("kommune_begrundelse", 36, True),
    Col("forum_afgoerelse", 20, True), Col("forum_begrundelse", 36, True),
)

BODY_FONT = Font(size=13)
HEADER_FONT = Font(bold=True, size=13, color="FFFFFF")
REVIEWER_FILL = PatternFill("solid", fgColor="FFF9E5")
WRAP = Alignment(wrap_text=True, vertical="top")


def criterion_item_id(plan_id: str, criterion_id: str) -> str:
    return f"K:{plan_id}:{criterion_id}"


def statement_item_id(plan_id: str, field: str, statement_no: int) -> str:
    return f"U:{plan_id}:{field}:{int(statement_no)}"


# -- the 7-parameter triage model (DOMAIN.md §4) ----------------------------------------
PARAMETERS: tuple[str, ...] = (
    "1 Selvmordsrisiko", "2 Psykologisk indsigt", "3 Motivation", "4 Symptommestring",
    "5 Tidligere behandlingsforløb", "6 Affektregulering og dagligdagsopgaver",
    "7 Årsag til funktionsnedsættelsen",
)
# Letter per parameter (1..7) for grades 1..5; B behandling, S specialiseret, A almen.
# Grades 5-4 give B, except parameter 7 (5-4) and parameter 6 (4): B/S. Grade 3 is the
# transition: S for suicide risk, B/S for 2, 3, 5 and S/A for 4, 6, 7. Grades 2-1 give A.
TRIAGE_LETTERS: dict[int, tuple[str, str, str, str, str]] = {
    1: ("A", "A", "S", "B", "B"),
    2: ("A", "A", "B/S", "B", "B"),
    3: ("A", "A", "B/S", "B", "B"),
    4: ("A", "A", "S/A", "B", "B"),
    5: ("A", "A", "B/S", "B", "B"),
    6: ("A", "A", "S/A", "B/S", "B"),
    7: ("A", "A", "S/A", "B/S", "B/S"),
}
# The model has no combination rule (DOMAIN.md §4, weak points); this one is ours and is
# printed in the sheet: all seven grades are needed; suicide risk 4-5 or a mean grade of
# 3.5 or more suggests continued treatment, a mean of 2.5 or more specialised training,
# otherwise general municipal training.
TRIAGE_RULE = (
    "Forslag (forummets egen regel, modellen har ingen): alle syv parametre skal være "
    "graderet. Selvmordsrisiko 4-5 eller gennemsnit ≥ 3,5 → behandling (ingen plan endnu); "
    "gennemsnit ≥ 2,5 → specialiseret; ellers almen. 'Afviger' vises, når planens angivne "
    "niveau ikke svarer til forslaget (rehabilitering på specialiseret niveau regnes som "
    "specialiseret). 'Konflikt' vises, når samme plan har både B- og A-celler."
)


def triage_letter(parameter: int, grade: int) -> str:
    """The letter DOMAIN.md §4 gives ``grade`` (1-5) of ``parameter`` (1-7)."""
    return TRIAGE_LETTERS[parameter][grade - 1]


def suggest_level(grades: Sequence[int | None]) -> str:
    """The sheet's suggested level for seven grades ("" while any is missing)."""
    if len(grades) != 7 or any(g is None for g in grades):
        return ""
    mean = sum(grades) / 7
    if grades[0] >= 4 or mean >= 3.5:
        return "behandling"
    return "specialiseret" if mean >= 2.5 else "almen"


# -- building the workbook ----------------------------------------------------------------
def _criterion_titles() -> dict[str, str]:
    try:
        from auditlib.criteria.info import criteria_info

        return {key: info.titel for key, info in criteria_info().items()}
    except Exception:  # titles are a convenience; the ids alone still work
        return {}


def _header(ws: Worksheet, layout: Sequence[Col]) -> None:
    for index, col in enumerate(layout, start=1):
        cell = put(ws, HEADER_ROW, index, col.key)
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(index)].width = col.width
    ws.column_dimensions["A"].hidden = True  # item_id: for the importer only
    ws.row_dimensions[HEADER_ROW].height = 36


def _rows(ws: Worksheet, layout: Sequence[Col], rows: list[Sequence[object]]) -> int:
    unlocked = Protection(locked=False)
    for offset, values in enumerate(rows, start=1):
        row = HEADER_ROW + offset
        for index, (col, value) in enumerate(zip(layout, values, strict=True), start=1):
            cell = put(ws, row, index, value)
            cell.font = BODY_FONT
            cell.alignment = WRAP
            if col.number_format:
                cell.number_format = col.number_format
            if col.reviewer:
                cell.protection = unlocked
                cell.fill = REVIEWER_FILL
    return HEADER_ROW + max(len(rows), 1)


def _letter(layout: Sequence[Col], key: str) -> str:
    return get_column_letter([c.key for c in layout].index(key) + 1)


def _list_validation(ws: Worksheet, values: Sequence[str], cells: str, title: str) -> None:
    validation = DataValidation(type="list", formula1='"' + ",".join(values) + '"',
                                allow_blank=True, showErrorMessage=True, showInputMessage=True,
                                errorTitle="Ugyldig værdi", promptTitle=title[:32],
                                error="Vælg en værdi fra listen.",
                                prompt="Vælg fra listen.")
    validation.add(cells)
    ws.add_data_validation(validation)


def _review_sheet(wb: Workbook, name: str, layout: Sequence[Col], rows: list[Sequence[object]],
                  verdicts: Sequence[str], decisions: Sequence[str]) -> Worksheet:
    ws = wb.create_sheet(name)
    _header(ws, layout)
    last = _rows(ws, layout, rows)
    for role in ROLES:
        letter = _letter(layout, f"{role}_vurdering")
        _list_validation(ws, verdicts, f"{letter}{HEADER_ROW + 1}:{letter}{last}",
                         f"{role.capitalize()}s vurdering")
    letter = _letter(layout, "forum_afgoerelse")
    _list_validation(ws, decisions, f"{letter}{HEADER_ROW + 1}:{letter}{last}",
                     "Forummets afgørelse")
    _reason_warnings(ws, layout, last, name == CRITERIA_SHEET)
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(layout))}{last}"
    _protect(ws)
    _print_setup(ws)
    return ws


def _reason_warnings(ws: Worksheet, layout: Sequence[Col], last: int, criteria: bool) -> None:
    """Colour a missing reason red where the importer will ask for one."""
    tool = _letter(layout, "vaerktoej_resultat" if criteria else "vaerktoej_label")
    first = HEADER_ROW + 1
    pairs = [(f"{role}_vurdering", f"{role}_begrundelse") for role in ROLES]
    pairs.append(("forum_afgoerelse", "forum_begrundelse"))
    for verdict_key, reason_key in pairs:
        verdict, reason = _letter(layout, verdict_key), _letter(layout, reason_key)
        if criteria and verdict_key != "forum_afgoerelse":
            against = f'${verdict}{first}="{DISAGREE}"'
        else:
            against = (f'AND(${verdict}{first}<>"",${verdict}{first}<>"{CANNOT}",'
                       f'${verdict}{first}<>${tool}{first})')
        ws.conditional_formatting.add(
            f"{reason}{first}:{reason}{last}",
            FormulaRule(formula=[f'AND({against},LEN(TRIM(${reason}{first}))=0)'], fill=RED))


def _protect(ws: Worksheet) -> None:
    # No password (documented in 'vejledning'): protection only stops accidental edits.
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _print_setup(ws: Worksheet) -> None:
    ws.sheet_view.zoomScale = 120
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _criteria_rows(run: Run) -> list[tuple]:
    titles = _criterion_titles()
    rows = []
    for r in run.criteria.itertuples(index=False):
        rows.append((criterion_item_id(r.plan_id, r.criterion_id), r.plan_id, r.criterion_id,
                     titles.get(r.criterion_id, r.criterion_id), r.result, r.note,
                     None, None, None, None, None, None))
    return rows


def review_statements(run: Run) -> pd.DataFrame:
    """The statements the forum looks at: every grey zone and every statement of the
    fields genoptraeningsbehov and maal."""
    frame = run.statements
    keep = frame["greyzone"] | frame["field"].isin(REVIEW_FIELDS)
    return frame[keep & frame["statement_no"].notna()]


def _statement_rows(run: Run) -> list[tuple]:
    rows = []
    for r in review_statements(run).itertuples(index=False):
        probability = None if pd.isna(r.probability) else float(r.probability)
        rows.append((statement_item_id(r.plan_id, r.field, r.statement_no), r.plan_id, r.field,
                     int(r.statement_no), r.statement, r.label, probability,
                     "ja" if r.greyzone else "nej", None, None, None, None, None, None))
    return rows


GUIDE_ROWS: tuple[tuple[str, str], ...] = (
    ("Formål", "Arbejdsbog til forummets gennemgang af auditten. Hospitalet og kommunen "
               "vurderer hver for sig værktøjets resultater; forummet træffer den endelige "
               "afgørelse. Læs afgørelserne ind igen med 'auditlib review import'."),
    ("Ark 'kriterier'", "Én række pr. plan og kriterium med værktøjets resultat og note."),
    ("Ark 'udsagn'", "Én række pr. udsagn fra felterne genoptræningsbehov og mål og pr. "
                     "gråzoneudsagn, med værktøjets sektor (label) og sandsynlighed."),
    ("Grå kolonner", "Værktøjets kolonner er låst (arkbeskyttelse uden adgangskode). "
                     "Kolonnen item_id er skjult og må ikke ændres: den kobler rækken til "
                     "auditkørslen. Slet eller tilføj ikke rækker."),
    ("Gule kolonner", "Udfyldes af hospital, kommune og forum. Vælg fra rullelisten."),
    ("hospital_vurdering / kommune_vurdering",
     "Kriterier: enig, uenig eller kan_ikke_vurdere (om værktøjets resultat). Udsagn: den "
     "sektor, I mener udsagnet hører til (genoptraening, behandling, social, beskaeftigelse, "
     "forebyggelse, civilsamfund) eller kan_ikke_vurdere."),
    ("hospital_begrundelse / kommune_begrundelse",
     "Uenig kræver en begrundelse. For udsagn: vælger I en anden sektor end værktøjets, "
     "kræver det en begrundelse."),
    ("forum_afgoerelse", "Forummets endelige afgørelse. Kriterier: opfyldt, ikke_opfyldt, "
                         "ikke_relevant eller kan_ikke_vurderes. Udsagn: sektoren. "
                         "Afgørelsen har forrang for værktøjet i alle senere udtræk."),
    ("forum_begrundelse", "Afviger forummets afgørelse fra værktøjets, kræver det en "
                          "begrundelse."),
    ("Regel", "Uenig kræver en begrundelse. En manglende begrundelse bliver rød."),
    ("Tomme rækker", "Rækker, hvor ingen har skrevet noget, læses ikke ind."),
    ("Ark 'triage'", "Valgfrit: gradér hver plan 1-5 på de syv parametre (DOMAIN §4). "
                     "Bogstaverne B (behandling), S (specialiseret) og A (almen) og et forslag "
                     "til niveau beregnes; reglen står øverst i arket. Triagen læses ikke ind."),
    ("Privatliv", "Skriv aldrig navne, CPR-numre eller andre personoplysninger i "
                  "begrundelserne; brug kun plan_id."),
)


def _guide(wb: Workbook) -> None:
    ws = wb.create_sheet(GUIDE_SHEET)
    put(ws, 1, 1, "Vejledning til gennemgangen").font = Font(bold=True, size=16, color=NAVY)
    for offset, (key, text) in enumerate(GUIDE_ROWS, start=3):
        put(ws, offset, 1, key).font = Font(bold=True, size=13)
        cell = put(ws, offset, 2, text)
        cell.font = BODY_FONT
        cell.alignment = WRAP
        ws.cell(row=offset, column=1).alignment = WRAP
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 100


# -- triage ---------------------------------------------------------------------------------
_LEVEL_PATTERN = re.compile(r"\b(rehabilitering_specialiseret|specialiseret|almen)\b")


def stated_levels(run: Run) -> dict[str, str]:
    """The plan's stated niveau: from run.json (``niveau``/``levels``) or the K03 note."""
    for key in ("niveau", "levels"):
        value = run.meta.get(key)
        if isinstance(value, dict):
            return {str(k): str(v) for k, v in value.items()}
    levels = {}
    k03 = run.criteria[run.criteria["criterion_id"].eq("K03")]
    for r in k03.itertuples(index=False):
        found = _LEVEL_PATTERN.search(str(r.note).lower())
        if found:
            levels[r.plan_id] = found.group(1)
    return levels


def _triage(wb: Workbook, run: Run) -> None:
    ws = wb.create_sheet(TRIAGE_SHEET)
    put(ws, 1, 1, "Triage: syv parametre (DOMAIN §4)").font = Font(bold=True, size=16, color=NAVY)
    rule = put(ws, 2, 1, TRIAGE_RULE)
    rule.alignment = WRAP
    rule.font = Font(italic=True, size=12)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=19)
    ws.row_dimensions[2].height = 64
    header = 4
    keys = ["plan_id", "niveau_angivet", *[f"P{i}" for i in range(1, 8)],
            *[f"B_S_A_P{i}" for i in range(1, 8)], "gennemsnit", "konflikt", "forslag",
            "afviger"]
    for index, key in enumerate(keys, start=1):
        cell = put(ws, header, index, key)
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
        ws.column_dimensions[get_column_letter(index)].width = 11
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 26
    for index, title in enumerate(PARAMETERS, start=3):  # parameter names as comments row
        put(ws, header - 1, index, title).alignment = WRAP
    ws.row_dimensions[header - 1].height = 48
    levels = stated_levels(run)
    unlocked = Protection(locked=False)
    row = header
    for row, plan_id in enumerate(run.plan_ids, start=header + 1):
        put(ws, row, 1, plan_id)
        put(ws, row, 2, levels.get(plan_id) or None)
        grades = f"C{row}:I{row}"
        for p in range(1, 8):
            grade = ws.cell(row=row, column=2 + p)
            grade.protection = unlocked
            grade.fill = REVIEWER_FILL
            g = f"{get_column_letter(2 + p)}{row}"
            letters = ",".join(f'"{x}"' for x in TRIAGE_LETTERS[p])
            ws.cell(row=row, column=9 + p).value = (
                f'=IF(ISNUMBER({g}),IFERROR(CHOOSE({g},{letters}),"?"),"")')
        letters = f"J{row}:P{row}"
        ws.cell(row=row, column=17).value = f'=IF(COUNT({grades})=0,"",AVERAGE({grades}))'
        ws.cell(row=row, column=17).number_format = "0.0"
        ws.cell(row=row, column=18).value = (
            f'=IF(AND(COUNTIF({letters},"B*")>0,COUNTIF({letters},"A")>0),"konflikt","")')
        ws.cell(row=row, column=19).value = (
            f'=IF(COUNT({grades})<7,"",IF(OR(C{row}>=4,AVERAGE({grades})>=3.5),"behandling",'
            f'IF(AVERAGE({grades})>=2.5,"specialiseret","almen")))')
        ws.cell(row=row, column=20).value = (
            f'=IF(OR(S{row}="",B{row}=""),"",IF(S{row}=IF(B{row}="almen","almen",'
            f'"specialiseret"),"","afviger"))')
    if row > header:
        validation = DataValidation(type="whole", operator="between", formula1="1",
                                    formula2="5", allow_blank=True, showErrorMessage=True,
                                    errorTitle="Ugyldig grad", error="Skriv en grad fra 1 til 5.")
        validation.add(f"C{header + 1}:I{row}")
        ws.add_data_validation(validation)
        ws.conditional_formatting.add(
            f"T{header + 1}:T{row}", FormulaRule(formula=[f'$T{header + 1}="afviger"'], fill=RED))
    ws.freeze_panes = f"C{header + 1}"
    _protect(ws)
    ws.sheet_view.zoomScale = 120


def _marker(wb: Workbook, run: Run) -> None:
    ws = wb.create_sheet(MARKER_SHEET)
    put(ws, 1, 1, MARKER)
    put(ws, 1, 2, FORMAT_VERSION)
    put(ws, 2, 1, "cluster")
    put(ws, 2, 2, run.cluster)
    put(ws, 3, 1, "sha256")
    put(ws, 3, 2, str(run.meta.get("sha256") or ""))
    ws.sheet_state = "veryHidden"
    _protect(ws)


def build_review_workbook(run: Run, *, triage: bool = True) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    _review_sheet(wb, CRITERIA_SHEET, CRITERIA_LAYOUT, _criteria_rows(run),
                  CRITERION_VERDICTS, CRITERION_DECISIONS)
    _review_sheet(wb, STATEMENTS_SHEET, STATEMENTS_LAYOUT, _statement_rows(run),
                  STATEMENT_VERDICTS, STATEMENT_DECISIONS)
    _guide(wb)
    if triage:
        _triage(wb, run)
    _marker(wb, run)
    from auditlib import __version__

    wb.properties.title = "Forummets gennemgang"
    wb.properties.language = "da-DK"
    wb.properties.creator = f"auditlib {__version__}"
    wb.properties.version = __version__
    guide = wb[GUIDE_SHEET]
    put(guide, guide.max_row + 2, 1, f"Lavet med auditlib {__version__} fra kørslen "
        f"'{run.path.name}'.").font = BODY_FONT
    return wb


def export_review(run_dir: str | Path, out_path: str | Path, *, triage: bool = True) -> Path:
    """Write the review workbook for ``run_dir`` atomically to ``out_path``; return it."""
    run = read_run(run_dir)
    out_path = Path(out_path)
    guard_not_input(out_path, *(Path(run_dir) / n for n in ("criteria.csv", "statements.csv",
                                                          "run.json", "decisions.csv")))
    workbook = build_review_workbook(run, triage=triage)
    write_with(out_path, lambda tmp: workbook.save(tmp))
    return out_path
