"""Read the forum's meeting workbook back into the run folder.

``decisions.csv``: the sheets 'kriterier' and 'udsagn' with the decision log
(dato, møde, lov og paragraf, status, fremadrettet) of 'beslutningslog';
``verdicts.csv``: the forum's verdict per plan from 'planer';
``triage.csv``: the seven grades per plan from 'triage' (the plan's p1..p7).

Every row is checked and every problem reported at once (pandera's lazy validation):
values outside the dropdowns, ``uenig`` or a decision against the tool without a
reason, rows that do not belong to the run, dates that are not dates, grades outside
1-5, free text that looks like an identifier. Nothing is written while any problem is
left; the run's own audit files are never touched. Problems name plan_id, sheet, row and
column, never what was written in a cell.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from auditlib.atomic import write_with
from auditlib.errors import ReviewError
from auditlib.messages import join_allowed, msg
from auditlib.review.export import (
    CANNOT,
    COLUMN_TITLES,
    CRITERIA_SHEET,
    CRITERION_DECISIONS,
    CRITERION_VERDICTS,
    DISAGREE,
    FIELD_TITLES,
    HEADER_ROW,
    LOG_SHEET,
    MARKER,
    MARKER_SHEET,
    PARAMETERS,
    PLANS_SHEET,
    REVIEWER_COLUMNS,
    ROLES,
    STATEMENT_DECISIONS,
    STATEMENT_VERDICTS,
    STATEMENTS_SHEET,
    TRIAGE_HEADER_ROW,
    TRIAGE_SHEET,
    VERDICT_FIELDS,
    VERDICT_TITLES,
    criterion_item_id,
    statement_item_id,
)
from auditlib.rundir import (
    DECISION_COLUMNS,
    DECISION_LOG_COLUMNS,
    DECISION_STATUSES,
    DECISIONS_FILE,
    TRIAGE_COLUMNS,
    TRIAGE_FILE,
    VERDICT_COLUMNS,
    VERDICTS_FILE,
    Run,
    read_run,
)
from auditlib.vocabulary import LABEL_TITLES, RESULT_TITLES

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx files are OLE containers


class ReviewRowsError(ReviewError):
    """The workbook was read but has invalid rows (spec/cli.md: exit 1, nothing written)."""

    exit_code = 1


@dataclass(frozen=True)
class ReviewProblem:
    plan_id: str
    sheet: str
    row: int
    column: str
    problem: str

    def __str__(self) -> str:
        return msg("review_problem_linje", plan_id=self.plan_id or "-", sheet=self.sheet,
                   row=self.row, column=self.column, problem=self.problem)


@dataclass
class ImportResult:
    decisions: pd.DataFrame
    problems: list[ReviewProblem] = field(default_factory=list)
    path: Path | None = None  # decisions.csv when written
    verdicts: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=VERDICT_COLUMNS))
    triage: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TRIAGE_COLUMNS))
    written: list[Path] = field(default_factory=list)


# -- reading the file ---------------------------------------------------------------------
def _open_workbook(path: Path):
    from openpyxl import load_workbook

    if not path.is_file():
        raise ReviewError(msg("meeting_udfyldt_fil_mangler", path=path, folder=path.parent))
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ReviewError(msg("review_fil_findes_ikke", path=path)) from exc
    if head == OLE_MAGIC:
        raise ReviewError(msg("review_beskyttet", path=path))
    if not zipfile.is_zipfile(path):
        raise ReviewError(msg("review_defekt", path=path))
    try:
        return load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken package
        raise ReviewError(msg("review_defekt", path=path)) from exc


def _check_marker(workbook, path: Path, run: Run) -> None:
    if MARKER_SHEET not in workbook.sheetnames:
        raise ReviewError(msg("review_ikke_arbejdsbog", path=path))
    marker = workbook[MARKER_SHEET]
    if str(marker.cell(row=1, column=1).value or "") != MARKER:
        raise ReviewError(msg("review_ikke_arbejdsbog", path=path))
    checksum = str(marker.cell(row=3, column=2).value or "")
    expected = str(run.meta.get("sha256") or "")
    if checksum and expected and checksum != expected:
        raise ReviewError(msg("review_anden_koersel", path=path, run=run.path))
    version = str(marker.cell(row=1, column=2).value or "1")
    # Format 1 (before the meeting workbook) had no plan sheet and no decision log.
    required = (CRITERIA_SHEET, STATEMENTS_SHEET) if version == "1" else (
        PLANS_SHEET, CRITERIA_SHEET, STATEMENTS_SHEET, LOG_SHEET)
    for sheet in required:
        if sheet not in workbook.sheetnames:
            raise ReviewError(msg("review_ark_mangler", path=path, sheet=sheet))


_KEY_BY_TITLE = {title.casefold(): key for key, title in COLUMN_TITLES.items()}


def _title(key: str) -> str:
    """The column as the sheet names it."""
    return COLUMN_TITLES.get(key, key)


def _header(ws, path: Path, required: tuple[str, ...]) -> dict[str, int]:
    """Column keys by number; a heading is its Danish title or (format 1) its key."""
    columns = {}
    for cell in ws[HEADER_ROW]:
        if cell.value is not None:
            text = str(cell.value).strip()
            columns[_KEY_BY_TITLE.get(text.casefold(), text)] = cell.column
    missing = [_title(c) for c in required if c not in columns]
    if missing:
        raise ReviewError(msg("review_kolonne_mangler", path=path, sheet=ws.title,
                              columns=", ".join(missing)))
    return columns


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _by_title(titles: dict[str, str]) -> dict[str, str]:
    return {title.lower(): key for key, title in titles.items()}


_ALIASES = {**_by_title(RESULT_TITLES), **_by_title(LABEL_TITLES),
            "kan ikke vurdere": CANNOT, "kan ikke vurderes": "kan_ikke_vurderes",
            "genoptræning": "genoptraening", "beskæftigelse": "beskaeftigelse"}


def _code(text: str) -> str:
    """A dropdown value as its code: codes, Danish titles and spaces for '_' are accepted."""
    lowered = text.lower()
    return _ALIASES.get(lowered, lowered.replace(" ", "_"))


# -- checking rows ------------------------------------------------------------------------
@dataclass(frozen=True)
class _Item:
    kind: str
    plan_id: str
    tool_value: str
    criterion_id: str = ""
    field: str = ""
    statement_no: str = ""
    statement: str = ""


def _run_items(run: Run) -> dict[str, _Item]:
    """Every criterion result and statement of the run by its key (the decision log may
    name any statement, not only those on the sheet 'udsagn')."""
    items = {}
    for r in run.criteria.itertuples(index=False):
        items[criterion_item_id(r.plan_id, r.criterion_id)] = _Item(
            "kriterium", r.plan_id, r.result, criterion_id=r.criterion_id)
    statements = run.statements[run.statements["statement_no"].notna()]
    for r in statements.itertuples(index=False):
        items[statement_item_id(r.plan_id, r.field, r.statement_no)] = _Item(
            "udsagn", r.plan_id, r.label, field=r.field, statement_no=str(int(r.statement_no)),
            statement=r.statement)
    return items


class _Problems:
    """Collects the problems of one sheet; a plan_id is only repeated when the run knows
    it (privacy: a typed plan_id could be anything)."""

    def __init__(self, problems: list[ReviewProblem], sheet: str, plans: set[str]):
        self.problems, self.sheet, self.plans = problems, sheet, plans

    def add(self, plan_id: str, row: int, key: str, text: str) -> None:
        known = plan_id if plan_id in self.plans else ""
        self.problems.append(ReviewProblem(known, self.sheet, row, _title(key), text))


def _record(item: _Item) -> dict:
    record = dict.fromkeys(DECISION_COLUMNS, "")
    record.update(plan_id=item.plan_id, kind=item.kind, criterion_id=item.criterion_id,
                  field=item.field, statement_no=item.statement_no, statement=item.statement,
                  tool_value=item.tool_value)
    return record


def _read_sheet(ws, path: Path, kind: str, items: dict[str, _Item], report: _Problems,
                records: dict[str, dict]) -> None:
    columns = _header(ws, path, ("item_id", "plan_id", *REVIEWER_COLUMNS))
    criteria = kind == "kriterium"
    verdicts = CRITERION_VERDICTS if criteria else STATEMENT_VERDICTS
    decisions = CRITERION_DECISIONS if criteria else STATEMENT_DECISIONS
    for row_no in range(HEADER_ROW + 1, ws.max_row + 1):
        def value(key: str, row_no: int = row_no) -> str:
            return _text(ws.cell(row=row_no, column=columns[key]).value)

        filled = {key: value(key) for key in REVIEWER_COLUMNS}
        if not any(filled.values()):
            continue
        item_id, plan_id = value("item_id"), value("plan_id")

        def problem(key: str, text: str, plan: str = plan_id, row_no: int = row_no) -> None:
            report.add(plan, row_no, key, text)

        item = items.get(item_id)
        if not item_id:
            problem("item_id", msg("review_uden_id"))
            continue
        if item is None or item.kind != kind:
            problem("item_id", msg("review_ukendt_raekke"))
            continue
        if plan_id != item.plan_id:
            problem("plan_id", msg("review_plan_id_aendret", plan_id=item.plan_id),
                    plan=item.plan_id)
            continue
        if item_id in records:
            problem("item_id", msg("review_dublet"))
            continue
        if criteria and "criterion_id" in columns and value("criterion_id") not in (
                "", item.criterion_id):
            problem("criterion_id", msg("review_kriterium_aendret", criterion=item.criterion_id))
            continue
        record = _record(item)
        for role in ROLES:
            verdict_key, reason_key = f"{role}_vurdering", f"{role}_begrundelse"
            verdict, reason = filled[verdict_key], filled[reason_key]
            code = _code(verdict) if verdict else ""
            if verdict and code not in verdicts:
                problem(verdict_key, msg("review_ukendt_vaerdi", allowed=join_allowed(verdicts)))
            elif not reason and (code == DISAGREE if criteria else
                                 code not in ("", CANNOT, item.tool_value)):
                problem(reason_key, msg("review_uenig_uden_begrundelse" if criteria else
                                        "review_label_uden_begrundelse",
                                        column=_title(reason_key)))
            record[f"{role}_value"] = code
            record[f"{role}_reason"] = reason
        decision, reason = filled["forum_afgoerelse"], filled["forum_begrundelse"]
        code = _code(decision) if decision else ""
        if decision and code not in decisions:
            problem("forum_afgoerelse", msg("review_ukendt_vaerdi",
                                            allowed=join_allowed(decisions)))
        elif code and code != item.tool_value and not reason:
            problem("forum_begrundelse", msg("review_afgoerelse_uden_begrundelse",
                                             column=_title("forum_begrundelse")))
        record["decision"] = code
        record["decision_reason"] = reason
        records[item_id] = record


# -- the decision log -----------------------------------------------------------------------
_DATE_TEXT = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$|^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _date(value: object) -> str | None:
    """An ISO date from a date cell or a typed 'DD-MM-ÅÅÅÅ'/'ÅÅÅÅ-MM-DD'; None if invalid."""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    found = _DATE_TEXT.match(_text(value))
    if not found:
        return None
    day, month, year = (found.group(1), found.group(2), found.group(3)) if found.group(1) \
        else (found.group(6), found.group(5), found.group(4))
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _subject_item(plan_id: str, subject: str, items: dict[str, _Item]) -> str | None:
    """The key of the item a typed subject names: a criterion ('K06') or a field and
    statement number ('Mål 2', 'maal 2')."""
    text = " ".join(subject.split())
    key = criterion_item_id(plan_id, text.upper())
    if key in items:
        return key
    found = re.match(r"^(.*\S)\s+(\d+)$", text)
    if not found:
        return None
    name, number = found.group(1).casefold(), int(found.group(2))
    for field_key, title in FIELD_TITLES.items():
        if name in (field_key.casefold(), title.casefold()):
            key = statement_item_id(plan_id, field_key, number)
            return key if key in items else None
    return None


def _read_log(ws, path: Path, items: dict[str, _Item], report: _Problems,
              records: dict[str, dict], config) -> None:
    columns = _header(ws, path, ("item_id", "plan_id", "emne", *DECISION_LOG_COLUMNS))
    logged: set[str] = set()
    for row_no in range(HEADER_ROW + 1, ws.max_row + 1):
        def cell(key: str, row_no: int = row_no) -> object:
            return ws.cell(row=row_no, column=columns[key]).value

        fields = {key: _text(cell(key)) for key in DECISION_LOG_COLUMNS}
        item_id, plan_id, subject = _text(cell("item_id")), _text(cell("plan_id")), \
            _text(cell("emne"))
        if not any(fields.values()):
            continue

        def problem(key: str, text: str, plan: str = plan_id, row_no: int = row_no) -> None:
            report.add(plan, row_no, key, text)

        if not item_id:  # an open row: the forum names the plan and the subject
            if plan_id not in report.plans:
                problem("plan_id", msg("meeting_log_ukendt_plan"))
                continue
            item_id = _subject_item(plan_id, subject, items) or ""
            if not item_id:
                problem("emne", msg("meeting_log_ukendt_emne"))
                continue
        item = items.get(item_id)
        if item is None:
            problem("item_id", msg("review_ukendt_raekke"))
            continue
        if item_id in logged:
            problem("emne", msg("meeting_log_dublet"))
            continue
        logged.add(item_id)
        record = records.setdefault(item_id, _record(item))
        date = _date(cell("decided_on")) if fields["decided_on"] else ""
        if date is None:
            problem("decided_on", msg("meeting_log_dato"))
        status = fields["status"].casefold()
        if status not in DECISION_STATUSES:
            problem("status", msg("review_ukendt_vaerdi",
                                  allowed=join_allowed(DECISION_STATUSES)))
        elif status == "afgjort" and not record["decision"]:
            problem("status", msg("meeting_log_afgjort_uden_afgoerelse"))
        elif status == "afgjort" and item.kind == "udsagn" and not fields["law"]:
            problem("law", msg("meeting_log_lov_mangler"))
        if _looks_identifying(fields["way_forward"], config):
            problem("way_forward", msg("meeting_personoplysning"))
        record.update(decided_on=date or "", meeting=fields["meeting"], law=fields["law"],
                      status=status, way_forward=fields["way_forward"])


def _looks_identifying(text: str, config) -> bool:
    if not text:
        return False
    from auditlib.privacy import scan_text

    return bool(scan_text(text, config=config))


# -- the plan verdicts ------------------------------------------------------------------------
def _read_verdicts(ws, plans: set[str], report: _Problems, config) -> list[dict]:
    """Column A holds 'V:<plan_id>:<key>' beside each yellow cell of a plan block."""
    by_plan: dict[str, dict] = {}
    rows: dict[tuple[str, str], int] = {}
    for row_no in range(1, ws.max_row + 1):
        key = _text(ws.cell(row=row_no, column=1).value)
        if not key.startswith("V:"):
            continue
        plan_id, _, field_key = key[2:].rpartition(":")
        if plan_id not in plans or field_key not in VERDICT_TITLES:
            report.problems.append(ReviewProblem("", ws.title, row_no, "Nøgle",
                                                 msg("review_ukendt_raekke")))
            continue
        by_plan.setdefault(plan_id, {})[field_key] = ws.cell(row=row_no, column=3).value
        rows[(plan_id, field_key)] = row_no
    verdicts = []
    for plan_id, values in by_plan.items():
        record = {"plan_id": plan_id}
        for field_key, title, allowed in VERDICT_FIELDS:
            text = _text(values.get(field_key))
            row_no = rows.get((plan_id, field_key), 0)
            if allowed and text and text.casefold() not in allowed:
                report.problems.append(ReviewProblem(
                    plan_id, ws.title, row_no, title,
                    msg("review_ukendt_vaerdi", allowed=join_allowed(allowed))))
            elif not allowed and _looks_identifying(text, config):
                report.problems.append(ReviewProblem(plan_id, ws.title, row_no, title,
                                                     msg("meeting_personoplysning")))
            record[field_key] = text.casefold() if allowed else text
        if not any(record[k] for k, _, _ in VERDICT_FIELDS):
            continue
        if record["good_example"] == "ja" and not record["works"]:
            report.problems.append(ReviewProblem(
                plan_id, ws.title, rows.get((plan_id, "works"), 0), VERDICT_TITLES["works"],
                msg("meeting_eksempel_uden_begrundelse")))
        verdicts.append(record)
    return verdicts


# -- the triage grades ------------------------------------------------------------------------
def _grade(value: object) -> int | None | str:
    """1-5, None for blank, "" for anything else."""
    if value is None or _text(value) == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() and 1 <= value <= 5 else ""
    text = _text(value)
    return int(text) if text in {"1", "2", "3", "4", "5"} else ""


def _read_triage(ws, plans: set[str], report: _Problems) -> list[dict]:
    rows = []
    grade_columns = TRIAGE_COLUMNS[1:]
    for row_no in range(TRIAGE_HEADER_ROW + 1, ws.max_row + 1):
        plan_id = _text(ws.cell(row=row_no, column=1).value)
        grades = [_grade(ws.cell(row=row_no, column=3 + i).value) for i in range(7)]
        if all(g is None for g in grades):
            continue
        if plan_id not in plans:
            report.problems.append(ReviewProblem("", ws.title, row_no, "plan_id",
                                                 msg("review_ukendt_raekke")))
            continue
        for index, grade in enumerate(grades):
            if grade == "":
                report.problems.append(ReviewProblem(plan_id, ws.title, row_no,
                                                     f"P{index + 1} ({PARAMETERS[index]})",
                                                     msg("meeting_triage_grad")))
        rows.append({"plan_id": plan_id, **{column: "" if g in (None, "") else str(g)
                                            for column, g in zip(grade_columns, grades,
                                                                 strict=True)}})
    return rows


# -- the import -----------------------------------------------------------------------------
def read_review(xlsx_path: str | Path, run: Run, config=None) -> ImportResult:
    """Check the workbook against ``run``; return what it holds and every problem."""
    path = Path(xlsx_path)
    workbook = _open_workbook(path)
    _check_marker(workbook, path, run)
    if config is None:
        from auditlib.config import load_config

        config = load_config()
    items = _run_items(run)
    plans = set(run.plan_ids)
    problems: list[ReviewProblem] = []
    records: dict[str, dict] = {}
    for sheet, kind in ((CRITERIA_SHEET, "kriterium"), (STATEMENTS_SHEET, "udsagn")):
        _read_sheet(workbook[sheet], path, kind, items, _Problems(problems, sheet, plans),
                    records)
    if LOG_SHEET in workbook.sheetnames:
        _read_log(workbook[LOG_SHEET], path, items, _Problems(problems, LOG_SHEET, plans),
                  records, config)
    for record in records.values():
        if record["decision"] and not record["status"]:
            record["status"] = "afgjort"
    verdicts: list[dict] = []
    if PLANS_SHEET in workbook.sheetnames:
        verdicts = _read_verdicts(workbook[PLANS_SHEET], plans,
                                  _Problems(problems, PLANS_SHEET, plans), config)
    triage: list[dict] = []
    if TRIAGE_SHEET in workbook.sheetnames:
        triage = _read_triage(workbook[TRIAGE_SHEET], plans,
                              _Problems(problems, TRIAGE_SHEET, plans))
    decisions = pd.DataFrame(list(records.values()), columns=DECISION_COLUMNS)
    return ImportResult(
        decisions.astype("string").fillna(""), problems,
        verdicts=pd.DataFrame(verdicts, columns=VERDICT_COLUMNS).astype("string").fillna(""),
        triage=pd.DataFrame(triage, columns=TRIAGE_COLUMNS).astype("string").fillna(""))


def import_review(xlsx_path: str | Path, run_dir: str | Path, config=None) -> ImportResult:
    """Import the forum's meeting workbook into ``run_dir``.

    Writes ``decisions.csv`` (criteria, statements and the decision log), ``verdicts.csv``
    (the forum's verdict per plan) and ``triage.csv`` (the seven grades), each replacing
    an earlier one, and each only when the workbook holds something for it.
    Raises ``ReviewError`` (exit 2) for a file that is not a usable review workbook and
    ``ReviewRowsError`` (exit 1, ``.problems`` lists every row) when any row is invalid;
    then nothing is written.
    """
    run = read_run(run_dir)
    result = read_review(xlsx_path, run, config)
    if result.problems:
        raise ReviewRowsError(msg("review_ugyldige_raekker", count=len(result.problems),
                                  path=Path(xlsx_path).name), problems=result.problems)
    outputs = [(DECISIONS_FILE, result.decisions), (VERDICTS_FILE, result.verdicts),
               (TRIAGE_FILE, result.triage)]
    if all(frame.empty for _, frame in outputs):
        # An untouched workbook must not wipe the forum's earlier decisions.
        raise ReviewRowsError(msg("review_intet_udfyldt", path=Path(xlsx_path).name))
    for name, frame in outputs:
        if frame.empty:
            continue
        target = run.path / name
        write_with(target, lambda tmp, frame=frame: frame.to_csv(tmp, index=False,
                                                                 encoding="utf-8"))
        result.written.append(target)
        if name == DECISIONS_FILE:
            result.path = target
    return result
