"""The tables of the missed-plans audit: share assessed, reasons, criteria, per unit.

Every count here counts discharges, so every published table goes through the small-cell
suppression of ``auditlib.privacy`` (spec/privacy.md); a share is withheld whenever one of
the counts it is computed from is withheld, since the share would give the count away.
The catalogue part ("Planer der ikke blev lavet") and the notebook show these tables.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

import pandas as pd

from auditlib.missed.columns import ASSESSOR_TITLES, REASONS
from auditlib.missed.criteria import MISSED_CRITERIA
from auditlib.vocabulary import RESULTS

ALL = "Alle"
NOT_STATED = "Ikke angivet"
# Column titles of the tables, for the workbook, the page and the notebook.
TITLES = {
    "klynge": "Klynge", "afdeling": "Afdeling", "kontakttype": "Kontakttype",
    "diagnosegruppe": "Diagnosegruppe", "udskrivninger": "Udskrivninger uden plan",
    "funktionstab": "Funktionstab beskrevet", "vurderet": "Behov vurderet",
    "vurderet_laege": "Vurderet med læge",
    "vurderet_funktionstab": "Vurderet ved funktionstab", "andel_vurderet": "Andel vurderet",
    "andel_vurderet_funktionstab": "Andel vurderet ved funktionstab",
    "aarsag": "Årsag", "gyldig": "Gyldig grund", "antal": "Antal", "andel": "Andel",
    "criterion_id": "Kriterium", "titel": "Titel", "kilde": "Kilde", "alvor": "Alvor",
    "opfyldt": "Opfyldt", "ikke_opfyldt": "Ikke opfyldt", "ikke_relevant": "Ikke relevant",
    "kan_ikke_vurderes": "Kan ikke vurderes", "tjekfejl": "Tjekfejl",
    "andel_opfyldt": "Andel opfyldt", "vurderet_af": "Vurderet af",
}
LEGITIMATE_TITLES = {True: "ja", False: "nej", None: "forummet vurderer"}


@dataclass
class MissedPart:
    """The catalogue part "Planer der ikke blev lavet" (all tables suppressed)."""

    n_discharges: int
    clusters: list[str]
    assessment: pd.DataFrame
    reasons: pd.DataFrame
    criteria: pd.DataFrame
    by_unit: pd.DataFrame
    assessors: pd.DataFrame
    min_count: int = 5
    notes: list[str] = field(default_factory=list)


def _suppressed(table: pd.DataFrame, counts: list[str], shares: dict[str, tuple[str, ...]],
                min_count: int | None, *, total_row: Hashable | None = None,
                sums_to: dict[str, int] | None = None,
                row_parts: list[str] | None = None) -> pd.DataFrame:
    """Primary and complementary suppression of ``counts`` (``auditlib.privacy``'s one
    function); each share whose source counts are not all shown is withheld.

    The sums a reader can use, as equations: ``total_row``, the row ('Alle') each count
    column's other rows add up to; ``sums_to``, a published number a column's rows add
    up to (the reasons partition the discharges); ``row_parts``, columns that add up to
    the (published) number of discharges in every row (results per criterion).
    ``min_count`` None: no suppression (the coordinator's own view of the register).
    """
    from auditlib.privacy.suppress import Equation, suppress_cells

    if min_count is None:
        return table
    values = {(i, c): int(table.at[i, c]) for i in table.index for c in counts}
    equations, known = [], []
    inner = [i for i in table.index if i != total_row]
    if total_row is not None:
        equations += [Equation((total_row, c), tuple((i, c) for i in inner)) for c in counts]
    for column, total in (sums_to or {}).items():
        values[("sum", column)] = int(total)
        known.append(("sum", column))
        equations.append(Equation(("sum", column), tuple((i, column) for i in inner)))
    for i in table.index if row_parts else ():
        values[(i, "sum")] = sum(values[(i, c)] for c in row_parts)
        known.append((i, "sum"))
        equations.append(Equation((i, "sum"), tuple((i, c) for c in row_parts)))
    result = suppress_cells(values, equations, min_count=min_count, published_elsewhere=known)
    out = table.copy()
    for column in counts:
        out[column] = pd.Series([result.marker((i, column)) or values[(i, column)]
                                 for i in table.index], index=table.index, dtype=object)
    for share, sources in shares.items():
        visible = pd.Series(True, index=out.index)
        for source in sources:
            visible &= out[source].map(lambda v: not isinstance(v, str))
        out[share] = out[share].where(visible, None).astype(object)
    return out


def _yes(series: pd.Series) -> pd.Series:
    return series.fillna("").eq("ja")


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _assessment_row(name: str, group: pd.DataFrame) -> dict:
    loss = _yes(group["funktionstab_beskrevet"])
    assessed = _yes(group["behov_vurderet"])
    doctor = assessed & group["vurderet_af"].fillna("").str.contains("laege")
    return {"udskrivninger": len(group), "funktionstab": int(loss.sum()),
            "vurderet": int(assessed.sum()),
            "vurderet_funktionstab": int((assessed & loss).sum()),
            "vurderet_laege": int(doctor.sum()),
            "andel_vurderet": _share(int(assessed.sum()), len(group)),
            "andel_vurderet_funktionstab": _share(int((assessed & loss).sum()),
                                                  int(loss.sum())),
            "_name": name}


ASSESSMENT_COUNTS = ["udskrivninger", "funktionstab", "vurderet", "vurderet_funktionstab",
                     "vurderet_laege"]
ASSESSMENT_SHARES = {"andel_vurderet": ("udskrivninger", "vurderet"),
                     "andel_vurderet_funktionstab": ("funktionstab", "vurderet_funktionstab")}


def assessment_table(discharges: pd.DataFrame, by: str = "klynge",
                     min_count: int = 5) -> pd.DataFrame:
    """Per ``by`` (and all together when there are several): discharges without a plan,
    how many describe a functional loss, how many had the need assessed (with a doctor)."""
    rows = []
    keys = discharges[by].fillna(NOT_STATED)
    for name, group in discharges.groupby(keys, sort=True):
        rows.append(_assessment_row(str(name), group))
    if len(rows) > 1:
        rows.append(_assessment_row(ALL, discharges))
    table = pd.DataFrame(rows, columns=["_name", *ASSESSMENT_COUNTS, *ASSESSMENT_SHARES])
    table = table.rename(columns={"_name": by})
    total_row = table.index[-1] if len(rows) > 1 else None
    return _suppressed(table, ASSESSMENT_COUNTS, ASSESSMENT_SHARES, min_count,
                       total_row=total_row)


def reason_table(discharges: pd.DataFrame, min_count: int = 5) -> pd.DataFrame:
    """One row per reason for not making a plan (declared order, 'ikke angivet' last):
    whether it is a valid reason, and how many discharges give it."""
    reasons = discharges["aarsag_ingen_plan"]
    total = len(discharges)
    rows = []
    for reason in REASONS:
        n = int(reasons.fillna("").eq(reason.key).sum())
        rows.append({"aarsag": reason.title, "gyldig": LEGITIMATE_TITLES[reason.legitimate],
                     "antal": n, "andel": _share(n, total)})
    blank = int(reasons.isna().sum())
    rows.append({"aarsag": NOT_STATED, "gyldig": "nej", "antal": blank,
                 "andel": _share(blank, total)})
    table = pd.DataFrame(rows)
    # The reasons partition the discharges, whose number is published: they sum to it.
    return _suppressed(table, ["antal"], {"andel": ("antal",)}, min_count,
                       sums_to={"antal": total})


def criteria_table(results: pd.DataFrame, min_count: int | None = 5) -> pd.DataFrame:
    """Per criterion: discharges per result and the share fulfilled of those assessed."""
    rows = []
    for cid, criterion in MISSED_CRITERIA.items():
        part = results[results["criterion_id"] == cid]["result"]
        counts = {r: int(part.eq(r).sum()) for r in RESULTS}
        judged = counts["opfyldt"] + counts["ikke_opfyldt"]
        rows.append({"criterion_id": cid, "titel": criterion.titel, "kilde": criterion.kilde,
                     "alvor": criterion.alvor, **counts, "vurderet": judged,
                     "andel_opfyldt": _share(counts["opfyldt"], judged)})
    table = pd.DataFrame(rows)
    # Every discharge gets one result per criterion: a row's results sum to the discharges.
    out = _suppressed(table, list(RESULTS), {"andel_opfyldt": ("opfyldt", "ikke_opfyldt")},
                      min_count, row_parts=list(RESULTS))
    return out.drop(columns="vurderet")


def assessor_table(discharges: pd.DataFrame, min_count: int = 5) -> pd.DataFrame:
    """Who assessed the need, among discharges whose need was assessed (several per row)."""
    assessed = discharges[_yes(discharges["behov_vurderet"])]
    named = assessed["vurderet_af"].fillna("").str.split(";")
    rows = []
    for key, title in ASSESSOR_TITLES.items():
        n = int(named.map(lambda keys, key=key: key in [k.strip() for k in keys]).sum())
        rows.append({"vurderet_af": title, "antal": n, "andel": _share(n, len(assessed))})
    n_blank = int(assessed["vurderet_af"].isna().sum())
    rows.append({"vurderet_af": NOT_STATED, "antal": n_blank,
                 "andel": _share(n_blank, len(assessed))})
    # Several assessors per discharge: the rows do not add up to a published number. A
    # share would give its base (the assessed) away, so none is shown when that is small.
    out = _suppressed(pd.DataFrame(rows), ["antal"], {"andel": ("antal",)}, min_count)
    if min_count is not None and len(assessed) < min_count:
        out["andel"] = None
    return out


def missed_part(runs: list, min_count: int = 5) -> MissedPart:
    """The catalogue part from one or more missed-plans runs (``read_missed_run``)."""
    discharges = pd.concat([r.discharges for r in runs], ignore_index=True)
    results = pd.concat([r.results for r in runs], ignore_index=True)
    clusters = sorted(discharges["klynge"].dropna().unique().tolist())
    return MissedPart(
        n_discharges=len(discharges), clusters=clusters,
        assessment=assessment_table(discharges, "klynge", min_count),
        reasons=reason_table(discharges, min_count),
        criteria=criteria_table(results, min_count),
        by_unit=assessment_table(discharges, "afdeling", min_count),
        assessors=assessor_table(discharges, min_count),
        min_count=min_count)


__all__ = ["ALL", "MissedPart", "TITLES", "assessment_table", "assessor_table",
           "criteria_table", "missed_part", "reason_table"]
