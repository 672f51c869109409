"""Criteria re-run on the forum's triage grades (issue 17; data-contract.md, p1..p7).

The meeting workbook's triage sheet is read back into ``triage.csv`` (the plan's
``p1_selvmordsrisiko`` … ``p7_aarsag``). ``graded_plans`` lays those grades over the
audited rows of ``plans.csv``; ``rerun_with_triage`` runs Q06 (or other criteria that
read the grades) again on the graded plans, with the run's statements, and returns the
new results beside the audit's. The run's own criteria.csv is never changed: the new
result is the tool's suggestion on better input, and the forum's decision still rules.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from auditlib.errors import RunDirError
from auditlib.messages import msg
from auditlib.rundir import TRIAGE_COLUMNS, Run, read_plans, read_run, read_triage

GRADE_COLUMNS = TRIAGE_COLUMNS[1:]
RERUN_COLUMNS = ["plan_id", "criterion_id", "result_before", "result", "note"]


def graded_plans(run: Run) -> pd.DataFrame:
    """The audited rows of the plans the forum graded, with their grades 1-5 (Int64)."""
    plans = read_plans(run.path)
    if plans is None:
        raise RunDirError(msg("meeting_ingen_plans", path=run.path))
    triage = read_triage(run.path)
    if triage is None or triage.empty:
        return plans.iloc[0:0]
    plans = plans.drop(columns=[c for c in GRADE_COLUMNS if c in plans.columns])
    graded = plans.merge(triage, on="plan_id", how="inner")
    for column in GRADE_COLUMNS:
        graded[column] = pd.to_numeric(graded[column].replace("", None),
                                       errors="coerce").astype("Int64")
    return graded


def _statements(run: Run) -> dict[str, list]:
    from auditlib.criteria import Statement

    by_plan: dict[str, list] = {}
    frame = run.statements[run.statements["statement_no"].notna()]
    for r in frame.itertuples(index=False):
        probability = 0.0 if pd.isna(r.probability) else float(r.probability)
        by_plan.setdefault(r.plan_id, []).append(Statement(
            r.field, int(r.statement_no), str(r.statement), str(r.label), probability,
            bool(r.greyzone), str(getattr(r, "explanation", "") or "")))
    return by_plan


def rerun_with_triage(run: Run | str | Path, criterion_ids: tuple[str, ...] = ("Q06",),
                      config=None) -> pd.DataFrame:
    """Run ``criterion_ids`` again on the graded plans (RERUN_COLUMNS, one row per plan
    and criterion; ``result_before`` is the audit's result)."""
    from auditlib.audit import _records
    from auditlib.criteria import CRITERIA, Plan, Settings

    run = run if isinstance(run, Run) else read_run(run)
    if config is None:
        from auditlib.config import load_config

        config = load_config()
    graded = graded_plans(run)
    settings = Settings(config.criteria.stated_min_words, config.criteria.timely_days,
                        config.criteria.complexity_domains)
    statements = _statements(run)
    before = {(p, c): r for p, c, r in
              run.criteria[["plan_id", "criterion_id", "result"]].itertuples(index=False)}
    rows = []
    for values in _records(graded):
        values = {k: (None if v == "" else v) for k, v in values.items()}
        plan = Plan(values, statements.get(values["plan_id"], []), settings)
        for criterion_id in criterion_ids:
            outcome = CRITERIA[criterion_id].run(plan)
            rows.append((plan.plan_id, criterion_id,
                         before.get((plan.plan_id, criterion_id), ""), outcome.result,
                         outcome.note))
    return pd.DataFrame(rows, columns=RERUN_COLUMNS)
