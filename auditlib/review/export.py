"""The forum's meeting workbook (spec/cli.md: ``auditlib review export``).

Built around plans: sheet ``planer`` has one block per plan (its text in full, the
tool's findings and grey-zone statements with their suggestion and uncertainty, then
yellow cells for the hospital's and the municipality's view and the forum's verdict).
Sheets ``kriterier`` and ``udsagn`` have one row per plan and criterion and per statement
worth a look, ``beslutningslog`` the decision log of the catalogue's procedure (part 2,
step 4), ``triage`` the 7-parameter grades. A hidden key column and a hidden marker sheet
let ``import_review`` match every row to the run. The sheet protection has no password:
it only guards against typing in the tool's cells by mistake.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from auditlib.atomic import guard_not_input, write_with
from auditlib.excel import (
    HEADER_FILL,
    INPUT_FILL,
    NAVY,
    RED,
    Col,
    chunk_text,
    prepare_for_print,
    put,
)
from auditlib.register.columns import COLUMNS as REGISTER_COLUMNS
from auditlib.register.columns import FREE_TEXT_COLUMNS
from auditlib.rundir import (
    DECISION_STATUSES,
    DECISIONS_FILE,
    PLANS_FILE,
    TRIAGE_FILE,
    VERDICTS_FILE,
    Run,
    read_plans,
    read_run,
)
from auditlib.vocabulary import LABEL_TITLES, LABELS, RESULT_TITLES, RESULTS, suggestion_text

# -- the workbook's contract with the importer ------------------------------------------
MARKER_SHEET = "_auditlib"
MARKER = "auditlib-review"
FORMAT_VERSION = "2"  # 2: Danish headings, sheets 'planer' and 'beslutningslog'
PLANS_SHEET = "planer"
CRITERIA_SHEET = "kriterier"
STATEMENTS_SHEET = "udsagn"
LOG_SHEET = "beslutningslog"
GUIDE_SHEET = "vejledning"
TRIAGE_SHEET = "triage"
HEADER_ROW = 1  # the header is row 1 so a filter or sort never moves it
TRIAGE_HEADER_ROW = 4

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

BODY_PT = 12
BODY_FONT = Font(size=BODY_PT)
HEADER_FONT = Font(bold=True, size=BODY_PT, color="FFFFFF")
REVIEWER_FILL = INPUT_FILL
WRAP = Alignment(wrap_text=True, vertical="top")
MUTED_FONT = Font(size=BODY_PT, italic=True, color="595959")

_REVIEWER = (
    Col("hospital_vurdering", "Hospitalets vurdering", 17, input=True),
    Col("hospital_begrundelse", "Hospitalets begrundelse", 30, input=True),
    Col("kommune_vurdering", "Kommunens vurdering", 17, input=True),
    Col("kommune_begrundelse", "Kommunens begrundelse", 30, input=True),
    Col("forum_afgoerelse", "Forummets afgørelse", 18, input=True),
    Col("forum_begrundelse", "Forummets begrundelse", 30, input=True),
)
CRITERIA_LAYOUT: tuple[Col, ...] = (
    Col("item_id", "Nøgle", 10), Col("plan_id", "Plan-ID", 14),
    Col("criterion_id", "Kriterium", 11), Col("titel", "Titel", 28),
    Col("vaerktoej_resultat", "Værktøjets resultat", 15), Col("note", "Værktøjets note", 44),
    *_REVIEWER,
)
STATEMENTS_LAYOUT: tuple[Col, ...] = (
    Col("item_id", "Nøgle", 10), Col("plan_id", "Plan-ID", 14), Col("felt", "Felt", 16),
    Col("udsagn_nr", "Nr.", 6), Col("udsagn", "Udsagn", 44),
    Col("vaerktoej_label", "Værktøjets forslag", 17),
    Col("sandsynlighed", "Sandsynlighed", 13, number_format="0%"),
    Col("graazone", "Gråzone", 9), *_REVIEWER,
)
LOG_LAYOUT: tuple[Col, ...] = (
    Col("item_id", "Nøgle", 10), Col("plan_id", "Plan-ID", 14), Col("emne", "Emne", 16),
    Col("tekst", "Udsagn eller kriterium", 40), Col("forslag", "Værktøjets forslag", 17),
    Col("decided_on", "Dato", 12, number_format="dd-mm-yyyy", input=True),
    Col("meeting", "Møde", 16, input=True),
    Col("law", "Lov og paragraf", 22, input=True),
    Col("status", "Status", 13, input=True),
    Col("way_forward", "Hvordan gribes det an fremadrettet", 40, input=True),
)
LOG_BLANK_ROWS = 15  # for decisions on items without a pre-filled row
# Every column heading the importer accepts for a key: the Danish heading, and the key
# itself (workbooks of format 1 had the keys as headings).
COLUMN_TITLES: dict[str, str] = {c.key: c.title for layout in
                                 (CRITERIA_LAYOUT, STATEMENTS_LAYOUT, LOG_LAYOUT)
                                 for c in layout}

# The forum's verdict per plan on sheet 'planer': key, label, allowed values (None: text).
ACTIONABLE = ("ja", "delvist", "nej")
YES_NO = ("ja", "nej")
VERDICT_FIELDS: tuple[tuple[str, str, tuple[str, ...] | None], ...] = (
    ("hospital_view", "Hospitalets syn på planen", None),
    ("kommune_view", "Kommunens syn på planen", None),
    ("actionable", "Kan der handles på planen? (ja / delvist / nej)", ACTIONABLE),
    ("works", "Hvad fungerer", None),
    ("strengthen", "Hvad skal styrkes", None),
    ("good_example", "God eksempelplan (ja / nej)", YES_NO),
)
VERDICT_TITLES = {key: title for key, title, _ in VERDICT_FIELDS}
PLAN_COLUMNS = (Col("key", "Nøgle", 10), Col("felt", "Felt", 24), Col("tekst", "Tekst", 74),
                Col("vaerktoej", "Værktøjet", 30))
PLAN_TEXT_FIELDS = (*FREE_TEXT_COLUMNS, "opstart_begrundelse")
FIELD_TITLES = {c.name: c.title for c in REGISTER_COLUMNS}
# Results the plan block lists as findings (an "opfyldt" or "ikke relevant" needs no talk).
FINDINGS = ("ikke_opfyldt", "kan_ikke_vurderes", "tjekfejl")


def criterion_item_id(plan_id: str, criterion_id: str) -> str:
    return f"K:{plan_id}:{criterion_id}"


def statement_item_id(plan_id: str, field: str, statement_no: int) -> str:
    return f"U:{plan_id}:{field}:{int(statement_no)}"


def verdict_key(plan_id: str, key: str) -> str:
    return f"V:{plan_id}:{key}"


def subject(field: str, statement_no: int) -> str:
    """A statement's reference in the decision log: 'Mål 2'."""
    return f"{FIELD_TITLES.get(field, field)} {int(statement_no)}"


