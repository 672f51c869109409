"""Compare two audit runs of the same cluster: the share fulfilled per criterion.

The share is opfyldt / (opfyldt + ikke_opfyldt), as in the catalogue and
``auditlib.summary``: plans where the criterion does not apply or cannot be judged count
neither for nor against it. The forum's decision from ``decisions.csv`` overrides the tool's
result for that plan and criterion, as everywhere else.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from auditlib.rundir import Run, fulfilment, read_run

COMPARE_COLUMNS = ["klynge", "criterion_id", "titel", "foer", "efter", "aendring"]
COUNT_COLUMNS = ["foer_opfyldt", "foer_vurderet", "efter_opfyldt", "efter_vurderet"]


def _as_run(run: Run | str | Path) -> Run:
    return run if isinstance(run, Run) else read_run(run)


def final_results(run: Run) -> pd.DataFrame:
    """plan_id, criterion_id and the final result (the forum's where it has decided)."""
    final = run.final_criteria()
    return final[["plan_id", "criterion_id"]].assign(result=final["final"])


def share_fulfilled(results: pd.DataFrame) -> pd.Series:
    """Per criterion (in first-seen order): opfyldt / judged plans; NaN if none."""
    table = fulfilment(results, ["criterion_id"], result="result")
    return table.set_index("criterion_id")["andel_opfyldt"]


def judged_counts(results: pd.DataFrame) -> pd.DataFrame:
    """Per criterion: ``opfyldt`` and ``vurderet`` (the n behind each share), so a share
    on three plans is never shown without its three."""
    table = fulfilment(results, ["criterion_id"], result="result")
    return table.set_index("criterion_id")[["opfyldt", "vurderet"]].astype("int64")


def _titles() -> dict[str, str]:
    try:
        from auditlib.criteria.info import criteria_info

        return {key: info.titel for key, info in criteria_info().items()}
    except Exception:  # titles are a convenience; ids still identify the criteria
        return {}


def compare_runs(run_a: Run | str | Path, run_b: Run | str | Path, *,
                 with_counts: bool = False) -> pd.DataFrame:
    """``klynge, criterion_id, titel, foer, efter, aendring`` and the counts behind the
    shares: shares 0-1 in run_a (before) and run_b (after), the change in percentage
    points; ``with_counts`` adds ``COUNT_COLUMNS`` (opfyldt and judged plans per run)."""
    run_a, run_b = _as_run(run_a), _as_run(run_b)
    results_a, results_b = final_results(run_a), final_results(run_b)
    before = share_fulfilled(results_a).rename("foer")
    after = share_fulfilled(results_b).rename("efter")
    order = list(dict.fromkeys([*before.index, *after.index]))
    table = pd.concat([before, after, judged_counts(results_a).add_prefix("foer_"),
                       judged_counts(results_b).add_prefix("efter_")], axis=1).reindex(order)
    for column in COUNT_COLUMNS:
        table[column] = table[column].fillna(0).astype("int64")
    table.index.name = "criterion_id"
    table = table.reset_index()
    titles = _titles()
    table["titel"] = [titles.get(c, c) for c in table["criterion_id"]]
    table["aendring"] = (table["efter"] - table["foer"]) * 100
    cluster = run_b.cluster or run_a.cluster
    if run_a.cluster and run_b.cluster and run_a.cluster != run_b.cluster:
        cluster = f"{run_a.cluster} → {run_b.cluster}"
    table["klynge"] = cluster
    return table[COMPARE_COLUMNS + (COUNT_COLUMNS if with_counts else [])]
