"""Published reference figures (``data/reference/*.csv``, each row with its source) and
the analyst's own register set beside them, with its period and n.

The register's side of a comparison is made of the same cells as the breakdowns (plans in
all, per diagnosis group, per municipality), plus sums the notat uses ("angst/depression"
is two diagnosis groups). Those sums are cells of the same suppression system as the
breakdowns (``count_report`` adds them), so a sum can never give a hidden group away.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from auditlib.counts.breakdowns import (
    ALL_QUARTERS,
    ANXIETY,
    DEPRESSION,
    OTHER,
    UNKNOWN,
    LinkedTables,
)
from auditlib.privacy.suppress import Equation, Suppression

REFERENCE_COLUMNS = ["figur", "aar", "gruppe", "antal", "kilde"]
FIGURE_TITLES = {
    "planer_fra_psykiatrien": "Planer fra psykiatrien",
    "planer_efter_diagnose": "Planer efter diagnosegruppe",
    "modtaget_efter_kommune": "Planer modtaget pr. kommune",
}
# The notat's two diagnosis groups, in our groups.
NOTAT_GROUPS = {"angst/depression": (ANXIETY, DEPRESSION), "øvrige": (OTHER, UNKNOWN)}


def reference_figures(source=None) -> pd.DataFrame:
    """Every published figure in the reference folder, or in the one file ``source``
    (``figur, aar, gruppe, antal, kilde``, plus ``fil``: the file it came from)."""
    from pathlib import Path

    from auditlib.resources import reference_dir

    source = Path(source) if source is not None else reference_dir()
    frames = []
    for path in sorted(source.glob("*.csv")) if source.is_dir() else [source]:
        table = pd.read_csv(path, dtype={"aar": "Int64", "antal": "Int64"})
        frames.append(table[REFERENCE_COLUMNS].assign(fil=path.name))
    if not frames:
        return pd.DataFrame(columns=[*REFERENCE_COLUMNS, "fil"])
    return pd.concat(frames, ignore_index=True)


@dataclass(frozen=True)
class ReferenceCells:
    """The register's cell for each reference row (a key of the plan system, or a
    derived sum added to it)."""

    keys: list
    values: dict
    equations: list[Equation]


def reference_cells(reference: pd.DataFrame, plans: LinkedTables) -> ReferenceCells:
    """Keys into ``plans`` for every reference row, and the extra cells and equations
    (sums of diagnosis groups, municipalities the register does not have)."""
    values: dict = {}
    equations: list[Equation] = []
    keys = []
    municipalities = {c[0] for c in plans.categories.get(("kommune",), [])}
    groups = {c[0] for c in plans.categories.get(("diagnosegruppe",), [])}
    for figure, group in zip(reference["figur"], reference["gruppe"], strict=True):
        group = str(group)
        if figure == "planer_fra_psykiatrien":
            keys.append(((), (), ALL_QUARTERS))
        elif figure == "planer_efter_diagnose" and group.casefold() in NOTAT_GROUPS \
                and groups:
            key = ("reference", "diagnose", group.casefold())
            parts = tuple((("diagnosegruppe",), (g,), ALL_QUARTERS)
                          for g in NOTAT_GROUPS[group.casefold()] if g in groups)
            values[key] = sum(plans.values[p] for p in parts)
            equations.append(Equation(key, parts))
            keys.append(key)
        elif figure == "modtaget_efter_kommune" and group in municipalities:
            keys.append((("kommune",), (group,), ALL_QUARTERS))
        else:
            keys.append(None)  # the register has no such group: nothing to set beside it
    return ReferenceCells(keys, values, equations)


def reference_comparison_table(reference: pd.DataFrame, cells: ReferenceCells,
                               plans: LinkedTables, result: Suppression,
                               label: str) -> pd.DataFrame:
    """One row per published figure: its source, and the register's count beside it for
    the register's period (``periode``, ``kvartaler``), suppressed, with the count per
    year (``pr_aar``: count × 4 / quarters) when it is shown."""
    quarters = [q for q in plans.quarters if q != UNKNOWN]
    period = f"{quarters[0]} – {quarters[-1]}" if quarters else ""
    rows = []
    for (_, ref), key in zip(reference.iterrows(), cells.keys, strict=True):
        value = None if key is None else (plans.values.get(key, cells.values.get(key)))
        shown = "–" if key is None else result.display(key, value)
        per_year = float("nan")
        if key is not None and key not in result.hidden and quarters:
            per_year = value * 4 / len(quarters)
        rows.append({
            "figur": ref["figur"], "titel": FIGURE_TITLES.get(ref["figur"], ref["figur"]),
            "gruppe": ref["gruppe"],
            "notat_aar": ref["aar"], "notat_antal": ref["antal"], "kilde": ref["kilde"],
            "register": label, "periode": period, "kvartaler": len(quarters),
            "register_antal": shown, "register_pr_aar": per_year,
        })
    return pd.DataFrame(rows)


def reference_text_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """The comparison as people read it: Danish headings and numbers."""
    from auditlib.counts.rates import danish_number

    return pd.DataFrame({
        "Tal": comparison["titel"], "Gruppe": comparison["gruppe"],
        "Notat: år": comparison["notat_aar"], "Notat: antal": comparison["notat_antal"],
        "Kilde": comparison["kilde"], "Register": comparison["register"],
        "Periode": comparison["periode"], "Kvartaler": comparison["kvartaler"],
        "Antal": comparison["register_antal"],
        "Pr. år (omregnet)": [danish_number(v, 0) for v in comparison["register_pr_aar"]],
    })