def percent(value: float) -> str:
    """A share as a person reads it in Danish: '62 %'."""
    return f"{round(value * 100):d} %"


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


# -- building the tabular sheets ----------------------------------------------------------
def _criterion_titles() -> dict[str, str]:
    try:
        from auditlib.criteria.info import criteria_info

        return {key: info.titel for key, info in criteria_info().items()}
    except Exception:  # titles are a convenience; the ids alone still work
        return {}


def _header(ws: Worksheet, layout: Sequence[Col]) -> None:
    for index, col in enumerate(layout, start=1):
        cell = put(ws, HEADER_ROW, index, col.title)
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(index)].width = col.chars
    ws.column_dimensions["A"].hidden = True  # the key: for the importer only


def _rows(ws: Worksheet, layout: Sequence[Col], rows: list[Sequence[object]],
          first: int = HEADER_ROW + 1) -> int:
    unlocked = Protection(locked=False)
    for offset, values in enumerate(rows):
        row = first + offset
        for index, (col, value) in enumerate(zip(layout, values, strict=True), start=1):
            cell = put(ws, row, index, value)
            cell.font = BODY_FONT
            cell.alignment = WRAP
            if col.number_format:
                cell.number_format = col.number_format
            if col.input:
                cell.protection = unlocked
                cell.fill = REVIEWER_FILL
    return first + max(len(rows), 1) - 1


def _letter(layout: Sequence[Col], key: str) -> str:
    return get_column_letter([c.key for c in layout].index(key) + 1)


def _list_validation(ws: Worksheet, values: Sequence[str], cells: str, title: str) -> None:
    validation = DataValidation(type="list", formula1='"' + ",".join(values) + '"',
                                allow_blank=True, showErrorMessage=True, showInputMessage=True,
                                errorTitle="Ugyldig værdi", promptTitle=title[:32],
                                error="Vælg en værdi fra listen.",
                                prompt="Vælg fra listen.")
    for cell_range in cells.split():
        validation.add(cell_range)
    ws.add_data_validation(validation)


