"""Plans per quarter of discharge, broken down as the regional notat and the Midtklyngen
proposal report them: cluster, hospital unit, contact type, diagnosis group, level,
municipality, and unit × municipality.

Every table a call publishes is suppressed together (``auditlib.privacy.suppress``): the
per-quarter totals ("Planer i alt") are shared by every breakdown, and a unit's or
municipality's total is shared by its own breakdown and the unit × municipality table,
so the equations of all of them go into one system.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import product

import pandas as pd

from auditlib.audit import quarter_labels
from auditlib.privacy.suppress import Equation, Suppression, suppress_cells
from auditlib.register.columns import LEVEL_TITLES

ALL_QUARTERS = "I alt"
UNKNOWN = "Ikke angivet"
TOTAL_TITLE = "Planer i alt"
DEPRESSION = "Depression (F32-F33)"
ANXIETY = "Angst (F40-F41)"
OTHER = "Andre diagnoser"
DIAGNOSIS_GROUPS = (DEPRESSION, ANXIETY, OTHER, UNKNOWN)
CONTACT_TITLES = {"indlaeggelse": "Indlæggelse", "ambulant": "Ambulant", "akut": "Akut"}
CROSS_SEPARATOR = " / "

# Breakdown name (as given to --by) -> (register dimensions, Danish title).
BREAKDOWNS: dict[str, tuple[tuple[str, ...], str]] = {
    "klynge": (("klynge",), "Klynge"),
    "afdeling": (("afdeling",), "Afdeling"),
    "kontakttype": (("kontakttype",), "Kontakttype"),
    "diagnosegruppe": (("diagnosegruppe",), "Diagnosegruppe"),
    "niveau": (("niveau",), "Niveau"),
    "kommune": (("kommune",), "Kommune"),
    "afdeling-kommune": (("afdeling", "kommune"), "Afdeling × kommune"),
}
DEFAULT_BREAKDOWNS = ("klynge", "afdeling", "kontakttype", "diagnosegruppe", "niveau",
                      "kommune")
# Kept for callers that name the titles (notebooks, catalogue).
DIMENSIONS = {"kvartal": TOTAL_TITLE,
              **{name: BREAKDOWNS[name][1] for name in ("niveau", "diagnosegruppe", "kommune")}}
_MAIN = re.compile(r"F(\d\d)")


def diagnosis_group(diagnoses: object) -> str:
    """The group of the main (first) diagnosis, as in the regional notat."""
    if not isinstance(diagnoses, str):
        return UNKNOWN  # None, NaN or pd.NA: not stated
    match = _MAIN.search(diagnoses.upper())
    if not match:
        return UNKNOWN
    number = int(match.group(1))
    if number in (32, 33):
        return DEPRESSION
    if number in (40, 41):
        return ANXIETY
    return OTHER


def _text(values: pd.Series, titles: dict | None = None) -> pd.Series:
    def one(value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            return UNKNOWN
        value = value.strip()
        return titles.get(value, value) if titles else value
    return values.map(one).astype(object)


def plan_dimensions(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per plan: its quarter of discharge and its category in every dimension,
    as the tables show them (blank = ``Ikke angivet``)."""
    def column(name: str) -> pd.Series:
        return frame[name] if name in frame.columns else pd.Series(pd.NA, index=frame.index)

    return pd.DataFrame({
        "kvartal": quarter_labels(column("udskrevet")).astype(object).fillna(UNKNOWN),
        "klynge": _text(column("klynge")),
        "afdeling": _text(column("afdeling")),
        "kontakttype": _text(column("kontakttype"), CONTACT_TITLES),
        "diagnosegruppe": column("diagnose").map(diagnosis_group).astype(object),
        "niveau": _text(column("niveau"), LEVEL_TITLES),
        "kommune": _text(column("kommune")),
    }, index=frame.index)


