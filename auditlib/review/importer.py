"""Read the forum's review workbook back into ``RUN_DIR/decisions.csv``.

Every row is checked and every problem reported at once (pandera's lazy validation):
values outside the dropdowns, ``uenig`` or a decision against the tool without a
reason, rows that do not belong to the run. Nothing is written while any problem is
left; the run's own files are never touched. Problems name plan_id, sheet, row and
column, never what was written in a cell.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from auditlib.atomic import write_with
from auditlib.errors import ReviewError
from auditlib.messages import join_allowed, msg
from auditlib.review.export import (
    CANNOT,
    CRITERIA_SHEET,
    CRITERION_DECISIONS,
    CRITERION_VERDICTS,
    DISAGREE,
    HEADER_ROW,
    MARKER,
    MARKER_SHEET,
    REVIEWER_COLUMNS,
    ROLES,
    STATEMENT_DECISIONS,
    STATEMENT_VERDICTS,
    STATEMENTS_SHEET,
    criterion_item_id,
    review_statements,
    statement_item_id,
)
from auditlib.rundir import DECISION_COLUMNS, DECISIONS_FILE, Run, read_run
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
    path: Path | None = None


# -- reading the file ---------------------------------------------------------------------
def _open_workbook(path: Path):
    from openpyxl import load_workbook

    if not path.is_file():
        raise ReviewError(msg("review_fil_findes_ikke", path=path))
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
    for sheet in (CRITERIA_SHEET, STATEMENTS_SHEET):
        if sheet not in workbook.sheetnames:
            raise ReviewError(msg("review_ark_mangler", path=path, sheet=sheet))


def _header(ws, path: Path) -> dict[str, int]:
    columns = {}
    for cell in ws[HEADER_ROW]:
        if cell.value is not None:
            columns[str(cell.value).strip()] = cell.column
    missing = [c for c in ("item_id", "plan_id", *REVIEWER_COLUMNS) if c not in columns]
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
    items = {}
    for r in run.criteria.itertuples(index=False):
        items[criterion_item_id(r.plan_id, r.criterion_id)] = _Item(
            "kriterium", r.plan_id, r.result, criterion_id=r.criterion_id)
    for r in review_statements(run).itertuples(index=False):
        items[statement_item_id(r.plan_id, r.field, r.statement_no)] = _Item(
            "udsagn", r.plan_id, r.label, field=r.field, statement_no=str(int(r.statement_no)),
            statement=r.statement)
    return items


def _read_sheet(ws, path: Path, kind: str, items: dict[str, _Item],
                problems: list[ReviewProblem], seen: set[str]) -> list[dict]:
    columns = _header(ws, path)
    criteria = kind == "kriterium"
    verdicts = CRITERION_VERDICTS if criteria else STATEMENT_VERDICTS
    decisions = CRITERION_DECISIONS if criteria else STATEMENT_DECISIONS
    plans = {item.plan_id for item in items.values()}
    rows = []
    for row_no in range(HEADER_ROW + 1, ws.max_row + 1):
        def value(key: str, row_no: int = row_no) -> str:
            return _text(ws.cell(row=row_no, column=columns[key]).value)

        filled = {key: value(key) for key in REVIEWER_COLUMNS}
        if not any(filled.values()):
            continue
        item_id, plan_id = value("item_id"), value("plan_id")

        # A plan_id typed into the sheet is only repeated when the run knows it (privacy).
        known = plan_id if plan_id in plans else ""

        def problem(column: str, text: str, plan: str = known, row_no: int = row_no) -> None:
            problems.append(ReviewProblem(plan, ws.title, row_no, column, text))

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
        if item_id in seen:
            problem("item_id", msg("review_dublet"))
            continue
        seen.add(item_id)
        if criteria and "criterion_id" in columns and value("criterion_id") not in (
                "", item.criterion_id):
            problem("criterion_id", msg("review_kriterium_aendret", criterion=item.criterion_id))
            continue
        record = {"plan_id": item.plan_id, "kind": kind, "criterion_id": item.criterion_id,
                  "field": item.field, "statement_no": item.statement_no,
                  "statement": item.statement, "tool_value": item.tool_value}
        for role in ROLES:
            verdict_key, reason_key = f"{role}_vurdering", f"{role}_begrundelse"
            verdict, reason = filled[verdict_key], filled[reason_key]
            code = _code(verdict) if verdict else ""
            if verdict and code not in verdicts:
                problem(verdict_key, msg("review_ukendt_vaerdi", allowed=join_allowed(verdicts)))
            elif not reason and (code == DISAGREE if criteria else
                                 code not in ("", CANNOT, item.tool_value)):
                problem(reason_key, msg("review_uenig_uden_begrundelse" if criteria else
                                        "review_label_uden_begrundelse", role=role))
            record[f"{role}_value"] = code
            record[f"{role}_reason"] = reason
        decision, reason = filled["forum_afgoerelse"], filled["forum_begrundelse"]
        code = _code(decision) if decision else ""
        if decision and code not in decisions:
            problem("forum_afgoerelse", msg("review_ukendt_vaerdi",
                                            allowed=join_allowed(decisions)))
        elif code and code != item.tool_value and not reason:
            problem("forum_begrundelse", msg("review_afgoerelse_uden_begrundelse"))
        record["decision"] = code
        record["decision_reason"] = reason
        rows.append(record)
    return rows


# -- the import -----------------------------------------------------------------------------
def read_review(xlsx_path: str | Path, run: Run) -> ImportResult:
    """Check the workbook against ``run``; return the decisions and every problem."""
    path = Path(xlsx_path)
    workbook = _open_workbook(path)
    _check_marker(workbook, path, run)
    items = _run_items(run)
    problems: list[ReviewProblem] = []
    seen: set[str] = set()
    rows = _read_sheet(workbook[CRITERIA_SHEET], path, "kriterium", items, problems, seen)
    rows += _read_sheet(workbook[STATEMENTS_SHEET], path, "udsagn", items, problems, seen)
    decisions = pd.DataFrame(rows, columns=DECISION_COLUMNS).astype("string").fillna("")
    return ImportResult(decisions, problems)


def import_review(xlsx_path: str | Path, run_dir: str | Path) -> ImportResult:
    """Import the forum's decisions into ``run_dir/decisions.csv`` (replacing an earlier one).

    Raises ``ReviewError`` (exit 2) for a file that is not a usable review workbook and
    ``ReviewRowsError`` (exit 1, ``.problems`` lists every row) when any row is invalid;
    then nothing is written.
    """
    run = read_run(run_dir)
    result = read_review(xlsx_path, run)
    if result.problems:
        raise ReviewRowsError(msg("review_ugyldige_raekker", count=len(result.problems),
                                  path=Path(xlsx_path).name), problems=result.problems)
    if result.decisions.empty:
        # An untouched workbook must not wipe the forum's earlier decisions.
        raise ReviewRowsError(msg("review_intet_udfyldt", path=Path(xlsx_path).name))
    target = run.path / DECISIONS_FILE
    write_with(target, lambda tmp: result.decisions.to_csv(tmp, index=False,
                                                           encoding="utf-8"))
    result.path = target
    return result
