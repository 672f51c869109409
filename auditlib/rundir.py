"""Reading and describing a run folder (spec/cli.md, "Files").

A run folder holds ``criteria.csv``, ``statements.csv`` and ``run.json`` written
by ``auditlib audit``, and optionally ``decisions.csv`` from ``auditlib review import``.
The catalogue, the review round, the comparison and the notebooks read runs here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from auditlib.errors import RunDirError
from auditlib.messages import msg

CRITERIA_FILE = "criteria.csv"
STATEMENTS_FILE = "statements.csv"
RUN_FILE = "run.json"
DECISIONS_FILE = "decisions.csv"
PLANS_FILE = "plans.csv"
VERDICTS_FILE = "verdicts.csv"
TRIAGE_FILE = "triage.csv"

CRITERIA_COLUMNS = ["plan_id", "criterion_id", "result", "note"]
STATEMENT_COLUMNS = ["plan_id", "field", "statement_no", "statement", "label", "probability",
                     "greyzone"]
# One row per reviewed item (see auditlib.review). kind: "kriterium" or "udsagn".
# tool_value: the tool's result (criterion) or label (statement).
# hospital_value / kommune_value: "enig", "uenig", "kan_ikke_vurdere" for criteria;
# a label for statements. decision: the forum's final result or label.
# The decision log (catalogue part 2, step 4): decided_on (ISO date), meeting, law (the
# law and paragraph chosen), status (DECISION_STATUSES) and way_forward ("hvordan gribes
# det an fremadrettet"). A decisions.csv written before these existed is still read.
DECISION_COLUMNS = ["plan_id", "kind", "criterion_id", "field", "statement_no", "statement",
                    "tool_value", "hospital_value", "hospital_reason", "kommune_value",
                    "kommune_reason", "decision", "decision_reason",
                    "decided_on", "meeting", "law", "status", "way_forward"]
DECISION_LOG_COLUMNS = ["decided_on", "meeting", "law", "status", "way_forward"]
DECISION_STATUSES = ("afgjort", "uafklaret", "eskaleret")
# The forum's verdict per plan from the meeting workbook's sheet 'planer' (auditlib.review).
# actionable: "kan der handles på planen" (ja/delvist/nej); good_example: ja/nej.
VERDICT_COLUMNS = ["plan_id", "hospital_view", "kommune_view", "actionable", "works",
                   "strengthen", "good_example"]
# The hospital's grades in the 7-parameter model, read back from the triage sheet
# (data-contract.md: the same columns as the register's optional ones).
TRIAGE_COLUMNS = ["plan_id", "p1_selvmordsrisiko", "p2_indsigt", "p3_motivation",
                  "p4_symptommestring", "p5_tidligere_forloeb", "p6_affektregulering",
                  "p7_aarsag"]


@dataclass
class Run:
    path: Path
    criteria: pd.DataFrame
    statements: pd.DataFrame
    meta: dict
    decisions: pd.DataFrame | None

    @property
    def cluster(self) -> str:
        return str(self.meta.get("cluster") or "")

    @property
    def plan_ids(self) -> list[str]:
        return sorted(self.criteria["plan_id"].unique().tolist())


def _read_csv(path: Path, columns: list[str]) -> pd.DataFrame:
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise RunDirError(msg("koersel_fil_ulaeselig", name=path.name,
                              folder=path.parent)) from exc
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise RunDirError(msg("koersel_kolonner_mangler", name=path.name, folder=path.parent,
                              missing=", ".join(missing)))
    return frame


def read_run(path: str | Path) -> Run:
    """Read a run folder; raise RunDirError with a Danish message when it is not one."""
    path = Path(path)
    if not path.is_dir():
        raise RunDirError(msg("koersel_findes_ikke", path=path))
    for name in (CRITERIA_FILE, STATEMENTS_FILE, RUN_FILE):
        if not (path / name).is_file():
            raise RunDirError(msg("koersel_ikke_en_koersel", path=path, name=name))
    criteria = _read_csv(path / CRITERIA_FILE, CRITERIA_COLUMNS)
    statements = _read_csv(path / STATEMENTS_FILE, STATEMENT_COLUMNS)
    statements["statement_no"] = pd.to_numeric(statements["statement_no"], errors="coerce")
    statements["probability"] = pd.to_numeric(statements["probability"], errors="coerce")
    statements["greyzone"] = statements["greyzone"].str.lower().eq("true")
    try:
        meta = json.loads((path / RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RunDirError(msg("koersel_runjson_ulaeselig", name=RUN_FILE, path=path)) from exc
    decisions = None
    if (path / DECISIONS_FILE).is_file():
        decisions = _read_csv(path / DECISIONS_FILE, DECISION_COLUMNS[:13])
        for column in DECISION_LOG_COLUMNS:  # older decisions.csv: no decision log yet
            if column not in decisions.columns:
                decisions[column] = ""
    return Run(path, criteria, statements, meta, decisions)


def _optional(path: Path, name: str, columns: list[str]) -> pd.DataFrame | None:
    return _read_csv(path / name, columns) if (path / name).is_file() else None


def read_plans(path: str | Path) -> pd.DataFrame | None:
    """The audited plans' rows (``plans.csv``, every column as text), or None for a run
    written before the run folder carried them."""
    return _optional(Path(path), PLANS_FILE, ["plan_id"])


def read_verdicts(path: str | Path) -> pd.DataFrame | None:
    """The forum's verdict per plan (``verdicts.csv``), or None before the meeting."""
    return _optional(Path(path), VERDICTS_FILE, VERDICT_COLUMNS)


def read_triage(path: str | Path) -> pd.DataFrame | None:
    """The 7-parameter grades read back from the triage sheet (``triage.csv``)."""
    return _optional(Path(path), TRIAGE_FILE, TRIAGE_COLUMNS)
