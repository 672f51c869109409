"""What the missed-plans notebook calls, so each cell is one or two lines.

Loading (with one cluster's problems), the privacy gate's all-clear, the validation
table, and the catalogue part's tables with Danish headings and percentages.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd

from auditlib.messages import msg
from auditlib.missed.columns import ID_COLUMN
from auditlib.missed.summary import TITLES, MissedPart

DEMO_NAME = "missed-demo.csv"
SHARE_COLUMNS = ("andel", "andel_vurderet", "andel_vurderet_funktionstab", "andel_opfyldt")


def demo_register() -> Path:
    from auditlib.demo import DEMO_DIR

    return DEMO_DIR / DEMO_NAME


def load(register: str | Path | None = None, cluster: str | None = None):
    """Load the register (default: the demo) and keep one cluster's discharges, with the
    problems that belong to them (a bad row in another cluster does not stop this one)."""
    from auditlib.missed.load import load_missed_register, select_cluster
    from auditlib.notebooks import resolve

    loaded = load_missed_register(resolve(register, demo_register()))
    if not cluster:
        return loaded
    chosen = select_cluster(loaded, cluster)
    ids = set(chosen.frame[ID_COLUMN].dropna().astype(str))
    problems = [p for p in loaded.problems if p.plan_id is None or str(p.plan_id) in ids]
    return dataclasses.replace(chosen, problems=problems)


def privacy_gate(register, config=None, cluster: str | None = None) -> str:
    """Raise PrivacyError when the register holds an identifier; else a Danish all-clear."""
    from auditlib.missed.audit import guard_missed_register

    guard_missed_register(register, config, cluster=cluster)
    return msg("mu_privat_rent")


def validation_summary(register) -> str:
    if register.problems:
        return msg("mu_rapport_problemer", name=register.name, count=len(register.problems),
                   n=len(register.frame))
    return msg("mu_rapport_ok", name=register.name, n=len(register.frame))


def validation_table(register) -> pd.DataFrame:
    """The problems as ``udskrivning_id, kolonne, problem`` (empty when none)."""
    rows = [p.as_row() for p in register.problems]
    return pd.DataFrame(rows, columns=[ID_COLUMN, "column", "problem"]).rename(
        columns={"column": "kolonne"})


def require_valid(register) -> None:
    """Raise RegisterInvalidError naming each problem's discharge (or row) and column."""
    from auditlib.errors import RegisterInvalidError

    if not register.problems:
        return
    lines = [f"{p.where()}, kolonne {p.column}: {p.message}" for p in register.problems[:10]]
    if len(register.problems) > 10:
        lines.append(msg("privat_flere", count=len(register.problems) - 10))
    raise RegisterInvalidError(validation_summary(register) + " " + "; ".join(lines),
                               problems=register.problems)


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
    from auditlib.notebooks import _pyplot

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


__all__ = ["load", "part_tables", "privacy_gate", "reasons_chart", "require_valid",
           "run_text", "titled", "validation_summary", "validation_table"]
