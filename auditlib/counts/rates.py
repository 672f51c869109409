"""Plans per 100 discharges, with Wilson confidence intervals, and the counts report that
puts them beside the breakdowns.

The plan counts of the rate tables are the same cells as the breakdowns (a unit per
quarter, a diagnosis group per quarter): they are suppressed in one system with them, so
no two published tables hide different cells of the same count. The discharges are
suppressed in a system of their own. A rate is published only when both its plans and
its discharges are shown: a rate beside a shown denominator gives its numerator away.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from auditlib.counts.breakdowns import (
    ALL_QUARTERS,
    CROSS_SEPARATOR,
    DEFAULT_BREAKDOWNS,
    DIAGNOSIS_GROUPS,
    UNKNOWN,
    LinkedTables,
    _category_order,
    _tables_for,
    link_tables,
    long_table,
    plan_dimensions,
    table_title,
)
from auditlib.counts.extract import DischargeExtract
from auditlib.privacy.suppress import Suppression

Z_95 = 1.959963984540054  # two-sided 95 %


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval for a proportion (as fractions). It stays inside [0, 1] and
    behaves at 0 and at small n, where the normal approximation does not."""
    if trials <= 0:
        return (math.nan, math.nan)
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


def danish_number(value: float, decimals: int = 1) -> str:
    """``12,5``; thousands with a point (``1.234,5``); ``–`` for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def danish_percent(share: float, decimals: int = 0) -> str:
    """``96 %`` for 0.96."""
    return "–" if share is None or share != share else f"{danish_number(share * 100, decimals)} %"


@dataclass
class CountsReport:
    """What ``auditlib counts`` publishes: every cell already suppressed (text)."""

    counts: pd.DataFrame  # opdeling, kategori, kvartal, planer
    rates: pd.DataFrame | None = None  # opdeling, kategori, kvartal, planer, <kind>, ...
    kind: str | None = None  # "udskrivninger" or "kontakter"
    notes: list[str] = field(default_factory=list)
    suppression: Suppression | None = None  # of the plan counts
    plan_tables: LinkedTables | None = None
    discharge_tables: LinkedTables | None = None
    discharge_suppression: Suppression | None = None
    reference: pd.DataFrame | None = None  # published figures beside the register's


def count_report(frame: pd.DataFrame, *, by: Iterable[str] | None = None,
                 extract: DischargeExtract | None = None, min_count: int = 5,
                 suppress_zero: bool = True, reference: pd.DataFrame | None = None,
                 label: str = "") -> CountsReport:
    """The breakdowns of ``frame``; with ``extract``, plans per 100 discharges by the
    extract's unit (and diagnosis group when it has one); with ``reference`` (rows of
    ``reference_figures()``), the register's figures beside the published ones. Every
    plan count of all of them is suppressed in one system."""
    from auditlib.counts.reference import reference_cells, reference_comparison_table
    from auditlib.privacy.suppress import suppress_cells

    tables, whole_period = _tables_for(by or DEFAULT_BREAKDOWNS)
    published = [table_title(t) for t in [(), *tables]]
    data = plan_dimensions(frame)
    rate_tables: list[tuple[str, ...]] = []
    ext = None
    quarters = None
    if extract is not None:
        rate_tables = [(extract.unit,)] + ([("diagnosegruppe",), (extract.unit, "diagnosegruppe")]
                                           if extract.has_groups else [])
        ext = extract.frame.rename(columns={"antal": "_antal"})
        if not extract.has_groups:
            ext["diagnosegruppe"] = UNKNOWN
        quarters = sorted(set(data["kvartal"]) | set(ext["kvartal"]))
    extra = [("diagnosegruppe",), ("kommune",)] if reference is not None else []
    system = list(dict.fromkeys(tables + rate_tables + extra))
    dims = {d for t in system for d in t}
    categories = {d: _category_order(d, set(data[d]) | (set(ext[d]) if ext is not None
                                                        and d in ext else set()))
                  for d in dims}
    if "diagnosegruppe" in categories:
        categories["diagnosegruppe"] = [g for g in DIAGNOSIS_GROUPS
                                        if g in set(categories["diagnosegruppe"])]
    plans = link_tables(data, system, whole_period, categories=categories, quarters=quarters)
    values, equations = dict(plans.values), list(plans.equations)
    cells = None
    if reference is not None:
        cells = reference_cells(reference, plans)
        values.update(cells.values)
        equations += cells.equations
    plan_result = suppress_cells(values, equations, min_count=min_count,
                                 suppress_zero=suppress_zero)
    plans = LinkedTables(values, equations, plans.categories, plans.quarters, plans.per_quarter)
    counts = long_table(plans, plan_result, "planer")
    counts = counts[counts["opdeling"].isin(published)].reset_index(drop=True)
    report = CountsReport(counts, suppression=plan_result, plan_tables=plans)
    if cells is not None:
        report.reference = reference_comparison_table(reference, cells, plans, plan_result,
                                                      label)
    if extract is None:
        return report
    discharges = link_tables(ext, rate_tables, weights=ext["_antal"],
                             categories={d: categories[d] for d in
                                         {d for t in rate_tables for d in t}},
                             quarters=quarters)
    discharge_result = discharges.suppress(min_count, suppress_zero)
    report.rates, report.notes = _rate_rows(plans, plan_result, discharges, discharge_result,
                                            rate_tables, extract.kind)
    report.kind = extract.kind
    report.discharge_tables, report.discharge_suppression = discharges, discharge_result
    return report


def _rate_rows(plans: LinkedTables, plan_result: Suppression, discharges: LinkedTables,
               discharge_result: Suppression, rate_tables, kind: str):
    rows, notes = [], set()
    for table in [(), *rate_tables]:
        per_quarter = discharges.quarters + [ALL_QUARTERS]
        for combo in discharges.categories[table]:
            for quarter in per_quarter:
                key = (table, combo, quarter)
                n, d = plans.values[key], discharges.values[key]
                n_hidden = key in plan_result.hidden
                d_hidden = key in discharge_result.hidden
                rate = low = high = math.nan
                if not n_hidden and not d_hidden and d > 0:
                    rate = 100 * n / d
                    if n <= d:
                        low, high = (100 * x for x in wilson_interval(n, d))
                    else:
                        notes.add("flere_planer_end_udskrivninger")
                rows.append({
                    "opdeling": table_title(table),
                    "kategori": CROSS_SEPARATOR.join(combo) if combo else table_title(table),
                    "kvartal": quarter,
                    "planer": plan_result.display(key, n),
                    kind: discharge_result.display(key, d),
                    "pr_100": rate, "ki_lav": low, "ki_hoej": high,
                })
    return pd.DataFrame(rows), sorted(notes)


def rates_text_table(rates: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The rates as people read them: ``12,5 (8,1–18,7)``."""
    out = rates[["opdeling", "kategori", "kvartal", "planer", kind]].copy()
    out["pr. 100"] = [danish_number(v) for v in rates["pr_100"]]
    out["95 %-KI"] = ["–" if math.isnan(lo) else f"{danish_number(lo)}–{danish_number(hi)}"
                      for lo, hi in zip(rates["ki_lav"], rates["ki_hoej"], strict=True)]
    return out