def _category_order(dimension: str, values: Iterable[str]) -> list[str]:
    values = set(values)
    if dimension == "diagnosegruppe":
        fixed = list(DIAGNOSIS_GROUPS)
    elif dimension == "niveau":
        fixed = list(LEVEL_TITLES.values()) + [UNKNOWN]
    elif dimension == "kontakttype":
        fixed = list(CONTACT_TITLES.values()) + [UNKNOWN]
    else:
        fixed = []
    known = [v for v in fixed if v in values]
    rest = sorted(values - set(known) - {UNKNOWN}, key=str.casefold)
    return known + rest + ([UNKNOWN] if UNKNOWN in values and UNKNOWN not in known else [])


@dataclass(frozen=True)
class LinkedTables:
    """Count cells keyed ``(dimensions, categories, quarter)`` and the equations that tie
    every published table to its margins."""

    values: dict
    equations: list[Equation]
    categories: dict[tuple[str, ...], list[tuple[str, ...]]]
    quarters: list[str]
    per_quarter: dict[tuple[str, ...], bool]

    def suppress(self, min_count: int, suppress_zero: bool, **options) -> Suppression:
        return suppress_cells(self.values, self.equations, min_count=min_count,
                              suppress_zero=suppress_zero, **options)


def link_tables(data: pd.DataFrame, tables: Sequence[tuple[str, ...]],
                whole_period_only: Iterable[tuple[str, ...]] = (),
                weights: pd.Series | None = None,
                categories: dict[str, Sequence[str]] | None = None,
                quarters: Sequence[str] | None = None) -> LinkedTables:
    """Count ``data`` (one row per plan, or per extract row with ``weights``) in every
    table of ``tables`` (each a tuple of dimension names; ``()`` is the total), per
    quarter and over all quarters, with every category combination (zeros included:
    a missing row would tell the reader it is zero)."""
    weights = weights if weights is not None else pd.Series(1, index=data.index)
    tables = list(dict.fromkeys([(), *tables]))
    whole_period_only = set(whole_period_only)
    if quarters is None:
        quarters = sorted(set(data["kvartal"]) - {UNKNOWN}) + \
            ([UNKNOWN] if UNKNOWN in set(data["kvartal"]) else [])
    quarters = list(quarters)
    dimensions = sorted({d for t in tables for d in t})
    given = categories or {}
    order = {d: list(given[d]) if d in given else _category_order(d, data[d]) for d in dimensions}
    values: dict = {}
    equations: list[Equation] = []
    cats: dict = {}
    per_quarter: dict = {}
    for table in tables:
        cats[table] = list(product(*(order[d] for d in table)))
        per_quarter[table] = table not in whole_period_only
        columns = list(table) + ["kvartal"]
        summed = weights.groupby([data[c] for c in columns]).sum()
        lookup = {(k if isinstance(k, tuple) else (k,)): int(v) for k, v in summed.items()}
        for combo in cats[table]:
            total = 0
            for quarter in quarters:
                count = lookup.get((*combo, quarter), 0)
                total += count
                if per_quarter[table]:
                    values[(table, combo, quarter)] = count
            values[(table, combo, ALL_QUARTERS)] = total
            if per_quarter[table]:
                equations.append(Equation((table, combo, ALL_QUARTERS),
                                          tuple((table, combo, q) for q in quarters)))
    for table in tables:
        for position, dimension in enumerate(table):
            margin = table[:position] + table[position + 1:]
            if margin not in cats:
                continue
            shared = quarters + [ALL_QUARTERS] if per_quarter[table] and per_quarter[margin] \
                else [ALL_QUARTERS]
            for combo in cats[margin]:
                for quarter in shared:
                    parts = tuple((table, combo[:position] + (v,) + combo[position:], quarter)
                                  for v in order[dimension])
                    equations.append(Equation((margin, combo, quarter), parts))
    return LinkedTables(values, equations, cats, quarters, per_quarter)