def _review_sheet(wb: Workbook, name: str, layout: Sequence[Col], rows: list[Sequence[object]],
                  verdicts: Sequence[str], decisions: Sequence[str]) -> Worksheet:
    ws = wb.create_sheet(name)
    _header(ws, layout)
    last = _rows(ws, layout, rows)
    for role, title in zip(ROLES, ("Hospitalets vurdering", "Kommunens vurdering"),
                           strict=True):
        letter = _letter(layout, f"{role}_vurdering")
        _list_validation(ws, verdicts, f"{letter}{HEADER_ROW + 1}:{letter}{last}", title)
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
    for verdict_key_, reason_key in pairs:
        verdict, reason = _letter(layout, verdict_key_), _letter(layout, reason_key)
        if criteria and verdict_key_ != "forum_afgoerelse":
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
    ws.sheet_view.zoomScale = 110
    # Too many columns for one page at 8 pt: the plan id repeats on the pages to the right.
    prepare_for_print(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", title_columns="B:B")


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
        rows.append((statement_item_id(r.plan_id, r.field, r.statement_no), r.plan_id,
                     FIELD_TITLES.get(r.field, r.field), int(r.statement_no), r.statement,
                     r.label, probability,
                     "ja" if r.greyzone else "nej", None, None, None, None, None, None))
    return rows


# -- the decision log -----------------------------------------------------------------------
def _log_sheet(wb: Workbook, run: Run) -> None:
    ws = wb.create_sheet(LOG_SHEET)
    _header(ws, LOG_LAYOUT)
    grey = run.statements[run.statements["greyzone"] & run.statements["statement_no"].notna()]
    rows = [(statement_item_id(r.plan_id, r.field, r.statement_no), r.plan_id,
             subject(r.field, r.statement_no), r.statement, LABEL_TITLES.get(r.label, r.label),
             None, None, None, None, None) for r in grey.itertuples(index=False)]
    last = _rows(ws, LOG_LAYOUT, rows)
    if not rows:
        last = HEADER_ROW
    # Open rows: a decision on any other criterion or statement, named by plan and subject.
    blank = [(None,) * len(LOG_LAYOUT)] * LOG_BLANK_ROWS
    end = _rows(ws, LOG_LAYOUT, blank, first=last + 1)
    unlocked = Protection(locked=False)
    for row in range(last + 1, end + 1):
        for key in ("plan_id", "emne", "tekst"):
            cell = ws[f"{_letter(LOG_LAYOUT, key)}{row}"]
            cell.protection = unlocked
            cell.fill = REVIEWER_FILL
    status = _letter(LOG_LAYOUT, "status")
    _list_validation(ws, DECISION_STATUSES, f"{status}{HEADER_ROW + 1}:{status}{end}", "Status")
    plan = _letter(LOG_LAYOUT, "plan_id")
    if run.plan_ids and len(",".join(run.plan_ids)) < 250:  # Excel's limit for a list
        _list_validation(ws, run.plan_ids, f"{plan}{last + 1}:{plan}{end}", "Plan-ID")
    date = _letter(LOG_LAYOUT, "decided_on")
    validation = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)",
                                formula2="DATE(2100,12,31)", allow_blank=True,
                                showErrorMessage=True, errorTitle="Ugyldig dato",
                                error="Skriv en dato, f.eks. 15-03-2026.")
    validation.add(f"{date}{HEADER_ROW + 1}:{date}{end}")
    ws.add_data_validation(validation)
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    _protect(ws)
    _print_setup(ws)


# -- the plan sheet ---------------------------------------------------------------------------
def plan_texts(run: Run) -> pd.DataFrame:
    """One row per plan with its text fields: from plans.csv, or for a run written before
    the run folder carried the plans, put together from its statements."""
    plans = read_plans(run.path)
    if plans is not None:
        return plans.set_index("plan_id", drop=False)
    rows = {}
    for (plan_id, field), part in run.statements.sort_values("statement_no").groupby(
            ["plan_id", "field"], sort=False):
        rows.setdefault(plan_id, {"plan_id": plan_id})[field] = "\n".join(
            str(s) for s in part["statement"] if str(s).strip())
    frame = pd.DataFrame(list(rows.values()) or [{"plan_id": ""}])
    return frame.astype("string").fillna("").set_index("plan_id", drop=False)


_BULLET = re.compile(r"^[ \t]*[-*•][ \t]*", re.MULTILINE)


