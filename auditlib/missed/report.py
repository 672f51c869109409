"""What the missed-plans notebook calls, so each cell is one or two lines.

Preparing the register (cluster, privacy gate, contract: the CLI's way in), and the
catalogue part's tables with Danish headings and percentages.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from auditlib.messages import msg
from auditlib.missed.summary import TITLES, MissedPart

DEMO_NAME = "missed-demo.csv"
SHARE_COLUMNS = ("andel", "andel_vurderet", "andel_vurderet_funktionstab", "andel_opfyldt")


def demo_register() -> Path:
    from auditlib.demo import DEMO_DIR

    return DEMO_DIR / DEMO_NAME


def prepare(register: str | Path | None = None, config=None, cluster: str | None = None):
    """``prepare_missed_register`` with the demo register as the default: the same cluster
    choice, privacy gate and contract as the CLI (raises on the first that fails, naming
    every problem's discharge and column, never a value)."""
    from auditlib.missed.load import prepare_missed_register
    from auditlib.notebooks import resolve

    return prepare_missed_register(resolve(register, demo_register()), config, cluster or None)


def prepared_summary(register) -> str:
    """Danish: the register follows its contract and holds no identifiers."""
    return msg("mu_rapport_ok", name=register.name, n=len(register.frame)) + " " + \
        msg("mu_privat_rent")


def run_text(result, paths: dict) -> str:
    files = ", ".join(f"`{p}`" for p in paths.values())
    return msg("mu_audit_resume", n=result.meta["n_discharges"],
               cluster=f" fra {result.meta['cluster']}" if result.meta.get("cluster") else "",
               criteria=len(result.meta["criteria"]),
               assessed=int(result.discharges["behov_vurderet"].fillna("").eq("ja").sum())) \
        + " " + files


def titled(frame: pd.DataFrame) -> pd.DataFrame:
    """A part table for people: Danish headings, shares as '38 %', blanks as '–'."""
    out = frame.drop(columns=[c for c in ("alvor",) if c in frame.columns]).copy()
    for column in out.columns:
        if column in SHARE_COLUMNS:
            out[column] = out[column].map(
                lambda v: "–" if v is None or pd.isna(v) else f"{round(float(v) * 100)} %")
    return out.rename(columns=TITLES)


def part_tables(part: MissedPart) -> list[tuple[str, pd.DataFrame]]:
    """(caption, table) for every table of the catalogue part, in the catalogue's order."""
    from auditlib.catalogue.missed import TABLES

    return [(caption, titled(getattr(part, attribute))) for attribute, caption, _ in TABLES]


def reasons_chart(part: MissedPart):
    """Horizontal bars: discharges per reason (valid reasons green, others red); suppressed
    counts are left out of the chart, as they are hidden in the table."""
    from auditlib.notebooks.views import _pyplot

    plt = _pyplot()
    table = part.reasons[part.reasons["antal"].map(lambda v: not isinstance(v, str))]
    colours = table["gyldig"].map({"ja": "#1E7B3C", "nej": "#B42318"}).fillna("#6B7280")
    figure, axis = plt.subplots(figsize=(8, 0.4 * max(len(table), 3) + 1))
    axis.barh(table["aarsag"], table["antal"].astype(int), color=colours.tolist())
    axis.invert_yaxis()
    axis.set_xlabel(TITLES["antal"])
    axis.set_title(msg("mu_katalog_titel"))
    figure.tight_layout()
    plt.close(figure)
    return figure


__all__ = ["demo_register", "part_tables", "prepare", "prepared_summary", "reasons_chart",
           "run_text", "titled"]