def _tables_for(by: Iterable[str]) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    tables, whole_period = [], []
    for name in by:
        dims, _ = BREAKDOWNS[name]
        tables.append(dims)
        if len(dims) > 1:
            whole_period.append(dims)
            tables.extend((d,) for d in dims if (d,) not in tables)  # the margins are shown
    return list(dict.fromkeys(tables)), whole_period


def quarterly_counts(frame: pd.DataFrame, min_count: int = 5, *,
                     by: Iterable[str] | None = None, suppress_zero: bool = True) -> pd.DataFrame:
    """Long table ``opdeling, kategori, kvartal, planer`` (``planer`` as text: a number,
    ``<5`` or ``x``), with a row ``I alt`` over all quarters for every category.

    ``by``: names from ``BREAKDOWNS`` (default ``DEFAULT_BREAKDOWNS``); a cross such as
    ``afdeling-kommune`` is counted over the whole period and brings its margins along.
    Every cell is suppressed by ``auditlib.privacy.suppress`` in one system.
    """
    tables, whole_period = _tables_for(by or DEFAULT_BREAKDOWNS)
    data = plan_dimensions(frame)
    linked = link_tables(data, tables, whole_period)
    result = linked.suppress(min_count, suppress_zero)
    return long_table(linked, result, "planer")


def table_title(table: tuple[str, ...]) -> str:
    if not table:
        return TOTAL_TITLE
    for dims, title in BREAKDOWNS.values():
        if dims == table:
            return title
    titles = [BREAKDOWNS[d][1] if d in BREAKDOWNS else d for d in table]
    return " × ".join([titles[0]] + [t.lower() for t in titles[1:]])


def long_table(linked: LinkedTables, result: Suppression, value_name: str) -> pd.DataFrame:
    rows = []
    for table, combos in linked.categories.items():
        quarters = (linked.quarters if linked.per_quarter[table] else []) + [ALL_QUARTERS]
        title = table_title(table)
        for combo in combos:
            category = CROSS_SEPARATOR.join(combo) if combo else title
            for quarter in quarters:
                key = (table, combo, quarter)
                rows.append({"opdeling": title, "kategori": category, "kvartal": quarter,
                             value_name: result.display(key, linked.values[key])})
    return pd.DataFrame(rows, columns=["opdeling", "kategori", "kvartal", value_name])


def wide_counts(counts: pd.DataFrame, value: str = "planer") -> pd.DataFrame:
    """The long table as one row per breakdown and category, one column per quarter
    (a cross table counted over the whole period has only ``I alt``: blank elsewhere)."""
    wide = counts.pivot_table(index=["opdeling", "kategori"], columns="kvartal",
                              values=value, aggfunc="first", sort=False).fillna("")
    columns = sorted(c for c in wide.columns if c != ALL_QUARTERS) + [ALL_QUARTERS]
    wide = wide.reindex(columns=[c for c in columns if c in wide.columns]).reset_index()
    wide.columns.name = None
    return wide


def suppress_group_quarters(table: pd.DataFrame, group: str = "klynge", value: str = "planer",
                            min_count: int = 5, suppress_zero: bool = True) -> pd.DataFrame:
    """A copy of a long table ``kvartal, <group>, <value>`` (plans per quarter of each
    cluster, as run.json has them) with ``value`` suppressed as text. Each group's total
    over the quarters is known to the reader (the number of plans audited), so it is an
    equation of the system but never hidden."""
    values = {(row[group], row["kvartal"]): int(row[value]) for _, row in table.iterrows()}
    equations = []
    for name, part in table.groupby(group, sort=False):
        total = (name, ALL_QUARTERS)
        values[total] = int(part[value].sum())
        equations.append(Equation(total, tuple((name, q) for q in part["kvartal"])))
    known = [eq.total for eq in equations]
    result = suppress_cells(values, equations, min_count=min_count,
                            suppress_zero=suppress_zero, published_elsewhere=known)
    out = table.copy()
    out[value] = pd.Series([result.display((g, q), v) for g, q, v in
                            zip(table[group], table["kvartal"], table[value], strict=True)],
                           index=table.index, dtype=object)
    return out