def shown_text(text: str) -> str:
    """Plan text as the meeting reads it: '- ' bullets as '• ' (a leading '-' would also
    need the formula escape and show as "'-")."""
    return _BULLET.sub("• ", text)


def _plan_summary(values: dict) -> str:
    parts = [str(values.get(key) or "").strip() for key in ("klynge", "kommune")]
    for key, title in (("niveau", "niveau"), ("kontakttype", "kontakt"),
                       ("diagnose", "diagnose")):
        value = str(values.get(key) or "").strip()
        if value:
            parts.append(f"{title}: {value}")
    return " · ".join(p for p in parts if p)


def _uncertainty(probability: float, greyzone: bool) -> str:
    if pd.isna(probability):
        return "Forslag uden sandsynlighed"
    certainty = "usikker (gråzone)" if greyzone else "sikker"
    return f"sandsynlighed {percent(float(probability))}, {certainty}"


def _plans_sheet(wb: Workbook, run: Run) -> None:
    ws = wb.create_sheet(PLANS_SHEET, 0)
    for index, col in enumerate(PLAN_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = col.chars
    ws.column_dimensions["A"].hidden = True
    text_width = PLAN_COLUMNS[2].chars
    titles = _criterion_titles()
    texts = plan_texts(run)
    findings = run.criteria[run.criteria["result"].isin(FINDINGS)]
    grey = run.statements[run.statements["greyzone"]]
    unlocked = Protection(locked=False)
    plan_fill = PatternFill("solid", fgColor=NAVY)
    section_font = Font(bold=True, size=BODY_PT, color=NAVY)
    row = 1
    put(ws, row, 2, "Forummets møde: planerne én for én").font = Font(bold=True, size=16,
                                                                       color=NAVY)
    row += 1
    put(ws, row, 2, "Planens tekst, værktøjets fund og gråzoneudsagn, og derefter de gule "
                    "felter til hospitalets og kommunens syn og forummets vurdering. Én plan "
                    "pr. side, når arket udskrives.").font = MUTED_FONT
    lists: dict[tuple[str, ...], list[str]] = {ACTIONABLE: [], YES_NO: []}

    def line(label: str, text: object, tool: object = None, *, font: Font = BODY_FONT,
             key: str | None = None) -> int:
        nonlocal row
        chunks = chunk_text(str(text), text_width, BODY_PT) if isinstance(text, str) else [text]
        first = row + 1
        for index, chunk in enumerate(chunks):
            row += 1
            put(ws, row, 1, key if index == 0 else None)
            put(ws, row, 2, label if index == 0 else None).font = Font(bold=True, size=BODY_PT)
            cell = put(ws, row, 3, chunk)
            cell.font = font
            cell.alignment = WRAP
            ws.cell(row=row, column=2).alignment = WRAP
            if tool is not None and index == 0:
                put(ws, row, 4, tool).alignment = WRAP
                ws.cell(row=row, column=4).font = BODY_FONT
        return first

    for number, plan_id in enumerate(run.plan_ids):
        values = texts.loc[plan_id].to_dict() if plan_id in texts.index else {}
        row += 2
        if number:
            ws.row_breaks.append(Break(id=row - 1))  # one plan per printed page
        put(ws, row, 1, f"H:{plan_id}")
        for column, value in ((2, f"Plan {plan_id}"), (3, _plan_summary(values))):
            cell = put(ws, row, column, value)
            cell.font = Font(bold=True, size=BODY_PT + 1, color="FFFFFF")
            cell.alignment = WRAP
        for column in range(2, 5):
            ws.cell(row=row, column=column).fill = plan_fill
        for field in PLAN_TEXT_FIELDS:
            text = str(values.get(field) or "").strip()
            if field == "opstart_begrundelse" and not text:
                continue
            line(FIELD_TITLES.get(field, field), shown_text(text) or "(ikke udfyldt)",
                 font=BODY_FONT if text else MUTED_FONT)
        row += 1
        put(ws, row, 2, "Værktøjets fund").font = section_font
        put(ws, row, 4, "Resultat / forslag").font = section_font
        plan_findings = findings[findings["plan_id"].eq(plan_id)]
        plan_grey = grey[grey["plan_id"].eq(plan_id)]
        if not len(plan_findings) and not len(plan_grey):
            line("", "Ingen kriterier ikke opfyldt og ingen gråzoneudsagn.", font=MUTED_FONT)
        for r in plan_findings.itertuples(index=False):
            line(f"{r.criterion_id} {titles.get(r.criterion_id, '')}".strip(), r.note or "",
                 RESULT_TITLES.get(r.result, r.result))
        for r in plan_grey.itertuples(index=False):
            number_ = int(r.statement_no) if pd.notna(r.statement_no) else 0
            line(f"Gråzone: {subject(r.field, number_)}", r.statement,
                 f"Forslag: {suggestion_text(r.label, getattr(r, 'second_label', ''), getattr(r, 'unsettled', False))}; "
                 f"{_uncertainty(r.probability, bool(r.greyzone))}")
        row += 1
        put(ws, row, 2, "Forummets drøftelse").font = section_font
        for key, label, allowed in VERDICT_FIELDS:
            line(label, None, "Vælg: " + " / ".join(allowed) if allowed else None,
                 key=verdict_key(plan_id, key))
            cell = ws.cell(row=row, column=3)
            cell.protection = unlocked
            cell.fill = REVIEWER_FILL
            cell.alignment = WRAP
            if allowed:
                lists[allowed].append(cell.coordinate)
            else:
                ws.row_dimensions[row].height = 48  # room to write
    for allowed, cells in lists.items():
        if cells:
            _list_validation(ws, allowed, " ".join(cells), "Vælg fra listen")
    ws.freeze_panes = "B3"
    _protect(ws)
    ws.sheet_view.zoomScale = 110
    prepare_for_print(ws, title_rows=None)


# -- the guide --------------------------------------------------------------------------------
GUIDE_ROWS: tuple[tuple[str, str], ...] = (
    ("Formål", "Arbejdsbog til forummets møde om auditten. Hospitalet og kommunen vurderer "
               "hver for sig værktøjets resultater; forummet træffer den endelige afgørelse. "
               "Læs arbejdsbogen ind igen med 'auditlib review import FIL.xlsx --run MAPPE'."),
    ("Ark 'planer'", "Mødet føres herfra: én blok pr. plan med planens tekst, værktøjets fund "
                     "(kriterier, der ikke er opfyldt eller ikke kan vurderes) og gråzoneudsagn "
                     "med værktøjets forslag og sandsynlighed. Nederst i blokken de gule felter: "
                     "hospitalets og kommunens syn, kan der handles på planen (ja, delvist, "
                     "nej), hvad fungerer, hvad skal styrkes og god eksempelplan (ja, nej)."),
    ("God eksempelplan", "Planer, forummet markerer som god eksempelplan, bliver konkrete "
                         "eksempler i snitfladekatalogets del 1, anonymiseret: uden plan-ID og "
                         "med forummets 'hvad fungerer'. Skriv derfor hvad fungerer."),
    ("Ark 'kriterier'", "Én række pr. plan og kriterium med værktøjets resultat og note."),
    ("Ark 'udsagn'", "Én række pr. udsagn fra felterne genoptræningsbehov og mål og pr. "
                     "gråzoneudsagn, med værktøjets forslag til sektor og sandsynlighed."),
    ("Ark 'beslutningslog'", "Forummets beslutningslog (katalogets procedure, trin 4): dato, "
                             "møde, lov og paragraf, status (afgjort, uafklaret, eskaleret) og "
                             "hvordan det gribes an fremadrettet. Gråzoneudsagnene står der "
                             "på forhånd. En afgørelse om et andet udsagn eller kriterium: "
                             "skriv Plan-ID og emne i en tom række (kriteriet, f.eks. K06, "
                             "eller feltet og nummeret, f.eks. Mål 2). Selve afgørelsen "
                             "skrives i 'Forummets afgørelse' i arket 'udsagn' eller "
                             "'kriterier'; status afgjort kræver den."),
    ("Grå celler", "Værktøjets celler er låst (arkbeskyttelse uden adgangskode). Den skjulte "
                   "kolonne A (Nøgle) må ikke ændres: den kobler rækken til auditkørslen. "
                   "Slet eller tilføj ikke rækker."),
    ("Gule celler", "Udfyldes af hospital, kommune og forum. Vælg fra rullelisten, hvor der "
                    "er en."),
    ("Hospitalets / Kommunens vurdering",
     "Kriterier: enig, uenig eller kan_ikke_vurdere (om værktøjets resultat). Udsagn: den "
     "sektor, I mener udsagnet hører til (genoptraening, behandling, social, beskaeftigelse, "
     "forebyggelse, civilsamfund) eller kan_ikke_vurdere."),
    ("Begrundelser", "Uenig kræver en begrundelse. For udsagn: vælger I en anden sektor end "
                     "værktøjets, kræver det en begrundelse. En manglende begrundelse bliver "
                     "rød."),
    ("Forummets afgørelse", "Kriterier: opfyldt, ikke_opfyldt, ikke_relevant eller "
                            "kan_ikke_vurderes. Udsagn: sektoren. Afgørelsen har forrang for "
                            "værktøjet i alle senere udtræk; afviger den fra værktøjets, "
                            "kræver den en begrundelse."),
    ("Tomme rækker", "Rækker, hvor ingen har skrevet noget, læses ikke ind."),
    ("Ark 'triage'", "Valgfrit: gradér hver plan 1-5 på de syv parametre (7-parametermodellen). "
                     "Bogstaverne B (behandling), S (specialiseret) og A (almen) og et forslag "
                     "til niveau beregnes; reglen står øverst i arket. Graderne læses ind i "
                     "kørselsmappen (triage.csv) som planens p1-p7, så Q06 kan køres igen "
                     "på dem."),
    ("Privatliv", "Skriv aldrig navne, CPR-numre eller andre personoplysninger i de gule "
                  "felter; brug kun Plan-ID. Tekst, der ligner en personoplysning, afvises "
                  "ved indlæsningen."),
)


def _guide(wb: Workbook) -> None:
    ws = wb.create_sheet(GUIDE_SHEET)
    put(ws, 1, 1, "Vejledning til mødet").font = Font(bold=True, size=16, color=NAVY)
    for offset, (key, text) in enumerate(GUIDE_ROWS, start=3):
        put(ws, offset, 1, key).font = Font(bold=True, size=BODY_PT)
        cell = put(ws, offset, 2, text)
        cell.font = BODY_FONT
        cell.alignment = WRAP
        ws.cell(row=offset, column=1).alignment = WRAP
    ws.column_dimensions["A"].width = 30
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
    put(ws, 1, 1, "Triage: 7-parametermodellen").font = Font(bold=True, size=16, color=NAVY)
    rule = put(ws, 2, 1, TRIAGE_RULE)
    rule.alignment = WRAP
    rule.font = Font(italic=True, size=12)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=19)
    ws.row_dimensions[2].height = 64
    header = TRIAGE_HEADER_ROW
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
    legend = put(ws, header - 1, 1, "Parametre: " + " · ".join(
        f"P{i} {title.split(' ', 1)[1]}" for i, title in enumerate(PARAMETERS, start=1)))
    legend.alignment = WRAP
    ws.merge_cells(start_row=header - 1, start_column=1, end_row=header - 1, end_column=19)
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
    ws.sheet_view.zoomScale = 110
    prepare_for_print(ws, title_rows=f"{header}:{header}", title_columns="A:A")


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
    _plans_sheet(wb, run)
    _review_sheet(wb, CRITERIA_SHEET, CRITERIA_LAYOUT, _criteria_rows(run),
                  CRITERION_VERDICTS, CRITERION_DECISIONS)
    _review_sheet(wb, STATEMENTS_SHEET, STATEMENTS_LAYOUT, _statement_rows(run),
                  STATEMENT_VERDICTS, STATEMENT_DECISIONS)
    _log_sheet(wb, run)
    if triage:
        _triage(wb, run)
    _guide(wb)
    _marker(wb, run)
    from auditlib import __version__

    wb.properties.title = "Forummets gennemgang"
    wb.properties.language = "da-DK"
    wb.properties.creator = f"auditlib {__version__}"
    wb.properties.version = __version__
    guide = wb[GUIDE_SHEET]
    put(guide, guide.max_row + 2, 1, f"Lavet med auditlib {__version__} fra kørslen "
        f"'{run.path.name}'.").font = BODY_FONT
    prepare_for_print(guide, portrait=True)
    return wb


def export_review(run_dir: str | Path, out_path: str | Path, *, triage: bool = True) -> Path:
    """Write the review workbook for ``run_dir`` atomically to ``out_path``; return it."""
    run = read_run(run_dir)
    out_path = Path(out_path)
    run_files = ("criteria.csv", "statements.csv", "run.json", DECISIONS_FILE, PLANS_FILE,
                 VERDICTS_FILE, TRIAGE_FILE)
    guard_not_input(out_path, *(Path(run_dir) / n for n in run_files))
    workbook = build_review_workbook(run, triage=triage)
    write_with(out_path, lambda tmp: workbook.save(tmp))
    return out_path
