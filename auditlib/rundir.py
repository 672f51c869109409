"""A run folder and what it means (spec/cli.md, "Files").

A run folder holds ``criteria.csv``, ``statements.csv`` and ``run.json`` written
by ``auditlib audit``, and optionally ``decisions.csv`` from ``auditlib review import``.

``Run`` owns the run's meaning: the forum's decision overrides the tool
(``final_criteria``, ``final_statements``), the share fulfilled (``share_fulfilled``), and
the formal/quality split. The catalogue, the review round, the comparison, the feedback
pages and the notebooks ask it; none of them computes these again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from auditlib.errors import RunDirError
from auditlib.messages import msg
from auditlib.vocabulary import QUALITY, RESULTS, label_code, result_code

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


TOOL, FORUM, UNSETTLED = "vaerktoej", "forum", "uafklaret"


def fulfilment(results: pd.DataFrame, keys: list[str], result: str = "final") -> pd.DataFrame:
    """Counts per result and the share fulfilled per group of ``keys`` (e.g. criterion).

    The share is opfyldt / (opfyldt + ikke_opfyldt): plans where the criterion does not
    apply or cannot be judged count neither for nor against it; NaN when none was judged.
    Groups keep their order of first appearance.
    """
    counts = (results.groupby(keys, sort=False)[result].value_counts().unstack(fill_value=0)
              .reindex(columns=list(RESULTS), fill_value=0))
    table = counts.reset_index()
    table.columns.name = None
    table["vurderet"] = table["opfyldt"] + table["ikke_opfyldt"]
    table["planer"] = counts.sum(axis=1).to_numpy()
    table["andel_opfyldt"] = (table["opfyldt"] / table["vurderet"].where(table["vurderet"] > 0)
                              ).astype("float64")
    return table


def criterion_severity() -> dict[str, str]:
    """criterion id → 'formel' or 'kvalitet', from the declared criteria."""
    from auditlib.criteria.info import criteria_info

    return {cid: info.alvor for cid, info in criteria_info().items()}


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

    def _decided(self, kind: str, keys: list[str], code) -> pd.DataFrame:
        """The forum's decisions of one kind, as codes, the last one per item."""
        columns = [*keys, "decided", "decision_reason"]
        if self.decisions is None or not len(self.decisions):
            return pd.DataFrame(columns=columns)
        decided = self.decisions[self.decisions["kind"].eq(kind)].copy()
        if "statement_no" in keys:
            decided["statement_no"] = pd.to_numeric(decided["statement_no"], errors="coerce")
        decided["decided"] = [code(v) for v in decided["decision"]]
        decided = decided[decided["decided"].ne("")]
        return decided.drop_duplicates(keys, keep="last")[columns]

    def final_criteria(self) -> pd.DataFrame:
        """criteria.csv with the final result: the forum's where it decided, else the tool's.

        Columns: plan_id, criterion_id, result (the tool's), note, final, forum_afgjort,
        decision_reason, alvor, klynge.
        """
        keys = ["plan_id", "criterion_id"]
        frame = self.criteria[[*keys, "result", "note"]].merge(
            self._decided("kriterium", keys, result_code), on=keys, how="left")
        has = frame["decided"].notna() & frame["decided"].ne("")
        frame["final"] = frame["decided"].where(has, frame["result"])
        frame["forum_afgjort"] = has
        frame["decision_reason"] = frame["decision_reason"].where(has, "").fillna("")
        frame["alvor"] = frame["criterion_id"].map(criterion_severity()).fillna(QUALITY)
        frame["klynge"] = self.cluster
        return frame.drop(columns="decided")

    def final_statements(self) -> pd.DataFrame:
        """statements.csv with the forum's decision beside the tool's suggestion.

        ``tool_label`` is the tool's top label; ``final_label`` is the forum's label where
        it decided, else the tool's, and blank for a statement the tool could not place
        (``unsettled``) until the forum decides: an unsettled statement is never published
        as a sector. ``decided_by``: 'forum', 'vaerktoej' or 'uafklaret'.
        """
        keys = ["plan_id", "field", "statement_no"]
        frame = self.statements.copy()
        for column, default in (("second_label", ""), ("second_probability", float("nan")),
                                ("unsettled", False)):
            if column not in frame.columns:
                frame[column] = default
        frame["unsettled"] = frame["unsettled"].map(
            lambda v: str(v).strip().lower() in ("true", "1")).astype(bool)
        frame = frame.merge(self._decided("udsagn", keys, label_code), on=keys, how="left")
        has = frame["decided"].notna() & frame["decided"].ne("")
        frame["tool_label"] = frame["label"]
        frame["forum_label"] = frame["decided"].where(has, "").fillna("")
        frame["decision_reason"] = frame["decision_reason"].where(has, "").fillna("")
        frame["final_label"] = frame["forum_label"].where(
            has, frame["tool_label"].where(~frame["unsettled"], ""))
        frame["decided_by"] = [FORUM if h else (UNSETTLED if u else TOOL)
                               for h, u in zip(has, frame["unsettled"], strict=True)]
        frame["klynge"] = self.cluster
        return frame.drop(columns="decided")

    def share_fulfilled(self, by: tuple[str, ...] = ("criterion_id",)) -> pd.DataFrame:
        """Counts per final result and the share fulfilled, per criterion (or ``by``)."""
        return fulfilment(self.final_criteria(), list(by))

    def n_plans_failing(self, severity: str | None = None) -> int:
        """Plans with at least one final ``ikke_opfyldt`` (of one severity, if given)."""
        final = self.final_criteria()
        failed = final["final"].eq("ikke_opfyldt")
        if severity:
            failed &= final["alvor"].eq(severity)
        return int(final.loc[failed, "plan_id"].nunique())

    def n_greyzone(self) -> int:
        return int(self.statements["greyzone"].sum())


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
