"""Summaries of an audit for the notebooks, the catalogue and the command line."""

from __future__ import annotations

import pandas as pd

from auditlib.rundir import fulfilment
from auditlib.vocabulary import RESULTS


def criteria_summary(criteria: pd.DataFrame, declared: dict | None = None) -> pd.DataFrame:
    """One row per criterion: the count of each result, how many plans it applies to
    (all but ``ikke_relevant``), and the share fulfilled among the plans that could be
    judged (``opfyldt`` / (``opfyldt`` + ``ikke_opfyldt``)).

    ``criteria`` has the columns of criteria.csv (``result`` may already be the forum's
    decision). Criteria keep their order of first appearance.
    """
    if declared is None:
        from auditlib.criteria import CRITERIA as declared
    table = fulfilment(criteria, ["criterion_id"], result="result")
    order = table["criterion_id"].tolist()
    table.insert(1, "titel", [getattr(declared.get(c), "titel", c) for c in order])
    table.insert(2, "alvor", [getattr(declared.get(c), "alvor", "") for c in order])
    table["gaelder_for"] = table["planer"] - table["ikke_relevant"]
    table["andel_opfyldt"] = table["andel_opfyldt"].round(3)
    table["andel_gaelder"] = (table["gaelder_for"] / table["planer"].where(table["planer"] > 0)
                              ).round(3)
    return table[["criterion_id", "titel", "alvor", *RESULTS, "planer", "gaelder_for",
                  "andel_opfyldt", "andel_gaelder"]]


def plan_summary(criteria: pd.DataFrame, declared: dict | None = None) -> pd.DataFrame:
    """One row per plan: how many formal and quality criteria are not met, and which;
    plans with most formal failures first, then by plan_id."""
    if declared is None:
        from auditlib.criteria import CRITERIA as declared
    severity = criteria["criterion_id"].map(
        lambda c: getattr(declared.get(c), "alvor", "kvalitet" if c[:1] != "K" else "formel"))
    failed = criteria.assign(alvor=severity)[criteria["result"].eq("ikke_opfyldt")]
    rows = []
    for plan_id in sorted(criteria["plan_id"].unique()):
        mine = failed[failed["plan_id"].eq(plan_id)]
        formal = mine[mine["alvor"].eq("formel")]["criterion_id"].tolist()
        quality = mine[~mine["alvor"].eq("formel")]["criterion_id"].tolist()
        unclear = criteria[criteria["plan_id"].eq(plan_id)
                           & criteria["result"].isin(["kan_ikke_vurderes", "tjekfejl"])]
        rows.append({"plan_id": plan_id, "formelle_ikke_opfyldt": len(formal),
                     "kvalitet_ikke_opfyldt": len(quality),
                     "kan_ikke_vurderes": len(unclear),
                     "ikke_opfyldte": ", ".join(formal + quality)})
    table = pd.DataFrame(rows, columns=["plan_id", "formelle_ikke_opfyldt",
                                        "kvalitet_ikke_opfyldt", "kan_ikke_vurderes",
                                        "ikke_opfyldte"])
    return table.sort_values(["formelle_ikke_opfyldt", "kvalitet_ikke_opfyldt", "plan_id"],
                             ascending=[False, False, True], kind="stable").reset_index(drop=True)


def label_summary(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements per label, and how many of them are grey zones."""
    grey = statements["greyzone"].astype(str).str.lower().eq("true")
    table = (statements.assign(graazone=grey).groupby("label")
             .agg(udsagn=("statement", "size"), graazoner=("graazone", "sum")).reset_index())
    return table.sort_values("udsagn", ascending=False, kind="stable").reset_index(drop=True)
