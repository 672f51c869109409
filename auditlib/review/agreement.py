"""How often hospital and kommune agree, and the tool with the forum (Cohen's kappa).

Only items both sides judged count; ``kan_ikke_vurdere`` is no judgement and is left
out. Kappa is undefined with fewer than two items or when every judgement falls in one
category: the table then says so in Danish instead of showing a number. Fewer than ten
items get a warning, since one item moves the numbers a lot.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score

from auditlib.errors import RunDirError
from auditlib.messages import msg
from auditlib.review.export import CANNOT
from auditlib.rundir import Run, read_run

AGREEMENT_COLUMNS = ["omraade", "n", "enighed", "kappa", "note"]
FEW_ITEMS = 10  # below this a kappa rests on too few items to say much
ALL = "alle"


def agreement_row(area: str, first: list[str], second: list[str]) -> dict:
    """n, percent agreement (0-1), Cohen's kappa and a Danish note for paired judgements."""
    n = len(first)
    share = (sum(a == b for a, b in zip(first, second, strict=True)) / n) if n else float("nan")
    kappa = float("nan")
    notes = []
    if n < 2:
        notes.append(msg("review_kappa_for_faa"))
    elif len(set(first) | set(second)) < 2:
        notes.append(msg("review_kappa_en_kategori"))
    else:
        kappa = float(cohen_kappa_score(first, second))
    if 2 <= n < FEW_ITEMS:
        notes.append(msg("review_faa_emner", n=FEW_ITEMS))
    return {"omraade": area, "n": n, "enighed": share, "kappa": kappa, "note": " ".join(notes)}


def _table(frame: pd.DataFrame, group: str, first: str, second: str, *,
           total: bool = True) -> pd.DataFrame:
    rows = []
    for area, part in frame.groupby(group, sort=False):
        rows.append(agreement_row(str(area), part[first].tolist(), part[second].tolist()))
    if total and len(rows) != 1:
        rows.append(agreement_row(ALL, frame[first].tolist(), frame[second].tolist()))
    table = pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)
    return table.astype({"n": "int64", "enighed": "float64", "kappa": "float64"})


def _judged(frame: pd.DataFrame, first: str, second: str) -> pd.DataFrame:
    values = frame[[first, second]].fillna("").astype(str)
    keep = values.ne("").all(axis=1) & values.ne(CANNOT).all(axis=1)
    return frame[keep]


def _greyzone_only(statements: pd.DataFrame, run: Run) -> pd.DataFrame:
    """The decided statements that are grey zones in the run (labels.md)."""
    grey = run.statements.loc[run.statements["greyzone"], ["plan_id", "field", "statement_no"]]
    keys = {(p, f, str(int(n))) for p, f, n in grey.itertuples(index=False) if pd.notna(n)}
    numbers = pd.to_numeric(statements["statement_no"], errors="coerce")
    mask = [pd.notna(n) and (p, f, str(int(n))) in keys
            for p, f, n in zip(statements["plan_id"], statements["field"], numbers, strict=True)]
    return statements[mask]


def agreement_tables(run: Run | str | Path) -> dict[str, pd.DataFrame]:
    """Three tables from ``decisions.csv``:

    ``kriterier``: hospital vs kommune (enig/uenig) per criterion, plus ``alle``;
    ``sektorer``: hospital vs kommune on the sector of the run's grey-zone statements,
    per the tool's sector, plus ``alle``;
    ``forum``: the tool's value vs the forum's decision, per kind (kriterium/udsagn).
    """
    run = run if isinstance(run, Run) else read_run(run)
    if run.decisions is None:
        raise RunDirError(msg("review_ingen_beslutninger", path=run.path))
    decisions = run.decisions.fillna("").astype(str)
    criteria = decisions[decisions["kind"].eq("kriterium")]
    statements = _greyzone_only(decisions[decisions["kind"].eq("udsagn")], run)
    decided = decisions[decisions["decision"].ne("")]
    return {
        "kriterier": _table(_judged(criteria, "hospital_value", "kommune_value"),
                            "criterion_id", "hospital_value", "kommune_value"),
        "sektorer": _table(_judged(statements, "hospital_value", "kommune_value"),
                           "tool_value", "hospital_value", "kommune_value"),
        # No total: criteria results and sectors are different scales.
        "forum": _table(decided, "kind", "tool_value", "decision", total=False),
    }
