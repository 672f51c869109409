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

CRITERIA_COLUMNS = ["plan_id", "criterion_id", "result", "note"]
STATEMENT_COLUMNS = ["plan_id", "field", "statement_no", "statement", "label", "probability",
                     "greyzone"]
# One row per reviewed item (see auditlib.review). kind: "kriterium" or "udsagn".
# tool_value: the tool's result (criterion) or label (statement).
# hospital_value / kommune_value: "enig", "uenig", "kan_ikke_vurdere" for criteria;
# a label for statements. decision: the forum's final result or label.
DECISION_COLUMNS = ["plan_id", "kind", "criterion_id", "field", "statement_no", "statement",
                    "tool_value", "hospital_value", "hospital_reason", "kommune_value",
                    "kommune_reason", "decision", "decision_reason"]


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
    # Columns added after the first run folders were written: old folders still read.
    for column, default in (("second_label", ""), ("second_probability", ""),
                            ("unsettled", "false")):
        if column not in statements.columns:
            statements[column] = default
    statements["second_probability"] = pd.to_numeric(statements["second_probability"],
                                                     errors="coerce")
    statements["unsettled"] = statements["unsettled"].str.lower().eq("true")
    try:
        meta = json.loads((path / RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RunDirError(msg("koersel_runjson_ulaeselig", name=RUN_FILE, path=path)) from exc
    decisions = None
    if (path / DECISIONS_FILE).is_file():
        decisions = _read_csv(path / DECISIONS_FILE, DECISION_COLUMNS)
    return Run(path, criteria, statements, meta, decisions)
