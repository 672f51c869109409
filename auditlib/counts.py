"""Quarterly counts of plans (as the regional notat reports them), with small-cell
suppression: every breakdown by level, diagnosis group or municipality shows counts
below ``suppression.min_count`` (default 5) as ``<5``.
"""

from __future__ import annotations

import re

import pandas as pd

from auditlib.audit import quarter_labels
from auditlib.register.columns import LEVEL_TITLES

ALL_QUARTERS = "I alt"
DIMENSIONS = {
    "kvartal": "Planer i alt",
    "niveau": "Niveau",
    "diagnosegruppe": "Diagnosegruppe",
    "kommune": "Kommune",
    # Municipal cells mostly vanish below 5 (DOMAIN.md §8): the cluster aggregates them.
    "klynge": "Klynge",
}
DEPRESSION = "Depression (F32-F33)"
ANXIETY = "Angst (F40-F41)"
OTHER = "Andre diagnoser"
UNKNOWN = "Ikke angivet"
_MAIN = re.compile(r"F(\d\d)")


def diagnosis_group(diagnoses: object) -> str:
    """The group of the main (first) diagnosis, as in the regional notat."""
    if not isinstance(diagnoses, str):
        return UNKNOWN  # None, NaN or pd.NA: not stated
    match = _MAIN.search(diagnoses)
    if not match:
        return UNKNOWN
    number = int(match.group(1))
    if number in (32, 33):
        return DEPRESSION
    if number in (40, 41):
        return ANXIETY
    return OTHER


def quarterly_counts(frame: pd.DataFrame, min_count: int = 5,
                     cluster_map=None) -> pd.DataFrame:
    """Long table ``opdeling, kategori, kvartal, planer`` (``planer`` as text: a number or
    ``<5``), with a row ``I alt`` over all quarters for every category. A plan without a
    klynge is counted in its municipality's cluster from the cluster map."""
    from auditlib.clusters import load_cluster_map
    from auditlib.privacy import suppress_small

    cluster_map = cluster_map or load_cluster_map()
    clusters = frame["klynge"].astype(object).where(frame["klynge"].notna(),
                                                    frame["kommune"].map(cluster_map.cluster_of))

    data = pd.DataFrame({
        "kvartal": quarter_labels(frame["udskrevet"]).fillna(UNKNOWN),
        "niveau": frame["niveau"].map(lambda v: LEVEL_TITLES.get(v, UNKNOWN)
                                      if isinstance(v, str) else UNKNOWN),
        "diagnosegruppe": frame["diagnose"].map(diagnosis_group),
        "kommune": frame["kommune"].fillna(UNKNOWN).replace("", UNKNOWN),
        "klynge": clusters.fillna(UNKNOWN).replace("", UNKNOWN),
    })
    tables = []
    for dimension, title in DIMENSIONS.items():
        if dimension == "kvartal":
            counts = data.groupby("kvartal").size().rename("planer").reset_index()
            counts.insert(0, "kategori", title)
            total = pd.DataFrame([{"kategori": title, "kvartal": ALL_QUARTERS,
                                   "planer": len(data)}])
            table = pd.concat([counts, total], ignore_index=True)
            table["planer"] = table["planer"].astype(int).astype(str)
        else:
            counts = (data.groupby([dimension, "kvartal"]).size().rename("planer")
                      .reset_index().rename(columns={dimension: "kategori"}))
            totals = data.groupby(dimension).size().rename("planer").reset_index().rename(
                columns={dimension: "kategori"}).assign(kvartal=ALL_QUARTERS)
            table = pd.concat([counts, totals], ignore_index=True)
            table = suppress_small(table, min_count=min_count, columns=["planer"])
            table["planer"] = table["planer"].astype(str)
        table.insert(0, "opdeling", title)
        tables.append(table[["opdeling", "kategori", "kvartal", "planer"]])
    result = pd.concat(tables, ignore_index=True)
    order = {title: i for i, title in enumerate(DIMENSIONS.values())}
    result["_o"] = result["opdeling"].map(order)
    result["_q"] = result["kvartal"].eq(ALL_QUARTERS)
    result = result.sort_values(["_o", "kategori", "_q", "kvartal"], kind="stable")
    return result.drop(columns=["_o", "_q"]).reset_index(drop=True)


def wide_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """The long table as one row per breakdown and category, one column per quarter."""
    wide = counts.pivot_table(index=["opdeling", "kategori"], columns="kvartal",
                              values="planer", aggfunc="first", sort=False).fillna("0")
    columns = sorted(c for c in wide.columns if c != ALL_QUARTERS) + [ALL_QUARTERS]
    wide = wide.reindex(columns=[c for c in columns if c in wide.columns]).reset_index()
    wide.columns.name = None
    return wide
