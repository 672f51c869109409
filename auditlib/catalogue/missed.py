"""The catalogue part "Planer der ikke blev lavet": the missed-plans audit in the workbook
and on the page. The tables come suppressed from ``auditlib.missed.summary``; this module
only lays them out."""

from __future__ import annotations

import pandas as pd
from openpyxl import Workbook

from auditlib.catalogue.xlsx import Col, SheetWriter
from auditlib.messages import msg
from auditlib.missed.summary import TITLES, MissedPart

SHEET_NAME = "ikke_lavet"
SECTION_ID = "ikke-lavet"
SHARE_COLUMNS = ("andel", "andel_vurderet", "andel_vurderet_funktionstab", "andel_opfyldt")
# Which tables the part shows, in order: (attribute, caption, Excel table name).
TABLES = (
    ("assessment", "Blev behovet vurderet? Pr. klynge", "Ikke_lavet_vurderet"),
    ("reasons", "Hvorfor blev der ikke lavet en plan?", "Ikke_lavet_aarsager"),
    ("assessors", "Hvem vurderede behovet?", "Ikke_lavet_vurderet_af"),
    ("by_unit", "Blev behovet vurderet? Pr. afdeling", "Ikke_lavet_afdeling"),
    ("criteria", "Kriterierne M01-M04", "Ikke_lavet_kriterier"),
)


def part_title() -> str:
    return msg("mu_katalog_titel")


def part_intro(part: MissedPart) -> str:
    return msg("mu_katalog_intro", min_count=part.min_count)


def _columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c != "alvor"]


def _cell(value: object) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value


def write_missed_sheet(wb: Workbook, part: MissedPart, names: set[str]) -> None:
    """The sheet ``ikke_lavet``: one Excel table per table of the part."""
    sheet = SheetWriter(wb, SHEET_NAME, part_title(), part_intro(part), names)
    for index, (attribute, caption, table_name) in enumerate(TABLES):
        frame = getattr(part, attribute)
        columns = _columns(frame)
        if index:
            sheet.section(caption)
        cols = [Col(c, TITLES.get(c, c), "number" if c in SHARE_COLUMNS or c not in
                    ("klynge", "afdeling", "aarsag", "titel", "kilde", "vurderet_af", "gyldig")
                    else ("text" if c in ("kilde", "titel", "afdeling") else "medium"),
                    "0%" if c in SHARE_COLUMNS else None) for c in columns]
        rows = ([_cell(v) for v in row] for row in frame[columns].itertuples(index=False,
                                                                             name=None))
        sheet.table(table_name, cols, rows, freeze=index == 0)
    sheet.finish()


def missed_context(part: MissedPart | None) -> dict | None:
    """What the page's section needs: title, intro and each table's rows."""
    if part is None:
        return None
    tables = []
    for attribute, caption, _ in TABLES:
        frame = getattr(part, attribute)
        columns = _columns(frame)
        rows = [[_cell(v) for v in row] for row in frame[columns].itertuples(index=False,
                                                                             name=None)]
        tables.append({"caption": caption, "columns": columns,
                       "titles": [TITLES.get(c, c) for c in columns],
                       "shares": [c in SHARE_COLUMNS for c in columns], "rows": rows})
    return {"id": SECTION_ID, "title": part_title(), "intro": part_intro(part),
            "n": part.n_discharges, "clusters": part.clusters, "tables": tables}
